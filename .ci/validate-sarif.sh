#!/usr/bin/env bash
# Validates SARIF files with Microsoft's SARIF multitool and GitHub's ingestion rules.
# Usage: .ci/validate-sarif.sh FILE...
# Exit 0 when no file has an error (warnings are printed), 1 when any has, 2 on bad usage or setup.
# The multitool exits 0 even when it finds errors, so this script reads the results it writes.
set -euo pipefail

VERSION=5.7.0
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TOOLS="$HERE/.tools"
MULTITOOL="$TOOLS/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"

if [[ $# -eq 0 ]]; then
  echo "usage: $0 FILE..." >&2
  exit 2
fi

if [[ ! -f "$MULTITOOL" ]]; then
  echo "installing @microsoft/sarif-multitool@$VERSION into $TOOLS" >&2
  npm install --prefix "$TOOLS" --no-audit --no-fund "@microsoft/sarif-multitool@$VERSION" >&2
fi
if [[ ! -f "$MULTITOOL" ]]; then
  echo "error: $MULTITOOL not found after npm install (this script needs Linux x86-64)" >&2
  exit 2
fi
# npm may skip the package's postinstall script, which is only a chmod.
[[ -x "$MULTITOOL" ]] || chmod u+x "$MULTITOOL"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

failed=0
for file in "$@"; do
  if [[ ! -f "$file" ]]; then
    echo "error: $file: no such file" >&2
    failed=1
    continue
  fi
  out="$work/out.sarif"
  if ! "$MULTITOOL" validate "$file" --rule-kind "Sarif;Gh" -o "$out" --log ForceOverwrite >"$work/stdout" 2>&1; then
    cat "$work/stdout" >&2
    echo "error: $file: the multitool failed to run" >&2
    failed=1
    continue
  fi
  # Each result becomes "LEVEL RULE: message"; results without a level default to warning (SARIF §3.27.10).
  summary="$(node -e '
    const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const rules = new Map();
    let errors = 0, warnings = 0, notes = 0;
    for (const run of log.runs || []) {
      for (const r of (run.tool && run.tool.driver && run.tool.driver.rules) || []) rules.set(r.id, r);
      for (const res of run.results || []) {
        const level = res.level || "warning";
        if (level === "error") errors++; else if (level === "warning") warnings++; else notes++;
        let text = (res.message && res.message.text) || "";
        const rule = rules.get(res.ruleId);
        if (!text && res.message && res.message.id && rule && rule.messageStrings && rule.messageStrings[res.message.id]) {
          text = rule.messageStrings[res.message.id].text
            .replace(/\{(\d+)\}/g, (_, i) => (res.message.arguments || [])[Number(i)] ?? "")
            .replace(/\{\{/g, "{").replace(/\}\}/g, "}");
        }
        console.log(`${level} ${res.ruleId}: ${text}`);
      }
    }
    console.log(`TOTAL ${errors} ${warnings} ${notes}`);
  ' "$out")"
  read -r _ errors warnings notes <<<"$(grep '^TOTAL ' <<<"$summary")"
  grep -v '^TOTAL ' <<<"$summary" | sed "s|^|$file: |" || true
  echo "$file: $errors error(s), $warnings warning(s), $notes note(s)"
  if [[ "$errors" -gt 0 ]]; then
    failed=1
  fi
done
exit "$failed"
