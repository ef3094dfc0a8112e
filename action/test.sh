#!/usr/bin/env bash
# Runs the action's script for real on a scratch git repository holding the support-agent sample:
# a pull request that adds the billing-admin tool must be blocked, with the verdict, the summary and
# a SARIF of the new findings; a push must scan. Needs the jar (mvn install). Called by .ci/run.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/analyzer/target/faultline.jar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "action test: $*" >&2; exit 1; }

repo="$work/repo"
mkdir -p "$repo"
cp -r "$root/samples/support-agent/before/." "$repo/"
rm -rf "$repo/expected"
git -C "$repo" init -q -b main
git -C "$repo" -c user.name=ci -c user.email=ci@example.com add -A
git -C "$repo" -c user.name=ci -c user.email=ci@example.com commit -q -m "support agent"
git -C "$repo" checkout -q -b billing-tool
cp -r "$root/samples/support-agent/after/." "$repo/"
rm -rf "$repo/expected"
git -C "$repo" -c user.name=ci -c user.email=ci@example.com add -A
git -C "$repo" -c user.name=ci -c user.email=ci@example.com commit -q -m "billing admin tool"

pr="$work/pr"; mkdir -p "$pr"
( cd "$repo" && GITHUB_EVENT_NAME=pull_request GITHUB_BASE_REF=main RUNNER_TEMP="$pr" \
    GITHUB_STEP_SUMMARY="$pr/summary.md" GITHUB_OUTPUT="$pr/outputs" FAULTLINE_JAR="$jar" INPUT_PATH=. \
    bash "$root/action/run.sh" )
grep -qx "verdict=block" "$pr/outputs" || fail "pull request: verdict is not block: $(cat "$pr/outputs")"
grep -qx "exit=4" "$pr/outputs" || fail "pull request: exit is not 4"
grep -q "Faultline verdict: \`block\`" "$pr/summary.md" || fail "pull request: summary lacks the verdict"
grep -q "### Control plane" "$pr/summary.md" || fail "pull request: summary lacks the control plane"
grep -q 'BillingAdminTools/adjustBilling' "$pr/faultline/faultline.sarif" || fail "pull request: SARIF lacks the new finding"
[ -n "$(find "$pr/faultline/facts-cache" -name '*.json' -print -quit)" ] || fail "pull request: no facts cache was kept"

push="$work/push"; mkdir -p "$push"
( cd "$repo" && GITHUB_EVENT_NAME=push RUNNER_TEMP="$push" GITHUB_STEP_SUMMARY="$push/summary.md" \
    GITHUB_OUTPUT="$push/outputs" FAULTLINE_JAR="$jar" INPUT_PATH=. INPUT_FAIL_ON=none bash "$root/action/run.sh" )
grep -qx "exit=0" "$push/outputs" || fail "push: exit is not 0 with fail-on none"
grep -q "# Faultline report" "$push/summary.md" || fail "push: summary lacks the report"
grep -q '"ruleId" : "taint-path"' "$push/faultline/faultline.sarif" || fail "push: SARIF lacks findings"
echo "action test: 2 passed, 0 failed"
