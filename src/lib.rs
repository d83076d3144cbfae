//! kontrakt reads signed Norwegian employment contracts (PDF, DOCX, text) and reports the
//! clauses that bind the employee before the first working day.
//!
//! The pipeline, one module per stage, data flowing one way:
//!
//! ```text
//! path ─► Source ─► Document ─► Text ─► Segments ─► [Match] ─► Report ─► Sink
//!        source    extract     normalize segment    engine    assess    report
//! ```
//!
//! [`check`] runs it over many paths; [`analyze`] over one. The library never prints,
//! exits or decides colour: that is the command line's business.
//!
//! ```no_run
//! use kontrakt::patterns::Patterns;
//! use kontrakt::report::json::JsonSink;
//! use kontrakt::walk::WalkOptions;
//!
//! let config = kontrakt::Config::new(Patterns::builtin()?);
//! let mut sink = JsonSink::new(std::io::stdout());
//! let summary = kontrakt::check(&["kontrakter".into()], WalkOptions::default(), &config, &mut sink)?;
//! eprintln!("{} of {} files analysed", summary.ok, summary.files);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![warn(clippy::print_stdout, clippy::print_stderr)]
#![deny(missing_docs)]

mod answer;
pub mod assess;
mod batch;
pub mod date;
pub mod engine;
pub mod error;
pub mod extract;
pub mod i18n;
mod language;
pub mod law;
pub mod letter;
mod lexicon;
pub mod minimum_terms;
pub mod model;
pub mod normalize;
mod numbering;
pub mod output;
mod parties;
pub mod patterns;
pub mod report;
pub mod sanitize;
pub mod segment;
pub mod shard;
pub mod signatures;
pub mod source;
pub mod values;
pub mod walk;

use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI32, Ordering};
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use crate::date::Date;
use crate::error::{ErrorKind, FileError, PatternError};
use crate::extract::{guarded, Document, Extracted, Extractor, InProcess};
use crate::i18n::Lang;
use crate::model::{DocParagraph, Extraction, Finding, Language, Report, ReportError, Status, Summary};
use crate::patterns::Patterns;
use crate::report::Sink;
use crate::source::{Format, Source};
use crate::walk::WalkOptions;

/// Default largest file size read (100 MB).
pub const DEFAULT_MAX_SIZE: u64 = 100 * 1000 * 1000;

/// Default deadline for the whole analysis of one file.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// Largest normalized text analysed, in bytes (4 MiB, some 1,500 pages; the longest contract
/// of the corpus has 13 KB). Past it a file is `too_large`, so that no stage after extraction
/// works on, or holds, more than this per file.
pub const MAX_TEXT_BYTES: usize = 4 << 20;

/// Everything an analysis needs, validated up front.
pub struct Config {
    /// The compiled clause patterns.
    pub patterns: Arc<Patterns>,
    /// Language of the human-facing texts in reports.
    pub lang: Lang,
    /// Files larger than this are refused unread.
    pub max_size: u64,
    /// Deadline for the whole analysis of one file (reading, extraction and the text stages);
    /// `None` for none. A file past it gets a `timeout` report.
    pub timeout: Option<Duration>,
    /// How documents are extracted.
    pub extractor: Box<dyn Extractor>,
    /// Files analysed at the same time.
    pub jobs: usize,
    /// The day notice would be given, for the notice deadline (default today).
    pub notice_given: Date,
    /// Keep each document's text in its report for [`analyze`]; [`check`] also keeps it when
    /// its sink asks ([`Sink::needs_text`]).
    pub keep_text: bool,
}

impl Config {
    /// A configuration with the given patterns and defaults for the rest.
    pub fn new(patterns: Patterns) -> Config {
        Config {
            patterns: Arc::new(patterns),
            lang: Lang::Nb,
            max_size: DEFAULT_MAX_SIZE,
            timeout: Some(DEFAULT_TIMEOUT),
            extractor: Box::new(InProcess::default()),
            jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
            notice_given: Date::today(),
            keep_text: false,
        }
    }
}

/// The text stages on an extracted document: language and findings.
pub fn analyze_document(doc: &Document, patterns: &Patterns, lang: Lang) -> Analysis {
    analyze_text(normalize::normalize(doc), patterns, lang)
}

fn analyze_text(text: normalize::Text, patterns: &Patterns, lang: Lang) -> Analysis {
    let seg = segment::segment(&text, &patterns.sentences);
    let matches = engine::find(patterns, &text, &seg);
    let findings = assess::findings(matches, &text, &seg, lang);
    Analysis { language: language::detect(&text.string), findings, text }
}

/// What the text stages make of one document.
pub struct Analysis {
    /// The document's language.
    pub language: Option<Language>,
    /// The clauses found, in document order.
    pub findings: Vec<Finding>,
    /// The normalized text they were found in.
    pub text: normalize::Text,
}

/// Analyses one file. Never fails: a file that cannot be read, takes longer than
/// `config.timeout` or makes any stage panic gives an error report.
pub fn analyze(path: &Path, config: &Config) -> Report {
    analyze_keeping(path, config, config.keep_text)
}

fn analyze_keeping(path: &Path, config: &Config, keep_text: bool) -> Report {
    let start = Instant::now();
    let file = sanitize::path(path);
    let source = match guarded("reading the file", || source::open(path, config.max_size)).and_then(|r| r) {
        Ok(s) => s,
        Err(e) => return error_report(file, None, e, config.lang),
    };
    let format = Some(source.format.as_str());
    let doc = match guarded("extraction", || config.extractor.read(&source)).and_then(|r| r) {
        Ok(d) => d,
        Err(e) => return error_report(file, format, e, config.lang),
    };
    // Pages read by OCR gave the extraction more time; the deadline is the same. Time spent
    // waiting for a free reader is not the file's own.
    let deadline =
        config.timeout.map(|t| extract::ocr::time_allowed(t, doc.ocr.len())).map(|t| (start + doc.waited + t, t));
    let (patterns, lang) = (Arc::clone(&config.patterns), config.lang);
    let notice_given = config.notice_given;
    let stages = move || text_stages(source, &doc, &patterns, lang, notice_given, keep_text);
    match within(deadline, stages) {
        Ok(analysed) => Report { file, format, ..analysed },
        Err(e) => error_report(file, format, e, lang),
    }
}

/// Everything after extraction: a report without its file name, or why the document cannot
/// be assessed.
fn text_stages(
    source: Source,
    Extracted { document: doc, ocr, .. }: &Extracted,
    patterns: &Patterns,
    lang: Lang,
    notice_given: Date,
    keep_text: bool,
) -> Result<Report, FileError> {
    let text = normalize::normalize_within(doc, MAX_TEXT_BYTES).ok_or_else(|| {
        FileError::new(ErrorKind::TooLarge, format!("more than {MAX_TEXT_BYTES} bytes of text once normalized"))
    })?;
    let Analysis { language, findings, text } = analyze_text(text, patterns, lang);
    assess::assessable(&text.string, &findings)?;
    let mut signatures = if source.format == Format::Pdf { signatures::digital(&source.bytes) } else { Vec::new() };
    signatures.extend(signatures::in_text(&text));
    let minimum_terms = minimum_terms::check_contract(&text, &findings, &signatures, patterns);
    let risk = assess::overall(&findings);
    let recommendation = assess::recommendation(risk);
    let notice = law::notice(notice_given, &findings);
    let answer = answer::answer(&findings, patterns);
    Ok(Report {
        file: String::new(),
        status: Status::Ok,
        format: None,
        language,
        pages: doc.page_count(),
        findings,
        risk,
        recommendation,
        recommendation_text: lang.recommendation_text(recommendation).to_string(),
        notice: Some(notice),
        signatures: Some(signatures),
        answer: Some(answer),
        minimum_terms_missing: Some(minimum_terms.missing()),
        minimum_terms: Some(minimum_terms),
        extraction: Some(match ocr.len() {
            0 => Extraction::Text,
            n if n == doc.pages.len() => Extraction::Ocr,
            _ => Extraction::Mixed,
        }),
        ocr_pages: Some(ocr.clone()),
        document: keep_text.then(|| {
            text.paragraphs
                .iter()
                .enumerate()
                .map(|(i, p)| DocParagraph { page: p.page, number: p.number, text: text.paragraph(i).to_string() })
                .collect()
        }),
    })
}

/// Runs `f` with a panic guard and, given a deadline, on a thread of its own that is waited
/// for until then. A computation still running at the deadline is abandoned: it goes on at the
/// lowest CPU priority until it ends (threads cannot be stopped from outside), its result is
/// dropped, and the file gets `timeout` at once. What it works on is bounded by
/// [`MAX_TEXT_BYTES`].
fn within<T: Send + 'static>(
    deadline: Option<(Instant, Duration)>,
    f: impl FnOnce() -> Result<T, FileError> + Send + 'static,
) -> Result<T, FileError> {
    const WHAT: &str = "the analysis";
    let Some((deadline, timeout)) = deadline else { return guarded(WHAT, f)? };
    let (tx, rx) = mpsc::sync_channel(1);
    let thread_id = Arc::new(AtomicI32::new(0));
    let id = Arc::clone(&thread_id);
    std::thread::Builder::new()
        .name("analysis".into())
        .spawn(move || {
            // SAFETY: gettid cannot fail.
            id.store(unsafe { libc::gettid() }, Ordering::SeqCst);
            // The receiver is gone when the deadline has passed; the result is not wanted.
            let _ = tx.send(guarded(WHAT, f).and_then(|r| r));
        })
        .map_err(|e| FileError::new(ErrorKind::Internal, format!("cannot start {WHAT}: {e}")))?;
    match rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(FileError::new(ErrorKind::Internal, format!("{WHAT} ended without a result")))
        }
        Err(mpsc::RecvTimeoutError::Timeout) => {
            let id = thread_id.load(Ordering::SeqCst);
            if id != 0 {
                // SAFETY: a plain system call; on Linux a thread id names that thread alone.
                unsafe { libc::setpriority(libc::PRIO_PROCESS, id as libc::id_t, 19) };
            }
            Err(FileError::new(ErrorKind::Timeout, format!("not finished within {} s", timeout.as_secs_f64())))
        }
    }
}

fn error_report(file: String, format: Option<&'static str>, e: FileError, lang: Lang) -> Report {
    Report {
        file,
        status: Status::Error(ReportError { kind: e.kind, message: format!("{} ({})", lang.error(e.kind), e.detail) }),
        format,
        language: None,
        pages: None,
        findings: Vec::new(),
        risk: Default::default(),
        recommendation: Default::default(),
        recommendation_text: lang.not_analysed().to_string(),
        notice: None,
        signatures: None,
        answer: None,
        minimum_terms: None,
        minimum_terms_missing: None,
        extraction: None,
        ocr_pages: None,
        document: None,
    }
}

/// Analyses every file under `paths` (folders walked as `walk` says) and hands the reports
/// to `sink`; returns the counts.
pub fn check(paths: &[PathBuf], walk: WalkOptions, config: &Config, sink: &mut dyn Sink) -> io::Result<Summary> {
    check_files(&walk::expand(paths, walk), config, sink)
}

/// Analyses `files` in parallel and hands the reports to `sink`, sorted by path unless the
/// sink streams; returns the counts.
pub fn check_files(files: &[PathBuf], config: &Config, sink: &mut dyn Sink) -> io::Result<Summary> {
    let mut summary = Summary::default();
    let keep_text = config.keep_text || sink.needs_text();
    let analyze = |path: &Path| analyze_keeping(path, config, keep_text);
    batch::run(files, config.jobs, sink.ordered(), analyze, |report| {
        summary.add(&report);
        sink.report(&report)
    })?;
    sink.finish(&summary)?;
    Ok(summary)
}

/// The clause patterns to run: the built-in ones, or those of a user's folder, which must
/// also hold to their own examples. Every problem found is returned, so that a user can fix
/// them all in one go.
pub fn load_patterns(dir: Option<&Path>) -> Result<Patterns, Vec<PatternError>> {
    let Some(dir) = dir else { return Patterns::builtin_without_examples().map_err(|e| vec![e]) };
    let patterns = Patterns::from_dir(dir).map_err(|e| vec![e])?;
    let failures = check_examples(&patterns);
    if failures.is_empty() {
        Ok(patterns)
    } else {
        Err(failures)
    }
}

/// Runs every example of every category file through the whole text pipeline: a `match`
/// example must give a finding of its category with the stated values, negation and rule;
/// a `no_match` example must give no finding of its category. Returns one error per failure.
pub fn check_examples(patterns: &Patterns) -> Vec<PatternError> {
    use crate::values::{Amount, Duration};
    let mut errors = Vec::new();
    for cat in &patterns.categories {
        let fail = |text: &str, message: String| PatternError::Example {
            file: cat.file.clone(),
            text: text.to_string(),
            message,
        };
        let run = |text: &str| {
            let paragraphs = text.lines().map(str::to_string).collect();
            let doc = Document { paged: false, pages: vec![extract::Page { paragraphs }] };
            analyze_document(&doc, patterns, Lang::Nb)
                .findings
                .into_iter()
                .filter(|f| f.category == cat.category)
                .collect::<Vec<_>>()
        };
        for ex in &cat.examples.matches {
            let found = run(&ex.text);
            let Some(f) = found.first() else {
                errors.push(fail(&ex.text, format!("must match {} but gave no finding", cat.category.as_str())));
                continue;
            };
            let mut problems = Vec::new();
            if f.negated != ex.negated {
                problems.push(format!("negated is {}, expected {}", f.negated, ex.negated));
            }
            if let Some(want) = &ex.duration {
                if f.values.duration != Duration::parse(want) {
                    problems
                        .push(format!("duration is {:?}, expected {want}", f.values.duration.map(|d| d.to_string())));
                }
            }
            if let Some(want) = &ex.amount {
                if f.values.amount != Amount::parse(want) {
                    problems.push(format!(
                        "amount is {:?}, expected {want}",
                        f.values.amount.as_ref().map(|a| a.to_string())
                    ));
                }
            }
            if let Some(want) = &ex.date {
                if f.values.date.map(|d| d.to_string()).as_deref() != Some(want.as_str()) {
                    problems.push(format!("date is {:?}, expected {want}", f.values.date.map(|d| d.to_string())));
                }
            }
            if let Some(want) = &ex.rule {
                if &f.rule != want {
                    problems.push(format!("rule {} won, expected {want}", f.rule));
                }
            }
            if !problems.is_empty() {
                errors.push(fail(&ex.text, problems.join("; ")));
            }
        }
        for text in &cat.examples.no_match {
            if let Some(f) = run(text).first() {
                errors.push(fail(text, format!("must not match, but rule {} found {}", f.rule, cat.category.as_str())));
            }
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stage_past_its_deadline_or_panicking_gives_its_error() {
        let deadline = || Some((Instant::now() + Duration::from_millis(200), Duration::from_millis(200)));
        let start = Instant::now();
        let slow = within(deadline(), || {
            std::thread::sleep(Duration::from_secs(5));
            Ok(())
        });
        assert_eq!(slow.unwrap_err().kind, ErrorKind::Timeout);
        assert!(start.elapsed() < Duration::from_secs(2), "{:?}", start.elapsed());
        for deadline in [deadline(), None] {
            let err = within(deadline, || -> Result<(), FileError> { panic!("a bug") }).unwrap_err();
            assert_eq!((err.kind, err.detail.as_str()), (ErrorKind::Internal, "the analysis panicked: a bug"));
        }
        assert_eq!(within(deadline(), || Ok(7)), Ok(7));
    }
}
