-- Storage policy: shared folders, access entries, per-folder inheritance, quotas, usage, storage-server clients.

create table shared_folders (
    id         uuid                        not null primary key,
    site_id    uuid                        not null references sites (id),
    name       varchar(100)                not null,
    name_key   varchar(100)                not null,
    path       varchar(1024)               not null,
    created_at timestamp(6) with time zone not null,
    constraint uq_shared_folders_path unique (site_id, path),
    constraint uq_shared_folders_name unique (site_id, name_key)
);

create table access_entries (
    id           uuid                        not null primary key,
    site_id      uuid                        not null references sites (id),
    path         varchar(1024)               not null,
    grantee      varchar(60)                 not null,
    access_right varchar(12)                 not null,
    created_at   timestamp(6) with time zone not null,
    constraint uq_access_entries unique (site_id, path, grantee),
    constraint ck_access_entries_right check (access_right in ('READ_ONLY', 'READ_WRITE', 'DENY'))
);

create table acl_folders (
    site_id         uuid          not null references sites (id),
    path            varchar(1024) not null,
    inherits_parent boolean       not null,
    constraint pk_acl_folders primary key (site_id, path)
);

create table quotas (
    site_id     uuid        not null references sites (id),
    grantee     varchar(60) not null,
    limit_bytes bigint,
    constraint pk_quotas primary key (site_id, grantee)
);

create table storage_usage (
    site_id     uuid                        not null references sites (id),
    user_id     uuid                        not null,
    bytes       bigint                      not null,
    reported_at timestamp(6) with time zone not null,
    constraint pk_storage_usage primary key (site_id, user_id)
);

create table storage_clients (
    id          uuid                        not null primary key,
    site_id     uuid                        not null references sites (id),
    name        varchar(100)                not null,
    secret_hash varchar(100)                not null,
    created_at  timestamp(6) with time zone not null
);
create index ix_storage_clients_site on storage_clients (site_id);
