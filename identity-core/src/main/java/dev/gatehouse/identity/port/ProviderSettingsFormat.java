package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.ProviderSettings;
import dev.gatehouse.identity.domain.Secret;

/**
 * Writes one kind of provider settings as text for storage and reads it back; each sign-in protocol brings its own. The
 * secret, if the kind has one, is not part of the text: the repository stores it encrypted beside it.
 */
public interface ProviderSettingsFormat {
    /** The provider kind this format serves, such as {@code saml}. */
    String kind();

    /** The non-secret settings as text. */
    String write(ProviderSettings settings);

    /** @param secret the decrypted secret, {@code null} when none was stored */
    ProviderSettings read(String text, Secret secret);
}
