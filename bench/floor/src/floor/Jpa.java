package floor;

import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Id;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.hibernate.cfg.AvailableSettings;

/** Hibernate as Gatehouse boots it (no JTA, its own pool), with one entity. */
final class Jpa {
    @Entity
    public static class Note {
        @Id
        public String id;

        public String text;
    }

    static void start() {
        var registry = new StandardServiceRegistryBuilder()
                .applySetting(AvailableSettings.JAKARTA_JDBC_URL, "jdbc:h2:file:./floor-db/floor")
                .applySetting(AvailableSettings.HBM2DDL_AUTO, "update")
                .applySetting(AvailableSettings.TRANSACTION_COORDINATOR_STRATEGY, "jdbc")
                .applySetting(
                        AvailableSettings.JTA_PLATFORM,
                        "org.hibernate.engine.transaction.jta.platform.internal.NoJtaPlatform")
                .applySetting(AvailableSettings.JAKARTA_VALIDATION_MODE, "none")
                .build();
        EntityManagerFactory emf =
                new MetadataSources(registry).addAnnotatedClass(Note.class).buildMetadata().buildSessionFactory();
        EntityManager em = emf.createEntityManager();
        em.getTransaction().begin();
        Note note = new Note();
        note.id = java.util.UUID.randomUUID().toString();
        note.text = "started";
        em.persist(note);
        em.getTransaction().commit();
        em.close();
    }

    private Jpa() {}
}
