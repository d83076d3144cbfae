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

pub mod assess;
pub mod batch;
pub mod date;
pub mod engine;
pub mod error;
pub mod extract;
pub mod i18n;
pub mod language;
pub mod law;
pub mod lexicon;
pub mod model;
pub mod normalize;
pub mod output;
pub mod patterns;
pub mod report;
pub mod sanitize;
pub mod segment;
pub mod signatures;
pub mod source;
pub mod values;
pub mod walk;

use std::io;
use std::path::{Path, PathBuf};

use crate::date::Date;
use crate::error::FileError;
use crate::extract::{Document, Extractor, InProcess};
use crate::i18n::Lang;
use crate::model::{DocParagraph, Finding, Language, Report, ReportError, Status, Summary};
use crate::patterns::Patterns;
use crate::report::Sink;
use crate::source::Format;
use crate::walk::WalkOptions;

/// Default largest file size read (100 MB).
pub const DEFAULT_MAX_SIZE: u64 = 100 * 1000 * 1000;

/// Everything an analysis needs, validated up front.
pub struct Config {
    /// The compiled clause patterns.
    pub patterns: Patterns,
    /// Language of the human-facing texts in reports.
    pub lang: Lang,
    /// Files larger than this are refused unread.
    pub max_size: u64,
    /// How documents are extracted.
    pub extractor: Box<dyn Extractor>,
    /// Files analysed at the same time.
    pub jobs: usize,
    /// The day notice would be given, for the notice deadline (default today).
    pub notice_given: Date,
    /// Keep each document's text in its report (for outputs that show the whole contract).
    pub keep_text: bool,
}

impl Config {
    /// A configuration with the given patterns and defaults for the rest.
    pub fn new(patterns: Patterns) -> Config {
        Config {
            patterns,
            lang: Lang::Nb,
            max_size: DEFAULT_MAX_SIZE,
            extractor: Box::new(InProcess::default()),
            jobs: std::thread::available_parallelism().map_or(1, |n| n.get()),
            notice_given: Date::today(),
            keep_text: false,
        }
    }
}

/// The text stages on an extracted document: language and findings.
pub fn analyze_document(doc: &Document, patterns: &Patterns, lang: Lang) -> Analysis {
    let text = normalize::normalize(doc);
    let seg = segment::segment(&text);
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

/// Analyses one file. Never fails: a file that cannot be read gives an error report.
pub fn analyze(path: &Path, config: &Config) -> Report {
    let file = sanitize::path(path);
    let source = match source::open(path, config.max_size) {
        Ok(s) => s,
        Err(e) => return error_report(file, None, e, config.lang),
    };
    let format = Some(source.format.as_str());
    let doc = match config.extractor.extract(&source) {
        Ok(d) => d,
        Err(e) => return error_report(file, format, e, config.lang),
    };
    let Analysis { language, findings, text } = analyze_document(&doc, &config.patterns, config.lang);
    let mut signatures = if source.format == Format::Pdf { signatures::digital(&source.bytes) } else { Vec::new() };
    signatures.extend(signatures::in_text(&text));
    let risk = assess::overall(&findings);
    let recommendation = assess::recommendation(risk);
    let notice = law::notice(config.notice_given, &findings);
    Report {
        file,
        status: Status::Ok,
        error: None,
        format,
        language,
        pages: doc.page_count(),
        findings,
        risk,
        recommendation,
        recommendation_text: config.lang.recommendation_text(recommendation).to_string(),
        notice: Some(notice),
        signatures: Some(signatures),
        document: config.keep_text.then(|| {
            text.paragraphs
                .iter()
                .enumerate()
                .map(|(i, p)| DocParagraph { page: p.page, number: p.number, text: text.paragraph(i).to_string() })
                .collect()
        }),
    }
}

fn error_report(file: String, format: Option<&'static str>, e: FileError, lang: Lang) -> Report {
    Report {
        file,
        status: Status::Error,
        error: Some(ReportError { kind: e.kind, message: format!("{} ({})", lang.error(e.kind), e.detail) }),
        format,
        language: None,
        pages: None,
        findings: Vec::new(),
        risk: Default::default(),
        recommendation: Default::default(),
        recommendation_text: lang.not_analysed().to_string(),
        notice: None,
        signatures: None,
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
    batch::run(files, config, sink.ordered(), |report| {
        summary.add(&report);
        sink.report(&report)
    })?;
    sink.finish(&summary)?;
    Ok(summary)
}

/// Runs every example of every category file through the whole text pipeline: a `match`
/// example must give a finding of its category with the stated values, negation and rule;
/// a `no_match` example must give no finding of its category. Returns one error per failure.
pub fn check_examples(patterns: &Patterns) -> Vec<error::PatternError> {
    use crate::values::{Amount, Duration};
    let mut errors = Vec::new();
    for cat in &patterns.categories {
        let fail = |text: &str, message: String| error::PatternError::Rule {
            file: cat.file.clone(),
            rule: format!("example {text:?}"),
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
