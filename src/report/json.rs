//! JSON output: one envelope object for the whole batch (schema version 1), written as the
//! reports arrive, so a large batch is never held in memory.

use std::io::{self, Write};

use serde::Serialize;

use super::Sink;
use crate::model::{Report, Summary};

/// The schema version this output follows.
pub const SCHEMA_VERSION: u32 = 1;

/// The `tool` object of the envelope and of every JSON Lines line.
#[derive(Serialize)]
pub struct Tool {
    name: &'static str,
    version: &'static str,
}

/// This program.
pub const TOOL: Tool = Tool { name: env!("CARGO_PKG_NAME"), version: env!("CARGO_PKG_VERSION") };

/// Writes the envelope's head before the first report, each report as it comes, and the
/// summary at the end; the result is one pretty-printed JSON object.
pub struct JsonSink<W: Write> {
    out: W,
    reports: usize,
}

impl<W: Write> JsonSink<W> {
    /// A sink writing to `out`.
    pub fn new(out: W) -> Self {
        JsonSink { out, reports: 0 }
    }

    fn head(&mut self) -> io::Result<()> {
        write!(self.out, "{{\n  \"schema_version\": {SCHEMA_VERSION},\n  \"tool\": ")?;
        self.nested(&TOOL, 1)?;
        write!(self.out, ",\n  \"reports\": [")
    }

    /// Pretty-prints `value` as if it stood `depth` levels deep in the envelope.
    fn nested(&mut self, value: &impl Serialize, depth: usize) -> io::Result<()> {
        let text = serde_json::to_string_pretty(value)?;
        let indent = "  ".repeat(depth);
        for (i, line) in text.lines().enumerate() {
            if i > 0 {
                write!(self.out, "\n{indent}")?;
            }
            self.out.write_all(line.as_bytes())?;
        }
        Ok(())
    }
}

impl<W: Write> Sink for JsonSink<W> {
    fn report(&mut self, report: &Report) -> io::Result<()> {
        if self.reports == 0 {
            self.head()?;
        }
        let sep = if self.reports == 0 { "" } else { "," };
        write!(self.out, "{sep}\n    ")?;
        self.nested(report, 2)?;
        self.reports += 1;
        Ok(())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        if self.reports == 0 {
            self.head()?;
            write!(self.out, "]")?;
        } else {
            write!(self.out, "\n  ]")?;
        }
        write!(self.out, ",\n  \"summary\": ")?;
        self.nested(summary, 1)?;
        writeln!(self.out, "\n}}")?;
        self.out.flush()
    }
}
