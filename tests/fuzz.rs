//! Mutation fuzzing on stable Rust: seed inputs (the fixture contracts, value expressions) are
//! mutated by a deterministic xorshift generator and fed to
//! - the DOCX reader, in process: it must never panic;
//! - the PDF path, through the worker pool: every input must give a result or a file error
//!   within the deadline, whatever pdf-extract does;
//! - the value parsers: never panic, spans in bounds, on character boundaries, in order and
//!   non-overlapping;
//! - the whole text pipeline, from bytes through the text reader to findings: never panic,
//!   every quote taken from the normalized text where its location says, and at most
//!   [`TEXT_CPU_LIMIT`] of CPU per input of at most 64 KiB.
//!
//! A normal test run does a few hundred milliseconds per target. `FUZZ_SECONDS=600` runs each
//! target for that long, `FUZZ_SEED=n` changes the generator's seed, `FUZZ_WORKER_EXE` names
//! the binary the PDF workers run; the number of executions and the
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

/// Runs `target` on byte-level mutations of `seeds` until the budget is spent (see
/// [`fuzz_with`]).
fn fuzz(
    name: &str,
    seeds: Vec<Vec<u8>>,
    dictionary: &[&[u8]],
    budget: Budget,
    target: impl FnMut(&[u8]) -> Result<String, String>,
) {
    let others = seeds.clone();
    fuzz_with(name, seeds, |rng, input| mutate(rng, input, dictionary, &others), budget, target);
}

/// Runs `target` on inputs that `mutator` makes from the corpus until the budget is spent. The
/// target returns an outcome label (its result kind) or an error that fails the run; inputs
/// with an outcome not seen before join the corpus, a crude stand-in for coverage feedback.
fn fuzz_with(
    name: &str,
    seeds: Vec<Vec<u8>>,
    mut mutator: impl FnMut(&mut Rng, &[u8]) -> Vec<u8>,
    budget: Budget,
    mut target: impl FnMut(&[u8]) -> Result<String, String>,
) {
    assert!(!seeds.is_empty(), "{name}: no seeds");
    let mut rng = Rng::from_env();
    let mut corpus = seeds;
    let mut outcomes: BTreeMap<String, u64> = BTreeMap::new();
    let start = Instant::now();
    let mut executed = 0u64;
    while !budget.done(start, executed) {
        let base = rng.pick(&corpus).clone();
        let input = mutator(&mut rng, &base);
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
    let sums = kontrakt::patterns::Patterns::builtin().unwrap().bare_sums;
    fuzz("values", seeds, DICTIONARY, Budget::from_env(20_000), |input| {
        let text = String::from_utf8_lossy(input);
        let spans = [
            ("duration", durations(&text).iter().map(|f| (f.start, f.end)).collect::<Vec<_>>()),
            ("amount", amounts(&text, &sums).iter().map(|f| (f.start, f.end)).collect()),
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

/// Largest input of the text pipeline target, and the CPU time one may take.
const MAX_TEXT_INPUT: usize = 64 << 10;
const TEXT_CPU_LIMIT: Duration = Duration::from_secs(2);

/// The texts of the clause sets' items (fixtures/clauses), one seed each.
fn clause_items() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/clauses");
    let mut items = Vec::new();
    for set in ["tune", "heldout"] {
        for lang in ["nb", "nn", "en"] {
            let file: toml::Table =
                std::fs::read_to_string(root.join(set).join(format!("{lang}.toml"))).unwrap().parse().unwrap();
            for item in file["item"].as_array().unwrap() {
                items.push(item["text"].as_str().unwrap().trim().as_bytes().to_vec());
            }
        }
    }
    items
}

/// The marked-up corpus sources (fixtures/corpus/src) and the three fixture contracts.
fn contract_texts() -> Vec<Vec<u8>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(root.join("corpus/src")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut texts: Vec<Vec<u8>> = files.iter().map(|p| std::fs::read(p).unwrap()).collect();
    texts.extend(fixtures("txt").into_iter().take(3));
    texts
}

/// What text files hold that a contract's author did not mean: terminal escapes, C1 controls,
/// form feeds, lone carriage returns, invisible and bidirectional marks, characters NFKC
/// blows up or takes apart.
const CONTROLS: &[&[u8]] = &[
    b"\x1b[2J",
    b"\x1b]0;x\x07",
    b"\x08",
    b"\x7f",
    b"\x0c",
    b"\r",
    b"\t",
    b"\x0b",
    b"\x00",
    "\u{9b}".as_bytes(),
    "\u{85}".as_bytes(),
    "\u{2028}".as_bytes(),
    "\u{feff}".as_bytes(),
    "\u{202e}".as_bytes(),
    "\u{200b}".as_bytes(),
    "\u{ad}".as_bytes(),
    "\u{fdfa}".as_bytes(),
    "\u{301}".as_bytes(),
    "\u{fb01}".as_bytes(),
];

/// Bytes that are not UTF-8: Windows-1252 letters, lone lead and continuation bytes, an
/// encoded surrogate, an overlong slash, a truncated sequence.
const NOT_UTF8: &[&[u8]] =
    &[b"\xe5", b"\xf8", b"\xe6", b"\x96", b"\xff", b"\xc3", b"\x80", b"\xed\xa0\x80", b"\xc0\xaf", b"\xe2\x82"];

/// Mutations of whole texts, then (or instead) the byte-level ones: a clause repeated up to
/// the size limit, the text as one line or as thousands of tiny paragraphs, a long run
/// without a sentence end, control characters, bytes that are not UTF-8, the text as UTF-16.
fn mutate_text(rng: &mut Rng, input: &[u8], clauses: &[Vec<u8>], dictionary: &[&[u8]], others: &[Vec<u8>]) -> Vec<u8> {
    let mut out = input.to_vec();
    let at = rng.below(out.len() + 1);
    let structural = rng.below(10);
    match structural {
        0 | 1 => {
            let clause = rng.pick(clauses).clone();
            let separator = *rng.pick(&[&b" "[..], b"\n", b"\n\n", b". ", b"", b"\t", b" | "]);
            let times = *rng.pick(&[10, 100, 1000, 8000]);
            let mut chunk = Vec::new();
            for _ in 0..times {
                if chunk.len() >= MAX_TEXT_INPUT {
                    break;
                }
                chunk.extend_from_slice(&clause);
                chunk.extend_from_slice(separator);
            }
            out.splice(at..at, chunk);
        }
        2 => out.iter_mut().filter(|b| **b == b'\n').for_each(|b| *b = b' '),
        3 => {
            let unit = *rng.pick(&[
                "a",
                "arbeidstaker ",
                "3 ",
                "§ ",
                "-",
                "(",
                "\"",
                "kr 1 000 ",
                "måneder ",
                "1.1.",
                "ikke ",
                "| ",
                "a) ",
            ]);
            let run = unit.repeat(rng.below(MAX_TEXT_INPUT / unit.len()) + 1);
            out.splice(at..at, run.bytes());
        }
        4 => {
            for _ in 0..1 + rng.below(16) {
                let at = rng.below(out.len() + 1);
                out.splice(at..at, rng.pick(CONTROLS).iter().copied());
            }
        }
        5 => {
            for _ in 0..1 + rng.below(16) {
                let at = rng.below(out.len() + 1);
                out.splice(at..at, rng.pick(NOT_UTF8).iter().copied());
            }
        }
        6 => {
            let text = String::from_utf8_lossy(&out).into_owned();
            let big_endian = rng.below(2) == 0;
            out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
            for unit in text.encode_utf16() {
                out.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
            }
        }
        7 => {
            let end = (at + rng.below(MAX_TEXT_INPUT)).min(out.len());
            let mut exploded = Vec::new();
            for &b in &out[at..end] {
                exploded.extend_from_slice(if b == b' ' { b"\n\n" } else { std::slice::from_ref(&b) });
            }
            out.splice(at..end, exploded);
        }
        8 => out.splice(at..at, rng.pick(clauses).iter().copied()).for_each(drop),
        _ => {}
    }
    if structural >= 8 || rng.below(2) == 0 {
        out = mutate(rng, &out, dictionary, others);
    }
    out.truncate(MAX_TEXT_INPUT);
    out
}

/// CPU time of the calling thread: a bound on the work an input costs, whatever else the
/// machine runs.
fn thread_cpu_time() -> Duration {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: a valid clock id and a valid pointer.
    assert_eq!(unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) }, 0);
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// The invariants of an analysis: paragraphs in order and in bounds, and each finding located
/// in a paragraph that holds its quote where `in_paragraph` says.
fn check_analysis(analysis: &kontrakt::Analysis) -> Result<(), String> {
    let text = &analysis.text;
    let boundary = |s: &str, i: usize| i <= s.len() && s.is_char_boundary(i);
    let mut previous_end = None;
    for (i, p) in text.paragraphs.iter().enumerate() {
        let ordered = previous_end.is_none_or(|end| p.start > end);
        if !(p.start <= p.end && boundary(&text.string, p.start) && boundary(&text.string, p.end) && ordered) {
            return Err(format!("paragraph {i} at {}..{} (previous end {previous_end:?})", p.start, p.end));
        }
        if p.page.is_some() || p.number as usize != i + 1 {
            return Err(format!("paragraph {i} numbered {:?}/{}", p.page, p.number));
        }
        previous_end = Some(p.end);
    }
    for f in &analysis.findings {
        let ((qs, qe), (ms, me), (ps, pe)) = (f.quoted, f.matched, f.in_paragraph);
        if !(qs <= ms && ms <= me && me <= qe && boundary(&f.text, qs) && boundary(&f.text, qe)) {
            return Err(format!("{}: quoted {qs}..{qe}, matched {ms}..{me} in {:?}", f.rule, f.text));
        }
        let quoted = &f.text[qs..qe];
        if !text.string.contains(quoted) {
            return Err(format!("{}: {quoted:?} is not in the normalized text", f.rule));
        }
        if f.text.chars().count() > kontrakt::assess::MAX_QUOTE_CHARS + 4 {
            return Err(format!("{}: a quote of {} characters", f.rule, f.text.chars().count()));
        }
        let number = f.location.paragraph as usize;
        if f.location.page.is_some() || number == 0 || number > text.paragraphs.len() {
            return Err(format!("{}: location {:?} of {} paragraphs", f.rule, f.location, text.paragraphs.len()));
        }
        let paragraph = text.paragraph(number - 1);
        if !(boundary(paragraph, ps) && boundary(paragraph, pe) && ps <= pe && &paragraph[ps..pe] == quoted) {
            return Err(format!("{}: {ps}..{pe} of paragraph {number} {paragraph:?} is not {quoted:?}", f.rule));
        }
    }
    Ok(())
}

#[test]
fn fuzz_text_pipeline() {
    const DICTIONARY: &[&[u8]] = &[
        "prøvetid".as_bytes(),
        "prøvetida".as_bytes(),
        "oppsigelsesfrist".as_bytes(),
        "oppseiingstid".as_bytes(),
        "bindingstid".as_bytes(),
        "konkurranseklausul".as_bytes(),
        "tiltredelse".as_bytes(),
        "trekke seg".as_bytes(),
        "erstatning".as_bytes(),
        "notice period".as_bytes(),
        "non-compete".as_bytes(),
        " ikke ".as_bytes(),
        " not ".as_bytes(),
        "unntatt ".as_bytes(),
        "dersom ".as_bytes(),
        " 3 måneder".as_bytes(),
        "tre (3) ".as_bytes(),
        "kr 50 000,-".as_bytes(),
        "01.03.2027".as_bytes(),
        "§ 15-3".as_bytes(),
        "jf. ".as_bytes(),
        ". ".as_bytes(),
        "\n\n".as_bytes(),
        "\n".as_bytes(),
        " | ".as_bytes(),
        "# ".as_bytes(),
        "a) ".as_bytes(),
        "«".as_bytes(),
        "…".as_bytes(),
        "Sted/dato: Oslo, 10.11.2026".as_bytes(),
        "Arbeidstaker: ".as_bytes(),
    ];
    let patterns = kontrakt::patterns::Patterns::builtin().unwrap();
    let clauses = clause_items();
    let mut seeds = contract_texts();
    seeds.extend(clauses.iter().cloned());
    let others = seeds.clone();
    let given = kontrakt::date::Date::new(2026, 11, 24).unwrap();
    // Unoptimized code is many times slower; the bound is for the release build.
    let cpu_limit = if cfg!(debug_assertions) { TEXT_CPU_LIMIT * 20 } else { TEXT_CPU_LIMIT };
    let mut slowest = (Duration::ZERO, Duration::ZERO, Vec::new(), String::new());
    let mutator = |rng: &mut Rng, input: &[u8]| mutate_text(rng, input, &clauses, DICTIONARY, &others);
    fuzz_with("text", seeds, mutator, Budget::from_env(100), |input| {
        let (cpu, wall) = (thread_cpu_time(), Instant::now());
        let outcome = match kontrakt::extract::text::extract(input) {
            Err(e) => e.kind.as_str().to_string(),
            Ok(doc) => {
                let analysis = kontrakt::analyze_document(&doc, &patterns, kontrakt::i18n::Lang::Nb);
                let assessable = kontrakt::assess::assessable(&analysis.text.string, &analysis.findings);
                kontrakt::signatures::in_text(&analysis.text);
                kontrakt::law::notice(given, &analysis.findings);
                check_analysis(&analysis)?;
                let negated = analysis.findings.iter().filter(|f| f.negated).count();
                let live = analysis.findings.len() - negated;
                let kind = assessable.err().map_or("ok", |e| e.kind.as_str());
                format!("{kind} {:?}: {} live, {} negated", analysis.language, live.min(9), negated.min(9))
            }
        };
        let (cpu, wall) = (thread_cpu_time() - cpu, wall.elapsed());
        if cpu > cpu_limit {
            return Err(format!("{cpu:?} of CPU for {} bytes", input.len()));
        }
        if cpu > slowest.0 {
            slowest = (cpu, wall, input.to_vec(), outcome.clone());
        }
        Ok(outcome)
    });
    let (cpu, wall, input, outcome) = slowest;
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fuzz-text-slowest.bin");
    std::fs::write(&path, &input).expect("saves the slowest input");
    eprintln!(
        "fuzz text: slowest input {} bytes, {cpu:?} CPU, {wall:?} wall ({outcome}), saved as {}",
        input.len(),
        path.display()
    );
}
