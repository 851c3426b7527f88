package dev.gatehouse.directory.ldap;

import dev.gatehouse.identity.domain.DirectorySettings;
import dev.gatehouse.identity.port.DirectoryEntries;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.directory.api.ldap.extras.controls.ad.AdShowDeletedImpl;
import org.apache.directory.api.ldap.model.cursor.SearchCursor;
import org.apache.directory.api.ldap.model.entry.Attribute;
import org.apache.directory.api.ldap.model.entry.Entry;
import org.apache.directory.api.ldap.model.entry.Value;
import org.apache.directory.api.ldap.model.exception.LdapException;
import org.apache.directory.api.ldap.model.message.AliasDerefMode;
import org.apache.directory.api.ldap.model.message.Control;
import org.apache.directory.api.ldap.model.message.ResultCodeEnum;
import org.apache.directory.api.ldap.model.message.SearchRequest;
import org.apache.directory.api.ldap.model.message.SearchRequestImpl;
import org.apache.directory.api.ldap.model.message.SearchResultDone;
import org.apache.directory.api.ldap.model.message.SearchScope;
import org.apache.directory.api.ldap.model.message.controls.PagedResults;
import org.apache.directory.api.ldap.model.message.controls.PagedResultsImpl;
import org.apache.directory.api.ldap.model.name.Dn;
import org.apache.directory.ldap.client.api.LdapNetworkConnection;

/**
 * Reads users and groups from Active Directory or Entra Domain Services for the sync, bound as the site's service
 * account over LDAPS or StartTLS, as the directory at scale needs:
 *
 * <ul>
 *   <li><b>Paged searches</b> (the paged-results control, {@value #PAGE} entries a page: AD returns at most 1,000).
 *   <li><b>Range retrieval</b> of {@code member}: asked for {@value #RANGE} values at a time and followed until the
 *       directory answers a range ending in {@code *}, so groups of any size are read whole, whatever AD's
 *       {@code MaxValRange}.
 *   <li><b>Incremental reads</b> by {@code uSNChanged}: the controller's {@code highestCommittedUSN} is read first and
 *       becomes the next cursor, with the controller's {@code invocationId} (a cursor of another controller, or of a
 *       restored database, is not continued: the read is full). Changed objects are searched in the whole naming
 *       context with the show-deleted control: a deleted object, or one now outside the search base, is gone.
 *   <li>Members are {@code objectGUID}s: the DNs the groups list are resolved against the entries read, and, for an
 *       incremental read, the few that are not among them by a base read each (or one paged search when many).
 *   <li>Referrals and continuation references are never followed; the next controller is tried only when one does not
 *       answer within the connect timeout.
 * </ul>
 */
public final class LdapDirectoryEntries implements DirectoryEntries {
    static final int PAGE = 500;
    static final int RANGE = 1500;
    /** More unresolved member DNs than this are resolved by one paged search instead of a read each. */
    static final int LOOKUPS = 200;

    private static final String USERS = "(&(objectClass=user)(!(objectClass=computer)))";
    private static final String GROUPS = "(objectClass=group)";
    private static final String[] USER_ATTRIBUTES = {
        "objectGUID",
        "userPrincipalName",
        "sAMAccountName",
        "displayName",
        "givenName",
        "sn",
        "mail",
        "userAccountControl",
        "msDS-aadObjectId",
        "objectClass",
        "isDeleted"
    };
    private static final String[] GROUP_ATTRIBUTES = {
        "objectGUID", "sAMAccountName", "cn", "objectClass", "isDeleted", "member;range=0-" + (RANGE - 1)
    };
    private static final Pattern RANGE_OPTION =
            Pattern.compile(";range=([0-9]+)-([0-9]+|\\*)$", Pattern.CASE_INSENSITIVE);
    private static final int ACCOUNTDISABLE = 0x2;

    private final LdapDirectoryLogins connections;

    public LdapDirectoryEntries(LdapDirectoryLogins connections) {
        this.connections = connections;
    }

    @Override
    public Snapshot read(DirectorySettings settings, List<Cursor> since) {
        LdapDirectoryLogins.ServiceConnection bound;
        try {
            bound = connections.bindAsService(settings);
        } catch (LdapDirectoryLogins.ServiceUnavailable e) {
            throw new DirectoryUnavailableException(e.getMessage());
        }
        try (LdapNetworkConnection connection = bound.connection()) {
            return new Read(connection, settings, bound.controller()).run(since);
        } catch (LdapException | java.io.IOException e) {
            throw new DirectoryUnavailableException(
                    bound.controller() + ": reading the directory failed: " + e.getMessage());
        }
    }

    /** One read on one bound connection. */
    private static final class Read {
        private final LdapNetworkConnection connection;
        private final DirectorySettings settings;
        private final String controller;
        private final String base;
        private final Map<String, UUID> guidsByDn = new HashMap<>();
        private final List<String> ignored = new ArrayList<>();

        Read(LdapNetworkConnection connection, DirectorySettings settings, String controller) {
            this.connection = connection;
            this.settings = settings;
            this.controller = controller;
            this.base = settings.syncBase();
        }

        Snapshot run(List<Cursor> since) throws LdapException, java.io.IOException {
            Entry root = connection.lookup("", "highestCommittedUSN", "dsServiceName");
            if (root == null || root.get("highestCommittedUSN") == null) {
                throw new DirectoryUnavailableException(
                        controller + ": the root DSE has no highestCommittedUSN: not an Active Directory controller?");
            }
            long highest = Long.parseLong(root.get("highestCommittedUSN").getString());
            String invocation = invocationId(root);
            Cursor next = new Cursor(controller, invocation, highest);
            Optional<Cursor> from = since.stream()
                    .filter(c -> c.controller().equals(controller)
                            && c.invocationId().equals(invocation))
                    .filter(c -> c.highestUsn() <= highest)
                    .findFirst();
            List<PendingUser> users = new ArrayList<>();
            List<PendingGroup> groups = new ArrayList<>();
            Set<UUID> gone = new LinkedHashSet<>();
            if (from.isEmpty()) {
                search(base, USERS, USER_ATTRIBUTES, false, entry -> user(entry).ifPresent(users::add));
                search(base, GROUPS, GROUP_ATTRIBUTES, false, entry -> group(entry)
                        .ifPresent(groups::add));
            } else {
                String changed = "(uSNChanged>=" + (from.get().highestUsn() + 1) + ")";
                search(settings.baseDn(), "(&" + USERS + changed + ")", USER_ATTRIBUTES, true, entry -> {
                    if (inScope(entry)) {
                        user(entry).ifPresent(users::add);
                    } else {
                        guid(entry).ifPresent(gone::add);
                    }
                });
                search(settings.baseDn(), "(&" + GROUPS + changed + ")", GROUP_ATTRIBUTES, true, entry -> {
                    if (inScope(entry)) {
                        group(entry).ifPresent(groups::add);
                    } else {
                        guid(entry).ifPresent(gone::add);
                    }
                });
                resolveMissing(groups);
            }
            List<Group> resolved = new ArrayList<>();
            for (PendingGroup group : groups) {
                Set<UUID> members = new HashSet<>();
                for (String dn : group.memberDns()) {
                    UUID guid = guidsByDn.get(key(dn));
                    if (guid != null) {
                        members.add(guid);
                    }
                }
                resolved.add(new Group(group.guid(), group.name(), members));
            }
            return new Snapshot(
                    controller,
                    from.isEmpty(),
                    next,
                    users.stream().map(PendingUser::user).toList(),
                    resolved,
                    gone,
                    ignored);
        }

        /** Whether a changed entry is live and under the search base. */
        private boolean inScope(Entry entry) {
            if (LdapDirectoryLogins.text(entry, "isDeleted")
                    .filter("TRUE"::equalsIgnoreCase)
                    .isPresent()) {
                return false;
            }
            String dn = key(entry.getDn().getName());
            String scope = key(base);
            return dn.equals(scope) || dn.endsWith("," + scope);
        }

        private String invocationId(Entry root) throws LdapException {
            Attribute service = root.get("dsServiceName");
            if (service == null) {
                return "unknown";
            }
            Entry settings = connection.lookup(service.getString(), "invocationId");
            Attribute id = settings == null ? null : settings.get("invocationId");
            return id == null
                    ? "unknown"
                    : LdapDirectoryLogins.guid(id.getBytes()).toString();
        }

        private Optional<PendingUser> user(Entry entry) {
            Optional<UUID> guid = guid(entry);
            if (guid.isEmpty()) {
                return Optional.empty();
            }
            guidsByDn.put(key(entry.getDn().getName()), guid.get());
            String display = LdapDirectoryLogins.text(entry, "displayName")
                    .or(() -> LdapDirectoryLogins.text(entry, "givenName").map(given -> (given + " "
                                    + LdapDirectoryLogins.text(entry, "sn").orElse(""))
                            .strip()))
                    .orElse(null);
            long control = LdapDirectoryLogins.text(entry, "userAccountControl")
                    .map(Long::parseLong)
                    .orElse(0L);
            UUID entra = null;
            Attribute aad = entry.get("msDS-aadObjectId");
            if (aad != null) {
                entra = entraObjectId(aad).orElse(null);
                if (entra == null) {
                    ignored.add(
                            entry.getDn().getName() + ": msDS-aadObjectId is not an object ID; not linked to Entra");
                }
            }
            return Optional.of(new PendingUser(new User(
                    guid.get(),
                    LdapDirectoryLogins.text(entry, "userPrincipalName").orElse(null),
                    LdapDirectoryLogins.text(entry, "sAMAccountName").orElse(null),
                    display,
                    LdapDirectoryLogins.text(entry, "mail").orElse(null),
                    (control & ACCOUNTDISABLE) == 0,
                    entra)));
        }

        private Optional<PendingGroup> group(Entry entry) throws LdapException {
            Optional<UUID> guid = guid(entry);
            if (guid.isEmpty()) {
                return Optional.empty();
            }
            guidsByDn.put(key(entry.getDn().getName()), guid.get());
            Optional<String> name =
                    LdapDirectoryLogins.text(entry, "sAMAccountName").or(() -> LdapDirectoryLogins.text(entry, "cn"));
            if (name.isEmpty()) {
                ignored.add(entry.getDn().getName() + ": a group without sAMAccountName or cn; skipped");
                return Optional.empty();
            }
            return Optional.of(new PendingGroup(guid.get(), name.get(), members(entry)));
        }

        /** Every member DN of the group, following the ranges the directory answers. */
        private List<String> members(Entry entry) throws LdapException {
            List<String> members = new ArrayList<>();
            Entry current = entry;
            while (true) {
                Attribute ranged = null;
                for (Attribute attribute : current.getAttributes()) {
                    String id = attribute.getUpId().toLowerCase(Locale.ROOT);
                    if (id.equals("member")) {
                        for (Value value : attribute) {
                            members.add(value.getString());
                        }
                        return members;
                    }
                    if (id.startsWith("member;range=")) {
                        ranged = attribute;
                    }
                }
                if (ranged == null) {
                    return members;
                }
                for (Value value : ranged) {
                    members.add(value.getString());
                }
                Matcher range = RANGE_OPTION.matcher(ranged.getUpId());
                if (!range.find() || range.group(2).equals("*")) {
                    return members;
                }
                long next = Long.parseLong(range.group(2)) + 1;
                current = connection.lookup(entry.getDn(), "member;range=" + next + "-" + (next + RANGE - 1));
                if (current == null) {
                    return members;
                }
            }
        }

        /** Member DNs of changed groups that are not among the entries read: a read each, or one search when many. */
        private void resolveMissing(List<PendingGroup> groups) throws LdapException, java.io.IOException {
            Set<String> missing = new LinkedHashSet<>();
            groups.forEach(group -> group.memberDns().stream()
                    .filter(dn -> !guidsByDn.containsKey(key(dn)))
                    .forEach(missing::add));
            if (missing.size() > LOOKUPS) {
                String[] attributes = {"objectGUID"};
                search(base, "(|" + USERS + GROUPS + ")", attributes, false, entry -> guid(entry)
                        .ifPresent(guid -> guidsByDn.put(key(entry.getDn().getName()), guid)));
                return;
            }
            for (String dn : missing) {
                if (!inBase(dn)) {
                    continue;
                }
                Entry entry = connection.lookup(new Dn(dn), "objectGUID");
                if (entry != null) {
                    guid(entry).ifPresent(guid -> guidsByDn.put(key(dn), guid));
                }
            }
        }

        private boolean inBase(String dn) {
            String scope = key(base);
            String candidate = key(dn);
            return candidate.equals(scope) || candidate.endsWith("," + scope);
        }

        private Optional<UUID> guid(Entry entry) {
            Attribute guid = entry.get("objectGUID");
            if (guid == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(LdapDirectoryLogins.guid(guid.getBytes()));
            } catch (LdapException | IllegalArgumentException e) {
                ignored.add(entry.getDn().getName() + ": unreadable objectGUID; skipped");
                return Optional.empty();
            }
        }

        /**
         * A paged subtree search; referrals and continuation references are skipped, never followed.
         *
         * @param deleted also tombstones (the show-deleted control), for incremental reads
         */
        private void search(String from, String filter, String[] attributes, boolean deleted, EntryHandler handler)
                throws LdapException, java.io.IOException {
            byte[] cookie = null;
            do {
                SearchRequest request = new SearchRequestImpl();
                request.setBase(new Dn(from));
                request.setFilter(filter);
                request.setScope(SearchScope.SUBTREE);
                request.setDerefAliases(AliasDerefMode.NEVER_DEREF_ALIASES);
                request.addAttributes(attributes);
                PagedResults paged = new PagedResultsImpl();
                paged.setSize(PAGE);
                paged.setCookie(cookie);
                request.addControl(paged);
                if (deleted) {
                    request.addControl(new AdShowDeletedImpl());
                }
                try (SearchCursor cursor = connection.search(request)) {
                    while (cursor.next()) {
                        if (cursor.isEntry()) {
                            handler.accept(cursor.getEntry());
                        }
                    }
                    SearchResultDone done = cursor.getSearchResultDone();
                    ResultCodeEnum code = done.getLdapResult().getResultCode();
                    if (code != ResultCodeEnum.SUCCESS && code != ResultCodeEnum.REFERRAL) {
                        throw new DirectoryUnavailableException(
                                controller + ": searching " + from + " for " + filter + " failed: " + code + " "
                                        + done.getLdapResult().getDiagnosticMessage());
                    }
                    Control control = done.getControl(PagedResults.OID);
                    cookie = control instanceof PagedResults response ? response.getCookie() : null;
                } catch (org.apache.directory.api.ldap.model.cursor.CursorException e) {
                    throw new LdapException(e.getMessage(), e);
                }
            } while (cookie != null && cookie.length > 0);
        }
    }

    @FunctionalInterface
    private interface EntryHandler {
        void accept(Entry entry) throws LdapException;
    }

    private record PendingUser(User user) {}

    private record PendingGroup(UUID guid, String name, List<String> memberDns) {}

    /** {@code msDS-aadObjectId}: a GUID as text, or as 16 bytes in AD's byte order. */
    static Optional<UUID> entraObjectId(Attribute attribute) {
        try {
            byte[] bytes = attribute.getBytes();
            if (bytes != null && bytes.length == 16) {
                return Optional.of(LdapDirectoryLogins.guid(bytes));
            }
            return Optional.of(UUID.fromString(new String(bytes, StandardCharsets.UTF_8).strip()));
        } catch (LdapException | IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /** A DN compared without case and without spaces after commas. */
    static String key(String dn) {
        return dn.replaceAll("(?<!\\\\),\\s+", ",").toLowerCase(Locale.ROOT);
    }
}
