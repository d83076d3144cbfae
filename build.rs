//! Converts the built-in pattern files (`patterns/**/*.toml`) to JSON in `OUT_DIR`: serde_json
//! reads them about four times faster than the TOML parser, and loading the grammar is most of
//! a one-file run. The TOML files stay the source; `--patterns` folders are read as TOML.

use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=patterns");
    let out = std::env::var_os("OUT_DIR").expect("OUT_DIR");
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
        }
    }
}
