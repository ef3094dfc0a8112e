#!/usr/bin/env bash
# Builds a scratch git repository whose history is the support-agent sample: `before`, then a
# prompt-only commit, then `after` (the incident of the essay), with fixed authors and dates, and
# runs `faultline history` on it. Usage: docs/support-agent-history.sh [SCRATCH_DIR] [FORMAT]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
repo="${1:-/tmp/support-agent-history}"
format="${2:-md}"
rm -rf "$repo"
mkdir -p "$repo"
cd "$repo"
git init -q -b main .
commit() { # author email date message
  GIT_AUTHOR_NAME="$1" GIT_AUTHOR_EMAIL="$2" GIT_AUTHOR_DATE="$3" \
  GIT_COMMITTER_NAME="$1" GIT_COMMITTER_EMAIL="$2" GIT_COMMITTER_DATE="$3" \
    git -c commit.gpgsign=false commit -q -m "$4"
}
copy() { # sample side
  find . -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} +
  cp -R "$here/samples/support-agent/$1/." .
  rm -rf expected
}
copy before
git add -A && commit "Ada Admin" ada@example.com "2025-01-06T09:00:00Z" "Support agent: order lookup, refunds, ticket replies"
prompt=$(find src -name '*.java' -exec grep -l 'SystemMessage' {} + | head -1)
sed -i 's/Answer politely and concisely/Answer warmly, politely and concisely/' "$prompt"
git add -A && commit "Pat Prompt" pat@example.com "2025-02-03T14:30:00Z" "Prompt: friendlier greeting"
copy after
git add -A && commit "Eve Escalation" eve@example.com "2025-03-17T17:45:00Z" "Escalations: billing admin tool and a softer prompt"
cd "$here"
java -jar analyzer/target/faultline.jar history "$repo" --format "$format"
