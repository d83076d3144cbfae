//! Segment: the normalized text becomes headings and sentences.
//!
//! A paragraph is a table-of-contents line (skipped), a heading (short, no sentence
//! punctuation, at most a leading number such as "7.", "§ 7" or "7.2") or body text. Body
//! text is split into sentences; each sentence knows the heading of its section, so that
//! "7. Prøvetid" can give its category to a line "6 måneder" under it. A table row is one
//! sentence.

use std::collections::HashMap;

use serde::Deserialize;

use crate::normalize::Text;
use crate::numbering::{numbering, parent, section_number, Kind, BULLETS};
use crate::values::{self, lower};

/// The segments of a text.
#[derive(Debug, Clone, Default)]
pub struct Segments {
    /// Sentences and heading lines in document order.
    pub sentences: Vec<Sentence>,
    /// Heading paragraphs, as indices into `Text::paragraphs`.
    pub headings: Vec<usize>,
    /// Per heading, the heading whose section its number is a part of ("5. Oppsigelse" for
    /// "5.2 Før tiltredelse"), as an index into `headings`.
    pub parents: Vec<Option<usize>>,
}

/// One sentence of body text, or a heading line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset in `Text::string`.
    pub start: usize,
    /// Byte offset after the end.
    pub end: usize,
    /// Index of its paragraph in `Text::paragraphs`.
    pub paragraph: usize,
    /// Index into `Segments::headings` of the section heading above it, if any.
    pub heading: Option<usize>,
    /// The sentence is a heading line.
    pub is_heading: bool,
    /// For a list item, the sentence that leads in to the list ("skal arbeidstakeren ikke:").
    pub lead_in: Option<usize>,
}

/// How the text is split into sentences and headings (grammar.toml `[sentences]`), lower case.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sentences {
    /// Abbreviations whose full stop ends no sentence ("jf", "dvs", "kr").
    #[serde(default)]
    pub abbreviations: Vec<String>,
    /// Shortened words whose full stop runs on into a lower-case word in a text written
    /// without capitals ("6 mnd. prøvetid").
    #[serde(default)]
    pub units: Vec<String>,
    /// Shortened words whose full stop before a figure ends no sentence: the days of the week
    /// ("man. 04.10.27", "Mon. 4 October").
    #[serde(default)]
    pub before_figures: Vec<String>,
    /// Pronouns and question words that, after a one- or two-digit number and a full stop,
    /// start a sentence: "under punkt 8. Hva gjør jeg?".
    #[serde(default)]
    pub openers: Vec<String>,
    /// Form answers that stand alone under a heading and are none ("Nei", "Ikke aktuelt").
    #[serde(default)]
    pub answers: Vec<String>,
    /// Conjunctions that, ending a line, leave its clause open, so that the lines below finish
    /// it as items under a ':' do: "Tilbodet fell bort dersom" / "– du ikkje har fått …".
    #[serde(default)]
    pub open_ends: Vec<String>,
    /// Verbs and question words that open a short question typed in lower case after a full
    /// stop in a forum post: "… i need to pay 2,00,000 as bond amount. is this legal?".
    #[serde(default)]
    pub questions: Vec<String>,
    /// Words after a comma that turn a statement into the writer's question about it: "Jeg har
    /// tre måneders oppsigelsestid, og lurer på om den gjelder før jeg starter" states the
    /// notice, then asks; the question is a sentence of its own.
    #[serde(default)]
    pub asides: Vec<String>,
}

impl Sentences {
    /// The words in lower case, as the splitter compares them.
    pub fn lowercase(self) -> Sentences {
        Sentences {
            abbreviations: lower(self.abbreviations),
            units: lower(self.units),
            before_figures: lower(self.before_figures),
            openers: lower(self.openers),
            answers: lower(self.answers),
            open_ends: lower(self.open_ends),
            questions: lower(self.questions),
            asides: lower(self.asides),
        }
    }
}

/// A table-of-contents line: leader dots (". . . .", "....", "……") and a page number at the end.
fn is_toc_line(line: &str) -> bool {
    let head = line.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = line.len() - head.len();
    if !(1..=3).contains(&digits) {
        return false;
    }
    let head = head.trim_end();
    let dots = head.len() - head.trim_end_matches('.').len();
    let ellipses = (head.len() - head.trim_end_matches('…').len()) / '…'.len_utf8();
    let spaced =
        head.strip_suffix('.').map_or(0, |h| 1 + h.as_bytes().rchunks_exact(2).take_while(|p| p == b". ").count());
    dots >= 4 || ellipses >= 2 || spaced >= 4
}

/// Splits a normalized text into headings and sentences, with the grammar's `words`.
pub fn segment(text: &Text, words: &Sentences) -> Segments {
    let mut seg = Segments::default();
    let mut current: Option<usize> = None;
    // The last sentence of a paragraph that ends in ':' while its list items follow.
    let mut lead_in: Option<usize> = None;
    // A line of one sentence broken off after a comma leads in to the next line, whatever that
    // line is: it finishes the clause ("For five years after the Separation Date," / "Employee
    // will not solicit …") and is no heading.
    let mut next_line: Option<usize> = None;
    // The last heading with each outline number ("5.2"), to find the section a sub-heading is
    // a part of in one lookup.
    let mut numbers: HashMap<&str, usize> = HashMap::new();
    for (i, p) in text.paragraphs.iter().enumerate() {
        let line = text.paragraph(i);
        if is_toc_line(line) {
            continue;
        }
        if !is_list_item(line) && !is_numbered_sentence(line, words) {
            lead_in = None;
        }
        let leads_on = next_line.take();
        if is_heading(line, words) && lead_in.is_none() && leads_on.is_none() {
            // A heading is also a sentence of its own, because a short table row without
            // cell borders (PDF) looks like one: "Konkurranseklausul Nei". The engine takes
            // only negations from such lines, so a bare heading yields nothing.
            seg.sentences.push(Sentence {
                start: p.start,
                end: p.end,
                paragraph: i,
                heading: current,
                is_heading: true,
                lead_in: None,
            });
            let number = section_number(line);
            seg.parents.push(number.and_then(parent).and_then(|up| numbers.get(up).copied()));
            if let Some(n) = number {
                numbers.insert(n, seg.headings.len());
            }
            seg.headings.push(i);
            current = Some(seg.headings.len() - 1);
            continue;
        }
        let item_of = lead_in.or(leads_on);
        let first = seg.sentences.len();
        // A list run into one line ("… når: a) …; b) …; c) …"): the sentence that opens
        // it leads in to the labelled sentences after it, as a lead-in line to its items.
        let mut inline_lead = None;
        for (s, e) in split_sentences(line, words) {
            let sentence = &line[s..e];
            seg.sentences.push(Sentence {
                start: p.start + s,
                end: p.start + e,
                paragraph: i,
                heading: current,
                is_heading: false,
                lead_in: item_of.or(inline_lead.filter(|_| is_labelled_item(sentence))),
            });
            if item_of.is_none()
                && inline_lead.is_none()
                && sentence.split_once(": ").is_some_and(|(_, rest)| is_labelled_item(rest))
            {
                inline_lead = Some(seg.sentences.len() - 1);
            }
        }
        if item_of.is_none()
            && (line.trim_end().ends_with(':')
                || ends_open(line, words)
                || (i + 1 < text.paragraphs.len() && runs_on(line, text.paragraph(i + 1), words)))
        {
            lead_in = Some(seg.sentences.len() - 1);
        } else if item_of.is_none() && broken_off(line) && seg.sentences.len() == first + 1 {
            next_line = Some(first);
        }
    }
    seg
}

/// A line of prose broken off after a comma: a word before the comma, and more words than a
/// greeting has ("Hei Anders,"); a quoted value in a data row (`"probation": "…",`) ends none.
fn broken_off(line: &str) -> bool {
    line.trim_end()
        .strip_suffix(',')
        .is_some_and(|body| body.ends_with(char::is_alphanumeric) && body.split_whitespace().count() >= 5)
}

/// A list item: "a) …", "(ii) …", "1) …", "- …", "• …", or a line that starts in lower case.
fn is_list_item(line: &str) -> bool {
    if starts_as_item(line) {
        return true;
    }
    // "(i) solicit …", "(a) …", "a) …", "1) …", or "1. ta kontakt …" (a number before a
    // lower-case word).
    numbering(line)
        .is_some_and(|m| m.kind == Kind::Item || line[m.len..].chars().next().is_some_and(char::is_lowercase))
}

/// An item labelled "(ii)", "b)" or "2)" (not a bullet, which may be a dash in running text).
fn is_labelled_item(text: &str) -> bool {
    !text.starts_with(BULLETS) && numbering(text).is_some_and(|m| m.kind == Kind::Item)
}

/// A bullet, or a line that starts in lower case.
fn starts_as_item(line: &str) -> bool {
    line.starts_with(BULLETS) || line.chars().next().is_some_and(char::is_lowercase)
}

/// "1. Begge parter kan si opp avtalen …": a numbered full sentence continues a list whose
/// lead-in ends in ':', while a numbered heading ("1. Stilling") ends it.
fn is_numbered_sentence(line: &str, words: &Sentences) -> bool {
    numbering(line).is_some() && !is_heading(line, words)
}

/// A line that ends in one of the `open_ends` conjunctions: its clause goes on in the lines below.
/// Checked for every line, so it compares the line's last characters in place.
fn ends_open(line: &str, words: &Sentences) -> bool {
    let line = line.trim_end();
    words.open_ends.iter().any(|w| {
        let Some(cut) = w.chars().count().checked_sub(1).and_then(|n| line.char_indices().rev().nth(n)) else {
            return false;
        };
        let (head, tail) = line.split_at(cut.0);
        (head.is_empty() || head.ends_with(' ')) && tail.chars().flat_map(char::to_lowercase).eq(w.chars())
    })
}

/// A line of one sentence with no punctuation at its end that goes on in the list item below,
/// in lower case ("Arbeidstakaren skal ikkje i seks månader etter fråtreding" / "1. ta
/// tilsetjing hjå,"): the line leads in to its items as one ending in ':' does. A last
/// sentence after others ("… frå signering. Det tyder at") stays as it was.
fn runs_on(line: &str, next: &str, words: &Sentences) -> bool {
    if !line.trim_end().ends_with(char::is_alphabetic) {
        return false;
    }
    // A bulleted or numbered item: a bare lower-case line may be a paragraph wrapped in a PDF.
    let rest = numbering(next).map(|m| &next[m.len..]).or_else(|| next.strip_prefix(BULLETS));
    rest.and_then(|r| r.trim_start().chars().next()).is_some_and(char::is_lowercase)
        && split_sentences(line, words).len() == 1
}

/// A heading is short, has letters, no sentence punctuation at the end, no table cells and
/// no digits beyond its numbering.
fn is_heading(line: &str, words: &Sentences) -> bool {
    // A list item is no heading, however short: "- godkjent politiattest"; nor is a line whose
    // clause is left open ("Tilbodet fell bort dersom").
    if starts_as_item(line) || ends_open(line, words) {
        return false;
    }
    let rest = numbering(line).map_or(line, |m| &line[m.len..]);
    // A longer line that ends in ':' leads in to a list ("Arbeidsgiver kan trekke tilbudet
    // dersom:"); a short one is a label or a heading ("Prøvetid:").
    if line.ends_with(':') && (line.split(' ').count() > 3 || binds(line)) {
        return false;
    }
    // A value on a line of its own ("6 måneder", "24 månader") is the answer under a heading.
    if !values::durations(line).is_empty() {
        return false;
    }
    let rest = rest.trim_end_matches(':').trim();
    // A bare answer on a line of its own ("Nei", "Ikke aktuelt") answers the heading above it.
    if words.answers.iter().any(|a| a.eq_ignore_ascii_case(rest)) {
        return false;
    }
    // Nor is a label answered no on its own line, as a row of ticked boxes reads: "Prøvetid
    // Nei", "Non-compete No"; the next row is a term of its own. (A "Prøvetid Ja" heads the
    // details under it: "Lengd: 6 månader".)
    if words.answers.iter().filter(|a| !matches!(a.as_str(), "ja" | "yes")).any(|a| {
        rest.len() > a.len() + 1
            && rest.get(rest.len() - a.len()..).is_some_and(|end| end.eq_ignore_ascii_case(a))
            && rest.as_bytes()[rest.len() - a.len() - 1] == b' '
    }) {
        return false;
    }
    // A line in capitals is set as a heading and may run a little longer than a plain one:
    // "NOTICE OF TERMINATION TO BE GIVEN BY EMPLOYEE".
    let most_words = if rest.chars().any(char::is_lowercase) { 7 } else { 10 };
    !rest.is_empty()
        && rest.len() <= 70
        && rest.split(' ').count() <= most_words
        && !rest.ends_with(['.', ',', ';', '!', '?'])
        // A bracketed blank is a value to fill in: "Første arbeidsdag er [dato]" is a term.
        && !rest.contains([':', '|', '['])
        && !rest.chars().any(|c| c.is_ascii_digit())
        && rest.chars().any(char::is_alphabetic)
}

/// Sentence byte ranges within one paragraph line.
fn split_sentences(line: &str, words: &Sentences) -> Vec<(usize, usize)> {
    if let Some(cell) = line.rfind(" | ").map(|c| c + 3) {
        // A row is one sentence, up to the prose its last cell may hold: "Kurs | Bedriften
        // betaler kurset, kr 18 000. Slutter du innen 12 måneder, …" splits as "Kurs: …" does.
        let mut out: Vec<(usize, usize)> =
            split_sentences(&line[cell..], words).into_iter().map(|(s, e)| (cell + s, cell + e)).collect();
        match out.first_mut() {
            Some(first) => first.0 = 0,
            None => out.push((0, line.len())),
        }
        return out;
    }
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    // A bulleted list whose lines were run together ("- Start: 1 June - Probation: 6
    // months"): each bullet before a capital starts an item of its own.
    if let Some(bullet) = line.chars().next().filter(|c| BULLETS.contains(c)) {
        let sep = format!(" {bullet} ");
        for (i, _) in line.match_indices(&sep) {
            if line[i + sep.len()..].starts_with(char::is_uppercase) {
                out.extend(split_sentences(&line[start..i], words).into_iter().map(|(s, e)| (start + s, start + e)));
                start = i + 1;
            }
        }
        if start > 0 {
            out.extend(split_sentences(&line[start..], words).into_iter().map(|(s, e)| (start + s, start + e)));
            return out;
        }
    }
    // A text written without capitals (a forum post: "har 6 mnd prøvetid. sjefen sier …").
    let lower_case = line.chars().find(|c| c.is_alphabetic()).is_some_and(char::is_lowercase);
    for (i, &b) in bytes.iter().enumerate() {
        // A full stop typed after the space instead of before it ("… etter prøvetiden .Vil du
        // slutte", "… after confirmation .If you resign") ends its sentence all the same, and
        // the capitalised word glued to it opens the next.
        // So does one typed with no space at all after a word of three or more lower-case
        // letters, as text copied from a web page joins its sentences ("… på én måned.Hvis
        // arbeidstaker …"); not an abbreviation's, nor a web or mail address's.
        if b == b'.'
            && i > start
            && (bytes[i - 1] == b' ' || glued_sentences(&line[start..i], &line[i + 1..], words))
            && glued_word(&line[i + 1..])
        {
            out.push((start, i + 1));
            start = i + 1;
            continue;
        }
        if b == b',' && bytes.get(i + 1) == Some(&b' ') && asks_after(&line[i + 2..], &words.asides) {
            out.push((start, i + 1));
            start = i + 2;
            continue;
        }
        // A closing quote or bracket goes with its sentence: `… varsel." Må jeg …`.
        let close = usize::from(matches!(bytes.get(i + 1), Some(b'"' | b'\'' | b')')));
        if !matches!(b, b'.' | b'!' | b'?' | b';') || bytes.get(i + 1 + close) != Some(&b' ') {
            continue;
        }
        let next = &line[i + 2 + close..];
        let Some(first) = next.chars().next() else { continue };
        let starts_item = first.is_uppercase()
            || first == '§'
            || numbering(next).is_some()
            || (first.is_lowercase() && starts_lower_case(&line[start..i], b, lower_case, &words.units))
            || (b == b'.' && lower_case_question(next, &words.questions));
        if !starts_item || (b == b'.' && !ends_sentence(&line[start..i], next, words)) {
            continue;
        }
        out.push((start, i + 1 + close));
        start = i + 2 + close;
    }
    if start < line.len() {
        out.push((start, line.len()));
    }
    out
}

/// Whether a full stop right between the end of `before` and the start of `next` joins two
/// sentences: the word before is three or more lower-case letters and no abbreviation, and
/// neither side holds an address's marks ("www.Nav.no", "post@firma.No").
fn glued_sentences(before: &str, next: &str, words: &Sentences) -> bool {
    let word = before.rsplit(' ').next().unwrap_or("");
    let after = next.split(' ').next().unwrap_or("");
    word.chars().count() >= 3
        && word.chars().all(char::is_lowercase)
        && !is_abbreviation(word, words)
        && word != "www"
        && !after.contains(['.', '/', '@'])
}

/// Whether `rest`, after a comma, opens with one of `asides` (lower case) as whole words.
fn asks_after(rest: &str, asides: &[String]) -> bool {
    // Compared byte by byte with the case folded, so nothing is copied; a fold keeps a
    // character's length, so the aside's length is where it ends in `rest`.
    asides
        .iter()
        .any(|a| values::starts_with_folded(rest.as_bytes(), a) && !rest[a.len()..].starts_with(char::is_alphanumeric))
}

/// Whether `rest` opens with a capitalised word: a capital and then a lower-case letter.
fn glued_word(rest: &str) -> bool {
    let mut chars = rest.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_some_and(char::is_lowercase)
}

/// A short line that binds someone ("Arbeidstakeren skal ikke:", "The Employee shall:") leads
/// in to its items; a label names them ("Prøvetid:").
fn binds(line: &str) -> bool {
    const VERBS: &[&str] = &[
        "skal",
        "må",
        "kan",
        "plikter",
        "pliktar",
        "forplikter",
        "forpliktar",
        "ikke",
        "ikkje",
        "shall",
        "must",
        "will",
        "may",
        "agrees",
        "undertakes",
        "not",
    ];
    line.trim_end_matches(':').split(' ').skip(1).any(|w| VERBS.iter().any(|v| w.eq_ignore_ascii_case(v)))
}

/// Whether a sentence that ends with `end` after `before` lets the next one start in lower
/// case: after a question or an exclamation ("hvem har rett?? de sier …"), after a quote
/// closed with its mark ("… innen 18 mnd». er det vanlig?"), and in a text written without
/// capitals after a word that no unit abbreviation shortens ("6 mnd. prøvetid" runs on).
fn starts_lower_case(before: &str, end: u8, lower_case: bool, units: &[String]) -> bool {
    let word = before.rsplit([' ', '(', '/']).next().unwrap_or("");
    end != b';'
        && !word.is_empty()
        && (end != b'.' || word.ends_with('"') || (lower_case && !units.iter().any(|u| word.eq_ignore_ascii_case(u))))
}

/// Whether `next`, after a full stop, is a short question of its own typed in lower case: it
/// opens with one of `questions` and ends in a question mark within a dozen words, with no
/// other full stop before it ("… as bond amount. is this legal?").
fn lower_case_question(next: &str, questions: &[String]) -> bool {
    let first = next.split(' ').next().unwrap_or("");
    if !first.starts_with(|c: char| c.is_lowercase()) || !questions.iter().any(|q| first == q) {
        return false;
    }
    // The mark is looked for among the first dozen words only: a line may be a whole text.
    let dozen = next.match_indices(' ').nth(11).map_or(next.len(), |(i, _)| i);
    next[..dozen].find('?').is_some_and(|mark| !next[..mark].contains(['.', '!', ';']))
}

/// Whether `word` is one of the grammar's abbreviations, whose full stop ends no sentence ("jf",
/// "dvs", "kr").
pub(crate) fn is_abbreviation(word: &str, words: &Sentences) -> bool {
    // The abbreviations are compared in ASCII case: no lower-cased copy of the word is made.
    let last = word.rsplit('.').next().unwrap_or("");
    words.abbreviations.iter().any(|a| a.eq_ignore_ascii_case(last))
}

/// Whether a period after `before` ends a sentence when `next` follows.
fn ends_sentence(before: &str, next: &str, words: &Sentences) -> bool {
    let word = before.rsplit([' ', '(', '/']).next().unwrap_or("");
    if is_abbreviation(word, words)
        || (next.starts_with(|c: char| c.is_ascii_digit())
            && words.before_figures.iter().any(|a| a.eq_ignore_ascii_case(word)))
    {
        return false;
    }
    if word.chars().all(|c| c.is_ascii_digit()) && !word.is_empty() {
        // A one- or two-digit number before the period is an ordinal: a day ("1. Mars 2027")
        // or an item number ("5. Prøvetid"). "kr 35 000. Arbeidstaker" does end a sentence,
        // and so does any number before a pronoun or a question word ("under punkt 8. Hva
        // gjør jeg?"): no item is named so.
        let next_word = next.split(' ').next().unwrap_or("");
        return (word.len() >= 3 && values::month_number(next_word).is_none())
            || words.openers.iter().any(|o| next_word.eq_ignore_ascii_case(o));
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Document, Page};
    use crate::normalize::normalize;
    use std::sync::LazyLock;

    /// The built-in grammar's words of the splitter.
    static WORDS: LazyLock<Sentences> =
        LazyLock::new(|| crate::patterns::Patterns::builtin().expect("built-in patterns").sentences);

    fn text(paragraphs: &[&str]) -> Text {
        normalize(&Document {
            paged: false,
            pages: vec![Page { paragraphs: paragraphs.iter().map(|s| s.to_string()).collect() }],
        })
    }

    #[test]
    fn table_of_contents_lines() {
        for line in ["3. Oppsigelse .......... 4", "Prøvetid . . . . . 12", "Lønn …… 3", "Lønn……3"] {
            assert!(is_toc_line(line), "{line}");
        }
        for line in ["Prøvetiden er 6 måneder.", "Se punkt 4.3", "Frist ... 3", "Lønn ..... 2027"] {
            assert!(!is_toc_line(line), "{line}");
        }
    }

    fn sentences(t: &Text) -> Vec<&str> {
        segment(t, &WORDS).sentences.iter().filter(|s| !s.is_heading).map(|s| &t.string[s.start..s.end]).collect()
    }

    #[test]
    fn a_closing_quote_ends_its_sentence() {
        let t = text(&["I kontrakten står det: «Trekker du deg, skal du betale kr 20 000.» Må jeg betale?"]);
        assert_eq!(
            sentences(&t),
            ["I kontrakten står det: \"Trekker du deg, skal du betale kr 20 000.\"", "Må jeg betale?"]
        );
    }

    #[test]
    fn a_text_without_capitals_has_sentences_too() {
        let t = text(&[
            "har 6 mnd. prøvetid her. sjefen sier noe annet?? kan han det",
            "Det står «innen 2 år». er det lov?",
            "Det står under punkt 8. Hva betyr det?",
        ]);
        assert_eq!(
            sentences(&t),
            [
                "har 6 mnd. prøvetid her.",
                "sjefen sier noe annet??",
                "kan han det",
                "Det står \"innen 2 år\".",
                "er det lov?",
                "Det står under punkt 8.",
                "Hva betyr det?"
            ]
        );
    }

    #[test]
    fn splits_sentences_but_not_abbreviations_or_dates() {
        let t = text(&["Lønn er kr. 50 000 pr. mnd. og betales den 20. hver måned. Tiltredelse er 1. mars 2027. Prøvetid: 6 mnd. Oppsigelse skjer skriftlig, jf. aml. § 15-4. Kurset koster kr 35 000. Bindingstiden er 2 år. The fare (approx. NOK 9 000, max. NOK 12 000) is repaid."]);
        assert_eq!(
            sentences(&t),
            vec![
                "Lønn er kr. 50 000 pr. mnd. og betales den 20. hver måned.",
                "Tiltredelse er 1. mars 2027.",
                "Prøvetid: 6 mnd.",
                "Oppsigelse skjer skriftlig, jf. aml. § 15-4.",
                "Kurset koster kr 35 000.",
                "Bindingstiden er 2 år.",
                "The fare (approx. NOK 9 000, max. NOK 12 000) is repaid."
            ]
        );
    }

    #[test]
    fn a_row_is_one_sentence_up_to_the_prose_of_its_last_cell() {
        let t = text(&[
            "Kurs | Bedriften betaler kurset, kr 18 000. Slutter du innen 12 måneder, betaler du tilbake.",
            "Prøvetid | 6 mnd. | Oppsigelse | 14 dager",
        ]);
        assert_eq!(
            sentences(&t),
            [
                "Kurs | Bedriften betaler kurset, kr 18 000.",
                "Slutter du innen 12 måneder, betaler du tilbake.",
                "Prøvetid | 6 mnd. | Oppsigelse | 14 dager"
            ]
        );
        // A row whose last cell is empty is still a sentence.
        assert_eq!(split_sentences("Merknad | ", &WORDS), [(0, 10)]);
    }

    #[test]
    fn a_full_stop_typed_after_the_space_ends_its_sentence() {
        let t = text(&[
            "Etter prøvetiden gjelder 3 måneder .Vil du slutte, sier du fra skriftlig. Se punkt 4 .NET-kurs dekkes.",
        ]);
        assert_eq!(
            sentences(&t),
            vec![
                "Etter prøvetiden gjelder 3 måneder .",
                "Vil du slutte, sier du fra skriftlig.",
                "Se punkt 4 .NET-kurs dekkes."
            ]
        );
    }

    #[test]
    fn a_full_stop_typed_with_no_space_ends_its_sentence_after_a_word() {
        let t = text(&["Fristen er én måned.Hvis du har stått i stillingen lenge, er den to. Se www.Nav.no, pkt.Tre"]);
        assert_eq!(
            sentences(&t),
            vec!["Fristen er én måned.", "Hvis du har stått i stillingen lenge, er den to.", "Se www.Nav.no, pkt.Tre"]
        );
    }

    #[test]
    fn the_writers_question_after_a_comma_is_a_sentence_of_its_own() {
        let t = text(&[
            "Eg har ein månads oppseiingstid, og lurer på om den gjeld før eg byrjar. Den gjeld, og det er greitt.",
            "I have a two month notice period, and I'm wondering whether it applies, and I wondered why.",
        ]);
        assert_eq!(
            sentences(&t),
            vec![
                "Eg har ein månads oppseiingstid,",
                "og lurer på om den gjeld før eg byrjar.",
                "Den gjeld, og det er greitt.",
                "I have a two month notice period,",
                "and I'm wondering whether it applies, and I wondered why.",
            ]
        );
    }

    #[test]
    fn a_line_written_in_lower_case_splits_before_lower_case() {
        let t = text(&[
            "jobber i butikk. kontrakten sier ca. 6 mnd prøvetid. er det lov?",
            "Dette gjelder f.eks. ikke deg.",
        ]);
        assert_eq!(
            sentences(&t),
            [
                "jobber i butikk.",
                "kontrakten sier ca. 6 mnd prøvetid.",
                "er det lov?",
                "Dette gjelder f.eks. ikke deg."
            ]
        );
    }

    #[test]
    fn a_lower_case_question_after_a_full_stop_is_its_own_sentence() {
        let t = text(&[
            "Incase i do not join, i need to pay 2,00,000 as bond amount. is this legal?",
            "Lønn etter avtale, jf. kan-reglene i tariffen. Se vedlegg.",
        ]);
        assert_eq!(
            sentences(&t),
            [
                "Incase i do not join, i need to pay 2,00,000 as bond amount.",
                "is this legal?",
                "Lønn etter avtale, jf. kan-reglene i tariffen.",
                "Se vedlegg."
            ]
        );
    }

    #[test]
    fn headings_give_their_section_and_toc_is_skipped() {
        let t =
            text(&["5. Prøvetid ........ 3", "7. Prøvetid", "6 måneder.", "§ 8 Oppsigelse", "Prøvetid | 6 måneder"]);
        let seg = segment(&t, &WORDS);
        assert_eq!(seg.headings, vec![1, 3]);
        let s: Vec<_> = seg.sentences.into_iter().filter(|s| !s.is_heading).collect();
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].heading, Some(0));
        assert_eq!(s[1].heading, Some(1));
        assert_eq!(&t.string[s[1].start..s[1].end], "Prøvetid | 6 måneder");
    }

    #[test]
    fn a_sub_heading_knows_its_main_section() {
        let t = text(&[
            "5 OPPSIGELSE",
            "5.1 Generelt",
            "Fristen er to måneder.",
            "6. Lønn",
            "6.2 Tillegg",
            "Punkt 7 – Ferie",
        ]);
        assert_eq!(segment(&t, &WORDS).parents, vec![None, Some(0), None, Some(2), None]);
    }

    #[test]
    fn numbered_sentences_stay_in_their_list_and_a_numbered_heading_ends_it() {
        let t = text(&[
            "Følgende gjelder før første arbeidsdag:",
            "1. Begge parter kan si opp avtalen med én måneds frist.",
            "2. Arbeidsgiver kan trekke tilbudet.",
            "3. Prøvetid",
            "Prøvetiden er 6 måneder.",
        ]);
        let seg = segment(&t, &WORDS);
        let leads: Vec<_> = seg.sentences.iter().filter(|s| !s.is_heading).map(|s| s.lead_in).collect();
        assert_eq!(leads, vec![None, Some(0), Some(0), None]);
        assert_eq!(seg.headings, vec![3]);
    }

    #[test]
    fn a_line_broken_off_after_a_comma_leads_in_to_the_next() {
        let t = text(&[
            "For five years after the Separation Date,",
            "Employee will not solicit any customer.",
            "Wages are paid monthly.",
            "Hei Anders,",
            "Prøvetiden er seks måneder.",
            "  \"probation\": \"Probation is six months.\",",
            "  \"notice\": \"Notice is one month.\"",
            "Notice shall be as follows;",
            "- one week for each complete year of service.",
        ]);
        let seg = segment(&t, &WORDS);
        let leads: Vec<_> = seg.sentences.iter().filter(|s| !s.is_heading).map(|s| s.lead_in).collect();
        // The comma's line leads in to the one line after it only; a greeting and a data row none;
        // a list announced with a semicolon leads in to its items.
        assert_eq!(leads, vec![None, Some(0), None, None, None, None, None, None, Some(7)]);
    }

    #[test]
    fn heading_detection() {
        assert!(is_heading("Prøvetid:", &WORDS));
        assert!(!is_heading("Arbeidstakeren skal ikke:", &WORDS), "a short line that binds leads in");
        assert!(!is_heading("The Employee shall:", &WORDS));
        assert!(is_heading("7. Prøvetid", &WORDS));
        assert!(is_heading("§ 3 Oppsigelse og fratreden", &WORDS));
        assert!(is_heading("PROBATIONARY PERIOD", &WORDS));
        assert!(is_heading("NOTICE OF TERMINATION TO BE GIVEN BY EMPLOYEE", &WORDS));
        assert!(!is_heading("Notice of termination to be given by the employee here", &WORDS));
        assert!(!is_heading("THE EMPLOYEE MAY NOT TAKE UP ANY OTHER WORK FOR A COMPETITOR", &WORDS));
        assert!(!is_heading("Prøvetid: 6 måneder", &WORDS));
        assert!(!is_heading("Oslo, 12.10.2026", &WORDS));
        assert!(!is_heading("Det er ingen bindingstid.", &WORDS));
        assert!(!is_heading("- godkjent politiattest", &WORDS));
        assert!(!is_heading("• Security clearance", &WORDS));
        assert!(!is_heading("tilfredsstillende referanser", &WORDS));
        // A label answered no, as a row of ticked boxes reads, is a row; a yes heads its details.
        assert!(!is_heading("Prøvetid Nei", &WORDS));
        assert!(!is_heading("Non-compete No", &WORDS));
        assert!(is_heading("Prøvetid Ja", &WORDS));
    }
}
