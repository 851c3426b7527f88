package dev.gatehouse.sso.saml.persistence;

import dev.gatehouse.sso.persistence.ProtocolEntities;
import java.util.List;

/** SAML's entities: the metadata cache. */
public final class SamlEntities implements ProtocolEntities {
    @Override
    public List<Class<?>> entities() {
        return List.of(SamlMetadataEntity.class);
    }
}
