//! The short answer: the four questions someone who wants out before the first day asks,
//! in the order they ask them. Can I get out, by when (the notice deadline, in
//! [`crate::law::Notice`]), what can it cost, whom do I call. This module decides; the
//! report modules put it into words.

use serde::{Deserialize, Serialize};

use crate::law::{Basis, STATUTORY_NOTICE};
use crate::model::{Category, Finding, Location};
use crate::patterns::Patterns;
use crate::values::{Amount, Duration};

/// The short answer of a report (`answer` in JSON, an addition to schema version 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    /// How to get out before the start.
    pub exit: Exit,
    /// Every money claim against the employee, with the condition it hangs on.
    pub costs: Vec<Cost>,
    /// Where to get help, in the order to ask (the same list for every report).
    #[serde(skip_deserializing, default = "contacts")]
    pub contacts: &'static [Contact],
}

/// How to get out before the start date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exit {
    /// The clause that allows notice before the start, if the contract has one.
    pub clause: Option<Location>,
    /// The notice period that runs before the start.
    pub period: Duration,
    /// Whether that period comes from the contract or the statute.
    pub basis: Basis,
}

/// A money claim and when it applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cost {
    /// `compensation` or `binding_period`.
    pub category: Category,
    /// The amount, where the clause states one.
    pub amount: Option<Amount>,
    /// Where the clause is.
    pub location: Location,
    /// When it applies.
    pub applies: Applies,
}

/// The condition a money claim hangs on, as far as it matters before the start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Applies {
    /// Only if the employee does not start without giving the notice the contract allows:
    /// avoidable by giving that notice.
    UnlessNotice,
    /// If the employee does not start or breaks the contract.
    NotStarting,
    /// Repayment of money already received (a signing bonus, relocation): nothing if none was paid.
    IfReceived,
    /// A binding that only bites after the start (a course taken while employed): no cost of
    /// leaving before it.
    AfterStart,
}

/// A place to get help.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Contact {
    /// Its name.
    pub name: &'static str,
    /// Its web address; `None` for the member's own union.
    pub url: Option<&'static str>,
    /// Whom it serves.
    pub serves: Serves,
}

/// Whom a place to get help serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Serves {
    /// Members; free, often after a waiting period for new members.
    Members,
    /// Everyone, general guidance on the law (not a case handler).
    Everyone,
    /// Free legal aid for people in the Oslo area.
    Oslo,
    /// Free legal aid for people in Northern Norway.
    NorthernNorway,
    /// Free legal aid for people in the Bergen area.
    Bergen,
    /// Free legal aid for women.
    Women,
    /// Anyone, for a fee.
    Paid,
}

/// The contacts of every answer.
fn contacts() -> &'static [Contact] {
    CONTACTS
}

/// Where to get help, in the order to ask: the union first, then the free options, then a
/// lawyer. Web addresses only: a phone number goes stale where a web page redirects.
pub const CONTACTS: &[Contact] = &[
    Contact { name: "Fagforeningen", url: None, serves: Serves::Members },
    Contact { name: "Arbeidstilsynet", url: Some("https://www.arbeidstilsynet.no"), serves: Serves::Everyone },
    Contact { name: "Jussbuss", url: Some("https://jussbuss.no"), serves: Serves::Oslo },
    Contact { name: "Jusshjelpa i Nord-Norge", url: Some("https://jusshjelpa.no"), serves: Serves::NorthernNorway },
    Contact { name: "Jussformidlingen", url: Some("https://jussformidlingen.no"), serves: Serves::Bergen },
    Contact { name: "JURK", url: Some("https://jurk.no"), serves: Serves::Women },
    Contact { name: "Advokatforeningen", url: Some("https://www.advokatforeningen.no"), serves: Serves::Paid },
];

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
