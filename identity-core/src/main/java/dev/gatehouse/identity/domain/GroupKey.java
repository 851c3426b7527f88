package dev.gatehouse.identity.domain;

import dev.gatehouse.identity.validation.ValidationException;
import java.util.Objects;
import java.util.UUID;

/**
 * An immutable key by which an external system knows a group: an Entra group (tenant + object ID), a directory group
 * ({@code objectGUID}) or a SCIM group ({@code id}). Like {@link LinkKey} for users, only such a key links an external
 * group to a Gatehouse group; names are kept up to date from it but never identify it.
 */
public sealed interface GroupKey {

    /** The key's kind, stable in the database: {@code entra}, {@code directory}, {@code scim-id}. */
    String kind();

    /** The key's value within its kind, stable in the database. */
    String value();

    /**
     * The namespace of the key, which only a source with the same {@link IdentitySource#authorities() authority} may
     * assert: {@code entra:<tenant id>}, {@code directory} or {@code scim}.
     */
    String authority();

    /** The name a group created for this key gets when no source or administrator named it. */
    default String fallbackName() {
        return value();
    }

    static GroupKey of(String kind, String value) {
        return switch (kind) {
            case "entra" -> {
                String[] parts = value.split(":", -1);
                if (parts.length != 2) {
                    throw ValidationException.of("value", "an Entra group key is '<tenant id>:<object id>'");
                }
                yield new Entra(EntraTenantId.parse("tenantId", parts[0]), EntraObjectId.parse("objectId", parts[1]));
            }
            case "directory" -> new DirectoryGroup(Uuids.parse("objectGuid", value));
            case "scim-id" -> new ScimGroup(value);
            default -> throw ValidationException.of(
                    "kind", "'" + kind + "' is not a group key kind; use entra, directory or scim-id");
        };
    }

    /** An Entra group: its object ID within the tenant that asserts it. */
    record Entra(EntraTenantId tenant, EntraObjectId object) implements GroupKey {
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

        @Override
        public String fallbackName() {
            return object.toString();
        }
    }

    /** A directory group's {@code objectGUID}. */
    record DirectoryGroup(UUID guid) implements GroupKey {
        public DirectoryGroup {
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
            return LinkKey.DIRECTORY_AUTHORITY;
        }
    }

    /** The {@code id} of a group provisioned by SCIM. */
    record ScimGroup(String value) implements GroupKey {
        public ScimGroup {
            if (value == null || value.isBlank() || value.length() > 512) {
                throw ValidationException.of("value", "a group key needs 1 to 512 characters");
            }
        }

        @Override
        public String kind() {
            return "scim-id";
        }

        @Override
        public String authority() {
            return LinkKey.SCIM_AUTHORITY;
        }
    }
}
