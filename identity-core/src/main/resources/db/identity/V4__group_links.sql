-- Group links of every kind (Entra tenant + object ID, directory objectGUID, SCIM id) replace the Entra-only links.
-- An Entra group link is now bound to the tenant that asserted it: the tenant of each existing link is taken from the
-- Entra identity links of the group's members (a group with members of two tenants gets a link for each). A link
-- with no such member is dropped: the next sign-in that names the group links it again by its name.
-- Portable across H2 2.x and PostgreSQL 13+.

create table group_links (
    site_id   uuid         not null references sites (id),
    kind      varchar(20)  not null,
    key_value varchar(512) not null,
    group_id  uuid         not null references user_groups (id) on delete cascade,
    constraint pk_group_links primary key (site_id, kind, key_value)
);
create index ix_group_links_group on group_links (group_id);

insert into group_links (site_id, kind, key_value, group_id)
select distinct g.site_id, 'entra', substring(il.link_value from 1 for 36) || ':' || lower(cast(g.object_id as varchar(36))), g.group_id
from entra_group_links g
join memberships m on m.group_id = g.group_id
join identity_links il on il.user_id = m.member_id and il.kind = 'entra' and il.site_id = g.site_id;

drop table entra_group_links;
