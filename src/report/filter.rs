//! `--min-risk`: passes on only the reports at or above a risk level, and every error
//! report; the summary still counts every file.

use std::io;

use super::Sink;
use crate::model::{Report, Risk, Status, Summary};

/// Keeps the reports of risk `level` or higher, and the errors, for the sink inside.
pub struct MinRisk<S> {
    inner: S,
    level: Risk,
}

impl<S: Sink> MinRisk<S> {
    /// Filters what reaches `inner`.
    pub fn new(inner: S, level: Risk) -> Self {
        MinRisk { inner, level }
    }
}

impl<S: Sink> Sink for MinRisk<S> {
    fn report(&mut self, report: &Report) -> io::Result<()> {
        if report.status != Status::Ok || report.risk >= self.level {
            self.inner.report(report)
        } else {
            Ok(())
        }
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        self.inner.finish(summary)
    }

    fn ordered(&self) -> bool {
        self.inner.ordered()
    }

    fn needs_text(&self) -> bool {
        self.inner.needs_text()
    }
}

impl<S: Sink + ?Sized> Sink for Box<S> {
    fn report(&mut self, report: &Report) -> io::Result<()> {
        (**self).report(report)
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        (**self).finish(summary)
    }

    fn ordered(&self) -> bool {
        (**self).ordered()
    }

    fn needs_text(&self) -> bool {
        (**self).needs_text()
    }
}
