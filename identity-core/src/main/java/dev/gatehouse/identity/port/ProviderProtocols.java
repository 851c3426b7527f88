package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.Provider;
import java.util.Collection;

/** The installed sign-in protocols, as the identity module needs them: to store their settings and to check a save. */
public interface ProviderProtocols {
    /** The settings format of every installed provider kind. */
    Collection<ProviderSettingsFormat> formats();

    /**
     * What the provider's protocol checks when the provider is saved, beyond its settings: that its metadata URL
     * answers with good metadata, that an uploaded document parses. Runs before the saving unit of work, so that no
     * network call holds a transaction; a failure is a {@link dev.gatehouse.identity.validation.ValidationException}
     * naming the field.
     *
     * @return what to store with the provider, run inside the saving unit of work after the provider row was written
     */
    Runnable prepareSave(Provider provider);
}
