package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.DiagnosticCheck;
import dev.gatehouse.identity.domain.DirectorySettings;
import dev.gatehouse.identity.domain.DomainMembership;
import java.util.List;

/**
 * Makes Gatehouse a member of a site's domain and ends it: a computer account created over LDAPS as the site's service
 * account, its AES keys in a keytab, proven by a Kerberos login.
 */
public interface DomainJoiner {

    /** Told each step as it starts, ends, fails or is undone; a step's name is stable, its detail free text. */
    interface Progress {
        void started(String step, String detail);

        void done(String step, String detail);

        void failed(String step, String detail);

        /** What a failed run removed again, so that it leaves nothing behind. */
        void undone(String step, String detail);
    }

    /** A step failed; {@link Progress} was told which and why, and what the run had created was removed. */
    class JoinFailedException extends RuntimeException {
        public JoinFailedException(String message) {
            super(message);
        }
    }

    /**
     * Creates the computer account {@code settings.machineName()} in {@code settings.computerContainer()} with its host
     * name, service principal names and AES encryption types, writes its keytab and proves it with a Kerberos login.
     *
     * @throws JoinFailedException when a step fails (the account is then removed again)
     */
    DomainMembership join(DirectorySettings settings, Progress progress);

    /**
     * Removes the computer account of {@code membership} (only if it still has the membership's {@code objectGUID}).
     *
     * @throws JoinFailedException when it cannot be removed
     */
    void leave(DirectorySettings settings, DomainMembership membership, Progress progress);

    /** Whether the membership still works: the account present, the keytab accepted by the KDC. */
    List<DiagnosticCheck> health(DirectorySettings settings, DomainMembership membership);
}
