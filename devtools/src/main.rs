//! Fixture generator: turns one marked-up contract source (see [`fixture`]) into PDF, DOCX
//! and text files, so the same contract can be tested through every extractor.
//!
//! ```text
//! cargo run --release -p kontrakt-devtools --bin gen_fixtures -- [--cp1252] SOURCE.txt OUT.pdf OUT.docx OUT.txt ...
//! ```
//!
//! `--cp1252` makes `.txt` outputs Windows-1252 instead of UTF-8.

mod docx;
mod fixture;

use std::path::Path;
use std::process::ExitCode;

use fixture::{encode_cp1252, parse, pdf, render_txt};

fn run(args: &[String]) -> Result<(), String> {
    let (cp1252, args) = match args.first().map(String::as_str) {
        Some("--cp1252") => (true, &args[1..]),
        _ => (false, args),
    };
    let [source, outputs @ ..] = args else {
        return Err("usage: gen_fixtures [--cp1252] SOURCE.txt OUT...".into());
    };
    if outputs.is_empty() {
        return Err("no output files given".into());
    }
    let src = std::fs::read_to_string(source).map_err(|e| format!("{source}: {e}"))?;
    let blocks = parse(&src);

    for out in outputs {
        let ext = Path::new(out).extension().and_then(|e| e.to_str()).unwrap_or("");
        let bytes = match ext {
            "pdf" => pdf::render(&blocks)?,
            "docx" => docx::render(&blocks)?,
            "txt" if cp1252 => encode_cp1252(&render_txt(&blocks))?,
            "txt" => render_txt(&blocks).into_bytes(),
            _ => return Err(format!("{out}: unknown output type (use .pdf, .docx or .txt)")),
        };
        std::fs::write(out, bytes).map_err(|e| format!("{out}: {e}"))?;
    }
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_fixtures: {e}");
            ExitCode::FAILURE
        }
    }
}
