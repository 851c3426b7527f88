-- SCIM provisioning and the one lifecycle of issued credentials (SCIM tokens, admin API tokens, app passwords).
-- Portable across H2 2.x and PostgreSQL 13+.

-- Every secret Gatehouse generates and hands out once: only its SHA-256 is kept (the secret holds 256 random bits).
create table credentials (
    id           uuid                        not null primary key,
    site_id      uuid                        not null references sites (id),
    kind         varchar(20)                 not null,
    user_id      uuid                        references users (id) on delete cascade,
    name         varchar(100)                not null,
    secret_hash  varchar(64)                 not null,
    created_at   timestamp(6) with time zone not null,
    expires_at   timestamp(6) with time zone,
    revoked_at   timestamp(6) with time zone,
    last_used_at timestamp(6) with time zone,
    alerted_days integer,
    constraint ck_credentials_kind check (kind in ('scim-token', 'api-token', 'app-password'))
);
create index ix_credentials_site on credentials (site_id);
create index ix_credentials_user on credentials (user_id);

-- What a SCIM client wrote about a user or group beyond what Gatehouse keeps in its own columns: its externalId
-- (unique per site and resource type) and the rest of the resource as JSON. The SCIM id is the user's or group's id.
create table scim_resources (
    subject_id    uuid                        not null primary key,
    site_id       uuid                        not null references sites (id),
    resource_type varchar(5)                  not null,
    external_id   varchar(512),
    attributes    varchar(100000)             not null,
    created_at    timestamp(6) with time zone not null,
    updated_at    timestamp(6) with time zone not null,
    constraint uq_scim_resources_external unique (site_id, resource_type, external_id),
    constraint ck_scim_resources_type check (resource_type in ('user', 'group'))
);

create table scim_settings (
    site_id             uuid                        not null primary key references sites (id),
    new_user_method     varchar(60)                 not null,
    tenant_id           varchar(36),
    object_id_attribute varchar(200),
    delete_policy       varchar(10)                 not null,
    token_scheme        varchar(10)                 not null,
    display_name_from   varchar(20)                 not null,
    email_from          varchar(20)                 not null,
    updated_at          timestamp(6) with time zone not null
);

-- One line per SCIM request: what was asked, what came of it and which fields changed (never a value of a secret).
create table provisioning_log (
    id          uuid                        not null primary key,
    at          timestamp(6) with time zone not null,
    site_id     uuid                        not null,
    method      varchar(10)                 not null,
    resource    varchar(300)                not null,
    status      integer                     not null,
    outcome     varchar(300)                not null,
    changed     varchar(2000)               not null,
    duration_ms integer                     not null
);
create index ix_provisioning_log_site_at on provisioning_log (site_id, at);
create index ix_provisioning_log_at on provisioning_log (at);
