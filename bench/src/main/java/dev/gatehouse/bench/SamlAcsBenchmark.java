package dev.gatehouse.bench;

import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.sso.saml.EntraResponses;
import dev.gatehouse.sso.saml.TestKeys;
import dev.gatehouse.sso.saml.engine.IdpTrust;
import dev.gatehouse.sso.saml.engine.SamlAssertion;
import dev.gatehouse.sso.saml.engine.SamlResponseValidator;
import dev.gatehouse.sso.saml.engine.ServiceProviderEndpoints;
import dev.gatehouse.sso.saml.engine.SignaturePolicy;
import dev.gatehouse.sso.signin.state.LocalSignInStateStore;
import java.io.ByteArrayInputStream;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.Init;
import org.apache.xml.security.signature.XMLSignature;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * ACS validation of an Entra-shaped response (assertion signed with RSA-SHA256, exclusive C14N, seven fractional
 * digits, eight Entra claims) next to the bare primitive on the same bytes: Base64 decoding, a namespace-aware DOM parse
 * and Santuario's verification of the assertion's signature with the known key — nothing else. Both cycle through
 * 1,024 responses with distinct assertion IDs; the validator gets a fresh replay cache each time the cycle restarts, so
 * every validation is a first use. One thread: the figures are per core.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
public class SamlAcsBenchmark {
    private static final int RESPONSES = 1024;
    private static final String ENTITY_ID = "https://gatehouse.example/saml/bench";
    private static final String ACS = ENTITY_ID + "/acs";

    private String[] responses;
    private PublicKey key;
    private IdpTrust trust;
    private ServiceProviderEndpoints sp;
    private ProviderId provider;
    private DocumentBuilder parser;
    private SamlResponseValidator validator;
    private int next;

    @Setup
    public void setUp() {
        Init.init();
        responses = new String[RESPONSES];
        for (int i = 0; i < RESPONSES; i++) {
            EntraResponses entra = new EntraResponses(ENTITY_ID, ACS);
            entra.notOnOrAfter = entra.issueInstant.plusSeconds(24 * 3600);
            entra.bearerNotOnOrAfter = entra.notOnOrAfter;
            responses[i] = entra.signedAssertion();
        }
        key = TestKeys.certificate("idp").getPublicKey();
        trust = IdpTrust.of(EntraResponses.ISSUER, List.of(key), new SignaturePolicy(false));
        sp = new ServiceProviderEndpoints(
                ENTITY_ID, ACS, ENTITY_ID + "/slo", ServiceProviderEndpoints.DEFAULT_SKEW, true);
        provider = ProviderId.random();
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try {
            parser = factory.newDocumentBuilder();
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        validator = new SamlResponseValidator(new LocalSignInStateStore(), Clock.systemUTC());
    }

    private String nextResponse() {
        if (next == RESPONSES) {
            next = 0;
            validator = new SamlResponseValidator(new LocalSignInStateStore(), Clock.systemUTC());
        }
        return responses[next++];
    }

    @Benchmark
    public boolean primitive() throws Exception {
        byte[] xml = Base64.getMimeDecoder().decode(nextResponse());
        Document document = parser.parse(new ByteArrayInputStream(xml));
        parser.reset();
        Element assertion =
                (Element) document.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Assertion")
                        .item(0);
        assertion.setIdAttributeNS(null, "ID", true);
        Element signature =
                (Element) assertion.getElementsByTagNameNS(DSIG, "Signature").item(0);
        return new XMLSignature(signature, "", true).checkSignatureValue(key);
    }

    @Benchmark
    public SamlAssertion acs() {
        String response = nextResponse(); // first: it may replace the validator at the end of a cycle
        return validator.validate(response, provider, trust, sp);
    }

    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
}
