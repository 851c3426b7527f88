package dev.gatehouse.identity.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What a SCIM client wrote about a user or group beyond Gatehouse's own fields: its {@code externalId} (unique per site
 * and type) and the rest of the resource as the client sent it (JSON), returned to it as it was sent. The resource's
 * SCIM id is the user's or group's id ({@code subject}).
 */
public record ScimResource(
        UUID subject,
        SiteId site,
        Type type,
        String externalId,
        String attributes,
        Instant createdAt,
        Instant updatedAt) {

    public enum Type {
        USER("user"),
        GROUP("group");

        private final String code;

        Type(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Type of(String code) {
            return "group".equals(code) ? GROUP : USER;
        }
    }

    public ScimResource {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public ScimResource with(String newExternalId, String newAttributes, Instant at) {
        return new ScimResource(subject, site, type, newExternalId, newAttributes, createdAt, at);
    }
}
