//! Text from outside (a contract's words, a file's name) made safe to show: nothing in it may
//! drive a terminal (clear the screen, set the window title), and two different file names
//! never print the same.

use std::borrow::Cow;
use std::path::Path;

/// A file name for every output, one scheme everywhere: bytes that are not valid UTF-8 and
/// the bytes of control characters are written `\xNN`, and a backslash `\\`, so that two
/// different names never print the same and none carries a terminal escape sequence.
pub fn path(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for chunk in path.as_os_str().as_bytes().utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' {
                out.push_str("\\\\");
            } else if c.is_control() {
                let mut buf = [0; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    out.push_str(&format!("\\x{b:02X}"));
                }
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02X}"));
        }
    }
    out
}

/// `text` without terminal control: escape sequences (ESC or C1 introduced: CSI, OSC and
/// other strings, two-character escapes) are removed, any other control character becomes
/// U+FFFD. Line feeds and tabs stay, the outputs lay them out.
pub fn control_free(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| c.is_control() && c != '\n' && c != '\t';
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let introducer = match c {
            '\x1b' => match chars.peek() {
                Some(&next @ ('[' | ']' | 'P' | 'X' | '^' | '_')) => {
                    chars.next();
                    Some(next)
                }
                Some(&next) if (' '..='~').contains(&next) => {
                    // A two-character escape, with any intermediate bytes before its final one.
                    while chars.next_if(|c| (' '..='/').contains(c)).is_some() {}
                    chars.next();
                    None
                }
                _ => None,
            },
            // The C1 forms of CSI, OSC, DCS, SOS, PM and APC.
            '\u{9b}' => Some('['),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => Some(']'),
            c if unsafe_char(c) => {
                out.push('\u{fffd}');
                None
            }
            c => {
                out.push(c);
                None
            }
        };
        match introducer {
            // Control sequence: parameter and intermediate bytes up to a final byte.
            Some('[') => {
                while chars.next_if(|c| ('\x20'..='\x3f').contains(c)).is_some() {}
                chars.next_if(|c| ('\x40'..='\x7e').contains(c));
            }
            // A string, ended by BEL, ST (ESC \ or U+009C) or the end of the text.
            Some(_) => {
                while let Some(c) = chars.next() {
                    if c == '\x07' || c == '\u{9c}' || (c == '\x1b' && chars.next_if_eq(&'\\').is_some()) {
                        break;
                    }
                }
            }
            None => {}
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;

    #[test]
    fn names_stay_distinct_and_printable() {
        let name = |b: &[u8]| path(Path::new(OsStr::from_bytes(b)));
        assert_eq!(name(b"kontrakt-\xe6.txt"), "kontrakt-\\xE6.txt");
        assert_eq!(name(b"kontrakt-\xf8.txt"), "kontrakt-\\xF8.txt");
        assert_eq!(name("mappe/avtale-ø.pdf".as_bytes()), "mappe/avtale-ø.pdf");
        assert_eq!(name(b"a\x1b[2Jb.txt"), "a\\x1B[2Jb.txt");
        assert_eq!(name("c1\u{9b}.txt".as_bytes()), "c1\\xC2\\x9B.txt");
        // The literal text of an escape and the byte it stands for differ.
        assert_ne!(name(b"a\\xE6.txt"), name(b"a\xe6.txt"));
    }

    #[test]
    fn escape_sequences_and_controls_are_removed() {
        assert_eq!(control_free("Prøvetid\n\t6 måneder"), "Prøvetid\n\t6 måneder");
        assert!(matches!(control_free("ren tekst"), Cow::Borrowed(_)));
        assert_eq!(control_free("a\x1b[2J\x1b[1;31mb\x1b[0m"), "ab");
        assert_eq!(control_free("a\x1b]0;tittel\x07b\x1b]2;t\x1b\\c"), "abc");
        assert_eq!(control_free("a\x1bcb\x1b(Bc"), "abc");
        assert_eq!(control_free("a\u{9b}2Jb\u{9d}0;x\u{9c}c"), "abc");
        assert_eq!(control_free("a\rb\x07c\x7fd\u{85}e\x1b"), "a\u{fffd}b\u{fffd}c\u{fffd}d\u{fffd}e");
    }
}
