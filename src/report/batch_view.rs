//! The batch view: one row per file (risk, language, whom to ask, the file, then the clauses
//! found with their key values or the error), and a summary naming the riskiest files.
//!
//! Rows are written as the reports come, in columns of fixed width, so nothing already
//! written is kept: memory does not grow with the batch.

use std::io::{self, Write};

use super::{format_values, Sink};
use crate::i18n::Lang;
use crate::model::{Category, Finding, Report, Risk, Status, Summary, Values};
use crate::report::table::TableOptions;
use crate::sanitize::control_free;

/// Widths of the risk, language and recommendation columns.
const RISK: usize = 9;
const LANGUAGE: usize = 9;
const RECOMMENDATION: usize = 16;

/// Indent of a row's second line (the clauses or the error).
const INDENT: &str = "    ";

/// Writes one row per report and the batch summary.
pub struct BatchViewSink<W: Write> {
    out: W,
    options: TableOptions,
    header: bool,
}

impl<W: Write> BatchViewSink<W> {
    /// A sink writing to `out`; the options are those of the table.
    pub fn new(out: W, options: TableOptions) -> Self {
        BatchViewSink { out, options, header: false }
    }

    fn width(&self) -> usize {
        usize::from(self.options.width.or_else(|| comfy_table::Table::new().width()).unwrap_or(100))
    }

    /// The first line of a row: cells of fixed width (the first coloured by `risk`), then the
    /// file name in full.
    fn columns(&mut self, cells: &[(&str, usize)], risk: Option<Risk>, file: &str) -> io::Result<()> {
        for (i, &(cell, width)) in cells.iter().enumerate() {
            let pad = width.saturating_sub(cell.chars().count()).max(1);
            let colored = match (i, risk) {
                (0, Some(r)) if self.options.color => paint(cell, r),
                _ => cell.to_string(),
            };
            write!(self.out, "{colored}{:pad$}", "")?;
        }
        writeln!(self.out, "{}", control_free(file))
    }

    /// `parts` joined by `joiner` and wrapped between parts to the output width, each line
    /// starting with `indent`.
    fn wrapped<'a>(&mut self, indent: &str, parts: impl IntoIterator<Item = &'a str>, joiner: &str) -> io::Result<()> {
        let width = self.width().max(indent.len() + 20);
        let mut line = String::from(indent);
        for part in parts {
            let part = control_free(part);
            let used = line.chars().count();
            if line.len() > indent.len() && used + joiner.chars().count() + part.chars().count() > width {
                writeln!(self.out, "{}", line.trim_end())?;
                line.truncate(indent.len());
            } else if line.len() > indent.len() {
                line.push_str(joiner);
            }
            line.push_str(&part);
        }
        writeln!(self.out, "{line}")
    }
}

/// ANSI colour of a risk level, as in the table.
fn paint(text: &str, risk: Risk) -> String {
    match risk {
        Risk::High => format!("\x1b[1;31m{text}\x1b[0m"),
        Risk::Medium => format!("\x1b[33m{text}\x1b[0m"),
        Risk::Low => format!("\x1b[32m{text}\x1b[0m"),
        Risk::None => text.to_string(),
    }
}

/// The finding that stands for a category in a one-row view: the riskiest clause that
/// applies, among equals the first with a value; `None` when none applies.
pub fn key_finding(report: &Report, category: Category) -> Option<&Finding> {
    let live = report.findings.iter().filter(|f| f.category == category && !f.negated);
    // max_by_key keeps the last of equals, so the document is read backwards.
    live.rev().max_by_key(|f| (f.risk, f.values != Values::default()))
}

/// The clauses of a report in schema order, each category once with the values of its
/// [`key_finding`]: "Oppsigelse før tiltredelse 14 dager", "Erstatning / bot kr 50 000".
pub fn clauses(report: &Report, lang: Lang) -> Vec<String> {
    let mut parts = Vec::new();
    for category in Category::ALL {
        let Some(f) = key_finding(report, category) else { continue };
        let values = format_values(&f.values, lang);
        let name = lang.category(category);
        parts.push(if values.is_empty() { name.to_string() } else { format!("{name} {values}") });
    }
    if parts.is_empty() {
        parts.push(lang.no_findings().to_string());
    }
    parts
}

impl<W: Write> Sink for BatchViewSink<W> {
    fn report(&mut self, r: &Report) -> io::Result<()> {
        let lang = self.options.lang;
        if !self.header {
            self.header = true;
            let [risk, language, recommendation, file] = lang.batch_header();
            self.columns(&[(risk, RISK), (language, LANGUAGE), (recommendation, RECOMMENDATION)], None, file)?;
        }
        match &r.status {
            Status::Error(e) => {
                self.columns(&[(lang.error_label(), RISK), ("–", LANGUAGE), ("–", RECOMMENDATION)], None, &r.file)?;
                let message = format!("{}: {}", e.kind.as_str(), e.message);
                self.wrapped(INDENT, message.split(' '), " ")
            }
            Status::Ok => {
                let cells = [
                    (lang.risk(r.risk), RISK),
                    (lang.language_short(r.language), LANGUAGE),
                    (lang.recommendation_short(r.recommendation), RECOMMENDATION),
                ];
                self.columns(&cells, Some(r.risk), &r.file)?;
                let mut parts = clauses(r, lang);
                if let Some(missing) = r.minimum_terms_missing.as_ref().filter(|m| !m.is_empty()) {
                    // Three names at most: a row is for triage; the CSV and JSON list them all.
                    let mut names: Vec<&str> = missing
                        .iter()
                        .take(3)
                        .map(|id| lang.minimum_term(id).map_or(id.as_str(), |(what, _)| what))
                        .collect();
                    if missing.len() > 3 {
                        names.push("…");
                    }
                    parts.push(format!("{} {}: {}", lang.minimum_terms_short(), missing.len(), names.join(", ")));
                }
                self.wrapped(INDENT, parts.iter().map(String::as_str), " · ")
            }
        }
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        let lang = self.options.lang;
        writeln!(self.out)?;
        for line in lang.batch_summary(s) {
            self.wrapped("", line.split(' '), " ")?;
        }
        if !s.highest_risk.is_empty() {
            writeln!(self.out, "{}", lang.riskiest_heading(s.highest_risk.len()))?;
            for f in &s.highest_risk {
                let cells = [(lang.risk(f.risk), RISK), (lang.recommendation_short(f.recommendation), RECOMMENDATION)];
                self.columns(&cells, Some(f.risk), &f.file)?;
            }
        }
        writeln!(self.out, "{}", lang.disclaimer())?;
        self.out.flush()
    }
}
