//! Typed errors. A per-file problem is a [`FileError`] whose [`ErrorKind`] is one of the
//! schema's error kinds; it ends up in that file's report, never aborts a batch.

use std::io;

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// The schema's `error.kind` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The path does not exist.
    NotFound,
    /// Permissions or another I/O failure.
    Unreadable,
    /// Not a PDF, DOCX or text file.
    Unsupported,
    /// The file is damaged.
    Corrupt,
    /// The file needs a password.
    Encrypted,
    /// No text layer (e.g. a scanned PDF).
    NoText,
    /// Over a size limit.
    TooLarge,
    /// The analysis took too long.
    Timeout,
    /// A bug in kontrakt or a library it uses.
    Internal,
    /// Text in a language kontrakt does not read (an addition to schema version 1).
    UnsupportedLanguage,
    /// Readable text with no sign of an employment contract (an addition to schema version 1).
    NotAContract,
}

impl ErrorKind {
    /// All kinds, in schema order.
    pub const ALL: [ErrorKind; 11] = [
        ErrorKind::NotFound,
        ErrorKind::Unreadable,
        ErrorKind::Unsupported,
        ErrorKind::Corrupt,
        ErrorKind::Encrypted,
        ErrorKind::NoText,
        ErrorKind::TooLarge,
        ErrorKind::Timeout,
        ErrorKind::Internal,
        ErrorKind::UnsupportedLanguage,
        ErrorKind::NotAContract,
    ];

    /// The JSON name of the kind.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "not_found",
            ErrorKind::Unreadable => "unreadable",
            ErrorKind::Unsupported => "unsupported",
            ErrorKind::Corrupt => "corrupt",
            ErrorKind::Encrypted => "encrypted",
            ErrorKind::NoText => "no_text",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Internal => "internal",
            ErrorKind::UnsupportedLanguage => "unsupported_language",
            ErrorKind::NotAContract => "not_a_contract",
        }
    }
}

/// Why one file could not be analysed. `detail` is technical (English); the report turns
/// the kind into a message in the report language and appends the detail.
#[derive(Debug, Clone, Error, PartialEq, Eq, Serialize, Deserialize)]
#[error("{}: {detail}", kind.as_str())]
pub struct FileError {
    /// What kind of failure.
    pub kind: ErrorKind,
    /// Technical detail, e.g. the parser's message.
    pub detail: String,
}

impl FileError {
    /// A new error of `kind` with a technical detail.
    pub fn new(kind: ErrorKind, detail: impl Into<String>) -> Self {
        FileError { kind, detail: detail.into() }
    }
}

/// Errors in user-supplied pattern files: which file, which rule, what is wrong.
#[derive(Debug, Error)]
pub enum PatternError {
    /// The folder or a file in it could not be read.
    #[error("cannot read pattern file {file}: {source}")]
    Io {
        /// The file or folder.
        file: String,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The TOML does not parse or does not have the expected shape.
    #[error("{file}: {message}")]
    Syntax {
        /// The file.
        file: String,
        /// The parser's message.
        message: String,
    },
    /// A rule is wrong (an unknown concept, a duplicate id, a misnamed id).
    #[error("{file}: rule {rule}: {message}")]
    Rule {
        /// The file.
        file: String,
        /// The rule id.
        rule: String,
        /// What is wrong.
        message: String,
    },
    /// An example of a category file does not give what it states.
    #[error("{file}: example {text:?}: {message}")]
    Example {
        /// The file.
        file: String,
        /// The example's text.
        text: String,
        /// What it gave instead.
        message: String,
    },
}

/// Why shards cannot be merged.
#[derive(Debug, Error)]
pub enum ShardError {
    /// A shard cannot be read.
    #[error("{shard}: {source}")]
    Io {
        /// The shard.
        shard: String,
        /// The I/O error.
        source: io::Error,
    },
    /// A line is not a report line of this schema.
    #[error("{shard}, line {line}: {message}")]
    Line {
        /// The shard.
        shard: String,
        /// The line number, from 1.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// A line of another schema version (or of a kontrakt that wrote none).
    #[error("{shard}, line {line}: schema version {found}, expected {expected}")]
    Version {
        /// The shard.
        shard: String,
        /// The line number, from 1.
        line: usize,
        /// The version found, "none" when the line has none.
        found: String,
        /// The version this program reads.
        expected: u32,
    },
    /// The same file in two places.
    #[error("{file} is in {first} and in {second}")]
    Duplicate {
        /// The file.
        file: String,
        /// Where it is first.
        first: String,
        /// Where it is again.
        second: String,
    },
    /// The merged output cannot be written.
    #[error("{0}")]
    Output(#[from] io::Error),
    /// A shard whose summary line counts other files than its report lines.
    #[error("{shard}: its summary counts {counted} files, it holds {found} reports")]
    Incomplete {
        /// The shard.
        shard: String,
        /// Files its summary line counts.
        counted: usize,
        /// Report lines in it.
        found: usize,
    },
}
