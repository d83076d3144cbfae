//! Fixture generator: turns one marked-up contract source into PDF, DOCX and text files,
//! so the same contract can be tested through every extractor.
//!
//! ```text
//! cargo run --example gen_fixtures -- [--cp1252] SOURCE.txt OUT.pdf OUT.docx OUT.txt ...
//! ```
//!
//! Source markup (UTF-8):
//! - paragraphs are separated by blank lines; the lines of one paragraph are joined with a space;
//! - `# Text` on its own line is a heading;
//! - lines starting with `|` are table rows (`| Prøvetid | 6 måneder |`); consecutive rows form
//!   one table;
//! - `---` alone on a line is a page break;
//! - `**text**` is bold inside a paragraph (may split a word: `arbeids**taker**`);
//! - lines starting with `%%` are comments.
//!
//! Every output is byte-for-byte deterministic, so regenerating leaves committed files unchanged.
//! `--cp1252` makes `.txt` outputs Windows-1252 instead of UTF-8.

pub mod docx;
pub mod pdf;

use std::path::Path;
use std::process::ExitCode;

/// A run of paragraph text with one weight.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub bold: bool,
}

/// One block of the source document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(String),
    Paragraph(Vec<Span>),
    /// Rows of cells; rows may have different lengths.
    Table(Vec<Vec<String>>),
    PageBreak,
}

/// Parses the source markup into blocks.
pub fn parse(src: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    let mut rows: Vec<Vec<String>> = Vec::new();

    fn flush_paragraph(lines: &mut Vec<&str>, blocks: &mut Vec<Block>) {
        if !lines.is_empty() {
            blocks.push(Block::Paragraph(spans(&lines.join(" "))));
            lines.clear();
        }
    }
    fn flush_table(rows: &mut Vec<Vec<String>>, blocks: &mut Vec<Block>) {
        if !rows.is_empty() {
            blocks.push(Block::Table(std::mem::take(rows)));
        }
    }

    for line in src.lines() {
        let line = line.trim();
        if line.starts_with("%%") {
            continue;
        }
        if line.starts_with('|') {
            flush_paragraph(&mut lines, &mut blocks);
            let inner = line.trim_start_matches('|').trim_end_matches('|');
            rows.push(inner.split('|').map(|c| plain(c.trim())).collect());
            continue;
        }
        flush_table(&mut rows, &mut blocks);
        if line.is_empty() {
            flush_paragraph(&mut lines, &mut blocks);
        } else if line == "---" {
            flush_paragraph(&mut lines, &mut blocks);
            blocks.push(Block::PageBreak);
        } else if let Some(heading) = line.strip_prefix("# ") {
            flush_paragraph(&mut lines, &mut blocks);
            blocks.push(Block::Heading(plain(heading.trim())));
        } else {
            lines.push(line);
        }
    }
    flush_paragraph(&mut lines, &mut blocks);
    flush_table(&mut rows, &mut blocks);
    blocks
}

/// Splits `**bold**` markup into spans; every `**` toggles the weight.
fn spans(text: &str) -> Vec<Span> {
    text.split("**")
        .enumerate()
        .filter(|(_, t)| !t.is_empty())
        .map(|(i, t)| Span { text: t.to_string(), bold: i % 2 == 1 })
        .collect()
}

/// Text without bold markup (headings and table cells carry no inline formatting).
fn plain(text: &str) -> String {
    text.replace("**", "")
}

/// Plain text: blocks separated by a blank line, table cells by TAB, page breaks as a form feed.
pub fn render_txt(blocks: &[Block]) -> String {
    let parts: Vec<String> = blocks
        .iter()
        .map(|block| match block {
            Block::Heading(text) => text.clone(),
            Block::Paragraph(spans) => spans.iter().map(|s| s.text.as_str()).collect(),
            Block::Table(rows) => rows.iter().map(|r| r.join("\t")).collect::<Vec<_>>().join("\n"),
            Block::PageBreak => "\x0c".to_string(),
        })
        .collect();
    parts.join("\n\n") + "\n"
}

/// Encodes text as Windows-1252, failing on the first character it cannot represent.
pub fn encode_cp1252(text: &str) -> Result<Vec<u8>, String> {
    text.chars().map(|c| pdf::cp1252(c).ok_or_else(|| format!("{c:?} has no Windows-1252 code"))).collect()
}

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
