//! Hostile text at the sizes the README's limits name, where tests/hostile.rs runs a smaller
//! form of the case (3,000 clause sentences, 54,000 paragraphs, 3 MB of U+FDFA, a quote cap
//! tested on plain text only), and a clause engine bound found by tests/fuzz.rs: a table row
//! of clauses must cost time about linear in its length.
//!
//! Each case runs the binary on one file; the main process's peak memory comes from the
//! kernel's accounting of the reaped child.

use std::fs;
use std::io::{Cursor, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn fixture(name: &str) -> Vec<u8> {
    fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name)).unwrap()
}

const PREAMBLE: &str = "Arbeidsavtale mellom arbeidsgiver og arbeidstaker om stillingen som rådgiver.\n\n";

/// The report of `kontrakt sjekk --format json --timeout 5 FILE`, the run's wall time and the
/// process's peak resident memory in KiB.
fn check(name: &str, bytes: &[u8]) -> (Value, Duration, u64) {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(name);
    fs::write(&path, bytes).unwrap();
    let start = Instant::now();
    #[allow(clippy::zombie_processes, reason = "reaped by wait4 below, which also gives its resource usage")]
    let mut child = Command::new(env!("CARGO_BIN_EXE_kontrakt"))
        .args(["sjekk", "--format", "json", "--timeout", "5"])
        .arg(&path)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdout = Vec::new();
    child.stdout.take().unwrap().read_to_end(&mut stdout).unwrap();
    let mut status = 0;
    // SAFETY: zeroed rusage is a valid value; wait4 reaps our own child and fills both.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) }, child.id() as i32);
    let elapsed = start.elapsed();
    let json: Value = serde_json::from_slice(&stdout).unwrap_or_else(|e| panic!("{name}: not JSON ({e})"));
    let report = json["reports"][0].clone();
    eprintln!("{name}: {elapsed:?}, {} MiB peak", usage.ru_maxrss >> 10);
    (report, elapsed, usage.ru_maxrss as u64)
}

fn kind(report: &Value) -> &str {
    report["error"]["kind"].as_str().unwrap_or("none")
}

#[test]
fn eight_thousand_valueless_clause_sentences_in_one_paragraph() {
    // 240 KB: the engine looks for a value around each sentence.
    let text = format!("{PREAMBLE}{}", "Arbeidstaker har bindingstid. ".repeat(8000));
    let (report, elapsed, peak_kib) = check("verdiløse.txt", text.as_bytes());
    assert!(elapsed < Duration::from_secs(8), "{elapsed:?}");
    assert!(peak_kib < 256 << 10, "{peak_kib} KiB");
    match kind(&report) {
        "timeout" => {}
        "none" => {
            let findings = report["findings"].as_array().unwrap();
            assert!(findings.iter().any(|f| f["category"] == "binding_period"), "{report}");
        }
        other => panic!("{other}: {report}"),
    }
}

#[test]
fn the_contract_as_200000_paragraphs_is_too_large() {
    let contract = String::from_utf8(fixture("avtale-bokmal.txt")).unwrap();
    let paragraphs: Vec<&str> = contract.trim().split("\n\n").collect();
    let copies = 200_000usize.div_ceil(paragraphs.len());
    let text = vec![paragraphs.join("\n\n"); copies].join("\n\n");
    assert!(text.matches("\n\n").count() >= 200_000 - 1);
    let (report, elapsed, peak_kib) = check("gjentatt.txt", text.as_bytes());
    assert_eq!(kind(&report), "too_large", "{report}");
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
    assert!(peak_kib < 256 << 10, "{peak_kib} KiB");
}

#[test]
fn thirty_megabytes_of_a_character_nfkc_blows_up_are_too_large() {
    // U+FDFA: 3 bytes that NFKC turns into 33; 30 MB of them would be 330 MB of text.
    let text = "\u{fdfa}".repeat(10_000_000);
    let (report, elapsed, peak_kib) = check("nfkc.txt", text.as_bytes());
    assert_eq!(kind(&report), "too_large", "{report}");
    assert!(elapsed < Duration::from_secs(5), "{elapsed:?}");
    assert!(peak_kib < 256 << 10, "{peak_kib} KiB");
}

#[test]
fn a_docx_run_of_one_long_sentence_is_quoted_as_a_clause() {
    let sentence = format!(
        "Arbeidstaker har bindingstid i to år og plikter {}ellers.",
        "å følge retningslinjene fra arbeidsgiveren og ".repeat(2500)
    );
    let paragraph = |s: &str| format!("<w:p><w:r><w:t>{s}</w:t></w:r></w:p>");
    let document = format!(
        r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{}{}</w:body></w:document>"#,
        paragraph(PREAMBLE.trim()),
        paragraph(&sentence)
    );
    let mut docx = zip::ZipWriter::new(Cursor::new(Vec::new()));
    docx.start_file("word/document.xml", zip::write::SimpleFileOptions::default()).unwrap();
    docx.write_all(document.as_bytes()).unwrap();
    let docx = docx.finish().unwrap();
    let (report, _, _) = check("lang-run.docx", &docx.into_inner());
    assert_eq!(report["format"], "docx", "{report}");
    let findings = report["findings"].as_array().unwrap();
    let binding = findings.iter().find(|f| f["category"] == "binding_period").unwrap_or_else(|| panic!("{report}"));
    let quote = binding["text"].as_str().unwrap();
    assert!(quote.starts_with("Arbeidstaker har bindingstid i to år"), "{quote}");
    assert!(quote.ends_with(" …") && quote.chars().count() <= 1004, "a quote of {} characters", quote.chars().count());
    assert_eq!(binding["location"]["paragraph"], 2, "{binding}");
    for f in findings {
        assert!(f["text"].as_str().unwrap().chars().count() <= 1004, "{f}");
    }
}

/// Found by tests/fuzz.rs: one table row of clause cells, each with its value, in a single
/// sentence. The engine measured every value-to-holder distance word by word, so the row cost
/// time cubic in its length (16 KB 1.1 s, 64 KB 42 s).
#[test]
fn a_long_table_row_of_clauses_costs_linear_time() {
    let cell = "Oppseiingsfrist i prøvetida: 14 dagar\t";
    let text = format!("Bindingstid:{}", cell.repeat((16 << 10) / cell.len()));
    let (analysis, elapsed) = timed_analysis(&text);
    assert!(analysis.findings.iter().any(|f| f.category.as_str() == "binding_period"));
    assert!(elapsed < Duration::from_millis(500), "{} bytes in one row took {elapsed:?}", text.len());
}

/// Found by tests/fuzz.rs: form answers run together in one sentence ("Kundeklausul: Ingen
/// Konkurranseklausul: Ingen …"). Each answer's negation ran on through the whole list after
/// it, so 130 KB took 10 s.
#[test]
fn a_long_run_of_form_answers_costs_linear_time() {
    let row = "Kundeklausul: Ingen Konkurranseklausul: Ingen Tilbakebetalingsplikt for utdanning: Nei ";
    let text = format!("Arbeidsavtale mellom arbeidsgiver og arbeidstaker.\n{}", row.repeat(1500));
    let (analysis, elapsed) = timed_analysis(&text);
    assert!(analysis.findings.iter().any(|f| f.category.as_str() == "non_compete" && f.negated));
    assert!(elapsed < Duration::from_millis(500), "{} bytes in one sentence took {elapsed:?}", text.len());
}

/// Found by tests/fuzz.rs: a line of nothing but negation words. Each was asked whether a
/// "uten"/"without" after it turned it round, over every concept of the sentence and every
/// concept again for each, so 28 KB took two minutes.
#[test]
fn a_long_run_of_negations_costs_linear_time() {
    let text = format!("Arbeidstakeren har bindingstid i to år {}uten at det gjelder kurs.", "ikke ".repeat(5000));
    let (_, elapsed) = timed_analysis(&text);
    assert!(elapsed < Duration::from_millis(500), "{} bytes in one sentence took {elapsed:?}", text.len());
}

/// The text stages on `text`, and how long they took (the built-in patterns loaded first):
/// the thread's CPU time where Linux reports it, so that a loaded machine (the test binaries
/// run side by side) does not pass for a slow engine; the wall clock elsewhere.
fn timed_analysis(text: &str) -> (kontrakt::Analysis, Duration) {
    let doc = kontrakt::extract::text::extract(text.as_bytes()).unwrap();
    let patterns = kontrakt::patterns::Patterns::builtin().unwrap();
    let (cpu, wall) = (thread_cpu_time(), Instant::now());
    let analysis = kontrakt::analyze_document(&doc, &patterns, kontrakt::i18n::Lang::Nb);
    let elapsed = match (cpu, thread_cpu_time()) {
        (Some(before), Some(after)) => after - before,
        _ => wall.elapsed(),
    };
    (analysis, elapsed)
}

/// The time this thread has run on a processor (the first field of Linux's schedstat, in ns).
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    stat.split_whitespace().next()?.parse().ok().map(Duration::from_nanos)
}
