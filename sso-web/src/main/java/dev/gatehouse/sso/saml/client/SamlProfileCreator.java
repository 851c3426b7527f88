package dev.gatehouse.sso.saml.client;

import dev.gatehouse.sso.identity.EntraProfile;
import dev.gatehouse.sso.saml.engine.SamlAssertion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.credentials.Credentials;
import org.pac4j.core.credentials.authenticator.Authenticator;

/**
 * Maps Entra's SAML claim URIs onto the protocol-neutral profile names. The group claim carries object IDs; the
 * {@code groups.link} attribute marks an overage (more than 150 groups), in which case the groups are left out.
 */
public final class SamlProfileCreator implements Authenticator {
    static final String CLAIMS = "http://schemas.microsoft.com/identity/claims/";
    static final String WS = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/";
    static final String WS_2008 = "http://schemas.microsoft.com/ws/2008/06/identity/claims/";
    static final String GROUPS_LINK = "http://schemas.microsoft.com/claims/groups.link";

    private static final Map<String, String> SINGLE = Map.of(
            CLAIMS + "tenantid", EntraProfile.TENANT_ID,
            CLAIMS + "objectidentifier", EntraProfile.OBJECT_ID,
            WS + "name", EntraProfile.UPN,
            WS + "emailaddress", EntraProfile.EMAIL,
            WS + "givenname", EntraProfile.GIVEN_NAME,
            WS + "surname", EntraProfile.FAMILY_NAME,
            CLAIMS + "displayname", EntraProfile.DISPLAY_NAME);

    @Override
    public Optional<Credentials> validate(CallContext ctx, Credentials credentials) {
        SamlAssertion assertion = ((SamlCredentials) credentials).assertion();
        SamlProfile profile = new SamlProfile();
        profile.setId(assertion.nameId());
        SINGLE.forEach((claim, name) -> assertion.first(claim).ifPresent(value -> profile.addAttribute(name, value)));
        List<String> groups = assertion.all(WS_2008 + "groups");
        if (!groups.isEmpty()) {
            profile.addAttribute(EntraProfile.GROUPS, groups);
        }
        List<String> roles = assertion.all(WS_2008 + "role");
        if (!roles.isEmpty()) {
            profile.addAttribute(EntraProfile.ROLES, roles);
        }
        if (assertion.first(GROUPS_LINK).isPresent()) {
            profile.addAttribute(EntraProfile.GROUPS_OVERAGE, Boolean.TRUE);
        }
        profile.addAttribute(SamlProfile.NAME_ID_FORMAT, assertion.nameIdFormat());
        assertion.sessionIndex().ifPresent(index -> profile.addAttribute(SamlProfile.SESSION_INDEX, index));
        credentials.setUserProfile(profile);
        return Optional.of(credentials);
    }
}
