package dev.gatehouse.identity.domain;

/** What an audit event records. The names are stable: they are stored and used as filters in the API. */
public enum AuditType {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGIN_THROTTLED,
    LOGOUT,
    SITE_CREATED,
    SITE_UPDATED,
    USER_CREATED,
    USER_UPDATED,
    USER_DELETED,
    USER_PASSWORD_SET,
    GROUP_CREATED,
    GROUP_UPDATED,
    GROUP_DELETED,
    MEMBERSHIP_ADDED,
    MEMBERSHIP_REMOVED,
    PROVIDER_CREATED,
    PROVIDER_UPDATED,
    PROVIDER_DELETED,
    CHANGE_REFUSED,
    BOOTSTRAP
}
