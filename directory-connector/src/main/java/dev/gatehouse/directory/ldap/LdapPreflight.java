package dev.gatehouse.directory.ldap;

import dev.gatehouse.identity.domain.DiagnosticCheck;
import dev.gatehouse.identity.domain.DirectorySettings;
import dev.gatehouse.identity.port.DirectoryDiagnostics;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.ldap.client.api.LdapNetworkConnection;

/**
 * The directory preflight, controller by controller: name resolution, TCP reachability of the LDAPS (or LDAP) port,
 * the certificate's chain to the site's trusted certificates, its host name and its expiry (LDAPS), and the root DSE:
 * the naming context the domain name implies, and the controller's clock (Kerberos tolerates 5 minutes).
 */
public final class LdapPreflight implements DirectoryDiagnostics {
    static final Duration MAX_CLOCK_OFFSET = Duration.ofMinutes(5);
    static final int WARN_DAYS = 30;

    /** Active Directory's {@code currentTime}: {@code 20261201194501.0Z}. */
    private static final DateTimeFormatter GENERALIZED_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyyMMddHHmmss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private final LdapDirectoryLogins connections;
    private final int connectTimeoutMillis;
    private final Clock clock;

    private final LdapDomainJoin kerberos;

    public LdapPreflight(LdapDirectoryLogins connections, int connectTimeoutMillis, Clock clock) {
        this.kerberos = new LdapDomainJoin(connections, connectTimeoutMillis, clock);
        this.connections = connections;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.clock = clock;
    }

    @Override
    public List<DiagnosticCheck> preflight(DirectorySettings settings) {
        List<DiagnosticCheck> checks = new ArrayList<>();
        TrustManager[] trust;
        try {
            trust = LdapDirectoryLogins.trustManagers(settings.trustedCertificates());
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            checks.add(DiagnosticCheck.failed(
                    "trusted certificates",
                    settings.domain(),
                    "cannot be read: " + e.getMessage(),
                    "paste the PEM text of the controllers' certificate or its CA, BEGIN and END lines included"));
            return checks;
        }
        for (String controller : settings.controllers()) {
            check(settings, controller, trust, checks);
        }
        kerberos(settings, checks);
        return checks;
    }

    /**
     * A Kerberos AS exchange with the service account (the join account), at each controller's KDC: what the join and
     * every Kerberos login will need (port 88 reachable, the clock in step, AES keys for the account).
     */
    private void kerberos(DirectorySettings settings, List<DiagnosticCheck> checks) {
        if (settings.service().isEmpty()) {
            return;
        }
        DirectorySettings.ServiceAccount service = settings.service().get();
        String principal;
        try {
            principal = kerberos.servicePrincipal(settings);
        } catch (dev.gatehouse.identity.port.DomainJoiner.JoinFailedException e) {
            checks.add(DiagnosticCheck.failed(
                    "kerberos",
                    settings.realm(),
                    e.getMessage(),
                    "check serviceAccount and servicePassword: the preflight reads the account's sAMAccountName, the"
                            + " name Kerberos knows it by"));
            return;
        }
        for (String controller : settings.controllers()) {
            java.util.Optional<String> refused = kerberos.passwordLogin(
                    settings, controller, principal, service.password().value());
            checks.add(
                    refused.isEmpty()
                            ? DiagnosticCheck.passed("kerberos", controller, "the KDC issued a ticket to " + principal)
                            : DiagnosticCheck.failed(
                                    "kerberos",
                                    controller,
                                    refused.get(),
                                    "open TCP port 88 to the controller, keep the clocks within 5 minutes, and check"
                                            + " the service account's password (Entra Domain Services: the user must"
                                            + " have changed it once since Domain Services was enabled)"));
        }
    }

    private void check(
            DirectorySettings settings, String controller, TrustManager[] trust, List<DiagnosticCheck> checks) {
        LdapDirectoryLogins.Endpoint endpoint = LdapDirectoryLogins.Endpoint.of(controller, settings.transport());
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(endpoint.host());
            checks.add(DiagnosticCheck.passed(
                    "name resolution",
                    controller,
                    "resolves to "
                            + Arrays.stream(addresses)
                                    .map(InetAddress::getHostAddress)
                                    .toList()));
        } catch (java.net.UnknownHostException e) {
            checks.add(DiagnosticCheck.failed(
                    "name resolution",
                    controller,
                    endpoint.host() + " does not resolve",
                    "point this server's DNS at the domain's DNS servers (Entra Domain Services: its two controller"
                            + " addresses), or name the controllers by address"));
            return;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(addresses[0], endpoint.port()), connectTimeoutMillis);
            checks.add(DiagnosticCheck.passed("reachability", controller, "port " + endpoint.port() + " answers"));
        } catch (java.io.IOException e) {
            checks.add(DiagnosticCheck.failed(
                    "reachability",
                    controller,
                    "port " + endpoint.port() + " does not answer within " + connectTimeoutMillis + " ms: "
                            + e.getMessage(),
                    settings.transport() == DirectorySettings.Transport.LDAPS
                            ? "enable secure LDAP (Entra Domain Services: Secure LDAP, and allow TCP 636 from this"
                                    + " server in the network security group) and open the path (VPN, firewall)"
                            : "open TCP 389 from this server to the controller (VPN, firewall)"));
            return;
        }
        if (settings.transport() == DirectorySettings.Transport.LDAPS) {
            certificate(endpoint, controller, trust, checks);
        }
        rootDse(settings, controller, checks);
    }

    private void certificate(
            LdapDirectoryLogins.Endpoint endpoint,
            String controller,
            TrustManager[] trust,
            List<DiagnosticCheck> checks) {
        AtomicReference<X509Certificate[]> presented = new AtomicReference<>();
        X509TrustManager trusted = (X509TrustManager) trust[0];
        X509TrustManager recording = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("not a server");
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                presented.set(chain);
                trusted.checkServerTrusted(chain, authType);
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return trusted.getAcceptedIssuers();
            }
        };
        String chainError = handshake(endpoint, new TrustManager[] {recording}, false);
        X509Certificate[] chain = presented.get();
        if (chain == null || chain.length == 0) {
            checks.add(DiagnosticCheck.failed(
                    "certificate chain",
                    controller,
                    "no TLS certificate was presented: " + chainError,
                    "enable secure LDAP on the controller with a certificate"));
            return;
        }
        X509Certificate leaf = chain[0];
        String subject = leaf.getSubjectX500Principal().getName();
        if (chainError != null) {
            checks.add(DiagnosticCheck.failed(
                    "certificate chain",
                    controller,
                    subject + " does not chain to the trusted certificates: " + chainError,
                    "paste this controller's certificate (" + subject + "), or the CA that issued it, into the"
                            + " directory settings' trustedCertificates"));
        } else {
            checks.add(DiagnosticCheck.passed(
                    "certificate chain", controller, subject + " chains to a trusted certificate"));
            String nameError = handshake(endpoint, trust, true);
            if (nameError == null) {
                checks.add(DiagnosticCheck.passed(
                        "certificate host name", controller, "the certificate names " + endpoint.host()));
            } else {
                checks.add(DiagnosticCheck.failed(
                        "certificate host name",
                        controller,
                        "the certificate does not name " + endpoint.host() + ": " + nameError,
                        "name the controller as its certificate does (its subject alternative names), or issue it a"
                                + " certificate for " + endpoint.host()));
            }
        }
        long days = Duration.between(clock.instant(), leaf.getNotAfter().toInstant())
                .toDays();
        if (days > WARN_DAYS) {
            checks.add(DiagnosticCheck.passed(
                    "certificate expiry",
                    controller,
                    "valid until " + leaf.getNotAfter().toInstant()));
        } else {
            checks.add(DiagnosticCheck.failed(
                    "certificate expiry",
                    controller,
                    days < 0
                            ? "expired on " + leaf.getNotAfter().toInstant()
                            : "expires in " + days + " day(s), on "
                                    + leaf.getNotAfter().toInstant(),
                    "renew the secure LDAP certificate (Entra Domain Services: upload the new one under Secure LDAP)"
                            + " and trust it here"));
        }
    }

    /** A TLS handshake with the controller; {@code null} when it succeeds, else what failed. */
    private String handshake(LdapDirectoryLogins.Endpoint endpoint, TrustManager[] trust, boolean checkName) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust, null);
            try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
                socket.connect(new InetSocketAddress(endpoint.host(), endpoint.port()), connectTimeoutMillis);
                socket.setSoTimeout(connectTimeoutMillis);
                SSLParameters parameters = socket.getSSLParameters();
                parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                if (checkName) {
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                }
                socket.setSSLParameters(parameters);
                socket.startHandshake();
                return null;
            }
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            Throwable cause = e;
            while (cause.getCause() != null) {
                cause = cause.getCause();
            }
            return cause.getMessage();
        }
    }

    private void rootDse(DirectorySettings settings, String controller, List<DiagnosticCheck> checks) {
        try (LdapNetworkConnection connection = connections.open(settings, controller)) {
            Entry root = connection.getRootDse("currentTime", "defaultNamingContext", "dnsHostName");
            String context = text(root, "defaultNamingContext");
            if (context.equalsIgnoreCase(settings.baseDn())) {
                checks.add(DiagnosticCheck.passed(
                        "root DSE", controller, text(root, "dnsHostName") + " serves " + context));
            } else {
                checks.add(DiagnosticCheck.failed(
                        "root DSE",
                        controller,
                        "the controller serves " + context + ", not " + settings.baseDn(),
                        "set the domain to the one this controller serves"));
            }
            Instant theirs = GENERALIZED_TIME.parse(text(root, "currentTime"), Instant::from);
            Duration offset = Duration.between(clock.instant(), theirs);
            if (offset.abs().compareTo(MAX_CLOCK_OFFSET) <= 0) {
                checks.add(DiagnosticCheck.passed("clock", controller, "offset " + offset.toSeconds() + " s"));
            } else {
                checks.add(DiagnosticCheck.failed(
                        "clock",
                        controller,
                        "offset " + offset.toSeconds() + " s (Kerberos allows 300)",
                        "synchronise this server's clock and the domain's with NTP"));
            }
        } catch (Exception e) {
            checks.add(DiagnosticCheck.failed(
                    "root DSE",
                    controller,
                    "cannot be read over " + settings.transport() + ": " + e.getMessage(),
                    settings.transport() == DirectorySettings.Transport.STARTTLS
                            ? "make sure the controller offers StartTLS with a certificate the trusted certificates"
                                    + " accept"
                            : "see the certificate checks above"));
        }
    }

    private static String text(Entry entry, String name) {
        try {
            return entry.get(name) == null ? "" : entry.get(name).getString();
        } catch (org.apache.directory.api.ldap.model.exception.LdapException e) {
            return "";
        }
    }
}
