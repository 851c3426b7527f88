package dev.gatehouse.sso.api;

import dev.gatehouse.identity.application.AdminChanges;
import dev.gatehouse.identity.application.ProviderAdministration;
import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.ProviderSettings;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.port.ProviderRepository;
import dev.gatehouse.sso.signin.SignInProtocol;
import dev.gatehouse.sso.signin.SignInRegistry;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The sign-in providers of a site, of every installed kind (see the sign-in registry). Each answer is the provider as
 * its protocol shows it: for SAML, what to copy into Entra (entity ID = "Identifier", ACS URL = "Reply URL", SLO URL =
 * "Logout URL") and, for a metadata URL, when metadata was last fetched and the last error.
 */
@Path("v1/sites/{site}/providers")
@Tag(name = "Providers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProvidersResource {
    /** Provider bodies may carry uploaded federation metadata (Entra's is 70 KB and more). */
    static final int METADATA_BODY_BYTES = 1024 * 1024;

    @Inject
    AdminChanges adminChanges;

    @Inject
    ProviderAdministration providerAdministration;

    @Inject
    ProviderRepository providerRepository;

    @Inject
    AdminContext context;

    @Inject
    SignInRegistry signIn;

    @GET
    @Operation(summary = "The sign-in providers of a site")
    public List<Object> list(@PathParam("site") String slug) {
        return adminChanges.read(
                () -> providerRepository.listBySite(context.site(slug).id()).stream()
                        .filter(p ->
                                signIn.protocols().find(p.settings().kind()).isPresent())
                        .map(this::view)
                        .toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One provider")
    public Object get(@PathParam("site") String slug, @PathParam("id") String id) {
        ProviderId providerId = ProviderId.parse("id", id);
        return adminChanges.read(() -> view(providerAdministration.find(context.site(slug), providerId)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Create a sign-in provider",
            description = "Body: {displayName, enabled?, kind: \"saml\", settings: {trust: METADATA_URL | METADATA_XML"
                    + " | CERTIFICATE_FINGERPRINT, metadataUrl | metadataXml | certificateSha256 + idpEntityId +"
                    + " ssoUrl + sloUrl?, entityIdSuffix?, allowIdpInitiated?, allowSha1?, justInTime?,"
                    + " clockSkewSeconds?, requestedAuthnContext?}}. A metadata URL is fetched before saving.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            description =
                                                    "the provider as its protocol shows it: for SAML the values to copy into Entra and the metadata state")))
    public Response create(
            @PathParam("site") String slug, @BodyLimit(bytes = METADATA_BODY_BYTES) Requests.ProviderRequest body) {
        Site site = adminChanges.read(() -> context.site(slug));
        Provider saved = providerAdministration.create(
                site, provider(ProviderId.random(), site, body), context.admin().actor());
        return Response.created(UriBuilder.fromResource(ProvidersResource.class)
                        .path(saved.id().toString())
                        .build(slug))
                .entity(adminChanges.read(() -> view(saved)))
                .build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a provider's settings", description = "Body as for create")
    public Object replace(
            @PathParam("site") String slug,
            @PathParam("id") String id,
            @BodyLimit(bytes = METADATA_BODY_BYTES) Requests.ProviderRequest body) {
        ProviderId providerId = ProviderId.parse("id", id);
        Site site = adminChanges.read(() -> context.site(slug));
        Provider saved = providerAdministration.replace(
                site, provider(providerId, site, body), context.admin().actor());
        return adminChanges.read(() -> view(saved));
    }

    @POST
    @Path("{id}/metadata/refresh")
    @Operation(
            summary = "Fetch a provider's metadata URL now",
            description = "The answer shows the outcome: on failure metadataError is set and the last good metadata"
                    + " stays in use, as with the scheduled refresh. Once a signed copy is in use, a new document must"
                    + " be signed by one of its keys; ?retrust=true takes what the URL serves now instead (audited as"
                    + " SAML_METADATA_RETRUSTED), for a provider whose signing key was replaced without rollover.")
    public Object refresh(
            @PathParam("site") String slug, @PathParam("id") String id, @QueryParam("retrust") boolean retrust) {
        ProviderId providerId = ProviderId.parse("id", id);
        Provider provider = adminChanges.read(() -> providerAdministration.find(context.site(slug), providerId));
        signIn.protocols().of(provider).refresh(provider, retrust);
        return adminChanges.read(() -> view(provider));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a provider")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("site") String slug, @PathParam("id") String id) {
        ProviderId providerId = ProviderId.parse("id", id);
        Site site = adminChanges.read(() -> context.site(slug));
        providerAdministration.delete(site, providerId, context.admin().actor());
        return Response.noContent().build();
    }

    private Provider provider(ProviderId id, Site site, Requests.ProviderRequest body) {
        SignInProtocol protocol = signIn.protocols().require("kind", body.kind());
        ProviderSettings settings =
                protocol.settings(JsonInput.nested(body.settings(), "settings", protocol.settingsFields()));
        Boolean enabled = body.enabled();
        String name = body.displayName();
        return new Provider(
                id,
                site.id(),
                name == null ? null : name.strip(),
                enabled == null || enabled,
                settings,
                Clock.systemUTC().instant());
    }

    private Object view(Provider provider) {
        return signIn.protocols().of(provider).view(provider);
    }
}
