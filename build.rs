//! Converts the built-in pattern files (`patterns/**/*.toml`) to JSON in `OUT_DIR`: serde_json
//! reads them about four times faster than the TOML parser, and loading the grammar is most of
//! a one-file run. The TOML files stay the source; `--patterns` folders are read as TOML.
//!
//! The built-in lexicon goes further: its tries and tables are built here, with the same code
//! (`src/lexicon.rs`), and written as Rust statics (`OUT_DIR/lexicon.rs`) that the program
//! reads in place instead of building them at every start.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

#[path = "src/lexicon.rs"]
#[allow(dead_code)]
mod lexicon;

/// The built-in lexicon files, in the order `src/patterns.rs` reads them.
const LEXICON_FILES: [&str; 2] = ["patterns/lexicon/no.toml", "patterns/lexicon/en.toml"];

fn main() {
    println!("cargo:rerun-if-changed=patterns");
    println!("cargo:rerun-if-changed=src/lexicon.rs");
    let out = std::env::var_os("OUT_DIR").expect("OUT_DIR");
    let mut lexicons = BTreeMap::new();
    for dir in ["patterns", "patterns/lexicon"] {
        std::fs::create_dir_all(Path::new(&out).join(dir)).expect("a folder in OUT_DIR");
        for entry in std::fs::read_dir(dir).expect("the patterns folder") {
            let path = entry.expect("a directory entry").path();
            if path.extension().is_none_or(|e| e != "toml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a pattern file");
            let value: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let json = serde_json::to_string(&value).expect("TOML values convert to JSON");
            let name = format!("{}.json", path.display());
            std::fs::write(Path::new(&out).join(name), json).expect("writing to OUT_DIR");
            lexicons.insert(path.display().to_string(), value);
        }
    }
    let files = LEXICON_FILES.map(|f| lexicons.get(f).unwrap_or_else(|| panic!("{f} is missing")));
    std::fs::write(Path::new(&out).join("lexicon.rs"), lexicon_tables(&files)).expect("writing to OUT_DIR");
}

/// The built-in lexicon's tables as Rust source: statics and `fn lexicon()`.
fn lexicon_tables(files: &[&toml::Value]) -> String {
    let mut entries: Vec<(&str, Vec<&str>)> = Vec::new();
    for file in files {
        // The concepts in name order, as the loader's map gives them.
        let concepts: BTreeMap<&str, &toml::Value> = match file.get("concepts").and_then(toml::Value::as_table) {
            Some(table) => table.iter().map(|(k, v)| (k.as_str(), v)).collect(),
            None => BTreeMap::new(),
        };
        for (name, forms) in concepts {
            let forms = forms.as_array().unwrap_or_else(|| panic!("concept {name}: not a list of forms"));
            let forms = forms.iter().map(|f| f.as_str().unwrap_or_else(|| panic!("concept {name}: a form is no text")));
            entries.push((name, forms.collect()));
        }
    }
    let lex = lexicon::Lexicon::new(entries.iter().map(|(n, f)| (*n, f.as_slice())))
        .unwrap_or_else(|e| panic!("the built-in lexicon: {}", e.0));
    let names: Vec<&str> = lex.names.iter().map(|n| n.as_ref()).collect();
    let mut s = String::new();
    let (starts, forms) = (&lex.starts, &lex.forms);
    let _ = writeln!(s, "static NAMES: &[&str] = &{names:?};");
    let _ = writeln!(s, "static CODE: [u8; 256] = {:?};", starts.code);
    let _ = writeln!(s, "static CELLS: &[Cell] = &{:?};", starts.cells);
    let _ = writeln!(s, "static RANGES: &[[u32; 3]] = &{:?};", starts.ranges);
    let _ = writeln!(s, "static TOKENS: &[u32] = &{:?};", starts.tokens);
    let _ = writeln!(s, "static NODES: &[FlatNode] = &{:?};", forms.nodes);
    let _ = writeln!(s, "static CONCEPTS: &[ConceptId] = &{:?};", forms.concepts);
    let _ = writeln!(s, "static NEXT: &[(u32, u32)] = &{:?};", forms.next);
    let _ = writeln!(s, "static GAPPED: &[(u32, u32, u32)] = &{:?};", forms.gapped);
    let _ = writeln!(s, "static FIRST: &[u32] = &{:?};", lex.first);
    s.push_str("static INNER: &[(&[u8], &[InnerPiece])] = &[\n");
    for (finder, group) in &lex.inner {
        let _ = write!(s, "    (&{:?}, &[", finder.needle());
        for piece in group {
            let tokens: Vec<String> = piece.tokens.iter().map(|(w, t)| format!("(Wildcard::{w:?}, {t})")).collect();
            let _ = write!(
                s,
                "InnerPiece {{ literal: Cow::Borrowed(&{:?}), offset: {}, tokens: Cow::Borrowed(&[{}]) }}, ",
                piece.literal,
                piece.offset,
                tokens.join(", ")
            );
        }
        s.push_str("]),\n");
    }
    s.push_str("];\n");
    s.push_str(
        "\n/// The built-in lexicon.\npub(crate) fn lexicon() -> Lexicon {\n    let starts = StartTrie { code: CODE, cells: \
         Cow::Borrowed(CELLS), ranges: Cow::Borrowed(RANGES), tokens: Cow::Borrowed(TOKENS) };\n    let forms = FormTrie { \
         nodes: Cow::Borrowed(NODES), concepts: Cow::Borrowed(CONCEPTS), next: Cow::Borrowed(NEXT), gapped: \
         Cow::Borrowed(GAPPED) };\n    Lexicon::from_tables(NAMES, starts, INNER, forms, FIRST)\n}\n",
    );
    s
}
