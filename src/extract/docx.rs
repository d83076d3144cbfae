//! DOCX reader: the text of an Office Open XML word-processing document, read with `zip` and
//! `quick-xml`.
//!
//! What is read: the main document part (found through `_rels/.rels`, by default
//! `word/document.xml`), then the footnotes and endnotes parts found through the main part's
//! relationships, in that order. Headers and footers are deliberately not read: they hold
//! letterhead and page numbers, never clauses, and they would repeat on every page.
//!
//! Text rules:
//! - Runs are joined with no separator, so a word split over formatting runs stays one word.
//! - `w:tab`/`w:ptab` become `\t`, `w:br`/`w:cr` become `\n`, `w:noBreakHyphen` becomes `-` and
//!   `w:softHyphen` becomes U+00AD.
//! - Tracked insertions are kept; deletions (`w:del`, `w:moveFrom`) and field codes
//!   (`w:instrText`) are dropped, while field results are kept. Hyperlinks, content controls,
//!   smart tags, simple fields and custom XML are read through.
//! - Of an `mc:AlternateContent`, only the first branch (the `mc:Choice`) is read, so a text
//!   box that Word writes twice (DrawingML and a VML fallback) appears once.
//! - A table row becomes one paragraph: its non-empty cells joined with ` | `, the paragraphs
//!   within a cell joined with a space. Nested tables are flattened into their cell's text.
//! - Paragraphs holding only whitespace are dropped.
//! - Automatic numbering (`word/numbering.xml`, found through the main part's relationships)
//!   is written before the paragraph's text as Word draws it, followed by a space: "12. ",
//!   "a) ", "• " (see [`numbering`]). Without a numbering part there are no numbers.
//! - Form boxes are written as Word shows them, ☒ checked and ☐ empty: checkbox content
//!   controls, legacy checkbox form fields and boxes inserted as Wingdings or Symbol
//!   characters; a legacy drop-down form field as its chosen entry (see [`forms`]).
//!
//! Hostile input: each part is refused past `Limits::max_part_bytes`, both by its declared size
//! and by what it actually inflates to, and all parts together past `Limits::max_total_bytes`.
//! Only the five predefined XML entities and character references are resolved; entities
//! declared in a DTD are never expanded. Elements nested deeper than [`MAX_DEPTH`] make the
//! document corrupt. With `Limits::timeout` set, a part still being parsed at the deadline makes
//! the document time out; inflating is bounded by the size limits alone.

use std::fmt::Display;
use std::io::{Cursor, Read};
use std::time::Instant;

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use zip::result::ZipError;
use zip::ZipArchive;

use super::{Document, Limits, Page};
use crate::error::{ErrorKind, FileError};

mod forms;
mod numbering;
use forms::{Font, Forms, Shown};
use numbering::{NumPr, Numbering};

/// Deepest element nesting accepted in a part.
pub const MAX_DEPTH: usize = 10_000;

/// XML events parsed between two looks at the clock.
const EVENTS_PER_CLOCK_CHECK: u32 = 4096;

/// Elements whose whole content is ignored: tracked deletions and moves, field codes, and
/// paragraph/run properties (`w:tabs` inside `w:pPr` holds `w:tab` stops that are not text).
const SKIPPED: [&str; 6] = ["del", "moveFrom", "instrText", "delText", "pPr", "rPr"];

type Zip<'a> = ZipArchive<Cursor<&'a [u8]>>;

/// Most footnote and endnote parts read: Word writes one of each.
pub const MAX_NOTE_PARTS: usize = 8;

/// Extracts the text of a DOCX file held in `bytes`.
pub fn extract(bytes: &[u8], limits: &Limits) -> Result<Document, FileError> {
    let mut zip =
        ZipArchive::new(Cursor::new(bytes)).map_err(|e| corrupt(format!("not a readable zip archive: {e}")))?;
    let mut budget = limits.max_total_bytes;
    let deadline = limits.timeout.map(|t| Instant::now() + t);
    let main = match read_part(&mut zip, "_rels/.rels", limits, &mut budget)? {
        Some(xml) => relationships(&xml, "", "/officeDocument")?.into_iter().next(),
        None => None,
    }
    .unwrap_or_else(|| "word/document.xml".to_string());
    let xml = read_part(&mut zip, &main, limits, &mut budget)?
        .ok_or_else(|| corrupt(format!("no main document part ({main})")))?;
    word_processing(&xml, &main)?;

    let (dir, file) = main.rsplit_once('/').unwrap_or(("", main.as_str()));
    let rels_name = format!("{dir}{}_rels/{file}.rels", if dir.is_empty() { "" } else { "/" });
    let rels = read_part(&mut zip, &rels_name, limits, &mut budget)?;
    let mut numbering = Numbering::default();
    if let Some(rels) = &rels {
        read_numbering(&mut zip, rels, dir, limits, &mut budget, deadline, &mut numbering)?;
    }
    let mut paragraphs = Vec::new();
    walk(&xml, &main, &mut paragraphs, deadline, &mut numbering)?;
    drop(xml);

    if let Some(rels) = rels {
        // Each part once, and not the main part again: relationships may name a part many
        // times over, and each reading would add its text again.
        let mut notes: Vec<String> = Vec::new();
        for kind in ["/footnotes", "/endnotes"] {
            for part in relationships(&rels, dir, kind)? {
                if !part.eq_ignore_ascii_case(&main) && !notes.iter().any(|n| n.eq_ignore_ascii_case(&part)) {
                    notes.push(part);
                }
            }
        }
        if notes.len() > MAX_NOTE_PARTS {
            return Err(corrupt(format!("{} footnote and endnote parts (at most {MAX_NOTE_PARTS})", notes.len())));
        }
        for part in notes {
            if let Some(xml) = read_part(&mut zip, &part, limits, &mut budget)? {
                walk(&xml, &part, &mut paragraphs, deadline, &mut numbering)?;
            }
        }
    }
    if paragraphs.is_empty() {
        return Err(FileError::new(
            ErrorKind::NoText,
            "no text in the document body (headers and footers are not read)",
        ));
    }
    Ok(Document { paged: false, pages: vec![Page { paragraphs }] })
}

/// Reads the numbering definitions and, when there are any, the paragraph styles that may
/// name them. A malformed numbering or styles part only costs the numbers: the text is still
/// read, as word processors that repair such files do.
fn read_numbering(
    zip: &mut Zip,
    rels: &str,
    dir: &str,
    limits: &Limits,
    budget: &mut u64,
    deadline: Option<Instant>,
    numbering: &mut Numbering,
) -> Result<(), FileError> {
    let parts = [
        ("/numbering", Numbering::read_numbering as fn(&mut Numbering, &str, &str, Option<Instant>) -> _),
        ("/styles", Numbering::read_styles),
    ];
    for (kind, read) in parts {
        // Styles matter only to a document with numbering definitions.
        if kind == "/styles" && numbering.is_empty() {
            break;
        }
        let Some(part) = relationships(rels, dir, kind)?.into_iter().next() else { continue };
        let Some(xml) = read_part(zip, &part, limits, budget)? else { continue };
        match read(numbering, &xml, &part, deadline) {
            Err(e) if e.kind == ErrorKind::Corrupt => {
                *numbering = Numbering::default();
                break;
            }
            result => result?,
        }
    }
    Ok(())
}

/// Refuses a main part that is not a word-processing document: an XLSX or PPTX is a zip with
/// the same package structure, and would otherwise read as a document without text.
fn word_processing(xml: &str, part: &str) -> Result<(), FileError> {
    let mut reader = Reader::from_str(xml.strip_prefix('\u{feff}').unwrap_or(xml));
    loop {
        match reader.read_event().map_err(malformed(part))? {
            Event::Start(e) | Event::Empty(e) => {
                return match e.local_name().as_ref() {
                    "document" => Ok(()),
                    "workbook" => Err(FileError::new(ErrorKind::Unsupported, "a spreadsheet (XLSX), not a document")),
                    "presentation" => {
                        Err(FileError::new(ErrorKind::Unsupported, "a presentation (PPTX), not a document"))
                    }
                    other => Err(FileError::new(
                        ErrorKind::Unsupported,
                        format!("{part} is a <{other}>, not a word-processing document"),
                    )),
                };
            }
            Event::Eof => return Err(corrupt(format!("{part}: no root element"))),
            _ => {}
        }
    }
}

fn corrupt(detail: impl Into<String>) -> FileError {
    FileError::new(ErrorKind::Corrupt, detail)
}

fn malformed<E: Display>(part: &str) -> impl Fn(E) -> FileError + '_ {
    move |e| corrupt(format!("{part}: malformed XML: {e}"))
}

/// Reads one part as text, or `None` if the archive has no such part. Charges what was read
/// against `budget`, the bytes left of `max_total_bytes`.
fn read_part(zip: &mut Zip, name: &str, limits: &Limits, budget: &mut u64) -> Result<Option<String>, FileError> {
    // Part names are case-insensitive in OPC.
    let index = zip
        .index_for_name(name)
        .or_else(|| zip.file_names().position(|n| n.is_ok_and(|n| n.eq_ignore_ascii_case(name))));
    let Some(index) = index else { return Ok(None) };
    let file = match zip.by_index(index) {
        Ok(file) => file,
        Err(ZipError::UnsupportedArchive(ZipError::PASSWORD_REQUIRED)) => {
            return Err(FileError::new(ErrorKind::Encrypted, format!("part {name} is encrypted")))
        }
        Err(e) => return Err(corrupt(format!("cannot open part {name}: {e}"))),
    };
    let too_large = |what: String| FileError::new(ErrorKind::TooLarge, what);
    let declared = file.size();
    if declared > limits.max_part_bytes {
        return Err(too_large(format!(
            "part {name}: declared uncompressed size {declared} bytes > limit {}",
            limits.max_part_bytes
        )));
    }
    if declared > *budget {
        return Err(too_large(format!("parts together exceed the limit of {} bytes", limits.max_total_bytes)));
    }
    // The declared size may lie: never read more than the limit allows.
    let cap = limits.max_part_bytes.min(*budget);
    let mut data = Vec::new();
    file.take(cap.saturating_add(1))
        .read_to_end(&mut data)
        .map_err(|e| corrupt(format!("cannot read part {name}: {e}")))?;
    let read = data.len() as u64;
    if read > cap {
        return Err(too_large(format!(
            "part {name} inflates past its limit (declared {declared} bytes; limits {} per part, {} in all)",
            limits.max_part_bytes, limits.max_total_bytes
        )));
    }
    *budget -= read;
    decode(data).map(Some).map_err(|detail| corrupt(format!("part {name}: {detail}")))
}

/// XML text in UTF-8 or (with a byte order mark) UTF-16.
fn decode(data: Vec<u8>) -> Result<String, &'static str> {
    let utf16 = |big_endian: bool| {
        let units = data.get(2..).unwrap_or_default().chunks_exact(2).map(|pair| {
            let pair = [pair[0], pair[1]];
            if big_endian {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            }
        });
        char::decode_utf16(units).collect::<Result<String, _>>().map_err(|_| "invalid UTF-16")
    };
    match data.get(..2) {
        Some([0xFF, 0xFE]) => utf16(false),
        Some([0xFE, 0xFF]) => utf16(true),
        _ => String::from_utf8(data).map_err(|_| "invalid UTF-8"),
    }
}

/// Targets of the internal relationships whose type ends with `kind`, as part names resolved
/// against `base` (the folder of the part the relationships belong to).
fn relationships(xml: &str, base: &str, kind: &str) -> Result<Vec<String>, FileError> {
    let part = "relationships";
    let mut reader = Reader::from_str(xml);
    let mut targets = Vec::new();
    loop {
        match reader.read_event().map_err(malformed(part))? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "Relationship" => {
                let (mut matches, mut target, mut external) = (false, None, false);
                for attr in e.attributes() {
                    let attr = attr.map_err(malformed(part))?;
                    let value = attr.normalized_value(XmlVersion::Implicit1_0);
                    let value = value.map_err(malformed(part))?;
                    match attr.key.local_name().as_ref() {
                        "Type" => matches = value.ends_with(kind),
                        "Target" => target = Some(value),
                        "TargetMode" => external = value == "External",
                        _ => {}
                    }
                }
                if let (true, Some(target), false) = (matches, target, external) {
                    targets.push(resolve(base, &target));
                }
            }
            Event::Eof => return Ok(targets),
            _ => {}
        }
    }
}

/// Resolves a relationship target (relative, or absolute from the package root) to a part name.
fn resolve(base: &str, target: &str) -> String {
    let mut segments: Vec<&str> = Vec::new();
    let start = if target.starts_with('/') { "" } else { base };
    for segment in start.split('/').chain(target.split('/')) {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            s => segments.push(s),
        }
    }
    segments.join("/")
}

/// The events of one part, with a look at the clock now and then.
struct Events<'a> {
    reader: Reader<&'a [u8]>,
    part: &'a str,
    deadline: Option<Instant>,
    count: u32,
}

impl<'a> Events<'a> {
    fn new(xml: &'a str, part: &'a str, deadline: Option<Instant>) -> Self {
        let reader = Reader::from_str(xml.strip_prefix('\u{feff}').unwrap_or(xml));
        Events { reader, part, deadline, count: 0 }
    }

    fn next(&mut self) -> Result<Event<'a>, FileError> {
        self.count = self.count.wrapping_add(1);
        if self.count % EVENTS_PER_CLOCK_CHECK == 0 && self.deadline.is_some_and(|d| Instant::now() > d) {
            return Err(FileError::new(ErrorKind::Timeout, format!("{}: still parsing at the deadline", self.part)));
        }
        self.reader
            .read_event()
            .map_err(|e| corrupt(format!("{}: malformed XML at byte {}: {e}", self.part, self.reader.error_position())))
    }

    /// Skips the rest of the element just opened.
    fn skip(&mut self) -> Result<(), FileError> {
        let mut depth = 1usize;
        while depth > 0 {
            match self.next()? {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth -= 1,
                Event::Eof => return Err(corrupt(format!("{}: ends inside an element", self.part))),
                _ => {}
            }
        }
        Ok(())
    }
}

/// An open container that collects text until its end tag.
enum Frame {
    Para(String, NumPr),
    Row(Vec<String>),
    Cell(Vec<String>),
}

/// Appends the paragraphs of one part to `out`, giving up at `deadline`.
fn walk(
    xml: &str,
    part: &str,
    out: &mut Vec<String>,
    deadline: Option<Instant>,
    numbering: &mut Numbering,
) -> Result<(), FileError> {
    let mut events = Events::new(xml, part, deadline);
    let mut frames: Vec<Frame> = Vec::new();
    // One entry per open `mc:AlternateContent`: whether a branch has been read already.
    let mut alternates: Vec<bool> = Vec::new();
    let mut depth = 0usize;
    let mut skip_from: Option<usize> = None;
    // The depth of the open paragraph's own `w:pPr`, whose numbering is read.
    let mut properties: Option<usize> = None;
    // The depth of the open run's `w:rPr`, and the symbol font it sets.
    let mut run_properties: Option<usize> = None;
    let mut run_font: Option<Font> = None;
    let mut in_text = false;
    let mut forms = Forms::default();
    loop {
        let event = events.next()?;
        let text = match frames.last_mut() {
            Some(Frame::Para(text, _)) if skip_from.is_none() => Some(text),
            _ => None,
        };
        match event {
            Event::Start(e) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Err(corrupt(format!("{part}: elements nested deeper than {MAX_DEPTH}")));
                }
                if skip_from.is_none() {
                    let name = e.local_name();
                    if name.as_ref() == "r" {
                        run_font = None;
                    }
                    if !open(&e, &mut frames, &mut alternates, &mut in_text, &mut forms) {
                        skip_from = Some(depth);
                        match name.as_ref() {
                            "pPr" if matches!(frames.last(), Some(Frame::Para(..))) => properties = Some(depth),
                            "rPr" => run_properties = Some(depth),
                            _ => {}
                        }
                    }
                } else if let (Some(at), Some(Frame::Para(_, num))) = (properties, frames.last_mut()) {
                    paragraph_property(&e, depth - at, num);
                } else if run_properties == Some(depth - 1) && e.local_name().as_ref() == "rFonts" {
                    run_font = forms::run_font(&e);
                }
            }
            Event::Empty(e) => {
                if skip_from.is_none() {
                    match text {
                        Some(text) => match special_char(&e).map(Shown::Box).or_else(|| forms.start(&e, true, text)) {
                            Some(Shown::Box(c)) => text.push(c),
                            Some(Shown::Text(shown)) => text.push_str(&shown),
                            None => {}
                        },
                        None => drop(forms.start(&e, true, "")),
                    }
                } else if let (Some(at), Some(Frame::Para(_, num))) = (properties, frames.last_mut()) {
                    paragraph_property(&e, depth + 1 - at, num);
                } else if run_properties == Some(depth) && e.local_name().as_ref() == "rFonts" {
                    run_font = forms::run_font(&e);
                }
            }
            Event::End(e) => {
                if skip_from == Some(depth) {
                    skip_from = None;
                    properties = None;
                    run_properties = None;
                } else if skip_from.is_none() {
                    match e.local_name().as_ref() {
                        "p" | "tr" | "tc" => close(&mut frames, out, numbering),
                        "t" => in_text = false,
                        "AlternateContent" => drop(alternates.pop()),
                        "fldChar" => forms.end_field_char(),
                        _ => {}
                    }
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(t) if in_text => {
                if let Some(text) = text {
                    match run_font {
                        Some(font) => text.extend(t.xml10_content().chars().map(|c| forms::shown(font, c))),
                        None => text.push_str(&t.xml10_content()),
                    }
                }
            }
            Event::CData(t) if in_text => {
                if let Some(text) = text {
                    text.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) if in_text => {
                if let Some(text) = text {
                    match r.resolve_char_ref().map_err(malformed(part))? {
                        Some(c) => text.push(run_font.map_or(c, |font| forms::shown(font, c))),
                        // Entities declared in a DTD are never expanded.
                        None => text.push_str(resolve_predefined_entity(&r).unwrap_or_default()),
                    }
                }
            }
            Event::Eof if depth == 0 => return Ok(()),
            Event::Eof => return Err(corrupt(format!("{part}: ends inside an element"))),
            _ => {}
        }
    }
}

/// Reads the style and numbering of a paragraph from an element `below` levels inside its
/// `w:pPr`: `w:pStyle` and `w:numPr` are children, `w:ilvl` and `w:numId` grandchildren
/// (`w:pPrChange` holds a tracked change's old properties deeper down).
fn paragraph_property(e: &BytesStart, below: usize, num: &mut NumPr) {
    match (below, e.local_name().as_ref()) {
        (1, "pStyle") => num.style = numbering::attr(e, "val"),
        (2, "numId") => num.num_id = numbering::number(e, "val"),
        (2, "ilvl") => num.level = numbering::number(e, "val"),
        _ => {}
    }
}

/// Handles a start tag outside skipped content; returns false if its content is to be skipped.
fn open(
    e: &BytesStart,
    frames: &mut Vec<Frame>,
    alternates: &mut Vec<bool>,
    in_text: &mut bool,
    forms: &mut Forms,
) -> bool {
    match e.local_name().as_ref() {
        "p" => frames.push(Frame::Para(String::new(), NumPr::default())),
        "tr" => frames.push(Frame::Row(Vec::new())),
        "tc" => frames.push(Frame::Cell(Vec::new())),
        "t" => *in_text = true,
        "AlternateContent" => alternates.push(false),
        "Choice" | "Fallback" => match alternates.last_mut() {
            Some(taken) if !*taken => *taken = true,
            _ => return false,
        },
        name if SKIPPED.contains(&name) => return false,
        _ => {
            let Some(Frame::Para(text, _)) = frames.last_mut() else {
                forms.start(e, false, "");
                return true;
            };
            if let Some(c) = special_char(e) {
                text.push(c);
            } else {
                match forms.start(e, false, text) {
                    // A checkbox content control shows its box, whatever its content holds.
                    Some(Shown::Box(c)) => {
                        text.push(c);
                        return false;
                    }
                    Some(Shown::Text(shown)) => text.push_str(&shown),
                    None => {}
                }
            }
        }
    }
    true
}

/// The character an empty run element such as `w:tab` stands for.
fn special_char(e: &BytesStart) -> Option<char> {
    match e.local_name().as_ref() {
        "tab" | "ptab" => Some('\t'),
        "br" | "cr" => Some('\n'),
        "noBreakHyphen" => Some('-'),
        "softHyphen" => Some('\u{ad}'),
        "sym" => forms::symbol(e),
        _ => None,
    }
}

/// Closes the innermost frame and hands its text to the frame that collects it (a cell for a
/// paragraph or a nested row, a row for a cell) or, at the top level, to `out`. A paragraph
/// gets its number, counted even when the paragraph is empty, as Word counts it.
fn close(frames: &mut Vec<Frame>, out: &mut Vec<String>, numbering: &mut Numbering) {
    let (text, into_row) = match frames.pop() {
        Some(Frame::Para(text, num)) => match numbering.label(&num) {
            Some(label) if !text.trim().is_empty() => (label + &text, false),
            _ => (text, false),
        },
        Some(Frame::Row(cells)) => (cells.join(" | "), false),
        Some(Frame::Cell(paragraphs)) => (paragraphs.join(" "), true),
        None => return,
    };
    if text.trim().is_empty() {
        return;
    }
    for frame in frames.iter_mut().rev() {
        match frame {
            Frame::Row(cells) if into_row => return cells.push(text),
            Frame::Cell(paragraphs) if !into_row => return paragraphs.push(text),
            _ => {}
        }
    }
    out.push(text);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::time::{Duration, Instant};
    use zip::write::SimpleFileOptions;
    use zip::{CompressionMethod, ZipWriter};

    const NS: &str = concat!(
        r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
        r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
        r#"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#,
        r#"xmlns:v="urn:schemas-microsoft-com:vml""#
    );
    const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    fn paragraphs(bytes: &[u8]) -> Vec<String> {
        let mut doc = extract(bytes, &Limits::default()).expect("extracts");
        assert!(!doc.paged);
        assert_eq!(doc.pages.len(), 1);
        doc.pages.remove(0).paragraphs
    }

    fn error(bytes: &[u8], limits: &Limits) -> FileError {
        extract(bytes, limits).expect_err("must be refused")
    }

    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        for (name, data) in entries {
            zip.start_file(*name, SimpleFileOptions::default()).unwrap();
            zip.write_all(data).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    fn document_xml(body: &str) -> String {
        format!(r#"<?xml version="1.0" encoding="UTF-8"?><w:document {NS}><w:body>{body}</w:body></w:document>"#)
    }

    /// A package with only `word/document.xml` (found by the default name).
    fn raw_docx(body: &str) -> Vec<u8> {
        zip_of(&[("word/document.xml", document_xml(body).as_bytes())])
    }

    /// A paragraph of one run, written as Word writes it.
    fn text_para(text: &str) -> String {
        format!(r#"<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
    }

    /// `word/document.xml` with `body`, and parts related to it: (relationship type, part name
    /// under `word/`, root element, its content).
    fn docx_with(body: &str, parts: &[(&str, &str, &str, &str)]) -> Vec<u8> {
        let rels: String = parts
            .iter()
            .enumerate()
            .map(|(i, (kind, name, _, _))| {
                format!(r#"<Relationship Id="rId{i}" Type="{REL}/{kind}" Target="{name}"/>"#)
            })
            .collect();
        let rels = format!(
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
        );
        let parts: Vec<(String, String)> = parts
            .iter()
            .map(|(_, name, root, content)| (format!("word/{name}"), format!("<w:{root} {NS}>{content}</w:{root}>")))
            .collect();
        let document = document_xml(body);
        let mut entries =
            vec![("word/document.xml", document.as_bytes()), ("word/_rels/document.xml.rels", rels.as_bytes())];
        entries.extend(parts.iter().map(|(name, xml)| (name.as_str(), xml.as_bytes())));
        zip_of(&entries)
    }

    /// A footnote reference run and the footnotes part holding the note.
    fn footnote(text: &str) -> (&'static str, String) {
        (
            r#"<w:r><w:footnoteReference w:id="1"/></w:r>"#,
            format!(r#"<w:footnote w:id="1">{}</w:footnote>"#, text_para(text)),
        )
    }

    #[test]
    fn plain_paragraphs_keep_norwegian_letters() {
        let body = [
            text_para("Arbeidsavtale for Ærlig Øystein Åsen"),
            "<w:p/>".into(),
            text_para("   "),
            text_para("Stillingen er fast «på heltid» – 100 %."),
        ];
        assert_eq!(
            paragraphs(&raw_docx(&body.concat())),
            ["Arbeidsavtale for Ærlig Øystein Åsen", "Stillingen er fast «på heltid» – 100 %."]
        );
    }

    #[test]
    fn word_split_over_formatting_runs_stays_one_word() {
        let p = concat!(
            r#"<w:p><w:r><w:t xml:space="preserve">Medlem av arbeids</w:t></w:r>"#,
            r#"<w:r><w:rPr><w:b/></w:rPr><w:t>taker</w:t></w:r>"#,
            r#"<w:r><w:rPr><w:i/><w:sz w:val="28"/></w:rPr><w:t>organisasjonen</w:t></w:r></w:p>"#
        );
        assert_eq!(paragraphs(&raw_docx(p)), ["Medlem av arbeidstakerorganisasjonen"]);
    }

    #[test]
    fn table_row_becomes_one_paragraph() {
        let row = |label: &str, value: &str| {
            format!("<w:tr><w:tc><w:tcPr/>{}</w:tc><w:tc><w:tcPr/>{}</w:tc></w:tr>", text_para(label), text_para(value))
        };
        let table =
            format!("<w:tbl><w:tblPr/>{}{}</w:tbl>", row("Prøvetid", "6 måneder"), row("Oppsigelsestid", "3 måneder"));
        let body = format!("{}{table}{}", text_para("Vilkår:"), text_para("Slutt."));
        assert_eq!(
            paragraphs(&raw_docx(&body)),
            ["Vilkår:", "Prøvetid | 6 måneder", "Oppsigelsestid | 3 måneder", "Slutt."]
        );
    }

    #[test]
    fn inserted_text_is_kept_and_deleted_text_dropped() {
        let p = concat!(
            r#"<w:p><w:r><w:t xml:space="preserve">Årslønn: kr </w:t></w:r>"#,
            r#"<w:del w:id="1" w:author="HR"><w:r><w:delText>500 000</w:delText></w:r></w:del>"#,
            r#"<w:ins w:id="2" w:author="HR"><w:r><w:t>612 500</w:t></w:r></w:ins><w:r><w:t>,–</w:t></w:r></w:p>"#
        );
        assert_eq!(paragraphs(&raw_docx(p)), ["Årslønn: kr 612 500,–"]);
    }

    #[test]
    fn hyperlink_text_is_read() {
        let p = format!(
            r#"<w:p><w:r><w:t xml:space="preserve">Se </w:t></w:r><w:hyperlink xmlns:r="{REL}" r:id="rId1"><w:r><w:t>arbeidsmiljøloven</w:t></w:r></w:hyperlink><w:r><w:t xml:space="preserve"> § 15-3.</w:t></w:r></w:p>"#
        );
        assert_eq!(paragraphs(&raw_docx(&p)), ["Se arbeidsmiljøloven § 15-3."]);
    }

    #[test]
    fn tab_and_line_break() {
        let p = r#"<w:p><w:r><w:t>Sted:</w:t><w:tab/><w:t>Oslo</w:t><w:br w:type="textWrapping"/><w:t>Dato:</w:t></w:r></w:p>"#;
        assert_eq!(paragraphs(&raw_docx(p)), ["Sted:\tOslo\nDato:"]);
    }

    #[test]
    fn footnotes_follow_the_body_and_headers_are_not_read() {
        let (reference, note) = footnote("Jf. arbeidsmiljøloven § 14-6.");
        let body = format!("<w:p><w:r><w:t>Arbeidstid</w:t></w:r>{reference}</w:p>{}", text_para("Ferie"));
        let bytes = docx_with(
            &body,
            &[
                ("header", "header1.xml", "hdr", &text_para("KONFIDENSIELT")),
                ("footnotes", "footnotes.xml", "footnotes", &note),
            ],
        );
        assert_eq!(paragraphs(&bytes), ["Arbeidstid", "Ferie", "Jf. arbeidsmiljøloven § 14-6."]);
    }

    #[test]
    fn parts_are_found_through_relationships() {
        let rels = format!(
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="/content/main.xml"/></Relationships>"#
        );
        let main_rels = format!(
            r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="{REL}/endnotes" Target="/notes/end.xml"/><Relationship Id="r2" Type="{REL}/footnotes" Target="../content/./foot.xml"/><Relationship Id="r3" Type="{REL}/header" Target="head.xml"/><Relationship Id="r4" Type="{REL}/footnotes" Target="https://example.com/x.xml" TargetMode="External"/></Relationships>"#
        );
        let part = |root: &str, text: &str| {
            format!(r#"<w:{root} {NS}><w:x><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:x></w:{root}>"#)
        };
        let bytes = zip_of(&[
            ("_rels/.rels", rels.as_bytes()),
            ("content/main.xml", document_xml("<w:p><w:r><w:t>Hoveddel</w:t></w:r></w:p>").as_bytes()),
            ("content/_rels/main.xml.rels", main_rels.as_bytes()),
            ("content/FOOT.xml", part("footnotes", "Fotnote").as_bytes()),
            ("notes/end.xml", part("endnotes", "Sluttnote").as_bytes()),
            ("content/head.xml", part("hdr", "Brevhode").as_bytes()),
            ("word/document.xml", document_xml("<w:p><w:r><w:t>Feil del</w:t></w:r></w:p>").as_bytes()),
        ]);
        assert_eq!(paragraphs(&bytes), ["Hoveddel", "Fotnote", "Sluttnote"]);
    }

    #[test]
    fn run_level_markup_is_read_through_or_dropped() {
        let body = concat!(
            // Content control, smart tag, custom XML, simple field; entities and character references.
            r#"<w:p><w:sdt><w:sdtPr><w:alias w:val="Navn"/></w:sdtPr><w:sdtContent><w:r><w:t>Kari</w:t></w:r></w:sdtContent></w:sdt>"#,
            r#"<w:smartTag><w:r><w:t xml:space="preserve"> Nordmann &amp; </w:t></w:r></w:smartTag>"#,
            r#"<w:customXml><w:r><w:t>S&#xF8;n&#248;</w:t></w:r></w:customXml>"#,
            r#"<w:fldSimple w:instr=" PAGE "><w:r><w:t> AS</w:t></w:r></w:fldSimple></w:p>"#,
            // Complex field: code dropped, result kept; tab stops in pPr are not text.
            r#"<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>"#,
            r#"<w:r><w:t>Side </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>"#,
            r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>"#,
            // Moves, special characters.
            r#"<w:p><w:del><w:r><w:tab/><w:delText>slettet</w:delText></w:r></w:del>"#,
            r#"<w:moveFrom><w:r><w:t>gammel </w:t></w:r></w:moveFrom><w:moveTo><w:r><w:t>HMS</w:t></w:r></w:moveTo>"#,
            r#"<w:r><w:noBreakHyphen/><w:t>rutiner</w:t><w:ptab/><w:t>av</w:t><w:softHyphen/><w:t>tale</w:t><w:cr/><w:t>slutt</w:t></w:r></w:p>"#,
        );
        assert_eq!(
            paragraphs(&raw_docx(body)),
            ["Kari Nordmann & Sønø AS", "Side 1", "HMS-rutiner\tav\u{ad}tale\nslutt"]
        );
    }

    /// A checkbox content control as Word 2010 and later write it: the state in
    /// `w14:checked`, the content a glyph in MS Gothic (or any glyph the template chose).
    fn content_checkbox(checked: bool, glyph: &str) -> String {
        let state = u8::from(checked);
        format!(
            r#"<w:sdt><w:sdtPr><w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr><w:id w:val="-1"/><w14:checkbox><w14:checked w14:val="{state}"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:hAnsi="MS Gothic"/></w:rPr><w:t>{glyph}</w:t></w:r></w:sdtContent></w:sdt>"#
        )
    }

    /// A legacy form field: its begin mark with `w:ffData`, its code and, for a text field, its
    /// result.
    fn form_field(ff_data: &str, code: &str, result: Option<&str>) -> String {
        let result = result.map_or(String::new(), |r| {
            format!(
                r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:rPr><w:noProof/></w:rPr><w:t xml:space="preserve">{r}</w:t></w:r>"#
            )
        });
        format!(
            r#"<w:bookmarkStart w:id="0" w:name="Felt"/><w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Felt"/><w:enabled/><w:calcOnExit w:val="0"/>{ff_data}</w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> {code} </w:instrText></w:r>{result}<w:r><w:fldChar w:fldCharType="end"/></w:r><w:bookmarkEnd w:id="0"/>"#
        )
    }

    fn run(text: &str) -> String {
        format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
    }

    #[test]
    fn checkbox_content_controls_read_by_their_state() {
        let body = [
            format!("<w:p>{}{}{}{}</w:p>", run("Prøvetid: "), content_checkbox(false, "☐"), run(" Ja "), content_checkbox(true, "☒")),
            // The state decides, not the glyph a template chose (here Wingdings' þ and ¨).
            format!(
                "<w:p>{}{}{}{}{}</w:p>",
                run("Fast stilling "),
                content_checkbox(true, "þ"),
                run(" Midlertidig "),
                content_checkbox(false, "¨"),
                run(" slutt")
            ),
            // A content control that is no checkbox keeps its text.
            r#"<w:p><w:sdt><w:sdtPr><w:dropDownList><w:listItem w:displayText="Ja" w:value="1"/></w:dropDownList></w:sdtPr><w:sdtContent><w:r><w:t>Nei</w:t></w:r></w:sdtContent></w:sdt></w:p>"#.to_string(),
        ];
        assert_eq!(
            paragraphs(&raw_docx(&body.concat())),
            ["Prøvetid: ☐ Ja ☒", "Fast stilling ☒ Midlertidig ☐ slutt", "Nei"]
        );
    }

    #[test]
    fn legacy_form_fields_show_their_box_choice_and_answer() {
        let check =
            |inner: &str| form_field(&format!("<w:checkBox><w:sizeAuto/>{inner}</w:checkBox>"), "FORMCHECKBOX", None);
        let body = [
            // w:checked decides; without it, w:default; a bare w:checked is on.
            format!(
                "<w:p>{}{}{}{}</w:p>",
                run("Prøvetid: "),
                check(r#"<w:default w:val="0"/>"#),
                run(" Ja "),
                check(r#"<w:default w:val="0"/><w:checked/>"#)
            ),
            format!(
                "<w:p>{}{}{}{}</w:p>",
                check(r#"<w:default w:val="1"/>"#),
                run("Ja "),
                check(r#"<w:default w:val="1"/><w:checked w:val="0"/>"#),
                run("Nei")
            ),
            // A drop-down shows the entry chosen by w:result (the first without one).
            format!(
                "<w:p>{}{}</w:p>",
                run("Prøvetid: "),
                form_field(
                    r#"<w:ddList><w:result w:val="1"/><w:listEntry w:val="Ja"/><w:listEntry w:val="Nei"/></w:ddList>"#,
                    "FORMDROPDOWN",
                    None
                )
            ),
            format!(
                "<w:p>{}</w:p>",
                form_field(r#"<w:ddList><w:listEntry w:val="Heltid"/></w:ddList>"#, "FORMDROPDOWN", None)
            ),
            // A writer that adds the result itself is not read twice.
            format!(
                "<w:p>{}</w:p>",
                form_field(r#"<w:ddList><w:listEntry w:val="Deltid"/></w:ddList>"#, "FORMDROPDOWN", Some("Deltid"))
            ),
            // A text field's answer is its result; an unfilled one shows five en spaces.
            format!(
                "<w:p>{}{}{}</w:p>",
                run("Stilling:"),
                form_field("<w:textInput/>", "FORMTEXT", Some("Lagermedarbeider")),
                run(" Sted: Oslo")
            ),
            format!(
                "<w:p>{}{}{}</w:p>",
                run("Navn:"),
                form_field(
                    r#"<w:textInput><w:default w:val="Skriv"/></w:textInput>"#,
                    "FORMTEXT",
                    Some("\u{2002}".repeat(5).as_str())
                ),
                run("Adresse:")
            ),
        ];
        assert_eq!(
            paragraphs(&raw_docx(&body.concat())),
            [
                "Prøvetid: ☐ Ja ☒",
                "☒Ja ☐Nei",
                "Prøvetid: Nei",
                "Heltid",
                "Deltid",
                "Stilling:Lagermedarbeider Sted: Oslo",
                "Navn:\u{2002}\u{2002}\u{2002}\u{2002}\u{2002}Adresse:"
            ]
        );
    }

    #[test]
    fn symbol_font_boxes_are_written_as_unicode_boxes() {
        let sym = |font: &str, code: &str| format!(r#"<w:r><w:sym w:font="{font}" w:char="{code}"/></w:r>"#);
        let body = [
            format!(
                "<w:p>{}{}{}{}{}</w:p>",
                run("Prøvetid: "),
                sym("Wingdings", "F0A8"),
                run(" Ja "),
                sym("Wingdings", "F0FE"),
                run(" Nei")
            ),
            format!(
                "<w:p>{}{}{}{}</w:p>",
                sym("Wingdings 2", "F054"),
                run(" Heltid "),
                sym("Wingdings 2", "F0A3"),
                run(" Deltid")
            ),
            // Other symbols stay unread; a symbol inside a deletion is dropped.
            format!(
                "<w:p>{}{}<w:del>{}</w:del></w:p>",
                sym("Wingdings", "F0B7"),
                run("Oslo"),
                sym("Wingdings", "F0FE")
            ),
        ];
        assert_eq!(paragraphs(&raw_docx(&body.concat())), ["Prøvetid: ☐ Ja ☒ Nei", "☒ Heltid ☐ Deltid", "Oslo"]);

        // Text in a run set in a symbol font: "þ" and "" in Wingdings are ticked boxes,
        // "¨" an empty one; text in other runs, and the run after, stay as they are.
        let wingdings = |text: &str| {
            format!(
                r#"<w:r><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/><w:b/></w:rPr><w:t>{text}</w:t></w:r>"#
            )
        };
        let body = format!(
            "<w:p>{}{}{}{}{}{}</w:p>",
            run("Heltid "),
            wingdings("þ"),
            run(" Deltid "),
            wingdings("¨"),
            run(" þ"),
            wingdings("&#xF0FD;")
        );
        assert_eq!(paragraphs(&raw_docx(&body)), ["Heltid ☒ Deltid ☐ þ☒"]);
    }

    #[test]
    fn text_box_in_alternate_content_appears_once() {
        let text_box =
            |text: &str| format!(r#"<w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent>"#);
        let body = format!(
            r#"<w:p><w:r><w:t>Før</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>{}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>{}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t> etter</w:t></w:r></w:p>"#,
            text_box("Tekstboks"),
            text_box("Tekstboks")
        );
        assert_eq!(paragraphs(&raw_docx(&body)), ["Tekstboks", "Før etter"]);
    }

    #[test]
    fn nested_tables_flatten_into_their_cell() {
        let cell = |inner: &str| format!("<w:tc><w:tcPr/>{inner}</w:tc>");
        let p = |text: &str| format!("<w:p><w:r><w:t>{text}</w:t></w:r></w:p>");
        let nested = format!("<w:tbl><w:tr>{}{}</w:tr></w:tbl>", cell(&p("a")), cell(&p("b")));
        let body = format!(
            "<w:tbl><w:tr>{}{}{}</w:tr></w:tbl>",
            cell(&format!("{}{}", p("Lønn"), p("per år"))),
            cell("<w:p/>"),
            cell(&format!("{nested}{}", p("c")))
        );
        assert_eq!(paragraphs(&raw_docx(&body)), ["Lønn per år | a | b c"]);
    }

    #[test]
    fn utf16_part_is_decoded() {
        let mut xml = vec![0xFF, 0xFE];
        xml.extend(document_xml("<w:p><w:r><w:t>Ærlig</w:t></w:r></w:p>").encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(paragraphs(&zip_of(&[("word/document.xml", &xml)])), ["Ærlig"]);
    }

    #[test]
    fn broken_packages_are_corrupt() {
        let good = raw_docx(&text_para("Hei"));
        let mut noise = vec![0u8; 4096];
        let mut state = 0x2545_f491_4f6c_dd1du64;
        for byte in &mut noise {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            *byte = state as u8;
        }
        let cases: [(&str, Vec<u8>); 7] = [
            ("no main part", zip_of(&[("word/other.xml", document_xml("").as_bytes())])),
            ("mismatched tags", raw_docx("<w:p><w:r><w:t>x</w:r></w:t></w:p>")),
            ("unclosed element", zip_of(&[("word/document.xml", b"<w:document><w:body><w:p>")])),
            ("invalid UTF-8", zip_of(&[("word/document.xml", b"<w:document>\xff\xfe\xfd</w:document>")])),
            ("random bytes", noise),
            ("truncated", good[..good.len() / 2].to_vec()),
            ("empty", Vec::new()),
        ];
        for (case, bytes) in cases {
            assert_eq!(error(&bytes, &Limits::default()).kind, ErrorKind::Corrupt, "{case}");
        }
    }

    /// A `word/document.xml` of `size` bytes of repeated text, deflated while it is written.
    fn bomb(size: usize) -> Vec<u8> {
        let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
        let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated).large_file(true);
        zip.start_file("word/document.xml", options).unwrap();
        zip.write_all(b"<w:document><w:body><w:p><w:r><w:t>").unwrap();
        let chunk = "arbeidstaker ".repeat(1 << 16);
        for _ in 0..size / chunk.len() {
            zip.write_all(chunk.as_bytes()).unwrap();
        }
        zip.write_all(b"</w:t></w:r></w:p></w:body></w:document>").unwrap();
        zip.finish().unwrap().into_inner()
    }

    const SMALL: Limits = Limits { max_part_bytes: 1 << 20, max_total_bytes: 4 << 20, timeout: None };

    #[test]
    fn zip_bomb_is_refused_by_declared_size() {
        let bytes = bomb(300 << 20);
        let start = Instant::now();
        let err = error(&bytes, &SMALL);
        assert!(start.elapsed() < Duration::from_secs(1));
        assert_eq!(err.kind, ErrorKind::TooLarge);
        assert!(err.detail.contains("declared uncompressed size"), "{}", err.detail);
    }

    #[test]
    fn zip_bomb_lying_about_its_size_is_refused() {
        let mut bytes = bomb(20 << 20);
        // Claim 4096 bytes in the local header (offset 22) and the central directory (offset 24).
        let central = bytes.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
        bytes[22..26].copy_from_slice(&4096u32.to_le_bytes());
        bytes[central + 24..central + 28].copy_from_slice(&4096u32.to_le_bytes());
        let start = Instant::now();
        let err = error(&bytes, &SMALL);
        assert!(start.elapsed() < Duration::from_secs(1));
        assert!(matches!(err.kind, ErrorKind::TooLarge | ErrorKind::Corrupt), "{err}");
    }

    #[test]
    fn all_parts_together_are_limited() {
        let (reference, note) = footnote(&"b".repeat(600_000));
        let body = format!("{}<w:p>{reference}</w:p>", text_para(&"a".repeat(600_000)));
        let docx = docx_with(&body, &[("footnotes", "footnotes.xml", "footnotes", &note)]);
        let limits = Limits { max_part_bytes: 1 << 20, max_total_bytes: 1 << 20, timeout: None };
        assert_eq!(error(&docx, &limits).kind, ErrorKind::TooLarge);
        assert_eq!(paragraphs(&docx).len(), 2);
    }

    #[test]
    fn encrypted_entry_is_reported() {
        let mut bytes = raw_docx("<w:p><w:r><w:t>Hemmelig</w:t></w:r></w:p>");
        // Set general purpose flag bit 0 ("encrypted") in both headers.
        let central = bytes.windows(4).rposition(|w| w == b"PK\x01\x02").unwrap();
        bytes[6] |= 1;
        bytes[central + 8] |= 1;
        assert_eq!(error(&bytes, &Limits::default()).kind, ErrorKind::Encrypted);
    }

    #[test]
    fn dtd_entities_are_not_expanded() {
        let mut dtd = String::from(r#"<!DOCTYPE w:document [<!ENTITY lol0 "lol">"#);
        for i in 1..10 {
            dtd += &format!(r#"<!ENTITY lol{i} "{}">"#, format!("&lol{};", i - 1).repeat(10));
        }
        dtd += "]>";
        let xml = format!(
            "<?xml version=\"1.0\"?>{dtd}<w:document {NS}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p><w:p><w:r><w:t>Ferie &lt;5 uker&gt;</w:t></w:r></w:p></w:body></w:document>"
        );
        assert_eq!(paragraphs(&zip_of(&[("word/document.xml", xml.as_bytes())])), ["Ferie <5 uker>"]);
    }

    #[test]
    fn nesting_is_limited() {
        let nested = |n: usize| {
            let open = "<w:sdt><w:sdtContent>".repeat(n);
            let close = "</w:sdtContent></w:sdt>".repeat(n);
            raw_docx(&format!("<w:p>{open}<w:r><w:t>dypt</w:t></w:r>{close}</w:p>"))
        };
        assert_eq!(paragraphs(&nested(4_000)), ["dypt"]);
        assert_eq!(error(&nested(20_000), &Limits::default()).kind, ErrorKind::Corrupt);
    }

    #[test]
    fn parsing_stops_at_the_deadline() {
        let body = "<w:p><w:r><w:t>Ferie</w:t></w:r></w:p>".repeat(5_000);
        let bytes = raw_docx(&body);
        assert_eq!(paragraphs(&bytes).len(), 5_000);
        let limits = Limits { timeout: Some(Duration::ZERO), ..Limits::default() };
        assert_eq!(error(&bytes, &limits).kind, ErrorKind::Timeout);
    }

    /// A numbering level: index, format, level text and start value.
    fn lvl(ilvl: usize, format: &str, text: &str, start: i64) -> String {
        format!(
            r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{format}"/><w:lvlText w:val="{text}"/><w:pPr><w:ind w:left="720"/></w:pPr></w:lvl>"#
        )
    }

    /// An abstract numbering of `levels` and the numbering `num_id` that uses it.
    fn list(id: u32, levels: &[String]) -> String {
        format!(
            r#"<w:abstractNum w:abstractNumId="{id}"><w:multiLevelType w:val="multilevel"/>{}</w:abstractNum><w:num w:numId="{id}"><w:abstractNumId w:val="{id}"/></w:num>"#,
            levels.concat()
        )
    }

    /// A paragraph with its own properties (`w:pPr` content) and text.
    fn para(properties: &str, text: &str) -> String {
        format!(r#"<w:p><w:pPr>{properties}</w:pPr><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>"#)
    }

    fn num_pr(num_id: u32, ilvl: usize) -> String {
        format!(r#"<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>"#)
    }

    /// The paragraphs of a document with `body`, the numbering part `numbering` and the
    /// styles part `styles`.
    fn numbered(body: &str, numbering: &str, styles: &str) -> Vec<String> {
        paragraphs(&docx_with(
            body,
            &[("styles", "styles.xml", "styles", styles), ("numbering", "numbering.xml", "numbering", numbering)],
        ))
    }

    #[test]
    fn decimal_headings_restart_their_sub_levels() {
        let numbering = list(1, &[lvl(0, "decimal", "%1.", 1), lvl(1, "decimal", "%1.%2", 1)]);
        let body = [
            para(&num_pr(1, 0), "Stilling"),
            para(&num_pr(1, 1), "Arbeidssted"),
            para(&num_pr(1, 1), "Arbeidstid"),
            para(&num_pr(1, 0), "Lønn"),
            para(&num_pr(1, 1), "Utbetaling"),
            // An empty numbered paragraph takes its number, as in Word, and is dropped.
            para(&num_pr(1, 0), " "),
            para(&num_pr(1, 0), "Kundeklausul"),
            para("", "Arbeidstakeren skal ikke jf. punkt 4."),
        ];
        assert_eq!(
            numbered(&body.concat(), &numbering, ""),
            [
                "1. Stilling",
                "1.1 Arbeidssted",
                "1.2 Arbeidstid",
                "2. Lønn",
                "2.1 Utbetaling",
                "4. Kundeklausul",
                "Arbeidstakeren skal ikke jf. punkt 4."
            ]
        );
    }

    #[test]
    fn letters_roman_numerals_and_a_level_that_never_restarts() {
        let never = r#"<w:lvl w:ilvl="1"><w:start w:val="1"/><w:lvlRestart w:val="0"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>"#;
        let numbering = list(3, &[lvl(0, "upperRoman", "%1.", 1), never.to_string(), lvl(2, "lowerRoman", "(%3)", 1)]);
        let body = [
            para(&num_pr(3, 0), "Plikter"),
            para("", "Arbeidstakeren skal ikke:"),
            para(&num_pr(3, 1), "ta ansettelse hos en konkurrent"),
            para(&num_pr(3, 2), "direkte"),
            para(&num_pr(3, 2), "indirekte"),
            para(&num_pr(3, 1), "drive egen virksomhet"),
            para(&num_pr(3, 0), "Taushetsplikt"),
            para(&num_pr(3, 1), "gjelder også etter fratreden"),
        ];
        assert_eq!(
            numbered(&body.concat(), &numbering, ""),
            [
                "I. Plikter",
                "Arbeidstakeren skal ikke:",
                "a) ta ansettelse hos en konkurrent",
                "(i) direkte",
                "(ii) indirekte",
                "b) drive egen virksomhet",
                "II. Taushetsplikt",
                "c) gjelder også etter fratreden"
            ]
        );
    }

    #[test]
    fn bullets_are_written_as_one_sign() {
        // Word writes a bullet as a Symbol-font character; the format says it is a bullet.
        let numbering = list(2, &[lvl(0, "bullet", "\u{f0b7}", 1), lvl(1, "bullet", "o", 1)]);
        let body = [para(&num_pr(2, 0), "politiattest"), para(&num_pr(2, 1), "vitnemål")];
        assert_eq!(numbered(&body.concat(), &numbering, ""), ["• politiattest", "• vitnemål"]);
    }

    #[test]
    fn numbering_comes_from_the_style_and_its_base_and_num_id_zero_switches_it_off() {
        let numbering = list(1, &[lvl(0, "decimal", "%1.", 1), lvl(1, "decimal", "%1.%2.", 1)]);
        let styles = concat!(
            r#"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Overskrift1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>"#,
            // The level is its own, the numbering its base's; the tracked change's old
            // numbering is not the style's.
            r#"<w:style w:type="paragraph" w:styleId="Overskrift2"><w:basedOn w:val="Overskrift1"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:pPrChange><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="9"/></w:numPr></w:pPr></w:pPrChange></w:pPr></w:style>"#,
            // A cycle of bases ends.
            r#"<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style>"#,
            r#"<w:style w:type="character" w:styleId="Overskrift1Tegn"><w:basedOn w:val="Overskrift1"/></w:style>"#,
        );
        let style = |id: &str| format!(r#"<w:pStyle w:val="{id}"/>"#);
        let body = [
            para(&style("Overskrift1"), "Stilling"),
            para(&style("Overskrift2"), "Arbeidssted"),
            para("", "Kontoret i Oslo."),
            para(&format!("{}{}", style("Overskrift1"), num_pr(0, 0)), "Signatur"),
            para(&style("A"), "Vedlegg"),
            para(&style("Overskrift1"), "Lønn"),
        ];
        assert_eq!(
            numbered(&body.concat(), &numbering, styles),
            ["1. Stilling", "1.1. Arbeidssted", "Kontoret i Oslo.", "Signatur", "Vedlegg", "2. Lønn"]
        );
    }

    #[test]
    fn level_from_the_style_or_the_level_linked_to_it() {
        // Heading styles name the list; the levels name their styles (w:lvl/w:pStyle), as Word's
        // multilevel heading lists do; one style gives its level itself.
        let linked = |ilvl: usize, text: &str, style: &str| {
            format!(
                r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="{style}"/><w:lvlText w:val="{text}"/></w:lvl>"#
            )
        };
        let numbering = list(
            4,
            &[linked(0, "%1.", "Overskrift1"), linked(1, "%1.%2", "Overskrift2"), lvl(2, "lowerLetter", "%3)", 1)],
        );
        let styles = concat!(
            r#"<w:style w:type="paragraph" w:styleId="Overskrift1"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Overskrift2"><w:basedOn w:val="Overskrift1"/></w:style>"#,
            r#"<w:style w:type="paragraph" w:styleId="Punkt"><w:pPr><w:numPr><w:ilvl w:val="2"/><w:numId w:val="4"/></w:numPr></w:pPr></w:style>"#,
        );
        let style = |id: &str| format!(r#"<w:pStyle w:val="{id}"/>"#);
        let body = [
            para(&style("Overskrift1"), "Lønn"),
            para(&style("Overskrift2"), "Utbetaling"),
            para(&style("Punkt"), "den 20. hver måned"),
            para(&style("Overskrift2"), "Feriepenger"),
            para(&style("Overskrift1"), "Oppsigelse"),
        ];
        assert_eq!(
            numbered(&body.concat(), &numbering, styles),
            ["1. Lønn", "1.1 Utbetaling", "a) den 20. hver måned", "1.2 Feriepenger", "2. Oppsigelse"]
        );
    }

    #[test]
    fn suffix_legal_numbering_and_restart_after_a_level() {
        let level = |ilvl: usize, format: &str, text: &str, extra: &str| {
            format!(
                r#"<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{format}"/>{extra}<w:lvlText w:val="{text}"/></w:lvl>"#
            )
        };
        let numbering = list(
            5,
            &[
                // A tab after the number reads as a space, not as a cell border.
                level(0, "upperRoman", "Del %1", r#"<w:suff w:val="tab"/>"#),
                // Legal numbering writes the Roman part in digits.
                level(1, "decimal", "%1.%2", r#"<w:isLgl/><w:suff w:val="space"/>"#),
                // Restarts only after level 1, not after level 2; nothing follows the label.
                level(2, "lowerLetter", "(%3) ", r#"<w:lvlRestart w:val="1"/><w:suff w:val="nothing"/>"#),
                level(3, "decimal", "§%4", r#"<w:suff w:val="nothing"/>"#),
            ],
        );
        let body = [
            para(&num_pr(5, 0), "Ansettelse"),
            para(&num_pr(5, 1), "Stilling"),
            para(&num_pr(5, 2), "fast"),
            para(&num_pr(5, 1), "Arbeidssted"),
            para(&num_pr(5, 2), "Bergen"),
            para(&num_pr(5, 0), "Vilkår"),
            para(&num_pr(5, 2), "første"),
            para(&num_pr(5, 3), "Lønn"),
        ];
        assert_eq!(
            numbered(&body.concat(), &numbering, ""),
            [
                "Del I Ansettelse",
                "1.1 Stilling",
                "(a) fast",
                "1.2 Arbeidssted",
                "(b) Bergen",
                "Del II Vilkår",
                "(a) første",
                "§1Lønn"
            ]
        );
    }

    #[test]
    fn start_values_and_overrides() {
        let numbering = format!(
            "{}{}",
            list(1, &[lvl(0, "decimal", "%1.", 3), lvl(1, "lowerLetter", "%2)", 1)]),
            concat!(
                // The same list restarted at 10, and once more with its level redefined.
                r#"<w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>"#,
                r#"<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="Del %1"/></w:lvl></w:lvlOverride></w:num>"#,
            )
        );
        let body = [
            para(&num_pr(1, 0), "Tre"),
            para(&num_pr(1, 1), "a"),
            para(&num_pr(1, 0), "Fire"),
            para(&num_pr(2, 0), "Ti"),
            // A numbering without an override continues the list it shares.
            para(&num_pr(1, 0), "Elleve"),
            para(&num_pr(2, 1), "a igjen"),
            para(&num_pr(3, 0), "A"),
            para(&num_pr(3, 0), "B"),
        ];
        assert_eq!(
            numbered(&body.concat(), &numbering, ""),
            ["3. Tre", "a) a", "4. Fire", "10. Ti", "11. Elleve", "a) a igjen", "Del A A", "Del B B"]
        );
    }

    #[test]
    fn without_a_readable_numbering_part_the_text_has_no_numbers() {
        let body = [para(&num_pr(1, 0), "Stilling"), para("", "Kontoret i Oslo.")].concat();
        let want = ["Stilling", "Kontoret i Oslo."];
        assert_eq!(paragraphs(&raw_docx(&body)), want);
        assert_eq!(numbered(&body, "", ""), want);
        let broken = docx_with(
            &body,
            &[(
                "numbering",
                "numbering.xml",
                "numbering",
                r#"<w:abstractNum w:abstractNumId="1"><w:lvl></w:abstractNum>"#,
            )],
        );
        assert_eq!(paragraphs(&broken), want);
        // Numbering named by a paragraph but never defined.
        assert_eq!(numbered(&body, &list(7, &[lvl(0, "decimal", "%1.", 1)]), ""), want);
    }

    #[test]
    fn hostile_numbering_stays_bounded() {
        let huge_text = "%1".repeat(10_000);
        let numbering = format!(
            "{}{}{}",
            // Levels out of range, a start near the end of the counter, a level text too long.
            list(
                1,
                &[
                    lvl(0, "lowerLetter", "%1%2%3%4%5%6%7%8%9%0%%", i64::MAX - 1),
                    lvl(1_000_000, "decimal", "%1.", 1),
                    lvl(2, "decimal", &huge_text, 1)
                ]
            ),
            r#"<w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="Liste"/></w:abstractNum><w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>"#,
            r#"<w:num w:numId="3"><w:abstractNumId w:val="3"/></w:num>"#,
        );
        // A style linking back to the numbering that links to it.
        let styles = r#"<w:style w:type="paragraph" w:styleId="Liste"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>"#;
        let body = [
            para(&num_pr(1, 0), "a"),
            para(&num_pr(1, 0), "b"),
            para(&num_pr(1, 0), "c"),
            para(&num_pr(1, 9), "d"),
            para(&num_pr(1, 2), "e"),
            para(r#"<w:pStyle w:val="Liste"/>"#, "f"),
            para(&num_pr(3, 0), "g"),
            para(r#"<w:numPr><w:ilvl w:val="-1"/><w:numId w:val="x"/></w:numPr>"#, "h"),
        ];
        let max = i64::MAX;
        assert_eq!(
            numbered(&body.concat(), &numbering, styles),
            [
                format!("{}%0%% a", max - 1),
                format!("{max}%0%% b"),
                format!("{max}%0%% c"),
                "d".into(),
                "e".into(),
                "f".into(),
                "g".into(),
                "h".into()
            ]
        );
        let many = list(1, &[lvl(0, "decimal", "%1.", 1)]).repeat(2 * numbering::MAX_DEFINITIONS);
        let body = para(&num_pr(1, 0), "Stilling").repeat(3);
        assert_eq!(numbered(&body, &many, ""), ["1. Stilling", "2. Stilling", "3. Stilling"]);
    }
}
