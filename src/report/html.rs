//! HTML output: one self-contained page per batch (placeholder until the full page lands).

use std::io::{self, Write};

use super::Sink;
use crate::date::Date;
use crate::i18n::Lang;
use crate::model::{Report, Summary};

/// Writes one HTML page with every report.
pub struct HtmlSink<W: Write> {
    out: W,
    lang: Lang,
    today: Date,
    reports: usize,
}

impl<W: Write> HtmlSink<W> {
    /// A sink writing to `out` in `lang`; `today` words "i dag" in the notice sentence.
    pub fn new(out: W, lang: Lang, today: Date) -> Self {
        HtmlSink { out, lang, today, reports: 0 }
    }
}

impl<W: Write> Sink for HtmlSink<W> {
    fn report(&mut self, r: &Report) -> io::Result<()> {
        let _ = (self.lang, self.today);
        self.reports += 1;
        writeln!(self.out, "<section><h2>{}</h2></section>", r.file)
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        self.out.flush()
    }
}
