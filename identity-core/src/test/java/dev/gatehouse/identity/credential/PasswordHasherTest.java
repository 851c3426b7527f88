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

    @Test
    void anUnknownUserIsVerifiedAgainstAHashShapedLikeARealOneThatNothingMatches() {
        PasswordHash real = hasher.hash("correct horse battery".toCharArray());
        PasswordHash nobody = hasher.nobody();

        // the same prefix, iteration count, salt length and hash length: verifying it takes a full derivation
        String[] realParts = real.encoded().split("\\$");
        String[] nobodyParts = nobody.encoded().split("\\$");
        assertThat(nobodyParts).hasSize(4);
        assertThat(nobodyParts[0]).isEqualTo(realParts[0]);
        assertThat(nobodyParts[1]).isEqualTo("10000");
        assertThat(nobodyParts[2]).hasSameSizeAs(realParts[2]);
        assertThat(nobodyParts[3]).hasSameSizeAs(realParts[3]);
        assertThat(hasher.needsRehash(nobody)).isFalse();
        for (String guess : new String[] {"", "correct horse battery", "not a password of anybody"}) {
            assertThat(hasher.verify(guess.toCharArray(), nobody)).isFalse();
        }
        assertThat(new PasswordHasher(10_000).nobody()).isNotEqualTo(nobody);
    }
}
