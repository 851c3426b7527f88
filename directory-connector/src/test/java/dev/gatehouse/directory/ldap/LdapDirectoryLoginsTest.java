package dev.gatehouse.directory.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.domain.DirectorySettings;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.port.DirectoryLogins;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.junit.jupiter.api.Test;

class LdapDirectoryLoginsTest {
    /** A real CA certificate (the JDK's first trusted one): the handshake never gets as far as checking it. */
    static final String TEST_CA = jdkCertificate();

    static String jdkCertificate() {
        try {
            java.security.KeyStore cacerts = java.security.KeyStore.getInstance(
                    java.nio.file.Path.of(System.getProperty("java.home"), "lib", "security", "cacerts")
                            .toFile(),
                    "changeit".toCharArray());
            byte[] der = cacerts.getCertificate(cacerts.aliases().nextElement()).getEncoded();
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                    + "\n-----END CERTIFICATE-----\n";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void activeDirectorysBindSubCodesBecomeReasons() {
        String prefix = "80090308: LdapErr: DSID-0C0903A9, comment: AcceptSecurityContext error, data ";
        assertThat(LdapDirectoryLogins.reason(ResultCodeEnum.INVALID_CREDENTIALS, prefix + "52e, v1db1"))
                .isEqualTo(DirectoryLogins.Reason.WRONG_PASSWORD);
        assertThat(LdapDirectoryLogins.reason(ResultCodeEnum.INVALID_CREDENTIALS, prefix + "533, v1db1"))
                .isEqualTo(DirectoryLogins.Reason.DISABLED);
        assertThat(LdapDirectoryLogins.reason(ResultCodeEnum.INVALID_CREDENTIALS, prefix + "775, v4563"))
                .isEqualTo(DirectoryLogins.Reason.LOCKED);
        assertThat(LdapDirectoryLogins.reason(ResultCodeEnum.INVALID_CREDENTIALS, prefix + "701, v1db1"))
                .isEqualTo(DirectoryLogins.Reason.EXPIRED);
        assertThat(LdapDirectoryLogins.reason(ResultCodeEnum.INVALID_CREDENTIALS, prefix + "532, v1db1"))
                .isEqualTo(DirectoryLogins.Reason.EXPIRED);
        assertThat(LdapDirectoryLogins.reason(ResultCodeEnum.INVALID_CREDENTIALS, prefix + "773, v1db1"))
                .isEqualTo(DirectoryLogins.Reason.MUST_CHANGE_PASSWORD);
        assertThat(LdapDirectoryLogins.reason(ResultCodeEnum.INVALID_CREDENTIALS, "no sub-code"))
                .isEqualTo(DirectoryLogins.Reason.WRONG_PASSWORD);
        assertThat(LdapDirectoryLogins.reason(ResultCodeEnum.UNAVAILABLE, ""))
                .isEqualTo(DirectoryLogins.Reason.UNAVAILABLE);
    }

    @Test
    void controllersAreNamedWithOrWithoutPortsAndAsV6Addresses() {
        assertThat(LdapDirectoryLogins.Endpoint.of("dc1.corp.example.com", DirectorySettings.Transport.LDAPS))
                .isEqualTo(new LdapDirectoryLogins.Endpoint("dc1.corp.example.com", 636));
        assertThat(LdapDirectoryLogins.Endpoint.of("10.0.1.4:3269", DirectorySettings.Transport.LDAPS))
                .isEqualTo(new LdapDirectoryLogins.Endpoint("10.0.1.4", 3269));
        assertThat(LdapDirectoryLogins.Endpoint.of("[::1]", DirectorySettings.Transport.STARTTLS))
                .isEqualTo(new LdapDirectoryLogins.Endpoint("::1", 389));
        assertThat(LdapDirectoryLogins.Endpoint.of("[fd00::4]:1636", DirectorySettings.Transport.LDAPS))
                .isEqualTo(new LdapDirectoryLogins.Endpoint("fd00::4", 1636));
    }

    @Test
    void atMostAFewLoginsWaitForSlowControllersAtOnce() throws Exception {
        // a controller that accepts the connection and never answers the TLS handshake
        try (java.net.ServerSocket silent =
                new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            DirectorySettings settings = new DirectorySettings(
                    new SiteId(UUID.randomUUID()),
                    "corp.example.com",
                    List.of("127.0.0.1:" + silent.getLocalPort()),
                    DirectorySettings.Transport.LDAPS,
                    TEST_CA,
                    true,
                    Instant.EPOCH);
            LdapDirectoryLogins logins = new LdapDirectoryLogins(1500, 1500);
            List<Thread> waiting = new java.util.ArrayList<>();
            for (int i = 0; i < LdapDirectoryLogins.MAX_CONCURRENT; i++) {
                Thread thread = new Thread(() -> logins.login(settings, "alice", "secret".toCharArray()));
                thread.start();
                waiting.add(thread);
            }
            Thread.sleep(300);
            long started = System.nanoTime();
            DirectoryLogins.Outcome refused = logins.login(settings, "bob", "secret".toCharArray());
            assertThat((System.nanoTime() - started) / 1_000_000)
                    .as("refused at once")
                    .isLessThan(500);
            assertThat(refused)
                    .isInstanceOfSatisfying(DirectoryLogins.Outcome.Refused.class, r -> assertThat(r.detail())
                            .contains("at once"));
            for (Thread thread : waiting) {
                thread.join();
            }
            assertThat(logins.login(settings, "carol", "secret".toCharArray()))
                    .as("the slots are free again")
                    .isInstanceOfSatisfying(DirectoryLogins.Outcome.Refused.class, r -> assertThat(r.detail())
                            .contains("no domain controller answered"));
        }
    }

    @Test
    void anObjectGuidIsReadWithItsFirstFieldsLittleEndian() {
        // as Samba stores it, and as samba-tool shows it
        assertThat(LdapDirectoryLogins.guid(Base64.getDecoder().decode("BaebP7n9nUqGgq+lqXXuog==")))
                .isEqualTo(UUID.fromString("3f9ba705-fdb9-4a9d-8682-afa5a975eea2"));
    }

    @Test
    void anEmptyPasswordIsNeverSentAsAnAnonymousBind() {
        DirectorySettings settings = new DirectorySettings(
                new SiteId(UUID.randomUUID()),
                "corp.example.com",
                List.of("192.0.2.1"),
                DirectorySettings.Transport.LDAPS,
                "-----BEGIN CERTIFICATE-----",
                true,
                Instant.EPOCH);
        assertThat(new LdapDirectoryLogins(100, 100).login(settings, "alice", new char[0]))
                .isInstanceOfSatisfying(DirectoryLogins.Outcome.Refused.class, refused -> assertThat(refused.reason())
                        .isEqualTo(DirectoryLogins.Reason.WRONG_PASSWORD));
    }
}
