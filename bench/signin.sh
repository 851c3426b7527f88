#!/usr/bin/env bash
# Sign-in benchmarks. In process (JMH): SAML ACS validation of an Entra-shaped signed response next to the bare
# primitive (parse + Santuario signature check of the same bytes), and OpenID Connect ID token validation with cached
# keys next to Nimbus's bare parse + RS256 verify of the same tokens, one thread each. Over loopback: full browserless
# SAML and OpenID Connect sign-in round trips against the Micro bundle on 127.0.0.1 (empty H2 database), next to
# GET /health/live in the same run. Stops the server at the end.
#
#   bench/signin.sh [seconds per HTTP measurement] [client threads]     (default 15 and 4)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
threads=${2:-4}
[ -f ear/target/gatehouse-micro.jar ] || { echo "build first: ./mvnw -B -DskipTests install" >&2; exit 2; }
[ -f bench/target/benchmarks.jar ] || ./mvnw -B -q -Pbench -pl bench -am package -DskipTests
java -jar bench/target/benchmarks.jar 'SamlAcsBenchmark|OidcTokenBenchmark' -rf text -rff /dev/stdout 2>/dev/null \
  | grep -E "^Benchmark|SamlAcs|OidcToken"
port=18490
password="benchmark admin password"
. bench/micro.sh
start_micro "$port" "$password"
java -cp bench/target/benchmarks.jar dev.gatehouse.bench.SignInLoad "$port" "$password" "$seconds" "$threads"
