package dev.gatehouse.sso.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The package rules of every module (D8 in the architecture brief), checked on the compiled main classes of
 * identity-core, storage-policy, directory-connector and this module.
 */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.gatehouse");

    /** Technology the domain, ports and services of every module stay free of. */
    static final String[] ADAPTER_TECHNOLOGY = {
        "jakarta..",
        "javax.persistence..",
        "org.hibernate..",
        "org.pac4j..",
        "org.apache.directory..",
        "com.unboundid..",
        "org.eclipse.microprofile..",
        "com.zaxxer..",
        "org.flywaydb.."
    };

    @Test
    void domainPortAndApplicationPackagesArePlainJava() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.gatehouse.identity.domain..",
                        "dev.gatehouse.identity.port..",
                        "dev.gatehouse.identity.application..",
                        "dev.gatehouse.identity.validation..",
                        "dev.gatehouse.identity.credential..",
                        "dev.gatehouse.storage.model..",
                        "dev.gatehouse.storage.engine..",
                        "dev.gatehouse.storage.port..",
                        "dev.gatehouse.storage.application..",
                        "dev.gatehouse.directory",
                        "dev.gatehouse.directory.application..",
                        "dev.gatehouse.directory.domain..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ADAPTER_TECHNOLOGY)
                .because("adapters (persistence, ldap, web) sit beside the domain; the domain depends on ports only")
                .check(CLASSES);
    }

    @Test
    void modulesDependOnIdentityCoreNotOnTheWebModule() {
        noClasses()
                .that()
                .resideInAnyPackage("dev.gatehouse.identity..", "dev.gatehouse.storage..", "dev.gatehouse.directory..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.gatehouse.sso..")
                .check(CLASSES);
    }

    @Test
    void noPackageCycles() {
        slices().matching("dev.gatehouse.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void apiAndConsoleDoNotDependOnEachOther() {
        noClasses()
                .that()
                .resideInAPackage("dev.gatehouse.sso.api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.gatehouse.sso.console..")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage("dev.gatehouse.sso.console..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.gatehouse.sso.api..")
                .check(CLASSES);
    }

    @Test
    void protocolEnginesImportNoServletJaxRsOrPersistenceType() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.gatehouse.sso.saml.engine..",
                        "dev.gatehouse.sso.saml.metadata..",
                        "dev.gatehouse.sso.oidc.engine..",
                        "dev.gatehouse.sso.scim.engine..",
                        "dev.gatehouse.sso.outbound..",
                        "dev.gatehouse.sso.signin.state..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.servlet..",
                        "jakarta.ws.rs..",
                        "jakarta.persistence..",
                        "org.hibernate..",
                        "dev.gatehouse.sso.persistence..",
                        "dev.gatehouse.identity.persistence..",
                        "dev.gatehouse.sso.saml.persistence..")
                .check(CLASSES);
    }

    @Test
    void onlyTheOidcPackageKnowsOidc() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.gatehouse.sso.oidc..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.gatehouse.sso.oidc..")
                .because("generic code iterates the sign-in registry and never names a protocol")
                .check(CLASSES);
    }

    @Test
    void theProtocolsDoNotKnowEachOther() {
        noClasses()
                .that()
                .resideInAPackage("dev.gatehouse.sso.oidc..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.gatehouse.sso.saml..")
                .because("what both need lives in signin, identity, outbound or pac4j")
                .check(CLASSES);
    }

    @Test
    void onlyTheSamlPackageKnowsSamlSettings() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.gatehouse.sso.saml..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.gatehouse.sso.saml..")
                .because("generic code iterates the sign-in registry and never names a protocol")
                .check(CLASSES);
    }
}
