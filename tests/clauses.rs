//! Accuracy on the clause sets (fixtures/clauses): labelled clause items and distractors
//! written in the project's own words after how real contracts, offer letters, templates and
//! guides word them. `tune` is what the grammar is developed against; `heldout` was written
//! separately and is never used to tune it; `fresh` was written later from new public wording,
//! measured once as it came (micro-F1 0.924) and then tuned on.
//!
//! Scored like the contract corpus: precision, recall and F1 over (item, category, negated),
//! and the share of stated values read right (by any finding of the category). A distractor with any live finding is a false
//! positive of that finding's category.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use std::path::Path;

use common::{prf, Expected, Tally};
use kontrakt::extract::{Document, Page};
use kontrakt::i18n::Lang;
use kontrakt::model::Category;
use kontrakt::patterns::Patterns;
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    item: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    text: String,
    mechanism: String,
    #[serde(default)]
    expect: Vec<Expect>,
}

#[derive(Deserialize)]
struct Expect {
    category: String,
    #[serde(flatten)]
    stated: Expected,
}

struct Score {
    items: usize,
    distractors: usize,
    f1: f64,
    values: f64,
    live_on_distractors: usize,
}

fn evaluate(set: &str) -> Score {
    evaluate_in(set, &["nb", "nn", "en"])
}

/// Scores the set's files for `langs` only: a set written in parts is scored part by part.
fn evaluate_in(set: &str, langs: &[&'static str]) -> Score {
    let patterns = Patterns::builtin().unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/clauses").join(set);
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut mechanisms: BTreeMap<String, Tally> = BTreeMap::new();
    let (mut items, mut distractors, mut live_on_distractors) = (0, 0, 0);
    // Items per (language, mechanism): every mechanism is exercised in every language.
    let mut coverage: BTreeMap<(&str, String), usize> = BTreeMap::new();
    let (mut values_right, mut values_total) = (0, 0);
    let verbose = std::env::var_os("CLAUSES_VERBOSE").is_some();
    for &lang in langs {
        let text = std::fs::read_to_string(dir.join(format!("{lang}.toml"))).unwrap();
        let file: File = toml::from_str(&text).unwrap_or_else(|e| panic!("{set}/{lang}.toml: {e}"));
        for item in &file.item {
            items += 1;
            *coverage.entry((lang, item.mechanism.clone())).or_default() += 1;
            if item.expect.is_empty() {
                distractors += 1;
            }
            let doc = Document {
                paged: false,
                pages: vec![Page { paragraphs: item.text.lines().map(|l| l.replace('\t', " | ")).collect() }],
            };
            let findings = kontrakt::analyze_document(&doc, &patterns, Lang::Nb).findings;
            let got: BTreeSet<(Category, bool)> = findings.iter().map(|f| (f.category, f.negated)).collect();
            let want: BTreeSet<(Category, bool)> = item
                .expect
                .iter()
                .map(|e| (Category::parse(&e.category).expect("known category"), e.stated.negated))
                .collect();
            let mech = mechanisms.entry(item.mechanism.clone()).or_default();
            for k in got.union(&want) {
                let t = tallies.entry(k.0.as_str().to_string()).or_default();
                match (got.contains(k), want.contains(k)) {
                    (true, true) => {
                        t.tp += 1;
                        mech.tp += 1;
                    }
                    (true, false) => {
                        t.fp += 1;
                        mech.fp += 1;
                        if item.expect.is_empty() && !k.1 {
                            live_on_distractors += 1;
                        }
                    }
                    _ => {
                        t.fn_ += 1;
                        mech.fn_ += 1;
                    }
                }
                if verbose && got.contains(k) != want.contains(k) {
                    eprintln!(
                        "{set}/{lang} {} {}{} [{}]: {}",
                        if got.contains(k) { "FP" } else { "FN" },
                        k.0.as_str(),
                        if k.1 { " (negated)" } else { "" },
                        item.mechanism,
                        item.text.trim().replace('\n', " / ")
                    );
                }
            }
            for e in &item.expect {
                let key = (Category::parse(&e.category).expect("known category"), e.stated.negated);
                // As in the contract corpus: a stated value is read right when any finding of
                // its category states it.
                let found: Vec<_> = findings.iter().filter(|f| (f.category, f.negated) == key).collect();
                if found.is_empty() {
                    continue;
                }
                for (_, ok) in e.stated.checks(&found) {
                    values_total += 1;
                    values_right += usize::from(ok);
                    if verbose && !ok {
                        let values: Vec<_> = found.iter().map(|f| &f.values).collect();
                        eprintln!(
                            "{set}/{lang} VALUE {} [{}]: {values:?} in {}",
                            e.category,
                            item.mechanism,
                            item.text.trim().replace('\n', " / ")
                        );
                    }
                }
            }
        }
    }
    println!("{set}\ncategory                 tp   fp   fn precision  recall     f1");
    let mut micro = Tally::default();
    for (name, t) in &tallies {
        let (p, r, f) = prf(t);
        println!("{name:<22} {:>4} {:>4} {:>4} {p:>9.3} {r:>7.3} {f:>6.3}", t.tp, t.fp, t.fn_);
        micro.tp += t.tp;
        micro.fp += t.fp;
        micro.fn_ += t.fn_;
    }
    let (p, r, f1) = prf(&micro);
    println!("{:<22} {:>4} {:>4} {:>4} {p:>9.3} {r:>7.3} {f1:>6.3}", "micro", micro.tp, micro.fp, micro.fn_);
    for (name, t) in &mechanisms {
        let (p, r, f) = prf(t);
        println!("  mechanism {name:<14} P {p:.3} R {r:.3} F1 {f:.3}");
    }
    let values = if values_total == 0 { 1.0 } else { values_right as f64 / values_total as f64 };
    println!(
        "values: {values_right}/{values_total} = {values:.3}; items: {items} ({distractors} distractors, {live_on_distractors} live findings on them)"
    );
    for mechanism in MECHANISMS {
        for &lang in langs {
            let n = coverage.get(&(lang, mechanism.to_string())).copied().unwrap_or(0);
            assert!(n >= 3, "{set}/{lang}: only {n} items exercise {mechanism}");
        }
    }
    Score { items, distractors, f1, values, live_on_distractors }
}

/// The mechanisms the grammar must handle, each exercised in all three languages.
const MECHANISMS: [&str; 10] = [
    "section",
    "field",
    "list",
    "concept",
    "value_role",
    "reference",
    "number_words",
    "negation",
    "commentary",
    "phrase",
];

#[test]
fn tune_set_accuracy() {
    let s = evaluate("tune");
    assert!(s.items >= 300 && s.distractors >= 100, "the tune set needs 300 items and 100 distractors");
    assert!(s.f1 >= 0.85, "micro-F1 {:.3} is below 0.85", s.f1);
    assert!(s.values >= 0.85, "value accuracy {:.3} is below 0.85", s.values);
    assert!(s.live_on_distractors <= s.distractors / 4, "{} live findings on distractors", s.live_on_distractors);
}

#[test]
fn heldout_set_accuracy() {
    let s = evaluate("heldout");
    assert!(s.items >= 150);
    assert!(s.f1 >= 0.80, "held-out micro-F1 {:.3} is below 0.80", s.f1);
    assert!(s.values >= 0.80, "held-out value accuracy {:.3} is below 0.80", s.values);
}

/// A clause set written separately, in three parts, never used to tune the grammar: scored
/// part by part and as a whole.
fn held_out_items(set: &str, items: usize, distractors: usize) {
    for lang in ["nb", "nn", "en"] {
        evaluate_in(set, &[lang]);
    }
    let s = evaluate(set);
    assert!(s.items >= items && s.distractors >= distractors);
    assert!(s.f1 >= 0.80, "{set} micro-F1 {:.3} is below 0.80", s.f1);
    assert!(s.values >= 0.90, "{set} value accuracy {:.3} is below 0.90", s.values);
}

#[test]
fn heldout2_set_accuracy() {
    held_out_items("heldout2", 300, 90);
}

#[test]
fn heldout3_set_accuracy() {
    held_out_items("heldout3", 370, 105);
}

#[test]
fn heldout4_set_accuracy() {
    held_out_items("heldout4", 390, 110);
}

/// Bokmål and nynorsk scored each on its own, then together.
fn norwegian(set: &str) -> Score {
    evaluate_in(set, &["nb"]);
    evaluate_in(set, &["nn"]);
    evaluate_in(set, &["nb", "nn"])
}

/// The floors a set keeps once it has been tuned on: micro-F1, value accuracy and live
/// findings on its distractors.
fn keeps(s: &Score, name: &str, f1: f64, values: f64, live: usize) {
    assert!(s.f1 >= f1, "{name} micro-F1 {:.3} is below {f1}", s.f1);
    assert!(s.values >= values, "{name} value accuracy {:.3} is below {values}", s.values);
    assert!(s.live_on_distractors <= live, "{} live findings on distractors", s.live_on_distractors);
}

#[test]
fn fresh_set_accuracy() {
    let s = evaluate("fresh");
    assert!(s.items >= 150);
    keeps(&s, "fresh", 0.95, 0.95, 0);
}

#[test]
fn fresh2_no_set_accuracy() {
    let s = evaluate_in("fresh2", &["nb", "nn"]);
    assert!(s.items >= 210 && s.distractors >= 50, "fresh2 needs 160 labelled items and 50 distractors");
    keeps(&s, "fresh2", 0.98, 0.97, 0);
}

#[test]
fn fresh2_en_set_accuracy() {
    let s = evaluate_in("fresh2", &["en"]);
    assert!(s.items >= 160 && s.distractors >= 40, "fresh2/en needs 160 items, 40 of them distractors");
    // As written, before any rule was tuned on it: micro-F1 0.794, values 0.947, a live
    // finding on 10 of 43 distractors. Tuned on since: 0.973, values 0.958, none.
    keeps(&s, "fresh2/en", 0.97, 0.95, 0);
}

#[test]
fn fresh3_set_accuracy() {
    // Written for the text people really paste (quoted clauses, templates with blanks, offer
    // letters, sector contracts) and for commentary that only talks about clauses.
    // As written: micro-F1 0.735, values 0.909, 38 live findings on 36 of 92 distractors;
    // tuned on since, so the floor keeps what was won.
    let s = evaluate("fresh3");
    assert!(s.items >= 240 && s.distractors >= 90, "fresh3 needs 150 labelled items and 90 distractors");
    keeps(&s, "fresh3", 0.95, 0.97, 4);
}

#[test]
fn fresh4_no_set_accuracy() {
    // Bokmål and nynorsk written from another round of public wording (offshore, shipping,
    // fishing, hospital, university, municipal, staffing, retail and construction contracts,
    // offer letters, e-mails, run-together form rows, values in words and fractions), with 62
    // distractors. Each language is printed on its own before the two together.
    // As written: micro-F1 0.806, values 0.949, 17 live findings on distractors; tuned on
    // since (0.968, values 0.989, none), so the floor keeps what was won.
    let s = norwegian("fresh4");
    assert!(s.items >= 170 && s.distractors >= 60, "fresh4 needs 110 labelled items and 60 distractors");
    keeps(&s, "fresh4", 0.96, 0.98, 0);
}

#[test]
fn fresh4_en_set_accuracy() {
    // English, written independently of the grammar after English contracts and offer letters
    // of employers in Norway (offshore, shipping, universities, UK and US clauses reused here)
    // and after commentary that only talks about such clauses.
    // As written: micro-F1 0.802, values 0.949, 13 live findings on 54 distractors; tuned on
    // since, so the floor keeps what was won.
    let s = evaluate_in("fresh4", &["en"]);
    assert!(s.items >= 130 && s.distractors >= 45, "fresh4/en needs 130 items, 45 of them distractors");
    keeps(&s, "fresh4/en", 0.94, 0.97, 3);
}

#[test]
fn fresh6_no_set_accuracy() {
    // As written: micro-F1 0.867, values 0.954, 14 live findings on 65 distractors; tuned on
    // since, so the floor keeps what was won.
    let s = norwegian("fresh6");
    assert!(s.items >= 200 && s.distractors >= 60);
    keeps(&s, "fresh6 nb+nn", 0.97, 0.97, 0);
}

#[test]
fn fresh6_en_set_accuracy() {
    // As written: micro-F1 0.807, values 0.991, 13 live findings on 60 distractors; tuned on
    // since, so the floor keeps what was won.
    let s = evaluate_in("fresh6", &["en"]);
    assert!(s.items >= 180 && s.distractors >= 55, "fresh6/en needs 180 items, 55 of them distractors");
    keeps(&s, "fresh6/en", 0.95, 0.97, 1);
}

#[test]
fn fresh7_no_set_accuracy() {
    // As written: micro-F1 0.835, values 0.944, 45 live findings on 87 distractors; tuned on
    // since, so the floor keeps what was won.
    let s = norwegian("fresh7");
    assert!(s.items >= 280 && s.distractors >= 85);
    keeps(&s, "fresh7 nb+nn", 0.93, 0.94, 2);
}

#[test]
fn fresh7_en_set_accuracy() {
    // As written: micro-F1 0.794, values 0.913, 31 live findings on 52 distractors; tuned on
    // since, so the floor keeps what was won.
    let s = evaluate_in("fresh7", &["en"]);
    assert!(s.items >= 150 && s.distractors >= 50);
    keeps(&s, "fresh7/en", 0.94, 0.95, 1);
}

#[test]
fn fresh8_no_set_accuracy() {
    // As written: micro-F1 0.831, values 0.979, 35 live findings on 115 distractors; tuned on
    // since, so the floor keeps what was won.
    let s = norwegian("fresh8");
    assert!(s.items >= 280 && s.distractors >= 110);
    keeps(&s, "fresh8 nb+nn", 0.93, 0.97, 3);
}

#[test]
fn fresh8_en_set_accuracy() {
    // As written: micro-F1 0.824, values 0.949, 21 live findings on 57 distractors; tuned on
    // since, so the floor keeps what was won.
    let s = evaluate_in("fresh8", &["en"]);
    assert!(s.items >= 140 && s.distractors >= 55);
    keeps(&s, "fresh8/en", 0.94, 0.97, 6);
}

#[test]
fn fresh9_no_set_accuracy() {
    // As written: micro-F1 0.640, values 0.939, 13 live findings on 112 distractors; tuned on
    // since, so the floor keeps what was won.
    let s = norwegian("fresh9");
    assert!(s.items >= 330 && s.distractors >= 110);
    keeps(&s, "fresh9 nb+nn", 0.86, 0.95, 3);
}

#[test]
fn fresh9_en_set_accuracy() {
    // As written: micro-F1 0.715, values 0.971, 12 live findings on 51 distractors; tuned on
    // since, so the floor keeps what was won.
    let s = evaluate_in("fresh9", &["en"]);
    assert!(s.items >= 150 && s.distractors >= 50);
    keeps(&s, "fresh9/en", 0.93, 0.97, 1);
}

#[test]
fn fresh10_no_set_accuracy() {
    // As written: micro-F1 0.788, values 0.917, 23 live findings on 110 distractors; tuned on since, so the floor keeps what was won.
    let s = norwegian("fresh10");
    assert!(s.items >= 320 && s.distractors >= 110);
    keeps(&s, "fresh10 nb+nn", 0.90, 0.95, 3);
}

#[test]
fn fresh10_en_set_accuracy() {
    // As written: micro-F1 0.750, values 0.931, 14 live findings on 54 distractors; tuned on since, so the floor keeps what was won.
    let s = evaluate_in("fresh10", &["en"]);
    assert!(s.items >= 150 && s.distractors >= 50);
    keeps(&s, "fresh10/en", 0.90, 0.97, 1);
}

#[test]
fn fresh11_no_set_accuracy() {
    // As written: micro-F1 0.754, values 0.932, 37 live findings on 115 distractors; tuned on
    // since, so the floor keeps what was won.
    let s = norwegian("fresh11");
    assert!(s.items >= 320 && s.distractors >= 110);
    keeps(&s, "fresh11 nb+nn", 0.84, 0.92, 6);
}

#[test]
fn fresh11_en_set_accuracy() {
    // As written: micro-F1 0.826, values 0.969, 16 live findings on 56 distractors; tuned on
    // since, so the floor keeps what was won.
    let s = evaluate_in("fresh11", &["en"]);
    assert!(s.items >= 160 && s.distractors >= 50);
    keeps(&s, "fresh11/en", 0.92, 0.97, 1);
}

#[test]
fn fresh12_no_set_accuracy() {
    // As written: micro-F1 0.735, values 0.981, 19 live findings on 106 distractors; tuned on
    // since, so the floor keeps what was won.
    let s = norwegian("fresh12");
    assert!(s.items >= 290 && s.distractors >= 100);
    keeps(&s, "fresh12 nb+nn", 0.95, 0.97, 7);
}

#[test]
fn fresh12_en_set_accuracy() {
    // As written: micro-F1 0.755, values 0.966, 8 live findings on 57 distractors; tuned on
    // since, so the floor keeps what was won.
    let s = evaluate_in("fresh12", &["en"]);
    assert!(s.items >= 150 && s.distractors >= 50);
    keeps(&s, "fresh12/en", 0.94, 0.98, 3);
}

#[test]
fn fresh13_no_set_accuracy() {
    // As written: micro-F1 0.811, values 0.974, 19 live findings on 107 distractors; tuned on
    // since, so the floor keeps what was won, sums stated bare next to a paying word
    // ("betale tilbake 18 000") included.
    let s = norwegian("fresh13");
    assert!(s.items >= 290 && s.distractors >= 100);
    keeps(&s, "fresh13 nb+nn", 0.88, 0.99, 7);
}

#[test]
fn fresh13_en_set_accuracy() {
    // As written: micro-F1 0.754, values 0.947, 8 live findings on 55 distractors; tuned on
    // since, so the floor keeps what was won.
    let s = evaluate_in("fresh13", &["en"]);
    assert!(s.items >= 140 && s.distractors >= 50);
    keeps(&s, "fresh13/en", 0.85, 0.95, 4);
}

#[test]
fn fresh14_no_set_accuracy() {
    // As written: micro-F1 0.883, values 0.996, 37 live findings on 113 distractors; tuned on
    // since (other agreements, law and tariff text, managers' guides, firms' own rules), so the
    // floor keeps what was won.
    let s = norwegian("fresh14");
    assert!(s.items >= 300 && s.distractors >= 100);
    keeps(&s, "fresh14 nb+nn", 0.96, 0.99, 3);
}

#[test]
fn fresh14_en_set_accuracy() {
    // As written: micro-F1 0.877, values 0.980, 10 live findings on 52 distractors; tuned on
    // since, so the floor keeps what was won.
    let s = evaluate_in("fresh14", &["en"]);
    assert!(s.items >= 140 && s.distractors >= 50);
    keeps(&s, "fresh14/en", 0.95, 0.97, 3);
}

#[test]
fn fresh15_no_set_accuracy() {
    // As written: micro-F1 0.841, values 0.937, 14 live findings on 57 distractors.
    let s = norwegian("fresh15");
    assert!(s.items >= 150 && s.distractors >= 50);
    keeps(&s, "fresh15 nb+nn", 0.89, 0.94, 14);
}

#[test]
fn fresh15_en_set_accuracy() {
    // As written: micro-F1 0.849, values 0.951, 19 live findings on 52 distractors; tuned on
    // since (leader dots, data keys, unticked options, terms listed beside the probation, other
    // agreements' titles), so the floor keeps what was won.
    let s = evaluate_in("fresh15", &["en"]);
    assert!(s.items >= 140 && s.distractors >= 50);
    keeps(&s, "fresh15/en", 0.90, 0.96, 15);
}

#[test]
fn fresh16_no_set_accuracy() {
    // As written: micro-F1 0.846, values 0.970, 19 live findings on 82 distractors; tuned on
    // since (commentary and other documents, OCR'd text, notice pointed back to, a contract
    // citing the collective agreement), so the floor keeps what was won.
    let s = norwegian("fresh16");
    assert!(s.items >= 200 && s.distractors >= 70);
    keeps(&s, "fresh16 nb+nn", 0.93, 0.97, 5);
}

#[test]
fn fresh16_en_set_accuracy() {
    // As written: micro-F1 0.819, values 0.932, 6 live findings on 44 distractors; tuned on
    // since (a reply citing the contract's clause, "entry" for the start, staffing
    // assignments' first day, OCR'd text, rupees), so the floor keeps what was won.
    let s = evaluate_in("fresh16", &["en"]);
    assert!(s.items >= 120 && s.distractors >= 40);
    keeps(&s, "fresh16/en", 0.90, 0.97, 2);
}

#[test]
fn fresh17_no_set_accuracy() {
    // As written: micro-F1 0.861, values 0.940, 14 live findings on 85 distractors; tuned on
    // since (waivers and struck clauses, tick-box rows, commentary that retells someone else's
    // contract or a bill, compensation by its parts, currencies in words), so the floor keeps
    // what was won.
    let s = norwegian("fresh17");
    assert!(s.items >= 200 && s.distractors >= 70);
    keeps(&s, "fresh17 nb+nn", 0.96, 0.96, 1);
}

#[test]
fn fresh17_en_set_accuracy() {
    // As written: micro-F1 0.900, values 0.977, 6 live findings on 44 distractors; tuned on
    // since (clauses deleted or waived by an addendum, a glossary's answer, a bill's proposal),
    // so the floor keeps what was won.
    let s = evaluate_in("fresh17", &["en"]);
    assert!(s.items >= 120 && s.distractors >= 40);
    keeps(&s, "fresh17/en", 0.95, 0.98, 1);
}

#[test]
fn fresh18_no_set_accuracy() {
    // As written: micro-F1 0.869, values 0.979, 12 live findings on 86 distractors; tuned on
    // since (yes/no grids, columns parted by spaces, struck clauses, board minutes and other
    // commentary, riksmål and Norwegian-English notice, notice before the start as a deadline),
    // so the floor keeps what was won.
    let s = norwegian("fresh18");
    assert!(s.items >= 200 && s.distractors >= 70);
    keeps(&s, "fresh18 nb+nn", 0.93, 0.98, 3);
}

#[test]
fn fresh18_en_set_accuracy() {
    // As written: micro-F1 0.856, values 0.974, 10 live findings on 44 distractors; tuned on
    // since (grids and dash answers, struck clauses, board minutes, a contractor's assignment,
    // "trial time" and "resignation time"), so the floor keeps what was won.
    let s = evaluate_in("fresh18", &["en"]);
    assert!(s.items >= 120 && s.distractors >= 40);
    keeps(&s, "fresh18/en", 0.93, 0.97, 2);
}

#[test]
fn fresh19_no_set_accuracy() {
    // As written: micro-F1 0.802, values 0.968, 20 live findings on 85 distractors; tuned on
    // since (question-and-answer forms, shortened words, starts counted from an event, other
    // agreements' parties, compensation by deduction, lead-ins left open by "dersom"), so the
    // floor keeps what was won.
    let s = norwegian("fresh19");
    assert!(s.items >= 200 && s.distractors >= 70);
    keeps(&s, "fresh19 nb+nn", 0.95, 0.96, 2);
}

#[test]
fn fresh19_en_set_accuracy() {
    // As written: micro-F1 0.741, values 0.902, 8 live findings on 42 distractors; tuned on
    // since (question-and-answer forms, shortened words, promotions, notice left unworked,
    // adverts and other agreements), so the floor keeps what was won.
    let s = evaluate_in("fresh19", &["en"]);
    assert!(s.items >= 110 && s.distractors >= 40);
    keeps(&s, "fresh19/en", 0.95, 0.92, 1);
}

#[test]
fn fresh20_no_set_accuracy() {
    // As written: micro-F1 0.883, values 0.959, 25 live findings on 82 distractors; tuned on
    // since (other agreements by their titles and parties, the writer's quoted terms in threads,
    // set-offs against the final pay, provisions named by place), so the floor keeps what was won.
    let s = norwegian("fresh20");
    assert!(s.items >= 200 && s.distractors >= 70);
    keeps(&s, "fresh20 nb+nn", 0.93, 0.95, 11);
}

#[test]
fn fresh20_en_set_accuracy() {
    // As written: micro-F1 0.844, values 0.949, 18 live findings on 41 distractors; tuned on
    // since (other agreements, quoted terms, fees that "come back to us"), so the floor keeps
    // what was won.
    let s = evaluate_in("fresh20", &["en"]);
    assert!(s.items >= 110 && s.distractors >= 40);
    keeps(&s, "fresh20/en", 0.89, 0.95, 11);
}

#[test]
fn fresh21_no_set_accuracy() {
    // As written: micro-F1 0.871, values 0.963, 13 live findings on 81 distractors; tuned on
    // since (amendments' new values and struck clauses, periods, executives, settlement and
    // assignment agreements, contrasts and provisos in negation), so the floor keeps what was won.
    let s = norwegian("fresh21");
    assert!(s.items >= 200 && s.distractors >= 70);
    keeps(&s, "fresh21 nb+nn", 0.96, 0.97, 1);
}

#[test]
fn fresh21_en_set_accuracy() {
    // As written: micro-F1 0.848, values 0.940, 11 live findings on 39 distractors; tuned on
    // since, so the floor keeps what was won.
    let s = evaluate_in("fresh21", &["en"]);
    assert!(s.items >= 100 && s.distractors >= 36);
    keeps(&s, "fresh21/en", 0.96, 0.98, 0);
}

#[test]
fn fresh22_no_set_accuracy() {
    // As written: micro-F1 0.823, values 0.970, 6 live findings on 80 distractors; tuned on
    // since (Danish and Swedish forms, colloquial notice, both sides named loosely, double
    // negation, weekday dates, commentary cues), so the floor keeps what was won.
    let s = norwegian("fresh22");
    assert!(s.items >= 200 && s.distractors >= 70);
    keeps(&s, "fresh22 nb+nn", 0.87, 0.97, 1);
}

#[test]
fn fresh22_en_set_accuracy() {
    // As written: micro-F1 0.762, values 0.867, 8 live findings on 37 distractors; tuned on
    // since (non-native English forms, hard-wrapped posts, commentary cues), so the floor keeps
    // what was won.
    let s = evaluate_in("fresh22", &["en"]);
    assert!(s.items >= 100 && s.distractors >= 36);
    keeps(&s, "fresh22/en", 0.91, 0.94, 1);
}

#[test]
fn fresh23_no_set_accuracy() {
    // As written: micro-F1 0.816, values 137/149, 5 live findings on 78 distractors; tuned on
    // since (clauses said by what they do, a denial inside a condition, an initial period as
    // probation, numbers over a hundred in one word), so the floor keeps what was won.
    let s = norwegian("fresh23");
    assert!(s.items >= 200 && s.distractors >= 70);
    keeps(&s, "fresh23 nb+nn", 0.88, 0.92, 4);
}

#[test]
fn fresh23_en_set_accuracy() {
    // As written: micro-F1 0.745, values 55/60, 11 live findings on 38 distractors; tuned on
    // since (lead time, restraints and freedom to work, working days as dates, a pay-based sum),
    // so the floor keeps what was won.
    let s = evaluate_in("fresh23", &["en"]);
    assert!(s.items >= 100 && s.distractors >= 36);
    keeps(&s, "fresh23/en", 0.89, 0.95, 9);
}

#[test]
fn fresh24_no_set_accuracy() {
    // As written: micro-F1 0.867, values 125/132, 19 live findings on 80 distractors; tuned on
    // since (drafted choices, "i tiden før det", an open line leading in to its list, a template's
    // own pages as commentary), so the floor keeps what was won.
    let s = norwegian("fresh24");
    assert!(s.items >= 200 && s.distractors >= 70);
    keeps(&s, "fresh24 nb+nn", 0.91, 0.95, 12);
}

#[test]
fn fresh24_en_set_accuracy() {
    // As written: micro-F1 0.796, values 68/72, 10 live findings on 37 distractors; tuned on
    // since (drafted choices, the time between signing and the start, a shorter notice as a
    // minimum, a template's own pages as commentary), so the floor keeps what was won.
    let s = evaluate_in("fresh24", &["en"]);
    assert!(s.items >= 100 && s.distractors >= 36);
    keeps(&s, "fresh24/en", 0.85, 0.94, 4);
}

#[test]
fn fresh25_no_set_accuracy() {
    // As written: micro-F1 0.861, values 166/175, 19 live findings on 77 distractors; tuned on
    // since (duties to go on in the employer, conditions by "vilkårsett" and "forutsetter", a
    // denial inside a condition, sums claimed in the passive), so the floor keeps what was won.
    let s = norwegian("fresh25");
    assert!(s.items >= 200 && s.distractors >= 70);
    keeps(&s, "fresh25 nb+nn", 0.88, 0.95, 17);
}

#[test]
fn fresh25_en_set_accuracy() {
    // As written: micro-F1 0.863, values 84/88, 14 live findings on 39 distractors; tuned on
    // since (two terms joined each with its length, a fixed term's label, a further condition
    // joined by "and", an advert's headline), so the floor keeps what was won.
    let s = evaluate_in("fresh25", &["en"]);
    assert!(s.items >= 100 && s.distractors >= 36);
    keeps(&s, "fresh25/en", 0.89, 0.96, 12);
}

#[test]
fn fresh26_no_set_accuracy() {
    // As written: micro-F1 0.842, values 151/154, 16 live findings on 73 distractors; tuned
    // on since: 0.875, values 157/160, 16 live.
    let s = norwegian("fresh26");
    assert!(s.items >= 200 && s.distractors >= 70);
    keeps(&s, "fresh26 nb+nn", 0.87, 0.98, 16);
}

#[test]
fn fresh26_en_set_accuracy() {
    // As written: micro-F1 0.837, values 82/84, 14 live findings on 37 distractors; tuned on
    // since: 0.855, values 83/85, 14 live.
    let s = evaluate_in("fresh26", &["en"]);
    assert!(s.items >= 100 && s.distractors >= 36);
    keeps(&s, "fresh26/en", 0.85, 0.97, 14);
}

#[test]
fn fresh27_no_set_accuracy() {
    // As written: micro-F1 0.925, values 187/198, 7 live findings on 70 distractors; tuned 0.936.
    let s = norwegian("fresh27");
    assert!(s.items >= 200 && s.distractors >= 60);
    keeps(&s, "fresh27 nb+nn", 0.93, 0.95, 7);
}

#[test]
fn fresh27_en_set_accuracy() {
    // As written: micro-F1 0.898, values 99/108, 4 live findings on 35 distractors.
    let s = evaluate_in("fresh27", &["en"]);
    assert!(s.items >= 100 && s.distractors >= 30);
    keeps(&s, "fresh27/en", 0.89, 0.91, 4);
}

#[test]
fn fresh28_no_set_accuracy() {
    // As written: micro-F1 0.893, values 141/147, 9 live findings on 76 distractors; 0.911 since.
    let s = norwegian("fresh28");
    assert!(s.items >= 200 && s.distractors >= 60);
    keeps(&s, "fresh28 nb+nn", 0.91, 0.95, 9);
}

#[test]
fn fresh28_en_set_accuracy() {
    // As written: micro-F1 0.846, values 72/74, 6 live findings on 36 distractors; 0.886 since.
    let s = evaluate_in("fresh28", &["en"]);
    assert!(s.items >= 100 && s.distractors >= 30);
    keeps(&s, "fresh28/en", 0.88, 0.97, 6);
}

#[test]
fn fresh29_no_set_accuracy() {
    // As written: micro-F1 0.822, values 131/136, 6 live findings on 70 distractors; tuned on
    // since: 0.884, values 145/148, 5 live.
    let s = norwegian("fresh29");
    assert!(s.items >= 200 && s.distractors >= 60);
    keeps(&s, "fresh29 nb+nn", 0.88, 0.97, 5);
}

#[test]
fn fresh29_en_set_accuracy() {
    // As written: micro-F1 0.839, values 68/73, 3 live findings on 36 distractors; tuned on
    // since: 0.894, values 75/77, 2 live.
    let s = evaluate_in("fresh29", &["en"]);
    assert!(s.items >= 100 && s.distractors >= 30);
    keeps(&s, "fresh29/en", 0.89, 0.97, 2);
}

#[test]
fn fresh30_no_set_accuracy() {
    // As written: micro-F1 0.843, values 172/178, 10 live findings on 71 distractors; tuned on
    // since: 0.922, values 196/199, 1 live.
    let s = norwegian("fresh30");
    assert!(s.items >= 200 && s.distractors >= 60);
    keeps(&s, "fresh30 nb+nn", 0.92, 0.98, 1);
}

#[test]
fn fresh30_en_set_accuracy() {
    // As written: micro-F1 0.785, values 71/76, 10 live findings on 35 distractors; tuned on
    // since: 0.891, values 85/87, 1 live.
    let s = evaluate_in("fresh30", &["en"]);
    assert!(s.items >= 100 && s.distractors >= 30);
    keeps(&s, "fresh30/en", 0.89, 0.97, 1);
}

#[test]
fn fresh31_no_set_accuracy() {
    // As written: micro-F1 0.872, values 155/164, 8 live findings on 72 distractors; tuned on
    // since: 0.902, values 167/170, 7 live.
    let s = norwegian("fresh31");
    assert!(s.items >= 200 && s.distractors >= 60);
    keeps(&s, "fresh31 nb+nn", 0.90, 0.98, 7);
}

#[test]
fn fresh31_en_set_accuracy() {
    // As written: micro-F1 0.863, values 88/93, 8 live findings on 36 distractors; tuned on
    // since: 0.906, values 95/97, 5 live.
    let s = evaluate_in("fresh31", &["en"]);
    assert!(s.items >= 100 && s.distractors >= 30);
    keeps(&s, "fresh31/en", 0.90, 0.97, 5);
}

#[test]
fn fresh32_no_set_accuracy() {
    // As written: micro-F1 0.836, values 161/165, 6 live findings on 72 distractors; tuned on
    // since: 0.863, values 171/175, 5 live.
    let s = norwegian("fresh32");
    assert!(s.items >= 200 && s.distractors >= 60);
    keeps(&s, "fresh32 nb+nn", 0.86, 0.97, 5);
}

#[test]
fn fresh32_en_set_accuracy() {
    // As written: micro-F1 0.821, values 80/81, 3 live findings on 35 distractors; tuned on
    // since: 0.851, values 85/86, 3 live.
    let s = evaluate_in("fresh32", &["en"]);
    assert!(s.items >= 100 && s.distractors >= 30);
    keeps(&s, "fresh32/en", 0.85, 0.98, 3);
}

#[test]
fn fresh33_no_set_accuracy() {
    // As written: micro-F1 0.906, values 236/238, 5 live findings on 71 distractors.
    let s = norwegian("fresh33");
    assert!(s.items >= 200 && s.distractors >= 60);
    keeps(&s, "fresh33 nb+nn", 0.93, 0.99, 4);
}

#[test]
fn fresh33_en_set_accuracy() {
    // As written: micro-F1 0.938, values 108/112, 3 live findings on 35 distractors.
    let s = evaluate_in("fresh33", &["en"]);
    assert!(s.items >= 100 && s.distractors >= 30);
    keeps(&s, "fresh33/en", 0.97, 0.96, 0);
}

#[test]
fn fresh34_no_set_accuracy() {
    // As written: micro-F1 0.904, values 216/226, 12 live findings on 73 distractors; tuned on
    // since: 0.941, values 221/227, 6 live.
    let s = norwegian("fresh34");
    assert!(s.items >= 200 && s.distractors >= 60);
    keeps(&s, "fresh34 nb+nn", 0.94, 0.97, 6);
}

#[test]
fn fresh34_en_set_accuracy() {
    // As written: micro-F1 0.907, values 109/115, 1 live finding on 34 distractors; tuned on
    // since: 0.952, values 114/116, none.
    let s = evaluate_in("fresh34", &["en"]);
    assert!(s.items >= 100 && s.distractors >= 30);
    keeps(&s, "fresh34/en", 0.95, 0.98, 0);
}

#[test]
fn fresh35_no_set_accuracy() {
    // As written: micro-F1 0.796, values 135/135, 11 live findings on 99 distractors; tuned
    // on since: 0.864, values 153/153, 7 live.
    let s = norwegian("fresh35");
    assert!(s.items >= 200 && s.distractors >= 80);
    keeps(&s, "fresh35 nb+nn", 0.86, 0.99, 7);
}

#[test]
fn fresh35_en_set_accuracy() {
    // As written: micro-F1 0.818, values 75/76, 4 live findings on 55 distractors; tuned on
    // since: 0.866, values 78/79, 3 live.
    let s = evaluate_in("fresh35", &["en"]);
    assert!(s.items >= 100 && s.distractors >= 40);
    keeps(&s, "fresh35/en", 0.86, 0.98, 3);
}

#[test]
fn fresh36_no_set_accuracy() {
    // As written: micro-F1 0.912, values 190/196, 8 live findings on 80 distractors.
    let s = norwegian("fresh36");
    assert!(s.items >= 200 && s.distractors >= 70);
    keeps(&s, "fresh36 nb+nn", 0.96, 0.99, 4);
}

#[test]
fn fresh36_en_set_accuracy() {
    // As written: micro-F1 0.915, values 95/99, 4 live findings on 42 distractors.
    let s = evaluate_in("fresh36", &["en"]);
    assert!(s.items >= 100 && s.distractors >= 35);
    keeps(&s, "fresh36/en", 0.95, 0.98, 3);
}
