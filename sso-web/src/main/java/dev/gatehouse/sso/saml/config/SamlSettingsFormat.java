package dev.gatehouse.sso.saml.config;

import dev.gatehouse.identity.domain.ProviderSettings;
import dev.gatehouse.identity.domain.Secret;
import dev.gatehouse.identity.port.ProviderSettingsFormat;
import dev.gatehouse.sso.graph.GraphApp;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;

/** Stores {@link SamlSettings} as JSON; the Graph app's client secret is not in it (stored encrypted beside it). */
public final class SamlSettingsFormat implements ProviderSettingsFormat {
    @Override
    public String kind() {
        return SamlSettings.KIND;
    }

    @Override
    public String write(ProviderSettings settings) {
        SamlSettings s = (SamlSettings) settings;
        JsonObjectBuilder json = Json.createObjectBuilder();
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
        put(json, "tenantId", s.tenantId());
        if (s.graph() != null) {
            put(json, "graphClientId", s.graph().clientId());
            if (s.graph().secretExpiresOn() != null) {
                put(json, "graphSecretExpiresOn", s.graph().secretExpiresOn().toString());
            }
        }
        return json.build().toString();
    }

    @Override
    public ProviderSettings read(String text, Secret secret) {
        JsonObject json = Json.createReader(new StringReader(text)).readObject();
        return new SamlSettings(
                SamlTrust.valueOf(json.getString("trust")),
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
                json.getInt("clockSkewSeconds", SamlSettings.DEFAULT_CLOCK_SKEW_SECONDS),
                json.getString("requestedAuthnContext", null),
                json.getString("tenantId", null),
                json.containsKey("graphClientId")
                        ? new GraphApp(
                                json.getString("graphClientId"),
                                secret,
                                json.containsKey("graphSecretExpiresOn")
                                        ? java.time.LocalDate.parse(json.getString("graphSecretExpiresOn"))
                                        : null)
                        : null);
    }

    private static void put(JsonObjectBuilder json, String key, String value) {
        if (value != null) {
            json.add(key, value);
        }
    }
}
