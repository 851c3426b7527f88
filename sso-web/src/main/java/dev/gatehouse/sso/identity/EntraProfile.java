package dev.gatehouse.sso.identity;

/**
 * The attribute names every protocol client puts on its pac4j profile for an Entra identity, whatever the wire format
 * (SAML claim URIs, OIDC claims). {@link SsoIdentities} reads only these.
 */
public final class EntraProfile {
    public static final String TENANT_ID = "tid";
    public static final String OBJECT_ID = "oid";
    public static final String UPN = "upn";
    public static final String EMAIL = "email";
    public static final String GIVEN_NAME = "given_name";
    public static final String FAMILY_NAME = "family_name";
    public static final String DISPLAY_NAME = "display_name";
    public static final String GROUPS = "groups";
    public static final String ROLES = "roles";
    public static final String GROUPS_OVERAGE = "groups_overage";

    private EntraProfile() {}
}
