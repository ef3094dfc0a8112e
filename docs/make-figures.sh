#!/bin/sh
# Regenerates the README figures from the bundled samples with the Faultline jar.
# Run from the repository root after building: mvn -B -q -pl analyzer -am package -DskipTests
# Uses the 'dot' command when it is on the PATH, else the bundled J2V8 engine.
set -eu
jar=analyzer/target/faultline.jar
out=docs/figures
mkdir -p "$out"
for sample in support-agent/after mcp-desktop; do
  name=$(echo "$sample" | tr / -)
  java -jar "$jar" graph "samples/$sample" --format svg --output "$out/$name.svg"
  java -jar "$jar" graph "samples/$sample" --format png --output "$out/$name.png"
done
# The capability graph of the incident's pull request: what the change adds, in green.
java -jar "$jar" diff samples/support-agent/before samples/support-agent/after --graph "$out/support-agent-diff.svg" >/dev/null || true
java -jar "$jar" diff samples/support-agent/before samples/support-agent/after --graph "$out/support-agent-diff.png" >/dev/null || true
