package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.DirectorySettings;
import dev.gatehouse.identity.domain.ExternalIdentity;

/**
 * Checks a directory user's password against the site's domain controllers (a bind with the user's own name and
 * password over LDAPS or StartTLS) and reads who they are. Never throws for the directory's answers; an unreachable
 * directory is {@link Outcome.Refused} with {@link Reason#UNAVAILABLE}.
 */
public interface DirectoryLogins {

    /** Why a directory login was refused, from Active Directory's bind sub-codes. */
    enum Reason {
        /** 52e: wrong password (or no such user: AD answers the same). */
        WRONG_PASSWORD,
        /** 533. */
        DISABLED,
        /** 775. */
        LOCKED,
        /** 701 (account) and 532 (password). */
        EXPIRED,
        /** 773 and 532 with a reset flag: the user must set a new password first. */
        MUST_CHANGE_PASSWORD,
        /** No domain controller answered, or none with a trusted certificate. */
        UNAVAILABLE
    }

    sealed interface Outcome {
        /** The password is right; the identity carries the user's {@code objectGUID} as its key. */
        record Authenticated(ExternalIdentity identity) implements Outcome {}

        /** @param detail the directory's own words and which controller said them, for the audit log */
        record Refused(Reason reason, String detail) implements Outcome {}
    }

    Outcome login(DirectorySettings settings, String login, char[] password);
}
