//! Scoring shared by the accuracy tests (contract corpus and clause sets).

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
