#!/usr/bin/env bash
# Measures OCR against the text layer: renders every fixture contract (fixtures/src, corpus,
# heldout) to a PDF, makes scanned, faxed and photographed copies with scripts/gen-scans.py,
# and a JPEG photo of each one's first page, runs kontrakt on the originals and the copies, and compares each copy's findings (category,
# negation and values) with its original's.
#
#   scripts/ocr-accuracy.sh [WORK_DIR]     (default /tmp/kontrakt-ocr-accuracy; kept afterwards)
#
# Needs tesseract-ocr(-nor, -eng), poppler-utils and python3-pil. Takes about 20 minutes on
# two cores: some 300 pages are recognised.
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-/tmp/kontrakt-ocr-accuracy}
mkdir -p "$work/pdf" "$work/scans"
cargo build --quiet --release -p kontrakt-devtools --bin gen_fixtures && cargo build --quiet --release --bin kontrakt
target=${CARGO_TARGET_DIR:-target}/release
for src in fixtures/src/*.txt fixtures/corpus/src/*.txt fixtures/heldout/src/*.txt; do
  set=$(basename "$(dirname "$(dirname "$src")")")
  [ "$set" = fixtures ] && set=main
  out="$work/pdf/$set-$(basename "$src" .txt).pdf"
  [ -e "$out" ] && continue
  flags=()
  grep -q '^%% encoding: cp1252' "$src" && flags=(--cp1252)
  "$target/gen_fixtures" "${flags[@]}" "$src" "$out" || echo "skipped $src"
done
if [ -z "$(ls "$work/scans")" ]; then
  ls "$work"/pdf/*.pdf | xargs -P2 -n8 scripts/gen-scans.py "$work/scans" scan
  ls "$work"/pdf/*.pdf | xargs -P2 -n8 scripts/gen-scans.py "$work/scans" photo
  ls "$work"/pdf/*.pdf | awk 'NR % 3 == 0' | xargs -P2 -n8 scripts/gen-scans.py "$work/scans" fax
  ls "$work"/pdf/*.pdf | xargs -P2 -n8 scripts/gen-scans.py "$work/scans" jpeg
fi
"$target/kontrakt" sjekk --format jsonl --quiet "$work/pdf" > "$work/text.jsonl" || true
/usr/bin/time -f "%e s wall for the copies" \
  "$target/kontrakt" sjekk --format jsonl --quiet --timeout 300 "$work/scans" > "$work/scans.jsonl" || true
python3 - "$work" <<'PY'
import collections, json, os, re, sys
work = sys.argv[1]
def load(name):
    reports = {}
    for line in open(os.path.join(work, name)):
        r = json.loads(line)
        if "file" in r:
            reports[os.path.basename(r["file"])] = r
    return reports
text, scans = load("text.jsonl"), load("scans.jsonl")
def key(f):
    return (f["category"], f["negated"], json.dumps(f["values"], sort_keys=True))
rows = collections.defaultdict(lambda: collections.Counter())
misses = []
for name, scan in sorted(scans.items()):
    base, kind, ext = re.match(r"(.*)-(skann|fax|foto)\.(pdf|jpg|heic)$", name).groups()
    # A photo file shows the first page only.
    kind = kind if ext == "pdf" else ext
    ref = text.get(base + ".pdf")
    if not ref or ref["status"] != "ok":
        continue
    row = rows[kind]
    row["documents"] += 1
    want = collections.Counter(key(f) for f in ref["findings"] if ext == "pdf" or f["location"]["page"] == 1)
    if scan["status"] != "ok":
        row["errors"] += 1
        got = collections.Counter()
    else:
        got = collections.Counter(key(f) for f in scan["findings"])
        row["confidence"] += sum(p["confidence"] for p in scan["ocr_pages"]) / max(1, len(scan["ocr_pages"]))
        row["risk same"] += scan["risk"] == ref["risk"]
    row["findings"] += sum(want.values())
    row["same"] += sum((want & got).values())
    row["extra"] += sum((got - want).values())
    row["documents same"] += want == got
    for k in (want - got):
        misses.append(f"{name}: missing {k}")
    for k in (got - want):
        misses.append(f"{name}: extra {k}")
print("| copy | documents | findings in the text version | same category and values | extra in the copy | documents with exactly the same findings | same risk | errors | mean OCR confidence |")
print("|---|---|---|---|---|---|---|---|---|")
total = collections.Counter()
for kind in ("skann", "fax", "foto", "jpg"):
    r = rows[kind]
    total.update(r)
    ok = r["documents"] - r["errors"]
    print(f"| {kind} | {r['documents']} | {r['findings']} | {r['same']} ({100*r['same']/max(1,r['findings']):.1f} %) | {r['extra']} | {r['documents same']} ({100*r['documents same']/max(1,r['documents']):.1f} %) | {r['risk same']} | {r['errors']} | {r['confidence']/max(1,ok):.1f} |")
t = total
print(f"| all | {t['documents']} | {t['findings']} | {t['same']} ({100*t['same']/max(1,t['findings']):.1f} %) | {t['extra']} | {t['documents same']} ({100*t['documents same']/max(1,t['documents']):.1f} %) | {t['risk same']} | {t['errors']} | |")
print()
print("\n".join(misses))
PY
