//! The conventions of a command-line tool, tested on the built binary: shell completions that
//! load in their shells, a man page that renders, colour only where it belongs, standard input
//! and output as `-`, a bare path, defaults from the environment and `--version`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use kontrakt::date::Date;
use kontrakt::law::G;
use serde_json::Value;

/// The binary with none of the environment variables it reads.
fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kontrakt"));
    for var in ["NO_COLOR", "KONTRAKT_LANG", "KONTRAKT_FORMAT"] {
        cmd.env_remove(var);
    }
    cmd
}

fn kontrakt(args: &[&str]) -> Output {
    bin().args(args).output().expect("runs")
}

fn fixture(name: &str) -> String {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "fixtures", name].iter().collect();
    path.to_str().unwrap().to_string()
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "{:?}\n{}", out.status, String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).expect("UTF-8")
}

/// Writes `kontrakt completions SHELL` into `dir` as `name`.
fn completion_script(shell: &str, dir: &Path, name: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, stdout(&kontrakt(&["completions", shell]))).unwrap();
    path.to_str().unwrap().to_string()
}

/// Runs `script` in `shell`, or returns `None` when the shell is not installed.
fn shell(shell: &str, args: &[&str], script: &str) -> Option<String> {
    let out = match Command::new(shell).args(args).arg(script).output() {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            eprintln!("{shell} is not installed: its completions are not tested");
            return None;
        }
        out => out.unwrap(),
    };
    assert!(out.stderr.is_empty(), "{shell}: {}", String::from_utf8_lossy(&out.stderr));
    Some(stdout(&out))
}

#[test]
fn bash_completes_subcommands_and_formats() {
    let dir = tempfile::tempdir().unwrap();
    let file = completion_script("bash", dir.path(), "kontrakt.bash");
    let complete = |line: &str| {
        let words: Vec<&str> = line.split(' ').collect();
        let script = format!(
            "source {file}; COMP_WORDS=({line}); COMP_CWORD={}; COMP_LINE='{line}'; COMP_POINT={}; _kontrakt kontrakt \
             {} {}; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            words.len() - 1,
            line.len(),
            words[words.len() - 1],
            words[words.len() - 2],
        );
        shell("bash", &["--noprofile", "--norc", "-c"], &script).unwrap()
    };
    assert_eq!(complete("kontrakt sj").trim(), "sjekk");
    assert_eq!(complete("kontrakt completions z").trim(), "zsh");
}

#[test]
fn zsh_registers_the_completion_function() {
    let dir = tempfile::tempdir().unwrap();
    let file = completion_script("zsh", dir.path(), "_kontrakt");
    let script = format!(
        "autoload -U compinit; compinit -u -D; source {file}; print -r -- $_comps[kontrakt]; whence -w _kontrakt"
    );
    if let Some(out) = shell("zsh", &["-f", "-c"], &script) {
        assert_eq!(out, "_kontrakt\n_kontrakt: function\n");
    }
}

#[test]
fn fish_completes_subcommands_and_formats() {
    let dir = tempfile::tempdir().unwrap();
    let file = completion_script("fish", dir.path(), "kontrakt.fish");
    let script = format!("source {file}; complete -C'kontrakt sj'; complete -C'kontrakt sjekk --format j'");
    if let Some(out) = shell("fish", &["--no-config", "-c"], &script) {
        let words: Vec<&str> = out.lines().map(|l| l.split('\t').next().unwrap()).collect();
        assert_eq!(words, ["sjekk", "json", "jsonl"], "{out}");
    }
}

#[test]
fn powershell_script_registers_a_completer() {
    // pwsh is not packaged for Debian, so the script is checked by its text only.
    let script = stdout(&kontrakt(&["completions", "powershell"]));
    assert!(script.contains("Register-ArgumentCompleter -Native -CommandName 'kontrakt'"), "{script}");
}

#[test]
fn the_man_page_renders() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("kontrakt.1");
    std::fs::write(&page, stdout(&kontrakt(&["man"]))).unwrap();
    let out = Command::new("man").arg("-l").arg(&page).env("MANWIDTH", "80").env("MANPAGER", "cat").output().unwrap();
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = stdout(&out);
    for heading in ["NAME", "SYNOPSIS", "VALG", "KOMMANDOER"] {
        assert!(text.lines().any(|l| l == heading), "no {heading} in\n{text}");
    }
    assert!(text.contains("kontrakt-sjekk(1)"), "{text}");

    // One page per subcommand, the options of `sjekk` on its own page.
    stdout(&kontrakt(&["man", dir.path().to_str().unwrap()]));
    let sjekk = Command::new("man").arg("-l").arg(dir.path().join("kontrakt-sjekk.1")).env("MANWIDTH", "80").output();
    let sjekk = stdout(&sjekk.unwrap());
    assert!(sjekk.contains("--format") && sjekk.contains("--fail-on"), "{sjekk}");
}

/// `kontrakt ARGS` on a pseudo-terminal (util-linux `script`), with `env` set: what it prints.
fn on_terminal(args: &str, env: &[(&str, &str)]) -> String {
    // The pseudo-terminal starts with no size; the table is fitted to it.
    let command = format!("stty cols 160; {} {args}", env!("CARGO_BIN_EXE_kontrakt"));
    let mut cmd = Command::new("script");
    cmd.args(["-qec", &command, "/dev/null"]).env_remove("NO_COLOR").env("TERM", "xterm-256color");
    cmd.envs(env.iter().copied());
    stdout(&cmd.output().expect("script (util-linux) runs"))
}

const ESC: &str = "\x1b[";
/// The medium-risk colour: orange, readable on a light background (yellow is not).
const MEDIUM: &str = "\x1b[38;5;130m";

#[test]
fn colour_follows_the_flag_the_terminal_no_color_and_term_dumb() {
    let txt = fixture("avtale-bokmal.txt");
    let always = stdout(&kontrakt(&["sjekk", "--color", "always", &txt]));
    assert!(always.contains(MEDIUM) && always.contains(&format!("{MEDIUM} middels")), "{always}");
    assert!(!always.contains("\x1b[33m") && !always.contains("\x1b[38;5;11m"), "yellow is used: {always}");
    for args in [vec!["sjekk", &txt], vec!["sjekk", "--color", "never", &txt], vec!["sjekk", "--color", "auto", &txt]] {
        let out = stdout(&kontrakt(&args));
        assert!(!out.contains(ESC), "{args:?} coloured a pipe");
    }
    // On a terminal: colour in auto, none with NO_COLOR or TERM=dumb, and always wins over both.
    let sjekk = format!("sjekk {txt}");
    assert!(on_terminal(&sjekk, &[]).contains(MEDIUM));
    assert!(on_terminal(&sjekk, &[("NO_COLOR", "")]).contains(MEDIUM), "an empty NO_COLOR does not count");
    assert!(!on_terminal(&sjekk, &[("NO_COLOR", "1")]).contains(ESC));
    let dumb = on_terminal(&sjekk, &[("TERM", "dumb")]);
    assert!(!dumb.contains(ESC), "{dumb:?}");
    assert!(!on_terminal(&format!("sjekk --color never {txt}"), &[]).contains(ESC));
    assert!(
        on_terminal(&format!("sjekk --color always {txt}"), &[("TERM", "dumb"), ("NO_COLOR", "1")]).contains(MEDIUM)
    );
}

fn json(out: &Output) -> Value {
    serde_json::from_str(&stdout(out)).expect("JSON")
}

/// The findings of a JSON report as (category, rule, paragraph), the parts that do not depend
/// on the file's name.
fn findings(report: &Value) -> Vec<(String, String, Value)> {
    let report = &report["reports"][0];
    assert_eq!(report["status"], "ok", "{report}");
    let list = report["findings"].as_array().unwrap();
    list.iter().map(|f| (f["category"].to_string(), f["rule"].to_string(), f["location"].clone())).collect()
}

fn with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child =
        bin().args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn a_contract_piped_in_is_read_from_dash() {
    for name in ["avtale-bokmal.txt", "avtale-bokmal.pdf", "avtale-bokmal.docx"] {
        let from_file = json(&kontrakt(&["sjekk", "-f", "json", &fixture(name)]));
        let piped = json(&with_stdin(&["sjekk", "-f", "json", "-"], &std::fs::read(fixture(name)).unwrap()));
        assert_eq!(piped["reports"][0]["file"], "-");
        assert_eq!(piped["reports"][0]["format"], from_file["reports"][0]["format"], "{name}");
        assert!(findings(&piped).len() >= 8, "{piped}");
        assert_eq!(findings(&piped), findings(&from_file), "{name}");
    }
    // `-o -` is standard output.
    let txt = fixture("avtale-bokmal.txt");
    assert_eq!(
        stdout(&kontrakt(&["sjekk", "-f", "json", "-o", "-", &txt])),
        stdout(&kontrakt(&["sjekk", "-f", "json", &txt]))
    );
}

#[test]
fn a_bare_path_runs_the_check() {
    let txt = fixture("contract-english.txt");
    let checked = stdout(&kontrakt(&["--lang", "en", "sjekk", "-f", "json", &txt]));
    assert_eq!(stdout(&kontrakt(&["--lang", "en", &txt, "-f", "json"])), checked);
    assert_eq!(stdout(&kontrakt(&[&txt, "--format", "json", "--lang", "en"])), checked);
    let missing = kontrakt(&["finnes-ikke.pdf"]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn short_flags_match_the_long_ones() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join(".skjult")).unwrap();
    std::fs::copy(fixture("avtale-bokmal.txt"), dir.path().join(".skjult/a.txt")).unwrap();
    std::os::unix::fs::symlink(fixture("contract-english.txt"), dir.path().join("lenke.txt")).unwrap();
    let files = |flags: &[&str]| {
        let mut args = vec!["sjekk", "-f", "json"];
        args.extend(flags);
        args.push(dir.path().to_str().unwrap());
        // A folder that gives nothing exits 2 with a warning; its JSON still counts 0 files.
        let out = kontrakt(&args);
        serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("JSON")["summary"]["files"].clone()
    };
    assert_eq!(files(&[]), 0);
    assert_eq!(files(&["-H"]), files(&["--hidden"]));
    assert_eq!(files(&["-H"]), 1);
    assert_eq!(files(&["-L"]), 1);
    assert_eq!(files(&["-H", "-L"]), 2);
}

#[test]
fn language_and_format_come_from_the_environment_unless_given() {
    let txt = fixture("contract-english.txt");
    let run = |env: &[(&str, &str)], args: &[&str]| {
        let mut all = vec!["sjekk"];
        all.extend(args);
        all.push(&txt);
        stdout(&bin().args(&all).envs(env.iter().copied()).output().unwrap())
    };
    let english_json = run(&[], &["--format", "json", "--lang", "en"]);
    assert_eq!(run(&[("KONTRAKT_FORMAT", "json"), ("KONTRAKT_LANG", "en")], &[]), english_json);
    // A flag wins over the environment.
    assert_eq!(
        run(&[("KONTRAKT_FORMAT", "markdown"), ("KONTRAKT_LANG", "nb")], &["-f", "json", "--lang", "en"]),
        english_json
    );
    assert!(run(&[("KONTRAKT_LANG", "en")], &[]).contains("Overall risk"));
    assert!(run(&[], &[]).contains("Samlet risiko"));
    let bad = bin().args(["sjekk", &txt]).env("KONTRAKT_FORMAT", "pdf").output().unwrap();
    assert_eq!(bad.status.code(), Some(2), "an invalid KONTRAKT_FORMAT is a usage error");
}

#[test]
fn version_names_the_pattern_set_and_the_law_table() {
    let text = stdout(&kontrakt(&["--version"]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], concat!("kontrakt ", env!("CARGO_PKG_VERSION")));
    let set = lines[1].strip_prefix("mønstersett ").unwrap_or_else(|| panic!("{text}"));
    assert!(set.len() == 16 && set.chars().all(|c| c.is_ascii_hexdigit()), "{text}");
    assert_eq!(lines[2], format!("lovtabell: G = 130 160 kr fra {}", G.from.norwegian()));
    let warned = text.contains("advarsel: lovtabellens G er over ett år gammel");
    assert_eq!(warned, G.outdated(Date::today()), "{text}");
    let english = stdout(&bin().arg("--version").env("KONTRAKT_LANG", "en").output().unwrap());
    assert!(english.contains(&format!("pattern set {set}\nlaw table: G = NOK 130,160 from")), "{english}");
    // -V stays the bare version, for scripts.
    assert_eq!(stdout(&kontrakt(&["-V"])), concat!("kontrakt ", env!("CARGO_PKG_VERSION"), "\n"));
}

#[test]
fn sjekk_help_opens_with_examples() {
    for flag in ["-h", "--help"] {
        let help = stdout(&kontrakt(&["sjekk", flag]));
        assert!(help.starts_with("Eksempler:\n  kontrakt avtale.pdf"), "{help}");
        assert!(help.contains("kontrakt sjekk -"), "{help}");
    }
}

#[test]
fn help_and_usage_errors_speak_the_chosen_language() {
    let help = |args: &[&str], env: Option<&str>| {
        let mut cmd = bin();
        if let Some(lang) = env {
            cmd.env("KONTRAKT_LANG", lang);
        }
        stdout(&cmd.args(args).output().unwrap())
    };
    let en = help(&["--lang", "en", "sjekk", "--help"], None);
    assert!(en.starts_with("Examples:\n  kontrakt contract.pdf"), "{en}");
    assert!(
        en.contains("Usage: kontrakt sjekk [OPTIONS] <PATH>...") && en.contains("Time limit for reading one file"),
        "{en}"
    );
    let from_env = help(&["sjekk", "--help"], Some("en")).replace("KONTRAKT_LANG=en]", "KONTRAKT_LANG=]");
    assert_eq!(from_env, en, "KONTRAKT_LANG=en gives the same help");
    let nn = help(&["--lang=nn", "--help"], None);
    assert!(nn.contains("Bruk: kontrakt [VAL] <UNDERKOMMANDO>") && nn.contains("Kommandoar:"), "{nn}");
    assert!(nn.contains("Les signerte arbeidsavtalar") && nn.contains("AVSLUTTINGSKODE"), "{nn}");
    let nb = help(&["brev", "--help"], None);
    assert!(nb.contains("Dagen brevet sendes") && nb.contains("Valg:"), "{nb}");

    let refused = |args: &[&str]| {
        let out = kontrakt(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    let err = refused(&["sjekk", "--bogus", "a.pdf"]);
    assert!(
        err.starts_with("kontrakt: ukjent valg «--bogus»") && err.contains("Mer hjelp: kontrakt sjekk --help"),
        "{err}"
    );
    let err = refused(&["--lang", "nn", "sjekk", "--timeout", "0", "a.pdf"]);
    assert!(err.contains("ugyldig verdi «0» for --timeout <SEKUND>: må vere frå 1 til 3600"), "{err}");
    let err = refused(&["sjekk", "--dato", "31.02.2027", "a.pdf"]);
    assert!(err.contains("skriv DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD"), "{err}");
    let err = refused(&["--lang", "en", "sjekk", "--max-size", "5XB", "a.pdf"]);
    assert!(err.contains("use B, KB, MB or GB"), "{err}");
}
