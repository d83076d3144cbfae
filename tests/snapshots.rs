//! Snapshots of the human outputs (table, Markdown, HTML) for the bundled contracts, so that a
//! change in what a person reads shows up in review. Run from the crate root with relative
//! paths and a fixed notice date, so the output does not depend on the machine or the day.

use std::process::Command;

fn render(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_kontrakt"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

#[test]
fn table_bokmal_pdf() {
    insta::assert_snapshot!(render(&["sjekk", "--dato", "02.11.2026", "fixtures/avtale-bokmal.pdf"]));
}

#[test]
fn table_english_docx_in_english() {
    insta::assert_snapshot!(render(&[
        "--lang",
        "en",
        "sjekk",
        "--dato",
        "02.11.2026",
        "fixtures/contract-english.docx"
    ]));
}

#[test]
fn markdown_nynorsk_txt() {
    insta::assert_snapshot!(render(&[
        "sjekk",
        "--format",
        "markdown",
        "--dato",
        "02.11.2026",
        "fixtures/avtale-nynorsk.txt"
    ]));
}

#[test]
fn html_bokmal_pdf() {
    let html = render(&["sjekk", "--format", "html", "--dato", "02.11.2026", "fixtures/avtale-bokmal.pdf"]);
    // The page says the day it was made.
    let made = regex::Regex::new(r"Laget \d\d\.\d\d\.\d{4}").unwrap();
    insta::assert_snapshot!(made.replace_all(&html, "Laget [i dag]"));
}
