package dev.gatehouse.sso.oidc.config;

import dev.gatehouse.identity.domain.ProviderSettings;
import dev.gatehouse.identity.domain.Secret;
import dev.gatehouse.identity.port.ProviderSettingsFormat;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;

/** Stores {@link OidcSettings} of one kind ({@code oidc} or {@code oauth}) as JSON; the client secret is not in it. */
public final class OidcSettingsFormat implements ProviderSettingsFormat {
    private final String kind;

    public OidcSettingsFormat(String kind) {
        this.kind = kind;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public String write(ProviderSettings settings) {
        OidcSettings s = (OidcSettings) settings;
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("tenantId", s.tenantId())
                .add("clientId", s.clientId())
                .add("flow", s.flow().name())
                .add("multiTenant", s.multiTenant())
                .add("allowedTenants", array(s.allowedTenants()))
                .add("algorithms", array(s.algorithms()))
                .add("clockSkewSeconds", s.clockSkewSeconds())
                .add("justInTime", s.justInTime());
        if (s.secretExpiresOn() != null) {
            json.add("secretExpiresOn", s.secretExpiresOn().toString());
        }
        if (s.issuerUrl() != null) {
            json.add("issuerUrl", s.issuerUrl());
        }
        return json.build().toString();
    }

    @Override
    public ProviderSettings read(String text, Secret secret) {
        JsonObject json = Json.createReader(new StringReader(text)).readObject();
        String expires = json.getString("secretExpiresOn", null);
        return new OidcSettings(
                kind,
                json.getString("tenantId"),
                json.getString("clientId"),
                secret,
                expires == null ? null : LocalDate.parse(expires),
                OidcFlow.valueOf(json.getString("flow")),
                json.getString("issuerUrl", null),
                json.getBoolean("multiTenant", false),
                strings(json, "allowedTenants"),
                strings(json, "algorithms"),
                json.getInt("clockSkewSeconds", OidcSettings.DEFAULT_CLOCK_SKEW_SECONDS),
                json.getBoolean("justInTime", false));
    }

    private static JsonArrayBuilder array(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(array::add);
        return array;
    }

    private static List<String> strings(JsonObject json, String name) {
        return json.containsKey(name)
                ? json.getJsonArray(name).getValuesAs(JsonString.class).stream()
                        .map(JsonString::getString)
                        .toList()
                : List.of();
    }
}
