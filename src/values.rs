//! Finds durations, money amounts and dates in contract text written in
//! bokmål, nynorsk or English.
//!
//! Input is expected to be normalized: NFKC, single ASCII spaces, every dash
//! as ASCII '-', straight quotes. Case is not folded, so matching ignores case
//! (except for currency codes such as "NOK": "nok" is a common Norwegian word).
//!
//! The parsers are hand-written scanners over small tables, not regexes: nothing is built
//! before the first call (the regexes they replace took about 8 ms and 4.5 MB to build),
//! and a word is only looked at when its first letter can start a value.
//!
//! [`number_value`] gives the value of a number written in words, for other code that
//! reads counts.

use std::borrow::Cow;
use std::fmt;
use std::sync::LazyLock;

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

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

impl Duration {
    /// Its length in days, months and years counted at their mean length: for comparing.
    pub fn approx_days(&self) -> f64 {
        self.value
            * match self.unit {
                Unit::Day => 1.0,
                Unit::Week => 7.0,
                Unit::Month => 30.44,
                Unit::Year => 365.25,
            }
    }

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
        let currency = code_named(code.trim())?.code;
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

// ---------------------------------------------------------------- number words

/// The language of a number word or a unit. A number word counts only with a unit of its own
/// language, so that the English "to" of "from days to weeks" is not two weeks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tongue {
    Norwegian,
    English,
}

/// Bokmål and nynorsk ones that also build compounds ("tjueen", "femogtjue").
const NORWEGIAN_ONES: &[(&str, u32)] = &[
    ("en", 1),
    ("ett", 1),
    ("ein", 1),
    ("eitt", 1),
    ("to", 2),
    ("tre", 3),
    ("fire", 4),
    ("fem", 5),
    ("seks", 6),
    ("sju", 7),
    ("syv", 7),
    ("åtte", 8),
    ("ni", 9),
    // Older nynorsk and dialect "tri" ("tri månader").
    ("tri", 3),
];

/// Forms of one that stand alone only: stressed "én", "éin", "éi" and the articles that also
/// count ("et år", "ei veke").
const NORWEGIAN_ONE_ALONE: &[&str] = &["én", "éin", "éi", "et", "eit", "ei"];

const NORWEGIAN_TEENS: &[(&str, u32)] = &[
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
];

/// Tens in both spellings where two are common ("tjue"/"tyve", "tretti"/"tredve").
const NORWEGIAN_TENS: &[(&str, u32)] = &[
    ("tjue", 20),
    ("tyve", 20),
    ("tretti", 30),
    ("tredve", 30),
    ("førti", 40),
    ("firti", 40),
    ("femti", 50),
    ("seksti", 60),
    ("sytti", 70),
    ("søtti", 70),
    ("åtti", 80),
    ("nitti", 90),
];

const ENGLISH_ONES: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
];

const ENGLISH_TEENS: &[(&str, u32)] = &[
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

const ENGLISH_TENS: &[(&str, u32)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// One and a half in one word.
const HALVANNEN: &[&str] = &["halvannen", "halvannet", "halvanna", "halvannan"];

fn lookup(word: &[u8], tables: &[&[(&str, u32)]]) -> Option<u32> {
    tables.iter().flat_map(|t| t.iter()).find(|(w, _)| w.as_bytes() == word).map(|(_, v)| *v)
}

/// A word of the text, lowercased (ASCII and the Latin-1 letters, whose lowercase forms
/// are as long), with the byte offset after it. Words longer than any number word or month
/// name are not read.
#[derive(Clone, Copy)]
struct Word {
    /// The folded bytes, zero-padded.
    folded: [u8; 16],
    len: usize,
    end: usize,
}

impl Word {
    fn at(text: &str, i: usize) -> Option<Word> {
        let bytes = text.as_bytes();
        if let Some(word) = bytes.get(i..i + 16).and_then(|b| Word::ascii_at(b, i)) {
            return Some(word);
        }
        let mut folded = [0; 16];
        let (mut end, mut prev) = (i, 0);
        while end < bytes.len() {
            let b = bytes[end];
            // ASCII, most of any text, without the general character test.
            if b < 0x80 {
                if !(b.is_ascii_alphanumeric() || b == b'_') {
                    break;
                }
                if end + 1 - i > folded.len() {
                    return None;
                }
                folded[end - i] = b.to_ascii_lowercase();
                prev = b;
                end += 1;
                continue;
            }
            let (word, len) = word_char_at(text, end);
            if !word {
                break;
            }
            if end + len - i > folded.len() {
                return None;
            }
            for &b in &bytes[end..end + len] {
                folded[end - i] = fold_byte(prev, b);
                prev = b;
                end += 1;
            }
        }
        (end > i).then_some(Word { folded, len: end - i, end })
    }

    /// [`Word::at`] for a word of ASCII letters, digits and '_' that ends inside the 16 bytes
    /// at `i`, read eight bytes at a time; `None` for any other (the bytes of a word that
    /// ends at a character of two or more bytes, or runs on, are read one by one).
    #[inline]
    fn ascii_at(sixteen: &[u8], i: usize) -> Option<Word> {
        const fn splat(b: u8) -> u64 {
            u64::from_le_bytes([b; 8])
        }
        const HIGH: u64 = splat(0x80);
        // Per byte, the high bit of `v + (0x80 - lo)` says v >= lo and that of `v + (0x7F - hi)`
        // says v > hi; the seven-bit values cannot carry into the next byte.
        let in_range = |v: u64, lo: u8, hi: u8| (v + splat(0x80 - lo)) & !(v + splat(0x7F - hi)) & HIGH;
        let mut folded = [0u8; 16];
        for (half, eight) in sixteen.chunks_exact(8).enumerate() {
            let x = u64::from_le_bytes(eight.try_into().ok()?);
            let (ascii, low) = (!x & HIGH, x & !HIGH);
            let word =
                (in_range(low | splat(0x20), b'a', b'z') | in_range(low, b'0', b'9') | in_range(low, b'_', b'_'))
                    & ascii;
            let lower = x | (in_range(low, b'A', b'Z') & ascii) >> 2;
            let stop = !word & HIGH;
            if stop == 0 {
                folded[8 * half..8 * half + 8].copy_from_slice(&lower.to_le_bytes());
                continue;
            }
            let k = stop.trailing_zeros() as usize / 8;
            // A character of two or more bytes may be a letter: the slow way decides.
            if x >> (8 * k) & 0x80 != 0 {
                return None;
            }
            folded[8 * half..8 * half + k].copy_from_slice(&lower.to_le_bytes()[..k]);
            let len = 8 * half + k;
            return (len > 0).then_some(Word { folded, len, end: i + len });
        }
        None
    }

    /// The folded word as one number: a word of the text holds no zero byte, so two words
    /// have the same key only when they are the same.
    fn key(&self) -> u128 {
        u128::from_le_bytes(self.folded)
    }

    /// The word after one of the `separators` at `i`.
    fn after(text: &str, i: usize, separators: &[u8]) -> Option<Word> {
        let b = *text.as_bytes().get(i)?;
        if separators.contains(&b) {
            Word::at(text, i + 1)
        } else {
            None
        }
    }

    fn bytes(&self) -> &[u8] {
        &self.folded[..self.len]
    }

    fn is(&self, word: &str) -> bool {
        self.bytes() == word.as_bytes()
    }
}

/// The first two bytes of a set of words (by [`Word::key`]), one bit per pair, and their first
/// three bytes, five bits of each, so that most words of a text are ruled out before they are
/// read ("the", "this" and "that" share their first two letters with "three").
struct Starts(Box<[u64; 1024]>, Box<[u64; 512]>);

impl Starts {
    fn of(keys: impl IntoIterator<Item = u128>) -> Starts {
        let mut pairs = Box::new([0u64; 1024]);
        let mut triples = Box::new([0u64; 512]);
        for key in keys {
            let [a, b, c] = [key as u8, (key >> 8) as u8, (key >> 16) as u8];
            // A shorter word is followed by a byte that is no part of it: any will do.
            let any = |byte: u8, known: bool| if known { byte..=byte } else { 0..=255 };
            for second in any(b, key >> 8 != 0) {
                let pair = usize::from(a) | usize::from(second) << 8;
                pairs[pair / 64] |= 1 << (pair % 64);
                for third in any(c, key >> 16 != 0) {
                    let triple = triple(a, second, third);
                    triples[triple / 64] |= 1 << (triple % 64);
                }
            }
        }
        Starts(pairs, triples)
    }

    /// False when the word at `i` is none of the words.
    fn may_start(&self, text: &str, i: usize) -> bool {
        let b = text.as_bytes();
        let Some(&first) = b.get(i) else { return false };
        let second = b.get(i + 1).map_or(0, |&next| fold_byte(first, next));
        let pair = usize::from(fold_byte(0, first)) | usize::from(second) << 8;
        if self.0[pair / 64] >> (pair % 64) & 1 == 0 {
            return false;
        }
        let third = match (b.get(i + 1), b.get(i + 2)) {
            (Some(&prev), Some(&next)) => fold_byte(prev, next),
            _ => 0,
        };
        let triple = triple(fold_byte(0, first), second, third);
        self.1[triple / 64] >> (triple % 64) & 1 == 1
    }
}

/// Five bits of each of three bytes.
fn triple(a: u8, b: u8, c: u8) -> usize {
    usize::from(a & 31) << 10 | usize::from(b & 31) << 5 | usize::from(c & 31)
}

/// The key of [`Word::key`] for a lowercase word of up to 16 bytes.
const fn key(word: &str) -> u128 {
    let bytes = word.as_bytes();
    assert!(bytes.len() <= 16);
    let mut key = 0;
    let mut i = 0;
    while i < bytes.len() {
        key |= (bytes[i] as u128) << (8 * i);
        i += 1;
    }
    key
}

/// Lowercases byte `b` of UTF-8 text whose previous byte is `prev`: ASCII letters, and
/// `À`-`Þ` (lead byte 0xC3, except `×`) whose lowercase forms are 0x20 further on.
fn fold_byte(prev: u8, b: u8) -> u8 {
    if b.is_ascii_uppercase() || (prev == 0xC3 && (0x80..=0x9E).contains(&b) && b != 0x97) {
        b + 0x20
    } else {
        b
    }
}

/// True when `text` starts with `lower` (lowercase), ignoring case.
pub(crate) fn starts_with_folded(text: &[u8], lower: &str) -> bool {
    let lower = lower.as_bytes();
    text.len() >= lower.len()
        && (0..lower.len()).all(|k| fold_byte(if k == 0 { 0 } else { text[k - 1] }, text[k]) == lower[k])
}

/// The value of one number word: "tre", "tjuefem" (tens first), "femogtjue" (the older
/// order, ones first), "hundre", "ninety", "halvannen".
fn word_value(word: &[u8]) -> Option<(f64, Tongue)> {
    let norwegian = lookup(word, &[NORWEGIAN_ONES, NORWEGIAN_TEENS, NORWEGIAN_TENS, &[("hundre", 100)]])
        .or_else(|| NORWEGIAN_ONE_ALONE.iter().any(|w| w.as_bytes() == word).then_some(1))
        .or_else(|| {
            NORWEGIAN_TENS
                .iter()
                .find_map(|(ten, t)| Some(t + lookup(word.strip_prefix(ten.as_bytes())?, &[NORWEGIAN_ONES])?))
        })
        .or_else(|| {
            NORWEGIAN_ONES.iter().find_map(|(one, o)| {
                Some(o + lookup(word.strip_prefix(one.as_bytes())?.strip_prefix(b"og")?, &[NORWEGIAN_TENS])?)
            })
        })
        .or_else(|| {
            // A hundred and more written as one word: "hundreogåtti", "hundreogtjuefem".
            let (below, tongue) = word_value(word.strip_prefix(b"hundreog")?)?;
            (tongue == Tongue::Norwegian && below.fract() == 0.0 && below < 100.0).then(|| 100 + below as u32)
        });
    if let Some(value) = norwegian {
        return Some((f64::from(value), Tongue::Norwegian));
    }
    if HALVANNEN.iter().any(|w| w.as_bytes() == word) {
        return Some((1.5, Tongue::Norwegian));
    }
    let english = lookup(word, &[ENGLISH_ONES, ENGLISH_TEENS, ENGLISH_TENS, &[("hundred", 100)]])?;
    Some((f64::from(english), Tongue::English))
}

/// [`word_value`] of every number word, by [`Word::key`], sorted: every word it gives a
/// value for is in its tables or joins their words.
static NUMBER_WORDS: LazyLock<Vec<(u128, f64, Tongue)>> = LazyLock::new(|| {
    let words = |tables: &[&[(&'static str, u32)]]| -> Vec<&'static str> {
        tables.iter().flat_map(|t| t.iter().map(|(w, _)| *w)).collect()
    };
    let (ones, tens) = (words(&[NORWEGIAN_ONES]), words(&[NORWEGIAN_TENS]));
    let mut candidates: Vec<String> = words(&[NORWEGIAN_ONES, NORWEGIAN_TEENS, NORWEGIAN_TENS])
        .into_iter()
        .chain(words(&[ENGLISH_ONES, ENGLISH_TEENS, ENGLISH_TENS]))
        .chain(NORWEGIAN_ONE_ALONE.iter().chain(HALVANNEN).copied())
        .chain(["hundre", "hundred"])
        .map(str::to_string)
        .collect();
    let compounds: Vec<String> =
        ones.iter().flat_map(|o| tens.iter().flat_map(move |t| [format!("{t}{o}"), format!("{o}og{t}")])).collect();
    // A hundred and more written as one word: "hundreogåtti", "hundreogtjuefem".
    let hundreds: Vec<String> = words(&[NORWEGIAN_ONES, NORWEGIAN_TEENS, NORWEGIAN_TENS])
        .into_iter()
        .map(str::to_string)
        .chain(compounds.iter().cloned())
        .map(|w| format!("hundreog{w}"))
        .collect();
    candidates.extend(compounds);
    candidates.extend(hundreds);
    let mut table: Vec<(u128, f64, Tongue)> = candidates
        .iter()
        .filter(|w| w.len() <= 16)
        .filter_map(|w| word_value(w.as_bytes()).map(|(value, tongue)| (key(w), value, tongue)))
        .collect();
    table.sort_unstable_by_key(|&(k, _, _)| k);
    table.dedup_by_key(|&mut (k, _, _)| k);
    table
});

/// The value of the number word `word`, as [`word_value`] gives it.
fn number_word(word: &Word) -> Option<(f64, Tongue)> {
    let table = &*NUMBER_WORDS;
    let at = table.binary_search_by_key(&word.key(), |&(k, _, _)| k).ok()?;
    Some((table[at].1, table[at].2))
}

/// A count read from the text.
#[derive(Clone, Copy)]
struct Count {
    value: f64,
    end: usize,
    /// `None` when digits give the value.
    tongue: Option<Tongue>,
    /// The English article "a", which counts only in "a month and a half".
    article: bool,
}

/// One number word or an English compound ("twenty-four", "twenty four") from `word`.
fn below_hundred(text: &str, word: Word) -> Option<Count> {
    let (mut value, tongue) = number_word(&word)?;
    let mut end = word.end;
    if tongue == Tongue::English && ENGLISH_TENS.iter().any(|(_, t)| f64::from(*t) == value) {
        if let Some((one, next)) =
            Word::after(text, end, b"- ").and_then(|w| Some((lookup(w.bytes(), &[ENGLISH_ONES])?, w)))
        {
            value += f64::from(one);
            end = next.end;
        }
    }
    Some(Count { value, end, tongue: Some(tongue), article: false })
}

/// The starts of the number words, "a" and "half".
static NUMBER_STARTS: LazyLock<Starts> =
    LazyLock::new(|| Starts::of(NUMBER_WORDS.iter().map(|&(k, _, _)| k).chain([key("a"), key("half")])));

/// A number written in words at `i`, up to 999: "tre", "tjuefem", "femogtjue", "ninety-nine",
/// "ett hundre og tjue", "a hundred and twenty", "one hundred twenty", and halves ("en halv",
/// "et halvt", "half a", "halvannen"). Old-order numbers also stand as three words ("fire og
/// tjue måneder"), except after "mellom"/"between", where "to og tjue dager" is two numbers.
fn number_at(text: &str, i: usize) -> Option<Count> {
    if !NUMBER_STARTS.may_start(text, i) {
        return None;
    }
    let word = Word::at(text, i)?;
    let half = match word.bytes() {
        b"en" | b"ein" | b"ei" | b"et" | b"ett" | b"eit" | b"eitt" => Some(Tongue::Norwegian),
        b"half" => Some(Tongue::English),
        _ => None,
    };
    if let (Some(tongue), Some(next)) = (half, Word::after(text, word.end, b" ")) {
        let is_half = match tongue {
            Tongue::Norwegian => next.is("halv") || next.is("halvt"),
            Tongue::English => next.is("a"),
        };
        if is_half {
            return Some(Count { value: 0.5, end: next.end, tongue: Some(tongue), article: false });
        }
    }
    // "the first half year", "a half-year".
    if half == Some(Tongue::English) && Word::after(text, word.end, b" -").is_some_and(|next| next.is("year")) {
        return Some(Count { value: 0.5, end: word.end, tongue: Some(Tongue::English), article: false });
    }
    let mut count = match below_hundred(text, word) {
        Some(count) => count,
        None if word.is("a") => Count { value: 1.0, end: word.end, tongue: Some(Tongue::English), article: true },
        None => return None,
    };
    let tongue = count.tongue?;
    if let Some(tens) = old_order_tens(text, i, &word, count.end) {
        return Some(Count { value: count.value + tens.value, end: tens.end, ..count });
    }
    let (hundred, and) = match tongue {
        Tongue::Norwegian => ("hundre", "og"),
        Tongue::English => ("hundred", "and"),
    };
    // "fem hundre", and the teens that count hundreds too: "femten hundre", "fifteen hundred".
    let multiplies = count.value < 10.0 || (11.0..20.0).contains(&count.value);
    if multiplies && count.value.fract() == 0.0 {
        if let Some(next) = Word::after(text, count.end, b" ").filter(|w| w.is(hundred)) {
            count = Count { value: count.value * 100.0, end: next.end, tongue: Some(tongue), article: false };
        }
    }
    if count.article || count.value < 100.0 || count.value % 100.0 != 0.0 {
        return Some(count);
    }
    // "hundre og tjue", "hundred and twenty", "hundred twenty".
    let Some(next) = Word::after(text, count.end, b" ") else { return Some(count) };
    let rest_at = if next.is(and) {
        (text.as_bytes().get(next.end) == Some(&b' ')).then_some(next.end + 1)
    } else {
        (tongue == Tongue::English).then_some(count.end + 1)
    };
    match rest_at.and_then(|j| below_hundred(text, Word::at(text, j)?)) {
        Some(rest) if rest.tongue == Some(tongue) && rest.value < 100.0 && rest.value.fract() == 0.0 => {
            Some(Count { value: count.value + rest.value, end: rest.end, ..count })
        }
        _ => Some(count),
    }
}

/// The tens of an old-order number written as three words after the ones `word` at `i`
/// (ending at `end`): " og tjue" in "fire og tjue". Not after a word that opens a range.
fn old_order_tens(text: &str, i: usize, word: &Word, end: usize) -> Option<Count> {
    lookup(word.bytes(), &[NORWEGIAN_ONES])?;
    let and = Word::after(text, end, b" ").filter(|w| w.is("og"))?;
    let tens = Word::after(text, and.end, b" ")?;
    let value = lookup(tens.bytes(), &[NORWEGIAN_TENS])?;
    let range = ["mellom", "between"].iter().any(|w| word_before(text, i).eq_ignore_ascii_case(w));
    (!range).then_some(Count {
        value: f64::from(value),
        end: tens.end,
        tongue: Some(Tongue::Norwegian),
        article: false,
    })
}

/// The value of a number written in words, in bokmål, nynorsk or English, ignoring case:
/// "tjuefem", "femogtjue", "ninety-nine", "ett hundre og tjue", "halvannen", "en og en halv",
/// "one and a half". `None` unless all of `words` is one number (up to 999).
pub fn number_value(words: &str) -> Option<f64> {
    let words = words.trim();
    let count = number_at(words, 0).filter(|c| !c.article)?;
    let end = half_after(words, count.end).unwrap_or(count.end);
    let half = if end > count.end { 0.5 } else { 0.0 };
    (end == words.len()).then_some(count.value + half)
}

/// A number in digits at `i`: "14", "1,5", "1.5", and vulgar fractions as NFKC writes them
/// ("1½" becomes "11⁄2", "1 ½" becomes "1 1⁄2"; both are one and a half).
fn decimal_at(text: &str, i: usize) -> (f64, usize) {
    let b = text.as_bytes();
    let digits_end = |j: usize| j + b.get(j..).map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count());
    let whole_end = digits_end(i);
    let parse = |s: &str| s.parse::<f64>().unwrap_or(0.0);
    // A fraction of one digit over one digit at `j`: "1⁄2", "3⁄4"; typed with a slash ("1/2 år")
    // only where it stands alone: "11/2" is a date.
    let fraction = |j: usize| {
        let after = text.get(j + 1..)?;
        let rest = after.strip_prefix('⁄').or_else(|| after.strip_prefix('/').filter(|_| j == i))?;
        let (num, rest) = (b.get(j)?, rest.as_bytes());
        let den = rest.first()?;
        let ok =
            num.is_ascii_digit() && den.is_ascii_digit() && num < den && !rest.get(1).is_some_and(u8::is_ascii_digit);
        ok.then(|| (f64::from(num - b'0') / f64::from(den - b'0'), b.len() - rest.len() + 1))
    };
    if let Some((part, end)) = fraction(whole_end - 1) {
        return (parse(&text[i..whole_end - 1]) + part, end);
    }
    if b.get(whole_end) == Some(&b' ') {
        if let Some((part, end)) = fraction(whole_end + 1) {
            return (parse(&text[i..whole_end]) + part, end);
        }
    }
    if matches!(b.get(whole_end), Some(b'.' | b',')) {
        let end = digits_end(whole_end + 1);
        if (1..=2).contains(&(end - whole_end - 1)) {
            return (parse(&text[i..end].replace(',', ".")), end);
        }
    }
    (parse(&text[i..whole_end]), whole_end)
}

// ---------------------------------------------------------------- durations

/// Norwegian unit words, lowercase. Genitives ("måneders") are listed because they are how
/// durations modify nouns ("tre måneders oppsigelsesfrist").
const NORWEGIAN_UNITS: &[(&str, Unit)] = &[
    ("dag", Unit::Day),
    ("dags", Unit::Day),
    ("dager", Unit::Day),
    ("dagers", Unit::Day),
    ("dagene", Unit::Day),
    ("dagar", Unit::Day),
    ("dagars", Unit::Day),
    ("dagane", Unit::Day),
    // A day as a chat or an export line shortens it: "14 d notice", "Oppsigelse før oppstart | 14 d.".
    ("d", Unit::Day),
    ("d.", Unit::Day),
    // Danish and Swedish forms in a Scandinavian writer's Norwegian: "14 dage", "två veckor".
    ("dage", Unit::Day),
    ("dages", Unit::Day),
    ("uger", Unit::Week),
    ("ugers", Unit::Week),
    ("vecka", Unit::Week),
    ("veckor", Unit::Week),
    ("veckors", Unit::Week),
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
    ("kalenderdag", Unit::Day),
    ("kalenderdager", Unit::Day),
    ("kalenderdagar", Unit::Day),
    // The genitive of a count of calendar days: "30 kalenderdagars varsel".
    ("kalenderdagers", Unit::Day),
    ("kalenderdagars", Unit::Day),
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
    ("vekane", Unit::Week),
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
    ("mån", Unit::Month),
    ("mån.", Unit::Month),
    ("månad", Unit::Month),
    ("månads", Unit::Month),
    ("månader", Unit::Month),
    ("månaders", Unit::Month),
    ("månadene", Unit::Month),
    ("månadane", Unit::Month),
    ("kalendermåned", Unit::Month),
    ("kalendermåneder", Unit::Month),
    ("kalendermåneders", Unit::Month),
    ("kalendermånad", Unit::Month),
    ("kalendermånader", Unit::Month),
    // Typed without æ, ø and å, as on a foreign keyboard: "6 maaneder", "2 aar".
    ("maaned", Unit::Month),
    ("maaneds", Unit::Month),
    ("maaneder", Unit::Month),
    ("maaneders", Unit::Month),
    ("maanedene", Unit::Month),
    ("maanad", Unit::Month),
    ("maanads", Unit::Month),
    ("maanader", Unit::Month),
    ("maanaders", Unit::Month),
    ("maanadene", Unit::Month),
    ("maanadane", Unit::Month),
    // A text that lost æ, ø and å: "6 maneder", "2 ar".
    ("maned", Unit::Month),
    ("maneds", Unit::Month),
    ("maneder", Unit::Month),
    ("maneders", Unit::Month),
    ("manedene", Unit::Month),
    ("manad", Unit::Month),
    ("manads", Unit::Month),
    ("manader", Unit::Month),
    ("manaders", Unit::Month),
    ("manadene", Unit::Month),
    ("manadane", Unit::Month),
    // A learner's short plural, with or without its å: "6 månder", "6 mander".
    ("månder", Unit::Month),
    ("mander", Unit::Month),
    ("år", Unit::Year),
    ("års", Unit::Year),
    // The adjective of a length in years, indefinite as a term is stated: "2-årig", glued to a
    // number word "ein toårig bindingstid" ("den fireårige perioden" points back to a term named
    // before).
    ("årig", Unit::Year),
    ("årene", Unit::Year),
    ("åra", Unit::Year),
    ("aar", Unit::Year),
    ("aars", Unit::Year),
    ("aarene", Unit::Year),
    ("ar", Unit::Year),
    ("ars", Unit::Year),
    ("arene", Unit::Year),
    ("kalenderår", Unit::Year),
    ("kalenderårs", Unit::Year),
    // A binding period counted in a school's or a service's years: "tre skuleår".
    ("skoleår", Unit::Year),
    ("skoleårs", Unit::Year),
    ("skuleår", Unit::Year),
    ("skuleårs", Unit::Year),
    ("tjenesteår", Unit::Year),
    ("tenesteår", Unit::Year),
    // "døgn" typed without ø.
    ("doegn", Unit::Day),
    ("doegns", Unit::Day),
];

/// English unit words, lowercase, with the genitives of "three months' notice".
const ENGLISH_UNITS: &[(&str, Unit)] = &[
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
    ("calendar days'", Unit::Day),
    ("week", Unit::Week),
    ("weeks", Unit::Week),
    ("week's", Unit::Week),
    ("weeks'", Unit::Week),
    ("month", Unit::Month),
    ("months", Unit::Month),
    ("month's", Unit::Month),
    ("months'", Unit::Month),
    ("wk", Unit::Week),
    ("wks", Unit::Week),
    ("wks'", Unit::Week),
    ("mth", Unit::Month),
    ("mths", Unit::Month),
    ("mths.", Unit::Month),
    ("mnth", Unit::Month),
    ("mnths", Unit::Month),
    ("mnths.", Unit::Month),
    ("mo", Unit::Month),
    ("mo.", Unit::Month),
    ("mos", Unit::Month),
    ("mos.", Unit::Month),
    // A form row's shorthand: "Probation: 6 m.". Only with its full stop, so a bare "m" stays metres.
    ("m.", Unit::Month),
    ("calendar month", Unit::Month),
    ("calendar months", Unit::Month),
    ("calendar month's", Unit::Month),
    ("calendar months'", Unit::Month),
    ("year", Unit::Year),
    ("years", Unit::Year),
    ("year's", Unit::Year),
    ("years'", Unit::Year),
    ("yr", Unit::Year),
    ("yr.", Unit::Year),
    ("yrs", Unit::Year),
    ("yrs.", Unit::Year),
    ("calendar year", Unit::Year),
    ("calendar years", Unit::Year),
    ("calendar year's", Unit::Year),
    ("school year", Unit::Year),
    ("school years", Unit::Year),
    ("academic year", Unit::Year),
    ("academic years", Unit::Year),
];

/// The longest unit form at `i`, ignoring case, with its language and end.
fn unit_at(text: &str, i: usize) -> Option<(Unit, Tongue, usize)> {
    type Form = (&'static (&'static str, Unit), Tongue);
    // The forms by their first byte, in the order of the tables.
    static BY_FIRST: LazyLock<Vec<Vec<Form>>> = LazyLock::new(|| {
        let mut by_first = vec![Vec::new(); 256];
        let norwegian = NORWEGIAN_UNITS.iter().map(|u| (u, Tongue::Norwegian));
        for u in norwegian.chain(ENGLISH_UNITS.iter().map(|u| (u, Tongue::English))) {
            by_first[usize::from(u.0 .0.as_bytes()[0])].push(u);
        }
        by_first
    });
    let rest = &text.as_bytes()[i..];
    let first = fold_byte(0, *rest.first()?);
    let found = BY_FIRST[usize::from(first)]
        .iter()
        .filter(|((form, _), _)| starts_with_folded(rest, form) && !letter_goes_on(form, rest))
        .max_by_key(|((form, _), _)| form.len())
        .map(|&((form, unit), tongue)| (*unit, tongue, i + form.len()));
    // OCR reads "m" as "rn": "6 rnåneder", "12 rnonths", "3 rnnd.". No unit starts with "rn".
    found.or_else(|| {
        let after = rest.get(..2).filter(|r| r.eq_ignore_ascii_case(b"rn")).map(|_| &rest[2..])?;
        BY_FIRST[usize::from(b'm')]
            .iter()
            .filter(|((form, _), _)| starts_with_folded(after, &form[1..]))
            .max_by_key(|((form, _), _)| form.len())
            .map(|&((form, unit), tongue)| (*unit, tongue, i + form.len() + 1))
    })
}

/// Whether a unit of one letter ("d") is only the first letter of a word ("dager", "den") or a
/// list item's letter ("punkt 4 d)"), not the unit.
fn letter_goes_on(form: &str, rest: &[u8]) -> bool {
    form.trim_end_matches('.').len() == 1
        && rest.get(form.len()).is_some_and(|&b| b.is_ascii_alphanumeric() || b >= 0x80 || b == b')')
}

/// The unit a form row's label gives the bare number after it: "Prøvetid (mnd): 6",
/// "Notice period (months): 3".
fn label_unit(text: &str, i: usize) -> Option<Unit> {
    let label = text[..i].trim_end_matches(' ').strip_suffix(':')?.trim_end_matches(' ').strip_suffix(')')?;
    unit_of(label[label.rfind('(')? + 1..].trim())
}

/// The unit a bare count that closes a span takes from the length that opens it, the unit said
/// once: "after one year but before the completion of two", "etter eitt år, men før det har gått
/// to". The count ends its clause, and only words that name the span's end stand between it and
/// "before" ("før"), which follows the first length after at most one joining word.
fn elided_unit(text: &str, start: usize, end: usize) -> Option<Unit> {
    const BEFORE: &[&str] = &["before", "før", "until", "til"];
    const END_WORDS: &[&str] =
        &["the", "completion", "end", "expiry", "of", "det", "har", "er", "gått", "utløpet", "slutten", "av"];
    if !text[end..].trim_start().chars().next().is_none_or(|c| matches!(c, ',' | '.' | ';' | ')')) {
        return None;
    }
    // Only the words just before the count are read, so that a long text costs no more.
    let mut from = start.saturating_sub(120);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let head = &text[from..start];
    let words: Vec<(usize, String)> =
        head.split_whitespace().map(|w| (w.as_ptr() as usize - head.as_ptr() as usize, w.to_lowercase())).collect();
    let k = words.iter().rposition(|(_, w)| !END_WORDS.contains(&w.as_str()))?;
    if words.len() - k > 5 || !BEFORE.contains(&words[k].1.as_str()) {
        return None;
    }
    // The length and its joining word: at most four words before "before".
    let span = &head[words[k.saturating_sub(4)].0..words[k].0];
    let first = durations(span).pop()?;
    let joint = span[first.end..].split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
    (joint <= 1).then_some(first.value.unit)
}

/// The unit of time `word` is, when it is one and nothing more ("mnd", "uker", OCR's "rnnd").
fn unit_of(word: &str) -> Option<Unit> {
    unit_at(word, 0).filter(|&(_, _, end)| end == word.len()).map(|(unit, _, _)| unit)
}

/// Whether `word` is a unit of time and nothing more.
pub(crate) fn is_unit(word: &str) -> bool {
    unit_of(word).is_some()
}

/// Whether `word` names a currency the sums are read in ("NOK", "kr", "eur", "PLN"; case does
/// not matter).
pub(crate) fn is_currency(word: &str) -> bool {
    PREFIXES.iter().chain(CODES).any(|c| c.token.eq_ignore_ascii_case(word))
}

/// Whether `text` starts with a unit of time ("måneder", "weeks", "mnd").
pub(crate) fn starts_with_unit(text: &str) -> bool {
    unit_at(text, 0).is_some()
}

/// Fractions in words that a sum can step down by, lowercase, with the number of steps; the
/// others are read by [`parts_at`].
const FRACTION_WORDS: &[(&str, f64)] = &[
    ("halvparten", 2.0),
    ("halvdelen", 2.0),
    ("en halvdel", 2.0),
    ("ein halvdel", 2.0),
    ("half", 2.0),
    ("one half", 2.0),
    ("a half", 2.0),
    ("one quarter", 4.0),
    ("a quarter", 4.0),
];

/// A fraction in words at `i` of lowercase text, with the number of parts it names and its end:
/// an article, then an ordinal in English ("one twelfth", "a third", "one twenty fourth") or,
/// in Norwegian, an ordinal or a count before "del" ("en tolvdel", "ein tjuefjerdedel", "en
/// tredjedel", "en firedel").
fn parts_at(text: &str, i: usize) -> Option<(f64, usize)> {
    let article = Word::at(text, i)?;
    let norwegian = matches!(article.bytes(), b"en" | b"ein" | b"ei" | b"eit" | b"ett");
    if !norwegian && !matches!(article.bytes(), b"one" | b"a") {
        return None;
    }
    let word = Word::after(text, article.end, b" ")?;
    let ordinal = |w: &[u8]| {
        let key = key(std::str::from_utf8(w).ok()?);
        ORDINAL_DAYS.iter().find(|&&(k, _)| k == key).map(|&(_, n)| f64::from(n))
    };
    let parts = if norwegian {
        let stem = word.bytes().strip_suffix(b"del")?;
        ordinal(stem).or_else(|| word_value(stem).filter(|&(_, t)| t == Tongue::Norwegian).map(|(n, _)| n))?
    } else if let Some(ones) =
        Word::after(text, word.end, b" ").filter(|_| ENGLISH_TENS.iter().any(|(t, _)| word.is(t)))
    {
        // "one twenty fourth" (hyphens read as spaces).
        let tens = word_value(word.bytes())?.0;
        return Some((tens + ordinal(ones.bytes()).filter(|&n| n < 10.0)?, ones.end));
    } else {
        ordinal(word.bytes())?
    };
    (parts >= 3.0).then_some((parts, word.end))
}

/// Words right before the unit of a step: "per måned", "for hvert (fulle) år", "after the first
/// year", "for each full year".
const STEP_WORDS: &[&str] = &[
    "per",
    "pr.",
    "pr",
    "hvert",
    "hver",
    "kvart",
    "kvar",
    "each",
    "every",
    "first",
    "første",
    "fyrste",
    "full",
    "fulle",
    "whole",
    "hele",
    "heile",
    "completed",
    // The month begun or completed: "per påbegynte måned", "for hver fullførte måned".
    "påbegynte",
    "påbyrja",
    "fullførte",
    "fullført",
    "started",
];

/// A sum that steps down by a share per unit of time ("reduseres med en tredjedel for hvert
/// år", "nedskrives med 1/24 per måned", "falls by 50 % after the first year") is gone after
/// as many steps as the share goes into the whole: that is how long the clause binds, in the
/// step's unit when the steps are a whole number.
pub fn step_down(text: &str) -> Option<Duration> {
    let lower = text.to_lowercase().replace('-', " ");
    const STEPS_BY: [&str; 2] = ["med ", "by "];
    let find = |p: &str, from: usize| lower[from..].find(p).map(|k| from + k);
    // The next place of each word, searched again only once passed: a text of thousands of
    // "med" and no "by" is not searched to its end for each of them.
    let mut next = STEPS_BY.map(|p| find(p, 0));
    while let Some((k, len)) = next.iter().zip(STEPS_BY).filter_map(|(k, p)| k.map(|k| (k, p.len()))).min() {
        let from = k + len;
        for (n, p) in next.iter_mut().zip(STEPS_BY) {
            if n.is_some_and(|n| n < from) {
                *n = find(p, from);
            }
        }
        if lower[..k].ends_with(is_word_char) {
            continue;
        }
        let Some((steps, end)) = share_at(&lower, from) else { continue };
        let clause = &lower[end..];
        let clause = &clause[..clause.find([',', ';']).unwrap_or(clause.len())];
        let mut prev = "";
        let mut j = 0;
        for token in clause.split(' ') {
            if STEP_WORDS.contains(&prev) {
                if let Some((unit, _, _)) =
                    unit_at(clause, j).filter(|&(_, _, u)| !clause[u..].starts_with(is_word_char))
                {
                    let whole = steps.round();
                    return ((2.0..=120.0).contains(&whole) && (steps - whole).abs() < 0.01)
                        .then_some(Duration { value: whole, unit });
                }
            }
            if !token.is_empty() {
                prev = token;
            }
            j += token.len() + 1;
        }
    }
    None
}

/// The ways a percentage is written after its number, lowercase.
const PERCENT: &[&str] = &["%", "prosent", "per cent", "percent"];

/// The number of steps in the share at `i` ("50 %", "12,5 prosent", "1/24", "en tredjedel")
/// and the share's end.
fn share_at(text: &str, i: usize) -> Option<(f64, usize)> {
    if let Some(&(word, steps)) =
        FRACTION_WORDS.iter().find(|(w, _)| text[i..].starts_with(w) && !text[i + w.len()..].starts_with(is_word_char))
    {
        return Some((steps, i + word.len()));
    }
    if let Some(parts) = parts_at(text, i) {
        return Some(parts);
    }
    let number = |j: usize| Some(decimal_at(text, j)).filter(|&(v, end)| end > j && v > 0.0);
    let (n, end) = number(i)?;
    if let Some((d, end)) = text[end..].strip_prefix('/').and_then(|_| number(end + 1)) {
        return Some((d / n, end));
    }
    let rest = text[end..].trim_start();
    let percent = PERCENT.iter().find(|p| rest.starts_with(*p))?;
    Some((100.0 / n, text.len() - rest.len() + percent.len()))
}

/// The end of a half after a count or a unit: " og en halv", " og et halvt", " and a half",
/// " and one half", " and one-half".
fn half_after(text: &str, i: usize) -> Option<usize> {
    let and = Word::after(text, i, b" ")?;
    let article = Word::after(text, and.end, b" ")?;
    let half = Word::after(text, article.end, if and.is("and") { b" -" } else { b" " })?;
    let ok = match and.bytes() {
        b"og" => {
            matches!(article.bytes(), b"en" | b"ei" | b"et" | b"ett" | b"ein" | b"eit" | b"eitt")
                && (half.is("halv") || half.is("halvt"))
        }
        b"and" => matches!(article.bytes(), b"a" | b"one") && half.is("half"),
        _ => false,
    };
    ok.then_some(half.end)
}

/// The end of an optional joint between a count and its unit: a space and/or a hyphen.
fn joint_end(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let mut j = i;
    for c in [b' ', b'-', b' '] {
        if b.get(j) == Some(&c) {
            j += 1;
        }
    }
    j
}

/// `inner` between brackets or dashes after `i`: " (3)", "(3)", " - tre -", "-tre-".
fn bracketed<T>(text: &str, i: usize, inner: impl Fn(usize) -> Option<(T, usize)>) -> Option<(T, usize)> {
    let b = text.as_bytes();
    let space = |j: usize| j + usize::from(b.get(j) == Some(&b' '));
    let open = space(i);
    if !matches!(b.get(open), Some(b'(' | b'-')) {
        return None;
    }
    let (value, end) = inner(space(open + 1))?;
    let close = space(end);
    matches!(b.get(close), Some(b')' | b'-')).then_some((value, close + 1))
}

/// "(3) tre måneder": digits in brackets right before the number word at `i`, and the
/// offset of the bracket.
fn digits_before(text: &str, i: usize) -> Option<(f64, usize)> {
    let before = &text[..i];
    let inside = before.strip_suffix(' ').unwrap_or(before).strip_suffix(')')?;
    let inside = inside.strip_suffix(' ').unwrap_or(inside);
    let digits_start = inside.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let opening = text[..digits_start].strip_suffix(' ').unwrap_or(&text[..digits_start]).strip_suffix('(')?;
    let value = inside[digits_start..].parse().ok()?;
    Some((value, opening.len()))
}

/// "(tre) år", "(THREE) years", "(4) weeks": the number from `i` to `end` alone in round
/// brackets, with no figure before them (that is "3 (tre) år", read from the figure). The
/// offsets of the opening bracket and of the end of the closing one.
fn alone_in_brackets(text: &str, i: usize, end: usize) -> Option<(usize, usize)> {
    let before = text[..i].strip_suffix(' ').unwrap_or(&text[..i]).strip_suffix('(')?;
    if before.trim_end().ends_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let rest = &text[end..];
    let close = end + rest.len() - rest.strip_prefix(' ').unwrap_or(rest).strip_prefix(')')?.len();
    Some((before.len(), close))
}

/// "tre måneders lønn", "three months' base salary", "two months of basic salary": a sum of
/// money measured in pay, not a period. Pay that labels a field of its own is the next row's
/// ("Prøvetid: 6 måneder Lønn: 500 000 kr", "Notice: 1 month Salary: NOK 500,000").
fn pay_follows(text: &str) -> bool {
    let text = text.strip_prefix('\'').unwrap_or(text).trim_start();
    // After "of" the pay is a word of its own: "within 12 months of payment" is a length.
    let (text, whole) = match text.get(..3).filter(|w| w.eq_ignore_ascii_case("of ")) {
        Some(_) => (text[3..].trim_start(), true),
        None => (text, false),
    };
    let text = ["brutto", "netto", "fast", "grunn", "base", "basic", "gross"]
        .iter()
        .find(|p| starts_with_folded(text.as_bytes(), p))
        .map_or(text, |p| text[p.len()..].trim_start());
    // "CTC" (cost to company) is the whole yearly pay in Indian English.
    ["lønn", "løn", "salary", "salaries", "pay", "wages", "ctc"].iter().any(|p| {
        let rest = text.get(p.len()..).unwrap_or("");
        starts_with_folded(text.as_bytes(), p)
            && !(whole && rest.starts_with(char::is_alphanumeric))
            && !rest.trim_start_matches(char::is_alphabetic).trim_start().starts_with(':')
    })
}

/// All durations in `text`, in text order and non-overlapping: a count (digits, a number
/// word, or both: "tre (3)", "3 -tre-", "(3) tre"), an optional half ("to og en halv",
/// "six and a half"), an optional joint (space and/or hyphen: "6-måneders") and a unit; a
/// half may also follow the unit ("a month and a half", "ett år og et halvt"). Years and
/// the months after them are one span in months ("to år og seks måneder" is 30 months); other
/// units are not added up: "en måned og to uker" is two durations.
pub fn durations(text: &str) -> Vec<Found<Duration>> {
    durations_in(text, crate::lexicon::words(text))
}

/// [`durations`] with the words of `text` (runs of letters and digits) already found.
pub(crate) fn durations_in(text: &str, words: impl IntoIterator<Item = crate::lexicon::Word>) -> Vec<Found<Duration>> {
    let text = &*misread_ones(ocr_figures(text));
    let may_start = |b: u8| {
        b.is_ascii_digit() || b >= 0x80 || matches!(b | 0x20, b'a' | b'e' | b'f' | b'h' | b'n' | b'o' | b's' | b't')
    };
    scan(text, words, may_start, duration_at)
}

fn duration_at(text: &str, i: usize, free_from: usize) -> Option<Found<Duration>> {
    let mut start = i;
    if let Some((value, end)) = ordinal_span_at(text, i) {
        return Some(Found { value, start: i, end });
    }
    if let Some((value, end)) = compound_unit_at(text, i) {
        return Some(Found { value, start: i, end });
    }
    if let Some(end) = first_half_year_at(text, i) {
        return Some(Found { value: Duration { value: 0.5, unit: Unit::Year }, start: i, end });
    }
    if let Some(found) = glued_count_at(text, i) {
        return Some(found);
    }
    let (mut count, glued_ok) = if text.as_bytes()[i].is_ascii_digit() {
        if !starts_number(text, i) {
            return None;
        }
        let (value, end) = decimal_at(text, i);
        let mut end = bracketed(text, end, |j| number_at(text, j).map(|c| ((), c.end))).map_or(end, |(_, e)| e);
        // The figure alone in brackets before its unit, its word left out: "at least (4) weeks notice".
        if let Some((open, close)) = alone_in_brackets(text, i, end).filter(|(open, _)| *open >= free_from) {
            start = open;
            end = close;
        }
        (Count { value, end, tongue: None, article: false }, true)
    } else {
        let mut count = number_at(text, i)?;
        // The digits win when the two disagree.
        let digits = |j: usize| {
            let starts = text.as_bytes().get(j).is_some_and(u8::is_ascii_digit);
            starts.then(|| decimal_at(text, j))
        };
        if let Some((value, end)) = bracketed(text, count.end, digits) {
            count = Count { value, end, tongue: None, article: false };
        } else if let Some((_, at)) =
            digits_before(text, i).filter(|(value, at)| *value == count.value && *at >= free_from)
        {
            // Digits before the word must agree with it: "§ 15-3 (4) tre måneder" is a subsection.
            count.tongue = None;
            start = at;
        } else if let Some((open, close)) = alone_in_brackets(text, i, count.end).filter(|(open, _)| *open >= free_from)
        {
            // The word alone in brackets before its unit, its figure left out: "(tre) år".
            start = open;
            count.end = close;
        }
        (count, count.tongue.is_none())
    };
    let half = half_after(text, count.end);
    if let Some(end) = half {
        count.value += 0.5;
        count.end = end;
    }
    let mut unit_start = joint_end(text, count.end);
    // "de to første årene": the first N units.
    if let Some(f) = ["første ", "fyrste "].iter().find(|f| starts_with_folded(&text.as_bytes()[unit_start..], f)) {
        unit_start += f.len();
    }
    // An adjective that only says the units run unbroken or whole, or come on top of others:
    // "12 consecutive months", "6 full months", "tolv sammenhengende måneder", "two additional
    // years", "2 ekstra måneder".
    const WHOLE: &[&str] = &[
        "consecutive ",
        "full ",
        "complete ",
        "additional ",
        "further ",
        "more ",
        "extra ",
        "sammenhengende ",
        "samanhengande ",
        "fulle ",
        "ekstra ",
    ];
    if unit_start > count.end {
        if let Some(f) = WHOLE.iter().find(|f| starts_with_folded(&text.as_bytes()[unit_start..], f)) {
            unit_start += f.len();
        }
    }
    let hyphen = text[count.end..unit_start].contains('-');
    // A glued number word is usually part of another word ("tremåneders").
    if unit_start == count.end && !glued_ok && text[count.end..].starts_with(char::is_alphanumeric) {
        return None;
    }
    let Some((unit, tongue, unit_end)) = unit_at(text, unit_start) else {
        let unit = label_unit(text, start)
            .filter(|_| count.tongue.is_none() && half.is_none())
            .or_else(|| (count.value <= 100.0).then(|| elided_unit(text, start, count.end)).flatten())?;
        return Some(Found { value: Duration { value: count.value, unit }, start, end: count.end });
    };
    if count.tongue.is_some_and(|t| t != tongue) {
        return None;
    }
    // Letters glued to the unit are only a compound after a hyphen ("6-månedersperioden");
    // otherwise it is another word ("månedslønn").
    let mut end = word_end(text, unit_end);
    // The genitive glued to the binding it measures is one: "2 årsbindingstid" is "2 års
    // bindingstid".
    let binding = text[..unit_end].ends_with('s') && starts_with_folded(&text.as_bytes()[unit_end..], "binding");
    if binding {
        end = unit_end;
    }
    if end > unit_end && !hyphen || pay_follows(&text[unit_end..]) || age_follows(&text[unit_end..]) {
        return None;
    }
    // A time ago is a point in the past, no length: "signed 2 years ago", "for to år siden".
    let after = Word::after(text, end, b" ");
    if after.is_some_and(|w| w.is("ago"))
        || (after.is_some_and(|w| w.is("siden") || w.is("sidan"))
            && word_before(text, start).eq_ignore_ascii_case("for"))
    {
        return None;
    }
    // "a month and a half"; not "en måned og en halv uke", which is two durations.
    if let Some(half_end) = half_after(text, end).filter(|_| half.is_none()) {
        if unit_at(text, joint_end(text, half_end)).is_none() {
            count.value += 0.5;
            end = half_end;
        }
    }
    // "a" counts only with a half, after a preposition of time ("within a year", "for a
    // year after leaving") or before a possessive ("a month's notice"): "a month" is also a
    // frequency ("once a month").
    let possessive = text[..unit_end].ends_with("'s");
    if count.article && end == word_end(text, unit_end) && !possessive && !after_time_preposition(text, i) {
        return None;
    }
    // "to år og seks måneder", "one year and three months": one span, counted in months.
    if unit == Unit::Year {
        let months = Word::after(text, end, b" ")
            .filter(|and| and.is("og") || and.is("and"))
            .filter(|and| text.as_bytes().get(and.end) == Some(&b' '))
            .and_then(|and| duration_at(text, and.end + 1, and.end + 1))
            .filter(|m| m.value.unit == Unit::Month && m.value.value < 12.0);
        if let Some(m) = months {
            let value = Duration { value: count.value * 12.0 + m.value.value, unit: Unit::Month };
            return Some(Found { value, start, end: m.end });
        }
    }
    Some(Found { value: Duration { value: count.value, unit }, start, end })
}

/// A unit that is a number of another with a count of one before it: "a fortnight", "one
/// fortnight's" (two weeks), "one quarter", "eit kvartal", "et kvartals varsel" (three months).
/// "a quarter" counts only as a bare article would ("within a quarter", "a quarter's
/// notice"): "once a quarter" is a frequency, "a quarter of the costs" a share.
fn compound_unit_at(text: &str, i: usize) -> Option<(Duration, usize)> {
    // Only an article counts one: a word that starts with no article's letter is not read.
    if !matches!(text.as_bytes()[i] | 0x20, b'a' | b'o' | b'e') {
        return None;
    }
    let article = Word::at(text, i)?;
    let english = article.is("a") || article.is("one");
    let norwegian = ["et", "ett", "eit", "eitt"].iter().any(|a| article.is(a));
    if !english && !norwegian {
        return None;
    }
    let unit = Word::after(text, article.end, b" ")?;
    let possessive = text[unit.end..].starts_with("'s");
    let end = unit.end + if possessive { 2 } else { 0 };
    if english && unit.is("fortnight") {
        return Some((Duration { value: 2.0, unit: Unit::Week }, end));
    }
    let quarter = english && unit.is("quarter") || norwegian && (unit.is("kvartal") || unit.is("kvartals"));
    let counted = !article.is("a") || possessive || after_time_preposition(text, i);
    let of = Word::after(text, end, b" ").filter(|w| w.is("of") || w.is("av"));
    // "a quarter of a year" is three months, not a share of something.
    if let (true, Some(of)) = (quarter && english, of) {
        let year = Word::after(text, of.end, b" ")
            .filter(|a| a.is("a") || a.is("one"))
            .and_then(|a| Word::after(text, a.end, b" "))
            .filter(|y| y.is("year"));
        if let Some(year) = year {
            return Some((Duration { value: 3.0, unit: Unit::Month }, year.end));
        }
    }
    let share = of.is_some();
    (quarter && counted && !share).then_some((Duration { value: 3.0, unit: Unit::Month }, end))
}

/// Whether the unit is the first part of a person's age, no length: "29-åringen", "a
/// 29-year-old".
fn age_follows(rest: &str) -> bool {
    let rest = rest.as_bytes();
    rest.starts_with(b"ing") || rest.starts_with(b"-old") || rest.starts_with(b"s-old")
}

/// A Norwegian number word glued to the genitive of a unit, the compound's first part, or to the
/// adjective of years: "tremånedersfristen", "ein tremånaders frist", "toårsperioden", "ein
/// toårig bindingstid". Otherwise it is
/// another word ("treåring"), and one of pay is a sum ("tremånedslønn"). An English number
/// word glued to a whole unit is a compound whose hyphen was typed with a space after it and
/// joined as a word broken at a line end ("a three- month probation" reads "threemonth").
fn glued_count_at(text: &str, i: usize) -> Option<Found<Duration>> {
    // Most words start with no number word: their units need not be looked for.
    if !NUMBER_STARTS.may_start(text, i) {
        return None;
    }
    let end = word_end(text, i);
    // The longest number word glued so ("sekstiseks") is ten bytes.
    let last = end.saturating_sub(3).min(i + 10);
    (i + 2..=last).filter(|&j| text.is_char_boundary(j)).find_map(|j| {
        let (unit, tongue, unit_end) = unit_at(text, j)?;
        let genitive = text.as_bytes()[unit_end - 1].eq_ignore_ascii_case(&b's');
        let adjective = end == j + "årig".len() && starts_with_folded(&text.as_bytes()[j..], "årig");
        let (value, number_tongue) = number_word(&Word::at(&text[..j], i)?)?;
        let compound = match tongue {
            Tongue::Norwegian => genitive || adjective,
            Tongue::English => unit_end == end,
        };
        (number_tongue == tongue && compound && !pay_follows(&text[unit_end..])).then_some(Found {
            value: Duration { value, unit },
            start: i,
            end,
        })
    })
}

/// "det første halvåret", "i fyrste halvår", "heile første halve året", "den første
/// halvårsperioden": the first six months, a span with no number in it, as "the first half
/// year" is. A half-year on its own ("hvert halvår") is a frequency, and "når fyrste halvåret
/// er over" a point in time.
fn first_half_year_at(text: &str, i: usize) -> Option<usize> {
    // Only "første" and "fyrste" open it: the word before is read for no other.
    if text.as_bytes()[i] | 0x20 != b'f' {
        return None;
    }
    let before = word_before(text, i);
    if !["det", "den", "i", "hele", "heile"].iter().any(|a| before.eq_ignore_ascii_case(a)) {
        return None;
    }
    let first = Word::at(text, i)?;
    if !(first.is("første") || first.is("fyrste")) {
        return None;
    }
    let half = Word::after(text, first.end, b" ")?;
    // Also the period it makes: "Den første halvårsperioden er prøvetid".
    if ["halvår", "halvåret", "halvårsperiode", "halvårsperioden"].iter().any(|h| half.is(h)) {
        return Some(half.end);
    }
    let year = Word::after(text, half.end, b" ").filter(|_| half.is("halve"))?;
    (year.is("år") || year.is("året")).then_some(year.end)
}

/// A year named by its ordinal, a duration with no number in it: "first year", "første
/// året", "first anniversary" are a year; "the end of the second year", "utgangen av det
/// tredje året", "i løpet av det andre året" and "second anniversary" count the years to
/// that point. A later year on its own ("the 2nd year") is a point in time, not a span.
/// A month counts so only up to its end: "til utgangen av tredje kalendermåned etter
/// oppsigelsen", "by the end of the second calendar month after notice" are three and two
/// months; "during the first month" is a time within the employment, not a length.
fn ordinal_span_at(text: &str, i: usize) -> Option<(Duration, usize)> {
    const ORDINALS: &[(&str, f64)] = &[
        ("first", 1.0),
        ("første", 1.0),
        ("fyrste", 1.0),
        ("second", 2.0),
        ("2nd", 2.0),
        ("andre", 2.0),
        ("annet", 2.0),
        ("third", 3.0),
        ("3rd", 3.0),
        ("tredje", 3.0),
        ("fourth", 4.0),
        ("4th", 4.0),
        ("fjerde", 4.0),
        ("fifth", 5.0),
        ("5th", 5.0),
        ("femte", 5.0),
        ("sixth", 6.0),
        ("6th", 6.0),
        ("sjette", 6.0),
    ];
    const YEARS: &[&str] = &[" year", " anniversary", " året", " år"];
    const MONTHS: &[&str] = &[
        " full calendar month",
        " calendar month",
        " month",
        " hele kalendermåned",
        " heile kalendermånad",
        " kalendermåneden",
        " kalendermånaden",
        " kalendermåned",
        " kalendermånad",
        " måneden",
        " månaden",
        " måned",
        " månad",
    ];
    // What makes an ordinal month a span: its end.
    const MONTH_END: &[&str] = &[
        "end of the",
        "end of",
        "utgangen av den",
        "utgangen av",
        "utløpet av den",
        "utløpet av",
        "slutten av den",
        "slutten av",
    ];
    // What makes a later year a span: its end, or the time within it.
    const UNTIL: &[&str] = &[
        "end of the",
        "end of your",
        "end of",
        "during the",
        "during your",
        "utgangen av det",
        "utgangen av",
        "utløpet av det",
        "utløpet av",
        "slutten av det",
        "slutten av",
        "løpet av det",
        "løpet av",
    ];
    // Most words start with no ordinal's first two letters.
    static STARTS: LazyLock<Starts> = LazyLock::new(|| Starts::of(ORDINALS.iter().map(|(o, _)| key(o))));
    if !STARTS.may_start(text, i) {
        return None;
    }
    let rest = &text.as_bytes()[i..];
    let &(ordinal, count) = ORDINALS.iter().find(|(o, _)| starts_with_folded(rest, o))?;
    let after = &rest[ordinal.len()..];
    let (unit, kind) =
        YEARS.iter().map(|y| (y, Unit::Year)).chain(MONTHS.iter().map(|m| (m, Unit::Month))).find(|(u, _)| {
            starts_with_folded(after, u) && word_end(text, i + ordinal.len() + u.len()) == i + ordinal.len() + u.len()
        })?;
    let end = i + ordinal.len() + unit.len();
    if word_end(text, i) != i + ordinal.len() {
        return None;
    }
    let before = text[..i].trim_end_matches(' ');
    let follows = |list: &[&str]| {
        list.iter().any(|u| {
            before.len() >= u.len()
                && before.is_char_boundary(before.len() - u.len())
                && starts_with_folded(&before.as_bytes()[before.len() - u.len()..], u)
        })
    };
    // The first month of the employment named as a whole, the subject or the complement of its
    // sentence ("Den første måneden av ansettelsen er prøvetid", "The first month is a
    // probationary period", "Probation is the first month of employment"): not a time within
    // another ("during the first month of …", "lønn for den første måneden av …").
    let named = || {
        let article = word_before(text, i);
        let head = &text[..text[..i].trim_end_matches(' ').len() - article.len()];
        ["den", "the"].iter().any(|a| article.eq_ignore_ascii_case(a))
            && ["", "er", "is", "be", "være", "vere", "blir", "vert"]
                .iter()
                .any(|w| word_before(head, head.len()).eq_ignore_ascii_case(w))
            && [" of ", " av ", " is ", " er ", " will be ", " shall be ", " blir ", " vert "]
                .iter()
                .any(|o| text[end..].starts_with(o))
    };
    let spans = match kind {
        Unit::Month => follows(MONTH_END) || (count == 1.0 && named()),
        _ => count == 1.0 || unit.ends_with("anniversary") || follows(UNTIL),
    };
    spans.then_some((Duration { value: count, unit: kind }, end))
}

/// The word before `i` is "within", "for", "after" or "before": "within a year", "if I leave
/// before a year of employment" is a span, not a rate.
fn after_time_preposition(text: &str, i: usize) -> bool {
    let word = word_before(text, i);
    ["within", "for", "after", "before", "inside", "under"].iter().any(|p| word.eq_ignore_ascii_case(p))
}

/// The word of letters right before `i` (spaces between allowed), or "".
fn word_before(text: &str, i: usize) -> &str {
    let before = text[..i].trim_end_matches(' ');
    let start =
        before.char_indices().rev().take_while(|(_, c)| c.is_alphabetic()).last().map_or(before.len(), |(p, _)| p);
    &before[start..]
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

/// ISO 4217 codes, before or after the sum ("THB 80,000", "80,000 THB"): written in capitals only,
/// as "nok" is a common Norwegian word. Codes that are also words in capitals ("ALL", "TOP",
/// "CUP", "MAD", "TRY", "PEN", "COP", "NPR") are left out. Sorted, for [`code_named`].
const CODES: &[Currency] = &[
    code("AED"),
    code("ARS"),
    code("AUD"),
    code("BDT"),
    code("BGN"),
    code("BHD"),
    code("BRL"),
    code("BWP"),
    code("CAD"),
    code("CHF"),
    code("CLP"),
    code("CNY"),
    code("CZK"),
    code("DKK"),
    code("EGP"),
    code("EUR"),
    code("GBP"),
    code("GHS"),
    code("HKD"),
    code("HUF"),
    code("IDR"),
    code("ILS"),
    code("INR"),
    code("ISK"),
    code("JMD"),
    code("JOD"),
    code("JPY"),
    code("KES"),
    code("KRW"),
    code("KWD"),
    code("LKR"),
    code("MXN"),
    code("MYR"),
    code("NGN"),
    code("NOK"),
    code("NZD"),
    code("OMR"),
    code("PHP"),
    code("PKR"),
    code("PLN"),
    code("QAR"),
    code("RON"),
    code("RUB"),
    code("SAR"),
    code("SEK"),
    code("SGD"),
    code("THB"),
    code("TTD"),
    code("TWD"),
    code("TZS"),
    code("UAH"),
    code("UGX"),
    code("USD"),
    code("VND"),
    code("ZAR"),
    code("ZMW"),
];

const fn code(code: &'static str) -> Currency {
    currency(code, code, 1.0)
}

/// The currency whose code `s` is, found by its three letters rather than by trying every code
/// at every number.
fn code_named(s: &str) -> Option<&'static Currency> {
    CODES.binary_search_by(|c| c.code.cmp(s)).ok().map(|i| &CODES[i])
}

/// A currency code at the end of `s`, as [`token_before`] takes a marker: its start and currency.
fn code_before(s: &str) -> Option<(usize, &'static Currency)> {
    let head = s.strip_suffix(' ').unwrap_or(s);
    let c = code_named(head.get(head.len().checked_sub(3)?..)?)?;
    token_before(s, c.token).map(|at| (at, c))
}

/// A currency code at the start of `s`, as [`token_after`] takes a marker: its length and currency.
fn code_after(s: &str) -> Option<(usize, &'static Currency)> {
    let start = usize::from(s.starts_with(' '));
    let c = code_named(s.get(start..start + 3)?)?;
    token_after(s, c.token).map(|len| (len, c))
}

/// Markers written before the number ("kr 50 000", "€5,000").
const PREFIXES: &[Currency] = &[
    currency("MNOK", "NOK", 1e6),
    currency("TNOK", "NOK", 1e3),
    currency("kr.", "NOK", 1.0),
    currency("kr", "NOK", 1.0),
    currency("€", "EUR", 1.0),
    // Other dollars before "$" alone: "HK$20,000", "A$5,000", "S$8,000".
    currency("HK$", "HKD", 1.0),
    currency("NZ$", "NZD", 1.0),
    currency("US$", "USD", 1.0),
    currency("A$", "AUD", 1.0),
    currency("C$", "CAD", 1.0),
    currency("S$", "SGD", 1.0),
    currency("$", "USD", 1.0),
    currency("฿", "THB", 1.0),
    currency("₩", "KRW", 1.0),
    currency("₦", "NGN", 1.0),
    currency("£", "GBP", 1.0),
    currency("Rs.", "INR", 1.0),
    currency("Rs", "INR", 1.0),
    currency("₹", "INR", 1.0),
    // Malaysian offer letters and bonds count in ringgit: "RM 4,500".
    currency("RM", "MYR", 1.0),
    // The currency named in words before the sum, as Indian agreements write it: "rupees 1,50,000".
    currency("rupees", "INR", 1.0),
    // Philippine training bonds count in pesos: "₱150,000".
    currency("₱", "PHP", 1.0),
    // Teaching contracts in China: "RMB 8,000", "Rmb 4000" ("rmb" is no word in any case).
    currency("rmb", "CNY", 1.0),
];

/// Markers written after the number ("50 000 kroner", "1,2 MNOK").
const SUFFIXES: &[Currency] = &[
    currency("MNOK", "NOK", 1e6),
    // Thousands of kroner in a budget's shorthand: "kursavgift 45 TNOK".
    currency("TNOK", "NOK", 1e3),
    currency("tkr", "NOK", 1e3),
    currency("svenske kroner", "SEK", 1.0),
    currency("danske kroner", "DKK", 1.0),
    // A currency named in words by its country: "fifteen thousand Swedish kronor", "tretti tusen
    // amerikanske dollar".
    currency("svenske kronor", "SEK", 1.0),
    currency("swedish kronor", "SEK", 1.0),
    currency("swedish krona", "SEK", 1.0),
    currency("danish kroner", "DKK", 1.0),
    currency("danish krone", "DKK", 1.0),
    currency("norske kroner", "NOK", 1.0),
    currency("norwegian kroner", "NOK", 1.0),
    currency("norwegian krone", "NOK", 1.0),
    currency("amerikanske dollar", "USD", 1.0),
    currency("us dollars", "USD", 1.0),
    currency("us dollar", "USD", 1.0),
    currency("dollars", "USD", 1.0),
    currency("dollar", "USD", 1.0),
    currency("euros", "EUR", 1.0),
    currency("€", "EUR", 1.0),
    currency("$", "USD", 1.0),
    // Sterling named in words: "3,000 pounds sterling", "three thousand pounds".
    currency("pounds sterling", "GBP", 1.0),
    currency("pounds", "GBP", 1.0),
    currency("£", "GBP", 1.0),
    currency("zloty", "PLN", 1.0),
    currency("złoty", "PLN", 1.0),
    currency("kroner", "NOK", 1.0),
    currency("krone", "NOK", 1.0),
    currency("kr", "NOK", 1.0),
    currency("euro", "EUR", 1.0),
    currency("rupees", "INR", 1.0),
    currency("ringgit", "MYR", 1.0),
    currency("pesos", "PHP", 1.0),
    currency("peso", "PHP", 1.0),
    currency("dirhams", "AED", 1.0),
    currency("riyals", "SAR", 1.0),
    currency("rmb", "CNY", 1.0),
    currency("yuan", "CNY", 1.0),
    // After a sum "won" is the Korean currency, not the verb: "1,000,000 won".
    currency("won", "KRW", 1.0),
    currency("yen", "JPY", 1.0),
    // Where teachers, crews and nurses sign abroad: "eighty thousand baht", "50,000 rand".
    currency("baht", "THB", 1.0),
    currency("dong", "VND", 1.0),
    currency("rupiah", "IDR", 1.0),
    currency("rand", "ZAR", 1.0),
    currency("naira", "NGN", 1.0),
    currency("swiss francs", "CHF", 1.0),
    currency("australian dollars", "AUD", 1.0),
    currency("canadian dollars", "CAD", 1.0),
    currency("singapore dollars", "SGD", 1.0),
    currency("hong kong dollars", "HKD", 1.0),
    currency("new zealand dollars", "NZD", 1.0),
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
    // Indian English counts money in lakhs (100,000) and crores (10 million): "Rs 3 lakh",
    // "6.5 Lakhs", "Rs.2 Lacs" (rupees where no other currency is named).
    ("lakhs", 1e5),
    ("lakh", 1e5),
    ("lacs", 1e5),
    ("lac", 1e5),
    ("crores", 1e7),
    ("crore", 1e7),
    // Thousands in shorthand: "NOK 40'", "kr 40k".
    ("'", 1e3),
    ("k", 1e3),
];

/// The multiplier right after a figure: its length, token and scale. The shorthand "'" stands
/// glued to the figure ("NOK 40'"); after a space it opens a quote ("£2,500 'cost of the course'").
fn multiplier_after(rest: &str) -> Option<(usize, &'static str, f64)> {
    MULTIPLIERS
        .iter()
        .filter(|(token, _)| *token != "'" || !rest.starts_with(' '))
        .find_map(|&(token, scale)| token_after(rest, token).map(|len| (len, token, scale)))
}

/// All money amounts in `text`, in text order and non-overlapping. A number
/// counts only with a currency marker next to it (or the Norwegian ",-"), or next to one of
/// the grammar's words of paying (`sums`).
pub fn amounts(text: &str, sums: &BareSums) -> Vec<Found<Amount>> {
    amounts_in(text, crate::lexicon::words(text), sums)
}

/// [`amounts`] with the words of `text` already found.
pub(crate) fn amounts_in(
    text: &str,
    words: impl IntoIterator<Item = crate::lexicon::Word>,
    sums: &BareSums,
) -> Vec<Found<Amount>> {
    let text = &*ocr_figures(text);
    let mut found: Vec<Found<Amount>> = Vec::new();
    let mut i = 0;
    // Digits are ASCII, so no byte of another character looks like one.
    while let Some(k) = text.as_bytes()[i..].iter().position(u8::is_ascii_digit) {
        i += k;
        if !starts_number(text, i) && !after_currency_code(text, i) {
            i += 1;
            continue;
        }
        let (number_end, number) = scan_number(text, i);
        let free_from = found.last().map_or(0, |f| f.end);
        match amount_at(text, free_from, i, number_end, number)
            .or_else(|| bare_amount(text, i, number_end, number, sums))
        {
            Some(amount) => {
                i = amount.end;
                found.push(amount);
            }
            None => i = number_end,
        }
    }
    word_amounts(text, words, &mut found);
    equivalents(text, &mut found, sums);
    found
}

/// An amount with its equivalent in another currency in brackets is one sum, read in kroner
/// where one of them is: "NOK 60 000 (approx. EUR 5 200)" and "€ 1 200 (ca. NOK 14 000)" are
/// NOK, "USD 7,500 (about EUR 6,900)" the figure stated. The bracket may give more than one
/// ("NOK 3,000 (about EUR 260 / PLN 1,100)") and a word of estimate before each.
fn equivalents(text: &str, found: &mut Vec<Found<Amount>>, sums: &BareSums) {
    // The end of `after`'s opener: a bracket or a list separator, then a word of estimate.
    let opens = |after: &str, first: bool| {
        let rest = after.trim_start_matches(' ');
        let rest = if first {
            rest.strip_prefix('(')
        } else {
            ["/", ",", ";", "or ", "eller "].iter().find_map(|sep| rest.strip_prefix(sep))
        }?
        .trim_start_matches(' ');
        let estimate = sums.estimates.iter().find(|e| {
            rest.get(..e.len()).is_some_and(|head| head.eq_ignore_ascii_case(e))
                && !rest[e.len()..].starts_with(char::is_alphabetic)
        });
        let rest = estimate.map_or(rest, |e| rest[e.len()..].trim_start_matches('.').trim_start_matches(' '));
        Some(after.len() - rest.len())
    };
    let mut i = 0;
    while i + 1 < found.len() {
        let mut j = i;
        while found.get(j + 1).is_some_and(|next| {
            let gap = text.get(found[j].end..next.start).unwrap_or("");
            opens(gap, j == i) == Some(gap.len()) && !gap.is_empty()
        }) {
            j += 1;
        }
        let close = text[found[j].end..].trim_start_matches(' ');
        let other = found[i + 1..=j].iter().any(|f| f.value.currency != found[i].value.currency);
        if j > i && other && close.starts_with(')') {
            let end = text.len() - close.len() + 1;
            let kroner = found[i..=j].iter().position(|f| f.value.currency == "NOK").unwrap_or(0);
            let value = found[i + kroner].value.clone();
            found[i] = Found { value, start: found[i].start, end };
            found.drain(i + 1..=j);
        }
        i += 1;
    }
}

/// Amounts written in words: "femti tusen kroner", "eitt tusen fem hundre kroner", "fifty
/// thousand kroner", "NOK ten thousand". Added to `found` in order.
fn word_amounts(text: &str, words: impl IntoIterator<Item = crate::lexicon::Word>, found: &mut Vec<Found<Amount>>) {
    let bytes = text.as_bytes();
    let mut in_words = Vec::new();
    let mut i = 0;
    // The amounts in figures are looked up, not read through for each word: by start, the
    // furthest any of those from the first on reaches ([`reach_before`]), and their ends in order.
    let mut by_start: Vec<(usize, usize)> = found.iter().map(|f| (f.start, f.end)).collect();
    by_start.sort_unstable();
    let reach: Vec<(usize, usize)> = by_start
        .iter()
        .scan(0, |furthest, &(start, end)| {
            *furthest = end.max(*furthest);
            Some((start, *furthest))
        })
        .collect();
    let mut ends: Vec<usize> = found.iter().map(|f| f.end).collect();
    ends.sort_unstable();
    // Only a word that starts with a letter can be a number word ("åtti" too).
    for w in words.into_iter().filter(|w| !bytes[w.start].is_ascii_digit()) {
        if w.start < i {
            continue;
        }
        i = w.start;
        let free = || reach_before(&reach, i + 1) <= i;
        // Thousands glued to their count, as Norwegian writes them: "femtitusen", "tjuefemtusen".
        // Most words are no such count: the suffix is tested before any copy is made.
        let glued_thousands = || {
            let word = text.get(w.start..w.end)?;
            let cut = word.len().checked_sub(5).filter(|&cut| cut > 0)?;
            word.as_bytes()[cut..].eq_ignore_ascii_case(b"tusen").then_some(())?;
            let stem = word[..cut].to_lowercase();
            Some(Count { value: number_value(&stem)? * 1000.0, end: w.end, tongue: None, article: false })
        };
        let Some(count) = free().then(|| number_at(text, i).or_else(glued_thousands)).flatten().filter(|c| !c.article)
        else {
            continue;
        };
        let (mut value, mut end) = (count.value, count.end);
        if let Some((sum, sum_end)) = indian_words(text, count) {
            // "Three Lakh Fifty Thousand", "One Crore Twenty Five Lakh": one sum in rupees.
            (value, end) = (sum, sum_end);
        } else if let Some(thousand) = Word::after(text, end, b" -").filter(|w| w.is("tusen") || w.is("thousand")) {
            // Thousands, also hyphened to their count: "eighty-thousand".
            value *= 1000.0;
            end = thousand.end;
            // "… tusen fem hundre", "… thousand and five hundred"
            let mut j = end;
            if let Some(and) = Word::after(text, j, b" ").filter(|w| w.is("og") || w.is("and")) {
                j = and.end;
            }
            if let Some(rest) = bytes.get(j).filter(|&&b| b == b' ').and_then(|_| number_at(text, j + 1)) {
                if !rest.article {
                    value += rest.value;
                    end = rest.end;
                }
            }
        }
        let free_from = ends.partition_point(|&e| e <= i).checked_sub(1).map_or(0, |k| ends[k]);
        // The same sum in figures in brackets before the currency: "femti tusen (50 000) kroner".
        let figures = text[end..]
            .strip_prefix(" (")
            .map(|r| r.bytes().take_while(|b| b.is_ascii_digit() || b" .,".contains(b)).count());
        let digit_first = text.as_bytes().get(end + 2).is_some_and(u8::is_ascii_digit);
        if let Some(len) = figures.filter(|&n| digit_first && text[end + 2 + n..].starts_with(')')) {
            end += len + 3;
        }
        // Small counts in words are articles and ordinary words more often than money
        // ("en NOK 690 000"); an amount in words is a hundred or more, or a count of millions
        // or lakhs ("én million kroner", "Rupees One Lakh").
        let millions = multiplier_after(&text[end..]).is_some_and(|(_, _, scale)| scale >= 1e5);
        let amount = (value >= 100.0 || millions).then(|| amount_at(text, free_from, i, end, value)).flatten();
        match amount.filter(|a| reach_before(&reach, a.end) <= a.start) {
            Some(amount) => {
                i = amount.end;
                in_words.push(amount);
            }
            None => i = end,
        }
    }
    if !in_words.is_empty() {
        found.extend(in_words);
        found.sort_by_key(|f| f.start);
    }
}

/// The furthest end of the spans that start before `at`, given as each start with the furthest
/// end of the spans up to it (by start); 0 if none does. A span that starts before `at` and
/// ends after `x` exists exactly where this is past `x`.
fn reach_before(reach: &[(usize, usize)], at: usize) -> usize {
    reach.partition_point(|&(start, _)| start < at).checked_sub(1).map_or(0, |k| reach[k].1)
}

/// The scale of an Indian English word of counting money: crores, lakhs or thousands.
fn indian_scale(word: &Word) -> Option<f64> {
    match word.bytes() {
        b"crore" | b"crores" => Some(1e7),
        b"lakh" | b"lakhs" | b"lac" | b"lacs" => Some(1e5),
        b"thousand" => Some(1e3),
        _ => None,
    }
}

/// A sum in words that counts in lakhs or crores from `first`, each count with its scale, the
/// scales falling, and hundreds last: "Three Lakh Fifty Thousand" (350,000), "One Crore Twenty
/// Five Lakh", "One Lakh Twenty Thousand Five Hundred". `None` unless the first scale is lakhs
/// or crores. Its value and end: where the sum ends on a scale word, that word is left for the
/// amount's own multiplier, and the value is counted in it (350 before "Thousand"), so that a
/// sum in lakhs is rupees as "Rs 3 lakh" is.
fn indian_words(text: &str, first: Count) -> Option<(f64, usize)> {
    let bytes = text.as_bytes();
    let mut last = Word::after(text, first.end, b" ").and_then(|w| indian_scale(&w)).filter(|&s| s >= 1e5)?;
    // The sum so far, and where the count before the last scale word ends.
    let (mut total, mut before_scale) = (first.value * last, first.end);
    let mut scale_end = Word::after(text, first.end, b" ")?.end;
    loop {
        // The next count, after "and" too: "One Lakh and Fifty Thousand".
        let mut j = scale_end;
        if let Some(and) = Word::after(text, j, b" ").filter(|w| w.is("and")) {
            j = and.end;
        }
        let Some(count) = (bytes.get(j) == Some(&b' ')).then(|| number_at(text, j + 1)).flatten() else { break };
        if count.article || count.tongue != Some(Tongue::English) {
            break;
        }
        match Word::after(text, count.end, b" ").and_then(|w| Some((indian_scale(&w)?, w.end))) {
            Some((scale, end)) if scale < last => {
                total += count.value * scale;
                (last, before_scale, scale_end) = (scale, count.end, end);
            }
            Some(_) => break,
            // Hundreds close the sum: "… Thousand Five Hundred".
            None if (100.0..1000.0).contains(&count.value) => return Some((total + count.value, count.end)),
            None => break,
        }
    }
    Some((total / last, before_scale))
}

/// Builds an amount around the number at `start..end`, looking for a currency
/// marker before it (not before `free_from`) or after it.
fn amount_at(text: &str, free_from: usize, start: usize, mut end: usize, number: f64) -> Option<Found<Amount>> {
    let before = &text[free_from..start];
    let prefix = PREFIXES
        .iter()
        .find_map(|c| token_before(before, c.token).map(|at| (at, c)))
        .or_else(|| code_before(before))
        .map(|(at, c)| (free_from + at, c));
    let mut value = number;
    let mut indian = false;
    if let Some((len, token, scale)) = multiplier_after(&text[end..]) {
        value *= scale;
        end += len;
        indian = matches!(token, "lakhs" | "lakh" | "lacs" | "lac" | "crores" | "crore");
    } else if let Some(len) = prefix.filter(|(_, c)| c.code == "INR").and_then(|_| token_after(&text[end..], "L")) {
        // After rupees, "L" alone is lakhs as offer letters shorten it: "INR 5 L", "Rs 4.5L".
        value *= 1e5;
        end += len;
    }
    // The Norwegian ",-" closes a sum in kroner, the South Asian "/-" one in rupees ("100000/-").
    let dash = text[end..].starts_with(",-");
    let slash = text[end..].starts_with("/-");
    if dash || slash {
        end += 2;
    }
    let currency = match prefix {
        Some((_, c)) => Some(c),
        None => SUFFIXES
            .iter()
            .find_map(|c| token_after(&text[end..], c.token).map(|len| (len, c)))
            .or_else(|| code_after(&text[end..]))
            .map(|(len, c)| {
                end += len;
                c
            }),
    };
    let (code, scale) = match currency {
        Some(c) => (c.code, c.scale),
        None if dash => ("NOK", 1.0),
        None if indian || slash => ("INR", 1.0),
        None => return None,
    };
    Some(Found {
        value: Amount { value: (value * scale * 100.0).round() / 100.0, currency: code },
        start: prefix.map_or(start, |(at, _)| at),
        end,
    })
}

/// A word list of the grammar as the readers compare it: trimmed and in lower case.
pub fn lower(words: Vec<String>) -> Vec<String> {
    words.iter().map(|w| w.trim().to_lowercase()).collect()
}

/// The words of paying next to which a sum without a currency is read as kroner (grammar.toml
/// `[bare_sums]`), lower case.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BareSums {
    /// Verbs of paying (back) that such a sum may follow: "betale tilbake 18 000", "repay 30,000".
    #[serde(default)]
    pub pay_verbs: Vec<String>,
    /// Adverbs that complete a paying verb before the sum: "betale attende 45 000", "pay back".
    #[serde(default)]
    pub back: Vec<String>,
    /// Endings of the nouns of a sum paid or owed, compounds included ("signeringsbonus",
    /// "konvensjonalbot", "flyttegodtgjersla").
    #[serde(default)]
    pub nouns: Vec<String>,
    /// Words of estimate that a sum alone in brackets may follow: "kostnaden (ca. 300 000)",
    /// "the fee (about 45,000)".
    #[serde(default)]
    pub estimates: Vec<String>,
}

impl BareSums {
    /// The words in lower case, as the amount reader compares them.
    pub fn lowercase(self) -> BareSums {
        BareSums {
            pay_verbs: lower(self.pay_verbs),
            back: lower(self.back),
            nouns: lower(self.nouns),
            estimates: lower(self.estimates),
        }
    }
}

/// A sum written without a currency, read as kroner, when it stands right next to a word of
/// paying: after a paying verb ("må betale tilbake 18 000"), after a bonus or penalty noun and
/// "på"/"of" ("en bonus på 40'") or right after one ("signeringsbonus 50k"), before such a noun
/// ("50 000 i signeringsbonus", "a 25 000 penalty"), or alone in brackets after a word of
/// estimate ("kostnaden (ca. 300 000)"). Only what is written as money counts: thousands groups, five to seven plain digits
/// or a shorthand multiplier; four plain digits are years and postcodes, and a number followed by
/// a unit or a percent sign counts something else.
fn bare_amount(text: &str, start: usize, number_end: usize, number: f64, sums: &BareSums) -> Option<Found<Amount>> {
    let raw = &text[start..number_end];
    let lead = raw.bytes().take_while(u8::is_ascii_digit).count();
    let (mut value, mut end) = (number, number_end);
    let shorthand = multiplier_after(&text[end..]);
    if let Some((len, _, scale)) = shorthand {
        value *= scale;
        end += len;
    }
    let plain = lead == raw.len();
    // scan_number groups only after at most three leading digits.
    let money_like = (plain && (shorthand.is_some() || (5..=7).contains(&lead))) || (lead <= 3 && !plain);
    let rest = text[end..].trim_start_matches(' ');
    let counts_else = rest.starts_with('%')
        || starts_with_unit(rest)
        || PERCENT.iter().chain(&["timer", "timar", "hours"]).any(|u| starts_with_folded(rest.as_bytes(), u));
    if !money_like || counts_else || !(1000.0..=1e7).contains(&value) {
        return None;
    }
    let is = |word: &str, list: &[String]| list.iter().any(|w| word.eq_ignore_ascii_case(w));
    let is_noun = |word: &str| {
        let word = word.to_lowercase();
        !word.is_empty() && sums.nouns.iter().any(|n| word.ends_with(n.as_str()))
    };
    let before = word_before(text, start);
    let before_start = text[..start].trim_end_matches(' ').len() - before.len();
    let second = word_before(text, before_start);
    // The noun after the sum may follow "i"/"in" and one word that qualifies it ("in retention bonus").
    let mut after = word_after(text, end);
    if ["i", "in"].iter().any(|w| after.0.eq_ignore_ascii_case(w)) {
        after = word_after(text, after.1);
    }
    let estimate = || {
        let head = text[..start].trim_end_matches(' ').trim_end_matches('.');
        let word = word_before(head, head.len());
        is(word, &sums.estimates)
            && head[..head.len() - word.len()].trim_end().ends_with('(')
            && text[end..].trim_start_matches(' ').starts_with(')')
    };
    let paid = is(before, &sums.pay_verbs)
        || (is(before, &sums.back) && is(second, &sums.pay_verbs))
        || (["på", "of"].iter().any(|w| before.eq_ignore_ascii_case(w)) && is_noun(second))
        || is_noun(before)
        || is_noun(after.0)
        || (!after.0.is_empty() && is_noun(word_after(text, after.1).0))
        || estimate();
    // Lakhs grouped in pairs ("1,25,000") are rupees, however the sum is written else.
    let currency = if indian_grouping(raw) { "INR" } else { "NOK" };
    paid.then_some(Found { value: Amount { value, currency }, start, end })
}

/// Whether a figure is written in Indian grouping, lakhs and crores in pairs before the last
/// three digits: "1,25,000", "12,50,000" (not "125,000", "1,250,000").
fn indian_grouping(raw: &str) -> bool {
    indian_grouped(raw, 0) == Some(raw.len())
}

/// The end of a figure at `i` in Indian grouping (see [`indian_grouping`]): one or two digits,
/// pairs, then the last three digits and no digit after them.
fn indian_grouped(text: &str, i: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let digits_at = |j: usize| bytes.get(j..).map_or(0, |rest| rest.iter().take_while(|b| b.is_ascii_digit()).count());
    let pair_at = |j: usize| bytes.get(j) == Some(&b',') && digits_at(j + 1) == 2;
    let mut j = i + digits_at(i);
    if !(1..=2).contains(&(j - i)) || !pair_at(j) {
        return None;
    }
    while pair_at(j) {
        j += 3;
    }
    (bytes.get(j) == Some(&b',') && digits_at(j + 1) == 3 && !bytes.get(j + 4).is_some_and(u8::is_ascii_digit))
        .then_some(j + 4)
}

/// The word of letters right after `i` (spaces before it allowed), with its end.
fn word_after(text: &str, i: usize) -> (&str, usize) {
    let start = text.len() - text[i..].trim_start_matches(' ').len();
    let len: usize = text[start..].chars().take_while(|c| c.is_alphabetic()).map(char::len_utf8).sum();
    (&text[start..start + len], start + len)
}

/// A lone "l" before a unit of time is a "1" misread ("l month", "l måned"): no word of either
/// language is a bare "l". The capital "I" is left alone: "I måneden" is a word. Only lengths
/// are read so (a search for " l " is not cheap, and no sum or date needs it).
fn misread_ones(text: Cow<'_, str>) -> Cow<'_, str> {
    static LONE: LazyLock<memchr::memmem::Finder<'static>> = LazyLock::new(|| memchr::memmem::Finder::new(b" l "));
    let bytes = text.as_bytes();
    let lone = LONE.find_iter(bytes).map(|i| i + 1);
    let ones: Vec<usize> = bytes
        .starts_with(b"l ")
        .then_some(0)
        .into_iter()
        .chain(lone)
        .filter(|&i| starts_with_unit(&text[i + 2..]))
        .collect();
    if ones.is_empty() {
        return text;
    }
    let mut out = bytes.to_vec();
    for i in ones {
        out[i] = b'1';
    }
    // An ASCII letter became an ASCII digit: the bytes are still UTF-8.
    String::from_utf8(out).map_or(text, Cow::Owned)
}

/// `text` with the letters OCR reads for digits inside a figure read as those digits: "kr 2O
/// 000", "18 5OO", "15.O9.2027", "0l.08.2027". A run of ASCII letters and digits with a digit
/// in it and no other letter than O, o, l and I is a figure misread, for no word is written
/// so; each such letter becomes the digit it resembles, byte for byte, so that every offset
/// (and every quote, taken from the text as read) stays where it was.
fn ocr_figures(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let misread = |b: u8| matches!(b, b'O' | b'o' | b'l' | b'I');
    let mut out: Option<Vec<u8>> = None;
    // A figure has a digit, or is a group of three O's right after one: only the runs of
    // ASCII letters and digits around a digit, and the groups after them, are read (the
    // others are words, and finding their runs cost more than the rest of this).
    let mut from = 0;
    while let Some(k) = bytes[from..].iter().position(u8::is_ascii_digit) {
        let mut i = from + k;
        while i > from && bytes[i - 1].is_ascii_alphanumeric() {
            i -= 1;
        }
        let mut thousands = false;
        loop {
            let end = i + bytes[i..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
            let run = &bytes[i..end];
            // A run glued to a non-ASCII letter ("5Oø") is part of a word.
            let glued = bytes.get(end).is_some_and(|&b| b >= 0x80) || i > 0 && bytes[i - 1] >= 0x80;
            let figure = run.iter().all(|&b| b.is_ascii_digit() || misread(b))
                && (thousands || run.iter().any(u8::is_ascii_digit));
            if !glued && figure && run.iter().any(|&b| misread(b)) {
                let out = out.get_or_insert_with(|| bytes.to_vec());
                for b in &mut out[i..end] {
                    *b = match *b {
                        b'O' | b'o' => b'0',
                        b'l' | b'I' => b'1',
                        d => d,
                    };
                }
            }
            from = end;
            // A group of three O's right after a figure and one separator is its thousands
            // ("kr 1O OOO").
            let group = bytes.get(end + 1..end + 4).filter(|g| g.iter().all(|&b| matches!(b, b'O' | b'o' | b'0')));
            thousands = figure
                && !glued
                && bytes.get(end).is_some_and(|&b| matches!(b, b' ' | b'.' | b','))
                && group.is_some()
                && !bytes.get(end + 4).is_some_and(u8::is_ascii_alphanumeric);
            if !thousands {
                break;
            }
            i = end + 1;
        }
    }
    match out {
        // Only ASCII letters became ASCII digits: the bytes are still UTF-8.
        Some(out) => Cow::Owned(String::from_utf8(out).unwrap_or_else(|_| text.to_string())),
        None => Cow::Borrowed(text),
    }
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
    // Indian grouping, lakhs and crores in pairs before the last three digits: "2,00,000",
    // "Rs 1,25,50,000". Pairs ending in three digits are no decimals and no other grouping.
    if let Some(j) = indian_grouped(text, i) {
        let plain: String = text[i..j].chars().filter(char::is_ascii_digit).collect();
        return (j, plain.parse().expect("ASCII digits"));
    }
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
    crate::lexicon::is_word_char(c) || c == '_'
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
    // Swedish names a Scandinavian employer's Norwegian slips into: "2 augusti 2027".
    ("januari", 1),
    ("februari", 2),
    ("maj", 5),
    ("augusti", 8),
    // Danish: "Tiltrædelse: 1. marts 2027".
    ("marts", 3),
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

/// The number (1 to 12) of a month name or abbreviation in bokmål, nynorsk or English,
/// in any case ("mars", "Sept", "desember").
pub fn month_number(name: &str) -> Option<u32> {
    let name = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(m, _)| *m == name).map(|(_, n)| *n)
}

/// Days of the month written as ordinal words, 1 to 31: "første mars 2027", "den fyrste
/// august 2027", "the first of March 2027".
static ORDINAL_DAYS: LazyLock<Vec<(u128, u32)>> = LazyLock::new(|| {
    const NORWEGIAN: [&[&str]; 9] = [
        &["første", "fyrste"],
        &["andre"],
        &["tredje"],
        &["fjerde"],
        &["femte"],
        &["sjette"],
        &["sjuende", "syvende"],
        &["åttende"],
        &["niende"],
    ];
    const TEENS: [&[&str]; 11] = [
        &["tiende"],
        &["ellevte"],
        &["tolvte"],
        &["trettende"],
        &["fjortende"],
        &["femtende"],
        &["sekstende"],
        &["syttende"],
        &["attende"],
        &["nittende"],
        &["tjuende", "tyvende"],
    ];
    const ENGLISH: [&str; 20] = [
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
    ];
    let mut days: Vec<(String, u32)> = Vec::new();
    for (d, forms) in (1..).zip(NORWEGIAN) {
        for form in forms {
            days.push((form.to_string(), d));
            days.push((format!("tjue{form}"), 20 + d));
        }
    }
    days.extend((10..).zip(TEENS).flat_map(|(d, forms)| forms.iter().map(move |f| (f.to_string(), d))));
    days.extend([("trettiende", 30), ("trettiførste", 31), ("trettifyrste", 31)].map(|(f, d)| (f.to_string(), d)));
    days.extend((1..).zip(ENGLISH).map(|(d, f)| (f.to_string(), d)));
    days.extend([("thirtieth".to_string(), 30)]);
    days.into_iter().map(|(f, d)| (key(&f), d)).collect()
});

/// The day of the month written as an ordinal word at `i`, and the end of the word.
fn ordinal_day_at(text: &str, i: usize) -> Option<(u32, usize)> {
    static STARTS: LazyLock<Starts> = LazyLock::new(|| Starts::of(ORDINAL_DAYS.iter().map(|&(k, _)| k)));
    if !STARTS.may_start(text, i) {
        return None;
    }
    let word = Word::at(text, i)?;
    ORDINAL_DAYS.iter().find(|&&(k, _)| k == word.key()).map(|&(_, day)| (day, word.end))
}

/// All valid dates in `text`, in text order and non-overlapping: numeric day-first dates
/// ("01.03.2027", "1.3.27", "1/3-27", "1/3/2027"), ISO ("2027-03-01"), day-month-year with a
/// month name ("1. mars 2027", "1st of March 2027") and English month-first ("March 1st,
/// 2027"), and the day as an ordinal word ("første mars 2027"). Month-name forms need a four-digit year, so "1. mars" alone is not a date.
pub fn dates(text: &str) -> Vec<Found<Date>> {
    dates_in(text, crate::lexicon::words(text))
}

/// [`dates`] with the words of `text` already found.
pub(crate) fn dates_in(text: &str, words: impl IntoIterator<Item = crate::lexicon::Word>) -> Vec<Found<Date>> {
    let text = &*ocr_figures(text);
    let may_start = |b: u8| {
        b.is_ascii_digit()
            || b == 0xC3
            || matches!(b | 0x20, b'a' | b'd' | b'e' | b'f' | b'j' | b'm' | b'n' | b'o' | b's' | b't')
    };
    scan(text, words, may_start, |text, i, _| date_at(text, i).or_else(|| range_start_at(text, i)))
}

/// The first day of a period whose year is written only once, at its end: "frå 1. august til
/// 15. oktober 2027", "from 3 June to 20 August 2027". The first day takes the last one's year,
/// or the year before where it falls after it ("1. desember til 28. februar 2028"). A day moved
/// to another ("vert utsett frå 3. januar til 17. januar 2028", "move your start from 3 May to
/// 24 May 2027") is no period: its old day stays without a year.
fn range_start_at(text: &str, i: usize) -> Option<Found<Date>> {
    const MOVED: [&str; 7] = ["utsett", "utsatt", "flytt", "endr", "move", "postpone", "chang"];
    if !text.as_bytes()[i].is_ascii_digit() {
        return None;
    }
    let (month, day, end) = day_and_month_at(text, i)?;
    let rest = &text[end..];
    let to = ["til og med ", "til ", "to ", "until ", "till ", "through ", "- "].iter().find_map(|w| {
        rest.strip_prefix(' ').and_then(|r| starts_with_folded(r.as_bytes(), w).then(|| r.len() - w.len()))
    })?;
    let last = date_at(text, text.len() - to)?.value;
    let before = text[..i].char_indices().rev().nth(40).map_or(0, |(k, _)| k);
    let before = text[before..i].to_lowercase();
    if MOVED.iter().any(|w| before.contains(w)) {
        return None;
    }
    let year = last.year - i32::from((month, day) > (last.month, last.day));
    Some(Found { value: Date::new(year, month, day)?, start: i, end })
}

fn date_at(text: &str, i: usize) -> Option<Found<Date>> {
    let b = text.as_bytes();
    let digits_end = |j: usize| digits_end(b, j);
    let number = |from: usize, to: usize| text[from..to].parse::<u32>().ok();
    let year = |from: usize, to: usize| match (to - from, number(from, to)?) {
        (4, y) => Some(y as i32),
        (2, y) => Some(two_digit_year(y)),
        _ => None,
    };
    let (year, month, day, end) = if b[i].is_ascii_digit() {
        if !starts_number(text, i) {
            return None;
        }
        let first = digits_end(i);
        let second_start = first + 1;
        let second = digits_end(second_start);
        let two_digits = |from: usize, to: usize| (1..=2).contains(&(to - from));
        match b.get(first) {
            // "01.03.2027", "1/3-27", "1/3/2027"
            Some(&sep @ (b'.' | b'/')) if two_digits(i, first) && second > second_start => {
                // "1/3 2027": the year after a space, in four figures.
                let spaced_year = b.get(second) == Some(&b' ') && digits_end(second + 1) == second + 5;
                let ok = match sep {
                    b'.' => b.get(second) == Some(&b'.'),
                    _ => matches!(b.get(second), Some(b'-' | b'/')) || spaced_year,
                };
                if !ok || !two_digits(second_start, second) {
                    return None;
                }
                let end = digits_end(second + 1);
                (year(second + 1, end)?, number(second_start, second)?, number(i, first)?, end)
            }
            // "01-03-2027": the day first, as a Norwegian form writes it with hyphens; the year
            // in four figures, so that a span ("10-12") is never read so.
            Some(b'-') if two_digits(i, first) && two_digits(second_start, second) && b.get(second) == Some(&b'-') => {
                let end = digits_end(second + 1);
                if end - second - 1 != 4 {
                    return None;
                }
                (year(second + 1, end)?, number(second_start, second)?, number(i, first)?, end)
            }
            // "2027-03-01"
            Some(b'-') if first - i == 4 => {
                let third = digits_end(second + 1);
                if b.get(second) != Some(&b'-') || !two_digits(second_start, second) || !two_digits(second + 1, third) {
                    return None;
                }
                (year(i, first)?, number(second_start, second)?, number(second + 1, third)?, third)
            }
            // "17-July-2027", "01-Mar-27": the day, the month's name and the year joined by
            // hyphens, as Indian and British office letters write a date.
            Some(b'-') if two_digits(i, first) && b.get(second_start).is_some_and(u8::is_ascii_alphabetic) => {
                let (month, after) = month_at(text, second_start)?;
                if b.get(after) != Some(&b'-') {
                    return None;
                }
                let end = digits_end(after + 1);
                (year(after + 1, end)?, month, number(i, first)?, end)
            }
            // "1. mars 2027", "1st of March 2027"
            _ if two_digits(i, first) => {
                let (month, year, end) = month_and_year(text, day_end(b, first))?;
                (year, month, number(i, first)?, end)
            }
            _ => return None,
        }
    } else if let Some((day, after)) = ordinal_day_at(text, i) {
        // "første mars 2027", "the first of March 2027"
        let after = past_ordinal_day(text, after, day);
        match month_and_year(text, after) {
            Some((month, year, end)) => (year, month, day, end),
            None => nth_weekday(text, day, after)?,
        }
    } else {
        // "March 1st, 2027", "Sept. 1, 2027"
        let (month, mut j) = month_at(text, i)?;
        j += usize::from(b.get(j) == Some(&b'.'));
        if b.get(j) != Some(&b' ') {
            return None;
        }
        let day_end = digits_end(j + 1);
        if !(1..=2).contains(&(day_end - j - 1)) {
            return None;
        }
        let day = number(j + 1, day_end)?;
        // A superscript mark comes out of a PDF as a word of its own: "March 23 rd , 2018".
        let mark = day_end + usize::from(b.get(day_end) == Some(&b' '));
        let k = if ["st", "nd", "rd", "th"].iter().any(|s| starts_with_folded(&b[mark..], s))
            && !b.get(mark + 2).is_some_and(u8::is_ascii_alphabetic)
        {
            mark + 2
        } else {
            day_end
        };
        let (year, end) = year_after(text, k)?;
        (year, month, day, end)
    };
    if !ends_number(text, end) {
        return None;
    }
    Some(Found { value: Date::new(year, month, day)?, start: i, end })
}

/// A day and a month named without a year at `i` ("3. mai", "3 May", "the 3rd of May", "May
/// 3"): the month, the day and where the words end. Such a pair is no date by itself; a text
/// that has named the full date already may point back to it so.
pub(crate) fn day_and_month_at(text: &str, i: usize) -> Option<(u32, u32, usize)> {
    let b = text.as_bytes();
    let (month, day, end) = if b.get(i).is_some_and(u8::is_ascii_digit) {
        let first = digits_end(b, i);
        if !starts_number(text, i) || !(1..=2).contains(&(first - i)) {
            return None;
        }
        let (month, end) = month_after_day(text, day_end(b, first))?;
        (month, text[i..first].parse().ok()?, end)
    } else {
        // "Sept. 1st" as "Sept 1st".
        let (month, mut j) = month_at(text, i)?;
        j += usize::from(b.get(j) == Some(&b'.'));
        if b.get(j) != Some(&b' ') {
            return None;
        }
        let end = digits_end(b, j + 1);
        if !(1..=2).contains(&(end - j - 1)) {
            return None;
        }
        (month, text[j + 1..end].parse().ok()?, day_end(b, end))
    };
    ((1..=31).contains(&day) && ends_number(text, end)).then_some((month, day, end))
}

/// " mandagen i august 2027", " Monday of September 2027", " working day of August 2027" after an
/// ordinal `nth` (up to the fourth): that weekday or working day of the month, as (year, month,
/// day, end).
fn nth_weekday(text: &str, nth: u32, after: usize) -> Option<(i32, u32, u32, usize)> {
    const WEEKDAYS: [&[&str]; 7] = [
        &["mandag", "måndag", "monday"],
        &["tirsdag", "tysdag", "tuesday"],
        &["onsdag", "wednesday"],
        &["torsdag", "thursday"],
        &["fredag", "friday"],
        &["lørdag", "laurdag", "saturday"],
        &["søndag", "sundag", "sunday"],
    ];
    // "første virkedag i august 2027", "the first working day of August 2027": the nth day of
    // the month from Monday to Friday that is no fixed public holiday (1 January, 1 and 17 May,
    // 25 and 26 December).
    const WORKING_DAYS: [&str; 8] =
        ["working day", "business day", "weekday", "workday", "virkedag", "arbeidsdag", "yrkedag", "kvardag"];
    if !(1..=4).contains(&nth) {
        return None;
    }
    let start = after + usize::from(text.as_bytes().get(after) == Some(&b' '));
    let working = WORKING_DAYS.iter().find(|w| starts_with_folded(&text.as_bytes()[start..], w)).map(|w| {
        let end = start + w.len();
        end + ["en", "a"].iter().find(|s| text[end..].starts_with(**s)).map_or(0, |s| s.len())
    });
    let working = working.filter(|&end| !text[end..].starts_with(char::is_alphanumeric));
    let word_end = match working {
        Some(end) => end,
        None => Word::at(text, start)?.end,
    };
    let rest = &text[word_end..];
    let j =
        word_end + [" i ", " in "].iter().find(|p| starts_with_folded(rest.as_bytes(), p)).map_or(0, |p| p.len() - 1);
    if working.is_some() {
        let (month, year, end) = month_and_year(text, j)?;
        let holiday = |d: u32| matches!((month, d), (1, 1) | (5, 1) | (5, 17) | (12, 25) | (12, 26));
        let day = (1..=31)
            .filter(|&d| Date::new(year, month, d).is_some_and(|x| x.weekday() < 5 && !holiday(d)))
            .nth(nth as usize - 1)?;
        return Some((year, month, day, end));
    }
    let key = text[start..word_end].to_lowercase();
    let key = key.strip_suffix("en").filter(|k| k.ends_with("dag")).unwrap_or(&key);
    let weekday = WEEKDAYS.iter().position(|forms| forms.contains(&key))? as u32;
    let (month, year, end) = month_and_year(text, j)?;
    let first = Date::new(year, month, 1)?.weekday();
    Some((year, month, 1 + (weekday + 7 - first) % 7 + 7 * (nth - 1), end))
}

/// " mars 2027", " of March, 2027" after a day: the month, the four-digit year and the end.
fn month_and_year(text: &str, j: usize) -> Option<(u32, i32, usize)> {
    let (month, after) = month_after_day(text, j)?;
    let (year, end) = year_after(text, after + usize::from(text.as_bytes().get(after) == Some(&b'.')))?;
    Some((month, year, end))
}

/// Where the words that repeat or name the day after its ordinal word end: a deed repeats the
/// day in figures ("den første (1.) august 2028", "the first (1st) day of August 2028") and
/// names it as a day ("den første dagen i august 2027", "første dag i mai"). Only after the
/// word, so "1 dag i mai 2027" stays a day's length.
fn past_ordinal_day(text: &str, mut after: usize, day: u32) -> usize {
    let b = text.as_bytes();
    if b.get(after) == Some(&b' ') && b.get(after + 1) == Some(&b'(') {
        let end = digits_end(b, after + 2);
        let close = day_end(b, end);
        if text[after + 2..end].parse::<u32>().ok() == Some(day) && b.get(close) == Some(&b')') {
            after = close + 1;
        }
    }
    [" dagen i ", " dag i "].iter().find(|d| starts_with_folded(&b[after..], d)).map_or(after, |d| after + d.len())
}

/// " mars", " of March" after a day: the month and the end of its word. A formal deed names the
/// day as such: "the twelfth day of July 2027", "the 3rd day of May".
fn month_after_day(text: &str, mut j: usize) -> Option<(u32, usize)> {
    let b = text.as_bytes();
    j += usize::from(b.get(j) == Some(&b' '));
    if starts_with_folded(&b[j..], "day of ") {
        j += 4;
    }
    if starts_with_folded(&b[j..], "of ") {
        j += 3;
    }
    month_at(text, j)
}

/// Where a day's number ends with its mark: "3." and "3rd" past the mark, "3" where it is. The
/// Norwegian marks are written as the ordinal word ends: "1ste", "2dre", "2nen", "3dje", "4de", "5te".
fn day_end(b: &[u8], j: usize) -> usize {
    const MARKS: [&str; 10] = ["ste", "dre", "nen", "dje", "de", "te", "st", "nd", "rd", "th"];
    if b.get(j) == Some(&b'.') {
        return j + 1;
    }
    MARKS
        .iter()
        .find(|m| starts_with_folded(&b[j..], m) && !b.get(j + m.len()).is_some_and(u8::is_ascii_alphabetic))
        .map_or(j, |m| j + m.len())
}

/// Where the run of digits from `j` ends.
fn digits_end(b: &[u8], j: usize) -> usize {
    j + b.get(j..).map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count())
}

/// A year written with its last two digits: 00-69 are 2000-2069, 70-99 are 1970-1999.
fn two_digit_year(y: u32) -> i32 {
    if y < 70 {
        2000 + y as i32
    } else {
        1900 + y as i32
    }
}

/// The four-digit year after a month or a day, after a space, a comma and a space, or a bare
/// comma ("March 3,2028", "3 March,2028"): the year and where it ends.
fn year_after(text: &str, mut k: usize) -> Option<(i32, usize)> {
    let b = text.as_bytes();
    // The comma a PDF spaces off after a superscript mark: "23 rd , 2018".
    k += usize::from(b.get(k) == Some(&b' ') && b.get(k + 1) == Some(&b','));
    let comma = b.get(k) == Some(&b',');
    k += usize::from(comma);
    if b.get(k) == Some(&b' ') {
        k += 1;
    } else if !comma {
        return None;
    }
    // A year cut to its last two digits after an apostrophe, as a chat or a note writes it:
    // "16 Aug '27".
    if b.get(k) == Some(&b'\'') {
        let end = digits_end(b, k + 1);
        let year = text[k + 1..end].parse::<u32>().ok().filter(|_| end - k == 3)?;
        return Some((two_digit_year(year), end));
    }
    let end = k + b[k..].iter().take_while(|c| c.is_ascii_digit()).count();
    if end == k {
        return year_in_words(text, k);
    }
    let year = text[k..end].parse::<i32>().ok().filter(|_| end - k == 4)?;
    Some((year, end))
}

/// A year of this century written in words at `k`, as a formal deed spells a date out: "to
/// tusen og tjuesju", "two thousand and twenty-seven".
fn year_in_words(text: &str, k: usize) -> Option<(i32, usize)> {
    let two = number_at(text, k).filter(|c| c.value == 2.0)?;
    let thousand = Word::after(text, two.end, b" ").filter(|w| w.is("tusen") || w.is("thousand"))?;
    let and = Word::after(text, thousand.end, b" ").filter(|w| w.is("og") || w.is("and"));
    let rest = Word::after(text, and.map_or(thousand.end, |w| w.end), b" ").and_then(|w| below_hundred(text, w))?;
    (rest.value.fract() == 0.0).then_some((2000 + rest.value as i32, rest.end))
}

/// The month named by the word at `i`, and the end of the word.
fn month_at(text: &str, i: usize) -> Option<(u32, usize)> {
    const KEYS: [u128; MONTHS.len()] = {
        let mut keys = [0; MONTHS.len()];
        let mut k = 0;
        while k < MONTHS.len() {
            keys[k] = key(MONTHS[k].0);
            k += 1;
        }
        keys
    };
    static STARTS: LazyLock<Starts> = LazyLock::new(|| Starts::of(KEYS));
    if !STARTS.may_start(text, i) {
        return None;
    }
    let word = Word::at(text, i)?;
    let k = KEYS.iter().position(|&k| k == word.key())?;
    Some((MONTHS[k].1, word.end))
}

// ---------------------------------------------------------------- shared

/// Tries `at` at every word start that `may_start` lets through (it sees the first byte)
/// and that no value found so far covers, and keeps what it finds. `at` gets the text, the
/// word start and the end of the last value found.
fn scan<T>(
    text: &str,
    words: impl IntoIterator<Item = crate::lexicon::Word>,
    may_start: impl Fn(u8) -> bool,
    at: impl Fn(&str, usize, usize) -> Option<Found<T>>,
) -> Vec<Found<T>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut free_from = 0;
    // The lexicon's words are runs of letters and digits; here '_' also joins a word, and a
    // word that starts with '_' is nothing `may_start` lets through.
    for w in words {
        let i = w.start;
        let starts = i == 0 || (i > free_from && bytes[i - 1] != b'_');
        if starts && may_start(bytes[i]) {
            if let Some(f) = at(text, i, free_from) {
                free_from = f.end;
                found.push(f);
            }
        }
    }
    found
}

/// Byte offset after the word characters starting at `i`.
fn word_end(text: &str, mut i: usize) -> usize {
    while i < text.len() {
        let (word, len) = word_char_at(text, i);
        if !word {
            break;
        }
        i += len;
    }
    i
}

/// Whether the character at byte `i` of `text` is a word character (a letter, a digit or
/// '_'), and its length.
#[inline]
fn word_char_at(text: &str, i: usize) -> (bool, usize) {
    match text.as_bytes()[i] {
        b if b < 0x80 => (b.is_ascii_alphanumeric() || b == b'_', 1),
        _ => crate::lexicon::word_char_at(text, i),
    }
}

/// Whether the number at `i` is glued to a currency code written before it as a word of its own
/// ("GBP6,000", "NOK45 000"): the code is the amount's marker, not part of a word.
fn after_currency_code(text: &str, i: usize) -> bool {
    let head = &text[..i];
    let glued = |code: &str| head.strip_suffix(code).is_some_and(|before| !before.ends_with(is_word_char));
    // A small employer types "kr15000" as often as "NOK15000".
    code_before(head).is_some_and(|(at, _)| at + 3 == head.len()) || ["kr", "Kr", "KR", "RM"].into_iter().any(glued)
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

    /// The built-in grammar's words of paying.
    static SUMS: LazyLock<BareSums> =
        LazyLock::new(|| crate::patterns::Patterns::builtin().expect("built-in patterns").bare_sums);

    fn durs(text: &str) -> Vec<String> {
        durations(text).iter().map(|f| f.value.to_string()).collect()
    }

    fn amts(text: &str) -> Vec<String> {
        amounts(text, &SUMS).iter().map(|f| f.value.to_string()).collect()
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

    /// The first sum in `t` with no bare sums allowed: value, currency and byte span.
    fn amount(t: &str) -> Option<(f64, &'static str, usize, usize)> {
        amounts(t, &BareSums::default()).first().map(|a| (a.value.value, a.value.currency, a.start, a.end))
    }

    #[test]
    fn lakhs_and_crores_are_rupees() {
        assert_eq!(amount("Rs 3 lakh"), Some((300000.0, "INR", 0, 9)));
        assert_eq!(amount("1 year CTC (6.5 Lakhs)"), Some((650000.0, "INR", 12, 21)));
        assert_eq!(amount("a bond of 2 crore"), Some((20000000.0, "INR", 10, 17)));
        assert_eq!(amount("INR 5 L"), Some((500000.0, "INR", 0, 7)));
        assert_eq!(amount("Rs 4.5L due"), Some((450000.0, "INR", 0, 7)));
        // Not after another currency, nor glued to a word.
        assert_eq!(amount("NOK 5 L"), Some((5.0, "NOK", 0, 5)));
        assert_eq!(amount("INR 5 Lakes"), Some((5.0, "INR", 0, 5)));
        assert_eq!(amount("Rs 2,00,000 (two lakhs)"), Some((200000.0, "INR", 0, 11)));
        assert_eq!(amount("Rs.2 Lacs"), Some((200000.0, "INR", 0, 9)));
        assert_eq!(amount("a bond of 1.5 lac"), Some((150000.0, "INR", 10, 17)));
        // A sum closed by "/-" is in rupees, with or without "Rs" before it.
        assert_eq!(amount("a bond amount of 75000/- in all"), Some((75000.0, "INR", 17, 24)));
        assert_eq!(amount("Rs. 40,000/- only"), Some((40000.0, "INR", 0, 12)));
    }

    #[test]
    fn lakhs_and_crores_in_words_are_one_sum() {
        assert_eq!(amount("Rupees Three Lakh Fifty Thousand only"), Some((350000.0, "INR", 0, 32)));
        assert_eq!(amount("Rupees One Lakh"), Some((100000.0, "INR", 0, 15)));
        assert_eq!(amount("Rupees One Crore Twenty Five Lakh"), Some((12500000.0, "INR", 0, 33)));
        assert_eq!(amount("Rupees One Lakh Twenty Thousand Five Hundred"), Some((120500.0, "INR", 0, 44)));
        assert_eq!(amount("Two Lakh Fifty Thousand Rupees as damages"), Some((250000.0, "INR", 0, 30)));
        assert_eq!(amount("a bond of Two Lakh"), Some((200000.0, "INR", 10, 18)));
        assert_eq!(amount("INR 1,50,000 (Rupees One Lakh Fifty Thousand only)"), Some((150000.0, "INR", 0, 12)));
        // Scales that do not fall end the sum: the second is a sum of its own.
        assert_eq!(amount("Rupees One Lakh Two Lakh"), Some((100000.0, "INR", 0, 15)));
    }

    #[test]
    fn gulf_and_singapore_currencies() {
        assert_eq!(amount("pay AED 12,000 to us"), Some((12000.0, "AED", 4, 14)));
        assert_eq!(amount("SGD 7,500"), Some((7500.0, "SGD", 0, 9)));
        assert_eq!(amount("SAR 9,000"), Some((9000.0, "SAR", 0, 9)));
        assert_eq!(amount("30,000 dirhams"), Some((30000.0, "AED", 0, 14)));
    }

    #[test]
    fn any_common_iso_code_and_the_currencies_named_abroad() {
        assert!(CODES.is_sorted_by_key(|c| c.code), "code_named searches the codes in order");
        assert_eq!(amount("pay THB 80,000"), Some((80000.0, "THB", 4, 14)));
        assert_eq!(amount("80,000 THB in damages"), Some((80000.0, "THB", 0, 10)));
        assert_eq!(amount("eighty thousand baht"), Some((80000.0, "THB", 0, 20)));
        assert_eq!(amount("eighty-thousand baht"), Some((80000.0, "THB", 0, 20)));
        assert_eq!(amount("A$5,000"), Some((5000.0, "AUD", 0, 7)));
        assert_eq!(amount("CAD 30,000"), Some((30000.0, "CAD", 0, 10)));
        assert_eq!(amount("12 000 Swiss francs"), Some((12000.0, "CHF", 0, 19)));
        // A code in small letters is a word ("nok"), and a capital word that is no code is no marker.
        assert_eq!(amount("5000 thb"), None);
        assert_eq!(amount("ALL 5000"), None);
    }

    #[test]
    fn a_quote_after_a_sum_is_no_shorthand_for_thousands() {
        assert_eq!(amount("NOK 40'"), Some((40000.0, "NOK", 0, 7)));
        assert_eq!(amount("the full £2,500 'cost of the course'"), Some((2500.0, "GBP", 9, 16)));
    }

    #[test]
    fn a_year_cut_to_two_digits_after_an_apostrophe() {
        assert_eq!(dates("Start: 16 Aug '27")[0].value, Date::new(2027, 8, 16).unwrap());
        assert_eq!(dates("from 3 March '28,")[0].value, Date::new(2028, 3, 3).unwrap());
        // A quote after a date's month, or three digits, is no year.
        assert!(dates("the '16 Aug' shift").is_empty());
        assert!(dates("16 Aug '270").is_empty());
    }

    #[test]
    fn figures_misread_by_ocr() {
        assert_eq!(amount("kr 2O 000"), Some((20000.0, "NOK", 0, 9)));
        assert_eq!(amount("NOK 18 5OO"), Some((18500.0, "NOK", 0, 10)));
        assert_eq!(amount("kr 1O OOO"), Some((10000.0, "NOK", 0, 9)));
        assert_eq!(amount("Rs 2,00,000 (two lakhs)"), Some((200000.0, "INR", 0, 11)));
        assert_eq!(amount("Rs. 40,000"), Some((40000.0, "INR", 0, 10)));
        assert_eq!(dates("fra 0l.08.2027")[0].value, Date::new(2027, 8, 1).unwrap());
        assert_eq!(dates("date: 15.O9.2027")[0].value, Date::new(2027, 9, 15).unwrap());
        // Words with those letters are no figures: "Oslo", "OOO" alone, "lO" with no digit.
        assert_eq!(ocr_figures("Oslo, rom lO, OOO"), "Oslo, rom lO, OOO");
        // A lone "l" before a unit is a one; a capital "I" is the preposition.
        let d = |t: &str| durations(t).first().map(|f| f.value.to_string());
        assert_eq!(d("Oppsigelse: l måned").as_deref(), Some("1 month"));
        assert_eq!(d("notice of l week").as_deref(), Some("1 week"));
        assert_eq!(misread_ones("I måneden, l måned".into()), "I måneden, 1 måned");
        assert_eq!(d("i 6 rnåneder").as_deref(), Some("6 month"));
        assert_eq!(d("for 12 rnonths").as_deref(), Some("12 month"));
        assert_eq!(d("I 12 rnnd. etter").as_deref(), Some("12 month"));
        assert_eq!(d("barn i 3 rnorgener"), None);
    }

    #[test]
    fn whole_units_and_a_year_before() {
        let d = |t: &str| durations(t).first().map(|f| f.value.to_string());
        assert_eq!(d("prior to 12 consecutive months of service").as_deref(), Some("12 month"));
        assert_eq!(d("work for the company at least two additional years").as_deref(), Some("2 year"));
        assert_eq!(d("three more months").as_deref(), Some("3 month"));
        assert_eq!(d("før 24 sammenhengende måneder").as_deref(), Some("24 month"));
        assert_eq!(d("if I quit before a year of employment").as_deref(), Some("1 year"));
        // "a year" as a rate stays none.
        assert_eq!(d("twice a year"), None);
    }

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
                // A text that lost æ, ø and å.
                ("6 maneder", "6 month"),
                ("2 ar", "2 year"),
                ("3 manader", "3 month"),
                ("6 månder", "6 month"),
                ("6 mander", "6 month"),
                ("2 år", "2 year"),
                ("6mnd", "6 month"),
                ("14 dage", "14 day"),
                ("to veckor", "2 week"),
                ("5 døgn", "5 day"),
                ("3 Måneder", "3 month"),
                ("3 MÅNEDER", "3 month"),
                // Shorthand of a chat or an export line.
                ("14 d notice", "14 day"),
                ("14 d.", "14 day"),
                ("2 wks' notice", "2 week"),
            ],
        );
        // "d" is a unit only as a word of its own: not a word's first letter, nor a list
        // item's letter after a clause number.
        assert!(durs("4 dyr").is_empty());
        assert!(durs("se punkt 4 d) om verneutstyr").is_empty());
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
                ("6 mths", "6 month"),
                ("3 mos.", "3 month"),
                ("6 mo probation", "6 month"),
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
                // A form row's shorthand, with its full stop.
                ("Probation: 6 m.", "6 month"),
            ],
        );
        // A bare "m" is metres.
        assert!(durs("a 6 m ladder").is_empty());
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
            // Older nynorsk and dialect "tri" ("tri månader").
            ("tri", 3),
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
            "two months of basic salary",
            "3 months of CTC",
        ] {
            assert!(durs(text).is_empty(), "{text}: {:?}", durs(text));
        }
        assert_eq!(durs("if you leave within 12 months of payment of the bonus"), ["12 month"]);
        assert_eq!(durs("six months of paid leave"), ["6 month"]);
        assert_eq!(durs("Oppseiingsfristen er éin månad for begge partar."), ["1 month"]);
        assert_eq!(durs("tre måneders oppsigelsesfrist og lønn i oppsigelsestiden"), ["3 month"]);
        assert_eq!(durs("Prøvetid: 6 måneder Lønn: 500 000 kr"), ["6 month"]);
        assert_eq!(durs("Notice: 1 month Salary: NOK 500,000"), ["1 month"]);
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
                ("tremånedersfristen", "3 month"),
                ("ein tremånaders frist", "3 month"),
                ("toårsperioden", "2 year"),
                ("en toårig bindingstid", "2 year"),
                ("ein treårig bindingsperiode", "3 year"),
                ("a threemonth probation", "3 month"),
                ("a twoyear tie-in", "2 year"),
            ],
        );
        assert_none(
            durs,
            &[
                "tremånedslønn",
                "tremåned",
                "treåring",
                "den fireårige perioden",
                "29-åringen",
                "a 29-year-old",
                "threemonthly",
                "amonth",
            ],
        );
        let text = "i 6-månedersperioden";
        assert_eq!(spans(&durations(text), text), ["6-månedersperioden"]);
    }

    #[test]
    fn the_first_year_is_one_year() {
        let one = |t: &str| durations(t).iter().map(|f| f.value.to_string()).collect::<Vec<_>>();
        assert_eq!(one("if you leave within your first year"), ["1 year"]);
        assert_eq!(one("før det første året er omme"), ["1 year"]);
        assert_eq!(one("i det fyrste året etter fratreding"), ["1 year"]);
        assert_eq!(one("before your first anniversary"), ["1 year"]);
        assert!(one("first years of school, firstyear").is_empty());
        assert_eq!(one("before the end of the second year"), ["2 year"]);
        assert_eq!(one("before your third anniversary"), ["3 year"]);
        assert_eq!(one("by the end of the 2nd year"), ["2 year"]);
        assert_eq!(one("før utgangen av det andre året"), ["2 year"]);
        assert_eq!(one("i løpet av det tredje året"), ["3 year"]);
        assert_eq!(one("i løpet av de to første årene"), ["2 year"]);
        assert_eq!(one("dei tre fyrste månadene"), ["3 month"]);
        assert_eq!(one("dei fire fyrste månadane"), ["4 month"]);
        assert_eq!(one("dei to første vekane"), ["2 week"]);
        // The definite plural typed without å, in bokmål and both nynorsk endings.
        assert_eq!(one("de seks første manedene"), ["6 month"]);
        assert_eq!(one("dei to første manadene"), ["2 month"]);
        assert_eq!(one("dei tre fyrste maanadane"), ["3 month"]);
        assert_eq!(one("de første seks månedene"), ["6 month"]);
        assert_eq!(one("dei første seks manadene"), ["6 month"]);
        assert!(one("in the second year of school, in det andre året").is_empty());
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
                ("the first half year", "0.5 year"),
                ("det første halvåret", "0.5 year"),
                ("i første halvår", "0.5 year"),
                ("den første halvårsperioden", "0.5 year"),
                ("det fyrste halve året", "0.5 year"),
                ("a half-year", "0.5 year"),
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
    fn a_time_ago_is_no_length_and_a_glued_binding_is_measured() {
        assert!(durs("I signed the bond 2 years ago.").is_empty());
        assert!(durs("Jeg signerte avtalen for to år siden.").is_empty());
        assert_eq!(durs("The bond was signed 2 years ago and runs for 3 years."), ["3 year"]);
        assert_eq!(durs("Jeg har signert 2 årsbindingstid."), ["2 year"]);
        assert_eq!(durs("Eg har to års binding."), ["2 year"]);
        // Another word glued to the unit stays no length.
        assert!(durs("Han fikk 2 årslønner i etterlønn.").is_empty());
    }

    #[test]
    fn durations_with_the_unit_said_once() {
        // A bare count that closes a span takes the unit of the length that opens it.
        assert_eq!(
            durs("If you quit after one year but before the end of two, you refund half."),
            ["1 year", "2 year"]
        );
        assert_eq!(
            durs("Seier du opp etter eitt år, men før det har gått to, betaler du halvparten."),
            ["1 year", "2 year"]
        );
        assert_eq!(durs("Sier du opp etter 18 måneder, men før 36, dekker du en tredjedel."), ["18 month", "36 month"]);
        // Not a count that names something else, nor one that is not the span's end.
        assert_eq!(durs("If you quit after six months but before 2027, you refund half."), ["6 month"]);
        assert_eq!(durs("If you quit after one year but before clause 4 applies, you refund half."), ["1 year"]);
        assert_eq!(durs("Du har tre måneders oppsigelse, og to barn."), ["3 month"]);
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
                "når fyrste halvåret er over",
                "hvert halvår",
                "per måned",
                "hver måned",
                "snarest mulig",
                "11/2 år",
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
                ("45 TNOK", "45000 NOK"),
                ("NOK 40' and housing", "40000 NOK"),
                ("kr 40k", "40000 NOK"),
                ("40' kr", "40000 NOK"),
                ("kr15000 i bot", "15000 NOK"),
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
                // A code glued to its number is still its marker.
                ("GBP6,000", "6000 GBP"),
                ("NOK45 000", "45000 NOK"),
            ],
        );
        // A code inside a word marks nothing.
        assert!(amts("ref XNOK45").is_empty());
    }

    #[test]
    fn bare_sums_in_indian_grouping_are_rupees() {
        // After a word of paying or a penalty noun, with no currency named.
        assert_eq!(amts("i will pay liquidated damages of 1,00,000 to them"), ["100000 INR"]);
        assert_eq!(amts("i need to pay 2,00,000 as bond amount"), ["200000 INR"]);
        assert_eq!(amts("pay compensation of 12,50,000"), ["1250000 INR"]);
        // Thousands in threes stay kroner, as a bare sum has always read.
        assert_eq!(amts("you must pay 100,000"), ["100000 NOK"]);
        assert_eq!(amts("du må betale 30 000"), ["30000 NOK"]);
        assert!(indian_grouping("1,25,000") && indian_grouping("12,50,000") && indian_grouping("1,25,50,000"));
        assert!(!indian_grouping("125,000") && !indian_grouping("1,250,000") && !indian_grouping("25000"));
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
        assert_eq!(amts("flybilletten (PLN 1 200)"), ["1200 PLN"]);
        assert_eq!(amts("about PLN 1,400"), ["1400 PLN"]);
        assert_eq!(amts("3 000 PLN"), ["3000 PLN"]);
        assert_eq!(amts("a bond sum of RM7,500/- is due"), ["7500 MYR"]);
        assert_eq!(amts("basic pay RM 3,200 a month"), ["3200 MYR"]);
        assert_eq!(amts("MYR 12,000 or 9 000 ringgit"), ["12000 MYR", "9000 MYR"]);
        assert_eq!(amts("a bond of rupees 2,50,000 to the employer"), ["250000 INR"]);
        assert_eq!(amts("PHP 80,000 or ninety thousand pesos"), ["80000 PHP", "90000 PHP"]);
        assert_eq!(amts("Sixty Thousand Pesos (P60,000.00)"), ["60000 PHP"]);
        assert_eq!(amts("a damage fee of 4000 Rmb"), ["4000 CNY"]);
        assert_eq!(amts("RMB 8,000 or 8 000 yuan"), ["8000 CNY", "8000 CNY"]);
        assert_eq!(amts("a penalty of 1,000,000 won"), ["1000000 KRW"]);
        assert_eq!(amts("HK$20,000 or HKD 20,000"), ["20000 HKD", "20000 HKD"]);
        assert_eq!(amts("200,000 yen"), ["200000 JPY"]);
        // Lower case "rm" is no currency: a room or a command.
        assert_eq!(amts("rm 4 500"), Vec::<String>::new());
    }

    #[test]
    fn an_amount_and_its_equivalent_are_one_sum_in_kroner() {
        assert_eq!(amts("en bonus på NOK 45 000 (ca. EUR 3 900), betalt i mai"), ["45000 NOK"]);
        assert_eq!(amts("eit gebyr på € 800 (om lag NOK 9 300)"), ["9300 NOK"]);
        assert_eq!(amts("eit gebyr på € 800 (ca. NOK 9 300)"), ["9300 NOK"]);
        assert_eq!(amts("a fee of USD 6,200 (approx. NOK 66,000) and NOK 500 a month"), ["66000 NOK", "500 NOK"]);
        assert_eq!(amts("a fee of GBP 2,000 (about EUR 2,300)"), ["2000 GBP"]);
        assert_eq!(amts("NOK 4,000 (about EUR 350 / PLN 1,500)"), ["4000 NOK"]);
        // The same currency in brackets, or sums in brackets of their own, are no equivalents.
        assert_eq!(amts("kr 24 000 (kr 2 000 per måned)"), ["24000 NOK", "2000 NOK"]);
        assert_eq!(amts("EUR 900 for the course (NOK 10 500 for travel)"), ["900 EUR", "10500 NOK"]);
    }

    #[test]
    fn sums_stepping_down() {
        let step = |text: &str| step_down(text).map(|d| d.to_string());
        for (text, steps) in [
            ("Beløpet nedskrives med 1/24 per måned.", "24 month"),
            ("Beløpet reduseres med en tredjedel for hvert år.", "3 year"),
            ("Beløpet vert opptent med ein tolvdel for kvar månad.", "12 month"),
            ("Beløpet anses som opptjent med en tolvdel for hver måned du står i stillingen.", "12 month"),
            ("Lånet avskrives med en tjuefjerdedel per måned.", "24 month"),
            ("Lånet avskrivast med ein sjettedel for kvart år.", "6 year"),
            ("The loan is written down by one twelfth per month.", "12 month"),
            ("The amount is reduced by one twenty-fourth for each full month.", "24 month"),
            ("The fee falls by 50 % after the first year.", "2 year"),
        ] {
            assert_eq!(step(text).as_deref(), Some(steps), "{text}");
        }
        for text in ["Beløpet reduseres med en del for hvert år.", "The fee is reduced by a second per month."] {
            assert_eq!(step(text), None, "{text}");
        }
    }

    #[test]
    fn amounts_in_words() {
        assert_each(
            amts,
            &[
                ("ei konvensjonalbot på femti tusen kroner", "50000 NOK"),
                ("ei dagmulkt på eitt tusen fem hundre kroner", "1500 NOK"),
                ("fifty thousand kroner", "50000 NOK"),
                ("NOK ten thousand", "10000 NOK"),
                ("fem hundre kroner", "500 NOK"),
                ("femten hundre kroner", "1500 NOK"),
                ("twelve hundred kroner", "1200 NOK"),
                ("the course fee of fifteen thousand Swedish kronor", "15000 SEK"),
                ("som kostar tretti tusen amerikanske dollar", "30000 USD"),
                ("femti tusen svenske kronor", "50000 SEK"),
                ("twenty thousand US dollars", "20000 USD"),
                ("med inntil åtti tusen kroner", "80000 NOK"),
                ("åtte hundre kroner", "800 NOK"),
            ],
        );
        assert_none(amts, &["tre måneder", "femti tusen innbyggere", "a thousand reasons", "to kroner"]);
        assert_eq!(amts("Årsløn en NOK 690 000."), ["690000 NOK"], "a word before a written amount is not one");
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
    fn amounts_without_currency_next_to_paying() {
        assert_each(
            amts,
            &[
                ("du må betale tilbake 12 500 om du slutter", "12500 NOK"),
                ("skal eg betale attende 30.000 dersom eg seier opp?", "30000 NOK"),
                ("hun fikk 75000 i velkomstbonus", "75000 NOK"),
                ("ei konvensjonalbot på 100 000 for kvart brot", "100000 NOK"),
                ("flyttegodtgjørelsen på 60' betales tilbake", "60000 NOK"),
                ("I would have to repay 20,000 if I quit", "20000 NOK"),
                ("they want me to pay back 15 000", "15000 NOK"),
                ("a 10 000 penalty for each breach", "10000 NOK"),
                ("a sign-on bonus of 35k", "35000 NOK"),
                ("got 40 000 in retention bonus", "40000 NOK"),
            ],
        );
        assert_none(
            amts,
            &[
                "betale tilbake 2027",
                "må betale tilbake 50 % av kurset",
                "betale tilbake 1 500 timer",
                "repay 1,000 days of leave",
                "bonus på 5000",
                "refundere 0150 Oslo",
                "betale 987 654 321",
                "bonus på 500",
                "ein bonus på 3 månadslønner",
                "salary 45 000 per month",
                "18 000 kursdeltakarar",
                "18 000 tilsette fekk bonus",
            ],
        );
    }

    #[test]
    fn amount_offsets_and_overlap() {
        let text = "Bøter på kr. 50.000,- og 1,2 mill. kr for brudd på §-en.";
        let found = amounts(text, &SUMS);
        assert_eq!(spans(&found, text), ["kr. 50.000,-", "1,2 mill. kr"]);
        // "kr" cannot serve as the suffix of one amount and the prefix of the next.
        let text = "50 kr 30";
        assert_eq!(spans(&amounts(text, &SUMS), text), ["50 kr"]);
        let text = "Bonus: €5,000 og £3,000.";
        assert_eq!(spans(&amounts(text, &SUMS), text), ["€5,000", "£3,000"]);
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
                ("2 augusti 2027", "2027-08-02"),
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
                ("1. marts 2027", "2027-03-01"),
                ("første mars 2027", "2027-03-01"),
                ("den fyrste august 2027", "2027-08-01"),
                ("femtende januar 2028", "2028-01-15"),
                ("tjueandre mai 2027", "2027-05-22"),
                ("trettiførste desember 2027", "2027-12-31"),
                ("the first of March 2027", "2027-03-01"),
                ("the ninth day of October 2027", "2027-10-09"),
                ("the 4th day of June 2028", "2028-06-04"),
                ("fifteenth June 2027", "2027-06-15"),
                ("1. mars, 2027", "2027-03-01"),
                ("1.mars 2027", "2027-03-01"),
                ("den 1. mars 2027", "2027-03-01"),
                ("1 March 2027", "2027-03-01"),
                ("1st March 2027", "2027-03-01"),
                ("1st of March 2027", "2027-03-01"),
                ("March 1, 2027", "2027-03-01"),
                ("March 1st, 2027", "2027-03-01"),
                ("March 23 rd , 2027", "2027-03-23"),
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
                ("1ste november 2027", "2027-11-01"),
                ("2dre mai 2027", "2027-05-02"),
                ("3dje januar 2028", "2028-01-03"),
                ("24de juni 2027", "2027-06-24"),
                ("17-July-2027", "2027-07-17"),
                ("01-Mar-28", "2028-03-01"),
                ("5-sept-2027", "2027-09-05"),
                ("den fyrste august to tusen og tjuesju", "2027-08-01"),
                ("femte mai to tusen og tjueåtte", "2028-05-05"),
                ("the first of August two thousand and twenty-seven", "2027-08-01"),
                ("den første (1.) august 2028", "2028-08-01"),
                ("the first (1st) day of August 2028", "2028-08-01"),
                ("den tjuende (20) mai 2027", "2027-05-20"),
                ("den første dagen i august 2027", "2027-08-01"),
                ("første dag i mai 2028", "2028-05-01"),
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
                "1. mars to tusen",
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
                "3-mai-feiring",
                "17-July-20275",
                "2027",
                // A length of a day, and a figure in brackets that is not the day.
                "1 dag i mai 2027",
                "den første (2.) august 2028",
            ],
        );
    }

    #[test]
    fn a_period_with_one_year_dates_both_ends() {
        assert_eq!(dats("frå 1. august til 15. oktober 2027"), ["2027-08-01", "2027-10-15"]);
        assert_eq!(dats("fra 1. desember til 28. februar 2028"), ["2027-12-01", "2028-02-28"]);
        assert_eq!(dats("from 3 June to 20 August 2027"), ["2027-06-03", "2027-08-20"]);
        assert_none(dats, &["fra 1. mai til avtale", "1. mai til 1. juni"]);
        assert_eq!(dats("vert utsett frå 3. januar til 17. januar 2028"), ["2028-01-17"]);
    }

    #[test]
    fn a_day_and_month_without_a_year_also_with_a_shortened_month() {
        assert_eq!(day_and_month_at("Sept. 1st", 0), Some((9, 1, 9)));
        assert_eq!(day_and_month_at("sept 6th", 0), Some((9, 6, 8)));
        assert_eq!(day_and_month_at("1. sept.", 0).map(|(m, d, _)| (m, d)), Some((9, 1)));
        assert_eq!(day_and_month_at("Sept. 2027", 0), None);
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
        // A comma without a space before the year.
        assert_eq!(dats("Start: March 3,2028; or 3 March,2028."), ["2028-03-03", "2028-03-03"]);
        assert_eq!(dats("Bonus i desember: 1,2 millioner, 1,2027 og 3,4."), Vec::<String>::new());
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
        check(amounts(text, &SUMS).iter().map(|f| (f.start, f.end)).collect());
        check(dates(text).iter().map(|f| (f.start, f.end)).collect());
        assert_eq!(durs(text), ["6 month", "14 day", "1 month", "2 year"]);
        assert_eq!(amts(text), ["50000 NOK", "1200000 NOK", "5000 EUR"]);
        assert_eq!(dats(text), ["2027-03-01", "2027-04-01", "2027-05-01"]);
    }

    #[test]
    fn number_words_bokmal_to_a_hundred() {
        let cases = [
            ("tjueen", 21),
            ("tjueett", 21),
            ("tjuefem", 25),
            ("trettiseks", 36),
            ("tredve", 30),
            ("førtifem", 45),
            ("firti", 40),
            ("femti", 50),
            ("seksti", 60),
            ("sytti", 70),
            ("søtti", 70),
            ("syttisyv", 77),
            ("åtti", 80),
            ("nitti", 90),
            ("nittini", 99),
            ("hundre", 100),
            ("ett hundre", 100),
            ("et hundre", 100),
            ("hundre og tjue", 120),
            ("ett hundre og åtti", 180),
            ("to hundre", 200),
            // The older order, ones first.
            ("enogtjue", 21),
            ("femogtjue", 25),
            ("seksogtretti", 36),
            ("niogtyve", 29),
            ("toogtyve", 22),
            ("åtteogførti", 48),
            ("treogsytti", 73),
            // A hundred and more as one word.
            ("hundreogåtti", 180),
            ("hundreogtjuefem", 125),
        ];
        for (words, n) in cases {
            assert_eq!(durs(&format!("{words} dager")), [format!("{n} day")], "{words}");
            assert_eq!(number_value(words), Some(f64::from(n)), "{words}");
        }
        assert_eq!(durs("Oppsigelsesfristen er NITTI dager."), ["90 day"]);
        assert_eq!(durs("Tjuefem Dager"), ["25 day"]);
    }

    #[test]
    fn number_words_nynorsk_to_a_hundred() {
        let cases = [
            ("tjueein", 21),
            ("tjueeitt", 21),
            ("femtiein", 51),
            ("trettiseks", 36),
            ("seksti", 60),
            ("sytti", 70),
            ("åtti", 80),
            ("nitti", 90),
            ("hundre", 100),
            ("eitt hundre", 100),
            ("hundre og tjue", 120),
            ("einogtjue", 21),
            ("sjuogtretti", 37),
            ("tri", 3),
            ("triogtjue", 23),
        ];
        for (words, n) in cases {
            assert_eq!(durs(&format!("{words} dagar")), [format!("{n} day")], "{words}");
            assert_eq!(durs(&format!("{words} månader")), [format!("{n} month")], "{words}");
            assert_eq!(number_value(words), Some(f64::from(n)), "{words}");
        }
    }

    #[test]
    fn number_words_english_to_a_hundred() {
        let cases = [
            ("twenty-one", 21),
            ("thirty-five", 35),
            ("forty five", 45),
            ("seventy", 70),
            ("eighty-four", 84),
            ("ninety", 90),
            ("ninety-nine", 99),
            ("one hundred", 100),
            ("a hundred", 100),
            ("hundred and twenty", 120),
            ("one hundred and eighty", 180),
            ("one hundred twenty", 120),
            ("two hundred", 200),
        ];
        for (words, n) in cases {
            assert_eq!(durs(&format!("{words} days")), [format!("{n} day")], "{words}");
            assert_eq!(number_value(words), Some(f64::from(n)), "{words}");
        }
        assert_eq!(durs("Ninety-Nine Days"), ["99 day"]);
    }

    #[test]
    fn number_value_reads_whole_expressions_only() {
        assert_eq!(number_value("halvannen"), Some(1.5));
        assert_eq!(number_value("en og en halv"), Some(1.5));
        assert_eq!(number_value("ein og ein halv"), Some(1.5));
        assert_eq!(number_value("one and a half"), Some(1.5));
        assert_eq!(number_value(" Tjuefem "), Some(25.0));
        assert_eq!(number_value("fire og tjue"), Some(24.0));
        for not_one in ["", "a", "tjuende", "twentieth", "hundrede", "tre måneder", "tjue-fem", "14"] {
            assert_eq!(number_value(not_one), None, "{not_one:?}");
        }
    }

    #[test]
    fn number_words_with_digits_in_brackets() {
        assert_each(
            durs,
            &[
                ("ninety (90) days", "90 day"),
                ("nitti (90) dager", "90 day"),
                ("nitti (90) dagar", "90 day"),
                ("tre (3) måneder", "3 month"),
                ("ninety-nine (99) days", "99 day"),
                ("one hundred and twenty (120) days", "120 day"),
                ("ett hundre og tjue (120) dager", "120 day"),
                ("90 (nitti) dager", "90 day"),
                ("90 (ninety) days", "90 day"),
                ("(3) tre måneder", "3 month"),
                ("(90) ninety days", "90 day"),
                ("(3) tre månader", "3 month"),
            ],
        );
        let text = "oppsigelsestid (3) tre måneder";
        assert_eq!(spans(&durations(text), text), ["(3) tre måneder"]);
        // Digits in brackets before a word are a subsection when they disagree with it.
        let text = "etter § 15-3 (4) tre måneder";
        assert_eq!(spans(&durations(text), text), ["tre måneder"]);
        assert_eq!(durs(text), ["3 month"]);
    }

    #[test]
    fn a_number_word_alone_in_brackets_before_its_unit() {
        assert_each(durs, &[("(tre) år", "3 year"), ("( seks ) månader", "6 month"), ("(THREE) years", "3 year")]);
        let text = "bindingstid (tre) år";
        assert_eq!(spans(&durations(text), text), ["(tre) år"]);
        // With its figure before it, the figure's: one span from the figure.
        let text = "bindingstid 3 (tre) år";
        assert_eq!(spans(&durations(text), text), ["3 (tre) år"]);
        // A figure alone in brackets too, its word left out; not a subsection's number.
        assert_each(durs, &[("at least (4) weeks notice", "4 week"), ("minst (3) måneder", "3 month")]);
        let text = "give at least (4) weeks notice";
        assert_eq!(spans(&durations(text), text), ["(4) weeks"]);
    }

    #[test]
    fn ordinals_are_not_durations() {
        assert_none(
            durs,
            &[
                "den tjuende dagen",
                "den tjueførste dagen",
                "i den sjette måneden",
                "det hundrede året",
                "nittiende dag",
                "første måned",
                "den andre uken",
                "den 3. uken",
                "den tredje måneden",
                "i den tjuande veka",
                // "det første året" is the exception: the first year is a span of one year.
                "the twentieth day",
                "the twenty-first day",
                "the first month",
                "the hundredth day",
                "the ninetieth day",
                "the 1st month",
                "the 2nd year",
                "the 3rd week",
            ],
        );
    }

    #[test]
    fn the_first_month_of_the_employment_named_whole() {
        assert_each(
            durs,
            &[
                ("Den første måneden av ansettelsen er prøvetid.", "1 month"),
                ("Prøvetida er den fyrste månaden av tilsetjinga.", "1 month"),
                ("Probation is the first month of employment.", "1 month"),
                ("The first month is a probationary period.", "1 month"),
            ],
        );
        assert_none(
            durs,
            &["During the first month of employment you train.", "lønn for den første måneden av ansettelsen"],
        );
    }

    #[test]
    fn number_words_keep_to_their_language() {
        // The English "to" is not the Norwegian two.
        assert_none(durs, &["from days to weeks", "extended to months", "up to years"]);
        assert_eq!(durs("to år"), ["2 year"]);
        assert_eq!(durs("up to two years"), ["2 year"]);
        assert_eq!(durs("up to 2 years"), ["2 year"]);
        // Old-order numbers are one word: "to og tjue" here is two numbers.
        assert_eq!(durs("mellom to og tjue dager"), ["20 day"]);
        assert_eq!(durs("fire og tjue måneder"), ["24 month"]);
        assert_eq!(durs("i fem og tretti dagar"), ["35 day"]);
    }

    #[test]
    fn halves_in_all_forms() {
        assert_each(
            durs,
            &[
                ("én og en halv måned", "1.5 month"),
                ("en og en halv måned", "1.5 month"),
                ("ein og ein halv månad", "1.5 month"),
                ("eitt og eit halvt år", "1.5 year"),
                ("one and a half months", "1.5 month"),
                ("one and one-half months", "1.5 month"),
                ("one and one half years", "1.5 year"),
                ("halvannen måned", "1.5 month"),
                ("halvanna månad", "1.5 month"),
                ("1,5 måned", "1.5 month"),
                ("1.5 months", "1.5 month"),
                ("a month and a half", "1.5 month"),
                ("one year and a half", "1.5 year"),
                ("ett år og et halvt", "1.5 year"),
                ("ein månad og ein halv", "1.5 month"),
                ("en måned og en halv", "1.5 month"),
            ],
        );
        // NFKC writes "1½" as "11⁄2" and "½" as "1⁄2".
        use unicode_normalization::UnicodeNormalization;
        for (text, expected) in [("1½ år", "1.5 year"), ("2 ½ måneder", "2.5 month"), ("½ år", "0.5 year")] {
            let normalized: String = text.nfkc().collect();
            assert_eq!(durs(&normalized), [expected], "{text}");
        }
        // Typed with a slash, a fraction standing alone ("11/2" is a date).
        assert_eq!(durs("1/2 år"), ["0.5 year"]);
        let text: String = "1½ års binding".nfkc().collect();
        assert_eq!(spans(&durations(&text), &text), ["11⁄2 års"]);
    }

    #[test]
    fn sums_of_different_units_stay_apart() {
        assert_eq!(durs("en måned og to uker"), ["1 month", "2 week"]);
        assert_eq!(durs("ein månad og to veker"), ["1 month", "2 week"]);
        assert_eq!(durs("one month and two weeks"), ["1 month", "2 week"]);
        // Years and months are one span in months.
        assert_eq!(durs("2 years and 6 months"), ["30 month"]);
        assert_eq!(durs("to år og seks månader"), ["30 month"]);
        assert_eq!(durs("ett år og tre måneder"), ["15 month"]);
        // A half with its own unit is its own duration.
        assert_eq!(durs("en måned og en halv uke"), ["1 month", "0.5 week"]);
        // "a" alone is a frequency, not a count.
        assert_none(durs, &["twice a year", "once a month", "per a week", "fortnightly", "a fortnightly rota"]);
        // A possessive is no frequency.
        assert_eq!(durs("by giving a month's written notice"), ["1 month"]);
        assert_eq!(durs("a week's notice"), ["1 week"]);
        assert_eq!(durs("with a fortnight's notice"), ["2 week"]);
        assert_eq!(durs("Notice during the trial period is one fortnight."), ["2 week"]);
        assert_eq!(durs("Notice is one quarter, to the end of a calendar quarter."), ["3 month"]);
        assert_eq!(durs("Oppsigelsesfristen er et kvartal."), ["3 month"]);
        assert_eq!(durs("med eitt kvartals varsel"), ["3 month"]);
        assert_eq!(durs("repaid in full if you leave within a quarter"), ["3 month"]);
        assert_eq!(durs("applies for a quarter of a year after the last day"), ["3 month"]);
        assert_none(durs, &["reports once a quarter", "a quarter of the fee", "en fjerdedel", "the first quarter"]);
        // After a preposition of time it is one: "if you leave within a year".
        assert_each(durs, &[("within a year", "1 year"), ("for a month after leaving", "1 month")]);
    }

    #[test]
    fn calendar_years_and_months() {
        assert_each(
            durs,
            &[
                ("within 1 calendar year", "1 year"),
                ("within one calendar year", "1 year"),
                ("2 calendar years", "2 year"),
                ("12 calendar months", "12 month"),
                ("innen ett kalenderår", "1 year"),
                ("i ett kalenderår", "1 year"),
                ("to kalenderår", "2 year"),
                ("eitt kalenderår", "1 year"),
                ("1 kalenderårs binding", "1 year"),
                ("tolv kalendermåneder", "12 month"),
                ("tolv kalendermånader", "12 month"),
                ("14 kalenderdager", "14 day"),
                ("30 kalenderdagars varsel", "30 day"),
                ("30 kalenderdagers varsel", "30 day"),
                ("30 calendar days' notice", "30 day"),
            ],
        );
        assert_none(durs, &["i kalenderåret", "calendar year 2027", "kalenderåret 2027"]);
    }
}
