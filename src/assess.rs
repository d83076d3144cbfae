//! Assess: matches become findings with a risk, and a report gets its overall risk and
//! recommendation, following the schema's assessment table (version 1) in one place.

use crate::engine::Match;
use crate::error::{ErrorKind, FileError};
use crate::i18n::Lang;
use crate::language;
use crate::model::{Category, Finding, Flag, Location, Recommendation, Risk};
use crate::normalize::Text;
use crate::segment::Segments;
use crate::values::Unit;

/// The risk of one match.
pub fn risk(m: &Match) -> Risk {
    if m.negated {
        return Risk::None;
    }
    match m.category {
        Category::Compensation => Risk::High,
        Category::BindingPeriod if m.values.amount.is_some() || m.flags.contains(&Flag::Repayment) => Risk::High,
        Category::BindingPeriod | Category::NoticeBeforeStart | Category::NonCompete => Risk::Medium,
        Category::NoticePeriod if m.values.duration.is_some_and(longer_than_a_month) => Risk::Medium,
        Category::NoticePeriod | Category::Withdrawal | Category::Probation => Risk::Low,
        Category::StartDate => Risk::None,
    }
}

/// Above the statutory one month of arbeidsmiljøloven § 15-3 (1).
fn longer_than_a_month(d: crate::values::Duration) -> bool {
    match d.unit {
        Unit::Day => d.value > 31.0,
        Unit::Week => d.value * 7.0 > 31.0,
        Unit::Month => d.value > 1.0,
        Unit::Year => d.value > 0.0,
    }
}

/// Whom to ask, given the report's risk.
pub fn recommendation(risk: Risk) -> Recommendation {
    match risk {
        Risk::High => Recommendation::Lawyer,
        Risk::Medium => Recommendation::Union,
        Risk::Low | Risk::None => Recommendation::None,
    }
}

/// Longest quote of a finding, in characters: a quote is a clause, not a document.
pub const MAX_QUOTE_CHARS: usize = 1000;

/// Turns matches into findings with risk, location, quoted text and explanation.
pub fn findings(matches: Vec<Match>, text: &Text, seg: &Segments, lang: Lang) -> Vec<Finding> {
    matches
        .into_iter()
        .map(|m| {
            let s = seg.sentences[m.sentence];
            let p = text.paragraphs[s.paragraph];
            let sentence = &text.string[s.start..s.end];
            let matched = (m.span.0 - s.start, m.span.1.min(s.end) - s.start);
            let quote = quote(sentence, matched, MAX_QUOTE_CHARS);
            Finding {
                category: m.category,
                negated: m.negated,
                risk: risk(&m),
                text: quote.text,
                location: Location { page: p.page, paragraph: p.number },
                explanation: lang.explanation(m.category, m.negated),
                matched: quote.matched,
                in_paragraph: (s.start - p.start + quote.from.0, s.start - p.start + quote.from.1),
                quoted: quote.quoted,
                values: m.values,
                rule: m.rule,
                flags: m.flags,
            }
        })
        .collect()
}

/// A quote of at most about `max` characters from a sentence.
#[derive(Debug, PartialEq, Eq)]
pub struct Quote {
    /// The quote, with "… " before and " …" after where the sentence was cut.
    pub text: String,
    /// Byte range of the matched words within `text`.
    pub matched: (usize, usize),
    /// Byte range within `text` of the words taken from the sentence (all but the ellipses).
    pub quoted: (usize, usize),
    /// Byte range of those words within the sentence.
    pub from: (usize, usize),
}

/// Quotes `sentence` around the `matched` byte range in at most about `max` characters
/// (plus the ellipses), cutting at word boundaries where it can and at character boundaries
/// always; the matched words are kept whole unless they alone are longer than `max`.
pub fn quote(sentence: &str, matched: (usize, usize), max: usize) -> Quote {
    let whole = |s: &str| Quote { text: s.to_string(), matched, quoted: (0, s.len()), from: (0, s.len()) };
    if sentence.chars().count() <= max {
        return whole(sentence);
    }
    let (ms, mut me) = matched;
    // Matched words longer than the whole quote are cut too.
    if let Some((i, _)) = sentence[ms..me].char_indices().nth(max) {
        me = ms + i;
    }
    let budget = max.saturating_sub(sentence[ms..me].chars().count()) / 2;
    let mut start = sentence[..ms].char_indices().rev().nth(budget).map_or(0, |(i, _)| i);
    let mut end = sentence[me..].char_indices().nth(budget).map_or(sentence.len(), |(i, _)| me + i);
    if start > 0 {
        start = sentence[start..ms].find(' ').map_or(ms, |i| start + i + 1);
    }
    if end < sentence.len() {
        end = sentence[me..end].rfind(' ').map_or(me, |i| me + i);
    }
    let mut text = String::new();
    if start > 0 {
        text.push_str("… ");
    }
    let lead = text.len();
    text.push_str(&sentence[start..end]);
    let quoted = (lead, text.len());
    if end < sentence.len() {
        text.push_str(" …");
    }
    Quote { text, matched: (lead + ms - start, lead + me - start), quoted, from: (start, end) }
}

/// Whether a document can be assessed at all: a report of "no risk" must mean that a contract
/// was read and holds nothing risky, not that nothing could be read. Refuses text that is
/// mostly not letters (a garbled text layer, e.g. glyphs mapped into the private-use area),
/// text in a language the rules do not cover, and text with no sign of an employment contract
/// (neither its words nor a live clause among `findings`).
pub fn assessable(text: &str, findings: &[Finding]) -> Result<(), FileError> {
    let (mut letters, mut visible) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        visible += 1;
        letters += usize::from(c.is_alphabetic());
    }
    if letters * 2 < visible {
        return Err(FileError::new(
            ErrorKind::NoText,
            format!("only {letters} of {visible} characters are letters: the text is garbled (a font without a Unicode map?)"),
        ));
    }
    // A clause the grammar reads as binding is itself about employment and in one of its
    // languages, however short the text and however few of a language's telltale words it has:
    // "Møter du ikke, skal du betale kr 20 000." or "Prøvetid 6 mnd. Bindingstid 24 mnd."
    // pasted on its own is assessed.
    let binding = findings.iter().any(|f| !f.negated && f.category != Category::StartDate);
    // A start is no binding clause, but a day of it read by the grammar says the text is about an
    // employment as the word "tiltre" does, in English too.
    let dated_start = findings.iter().any(|f| f.category == Category::StartDate && f.values.date.is_some());
    if !binding && language::is_foreign(text) {
        return Err(FileError::new(
            ErrorKind::UnsupportedLanguage,
            "not recognised as Norwegian bokmål, nynorsk or English",
        ));
    }
    if !binding && !language::mentions_employment(text, dated_start) {
        return Err(FileError::new(
            ErrorKind::NotAContract,
            "fewer than two kinds of employment words (arbeidsavtale, arbeidstaker, stilling, lønn, employment …) and no binding clause",
        ));
    }
    Ok(())
}

/// The highest finding risk (`none` without findings).
pub fn overall(findings: &[Finding]) -> Risk {
    findings.iter().map(|f| f.risk).max().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Values;
    use crate::values::Duration;

    fn m(category: Category, values: Values, negated: bool, flags: &[Flag]) -> Match {
        Match {
            category,
            rule: String::new(),
            sentence: 0,
            negated,
            values,
            span: (0, 0),
            flags: flags.to_vec(),
            blank: None,
        }
    }

    fn months(value: f64, unit: Unit) -> Values {
        Values { duration: Some(Duration { value, unit }), ..Values::default() }
    }

    #[test]
    fn assessment_table() {
        assert_eq!(risk(&m(Category::Compensation, Values::default(), false, &[])), Risk::High);
        assert_eq!(risk(&m(Category::Compensation, Values::default(), true, &[])), Risk::None);
        assert_eq!(risk(&m(Category::BindingPeriod, Values::default(), false, &[Flag::Repayment])), Risk::High);
        assert_eq!(risk(&m(Category::BindingPeriod, months(24.0, Unit::Month), false, &[])), Risk::Medium);
        assert_eq!(risk(&m(Category::NoticePeriod, months(1.0, Unit::Month), false, &[])), Risk::Low);
        assert_eq!(risk(&m(Category::NoticePeriod, months(3.0, Unit::Month), false, &[])), Risk::Medium);
        assert_eq!(risk(&m(Category::NoticePeriod, months(6.0, Unit::Week), false, &[])), Risk::Medium);
        assert_eq!(risk(&m(Category::NoticePeriod, months(30.0, Unit::Day), false, &[])), Risk::Low);
        assert_eq!(risk(&m(Category::NoticeBeforeStart, Values::default(), false, &[])), Risk::Medium);
        assert_eq!(risk(&m(Category::NonCompete, Values::default(), false, &[])), Risk::Medium);
        assert_eq!(risk(&m(Category::Withdrawal, Values::default(), false, &[])), Risk::Low);
        assert_eq!(risk(&m(Category::Probation, months(6.0, Unit::Month), false, &[])), Risk::Low);
        assert_eq!(risk(&m(Category::StartDate, Values::default(), false, &[])), Risk::None);
        assert_eq!(recommendation(Risk::High), Recommendation::Lawyer);
        assert_eq!(recommendation(Risk::Medium), Recommendation::Union);
        assert_eq!(recommendation(Risk::Low), Recommendation::None);
    }
}
