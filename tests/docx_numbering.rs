//! Runs the built binary on fixtures/nummerert.docx (made by scripts/gen-numbered-docx.py),
//! whose section numbers and list letters are Word's automatic numbering: the lettered items
//! under a lead-in must read as its list, and the headings must carry the numbers a
//! cross-reference ("jf. punkt 2") points to.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

fn kontrakt(format: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/nummerert.docx");
    let out = Command::new(env!("CARGO_BIN_EXE_kontrakt"))
        .args(["sjekk", "--format", format])
        .arg(path)
        .env("NO_COLOR", "1")
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn lettered_items_under_a_lead_in_are_the_non_compete_clause() {
    let json: Value = serde_json::from_str(&kontrakt("json")).unwrap();
    let report = &json["reports"][0];
    assert_eq!(report["status"], "ok", "{report}");
    assert_eq!(report["format"], "docx");
    let findings = report["findings"].as_array().unwrap();
    let non_compete: Vec<&Value> =
        findings.iter().filter(|f| f["category"] == "non_compete" && f["negated"] == false).collect();
    let texts: Vec<&str> = non_compete.iter().map(|f| f["text"].as_str().unwrap()).collect();
    assert_eq!(
        texts,
        [
            "a) Kontakte kunder som arbeidstakeren har hatt kontakt med det siste året.",
            "b) Bistå andre med å kontakte slike kunder."
        ],
        "{findings:#?}"
    );
    for f in non_compete {
        // The twelve months come from the lead-in above the items.
        assert_eq!(f["values"]["duration"], serde_json::json!({"value": 12, "unit": "month"}), "{f}");
    }
    let reference = findings.iter().find(|f| f["text"].as_str().unwrap().contains("jf. punkt 2")).expect("reference");
    assert_eq!(reference["category"], "compensation");
}

#[test]
fn headings_carry_the_numbers_references_point_to() {
    let html = kontrakt("html");
    for heading in ["1. Parter og stilling", "2. Kundeklausul", "3. Oppsigelse", "jf. punkt 2"] {
        assert!(html.contains(heading), "{heading} missing");
    }
    // The signature heading switches its style's numbering off.
    assert!(html.contains("Signatur") && !html.contains("4. Signatur"));
}
