//! Signatures: whether and when a contract was signed.
//!
//! [`digital`] reads the signature dictionaries of a PDF (`/Type /Sig`, as BankID signing
//! services and pyHanko write them in an incremental update): the signer from `/Name` and the
//! signing date from `/M`. It scans the raw bytes without a PDF parser, so the work is linear
//! and capped: a dictionary's start is searched for at most [`MAX_DICT`] bytes before its
//! `/Type /Sig`, the dictionary is read for at most twice that, and the whole scan reads at
//! most a few times the file's size. The signer's name in the certificate (inside
//! `/Contents`) is not read: without `/Name` the name is unknown. Limitations: dictionaries inside
//! compressed object streams (`/ObjStm`) or encrypted files cannot be read this way, a
//! dictionary without `/Type /Sig` (the key is optional) is not found, and a dictionary
//! counts only with `/Contents` or `/ByteRange` (a placeholder or an unsigned `/FT /Sig` field
//! is no signature). Document timestamps (`/Type /DocTimeStamp`) are not signatures.
//!
//! [`in_text`] reads the signature block of the normalized text: the paragraphs after the
//! last heading named like "Underskrifter" or "Signatures", else the last paragraphs from the
//! first signature cue. Dates count only on signing lines ("Dato: …", "Sted/dato: …",
//! "Oslo, 12.10.2026", "Signed …"); names come from labelled lines ("For arbeidsgiver: NAME",
//! "Arbeidstaker: NAME", "Name: NAME") or from a bare name line next to a party label. When
//! the parties signed on different days, the latest date is the block's date.

use std::collections::{HashSet, VecDeque};
use std::hash::{DefaultHasher, Hash, Hasher};

use crate::date::Date;
use crate::model::{Signature, SignatureKind};
use crate::normalize::Text;
use crate::numbering;
use crate::values;

/// Most bytes searched back from a `/Type /Sig` for its dictionary's start; the dictionary
/// itself may take up to twice this (a signature's `/Contents` is large).
pub const MAX_DICT: usize = 64 * 1024;

// ---------------------------------------------------------------- digital

/// Digital signatures in a PDF's bytes (signature dictionaries), in file order, without
/// duplicates (a dictionary repeated by a later incremental update counts once).
pub fn digital(pdf: &[u8]) -> Vec<Signature> {
    let mut budget = pdf.len().saturating_mul(4).saturating_add(4 * MAX_DICT);
    let (mut found, mut seen) = (Vec::new(), HashSet::new());
    let (mut pos, mut floor) = (0, 0);
    while let Some(at) = find(pdf, b"/Type", pos) {
        pos = at + 5;
        let value = skip_space(pdf, pos);
        if !pdf[value..].starts_with(b"/Sig") || pdf.get(value + 4).is_some_and(|&b| is_regular(b)) {
            continue;
        }
        if budget == 0 {
            break;
        }
        // Work is charged by the bytes read, so that hostile input stays linear.
        let lower = floor.max(at.saturating_sub(MAX_DICT));
        floor = value + 4;
        let Some(start) = dict_start(pdf, lower, at) else {
            budget = budget.saturating_sub(at - lower);
            continue;
        };
        let limit = pdf.len().min(start + 2 * MAX_DICT);
        let dict = read_dict(pdf, start, limit);
        budget = budget.saturating_sub(dict.as_ref().map_or(limit, |d| d.end) - start);
        let Some(dict) = dict else { continue };
        pos = pos.max(dict.end);
        floor = floor.max(dict.end);
        if dict.is_sig && dict.signed && seen.insert(dict.key) {
            found.push(Signature {
                kind: SignatureKind::Digital,
                name: dict.name.as_deref().and_then(decode_text),
                date: dict.m.as_deref().and_then(pdf_date),
            });
        }
    }
    found
}

fn find(hay: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|i| from + i)
}

fn is_space(b: u8) -> bool {
    matches!(b, 0 | b'\t' | b'\n' | 12 | b'\r' | b' ')
}

fn is_regular(b: u8) -> bool {
    !is_space(b) && !b"()<>[]{}/%".contains(&b)
}

fn skip_space(pdf: &[u8], mut i: usize) -> usize {
    while pdf.get(i).is_some_and(|&b| is_space(b)) {
        i += 1;
    }
    i
}

/// The `<<` that opens the dictionary holding position `at`, searched back to `lower`.
fn dict_start(pdf: &[u8], lower: usize, at: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = at;
    while i >= lower + 2 {
        match &pdf[i - 2..i] {
            b">>" => depth += 1,
            b"<<" if depth == 0 => return Some(i - 2),
            b"<<" => depth -= 1,
            _ => {
                i -= 1;
                continue;
            }
        }
        i -= 2;
    }
    None
}

/// What one dictionary says about a signature.
#[derive(Default)]
struct SigDict {
    end: usize,
    is_sig: bool,
    signed: bool,
    name: Option<Vec<u8>>,
    m: Option<Vec<u8>>,
    key: u64,
}

/// Reads the dictionary opening at `start` (its top-level keys only); `None` when it does not
/// close before `limit`.
fn read_dict(pdf: &[u8], start: usize, limit: usize) -> Option<SigDict> {
    let (mut dict, mut hash) = (SigDict::default(), DefaultHasher::new());
    let (mut depth, mut arrays, mut i) = (0usize, 0usize, start);
    let mut pending: Option<&[u8]> = None;
    while i < limit {
        let b = pdf[i];
        let top = depth == 1 && arrays == 0;
        if is_space(b) {
            i += 1;
        } else if b == b'%' {
            while i < limit && !matches!(pdf[i], b'\n' | b'\r') {
                i += 1;
            }
        } else if pdf[i..limit].starts_with(b"<<") {
            (depth, i, pending) = (depth + 1, i + 2, None);
        } else if pdf[i..limit].starts_with(b">>") {
            (depth, i) = (depth.checked_sub(1)?, i + 2);
            if depth == 0 {
                dict.end = i;
                dict.key = hash.finish();
                return Some(dict);
            }
        } else if b == b'(' || b == b'<' {
            let (s, next) = if b == b'(' { literal(pdf, i, limit)? } else { hex(pdf, i, limit)? };
            if top {
                match pending.take() {
                    Some(b"Name") => dict.name = Some(s),
                    Some(b"M") => dict.m = Some(s),
                    Some(b"Contents") => {
                        dict.signed = true;
                        s.hash(&mut hash);
                    }
                    _ => {}
                }
            }
            i = next;
        } else if b == b'[' || b == b']' {
            if top && b == b'[' && pending == Some(&b"ByteRange"[..]) {
                dict.signed = true;
                let end = find(&pdf[..limit], b"]", i)?;
                pdf[i..end].hash(&mut hash);
            }
            arrays = if b == b'[' { arrays + 1 } else { arrays.checked_sub(1)? };
            (i, pending) = (i + 1, None);
        } else {
            let from = i + usize::from(b == b'/');
            i = from;
            while i < limit && is_regular(pdf[i]) {
                i += 1;
            }
            let token = &pdf[from..i];
            i = i.max(from + 1);
            if !top {
                continue;
            }
            pending = match pending {
                Some(b"Type") => {
                    dict.is_sig |= b == b'/' && token == b"Sig";
                    None
                }
                None if b == b'/' => Some(token),
                _ => None,
            };
        }
    }
    None
}

/// A literal string `( … )` at `i`: its bytes and the position after it.
fn literal(pdf: &[u8], mut i: usize, limit: usize) -> Option<(Vec<u8>, usize)> {
    let (mut out, mut nest) = (Vec::new(), 0usize);
    i += 1;
    while i < limit {
        let b = pdf[i];
        i += 1;
        match b {
            b'(' => nest += 1,
            b')' if nest == 0 => return Some((out, i)),
            b')' => nest -= 1,
            b'\\' => {
                let e = *pdf[..limit].get(i)?;
                i += 1;
                let c = match e {
                    b'n' => b'\n',
                    b'r' => b'\r',
                    b't' => b'\t',
                    b'b' => 8,
                    b'f' => 12,
                    b'0'..=b'7' => {
                        let mut v = u32::from(e - b'0');
                        for _ in 0..2 {
                            match pdf[..limit].get(i) {
                                Some(&d @ b'0'..=b'7') => (v, i) = (v * 8 + u32::from(d - b'0'), i + 1),
                                _ => break,
                            }
                        }
                        v as u8
                    }
                    b'\r' | b'\n' => {
                        if e == b'\r' && pdf[..limit].get(i) == Some(&b'\n') {
                            i += 1;
                        }
                        continue;
                    }
                    e => e,
                };
                out.push(c);
                continue;
            }
            _ => {}
        }
        out.push(b);
    }
    None
}

/// A hex string `< … >` at `i`: its bytes and the position after it.
fn hex(pdf: &[u8], i: usize, limit: usize) -> Option<(Vec<u8>, usize)> {
    let end = find(&pdf[..limit], b">", i)?;
    let digits: Vec<u8> = pdf[i + 1..end].iter().filter_map(|&b| (b as char).to_digit(16)).map(|d| d as u8).collect();
    Some((digits.chunks(2).map(|p| p[0] << 4 | p.get(1).copied().unwrap_or(0)).collect(), end + 1))
}

/// PDF text string bytes as text: UTF-16BE with BOM, UTF-8 with BOM, else PDFDocEncoding.
fn decode_text(bytes: &[u8]) -> Option<String> {
    let text: String = if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        let units = rest.chunks_exact(2).map(|p| u16::from_be_bytes([p[0], p[1]]));
        char::decode_utf16(units).map(|c| c.unwrap_or('\u{fffd}')).collect()
    } else if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        bytes.iter().map(|&b| pdf_doc_char(b)).collect()
    };
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// PDFDocEncoding: Latin-1 except 0x80 to 0xA0.
fn pdf_doc_char(b: u8) -> char {
    const HIGH: &str = "•†‡…—–ƒ⁄‹›−‰„“”‘’‚™ﬁﬂŁŒŠŸŽıłœšž\u{fffd}€";
    match b {
        0x80..=0xA0 => HIGH.chars().nth(usize::from(b - 0x80)).unwrap_or('\u{fffd}'),
        b => char::from(b),
    }
}

/// The local date of a PDF date "D:YYYYMMDDHHmmSS+01'00'".
fn pdf_date(bytes: &[u8]) -> Option<Date> {
    let s = std::str::from_utf8(bytes).ok()?.trim();
    let s = s.strip_prefix("D:").unwrap_or(s);
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        s.get(r).filter(|d| d.bytes().all(|b| b.is_ascii_digit()))?.parse().ok()
    };
    Date::new(num(0..4)? as i32, num(4..6)?, num(6..8)?)
}

// ---------------------------------------------------------------- text

/// Paragraphs at the end of a document searched when no signature heading is found.
const TAIL: usize = 12;

/// A signature heading: "Underskrifter", "7. Signatures:", "§ 9 Underteikning".
fn is_signature_heading(line: &str) -> bool {
    const WORDS: [&str; 11] = [
        "underskrift",
        "underskrifter",
        "underteikning",
        "underteikningar",
        "signatur",
        "signaturer",
        "signature",
        "signatures",
        "signering",
        "signing",
        "execution",
    ];
    let rest = match numbering::numbering(line) {
        Some(n) if n.kind == numbering::Kind::Section => &line[n.len..],
        _ => line,
    };
    let word = rest.trim().trim_end_matches(':').trim_end();
    WORDS.iter().any(|w| word.eq_ignore_ascii_case(w))
}

/// A place before a date: "Oslo,", "Mo i Rana, den", "Signed upon Stord, the" (up to three
/// capitalised words, joined by i/på/upon, then a comma).
fn is_place(label: &str) -> bool {
    let Some(head) = label.strip_suffix(',').or_else(|| {
        label.strip_suffix(" den").or_else(|| label.strip_suffix(" the")).and_then(|h| h.strip_suffix(','))
    }) else {
        return false;
    };
    let mut names = 0;
    let mut joined = false;
    for (i, word) in head.split(' ').enumerate() {
        if i > 0 && !joined && matches!(word, "i" | "på" | "upon") {
            joined = true;
            continue;
        }
        let mut chars = word.chars();
        let capital = chars.next().is_some_and(char::is_uppercase);
        if !capital || !chars.all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '-')) {
            return false;
        }
        names += 1;
        joined = false;
    }
    !joined && (1..=3).contains(&names)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Party {
    Employer,
    Employee,
    Other,
}

/// Signature blocks in the normalized text: one signature per signing party found, each with
/// the block's date; one without a name when the block has a date but no names.
pub fn in_text(text: &Text) -> Vec<Signature> {
    let n = text.paragraphs.len();
    let lines = |from: usize| (from..n).map(|i| text.paragraph(i));
    if let Some(h) = (0..n).rev().find(|&i| is_signature_heading(text.paragraph(i))) {
        let found = read_block(lines(h + 1));
        if !found.is_empty() {
            return found;
        }
    }
    const CUES: [&str; 8] =
        ["underskr", "underteikn", "signatur", "signature", "signed", "signert", "signering", "on behalf of"];
    let is_cue = |i: usize| {
        let line = text.paragraph(i);
        let lower = line.to_lowercase();
        CUES.iter().any(|c| lower.contains(c))
            || lower.split(" | ").any(is_date_header)
            || line_date(line, i.checked_sub(1).map(|j| text.paragraph(j))).is_some()
    };
    match (n.saturating_sub(TAIL)..n).find(|&i| is_cue(i)) {
        Some(first) => read_block(lines(first)),
        None => Vec::new(),
    }
}

/// Reads a signature block: the latest signing date, and the names by party.
fn read_block<'a>(lines: impl Iterator<Item = &'a str>) -> Vec<Signature> {
    let mut date: Option<Date> = None;
    let mut names: Vec<(Party, String)> = Vec::new();
    let (mut pending, mut loose) = (VecDeque::new(), VecDeque::new());
    let mut add = |party: Party, name: String| {
        if !names.iter().any(|(p, n)| *n == name || (*p == party && party != Party::Other)) {
            names.push((party, name));
        }
    };
    let mut above: Option<&str> = None;
    for line in lines {
        date = date.max(line_date(line, above));
        above = Some(line);
        for cell in line.split(" | ") {
            // "Label: value" pairs; several in one cell when a PDF joined the columns.
            let parts: Vec<&str> = cell.split(':').collect();
            for k in 1..parts.len() {
                let label = if k == 1 { parts[0] } else { parts[k - 1].rsplit(',').next().unwrap_or("") };
                let (value, name) = (parts[k], person(parts[k]));
                match (label_party(label), name) {
                    (Some(Some(party)), Some(name)) => add(party, name),
                    (Some(Some(party)), None) if value.chars().all(|c| matches!(c, ' ' | '_' | '.')) => {
                        match loose.pop_front() {
                            Some(name) => add(party, name),
                            None => pending.push_back(party),
                        }
                    }
                    (Some(None), Some(name)) => add(pending.pop_front().unwrap_or(Party::Other), name),
                    _ => {}
                }
            }
            if parts.len() > 1 {
                continue;
            }
            match (label_party(cell), person(cell)) {
                (Some(Some(party)), _) => match loose.pop_front() {
                    Some(name) => add(party, name),
                    None => pending.push_back(party),
                },
                // A bare name line: for a party named before, or kept for a label after it.
                (None, Some(name)) => match pending.pop_front() {
                    Some(party) => add(party, name),
                    None if name == cell.trim() => loose.push_back(name),
                    None => {}
                },
                _ => {}
            }
        }
    }
    let sign = |name| Signature { kind: SignatureKind::Text, name, date };
    if names.is_empty() {
        return date.map(|_| sign(None)).into_iter().collect();
    }
    names.into_iter().map(|(_, name)| sign(Some(name))).collect()
}

/// A cell that only names the date column: "Dato", "Sted og dato", "Place/date".
fn is_date_header(cell: &str) -> bool {
    let words: Vec<&str> = cell.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.iter().any(|w| matches!(*w, "dato" | "date"))
        && words.iter().all(|w| matches!(*w, "dato" | "date" | "sted" | "stad" | "place" | "og" | "and"))
}

/// The latest signing date in a line's cells. A cell holding only a date takes its label
/// from the cell to its left ("Dato | 12.10.2026") or from the same column of the line above.
fn line_date(line: &str, above: Option<&str>) -> Option<Date> {
    let cells: Vec<&str> = line.split(" | ").collect();
    let above: Vec<&str> = above.map(|a| a.split(" | ").collect()).unwrap_or_default();
    let context = |k: usize| [k.checked_sub(1).map(|j| cells[j]), above.get(k).copied()];
    (0..cells.len()).filter_map(|k| signing_date(cells[k], context(k))).max()
}

/// The date in a signing line cell ("Dato: …", "Oslo, …", "Signed on …"), labelled by the
/// text before it or else by one of the `context` cells.
fn signing_date(cell: &str, context: [Option<&str>; 2]) -> Option<Date> {
    let found = values::dates(cell).into_iter().next()?;
    let own = cell[..found.start].trim();
    let labels = if own.is_empty() { context } else { [Some(own), None] };
    labels.into_iter().flatten().any(is_signing_label).then_some(found.value)
}

fn is_signing_label(label: &str) -> bool {
    const SIGNING: [&str; 8] =
        ["dato", "date", "dated", "signed", "signert", "underskrevet", "underskrive", "underteikna"];
    const OTHER: &str =
        "tiltr start oppstart commenc begin effective fødsel birth slutt end utløp expir frist deadline fra from til";
    let label = label.trim().trim_end_matches(':').trim_end();
    let lower = label.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let signing = words.len() <= 6
        && words.iter().any(|w| SIGNING.contains(w))
        && !words.iter().any(|w| OTHER.split(' ').any(|o| w.starts_with(o)));
    signing || is_place(label)
}

/// The party a label names: `Some(Some(party))` for a party, `Some(None)` for a plain name or
/// signature label, `None` for anything else.
fn label_party(label: &str) -> Option<Option<Party>> {
    let lower = label.trim().to_lowercase();
    if lower.is_empty() || lower.ends_with('.') || lower.split_whitespace().count() > 8 {
        return None;
    }
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if has(&["arbeidstak", "employee"]) {
        Some(Some(Party::Employee))
    } else if has(&["arbeidsgiv", "arbeidsgjev", "employer", "on behalf of", "på vegne av"])
        || lower.starts_with("for ")
    {
        Some(Some(Party::Employer))
    } else if has(&["navn", "namn", "name", "signed", "signert", "signatur", "signature", "underskrift", "underteikn"])
    {
        Some(None)
    } else {
        None
    }
}

/// A person's name at the start of `value` ("Ola Hansen, daglig leder" → "Ola Hansen"): two
/// to five capitalized words, stopping at a comma, a lower-case word or a job title.
fn person(value: &str) -> Option<String> {
    // Job titles and the labels of a neighbouring column end a name.
    const STOP: &str = "ceo cfo cto coo hr hr-sjef managing director adm. styreleder leder manager \
        date dato sted stad place signature signatur underskrift name navn namn employee employer \
        arbeidstaker arbeidstakar arbeidsgiver arbeidsgivar";
    const COMPANY: [&str; 14] =
        ["as", "asa", "ans", "da", "sa", "ba", "nuf", "iks", "kf", "ltd", "inc", "llc", "gmbh", "ab"];
    const PARTICLES: [&str; 6] = ["von", "van", "de", "der", "af", "av"];
    let head = value.split([',', '(', '_', '|', ';']).next()?.split(" - ").next()?;
    let words: Vec<&str> = head
        .split_whitespace()
        .take_while(|w| {
            let lower = w.to_lowercase();
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            (capital || PARTICLES.contains(&lower.as_str()))
                && !STOP.split_whitespace().any(|s| s == lower.trim_end_matches(':'))
        })
        .collect();
    let valid = (2..=5).contains(&words.len())
        && words.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\'')))
        && !words.iter().any(|w| COMPANY.contains(&w.trim_end_matches('.').to_lowercase().as_str()));
    valid.then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Document, Page};

    #[test]
    fn headings_and_places() {
        for line in ["Underskrifter", "7. Signatures:", "§ 9 Underteikning", "SIGNATUR"] {
            assert!(is_signature_heading(line), "{line}");
        }
        for line in ["Underskrift av arbeidsgiver", "7. Lønn", "Signert avtale sendes HR"] {
            assert!(!is_signature_heading(line), "{line}");
        }
        for label in ["Oslo,", "Mo i Rana, den", "Stord, the", "Ål i Hallingdal,", "St. Olavs Plass,"] {
            assert!(is_place(label), "{label}");
        }
        for label in ["oslo,", "Mo i,", "Oslo", "Dato og sted,", "A B C D,"] {
            assert!(!is_place(label), "{label}");
        }
    }

    // ------------------------------------------------------------ digital

    const BASE: &str = "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\nxref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \ntrailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n110\n%%EOF\n";

    /// A signature dictionary as signing services write it; `name` is a PDF string token.
    fn sig(obj: u32, name: &str, m: &str) -> String {
        format!(
            "{obj} 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /Name {name} /M ({m}) /Reason (Avtale) /Prop_Build << /Filter << /Name /Adobe.PPKLite >> >> /ByteRange [0 1000 3000 500 ] /Contents <3082{obj:04x}0000> >>\nendobj\n{} 0 obj\n<< /FT /Sig /T (Signatur{obj}) /V {obj} 0 R /Type /Annot /Subtype /Widget /Rect [0 0 0 0] >>\nendobj\n",
            obj + 1
        )
    }

    /// The base PDF with each update appended as an incremental update.
    fn pdf(updates: &[String]) -> Vec<u8> {
        let mut out = BASE.to_string();
        for u in updates {
            out.push_str(u);
            out.push_str(
                "xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 9 /Root 1 0 R /Prev 110 >>\nstartxref\n999\n%%EOF\n",
            );
        }
        out.into_bytes()
    }

    fn utf16_hex(s: &str) -> String {
        let units = s.encode_utf16().map(|u| format!("{u:04X}")).collect::<String>();
        format!("<FEFF{units}>")
    }

    fn named(found: &[Signature]) -> Vec<(Option<&str>, Option<String>)> {
        found.iter().map(|s| (s.name.as_deref(), s.date.map(|d| d.to_string()))).collect()
    }

    #[test]
    fn literal_name_and_date() {
        let found = digital(&pdf(&[sig(3, "(Kari Nordmann)", "D:20261102143000+01'00'")]));
        assert_eq!(named(&found), vec![(Some("Kari Nordmann"), Some("2026-11-02".into()))]);
        assert_eq!(found[0].kind, SignatureKind::Digital);
        // The date is the local date as written, whatever the zone.
        let found = digital(&pdf(&[sig(3, "(Kari Nordmann)", "D:20261102233000-05'00'")]));
        assert_eq!(found[0].date, Date::new(2026, 11, 2));
    }

    #[test]
    fn escaped_and_encoded_names() {
        let found = digital(&pdf(&[sig(3, &utf16_hex("Åse Ødegård"), "D:20261102")]));
        assert_eq!(named(&found), vec![(Some("Åse Ødegård"), Some("2026-11-02".into()))]);
        // Octal escapes in PDFDocEncoding, escaped parentheses and a line continuation.
        let found = digital(&pdf(&[sig(3, "(\\305se \\(Aase\\) \\330deg\\\n\\345rd \\\\)", "D:2026")]));
        assert_eq!(named(&found), vec![(Some("Åse (Aase) Ødegård \\"), None)]);
        assert_eq!(decode_text(b"\x95ukasz"), Some("Łukasz".into()));
        assert_eq!(
            digital(&pdf(&[sig(3, "()", "D:20261301")]))[0],
            Signature { kind: SignatureKind::Digital, name: None, date: None }
        );
    }

    #[test]
    fn two_signatures_in_order_without_duplicates() {
        let first = sig(3, "(Ola Hansen)", "D:20261101090000+01'00'");
        let second = format!("{first}{}", sig(5, "<FEFF004B006100720069>", "D:20261102143000+01'00'"));
        let found = digital(&pdf(&[first, second]));
        let want = vec![(Some("Ola Hansen"), Some("2026-11-01".into())), (Some("Kari"), Some("2026-11-02".into()))];
        assert_eq!(named(&found), want);
        // No space between key and value.
        let tight = "3 0 obj<</Type/Sig/Name(Ola Hansen)/M(D:20261101)/ByteRange[0 1 2 3]/Contents<00>>>endobj";
        assert_eq!(named(&digital(tight.as_bytes())), vec![(Some("Ola Hansen"), Some("2026-11-01".into()))]);
    }

    #[test]
    fn unsigned_fields_are_not_signatures() {
        let field = "3 0 obj\n<< /FT /Sig /T (Signature1) /Type /Annot /Subtype /Widget /Rect [0 0 0 0] >>\nendobj\n";
        assert!(digital(&pdf(&[field.to_string()])).is_empty());
        let placeholder = "3 0 obj\n<< /Type /Sig /Name (Kari Nordmann) /M (D:20261102) >>\nendobj\n";
        assert!(digital(&pdf(&[placeholder.to_string()])).is_empty());
        let other = "3 0 obj\n<< /Type /SigRef /Name (X Y) /ByteRange [0 1 2 3] /Contents <00> >>\nendobj\n";
        assert!(digital(&pdf(&[other.to_string()])).is_empty());
        assert!(digital(&pdf(&[])).is_empty());
    }

    #[test]
    fn hostile_bytes_never_panic() {
        let full = pdf(&[sig(3, "(Kari Nordmann)", "D:20261102143000+01'00'")]);
        let close = full.windows(9).position(|w| w == b"00> >>\nen").unwrap() + 6;
        for cut in 0..full.len() {
            let found = digital(&full[..cut]);
            assert_eq!(found.len(), usize::from(cut >= close), "cut at {cut}");
        }
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut bytes = Vec::new();
        for round in 0..200 {
            bytes.clear();
            for _ in 0..(round * 37) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                let pick = b"<<>>()[]\\/Type /Sig/Name/M/Contents/ByteRange 0123 FEFF\n%";
                bytes.push(if state % 3 == 0 { state as u8 } else { pick[(state >> 8) as usize % pick.len()] });
            }
            assert!(digital(&bytes).len() <= bytes.len());
        }
        for s in ["/Type /Sig", "<< /Type /Sig (", "<</Type/Sig/Name<FEFF", "<</Type/Sig/Name(\\", ">> /Type /Sig >>"] {
            assert!(digital(s.as_bytes()).is_empty(), "{s}");
        }
        let long = format!("<< /Type /Sig /ByteRange [0 1 2 3] /Contents <{}> >>", "0".repeat(3 * MAX_DICT));
        assert!(digital(long.as_bytes()).is_empty());
    }

    // ------------------------------------------------------------ text

    fn text(paragraphs: &[&str]) -> Text {
        let pages = vec![Page { paragraphs: paragraphs.iter().map(|p| p.to_string()).collect() }];
        crate::normalize::normalize(&Document { paged: false, pages })
    }

    fn signed(paragraphs: &[&str]) -> Vec<(Option<String>, Option<String>)> {
        let found = in_text(&text(paragraphs));
        assert!(found.iter().all(|s| s.kind == SignatureKind::Text));
        found.into_iter().map(|s| (s.name, s.date.map(|d| d.to_string()))).collect()
    }

    fn both(a: &str, b: &str, date: &str) -> Vec<(Option<String>, Option<String>)> {
        vec![(Some(a.into()), Some(date.into())), (Some(b.into()), Some(date.into()))]
    }

    #[test]
    fn bokmal_block() {
        let got = signed(&[
            "1. Stilling",
            "Arbeidstaker tiltrer stillingen 1. mars 2027.",
            "10. Underskrifter",
            "Sted/dato: Oslo, 12.10.2026",
            "For arbeidsgiver: Ola Hansen, daglig leder",
            "Arbeidstaker: Kari Nordmann",
        ]);
        assert_eq!(got, both("Ola Hansen", "Kari Nordmann", "2026-10-12"));
        let got = signed(&["Tekst.", "Dato: 2. november 2026", "Underskrift arbeidsgiver", "Ola Hansen daglig leder"]);
        assert_eq!(got, vec![(Some("Ola Hansen".into()), Some("2026-11-02".into()))]);
    }

    #[test]
    fn nynorsk_block() {
        let got = signed(&[
            "Arbeidstakaren tiltrer 1. mars 2027.",
            "Underskrift",
            "Stad/dato: Førde, 12.11.2026",
            "For Sunnfjord Energi AS: Nils Vik, dagleg leiar",
            "Arbeidstakar: Sigrid Nesse",
        ]);
        assert_eq!(got, both("Nils Vik", "Sigrid Nesse", "2026-11-12"));
    }

    #[test]
    fn english_block() {
        let got = signed(&[
            "The Employee will start on 1 March 2027.",
            "Signatures",
            "Signed in Tromsø on 10 November 2026",
            "For and on behalf of Polar Analytics AS",
            "Name: Anne Berg, CEO",
            "Employee",
            "Signed: John Smith",
        ]);
        assert_eq!(got, both("Anne Berg", "John Smith", "2026-11-10"));
        // Parties signing on different days: the later date binds.
        let got = signed(&["I accept the offer.", "Signed: Priya Natarajan Date: 30 November 2026"]);
        assert_eq!(got, vec![(Some("Priya Natarajan".into()), Some("2026-11-30".into()))]);
        let got = signed(&["Signatures", "Date: 9 November 2026 | Date: November 10, 2026", "Employee: John Smith"]);
        assert_eq!(got, vec![(Some("John Smith".into()), Some("2026-11-10".into()))]);
    }

    #[test]
    fn form_tables() {
        let got = signed(&["Prøvetid\t6 måneder", "Dato\t12.10.2026", "Signatur\t______"]);
        assert_eq!(got, vec![(None, Some("2026-10-12".into()))]);
        let got = signed(&[
            "Underskrifter",
            "Oslo, 12.10.2026",
            "For arbeidsgiver\tArbeidstaker",
            "______\t______",
            "Ola Hansen\tKari Nordmann",
        ]);
        assert_eq!(got, both("Ola Hansen", "Kari Nordmann", "2026-10-12"));
        // A header row over the dates and names.
        let got =
            signed(&["Tekst.", "Dato\tArbeidsgivar\tArbeidstakar", "14.09.2026\tRoar Skeie\tMaria Fernanda Costa"]);
        assert_eq!(got, both("Roar Skeie", "Maria Fernanda Costa", "2026-09-14"));
        // Columns a PDF joined into one line.
        let got = signed(&["Signatures", "Oslo, 3 June 2026", "For Bulk ASA: Harald Berg, CEO Employee: Wei Ling Tan"]);
        assert_eq!(got, both("Harald Berg", "Wei Ling Tan", "2026-06-03"));
        // Names above their labels.
        let got = signed(&["Underskrifter", "Ola Hansen\tKari Nordmann", "Arbeidsgiver\tArbeidstaker"]);
        assert_eq!(got, vec![(Some("Ola Hansen".into()), None), (Some("Kari Nordmann".into()), None)]);
    }

    #[test]
    fn blank_lines_and_start_dates_give_nothing() {
        assert!(
            signed(&["Underskrifter", "Sted/dato: ________", "Signatur: ________", "Arbeidstaker: ______"]).is_empty()
        );
        assert!(signed(&[
            "Arbeidsavtale",
            "Arbeidstaker: Kari Nordmann",
            "Arbeidstaker tiltrer stillingen 1. mars 2027.",
            "Tiltredelsesdato: 1.3.2027",
            "Dato for tiltredelse: 1. mars 2027",
            "Start date: 1 March 2027",
            "Arbeidsgiver: Fjordnett Digital AS",
        ])
        .is_empty());
        // A company is no person's name.
        assert!(signed(&["Underskrifter", "Arbeidsgiver: Fjordnett Digital AS"]).is_empty());
        assert!(in_text(&Text::default()).is_empty());
    }

    #[test]
    fn fixtures() {
        let read = |name: &str| {
            let bytes = std::fs::read(format!("{}/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap();
            let found = in_text(&crate::normalize::normalize(&crate::extract::text::extract(&bytes).unwrap()));
            found.into_iter().map(|s| (s.name, s.date.map(|d| d.to_string()))).collect::<Vec<_>>()
        };
        assert_eq!(read("avtale-bokmal.txt"), both("Ola Hansen", "Kari Nordmann", "2026-11-10"));
        assert_eq!(read("avtale-nynorsk.txt"), both("Nils Vik", "Sigrid Nesse", "2026-11-12"));
        assert_eq!(read("contract-english.txt"), both("Anne Berg", "John Smith", "2026-11-10"));
    }
}
