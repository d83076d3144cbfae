//! Rebuilding a PDF's cross-reference table from the objects themselves.
//!
//! The table gives each object's byte offset. When it is off (a file edited or re-saved by a
//! careless tool, bytes inserted near the start), lopdf finds none of the objects at the
//! places named, skips them silently and pdf-extract sees a document without pages. Readers
//! such as qpdf and mutool repair this by scanning for `N G obj`; so does this module, within
//! what lopdf accepts: a new table and trailer are appended as an incremental update, so the
//! file's own bytes stay as they are.
//!
//! Only a complete file is rebuilt: it must end in a classic `trailer` dictionary followed by
//! `startxref` and `%%EOF`. A truncated file stays unreadable instead of being read in part.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::bytes::Regex;

static OBJECT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[\r\n])(\d{1,10})[ \t\r\n\f\x00]+(\d{1,5})[ \t\r\n\f\x00]+obj\b").unwrap());
static TRAILER_END: LazyLock<Regex> = LazyLock::new(|| Regex::new(r">>\s*startxref\s+\d+\s*%%EOF\s*$").unwrap());
static DROPPED_KEY: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"/(?:Prev|XRefStm|Size)\s+\d+").unwrap());

/// `pdf` with a cross-reference table built from the objects found in it, or `None` when the
/// file is not complete or holds no objects.
pub fn rebuild(pdf: &[u8]) -> Option<Vec<u8>> {
    // Offsets count from the header; lopdf skips what comes before it.
    let base = pdf.windows(5).position(|w| w == b"%PDF-")?;
    let body = &pdf[base..];
    let trailer = trailer_entries(body)?;
    // A later definition of an object (an incremental update) replaces an earlier one.
    let mut objects = BTreeMap::new();
    for c in OBJECT.captures_iter(body) {
        let number: u32 = std::str::from_utf8(&c[1]).ok()?.parse().ok()?;
        let generation: u16 = std::str::from_utf8(&c[2]).ok()?.parse().ok()?;
        objects.insert(number, (c.get(1)?.start(), generation));
    }
    let size = objects.keys().next_back()? + 1;
    let mut out = pdf.to_vec();
    let xref = out.len() - base;
    out.extend_from_slice(format!("\nxref\n0 {size}\n0000000000 65535 f \n").as_bytes());
    for number in 1..size {
        let entry = match objects.get(&number) {
            Some((offset, generation)) => format!("{offset:010} {generation:05} n \n"),
            None => "0000000000 65535 f \n".to_string(),
        };
        out.extend_from_slice(entry.as_bytes());
    }
    out.extend_from_slice(format!("trailer\n<< /Size {size} ").as_bytes());
    out.extend_from_slice(&trailer);
    out.extend_from_slice(format!(" >>\nstartxref\n{}\n%%EOF\n", xref + 1).as_bytes());
    Some(out)
}

/// The entries of the file's last trailer dictionary (root, info, encryption, ids) without
/// those that describe the old table.
fn trailer_entries(body: &[u8]) -> Option<Vec<u8>> {
    let keyword = body.windows(7).rposition(|w| w == b"trailer")?;
    let dict = &body[keyword + 7..];
    let end = TRAILER_END.find(dict)?.start();
    let open = dict.windows(2).position(|w| w == b"<<")?;
    if open >= end {
        return None;
    }
    // Bytes, not text: an /ID may be a literal string of any bytes.
    Some(DROPPED_KEY.replace_all(&dict[open + 2..end], &b""[..]).trim_ascii().to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_come_from_the_objects() {
        let pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n3 0 obj\n(x)\nendobj\n\
                    xref\n0 4\n0000000000 65535 f \n0000000999 00000 n \n0000000000 65535 f \n0000000888 00000 n \n\
                    trailer\n<< /Size 4 /Root 1 0 R /Prev 17 >>\nstartxref\n63\n%%EOF\n";
        let fixed = String::from_utf8(rebuild(pdf).unwrap()).unwrap();
        let tail = &fixed[pdf.len()..];
        let third = pdf.windows(7).position(|w| w == b"3 0 obj").unwrap();
        assert!(tail.contains(&format!("0000000009 00000 n \n0000000000 65535 f \n{third:010} 00000 n \n")), "{tail}");
        assert!(tail.contains("<< /Size 4 /Root 1 0 R >>"), "{tail}");
        assert!(tail.ends_with(&format!("startxref\n{}\n%%EOF\n", pdf.len() + 1)), "{tail}");
    }

    #[test]
    fn a_truncated_file_is_not_rebuilt() {
        let pdf = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\nstartxref\n";
        assert!(rebuild(pdf).is_none());
        assert!(rebuild(b"%PDF-1.4\ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n").is_none());
    }
}
