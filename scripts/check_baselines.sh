#!/usr/bin/env bash
# The project's own regression gate: every offline extractor whose run record is
# committed is run again and checked against it with `bench check`, so an
# accidental change in tokenization, projection, scoring or the rules shows up
# as a failing CI run. Run from the repository root.
set -euo pipefail

OFFLINE_MODELS=(money-rules gazetteer gazetteer+money-rules)
status=0

check() {  # check RECORD MODEL [bench check options...]
  local record=$1 model=$2; shift 2
  if [ -f "$record" ]; then
    bench check --baseline "$record" --model "$model" --max-drop 0.0 --per-type "$@" || status=1
  fi
}

for model in "${OFFLINE_MODELS[@]}"; do
  check "results/$model.json" "$model"
  if [ -n "${BENCH_NEWS_DIR:-}" ]; then
    # the candidate runs on the baseline record's corpus (its spec and split)
    check "results/news-test/$model.json" "$model"
  fi
done
exit $status
