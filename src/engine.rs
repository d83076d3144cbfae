//! Match: finds clauses in the segmented text with the compiled [`Patterns`].
//!
//! One pass of the `RegexSet` over each paragraph says which rules can match there; only
//! those rules run `find_iter`, on that paragraph, and values are parsed only in sentences
//! that hold a match.
//! Per sentence: excludes veto, negation is scoped to the clause, values are taken nearest
//! to the match (but never across another category's keyword), `require` drops bare
//! labels, one rule wins per category, and `suppresses` resolves overlaps between categories.

use std::cell::OnceCell;
use std::collections::BTreeMap;

use crate::model::{Category, Values};
use crate::normalize::Text;
use crate::patterns::{Patterns, ValueKind};
use crate::segment::{Segments, Sentence};
use crate::values::{self, Found};

/// A clause found by the engine, before assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// The category.
    pub category: Category,
    /// The winning rule's id (`<category>.heading` for a finding carried by its heading).
    pub rule: String,
    /// Index into `Segments::sentences`.
    pub sentence: usize,
    /// The clause says the thing does not apply.
    pub negated: bool,
    /// Values read from the sentence.
    pub values: Values,
    /// Byte range of the matched words in `Text::string`.
    pub span: (usize, usize),
    /// Sentence flags of the category that matched ("repayment").
    pub flags: Vec<String>,
}

#[derive(Debug, Clone, Copy)]
struct Candidate {
    rule: usize,
    category: usize,
    start: usize,
    end: usize,
}

/// Values of one sentence, each kind parsed on first use, with offsets relative to the
/// sentence.
struct SentenceValues<'s> {
    text: &'s str,
    durations: OnceCell<Vec<Found<values::Duration>>>,
    amounts: OnceCell<Vec<Found<values::Amount>>>,
    dates: OnceCell<Vec<Found<crate::date::Date>>>,
}

impl<'s> SentenceValues<'s> {
    fn new(text: &'s str) -> Self {
        SentenceValues { text, durations: OnceCell::new(), amounts: OnceCell::new(), dates: OnceCell::new() }
    }

    fn spans(&self, kind: ValueKind) -> Vec<(usize, usize)> {
        match kind {
            ValueKind::Duration => spans(self.durations.get_or_init(|| values::durations(self.text))),
            ValueKind::Amount => spans(self.amounts.get_or_init(|| values::amounts(self.text))),
            ValueKind::Date => spans(self.dates.get_or_init(|| values::dates(self.text))),
        }
    }

    /// Copies value `index` of `kind` (as numbered by `spans`) into `values`.
    fn set(&self, kind: ValueKind, index: usize, values: &mut Values) {
        match kind {
            ValueKind::Duration => values.duration = self.durations.get().map(|v| v[index].value),
            ValueKind::Amount => values.amount = self.amounts.get().map(|v| v[index].value.clone()),
            ValueKind::Date => values.date = self.dates.get().map(|v| v[index].value),
        }
    }
}

fn spans<T>(found: &[Found<T>]) -> Vec<(usize, usize)> {
    found.iter().map(|f| (f.start, f.end)).collect()
}

fn has(values: &Values, kind: ValueKind) -> bool {
    match kind {
        ValueKind::Duration => values.duration.is_some(),
        ValueKind::Amount => values.amount.is_some(),
        ValueKind::Date => values.date.is_some(),
    }
}

/// Finds the clauses of a segmented text, in document order.
pub fn find(patterns: &Patterns, text: &Text, seg: &Segments) -> Vec<Match> {
    // The set runs per paragraph (no pattern crosses a line), so that the confirming
    // find_iter runs only over the paragraphs where the set saw its rule.
    let mut by_sentence: BTreeMap<usize, Vec<Candidate>> = BTreeMap::new();
    for p in &text.paragraphs {
        let para = &text.string[p.start..p.end];
        for rule_index in patterns.set.matches(para).iter() {
            let rule = &patterns.rules[rule_index];
            for m in rule.regex.find_iter(para) {
                let start = p.start + m.start() + leading_boundary(m.as_str());
                if let Some(s) = sentence_at(&seg.sentences, start) {
                    let end = (p.start + m.end()).min(seg.sentences[s].end);
                    by_sentence.entry(s).or_default().push(Candidate {
                        rule: rule_index,
                        category: rule.category,
                        start,
                        end,
                    });
                }
            }
        }
    }
    // The categories each heading carries, decided once per heading rather than per line.
    let carried: Vec<Vec<usize>> = seg
        .headings
        .iter()
        .map(|&p| {
            let heading = text.paragraph(p);
            (0..patterns.categories.len())
                .filter(|&k| {
                    let cat = &patterns.categories[k];
                    cat.heading_value.is_some() && cat.headings.as_ref().is_some_and(|h| h.is_match(heading))
                })
                .collect()
        })
        .collect();
    let mut out = Vec::new();
    for (index, sentence) in seg.sentences.iter().enumerate() {
        match by_sentence.get_mut(&index) {
            Some(candidates) => {
                candidates.sort_by_key(|c| (c.start, c.rule));
                out.extend(sentence_matches(patterns, text, index, sentence, candidates));
            }
            None if !sentence.is_heading => {
                let categories = sentence.heading.map_or(&[][..], |h| carried[h].as_slice());
                out.extend(heading_match(patterns, text, categories, index, sentence));
            }
            None => {}
        }
    }
    fill_from_paragraph(patterns, text, seg, &mut out);
    out
}

/// A clause often states its values in a neighbouring sentence ("Selskapet dekker kurset,
/// kr 60 000. Sier du opp innen 12 måneder, skal beløpet betales tilbake."). A value kind a
/// rule reads but its sentence lacks is taken from the nearest other sentence of the same
/// paragraph, unless that sentence holds another category's finding that reads the kind.
fn fill_from_paragraph(patterns: &Patterns, text: &Text, seg: &Segments, matches: &mut [Match]) {
    let reads = |m: &Match| -> &[ValueKind] {
        patterns.rules.iter().find(|r| r.id == m.rule).map_or(&[], |r| r.values.as_slice())
    };
    let owners: Vec<(usize, Category, Vec<ValueKind>)> =
        matches.iter().map(|m| (m.sentence, m.category, reads(m).to_vec())).collect();
    let mut parsed: BTreeMap<usize, SentenceValues> = BTreeMap::new();
    for m in matches.iter_mut().filter(|m| !m.negated) {
        let kinds: Vec<ValueKind> = reads(m).iter().copied().filter(|&k| !has(&m.values, k)).collect();
        let paragraph = seg.sentences[m.sentence].paragraph;
        for kind in kinds {
            let mut donors: Vec<usize> = (0..seg.sentences.len())
                .filter(|&i| i != m.sentence && seg.sentences[i].paragraph == paragraph)
                .filter(|&i| !owners.iter().any(|(s, c, k)| *s == i && *c != m.category && k.contains(&kind)))
                .collect();
            donors.sort_by_key(|&i| i.abs_diff(m.sentence));
            for i in donors {
                let v = parsed.entry(i).or_insert_with(|| {
                    let s = seg.sentences[i];
                    SentenceValues::new(&text.string[s.start..s.end])
                });
                let count = v.spans(kind).len();
                if count > 0 {
                    v.set(kind, if i < m.sentence { count - 1 } else { 0 }, &mut m.values);
                    break;
                }
            }
        }
    }
}

/// Length of the boundary character the wrapped pattern consumed before the keyword.
fn leading_boundary(m: &str) -> usize {
    m.chars().next().filter(|c| !c.is_alphanumeric() && *c != '_').map_or(0, char::len_utf8)
}

fn sentence_at(sentences: &[Sentence], offset: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.start <= offset).checked_sub(1)?;
    (offset < sentences[i].end).then_some(i)
}

fn sentence_matches(
    patterns: &Patterns,
    text: &Text,
    index: usize,
    sentence: &Sentence,
    candidates: &[Candidate],
) -> Vec<Match> {
    let s = &text.string[sentence.start..sentence.end];
    let values = SentenceValues::new(s);
    type Rank = (bool, i32, std::cmp::Reverse<usize>, std::cmp::Reverse<usize>);
    let mut best: BTreeMap<usize, (Rank, Match)> = BTreeMap::new();
    let mut category_excluded: BTreeMap<usize, bool> = BTreeMap::new();
    for c in candidates {
        let rule = &patterns.rules[c.rule];
        let cat = &patterns.categories[c.category];
        let (start, end) = (c.start - sentence.start, c.end - sentence.start);
        let answer = cat.negatable && answered_no(patterns, s, end);
        // A form answer ("Non-compete: None") is the most specific statement in its
        // sentence; otherwise priority, then the earliest match, then the first rule.
        let rank = (answer, rule.priority, std::cmp::Reverse(c.start), std::cmp::Reverse(c.rule));
        if best.get(&c.category).is_some_and(|(r, _)| rank <= *r) {
            continue;
        }
        let negated = answer || (cat.negatable && negator_before(patterns, s, start));
        if sentence.is_heading && !negated {
            continue;
        }
        let mut found = Values::default();
        if !negated {
            for &kind in &rule.values {
                let spans = values.spans(kind);
                // Another category's keyword owns the values of the kinds its rule reads.
                let blockers: Vec<(usize, usize)> = candidates
                    .iter()
                    .filter(|o| o.category != c.category && patterns.rules[o.rule].values.contains(&kind))
                    .map(|o| (o.start - sentence.start, o.end - sentence.start))
                    .collect();
                if let Some(i) = nearest(&spans, (start, end), &blockers) {
                    values.set(kind, i, &mut found);
                }
            }
            if rule.require.is_some_and(|k| !has(&found, k)) {
                continue;
            }
        }
        // Traps are checked last: they are the longest patterns, and most candidates have
        // already lost to a better one or lack their value.
        let excluded =
            *category_excluded.entry(c.category).or_insert_with(|| cat.exclude.as_ref().is_some_and(|r| r.is_match(s)));
        if excluded || rule.exclude.as_ref().is_some_and(|r| r.is_match(s)) {
            continue;
        }
        let candidate = Match {
            category: cat.category,
            rule: rule.id.clone(),
            sentence: index,
            negated,
            values: found,
            span: (c.start, c.end),
            flags: Vec::new(),
        };
        best.insert(c.category, (rank, candidate));
    }
    let found: Vec<usize> = best.iter().filter(|(_, b)| !b.1.negated).map(|(&k, _)| k).collect();
    let mut out: Vec<Match> = best
        .into_iter()
        .filter(|(k, _)| {
            let category = patterns.categories[*k].category;
            !found.iter().any(|f| f != k && patterns.categories[*f].suppresses.contains(&category))
        })
        .map(|(k, (_, mut m))| {
            m.flags = flags(patterns, k, s);
            m
        })
        .collect();
    out.sort_by_key(|m| m.span.0);
    out
}

fn flags(patterns: &Patterns, category: usize, s: &str) -> Vec<String> {
    patterns.categories[category].flags.iter().filter(|(_, r)| r.is_match(s)).map(|(n, _)| n.clone()).collect()
}

/// A value-only sentence under a heading that carries a category ("7. Prøvetid" / "6 måneder").
fn heading_match(
    patterns: &Patterns,
    text: &Text,
    categories: &[usize],
    index: usize,
    sentence: &Sentence,
) -> Vec<Match> {
    if categories.is_empty() {
        return Vec::new();
    }
    let s = &text.string[sentence.start..sentence.end];
    let values = SentenceValues::new(s);
    let negated = patterns.negation.after.is_match(s);
    let mut out = Vec::new();
    for &k in categories {
        let cat = &patterns.categories[k];
        let Some(kind) = cat.heading_value else { continue };
        if cat.exclude.as_ref().is_some_and(|r| r.is_match(s)) {
            continue;
        }
        let mut found = Values::default();
        let span = if negated {
            (0, s.len())
        } else {
            let Some(&first) = values.spans(kind).first() else { continue };
            values.set(kind, 0, &mut found);
            first
        };
        out.push(Match {
            category: cat.category,
            rule: format!("{}.heading", cat.category.as_str()),
            sentence: index,
            negated,
            values: found,
            span: (sentence.start + span.0, sentence.start + span.1),
            flags: flags(patterns, k, s),
        });
    }
    out
}

/// The value nearest to the match that is not separated from it by another category's
/// keyword; on a tie the value after the match wins.
fn nearest(spans: &[(usize, usize)], m: (usize, usize), blockers: &[(usize, usize)]) -> Option<usize> {
    spans
        .iter()
        .enumerate()
        .filter(|(_, &(vs, ve))| {
            let (lo, hi) = if ve <= m.0 { (ve, m.0) } else { (m.1, vs) };
            !blockers.iter().any(|&(bs, _)| bs >= lo && bs < hi)
        })
        .min_by_key(|(_, &(vs, ve))| if ve <= m.0 { (m.0 - ve, 1) } else { (vs.saturating_sub(m.1), 0) })
        .map(|(i, _)| i)
}

/// A negative answer right after the keyword: "Prøvetid: Nei", "Non-compete | None".
fn answered_no(patterns: &Patterns, s: &str, end: usize) -> bool {
    let neg = &patterns.negation;
    let rest = &s[end..];
    let rest = &rest[word_len(rest)..];
    neg.after.find(rest).is_some_and(|m| !neg.not_negating.as_ref().is_some_and(|r| r.is_match(&rest[m.end()..])))
}

/// A negator a few words before the keyword, with no clause break between and no word that
/// keeps it from negating: "det er ingen bindingstid", "stillingen har ikke prøvetid".
fn negator_before(patterns: &Patterns, s: &str, start: usize) -> bool {
    let neg = &patterns.negation;
    let before = neg.before.find_iter(&s[..start]).filter_map(|m| {
        let word = m.start() + leading_boundary(m.as_str());
        let word_end = word + word_len(&s[word..]);
        (word_end <= start).then_some(word_end)
    });
    before.last().is_some_and(|word_end| {
        let gap = &s[word_end..start];
        !gap.contains([',', ';', ':', '.', '|', '(', ')'])
            && gap.split_whitespace().count() <= neg.max_gap_words
            && !neg.not_negating.as_ref().is_some_and(|r| r.is_match(gap))
    })
}

/// Byte length of the word characters at the start of `s`.
fn word_len(s: &str) -> usize {
    s.char_indices()
        .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == '-' || *c == '/'))
        .map_or(s.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_value_is_not_taken_across_another_keyword() {
        // "I prøvetiden er oppsigelsesfristen 14 dager": the probation match at 2..12 must not
        // take "14 dager" (35..43) past the notice keyword at 16..34.
        assert_eq!(nearest(&[(35, 43)], (2, 12), &[(16, 34)]), None);
        assert_eq!(nearest(&[(35, 43)], (16, 34), &[(2, 12)]), Some(0));
        // Before and after at equal distance: after wins.
        assert_eq!(nearest(&[(0, 5), (15, 20)], (10, 10), &[]), Some(1));
    }
}
