//! Batch runs of the built binary over a generated folder of good and bad contracts: one
//! report per file, sorted order, the JSON Lines stream, the summary counts, exit codes and a
//! closed output pipe.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

const GOOD: [&str; 3] = ["avtale-bokmal", "avtale-nynorsk", "contract-english"];

fn kontrakt() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_kontrakt"));
    c.env("NO_COLOR", "1");
    c
}

/// A folder with `copies` of each good fixture in each format (spread over subfolders) and
/// four broken files; returns it with the number of good files.
fn batch_folder(copies: usize) -> (tempfile::TempDir, usize) {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut good = 0;
    for i in 0..copies {
        let sub = dir.path().join(format!("avdeling-{}", i % 3));
        std::fs::create_dir_all(&sub).unwrap();
        for stem in GOOD {
            for ext in ["pdf", "docx", "txt"] {
                std::fs::copy(fixtures.join(format!("{stem}.{ext}")), sub.join(format!("{stem}-{i:03}.{ext}")))
                    .unwrap();
                good += 1;
            }
        }
    }
    let bad = dir.path().join("feil");
    std::fs::create_dir_all(&bad).unwrap();
    std::fs::write(bad.join("tilfeldig.pdf"), (0..4000u32).map(|i| (i * 7919 % 251) as u8).collect::<Vec<_>>())
        .unwrap();
    std::fs::write(bad.join("tom.docx"), b"").unwrap();
    std::fs::write(bad.join("ikke-zip.docx"), b"PK\x03\x04 this is not a zip archive").unwrap();
    std::fs::write(bad.join("binaer.txt"), b"\0\0\0binary\0data").unwrap();
    std::fs::write(dir.path().join(".skjult.txt"), "Prøvetid 6 måneder.").unwrap();
    (dir, good)
}

fn files_of(reports: &[Value]) -> Vec<String> {
    reports.iter().map(|r| r["file"].as_str().unwrap().to_string()).collect()
}

#[test]
fn batch_json_is_sorted_complete_and_counted() {
    let (dir, good) = batch_folder(4);
    let out = kontrakt().args(["sjekk", "--format", "json", "--jobs", "2"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "broken files give exit code 2");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let reports = v["reports"].as_array().unwrap();
    assert_eq!(reports.len(), good + 4, "one report per file, hidden files skipped");
    let files = files_of(reports);
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    let ok: Vec<&Value> = reports.iter().filter(|r| r["status"] == "ok").collect();
    assert_eq!(ok.len(), good);
    assert!(ok.iter().all(|r| r["risk"] == "high" && r["recommendation"] == "lawyer"));
    let kinds: BTreeSet<(&str, &str)> = reports
        .iter()
        .filter(|r| r["status"] == "error")
        .map(|r| {
            let name = Path::new(r["file"].as_str().unwrap()).file_name().unwrap().to_str().unwrap();
            (name, r["error"]["kind"].as_str().unwrap())
        })
        .collect();
    assert_eq!(
        kinds,
        BTreeSet::from([
            ("binaer.txt", "unsupported"),
            ("ikke-zip.docx", "corrupt"),
            ("tilfeldig.pdf", "corrupt"),
            ("tom.docx", "corrupt")
        ])
    );
    let s = &v["summary"];
    assert_eq!(s["files"], good + 4);
    assert_eq!(s["ok"], good);
    assert_eq!(s["errors"], 4);
    assert_eq!(s["by_risk"]["high"], good);
    assert_eq!(s["by_recommendation"]["lawyer"], good);
    assert_eq!(s["by_error"]["corrupt"], 3);
    assert_eq!(s["by_error"]["unsupported"], 1);
    assert_eq!(s["highest_risk"].as_array().unwrap().len(), 10);

    // The same run with one job gives the same reports in the same order.
    let one = kontrakt().args(["sjekk", "--format", "json", "--jobs", "1"]).arg(dir.path()).output().unwrap();
    let v1: Value = serde_json::from_slice(&one.stdout).unwrap();
    assert_eq!(v1["reports"], v["reports"]);

    // --hidden takes the hidden file too.
    let hidden = kontrakt().args(["sjekk", "--format", "json", "--hidden"]).arg(dir.path()).output().unwrap();
    let vh: Value = serde_json::from_slice(&hidden.stdout).unwrap();
    assert_eq!(vh["summary"]["files"], good + 5);
}

#[test]
fn jsonl_streams_one_report_per_line() {
    let (dir, good) = batch_folder(2);
    let out = kontrakt().args(["sjekk", "--format", "jsonl"]).arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let lines: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), good + 4, "one line per file, no envelope or summary");
    assert!(lines.iter().all(|r| r.get("file").is_some() && r["schema_version"] == 1 && r["record"] == "report"));
    let unique: BTreeSet<String> = files_of(&lines).into_iter().collect();
    assert_eq!(unique.len(), lines.len());
}

#[test]
fn exit_codes_follow_fail_on() {
    let fixture = |name: &str| -> PathBuf { Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name) };
    let code = |args: &[&str], file: &Path| kontrakt().args(args).arg(file).output().unwrap().status.code();
    let contract = fixture("avtale-bokmal.txt");
    assert_eq!(code(&["sjekk"], &contract), Some(0));
    assert_eq!(code(&["sjekk", "--fail-on", "high"], &contract), Some(1));
    assert_eq!(code(&["sjekk", "--fail-on", "medium"], &contract), Some(1));
    let dir = tempfile::tempdir().unwrap();
    let calm = dir.path().join("rolig.txt");
    std::fs::write(&calm, "Arbeidstaker tiltrer 1. mars 2027. Det gjelder en prøvetid på 6 måneder.").unwrap();
    assert_eq!(code(&["sjekk", "--fail-on", "medium"], &calm), Some(0));
    assert_eq!(code(&["sjekk", "--fail-on", "low"], &calm), Some(1));
    assert_eq!(code(&["sjekk", "--fail-on", "ekstrem"], &calm), Some(2));
}

#[test]
fn closed_output_pipe_ends_quietly() {
    let (dir, _) = batch_folder(6);
    let mut child = kontrakt()
        .args(["sjekk", "--format", "jsonl", "--jobs", "1"])
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(first.starts_with('{'));
    // The reader is gone now, as with `| head -1`.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "nothing on stderr: {}", String::from_utf8_lossy(&out.stderr));
}
