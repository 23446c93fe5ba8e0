#!/usr/bin/env bash
# Batch benchmark: seeded synthetic proposals (mixed models, methods, budgets, 1% corrupt lines)
# through `ftadvisor batch`, once with the real rules and once with bench/empty-rules (the floor:
# parsing, estimating, inserting facts, building reports, writing), for each size given
# (default 1000 10000 100000). Prints records/s (wall and per CPU second), peak RSS, and the
# full/floor ratios of wall time and of CPU time (the CPU ratio is the steadier one on a shared machine),
# and the same rates and ratios at steady state (the records after the last power of two at or before half
# the batch, i.e. after the JIT warm-up: records 32,769-100,000 of a 100k batch). Usage: bench/run.sh [SIZE...]   env: JAVA_OPTS (default -Xms256m -Xmx256m -XX:+AlwaysPreTouch -XX:+UseParallelGC), JOBS,
# FORMAT (csv|jsonl|html, default csv), SEED (default 42), OUT (work folder, default target/bench).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/ftadvisor.jar ] || mvn -q -B package -DskipTests
# the parallel collector, as bin/ftadvisor runs a batch (10-30% faster than G1 on two cores)
JAVA_OPTS=${JAVA_OPTS:--Xms256m -Xmx256m -XX:+AlwaysPreTouch -XX:+UseParallelGC}
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

run() { # rules-folder input output -> "wall_rate cpu_rate seconds peak_rss_mb records errors steady_rate steady_cpu_rate"
  local stats rss
  /usr/bin/time -f 'RSS_KB=%M' -o "$OUT/time.txt" \
    java $JAVA_OPTS -jar "$JAR" batch "$2" --out "$3" --rules "$1" --jobs "$JOBS" --stats --no-progress \
    2> "$OUT/stderr.txt" || [ $? -eq 1 ]   # exit 1: the corrupt lines, as expected
  stats=$(grep '^records=' "$OUT/stderr.txt")
  rss=$(sed -n 's/^RSS_KB=//p' "$OUT/time.txt")
  echo "$stats" | sed -E 's/.*records=([0-9]+) errors=([0-9]+) seconds=([0-9.]+) perSecond=([0-9.]+) cpuSeconds=([0-9.]+) perCpuSecond=([0-9.]+) steadyRecords=[0-9]+ steadyPerSecond=([0-9.]+) steadyPerCpuSecond=([0-9.]+).*/\4 \6 \3 \1 \2 \7 \8/' \
    | awk -v rss="$rss" '{printf "%s %s %s %d %s %s %s %s\n", $1, $2, $3, rss/1024, $4, $5, $6, $7}'
}

echo "ftadvisor batch benchmark: $(date -u +%FT%TZ), $(nproc) cores, jobs=$JOBS, $JAVA_OPTS, format=$FORMAT, $RULES rules, seed=$SEED"
printf '%-8s %-6s %9s %9s %9s %9s %9s %8s %8s %7s %s\n' records rules 'rec/s' 'rec/cpu-s' 'steady/s' 'st/cpu-s' seconds 'rss MB' out errors 'full/floor wall, cpu; steady wall, cpu'
for n in "${SIZES[@]}"; do
  in="$OUT/proposals-$n.jsonl"
  [ -f "$in" ] || java bench/GenerateProposals.java "$n" "$in" "$SEED" 0.01
  read -r fw fc fs frss frec ferr fsw fsc < <(run bench/empty-rules "$in" "$OUT/floor-$n.$FORMAT")
  read -r rw rc rs rrss rrec rerr rsw rsc < <(run rules "$in" "$OUT/full-$n.$FORMAT")
  lines=$(grep -cv '^\s*$' "$in")
  printf '%-8s %-6s %9s %9s %9s %9s %9s %8s %8s %7s\n' "$n" empty "$fw" "$fc" "$fsw" "$fsc" "$fs" "$frss" "$frec" "$ferr"
  printf '%-8s %-6s %9s %9s %9s %9s %9s %8s %8s %7s %s\n' "$n" "$RULES" "$rw" "$rc" "$rsw" "$rsc" "$rs" "$rrss" "$rrec" "$rerr" \
    "$(awk -v a="$rs" -v b="$fs" -v c="$rc" -v d="$fc" -v e="$rsw" -v f="$fsw" -v g="$rsc" -v h="$fsc" \
       'BEGIN {printf "%.2fx, %.2fx", a/b, d/c; if (e > 0 && g > 0) printf "; %.2fx, %.2fx", f/e, h/g}')"
  [ "$rrec" -eq "$lines" ] && [ "$frec" -eq "$lines" ] || echo "MISMATCH: $lines input records, $frec/$rrec output records"
done
