#!/usr/bin/env bash
# Advice figures (README, "Quality of the advice"): seeded synthetic proposals (no corrupt lines) through
# `ftadvisor batch` as JSONL reports, then bench/AdviceStats.java: the verdict mix by spotAllowed, the share
# of first plans on one GPU when the run fits one 80 GB card, spot and out-of-region first plans, and the GPU
# generations of first plans.   usage: bench/advice-stats.sh [N] (default 3000)   env: SEED (default 7)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/ftadvisor.jar ] || mvn -q -B package -DskipTests
n="${1:-3000}"
out=target/advice-stats
mkdir -p "$out"
java bench/GenerateProposals.java "$n" "$out/proposals.jsonl" "${SEED:-7}" 0
java -XX:+UseParallelGC -jar target/ftadvisor.jar batch "$out/proposals.jsonl" --out "$out/reports.jsonl" --no-progress
echo "ftadvisor advice figures: $(date -u +%FT%TZ), $n proposals, seed ${SEED:-7}, catalog $(grep -m1 '"asOf"' facts/instances.json | tr -d ' ,')"
java bench/AdviceStats.java "$out/proposals.jsonl" "$out/reports.jsonl" facts/gpus.json
