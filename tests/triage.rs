//! The desk side of batch runs, on the built binary: paths that match nothing, the batch view
//! of a folder, CSV read back through LibreOffice, `--min-risk` in every format, JSON Lines
//! that describe themselves, every JSON output validated against the JSON Schema in `schema/`,
//! and `samle` over shards.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn kontrakt(args: &[&str], paths: &[&Path]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kontrakt")).env("NO_COLOR", "1").args(args).args(paths).output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

#[test]
fn paths_that_match_nothing_warn_and_fail() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("tom");
    let others = dir.path().join("andre-filer");
    std::fs::create_dir_all(&empty).unwrap();
    std::fs::create_dir_all(&others).unwrap();
    std::fs::write(others.join("notat.md"), "Prøvetid 6 måneder.").unwrap();
    std::fs::write(others.join(".skjult.txt"), "Arbeidsavtale. Arbeidstaker har prøvetid 6 måneder.").unwrap();
    for folder in [&empty, &others] {
        let out = kontrakt(&["sjekk", "--format", "json"], &[folder]);
        assert_eq!(out.status.code(), Some(2));
        let err = text(&out.stderr);
        assert!(err.contains(&format!("ingen kontrakter i {}", folder.display())), "{err}");
        assert!(err.contains(".pdf, .docx og .txt") && err.contains("--hidden"), "{err}");
        // The output is still a valid, empty report for a pipeline that reads it.
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["summary"]["files"], 0);
    }
    let out = kontrakt(&["--lang", "en", "sjekk", "--hidden"], &[&others]);
    assert_eq!(out.status.code(), Some(0), "the hidden text file is found with --hidden");
    let out = kontrakt(&["--lang", "en", "sjekk", "--quiet"], &[&empty]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("no contracts in") && !err.contains("ingen"), "--quiet keeps the warning: {err}");

    // A mistyped name next to a good contract: the contract is analysed, the name is named.
    let typo = dir.path().join("kontrakter/ola.pfd");
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/avtale-bokmal.txt");
    let out = kontrakt(&["sjekk", "--format", "jsonl"], &[&good, &typo]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains(&format!("finner ikke {}", typo.display())), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), 2, "both paths have a report");
}

/// A folder of mixed contracts (every risk level, the three formats and languages, a decimal
/// value) and broken files, with names a spreadsheet could misread.
fn mixed_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    std::fs::create_dir_all(root.join("høy")).unwrap();
    for name in ["avtale-bokmal.pdf", "avtale-nynorsk.docx", "contract-english.txt"] {
        std::fs::copy(fixtures.join(name), root.join("høy").join(name)).unwrap();
    }
    let contract = |name: &str, body: &str| {
        let path = root.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, format!("Arbeidsavtale\n\nArbeidstaker tiltrer 1. mars 2027.\n\n{body}\n")).unwrap();
    };
    contract("middels/oppsigelse.txt", "Gjensidig oppsigelsesfrist er 3 måneder.");
    contract("lav/prøvetid.txt", "Det gjelder en prøvetid på 1,5 måneder.");
    contract("ingen/kort.txt", "Lønn etter avtale.");
    contract("navn/ola; kari \"K\".txt", "Det gjelder en prøvetid på 6 måneder.");
    // At the top, so that run from the folder its name starts like a formula.
    contract("=SUM(1+1).txt", "Det gjelder en prøvetid på 6 måneder.");
    std::fs::create_dir_all(root.join("feil")).unwrap();
    std::fs::write(root.join("feil/tom.docx"), b"").unwrap();
    std::fs::write(root.join("feil/binaer.txt"), b"\0\0\0binary\0data").unwrap();
    dir
}

/// Runs `kontrakt sjekk` over the folder with `--dato` fixed (exit status 2: it has errors).
fn sjekk(dir: &Path, args: &[&str]) -> String {
    let mut all = vec!["sjekk", "--dato", "02.11.2026"];
    all.extend_from_slice(args);
    let out = kontrakt(&all, &[dir]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    text(&out.stdout)
}

fn relative(dir: &Path, file: &str) -> String {
    Path::new(file).strip_prefix(dir).unwrap().to_string_lossy().into_owned()
}

fn json_files(dir: &Path, json: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    v["reports"].as_array().unwrap().iter().map(|r| relative(dir, r["file"].as_str().unwrap())).collect()
}

fn jsonl_files(dir: &Path, jsonl: &str) -> Vec<String> {
    let mut files: Vec<String> = jsonl
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|l| l["record"] == "report")
        .map(|l| relative(dir, l["file"].as_str().unwrap()))
        .collect();
    files.sort();
    files
}

/// The file of each row of the batch view (the first line of a row starts in column 0, after
/// the header and before the blank line that ends the rows).
fn view_files(dir: &Path, view: &str) -> Vec<String> {
    let rows = view.lines().skip(1).take_while(|l| !l.is_empty()).filter(|l| !l.starts_with(' '));
    rows.map(|l| relative(dir, l.chars().skip(34).collect::<String>().as_str())).collect()
}

/// The CSV's rows split into fields (only what this test writes: quoted fields without line
/// breaks).
fn csv_rows(csv: &str) -> Vec<Vec<String>> {
    let body = csv.strip_prefix('\u{feff}').expect("a byte order mark");
    let mut rows = Vec::new();
    for line in body.split_terminator("\r\n") {
        let (mut fields, mut field, mut quoted) = (Vec::new(), String::new(), false);
        let mut chars = line.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, quoted) {
                ('"', true) if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                ('"', _) => quoted = !quoted,
                (';', false) => fields.push(std::mem::take(&mut field)),
                (c, _) => field.push(c),
            }
        }
        fields.push(field);
        rows.push(fields);
    }
    rows
}

fn csv_files(dir: &Path, csv: &str) -> Vec<String> {
    csv_rows(csv).iter().skip(1).map(|r| relative(dir, r[0].trim_start_matches('\''))).collect()
}

const CSV_HEADER: &str = "file;status;error_kind;error_message;format;language;pages;risk;recommendation;findings;start_date;notice_period_risk;notice_period_duration;notice_period_unit;notice_before_start_risk;notice_before_start_duration;notice_before_start_unit;probation_risk;probation_duration;probation_unit;compensation_risk;compensation_amount;compensation_currency;binding_period_risk;binding_period_duration;binding_period_unit;binding_period_amount;binding_period_currency;withdrawal_risk;non_compete_risk;non_compete_duration;non_compete_unit;notice_given;notice_ends;notice_ends_before_start;notice_deadline;minimum_terms_missing_count;minimum_terms_missing";

#[test]
fn every_format_lists_the_same_files() {
    let dir = mixed_folder();
    let root = dir.path();
    let json = json_files(root, &sjekk(root, &["--format", "json"]));
    assert_eq!(json.len(), 10);
    let view = sjekk(root, &[]);
    assert_eq!(view_files(root, &view), json, "{view}");
    assert_eq!(csv_files(root, &sjekk(root, &["--format", "csv"])), json);
    assert_eq!(jsonl_files(root, &sjekk(root, &["--format", "jsonl", "--jobs", "2"])), json);
    // --detaljer is the full report of every file.
    let details = sjekk(root, &["--detaljer"]);
    assert!(details.contains("Klausul og forklaring") && details.lines().count() > 4 * view.lines().count());
    assert_eq!(sjekk(root, &["--details"]), details);
}

#[test]
fn batch_view_has_a_row_per_file_and_names_the_riskiest() {
    let dir = mixed_folder();
    let root = dir.path();
    let view = sjekk(root, &[]);
    let lines: Vec<&str> = view.lines().collect();
    assert_eq!(lines[0].split_whitespace().collect::<Vec<_>>(), ["RISIKO", "SPRÅK", "ANBEFALING", "FIL"]);
    // The row's cells, and its indented lines joined.
    let row = |file: &str| {
        let at = lines.iter().position(|l| l.ends_with(file)).unwrap_or_else(|| panic!("{file}: {view}"));
        let more = lines[at + 1..].iter().take_while(|l| l.starts_with("    ")).map(|l| l.trim());
        // The closing count of missing § 14-6 terms is checked in tests/minimum_terms.rs.
        let more = more.collect::<Vec<_>>().join(" ");
        let clauses = more.split(" § 14-6 ").next().unwrap_or_default().to_string();
        (lines[at].split_whitespace().take(3).collect::<Vec<_>>().join(" "), clauses)
    };
    let (cells, clauses) = row("høy/avtale-bokmal.pdf");
    assert_eq!(cells, "høy bokmål jurist/advokat");
    assert!(
        clauses
            .starts_with("Tiltredelse 01.03.2027 · Oppsigelsesfrist 3 måneder · Oppsigelse før tiltredelse 14 dager"),
        "{clauses}"
    );
    assert!(clauses.contains("Erstatning / bot kr 50 000"), "{clauses}");
    // A text too short to tell its language (no telltale word) has "–" for it.
    assert_eq!(
        row("middels/oppsigelse.txt"),
        ("middels – fagforening".into(), "Tiltredelse 01.03.2027 · Oppsigelsesfrist 3 måneder".into())
    );
    assert_eq!(
        row("lav/prøvetid.txt"),
        ("lav bokmål ingen".into(), "Tiltredelse 01.03.2027 · Prøvetid 1,5 måneder".into())
    );
    let (cells, error) = row("feil/tom.docx");
    assert_eq!(cells, "FEIL – –");
    assert!(error.starts_with("corrupt: Filen er skadet"), "{error}");
    let end = &lines[lines.iter().position(|l| l.is_empty()).unwrap() + 1..];
    assert_eq!(end[0], "10 filer: 8 analysert, 2 feil. Risiko: høy 3, middels 1, lav 3, ingen 1.", "{view}");
    assert_eq!(end[1], "Anbefaling: jurist/advokat 3, fagforening 1, ingen 4.");
    assert_eq!(end[2], "Feil: unsupported 1, corrupt 1.");
    assert_eq!(end[3], "De 7 filene med høyest risiko:");
    assert!(
        end[4].starts_with("høy") && end[4].contains("jurist/advokat") && end[4].ends_with("høy/avtale-bokmal.pdf")
    );
    assert!(end[7].starts_with("middels") && end[7].ends_with("middels/oppsigelse.txt"), "{}", end[7]);
    assert_eq!(end.last(), Some(&"Dette er ikke juridisk rådgivning."));
    // One file is still today's full report.
    let one = kontrakt(&["sjekk"], &[&root.join("middels/oppsigelse.txt")]);
    assert!(text(&one.stdout).contains("Samlet risiko: MIDDELS"));
}

#[test]
fn min_risk_filters_every_format_and_counts_everything() {
    let dir = mixed_folder();
    let root = dir.path();
    let kept = [
        "feil/binaer.txt",
        "feil/tom.docx",
        "høy/avtale-bokmal.pdf",
        "høy/avtale-nynorsk.docx",
        "høy/contract-english.txt",
        "middels/oppsigelse.txt",
    ];
    let min = ["--min-risk", "medium"];
    let with = |format: &[&str]| sjekk(root, &[min.as_slice(), format].concat());
    let json = with(&["--format", "json"]);
    assert_eq!(json_files(root, &json), kept);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["summary"]["files"], 10, "the summary counts every file");
    assert_eq!(view_files(root, &with(&[])), kept);
    assert!(with(&[]).contains("10 filer: 8 analysert, 2 feil."));
    assert_eq!(csv_files(root, &with(&["--format", "csv"])), kept);
    let jsonl = with(&["--format", "jsonl", "--summary"]);
    assert_eq!(jsonl_files(root, &jsonl), kept);
    let last: serde_json::Value = serde_json::from_str(jsonl.lines().last().unwrap()).unwrap();
    assert_eq!(last["summary"]["files"], 10);
    for format in ["markdown", "html"] {
        let out = with(&["--format", format]);
        assert!(out.contains("oppsigelse.txt") && out.contains("tom.docx"), "{format}");
        assert!(!out.contains("prøvetid.txt") && !out.contains("kort.txt"), "{format}");
    }
    let high = sjekk(root, &["--min-risk", "high", "--format", "json"]);
    assert_eq!(json_files(root, &high), kept.iter().filter(|f| !f.starts_with("middels")).copied().collect::<Vec<_>>());
    assert_eq!(json_files(root, &sjekk(root, &["--min-risk", "low", "--format", "json"])).len(), 9);
}

#[test]
fn jsonl_lines_say_what_made_them() {
    let dir = mixed_folder();
    let root = dir.path();
    let lines: Vec<serde_json::Value> =
        sjekk(root, &["--format", "jsonl", "--summary"]).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 11);
    for line in &lines {
        let keys: Vec<&str> = line.as_object().unwrap().keys().take(4).map(String::as_str).collect();
        assert_eq!(keys[..3], ["schema_version", "tool", "record"]);
        assert_eq!(line["schema_version"], 1);
        assert_eq!(line["tool"]["name"], "kontrakt");
        assert_eq!(line["tool"]["version"], env!("CARGO_PKG_VERSION"));
    }
    assert!(lines[..10].iter().all(|l| l["record"] == "report" && l["file"].is_string()));
    let summary = &lines[10];
    assert_eq!(summary["record"], "summary");
    assert_eq!((summary["summary"]["files"].as_u64(), summary["summary"]["errors"].as_u64()), (Some(10), Some(2)));
    // Without --summary there is no summary line; with another format --summary is refused.
    assert_eq!(sjekk(root, &["--format", "jsonl"]).lines().count(), 10);
    let refused = kontrakt(&["sjekk", "--summary"], &[root]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(text(&refused.stderr).contains("--format jsonl"));
}

/// Validates JSON documents against `schema/kontrakt-v1.schema.json` with python3-jsonschema
/// (Draft 2020-12): the whole input as one document, or one document per line.
fn validate(input: &str, lines: bool) {
    const SCRIPT: &str = r#"
import json, sys
from jsonschema import Draft202012Validator
schema = json.load(open(sys.argv[1]))
Draft202012Validator.check_schema(schema)
validator = Draft202012Validator(schema)
data = sys.stdin.read()
docs = [json.loads(l) for l in data.splitlines()] if sys.argv[2] == "lines" else [json.loads(data)]
bad = 0
for n, doc in enumerate(docs, 1):
    for e in validator.iter_errors(doc):
        bad += 1
        print(f"document {n} at /{'/'.join(map(str, e.absolute_path))}: {e.message[:300]}")
print(f"{len(docs)} documents")
sys.exit(1 if bad or not docs else 0)
"#;
    use std::io::Write;
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/kontrakt-v1.schema.json");
    let mut child = Command::new("python3")
        .args(["-c", SCRIPT])
        .arg(&schema)
        .arg(if lines { "lines" } else { "one" })
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3 with python3-jsonschema (bash .ci/run installs it)");
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "schema validation failed:\n{}{}", text(&out.stdout), text(&out.stderr));
}

#[test]
fn json_outputs_follow_the_json_schema() {
    let dir = mixed_folder();
    let root = dir.path();
    validate(&sjekk(root, &["--format", "json"]), false);
    validate(&sjekk(root, &["--format", "jsonl", "--summary"]), true);
    validate(&sjekk(root, &["--format", "jsonl", "--min-risk", "high"]), true);
    let english = kontrakt(&["--lang", "en", "sjekk", "--format", "json"], &[&root.join("høy")]);
    validate(&text(&english.stdout), false);
    let empty = tempfile::tempdir().unwrap();
    validate(&text(&kontrakt(&["sjekk", "--format", "json"], &[empty.path()]).stdout), false);
    // The validator does catch a report that breaks the schema.
    let broken = sjekk(root, &["--format", "jsonl"]).replacen("\"risk\":\"", "\"risk\":\"extreme-", 1);
    let caught = std::panic::catch_unwind(|| validate(&broken, true));
    assert!(caught.is_err(), "a wrong risk value must fail validation");
}

/// The cells of the first sheet of an XLSX file: (reference, type, value) with shared strings
/// resolved ("n" for a number, "s" for a string), and whether any cell holds a formula.
fn xlsx_cells(path: &Path) -> (Vec<(String, String, String)>, bool) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut part = |name: &str| {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut s).unwrap();
        s
    };
    let (sheet, shared) = (part("xl/worksheets/sheet1.xml"), part("xl/sharedStrings.xml"));
    let unescape = |s: &str| {
        s.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    };
    let runs = regex::Regex::new(r"<t(?: [^>]*)?>([^<]*)</t>").unwrap();
    let strings: Vec<String> = regex::Regex::new(r"(?s)<si>(.*?)</si>")
        .unwrap()
        .captures_iter(&shared)
        .map(|si| runs.captures_iter(&si[1]).map(|t| unescape(&t[1])).collect())
        .collect();
    let value = regex::Regex::new(r"<v>([^<]*)</v>").unwrap();
    let kind = regex::Regex::new(r#" t="([a-z]+)""#).unwrap();
    let mut cells = Vec::new();
    for c in regex::Regex::new(r#"(?s)<c r="([A-Z]+[0-9]+)"([^>]*?)(?:/>|>(.*?)</c>)"#).unwrap().captures_iter(&sheet) {
        let inner = c.get(3).map_or("", |m| m.as_str());
        let Some(v) = value.captures(inner) else { continue };
        let t = kind.captures(&c[2]).map_or("n".to_string(), |t| t[1].to_string());
        let v = if t == "s" { strings[v[1].parse::<usize>().unwrap()].clone() } else { unescape(&v[1]) };
        cells.push((c[1].to_string(), t, v));
    }
    (cells, sheet.contains("<f>") || sheet.contains("<f "))
}

#[test]
fn csv_round_trips_through_libreoffice() {
    let dir = mixed_folder();
    let root = dir.path();
    // Run from inside the folder, with names as given: "=SUM(1+1).txt", "feil/tom.docx", ...
    let mut entries: Vec<PathBuf> = std::fs::read_dir(root).unwrap().map(|e| e.unwrap().file_name().into()).collect();
    entries.sort();
    let out = Command::new(env!("CARGO_BIN_EXE_kontrakt"))
        .current_dir(root)
        .args(["sjekk", "--dato", "02.11.2026", "--format", "csv"])
        .args(&entries)
        .output()
        .unwrap();
    let csv = text(&out.stdout);
    assert!(csv.starts_with(&format!("\u{feff}{CSV_HEADER}\r\n")), "{csv}");
    let rows = csv_rows(&csv);
    let header = &rows[0];
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert!(rows.iter().all(|r| r.len() == header.len()));
    let row = |file: &str| rows.iter().find(|r| r[0].ends_with(file)).unwrap_or_else(|| panic!("{file}"));
    let bokmal = row("avtale-bokmal.pdf");
    let cell = |r: &Vec<String>, name: &str| r[col(name)].clone();
    assert_eq!(
        ["status", "format", "language", "pages", "risk", "recommendation", "start_date"].map(|c| cell(bokmal, c)),
        ["ok", "pdf", "nb", "2", "high", "lawyer", "2027-03-01"]
    );
    assert_eq!([cell(bokmal, "compensation_amount"), cell(bokmal, "compensation_currency")], ["50000", "NOK"]);
    assert_eq!([cell(bokmal, "notice_period_duration"), cell(bokmal, "notice_period_unit")], ["3", "month"]);
    assert_eq!(cell(row("prøvetid.txt"), "probation_duration"), "1,5");
    let tom = row("tom.docx");
    assert_eq!([cell(tom, "status"), cell(tom, "error_kind"), cell(tom, "risk")], ["error", "corrupt", ""]);

    // LibreOffice in a Norwegian locale reads it as a spreadsheet would open it.
    let work = tempfile::tempdir().unwrap();
    let file = work.path().join("rapport.csv");
    std::fs::write(&file, &csv).unwrap();
    let profile = format!("-env:UserInstallation=file://{}", work.path().join("profile").display());
    let out = Command::new("soffice")
        .args([profile.as_str(), "--headless", "--infilter=CSV:59,34,76,1,,1044", "--convert-to", "xlsx", "--outdir"])
        .arg(work.path())
        .arg(&file)
        .output()
        .expect("LibreOffice (soffice); bash .ci/run installs libreoffice-calc-nogui");
    let xlsx = work.path().join("rapport.xlsx");
    assert!(xlsx.exists(), "soffice: {}{}", text(&out.stdout), text(&out.stderr));
    let (cells, formula) = xlsx_cells(&xlsx);
    assert!(!formula, "no cell became a formula");
    let column = |name: &str| {
        let mut letters = String::new();
        let mut n = col(name) + 1;
        while n > 0 {
            letters.insert(0, char::from(b'A' + ((n - 1) % 26) as u8));
            n = (n - 1) / 26;
        }
        letters
    };
    let at = |name: &str, file: &str| {
        let line = rows.iter().position(|r| r[0].ends_with(file)).unwrap() + 1;
        let reference = format!("{}{line}", column(name));
        cells.iter().find(|c| c.0 == reference).map(|c| (c.1.clone(), c.2.clone())).unwrap_or_default()
    };
    let header_cells: Vec<&str> = cells
        .iter()
        .filter(|c| c.0.ends_with('1') && c.0.len() <= 3 && !c.0[..c.0.len() - 1].contains(char::is_numeric))
        .map(|c| c.2.as_str())
        .collect();
    assert_eq!(header_cells.join(";"), CSV_HEADER, "the byte order mark is not part of the first name");
    let n = |v: &str| ("n".to_string(), v.to_string());
    let s = |v: &str| ("s".to_string(), v.to_string());
    assert_eq!(at("pages", "avtale-bokmal.pdf"), n("2"));
    assert_eq!(at("compensation_amount", "avtale-bokmal.pdf"), n("50000"));
    assert_eq!(at("probation_duration", "prøvetid.txt"), n("1.5"), "decimal comma read as a number");
    assert_eq!(at("start_date", "avtale-bokmal.pdf"), n("46447"), "an ISO date is a date serial");
    assert_eq!(at("risk", "avtale-bokmal.pdf"), s("high"));
    assert_eq!(at("error_kind", "tom.docx"), s("corrupt"));
    let first_column = regex::Regex::new(r"^A[0-9]+$").unwrap();
    let names: Vec<String> =
        cells.iter().filter(|c| first_column.is_match(&c.0) && c.0 != "A1").map(|c| c.2.clone()).collect();
    assert!(names.iter().any(|f| f.ends_with("navn/ola; kari \"K\".txt")), "{names:?}");
    assert!(names.contains(&"'=SUM(1+1).txt".to_string()), "{names:?}");
    assert_eq!(names.len(), 10);
}

#[test]
fn samle_of_three_shards_equals_one_run() {
    let dir = mixed_folder();
    let root = dir.path();
    let shards = tempfile::tempdir().unwrap();
    let parts: [&[&str]; 3] = [&["feil", "høy"], &["ingen", "lav", "middels"], &["navn", "=SUM(1+1).txt"]];
    let mut names = Vec::new();
    for (i, part) in parts.iter().enumerate() {
        let paths: Vec<PathBuf> = part.iter().map(|p| root.join(p)).collect();
        let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
        let out = kontrakt(&["sjekk", "--dato", "02.11.2026", "--format", "jsonl", "--summary"], &paths);
        let name = shards.path().join(format!("del-{i}.jsonl"));
        std::fs::write(&name, &out.stdout).unwrap();
        names.push(name);
    }
    let shard_paths: Vec<&Path> = names.iter().map(PathBuf::as_path).collect();
    let merge = |args: &[&str]| {
        let out = kontrakt(&[&["samle"], args].concat(), &shard_paths);
        assert_eq!(out.status.code(), Some(2), "the union has errors: {}", text(&out.stderr));
        text(&out.stdout)
    };
    // The same JSON, CSV and batch view as one run over the whole folder.
    let merged = merge(&["--format", "json"]);
    validate(&merged, false);
    let one: serde_json::Value = serde_json::from_str(&sjekk(root, &["--format", "json"])).unwrap();
    let merged: serde_json::Value = serde_json::from_str(&merged).unwrap();
    assert_eq!(merged["summary"], one["summary"]);
    assert_eq!(merged["reports"], one["reports"]);
    assert_eq!(merge(&["--format", "csv"]), sjekk(root, &["--format", "csv"]));
    assert_eq!(merge(&[]), sjekk(root, &[]));
    assert_eq!(merge(&["--min-risk", "high"]), sjekk(root, &["--min-risk", "high"]));
    let jsonl = merge(&["--format", "jsonl", "--summary"]);
    validate(&jsonl, true);
    let last: serde_json::Value = serde_json::from_str(jsonl.lines().last().unwrap()).unwrap();
    assert_eq!(last["summary"], one["summary"]);
    assert_eq!(kontrakt(&["merge", "--format", "html"], &shard_paths).status.code(), Some(2));

    // What samle refuses, and says why.
    let refused = |paths: &[&Path], expect: &str| {
        let out = kontrakt(&["samle"], paths);
        assert_eq!(out.status.code(), Some(2));
        let err = text(&out.stderr);
        assert!(err.contains(expect), "{expect}: {err}");
        assert!(out.stdout.is_empty(), "nothing half-merged: {}", text(&out.stdout));
    };
    let first = names[0].as_path();
    refused(&[first, names[1].as_path(), first], "finnes både i");
    let lines: Vec<String> = std::fs::read_to_string(first).unwrap().lines().map(str::to_string).collect();
    let bad = shards.path().join("bad.jsonl");
    let write = |lines: &[String]| std::fs::write(&bad, lines.join("\n") + "\n").unwrap();
    write(&[lines[0].replacen("\"schema_version\":1", "\"schema_version\":2", 1)]);
    refused(&[&bad], "skjemaversjon 2");
    write(&[lines[0].replacen("\"schema_version\":1,", "", 1)]);
    refused(&[&bad], "skjemaversjon none");
    write(&lines[1..]);
    refused(&[&bad], "oppsummeringen teller 5 filer, men filen har 4 rapporter");
    write(&["{\"schema_version\":1,\"record\":\"report\"}".to_string()]);
    refused(&[&bad], "linje 1");
    refused(&[&shards.path().join("finnes-ikke.jsonl")], "kan ikke lese");
}
