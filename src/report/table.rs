//! Terminal output: per file a header line, a table of findings and the verdict.

use std::io::{self, Write};

use comfy_table::{presets, Attribute, Cell, Color, ColumnConstraint, ContentArrangement, Table, Width};

use super::{format_values, notice_sentence, shorten, signatures_sentence, Sink};
use crate::date::Date;
use crate::i18n::Lang;
use crate::model::{Report, Risk, Status, Summary};
use crate::sanitize::control_free;

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
        let width = usize::from(self.width());
        let mut line = String::new();
        for word in control_free(text).split(' ') {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                writeln!(self.out, "{line}")?;
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        writeln!(self.out, "{line}")
    }

    fn colored(&self, text: &str, risk: Risk) -> Cell {
        let cell = Cell::new(text);
        if !self.options.color {
            return cell;
        }
        match risk {
            Risk::High => cell.fg(Color::Red).add_attribute(Attribute::Bold),
            Risk::Medium => cell.fg(Color::Yellow),
            Risk::Low => cell.fg(Color::Green),
            Risk::None => cell,
        }
    }
}

fn labels(lang: Lang) -> [&'static str; 5] {
    match lang {
        Lang::Nb => ["Kategori", "Sted", "Verdi", "Risiko", "Klausul og forklaring"],
        Lang::En => ["Category", "Location", "Value", "Risk", "Clause and explanation"],
    }
}

impl<W: Write> Sink for TableSink<W> {
    fn report(&mut self, r: &Report) -> io::Result<()> {
        let lang = self.options.lang;
        let nb = lang == Lang::Nb;
        if let Status::Error(e) = &r.status {
            let label = if nb { "FEIL" } else { "ERROR" };
            self.line(&format!("{}: {label} ({}): {}", r.file, e.kind.as_str(), e.message))?;
            return writeln!(self.out);
        }
        let mut head = vec![r.format.unwrap_or("?").to_uppercase()];
        if let Some(p) = r.pages {
            head.push(match (nb, p) {
                (true, 1) => "1 side".into(),
                (true, p) => format!("{p} sider"),
                (false, 1) => "1 page".into(),
                (false, p) => format!("{p} pages"),
            });
        }
        head.push(lang.language(r.language).into());
        self.line(&format!("{} ({})", r.file, head.join(", ")))?;
        if let Some(note) = lang.ocr_note(r.ocr_pages.as_deref().unwrap_or_default()) {
            self.line(&note)?;
        }
        if r.findings.is_empty() {
            self.line(lang.no_findings())?;
        } else {
            let mut table = Table::new();
            table.load_preset(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Dynamic);
            table.set_width(self.width()).set_header(labels(lang).to_vec());
            // The clause column gets the room; the others stay narrow.
            let narrow = |w| ColumnConstraint::UpperBoundary(Width::Fixed(w));
            table.set_constraints([narrow(18), narrow(16), narrow(14), narrow(9)]);
            if self.options.color {
                table.enforce_styling();
            } else {
                table.force_no_tty();
            }
            for f in &r.findings {
                let place = match f.location.page {
                    Some(p) if nb => format!("s. {p}, avsn. {}", f.location.paragraph),
                    Some(p) => format!("p. {p}, para. {}", f.location.paragraph),
                    None if nb => format!("avsn. {}", f.location.paragraph),
                    None => format!("para. {}", f.location.paragraph),
                };
                let mut category = lang.category(f.category).to_string();
                if f.negated {
                    category.push_str(&format!(" ({})", lang.does_not_apply()));
                }
                let clause = format!("«{}»\n{}", shorten(&f.text, f.matched, 220), f.explanation);
                let clause = control_free(&clause).into_owned();
                table.add_row(vec![
                    Cell::new(category),
                    Cell::new(place),
                    Cell::new(format_values(&f.values, lang)),
                    self.colored(lang.risk(f.risk), f.risk),
                    Cell::new(clause),
                ]);
            }
            writeln!(self.out, "{table}")?;
        }
        let (risk_label, advice_label) =
            if nb { ("Samlet risiko", "Anbefaling") } else { ("Overall risk", "Recommendation") };
        let risk = lang.risk(r.risk).to_uppercase();
        let risk = match (self.options.color, r.risk) {
            (true, Risk::High) => format!("\x1b[1;31m{risk}\x1b[0m"),
            (true, Risk::Medium) => format!("\x1b[33m{risk}\x1b[0m"),
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
        let who = lang.recommendation(r.recommendation);
        self.line(&format!("{advice_label}: {who}. {}", r.recommendation_text))?;
        writeln!(self.out)
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        let lang = self.options.lang;
        if s.files > 1 {
            let counts: Vec<String> =
                Risk::ALL.iter().rev().map(|r| format!("{} {}", lang.risk(*r), s.by_risk.0[*r as usize])).collect();
            match lang {
                Lang::Nb => writeln!(
                    self.out,
                    "{} filer: {} analysert, {} feil. Risiko: {}.",
                    s.files,
                    s.ok,
                    s.errors,
                    counts.join(", ")
                )?,
                Lang::En => writeln!(
                    self.out,
                    "{} files: {} analysed, {} errors. Risk: {}.",
                    s.files,
                    s.ok,
                    s.errors,
                    counts.join(", ")
                )?,
            }
        }
        writeln!(self.out, "{}", lang.disclaimer())?;
        self.out.flush()
    }
}
