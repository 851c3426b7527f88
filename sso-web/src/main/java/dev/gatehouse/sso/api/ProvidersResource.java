package dev.gatehouse.sso.api;

import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.ProviderSettings;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.validation.ValidationException;
import dev.gatehouse.sso.application.Gatehouse;
import dev.gatehouse.sso.saml.SamlProviderStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * SAML sign-in providers of a site. The answer shows what to copy into Entra (entity ID = "Identifier", ACS URL =
 * "Reply URL", SLO URL = "Logout URL") and, for a metadata URL, when metadata was last fetched and the last error.
 */
@Path("v1/sites/{site}/providers")
@Tag(name = "Providers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProvidersResource {
    static final Set<String> FIELDS = Set.of("displayName", "enabled", "kind", "settings");
    static final Set<String> SAML_FIELDS = Set.of(
            "trust",
            "metadataUrl",
            "metadataXml",
            "certificateSha256",
            "idpEntityId",
            "ssoUrl",
            "sloUrl",
            "entityIdSuffix",
            "allowIdpInitiated",
            "allowSha1",
            "justInTime",
            "clockSkewSeconds",
            "requestedAuthnContext");

    /** A provider as the API shows it; uploaded metadata XML is summarised, not echoed. */
    public record ProviderView(
            String id,
            String displayName,
            boolean enabled,
            String kind,
            String trust,
            String metadataUrl,
            String idpEntityId,
            boolean allowIdpInitiated,
            boolean allowSha1,
            boolean justInTime,
            int clockSkewSeconds,
            String entityId,
            String acsUrl,
            String sloUrl,
            String spMetadataUrl,
            String loginUrl,
            String metadataFetchedAt,
            String metadataError) {}

    @Inject
    Gatehouse gatehouse;

    @Inject
    AdminContext context;

    @GET
    @Operation(summary = "The SAML providers of a site")
    public List<ProviderView> list(@PathParam("site") String slug) {
        return gatehouse.read(
                () -> gatehouse.providers().listBySite(context.site(slug).id()).stream()
                        .filter(p -> p.settings() instanceof ProviderSettings.Saml)
                        .map(this::view)
                        .toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One provider")
    public ProviderView get(@PathParam("site") String slug, @PathParam("id") String id) {
        ProviderId providerId = ProviderId.parse("id", id);
        return gatehouse.read(() -> view(gatehouse.providerAdministration().find(context.site(slug), providerId)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a SAML provider",
            description = "Body: {displayName, enabled?, kind: \"saml\", settings: {trust: METADATA_URL | METADATA_XML"
                    + " | CERTIFICATE_FINGERPRINT, metadataUrl | metadataXml | certificateSha256 + idpEntityId +"
                    + " ssoUrl + sloUrl?, entityIdSuffix?, allowIdpInitiated?, allowSha1?, justInTime?,"
                    + " clockSkewSeconds?, requestedAuthnContext?}}. A metadata URL is fetched before saving.")
    public Response create(@PathParam("site") String slug, JsonObject body) {
        Site site = gatehouse.read(() -> context.site(slug));
        Provider saved = gatehouse
                .providerAdministration()
                .create(
                        site,
                        provider(ProviderId.random(), site, JsonInput.of(body, FIELDS)),
                        context.admin().actor());
        return Response.created(UriBuilder.fromResource(ProvidersResource.class)
                        .path(saved.id().toString())
                        .build(slug))
                .entity(gatehouse.read(() -> view(saved)))
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a SAML provider's settings", description = "Body as for create")
    public ProviderView replace(@PathParam("site") String slug, @PathParam("id") String id, JsonObject body) {
        ProviderId providerId = ProviderId.parse("id", id);
        Site site = gatehouse.read(() -> context.site(slug));
        Provider saved = gatehouse
                .providerAdministration()
                .replace(
                        site,
                        provider(providerId, site, JsonInput.of(body, FIELDS)),
                        context.admin().actor());
        return gatehouse.read(() -> view(saved));
    }

    @POST
    @Path("{id}/metadata/refresh")
    @Operation(
            summary = "Fetch a provider's metadata URL now",
            description = "The answer shows the outcome: on failure metadataError is set and the last good metadata"
                    + " stays in use, as with the scheduled refresh")
    public ProviderView refresh(@PathParam("site") String slug, @PathParam("id") String id) {
        ProviderId providerId = ProviderId.parse("id", id);
        Provider provider =
                gatehouse.read(() -> gatehouse.providerAdministration().find(context.site(slug), providerId));
        if (!(provider.settings() instanceof ProviderSettings.Saml saml)
                || saml.trust() != ProviderSettings.SamlTrust.METADATA_URL) {
            throw ValidationException.of("id", "this provider has no metadata URL to refresh");
        }
        gatehouse.saml().refresh(provider);
        return gatehouse.read(() -> view(provider));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a provider")
    public Response delete(@PathParam("site") String slug, @PathParam("id") String id) {
        ProviderId providerId = ProviderId.parse("id", id);
        Site site = gatehouse.read(() -> context.site(slug));
        gatehouse
                .providerAdministration()
                .delete(site, providerId, context.admin().actor());
        return Response.noContent().build();
    }

    private static Provider provider(ProviderId id, Site site, JsonInput input) {
        String kind = input.string("kind");
        if (!"saml".equals(kind)) {
            throw ValidationException.of(
                    "kind",
                    kind == null
                            ? "is required; use \"saml\""
                            : "'" + kind
                                    + "' is not supported yet; use \"saml\" (OpenID Connect and OAuth come later)");
        }
        JsonInput s = input.object("settings", SAML_FIELDS);
        ProviderSettings.SamlTrust trust;
        try {
            trust = s.string("trust") == null ? null : ProviderSettings.SamlTrust.valueOf(s.string("trust"));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(
                    "settings.trust",
                    "'" + s.string("trust") + "' is not a trust mode; use METADATA_URL, METADATA_XML or"
                            + " CERTIFICATE_FINGERPRINT");
        }
        Integer skew = s.integer("clockSkewSeconds");
        ProviderSettings.Saml settings = new ProviderSettings.Saml(
                trust,
                s.string("metadataUrl"),
                s.string("metadataXml"),
                s.string("certificateSha256"),
                s.string("idpEntityId"),
                s.string("ssoUrl"),
                s.string("sloUrl"),
                s.string("entityIdSuffix"),
                Boolean.TRUE.equals(s.bool("allowIdpInitiated")),
                Boolean.TRUE.equals(s.bool("allowSha1")),
                Boolean.TRUE.equals(s.bool("justInTime")),
                skew == null ? ProviderSettings.Saml.DEFAULT_CLOCK_SKEW_SECONDS : skew,
                s.string("requestedAuthnContext"));
        Boolean enabled = input.bool("enabled");
        String name = input.string("displayName");
        return new Provider(
                id,
                site.id(),
                name == null ? null : name.strip(),
                enabled == null || enabled,
                settings,
                Clock.systemUTC().instant());
    }

    private ProviderView view(Provider provider) {
        ProviderSettings.Saml saml = (ProviderSettings.Saml) provider.settings();
        SamlProviderStatus status = gatehouse.saml().status(provider);
        return new ProviderView(
                provider.id().toString(),
                provider.displayName(),
                provider.enabled(),
                "saml",
                saml.trust().name(),
                saml.metadataUrl(),
                saml.idpEntityId(),
                saml.allowIdpInitiated(),
                saml.allowSha1(),
                saml.justInTime(),
                saml.clockSkewSeconds(),
                status.entityId(),
                status.acsUrl(),
                status.sloUrl(),
                status.spMetadataUrl(),
                status.loginUrl(),
                status.metadataFetchedAt(),
                status.metadataError());
    }
}
