package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.DirectorySettings;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a site's directory for the sync, bound as the site's service account: every user and group under the search
 * base, or only what changed on one domain controller since a {@link Cursor}. Controllers are tried in order; the next
 * is used when one does not answer within the connect timeout.
 */
public interface DirectoryEntries {

    /**
     * What the directory holds, or what changed.
     *
     * @param since the cursor of an earlier read; empty, or a cursor the controller that answers cannot continue (another
     *     controller, or its database restored: another invocation ID), reads everything
     * @throws DirectoryUnavailableException when no controller answered or the service account's bind failed
     */
    Snapshot read(DirectorySettings settings, List<Cursor> since);

    /**
     * Where an incremental read continues: a controller's {@code highestCommittedUSN} when the read began, valid only
     * on that controller with that {@code invocationId}.
     */
    record Cursor(String controller, String invocationId, long highestUsn) {
        public Cursor {
            Objects.requireNonNull(controller, "controller");
            Objects.requireNonNull(invocationId, "invocationId");
        }
    }

    /**
     * A directory user.
     *
     * @param entraObjectId {@code msDS-aadObjectId} (Entra Domain Services), or null
     */
    record User(
            UUID guid,
            String userPrincipalName,
            String samAccountName,
            String displayName,
            String mail,
            boolean enabled,
            UUID entraObjectId) {
        public User {
            Objects.requireNonNull(guid, "guid");
        }

        /** The login: the UPN (Entra Domain Services may mangle {@code sAMAccountName}), else the account name. */
        public Optional<String> login() {
            return Optional.ofNullable(userPrincipalName).or(() -> Optional.ofNullable(samAccountName));
        }
    }

    /**
     * A directory group with its direct members (users and groups, as {@code objectGUID}s; all of them, however many
     * ranges they took).
     */
    record Group(UUID guid, String name, Set<UUID> members) {
        public Group {
            Objects.requireNonNull(guid, "guid");
            Objects.requireNonNull(name, "name");
            members = Set.copyOf(members);
        }
    }

    /**
     * A read.
     *
     * @param full everything under the search base was read: what the site has linked and the read lacks is gone
     * @param cursor where the next incremental read continues
     * @param gone for an incremental read, objects deleted or moved out of the search base since the cursor
     * @param ignored entries left out, each with why (no {@code objectGUID}, no name), for the sync log
     */
    record Snapshot(
            String controller,
            boolean full,
            Cursor cursor,
            List<User> users,
            List<Group> groups,
            Set<UUID> gone,
            List<String> ignored) {
        public Snapshot {
            users = List.copyOf(users);
            groups = List.copyOf(groups);
            gone = Set.copyOf(gone);
            ignored = List.copyOf(ignored);
        }
    }

    /** No controller answered, or they refused the service account; the message names the controllers and why. */
    class DirectoryUnavailableException extends RuntimeException {
        public DirectoryUnavailableException(String message) {
            super(message);
        }
    }
}
