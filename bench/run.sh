#!/usr/bin/env bash
# Faultline benchmarks: bench/run.sh [FILES] [RUNS]
#   FILES  size of the synthetic Java tree in .java files (default 3000, ~290k lines); reused
#          from bench/target/repo-FILES-seed42 when already generated
#   RUNS   alternating runs of the parse-only baseline and `faultline scan` (default 3)
# Env: JAVA_OPTS (both sides, default empty), BENCH_MODEL=0 skips the synthetic-model benchmark,
#      BENCH_MODEL_TOOLS (default "10000 100000"), BENCH_COLD=0 skips the cold small-sample scan,
#      BENCH_DIFF=0 skips the 3-file diff (without, and with a facts cache filled by a scan of
#      base), BENCH_HEAP=LINES runs the -Xmx1g peak-memory scan on a tree of about LINES lines
#      (off by default).
# Prints medians and ratios; never fails on a time (exit status is non-zero only on a broken run).
set -euo pipefail
cd "$(dirname "$0")/.."
FILES=${1:-3000}
RUNS=${2:-3}
SEED=42
JAR=analyzer/target/faultline.jar
OUT=bench/target
mkdir -p "$OUT"
[ -f "$JAR" ] || mvn -B -q -pl analyzer -am package -DskipTests
# shellcheck disable=SC2206
OPTS=(${JAVA_OPTS:-})

compile() { # bench/X.java -> class in $OUT/classes (once), so timings exclude source compilation
    local src=$1 cls
    cls=$(basename "$src" .java)
    if [ ! -f "$OUT/classes/$cls.class" ] || [ "$src" -nt "$OUT/classes/$cls.class" ] || [ "$JAR" -nt "$OUT/classes/$cls.class" ]; then
        javac -q -nowarn -d "$OUT/classes" -cp "$JAR" "$src" 2>/dev/null || javac -nowarn -d "$OUT/classes" -cp "$JAR" "$src"
    fi
}
now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }

for src in bench/GenRepo.java bench/ParseAll.java bench/ModelBench.java; do compile "$src"; done
CP="$OUT/classes:$JAR"

gen() { # gen FILES -> prints the tree's path, generating it once
    local dir="$OUT/repo-$1-seed$SEED"
    if [ ! -f "$dir/.complete" ]; then
        rm -rf "$dir"
        java -cp "$CP" GenRepo "$dir" "$1" "$SEED" >&2
        touch "$dir/.complete"
    fi
    echo "$dir"
}

REPO=$(gen "$FILES")
echo "== scan vs parse-all: $REPO ($(find "$REPO" -name '*.java' | wc -l) files, $(find "$REPO" -name '*.java' -exec cat {} + | wc -l) lines), $RUNS alternating runs, JAVA_OPTS='${JAVA_OPTS:-}'"
base=(); scan=(); need=()
for i in $(seq "$RUNS"); do
    t0=$(now); java "${OPTS[@]}" -cp "$CP" ParseAll "$REPO" >/dev/null; t1=$(now)
    java "${OPTS[@]}" -jar "$JAR" scan "$REPO" --fail-on none --format json -o "$OUT/scan.json" 2>/dev/null; t2=$(now)
    # the floor: parsing whole, in a fresh JVM, only the files the scan parsed
    [ "$i" != 1 ] || java -cp "$CP" ParseAll --scanned "$OUT/scan.json" >"$OUT/scanned-files.txt"
    t2=$(now); java "${OPTS[@]}" -cp "$CP" ParseAll "$REPO" "$OUT/scanned-files.txt" >"$OUT/parse-needed.txt"; t3=$(now)
    base+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')"); scan+=("$(awk -v a="$t1" -v b="$t2" 'BEGIN{print b-a}')")
    need+=("$(awk -v a="$t2" -v b="$t3" 'BEGIN{print b-a}')")
    echo "  run $i: parse-all ${base[-1]} s, scan ${scan[-1]} s, parse of the scan's files only ${need[-1]} s"
done
mb=$(printf '%s\n' "${base[@]}" | median); ms=$(printf '%s\n' "${scan[@]}" | median); mn=$(printf '%s\n' "${need[@]}" | median)
echo "parse-all median ${mb} s | scan median ${ms} s | ratio scan/parse-all $(ratio "$ms" "$mb") (target <= 0.25)"
echo "parse of only the files the scan parsed ($(sed 's/ in .*//' "$OUT/parse-needed.txt")): median ${mn} s, ratio $(ratio "$mn" "$mb") of parse-all"

if [ "${BENCH_DIFF:-1}" != 0 ]; then
    HEAD="$OUT/diff-head-$FILES"
    rm -rf "$HEAD"; cp -r "$REPO" "$HEAD"
    # a 3-file PR: a tool gains a parameter, a service call changes, an unrelated helper changes
    sed -i 's/return accounts.find(email);/return accounts.find(email.trim());/' "$HEAD"/module-0/src/main/java/com/synth/m0/tools/SupportTools0.java
    sed -i 's/return "month " + month/return "month #" + month/' "$HEAD"/module-0/src/main/java/com/synth/m0/service/ReportService0.java
    h=$(find "$HEAD" -name '*.java' -path '*/model/*' | sort | tail -1); echo "// touched" >> "$h"
    # the facts cache as CI would hold it: filled by the scan of the base branch
    CACHE="$OUT/facts-cache"
    rm -rf "$CACHE"
    java "${OPTS[@]}" -jar "$JAR" scan "$REPO" --cache "$CACHE" --fail-on none --format json -o "$OUT/scan.json" 2>/dev/null
    dif=(); cached=(); full=()
    for i in $(seq "$RUNS"); do
        t0=$(now); java "${OPTS[@]}" -jar "$JAR" diff "$REPO" "$HEAD" >/dev/null 2>&1 || true; t1=$(now)
        java "${OPTS[@]}" -jar "$JAR" diff "$REPO" "$HEAD" --cache "$CACHE" >/dev/null 2>&1 || true; t2=$(now)
        java "${OPTS[@]}" -jar "$JAR" scan "$HEAD" --fail-on none --format json -o "$OUT/scan.json" 2>/dev/null; t3=$(now)
        dif+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')"); cached+=("$(awk -v a="$t1" -v b="$t2" 'BEGIN{print b-a}')")
        full+=("$(awk -v a="$t2" -v b="$t3" 'BEGIN{print b-a}')")
        echo "  run $i: diff ${dif[-1]} s, diff --cache ${cached[-1]} s, scan of head ${full[-1]} s"
    done
    md=$(printf '%s\n' "${dif[@]}" | median); mc=$(printf '%s\n' "${cached[@]}" | median); mf=$(printf '%s\n' "${full[@]}" | median)
    echo "full scan of head median ${mf} s"
    echo "diff of 3 files, no cache: median ${md} s, ratio $(ratio "$md" "$mf")"
    echo "diff of 3 files, --cache filled by a scan of base: median ${mc} s, ratio $(ratio "$mc" "$mf") (target <= 0.3)"
fi

if [ "${BENCH_COLD:-1}" != 0 ]; then
    SMALL=samples/support-agent/before
    CDS="$OUT/faultline.jsa"
    [ -f "$CDS" ] && [ "$CDS" -nt "$JAR" ] || java -XX:ArchiveClassesAtExit="$CDS" -jar "$JAR" scan "$SMALL" --fail-on none >/dev/null 2>&1
    echo "== cold scan of $SMALL, whole process, median of $((RUNS * 2 + 1))"
    for variant in "default:" "C1-only:-XX:TieredStopAtLevel=1" "AppCDS:-XX:SharedArchiveFile=$CDS" \
                   "AppCDS+C1:-XX:SharedArchiveFile=$CDS -XX:TieredStopAtLevel=1" "no-CDS:-Xshare:off"; do
        name=${variant%%:*}; flags=${variant#*:}; ts=()
        for i in $(seq $((RUNS * 2 + 1))); do
            # shellcheck disable=SC2086
            t0=$(now); java $flags -jar "$JAR" scan "$SMALL" --fail-on none >/dev/null 2>&1; t1=$(now)
            ts+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN{print b-a}')")
        done
        printf '  %-10s %s s (target <= 1.0)\n' "$name" "$(printf '%s\n' "${ts[@]}" | median)"
    done
fi

if [ "${BENCH_MODEL:-1}" != 0 ]; then
    echo "== analyses on a synthetic model (graph build vs taint, compositions, blast radius)"
    for n in ${BENCH_MODEL_TOOLS:-10000 100000}; do
        java "${OPTS[@]}" -cp "$CP" ModelBench "$n"
    done
fi

if [ -n "${BENCH_HEAP:-}" ]; then
    BIG=$(gen $((BENCH_HEAP / 96)))
    echo "== peak memory, -Xmx1g scan of $BIG ($(find "$BIG" -name '*.java' -exec cat {} + | wc -l) lines)"
    /usr/bin/time -v java -Xmx1g -jar "$JAR" scan "$BIG" --fail-on none --format json -o "$OUT/scan.json" 2>"$OUT/time-v.txt" \
        && echo "  -Xmx1g scan succeeded" || echo "  -Xmx1g scan FAILED (exit $?)"
    grep -E "Maximum resident|Elapsed" "$OUT/time-v.txt" | sed 's/^\s*/  /'
fi
