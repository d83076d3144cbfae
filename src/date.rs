//! A small calendar date type (proleptic Gregorian) with the arithmetic that
//! contract deadlines need: adding days and months, month starts and ends.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// The year, e.g. 2027.
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u32,
    /// The day of the month, from 1.
    pub day: u32,
}

impl Date {
    /// A validated date; `None` for impossible dates such as 31.02 or 29.02 in a common year.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        (day >= 1 && day <= Self::days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Number of days in the month; 0 for a month outside 1..=12.
    pub fn days_in_month(year: i32, month: u32) -> u32 {
        match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if is_leap_year(year) => 29,
            2 => 28,
            _ => 0,
        }
    }

    /// The date `days` days later (earlier when negative).
    pub fn add_days(self, days: i64) -> Date {
        from_day_number(self.day_number() + days)
    }

    /// Calendar-month arithmetic; the day is clamped to the end of the target month
    /// (31.01 + 1 month = 28.02 or 29.02).
    pub fn add_months(self, months: i32) -> Date {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 + i64::from(months);
        let year = index.div_euclid(12) as i32;
        let month = index.rem_euclid(12) as u32 + 1;
        let day = self.day.min(Self::days_in_month(year, month));
        Date { year, month, day }
    }

    /// The first day of the following month.
    pub fn first_of_next_month(self) -> Date {
        Date { day: 1, ..self.add_months(1) }
    }

    /// The last day of this date's month.
    pub fn last_of_month(self) -> Date {
        Date { day: Self::days_in_month(self.year, self.month), ..self }
    }

    /// "01.03.2027"
    pub fn norwegian(self) -> String {
        format!("{:02}.{:02}.{:04}", self.day, self.month, self.year)
    }

    /// Parses "01.03.2027" or "1.3.2027" (day.month.four-digit year), as typed on a command line.
    pub fn parse_norwegian(s: &str) -> Option<Date> {
        let mut parts = s.trim().split('.');
        let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
        let digits = |p: &str, lengths: &[usize]| lengths.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
        if parts.next().is_some() || !digits(day, &[1, 2]) || !digits(month, &[1, 2]) || !digits(year, &[4]) {
            return None;
        }
        Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    /// Parses a date typed on a command line: "01.03.2027", "1.3.2027" or ISO "2027-03-01".
    pub fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let mut parts = s.split('-');
        let (Some(year), Some(month), Some(day), None) = (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Date::parse_norwegian(s);
        };
        let digits = |p: &str, len: usize| p.len() == len && p.bytes().all(|b| b.is_ascii_digit());
        if !digits(year, 4) || !digits(month, 2) || !digits(day, 2) {
            return None;
        }
        Date::new(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
    }

    /// Today in the machine's local time zone (notice is given on a local calendar day).
    pub fn today() -> Date {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
        from_day_number((now + local_offset_seconds(now)).div_euclid(86_400))
    }

    /// The day of the week, Monday 0 to Sunday 6 (1970-01-01 was a Thursday).
    pub fn weekday(self) -> u32 {
        (self.day_number() + 3).rem_euclid(7) as u32
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    fn day_number(self) -> i64 {
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }
}

/// The local time zone's offset from UTC at `unix_seconds`.
fn local_offset_seconds(unix_seconds: i64) -> i64 {
    let t = unix_seconds as libc::time_t;
    // SAFETY: localtime_r only writes the `tm` it is given and reads `t`.
    let mut tm: libc::tm = unsafe { std::mem::zeroed() };
    if unsafe { libc::localtime_r(&t, &mut tm) }.is_null() {
        return 0;
    }
    tm.tm_gmtoff
}

/// Inverse of `Date::day_number` (Howard Hinnant's civil_from_days).
fn from_day_number(days: i64) -> Date {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153; // March = 0
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = (shifted_month + 2) % 12 + 1;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    Date { year: year as i32, month: month as u32, day: day as u32 }
}

fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// ISO 8601: "2027-03-01".
impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    /// Reads the ISO form a report writes ("2027-03-01").
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let s = String::deserialize(deserializer)?;
        let mut parts = s.splitn(3, '-').map(str::parse::<u32>);
        let date = match (parts.next(), parts.next(), parts.next()) {
            (Some(Ok(y)), Some(Ok(m)), Some(Ok(d))) => Date::new(y as i32, m, d),
            _ => None,
        };
        date.ok_or_else(|| serde::de::Error::custom(format!("not a date: {s}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u32, day: u32) -> Date {
        Date::new(year, month, day).unwrap()
    }

    #[test]
    fn validates_dates() {
        assert!(Date::new(2027, 2, 28).is_some());
        assert!(Date::new(2027, 2, 29).is_none());
        assert!(Date::new(2028, 2, 29).is_some());
        assert!(Date::new(2100, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2027, 2, 31).is_none());
        assert!(Date::new(2027, 4, 31).is_none());
        assert!(Date::new(2027, 13, 1).is_none());
        assert!(Date::new(2027, 0, 1).is_none());
        assert!(Date::new(2027, 1, 0).is_none());
    }

    #[test]
    fn days_in_month() {
        assert_eq!(Date::days_in_month(2027, 1), 31);
        assert_eq!(Date::days_in_month(2027, 2), 28);
        assert_eq!(Date::days_in_month(2028, 2), 29);
        assert_eq!(Date::days_in_month(2027, 4), 30);
        assert_eq!(Date::days_in_month(2027, 12), 31);
        assert_eq!(Date::days_in_month(2027, 13), 0);
    }

    #[test]
    fn add_days() {
        assert_eq!(d(2027, 3, 1).add_days(14), d(2027, 3, 15));
        assert_eq!(d(2027, 2, 28).add_days(1), d(2027, 3, 1));
        assert_eq!(d(2028, 2, 28).add_days(1), d(2028, 2, 29));
        assert_eq!(d(2026, 12, 31).add_days(1), d(2027, 1, 1));
        assert_eq!(d(2027, 1, 1).add_days(-1), d(2026, 12, 31));
        assert_eq!(d(2027, 1, 1).add_days(365), d(2028, 1, 1));
        assert_eq!(d(2028, 1, 1).add_days(366), d(2029, 1, 1));
        assert_eq!(d(1970, 1, 1).add_days(0), d(1970, 1, 1));
        assert_eq!(d(2000, 3, 1).add_days(-1), d(2000, 2, 29));
    }

    #[test]
    fn day_numbers_round_trip_across_centuries() {
        let mut date = d(1899, 12, 25);
        for _ in 0..80_000 {
            let next = date.add_days(1);
            assert!(next > date);
            assert_eq!(next.add_days(-1), date);
            date = next;
        }
        assert_eq!(date, d(2119, 1, 6));
    }

    #[test]
    fn add_months_clamps_to_month_end() {
        assert_eq!(d(2027, 1, 31).add_months(1), d(2027, 2, 28));
        assert_eq!(d(2028, 1, 31).add_months(1), d(2028, 2, 29));
        assert_eq!(d(2027, 3, 31).add_months(1), d(2027, 4, 30));
        assert_eq!(d(2028, 2, 29).add_months(12), d(2029, 2, 28));
        assert_eq!(d(2028, 2, 29).add_months(48), d(2032, 2, 29));
    }

    #[test]
    fn add_months_rolls_over_years() {
        assert_eq!(d(2026, 12, 15).add_months(1), d(2027, 1, 15));
        assert_eq!(d(2026, 11, 1).add_months(3), d(2027, 2, 1));
        assert_eq!(d(2027, 1, 15).add_months(-1), d(2026, 12, 15));
        assert_eq!(d(2027, 3, 1).add_months(-15), d(2025, 12, 1));
        assert_eq!(d(2027, 3, 1).add_months(24), d(2029, 3, 1));
        assert_eq!(d(2027, 3, 1).add_months(0), d(2027, 3, 1));
    }

    #[test]
    fn month_start_and_end() {
        assert_eq!(d(2026, 12, 31).first_of_next_month(), d(2027, 1, 1));
        assert_eq!(d(2027, 1, 31).first_of_next_month(), d(2027, 2, 1));
        assert_eq!(d(2027, 3, 1).first_of_next_month(), d(2027, 4, 1));
        assert_eq!(d(2028, 2, 3).last_of_month(), d(2028, 2, 29));
        assert_eq!(d(2027, 2, 3).last_of_month(), d(2027, 2, 28));
        assert_eq!(d(2027, 12, 1).last_of_month(), d(2027, 12, 31));
    }

    #[test]
    fn formats() {
        assert_eq!(d(2027, 3, 1).norwegian(), "01.03.2027");
        assert_eq!(d(2027, 12, 31).norwegian(), "31.12.2027");
        assert_eq!(d(2027, 3, 1).to_string(), "2027-03-01");
        assert_eq!(serde_json::to_string(&d(2027, 3, 1)).unwrap(), "\"2027-03-01\"");
    }

    #[test]
    fn parses_norwegian_input() {
        assert_eq!(Date::parse_norwegian("01.03.2027"), Some(d(2027, 3, 1)));
        assert_eq!(Date::parse_norwegian("1.3.2027"), Some(d(2027, 3, 1)));
        assert_eq!(Date::parse_norwegian(" 29.02.2028 "), Some(d(2028, 2, 29)));
        for bad in [
            "",
            "29.02.2027",
            "31.04.2027",
            "1.3",
            "1.3.27",
            "01.03.2027.",
            "2027-03-01",
            "a.3.2027",
            "001.03.2027",
            "1.13.2027",
            "+1.3.2027",
            "1. mars 2027",
        ] {
            assert_eq!(Date::parse_norwegian(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn parses_iso_and_norwegian_input() {
        assert_eq!(Date::parse("2027-03-01"), Some(d(2027, 3, 1)));
        assert_eq!(Date::parse(" 2028-02-29 "), Some(d(2028, 2, 29)));
        assert_eq!(Date::parse("1.3.2027"), Some(d(2027, 3, 1)));
        for bad in ["2027-02-29", "2027-3-1", "27-03-01", "2027-03-01-01", "2027-13-01", "2027/03/01", "-2027-03-01"] {
            assert_eq!(Date::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn orders_chronologically() {
        assert!(d(2026, 12, 31) < d(2027, 1, 1));
        assert!(d(2027, 2, 1) < d(2027, 2, 2));
        assert!(d(2027, 1, 31) < d(2027, 2, 1));
    }
}
