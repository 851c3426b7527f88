package dev.gatehouse.sso.signin;

import dev.gatehouse.identity.application.SiteService;
import dev.gatehouse.identity.domain.Site;
import dev.gatehouse.identity.domain.SiteId;
import dev.gatehouse.identity.domain.SiteSlug;
import dev.gatehouse.identity.validation.ValidationException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Where a user lands after signing in through a provider, for every protocol: from what the protocol carried (SAML's
 * RelayState, the {@code target} of an SP-initiated sign-in). Never an open redirect: the result is always a
 * Gatehouse-relative path.
 *
 * <p>Accepted: a site slug ({@code child}) for that site's start page, or a path on the allowlist — {@code /} (with an
 * optional {@code site=<slug>} query) or a path under {@code /console/}. The site must be the provider's site or one of
 * its child sites. Anything else — an absolute URL, {@code //host}, {@code /\host}, {@code javascript:}, control
 * characters, a site outside the provider's tree — lands on the provider site's start page.
 */
public final class SignInTargets {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final Pattern SITE_QUERY = Pattern.compile("site=([a-z0-9][a-z0-9-]{0,39})");

    /** The site to sign in to and the path to land on. */
    public record Target(Site site, String path) {}

    private SignInTargets() {}

    /**
     * The target for a sign-in through a provider of {@code providerSite}: {@link #resolve} with the sites of the
     * provider's tree. Call inside a unit of work.
     */
    public static Target forProvider(SiteService sites, SiteId providerSite, String requested) {
        Site site = sites.find(providerSite).orElseThrow();
        return resolve(requested, site, slug -> {
            try {
                return sites.findBySlug(new SiteSlug(slug)).filter(found -> sites.isWithin(found.id(), site.id()));
            } catch (ValidationException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * @param siteBySlug finds a site by slug, only when it is the provider's site or below it
     */
    public static Target resolve(String relayState, Site providerSite, Function<String, Optional<Site>> siteBySlug) {
        Target fallback = start(providerSite);
        if (relayState == null || relayState.isBlank() || relayState.length() > 512) {
            return fallback;
        }
        if (SLUG.matcher(relayState).matches()) {
            return siteBySlug.apply(relayState).map(SignInTargets::start).orElse(fallback);
        }
        if (!relayState.startsWith("/")
                || relayState.startsWith("//")
                || relayState.contains("\\")
                || relayState.chars().anyMatch(c -> c < 0x21 || c == 0x7f)) {
            return fallback;
        }
        URI uri;
        try {
            uri = new URI(relayState);
        } catch (URISyntaxException e) {
            return fallback;
        }
        if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawFragment() != null) {
            return fallback;
        }
        String path = uri.getRawPath();
        String query = uri.getRawQuery();
        if (path.contains("/../") || path.endsWith("/..") || path.contains("%")) {
            return fallback;
        }
        if ("/".equals(path)) {
            if (query == null) {
                return fallback;
            }
            var m = SITE_QUERY.matcher(query);
            return m.matches()
                    ? siteBySlug.apply(m.group(1)).map(SignInTargets::start).orElse(fallback)
                    : fallback;
        }
        if (path.startsWith("/console/") && query == null) {
            return new Target(providerSite, path);
        }
        return fallback;
    }

    public static Target start(Site site) {
        return new Target(site, "/?site=" + URLEncoder.encode(site.slug().value(), StandardCharsets.UTF_8));
    }
}
