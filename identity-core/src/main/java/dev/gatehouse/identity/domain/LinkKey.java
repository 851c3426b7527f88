package dev.gatehouse.identity.domain;

import dev.gatehouse.identity.validation.ValidationException;
import java.util.Objects;
import java.util.UUID;

/**
 * An immutable key by which an external system knows a user. Only these keys link an external identity to a Gatehouse
 * user: never a login, a UPN or an e-mail address, which all change.
 */
public sealed interface LinkKey {

    /** The key's kind, stable in the database: {@code entra}, {@code scim-id}, {@code scim-external}, {@code directory}. */
    String kind();

    /** The key's value within its kind, stable in the database. */
    String value();

    /** The namespace of Entra keys of one tenant: {@code entra:<tenant id>}. */
    static String entraAuthority(EntraTenantId tenant) {
        return "entra:" + tenant;
    }

    /** The namespace of directory {@code objectGUID} keys. */
    String DIRECTORY_AUTHORITY = "directory";

    /** The namespace of keys a SCIM client issued or was issued. */
    String SCIM_AUTHORITY = "scim";

    /**
     * The namespace of the key, which only a source with the same {@link IdentitySource#authorities() authority} may
     * assert: {@code entra:<tenant id>}, {@code directory} or {@code scim}.
     */
    String authority();

    static LinkKey of(String kind, String value) {
        return switch (kind) {
            case "entra" -> {
                String[] parts = value.split(":", -1);
                if (parts.length != 2) {
                    throw ValidationException.of("value", "an Entra link is '<tenant id>:<object id>'");
                }
                yield new Entra(EntraTenantId.parse("tenantId", parts[0]), EntraObjectId.parse("objectId", parts[1]));
            }
            case "scim-id" -> new ScimId(value);
            case "scim-external" -> new ScimExternalId(value);
            case "directory" -> new DirectoryObject(Uuids.parse("objectGuid", value));
            default -> throw ValidationException.of(
                    "kind", "'" + kind + "' is not a link kind; use entra, scim-id, scim-external or directory");
        };
    }

    /** Entra ID: tenant + object ID ({@code tid} + {@code oid}), the same in SAML, OIDC and SCIM. */
    record Entra(EntraTenantId tenant, EntraObjectId object) implements LinkKey {
        public Entra {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(object, "object");
        }

        @Override
        public String kind() {
            return "entra";
        }

        @Override
        public String value() {
            return tenant + ":" + object;
        }

        @Override
        public String authority() {
            return LinkKey.entraAuthority(tenant);
        }
    }

    /**
     * The {@code id} Gatehouse issued to a SCIM client for this user: the user's own id (a user that SCIM creates gets
     * the id its key names; a user that SCIM takes over, after matching it by {@code userName}, is linked by its id).
     */
    record ScimId(String value) implements LinkKey {
        public ScimId {
            requireText(value);
        }

        @Override
        public String kind() {
            return "scim-id";
        }

        @Override
        public String authority() {
            return SCIM_AUTHORITY;
        }
    }

    /** The SCIM client's own {@code externalId} for this user. */
    record ScimExternalId(String value) implements LinkKey {
        public ScimExternalId {
            requireText(value);
        }

        @Override
        public String kind() {
            return "scim-external";
        }

        @Override
        public String authority() {
            return SCIM_AUTHORITY;
        }
    }

    /** A directory object's {@code objectGUID}. */
    record DirectoryObject(UUID guid) implements LinkKey {
        public DirectoryObject {
            Objects.requireNonNull(guid, "guid");
        }

        @Override
        public String kind() {
            return "directory";
        }

        @Override
        public String value() {
            return guid.toString();
        }

        @Override
        public String authority() {
            return DIRECTORY_AUTHORITY;
        }
    }

    private static void requireText(String value) {
        if (value == null || value.isBlank() || value.length() > 512) {
            throw ValidationException.of("value", "a link key needs 1 to 512 characters");
        }
    }
}
