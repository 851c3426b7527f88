package dev.gatehouse.sso.identity;

import dev.gatehouse.identity.domain.EntraObjectId;
import dev.gatehouse.identity.domain.EntraTenantId;
import dev.gatehouse.identity.domain.ExternalGroup;
import dev.gatehouse.identity.domain.ExternalIdentity;
import dev.gatehouse.identity.domain.GroupKey;
import dev.gatehouse.identity.domain.LinkKey;
import dev.gatehouse.identity.validation.ValidationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.pac4j.core.profile.UserProfile;

/**
 * The one place where a pac4j profile becomes a Gatehouse {@link ExternalIdentity}, for every protocol. The identity is
 * the tenant ID + object ID; a profile without both is refused (never fall back to the e-mail or the UPN).
 */
public final class SsoIdentities {
    private SsoIdentities() {}

    /** @throws IncompleteIdentityException naming the missing claim */
    public static ExternalIdentity from(UserProfile profile) {
        EntraTenantId tenant = EntraTenantId.parse("tid", required(profile, EntraProfile.TENANT_ID));
        EntraObjectId object = EntraObjectId.parse("oid", required(profile, EntraProfile.OBJECT_ID));
        String upn = text(profile, EntraProfile.UPN)
                .or(() -> text(profile, EntraProfile.EMAIL))
                .orElseThrow(() ->
                        new IncompleteIdentityException("the identity provider sent no user name (UPN or name claim)"));
        String display = text(profile, EntraProfile.DISPLAY_NAME)
                .or(() -> {
                    String given = text(profile, EntraProfile.GIVEN_NAME).orElse("");
                    String family = text(profile, EntraProfile.FAMILY_NAME).orElse("");
                    String both = (given + " " + family).strip();
                    return both.isEmpty() ? Optional.empty() : Optional.of(both);
                })
                .orElse(upn);
        List<ExternalGroup> groups = new ArrayList<>();
        for (String value : values(profile, EntraProfile.GROUPS)) {
            try {
                // a group is Entra's within the tenant that asserts it: only a provider of that tenant can name it
                groups.add(ExternalGroup.of(new GroupKey.Entra(tenant, EntraObjectId.parse("groups", value))));
            } catch (ValidationException e) {
                throw new IncompleteIdentityException("a groups value is not an Entra object ID; send group IDs");
            }
        }
        boolean overage = Boolean.TRUE.equals(profile.getAttribute(EntraProfile.GROUPS_OVERAGE));
        return new ExternalIdentity(
                new LinkKey.Entra(tenant, object),
                upn,
                display,
                text(profile, EntraProfile.EMAIL).orElse(null),
                groups,
                overage);
    }

    private static String required(UserProfile profile, String name) {
        return text(profile, name)
                .orElseThrow(() -> new IncompleteIdentityException("the identity provider sent no '" + name
                        + "' claim; Entra always sends it, check the claim mapping"));
    }

    private static Optional<String> text(UserProfile profile, String name) {
        List<String> values = values(profile, name);
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0)).filter(v -> !v.isBlank());
    }

    private static List<String> values(UserProfile profile, String name) {
        Object value = profile.getAttribute(name);
        if (value instanceof Collection<?> collection) {
            return collection.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
