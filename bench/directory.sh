#!/usr/bin/env bash
# Directory benchmark: a Samba AD domain controller on 127.0.0.1 seeded with OU=Bench (20,000 users and 2,000 groups of
# 10 members each, every tenth group nested in the one before it), the Micro bundle on 127.0.0.1 (empty H2 database).
# Measures a full sync next to a raw paged search of the same entries, an incremental sync after 100 changes, and
# directory logins through the authentication API next to raw LDAPS binds. Stops both servers at the end. Needs root
# and the packages scripts/test-all.sh installs (samba, ldap-utils).
#
#   bench/directory.sh [users] [groups] [seconds per login measurement] [threads]    (default 20000 2000 15 4)
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-20000}
groups=${2:-2000}
seconds=${3:-15}
threads=${4:-4}
[ -f ear/target/gatehouse-micro.jar ] || { echo "build first: ./mvnw -B -DskipTests install" >&2; exit 2; }
[ -f bench/target/benchmarks.jar ] || ./mvnw -B -q -Pbench -pl bench -am package -DskipTests
dc=$(mktemp -d /tmp/gatehouse-bench-dc.XXXXXX)
admin_password="Adm1n-$RANDOM$RANDOM!x"
user_password="Us3r-$RANDOM$RANDOM!x"
stop_dc() { scripts/samba.sh stop "$dc/dc" || true; rm -rf "$dc"; }
trap stop_dc EXIT
echo "starting the domain controller"
scripts/samba.sh start "$dc/dc" "$admin_password" "$user_password" > "$dc/start.log" 2>&1
samba-tool user create benchuser "$user_password" -H ldap://127.0.0.1 -U administrator \
  --password="$admin_password" > /dev/null 2>&1
base="DC=corp,DC=gatehouse,DC=test"
{
  printf 'dn: OU=Bench,%s\nobjectClass: organizationalUnit\n\n' "$base"
  for i in $(seq 1 "$users"); do
    n=$(printf '%05d' "$i")
    printf 'dn: CN=user%s,OU=Bench,%s\nobjectClass: user\nsAMAccountName: user%s\n' "$n" "$base" "$n"
    printf 'userPrincipalName: user%s@corp.gatehouse.test\ndisplayName: User %s\nmail: user%s@corp.gatehouse.test\n' \
      "$n" "$n" "$n"
    printf 'userAccountControl: 544\n\n'
  done
  for g in $(seq 1 "$groups"); do
    printf 'dn: CN=group%05d,OU=Bench,%s\nobjectClass: group\nsAMAccountName: group%05d\n' "$g" "$base" "$g"
    for k in $(seq 0 9); do
      printf 'member: CN=user%05d,OU=Bench,%s\n' $(( (g * 10 + k) % users + 1 )) "$base"
    done
    if [ $((g % 10)) -eq 0 ]; then printf 'member: CN=group%05d,OU=Bench,%s\n' $((g - 1)) "$base"; fi
    printf '\n'
  done
} > "$dc/bench.ldif"
echo "seeding $users users and $groups groups"
LDAPTLS_CACERT="$dc/dc/ca.pem" ldapadd -H ldaps://127.0.0.1 -x -D administrator@corp.gatehouse.test \
  -y "$dc/dc/tls/admin.pw" -f "$dc/bench.ldif" > "$dc/seed.log"
port=18491
password="benchmark admin password"
. bench/micro.sh
stop_also() { stop_dc; }
start_micro "$port" "$password"
java -cp bench/target/benchmarks.jar dev.gatehouse.bench.DirectoryLoad "$port" "$password" "$dc/dc/ca.pem" \
  "$admin_password" "$user_password" "$seconds" "$threads"
