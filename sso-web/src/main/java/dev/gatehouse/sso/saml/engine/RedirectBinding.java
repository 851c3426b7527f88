package dev.gatehouse.sso.saml.engine;

import dev.gatehouse.sso.saml.engine.SamlException.Reason;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The HTTP-Redirect binding: DEFLATE + Base64 + URL encoding, and its query-string signature. A signature is verified
 * over the query string exactly as it arrived: Entra encodes with lower-case hex ({@code %2f}), and re-encoding the
 * decoded values would produce other bytes than it signed.
 */
public final class RedirectBinding {
    private static final Map<String, String> JCA = Map.of(
            SignaturePolicy.RSA_SHA256,
            "SHA256withRSA",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
            "SHA384withRSA",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
            "SHA512withRSA",
            SignaturePolicy.RSA_SHA1,
            "SHA1withRSA");

    /** A message received by redirect, with the raw (still percent-encoded) parameters it was signed over. */
    public record Received(String parameter, String xml, Optional<String> relayState, Map<String, String> raw) {}

    private RedirectBinding() {}

    /** The URL that sends {@code xml} as {@code parameter} (SAMLRequest or SAMLResponse) to {@code endpoint}. */
    public static String url(String endpoint, String parameter, String xml, String relayState) {
        StringBuilder url = new StringBuilder(endpoint)
                .append(endpoint.contains("?") ? '&' : '?')
                .append(parameter)
                .append('=')
                .append(encode(deflate(xml)));
        if (relayState != null) {
            url.append("&RelayState=").append(URLEncoder.encode(relayState, StandardCharsets.UTF_8));
        }
        return url.toString();
    }

    /** Reads SAMLRequest or SAMLResponse from a raw query string; the signature is checked by {@link #verify}. */
    public static Received receive(String rawQuery) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (raw.putIfAbsent(name, eq < 0 ? "" : pair.substring(eq + 1)) != null) {
                throw new SamlException(Reason.MALFORMED, "the query repeats " + name);
            }
        }
        String parameter = raw.containsKey("SAMLRequest") ? "SAMLRequest" : "SAMLResponse";
        String value = Optional.ofNullable(raw.get(parameter))
                .orElseThrow(() -> new SamlException(Reason.MALFORMED, "no SAMLRequest or SAMLResponse"));
        byte[] deflated;
        try {
            deflated = Base64.getMimeDecoder().decode(decode(value));
        } catch (IllegalArgumentException e) {
            throw new SamlException(Reason.MALFORMED, parameter + " is not Base64");
        }
        return new Received(
                parameter,
                new String(inflate(deflated), StandardCharsets.UTF_8),
                Optional.ofNullable(raw.get("RelayState")).map(RedirectBinding::decode),
                raw);
    }

    /**
     * Whether the message carries a signature, and if so checks it.
     *
     * @return {@code false} when unsigned
     * @throws SamlException when signed but the algorithm is not allowed or no key verifies it
     */
    public static boolean verify(Received message, IdpTrust trust) {
        String signature = message.raw().get("Signature");
        String sigAlg = message.raw().get("SigAlg");
        if (signature == null && sigAlg == null) {
            return false;
        }
        if (signature == null || sigAlg == null) {
            throw new SamlException(Reason.SIGNATURE, "the redirect message has Signature or SigAlg but not both");
        }
        String algorithm = decode(sigAlg);
        if (!trust.policy().signatureAllowed(algorithm) || !JCA.containsKey(algorithm)) {
            throw new SamlException(Reason.SIGNATURE, "redirect signature algorithm " + algorithm + " is not allowed");
        }
        StringBuilder signed = new StringBuilder(message.parameter())
                .append('=')
                .append(message.raw().get(message.parameter()));
        if (message.raw().containsKey("RelayState")) {
            signed.append("&RelayState=").append(message.raw().get("RelayState"));
        }
        signed.append("&SigAlg=").append(sigAlg);
        byte[] data = signed.toString().getBytes(StandardCharsets.UTF_8);
        byte[] value;
        try {
            value = Base64.getMimeDecoder().decode(decode(signature));
        } catch (IllegalArgumentException e) {
            throw new SamlException(Reason.SIGNATURE, "the redirect Signature is not Base64");
        }
        if (trust.signingKeys().isEmpty()) {
            throw new SamlException(
                    Reason.SIGNATURE,
                    "a provider trusted by certificate fingerprint cannot verify redirect signatures; use metadata");
        }
        for (PublicKey key : trust.signingKeys()) {
            try {
                Signature verifier = Signature.getInstance(JCA.get(algorithm));
                verifier.initVerify(key);
                verifier.update(data);
                if (verifier.verify(value)) {
                    return true;
                }
            } catch (GeneralSecurityException e) {
                // this key does not fit the algorithm; try the next one
            }
        }
        throw new SamlException(Reason.SIGNATURE, "the redirect signature is not made by a configured signing key");
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private static String encode(byte[] deflated) {
        return URLEncoder.encode(Base64.getEncoder().encodeToString(deflated), StandardCharsets.UTF_8);
    }

    private static byte[] deflate(String xml) {
        Deflater deflater = new Deflater(Deflater.DEFLATED, true);
        try {
            deflater.setInput(xml.getBytes(StandardCharsets.UTF_8));
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] deflated) {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buffer, 0, n);
                if (out.size() > SecureXml.MAX_MESSAGE_BYTES) {
                    throw new SamlException(Reason.MALFORMED, "the inflated message is too large");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new SamlException(Reason.MALFORMED, "the message is not DEFLATE-compressed");
        } finally {
            inflater.end();
        }
    }
}
