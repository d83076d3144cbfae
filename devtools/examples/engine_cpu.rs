//! The clause engine's speed in CPU time, which a shared, loaded machine distorts far less than
//! the wall clock criterion measures: runs the lexicon scan or the whole engine over the corpus
//! texts N times on one thread and prints the CPU time per pass and the bytes per CPU second;
//! `load` instead builds the built-in grammar N times and prints the CPU time per load.
//!
//! `cargo run --release -p kontrakt-devtools --example engine_cpu -- [N] [scan|engine|load]`

use std::path::Path;

use kontrakt::extract::{docx, pdf, text, Limits};
use kontrakt::patterns::Patterns;
use kontrakt::{engine, normalize, segment};

/// This process's user and system CPU time in seconds (Linux, in clock ticks of 1/100 s).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").expect("/proc/self/stat");
    // The fields after the command name, which is in brackets and may hold spaces.
    let fields: Vec<&str> = stat.rsplit(')').next().unwrap_or_default().split_whitespace().collect();
    let ticks = |k: usize| fields[k].parse::<f64>().expect("a tick count");
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let mut args = std::env::args().skip(1);
    let passes: usize = args.next().map_or(500, |a| a.parse().expect("N: a number of passes"));
    let mode = args.next().unwrap_or_default();
    if mode == "load" {
        let start = cpu_seconds();
        let rules: usize = (0..passes).map(|_| Patterns::builtin().expect("built-in patterns").rules.len()).sum();
        let cpu = cpu_seconds() - start;
        println!(
            "load the built-in grammar ({} rules), {passes} times: {:.2} ms CPU per load",
            rules / passes,
            cpu * 1e3 / passes as f64
        );
        return;
    }
    let scan_only = mode == "scan";
    let patterns = Patterns::builtin().expect("built-in patterns");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/corpus");
    let mut files: Vec<_> = std::fs::read_dir(dir).expect("corpus").filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    // The corpus texts as the benchmark has them: text, then DOCX, then PDF.
    let mut docs = Vec::new();
    for ext in ["txt", "docx", "pdf"] {
        for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == ext)) {
            let bytes = std::fs::read(path).expect("a corpus file");
            let doc = match ext {
                "pdf" => pdf::extract(&bytes),
                "docx" => docx::extract(&bytes, &Limits::default()),
                _ => text::extract(&bytes),
            }
            .expect("extraction");
            let text = normalize::normalize(&doc);
            let seg = segment::segment(&text, &patterns.sentences);
            docs.push((text, seg));
        }
    }
    let bytes: usize = docs.iter().map(|(t, _)| t.string.len()).sum();
    let start = cpu_seconds();
    let mut found = 0;
    for _ in 0..passes {
        for (text, seg) in &docs {
            found += if scan_only {
                patterns.lexicon.scan(&text.string).occurrences.len()
            } else {
                engine::find(&patterns, text, seg).len()
            };
        }
    }
    let cpu = cpu_seconds() - start;
    println!(
        "{} over {} documents ({bytes} bytes), {passes} passes, {found} found: {:.3} ms CPU per pass, {:.1} MiB/s per core",
        if scan_only { "lexicon scan" } else { "whole engine" },
        docs.len(),
        cpu * 1e3 / passes as f64,
        (bytes * passes) as f64 / cpu / 1048576.0
    );
}
