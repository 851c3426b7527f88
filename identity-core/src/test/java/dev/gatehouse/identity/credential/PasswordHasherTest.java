package dev.gatehouse.identity.credential;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gatehouse.identity.domain.PasswordHash;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(10_000);

    @Test
    void verifiesTheRightPasswordOnly() {
        PasswordHash hash = hasher.hash("correct horse battery".toCharArray());

        assertThat(hasher.verify("correct horse battery".toCharArray(), hash)).isTrue();
        assertThat(hasher.verify("correct horse batterx".toCharArray(), hash)).isFalse();
        assertThat(hasher.verify("correct horse battery".toCharArray(), new PasswordHash("garbage")))
                .isFalse();
    }

    @Test
    void saltsEveryHashAndKeepsItsIterationCount() {
        PasswordHash a = hasher.hash("correct horse battery".toCharArray());
        PasswordHash b = hasher.hash("correct horse battery".toCharArray());

        assertThat(a).isNotEqualTo(b);
        assertThat(a.encoded()).startsWith("pbkdf2-sha256$10000$");
        assertThat(new PasswordHasher(20_000).needsRehash(a)).isTrue();
        assertThat(new PasswordHasher(20_000).verify("correct horse battery".toCharArray(), a))
                .isTrue();
    }
}
