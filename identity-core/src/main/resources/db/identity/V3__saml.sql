-- SAML: last good IdP metadata per provider, Entra group links and the administrator's names for Entra groups.

create table saml_metadata (
    provider_id  uuid                        not null primary key references providers (id) on delete cascade,
    xml          varchar(1000000),
    fetched_at   timestamp(6) with time zone,
    attempted_at timestamp(6) with time zone not null,
    last_error   varchar(1000)
);

create table entra_group_links (
    site_id   uuid        not null references sites (id),
    object_id uuid        not null,
    group_id  uuid        not null references user_groups (id) on delete cascade,
    constraint pk_entra_group_links primary key (site_id, object_id)
);
create index ix_entra_group_links_group on entra_group_links (group_id);

create table entra_group_names (
    site_id   uuid         not null references sites (id),
    object_id uuid         not null,
    name      varchar(256) not null,
    constraint pk_entra_group_names primary key (site_id, object_id)
);
