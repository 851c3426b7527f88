#!/usr/bin/env bash
# Starts Keycloak on 127.0.0.1 as the SAML and OpenID Connect identity provider of the end-to-end tests, configured
# like Entra ID: realm "entra" from it-tests/src/test/resources/keycloak/entra-realm.json (a user in two groups named by
# object IDs). The tests add their SAML and OpenID Connect clients themselves through the admin API, since the entity
# ID and redirect URI are the ones Gatehouse gives a new provider.
#
#   scripts/keycloak.sh start <port> <admin password>   # returns once the realm's SAML metadata is served
#   scripts/keycloak.sh stop
#
# Keycloak comes from Maven Central (org.keycloak:keycloak-quarkus-dist) and is unpacked under .cache/, where its
# one-time build step is kept between runs.
set -euo pipefail
cd "$(dirname "$0")/.."

version=26.7.3
home=".cache/keycloak-$version"
pid_file=".cache/keycloak.pid"

case "${1:-}" in
  start)
    port=$2
    password=$3
    if [ ! -x "$home/bin/kc.sh" ]; then
      mkdir -p .cache
      ./mvnw -B -q -ntp dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:$version:zip" \
        -DoutputDirectory=.cache -Dmdep.overWriteIfNewer=true
      rm -rf "$home"
      (cd .cache && unzip -q "keycloak-quarkus-dist-$version.zip")
    fi
    rm -rf "$home/data"
    mkdir -p "$home/data/import"
    cp it-tests/src/test/resources/keycloak/entra-realm.json "$home/data/import/"
    KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD="$password" \
      nohup "$home/bin/kc.sh" start-dev --http-host=127.0.0.1 --http-port="$port" --import-realm \
        --hostname-strict=false --log-level=WARN > .cache/keycloak.log 2>&1 &
    echo $! > "$pid_file"
    for _ in $(seq 1 240); do
      if curl -fsS -o /dev/null "http://127.0.0.1:$port/realms/entra/protocol/saml/descriptor" 2>/dev/null; then
        echo "Keycloak $version on 127.0.0.1:$port"
        exit 0
      fi
      if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
        echo "Keycloak exited; see .cache/keycloak.log" >&2
        tail -n 40 .cache/keycloak.log >&2
        exit 1
      fi
      sleep 1
    done
    echo "Keycloak did not start within 240 s; see .cache/keycloak.log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$pid_file" ]; then
      pid=$(cat "$pid_file")
      pkill -TERM -P "$pid" 2>/dev/null || true
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      pkill -KILL -P "$pid" 2>/dev/null || true
      kill -KILL "$pid" 2>/dev/null || true
      rm -f "$pid_file"
    fi
    ;;
  *)
    echo "usage: $0 start <port> <admin password> | stop" >&2
    exit 2
    ;;
esac
