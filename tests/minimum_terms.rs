//! The § 14-6 check: the examples of `patterns/minimum_terms.toml`, and whole contracts in
//! bokmål, nynorsk and English run through the binary.


use kontrakt::extract::{Document, Page};
use kontrakt::i18n::Lang;
use kontrakt::minimum_terms::{TermReport, TermStatus, BUILTIN_TERMS};
use kontrakt::patterns::Patterns;

fn check_text(patterns: &Patterns, text: &str) -> TermReport {
    let paragraphs = text.lines().map(str::to_string).collect();
    let doc = Document { paged: false, pages: vec![Page { paragraphs }] };
    let analysis = kontrakt::analyze_document(&doc, patterns, Lang::Nb);
    BUILTIN_TERMS.check(&analysis.text, &analysis.findings, None)
}

#[test]
fn every_minimum_term_example_holds() {
    let patterns = Patterns::builtin().unwrap();
    let mut failures = Vec::new();
    for ex in &BUILTIN_TERMS.examples {
        let report = check_text(&patterns, &ex.text);
        let status = |id: &str| report.get(id).unwrap_or_else(|| panic!("unknown term {id} in an example")).status;
        let wants = [(&ex.present, "present"), (&ex.by_reference, "by_reference"), (&ex.absent, "absent")];
        for (ids, want) in wants {
            for id in ids {
                let got = status(id);
                let ok = match want {
                    "present" => got == TermStatus::Present,
                    "by_reference" => got == TermStatus::ByReference,
                    _ => matches!(got, TermStatus::Missing | TermStatus::NotApplicable),
                };
                if !ok {
                    failures.push(format!("{:?}: {id} is {got:?}, expected {want}", ex.text));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} failing examples:\n{}", failures.len(), failures.join("\n"));
    assert!(BUILTIN_TERMS.examples.len() >= 30);
}
