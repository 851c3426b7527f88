package dev.gatehouse.identity.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gatehouse.identity.domain.Secret;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretCipherTest {
    private final SecretCipher cipher = new SecretCipher(key((byte) 1));

    @Test
    void roundTripsWithinItsContext() {
        String stored = cipher.encrypt(new Secret("s3cr3t-value"), "provider:1");

        assertThat(stored).startsWith("v1:").doesNotContain("s3cr3t");
        assertThat(cipher.decrypt(stored, "provider:1").value()).isEqualTo("s3cr3t-value");
    }

    @Test
    void refusesAnotherContextOrKeyWithoutRevealingTheSecret() {
        String stored = cipher.encrypt(new Secret("s3cr3t-value"), "provider:1");

        assertThatThrownBy(() -> cipher.decrypt(stored, "provider:2")).isInstanceOf(SecretCipherException.class);
        assertThatThrownBy(() -> new SecretCipher(key((byte) 2)).decrypt(stored, "provider:1"))
                .hasMessageContaining("gatehouse.master-key")
                .hasMessageNotContaining("s3cr3t");
        assertThat(new Secret("s3cr3t-value").toString()).isEqualTo("****");
    }

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }
}
