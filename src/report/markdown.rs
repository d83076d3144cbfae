//! Markdown output: a report to attach to an email to the union or a lawyer. One section per
//! file with the verdict, the notice deadline and every finding quoted with its place.

use std::io::{self, Write};

use super::{format_values, notice_sentence, short_answer, signatures_sentence, Sink};
use crate::date::Date;
use crate::i18n::{Label, Lang};
use crate::model::{Report, Status, Summary};
use crate::sanitize::control_free;

/// Writes each report as a Markdown section.
pub struct MarkdownSink<W: Write> {
    out: W,
    lang: Lang,
    today: Date,
}

impl<W: Write> MarkdownSink<W> {
    /// A sink writing to `out` in `lang`; `today` words "i dag" in the notice sentence.
    pub fn new(out: W, lang: Lang, today: Date) -> Self {
        MarkdownSink { out, lang, today }
    }
}

/// Escapes the characters Markdown would take as formatting in running text, without the
/// control characters that could drive a terminal showing the file.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in control_free(text).chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

impl<W: Write> Sink for MarkdownSink<W> {
    fn report(&mut self, r: &Report) -> io::Result<()> {
        let lang = self.lang;
        writeln!(self.out, "## {}\n", escape(&r.file))?;
        if let Status::Error(e) = &r.status {
            return writeln!(
                self.out,
                "**{}** (`{}`): {}\n",
                lang.could_not_analyse(),
                e.kind.as_str(),
                escape(&e.message)
            );
        }
        if let Some(lines) = short_answer(r, lang) {
            for (label, text) in lines {
                writeln!(self.out, "**{}** {}\n", escape(label), escape(&text))?;
            }
        }
        let (risk, advice) = (lang.label(Label::OverallRisk), lang.label(Label::Recommendation));
        writeln!(self.out, "- **{risk}:** {}", lang.risk(r.risk))?;
        writeln!(
            self.out,
            "- **{advice}:** {}. {}",
            lang.recommendation(r.recommendation),
            escape(&r.recommendation_text)
        )?;
        if let Some(n) = &r.notice {
            let label = lang.label(Label::Notice);
            writeln!(self.out, "- **{label}:** {}", escape(&notice_sentence(n, &r.findings, self.today, lang)))?;
        }
        if let Some(signatures) = &r.signatures {
            let label = lang.label(Label::Signature);
            writeln!(self.out, "- **{label}:** {}", escape(&signatures_sentence(signatures, lang)))?;
        }
        if let Some(note) = lang.ocr_note(r.ocr_pages.as_deref().unwrap_or_default()) {
            writeln!(self.out, "- **OCR:** {}", escape(&note))?;
        }
        writeln!(self.out)?;
        let block = super::minimum_terms::lines(r, lang);
        if !block.is_empty() {
            writeln!(self.out, "{}\n", block.iter().map(|l| escape(l)).collect::<Vec<_>>().join("\n"))?;
        }
        if r.findings.is_empty() {
            return writeln!(self.out, "{}\n", lang.no_findings());
        }
        for (i, f) in r.findings.iter().enumerate() {
            let place = lang.place_long(f.location.page, f.location.paragraph);
            let mut head = format!("{}. **{}**", i + 1, lang.category(f.category));
            if f.negated {
                head.push_str(&format!(" ({})", lang.does_not_apply()));
            }
            let values = format_values(&f.values, lang);
            let risk = lang.risk_label();
            let extra = if values.is_empty() { String::new() } else { format!(", {values}") };
            writeln!(self.out, "{head} ({place}{extra}, {risk} {})", lang.risk(f.risk))?;
            // CommonMark continues a list item at the width of its marker: three spaces
            // under "9. ", four under "10. ".
            let indent = " ".repeat(format!("{}. ", i + 1).len());
            writeln!(self.out, "{indent}> {}", escape(&f.text))?;
            writeln!(self.out, "\n{indent}{}\n", escape(&f.explanation))?;
        }
        Ok(())
    }

    fn finish(&mut self, s: &Summary) -> io::Result<()> {
        if s.files > 1 {
            writeln!(self.out, "{}\n", self.lang.batch_counts(s))?;
        }
        writeln!(self.out, "*{} {}*", self.lang.made_with(), self.lang.disclaimer())?;
        self.out.flush()
    }
}
