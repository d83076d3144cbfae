//! Automatic numbering: the "12." or "a)" or bullet that Word draws before a paragraph from
//! `word/numbering.xml`, which is not in the paragraph's text.
//!
//! A paragraph is numbered by its own `w:numPr` or by its style's (`w:basedOn` chains
//! followed); `w:numId` 0 switches numbering off. Its level is its own `w:ilvl`, else its
//! style's, else that of the level whose `w:pStyle` names the style. A `w:num` points to a `w:abstractNum` whose
//! levels (`w:lvl`) give the start value, the format and the text ("%1.%2", "(%1)"). Counters
//! belong to the abstract numbering, so lists sharing one continue each other, as in Word; a
//! `w:num` with a `w:startOverride` restarts its level where it is first used. A level
//! restarts when a shallower level advances (or as `w:lvlRestart` says). A legal level
//! (`w:isLgl`) writes every counter in digits ("1.1" under "I."). The label is followed by a
//! space, or by nothing where `w:suff` says so.
//!
//! Bounds: the first [`MAX_DEFINITIONS`] numberings and styles are kept, levels 0 to 8 only,
//! level texts up to [`MAX_LEVEL_TEXT`] characters, `w:basedOn` followed [`MAX_STYLE_CHAIN`]
//! deep (so a cycle ends), and a counter written as letters or Roman numerals only while it
//! stays short.

use std::collections::{HashMap, HashSet};
use std::time::Instant;

use quick_xml::events::{BytesStart, Event};
use quick_xml::XmlVersion;

use super::Events;
use crate::error::FileError;

/// Levels of a numbering, as in Word.
const LEVELS: usize = 9;

/// Most abstract numberings, numberings and styles kept from one part each.
pub const MAX_DEFINITIONS: usize = 16_384;

/// Longest level text kept; a longer one draws nothing.
pub const MAX_LEVEL_TEXT: usize = 64;

/// Deepest `w:basedOn` chain followed.
pub const MAX_STYLE_CHAIN: usize = 32;

/// How a level writes its counter.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
enum Format {
    #[default]
    Decimal,
    DecimalZero,
    LowerLetter,
    UpperLetter,
    LowerRoman,
    UpperRoman,
    /// `decimalEnclosedParen`: "(1)".
    DecimalParen,
    /// `decimalEnclosedFullstop`: "1.".
    DecimalStop,
    Bullet,
    None,
}

impl Format {
    fn parse(value: &str) -> Self {
        match value {
            "decimalZero" => Format::DecimalZero,
            "lowerLetter" => Format::LowerLetter,
            "upperLetter" => Format::UpperLetter,
            "lowerRoman" => Format::LowerRoman,
            "upperRoman" => Format::UpperRoman,
            "decimalEnclosedParen" => Format::DecimalParen,
            "decimalEnclosedFullstop" => Format::DecimalStop,
            "bullet" => Format::Bullet,
            "none" => Format::None,
            // Ordinals ("1st"), words ("first", "one") and the many national formats read as
            // numbers: the digits carry what a reference needs.
            _ => Format::Decimal,
        }
    }

    /// The counter as this format writes it; a value letters or Roman numerals cannot write
    /// briefly is written in digits.
    fn write(self, n: i64) -> String {
        match self {
            Format::DecimalZero if (0..10).contains(&n) => format!("0{n}"),
            Format::LowerLetter | Format::UpperLetter if (1..=26 * 10).contains(&n) => {
                // Word repeats the letter: ... z, aa, bb, ...
                let letter = char::from(b'a' + ((n - 1) % 26) as u8);
                let letter = if self == Format::UpperLetter { letter.to_ascii_uppercase() } else { letter };
                letter.to_string().repeat(((n - 1) / 26 + 1) as usize)
            }
            Format::LowerRoman | Format::UpperRoman if (1..4000).contains(&n) => {
                let roman = roman(n);
                if self == Format::LowerRoman {
                    roman.to_ascii_lowercase()
                } else {
                    roman
                }
            }
            Format::DecimalParen => format!("({n})"),
            Format::DecimalStop => format!("{n}."),
            Format::Bullet | Format::None => String::new(),
            _ => n.to_string(),
        }
    }
}

fn roman(mut n: i64) -> String {
    const DIGITS: [(i64, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// One level of a numbering.
#[derive(Clone, Debug, Default)]
struct Level {
    /// `w:start`: zero when absent, as the format says.
    start: i64,
    format: Format,
    /// `w:lvlText`; a level without one draws nothing.
    text: Option<String>,
    /// `w:lvlRestart`: the one-based level after which this one restarts (0: never).
    restart: Option<usize>,
    /// `w:isLgl`: every counter in the text is written in digits.
    legal: bool,
    /// `w:suff`: what follows the label.
    suffix: Suffix,
}

/// What Word puts between a label and the paragraph's text.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
enum Suffix {
    /// A tab (the default) or a space, both read as a space: a tab here aligns the text, it is
    /// no cell border as the text's own tabs are.
    #[default]
    Space,
    /// Nothing: the label's own text runs into the paragraph's.
    Nothing,
}

#[derive(Debug, Default)]
struct Abstract {
    levels: [Level; LEVELS],
    /// `w:numStyleLink`: the levels are those of the numbering this style names.
    style_link: Option<String>,
}

#[derive(Debug, Default)]
struct Num {
    abstract_id: u32,
    /// `w:startOverride` per level.
    starts: [Option<i64>; LEVELS],
    /// Levels redefined whole by a `w:lvlOverride`.
    levels: Vec<(usize, Level)>,
}

/// The numbering a paragraph or style names directly.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NumPr {
    pub style: Option<String>,
    pub num_id: Option<u32>,
    pub level: Option<usize>,
}

#[derive(Debug, Default)]
struct Style {
    based_on: Option<String>,
    num_id: Option<u32>,
    level: Option<usize>,
}

/// The numbering definitions of a document and the counters of its lists so far.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<u32, Abstract>,
    nums: HashMap<u32, Num>,
    styles: HashMap<String, Style>,
    default_style: Option<String>,
    /// The level a `w:lvl` links to a paragraph style by its `w:pStyle`.
    style_levels: HashMap<String, usize>,
    /// Counter per abstract numbering and level; `None` until used or after a restart.
    counters: HashMap<u32, [Option<i64>; LEVELS]>,
    /// Numberings already used (their start overrides applied).
    used: HashSet<u32>,
}

/// The value of an attribute, by local name.
pub fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// The number an attribute holds.
pub fn number<T: std::str::FromStr>(e: &BytesStart, name: &str) -> Option<T> {
    attr(e, name)?.trim().parse().ok()
}

/// An on/off property: on unless its `w:val` says off.
fn on(e: &BytesStart) -> bool {
    !matches!(attr(e, "val").as_deref(), Some("0" | "false" | "off"))
}

/// A level index in range.
fn level_index(e: &BytesStart, name: &str) -> Option<usize> {
    number::<usize>(e, name).filter(|&l| l < LEVELS)
}

impl Numbering {
    /// Reads the definitions of `word/numbering.xml`.
    pub fn read_numbering(&mut self, xml: &str, part: &str, deadline: Option<Instant>) -> Result<(), FileError> {
        let mut events = Events::new(xml, part, deadline);
        let mut abstract_def: Option<(u32, Abstract)> = None;
        let mut num: Option<(u32, Num)> = None;
        let mut override_level: Option<usize> = None;
        let mut level: Option<(usize, Level)> = None;
        loop {
            let (e, empty) = match events.next()? {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(e) => {
                    end_numbering(
                        e.local_name().as_ref(),
                        self,
                        &mut abstract_def,
                        &mut num,
                        &mut override_level,
                        &mut level,
                    );
                    continue;
                }
                Event::Eof => return Ok(()),
                _ => continue,
            };
            let name = e.local_name();
            let name = name.as_ref();
            match name {
                "abstractNum" => abstract_def = number(&e, "abstractNumId").map(|id| (id, Abstract::default())),
                "num" => num = number(&e, "numId").map(|id| (id, Num::default())),
                "abstractNumId" => {
                    if let (Some((_, num)), Some(id)) = (num.as_mut(), number(&e, "val")) {
                        num.abstract_id = id;
                    }
                }
                "lvlOverride" => override_level = level_index(&e, "ilvl"),
                "startOverride" => {
                    if let (Some((_, num)), Some(l), Some(start)) = (num.as_mut(), override_level, number(&e, "val")) {
                        num.starts[l] = Some(start);
                    }
                }
                "numStyleLink" => {
                    if let Some((_, a)) = abstract_def.as_mut() {
                        a.style_link = attr(&e, "val");
                    }
                }
                "lvl" => {
                    level = match (num.is_some(), override_level) {
                        (true, Some(l)) => Some((l, Level::default())),
                        (false, _) if abstract_def.is_some() => level_index(&e, "ilvl").map(|l| (l, Level::default())),
                        _ => None,
                    }
                }
                _ => {
                    if let Some((index, level)) = level.as_mut() {
                        match name {
                            "start" => level.start = number(&e, "val").unwrap_or(0),
                            "numFmt" => level.format = Format::parse(&attr(&e, "val").unwrap_or_default()),
                            "lvlText" => level.text = attr(&e, "val").filter(|t| t.chars().count() <= MAX_LEVEL_TEXT),
                            "lvlRestart" => level.restart = number(&e, "val"),
                            "isLgl" => level.legal = on(&e),
                            "suff" => {
                                level.suffix = match attr(&e, "val").as_deref() {
                                    Some("nothing") => Suffix::Nothing,
                                    _ => Suffix::Space,
                                }
                            }
                            "pStyle" if num.is_none() && self.style_levels.len() < MAX_DEFINITIONS => {
                                if let Some(style) = attr(&e, "val") {
                                    self.style_levels.entry(style).or_insert(*index);
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
            if empty {
                end_numbering(name, self, &mut abstract_def, &mut num, &mut override_level, &mut level);
            }
        }
    }

    /// Reads the paragraph styles of `word/styles.xml`: what each is based on and the
    /// numbering it names. Only the `w:style` elements are parsed, found by their tags: the
    /// rest (latent styles, most of all the formatting of table styles) is most of the part
    /// and says nothing about numbering.
    pub fn read_styles(&mut self, xml: &str, part: &str, deadline: Option<Instant>) -> Result<(), FileError> {
        let mut events = Events::new(xml, part, deadline);
        let root = loop {
            match events.next()? {
                Event::Start(e) => break e.name().as_ref().to_string(),
                Event::Eof => return Ok(()),
                _ => {}
            }
        };
        let Some(prefix) = root.strip_suffix("styles") else { return Ok(()) };
        let (open, close) = (format!("<{prefix}style"), format!("</{prefix}style>"));
        let mut rest = xml;
        // Each step moves past what it searched, so the scan stays linear.
        while let Some(at) = rest.find(&open) {
            let block = &rest[at..];
            if !block[open.len()..].starts_with(|c: char| c.is_whitespace() || c == '>' || c == '/') {
                rest = &block[open.len()..];
                continue;
            }
            let tag = block.find('>').map_or(block.len(), |i| i + 1);
            let end = if block[..tag].ends_with("/>") {
                tag
            } else {
                match block.find(&close) {
                    Some(i) => i + close.len(),
                    None => break,
                }
            };
            self.read_style(&mut Events::new(&block[..end], part, deadline))?;
            rest = &block[end..];
        }
        Ok(())
    }

    /// Reads one `w:style` element, alone in `events`.
    fn read_style(&mut self, events: &mut Events) -> Result<(), FileError> {
        let (Event::Start(e) | Event::Empty(e)) = events.next()? else { return Ok(()) };
        let (Some(id), true) = (attr(&e, "styleId"), attr(&e, "type").is_none_or(|t| t == "paragraph")) else {
            return Ok(());
        };
        if attr(&e, "default").is_some_and(|d| d == "1" || d == "true") {
            self.default_style = Some(id.clone());
        }
        let mut style = Style::default();
        loop {
            let (e, empty) = match events.next()? {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::Eof => break,
                _ => continue,
            };
            match e.local_name().as_ref() {
                // A tracked change's old properties are not the style's.
                "pPrChange" | "rPrChange" if !empty => events.skip()?,
                "basedOn" => style.based_on = attr(&e, "val"),
                "numId" => style.num_id = number(&e, "val"),
                "ilvl" => style.level = level_index(&e, "val"),
                _ => {}
            }
        }
        if self.styles.len() < MAX_DEFINITIONS {
            self.styles.insert(id, style);
        }
        Ok(())
    }

    /// True when no paragraph can be numbered.
    pub fn is_empty(&self) -> bool {
        self.nums.is_empty()
    }

    /// The numbering id and level of a paragraph: its own, else its style chain's.
    fn resolve(&self, p: &NumPr) -> Option<(u32, usize)> {
        let (mut num_id, mut level) = (p.num_id, p.level);
        let mut style = p.style.as_deref().or(self.default_style.as_deref());
        for _ in 0..MAX_STYLE_CHAIN {
            if num_id.is_some() && level.is_some() {
                break;
            }
            let Some((id, s)) = style.and_then(|id| self.styles.get_key_value(id)) else { break };
            num_id = num_id.or(s.num_id);
            level = level.or(s.level).or_else(|| self.style_levels.get(id).copied());
            style = s.based_on.as_deref();
        }
        let level = level.unwrap_or(0);
        num_id.filter(|&id| id != 0 && level < LEVELS).map(|id| (id, level))
    }

    /// The abstract numbering of a numbering id, following one `w:numStyleLink`.
    fn abstract_of(&self, num: &Num) -> Option<(u32, &Abstract)> {
        let mut id = num.abstract_id;
        let mut a = self.abstracts.get(&id)?;
        if let Some(link) = &a.style_link {
            let style = NumPr { style: Some(link.clone()), ..NumPr::default() };
            if let Some(linked) = self.resolve(&style).and_then(|(n, _)| self.nums.get(&n)) {
                id = linked.abstract_id;
                a = self.abstracts.get(&id)?;
            }
        }
        Some((id, a))
    }

    /// The label Word draws before a paragraph with these properties, counting it, with what
    /// follows it: "12. ", "a) ", "3.2 ", "• ", "Del 1:" (`w:suff` nothing); `None` for a
    /// paragraph that is not numbered or draws nothing.
    pub fn label(&mut self, p: &NumPr) -> Option<String> {
        let (num_id, index) = self.resolve(p)?;
        let num = self.nums.get(&num_id)?;
        let (abstract_id, a) = self.abstract_of(num)?;
        let starts = num.starts;
        let levels: [Level; LEVELS] = std::array::from_fn(|l| {
            let mut level =
                num.levels.iter().rev().find(|(o, _)| *o == l).map_or_else(|| a.levels[l].clone(), |(_, o)| o.clone());
            if let Some(start) = starts[l] {
                level.start = start;
            }
            level
        });
        let counters = self.counters.entry(abstract_id).or_default();
        if self.used.insert(num_id) {
            for (counter, start) in counters.iter_mut().zip(&starts) {
                if start.is_some() {
                    *counter = None;
                }
            }
        }
        counters[index] = Some(counters[index].map_or(levels[index].start, |n| n.saturating_add(1)));
        for (deeper, level) in levels.iter().enumerate().skip(index + 1) {
            let after = level.restart.filter(|&r| r <= deeper).unwrap_or(deeper);
            if index < after {
                counters[deeper] = None;
            }
        }
        let level = &levels[index];
        let mut label = String::new();
        let text = if level.format == Format::Bullet { "•" } else { level.text.as_deref()? };
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let Some(l) =
                chars.peek().and_then(|d| d.to_digit(10)).filter(|d| (1..=9).contains(d)).filter(|_| c == '%')
            else {
                label.push(c);
                continue;
            };
            chars.next();
            let l = l as usize - 1;
            if l <= index {
                let format =
                    if level.legal && levels[l].format != Format::None { Format::Decimal } else { levels[l].format };
                label.push_str(&format.write(counters[l].unwrap_or(levels[l].start)));
            }
        }
        let label = label.trim_start();
        if label.trim_end().is_empty() {
            return None;
        }
        Some(match level.suffix {
            Suffix::Space => format!("{} ", label.trim_end()),
            Suffix::Nothing => label.to_string(),
        })
    }
}

/// Closes a definition of `word/numbering.xml` at its end tag.
fn end_numbering(
    name: &str,
    numbering: &mut Numbering,
    abstract_def: &mut Option<(u32, Abstract)>,
    num: &mut Option<(u32, Num)>,
    override_level: &mut Option<usize>,
    level: &mut Option<(usize, Level)>,
) {
    match name {
        "lvl" => match (level.take(), abstract_def.as_mut(), num.as_mut()) {
            (Some((l, level)), _, Some((_, num))) if num.levels.len() < LEVELS => num.levels.push((l, level)),
            (Some((l, level)), Some((_, a)), None) => a.levels[l] = level,
            _ => {}
        },
        "lvlOverride" => *override_level = None,
        "abstractNum" => {
            if let Some((id, a)) = abstract_def.take() {
                if numbering.abstracts.len() < MAX_DEFINITIONS {
                    numbering.abstracts.entry(id).or_insert(a);
                }
            }
        }
        "num" => {
            if let Some((id, n)) = num.take() {
                if numbering.nums.len() < MAX_DEFINITIONS {
                    numbering.nums.entry(id).or_insert(n);
                }
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_write_counters_as_word_does() {
        let cases = [
            (Format::Decimal, 12, "12"),
            (Format::DecimalZero, 7, "07"),
            (Format::LowerLetter, 1, "a"),
            (Format::UpperLetter, 28, "BB"),
            (Format::LowerRoman, 14, "xiv"),
            (Format::UpperRoman, 1999, "MCMXCIX"),
            // Too long as letters or Roman numerals: digits.
            (Format::LowerLetter, 1_000_000, "1000000"),
            (Format::UpperRoman, i64::MAX, "9223372036854775807"),
            (Format::LowerLetter, 0, "0"),
            (Format::None, 3, ""),
            (Format::parse("decimalEnclosedParen"), 4, "(4)"),
            (Format::parse("decimalEnclosedFullstop"), 4, "4."),
            // Ordinals and number words are written in digits.
            (Format::parse("ordinal"), 2, "2"),
            (Format::parse("cardinalText"), 3, "3"),
            (Format::parse("ordinalText"), 11, "11"),
        ];
        for (format, n, want) in cases {
            assert_eq!(format.write(n), want, "{format:?} {n}");
        }
    }
}
