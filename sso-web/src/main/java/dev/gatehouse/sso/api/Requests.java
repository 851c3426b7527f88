package dev.gatehouse.sso.api;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The typed request bodies of the API. {@link RecordBodyReader} binds them strictly (unknown fields and wrong types
 * are refused naming the field); absent fields are {@code null}, and whether one is required is the service's rule,
 * named in its error. Records carrying a secret hide it from {@code toString()}. The schema annotations sit on the
 * records, not on their components (Payara's OpenAPI reader fails on annotated record accessors).
 */
final class Requests {
    private Requests() {}

    @Schema(
            name = "SiteRequest",
            description = "A child site; parent is a site slug and defaults to the caller's site",
            requiredProperties = {"slug", "displayName"})
    record SiteRequest(String slug, String displayName, String parent) {}

    @Schema(name = "SiteRenameRequest", requiredProperties = "displayName")
    record SiteRenameRequest(String displayName) {}

    @Schema(name = "GroupRequest", requiredProperties = "name")
    record GroupRequest(String name, String description) {}

    @Schema(name = "MemberRequest", description = "Exactly one of user (a user id) and group (a group id)")
    record MemberRequest(String user, String group) {}

    @Schema(name = "EntraGroupNameRequest", requiredProperties = "name")
    record EntraGroupNameRequest(String name) {}

    @Schema(
            name = "UserRequest",
            description = "authMethod: 'local' (default), 'directory' or 'sso:<provider id>'; password: at least 12"
                    + " characters, never returned",
            requiredProperties = {"login", "displayName"})
    record UserRequest(
            String login, String displayName, String email, String authMethod, Boolean administrator, String password) {
        @Override
        public String toString() {
            return "UserRequest[login=" + login + "]";
        }
    }

    @Schema(
            name = "UserChangeRequest",
            description = "Only the fields sent change. email: a string, or null to remove it. state: ENABLED, DISABLED"
                    + " or DEPROVISIONED")
    record UserChangeRequest(
            String login,
            String displayName,
            JsonValue email,
            String state,
            String authMethod,
            Boolean administrator) {}

    @Schema(name = "PasswordRequest", description = "At least 12 characters", requiredProperties = "password")
    record PasswordRequest(String password) {
        @Override
        public String toString() {
            return "PasswordRequest[****]";
        }
    }

    @Schema(
            name = "ProviderRequest",
            description = "kind: saml, oidc or oauth. settings: the settings of the kind; for saml: trust"
                    + " (METADATA_URL, METADATA_XML or CERTIFICATE_FINGERPRINT), metadataUrl | metadataXml |"
                    + " certificateSha256 + idpEntityId + ssoUrl + sloUrl?, entityIdSuffix?, allowIdpInitiated?,"
                    + " allowSha1?, justInTime?, clockSkewSeconds?, requestedAuthnContext?, tenantId?; for oidc and"
                    + " oauth: tenantId, clientId (36 letters, digits and hyphens), clientSecret + secretExpiresOn"
                    + " (YYYY-MM-DD; not needed by LEGACY_IMPLICIT), flow? (oidc: CODE_PKCE (default), LEGACY_HYBRID,"
                    + " LEGACY_IMPLICIT), issuerUrl? (another IdP than Entra), multiTenant?, allowedTenants? (tenant"
                    + " IDs), algorithms? (default [RS256]), clockSkewSeconds?, justInTime?",
            requiredProperties = {"displayName", "kind", "settings"})
    record ProviderRequest(String displayName, Boolean enabled, String kind, JsonObject settings) {
        /** Settings may carry a client secret: they stay out. */
        @Override
        public String toString() {
            return "ProviderRequest[displayName=" + displayName + ", kind=" + kind + "]";
        }
    }

    @Schema(
            name = "FolderRequest",
            requiredProperties = {"name", "path"})
    record FolderRequest(String name, String path) {}

    @Schema(
            name = "EntryRequest",
            description = "grantee: user:<id> or group:<id>; right: READ_ONLY, READ_WRITE or DENY",
            requiredProperties = {"path", "grantee", "right"})
    record EntryRequest(String path, String grantee, String right) {}

    @Schema(
            name = "InheritanceRequest",
            requiredProperties = {"path", "inheritsParent"})
    record InheritanceRequest(String path, Boolean inheritsParent) {}

    @Schema(
            name = "QuotaRequest",
            description = "grantee: user:<id> or group:<id>; bytes: a whole number of bytes, or null for unlimited",
            requiredProperties = {"grantee", "bytes"})
    record QuotaRequest(String grantee, JsonValue bytes) {}

    @Schema(
            name = "ScimSettingsRequest",
            description = "newUserMethod: 'sso:<provider id>', 'directory' or 'local'; tenantId with objectIdAttribute"
                    + " link provisioned users to their Entra sign-ins; deletePolicy: disable or delete; tokenScheme:"
                    + " bearer or basic; displayNameFrom: name (givenName + familyName) or displayName; emailFrom:"
                    + " emails or userName",
            requiredProperties = "newUserMethod")
    record ScimSettingsRequest(
            String newUserMethod,
            String tenantId,
            String objectIdAttribute,
            String deletePolicy,
            String tokenScheme,
            String displayNameFrom,
            String emailFrom) {}

    @Schema(
            name = "CredentialRequest",
            description = "expiresAt: an ISO-8601 instant or date; default one year for SCIM tokens",
            requiredProperties = "name")
    record CredentialRequest(String name, String expiresAt) {}

    @Schema(name = "ExtendRequest", requiredProperties = "expiresAt")
    record ExtendRequest(String expiresAt) {}

    @Schema(
            name = "StorageLoginRequest",
            description = "A file client's sign-in as the storage server received it: the login, the password (a local"
                    + " password or an app password) and, optionally, the address of the file client for throttling",
            requiredProperties = {"username", "password"})
    record StorageLoginRequest(String username, String password, String clientAddress) {
        @Override
        public String toString() {
            return "StorageLoginRequest[" + username + ", ****]";
        }
    }

    @Schema(
            name = "DirectoryRequest",
            description = "domain: the DNS name (corp.example.com); controllers: host or host:port, tried in order;"
                    + " transport: ldaps (default) or starttls; trustedCertificates: PEM; justInTime: directory users"
                    + " become Gatehouse users at their first sign-in (default true); serviceAccount and"
                    + " servicePassword: the account the sync binds as (a UPN or DN; the password is write-only and"
                    + " kept when omitted); searchBase: a DN inside the domain (default: the whole domain); tenantId:"
                    + " the Entra tenant of Entra Domain Services, to link msDS-aadObjectId; syncIntervalMinutes: 0"
                    + " (on demand) or 5 to 10080 (default 60 with a service account); computerOu: where the join creates"
                    + " Gatehouse's computer account (default OU=AADDC Computers with tenantId, else CN=Computers);"
                    + " machineName: its NetBIOS name, at most 15 characters",
            requiredProperties = {"domain", "controllers", "trustedCertificates"})
    record DirectoryRequest(
            String domain,
            java.util.List<String> controllers,
            String transport,
            String trustedCertificates,
            Boolean justInTime,
            String serviceAccount,
            String servicePassword,
            String searchBase,
            String tenantId,
            Integer syncIntervalMinutes,
            String computerOu,
            String machineName) {
        @Override
        public String toString() {
            return "DirectoryRequest[" + domain + ", service account " + serviceAccount + "]";
        }
    }

    @Schema(
            name = "DirectorySyncRequest",
            description = "mode: incremental (default: what changed since the controller's cursor; a full read when"
                    + " there is none) or full; dryRun: preview what the run would change, changing nothing")
    record DirectorySyncRequest(String mode, Boolean dryRun) {}

    @Schema(name = "StorageClientRequest", requiredProperties = "name")
    record StorageClientRequest(String name) {}

    @Schema(
            name = "DecisionRequest",
            description = "user: a user id, login:<login> or an identity-link key; action: read, list, write or delete;"
                    + " bytes: what a write adds, a whole number",
            requiredProperties = {"user", "action", "path"})
    record DecisionRequest(String user, String action, String path, JsonValue bytes) {}

    @Schema(
            name = "DecisionBatchItem",
            description = "action: read, list, write or delete; bytes: a whole number",
            requiredProperties = {"action", "path"})
    record DecisionBatchItem(String action, String path, JsonValue bytes) {}

    @Schema(
            name = "DecisionBatchRequest",
            description = "At most 1000 requests",
            requiredProperties = {"user", "requests"})
    record DecisionBatchRequest(String user, List<DecisionBatchItem> requests) {}

    @Schema(
            name = "UsageRequest",
            description = "bytes: a whole number",
            requiredProperties = {"user", "bytes"})
    record UsageRequest(String user, JsonValue bytes) {}

    @Schema(name = "DecisionAnswer")
    record DecisionAnswer(boolean allowed, String right, String reason) {}

    @Schema(name = "DecisionBatchAnswer")
    record DecisionBatchAnswer(List<DecisionAnswer> decisions) {}
}
