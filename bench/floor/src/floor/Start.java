package floor;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

/** The application's start: with -Dfloor.jpa=true, Hibernate on an H2 file database with one entity and one insert. */
@ApplicationScoped
public class Start {
    private volatile boolean done;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (Boolean.getBoolean("floor.jpa")) {
            Jpa.start();
        }
        done = true;
    }

    boolean done() {
        return done;
    }
}
