#!/usr/bin/env python3
"""Scores the labelled contract sets in the formats people make them, not only in the one
format each gold entry names.

    scripts/eval-gold.py DIR [SET...] [-v]

DIR is what scripts/gen-realistic.py wrote for the same SETs (corpus and heldout unless named):
DIR/txt/SET-NAME.txt, DIR/docx/SET-NAME.docx and DIR/pdf/SET-NAME-{lo1,lo2,rl1,rl2}.pdf. Every
file is checked with the release binary (KONTRAKT, default target/release/kontrakt) and scored
against fixtures/SET/gold.toml as tests/corpus.rs does: precision, recall and F1 over
(document, category, negated), and the share of stated values read right, per variant.
-v lists every miss.
"""

import glob
import json
import os
import subprocess
import sys
import tomllib


def variant(path):
    base = os.path.basename(path).rsplit(".", 1)[0]
    ext = path.rsplit(".", 1)[1]
    if ext == "pdf":
        stem, kind = base.rsplit("-", 1)
        return stem, kind
    return base, ext


def duration(s):
    n, unit = s.split()
    return float(n), unit


def value_ok(key, want, findings):
    for f in findings:
        v = f["values"]
        if key == "duration" and "duration" in v:
            if (float(v["duration"]["value"]), v["duration"]["unit"]) == duration(want):
                return True
        if key == "amount" and "amount" in v:
            n, cur = want.split()
            if float(v["amount"]["value"]) == float(n) and v["amount"]["currency"] == cur:
                return True
        if key == "date" and v.get("date") == want:
            return True
    return False


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    verbose = "-v" in sys.argv
    out, sets = args[0], args[1:] or ["corpus", "heldout"]
    gold = {}
    for s in sets:
        for d in tomllib.load(open(f"fixtures/{s}/gold.toml", "rb"))["doc"]:
            gold[f"{s}-{d['src'][:-4]}"] = d.get("expect", {})
    files = sorted(p for sub in ("txt", "docx", "pdf") for p in glob.glob(f"{out}/{sub}/*")
                   if variant(p)[0] in gold)
    binary = os.environ.get("KONTRAKT", "target/release/kontrakt")
    run = subprocess.run([binary, "sjekk", "--format", "jsonl", *files], capture_output=True, text=True)
    scores = {}
    for line in run.stdout.splitlines():
        r = json.loads(line)
        if "file" not in r:
            continue
        stem, kind = variant(r["file"])
        s = scores.setdefault(kind, {"tp": 0, "fp": 0, "fn": 0, "vt": 0, "vr": 0, "err": 0, "miss": []})
        if r["status"] != "ok":
            s["err"] += 1
            s["miss"].append(f"ERROR {stem}: {r['error']}")
            continue
        expect = {(c, bool(e.get("negated", False))): e for c, e in gold[stem].items()}
        found = {}
        for f in r["findings"]:
            found.setdefault((f["category"], f["negated"]), []).append(f)
        for key, fs in found.items():
            if key in expect:
                s["tp"] += 1
            else:
                s["fp"] += 1
                s["miss"].append(f"FP {stem} {key[0]}{' (negated)' if key[1] else ''} [{fs[0]['rule']}]: {fs[0]['text'][:160]}")
        for key, e in expect.items():
            if key not in found:
                s["fn"] += 1
                s["miss"].append(f"FN {stem} {key[0]}{' (negated)' if key[1] else ''}")
                continue
            for k in ("duration", "amount", "date"):
                if k in e:
                    s["vt"] += 1
                    if value_ok(k, e[k], found[key]):
                        s["vr"] += 1
                    else:
                        got = " / ".join(json.dumps(f["values"], ensure_ascii=False) for f in found[key])
                        s["miss"].append(f"VALUE {stem} {key[0]}: expected {e[k]}, got {got}")
    print(f"{'variant':<8} {'docs':>5} {'errors':>6} {'precision':>9} {'recall':>7} {'f1':>6} {'values':>12}")
    for kind, s in sorted(scores.items()):
        p = s["tp"] / max(1, s["tp"] + s["fp"])
        rc = s["tp"] / max(1, s["tp"] + s["fn"])
        f1 = 2 * p * rc / max(1e-9, p + rc)
        docs = sum(1 for f in files if variant(f)[1] == kind)
        print(f"{kind:<8} {docs:>5} {s['err']:>6} {p:>9.3f} {rc:>7.3f} {f1:>6.3f} {s['vr']:>5}/{s['vt']:<3} {s['vr'] / max(1, s['vt']):.3f}")
    if verbose:
        for kind, s in sorted(scores.items()):
            for m in s["miss"]:
                print(f"  {kind}: {m}")


if __name__ == "__main__":
    main()
