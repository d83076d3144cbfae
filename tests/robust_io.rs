//! What people really have and do: a report written over a contract or into the scanned
//! folder, an interrupted run, Notepad's UTF-16, a file of mixed encodings, file names that
//! are not UTF-8, escape sequences in a contract, unreadable folders and absurd flag values.
//! Every input is made here.

use std::ffi::OsStr;
use std::fs;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn fixture(name: &str) -> Vec<u8> {
    fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name)).unwrap()
}

fn kontrakt() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kontrakt"));
    cmd.env("NO_COLOR", "1");
    cmd
}

fn run(args: &[&OsStr]) -> Output {
    kontrakt().args(args).output().unwrap()
}

fn os(s: &str) -> &OsStr {
    OsStr::new(s)
}

fn reports(out: &Output) -> Vec<Value> {
    let json: Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
    json["reports"].as_array().unwrap().clone()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_report_is_never_written_over_an_input() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kontrakter");
    fs::create_dir(&dir).unwrap();
    let pdf = fixture("avtale-bokmal.pdf");
    let k = dir.join("k.pdf");
    fs::write(&k, &pdf).unwrap();
    fs::hard_link(&k, tmp.path().join("lenke.pdf")).unwrap();
    let spelled = dir.join("../kontrakter/./k.pdf");
    // The same file as input and output: named alike, spelled differently, a hard link, and
    // a file the folder walk would pick up.
    for (output, input) in [(&k, &k), (&spelled, &k), (&tmp.path().join("lenke.pdf"), &k), (&k, &dir)] {
        let out = run(&[os("sjekk"), os("--format"), os("json"), os("-o"), output.as_os_str(), input.as_os_str()]);
        assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
        assert!(stderr(&out).contains("er en av filene som skal leses"), "{}", stderr(&out));
        assert_eq!(fs::read(&k).unwrap(), pdf, "-o {} {}", output.display(), input.display());
        assert_eq!(fs::read_dir(&dir).unwrap().count(), 1, "no temporary file left");
    }
}

#[test]
fn a_report_inside_the_scanned_folder_is_not_read_back() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kontrakter");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("avtale.txt"), fixture("avtale-bokmal.txt")).unwrap();
    let report = dir.join("rapport.txt");
    let args = [os("sjekk"), os("-o"), report.as_os_str(), dir.as_os_str()];
    let first = run(&args);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let written = fs::read_to_string(&report).unwrap();
    assert!(written.contains("avtale.txt") && !written.contains("rapport.txt"), "{written}");
    // The second run would read its own report as a contract: refused, the report kept.
    let second = run(&args);
    assert_eq!(second.status.code(), Some(2), "{}", stderr(&second));
    assert!(stderr(&second).contains("rapport.txt"), "{}", stderr(&second));
    assert_eq!(fs::read_to_string(&report).unwrap(), written);
    let names: Vec<_> = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn an_interrupted_batch_leaves_the_old_report_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kontrakter");
    fs::create_dir(&dir).unwrap();
    // A long text keeps the batch busy for seconds.
    let filler =
        "Arbeidstakeren skal utføre arbeidet etter Arbeidsgivers anvisning og i tråd med gjeldende rutiner.\n\n";
    fs::write(dir.join("lang.txt"), filler.repeat(60 * 1024 * 1024 / filler.len())).unwrap();
    fs::write(dir.join("avtale.txt"), fixture("avtale-bokmal.txt")).unwrap();
    let report = tmp.path().join("rapport.json");
    let old = "{\"schema_version\": 1, \"reports\": []}\n";
    fs::write(&report, old).unwrap();
    for signal in [libc::SIGINT, libc::SIGTERM] {
        let mut child = kontrakt()
            .args([os("sjekk"), os("--format"), os("json"), os("-o"), report.as_os_str(), dir.as_os_str()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Signal once the report is being written (its temporary file exists), or after a
        // while if none shows up.
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) && fs::read_dir(tmp.path()).unwrap().count() < 3 {
            std::thread::sleep(Duration::from_millis(10));
        }
        std::thread::sleep(Duration::from_millis(200));
        assert!(child.try_wait().unwrap().is_none(), "the batch ended before the signal");
        // SAFETY: kill on a child process id.
        assert_eq!(unsafe { libc::kill(child.id() as i32, signal) }, 0);
        let status = child.wait().unwrap();
        assert_eq!(status.signal(), Some(signal), "{status}");
        assert_eq!(fs::read_to_string(&report).unwrap(), old);
        let names: Vec<_> = fs::read_dir(tmp.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names.len(), 2, "a temporary file was left behind: {names:?}");
    }
}

/// Writes each of `files` into a new folder, checks the folder and asserts that every file
/// gives the same findings as the UTF-8 fixture.
fn same_findings_as_utf8(files: &[(&str, Vec<u8>)]) {
    let tmp = tempfile::tempdir().unwrap();
    fs::write(tmp.path().join("utf8.txt"), fixture("avtale-bokmal.txt")).unwrap();
    for (name, bytes) in files {
        fs::write(tmp.path().join(name), bytes).unwrap();
    }
    let out = run(&[os("sjekk"), os("--format"), os("json"), tmp.path().as_os_str()]);
    let reports = reports(&out);
    let findings = |name: &str| {
        let r = reports.iter().find(|r| r["file"].as_str().unwrap().ends_with(name)).unwrap();
        assert_eq!(r["status"], "ok", "{r}");
        assert_eq!(r["format"], "txt", "{r}");
        r["findings"].clone()
    };
    let want = findings("utf8.txt");
    assert!(want.as_array().unwrap().len() >= 8, "{want}");
    for (name, _) in files {
        assert_eq!(findings(name), want, "{name}");
    }
}

#[test]
fn utf16_with_a_byte_order_mark_is_text() {
    let utf8 = fixture("avtale-bokmal.txt");
    let text = std::str::from_utf8(&utf8).unwrap();
    let le = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let be = [0xFE, 0xFF].into_iter().chain(text.encode_utf16().flat_map(u16::to_be_bytes)).collect();
    same_findings_as_utf8(&[("utf16le.txt", le), ("utf16be.txt", be)]);
}

#[test]
fn one_windows_1252_line_does_not_spoil_the_rest() {
    let utf8 = fixture("avtale-bokmal.txt");
    // One line (the notice before the start) saved as Windows-1252 by another program.
    let mixed: Vec<u8> = std::str::from_utf8(&utf8)
        .unwrap()
        .split_inclusive('\n')
        .flat_map(|line| {
            if line.starts_with("Partene kan si opp") {
                encoding_rs::WINDOWS_1252.encode(line).0.into_owned()
            } else {
                line.as_bytes().to_vec()
            }
        })
        .collect();
    assert!(std::str::from_utf8(&mixed).is_err());
    same_findings_as_utf8(&[("blandet.txt", mixed)]);
}

#[test]
fn file_names_that_are_not_utf8_stay_apart_in_every_format() {
    let tmp = tempfile::tempdir().unwrap();
    let contract = fixture("contract-english.txt");
    for name in [&b"kontrakt-\xe6.txt"[..], b"kontrakt-\xf8.txt"] {
        fs::write(tmp.path().join(OsStr::from_bytes(name)), &contract).unwrap();
    }
    let (ae, oe) = ("kontrakt-\\xE6.txt", "kontrakt-\\xF8.txt");
    let out = run(&[os("sjekk"), os("--format"), os("json"), tmp.path().as_os_str()]);
    let files: Vec<String> = reports(&out).iter().map(|r| r["file"].as_str().unwrap().to_string()).collect();
    assert!(files[0].ends_with(ae) && files[1].ends_with(oe), "{files:?}");
    let out = run(&[os("sjekk"), os("--format"), os("jsonl"), tmp.path().as_os_str()]);
    let mut lines: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["file"].as_str().unwrap().to_string())
        .collect();
    lines.sort();
    assert_eq!(lines, files);
    for format in ["table", "markdown", "html"] {
        let out = run(&[os("sjekk"), os("--format"), os(format), tmp.path().as_os_str()]);
        let text = String::from_utf8(out.stdout).unwrap();
        let (ae, oe) = (as_written(ae, format), as_written(oe, format));
        assert!(text.contains(&ae) && text.contains(&oe) && !text.contains('\u{fffd}'), "{format}: {text}");
    }
}

/// A file name as `format` writes it: Markdown escapes its own special characters.
fn as_written(name: &str, format: &str) -> String {
    match format {
        "markdown" => name.replace('\\', "\\\\").replace(']', "\\]"),
        _ => name.to_string(),
    }
}

/// True if `text` holds a character that can drive a terminal: C0 other than line feed and
/// tab, DEL, or C1.
fn has_control(text: &str) -> bool {
    text.chars().any(|c| c.is_control() && c != '\n' && c != '\t')
}

#[test]
fn escape_sequences_never_reach_the_output() {
    let tmp = tempfile::tempdir().unwrap();
    let hostile = String::from_utf8(fixture("avtale-bokmal.txt")).unwrap().replace(
        "prøvetid på 6 måneder fra tiltredelse.",
        "prøvetid på 5 måneder\x1b[2J\x1b[H fra tiltredelse.\x1b]0;eid\x07\u{9b}31m\x08\x7f",
    );
    fs::write(tmp.path().join("avtale\x1b]0;tittel\x07.txt"), &hostile).unwrap();
    fs::write(tmp.path().join("tom\x1b[31m.txt"), "  \n").unwrap();
    for format in ["table", "markdown", "html"] {
        for lang in ["nb", "en"] {
            let out = run(&[os("--lang"), os(lang), os("sjekk"), os("--format"), os(format), tmp.path().as_os_str()]);
            let (stdout, stderr) = (String::from_utf8(out.stdout.clone()).unwrap(), stderr(&out));
            assert!(!has_control(&stdout), "{format}: {stdout:?}");
            assert!(!has_control(&stderr), "{format}: {stderr:?}");
            assert!(!stdout.contains("[2J") && !stdout.contains("0;eid"), "{format}: {stdout}");
            assert!(stdout.contains(&as_written("avtale\\x1B]0;tittel\\x07.txt", format)), "{format}: {stdout}");
        }
    }
    let out = run(&[os("sjekk"), os("--format"), os("markdown"), tmp.path().as_os_str()]);
    let markdown = String::from_utf8(out.stdout).unwrap();
    assert!(
        markdown.contains("> Det gjelder en prøvetid på 5 måneder fra tiltredelse.\u{fffd}\u{fffd}\n"),
        "{markdown}"
    );
    // An error about the output file names it the same way.
    let bad = tmp.path().join("finnes-ikke\x1b[2J").join("rapport.json");
    let out = run(&[os("sjekk"), os("-o"), bad.as_os_str(), tmp.path().as_os_str()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(!has_control(&stderr(&out)) && stderr(&out).contains("\\x1B[2J"), "{}", stderr(&out));
}

#[test]
fn an_unreadable_folder_is_reported_as_unreadable() {
    let tmp = tempfile::tempdir().unwrap();
    fs::set_permissions(tmp.path(), fs::Permissions::from_mode(0o755)).unwrap();
    let dir = tmp.path().join("kontrakter");
    fs::create_dir_all(dir.join("låst")).unwrap();
    fs::write(dir.join("avtale.txt"), fixture("avtale-bokmal.txt")).unwrap();
    fs::set_permissions(dir.join("låst"), fs::Permissions::from_mode(0o000)).unwrap();
    let mut cmd = kontrakt();
    cmd.args([os("sjekk"), os("--format"), os("json"), dir.as_os_str()]);
    // SAFETY: geteuid cannot fail.
    if unsafe { libc::geteuid() } == 0 {
        // Root reads any folder; run as nobody so that the permissions count.
        cmd.uid(65534).gid(65534);
    }
    let out = cmd.output().unwrap();
    let reports = reports(&out);
    let locked = reports.iter().find(|r| r["file"].as_str().unwrap().ends_with("låst")).expect("reported");
    assert_eq!(locked["error"]["kind"], "unreadable", "{locked}");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn numeric_flags_out_of_range_are_usage_errors() {
    let txt = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/avtale-bokmal.pdf");
    for (flag, value) in [
        ("--timeout", "9223372036854775807"),
        ("--timeout", "0"),
        ("--max-size", "999999999999GB"),
        ("--max-size", "18446744073709551615"),
        ("--max-size", "0"),
        ("--max-size", "2GB"),
        ("--jobs", "0"),
        ("--jobs", "100000"),
        ("--jobs", "18446744073709551616"),
    ] {
        let out = run(&[os("sjekk"), os(flag), os(value), txt.as_os_str()]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{flag} {value}: {err}");
        assert!(out.stdout.is_empty(), "{flag} {value}: ran anyway");
        assert!(err.contains(flag) && !err.contains("panicked"), "{flag} {value}: {err}");
    }
    let out = run(&[
        os("sjekk"),
        os("--timeout"),
        os("3600"),
        os("--max-size"),
        os("1GB"),
        os("--jobs"),
        os("256"),
        txt.as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn a_pdf_with_shifted_cross_reference_offsets_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let pdf = fixture("avtale-bokmal.pdf");
    // A line inserted after the header: every offset in the table, and the table's own
    // position, now point that many bytes early.
    let header = pdf.iter().position(|&b| b == b'\n').unwrap() + 1;
    let line = b"% lagret av et verktoy\n";
    let inserted = [&pdf[..header], line, &pdf[header..]].concat();
    // The same, with `startxref` corrected: lopdf finds the table but no object at its offsets.
    let at = inserted.windows(10).rposition(|w| w == b"startxref\n").unwrap() + 10;
    let old: usize = String::from_utf8_lossy(&inserted[at..]).split_whitespace().next().unwrap().parse().unwrap();
    let corrected = [&inserted[..at], (old + line.len()).to_string().as_bytes(), b"\n%%EOF\n"].concat();
    for (name, bytes) in [("original.pdf", &pdf), ("forskjovet.pdf", &inserted), ("tabell.pdf", &corrected)] {
        fs::write(tmp.path().join(name), bytes).unwrap();
    }
    // Cut short, it stays damaged.
    fs::write(tmp.path().join("avkortet.pdf"), &corrected[..corrected.len() - 20]).unwrap();
    let out = run(&[os("sjekk"), os("--format"), os("json"), tmp.path().as_os_str()]);
    let reports = reports(&out);
    let of = |name: &str| reports.iter().find(|r| r["file"].as_str().unwrap().ends_with(name)).unwrap();
    let want = &of("original.pdf")["findings"];
    for name in ["forskjovet.pdf", "tabell.pdf"] {
        assert_eq!(of(name)["status"], "ok", "{}", of(name));
        assert_eq!(&of(name)["findings"], want, "{name}");
    }
    assert_eq!(of("avkortet.pdf")["error"]["kind"], "corrupt", "{}", of("avkortet.pdf"));
}
