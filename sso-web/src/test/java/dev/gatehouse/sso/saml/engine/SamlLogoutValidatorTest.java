package dev.gatehouse.sso.saml.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.sso.saml.EntraResponses;
import dev.gatehouse.sso.saml.TestKeys;
import dev.gatehouse.sso.signin.state.LocalSignInStateStore;
import dev.gatehouse.sso.signin.state.PendingRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Single logout messages from the IdP: signed over the raw query, Entra's separate logout issuer, answers only. */
class SamlLogoutValidatorTest {
    static final String ENTITY_ID = "https://gatehouse.example/saml/p1";
    static final String SLO = ENTITY_ID + "/slo";
    static final String ENTRA_LOGOUT_ISSUER = "https://login.microsoftonline.com/" + EntraResponses.TENANT + "/";

    final LocalSignInStateStore state = new LocalSignInStateStore();
    final SamlLogoutValidator validator = new SamlLogoutValidator(state, Clock.systemUTC());
    final IdpTrust trust = IdpTrust.of(
            EntraResponses.ISSUER, List.of(TestKeys.certificate("idp").getPublicKey()), new SignaturePolicy(false));
    final ServiceProviderEndpoints sp = new ServiceProviderEndpoints(
            ENTITY_ID, ENTITY_ID + "/acs", SLO, ServiceProviderEndpoints.DEFAULT_SKEW, true);
    final ProviderId provider = ProviderId.random();

    static String logoutRequest(String issuer) {
        return "<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_lr1\" Version=\"2.0\""
                + " IssueInstant=\"2026-11-22T10:00:00.1234567Z\" Destination=\"" + SLO + "\">"
                + "<Issuer xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\">" + issuer + "</Issuer>"
                + "<NameID xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\">alice@contoso.example</NameID>"
                + "<samlp:SessionIndex>_s1</samlp:SessionIndex></samlp:LogoutRequest>";
    }

    static String logoutResponse(String inResponseTo, String issuer) {
        return "<samlp:LogoutResponse xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\" ID=\"_r1\" Version=\"2.0\""
                + " IssueInstant=\"2026-11-22T10:00:00Z\" Destination=\"" + SLO + "\" InResponseTo=\"" + inResponseTo
                + "\"><Issuer xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\">" + issuer + "</Issuer>"
                + "<samlp:Status><samlp:StatusCode Value=\"urn:oasis:names:tc:SAML:2.0:status:Success\"/>"
                + "</samlp:Status></samlp:LogoutResponse>";
    }

    static RedirectBinding.Received signed(String parameter, String xml, String alias) throws Exception {
        String url = RedirectBinding.url(SLO, parameter, xml, null);
        String query = url.substring(url.indexOf('?') + 1);
        return RedirectBinding.receive(RedirectBindingTest.signedQuery(query, alias));
    }

    static RedirectBinding.Received unsigned(String parameter, String xml) {
        String url = RedirectBinding.url(SLO, parameter, xml, null);
        return RedirectBinding.receive(url.substring(url.indexOf('?') + 1));
    }

    @Test
    void signedLogoutRequestNamesTheUserAndTheSession() throws Exception {
        SamlLogoutValidator.LogoutRequest request =
                validator.request(signed("SAMLRequest", logoutRequest(ENTRA_LOGOUT_ISSUER), "idp"), trust, sp);
        assertThat(request.nameId()).isEqualTo("alice@contoso.example");
        assertThat(request.sessionIndex()).contains("_s1");
        assertThat(request.id()).isEqualTo("_lr1");
    }

    @Test
    void unsignedLogoutRequestIsRefused() {
        assertThatThrownBy(() ->
                        validator.request(unsigned("SAMLRequest", logoutRequest(EntraResponses.ISSUER)), trust, sp))
                .hasMessageContaining("unsigned LogoutRequest");
    }

    @Test
    void logoutRequestSignedByAnotherKeyIsRefused() {
        assertThatThrownBy(() -> validator.request(
                        signed("SAMLRequest", logoutRequest(EntraResponses.ISSUER), "attacker"), trust, sp))
                .isInstanceOf(SamlException.class);
    }

    @Test
    void logoutRequestFromAnotherIssuerIsRefused() {
        assertThatThrownBy(() -> validator.request(
                        signed("SAMLRequest", logoutRequest("https://sts.windows.net/other/"), "idp"), trust, sp))
                .hasMessageContaining("Issuer");
    }

    @Test
    void logoutResponseMustAnswerOurOwnRequestOnce() throws Exception {
        state.rememberRequest(new PendingRequest(
                "_ours",
                PendingRequest.Kind.LOGOUT,
                provider,
                "/?site=default",
                Instant.now().plusSeconds(600)));
        RedirectBinding.Received answer = unsigned("SAMLResponse", logoutResponse("_ours", ENTRA_LOGOUT_ISSUER));
        assertThat(validator.response(answer, provider, trust, sp).target()).isEqualTo("/?site=default");
        assertThatThrownBy(() -> validator.response(answer, provider, trust, sp))
                .hasMessageContaining("no outstanding sign-out");
    }

    @Test
    void signedLogoutResponseWithABadSignatureIsRefused() throws Exception {
        state.rememberRequest(new PendingRequest(
                "_ours",
                PendingRequest.Kind.LOGOUT,
                provider,
                "/",
                Instant.now().plusSeconds(600)));
        assertThatThrownBy(() -> validator.response(
                        signed("SAMLResponse", logoutResponse("_ours", EntraResponses.ISSUER), "attacker"),
                        provider,
                        trust,
                        sp))
                .isInstanceOf(SamlException.class);
    }
}
