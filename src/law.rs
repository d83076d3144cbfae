//! Law: the statutory facts the report relies on, and the notice-period calculator of
//! arbeidsmiljøloven § 15-3.
//!
//! Counting (law.md a5, a7, a8): a period in months (or years) runs from the first day of the
//! month after notice is given and ends on the last day of its last month; a period in weeks
//! or days runs date to date from the day notice is given (as the 14 days of probation).

use crate::date::Date;
use crate::model::{Basis, Category, Finding, Notice, Phase};
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

/// The statutory notice period during probation: 14 days, date to date (aml. § 15-3 (7)).
pub const PROBATION_NOTICE: Duration = Duration { value: 14.0, unit: Unit::Day };

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

/// The day a period that starts on `from` has run out (exclusive): probation of 6 months
/// from 01.03.2027 ends before 01.09.2027.
fn after(from: Date, period: Duration) -> Date {
    match period.unit {
        Unit::Day => from.add_days(period.value.round() as i64),
        Unit::Week => from.add_days((period.value * 7.0).round() as i64),
        Unit::Month => from.add_months(period.value.round() as i32),
        Unit::Year => from.add_months((period.value * 12.0).round() as i32),
    }
}

/// The last day on which notice with `period` ends it no later than the day before `start`.
/// The end of a period only moves forward with the day notice is given, so the search walks
/// back from the day before the start; a period longer than the search (ten years) has none.
pub fn last_notice_day(period: Duration, start: Date) -> Option<Date> {
    let limit = start.add_days(-1);
    (1..=3660).map(|back| start.add_days(-back)).find(|&given| notice_end(given, period) <= limit)
}

/// The notice deadline for notice given on `given`, from the report's findings. Before the
/// start date: a notice period that runs before the start first, then the ordinary notice
/// period, else the statutory month. From the start date during an agreed probation: the
/// statutory 14 days. After it: the ordinary notice period, else the statutory month.
pub fn notice(given: Date, findings: &[Finding]) -> Notice {
    let duration_of = |category: Category| {
        findings.iter().filter(|f| f.category == category && !f.negated).find_map(|f| f.values.duration)
    };
    let from_contract = |d: Option<Duration>| d.map_or((STATUTORY_NOTICE, Basis::Statute), |d| (d, Basis::Contract));
    let before_start =
        from_contract(duration_of(Category::NoticeBeforeStart).or_else(|| duration_of(Category::NoticePeriod)));
    let start_date = findings.iter().filter(|f| f.category == Category::StartDate).find_map(|f| f.values.date);
    let phase = match start_date {
        Some(start) if given >= start => {
            let probation_ends = duration_of(Category::Probation).map(|d| after(start, d));
            if probation_ends.is_some_and(|end| given < end) {
                Phase::Probation
            } else {
                Phase::Employed
            }
        }
        _ => Phase::BeforeStart,
    };
    let (period, basis) = match phase {
        Phase::BeforeStart => before_start,
        Phase::Probation => (PROBATION_NOTICE, Basis::Statute),
        Phase::Employed => from_contract(duration_of(Category::NoticePeriod)),
    };
    let ends = notice_end(given, period);
    let deadline = start_date.and_then(|s| last_notice_day(before_start.0, s)).filter(|&d| d >= given);
    Notice { given, period, basis, ends, start_date, ends_before_start: start_date.map(|s| ends < s), phase, deadline }
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

    fn last_day(value: f64, unit: Unit, start: &str) -> String {
        last_notice_day(Duration { value, unit }, d(start)).unwrap().norwegian()
    }

    #[test]
    fn last_day_to_give_notice_before_the_start() {
        // 14 days date to date: notice on 14.02 ends 28.02, the day before 01.03.
        assert_eq!(last_day(14.0, Unit::Day, "01.03.2027"), "14.02.2027");
        assert_eq!(last_day(14.0, Unit::Day, "31.03.2027"), "16.03.2027");
        // Whole months end on the last day of a month: the month before the start's month
        // must be the last, so notice is due by the end of the month before that.
        assert_eq!(last_day(1.0, Unit::Month, "01.03.2027"), "31.01.2027");
        assert_eq!(last_day(3.0, Unit::Month, "01.03.2027"), "30.11.2026");
        // Starting on the 31st the start's own month can hold the end only up to the 30th,
        // so it does not: notice by the end of the month two before.
        assert_eq!(last_day(1.0, Unit::Month, "31.03.2027"), "31.01.2027");
        assert_eq!(last_day(1.0, Unit::Month, "01.01.2027"), "30.11.2026");
        assert_eq!(last_day(2.0, Unit::Week, "01.03.2028"), "15.02.2028", "leap year");
        for (value, unit, start) in [(14.0, Unit::Day, "01.03.2027"), (3.0, Unit::Month, "31.05.2027")] {
            let day = last_notice_day(Duration { value, unit }, d(start)).unwrap();
            assert!(notice_end(day, Duration { value, unit }) < d(start));
            assert!(notice_end(day.add_days(1), Duration { value, unit }) >= d(start), "the last such day");
        }
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
