package dev.gatehouse.sso.signin;

/**
 * One value the console shows for a provider.
 *
 * @param id the element id on the page (tests and people refer to it)
 * @param code shown as code, to be copied
 */
public record ProviderField(String label, String value, String id, boolean code) {
    public static ProviderField copy(String label, String value, String id) {
        return new ProviderField(label, value, id, true);
    }

    public static ProviderField text(String label, String value) {
        return new ProviderField(label, value, null, false);
    }
}
