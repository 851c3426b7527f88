package dev.gatehouse.sso.saml.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.sso.saml.EntraResponses;
import dev.gatehouse.sso.saml.TestKeys;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RedirectBindingTest {
    final IdpTrust trust = IdpTrust.of(
            EntraResponses.ISSUER, List.of(TestKeys.certificate("idp").getPublicKey()), new SignaturePolicy(false));

    /** Percent-encodes the way Entra does: lower-case hex digits. */
    static String lowerCaseEncode(String value) {
        Matcher m = Pattern.compile("%[0-9A-F]{2}").matcher(URLEncoder.encode(value, StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group().toLowerCase(Locale.ROOT));
        }
        return m.appendTail(out).toString();
    }

    static String signedQuery(String unsignedQuery, String alias) throws Exception {
        String query = unsignedQuery + "&SigAlg=" + lowerCaseEncode(SignaturePolicy.RSA_SHA256);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(TestKeys.privateKey(alias));
        signer.update(query.getBytes(StandardCharsets.UTF_8));
        return query + "&Signature=" + lowerCaseEncode(Base64.getEncoder().encodeToString(signer.sign()));
    }

    String unsignedLogoutRequest() {
        String url = RedirectBinding.url("https://idp.example/slo", "SAMLRequest", "<x/>", "/a/b?c=d");
        String query = url.substring(url.indexOf('?') + 1);
        String[] parts = query.split("&RelayState=");
        return parts[0].toLowerCase(Locale.ROOT).equals(parts[0])
                ? query
                : parts[0] + "&RelayState=" + lowerCaseEncode("/a/b?c=d");
    }

    @Test
    void roundTripsAndVerifiesOverTheRawLowerCaseQuery() throws Exception {
        String query = signedQuery(unsignedLogoutRequest(), "idp");
        assertThat(query).contains("%2f");
        RedirectBinding.Received received = RedirectBinding.receive(query);
        assertThat(received.xml()).isEqualTo("<x/>");
        assertThat(received.relayState()).contains("/a/b?c=d");
        assertThat(RedirectBinding.verify(received, trust)).isTrue();
    }

    @Test
    void reEncodedQueryNoLongerVerifies() throws Exception {
        String query = signedQuery(unsignedLogoutRequest(), "idp").replace("%2f", "%2F");
        assertThatThrownBy(() -> RedirectBinding.verify(RedirectBinding.receive(query), trust))
                .isInstanceOf(SamlException.class);
    }

    @Test
    void foreignKeyIsRefused() throws Exception {
        String query = signedQuery(unsignedLogoutRequest(), "attacker");
        assertThatThrownBy(() -> RedirectBinding.verify(RedirectBinding.receive(query), trust))
                .hasMessageContaining("not made by a configured signing key");
    }

    @Test
    void unsignedIsReportedAsUnsigned() {
        assertThat(RedirectBinding.verify(RedirectBinding.receive(unsignedLogoutRequest()), trust))
                .isFalse();
    }
}
