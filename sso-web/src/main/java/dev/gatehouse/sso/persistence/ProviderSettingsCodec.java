package dev.gatehouse.sso.persistence;

import dev.gatehouse.identity.domain.ProviderSettings;
import dev.gatehouse.identity.domain.ProviderSettings.OAuth;
import dev.gatehouse.identity.domain.ProviderSettings.Oidc;
import dev.gatehouse.identity.domain.ProviderSettings.Saml;
import dev.gatehouse.identity.domain.Secret;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.Optional;

/** Writes a provider's non-secret settings as JSON and reads them back; the secret travels separately. */
final class ProviderSettingsCodec {
    private ProviderSettingsCodec() {}

    static String toJson(ProviderSettings settings) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        if (settings instanceof Saml s) {
            json.add("trust", s.trust().name());
            put(json, "metadataUrl", s.metadataUrl());
            put(json, "metadataXml", s.metadataXml());
            put(json, "certificateSha256", s.certificateSha256());
            put(json, "idpEntityId", s.idpEntityId());
            put(json, "ssoUrl", s.ssoUrl());
            put(json, "sloUrl", s.sloUrl());
            put(json, "entityIdSuffix", s.entityIdSuffix());
            json.add("allowIdpInitiated", s.allowIdpInitiated())
                    .add("allowSha1", s.allowSha1())
                    .add("justInTime", s.justInTime())
                    .add("clockSkewSeconds", s.clockSkewSeconds());
            put(json, "requestedAuthnContext", s.requestedAuthnContext());
        } else if (settings instanceof Oidc o) {
            json.add("tenantId", o.tenantId())
                    .add("clientId", o.clientId())
                    .add("flow", o.flow().name());
        } else if (settings instanceof OAuth o) {
            json.add("tenantId", o.tenantId())
                    .add("clientId", o.clientId())
                    .add("secretExpiresOn", o.secretExpiresOn().toString());
        }
        return json.build().toString();
    }

    /** The secret a settings value carries, if its kind has one. */
    static Optional<Secret> secretOf(ProviderSettings settings) {
        if (settings instanceof Oidc o) {
            return Optional.of(o.clientSecret());
        }
        if (settings instanceof OAuth o) {
            return Optional.of(o.clientSecret());
        }
        return Optional.empty();
    }

    static ProviderSettings fromJson(String kind, String text, Secret secret) {
        JsonObject json = Json.createReader(new StringReader(text)).readObject();
        return switch (kind) {
            case "saml" -> new Saml(
                    ProviderSettings.SamlTrust.valueOf(json.getString("trust")),
                    json.getString("metadataUrl", null),
                    json.getString("metadataXml", null),
                    json.getString("certificateSha256", null),
                    json.getString("idpEntityId", null),
                    json.getString("ssoUrl", null),
                    json.getString("sloUrl", null),
                    json.getString("entityIdSuffix", null),
                    json.getBoolean("allowIdpInitiated", false),
                    json.getBoolean("allowSha1", false),
                    json.getBoolean("justInTime", false),
                    json.getInt("clockSkewSeconds", Saml.DEFAULT_CLOCK_SKEW_SECONDS),
                    json.getString("requestedAuthnContext", null));
            case "oidc" -> new Oidc(
                    json.getString("tenantId"),
                    json.getString("clientId"),
                    secret,
                    ProviderSettings.OidcFlow.valueOf(json.getString("flow")));
            case "oauth" -> new OAuth(
                    json.getString("tenantId"),
                    json.getString("clientId"),
                    secret,
                    LocalDate.parse(json.getString("secretExpiresOn")));
            default -> throw new IllegalStateException("unknown provider kind in the database: " + kind);
        };
    }

    private static void put(JsonObjectBuilder json, String key, String value) {
        if (value != null) {
            json.add(key, value);
        }
    }
}
