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

    @Test
    void aRefusedStartTlsEndsTheLoginBeforeAnyBind() throws Exception {
        // L3: a controller that answers StartTLS with protocolError; the password must never be sent in clear
        try (java.net.ServerSocket server =
                new java.net.ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            List<Integer> operations = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
            Thread fake = new Thread(() -> {
                try (java.net.Socket socket = server.accept()) {
                    socket.setSoTimeout(5000);
                    java.io.InputStream in = socket.getInputStream();
                    java.io.OutputStream out = socket.getOutputStream();
                    while (in.read() == 0x30) {
                        int length = in.read();
                        if ((length & 0x80) != 0) {
                            int octets = length & 0x7f;
                            length = 0;
                            for (int i = 0; i < octets; i++) {
                                length = (length << 8) | in.read();
                            }
                        }
                        byte[] message = in.readNBytes(length);
                        int id = message[2];
                        int operation = message[3] & 0xff;
                        operations.add(operation);
                        if (operation != 0x77) {
                            return;
                        }
                        // ExtendedResponse: resultCode protocolError (2), empty matchedDN and diagnostic
                        out.write(new byte[] {
                            0x30, 0x0c, 0x02, 0x01, (byte) id, 0x78, 0x07, 0x0a, 0x01, 0x02, 0x04, 0x00, 0x04, 0x00
                        });
                        out.flush();
                    }
                } catch (java.io.IOException ignored) {
                    // the client hung up
                }
            });
            fake.start();
            DirectorySettings settings = new DirectorySettings(
                    new SiteId(UUID.randomUUID()),
                    "corp.example.com",
                    List.of("127.0.0.1:" + server.getLocalPort()),
                    DirectorySettings.Transport.STARTTLS,
                    TEST_CA,
                    true,
                    Instant.EPOCH);

            DirectoryLogins.Outcome outcome =
                    new LdapDirectoryLogins(2000, 2000).login(settings, "alice", "secret".toCharArray());

            fake.join(10_000);
            assertThat(outcome).isInstanceOfSatisfying(DirectoryLogins.Outcome.Refused.class, refused -> assertThat(
                            refused.reason())
                    .isEqualTo(DirectoryLogins.Reason.UNAVAILABLE));
            assertThat(operations)
                    .as("the StartTLS request, and no bind (0x60) after it")
                    .containsExactly(0x77);
        }
    }
}
