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
    class OpenApi extends OpenApiChecks {}
}
