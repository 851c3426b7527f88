package dev.gatehouse.sso.signin;

import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.port.ProviderSettingsFormat;
import dev.gatehouse.identity.validation.ValidationException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Every installed {@link SignInProtocol}, by provider kind. */
public final class SignInProtocols {
    private final Map<String, SignInProtocol> byKind = new TreeMap<>();

    public SignInProtocols(Collection<? extends SignInProtocol> protocols) {
        protocols.forEach(protocol -> {
            if (byKind.put(protocol.kind(), protocol) != null) {
                throw new IllegalStateException("two sign-in protocols claim the provider kind " + protocol.kind());
            }
        });
    }

    public Collection<SignInProtocol> all() {
        return byKind.values();
    }

    public Optional<SignInProtocol> find(String kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /** The protocol of a provider stored by one of the installed protocols. */
    public SignInProtocol of(Provider provider) {
        return find(provider.settings().kind())
                .orElseThrow(() -> new IllegalStateException(
                        "no sign-in protocol of kind " + provider.settings().kind() + " is installed"));
    }

    /** The protocol of a kind an administrator named. */
    public SignInProtocol require(String field, String kind) {
        String kinds = byKind.keySet().stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(" or "));
        if (kind == null) {
            throw ValidationException.of(field, "is required; use " + kinds);
        }
        return find(kind)
                .orElseThrow(() -> ValidationException.of(
                        field,
                        "'" + kind + "' is not supported yet; use " + kinds
                                + " (OpenID Connect and OAuth come later)"));
    }

    public List<ProviderSettingsFormat> settingsFormats() {
        return byKind.values().stream().map(SignInProtocol::settingsFormat).toList();
    }
}
