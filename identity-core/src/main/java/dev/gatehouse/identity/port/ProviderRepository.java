package dev.gatehouse.identity.port;

import dev.gatehouse.identity.domain.Provider;
import dev.gatehouse.identity.domain.ProviderId;
import dev.gatehouse.identity.domain.SiteId;
import java.util.List;
import java.util.Optional;

/** Providers with their secrets; the adapter encrypts secrets at rest. */
public interface ProviderRepository {
    Optional<Provider> find(ProviderId id);

    List<Provider> listBySite(SiteId site);

    /** Every provider of every site. */
    List<Provider> listAll();

    void save(Provider provider);

    void delete(ProviderId id);
}
