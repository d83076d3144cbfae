//! Runs the built binary on the bundled fixture contracts, in every format, and checks the
//! findings, values, locations, risk and recommendation, the JSON's shape against the
//! report schema, and the exit codes of bad invocations.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name)
}

fn kontrakt(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kontrakt")).args(args).env("NO_COLOR", "1").output().expect("runs")
}

fn json(args: &[&str]) -> Value {
    let out = kontrakt(args);
    assert!(out.status.success(), "{:?}: {}", args, String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

/// One expected finding: category, values as the JSON shows them, the highest risk of the
/// category's findings, the PDF page and words the quoted sentence must hold.
struct Want {
    category: &'static str,
    values: Value,
    risk: &'static str,
    page: u64,
    quote: &'static str,
}

fn want(category: &'static str, values: Value, risk: &'static str, page: u64, quote: &'static str) -> Want {
    Want { category, values, risk, page, quote }
}

fn check_fixture(stem: &str, language: &str, wants: &[Want]) {
    for format in ["txt", "docx", "pdf"] {
        let path = fixture(&format!("{stem}.{format}"));
        let v = json(&["sjekk", "--format", "json", path.to_str().unwrap()]);
        let r = &v["reports"][0];
        let ctx = format!("{stem}.{format}");
        assert_eq!(r["status"], "ok", "{ctx}: {r}");
        assert_eq!(r["format"], format, "{ctx}");
        assert_eq!(r["language"], language, "{ctx}");
        assert_eq!(r["risk"], "high", "{ctx}");
        assert_eq!(r["recommendation"], "lawyer", "{ctx}");
        assert_eq!(r["pages"], if format == "pdf" { serde_json::json!(2) } else { Value::Null }, "{ctx}");
        let findings = r["findings"].as_array().unwrap();
        for w in wants {
            let of_category: Vec<&Value> =
                findings.iter().filter(|f| f["category"] == w.category && f["negated"] == false).collect();
            let hit = of_category
                .iter()
                .find(|f| {
                    w.values.as_object().unwrap().iter().all(|(k, v)| &f["values"][k] == v)
                        && f["text"].as_str().unwrap().contains(w.quote)
                })
                .unwrap_or_else(|| panic!("{ctx}: no {} finding with {} in {findings:#?}", w.category, w.values));
            let risks = ["none", "low", "medium", "high"];
            let highest = of_category.iter().filter_map(|f| risks.iter().position(|r| f["risk"] == *r)).max();
            assert_eq!(highest.map(|i| risks[i]), Some(w.risk), "{ctx}: {} risk", w.category);
            let page = if format == "pdf" { serde_json::json!(w.page) } else { Value::Null };
            assert_eq!(hit["location"]["page"], page, "{ctx}: {} page", w.category);
            assert!(hit["location"]["paragraph"].as_u64().unwrap() >= 1, "{ctx}");
        }
        assert_eq!(findings.len(), wants.len() + extra_findings(stem), "{ctx}: {findings:#?}");
        // Findings come in document order.
        let order: Vec<(u64, u64)> = findings
            .iter()
            .map(|f| (f["location"]["page"].as_u64().unwrap_or(0), f["location"]["paragraph"].as_u64().unwrap()))
            .collect();
        assert!(order.windows(2).all(|w| w[0] <= w[1]), "{ctx}: not in document order: {order:?}");
    }
}

/// Clauses that hold a second sentence of a category (a repayment sentence after the binding
/// period, the withdrawal right after its condition).
fn extra_findings(stem: &str) -> usize {
    match stem {
        "avtale-bokmal" | "avtale-nynorsk" => 2,
        _ => 1,
    }
}

fn dur(value: u64, unit: &str) -> Value {
    serde_json::json!({ "duration": { "value": value, "unit": unit } })
}

fn nok(value: u64) -> Value {
    serde_json::json!({ "amount": { "value": value, "currency": "NOK" } })
}

fn date(iso: &str) -> Value {
    serde_json::json!({ "date": iso })
}

fn none() -> Value {
    serde_json::json!({})
}

#[test]
fn bokmal_contract_in_every_format() {
    check_fixture(
        "avtale-bokmal",
        "nb",
        &[
            want("start_date", date("2027-03-01"), "none", 1, "tiltrer stillingen 1. mars 2027"),
            want("notice_before_start", dur(14, "day"), "medium", 1, "før tiltredelse"),
            want("withdrawal", none(), "low", 1, "politiattest"),
            want("probation", dur(6, "month"), "low", 1, "prøvetid på 6 måneder"),
            want("notice_period", dur(3, "month"), "medium", 1, "oppsigelsesfrist 3 måneder"),
            want("compensation", nok(50000), "high", 2, "konvensjonalbot"),
            want("binding_period", dur(24, "month"), "high", 2, "bindingstid på 24 måneder"),
            want("non_compete", dur(12, "month"), "medium", 2, "ikke ta ansettelse"),
        ],
    );
}

#[test]
fn nynorsk_contract_in_every_format() {
    check_fixture(
        "avtale-nynorsk",
        "nn",
        &[
            want("start_date", date("2027-03-01"), "none", 1, "tilsett frå 01.03.2027"),
            want("notice_before_start", dur(14, "day"), "medium", 1, "før tiltreding"),
            want("withdrawal", none(), "low", 1, "politiattest"),
            want("probation", dur(6, "month"), "low", 1, "prøvetid"),
            want("notice_period", dur(2, "month"), "medium", 1, "oppseiingsfristen 2 månader"),
            want("compensation", nok(30000), "high", 2, "konvensjonalbot"),
            want("binding_period", dur(24, "month"), "high", 2, "bindingstid på 24 månader"),
            want("non_compete", dur(12, "month"), "medium", 2, "ikkje ta tilsetjing"),
        ],
    );
}

#[test]
fn english_contract_in_every_format() {
    check_fixture(
        "contract-english",
        "en",
        &[
            want("start_date", date("2027-03-01"), "none", 1, "March 1, 2027"),
            want("notice_before_start", dur(14, "day"), "medium", 1, "before the Start Date"),
            want("withdrawal", none(), "low", 1, "references"),
            want("probation", dur(6, "month"), "low", 1, "probationary period"),
            want("notice_period", dur(1, "month"), "low", 1, "one (1) month"),
            want("compensation", nok(25000), "high", 2, "liquidated damages"),
            want("binding_period", dur(24, "month"), "high", 2, "twenty-four (24) months"),
            want("non_compete", dur(6, "month"), "medium", 2, "six (6) months"),
        ],
    );
}

#[test]
fn a_contract_that_lost_ae_oe_and_aa_reads_as_written_with_them() {
    // As a foreign keyboard or a PDF font without the letters leaves it: "provetid pa 6 maneder".
    let read = |path: &Path| -> Vec<(String, bool, String)> {
        let v = json(&["sjekk", "--format", "json", path.to_str().unwrap()]);
        let findings = v["reports"][0]["findings"].as_array().unwrap().clone();
        findings.iter().map(|f| (f["category"].to_string(), f["negated"] == true, f["values"].to_string())).collect()
    };
    for stem in ["avtale-bokmal", "avtale-nynorsk"] {
        let original = fixture(&format!("{stem}.txt"));
        let text = std::fs::read_to_string(&original).unwrap();
        let lost: String = text
            .chars()
            .map(|c| match c {
                'æ' | 'å' => 'a',
                'Æ' | 'Å' => 'A',
                'ø' => 'o',
                'Ø' => 'O',
                c => c,
            })
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("{stem}.txt"));
        std::fs::write(&path, lost).unwrap();
        let (want, got) = (read(&original), read(&path));
        assert!(want.len() >= 8, "{stem}: {want:?}");
        assert_eq!(got, want, "{stem}");
    }
}

/// The keys of an object, in order.
fn keys(v: &Value) -> Vec<&str> {
    v.as_object().unwrap_or_else(|| panic!("not an object: {v}")).keys().map(String::as_str).collect()
}

fn one_of(v: &Value, allowed: &[&str], what: &str) {
    assert!(v.as_str().is_some_and(|s| allowed.contains(&s)), "{what}: {v} not in {allowed:?}");
}

#[test]
fn json_follows_the_report_schema() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("ødelagt.pdf");
    std::fs::write(&broken, b"%PDF-1.7\nnot really a pdf").unwrap();
    let missing = dir.path().join("finnes-ikke.docx");
    let out = kontrakt(&[
        "sjekk",
        "--format",
        "json",
        fixture("avtale-bokmal.pdf").to_str().unwrap(),
        broken.to_str().unwrap(),
        missing.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2), "a file that cannot be analysed gives exit code 2");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(keys(&v), ["schema_version", "tool", "reports", "summary"]);
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["tool"]["name"], "kontrakt");
    assert!(v["tool"]["version"].is_string());
    let reports = v["reports"].as_array().unwrap();
    assert_eq!(reports.len(), 3);
    let files: Vec<&str> = reports.iter().map(|r| r["file"].as_str().unwrap()).collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted, "reports sorted by path");
    for r in reports {
        // The schema's fields, then the additions (notice, signatures, answer, the § 14-6 check,
        // extraction, ocr_pages).
        assert_eq!(
            keys(r),
            [
                "file",
                "status",
                "error",
                "format",
                "language",
                "pages",
                "findings",
                "risk",
                "recommendation",
                "recommendation_text",
                "notice",
                "signatures",
                "answer",
                "minimum_terms",
                "minimum_terms_missing",
                "extraction",
                "ocr_pages"
            ]
        );
        if r["status"] == "ok" {
            let n = &r["notice"];
            assert_eq!(
                keys(n),
                ["given", "period", "basis", "ends", "start_date", "ends_before_start", "phase", "deadline"]
            );
            one_of(&n["phase"], &["before_start", "probation", "employed"], "notice.phase");
            assert_eq!(keys(&r["answer"]), ["exit", "costs", "contacts"]);
            assert_eq!(keys(&r["answer"]["exit"]), ["clause", "period", "basis"]);
            one_of(&n["basis"], &["contract", "statute"], "notice.basis");
            assert_eq!(keys(&n["period"]), ["value", "unit"]);
            for s in r["signatures"].as_array().unwrap() {
                assert_eq!(keys(s), ["kind", "name", "date"]);
                one_of(&s["kind"], &["digital", "text"], "signature kind");
                assert!(s["name"].is_null() || s["name"].is_string());
                assert!(s["date"].is_null() || s["date"].as_str().is_some_and(|d| d.len() == 10));
            }
            one_of(&r["extraction"], &["text", "ocr", "mixed"], "extraction");
            for p in r["ocr_pages"].as_array().unwrap() {
                assert_eq!(keys(p), ["page", "confidence"]);
                assert!(p["page"].is_u64() && p["confidence"].as_u64().is_some_and(|c| c <= 100));
            }
        } else {
            assert!(r["notice"].is_null() && r["signatures"].is_null() && r["answer"].is_null());
            assert!(r["extraction"].is_null() && r["ocr_pages"].is_null());
        }
        one_of(&r["status"], &["ok", "error"], "status");
        one_of(&r["risk"], &["none", "low", "medium", "high"], "risk");
        one_of(&r["recommendation"], &["none", "union", "lawyer"], "recommendation");
        assert!(!r["recommendation_text"].as_str().unwrap().is_empty());
        assert!(r["format"].is_null() || r["format"].is_string());
        assert!(r["language"].is_null() || ["nb", "nn", "en"].contains(&r["language"].as_str().unwrap()));
        assert!(r["pages"].is_null() || r["pages"].is_u64());
        if r["status"] == "error" {
            assert_eq!(keys(&r["error"]), ["kind", "message"]);
            one_of(
                &r["error"]["kind"],
                &[
                    "not_found",
                    "unreadable",
                    "unsupported",
                    "corrupt",
                    "encrypted",
                    "no_text",
                    "too_large",
                    "timeout",
                    "internal",
                ],
                "error.kind",
            );
            assert!(r["findings"].as_array().unwrap().is_empty());
        } else {
            assert!(r["error"].is_null());
        }
        for f in r["findings"].as_array().unwrap() {
            assert_eq!(keys(f), ["category", "negated", "risk", "text", "location", "values", "rule", "explanation"]);
            one_of(
                &f["category"],
                &[
                    "start_date",
                    "notice_period",
                    "notice_before_start",
                    "probation",
                    "compensation",
                    "binding_period",
                    "withdrawal",
                    "non_compete",
                ],
                "category",
            );
            assert!(f["negated"].is_boolean());
            one_of(&f["risk"], &["none", "low", "medium", "high"], "finding risk");
            assert!(!f["text"].as_str().unwrap().is_empty());
            assert_eq!(keys(&f["location"]), ["page", "paragraph"]);
            assert!(f["location"]["paragraph"].is_u64());
            assert!(f["rule"].as_str().unwrap().starts_with(f["category"].as_str().unwrap()));
            assert!(!f["explanation"].as_str().unwrap().is_empty());
            for (key, value) in f["values"].as_object().unwrap() {
                match key.as_str() {
                    "duration" => {
                        assert_eq!(keys(value), ["value", "unit"]);
                        assert!(value["value"].is_number());
                        one_of(&value["unit"], &["day", "week", "month", "year"], "unit");
                    }
                    "amount" => {
                        assert_eq!(keys(value), ["value", "currency"]);
                        assert!(value["value"].is_number() && value["currency"].is_string());
                    }
                    "date" => {
                        let d = value.as_str().unwrap();
                        assert!(d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-', "ISO date: {d}");
                    }
                    other => panic!("unknown value {other}"),
                }
            }
        }
    }
    let kinds: Vec<&str> = reports.iter().filter_map(|r| r["error"]["kind"].as_str()).collect();
    assert_eq!(kinds, ["not_found", "corrupt"]);
    let s = &v["summary"];
    // The schema's fields first, then the additions (by_error, highest_risk).
    assert_eq!(keys(s), ["files", "ok", "errors", "by_risk", "by_recommendation", "by_error", "highest_risk"]);
    assert_eq!(s["by_error"]["not_found"], 1);
    assert_eq!(s["by_error"]["corrupt"], 1);
    assert_eq!(s["highest_risk"][0]["risk"], "high");
    assert_eq!((s["files"].as_u64(), s["ok"].as_u64(), s["errors"].as_u64()), (Some(3), Some(1), Some(2)));
    assert_eq!(keys(&s["by_risk"]), ["none", "low", "medium", "high"]);
    assert_eq!(keys(&s["by_recommendation"]), ["none", "union", "lawyer"]);
    assert_eq!(s["by_risk"]["high"], 1);
    assert_eq!(s["by_recommendation"]["lawyer"], 1);
}

#[test]
fn table_output_names_findings_and_verdict() {
    let out = kontrakt(&["sjekk", fixture("avtale-bokmal.txt").to_str().unwrap()]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for needle in [
        "Oppsigelsesfrist",
        "3 måneder",
        "Prøvetid",
        "kr 50 000",
        "01.03.2027",
        "Samlet risiko: HØY",
        "jurist",
        "ikke juridisk rådgivning",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    assert!(!text.contains('\x1b'), "no colour codes when stdout is not a terminal");
    assert!(text.lines().all(|l| l.chars().count() <= 100), "fitted to 100 columns:\n{text}");
    let out = kontrakt(&["--lang", "en", "check", fixture("contract-english.txt").to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("Overall risk: HIGH") && text.contains("lawyer"), "{text}");
}

#[test]
fn output_file_and_folders() {
    let dir = tempfile::tempdir().unwrap();
    let contracts = dir.path().join("kontrakter");
    std::fs::create_dir_all(contracts.join("2027")).unwrap();
    for stem in ["avtale-bokmal", "avtale-nynorsk", "contract-english"] {
        for ext in ["docx", "pdf", "txt"] {
            let name = format!("{stem}.{ext}");
            let to = if ext == "pdf" { contracts.join("2027").join(&name) } else { contracts.join(&name) };
            std::fs::copy(fixture(&name), to).unwrap();
        }
    }
    std::fs::write(contracts.join("notat.md"), "not a contract").unwrap();
    let out_file = dir.path().join("rapport.json");
    let out = kontrakt(&["sjekk", "--format", "json", "-o", out_file.to_str().unwrap(), contracts.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty(), "the report goes to the file only");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    let files: Vec<&str> = v["reports"].as_array().unwrap().iter().map(|r| r["file"].as_str().unwrap()).collect();
    assert_eq!(files.len(), 9, "three contracts in three formats, walked recursively, the note skipped: {files:?}");
    assert!(files.iter().all(|f| f.starts_with(contracts.to_str().unwrap())));
    assert_eq!(v["summary"]["ok"], 9);
}

#[test]
fn bad_arguments_exit_with_2_and_a_clear_message() {
    let out = kontrakt(&["sjekk", "finnes/ikke.pdf"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("kunne ikke analyseres"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Fant ikke filen"), "{stdout}");

    let out = kontrakt(&["sjekk", "--format", "pdf", "x.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--format"));

    let out = kontrakt(&["sjekk"]);
    assert_eq!(out.status.code(), Some(2));
    let out = kontrakt(&["finnes-ikke"]);
    assert_eq!(out.status.code(), Some(2));
    let out = kontrakt(&["sjekk", "--patterns", "finnes/ikke", "x.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("mønsterfil"));
}

fn notice_of(text: &str, dato: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("avtale.txt");
    std::fs::write(&file, text).unwrap();
    let v = json(&["sjekk", "--format", "json", "--dato", dato, file.to_str().unwrap()]);
    v["reports"][0]["notice"].clone()
}

#[test]
fn notice_deadline_against_the_start_date() {
    let v =
        json(&["sjekk", "--format", "json", "--dato", "24.11.2026", fixture("avtale-bokmal.pdf").to_str().unwrap()]);
    assert_eq!(
        v["reports"][0]["notice"],
        serde_json::json!({
            "given": "2026-11-24", "period": { "value": 14, "unit": "day" }, "basis": "contract",
            "ends": "2026-12-08", "start_date": "2027-03-01", "ends_before_start": true,
            "phase": "before_start", "deadline": "2027-02-14"
        }),
        "the pre-start notice period comes first"
    );
    let n =
        notice_of("Oppsigelsesfristen er 3 måneder. Arbeidstaker tiltrer stillingen 1. februar 2027.", "24.11.2026");
    assert_eq!((n["basis"].as_str(), n["ends"].as_str()), (Some("contract"), Some("2027-02-28")));
    assert_eq!(n["ends_before_start"], false);
    let n = notice_of("Arbeidstaker ansettes som lagermedarbeider. Lønn etter avtale.", "15.12.2026");
    assert_eq!(
        n,
        serde_json::json!({
            "given": "2026-12-15", "period": { "value": 1, "unit": "month" }, "basis": "statute",
            "ends": "2027-01-31", "start_date": null, "ends_before_start": null,
            "phase": "before_start", "deadline": null
        }),
        "no notice clause: the statutory month from the first of the next month"
    );
}

#[test]
fn notice_sentence_in_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("avtale.txt");
    std::fs::write(&file, "Oppsigelsesfristen er 3 måneder. Arbeidstaker tiltrer stillingen 1. februar 2027.").unwrap();
    let out = kontrakt(&["sjekk", "--dato", "24.11.2026", file.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap().replace('\n', " ");
    assert!(
        // "Sier du opp i dag (24.11.2026)" when run on that day.
        text.contains("24.11.2026), løper oppsigelsestiden ut 28.02.2027 (3 måneder etter kontrakten), ikke før tiltredelsen 01.02.2027.")
            || text.contains("Sier du opp 24.11.2026, løper oppsigelsestiden ut 28.02.2027 (3 måneder etter kontrakten), ikke før tiltredelsen 01.02.2027."),
        "{text}"
    );
    assert!(text.contains("omstridt"), "says that notice before the start is disputed: {text}");
    let english = fixture("contract-english.txt");
    let out = kontrakt(&["--lang", "en", "sjekk", "--dato", "24.11.2026", english.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap().replace('\n', " ");
    assert!(
        text.contains("the notice period ends on 8 December 2026 (14 days under the contract), before your start date 1 March 2027."),
        "{text}"
    );
    let out = kontrakt(&["sjekk", "--dato", "31.02.2027", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("ugyldig verdi «31.02.2027» for --dato"));
}

#[test]
fn markdown_report_for_an_email() {
    let pdf = fixture("avtale-bokmal.pdf");
    let out = kontrakt(&["sjekk", "--format", "markdown", "--dato", "01.12.2026", pdf.to_str().unwrap()]);
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    let v = json(&["sjekk", "--format", "json", pdf.to_str().unwrap()]);
    let findings = v["reports"][0]["findings"].as_array().unwrap().len();
    assert!(md.starts_with("## "), "{md}");
    // Quotes are indented to their item's marker: three spaces under "9.", four under "10.".
    assert_eq!(
        md.lines().filter(|l| l.starts_with("   > ") || l.starts_with("    > ")).count(),
        findings,
        "every finding quoted:\n{md}"
    );
    assert!(md.contains(&format!("{findings}. **")), "numbered findings:\n{md}");
    assert!(md.contains("- **Samlet risiko:** høy") && md.contains("(side 2, avsnitt "), "{md}");
    assert!(md.contains("løper oppsigelsestiden ut 15.12.2026"), "{md}");
    assert!(md.trim_end().ends_with("Dette er ikke juridisk rådgivning.*"), "{md}");
    let english = fixture("contract-english.docx");
    let out = kontrakt(&["--lang", "en", "sjekk", "--format", "markdown", english.to_str().unwrap()]);
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.contains("- **Overall risk:** high") && md.contains("(paragraph "), "{md}");
    for norwegian in ["risiko", "avsnitt", "Anbefaling", "tiltredelse", "juridisk"] {
        assert!(!md.contains(norwegian), "Norwegian {norwegian:?} in the English report:\n{md}");
    }
}

#[test]
fn signatures_in_the_report() {
    for format in ["txt", "docx", "pdf"] {
        let v = json(&["sjekk", "--format", "json", fixture(&format!("avtale-bokmal.{format}")).to_str().unwrap()]);
        assert_eq!(
            v["reports"][0]["signatures"],
            serde_json::json!([
                { "kind": "text", "name": "Ola Hansen", "date": "2026-11-10" },
                { "kind": "text", "name": "Kari Nordmann", "date": "2026-11-10" }
            ]),
            "{format}"
        );
    }
    let out = kontrakt(&["sjekk", fixture("avtale-bokmal.txt").to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap().replace('\n', " ");
    assert!(text.contains("Signaturfelt Ola Hansen, 10.11.2026; Kari Nordmann, 10.11.2026."), "{text}");
}

/// `--lang en` leaves no Norwegian in what a person reads about the English contract.
#[test]
fn english_output_has_no_norwegian() {
    let norwegian = [
        "risiko",
        "avsn",
        "Sted",
        "Verdi",
        "Anbefaling",
        "oppsigelse",
        "tiltred",
        "måned",
        "dager",
        "juridisk",
        "ikke",
        "kontrakten",
        "Signaturfelt",
        "fagforening",
        "Kategori",
        "Klausul",
        "Samlet",
        "Laget",
        "Funn",
        "gjelder",
    ];
    for format in ["table", "markdown", "html"] {
        for ext in ["txt", "docx", "pdf"] {
            let file = fixture(&format!("contract-english.{ext}"));
            let out = kontrakt(&["--lang", "en", "sjekk", "--format", format, file.to_str().unwrap()]);
            assert!(out.status.success());
            let text = String::from_utf8(out.stdout).unwrap();
            for word in norwegian {
                assert!(!text.contains(word), "{format}/{ext}: Norwegian {word:?} in:\n{text}");
            }
        }
    }
}

#[test]
fn patterns_command_lists_every_category_and_rule() {
    let out = kontrakt(&["mønstre"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let patterns = kontrakt::patterns::Patterns::builtin().unwrap();
    for cat in &patterns.categories {
        assert!(text.contains(&format!("({}): ", cat.category.as_str())), "{text}");
    }
    for rule in &patterns.rules {
        assert!(text.contains(&rule.id), "{} missing:\n{text}", rule.id);
    }
    // Each rule in readable form, in the report language, with its example.
    assert!(
        text.contains(
            "(NOTICE | NOTICE_WORD | TERMINATE | IN_PROBATION) + (AFTER_PROBATION | THEREAFTER), ikke med REPAY | COMPETITOR | RECRUIT | ASSESS | PENALTY, trenger en varighet"
        ),
        "{text}"
    );
    assert!(text.contains("eksempel: Etter prøvetiden er oppsigelsesfristen 3 måneder"), "{text}");
    let english = String::from_utf8(kontrakt(&["--lang", "en", "patterns"]).stdout).unwrap();
    assert!(english.contains("Probation (probation): "));
    assert!(english.contains("PROBATION, needs a duration"), "{english}");
    assert!(
        english.contains("(AFTER_PROBATION | THEREAFTER), after a sentence with (NOTICE | NOTICE_WORD)"),
        "{english}"
    );
    // A rule names a group as written; the groups' concepts are listed once, above the rules.
    assert!(english.starts_with("Groups of concepts (grammar.toml [groups]): "), "{english}");
    assert!(
        english.contains("\n  BENEFIT_REPAID = COURSE | BONUS | RELOCATION | BINDING | STAY_COMMIT\n"),
        "{english}"
    );
    assert!(english.contains("not with OTHER_TIMED_TERMS, needs a duration"), "{english}");
}
