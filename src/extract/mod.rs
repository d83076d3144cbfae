//! Extract: a [`Source`] becomes a [`Document`], its text as pages of paragraphs.
//!
//! Each format has its own module. The [`Extractor`] trait is the seam where extraction can
//! run out of process (PDF parsing can hang or abort the whole process).

mod deskew;
pub mod docx;
pub mod form;
pub mod ocr;
pub mod pdf;
pub mod text;
pub mod worker;
pub mod xref;

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::error::{ErrorKind, FileError};
use crate::model::OcrPage;
use crate::source::{Format, Source};

/// A document's text, as extracted: pages of paragraphs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// True where the format has real pages (PDF). DOCX and text have one pseudo-page and
    /// report `pages: null`.
    pub paged: bool,
    /// The pages in order; paragraphs in reading order within each.
    pub pages: Vec<Page>,
}

/// One page (or the whole document for formats without pages).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// Paragraph texts as extracted (may still contain line breaks, hyphenation, NBSP…).
    pub paragraphs: Vec<String>,
}

/// A document and the pages of it that were read by OCR.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extracted {
    /// The text.
    #[serde(flatten)]
    pub document: Document,
    /// The pages whose text came from OCR, in page order; empty when none did.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ocr: Vec<OcrPage>,
    /// Time spent waiting for a free reader before the work began: in a batch a file may
    /// wait behind others, and that is not its own time against its deadline.
    #[serde(skip)]
    pub waited: Duration,
}

impl From<Document> for Extracted {
    fn from(document: Document) -> Self {
        Extracted { document, ..Extracted::default() }
    }
}

impl Document {
    /// Number of pages for the report: `None` for formats without pages.
    pub fn page_count(&self) -> Option<usize> {
        self.paged.then_some(self.pages.len())
    }
}

/// Limits that keep hostile input from exhausting memory or time in the calling process.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest decompressed size of one part of a container (DOCX part).
    pub max_part_bytes: u64,
    /// Largest decompressed size of all parts read from one container.
    pub max_total_bytes: u64,
    /// Time allowed for one document, checked while parsing (DOCX) and OCR (which adds time
    /// per page, [`ocr::time_allowed`]); `None` for no limit.
    /// Text needs no check: its work is linear in a size that is already limited.
    pub timeout: Option<Duration>,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_part_bytes: 64 << 20, max_total_bytes: 256 << 20, timeout: None }
    }
}

/// Turns a source into a document. Implementations may run the work elsewhere (a worker
/// process) as long as the result is the same.
pub trait Extractor: Sync {
    /// Extract the text of `source`.
    fn extract(&self, source: &Source) -> Result<Document, FileError>;

    /// Extract the text of `source` and say which pages OCR read. An extractor that never
    /// runs OCR need not implement it.
    fn read(&self, source: &Source) -> Result<Extracted, FileError> {
        self.extract(source).map(Extracted::from)
    }
}

/// Extracts in the calling process.
#[derive(Debug, Clone, Copy, Default)]
pub struct InProcess {
    /// Size limits for container formats.
    pub limits: Limits,
}

impl Extractor for InProcess {
    fn extract(&self, source: &Source) -> Result<Document, FileError> {
        self.read(source).map(|e| e.document)
    }

    fn read(&self, source: &Source) -> Result<Extracted, FileError> {
        let (start, timeout) = (Instant::now(), self.limits.timeout);
        let deadline = |ocr_pages| timeout.map(|t| start + ocr::time_allowed(t, ocr_pages));
        match source.format {
            Format::Pdf => ocr::pdf(&source.bytes, deadline),
            Format::Jpeg | Format::Png | Format::Tiff => ocr::image(&source.bytes, deadline),
            Format::Heic => ocr::heic(&source.bytes, deadline),
            Format::Docx => docx::extract(&source.bytes, &self.limits).map(Extracted::from),
            Format::Txt => text::extract(&source.bytes).map(Extracted::from),
        }
    }
}

/// Runs `f`, turning a panic into an internal error that names `reader` (or the stage). The
/// panic message still goes to the panic hook; silencing it is the application's decision.
pub(crate) fn guarded<T>(reader: &str, f: impl FnOnce() -> T) -> Result<T, FileError> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        FileError::new(ErrorKind::Internal, format!("{reader} panicked: {msg}"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_become_internal_errors() {
        let err = guarded("reader", || -> u8 { panic!("boom") }).expect_err("panicked");
        assert_eq!(err.kind, ErrorKind::Internal);
        assert_eq!(err.detail, "reader panicked: boom");
        let err = guarded("reader", || -> u8 { panic!("{}", 42) }).expect_err("panicked");
        assert_eq!(err.detail, "reader panicked: 42");
    }
}
