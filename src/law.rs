//! Law: the statutory facts the report relies on, and the notice-period calculator of
//! arbeidsmiljøloven § 15-3.
//!
//! Counting (law.md a5, a7, a8): a period in months (or years) runs from the first day of the
//! month after notice is given and ends on the last day of its last month; a period in weeks
//! or days runs date to date from the day notice is given (as the 14 days of probation).

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::model::{Category, Finding};
use crate::values::{Duration, Unit};

/// Folketrygdens grunnbeløp (G), which sets the non-compete compensation of aml. § 14 A-3.
/// It changes every 1 May: update `amount` and `from` together (source: nav.no).
pub struct Grunnbelop {
    /// Kroner.
    pub amount: u32,
    /// The day it took effect.
    pub from: Date,
}

/// The G in force.
pub const G: Grunnbelop = Grunnbelop { amount: 130_160, from: Date { year: 2025, month: 5, day: 1 } };

impl Grunnbelop {
    /// Whether this G may no longer be in force on `today`: it is more than a year old, and
    /// G is set anew every 1 May.
    pub fn outdated(&self, today: Date) -> bool {
        today > Date { year: self.from.year + 1, ..self.from }
    }
}

/// The statutory notice period when the contract states none: one month (aml. § 15-3 (1)).
pub const STATUTORY_NOTICE: Duration = Duration { value: 1.0, unit: Unit::Month };

/// Where the notice period used for the deadline comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// A period found in the contract.
    Contract,
    /// The statutory default, one month.
    Statute,
}

/// When notice given on a day would end, compared with the start date (the report's
/// `notice` object).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Notice {
    /// The day notice is given.
    pub given: Date,
    /// The notice period used.
    pub period: Duration,
    /// Whether it comes from the contract or the statute.
    pub basis: Basis,
    /// The last day of the notice period.
    pub ends: Date,
    /// The agreed start date, if found.
    pub start_date: Option<Date>,
    /// Whether the period ends before the start date (`None` without a start date).
    pub ends_before_start: Option<bool>,
}

/// The last day of a notice period given on `given`.
pub fn notice_end(given: Date, period: Duration) -> Date {
    match period.unit {
        Unit::Day => given.add_days(period.value.round() as i64),
        Unit::Week => given.add_days((period.value * 7.0).round() as i64),
        Unit::Month | Unit::Year => {
            let months = if period.unit == Unit::Year { period.value * 12.0 } else { period.value };
            let whole = months.trunc() as i32;
            // A half month ("1,5 måneder") adds 15 days after the whole months.
            let extra_days = ((months - months.trunc()) * 30.0).round() as i64;
            let first = given.first_of_next_month();
            let end = if whole > 0 { first.add_months(whole - 1).last_of_month() } else { given };
            end.add_days(extra_days)
        }
    }
}

/// The notice deadline for notice given on `given`, from the report's findings: a notice
/// period that runs before the start date first, then the ordinary notice period, else the
/// statutory month.
pub fn notice(given: Date, findings: &[Finding]) -> Notice {
    let duration_of = |category: Category| {
        findings.iter().filter(|f| f.category == category && !f.negated).find_map(|f| f.values.duration)
    };
    let (period, basis) = match duration_of(Category::NoticeBeforeStart).or_else(|| duration_of(Category::NoticePeriod))
    {
        Some(d) => (d, Basis::Contract),
        None => (STATUTORY_NOTICE, Basis::Statute),
    };
    let start_date = findings.iter().filter(|f| f.category == Category::StartDate).find_map(|f| f.values.date);
    let ends = notice_end(given, period);
    Notice { given, period, basis, ends, start_date, ends_before_start: start_date.map(|s| ends < s) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_norwegian(s).unwrap()
    }

    fn end(given: &str, value: f64, unit: Unit) -> String {
        notice_end(d(given), Duration { value, unit }).norwegian()
    }

    #[test]
    fn months_run_from_the_first_of_the_next_month() {
        assert_eq!(end("24.11.2026", 1.0, Unit::Month), "31.12.2026");
        assert_eq!(end("20.05.2026", 1.0, Unit::Month), "30.06.2026");
        assert_eq!(end("01.05.2026", 1.0, Unit::Month), "30.06.2026");
        assert_eq!(end("24.11.2026", 3.0, Unit::Month), "28.02.2027");
        assert_eq!(end("31.12.2026", 1.0, Unit::Month), "31.01.2027");
        assert_eq!(end("15.12.2026", 2.0, Unit::Month), "28.02.2027");
        assert_eq!(end("31.01.2028", 1.0, Unit::Month), "29.02.2028", "leap year");
        assert_eq!(end("30.11.2027", 3.0, Unit::Month), "29.02.2028", "leap year");
        assert_eq!(end("10.03.2026", 1.0, Unit::Year), "31.03.2027");
        assert_eq!(end("10.03.2026", 1.5, Unit::Month), "15.05.2026");
    }

    #[test]
    fn weeks_and_days_run_date_to_date() {
        assert_eq!(end("05.03.2026", 14.0, Unit::Day), "19.03.2026");
        assert_eq!(end("24.12.2026", 14.0, Unit::Day), "07.01.2027");
        assert_eq!(end("20.02.2028", 2.0, Unit::Week), "05.03.2028", "across 29 February");
        assert_eq!(end("20.02.2027", 2.0, Unit::Week), "06.03.2027");
    }

    #[test]
    fn g_is_outdated_a_year_after_it_took_effect() {
        let g = Grunnbelop { amount: 130_160, from: d("01.05.2025") };
        assert!(!g.outdated(d("01.05.2025")));
        assert!(!g.outdated(d("01.05.2026")));
        assert!(g.outdated(d("02.05.2026")));
        assert!(g.outdated(d("01.01.2027")));
    }
}
