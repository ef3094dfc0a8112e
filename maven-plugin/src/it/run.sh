#!/usr/bin/env bash
# Runs the Faultline Maven plugin for real on two projects, after `mvn install` of Faultline:
# risky-agent must fail its build (a critical lethal trifecta / taint path), quiet-agent must pass
# and leave a SARIF report. Called by .ci/run.
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

if mvn -B -q -f "$here/risky-agent/pom.xml" verify >"$log" 2>&1; then
  echo "maven-plugin it: risky-agent build passed, but it should fail"; cat "$log"; exit 1
fi
grep -q "faultline scan failed the build (exit 4)" "$log" || { echo "maven-plugin it: risky-agent failed for the wrong reason"; cat "$log"; exit 1; }
grep -q '"ruleId" : "lethal-trifecta"' "$here/risky-agent/target/faultline.sarif" \
  || { echo "maven-plugin it: risky-agent SARIF lacks the lethal-trifecta result"; exit 1; }

if ! mvn -B -q -f "$here/quiet-agent/pom.xml" verify >"$log" 2>&1; then
  echo "maven-plugin it: quiet-agent build failed, but it should pass"; cat "$log"; exit 1
fi
test -s "$here/quiet-agent/target/faultline.sarif" || { echo "maven-plugin it: quiet-agent wrote no SARIF"; exit 1; }
echo "maven-plugin it: 2 passed, 0 failed"
