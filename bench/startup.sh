#!/usr/bin/env bash
# Start-up benchmark: time from launch to ready (see ready() below), and heap in use after start (after a full GC),
# for the Gatehouse Micro bundle next to an empty Payara Micro of the same version, measured in the same run and
# interleaved so that machine noise hits both alike. Two reference applications run in the same rounds, to show what
# any application of this kind costs on this server (bench/floor: one JAX-RS resource, a CDI bean started with the
# application and a MicroProfile readiness check; and the same with Hibernate and one entity on H2, booted as
# Gatehouse boots it); they run with the bundle's server settings (no data grid, see ear/src/main/micro). All bind to
# 127.0.0.1 and are stopped after each run.
#
#   bench/startup.sh [runs]        (default 5; needs ./mvnw -DskipTests package first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
bundle=ear/target/gatehouse-micro.jar
micro=ear/target/micro/payara-micro.jar
[ -f "$bundle" ] && [ -f "$micro" ] || { echo "build first: ./mvnw -B -DskipTests package" >&2; exit 2; }
bench/floor/build.sh >/dev/null
floor=bench/floor/target/floor.war
work=$(mktemp -d /tmp/gatehouse-bench.XXXXXX)
trap 'pkill -f "$work" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
cat > "$work/preboot.txt" <<'CMD'
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1
CMD
# the reference applications get the server settings of the bundle's own pre-boot commands (no data grid)
{ cat "$work/preboot.txt"; grep -E 'hazelcast|ejb-timer|availability' ear/src/main/micro/pre-boot-commands.txt; } > "$work/preboot-bundle.txt"
port=18380

# ready NAME: whether the server is ready. Gatehouse and the references: /health/ready answers 200 (for Gatehouse:
# database up, first start done). An empty Payara Micro has no application and so no health endpoint: ready when its
# HTTP listener answers at all.
ready() {
  if [ "$1" = empty-micro ]; then
    curl -s -o /dev/null "http://127.0.0.1:$port/"
  else
    curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready"
  fi
}

# one_run NAME: prints "NAME <ms to ready> <heap used KiB after full GC>". gatehouse is a first start (an empty data
# directory: migrations, default site, first administrator); gatehouse-restart starts again on the directory of the
# round's first start, as a node restarts in a rolling restart.
one_run() {
  local name=$1 dir="$work/$1-$RANDOM"
  if [ "$name" = gatehouse-restart ]; then dir=$gatehouse_dir; else mkdir -p "$dir"; fi
  [ "$name" = gatehouse ] && gatehouse_dir=$dir
  local start end pid heap
  local -a java=(java) args=(--nocluster --port $port --prebootcommandfile "$work/preboot.txt")
  case $name in
    empty-micro) java+=(-jar "$PWD/$micro") ;;
    gatehouse|gatehouse-restart) java+=(-jar "$PWD/$bundle") ;;
    reference) java+=(-jar "$PWD/$micro"); args=(--deploy "$PWD/$floor" --contextroot / --nocluster --port $port
        --prebootcommandfile "$work/preboot-bundle.txt") ;;
    reference-jpa) java+=(-Dfloor.jpa=true -jar "$PWD/$micro"); args=(--deploy "$PWD/$floor" --contextroot /
        --addLibs "$PWD/ear/target/micro/libs" --nocluster --port $port --prebootcommandfile "$work/preboot-bundle.txt") ;;
  esac
  start=$(date +%s%N)
  (cd "$dir" && GATEHOUSE_ADMIN_PASSWORD='benchmark admin password' exec "${java[@]}" "${args[@]}" \
      --logtofile "$dir/server.log" > "$dir/out.log" 2>&1) &
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
  for name in empty-micro reference reference-jpa gatehouse gatehouse-restart; do
    one_run $name >> "$results"
  done
done
awk '
  { ms[$1] = ms[$1] " " $2; kb[$1] = kb[$1] " " $3 }
  function median(list,   a, n, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    em = median(ms["empty-micro"]); eh = median(kb["empty-micro"])
    printf "| | launch to ready, median ms | ratio to the empty server | heap after start and full GC, median MiB | ratio |\n"
    printf "|---|---|---|---|---|\n"
    split("empty-micro reference reference-jpa gatehouse gatehouse-restart", names, " ")
    label["empty-micro"] = "empty Payara Micro (baseline)"
    label["reference"] = "reference: JAX-RS, CDI, readiness"
    label["reference-jpa"] = "reference with Hibernate, one entity"
    label["gatehouse"] = "Gatehouse bundle, first start"
    label["gatehouse-restart"] = "Gatehouse bundle, restart"
    for (i = 1; i <= 5; i++) {
      n = names[i]; m = median(ms[n]); h = median(kb[n])
      printf "| %s | %d | %.2f | %.1f | %.2f |\n", label[n], m, m / em, h / 1024, h / eh
    }
    printf "\nGatehouse to the references: %.2f (JAX-RS, CDI, readiness), %.2f (with Hibernate)\n", \
      median(ms["gatehouse"]) / median(ms["reference"]), median(ms["gatehouse"]) / median(ms["reference-jpa"])
  }' "$results"
echo
echo "runs per deployable: $runs; raw (name, ms, KiB):"
sed 's/^/    /' "$results"
