//! The short answer: the four questions someone who wants out before the first day asks,
//! in the order they ask them. Can I get out, by when (the notice deadline, in
//! [`crate::model::Notice`]), what can it cost, whom do I call. This module decides; the
//! report modules put it into words.

use crate::law::STATUTORY_NOTICE;
use crate::model::{Answer, Applies, Basis, Category, Cost, Exit, Finding, CONTACTS};
use crate::patterns::Patterns;

/// The short answer from a report's findings. Whether a claim is avoidable or bites only
/// after the start is read from the clause's concepts (patterns/lexicon): a penalty clause
/// that names notice or termination, where the contract allows notice before the start,
/// is avoided by giving it; a binding period tied to a course or to time in the job, and not
/// to a bonus or relocation already paid, starts only with the job.
pub fn answer(findings: &[Finding], patterns: &Patterns) -> Answer {
    let live = |category: Category| findings.iter().filter(move |f| f.category == category && !f.negated);
    let pre_start = live(Category::NoticeBeforeStart).next();
    let ordinary = live(Category::NoticePeriod).find_map(|f| f.values.duration);
    let (period, basis) = match pre_start.and_then(|f| f.values.duration).or(ordinary) {
        Some(d) => (d, Basis::Contract),
        None => (STATUTORY_NOTICE, Basis::Statute),
    };
    let exit = Exit { clause: pre_start.map(|f| f.location), period, basis };
    let has = |f: &Finding, concepts: &[&str]| {
        let ids: Vec<_> = concepts.iter().filter_map(|c| patterns.lexicon.id(c)).collect();
        patterns.lexicon.scan(&f.text).occurrences.iter().any(|o| ids.contains(&o.concept))
    };
    let mut costs: Vec<Cost> = findings
        .iter()
        .filter(|f| !f.negated && matches!(f.category, Category::Compensation | Category::BindingPeriod))
        .map(|f| {
            let applies = match f.category {
                Category::Compensation if pre_start.is_some() && has(f, &["TERMINATE", "NOTICE"]) => {
                    Applies::UnlessNotice
                }
                Category::Compensation => Applies::NotStarting,
                _ if has(f, &["BONUS", "RELOCATION"]) => Applies::IfReceived,
                _ if has(f, &["COURSE", "DURING_EMPLOYMENT"]) => Applies::AfterStart,
                _ => Applies::IfReceived,
            };
            Cost { category: f.category, amount: f.values.amount.clone(), location: f.location, applies }
        })
        .collect();
    // Two sentences of one clause are one claim.
    costs.dedup_by(|b, a| (a.category, a.location, a.applies) == (b.category, b.location, b.applies));
    Answer { exit, costs, contacts: CONTACTS }
}
