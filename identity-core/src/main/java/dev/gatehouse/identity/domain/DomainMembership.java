package dev.gatehouse.identity.domain;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * A site's computer account in its domain, made by the join: Gatehouse's identity as a domain member.
 *
 * @param computerDn where the account is
 * @param objectGuid the account's {@code objectGUID}, so that leave removes this account and no other of the same name
 * @param keyVersion the account's {@code msDS-KeyVersionNumber}, the keytab's key version
 * @param keytab the account's AES keys in MIT keytab format (stored encrypted)
 */
public record DomainMembership(
        SiteId site,
        String machineName,
        String computerDn,
        UUID objectGuid,
        String dnsHostName,
        String controller,
        int keyVersion,
        Keytab keytab,
        Instant joinedAt) {

    public DomainMembership {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(machineName, "machineName");
        Objects.requireNonNull(computerDn, "computerDn");
        Objects.requireNonNull(objectGuid, "objectGuid");
        Objects.requireNonNull(keytab, "keytab");
        Objects.requireNonNull(joinedAt, "joinedAt");
    }

    /** The Kerberos principal of the account: {@code NAME$@REALM}. */
    public String principal(String realm) {
        return machineName + "$@" + realm;
    }

    /** Keytab bytes: compared by content, never printed. */
    public record Keytab(byte[] bytes) {
        public Keytab {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Keytab keytab && Arrays.equals(bytes, keytab.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Keytab[" + bytes.length + " bytes]";
        }
    }
}
