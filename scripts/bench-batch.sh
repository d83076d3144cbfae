#!/usr/bin/env bash
# Whole-command batch benchmark, every figure measured side by side in one run.
#
# It builds folders of N contracts, one third each PDF, DOCX and text:
#   realistic  made by scripts/gen-realistic.py: python-docx DOCX with styles, headers, footers
#              and tables; PDFs printed by LibreOffice (one and two columns) and by reportlab
#              (Helvetica one column, embedded DejaVu two columns);
#   minimal    copies of fixtures/corpus, whose PDFs come from the project's minimal writer.
# For the first N (default 999) it times with hyperfine (medians): kontrakt over each folder,
# kontrakt over its PDFs alone, and pdftotext over the same PDFs (one process per file, as many
# at a time as kontrakt has jobs), wall-clock and CPU time. For every N (default 999 and 9999) it takes the peak memory
# of kontrakt on the realistic folder (/usr/bin/time -v). Then the fixed cost per file (1,000
# one-line files, text and PDF), and one one-page contract end to end against pdftotext on its
# PDF.
#
# Usage: scripts/bench-batch.sh [N ...]
#   BASELINE=path/to/older/kontrakt  also times that binary on the same folders, for before/after.
#   RUNS=5                           hyperfine runs per command (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v pdftotext >/dev/null || missing+=(poppler-utils)
command -v hyperfine >/dev/null || missing+=(hyperfine)
command -v soffice >/dev/null || missing+=(libreoffice-writer-nogui)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python3 -c 'import docx, reportlab' 2>/dev/null || pip install --user -q python-docx reportlab

cargo build --release --quiet
bin="$(pwd)/${CARGO_TARGET_DIR:-target}/release/kontrakt"
runs=${RUNS:-5}
jobs=$(nproc)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "machine: $jobs cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo);" \
  "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 scripts/gen-realistic.py "$work/real"
# One-line documents: the cost a batch pays per file, whatever its size.
mkdir -p "$work/one"
python3 - "$work/one" <<'PY'
import sys
from reportlab.pdfgen import canvas
c = canvas.Canvas(f"{sys.argv[1]}/one.pdf")
c.drawString(72, 770, "Arbeidstakeren har tre måneders prøvetid.")
c.save()
open(f"{sys.argv[1]}/one.txt", "w").write("Arbeidstakeren har tre måneders prøvetid.\n")
PY

fill() { # DIR N EXT FILE... : N copies of FILE... in turn, named EXT-000000.EXT
  local dir=$1 n=$2 ext=$3 i
  shift 3
  local files=("$@")
  mkdir -p "$dir"
  for ((i = 0; i < n; i++)); do
    cp "${files[i % ${#files[@]}]}" "$dir/$(printf '%s-%06d' "$ext" "$i").$ext"
  done
}

batch() { # DIR N realistic|minimal : the batch, and DIR.pdfs with its PDFs alone
  local dir=$1 n=$2 kind=$3 ext
  for ext in pdf docx txt; do
    if [ "$kind" = realistic ]; then
      fill "$dir" $(((n + 2) / 3)) "$ext" "$work"/real/"$ext"/*."$ext"
    else
      fill "$dir" $(((n + 2) / 3)) "$ext" fixtures/corpus/*."$ext"
    fi
  done
  mkdir -p "$dir.pdfs"
  ln "$dir"/*.pdf "$dir.pdfs/"
}

median() { # JSON NAME
  python3 -c 'import json,sys; print([r["median"] for r in json.load(open(sys.argv[1]))["results"] if r["command"] == sys.argv[2]][0])' "$1" "$2"
}

cpu() { # JSON NAME: mean CPU seconds (user + system, child processes included)
  python3 -c 'import json,sys; print([r["user"] + r["system"] for r in json.load(open(sys.argv[1]))["results"] if r["command"] == sys.argv[2]][0])' "$1" "$2"
}

k() { echo "$1 sjekk --format jsonl --quiet $2 > /dev/null || true"; }
p() { echo "ls $1/*.pdf | xargs -P$jobs -I{} pdftotext -q {} /dev/null"; }

sizes=("${@:-999 9999}")
read -ra sizes <<<"${sizes[*]}"
for n in "${sizes[@]}"; do
  if [ "$n" != "${sizes[0]}" ]; then
    batch "$work/realistic-$n" "$n" realistic
    /usr/bin/time -v "$bin" sjekk --format jsonl --quiet "$work/realistic-$n" 2>"$work/time.log" >/dev/null || true
    awk -F: -v n="$n" '/Maximum resident set size/ {printf "peak memory (max RSS), realistic, %s files: %.1f MB\n", n, $2/1024}' "$work/time.log"
    rm -rf "$work/realistic-$n" "$work/realistic-$n.pdfs"
    continue
  fi
  cmds=()
  for kind in realistic minimal; do
    batch "$work/$kind-$n" "$n" "$kind"
    cmds+=(-n "kontrakt $kind" "$(k "$bin" "$work/$kind-$n")")
    cmds+=(-n "kontrakt $kind PDFs" "$(k "$bin" "$work/$kind-$n.pdfs")")
    [ -n "${BASELINE:-}" ] && cmds+=(-n "baseline $kind" "$(k "$BASELINE" "$work/$kind-$n")")
    cmds+=(-n "pdftotext $kind" "$(p "$work/$kind-$n")")
  done
  h="$work/h-$n.json"
  hyperfine --runs "$runs" --warmup 1 --style none --export-json "$h" "${cmds[@]}" >/dev/null
  pdfs=$(ls "$work/realistic-$n.pdfs" | wc -l)
  echo
  echo "== $n files each, $pdfs of them PDF (medians of $runs runs; load average now $(cut -d' ' -f1-3 /proc/loadavg)) =="
  printf '%-10s %12s %12s %14s %12s %9s %9s\n' batch "kontrakt all" "files/s" "kontrakt PDFs" pdftotext "ratio" "PDF ratio"
  for kind in realistic minimal; do
    ka=$(median "$h" "kontrakt $kind")
    kp=$(median "$h" "kontrakt $kind PDFs")
    pt=$(median "$h" "pdftotext $kind")
    python3 -c 'import sys; n,ka,kp,pt=int(sys.argv[2]),*map(float,sys.argv[3:]); print(f"{sys.argv[1]:<10} {ka:10.2f} s {n/ka:12,.0f} {kp:12.2f} s {pt:10.2f} s {ka/pt:9.2f} {kp/pt:9.2f}")' \
      "$kind" "$n" "$ka" "$kp" "$pt"
    python3 -c 'import sys; k,p=map(float,sys.argv[1:]); print(f"  CPU time: kontrakt {k:.2f} s, pdftotext {p:.2f} s, ratio {k/p:.2f}")' \
      "$(cpu "$h" "kontrakt $kind")" "$(cpu "$h" "pdftotext $kind")"
    if [ -n "${BASELINE:-}" ]; then
      python3 -c 'import sys; b,ka,pt=map(float,sys.argv[2:]); print(f"{sys.argv[1]:<10} {b:10.2f} s {b/pt:50.2f}   (this build takes {ka/b:.2f} x its time)")' \
        "  baseline" "$(median "$h" "baseline $kind")" "$ka" "$pt"
    fi
  done
  /usr/bin/time -v "$bin" sjekk --format jsonl --quiet "$work/realistic-$n" 2>"$work/time.log" >/dev/null || true
  awk -F: -v n="$n" '/Maximum resident set size/ {printf "peak memory (max RSS), realistic, %s files: %.1f MB\n", n, $2/1024}' "$work/time.log"
  rm -rf "$work/realistic-$n" "$work/minimal-$n" "$work"/*-"$n".pdfs
done

# Fixed cost per file: 1,000 copies of a one-line file (text, then PDF).
fill "$work/one-txt" 1000 txt "$work/one/one.txt"
fill "$work/one-pdf" 1000 pdf "$work/one/one.pdf"
hyperfine --runs "$runs" --warmup 1 --style none --export-json "$work/one.json" \
  -n txt "$(k "$bin" "$work/one-txt")" -n pdf "$(k "$bin" "$work/one-pdf")" \
  -n "pdftotext pdf" "$(p "$work/one-pdf")" >/dev/null
echo
echo "== 1,000 one-line files =="
for c in txt pdf "pdftotext pdf"; do
  m=$(median "$work/one.json" "$c")
  python3 -c 'import sys; m=float(sys.argv[2]); print(f"{sys.argv[1]:<14} {m:6.2f} s  {m:.3f} ms per file")' "$c" "$m"
done

# One one-page contract end to end: the shortest LibreOffice PDF of the corpus with one page.
one=$(for f in "$work"/real/pdf/*-lo1.pdf; do
  if [ "$(pdfinfo "$f" | awk '/^Pages:/ {print $2}')" = 1 ]; then echo "$(stat -c %s "$f") $f"; fi
done | sort -n | head -1 | cut -d' ' -f2)
hyperfine -N -i --runs 30 --warmup 3 --style none --export-json "$work/single.json" \
  -n kontrakt "$bin sjekk --format json $one" -n pdftotext "pdftotext -q $one /dev/null" >/dev/null || true
echo
echo "== one one-page contract, $(basename "$one") =="
ks=$(median "$work/single.json" kontrakt)
ps=$(median "$work/single.json" pdftotext)
python3 -c 'import sys; k,p=map(float,sys.argv[1:]); print(f"kontrakt sjekk --format json {k*1000:6.1f} ms, pdftotext {p*1000:5.1f} ms, ratio {k/p:.2f}")' "$ks" "$ps"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
