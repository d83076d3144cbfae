//! PDF: text per page through `pdf-extract`, split into paragraphs.
//!
//! pdf-extract writes a page's text in content-stream order and only looks at positions where a
//! text-showing operator begins: a move left and down by more than half the font size starts a
//! new line, a vertical jump of more than 1.5 × the font size adds another newline (a blank
//! line), and a move right adds one space (so table cells are joined by a single space). A jump
//! down *and* right, such as a centred footer after a short line, gives one newline and a space.
//! Paragraph spacing in word processors usually exceeds 1.5 lines, but not always (LibreOffice
//! without paragraph spacing gives no blank lines at all, tight table rows neither), so blank
//! lines are not the only paragraph boundary used here; see `paragraphs`.
//!
//! The values of a filled-in form are added from its fields ([`super::form`]).
//!
//! pdf-extract can panic on malformed content streams; the panic is caught and reported as an
//! internal error. It can also hang, overflow the stack or exhaust memory on hostile files,
//! which no in-process guard can stop: callers that read untrusted files run this in a worker
//! process ([`super::worker`]).

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

use super::{form, guarded, Document, Page};
use crate::error::{ErrorKind, FileError};
use crate::numbering::{numbering, Kind};
use crate::values;

/// Below this many non-whitespace characters per page on average, a PDF has no usable text
/// layer (typically a scan).
pub(super) const MIN_CHARS_PER_PAGE: usize = 20;

/// A line shorter than this share of a full line ends its paragraph (the last line of a
/// paragraph, a heading, a table row).
const SHORT_LINE_RATIO: f64 = 0.6;

/// The smallest length (in characters) taken as a full line, so that a document made only of
/// short lines (a table, a signature page) still has its lines told apart.
const MIN_FULL_LINE: usize = 50;

/// A line whose length with the next line's first word passes this share of a full line was
/// wrapped before that word, not ended.
const FIT_RATIO: f64 = 0.9;

/// A horizontal gap, in font sizes, that no word space in justified text reaches: the gap
/// between two table cells or form columns.
const CELL_GAP: f64 = 2.5;

/// Extracts the text of a PDF as pages of paragraphs.
pub fn extract(bytes: &[u8]) -> Result<Document, FileError> {
    with_text(text_layer(bytes)?)
}

/// The text layer of a PDF, page by page; a page without one (a scan) has no paragraphs.
pub(super) fn text_layer(bytes: &[u8]) -> Result<Vec<Page>, FileError> {
    // A file without pages is broken, not scanned: most often its cross-reference table is
    // off, which a table rebuilt from the objects themselves mends.
    let pages = match text_by_page(bytes) {
        Ok(pages) if !pages.is_empty() => pages,
        Err(e) if e.kind != ErrorKind::Corrupt => return Err(e),
        first => match super::xref::rebuild(bytes).map(|fixed| text_by_page(&fixed)) {
            Some(Ok(pages)) if !pages.is_empty() => pages,
            _ => {
                return Err(first.err().unwrap_or_else(|| {
                    FileError::new(ErrorKind::Corrupt, "no pages found (damaged cross-reference table or page tree)")
                }))
            }
        },
    };

    let mut pages = pages_of(&pages);
    for (page, field) in guarded("the form reader", || form::fields(bytes))? {
        if let Some(page) = pages.get_mut(page) {
            page.paragraphs.push(field);
        }
    }
    Ok(pages)
}

/// Pages of text lines become pages of paragraphs (see [`paragraphs`]).
pub(super) fn pages_of(pages: &[String]) -> Vec<Page> {
    let full_line = full_line(pages.iter().map(String::as_str));
    pages.iter().map(|text| Page { paragraphs: paragraphs(text, full_line) }).collect()
}

/// The length of a full line, in characters: as long as the longest tenth of the lines, not
/// the longest line, since a running header across a two-column page would make every column
/// line look short. Two-column text gives the width of a column.
pub(super) fn full_line<'a>(pages: impl IntoIterator<Item = &'a str>) -> usize {
    let mut lengths: Vec<usize> = pages
        .into_iter()
        .flat_map(str::lines)
        .map(|l| l.trim())
        .filter(|l| !l.is_empty() && !is_page_number(l))
        .map(|l| l.chars().count())
        .collect();
    lengths.sort_unstable();
    lengths.get(lengths.len() * 9 / 10).copied().unwrap_or(0)
}

/// Non-whitespace characters on a page.
pub(super) fn chars(page: &Page) -> usize {
    page.paragraphs.iter().map(|p| p.chars().filter(|c| !c.is_whitespace()).count()).sum()
}

/// The document, or `no_text` when its pages hold too little text to be read.
pub(super) fn with_text(pages: Vec<Page>) -> Result<Document, FileError> {
    let chars: usize = pages.iter().map(chars).sum();
    if pages.is_empty() || chars < MIN_CHARS_PER_PAGE * pages.len() {
        return Err(FileError::new(
            ErrorKind::NoText,
            format!("no text layer; scanned? ({chars} characters on {} pages)", pages.len()),
        ));
    }
    Ok(Document { paged: true, pages })
}

/// The text of each page, as pdf-extract lays it out (see [`PageText`]).
///
/// The document is parsed once and its pages are read in one pass, so a font shared by the
/// pages is built once. A page that pdf-extract cannot read ends the text there, keeping the
/// pages before it.
fn text_by_page(bytes: &[u8]) -> Result<Vec<String>, FileError> {
    guarded("pdf-extract", || {
        let corrupt = |e| FileError::new(ErrorKind::Corrupt, OutputError::PdfError(e).to_string());
        let mut doc = pdf_extract::Document::load_mem(bytes).map_err(corrupt)?;
        // "Protected" files often have an empty user password and open without asking.
        if doc.is_encrypted() {
            doc.decrypt("").map_err(|e| match e {
                pdf_extract::Error::Decryption(_) | pdf_extract::Error::InvalidPassword => {
                    FileError::new(ErrorKind::Encrypted, OutputError::PdfError(e).to_string())
                }
                e => corrupt(e),
            })?;
        }
        let mut text = PageText::default();
        // An error leaves the pages read before it in `text.pages`.
        let _ = pdf_extract::output_doc(&doc, &mut text);
        Ok(text.pages)
    })?
}

/// An output device that lays glyphs out as text the way pdf-extract's `PlainTextOutput` does,
/// with the same rules and thresholds (the text is the same, byte for byte), but appends to a
/// page buffer directly instead of going through `fmt::Write` for every glyph.
///
/// Only positions where a text-showing operator begins are looked at: a move left and down by
/// more than half the font size starts a new line, a vertical jump of more than 1.5 × the font
/// size adds a newline, a move right adds a space.
#[derive(Default)]
struct PageText {
    pages: Vec<String>,
    page: String,
    /// Page height: PDF y grows upwards, text lines go downwards.
    height: f64,
    last_end: f64,
    last_y: f64,
    /// True at the first glyph of a text-showing operator.
    word_start: bool,
    /// Where the current line's last table cell starts: after a cell gap, or at the start of a
    /// line that carries that cell on.
    cell_x: Option<f64>,
}

impl OutputDev for PageText {
    fn begin_page(&mut self, _: u32, media_box: &MediaBox, _: Option<(f64, f64, f64, f64)>) -> Result<(), OutputError> {
        self.height = media_box.ury - media_box.lly;
        // As a fresh `PlainTextOutput` per page: the first glyph starts far below and left.
        self.last_end = 100_000.0;
        self.last_y = 0.0;
        self.cell_x = None;
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        let capacity = self.page.len();
        self.pages.push(std::mem::replace(&mut self.page, String::with_capacity(capacity)));
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        glyph: &str,
    ) -> Result<(), OutputError> {
        let (x, y) = (trm.m31, self.height - trm.m32);
        // The side of a square with the area of the transformed font-size square.
        let size = (font_size * (trm.m11 + trm.m21) * font_size * (trm.m12 + trm.m22)).sqrt();
        if self.word_start {
            let dy = (y - self.last_y).abs();
            let gap = dy > size * 1.5;
            if gap {
                self.page.push('\n');
            }
            let next_line = x < self.last_end && dy > size * 0.5;
            if next_line {
                self.page.push('\n');
            }
            // A gap wider than any word space, on the same line, parts two table cells: a
            // tab, as a text file's row has it ("Innkjøringsperiode\t6 måneder"), so that a
            // row with a long value is not run on into the next row.
            if x > self.last_end + size * CELL_GAP && dy <= size * 0.5 {
                self.page.push('\t');
                self.cell_x = Some(x);
            } else if x > self.last_end + size * 0.1 {
                self.page.push(' ');
            }
            if gap || next_line {
                // The next line of a row's last cell starts where that cell does, right of the
                // row's first: a tab before it says the cell wraps ("[X]\tAutorisasjon som
                // bioingeniør, registrert i" / "\tHelsepersonellregisteret (HPR)").
                let wraps = !gap && self.cell_x.is_some_and(|cell| (x - cell).abs() <= size * 0.5);
                if wraps {
                    self.page.push('\t');
                } else {
                    self.cell_x = None;
                }
            }
        }
        self.page.push_str(glyph);
        self.word_start = false;
        self.last_y = y;
        self.last_end = x + width * size;
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.word_start = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}

/// Splits one page's text into paragraphs. A paragraph ends
/// - at a blank line (a vertical gap of more than 1.5 lines in the PDF);
/// - before a line that starts with section numbering ("§ 5", "5.", "5.2.1", "a)", "•");
/// - around a table row whose cells stand far apart (a tab between them, [`row_ends`]);
/// - after a line shorter than [`SHORT_LINE_RATIO`] of a full line: the last line of a
///   paragraph or a heading, or a row whose cells stand close enough to be joined with a
///   single space. A short line whose sentence runs on does not end its paragraph ([`wrapped`]).
///
/// `width` is the length of a full line ([`full_line`]); [`MIN_FULL_LINE`] is the least taken
/// as full when telling short lines, so that pages of only short lines keep them apart.
/// A line that opens with a tab under a row carries the row's last cell on, and stays in it.
/// Page-number lines are dropped. Lines are trimmed; line breaks inside a paragraph stay '\n'.
pub(super) fn paragraphs(text: &str, width: usize) -> Vec<String> {
    let short = (width.max(MIN_FULL_LINE) as f64 * SHORT_LINE_RATIO) as usize;
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    // Whether the last line is a row's: its cells, or one of them carried on.
    let mut in_row = false;
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() || is_page_number(line) {
            flush(&mut current, &mut out);
            in_row = false;
            continue;
        }
        let carried = in_row && raw.starts_with('\t');
        in_row = carried || line.contains('\t');
        let ends = !carried
            && current.last().is_some_and(|&prev| {
                starts_numbered(line) && !number_wrapped(prev, line)
                    || same_bullet(current[0], line)
                    || bullet_after_end(prev, line)
                    || row_ends(prev, line)
                    || prev.chars().count() < short && !wrapped(&current, line, width)
            });
        if ends {
            flush(&mut current, &mut out);
        }
        current.push(line);
    }
    flush(&mut current, &mut out);
    out
}

/// A table row (cells parted by a tab) is a paragraph of its own, however long: it ends
/// before the next line unless that line carries its last cell on (no tab, lower case:
/// "Innkjøringsperiode\t6 måneder, med 14 dagers" / "gjensidig varsel"), and a row starts one
/// unless the line before it is a label cut after a function word ("Oppsigelsesfrist etter" /
/// "prøvetiden\t3 måneder").
fn row_ends(prev: &str, line: &str) -> bool {
    let continues = !line.contains('\t') && line.chars().next().is_some_and(char::is_lowercase);
    (prev.contains('\t') && !continues) || (line.contains('\t') && !prev.contains('\t') && !ends_in_function_word(prev))
}

/// The paragraph's last line was cut because `next`'s first word did not fit after it: the
/// sentence runs on ([`runs_on`]), a date goes on in its month ([`date_wrapped`]), or the line
/// ends in a word, is as long as a full line less that word (in a narrow column), and is not
/// a paragraph's only line (a heading, a table row) unless that line is numbered ("3.3 Before
/// the Commencement" / "Date, either Party …").
fn wrapped(paragraph: &[&str], next: &str, width: usize) -> bool {
    let Some(&line) = paragraph.last() else { return false };
    if runs_on(line, next) || date_wrapped(line, next) || ends_in_function_word(line) {
        return true;
    }
    let word = next.split_whitespace().next().map_or(0, |w| w.chars().count());
    let fills = (line.chars().count() + 1 + word) as f64 > block_width(paragraph, width) as f64 * FIT_RATIO;
    let body = paragraph.len() > 1 || starts_numbered(paragraph[0]);
    fills && body && ends_open(line) && !next.contains('\t')
}

/// The width of the block a paragraph is set in: a table cell or a frame narrower than the
/// page shows in the paragraph's own wrapped lines, the median of those between its first
/// (which may carry a row's label) and its last (the line in question), once there are at
/// least two of them.
fn block_width(paragraph: &[&str], width: usize) -> usize {
    let inner = &paragraph[1.min(paragraph.len())..paragraph.len().saturating_sub(1).max(1)];
    let mut lengths: Vec<usize> = inner.iter().map(|l| l.chars().count()).collect();
    if lengths.len() < 2 {
        return width;
    }
    lengths.sort_unstable();
    lengths[lengths.len() / 2].min(width)
}

/// A sentence that runs on to the next line: the line ends in a word (no full stop, colon or
/// other end of a sentence or label) and the next begins in lower case or with a digit. A line
/// in a narrow column is often short only because the next word did not fit; a heading, a
/// table row or a paragraph's last line is seldom followed by a lower-case word.
/// Tab-separated rows (plain text tables) never run on.
pub(crate) fn runs_on(line: &str, next: &str) -> bool {
    let starts_low = next.chars().next().is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    ends_open(line) && starts_low && (!starts_numbered(next) || number_wrapped(line, next)) && !next.contains('\t')
}

/// The line ends in a word (also a possessive "days'", or a number's digits after its words:
/// "tre (3)"), a comma or a hyphen, not at the end of a sentence or a label, and is no
/// tab-separated row.
fn ends_open(line: &str) -> bool {
    let digits_in_brackets = || {
        line.strip_suffix(')')
            .and_then(|l| l.rsplit_once(" ("))
            .is_some_and(|(_, n)| (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
    };
    (line.chars().next_back().is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '-' | '–' | '\'' | '’'))
        || digits_in_brackets())
        && !line.contains('\t')
}

/// Articles, prepositions, conjunctions and auxiliaries: no heading, table row or paragraph
/// ends in one, so a line that does was wrapped ("… without having given notice, the" /
/// "Employee shall pay …").
const FUNCTION_WORDS: [&str; 59] = [
    "the", "a", "an", "of", "to", "and", "or", "for", "by", "with", "in", "on", "at", "from", "that", "any", "shall",
    "will", "may", "your", "our", "og", "eller", "på", "av", "til", "med", "som", "at", "en", "et", "ei", "den", "det",
    "om", "fra", "frå", "etter", "ved", "mot", "skal", "kan", "må", "vil", "ikke", "ikkje", "sin", "sitt", "sine",
    "din", "ditt", "dine", "be", "is", "are", "er", "være", "vere", "not",
];

pub(crate) fn ends_in_function_word(line: &str) -> bool {
    let word = line.rsplit(' ').next().unwrap_or(line);
    line.contains(' ') && !line.contains('\t') && FUNCTION_WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A number wrapped inside itself is no section: "kr 25" / "000. Det …" (at its thousands
/// space), "2027-02-" / "15." (a date after its hyphen), "six" / "(6) months" (a number in
/// words and its digits).
fn number_wrapped(prev: &str, line: &str) -> bool {
    let date = prev.strip_suffix('-').is_some_and(|p| p.ends_with(|c: char| c.is_ascii_digit()));
    let in_words = prev.rsplit(' ').next().and_then(values::number_value).is_some()
        && line.strip_prefix('(').is_some_and(|l| l.starts_with(|c: char| c.is_ascii_digit()));
    (ends_in_group(prev) && starts_with_group(line))
        || (date && line.starts_with(|c: char| c.is_ascii_digit()))
        || in_words
}

/// A date wrapped between its day and its month: "means 4" / "January 2027", "med start 1." /
/// "september 2027".
fn date_wrapped(line: &str, next: &str) -> bool {
    let day = line.rsplit(' ').next().map(|w| w.strip_suffix('.').unwrap_or(w));
    let day = day.is_some_and(|w| (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()));
    day && next.split_whitespace().next().and_then(values::month_number).is_some()
}

fn flush(lines: &mut Vec<&str>, out: &mut Vec<String>) {
    if !lines.is_empty() {
        out.push(lines.join("\n"));
        lines.clear();
    }
}

/// The line ends in a number of one to three digits after a space ("kr 25").
fn ends_in_group(line: &str) -> bool {
    let digits = line.len() - line.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    (1..=3).contains(&digits) && line[..line.len() - digits].ends_with(' ')
}

/// The line starts with a group of exactly three digits ("000. Det", "500,-").
fn starts_with_group(line: &str) -> bool {
    let b = line.as_bytes();
    b.len() >= 3 && b[..3].iter().all(u8::is_ascii_digit) && !b.get(3).is_some_and(u8::is_ascii_digit)
}

/// "Side 2 av 4", "Side 2", "Side 2/4", "Page 2 of 4", "- 2 -" (also with en dashes).
fn is_page_number(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let number = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    let label = |s: &str| s.eq_ignore_ascii_case("side") || s.eq_ignore_ascii_case("page");
    let dash = |s: &str| s == "-" || s == "–";
    match words[..] {
        [l, n] if label(l) => number(n) || n.split_once('/').is_some_and(|(a, b)| number(a) && number(b)),
        [l, n, of, m] if label(l) => number(n) && number(m) && (of.eq_ignore_ascii_case("av") || of == "of"),
        [d1, n, d2] => dash(d1) && number(n) && dash(d2),
        _ => false,
    }
}

/// Bullets that may as well be a dash or a star running on from the line before.
const DASHES: [char; 4] = ['-', '–', '*', '·'];

/// A dash or star at the start of a line is as often a wrapped dash as a bullet ("… 3 måneder"
/// / "– gjensidig"), but a line that starts with the same bullet as its paragraph is the next
/// item of a list: "- Start date: 1 June 2027" / "- Probation: 6 months".
fn same_bullet(first: &str, line: &str) -> bool {
    fn bullet(l: &str) -> Option<char> {
        let mut chars = l.chars();
        let c = chars.next().filter(|c| DASHES.contains(c))?;
        (chars.next() == Some(' ')).then_some(c)
    }
    bullet(line).is_some_and(|b| bullet(first) == Some(b))
}

/// A dashed item opening on a capital after a line that ends a sentence or a label: the first
/// item of a list under prose ("… as below:" / "- Probation time: [months]"), however long the
/// lines are. A dash inside wrapped prose follows an open line or goes on in lower case.
fn bullet_after_end(prev: &str, line: &str) -> bool {
    let mut chars = line.chars();
    chars.next().is_some_and(|c| DASHES.contains(&c))
        && chars.next() == Some(' ')
        && chars.next().is_some_and(char::is_uppercase)
        && prev.ends_with(['.', ':', ';', '!', '?'])
}

/// True if the line starts with section numbering that begins a new paragraph: "§ 5",
/// "5.", "5.2", "5.2.1" followed by a capitalised word (or nothing), "a)", "(a)", "1)", "•".
///
/// The capital letter keeps wrapped prose apart from headings: "… etter\n§ 15-3 første
/// ledd" or "… per\n1. mai" stay in their paragraph.
fn starts_numbered(line: &str) -> bool {
    numbering(line).is_some_and(|m| match m.kind {
        Kind::Item => !line.starts_with(DASHES),
        // A plain number ("5 …") is as often a value as a section; "… per\n1. mai" and "… etter
        // \n§ 15-3 første ledd" stay in their paragraph because a section is followed by a capital.
        Kind::Section => !m.bare && line[m.len..].chars().next().is_none_or(char::is_uppercase),
    })
}

#[cfg(test)]
#[path = "../../devtools/src/fixture/mod.rs"]
#[allow(dead_code, clippy::print_stderr)]
mod gen_fixtures;

#[cfg(test)]
mod tests {
    use super::gen_fixtures::{self, pdf};
    use super::*;

    fn make_pdf(src: &str) -> Vec<u8> {
        pdf::render(&gen_fixtures::parse(src)).expect("fixture renders")
    }

    fn pages(src: &str) -> Vec<Vec<String>> {
        let doc = extract(&make_pdf(src)).expect("extracts");
        assert!(doc.paged);
        doc.pages.into_iter().map(|p| p.paragraphs).collect()
    }

    /// A paragraph as one line: line breaks become spaces, line-end hyphens are joined.
    fn joined(p: &str) -> String {
        p.replace("-\n", "").replace('\n', " ")
    }

    const CONTRACT: &str = "\
# Arbeidsavtale

Denne avtalen er inngått mellom **Fjordkraft Eiendom AS** og Ola Nordmann (arbeids**taker**).
Avtalen gjelder fra «første arbeidsdag» – uten unntak – og følger arbeidsmiljøloven § 14-6.

# § 2 Prøvetid

| Prøvetid | 6 måneder |
| Oppsigelsestid | 14 dager |

5.1 Oppsigelsesfristen løper fra den første dagen i måneden etter at oppsigelsen er mottatt.

a) Arbeidstakeren har krav på skriftlig begrunnelse.

---

# § 3 Lønn

Årslønn er kr 612 500,– som utbetales den 20. hver måned. Æ, Ø og Å skal også overleve.
";

    #[test]
    fn pages_and_paragraphs_come_out_in_order() {
        let pages = pages(CONTRACT);
        assert_eq!(pages.len(), 2, "{pages:#?}");
        let page1: Vec<String> = pages[0].iter().map(|p| joined(p)).collect();
        assert_eq!(
            page1,
            [
                "Arbeidsavtale",
                "Denne avtalen er inngått mellom Fjordkraft Eiendom AS og Ola Nordmann \
                 (arbeidstaker). Avtalen gjelder fra «første arbeidsdag» – uten unntak – og \
                 følger arbeidsmiljøloven § 14-6.",
                "§ 2 Prøvetid",
                "Prøvetid\t6 måneder",
                "Oppsigelsestid\t14 dager",
                "5.1 Oppsigelsesfristen løper fra den første dagen i måneden etter at \
                 oppsigelsen er mottatt.",
                "a) Arbeidstakeren har krav på skriftlig begrunnelse.",
            ]
        );
        let page2: Vec<String> = pages[1].iter().map(|p| joined(p)).collect();
        assert_eq!(
            page2,
            [
                "§ 3 Lønn",
                "Årslønn er kr 612 500,– som utbetales den 20. hver måned. Æ, Ø og Å skal også \
                 overleve.",
            ]
        );
    }

    #[test]
    fn line_breaks_inside_a_paragraph_are_kept() {
        let pages = pages(CONTRACT);
        let wrapped = &pages[0][1];
        assert!(wrapped.contains('\n'), "{wrapped:?}");
        assert!(!wrapped.contains("\n\n"), "{wrapped:?}");
        assert!(wrapped.lines().all(|l| l == l.trim()), "{wrapped:?}");
    }

    #[test]
    fn a_running_header_does_not_cut_column_lines() {
        // Two-column text: every line is half as long as the header across the page.
        let header = "Arbeidsavtale mellom Nordlys Eiendomsmegling AS og Kari Nordmann, side 1 av 2 sider";
        let column = "Arbeidstakeren har en gjensidig oppsigelsesfrist\npå tre måneder, regnet fra den første dagen\ni måneden etter at oppsigelsen kom fram.";
        let text = format!("{header}\n\n{}", [column; 6].join("\n\n"));
        let pages = pages_of(&[text]);
        assert_eq!(pages[0].paragraphs.len(), 7, "{:?}", pages[0].paragraphs);
        assert_eq!(pages[0].paragraphs[1].lines().count(), 3);
    }

    #[test]
    fn norwegian_characters_and_punctuation_survive() {
        let text: String = pages(CONTRACT).concat().concat();
        for needle in ["inngått", "«første arbeidsdag»", "– uten", "§ 14-6", "612 500,–", "Æ, Ø og Å"] {
            assert!(text.contains(needle), "{needle:?} missing from {text:?}");
        }
    }

    #[test]
    fn page_number_lines_are_dropped() {
        let bytes = make_pdf(CONTRACT);
        let raw = pdf_extract::extract_text_from_mem_by_pages(&bytes).expect("raw text");
        assert!(raw[0].contains("Side 1 av 2"), "the footer is in the raw text: {raw:?}");
        let doc = extract(&bytes).expect("extracts");
        for page in &doc.pages {
            for p in &page.paragraphs {
                assert!(!p.contains("Side 1 av 2") && !p.contains("Side 2 av 2"), "{p:?}");
            }
        }
    }

    #[test]
    fn page_number_forms() {
        for line in ["Side 2 av 4", "side 2", "Side 2/4", "Page 2 of 4", "Page 12", "- 2 -", "– 3 –"] {
            assert!(is_page_number(line), "{line:?}");
        }
        for line in ["Side 2 av 4 sider i avtalen", "Prøvetid 6", "2", "- a -", "Side to"] {
            assert!(!is_page_number(line), "{line:?}");
        }
    }

    #[test]
    fn numbering_starts_a_paragraph() {
        for line in [
            "§ 5 Oppsigelse",
            "§5",
            "5. Oppsigelse",
            "5.2 Lønn",
            "5.2.1 Overtid",
            "a) noe",
            "(b) noe",
            "1) noe",
            "• punkt",
        ] {
            assert!(starts_numbered(line), "{line:?}");
        }
        for line in ["§ 15-3 første ledd", "1. mai 2025", "3.5 prosent", "2025. Det", "abc) x", "Avtalen"] {
            assert!(!starts_numbered(line), "{line:?}");
        }
    }

    #[test]
    fn an_amount_wrapped_at_its_thousands_stays_whole() {
        let text = "Arbeidstaker som ikke tiltrer, skal betale en konvensjonalbot på kr 25\n000. Det gjelder også ved fratreden.";
        assert_eq!(paragraphs(text, 80).len(), 1);
        let text = "Denne linjen er lang nok til å regnes som en full linje i et avsnitt, og mer til\n\
                    100. Oppsigelse";
        assert_eq!(paragraphs(text, 80).len(), 2, "a section after prose without a number stays a section");
        // In a table cell, after a short line.
        let text = "Kurs Bedriften betaler kurs og sertifikat for\nfallsikring og mobile plattformer, kr 18\n000. Slutter arbeidstaker innen 12\nmåneder, skal kurset betales tilbake.";
        assert_eq!(paragraphs(text, 80).len(), 1);
    }

    /// A two-column page as pdf-extract gives it: one column's lines, about 36 characters.
    const COLUMN_WIDTH: usize = 36;

    fn count(lines: &[&str], width: usize) -> usize {
        paragraphs(&lines.join("\n"), width).len()
    }

    #[test]
    fn a_sentence_running_on_in_a_narrow_column_stays_whole() {
        // Lines short only because the next word did not fit, followed by lower case or a digit.
        let column = [
            "2. Sikkerhetsklarering. Noen oppdrag",
            "krever sikkerhetsklarering. Arbeidet",
            "er derfor",
            "betinget av at du blir klarert, og",
            "arbeidsgiver kan heve avtalen før",
            "tiltredelse med en frist på",
            "14 dager.",
        ];
        assert_eq!(count(&column, COLUMN_WIDTH), 1, "{:?}", paragraphs(&column.join("\n"), COLUMN_WIDTH));
        assert_eq!(
            count(&["Either party may end the", "employment by giving 14 days'", "written notice."], COLUMN_WIDTH),
            1
        );
        // A number in words with its digits in brackets: "tre (3)" / "måneders varsel".
        assert_eq!(count(&["8.1 Partene kan si opp med tre (3)", "måneders skriftlig varsel."], COLUMN_WIDTH), 1);
        // A heading before a capital, a sentence's end, a label and a tab-separated row still
        // end their line.
        for lines in [
            ["Lønn og feriepenger", "Lønnen utbetales den 20."],
            ["Avtalen er signert.", "den gjelder fra i dag"],
            ["Stilling:", "lagermedarbeider"],
            ["Prøvetid\tseks", "måneder\ttre"],
            ["Vedlegg (2)", "Lønnsplan for 2027"],
        ] {
            assert_eq!(count(&lines, COLUMN_WIDTH), 2, "{lines:?}");
        }
    }

    #[test]
    fn a_line_filled_up_to_the_next_word_continues_its_paragraph() {
        // English capitalises defined terms, so the next line may start upper-case.
        let column = [
            "3.3 Before the Commencement",
            "Date, either Party may terminate",
            "this Agreement by giving the",
            "Other Party one month's notice.",
        ];
        assert_eq!(count(&column, COLUMN_WIDTH), 1, "{:?}", paragraphs(&column.join("\n"), COLUMN_WIDTH));
        // Table rows and headings are each a paragraph's only line: they keep their rows.
        let rows = ["Prøvetid seks måneder i alt", "Oppsigelsestid 14 dager", "Arbeidssted Oslo", "General Terms"];
        assert_eq!(count(&rows, COLUMN_WIDTH), 4, "{:?}", paragraphs(&rows.join("\n"), COLUMN_WIDTH));
        // On a full-width page the same short line ends its paragraph.
        assert_eq!(count(&column[..2], 90), 2);
    }

    #[test]
    fn a_table_cell_wraps_at_its_own_width() {
        // pdf-extract's text of a LibreOffice table row: the label cell's text starts the first
        // line, the value cell wraps at a third of the page.
        let row = [
            "Failure to start If the Employee does not take up",
            "the position on the first working day",
            "without having given notice, the",
            "Employee shall pay the Foundation",
            "NOK 10,000 towards the cost of a",
            "new recruitment",
        ];
        assert_eq!(count(&row, 80), 1, "{:?}", paragraphs(&row.join("\n"), 80));
        // A line ending in an article or a preposition never ends a paragraph.
        for lines in [["Arbeidstaker skal betale et beløp på", "Kr 5 000"], ["the Employee shall pay the", "Company"]]
        {
            assert_eq!(count(&lines, 80), 1, "{lines:?}");
        }
        // The block's width is read from its inner lines, not from the first (the label) or
        // the last (the line in question); with fewer than two of them it is the page's.
        assert_eq!(block_width(&row[..5], 80), "Employee shall pay the Foundation".len());
        assert_eq!(block_width(&["Ansvar ved manglande", "oppmøte"], COLUMN_WIDTH), COLUMN_WIDTH);
        assert_eq!(block_width(&["Tittel", "Ansvar ved manglande", "oppmøte"], COLUMN_WIDTH), COLUMN_WIDTH);
    }

    #[test]
    fn a_number_or_date_wrapped_inside_itself_stays_whole() {
        for lines in [
            ["after probation, a notice period of six", "(6) months applies to both parties."],
            ["Your planned start date is 2027-02-", "15."],
            ["\"Commencement Date\" means 4", "January 2027, or such later date"],
            ["Du blir ansatt med start 1.", "september 2027. Frem til denne datoen"],
        ] {
            assert_eq!(count(&lines, COLUMN_WIDTH), 1, "{lines:?}");
        }
        // A list item after a lead-in, and a section after a whole date, stay apart.
        for lines in [["the Employee shall not:", "(1) solicit any customer"], ["dated 2027-02-15", "3. Lønn"]] {
            assert_eq!(count(&lines, COLUMN_WIDTH), 2, "{lines:?}");
        }
    }

    #[test]
    fn numbered_line_splits_a_block_without_gap() {
        let text = "Denne linjen er lang nok til å regnes som en full linje i et avsnitt, og mer til\n\
                    5.2 Oppsigelse gjelder fra første dag i måneden etter at den er mottatt av den andre";
        let paras = paragraphs(text, 80);
        assert_eq!(paras.len(), 2, "{paras:?}");
        assert!(paras[1].starts_with("5.2 Oppsigelse"));
    }

    #[test]
    fn libreoffice_layout_without_blank_lines() {
        // pdf-extract's text of a LibreOffice PDF (made from this generator's DOCX) where
        // paragraphs have no spacing: no blank lines, a space before each line end.
        let text = "\n\nArbeidsavtale\nDenne avtalen er inngått mellom Fjordkraft Eiendom AS \
            (arbeidsgiver) og Ola Nordmann \n(arbeidstaker). Avtalen følger kravene i \
            arbeidsmiljøloven § 14-6 og gjelder fra «første arbeidsdag» – \nuten unntak.\n\
            § 2 Prøvetid\nPrøvetid 6 måneder\nOppsigelsestid i prøvetiden 14 dager\n\
            5.1 Oppsigelsesfristen løper fra den første dagen i måneden etter at oppsigelsen er \
            mottatt. Ved \nforlengelse av prøvetiden gjelder arbeidsmiljølovens regler.\n\
            a) Arbeidstakeren har krav på skriftlig begrunnelse.\nSide 1 av 2";
        let full = text.lines().map(|l| l.trim().chars().count()).max().unwrap_or(0);
        assert_eq!(
            paragraphs(text, full),
            [
                "Arbeidsavtale",
                "Denne avtalen er inngått mellom Fjordkraft Eiendom AS (arbeidsgiver) og Ola \
                 Nordmann\n(arbeidstaker). Avtalen følger kravene i arbeidsmiljøloven § 14-6 og \
                 gjelder fra «første arbeidsdag» –\nuten unntak.",
                "§ 2 Prøvetid",
                "Prøvetid 6 måneder",
                "Oppsigelsestid i prøvetiden 14 dager",
                "5.1 Oppsigelsesfristen løper fra den første dagen i måneden etter at oppsigelsen \
                 er mottatt. Ved\nforlengelse av prøvetiden gjelder arbeidsmiljølovens regler.",
                "a) Arbeidstakeren har krav på skriftlig begrunnelse.",
            ]
        );
    }

    #[test]
    fn long_contract_breaks_pages_and_loses_no_text() {
        let para = "Arbeidstakeren plikter å følge arbeidsgiverens til enhver tid gjeldende \
                    retningslinjer for informasjonssikkerhet, personvernopplysninger og \
                    taushetsplikt, også etter at arbeidsforholdet er avsluttet.";
        let src: String = (1..=30).map(|i| format!("§ {i} Plikter\n\n{para} Nummer {i}.\n\n")).collect();
        let pages = pages(&src);
        assert!(pages.len() >= 3, "{} pages", pages.len());
        let text: Vec<String> = pages.concat().iter().map(|p| joined(p)).collect();
        let expected: Vec<String> =
            (1..=30).flat_map(|i| [format!("§ {i} Plikter"), format!("{para} Nummer {i}.")]).collect();
        // A paragraph cut by a page break comes back as two parts; join the whole text.
        assert_eq!(text.join(" "), expected.join(" "));
    }

    #[test]
    fn long_words_are_sometimes_hyphenated() {
        let para = "Oppsigelsestiden for arbeidstakeren er tre måneder regnet fra månedsskiftet \
                    etter oppsigelsen, jf. arbeidsmiljølovens bestemmelser om oppsigelsesvern og \
                    stillingsvernsbestemmelser for midlertidig ansatte arbeidstakerorganisasjoner.";
        let src: String = (0..12).map(|_| format!("{para}\n\n")).collect();
        let pages = pages(&src);
        let hyphens: Vec<usize> =
            pages.iter().map(|p| p.iter().map(|para| para.matches("-\n").count()).sum()).collect();
        assert!(hyphens.iter().sum::<usize>() > 0, "no hyphenation: {pages:#?}");
        assert!(hyphens.iter().all(|&n| n <= 3), "{hyphens:?}");
        let text: String = pages.concat().iter().map(|p| joined(p)).collect::<Vec<_>>().join(" ");
        assert_eq!(text, [para; 12].join(" "));
    }

    #[test]
    fn image_only_pdf_has_no_text() {
        // A scanned page: an inline grey image filling most of the page, and no text.
        let scan = "q 455 0 0 700 70 70 cm BI /W 2 /H 2 /CS /G /BPC 8 /F /AHx ID 00FF80C0> EI Q\n";
        let bytes = pdf::assemble(&[scan.to_string(), scan.to_string()], None);
        let err = extract(&bytes).expect_err("no text");
        assert_eq!(err.kind, ErrorKind::NoText, "{err}");
    }

    #[test]
    fn page_with_only_a_footer_has_no_text() {
        let bytes = make_pdf("---\n");
        let err = extract(&bytes).expect_err("no text");
        assert_eq!(err.kind, ErrorKind::NoText, "{err}");
    }

    #[test]
    fn little_text_is_enough_on_one_page() {
        let doc = extract(&make_pdf("Arbeidsavtale for Ola Nordmann\n")).expect("extracts");
        assert_eq!(doc.pages[0].paragraphs, ["Arbeidsavtale for Ola Nordmann"]);
    }

    #[test]
    fn random_bytes_are_corrupt() {
        let mut state: u32 = 12345;
        let noise: Vec<u8> = (0..4096)
            .map(|_| {
                state = state.wrapping_mul(1_103_515_245).wrapping_add(12345);
                (state >> 16) as u8
            })
            .collect();
        let with_header = [b"%PDF-1.4\n".as_slice(), &noise].concat();
        for bytes in [&noise, &with_header, &Vec::new()] {
            let err = extract(bytes).expect_err("not a PDF");
            assert_eq!(err.kind, ErrorKind::Corrupt, "{err}");
            assert!(!err.detail.is_empty());
        }
    }

    #[test]
    fn shifted_cross_reference_offsets_are_rebuilt() {
        let bytes = make_pdf(CONTRACT);
        let want = extract(&bytes).unwrap();
        // Bytes inserted after the header move every object away from its table entry.
        let header = bytes.iter().position(|&b| b == b'\n').unwrap() + 1;
        let shifted = [&bytes[..header], b"% inserted by an editor\n", &bytes[header..]].concat();
        assert_eq!(extract(&shifted).unwrap(), want);
        // No objects, no pages: damaged, not scanned.
        let empty = b"%PDF-1.4\ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n";
        assert_eq!(extract(empty).unwrap_err().kind, ErrorKind::Corrupt);
    }

    #[test]
    fn truncated_pdf_is_corrupt() {
        let bytes = make_pdf(CONTRACT);
        for cut in [bytes.len() / 2, bytes.len() - 40] {
            let err = extract(&bytes[..cut]).expect_err("truncated");
            assert_eq!(err.kind, ErrorKind::Corrupt, "cut at {cut}: {err}");
        }
    }

    #[test]
    fn unknown_user_password_is_encrypted() {
        // Standard security handler, RC4 40-bit, with /O and /U that match no password.
        let encrypt = format!(
            "<< /Filter /Standard /V 1 /R 2 /P -4 /O <{o}> /U <{u}> >>",
            o = "11".repeat(32),
            u = "22".repeat(32)
        );
        let bytes = pdf::assemble(&["BT /F1 11 Tf 70 770 Td (Hemmelig) Tj ET\n".into()], Some(&encrypt));
        let err = extract(&bytes).expect_err("encrypted");
        assert_eq!(err.kind, ErrorKind::Encrypted, "{err}");
    }

    #[test]
    fn pdf_extract_panic_is_internal() {
        // Text shown before any font is selected: pdf-extract unwraps the missing font.
        let bytes = pdf::assemble(&["BT 70 770 Td (Ingen font) Tj ET\n".into()], None);
        let err = extract(&bytes).expect_err("panicked");
        assert_eq!(err.kind, ErrorKind::Internal, "{err}");
    }

    /// The committed PDFs: the minimal writer's, and LibreOffice's and reportlab's in one and
    /// two columns (fixtures/pdf-producers, made by scripts/gen-realistic.py).
    fn fixture_pdfs() -> Vec<std::path::PathBuf> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
        let mut pdfs: Vec<_> = ["", "corpus", "heldout", "pdf-producers"]
            .iter()
            .flat_map(|dir| std::fs::read_dir(root.join(dir)).expect("fixture folder"))
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .collect();
        pdfs.sort();
        pdfs
    }

    #[test]
    fn page_text_is_pdf_extracts_own() {
        // Fonts shared between pages and the output device must not change a byte of the text
        // pdf-extract gives page by page with its own device, but for the tabs between cells
        // and before a cell's wrapped line.
        let pdfs = fixture_pdfs();
        assert!(
            pdfs.iter()
                .filter(|p| p.starts_with(env!("CARGO_MANIFEST_DIR").to_owned() + "/fixtures/pdf-producers"))
                .count()
                >= 4
        );
        for path in pdfs {
            let bytes = std::fs::read(&path).unwrap();
            let own = pdf_extract::extract_text_from_mem_by_pages(&bytes).expect("pdf-extract reads it");
            let tabbed: Vec<String> =
                text_by_page(&bytes).unwrap().iter().map(|p| p.replace("\n\t", "\n").replace('\t', " ")).collect();
            assert_eq!(tabbed, own, "{}", path.display());
        }
    }

    #[test]
    fn a_table_row_with_a_long_value_is_a_paragraph_of_its_own() {
        let pages = pages(
            "Avtalen gjelder fra den første arbeidsdagen og så lenge den ikke er sagt opp skriftlig.\n\n\
             | Innkjøringsperiode | seks måneder, med fjorten dagers gjensidig varsel hele veien |\n\
             | Varsel ellers | én måned for begge parter |\n",
        );
        // The value cell wraps onto a second line and carries on.
        let rows: Vec<String> = pages[0].iter().skip(1).map(|p| joined(p)).collect();
        assert_eq!(
            rows,
            [
                "Innkjøringsperiode\tseks måneder, med fjorten dagers gjensidig varsel hele veien",
                "Varsel ellers\tén måned for begge parter"
            ]
        );
    }

    #[test]
    fn a_cell_wrapped_onto_a_capitalised_line_stays_in_its_row() {
        let pages = pages(
            "# 5. Vilkår\n\n\
             | [X] | Autorisasjon som bioingeniør, registrert i Helsepersonellregisteret (HPR) og godkjent av seksjonsleiaren |\n\
             | [ ] | Politiattest |\n",
        );
        let rows: Vec<String> = pages[0].iter().skip(1).map(|p| joined(p)).collect();
        assert_eq!(
            rows,
            [
                "[X]\tAutorisasjon som bioingeniør, registrert i Helsepersonellregisteret (HPR) og godkjent av seksjonsleiaren",
                "[ ]\tPolitiattest"
            ]
        );
        // Only under a row does a line that opens with a tab carry a cell on.
        assert_eq!(count(&["Vilkår for tilsetjinga", "\tPolitiattest"], COLUMN_WIDTH), 2);
    }

    #[test]
    fn generator_output_is_deterministic() {
        assert_eq!(make_pdf(CONTRACT), make_pdf(CONTRACT));
    }
}
