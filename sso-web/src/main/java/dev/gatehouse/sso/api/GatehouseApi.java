package dev.gatehouse.sso.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationPath("api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Gatehouse admin API",
                        version = "1",
                        description =
                                "Sites, users, groups, memberships and the audit log. Administrators only: the console"
                                        + " session (with the X-CSRF-Token header on changes) or HTTP Basic, where the user name is"
                                        + " the login for the default site or '<site slug>\\<login>'. Errors are"
                                        + " application/problem+json with an 'errors' list naming each field."),
        security = @SecurityRequirement(name = "basic"),
        tags = {
            @Tag(name = "Sites", description = "Tenants and child sites"),
            @Tag(name = "Users", description = "Users of a site and their authentication method"),
            @Tag(name = "Groups", description = "Groups of a site and their members"),
            @Tag(name = "Audit", description = "The audit log")
        })
@SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
public class GatehouseApi extends Application {
    /**
     * Jersey (Payara) builds a WADL description of the API at start unless told not to; the API is described by
     * OpenAPI at {@code /openapi} instead. Other JAX-RS implementations ignore the property.
     */
    @Override
    public java.util.Map<String, Object> getProperties() {
        return java.util.Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
