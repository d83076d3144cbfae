//! PDF extraction in worker processes (placeholder: runs in process until the pool lands).

use std::io;
use std::path::PathBuf;
use std::time::Duration;

use super::{Document, Extractor, InProcess};
use crate::error::FileError;
use crate::source::Source;

/// The first argument that makes the binary a worker.
pub const WORKER_ARG: &str = "__worker";

/// Limits every worker runs under.
#[derive(Debug, Clone, Copy)]
pub struct WorkerLimits {
    /// Deadline for one document.
    pub timeout: Duration,
    /// Address-space limit of a worker process, in bytes.
    pub memory: u64,
}

/// A pool of worker processes that extract PDFs; other formats are read in process.
pub struct WorkerPool {
    in_process: InProcess,
}

impl WorkerPool {
    /// Starts `workers` processes running `exe __worker`.
    pub fn new(_exe: PathBuf, _workers: usize, _limits: WorkerLimits) -> io::Result<WorkerPool> {
        Ok(WorkerPool { in_process: InProcess::default() })
    }
}

impl Extractor for WorkerPool {
    fn extract(&self, source: &Source) -> Result<Document, FileError> {
        self.in_process.extract(source)
    }
}

/// The worker side: serves extraction requests on stdin/stdout until stdin closes.
pub fn serve() -> io::Result<()> {
    Ok(())
}
