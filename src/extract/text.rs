//! Plain text: UTF-16 with a byte order mark (what Windows Notepad saves as "Unicode"), else
//! UTF-8 line by line, a line that is not valid UTF-8 read as Windows-1252 (contracts saved by
//! older Windows programs, or pasted together from several). Paragraphs end at blank lines
//! and, in hard-wrapped text, after short lines (see `paragraphs`).

use std::borrow::Cow;

use encoding_rs::WINDOWS_1252;

use super::{Document, Page};
use crate::error::{ErrorKind, FileError};
use crate::source::utf16_encoding;

/// Extracts the paragraphs of a text file.
pub fn extract(bytes: &[u8]) -> Result<Document, FileError> {
    let text = decode(bytes);
    if text.contains('\0') {
        return Err(FileError::new(ErrorKind::Unsupported, "binary data (NUL bytes) in a text file"));
    }
    let text = text.replace("\r\n", "\n").replace(['\r', '\x0c'], "\n");
    if text.trim().is_empty() {
        return Err(FileError::new(ErrorKind::NoText, "the file holds only white space"));
    }
    Ok(Document { paged: false, pages: vec![Page { paragraphs: paragraphs(&text) }] })
}

/// Lines past this many characters are not hard-wrapped text.
const WRAP_WIDTH_LIMIT: usize = 120;

/// The paragraphs of a text. Text hard-wrapped at some width (an e-mail, pdftotext's output)
/// is joined back into paragraphs as a PDF's lines are ([`super::pdf::paragraphs`]): a blank
/// line, a numbered line or a line that ends short (a heading, a "Label: value" row, the last
/// line of a paragraph) ends one. Text whose lines run longer than any wrap width is written
/// one paragraph per line, and keeps its lines.
fn paragraphs(text: &str) -> Vec<String> {
    let full_line = super::pdf::full_line([text]);
    if full_line > WRAP_WIDTH_LIMIT {
        return text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect();
    }
    super::pdf::paragraphs(text, full_line)
}

/// The text of `bytes`. Decoding UTF-8 per line keeps one Windows-1252 line from turning every
/// other line into mojibake.
fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some(encoding) = utf16_encoding(bytes) {
        return encoding.decode_without_bom_handling(&bytes[2..]).0;
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => Cow::Owned(
            bytes
                .split_inclusive(|&b| b == b'\n')
                .map(|line| match std::str::from_utf8(line) {
                    Ok(s) => Cow::Borrowed(s),
                    Err(_) => WINDOWS_1252.decode_without_bom_handling(line).0,
                })
                .collect(),
        ),
    }
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
    fn utf16_with_a_byte_order_mark() {
        let text = "Prøvetid: 6 måneder\r\n\r\nSlutt";
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
        for bytes in [le, be] {
            assert_eq!(extract(&bytes).unwrap().pages[0].paragraphs, vec!["Prøvetid: 6 måneder", "Slutt"]);
        }
    }

    #[test]
    fn one_windows_1252_line_leaves_the_utf8_lines_alone() {
        let mut mixed = "Oppsigelsesfrist 3 måneder – gjensidig.\n".as_bytes().to_vec();
        mixed.extend_from_slice(b"Pr\xf8vetid 6 m\xe5neder.\n");
        mixed.extend_from_slice("Bindingstid: 12 måneder.".as_bytes());
        let doc = extract(&mixed).unwrap();
        assert_eq!(
            doc.pages[0].paragraphs,
            vec!["Oppsigelsesfrist 3 måneder – gjensidig.\nPrøvetid 6 måneder.", "Bindingstid: 12 måneder."]
        );
    }

    #[test]
    fn wrapped_lines_join_and_rows_stay_apart() {
        // Hard-wrapped prose (as an e-mail or pdftotext writes it) joins back into one paragraph.
        let prose = "Arbeidstaker kan si opp avtalen med en frist på tre måneder, også i tiden\n\
                     før tiltredelse, og oppsigelsen skal være skriftlig og sendes til den som\n\
                     har signert avtalen for arbeidsgiver.\n";
        let rows = "Prøvetid: 6 mnd.\nKonkurranseklausul: Nei\nKundeklausul: 12 mnd.\n";
        let doc = extract(format!("{prose}{rows}").as_bytes()).unwrap();
        let paragraphs = &doc.pages[0].paragraphs;
        assert_eq!(paragraphs.len(), 4, "{paragraphs:?}");
        assert!(paragraphs[0].starts_with("Arbeidstaker") && paragraphs[0].ends_with("for arbeidsgiver."));
        assert_eq!(paragraphs[1..], ["Prøvetid: 6 mnd.", "Konkurranseklausul: Nei", "Kundeklausul: 12 mnd."]);
        // One long line per paragraph, without blank lines between: every line stands alone.
        let long = "Dersom arbeidstakeren ikke møter til arbeid på avtalt tid uten å ha levert skriftlig oppsigelse, plikter arbeidstakeren å erstatte arbeidsgivers dokumenterte tap.";
        let doc = extract(format!("{long}\n{long}\n").as_bytes()).unwrap();
        assert_eq!(doc.pages[0].paragraphs.len(), 2);
    }

    #[test]
    fn bullet_lines_are_items_and_a_wrapped_dash_is_not() {
        let list = "The main terms are:\n- Start date: 1 June 2027\n- Probation: 6 months\n* Pension: 6 %\n* Holidays: 5 weeks\n";
        let doc = extract(list.as_bytes()).unwrap();
        assert_eq!(
            doc.pages[0].paragraphs,
            [
                "The main terms are:",
                "- Start date: 1 June 2027",
                "- Probation: 6 months",
                "* Pension: 6 %",
                "* Holidays: 5 weeks"
            ]
        );
        let prose = "Arbeidstaker kan si opp avtalen med en frist på tre måneder, også i tiden før\n\
                     - som her - tiltredelse, og oppsigelsen skal være skriftlig og sendes til den\n\
                     som har signert avtalen for arbeidsgiver.\n";
        assert_eq!(extract(prose.as_bytes()).unwrap().pages[0].paragraphs.len(), 1);
        // After a full line that ends its sentence, a dashed line opens the list, even where its
        // own length would let it pass for a wrapped line.
        let offer = "Dear Kari, we are pleased to offer you the position as described below.\n\
                     - Probation time: [probation duration] months, full time\n\
                     - Commencement date: [start date]\n";
        assert_eq!(extract(offer.as_bytes()).unwrap().pages[0].paragraphs.len(), 3);
    }

    #[test]
    fn nul_bytes_and_blank_files_are_errors() {
        assert_eq!(extract(b"abc\0def").unwrap_err().kind, ErrorKind::Unsupported);
        assert_eq!(extract(b" \n\n \t").unwrap_err().kind, ErrorKind::NoText);
    }
}
