//! The one grammar of section and list numbering, used wherever lines are told apart: by the
//! PDF reader to start a paragraph, and by the segmenter to find headings, list items and
//! sentence ends.
//!
//! Sections: "5", "5.", "5.2", "5.2.1.", "§ 5", "§§ 5 a", "IV.", "Artikkel 5", "Punkt 5.2",
//! "Pkt. 8", "Section 5", "Clause 5.1:", "Del III", "Part B", "Appendix 2 –". Items: "a)", "(a)",
//! "1)", "(iv)", "•", "-", "–", "*", "·". A section's number is its place in the outline: "5.2"
//! is a part of "5".

/// What a numbering marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A section: a number, a paragraph sign or a word such as "Punkt" with a number.
    Section,
    /// A list item: a letter or number in parentheses, or a bullet.
    Item,
}

/// A numbering at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Numbering {
    /// Section or item.
    pub kind: Kind,
    /// Bytes it takes, with the spaces after it.
    pub len: usize,
    /// A plain number without a dot ("6"): it may as well be a value ("6 måneder").
    pub bare: bool,
    /// The byte range of a section's number ("5.2" in "Punkt 5.2: Lønn"), empty for an item.
    pub number: (usize, usize),
}

/// The marks that start a bulleted list item.
pub const BULLETS: [char; 10] = ['-', '•', '*', '–', '·', '▪', '◦', '‣', '■', '►'];

const WORDS: &[&str] = &[
    "artikkel", "punkt", "pkt.", "pkt", "klausul", "paragraf", "section", "clause", "article", "del", "kapittel",
    "chapter", "part", "vedlegg", "bilag", "appendix", "schedule", "annex",
];

/// The numbering that `line` starts with, if any.
pub fn numbering(line: &str) -> Option<Numbering> {
    let spaces = |rest: &str| rest.len() - rest.trim_start().len();
    let done =
        |kind, used: usize, bare| Some(Numbering { kind, len: used + spaces(&line[used..]), bare, number: (0, 0) });
    // A section's number from byte `from` to `to`, and a dash or colon between it and its
    // title ("Punkt 9 – Oppsigelse", "Klausul 9: Bindingstid").
    let section = |from: usize, to: usize| {
        let gap = spaces(&line[to..]);
        let sep = line[to + gap..].strip_prefix(['–', '-', ':']).filter(|r| r.is_empty() || r.starts_with(' '));
        let used = sep.map_or(to, |r| line.len() - r.len());
        Some(Numbering { kind: Kind::Section, len: used + spaces(&line[used..]), bare: false, number: (from, to) })
    };
    // Bullets.
    if let Some(c) = line.chars().next().filter(|c| BULLETS.contains(c)) {
        return done(Kind::Item, c.len_utf8(), false);
    }
    // An HTML list item: "<li>", "<li class=\"x\">".
    if let Some(tag) = markup_tag(line).filter(|t| t.item) {
        return done(Kind::Item, tag.len, false);
    }
    // "(a)", "(iv)", "(1)", "a)", "1)".
    let inner = line.strip_prefix('(').unwrap_or(line);
    // A label is at most four bytes: the bracket is looked for there, not in the whole line.
    if let Some(label) = inner.bytes().take(5).position(|b| b == b')').map(|k| &inner[..k]) {
        let letters = label.bytes().all(|b| b.is_ascii_lowercase()) && (label.len() == 1 || roman(label));
        if !label.is_empty() && (letters || label.bytes().all(|b| b.is_ascii_digit())) {
            return done(Kind::Item, line.len() - inner.len() + label.len() + 1, false);
        }
    }
    // "§ 5", "§§ 5 a", "§5.2".
    if line.starts_with('§') {
        let rest = line.trim_start_matches('§');
        let after = rest.trim_start();
        let (n, _) = dotted(after)?;
        let mut used = line.len() - after.len() + n;
        // A letter after the number: "§ 5 a", "§ 5a".
        let tail = &line[used..];
        let letter = tail.trim_start();
        if letter.as_bytes().first().is_some_and(u8::is_ascii_lowercase)
            && letter.as_bytes().get(1).is_none_or(|b| !b.is_ascii_alphanumeric())
            && tail.len() - letter.len() <= 1
        {
            used += tail.len() - letter.len() + 1;
        }
        return section(line.len() - after.len(), used);
    }
    // "Punkt 5.2", "Section 5:", "Artikkel 5", "Del III", "Part B".
    if let Some((word, rest)) = line.split_once(' ') {
        if WORDS.iter().any(|w| word.eq_ignore_ascii_case(w)) {
            let from = word.len() + 1;
            let n = dotted(rest).map(|(n, _)| n).or_else(|| numeral(rest)).or_else(|| {
                let end = rest.find([' ', ':', '.']).unwrap_or(rest.len());
                (end == 1 && rest.as_bytes()[0].is_ascii_uppercase()).then_some(1)
            })?;
            return section(from, from + n);
        }
    }
    // "IV.", "III.2".
    if let Some(n) = numeral(line).filter(|&n| line[n..].starts_with('.')) {
        let sub = dotted(&line[n + 1..]).map_or(0, |(d, _)| d);
        return section(0, n + 1 + sub);
    }
    // "5", "5.", "5.2.1", "5.2.1." — followed by a space or the end of the line.
    let (n, dots) = dotted(line)?;
    let next = line[n..].chars().next();
    if next.is_some_and(|c| !c.is_whitespace()) {
        return None;
    }
    if dots == 0 {
        return Some(Numbering { number: (0, n), ..done(Kind::Section, n, true)? });
    }
    section(0, n)
}

/// A markup tag (HTML, JSX) at the start of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tag {
    /// Bytes it takes.
    pub len: usize,
    /// It opens a list item ("<li>").
    pub item: bool,
    /// It opens a table's cell ("<td>", "<th class=\"x\">").
    pub cell: bool,
    /// Its element is a block, which a browser sets on a line of its own ("<p>", "<h3>",
    /// "</li>", "<br>"), not a run of text within a line ("<strong>", "<span>").
    pub block: bool,
}

/// HTML's own elements that run within a line (a row's cells among them), markup even without
/// attributes: "<strong>", "<span>", "<td>".
const INLINE: &[&str] =
    &["a", "b", "code", "em", "font", "i", "small", "span", "strong", "sub", "sup", "td", "text", "th", "u", "view"];

/// HTML's own elements that a browser sets apart as blocks (a line break among them), markup
/// even without attributes: "<p>", "<li>", "<br>".
const BLOCKS: &[&str] = &[
    "blockquote",
    "body",
    "br",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "thead",
    "tr",
    "ul",
];

/// A tag's text is short; a '<' not closed soon opens no tag.
const TAG_LEN: usize = 200;

/// The markup tag `s` starts with: a closing tag ("</p>"), one closed in itself ("<br/>"), one
/// with attributes ("<p class=\"lead\">", "<Text style=>"), or one of HTML's own elements
/// ("<li>", "<strong>"). A word alone in angle brackets ("<dato>", "<antall>") is a template's
/// blank, not markup.
pub fn markup_tag(s: &str) -> Option<Tag> {
    let body = s.strip_prefix('<')?;
    let end = find_near(body, ">", TAG_LEN)?;
    let inner = &body[..end];
    let closing = inner.starts_with('/');
    let open = inner.trim_start_matches('/');
    let name_len =
        open.find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ':'))).unwrap_or(open.len());
    let name = &open[..name_len];
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let attributes = &open[name_len..];
    let own = attributes.ends_with('/') && attributes[..attributes.len() - 1].trim().is_empty();
    let with_attributes = attributes.starts_with(char::is_whitespace) && attributes.contains('=');
    let is = |list: &[&str]| list.iter().any(|e| name.eq_ignore_ascii_case(e));
    let block = is(BLOCKS);
    let element = block || is(INLINE);
    let markup = (closing || own || with_attributes || element) && (attributes.is_empty() || own || with_attributes);
    let opens = |e: &str| !closing && name.eq_ignore_ascii_case(e);
    markup.then(|| Tag { len: 1 + end + 1, item: opens("li"), cell: opens("td") || opens("th"), block })
}

/// Where `pat` first stands in `s`, if it starts within `within` bytes. A tag or a template's
/// field is short, so the close of a mark that opens one is looked for only that far: searched
/// for to the end of a long line from every such mark, a line of them took time that grew with
/// its square.
pub fn find_near(s: &str, pat: &str, within: usize) -> Option<usize> {
    let mut end = (within + pat.len()).min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s[..end].find(pat)
}

/// The outline number of a section heading's line ("5.2" for "5.2. Før tiltredelse"), when it
/// is numbered.
pub fn section_number(line: &str) -> Option<&str> {
    numbering(line)
        .filter(|m| m.kind == Kind::Section)
        .map(|m| outline(&line[m.number.0..m.number.1]))
        .filter(|n| !n.is_empty())
}

/// Whether a line opens with a law's chapter ("Kapittel 15 - Krav om politiattest") or section
/// (`statute_section`).
pub fn law_section(line: &str) -> bool {
    let chapter = ["kapittel ", "kap. "].iter().any(|w| {
        line.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w)) && leading_digits(&line[w.len()..]) > 0
    });
    chapter || statute_section(line)
}

/// Whether a line opens with a law's section number, its chapter before a dash ("§ 15-1.Framgangsmåte",
/// "§14-6", "Section 14A-2"): a contract numbers its own sections "§ 5" or "§ 5.2".
pub fn statute_section(line: &str) -> bool {
    section_mark(line).is_some_and(|rest| {
        let n = leading_digits(rest);
        let chapter = rest[n..].strip_prefix(|c: char| c.is_ascii_uppercase()).unwrap_or(&rest[n..]);
        n > 0 && chapter.strip_prefix('-').is_some_and(|r| leading_digits(r) > 0)
    })
}

/// What follows a section mark that opens `line` ("§ 22 i korte trekk" gives "22 i korte
/// trekk", as "Section 15-3" gives "15-3"), if a number follows it.
pub fn section_mark(line: &str) -> Option<&str> {
    let rest = ["§", "section "].iter().find_map(|w| {
        line.get(..w.len()).filter(|h| h.eq_ignore_ascii_case(w)).map(|_| line[w.len()..].trim_start())
    })?;
    (leading_digits(rest) > 0).then_some(rest)
}

fn leading_digits(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

/// The words that point to a section of the same text in running text: "som etter punkt 9",
/// "the notice period in section 10", "as set out in clause 7", "the repayment in point 10" (the
/// English of a contract written in Norway). A chapter, a part or an appendix may as well be
/// another document's.
const REFERENCES: &[&str] =
    &["punkt", "pkt.", "pkt", "klausul", "paragraf", "artikkel", "section", "clause", "article", "point", "§"];

/// The outline number that a reference at the start of `s` points to: "9" for "punkt 9",
/// "7.2" for "clause 7.2,", "8" for "§ 8"; none for a law's "§ 15-3".
pub fn reference(s: &str) -> Option<&str> {
    // Most words start with no reference word's first letter: they are passed over at once.
    let first = s.chars().next()?.to_ascii_lowercase();
    if !REFERENCES.iter().any(|w| w.starts_with(first)) {
        return None;
    }
    let word = REFERENCES.iter().find(|w| s.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w)))?;
    let rest = &s[word.len()..];
    let after = rest.trim_start();
    if after.len() == rest.len() && *word != "§" {
        return None;
    }
    let (n, _) = dotted(after)?;
    let next = after[n..].chars().next();
    (!next.is_some_and(|c| c.is_alphanumeric() || c == '-')).then(|| outline(&after[..n]))
}

/// Words after which a bare number with a part points to that part of the same text: "som i
/// 7.1", "jf. 4.2", "as in 7.1".
const POINTERS: &[&str] = &["i", "in", "jf.", "jf", "jfr.", "cf.", "se", "see", "etter", "under"];

/// The outline number that a bare number with a part ("7.1", "4.2.") at the start of `s` points
/// to, where `before` ends with one of the pointing words; a number without a part ("i 7") is
/// as often a count.
pub fn pointed<'s>(before: &str, s: &'s str) -> Option<&'s str> {
    let word = before.strip_suffix(' ')?.rsplit([' ', '(']).next()?;
    if !POINTERS.iter().any(|p| word.eq_ignore_ascii_case(p)) {
        return None;
    }
    let (n, _) = dotted(s)?;
    let number = outline(&s[..n]);
    let next = s[n..].chars().next();
    (number.contains('.') && !next.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '%')).then_some(number)
}

/// The outline number a section's number is a part of: "5" for "5.2" or "5.2.", "III" for
/// "III.1"; none for a top-level one.
pub fn parent(number: &str) -> Option<&str> {
    outline(number).rsplit_once('.').map(|(head, _)| head)
}

/// The outline number of a section (its dots at the end left off), for comparing with
/// [`parent`].
pub fn outline(number: &str) -> &str {
    number.trim_end_matches('.')
}

/// A Roman numeral of capitals at the start of `s`, ending there or before a dot, a space or
/// a colon: its length.
fn numeral(s: &str) -> Option<usize> {
    let n = s.bytes().take_while(|b| matches!(b, b'I' | b'V' | b'X')).count();
    let next = s.as_bytes().get(n);
    ((1..=5).contains(&n) && next.is_none_or(|b| matches!(b, b'.' | b' ' | b':'))).then_some(n)
}

/// "5", "5.", "5.2", "5.2.1." at the start of `s`: its length and how many dots it has.
/// Each number has one to three digits.
fn dotted(s: &str) -> Option<(usize, usize)> {
    let mut used = 0;
    let mut dots = 0;
    loop {
        let digits = s[used..].bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 || digits > 3 {
            return (used > 0).then_some((used, dots));
        }
        used += digits;
        if s[used..].starts_with('.') {
            used += 1;
            dots += 1;
        } else {
            return Some((used, dots));
        }
    }
}

fn roman(s: &str) -> bool {
    s.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(line: &str) -> Option<(Kind, &str, bool)> {
        numbering(line).map(|m| (m.kind, &line[m.len..], m.bare))
    }

    #[test]
    fn sections() {
        assert_eq!(n("7. Prøvetid"), Some((Kind::Section, "Prøvetid", false)));
        assert_eq!(n("5.2.1 Oppsigelse"), Some((Kind::Section, "Oppsigelse", false)));
        assert_eq!(n("§ 8 Oppsigelse"), Some((Kind::Section, "Oppsigelse", false)));
        assert_eq!(n("§§ 5 a Lønn"), Some((Kind::Section, "Lønn", false)));
        assert_eq!(n("§5.2 Lønn"), Some((Kind::Section, "Lønn", false)));
        assert_eq!(n("Punkt 4.1: Prøvetid"), Some((Kind::Section, "Prøvetid", false)));
        assert_eq!(n("Section 12 Non-Solicitation"), Some((Kind::Section, "Non-Solicitation", false)));
        assert_eq!(n("IV. Lønn"), Some((Kind::Section, "Lønn", false)));
        assert_eq!(n("6 Probation"), Some((Kind::Section, "Probation", true)));
        assert_eq!(n("12"), Some((Kind::Section, "", true)));
        assert_eq!(n("Punkt 9 – Oppsigelsesfrist"), Some((Kind::Section, "Oppsigelsesfrist", false)));
        assert_eq!(n("Klausul 9: Bindingstid"), Some((Kind::Section, "Bindingstid", false)));
        assert_eq!(n("Pkt. 8 Oppsigelse"), Some((Kind::Section, "Oppsigelse", false)));
        assert_eq!(n("Del III Konkurransebegrensning"), Some((Kind::Section, "Konkurransebegrensning", false)));
        assert_eq!(n("Part B – Conditions"), Some((Kind::Section, "Conditions", false)));
        assert_eq!(n("Appendix 2 – Tie-in"), Some((Kind::Section, "Tie-in", false)));
        assert_eq!(n("III.2 Begrensningen"), Some((Kind::Section, "Begrensningen", false)));
        assert_eq!(n("VII. NOTICE"), Some((Kind::Section, "NOTICE", false)));
    }

    fn number(line: &str) -> Option<&str> {
        numbering(line).map(|m| outline(&line[m.number.0..m.number.1]))
    }

    #[test]
    fn outline_numbers() {
        assert_eq!(number("5.2. Før tiltredelse"), Some("5.2"));
        assert_eq!(number("Punkt 5 – Lønn"), Some("5"));
        assert_eq!(number("§ 10 Oppsigelse"), Some("10"));
        assert_eq!(parent("5.2"), Some("5"));
        assert_eq!(parent("III.1"), Some("III"));
        assert_eq!(parent("5"), None);
    }

    #[test]
    fn references() {
        assert_eq!(reference("punkt 9, det vil seie"), Some("9"));
        assert_eq!(reference("section 10 applies"), Some("10"));
        assert_eq!(reference("Clause 7.2."), Some("7.2"));
        assert_eq!(reference("pkt. 4"), Some("4"));
        assert_eq!(reference("§ 8"), Some("8"));
        assert_eq!(reference("§ 15-3"), None);
        assert!(law_section("§ 15-1.Framgangsmåte") && law_section("§14-6 Innhald"));
        assert!(law_section("Kapittel 15 - Krav om politiattest") && law_section("Kap. 2 Tilsetjing"));
        assert!(!law_section("§ 5 Prøvetid") && !law_section("§ 5.2 Lønn") && !law_section("Punkt 15-1"));
        assert!(statute_section("Section 15-3 Notice periods") && statute_section("Section 14A-2. A non-compete"));
        assert!(!statute_section("Section 5 Notice") && !statute_section("Kapittel 15 - Krav om politiattest"));
        assert_eq!(section_mark("§ 22 i korte trekk"), Some("22 i korte trekk"));
        assert_eq!(section_mark("section of the law"), None);
        assert_eq!(reference("punktet 9"), None);
        assert_eq!(reference("sections 3 and 4"), None);
        assert_eq!(reference("section of the law"), None);
        assert_eq!(section_number("5.2. Før tiltredelse"), Some("5.2"));
        assert_eq!(section_number("Oppsigelse"), None);
    }

    #[test]
    fn items() {
        assert_eq!(n("a) kontakte kunder"), Some((Kind::Item, "kontakte kunder", false)));
        assert_eq!(n("(iv) solicit"), Some((Kind::Item, "solicit", false)));
        assert_eq!(n("(2) to"), Some((Kind::Item, "to", false)));
        assert_eq!(n("1) første"), Some((Kind::Item, "første", false)));
        assert_eq!(n("• punkt"), Some((Kind::Item, "punkt", false)));
        assert_eq!(n("- punkt"), Some((Kind::Item, "punkt", false)));
        assert_eq!(n("<li class=\"x\"> kontakte kunder</li>"), Some((Kind::Item, "kontakte kunder</li>", false)));
    }

    #[test]
    fn markup_tags() {
        let len = |s: &str| markup_tag(s).map(|t| (t.len, t.item));
        let block = |s: &str| markup_tag(s).is_some_and(|t| t.block);
        assert!(block("<h3>") && block("</P>") && block("<br />") && block("<li class=\"x\">"));
        assert!(!block("<strong>") && !block("<span data-field=\"x\">") && !block("<td>"));
        assert_eq!(len("<li>x"), Some((4, true)));
        assert_eq!(len("</li>"), Some((5, false)));
        assert_eq!(len("<ul className=\"list\">"), Some((21, false)));
        assert_eq!(len("<br/>"), Some((5, false)));
        assert_eq!(len("<Text style=>x"), Some((13, false)));
        // A template's blank, and a comparison, are no markup.
        assert_eq!(len("<dato> er første dag"), None);
        assert_eq!(len("< 5 dager"), None);
    }

    #[test]
    fn not_numbering() {
        assert_eq!(n("2027-03-01 er datoen"), None);
        assert_eq!(n("kr 35 000"), None);
        assert_eq!(n("1234 Oslo"), None);
        assert_eq!(n("Ivar sier"), None);
        assert_eq!(n("(ca. 400 000)"), None);
        assert_eq!(n("Punktum"), None);
        assert_eq!(n("Del av lønnen"), None);
        assert_eq!(n("Part of the salary"), None);
        assert_eq!(n("I am"), None);
    }
}
