//! The conventions of a command-line tool, tested on the built binary: shell completions that
//! load in their shells, a man page that renders.

use std::path::Path;
use std::process::{Command, Output};

fn kontrakt(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kontrakt")).args(args).output().expect("runs")
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
    for heading in ["NAME", "SYNOPSIS", "OPTIONS", "SUBCOMMANDS"] {
        assert!(text.lines().any(|l| l == heading), "no {heading} in\n{text}");
    }
    assert!(text.contains("kontrakt-sjekk(1)"), "{text}");

    // One page per subcommand, the options of `sjekk` on its own page.
    stdout(&kontrakt(&["man", dir.path().to_str().unwrap()]));
    let sjekk = Command::new("man").arg("-l").arg(dir.path().join("kontrakt-sjekk.1")).env("MANWIDTH", "80").output();
    let sjekk = stdout(&sjekk.unwrap());
    assert!(sjekk.contains("--format") && sjekk.contains("--fail-on"), "{sjekk}");
}
