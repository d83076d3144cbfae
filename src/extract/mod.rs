//! Extract: a [`Source`] becomes a [`Document`], its text as pages of paragraphs.
//!
//! Each format has its own module. The [`Extractor`] trait is the seam where extraction can
//! run out of process (PDF parsing can hang or abort the whole process).

pub mod docx;
pub mod pdf;
pub mod text;
pub mod worker;

use crate::error::FileError;
use crate::source::{Format, Source};

/// A document's text, as extracted: pages of paragraphs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// True where the format has real pages (PDF). DOCX and text have one pseudo-page and
    /// report `pages: null`.
    pub paged: bool,
    /// The pages in order; paragraphs in reading order within each.
    pub pages: Vec<Page>,
}

/// One page (or the whole document for formats without pages).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// Paragraph texts as extracted (may still contain line breaks, hyphenation, NBSP…).
    pub paragraphs: Vec<String>,
}

impl Document {
    /// Number of pages for the report: `None` for formats without pages.
    pub fn page_count(&self) -> Option<usize> {
        self.paged.then_some(self.pages.len())
    }
}

/// Limits that keep hostile input from exhausting memory.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest decompressed size of one part of a container (DOCX part).
    pub max_part_bytes: u64,
    /// Largest decompressed size of all parts read from one container.
    pub max_total_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_part_bytes: 64 << 20, max_total_bytes: 256 << 20 }
    }
}

/// Turns a source into a document. Implementations may run the work elsewhere (a worker
/// process) as long as the result is the same.
pub trait Extractor: Sync {
    /// Extract the text of `source`.
    fn extract(&self, source: &Source) -> Result<Document, FileError>;
}

/// Extracts in the calling process.
#[derive(Debug, Clone, Copy, Default)]
pub struct InProcess {
    /// Size limits for container formats.
    pub limits: Limits,
}

impl Extractor for InProcess {
    fn extract(&self, source: &Source) -> Result<Document, FileError> {
        match source.format {
            Format::Pdf => pdf::extract(&source.bytes),
            Format::Docx => docx::extract(&source.bytes, &self.limits),
            Format::Txt => text::extract(&source.bytes),
        }
    }
}
