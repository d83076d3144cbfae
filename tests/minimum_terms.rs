//! The § 14-6 check: the examples of `patterns/minimum_terms.toml`, and whole contracts in
//! bokmål, nynorsk and English run through the binary.

use std::process::Command;

use kontrakt::extract::{Document, Page};
use kontrakt::i18n::Lang;
use kontrakt::minimum_terms::BUILTIN_TERMS;
use kontrakt::model::{TermReport, TermStatus};
use kontrakt::patterns::Patterns;

fn check_text(patterns: &Patterns, text: &str) -> TermReport {
    let paragraphs = text.lines().map(str::to_string).collect();
    let doc = Document { paged: false, pages: vec![Page { paragraphs }] };
    let analysis = kontrakt::analyze_document(&doc, patterns, Lang::Nb);
    BUILTIN_TERMS.check(&analysis.text, &analysis.findings, None, patterns)
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

fn kontrakt(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_kontrakt"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .args(args)
        .output()
        .expect("runs");
    assert!(out.status.code().is_some_and(|c| c < 2), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// The JSON report of one file.
fn report(path: &str) -> serde_json::Value {
    let json: serde_json::Value = serde_json::from_str(&kontrakt(&["sjekk", "--format", "json", path])).unwrap();
    json["reports"][0].clone()
}

/// The ids with `status`, in file order.
fn with_status(r: &serde_json::Value, status: &str) -> Vec<String> {
    let terms = r["minimum_terms"].as_object().expect("minimum_terms is an object");
    terms.iter().filter(|(_, v)| v["status"] == status).map(|(k, _)| k.clone()).collect()
}

const ALL_STATED: &[&str] = &[
    "parties",
    "workplace",
    "job",
    "start_date",
    "holiday",
    "notice",
    "pay",
    "working_hours",
    "breaks",
    "collective_agreement",
];

#[test]
fn filled_standard_forms_lack_nothing() {
    for (file, not_applicable) in [
        ("fixtures/minimum_terms/nb-skjema-2024.txt", &["duration", "hirer"][..]),
        ("fixtures/minimum_terms/en-form-2024.txt", &["duration", "hirer"]),
        // Signed before 1 July 2024: the items added then do not apply.
        (
            "fixtures/minimum_terms/nb-skjema-gammel.txt",
            &["duration", "hirer", "special_working_time", "training", "social_security"],
        ),
        (
            "fixtures/minimum_terms/en-form-old.txt",
            &["duration", "hirer", "special_working_time", "training", "social_security"],
        ),
    ] {
        let r = report(file);
        assert_eq!(r["minimum_terms_missing"], serde_json::json!([]), "{file}");
        assert_eq!(with_status(&r, "not_applicable"), not_applicable, "{file}");
        assert!(with_status(&r, "by_reference").is_empty(), "{file}");
        for id in ALL_STATED {
            let term = &r["minimum_terms"][id];
            assert_eq!(term["status"], "present", "{file}: {id}");
            assert!(term["location"]["paragraph"].as_u64().is_some_and(|p| p > 0), "{file}: {id} {term}");
        }
        assert_eq!(r["minimum_terms"]["probation"]["status"], "present", "{file}");
    }
    // Each term carries its letter of § 14-6 (1).
    let r = report("fixtures/minimum_terms/nb-skjema-2024.txt");
    let letters: Vec<&str> = ["parties", "pay", "collective_agreement", "training", "social_security", "hirer"]
        .iter()
        .map(|id| r["minimum_terms"][id]["letter"].as_str().unwrap())
        .collect();
    assert_eq!(letters, ["a", "i", "m", "o", "p", "n"]);
}

#[test]
fn the_old_form_signed_after_july_2024_lacks_the_new_items() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string("fixtures/minimum_terms/nb-skjema-gammel.txt").unwrap();
    let path = dir.path().join("ny.txt");
    std::fs::write(&path, text.replace("2023", "2027")).unwrap();
    let r = report(path.to_str().unwrap());
    assert_eq!(r["minimum_terms_missing"], serde_json::json!(["training", "social_security"]));
}

#[test]
fn a_contract_without_pay_and_working_time_lacks_exactly_those() {
    let r = report("fixtures/minimum_terms/nn-utan-lon-og-arbeidstid.txt");
    assert_eq!(r["language"], "nn");
    assert_eq!(r["minimum_terms_missing"], serde_json::json!(["pay", "working_hours"]));
    assert_eq!(r["minimum_terms"]["pay"], serde_json::json!({"letter": "i", "status": "missing", "location": null}));
    // Said in plain words, in the table (in nynorsk, the contract's language) and in the
    // Markdown report.
    let table = kontrakt(&["sjekk", "fixtures/minimum_terms/nn-utan-lon-og-arbeidstid.txt"]);
    let block = table.split("Dette manglar kontrakten etter arbeidsmiljølova § 14-6:\n").nth(1).expect("the block");
    let items: Vec<&str> = block.lines().filter(|l| l.starts_with("- ")).collect();
    assert_eq!(items.len(), 2, "{block}");
    assert!(
        items[0].starts_with("- Løn, tillegg og utbetaling: ") && items[1].starts_with("- Arbeidstid: "),
        "{block}"
    );
    let english = kontrakt(&[
        "--lang",
        "en",
        "sjekk",
        "--format",
        "markdown",
        "fixtures/minimum_terms/nn-utan-lon-og-arbeidstid.txt",
    ]);
    assert!(english.contains("What the contract lacks under section 14-6 of the Working Environment Act:\n- Pay, supplements and payment: "), "{english}");
    // The HTML page lists the same two items.
    let html = kontrakt(&["sjekk", "--format", "html", "fixtures/minimum_terms/nn-utan-lon-og-arbeidstid.txt"]);
    let list = html.split("<ul class=\"terms\">").nth(1).and_then(|l| l.split("</ul>").next()).expect("the list");
    assert_eq!(list.matches("<li>").count(), 2, "{list}");
    assert!(list.contains("<li>Løn, tillegg og utbetaling: ") && list.contains("<li>Arbeidstid: "), "{list}");
}

#[test]
fn temporary_posts_need_duration_and_basis_permanent_ones_not() {
    for file in
        ["fixtures/minimum_terms/nb-midlertidig-uten-grunnlag.txt", "fixtures/minimum_terms/en-temporary-no-basis.txt"]
    {
        let r = report(file);
        assert_eq!(r["minimum_terms_missing"], serde_json::json!(["duration"]), "{file}");
    }
    let r = report("fixtures/minimum_terms/nn-vikariat.txt");
    assert_eq!(r["minimum_terms"]["duration"]["status"], "present");
    assert_eq!(r["minimum_terms"]["duration"]["location"]["paragraph"], 6);
    for file in
        ["fixtures/minimum_terms/nb-skjema-2024.txt", "fixtures/avtale-nynorsk.txt", "fixtures/contract-english.txt"]
    {
        assert_eq!(report(file)["minimum_terms"]["duration"]["status"], "not_applicable", "{file}");
    }
}

#[test]
fn references_to_law_and_tariff_agreement_are_by_reference() {
    let by_reference = ["holiday", "notice", "pay", "working_hours", "breaks"];
    for file in ["fixtures/minimum_terms/nb-henvisninger.txt", "fixtures/minimum_terms/en-references.txt"] {
        let r = report(file);
        assert_eq!(with_status(&r, "by_reference"), by_reference, "{file}");
        assert_eq!(r["minimum_terms_missing"], serde_json::json!([]), "{file}");
        // Naming the tariff agreement states which one applies.
        assert_eq!(r["minimum_terms"]["collective_agreement"]["status"], "present", "{file}");
    }
    // Nynorsk: "Ferie og feriepengar etter ferielova."
    let r = report("fixtures/minimum_terms/nn-bemanning.txt");
    assert_eq!(r["minimum_terms"]["holiday"]["status"], "by_reference");
}

#[test]
fn agency_work_needs_the_hirer() {
    let r = report("fixtures/minimum_terms/nn-bemanning.txt");
    assert_eq!(r["minimum_terms_missing"], serde_json::json!(["hirer"]));
    assert_eq!(
        report("fixtures/minimum_terms/nb-skjema-2024.txt")["minimum_terms"]["hirer"]["status"],
        "not_applicable"
    );
}

#[test]
fn the_bundled_contracts_lack_breaks_and_a_collective_agreement() {
    for (file, missing) in [
        ("fixtures/avtale-bokmal.txt", &["breaks", "collective_agreement", "training"][..]),
        ("fixtures/avtale-bokmal.pdf", &["breaks", "collective_agreement", "training"]),
        ("fixtures/avtale-nynorsk.txt", &["breaks", "collective_agreement"]),
        ("fixtures/contract-english.docx", &["breaks", "collective_agreement"]),
    ] {
        assert_eq!(report(file)["minimum_terms_missing"], serde_json::json!(missing), "{file}");
    }
}

#[test]
fn every_term_the_report_can_miss_has_words_in_both_languages() {
    let ids: Vec<&str> = BUILTIN_TERMS.ids().collect();
    for id in [
        "parties",
        "workplace",
        "job",
        "start_date",
        "duration",
        "holiday",
        "notice",
        "pay",
        "working_hours",
        "breaks",
        "collective_agreement",
        "training",
        "social_security",
        "hirer",
        "probation",
    ] {
        assert!(ids.contains(&id), "{id} is not checked");
    }
    for id in ids.iter().filter(|id| !["probation", "special_working_time"].contains(id)) {
        for lang in [Lang::Nb, Lang::En] {
            assert!(lang.minimum_term(id).is_some(), "{id} has no words in {lang:?}");
        }
    }
}

#[test]
fn a_file_that_cannot_be_analysed_has_no_minimum_terms() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tom.txt");
    std::fs::write(&path, "").unwrap();
    let out =
        Command::new(env!("CARGO_BIN_EXE_kontrakt")).args(["sjekk", "--format", "json"]).arg(&path).output().unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let r = &json["reports"][0];
    assert_eq!(
        (r["status"].as_str(), r["minimum_terms"].is_null(), r["minimum_terms_missing"].is_null()),
        (Some("error"), true, true)
    );
}

#[test]
fn a_copy_of_the_patterns_folder_loads_beside_the_terms_file() {
    let patterns = Patterns::from_dir(std::path::Path::new("patterns")).expect("patterns/ loads as a pattern folder");
    assert_eq!(patterns.categories.len(), kontrakt::model::Category::ALL.len());
}

#[test]
fn batch_view_and_csv_count_the_missing_terms() {
    let files = ["fixtures/minimum_terms/nn-utan-lon-og-arbeidstid.txt", "fixtures/minimum_terms/nb-skjema-2024.txt"];
    let view = kontrakt(&[&["--lang", "nb", "sjekk"], &files[..]].concat());
    assert!(view.contains("§ 14-6 mangler 2: Lønn, tillegg og utbetaling, Arbeidstid"), "{view}");
    assert_eq!(view.matches("§ 14-6 mangler").count(), 1, "the complete form lacks nothing: {view}");
    let csv = kontrakt(&[&["sjekk", "--format", "csv"], &files[..]].concat());
    let rows: Vec<Vec<&str>> = csv.lines().map(|l| l.split(';').collect()).collect();
    let at = |name: &str| rows[0].iter().position(|c| c.trim_start_matches('\u{feff}') == name).expect(name);
    let (count, ids) = (at("minimum_terms_missing_count"), at("minimum_terms_missing"));
    let row = |file: &str| rows.iter().find(|r| r[0].ends_with(file)).expect(file);
    assert_eq!(
        (row("nn-utan-lon-og-arbeidstid.txt")[count], row("nn-utan-lon-og-arbeidstid.txt")[ids]),
        ("2", "pay working_hours")
    );
    assert_eq!((row("nb-skjema-2024.txt")[count], row("nb-skjema-2024.txt")[ids]), ("0", ""));
}
