#!/usr/bin/env bash
# Batch benchmark: seeded synthetic proposals (mixed models, methods, budgets, 1% corrupt lines)
# through `ftadvisor batch`, once with the real rules and once with bench/empty-rules (the floor:
# parsing, estimating, inserting facts, building reports, writing), for each size given
# (default 1000 10000 100000). Prints records/s (wall and per CPU second), peak RSS, and the
# full/floor ratios of wall time and of CPU time (the CPU ratio is the steadier one on a shared machine). Usage: bench/run.sh [SIZE...]   env: JAVA_OPTS (default -Xms256m -Xmx256m -XX:+AlwaysPreTouch), JOBS,
# FORMAT (csv|jsonl|html, default csv), SEED (default 42), OUT (work folder, default target/bench).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/ftadvisor.jar ] || mvn -q -B package -DskipTests
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx256m -XX:+AlwaysPreTouch}
JOBS=${JOBS:-$(nproc)}
FORMAT=${FORMAT:-csv}
SEED=${SEED:-42}
OUT=${OUT:-target/bench}
mkdir -p "$OUT"
JAR="$OUT/ftadvisor.jar"   # a copy: a rebuild during a long run must not swap the jar under it
cp target/ftadvisor.jar "$JAR"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1000 10000 100000)
RULES=$(ls rules/*.drl | xargs grep -c '^rule ' | awk -F: '{s+=$2} END {print s}')

run() { # rules-folder input output -> "wall_rate cpu_rate seconds peak_rss_mb records errors"
  local stats rss
  /usr/bin/time -f 'RSS_KB=%M' -o "$OUT/time.txt" \
    java $JAVA_OPTS -jar "$JAR" batch "$2" --out "$3" --rules "$1" --jobs "$JOBS" --stats --no-progress \
    2> "$OUT/stderr.txt" || [ $? -eq 1 ]   # exit 1: the corrupt lines, as expected
  stats=$(grep '^records=' "$OUT/stderr.txt")
  rss=$(sed -n 's/^RSS_KB=//p' "$OUT/time.txt")
  echo "$stats" | sed -E 's/.*records=([0-9]+) errors=([0-9]+) seconds=([0-9.]+) perSecond=([0-9.]+) cpuSeconds=([0-9.]+) perCpuSecond=([0-9.]+).*/\4 \6 \3 \1 \2/' \
    | awk -v rss="$rss" '{printf "%s %s %s %d %s %s\n", $1, $2, $3, rss/1024, $4, $5}'
}

echo "ftadvisor batch benchmark: $(date -u +%FT%TZ), $(nproc) cores, jobs=$JOBS, $JAVA_OPTS, format=$FORMAT, $RULES rules, seed=$SEED"
printf '%-8s %-6s %9s %9s %9s %8s %8s %7s %s\n' records rules 'rec/s' 'rec/cpu-s' seconds 'rss MB' out errors 'full/floor wall, cpu'
for n in "${SIZES[@]}"; do
  in="$OUT/proposals-$n.jsonl"
  [ -f "$in" ] || java bench/GenerateProposals.java "$n" "$in" "$SEED" 0.01
  read -r fw fc fs frss frec ferr < <(run bench/empty-rules "$in" "$OUT/floor-$n.$FORMAT")
  read -r rw rc rs rrss rrec rerr < <(run rules "$in" "$OUT/full-$n.$FORMAT")
  lines=$(grep -cv '^\s*$' "$in")
  printf '%-8s %-6s %9s %9s %9s %8s %8s %7s\n' "$n" empty "$fw" "$fc" "$fs" "$frss" "$frec" "$ferr"
  printf '%-8s %-6s %9s %9s %9s %8s %8s %7s %s\n' "$n" "$RULES" "$rw" "$rc" "$rs" "$rrss" "$rrec" "$rerr" \
    "$(awk -v a="$rs" -v b="$fs" -v c="$rc" -v d="$fc" 'BEGIN {printf "%.2fx, %.2fx", a/b, d/c}')"
  [ "$rrec" -eq "$lines" ] && [ "$frec" -eq "$lines" ] || echo "MISMATCH: $lines input records, $frec/$rrec output records"
done
