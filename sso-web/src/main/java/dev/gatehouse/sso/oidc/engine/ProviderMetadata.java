package dev.gatehouse.sso.oidc.engine;

import com.nimbusds.jose.util.JSONObjectUtils;
import java.net.URI;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of a provider's discovery document ({@code <issuer>/.well-known/openid-configuration}) Gatehouse uses. The
 * document's {@code issuer} must be the configured issuer, as OpenID Connect Discovery 1.0 §4.3 requires; Entra's
 * multi-tenant documents ({@code /organizations/v2.0}, {@code /common/v2.0}) are the one accepted difference: they
 * publish the issuer with {@code {tenantid}} in place of the tenant segment. Every endpoint must be https (http only on
 * loopback).
 */
public record ProviderMetadata(
        String issuer,
        String authorizationEndpoint,
        String tokenEndpoint,
        String jwksUri,
        Optional<String> endSessionEndpoint,
        Optional<String> userinfoEndpoint) {

    private static final Set<String> ENTRA_MULTI_TENANT = Set.of("organizations", "common");

    /** The discovery URL of an issuer. */
    public static String discoveryUrl(String issuer) {
        return (issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer)
                + "/.well-known/openid-configuration";
    }

    /** @throws OidcException {@code UNAVAILABLE} naming what is wrong with the document */
    public static ProviderMetadata parse(String json, String configuredIssuer) {
        Map<String, Object> document;
        try {
            document = JSONObjectUtils.parse(json);
        } catch (ParseException e) {
            throw unusable("it is not a JSON object");
        }
        String issuer = text(document, "issuer");
        if (!issuer.equals(configuredIssuer) && !issuer.equals(entraTemplate(configuredIssuer))) {
            throw unusable("its issuer '" + ProviderKeys.printable(issuer) + "' is not the configured issuer '"
                    + configuredIssuer + "'");
        }
        return new ProviderMetadata(
                issuer,
                url(document, "authorization_endpoint"),
                url(document, "token_endpoint"),
                url(document, "jwks_uri"),
                optionalUrl(document, "end_session_endpoint"),
                optionalUrl(document, "userinfo_endpoint"));
    }

    /** Entra's multi-tenant issuer: the tenant segment ({@code organizations}, {@code common}) as a placeholder. */
    static String entraTemplate(String configuredIssuer) {
        URI uri = URI.create(configuredIssuer);
        String[] segments = String.valueOf(uri.getPath()).split("/");
        if (segments.length >= 2 && ENTRA_MULTI_TENANT.contains(segments[1].toLowerCase(Locale.ROOT))) {
            return configuredIssuer.replaceFirst(
                    "/" + segments[1] + "(/|$)", "/" + IssuerPolicy.TENANT_PLACEHOLDER + "$1");
        }
        return null;
    }

    private static String text(Map<String, Object> document, String name) {
        if (document.get(name) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw unusable("it has no " + name);
    }

    private static String url(Map<String, Object> document, String name) {
        String value = text(document, name);
        URI uri;
        try {
            uri = new URI(value);
        } catch (java.net.URISyntaxException e) {
            throw unusable("its " + name + " is not a URL");
        }
        String scheme = String.valueOf(uri.getScheme()).toLowerCase(Locale.ROOT);
        boolean loopback = List.of("127.0.0.1", "[::1]", "localhost").contains(String.valueOf(uri.getHost()));
        if (uri.getHost() == null || !("https".equals(scheme) || "http".equals(scheme) && loopback)) {
            throw unusable("its " + name + " is not an https URL");
        }
        return value;
    }

    private static Optional<String> optionalUrl(Map<String, Object> document, String name) {
        return document.get(name) == null ? Optional.empty() : Optional.of(url(document, name));
    }

    private static OidcException unusable(String why) {
        return new OidcException(OidcException.Reason.UNAVAILABLE, "the discovery document is not usable: " + why);
    }
}
