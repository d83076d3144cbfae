//! Lexicon: the concepts of `patterns/lexicon/*.toml` (word forms grouped by meaning), found in
//! a text in one scan.
//!
//! A form is one or more words. A word may be written with a wildcard: `prøvetid*` (the word
//! starts so: prøvetiden, prøvetidens), `*klausul` (it ends so: kundeklausul), `*bind*`
//! (anywhere inside a word). `..` between two words allows up to three other words there
//! ("betale .. tilbake": betale kursavgiften tilbake). Matching ignores case; words join across
//! spaces, hyphens, slashes and apostrophes, never across other punctuation.
//!
//! The literal pieces of all forms make one trie (an anchored Aho-Corasick automaton), walked
//! from the start of every word of the lower-cased text, byte by byte, until it dies: a word
//! costs a few steps, and a short form such as "no" is never looked for inside "notice". The
//! few pieces that may stand inside a word (`*klausul`) go into a second automaton that runs
//! over the whole text. The hits are then joined into forms. Where one concept's form lies inside a longer form found at the same place ("ikke"
//! inside "ikke aktuelt", "prøvetiden" inside "etter prøvetiden"), the longer one wins.

use std::collections::HashMap;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{AhoCorasick, Anchored, MatchKind, StartKind};

/// Index of a concept in [`Lexicon::names`].
pub type ConceptId = u16;

/// How many words `..` may skip.
const GAP_WORDS: u32 = 3;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Wildcard {
    /// The whole word.
    None,
    /// `word*`: the word starts with the literal.
    Prefix,
    /// `*word`: the word ends with the literal.
    Suffix,
    /// `*word*`: the literal anywhere in the word.
    Infix,
}

#[derive(Debug, Clone, Copy)]
struct Step {
    /// Index into `Lexicon::tokens`.
    token: u32,
    /// Words that may stand before this one (0, or [`GAP_WORDS`] after `..`).
    gap: u32,
}

#[derive(Debug)]
struct Form {
    concept: ConceptId,
    steps: Vec<Step>,
}

/// Compiled concepts.
#[derive(Debug)]
pub struct Lexicon {
    /// Concept names, by id.
    pub names: Vec<String>,
    /// Pieces that start a word (whole words and `word*`), walked from each word start.
    starts: DFA,
    /// Per `starts` pattern: the tokens with that literal.
    start_tokens: Vec<Vec<(Wildcard, u32)>>,
    /// Pieces that may stand inside a word (`*word`, `*word*`), if any.
    inner: Option<AhoCorasick>,
    /// Per `inner` pattern: the tokens with that literal.
    inner_tokens: Vec<Vec<(Wildcard, u32)>>,
    forms: Vec<Form>,
    /// Per token: the forms whose first word it is.
    first: Vec<Vec<u32>>,
}

/// A word of the scanned text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// Byte offset.
    pub start: usize,
    /// Byte offset after the end.
    pub end: usize,
}

/// A concept found in the text, as a range of words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    /// The concept.
    pub concept: ConceptId,
    /// Index of its first word.
    pub first: u32,
    /// Index of its last word.
    pub last: u32,
}

/// The words of a text and the concepts in them, in order of their first word.
#[derive(Debug, Default)]
pub struct Scan {
    /// Every word.
    pub words: Vec<Word>,
    /// Every concept found, sorted by first word.
    pub occurrences: Vec<Occurrence>,
}

impl Scan {
    /// Index of the first word that starts at or after `offset`.
    pub fn word_at(&self, offset: usize) -> usize {
        self.words.partition_point(|w| w.start < offset)
    }
}

/// A problem in a form, for the loader's error message.
#[derive(Debug)]
pub struct FormError(pub String);

impl Lexicon {
    /// Compiles `(concept, forms)` pairs; a concept may appear in several pairs (one per
    /// language file).
    pub fn new<'a>(entries: impl IntoIterator<Item = (&'a str, &'a [String])>) -> Result<Lexicon, FormError> {
        let mut names: Vec<String> = Vec::new();
        let mut ids: HashMap<String, ConceptId> = HashMap::new();
        let mut literals: Vec<String> = Vec::new();
        let mut literal_ids: HashMap<String, usize> = HashMap::new();
        let mut literal_tokens: Vec<Vec<(Wildcard, u32)>> = Vec::new();
        let mut token_count = 0u32;
        let mut forms = Vec::new();
        for (name, list) in entries {
            let concept = *ids.entry(name.to_string()).or_insert_with(|| {
                names.push(name.to_string());
                (names.len() - 1) as ConceptId
            });
            for form in list {
                let mut steps = Vec::new();
                let mut gap = 0;
                for piece in form_words(form)? {
                    if piece == ".." {
                        if steps.is_empty() {
                            return Err(FormError(format!("{form:?}: a form cannot start with ..")));
                        }
                        gap = GAP_WORDS;
                        continue;
                    }
                    let (wildcard, literal) = parse_word(&piece).map_err(|m| FormError(format!("{form:?}: {m}")))?;
                    let lit = *literal_ids.entry(literal.clone()).or_insert_with(|| {
                        literals.push(literal);
                        literal_tokens.push(Vec::new());
                        literals.len() - 1
                    });
                    let token = match literal_tokens[lit].iter().find(|(w, _)| *w == wildcard) {
                        Some(&(_, t)) => t,
                        None => {
                            literal_tokens[lit].push((wildcard, token_count));
                            token_count += 1;
                            token_count - 1
                        }
                    };
                    steps.push(Step { token, gap });
                    gap = 0;
                }
                if gap > 0 {
                    return Err(FormError(format!("{form:?}: a form cannot end with ..")));
                }
                if steps.is_empty() {
                    return Err(FormError(format!("{form:?}: no word")));
                }
                forms.push(Form { concept, steps });
            }
        }
        let mut first = vec![Vec::new(); token_count as usize];
        for (i, f) in forms.iter().enumerate() {
            first[f.steps[0].token as usize].push(i as u32);
        }
        // Split the literals between the word-start trie and the inner automaton.
        let (mut start_lits, mut start_tokens, mut inner_lits, mut inner_tokens) = (vec![], vec![], vec![], vec![]);
        for (lit, tokens) in literals.into_iter().zip(literal_tokens) {
            let (starting, inside): (Vec<_>, Vec<_>) =
                tokens.into_iter().partition(|(w, _)| matches!(w, Wildcard::None | Wildcard::Prefix));
            if !starting.is_empty() {
                start_lits.push(lit.clone());
                start_tokens.push(starting);
            }
            if !inside.is_empty() {
                inner_lits.push(lit);
                inner_tokens.push(inside);
            }
        }
        let starts = DFA::builder()
            .start_kind(StartKind::Anchored)
            .match_kind(MatchKind::Standard)
            .build(&start_lits)
            .map_err(|e| FormError(e.to_string()))?;
        let inner = if inner_lits.is_empty() {
            None
        } else {
            Some(
                AhoCorasick::builder()
                    .match_kind(MatchKind::Standard)
                    .build(&inner_lits)
                    .map_err(|e| FormError(e.to_string()))?,
            )
        };
        Ok(Lexicon { names, starts, start_tokens, inner, inner_tokens, forms, first })
    }

    /// The id of a concept name.
    pub fn id(&self, name: &str) -> Option<ConceptId> {
        self.names.iter().position(|n| n == name).map(|i| i as ConceptId)
    }

    /// Finds the words of `text` and the concepts in them.
    pub fn scan(&self, text: &str) -> Scan {
        let lower = lowercase(text);
        let bytes = lower.as_bytes();
        let words = words(&lower);
        // (word, token) pairs, one per hit that fits the word.
        let mut hits: Vec<(u32, u32)> = Vec::new();
        let start = self.starts.start_state(Anchored::Yes).expect("the DFA is built for anchored searches");
        for (i, w) in words.iter().enumerate() {
            let mut sid = start;
            for (k, &b) in bytes[w.start..w.end].iter().enumerate() {
                sid = self.starts.next_state(Anchored::Yes, sid, b);
                if self.starts.is_dead(sid) {
                    break;
                }
                if !self.starts.is_match(sid) {
                    continue;
                }
                let whole = w.start + k + 1 == w.end;
                for m in 0..self.starts.match_len(sid) {
                    let pid = self.starts.match_pattern(sid, m);
                    if self.starts.pattern_len(pid) != k + 1 {
                        continue;
                    }
                    for &(wildcard, token) in &self.start_tokens[pid.as_usize()] {
                        if whole || wildcard == Wildcard::Prefix {
                            hits.push((i as u32, token));
                        }
                    }
                }
            }
        }
        if let Some(inner) = &self.inner {
            for m in inner.find_overlapping_iter(&lower) {
                let (s, e) = (m.start(), m.end());
                let word = words.partition_point(|w| w.end <= s);
                let Some(w) = words.get(word) else { continue };
                for &(wildcard, token) in &self.inner_tokens[m.pattern().as_usize()] {
                    if wildcard == Wildcard::Infix || e == w.end {
                        hits.push((word as u32, token));
                    }
                }
            }
        }
        hits.sort_unstable();
        hits.dedup();
        // Where each word's hits start in `hits`, so that a lookup reads a word's few hits.
        let mut at = vec![0u32; words.len() + 1];
        for &(w, _) in &hits {
            at[w as usize + 1] += 1;
        }
        for i in 1..at.len() {
            at[i] += at[i - 1];
        }
        let has = |word: u32, token: u32| {
            let (a, b) = (at[word as usize] as usize, at[word as usize + 1] as usize);
            hits[a..b].iter().any(|&(_, t)| t == token)
        };
        let mut occurrences = Vec::new();
        for &(word, token) in &hits {
            for &f in &self.first[token as usize] {
                let form = &self.forms[f as usize];
                if let Some(last) = self.extend(form, word, &words, &lower, &has) {
                    occurrences.push(Occurrence { concept: form.concept, first: word, last });
                }
            }
        }
        Scan { words, occurrences: prune(occurrences) }
    }

    /// The last word of `form` when its first word is at `word`.
    fn extend(
        &self,
        form: &Form,
        word: u32,
        words: &[Word],
        text: &str,
        has: &impl Fn(u32, u32) -> bool,
    ) -> Option<u32> {
        let mut at = word;
        'steps: for step in &form.steps[1..] {
            for next in at + 1..=at + 1 + step.gap {
                let prev = words.get(next as usize - 1)?;
                let w = words.get(next as usize)?;
                if !joins(&text[prev.end..w.start]) {
                    return None;
                }
                if has(next, step.token) {
                    at = next;
                    continue 'steps;
                }
            }
            return None;
        }
        Some(at)
    }
}

/// Drops every occurrence that lies inside a longer one, or starts inside an earlier one and
/// runs past it ("following the probationary" wins over "probationary period"); equal
/// ranges are all kept.
fn prune(mut occ: Vec<Occurrence>) -> Vec<Occurrence> {
    occ.sort_unstable_by_key(|o| (o.first, std::cmp::Reverse(o.last), o.concept));
    occ.dedup();
    let mut out: Vec<Occurrence> = Vec::with_capacity(occ.len());
    let mut reach: Option<(u32, u32)> = None;
    for o in occ {
        if let Some((first, last)) = reach {
            if first < o.first && o.first <= last || (first == o.first && last > o.last) {
                continue;
            }
        }
        if reach.is_none_or(|(_, last)| o.last > last) {
            reach = Some((o.first, o.last));
        }
        out.push(o);
    }
    out
}

/// Separators that may stand between two words of one form.
fn joins(gap: &str) -> bool {
    !gap.is_empty() && gap.bytes().all(|b| matches!(b, b' ' | b'-' | b'/' | b'\''))
}

/// Splits a form into its words (and `..`), with the same word rule as the text.
fn form_words(form: &str) -> Result<Vec<String>, FormError> {
    let lower = form.to_lowercase();
    let mut out = Vec::new();
    for part in lower.split([' ', '-', '/', '\'']) {
        if part.is_empty() {
            continue;
        }
        if part == ".." {
            out.push(part.to_string());
            continue;
        }
        let core = part.trim_matches('*');
        if core.is_empty() || !core.chars().all(is_word_char) {
            return Err(FormError(format!("{form:?}: {part:?} is not a word (letters and digits, * at either end)")));
        }
        out.push(part.to_string());
    }
    Ok(out)
}

fn parse_word(piece: &str) -> Result<(Wildcard, String), String> {
    let (pre, post) = (piece.starts_with('*'), piece.ends_with('*') && piece.len() > 1);
    let literal = piece.trim_matches('*').to_string();
    let wildcard = match (pre, post) {
        (false, false) => Wildcard::None,
        (false, true) => Wildcard::Prefix,
        (true, false) => Wildcard::Suffix,
        (true, true) => Wildcard::Infix,
    };
    if wildcard == Wildcard::Infix && literal.chars().count() < 3 {
        return Err(format!("*{literal}* is too short to stand anywhere inside a word"));
    }
    Ok((wildcard, literal))
}

/// Letters and digits make words.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The words of a text: runs of letters and digits.
pub fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut start = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // ASCII without decoding; other characters by their class.
        let (word, len) = match bytes[i] {
            b if b < 0x80 => (b.is_ascii_alphanumeric(), 1),
            _ => {
                let c = text[i..].chars().next().unwrap_or(' ');
                (is_word_char(c), c.len_utf8())
            }
        };
        match (word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word { start: s, end: i });
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    if let Some(s) = start {
        out.push(Word { start: s, end: text.len() });
    }
    out
}

/// Lower case with every byte offset kept: a character whose lower case has another length
/// in UTF-8 stays as it is.
pub fn lowercase(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        // Copy the ASCII run in one go, then one other character.
        let ascii = rest.bytes().position(|b| b >= 0x80).unwrap_or(rest.len());
        let (run, tail) = rest.split_at(ascii);
        out.push_str(run);
        rest = tail;
        let Some(c) = rest.chars().next() else { break };
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
            _ => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    // ASCII letters are lowered in place; the bytes of other characters are left alone.
    out.make_ascii_lowercase();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexicon(entries: &[(&str, &[&str])]) -> Lexicon {
        let owned: Vec<(String, Vec<String>)> =
            entries.iter().map(|(n, f)| (n.to_string(), f.iter().map(|s| s.to_string()).collect())).collect();
        Lexicon::new(owned.iter().map(|(n, f)| (n.as_str(), f.as_slice()))).unwrap()
    }

    fn found(lex: &Lexicon, text: &str) -> Vec<String> {
        let scan = lex.scan(text);
        scan.occurrences
            .iter()
            .map(|o| {
                let (s, e) = (scan.words[o.first as usize].start, scan.words[o.last as usize].end);
                format!("{}={}", lex.names[o.concept as usize], &text[s..e])
            })
            .collect()
    }

    #[test]
    fn wildcards_respect_word_boundaries() {
        let lex = lexicon(&[
            ("PROBATION", &["prøvetid*", "probation*"]),
            ("NON_SOLICIT", &["*kundeklausul*"]),
            ("NO", &["nei"]),
        ]);
        assert_eq!(found(&lex, "Prøvetiden: Nei"), ["PROBATION=Prøvetiden", "NO=Nei"]);
        assert_eq!(found(&lex, "uprøvetid neio"), Vec::<String>::new());
        assert_eq!(
            found(&lex, "Kundeklausulen og KUNDEKLAUSUL"),
            ["NON_SOLICIT=Kundeklausulen", "NON_SOLICIT=KUNDEKLAUSUL"]
        );
    }

    #[test]
    fn phrases_join_words_and_skip_gaps_but_not_punctuation() {
        let lex = lexicon(&[("REPAY", &["betal* .. tilbake", "claw-back"]), ("END", &["si opp"])]);
        assert_eq!(found(&lex, "skal betale hele kursavgiften tilbake"), ["REPAY=betale hele kursavgiften tilbake"]);
        assert_eq!(found(&lex, "betale. Tilbake"), Vec::<String>::new());
        assert_eq!(found(&lex, "a claw back or clawback, claw-back"), ["REPAY=claw back", "REPAY=claw-back"]);
        assert_eq!(found(&lex, "Partene kan si opp"), ["END=si opp"]);
    }

    #[test]
    fn the_longer_form_wins() {
        let lex = lexicon(&[
            ("NEG", &["ikke"]),
            ("NEG_ANSWER", &["ikke aktuelt"]),
            ("PROBATION", &["prøvetid*"]),
            ("AFTER_PROBATION", &["etter prøvetid*", "etter endt prøvetid*"]),
        ]);
        assert_eq!(found(&lex, "Prøvetid ikke aktuelt"), ["PROBATION=Prøvetid", "NEG_ANSWER=ikke aktuelt"]);
        assert_eq!(found(&lex, "etter endt prøvetid er det ikke"), ["AFTER_PROBATION=etter endt prøvetid", "NEG=ikke"]);
    }

    #[test]
    fn offsets_survive_case_folding() {
        // 'İ' lower-cases to two characters; it stays as it is so that offsets still fit.
        assert_eq!(lowercase("İ ÆØÅ Prøve").len(), "İ ÆØÅ Prøve".len());
        assert_eq!(lowercase("ÆØÅ Prøve"), "æøå prøve");
        let lex = lexicon(&[("X", &["æøå"])]);
        assert_eq!(found(&lex, "İ ÆØÅ"), ["X=ÆØÅ"]);
    }

    #[test]
    fn bad_forms_are_refused() {
        let bad = |f: &str| {
            let forms = vec![f.to_string()];
            Lexicon::new([("X", forms.as_slice())]).unwrap_err().0
        };
        assert!(bad(".. tilbake").contains("cannot start"));
        assert!(bad("betale ..").contains("cannot end"));
        assert!(bad("*ab*").contains("too short"));
        assert!(bad("a.b").contains("not a word"));
    }
}
