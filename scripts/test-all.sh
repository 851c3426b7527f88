#!/usr/bin/env bash
# Runs Gatehouse's whole test suite on a fresh Debian machine: installs the peers the tests need (Chromium and its
# driver, PostgreSQL, Samba), starts PostgreSQL on 127.0.0.1 for the PostgreSQL lane, Keycloak on 127.0.0.1 as the SAML
# and OpenID Connect identity provider (scripts/keycloak.sh) and a Samba AD domain controller on 127.0.0.1
# (scripts/samba.sh), both in the background while Maven builds, then builds
# everything and runs unit tests, the Arquillian suite on H2 and on PostgreSQL, the Chromium console, SAML and OpenID
# Connect tests (Entra and Microsoft Graph are served by a double the tests start), the directory tests against the
# domain controller, two Micro nodes as a cluster on their own PostgreSQL database (ClusterIT) and the EAR smoke tests
# on Payara Server and WildFly. Every server it starts binds to 127.0.0.1
# and is stopped on exit. The PostgreSQL lane also stops and
# restarts its database once, to check that decisions are denied during the outage and recover after it.
#
#   scripts/test-all.sh [extra Maven arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

need_packages=()
[ -x /usr/bin/chromium ] || need_packages+=(chromium)
[ -x /usr/bin/chromedriver ] || need_packages+=(chromium-driver)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_packages+=(postgresql)
command -v samba >/dev/null 2>&1 && command -v ldapsearch >/dev/null 2>&1 \
  || need_packages+=(samba samba-ad-provision samba-dsdb-modules samba-vfs-modules winbind krb5-user ldap-utils)
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "Installing ${need_packages[*]}"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
fi

# PostgreSQL on 127.0.0.1, in a throw-away cluster owned by the postgres user.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_dir=$(mktemp -d /tmp/gatehouse-pg.XXXXXX)
pg_port=${GATEHOUSE_TEST_PG_PORT:-55432}
pg_password="gatehouse-test-$RANDOM$RANDOM"
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
samba_dir=$(mktemp -d /tmp/gatehouse-samba.XXXXXX)
stop_peers() {
  scripts/keycloak.sh stop || true
  scripts/samba.sh stop "$samba_dir/dc" || true
  rm -rf "$samba_dir"
  run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap stop_peers EXIT

# Keycloak starts (about a minute the first time) while Maven builds; the tests wait for it and fail if it never comes.
kc_port=${GATEHOUSE_TEST_KEYCLOAK_PORT:-18380}
kc_password="keycloak-test-$RANDOM$RANDOM"
mkdir -p .cache
scripts/keycloak.sh start "$kc_port" "$kc_password" > .cache/keycloak-start.log 2>&1 &
# A Samba Active Directory domain controller on 127.0.0.1 (LDAPS 636) for the directory tests, seeded with users.
samba_admin_password="Adm1n-$RANDOM$RANDOM!x"
samba_user_password="Us3r-$RANDOM$RANDOM!x"
scripts/samba.sh start "$samba_dir/dc" "$samba_admin_password" "$samba_user_password" > .cache/samba-start.log 2>&1 &
run_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust >/dev/null
pg_options="-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$pg_dir"
run_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w -t 60 -o "$pg_options" start >/dev/null
run_pg "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -v ON_ERROR_STOP=1 \
  -c "create role gatehouse login password '$pg_password'" -c "create database gatehouse owner gatehouse" \
  -c "create database gatehouse_cluster owner gatehouse"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port"

./mvnw -B -ntp clean verify -Pit \
  -Dgatehouse.it.postgres.url="jdbc:postgresql://127.0.0.1:$pg_port/gatehouse" \
  -Dgatehouse.it.postgres.user=gatehouse \
  -Dgatehouse.it.postgres.password="$pg_password" \
  -Dgatehouse.it.postgres.bin="$pg_bin" \
  -Dgatehouse.it.postgres.data="$pg_dir/data" \
  -Dgatehouse.it.postgres.options="$pg_options" \
  -Dgatehouse.it.cluster.db-url="jdbc:postgresql://127.0.0.1:$pg_port/gatehouse_cluster" \
  -Dgatehouse.it.keycloak.url="http://127.0.0.1:$kc_port" \
  -Dgatehouse.it.keycloak.admin-password="$kc_password" \
  -Dgatehouse.it.samba.ca="$samba_dir/dc/ca.pem" \
  -Dgatehouse.it.samba.password="$samba_user_password" \
  -Dgatehouse.it.samba.admin-password="$samba_admin_password" \
  "$@"
