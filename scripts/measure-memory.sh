#!/usr/bin/env bash
# Peak memory of the batch view, CSV and JSON Lines outputs, and of `samle`, against the batch
# size. For each N (default 1000, 10000 and 100000) it writes N small text contracts (the
# corpus's text files in turn, one in fifty replaced by a file that cannot be analysed) into a
# temporary folder, runs `kontrakt sjekk` over it once per format with the output to
# /dev/null, and prints the maximum resident set size and the wall time from GNU time
# (/usr/bin/time -v); then it writes the folder's JSON Lines once and measures
# `samle --format csv` over it.
# Usage: scripts/measure-memory.sh [N ...]
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
cargo build --release --quiet
bin="${CARGO_TARGET_DIR:-target}/release/kontrakt"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
texts=()
for f in fixtures/corpus/*.txt; do texts+=("$(cat "$f")"); done

for n in "${@:-1000 10000 100000}"; do
  dir=$(mktemp -d)
  for ((i = 0; i < n; i++)); do
    sub="$dir/$((i / 1000))"
    [ $((i % 1000)) -eq 0 ] && mkdir -p "$sub"
    if [ $((i % 50)) -eq 49 ]; then
      printf '\0binary' > "$sub/$i.txt"
    else
      printf '%s\n' "${texts[i % ${#texts[@]}]}" > "$sub/$i.txt"
    fi
  done
  for format in table csv jsonl; do
    /usr/bin/time -v "$bin" sjekk --quiet --format "$format" "$dir" > /dev/null 2> "$dir.time" || true
    rss=$(awk -F': ' '/Maximum resident/ {printf "%.1f MiB", $2/1024}' "$dir.time")
    wall=$(awk -F': ' '/Elapsed/ {print $2}' "$dir.time")
    echo "N=$n sjekk --format $format: max RSS $rss, wall $wall"
  done
  # The same files as one JSON Lines part, merged back into CSV.
  "$bin" sjekk --quiet --format jsonl --summary "$dir" > "$dir.jsonl" || true
  /usr/bin/time -v "$bin" samle --format csv "$dir.jsonl" > /dev/null 2> "$dir.time" || true
  rss=$(awk -F': ' '/Maximum resident/ {printf "%.1f MiB", $2/1024}' "$dir.time")
  wall=$(awk -F': ' '/Elapsed/ {print $2}' "$dir.time")
  echo "N=$n samle --format csv ($(du -m "$dir.jsonl" | cut -f1) MB of JSON Lines): max RSS $rss, wall $wall"
  rm -rf "$dir" "$dir.time" "$dir.jsonl"
done
