//! Per-stage benchmarks: extraction per format and document, the lexicon scan and the whole
//! engine in bytes per second over the corpus texts, loading the patterns, and assessment.
//!
//! `cargo bench -p kontrakt-devtools`; throughput figures are per core (one thread).

use std::path::{Path, PathBuf};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use kontrakt::extract::{docx, pdf, text, Limits};
use kontrakt::i18n::Lang;
use kontrakt::patterns::Patterns;
use kontrakt::{assess, engine, normalize, segment};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures").join(name)).expect("fixture")
}

fn corpus_files(ext: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fixtures/corpus");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files
}

fn extraction(c: &mut Criterion) {
    let mut g = c.benchmark_group("extract");
    let pdf_bytes = fixture("avtale-bokmal.pdf");
    let docx_bytes = fixture("avtale-bokmal.docx");
    let txt_bytes = fixture("avtale-bokmal.txt");
    g.bench_function("pdf (2 pages)", |b| b.iter(|| pdf::extract(&pdf_bytes).unwrap()));
    g.bench_function("docx", |b| b.iter(|| docx::extract(&docx_bytes, &Limits::default()).unwrap()));
    g.bench_function("txt", |b| b.iter(|| text::extract(&txt_bytes).unwrap()));
    g.finish();
}

/// The corpus documents, extracted, normalized and segmented once.
fn prepared(patterns: &Patterns) -> Vec<(normalize::Text, segment::Segments)> {
    let mut docs = Vec::new();
    for path in corpus_files("txt").into_iter().chain(corpus_files("docx")).chain(corpus_files("pdf")) {
        let bytes = std::fs::read(&path).unwrap();
        let doc = match path.extension().and_then(|e| e.to_str()) {
            Some("pdf") => pdf::extract(&bytes),
            Some("docx") => docx::extract(&bytes, &Limits::default()),
            _ => text::extract(&bytes),
        }
        .unwrap();
        let text = normalize::normalize(&doc);
        let seg = segment::segment(&text, &patterns.sentences);
        docs.push((text, seg));
    }
    docs
}

fn matching(c: &mut Criterion) {
    let patterns = Patterns::builtin().unwrap();
    let docs = prepared(&patterns);
    let bytes: usize = docs.iter().map(|(t, _)| t.string.len()).sum();
    let mut g = c.benchmark_group("match");
    g.throughput(Throughput::Bytes(bytes as u64));
    // The one scan for every word form of the lexicon, alone.
    g.bench_function("lexicon scan", |b| {
        b.iter(|| docs.iter().map(|(t, _)| patterns.lexicon.scan(&t.string).occurrences.len()).sum::<usize>())
    });
    g.bench_function(format!("whole engine, corpus ({} documents)", docs.len()), |b| {
        b.iter(|| docs.iter().map(|(t, s)| engine::find(&patterns, t, s).len()).sum::<usize>())
    });
    g.bench_function("normalize + segment + match", |b| {
        b.iter_batched(
            || (),
            |_| {
                docs.iter()
                    .map(|(t, _)| {
                        let doc = kontrakt::extract::Document {
                            paged: false,
                            pages: vec![kontrakt::extract::Page {
                                paragraphs: t.string.lines().map(str::to_string).collect(),
                            }],
                        };
                        kontrakt::analyze_document(&doc, &patterns, Lang::Nb).findings.len()
                    })
                    .sum::<usize>()
            },
            BatchSize::SmallInput,
        )
    });
    g.finish();
    // One paragraph of many clauses: what a sentence asks of its paragraph and the struck-out
    // marks before each finding are read once for the paragraph, so the cost grows with its
    // length, not with its square.
    let paragraph = "Prøvetiden din er seks måneder. ".repeat(5000);
    let doc = kontrakt::extract::Document {
        paged: false,
        pages: vec![kontrakt::extract::Page { paragraphs: vec![paragraph.trim_end().to_string()] }],
    };
    let text = normalize::normalize(&doc);
    let seg = segment::segment(&text, &patterns.sentences);
    let mut g = c.benchmark_group("match");
    g.throughput(Throughput::Bytes(text.string.len() as u64));
    g.bench_function("one paragraph of 5 000 clauses", |b| b.iter(|| engine::find(&patterns, &text, &seg).len()));
    g.finish();
    c.bench_function("load the built-in patterns", |b| b.iter(|| Patterns::builtin().unwrap().rules.len()));
}

fn assessment(c: &mut Criterion) {
    let patterns = Patterns::builtin().unwrap();
    let docs = prepared(&patterns);
    let matches: Vec<_> = docs.iter().map(|(t, s)| engine::find(&patterns, t, s)).collect();
    c.bench_function("assess (corpus, per batch of 48)", |b| {
        b.iter_batched(
            || matches.clone(),
            |ms| {
                ms.into_iter().zip(&docs).map(|(m, (t, s))| assess::overall(&assess::findings(m, t, s, Lang::Nb))).max()
            },
            BatchSize::SmallInput,
        )
    });
}

criterion_group!(benches, extraction, matching, assessment);
criterion_main!(benches);
