#!/usr/bin/env bash
# Where the time of a batch of realistic PDFs goes: `perf record` of `kontrakt sjekk` over the
# PDFs that scripts/gen-realistic.py makes (LibreOffice and reportlab, one and two columns), the
# samples of all its processes (the PDF workers included) grouped by what the function does.
# Self time only, so no call-graph unwinding is needed and the groups add up to 100 %.
# Usage: scripts/profile-pdf.sh [KONTRAKT-BINARY]   (default: this tree's release build)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v perf >/dev/null || { echo "perf is needed (apt-get install linux-perf)" >&2; exit 1; }
if [ $# -ge 1 ]; then bin=$(realpath "$1"); else
  cargo build --release --quiet
  bin="$(pwd)/${CARGO_TARGET_DIR:-target}/release/kontrakt"
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/gen-realistic.py "$work/real"
# Four copies of each PDF, for enough samples.
mkdir "$work/pdfs"
for i in 1 2 3 4; do for f in "$work"/real/pdf/*.pdf; do ln "$f" "$work/pdfs/$i-$(basename "$f")"; done; done
echo "profiling $bin over $(ls "$work/pdfs" | wc -l) PDFs; $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
perf record -q -F 1999 -o "$work/perf.data" -- "$bin" sjekk --format jsonl --quiet "$work/pdfs" >/dev/null 2>&1 || true
perf report -i "$work/perf.data" --no-children --sort sym --stdio -g none 2>/dev/null |
  awk '$1 ~ /%$/ { v = $1 + 0; $1 = ""; $2 = ""; print v "\t" $0 }' | python3 -c '
import re, sys
groups = [  # first match wins
    ("ToUnicode CMap parsing (adobe_cmap_parser on pom, its error strings)",
     r"pom::|adobe_cmap|fmt::format|core::fmt|Display>::fmt|pad_integral|as core::fmt::Write|drop_in_place<pom"),
    ("glyph names to Unicode (font encodings)", r"glyphnames|memcmp"),
    ("inflate (zlib-rs / miniz_oxide)", r"zlib_rs|miniz_oxide|flate2|adler"),
    ("PDF object and content parsing (lopdf, nom)", r"lopdf|nom::"),
    ("pdf-extract: fonts, operators, glyph layout", r"pdf_extract|euclid"),
    ("kontrakt PDF: output device, paragraphs, form fields", r"kontrakt::extract"),
    ("worker protocol (serde_json)", r"serde_json|serde_core"),
    ("clause engine and analysis (engine, lexicon, values, segment, normalize, ...)",
     r"kontrakt::|regex|aho_corasick|unicode_normalization"),
    ("malloc / free", r"malloc|_int_free|cfree|unlink_chunk|__rdl_|__rust_(alloc|dealloc|realloc|no_alloc)|realloc"),
    ("memcpy / memset / memchr", r"memmove|memcpy|memset|memchr"),
    ("kernel", r"\[k\]"),
]
totals = {name: 0.0 for name, _ in groups}
other = 0.0
for line in sys.stdin:
    share, sym = line.rstrip("\n").split("\t", 1)
    for name, pattern in groups:
        if re.search(pattern, sym):
            totals[name] += float(share)
            break
    else:
        other += float(share)
for name, _ in groups:
    print(f"{name:<80} {totals[name]:5.1f} %")
print("other".ljust(80), f"{other:5.1f} %")
'
