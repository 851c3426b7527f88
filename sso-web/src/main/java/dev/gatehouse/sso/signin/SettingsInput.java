package dev.gatehouse.sso.signin;

/**
 * The {@code settings} of a provider as an administrator sent them, from the API's JSON or the console's form: absent
 * values read as {@code null}; a value of the wrong type is refused with the field's name ({@code settings.x}).
 */
public interface SettingsInput {
    String string(String field);

    Boolean bool(String field);

    Integer integer(String field);
}
