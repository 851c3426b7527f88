package dev.gatehouse.it;

import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The suite-wide deployment: the built WAR (exactly what the Micro bundle carries) deployed once on Payara Micro at the
 * context root, bound to 127.0.0.1. Each nested class is one area of black-box checks over HTTP; the build runs the
 * suite once on H2 and once on PostgreSQL.
 */
@ExtendWith(ArquillianExtension.class)
class GatehouseSuiteIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(It.property("gatehouse.it.war")));
    }

    /**
     * After every nested check: no secret a test was handed (SCIM tokens, their resets, app passwords, API tokens,
     * storage-client secrets, the administrator's password) is in any line of the server's log of this run.
     */
    @org.junit.jupiter.api.AfterAll
    static void noSecretReachedTheServerLog() throws java.io.IOException {
        java.nio.file.Path log = java.nio.file.Path.of(It.property("gatehouse.it.server-log"));
        StringBuilder all = new StringBuilder();
        try (var files = java.nio.file.Files.list(log.getParent())) {
            // Payara's file handler numbers its files: server-h2.log.0, .1, …
            for (java.nio.file.Path file : files.filter(f -> f.getFileName()
                            .toString()
                            .startsWith(log.getFileName().toString()))
                    .toList()) {
                all.append(java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        String text = all.toString();
        org.assertj.core.api.Assertions.assertThat(text)
                .as("the server log of this run")
                .contains("Gatehouse");
        org.assertj.core.api.Assertions.assertThat(It.SECRETS)
                .as("secrets the tests were handed")
                .isNotEmpty();
        for (String secret : It.SECRETS) {
            org.assertj.core.api.Assertions.assertThat(text.contains(secret))
                    .as("a secret of " + secret.length() + " characters starting " + secret.substring(0, 4) + " is in "
                            + log)
                    .isFalse();
        }
    }

    @Nested
    class Health extends HealthChecks {}

    @Nested
    class AdminApi extends AdminApiChecks {}

    @Nested
    class WebSecurity extends WebSecurityChecks {}

    @Nested
    class Console extends ConsoleBrowserChecks {}

    @Nested
    class StoragePolicy extends StoragePolicyChecks {}

    @Nested
    class Saml extends SamlChecks {}

    @Nested
    class KeycloakSaml extends KeycloakSamlChecks {}

    @Nested
    class KeycloakOidc extends KeycloakOidcChecks {}

    @Nested
    class EntraOidc extends EntraOidcChecks {}

    @Nested
    class Hardening extends HardeningChecks {}

    @Nested
    class Scim extends ScimChecks {}

    @Nested
    class CredentialLifecycle extends CredentialChecks {}

    @Nested
    class Directory extends DirectoryChecks {}

    @Nested
    class DirectorySync extends DirectorySyncChecks {}

    @Nested
    class DomainJoin extends DomainJoinChecks {}

    @Nested
    class OpenApi extends OpenApiChecks {}
}
