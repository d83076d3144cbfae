//! Scoring shared by the accuracy tests (contract corpus and clause sets).

use kontrakt::model::Finding;
use kontrakt::values::{Amount, Duration, Unit};
use serde::Deserialize;

/// What a labelled clause states: negated or not, and its values as far as stated.
#[derive(Deserialize, Default)]
pub struct Expected {
    #[serde(default)]
    pub negated: bool,
    pub duration: Option<String>,
    pub amount: Option<String>,
    pub date: Option<String>,
}

impl Expected {
    /// Each stated value, and whether any of `found` (the findings of its category) reads it.
    pub fn checks(&self, found: &[&Finding]) -> Vec<(&str, bool)> {
        let any = |ok: &dyn Fn(&Finding) -> bool| found.iter().any(|f| ok(f));
        [
            self.duration
                .as_deref()
                .map(|d| (d, any(&|f| f.values.duration.zip(Duration::parse(d)).is_some_and(|(a, b)| same(a, b))))),
            self.amount
                .as_deref()
                .map(|a| (a, any(&|f| f.values.amount.is_some() && f.values.amount == Amount::parse(a)))),
            self.date.as_deref().map(|d| (d, any(&|f| f.values.date.map(|x| x.to_string()).as_deref() == Some(d)))),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

/// Durations are the same when equal as written or in months: "et halvt år" is labelled
/// "0.5 year" or "6 month".
fn same(a: Duration, b: Duration) -> bool {
    let months = |d: Duration| match d.unit {
        Unit::Month => Some(d.value),
        Unit::Year => Some(d.value * 12.0),
        _ => None,
    };
    a == b || months(a).is_some_and(|m| Some(m) == months(b))
}

/// Counts of one category (or of all: micro).
#[derive(Default)]
pub struct Tally {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

/// Precision, recall and F1; an empty denominator counts as perfect.
pub fn prf(t: &Tally) -> (f64, f64, f64) {
    let p = if t.tp + t.fp == 0 { 1.0 } else { t.tp as f64 / (t.tp + t.fp) as f64 };
    let r = if t.tp + t.fn_ == 0 { 1.0 } else { t.tp as f64 / (t.tp + t.fn_) as f64 };
    (p, r, if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) })
}
