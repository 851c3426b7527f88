package dev.gatehouse.sso.saml;

import java.io.InputStream;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;

/** The test-only key pairs in {@code src/test/resources/saml/test-keys.p12}: idp, idp-rollover, attacker, sp. */
public final class TestKeys {
    private static final char[] PASSWORD = "test-only".toCharArray();
    private static final KeyStore STORE = load();

    private TestKeys() {}

    public static PrivateKey privateKey(String alias) {
        try {
            return (PrivateKey) STORE.getKey(alias, PASSWORD);
        } catch (Exception e) {
            throw new IllegalStateException(alias, e);
        }
    }

    public static X509Certificate certificate(String alias) {
        try {
            return (X509Certificate) STORE.getCertificate(alias);
        } catch (Exception e) {
            throw new IllegalStateException(alias, e);
        }
    }

    /** The certificate as metadata and Entra show it: Base64 DER without PEM armour. */
    public static String certificateBase64(String alias) {
        try {
            return Base64.getEncoder().encodeToString(certificate(alias).getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException(alias, e);
        }
    }

    private static KeyStore load() {
        try (InputStream in = TestKeys.class.getResourceAsStream("/saml/test-keys.p12")) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            return store;
        } catch (Exception e) {
            throw new IllegalStateException("test keys", e);
        }
    }
}
