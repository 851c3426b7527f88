#!/usr/bin/env bash
# Start-up benchmark: time from launch to ready (see ready() below), and heap in use after start (after a full GC),
# for the Gatehouse Micro bundle next to an empty Payara Micro of the same version, measured in the same run and
# interleaved so that machine noise hits both alike. Both bind to 127.0.0.1 and are stopped after each run.
#
#   bench/startup.sh [runs]        (default 5; needs ./mvnw -DskipTests package first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
bundle=ear/target/gatehouse-micro.jar
micro=ear/target/micro/payara-micro.jar
[ -f "$bundle" ] && [ -f "$micro" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 2; }
work=$(mktemp -d /tmp/gatehouse-bench.XXXXXX)
trap 'pkill -f "$work" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
cat > "$work/preboot.txt" <<'CMD'
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1
CMD
port=18380

# ready NAME: whether the server is ready. Gatehouse: /health/ready answers 200 (database up, first start done).
# An empty Payara Micro has no application and so no health endpoint: ready when its HTTP listener answers at all.
ready() {
  if [ "$1" = gatehouse ]; then
    curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"
  else
    curl -s -o /dev/null "http://127.0.0.1:$port/"
  fi
}

# one_run NAME JAR: prints "NAME <ms to ready> <heap used KiB after full GC>"
one_run() {
  local name=$1 jar=$2 dir="$work/$1-$RANDOM"
  mkdir -p "$dir"
  local start end pid heap
  start=$(date +%s%N)
  (cd "$dir" && GATEHOUSE_ADMIN_PASSWORD='benchmark admin password' exec java -jar "$OLDPWD/$jar" --nocluster \
      --port $port --prebootcommandfile "$work/preboot.txt" --logtofile "$dir/server.log" > "$dir/out.log" 2>&1) &
  pid=$!
  until ready "$name"; do
    if ! kill -0 $pid 2>/dev/null; then echo "$name did not start; see $dir" >&2; exit 1; fi
    if [ $(( ($(date +%s%N) - start) / 1000000 )) -gt 180000 ]; then echo "$name not ready in 180 s" >&2; exit 1; fi
    sleep 0.1
  done
  end=$(date +%s%N)
  jcmd $pid GC.run >/dev/null
  heap=$(jcmd $pid GC.heap_info | awk '/garbage-first heap|PSYoungGen|def new generation/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub("K,?","",v); print v; exit}}')
  kill $pid; wait $pid 2>/dev/null || true
  echo "$name $(( (end - start) / 1000000 )) $heap"
}

results="$work/results.txt"
for i in $(seq 1 "$runs"); do
  one_run empty-micro "$micro" >> "$results"
  one_run gatehouse "$bundle" >> "$results"
done
awk '
  { ms[$1] = ms[$1] " " $2; kb[$1] = kb[$1] " " $3 }
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    em = median(ms["empty-micro"]); gm = median(ms["gatehouse"])
    eh = median(kb["empty-micro"]); gh = median(kb["gatehouse"])
    printf "| | empty Payara Micro (baseline) | Gatehouse bundle | ratio |\n|---|---|---|---|\n"
    printf "| launch to ready, median ms | %d | %d | %.2f |\n", em, gm, gm / em
    printf "| heap used after start and full GC, median MiB | %.1f | %.1f | %.2f |\n", eh / 1024, gh / 1024, gh / eh
  }' "$results"
echo
echo "runs per deployable: $runs; raw (name, ms, KiB):"
sed 's/^/    /' "$results"
