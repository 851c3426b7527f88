package dev.gatehouse.sso.api;

import dev.gatehouse.identity.domain.Uuids;
import dev.gatehouse.storage.application.StorageClients;
import dev.gatehouse.storage.engine.Explanation;
import dev.gatehouse.storage.model.AccessEntry;
import dev.gatehouse.storage.model.AclFolder;
import dev.gatehouse.storage.model.Quota;
import dev.gatehouse.storage.model.SharedFolder;
import dev.gatehouse.storage.model.StorageClient;
import java.util.List;
import java.util.UUID;

/** The JSON shapes of the storage-policy API. */
final class StorageViews {
    private StorageViews() {}

    static UUID uuid(String field, String text) {
        return Uuids.parse(field, text);
    }

    public record FolderView(String id, String name, String path) {
        static FolderView of(SharedFolder f) {
            return new FolderView(f.id().toString(), f.name(), f.path().value());
        }
    }

    public record EntryView(String id, String path, String grantee, String right) {
        static EntryView of(AccessEntry e) {
            return new EntryView(
                    e.id().toString(),
                    e.path().value(),
                    e.grantee().code(),
                    e.right().name());
        }
    }

    public record InheritanceView(String path, boolean inheritsParent) {
        static InheritanceView of(AclFolder a) {
            return new InheritanceView(a.path().value(), a.inheritsParent());
        }
    }

    /** @param bytes null when unlimited */
    public record QuotaView(String grantee, Long bytes) {
        static QuotaView of(Quota q) {
            return new QuotaView(
                    q.grantee().code(),
                    q.limit().isUnlimited() ? null : q.limit().bytes());
        }
    }

    public record ClientView(String id, String name, String createdAt) {
        static ClientView of(StorageClient c) {
            return new ClientView(c.id().toString(), c.name(), c.createdAt().toString());
        }
    }

    public record CreatedClientView(String id, String name, String secret) {
        static CreatedClientView of(StorageClients.Created created) {
            return new CreatedClientView(
                    created.client().id().toString(), created.client().name(), created.secret());
        }
    }

    public record AppliedEntryView(
            String entry,
            String grantee,
            String right,
            String definedOn,
            boolean inherited,
            boolean matches,
            List<String> via) {}

    /** @param quotaBytes null when unlimited */
    public record ExplanationView(
            String sharedFolder,
            String right,
            String reason,
            List<AppliedEntryView> entries,
            Long quotaBytes,
            String quotaSource,
            long usageBytes) {
        static ExplanationView of(Explanation e) {
            return new ExplanationView(
                    e.sharedFolder(),
                    e.right().name(),
                    e.reason(),
                    e.entries().stream()
                            .map(a -> new AppliedEntryView(
                                    a.entry().id().toString(),
                                    a.entry().grantee().code(),
                                    a.entry().right().name(),
                                    a.definedOn().value(),
                                    a.inherited(),
                                    a.matches(),
                                    a.via()))
                            .toList(),
                    e.quota().isUnlimited() ? null : e.quota().bytes(),
                    e.quotaSource(),
                    e.usageBytes());
        }
    }
}
