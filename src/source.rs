//! Sniff: a path becomes a [`Source`] with its format detected from the content.

use std::fs;
use std::io::Read;
use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE};
use serde::Serialize;

use crate::error::{ErrorKind, FileError};

/// A contract file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// PDF with a text layer.
    Pdf,
    /// Office Open XML word processing document.
    Docx,
    /// Plain text (UTF-8 or Windows-1252).
    Txt,
    /// A JPEG image (a phone photo or a scan), read by OCR.
    Jpeg,
    /// A PNG image, read by OCR.
    Png,
    /// A TIFF image, one page per frame, read by OCR.
    Tiff,
    /// A HEIC/HEIF photo (as iPhones take them), decoded by `heif-convert` and read by OCR.
    Heic,
}

impl Format {
    /// The schema's name for the format.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Txt => "txt",
            Format::Jpeg => "jpeg",
            Format::Png => "png",
            Format::Tiff => "tiff",
            Format::Heic => "heic",
        }
    }
}

/// A file read into memory, with its detected format.
#[derive(Debug, Clone)]
pub struct Source {
    /// The path as given.
    pub path: PathBuf,
    /// The format detected from the content.
    pub format: Format,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Reads `path` (refusing files over `max_size` bytes before reading them) and detects its
/// format from the content; the extension only breaks ties.
///
/// Only regular files are read. The file is opened without blocking (a FIFO would otherwise
/// wait for a writer forever) and the opened handle is checked, not the path, so a file
/// swapped for a FIFO or a device between the walk and the read is refused too. The path
/// [`STDIN`] (`-`) reads standard input to its end instead.
pub fn open(path: &Path, max_size: u64) -> Result<Source, FileError> {
    if path == Path::new(STDIN) {
        return read(std::io::stdin().lock(), path, max_size);
    }
    let file = fs::OpenOptions::new().read(true).custom_flags(libc::O_NONBLOCK).open(path).map_err(|e| io_error(&e))?;
    let meta = file.metadata().map_err(|e| io_error(&e))?;
    let kind = meta.file_type();
    if !kind.is_file() {
        if kind.is_dir() {
            return Err(directory_error(fs::read_dir(path).map(drop)));
        }
        let what = if kind.is_fifo() {
            "is a named pipe (FIFO), not a file"
        } else if kind.is_socket() {
            "is a socket, not a file"
        } else {
            "is a device, not a file"
        };
        return Err(FileError::new(ErrorKind::Unsupported, what));
    }
    if meta.len() > max_size {
        return Err(FileError::new(ErrorKind::TooLarge, format!("{} bytes, limit {max_size}", meta.len())));
    }
    read(file, path, max_size)
}

/// The path that names standard input (a contract piped in).
pub const STDIN: &str = "-";

fn read(from: impl Read, path: &Path, max_size: u64) -> Result<Source, FileError> {
    let mut bytes = Vec::new();
    from.take(max_size + 1).read_to_end(&mut bytes).map_err(|e| io_error(&e))?;
    if bytes.len() as u64 > max_size {
        return Err(FileError::new(ErrorKind::TooLarge, format!("more than {max_size} bytes")));
    }
    let format = sniff(&bytes, path)?;
    Ok(Source { path: path.to_path_buf(), format, bytes })
}

/// A folder is only analysed as a file when walking it failed: an unreadable one says so.
fn directory_error(read: std::io::Result<()>) -> FileError {
    match read {
        Err(e) => io_error(&e),
        Ok(()) => FileError::new(ErrorKind::Unsupported, "is a directory"),
    }
}

fn io_error(e: &std::io::Error) -> FileError {
    let kind = match e.kind() {
        std::io::ErrorKind::NotFound => ErrorKind::NotFound,
        _ => ErrorKind::Unreadable,
    };
    FileError::new(kind, e.to_string())
}

/// Detects the format from magic bytes. A zip is taken as DOCX (the DOCX reader reports a
/// zip without `word/document.xml` as corrupt); text is anything without NUL bytes.
///
/// An OLE compound file is a password-protected Office document when it holds an
/// `EncryptedPackage` stream (Office encrypts a DOCX into such a container, whatever the
/// file is called), otherwise a legacy `.doc` or another old Office file.
pub fn sniff(bytes: &[u8], path: &Path) -> Result<Format, FileError> {
    // PDF allows up to 1024 bytes of junk before the header.
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Ok(Format::Docx);
    }
    if bytes.starts_with(OLE_MAGIC) {
        return Err(if contains_utf16le(bytes, "EncryptedPackage") {
            FileError::new(ErrorKind::Encrypted, "a password-protected Office document")
        } else {
            FileError::new(ErrorKind::Unsupported, "a legacy Office file (.doc); save it as .docx or PDF")
        });
    }
    if let Some(&(_, image)) = IMAGE_MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Ok(image);
    }
    // An ISO media file whose brand is HEIF's (a photo, or a sequence of them).
    if bytes.get(4..8) == Some(b"ftyp")
        && bytes.get(8..12).is_some_and(|b| {
            [b"heic", b"heix", b"heim", b"heis", b"hevc", b"hevx", b"mif1", b"msf1"]
                .contains(&b.try_into().unwrap_or(&[0; 4]))
        })
    {
        return Ok(Format::Heic);
    }
    // No maintained decoder is at hand for GIF; nobody scans to it.
    if bytes.starts_with(b"GIF8") {
        return Err(FileError::new(ErrorKind::Unsupported, "a GIF image; save it as JPEG or PNG"));
    }
    if bytes.starts_with(b"PK") {
        return Err(FileError::new(ErrorKind::Unsupported, "an archive"));
    }
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    if bytes.is_empty() {
        return match ext.as_str() {
            "pdf" | "docx" => Err(FileError::new(ErrorKind::Corrupt, "empty file")),
            _ => Err(FileError::new(ErrorKind::NoText, "empty file")),
        };
    }
    if let Some(encoding) = utf16_encoding(bytes) {
        let head = encoding.decode_without_bom_handling(&bytes[2..bytes.len().min(8192)]).0;
        if looks_like_text(head.as_bytes()) {
            return Ok(Format::Txt);
        }
    }
    if looks_like_text(bytes) {
        return Ok(Format::Txt);
    }
    match ext.as_str() {
        "pdf" | "docx" => Err(FileError::new(ErrorKind::Corrupt, format!("not a valid .{ext} file"))),
        _ => Err(FileError::new(ErrorKind::Unsupported, "binary file of unknown format")),
    }
}

/// Start of an OLE compound file (legacy Office, or an encrypted OOXML container).
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Image formats a scanned or photographed contract comes as, read by OCR.
const IMAGE_MAGIC: [(&[u8], Format); 4] = [
    (b"\x89PNG\r\n\x1a\n", Format::Png),
    (b"\xFF\xD8\xFF", Format::Jpeg),
    (b"II*\0", Format::Tiff),
    (b"MM\0*", Format::Tiff),
];

/// True if `bytes` hold `needle` in UTF-16LE, as OLE directory entries name their streams.
fn contains_utf16le(bytes: &[u8], needle: &str) -> bool {
    let needle: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(needle.len()).any(|w| w == needle)
}

/// Text has no NUL bytes and few control characters in its first 8 KiB.
fn looks_like_text(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    let control = head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)).count();
    !head.contains(&0) && control * 100 <= head.len()
}

/// The UTF-16 encoding that `bytes` declare with a byte order mark.
pub fn utf16_encoding(bytes: &[u8]) -> Option<&'static Encoding> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(UTF_16LE),
        [0xFE, 0xFF, ..] => Some(UTF_16BE),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(bytes: &[u8], name: &str) -> Result<Format, ErrorKind> {
        sniff(bytes, Path::new(name)).map_err(|e| e.kind)
    }

    #[test]
    fn content_wins_over_extension() {
        assert_eq!(fmt(b"%PDF-1.7\n...", "a.docx"), Ok(Format::Pdf));
        assert_eq!(fmt(b"PK\x03\x04rest", "a.pdf"), Ok(Format::Docx));
        assert_eq!(fmt("Oppsigelsesfrist 3 måneder".as_bytes(), "a.pdf"), Ok(Format::Txt));
        let utf16: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("Prøvetid".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(fmt(&utf16, "a.txt"), Ok(Format::Txt));
    }

    #[test]
    fn binary_is_unsupported_or_corrupt() {
        assert_eq!(fmt(&[0, 1, 2, 3, 0, 0], "a.bin"), Err(ErrorKind::Unsupported));
        assert_eq!(fmt(&[0, 1, 2, 3, 0, 0], "a.pdf"), Err(ErrorKind::Corrupt));
        assert_eq!(fmt(b"", "a.pdf"), Err(ErrorKind::Corrupt));
        assert_eq!(fmt(b"text\0with\0nul", "a.txt"), Err(ErrorKind::Unsupported));
        assert_eq!(fmt(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "skann.pdf"), Ok(Format::Png));
        assert_eq!(fmt(b"\xFF\xD8\xFF\xE0\0\x10JFIF", "foto"), Ok(Format::Jpeg));
        assert_eq!(fmt(b"MM\0*\0\0\0\x08", "skann.tif"), Ok(Format::Tiff));
        assert_eq!(fmt(b"GIF89a", "a.gif"), Err(ErrorKind::Unsupported));
        assert_eq!(fmt(b"\0\0\0\x18ftypheic\0\0\0\0", "IMG_0001.HEIC"), Ok(Format::Heic));
        assert_eq!(fmt(b"\0\0\0\x18ftypmif1\0\0\0\0", "bilde"), Ok(Format::Heic));
        assert_eq!(fmt(b"\0\0\0\x18ftypisom\0\0\0\0", "film.heic"), Err(ErrorKind::Unsupported));
        assert_eq!(fmt(b"PK\x05\x06\0\0\0\0", "a.docx"), Err(ErrorKind::Unsupported));
    }

    #[test]
    fn ole_files_are_encrypted_office_or_legacy_word() {
        let mut ole = OLE_MAGIC.to_vec();
        ole.resize(512, 0);
        assert_eq!(fmt(&ole, "gammel.doc"), Err(ErrorKind::Unsupported));
        ole.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(fmt(&ole, "avtale.docx"), Err(ErrorKind::Encrypted));
    }

    #[test]
    fn size_and_access_are_checked_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("stor.txt");
        fs::write(&big, "Prøvetid 6 måneder").unwrap();
        assert_eq!(open(&big, 5).unwrap_err().kind, ErrorKind::TooLarge);
        assert_eq!(open(&big, 1000).unwrap().format, Format::Txt);
        assert_eq!(open(&dir.path().join("borte.pdf"), 1000).unwrap_err().kind, ErrorKind::NotFound);
        assert_eq!(open(dir.path(), 1000).unwrap_err().kind, ErrorKind::Unsupported);
        let denied = std::io::Error::from_raw_os_error(libc::EACCES);
        assert_eq!(directory_error(Err(denied)).kind, ErrorKind::Unreadable);
    }
}
