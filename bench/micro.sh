# Sourced by the HTTP benchmarks: start_micro PORT PASSWORD starts the Micro bundle on 127.0.0.1 with an empty H2
# database in a temporary directory ($work), waits until it is ready, and stops it (and removes $work, keeping its log
# as /tmp/gatehouse-bench-server.log) when the calling script exits, keeping the script's exit status.
# GATEHOUSE_MICRO_JAR names another bundle than ear/target/gatehouse-micro.jar; a function stop_also, when the calling
# script defines one, runs first.
start_micro() {
  local port=$1 password=$2
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "port $port already answers: stop whatever listens there first (the benchmark would measure it)" >&2
    exit 1
  fi
  work=$(mktemp -d /tmp/gatehouse-bench.XXXXXX)
  cat > "$work/preboot.txt" <<'CMD'
set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=127.0.0.1
CMD
  # the sign-in benchmark's OpenID provider runs on loopback
  (cd "$work" && GATEHOUSE_ADMIN_PASSWORD="$password" GATEHOUSE_BASE_URL="http://127.0.0.1:$port" \
    GATEHOUSE_OUTBOUND_ALLOW_INTERNAL_HOSTS=true \
    exec java -jar "${GATEHOUSE_MICRO_JAR:-$OLDPWD/ear/target/gatehouse-micro.jar}" --nocluster --port "$port" \
    --prebootcommandfile "$work/preboot.txt" --logtofile "$work/server.log" > "$work/out.log" 2>&1) &
  server=$!
  trap stop_micro EXIT
  for _ in $(seq 1 180); do
    curl -sf -o /dev/null "http://127.0.0.1:$port/health/ready" && return 0
    kill -0 $server 2>/dev/null || { echo "server did not start" >&2; cat "$work/out.log" >&2; exit 1; }
    sleep 1
  done
  echo "server not ready within 180 s" >&2
  exit 1
}

stop_micro() {
  local status=$?
  set +e
  # a calling script's own cleanup (bench/directory.sh stops its domain controller)
  if declare -F stop_also > /dev/null; then stop_also; fi
  kill $server 2>/dev/null || true
  wait $server 2>/dev/null || true
  # the server's log outlives the run, for a look at what went wrong
  cp "$work/server.log" "${TMPDIR:-/tmp}/gatehouse-bench-server.log" 2>/dev/null || true
  rm -rf "$work"
  exit $status
}
