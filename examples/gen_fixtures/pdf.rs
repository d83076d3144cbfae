//! A minimal PDF writer: A4 pages, base-14 Helvetica in WinAnsiEncoding, word wrap with the real
//! AFM widths, tables, page breaks, a "Side N av M" footer and occasional line-end hyphenation.
//!
//! The layout imitates what a word processor produces, as far as text extraction can tell:
//! one text-showing operator per line and per change of font, paragraph gaps larger than the
//! line pitch, table cells at fixed column positions. No compression, no dates, no ids: the
//! output depends only on the input.

use super::{Block, Span};
use std::collections::VecDeque;

const PAGE_W: f64 = 595.28;
const PAGE_H: f64 = 841.89;
const LEFT: f64 = 70.0;
const TEXT_W: f64 = PAGE_W - 2.0 * LEFT;
/// Baseline of the first line on a page, and the lowest baseline the body may use.
const TOP: f64 = 770.0;
const BOTTOM: f64 = 72.0;
const SIZE: f64 = 11.0;
const HEADING_SIZE: f64 = 12.0;
const FOOTER_SIZE: f64 = 9.0;
const LEADING: f64 = 14.0;
/// Extra space before a paragraph. Line pitch plus gap (22 pt) exceeds 1.5 × the font size,
/// which is what makes text extractors report a blank line between paragraphs.
const PARA_GAP: f64 = 8.0;
/// Table rows sit tighter than paragraphs (15.5 pt pitch), as in Word's default table style:
/// extractors see consecutive lines, not paragraphs.
const ROW_PAD: f64 = 1.5;
/// Hyphenate only when the line would otherwise end this far short of the margin.
const HYPHENATE_IF_SHORT_BY: f64 = 0.08 * TEXT_W;
const MAX_HYPHENS_PER_PAGE: usize = 3;

/// Helvetica and Helvetica-Bold advance widths (1/1000 em) for WinAnsi codes 32..=255, from the
/// Adobe AFM files. Codes WinAnsi leaves undefined are 0; `cp1252` never produces them.
#[rustfmt::skip]
const WIDTHS: [[u16; 224]; 2] = [[
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, 0,
    556, 0, 222, 556, 333, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
    0, 222, 222, 333, 333, 350, 556, 1000, 333, 1000, 500, 333, 944, 0, 500, 667,
    278, 333, 556, 556, 556, 556, 260, 556, 333, 737, 370, 556, 584, 333, 737, 333,
    400, 584, 333, 333, 333, 556, 537, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    667, 667, 667, 667, 667, 667, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 500, 556, 556, 556, 556, 278, 278, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 584, 611, 556, 556, 556, 556, 500, 556, 500,
], [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584, 0,
    556, 0, 278, 556, 500, 1000, 556, 556, 333, 1000, 667, 333, 1000, 0, 611, 0,
    0, 278, 278, 500, 500, 350, 556, 1000, 333, 1000, 556, 333, 944, 0, 500, 667,
    278, 333, 556, 556, 556, 556, 280, 556, 333, 737, 370, 556, 584, 333, 737, 333,
    400, 584, 333, 333, 333, 611, 556, 278, 333, 333, 365, 556, 834, 834, 834, 611,
    722, 722, 722, 722, 722, 722, 1000, 722, 667, 667, 667, 667, 278, 278, 278, 278,
    722, 722, 778, 778, 778, 778, 778, 584, 778, 722, 722, 722, 722, 667, 667, 611,
    556, 556, 556, 556, 556, 556, 889, 556, 556, 556, 556, 556, 278, 278, 278, 278,
    611, 611, 611, 611, 611, 611, 611, 584, 611, 611, 611, 611, 611, 556, 611, 556,
]];

/// Characters of Windows-1252 codes 0x80..=0x9F ('\0' where the code is undefined).
const CP1252_HIGH: [char; 32] = [
    '€', '\0', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\0', 'Ž', '\0', '\0', '‘', '’', '“', '”', '•',
    '–', '—', '˜', '™', 'š', '›', 'œ', '\0', 'ž', 'Ÿ',
];

/// The Windows-1252 (= WinAnsi for printable characters) code of `c`.
pub fn cp1252(c: char) -> Option<u8> {
    match c as u32 {
        0x00..=0x7F | 0xA0..=0xFF => Some(c as u8),
        _ => CP1252_HIGH.iter().position(|&h| h == c && h != '\0').map(|i| 0x80 + i as u8),
    }
}

/// A piece of text in one font.
#[derive(Debug, Clone)]
struct Piece {
    text: String,
    bold: bool,
}

fn piece(text: &str, bold: bool) -> Piece {
    Piece { text: text.to_string(), bold }
}

/// A word: the text between spaces, possibly in several fonts (`arbeids**taker**`).
type Word = Vec<Piece>;

fn text_width(text: &str, bold: bool, size: f64) -> f64 {
    let table = &WIDTHS[usize::from(bold)];
    let units: u32 = text
        .chars()
        .map(|c| match cp1252(c) {
            Some(b @ 32..=255) => u32::from(table[usize::from(b - 32)]),
            _ => 0,
        })
        .sum();
    f64::from(units) * size / 1000.0
}

fn pieces_width(pieces: &[Piece], size: f64) -> f64 {
    pieces.iter().map(|p| text_width(&p.text, p.bold, size)).sum()
}

/// Splits spans into words, keeping font changes inside a word.
fn words(spans: &[Span]) -> VecDeque<Word> {
    let mut out = VecDeque::new();
    let mut word: Word = Vec::new();
    for span in spans {
        for c in span.text.chars() {
            if c.is_whitespace() {
                if !word.is_empty() {
                    out.push_back(std::mem::take(&mut word));
                }
            } else {
                match word.last_mut() {
                    Some(p) if p.bold == span.bold => p.text.push(c),
                    _ => word.push(Piece { text: c.to_string(), bold: span.bold }),
                }
            }
        }
    }
    if !word.is_empty() {
        out.push_back(word);
    }
    out
}

/// Appends a word to a line, merging pieces in the same font so each font change costs one
/// text operator, not one per word.
fn append(line: &mut Vec<Piece>, word: Word) {
    for piece in word {
        match line.last_mut() {
            Some(last) if last.bold == piece.bold => last.text.push_str(&piece.text),
            _ => line.push(piece),
        }
    }
}

/// Splits a word after `at` characters; the first part gets a trailing hyphen.
fn split_word(word: &Word, at: usize) -> (Word, Word) {
    let (mut head, mut tail) = (Vec::new(), Vec::new());
    let mut seen = 0;
    for p in word {
        let n = p.text.chars().count();
        if seen + n <= at {
            head.push(p.clone());
        } else if seen >= at {
            tail.push(p.clone());
        } else {
            let cut = p.text.char_indices().nth(at - seen).map_or(p.text.len(), |(i, _)| i);
            head.push(piece(&p.text[..cut], p.bold));
            tail.push(piece(&p.text[cut..], p.bold));
        }
        seen += n;
    }
    let bold = head.last().is_some_and(|p| p.bold);
    append(&mut head, vec![piece("-", bold)]);
    (head, tail)
}

/// The longest split of `word` whose head (with hyphen) fits in `room`: at least four letters
/// each side, and before a consonant followed by a vowel, a crude syllable rule that gives
/// "arbeids-taker" and "oppsigelses-tid".
fn hyphenate(word: &Word, room: f64, size: f64) -> Option<(Word, Word)> {
    let chars: Vec<char> = word.iter().flat_map(|p| p.text.chars()).collect();
    let vowel = |c: char| "aeiouyæøå".contains(c.to_lowercase().next().unwrap_or(c));
    (4..chars.len().saturating_sub(3))
        .rev()
        .filter(|&k| chars[..=k + 1].iter().all(|c| c.is_alphabetic()))
        .filter(|&k| !vowel(chars[k]) && vowel(chars[k + 1]))
        .map(|k| split_word(word, k))
        .find(|(head, _)| pieces_width(head, size) <= room)
}

/// Takes the next line's words from `queue`, greedily. If the next word does not fit and the
/// line would end well short of the margin, a hyphenated head of that word may fill it.
fn take_line(queue: &mut VecDeque<Word>, width: f64, size: f64, may_hyphenate: bool) -> (Vec<Piece>, bool) {
    let mut line: Vec<Piece> = Vec::new();
    let mut used = 0.0;
    while let Some(word) = queue.front() {
        let space = if line.is_empty() { 0.0 } else { text_width(" ", false, size) };
        let w = pieces_width(word, size);
        if line.is_empty() || used + space + w <= width {
            let word = queue.pop_front().unwrap_or_default();
            if !line.is_empty() {
                append(&mut line, vec![piece(" ", false)]);
            }
            append(&mut line, word);
            used += space + w;
            continue;
        }
        if may_hyphenate && width - used > HYPHENATE_IF_SHORT_BY {
            if let Some((head, tail)) = hyphenate(word, width - used - space, size) {
                append(&mut line, vec![piece(" ", false)]);
                append(&mut line, head);
                queue[0] = tail;
                return (line, true);
            }
        }
        break;
    }
    (line, false)
}

/// Escapes a string for a PDF literal string in WinAnsi bytes. Bytes outside printable ASCII
/// become octal escapes so the content stream stays ASCII.
fn pdf_string(text: &str) -> Result<String, String> {
    let mut out = String::from("(");
    for c in text.chars() {
        let b = cp1252(c).ok_or_else(|| format!("{c:?} cannot be written in WinAnsiEncoding"))?;
        match b {
            b'(' | b')' | b'\\' => {
                out.push('\\');
                out.push(char::from(b));
            }
            32..=126 => out.push(char::from(b)),
            _ => out.push_str(&format!("\\{b:03o}")),
        }
    }
    out.push(')');
    Ok(out)
}

/// Lays blocks out on pages, collecting one content stream per page.
struct Layout {
    pages: Vec<String>,
    /// Baseline for the next line on the current page.
    y: f64,
    hyphens: usize,
}

impl Layout {
    /// The current page's content stream (there is always at least one page).
    fn page(&mut self) -> &mut String {
        self.pages.last_mut().expect("layout starts with one page")
    }

    fn new_page(&mut self) {
        self.pages.push(String::new());
        self.y = TOP;
        self.hyphens = 0;
    }

    fn at_top(&self) -> bool {
        self.y == TOP
    }

    /// Leaves `gap` before a block unless the page has just begun.
    fn gap(&mut self, gap: f64) {
        if !self.at_top() {
            self.y -= gap;
        }
    }

    /// Draws one line at (x, y): one BT/ET block, one `Tj` per font change.
    fn draw(&mut self, x: f64, y: f64, pieces: &[Piece], size: f64) -> Result<(), String> {
        let mut ops = format!("BT {x:.2} {y:.2} Td");
        for p in pieces {
            let font = if p.bold { "F2" } else { "F1" };
            ops.push_str(&format!(" /{font} {size} Tf {} Tj", pdf_string(&p.text)?));
        }
        ops.push_str(" ET\n");
        self.page().push_str(&ops);
        Ok(())
    }

    fn paragraph(&mut self, spans: &[Span], size: f64, gap: f64, hyphenate: bool) -> Result<(), String> {
        self.gap(gap);
        let mut queue = words(spans);
        while !queue.is_empty() {
            if self.y < BOTTOM {
                self.new_page();
            }
            let may_hyphenate = hyphenate && self.hyphens < MAX_HYPHENS_PER_PAGE;
            let (line, hyphenated) = take_line(&mut queue, TEXT_W, size, may_hyphenate);
            self.hyphens += usize::from(hyphenated);
            self.draw(LEFT, self.y, &line, size)?;
            self.y -= LEADING;
        }
        Ok(())
    }

    fn table(&mut self, rows: &[Vec<String>]) -> Result<(), String> {
        self.gap(PARA_GAP);
        let columns = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let col_w = TEXT_W / columns as f64;
        for row in rows {
            let cells: Vec<Vec<Vec<Piece>>> = row
                .iter()
                .map(|cell| {
                    let mut queue = words(&[Span { text: cell.clone(), bold: false }]);
                    let mut lines = Vec::new();
                    while !queue.is_empty() {
                        lines.push(take_line(&mut queue, col_w - 6.0, SIZE, false).0);
                    }
                    lines
                })
                .collect();
            let height = cells.iter().map(Vec::len).max().unwrap_or(1).max(1) as f64;
            if self.y - (height - 1.0) * LEADING < BOTTOM {
                self.new_page();
            }
            for (i, lines) in cells.iter().enumerate() {
                for (j, line) in lines.iter().enumerate() {
                    self.draw(LEFT + i as f64 * col_w, self.y - j as f64 * LEADING, line, SIZE)?;
                }
            }
            // A thin rule under the row, as table borders are drawn: graphics, not text.
            let rule_y = self.y - (height - 1.0) * LEADING - 4.0;
            let rule = format!("0.5 w {LEFT:.2} {rule_y:.2} m {:.2} {rule_y:.2} l S\n", LEFT + TEXT_W);
            self.page().push_str(&rule);
            self.y -= height * LEADING + ROW_PAD;
        }
        Ok(())
    }
}

/// Renders the blocks as a PDF file.
pub fn render(blocks: &[Block]) -> Result<Vec<u8>, String> {
    let mut layout = Layout { pages: vec![String::new()], y: TOP, hyphens: 0 };
    for block in blocks {
        match block {
            Block::Heading(text) => {
                let span = Span { text: text.clone(), bold: true };
                layout.paragraph(&[span], HEADING_SIZE, PARA_GAP + 4.0, false)?;
            }
            Block::Paragraph(spans) => layout.paragraph(spans, SIZE, PARA_GAP, true)?,
            Block::Table(rows) => layout.table(rows)?,
            Block::PageBreak => layout.new_page(),
        }
    }
    let total = layout.pages.len();
    for (i, content) in layout.pages.iter_mut().enumerate() {
        let footer = format!("Side {} av {total}", i + 1);
        let x = (PAGE_W - text_width(&footer, false, FOOTER_SIZE)) / 2.0;
        let op = format!("BT {x:.2} 40.00 Td /F1 {FOOTER_SIZE} Tf {} Tj ET\n", pdf_string(&footer)?);
        content.push_str(&op);
    }
    Ok(assemble(&layout.pages, None))
}

/// Writes a complete PDF file with one page per content stream. Fonts F1 (Helvetica) and F2
/// (Helvetica-Bold) are available to every page. `encrypt`, if given, is written as the
/// /Encrypt dictionary (only for fixtures of password-protected files; the content itself is
/// not encrypted, so such a file cannot be opened with any password).
pub fn assemble(pages: &[String], encrypt: Option<&str>) -> Vec<u8> {
    // Object numbers: 1 catalog, 2 page tree, 3-4 fonts, 5 info, then page + content pairs.
    let first_page = 6;
    let kids: Vec<String> = (0..pages.len()).map(|i| format!("{} 0 R", first_page + 2 * i)).collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        format!("<< /Type /Pages /Kids [{}] /Count {} >>", kids.join(" "), pages.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>".into(),
        "<< /Producer (kontrakt fixtures) >>".into(),
    ];
    for (i, content) in pages.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_W} {PAGE_H}] \
             /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {} 0 R >>",
            first_page + 2 * i + 1
        ));
        objects.push(format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()));
    }
    let mut trailer_extra = String::new();
    if let Some(dict) = encrypt {
        objects.push(dict.to_string());
        // An encrypted file needs a file identifier; a constant keeps the output deterministic.
        trailer_extra = format!(
            " /Encrypt {} 0 R /ID [<6b6f6e7472616b740000000000000000> <6b6f6e7472616b740000000000000000>]",
            objects.len()
        );
    }

    // The binary comment marks the file as binary for transfer tools, as the spec suggests.
    let mut out: Vec<u8> = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    let mut tail = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for offset in offsets {
        // Each entry is exactly 20 bytes: "nnnnnnnnnn ggggg n" plus space and newline.
        tail.push_str(&format!("{offset:010} 00000 n \n"));
    }
    tail.push_str(&format!(
        "trailer\n<< /Size {} /Root 1 0 R /Info 5 0 R{trailer_extra} >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    ));
    out.extend_from_slice(tail.as_bytes());
    out
}
