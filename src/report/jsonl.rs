//! JSON Lines output: one report object per line, written as soon as the report is done, so a
//! batch of any size streams in constant memory. Every line says what made it
//! (`schema_version`, `tool`) and what it is (`record`: "report", or "summary" for the
//! optional last line), so lines from many runs can be told apart and merged.

use std::io::{self, Write};

use serde::Serialize;

use super::json::{Tool, SCHEMA_VERSION, TOOL};
use super::Sink;
use crate::model::{Report, Summary};

/// One line: the head every line has, then the report's fields or the summary.
#[derive(Serialize)]
struct Line<'a, T: Serialize> {
    schema_version: u32,
    tool: &'a Tool,
    record: &'static str,
    #[serde(flatten)]
    body: T,
}

#[derive(Serialize)]
struct SummaryBody<'a> {
    summary: &'a Summary,
}

/// Writes each report on its own line, and the summary last when asked to.
pub struct JsonlSink<W: Write> {
    out: W,
    summary: bool,
}

impl<W: Write> JsonlSink<W> {
    /// A sink writing to `out`, reports only.
    pub fn new(out: W) -> Self {
        JsonlSink { out, summary: false }
    }

    /// Also writes the summary as the last line (`record: "summary"`).
    pub fn with_summary(self, summary: bool) -> Self {
        JsonlSink { summary, ..self }
    }

    fn line(&mut self, record: &'static str, body: impl Serialize) -> io::Result<()> {
        let line = Line { schema_version: SCHEMA_VERSION, tool: &TOOL, record, body };
        serde_json::to_writer(&mut self.out, &line)?;
        self.out.write_all(b"\n")?;
        // Each line is handed on at once so a consumer sees progress on a long batch.
        self.out.flush()
    }
}

impl<W: Write> Sink for JsonlSink<W> {
    fn report(&mut self, report: &Report) -> io::Result<()> {
        self.line("report", report)
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        if self.summary {
            self.line("summary", SummaryBody { summary })?;
        }
        self.out.flush()
    }

    fn ordered(&self) -> bool {
        false
    }
}
