//! Mutation fuzzing on stable Rust: seed inputs (the fixture contracts, value expressions) are
//! mutated by a deterministic xorshift generator and fed to
//! - the DOCX reader, in process: it must never panic;
//! - the PDF path, through the worker pool: every input must give a result or a file error
//!   within the deadline, whatever pdf-extract does;
//! - the value parsers: never panic, spans in bounds, on character boundaries, in order and
//!   non-overlapping.
//!
//! A normal test run does a few seconds per target. `FUZZ_SECONDS=600` runs each target for
//! that long, `FUZZ_SEED=n` changes the generator's seed, `FUZZ_WORKER_EXE` names the binary
//! the PDF workers run; the number of executions and the
//! outcomes are printed (`cargo test --release --test fuzz -- --nocapture`). An input that
//! fails a target is written to the test's temporary folder and named in the failure.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use kontrakt::extract::worker::{WorkerLimits, WorkerPool};
use kontrakt::extract::{docx, Extractor, Limits};
use kontrakt::source::{Format, Source};
use kontrakt::values::{amounts, dates, durations};

/// Largest mutated input kept in the corpus.
const MAX_INPUT: usize = 1 << 20;

/// How long one target runs, and how many executions it does at least.
struct Budget {
    seconds: Option<u64>,
    executions: u64,
}

impl Budget {
    fn from_env(executions: u64) -> Budget {
        let seconds = std::env::var("FUZZ_SECONDS").ok().map(|s| s.parse().expect("FUZZ_SECONDS is a number"));
        Budget { seconds, executions }
    }

    fn done(&self, start: Instant, executed: u64) -> bool {
        match self.seconds {
            Some(s) => start.elapsed() >= Duration::from_secs(s),
            None => executed >= self.executions,
        }
    }
}

/// xorshift64*: small, fast and reproducible.
struct Rng(u64);

impl Rng {
    fn from_env() -> Rng {
        let seed = std::env::var("FUZZ_SEED").ok().map_or(0x9E37_79B9_7F4A_7C15, |s| s.parse().expect("FUZZ_SEED"));
        Rng(seed | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Applies one to four byte-level mutations, drawing inserted tokens from `dictionary` and
/// spliced chunks from `others`.
fn mutate(rng: &mut Rng, input: &[u8], dictionary: &[&[u8]], others: &[Vec<u8>]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(8) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] = *rng.pick(&[0, 0xFF, 0x7F, 0x80, b'0', b'9', b'<', b'>', b'(', b')', b'\n', b' ']);
            }
            2 => {
                let token = *rng.pick(dictionary);
                out.splice(at..at, token.iter().copied());
            }
            3 if at < out.len() => {
                let end = (at + 1 + rng.below(64)).min(out.len());
                out.drain(at..end);
            }
            4 if at < out.len() => {
                let end = (at + 1 + rng.below(256)).min(out.len());
                let chunk = out[at..end].to_vec();
                let to = rng.below(out.len() + 1);
                out.splice(to..to, chunk);
            }
            5 => {
                let other = rng.pick(others);
                let from = rng.below(other.len());
                let end = (from + 1 + rng.below(512)).min(other.len());
                out.splice(at..at, other[from..end].iter().copied());
            }
            6 => out.truncate(at),
            _ => {
                let number = *rng.pick(&["0", "-1", "999999999", "4294967296", "1e308", "0.5", "-0"]);
                out.splice(at..at, number.bytes());
            }
        }
    }
    out.truncate(MAX_INPUT);
    out
}

/// Runs `target` on mutations of `seeds` until the budget is spent. The target returns an
/// outcome label (its result kind) or an error that fails the run; inputs with an outcome not
/// seen before join the corpus, a crude stand-in for coverage feedback.
fn fuzz(
    name: &str,
    seeds: Vec<Vec<u8>>,
    dictionary: &[&[u8]],
    budget: Budget,
    mut target: impl FnMut(&[u8]) -> Result<String, String>,
) {
    assert!(!seeds.is_empty(), "{name}: no seeds");
    let mut rng = Rng::from_env();
    let mut corpus = seeds.clone();
    let mut outcomes: BTreeMap<String, u64> = BTreeMap::new();
    let start = Instant::now();
    let mut executed = 0u64;
    while !budget.done(start, executed) {
        let base = rng.pick(&corpus).clone();
        let input = mutate(&mut rng, &base, dictionary, &seeds);
        let outcome = match catch_unwind(AssertUnwindSafe(|| target(&input))) {
            Ok(Ok(outcome)) => outcome,
            Ok(Err(problem)) => fail(name, executed, &input, &problem),
            Err(_) => fail(name, executed, &input, "panicked"),
        };
        executed += 1;
        let count = outcomes.entry(outcome).or_default();
        if *count == 0 && corpus.len() < 4096 {
            corpus.push(input);
        }
        *count += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    eprintln!("fuzz {name}: {executed} executions in {secs:.1} s ({:.0}/s)", executed as f64 / secs);
    for (outcome, count) in &outcomes {
        eprintln!("  {count:>9}  {outcome}");
    }
}

fn fail(name: &str, executed: u64, input: &[u8], problem: &str) -> ! {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("fuzz-{name}-{executed}.bin"));
    std::fs::write(&path, input).expect("saves the failing input");
    panic!("fuzz {name}: {problem} on input {executed}, saved as {}", path.display());
}

fn fixtures(ext: &str) -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files: Vec<PathBuf> = [root.clone(), root.join("corpus")]
        .iter()
        .flat_map(|dir| std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()))
        .filter(|p| p.extension().is_some_and(|e| e == ext))
        .collect();
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

/// The outcome label of an extraction: "ok" or the error kind, plus a coarse detail.
fn label(result: &Result<kontrakt::extract::Document, kontrakt::error::FileError>) -> String {
    match result {
        Ok(_) => "ok".into(),
        Err(e) => {
            let detail: String = e.detail.chars().take_while(|c| !c.is_ascii_digit()).take(50).collect();
            format!("{}: {detail}", e.kind.as_str())
        }
    }
}

/// The DOCX seeds, plus copies whose parts are stored uncompressed after a mutation of their
/// XML, so that mutations reach the XML walker instead of failing the zip checksum.
fn docx_corpus(rng: &mut Rng, seeds: &[Vec<u8>], dictionary: &[&[u8]]) -> Vec<Vec<u8>> {
    let mut out = seeds.to_vec();
    for seed in seeds {
        let mut zip = zip::ZipArchive::new(Cursor::new(seed)).unwrap();
        let mut parts = Vec::new();
        for i in 0..zip.len() {
            let mut file = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            file.read_to_end(&mut data).unwrap();
            parts.push((file.name().unwrap().to_string(), data));
        }
        for _ in 0..8 {
            let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
            let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
            for (name, data) in &parts {
                writer.start_file(name.as_str(), stored).unwrap();
                let data =
                    if name.ends_with("document.xml") { mutate(rng, data, dictionary, seeds) } else { data.to_vec() };
                writer.write_all(&data).unwrap();
            }
            out.push(writer.finish().unwrap().into_inner());
        }
    }
    out
}

#[test]
fn fuzz_docx_reader() {
    const DICTIONARY: &[&[u8]] = &[
        b"<w:p>",
        b"</w:p>",
        b"<w:r><w:t>",
        b"</w:t></w:r>",
        b"<w:tbl><w:tr><w:tc>",
        b"</w:tc></w:tr></w:tbl>",
        b"<mc:AlternateContent><mc:Choice>",
        b"<w:del>",
        b"&amp;",
        b"&#0;",
        b"&#xD800;",
        b"&#x110000;",
        b"&lol;",
        b"<![CDATA[",
        b"<!DOCTYPE x [<!ENTITY a \"b\">]>",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
        b"PK\x03\x04",
        b"PK\x01\x02",
        b"PK\x05\x06",
        b"word/document.xml",
        b"_rels/.rels",
    ];
    let mut rng = Rng::from_env();
    let seeds = docx_corpus(&mut rng, &fixtures("docx"), DICTIONARY);
    let limits = Limits { max_part_bytes: 8 << 20, max_total_bytes: 16 << 20, timeout: Some(Duration::from_secs(5)) };
    fuzz("docx", seeds, DICTIONARY, Budget::from_env(3000), |input| {
        let start = Instant::now();
        let result = docx::extract(input, &limits);
        if start.elapsed() > Duration::from_secs(10) {
            return Err(format!("took {:?}", start.elapsed()));
        }
        if let Ok(doc) = &result {
            let chars: usize = doc.pages.iter().flat_map(|p| &p.paragraphs).map(String::len).sum();
            if chars > input.len() * 4 + 1024 {
                return Err(format!("{chars} bytes of text from {} bytes", input.len()));
            }
        }
        Ok(label(&result))
    });
}

#[test]
fn fuzz_pdf_through_workers() {
    const DICTIONARY: &[&[u8]] = &[
        b" 0 R ",
        b" 1 0 R ",
        b"<<",
        b">>",
        b"[",
        b"]",
        b"(",
        b")",
        b"/Parent 2 0 R ",
        b"/Kids [6 0 R] ",
        b"/Length 999999999 ",
        b"/Filter /FlateDecode ",
        b"/Type /XObject /Subtype /Form ",
        b"/Resources << /XObject << /X 7 0 R >> >> ",
        b"/X Do ",
        b"BT ",
        b"ET ",
        b"Tj ",
        b"TJ ",
        b"Tf ",
        b"/F1 11 Tf ",
        b"stream\n",
        b"endstream",
        b"endobj",
        b"xref\n",
        b"trailer",
        b"startxref",
        b"%%EOF",
        b"/Encrypt 5 0 R ",
    ];
    let timeout = Duration::from_secs(5);
    let limits = WorkerLimits { timeout, memory: 512 << 20 };
    // FUZZ_WORKER_EXE lets a long run use a copy of the binary that a rebuild cannot replace.
    let exe = std::env::var_os("FUZZ_WORKER_EXE").unwrap_or_else(|| env!("CARGO_BIN_EXE_kontrakt").into());
    let pool = WorkerPool::new(exe.into(), 2, limits).unwrap();
    fuzz("pdf", fixtures("pdf"), DICTIONARY, Budget::from_env(150), |input| {
        let source = Source { path: "fuzz.pdf".into(), format: Format::Pdf, bytes: input.to_vec() };
        let start = Instant::now();
        let result = pool.extract(&source);
        if start.elapsed() > timeout + Duration::from_secs(3) {
            return Err(format!("the deadline did not hold: {:?}", start.elapsed()));
        }
        Ok(label(&result))
    });
}

#[test]
fn fuzz_value_parsers() {
    const DICTIONARY: &[&[u8]] = &[
        "måneder".as_bytes(),
        " uker".as_bytes(),
        " år".as_bytes(),
        " dager".as_bytes(),
        "tre (3) ".as_bytes(),
        "halvannet ".as_bytes(),
        " og en halv".as_bytes(),
        "kr ".as_bytes(),
        " NOK".as_bytes(),
        ",-".as_bytes(),
        ",–".as_bytes(),
        " 000".as_bytes(),
        "1. mars 2026".as_bytes(),
        "31.12.2025".as_bytes(),
        "2026-02-29".as_bytes(),
        "«".as_bytes(),
        "–".as_bytes(),
        "\u{a0}".as_bytes(),
        "\u{301}".as_bytes(),
        "ǅ".as_bytes(),
        "İ".as_bytes(),
        "ß".as_bytes(),
        "🙂".as_bytes(),
    ];
    let mut seeds: Vec<Vec<u8>> = [
        "Oppsigelsesfristen er tre (3) måneder, prøvetid 6 mnd.",
        "Bindingstid på 2 år og en halv måned; kr 50 000,- i erstatning.",
        "Tiltredelse 1. mars 2026. Lønn NOK 612 500 per år, EUR 1.500,50.",
        "Notice period: one and a half years, USD 10,000.00, from 2026-03-01.",
        "Oppseiingstida er ein månad frå 01.02.2026, 14 dagar, 1,5 år.",
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    for text in fixtures("txt") {
        seeds.extend(String::from_utf8_lossy(&text).lines().filter(|l| l.len() > 20).map(|l| l.as_bytes().to_vec()));
    }
    fuzz("values", seeds, DICTIONARY, Budget::from_env(20_000), |input| {
        let text = String::from_utf8_lossy(input);
        let spans = [
            ("duration", durations(&text).iter().map(|f| (f.start, f.end)).collect::<Vec<_>>()),
            ("amount", amounts(&text).iter().map(|f| (f.start, f.end)).collect()),
            ("date", dates(&text).iter().map(|f| (f.start, f.end)).collect()),
        ];
        let mut found = 0;
        for (what, spans) in spans {
            let mut previous_end = 0;
            for (start, end) in spans {
                let ok = start < end
                    && end <= text.len()
                    && text.is_char_boundary(start)
                    && text.is_char_boundary(end)
                    && start >= previous_end;
                if !ok {
                    return Err(format!("{what} span {start}..{end} (previous end {previous_end}) in {text:?}"));
                }
                previous_end = end;
                found += 1;
            }
        }
        Ok(format!("{} values", found.min(5)))
    });
}
