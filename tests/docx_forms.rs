//! Runs the built binary on the filled-in DOCX forms made by scripts/gen-form-docx.py. Their
//! boxes are not text in the runs: legacy form fields (FORMCHECKBOX, FORMDROPDOWN, FORMTEXT),
//! checkbox content controls and Wingdings symbols. A probation field ticked "Nei" must read as
//! a negated probation clause, one ticked "Ja" as the clause itself, and the other rows of the
//! form must keep their own values.

use std::path::Path;
use std::process::Command;

use serde_json::{json, Value};

const FORMS: [&str; 3] = ["avkrysset.docx", "avkrysset-kontroll.docx", "avkrysset-symbol.docx"];

/// The JSON reports of the forms, in the order of [`FORMS`].
fn reports() -> Vec<Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let out = Command::new(env!("CARGO_BIN_EXE_kontrakt"))
        .args(["sjekk", "--format", "json"])
        .args(FORMS.iter().map(|f| dir.join(f)))
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    FORMS
        .iter()
        .map(|name| {
            let report = json["reports"]
                .as_array()
                .unwrap()
                .iter()
                .find(|r| r["file"].as_str().unwrap().ends_with(&format!("/{name}")))
                .unwrap_or_else(|| panic!("no report for {name}"));
            assert_eq!(report["status"], "ok", "{report}");
            assert_eq!(report["format"], "docx");
            report.clone()
        })
        .collect()
}

/// The findings of one category: (text, negated, values).
fn findings(report: &Value, category: &str) -> Vec<(String, bool, Value)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["category"] == category)
        .map(|f| (f["text"].as_str().unwrap().to_string(), f["negated"].as_bool().unwrap(), f["values"].clone()))
        .collect()
}

#[test]
fn ticked_answers_read_as_word_shows_them() {
    let reports = reports();
    let months = |n: u32| json!({"duration": {"value": n, "unit": "month"}});

    // Legacy form fields: "☐ Ja ☒ Nei" (the boxes have no text in the runs).
    let legacy = findings(&reports[0], "probation");
    assert_eq!(legacy, [("Avtalt prøvetid | Nei".to_string(), true, json!({}))], "{}", reports[0]);

    // Content controls: "☒ Ja ☐ Nei", the length in the next row.
    let controls = findings(&reports[1], "probation");
    assert_eq!(controls.len(), 2, "{controls:?}");
    assert_eq!(controls[0].0, "Avtalt prøvetid | Ja");
    assert!(controls.iter().all(|(_, negated, values)| !negated && *values == months(6)), "{controls:?}");

    // Wingdings symbols, each option before its box: "Ja ◻ Nei ☑".
    let symbols = findings(&reports[2], "probation");
    assert_eq!(symbols, [("Avtalt prøvetid | Nei".to_string(), true, json!({}))], "{}", reports[2]);

    for report in &reports {
        // The notice period (in the legacy form the entry chosen in a drop-down) stays its own
        // row's value, and the employment type's box does not leak into other rows.
        assert_eq!(
            findings(report, "notice_period"),
            [("Oppsigelsesfrist | 3 måneder".to_string(), false, months(3))],
            "{report}"
        );
        assert!(report["findings"].as_array().unwrap().iter().all(|f| {
            let text = f["text"].as_str().unwrap();
            !text.contains('☐') && !text.contains('☒') && !text.contains("Midlertidig")
        }));
    }
}
