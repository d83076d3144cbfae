//! Dumps everything the clause engine finds on every text the project has, one JSON line per
//! text: the engine's matches and the assessed findings (clause sets, the category files'
//! examples) or the whole report (the contracts of fixtures/, fixtures/corpus and
//! fixtures/heldout). Diff two dumps to check that a change to the engine leaves its output
//! exactly as it was:
//!
//! `cargo run --release -p kontrakt-devtools --example dump_findings > after.jsonl`
//!
//! The held-out sets (`heldout*`) are left out, so that tuning never reads them; `--all` takes
//! them in, for a refactoring that must leave every output as it was. With `-`, it reads one
//! text from standard input instead (one paragraph per line, as in the clause sets) and prints
//! what the engine finds in it, for trying a wording out; with `--why`, it prints each sentence
//! of that text with the rules tried there and why each gave no finding (`engine::explain`),
//! and the concepts the rules read in it.

use std::io::Write;
use std::path::{Path, PathBuf};

use kontrakt::date::Date;
use kontrakt::extract::{Document, Page};
use kontrakt::i18n::Lang;
use kontrakt::normalize::Text;
use kontrakt::patterns::Patterns;
use kontrakt::segment::Segments;
use kontrakt::{engine, normalize, segment, Config};
use serde_json::{json, Value};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn sorted(dir: &Path, keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| keep(p))
        .collect();
    files.sort();
    files
}

/// A text as the clause-set tests read it: one paragraph per line, tabs as cell separators.
fn document(text: &str) -> Document {
    Document { paged: false, pages: vec![Page { paragraphs: text.lines().map(|l| l.replace('\t', " | ")).collect() }] }
}

/// A document normalized and cut into sentences, as the engine reads it.
fn read(patterns: &Patterns, doc: &Document) -> (Text, Segments) {
    let normalized = normalize::normalize(doc);
    let seg = segment::segment(&normalized, &patterns.sentences);
    (normalized, seg)
}

/// The engine's matches and the assessed findings of a text read as [`document`] reads it.
fn text_line(patterns: &Patterns, source: &str, text: &str) -> Value {
    let doc = document(text);
    let (normalized, seg) = read(patterns, &doc);
    let matches: Vec<String> = engine::find(patterns, &normalized, &seg).iter().map(|m| format!("{m:?}")).collect();
    let findings: Vec<Value> = kontrakt::analyze_document(&doc, patterns, Lang::Nb)
        .findings
        .iter()
        .map(|f| {
            json!({
                "finding": f,
                "matched": f.matched,
                "in_paragraph": f.in_paragraph,
                "quoted": f.quoted,
                "flags": f.flags,
            })
        })
        .collect();
    json!({ "source": source, "matches": matches, "findings": findings })
}

fn main() {
    let patterns = Patterns::builtin().expect("built-in patterns");
    let out = std::io::stdout();
    let mut out = out.lock();
    let arg = std::env::args().nth(1);
    if arg.as_deref() == Some("-") {
        let text = std::io::read_to_string(std::io::stdin()).expect("a text on standard input");
        let line = text_line(&patterns, "-", &text);
        writeln!(out, "{}", serde_json::to_string_pretty(&line).unwrap()).unwrap();
        return;
    }
    if arg.as_deref() == Some("--why") {
        let text = std::io::read_to_string(std::io::stdin()).expect("a text on standard input");
        let (normalized, seg) = read(&patterns, &document(&text));
        let (matches, tried) = engine::explain(&patterns, &normalized, &seg);
        let concepts = engine::concepts(&patterns, &normalized);
        for (i, s) in seg.sentences.iter().enumerate() {
            writeln!(out, "[{i}] {}", normalized.string[s.start..s.end].trim()).unwrap();
            for m in matches.iter().filter(|m| m.sentence == i) {
                let denied = if m.negated { " (denied)" } else { "" };
                writeln!(out, "    FOUND {}{denied} {:?}", m.rule, m.values).unwrap();
            }
            for t in tried.iter().filter(|t| t.sentence == i) {
                writeln!(out, "    tried {}: {:?}", t.rule, t.why).unwrap();
            }
            // The concepts are in text order: each sentence's run is found by halving.
            let from = concepts.partition_point(|(_, r)| r.start < s.start);
            let to = concepts.partition_point(|(_, r)| r.start < s.end);
            let here: Vec<String> = concepts[from..to]
                .iter()
                .map(|(name, r)| format!("{name}«{}»", &normalized.string[r.clone()]))
                .collect();
            writeln!(out, "    concepts: {}", here.join(" ")).unwrap();
        }
        return;
    }
    let all = match arg.as_deref() {
        None => false,
        Some("--all") => true,
        Some(other) => {
            eprintln!("dump_findings: {other}: the arguments are - or --why (a text on standard input) or --all");
            std::process::exit(2);
        }
    };
    // A held-out set is named heldout, heldout2, ...
    let shown = |p: &Path| all || !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("heldout"));
    let root = root();
    let toml_files = |dir: &Path| sorted(dir, |p| p.extension().is_some_and(|e| e == "toml"));
    for set in sorted(&root.join("fixtures/clauses"), |p| p.is_dir() && shown(p)) {
        for file in toml_files(&set) {
            let parsed: toml::Value = toml::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
            for (i, item) in parsed["item"].as_array().unwrap().iter().enumerate() {
                let source = format!("{}#{i}", file.strip_prefix(&root).unwrap().display());
                writeln!(out, "{}", text_line(&patterns, &source, item["text"].as_str().unwrap())).unwrap();
            }
        }
    }
    for file in toml_files(&root.join("patterns")) {
        let parsed: toml::Value = toml::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        let Some(examples) = parsed.get("examples") else { continue };
        let no_match =
            examples.get("no_match").and_then(|v| v.as_array()).into_iter().flatten().filter_map(|v| v.as_str());
        let matching =
            examples.get("match").and_then(|v| v.as_array()).into_iter().flatten().filter_map(|v| v["text"].as_str());
        for (i, text) in no_match.chain(matching).enumerate() {
            let source = format!("{}#{i}", file.strip_prefix(&root).unwrap().display());
            writeln!(out, "{}", text_line(&patterns, &source, text)).unwrap();
        }
    }
    let mut config = Config::new(patterns);
    config.notice_given = Date::new(2026, 11, 24).unwrap();
    config.timeout = None;
    let contract = |p: &Path| p.extension().is_some_and(|e| e == "txt" || e == "docx" || e == "pdf");
    for dir in ["fixtures", "fixtures/corpus", "fixtures/heldout"].into_iter().filter(|d| shown(Path::new(d))) {
        for file in sorted(&root.join(dir), contract) {
            let report = kontrakt::analyze(&file, &config);
            let source = file.strip_prefix(&root).unwrap().display().to_string();
            writeln!(out, "{}", json!({ "source": source, "report": report })).unwrap();
        }
    }
}
