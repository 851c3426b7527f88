-- The directory sync: a service account per site, where each controller's incremental read continues, the users the
-- sync disabled, a log of runs, and leases that let one node of many run scheduled work.
-- Portable across H2 2.x and PostgreSQL 13+.
alter table directory_settings add column service_account varchar(512);
alter table directory_settings add column service_password varchar(2000);
alter table directory_settings add column search_base varchar(1000);
alter table directory_settings add column tenant_id uuid;
alter table directory_settings add column sync_interval_minutes integer default 0 not null;
alter table directory_settings add column computer_ou varchar(1000);
alter table directory_settings add column machine_name varchar(15);

create table directory_sync_cursors (
    site_id       uuid                        not null references sites (id),
    controller    varchar(300)                not null,
    invocation_id varchar(64)                 not null,
    highest_usn   bigint                      not null,
    updated_at    timestamp(6) with time zone not null,
    primary key (site_id, controller)
);

create table directory_sync_disabled (
    site_id     uuid                        not null references sites (id),
    user_id     uuid                        not null,
    disabled_at timestamp(6) with time zone not null,
    primary key (site_id, user_id)
);

create table directory_sync_runs (
    id                  uuid                        not null primary key,
    site_id             uuid                        not null references sites (id),
    started_at          timestamp(6) with time zone not null,
    finished_at         timestamp(6) with time zone not null,
    mode                varchar(12)                 not null,
    dry_run             boolean                     not null,
    run_trigger         varchar(16)                 not null,
    node                varchar(200)                not null,
    controller          varchar(300),
    outcome             varchar(12)                 not null,
    users_created       integer                     not null,
    users_updated       integer                     not null,
    users_disabled      integer                     not null,
    users_enabled       integer                     not null,
    groups_created      integer                     not null,
    groups_updated      integer                     not null,
    groups_deleted      integer                     not null,
    memberships_changed integer                     not null,
    errors              integer                     not null,
    detail              varchar(60000)              not null
);
create index directory_sync_runs_site on directory_sync_runs (site_id, started_at);

create table leases (
    name        varchar(200)                not null primary key,
    holder      varchar(200)                not null,
    acquired_at timestamp(6) with time zone not null,
    expires_at  timestamp(6) with time zone not null
);

-- The domain join: each site's computer account (its keytab encrypted with the master key) and its join and leave jobs.
create table directory_memberships (
    site_id       uuid                        not null primary key references sites (id),
    machine_name  varchar(15)                 not null,
    computer_dn   varchar(1000)               not null,
    object_guid   uuid                        not null,
    dns_host_name varchar(300)                not null,
    controller    varchar(300)                not null,
    key_version   integer                     not null,
    keytab        varchar(20000)              not null,
    joined_at     timestamp(6) with time zone not null
);

create table directory_jobs (
    id          uuid                        not null primary key,
    site_id     uuid                        not null references sites (id),
    kind        varchar(10)                 not null,
    state       varchar(10)                 not null,
    steps       varchar(20000)              not null,
    actor       varchar(300)                not null,
    started_at  timestamp(6) with time zone not null,
    finished_at timestamp(6) with time zone
);
create index directory_jobs_site on directory_jobs (site_id, started_at);
