-- Identity domain: sites, users, groups, memberships, identity links, providers, audit events.
-- Portable across H2 2.x and PostgreSQL 13+.

create table sites (
    id           uuid                     not null primary key,
    slug         varchar(40)              not null,
    display_name varchar(200)             not null,
    parent_id    uuid                     references sites (id),
    created_at   timestamp(6) with time zone not null,
    constraint uq_sites_slug unique (slug)
);

create table users (
    id            uuid                     not null primary key,
    site_id       uuid                     not null references sites (id),
    login         varchar(256)             not null,
    display_name  varchar(256)             not null,
    email         varchar(320),
    state         varchar(20)              not null,
    auth_method   varchar(60)              not null,
    administrator boolean                  not null,
    password_hash varchar(200),
    created_at    timestamp(6) with time zone not null,
    updated_at    timestamp(6) with time zone not null,
    constraint uq_users_site_login unique (site_id, login)
);

create table user_groups (
    id          uuid                     not null primary key,
    site_id     uuid                     not null references sites (id),
    name        varchar(256)             not null,
    name_key    varchar(256)             not null,
    description varchar(1024)            not null,
    created_at  timestamp(6) with time zone not null,
    constraint uq_groups_site_name unique (site_id, name_key)
);

create table memberships (
    group_id    uuid        not null references user_groups (id),
    member_id   uuid        not null,
    member_kind varchar(5)  not null,
    constraint pk_memberships primary key (group_id, member_id),
    constraint ck_memberships_kind check (member_kind in ('user', 'group'))
);
create index ix_memberships_member on memberships (member_id);

create table identity_links (
    site_id    uuid                     not null references sites (id),
    kind       varchar(20)              not null,
    link_value varchar(512)             not null,
    user_id    uuid                     not null references users (id),
    created_at timestamp(6) with time zone not null,
    constraint pk_identity_links primary key (site_id, kind, link_value)
);
create index ix_identity_links_user on identity_links (user_id);

create table providers (
    id           uuid                     not null primary key,
    site_id      uuid                     not null references sites (id),
    kind         varchar(10)              not null,
    display_name varchar(100)             not null,
    enabled      boolean                  not null,
    settings     varchar(1000000)         not null,
    secret       varchar(4000),
    updated_at   timestamp(6) with time zone not null
);
create index ix_providers_site on providers (site_id);

create table audit_events (
    id       uuid                     not null primary key,
    at       timestamp(6) with time zone not null,
    site_id  uuid,
    actor    varchar(300)             not null,
    type     varchar(40)              not null,
    target   varchar(300)             not null,
    success  boolean                  not null,
    detail   varchar(2000)            not null
);
create index ix_audit_events_at on audit_events (at);
create index ix_audit_events_site_at on audit_events (site_id, at);
