//! Normalize: a [`Document`] becomes one [`Text`] string the patterns can rely on, with the
//! page and paragraph of every paragraph kept.
//!
//! Each paragraph becomes one line: NFKC (ligatures, NBSP, thin spaces), soft hyphens removed,
//! hyphenated line breaks joined, tabs as ` | ` cell borders, whitespace runs as one space,
//! every dash as `-`, curly quotes straight, a filled-in form's boxes read as its answers. A
//! paragraph cut by a page break is joined again.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use crate::extract::pdf::{ends_in_function_word, runs_on};
use crate::extract::Document;
use crate::{numbering, values};

/// The normalized text of a document: paragraphs joined with `\n`.
#[derive(Debug, Clone, Default)]
pub struct Text {
    /// The text; each paragraph is one line.
    pub string: String,
    /// The paragraphs in order, with their byte ranges in `string`.
    pub paragraphs: Vec<Paragraph>,
}

/// Where a paragraph sits in `Text::string` and in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte offset of the first character.
    pub start: usize,
    /// Byte offset after the last character.
    pub end: usize,
    /// Page number (1-based), `None` for formats without pages.
    pub page: Option<u32>,
    /// Paragraph number (1-based) within the page, or within the document without pages.
    pub number: u32,
}

impl Text {
    /// The text of paragraph `i`.
    pub fn paragraph(&self, i: usize) -> &str {
        let p = &self.paragraphs[i];
        &self.string[p.start..p.end]
    }
}

/// Normalizes a document's text.
pub fn normalize(doc: &Document) -> Text {
    normalize_within(doc, usize::MAX).unwrap_or_default()
}

/// Normalizes a document's text, or gives `None` as soon as the text grows past `max` bytes
/// (NFKC can make text eleven times longer), never holding more than that. Linear in the
/// document's size.
pub fn normalize_within(doc: &Document, max: usize) -> Option<Text> {
    let mut text = Text::default();
    // Whether the last paragraph holds table cells, kept up to date so that joining a paragraph
    // across many pages never searches it again.
    let mut last_has_cells = false;
    // Whether the previous page ended on a row of boxes ticked (see `unchosen_options`).
    let mut filled_above = false;
    for (page_index, page) in doc.pages.iter().enumerate() {
        let page_no = doc.paged.then_some(page_index as u32 + 1);
        let mut number = 0;
        let lines: Vec<&str> = page.paragraphs.iter().flat_map(|p| escaped_lines(p)).flat_map(markup_lines).collect();
        let rejoined = rejoined_box_cells(&lines);
        let lines: Vec<&str> = match &rejoined {
            Some(joined) => joined.iter().map(String::as_str).collect(),
            None => lines,
        };
        let grid = yes_no_grid(&lines);
        let raws: Vec<&str> = lines.iter().zip(&grid).map(|(line, read)| read.as_deref().unwrap_or(line)).collect();
        let unchosen = unchosen_options(&raws, filled_above);
        filled_above = ends_filled(&raws).unwrap_or(filled_above);
        let mut last_raw = "";
        for (raw, skip) in raws.into_iter().zip(unchosen) {
            if skip || not_chosen(raw) {
                continue;
            }
            let line = paragraph_within(raw, max - text.string.len())?;
            if line.is_empty() {
                continue;
            }
            let above = std::mem::replace(&mut last_raw, raw);
            if text.string.len() + line.len() + 1 > max {
                return None;
            }
            if number > 0 && box_row(raw) && labels_next(&mut text) {
                // A row of boxes under the question or label it answers: "Er det avtalt
                // prøvetid?" / "☒ Ja ☐ Nei" reads "Er det avtalt prøvetid: Ja".
                text.string.push(' ');
                text.string.push_str(&line);
                if let Some(last) = text.paragraphs.last_mut() {
                    last.end = text.string.len();
                }
                last_has_cells = line.contains(" | ");
                continue;
            }
            if number > 0 && !last_has_cells && answers_question_above(&mut text, &line) {
                // A form's question on a line of its own and its answer on the next ("Har
                // stillingen prøvetid?" / "Ja, seks måneder") read as one answered row.
                last_has_cells = line.contains(" | ");
                continue;
            }
            if !last_has_cells && broken_at_hyphen(&text, &line) {
                // A word hyphenated at a line end that a scan or a paste keeps as a line of its
                // own ("Det avtales en prøve-" / "tid på 6 måneder") joins as it does within a
                // paragraph.
                text.string.pop();
                text.string.push_str(&line);
                if let Some(last) = text.paragraphs.last_mut() {
                    last.end = text.string.len();
                }
                last_has_cells = line.contains(" | ");
                continue;
            }
            let (lower, cut) = (continues_previous(&text, &line), broken_mid_sentence(&text, &line));
            if !last_has_cells && ((number == 0 && (lower || cut)) || (lower && cut) || wrapped(above, &line)) {
                // The first paragraph of a page finishing a sentence from the page before (in
                // lower case, or after a word no paragraph ends in: "… and the" / "Company
                // may …"), or a hard-wrapped line pasted as paragraphs of its own.
                text.string.push(' ');
                text.string.push_str(&line);
                if let Some(last) = text.paragraphs.last_mut() {
                    last.end = text.string.len();
                }
                last_has_cells = line.contains(" | ");
                continue;
            }
            if !text.string.is_empty() {
                text.string.push('\n');
            }
            number += 1;
            let start = text.string.len();
            text.string.push_str(&line);
            text.paragraphs.push(Paragraph { start, end: text.string.len(), page: page_no, number });
            last_has_cells = line.contains(" | ");
        }
    }
    Some(text)
}

/// A page's first line continues the previous paragraph when that one stops mid-sentence
/// and the line starts in lower case (and the paragraph is not a table row).
fn continues_previous(text: &Text, line: &str) -> bool {
    let Some(last) = text.paragraphs.last() else { return false };
    let prev = &text.string[last.start..last.end];
    let open = prev.chars().last().is_some_and(|c| c.is_alphanumeric() || c == ',');
    let lower = line.chars().next().is_some_and(char::is_lowercase);
    open && lower
}

/// The last paragraph ends in a letter and a hyphen and the line goes on in lower case: one
/// word broken at its hyphenation ("Oppsei-" / "ingsfristen"). A compound's first part before
/// "og", "eller", "and", "or" ("konkurranse-" / "og kundeklausul") keeps its hyphen and its
/// line, as within a paragraph.
fn broken_at_hyphen(text: &Text, line: &str) -> bool {
    let Some(last) = text.paragraphs.last() else { return false };
    let prev = &text.string[last.start..last.end];
    let Some(stem) = prev.strip_suffix('-') else { return false };
    let first = &line[..line.find(|c: char| !c.is_alphanumeric()).unwrap_or(line.len())];
    stem.chars().last().is_some_and(|b| hyphen_breaks_word(b, first))
}

/// Whether a word that ends in `before` and a hyphen goes on in `next` (the letters after the
/// break): one word broken at its hyphenation ("arbeids-" / "taker"), not a compound's first
/// part listed before the next ("konkurranse-" / "og kundeklausul").
fn hyphen_breaks_word(before: char, next: &str) -> bool {
    before.is_alphabetic()
        && next.starts_with(char::is_lowercase)
        && !matches!(next, "og" | "eller" | "and" | "or" | "samt")
}

/// Lines that each open with a tick box, one under the other, are a form's options: where one
/// of them is ticked, the ones left empty were not chosen and say nothing ("[x] Probationary
/// period of 6 months" / "[ ] No probationary period"). Without a ticked one, an empty box is
/// a checklist's bullet.
fn unchosen_options(raws: &[&str], filled_before: bool) -> Vec<bool> {
    const TICKED: &[&str] = &["☒", "☑", "⊠", "[x]", "[X]", "[✓]"];
    const EMPTY: &[&str] = &["☐", "□", "[ ]"];
    let opens = |raw: &str, boxes: &[&str]| {
        let rest = raw.trim_start();
        let rest = rest.strip_prefix("- ").or_else(|| rest.strip_prefix("* ")).unwrap_or(rest).trim_start();
        boxes.iter().any(|b| rest.starts_with(b)) && !placeholder(rest) && !box_row(raw)
    };
    let mut skip = vec![false; raws.len()];
    let mut i = 0;
    while i < raws.len() {
        let run = raws[i..].iter().take_while(|r| opens(r, TICKED) || opens(r, EMPTY)).count();
        if run == 0 {
            i += 1;
            continue;
        }
        // A form whose boxes have been ticked leaves an empty one unchosen under its ticked
        // row too (on the next page, too): "[ ] 1 måned [X] 3 måneder" / "[ ] Oppsigelsesfristen
        // gjelder fra signering".
        let filled_above = ends_filled(&raws[..i]).unwrap_or(filled_before);
        if filled_above || raws[i..i + run].iter().any(|r| opens(r, TICKED)) {
            for (s, r) in skip[i..i + run].iter_mut().zip(&raws[i..i + run]) {
                *s = opens(r, EMPTY);
            }
        }
        i += run;
    }
    skip
}

/// Whether the last line of `raws` that says something is a row of boxes with one ticked,
/// passing over the scraps a PDF leaves after it (a cell's last word wrapped, "15-3", a page
/// footer, "Side 1 av 4"); `None` where there is no such line.
fn ends_filled(raws: &[&str]) -> Option<bool> {
    // A bracket opens a box or a template's field: a line with one is no scrap.
    let scrap = |raw: &str| {
        raw.split_whitespace().count() <= 4
            && !raw.contains('[')
            && !MARKED.iter().chain(UNMARKED).any(|m| raw.contains(m))
    };
    raws.iter().rev().find(|r| !scrap(r)).map(|r| filled_row(r))
}

/// A row of a form's boxes with one ticked.
fn filled_row(raw: &str) -> bool {
    box_row(raw) && MARKED.iter().any(|m| raw.contains(m))
}

/// A template's alternative marked as not in force: "Alternativ B: Det er ikkje prøvetid. –
/// ikkje aktuelt", "Option A: … – not applicable". The alternative chosen is the one that stands.
fn not_chosen(raw: &str) -> bool {
    const LABELS: &[&str] = &["alternativ ", "alternative ", "option "];
    const MARKS: &[&str] =
        &["ikke aktuelt", "ikkje aktuelt", "not applicable", "n/a", "ikke valgt", "ikkje valt", "not chosen"];
    // Asked of every line: the label is checked in place, without a lower-cased copy.
    let head = raw.trim_start();
    let labelled = LABELS.iter().any(|l| {
        head.get(..l.len()).is_some_and(|h| h.eq_ignore_ascii_case(l)) && {
            let rest = &head[l.len()..];
            let label = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
            rest[..label].chars().count() <= 2 && rest[label..].starts_with(':')
        }
    });
    labelled && {
        let end = raw.trim_end().trim_end_matches([')', ']', '.']).to_lowercase();
        MARKS
            .iter()
            .any(|m| end.strip_suffix(m).is_some_and(|before| before.trim_end().ends_with(['-', '–', '—', '(', '['])))
    }
}

/// A grid of yes-or-no columns, as a form printed as text lays it out: a header of two options
/// ("Ja    Nei", "Clause   Yes   No") over rows whose mark ("X", "[X]", "☒") stands under one of
/// them. Each row reads as its label answered by the option whose column its mark stands in
/// ("Bindingstid: Nei"); the header, and an option whose box is left empty, say nothing. Gives
/// per line its reading where it has one (the header reads as nothing).
fn yes_no_grid(lines: &[&str]) -> Vec<Option<String>> {
    // Both a header and a row that offers the options name one of them: the other lines, most
    // of any text, are passed over without being split into columns.
    let offers: Vec<bool> = lines
        .iter()
        .map(|line| line.split_whitespace().any(|w| YES_NO.iter().any(|o| w.eq_ignore_ascii_case(o))))
        .collect();
    let mut read: Vec<Option<String>> =
        lines.iter().zip(&offers).map(|(line, &o)| if o { marked_option(line) } else { None }).collect();
    let mut i = 0;
    while i < lines.len() {
        let Some(options) = Some(lines[i]).filter(|_| offers[i]).and_then(grid_header) else {
            i += 1;
            continue;
        };
        let mut rows = Vec::new();
        for line in &lines[i + 1..] {
            match grid_row(line, &options) {
                Some(row) => rows.push(row),
                None => break,
            }
        }
        if rows.is_empty() {
            i += 1;
            continue;
        }
        read[i] = Some(String::new());
        for (k, row) in rows.into_iter().enumerate() {
            read[i + 1 + k] = Some(row);
        }
        i += 1 + read[i + 1..].iter().take_while(|r| r.is_some()).count();
    }
    read
}

/// A row that offers both options with an "X" after the chosen one, its label before or after
/// them: "Ja   Nei X  Bindingstid" reads "Bindingstid: Nei", "Prøvetid  Ja X  Nei" "Prøvetid: Ja".
fn marked_option(line: &str) -> Option<String> {
    let words = columns(line);
    let is_option = |w: &str| YES_NO.iter().any(|o| w.eq_ignore_ascii_case(o));
    let is_mark = |w: &str| matches!(w, "x" | "X");
    // The two options, each with the mark right after it if it has one.
    let first = words.iter().position(|w| is_option(&w.1))?;
    let (mut k, mut offered, mut chosen) = (first, Vec::new(), Vec::new());
    for _ in 0..2 {
        let option = words.get(k).filter(|w| is_option(&w.1))?.1.to_lowercase();
        k += 1;
        if words.get(k).is_some_and(|w| is_mark(&w.1)) {
            chosen.push(words[k - 1].1.clone());
            k += 1;
        }
        offered.push(option);
    }
    let pair = matches!(
        (offered[0].as_str(), offered[1].as_str()),
        ("ja", "nei") | ("nei", "ja") | ("yes", "no") | ("no", "yes")
    );
    // The label stands on one side of the options only, and is words.
    let label: Vec<&str> = words[..first].iter().chain(&words[k..]).map(|w| w.1.as_str()).collect();
    let label_ok = (first == 0) != (k == words.len()) && label.iter().all(|w| w.chars().any(char::is_alphabetic));
    (pair && chosen.len() == 1 && label_ok).then(|| format!("{}: {}", label.join(" "), chosen[0]))
}

/// The words of a line, each with the column (in characters) it starts at and whether two
/// spaces or more stand before it. An empty box ("[ ]", "( )") is one word.
fn columns(line: &str) -> Vec<(usize, String, bool)> {
    let line = line.trim_end().replace("[ ]", "[_]").replace("( )", "(_)");
    let mut words: Vec<(usize, String, bool)> = Vec::new();
    let mut spaces = 0;
    for (col, c) in line.chars().enumerate() {
        if c == ' ' {
            spaces += 1;
            continue;
        }
        match words.last_mut() {
            Some(w) if spaces == 0 => w.1.push(c),
            _ => words.push((col, c.to_string(), spaces >= 2)),
        }
        spaces = 0;
    }
    words
}

/// A grid's header: at most three words of a label, then the two options ("Ja", "Nei"), set
/// apart by two spaces or more; each option with the column of its middle.
fn grid_header(line: &str) -> Option<[(f32, String); 2]> {
    let words = columns(line);
    let n = words.len();
    if !(2..=5).contains(&n) {
        return None;
    }
    let (yes, no) = (&words[n - 2], &words[n - 1]);
    let is = |w: &str, set: &[&str]| set.iter().any(|s| w.eq_ignore_ascii_case(s));
    let pair = (is(&yes.1, &["ja", "yes"]) && is(&no.1, &["nei", "no"]))
        || (is(&yes.1, &["nei", "no"]) && is(&no.1, &["ja", "yes"]));
    // The label's words are words, and two spaces or more set the options apart from it.
    let label_ok = n == 2 || (yes.2 && words[..n - 2].iter().all(|w| w.1.chars().all(char::is_alphabetic)));
    if !(pair && no.2 && label_ok) {
        return None;
    }
    Some([(middle(yes.0, &yes.1), yes.1.clone()), (middle(no.0, &no.1), no.1.clone())])
}

/// The column of the middle of `word`, which starts at column `col`.
fn middle(col: usize, word: &str) -> f32 {
    col as f32 + (word.chars().count() as f32 - 1.0) / 2.0
}

/// A row of a grid: a label, two spaces or more, then one or two marks, each under an option.
/// Reads as the label answered by the option its ticked mark stands under; a row with no tick
/// reads as its label alone.
fn grid_row(line: &str, options: &[(f32, String); 2]) -> Option<String> {
    const TICKS: &[&str] = &["x", "X", "✓", "✔", "☒", "☑", "⊠", "[x]", "[X]", "[✓]", "(x)", "(X)"];
    const EMPTY: &[&str] = &["☐", "□", "[_]", "[]", "(_)", "()"];
    let words = columns(line);
    // The marks are the last words, after the label's first gap of two spaces or more.
    let split = words.iter().skip(1).position(|w| w.2)? + 1;
    if words.len() - split > 2 {
        return None;
    }
    let mut ticked = None;
    for (col, mark, _) in &words[split..] {
        let middle = middle(*col, mark);
        // A mark stands under an option: a few columns from its middle at most.
        let nearest = options
            .iter()
            .min_by(|a, b| (a.0 - middle).abs().total_cmp(&(b.0 - middle).abs()))
            .filter(|o| (o.0 - middle).abs() <= 4.0)
            .map(|o| o.1.clone());
        if TICKS.contains(&mark.as_str()) {
            if ticked.is_some() || nearest.is_none() {
                return None;
            }
            ticked = nearest;
        } else if !EMPTY.contains(&mark.as_str()) {
            return None;
        }
    }
    let label = words[..split].iter().map(|w| w.1.as_str()).collect::<Vec<_>>().join(" ");
    Some(match ticked {
        Some(option) => format!("{label}: {option}"),
        None => label,
    })
}

/// The shortest line that a text wrapped at a fixed width (a pasted e-mail or post) fills.
const WRAP_WIDTH: usize = 60;

/// A line under a full one (`above`, as read) that goes on with the sentence that line stopped
/// in, at any word, as a PDF's line runs on ("… and your probation" / "is 6 months", "… a
/// period of one" / "(1) year"): a text hard-wrapped at a fixed width. A list item's line is no
/// such line: what follows it may qualify the whole list ("(b) … for the same days," /
/// "provided that …"); nor is a line that opens with a figure, a heading's number after a page
/// header as often as a wrapped sum.
fn wrapped(above: &str, line: &str) -> bool {
    runs_on(above, line)
        && !line.starts_with(|c: char| c.is_ascii_digit())
        && above.chars().count() >= WRAP_WIDTH
        && !above.trim_start().starts_with(numbering::BULLETS)
        && numbering::numbering(above).is_none()
}

/// The last paragraph stops on a word no heading, row or sentence ends in ("… Employee shall"
/// / "not solicit …", "Prøvetiden er" / "seks måneder."): a line broken inside its sentence.
/// Not before a list's next item ("…, eller" / "c) blir avskjediget"), and not after a quote
/// left open: an excerpt cut off at the line's end is followed by the writer's own words.
fn broken_mid_sentence(text: &Text, line: &str) -> bool {
    text.paragraphs.last().is_some_and(|last| {
        let prev = &text.string[last.start..last.end];
        ends_in_function_word(prev) && prev.matches('"').count() % 2 == 0 && numbering::numbering(line).is_none()
    })
}

/// Whether `rest` opens with a box, ticked or not.
fn is_box(rest: &str) -> bool {
    MARKED.iter().chain(UNMARKED).any(|m| rest.starts_with(m))
}

/// A paragraph that opens with a box and offers two or more: a form's options.
fn box_row(raw: &str) -> bool {
    let raw = raw.trim_start();
    is_box(raw) && raw.char_indices().filter(|&(i, _)| is_box(&raw[i..])).count() >= 2
}

/// A table row of boxed options that a PDF prints cell by cell, an option's cell wrapped so
/// that its last words share a line with the next box ("[ ] Ja, bindingstid ___" / "måneder
/// [X] Nei"): the wrapped words rejoin their option and the row is one line again ("[ ] Ja,
/// bindingstid ___ måneder\t[X] Nei"). `None` where no row is so broken, as on most pages.
fn rejoined_box_cells(lines: &[&str]) -> Option<Vec<String>> {
    let opens_box = |line: &str| is_box(line.trim_start());
    // The wrapped words before the line's first box: a few, in lower case, and no box.
    let tail = |line: &str| {
        let at = line.char_indices().find(|&(i, _)| is_box(&line[i..]))?.0;
        let lead = line[..at].trim();
        (lead.starts_with(char::is_lowercase) && lead.split_whitespace().count() <= 3).then_some(at)
    };
    let broken = |i: usize| i > 0 && opens_box(lines[i - 1]) && tail(lines[i]).is_some();
    if !(1..lines.len()).any(broken) {
        return None;
    }
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    for (i, line) in lines.iter().enumerate() {
        match (broken(i), tail(line), out.last_mut()) {
            (true, Some(at), Some(last)) => {
                last.push(' ');
                last.push_str(line[..at].trim());
                last.push('\t');
                last.push_str(&line[at..]);
            }
            _ => out.push((*line).to_string()),
        }
    }
    Some(out)
}

/// Whether the last paragraph is a question or a label that a row of options below answers
/// ("Er det avtalt prøvetid?", "Probation period:"); a question becomes the label it is.
fn labels_next(text: &mut Text) -> bool {
    let Some(last) = text.paragraphs.last() else { return false };
    let end = last.end;
    match text.string[last.start..end].chars().last() {
        Some(':') => true,
        Some('?') => {
            text.string.replace_range(end - 1..end, ":");
            true
        }
        // A table's label cell, which needs no colon: a short phrase, no sentence or heading.
        Some(c) if c.is_alphabetic() => {
            let label = &text.string[last.start..end];
            let short = label.split_whitespace().count() <= LABEL_WORDS * 2
                && !label.contains(['.', ':', ';', '|'])
                && numbering::numbering(label).is_none();
            if short {
                text.string.push(':');
            }
            short
        }
        _ => false,
    }
}

/// Whether `line` answers the question that the last paragraph is, as [`answered_question`]
/// reads a question and its answer on one line; if so, the two are joined as that row.
fn answers_question_above(text: &mut Text, line: &str) -> bool {
    let Some(last) = text.paragraphs.last_mut() else { return false };
    let question = &text.string[last.start..last.end];
    if !question.ends_with('?') {
        return false;
    }
    let joined = format!("{question} {line}");
    let row = answered_question(joined.clone());
    if row == joined {
        return false;
    }
    text.string.truncate(last.start);
    text.string.push_str(&row);
    last.end = text.string.len();
    true
}

/// Normalizes one paragraph into a single line.
pub fn normalize_paragraph(raw: &str) -> String {
    paragraph_within(raw, usize::MAX).unwrap_or_default()
}

/// Normalizes one paragraph, or gives `None` once the line grows past `max` bytes.
fn paragraph_within(raw: &str, max: usize) -> Option<String> {
    let mut out = String::with_capacity(raw.len().min(max));
    let raw = character_references(raw);
    // A superscript figure right after a word or a full stop marks a footnote ("6 måneder¹",
    // "1. september 2027.²"): NFKC would glue it on as a digit ("måneder1"), so it goes. One
    // that opens a line is the note's own number and stays.
    let unmarked = raw
        .chars()
        .zip(std::iter::once(' ').chain(raw.chars()))
        .filter(|&(c, before)| !is_superscript_figure(c) || before.is_whitespace())
        .map(|(c, _)| c);
    let mut chars = unmarked.nfkc().filter(|&c| c != '\u{ad}').peekable();
    let mut pending_space = false;
    // Spaces in a row since the last other character: three or more set columns apart.
    let mut run = 0;
    while let Some(c) = chars.next() {
        let c = match c {
            '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{fe58}' | '\u{fe63}' | '\u{ff0d}' => '-',
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '«' | '»' => '"',
            c => c,
        };
        if c == '\t' {
            trim_end_spaces(&mut out);
            if !out.is_empty() && !out.ends_with(" | ") {
                out.push_str(" | ");
            }
            pending_space = false;
            run = 0;
            continue;
        }
        if c.is_whitespace() {
            pending_space = true;
            run = if c == '\n' { 0 } else { run + 1 };
            continue;
        }
        // A run of spaces inside a line sets its columns apart, as a tab does: a key-terms
        // table pasted from a spreadsheet or laid out by `pdftotext -layout` ("Stilling:
        // Stipendiat      Tiltreding: 1. september 2027", "ARBEIDSAVTALE      Side 1 av 3").
        // After a label's colon the run only parts the label from its value.
        if run >= 3 && c != '|' && !out.is_empty() && !out.trim_end().ends_with([':', '|']) {
            trim_end_spaces(&mut out);
            out.push_str(" | ");
            pending_space = false;
        }
        run = 0;
        // A word broken at a line end whose break became a space in a paste ("be- fore") joins
        // as one broken at a line break does; "full- or part-time" lists parts of compounds.
        let spaced = chars.peek() == Some(&' ') && !pending_space;
        if c == '-' && (chars.peek() == Some(&'\n') || spaced) {
            let before = out.chars().last();
            // Six letters tell "og" and "eller" from longer words; looking further is waste.
            let rest: String = chars.clone().skip(1).take_while(|c| c.is_alphanumeric()).take(6).collect();
            let first = rest.chars().next();
            // "2027-09-\n01" → "2027-09-01": a date or number broken after its hyphen keeps it.
            if !spaced && before.is_some_and(|b| b.is_ascii_digit()) && first.is_some_and(|f| f.is_ascii_digit()) {
                out.push('-');
                chars.next();
                continue;
            }
            // "arbeids-\ntaker" → "arbeidstaker", but "konkurranse-\nog kundeklausul" stays.
            if before.is_some_and(|b| hyphen_breaks_word(b, &rest) && (!spaced || b.is_lowercase()))
                && !(spaced && matches!(rest.as_str(), "to" | "til" | "nor" | "but" | "men" | "enn" | "than"))
            {
                chars.next();
                continue;
            }
        }
        if pending_space && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        pending_space = false;
        out.push(c);
        if out.len() > max {
            return None;
        }
    }
    let mut out =
        glued_labels(leaders_as_cells(key_words(answered_question(form_choices(markup_edges(drafted_choices(
            template_blanks(tracked_changes(filled_blanks(export_fields(glued_footnote_marks(markdown(out)))))),
        )))))));
    trim_end_spaces(&mut out);
    if out.ends_with(" |") {
        out.truncate(out.len() - 2);
    }
    // A lead-in closed with ":-" or ": -", as British and Indian writing has it ("The usual
    // conditions are:-"), ends in its colon; a label's dash is its answer ("Prøvetid: -").
    if let Some(head) = out.strip_suffix(":-").or_else(|| out.strip_suffix(": -")) {
        if head.split(' ').count() > 3 {
            out.truncate(head.len() + 1);
        }
    }
    Some(out)
}

/// Markdown's marks read as the text they format: a heading's "## " goes, a table row's outer
/// bars go ("| Prøvetid | 6 måneder |" reads "Prøvetid | 6 måneder", its cell borders as a
/// tab's) and its rule ("|---|:--|") is no text, emphasis goes ("**6 måneder**", "***the
/// Company***", "*seks*"), and a mark escaped is the character itself ("\\[insert amount\\]").
/// An asterisk that opens no pair stays: a bullet ("* item") or a footnote's mark ("6 måneder*").
fn markdown(line: String) -> String {
    if !line.contains(['#', '|', '*', '\\']) {
        return line;
    }
    let mut text = line.as_str();
    let hashes = text.len() - text.trim_start_matches('#').len();
    if (1..=6).contains(&hashes) && text[hashes..].starts_with(' ') {
        text = text[hashes..].trim_start();
    }
    if table_row(text) {
        text = text[1..text.len() - 1].trim();
        if text.chars().all(|c| matches!(c, '-' | ':' | '|' | ' ')) {
            return String::new();
        }
    }
    // Runs of one to three asterisks: where each starts, its length, and whether it may open
    // (a word follows, none before) or close (a word before, none after) a stretch of emphasis.
    let b = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'*' || (i > 0 && b[i - 1] == b'\\') {
            i += 1;
            continue;
        }
        let n = b[i..].iter().take_while(|&&c| c == b'*').count();
        let before = text[..i].chars().next_back();
        let after = text[i + n..].chars().next();
        let opens = after.is_some_and(|c| !c.is_whitespace()) && before.is_none_or(|c| !c.is_alphanumeric());
        let closes = before.is_some_and(|c| !c.is_whitespace()) && after.is_none_or(|c| !c.is_alphanumeric());
        if n <= 3 {
            runs.push((i, n, opens, closes));
        }
        i += n;
    }
    // Each closing run pairs with the last open one of its length; paired runs go.
    let mut open: [Option<usize>; 3] = [None; 3];
    let mut gone = vec![false; runs.len()];
    for (k, &(_, n, opens, closes)) in runs.iter().enumerate() {
        match open[n - 1] {
            Some(o) if closes => {
                gone[o] = true;
                gone[k] = true;
                open[n - 1] = None;
            }
            _ if opens => open[n - 1] = Some(k),
            _ => {}
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut dropped = runs.iter().zip(&gone).filter(|(_, &g)| g).map(|(&(at, n, ..), _)| (at, n)).peekable();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if let Some((_, n)) = dropped.next_if(|&(from, _)| from == at) {
            for _ in 1..n {
                chars.next();
            }
            continue;
        }
        // An escaped mark: "\\[", "\\*", "\\_", "\\#".
        if c == '\\' && chars.peek().is_some_and(|&(_, m)| MARKDOWN_ESCAPES.contains(m)) {
            continue;
        }
        out.push(c);
    }
    out
}

/// The characters Markdown escapes with a backslash.
const MARKDOWN_ESCAPES: &str = "[]()*_#|.!-+{}<>`~";

/// A footnote's mark that a PDF's text gives as a plain figure glued to the word it follows
/// ("Prøvetid: 6 måneder1", "arbeidsmiljøloven2."): one or two digits right after a word of four
/// lower-case letters or more, before a space, a punctuation mark or the line's end. Codes
/// ("CO2", "kr15000", "punkt 2") and figures inside words or numbers ("2a", "v1.2") stay.
fn glued_footnote_marks(line: String) -> String {
    let b = line.as_bytes();
    let marks: Vec<(usize, usize)> = (0..b.len())
        .filter(|&i| b[i].is_ascii_digit() && (i == 0 || !b[i - 1].is_ascii_digit()))
        .filter_map(|i| {
            let end = i + b[i..].iter().take_while(|d| d.is_ascii_digit()).count();
            let closes = match b.get(end) {
                None => true,
                Some(b'.') => !b.get(end + 1).is_some_and(u8::is_ascii_alphanumeric),
                Some(&c) => c.is_ascii_whitespace() || matches!(c, b',' | b';' | b':' | b')' | b'|'),
            };
            let word_before = line[..i].chars().rev().take(4).filter(|c| c.is_lowercase()).count() == 4;
            (end - i <= 2 && closes && word_before).then_some((i, end))
        })
        .collect();
    if marks.is_empty() {
        return line;
    }
    let mut out = String::with_capacity(line.len());
    let mut from = 0;
    for (start, end) in marks {
        out.push_str(&line[from..start]);
        from = end;
    }
    out.push_str(&line[from..]);
    out
}

/// Whether `c` is a superscript figure (⁰ to ⁹), the usual mark of a footnote.
fn is_superscript_figure(c: char) -> bool {
    matches!(c, '¹' | '²' | '³' | '\u{2070}' | '\u{2074}'..='\u{2079}')
}

/// HTML's character references, left in text copied from a web page's source ("kr&nbsp;30&nbsp;000",
/// "m&aring;neder", "&#229;"), read as the characters they stand for; a lone "&" stays.
fn character_references(raw: &str) -> Cow<'_, str> {
    if !raw.contains('&') {
        return Cow::Borrowed(raw);
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at + 1..];
        // The longest name read ("Oslash", "#x2013") has six characters: look no further (a
        // text of many "&" and no ";" would otherwise be searched to its end for each).
        let read = rest.bytes().take(8).position(|b| b == b';').and_then(|n| Some((reference(&rest[..n])?, n)));
        match read {
            Some((c, n)) => {
                out.push(c);
                rest = &rest[n + 1..];
            }
            None => out.push('&'),
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The character a reference's name or number stands for, if it is one a text uses.
fn reference(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| !c.is_control());
    }
    Some(match name {
        "nbsp" => '\u{a0}',
        "shy" => '\u{ad}',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "laquo" => '«',
        "raquo" => '»',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "bull" => '•',
        "middot" => '·',
        "hellip" => '…',
        "ensp" | "emsp" | "thinsp" => ' ',
        "euro" => '€',
        "pound" => '£',
        "eacute" => 'é',
        "sect" => '§',
        "aelig" => 'æ',
        "AElig" => 'Æ',
        "oslash" => 'ø',
        "Oslash" => 'Ø',
        "aring" => 'å',
        "Aring" => 'Å',
        _ => return None,
    })
}

/// What a reviewer's tracked change reads as once a reviewed document is copied to text: a
/// deletion ("[slettet: tre]", "[sletta: tre]", "[deleted: three]") is gone, its words struck from
/// the contract, and an insertion ("[satt inn: seks]", "[sett inn: seks]", "[inserted: six]")
/// stands as its words, so "[slettet: tre] [satt inn: seks] måneders prøvetid" reads "seks
/// måneders prøvetid". Brackets that open with no such marker stay as written.
fn tracked_changes(line: String) -> String {
    if !line.contains('[') {
        return line;
    }
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    while let Some(open) = line[at..].find('[').map(|k| at + k) {
        let body = &line[open + 1..];
        let Some((kept, from)) = change_marker(body) else {
            out.push_str(&line[at..=open]);
            at = open + 1;
            continue;
        };
        // A marker left open is no change; nor, then, is any after it (each would be searched
        // to the line's end again).
        let Some(end) = closing(&body[from..], ('[', ']'), usize::MAX) else { break };
        out.push_str(&line[at..open]);
        at = open + 1 + from + end + 1;
        if kept {
            out.push_str(body[from..from + end].trim());
        } else if out.is_empty() || out.ends_with(' ') {
            // The space on one side of the struck words goes with them.
            let rest = &line[at..];
            if rest.starts_with(' ') {
                at += 1;
            } else if rest.is_empty() || rest.starts_with([',', '.', ';', ':', ')']) {
                trim_end_spaces(&mut out);
            }
        }
    }
    out.push_str(&line[at..]);
    out
}

/// The marker a tracked change opens with, in a bracket's `body`: whether its words stand (an
/// insertion) or are struck (a deletion), and where they start (after the marker's colon).
fn change_marker(body: &str) -> Option<(bool, usize)> {
    const DELETED: &[&str] = &["slettet", "sletta", "strøket", "stroke", "deleted"];
    const INSERTED: &[&str] = &["satt inn", "sett inn", "innsatt", "innsett", "inserted"];
    [(DELETED, false), (INSERTED, true)].into_iter().find_map(|(words, kept)| {
        words
            .iter()
            .find(|w| {
                body.get(..w.len()).is_some_and(|b| b.eq_ignore_ascii_case(w)) && body[w.len()..].starts_with(':')
            })
            .map(|w| (kept, w.len() + 1))
    })
}

/// The lines of a paragraph quoted as an escaped string (JSON, a program's string literal, a
/// database seed): a written-out line break ("\n", "\r\n", "\\n") ends a line as a real one
/// does. A backslash and an "n" before a lower-case letter are more likely a path or a word.
fn escaped_lines(raw: &str) -> impl Iterator<Item = &str> {
    let bytes = raw.as_bytes();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\\' {
            i += 1;
            continue;
        }
        // A run of escapes: "\n", "\r\n", "\n\n", each with one or two backslashes.
        let mut j = i;
        while j < bytes.len() && bytes[j] == b'\\' && j - i < 64 {
            let slashes = bytes[j..].iter().take(2).take_while(|&&b| b == b'\\').count();
            if matches!(bytes.get(j + slashes), Some(b'n' | b'r')) {
                j += slashes + 1;
            } else {
                break;
            }
        }
        if j > i && !bytes.get(j).is_some_and(u8::is_ascii_lowercase) {
            cuts.push((i, j));
            i = j;
        } else {
            i += 1;
        }
    }
    let mut lines = Vec::with_capacity(cuts.len() + 1);
    let mut from = 0;
    for (at, to) in cuts {
        lines.push(&raw[from..at]);
        from = to;
    }
    lines.push(&raw[from..]);
    lines.into_iter()
}

/// The lines a paragraph of markup shows as. A block element's tag starts a line, as a browser
/// starts one ("… start.</p><h3>Prøvetid</h3><p>Prøvetiden er …" is a sentence, a heading and
/// a paragraph; "<li>" an item), and a Markdown table's row ("| Prøvetid | 6 måneder |") is a
/// line of its own, as a tab-separated row is. A line break written as a tag at a line's end ("I
/// de fleste stillinger er<br />") leaves the line open, to run on into the next as a wrapped
/// one does.
fn markup_lines(raw: &str) -> impl Iterator<Item = &str> {
    let mut cuts: Vec<usize> = Vec::new();
    if raw.contains('<') {
        cuts.extend(
            raw.match_indices('<')
                .map(|(at, _)| at)
                .filter(|&at| at > 0 && numbering::markup_tag(&raw[at..]).is_some_and(|t| t.block)),
        );
    }
    if raw.contains('|') {
        let mut from = 0;
        for line in raw.split_inclusive('\n') {
            if table_row(line.trim()) {
                cuts.extend([from, from + line.len()]);
            }
            from += line.len();
        }
        cuts.sort_unstable();
    }
    cuts.push(raw.len());
    let mut from = 0;
    cuts.into_iter().filter_map(move |to| {
        let line = &raw[from..to];
        from = to;
        (!line.is_empty()).then_some(line)
    })
}

/// A Markdown table's row: a line that opens and closes with a bar and has a cell border
/// within ("| Prøvetid | 6 måneder |", "|---|---|").
fn table_row(line: &str) -> bool {
    line.len() > 2 && line.starts_with('|') && line.ends_with('|') && line[1..line.len() - 1].contains('|')
}

/// A template's fields as the blanks they are: "{{startdato}}", "{start_date}", "${startDate}",
/// "<%= notice %>", "<<dato>>", "<Insert Date>" read "[startdato]", "[start_date]", "[startDate]",
/// "[notice]", "[dato]", "[Insert Date]", the bracketed placeholder a form prints by hand
/// ("Tiltredelse: [dato]"); a block tag ("{{#if bonus}}", "{{/if}}", "{{else}}") is no text, and
/// a string literal between braces ("{' '}") is its text.
fn template_blanks(line: String) -> String {
    if !line.contains(['{', '<', '#']) {
        return line;
    }
    // The field's name: its letters and digits, the rest as spaces; of a path into an object
    // ("offer.terms.startDate") its last step, so that the blank is one word in a phrase.
    let name = |inner: &str| {
        let kept: String =
            inner.chars().map(|c| if c.is_alphanumeric() || matches!(c, '.' | '_') { c } else { ' ' }).collect();
        let steps = kept.split_whitespace().map(|w| w.rsplit('.').find(|s| !s.is_empty()).unwrap_or(w));
        format!("[{}]", steps.collect::<Vec<_>>().join(" "))
    };
    let mut out = String::with_capacity(line.len());
    let mut i = 0;
    // Inside a markup tag ("<Text style={styles.bold}>"), where a field is an attribute's value.
    let mut in_tag = false;
    while i < line.len() {
        let rest = &line[i..];
        let field = if let Some(body) = rest.strip_prefix("{{") {
            numbering::find_near(body, "}}", FIELD_LEN).map(|e| {
                let inner = body[..e].trim_matches(['{', ' ']);
                let end = 2 + e + 2 + usize::from(body[e + 2..].starts_with('}'));
                let block = inner.starts_with(['#', '/', '!', '>', '^']) || inner == "else";
                (end, if block { String::new() } else { fallback(inner).map_or_else(|| name(inner), str::to_string) })
            })
        } else if let Some(body) = rest.strip_prefix("${") {
            closing(body, BRACES, FIELD_LEN)
                .map(|e| (2 + e + 1, fallback(&body[..e]).map_or_else(|| name(&body[..e]), str::to_string)))
        } else if let Some(body) = rest.strip_prefix("<<") {
            numbering::find_near(body, ">>", FIELD_LEN).filter(|&e| e > 0).map(|e| (2 + e + 2, name(&body[..e])))
        } else if let Some(body) = rest.strip_prefix("<%=").or_else(|| rest.strip_prefix("<%-")) {
            numbering::find_near(body, "%>", FIELD_LEN).map(|e| (3 + e + 2, name(&body[..e])))
        } else if let Some(body) = rest.strip_prefix('<').filter(|b| b.starts_with(char::is_alphabetic)) {
            // Words alone in angle brackets that are no markup: a word processor template's
            // field ("<Insert Date>", "<dato>").
            numbering::find_near(body, ">", FIELD_LEN)
                .filter(|&e| {
                    numbering::markup_tag(rest).is_none()
                        && body[..e].chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '.' | '-'))
                })
                .map(|e| (1 + e + 1, name(&body[..e])))
        } else if let Some(body) = rest.strip_prefix('#').filter(|_| !out.ends_with(char::is_alphanumeric)) {
            // A field marked by a hash, as some systems merge them: "#annual_pay", "#startDate".
            let end = body.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).unwrap_or(body.len());
            let field = &body[..end];
            let joined = field.contains('_')
                || field.as_bytes().windows(2).any(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase());
            (field.starts_with(|c: char| c.is_ascii_alphabetic()) && joined && end <= FIELD_LEN)
                .then(|| (1 + end, name(field)))
        } else if let Some(body) = rest.strip_prefix('{') {
            closing(body, BRACES, FIELD_LEN).and_then(|e| {
                let inner = body[..e].trim();
                let quoted = inner.len() >= 2
                    && [('\'', '\''), ('"', '"'), ('`', '`')]
                        .iter()
                        .any(|&(a, b)| inner.starts_with(a) && inner.ends_with(b));
                let named = inner.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_');
                // An object literal ("{label:"Notice",value:"3 months"}") holds text, no field; a
                // format after a field's name ("{start:%d.%m.%Y}") is no quoted value.
                let literal = inner.split_once(':').is_some_and(|(key, value)| {
                    key.trim().trim_matches(['"', '\'']).chars().all(|c| c.is_alphanumeric() || c == '_')
                        && value.trim_start().starts_with(['"', '\''])
                });
                if quoted {
                    Some((1 + e + 1, inner[1..inner.len() - 1].to_string()))
                } else if let Some(value) = fallback(inner) {
                    Some((1 + e + 1, value.to_string()))
                } else {
                    (named && !literal).then(|| (1 + e + 1, name(inner)))
                }
            })
        } else {
            None
        };
        match field {
            Some((len, text)) => {
                out.push_str(&text);
                i += len;
            }
            None => {
                // A tag's attributes are markup, no text of the clause: "<span
                // data-field=\"Prøvetid\">14 dager</span>" reads "<span>14 dager</span>".
                let in_attributes = in_tag && rest.starts_with(char::is_whitespace);
                if let Some(end) = in_attributes.then(|| attributes_end(rest)).flatten() {
                    i += end;
                    continue;
                }
                let c = rest.chars().next().unwrap_or(' ');
                match c {
                    '<' => in_tag = rest[1..].starts_with(|n: char| n.is_ascii_alphabetic() || n == '/'),
                    '>' => in_tag = false,
                    _ => {}
                }
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

/// The value a template's field falls back to when nothing is filled in, which is what the
/// page then shows: the default a call is given after the field's name ("field(offer,
/// \"trial_months\", \"3\")"), or the one after `||`, `??` or a `default` filter
/// ("form.notice || '3'", "notice | default: \"3\""). A call with one quoted argument names
/// its field or a text's key ("t(\"probation\")") and has none.
fn fallback(inner: &str) -> Option<&str> {
    fn quoted(s: &str) -> Option<&str> {
        let s = s.trim();
        let q = s.chars().next().filter(|q| matches!(q, '"' | '\'' | '`'))?;
        (s.len() >= 2 && s.ends_with(q)).then(|| &s[1..s.len() - 1])
    }
    let inner = inner.trim();
    if let Some((_, value)) = inner.split_once("||").or_else(|| inner.split_once("??")) {
        return quoted(value);
    }
    if let Some((_, filter)) = inner.split_once('|').filter(|(_, f)| f.trim_start().starts_with("default")) {
        let value = filter.trim_start()["default".len()..].trim_start_matches([':', '(', ' ']);
        return quoted(value.strip_suffix(')').unwrap_or(value));
    }
    let args = inner.strip_suffix(')')?.split_once('(')?.1;
    let literals = args.split(',').filter(|a| quoted(a).is_some()).count();
    quoted(args.rsplit(',').next()?).filter(|_| literals >= 2)
}

/// A line of HTML or JSX reads as its text: its tags go ("<p className=\"lead\">Du forplikter
/// deg til ikke å:</p>" is the lead-in to a list, "Prøvetid: <strong>6 måneder</strong>" a
/// row), a list item's tag is the bullet it is ("<li>kontakte kunder</li>" reads "- kontakte
/// kunder"), a table cell's that opens after text is a cell border ("<td>Prøvetid</td><td>6
/// måneder</td>" reads "Prøvetid | 6 måneder"), and a line of tags alone ("<ul
/// className=\"list\">", "<br/><br/>") holds no text. A tag's attributes went before
/// (`template_blanks`).
fn markup_edges(line: String) -> String {
    if !line.contains('<') {
        return line;
    }
    let mut out = String::with_capacity(line.len());
    let mut rest = line.as_str();
    while let Some(at) = rest.find('<') {
        let Some(tag) = numbering::markup_tag(&rest[at..]) else {
            out.push_str(&rest[..=at]);
            rest = &rest[at + 1..];
            continue;
        };
        out.push_str(&rest[..at]);
        if tag.item && out.trim().is_empty() {
            out.push_str("- ");
        } else if tag.cell && !out.trim().is_empty() {
            trim_end_spaces(&mut out);
            out.push_str(" | ");
        }
        rest = &rest[at + tag.len..];
    }
    out.push_str(rest);
    // The spaces a tag stood between ("<li> kontakte", "<b> 6 måneder </b>") are one.
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A template field's name is short; a brace that is not closed soon is no field.
const FIELD_LEN: usize = 120;
const BRACES: (char, char) = ('{', '}');

/// Where a tag's attributes end (at its closing '>' or "/>"), past quoted values and braces, if
/// the tag closes within `TAG_LEN` bytes (a long run of style classes is still a tag).
fn attributes_end(rest: &str) -> Option<usize> {
    const TAG_LEN: usize = 600;
    let (mut quote, mut depth) = (None, 0usize);
    for (k, c) in rest.char_indices().take_while(|&(k, _)| k <= TAG_LEN) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '{') => depth += 1,
            (None, '}') => depth = depth.saturating_sub(1),
            (None, '>') if depth == 0 => return Some(if rest[..k].ends_with('/') { k - 1 } else { k }),
            _ => {}
        }
    }
    None
}

/// Where the bracket (`open`, `close`) opened just before `body` closes, counting nested ones,
/// if it closes within `within` bytes.
fn closing(body: &str, (open, close): (char, char), within: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (k, c) in body.char_indices().take_while(|&(k, _)| k <= within) {
        if c == open {
            depth += 1;
        } else if c == close {
            match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return Some(k),
            }
        }
    }
    None
}

/// Boxes that mark an option as chosen, and boxes left empty.
const MARKED: &[&str] = &["☒", "☑", "⊠", "✓", "✔", "✗", "✘", "■", "●", "[x]", "[X]", "(x)", "(X)", "[✓]"];
const UNMARKED: &[&str] = &["☐", "□", "○", "◯", "[ ]", "( )"];
/// A form's hint on how to answer, in brackets after its label: "Prøvetid (ja/nei): Nei".
const HINTS: &[&str] = &[
    "ja/nei",
    "ja / nei",
    "j/n",
    "yes/no",
    "yes / no",
    "y/n",
    "ja eller nei",
    "yes or no",
    "sett kryss",
    "kryss av",
    "sett x",
    "tick",
    "tick one",
    "tick as appropriate",
    "delete as appropriate",
    "stryk det som ikke passer",
    "stryk det som ikkje passar",
];

/// "[X] months", "[x] måneder": a template's blank for a number, not a ticked box; so is a
/// lawyer's "[●]" or "[•]" wherever it stands.
fn placeholder(rest: &str) -> bool {
    (rest.get(..3).is_some_and(|b| b.eq_ignore_ascii_case("[x]"))
        && rest[3..].strip_prefix(' ').is_some_and(values::starts_with_unit))
        || rest.starts_with("[●]")
        || rest.starts_with("[•]")
}

/// The options of a yes-or-no row.
const YES_NO: &[&str] = &["ja", "nei", "yes", "no"];

/// The words that open a form's answer to a yes-or-no question ("Ja – seks måneder", "No").
const ANSWERS: &[&str] = &["ja", "nei", "yes", "no", "ingen", "inga", "none", "n/a"];

/// The verbs that open a yes-or-no question ("Har stillingen prøvetid?", "Is there …?").
const QUESTION_VERBS: &[&str] = &[
    "har", "hadde", "er", "var", "kan", "får", "må", "skal", "vil", "blir", "gjelder", "gjeld", "finnes", "fins", "is",
    "are", "was", "were", "does", "do", "did", "can", "could", "will", "would", "may", "must", "shall", "should",
    "has", "have",
];

/// A form's question asked as its row's label and answered after it: "Har stillingen
/// prøvetid?  Ja – seks måneder" reads "Har stillingen prøvetid: Ja - seks måneder", as a
/// row of ticked boxes reads its question. So does a question with its translation after a
/// slash ("Har stillingen prøvetid? / Is there a probation period? | Nei / No") and a short
/// key term asked with its value as the answer ("Oppsigelsesfrist? 2 mnd. for begge", "First
/// working day? Monday 6 September 2027"). The question opens the line, is short and is one
/// phrase (no comma, no full stop); the answer opens with a yes or a no as a word of its own, or with a figure (or a
/// short word before one: "Mandag 6. september", "Kr 268,40"). Anything else after a question
/// ("Er det lov? Bare hvis …") keeps it a question.
fn answered_question(line: String) -> String {
    // Words of the question: a label's few, not a paragraph's.
    const WORDS: usize = 14;
    let Some(first) = line.find('?') else { return line };
    let short = |q: &str| {
        !q.trim().is_empty()
            && q.split_whitespace().count() <= WORDS
            && !q.contains(['.', ',', '!', ':', ';', '?', '"', '(', '['])
    };
    if !line.starts_with(|c: char| c.is_uppercase()) || !short(&line[..first]) {
        return line;
    }
    // A translation of the question after a slash: "… prøvetid? / Is there a probation period?".
    let mut end = first;
    if let Some(second) = line[first + 1..]
        .strip_prefix(" / ")
        .and_then(|rest| rest.find('?').filter(|&k| short(&rest[..k]) && rest.starts_with(char::is_uppercase)))
    {
        end = first + 1 + " / ".len() + second;
    }
    let rest = line[end + 1..].trim_start();
    let rest = rest.strip_prefix('|').unwrap_or(rest).trim_start();
    let mut words = rest.split_whitespace();
    let Some(word) = words.next() else { return line };
    let second = words.next();
    let bare = word.trim_end_matches([',', '.', ';', ':']);
    let answers = ANSWERS.iter().any(|a| bare.eq_ignore_ascii_case(a));
    let figure = |w: &str| w.starts_with(|c: char| c.is_ascii_digit());
    let value = figure(word)
        || (word.chars().count() <= 8
            && word.starts_with(char::is_uppercase)
            && word.chars().all(char::is_alphabetic)
            && second.is_some_and(figure));
    if !answers && !value {
        return line;
    }
    // A bare yes or no closed by a full stop with prose after it answers a question that opens
    // with its verb as a column or an FAQ does ("Kan eg seie opp før eg har byrja? Ja. Ein
    // signert …", "Can the candidate change his mind? Yes. Unless …"); a form answers such a
    // question in a word or with its value ("Ja – seks måneder", "Nei / No"). A key term asked
    // without a verb is a form's row whatever follows ("Bot ved uteblivelse? Nei. Vi har …").
    let prose = answers && word.ends_with(['.', '!']) && second.is_some();
    let verb = line.split_whitespace().next().is_some_and(|w| QUESTION_VERBS.iter().any(|v| w.eq_ignore_ascii_case(v)));
    if prose && verb {
        return line;
    }
    let question =
        if end == first { line[..first].to_string() } else { format!("{}{}", &line[..first], &line[first + 1..end]) };
    format!("{}: {}", question.trim_end(), rest)
}

/// A draft's choice of a number in square brackets before its unit, as the drafter left it: one
/// option is the choice made ("[three (3)] months", "[12] måneder" read "three (3) months", "12
/// måneder"), options struck through are gone ("[~~1~~/~~2~~/3] månader" reads "3 månader",
/// "seks (6) [~~tre (3)~~] månader" "seks (6) månader"), and options left open, several in the
/// brackets, a range ("[3-6] months") or one beside a figure outside them ("[3/6] månader",
/// "three (3) [six (6)] months"), are a blank for the number ("[●] månader").
fn drafted_choices(line: String) -> String {
    if !line.contains('[') {
        return line;
    }
    let struck = |o: &str| o.len() >= 4 && o.starts_with("~~") && o.ends_with("~~");
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    while let Some(open) = line[at..].find('[').map(|k| at + k) {
        // The options not struck through, where the brackets hold only figures before a unit.
        // Only a field's length is searched: a line of brackets never closed is read once.
        let choice = line[open..]
            .bytes()
            .take(FIELD_LEN + 1)
            .position(|b| b == b']')
            .map(|k| open + k)
            .filter(|&c| values::starts_with_unit(line[c + 1..].trim_start()))
            .map(|c| {
                (
                    c,
                    line[open + 1..c]
                        .split('/')
                        .flat_map(range)
                        .filter(|o| !o.is_empty() && !struck(o))
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|(_, kept)| kept.iter().all(|o| figure(o)));
        let Some((close, kept)) = choice else {
            out.push_str(&line[at..=open]);
            at = open + 1;
            continue;
        };
        out.push_str(&line[at..open]);
        let beside = figure_before(&out);
        match (kept.as_slice(), beside) {
            ([], _) => trim_end_spaces(&mut out),
            ([one], None) => out.push_str(one),
            (_, beside) => {
                out.truncate(beside.unwrap_or(out.len()));
                out.push_str("[●]");
            }
        }
        at = close + 1;
    }
    out.push_str(&line[at..]);
    out
}

/// The ends of a range of figures a draft leaves open ("3-6", "15 - 30"), each an option; any
/// other option as it stands.
fn range(o: &str) -> [&str; 2] {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match o.split_once('-').map(|(a, b)| (a.trim(), b.trim())) {
        Some((a, b)) if digits(a) && digits(b) => [a, b],
        _ => [o.trim(), ""],
    }
}

/// A number as a draft writes an option: "3", "tre", "three (3)".
fn figure(o: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let word = match o.strip_suffix(')').and_then(|h| h.rsplit_once('(')) {
        Some((word, n)) if digits(n) => word.trim(),
        _ => o,
    };
    digits(word) || (!word.is_empty() && values::number_value(word).is_some()) || (word.is_empty() && o != word)
}

/// Where a figure ends `text` ("… is three (3) ", "… på 6 "), the byte it starts at.
fn figure_before(text: &str) -> Option<usize> {
    let head = text.trim_end();
    let last = |s: &str| s.rfind(' ').map_or(0, |k| k + 1);
    let mut from = last(head);
    if head[from..].starts_with('(') && figure(&head[from..]) {
        let word = head[..from].trim_end();
        let w = last(word);
        if values::number_value(&word[w..]).is_some() {
            from = w;
        }
    }
    (from < head.len() && figure(&head[from..])).then_some(from)
}

/// A filled-in form's line as it reads: the answering hints dropped, and where a line offers
/// two or more boxed options, the chosen ones kept without their box and the others dropped
/// ("Avtalt prøvetid: ☐ Ja ☒ Nei" reads "Avtalt prøvetid: Nei"). An option is the text after
/// its box, or before it when the line ends in a box ("Ja ☐ Nei ☒"), or the next cell when the
/// box has a cell of its own. A single empty box is a checklist bullet and stays.
fn form_choices(line: String) -> String {
    let mut line = marks_after_options(line);
    for (open, close) in [('(', ')'), ('[', ']')] {
        let mut from = 0;
        while let Some(k) = line[from..].find(open).map(|k| from + k) {
            let Some(end) = line[k..].find(close).map(|e| k + e) else { break };
            let inner = line[k + 1..end].trim();
            if HINTS.iter().any(|h| inner.eq_ignore_ascii_case(h)) {
                let start = if line[..k].ends_with(' ') { k - 1 } else { k };
                line.replace_range(start..=end, "");
                from = start;
            } else {
                from = k + 1;
            }
        }
    }
    let boxes: Vec<(usize, usize, bool)> = {
        let mut found: Vec<(usize, usize, bool)> = Vec::new();
        let mut skip_to = 0;
        // Every box starts with a bracket or a symbol beyond ASCII.
        for (i, _) in line.char_indices().filter(|&(_, c)| matches!(c, '[' | '(') || c >= '\u{2000}') {
            if found.last().is_some_and(|b| i < b.1) {
                continue;
            }
            let rest = &line[i..];
            if i < skip_to {
                continue;
            }
            if placeholder(rest) {
                skip_to = i + rest.find(']').unwrap_or(0);
                continue;
            }
            let marked = MARKED.iter().find(|m| rest.starts_with(*m)).map(|m| (m.len(), true));
            if let Some((len, marked)) =
                marked.or_else(|| UNMARKED.iter().find(|m| rest.starts_with(*m)).map(|m| (m.len(), false)))
            {
                found.push((i, i + len, marked));
            }
        }
        found
    };
    if boxes.len() < 2 && !boxes.first().is_some_and(|b| b.2) {
        return line;
    }
    // A question the boxes answer is their field's label: "Er det avtalt prøvetid? ☒ Ja ☐ Nei"
    // reads "Er det avtalt prøvetid: Ja" (the option may stand before its box: "…? Ja ☒").
    if let Some(q) = line[..boxes[0].0].rfind('?') {
        if line[q + 1..boxes[0].0].split_whitespace().count() <= 1 {
            line.replace_range(q..=q, ":");
        }
    }
    const BORDER: &str = " | ";
    // The text around the boxes: before the first, between two, after the last; the part of a
    // stretch up to its first cell border (head), and from its last one (tail).
    let gap = |k: usize| (if k == 0 { 0 } else { boxes[k - 1].1 }, boxes.get(k).map_or(line.len(), |b| b.0));
    let head = |(from, to): (usize, usize)| (from, line[from..to].find(BORDER).map_or(to, |c| from + c));
    let tail =
        |(from, to): (usize, usize)| (line[from..to].rfind(BORDER).map_or(from, |c| from + c + BORDER.len()), to);
    let blank = |(from, to): (usize, usize)| line[from..to].trim().is_empty();
    // "Prøvetid: Ja ☐ Nei ☒" and "Ja ☒ | Nei ☐" put each option before its box.
    let label_first = blank(head(gap(boxes.len()))) && !blank(tail(gap(0)));
    let option = |k: usize| {
        let (after, before) = (head(gap(k + 1)), tail(gap(k)));
        if label_first {
            // The first option shares its stretch with the field's label.
            let (from, to) = before;
            let from = if k == 0 { line[from..to].rfind(": ").map_or(from, |c| from + c + 2) } else { from };
            (from, to)
        } else if blank(after) && blank(before) && after.1 < gap(k + 1).1 {
            // A box alone in its cell: the option is the next cell ("☐ | Ja").
            head((after.1 + BORDER.len(), gap(k + 1).1))
        } else {
            // "Prøvetid ☒ Ja ☐ Nei Lengd: 6 månader": a yes or a no is the whole option, and
            // the words after it are the row's next field (its columns' spaces are gone).
            let (from, to) = after;
            let lead = line[from..to].len() - line[from..to].trim_start().len();
            let word = line[from + lead..to].find(' ').map(|e| from + lead + e);
            // (With no box ticked, the row is a blank form and goes as a whole.)
            match word {
                Some(end)
                    if boxes.iter().any(|b| b.2)
                        && YES_NO.iter().any(|w| line[from + lead..end].eq_ignore_ascii_case(w)) =>
                {
                    (from, end)
                }
                _ => after,
            }
        }
    };
    // Every box goes, and every option not chosen.
    let mut dropped: Vec<(usize, usize)> = Vec::with_capacity(2 * boxes.len());
    for (k, &(start, end, marked)) in boxes.iter().enumerate() {
        dropped.push((start, end));
        if !marked {
            dropped.push(option(k));
        }
    }
    dropped.sort_unstable();
    let mut out = String::with_capacity(line.len());
    let mut at = 0;
    for (start, end) in dropped {
        if start > at {
            out.push_str(&line[at..start]);
        }
        at = at.max(end);
    }
    out.push_str(&line[at..]);
    // The dropped options leave their spaces and empty cells behind.
    let out = out.split(' ').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ");
    out.split('|').map(str::trim).filter(|c| !c.is_empty()).collect::<Vec<_>>().join(BORDER)
}

/// Options whose box or mark follows them after a colon, "Ja: X  Nei: _", "Yes: ☐ No: ☒", as
/// the boxes before their options that [`form_choices`] reads: "☒ Ja ☐ Nei". Only a line with
/// two or more such options, one of them marked, is a form's choice.
fn marks_after_options(line: String) -> String {
    static OPTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(\p{L}+): ?([xX✓✔☒☑⊠]|_+|☐|□|\[[ xX✓]?\]|\([ xX]?\))( |$)").expect("valid pattern")
    });
    // An option's mark or box follows a colon and at most one space: most lines have none,
    // and then go without compiling the pattern at every start.
    let boxed = |(i, _): (usize, &str)| {
        let rest = &line[i + 1..];
        let rest = rest.strip_prefix(' ').unwrap_or(rest);
        rest.starts_with(['x', 'X', '✓', '✔', '☒', '☑', '⊠', '_', '☐', '□', '[', '('])
    };
    if !line.match_indices(':').any(boxed) {
        return line;
    }
    let marked = |m: &str| m.chars().any(|c| matches!(c, 'x' | 'X' | '✓' | '✔' | '☒' | '☑' | '⊠'));
    let found: Vec<_> = OPTION.captures_iter(&line).collect();
    if found.len() < 2 || !found.iter().any(|c| marked(&c[2])) {
        return line;
    }
    OPTION
        .replace_all(&line, |c: &regex::Captures| {
            let mark = if marked(&c[2]) { "☒" } else { "☐" };
            format!("{mark} {}{}", &c[1], &c[3])
        })
        .into_owned()
}

/// The most words a form row's label has, and the longest it is.
const LABEL_WORDS: usize = 4;
const LABEL_LEN: usize = 40;

/// Form rows whose line breaks were lost in extraction ("Start: 01.08.2027Position: KokkTrial
/// period: 6 months") are read apart again: after a first label, a capital glued to a lower-case
/// letter or a digit before it, opening a short label that ends in ":", starts a cell of its own.
fn glued_labels(line: String) -> String {
    let Some(first) = line.find(':') else { return line };
    let mut out = String::with_capacity(line.len() + 8);
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        let glued = i > first
            && c.is_uppercase()
            && prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit())
            && opens_label(&line[i..]);
        if glued {
            out.push_str(" | ");
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// "Trial period: …": a capitalised word and at most a few more, then a colon.
fn opens_label(rest: &str) -> bool {
    let head = rest.char_indices().take_while(|&(k, _)| k < LABEL_LEN).map(|(_, c)| c);
    let label: String = head.take_while(|&c| c != ':').collect();
    let words = label.split(' ').filter(|w| !w.is_empty()).count();
    rest[label.len()..].starts_with(':')
        && label.chars().nth(1).is_some_and(char::is_lowercase)
        && words <= LABEL_WORDS
        && label.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '/' | '(' | ')'))
}

/// A printed form's blank filled in by hand: the figure written on the dots or the line left
/// for it ("Probationary period: ...6... months", "Prøvetid: ……6…… månader", "___3___ måneder")
/// is the value, and the marks around it are no blank any more.
fn filled_blanks(line: String) -> String {
    static FILLED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\.{3,}|…+|_{3,}) ?([0-9]{1,3}(?:[ .][0-9]{3})*(?:,[0-9]+)?) ?(?:\.{3,}|…+|_{3,})")
            .expect("filled blank pattern")
    });
    if !line.contains("...") && !line.contains('…') && !line.contains("___") {
        return line;
    }
    let mut out = String::with_capacity(line.len());
    let mut from = 0;
    for m in FILLED.captures_iter(&line) {
        let (whole, figure) = (m.get(0).expect("match"), &m[1]);
        // Marks that touch a word go on it: "1...3" or "side...5..." is no blank.
        let touches = line[..whole.start()].chars().last().is_some_and(char::is_alphanumeric)
            || line[whole.end()..].chars().next().is_some_and(char::is_alphanumeric);
        if touches {
            continue;
        }
        out.push_str(&line[from..whole.start()]);
        if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push_str(figure);
        if !line[whole.end()..].starts_with([' ', ',', ';', ')']) && whole.end() < line.len() {
            out.push(' ');
        }
        from = whole.end();
    }
    out.push_str(&line[from..]);
    out
}

/// A label and its value set apart by leader dots, as a printed form lines them up ("Start
/// date ........ 01.09.2027") read as a cell border: "Start date | 01.09.2027". A contents
/// line's page number after the dots ("Prøvetid ....... 4") and dots where a blank is to be
/// filled in ("tiltrer den ........", a number's place before its unit: "for a period of ......
/// months") stay.
fn leaders_as_cells(line: String) -> String {
    static LEADER: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r" ?(?:\.{4,}|(?:\. ){3,}\.) ?").expect("leader pattern"));
    if !line.contains("....") && !line.contains(". . . .") {
        return line;
    }
    let mut out = String::with_capacity(line.len());
    let mut from = 0;
    for m in LEADER.find_iter(&line) {
        let label = line[from..m.start()].chars().last().is_some_and(|c| c.is_alphabetic() || c == ')');
        let value = line[m.end()..].trim();
        let page = (1..=3).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit());
        let number_left_blank = crate::values::starts_with_unit(value);
        if label && !value.is_empty() && !value.starts_with('.') && !page && !number_left_blank {
            out.push_str(&line[from..m.start()]);
            out.push_str(" | ");
            from = m.end();
        }
    }
    out.push_str(&line[from..]);
    out
}

/// A line of fields a system exports as `KEY=value` ("PROB_MND=6;NOTICE_MND=2", "BINDING_AAR=2 |
/// BINDING_BELOP=45000") reads as a form's rows: the key's words are the label, a last word that
/// is a unit gives the bare number its unit as a label's bracket does ("prob (mnd): 6"), and a
/// currency or a word for a sum makes the number a sum ("bind amt: NOK 45000", "binding belop:
/// kr 45000"; an export from a Norwegian payroll counts in kroner). Only a line of two such
/// fields or more is an export: a code with "MND=" in a sentence stays as written.
fn export_fields(line: String) -> String {
    static FIELD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\p{Lu}[\p{Lu}0-9]*(?:_[\p{Lu}0-9]+)*=[^=]+$").expect("field pattern"));
    const SUMS: &[&str] = &["amt", "amount", "belop", "beløp", "sum"];
    if !line.contains('=') {
        return line;
    }
    let fields: Vec<&str> = line.split([';', '|']).map(str::trim).filter(|f| !f.is_empty()).collect();
    if fields.len() < 2 || !fields.iter().all(|f| FIELD.is_match(f)) {
        return line;
    }
    let rows: Vec<String> = fields
        .iter()
        .filter_map(|f| f.split_once('='))
        .map(|(key, value)| {
            let mut words: Vec<String> = key.split('_').map(str::to_lowercase).collect();
            let last = words.pop().unwrap_or_default();
            let label = words.join(" ");
            let number = value.trim().bytes().all(|b| b.is_ascii_digit());
            if words.is_empty() {
                format!("{last}: {value}")
            } else if values::is_currency(&last) {
                format!("{label}: {} {value}", last.to_uppercase())
            } else if SUMS.contains(&last.as_str()) && number {
                format!("{label} {last}: kr {value}")
            } else if values::is_unit(&last) {
                format!("{label} ({last}): {value}")
            } else {
                format!("{label} {last}: {value}")
            }
        })
        .collect();
    rows.join(" | ")
}

/// A data file's key as the words it joins: "startDate": "2027-02-01" and start_date:
/// 2027-04-12 (JSON, YAML, a program's settings) read "start date": … and start date: …, as a
/// form's label would.
fn key_words(line: String) -> String {
    static KEY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"^("?)(_?\p{L}[\p{L}0-9]*(?:_[\p{L}0-9]+)+|\p{Ll}[\p{Ll}0-9]+(?:\p{Lu}[\p{Ll}0-9]+)+)("?:)"#)
            .expect("key pattern")
    });
    let Some(c) = KEY.captures(&line) else { return line };
    let key = &c[2];
    let mut words = String::with_capacity(key.len() + 4);
    let mut prev_lower = false;
    for ch in key.chars() {
        if (ch == '_' || (ch.is_uppercase() && prev_lower)) && !words.is_empty() && !words.ends_with(' ') {
            words.push(' ');
        }
        if ch != '_' {
            words.extend(ch.to_lowercase());
        }
        prev_lower = ch.is_lowercase() || ch.is_ascii_digit();
    }
    format!("{}{}{}{}", &c[1], words.trim_end(), &c[3], &line[c.get(0).map_or(0, |m| m.end())..])
}

fn trim_end_spaces(s: &mut String) {
    while s.ends_with(' ') {
        s.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Page;

    /// The normalized text of one page whose paragraphs are `lines`.
    fn read(lines: &[&str]) -> String {
        let doc =
            Document { paged: false, pages: vec![Page { paragraphs: lines.iter().map(|l| l.to_string()).collect() }] };
        normalize(&doc).string
    }

    #[test]
    fn paragraph_forms() {
        assert_eq!(normalize_paragraph("arbeids-\ntaker og  ﬁrma"), "arbeidstaker og firma");
        assert_eq!(normalize_paragraph("konkurranse-\nog kundeklausul"), "konkurranse- og kundeklausul");
        assert_eq!(normalize_paragraph("kr\u{a0}50\u{2009}000,\u{2013}"), "kr 50 000,-");
        assert_eq!(normalize_paragraph("opp\u{ad}sigelse «tre» \u{201c}x\u{201d}"), "oppsigelse \"tre\" \"x\"");
        assert_eq!(normalize_paragraph("Prøvetid\t6 måneder\t"), "Prøvetid | 6 måneder");
        assert_eq!(normalize_paragraph("  a \n\n b  "), "a b");
        assert_eq!(normalize_paragraph("fra 2027-09-\n01 og"), "fra 2027-09-01 og");
        assert_eq!(normalize_paragraph("given be- fore the start"), "given before the start");
        assert_eq!(
            normalize_paragraph("full- or part-time, short- to long-term"),
            "full- or part-time, short- to long-term"
        );
        assert_eq!(normalize_paragraph("HR- avdelingen, 3- 6 mnd"), "HR- avdelingen, 3- 6 mnd");
        assert_eq!(normalize_paragraph("The usual conditions are:-"), "The usual conditions are:");
        assert_eq!(normalize_paragraph("notice as stipulated below: -"), "notice as stipulated below:");
        assert_eq!(normalize_paragraph("Prøvetid: -"), "Prøvetid: -");
        assert_eq!(normalize_paragraph("Probation period:-"), "Probation period:-");
    }

    #[test]
    fn footnote_marks_leave_the_value_they_follow() {
        assert_eq!(normalize_paragraph("Prøvetid: 6 måneder¹"), "Prøvetid: 6 måneder");
        assert_eq!(normalize_paragraph("fra 1. september 2027.²³ Oppsigelse"), "fra 1. september 2027. Oppsigelse");
        assert_eq!(normalize_paragraph("Notice: one month\u{2074}"), "Notice: one month");
        // The note's own number, at the start of its line, stays.
        assert_eq!(normalize_paragraph("¹ Jf. aml. § 15-6."), "1 Jf. aml. § 15-6.");
        // A mark a PDF gives as a plain figure glued to its word goes too; codes stay.
        assert_eq!(
            normalize_paragraph("Prøvetid: 6 måneder1 Oppsigelse: 1 måned2, jf. arbeidsmiljøloven12."),
            "Prøvetid: 6 måneder Oppsigelse: 1 måned, jf. arbeidsmiljøloven."
        );
        assert_eq!(normalize_paragraph("The probation period is six months3."), "The probation period is six months.");
        for kept in
            ["CO2-utslipp og kr15000", "punkt 2 og vedlegg 3", "versjon1.2, mal v12a", "NOK50,000", "ansatt2027"]
        {
            assert_eq!(normalize_paragraph(kept), kept);
        }
    }

    #[test]
    fn character_references_read_as_characters() {
        assert_eq!(normalize_paragraph("bot p&aring; kr&nbsp;25&nbsp;000,&ndash;"), "bot på kr 25 000,-");
        assert_eq!(
            normalize_paragraph("tolv m&#229;neder &#x2013; &laquo;bindingstid&raquo;"),
            "tolv måneder - \"bindingstid\""
        );
        assert_eq!(normalize_paragraph("Vik &amp; S&oslash;nn AS"), "Vik & Sønn AS");
        assert_eq!(
            normalize_paragraph("&bull; the employee&rsquo;s &ldquo;notice&rdquo; of &pound;500&hellip;"),
            "• the employee's \"notice\" of £500..."
        );
        // An ampersand that starts no reference stays, and so does a name no text uses.
        assert_eq!(normalize_paragraph("R&D; Berg & Co; &foo; &#0;"), "R&D; Berg & Co; &foo; &#0;");
        // Ampersands by the thousand with no ";" are each looked past once.
        let ampersands = "R&D ".repeat(100_000);
        assert_eq!(normalize_paragraph(&ampersands), ampersands.trim_end());
    }

    #[test]
    fn options_left_unticked_are_not_read() {
        assert_eq!(
            read(&["[x] Probationary period of 6 months", "[ ] No probationary period", "- [ ] Other"]),
            "Probationary period of 6 months"
        );
        // Without a ticked option, empty boxes are a checklist's bullets.
        assert_eq!(read(&["☐ Prøvetid", "☐ Oppsigelse"]).lines().count(), 2);
        // An empty box under a row of ticked ones was left unchosen too.
        assert_eq!(read(&["☐ 14 dagar ☒ 1 månad", "☐ Fristen gjeld òg før tiltreding"]), "1 månad");
        assert_eq!(read(&["[X] Full time [ ] Part time", "[ ] Notice runs from signing"]).lines().count(), 1);
        // Past the scraps a PDF leaves after the row: a cell's wrapped end, a page footer.
        let wrapped =
            ["[ ] 1 mnd [X] 3 mnd [ ] Etter loven §", "15-3", "Side 1 av 4", "[ ] Fristen gjelder fra signering"];
        assert_eq!(read(&wrapped).lines().count(), 3);
    }

    #[test]
    fn alternatives_marked_not_in_force_are_not_read() {
        let alternatives = [
            "Alternativ 1: Arbeidstakar har ikkje prøvetid. - ikkje aktuelt",
            "Alternativ 2: Prøvetida er fire månader.",
        ];
        assert_eq!(read(&alternatives), "Alternativ 2: Prøvetida er fire månader.");
        assert_eq!(read(&["Alternativ B: Lønn per time kr ____ (ikke aktuelt)"]), "");
        assert_eq!(read(&["Option A: The employee may not join a rival for 9 months. – Not applicable"]), "");
        // An answer to a label is no alternative: it denies the term.
        assert_eq!(read(&["Prøvetid - ikke aktuelt"]), "Prøvetid - ikke aktuelt");
    }

    #[test]
    fn yes_no_columns_read_as_answers() {
        // The mark's column gives the answer; the header says nothing.
        assert_eq!(
            read(&["              Ja    Nei", "Prøvetid      X", "Bindingstid         X"]),
            "Prøvetid: Ja\nBindingstid: Nei"
        );
        assert_eq!(read(&["Clause         Yes   No", "Non-compete    [ ]   [X]"]), "Non-compete: No");
        // A mark far from both columns is no answer of the grid.
        assert_eq!(read(&["Ja   Nei", "Prøvetid                      X"]).lines().count(), 2);
        // Both options on the row, an "X" after the chosen one.
        assert_eq!(read(&[" Ja   Nei X  Bindingstid"]), "Bindingstid: Nei");
        assert_eq!(read(&["Probation  Yes X  No"]), "Probation: Yes");
    }

    #[test]
    fn runs_of_spaces_part_columns() {
        assert_eq!(
            normalize_paragraph("Stilling:     Kokk      Prøvetid:   6 mnd"),
            "Stilling: Kokk | Prøvetid: 6 mnd"
        );
        assert_eq!(normalize_paragraph("ARBEIDSAVTALE      Side 1 av 3"), "ARBEIDSAVTALE | Side 1 av 3");
        assert_eq!(
            normalize_paragraph("Bindingstid: Ingen   |   Prøvetid: 6 mnd"),
            "Bindingstid: Ingen | Prøvetid: 6 mnd"
        );
        // Two spaces, or a line's indent, part nothing.
        assert_eq!(normalize_paragraph("   Prøvetiden er  seks måneder."), "Prøvetiden er seks måneder.");
    }

    #[test]
    fn a_word_hyphenated_across_lines_joins() {
        assert_eq!(
            read(&["Det avtales en prøve-", "tid på seks måneder."]),
            "Det avtales en prøvetid på seks måneder."
        );
        assert_eq!(read(&["Commence-", "ment date: 1 March"]), "Commencement date: 1 March");
        // A compound's first part before "og" keeps its hyphen; a capital opens a line of its own.
        assert_eq!(read(&["Konkurranse-", "og kundeklausul"]), "Konkurranse-\nog kundeklausul");
        assert_eq!(read(&["Lønn: 500 000,-", "Ferie: 5 uker"]), "Lønn: 500 000,-\nFerie: 5 uker");
        assert_eq!(read(&["Stilling: HR-", "Prøvetid: 6 mnd"]), "Stilling: HR-\nPrøvetid: 6 mnd");
    }

    #[test]
    fn figures_written_on_a_blank_are_its_value() {
        assert_eq!(
            normalize_paragraph("Probationary period: [X] Yes, ...6... months"),
            "Probationary period: Yes, 6 months"
        );
        assert_eq!(normalize_paragraph("Oppseiingstid: ___3___ månader"), "Oppseiingstid: 3 månader");
        assert_eq!(normalize_paragraph("Beløp: kr ....50 000.... "), "Beløp: kr 50 000");
        // An empty blank stays one; dots between figures or after a word are no blank.
        assert_eq!(normalize_paragraph("Prøvetid: ...... måneder"), "Prøvetid: ...... måneder");
        assert_eq!(normalize_paragraph("se side...5..."), "se side...5...");
    }

    #[test]
    fn leader_dots_part_label_and_value() {
        assert_eq!(normalize_paragraph("Start date ......... 01.09.2027"), "Start date | 01.09.2027");
        assert_eq!(normalize_paragraph("Prøvetid . . . . . 6 måneder"), "Prøvetid | 6 måneder");
        // A contents line keeps its page number; a blank to fill in stays a blank.
        assert_eq!(normalize_paragraph("3. Oppsigelse .......... 4"), "3. Oppsigelse .......... 4");
        assert_eq!(normalize_paragraph("Tiltrer den ........"), "Tiltrer den ........");
        // Dots in a number's place before its unit are a blank, not a border.
        assert_eq!(normalize_paragraph("på prøve i ........ måneder"), "på prøve i ........ måneder");
    }

    #[test]
    fn drafted_choices_read_as_made_or_open() {
        assert_eq!(normalize_paragraph("en frist på [~~1~~/2] måneder"), "en frist på 2 måneder");
        assert_eq!(normalize_paragraph("a term of [four (4)] weeks"), "a term of four (4) weeks");
        assert_eq!(normalize_paragraph("ein frist på to (2) [~~ein (1)~~] veker"), "ein frist på to (2) veker");
        assert_eq!(normalize_paragraph("a term of [2/4] weeks"), "a term of [●] weeks");
        assert_eq!(normalize_paragraph("a term of two (2) [four (4)] weeks"), "a term of [●] weeks");
        // A range left to choose from is open too; a span of pages or clauses is no choice.
        assert_eq!(normalize_paragraph("en prøvetid på [4-6] månader"), "en prøvetid på [●] månader");
        assert_eq!(normalize_paragraph("with [20 - 45] days' notice"), "with [●] days' notice");
        assert_eq!(normalize_paragraph("see clauses [4-6] above"), "see clauses [4-6] above");
        // Brackets that hold no number before a unit stay: a field, a box, a reference.
        assert_eq!(normalize_paragraph("i [antall] måneder"), "i [antall] måneder");
        assert_eq!(normalize_paragraph("see clause [4] above"), "see clause [4] above");
    }

    #[test]
    fn tracked_changes_read_as_the_text_they_leave() {
        // Bokmål, nynorsk, English: a deletion is gone, an insertion is its words.
        assert_eq!(
            normalize_paragraph("Det gjelder [slettet: tre] [satt inn: seks] måneders prøvetid."),
            "Det gjelder seks måneders prøvetid."
        );
        assert_eq!(
            normalize_paragraph("Oppseiingsfristen er [sletta: éin månad][sett inn: to månader]."),
            "Oppseiingsfristen er to månader."
        );
        assert_eq!(
            normalize_paragraph("[Deleted: The Employee may not] [Inserted: The Employee may] withdraw."),
            "The Employee may withdraw."
        );
        assert_eq!(
            normalize_paragraph("en frist på [innsatt: 14] dager [strøket: , regnet fra signering]."),
            "en frist på 14 dager."
        );
        // An insertion that drafts a number before its unit is read as the draft's choice.
        assert_eq!(normalize_paragraph("a term of [inserted: [~~2~~/4]] weeks"), "a term of 4 weeks");
        // Brackets that are no tracked change stay as written.
        assert_eq!(
            normalize_paragraph("[3] måneder, se [slettet] og [vedlegg: 2]"),
            "3 måneder, se [slettet] og [vedlegg: 2]"
        );
        assert_eq!(normalize_paragraph("see [deleted: clause 4"), "see [deleted: clause 4");
        // Markers left open by the thousand are read once, not each to the line's end.
        let open = "[slettet: tre ".repeat(100_000);
        assert_eq!(normalize_paragraph(&open), open.trim_end());
    }

    #[test]
    fn data_keys_read_as_words() {
        assert_eq!(normalize_paragraph("\"startDate\": \"2027-02-01\","), "\"start date\": \"2027-02-01\",");
        assert_eq!(normalize_paragraph("  start_date: 2027-04-12"), "start date: 2027-04-12");
        assert_eq!(normalize_paragraph("_notice_text: fill in"), "notice text: fill in");
        // A word, a sentence and a key of one word stay.
        assert_eq!(normalize_paragraph("Probation: 6 months"), "Probation: 6 months");
        assert_eq!(normalize_paragraph("iPhone: yes"), "iPhone: yes");
    }

    #[test]
    fn export_fields_read_as_rows() {
        assert_eq!(
            normalize_paragraph("STAFF_NO=5521;PROB_MTH=4;NOTICE_PRE_START_D=10"),
            "staff no: 5521 | prob (mth): 4 | notice pre start (d): 10"
        );
        assert_eq!(
            normalize_paragraph("BINDING_AAR=3 | BINDING_BELOP=60000 | BIND_AMT_NOK=45000"),
            "binding (aar): 3 | binding belop: kr 60000 | bind amt: NOK 45000"
        );
        // One code with "MND=" in a sentence, or a formula, is no export.
        let sentence = "Bestill varenummer SKJERM_MND=2 før fredag.";
        assert_eq!(normalize_paragraph(sentence), sentence);
        assert_eq!(normalize_paragraph("x=2; y=3"), "x=2; y=3");
    }

    #[test]
    fn glued_form_rows_are_read_apart() {
        assert_eq!(
            normalize_paragraph("Tiltredelse: 01.09.2027Stilling: lærerPrøvetid: 6 månederOppsigelse: 3 måneder"),
            "Tiltredelse: 01.09.2027 | Stilling: lærer | Prøvetid: 6 måneder | Oppsigelse: 3 måneder"
        );
        assert_eq!(
            normalize_paragraph("Role: engineerNotice period: 2 months"),
            "Role: engineer | Notice period: 2 months"
        );
        // A capital inside a name, and one before any label, stay as they are.
        assert_eq!(normalize_paragraph("Kunde: McDonald's, iPhone"), "Kunde: McDonald's, iPhone");
        assert_eq!(normalize_paragraph("PhD: yes"), "PhD: yes");
    }

    #[test]
    fn filled_in_forms_read_as_answers() {
        assert_eq!(normalize_paragraph("Avtalt prøvetid: ☐ Ja ☒ Nei"), "Avtalt prøvetid: Nei");
        assert_eq!(normalize_paragraph("Prøvetid (ja/nei): Nei"), "Prøvetid: Nei");
        assert_eq!(normalize_paragraph("Probation [Yes/No]:\tYes"), "Probation: | Yes");
        assert_eq!(normalize_paragraph("Prøvetid\t[x] Ja, 6 måneder\t[ ] Nei"), "Prøvetid | Ja, 6 måneder");
        assert_eq!(normalize_paragraph("Probationary period: [X] months"), "Probationary period: [X] months");
        assert_eq!(normalize_paragraph("Prøvetiden er [●] måneder."), "Prøvetiden er [●] måneder.");
        assert_eq!(normalize_paragraph("☒ Fast stilling ☐ Midlertidig stilling"), "Fast stilling");
        assert_eq!(normalize_paragraph("☐ Ja ☐ Nei"), "");
        // Options before their boxes, boxes alone in their cells, options in cells of their own.
        assert_eq!(normalize_paragraph("Avtalt prøvetid: Ja ☐ Nei ☒"), "Avtalt prøvetid: Nei");
        assert_eq!(normalize_paragraph("Prøvetid\tJa ☒\tNei ☐"), "Prøvetid | Ja");
        assert_eq!(normalize_paragraph("Prøvetid\t☐\tJa\t☒\tNei"), "Prøvetid | Nei");
        assert_eq!(
            normalize_paragraph("Prøvetid\t☒ Ja\t☐ Nei\tLengde: 6 måneder"),
            "Prøvetid | Ja | Lengde: 6 måneder"
        );
        assert_eq!(normalize_paragraph("Prøvetid: ☐Ja ☒Nei"), "Prøvetid: Nei");
        // A yes or a no is the whole option; the row's next field follows it.
        assert_eq!(normalize_paragraph("Prøvetid ☒ Ja ☐ Nei Lengd: 6 månader"), "Prøvetid Ja Lengd: 6 månader");
        assert_eq!(normalize_paragraph("Probation ☐ Yes ☒ No Length: 6 months"), "Probation No Length: 6 months");
        assert_eq!(normalize_paragraph("Er det avtalt prøvetid? ☐ Ja ☒ Nei"), "Er det avtalt prøvetid: Nei");
        assert_eq!(normalize_paragraph("Avtalt prøvetid? Ja [ ] Nei [X]"), "Avtalt prøvetid: Nei");
        assert_eq!(normalize_paragraph("Prøvetid: Ja: X  Nei: _"), "Prøvetid: Ja");
        assert_eq!(normalize_paragraph("Probation: Yes: ☐ No: ☒"), "Probation: No");
        // One option with a mark after it is no choice: "Type: X" stays.
        assert_eq!(normalize_paragraph("Førerkort: B Klasse: X"), "Førerkort: B Klasse: X");
        // A lone empty box is a checklist bullet.
        assert_eq!(normalize_paragraph("☐ Politiattest leveres før oppstart"), "☐ Politiattest leveres før oppstart");
        assert_eq!(normalize_paragraph("Lønn (brutto): kr 50 000"), "Lønn (brutto): kr 50 000");
    }

    #[test]
    fn template_fields_read_as_blanks() {
        assert_eq!(normalize_paragraph("Tiltredelse: {{ startdato }}"), "Tiltredelse: [startdato]");
        assert_eq!(normalize_paragraph("Start: ${f(form.startDate, \"Dato\")}."), "Start: [f startDate Dato].");
        assert_eq!(normalize_paragraph("starting{' '}<b>{start}</b>"), "starting [start]");
        assert_eq!(normalize_paragraph("{{#if bonus}}Bonus: {{bonus}}{{/if}}"), "Bonus: [bonus]");
        assert_eq!(normalize_paragraph("Oppsigelse: <%= frist %>"), "Oppsigelse: [frist]");
        assert_eq!(normalize_paragraph("Tiltredelse: <<dato>>"), "Tiltredelse: [dato]");
        // A brace around no name, or never closed, stays.
        assert_eq!(normalize_paragraph("Lønn {pr. måned: 40 000"), "Lønn {pr. måned: 40 000");
        assert_eq!(normalize_paragraph("Sum: {12}"), "Sum: {12}");
        // An object literal's quoted values are text; a field's format is part of the field.
        assert_eq!(
            normalize_paragraph("{id:\"trial\",text:\"Prøvetid 6 måneder\"}"),
            "{id:\"trial\",text:\"Prøvetid 6 måneder\"}"
        );
        assert_eq!(normalize_paragraph("Start: {start:%d.%m.%Y}"), "Start: [start d m Y]");
        // A tag's attributes, a field given to one as well, are markup.
        assert_eq!(
            normalize_paragraph("from <Text style={styles.bold}>{data.joiningDate}</Text>."),
            "from [joiningDate]."
        );
        assert_eq!(
            normalize_paragraph("på <span class=\"felt\" data-felt=\"Prøvetid\">6 måneder</span>."),
            "på 6 måneder."
        );
        // A field with a default reads as the default, which the page shows when it is left
        // open; a call that names only its field has none.
        assert_eq!(normalize_paragraph("Prøvetid: ${g(data, \"trial_m\", \"4\")} månader"), "Prøvetid: 4 månader");
        assert_eq!(normalize_paragraph("Start: ${get(d, 'start', '[dato]')}"), "Start: [dato]");
        assert_eq!(normalize_paragraph("a notice of {{ notice | default: \"2\" }} months"), "a notice of 2 months");
        assert_eq!(normalize_paragraph("Oppseiing: {form.notice ?? '3'} mnd"), "Oppseiing: 3 mnd");
        assert_eq!(normalize_paragraph("${offer.weeks || \"8\"} weeks"), "8 weeks");
        assert_eq!(normalize_paragraph("${t(\"probation\")}"), "[t probation]");
        // A field marked by a hash is a blank; a number or a tag is not.
        assert_eq!(normalize_paragraph("a salary of #annual_pay per year"), "a salary of [annual_pay] per year");
        assert_eq!(normalize_paragraph("oppstart #startDato."), "oppstart [startDato].");
        assert_eq!(normalize_paragraph("se punkt #4 og #oppsigelse"), "se punkt #4 og #oppsigelse");
    }

    #[test]
    fn markup_lines_read_as_text() {
        assert_eq!(normalize_paragraph("<p className=\"lead\">Du skal ikke:</p>"), "Du skal ikke:");
        assert_eq!(normalize_paragraph("<li>kontakte kunder</li>"), "- kontakte kunder");
        assert_eq!(normalize_paragraph("<ul className=\"list-disc\">"), "");
        assert_eq!(normalize_paragraph("<br/><br/>"), "");
        assert_eq!(normalize_paragraph("Oppstart: <strong>1. mars</strong>"), "Oppstart: 1. mars");
        // A word processor template's field in angle brackets is a blank, not a tag.
        assert_eq!(normalize_paragraph("<dato>"), "[dato]");
        assert_eq!(normalize_paragraph("Tiltredelse: <dato>"), "Tiltredelse: [dato]");
        assert_eq!(normalize_paragraph("will commence on <Insert Date>."), "will commence on [Insert Date].");
    }

    #[test]
    fn line_breaks_written_as_tags_let_lines_run_on() {
        // A hundred thousand of them, or many left open, are read once.
        assert_eq!(read(&[&format!("Prøvetid{}", "<br/>".repeat(100_000))]), "Prøvetid");
        let open = format!("{}<br", "<br".repeat(100_000));
        assert_eq!(read(&[&open]).len(), open.len());
        assert_eq!(
            read(&[
                "Når du begynner i en ny jobb, gjelder det som regel en prøvetid. I de<br />",
                "fleste stillinger er prøvetiden seks måneder.<br />",
            ]),
            "Når du begynner i en ny jobb, gjelder det som regel en prøvetid. I de fleste stillinger er prøvetiden seks måneder."
        );
    }

    #[test]
    fn markdown_reads_as_its_text() {
        assert_eq!(normalize_paragraph("## 3. PRØVETID"), "3. PRØVETID");
        assert_eq!(normalize_paragraph("### Oppseiing"), "Oppseiing");
        assert_eq!(normalize_paragraph("Prøvetida er **seks (6) månader**."), "Prøvetida er seks (6) månader.");
        assert_eq!(normalize_paragraph("a term of ***[insert number]*** weeks"), "a term of [insert number] weeks");
        assert_eq!(normalize_paragraph("for *four* weeks"), "for four weeks");
        assert_eq!(normalize_paragraph("\\[Trial period of \\[***X***\\] weeks.\\]"), "[Trial period of [X] weeks.]");
        assert_eq!(normalize_paragraph("| Oppsigelse | 3 mnd |"), "Oppsigelse | 3 mnd");
        assert_eq!(normalize_paragraph("|:---|---:|"), "");
        // An asterisk that pairs with none stays: a bullet, a footnote's mark, a product.
        assert_eq!(normalize_paragraph("* seks måneder*"), "* seks måneder*");
        assert_eq!(normalize_paragraph("2*3 dager"), "2*3 dager");
        assert_eq!(normalize_paragraph("#1 priority"), "#1 priority");
    }

    #[test]
    fn markup_blocks_are_lines() {
        // A page's source pasted as one line: its paragraphs, headings and items as a browser
        // shows them, the inline tags gone.
        assert_eq!(
            read(&["Vi ønsker deg velkommen.</p><h3>Prøvetid</h3><p>Prøvetida er <span data-field=\"x\">5 månader</span>.</p>"]),
            "Vi ønsker deg velkommen.\nPrøvetid\nPrøvetida er 5 månader."
        );
        assert_eq!(
            read(&["<p><strong>4. Notice</strong><br>\n• During probation: 10 days<br>\n• Thereafter: 2 months</p>"]),
            "4. Notice\n• During probation: 10 days\n• Thereafter: 2 months"
        );
        assert_eq!(
            read(&["<ul><li>kontakte kunder</li><li>verve tilsette</li></ul>"]),
            "- kontakte kunder\n- verve tilsette"
        );
        assert_eq!(
            read(&["<table><tr><td>Oppseiingstid</td><td>2 månader</td></tr></table>"]),
            "Oppseiingstid | 2 månader"
        );
        // A Markdown table's rows stay rows, however the text was wrapped, and its rule goes.
        assert_eq!(
            read(&[
                "| Term | Agreed |\n|---|:---|\n| Trial period | 4 months |\n| Notice | 6 weeks (2 weeks on trial) |"
            ]),
            "Term | Agreed\nTrial period | 4 months\nNotice | 6 weeks (2 weeks on trial)"
        );
    }

    #[test]
    fn escaped_line_breaks_end_lines() {
        let doc = Document {
            paged: false,
            pages: vec![Page { paragraphs: vec!["Lønn: 40 000\\n\\nPrøvetid: 6 måneder\\r\\nC:\\notater".into()] }],
        };
        assert_eq!(normalize(&doc).string, "Lønn: 40 000\nPrøvetid: 6 måneder\nC:\\notater");
    }

    #[test]
    fn pages_and_paragraph_numbers() {
        let doc = Document {
            paged: true,
            pages: vec![
                Page { paragraphs: vec!["Tittel".into(), "Oppsigelsesfristen er".into()] },
                Page { paragraphs: vec!["tre måneder.".into(), "Ny del".into()] },
            ],
        };
        let text = normalize(&doc);
        assert_eq!(text.string, "Tittel\nOppsigelsesfristen er tre måneder.\nNy del");
        let where_: Vec<_> = text.paragraphs.iter().map(|p| (p.page, p.number)).collect();
        assert_eq!(where_, vec![(Some(1), 1), (Some(1), 2), (Some(2), 1)]);
        assert_eq!(text.paragraph(1), "Oppsigelsesfristen er tre måneder.");
        // A sentence cut after a function word goes on on the next page, even with a capital.
        let cut = |end: &str, next: &str| Document {
            paged: true,
            pages: vec![Page { paragraphs: vec![end.into()] }, Page { paragraphs: vec![next.into()] }],
        };
        for (end, next) in [
            ("You repay the bonus, and the", "Company may deduct it from your final pay."),
            ("Kostnaden trekkes i lønn, og", "Arbeidsgiver kan kreve resten."),
            ("Arbeidstakar betaler attende, og", "Arbeidsgivar kan trekkje i løn."),
        ] {
            assert_eq!(normalize(&cut(end, next)).paragraphs.len(), 1, "{end} / {next}");
        }
        assert_eq!(normalize(&cut("5. Notice period", "Either party may end it.")).paragraphs.len(), 2);
    }

    #[test]
    fn a_row_of_boxes_answers_the_line_above() {
        let doc = Document {
            paged: false,
            pages: vec![Page {
                paragraphs: vec![
                    "Er det avtalt prøvetid?".into(),
                    "☒ Ja ☐ Nei".into(),
                    "Sjekkliste:".into(),
                    "☒ Politiattest levert".into(),
                ],
            }],
        };
        let text = normalize(&doc);
        assert_eq!(text.string, "Er det avtalt prøvetid: Ja\nSjekkliste:\nPolitiattest levert");
        assert_eq!(text.paragraphs.len(), 3);
    }

    #[test]
    fn a_table_row_printed_cell_by_cell_reads_as_its_label_answered() {
        // A label cell without a colon over its options, one option's cell wrapped.
        assert_eq!(
            read(&["Lønn under permisjon", "[ ] Ja, i inntil ___", "uker [X] Nei"]),
            "Lønn under permisjon: Nei"
        );
        assert_eq!(
            read(&["Relocation paid by the company", "(x) Yes, up to £[●]", "in total ( ) No"]),
            "Relocation paid by the company: Yes, up to £[●] in total"
        );
        // A heading or a sentence above a row keeps its own line.
        assert_eq!(read(&["4. Permisjon", "☒ Ja ☐ Nei"]), "4. Permisjon\nJa");
    }

    #[test]
    fn a_question_answered_on_its_row_reads_as_its_label() {
        let read = |line: &str| normalize_paragraph(line);
        // Bokmål, nynorsk, English: a yes or a no, with the value after it or none.
        assert_eq!(read("Er det avtalt bindingstid?   Ja – 24 måneder"), "Er det avtalt bindingstid: Ja - 24 måneder");
        assert_eq!(
            read("Gjeld kundeklausulen etter at du sluttar? Nei."),
            "Gjeld kundeklausulen etter at du sluttar: Nei."
        );
        assert_eq!(
            read("Does the employee pay a penalty for not starting?\tNo"),
            "Does the employee pay a penalty for not starting: No"
        );
        // The question with its translation after a slash, answered in both.
        assert_eq!(
            read("Er det kundeklausul? / Is there a non-solicitation clause?    Ja / Yes – 9 md."),
            "Er det kundeklausul / Is there a non-solicitation clause: Ja / Yes - 9 md."
        );
        // A key term asked without a verb, answered with its value or a yes and prose.
        assert_eq!(
            read("Siste frist for oppseiing? 3 veker før start"),
            "Siste frist for oppseiing: 3 veker før start"
        );
        assert_eq!(read("Start date? Tuesday 4 January 2028"), "Start date: Tuesday 4 January 2028");
        assert_eq!(
            read("Tilbakebetaling av kurs? Nei. Kursene er gratis."),
            "Tilbakebetaling av kurs: Nei. Kursene er gratis."
        );
        // Not a column's question answered in prose, nor one answered with anything else, nor
        // a question that does not open its line.
        for line in [
            "Kan jeg trekke meg før jeg har begynt? Ja. Loven sier ikke noe om det.",
            "Can an employer ask for the course fee back? Yes. Only where it was agreed in writing.",
            "Er det lov med så lang prøvetid? Bare i særlige tilfeller.",
            "Hei, er det vanlig med bindingstid? Ja, de fleste har det.",
            "Spørsmål: Har alle nyansatte prøvetid? Nei.",
            "is that legal? no idea",
        ] {
            assert_eq!(read(line), line, "{line}");
        }
    }

    #[test]
    fn a_question_on_its_own_line_is_answered_by_the_next() {
        let page = |lines: &[&str]| Document {
            paged: false,
            pages: vec![Page { paragraphs: lines.iter().map(|l| l.to_string()).collect() }],
        };
        let text = normalize(&page(&["Har stillinga prøvetid?", "Ja, fire månader.", "Is there a non-compete?", "No"]));
        assert_eq!(text.string, "Har stillinga prøvetid: Ja, fire månader.\nIs there a non-compete: No");
        assert_eq!(text.paragraphs.len(), 2);
        // A question followed by prose of its own stays apart.
        let text = normalize(&page(&["Kan jeg si opp før start?", "Ja. Det kan du som regel."]));
        assert_eq!(text.paragraphs.len(), 2);
    }
}
