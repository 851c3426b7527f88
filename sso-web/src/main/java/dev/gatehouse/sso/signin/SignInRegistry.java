package dev.gatehouse.sso.signin;

import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.port.ProviderProtocols;
import dev.gatehouse.identity.port.ProviderSettingsFormat;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;

/** The installed sign-in protocols: every {@link SignInProtocol} bean of the application, by provider kind. */
@ApplicationScoped
public class SignInRegistry implements ProviderProtocols {
    @Inject
    @Any
    Instance<SignInProtocol> installed;

    private SignInProtocols protocols;

    public synchronized SignInProtocols protocols() {
        if (protocols == null) {
            protocols = new SignInProtocols(installed.stream().toList());
        }
        return protocols;
    }

    @Override
    public Collection<ProviderSettingsFormat> formats() {
        return protocols().settingsFormats();
    }

    @Override
    public Runnable prepareSave(Provider provider) {
        return protocols().of(provider).prepareSave(provider);
    }
}
