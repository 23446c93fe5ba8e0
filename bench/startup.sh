#!/usr/bin/env bash
# Start-up benchmark (README, "Performance"): in one run on this machine, the median wall time of
#   floor          ftadvisor --version (JVM + CLI, no engine)
#   bundled        a cold consult with the bundled rules (precompiled into the jar)
#   edited, 1st    a cold consult with an edited rules folder: compiles it, writes the disk cache
#   edited, 2nd    the same edited folder again: loads it from the disk cache
#   no cache       a cold consult with --no-cache: compiles the rules every run
#   baseline       the same with plain `java -jar` and default JVM settings: what every consult cost
#                  before precompiled rules, the cache and the launcher (the "today's compile" mark)
# each with its ratio to the floor: wall time (the target), and CPU time (user + system), which a
# busy shared machine distorts less. Every consult is a separate JVM started from an empty folder.
#
# usage: bench/startup.sh [RUNS]       (default 5; needs target/ftadvisor.jar: mvn -q -B package -DskipTests)
# env:   FTADVISOR  the command to time (default bin/ftadvisor, the launcher; e.g. "java -jar target/ftadvisor.jar")
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
read -r -a cmd <<< "${FTADVISOR:-$root/bin/ftadvisor}"
[ -f "$root/target/ftadvisor.jar" ] || { echo "build first: mvn -q -B package -DskipTests" >&2; exit 2; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"          # a cache of our own: nothing left from earlier runs
mkdir -p "$work/cwd"
proposal=(consult --model llama-3-8b --method lora --tokens 20M --budget 500)

# seconds taken by one run of the command (stdout discarded, stderr kept for failures)
time_once() { time_with "${cmd[@]}" -- "$@"; }
time_plain() { time_with java -jar "$root/target/ftadvisor.jar" -- "$@"; }
# one run: prints "wall_ms cpu_ms" (cpu = user + system time of the process and its children)
time_with() {
  local prog=() t
  while [ "$1" != "--" ]; do prog+=("$1"); shift; done; shift
  local TIMEFORMAT='%3R %3U %3S'
  if ! { time (cd "$work/cwd" && "${prog[@]}" "$@" >/dev/null 2>"$work/err"); } 2>"$work/time"; then
    echo "failed: ${prog[*]} $*" >&2; cat "$work/err" >&2; exit 1
  fi
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' "$work/time"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }

# an edited copy of the rules: a new comment changes the content hash, so nothing cached matches
edited_rules() {
  local dir="$work/rules-$1"
  cp -r "$root/rules" "$dir"
  local first; first="$(cd "$dir" && ls ./*.drl | head -1)"
  printf '\n// benchmark edit %s %s\n' "$1" "$RANDOM" >> "$dir/$first"
  echo "$dir"
}

echo "warming up (creates the launcher's class-data archive once, if it uses one)..." >&2
time_once "${proposal[@]}" >/dev/null
time_once --version >/dev/null

floor=(); bundled=(); first=(); second=(); nocache=(); baseline=()
for i in $(seq 1 "$runs"); do
  echo "run $i/$runs" >&2
  floor+=("$(time_once --version)")
  bundled+=("$(time_once "${proposal[@]}")")
  dir="$(edited_rules "$i")"
  first+=("$(time_once "${proposal[@]}" --rules "$dir")")
  second+=("$(time_once "${proposal[@]}" --rules "$dir")")
  nocache+=("$(time_once "${proposal[@]}" --no-cache)")
  baseline+=("$(time_plain "${proposal[@]}" --no-cache)")
done

wall() { printf '%s\n' "$@" | cut -d' ' -f1 | median; }
cpu() { printf '%s\n' "$@" | cut -d' ' -f2 | median; }
fw=$(wall "${floor[@]}"); fc=$(cpu "${floor[@]}")
row() {
  local w c; w=$(wall "${@:3}"); c=$(cpu "${@:3}")
  awk -v n="$1" -v w="$w" -v c="$c" -v fw="$fw" -v fc="$fc" -v t="$2" \
    'BEGIN { printf "%-34s %6.2f s %6.2fx   %6.2f s %6.2fx   %s\n", n, w / 1000, w / fw, c / 1000, c / fc, t }'
}
echo
echo "ftadvisor start-up, median of $runs runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "command: ${cmd[*]}"
printf '%-34s %18s   %18s\n' "" "wall, x floor" "cpu, x floor"
row "--version (floor)" "" "${floor[@]}"
row "consult, bundled rules" "(target <= 3x)" "${bundled[@]}"
row "consult, edited rules, 1st run" "(target: no slower than baseline)" "${first[@]}"
row "consult, edited rules, 2nd run" "(target <= 3x)" "${second[@]}"
row "consult --no-cache (compiles)" "" "${nocache[@]}"
row "baseline: java -jar, --no-cache" "(every consult before this work)" "${baseline[@]}"
