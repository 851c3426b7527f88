package dev.gatehouse.sso.health;

import dev.gatehouse.sso.application.ClusterFeature;
import dev.gatehouse.sso.cluster.Cluster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * This node's cluster membership: alone or in a cluster, its node ID, the data grid's members, and whether it answers
 * storage decisions (a node that has not heard from every live node answers them with 503; it still serves sign-ins,
 * so it stays ready for the load balancer).
 */
@Readiness
@ApplicationScoped
public class ClusterReadiness implements HealthCheck {
    @Inject
    ClusterFeature clusters;

    @Override
    public HealthCheckResponse call() {
        Optional<Cluster> joined = clusters.joined();
        if (joined.isEmpty()) {
            return HealthCheckResponse.named("cluster")
                    .down()
                    .withData("state", "starting")
                    .build();
        }
        Cluster cluster = joined.get();
        HealthCheckResponseBuilder health = HealthCheckResponse.named("cluster")
                .up()
                .withData("mode", cluster.clustered() ? "grid" : "single node")
                .withData("node", cluster.nodeId());
        if (cluster.clustered()) {
            health.withData("members", cluster.members().size())
                    .withData(
                            "memberAddresses",
                            cluster.members().stream()
                                    .map(m -> m.address() + (m.self() ? " (this node)" : ""))
                                    .collect(Collectors.joining(", ")))
                    .withData("decisions", cluster.confirmed() ? "answered" : "503: not heard from every live node");
        }
        return health.build();
    }
}
