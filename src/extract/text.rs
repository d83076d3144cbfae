//! Plain text: UTF-8, or Windows-1252 when the bytes are not valid UTF-8 (contracts saved by
//! older Windows programs). Paragraphs are separated by blank lines; a form feed starts a new
//! paragraph too.

use super::{Document, Page};
use crate::error::{ErrorKind, FileError};

/// Extracts the paragraphs of a text file.
pub fn extract(bytes: &[u8]) -> Result<Document, FileError> {
    if bytes.contains(&0) {
        return Err(FileError::new(ErrorKind::Unsupported, "binary data (NUL bytes) in a text file"));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0,
    };
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let paragraphs: Vec<String> = text
        .split(['\x0c'])
        .flat_map(|part| part.split("\n\n"))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect();
    if paragraphs.is_empty() {
        return Err(FileError::new(ErrorKind::NoText, "the file holds only white space"));
    }
    Ok(Document { paged: false, pages: vec![Page { paragraphs }] })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_and_windows_1252() {
        let doc = extract("Prøvetid\n\n6 måneder\r\n\r\nSlutt".as_bytes()).unwrap();
        assert_eq!(doc.pages[0].paragraphs, vec!["Prøvetid", "6 måneder", "Slutt"]);
        // "Prøvetid: 6 måneder" in Windows-1252: ø = 0xF8, å = 0xE5.
        let doc = extract(b"Pr\xf8vetid: 6 m\xe5neder").unwrap();
        assert_eq!(doc.pages[0].paragraphs, vec!["Prøvetid: 6 måneder"]);
        assert!(!doc.paged);
    }

    #[test]
    fn nul_bytes_and_blank_files_are_errors() {
        assert_eq!(extract(b"abc\0def").unwrap_err().kind, ErrorKind::Unsupported);
        assert_eq!(extract(b" \n\n \t").unwrap_err().kind, ErrorKind::NoText);
    }
}
