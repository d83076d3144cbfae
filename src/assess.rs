//! Assess: matches become findings with a risk, and a report gets its overall risk and
//! recommendation, following the schema's assessment table (version 1) in one place.

use crate::engine::Match;
use crate::i18n::Lang;
use crate::model::{Category, Finding, Location, Recommendation, Risk};
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
        Category::BindingPeriod if m.values.amount.is_some() || m.flags.iter().any(|f| f == "repayment") => Risk::High,
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

/// Turns matches into findings with risk, location, quoted text and explanation.
pub fn findings(matches: Vec<Match>, text: &Text, seg: &Segments, lang: Lang) -> Vec<Finding> {
    matches
        .into_iter()
        .map(|m| {
            let s = seg.sentences[m.sentence];
            let p = text.paragraphs[s.paragraph];
            Finding {
                category: m.category,
                negated: m.negated,
                risk: risk(&m),
                text: text.string[s.start..s.end].to_string(),
                location: Location { page: p.page, paragraph: p.number },
                explanation: lang.explanation(m.category, m.negated),
                matched: (m.span.0 - s.start, m.span.1.min(s.end) - s.start),
                in_paragraph: (s.start - p.start, s.end - p.start),
                values: m.values,
                rule: m.rule,
                flags: m.flags,
            }
        })
        .collect()
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

    fn m(category: Category, values: Values, negated: bool, flags: &[&str]) -> Match {
        Match {
            category,
            rule: String::new(),
            sentence: 0,
            negated,
            values,
            span: (0, 0),
            flags: flags.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn months(value: f64, unit: Unit) -> Values {
        Values { duration: Some(Duration { value, unit }), ..Values::default() }
    }

    #[test]
    fn assessment_table() {
        assert_eq!(risk(&m(Category::Compensation, Values::default(), false, &[])), Risk::High);
        assert_eq!(risk(&m(Category::Compensation, Values::default(), true, &[])), Risk::None);
        assert_eq!(risk(&m(Category::BindingPeriod, Values::default(), false, &["repayment"])), Risk::High);
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
