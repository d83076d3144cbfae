//! Match: evaluates the clause grammar over the concepts found in a segmented text.
//!
//! The lexicon scans the whole text once. Then, per sentence:
//! 1. commentary (a question, "det er vanlig å …", a definition) yields nothing;
//! 2. negation triggers negate the first concept in their scope (ConText style);
//! 3. every duration, amount and date goes to the concept that holds it: the nearest holder,
//!    preferring the one before it, never across a stronger clause break than needed, so a
//!    value belongs to its own field and its own role ("deretter 3 måneder");
//! 4. each rule whose anchor concept is present checks its other concepts in the sentence,
//!    the list lead-in above it and the section heading, and one finding per category wins.
//!
//! After the sentences: a clause without its value takes it from a neighbouring sentence of
//! its paragraph, from the sentence that set an amount it refers to ("kursavgiften"), or
//! from the category it points to ("oppsigelsesfristen gjelder også før tiltredelse").
//! Every step is linear in the text: each sentence looks at a bounded neighbourhood only.

use std::cell::{OnceCell, RefCell};
use std::collections::{HashMap, HashSet};

use crate::date::Date;
use crate::lexicon::{ConceptId, Occurrence, Scan, Seams, Word};
use crate::model::{Category, Flag, Values};
use crate::normalize::Text;
use crate::numbering::{self, numbering, Kind, BULLETS};
use crate::patterns::{self, AnyOf, CategoryRules, Concepts, Keeps, Patterns, Phrases, Rule, ValueKind};
use crate::segment::{self, Segments, Sentence, Sentences};
use crate::values::{self, Amount, BareSums, Duration};

/// A clause found by the engine, before assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// The category.
    pub category: Category,
    /// The winning rule's id (`<category>.heading` for a finding carried by its heading,
    /// `<category>.section` for a longer sentence of the section it heads).
    pub rule: String,
    /// Index into `Segments::sentences`.
    pub sentence: usize,
    /// The clause says the thing does not apply.
    pub negated: bool,
    /// Values read from the clause.
    pub values: Values,
    /// Byte range of the anchor words in `Text::string`.
    pub span: (usize, usize),
    /// Sentence flags of the category that matched.
    pub flags: Vec<Flag>,
    /// The kind of value a template leaves blank in the clause ("Prøvetid: ___ måneder"): no
    /// other sentence supplies it.
    pub blank: Option<ValueKind>,
}

/// Where a value stands in a sentence: its first and last word, and whether it is written as
/// a genitive ("tre måneders", "three months'"), which modifies what follows.
type Span = (usize, usize, bool);

/// The values of one sentence, with their spans by kind (indexed by [`kind_index`]).
#[derive(Default)]
struct SentenceValues {
    spans: [Vec<Span>; 3],
    durations: Vec<Duration>,
    amounts: Vec<Amount>,
    dates: Vec<Date>,
}

impl SentenceValues {
    /// The values of the given kinds in `text[start..end]`; other kinds stay empty.
    fn parse(
        scan: &Scan,
        text: &str,
        start: usize,
        end: usize,
        kinds: &[ValueKind],
        sums: &BareSums,
    ) -> SentenceValues {
        let s = &text[start..end];
        let mut out = SentenceValues::default();
        if kinds.is_empty() {
            return out;
        }
        // The words of the sentence as the scan found them, clipped to it and counted from its
        // start: the runs of word characters of `s`, without reading it again.
        let (first, last) = (scan.word_at(start).saturating_sub(1), scan.word_at(end));
        let near = &scan.words[first..last];
        let words = near
            .iter()
            .filter(|w| w.end > start && w.start < end)
            .map(|w| Word { start: w.start.max(start) - start, end: w.end.min(end) - start });
        // Spans in words, and only durations modify a following word as genitives.
        let span = |f: usize, e: usize, duration: bool| {
            // `scan.word_at`, searching only the sentence's words.
            let word_at = |offset: usize| first + near.partition_point(|w| w.start < offset);
            let first = word_at(start + f);
            let last = word_at(start + e).saturating_sub(1).max(first);
            let written = s[f..e].trim_end();
            let genitive = duration
                && (written.ends_with('\'')
                    || written.ends_with("'s")
                    || (written.ends_with('s')
                        && !["days", "weeks", "months", "years", "hours"].iter().any(|u| written.ends_with(u)))
                    || unit_after(written, '-'));
            (first, last, genitive)
        };
        for &kind in kinds {
            let spans = &mut out.spans[kind_index(kind)];
            match kind {
                ValueKind::Duration => {
                    for f in values::durations_in(s, words.clone()) {
                        spans.push(span(f.start, f.end, true));
                        out.durations.push(f.value);
                    }
                }
                ValueKind::Amount => {
                    for f in values::amounts_in(s, words.clone(), sums) {
                        spans.push(span(f.start, f.end, false));
                        out.amounts.push(f.value);
                    }
                }
                ValueKind::Date => {
                    for f in values::dates_in(s, words.clone()) {
                        spans.push(span(f.start, f.end, false));
                        out.dates.push(f.value);
                    }
                }
            }
        }
        out
    }

    /// Adds each day and month named without a year in `text[a..b]` that `after_start`
    /// accepts (by its first word) as a date of the year that puts it on or after `dated`,
    /// the text's date (if it has one), asked for only once such a day is found.
    fn add_days_of(
        &mut self,
        scan: &Scan,
        text: &str,
        (a, b): (usize, usize),
        dated: impl Fn() -> Option<Date>,
        after_start: impl Fn(usize) -> bool,
    ) {
        let mut free = a;
        for i in scan.word_at(a)..scan.word_at(b) {
            let at = scan.words[i].start;
            let Some((month, day, end)) =
                (at >= free && after_start(i)).then(|| values::day_and_month_at(text, at)).flatten()
            else {
                continue;
            };
            let Some(dated) = dated() else { return };
            let year = dated.year + i32::from((month, day) < (dated.month, dated.day));
            if let Some(date) = Date::new(year, month, day).filter(|_| end <= b) {
                self.spans[kind_index(ValueKind::Date)].push((i, scan.word_at(end).saturating_sub(1).max(i), false));
                self.dates.push(date);
                free = end;
            }
        }
    }

    fn ranges(&self, kind: ValueKind) -> &[Span] {
        &self.spans[kind_index(kind)]
    }

    fn set(&self, kind: ValueKind, i: usize, values: &mut Values) {
        match kind {
            ValueKind::Duration => values.duration = Some(self.durations[i]),
            ValueKind::Amount => values.amount = Some(self.amounts[i].clone()),
            ValueKind::Date => values.date = Some(self.dates[i]),
        }
    }

    fn has(&self, kind: ValueKind) -> bool {
        !self.ranges(kind).is_empty()
    }
}

/// Whether an English length ends in its unit in the singular after `joint`: joined by a hyphen
/// ('-') it modifies the word after it ("a two-year bond", "a 12-month restriction"), as a
/// genitive does; after a space (' ') it may ("a 2 year bond") or be a learner's plural ("if you
/// leave within 24 month you must …"), which the caller tells apart.
fn unit_after(written: &str, joint: char) -> bool {
    let lower = written.to_ascii_lowercase();
    ["year", "month", "week", "day", "yr"]
        .iter()
        .any(|unit| lower.strip_suffix(unit).is_some_and(|count| count.ends_with(joint)))
}

/// What separates two neighbouring words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Break {
    /// Spaces, hyphens, slashes.
    None,
    /// A field separator: ':' or a table cell border.
    Field,
    /// A comma, a parenthesis or a dash between words.
    Clause,
    /// '.', ';', '!', '?' followed by a space, or a line break.
    Sentence,
}

fn break_between(gap: &str) -> Break {
    let bytes = gap.as_bytes();
    let mut out = Break::None;
    for (i, &b) in bytes.iter().enumerate() {
        // A closing quote or bracket may stand between a full stop and its space.
        let close = usize::from(matches!(bytes.get(i + 1), Some(b'"' | b'\'' | b')')));
        let spaced = bytes.get(i + 1 + close) == Some(&b' ');
        let k = match b {
            b'\n' => Break::Sentence,
            b'.' | b';' | b'!' | b'?' if spaced => Break::Sentence,
            // "konkurranse-, kunde- eller rekrutteringsklausul": the comma after a suspended
            // hyphen lists parts of one compound, it does not end a clause.
            b',' if spaced && !(i > 0 && bytes[i - 1] == b'-') => Break::Clause,
            b'(' | b')' | b'[' | b']' => Break::Clause,
            b':' | b'|' | b'=' => Break::Field,
            _ => Break::None,
        };
        out = out.max(k);
    }
    out
}

/// The holder each value of a kind went to (index into the sentence's occurrences).
type Assignment = Vec<Option<usize>>;

fn kind_index(kind: ValueKind) -> usize {
    match kind {
        ValueKind::Duration => 0,
        ValueKind::Amount => 1,
        ValueKind::Date => 2,
    }
}

/// The words that place a clause in a document: "i arbeidsavtalen", "of your offer letter".
const DOC_PLACES: &[&str] = &["i", "in", "of", "til", "to", "under", "fra", "frå", "from"];

/// The formal subjects of a sentence whose real subject follows the verb: "at det ikke skal gjelde
/// noen konvensjonalbot", "there shall not apply any penalty".
const FORMAL_SUBJECTS: &[&str] = &["det", "there"];
/// The words that open a subordinate clause: "at det ikke skal gjelde …", "that there shall not apply …".
const COMPLEMENTIZERS: &[&str] = &["at", "that"];

/// Words that join the items of a list ("X, Y eller Z", "neither X nor Y").
const LIST_WORDS: &[&str] = &["eller", "or", "og", "and", "nor", "samt", "heller"];
/// The indefinite articles: they open a listed term ("og en prøvetid", "and a trial period") and
/// name a kind of thing ("Hva er en konkurranseklausul?").
const ARTICLES: &[&str] = &["en", "ei", "et", "ein", "eit", "a", "an"];
/// The definite articles that may stand before a second term joined by "og"/"and".
const DEFINITE_ARTICLES: &[&str] = &["the", "den", "det", "dei", "de"];
/// The asker's own: "min oppsigelsestid på tre måneder", "my notice period of one month".
const POSSESSIVES: &[&str] = &["min", "mi", "mitt", "my"];
/// The words between a term and the length it has: "oppsigelsestiden på 3 mnd", "a notice period of one month".
const LENGTH_OF: &[&str] = &["på", "of"];

/// A text's quotation marks, so that whether a quote is open at the end of a span of it is
/// found by halving, not by reading the span: a veto and an anchor far apart in one long
/// sentence are weighed many times.
struct QuoteMarks {
    /// Byte offset of each mark.
    at: Vec<usize>,
    /// How many straight quotes (`"`, which toggle) are among the first `i` marks.
    straight: Vec<usize>,
    /// The last mark among the first `i` that opens or closes whatever came before (« “ » ”),
    /// and whether it opens.
    set: Vec<Option<(usize, bool)>>,
}

impl QuoteMarks {
    fn new(text: &str) -> Self {
        let mut marks = QuoteMarks { at: Vec::new(), straight: vec![0], set: vec![None] };
        for (at, c) in text.char_indices() {
            let (straight, set) = match c {
                '"' => (1, None),
                '«' | '“' => (0, Some(true)),
                '»' | '”' => (0, Some(false)),
                _ => continue,
            };
            let i = marks.at.len();
            marks.at.push(at);
            marks.straight.push(marks.straight[i] + straight);
            marks.set.push(set.map(|opens| (i, opens)).or(marks.set[i]));
        }
        marks
    }

    /// Whether a quotation that opens in `start..end` is still open at `end`.
    fn open_within(&self, start: usize, end: usize) -> bool {
        let (i, j) = (self.at.partition_point(|&p| p < start), self.at.partition_point(|&p| p < end));
        let (from, open) = match self.set[j] {
            Some((k, opens)) if k >= i => (k + 1, opens),
            _ => (i, false),
        };
        open ^ ((self.straight[j] - self.straight[from]) % 2 == 1)
    }
}

/// One sentence with everything the rules look at.
struct Clause<'a> {
    patterns: &'a Patterns,
    scan: &'a Scan,
    text: &'a str,
    sentence: &'a Sentence,
    /// The sentence's concepts.
    occ: &'a [Occurrence],
    /// The list lead-in's concepts.
    lead: &'a [Occurrence],
    /// The list lead-in's byte range, and its values, parsed on first use and shared by its
    /// items: "In the following cases the Employee shall pay NOK 30,000:" states the sum its
    /// items' clauses ask for.
    lead_span: Option<(usize, usize)>,
    lead_values: &'a OnceCell<SentenceValues>,
    /// The text's quotation marks, found on first use (`Clause::quoted_apart`).
    quote_marks: &'a OnceCell<QuoteMarks>,
    /// The section heading's concepts.
    heading: &'a [Occurrence],
    /// The concepts of the sentence before, when it is in the same paragraph.
    previous: &'a [Occurrence],
    /// The concepts of the whole paragraph (another agreement named anywhere in it rules
    /// its sentences out: "Treningsmedlemskapet har … Etter bindingstiden kan avtalen sies opp").
    paragraph: &'a [Occurrence],
    /// What the rules ask of the whole paragraph, kept from sentence to sentence.
    in_paragraph: &'a ParagraphConcepts,
    /// The value kinds some rule here can read (by [`kind_index`]): only these are parsed,
    /// each when a rule first asks for a value of its kind (most sentences with concepts
    /// state no clause).
    kinds: [bool; 3],
    /// Per kind (by [`kind_index`]), the sentence's values of that kind.
    values: [OnceCell<SentenceValues>; 3],
    /// Per word of the sentence (from `first_word`), how many breaks of each strength
    /// (field, clause, sentence) stand before it, so that the strongest break between two
    /// words is two lookups.
    breaks: &'a [[u32; 3]],
    /// The index of the sentence's first word.
    first_word: usize,
    /// The index of the first word after the sentence.
    end_word: usize,
    /// The first words of the transparent concepts in the sentence, sorted.
    transparent: &'a [u32],
    /// Per kind, the holder of every value, worked out with the values.
    assigned: [OnceCell<Assignment>; 3],
    /// Per concept of the sentence, whether it is negated.
    negated: &'a mut [bool],
    /// The concepts of the sentence, its lead-in and its heading: most items a rule asks for
    /// name none of them, and then no list of concepts need be read.
    named: &'a ConceptSet,
    /// The text's first date of its own year (see [`text_date`]), found on first use.
    text_date: &'a OnceCell<Option<Date>>,
    /// Facts of the sentence found on first use.
    found: Found,
    /// Where the rules tried in vain are told, if anywhere ([`explain`]).
    trace: Option<&'a RefCell<Trace>>,
}

/// A rule (by its address) and a value kind it reads.
type RuleKind = (usize, ValueKind);

/// Facts of a clause's sentence that only some rules ask for, each found on first use.
#[derive(Default)]
struct Found {
    /// Per rule (by address) and value kind, the value its values_from phrases give
    /// ([`Clause::value_for`]).
    from_phrases: RefCell<Vec<(RuleKind, Option<usize>)>>,
    /// Whether the sentence pairs listed terms with listed values ([`Clause::respective`]).
    respective: OnceCell<bool>,
    /// Per sum of the sentence, whether a cap word stands right before it ("inntil kr 120
    /// 000"), found on first use: each is looked at once, not once per sum before it.
    capped: OnceCell<Vec<bool>>,
    /// The most words any concept of the sentence spans past its first, found on first use:
    /// the concepts that end right before a value are then found by their first word.
    longest: OnceCell<usize>,
    /// Where the sentence's cells end (the byte offset of each '|'), found on first use: a
    /// field's answer ends at the next one, looked up rather than searched for from every label
    /// of a long run of rows.
    cells: OnceCell<Vec<usize>>,
    /// The sentence's concepts as (concept, index in `occ`), sorted on first use: the
    /// occurrences of a rule's `without` concepts are looked up, not searched for in the whole
    /// sentence once per anchor (a line of thousands of rows is one sentence).
    by_concept: OnceCell<Vec<(ConceptId, u32)>>,
    /// Where each of [`CLAUSE_JOINS`] stands in the sentence (byte offsets, in order), found on
    /// first use: whether one stands between two terms is looked up, not searched for in the
    /// words between them once per pair ([`Clause::same_clause`]).
    joins: OnceCell<Vec<Vec<usize>>>,
    /// The first word of each of the sentence's reporting concepts, in order, found on first use.
    reporting: OnceCell<Vec<u32>>,
}

/// What joins two clauses of a sentence: a term before one of them does not govern the anchor
/// after it ([`Clause::same_clause`]).
const CLAUSE_JOINS: [&str; 5] = [", og ", ", and ", ", men ", ", but ", "; "];

impl<'a> Clause<'a> {
    /// The sentence's values of `kind`, parsed on first use; none of a kind not needed.
    fn values(&self, kind: ValueKind) -> &SentenceValues {
        self.values[kind_index(kind)].get_or_init(|| {
            let kinds = if self.kinds[kind_index(kind)] { &[kind][..] } else { &[] };
            let (start, end, sums) = (self.sentence.start, self.sentence.end, &self.patterns.bare_sums);
            let mut values = SentenceValues::parse(self.scan, self.text, start, end, kinds, sums);
            // "Arbeidstakeren tiltrer 1. juni", "from 1 June", "starts on 1 June": a day and
            // month right after a start date's anchor or one short word after it, in a text that
            // dates itself, are of its year, or of the next where they fall before its date
            // ("Referat fra møte 3. november" dates a meeting).
            if kind == ValueKind::Date && !kinds.is_empty() && values.dates.is_empty() {
                // The text's date reads all its words: only a day and month found asks for it.
                let dated =
                    || *self.text_date.get_or_init(|| text_date(self.scan, self.text, &self.patterns.not_dating));
                let p = self.patterns;
                // The words that may open such a day, found once: not a search of the concepts
                // for every word of a sentence of thousands of rows.
                let mut opens: Vec<usize> = self
                    .occ
                    .iter()
                    .filter(|o| p.anchors_category(o.concept, Category::StartDate))
                    .flat_map(|o| {
                        let last = o.last as usize;
                        let short = || {
                            let w = &self.scan.words[last + 1];
                            self.text[w.start..w.end].chars().count() <= 3
                        };
                        let two = last + 2 < self.scan.words.len() && short();
                        [Some(last + 1), two.then_some(last + 2)]
                            .into_iter()
                            .flatten()
                            .filter(move |&i| self.strongest(last, i) < Break::Clause)
                    })
                    .collect();
                opens.sort_unstable();
                values.add_days_of(self.scan, self.text, (start, end), dated, |i| opens.binary_search(&i).is_ok());
            }
            if kind == ValueKind::Duration && values.has(kind) && self.respective() {
                self.share_units(&mut values);
            }
            values
        })
    }

    /// Whether the sentence lists its terms and then their values in the same order: it says
    /// "henholdsvis", "høvesvis" or "respectively", or a form row splits both its label and
    /// its answer with slashes ("Prøvetid / kundeklausul | 6 / 12 månader").
    fn respective(&self) -> bool {
        *self.found.respective.get_or_init(|| {
            let s = &self.text[self.sentence.start..self.sentence.end];
            self.occ.iter().any(|o| self.patterns.respectively.contains(&o.concept))
                || (self.breaks.last().zip(self.breaks.first()).is_some_and(|(l, f)| l[0] > f[0])
                    && s.find([':', '|']).is_some_and(|k| s[..k].contains(" / ") && s[k..].contains(" / ")))
        })
    }

    /// Whether nothing but list separators (commas, slashes, "og", "and") stands between
    /// words `a` and `b`.
    fn only_separators(&self, a: usize, b: usize) -> bool {
        let w = &self.scan.words;
        a < b
            && (a + 1..b).all(|i| self.word_is(i as u32, &["og", "and"]))
            && (a..b).all(|i| {
                self.text[w[i].end..w[i + 1].start].chars().all(|c| c.is_whitespace() || matches!(c, ',' | '/' | '&'))
            })
    }

    /// Whether two terms are the joint subjects of one verb, joined by "og"/"and" and at most an
    /// article: "Prøvetid og oppseiingsfrist følgjer punkt 4", "The probationary period and the
    /// notice periods shall be as set out in …". Neither qualifies the other.
    fn coordinated(&self, x: &Occurrence, o: &Occurrence) -> bool {
        let (a, b) = if x.last < o.first { (x.last, o.first) } else { (o.last, x.first) };
        let w = &self.scan.words;
        (b == a + 2 || (b == a + 3 && self.word_is(a + 2, DEFINITE_ARTICLES)))
            && self.word_is(a + 1, &["og", "and"])
            && self.text[w[a as usize].end..w[b as usize].start].chars().all(|c| c.is_alphabetic() || c.is_whitespace())
    }

    /// Whether a list separator (a comma, a slash, "og", "and") stands between words `a` and `b`.
    fn separated(&self, a: usize, b: usize) -> bool {
        let w = &self.scan.words;
        a < b
            && ((a + 1..b).any(|i| self.word_is(i as u32, &["og", "and"]))
                || self.text[w[a].end..w[b].start].contains([',', '/', '&']))
    }

    /// Numbers listed before a length share its unit where terms take their values in order:
    /// "seks og tre måneder", "6 / 12 månader", "four and nine months".
    fn share_units(&self, values: &mut SentenceValues) {
        let w = &self.scan.words;
        let spans = values.ranges(ValueKind::Duration).to_vec();
        let mut shared = Vec::new();
        for (k, &(first, _, _)) in spans.iter().enumerate() {
            let mut at = first;
            while let Some(n) = (self.first_word..at).rev().take(2).find(|&j| !self.word_is(j as u32, &["og", "and"])) {
                let word = &self.text[w[n].start..w[n].end];
                let number = word.parse::<u16>().ok().map(f64::from).or_else(|| values::number_value(word));
                let taken = spans.iter().any(|&(f, l, _)| f <= n && n <= l);
                match number.filter(|_| !taken && self.only_separators(n, at)) {
                    Some(value) => shared.push(((n, n, false), Duration { value, unit: values.durations[k].unit })),
                    None => break,
                }
                at = n;
            }
        }
        if shared.is_empty() {
            return;
        }
        let mut all: Vec<(Span, Duration)> = spans.into_iter().zip(values.durations.iter().copied()).collect();
        all.extend(shared);
        all.sort_by_key(|(s, _)| s.0);
        (values.spans[kind_index(ValueKind::Duration)], values.durations) = all.into_iter().unzip();
    }

    /// Gives listed values to listed terms in order where the sentence pairs them
    /// ([`Clause::respective`]): the first run of values with only separators between goes,
    /// one by one, to the terms listed before it, each term the holders between two separators,
    /// and each value to its term's last holder, as if it stood right after that term.
    fn pair_respectively(&self, kind: ValueKind, holders: &[usize], out: &mut Assignment) {
        let ranges = self.values(kind).ranges(kind);
        let Some(i) = (0..ranges.len().saturating_sub(1)).find(|&i| self.only_separators(ranges[i].1, ranges[i + 1].0))
        else {
            return;
        };
        let run = 1 + (i + 1..ranges.len()).take_while(|&j| self.only_separators(ranges[j - 1].1, ranges[j].0)).count();
        let mut terms: Vec<usize> = Vec::new();
        let mut earliest = usize::MAX;
        for &h in holders.iter().rev() {
            let o = &self.occ[h];
            let (first, last) = (o.first as usize, o.last as usize);
            if last >= ranges[i].0 {
                continue;
            }
            if self.strongest(last, ranges[i].0) == Break::Sentence {
                break;
            }
            if earliest == usize::MAX || self.separated(last, earliest) {
                if terms.len() == run {
                    break;
                }
                terms.push(h);
            }
            earliest = earliest.min(first);
        }
        if terms.len() == run {
            for (k, &h) in terms.iter().rev().enumerate() {
                out[i + k] = Some(h);
            }
        }
    }

    /// The most words any concept of the sentence spans past its first.
    fn longest(&self) -> usize {
        *self.found.longest.get_or_init(|| self.occ.iter().map(|o| (o.last - o.first) as usize).max().unwrap_or(0))
    }

    /// The sentence's occurrences of `list` (with their indices in `occ`) whose first word is
    /// in `lo..hi`, by concept and then in order.
    fn occurrences<'s>(
        &'s self,
        list: &'s [ConceptId],
        (lo, hi): (u32, u32),
    ) -> impl Iterator<Item = (usize, &'s Occurrence)> + 's {
        // A concept the sentence does not name needs no index: most sentences name none of a
        // rule's `without` concepts.
        list.iter().filter(|&&c| self.named.contains(c)).flat_map(move |&c| {
            let index = self.found.by_concept.get_or_init(|| {
                let mut index: Vec<_> = self.occ.iter().enumerate().map(|(i, o)| (o.concept, i as u32)).collect();
                index.sort_unstable();
                index
            });
            let from = index.partition_point(|&(x, i)| x < c || (x == c && self.occ[i as usize].first < lo));
            index[from..]
                .iter()
                .take_while(move |&&(x, i)| x == c && self.occ[i as usize].first < hi)
                .map(|&(_, i)| (i as usize, &self.occ[i as usize]))
        })
    }

    /// The occurrences of `list` in the sentence and its lead-in.
    fn named_in_all<'s>(&'s self, list: &'s [ConceptId]) -> impl Iterator<Item = &'s Occurrence> + 's {
        let lead = self.lead.iter().filter(|x| list.contains(&x.concept));
        self.occurrences(list, (0, u32::MAX)).map(|(_, x)| x).chain(lead)
    }

    /// The words where a concept in the clause of `anchor` (see [`Clause::same_clause`]) may
    /// start: from the last sentence break before it, less the longest concept, to the first
    /// clause break after it.
    fn clause_reach(&self, anchor: &Occurrence) -> (u32, u32) {
        let (a, b) = (anchor.first as usize, anchor.last as usize);
        let (Some(ra), Some(rb)) = (
            a.checked_sub(self.first_word).and_then(|a| self.breaks.get(a)),
            b.checked_sub(self.first_word).and_then(|b| self.breaks.get(b)),
        ) else {
            return (0, u32::MAX);
        };
        let from = self.first_word + self.breaks.partition_point(|r| r[2] < ra[2]);
        let to = self.first_word + self.breaks.partition_point(|r| r[1] <= rb[1]);
        (from.saturating_sub(self.longest()) as u32, to as u32)
    }

    /// Whether one of `list` stands within two words after (or before) a value at `span`.
    /// Only the concepts that start near it are read: a sentence of thousands of rows is not
    /// searched again for each of its values.
    fn near_value(&self, list: &Concepts, span: Span, after: bool) -> bool {
        let (first, last, _) = span;
        let from = if after { last + 1 } else { first.saturating_sub(2 + self.longest()) };
        let to = if after { last + 3 } else { first };
        let near = self.starting_in(from as u32, to as u32);
        near_value(&self.occ[near], list, span, after)
    }

    /// Whether a `totals` word comes right after the value at `span` in its clause and names it
    /// as the whole of several: "kr 42 000 til saman", "three years in total".
    fn total_after(&self, (_, last, _): Span) -> bool {
        self.strongest(last, last + 1) == Break::None
            && self.occ[self.starting_in(last as u32 + 1, last as u32 + 2)]
                .iter()
                .any(|o| self.patterns.totals.contains(&o.concept))
    }

    /// A larger sum a cap word puts later in the sentence on sum `i`: what a grant or a cost
    /// can come to in all ("kr 30 000 i året, inntil kr 120 000 for hele studiet").
    fn capped_by(&self, i: usize) -> Option<usize> {
        let values = self.values(ValueKind::Amount);
        let capped = self.found.capped.get_or_init(|| {
            let caps = &self.patterns.caps;
            values.ranges(ValueKind::Amount).iter().map(|&r| self.near_value(caps, r, false)).collect()
        });
        let amounts = &values.amounts;
        (i + 1..amounts.len()).find(|&j| capped[j] && amounts[j].value > amounts[i].value)
    }

    /// The holder of each value of `kind` (see [`Clause::assign`]), on first use.
    fn assigned(&self, kind: ValueKind) -> &Assignment {
        self.assigned[kind_index(kind)].get_or_init(|| self.assign(kind))
    }

    /// The break before word `word` (a sentence break at the start of the sentence).
    fn brk(&self, word: usize) -> Break {
        word.checked_sub(1).map_or(Break::Sentence, |before| self.strongest(before, word))
    }

    /// The indices of the sentence's concepts whose first word is in `lo..hi`.
    fn starting_in(&self, lo: u32, hi: u32) -> std::ops::Range<usize> {
        self.occ.partition_point(|o| o.first < lo)..self.occ.partition_point(|o| o.first < hi)
    }

    /// The occurrences that start before word `w` early enough to end within `words` words of
    /// it: none starts further back than the sentence's longest concept reaches.
    fn starting_near(&self, w: u32, words: u32) -> std::ops::Range<usize> {
        self.starting_in(w.saturating_sub(words + self.longest() as u32), w)
    }

    /// Negates every concept that starts at word `first`.
    fn negate_at(&mut self, first: u32) {
        for k in self.starting_in(first, first + 1) {
            self.negated[k] = true;
        }
    }

    /// Whether a concept passed over by negation starts at word `first`.
    fn transparent_at(&self, first: u32) -> bool {
        self.transparent.binary_search(&first).is_ok()
    }

    /// Whether a rule anchors on `o`'s concept.
    fn anchors(&self, o: &Occurrence) -> bool {
        !self.patterns.by_anchor[o.concept as usize].is_empty()
    }

    /// The categories (by index) of the rules that anchor on concept `c`.
    fn kinds(&self, c: ConceptId) -> impl Iterator<Item = usize> + '_ {
        self.patterns.by_anchor[c as usize].iter().map(|&r| self.patterns.rules[r].category)
    }

    /// The categories whose every rule anchored on concept `c` its negation denies: not one
    /// where it may state a prohibition ("skal ikkje kontakte kundar" is the clause itself).
    fn denied_kinds(&self, c: ConceptId) -> impl Iterator<Item = usize> + '_ {
        let (rules, on) = (&self.patterns.rules, &self.patterns.by_anchor[c as usize]);
        on.iter()
            .map(|&r| rules[r].category)
            .filter(move |&k| on.iter().all(|&r| rules[r].category != k || rules[r].negatable))
    }

    /// Whether word `i` is one of `words` (ignoring ASCII case).
    fn word_is(&self, i: u32, words: &[impl AsRef<str>]) -> bool {
        self.scan
            .words
            .get(i as usize)
            .is_some_and(|w| words.iter().any(|x| self.text[w.start..w.end].eq_ignore_ascii_case(x.as_ref())))
    }

    /// The strongest break between words `a` and `b` (a < b).
    fn strongest(&self, a: usize, b: usize) -> Break {
        if b <= a {
            return Break::None;
        }
        let (Some(ra), Some(rb)) = (
            a.checked_sub(self.first_word).and_then(|a| self.breaks.get(a)),
            self.breaks.get(b.wrapping_sub(self.first_word)),
        ) else {
            return Break::Sentence;
        };
        [(Break::Sentence, 2), (Break::Clause, 1), (Break::Field, 0)]
            .into_iter()
            .find(|&(_, level)| rb[level] > ra[level])
            .map_or(Break::None, |(b, _)| b)
    }

    fn is(&self, o: &Occurrence, list: &Concepts) -> bool {
        list.contains(&o.concept)
    }

    /// Negates the label that ends before word `end` and holds the concept at word `first`:
    /// the clause its first anchor names and every concept of the label that names the same
    /// kind of clause.
    fn negate_label(&mut self, first: u32, end: u32) {
        // A label is a few words: look back at most eight for its start.
        let label_start = (first.saturating_sub(8) as usize..=first as usize)
            .rev()
            .find(|&w| self.brk(w) >= Break::Field)
            .unwrap_or(first.saturating_sub(8) as usize) as u32;
        let mut head: Option<Occurrence> = None;
        for k in self.starting_in(label_start, end) {
            let o = self.occ[k];
            if o.last >= end {
                continue;
            }
            self.negated[k] = match head {
                _ if !self.anchors(&o) => true,
                None => {
                    head = Some(o);
                    true
                }
                Some(h) => self.kinds(o.concept).any(|c| self.kinds(h.concept).any(|x| x == c)),
            };
        }
    }

    /// ConText-style negation: a forward trigger negates the first concept after it (passing
    /// over transparent ones such as "plikt", "avtalt", "subject to") within its scope and
    /// clause; a backward trigger ("Nei", "ikke aktuelt", "does not apply") the concept
    /// right before it, across a field separator. An exception after the negated concept
    /// ("gjelder ikke ved oppsigelse fra arbeidsgiver", "unless") cancels it.
    fn negate(&mut self) {
        let neg = &self.patterns.negation;
        let n = self.occ.len();
        // "Arbeidstaker er ikke underlagt:" / "- konkurranseklausul": a forward trigger that
        // ends the lead-in (nothing but transparent concepts after it) negates the first
        // concept of each item.
        // So does a backward one with nothing before it to answer: "Følgjande punkt gjeld
        // ikkje for sesongtilsette:", "The following terms do not apply:".
        let trigger = |o: &Occurrence| self.is(o, &neg.forward) || self.is(o, &neg.backward);
        let lead_trigger = self.lead.iter().rposition(trigger).is_some_and(|t| {
            self.lead[t + 1..].iter().all(|o| self.is(o, &neg.transparent) || trigger(o))
                && (self.is(&self.lead[t], &neg.forward) || !self.lead[..t].iter().any(|o| self.anchors(o)))
        });
        if lead_trigger {
            if let Some(first) = self.occ.iter().find(|o| !self.transparent_at(o.first)).map(|o| o.first) {
                self.negate_at(first);
            }
        }
        // "Non-compete: –", "Konkurranseklausul (varighet): —/—", "Bindingstid: ÷": a form row
        // answered with a dash (or a pair of them, or the "÷" Norwegian forms write for none)
        // has none; as an answer it denies its whole label ("Binding period / repayment | -/-").
        let dashed = |a: &str| {
            // The check that stops at the first other character first: an answer may run long.
            a.chars().all(|c| matches!(c, '-' | '–' | '—' | '÷' | '/' | ' ')) && a.contains(['-', '–', '—', '÷'])
        };
        let answered: Vec<Occurrence> =
            self.occ.iter().filter(|o| self.answer(o).is_some_and(dashed)).copied().collect();
        for o in answered {
            self.negate_at(o.first);
            self.negate_label(o.first, o.last + 1);
        }
        for t in 0..n {
            let trig = self.occ[t];
            // A trigger hyphened to the next word is the first part of a compound and denies
            // nothing: "ikke-konkurranseklausul", "ikkje-medlem".
            let end = self.scan.words[trig.last as usize].end;
            if self.text[end..].strip_prefix('-').is_some_and(|r| r.starts_with(char::is_alphabetic)) {
                continue;
            }
            // "kan ikke slutte før … uten å betale tilbake", "may not resign … without repaying":
            // a `double` trigger after another forward or partitive one in its clause (not in a
            // second clause joined by "og", "and") denies that denial.
            // (Only the concepts at its own first word can share its words.)
            let double = |o: &Occurrence| {
                self.occ[self.starting_in(o.first, o.first + 1)]
                    .iter()
                    .any(|d| d.last == o.last && self.is(d, &neg.double))
            };
            // The denial a `double` trigger turns round does not deny either: "kan ikke sies opp
            // før tiltredelse uten at fristen overholdes" allows it only with the notice kept.
            // Positions first: in a text of nothing but triggers, only near pairs are looked at.
            let reach = 2 * neg.max_scope;
            let pair = |o: &Occurrence, d: &Occurrence| {
                o.last < d.first
                    && d.first - o.last <= reach
                    && (self.is(o, &neg.forward) || self.is(o, &neg.partitive))
                    && double(d)
                    && !double(o)
                    && self.strongest(o.last as usize, d.first as usize) < Break::Clause
                    && !(o.last + 1..d.first).any(|i| self.word_is(i, LIST_WORDS))
                    // "skal ikke betale erstatning om du sier opp uten varsel": the breach is the
                    // case a condition names, and the denial stands.
                    && !self.occ[self.starting_in(o.last + 1, d.first)].iter().any(|x| self.is(x, &neg.conditions))
                    && !(o.last + 1..d.first).any(|i| self.word_is(i, &neg.case_words))
            };
            // Whether a `double` trigger after this one turns its denial round.
            let turned_round =
                || self.occ[t + 1..].iter().take_while(|d| d.first <= trig.last + reach).any(|d| pair(&trig, d));
            if self.is(&trig, &neg.partitive) {
                // Every such concept in scope: the part itself may be one ("costs").
                let scope: Vec<u32> = self.occ[self.starting_in(trig.last + 1, trig.last + 2 * neg.max_scope + 1)]
                    .iter()
                    .filter(|o| {
                        o.first > trig.last
                            && o.first - trig.last <= 2 * neg.max_scope
                            && self.strongest(trig.last as usize, o.first as usize) < Break::Clause
                            && self.anchors(o)
                            && !self.transparent_at(o.first)
                    })
                    .map(|o| o.first)
                    .collect();
                // "No part of this support is to be paid back unless you resign within twelve
                // months": an exception that sets a length or a sum opens the clause; "Ingen av
                // partene kan si opp …, unntatt ved vesentlig mislighold" stays denied.
                // "Ingen av partene kan si opp med kortere varsel enn én måned" sets a minimum.
                // "Ingen av partene kan si opp … uten å gi en måneds varsel" allows it with the
                // notice given, as "kan ikke … uten å" does.
                if scope
                    .first()
                    .is_some_and(|&first| self.opens_clause(first, first, true) || self.limited_by_proviso(first))
                    || turned_round()
                {
                    continue;
                }
                for first in scope {
                    self.negate_at(first);
                }
                continue;
            }
            // Only the concepts that start within its reach before it can pair with it.
            let before = self.starting_near(trig.first, reach);
            if self.is(&trig, &neg.forward) && (self.occ[before].iter().any(|o| pair(o, &trig)) || turned_round()) {
                continue;
            }
            // "skal ikke i karensperioden ta ansettelse …": a preposition right after the
            // trigger opens an adverbial; a concept within its next two words is not what
            // is negated.
            let prep = trig.last + 1;
            let adverbial = self.scan.words.get(prep as usize).is_some_and(|w| {
                let word = &self.text[w.start..w.end];
                neg.adverbial.iter().any(|a| a.eq_ignore_ascii_case(word))
            });
            // A correlative pair names the persons, not the terms: "verken lærlingen eller dei
            // føresette skal betale", "neither you nor the Company is bound by any period of
            // notice" deny what follows the verb, past the names, within twice a trigger's scope.
            let paired = self.correlative(&trig);
            let scope = if paired { 2 * neg.max_scope } else { neg.max_scope };
            let forward = || {
                // With nothing but transparent concepts in scope, the first of them is what
                // is negated: "not subject to any conditions".
                let mut passed = None;
                // A denied condition passed on the way relays the denial to what it names, the
                // scope counting on from its end: "kan ikke gjøres betinget av at arbeidstakeren
                // tar en legeundersøkelse", "may not be made conditional on a medical examination".
                let mut from = trig.last;
                for o in &self.occ[t + 1..] {
                    if o.first <= trig.last || (paired && !self.anchors(o)) {
                        continue;
                    }
                    // Nor across a cell border: "Bindingstid: Ingen | Prøvetid: 6 mnd" answers
                    // the cell before it and leaves the next one alone.
                    // A list's first item may name no concept: "No fee, penalty or damages"
                    // (a list word after the concept: "ikkje gjeven, fell avtalen bort" is none).
                    if o.first.saturating_sub(from) > scope
                        || (self.strongest(trig.last as usize, o.first as usize) >= Break::Clause
                            && !(self.joined_over_item(trig.last as usize, o.first as usize)
                                && self.word_is(o.last + 1, LIST_WORDS)))
                        || self.bordered(trig.last, o.first)
                        || self.is(o, &neg.exceptions)
                        || self.is(o, &neg.conditions)
                    {
                        // So where its clause ends: "No conditions apply, and the offer stands".
                        return passed;
                    }
                    if !self.transparent_at(o.first) && !self.is(o, &neg.forward) {
                        if !(adverbial && o.first <= prep + 2) {
                            return Some(self.named_in(o).unwrap_or(o.first));
                        }
                        continue;
                    }
                    passed = passed.or(Some(o.first));
                    // Once: a chain of conditions relays no further, so the reach stays bounded.
                    if from == trig.last && self.is(o, &neg.relays) {
                        from = o.last;
                    }
                }
                passed
            };
            // The text between a concept and the word `to`.
            let gap = |o: &Occurrence, to: u32| {
                self.text[self.scan.words[o.last as usize].end..self.scan.words[to as usize].start].trim()
            };
            // Where the clause is written is part of its subject, and reaches further, past the
            // names in it: "The restrictive covenants in clause 18 of the Group template are
            // deleted", "Konkurranseklausulen i punkt 12 i malen til konsernet utgår".
            let located = || {
                let near = self.starting_near(trig.first, 2 * neg.max_scope);
                self.occ[near].iter().rev().filter(|o| o.last < trig.first).find(|o| {
                    trig.first - o.last <= 2 * neg.max_scope
                        && self.strongest(o.last as usize, trig.first as usize) < Break::Field
                        && !self.transparent_at(o.first)
                        && {
                            // After the concept or its head noun: "non-solicitation covenant in …".
                            let g = gap(o, trig.first);
                            std::iter::once(g).chain(g.split_once(' ').map(|(_, rest)| rest)).any(|g| {
                                g.split_once(' ').is_some_and(|(p, rest)| {
                                    ["i", "in", "under"].iter().any(|w| p.eq_ignore_ascii_case(w))
                                        && numbering::reference(rest).is_some()
                                })
                            })
                        }
                })
            };
            let backward = || {
                if let Some(o) = located() {
                    return Some(self.named_in(o).unwrap_or(o.first));
                }
                // "Punkt 14 (Konkurranseklausul) i arbeidsavtalen datert 02.11.2026 strykes", "The
                // repayment obligation in section 6 of your offer letter is waived": the document
                // a clause stands in, after a place word, is passed over to the clause it locates,
                // and its words do not count towards the scope.
                let mut reach = trig.first;
                // A label whose only clause word is a transparent one answers for it: "Forbehold
                // i tilbudet: Ingen" denies the condition once the offer it stands in is passed.
                let mut label = None;
                for o in self.occ[..t].iter().rev() {
                    if o.last >= reach {
                        continue;
                    }
                    if self.is(o, &neg.documents) && reach - o.last <= neg.max_scope {
                        let place = (o.first.saturating_sub(4)..o.first).rev().find(|&w| self.word_is(w, DOC_PLACES));
                        if let Some(place) =
                            place.filter(|&w| self.strongest(w as usize, reach as usize) < Break::Clause)
                        {
                            reach = place;
                            continue;
                        }
                    }
                    // Across a field separator only an answer that opens its field: "Punkt 8:
                    // Det er ikkje avtala …" is a sentence of its own. The subject may carry a
                    // modifier before its predicate: "The trial period used at the firm is waived".
                    // A name or reference in brackets is part of the subject: "Clause 12
                    // (Non-competition) shall not apply", "Konkurranseklausul (punkt 9) gjelder ikke".
                    // So in a form row, before the field it is answered in: "Non-competition (clause
                    // 14) | N/A", "Konkurranseklausul (punkt 12): Ikke aktuelt".
                    let gap = gap(o, reach);
                    let name = gap.strip_suffix([':', '|']).map_or(gap, str::trim_end);
                    let bracketed =
                        name == ")" || (name.starts_with('(') && name[1..].find(['(', ')']) == Some(name.len() - 2));
                    let brk = if !bracketed {
                        self.strongest(o.last as usize, reach as usize)
                    } else if name.len() < gap.len() {
                        Break::Field
                    } else {
                        Break::None
                    };
                    if reach - o.last > neg.max_scope
                        || brk >= Break::Clause
                        || (brk == Break::Field && self.brk(trig.first as usize) < Break::Field)
                    {
                        return None;
                    }
                    // The date of the document the clause stands in is part of its name: "Punkt 11
                    // i arbeidsavtalen av 1. september 2024 vert stroke", "… of 1 March 2024 is deleted".
                    if let Some(d) = self.dated_document(o, reach) {
                        reach = d;
                        continue;
                    }
                    if !self.transparent_at(o.first) {
                        return Some(self.named_in(o).unwrap_or(o.first));
                    }
                    if self.anchors(o) && self.strongest(o.last as usize, trig.first as usize) == Break::Field {
                        label = Some(o.first);
                    }
                }
                label
            };
            // A trigger looks its own way first, then the other: "ikke avtalt prøvetid",
            // "Prøvetid: ingen".
            // A forward trigger that ends its sentence answers what stands before it.
            let ends_clause = || {
                // "For the Restricted Period you will not:" leads in to what is forbidden.
                if self.text[self.scan.words[trig.last as usize].end..self.sentence.end].trim() == ":" {
                    return false;
                }
                let next = trig.last as usize + 1;
                // So does one whose clause ends on it before an exception: "Konkurranseklausul
                // avtales ikke, med mindre …", "is waived, unless …".
                let excepted = || {
                    self.brk(next) == Break::Clause
                        && self.occ[self.starting_in(next as u32, next as u32 + 1)]
                            .iter()
                            .any(|o| self.is(o, &neg.exceptions))
                };
                next >= self.scan.words.len()
                    || self.scan.words[next].start >= self.sentence.end
                    || self.brk(next) >= Break::Sentence
                    || self.bordered(trig.last, next as u32)
                    || excepted()
            };
            // A forward trigger in the words a split form skipped negates that form: "krev ikkje
            // kostnaden attende", "betaler ikke kurset tilbake" (the verb and its particle).
            let enclosing = || {
                // Only a concept that starts at most the longest span before it can enclose it.
                self.occ[self.starting_in(trig.last.saturating_sub(self.longest() as u32), trig.first)]
                    .iter()
                    .rev()
                    .find(|o| o.first < trig.first && o.last > trig.last && !self.transparent_at(o.first))
                    .map(|o| o.first)
            };
            // A comma-enclosed aside beside the trigger does not part it from its term.
            let target = if self.is(&trig, &neg.forward) {
                enclosing()
                    .or_else(|| self.answer_across_aside(&trig))
                    .or_else(|| forward().filter(|&w| !self.transparent_at(w)))
                    .or_else(|| self.across_aside(&trig))
                    .or_else(forward)
                    .or_else(|| if ends_clause() { backward() } else { None })
            } else if self.is(&trig, &neg.backward) {
                // After a formal subject that opens its clause the term it denies comes after it:
                // "Partene er enige om at det ikke skal gjelde noen konvensjonalbot"; not after an
                // inverted one, "Noen prøvetid vil det ikke bli avtalt".
                let formal = trig.first > 0 && self.word_is(trig.first - 1, FORMAL_SUBJECTS) && {
                    let subject = trig.first - 1;
                    self.brk(subject as usize) >= Break::Clause || self.word_is(subject - 1, COMPLEMENTIZERS)
                };
                (if formal { forward() } else { None })
                    .or_else(backward)
                    .or_else(|| self.across_aside(&trig))
                    .or_else(forward)
            } else {
                None
            };
            let Some(first) = target else { continue };
            // "Bindingstid / tilbakebetaling: Ingen": an answer negates its label, the clause its
            // first anchor names and every concept of the label that names the same kind of
            // clause; "Obligation to repay training costs on resignation: No" says nothing of
            // notice on resignation.
            let label = first < trig.first && self.strongest(first as usize, trig.first as usize) == Break::Field;
            if label {
                self.negate_label(first, trig.first);
            }
            // An exception right after the trigger or the negated concept makes it one:
            // "gjelder ikke ved oppsigelse fra arbeidsgiver", "no repayment unless …".
            // Further on in the sentence, an exception opens the clause that does bind: "is
            // not subject to any restriction on competition, save that …", "no clawback of
            // the bonus unless you resign …", "Neither party may terminate … except by".
            let after = trig.last.max(first);
            let excepted = self.starting_in(trig.last + 1, after + 3).any(|k| {
                let o = &self.occ[k];
                (o.first > after
                    && self.is(o, &neg.exceptions)
                    && !self.hypothetical(o, first)
                    && !self.excepts_other_matter(o, first))
                    || (o.first <= trig.last + 1 && self.is(o, &neg.conditions) && !self.only_unstarted(o))
            }) || self.opens_clause(after, first, false)
                || self.limited_by_proviso(after);
            if excepted
                || (self.starting_in(first, first + 1).any(|k| self.is(&self.occ[k], &neg.failed_conditions))
                    && self.in_condition(&trig))
            {
                continue;
            }
            // "Bindingstid: Det er ingen bindingstid knyttet til stillingen": an answer that
            // denies the very term its label names denies the label too, and so does one that
            // denies the label's clause in other words ("Konkurranseklausul: Det er ikke avtalt
            // noen begrensning i hvor du kan arbeide …"): every kind the label names is the
            // denied term's too. Not a trigger that opens an adverbial: "Kundeklausul: Du skal
            // ikkje i eitt år etter at du har slutta, selje …" forbids.
            if first > trig.last {
                let occ = self.occ;
                let named = &occ[self.starting_in(first, first + 1)];
                // A label is a few words: look back at most eight.
                for k in self.starting_in(trig.first.saturating_sub(8), trig.first) {
                    let o = occ[k];
                    // A denial before the colon is no label: "This offer is unconditional: it
                    // does not depend on references" says the same thing twice.
                    if o.last < trig.first
                        && !self.is(&o, &neg.denials)
                        && named.iter().any(|n| {
                            n.concept == o.concept
                                || (!adverbial
                                    && self.anchors(&o)
                                    && self.kinds(o.concept).all(|c| self.denied_kinds(n.concept).any(|x| x == c)))
                        })
                        && (self.answer(&o).is_some() || self.named_twice(&o))
                        && self.strongest(o.last as usize, trig.first as usize) == Break::Field
                    {
                        self.negated[k] = true;
                    }
                }
            }
            // The negation runs on through a list or a complement: "ingen konkurranseklausul
            // eller kundeklausul", "not liable for damages".
            let mut last_negated = first;
            let mut also = Vec::new();
            // "verken prøvetid eller adgang til å si opp før tiltredelse", "neither probation
            // nor any right to withdraw": the "eller"/"nor" of a correlative pair opens its
            // second item, and every concept a rule anchors on within twice the trigger's scope
            // after it is denied too, however many words name the item.
            let mut second = self.correlative(&trig).then_some(first);
            if first > trig.last {
                for o in &self.occ[t + 1..] {
                    if o.first <= last_negated || self.transparent_at(o.first) {
                        continue;
                    }
                    if let Some(or) = second.and_then(|after| self.second_item_opens(after, o)) {
                        second = None;
                        let item: Vec<u32> = self.occ[self.starting_in(or + 1, or + 2 * neg.max_scope + 1)]
                            .iter()
                            .filter(|x| x.first > or && x.first - or <= 2 * neg.max_scope)
                            .take_while(|x| {
                                self.strongest(or as usize, x.first as usize) < Break::Clause
                                    && !self.is(x, &neg.exceptions)
                                    && !self.is(x, &neg.conditions)
                            })
                            .filter(|x| !self.transparent_at(x.first) && self.anchors(x))
                            .map(|x| x.first)
                            .collect();
                        if let Some(&end) = item.last() {
                            also.extend(item);
                            last_negated = end;
                            continue;
                        }
                    }
                    // A list runs on for a few items, within twice the trigger's scope; the
                    // words that join it do not count ("not pay any fee or penalty"). A
                    // condition or an exception ends it, as a terminator ends a ConText
                    // trigger's scope ("ikke fremkommer opplysninger ved sikkerhetsklarering").
                    // (Stops at the third word that counts: the gap may be a long sentence.)
                    if (last_negated + 1..o.first).filter(|&i| !self.word_is(i, LIST_WORDS)).nth(2).is_some()
                        || o.first - trig.last > 2 * neg.max_scope
                        || !(self.joined(last_negated as usize, o.first as usize)
                            || self.joined_over_item(last_negated as usize, o.first as usize))
                        || self.is(o, &neg.exceptions)
                        || self.is(o, &neg.conditions)
                        || !self.listed(last_negated, o)
                        // A condition's clause ends at its comma: "Består ikke kandidaten
                        // kurset, faller tilbudet bort, og …" denies no more than the course.
                        || (self.strongest(last_negated as usize, o.first as usize) >= Break::Clause
                            && self.in_condition(&trig))
                    {
                        break;
                    }
                    also.push(o.first);
                    last_negated = o.first;
                }
            }
            for p in also {
                self.negate_at(p);
            }
            // The negated concept, and the transparent ones passed over on the way ("not
            // SUBJECT TO any conditions" negates the condition that "subject to" also names).
            let (lo, hi) = if first > trig.last { (trig.last + 1, first) } else { (first, first) };
            if !label {
                self.negate_at(first);
                // "Clause 11 (Non-solicitation of clients) is deleted", "bestemmelsen om erstatning
                // ved manglende tiltredelse skal ikke gjelde": a backward trigger after a clause's
                // name in brackets, or after a provision named by what it is about, denies every
                // clause word of that name.
                if first < trig.first && self.is(&trig, &neg.backward) {
                    for w in self.clause_name(first, trig.first) {
                        self.negate_at(w);
                    }
                }
                // "Oppsigelse før oppstart er ikke aktuelt": an answer (a backward trigger) after
                // a term of two concepts with nothing between them denies the whole term.
                if let Some(head) =
                    (first < trig.first && self.is(&trig, &neg.backward)).then(|| self.joined_before(first)).flatten()
                {
                    self.negate_at(head);
                }
            }
            for k in self.starting_in(lo, hi) {
                if self.transparent_at(self.occ[k].first) {
                    self.negated[k] = true;
                }
            }
        }
        // "fullt stillingsvern fra første dag" denies a probation by itself; "står ikke fritt
        // til å ta arbeid hos en konkurrent" denies the denial.
        for k in 0..n {
            if self.is(&self.occ[k], &neg.denials) {
                self.negated[k] = !self.negated[k];
            }
        }
    }

    /// Whether forward trigger `trig` stands in a condition: a CONDITIONAL a few words before it
    /// in its clause ("hvis du ikke …", "dersom attesten ikkje …"), or a sentence that opens
    /// with a finite verb and asks nothing ("Foreligger ikke politiattest …"). A further condition
    /// joined by "and"/"or" belongs to the same opener however long the first one runs ("if the
    /// review finds that … and no licence can be obtained").
    fn in_condition(&self, trig: &Occurrence) -> bool {
        let neg = &self.patterns.negation;
        let reach = if trig.first > 0 && self.word_is(trig.first - 1, LIST_WORDS) { 20 } else { 4 };
        // Only the concepts that start within its reach before it are read.
        let near = self.starting_near(trig.first, reach);
        let opener = self.occ[near].iter().any(|o| {
            o.last < trig.first
                && trig.first - o.last <= reach
                && self.is(o, &neg.conditions)
                && self.strongest(o.last as usize, trig.first as usize) < Break::Clause
        });
        opener || {
            let first = self.first_word as u32;
            trig.first > first
                && trig.first - first <= 3
                && self.strongest(self.first_word, trig.first as usize) < Break::Clause
                && self.word_is(first, &neg.verb_first)
                && !self.text[self.sentence.start..self.sentence.end].trim_end().ends_with('?')
        }
    }

    /// The word after a `documents` concept right before `o` when all from it to word `reach`
    /// is the document's date: "arbeidsavtalen av 1. september 2024", "the contract dated 1 May 2024".
    fn dated_document(&self, o: &Occurrence, reach: u32) -> Option<u32> {
        let docs = &self.patterns.negation.documents;
        let near = self.starting_in(o.first.saturating_sub(8), o.first);
        let d = self.occ[near].iter().rev().find(|d| d.last < o.first && o.first - d.last <= 3 && self.is(d, docs))?;
        let w = &self.scan.words;
        let rest = self.text[w[d.last as usize].end..w[reach as usize].start].trim();
        let date = rest.split_once(' ').filter(|(lead, _)| self.dating(lead)).map_or(rest, |(_, date)| date);
        let dates = values::dates(date);
        (dates.len() == 1 && dates[0].start == 0 && dates[0].end == date.len()).then_some(d.last + 1)
    }

    /// Whether `word` puts a document's date after its name (grammar.toml `negation.dated`).
    fn dating(&self, word: &str) -> bool {
        self.patterns.negation.dated.iter().any(|x| word.eq_ignore_ascii_case(x))
    }

    /// The first words of the concepts a rule anchors on in the name of a clause that the
    /// concept at word `first` stands in, before a backward trigger at word `trig`: the words
    /// in brackets when a bracket closes after it ("(Non-solicitation of clients)"), or those
    /// after a `provisions` concept before it in its clause ("bestemmelsen om erstatning ved
    /// manglende tiltredelse").
    fn clause_name(&self, first: u32, trig: u32) -> Vec<u32> {
        let w = &self.scan.words;
        let start = w[first as usize].start;
        let opened = self.text[self.sentence.start..start].rfind('(').map(|i| self.sentence.start + i);
        let closes = |from: usize| self.text[from..w[trig as usize].start].contains(')');
        let from = match opened {
            Some(open) if closes(start) && !self.text[open..start].contains(')') => {
                Some(self.scan.word_at(open) as u32)
            }
            _ => self.occ[..self.starting_in(first, first + 1).start]
                .iter()
                .rev()
                .take_while(|p| first - p.last <= 2 * self.patterns.negation.max_scope)
                .find(|p| {
                    self.is(p, &self.patterns.negation.provisions)
                        && self.strongest(p.last as usize, trig as usize) < Break::Clause
                })
                .map(|p| p.last + 1),
        };
        let Some(from) = from else { return Vec::new() };
        self.occ[self.starting_in(from, trig)]
            .iter()
            .filter(|o| o.last < trig && self.anchors(o) && !self.transparent_at(o.first))
            .map(|o| o.first)
            .collect()
    }

    /// A comma-enclosed aside that opens at word `at` (forwards) or closes right before it: a
    /// few words between two commas that deny, except and condition nothing ("med tanke på din
    /// erfaring frå oss", "in view of your prior service"). Its first and last word.
    fn aside(&self, at: u32, forwards: bool) -> Option<(u32, u32)> {
        let w = &self.scan.words;
        let comma = |k: usize| {
            k > self.first_word
                && k < self.end_word
                && self.brk(k) == Break::Clause
                && self.text[w[k - 1].end..w[k].start].contains(',')
        };
        if !comma(at as usize) {
            return None;
        }
        // The word after the aside's other comma (forwards), or its first word.
        let mut other = (1..=10u32).filter_map(|n| if forwards { Some(at + n) } else { at.checked_sub(n) });
        let (first, last) = loop {
            let k = other.next()?;
            if comma(k as usize) {
                break if forwards { (at, k - 1) } else { (k, at - 1) };
            }
            if self.brk(k as usize) > Break::None {
                return None;
            }
        };
        let neg = &self.patterns.negation;
        let plain = |o: &Occurrence| {
            ![&neg.forward, &neg.backward, &neg.partitive, &neg.exceptions, &neg.conditions]
                .iter()
                .any(|l| self.is(o, l))
        };
        self.occ[self.starting_in(first, last + 1)].iter().all(plain).then_some((first, last))
    }

    /// What a trigger beside an aside denies: past an aside after it, the first concept but a
    /// transparent one ("Det vil ikkje, etter avtale, gjelde nokon bindingstid"), or with none,
    /// the term before the trigger ("A probationary period will not, in view of …, be
    /// agreed"); past an aside before it, the term right before the aside, one or two verbs
    /// away ("Prøvetid vil, med tanke på …, ikke bli avtalt").
    fn across_aside(&self, trig: &Occurrence) -> Option<u32> {
        let scope = self.patterns.negation.max_scope;
        let term = |o: &Occurrence| !self.transparent_at(o.first) && !self.is(o, &self.patterns.negation.forward);
        let before = |w: u32| self.term_before(w).map(|o| self.named_in(&o).unwrap_or(o.first));
        if let Some((_, last)) = self.aside(trig.last + 1, true) {
            let next = self.occ[self.starting_in(last + 1, last + 1 + scope)]
                .iter()
                .take_while(|o| self.strongest(last as usize + 1, o.first as usize) < Break::Clause)
                .find(|o| term(o));
            if let Some(o) = next {
                return Some(self.named_in(o).unwrap_or(o.first));
            }
            // Only the predicate follows: it denies the term before the trigger.
            let rest = self.occ[self.starting_in(last + 1, self.end_word as u32)]
                .iter()
                .take_while(|o| self.strongest(last as usize + 1, o.first as usize) < Break::Clause);
            if rest.clone().all(|o| !term(o)) {
                return before(trig.first);
            }
            return None;
        }
        let (first, _) = self.aside(trig.first, false)?;
        before(first)
    }

    /// The term one or two verbs before word `w` ("Prøvetid vil", "Bindingstid skal"), in the
    /// same clause.
    fn term_before(&self, w: u32) -> Option<Occurrence> {
        self.occ[self.starting_near(w, 3)]
            .iter()
            .rev()
            .filter(|o| o.last < w && !self.transparent_at(o.first))
            .find(|o| w - o.last <= 3 && self.strongest(o.last as usize, w as usize - 1) < Break::Clause)
            .filter(|o| !self.is(o, &self.patterns.negation.forward))
            .copied()
    }

    /// What a forward trigger right after an aside denies when the verb before the aside and
    /// the words from the trigger on make a backward trigger, read without the aside: the term
    /// before the verb. "Probation will, as agreed, not apply to this role" is "Probation will
    /// not apply …", and "Prøvetid vil, som avtalt, ikke gjelde for stillingen" is "… vil
    /// ikke gjelde …"; the role is not what is denied.
    fn answer_across_aside(&self, trig: &Occurrence) -> Option<u32> {
        let (first, _) = self.aside(trig.first, false)?;
        let term = self.term_before(first)?;
        let w = &self.scan.words;
        let verbs = (first - term.last - 1) as usize;
        let verb_text =
            if verbs == 0 { "" } else { &self.text[w[term.last as usize + 1].start..w[first as usize - 1].end] };
        let read = format!("{verb_text} {}", &self.text[w[trig.first as usize].start..self.sentence.end]);
        let scan = self.patterns.lexicon.scan(&read);
        // With no verb before the aside, an answer that is only the trigger's own words ("no",
        // "ingen") answers nothing: "Before your first day, 1 May 2027, no notice is needed"
        // denies the notice after it.
        let own = (trig.last - trig.first) as usize;
        scan.occurrences
            .iter()
            .any(|o| {
                o.first as usize <= verbs.saturating_sub(1)
                    && o.last as usize >= verbs
                    && (verbs > 0 || o.last as usize > own)
                    && self.patterns.negation.backward.contains(&o.concept)
            })
            .then(|| self.named_in(&term).unwrap_or(term.first))
    }

    /// Whether a proviso after word `after` of a denial limits it to its case:
    /// "Det vert ikkje kravd erstatning …, så sant han gjev melding minst éin månad før" and
    /// "neither party may end it at shorter notice than one month" bind otherwise. It must set a
    /// length or a sum: "provided that you tell us as early as possible" keeps the denial.
    fn limited_by_proviso(&self, after: u32) -> bool {
        // Only the provisos after it are read, looked up by concept: a sentence of thousands
        // of denials is not searched again for each of them.
        let neg = &self.patterns.negation;
        self.occurrences(&neg.provisos, (after + 1, u32::MAX))
            .any(|(_, o)| self.strongest(after as usize, o.first as usize) < Break::Sentence && self.sized_case(o))
    }

    /// Whether an exception after word `after` of a denial, in its sentence, opens the
    /// clause the denial of word `first` would deny: "is not subject to any restriction on
    /// competition, save that …", "no clawback of the bonus unless you resign …". With `sized`,
    /// only one whose case sets a length or a sum.
    fn opens_clause(&self, after: u32, first: u32, sized: bool) -> bool {
        // Only the exceptions after it are read, looked up by concept (see
        // [`Clause::limited_by_proviso`]).
        let neg = &self.patterns.negation;
        self.occurrences(&neg.exceptions, (after + 1, u32::MAX)).any(|(_, o)| {
            self.strongest(after as usize, o.first as usize) < Break::Sentence
                && (!sized || self.sized_case(o))
                && !self.excepts_no_clause(o, first)
                && !self.hypothetical(o, first)
                && !self.excepts_other_matter(o, first)
        })
    }

    /// Whether the exception `e` names a thing that no rule reads, first in its scope: "med
    /// unntak av taushetsplikten", "except for your duty of confidentiality" keep a duty of
    /// confidence, not a clause, and the denial before them stands. An exception that opens
    /// a condition ("except where you leave within 18 months") or names what a clause states
    /// of the kind denied at word `denied` ("no repayment …, unless the employee leaves within
    /// six months") opens the clause that binds; "… unless there is a material breach" names
    /// no part of a notice before the start, and the denial of one stands.
    fn excepts_no_clause(&self, e: &Occurrence, denied: u32) -> bool {
        let (neg, p) = (&self.patterns.negation, self.patterns);
        let states = |c: ConceptId| self.states(c, denied);
        let named = self.occ[self.starting_in(e.last + 1, e.last + 1 + neg.max_scope)]
            .iter()
            .find(|o| !self.transparent_at(o.first))
            .filter(|o| self.strongest(e.last as usize, o.first as usize) < Break::Clause)
            .map(|o| o.first);
        named.is_some_and(|w| {
            self.occ[self.starting_in(w, w + 1)].iter().all(|o| {
                p.by_anchor[o.concept as usize].is_empty() && !states(o.concept) && !self.is(o, &neg.conditions)
            })
        })
    }

    /// Whether the exception `e` right after the denial at word `denied` names only a case of
    /// another matter, to the end of its clause: "ingen konkurranseklausul, med mindre du senere
    /// går over i stilling som salgssjef", "no non-compete unless you later move into a sales
    /// role" speak of a change of role, and the denial stands as the agreement is made. A case
    /// that names a part of the clause denied, a condition or a length or sum ("no repayment
    /// unless you leave within six months") opens it.
    fn excepts_other_matter(&self, e: &Occurrence, denied: u32) -> bool {
        // A form that names its case itself ("dersom selskapet sier deg opp") is no bare
        // connective: it opens the clause as it always has.
        if e.last - e.first > 2 {
            return false;
        }
        let neg = &self.patterns.negation;
        !self.sized_case(e)
            && !self.occ[self.starting_in(e.last + 1, u32::MAX)]
                .iter()
                .take_while(|o| self.in_case(e, o.first as usize))
                .any(|o| self.states(o.concept, denied) || self.is(o, &neg.conditions))
    }

    /// Whether the case that the connective `e` opens states a length or a sum before its
    /// clause ends: "… unless you leave within six months", "så sant han gjev melding minst
    /// éin månad før".
    fn sized_case(&self, e: &Occurrence) -> bool {
        [ValueKind::Duration, ValueKind::Amount]
            .into_iter()
            .any(|kind| self.values(kind).ranges(kind).iter().any(|&(vf, _, _)| self.in_case(e, vf)))
    }

    /// Whether the other agreement `x`, named after this sentence in a paragraph about an
    /// employment, is denied to be part of a clause of `category` named before it in its own
    /// sentence: "The liquidated damages do not include loans", "Erstatningen omfatter ikke lån"
    /// leave the damages the paragraph asks of the employee his.
    fn set_apart(&self, x: &Occurrence, category: usize) -> bool {
        let (p, w) = (self.patterns, &self.scan.words);
        let between = |a: &Occurrence, b: &Occurrence| {
            a.last < b.first
                && !self.text[w[a.last as usize].end..w[b.first as usize].start].contains(['.', '!', '?', ';', '\n'])
        };
        (x.first as usize) >= self.end_word
            && self.paragraph.iter().any(|e| p.genre.employment.contains(&e.concept))
            && self.paragraph.iter().any(|y| {
                (y.first as usize) >= self.end_word
                    && p.by_anchor[y.concept as usize].iter().any(|&r| p.rules[r].category == category)
                    && self.paragraph.iter().any(|t| {
                        (p.negation.forward.contains(&t.concept) || p.negation.exceptions.contains(&t.concept))
                            && between(y, t)
                            && between(t, x)
                    })
            })
    }

    /// Whether word `w` stands in the case the connective `e` opens, before its clause ends.
    fn in_case(&self, e: &Occurrence, w: usize) -> bool {
        w > e.last as usize && self.strongest(e.last as usize, w) < Break::Clause
    }

    /// Whether concept `c` names a part of what a clause of the kind denied at word `denied`
    /// states: "leaves within six months" of a repayment.
    fn states(&self, c: ConceptId, denied: u32) -> bool {
        let p = self.patterns;
        self.occ[self.starting_in(denied, denied + 1)].iter().any(|d| {
            p.by_anchor[d.concept as usize].iter().any(|&r| p.clause_concepts[p.rules[r].category].contains(&c))
        })
    }

    /// Whether the exception `e` to the denial at word `denied` names a case of another matter
    /// and leads to what follows in it ("…, med mindre du flytter til en annen avdeling; i så
    /// fall …", "…, unless you relocate to another office, in which case …"): it tells what
    /// would follow if that came about, and the denial stands as the agreement is made. An
    /// exception that names a part of the clause denied ("no repayment, unless you leave
    /// within a year, in which case …") opens it, and so does one whose case the lexicon does
    /// not know.
    fn hypothetical(&self, e: &Occurrence, denied: u32) -> bool {
        let neg = &self.patterns.negation;
        // The first consequence after it, looked up by concept, and the concepts between.
        let Some((_, then)) = self.occurrences(&neg.consequences, (e.last + 1, u32::MAX)).min_by_key(|&(i, _)| i)
        else {
            return false;
        };
        let mut case = self.occ[self.starting_in(e.last + 1, then.first)].iter().peekable();
        case.peek().is_some() && case.all(|o| !self.states(o.concept, denied))
    }

    /// Whether the condition `c` names only the case of the work never starting, which ends its
    /// clause: "The non-compete does not apply if the employment is never commenced" denies the
    /// clause before the start, while "… gjelder ikke dersom du ikke tiltrer på grunn av sykdom"
    /// limits it to another case.
    fn only_unstarted(&self, c: &Occurrence) -> bool {
        let neg = &self.patterns.negation;
        self.occurrences(&neg.unstarted, (c.last + 1, u32::MAX)).any(|(_, u)| {
            self.strongest(c.last as usize, u.first as usize) < Break::Clause
                && self.strongest(u.last as usize, u.last as usize + 1) >= Break::Clause
        })
    }

    /// Gives each value to its holder: the nearest holder concept, before it by preference
    /// (after it for a genitive, "tre måneders oppsigelse"), never far, and at a cost for
    /// every clause break on the way. A value with no holder near stays free.
    fn assign(&self, kind: ValueKind) -> Assignment {
        // A concept that holds values only for a rule's `values_from` holds them where that rule's
        // anchor is in the sentence: "you must" is the employee's side of a notice, not of a stay.
        // The sentence's concepts are gathered once, and only where a scoped holder is among them:
        // a sentence of thousands of such holders is not read again for each.
        let scope_of = |c: ConceptId| &self.patterns.holder_scope[c as usize];
        let present: HashSet<ConceptId> = if self.occ.iter().any(|o| !scope_of(o.concept).is_empty()) {
            self.occ.iter().map(|o| o.concept).collect()
        } else {
            HashSet::new()
        };
        let scoped = |c: ConceptId| scope_of(c).is_empty() || scope_of(c).iter().any(|x| present.contains(x));
        let holders: Vec<usize> = (0..self.occ.len())
            .filter(|&k| {
                self.patterns.holders[self.occ[k].concept as usize].contains(&kind) && scoped(self.occ[k].concept)
            })
            .collect();
        let ranges = self.values(kind).ranges(kind);
        let mut out = Vec::with_capacity(ranges.len());
        for &(vf, vl, genitive) in ranges {
            // An English length in the singular between a determiner and the noun of a rule's
            // anchor modifies that noun, as a hyphened one does: "a 2 year bond", "an 18 month
            // bond" (not "within 24 month you must", nor "Notice is one week both ways"). The
            // holders that start right after it are found by halving, not by reading them all.
            let genitive = genitive
                || (kind == ValueKind::Duration
                    && vf > self.first_word
                    && self.brk(vf) == Break::None
                    && self.word_is(vf as u32 - 1, &self.patterns.determiners)
                    && holders[holders.partition_point(|&h| (self.occ[h].first as usize) <= vl)..]
                        .iter()
                        .take_while(|&&h| self.occ[h].first as usize == vl + 1)
                        .any(|&h| !self.patterns.by_anchor[self.occ[h].concept as usize].is_empty())
                    && self.brk(vl + 1) == Break::None
                    && unit_after(&self.text[self.scan.words[vf].start..self.scan.words[vl].end], ' '));
            let mut best: Option<(u32, usize)> = None;
            // Only holders that start near enough can be near: not every holder of a sentence
            // of thousands of rows for each of its values.
            let (lo, hi) = (vf.saturating_sub(14 + self.longest()), vl + 15);
            let near = holders.partition_point(|&h| (self.occ[h].first as usize) < lo)
                ..holders.partition_point(|&h| (self.occ[h].first as usize) < hi);
            for &h in &holders[near] {
                let o = self.occ[h];
                let (first, last) = (o.first as usize, o.last as usize);
                if last + 14 < vf || vl + 14 < first {
                    continue;
                }
                let cost = if last < vf {
                    let b = self.strongest(last, vf);
                    // A keeper that holds a value of its own holds none across its colon: "2 to 5
                    // years of service: 6 weeks" is a band and what it is for. The values do not
                    // overlap, so only the last one to start within the keeper can be its own.
                    let own = || {
                        let before = ranges.partition_point(|r| r.0 <= last).checked_sub(1).map(|k| ranges[k].1);
                        self.patterns.keepers.contains(&o.concept)
                            && before.is_some_and(|l| {
                                l >= first || (l + 1 == first && self.strongest(l, first) == Break::None)
                            })
                    };
                    let brk = match b {
                        Break::Field if own() => continue,
                        Break::None | Break::Field => 0,
                        Break::Clause => 4,
                        Break::Sentence => continue,
                    };
                    (vf - last) as u32 + brk + if genitive { 3 } else { 0 } + self.conjunctions(last, vf)
                } else if first > vl {
                    if self.patterns.holds_forward.contains(&o.concept) {
                        continue;
                    }
                    let b = self.strongest(vl, first);
                    let brk = match b {
                        Break::None => 0,
                        Break::Clause => 4,
                        Break::Field | Break::Sentence => continue,
                    };
                    // A role filling a bracket right after the value is the role of that value: "1
                    // måned (i prøvetid), 3 måneder (etter prøvetid)".
                    if self.patterns.roles.as_ref().is_some_and(|r| r.during == o.concept || r.after == o.concept)
                        && bracket_after(self.text, &self.scan.words, vl) == Some((first, last))
                    {
                        0
                    } else {
                        (first - vl) as u32 + brk + if genitive { 0 } else { 1 } + self.conjunctions(vl, first)
                    }
                } else if first > vf
                    && !genitive
                    && self.brk(last + 1) < Break::Clause
                    && ranges.binary_search_by_key(&(last + 1), |r| r.0).is_ok()
                {
                    // A holder begun on the value's unit names what it measures ("3 mnd
                    // oppsigelse", "6 mnd prøve, 3 mnd …"), unless a value follows it in its
                    // clause: then it labels that one, in a row run together ("Prøvetid 3 mnd
                    // oppsigelse 1 mnd").
                    continue;
                } else {
                    0
                };
                if cost <= 14 && best.is_none_or(|(c, _)| cost < c) {
                    best = Some((cost, h));
                }
            }
            out.push(best.map(|(_, h)| h));
        }
        if ranges.len() > 1 && self.respective() {
            self.pair_respectively(kind, &holders, &mut out);
        }
        out
    }

    /// Whether only list words and small linking words (grammar.toml `negation.links`) stand
    /// between words `a` and `b` (commas allowed): "X eller Y", "X, Y og Z", "liable for damages".
    fn joined(&self, a: usize, b: usize) -> bool {
        let (w, links) = (&self.scan.words, &self.patterns.negation.links);
        self.strongest(a, b) <= Break::Clause
            && (a + 1..b).all(|i| {
                let word = &self.text[w[i].start..w[i].end];
                LIST_WORDS.iter().copied().chain(links.iter().map(String::as_str)).any(|l| word.eq_ignore_ascii_case(l))
            })
            && (a + 1..=b).all(|i| self.brk(i) != Break::Clause || self.text[w[i - 1].end..w[i].start].contains(','))
    }

    /// The concept a rule anchors on that `o` names the source of, when `o` anchors none and
    /// follows it after a preposition of place: "reglane om prøvetid i tariffavtalen er sette
    /// ut av kraft", "the probation rules in the collective agreement do not apply" deny the
    /// probation, not the agreement.
    fn named_in(&self, o: &Occurrence) -> Option<u32> {
        const PLACES: &[&str] = &["i", "in", "etter", "under", "of", "av"];
        if self.anchors(o) {
            return None;
        }
        // Only one that starts near enough to end within two words of it can name it.
        self.occ[self.starting_near(o.first, 2)]
            .iter()
            .rev()
            .find(|x| x.last < o.first && !self.transparent_at(x.first))
            .filter(|x| {
                self.anchors(x)
                    && o.first - x.last <= 2
                    && self.word_is(x.last + 1, PLACES)
                    && self.strongest(x.last as usize, o.first as usize) < Break::Clause
            })
            .map(|x| x.first)
    }

    /// The concept a rule anchors on that ends right before word `first`, in the same clause,
    /// when a concept a rule anchors on starts at `first` too: two halves of one term, not a
    /// clause and its condition ("clawed back if you are no longer with us").
    fn joined_before(&self, first: u32) -> Option<u32> {
        let here = self.starting_in(first, first + 1);
        if !self.occ[here].iter().any(|x| self.anchors(x)) {
            return None;
        }
        self.occ[self.starting_near(first, 1)]
            .iter()
            .rev()
            .find(|x| x.last + 1 == first && !self.transparent_at(x.first))
            .filter(|x| self.anchors(x) && self.strongest(x.last as usize, first as usize) < Break::Clause)
            .map(|x| x.first)
    }

    /// Whether the trigger `trig` opens a correlative pair: "verken … eller", "neither … nor".
    fn correlative(&self, trig: &Occurrence) -> bool {
        trig.first == trig.last && self.word_is(trig.first, &["verken", "hverken", "korkje", "neither"])
    }

    /// The word of the "eller"/"nor" that opens a correlative pair's second item, between the
    /// first item's concept at word `after` and `o` (or `o` itself: "nor" is a trigger too), in
    /// the same clause; none when a concept other than `o` stands between the two.
    fn second_item_opens(&self, after: u32, o: &Occurrence) -> Option<u32> {
        let or = (after + 1..=o.first).find(|&i| self.word_is(i, &["eller", "nor"]))?;
        let between = self.starting_in(or + 1, o.first).any(|k| !self.transparent_at(self.occ[k].first));
        (self.strongest(after as usize, o.first as usize) < Break::Clause && !between).then_some(or)
    }

    /// Whether words `a` and `b` stand in one list with one item between that names no
    /// concept: a single word followed by a comma or a list word ("not pay any fee, penalty or
    /// compensation", "ikke betale bot, gebyr eller erstatning").
    fn joined_over_item(&self, a: usize, b: usize) -> bool {
        let w = &self.scan.words;
        (a + 1..b).any(|i| {
            let closed = self.text[w[i].end..w[i + 1].start].contains(',') || self.word_is(i as u32 + 1, LIST_WORDS);
            closed && self.starting_in(i as u32, i as u32 + 1).is_empty() && self.joined(a, i) && self.joined(i, b)
        })
    }

    /// Whether `o`, after the negated concept at word `last` with a bare comma between (no
    /// list word), is an item of the same list: of a kind the last one also names, or followed
    /// by a comma or a list word itself ("konkurranseklausul, kundeklausul eller
    /// rekrutteringsklausul"), not the next clause ("… innan tiltreding, fell tilbodet bort").
    fn listed(&self, last: u32, o: &Occurrence) -> bool {
        let w = &self.scan.words;
        let word = |i: usize| w.get(i).map_or("", |x| &self.text[x.start..x.end]);
        if self.strongest(last as usize, o.first as usize) < Break::Clause
            || (last as usize + 1..o.first as usize).any(|i| LIST_WORDS.iter().any(|l| word(i).eq_ignore_ascii_case(l)))
        {
            return true;
        }
        let same_kind = self.occ[self.starting_in(last, last + 1)]
            .iter()
            .any(|x| self.kinds(x.concept).any(|c| self.kinds(o.concept).any(|k| k == c)));
        let next = o.last as usize + 1;
        same_kind
            || (next < self.end_word
                && (self.brk(next) == Break::Clause && self.text[w[next - 1].end..w[next].start].contains(',')
                    || LIST_WORDS.iter().any(|l| word(next).eq_ignore_ascii_case(l))))
    }

    /// A cost of 2 for each "og", "and", "men", "but", "eller", "or" between words `a` and `b`:
    /// "14 days during probation and three months thereafter".
    fn conjunctions(&self, a: usize, b: usize) -> u32 {
        let w = &self.scan.words;
        (a + 1..b)
            .filter(|&i| {
                let word = &self.text[w[i].start..w[i].end];
                ["og", "and", "men", "but", "eller", "or"].iter().any(|c| word.eq_ignore_ascii_case(c))
            })
            .count() as u32
            * 2
    }

    /// Whether `item` is in the sentence or in `others` (within `near` words of an anchor, in
    /// words of its own: a phrase that is both the anchor and the item, "during the first three
    /// months", does not stand near itself) or, when `values`, stated as a value; without
    /// `values` an item that a value could satisfy counts as present, so that a rule is ruled
    /// out by its concepts before any value is parsed.
    fn present(
        &self,
        item: &AnyOf,
        others: &[&[Occurrence]],
        near: Option<(&Occurrence, u32, bool)>,
        values: bool,
    ) -> bool {
        // The others are the lead-in's and the heading's concepts.
        let named = item.concepts.iter().any(|&c| self.named.contains(c));
        // Of the sentence's own, only those that start near enough are read: a sentence of
        // thousands of rows is not searched again for each anchor.
        let own = match near {
            None => 0..self.occ.len(),
            Some((a, n, true)) => self.starting_in(a.last + 1, a.last + n + 1),
            Some((a, n, false)) => self.starting_in(a.first.saturating_sub(n + self.longest() as u32), a.first + n + 1),
        };
        named
            && [&self.occ[own]].into_iter().chain(others.iter().copied()).any(|pool| {
                pool.iter().any(|o| {
                    item.concepts.contains(&o.concept)
                        && near.is_none_or(|(a, n, after)| {
                            (o.first, o.last) != (a.first, a.last)
                                && if after {
                                    o.first > a.last && o.first - a.last <= n
                                } else {
                                    o.first.abs_diff(a.first) <= n || o.last.abs_diff(a.first) <= n
                                }
                        })
                })
            })
            || if values {
                item.values.iter().any(|&k| self.values(k).has(k) || self.lead_has(k))
            } else {
                !item.values.is_empty()
            }
    }

    /// Whether the list lead-in above the sentence states a value of `kind`.
    fn lead_has(&self, kind: ValueKind) -> bool {
        self.lead_span.is_some_and(|(start, end)| {
            self.lead_values
                .get_or_init(|| {
                    SentenceValues::parse(self.scan, self.text, start, end, &ValueKind::ALL, &self.patterns.bare_sums)
                })
                .has(kind)
        })
    }

    /// Whether `x` stands in the clause of `anchor`: after it with no comma between, or
    /// before it with no sentence break and no ", og" / ", and" between (a fronted phrase
    /// such as "I prøvetiden, …" or "During probation, …" governs the clause after it).
    fn same_clause(&self, x: &Occurrence, anchor: &Occurrence) -> bool {
        if x.first > anchor.last {
            return self.strongest(anchor.last as usize, x.first as usize) < Break::Clause
                && !self.labels_next_row(x, anchor)
                && !self.joined_terms(anchor, x);
        }
        if x.last >= anchor.first {
            return true;
        }
        let w = &self.scan.words;
        let (from, to) = (w[x.last as usize].end, w[anchor.first as usize].start);
        self.strongest(x.last as usize, anchor.first as usize) < Break::Sentence
            && !self.ends_term(x, anchor)
            && !self.joined_terms(x, anchor)
            && !self.joins_between(from, to)
            && !self.reported_between(x.last + 1, anchor.first)
    }

    /// Whether one of [`CLAUSE_JOINS`] stands wholly in `text[from..to]`. In the sentence they
    /// are looked up among the places found once for it: a sentence of thousands of terms is
    /// not searched again between each two.
    fn joins_between(&self, from: usize, to: usize) -> bool {
        let (start, end) = (self.sentence.start, self.sentence.end);
        if from >= to || from < start || to > end {
            let between = self.text.get(from..to).unwrap_or("");
            return CLAUSE_JOINS.iter().any(|j| between.contains(j));
        }
        let joins = self.found.joins.get_or_init(|| {
            let s = &self.text[start..end];
            // Every place, overlapping ones too, as `contains` would find them.
            CLAUSE_JOINS
                .iter()
                .map(|j| s.char_indices().filter(|&(i, _)| s[i..].starts_with(j)).map(|(i, _)| start + i).collect())
                .collect()
        });
        CLAUSE_JOINS.iter().zip(joins).any(|(j, at)| {
            let k = at.partition_point(|&p| p < from);
            at.get(k).is_some_and(|&p| p + j.len() <= to)
        })
    }

    /// Whether a reporting concept starts at a word in `lo..hi` and ends before `hi`.
    fn reported_between(&self, lo: u32, hi: u32) -> bool {
        if lo >= hi {
            return false;
        }
        let firsts = self.found.reporting.get_or_init(|| {
            self.occ.iter().filter(|r| self.patterns.reporting.contains(&r.concept)).map(|r| r.first).collect()
        });
        let k = firsts.partition_point(|&f| f < lo);
        if firsts.get(k).is_none_or(|&f| f >= hi) {
            return false;
        }
        // One that starts more than the longest concept before `hi` ends before it; the few
        // that start nearer are read.
        let near = hi.saturating_sub(self.longest() as u32);
        firsts[k] < near
            || self.occ[self.starting_in(lo.max(near), hi)]
                .iter()
                .any(|r| r.last < hi && self.patterns.reporting.contains(&r.concept))
    }

    /// Whether `a` and `b` after it are two terms of a list joined by "og"/"and", or by a comma
    /// right before the second one's figure, each with its own value before it ("seks måneders
    /// prøvetid og tre måneders oppsigelsesfrist", "6 mnd prøvetid, 3 mnd varsel"), not one
    /// phrase in which one qualifies the other ("oppsigelse på 14 dager i prøvetiden").
    fn joined_terms(&self, a: &Occurrence, b: &Occurrence) -> bool {
        let w = &self.scan.words;
        // A quote or bracket closing round the first term ends it ("My contract states \"One
        // month notice period\" and a 3 month probation").
        let between = self.text[w[a.last as usize].end..w[b.first as usize].start]
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '"' | '\'' | ')' | '»' | '”' | '’'));
        // A value of its own stands a few words before the term at most ("tre måneders gjensidig"),
        // or ends on the term's first word ("3 måneders oppsigelse", "3 mnd oppsigelse").
        let own_value = |o: &Occurrence, from: usize| self.holds_in(o, from, o.first as usize + 1, |_| true);
        // Listed with a comma, the first term opens its clause with its value or the second ends
        // its own ("6 mnd prøvetid, 3 mnd varsel"; "Avtala har 6 mnd prøvetid, 1 mnd varsel."),
        // not "During the six month probation, 14 days notice applies to both parties".
        let ends_clause = |o: &Occurrence| {
            let next = o.last as usize + 1;
            next >= w.len() || self.strongest(o.last as usize, next) >= Break::Clause
        };
        let listed =
            between.strip_prefix(',').is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
                && (self.value_opens_clause(a) || ends_clause(b));
        // Or each has its value after it, the first one's right before the "og"/"and" that opens
        // the second ("en oppsigelsestid på tre måneder og en prøvetid på seks måneder", "a
        // notice period of three months and a trial period of six months").
        let (at, next) = (b.first as usize, b.last as usize + 1);
        let value_then_and = |vl: usize| {
            self.word_is(vl as u32 + 1, &["og", "and"])
                && (vl + 2 == at || (vl + 3 == at && self.word_is(vl as u32 + 2, ARTICLES)))
        };
        let values_after = self.holds_in(a, a.last as usize + 1, at, value_then_and)
            && self.holds_in(b, next, (next + 4).min(w.len()), |_| true);
        // Or each takes its own of the values listed after both ("Prøvetid og oppsigelsesfrist
        // er henholdsvis seks og tre måneder").
        let paired = || {
            let whole = |o: &Occurrence| self.holds_in(o, self.first_word, self.end_word, |_| true);
            self.respective() && self.separated(a.last as usize, b.first as usize) && whole(a) && whole(b)
        };
        values_after
            || (between.starts_with("og ") || between.starts_with("and ") || listed)
                && own_value(a, (a.first as usize).saturating_sub(4))
                && own_value(b, a.last as usize + 1)
            || paired()
    }

    /// Whether `x`, before `anchor`, is a term of its own: it holds a value that ends right
    /// before the anchor, so a list of terms goes on there ("Prøvetid 6 mnd, oppsigelsestid
    /// 3 mnd"; "Probation: 6 months Notice period: 1 month"), not a phrase that governs the
    /// anchor ("prøvetid på 6 måneder med 14 dagers oppsigelse"). A term whose own value stands
    /// before it ("6 months probation with 14 days notice") has the length after it for the
    /// phrase it governs.
    /// So is one that opens its clause with its own value before it, where the anchor after a
    /// comma has its own value before it too: "6 months probation, 1 month notice both ways"
    /// lists two terms ("During the six-month probation, 14 days' notice applies" does not).
    fn ends_term(&self, x: &Occurrence, anchor: &Occurrence) -> bool {
        // A template's row left blank ends there as well: "Prøvetid: [provetid] Oppsigelsestid:
        // [oppsigelsestid]", "Probation: ___ Notice period: ___".
        let w = &self.scan.words;
        let (first, last, at) = (x.first as usize, x.last as usize, anchor.first as usize);
        let between = &self.text[w[last].end..w[at].start];
        let blank_row = between.trim_start().strip_prefix(':').is_some_and(|answer| blank(answer.trim()));
        // The blank's own name ("[provetid]") is no phrase that governs the anchor either.
        let field_name = self.text[..w[first].start].ends_with('[') && between.starts_with(']');
        blank_row
            || field_name
            // Its value may end on the anchor's first word: "Prøvetid 3 mnd oppsigelse 1 mnd".
            || (self.holds_in(x, last + 1, at + 1, |vl| vl + 1 >= at)
                && !self.holds_in(x, first.saturating_sub(4), first, |_| true))
            || (self.strongest(last, at) == Break::Clause
                && self.holds_in(anchor, last + 1, at, |vl| vl + 1 == at)
                && self.value_opens_clause(x))
    }

    /// Whether `o` has its own value right before it, at the start of its clause ("6 months
    /// probation, …"; not "During the six month probation").
    fn value_opens_clause(&self, o: &Occurrence) -> bool {
        let first = o.first as usize;
        ValueKind::ALL.iter().any(|&kind| {
            self.values(kind).ranges(kind).iter().any(|r| r.1 + 1 == first && self.brk(r.0) >= Break::Clause)
        })
    }

    /// Whether `x`, after `anchor`, labels the next row of a form whose rows run together on
    /// one line: the anchor's row has its value before it ("Oppseiingstid: 1 mnd Tiltreding:
    /// 15.02.2027 Prøvetid: nei").
    fn labels_next_row(&self, x: &Occurrence, anchor: &Occurrence) -> bool {
        self.answer(x).is_some() && self.holds_in(anchor, anchor.last as usize + 1, x.first as usize, |_| true)
    }

    /// Whether occurrence `h` holds a value of any kind within words `a..b` whose last word
    /// `last` accepts.
    fn holds_in(&self, h: &Occurrence, a: usize, b: usize, last: impl Fn(usize) -> bool) -> bool {
        ValueKind::ALL.iter().any(|&kind| {
            // The values are in text order.
            let ranges = self.values(kind).ranges(kind);
            let i = ranges.partition_point(|r| r.0 < a);
            let held =
                |k: Option<usize>| k.is_some_and(|k| self.occ[k].first == h.first && self.occ[k].concept == h.concept);
            (i..ranges.len())
                .take_while(|&j| ranges[j].1 < b)
                .any(|j| last(ranges[j].1) && held(self.assigned(kind)[j]))
        })
    }

    /// Whether a table's cell border stands between words `a` and `b` (a < b).
    fn bordered(&self, a: u32, b: u32) -> bool {
        let w = &self.scan.words;
        self.text[w[a as usize].end..w[b as usize].start].contains('|')
    }

    /// The anchor is a field label: a ':', a cell border or a chat's spaced '=' ("trial = 6
    /// mo"; "START=2027-11-01" in a line of other text is a code) follows it, also after a
    /// qualifier in brackets ("Notice (employee) | 2 months") or a few words that name the
    /// party ("Notice – given by Employee | 2 months").
    fn is_label(&self, o: &Occurrence) -> bool {
        let rest = self.label_rest(o);
        rest.starts_with([':', '|']) || rest.starts_with("= ") || rest.is_empty() || self.label_party(o).is_some()
    }

    /// The text after a field label `o`, past a qualifier in brackets and past a second term
    /// joined to it: "Prøvetid og oppsigelse: etter tariffavtalen", "Probation and notice: as in
    /// the collective agreement" label both terms, and the answer is each one's.
    fn label_rest(&self, o: &Occurrence) -> &str {
        let past_qualifier = |o: &Occurrence| self.qualified(o).map_or_else(|| self.after(o), |(_, rest)| rest);
        let rest = past_qualifier(o);
        let joined = ["og ", "and ", "& "].iter().find_map(|c| rest.strip_prefix(c)).and_then(|tail| {
            // The concepts are sorted by first word: the one that starts the tail is looked up.
            let at = self.sentence.end - tail.len();
            let word = self.scan.word_at(at);
            if self.scan.words.get(word).is_none_or(|w| w.start != at) {
                return None;
            }
            let word = word as u32;
            let from = self.occ.partition_point(|x| x.first < word);
            self.occ[from..].iter().take_while(|x| x.first == word).find(|x| self.anchors(x))
        });
        joined.map_or(rest, past_qualifier)
    }

    /// The party a field label names between its anchor and its separator, as its last word:
    /// "Notice by the Employee: …", "Oppseiingsfrist for arbeidstakar: …", "Notice period
    /// (employer): …". `Some(true)` for the employee, `Some(false)` for the employer.
    fn label_party(&self, o: &Occurrence) -> Option<bool> {
        // A qualifier is a few words in one field of the sentence (brackets and dashes may
        // stand in it), the separator right after its last one.
        let at = |w: usize| w.checked_sub(self.first_word).and_then(|i| self.breaks.get(i));
        let fields = |b: &[u32; 3]| (b[0] - b[1], b[2]);
        let anchor = fields(at(o.last as usize)?);
        let words = &self.scan.words;
        let last = (o.last as usize + 1..o.last as usize + 5).find(|&w| {
            matches!((at(w), at(w + 1)), (Some(b), Some(next)) if fields(b) == anchor && next[0] > b[0])
                && self.text[words[w].end..words[w + 1].start].contains([':', '|'])
        })?;
        let word = &self.text[words[last].start..words[last].end];
        let parties = &self.patterns.label_parties;
        let is = |list: &[String]| list.iter().any(|w| word.eq_ignore_ascii_case(w));
        if is(&parties.employee) {
            Some(true)
        } else {
            is(&parties.employer).then_some(false)
        }
    }

    /// Whether the sentence's subject names the employer and no other party: the words of the
    /// verb's clause before the first of the `labels` verbs, or where they name no party the
    /// two after it, as a Norwegian sentence may put them ("I prøvetida kan arbeidsgjevar …"),
    /// or else the agent of a passive ("may be terminated by the Company"). "The Company may
    /// terminate your employment without prior notice" denies the employer's side only; "Either
    /// you or the Company may …" denies both. A firm named by its own name ("Nordlys Regnskap AS
    /// may …") is the employer.
    fn employer_subject(&self) -> bool {
        let parties = &self.patterns.label_parties;
        let is = |list: &[String], word: &str| list.iter().any(|x| word.eq_ignore_ascii_case(x));
        let spans: Vec<_> =
            self.scan.words[self.first_word..].iter().take_while(|w| w.start < self.sentence.end).take(16).collect();
        let word = |w: &&Word| &self.text[w.start..w.end];
        let capital = |w: &&Word| word(w).starts_with(char::is_uppercase);
        // Any other party named makes it not the employer's alone.
        let party = |words: &[&Word]| {
            let other = words.iter().map(word).any(|w| is(&parties.employee, w) || is(&parties.others, w));
            let firm = words.windows(2).any(|p| is(&parties.firms, word(&p[1])) && capital(&p[0]) && capital(&p[1]));
            (other || firm || words.iter().map(word).any(|w| is(&parties.employer, w))).then_some(!other)
        };
        let breaks = |i: usize| self.text[spans[i - 1].end..spans[i].start].contains([',', ':', ';']);
        // A verb goes on to its clause: "at will:" ends one.
        let Some(verb) =
            (0..spans.len()).find(|&i| is(&parties.verbs, word(&spans[i])) && i + 1 < spans.len() && !breaks(i + 1))
        else {
            return false;
        };
        // An opening condition is no subject: "If you are absent, the Company may …".
        let clause = (1..verb).rev().find(|&i| breaks(i)).unwrap_or(0);
        let end = (verb + 1..spans.len()).find(|&i| breaks(i)).unwrap_or(spans.len());
        let agent = || {
            let by = (verb + 1..end).find(|&i| is(&parties.agents, word(&spans[i])))?;
            party(&spans[by + 1..end.min(by + 3)])
        };
        party(&spans[clause..verb])
            .or_else(|| party(&spans[verb + 1..end.min(verb + 3)]))
            .or_else(agent)
            .unwrap_or(false)
    }

    /// The answer of a field labelled by `o`: the text after its separator, to the next cell.
    fn answer(&self, o: &Occurrence) -> Option<&str> {
        let rest = self.label_rest(o).strip_prefix([':', '|'])?;
        let at = self.sentence.end - rest.len();
        let cells = self.found.cells.get_or_init(|| {
            let start = self.sentence.start;
            self.text[start..self.sentence.end].match_indices('|').map(|(i, _)| start + i).collect()
        });
        let end = cells.get(cells.partition_point(|&c| c < at)).map_or(rest.len(), |&c| c - at);
        Some(rest[..end].trim())
    }

    /// Whether the label `o` is followed by a second name of it after a slash, as a bilingual
    /// form gives it ("Bindingstid / Binding period: …"): the field's answer is both names'.
    fn named_twice(&self, o: &Occurrence) -> bool {
        let Some(rest) = self.after(o).strip_prefix('/') else { return false };
        rest.split_once([':', '|']).is_some_and(|(name, _)| {
            name.split_whitespace().count() <= 3 && name.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '-')
        })
    }

    /// A qualifier in brackets right after a label, which stays part of it: "Prøvetid (maks 6
    /// mnd.): …", "Notice (employee) | …". Gives the byte range inside the brackets and the
    /// rest of the sentence after them.
    fn qualified(&self, o: &Occurrence) -> Option<((usize, usize), &str)> {
        let after = self.after(o);
        let inner = after.strip_prefix('(')?;
        let close = inner.find(')')?;
        let open = self.sentence.end - after.len() + 1;
        Some(((open, open + close), inner[close + 1..].trim_start()))
    }

    /// Whether a quotation opens after `x` and is still open at the anchor `o`: the quote is a
    /// contract's own words, and what the one quoting says of it before ("at my current job
    /// the letter says \"… three months' notice …\"") rules out none of its terms.
    fn quoted_apart(&self, x: &Occurrence, o: &Occurrence) -> bool {
        let w = &self.scan.words;
        x.last < o.first
            && self
                .quote_marks
                .get_or_init(|| QuoteMarks::new(self.text))
                .open_within(w[x.last as usize].end, w[o.first as usize].start)
    }

    /// Whether `x` labels a table row or a bulleted item other than the one of `anchor`:
    /// "Pension | 7 %" or "- Pension: 6 %" in a list of key terms names a term of this
    /// contract, so it rules out no other row of it, even when the rows run together on one
    /// line. A plain "Deposit: three months' rent" still says what the paragraph is about,
    /// unless the anchor labels a row of its own beside it.
    fn labels_other_row(&self, x: &Occurrence, anchor: &Occurrence) -> bool {
        let w = &self.scan.words;
        let Some(sep) =
            self.text[w[x.last as usize].end..].trim_start().chars().next().filter(|&c| c == ':' || c == '|')
        else {
            return false;
        };
        if (x.last as usize) < self.first_word || x.first as usize >= self.end_word {
            let before = &self.text[..w[x.first as usize].start];
            // "Pensjon: OTP 2 %. Oppsigelse: 3 måneder.": a line or a sentence that opens with
            // its label is a row of its own beside the anchor's row.
            let opens = before.trim_end_matches(' ');
            let own_row =
                sep == ':' && self.answer(anchor).is_some() && (opens.is_empty() || opens.ends_with(['.', ';', '\n']));
            return sep == '|' || before.trim_end().ends_with(BULLETS) || own_row;
        }
        if sep == ':' {
            // Rows run together on one line: "Oppseiingstid: 3 mnd Pensjon: 7 %".
            return x.first != anchor.first && self.answer(anchor).is_some();
        }
        let borders = |a: u32, b: u32| self.text[w[a as usize].end..w[b as usize].start].matches('|').count();
        if x.last < anchor.first {
            borders(x.last, anchor.first) >= 2
        } else {
            x.first > anchor.last && borders(anchor.last, x.first) >= 1
        }
    }

    /// The rest of the sentence after occurrence `o`.
    fn after(&self, o: &Occurrence) -> &str {
        self.text[self.scan.words[o.last as usize].end..self.sentence.end].trim_start()
    }

    /// The anchor is a field label left blank in a template: "Prøvetid: ___ måneder",
    /// "Probationary period: [X] months", "Tiltredelse: ____ / ____ 20__". The clause is
    /// there, its value is not filled in.
    fn left_blank(&self, o: &Occurrence) -> bool {
        // A row qualified by a condition ("Probationary period (if applicable): ____") leaves
        // open whether the clause applies at all.
        let conditional = self.qualified(o).is_some_and(|((open, close), _)| {
            self.occ.iter().any(|x| {
                let at = self.scan.words[x.first as usize].start;
                at >= open && at < close && self.is(x, &self.patterns.negation.conditions)
            })
        });
        (self.answer(o).is_some_and(blank) || self.value_placeholder(o)) && !conditional
    }

    /// A template's placeholder for the value a few words after the anchor, in a sentence that
    /// states none before it: "Prøvetiden er [X] måneder", "Det er avtalt prøvetid på
    /// [provetid]", "a notice period of [noticePeriod]". One that names a party or a thing
    /// ("you must repay [Employer] the fee") or a number in brackets ("[1]") is no blank; a
    /// mark put where the number goes is one ("[●] måneder"). The blank may also stand right
    /// before the anchor, where a length qualifies its term: "med [antall] måneders
    /// oppsigelsesfrist", "with [X] months' notice", "by giving [notice period] written notice".
    fn value_placeholder(&self, o: &Occurrence) -> bool {
        // Names of a length or a sum: "[antall]", "[amount]", "[provetid]", "[oppsigelsesfrist]".
        // The words between the blank and the anchor stay in one phrase with it.
        let joins = |between: &str, most: usize| {
            between.split_whitespace().count() <= most
                && !between.contains([',', ';', '.', ':'])
                && !between.contains(|c: char| c.is_ascii_digit())
        };
        let blank = |name: &str, unit_after: &str| {
            !name.trim().is_empty()
                && !name.contains(|c: char| c.is_ascii_digit())
                && (values::starts_with_unit(unit_after.trim_start())
                    || field_words(name).any(|w| names_blank(&self.patterns.placeholders, ValueKind::Duration, &w)))
        };
        let rest = self.after(o);
        // A blank right before its unit stands where the number goes, a word further off:
        // "on probation for a period of [number] months".
        let near = |unit_after: &str| 3 + usize::from(values::starts_with_unit(unit_after.trim_start()));
        // The marks are looked for only as far as they may stand, so a long unpunctuated run is
        // not walked again for every anchor in it.
        let after = lead(rest, 5).find('[').and_then(|open| Some((open, rest[open..].find(']')? + open))).is_some_and(
            |(open, close)| {
                joins(&rest[..open], near(&rest[close + 1..])) && blank(&rest[open + 1..close], &rest[close + 1..])
            },
        );
        // Dots typed in the number's place before its unit, as a printed appointment order
        // leaves it: "for a period of ...... months", "en prøvetid på ........ måneder". (A line
        // of underscores in running text is as often a letter's or a note's blank: "Eg går ut
        // frå at oppseiingsfristen på ___ månader …" in a resignation template.)
        let typed = lead(rest, 5).find(['.', '…']).is_some_and(|at| {
            let end = rest[at..].find(|c: char| !matches!(c, '.' | '…')).map_or(rest.len(), |n| at + n);
            let mark = &rest[at..end];
            (mark.len() >= 3 || mark.contains('…'))
                && joins(&rest[..at], 4)
                && values::starts_with_unit(rest[end..].trim_start())
        });
        let head = &self.text[self.sentence.start..self.scan.words[o.first as usize].start];
        let near_end = tail_start(head, 3);
        let before = head[near_end..]
            .rfind(']')
            .map(|close| near_end + close)
            .and_then(|close| Some((head[..close].rfind('[')?, close)))
            .is_some_and(|(open, close)| {
                joins(&head[close + 1..], 2) && blank(&head[open + 1..close], &head[close + 1..])
            });
        after || typed || before
    }

    /// Whether the sentence is a row whose answer is a template's blank named for a value of
    /// `kind`: "Employee: [noticePeriod]", "[antall] måneder", "Start: [startdato]".
    fn blank_row(&self, kind: ValueKind) -> bool {
        let line = &self.text[self.sentence.start..self.sentence.end];
        let answer = line.rsplit_once(':').map_or(line, |(_, a)| a).trim();
        let Some(open) = answer.find('[') else { return false };
        let Some(close) = answer[open..].find(']').map(|c| open + c) else { return false };
        blank(answer)
            && field_words(&answer[open + 1..close]).any(|w| names_blank(&self.patterns.placeholders, kind, &w))
    }

    /// A date placeholder a few words after the anchor: "Første arbeidsdag er [dato]",
    /// "begins on [insert date]", "Oppstart: [dd.mm.åååå]". A placeholder for
    /// anything else ("[beløp]", "[name]") is no date.
    fn date_left_blank(&self, o: &Occurrence) -> bool {
        let names = &self.patterns.placeholders;
        let rest = self.after(o);
        // Lines in the shape of a date, also spaced out: "__.__.____", "__/__/20__", "____ / ____ / 20__".
        let shape = |w: &&str| w.chars().all(|c| matches!(c, '_' | '.' | '/' | '-' | '2' | '0'));
        let shaped = |w: &str| w.contains("__") && w.contains(['.', '/']);
        // Dots or x's typed where the date goes: "tiltrer den …….", "on or before xx date"
        // (not a contents line's leader before its page number).
        let typed = |w: &str| {
            let dots = w.chars().all(|c| c == '.' || c == '…') && (w.contains('…') || w.contains("..."));
            let xs =
                w.chars().all(|c| matches!(c, 'x' | 'X' | '.' | '/' | '-')) && (w.contains("xx") || w.contains("XX"));
            dots || xs || (shape(&w) && shaped(w))
        };
        // The date's format typed in its place, unbracketed ("on YYYYMMDD", "den dd.mm.åååå"),
        // or a merge field marked off by capital X's ("XXjoinDateXX"): a mark no prose has, so
        // it may stand a few words further off.
        let coded = |w: &str| {
            let w = w.trim_end_matches([',', ';', ':', '.', ')']);
            let letters = || w.chars().filter(|c| !matches!(c, '.' | '/' | '-'));
            let format = w.len() >= 6
                && letters().all(|c| matches!(c, 'd' | 'D' | 'm' | 'M' | 'y' | 'Y' | 'å' | 'Å'))
                && letters().count() >= 6
                && w.contains(['d', 'D'])
                && w.contains(['m', 'M']);
            let field = w.len() > 4
                && w.strip_prefix("XX").and_then(|f| f.strip_suffix("XX")).is_some_and(|name| {
                    name.chars().all(char::is_alphanumeric)
                        && field_words(name).any(|n| names_blank(names, ValueKind::Date, &n))
                });
            format || field
        };
        let spaced = || {
            let run = rest.split_whitespace().take(8).skip_while(|w| !shape(w)).take_while(shape);
            run.clone().any(|w| w.contains("__")) && run.clone().any(|w| w.contains(['.', '/']))
        };
        let stated = || rest.split_whitespace().any(|w| !shape(&w) && w.contains(|c: char| c.is_ascii_digit()));
        let phrase = rest.split([',', ';', ':']).next().unwrap_or_default();
        // A line left for the date a few words on in a sentence, also glued to its preposition:
        // "commences on ______", "takes up the duties for the employer on ______", "on_____,_____".
        // (A form's row, "Start date: ______", is printed so whatever was agreed.)
        let line = || {
            let words = || rest.split_whitespace();
            words()
                .take(5)
                .position(|w| w.contains("___"))
                .is_some_and(|k| !words().take(k + 1).any(|w| w.contains(':')))
        };
        if (rest.split_whitespace().take(4).any(typed)
            || line()
            || phrase.split_whitespace().take(8).any(coded)
            || (rest.contains("__") && spaced()))
            && !stated()
        {
            return true;
        }
        let Some(open) = rest.find(['[', '(']) else { return false };
        let (bracket, close) = if rest[open..].starts_with('[') { (true, ']') } else { (false, ')') };
        let Some(close) = rest[open..].find(close) else { return false };
        let mut words = field_words(&rest[open + 1..open + close]).peekable();
        // A few words, or a verb phrase of one clause: "Your first day of work will be on
        // [date]", "Arbeidsforholdet tar til fra og med [startdato]".
        let near = rest[..open].split_whitespace().count();
        (near <= 4 || (bracket && near <= 7 && !rest[..open].contains([',', ';', ':', '.'])))
            && if bracket {
                // An empty pair right after the start's verb is the date's blank: "commences on [ ]".
                (near <= 2
                    && !rest[..open].contains(':')
                    && rest[open + 1..open + close].trim_matches([' ', '_']).is_empty())
                    || words.any(|w| names_blank(names, ValueKind::Date, &w))
            } else {
                // A line with the date's format below or beside it: "____ (dd.mm.åååå)".
                words.peek().is_some()
                    && words.all(|w| names.date_format.contains(&w))
                    && !rest[..open].contains(|c: char| c.is_alphanumeric())
            }
    }

    /// The value of `kind` for a finding anchored at occurrence `k`: one held by a
    /// `values_from` concept, then one held by the anchor, then the nearest free one.
    /// `k` is the anchor's index in the sentence's concepts, `None` for an anchor in the list
    /// lead-in above it (which holds no value of the item).
    fn value_for(&self, rule: &Rule, k: Option<usize>, kind: ValueKind, out: &mut Values) -> bool {
        let assigned = self.assigned(kind);
        let ranges = self.values(kind).ranges(kind);
        let near_value = |list: &Concepts, i: usize, after: bool| self.near_value(list, ranges[i], after);
        // A limit ("ikke kortere enn 1 måned, og er satt til 2 måneder") or a value denied
        // ("12 months (not 6 months)") is a value only when the clause states no other.
        let denied = |i: usize| near_value(&self.patterns.negation.forward, i, false);
        // A length after a cap is the law's or the template's maximum ("Prøvetid (maks. 6
        // månader): 3 månader", "up to 6 months, here 3 months"), a limit as well.
        let bounded = |i: usize| {
            near_value(&self.patterns.bounds, i, false)
                || (kind == ValueKind::Duration && near_value(&self.patterns.caps, i, false))
                || denied(i)
        };
        // The new value of an amended term goes before the old one: "is moved from 1 February
        // to 15 March", "is replaced by 15 March 2027".
        // Not one a condition right after it makes a case of the clause ("reduseres til to år
        // dersom studiet fullføres på normert tid").
        let amended = |i: usize| {
            near_value(&self.patterns.amendments, i, false) && !near_value(&self.patterns.negation.conditions, i, true)
        };
        // The old value of an amended term ("endres fra 1. mars 2027 til 5. april 2027", "is
        // changed from one (1) month to four (4) months", "éi veke i staden for fjorten dagar")
        // is not its value while the clause holds another; nor, in a sentence that changes a
        // term, is a value said "fra"/"from" with another after it in its clause ("Fra neste
        // måned endres oppsigelsesfristen fra én måned til fire måneder").
        let p = self.patterns;
        // A length named as the whole of the clause's several lengths goes first, as an amended
        // one does: "12 måneder pr skoleår, totalt 36 måneder", "three years in total".
        let total =
            |i: usize| kind == ValueKind::Duration && (near_value(&p.totals, i, false) || self.total_after(ranges[i]));
        let changes = || {
            self.occ.iter().any(|o| {
                p.changes.contains(&o.concept) || p.amendments.contains(&o.concept) || p.superseded.contains(&o.concept)
            })
        };
        let said_from = |i: usize| {
            let w = ranges[i].0;
            let before = w.checked_sub(1).filter(|&b| b >= self.first_word).map(|b| self.scan.words[b]);
            before.is_some_and(|b| p.changed_from.iter().any(|f| self.text[b.start..b.end].eq_ignore_ascii_case(f)))
                // The next value is the nearest: if a clause break parts it, it parts all after it.
                && ranges.get(i + 1).is_some_and(|r| self.strongest(ranges[i].1, r.0) < Break::Clause)
                && changes()
        };
        // An amendment that spans the value starts at most the longest concept's length before
        // its end: only the concepts there are read, not the whole sentence for each value.
        let replaced = |i: usize| {
            let (first, last, _) = ranges[i];
            let spanning = self.starting_in(last.saturating_sub(self.longest()).min(first) as u32, first as u32);
            near_value(&p.superseded, i, false)
                || self.occ[spanning].iter().any(|o| p.amendments.contains(&o.concept) && last < o.last as usize)
                || said_from(i)
        };
        // A document's own date names the document, it is no date of a clause ("som i
        // tilbodsbrevet av 2. mars 2028, det vil seie 1. juni 2028", "the offer letter dated 2
        // March 2028").
        // Not where the dating word opens a period: "ansettelsen fra 1. juni 2028" starts it.
        let doc_dated = |i: usize| {
            let w = ranges[i].0;
            let words = &self.scan.words;
            kind == ValueKind::Date
                && w >= self.first_word + 2
                && self.strongest(w - 2, w) == Break::None
                && self.dating(&self.text[words[w - 1].start..words[w - 1].end])
                && self.occ[self.starting_in((w - 2).saturating_sub(self.longest()) as u32, w as u32 - 1)]
                    .iter()
                    .any(|o| o.last as usize == w - 2 && self.is(o, &p.negation.documents))
                && !self.occ[self.starting_in(w as u32 - 1, w as u32)]
                    .iter()
                    .any(|o| p.anchors_category(o.concept, Category::StartDate))
        };
        // The anchor's word (the item's start for a lead-in anchor). Of several values held by
        // one concept, the nearest to it: "6 mnd prøve, 3 mnd oppsigelse".
        let at = k.map_or(self.first_word, |k| self.occ[k].first as usize);
        // Only values within `FREE_REACH` words of the anchor are read (its holders are nearer):
        // a sentence of thousands of clauses is not read whole for each anchor.
        let reach =
            ranges.partition_point(|r| r.0 + FREE_REACH < at)..ranges.partition_point(|r| r.0 <= at + FREE_REACH);
        // How far a value stands from the anchor and, of two as near, how strong a break (a
        // comma, a field's end) parts them: "During your first year, the notice period is two
        // months" is two months.
        let apart = |i: usize| {
            let w = ranges[i].0;
            (w.abs_diff(at), self.strongest(w.min(at), w.max(at)))
        };
        let held_by = |pred: &dyn Fn(usize) -> bool| {
            reach
                .clone()
                .filter(|&i| assigned[i].is_some_and(pred) && !doc_dated(i))
                .min_by_key(|&i| (bounded(i) || replaced(i), !(amended(i) || total(i)), apart(i)))
        };
        let mine = &self.patterns.category_concepts[rule.category];
        // The value the rule's values_from phrases give is the same for every anchor of the rule in
        // the sentence: worked out once per rule and kind, not once per anchor.
        let from_phrases = || {
            // A value inside a values_from phrase ("etter 6 måneders prøvetid") is not its value;
            // one after the phrase goes before one ahead of it ("1 måned de første to årene og
            // deretter 3 måneder").
            let from = (0..assigned.len())
                .filter_map(|i| {
                    let o = self.occ[assigned[i]?];
                    (rule.values_from.contains(&o.concept)
                        && !denied(i)
                        && !(ranges[i].0 >= o.first as usize && ranges[i].1 <= o.last as usize))
                        .then_some((ranges[i].0 < o.first as usize, i))
                })
                .min()
                .map(|(_, i)| i);
            // Or one of the category's values a few words after such a phrase in its clause: "…, og
            // etter prøvetiden er oppsigelsesfristen to måneder", "thereafter the notice period is
            // three months". The first of the two: "Etter prøvetida er oppseiingstida 1 månad dei
            // første to åra, deretter 2 månader" is a month for whoever starts.
            // The values are in text order: those starting (or ending) in a span of words are found
            // by halving, not by reading every value of the sentence for every phrase.
            let phrases: Vec<&Occurrence> = if rule.values_from.is_empty() {
                Vec::new()
            } else {
                self.occ.iter().filter(|o| rule.values_from.contains(&o.concept)).collect()
            };
            let in_words = |lo: usize, hi: usize, end: bool| {
                let word = |r: &Span| if end { r.1 } else { r.0 };
                ranges.partition_point(|r| word(r) < lo)..ranges.partition_point(|r| word(r) < hi)
            };
            let mine_or_free = |i: usize| assigned[i].is_none_or(|h| mine.contains(&self.occ[h].concept));
            let after = phrases
                .iter()
                .filter_map(|o| {
                    let last = o.last as usize;
                    in_words(last + 1, last + 9, false)
                        .find(|&i| mine_or_free(i) && self.strongest(last, ranges[i].0) < Break::Clause)
                })
                .min();
            // Or, with neither, the value right before such a phrase in its clause, where the phrase
            // opens a relative clause about it: "mot 1 måned som ellers gjelder", "rather than the
            // one month that would otherwise be due".
            let before = || {
                phrases
                    .iter()
                    .filter_map(|o| {
                        let first = o.first as usize;
                        in_words(first.saturating_sub(3), first, true)
                            .rev()
                            .find(|&i| mine_or_free(i) && self.strongest(ranges[i].1, first) < Break::Clause)
                    })
                    .max()
            };
            from.into_iter().chain(after).min().or_else(before)
        };
        let key = (rule as *const Rule as usize, kind);
        let cached = self.found.from_phrases.borrow().iter().find(|&&(k, _)| k == key).map(|&(_, v)| v);
        let from = cached.unwrap_or_else(|| {
            let v = from_phrases();
            self.found.from_phrases.borrow_mut().push((key, v));
            v
        });
        // The anchor's own values, then those of the concepts of its category's rules.
        let own = || {
            let k = k?;
            held_by(&|h| h == k || self.occ[h].first == self.occ[k].first).or_else(|| {
                held_by(&|h| {
                    let at = self.occ[h].first;
                    let i = self.occ.partition_point(|o| o.first < at);
                    self.occ[i..].iter().take_while(|o| o.first == at).any(|o| mine.contains(&o.concept))
                })
            })
        };
        // The value nearest to the anchor (to the item's start for a lead-in anchor) among
        // those `pick` accepts, in the same sentence part; never a document's own date.
        // The values of that part are a run around the anchor, found by halving: breaks only
        // add up with distance.
        let split = ranges.partition_point(|r| r.0 < at);
        let part = ranges[..split].partition_point(|r| self.strongest(r.0, at) == Break::Sentence)
            ..split + ranges[split..].partition_point(|r| self.strongest(at, r.0) < Break::Sentence);
        let part = part.start.max(reach.start)..part.end.min(reach.end);
        let nearest =
            |pick: &dyn Fn(usize) -> bool| part.clone().filter(|&i| pick(i) && !doc_dated(i)).min_by_key(|&i| apart(i));
        // A length held only by a word right after it that says when it runs from ("arbeide i
        // bedriften i to år deretter", "for two years thereafter") is free for a clause whose
        // category does not read that word; not the next step after another length in its
        // clause ("1 måned i prøvetiden og 2 måneder deretter"), which is that category's.
        // So is one held by a date it is counted from ("for the period of 1 year starting from
        // agreement date", "to år regnet fra avtalens dato").
        let counted = |i: usize| {
            assigned[i].is_some_and(|h| {
                let o = self.occ[h];
                let (next, from) = (ranges[i].1 + 1, o.first as usize);
                let thereafter = || {
                    p.counted_from.contains(&o.concept)
                        && from == next
                        && i.checked_sub(1).is_none_or(|j| self.strongest(ranges[j].1, ranges[i].0) >= Break::Clause)
                };
                let since = || {
                    p.counted_since.contains(&o.concept)
                        && (next + 1..=next + 4).contains(&from)
                        && self.word_is(next as u32, &p.since_words)
                };
                !mine.contains(&o.concept) && (thereafter() || since())
            })
        };
        let unheld = |i: usize| assigned[i].is_none() || counted(i);
        // A free value that is not an amended term's old one first ("amended by replacing the
        // words "six (6) months" with the words "twelve (12) months"").
        let free = || nearest(&|i| unheld(i) && !replaced(i)).or_else(|| nearest(&|i| unheld(i)));
        if rule.inside {
            let Some(o) = k.map(|k| self.occ[k]) else { return false };
            let within = (0..ranges.len()).find(|&i| ranges[i].0 >= o.first as usize && ranges[i].1 <= o.last as usize);
            if let Some(i) = within {
                self.values(kind).set(kind, i, out);
            }
            return within.is_some();
        }
        // An amount held by another category's concept is shared ("breaks the bond, … shall
        // pay NOK 200,000" is both the binding's and the penalty's amount).
        let shared = || {
            (kind == ValueKind::Amount)
                .then(|| {
                    nearest(&|i| {
                        assigned[i].is_some_and(|h| {
                            let c = self.occ[h].concept;
                            self.patterns.category_concepts.iter().any(|cc| cc.contains(&c))
                        })
                    })
                })
                .flatten()
        };
        // Its own value when that is a limit: rather a free value of the clause that is not.
        let own = || match own() {
            Some(i) if bounded(i) => nearest(&|j| assigned[j].is_none() && !bounded(j)).or(Some(i)),
            // The old value of an amended term: the new one after it, whatever word holds it
            // ("Tiltredelsesdato endres fra 1. mars 2027 til 5. april 2027"), else the one
            // before it ("éi veke i staden for fjorten dagar").
            Some(i) if replaced(i) => {
                let new = |j: &usize| !replaced(*j) && !bounded(*j);
                (i + 1..ranges.len()).find(new).or_else(|| (0..i).rev().find(new)).or(Some(i))
            }
            own => own,
        };
        // A rate ("kr 1 000 per dag") with a cap ("begrenset til kr 10 000"): the cap. A rate
        // that writes down a sum the clause names by a word for it ("Beløpet nedskrives med kr
        // 5 000 per fulle måned") is no sum of the clause: the one stated for that word is.
        let refers = || {
            self.occ.iter().any(|o| {
                self.patterns.amount_refs.contains(&o.concept) || self.patterns.references.contains(&o.concept)
            })
        };
        let capped = |i: usize| match kind {
            ValueKind::Amount if near_value(&self.patterns.rates, i, true) => nearest(&|j| {
                j > i
                    && assigned[j].is_none_or(|h| mine.contains(&self.occ[h].concept))
                    && near_value(&self.patterns.caps, j, false)
            })
            .or_else(|| (!refers()).then_some(i)),
            _ => Some(i),
        };
        // Else a cap the clause states, whatever word before it holds it: "(reise og bolig),
        // begrenset til kr 90 000" limits what the whole clause can cost.
        let cap =
            || (kind == ValueKind::Amount).then(|| nearest(&|i| near_value(&self.patterns.caps, i, false))).flatten();
        // A form's guidance in brackets in the label is no value of the row, whether the row is
        // filled in ("Prøvetid (maks 6 mnd.): 3 måneder"), left blank ("Notice period (minimum
        // one month): ____") or answered on the next line; with nothing after the label, only
        // a limit is guidance ("Restricted activities (each lasting 12 months):" leads in).
        let row = k.map(|k| self.occ[k]).and_then(|o| Some((self.qualified(&o)?.0, self.answer(&o)?)));
        let start = |i: usize| self.scan.words[ranges[i].0].start;
        let guides = |i: usize| {
            row.is_some_and(|((open, close), answer)| {
                start(i) >= open && start(i) < close && (!answer.is_empty() || bounded(i))
            })
        };
        let chosen = match from.or_else(own).or_else(free).or_else(shared).or_else(cap).and_then(capped) {
            Some(i) if guides(i) => row.and_then(|((_, close), _)| {
                (0..ranges.len()).find(|&j| start(j) > close && assigned[j].is_none_or(|h| Some(h) == k))
            }),
            chosen => chosen,
        };
        match chosen {
            Some(i) => {
                self.values(kind).set(kind, i, out);
                true
            }
            None => false,
        }
    }
}

/// Finds the clauses of a segmented text, in document order.
pub fn find(patterns: &Patterns, text: &Text, seg: &Segments) -> Vec<Match> {
    find_traced(patterns, text, seg, None)
}

/// Why a rule tried on a sentence gave no finding there (see [`explain`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Why {
    /// One of its `with` items is not in the sentence (nor in its lead-in): the items missing,
    /// as the pattern file writes them ("NOT_START | WITHDRAW").
    With(Vec<String>),
    /// A `section` item is not in the sentence's section.
    Section,
    /// A `previous` item is not in the sentence before.
    Previous,
    /// An `in_paragraph` item is not in the paragraph.
    InParagraph,
    /// A concept of a `without` list (the rule's or its category's, in the sentence, the
    /// clause, the paragraph, the lead-in or the heading) rules the clause out.
    Without(String),
    /// A rule that reads only a form row's label stands elsewhere.
    Label,
    /// The employer's own denial, as the employer's row of a form.
    EmployerRow,
    /// The value a `with` or `section` item asks for is not stated.
    Value,
    /// The value the rule requires is not stated, nor left blank.
    Require(ValueKind),
    /// The sentence reads as commentary (one entry per category anchored there, rule `<category>`).
    Commentary,
    /// Found in the sentence, then dropped as the text was read as a whole: the text reads as
    /// commentary or as another kind of agreement, or a later clause explains or replaces it.
    Dropped,
}

/// A rule tried on a sentence (by index into `Segments::sentences`) that gave no finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Tried {
    /// Index into `Segments::sentences`.
    pub sentence: usize,
    /// The rule's id (the category's name where the whole sentence was set aside).
    pub rule: String,
    /// Why it gave no finding.
    pub why: Why,
}

/// What [`find`] finds, with every rule it tried and why that rule gave no finding: the
/// trace a pattern author reads to see which word a rule lacks. Slower than `find` (it tries
/// every sentence), for tools, not for the pipeline.
pub fn explain(patterns: &Patterns, text: &Text, seg: &Segments) -> (Vec<Match>, Vec<Tried>) {
    let trace = RefCell::new(Trace::default());
    let out = find_traced(patterns, text, seg, Some(&trace));
    let Trace { mut tried, read } = trace.into_inner();
    for (sentence, category, rule) in read {
        if !out.iter().any(|f| f.sentence == sentence && f.category == category) {
            tried.push(Tried { sentence, rule, why: Why::Dropped });
        }
    }
    (out, tried)
}

/// The rules tried in vain, and the findings read sentence by sentence (sentence, category,
/// rule), before the text as a whole is weighed.
#[derive(Default)]
struct Trace {
    tried: Vec<Tried>,
    read: Vec<(usize, Category, String)>,
}

fn find_traced(patterns: &Patterns, text: &Text, seg: &Segments, trace: Option<&RefCell<Trace>>) -> Vec<Match> {
    // The title and opening tests read the first paragraph: a text without one has nothing to find.
    if text.paragraphs.is_empty() {
        return Vec::new();
    }
    let mut scan = scan(patterns, text);
    let out = find_in(patterns, text, seg, &scan, trace);
    // "Partene kan si opp avtalen før 8. mars 2027", where the work starts on 8 March 2027:
    // the agreed start date is the start itself. Such texts are read again with it.
    if stand_in_start(patterns, text, seg, &mut scan, &out) {
        if let Some(trace) = trace {
            *trace.borrow_mut() = Trace::default();
        }
        return find_in(patterns, text, seg, &scan, trace);
    }
    out
}

/// How many words from its anchor a rule looks for its value: further than any clause's words
/// reach, a forum post written as one long sentence too, and no further, so that a sentence of
/// thousands of clauses is read in linear time.
const FREE_REACH: usize = 200;

/// The words of a text and the concepts the lexicon finds in them, as the rules read them.
fn scan(patterns: &Patterns, text: &Text) -> Scan {
    let mut scan = patterns.lexicon.scan_reading(
        &text.string,
        &patterns.in_gaps,
        Seams { phrasal: &patterns.phrasal, yielding: &patterns.yielding },
        &patterns.not_retold,
        crate::language::lost_letters(&text.string),
        crate::language::is_english(&text.string),
        &patterns.shortened,
    );
    // The last parts of a web or mail address ("politiet.no", "post@firma.no") are no words of
    // the sentence: their "no" denies nothing.
    let neg = &patterns.negation;
    scan.occurrences.retain(|o| {
        !((neg.forward.contains(&o.concept) || neg.backward.contains(&o.concept))
            && in_address(&text.string, scan.words[o.first as usize]))
    });
    bracket_roles(patterns, &text.string, &mut scan);
    scan
}

/// The concepts the rules read in a text, by name and byte range, in order: what
/// [`explain`] does not show, for finding why a form did not fit.
pub fn concepts<'p>(patterns: &'p Patterns, text: &Text) -> Vec<(&'p str, std::ops::Range<usize>)> {
    let scan = scan(patterns, text);
    let range = |o: &Occurrence| scan.words[o.first as usize].start..scan.words[o.last as usize].end;
    scan.occurrences.iter().map(|o| (patterns.name(o.concept), range(o))).collect()
}

/// The first and last word of a round bracket that opens right after word `before` and holds
/// only words (no punctuation but the spaces, hyphens and slashes between them), up to four:
/// "3 måneder (fast)", "14 days (probation)", "1 month (after probation)".
fn bracket_after(text: &str, words: &[Word], before: usize) -> Option<(usize, usize)> {
    let gap = |i: usize| words.get(i + 1).map(|next| &text[words[i].end..next.start]);
    if gap(before)?.trim() != "(" {
        return None;
    }
    (before + 1..words.len().min(before + 5)).find_map(|last| {
        let rest = &text[words[last].end..];
        if rest.trim_start().starts_with(')') {
            return Some(Some((before + 1, last)));
        }
        // A word run on only across spaces, hyphens and slashes; any other mark ends the search.
        gap(last).filter(|g| g.chars().all(|c| c == ' ' || c == '-' || c == '/')).is_none().then_some(None)
    })?
}

/// The role a round bracket right after a length names (grammar.toml `[roles]`).
#[derive(Clone, Copy)]
enum Role {
    /// The probation, the occurrence at this index filling it: the time the length runs in.
    Probation(usize),
    /// The words of a permanent role ("fast", "permanent").
    Permanent,
    /// A role concept already ("i prøvetida", "after probation").
    Said,
}

/// Reads the roles round brackets right after two lengths of a line name (grammar.toml
/// `[roles]`): in "Oppsigelsestid: 14 dager (prøvetid), 2 måneder (fast)" the probation in
/// brackets is the time the fortnight runs in, not a probation of its own, and "fast" the time
/// the two months do. One such bracket alone names no role: "Prøvetid: 6 måneder (fast)".
fn bracket_roles(p: &Patterns, text: &str, scan: &mut Scan) {
    let Some(roles) = &p.roles else { return };
    let words = &scan.words;
    let mut found: Vec<(usize, usize, Role)> = Vec::new();
    for before in 0..words.len() {
        let Some((first, last)) = bracket_after(text, words, before) else { continue };
        if !values::is_unit(&text[words[before].start..words[before].end]) {
            continue;
        }
        let (f, l) = (first as u32, last as u32);
        let filling = |c: &dyn Fn(ConceptId) -> bool| {
            let at = scan.occurrences.partition_point(|o| o.first < f);
            scan.occurrences[at..]
                .iter()
                .take_while(|o| o.first == f)
                .position(|o| o.last == l && c(o.concept))
                .map(|k| at + k)
        };
        let said = || words[first..=last].iter().map(|w| text[w.start..w.end].to_lowercase()).collect::<Vec<_>>();
        let role = if let Some(k) = filling(&|c| roles.probation.contains(&c)) {
            Role::Probation(k)
        } else if roles.permanent.contains(&said()) {
            Role::Permanent
        } else if filling(&|c| c == roles.during || c == roles.after).is_some() {
            Role::Said
        } else {
            continue;
        };
        found.push((first, last, role));
    }
    let same_line = |a: usize, b: usize| !text[words[found[a].1].end..words[found[b].0].start].contains('\n');
    let paired: Vec<_> = (0..found.len())
        .filter(|&i| (i > 0 && same_line(i - 1, i)) || (i + 1 < found.len() && same_line(i, i + 1)))
        .map(|i| found[i])
        .collect();
    let mut permanent = Vec::new();
    for &(first, last, role) in &paired {
        match role {
            Role::Probation(k) => scan.occurrences[k].concept = roles.during,
            Role::Permanent => permanent.push((first as u32, last as u32)),
            Role::Said => {}
        }
    }
    if permanent.is_empty() {
        return;
    }
    // A permanent bracket's words become the one role concept, all in one pass: the brackets are
    // disjoint and in order, so the last one starting at or before an occurrence's end is the only
    // one it can overlap.
    scan.occurrences.retain(|o| {
        let i = permanent.partition_point(|&(f, _)| f <= o.last);
        i == 0 || o.first > permanent[i - 1].1
    });
    scan.occurrences.extend(permanent.iter().map(|&(f, l)| Occurrence {
        concept: roles.after,
        first: f,
        last: l,
        skipped: 0,
    }));
    scan.occurrences.sort_by_key(|o| o.first);
}

/// Whether `word` follows a name and a dot with no space, in lower case: a part of a web or
/// mail address ("nav.no", "firma.no"), not a sentence's word ("Nei. Ingen …").
fn in_address(text: &str, word: Word) -> bool {
    let before = &text.as_bytes()[..word.start];
    before.ends_with(b".")
        && before.len() >= 2
        && before[before.len() - 2].is_ascii_alphanumeric()
        && text[word.start..word.end].bytes().all(|b| b.is_ascii_lowercase())
}

/// Adds the concept of grammar.toml `[start_date]` where one of its words stands right before
/// a date a live start date finding agreed, over those words and the date; whether it added
/// any. A date that is not the start ("politiattest før 22. februar") is a deadline.
fn stand_in_start(p: &Patterns, text: &Text, seg: &Segments, scan: &mut Scan, out: &[Match]) -> bool {
    let Some(stand_in) = &p.start_stand_in else { return false };
    let agreed: Vec<Date> =
        out.iter().filter(|m| m.category == Category::StartDate && !m.negated).filter_map(|m| m.values.date).collect();
    if agreed.is_empty() {
        return false;
    }
    // A name the sentence of the start defines for it ("«Date of Joining» (DOJ): første
    // arbeidsdag, som er 7. juni 2027", "(the \"Commencement Date\")") stands for it too: "Før
    // DOJ kan hver av partene …".
    let names: Vec<Vec<String>> = out
        .iter()
        .filter(|m| m.category == Category::StartDate && !m.negated && m.values.date.is_some())
        .flat_map(|m| defined_names(&text.string[seg.sentences[m.sentence].start..seg.sentences[m.sentence].end]))
        .collect();
    let word = |i: usize| &text.string[scan.words[i].start..scan.words[i].end];
    // A concept inside the words and the date gives way ("fram til" is no UNTIL there); one
    // that reaches beyond them keeps its words.
    let crosses = |(i, last): (usize, usize)| {
        scan.occurrences.iter().any(|o| {
            let (f, l) = (o.first as usize, o.last as usize);
            f <= last && l >= i && (f < i || l > last)
        })
    };
    // Most words open no phrase: an ASCII first byte, folded, tells without comparing words
    // (another may fold to anything).
    let heads: Vec<u8> = stand_in.before.iter().filter_map(|p| p.first()?.bytes().next()).collect();
    let opens = |i: &usize| {
        let b = text.string.as_bytes()[scan.words[*i].start];
        !b.is_ascii() || heads.contains(&b.to_ascii_lowercase())
    };
    let mut added = Vec::new();
    for s in &seg.sentences {
        let (first, end) = (scan.word_at(s.start), scan.word_at(s.end));
        let mut dates: Option<SentenceValues> = None;
        for i in (first..end).filter(opens) {
            for phrase in &stand_in.before {
                let next = i + phrase.len();
                // "foer" in a text typed without ø is "før" (a spelling of the same length in
                // bytes: most words are not, and need no copy to tell).
                let fits = |said: &str, w: &str| {
                    folded_eq(said, w)
                        || (said.len() == w.len()
                            && crate::lexicon::proper_spelling(said.to_ascii_lowercase().as_bytes())
                                .is_some_and(|p| p == w.as_bytes()))
                };
                let said = next < end && phrase.iter().enumerate().all(|(k, w)| fits(word(i + k), w));
                if !said {
                    continue;
                }
                // "before the Joining Date": the article is no part of the name.
                let from = next + usize::from(next + 1 < end && folded_eq(word(next), "the"));
                let name = names
                    .iter()
                    .find(|n| from + n.len() <= end && n.iter().enumerate().all(|(k, w)| folded_eq(word(from + k), w)));
                let dates = dates.get_or_insert_with(|| {
                    SentenceValues::parse(scan, &text.string, s.start, s.end, &[ValueKind::Date], &p.bare_sums)
                });
                let at = dates.ranges(ValueKind::Date).iter().zip(&dates.dates).find(|((f, _, _), _)| *f == next);
                let last = match (name, at) {
                    (Some(n), _) => Some(from + n.len() - 1),
                    (None, Some(((_, last, _), d))) => agreed.contains(d).then_some(*last),
                    // "før 3. mai", where the text agreed 3 May 2027 as the start: the day and
                    // month of that date, its year left out.
                    (None, None) => values::day_and_month_at(&text.string, scan.words[next].start)
                        .filter(|&(month, day, _)| agreed.iter().any(|d| (d.month, d.day) == (month, day)))
                        .map(|(_, _, end)| scan.word_at(end) - 1),
                };
                if let Some(last) = last.filter(|&l| !crosses((i, l))) {
                    added.push(Occurrence {
                        concept: stand_in.concept,
                        first: i as u32,
                        last: last as u32,
                        skipped: 0,
                    });
                }
            }
        }
    }
    if added.is_empty() {
        return false;
    }
    scan.occurrences.retain(|o| !added.iter().any(|a: &Occurrence| a.first <= o.first && o.last <= a.last));
    scan.occurrences.extend(added);
    scan.occurrences.sort_by_key(|o| o.first);
    true
}

fn find_in(
    patterns: &Patterns,
    text: &Text,
    seg: &Segments,
    scan: &Scan,
    trace: Option<&RefCell<Trace>>,
) -> Vec<Match> {
    // The concepts of every sentence and every paragraph, found in one pass each.
    let by_sentence = occurrence_ranges(scan, seg.sentences.iter().map(|s| (s.start, s.end)));
    let writer = Writer { p: patterns, text, seg, scan, by_sentence: &by_sentence, last_answer: OnceCell::new() };
    let by_paragraph = occurrence_ranges(scan, text.paragraphs.iter().map(|p| (p.start, p.end)));
    let occ_of = |(i, j): (usize, usize)| &scan.occurrences[i..j];
    let carries = |heading: &[Occurrence]| patterns.categories.iter().any(|cat| carried_by(cat, heading));
    // Each heading's concepts; a sub-heading that names no clause of its own ("5.1 General")
    // heads a part of its parent's section ("5 TERMINATION") and has its concepts too.
    let mut heading_occs: Vec<Vec<Occurrence>> = Vec::with_capacity(seg.headings.len());
    for (h, &p) in seg.headings.iter().enumerate() {
        let own = occ_of(by_paragraph[p]);
        let mut occ = match seg.parents[h] {
            Some(up) if !carries(own) => heading_occs[up].clone(),
            _ => Vec::new(),
        };
        occ.extend_from_slice(own);
        heading_occs.push(occ);
    }
    let heading_occ = |h: Option<usize>| -> &[Occurrence] { h.map_or(&[], |h| &heading_occs[h]) };
    let mut out: Vec<Match> = Vec::new();
    // The findings of form rows labelled for a party (index into `out`, the employee's?).
    let mut party_rows: Vec<(usize, bool)> = Vec::new();
    // Amounts by the concept they were stated with, for references ("kursavgiften").
    let mut stated: HashMap<ConceptId, Vec<(usize, Amount)>> = HashMap::new();
    let mut concept_sets = [ConceptSet::new(patterns), ConceptSet::new(patterns)];
    let mut named = ConceptSet::new(patterns);
    let mut in_paragraph = ParagraphConcepts::new(patterns);
    let text_date = OnceCell::new();
    let quote_marks = OnceCell::new();
    // Whether each heading carries a category (see `heading_matches`).
    let heading_carries: Vec<bool> = heading_occs.iter().map(|h| carries(h)).collect();
    // A title naming a kind of text that is not an employment contract ("Leasingavtale for
    // elbil", "Pressemelding: …") makes the sentences under it commentary, up to the first
    // heading of their own: the title is the section header of the text, as a header sets
    // the context of its section in medspaCy's sectionizer.
    let titled = is_title(patterns, text, seg);
    // A title that names the reader's own terms before the questions it answers ("Din avtale –
    // spørsmål og svar", "Your terms – questions and answers") lays out an agreement as an FAQ
    // does: its answers state the terms, as a form's rows do.
    let own_questions = || {
        let title = text.paragraph(0).to_lowercase();
        opens_with(&title, &patterns.openers.own_terms) && patterns.openers.questions.iter().any(|q| title.contains(q))
    };
    let under_title = titled
        && by_paragraph.first().is_some_and(|&r| occ_of(r).iter().any(|o| patterns.title_leads.contains(&o.concept)))
        && !own_questions();
    // Its scope ends at the first heading below with prose of its own under it: numbered
    // lines with nothing but further numbered lines under them are the items of a list ("1.
    // Start date / 2. Probation period (up to six months)"), not sections.
    let title_scope = if under_title { title_scope(text, seg) } else { 0 };
    // A citation of the source ("Kilde: Retningslinjer for …", "Source: …") quotes the whole
    // text from elsewhere: it binds nobody here.
    let quoted = (0..text.paragraphs.len()).any(|i| opens_with(text.paragraph(i), &patterns.openers.citations));
    // A text that greets a person or offers the job to someone speaks to the one it hires; a
    // staff handbook states the firm's practice for all its staff ("Hos oss har alle nyansatte
    // seks måneders prøvetid"), and binds nobody where it does not speak to its reader.
    let greeted = (0..text.paragraphs.len()).any(|i| opens_with(text.paragraph(i), &patterns.openers.greetings));
    let addressed = greeted || scan.occurrences.iter().any(|o| patterns.genre.addressed.contains(&o.concept));
    // A job advert laid out under its labels ("Om stillingen:", "Vi tilbyr:", "Søknadsfrist:")
    // offers the job to whoever applies: its terms bind nobody yet. A letter to the one it
    // hires ("Kjære Kari, … Vi tilbyr: …") may use the same labels.
    let advert = if greeted { None } else { advert_passage(patterns, text, seg, addressed) };
    let policy = |s: &str, occ: &[Occurrence]| {
        !addressed && occ.iter().any(|o| patterns.genre.policy.contains(&o.concept)) && !to_reader(patterns, s)
    };
    // The usual term or the law's default stated with a length ("Normalt er prøvetiden seks
    // måneder", "Etter arbeidsmiljøloven § 15-3 er … med mindre annet er avtalt") is what anyone
    // gets in a text that neither greets its reader nor offers the job; in one that does, the
    // same words state the reader's own term. A sentence that speaks to its reader states the
    // reader's term; one that names a third party ("They typically offer …") tells of that
    // party's practice, greeted or not; a usual word with no length ("programmes are usually
    // tied to a separate agreement") stays general.
    let usual = |start: usize, s: &str, occ: &[Occurrence]| {
        let general = || !addressed || names_word(s, &patterns.genre.usual_others);
        (occ.iter().any(|o| patterns.genre.usual.contains(&o.concept))
            && (general() || values::durations(s).is_empty()))
            || (states_usual(patterns, scan, &text.string, start, s, occ) && general() && !to_reader(patterns, s))
    };
    // A term supposed in a protasis or worked in an example, in a text that neither greets its
    // reader nor offers the job, and a law's text quoted after a lead that names it, state no one's
    // term ("Er det avtalt fire måneders oppsigelsestid, gjelder …", "Bestemmelsen lyder slik: «…»").
    let supposed = |start: usize, s: &str, occ: &[Occurrence]| {
        (!addressed && supposes_term(&patterns.genre, s))
            // A quote opens at a colon or a quotation mark: most sentences have neither.
            || (s.contains([':', '«', '"', '“', '\'']) && {
                let lower = s.to_lowercase();
                lower.len() == s.len() && quotes_law(patterns, scan, start, &lower, occ)
            })
    };
    // A paragraph that states the practice for all staff in one sentence and speaks to no
    // reader in any states it in every sentence: "Alle nyansatte i konsernet har seks
    // måneders prøvetid. Nærmeste leder holder en samtale etter tre måneder.", "I konsernet
    // har vi ingen konkurranseklausular … Dette gjeld alle tilsette."
    let policy_paragraph: Vec<OnceCell<bool>> = vec![OnceCell::new(); text.paragraphs.len()];
    let is_policy_paragraph =
        |i: usize| *policy_paragraph[i].get_or_init(|| policy(text.paragraph(i), occ_of(by_paragraph[i])));
    // Whether a paragraph names the reader's own (`[genre] owner`: "din", "your"), once per paragraph.
    let owner_paragraph: Vec<OnceCell<bool>> = vec![OnceCell::new(); text.paragraphs.len()];
    let names_owner =
        |i: usize| *owner_paragraph[i].get_or_init(|| names_word(text.paragraph(i), &patterns.genre.owner));
    // A report or advice anywhere in a paragraph makes all of it commentary, as far as a
    // ConText modifier's scope reaches, and so do a leading label that names commentary, a
    // question and its answer, a general question and the answer after a question about a
    // word or in general: decided once per paragraph, and only for the paragraphs whose
    // sentences get that far.
    let openers = &patterns.openers;
    let names_source = OnceCell::new();
    let commentary_paragraph: Vec<OnceCell<bool>> = vec![OnceCell::new(); text.paragraphs.len()];
    let is_commentary_paragraph = |i: usize| {
        *commentary_paragraph[i].get_or_init(|| {
            let (paragraph, occ) = (text.paragraph(i), occ_of(by_paragraph[i]));
            occ.iter().any(|o| patterns.paragraph_commentary.contains(&o.concept))
                || is_editors_note(paragraph, openers)
                || commentary_lead(patterns, scan, text, i, occ)
                || attributes_quote(paragraph, &openers.attributions)
                || is_question_and_answer(paragraph)
                || (small_talk(paragraph).is_some_and(|q| {
                    // A question that neither names a clause nor points back to what was said
                    // changes the subject ("… skal vi ta en øl fredag?"); "er det normalt?" asks
                    // about the term.
                    let at = text.paragraphs[i].start + q;
                    !says(&text.string, scan, (at, text.paragraphs[i].end), &openers.back_references)
                        && !occ.iter().any(|o| {
                            scan.words[o.first as usize].start >= at
                                && !patterns.by_anchor[o.concept as usize].is_empty()
                        })
                }) && !*names_source
                    .get_or_init(|| says(&text.string, scan, (0, text.string.len()), &openers.sources)))
                || asks(paragraph, &openers.general_questions)
                || defines_then_answers(paragraph, &openers.definition_questions)
                || (i > 0 && {
                    let before = text.paragraph(i - 1);
                    before.trim_end().ends_with('?')
                        && (asks(before, &openers.definition_questions) || asks(before, &openers.general_questions))
                })
        })
    };
    // A title reads with the text under it: over nothing but commentary ("Sak 14/27 Bindingstid
    // ved betalt vidareutdanning" / "Vedtak: Styret ber …") it names the topic discussed.
    let title_over_commentary = OnceCell::new();
    let title_of_commentary = |sentence: &Sentence| {
        titled
            && sentence.paragraph == 0
            && *title_over_commentary.get_or_init(|| (1..text.paragraphs.len()).all(is_commentary_paragraph))
    };
    // A line that cites a statute's section ("§ 15-3 Oppseiingsfristar", "Section 15-6
    // Probation", "Statsansattelova § 22 i korte trekk") heads the law's text or a summary of it:
    // a section number with its chapter, or any section after the law's name.
    let cites_statute = |p: usize| {
        let (start, line) = (text.paragraphs[p].start, text.paragraph(p));
        numbering::statute_section(line)
            || occ_of(by_paragraph[p]).first().is_some_and(|o| {
                let (first, last) = (&scan.words[o.first as usize], &scan.words[o.last as usize]);
                patterns.quoted_leads.contains(&o.concept)
                    && line[..first.start - start].trim().is_empty()
                    && numbering::section_mark(line[last.end - start..].trim_start()).is_some()
            })
    };
    // A line that names a guide to filling the form in or a part kept out of the terms
    // ("Veiledning til utfylling av skjema 2.1 (ikke en del av avtalen)", "Notes for
    // completion"), or that cites a statute's section, short and unpunctuated as a heading is,
    // whether or not it is read as one.
    let guide_line = |i: usize| {
        (occ_of(by_paragraph[i]).iter().any(|o| patterns.aside_headings.contains(&o.concept)) || cites_statute(i)) && {
            let line = text.paragraph(i).trim_end();
            !line.ends_with(['.', '?', '!', ':', ';', ',']) && bare_words(line) <= 14
        }
    };
    // A heading that announces a reply ("Svar:", "Advokaten svarer:", "Answer:") opens a Q&A
    // column's answer: its section explains the law to the one who asked. A bare "Svar" or
    // "Answer" line heads the reply as "Svar:" does. A guide line sets its section apart too,
    // with the numbered sections under it.
    let guides = &openers.guide_headings;
    let mut aside: Vec<bool> = Vec::with_capacity(seg.headings.len());
    for (h, &p) in seg.headings.iter().enumerate() {
        let heading = text.paragraph(p);
        let apart = opens_with(heading, &openers.answers)
            || openers
                .answers
                .iter()
                .any(|a| a.strip_suffix(':').is_some_and(|a| heading.trim().eq_ignore_ascii_case(a)))
            || guide_line(p)
            || (p > 0 && says(&text.string, scan, (text.paragraphs[p].start, text.paragraphs[p].end), guides))
            || seg.parents[h].is_some_and(|parent| aside[parent]);
        aside.push(apart);
    }
    // Per paragraph, whether it stands in a part set apart: under such a heading, or after a
    // guide line that is no heading, up to the next heading.
    let mut apart = vec![false; text.paragraphs.len()];
    let mut on = false;
    let mut next_heading = seg.headings.iter().copied().enumerate().peekable();
    for (i, apart) in apart.iter_mut().enumerate() {
        if let Some((h, _)) = next_heading.next_if(|&(_, p)| p == i) {
            on = aside[h];
        } else if !on && guide_line(i) {
            on = true;
        }
        *apart = on;
    }
    // Reused from sentence to sentence.
    let (mut breaks_buffer, mut transparent_buffer, mut negated_buffer) = (Vec::new(), Vec::new(), Vec::new());
    // The values of the list lead-in the current items stand under.
    let mut lead_values: (Option<usize>, OnceCell<SentenceValues>) = (None, OnceCell::new());
    // The last sentence found to be commentary: "Such periods …" right after it goes on with it.
    let mut last_commentary: Option<usize> = None;
    // The sentences that could have held a clause and speak in general terms instead.
    let mut explaining = vec![false; seg.sentences.len()];
    // The sentences read as commentary, which bind no one.
    let mut commentary = vec![false; seg.sentences.len()];
    // The terms of the sentence before that a sentence pointing back to it takes (see below).
    let mut pointed: Vec<Occurrence> = Vec::new();
    let mut standing: Vec<Occurrence> = Vec::new();
    // The paragraph that answers the question before it in general terms ("Kan prøvetiden
    // forlenges?" / "Ja, prøvetiden kan forlenges med inntil …"), as an FAQ or a guide answers its
    // own question (`[openers] yes_no`).
    let mut general_answer: Option<usize> = None;
    for (index, sentence) in seg.sentences.iter().enumerate() {
        let occ = occ_of(by_sentence[index]);
        let s = &text.string[sentence.start..sentence.end];
        if general_answer.is_some_and(|p| p != sentence.paragraph) {
            general_answer = None;
        }
        // Right after its question: its lead-in, the sentence before in its paragraph, or the
        // last of the paragraph before. Not in a text that offers the job or greets its reader,
        // nor under a title that lays out the reader's own terms as questions, nor where the
        // answer speaks to its reader (`[genre] addressee`: "Ja, du har tre måneders
        // oppsigelsestid etter kontrakten din", "Yes. Either of us can end this agreement before
        // your start date …"): there the answer states the reader's terms.
        let answers = |joined| answers_in_general(s, &openers.yes_no, &openers.asked_first, joined);
        let after_question = || {
            sentence.lead_in.or(index.checked_sub(1)).is_some_and(|q| {
                let question = &seg.sentences[q];
                question.paragraph + 1 >= sentence.paragraph && is_question(&text.string[question.start..question.end])
            })
        };
        if ((answers(false) && after_question()) || answers(true))
            && !addressed
            && !own_questions()
            && !to_reader(patterns, text.paragraph(sentence.paragraph))
        {
            general_answer = Some(sentence.paragraph);
        }
        // "Det er avtalt prøvetid. Den er på fem måneder", "There is a trial period. It lasts six
        // months": a sentence whose subject points back to the sentence before it in its
        // paragraph reads that sentence as a list item reads its lead-in, for the terms the
        // sentence before named and found nothing of (it states their value here). So does the
        // answer to a question of the reader's own terms asked on the line before ("Hvor lenge
        // er oppsigelsestiden når jeg er fast ansatt?" / "Etter prøvetiden er den tre måneder").
        let asked = |b: usize| {
            let q = &seg.sentences[b];
            q.paragraph + 1 == sentence.paragraph
                && (b == 0 || seg.sentences[b - 1].paragraph != q.paragraph)
                && text.string[q.start..q.end].trim_end().ends_with('?')
                && opens_with(&text.string[q.start..q.end], &patterns.openers.measures)
                && says(&text.string, scan, (q.start, q.end), &patterns.openers.askers)
                && !says(&text.string, scan, (q.start, q.end), &patterns.openers.modals)
        };
        // The pointer the sentence opens with, read once: for the sentence before it and as the
        // words that stand for the term.
        let pointer = OnceCell::new();
        let pointer = || *pointer.get_or_init(|| pointing(s, &patterns.openers));
        let back = index
            .checked_sub(1)
            .filter(|&b| {
                let before = &seg.sentences[b];
                sentence.lead_in.is_none()
                    && !before.is_heading
                    && if before.paragraph == sentence.paragraph {
                        // Not under a heading that names a clause (the heading names the term),
                        // nor in one that changes the term in its first clause: "Denne perioden
                        // kan forlengjast med inntil seks månader" is no length of it ("…, og den
                        // kan forlenges ved fravær" after the length is).
                        pointer().is_some()
                            && !sentence.heading.is_some_and(|h| heading_carries[h])
                            && !generic(&text.string[before.start..before.end], &patterns.openers.relatives)
                            && !occ.iter().any(|o| {
                                patterns.changes.contains(&o.concept)
                                    && !s[..scan.words[o.first as usize].start - sentence.start].contains([',', ';'])
                            })
                    } else {
                        asked(b)
                    }
            })
            .filter(|&b| {
                let found = out.iter().rev().take_while(|m| m.sentence == b);
                pointed.clear();
                // A denial there is its own ("Vi har ikke prøvetid. Den lovfestede fristen er …").
                let neg = &patterns.negation;
                pointed.extend(occ_of(by_sentence[b]).iter().filter(|o| {
                    !found.clone().any(|m| patterns.anchors_category(o.concept, m.category))
                        && !neg.forward.contains(&o.concept)
                        && !neg.backward.contains(&o.concept)
                }));
                pointed.iter().any(|o| !patterns.by_anchor[o.concept as usize].is_empty())
            });
        let lead = match (sentence.lead_in, back) {
            (Some(l), _) => occ_of(by_sentence[l]),
            (None, Some(_)) => &pointed[..],
            (None, None) => &[][..],
        };
        // The pronoun stands for the term: its words name the term's anchors, so that they hold
        // the length after them as the term would ("Ho er på tre månader, og i denne perioden er
        // oppseiingsfristen 14 dagar").
        let pronoun = back.filter(|&b| seg.sentences[b].paragraph == sentence.paragraph).and_then(|_| pointer());
        let occ =
            match pronoun {
                Some(words) => {
                    let first = scan.word_at(sentence.start) as u32;
                    let last = first + words.split_whitespace().count() as u32 - 1;
                    standing.clear();
                    standing.extend(
                        pointed
                            .iter()
                            .filter(|o| !patterns.by_anchor[o.concept as usize].is_empty())
                            .map(|o| Occurrence { concept: o.concept, first, last, skipped: 0 }),
                    );
                    standing.extend(occ.iter().filter(|o| o.first > last));
                    &standing[..]
                }
                None => occ,
            };
        let heading = heading_occ(sentence.heading);
        if occ.is_empty() && heading.is_empty() && lead.is_empty() {
            continue;
        }
        // A sentence that can yield nothing has no anchor, no reference and no carrying
        // heading, and so no kind of value to read either.
        let carrying = sentence.heading.is_some_and(|h| heading_carries[h]);
        // A quote may set a veto apart from the terms it quotes (`Clause::quoted_apart`), which
        // the shortcut cannot tell: a sentence that quotes is read in full.
        let quotes = text.string[sentence.start..sentence.end].contains(['"', '«', '“']);
        // A trace tells why each rule fails, so it reads every sentence past the shortcut.
        if !quotes && trace.is_none() && !may_yield(patterns, sentence, occ, lead, heading, carrying, &mut concept_sets)
        {
            continue;
        }
        // Only the kinds some category here can read: an anchor's, a carrying heading's or
        // a reference's.
        let kinds = kinds_needed(patterns, occ, lead, heading, &mut concept_sets);
        // An answer reads with its question: "Hvor lang oppsigelsestid har jeg på medlemskapet
        // mitt?" names the membership the answer's notice is of.
        let paragraph_range = match back.map(|b| seg.sentences[b].paragraph).filter(|&q| q != sentence.paragraph) {
            Some(q) => (by_paragraph[q].0, by_paragraph[sentence.paragraph].1),
            None => by_paragraph[sentence.paragraph],
        };
        let paragraph = occ_of(paragraph_range);
        // A question is no commentary that its answer goes on with.
        let lead_text = sentence
            .lead_in
            .or(back.filter(|&b| seg.sentences[b].paragraph == sentence.paragraph))
            .map_or("", |l| &text.string[seg.sentences[l].start..seg.sentences[l].end]);
        // The sentence before may have been passed over as one that yields nothing.
        let goes_on = index.checked_sub(1).is_some_and(|c| {
            let before = &seg.sentences[c];
            before.paragraph == sentence.paragraph
                && refers_back(s, &patterns.openers.kinds)
                && (last_commentary == Some(c)
                    || is_commentary(patterns, &text.string[before.start..before.end], occ_of(by_sentence[c])))
        });
        // A question after a clause quoted from the writer's own contract asks about that clause
        // ("kontrakten sier 3 mnd oppsigelse, er det vanlig?"): the quote is read as said.
        let (said, said_occ) =
            match quoted_then_asked(s, &patterns.openers, &patterns.genre.writer, || writer.goes_on(index)) {
                Some(cut) => {
                    let end = sentence.start + cut;
                    (&s[..cut], &occ[..occ.partition_point(|o| scan.words[o.last as usize].end <= end)])
                }
                None => (s, occ),
            };
        // A question that takes the asker's own term as given tells that term.
        let asks_from_own = writer.asks_from_own_term(index);
        // A reader's question to a column opens with its label ("Spørsmål: Jeg har tre
        // måneders oppsigelsestid …", "Question: I have …"): the label's word is no cue of
        // the statement after it, where the writer tells his own term with its length or
        // retells his own contract's clause ("Question: Our employment agreement states that …").
        let unlabelled = column_label(text.paragraph(sentence.paragraph))
            .filter(|_| {
                sentence.start == text.paragraphs[sentence.paragraph].start
                    && said.len() == s.len()
                    && (writer.tells_in_question(index) || writer.retells_clause(index))
            })
            .map(|cut| {
                let end = sentence.start + cut;
                (&s[cut..], &occ[occ.partition_point(|o| scan.words[o.first as usize].start < end)..])
            });
        let (judged, judged_occ) = unlabelled.unwrap_or((said, said_occ));
        let general = (is_commentary(patterns, judged, judged_occ)
            || supposes_readers_term(patterns, scan, sentence.start, s, occ))
            && !asks_from_own;
        // What the writer quotes from his own contract is that contract's wherever it stands:
        // under a forum thread's title or in a reader's letter to a column.
        // Asked only where commentary around the sentence would silence it.
        let own = OnceCell::new();
        let own = || {
            *own.get_or_init(|| {
                !general && (asks_from_own || writer.tells_in_question(index) || writer.quotes_own_terms(index))
            })
        };
        let cue = general
            || (is_commentary_paragraph(sentence.paragraph) && !own())
            || policy(s, occ)
            || is_policy_paragraph(sentence.paragraph)
            || usual(sentence.start, s, occ)
            || supposed(sentence.start, s, occ);
        if goes_on
            || cue
            || (is_commentary(patterns, lead_text, lead) && !own())
            || sentence.lead_in.is_some_and(|l| supposed(seg.sentences[l].start, lead_text, lead))
            || (under_title
                && sentence.heading.is_none_or(|h| h < title_scope || seg.headings[h] == 0)
                && !own()
                && !tells_reader_terms(patterns, text, scan, sentence, names_owner(sentence.paragraph)))
            || quoted
            || general_answer == Some(sentence.paragraph)
            || advert.as_ref().is_some_and(|a| a.contains(&sentence.paragraph))
            || (title_of_commentary(sentence) && !own())
            || apart[sentence.paragraph]
        {
            // Every category that could have been found here was set aside with the sentence.
            if let Some(trace) = trace {
                let mut categories: Vec<Category> = occ
                    .iter()
                    .flat_map(|o| patterns.by_anchor[o.concept as usize].iter())
                    .map(|&r| patterns.categories[patterns.rules[r].category].category)
                    .collect();
                categories.sort();
                categories.dedup();
                trace.borrow_mut().tried.extend(categories.into_iter().map(|category| Tried {
                    sentence: index,
                    rule: category.as_str().to_owned(),
                    why: Why::Commentary,
                }));
            }
            last_commentary = Some(index);
            commentary[index] = true;
            // A statement in general terms (not a question, not a list item) counts towards
            // the text's kind as a whole; a template's note or blank in brackets ("[COMPLETE
            // ADDRESS]") or under a note's label ("Veiledning: …") speaks to whoever fills it in
            // and tells nothing of the kind.
            let paragraph = text.paragraph(sentence.paragraph);
            explaining[index] = cue
                && sentence.lead_in.is_none()
                && !is_question(s)
                && !is_editors_note(paragraph, openers)
                && !opens_with(paragraph, &openers.notes);
            continue;
        }
        // A term retold before a question about it ("It says one week's notice but what if I
        // have not started yet?") is read as said: the question's words neither add to the
        // term nor make it another clause (a notice before the start).
        let retold;
        let (sentence, occ) = if said.len() < s.len() {
            retold = Sentence { end: sentence.start + said.len(), ..*sentence };
            (&retold, said_occ)
        } else {
            (sentence, occ)
        };
        let (first_word, end_word) = (scan.word_at(sentence.start), scan.word_at(sentence.end));
        occ.iter().chain(lead).chain(heading).for_each(|o| {
            named.insert(o.concept);
        });
        in_paragraph.read(&scan.occurrences, paragraph_range);
        let mut clause = Clause {
            patterns,
            scan,
            text: &text.string,
            sentence,
            occ,
            lead,
            heading,
            lead_span: sentence.lead_in.map(|l| (seg.sentences[l].start, seg.sentences[l].end)),
            lead_values: {
                if lead_values.0 != sentence.lead_in {
                    lead_values = (sentence.lead_in, OnceCell::new());
                }
                &lead_values.1
            },
            quote_marks: &quote_marks,
            previous: match index.checked_sub(1) {
                Some(i) if seg.sentences[i].paragraph == sentence.paragraph => occ_of(by_sentence[i]),
                _ => &[],
            },
            paragraph,
            in_paragraph: &in_paragraph,
            kinds,
            values: Default::default(),
            assigned: Default::default(),
            breaks: breaks(scan, &text.string, (first_word, end_word), &patterns.sentences, &mut breaks_buffer),
            first_word,
            end_word,
            transparent: {
                transparent_buffer.clear();
                transparent_buffer
                    .extend(occ.iter().filter(|o| patterns.negation.transparent.contains(&o.concept)).map(|o| o.first));
                transparent_buffer.dedup();
                &transparent_buffer
            },
            negated: {
                negated_buffer.clear();
                negated_buffer.resize(occ.len(), false);
                &mut negated_buffer
            },
            named: &named,
            text_date: &text_date,
            found: Found::default(),
            trace,
        };
        clause.negate();
        // Only a sentence that states an amount for a reference needs its amounts assigned.
        let holders = || clause.assigned(ValueKind::Amount);
        // "Kursavgift, reise og opphold er anslått til kr 96 000 og betales av klinikken":
        // the one sum of a sentence that names the reference is its sum, unless a holder
        // such as the salary keeps it.
        // A sum restated in words in brackets ("kr 78 500 (syttiåtte tusen fem hundre kroner)") is
        // still one sum.
        let only = || {
            let holders = holders();
            let amounts = &clause.values(ValueKind::Amount).amounts;
            let one = holders.len() == 1 || amounts.windows(2).all(|w| w[0] == w[1]);
            (one && !holders.is_empty()
                && !matches!(holders[0], Some(h) if patterns.by_anchor[occ[h].concept as usize].is_empty()))
            .then_some(0)
        };
        let is_reference = |o: &&Occurrence| patterns.references.contains(&o.concept);
        // "Kostnadene er rekna til kr 92 000": a word that points to an amount ("kostnadene",
        // "the costs") states the one the clause after it means by that word.
        let states = |o: &&Occurrence| is_reference(o) || patterns.amount_refs.contains(&o.concept);
        // "to kurs (kursavgift kr 27 500 og kr 14 500), til saman kr 42 000": the total the
        // sentence states is what its references cost, not the part one of them holds.
        // The amount right after the word, or right before it in the same clause ("kr 42 000
        // til saman").
        let total = || {
            let ranges = clause.values(ValueKind::Amount).ranges(ValueKind::Amount);
            let after = |&span: &Span| clause.near_value(&patterns.totals, span, false);
            ranges.iter().position(after).or_else(|| ranges.iter().position(|&span| clause.total_after(span)))
        };
        let total = occ.iter().any(|o| is_reference(&o)).then(total).flatten();
        for o in occ.iter().filter(states) {
            let held = || {
                holders()
                    .iter()
                    .position(|h| h.is_some_and(|h| occ[h].first == o.first))
                    .or_else(only)
                    .map(|i| clause.capped_by(i).unwrap_or(i))
            };
            let whole =
                |i: &usize| !part_of_sum(patterns, occ, clause.values(ValueKind::Amount).ranges(ValueKind::Amount)[*i]);
            if let Some(i) = total.filter(|_| is_reference(&o)).or_else(held).filter(whole) {
                stated.entry(o.concept).or_default().push((index, clause.values(ValueKind::Amount).amounts[i].clone()));
            }
        }
        // "Flytteutgifter" / "Selskapet dekkjer flyttinga di med inntil kr 80 000": the one sum
        // of a sentence under a heading that names the reference, where the sentence names none.
        if !sentence.is_heading && !occ.iter().any(|o| is_reference(&o)) && heading.iter().any(|o| is_reference(&o)) {
            if let Some(i) = only() {
                for o in heading.iter().filter(is_reference) {
                    stated
                        .entry(o.concept)
                        .or_default()
                        .push((index, clause.values(ValueKind::Amount).amounts[i].clone()));
                }
            }
        }
        let mut found = sentence_matches(&clause, index);
        if let Some(trace) = trace {
            trace.borrow_mut().read.extend(found.iter().map(|m| (m.sentence, m.category, m.rule.clone())));
        }
        // A pointer states the value of a term the sentence before named and found nothing of:
        // a denial after it limits that term ("Den kan ikke forlenges") or says there is no
        // such clause to find ("The Agency will pay for your course. It does not have to be
        // repaid."); it is no denied clause of its own.
        if pronoun.is_some() {
            found.retain(|m| !m.negated);
        }
        if !sentence.is_heading && carrying {
            // The heading's own category, when the line's rules found another one only ("7.
            // Resignation" / "Three months, except in the trial period where it is 14 days").
            let carried = heading_matches(&clause, index, found.is_empty());
            let new: Vec<Match> =
                carried.into_iter().filter(|m| !found.iter().any(|f| f.category == m.category)).collect();
            found.extend(new);
        }
        // '"Mobilisation Costs" means the costs of … the work permit': a definition says what a
        // word stands for and sets no condition. A value it states ('"Commencement Date" means 3
        // January 2028') is a term of the contract, and so is a term that names the clause
        // itself ('"Conditions" means the conditions listed in …').
        if let Some((first, end)) = (!found.is_empty()).then(|| defined_term(s, &patterns.openers)).flatten() {
            let (first, end) = (sentence.start + first, sentence.start + end);
            let named = |m: &Match| {
                occ.iter().any(|o| {
                    scan.words[o.first as usize].start >= first
                        && scan.words[o.last as usize].end <= end
                        && clause.kinds(o.concept).any(|k| patterns.categories[k].category == m.category)
                })
            };
            found.retain(|m| !m.negated && (m.values != Values::default() || named(m)));
        }
        for (i, m) in found.iter().enumerate() {
            // Only a category that skips the employer's rows looks for its finding's anchor.
            if !patterns.categories.iter().any(|cat| cat.category == m.category && cat.skips_employer_rows) {
                continue;
            }
            let anchor = occ.iter().find(|o| scan.words[o.first as usize].start == m.span.0);
            if let Some(party) = anchor.and_then(|o| clause.label_party(o)) {
                party_rows.push((out.len() + i, party));
            }
        }
        out.extend(found);
        for list in [occ, lead, heading] {
            named.clear(list);
        }
    }
    // "Notice – given by Employer | 6 months" / "Notice – given by Employee | 2 months": where
    // a form has a row for each party, the employee's binds and the employer's is no finding
    // of its own (a row for the employer alone is still the clause's notice).
    let employers: Vec<usize> = party_rows
        .iter()
        .filter(|&&(i, employee)| !employee && party_rows.iter().any(|&(j, e)| e && out[j].category == out[i].category))
        .map(|&(i, _)| i)
        .collect();
    if !employers.is_empty() {
        let mut i = 0;
        out.retain(|_| {
            i += 1;
            !employers.contains(&(i - 1))
        });
    }
    // A sentence carried by its heading only stands for a clause the text names nowhere
    // else: a sentence with a finding of its own is the clause, and of several carried ones
    // the first is the term ("This applies for the first four months. … review in week 6").
    let carried = |m: &Match| m.rule.ends_with(".section");
    let keep: Vec<bool> = out
        .iter()
        .enumerate()
        .map(|(i, m)| {
            !carried(m)
                || !out
                    .iter()
                    .enumerate()
                    .any(|(j, o)| j != i && o.category == m.category && (!carried(o) || o.sentence < m.sentence))
        })
        .collect();
    let mut keep = keep.into_iter();
    out.retain(|_| keep.next().unwrap_or(true));
    // "Avtalen kan seiast opp før tiltreding. Oppseiingstida er då den same som etter punkt 9":
    // a term that points to another numbered section, right after a clause that takes its
    // length from the term's category, is the measure of that clause; the section it points
    // to states the term itself. A term stated first ("Oppseiingstida er som fastsett i punkt
    // 4 i særavtala. Same frist gjeld før tiltreding") is the contract's own.
    // The clause before is looked for first: reading a reference tries every word of the sentence.
    // The sentence after each live finding, with the categories that take their length from it.
    let measured: HashSet<(usize, Category)> = out
        .iter()
        .filter(|o| !o.negated)
        .flat_map(|o| {
            patterns
                .categories
                .iter()
                .filter(|c| c.category == o.category)
                .filter_map(|c| Some((o.sentence + 1, c.values_from_category?)))
        })
        .collect();
    let measures = |m: &Match| {
        let s = &seg.sentences[m.sentence];
        measured.contains(&(m.sentence, m.category))
            && seg.sentences[m.sentence - 1].paragraph == s.paragraph
            && section_reference(text, s).is_some_and(|n| {
                Some(n) != s.heading.and_then(|h| numbering::section_number(text.paragraph(seg.headings[h])))
            })
    };
    let measure: Vec<bool> = out.iter().map(|m| !m.negated && measures(m)).collect();
    let mut measure = measure.into_iter();
    out.retain(|_| !measure.next().unwrap_or(false));
    // "Vi viser til punkt 9 … om tilbakebetaling av kurskostnader. Selskapet bekrefter at
    // kravet ikke vil bli gjort gjeldende": a claim given up in a sentence with no finding of
    // its own gives up the clause the sentence before it in its paragraph names.
    let waived: Vec<usize> = (1..seg.sentences.len())
        .filter(|&i| {
            seg.sentences[i].paragraph == seg.sentences[i - 1].paragraph
                && occ_of(by_sentence[i]).iter().any(|o| patterns.negation.waivers.contains(&o.concept))
                && !out.iter().any(|m| m.sentence == i)
        })
        .map(|i| i - 1)
        .collect();
    // "~~Arbeidstaker er bundet til selskapet i 12 måneder …~~": a clause struck through (as
    // markdown writes a deletion) was taken out of the contract; it is denied, not binding.
    let marks: Vec<OnceCell<StrikeMarks>> = vec![OnceCell::new(); text.paragraphs.len()];
    for m in out.iter_mut().filter(|m| patterns.negatable(m.category)) {
        let p = seg.sentences[m.sentence].paragraph;
        if waived.contains(&m.sentence) || marks[p].get_or_init(|| StrikeMarks::new(text, p)).struck(m.span.0) {
            m.negated = true;
        }
    }
    strike_sections(patterns, text, seg, scan, &by_sentence, &commentary, &mut out);
    supersede(patterns, text, seg, scan, &by_sentence, &mut out);
    // A text that amends an employment already running ("Tilleggsavtale til arbeidsavtale av
    // …", "Change of terms", "Stadfesting av opprykk"), from where it says so, or a sentence
    // about a post held on or moved to within it ("går over i stillinga som …"): a start date
    // found there by a word that says only from when something applies ("Gjelder fra:
    // 01.11.2027", "With effect from 1 April 2028 … is appointed") is the day a change takes
    // effect. One found by a word of starting ("Tiltredelse i ny stilling: 01.02.2028") starts
    // the new post, and so does one in a numbered section of its own ("3 Overgang til ny
    // stilling" / "Du går over i den nye stillingen fra og med 1. oktober 2027"); a start the
    // amendment moves ("… flyttes fra 1. mai til …") is one.
    let g = &patterns.genre;
    let effective = |m: &Match| {
        m.category == Category::StartDate
            && !m.negated
            && occ_of(by_sentence[m.sentence])
                .iter()
                .any(|o| g.effective.contains(&o.concept) && scan.words[o.first as usize].start == m.span.0)
    };
    if out.iter().any(effective) {
        let from = amending_from(patterns, text, seg, scan, &by_paragraph).unwrap_or(usize::MAX);
        let holds = |i: usize, list: &[&Concepts]| {
            occ_of(by_sentence[i]).iter().any(|o| list.iter().any(|l| l.contains(&o.concept)))
        };
        let in_section = |i: usize| {
            seg.sentences[i]
                .heading
                .is_some_and(|h| numbering::section_number(text.paragraph(seg.headings[h])).is_some())
        };
        out.retain(|m| {
            !effective(m)
                || holds(m.sentence, &[&patterns.amendments, &patterns.superseded])
                || in_section(m.sentence)
                || (seg.sentences[m.sentence].paragraph < from && !holds(m.sentence, &[&g.continuing]))
        });
    }
    fill(patterns, text, seg, scan, &by_sentence, &stated, &mut out);
    // A text that speaks in general terms more often than it binds anyone is a guide, an
    // article or law text as a whole (a document-level context, like a section's in
    // medspaCy): the few sentences its cues missed explain too ("Den maksimale prøvetiden er
    // seks måneder"). What it quotes from a contract is that contract's.
    if reads_as_commentary(patterns, text, seg, &by_sentence, scan, &explaining, &out) {
        // A quote that a hedge brings in ("the contract might say «…»", "kontrakten kan inneholde
        // «…»") is a made-up example of a term, not words taken from a contract.
        let hedged = |i: usize| occ_of(by_sentence[i]).iter().any(|o| patterns.genre.commentary.contains(&o.concept));
        // A passage quoted as a paragraph of its own under a line of commentary that brings it
        // in ("… hvor lang bindingstid som kan avtales i § 14.3:" / "«…»", "For example:" /
        // "…") is the rule the commentary discusses or its example, not a contract's term.
        let under_commentary = |i: usize| {
            let paragraph = seg.sentences[i].paragraph;
            let first = (0..=i).rev().take_while(|&k| seg.sentences[k].paragraph == paragraph).last().unwrap_or(i);
            text.paragraph(paragraph).trim_start().starts_with(['«', '“', '"'])
                && first.checked_sub(1).is_some_and(|b| {
                    let before = &seg.sentences[b];
                    let lead = &text.string[before.start..before.end];
                    lead.trim_end().ends_with(':')
                        && (occ_of(by_sentence[b]).iter().any(|o| patterns.commentary.contains(&o.concept))
                            || hedge_at(lead, &patterns.genre.hedges).is_some())
                })
        };
        out.retain(|m| {
            let s = &seg.sentences[m.sentence];
            (quotes_passage(&text.string[s.start..s.end]) && !hedged(m.sentence) && !under_commentary(m.sentence))
                || writer.introduced(m.sentence)
                || writer.quotes_own_terms(m.sentence)
                || writer.in_first_person(m.sentence)
                || writer.asks_from_own_term(m.sentence)
                || writer.tells_in_question(m.sentence)
                || writer.goes_on(m.sentence)
        });
    }
    // A text that names another agreement (a membership, a lease, a subscription) in three or
    // more of its paragraphs and never an employment states that agreement's terms: a gym's or
    // a landlord's notice and binding time bind no employee. (A clause that names a bonus
    // scheme under its heading is still an employee's.)
    let names = |i: usize, list: &Concepts| occ_of(by_paragraph[i]).iter().any(|o| list.contains(&o.concept));
    let paragraphs = 0..text.paragraphs.len();
    let employment = paragraphs.clone().any(|i| names(i, &g.employment));
    // Paragraphs that name another agreement, counted to three: all the checks below ask.
    let other = paragraphs.clone().filter(|&i| names(i, &g.other)).take(3).count();
    if other == 3 && !employment {
        out.clear();
    }
    // A text that names the parties of another kind of agreement twice over (a tenant and the
    // lease, a client and its supplier, a student room and its deposit) and no one employed
    // binds a tenant or a supplier, whatever "avtalen" it speaks of: "Leietaker kan si opp
    // leieavtalen med tre måneders varsel", "Oppdragsgiver: … / Leverandør: …".
    // A title that names another agreement ("Tenancy agreement", "Prisliste – …") is one more
    // such sign; over a text that names no employment at all it is enough, and with two of the
    // parties it outweighs the employee such a text may name as the tenant, the insured or
    // the candidate placed ("Tenant: employee of …", "the Candidate's employment").
    let whole = (0, text.string.len());
    if !out.is_empty() {
        let titled_other = titled && names(0, &g.titles);
        let employed = says(&text.string, scan, whole, &g.staff) || paragraphs.clone().any(|i| names(i, &g.hired));
        // The parties can decide only where no one is employed or a title names another
        // agreement: an employment contract is not searched for them.
        if !employed || titled_other {
            let mut named: Vec<&String> = said(&text.string, scan, whole, &g.parties).collect();
            named.sort_unstable();
            named.dedup();
            let signs = named.len() + usize::from(other > 0) + usize::from(titled_other);
            if (!employed && (signs >= 2 || (titled_other && !employment))) || (titled_other && named.len() >= 2) {
                out.clear();
            }
        }
    }
    // In a text that names no employment, a notice that a heading carries is the notice of
    // the other agreement its paragraph names ("Oppsigelsestid" / "… av barnehageplass er en
    // måned"), as a rule's clause is; in an employment contract the paragraph's tariff
    // agreement is a reference, and a repayment's paragraph names what was paid for.
    if !employment {
        out.retain(|m| {
            !(m.category == Category::NoticePeriod
                && (m.rule.ends_with(".heading") || m.rule.ends_with(".section"))
                && names(seg.sentences[m.sentence].paragraph, &patterns.genre.other))
        });
    }
    // A negated finding beside a live one of its category in the same paragraph, list or
    // section is that clause's limit or condition ("etter 24 måneder: ingen tilbakebetaling"
    // under a repayment scale; "Gis ikke tillatelse, faller avtalen bort"; a customer clause
    // followed by "Det er ikke avtalt konkurranseklausul" under one heading), not a denial.
    let group = |m: &Match| {
        let s = &seg.sentences[m.sentence];
        s.lead_in.map_or((s.paragraph, usize::MAX), |l| (usize::MAX, l))
    };
    let section = |i: usize| seg.sentences[i].heading;
    // A general denial followed by a narrower clause that binds all the same ("… likevel",
    // "however") is not its limit: both stand. A denial that names what it is limited to ("no
    // binding time for the internal courses. You will however repay the external one") is
    // the other clause's counterpart, and goes.
    let contrasted = |s: usize| occ_of(by_sentence[s]).iter().any(|o| patterns.negation.contrasts.contains(&o.concept));
    let general = |m: &Match| {
        !occ_of(by_sentence[m.sentence])
            .iter()
            .any(|o| scan.words[o.first as usize].start >= m.span.1 && patterns.references.contains(&o.concept))
    };
    // A denial that names the part it leaves out ("Kursene dekkes uten krav om
    // tilbakebetaling", "the relocation grant is not repayable"), itself or in the sentence
    // before it in its paragraph that it goes on about ("Flyttetilskudd: kr 30 000. Beløpet
    // skal ikke tilbakebetales"), is that counterpart wherever the live clause stands in the text.
    let refers = |i: usize| occ_of(by_sentence[i]).iter().any(|o| patterns.references.contains(&o.concept));
    let names_part = |m: &Match| {
        refers(m.sentence)
            || m.sentence
                .checked_sub(1)
                .is_some_and(|b| seg.sentences[b].paragraph == seg.sentences[m.sentence].paragraph && refers(b))
    };
    // A restraint of another kind named after a denied one ("Det er ikke avtalt
    // konkurranseklausul. Kundeklausul gjelder likevel …") is the exception the denial leaves room
    // for, not a second duty beside it: the live clause alone stands. (A later claim of the same
    // term, "men sjefen seier at alle har 6 mnd prøvetid", contradicts, and both stand.)
    let named_kind = |m: &Match| m.category == Category::NonCompete && m.rule.ends_with(".term");
    let live: Vec<(Category, (usize, usize), usize, bool)> =
        out.iter().filter(|m| !m.negated).map(|m| (m.category, group(m), m.sentence, named_kind(m))).collect();
    out.retain(|m| {
        !m.negated
            || !live.iter().any(|&(c, g, s, named)| {
                c == m.category
                    && (names_part(m)
                        || ((g == group(m) || section(s).is_some_and(|h| section(m.sentence) == Some(h)))
                            && !(s > m.sentence && contrasted(s) && general(m) && !named)))
            })
    });
    out
}

/// What the writer says of his own contract, sentence by sentence: the quotes and first-person
/// statements that keep their findings in a text otherwise commentary.
struct Writer<'a> {
    p: &'a Patterns,
    text: &'a Text,
    seg: &'a Segments,
    scan: &'a Scan,
    by_sentence: &'a [(usize, usize)],
    /// The last sentence that opens a Q&A column's answer ("Svar: …", "A: …"), found on first
    /// use: whether an answer follows a sentence is then one comparison, not a search of the
    /// rest of the text from every sentence.
    last_answer: OnceCell<Option<usize>>,
}

impl Writer<'_> {
    fn said(&self, i: usize) -> &str {
        let s = &self.seg.sentences[i];
        &self.text.string[s.start..s.end]
    }

    fn occ(&self, i: usize) -> &[Occurrence] {
        let (a, b) = self.by_sentence[i];
        &self.scan.occurrences[a..b]
    }

    /// Whether sentence `i` holds a QUOTING concept ("står det", "it says").
    fn quoting_at(&self, i: usize) -> bool {
        self.occ(i).iter().any(|o| self.p.genre.quoting.contains(&o.concept))
    }

    /// Whether a QUOTING concept brings in the sentence: in it, in its lead-in, or in the
    /// sentence before it in its paragraph or before its colon ("I kontrakten min står det: …").
    fn introduced(&self, i: usize) -> bool {
        self.quoting_at(i) || self.led_in(i)
    }

    /// Whether the sentence's lead-in, or the sentence before it in its paragraph or before its
    /// colon, holds a QUOTING concept.
    fn led_in(&self, i: usize) -> bool {
        let s = &self.seg.sentences[i];
        s.lead_in.is_some_and(|l| self.quoting_at(l))
            || i.checked_sub(1).is_some_and(|b| {
                self.quoting_at(b)
                    && (self.seg.sentences[b].paragraph == s.paragraph || self.said(b).trim_end().ends_with(':'))
            })
    }

    /// Whether a sentence quotes the writer's own contract: a passage in quotation marks after a
    /// QUOTING concept or the writer's own words that bring it in ("I kontrakten min står det:
    /// «…»", "Jeg hadde samme klausul: «…»"; not one inside the quote, where the writer's whole
    /// message is quoted), or a clause pasted in as a paragraph of its own under the line that
    /// brings it in ("… the contract contains the following clause:" / "If the employee resigns …";
    /// "Is this legal? My offer has a penalty clause like below?" / "Your employment …", the
    /// QUOTING words ending the line pointing on to it).
    fn quotes_own_terms(&self, i: usize) -> bool {
        let (s, said) = (&self.seg.sentences[i], self.said(i));
        // The line that brings in pasted text: QUOTING words ending it or a ':' or ',' after them.
        let brings_in = |b: usize| {
            let end = self.seg.sentences[b].end;
            let points_on = || {
                self.occ(b).iter().any(|o| {
                    self.p.genre.quoting.contains(&o.concept)
                        && self.scan.words.get(o.last as usize + 1).is_none_or(|w| w.start >= end)
                })
            };
            self.quoting_at(b) && (self.said(b).trim_end().ends_with([':', ',']) || points_on())
        };
        // Right under that line, or an item of the list it leads in to ("… on the following
        // conditions in the contract:" / "1. …" / "2. …").
        let pasted = i.checked_sub(1).is_some_and(|b| self.seg.sentences[b].paragraph != s.paragraph && brings_in(b))
            || s.lead_in.is_some_and(brings_in);
        let opens = s.start + said.find(['«', '“', '"']).unwrap_or(said.len());
        let before = |list: &Concepts| {
            self.occ(i).iter().any(|o| list.contains(&o.concept) && self.scan.words[o.last as usize].end <= opens)
        };
        // "If it says «6 months probation», …" supposes a contract; it quotes none.
        let before_quote = || {
            !before(&self.p.negation.conditions)
                && (before(&self.p.genre.quoting)
                    || says(&self.text.string, self.scan, (s.start, opens), &self.p.genre.writer))
        };
        pasted || (quotes_passage(said) && (before_quote() || self.led_in(i))) || self.retells_clause(i)
    }

    /// Whether a sentence retells a clause of one contract in its own words, any of its QUOTING
    /// words bringing it in as a colon brings in a quote (`[genre] retold` as their last word or
    /// one of the two after them: "Kontrakten hans sa at den
    /// som ikkje møtte opp …", "Her contract stated that if she failed to start …", "The chef's
    /// contract required her to pay …"): a statement, opened by no verb that supposes the
    /// contract ("Står det i avtalen at …, må du …"), with no condition or report before those
    /// words ("Hvis avtalen sier at …", "The court held that …, since his contract stated …").
    fn retells_clause(&self, i: usize) -> bool {
        let (s, said, occ) = (&self.seg.sentences[i], self.said(i), self.occ(i));
        let words = &self.scan.words;
        let word = |k: usize| words.get(k).filter(|w| w.end <= s.end).map(|w| &self.text.string[w.start..w.end]);
        let one_of = |w: Option<&str>, list: &[String]| w.is_some_and(|w| list.iter().any(|x| folded_eq(w, x)));
        let first = self.scan.word_at(s.start);
        !is_question(said) && !one_of(word(first), &self.p.negation.verb_first) && {
            // Any QUOTING words before the first condition or report, with a rule's anchor
            // after them: both bounds found once, not again for each QUOTING occurrence.
            let blocked = occ
                .iter()
                .position(|o| {
                    self.p.negation.conditions.contains(&o.concept) || self.p.paragraph_commentary.contains(&o.concept)
                })
                .unwrap_or(occ.len());
            let last_anchor = occ.iter().rposition(|o| !self.p.by_anchor[o.concept as usize].is_empty());
            occ.iter().enumerate().take(blocked + 1).any(|(q, o)| {
                self.p.genre.quoting.contains(&o.concept)
                    && last_anchor.is_some_and(|a| a > q)
                    && (o.last as usize..o.last as usize + 3).any(|k| one_of(word(k), &self.p.genre.retold))
            })
        }
    }

    /// Whether a sentence goes on, in its paragraph, from one in which the writer tells of the
    /// papers he got or signed (`[openers] sources`: "I was asked to sign a bond of two years and
    /// the clause states … There is a notice period of one month …"): the account of his own
    /// terms runs on past the pronoun. A writer who only introduces himself ("I have advised
    /// shipowners for twenty years") retells no terms.
    fn goes_on(&self, i: usize) -> bool {
        i.checked_sub(1).is_some_and(|b| {
            let before = &self.seg.sentences[b];
            before.paragraph == self.seg.sentences[i].paragraph
                && self.in_first_person(b)
                && says(&self.text.string, self.scan, (before.start, before.end), &self.p.openers.sources)
        })
    }

    /// Whether a question in the asker's own person (`[openers] askers`) takes one of the asker's
    /// terms as given: a term in the definite form or the asker's own, its length right after
    /// "på"/"of" ("Må jeg jobbe ut oppsigelsestiden på 3 mnd?", "Kva skjer om eg sluttar før
    /// oppseiingstida mi på ein månad er over?", "Can I leave before my notice period of one month
    /// is over?"). It asks what follows from the term, so the term is
    /// told as a fact; "Kan jeg få en prøvetid på åtte måneder?" asks what may be, and no
    /// commentary cue may stand in it.
    fn asks_from_own_term(&self, i: usize) -> bool {
        let (s, said, occ) = (&self.seg.sentences[i], self.said(i), self.occ(i));
        let (text, words) = (&self.text.string, &self.scan.words);
        let word = |k: usize| &text[words[k].start..words[k].end];
        let one_of = |k: usize, list: &[&str]| list.iter().any(|x| folded_eq(word(k), x));
        let inside = |k: usize| words.get(k).is_some_and(|w| w.end <= s.end);
        let given = |o: &Occurrence| {
            let (first, last) = (o.first as usize, o.last as usize);
            // "oppsigelsestiden min på to måneder": the possessive after the term.
            let of = last + 1 + usize::from(inside(last + 1) && one_of(last + 1, POSSESSIVES));
            let definite = of > last + 1
                || (first > 0 && (one_of(first - 1, DEFINITE_ARTICLES) || one_of(first - 1, POSSESSIVES)))
                || {
                    let term = word(last).to_lowercase();
                    ["en", "et", "a"].iter().any(|end| term.ends_with(end))
                };
            let length = inside(of + 1) && one_of(of, LENGTH_OF) && {
                let rest = &text[words[of + 1].start..s.end];
                values::durations(rest).first().is_some_and(|d| d.start == 0)
                    || values::amounts(rest, &self.p.bare_sums).first().is_some_and(|a| a.start == 0)
            };
            // "my six-month probation", "the NOK 20,000 penalty", "my full three-month notice
            // period": the asker's own or the definite term, its measure before it.
            let before = || {
                (2..=5).filter(|&back| first >= back && words[first - back].start >= s.start).any(|back| {
                    let k = first - back;
                    (one_of(k, POSSESSIVES) || folded_eq(word(k), "the")) && {
                        // The measure alone, or after one word ("full"): not "the usual terms (6
                        // months probation …)", which names no term as given.
                        let between = &text[words[k + 1].start..words[first].start];
                        let end = between.trim_end().len();
                        let measure = |start: usize, stop: usize| {
                            stop == end
                                && !between.contains(['(', ';'])
                                && !between.contains(", ")
                                && between[..start].split_whitespace().count() <= 1
                        };
                        values::durations(between).last().is_some_and(|d| measure(d.start, d.end))
                            || values::amounts(between, &self.p.bare_sums)
                                .last()
                                .is_some_and(|a| measure(a.start, a.end))
                    }
                })
            };
            (definite && !(first > 0 && one_of(first - 1, ARTICLES)) && length) || before()
        };
        is_question(said)
            && says(text, self.scan, (s.start, s.end), &self.p.openers.askers)
            && !occ.iter().any(|o| self.p.commentary.contains(&o.concept))
            && occ.iter().any(|o| !self.p.by_anchor[o.concept as usize].is_empty() && given(o))
    }

    /// Whether a statement in a reader's question to a Q&A column that the reader writes in the
    /// first person (`[genre] writer`) tells the reader's own terms with their length, the
    /// subject left out or not: "Spørsmål: Jeg har fått nytt tilbud. … (Har hatt tre måneders
    /// oppsigelsestid)", "Q: I have resigned. The notice is two months. Can I leave early?".
    /// Not where the column's answer follows ("Svar: …", "A: …"): the column as printed
    /// explains, and the question only sets up the answer.
    fn tells_in_question(&self, i: usize) -> bool {
        let (s, said) = (&self.seg.sentences[i], self.said(i));
        let span = (self.text.paragraphs[s.paragraph].start, self.text.paragraphs[s.paragraph].end);
        let last_answer = || {
            *self.last_answer.get_or_init(|| {
                (0..self.seg.sentences.len()).rev().find(|&k| {
                    let line = self.said(k).trim_start();
                    is_question_and_answer(line) && !asks_column(line) || opens_with(line, &self.p.openers.answers)
                })
            })
        };
        !is_question(said)
            && column_label(self.text.paragraph(s.paragraph)).is_some()
            && last_answer().is_none_or(|k| k <= i)
            // "… konkurranseklausul på ett år. Er det lov?" asks what the law allows.
            // The paragraph's own sentences only, found by search: a text of many such posts
            // would otherwise read all its sentences for each.
            && !{
                let from = self.seg.sentences.partition_point(|o| o.paragraph < s.paragraph);
                (from..self.seg.sentences.len())
                    .take_while(|&k| self.seg.sentences[k].paragraph == s.paragraph)
                    .any(|k| opens_with(self.said(k).trim_start(), &self.p.openers.general_questions))
            }
            && !self.occ(i).iter().any(|o| self.p.paragraph_commentary.contains(&o.concept))
            // "My boss says I have to stay two years" tells what another claims; "Jeg sa opp"
            // is the writer's own resignation, and "My contract says" his contract's word.
            && (!names_word(&said.replace(" sa opp", " "), &self.p.openers.attributions)
                || self.occ(i).iter().any(|o| self.p.reporting.contains(&o.concept)))
            && says(&self.text.string, self.scan, span, &self.p.genre.writer)
            && !values::durations(said).is_empty()
    }

    /// Whether a sentence states terms in the first person (`[genre] writer`: "Jeg har tre
    /// måneders oppsigelsestid", "I have a one-year repayment"), no question, reporting no one
    /// else's word and speaking to no reader ("du", "you"), as an answer to the writer does.
    fn in_first_person(&self, i: usize) -> bool {
        let (s, said) = (&self.seg.sentences[i], self.said(i));
        !is_question(said)
            // "nå sier sjefen at prøvetiden min blir lengre" tells what another claims.
            && !self.occ(i).iter().any(|o| self.p.paragraph_commentary.contains(&o.concept))
            && says(&self.text.string, self.scan, (s.start, s.end), &self.p.genre.writer)
            && !to_reader(self.p, said)
    }
}

/// Whether a sentence under a guide's title states the reader's own terms: in a paragraph that
/// names the reader's own (`owned`: `[genre] owner`), it speaks to its reader and gives a length
/// with no modal ("Your probation period is six months. If you resign within 12 months, you must
/// repay …"), as an offer letter's "What you should know before your first day" does, where a
/// guide speaks in general terms or of what may be ("you can be on probation for up to six months").
fn tells_reader_terms(p: &Patterns, text: &Text, scan: &Scan, sentence: &Sentence, owned: bool) -> bool {
    let span = (sentence.start, sentence.end);
    let s = &text.string[span.0..span.1];
    owned
        && !is_question(s)
        && to_reader(p, s)
        && !says(&text.string, scan, span, &p.openers.modals)
        && !values::durations(s).is_empty()
}

/// Whether the sentence `s` (at `start` in `text`, with concepts `occ`) states the usual term or
/// the law's default (grammar.toml `[genre] usual`) by its words: a `usual_heads` word opening
/// it right before a clause's anchor ("Den vanlige prøvetiden …"); a `law_heads` word opening it
/// with a `laws` concept among its first eight words and an `unless_agreed` phrase in it ("Under
/// section 15-3 of the Act, … unless otherwise agreed"); a hedge before its first length ("kan
/// f.eks. være seks måneder").
fn states_usual(p: &Patterns, scan: &Scan, text: &str, start: usize, s: &str, occ: &[Occurrence]) -> bool {
    let g = &p.genre;
    let first = scan.word_at(start);
    let words_of = |w: &str| w.split(|c: char| !c.is_alphanumeric()).filter(|x| !x.is_empty()).count();
    if let Some(head) = opening(s, &g.usual_heads) {
        let next = first + words_of(head);
        if occ
            .iter()
            .any(|o| (next..=next + 1).contains(&(o.first as usize)) && !p.by_anchor[o.concept as usize].is_empty())
        {
            return true;
        }
    }
    if opening(s, &g.law_heads).is_some()
        && occ.iter().any(|o| g.laws.contains(&o.concept) && (o.first as usize) < first + 8)
        && says(text, scan, (start, start + s.len()), &g.unless_agreed)
    {
        return true;
    }
    hedge_at(s, &g.hedges).is_some_and(|at| values::durations(s).first().is_some_and(|d| d.start > at))
}

/// Where the first of `hedges` (lower case) stands in `s` as whole words: at the start in any
/// case, inside in lower case, found by its first byte (a searcher built for each would cost
/// more than the search).
fn hedge_at(s: &str, hedges: &[String]) -> Option<usize> {
    if opens_with(s, hedges) {
        return Some(0);
    }
    let whole = |i: usize, h: &str| {
        !s[..i].ends_with(char::is_alphanumeric)
            && (h.ends_with('.') || !s[i + h.len()..].starts_with(char::is_alphanumeric))
    };
    let bytes = s.as_bytes();
    hedges
        .iter()
        .filter_map(|h| {
            let first = *h.as_bytes().first()?;
            memchr::memchr_iter(first, bytes).find(|&i| i > 0 && bytes[i..].starts_with(h.as_bytes()) && whole(i, h))
        })
        .min()
}

/// Where `phrase` (lower case) stands in `hay` (lower case) as whole words.
fn phrase_at<'a>(hay: &'a str, phrase: &'a str) -> impl Iterator<Item = usize> + 'a {
    hay.match_indices(phrase).map(|(i, _)| i).filter(move |&i| {
        !hay[..i].ends_with(char::is_alphanumeric) && !hay[i + phrase.len()..].starts_with(char::is_alphanumeric)
    })
}

/// Whether `phrase` (lower case) stands in `hay` (lower case) as whole words.
fn has_phrase(hay: &str, phrase: &str) -> bool {
    phrase_at(hay, phrase).next().is_some()
}

/// Whether the sentence `s` speaks of a term with a real length without binding
/// anyone (grammar.toml `[genre]`): a protasis that supposes the agreement holds the term ("Er
/// det avtalt fire måneders oppsigelsestid, gjelder …", "If the contract provides for three
/// months' notice, …"; not "Dersom du slutter innen to år, skal du …", where the condition is
/// the binding, nor "Hvis ikke annet er avtalt, er fristen tre måneder"), or a worked example
/// opens it ("Si at du har …", "Say an employee has …") or runs with an indefinite person and a
/// day of a month ("Om en ansatt sier opp 20. mars og har én måneds frist, …").
fn supposes_term(g: &patterns::Genre, s: &str) -> bool {
    // The openings are told without regard to case, the protasis' phrases in lower case, and a
    // length is looked for only once an opening fits: most sentences open with none of these.
    let s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    if let Some(end) = s.find([',', ';', ':']) {
        let inverted = opening(s, &g.supposing).is_some();
        if inverted || opening(s, &g.supposing_if).is_some() {
            let protasis = s[..end].to_lowercase();
            let any = |list: &[String]| list.iter().any(|ph| has_phrase(&protasis, ph));
            let supposes = if inverted {
                any(&g.supposed)
            } else {
                any(&g.supposed_if) || (any(&g.supposed_in) && any(&g.supposed_docs))
            };
            if supposes && !values::durations(&s[..end]).is_empty() && s[end + 1..].contains(char::is_alphanumeric) {
                return true;
            }
        }
    }
    let worked = opening(s, &g.worked).is_some();
    let words = || s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
    let someone = || words().take(2).any(|w| opening(&s[offset_in(s, w)..], &g.someone).is_some());
    if !(worked || someone()) || values::durations(s).is_empty() {
        return false;
    }
    if worked {
        return true;
    }
    let words: Vec<&str> = words().collect();
    let numeric = |k: usize| words.get(k).is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()));
    (0..words.len()).any(|k| values::month_number(words[k]).is_some() && ((k > 0 && numeric(k - 1)) || numeric(k + 1)))
}

/// Whether the sentence `s` (lower case, at `start` in the text, with concepts `occ`) quotes a
/// law's text after a lead that names it ("Bestemmelsen lyder slik: «…»", "Section 15-3
/// provides: '…'"): a `law_verbs` phrase right before a colon or a quote, after a lead with a
/// `laws` concept or a `law_texts` word and none of the `own_texts` that make the text quoted
/// the writer's or the reader's own ("Punkt 7 lyder: …", "My contract says: …").
fn quotes_law(p: &Patterns, scan: &Scan, start: usize, s: &str, occ: &[Occurrence]) -> bool {
    let g = &p.genre;
    g.law_verbs.iter().any(|verb| {
        phrase_at(s, verb).any(|i| {
            let tail = s[i + verb.len()..].trim_start();
            let opens = tail.starts_with([':', '«', '"', '“', '\''])
                || tail.split_once(':').is_some_and(|(gap, _)| gap.split_whitespace().count() <= 2);
            let lead = &s[..i];
            opens
                && !g.own_texts.iter().any(|w| has_phrase(lead, w))
                && (g.law_texts.iter().any(|w| has_phrase(lead, w))
                    || occ.iter().any(|o| g.laws.contains(&o.concept) && scan.words[o.last as usize].end <= start + i))
        })
    })
}

/// Whether `s` speaks to its reader (`[genre] addressee`: "du", "you").
fn to_reader(p: &Patterns, s: &str) -> bool {
    names_word(s, &p.genre.addressee)
}

/// Whether one of `s`'s words is one of `words` (lower case), whatever its case.
fn names_word(s: &str, words: &[String]) -> bool {
    s.split(|c: char| !c.is_alphanumeric()).any(|w| words.iter().any(|a| folded_eq(w, a)))
}

/// Whether the text as a whole reads as commentary, weighed from the evidence of all its
/// sentences (grammar.toml `[genre]`), as a genre classifier pools its features: a sentence
/// that speaks in general terms (a commentary cue found while reading it, or a weak cue among
/// its concepts: "det hender", "an employee", "såkalt") weighs for commentary, even where a
/// rule matched in it; a sentence with a contract's own form ("heretter kalt", "the company's")
/// or a finding (a form row's "Probation: N/A" too) and no such cue weighs for a contract; a
/// question that is no heading, with something after it to answer it, weighs for commentary
/// once. At least two sentences must explain, and more than bind.
fn reads_as_commentary(
    p: &Patterns,
    text: &Text,
    seg: &Segments,
    by_sentence: &[(usize, usize)],
    scan: &Scan,
    explaining: &[bool],
    out: &[Match],
) -> bool {
    let holds = |i: usize, list: &Concepts| {
        let (a, b) = by_sentence[i];
        scan.occurrences[a..b].iter().any(|o| list.contains(&o.concept))
    };
    let said = |i: usize| &text.string[seg.sentences[i].start..seg.sentences[i].end];
    let last = seg.sentences.len().saturating_sub(1);
    // The items under a lead-in that speaks in general terms bind once, as the lead-in: six
    // bullets naming the points a court weighs ("… momenter, så som:") are not six clauses
    // outweighing the guide. Under a contract's "har inngått følgende avtale:" each binds.
    let mut found = vec![false; seg.sentences.len()];
    for m in out {
        let lead = seg.sentences[m.sentence].lead_in.filter(|&l| explaining[l] || holds(l, &p.genre.commentary));
        found[lead.unwrap_or(m.sentence)] = true;
    }
    let answered = (0..last).any(|i| !seg.sentences[i].is_heading && is_question(said(i)));
    let (mut general, mut binding) = (usize::from(answered), 0);
    // The sentences that only the search for the genre's words can tell, searched last.
    let mut open = Vec::new();
    for (i, s) in seg.sentences.iter().enumerate() {
        let plain = !s.is_heading && !is_question(said(i));
        // A sentence a cue marks explains, even where it names the firm ("hvor lenge man har
        // jobbet i bedriften"); one with only a weak sign binds where it has a contract's form.
        if explaining[i] {
            general += 1;
        } else if holds(i, &p.genre.contract) {
            binding += 1;
        } else if plain && holds(i, &p.genre.commentary) {
            general += 1;
        } else if plain {
            open.push(i);
        } else if found[i] {
            binding += 1;
        }
    }
    // Each of them adds one to a count at most: once the rest cannot change the answer (in a
    // contract, binding sentences soon outnumber them), they need no search.
    for (k, &i) in open.iter().enumerate() {
        let left = open.len() - k;
        if general + left < 2 || general + left <= binding {
            return false;
        }
        if general >= 2 && general > binding + left {
            return true;
        }
        if says(&text.string, scan, (seg.sentences[i].start, seg.sentences[i].end), &p.genre.words) {
            general += 1;
        } else if found[i] {
            binding += 1;
        }
    }
    general >= 2 && general > binding
}

/// A question, a sentence with a commentary cue ("det er vanlig", "typically"), or a glossary
/// entry ("Konvensjonalbot: et beløp …", "Service bond - an arrangement …").
fn is_commentary(p: &Patterns, s: &str, occ: &[Occurrence]) -> bool {
    let s = s.trim_end();
    // A personal account in the past ("I was told", "Jeg fikk beskjed om at") tells of a term
    // that binds no more, unless its term binds the writer now or later ("… that I must repay
    // the course if I leave within two years", "… at jeg må betale en bot"): then it retells the
    // writer's current terms.
    let cue = |o: &&Occurrence| p.commentary.contains(&o.concept);
    if is_question(s)
        // Not a question the normalizer joined to its answer as a row ("Do I have a probation
        // period: Yes, …").
        || (opening(s, &p.genre.asked).is_some() && !s.contains(':'))
        || occ.iter().filter(cue).any(|o| !p.historical.contains(&o.concept))
        || (occ.iter().filter(cue).any(|o| p.historical.contains(&o.concept)) && !tells_current(s, &p.current))
    {
        return true;
    }
    let starts = |rest: &str, words: &[&str]| {
        words.iter().any(|a| rest.get(..a.len()).is_some_and(|r| r.eq_ignore_ascii_case(a)))
    };
    let indefinite = ["en ", "et ", "ei ", "ein ", "eit ", "a ", "an "];
    let definite = ["den ", "det ", "the "];
    // Both separators are ASCII: a byte search finds the first without decoding characters.
    // A hyphen inside a word ("Non-solicitation agreement - an undertaking …") joins it; it
    // separates no label.
    let b = s.as_bytes();
    let joins =
        |i: usize| i > 0 && b[i - 1].is_ascii_alphanumeric() && b.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
    let definition = (0..b.len())
        .find(|&i| b[i] == b':' || (b[i] == b'-' && !joins(i)))
        .map(|i| (&s[..i], s[i + 1..].trim_start(), b[i] == b'-'));
    // "Oppseiingstid: ein månad" answers a form row; it defines nothing.
    let a_value = |rest: &str| values::durations(rest).first().is_some_and(|d| d.start == 0);
    // "8. Probationary period: A probationary period of 6 months applies" states the term under
    // its heading, which it names again or puts in force; a glossary's length is the law's limit
    // ("Prøvetid: en periode på inntil seks måneder der …"), and "We offer: a post with six
    // months' probation" does neither.
    // The length first: most definitions state none, and then nothing is lowered.
    let states_length = |label: &str, rest: &str| {
        own_length(p, rest) && {
            let lower = rest.to_lowercase();
            label
                .split(|c: char| !c.is_alphabetic())
                .any(|w| w.chars().count() >= 4 && lower.contains(&w.to_lowercase()))
                || p.genre.in_force.iter().any(|v| has_phrase(&lower, v))
        }
    };
    if definition.is_some_and(|(label, rest, dash)| {
        label.split(' ').count() <= 4
            // A list item's bullet ("- the employee resigns …") labels nothing, and a table
            // row's label is its first cell: the dash of "Bindingstid | Nei – det er ikke
            // avtalt bindingstid" explains the answer.
            && !label.trim().is_empty()
            && !label.contains('|')
            // "Hi Tom - the client asks …" greets; it defines nothing.
            && !opens_with(label, &p.openers.greetings)
            && ((starts(rest, &indefinite) && !states_length(label, rest))
                || (dash && starts(rest, &definite))
                // "Karenstid: perioden etter fratreden der …" names what the word stands for.
                || (opening(rest, &p.genre.gloss_heads).is_some()
                    && !rest.contains(|c: char| c.is_ascii_digit())
                    && values::durations(rest).is_empty()))
            && !a_value(rest)
            // "Non-solicitation - a quarter after your last day: you shall not …" labels a term
            // and states it after its own colon; a glossary's definition runs on in prose.
            && !rest.contains(':')
    }) {
        return true;
    }
    if speaks_of_kind(p, s) {
        return true;
    }
    // "En konvensjonalbot er en sum …", "A service bond is an agreement …": a word defined.
    let words = || s.split(' ').take(6);
    let defines = |verb: &str, article: &str| {
        matches!(verb, "er" | "is" | "are") && indefinite.iter().any(|a| a.trim_end().eq_ignore_ascii_case(article))
    };
    if starts(s, &indefinite) && words().skip(1).zip(words().skip(2)).any(|(verb, article)| defines(verb, article)) {
        return true;
    }
    // A term named bare, with no article, possessive or definite ending, as a glossary names it
    // ("Bindingstid er en periode der …", "Probation is a period during which …"): a word
    // defined. "Prøvetiden er en periode på seks måneder" names the contract's own term, and
    // "Oppsigelsesfrist er en måned" states its value.
    let head: Vec<&str> = s.split(' ').take(5).collect();
    head.iter().position(|w| matches!(*w, "er" | "is" | "are")).is_some_and(|v| {
        let subject = &head[..v];
        let rest = s.splitn(v + 2, ' ').nth(v + 1).unwrap_or("");
        (1..=2).contains(&v)
            && head.get(v + 1).is_some_and(|article| defines(head[v], article))
            && !a_value(rest)
            // "Tilfredsstillende referanser er en forutsetning for ansettelsen" sets a condition.
            && !head.get(v + 2).is_some_and(|noun| {
                let noun = noun.to_lowercase();
                p.genre.conditions.iter().any(|c| noun.starts_with(c.as_str()))
            })
            // A length is the term's own ("Probation is a period of six months"), unless it is
            // a limit, as the law's is ("… en periode på inntil 6 måneder der …"); any other
            // figure (a sum) states a term.
            && if values::durations(rest).is_empty() {
                !rest.contains(|c: char| c.is_ascii_digit())
            } else {
                let rest = rest.to_lowercase();
                p.genre.limits.iter().any(|b| rest.contains(b.as_str()))
            }
            && subject[0].chars().next().is_some_and(char::is_uppercase)
            && subject.iter().all(|w| {
                let w = w.to_lowercase();
                w.chars().all(char::is_alphabetic)
                    && !BARE_STOPS.contains(&w.as_str())
                    && !(v == 1 && ["en", "et", "a", "ene", "ane", "na"].iter().any(|end| w.ends_with(end)))
            })
    })
}

/// Whether a sentence speaks of a kind of clause, as a glossary, a guide or a template's notes
/// do: it opens with the clause named with an indefinite article ("En kundeklausul bør være med i
/// …", "A non-solicitation clause belongs …") or bare in the plural ("Konkurranseklausuler
/// hindrer …", "Clawback provisions protect …"), or with the bound party as a class whose
/// subject names such a clause ("Arbeidstakere med kundeklausul kan …", "Staff bound by a
/// non-solicitation clause cannot …"). Not where it states a figure or a length that is no
/// limit: "En konkurranseklausul på 6 måneder gjelder for stillingen" is a term.
fn speaks_of_kind(p: &Patterns, s: &str) -> bool {
    let g = &p.genre;
    // Told first, for they are cheap: a figure makes a term of it, a bar a table row.
    if s.bytes().any(|b| b.is_ascii_digit() || b == b'|') {
        return false;
    }
    let head = lead(s, 8).to_lowercase();
    let words: Vec<&str> =
        head.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')).collect();
    // A label ("Kundeklausuler: …") or a heading is no sentence about the kind.
    if words.len() < 4 || s.split_whitespace().take(4).any(|w| w.ends_with(':')) {
        return false;
    }
    let ends = |w: &str, list: &[String]| list.iter().any(|e| w.ends_with(e.as_str()));
    let indefinite = ["en", "ein", "ei", "et", "eit", "a", "an"];
    // A denial right after the clause named is this text's own: "Ein konkurranseklausul er ikkje
    // avtalt", "Non-compete clauses do not apply to this role".
    let denied = |k: usize| words[k + 1..].iter().take(3).any(|w| g.kind_denials.iter().any(|d| d == w));
    let one =
        indefinite.contains(&words[0]) && (1..4).find(|&k| ends(words[k], &g.kinds_one)).is_some_and(|k| !denied(k));
    // A determiner, a denial or a pronoun before the plural makes it no bare kind ("Ingen
    // konkurranseklausuler gjelder", "These clauses …", "Your non-compete clauses …").
    let many = words[..4].iter().position(|w| ends(w, &g.kinds_many)).is_some_and(|k| {
        !denied(k) && words[..k].iter().all(|w| !BARE_STOPS.contains(w) && !g.kind_stops.iter().any(|d| d == w))
    });
    let class = g.classes.iter().any(|c| opens_with(s, std::iter::once(c)))
        && s.split(',').next().unwrap_or(s).split_whitespace().take(8).skip(1).any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_lowercase();
            ends(&w, &g.kinds_one) || ends(&w, &g.kinds_many)
        });
    (one || many || class) && !own_length(p, s)
}

/// Whether `s` gives a length that is no limit: a term's own ("six months"), not the law's
/// bound ("inntil seks måneder", "up to six months").
fn own_length(p: &Patterns, s: &str) -> bool {
    !values::durations(s).is_empty() && {
        let lower = s.to_lowercase();
        !p.genre.limits.iter().any(|b| lower.contains(b.as_str()))
    }
}

/// Whether one of `phrases` (lower case) stands in `s` as whole words.
fn tells_current(s: &str, phrases: &Phrases) -> bool {
    s.char_indices()
        .filter(|&(i, c)| c.is_alphanumeric() && !s[..i].ends_with(char::is_alphanumeric))
        .any(|(i, _)| opens_with(&s[i..], &phrases.all))
}

/// Words that make a subject no bare term: pronouns, articles, possessives and places
/// ("Det er en bindingstid på to år", "Your notice is a month").
const BARE_STOPS: &[&str] = &[
    "det", "dette", "den", "denne", "der", "her", "du", "jeg", "eg", "vi", "me", "han", "hun", "ho", "de", "dei",
    "din", "di", "ditt", "min", "mi", "mitt", "vår", "vårt", "hva", "kva", "hvem", "kven", "there", "it", "this",
    "that", "which", "what", "who", "the", "your", "my", "our", "his", "her", "their", "you", "we", "i", "he", "she",
    "they", "here",
];

/// Whether a sentence quotes a passage, as a contract's words are quoted: four words or more in
/// quotation marks, or a value ("«Oppsigelsestid 3 mnd»"), not a term set off in scare quotes
/// ("den «gamle» bestemmelsen"). A quote that runs on from the sentence before ends here with
/// its closing mark, and one that runs on to the next opens here.
fn quotes_passage(s: &str) -> bool {
    let passage = |q: &str| q.split_whitespace().count() >= 4 || q.chars().any(|c| c.is_ascii_digit());
    // A lone straight mark may open or close a quote that runs on across the sentence's edge.
    if let Some((i, _)) = s.match_indices('"').next().filter(|_| s.matches(['"', '«', '»', '“', '”']).count() == 1)
    {
        return passage(&s[..i]) || passage(&s[i + 1..]);
    }
    let (mut open, mut seen) = (None, false);
    for (i, c) in s.char_indices() {
        let closes = match c {
            '»' | '”' => true,
            '«' | '“' => false,
            '"' => open.is_some(),
            _ => continue,
        };
        if closes {
            // A closing mark before any other ends a quote begun in an earlier sentence.
            let start = open.take().or((!seen).then_some(0));
            if start.is_some_and(|o| passage(&s[o..i])) {
                return true;
            }
        } else {
            open = Some(i + c.len_utf8());
        }
        seen = true;
    }
    open.is_some_and(|o| passage(&s[o..]))
}

/// Where a question's opening clause ends when that clause retells the writer's contract, as
/// a chat post quotes its own terms before asking about them: one of `sources` among its first
/// words, and its question after the last comma, colon or dash ("kontrakten min seier 3 mnd
/// oppseiing, er det vanleg?", "my contract says \"3 months notice\" - is that normal?", "I signed a
/// 2-year bond last month and now I want to leave: do I have to pay?"), or after a "but"
/// that turns from the term to the writer's case ("It says one week's notice but what if I have
/// not started yet?", "Avtalen sier én måned men gjelder det før jeg har begynt?"). An opening
/// that states a term the writer has, with one of `writer` or of `sources` anywhere in it
/// ("Oppsigelsestiden min er 3 måneder, er det lov?", "I have a 2 year bond, can they make me
/// pay?"), retells it too; a sentence that opens with a question's verb or wh-word or with a
/// hypothesis (`[openers] asked_first`, `supposed_first`: "Er oppsigelsestiden 3 måneder, eller
/// 1?", "If my notice is 3 months, do I …?") asks or supposes the term and retells nothing, and
/// one that reports what the writer heard (`hearsay`: "Jeg har hørt at …") tells no term of his.
/// An opening that turns to its question with "but" right after the writer's account of the
/// papers he got (`goes_on`: "I received an offer letter … There is a probation period of six
/// months, but what happens if …?") is his too.
fn quoted_then_asked(
    s: &str,
    openers: &patterns::Openers,
    writer: &Phrases,
    goes_on: impl FnOnce() -> bool,
) -> Option<usize> {
    if !is_question(s) {
        return None;
    }
    // "but" turns from the term to the writer's case.
    const TURNS: [&str; 2] = [" but ", " men "];
    let (cut, sep) =
        [", ", ": ", " – ", " - "].iter().chain(&TURNS).filter_map(|sep| Some((s.rfind(sep)?, *sep))).max()?;
    let opening = &s[..cut];
    if opening.contains('?') {
        return None;
    }
    let sources = &openers.sources.all;
    let retells = opening.split(' ').take(4).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        sources.iter().any(|src| folded_eq(w, src))
    });
    if retells {
        return Some(cut);
    }
    let start = opening.trim_start_matches(|c: char| !c.is_alphanumeric());
    if opens_with(start, &openers.asked_first) || opens_with(start, &openers.supposed_first) {
        return None;
    }
    // A cut inside brackets parts a list of terms ("… the usual terms (6 months probation, 3
    // months notice) for …?"), no statement from its question.
    if opening.matches('(').count() > opening.matches(')').count() {
        return None;
    }
    let lower = opening.to_lowercase();
    let tells = writer.all.iter().chain(sources).any(|w| has_phrase(&lower, w)) || (TURNS.contains(&sep) && goes_on());
    (tells && !openers.hearsay.iter().any(|w| has_phrase(&lower, w))).then_some(cut)
}

/// Whether a sentence answers a question in general terms: it opens with one of `yes_no` and a
/// mark ("Ja, …", "No. …"), and is no form's short answer, which has a figure or a length and no
/// verb of its own (none of `verbs`, the verbs a question opens with) or five words at most
/// ("Ja, 6 måneder", "Yes, with a six-month probation.", "Yes, it is four months."). The
/// normalizer joins a short question to a yes or a no on the line under it as a form's row
/// ("Kan prøvetiden forlenges: Ja, prøvetiden kan …"): `joined` reads such a row, its label
/// opening with one of `verbs`.
fn answers_in_general(s: &str, yes_no: &[String], verbs: &[String], joined: bool) -> bool {
    let mut s = s.trim_start();
    if joined {
        let Some(colon) = s.find(": ") else { return false };
        if !opens_with(s, verbs) || s[..colon].contains([',', '.', ';', '!', '?', '(', '"']) {
            return false;
        }
        s = s[colon + 2..].trim_start();
    }
    let Some(word) = opening(s, yes_no) else { return false };
    let Some(rest) = s[word.len()..].strip_prefix([',', '.', '!', ':', ';', '–', '-']) else { return false };
    let measure = rest.contains(|c: char| c.is_ascii_digit()) || !values::durations(rest).is_empty();
    let verb = || rest.split(|c: char| !c.is_alphanumeric()).any(|w| verbs.iter().any(|v| folded_eq(w, v)));
    !measure || (rest.split_whitespace().count() > 5 && verb())
}

/// Whether a sentence asks: a question in quotes or brackets ends in a quote or bracket
/// ("\"Is six months normal?\"").
fn is_question(s: &str) -> bool {
    s.trim_end().trim_end_matches(['"', '\'', ')']).ends_with('?')
}

/// Whether one of the phrases stands anywhere in `text[a..b]`, as whole words.
fn says(text: &str, scan: &Scan, span: (usize, usize), phrases: &Phrases) -> bool {
    said(text, scan, span, phrases).next().is_some()
}

/// The phrases that stand in `text[a..b]`, as whole words, where each opens. A phrase opens
/// where a word does: the scan's words of `text` say where, so no character is decoded to find
/// them (its words are the runs of alphanumeric characters, as here).
fn said<'a>(
    text: &'a str,
    scan: &'a Scan,
    (a, b): (usize, usize),
    phrases: &'a Phrases,
) -> impl Iterator<Item = &'a String> + 'a {
    // A word cut by `a` starts there too.
    let cut = text[a..b].starts_with(char::is_alphanumeric).then_some(a);
    let inside = scan.words[scan.word_at(a + 1)..].iter().map(|w| w.start).take_while(move |&i| i < b);
    cut.into_iter().chain(inside).filter_map(move |i| {
        let rest = &text[i..b];
        // A non-ASCII start is compared in full, its case may differ in any byte.
        if !rest.as_bytes()[..rest.len().min(2)].is_ascii() {
            return opening(rest, &phrases.all);
        }
        let h = patterns::head(rest);
        // Only a phrase of the same head, or of one letter before a non-letter, can open here.
        if !phrases.has_head(h) {
            return None;
        }
        opening(rest, phrases.with_head(h).chain(phrases.with_head([h[0], 0])))
    })
}

/// Whether `text` opens with one of `openers` (lower case) as whole words: "Such clauses",
/// not "Suchlike"; "Re: …".
fn opens_with<'o>(text: &str, openers: impl IntoIterator<Item = &'o String>) -> bool {
    opening(text, openers).is_some()
}

/// The one of `openers` (lower case) that `text` opens with as whole words.
/// Checked for every sentence, so it compares character by character and copies nothing.
fn opening<'o>(text: &str, openers: impl IntoIterator<Item = &'o String>) -> Option<&'o String> {
    // The text's first character and its lower case, once: most openers differ there.
    let first = text.chars().next();
    let lower = first.and_then(|t| {
        let mut lower = t.to_lowercase();
        lower.next().filter(|_| lower.next().is_none())
    });
    // An ASCII first character is told by the opener's first byte, with no decoding.
    let ascii = first.filter(char::is_ascii).zip(lower).map(|(f, l)| (f as u8, l as u8));
    openers.into_iter().find(|o| {
        let differs = match ascii {
            Some((f, l)) => o.as_bytes().first().is_some_and(|&b| b != f && b != l),
            None => o.chars().next().is_some_and(|c| Some(c) != first && Some(c) != lower),
        };
        if differs {
            return false;
        }
        // ASCII byte by byte (an ASCII character's lower case is its ASCII one), the rest by
        // characters: a character's case may differ in any of its bytes.
        let (t, p) = (text.as_bytes(), o.as_bytes());
        let mut k = 0;
        while k < p.len() && k < t.len() && p[k].is_ascii() && t[k].is_ascii() {
            if t[k] != p[k] && t[k].to_ascii_lowercase() != p[k] {
                return false;
            }
            k += 1;
        }
        let mut rest = text[k..].chars();
        o[k..].chars().all(|c| rest.next().is_some_and(|t| t == c || t.to_lowercase().eq([c])))
            && (o.ends_with(|c: char| !c.is_alphanumeric()) || !rest.next().is_some_and(char::is_alphanumeric))
    })
}

/// Whether a sentence points back with one of `kinds`: at its start ("Such clauses …") or in
/// a short opening clause before its first comma ("Manglar noko av dette, kan …", "If any of
/// these is missing, …"), which makes its condition what was just described.
fn refers_back(s: &str, kinds: &[String]) -> bool {
    let opening = s.split_once(',').map(|(c, _)| c).filter(|c| c.split_whitespace().count() <= 6);
    opens_with(s, kinds)
        || opening.is_some_and(|c| {
            c.split_whitespace()
                .map(|w| w.trim_matches(|ch: char| !ch.is_alphanumeric()))
                .any(|w| kinds.iter().any(|k| folded_eq(w, k)))
        })
}

/// The word that opens the sentence and points back to the term the sentence before named ("Den
/// er på fem måneder", "It lasts six months"), not one that opens a relative clause ("Den som får
/// tilbod …") or names the document that speaks ("It says: …").
fn pointing<'o>(s: &str, openers: &'o patterns::Openers) -> Option<&'o String> {
    opening(s, &openers.pointers).filter(|o| {
        let next = s.get(o.len()..).and_then(|r| r.split_whitespace().next()).unwrap_or("");
        let next = next.trim_matches(|c: char| !c.is_alphanumeric());
        !openers.pointer_stops.iter().any(|w| folded_eq(next, w))
    })
}

/// Whether a sentence speaks of a kind of thing: an indefinite subject that a relative clause
/// defines ("En avtale som begrenser …", "An agreement that restricts …"); what points back to
/// it speaks in general terms too.
fn generic(s: &str, relatives: &[String]) -> bool {
    let mut words = s.split_whitespace().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()));
    words.next().is_some_and(|w| ARTICLES.iter().any(|a| w.eq_ignore_ascii_case(a)))
        && words.take(3).any(|w| relatives.iter().any(|r| w.eq_ignore_ascii_case(r)))
}

/// Whether `paragraph` opens with one of `questions` and asks it (the opening first: it is
/// cheaper than the search for a question mark).
fn asks(paragraph: &str, questions: &[String]) -> bool {
    opens_with(paragraph, questions) && paragraph.contains('?')
}

/// A glossary entry that asks what a kind of thing is and answers in the same paragraph
/// ("Kva er ei konkurranseklausul? Ho avgrensar …", "What is a non-compete? It limits …"):
/// the indefinite article names a kind, so the answer explains it in general terms ("What is
/// my start date? …" in an offer letter asks about its own term, and is not one).
fn defines_then_answers(paragraph: &str, questions: &[String]) -> bool {
    let p = paragraph.trim_start();
    let Some(q) = p.find('?') else { return false };
    opens_with(p, questions)
        && !p[q + 1..].trim().is_empty()
        && questions.iter().any(|open| {
            p.get(..open.len()).is_some_and(|head| head.eq_ignore_ascii_case(open))
                && p[open.len()..q]
                    .split_whitespace()
                    .next()
                    .is_some_and(|w| ARTICLES.iter().any(|a| w.eq_ignore_ascii_case(a)))
        })
}

/// A paragraph wholly in square brackets with an instruction in it speaks to whoever fills in
/// a template ("[Fyll inn antall måneder.]", "[The trial period is six months; change if
/// needed.]"), and so does one with a blank still in it ("[Prøvetiden er [antall] måneder.]"),
/// as does a markup comment, which the reader of the finished document never sees ("<!--
/// Include only for sales roles -->"); it binds nobody. An optional clause in brackets, filled
/// in, binds once kept ("[Your employment shall be subject to a probationary period of three
/// months.]", "[Option A: The notice periods … apply also …]").
fn is_editors_note(paragraph: &str, openers: &patterns::Openers) -> bool {
    let p = paragraph.trim();
    let bracketed = p.strip_prefix('[').and_then(|p| p.strip_suffix(']'));
    bracketed.is_some_and(|inner| {
        !inner.trim().contains(' ')
            || inner.contains('[')
            || opens_with(inner.trim_start(), &openers.notes)
            || inner
                .split([';', '–', '—', '(', '.', ':'])
                .flat_map(|part| part.split(" - "))
                .any(|part| opens_with(part.trim_start(), &openers.instructions))
    }) || (p.starts_with("<!--") && p.ends_with("-->"))
}

/// Whether a paragraph quotes someone and names the speaker after the quote, as a news story
/// does ("«Det er for lenge», sier Hansen.", "– Det er for lenge, sier Hansen.", "\"It is too
/// long,\" says Hansen."): a comma that closes a quote, then one of `verbs` and a few words
/// that end the sentence with a name, or with the speaker's role in the definite form ("…, sier
/// advokaten.", "…, says the lawyer."). The quote is someone's words, not a term agreed.
fn attributes_quote(paragraph: &str, verbs: &[String]) -> bool {
    const CLOSING: [char; 4] = ['»', '"', '”', '’'];
    const ENDS: [char; 4] = ['.', '!', '?', '\n'];
    // The start and the end of each comma's sentence are kept from comma to comma: a paragraph
    // of thousands of commas and no full stop is read once, not once for each comma.
    let (mut start, mut read) = (0, 0);
    let mut end = None;
    paragraph.match_indices(',').any(|(i, _)| {
        let (before, mut after) = (&paragraph[..i], &paragraph[i + 1..]);
        let mut quoted = before.ends_with(CLOSING);
        if let Some(rest) = after.strip_prefix(CLOSING) {
            (quoted, after) = (true, rest);
        }
        // Or the sentence opens with a dash, the Norwegian press's mark of a quote.
        if let Some(k) = paragraph[read..i].rfind(ENDS) {
            start = read + k + 1;
        }
        read = i;
        quoted |= paragraph[start..i].trim_start().starts_with(['–', '—', '-']);
        if !quoted {
            return false;
        }
        let stop = match end {
            Some(e) if e > i => e,
            _ => paragraph[i + 1..].find(ENDS).map_or(paragraph.len(), |k| i + 1 + k),
        };
        end = Some(stop);
        let tail = &after[..stop - (paragraph.len() - after.len())];
        // More than six words are no speaker's name: the rest of a long sentence is not read.
        let words: Vec<&str> = tail.split_whitespace().take(7).collect();
        (2..=6).contains(&words.len())
            && verbs.iter().any(|v| words[0].eq_ignore_ascii_case(v))
            // "…, sier opp Avtalen" is the verb "si opp" (give notice), no speaker.
            && !words[1].eq_ignore_ascii_case("opp")
            && (words.last().is_some_and(|w| w.starts_with(char::is_uppercase)) || names_role(&words[1..]))
    })
}

/// Whether the words after a quote's verb name the speaker by a role in the definite form: one
/// Norwegian noun with its suffixed article ("siviløkonomen", "juristen", "rådgjevaren", "leiaren")
/// or "the" and a noun or two ("the lawyer", "the union rep").
fn names_role(words: &[&str]) -> bool {
    let noun = |w: &&str| w.chars().all(char::is_lowercase);
    match words {
        [w] => noun(w) && w.len() > 4 && (w.ends_with("en") || w.ends_with('a')),
        [the, rest @ ..] => the.eq_ignore_ascii_case("the") && (1..=2).contains(&rest.len()) && rest.iter().all(noun),
        [] => false,
    }
}

/// A chat line: all in lower case, no quote in it, and ending in a question ("haha ja har 6
/// mnd prøvetid jeg og. øl fredag?", "lol same, 3 months notice here. lunch tomorrow?"): the
/// byte offset of that question. Where the question turns to something else and the text
/// names no source it retells, the line tells of the writer's own lot in passing.
fn small_talk(paragraph: &str) -> Option<usize> {
    let line = paragraph.trim_end();
    let chat = is_question(line)
        && !line.contains(|c: char| c.is_uppercase() || matches!(c, '«' | '»' | '"' | '“' | '”'))
        // An opening single quote, not an apostrophe ("i've").
        && !line.split_whitespace().any(|w| w.starts_with('\''));
    let asked = line.trim_end_matches(['?', '!', '.']);
    chat.then(|| asked.rfind(['.', '!', '?']).map_or(0, |i| i + 1))
}

/// A question-and-answer paragraph ("Q: …", "A: …", "Spørsmål: …", "Svar: …").
fn is_question_and_answer(paragraph: &str) -> bool {
    asks_column(paragraph) || opens_label(paragraph, &["a:", "svar:", "sv:"])
}

/// Whether the sentence `s` (at `start`, with concepts `occ`) opens with a hypothesis about its
/// reader's own term (`[genre] supposing_reader`): the term and its measure stand in the
/// condition, before its first comma ("Dersom du har tre månaders oppseiingstid, må du jobbe ut
/// heile tida").
fn supposes_readers_term(p: &Patterns, scan: &Scan, start: usize, s: &str, occ: &[Occurrence]) -> bool {
    let Some(comma) = s.find(',') else { return false };
    let condition = &s[..comma];
    opening(condition, &p.genre.supposing_reader).is_some()
        && occ
            .iter()
            .any(|o| !p.by_anchor[o.concept as usize].is_empty() && scan.words[o.last as usize].end <= start + comma)
        && (!values::durations(condition).is_empty() || !values::amounts(condition, &p.bare_sums).is_empty())
}

/// The labels of a reader's question to a Q&A column.
const COLUMN_LABELS: &[&str] = &["q:", "spørsmål:", "sp:"];

/// The length of the label that opens a reader's question to a column ("Spørsmål:", "Q:", and
/// "Question:", which only a statement of the writer's own term is told after), its colon
/// included.
fn column_label(paragraph: &str) -> Option<usize> {
    COLUMN_LABELS.iter().chain(&["question:"]).find(|&&l| opens_label(paragraph, &[l])).map(|l| l.len())
}

/// A reader's question to a Q&A column ("Spørsmål: …", "Q: …").
fn asks_column(paragraph: &str) -> bool {
    opens_label(paragraph, COLUMN_LABELS)
}

fn opens_label(paragraph: &str, labels: &[&str]) -> bool {
    labels.iter().any(|p| paragraph.get(..p.len()).is_some_and(|start| start.eq_ignore_ascii_case(p)))
}

/// A paragraph whose leading label names a kind of text that is not a contract ("Stillingsannonse:
/// …", "Samandrag av dom: …", "Veiledning til malen: …") or opens with the name of a law it
/// quotes ("Arbeidsmiljøloven § 15-3 (1): …"): every sentence of it is commentary.
/// `paragraph` is its index in `text`, `occ` its concepts.
fn commentary_lead(p: &Patterns, scan: &Scan, text: &Text, paragraph: usize, occ: &[Occurrence]) -> bool {
    let (start, line) = (text.paragraphs[paragraph].start, text.paragraph(paragraph));
    // The label: a few words before the first colon, a qualifier in brackets not counted
    // ("Template note (for HR use only): …"). A label that opens with the kind of text may run
    // on longer ("Checklist before the offer letter goes out: …", "Consultant agreement between
    // Nord AS and Berg ENK: …").
    let label_end = line.find(':').map(|i| (i, bare_words(&line[..i]))).filter(|&(_, n)| n <= 12);
    label_end.is_some_and(|(i, n)| {
        let mut label = occ.iter().take_while(|o| scan.words[o.last as usize].end <= start + i);
        let first =
            label.clone().next().filter(|o| line[..scan.words[o.first as usize].start - start].trim().is_empty());
        // A label that opens with a law's name cites the law: what follows is its text
        // ("Arbeidsmiljølova § 15-3 (1): Gjensidig oppseiingsfrist er …").
        let cites = first.is_some_and(|o| p.quoted_leads.contains(&o.concept));
        if n > 5 {
            return (cites && n <= 8) || first.is_some_and(|o| p.commentary_leads.contains(&o.concept));
        }
        cites || label.any(|o| p.commentary_leads.contains(&o.concept) || p.commentary.contains(&o.concept))
    })
}

/// The paragraphs of a job advert laid out under its labels, a line's whole text before its
/// colon (grammar.toml `[openers]`: "Om stillingen:", "Vi tilbyr:", "Søknadsfrist:"): two or
/// more different labels, one of them an advert's own (or that one alone, over a list), from
/// the first to the next numbered heading after the last. An offer letter's "Vi tilbyr deg
/// stillingen …" labels nothing.
fn advert_passage(p: &Patterns, text: &Text, seg: &Segments, addressed: bool) -> Option<std::ops::Range<usize>> {
    let (adverts, roles) = (&p.openers.advert_labels, &p.openers.role_labels);
    // The label's place in the two lists, and whether only an advert has it.
    let label = |i: usize| {
        let head = text.paragraph(i).split_once(':')?.0.trim_matches(|c: char| !c.is_alphanumeric());
        let (words, bytes) = head.split_whitespace().fold((0, 0), |(n, len), w| (n + 1, len + w.len()));
        // Most lines with a colon are no label: an ASCII head as long as no label needs no copy.
        let len = bytes + words.max(1) - 1;
        if words > 6 || (head.is_ascii() && !adverts.iter().chain(roles).any(|l| l.len() == len)) {
            return None;
        }
        let head = head.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
        let at = |list: &[String]| list.iter().position(|l| *l == head);
        at(adverts).map(|k| (k, true)).or_else(|| at(roles).map(|k| (adverts.len() + k, false)))
    };
    let labels: Vec<(usize, usize, bool)> =
        (0..text.paragraphs.len()).filter_map(|i| label(i).map(|(k, own)| (i, k, own))).collect();
    let (first, last) = (labels.first()?.0, labels.last()?.0);
    let mut kinds: Vec<usize> = labels.iter().map(|l| l.1).collect();
    kinds.sort_unstable();
    kinds.dedup();
    // One advert's label alone does when it leads in a list ("What we offer:" / "• 6 months'
    // probation"), in a text that offers the job to no one.
    let leads = labels.iter().any(|&(i, _, own)| own && text.paragraph(i).trim_end().ends_with(':'));
    if !labels.iter().any(|l| l.2) || (kinds.len() < 2 && (addressed || !leads)) {
        return None;
    }
    let end = seg
        .headings
        .iter()
        .copied()
        .find(|&h| h > last && numbering::section_number(text.paragraph(h)).is_some())
        .unwrap_or(text.paragraphs.len());
    Some(first..end)
}

/// The date a text is written from: the earliest of its full dates in the latest two years
/// named (an old judgment is no date of the text), leaving out a date right after one of
/// `not_dating` in its line (a birth date).
fn text_date(scan: &Scan, text: &str, not_dating: &[String]) -> Option<Date> {
    let labelled = |at: usize| {
        let line = &text[text[..at].rfind('\n').map_or(0, |i| i + 1)..at];
        let label = line.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '|' | ','));
        not_dating.iter().any(|l| {
            label.len() >= l.len()
                && label.is_char_boundary(label.len() - l.len())
                && label[label.len() - l.len()..].eq_ignore_ascii_case(l)
                && !label[..label.len() - l.len()].ends_with(char::is_alphanumeric)
        })
    };
    let dates: Vec<Date> = values::dates_in(text, scan.words.iter().copied())
        .into_iter()
        .filter(|f| !labelled(f.start))
        .map(|f| f.value)
        .collect();
    let latest = dates.iter().map(|d| d.year).max()?;
    dates.into_iter().filter(|d| d.year >= latest - 1).min_by_key(|d| (d.year, d.month, d.day))
}

/// How many words a label or title has, a qualifier in brackets not counted ("Template note
/// (for HR use only)" has two).
fn bare_words(label: &str) -> usize {
    let bare = label.split('(').enumerate().map(|(i, part)| {
        if i == 0 {
            part
        } else {
            part.split_once(')').map_or("", |(_, after)| after)
        }
    });
    bare.map(|part| part.split_whitespace().count()).sum()
}

/// Whether the text opens with a title: a first paragraph of one short sentence, with more
/// text below ("Tenancy agreement – …", "Leasingavtale for elbil", "Legal guide: …"). One
/// that holds a `title_leads` concept names a text that may use every word of a contract, for
/// other parties or in general terms. An e-mail's subject line ("Re: …") is no title.
fn is_title(p: &Patterns, text: &Text, seg: &Segments) -> bool {
    let title = text.paragraph(0).trim_end();
    let subject_line = opens_with(title, &p.openers.subject_lines);
    text.paragraphs.len() > 1
        && seg.sentences.iter().take_while(|s| s.paragraph == 0).count() == 1
        && bare_words(title) <= 14
        // A headline may exclaim ("Vi søker lærlinger!"); a full stop or a question ends prose.
        && !title.ends_with(['.', '?'])
        && !subject_line
        // "Artikkel 4 Tiltredelse" heads a section of a contract; it is no article's title.
        && numbering(title).is_none_or(|m| m.kind != Kind::Section)
}

/// The first paragraph of the part of a text that amends an employment already running: all of
/// it where its opening lines (up to four short paragraphs: a title, a letter's head and
/// subject) name an amending document (grammar.toml `[genre] amending`), else from the first
/// unnumbered heading that does ("# Tilleggsavtale nr. 2" after the contract it amends). A
/// numbered heading is a section of the contract itself.
fn amending_from(
    p: &Patterns,
    text: &Text,
    seg: &Segments,
    scan: &Scan,
    by_paragraph: &[(usize, usize)],
) -> Option<usize> {
    let names = |i: usize| {
        let (a, b) = by_paragraph[i];
        scan.occurrences[a..b].iter().any(|o| p.genre.amending.contains(&o.concept))
    };
    let mut lead = (0..text.paragraphs.len().min(4)).take_while(|&i| bare_words(text.paragraph(i)) <= 14);
    lead.any(names)
        .then_some(0)
        .or_else(|| seg.headings.iter().copied().find(|&h| numbering(text.paragraph(h)).is_none() && names(h)))
}

/// How many headings the title's scope reaches over: those before the first heading below the
/// title with a sentence under it that is not a numbered line. A law's sections ("Forskrift til
/// opplæringslova" / "§ 15-1. Framgangsmåte") are the titled law's own text, not sections of
/// their own.
fn title_scope(text: &Text, seg: &Segments) -> usize {
    // A form's question on a line of its own ("Hvor lang oppsigelsestid hadde du? ______")
    // is one of the form's items, as a numbered line is a list's: the questions under it
    // are the same form's, not a section of prose.
    let asks = |h: usize| {
        text.paragraph(seg.headings[h]).trim_end_matches(|c: char| c == '_' || c.is_whitespace()).ends_with('?')
    };
    // Headings come in document order: the first such sentence is under the first such heading.
    seg.sentences
        .iter()
        .find_map(|s| {
            let line = &text.string[s.start..s.end];
            s.heading.filter(|&h| {
                seg.headings[h] != 0
                    && !s.is_heading
                    && !asks(h)
                    && numbering(line).is_none()
                    && !numbering::law_section(line)
                    && !numbering::law_section(text.paragraph(seg.headings[h]))
            })
        })
        .unwrap_or(seg.headings.len())
}

/// The running counts of breaks before each word of a sentence, its words `a..b` (see
/// `Clause::breaks`), in `out`.
fn breaks<'a>(
    scan: &Scan,
    text: &str,
    (a, b): (usize, usize),
    words_of: &Sentences,
    out: &'a mut Vec<[u32; 3]>,
) -> &'a [[u32; 3]] {
    let words = &scan.words;
    out.clear();
    let mut r = [0u32; 3];
    for i in a..b {
        if i > a {
            let gap = &text[words[i - 1].end..words[i].start];
            // The full stop of an abbreviation ends nothing: "som i punkt 2, dvs. seks måneder";
            // nor does a shortened unit's that its sentence runs on past: "I 6 mnd. etter
            // fratreden skal …" (the segmenter ended the sentence there if it ended); nor a
            // day's in a date ("tilbudsbrevet av 2. mars 2028, det vil si 1. juni 2028").
            let word = &text[words[i - 1].start..words[i - 1].end];
            let day = || {
                word.len() <= 2
                    && word.bytes().all(|b| b.is_ascii_digit())
                    && values::month_number(&text[words[i].start..words[i].end]).is_some()
            };
            let gap = match gap.strip_prefix('.') {
                Some(rest)
                    if segment::is_abbreviation(word, words_of)
                        || words_of.units.iter().any(|u| u.eq_ignore_ascii_case(word))
                        || values::is_unit(word)
                        || day() =>
                {
                    rest
                }
                _ => gap,
            };
            let brk = break_between(gap);
            for (level, strength) in [Break::Field, Break::Clause, Break::Sentence].into_iter().enumerate() {
                r[level] += u32::from(brk >= strength);
            }
        }
        out.push(r);
    }
    out
}

/// For byte spans in document order, the range of `scan.occurrences` whose first word lies in
/// each; linear in the words, occurrences and spans together.
fn occurrence_ranges(scan: &Scan, spans: impl Iterator<Item = (usize, usize)>) -> Vec<(usize, usize)> {
    let (words, occ) = (&scan.words, &scan.occurrences);
    let (mut w, mut o) = (0, 0);
    // The previous span's end, and the first word and occurrence after it.
    let (mut previous, mut after_words, mut after_occ) = (0, 0, 0);
    spans
        .map(|(start, end)| {
            // Spans that do not overlap need not walk the previous one's words again.
            if start >= previous {
                (w, o) = (w.max(after_words), o.max(after_occ));
            }
            while w < words.len() && words[w].start < start {
                w += 1;
            }
            while o < occ.len() && (occ[o].first as usize) < w {
                o += 1;
            }
            let mut last = w;
            while last < words.len() && words[last].start < end {
                last += 1;
            }
            let mut hi = o;
            while hi < occ.len() && (occ[hi].first as usize) < last {
                hi += 1;
            }
            (previous, after_words, after_occ) = (end, last, hi);
            (o, hi)
        })
        .collect()
}

/// A set of concepts, one bit each, kept between sentences and emptied by the caller.
struct ConceptSet(Vec<u64>);

impl ConceptSet {
    fn new(p: &Patterns) -> ConceptSet {
        ConceptSet(vec![0; p.lexicon.names.len().div_ceil(64)])
    }

    /// Adds `c`; true when it was not in the set.
    fn insert(&mut self, c: ConceptId) -> bool {
        let (word, bit) = (usize::from(c) / 64, 1u64 << (c % 64));
        let new = self.0[word] & bit == 0;
        self.0[word] |= bit;
        new
    }

    fn contains(&self, c: ConceptId) -> bool {
        self.0[usize::from(c) / 64] >> (c % 64) & 1 == 1
    }

    /// Empties the set, which holds no more than `occ`.
    fn clear(&mut self, occ: &[Occurrence]) {
        occ.iter().for_each(|o| self.0[usize::from(o.concept) / 64] = 0);
    }
}

/// The concepts of the paragraph a sentence reads with: which it names, and where it names
/// one that rules a category out (`without_in_paragraph`). Read once for all the sentences of
/// a paragraph, so that a paragraph of many sentences costs no pass over all its concepts for
/// each of them.
struct ParagraphConcepts {
    /// The range of occurrences read.
    range: Option<(usize, usize)>,
    named: ConceptSet,
    barring: Vec<Occurrence>,
    /// The concepts that rule out some category.
    bars: ConceptSet,
}

impl ParagraphConcepts {
    fn new(p: &Patterns) -> ParagraphConcepts {
        let mut bars = ConceptSet::new(p);
        p.categories.iter().flat_map(|cat| &cat.without_in_paragraph).for_each(|&c| {
            bars.insert(c);
        });
        ParagraphConcepts { range: None, named: ConceptSet::new(p), barring: Vec::new(), bars }
    }

    fn read(&mut self, all: &[Occurrence], range: (usize, usize)) {
        if self.range == Some(range) {
            return;
        }
        if let Some((i, j)) = self.range {
            self.named.clear(&all[i..j]);
        }
        self.barring.clear();
        for o in &all[range.0..range.1] {
            self.named.insert(o.concept);
            if self.bars.contains(o.concept) {
                self.barring.push(*o);
            }
        }
        self.range = Some(range);
    }
}

fn kinds_needed(
    p: &Patterns,
    occ: &[Occurrence],
    lead: &[Occurrence],
    heading: &[Occurrence],
    [here, seen]: &mut [ConceptSet; 2],
) -> [bool; 3] {
    let mut kinds = [false; 3];
    let mut add = |k: ValueKind| kinds[kind_index(k)] = true;
    // A rule whose other concepts are missing needs no values: "fra" and "from" anchor a
    // start-date rule, but only next to an employment word.
    for o in occ.iter().chain(lead) {
        here.insert(o.concept);
    }
    let present = |item: &AnyOf| !item.values.is_empty() || item.concepts.iter().any(|&c| here.contains(c));
    // Each concept once: a sentence may name the same one many times.
    for o in occ.iter().chain(lead) {
        if !seen.insert(o.concept) {
            continue;
        }
        for &r in &p.by_anchor[o.concept as usize] {
            let rule = &p.rules[r];
            if rule.with.iter().all(present) {
                // Its category's values, and those it names as a condition ("… til og med DATE").
                p.categories[rule.category]
                    .values
                    .iter()
                    .chain(rule.with.iter().flat_map(|i| &i.values))
                    .for_each(|&k| add(k));
            }
        }
        if p.references.contains(&o.concept) || p.amount_refs.contains(&o.concept) {
            add(ValueKind::Amount);
        }
    }
    for cat in &p.categories {
        if heading.iter().any(|o| cat.heading.contains(&o.concept)) {
            cat.heading_value.into_iter().for_each(&mut add);
        }
    }
    if heading.iter().any(|o| p.references.contains(&o.concept)) {
        add(ValueKind::Amount);
    }
    for set in [here, seen] {
        set.clear(occ);
        set.clear(lead);
    }
    kinds
}

/// Whether the sentence can yield anything: a rule anchored in it or its lead-in that passes
/// the tests of its concepts alone, an amount stated with a reference, or a heading that
/// carries a category (`carrying`). Most sentences that name an anchor yield nothing, and then their
/// negation, breaks and commentary need no work.
fn may_yield(
    p: &Patterns,
    sentence: &Sentence,
    occ: &[Occurrence],
    lead: &[Occurrence],
    heading: &[Occurrence],
    carrying: bool,
    [pool, wide]: &mut [ConceptSet; 2],
) -> bool {
    // A sentence under a heading that names a reference ("Relocation support") may state its
    // amount.
    let names_reference = |list: &[Occurrence]| list.iter().any(|o| p.references.contains(&o.concept));
    let names_amount = occ.iter().any(|o| p.references.contains(&o.concept) || p.amount_refs.contains(&o.concept));
    if (!sentence.is_heading && (carrying || names_reference(heading))) || names_amount {
        return true;
    }
    if occ.iter().chain(lead).all(|o| p.by_anchor[o.concept as usize].is_empty()) {
        return false;
    }
    for o in occ.iter().chain(lead) {
        pool.insert(o.concept);
        wide.insert(o.concept);
    }
    for o in heading {
        wide.insert(o.concept);
    }
    // A negated anchor that answers a form row needs none of its rule's other concepts.
    let neg = &p.negation;
    let trigger = occ.iter().chain(lead).any(|o| neg.forward.contains(&o.concept) || neg.backward.contains(&o.concept));
    // A heading yields only a negated finding ("Ingen prøvetid"), and nothing is negated
    // without a trigger: most headings name an anchor and need no more work.
    let negation = trigger || occ.iter().any(|o| neg.partitive.contains(&o.concept));
    let in_set =
        |set: &ConceptSet, item: &AnyOf| !item.values.is_empty() || item.concepts.iter().any(|&c| set.contains(c));
    let anchors = occ.iter().map(|o| (true, o)).chain(lead.iter().map(|o| (false, o)));
    let found = anchors.into_iter().any(|(own, o)| {
        p.by_anchor[o.concept as usize].iter().any(|&r| {
            let rule = &p.rules[r];
            let cat = &p.categories[rule.category];
            let answered = own && trigger && cat.negatable && rule.negatable;
            (own || !(rule.label || sentence.is_heading))
                && (!sentence.is_heading || (negation && cat.negatable && rule.negatable))
                && (answered || rule.with.iter().all(|item| in_set(pool, item)))
                && rule.section.iter().all(|item| in_set(wide, item))
                && !rule.without.iter().chain(&cat.without).any(|&c| pool.contains(c))
        })
    });
    for set in [pool, wide] {
        set.clear(occ);
        set.clear(lead);
        set.clear(heading);
    }
    found
}

type Rank = (bool, bool, i32, std::cmp::Reverse<u32>, std::cmp::Reverse<usize>);

/// A rule's finding while it competes: its rule (by index), the span of words to mark,
/// whether it is negated, its values and the kind of value a template left blank; made a
/// [`Match`] only when it wins.
type Candidate = (usize, (u32, u32), bool, Values, Option<ValueKind>);

fn sentence_matches(c: &Clause, index: usize) -> Vec<Match> {
    let p = c.patterns;
    // The best finding so far per category (by index).
    let mut best: Vec<Option<(Rank, Candidate)>> = p.categories.iter().map(|_| None).collect();
    // Anchors in the sentence, then in the list lead-in above it ("Følgende frister gjelder
    // ved oppsigelse:" / "- etter prøvetiden: 3 måneder").
    let anchors = c.occ.iter().enumerate().map(|(k, o)| (Some(k), o)).chain(c.lead.iter().map(|o| (None, o)));
    // The sentence's first exception and first negated concept, found once: the concepts are
    // in order of their first word, so the first exception is the first before any anchor.
    let exception = c.occ.iter().position(|x| p.negation.exceptions.contains(&x.concept));
    let first_negated = c.negated.iter().position(|&n| n);
    // "Tilbudet er ikke betinget av politiattest, men det forutsetter at du legger fram
    // vitnemål", "no repayment if we dismiss you, but if you resign within a year …": the
    // denial's scope ends at the contrast, and a live anchor after it states the clause
    // where the denied one before it was of its kind.
    let contrast = first_negated
        .and_then(|n| c.occ.iter().position(|x| x.first > c.occ[n].last && p.negation.contrasts.contains(&x.concept)));
    // A contrast ends only the scope of a denial of the same kind of clause: "ingen prøvetid,
    // men …" says nothing of which notice clause of the sentence binds. The kinds (by category
    // index) denied before it, found once, not once per anchor after it.
    let mut contrasted = vec![false; if contrast.is_some() { p.categories.len() } else { 0 }];
    for (d, _) in c.occ[..contrast.unwrap_or(0)].iter().zip(c.negated.iter()).filter(|&(_, &n)| n) {
        p.by_anchor[d.concept as usize].iter().for_each(|&q| contrasted[p.rules[q].category] = true);
    }
    // The first consequence after the first exception ("…, unless …, in which case …").
    let consequence = exception
        .and_then(|e| c.occ[e + 1..].iter().find(|x| p.negation.consequences.contains(&x.concept)))
        .map(|x| x.first);
    // The exceptions that may carve a case out of a live clause, in order: those before any
    // forward trigger. Read on first use: most sentences name none of a rule's `without` concepts.
    let carving = OnceCell::new();
    let carving = || {
        carving.get_or_init(|| {
            let forward = c.occ.iter().find(|t| p.negation.forward.contains(&t.concept)).map_or(u32::MAX, |t| t.first);
            c.occ
                .iter()
                .filter(|e| p.negation.exceptions.contains(&e.concept) && e.first <= forward)
                .collect::<Vec<_>>()
        })
    };
    // In a line of rows, an anchor whose own row names the case of a clause that explains its
    // category ("Opps før start: 14 d | Opps: 2 mnd") is that row's: it ranks after the anchors
    // of the other rows, so the ordinary notice is read where it is stated.
    let w = &c.scan.words;
    let cases: Vec<(&Occurrence, &[Category])> = if c.text[c.sentence.start..c.sentence.end].contains(" | ") {
        let explains = p.categories.iter().filter(|s| !s.suppresses.is_empty());
        c.occ
            .iter()
            .flat_map(|x| {
                explains.clone().filter(|s| s.heading.contains(&x.concept)).map(move |s| (x, &s.suppresses[..]))
            })
            .collect()
    } else {
        Vec::new()
    };
    // Two share a row when the text from the earlier one's start to the other's end crosses no
    // '|' or line break. The breaks are counted once and each case is kept by its row, so a line
    // of thousands of rows costs no search of the text between every anchor and every case.
    let breaks: Vec<usize> = if cases.is_empty() {
        Vec::new()
    } else {
        c.text[c.sentence.start..c.sentence.end].match_indices(['|', '\n']).map(|(i, _)| c.sentence.start + i).collect()
    };
    let row = |at: usize| breaks.partition_point(|&b| b < at);
    let starts = |x: &Occurrence| row(w[x.first as usize].start);
    let ends = |x: &Occurrence| row(w[x.last as usize].end);
    // By row and category: the first case starting in the row, the last one ending in it.
    let mut first_from: HashMap<(usize, Category), u32> = HashMap::new();
    let mut last_to: HashMap<(usize, Category), u32> = HashMap::new();
    for &(x, suppresses) in &cases {
        for &category in suppresses {
            first_from.entry((starts(x), category)).and_modify(|f| *f = (*f).min(x.first)).or_insert(x.first);
            last_to.entry((ends(x), category)).and_modify(|f| *f = (*f).max(x.first)).or_insert(x.first);
        }
    }
    let in_other_row = |o: &Occurrence, category: Category| {
        first_from.get(&(ends(o), category)).is_some_and(|&f| f < o.first)
            || last_to.get(&(starts(o), category)).is_some_and(|&f| f >= o.first)
    };
    // A term the text says the contract is silent on, after the cue in its clause. The cues'
    // ends are gathered once (most sentences have none, and then no anchor looks), in order:
    // only the nearest cue before an anchor can reach it, a farther one is as far past a break.
    // A cue said after the terms ("… is not mentioned in the contract") reaches back alike, to the
    // anchors before it in its clause.
    let silent: Vec<u32> = c.occ.iter().filter(|x| p.negation.silent.contains(&x.concept)).map(|x| x.last).collect();
    let silent_after: Vec<u32> =
        c.occ.iter().filter(|x| p.negation.silent_after.contains(&x.concept)).map(|x| x.first).collect();
    let within = |from: u32, to: u32| {
        to - from <= 2 * p.negation.max_scope && c.strongest(from as usize, to as usize) < Break::Clause
    };
    let silenced = |o: &Occurrence| {
        silent[..silent.partition_point(|&last| last < o.first)].last().is_some_and(|&last| within(last, o.first))
            || silent_after[silent_after.partition_point(|&first| first <= o.last)..]
                .first()
                .is_some_and(|&first| within(o.last, first))
    };
    for (k, o) in anchors {
        if k.is_some() && silenced(o) {
            continue;
        }
        // "skal ikke tilbakebetale kurset, bortsett fra gebyret, som trekkes i lønn …": a live
        // anchor after an exception to a negation is the clause the exception carves out.
        // Not one past a consequence of the exception ("…, unless …, in which case a trial
        // period may be agreed"): that is what would follow in the case it names.
        let after_exception = k.is_some()
            && exception.is_some_and(|e| {
                c.occ[e].first < o.first
                    && first_negated.is_some_and(|n| n < e)
                    && consequence.is_none_or(|f| f >= o.first)
            });
        let after_contrast = k.is_some() && contrast.is_some_and(|x| c.occ[x].first < o.first);
        for &r in &p.by_anchor[o.concept as usize] {
            let rule = &p.rules[r];
            let cat = &p.categories[rule.category];
            // A lead-in anchor ranks after every anchor of the item itself.
            let position = if k.is_some() { o.first } else { u32::MAX };
            // A rule of a denial ("kan ikke sies opp i avtaleperioden") reads only a denied anchor,
            // and its finding is live; not one denied by "uten"/"without" (a `double` trigger)
            // right before it: a term that "opphører uten oppsigelse" ends by itself, nothing
            // bars ending it.
            if rule.denied
                && (!k.is_some_and(|k| c.negated[k])
                    || c.occ[c.starting_near(o.first, 3)]
                        .iter()
                        .any(|d| p.negation.double.contains(&d.concept) && d.last < o.first && o.first - d.last <= 3))
            {
                continue;
            }
            let negated = cat.negatable && rule.negatable && k.is_some_and(|k| c.negated[k]);
            let carved = (after_exception || (after_contrast && contrasted[rule.category])) && !negated;
            let yields = k.is_some() && in_other_row(o, cat.category);
            let rank = (!yields, carved, rule.priority, std::cmp::Reverse(position), std::cmp::Reverse(r));
            if best[rule.category].as_ref().is_some_and(|(b, _)| rank <= *b) {
                continue;
            }
            if (c.sentence.is_heading && !negated) || (k.is_none() && (rule.label || c.sentence.is_heading)) {
                continue;
            }
            let near = (rule.near > 0 && k.is_some()).then_some((o, rule.near, rule.after));
            // A form row answered no ("Repayment: None") states no more than its label, but where
            // the label names all another kind of clause needs, it must name what sets this
            // rule's clause apart: "Oppsigelsesfrist: Ikke aktuelt" denies a notice period, not
            // a notice before the start.
            let named = |r: usize| {
                p.rules[r]
                    .with
                    .iter()
                    .filter(|item| item.values.is_empty())
                    .all(|item| c.present(item, &[c.lead], None, false))
            };
            let answered = negated
                && c.is_label(o)
                && (named(r)
                    || !p.by_anchor[o.concept as usize]
                        .iter()
                        .any(|&x| p.rules[x].category != rule.category && named(x)));
            let in_clause = |x: &Occurrence| k.is_none() || c.same_clause(x, o);
            let reach = || if k.is_some() { c.clause_reach(o) } else { (0, u32::MAX) };
            // An exception after a live anchor names the case the clause leaves out, and what it
            // names vetoes nothing: "repayable on resignation within 18 months, unless the
            // resignation is caused by the Company's breach" is a repayment all the same. After
            // a negation ("kan ikke sies opp før tiltredelse, med unntak av at …") the exception
            // is a clause of its own, judged as it stands.
            let excepted = |x: &Occurrence| {
                !negated && k.is_some() && {
                    let carving = carving();
                    carving[carving.partition_point(|e| e.first <= o.last)..]
                        .iter()
                        .take_while(|e| e.first < x.first)
                        .any(|e| x.first > e.last && c.same_clause(e, x))
                }
            };
            // The items that a value may satisfy count as present until every other test has
            // passed: only then are the sentence's values parsed.
            let with = |values: bool| rule.with.iter().all(|item| c.present(item, &[c.lead], near, values));
            let section =
                |values: bool| rule.section.iter().all(|item| c.present(item, &[c.heading, c.lead], None, values));
            // The first test that fails, in the order that costs least; the items missing are
            // named only for a trace.
            let why = if !(answered || with(false)) {
                Some(Why::With(Vec::new()))
            } else if !section(false) {
                Some(Why::Section)
            } else if !rule
                .previous
                .iter()
                .all(|item| item.concepts.iter().any(|&x| c.previous.iter().any(|o| o.concept == x)))
            {
                Some(Why::Previous)
            } else if !rule
                .in_paragraph
                .iter()
                .all(|item| item.concepts.iter().any(|&x| c.in_paragraph.named.contains(x)))
            {
                Some(Why::InParagraph)
            } else if let Some(x) = c
                .named_in_all(&rule.without)
                .find(|x| !excepted(x) && !c.quoted_apart(x, o))
                .or_else(|| {
                    c.named_in_all(&cat.without)
                        .find(|x| !c.labels_other_row(x, o) && !excepted(x) && !c.quoted_apart(x, o))
                })
                .or_else(|| {
                    c.in_paragraph.barring.iter().find(|x| {
                        cat.without_in_paragraph.contains(&x.concept)
                            && !c.labels_other_row(x, o)
                            && !c.set_apart(x, rule.category)
                    })
                })
                // A term denied after the anchor is a clause of its own, not the anchor's
                // qualifier: "oppsigelsestiden er tre måneder og det er ikke avtalt prøvetid". A
                // denial concept denies by itself and qualifies the anchor all the same: "The
                // notice provisions only take effect on your first working day".
                .or_else(|| {
                    c.occurrences(&rule.without_in_clause, reach())
                        .find(|&(i, x)| {
                            in_clause(x)
                                && !c.coordinated(x, o)
                                && !(c.negated[i] && x.first > o.last && !p.negation.denials.contains(&x.concept))
                        })
                        .map(|(_, x)| x)
                })
                .or_else(|| c.lead.iter().find(|x| rule.without_in_clause.contains(&x.concept)))
                // A heading that also names this category ("Prøvetid og oppsigelse") heads
                // both topics: its other concept does not veto the clause.
                .or_else(|| {
                    c.heading.iter().find(|x| rule.without_in_clause.contains(&x.concept)).filter(|_| {
                        !c.heading.iter().any(|x| rule.anchor.contains(&x.concept) || cat.heading.contains(&x.concept))
                    })
                })
            {
                Some(Why::Without(p.name(x.concept).to_owned()))
            } else if rule.label && !c.is_label(o) {
                Some(Why::Label)
            // The employer's own denial, as the employer's row of a form, is no finding.
            } else if negated && cat.skips_employer_rows && c.employer_subject() {
                Some(Why::EmployerRow)
            } else if !(answered || with(true)) || !section(true) {
                Some(Why::Value)
            } else {
                None
            };
            if let Some(why) = why {
                if let Some(trace) = c.trace {
                    let why = match why {
                        Why::With(_) => Why::With(
                            rule.with
                                .iter()
                                .filter(|item| !c.present(item, &[c.lead], near, false))
                                .map(|item| p.item_text(item))
                                .collect(),
                        ),
                        why => why,
                    };
                    trace.borrow_mut().tried.push(Tried { sentence: index, rule: rule.id.clone(), why });
                }
                continue;
            }
            let span = if k.is_some() { (o.first, o.last) } else { item_span(c) };
            let mut values = Values::default();
            let mut left_blank = None;
            if negated && p.categories.iter().any(|x| x.suppresses.contains(&cat.category)) {
                // Its length may outlive a denial that only the suppressing clause makes (below).
                for &kind in &cat.values {
                    c.value_for(rule, k, kind, &mut values);
                }
            } else if !negated {
                for &kind in &cat.values {
                    c.value_for(rule, k, kind, &mut values);
                }
                if (values.duration.is_some_and(|d| d.value == 0.0)
                    || values.amount.as_ref().is_some_and(|a| a.value == 0.0))
                    && cat.negatable
                {
                    // "Prøvetid: 0 måneder" says there is none, and so does a sum of nothing:
                    // "Erstatning ved manglende tiltredelse: kr 0", "Liquidated damages: NOK 0".
                    best[rule.category] = Some((rank, (r, span, true, Values::default(), None)));
                    continue;
                }
                // A blank length or sum still says the clause is there ("Prøvetid: ___
                // måneder"); a date only where its blank is named as one ("Første arbeidsdag
                // er [dato]"), as a bare line is printed in forms whatever was agreed.
                // A rule whose value stands inside its anchor ("etter 6 måneders prøvetid") has
                // no blank after it.
                let blank = k.is_some()
                    && !rule.inside
                    && if rule.require == Some(ValueKind::Date) { c.date_left_blank(o) } else { c.left_blank(o) };
                let missing = rule.require.filter(|&kind| !has(&values, kind));
                if let Some(kind) = missing.filter(|_| !blank) {
                    if let Some(trace) = c.trace {
                        let tried = Tried { sentence: index, rule: rule.id.clone(), why: Why::Require(kind) };
                        trace.borrow_mut().tried.push(tried);
                    }
                    continue;
                }
                left_blank = missing;
            }
            best[rule.category] = Some((rank, (r, span, negated, values, left_blank)));
        }
    }
    let category = |r: usize| p.categories[p.rules[r].category].category;
    // A clause explains the one it suppresses whether it is live or denied, but a denied one
    // only explains a denial: "no notice period before the start date" says nothing of the
    // notice once employed, and does not deny it either.
    let found: Vec<(Category, bool, (usize, usize))> = best
        .iter()
        .flatten()
        .map(|(_, (r, span, negated, _, _))| {
            (category(*r), *negated, (w[span.0 as usize].start, w[span.1 as usize].end))
        })
        .collect();
    let mut out: Vec<Match> = best
        .into_iter()
        .enumerate()
        .filter_map(|(k, b)| {
            b.map(|(_, (r, span, negated, values, blank))| {
                (k, make(c, &p.rules[r], index, span, negated, values, blank))
            })
        })
        .filter_map(|(k, mut m)| {
            let by =
                |l: Category| l != m.category && p.categories[k].category == m.category && suppressed(p, l, m.category);
            // A term of its own length denied only for that time ("Oppsigelsesfristen på én
            // måned gjelder ikke før tiltredelse") still states that length for the time after.
            if m.negated && m.values.duration.is_some() && found.iter().any(|&(l, denied, _)| denied && by(l)) {
                m.negated = false;
                return Some(m);
            }
            if m.negated {
                m.values = Values::default();
            }
            let gone = found.iter().any(|&(l, denied, at)| {
                (!denied || m.negated) && by(l) && !kept(c, l, &m) && !other_cell(c.text, at, m.span)
            });
            (!gone).then_some(m)
        })
        .collect();
    out.sort_by_key(|m| (m.span.0, m.category));
    out
}

/// Whether the anchor `b` labels a row of its own in a line of rows, apart from the anchor `a`
/// ("Notice pre-start: 1 mo | Notice: 3 mos"): each row states its own term, and neither
/// explains the other. A table's value cell ("Termination before start | Permitted with one
/// month's notice") is no row of its own: it says what its label's term is.
fn other_cell(text: &str, a: (usize, usize), b: (usize, usize)) -> bool {
    let (first, second) = if a.0 <= b.0 { (a, b) } else { (b, a) };
    let apart = text.get(first.1..second.0).is_some_and(|between| between.contains(" | "));
    let cell = |rest: &str| rest.split(['\n', '|']).next().is_some_and(|cell| cell.contains(':'));
    let row = text.get(b.1..).is_some_and(cell);
    apart && row
}

fn suppressed(p: &Patterns, by: Category, category: Category) -> bool {
    p.categories.iter().any(|c| c.category == by && c.suppresses.contains(&category))
}

/// The names a sentence defines, each as its words in lower case: a quoted one of up to four
/// words ("«Date of Joining»", "the \"Start Date\"") or an abbreviation in brackets ("(DOJ)").
fn defined_names(sentence: &str) -> Vec<Vec<String>> {
    let words = words_of;
    let quoted = sentence.split(['"', '«', '»']).skip(1).step_by(2).map(words).filter(|w| (1..=4).contains(&w.len()));
    let abbreviations = sentence.split('(').skip(1).filter_map(|part| {
        let (inner, _) = part.split_once(')')?;
        ((2..=6).contains(&inner.len()) && inner.bytes().all(|b| b.is_ascii_uppercase()))
            .then(|| vec![inner.to_lowercase()])
    });
    quoted.chain(abbreviations).collect()
}

/// The words of `s` in lower case.
fn words_of(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// The byte range in `s` of the word a sentence defines: a quoted term of up to five words,
/// after at most a list label ("(b)", "1.2") and one of grammar.toml `definition_leads`, then
/// one of its `definition_verbs` ('(b) "Start Date" means …', "Med «Kursutgifter» menes …").
fn defined_term(s: &str, openers: &patterns::Openers) -> Option<(usize, usize)> {
    // Called for every sentence with a finding: the mark stands within a label and a lead of
    // the start, and its first byte tells it ('«' and '“' open with 0xC2 and 0xE2).
    let open = s.bytes().take(16).position(|b| matches!(b, b'"' | 0xC2 | 0xE2))?;
    let mark = s[open..].chars().next().filter(|c| matches!(c, '"' | '«' | '“'))?;
    let mut before = s[..open].split_whitespace().peekable();
    before.next_if(|w| w.len() <= 6 && !w.chars().all(char::is_alphabetic));
    if before.next().is_some_and(|w| !openers.definition_leads.iter().any(|l| folded_eq(w, l)))
        || before.next().is_some()
    {
        return None;
    }
    let first = open + mark.len_utf8();
    let (close, mark) = s[first..].char_indices().find(|(_, c)| matches!(c, '"' | '»' | '”'))?;
    let end = first + close;
    ((1..=5).contains(&s[first..end].split_whitespace().count())
        && opens_with(s[end + mark.len_utf8()..].trim_start(), &openers.definition_verbs))
    .then_some((first, end))
}

/// `word` is `lower` but for case: "Du" is "du".
fn folded_eq(word: &str, lower: &str) -> bool {
    // Called for every word of many sentences: an ASCII word folds byte by byte, and most
    // differ in length.
    if word.is_ascii() {
        return word.len() == lower.len() && word.bytes().zip(lower.bytes()).all(|(w, l)| w.to_ascii_lowercase() == l);
    }
    word.chars().flat_map(char::to_lowercase).eq(lower.chars())
}

/// Where `word`, a slice of `text`, starts in it.
fn offset_in(text: &str, word: &str) -> usize {
    word.as_ptr() as usize - text.as_ptr() as usize
}

/// `text` up to the end of its `n`th word, or all of it when it has fewer.
fn lead(text: &str, n: usize) -> &str {
    let end = text.split_whitespace().nth(n - 1).map_or(text.len(), |w| offset_in(text, w) + w.len());
    &text[..end]
}

/// Where the last `n` words of `text` start (its start when it has fewer).
fn tail_start(text: &str, n: usize) -> usize {
    text.split_whitespace().rev().nth(n - 1).map_or(0, |w| offset_in(text, w))
}

/// The words of a template field's name, in lower case: "start_date", "startDate" and
/// "start date" are "start" and "date".
fn field_words(name: &str) -> impl Iterator<Item = String> + '_ {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if (!c.is_alphanumeric() || (c.is_uppercase() && prev_lower)) && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        }
        prev_lower = c.is_lowercase();
    }
    words.push(word);
    words.into_iter().filter(|w| !w.is_empty())
}

/// Whether `w`, a word of a template blank's name, names a value of `kind`: a length or a sum
/// ("[antall]", "[amount]", "[provetid]", "[noticePeriod]"), or a date ("[dato]",
/// "[startdato]", "[startDate]", or the start itself: "[tiltredelse]").
fn names_blank(names: &patterns::Placeholders, kind: ValueKind, w: &str) -> bool {
    const DATE_WORDS: &[&str] =
        &["dd", "mm", "yy", "yyyy", "åå", "åååå", "day", "dag", "month", "måned", "månad", "year", "år"];
    match kind {
        ValueKind::Date => {
            w.starts_with("dat")
                || w.ends_with("dato")
                || DATE_WORDS.contains(&w)
                || names.start_words.iter().any(|s| s == w)
        }
        _ => names.value_names.iter().any(|n| n == w) || names.value_ends.iter().any(|end| w.ends_with(end.as_str())),
    }
}

/// A form answer that is a template's blank: a bracketed placeholder ("[X]", "[dato]",
/// "<antall>", a merge field "{{notice}}"), a line ("___") or dots, with at most a unit or a
/// year beside it.
fn blank(answer: &str) -> bool {
    let (mut depth, mut placeholder, mut words, mut in_word) = (0, false, 0, false);
    for ch in answer.chars() {
        match ch {
            '[' | '<' | '{' => depth += 1,
            ']' | '>' | '}' if depth > 0 => {
                depth -= 1;
                placeholder = true;
            }
            _ if depth > 0 => continue,
            _ => {}
        }
        let word = depth == 0 && ch.is_alphanumeric();
        words += usize::from(word && !in_word);
        // A third word is an answer: the rest of a long span need not be read.
        if words > 2 {
            return false;
        }
        in_word = word;
    }
    let marked = placeholder || answer.contains("__") || answer.contains('…') || answer.contains("...");
    marked && words <= 2
}

/// The "~~" of a paragraph, the marks of struck-through text, found once for all its findings.
#[derive(Clone)]
struct StrikeMarks {
    start: usize,
    end: usize,
    /// Where each mark starts, read from the paragraph's start.
    marks: Vec<usize>,
    /// Where the last "~~" starts, counting one in a longer run of "~".
    last: Option<usize>,
}

impl StrikeMarks {
    fn new(text: &Text, paragraph: usize) -> StrikeMarks {
        let p = &text.paragraphs[paragraph];
        let s = &text.string[p.start..p.end];
        StrikeMarks {
            start: p.start,
            end: p.end,
            marks: s.match_indices("~~").map(|(i, _)| p.start + i).collect(),
            last: s.rfind("~~").map(|i| p.start + i),
        }
    }

    /// Whether byte `at` stands between a pair of marks: after an odd number of them, with one
    /// still to come.
    fn struck(&self, at: usize) -> bool {
        let at = at.clamp(self.start, self.end);
        self.marks.partition_point(|&m| m + 2 <= at) % 2 == 1 && self.last.is_some_and(|l| l >= at)
    }
}

/// Whether a finding suppressed by category `by` is one its `keeps` let stand.
fn kept(c: &Clause, by: Category, m: &Match) -> bool {
    let words = &c.scan.words;
    c.patterns
        .categories
        .iter()
        .filter(|cat| cat.category == by)
        .filter_map(|cat| cat.keeps.as_ref().map(|k| (cat, k)))
        .any(|(cat, k)| {
            // So is a form row that states its length first and then that it also runs before the
            // start: "Oppsigelse | 2 mnd. gjensidig – gjelder også før tiltredelse".
            let row = |a: &Occurrence| {
                c.answer(a)
                    .and_then(|ans| ans.split(' ').next())
                    .is_some_and(|w| w.starts_with(|ch: char| ch.is_ascii_digit()) || values::number_value(w).is_some())
            };
            let also = c
                .occ
                .iter()
                .any(|a| (k.anchor.contains(&a.concept) || row(a)) && words[a.first as usize].start == m.span.0)
                && c.occ.iter().any(|x| {
                    k.before.contains(&x.concept)
                        && words[x.first as usize].start >= m.span.1
                        // A short case may stand between "also" and the start: "gjeld òg om
                        // avtala blir sagd opp før tiltreding"; a longer one after a condition.
                        && c.occ.iter().any(|y| {
                            cat.heading.contains(&y.concept)
                                && y.first > x.last
                                && (y.first <= x.last + 8 || conditioned(c, x.last, y.first))
                        })
                });
            also || then(c, cat, k, m)
        })
}

/// Whether the suppressed finding takes its length from one of `keeps.after` said past the
/// suppressing clause's case, each with a length of its own: "Sier du opp før tiltredelse,
/// gjelder en frist på én måned; og deretter tre måneder" states the notice once employed as
/// well. With one length only, "then" tells what follows from the case ("before your start date,
/// but then the 2-month notice applies").
fn then(c: &Clause, cat: &CategoryRules, k: &Keeps, m: &Match) -> bool {
    let mut after = c.occ.iter().filter(|x| {
        k.after.contains(&x.concept) && c.occ.iter().any(|y| cat.heading.contains(&y.concept) && y.last < x.first)
    });
    let Some(x) = after.next() else { return false };
    let Some(rule) = c.patterns.rules.iter().find(|r| r.id == m.rule) else { return false };
    let lengths = c.values(ValueKind::Duration).ranges(ValueKind::Duration);
    std::iter::once(x).chain(after).any(|x| {
        rule.values_from.contains(&x.concept)
            && lengths.iter().any(|r| r.1 >= x.first as usize)
            && lengths.iter().any(|r| r.1 < x.first as usize)
    })
}

/// Whether the words after "also" name its case as a condition in the same clause: "The notice
/// period of one month also applies where either party terminates the agreement before the
/// commencement date" states the ordinary notice and that it runs before the start, as "also
/// applies before the start" does.
fn conditioned(c: &Clause, also: u32, case: u32) -> bool {
    case <= also + 12
        && c.strongest(also as usize, case as usize) < Break::Clause
        && c.occ.iter().any(|o| c.is(o, &c.patterns.negation.conditions) && o.first > also && o.first <= also + 4)
}

/// The first and last word of a list item, for a finding anchored in its lead-in.
fn item_span(c: &Clause) -> (u32, u32) {
    let first = c.first_word;
    (first as u32, c.end_word.saturating_sub(1).max(first) as u32)
}

/// `span` is the first and last word of the words to mark.
fn make(
    c: &Clause,
    rule: &Rule,
    index: usize,
    span: (u32, u32),
    negated: bool,
    values: Values,
    blank: Option<ValueKind>,
) -> Match {
    let w = &c.scan.words;
    Match {
        category: c.patterns.categories[rule.category].category,
        rule: rule.id.clone(),
        sentence: index,
        negated,
        values,
        span: (w[span.0 as usize].start, w[span.1 as usize].end),
        flags: flags(c, rule.category),
        blank,
    }
}

fn flags(c: &Clause, category: usize) -> Vec<Flag> {
    c.patterns.categories[category]
        .flags
        .iter()
        .filter(|(_, list)| c.occ.iter().chain(c.lead).any(|o| list.contains(&o.concept)))
        .map(|&(f, _)| f)
        .collect()
}

fn has(values: &Values, kind: ValueKind) -> bool {
    match kind {
        ValueKind::Duration => values.duration.is_some(),
        ValueKind::Amount => values.amount.is_some(),
        ValueKind::Date => values.date.is_some(),
    }
}

/// Whether `heading` names `cat` and its lines may state the category's value ("7. Prøvetid").
/// A heading that also names what rules the category out carries none: "Unemployment benefit if
/// you resign" / "… a waiting period of 18 weeks" is no notice.
fn carried_by(cat: &CategoryRules, heading: &[Occurrence]) -> bool {
    cat.heading_value.is_some()
        && heading.iter().any(|o| cat.heading.contains(&o.concept))
        && !heading.iter().any(|o| cat.without.contains(&o.concept))
}

/// A line under a heading that carries a category: a value ("7. Prøvetid" / "6 måneder"), a
/// negative answer ("Konkurranseklausul" / "Ikke aktuelt"), or a sentence that states no
/// clause of its own (`alone`) and one value of the heading's kind that no grammar holder
/// keeps ("Tiltredelse" / "Du møter på lageret 2. august 2027 kl. 07.30"): the heading names
/// the clause its body never repeats.
fn heading_matches(c: &Clause, index: usize, alone: bool) -> Vec<Match> {
    let p = c.patterns;
    let words = c.end_word - c.first_word;
    let carries = |cat: &CategoryRules| carried_by(cat, c.heading);
    // No heading here carries a category: nothing to parse the line's values for.
    if !p.categories.iter().any(carries) {
        return Vec::new();
    }
    // A short line, or one that opens with its value ("3 months, calculated from …").
    let short = words <= 8
        || ValueKind::ALL.iter().any(|&k| c.values(k).ranges(k).first().is_some_and(|r| r.0 == c.first_word));
    if !short && !alone {
        return Vec::new();
    }
    // A bare answer under the heading ("Nei", "Ikke aktuelt", "None"), not a longer sentence
    // that merely holds a negation.
    let no = words <= 4
        && c.occ.iter().any(|o| p.negation.backward.contains(&o.concept) || p.negation.forward.contains(&o.concept));
    let mut out = Vec::new();
    for (k, cat) in p.categories.iter().enumerate() {
        let Some(kind) = cat.heading_value.filter(|_| carries(cat)) else { continue };
        if !short && c.occ.iter().any(|o| cat.heading_without.contains(&o.concept)) {
            continue;
        }
        let mut values = Values::default();
        let mut left_blank = None;
        let negated = no && cat.negatable;
        if !negated {
            let ranges = c.values(kind).ranges(kind);
            // A value that opens the line answers the heading, unless its holder follows in
            // the same clause ("6 måneders prøvetid"): one further on after a comma only
            // qualifies ("Three months, except in the trial period").
            let answers = |i: usize| match c.assigned(kind)[i] {
                None => true,
                Some(h) => {
                    let (vf, vl, _) = ranges[i];
                    vf == c.first_word
                        && c.occ[h].first as usize > vl
                        && c.strongest(vl, c.occ[h].first as usize) >= Break::Clause
                }
            };
            // In a row the answer's value comes first, and the label's is a band the row is for:
            // "- Less than 2 years of service: 4 weeks", "- under 5 års ansettelse: 1 måned".
            let opens_answer = |i: usize| {
                let vf = ranges[i].0;
                vf > c.first_word && c.strongest(vf - 1, vf) == Break::Field && c.assigned(kind)[i].is_none()
            };
            let i = if short {
                (0..ranges.len()).find(|&i| opens_answer(i)).or_else(|| (0..ranges.len()).find(|&i| answers(i)))
            } else {
                // A longer sentence: only its one value that no grammar holder keeps, nor the
                // heading word of another category ("Prøvetid" / "I prøvetiden kan begge si opp
                // med 14 dagers varsel": the days are the notice's, not the probation's length),
                // unless that category stands in for this one ("Oppsigelsestid" / "Den samme før
                // og etter du har begynt: 2 mnd" is the notice's).
                let others = |x: ConceptId| {
                    !cat.heading.contains(&x)
                        && p.categories.iter().any(|o| {
                            o.heading.contains(&x)
                                && !suppressed(p, o.category, cat.category)
                                && !suppressed(p, cat.category, o.category)
                        })
                };
                let mut free = (0..ranges.len()).filter(|&i| {
                    c.assigned(kind)[i]
                        .is_none_or(|h| !p.keepers.contains(&c.occ[h].concept) && !others(c.occ[h].concept))
                });
                free.next().filter(|_| free.next().is_none())
            };
            match i {
                Some(i) => c.values(kind).set(kind, i, &mut values),
                // A template's row left blank under the heading names the clause, its value to
                // be filled in: "I. Notice period" / "b. Employee: [noticePeriod]".
                None if short && c.blank_row(kind) => left_blank = Some(kind),
                None => continue,
            }
        }
        out.push(Match {
            category: cat.category,
            rule: format!("{}.{}", cat.category.as_str(), if short { "heading" } else { "section" }),
            sentence: index,
            negated,
            values,
            span: (c.sentence.start, c.sentence.end),
            flags: flags(c, k),
            blank: left_blank,
        });
    }
    let carried: Vec<Category> = out.iter().map(|m| m.category).collect();
    out.retain(|m| !carried.iter().any(|&by| by != m.category && suppressed(p, by, m.category)));
    out
}

/// Whether one of `list` among `occ` stands within two words after (or before) a value at `span`.
fn near_value(occ: &[Occurrence], list: &Concepts, (first, last, _): Span, after: bool) -> bool {
    occ.iter().any(|o| {
        list.contains(&o.concept)
            && if after {
                last < o.first as usize && o.first as usize <= last + 2
            } else {
                (o.last as usize) < first && first <= o.last as usize + 2
            }
    })
}

/// Whether the amount at `span` is a part of a sum: a rate or an instalment ("kr 3 500 per
/// månad", "i to rater à kr 30 000"). It is no sum that a clause or a reference beside it means.
fn part_of_sum(patterns: &Patterns, occ: &[Occurrence], span: Span) -> bool {
    near_value(occ, &patterns.rates, span, true) || near_value(occ, &patterns.instalments, span, false)
}

/// Values a clause states elsewhere: a neighbouring sentence of its paragraph, the sentence
/// that stated an amount it refers to, or the category it points to.
fn fill(
    patterns: &Patterns,
    text: &Text,
    seg: &Segments,
    scan: &Scan,
    by_sentence: &[(usize, usize)],
    stated: &HashMap<ConceptId, Vec<(usize, Amount)>>,
    matches: &mut [Match],
) {
    let occ_of = |i: usize| &scan.occurrences[by_sentence[i].0..by_sentence[i].1];
    let category = |c: Category| patterns.categories.iter().find(|x| x.category == c);
    let sums = &patterns.bare_sums;
    let owner_of: HashMap<usize, Vec<Category>> = matches.iter().fold(HashMap::new(), |mut m, x| {
        m.entry(x.sentence).or_default().push(x.category);
        m
    });
    let mut items: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, s) in seg.sentences.iter().enumerate() {
        if let Some(l) = s.lead_in {
            items.entry(l).or_default().push(i);
        }
    }
    let reads = |c: Category, kind: ValueKind| category(c).is_some_and(|x| x.values.contains(&kind));
    // Durations by category, and every stated amount, in document order for nearest lookups.
    let mut durations: HashMap<Category, Vec<(usize, Duration)>> = HashMap::new();
    for m in matches.iter().filter(|m| !m.negated) {
        if let Some(d) = m.values.duration {
            durations.entry(m.category).or_default().push((m.sentence, d));
        }
    }
    // Every live clause with its values, for a clause that points to one.
    let live: Vec<(usize, Category, Values)> =
        matches.iter().filter(|m| !m.negated).map(|m| (m.sentence, m.category, m.values.clone())).collect();
    // The live clauses whose sentence defines a name for itself ('the "Notice Period"'), with the
    // names: read once, not once per clause that lacks a value.
    let defining = OnceCell::new();
    let defining = || -> &Vec<_> {
        defining.get_or_init(|| {
            live.iter()
                .map(|l| (l, defined_names(&text.string[seg.sentences[l.0].start..seg.sentences[l.0].end])))
                .filter(|(_, names)| !names.is_empty())
                .collect()
        })
    };
    // The terms the text defines with a length ('"Restricted Period" means nine months …'), each
    // with its sentence and the first length after it: read once, and only for a clause that lacks one.
    let defined_lengths = OnceCell::new();
    let defined_lengths = || -> &Vec<(usize, Vec<String>, Duration)> {
        defined_lengths.get_or_init(|| {
            seg.sentences
                .iter()
                .enumerate()
                .filter_map(|(i, s)| {
                    let (first, end) = defined_term(&text.string[s.start..s.end], &patterns.openers)?;
                    let v = SentenceValues::parse(scan, &text.string, s.start, s.end, &[ValueKind::Duration], sums);
                    let after = scan.word_at(s.start + end);
                    let at = v.ranges(ValueKind::Duration).iter().position(|(f, _, _)| *f >= after)?;
                    Some((i, words_of(&text.string[s.start + first..s.start + end]), v.durations[at]))
                })
                .collect()
        })
    };
    // The numbered section a sentence or one near it in its paragraph points to ("som etter
    // punkt 9", "as set out in clause 7"). The outline is read only for a text with such a
    // pointer.
    let outline = OnceCell::new();
    let in_section = |i: usize, n: &str| outline.get_or_init(|| Outline::new(text, seg)).place(seg, i, n).is_some();
    // Each sentence's own pointer, read once: many clauses and values ask for the same ones.
    let pointers: Vec<OnceCell<Option<&str>>> = vec![OnceCell::new(); seg.sentences.len()];
    let pointer = |j: usize| *pointers[j].get_or_init(|| section_reference(text, &seg.sentences[j]));
    let referred = |i: usize| {
        let paragraph = seg.sentences[i].paragraph;
        let near = (i.saturating_sub(2)..(i + 3).min(seg.sentences.len()))
            .filter(|&j| j != i && seg.sentences[j].paragraph == paragraph);
        std::iter::once(i).chain(near).find_map(|j| pointer(j).map(|n| (j, n)))
    };
    let mut all_stated: Vec<(usize, Amount)> = stated.values().flatten().cloned().collect();
    all_stated.sort_by_key(|(s, _)| *s);
    // A repayment scale ("100 % within 6 months, 50 % within 12 months"; "… in full. Between
    // 12 and 24 months, half"): a clause of a `scale` category whose sentence gives a share
    // of the sum lasts to the longest step of that sentence and of the sentences after it in
    // its paragraph that give further shares; a table's header row ("Time since the course |
    // Share to repay") or row lasts to the longest step of the rows under it that do.
    let shares = |i: usize| {
        let s = &seg.sentences[i];
        text.string[s.start..s.end].contains('%') || occ_of(i).iter().any(|o| patterns.shares.contains(&o.concept))
    };
    let table_row = |i: usize| {
        let s = &seg.sentences[i];
        text.string[s.start..s.end].contains('|')
    };
    // Sentence `i` goes on the scale that sentence `i - 1` is on.
    let steps_on = |i: usize| {
        let (s, before) = (&seg.sentences[i], &seg.sentences[i - 1]);
        shares(i)
            && (s.paragraph == before.paragraph
                || (table_row(i) && table_row(i - 1) && s.paragraph == before.paragraph + 1))
    };
    for m in matches.iter_mut().filter(|m| !m.negated && category(m.category).is_some_and(|c| c.scale)) {
        // A sum that steps down ("reduseres med en tredjedel for hvert år") binds until it is
        // gone; said as a length in its paragraph ("innen 2 år … 1/24 per måned"), it keeps
        // the unit written there.
        let s = &seg.sentences[m.sentence];
        // … or in the next sentence of its paragraph, for a clause that states no length of its
        // own: "Kurset må betales tilbake om du slutter. Beløpet reduseres med 1/24 per måned."
        let next = || {
            let t = seg.sentences.get(m.sentence + 1).filter(|t| t.paragraph == s.paragraph)?;
            m.values.duration.is_none().then(|| values::step_down(&text.string[t.start..t.end])).flatten()
        };
        if let Some(d) = values::step_down(&text.string[s.start..s.end]).or_else(next) {
            let paragraph = seg.sentences.iter().filter(|t| t.paragraph == s.paragraph);
            let written = paragraph
                .flat_map(|t| {
                    SentenceValues::parse(scan, &text.string, t.start, t.end, &[ValueKind::Duration], sums).durations
                })
                .find(|w| (w.approx_days() - d.approx_days()).abs() < 0.02 * d.approx_days());
            m.values.duration = Some(written.unwrap_or(d));
            continue;
        }
        // A header row has no length of its own, nor need a clause whose steps, two or more,
        // stand in its own sentence ("… on the following schedule: 100% if employed for less
        // than 6 months, … 25% if employed 18 months but less than 24 months"); a sentence with
        // a share but no length is no step. A lead-in whose lines below give shares, as lines
        // of their own, lasts to their longest step too.
        let leads = text.string[s.start..s.end].trim_end().ends_with(':');
        let listed: Vec<usize> = (m.sentence + 1..seg.sentences.len())
            .take_while(|&i| leads && shares(i) && seg.sentences[i].paragraph <= seg.sentences[i - 1].paragraph + 1)
            .collect();
        let heads = listed.len() > 1
            || (table_row(m.sentence) && m.sentence + 1 < seg.sentences.len() && steps_on(m.sentence + 1));
        let steps = || {
            SentenceValues::parse(scan, &text.string, s.start, s.end, &[ValueKind::Duration], sums).durations.len() > 1
        };
        if !heads && (!shares(m.sentence) || (m.values.duration.is_none() && !steps())) {
            continue;
        }
        m.values.duration = (m.sentence..seg.sentences.len())
            .take_while(|&i| i == m.sentence || steps_on(i))
            .chain(listed)
            .flat_map(|i| {
                let s = &seg.sentences[i];
                SentenceValues::parse(scan, &text.string, s.start, s.end, &[ValueKind::Duration], sums).durations
            })
            .fold(m.values.duration, |a, b| match a {
                Some(a) if a.approx_days() >= b.approx_days() => Some(a),
                _ => Some(b),
            });
    }
    for m in matches.iter_mut().filter(|m| !m.negated) {
        let Some(cat) = category(m.category) else { continue };
        let sentence = seg.sentences[m.sentence];
        for &kind in &cat.values {
            // A template's blank ("Oppsigelsesfristen er [X] måneder. I prøvetiden er den 14
            // dager.") leaves the clause without its value, whatever the sentences near it say.
            if has(&m.values, kind) || m.blank == Some(kind) {
                continue;
            }
            // A scale: a lead-in whose items are clauses of its own category takes their
            // longest step ("… slik: / 1. alt innen 12 måneder, / 2. halvparten innen 24").
            let steps = items
                .get(&m.sentence)
                .into_iter()
                .flatten()
                .filter_map(|&i| durations.get(&m.category)?.iter().find(|(s, _)| *s == i).map(|&(_, d)| d));
            if let Some(d) =
                steps.filter(|_| kind == ValueKind::Duration).max_by(|a, b| a.approx_days().total_cmp(&b.approx_days()))
            {
                m.values.duration = Some(d);
                continue;
            }
            // "med samme frist som etter punkt 3", "the amount stated in clause 3", "for the same
            // period as the notice period in clause 8": a clause that points to a numbered
            // section takes the value a clause stated there: of the category it takes its values
            // from, of its own, or of one its sentence names. A section that states no such
            // clause gives the first value it states with one of that category's anchors ("7.2 I
            // prøvetiden er fristen 14 dager").
            // The sentence that points may be the next one, with no clause of its own ("… siste
            // året. Klausulen gjeld like lenge som oppseiingsfristen etter punkt 6"): the term
            // it names there counts as one named here.
            let (at, own) = (m.sentence, m.category);
            let reference = referred(at);
            let naming = std::iter::once(at)
                .chain(reference.map(|(j, _)| j).filter(|&j| j == at + 1 && !owner_of.contains_key(&j)));
            let sources = cat.values_from_category.filter(|_| kind == ValueKind::Duration).into_iter().chain(
                std::iter::once(own).chain(patterns.categories.iter().map(|c| c.category).filter(move |&c| {
                    c != own
                        && reads(c, kind)
                        && naming.clone().any(|i| occ_of(i).iter().any(|o| patterns.anchors_category(o.concept, c)))
                })),
            );
            // A word for a sum stated elsewhere ("the amount stated in clause 3") points to the
            // clause's own amount by whatever name the section gives it ("3. Agreed compensation
            // for non-commencement: EUR 3,000").
            // Only the clause's own pointer counts: "jf. punkt 4" after a repayment clause may
            // cite the rule for deducting it.
            let refers = kind == ValueKind::Amount
                && occ_of(m.sentence).iter().any(|o| patterns.amount_refs.contains(&o.concept))
                && pointer(m.sentence).is_some();
            let pointed = reference.and_then(|(_, n)| {
                sources.clone().find_map(|from| {
                    let clause = live
                        .iter()
                        .find(|(i, c, v)| *i != m.sentence && *c == from && has(v, kind) && in_section(*i, n));
                    clause.map(|(_, _, v)| v.clone()).or_else(|| {
                        let names = |i: usize| {
                            (from == m.category && refers)
                                || occ_of(i).iter().any(|o| patterns.anchors_category(o.concept, from))
                        };
                        (0..seg.sentences.len()).filter(|&i| i != m.sentence && in_section(i, n) && names(i)).find_map(
                            |i| {
                                let s = &seg.sentences[i];
                                let v = SentenceValues::parse(scan, &text.string, s.start, s.end, &[kind], sums);
                                let mut values = Values::default();
                                v.has(kind).then(|| v.set(kind, 0, &mut values)).map(|_| values)
                            },
                        )
                    })
                })
            });
            // '(the "Notice Period")': a name a clause of another category defines for itself
            // stands for its value where another clause uses it ("for a period equal to the
            // Notice Period").
            // A definitions clause's term that states a length ("«Begrensningsperioden» betyr ni
            // måneder regnet fra Fratredelsesdagen") gives it to any clause that uses the term.
            let named = || {
                let defining = defining();
                // Only a length is ever defined so; the table is built for no other kind.
                let lengths: &[_] = if kind == ValueKind::Duration { defined_lengths() } else { &[] };
                if defining.is_empty() && lengths.is_empty() {
                    return None;
                }
                let here = words_of(&text.string[sentence.start..sentence.end]);
                let uses = |name: &Vec<String>| here.windows(name.len()).any(|w| w == &name[..]);
                defining
                    .iter()
                    .find(|((i, c, v), names)| {
                        *i != m.sentence
                            && *c != m.category
                            && has(v, kind)
                            && sources.clone().any(|s| s == *c)
                            && names.iter().any(uses)
                    })
                    .map(|((_, _, v), _)| v.clone())
                    .or_else(|| {
                        let (_, _, d) = lengths.iter().find(|(i, name, _)| *i != m.sentence && uses(name))?;
                        Some(Values { duration: Some(*d), ..Values::default() })
                    })
            };
            // "med samme frist som i prøvetiden", "the same notice as during probation": the length
            // the nearest sentence of the time during the probation states ("- i prøvetida: 14
            // dagar"), else one naming both the probation and a notice, other than the
            // probation's own ("Prøvetid 6 måneder, med 14 dagers oppsigelse").
            let probation_notice = || {
                let of_probation = kind == ValueKind::Duration
                    && m.category != Category::Probation
                    && occ_of(m.sentence).iter().any(|o| patterns.as_in_probation.contains(&o.concept));
                if !of_probation {
                    return None;
                }
                let names = |i: usize, c: Category| occ_of(i).iter().any(|o| patterns.anchors_category(o.concept, c));
                let mut near: Vec<(bool, usize)> = (0..seg.sentences.len())
                    .filter(|&i| i != m.sentence)
                    .filter_map(|i| {
                        let during = occ_of(i).iter().any(|o| patterns.in_probation.contains(&o.concept));
                        let both = || names(i, Category::Probation) && names(i, Category::NoticePeriod);
                        (during || both()).then_some((during, i))
                    })
                    .collect();
                near.sort_by_key(|&(during, i)| (!during, i.abs_diff(m.sentence), i > m.sentence));
                near.into_iter()
                    .map(|(_, i)| i)
                    .find_map(|i| {
                        let own = live.iter().find(|(j, c, _)| *j == i && *c == Category::Probation);
                        let s = &seg.sentences[i];
                        SentenceValues::parse(scan, &text.string, s.start, s.end, &[kind], sums)
                            .durations
                            .into_iter()
                            .find(|d| own.is_none_or(|(_, _, v)| v.duration != Some(*d)))
                    })
                    .map(|d| Values { duration: Some(d), ..Values::default() })
            };
            if let Some(v) = pointed.or_else(named).or_else(probation_notice) {
                match kind {
                    ValueKind::Duration => m.values.duration = v.duration,
                    ValueKind::Amount => m.values.amount = v.amount,
                    ValueKind::Date => m.values.date = v.date,
                }
                continue;
            }
            // Neighbouring sentences, nearest first: of the same paragraph at most two away;
            // the lead-in above a list item and the first items below a lead-in; the rows
            // next to a form row ("Bindingstid: 24 måneder" / "Beløp: kr 38 500"). Not where
            // another category's clause reads this kind of value itself.
            let row = |s: &Sentence| text.string[s.start..s.end].contains([':', '|']);
            let mut donors: Vec<(usize, bool)> = Vec::new();
            for d in [-1isize, 1, -2, 2] {
                if let Some(i) = m.sentence.checked_add_signed(d).filter(|&i| i < seg.sentences.len()) {
                    let other = &seg.sentences[i];
                    if other.paragraph == sentence.paragraph || (d.abs() == 1 && row(&sentence) && row(other)) {
                        donors.push((i, d < 0));
                    }
                }
            }
            donors.extend(sentence.lead_in.map(|l| (l, true)));
            donors.extend(items.get(&m.sentence).into_iter().flatten().take(3).map(|&i| (i, false)));
            // "Det samme gjelder", "likewise" point back: a sentence before holding the clause
            // this one takes its length from gives that clause's length ("Etter prøvetiden gjelder
            // 1 måneds frist. Det samme gjelder før tiltredelse. I prøvetiden er fristen 14
            // dager"), not the next length that is free.
            let from =
                cat.values_from_category.filter(|_| kind == ValueKind::Duration && m.rule.ends_with(".same_applies"));
            for (i, before) in donors {
                if let Some(&(_, d)) =
                    from.filter(|_| before).and_then(|f| durations.get(&f)?.iter().find(|(s, _)| *s == i))
                {
                    m.values.duration = Some(d);
                    break;
                }
                let other = &seg.sentences[i];
                if other.is_heading
                    || owner_of.get(&i).is_some_and(|cs| cs.iter().any(|&c| c != m.category && reads(c, kind)))
                {
                    continue;
                }
                let v = SentenceValues::parse(scan, &text.string, other.start, other.end, &[kind], sums);
                let ranges = v.ranges(kind);
                // The writer's own time in the job there is no clause's next door: "… if I
                // leave. I will probably work about 8-9 months", "Jeg har jobbet der i 8 måneder".
                // Nor is the sum of the pay: the salary is no repayment's sum ("Your salary will be
                // NOK 600,000. If you leave within two years you must repay the training cost").
                let kept = |(first, _, _): Span| {
                    occ_of(i).iter().any(|o| {
                        let within = |reach: usize| (o.last as usize) < first && first <= o.last as usize + reach;
                        (patterns.tenure.contains(&o.concept) && within(3))
                            || (kind == ValueKind::Amount && patterns.pay.contains(&o.concept) && within(5))
                    })
                };
                let mut whole = (0..ranges.len()).filter(|&j| {
                    (kind != ValueKind::Amount || !part_of_sum(patterns, occ_of(i), ranges[j])) && !kept(ranges[j])
                });
                if let Some(j) = if before { whole.next_back() } else { whole.next() } {
                    v.set(kind, j, &mut m.values);
                    break;
                }
            }
        }
        if !has(&m.values, ValueKind::Amount)
            && cat.values.contains(&ValueKind::Amount)
            && m.blank != Some(ValueKind::Amount)
        {
            // The concepts the clause names, in its sentence and the lead-in above it.
            let named = || occ_of(m.sentence).iter().chain(sentence.lead_in.map_or(&[][..], occ_of));
            // A reference the section's heading names ("Relocation support" / "… you must pay
            // the support back") stands for the amount stated in that section.
            let heading = sentence.heading.map_or(&[][..], |h| {
                let p = text.paragraphs[seg.headings[h]];
                let (a, b) = (scan.word_at(p.start) as u32, scan.word_at(p.end) as u32);
                let occ = &scan.occurrences;
                &occ[occ.partition_point(|o| o.first < a)..occ.partition_point(|o| o.first < b)]
            });
            let in_section = |list: &Vec<(usize, Amount)>| {
                let here: Vec<(usize, Amount)> =
                    list.iter().filter(|(s, _)| seg.sentences[*s].heading == sentence.heading).cloned().collect();
                nearest_other(&here, m.sentence, usize::MAX).cloned()
            };
            // A pointing word takes only a nearby amount (below), never one anywhere in the text.
            let nearest = named()
                .filter(|o| !patterns.amount_refs.contains(&o.concept))
                .filter_map(|o| {
                    stated.get(&o.concept).and_then(|list| nearest_other(list, m.sentence, usize::MAX)).cloned()
                })
                .chain(heading.iter().filter_map(|o| stated.get(&o.concept).and_then(in_section)))
                .min_by_key(|(s, _)| s.abs_diff(m.sentence));
            // "kostnadene", "beløpet", "these costs": the nearest amount stated with any
            // reference concept, at most a few sentences away and in the same section (the
            // course fee of the next clause is not what a penalty clause's "costs" are).
            let generic = || {
                named()
                    .any(|o| patterns.amount_refs.contains(&o.concept))
                    .then(|| nearest_other(&all_stated, m.sentence, 6))
                    .flatten()
                    .filter(|(s, _)| seg.sentences[*s].heading == sentence.heading)
            };
            if let Some((_, amount)) = nearest.or_else(|| generic().cloned()) {
                m.values.amount = Some(amount);
            }
        }
        if let (None, Some(from)) = (m.values.duration, cat.values_from_category) {
            if cat.values.contains(&ValueKind::Duration) && m.blank != Some(ValueKind::Duration) {
                m.values.duration =
                    durations.get(&from).and_then(|list| nearest_other(list, m.sentence, usize::MAX)).map(|(_, d)| *d);
            }
        }
    }
}

/// The outline numbers of a text: each section heading's, and each paragraph's. A numbered
/// paragraph of a section ("7.2 I prøvetiden …") and the unnumbered ones after it up to the
/// next heading have its number too: "som i 7.2" points to it.
struct Outline<'t> {
    headings: Vec<Option<&'t str>>,
    /// The number and the paragraph that gave it.
    paragraphs: Vec<Option<(&'t str, usize)>>,
}

impl<'t> Outline<'t> {
    fn new(text: &'t Text, seg: &Segments) -> Outline<'t> {
        let headings = seg.headings.iter().map(|&p| numbering::section_number(text.paragraph(p))).collect();
        let mut paragraphs: Vec<Option<(&str, usize)>> = Vec::with_capacity(text.paragraphs.len());
        let mut next_heading = seg.headings.iter().peekable();
        for i in 0..text.paragraphs.len() {
            let heading = next_heading.next_if(|&&h| h == i).is_some();
            // `numbering::section_number` of the numbering read here, not read again.
            // A number in markdown's bold ("**9 Kurs:** …") numbers its paragraph as well.
            let line = text.paragraph(i);
            let line = ["**", "__"]
                .iter()
                .find_map(|m| line.strip_prefix(m))
                .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
                .unwrap_or(line);
            let own = numbering(line)
                .filter(|m| m.kind == Kind::Section && (!m.bare || run_in_title(&line[m.len..])))
                .map(|m| numbering::outline(&line[m.number.0..m.number.1]))
                .filter(|n| !n.is_empty());
            let inherited = if heading { None } else { i.checked_sub(1).and_then(|b| paragraphs[b]) };
            paragraphs.push(own.map(|n| (n, i)).or(inherited));
        }
        Outline { headings, paragraphs }
    }

    /// Where sentence `i` stands in section `n` or a part of it ("7.2" of "7"): the paragraph
    /// that numbers it (a heading's or a numbered paragraph's); none outside it.
    fn place(&self, seg: &Segments, i: usize, n: &str) -> Option<usize> {
        let part_of = |x: &str| x.strip_prefix(n).is_some_and(|rest| rest.is_empty() || rest.starts_with('.'));
        let s = &seg.sentences[i];
        let heading = s.heading.filter(|&h| self.headings[h].is_some_and(part_of)).map(|h| seg.headings[h]);
        heading.or_else(|| self.paragraphs[s.paragraph].filter(|&(x, _)| part_of(x)).map(|(_, p)| p))
    }
}

/// Whether the text after a plain number without a dot opens with a title run in before the
/// paragraph's prose ("9 Konkurranseklausul. Arbeidstaker …", "9 Kurs: Kommunen dekkjer …"): a
/// capitalised word, and a full stop or colon within a few words with no figure before it. A
/// length ("6 måneder prøvetid") is no title.
fn run_in_title(rest: &str) -> bool {
    let Some(end) = rest.find(['.', ':']) else { return false };
    let title = &rest[..end];
    rest.starts_with(char::is_uppercase)
        && title.split_whitespace().count() <= 5
        && !title.contains(|c: char| c.is_ascii_digit())
}

/// "14 Særlige bestemmelser. Punkt 9 gjelder ikke for denne stillingen", "Appendix 1: The
/// repayment in point 10 shall not apply for this employee", "Punkt 14 strykes": a provision
/// that strikes a numbered section of the text itself denies the clauses stated there, as an
/// amendment goes before what it amends; the provision is where the denial stands. Clauses of
/// other sections stay live. A provision that names a clause itself ("Punkt 9 om
/// tilbakebetaling … skal ikkje gjelde") strikes only that clause's kind.
fn strike_sections(
    p: &Patterns,
    text: &Text,
    seg: &Segments,
    scan: &Scan,
    by_sentence: &[(usize, usize)],
    commentary: &[bool],
    out: &mut Vec<Match>,
) {
    // Outlined only for a text that strikes a section: most strike none.
    let mut outline = None;
    for i in 0..seg.sentences.len() {
        if commentary[i] || seg.sentences[i].is_heading {
            continue;
        }
        let occ = &scan.occurrences[by_sentence[i].0..by_sentence[i].1];
        let Some((n, span)) = struck_section(p, text, &seg.sentences[i], scan, occ) else { continue };
        let outline: &Outline = outline.get_or_insert_with(|| Outline::new(text, seg));
        let here = outline.place(seg, i, n);
        let own: Vec<Category> = out.iter().filter(|m| m.sentence == i && m.negated).map(|m| m.category).collect();
        let mut denied: Vec<Category> = Vec::new();
        out.retain_mut(|m| {
            let struck = !m.negated
                && p.negatable(m.category)
                && (own.is_empty() || own.contains(&m.category))
                && outline.place(seg, m.sentence, n).is_some_and(|at| Some(at) != here);
            if !struck {
                return true;
            }
            if own.contains(&m.category) || denied.contains(&m.category) {
                return false;
            }
            denied.push(m.category);
            m.negated = true;
            m.sentence = i;
            m.span = span;
            m.values = Values::default();
            m.flags.clear();
            m.blank = None;
            true
        });
    }
    // A denial moved to its provision takes its place in document order.
    out.sort_by_key(|m| m.sentence);
}

/// The numbered section sentence `s` strikes out, and the bytes from the reference to the
/// trigger: a backward trigger after a reference to it ("Punkt 9 gjelder ikke", "point 10 …
/// shall not apply", "Punkt 14 strykes"), with nothing after the trigger but the job or the
/// agreement it is said of ("for denne stillingen", "for this employee"): "Punkt 9 gjelder ikke
/// i prøvetiden", "… unless …" or "… until 1 January 2028" limit the section, they do not strike
/// it; nor does a condition ("Dersom punkt 9 ikke skal gjelde, …") or a question. A section of
/// another document named between ("Punkt 4 i tariffavtalen gjelder ikke") is not the text's own.
fn struck_section<'t>(
    p: &Patterns,
    text: &'t Text,
    s: &Sentence,
    scan: &Scan,
    occ: &[Occurrence],
) -> Option<(&'t str, (usize, usize))> {
    let t = &text.string[s.start..s.end];
    let neg = &p.negation;
    if is_question(t) || occ.iter().any(|o| neg.conditions.contains(&o.concept) || neg.exceptions.contains(&o.concept))
    {
        return None;
    }
    let trigger = occ.iter().find(|o| neg.backward.contains(&o.concept))?;
    let (at, end) = (scan.words[trigger.first as usize].start, scan.words[trigger.last as usize].end);
    let (k, n) = t
        .char_indices()
        .map(|(k, _)| k)
        .filter(|&k| s.start + k < at && !t[..k].ends_with(char::is_alphanumeric))
        .rev()
        .find_map(|k| numbering::reference(&t[k..]).map(|n| (k, n)))?;
    let between = |o: &&Occurrence| {
        let w = scan.words[o.first as usize].start;
        s.start + k < w && w < at
    };
    if occ.iter().filter(between).any(|o| neg.elsewhere.contains(&o.concept)) {
        return None;
    }
    let said_of = |o: &Occurrence| neg.documents.contains(&o.concept) || p.genre.employment.contains(&o.concept);
    let rest = &text.string[end..s.end];
    let after = occ.iter().filter(|o| o.first > trigger.last);
    (!rest.contains(|c: char| c.is_ascii_digit()) && after.clone().all(said_of)).then_some((n, (s.start + k, end)))
}

/// "Tiltredelsesdato endres fra 1. mars 2027 til 5. april 2027", "The Start Date is changed
/// from 1 March 2027 to 5 April 2027": a live clause whose sentence amends its term gives it a
/// new value, and an earlier clause of its kind that states the old value (one right after a
/// `superseded` word, or the sentence's other value of the kind) gives way to it.
fn supersede(
    p: &Patterns,
    text: &Text,
    seg: &Segments,
    scan: &Scan,
    by_sentence: &[(usize, usize)],
    out: &mut Vec<Match>,
) {
    let mut gone: Vec<usize> = Vec::new();
    for (j, m) in out.iter().enumerate().filter(|(_, m)| !m.negated) {
        let occ = &scan.occurrences[by_sentence[m.sentence].0..by_sentence[m.sentence].1];
        if !occ.iter().any(|o| {
            p.amendments.contains(&o.concept) || p.superseded.contains(&o.concept) || p.changes.contains(&o.concept)
        }) {
            continue;
        }
        let s = &seg.sentences[m.sentence];
        let kinds = [ValueKind::Date, ValueKind::Duration, ValueKind::Amount];
        let v = SentenceValues::parse(scan, &text.string, s.start, s.end, &kinds, &p.bare_sums);
        for kind in kinds.into_iter().filter(|&kind| has(&m.values, kind)) {
            let old: Vec<Values> = (0..v.ranges(kind).len())
                .map(|x| {
                    let mut old = Values::default();
                    v.set(kind, x, &mut old);
                    old
                })
                .filter(|old| !same_value(old, &m.values, kind))
                .collect();
            for (k, e) in out.iter().enumerate() {
                if k != j
                    && !e.negated
                    && e.category == m.category
                    && e.sentence < m.sentence
                    && old.iter().any(|o| same_value(o, &e.values, kind))
                {
                    gone.push(k);
                }
            }
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !gone.contains(&(k - 1))
    });
}

/// Whether two values hold the same value of `kind`.
fn same_value(a: &Values, b: &Values, kind: ValueKind) -> bool {
    match kind {
        ValueKind::Date => a.date.is_some() && a.date == b.date,
        ValueKind::Duration => a.duration.is_some() && a.duration == b.duration,
        ValueKind::Amount => a.amount.is_some() && a.amount == b.amount,
    }
}

/// The numbered section of the text that sentence `s` points to: "9" in "Oppseiingstida er
/// den same som etter punkt 9", "10" in "the notice period in section 10 applies".
/// A bare number with a part after a pointing word ("som i 7.1", "jf. 4.2") points to a
/// numbered paragraph only where the text has one so numbered.
fn section_reference<'t>(text: &'t Text, s: &Sentence) -> Option<&'t str> {
    let t = &text.string[s.start..s.end];
    let starts = t.char_indices().map(|(k, _)| k).filter(|&k| !t[..k].ends_with(char::is_alphanumeric));
    starts.clone().find_map(|k| numbering::reference(&t[k..])).or_else(|| {
        starts.filter(|&k| t.as_bytes()[k].is_ascii_digit()).find_map(|k| {
            let n = numbering::pointed(&t[..k], &t[k..])?;
            (0..text.paragraphs.len()).any(|i| numbering::section_number(text.paragraph(i)) == Some(n)).then_some(n)
        })
    })
}

/// The entry of `list` (sorted by sentence) nearest to sentence `at`, other than `at` itself
/// and at most `max` sentences away; before wins a tie.
fn nearest_other<T>(list: &[(usize, T)], at: usize, max: usize) -> Option<&(usize, T)> {
    let i = list.partition_point(|(s, _)| *s < at);
    let before = list[..i].last();
    let after = list[i..].iter().find(|(s, _)| *s != at);
    [before, after].into_iter().flatten().filter(|(s, _)| s.abs_diff(at) <= max).min_by_key(|(s, _)| s.abs_diff(at))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One paragraph per line of `text`, as a document.
    fn document(text: &str) -> crate::extract::Document {
        crate::extract::Document {
            paged: false,
            pages: vec![crate::extract::Page { paragraphs: text.lines().map(str::to_string).collect() }],
        }
    }

    /// The findings of `text` read as a document with the built-in grammar.
    fn analyzed(text: &str) -> Vec<crate::model::Finding> {
        crate::analyze_document(&document(text), &Patterns::builtin().unwrap(), crate::i18n::Lang::Nb).findings
    }

    /// The engine's matches in `text` as (category, denied), before the findings are made of them.
    fn findings(text: &str) -> Vec<(Category, bool)> {
        let patterns = Patterns::builtin().unwrap();
        let text = crate::normalize::normalize(&document(text));
        let seg = segment::segment(&text, &patterns.sentences);
        find(&patterns, &text, &seg).into_iter().map(|m| (m.category, m.negated)).collect()
    }

    /// The categories of the live (not denied) findings in `text`.
    fn live(text: &str) -> Vec<Category> {
        analyzed(text).iter().filter(|f| !f.negated).map(|f| f.category).collect()
    }

    /// What `explain` finds in `text`, and the reasons it gives, as "sentence rule why".
    fn explained(text: &str) -> (Vec<Match>, Vec<String>) {
        let patterns = Patterns::builtin().unwrap();
        let text = crate::normalize::normalize(&document(text));
        let seg = segment::segment(&text, &patterns.sentences);
        let (found, tried) = explain(&patterns, &text, &seg);
        (found, tried.iter().map(|t| format!("{} {} {:?}", t.sentence, t.rule, t.why)).collect())
    }

    #[test]
    fn explain_finds_what_find_finds() {
        // The trace tries every sentence (no shortcut past those that can yield nothing): the
        // findings must be the same all the same, on every example of every category.
        let patterns = Patterns::builtin().unwrap();
        for cat in &patterns.categories {
            let texts = cat
                .examples
                .matches
                .iter()
                .map(|m| m.text.as_str())
                .chain(cat.examples.no_match.iter().map(String::as_str));
            for t in texts {
                let text = crate::normalize::normalize(&document(t));
                let seg = segment::segment(&text, &patterns.sentences);
                assert_eq!(explain(&patterns, &text, &seg).0, find(&patterns, &text, &seg), "{t}");
            }
        }
    }

    #[test]
    fn explain_names_the_missing_words_the_veto_the_value_and_the_commentary() {
        let has = |tried: &[String], line: &str| assert!(tried.iter().any(|t| t == line), "{line} not in {tried:#?}");
        // A sum with no event it is owed for.
        let (found, tried) = explained("Arbeidstakeren skal betale kr 20 000.");
        assert!(found.is_empty());
        let event = |t: &String| t.starts_with(r#"0 compensation.pay_on_breach With([""#) && t.contains("NOT_START");
        assert!(tried.iter().any(event), "{tried:#?}");
        // A label that names another clause.
        let (_, tried) = explained("Sign-on bonus: NOK 20,000, repayable if you resign.");
        has(&tried, r#"0 notice_period.label Without("REPAY")"#);
        // A probation with no length.
        let (found, tried) = explained("Det gjelder prøvetid.");
        assert!(found.iter().all(|m| m.category != Category::Probation), "{found:?}");
        assert!(tried.iter().any(|t| t.starts_with("0 probation.") && t.ends_with("Require(Duration)")), "{tried:#?}");
        // General talk.
        let (found, tried) = explained("Prøvetid kan avtales for inntil seks måneder.");
        assert!(found.is_empty());
        has(&tried, "0 probation Commentary");
    }

    #[test]
    fn explain_tells_a_finding_dropped_when_the_text_reads_as_commentary() {
        let text = "Om prøvetid\nPrøvetid kan avtales for inntil seks måneder. Loven krever at den er skriftlig. Det vanlige er seks måneder.\nDen ansatte har seks måneders prøvetid.";
        let (found, tried) = explained(text);
        assert!(found.is_empty(), "{found:?}");
        assert!(tried.iter().any(|t| t.contains(" probation.") && t.ends_with("Dropped")), "{tried:#?}");
    }

    #[test]
    fn an_empty_text_has_no_findings() {
        let patterns = Patterns::builtin().unwrap();
        for empty in ["", "\n\n", "   "] {
            let text = crate::normalize::normalize(&document(empty));
            let seg = crate::segment::segment(&text, &patterns.sentences);
            assert!(find(&patterns, &text, &seg).is_empty(), "{empty:?}");
            assert!(analyzed(empty).is_empty(), "{empty:?}");
        }
    }

    #[test]
    fn a_denied_condition_relays_its_denial_to_what_it_names() {
        // The condition named more than a trigger's scope after the "ikke"/"not", within its
        // reach counted from the condition word; a word given on the way relays nothing.
        for text in [
            "Tilsettingen kan ikke gjøres betinget av at arbeidstakeren tar en legeundersøkelse.",
            "Tilsetjinga kan ikkje gjerast avhengig av at arbeidstakaren tek ein legeundersøking.",
            "The appointment shall not be made conditional on you completing a medical examination.",
        ] {
            assert_eq!(findings(text), vec![(Category::Withdrawal, true)], "{text}");
        }
        let relayed = "After confirmation either party may end the employment without giving any further reason, with one month's notice.";
        assert!(findings(relayed).contains(&(Category::NoticePeriod, false)), "{relayed}");
    }

    #[test]
    fn a_question_that_takes_the_askers_term_as_given_tells_it() {
        for text in [
            "Kan jeg slutte før oppsigelsestiden min på to måneder er over?",
            "Kva skjer om eg sluttar før oppseiingstida mi på ein månad er over?",
            "Can I leave before my notice period of one month is over?",
            "Spørsmål: Jeg har fått ny jobb. Kan jeg gå før? (Har en oppsigelsestid på to måneder)",
        ] {
            assert!(live(text).contains(&Category::NoticePeriod), "{text}");
        }
        // A term the asker may get, one another claims, or no asker of his own.
        for text in [
            "Spørsmål: Sjefen sier jeg har en oppsigelsestid på to måneder. Stemmer det?",
            "Q: I have a notice period of two months. Can I leave early?\nA: Only if the employer agrees.",
            "Kan jeg få en oppsigelsestid på to måneder?",
            "Må arbeidstakeren jobbe ut oppsigelsestiden på to måneder?",
            "Can I ask for a notice period of two months?",
        ] {
            assert!(!live(text).contains(&Category::NoticePeriod), "{text}");
        }
    }

    #[test]
    fn a_quote_attributed_to_a_role_is_a_report() {
        let verbs = &Patterns::builtin().unwrap().openers.attributions;
        for paragraph in [
            "– Jeg måtte jobbe ut tre uker av oppsigelsestiden, sier økonomen.",
            "– Eg fekk beskjed om at eg var bunden i to år, seier sjukepleiaren.",
            "«Det er uvanlig med så lang bindingstid», sier juristen.",
            "\"You rarely have to serve the notice before you start,\" says the lawyer.",
        ] {
            assert!(attributes_quote(paragraph, verbs), "{paragraph}");
        }
        // A lower-case word that is no role ("ja", "imidlertid"), or a clause that goes on.
        for paragraph in [
            "– Kan du begynne i mars, sa ja.",
            "- Arbeidstaker kan si opp med én måneds frist, sier imidlertid.",
            "- Ved oppsigelse, mener partene, gjelder tre måneder.",
        ] {
            assert!(!attributes_quote(paragraph, verbs), "{paragraph}");
        }
    }

    #[test]
    fn a_lead_in_over_shares_lasts_to_its_longest_step() {
        let duration = |text: &str| {
            let found = analyzed(text);
            found.iter().find(|f| f.category == Category::BindingPeriod).and_then(|f| f.values.duration)
        };
        for text in [
            "If you resign, you must repay the course fee on this scale:\n5 months or less: 100 percent\nMore than 5 months, but less than 10 months: 50 percent\nMore than 10 months, but less than 15 months: 20 percent",
            "Sier du opp, skal kursavgifta betalast attende etter denne skalaen:\n100 % om du har vore tilsett under 4 månader\n50 % om du har vore tilsett 4 til 15 månader",
        ] {
            assert_eq!(duration(text).map(|d| d.approx_days().round()), Some(457.0), "{text}");
        }
        // The steps run into the lead-in's own sentence.
        let text = "If you resign, you must repay the course fee as follows: 100 percent if employed for 5 months or less, 20 percent if employed for 10 to 15 months.";
        assert_eq!(duration(text).map(|d| d.approx_days().round()), Some(457.0), "{text}");
        // One step is no scale: the clause takes its length from elsewhere.
        let text = "Relocation grant: NOK 40,000, tied to 12 months' service.\nRepayable if you resign: in full during the first 6 months, half thereafter.";
        assert_eq!(duration(text).map(|d| d.approx_days().round()), Some(365.0), "{text}");
        // One share is no scale: the lead-in keeps no length it does not state.
        let text =
            "If you resign, you must repay the course fee as follows:\n100 percent of it\nThe course lasts 5 months.";
        assert_eq!(duration(text).map(|d| d.approx_days().round()), None, "{text}");
    }

    #[test]
    fn a_term_joined_to_another_by_and_is_not_qualified_by_it() {
        // Joint subjects of one pointer: the probation does not make the notice its own.
        for text in [
            "Prøvetid og oppsigelsesfrist følger punkt 5 i vedlagte standardkontrakt.",
            "The probationary period and the notice period shall be as set out in the Basic Agreement.",
        ] {
            assert!(live(text).contains(&Category::NoticePeriod), "{text}");
        }
        // A notice that the probation qualifies stays the probation's.
        let text = "Prøvetid med oppsigelsesfrist som følger punkt 5 i vedlagte standardkontrakt.";
        assert!(!live(text).contains(&Category::NoticePeriod), "{text}");
    }

    #[test]
    fn struck_text_lies_between_an_odd_mark_and_one_still_to_come() {
        for line in ["~~Trial period six months.~~ Trial period three months.", "a ~~~b~~~ c ~~", "~~~~x ~~", "none"] {
            let text = crate::normalize::normalize(&document(line));
            let p = &text.paragraphs[0];
            let marks = StrikeMarks::new(&text, 0);
            // As counting the marks before and looking for one after would tell.
            for at in p.start.saturating_sub(1)..=p.end + 1 {
                let c = at.clamp(p.start, p.end);
                let counted =
                    text.string[p.start..c].matches("~~").count() % 2 == 1 && text.string[c..p.end].contains("~~");
                assert_eq!(marks.struck(at), counted, "{line:?} at {at}");
            }
        }
        let text = crate::normalize::normalize(&document("~~Trial period six months.~~ Trial period three months."));
        let marks = StrikeMarks::new(&text, 0);
        assert!(marks.struck(text.string.find("six").unwrap()));
        assert!(!marks.struck(text.string.find("three").unwrap()));
    }

    #[test]
    fn another_agreement_in_a_long_paragraph_rules_out_its_sentences_only() {
        let terms = "Prøvetiden din er seks måneder. ".repeat(40);
        let text = format!("{terms}Treningsmedlemskapet ditt har tolv måneders bindingstid.\n{}", terms.trim_end());
        let live = analyzed(&text).iter().filter(|f| f.category == Category::Probation && !f.negated).count();
        assert_eq!(live, 40);
    }

    #[test]
    fn a_yes_or_no_after_a_question_answers_in_general() {
        let live = |text: &str| analyzed(text).iter().filter(|f| !f.negated).map(|f| f.category).collect::<Vec<_>>();
        // A guide answers its own question in general terms, on the line under it or in its
        // paragraph, and the sentences after the yes go on with the answer.
        assert!(
            live("Kan prøvetida forlengjast?\nJa, ho kan forlengjast med inntil seks månader etter fråvær.").is_empty()
        );
        assert!(live("Can probation be extended? Yes, an employer may extend it by up to six months.").is_empty());
        let faq = "Må man jobbe ut oppsigelsestiden?\nNei. Oppsigelsesfristen på én måned kan kortes ned når partene er enige.";
        assert!(live(faq).is_empty());
        // An answer to the reader's own terms, and a form's short answer, state the term.
        assert_eq!(
            live("Har jeg oppsigelsestid?\nJa, du har to måneders oppsigelsestid etter arbeidsavtalen din."),
            [Category::NoticePeriod]
        );
        assert_eq!(live("Is there a probation period?\nYes, six months."), [Category::Probation]);
    }

    #[test]
    fn a_term_retold_before_a_question_is_read_without_the_question() {
        let patterns = Patterns::builtin().unwrap();
        let asked = |s: &str| quoted_then_asked(s, &patterns.openers, &patterns.genre.writer, || false);
        let s = "My offer letter says two weeks notice but does that count before my first day?";
        assert_eq!(asked(s), Some(s.find(" but ").unwrap()));
        // A question that retells nothing of the writer's own is asked as a whole.
        assert_eq!(asked("Can an employer demand notice but pay nothing?"), None);
        // An opening that states a term of the writer's own, a source word anywhere in it or not.
        let own = "Bindingstida mi er 18 månader, kva skjer om eg seier opp no?";
        assert_eq!(asked(own), Some(own.find(", ").unwrap()));
        assert!(asked("I have a two year bond after the course, can they make me repay it all?").is_some());
        // Right after the writer's account of his papers, an opening that turns to its question
        // with "but" is his; one cut at a comma may be a question of its own.
        let after = |s: &str| quoted_then_asked(s, &patterns.openers, &patterns.genre.writer, || true);
        let turned = "There is a probation of six months, but what happens if I leave?";
        assert_eq!(after(turned), Some(turned.find(" but ").unwrap()));
        assert_eq!(asked(turned), None);
        assert_eq!(after("There is no probation, or do six months apply?"), None);
        // A question or a hypothesis that opens the sentence asks or supposes the term.
        assert_eq!(asked("Er prøvetida seks månader for alle, eller berre for nokre?"), None);
        assert_eq!(asked("If my notice is four months, must I work all of it?"), None);
        assert_eq!(asked("Dersom eg har to års bindingstid, kor mykje må eg betale?"), None);
        // A general subject names no term of the writer's.
        assert_eq!(asked("Ein arbeidstakar har ein månads oppseiingstid, kan ho kortast ned?"), None);
        let categories =
            |text: &str| analyzed(text).iter().filter(|f| !f.negated).map(|f| f.category).collect::<Vec<_>>();
        assert_eq!(
            categories("Oppsigelsestiden min er på fire måneder, er det i det hele tatt lov?"),
            [Category::NoticePeriod]
        );
        assert!(categories("Hvis oppsigelsestiden er fire måneder, er det i det hele tatt lov?").is_empty());
        // The question's own words make no other clause of the term: no notice before the start.
        let findings = analyzed("Kontrakten sier 14 dagers oppsigelsestid men gjelder det før jeg har begynt?");
        let categories: Vec<_> = findings.iter().map(|f| f.category).collect();
        assert_eq!(categories, [Category::NoticePeriod], "{findings:?}");
    }

    #[test]
    fn the_writers_own_term_keeps_its_finding_in_a_post_that_asks() {
        let en = |said: &str| {
            format!("Leaving early\n{said} Can my boss hold me to it?\nEmployers usually ask for the notice in the contract. An employee may resign at any time.")
        };
        assert_eq!(live(&en("My notice period is three months.")), [Category::NoticePeriod]);
        assert_eq!(live(&en("I'm on a six-month probation.")), [Category::Probation]);
        // What others do is the general talk the answer gives.
        assert_eq!(live(&en("Many firms set a notice period of three months.")), []);
        let nb = |said: &str| {
            format!("Slutte tidlig\n{said} Kan sjefen holde meg til den?\nArbeidsgivere avtaler ofte lengre oppsigelsestid. En arbeidstaker kan si opp når som helst.")
        };
        assert_eq!(live(&nb("Oppsigelsestiden min er tre måneder.")), [Category::NoticePeriod]);
        assert_eq!(live(&nb("Mange bedrifter har tre måneders oppsigelsestid.")), []);
        let nn = "Slutte tidleg\nPrøvetida mi er seks månader. Kan sjefen forlengje ho?\n\
                  Arbeidsgjevarar avtalar ofte prøvetid. Ein arbeidstakar kan seie opp når som helst.";
        assert_eq!(live(nn), [Category::Probation]);
    }

    #[test]
    fn a_clause_of_one_contract_retold_in_a_story_keeps_its_finding() {
        // A union's story is commentary in every sentence, but the clause its member's contract
        // held, brought in by "sa at", "stated that", is that contract's.
        let nn = |said: &str| {
            format!("Sak frå forbundet\nVi hjelpte eit medlem som takka nei til jobben. {said} Vi fekk kravet trekt.")
        };
        assert_eq!(
            live(&nn("Kontrakta hennar sa at ho måtte betale 20 000 kroner dersom ho ikkje møtte opp.")),
            [Category::Compensation]
        );
        // Said of what the contract might say, or opened with its verb as a condition, it retells nothing.
        assert_eq!(live(&nn("Dersom kontrakta hennar sa at ho måtte betale 20 000 kroner dersom ho ikkje møtte opp, gjeld det ikkje.")), []);
        assert_eq!(
            live(&nn(
                "Står det i kontrakta at ho må betale 20 000 kroner dersom ho ikkje møter opp, kan dei krevje det."
            )),
            []
        );
        let en = |said: &str| {
            format!("Case from our legal department\nA member who changed her mind contacted us. {said} We helped her negotiate.")
        };
        assert_eq!(
            live(&en("Her contract stated that she would have to pay NOK 15,000 if she failed to start.")),
            [Category::Compensation]
        );
        // A contract named as the case's, its clause not stated after it, retells no clause.
        assert_eq!(
            live(&en("Her contract had a penalty clause, and the salon claimed NOK 15,000 when she failed to start.")),
            []
        );
    }

    #[test]
    fn a_clause_offered_for_use_or_quoted_back_keeps_its_finding() {
        let nb =
            "Råd om prøvetid\nMange arbeidsgivere avtaler prøvetid. {}\nEn arbeidstaker kan bli oppsagt i prøvetiden.";
        let nn = "Råd om prøvetid\nMange arbeidsgjevarar avtalar prøvetid. {}\nEin arbeidstakar kan bli oppsagd i prøvetida.";
        let en = "Advice on probation\nMany employers agree a probation period. {}\nAn employee may be dismissed during probation.";
        let probation = &[Category::Probation][..];
        for (guide, said, want) in [
            // A clause under the label that offers it for use, and one quoted back from the
            // reader's own contract.
            (nb, "Forslag til formulering:\n«Arbeidstaker har seks måneders prøvetid.»", probation),
            (nb, "Du skriver at avtalen din sier at «prøvetiden er seks måneder».", probation),
            (nn, "Døme på klausul:\n«Arbeidstakaren har seks månaders prøvetid.»", probation),
            (en, "Suggested wording:\n\"The Employee shall serve a probation period of six months.\"", probation),
            (en, "You write that your contract states that \"probation is six months\".", probation),
            // The same words as a hypothetical about any contract stay commentary.
            (nb, "Hvis avtalen din sier at «prøvetiden er seks måneder», gjelder det.", &[]),
            (en, "If your contract states that \"probation is six months\", it applies.", &[]),
        ] {
            assert_eq!(live(&guide.replace("{}", said)), want, "{said}");
        }
    }

    #[test]
    fn the_items_of_a_contract_listed_under_a_story_keep_their_findings() {
        // A relative's story leads in to the contract's terms as a numbered list: every item is
        // the contract's, not only the first.
        let story = "My brother has worked at a clinic since March on the following conditions in his contract:\n\
                     1. The employee shall be under probation for a period of 4 months.\n\
                     2. The employee may resign by giving 2 months' notice.";
        assert_eq!(live(story), [Category::Probation, Category::NoticePeriod]);
        // The same list under a guide's own lead-in stays commentary.
        let guide = "My brother says that many clinics use terms like these:\n\
                     1. The employee shall be under probation for a period of 4 months.\n\
                     2. The employee may resign by giving 2 months' notice.";
        assert_eq!(live(guide), []);
    }

    #[test]
    fn a_quote_open_at_the_end_of_a_span_is_found_as_reading_the_span_finds_it() {
        let read = |span: &str| {
            span.chars().fold(false, |open, c| match c {
                '«' | '“' => true,
                '»' | '”' => false,
                '"' => !open,
                _ => open,
            })
        };
        for text in ["a \"b\" c \"d", "«a» b “c \"d\" e” f «g", "\"«a\"» b \" c", "no marks"] {
            let marks = QuoteMarks::new(text);
            let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
            for (n, &start) in ends.iter().enumerate() {
                for &end in &ends[n..] {
                    assert_eq!(marks.open_within(start, end), read(&text[start..end]), "{text:?} {start}..{end}");
                }
            }
        }
    }

    #[test]
    fn a_quote_of_the_writers_contract_is_not_ruled_out_by_the_words_that_bring_it_in() {
        for (text, want) in [
            (
                "I am thinking of moving on. At my current job my letter of appointment says \"The employment may be ended by either side on 60 days' notice.\"",
                true,
            ),
            (
                "Jeg vurderer å bytte jobb. I min nåværende jobb sier kontrakten min: «Arbeidsforholdet kan sies opp av begge parter med 60 dagers varsel.»",
                true,
            ),
            (
                "Eg vurderer å byte jobb. I noverande jobb seier kontrakta mi: «Arbeidsforholdet kan seiast opp av begge partar med 60 dagars varsel.»",
                true,
            ),
            // Outside a quote the current job's notice is still not this contract's.
            ("Please resign from your current job giving 60 days' notice.", false),
        ] {
            let found = analyzed(text).iter().any(|f| f.category == Category::NoticePeriod && !f.negated);
            assert_eq!(found, want, "{text}");
        }
    }

    fn months(n: f64) -> Option<Duration> {
        Some(Duration { value: n, unit: crate::values::Unit::Month })
    }

    /// Each finding's category and duration, in category order.
    fn durations(text: &str) -> Vec<(Category, Option<Duration>)> {
        let mut found: Vec<_> = analyzed(text).iter().map(|f| (f.category, f.values.duration)).collect();
        found.sort_by_key(|(c, _)| *c);
        found
    }

    #[test]
    fn a_role_in_brackets_after_each_of_a_rows_two_lengths_tells_them_apart() {
        // The notice for good, not the one during probation, and no probation of its own.
        for text in [
            "Oppsigelsestid: 14 dager (prøvetid), 2 måneder (fast)",
            "Oppseiingstid: 14 dagar (prøvetida), 2 månader (fast tilsett)",
            "Notice: 2 weeks (probation) / 2 months (permanent)",
            "Notice: 2 weeks (during probation) / 2 months (after probation)",
        ] {
            assert_eq!(durations(text), [(Category::NoticePeriod, months(2.0))], "{text}");
        }
        // One bracket alone names no role.
        assert_eq!(durations("Prøvetid: 4 måneder (fast)"), [(Category::Probation, months(4.0))]);
    }

    #[test]
    fn a_bracket_after_a_word_holds_only_words() {
        let text = "3 måneder (fast ansatt), 1 måned (i prøvetid, se punkt 4), 2 år(x) og 4 uker ( regular )";
        let words = Patterns::builtin().unwrap().lexicon.scan(text).words;
        let after = |w: &str| {
            let i = words.iter().position(|x| &text[x.start..x.end] == w).unwrap();
            bracket_after(text, &words, i).map(|(f, l)| text[words[f].start..words[l].end].to_string())
        };
        assert_eq!(after("måneder").as_deref(), Some("fast ansatt"));
        assert_eq!(after("måned"), None);
        assert_eq!(after("år").as_deref(), Some("x"));
        assert_eq!(after("uker").as_deref(), Some("regular"));
        assert_eq!(after("fast"), None);
    }

    /// Calls `f` with the first sentence of `line` as the rules read it (nothing negated).
    fn with_clause(line: &str, f: impl FnOnce(&Clause)) {
        let p = Patterns::builtin().unwrap();
        let text = crate::normalize::normalize(&document(line));
        let seg = crate::segment::segment(&text, &p.sentences);
        let scan = p.lexicon.scan(&text.string);
        let sentence = &seg.sentences[0];
        let (i, j) = occurrence_ranges(&scan, [(sentence.start, sentence.end)].into_iter())[0];
        let occ = &scan.occurrences[i..j];
        let (first_word, end_word) = (scan.word_at(sentence.start), scan.word_at(sentence.end));
        let mut named = ConceptSet::new(&p);
        occ.iter().for_each(|o| {
            named.insert(o.concept);
        });
        let (mut breaks_buffer, mut negated) = (Vec::new(), vec![false; occ.len()]);
        let (lead_values, text_date) = (OnceCell::new(), OnceCell::new());
        f(&Clause {
            patterns: &p,
            scan: &scan,
            text: &text.string,
            sentence,
            occ,
            lead: &[],
            lead_span: None,
            lead_values: &lead_values,
            quote_marks: &OnceCell::new(),
            heading: &[],
            previous: &[],
            paragraph: occ,
            in_paragraph: &ParagraphConcepts::new(&p),
            kinds: [true; 3],
            values: Default::default(),
            breaks: breaks(&scan, &text.string, (first_word, end_word), &p.sentences, &mut breaks_buffer),
            first_word,
            end_word,
            transparent: &[],
            assigned: Default::default(),
            negated: &mut negated,
            named: &named,
            text_date: &text_date,
            found: Found::default(),
            trace: None,
        });
    }

    #[test]
    fn a_join_between_two_words_is_looked_up_as_the_words_between_them_are_searched() {
        let line = "Kurs- og reiseutgifter, og avtalen sier at prøvetid; oppsigelsestid, men ikke bindingstid, \
                    and the contract says the bond, but notice; and probation , og  slutt";
        with_clause(line, |c| {
            let w = &c.scan.words[c.first_word..c.end_word];
            for a in w {
                for b in w.iter().filter(|b| b.start >= a.end) {
                    let between = &c.text[a.end..b.start];
                    let searched = CLAUSE_JOINS.iter().any(|j| between.contains(j));
                    assert_eq!(c.joins_between(a.end, b.start), searched, "{between:?}");
                }
            }
            assert!(c.occ.iter().filter(|r| c.patterns.reporting.contains(&r.concept)).count() >= 2);
            let words: Vec<u32> = (c.first_word as u32..c.end_word as u32).collect();
            for &lo in &words {
                for &hi in words.iter().filter(|&&hi| hi > lo) {
                    let scanned = c.occ[c.starting_in(lo, hi)]
                        .iter()
                        .any(|r| r.last < hi && c.patterns.reporting.contains(&r.concept));
                    assert_eq!(c.reported_between(lo, hi), scanned);
                }
            }
        });
    }

    #[test]
    fn a_concept_in_the_clause_of_an_anchor_is_looked_up_in_the_words_it_may_stand_in() {
        let rows = "Prøvetid: 6 mnd | Oppsigelse i prøvetiden: 14 dager, og deretter tre måneders oppsigelse \
                    | Opps før start: 14 d";
        with_clause(&vec![rows; 20].join(" | "), |c| {
            let all: Vec<ConceptId> = c.occ.iter().map(|o| o.concept).collect();
            for anchor in c.occ {
                // The lookup finds what a search of the whole sentence finds.
                let scanned: Vec<usize> = (0..c.occ.len()).filter(|&i| c.same_clause(&c.occ[i], anchor)).collect();
                let mut found: Vec<usize> = c
                    .occurrences(&all, c.clause_reach(anchor))
                    .filter(|(_, x)| c.same_clause(x, anchor))
                    .map(|(i, _)| i)
                    .collect();
                found.sort_unstable();
                found.dedup();
                assert_eq!(found, scanned, "anchor at word {}", anchor.first);
            }
            // The notice after the comma is outside the clause of the trial period's notice
            // before it and is not read for it; the trial period inside it is.
            let word = |w: &str| c.scan.words.iter().position(|x| &c.text[x.start..x.end] == w).unwrap() as u32;
            let (lo, hi) = c.clause_reach(c.occ.iter().find(|o| o.first == word("Oppsigelse")).unwrap());
            assert!((lo..hi).contains(&word("prøvetiden")));
            assert!(!(lo..hi).contains(&word("deretter")));
        });
    }

    #[test]
    fn a_length_said_to_run_from_then_is_the_clause_s_own() {
        let years = |n: f64| Some(Duration { value: n, unit: crate::values::Unit::Year });
        // Not the course's weeks in the sentence before: the stay's own two years.
        assert_eq!(
            durations(
                "Bedriften betaler kurset (seks uker). Du forplikter deg til å arbeide i bedriften i to år deretter."
            ),
            [(Category::BindingPeriod, years(2.0))]
        );
        assert_eq!(
            durations("The Company pays for the six-week course. You undertake to remain in the Company's employment for two years thereafter."),
            [(Category::BindingPeriod, years(2.0))]
        );
        // The notice after probation reads the word, and the next step after the probation's
        // notice stays its own, also where the probation is named as a term of its own.
        assert_eq!(
            durations("Oppsigelsesfristen er 14 dager i prøvetiden og 3 måneder deretter."),
            [(Category::NoticePeriod, months(3.0))]
        );
        assert_eq!(
            durations("Gjensidig oppsigelsesfrist er 1 maned i provetiden og 2 maneder deretter."),
            [(Category::NoticePeriod, months(2.0))]
        );
    }

    #[test]
    fn each_row_of_a_long_line_of_rows_takes_its_own_value() {
        let days = |n: f64| Some(Duration { value: n, unit: crate::values::Unit::Day });
        let durations = |row: &str| {
            let mut found = durations(&vec![row; 300].join(" | "));
            found.dedup();
            found
        };
        assert_eq!(
            durations("Opps før start: 14 d | Opps: 2 mnd"),
            [(Category::NoticePeriod, months(2.0)), (Category::NoticeBeforeStart, days(14.0))]
        );
        assert_eq!(
            durations("Prøvetid: 6 mnd | Oppsigelse: 1 mnd"),
            [(Category::NoticePeriod, months(1.0)), (Category::Probation, months(6.0))]
        );
        // The length after the trial period is the notice, whatever row follows.
        assert_eq!(
            durations("Oppsigelsestid: 1 måned i prøvetiden, deretter 3 måneder | Bindingstid: 12 måneder"),
            [(Category::NoticePeriod, months(3.0)), (Category::BindingPeriod, months(12.0))]
        );
    }

    #[test]
    fn listed_terms_take_their_listed_values_in_order() {
        // A number before the last length shares its unit (findings in category order).
        assert_eq!(
            durations("Prøvetid og konkurranseklausul er henholdsvis fire og ti måneder."),
            [(Category::Probation, months(4.0)), (Category::NonCompete, months(10.0))]
        );
        assert_eq!(
            durations("Trial period / notice after the trial period | 5 / 2 months"),
            [(Category::NoticePeriod, months(2.0)), (Category::Probation, months(5.0))]
        );
        // Without the pairing word, the nearest term before a value holds it.
        assert_eq!(
            durations("Prøvetid og konkurranseklausul er fire og ti måneder."),
            [(Category::NonCompete, months(10.0))]
        );
    }

    #[test]
    fn a_quoted_term_and_a_defining_verb_define_a_word() {
        let p = Patterns::builtin().unwrap();
        let defines = |s: &str| defined_term(s, &p.openers).is_some();
        assert!(defines("(b) \"Assignment\" means a period of work on a vessel."));
        assert_eq!(defined_term("1.2 «Lønn» betyr fast månedslønn.", &p.openers), Some((6, 11)));
        assert!(defines("Med «kursutgifter» menes avgift og reise."));
        assert!(defines("«Oppdrag» skal forståast som arbeid om bord."));
        // A quote inside a clause, or a term no verb defines, is no definition.
        assert!(!defines("The Employee shall pay the \"Costs\" means test fee."));
        assert!(!defines("«Oppdrag» omfatter arbeid om bord."));
        assert!(!defines("Selskapet kaller dette «oppdrag» betyr ingenting."));
    }

    #[test]
    fn a_clause_struck_through_is_denied_and_a_dash_pair_denies_its_label() {
        let negated = |text: &str, c: Category| analyzed(text).iter().find(|f| f.category == c).map(|f| f.negated);
        let struck = "~~Arbeidstaker skal betale tilbake kurset dersom han slutter innen 12 måneder.~~";
        assert_eq!(negated(struck, Category::BindingPeriod), Some(true));
        // Struck text before the clause, in its paragraph, leaves the clause as written.
        let after = "~~Konkurranseklausul i 6 måneder.~~ Bindingstid: 12 måneder etter sertifiseringen.";
        assert_eq!(negated(after, Category::BindingPeriod), Some(false));
        assert_eq!(negated("Binding period / repayment | -/-", Category::BindingPeriod), Some(true));
        assert_eq!(negated("Konkurranseklausul: ÷", Category::NonCompete), Some(true));
        // A denial answers its own cell, not the next one.
        assert_eq!(negated("Bindingstid: Ingen | Prøvetid: 6 mnd", Category::Probation), Some(false));
    }

    #[test]
    fn a_denial_runs_on_past_an_item_and_the_word_that_joins_the_next() {
        let negated =
            |text: &str| analyzed(text).iter().find(|f| f.category == Category::Compensation).map(|f| f.negated);
        // "any fee or" stands between the denied "pay" and the penalty: the joining word is no item.
        assert_eq!(
            negated("The Employee will not pay any fee or penalty if he does not take up the position."),
            Some(true)
        );
        assert_eq!(
            negated("Arbeidstaker skal ikke betale noen avgift eller erstatning dersom hun ikke tiltrer."),
            Some(true)
        );
        // A new clause after the list is no item of it.
        assert_eq!(
            negated(
                "Du skal ikke betale gebyr til byrået, men ved manglende tiltredelse betaler du en bot på kr 5 000."
            ),
            Some(false)
        );
    }

    #[test]
    fn a_sum_of_nothing_denies_the_claim() {
        let negated =
            |text: &str| analyzed(text).iter().find(|f| f.category == Category::Compensation).map(|f| f.negated);
        assert_eq!(negated("Bot ved manglende tiltredelse: kr 0"), Some(true));
        assert_eq!(negated("Erstatning om du ikkje møter på fyrste arbeidsdag: NOK 0"), Some(true));
        assert_eq!(negated("Liquidated damages for failing to start: NOK 0"), Some(true));
        // A sum that is there stays live.
        assert_eq!(negated("Liquidated damages for failing to start: NOK 10 000"), Some(false));
    }

    #[test]
    fn the_salary_next_door_is_no_repayment_sum() {
        let amount = |text: &str| {
            let findings = analyzed(text);
            let f = findings.iter().find(|f| f.category == Category::BindingPeriod);
            assert!(f.is_some(), "{findings:?}");
            f.and_then(|f| f.values.amount.as_ref().map(|a| a.value))
        };
        assert_eq!(
            amount(
                "Your annual salary will be NOK 540,000. Should you resign within 18 months, you must repay \
                 the cost of the certification."
            ),
            None
        );
        assert_eq!(
            amount("Lønnen din blir kr 540 000. Sier du opp innen 18 måneder, må du betale tilbake kurskostnadene."),
            None
        );
        assert_eq!(
            amount("Løna di vert kr 540 000. Seier du opp innan 18 månader, må du betale attende kurskostnadene."),
            None
        );
        // The course's own sum in the sentence before is still what is repaid.
        assert_eq!(
            amount(
                "The certification course costs NOK 45,000. Should you resign within 18 months, you must \
                 repay the cost of the course."
            ),
            Some(45_000.0)
        );
    }

    #[test]
    fn the_costs_of_one_clause_are_not_the_sum_of_the_next() {
        let text = "§ 6 Brot på avtalen\nMøter ikkje arbeidstakaren på første arbeidsdag, kan arbeidsgjevaren krevje \
                    dekt kostnadene dette fører med seg.\n§ 7 Kurs\nArbeidsgjevar dekkjer kurset, kr 60 000. Seier \
                    arbeidstakaren opp innan to år, skal kostnadene betalast attende.";
        let findings = analyzed(text);
        let amount = |c: Category| findings.iter().find(|f| f.category == c).map(|f| f.values.amount.clone());
        assert_eq!(amount(Category::Compensation), Some(None), "{findings:?}");
        assert!(amount(Category::BindingPeriod).flatten().is_some_and(|a| a.value == 60_000.0), "{findings:?}");
    }

    #[test]
    fn a_start_day_without_a_year_takes_the_year_of_the_texts_own_dates_not_a_birth_date() {
        let start = |text: &str| {
            let findings = analyzed(text);
            findings.iter().find(|f| f.category == Category::StartDate).map(|f| f.values.date.map(|d| d.to_string()))
        };
        let dated = "Arbeidsavtale, Oslo 10. mars 2027\nArbeidstaker: Kari Nordmann, født 12.03.1990\nArbeidstakeren tiltrer 1. juni.";
        assert_eq!(start(dated), Some(Some("2027-06-01".to_string())));
        let undated = "Arbeidsavtale\nArbeidstaker: Kari Nordmann\nFødt: 12.03.1990\nArbeidstakeren tiltrer 1. juni.";
        assert_ne!(start(undated), Some(Some("1990-06-01".to_string())));
    }

    #[test]
    fn a_clause_struck_out_or_given_up_is_denied_not_a_live_one() {
        let denied = |text: &str| {
            let findings = analyzed(text);
            findings.iter().map(|f| (f.category, f.negated)).collect::<Vec<_>>()
        };
        // Named in brackets, every clause word of the name; located in its contract, past it.
        assert_eq!(denied("Clause 4 (Non-solicitation of customers) is deleted."), [(Category::NonCompete, true)]);
        assert_eq!(
            denied("Punkt 12 (Konkurranseklausul) i arbeidsavtalen datert 03.03.2027 strykes."),
            [(Category::NonCompete, true)]
        );
        // A provision named by what it is about.
        assert_eq!(
            denied("Bestemmelsen om erstatning ved manglende tiltredelse skal ikke gjelde."),
            [(Category::Compensation, true)]
        );
        // Named by its section and the document it stands in.
        assert_eq!(
            denied("Punkt 9 i standardavtalen om bindingstid og attendebetaling av kursutgifter er stroke."),
            [(Category::BindingPeriod, true)]
        );
        // After a formal subject, the term that follows.
        assert_eq!(
            denied(
                "Partene er enige om at det ikke skal gjelde noen konvensjonalbot dersom arbeidstaker ikke tiltrer."
            ),
            [(Category::Compensation, true)]
        );
        // Not after an inverted one: the term stands before it.
        assert_eq!(
            denied("Noen prøvetid vil det ikke bli avtalt for denne stillingen."),
            [(Category::Probation, true)]
        );
        // A claim given up after the sentence that names its clause; not one kept.
        let letter =
            "Vi viser til punkt 5 om tilbakebetaling av kurset. Vi bekrefter at kravet ikke vil bli gjort gjeldende.";
        assert_eq!(denied(letter), [(Category::BindingPeriod, true)]);
        let kept = "Vi viser til punkt 5 om tilbakebetaling av kurset. Vi bekrefter at kravet står ved lag.";
        assert_eq!(denied(kept), [(Category::BindingPeriod, false)]);
    }

    #[test]
    fn a_later_provision_that_strikes_a_section_or_moves_the_start_goes_before_it() {
        let found = |text: &str| {
            let findings = analyzed(text);
            findings.iter().map(|f| (f.category, f.negated, f.values.date.map(|d| d.to_string()))).collect::<Vec<_>>()
        };
        let contract = "ARBEIDSAVTALE\n2. Tiltredelse\nArbeidstakeren tiltrer 1. mars 2027.\n\
            7. Konkurranseklausul\nArbeidstakeren skal i 6 måneder etter fratreden ikke ta ansettelse hos en konkurrent.\n\
            8. Kurs\nSier du opp innen 12 måneder etter kurset, skal du betale tilbake kursavgiften.\n\
            TILLEGG 1 – Endringer\nTiltredelsesdato endres fra 1. mars 2027 til 5. april 2027.\n\
            Punkt 7 gjelder ikke for denne stillingen.";
        let findings = found(contract);
        // The section struck is denied, the one it does not name stays live.
        assert!(findings.contains(&(Category::NonCompete, true, None)), "{findings:?}");
        assert!(!findings.contains(&(Category::NonCompete, false, None)), "{findings:?}");
        assert!(findings.iter().any(|f| f.0 == Category::BindingPeriod && !f.1), "{findings:?}");
        // The start is the new date; the old one gives way.
        let starts: Vec<_> = findings.iter().filter(|f| f.0 == Category::StartDate).collect();
        assert_eq!(starts, [&(Category::StartDate, false, Some("2027-04-05".to_string()))], "{findings:?}");
        // A provision that limits the section, or strikes another document's, leaves it live.
        let limited = contract.replace("for denne stillingen", "i prøvetiden");
        assert!(found(&limited).contains(&(Category::NonCompete, false, None)));
        let other = contract.replace("Punkt 7 gjelder", "Punkt 7 i tariffavtalen gjelder");
        assert!(found(&other).contains(&(Category::NonCompete, false, None)));
    }

    #[test]
    fn a_notice_said_to_apply_also_in_the_case_of_a_termination_before_the_start_states_both() {
        let categories = |text: &str| {
            let findings = analyzed(text);
            findings.iter().map(|f| f.category).collect::<Vec<_>>()
        };
        let both = [Category::NoticePeriod, Category::NoticeBeforeStart];
        let named =
            "The notice period of two months also applies where either party ends the agreement before the start date.";
        assert!(both.iter().all(|c| categories(named).contains(c)));
        let dersom = "Oppsigelsesfristen på to måneder gjelder også dersom en av partene sier opp før tiltredelse.";
        assert!(both.iter().all(|c| categories(dersom).contains(c)));
        // "Also" before the notice, not after it: the notice is only the one before the start.
        let before =
            "The agreement may also be ended on 14 days notice where either party withdraws before the start date.";
        assert!(!categories(before).contains(&Category::NoticePeriod));
    }

    #[test]
    fn a_month_after_a_long_start_and_a_denial_past_where_the_clause_is_written() {
        // `after`: the month counts from the start's last word, and only after it.
        let long = "Du må seie frå ein månad før du etter planen skal byrje i august 2027.";
        assert!(findings(long).contains(&(Category::StartDate, false)));
        let before = "Kontrakten vart underskriven i mars, og du byrjar når arbeidsløyvet er klart.";
        assert!(!findings(before).iter().any(|&(c, _)| c == Category::StartDate));
        // A denial reaches back past "in clause 18 of …" to the clause it denies.
        let located = "The restrictive covenants in clause 18 of the Group template are deleted.";
        assert!(findings(located).contains(&(Category::NonCompete, true)));
        let unlocated = "The restrictive covenants that the Group template has used for years are deleted.";
        assert!(!findings(unlocated).contains(&(Category::NonCompete, true)));
    }

    #[test]
    fn a_notice_denied_by_the_employer_alone_is_the_employers_side() {
        // The employer the subject, before its verb or after it: the employee's notice stands.
        for own in [
            "The Employer may end your employment without prior notice if the offer rests on false references.",
            "In the first week we can let you go without any prior notice.",
            "Arbeidsgiveren kan avslutte arbeidsforholdet uten forutgående varsel i opplæringsuka.",
            "I opplæringsveka kan arbeidsgjevaren avslutte arbeidsforholdet utan forutgåande varsel.",
            // … named by its firm's name, as the agent of a passive, or with "will".
            "Kvamsøy Havbruk AS may end the employment without prior notice in the first week.",
            "Brattli Verksted AS kan avslutte arbeidsforholdet uten forutgående varsel i opplæringsuka.",
            "In the first week the employment may be ended by the Employer without any prior notice.",
            "I opplæringsuka kan arbeidsforholdet avsluttes av arbeidsgiveren uten forutgående varsel.",
            "The Employer will end the employment without prior notice in the first week.",
        ] {
            assert!(!findings(own).iter().any(|&(c, _)| c == Category::NoticePeriod), "{own}");
        }
        // Both parties, or the employee, deny the employee's own notice.
        for both in [
            "Either you or the Employer may end the employment without prior notice in the first week.",
            "The Employee may resign without prior notice in the first week.",
            "I opplæringsuka kan begge parter avslutte arbeidsforholdet uten forutgående varsel.",
            // A passive ended by both, or by no one named.
            "In the first week the employment may be ended by either party without prior notice.",
            "I opplæringsveka kan arbeidsforholdet avsluttast av begge partar utan forutgåande varsel.",
            // "as" that ends no firm's name.
            "Staff hired as trainees may resign without prior notice in the first week.",
        ] {
            assert!(findings(both).contains(&(Category::NoticePeriod, true)), "{both}");
        }
    }

    #[test]
    fn a_dash_in_a_rows_answer_cell_explains_the_answer() {
        // The ticked option keeps its explanation after the dash; the row is no glossary entry.
        for (row, category) in [
            ("Bindingstid | [ ] Ja, se egen avtale [x] Nei – det er ikke avtalt bindingstid", Category::BindingPeriod),
            ("Prøvetid | Nei – det er ikkje avtalt prøvetid", Category::Probation),
            ("Probation | No - the position has no trial period", Category::Probation),
        ] {
            let findings = analyzed(row);
            assert!(findings.iter().any(|f| f.category == category && f.negated), "{row:?}: {findings:?}");
        }
    }

    #[test]
    fn a_templates_bracketed_blanks_do_not_make_it_commentary() {
        // Lines that are nothing but a blank to fill in speak to whoever fills in the template:
        // they are not a text explaining its clauses, and the covenant under them binds.
        let text = "NON-COMPETE AGREEMENT\nThis agreement is made on [DATE] between:\n[EMPLOYEE NAME]\n\
                    [ADDRESS]\nand [COMPANY NAME]\n[COMPANY ADDRESS]\n1. Covenant\nThe Employee shall not, \
                    for [NUMBER] months after the employment ends, work for a competitor of the Company.";
        let findings = analyzed(text);
        assert!(findings.iter().any(|f| f.category == Category::NonCompete && !f.negated), "{findings:?}");
    }

    #[test]
    fn a_guide_to_filling_the_form_in_agrees_nothing() {
        // The lines under a guide (a heading or a line of its own) say what may be agreed; the
        // term above it stands. Without the guide's line they read as terms.
        for (terms, guide, lines) in [
            (
                "Arbeidsavtale\n1. Prøvetid\nDet gjelder en prøvetid på seks måneder.",
                "Veiledning til utfylling av skjema 2.1 (ikke en del av avtalen)",
                "Punkt 1: Krysses det av for «Nei», gjelder ingen prøvetid.\nPunkt 2: Arbeidstaker må betale \
                 tilbake kursavgiften ved oppsigelse innen to år.",
            ),
            (
                "Arbeidsavtale\n1. Prøvetid\nDet gjeld ei prøvetid på seks månader.",
                "Rettleiing til utfylling",
                "Punkt 1: Er «Nei» kryssa av, gjeld inga prøvetid.\nPunkt 2: Arbeidstakaren må betale attende \
                 kursavgifta ved oppseiing innan to år.",
            ),
            (
                "Employment contract\n1. Probation\nA probation period of six months applies.",
                "Notes for completion (not part of the agreement)",
                "Clause 1: If No is ticked, no probation period applies.\nClause 2: The employee must repay \
                 course fees if leaving within two years.",
            ),
        ] {
            let read = |text: String| analyzed(&text).iter().map(|f| (f.category, f.negated)).collect::<Vec<_>>();
            assert_eq!(read(format!("{terms}\n{guide}\n{lines}")), [(Category::Probation, false)], "{guide}");
            assert!(read(format!("{terms}\n{lines}")).len() > 1, "{guide}");
        }
    }

    #[test]
    fn a_templates_notes_and_a_checklist_stapled_on_leave_its_terms_standing() {
        // A filled-in template keeps its notes to whoever fills it in ("Veiledning: …"): they
        // explain, but do not make the contract a guide, however many there are. A checklist or
        // an FAQ after the signatures explains the rules to everyone: its lines agree nothing.
        for (terms, note, guide) in [
            (
                "Arbeidsavtale\n1. Prøvetid\nPrøvetiden er seks måneder.\n2. Oppsigelse\nOppsigelsesfristen er \
                 én måned for begge parter.",
                "Veiledning: Prøvetid kan avtales for inntil seks måneder. Det er vanlig å avtale kortere \
                 prøvetid for egne lærlinger.",
                "Sjekkliste før du skriver under\n- Bindingstid for kurs: Den må være avtalt skriftlig.",
            ),
            (
                "Arbeidsavtale\n1. Prøvetid\nPrøvetida er seks månader.\n2. Oppseiing\nOppseiingsfristen er \
                 éin månad for begge partar.",
                "Rettleiing: Prøvetid kan avtalast for inntil seks månader. Det er vanleg å avtale kortare \
                 prøvetid for eigne lærlingar.",
                "Sjekkliste før du skriv under\n- Bindingstid for kurs: Ho må vere avtala skriftleg.",
            ),
            (
                "Employment contract\n1. Probation\nThe probation period is six months.\n2. Notice\nThe \
                 notice period is one month for both parties.",
                "Guidance: Probation may be agreed for up to six months. It is common to agree a shorter \
                 probation for former apprentices.",
                "Checklist before you sign\n- Binding period for courses: it must be agreed in writing.",
            ),
        ] {
            let read = |text: String| analyzed(&text).iter().map(|f| f.category).collect::<Vec<_>>();
            let notes = [note; 3].join("\n");
            let (probation, notice) = (Category::Probation, Category::NoticePeriod);
            assert_eq!(read(format!("{terms}\n{notes}\n{guide}")), [probation, notice], "{note}");
            // Without its heading, the checklist's line reads as a term.
            let line = guide.split_once('\n').unwrap().1;
            assert!(read(format!("{terms}\n{line}")).contains(&Category::BindingPeriod), "{line}");
        }
    }

    #[test]
    fn a_clause_takes_the_value_it_points_to() {
        let value = |text: &str, c: Category| {
            let found = analyzed(text);
            let f = found.iter().rev().find(|f| f.category == c).unwrap_or_else(|| panic!("{text}"));
            (f.values.duration, f.values.amount.as_ref().map(|a| a.value))
        };
        let months = |n: f64| (Some(Duration { value: n, unit: values::Unit::Month }), None);
        // Another category's term in a numbered section, and a name a clause defines for itself.
        for text in [
            "Arbeidsavtale\n8. Oppsigelse etter prøvetiden: 3 måneder for begge parter.\n14. Kundeklausulen i \
             vedlegg B gjelder i like lang tid som oppsigelsesfristen i punkt 8, regnet fra fratreden.",
            "Arbeidsavtale\n8. Oppseiing etter prøvetida: 3 månader for begge partar.\n14. Kundeklausulen i \
             vedlegg B gjeld like lenge som oppseiingsfristen i punkt 8, rekna frå fråtreden.",
            "Employment contract\n8. Notice after probation: 3 months for both parties.\n14. The customer clause \
             in Appendix B applies for as long as the notice period in clause 8, counted from the end of the \
             employment.",
            "Arbeidsavtale\n7. Oppsigelsesfrist: tre måneder for begge parter etter prøvetiden \
             («Oppsigelsesfristen»).\n15. Konkurranseklausul\nArbeidstakeren skal ikke, i et tidsrom lik \
             Oppsigelsesfristen og regnet fra fratreden, ta ansettelse hos en konkurrent.",
            "Arbeidsavtale\n7. Oppseiingsfrist: tre månader for begge partar etter prøvetida \
             («Oppseiingsfristen»).\n15. Konkurranseklausul\nArbeidstakaren skal ikkje, i eit tidsrom lik \
             Oppseiingsfristen og rekna frå fråtreden, ta tilsetjing hos ein konkurrent.",
            "Employment contract\n7. Notice Period: three months, mutual, after probation (the \"Notice \
             Period\").\n15. Non-competition\nThe Employee shall not, for a period equal to the Notice Period \
             and counted from the end of the employment, take up employment with a competitor.",
            // A term a definitions clause gives a length, used by the clause.
            "Arbeidsavtale\n1. Definisjoner\ne) «Vernetiden» betyr tre måneder regnet fra Fratredelsesdagen.\n\
             15. Konkurranseklausul\nArbeidstaker forplikter seg til ikke, i Vernetiden, å tiltre stilling hos \
             en konkurrent.",
            "Arbeidsavtale\n1. Definisjonar\ne) «Vernetida» tyder tre månader rekna frå fråtredingsdagen.\n\
             15. Konkurranseklausul\nArbeidstakaren skal ikkje, i Vernetida, ta tilsetjing hos ein konkurrent.",
            "Employment contract\n1. Definitions\n(e) \"Protected Term\" means three months from the \
             Termination Date.\n15. Non-competition\nThe Employee shall not, during the Protected Term, take up \
             employment with a competitor.",
            // The pointer in the next sentence, which states no clause of its own.
            "Arbeidsavtale\n8. Oppsigelse\nOppsigelsesfristen er 3 måneder etter prøvetiden.\n11. Kundeklausul\n\
             Arbeidstakeren skal ikke kontakte kunder han har betjent det siste året. Klausulen gjelder like \
             lenge som oppsigelsesfristen etter punkt 8.",
            "Arbeidsavtale\n8. Oppseiing\nOppseiingsfristen er 3 månader etter prøvetida.\n11. Kundeklausul\n\
             Arbeidstakaren skal ikkje kontakte kundar han har hatt ansvar for det siste året. Klausulen gjeld \
             like lenge som oppseiingsfristen etter punkt 8.",
            "Employment contract\n8. Notice\nThe notice period is 3 months after probation.\n11. Customers\n\
             The Employee shall not solicit customers he has served during the last year. The restriction \
             applies for as long as the notice period in clause 8.",
        ] {
            assert_eq!(value(text, Category::NonCompete), months(3.0), "{text}");
        }
        // "the amount stated in clause 3": the clause's own sum, by whatever name the section gives it.
        for (text, sum) in [
            (
                "Arbeidsavtale\n3. Avtalt bot ved manglende tiltredelse: kr 30 000.\n11. Tiltrer ikke \
                 arbeidstakeren etter signering, skal arbeidstakeren betale beløpet angitt i punkt 3 innen 30 dager.",
                30_000.0,
            ),
            (
                "Arbeidsavtale\n3. Avtalt bot ved manglande tiltreding: kr 30 000.\n11. Tek ikkje arbeidstakaren \
                 til etter signering, skal arbeidstakaren betale beløpet som er oppgitt i punkt 3 innan 30 dagar.",
                30_000.0,
            ),
            (
                "Contract\n3. Agreed compensation for non-commencement: EUR 3,000.\n11. If the Employee, after \
                 signing, does not take up the position on the start date, the Employee shall pay the Company the \
                 amount stated in clause 3 within 30 days.",
                3_000.0,
            ),
        ] {
            assert_eq!(value(text, Category::Compensation).1, Some(sum), "{text}");
        }
    }

    #[test]
    fn a_term_the_same_as_in_the_probation_takes_its_notice() {
        let days = |text: &str| {
            let found = analyzed(text);
            let f =
                found.iter().find(|f| f.category == Category::NoticeBeforeStart).unwrap_or_else(|| panic!("{text}"));
            f.values.duration.map(|d| d.approx_days().round())
        };
        // The notice during the probation, not the probation's own length, wherever it stands.
        for text in [
            "Arbeidsavtale\nPrøvetid: 6 måneder, med 14 dagers oppsigelse.\nLønn: kr 40 000 per måned.\n\
             Oppsigelse før tiltredelse: samme frist som i prøvetiden.",
            "Arbeidsavtale\nPrøvetid: 6 månader, med 14 dagars oppseiing.\nLøn: kr 40 000 per månad.\n\
             Oppseiing før tiltreding: same frist som i prøvetida.",
            "Contract\nProbation: 6 months, with 14 days' notice.\nSalary: NOK 40,000 a month.\n\
             Notice before the start date: the same notice as during probation.",
        ] {
            assert_eq!(days(text), Some(14.0), "{text}");
        }
    }

    #[test]
    fn breaks_between_words() {
        assert_eq!(break_between(" "), Break::None);
        assert_eq!(break_between(": "), Break::Field);
        assert_eq!(break_between(" | "), Break::Field);
        assert_eq!(break_between(", "), Break::Clause);
        assert_eq!(break_between("-, "), Break::None);
        assert_eq!(break_between(","), Break::None, "a decimal comma joins a number");
        assert_eq!(break_between(". "), Break::Sentence);
        assert_eq!(break_between("."), Break::None, "a date's dots join it");
        assert_eq!(break_between(" ("), Break::Clause);
        assert_eq!(break_between(".\" "), Break::Sentence);
    }
}
