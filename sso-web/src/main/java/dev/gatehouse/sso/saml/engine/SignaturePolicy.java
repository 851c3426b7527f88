package dev.gatehouse.sso.saml.engine;

import java.util.Set;

/**
 * Which XML Signature algorithms a provider may use. SHA-256 and stronger always; SHA-1 (signature or digest) only when
 * the provider explicitly allows it, because Entra can still be switched to SHA-1.
 */
public record SignaturePolicy(boolean allowSha1) {
    public static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";
    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    public static final String SHA1 = "http://www.w3.org/2000/09/xmldsig#sha1";
    public static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    public static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";
    public static final String ENVELOPED = "http://www.w3.org/2000/09/xmldsig#enveloped-signature";

    private static final Set<String> STRONG_SIGNATURES = Set.of(
            RSA_SHA256,
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha384",
            "http://www.w3.org/2001/04/xmldsig-more#rsa-sha512",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha384",
            "http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha512");
    private static final Set<String> STRONG_DIGESTS =
            Set.of(SHA256, "http://www.w3.org/2001/04/xmldsig-more#sha384", "http://www.w3.org/2001/04/xmlenc#sha512");
    private static final Set<String> CANONICALIZATIONS = Set.of(EXC_C14N);

    public boolean signatureAllowed(String uri) {
        return STRONG_SIGNATURES.contains(uri) || (allowSha1 && RSA_SHA1.equals(uri));
    }

    public boolean digestAllowed(String uri) {
        return STRONG_DIGESTS.contains(uri) || (allowSha1 && SHA1.equals(uri));
    }

    /** Exclusive canonicalization without comments is what Entra uses for SignedInfo and the reference. */
    public boolean canonicalizationAllowed(String uri) {
        return CANONICALIZATIONS.contains(uri);
    }
}
