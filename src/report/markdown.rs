//! Markdown output: a report to attach to an email to the union or a lawyer. One section per
//! file with the verdict, the notice deadline and every finding quoted with its place.

use std::io::{self, Write};

use super::{format_values, notice_sentence, signatures_sentence, Sink};
use crate::date::Date;
use crate::i18n::Lang;
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
fn escape(text: &str) -> String {
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
        let (lang, nb) = (self.lang, self.lang == Lang::Nb);
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
        let (risk, advice) = if nb { ("Samlet risiko", "Anbefaling") } else { ("Overall risk", "Recommendation") };
        writeln!(self.out, "- **{risk}:** {}", lang.risk(r.risk))?;
        writeln!(
            self.out,
            "- **{advice}:** {}. {}",
            lang.recommendation(r.recommendation),
            escape(&r.recommendation_text)
        )?;
        if let Some(n) = &r.notice {
            let label = if nb { "Oppsigelse" } else { "Notice" };
            writeln!(self.out, "- **{label}:** {}", escape(&notice_sentence(n, &r.findings, self.today, lang)))?;
        }
        if let Some(signatures) = &r.signatures {
            let label = if nb { "Signatur" } else { "Signature" };
            writeln!(self.out, "- **{label}:** {}", escape(&signatures_sentence(signatures, lang)))?;
        }
        if let Some(note) = lang.ocr_note(r.ocr_pages.as_deref().unwrap_or_default()) {
            writeln!(self.out, "- **OCR:** {}", escape(&note))?;
        }
        writeln!(self.out)?;
        if r.findings.is_empty() {
            return writeln!(self.out, "{}\n", lang.no_findings());
        }
        for (i, f) in r.findings.iter().enumerate() {
            let place = match (f.location.page, nb) {
                (Some(p), true) => format!("side {p}, avsnitt {}", f.location.paragraph),
                (Some(p), false) => format!("page {p}, paragraph {}", f.location.paragraph),
                (None, true) => format!("avsnitt {}", f.location.paragraph),
                (None, false) => format!("paragraph {}", f.location.paragraph),
            };
            let mut head = format!("{}. **{}**", i + 1, lang.category(f.category));
            if f.negated {
                head.push_str(&format!(" ({})", lang.does_not_apply()));
            }
            let values = format_values(&f.values, lang);
            let risk = if nb { "risiko" } else { "risk" };
            let extra = if values.is_empty() { String::new() } else { format!(", {values}") };
            writeln!(self.out, "{head} ({place}{extra}, {risk} {})", lang.risk(f.risk))?;
            writeln!(self.out, "   > {}", escape(&f.text))?;
            writeln!(self.out, "\n   {}\n", escape(&f.explanation))?;
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
