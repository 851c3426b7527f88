-- How a site reaches its Active Directory (or Entra Domain Services) for directory logins.
-- Portable across H2 2.x and PostgreSQL 13+.
create table directory_settings (
    site_id              uuid                        not null primary key references sites (id),
    domain               varchar(255)                not null,
    controllers          varchar(2000)               not null,
    transport            varchar(10)                 not null,
    trusted_certificates varchar(100000)             not null,
    just_in_time         boolean                     not null,
    updated_at           timestamp(6) with time zone not null
);
