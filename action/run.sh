#!/usr/bin/env bash
# The work of the Faultline GitHub Action, as a plain script so it can be tested outside GitHub.
# Pull requests: `faultline diff` between the PR base and HEAD (Markdown to the job summary, SARIF
# of the new findings). Other events: `faultline scan`. Writes outputs verdict, sarif and exit to
# $GITHUB_OUTPUT; the action's last step fails the job with that exit code. One diff or scan writes
# every report. INPUT_CACHE names a facts cache folder outside the repository (default: one under
# RUNNER_TEMP); restored from runs of the default branch, it spares reading unchanged files again.
set -uo pipefail

jar="${FAULTLINE_JAR:?FAULTLINE_JAR not set}"
path="${INPUT_PATH:-.}"
out="${RUNNER_TEMP:-$(mktemp -d)}/faultline"
mkdir -p "$out"
summary="${GITHUB_STEP_SUMMARY:-$out/summary.md}"
outputs="${GITHUB_OUTPUT:-$out/outputs}"
# the reports of one run share the facts of the Java framework files, so only the first reads them all
cache="${INPUT_CACHE:-$out/facts-cache}"

if [ "${GITHUB_EVENT_NAME:-push}" = "pull_request" ] || [ "${GITHUB_EVENT_NAME:-}" = "pull_request_target" ]; then
  base_ref="${GITHUB_BASE_REF:?GITHUB_BASE_REF not set on a pull request}"
  if git -C "$path" rev-parse --verify --quiet "origin/$base_ref" >/dev/null; then
    base="origin/$base_ref"
  else
    base="$base_ref"
  fi
  base=$(git -C "$path" merge-base "$base" HEAD) || { echo "faultline: no merge base with $base_ref (fetch-depth: 0?)" >&2; exit 2; }
  java -jar "$jar" diff --base "$base" --head HEAD "$path" --cache "$cache" --format md \
    --also sarif="$out/faultline.sarif" --also json="$out/diff.json" \
    --fail-on "${INPUT_FAIL_ON_VERDICT:-block}" > "$out/report.md"
  code=$?
  verdict=$(sed -n 's/^  "verdict" : "\(.*\)",\{0,1\}$/\1/p' "$out/diff.json" | head -n 1)
else
  java -jar "$jar" scan "$path" --cache "$cache" --format md --also sarif="$out/faultline.sarif" \
    --fail-on "${INPUT_FAIL_ON:-high}" > "$out/report.md"
  code=$?
  verdict=""
fi

cat "$out/report.md" >> "$summary"
{
  echo "verdict=$verdict"
  echo "sarif=$out/faultline.sarif"
  echo "exit=$code"
} >> "$outputs"
exit 0
