#!/usr/bin/env bash
# Whole-command batch benchmark. For each N (default 1000 and 10000) it builds a folder of N
# contracts (one third each PDF, DOCX and text, copied from the labelled corpus), then
#   - times `kontrakt sjekk --format jsonl` over it (median of 3 runs with hyperfine),
#   - times pdftotext alone over the same PDFs (one process per file, two at a time),
#   - prints both and their ratio, and the peak memory (RSS) of kontrakt from /usr/bin/time -v.
# Usage: scripts/bench-batch.sh [N ...]
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi

cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/kontrakt"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"

make_batch() { # DIR N
  local dir=$1 n=$2 i=0 ext files
  mkdir -p "$dir"
  for ext in pdf docx txt; do
    mapfile -t files < <(ls fixtures/corpus/*."$ext")
    for ((i = 0; i < (n + 2) / 3; i++)); do
      cp "${files[i % ${#files[@]}]}" "$dir/$(printf '%s-%06d' "$ext" "$i").$ext"
    done
  done
}

for n in "${@:-1000 10000}"; do
  dir=$(mktemp -d)
  make_batch "$dir" "$n"
  pdfs=$(ls "$dir"/*.pdf | wc -l)
  echo
  echo "== N=$(ls "$dir" | wc -l) files ($pdfs PDF) =="
  hyperfine --runs 3 --warmup 1 --style basic --export-json "$dir/h.json" \
    -n kontrakt "$bin sjekk --format jsonl --quiet $dir > /dev/null || true" \
    -n pdftotext "ls $dir/*.pdf | xargs -P2 -I{} pdftotext -q {} /dev/null" >/dev/null
  python3 - "$dir/h.json" "$n" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
k, p = r["kontrakt"], r["pdftotext"]
n = int(sys.argv[2])
print(f"kontrakt  sjekk --format jsonl: {k:7.2f} s median ({n / k:,.0f} files/s)")
print(f"pdftotext on the PDFs alone:    {p:7.2f} s median")
print(f"ratio kontrakt / pdftotext:     {k / p:7.2f}")
PY
  /usr/bin/time -v "$bin" sjekk --format jsonl --quiet "$dir" 2> "$dir/time.log" > /dev/null || true
  awk -F: '/Maximum resident set size/ {printf "peak memory (max RSS):          %7.1f MB\n", $2/1024}' "$dir/time.log"
  rm -rf "$dir"
done
