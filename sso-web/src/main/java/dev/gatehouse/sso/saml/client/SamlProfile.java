package dev.gatehouse.sso.saml.client;

import org.pac4j.core.profile.CommonProfile;

/**
 * The pac4j profile of a SAML sign-in: Entra attributes under the {@link dev.gatehouse.sso.identity.EntraProfile}
 * names, plus what single logout needs (NameID, its format, the session index).
 */
public final class SamlProfile extends CommonProfile {
    private static final long serialVersionUID = 1L;
    public static final String NAME_ID_FORMAT = "saml_name_id_format";
    public static final String SESSION_INDEX = "saml_session_index";
}
