package dev.gatehouse.sso.saml.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The messages Gatehouse sends follow Entra's rules and are well-formed with values escaped. */
class SamlMessagesTest {
    final ServiceProviderEndpoints sp = new ServiceProviderEndpoints(
            "https://gh.example/saml/p?a=1&b=2",
            "https://gh.example/saml/p/acs",
            "https://gh.example/saml/p/slo",
            Duration.ZERO,
            false);

    static Element parse(String xml) {
        return SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    }

    @Test
    void authnRequestHasAnIdNotStartingWithADigitOurIssuerAndNoAuthnContextUnlessAsked() {
        String id = SamlMessages.newId();
        assertThat(id).matches("_[0-9a-f]{32}");
        Element request = parse(SamlMessages.authnRequest(id, Instant.EPOCH, sp, "https://idp.example/sso", null));
        assertThat(request.getLocalName()).isEqualTo("AuthnRequest");
        assertThat(request.getAttribute("ID")).isEqualTo(id);
        assertThat(request.getAttribute("AssertionConsumerServiceURL")).isEqualTo(sp.acsUrl());
        assertThat(request.getAttribute("ProtocolBinding")).isEqualTo(SamlXml.BINDING_POST);
        assertThat(SamlXml.text(SamlXml.required(request, SamlXml.ASSERTION, "Issuer")))
                .isEqualTo(sp.entityId());
        assertThat(SamlXml.child(request, SamlXml.PROTOCOL, "RequestedAuthnContext"))
                .isEmpty();
        assertThat(SamlXml.child(request, SamlXml.ASSERTION, "Subject")).isEmpty();

        Element asked = parse(SamlMessages.authnRequest(
                id, Instant.EPOCH, sp, "https://idp.example/sso", "urn:oasis:names:tc:SAML:2.0:ac:classes:X509"));
        assertThat(SamlXml.required(asked, SamlXml.PROTOCOL, "RequestedAuthnContext")
                        .getAttribute("Comparison"))
                .isEqualTo("exact");
    }

    @Test
    void logoutMessagesNameTheSessionAndTheRequestTheyAnswer() {
        Element request = parse(SamlMessages.logoutRequest(
                "_l", Instant.EPOCH, sp, "https://idp.example/slo", "a&b@contoso.example", "fmt", "_s1"));
        assertThat(SamlXml.text(SamlXml.required(request, SamlXml.ASSERTION, "NameID")))
                .isEqualTo("a&b@contoso.example");
        assertThat(SamlXml.text(SamlXml.required(request, SamlXml.PROTOCOL, "SessionIndex")))
                .isEqualTo("_s1");

        Element response =
                parse(SamlMessages.logoutResponse("_r", Instant.EPOCH, sp, "https://idp.example/slo", "_theirs"));
        assertThat(response.getAttribute("InResponseTo")).isEqualTo("_theirs");
        assertThat(SamlXml.required(response, SamlXml.PROTOCOL, "Status")).isNotNull();
        assertThat(SamlXml.text(SamlXml.required(response, SamlXml.ASSERTION, "Issuer")))
                .isEqualTo(sp.entityId());
    }
}
