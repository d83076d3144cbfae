//! Terminal output: per file a header line, a table of findings and the verdict.

use std::io::{self, Write};

use comfy_table::{presets, Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width};

use super::{format_values, notice_sentence, short_answer, shorten, signatures_sentence, wrap, Sink};
use crate::date::Date;
use crate::i18n::{Label, Lang};
use crate::model::{Finding, Report, Risk, Status, Summary};
use crate::sanitize::control_free;

/// Below this width findings are stacked instead of drawn as a table: at 80 columns the
/// clause column of the table would be 15 characters wide.
pub const STACK_BELOW: u16 = 100;

/// The indent of a stacked finding's quote and explanation.
const INDENT: &str = "   ";

/// How the table is drawn.
#[derive(Debug, Clone, Copy)]
pub struct TableOptions {
    /// Language of the labels.
    pub lang: Lang,
    /// Colour the risk levels (the caller decides: terminal, NO_COLOR).
    pub color: bool,
    /// Fit to this many columns; `None` uses the terminal width, or 100 when there is none.
    pub width: Option<u16>,
    /// Today, to say "i dag" when notice is given today.
    pub today: Date,
}

/// Writes each report as it comes.
pub struct TableSink<W: Write> {
    out: W,
    options: TableOptions,
}

impl<W: Write> TableSink<W> {
    /// A sink writing to `out`.
    pub fn new(out: W, options: TableOptions) -> Self {
        TableSink { out, options }
    }

    /// The width to fit: the caller's, else the terminal's, else 100 columns.
    fn width(&self) -> u16 {
        self.options.width.or_else(|| Table::new().width()).unwrap_or(100)
    }

    /// Writes prose wrapped at word boundaries to the output width, without control
    /// characters (a file name or a quote must not drive the terminal).
    fn line(&mut self, text: &str) -> io::Result<()> {
        for line in wrap(&control_free(text), usize::from(self.width())) {
            writeln!(self.out, "{line}")?;
        }
        Ok(())
    }

    fn colored(&self, text: &str, risk: Risk) -> Cell {
        let cell = Cell::new(text);
        if !self.options.color {
            return cell;
        }
        match risk {
            Risk::High => cell.fg(Color::Red).add_attribute(Attribute::Bold),
            Risk::Medium => cell.fg(Color::AnsiValue(MEDIUM)),
            Risk::Low => cell.fg(Color::Green),
            Risk::None => cell,
        }
    }
}

/// The medium-risk colour, 256-colour orange, readable on dark and light backgrounds alike.
const MEDIUM: u8 = 130;

impl<W: Write> Sink for TableSink<W> {
    fn report(&mut self, r: &Report) -> io::Result<()> {
        let lang = self.options.lang;
        if let Status::Error(e) = &r.status {
            let label = lang.label(Label::Error);
            self.line(&format!("{}: {label} ({}): {}", r.file, e.kind.as_str(), e.message))?;
            return writeln!(self.out);
        }
        let mut head = vec![r.format.unwrap_or("?").to_uppercase()];
        if let Some(p) = r.pages {
            head.push(lang.pages(p));
        }
        head.push(lang.language(r.language).into());
        self.line(&format!("{} ({})", r.file, head.join(", ")))?;
        if let Some(note) = lang.ocr_note(r.ocr_pages.as_deref().unwrap_or_default()) {
            self.line(&note)?;
        }
        if let Some(lines) = short_answer(r, lang) {
            for (label, text) in lines {
                self.line(&format!("{label} {text}"))?;
            }
            writeln!(self.out)?;
        }
        // Sentences of one paragraph that say the same thing are one finding to read.
        let mut groups: Vec<(&Finding, Vec<String>)> = Vec::new();
        for f in &r.findings {
            let quote = format!("«{}»", shorten(&f.text, f.matched, 220));
            match groups.last_mut() {
                Some((g, quotes))
                    if (g.category, g.location, &g.explanation, &g.values, g.negated)
                        == (f.category, f.location, &f.explanation, &f.values, f.negated) =>
                {
                    quotes.push(quote)
                }
                _ => groups.push((f, vec![quote])),
            }
        }
        let category = |f: &Finding| {
            let mut category = lang.category(f.category).to_string();
            if f.negated {
                category.push_str(&format!(" ({})", lang.does_not_apply()));
            }
            category
        };
        if r.findings.is_empty() {
            self.line(lang.no_findings())?;
        } else if self.width() < STACK_BELOW {
            // Too narrow for columns: each finding's facts on one line, its text under it.
            let width = usize::from(self.width());
            for (i, (f, quotes)) in groups.iter().enumerate() {
                let mut head = vec![category(f), lang.place(f.location.page, f.location.paragraph)];
                head.extend(Some(format_values(&f.values, lang)).filter(|v| !v.is_empty()));
                head.push(format!("{} {}", lang.risk_label(), lang.risk(f.risk)));
                self.line(&format!("{}. {}", i + 1, head.join(" · ")))?;
                for text in quotes.iter().chain([&f.explanation]) {
                    for line in wrap(&control_free(text), width.saturating_sub(INDENT.len()).max(20)) {
                        writeln!(self.out, "{INDENT}{line}")?;
                    }
                }
                writeln!(self.out)?;
            }
        } else {
            let mut table = Table::new();
            table.load_preset(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
            table.set_width(self.width()).set_header(lang.table_headers().to_vec());
            // The clause column gets the room; the others stay narrow.
            let narrow = |w| ColumnConstraint::UpperBoundary(Width::Fixed(w));
            table.set_constraints([narrow(18), narrow(16), narrow(14), narrow(9)]);
            if self.options.color {
                table.enforce_styling();
            } else {
                table.force_no_tty();
            }
            for (f, quotes) in &groups {
                let clause = format!("{}\n{}", quotes.join("\n"), f.explanation);
                let clause = control_free(&clause).into_owned();
                table.add_row(vec![
                    Cell::new(category(f)),
                    Cell::new(lang.place(f.location.page, f.location.paragraph)),
                    Cell::new(format_values(&f.values, lang)),
                    self.colored(lang.risk(f.risk), f.risk),
                    Cell::new(clause),
                ]);
            }
            writeln!(self.out, "{table}")?;
        }
        let (risk_label, advice_label) = (lang.label(Label::OverallRisk), lang.label(Label::Recommendation));
        let risk = lang.risk(r.risk).to_uppercase();
        let risk = match (self.options.color, r.risk) {
            (true, Risk::High) => format!("\x1b[1;31m{risk}\x1b[0m"),
            (true, Risk::Medium) => format!("\x1b[38;5;{MEDIUM}m{risk}\x1b[0m"),
            (true, Risk::Low) => format!("\x1b[32m{risk}\x1b[0m"),
            _ => risk,
        };
        writeln!(self.out, "{risk_label}: {risk}")?;
        if let Some(n) = &r.notice {
            self.line(&notice_sentence(n, &r.findings, self.options.today, lang))?;
        }
        if let Some(signatures) = &r.signatures {
            self.line(&signatures_sentence(signatures, lang))?;
        }
        for line in super::minimum_terms::lines(r, lang) {
            self.line(&line)?;
        }
        let who = lang.recommendation(r.recommendation);
        self.line(&format!("{advice_label}: {who}. {}", r.recommendation_text))?;
        writeln!(self.out)
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        let lang = self.options.lang;
        if s.files > 1 {
            let counts: Vec<String> =
                Risk::ALL.iter().rev().map(|r| format!("{} {}", lang.risk(*r), s.by_risk.get(*r))).collect();
            writeln!(self.out, "{} {}: {}.", lang.batch_counts(s), lang.label(Label::RiskCounts), counts.join(", "))?;
        }
        writeln!(self.out, "{}", lang.disclaimer())?;
        self.out.flush()
    }
}
