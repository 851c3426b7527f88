#!/usr/bin/env bash
# SCIM provisioning benchmark over loopback against the Micro bundle on 127.0.0.1 (empty H2 database): sustained
# create + PATCH requests of Entra's shape with p50/p99 latency, next to GET /api/v1/storage/ping (a trivial JAX-RS
# endpoint behind a storage client's credential) in the same run; then one PATCH adding 10,000 members to a group.
# Stops the server at the end.
#
#   bench/scim.sh [seconds per measurement] [client threads]     (default 15 and 4)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
threads=${2:-4}
[ -f ear/target/gatehouse-micro.jar ] || { echo "build first: ./mvnw -B -DskipTests install" >&2; exit 2; }
[ -f bench/target/benchmarks.jar ] || ./mvnw -B -q -Pbench -pl bench -am package -DskipTests
port=18490
password="benchmark admin password"
. bench/micro.sh
start_micro "$port" "$password"
java -cp bench/target/benchmarks.jar dev.gatehouse.bench.ScimLoad "$port" "$password" "$seconds" "$threads"
