//! JSON Lines output: one report object per line, written as soon as the report is done, and
//! nothing else (no envelope, no summary), so a batch of any size streams in constant memory.

use std::io::{self, Write};

use super::Sink;
use crate::model::{Report, Summary};

/// Writes each report on its own line.
pub struct JsonlSink<W: Write> {
    out: W,
}

impl<W: Write> JsonlSink<W> {
    /// A sink writing to `out`.
    pub fn new(out: W) -> Self {
        JsonlSink { out }
    }
}

impl<W: Write> Sink for JsonlSink<W> {
    fn report(&mut self, report: &Report) -> io::Result<()> {
        serde_json::to_writer(&mut self.out, report)?;
        self.out.write_all(b"\n")?;
        // Each line is handed on at once so a consumer sees progress on a long batch.
        self.out.flush()
    }

    fn finish(&mut self, _summary: &Summary) -> io::Result<()> {
        self.out.flush()
    }

    fn ordered(&self) -> bool {
        false
    }
}
