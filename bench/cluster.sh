#!/usr/bin/env bash
# Cluster benchmark: what the data grid costs a node. Starts a throw-away PostgreSQL and node A of a cluster (the Micro
# bundle with gatehouse.cluster.enabled, TCP/IP discovery on 127.0.0.1, as docs/operations.md shows), seeds the decision
# benchmark's site through A, then alternately measures A standing alone and A with node B joined (B started and
# stopped between rounds, so that machine noise hits both alike):
#   - decisions per second on A (wrk, bench/wrk/decision.lua), the grid's cost on the decision path;
#   - a committed change's round trip through A's admin API (grant, then revoke, an access entry), and A's own
#     gatehouse_invalidation_confirm timer: from the commit to every live node having dropped the site's index.
# Every server binds to 127.0.0.1 and is stopped at the end.
#
#   bench/cluster.sh [seconds per measurement] [rounds] [changes per round]     (default 15, 5 and 200)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
rounds=${2:-5}
changes=${3:-200}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
[ -f ear/target/gatehouse-micro.jar ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 2; }
[ -f bench/target/benchmarks.jar ] || ./mvnw -B -q -Pbench -pl bench -am package -DskipTests
jar=$PWD/ear/target/gatehouse-micro.jar
work=$(mktemp -d /tmp/gatehouse-cluster-bench.XXXXXX)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
pg_port=55442
run_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pids=()
cleanup() {
  local status=$?
  set +e
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null; done
  run_pg "$pg_bin/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1
  cp "$work/a/out.log" /tmp/gatehouse-cluster-bench-a.log 2>/dev/null
  rm -rf "$work"
  exit $status
}
trap cleanup EXIT
mkdir -p "$work/pg" "$work/a" "$work/b"
chmod 755 "$work"
[ "$(id -u)" -eq 0 ] && chown postgres "$work/pg"
run_pg "$pg_bin/initdb" -D "$work/pg" -U postgres -A trust >/dev/null
run_pg "$pg_bin/pg_ctl" -D "$work/pg" -l "$work/pg/log" -w -o "-c listen_addresses=127.0.0.1 -c port=$pg_port -c unix_socket_directories=$work/pg" start >/dev/null
run_pg "$pg_bin/psql" -h 127.0.0.1 -p $pg_port -U postgres -q -c "create role gatehouse login password 'bench'" -c "create database gatehouse owner gatehouse"
cat > "$work/preboot.txt" <<'CMD'
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1
set configs.config.server-config.hazelcast-config-specific-configuration.enabled=true
set configs.config.server-config.hazelcast-config-specific-configuration.clustering-enabled=true
set configs.config.server-config.availability-service.web-container-availability.availability-enabled=true
CMD
password="benchmark admin password"
key=$(head -c 32 /dev/urandom | base64)
# node NAME HTTP_PORT GRID_PORT: starts a node in the background, its pid in $node_pid
node() {
  (cd "$work/$1" && GATEHOUSE_ADMIN_PASSWORD="$password" GATEHOUSE_DB_URL="jdbc:postgresql://127.0.0.1:$pg_port/gatehouse" \
    GATEHOUSE_DB_PASSWORD=bench GATEHOUSE_CLUSTER_ENABLED=true GATEHOUSE_MASTER_KEY="$key" \
    GATEHOUSE_BASE_URL=http://127.0.0.1:18480 GATEHOUSE_DATA_DIR="$work/$1/data" \
    exec java -Dhazelcast.socket.bind.any=false -Dhazelcast.phone.home.enabled=false -jar "$jar" --port "$2" --prebootcommandfile "$work/preboot.txt" \
      --clustermode tcpip:127.0.0.1:16911,127.0.0.1:16912 --clustername gatehouse-bench --startport "$3" \
      --interfaces 127.0.0.1 --hzpublicaddress 127.0.0.1 --nohostaware >> "$work/$1/out.log" 2>&1) &
  node_pid=$!
  pids+=("$node_pid")
}
# ready PORT MEMBERS: until the node answers decisions and sees MEMBERS grid members
ready() {
  for _ in $(seq 1 240); do
    if curl -sf "http://127.0.0.1:$1/health/ready" 2>/dev/null | grep -q "\"members\":\"$2\",\"decisions\":\"answered\"\|\"decisions\":\"answered\".*\"members\":\"$2\"\|\"members\":\"$2\".*\"decisions\":\"answered\""; then return 0; fi
    sleep 0.5
  done
  echo "node on $1 not ready with $2 members" >&2; exit 1
}
node a 18480 16911; a_pid=$node_pid
ready 18480 1
java -cp bench/target/benchmarks.jar dev.gatehouse.bench.HttpBenchSeed 18480 "$password" "$work/world.lua"
export GATEHOUSE_BENCH_WORLD="$work/world.lua"
url=http://127.0.0.1:18480
user=$(awk -F'"' '/^users/ {print $2}' "$work/world.lua")
folder=$(awk -F'"' '/^paths/ {print $2}' "$work/world.lua")
basic=(-u "admin:$password")
admin_id=$(curl -sf "${basic[@]}" "$url/api/v1/sites/default/users?size=500" \
  | python3 -c 'import json,sys; print(next(u["id"] for u in json.load(sys.stdin)["items"] if u["login"] == "admin"))')
token=$(curl -sf "${basic[@]}" -H 'Content-Type: application/json' -d '{"name":"bench"}' "$url/api/v1/sites/default/users/$admin_id/api-tokens" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["secret"])')
# changes ROUND LABEL: grant and revoke an entry $changes times through A; round trips into $work/changes.LABEL
changes() {
  local id
  for _ in $(seq 1 $((changes / 2))); do
    curl -sf -o "$work/entry.json" -w '%{time_total}\n' -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
      -d "{\"path\":\"$folder\",\"grantee\":\"user:$user\",\"right\":\"READ_ONLY\"}" "$url/api/v1/sites/default/storage/entries" >> "$work/changes.$1"
    id=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["id"])' "$work/entry.json")
    curl -sf -o /dev/null -w '%{time_total}\n' -X DELETE -H "Authorization: Bearer $token" "$url/api/v1/sites/default/storage/entries/$id" >> "$work/changes.$1"
  done
}
wrk -t2 -c8 -d20s -s bench/wrk/decision.lua "$url" > /dev/null # warm-up
changes warmup
for round in $(seq 1 "$rounds"); do
  wrk -t2 -c8 -d"${seconds}s" -s bench/wrk/decision.lua "$url" > "$work/alone.$round.txt"
  changes alone
  node b 18482 16912; b_pid=$node_pid
  ready 18482 2; ready 18480 2
  sleep 10 # B's own start-up work (compilation, the grid's partition moves) settles before A is measured
  wrk -t2 -c8 -d"${seconds}s" -s bench/wrk/decision.lua "$url" > "$work/clustered.$round.txt"
  changes clustered
  kill "$b_pid"; wait "$b_pid" 2>/dev/null || true
  ready 18480 1
  sleep 10
done
if grep -q -E "Non-2xx|Socket errors" "$work"/alone.*.txt "$work"/clustered.*.txt; then
  echo "some requests failed; the figures would be meaningless:" >&2
  grep -H -E "Non-2xx|Socket errors" "$work"/alone.*.txt "$work"/clustered.*.txt >&2
  exit 1
fi
median() { sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
rps() { for r in $(seq 1 "$rounds"); do awk '/^Requests\/sec/ {print $2}' "$work/$1.$r.txt"; done | median; }
pct() { sort -g "$work/changes.$1" | awk -v p="$2" '{a[NR] = $1} END {i = int(NR * p / 100); if (i < 1) i = 1; printf "%.1f", a[i] * 1000}'; }
alone=$(rps alone); clustered=$(rps clustered)
echo "| node A | decisions/s (median of $rounds) | change round trip p50 ms | p99 ms |"
echo "|---|---|---|---|"
echo "| standing alone (baseline) | $alone | $(pct alone 50) | $(pct alone 99) |"
echo "| in a two-node cluster | $clustered | $(pct clustered 50) | $(pct clustered 99) |"
awk -v a="$alone" -v c="$clustered" 'BEGIN { printf "\ndecisions/s in the cluster / standing alone (medians) = %.2f\n", c / a }'
echo "per round (clustered / the alone measurement just before it): $(for r in $(seq 1 "$rounds"); do
  paste <(awk '/^Requests\/sec/ {print $2}' "$work/alone.$r.txt") <(awk '/^Requests\/sec/ {print $2}' "$work/clustered.$r.txt") \
    | awk '{printf "%.2f ", $2 / $1}'; done)"
echo "median of the per-round ratios: $(for r in $(seq 1 "$rounds"); do
  paste <(awk '/^Requests\/sec/ {print $2}' "$work/alone.$r.txt") <(awk '/^Requests\/sec/ {print $2}' "$work/clustered.$r.txt") \
    | awk '{printf "%.4f\n", $2 / $1}'; done | median)"
echo "rounds (decisions/s): alone $(for r in $(seq 1 "$rounds"); do awk '/^Requests\/sec/ {printf "%s ", $2}' "$work/alone.$r.txt"; done); clustered $(for r in $(seq 1 "$rounds"); do awk '/^Requests\/sec/ {printf "%s ", $2}' "$work/clustered.$r.txt"; done)"
echo "node A's gatehouse_invalidation_confirm (commit to every node confirmed; clustered changes only):"
curl -sf "$url/metrics?scope=application" > "$work/metrics.txt"
grep -E '^gatehouse_invalidation_confirm' "$work/metrics.txt" | grep -E 'quantile="0.5"|quantile="0.99"|_count|_max' | sed 's/^/    /' || true
echo "wrk -t2 -c8 -d${seconds}s per measurement; $changes changes (grant + revoke) per measurement through the admin API with an API token"
