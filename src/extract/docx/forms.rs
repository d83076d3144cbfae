//! Filled-in forms: the boxes and choices Word draws that are not plain text in the runs.
//!
//! - A checkbox content control (`w:sdt` with `w14:checkbox`) is read by its `w14:checked`
//!   state, whatever glyph and font its content uses.
//! - A legacy form field (`w:fldChar` begin with `w:ffData`) has no text for its box: a
//!   checkbox (`w:checkBox`, `w:checked` or else `w:default`) is written as its box, a drop-down
//!   (`w:ddList`) as the entry chosen by `w:result`. A text field's answer is the field result
//!   in the runs and is read as any text (an unfilled one shows five en spaces, read as space).
//! - A `w:sym` in a symbol font (Wingdings, Wingdings 2, Symbol), or text in a run set in one,
//!   is mapped to the Unicode sign it shows where that is a box or a mark ("þ" in Wingdings is
//!   ☒); other symbols of a `w:sym` stay unread, other text stays as it is.
//!
//! A box is written ☒ when checked and ☐ when not, so the text reads as Word shows it.

use quick_xml::events::BytesStart;

use super::numbering::{attr, number};

/// A checked box.
pub const CHECKED: char = '☒';
/// An empty box.
pub const UNCHECKED: char = '☐';

/// Most drop-down entries kept (Word allows 25).
const MAX_ENTRIES: usize = 64;

/// Longest drop-down entry kept, in bytes; a longer one is cut.
const MAX_ENTRY: usize = 256;

/// Most complex fields open at once that are tracked; deeper ones are read as plain fields.
const MAX_OPEN_FIELDS: usize = 64;

/// The legacy form field being read inside a `w:fldChar` begin.
#[derive(Debug)]
enum Field {
    Text,
    CheckBox { default: bool, checked: Option<bool> },
    DropDown { result: usize, entries: Vec<String> },
}

impl Field {
    /// What the field shows that is not in its result runs.
    fn shown(self) -> Option<String> {
        match self {
            Field::Text => None,
            Field::CheckBox { default, checked } => Some(glyph(checked.unwrap_or(default)).to_string()),
            Field::DropDown { result, entries } => entries.into_iter().nth(result),
        }
    }
}

/// An open complex field: what it shows when its result is empty, and where its result
/// starts in the paragraph's text once its `separate` mark is seen.
#[derive(Debug, Default)]
struct Open {
    shown: Option<String>,
    result_from: Option<usize>,
}

/// What the walker has seen of the form elements around it.
#[derive(Debug, Default)]
pub struct Forms {
    /// The innermost content control's checkbox state, once its properties say it is one.
    checkbox: Option<bool>,
    /// Inside a `w:fldChar` begin: the form field its `w:ffData` defines, if any.
    reading: Option<Option<Field>>,
    /// The complex fields open in the paragraph, innermost last.
    fields: Vec<Open>,
    /// Fields opened past [`MAX_OPEN_FIELDS`], not tracked.
    untracked: usize,
}

/// What an element adds to the paragraph's text.
#[derive(Debug, PartialEq)]
pub enum Shown {
    /// The element's content is replaced by this box.
    Box(char),
    /// This text is added where the element stands.
    Text(String),
}

/// An on/off value: on unless it says off; absent is on.
fn on(e: &BytesStart) -> bool {
    !matches!(attr(e, "val").as_deref().map(str::trim), Some("0" | "false" | "off"))
}

fn glyph(checked: bool) -> char {
    if checked {
        CHECKED
    } else {
        UNCHECKED
    }
}

impl Forms {
    /// Notes a start or empty tag outside skipped content, in a paragraph whose text so far is
    /// `text`; returns what it adds to the text.
    pub fn start(&mut self, e: &BytesStart, empty: bool, text: &str) -> Option<Shown> {
        match e.local_name().as_ref() {
            "sdt" => self.checkbox = None,
            // w14:checkbox, its state w14:checked.
            "checkbox" => self.checkbox = Some(false),
            "checked" if self.reading.is_none() => {
                if let Some(state) = self.checkbox.as_mut() {
                    *state = on(e);
                }
            }
            "sdtContent" => return self.checkbox.take().map(|state| Shown::Box(glyph(state))),
            "fldChar" => return self.field_char(e, empty, text),
            name => {
                if let Some(field) = self.reading.as_mut() {
                    read_field(field, name, e);
                }
            }
        }
        None
    }

    /// A field's begin, separate or end mark. A form field's box or chosen entry is added at
    /// its end unless the field has a result of its own (some writers add one).
    fn field_char(&mut self, e: &BytesStart, empty: bool, text: &str) -> Option<Shown> {
        match attr(e, "fldCharType").as_deref() {
            Some("begin") => {
                if self.fields.len() < MAX_OPEN_FIELDS {
                    self.fields.push(Open::default());
                } else {
                    self.untracked += 1;
                }
                if !empty {
                    self.reading = Some(None);
                }
            }
            Some("separate") if self.untracked == 0 => {
                if let Some(open) = self.fields.last_mut() {
                    open.result_from = Some(text.len());
                }
            }
            Some("end") => {
                if self.untracked > 0 {
                    self.untracked -= 1;
                    return None;
                }
                let open = self.fields.pop()?;
                let result = open.result_from.and_then(|from| text.get(from..)).unwrap_or_default();
                if result.trim().is_empty() {
                    return open.shown.map(Shown::Text);
                }
            }
            _ => {}
        }
        None
    }

    /// At a `w:fldChar` end tag: the form field its `w:ffData` defined is the open field's.
    pub fn end_field_char(&mut self) {
        if let (Some(Some(field)), 0) = (self.reading.take(), self.untracked) {
            if let Some(open) = self.fields.last_mut() {
                open.shown = field.shown();
            }
        }
    }
}

/// Reads one element of a legacy form field's `w:ffData`.
fn read_field(field: &mut Option<Field>, name: &str, e: &BytesStart) {
    match (name, field.as_mut()) {
        ("textInput", _) => *field = Some(Field::Text),
        ("checkBox", _) => *field = Some(Field::CheckBox { default: false, checked: None }),
        ("ddList", _) => *field = Some(Field::DropDown { result: 0, entries: Vec::new() }),
        ("default", Some(Field::CheckBox { default, .. })) => *default = on(e),
        ("checked", Some(Field::CheckBox { checked, .. })) => *checked = Some(on(e)),
        ("result", Some(Field::DropDown { result, .. })) => *result = number(e, "val").unwrap_or(0),
        ("listEntry", Some(Field::DropDown { entries, .. })) if entries.len() < MAX_ENTRIES => {
            let mut entry = attr(e, "val").unwrap_or_default();
            if entry.len() > MAX_ENTRY {
                let mut cut = MAX_ENTRY;
                while !entry.is_char_boundary(cut) {
                    cut -= 1;
                }
                entry.truncate(cut);
            }
            entries.push(entry);
        }
        _ => {}
    }
}

/// A symbol font whose characters are addressed by byte.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Font {
    Wingdings,
    Wingdings2,
    Symbol,
    /// Wingdings 3, Webdings: symbol fonts without boxes.
    OtherSymbols,
}

impl Font {
    fn parse(name: &str) -> Option<Font> {
        match name.trim().to_ascii_lowercase().as_str() {
            "wingdings" => Some(Font::Wingdings),
            "wingdings 2" => Some(Font::Wingdings2),
            "symbol" => Some(Font::Symbol),
            "wingdings 3" | "webdings" => Some(Font::OtherSymbols),
            _ => None,
        }
    }

    /// The box or mark a character code of this font shows, if it is one: in the private use
    /// area (F0xx) or as its byte.
    fn mark(self, code: u32) -> Option<char> {
        let byte = match code {
            0xF000..=0xF0FF => code - 0xF000,
            0..=0xFF => code,
            _ => return None,
        };
        match (self, byte) {
            // Wingdings: □ bold □ ❑ ❒ ◻ are empty boxes; ⌧ ☒ ☑ checked ones.
            (Font::Wingdings, 0x6F | 0x70 | 0x71 | 0x72 | 0xA8) => Some(UNCHECKED),
            (Font::Wingdings, 0x78 | 0xFD | 0xFE) => Some(CHECKED),
            (Font::Wingdings, 0xFC) => Some('✓'),
            (Font::Wingdings, 0xFB) => Some('✗'),
            (Font::Wingdings, 0x6E) => Some('■'),
            // Wingdings 2: □ and heavier white squares; boxes with a check or an X.
            (Font::Wingdings2, 0xA3..=0xA6) => Some(UNCHECKED),
            (Font::Wingdings2, 0x51..=0x54) => Some(CHECKED),
            (Font::Wingdings2, 0x50) => Some('✓'),
            (Font::Wingdings2, 0x4F) => Some('✗'),
            (Font::Wingdings2, 0xA2) => Some('■'),
            // Symbol: the radical sign is the tick of many forms.
            (Font::Symbol, 0xD6) => Some('✓'),
            _ => None,
        }
    }
}

/// The sign a `w:sym` shows: a box or a mark of a symbol font, or the character of any other
/// font; `None` for other symbols.
pub fn symbol(e: &BytesStart) -> Option<char> {
    let code = u32::from_str_radix(attr(e, "char")?.trim(), 16).ok()?;
    match Font::parse(&attr(e, "font")?) {
        Some(font) => font.mark(code),
        None => char::from_u32(code).filter(|c| !is_private(*c) && !c.is_control()),
    }
}

/// The symbol font a run's `w:rFonts` sets, if any.
pub fn run_font(e: &BytesStart) -> Option<Font> {
    Font::parse(&attr(e, "ascii").or_else(|| attr(e, "hAnsi"))?)
}

/// A character of a run in a symbol font as it shows: its box or mark, else itself.
pub fn shown(font: Font, c: char) -> char {
    font.mark(c as u32).unwrap_or(c)
}

fn is_private(c: char) -> bool {
    ('\u{e000}'..='\u{f8ff}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sym(font: &str, code: &str) -> Option<char> {
        let xml = format!(r#"<w:sym w:font="{font}" w:char="{code}"/>"#);
        let mut reader = quick_xml::Reader::from_str(&xml);
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Empty(e) => symbol(&e),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn symbol_fonts_map_boxes_and_marks() {
        let cases = [
            ("Wingdings", "F0FE", Some(CHECKED)),
            ("Wingdings", "F0FD", Some(CHECKED)),
            ("Wingdings", "F078", Some(CHECKED)),
            ("Wingdings", "F0A8", Some(UNCHECKED)),
            ("Wingdings", "F06F", Some(UNCHECKED)),
            ("Wingdings", "00A8", Some(UNCHECKED)),
            ("wingdings", "fe", Some(CHECKED)),
            ("Wingdings", "F0FC", Some('✓')),
            ("Wingdings", "F0FB", Some('✗')),
            ("Wingdings 2", "F052", Some(CHECKED)),
            ("Wingdings 2", "F054", Some(CHECKED)),
            ("Wingdings 2", "F053", Some(CHECKED)),
            ("Wingdings 2", "F0A3", Some(UNCHECKED)),
            ("Wingdings 2", "F050", Some('✓')),
            ("Symbol", "F0D6", Some('✓')),
            // Not boxes: a Wingdings clock, a Symbol bullet, a Greek letter.
            ("Wingdings", "F0B7", None),
            ("Symbol", "F0B7", None),
            ("Symbol", "F06F", None),
            // A Unicode font names its character.
            ("MS Gothic", "2612", Some('☒')),
            ("Segoe UI Symbol", "2610", Some('☐')),
            ("Arial", "F0FE", None),
            ("Wingdings", "zz", None),
            ("Wingdings", "0", None),
            ("Wingdings", "2612", None),
        ];
        for (font, code, want) in cases {
            assert_eq!(sym(font, code), want, "{font} {code}");
        }
    }
}
