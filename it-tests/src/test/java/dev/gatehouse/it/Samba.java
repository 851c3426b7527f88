package dev.gatehouse.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Samba domain controller of the README test command, seen independently of Gatehouse: {@code ldapmodify},
 * {@code ldapsearch} and {@code kinit} as its administrator (the password from a file, never on a command line).
 */
final class Samba {
    static final String BASE = "DC=corp,DC=gatehouse,DC=test";
    static final String REALM = "CORP.GATEHOUSE.TEST";

    private final Path ca;
    private final String administratorPassword;

    Samba(Path ca, String administratorPassword) {
        this.ca = ca;
        this.administratorPassword = administratorPassword;
    }

    /** Applies an LDIF of changes as the administrator; fails the test when ldapmodify does. */
    void modify(String ldif) throws Exception {
        String output = run(ldif, Map.of(), "ldapmodify", "-H", "ldaps://127.0.0.1", "-x", "-D", admin(), "-y", "%pw");
        assertThat(output).doesNotContain(administratorPassword);
    }

    /** The LDIF ldapsearch prints for a subtree search under the domain. */
    String search(String filter, String... attributes) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "ldapsearch",
                "-LLL",
                "-o",
                "ldif-wrap=no",
                "-H",
                "ldaps://127.0.0.1",
                "-x",
                "-D",
                admin(),
                "-y",
                "%pw",
                "-b",
                BASE,
                filter));
        command.addAll(List.of(attributes));
        return run("", Map.of(), command.toArray(String[]::new));
    }

    /** Whether {@code kinit -k} gets a ticket for {@code principal} with the keytab. */
    String kinit(byte[] keytab, String principal) throws Exception {
        Path dir = Files.createTempDirectory("gatehouse-kinit");
        try {
            Path file = dir.resolve("gatehouse.keytab");
            Files.write(file, keytab);
            Path config = dir.resolve("krb5.conf");
            Files.writeString(
                    config,
                    "[libdefaults]\n default_realm = " + REALM
                            + "\n dns_lookup_kdc = false\n dns_lookup_realm = false\n" + " rdns = false\n[realms]\n "
                            + REALM + " = {\n  kdc = 127.0.0.1\n }\n");
            return run(
                    "",
                    Map.of("KRB5_CONFIG", config.toString(), "KRB5CCNAME", "FILE:" + dir.resolve("cc")),
                    "kinit",
                    "-k",
                    "-t",
                    file.toString(),
                    principal);
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    private static String admin() {
        return "administrator@" + DirectoryChecks.DOMAIN;
    }

    /** Runs the command ("%pw" is a file holding the administrator's password); fails unless it exits with 0. */
    private String run(String input, Map<String, String> environment, String... command) throws Exception {
        Path password = Files.createTempFile(
                "samba-admin",
                ".pw",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(password, administratorPassword);
            List<String> arguments = new ArrayList<>();
            for (String argument : command) {
                arguments.add(argument.equals("%pw") ? password.toString() : argument);
            }
            ProcessBuilder builder = new ProcessBuilder(arguments);
            builder.environment().put("LDAPTLS_CACERT", ca.toString());
            builder.environment().putAll(environment);
            builder.redirectErrorStream(true);
            Process process = builder.start();
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(command[0] + ": " + output).isZero();
            return output;
        } finally {
            Files.deleteIfExists(password);
        }
    }
}
