#!/usr/bin/env bash
# Prepares the Micro bundle's inputs in the directory given (target/micro): the third-party libraries of ROOT.war move
# to libs/, which the bundle carries on Payara Micro's own class path (--addLibs); the WAR keeps Gatehouse's classes,
# pages and module jars. Payara parses every class of a deployed archive for annotations before it deploys it: the
# ~20,000 classes of Hibernate, Byte Buddy and the rest cost two seconds of every start and hold nothing it looks for.
# Class loading does not change: the web application loads parent-first, so these libraries came from the parent
# class path whenever Payara carries one of its own, and from the WAR otherwise; now they are found one level up.
#
#   split-libraries.sh DIR JAR_TOOL
set -euo pipefail
dir=$1
jar=$2
cd "$dir"
rm -rf exploded libs
mkdir -p exploded libs
(cd exploded && "$jar" xf ../ROOT.war)
for lib in exploded/WEB-INF/lib/*.jar; do
  case "$(basename "$lib")" in
    identity-core-*|storage-policy-*|directory-connector-*) ;;  # Gatehouse's modules (JPA entities) stay in the WAR
    *) mv "$lib" libs/ ;;
  esac
done
if [ -z "$(ls libs)" ]; then
  echo "ROOT.war holds no third-party library: it is split already, the bundle would start without them" >&2
  exit 1
fi
rm ROOT.war
(cd exploded && "$jar" cfM ../ROOT.war .)
echo "ROOT.war: $(ls exploded/WEB-INF/lib | wc -l) module jars; libs/: $(ls libs | wc -l) libraries"
