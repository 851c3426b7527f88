package dev.gatehouse.sso.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@link Metrics} into MicroProfile Metrics' application registry. A bean, because servers produce the registry for
 * injection points only (Payara reads the point's {@code @RegistryScope}); looked up only where the API is present.
 * Callers hold its client proxy: everything goes through public methods.
 */
@ApplicationScoped
public class MicroProfileRecorder implements Metrics.Recorder {
    @Inject
    Instance<MetricRegistry> registries;

    private volatile MetricRegistry registry;

    /** The recorder of this application's registry, or {@code null} when the server offers none. */
    static MicroProfileRecorder lookUp() {
        var bean = CDI.current().select(MicroProfileRecorder.class);
        if (!bean.isResolvable()) {
            return null;
        }
        MicroProfileRecorder recorder = bean.get();
        return recorder.available() ? recorder : null;
    }

    /** Whether the server produces the application's registry. */
    public boolean available() {
        MetricRegistry found = registry;
        if (found == null && registries.isResolvable()) {
            registry = registries.get();
        }
        return registry != null;
    }

    @Override
    public void count(String name, String description, String... tags) {
        Tag[] tagged = new Tag[tags.length / 2];
        for (int i = 0; i < tagged.length; i++) {
            tagged[i] = new Tag(tags[2 * i], tags[2 * i + 1]);
        }
        registry.counter(
                        Metadata.builder()
                                .withName(name)
                                .withDescription(description)
                                .build(),
                        tagged)
                .inc();
    }

    @Override
    public void time(String name, String description, Duration took) {
        registry.timer(Metadata.builder()
                        .withName(name)
                        .withDescription(description)
                        .build())
                .update(took);
    }

    @Override
    public void gauge(String name, String description, java.util.function.Supplier<Integer> value) {
        registry.gauge(
                Metadata.builder().withName(name).withDescription(description).build(), value);
    }
}
