//! JSON output: one envelope object for the whole batch (schema version 1), fields in
//! schema order.

use std::io::{self, Write};

use serde::Serialize;

use super::Sink;
use crate::model::{Report, Summary};

/// The schema version this output follows.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Envelope<'a> {
    schema_version: u32,
    tool: Tool,
    reports: &'a [Report],
    summary: &'a Summary,
}

/// Collects reports and writes the envelope at the end.
pub struct JsonSink<W: Write> {
    out: W,
    reports: Vec<Report>,
}

impl<W: Write> JsonSink<W> {
    /// A sink writing to `out`.
    pub fn new(out: W) -> Self {
        JsonSink { out, reports: Vec::new() }
    }
}

impl<W: Write> Sink for JsonSink<W> {
    fn report(&mut self, report: &Report) -> io::Result<()> {
        self.reports.push(report.clone());
        Ok(())
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        let envelope = Envelope {
            schema_version: SCHEMA_VERSION,
            tool: Tool { name: env!("CARGO_PKG_NAME"), version: env!("CARGO_PKG_VERSION") },
            reports: &self.reports,
            summary,
        };
        serde_json::to_writer_pretty(&mut self.out, &envelope)?;
        writeln!(self.out)?;
        self.out.flush()
    }
}
