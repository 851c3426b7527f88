#!/usr/bin/env bash
# Loopback HTTP benchmark of the decision API: starts the Micro bundle on 127.0.0.1 with an empty H2 database, seeds
# the benchmark site through the admin API (10,000 users, 2,000 groups nested 5 deep, 5,000 folders), then drives with
# wrk (Debian package, installed when missing) the trivial endpoint GET /api/v1/storage/ping (baseline), single
# decisions and batches of 100, each for the same time with the same connections, in the same run, after a warm-up.
# Stops the server at the end.
#
#   bench/http.sh [seconds per measurement] [connections]     (default 15 and 8)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
connections=${2:-8}
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
[ -f ear/target/gatehouse-micro.jar ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 2; }
[ -f bench/target/benchmarks.jar ] || ./mvnw -B -q -Pbench -pl bench -am package -DskipTests
port=18480
password="benchmark admin password"
. bench/micro.sh
start_micro "$port" "$password"
java -cp bench/target/benchmarks.jar dev.gatehouse.bench.HttpBenchSeed "$port" "$password" "$work/world.lua"
export GATEHOUSE_BENCH_WORLD="$work/world.lua"
url="http://127.0.0.1:$port"
# warm-up: JIT, the site's index, every user's group closure
for name in decision batch ping; do
  wrk -t2 -c"$connections" -d20s -s "bench/wrk/$name.lua" "$url" > /dev/null
done
# three interleaved rounds, so that machine noise hits baseline and target alike; medians are reported
for round in 1 2 3; do
  for name in ping decision batch; do
    wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "bench/wrk/$name.lua" "$url" > "$work/$name.$round.txt"
  done
done
# wrk prints latencies as 1.23ms, 456.00us or 1.02s: to milliseconds
ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.2f", n }'; }
median() { sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
rps() { for r in 1 2 3; do awk '/^Requests\/sec/ {print $2}' "$work/$1.$r.txt"; done | median; }
pct() { for r in 1 2 3; do ms "$(awk -v p="$2" '$1 == p {print $2}' "$work/$1.$r.txt")"; echo; done | median; }
if grep -q -E "Non-2xx|Socket errors" "$work"/*.[123].txt; then
  echo "some requests failed; the figures would be meaningless:" >&2
  grep -H -E "Non-2xx|Socket errors" "$work"/*.[123].txt >&2
  exit 1
fi
ping=$(rps ping); single=$(rps decision); batch=$(rps batch)
echo "| endpoint | requests/s | decisions/s | p50 ms | p99 ms |"
echo "|---|---|---|---|---|"
echo "| GET /api/v1/storage/ping (baseline) | $ping | – | $(pct ping 50%) | $(pct ping 99%) |"
echo "| POST /api/v1/storage/decisions | $single | $single | $(pct decision 50%) | $(pct decision 99%) |"
echo "| POST /api/v1/storage/decisions/batch (100) | $batch | $(awk -v b="$batch" 'BEGIN {printf "%.0f", b * 100}') | $(pct batch 50%) | $(pct batch 99%) |"
echo
awk -v s="$single" -v p="$ping" 'BEGIN { printf "single decisions / ping throughput = %.2f\n", s / p }'
echo "rounds (requests/s):"
for name in ping decision batch; do
  echo "  $name: $(for r in 1 2 3; do awk '/^Requests\/sec/ {printf "%s ", $2}' "$work/$name.$r.txt"; done)"
done
echo "wrk -t2 -c$connections -d${seconds}s per round, 3 rounds; server: Payara Micro bundle, H2, JVM defaults"
