//! Finds durations, money amounts and dates in contract text written in
//! bokmål, nynorsk or English.
//!
//! Input is expected to be normalized: NFKC, single ASCII spaces, every dash
//! as ASCII '-', straight quotes. Case is not folded, so matching ignores case
//! (except for currency codes such as "NOK": "nok" is a common Norwegian word).
//!
//! The regexes never use `\b`: a Unicode word boundary forces the regex
//! crate's slowest engine. Boundaries are written as `(?:^|[^\w])` and the
//! right-hand side is checked by hand.

use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

use regex::{Captures, Regex, RegexBuilder};
use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::date::Date;

/// The unit of a duration, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Days (also working days).
    Day,
    /// Weeks.
    Week,
    /// Months (also calendar months).
    Month,
    /// Years.
    Year,
}

impl Unit {
    fn name(self) -> &'static str {
        match self {
            Unit::Day => "day",
            Unit::Week => "week",
            Unit::Month => "month",
            Unit::Year => "year",
        }
    }
}

/// A duration as written: "tre (3) måneder" is 3 months, not 90 days.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Duration {
    /// The number (1.5 for "halvannet").
    pub value: f64,
    /// The unit.
    pub unit: Unit,
}

/// A money amount.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    /// The number.
    pub value: f64,
    /// ISO 4217 code; "kr" and ",-" are NOK.
    pub currency: &'static str,
}

/// A value found in a text, with the byte range of the whole expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Found<T> {
    /// The value.
    pub value: T,
    /// Byte offset where the expression starts.
    pub start: usize,
    /// Byte offset after it.
    pub end: usize,
}

const CURRENCY_CODES: [&str; 6] = ["NOK", "EUR", "USD", "SEK", "DKK", "GBP"];

impl Duration {
    /// Parses the compact notation "6 month", "1.5 year" or "6 months".
    pub fn parse(s: &str) -> Option<Duration> {
        let (value, unit) = s.trim().split_once(' ')?;
        let unit = unit.trim();
        let unit = match unit.strip_suffix('s').unwrap_or(unit) {
            "day" => Unit::Day,
            "week" => Unit::Week,
            "month" => Unit::Month,
            "year" => Unit::Year,
            _ => return None,
        };
        let value = parse_plain_number(value)?;
        Some(Duration { value, unit })
    }
}

impl Amount {
    /// Parses the compact notation "50000 NOK".
    pub fn parse(s: &str) -> Option<Amount> {
        let (value, code) = s.trim().split_once(' ')?;
        let currency = CURRENCY_CODES.into_iter().find(|c| *c == code.trim())?;
        let value = parse_plain_number(value)?;
        Some(Amount { value, currency })
    }
}

fn parse_plain_number(s: &str) -> Option<f64> {
    let value: f64 = s.parse().ok()?;
    (value.is_finite() && value >= 0.0).then_some(value)
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.value, self.unit.name())
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.value, self.currency)
    }
}

/// Serializes whole numbers as JSON integers (3, not 3.0).
struct JsonNumber(f64);

impl Serialize for JsonNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.fract() == 0.0 && self.0.abs() < 9e15 {
            serializer.serialize_i64(self.0 as i64)
        } else {
            serializer.serialize_f64(self.0)
        }
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Duration", 2)?;
        s.serialize_field("value", &JsonNumber(self.value))?;
        s.serialize_field("unit", &self.unit)?;
        s.end()
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Amount", 2)?;
        s.serialize_field("value", &JsonNumber(self.value))?;
        s.serialize_field("currency", self.currency)?;
        s.end()
    }
}

// ---------------------------------------------------------------- durations

static PAY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^'?\s*(?:(?:brutto|netto|fast|grunn|base|basic|gross)\s*)?(?:lønn|løn|salary|salaries|pay|wages)")
        .expect("valid regex")
});

/// Number words in bokmål, nynorsk and English, lowercase.
static NUMBER_WORDS: LazyLock<HashMap<String, f64>> = LazyLock::new(|| {
    let mut words: HashMap<String, f64> = HashMap::new();
    let norwegian_ones = [
        ("en", 1.0),
        ("én", 1.0),
        ("ett", 1.0),
        ("et", 1.0),
        ("ein", 1.0),
        ("éin", 1.0),
        ("eitt", 1.0),
        ("eit", 1.0),
        ("ei", 1.0),
        ("to", 2.0),
        ("tre", 3.0),
        ("fire", 4.0),
        ("fem", 5.0),
        ("seks", 6.0),
        ("sju", 7.0),
        ("syv", 7.0),
        ("åtte", 8.0),
        ("ni", 9.0),
    ];
    let norwegian_teens = [
        ("ti", 10.0),
        ("elleve", 11.0),
        ("tolv", 12.0),
        ("tretten", 13.0),
        ("fjorten", 14.0),
        ("femten", 15.0),
        ("seksten", 16.0),
        ("sytten", 17.0),
        ("atten", 18.0),
        ("nitten", 19.0),
    ];
    let norwegian_tens = [
        ("tjue", 20.0),
        ("tyve", 20.0),
        ("tretti", 30.0),
        ("tredve", 30.0),
        ("førti", 40.0),
        ("femti", 50.0),
        ("seksti", 60.0),
    ];
    let english_ones = [
        ("one", 1.0),
        ("two", 2.0),
        ("three", 3.0),
        ("four", 4.0),
        ("five", 5.0),
        ("six", 6.0),
        ("seven", 7.0),
        ("eight", 8.0),
        ("nine", 9.0),
    ];
    let english_teens = [
        ("ten", 10.0),
        ("eleven", 11.0),
        ("twelve", 12.0),
        ("thirteen", 13.0),
        ("fourteen", 14.0),
        ("fifteen", 15.0),
        ("sixteen", 16.0),
        ("seventeen", 17.0),
        ("eighteen", 18.0),
        ("nineteen", 19.0),
    ];
    let english_tens = [("twenty", 20.0), ("thirty", 30.0), ("forty", 40.0), ("fifty", 50.0), ("sixty", 60.0)];
    let halves = [
        ("halvannet", 1.5),
        ("halvannen", 1.5),
        ("halvanna", 1.5),
        ("halvannan", 1.5),
        ("et halvt", 0.5),
        ("ett halvt", 0.5),
        ("eit halvt", 0.5),
        ("eitt halvt", 0.5),
        ("en halv", 0.5),
        ("ein halv", 0.5),
        ("ei halv", 0.5),
        ("half a", 0.5),
    ];
    for (word, value) in norwegian_ones
        .iter()
        .chain(&norwegian_teens)
        .chain(&norwegian_tens)
        .chain(&english_ones)
        .chain(&english_teens)
        .chain(&english_tens)
        .chain(&halves)
    {
        words.insert(word.to_string(), *value);
    }
    // Articles ("et", "ei") are not used inside compounds such as "tjueen".
    let compound_ones = norwegian_ones.iter().filter(|(w, _)| !matches!(*w, "et" | "ei" | "eit" | "én"));
    for (ten, ten_value) in norwegian_tens {
        for (one, one_value) in compound_ones.clone() {
            words.insert(format!("{ten}{one}"), ten_value + one_value);
        }
    }
    for (ten, ten_value) in english_tens {
        for (one, one_value) in english_ones {
            words.insert(format!("{ten}-{one}"), ten_value + one_value);
            words.insert(format!("{ten} {one}"), ten_value + one_value);
        }
    }
    words
});

/// Unit words, lowercase. Genitives ("måneders", "month's") are listed because
/// they are how durations modify nouns ("tre måneders oppsigelsesfrist").
const UNITS: &[(&str, Unit)] = &[
    ("dag", Unit::Day),
    ("dags", Unit::Day),
    ("dager", Unit::Day),
    ("dagers", Unit::Day),
    ("dagene", Unit::Day),
    ("dagar", Unit::Day),
    ("dagars", Unit::Day),
    ("dagane", Unit::Day),
    ("døgn", Unit::Day),
    ("døgns", Unit::Day),
    ("virkedag", Unit::Day),
    ("virkedager", Unit::Day),
    ("virkedagers", Unit::Day),
    ("virkedagar", Unit::Day),
    ("arbeidsdag", Unit::Day),
    ("arbeidsdager", Unit::Day),
    ("arbeidsdagers", Unit::Day),
    ("arbeidsdagar", Unit::Day),
    ("kalenderdager", Unit::Day),
    ("kalenderdagar", Unit::Day),
    ("day", Unit::Day),
    ("days", Unit::Day),
    ("day's", Unit::Day),
    ("days'", Unit::Day),
    ("working day", Unit::Day),
    ("working days", Unit::Day),
    ("working days'", Unit::Day),
    ("business day", Unit::Day),
    ("business days", Unit::Day),
    ("business days'", Unit::Day),
    ("calendar day", Unit::Day),
    ("calendar days", Unit::Day),
    ("uke", Unit::Week),
    ("ukes", Unit::Week),
    ("uker", Unit::Week),
    ("ukers", Unit::Week),
    ("ukene", Unit::Week),
    ("veke", Unit::Week),
    ("vekes", Unit::Week),
    ("veker", Unit::Week),
    ("vekers", Unit::Week),
    ("vekene", Unit::Week),
    ("week", Unit::Week),
    ("weeks", Unit::Week),
    ("week's", Unit::Week),
    ("weeks'", Unit::Week),
    ("måned", Unit::Month),
    ("måneds", Unit::Month),
    ("måneder", Unit::Month),
    ("måneders", Unit::Month),
    ("månedene", Unit::Month),
    ("mnd", Unit::Month),
    ("mnd.", Unit::Month),
    ("mndr", Unit::Month),
    ("mndr.", Unit::Month),
    ("md", Unit::Month),
    ("md.", Unit::Month),
    ("månad", Unit::Month),
    ("månads", Unit::Month),
    ("månader", Unit::Month),
    ("månaders", Unit::Month),
    ("månadene", Unit::Month),
    ("kalendermåned", Unit::Month),
    ("kalendermåneder", Unit::Month),
    ("kalendermåneders", Unit::Month),
    ("kalendermånad", Unit::Month),
    ("kalendermånader", Unit::Month),
    ("month", Unit::Month),
    ("months", Unit::Month),
    ("month's", Unit::Month),
    ("months'", Unit::Month),
    ("calendar month", Unit::Month),
    ("calendar months", Unit::Month),
    ("calendar month's", Unit::Month),
    ("calendar months'", Unit::Month),
    ("år", Unit::Year),
    ("års", Unit::Year),
    ("årene", Unit::Year),
    ("åra", Unit::Year),
    ("year", Unit::Year),
    ("years", Unit::Year),
    ("year's", Unit::Year),
    ("years'", Unit::Year),
];

/// A count (digits, a number word, or both: "tre (3)", "3 -tre-", "en - 1 -"),
/// an optional half ("to og en halv", "six and a half"), an optional joint
/// (space and/or hyphen: "6-måneders") and a unit. `tail` captures letters glued
/// to the unit so that compounds can be accepted or rejected by hand.
/// Compiles a value pattern with the Latin word class the clause patterns use (Unicode `\w`
/// makes much larger automata) and room for the lazy DFA of a long alternation.
fn compile(pattern: &str) -> Regex {
    RegexBuilder::new(&crate::patterns::latin_words(pattern))
        .dfa_size_limit(16 << 20)
        .build()
        .expect("valid value pattern")
}

static DURATION_RE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = r"(?i)(?:^|[^\w])(?P<expr>(?:(?P<digits>NUM)(?: ?[(-] ?(?:WORDS) ?[)-])?|(?P<word>WORDS)(?: ?[(-] ?(?P<wdigits>NUM) ?[)-])?)(?P<half> og (?:en|ei|et|ett|ein|eit) halvt?| and a half)?(?P<joint> ?-? ?)(?P<unit>UNITS)(?P<tail>\w*))"
        .replace("NUM", r"\d+(?:[.,]\d{1,2})?")
        .replace("WORDS", &alternation(NUMBER_WORDS.keys().map(String::as_str)))
        .replace("UNITS", &alternation(UNITS.iter().map(|(form, _)| *form)));
    compile(&pattern)
});

/// All durations in `text`, in text order and non-overlapping.
pub fn durations(text: &str) -> Vec<Found<Duration>> {
    find_all(&DURATION_RE, text, duration_at)
}

fn duration_at(text: &str, caps: &Captures) -> Option<Found<Duration>> {
    let expr = caps.name("expr")?;
    let joint = caps.name("joint").map_or("", |m| m.as_str());
    let tail = caps.name("tail")?;
    // Letters glued to the unit are only a compound after a hyphen
    // ("6-månedersperioden"); otherwise it is another word ("månedslønn").
    if !tail.is_empty() && !joint.contains('-') {
        return None;
    }
    let count = match caps.name("digits").or(caps.name("wdigits")) {
        Some(digits) => {
            if caps.name("digits").is_some() && !starts_number(text, expr.start()) {
                return None;
            }
            digits.as_str().replace(',', ".").parse().ok()?
        }
        None => {
            // A glued number word is usually part of another word.
            if joint.is_empty() {
                return None;
            }
            *NUMBER_WORDS.get(&caps.name("word")?.as_str().to_lowercase())?
        }
    };
    let half = if caps.name("half").is_some() { 0.5 } else { 0.0 };
    let unit_text = caps.name("unit")?.as_str().to_lowercase();
    let unit = UNITS.iter().find(|(form, _)| *form == unit_text)?.1;
    // "tre måneders lønn", "three months' base salary": a sum of money measured in pay,
    // not a period.
    if PAY_AFTER.is_match(&text[tail.end()..]) {
        return None;
    }
    Some(Found { value: Duration { value: count + half, unit }, start: expr.start(), end: tail.end() })
}

// ---------------------------------------------------------------- amounts

/// A currency marker. `scale` covers markers that include a multiplier ("MNOK").
struct Currency {
    token: &'static str,
    code: &'static str,
    scale: f64,
}

const fn currency(token: &'static str, code: &'static str, scale: f64) -> Currency {
    Currency { token, code, scale }
}

/// Markers written before the number ("kr 50 000", "€5,000").
const PREFIXES: &[Currency] = &[
    currency("MNOK", "NOK", 1e6),
    currency("TNOK", "NOK", 1e3),
    currency("NOK", "NOK", 1.0),
    currency("kr.", "NOK", 1.0),
    currency("kr", "NOK", 1.0),
    currency("EUR", "EUR", 1.0),
    currency("€", "EUR", 1.0),
    currency("USD", "USD", 1.0),
    currency("$", "USD", 1.0),
    currency("SEK", "SEK", 1.0),
    currency("DKK", "DKK", 1.0),
    currency("GBP", "GBP", 1.0),
    currency("£", "GBP", 1.0),
];

/// Markers written after the number ("50 000 kroner", "1,2 MNOK").
const SUFFIXES: &[Currency] = &[
    currency("MNOK", "NOK", 1e6),
    currency("NOK", "NOK", 1.0),
    currency("svenske kroner", "SEK", 1.0),
    currency("danske kroner", "DKK", 1.0),
    currency("kroner", "NOK", 1.0),
    currency("krone", "NOK", 1.0),
    currency("kr", "NOK", 1.0),
    currency("EUR", "EUR", 1.0),
    currency("euro", "EUR", 1.0),
    currency("USD", "USD", 1.0),
    currency("SEK", "SEK", 1.0),
    currency("DKK", "DKK", 1.0),
    currency("GBP", "GBP", 1.0),
];

const MULTIPLIERS: &[(&str, f64)] = &[
    ("milliarder", 1e9),
    ("millioner", 1e6),
    ("million", 1e6),
    ("mill.", 1e6),
    ("mill", 1e6),
    ("mrd.", 1e9),
    ("mrd", 1e9),
    ("billion", 1e9),
    ("tusen", 1e3),
    ("thousand", 1e3),
];

/// All money amounts in `text`, in text order and non-overlapping. A number
/// counts only with a currency marker next to it (or the Norwegian ",-").
pub fn amounts(text: &str) -> Vec<Found<Amount>> {
    let mut found: Vec<Found<Amount>> = Vec::new();
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        if !(c.is_ascii_digit() && starts_number(text, i)) {
            i += c.len_utf8();
            continue;
        }
        let (number_end, number) = scan_number(text, i);
        let free_from = found.last().map_or(0, |f| f.end);
        match amount_at(text, free_from, i, number_end, number) {
            Some(amount) => {
                i = amount.end;
                found.push(amount);
            }
            None => i = number_end,
        }
    }
    found
}

/// Builds an amount around the number at `start..end`, looking for a currency
/// marker before it (not before `free_from`) or after it.
fn amount_at(text: &str, free_from: usize, start: usize, mut end: usize, number: f64) -> Option<Found<Amount>> {
    let prefix =
        PREFIXES.iter().find_map(|c| token_before(&text[free_from..start], c.token).map(|at| (free_from + at, c)));
    let mut value = number;
    if let Some((len, scale)) =
        MULTIPLIERS.iter().find_map(|(token, scale)| token_after(&text[end..], token).map(|len| (len, scale)))
    {
        value *= scale;
        end += len;
    }
    let dash = text[end..].starts_with(",-");
    if dash {
        end += 2;
    }
    let currency = match prefix {
        Some((_, c)) => Some(c),
        None => SUFFIXES.iter().find_map(|c| {
            token_after(&text[end..], c.token).map(|len| {
                end += len;
                c
            })
        }),
    };
    let (code, scale) = match currency {
        Some(c) => (c.code, c.scale),
        None if dash => ("NOK", 1.0),
        None => return None,
    };
    Some(Found {
        value: Amount { value: (value * scale * 100.0).round() / 100.0, currency: code },
        start: prefix.map_or(start, |(at, _)| at),
        end,
    })
}

/// Reads a number at `i`: digits with optional thousands groups ("50 000",
/// "50.000", "50,000") and up to two decimals ("1,5", "50.000,00", "50,000.00").
/// A separator followed by exactly three digits groups thousands.
fn scan_number(text: &str, i: usize) -> (usize, f64) {
    let bytes = text.as_bytes();
    let digits_at = |j: usize| bytes.get(j..).map_or(0, |rest| rest.iter().take_while(|b| b.is_ascii_digit()).count());
    let mut end = i + digits_at(i);
    let mut plain = text[i..end].to_string();
    let mut group_separator = None;
    if end - i <= 3 {
        while let Some(&sep) = bytes.get(end) {
            if !matches!(sep, b' ' | b'.' | b',')
                || group_separator.is_some_and(|g| g != sep)
                || digits_at(end + 1) != 3
            {
                break;
            }
            group_separator = Some(sep);
            plain.push_str(&text[end + 1..end + 4]);
            end += 4;
        }
    }
    if let Some(&sep) = bytes.get(end) {
        let decimals = digits_at(end + 1);
        if matches!(sep, b'.' | b',') && group_separator != Some(sep) && (1..=2).contains(&decimals) {
            plain.push('.');
            plain.push_str(&text[end + 1..end + 1 + decimals]);
            end += 1 + decimals;
        }
    }
    (end, plain.parse().expect("ASCII digits with one '.'"))
}

/// Upper-case tokens ("NOK") must match exactly; others ignore ASCII case ("Kr").
fn same_token(candidate: &str, token: &str) -> bool {
    if token.bytes().all(|b| b.is_ascii_uppercase()) {
        candidate == token
    } else {
        candidate.eq_ignore_ascii_case(token)
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Length of `token` at the start of `s` (after one optional space), when it
/// is not glued to a following word.
fn token_after(s: &str, token: &str) -> Option<usize> {
    let start = usize::from(s.starts_with(' '));
    let end = start + token.len();
    let glued = token.ends_with(is_word_char) && s.get(end..)?.starts_with(is_word_char);
    (same_token(s.get(start..end)?, token) && !glued).then_some(end)
}

/// Start of `token` at the end of `s` (before one optional space), when it is
/// not glued to a preceding word.
fn token_before(s: &str, token: &str) -> Option<usize> {
    let s = s.strip_suffix(' ').unwrap_or(s);
    let start = s.len().checked_sub(token.len())?;
    let glued = token.starts_with(is_word_char) && s.get(..start)?.ends_with(is_word_char);
    (same_token(s.get(start..)?, token) && !glued).then_some(start)
}

// ---------------------------------------------------------------- dates

const MONTHS: &[(&str, u32)] = &[
    ("januar", 1),
    ("january", 1),
    ("jan", 1),
    ("februar", 2),
    ("february", 2),
    ("feb", 2),
    ("mars", 3),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("mai", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("desember", 12),
    ("december", 12),
    ("des", 12),
    ("dec", 12),
];

/// Numeric day-first dates ("01.03.2027", "1.3.27", "1/3-27", "1/3/2027"),
/// ISO ("2027-03-01"), day-month-year with a month name ("1. mars 2027",
/// "1st of March 2027") and English month-first ("March 1st, 2027"). Month-name
/// forms need a four-digit year, so "1. mars" alone is not a date.
static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = r"(?i)(?:^|[^\w])(?P<expr>(?P<nd>\d{1,2})\.(?P<nm>\d{1,2})\.(?P<ny>\d{4}|\d{2})|(?P<sd>\d{1,2})/(?P<sm>\d{1,2})[-/](?P<sy>\d{4}|\d{2})|(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})|(?P<td>\d{1,2})(?:\.|st|nd|rd|th)? ?(?:of )?(?P<tm>MONTHS)\.?,? (?P<ty>\d{4})|(?P<em>MONTHS)\.? (?P<ed>\d{1,2})(?:st|nd|rd|th)?,? (?P<ey>\d{4}))"
        .replace("MONTHS", &alternation(MONTHS.iter().map(|(name, _)| *name)));
    compile(&pattern)
});

/// The number (1 to 12) of a month name or abbreviation in bokmål, nynorsk or English,
/// in any case ("mars", "Sept", "desember").
pub fn month_number(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == name).map(|(_, n)| *n)
}

/// All valid dates in `text`, in text order and non-overlapping.
pub fn dates(text: &str) -> Vec<Found<Date>> {
    find_all(&DATE_RE, text, date_at)
}

fn date_at(text: &str, caps: &Captures) -> Option<Found<Date>> {
    let expr = caps.name("expr")?;
    let group = |name: &str| caps.name(name).map(|m| m.as_str());
    let number = |name: &str| group(name)?.parse::<u32>().ok();
    let month_name = |name: &str| {
        let name = group(name)?.to_lowercase();
        MONTHS.iter().find(|(m, _)| *m == name).map(|(_, n)| *n)
    };
    let (year, month, day) = if group("nd").is_some() {
        (group("ny")?, number("nm")?, number("nd")?)
    } else if group("sd").is_some() {
        (group("sy")?, number("sm")?, number("sd")?)
    } else if group("iy").is_some() {
        (group("iy")?, number("im")?, number("id")?)
    } else if group("td").is_some() {
        (group("ty")?, month_name("tm")?, number("td")?)
    } else {
        (group("ey")?, month_name("em")?, number("ed")?)
    };
    if expr.as_str().starts_with(|c: char| c.is_ascii_digit()) && !starts_number(text, expr.start()) {
        return None;
    }
    if !ends_number(text, expr.end()) {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    // Two-digit years: 00-69 are 2000-2069, 70-99 are 1970-1999.
    let year = match (year, group("ny").or(group("sy")).map(str::len)) {
        (0..=69, Some(2)) => 2000 + year,
        (70..=99, Some(2)) => 1900 + year,
        _ => year,
    };
    Some(Found { value: Date::new(year, month, day)?, start: expr.start(), end: expr.end() })
}

// ---------------------------------------------------------------- shared

/// Runs `re` over `text` and keeps the matches `accept` turns into values. A
/// rejected match is retried one character later, so a valid expression that
/// starts inside it is still found.
fn find_all<T>(re: &Regex, text: &str, accept: impl Fn(&str, &Captures) -> Option<Found<T>>) -> Vec<Found<T>> {
    let mut found = Vec::new();
    let mut pos = 0;
    while let Some(caps) = re.captures_at(text, pos) {
        let whole = caps.get_match();
        match accept(text, &caps) {
            Some(f) => {
                pos = f.end;
                found.push(f);
            }
            None => pos = whole.start() + text[whole.start()..].chars().next().map_or(1, char::len_utf8),
        }
    }
    found
}

/// Regex alternation of literal strings, longest first, so that leftmost-first
/// matching prefers "måneder" over "måned".
fn alternation<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let mut items: Vec<&str> = items.collect();
    items.sort_by_key(|s| std::cmp::Reverse(s.len()));
    items.iter().map(|s| regex::escape(s)).collect::<Vec<_>>().join("|")
}

/// True unless the digit at `i` continues a word or a bigger number
/// ("15.000", "1,5", "1/2").
fn starts_number(text: &str, i: usize) -> bool {
    let mut before = text[..i].chars().rev();
    match before.next() {
        None => true,
        Some('.' | ',') => !before.next().is_some_and(|c| c.is_ascii_digit()),
        Some('/') => false,
        Some(c) => !is_word_char(c),
    }
}

/// True unless the number ending at `i` runs on into a word or another number.
fn ends_number(text: &str, i: usize) -> bool {
    let mut after = text[i..].chars();
    match after.next() {
        None => true,
        Some('.' | ',' | '/') => !after.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) => !is_word_char(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn durs(text: &str) -> Vec<String> {
        durations(text).iter().map(|f| f.value.to_string()).collect()
    }

    fn amts(text: &str) -> Vec<String> {
        amounts(text).iter().map(|f| f.value.to_string()).collect()
    }

    fn dats(text: &str) -> Vec<String> {
        dates(text).iter().map(|f| f.value.to_string()).collect()
    }

    fn spans<T>(found: &[Found<T>], text: &str) -> Vec<String> {
        found.iter().map(|f| text[f.start..f.end].to_string()).collect()
    }

    fn assert_each<F: Fn(&str) -> Vec<String>>(f: F, cases: &[(&str, &str)]) {
        for (text, expected) in cases {
            assert_eq!(f(text), [expected.to_string()], "{text:?}");
        }
    }

    fn assert_none<F: Fn(&str) -> Vec<String>>(f: F, texts: &[&str]) {
        for text in texts {
            assert_eq!(f(text), Vec::<String>::new(), "{text:?}");
        }
    }

    // ---- durations

    #[test]
    fn durations_with_digits() {
        assert_each(
            durs,
            &[
                ("14 dager", "14 day"),
                ("2 uker", "2 week"),
                ("1 mnd", "1 month"),
                ("1 mnd.", "1 month"),
                ("3 md.", "3 month"),
                ("3 måneder", "3 month"),
                ("24 mnd", "24 month"),
                ("1 år", "1 year"),
                ("2 år", "2 year"),
                ("6mnd", "6 month"),
                ("5 døgn", "5 day"),
                ("3 Måneder", "3 month"),
                ("3 MÅNEDER", "3 month"),
            ],
        );
    }

    #[test]
    fn durations_nynorsk() {
        assert_each(
            durs,
            &[
                ("14 dagar", "14 day"),
                ("2 veker", "2 week"),
                ("3 månader", "3 month"),
                ("1 månad", "1 month"),
                ("eitt år", "1 year"),
                ("eit år", "1 year"),
                ("ei veke", "1 week"),
                ("ein månad", "1 month"),
                ("seks månader", "6 month"),
                ("2 vekers frist", "2 week"),
                ("dei siste 12 månadene", "12 month"),
            ],
        );
    }

    #[test]
    fn durations_english() {
        assert_each(
            durs,
            &[
                ("3 months", "3 month"),
                ("one (1) month's notice", "1 month"),
                ("3 months' notice", "3 month"),
                ("twelve (12) months", "12 month"),
                ("fourteen (14) days", "14 day"),
                ("twenty-four months", "24 month"),
                ("twenty four months", "24 month"),
                ("thirty-six months", "36 month"),
                ("forty-eight months", "48 month"),
                ("sixty days", "60 day"),
                ("thirty days", "30 day"),
                ("one year", "1 year"),
                ("two weeks", "2 week"),
                ("five (5) working days", "5 day"),
                ("10 business days", "10 day"),
                ("one calendar month", "1 month"),
                ("3 calendar months", "3 month"),
                ("One Month", "1 month"),
            ],
        );
    }

    #[test]
    fn durations_bokmal_number_words() {
        let cases = [
            ("en", 1),
            ("én", 1),
            ("to", 2),
            ("tre", 3),
            ("fire", 4),
            ("fem", 5),
            ("seks", 6),
            ("sju", 7),
            ("syv", 7),
            ("åtte", 8),
            ("ni", 9),
            ("ti", 10),
            ("elleve", 11),
            ("tolv", 12),
            ("tretten", 13),
            ("fjorten", 14),
            ("femten", 15),
            ("seksten", 16),
            ("sytten", 17),
            ("atten", 18),
            ("nitten", 19),
            ("tjue", 20),
            ("tyve", 20),
            ("tjueen", 21),
            ("tjueto", 22),
            ("tjuetre", 23),
            ("tjuefire", 24),
            ("tretti", 30),
            ("trettiseks", 36),
            ("førti", 40),
            ("førtiåtte", 48),
            ("femti", 50),
            ("seksti", 60),
        ];
        for (word, n) in cases {
            assert_eq!(durs(&format!("{word} måneder")), [format!("{n} month")], "{word}");
        }
        assert_each(
            durs,
            &[
                ("Ett år", "1 year"),
                ("et år", "1 year"),
                ("to år", "2 year"),
                ("en måned", "1 month"),
                ("Én måned", "1 month"),
                ("fjorten dager", "14 day"),
                ("tolv mnd", "12 month"),
            ],
        );
    }

    #[test]
    fn durations_doubled_forms() {
        assert_each(
            durs,
            &[
                ("tre (3) måneder", "3 month"),
                ("3 (tre) måneder", "3 month"),
                ("1 - en - måned", "1 month"),
                ("1 - én - måned", "1 month"),
                ("3 -tre- måneders", "3 month"),
                ("6 - seks - måneders", "6 month"),
                ("en - 1 - måned", "1 month"),
                ("fjorten (14) dager", "14 day"),
                ("seks (6) månader", "6 month"),
                ("3 (three) months", "3 month"),
            ],
        );
        // The digits win when the two disagree.
        assert_eq!(durs("tre (4) måneder"), ["4 month"]);
    }

    #[test]
    fn pay_measured_in_months_is_not_a_duration() {
        for text in [
            "en konvensjonalbot tilsvarende tre måneders lønn",
            "6 måneders bruttolønn",
            "three (3) months' base salary",
            "one month's salary",
        ] {
            assert!(durs(text).is_empty(), "{text}: {:?}", durs(text));
        }
        assert_eq!(durs("Oppseiingsfristen er éin månad for begge partar."), ["1 month"]);
        assert_eq!(durs("tre måneders oppsigelsesfrist og lønn i oppsigelsestiden"), ["3 month"]);
    }

    #[test]
    fn durations_genitives_and_compounds() {
        assert_each(
            durs,
            &[
                ("tre måneders oppsigelsesfrist", "3 month"),
                ("6-måneders prøvetid", "6 month"),
                ("6-månedersperioden", "6 month"),
                ("14 dagers frist", "14 day"),
                ("14-dagers", "14 day"),
                ("twelve-month", "12 month"),
                ("a 12-month period", "12 month"),
                ("2-årig bindingstid", "2 year"),
                ("ett års binding", "1 year"),
                ("tre ukers ferie", "3 week"),
            ],
        );
        let text = "i 6-månedersperioden";
        assert_eq!(spans(&durations(text), text), ["6-månedersperioden"]);
    }

    #[test]
    fn durations_halves() {
        assert_each(
            durs,
            &[
                ("1,5 år", "1.5 year"),
                ("1.5 years", "1.5 year"),
                ("et halvt år", "0.5 year"),
                ("eit halvt år", "0.5 year"),
                ("half a year", "0.5 year"),
                ("halvannet år", "1.5 year"),
                ("halvanna år", "1.5 year"),
                ("one and a half years", "1.5 year"),
                ("six and a half months", "6.5 month"),
                ("to og et halvt år", "2.5 year"),
                ("seks og en halv måned", "6.5 month"),
                ("en halv måned", "0.5 month"),
            ],
        );
    }

    #[test]
    fn durations_in_sentences() {
        assert_eq!(durs("Prøvetid 6 måneder med 14 dagers oppsigelsesfrist."), ["6 month", "14 day"]);
        assert_eq!(
            durs("Etter prøvetiden er gjensidig oppsigelsestid tre (3) måneder, regnet fra den 1. i måneden etter at oppsigelsen fant sted."),
            ["3 month"]
        );
        assert_eq!(
            durs("Partene har avtalt en gjensidig oppsigelsestid på 3 mnd. Denne fristen løper fra den 1. i påfølgende måned"),
            ["3 month"]
        );
        assert_eq!(
            durs("The first six (6) months of employment shall be a probationary period, during which the mutual notice period is fourteen (14) days."),
            ["6 month", "14 day"]
        );
        assert_eq!(durs("Prøvetida skal ikkje vere meir enn seks månader."), ["6 month"]);
        assert_eq!(durs("12 måneder kr 50 000"), ["12 month"]);
        assert_eq!(durs("2 - 3 måneder"), ["3 month"]);
    }

    #[test]
    fn durations_not_found() {
        assert_none(
            durs,
            &[
                "§ 15-3",
                "arbeidsmiljøloven § 15-3 og § 15-6 (4)",
                "kl. 08.00",
                "8 G",
                "100 %",
                "1. mars 2027",
                "fra den 1. i måneden etter",
                "fra den 1. i påfølgende måned",
                "den 1. måned",
                "fra den 1.",
                "kr 50 000",
                "tre",
                "trekk i lønn",
                "i prøvetiden",
                "ingen tid",
                "en månedslønn",
                "én månedslønn",
                "3 månedslønner",
                "to årsverk",
                "per måned",
                "hver måned",
                "tremåneders",
                "snarest mulig",
                "1/2 år",
                "mandag",
                "15.000 dager",
            ],
        );
    }

    #[test]
    fn duration_offsets_with_multibyte_text() {
        let text = "Gjensidig oppsigelsesfrist på én måned, og prøvetid på 6-måneders basis; i prøvetiden 14 dagar.";
        let found = durations(text);
        assert_eq!(spans(&found, text), ["én måned", "6-måneders", "14 dagar"]);
        assert!(found.windows(2).all(|w| w[0].end <= w[1].start));
        let text = "tre (3) måneder";
        assert_eq!(durations(text)[0].start, 0);
        assert_eq!(durations(text)[0].end, text.len());
        let text = "1 mnd.";
        assert_eq!(spans(&durations(text), text), ["1 mnd."]);
        let text = "3 months' notice";
        assert_eq!(spans(&durations(text), text), ["3 months'"]);
    }

    #[test]
    fn duration_compact_notation() {
        assert_eq!(Duration::parse("6 month"), Some(Duration { value: 6.0, unit: Unit::Month }));
        assert_eq!(Duration::parse("6 months"), Some(Duration { value: 6.0, unit: Unit::Month }));
        assert_eq!(Duration::parse("1.5 year"), Some(Duration { value: 1.5, unit: Unit::Year }));
        assert_eq!(Duration::parse("14 days").unwrap().unit, Unit::Day);
        assert_eq!(Duration::parse("2 week").unwrap().unit, Unit::Week);
        for bad in ["", "6", "month", "6 måneder", "x month", "-1 month", "inf year", "6 monthss"] {
            assert_eq!(Duration::parse(bad), None, "{bad:?}");
        }
        for s in ["6 month", "1.5 year", "14 day", "2 week"] {
            assert_eq!(Duration::parse(s).unwrap().to_string(), s);
        }
    }

    #[test]
    fn duration_json() {
        let json = |s: &str| serde_json::to_string(&Duration::parse(s).unwrap()).unwrap();
        assert_eq!(json("3 month"), r#"{"value":3,"unit":"month"}"#);
        assert_eq!(json("1.5 year"), r#"{"value":1.5,"unit":"year"}"#);
        assert_eq!(json("14 day"), r#"{"value":14,"unit":"day"}"#);
        assert_eq!(json("2 week"), r#"{"value":2,"unit":"week"}"#);
    }

    // ---- amounts

    #[test]
    fn amounts_norwegian_kroner() {
        assert_each(
            amts,
            &[
                ("kr 50 000", "50000 NOK"),
                ("kr 50 000,-", "50000 NOK"),
                ("kr. 50.000,-", "50000 NOK"),
                ("kr 50000", "50000 NOK"),
                ("Kr 50000", "50000 NOK"),
                ("NOK 50 000", "50000 NOK"),
                ("NOK 50.000", "50000 NOK"),
                ("NOK 50,000", "50000 NOK"),
                ("50 000 NOK", "50000 NOK"),
                ("50 000 kroner", "50000 NOK"),
                ("50.000,00 kr", "50000 NOK"),
                ("kr 612 500,-", "612500 NOK"),
                ("50 000,-", "50000 NOK"),
                ("kr 2000,- pr. år", "2000 NOK"),
                ("kr 1 000 000", "1000000 NOK"),
                ("kr 50 000,50", "50000.5 NOK"),
                ("NOK 50,000.00", "50000 NOK"),
                ("50 tusen kroner", "50000 NOK"),
            ],
        );
    }

    #[test]
    fn amounts_millions() {
        assert_each(
            amts,
            &[
                ("kr 1,5 mill.", "1500000 NOK"),
                ("1,2 mill. kr", "1200000 NOK"),
                ("NOK 1.2 million", "1200000 NOK"),
                ("2 millioner kroner", "2000000 NOK"),
                ("MNOK 1,2", "1200000 NOK"),
                ("1,2 MNOK", "1200000 NOK"),
            ],
        );
    }

    #[test]
    fn amounts_other_currencies() {
        assert_each(
            amts,
            &[
                ("EUR 5 000", "5000 EUR"),
                ("€5,000", "5000 EUR"),
                ("5 000 euro", "5000 EUR"),
                ("USD 10,000", "10000 USD"),
                ("$10,000", "10000 USD"),
                ("SEK 20 000", "20000 SEK"),
                ("20 000 svenske kroner", "20000 SEK"),
                ("DKK 15.000", "15000 DKK"),
                ("GBP 3,000", "3000 GBP"),
                ("£3,000", "3000 GBP"),
            ],
        );
    }

    #[test]
    fn amounts_in_sentences() {
        assert_eq!(
            amts("Ved fratreden uten å overholde oppsigelsesfristen påløper en dagmulkt på kr 2 000 per arbeidsdag."),
            ["2000 NOK"]
        );
        assert_eq!(amts("12 måneder kr 50 000"), ["50000 NOK"]);
        assert_eq!(
            amts("Signeringsbonus på kr 100 000,- utbetales ved signering, og kr 2000,- trekkes pr. år."),
            ["100000 NOK", "2000 NOK"]
        );
        assert_eq!(amts("konvensjonalbot (f.eks. 250 000 kr per brudd)"), ["250000 NOK"]);
        assert_eq!(amts("Konvensjonalbot: NOK 50 000 per brudd"), ["50000 NOK"]);
        assert_eq!(amts("I 2027 50 000 kr"), ["50000 NOK"]);
    }

    #[test]
    fn amounts_not_found() {
        assert_none(
            amts,
            &[
                "50 000",
                "50.000",
                "tre måneders lønn",
                "3 måneders lønn",
                "én månedslønn",
                "8 G",
                "12 G",
                "100 %",
                "§ 15-3",
                "kl. 08.00",
                "01.03.2027",
                "Det er nok 3 uker",
                "1,5 mill.",
                "Skr 50",
                "50 krav",
            ],
        );
    }

    #[test]
    fn amount_offsets_and_overlap() {
        let text = "Bøter på kr. 50.000,- og 1,2 mill. kr for brudd på §-en.";
        let found = amounts(text);
        assert_eq!(spans(&found, text), ["kr. 50.000,-", "1,2 mill. kr"]);
        // "kr" cannot serve as the suffix of one amount and the prefix of the next.
        let text = "50 kr 30";
        assert_eq!(spans(&amounts(text), text), ["50 kr"]);
        let text = "Bonus: €5,000 og £3,000.";
        assert_eq!(spans(&amounts(text), text), ["€5,000", "£3,000"]);
    }

    #[test]
    fn amount_compact_notation_and_json() {
        let amount = Amount::parse("50000 NOK").unwrap();
        assert_eq!(amount, Amount { value: 50000.0, currency: "NOK" });
        assert_eq!(amount.to_string(), "50000 NOK");
        assert_eq!(serde_json::to_string(&amount).unwrap(), r#"{"value":50000,"currency":"NOK"}"#);
        let half = Amount::parse("1.5 EUR").unwrap();
        assert_eq!(serde_json::to_string(&half).unwrap(), r#"{"value":1.5,"currency":"EUR"}"#);
        for bad in ["", "50000", "NOK", "50000 XYZ", "50000 nok", "x NOK"] {
            assert_eq!(Amount::parse(bad), None, "{bad:?}");
        }
    }

    // ---- dates

    #[test]
    fn dates_numeric() {
        assert_each(
            dats,
            &[
                ("01.03.2027", "2027-03-01"),
                ("1.3.2027", "2027-03-01"),
                ("1.3.27", "2027-03-01"),
                ("01.03.27", "2027-03-01"),
                ("1/3-27", "2027-03-01"),
                ("1/3-2027", "2027-03-01"),
                ("01/03/2027", "2027-03-01"),
                ("2027-03-01", "2027-03-01"),
                ("01.03.69", "2069-03-01"),
                ("01.03.70", "1970-03-01"),
                ("01.03.99", "1999-03-01"),
                ("01.03.00", "2000-03-01"),
                ("29.02.2028", "2028-02-29"),
            ],
        );
    }

    #[test]
    fn dates_with_month_names() {
        assert_each(
            dats,
            &[
                ("1. mars 2027", "2027-03-01"),
                ("1. mars, 2027", "2027-03-01"),
                ("1.mars 2027", "2027-03-01"),
                ("den 1. mars 2027", "2027-03-01"),
                ("1 March 2027", "2027-03-01"),
                ("1st March 2027", "2027-03-01"),
                ("1st of March 2027", "2027-03-01"),
                ("March 1, 2027", "2027-03-01"),
                ("March 1st, 2027", "2027-03-01"),
                ("22nd May 2027", "2027-05-22"),
                ("3rd June 2027", "2027-06-03"),
                ("15. jan. 2027", "2027-01-15"),
                ("15 Jan 2027", "2027-01-15"),
                ("1. feb. 2027", "2027-02-01"),
                ("1. sept. 2027", "2027-09-01"),
                ("Sept. 1, 2027", "2027-09-01"),
                ("1. okt. 2027", "2027-10-01"),
                ("24. des. 2027", "2027-12-24"),
                ("1. MARS 2027", "2027-03-01"),
            ],
        );
        let months = [
            "januar",
            "februar",
            "mars",
            "april",
            "mai",
            "juni",
            "juli",
            "august",
            "september",
            "oktober",
            "november",
            "desember",
        ];
        for (i, name) in months.iter().enumerate() {
            assert_eq!(dats(&format!("frå 2. {name} 2027")), [format!("2027-{:02}-02", i + 1)], "{name}");
        }
        let english = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        for (i, name) in english.iter().enumerate() {
            assert_eq!(dats(&format!("on {name} 2, 2027")), [format!("2027-{:02}-02", i + 1)], "{name}");
        }
    }

    #[test]
    fn dates_not_found() {
        assert_none(
            dats,
            &[
                "31.02.2027",
                "29.02.2027",
                "32.01.2027",
                "01.13.2027",
                "31. april 2027",
                "snarest mulig",
                "etter avtale",
                "1. mars",
                "1. mars kl. 12.00",
                "mars 2027",
                "§ 15-3",
                "pkt. 1.3",
                "kr 50.000",
                "NOK 1.500.000",
                "kl. 08.00",
                "1.3.2027.5",
                "1.3.202",
                "11.3.20275",
                "fra den 1. i måneden etter",
                "2027",
            ],
        );
    }

    #[test]
    fn dates_in_sentences_and_offsets() {
        let text = "Tiltredelse: 1. september 2025 eller snarest mulig, senest 01.10.2025.";
        let found = dates(text);
        assert_eq!(spans(&found, text), ["1. september 2025", "01.10.2025"]);
        assert_eq!(dats(text), ["2025-09-01", "2025-10-01"]);
        let text = "Du er tilsett i fast stilling frå 1. august 2025. Tiltreding etter nærare avtale.";
        assert_eq!(dats(text), ["2025-08-01"]);
        let text = "Perioden 01.01.2027-31.12.2027 gjelder.";
        assert_eq!(spans(&dates(text), text), ["01.01.2027", "31.12.2027"]);
        let text = "Oppsigelse mottatt 31.02.2027, ny dato 1.3.2027";
        assert_eq!(dats(text), ["2027-03-01"]);
        let text = "Frå måndag 3. mai 2027 (første arbeidsdag)";
        let found = dates(text);
        assert_eq!(spans(&found, text), ["3. mai 2027"]);
        assert_eq!(&text[found[0].start..found[0].end], "3. mai 2027");
    }

    #[test]
    fn date_json() {
        let found = dates("1. mars 2027");
        assert_eq!(serde_json::to_string(&found[0].value).unwrap(), "\"2027-03-01\"");
    }

    // ---- all together

    #[test]
    fn kinds_do_not_leak_into_each_other() {
        let text = "Fra 1. mars 2027 gjelder 3 måneders oppsigelsesfrist og en bot på kr 50 000,- jf. § 15-3, kl. 08.00, 8 G, 100 %.";
        assert_eq!(durs(text), ["3 month"]);
        assert_eq!(amts(text), ["50000 NOK"]);
        assert_eq!(dats(text), ["2027-03-01"]);
    }

    #[test]
    fn results_are_sorted_and_disjoint() {
        let text = "Prøvetid på seks (6) måneder, 14 dagers frist, én måned, 2 år; kr 50 000,- og 1,2 mill. kr og €5,000; 1. mars 2027, 01.04.2027 og 2027-05-01.";
        let check = |ranges: Vec<(usize, usize)>| {
            assert!(ranges.windows(2).all(|w| w[0].1 <= w[1].0), "{ranges:?}");
            assert!(ranges.iter().all(|(s, e)| s < e && text.is_char_boundary(*s) && text.is_char_boundary(*e)));
        };
        check(durations(text).iter().map(|f| (f.start, f.end)).collect());
        check(amounts(text).iter().map(|f| (f.start, f.end)).collect());
        check(dates(text).iter().map(|f| (f.start, f.end)).collect());
        assert_eq!(durs(text), ["6 month", "14 day", "1 month", "2 year"]);
        assert_eq!(amts(text), ["50000 NOK", "1200000 NOK", "5000 EUR"]);
        assert_eq!(dats(text), ["2027-03-01", "2027-04-01", "2027-05-01"]);
    }
}
