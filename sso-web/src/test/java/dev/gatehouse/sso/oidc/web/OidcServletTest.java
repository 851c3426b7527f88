package dev.gatehouse.sso.oidc.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OidcServletTest {
    @Test
    void overHttpsTheBindingCookieGoesWithTheIdentityProvidersCrossSitePost() {
        assertThat(OidcServlet.bindingCookie("", "gh_oidc_abc", "v", 600, true))
                .isEqualTo("gh_oidc_abc=v; Path=/oidc/; Max-Age=600; HttpOnly; Secure; SameSite=None");
        assertThat(OidcServlet.bindingCookie("/gh", "gh_oidc_abc", "v", 600, false))
                .isEqualTo("gh_oidc_abc=v; Path=/gh/oidc/; Max-Age=600; HttpOnly; SameSite=Lax");
    }
}
