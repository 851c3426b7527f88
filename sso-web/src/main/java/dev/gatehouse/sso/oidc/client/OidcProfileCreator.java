package dev.gatehouse.sso.oidc.client;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.gatehouse.sso.identity.EntraProfile;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.credentials.Credentials;
import org.pac4j.core.credentials.authenticator.Authenticator;

/**
 * Maps an ID token's claims onto the protocol-neutral profile names. The user name is {@code upn} when the app
 * registration emits it, else {@code preferred_username} (v2.0 tokens); {@code sub} is pairwise per application in
 * Entra and becomes the profile ID only, never a link. The groups overage shows as {@code _claim_names.groups} (and
 * {@code _claim_sources}) or, in the implicit flow, {@code hasgroups}: the groups are then left out of the token and
 * resolved through Graph.
 */
public final class OidcProfileCreator implements Authenticator {
    private static final Map<String, String> SINGLE = Map.of(
            "tid", EntraProfile.TENANT_ID,
            "oid", EntraProfile.OBJECT_ID,
            "email", EntraProfile.EMAIL,
            "given_name", EntraProfile.GIVEN_NAME,
            "family_name", EntraProfile.FAMILY_NAME,
            "name", EntraProfile.DISPLAY_NAME);

    @Override
    public Optional<Credentials> validate(CallContext ctx, Credentials credentials) {
        JWTClaimsSet claims = ((OidcCredentials) credentials).claims();
        credentials.setUserProfile(profile(claims));
        return Optional.of(credentials);
    }

    /** The profile of validated claims. */
    public static OidcProfile profile(JWTClaimsSet claims) {
        OidcProfile profile = new OidcProfile();
        profile.setId(claims.getSubject());
        SINGLE.forEach((claim, name) -> text(claims, claim).ifPresent(value -> profile.addAttribute(name, value)));
        text(claims, "upn")
                .or(() -> text(claims, "preferred_username"))
                .ifPresent(value -> profile.addAttribute(EntraProfile.UPN, value));
        List<String> groups = strings(claims, "groups");
        if (!groups.isEmpty()) {
            profile.addAttribute(EntraProfile.GROUPS, groups);
        }
        List<String> roles = strings(claims, "roles");
        if (!roles.isEmpty()) {
            profile.addAttribute(EntraProfile.ROLES, roles);
        }
        if (overage(claims)) {
            profile.addAttribute(EntraProfile.GROUPS_OVERAGE, Boolean.TRUE);
        }
        return profile;
    }

    static boolean overage(JWTClaimsSet claims) {
        Object names = claims.getClaim("_claim_names");
        return names instanceof Map<?, ?> map && map.containsKey("groups")
                || Boolean.TRUE.equals(claims.getClaim("hasgroups"))
                || "true".equals(String.valueOf(claims.getClaim("hasgroups")));
    }

    private static Optional<String> text(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String text && !text.isBlank() ? Optional.of(text) : Optional.empty();
    }

    private static List<String> strings(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value instanceof String text ? List.of(text) : List.of();
    }
}
