//! Accuracy on the labelled contracts: per-category precision, recall and F1 over
//! (document, category, negated) and the accuracy of the values read.
//!
//! fixtures/corpus is the set the patterns are developed against: it must reach micro-F1 0.95
//! and value accuracy 0.95. fixtures/heldout was written separately and is never used to tune
//! the patterns; it measures how the patterns generalize, with a lower floor. fixtures/fresh
//! was written later again, measured once as written and tuned on since. fixtures/fresh5 came
//! after it, in other styles (forms filled in, tables, footnotes, appendices, offer letters with
//! separate terms); its floors sit just below its figures as written.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::{prf, Expected, Tally};
use kontrakt::model::{Category, Status};
use kontrakt::patterns::Patterns;
use kontrakt::Config;
use serde::Deserialize;

#[derive(Deserialize)]
struct Gold {
    doc: Vec<Doc>,
}

#[derive(Deserialize)]
struct Doc {
    src: String,
    format: String,
    language: String,
    #[serde(default)]
    expect: BTreeMap<String, Expected>,
}

struct Score {
    documents: usize,
    f1: f64,
    values: f64,
}

#[test]
fn corpus_accuracy() {
    let s = evaluate("corpus");
    assert!(s.documents >= 40, "the corpus needs at least 40 documents");
    assert!(s.f1 >= 0.95, "micro-F1 {:.3} is below 0.95", s.f1);
    assert!(s.values >= 0.95, "value accuracy {:.3} is below 0.95", s.values);
}

/// Contracts written separately, never used to tune the grammar.
fn held_out_contracts(set: &str, documents: usize) {
    let s = evaluate(set);
    assert!(s.documents >= documents);
    assert!(s.f1 >= 0.85, "{set} micro-F1 {:.3} is below 0.85", s.f1);
    assert!(s.values >= 0.85, "{set} value accuracy {:.3} is below 0.85", s.values);
}

#[test]
fn heldout_accuracy() {
    held_out_contracts("heldout", 20);
}

#[test]
fn heldout3_accuracy() {
    held_out_contracts("heldout3", 12);
}

#[test]
fn heldout4_accuracy() {
    held_out_contracts("heldout4", 12);
}

#[test]
fn fresh_accuracy() {
    let s = evaluate("fresh");
    assert!(s.documents >= 26);
    assert!(s.f1 >= 0.97, "fresh micro-F1 {:.3} is below 0.97", s.f1);
    assert!(s.values >= 0.95, "fresh value accuracy {:.3} is below 0.95", s.values);
}

#[test]
fn fresh5_accuracy() {
    let s = evaluate("fresh5");
    assert!(s.documents >= 16);
    // As written 0.906; tuned on since.
    assert!(s.f1 >= 0.95, "fresh5 micro-F1 {:.3} is below 0.95", s.f1);
    assert!(s.values >= 0.95, "fresh5 value accuracy {:.3} is below 0.95", s.values);
}

#[test]
fn fresh6_accuracy() {
    let s = evaluate("fresh6");
    assert!(s.documents >= 15);
    // As written 0.898 (0.948 once four sources' table rows were written as tables); tuned on
    // since, and with the form rows given their own paragraphs as meant.
    assert!(s.f1 >= 0.96, "fresh6 micro-F1 {:.3} is below 0.96", s.f1);
    assert!(s.values >= 0.95, "fresh6 value accuracy {:.3} is below 0.95", s.values);
}

#[test]
fn fresh7_accuracy() {
    let s = evaluate("fresh7");
    assert!(s.documents >= 12);
    // As written 0.937 (values 43/44); tuned on since.
    assert!(s.f1 >= 0.97, "fresh7 micro-F1 {:.3} is below 0.97", s.f1);
    assert!(s.values >= 0.95, "fresh7 value accuracy {:.3} is below 0.95", s.values);
}

#[test]
fn fresh10_accuracy() {
    let s = evaluate("fresh10");
    assert!(s.documents >= 12);
    // As written 0.898 (values 57/60); tuned on since.
    assert!(s.f1 >= 0.95, "fresh10 micro-F1 {:.3} is below 0.95", s.f1);
    assert!(s.values >= 0.95, "fresh10 value accuracy {:.3} is below 0.95", s.values);
}

#[test]
fn fresh11_accuracy() {
    let s = evaluate("fresh11");
    assert!(s.documents >= 6);
    // As written 0.907 (values 31/33); tuned on since.
    assert!(s.f1 >= 0.94, "fresh11 micro-F1 {:.3} is below 0.94", s.f1);
    assert!(s.values >= 0.95, "fresh11 value accuracy {:.3} is below 0.95", s.values);
}

#[test]
fn fresh12_accuracy() {
    let s = evaluate("fresh12");
    assert!(s.documents >= 6);
    // As written 0.902 (values 32/32); tuned on since.
    assert!(s.f1 >= 0.98, "fresh12 micro-F1 {:.3} is below 0.98", s.f1);
    assert!(s.values >= 0.95, "fresh12 value accuracy {:.3} is below 0.95", s.values);
}

#[test]
fn fresh13_accuracy() {
    let s = evaluate("fresh13");
    assert!(s.documents >= 6);
    // As written 0.881 (values 34/36); tuned on since.
    assert!(s.f1 >= 0.93, "fresh13 micro-F1 {:.3} is below 0.93", s.f1);
    assert!(s.values >= 0.95, "fresh13 value accuracy {:.3} is below 0.95", s.values);
}

#[test]
fn fresh14_accuracy() {
    let s = evaluate("fresh14");
    assert!(s.documents >= 8);
    // As written 0.923 (values 41/44); tuned on since.
    assert!(s.f1 >= 0.98, "fresh14 micro-F1 {:.3} is below 0.98", s.f1);
    assert!(s.values >= 0.95, "fresh14 value accuracy {:.3} is below 0.95", s.values);
}

#[test]
fn fresh15_accuracy() {
    let s = evaluate("fresh15");
    assert!(s.documents >= 8);
    // As written 0.914 (values 41/45); tuned 1.000 (values 50/51).
    assert!(s.f1 >= 0.98, "fresh15 micro-F1 {:.3} is below 0.98", s.f1);
    assert!(s.values >= 0.96, "fresh15 value accuracy {:.3} is below 0.96", s.values);
}

#[test]
fn fresh16_accuracy() {
    let s = evaluate("fresh16");
    assert!(s.documents >= 8);
    // As written 0.980 (values 38/38); tuned 0.990.
    assert!(s.f1 >= 0.98, "fresh16 micro-F1 {:.3} is below 0.98", s.f1);
    assert!(s.values >= 0.96, "fresh16 value accuracy {:.3} is below 0.96", s.values);
}

#[test]
fn fresh17_accuracy() {
    let s = evaluate("fresh17");
    assert!(s.documents >= 8);
    // As written 0.955 (values 34/36); tuned 0.977 (the addendum's new start wins).
    assert!(s.f1 >= 0.97, "fresh17 micro-F1 {:.3} is below 0.97", s.f1);
    assert!(s.values >= 0.97, "fresh17 value accuracy {:.3} is below 0.97", s.values);
}

#[test]
fn fresh18_accuracy() {
    let s = evaluate("fresh18");
    assert!(s.documents >= 8);
    // As written 0.925 (values 30/31); tuned 0.987 (a section struck by a later provision).
    assert!(s.f1 >= 0.98, "fresh18 micro-F1 {:.3} is below 0.98", s.f1);
    assert!(s.values >= 0.96, "fresh18 value accuracy {:.3} is below 0.96", s.values);
}

#[test]
fn fresh19_accuracy() {
    let s = evaluate("fresh19");
    assert!(s.documents >= 8);
    // As written 0.881 (values 27/28); tuned 0.979 (question-and-answer rows, shortened labels).
    assert!(s.f1 >= 0.97, "fresh19 micro-F1 {:.3} is below 0.97", s.f1);
    assert!(s.values >= 0.96, "fresh19 value accuracy {:.3} is below 0.96", s.values);
}

#[test]
fn fresh20_accuracy() {
    let s = evaluate("fresh20");
    assert!(s.documents >= 6);
    // As written 0.938 (values 35/35); tuned 0.951 (a clause pointing to its own first paragraph).
    assert!(s.f1 >= 0.95, "fresh20 micro-F1 {:.3} is below 0.95", s.f1);
    assert!(s.values >= 0.97, "fresh20 value accuracy {:.3} is below 0.97", s.values);
}

#[test]
fn fresh21_accuracy() {
    let s = evaluate("fresh21");
    assert!(s.documents >= 6);
    // As written 0.984 (values 24/24).
    assert!(s.f1 >= 0.98, "fresh21 micro-F1 {:.3} is below 0.98", s.f1);
    assert!(s.values >= 0.97, "fresh21 value accuracy {:.3} is below 0.97", s.values);
}

fn evaluate(set: &str) -> Score {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(set);
    let gold: Gold = toml::from_str(&std::fs::read_to_string(root.join("gold.toml")).unwrap()).unwrap();
    let config = Config::new(Patterns::builtin().unwrap());
    let mut tallies: BTreeMap<Category, Tally> = BTreeMap::new();
    let (mut values_total, mut values_right) = (0, 0);
    let (mut lang_total, mut lang_right) = (0, 0);
    let mut misses = Vec::new();
    for doc in &gold.doc {
        let stem = doc.src.trim_end_matches(".txt");
        let path = root.join(format!("{stem}.{}", doc.format));
        let report = kontrakt::analyze(&path, &config);
        assert_eq!(report.status, Status::Ok, "{}: {:?}", path.display(), report.status);
        lang_total += 1;
        if report.language.map(|l| serde_json::to_string(&l).unwrap().trim_matches('"').to_string()).as_deref()
            == Some(doc.language.as_str())
        {
            lang_right += 1;
        }
        let predicted: BTreeSet<(Category, bool)> = report.findings.iter().map(|f| (f.category, f.negated)).collect();
        let expected: BTreeMap<(Category, bool), &Expected> = doc
            .expect
            .iter()
            .map(|(k, e)| {
                ((Category::parse(k).unwrap_or_else(|| panic!("{}: unknown category {k}", doc.src)), e.negated), e)
            })
            .collect();
        for key in &predicted {
            let t = tallies.entry(key.0).or_default();
            if expected.contains_key(key) {
                t.tp += 1;
            } else {
                t.fp += 1;
                let f = report.findings.iter().find(|f| (f.category, f.negated) == *key).unwrap();
                misses.push(format!(
                    "FP {} {}{} [{}]: {}",
                    doc.src,
                    key.0.as_str(),
                    if key.1 { " (negated)" } else { "" },
                    f.rule,
                    f.text
                ));
            }
        }
        for (key, e) in &expected {
            if !predicted.contains(key) {
                tallies.entry(key.0).or_default().fn_ += 1;
                misses.push(format!("FN {} {}{}", doc.src, key.0.as_str(), if key.1 { " (negated)" } else { "" }));
                continue;
            }
            let found: Vec<_> = report.findings.iter().filter(|f| (f.category, f.negated) == *key).collect();
            for (want, ok) in e.checks(&found) {
                values_total += 1;
                if ok {
                    values_right += 1;
                } else {
                    let got: Vec<String> = found.iter().map(|f| format!("{:?}", f.values)).collect();
                    misses.push(format!(
                        "VALUE {} {}: expected {want}, got {}",
                        doc.src,
                        key.0.as_str(),
                        got.join(" / ")
                    ));
                }
            }
        }
    }
    let mut total = Tally::default();
    println!(
        "\n{set}\n{:<22} {:>4} {:>4} {:>4} {:>9} {:>7} {:>6}",
        "category", "tp", "fp", "fn", "precision", "recall", "f1"
    );
    for (c, t) in &tallies {
        let (p, r, f) = prf(t);
        println!("{:<22} {:>4} {:>4} {:>4} {:>9.3} {:>7.3} {:>6.3}", c.as_str(), t.tp, t.fp, t.fn_, p, r, f);
        total.tp += t.tp;
        total.fp += t.fp;
        total.fn_ += t.fn_;
    }
    let (p, r, f) = prf(&total);
    let value_accuracy = values_right as f64 / values_total.max(1) as f64;
    println!("{:<22} {:>4} {:>4} {:>4} {:>9.3} {:>7.3} {:>6.3}", "micro", total.tp, total.fp, total.fn_, p, r, f);
    println!("values: {values_right}/{values_total} = {value_accuracy:.3}; language: {lang_right}/{lang_total}; documents: {}", gold.doc.len());
    for m in &misses {
        println!("  {m}");
    }
    Score { documents: gold.doc.len(), f1: f, values: value_accuracy }
}

#[test]
fn fresh22_accuracy() {
    let s = evaluate("fresh22");
    assert!(s.documents >= 6);
    // As written 0.866 (values 27/27); tuned 0.946 (Swedish and Danish forms, "kr15000", hard-wrapped lines).
    assert!(s.f1 >= 0.94, "fresh22 micro-F1 {:.3} is below 0.94", s.f1);
    assert!(s.values >= 0.97, "fresh22 value accuracy {:.3} is below 0.97", s.values);
}

#[test]
fn fresh23_accuracy() {
    let s = evaluate("fresh23");
    assert!(s.documents >= 18);
    // Each contract in all three formats. As written 0.923 (values 87/90); tuned 1.000 (96/96).
    assert!(s.f1 >= 0.99, "fresh23 micro-F1 {:.3} is below 0.99", s.f1);
    assert!(s.values >= 0.99, "fresh23 value accuracy {:.3} is below 0.99", s.values);
}

#[test]
fn fresh24_accuracy() {
    let s = evaluate("fresh24");
    assert!(s.documents >= 18);
    // Each contract in all three formats. As written 0.889 (values 84/84); tuned 1.000 (84/84).
    assert!(s.f1 >= 0.99, "fresh24 micro-F1 {:.3} is below 0.99", s.f1);
    assert!(s.values >= 0.99, "fresh24 value accuracy {:.3} is below 0.99", s.values);
}

#[test]
fn fresh25_accuracy() {
    let s = evaluate("fresh25");
    assert!(s.documents >= 18);
    // Each contract in all three formats. As written 0.986 (values 99/102); tuned 1.000 (102/102).
    assert!(s.f1 >= 0.99, "fresh25 micro-F1 {:.3} is below 0.99", s.f1);
    assert!(s.values >= 0.99, "fresh25 value accuracy {:.3} is below 0.99", s.values);
}

#[test]
fn fresh26_accuracy() {
    let s = evaluate("fresh26");
    assert!(s.documents >= 18);
    // Each contract in all three formats. As written 0.909 (values 81/87); tuned on since: 0.954.
    assert!(s.f1 >= 0.95, "fresh26 micro-F1 {:.3} is below 0.95", s.f1);
    assert!(s.values >= 0.93, "fresh26 value accuracy {:.3} is below 0.93", s.values);
}

#[test]
fn fresh27_accuracy() {
    let s = evaluate("fresh27");
    assert!(s.documents >= 18);
    // Each contract in all three formats. As written 0.971 (values 75/84); tuned 0.971 (84/84).
    assert!(s.f1 >= 0.97, "fresh27 micro-F1 {:.3} is below 0.97", s.f1);
    assert!(s.values >= 0.99, "fresh27 value accuracy {:.3} is below 0.99", s.values);
}

#[test]
fn fresh28_accuracy() {
    let s = evaluate("fresh28");
    assert!(s.documents >= 18);
    // Each contract in all three formats. As written 0.941 (values 72/75); 1.000 (75/75) since.
    assert!(s.f1 >= 0.99, "fresh28 micro-F1 {:.3} is below 0.99", s.f1);
    assert!(s.values >= 0.99, "fresh28 value accuracy {:.3} is below 0.99", s.values);
}

#[test]
fn fresh29_accuracy() {
    let s = evaluate("fresh29");
    assert!(s.documents >= 18);
    // Each contract in all three formats. As written 0.917 (values 84/90), tuned on since 0.946
    // (96/96).
    assert!(s.f1 >= 0.94, "fresh29 micro-F1 {:.3} is below 0.94", s.f1);
    assert!(s.values >= 0.99, "fresh29 value accuracy {:.3} is below 0.99", s.values);
}

#[test]
fn fresh30_accuracy() {
    let s = evaluate("fresh30");
    assert!(s.documents >= 18);
    // Each contract in all three formats. As written 0.944 (values 81/81), tuned on since 0.972
    // (87/87).
    assert!(s.f1 >= 0.97, "fresh30 micro-F1 {:.3} is below 0.97", s.f1);
    assert!(s.values >= 0.99, "fresh30 value accuracy {:.3} is below 0.99", s.values);
}

#[test]
fn fresh31_accuracy() {
    let s = evaluate("fresh31");
    assert!(s.documents >= 18);
    // Each contract in all three formats. As written 0.899 (values 70/78); tuned on since: 0.925
    // (values 78/78).
    assert!(s.f1 >= 0.92, "fresh31 micro-F1 {:.3} is below 0.92", s.f1);
    assert!(s.values >= 0.99, "fresh31 value accuracy {:.3} is below 0.99", s.values);
}

#[test]
fn fresh32_accuracy() {
    let s = evaluate("fresh32");
    assert!(s.documents >= 18);
    // Each contract in all three formats. As written 0.933 (values 63/63); tuned on since: 0.951
    // (values 66/66).
    assert!(s.f1 >= 0.95, "fresh32 micro-F1 {:.3} is below 0.95", s.f1);
    assert!(s.values >= 0.99, "fresh32 value accuracy {:.3} is below 0.99", s.values);
}

#[test]
fn fresh33_accuracy() {
    let s = evaluate("fresh33");
    assert!(s.documents >= 18);
    // Each contract in all three formats. As written 0.957 (values 87/87).
    assert!(s.f1 >= 0.95, "fresh33 micro-F1 {:.3} is below 0.95", s.f1);
    assert!(s.values >= 0.99, "fresh33 value accuracy {:.3} is below 0.99", s.values);
}

#[test]
fn fresh34_accuracy() {
    let s = evaluate("fresh34");
    assert!(s.documents >= 18);
    // Each contract in all three formats. As written 0.970 (values 78/78); tuned on since: 0.985.
    assert!(s.f1 >= 0.98, "fresh34 micro-F1 {:.3} is below 0.98", s.f1);
    assert!(s.values >= 0.99, "fresh34 value accuracy {:.3} is below 0.99", s.values);
}

#[test]
fn fresh35_accuracy() {
    let s = evaluate("fresh35");
    assert!(s.documents >= 18);
    // Each contract in all three formats. As written 0.892 (values 78/81); tuned on since: 0.986.
    assert!(s.f1 >= 0.98, "fresh35 micro-F1 {:.3} is below 0.98", s.f1);
    assert!(s.values >= 0.96, "fresh35 value accuracy {:.3} is below 0.96", s.values);
}

#[test]
fn fresh36_accuracy() {
    let s = evaluate("fresh36");
    assert!(s.documents >= 18);
    // Each contract in all three formats. As written 0.982 (values 90/93); tuned on since: 1.000 (values 93/93).
    assert!(s.f1 >= 1.0, "fresh36 micro-F1 {:.3} is below 1.000", s.f1);
    assert!(s.values >= 1.0, "fresh36 value accuracy {:.3} is below 1.000", s.values);
}

/// A contract says the same in every format it is saved in: the fresh23 to fresh36 contracts, each
/// generated as PDF, DOCX and text, give the same findings with the same values in all three.
#[test]
fn formats_agree() {
    for set in [
        "fresh23", "fresh24", "fresh25", "fresh26", "fresh27", "fresh28", "fresh29", "fresh30", "fresh31", "fresh32",
        "fresh33", "fresh34", "fresh35", "fresh36",
    ] {
        formats_agree_in(set);
    }
}

fn formats_agree_in(set: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(set);
    let gold: Gold = toml::from_str(&std::fs::read_to_string(root.join("gold.toml")).unwrap()).unwrap();
    let config = Config::new(Patterns::builtin().unwrap());
    let mut by_src: BTreeMap<&str, Vec<(&str, BTreeSet<String>)>> = BTreeMap::new();
    for doc in &gold.doc {
        let path = root.join(format!("{}.{}", doc.src.trim_end_matches(".txt"), doc.format));
        let report = kontrakt::analyze(&path, &config);
        let findings =
            report.findings.iter().map(|f| format!("{} {} {:?}", f.category.as_str(), f.negated, f.values)).collect();
        by_src.entry(&doc.src).or_default().push((&doc.format, findings));
    }
    for (src, formats) in &by_src {
        assert_eq!(formats.len(), 3, "{src}: each contract in three formats");
        for (format, findings) in &formats[1..] {
            assert_eq!(findings, &formats[0].1, "{src}: {format} against {}", formats[0].0);
        }
    }
}
