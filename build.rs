//! Converts the built-in pattern files (`patterns/**/*.toml`) to JSON in `OUT_DIR`: serde_json
//! reads them about four times faster than the TOML parser, and loading the grammar is most of
//! a one-file run. The TOML files stay the source; `--patterns` folders are read as TOML.
//!
//! A category file's examples go to a file of their own (`NAME.toml.examples.json`, `{}` for
//! a file without): checking a contract has no use for them, and they are most of the text.
//!
//! The built-in lexicons go further: their tries and tables are built here, with the same code
//! (`src/lexicon.rs`), and written as Rust statics (`OUT_DIR/lexicon.rs` for the clause grammar,
//! `OUT_DIR/minimum_terms_lexicon.rs` for the § 14-6 terms) that the program reads in place
//! instead of building them at every start.

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
    let mut files = BTreeMap::new();
    for dir in ["patterns", "patterns/lexicon"] {
        std::fs::create_dir_all(Path::new(&out).join(dir)).expect("a folder in OUT_DIR");
        for entry in std::fs::read_dir(dir).expect("the patterns folder") {
            let path = entry.expect("a directory entry").path();
            if path.extension().is_none_or(|e| e != "toml") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a pattern file");
            let mut value: toml::Value = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let examples = value.as_table_mut().and_then(|t| t.remove("examples"));
            let examples = examples.unwrap_or_else(|| toml::Value::Table(toml::Table::new()));
            for (name, value) in [("json", &value), ("examples.json", &examples)] {
                let json = serde_json::to_string(value).expect("TOML values convert to JSON");
                let name = format!("{}.{name}", path.display());
                std::fs::write(Path::new(&out).join(name), json).expect("writing to OUT_DIR");
            }
            files.insert(path.display().to_string(), value);
        }
    }
    let file = |f: &str| files.get(f).unwrap_or_else(|| panic!("{f} is missing"));
    // The clause grammar's concepts: file by file, each in name order, as its loader reads them.
    let grammar = LEXICON_FILES.iter().flat_map(|f| concepts(file(f).get("concepts")));
    std::fs::write(Path::new(&out).join("lexicon.rs"), lexicon_tables(grammar.collect())).expect("writing to OUT_DIR");
    // The § 14-6 terms' concepts: language by language (in name order), each in name order.
    let languages = file("patterns/minimum_terms.toml").get("lexicon").and_then(toml::Value::as_table);
    let languages: BTreeMap<&String, &toml::Value> = languages.into_iter().flatten().collect();
    let terms = languages.into_values().flat_map(|l| concepts(Some(l)));
    std::fs::write(Path::new(&out).join("minimum_terms_lexicon.rs"), lexicon_tables(terms.collect()))
        .expect("writing to OUT_DIR");
}

/// The concepts of a lexicon table and their forms, in name order.
fn concepts(table: Option<&toml::Value>) -> Vec<(&str, Vec<&str>)> {
    let table = table.and_then(toml::Value::as_table).into_iter().flatten();
    let sorted: BTreeMap<&String, &toml::Value> = table.collect();
    let mut entries = Vec::new();
    for (name, forms) in sorted {
        let forms = forms.as_array().unwrap_or_else(|| panic!("concept {name}: not a list of forms"));
        let forms = forms.iter().map(|f| f.as_str().unwrap_or_else(|| panic!("concept {name}: a form is no text")));
        entries.push((name.as_str(), forms.collect()));
    }
    entries
}

/// A built-in lexicon's tables as Rust source: statics and `fn lexicon()`.
fn lexicon_tables(entries: Vec<(&str, Vec<&str>)>) -> String {
    let lex = lexicon::Lexicon::new(entries.iter().map(|(n, f)| (*n, f.as_slice())))
        .unwrap_or_else(|e| panic!("the built-in lexicon: {}", e.0));
    let names: Vec<&str> = lex.names.iter().map(|n| n.as_ref()).collect();
    // `Wildcard` names the tokens of the inner pieces, when there are any.
    let wildcard = if lex.inner.is_empty() { "" } else { ", Wildcard" };
    let mut s = format!(
        "use std::borrow::Cow;\n\nuse crate::lexicon::{{Cell, ConceptId, FlatNode, FormTrie, InnerPiece, Lexicon, \
         StartTrie{wildcard}}};\n\n"
    );
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
        "\n/// The lexicon.\npub(crate) fn lexicon() -> Lexicon {\n    let starts = StartTrie { code: CODE, cells: \
         Cow::Borrowed(CELLS), ranges: Cow::Borrowed(RANGES), tokens: Cow::Borrowed(TOKENS) };\n    let forms = FormTrie { \
         nodes: Cow::Borrowed(NODES), concepts: Cow::Borrowed(CONCEPTS), next: Cow::Borrowed(NEXT), gapped: \
         Cow::Borrowed(GAPPED) };\n    Lexicon::from_tables(NAMES, starts, INNER, forms, FIRST)\n}\n",
    );
    s
}
