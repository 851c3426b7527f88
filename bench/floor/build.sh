#!/usr/bin/env bash
# Builds bench/floor/target/floor.war: the smallest application of Gatehouse's kind, for the start-up benchmark's
# reference rows (one JAX-RS resource, a CDI bean started with the application, a MicroProfile readiness check, and,
# with -Dfloor.jpa=true, Hibernate with one entity on H2 as Gatehouse boots it). Compiled against the Jakarta EE and
# MicroProfile APIs in the local Maven repository and the bundle's own libraries (ear/target/micro/libs).
set -euo pipefail
cd "$(dirname "$0")"
repo=${MAVEN_REPO:-$HOME/.m2/repository}
libs=../../ear/target/micro/libs
cp="$repo/jakarta/platform/jakarta.jakartaee-api/10.0.0/jakarta.jakartaee-api-10.0.0.jar"
cp="$cp:$(ls "$repo"/org/eclipse/microprofile/health/microprofile-health-api/*/microprofile-health-api-*.jar | head -1)"
cp="$cp:$(ls $libs/hibernate-core-*.jar)"
rm -rf target && mkdir -p target/war/WEB-INF/classes
javac --release 17 -nowarn -d target/war/WEB-INF/classes -cp "$cp" src/floor/*.java
(cd target/war && jar cf ../floor.war .)
echo "built $(pwd)/target/floor.war"
