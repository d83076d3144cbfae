//! The `kontrakt` command line: parses arguments into a [`Config`], picks the output sink,
//! runs [`kontrakt::check`] and turns the result into an exit code.

use std::ffi::{CString, OsString};
use std::io::{self, BufWriter, IsTerminal, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::time::Duration;

use clap::builder::RangedU64ValueParser;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use kontrakt::date::Date;
use kontrakt::error::ShardError;
use kontrakt::extract::worker::{self, WorkerLimits, WorkerPool, WORKER_ARG};
use kontrakt::i18n::{BadValue, CliError, Lang};
use kontrakt::letter;
use kontrakt::model::{Language, Report, Risk, Status, Summary};
use kontrakt::output::{self, Staged};
use kontrakt::patterns::Patterns;
use kontrakt::report::batch_view::BatchViewSink;
use kontrakt::report::csv::CsvSink;
use kontrakt::report::filter::MinRisk;
use kontrakt::report::html::HtmlSink;
use kontrakt::report::json::JsonSink;
use kontrakt::report::jsonl::JsonlSink;
use kontrakt::report::markdown::MarkdownSink;
use kontrakt::report::table::{TableOptions, TableSink};
use kontrakt::report::Sink;
use kontrakt::sanitize;
use kontrakt::walk::{self, WalkOptions};
use kontrakt::Config;

/// Batches from this size get a progress bar (on a terminal).
const PROGRESS_MIN_FILES: usize = 20;

/// Address space of all PDF workers together, shared equally (at least 512 MiB each, so at
/// most four workers): a decompression bomb stops there instead of taking the machine's memory.
const WORKER_MEMORY: u64 = 2 << 30;

/// The largest `--max-size`: a file is held in memory, and a PDF must also fit in a worker's
/// address space next to its parse.
const MAX_SIZE_LIMIT: u64 = 1000 * 1000 * 1000;

/// Columns of the plain-text letter: what an e-mail client shows unwrapped.
const LETTER_WIDTH: usize = 72;

/// The largest `--timeout`, in seconds.
const MAX_TIMEOUT: u64 = 3600;

/// The largest `--jobs`: each job is a thread and a PDF worker process.
const MAX_JOBS: u64 = 256;

/// The exit statuses (`Lang::cli_exit_status` words them).
#[derive(Clone, Copy)]
enum Exit {
    /// Every file analysed, none at the risk of `--fail-on`.
    Success = 0,
    /// A contract reached the risk of `--fail-on`.
    RiskReached = 1,
    /// A file could not be analysed, or the command was used wrongly (clap's usage errors
    /// exit with 2 as well).
    Error = 2,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit as u8)
    }
}

// The help texts are in `Lang::cli_help`: `localized` puts them in.
#[derive(Parser)]
#[command(name = "kontrakt", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[arg(long, value_enum, value_name = "SPRÅK", global = true, env = "KONTRAKT_LANG")]
    lang: Option<LangArg>,
    #[arg(long, value_enum, value_name = "NÅR", default_value = "auto", global = true)]
    color: ColorWhen,
    #[arg(long, value_name = "MAPPE", global = true)]
    patterns: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    #[command(alias = "check")]
    Sjekk(SjekkArgs),
    #[command(alias = "merge")]
    Samle(SamleArgs),
    #[command(alias = "letter")]
    Brev(BrevArgs),
    #[command(name = "mønstre", alias = "monstre", alias = "patterns")]
    Monstre,
    Completions {
        #[arg(value_name = "SKALL")]
        shell: clap_complete::Shell,
    },
    Man {
        #[arg(value_name = "MAPPE")]
        dir: Option<PathBuf>,
    },
    /// A path in the place of a subcommand: `kontrakt avtale.pdf` runs `sjekk` on it.
    #[command(external_subcommand)]
    Path(Vec<OsString>),
}

#[derive(clap::Args)]
struct SjekkArgs {
    #[arg(required = true, value_name = "STI")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    out: OutputArgs,
    #[arg(long, value_name = "STØRRELSE", default_value = "100MB", value_parser = parse_size)]
    max_size: u64,
    #[arg(long, short = 'H')]
    hidden: bool,
    #[arg(long, short = 'L')]
    follow: bool,
    #[arg(long, value_enum, value_name = "NIVÅ")]
    fail_on: Option<RiskLevel>,
    #[arg(long, short)]
    quiet: bool,
    #[arg(long, alias = "date", value_name = "DD.MM.ÅÅÅÅ", value_parser = parse_dato)]
    dato: Option<Date>,
    #[arg(long, value_name = "KOLONNER", value_parser = clap::value_parser!(u16).range(40..=1000))]
    width: Option<u16>,
    #[arg(long, value_name = "SEKUNDER", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..=MAX_TIMEOUT))]
    timeout: u64,
    #[arg(long, short, value_name = "N", value_parser = RangedU64ValueParser::<usize>::new().range(1..=MAX_JOBS))]
    jobs: Option<usize>,
}

/// How the report is written, for `sjekk` and `samle` alike.
#[derive(clap::Args)]
struct OutputArgs {
    #[arg(long, short, value_enum, value_name = "FORMAT", default_value = "table", env = "KONTRAKT_FORMAT")]
    format: OutputFormat,
    #[arg(long, short, value_name = "FIL")]
    output: Option<PathBuf>,
    #[arg(long, value_enum, value_name = "NIVÅ")]
    min_risk: Option<RiskLevel>,
    #[arg(long, visible_alias = "details")]
    detaljer: bool,
    #[arg(long)]
    summary: bool,
}

#[derive(clap::Args)]
struct SamleArgs {
    #[arg(required = true, value_name = "JSONL")]
    shards: Vec<PathBuf>,
    #[command(flatten)]
    out: OutputArgs,
}

#[derive(clap::Args)]
struct BrevArgs {
    #[arg(value_name = "FIL")]
    path: PathBuf,
    #[arg(long, value_enum, default_value = "text")]
    format: LetterFormat,
    #[arg(long, alias = "date", value_name = "DD.MM.ÅÅÅÅ", value_parser = parse_dato)]
    dato: Option<Date>,
}

#[derive(Clone, Copy, ValueEnum)]
enum LetterFormat {
    Text,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    Table,
    Json,
    Csv,
    Jsonl,
    Markdown,
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum RiskLevel {
    Low,
    Medium,
    High,
}

impl RiskLevel {
    fn risk(self) -> Risk {
        match self {
            RiskLevel::Low => Risk::Low,
            RiskLevel::Medium => Risk::Medium,
            RiskLevel::High => Risk::High,
        }
    }
}

/// Makes the output sink in a language.
type MakeSink = Box<dyn FnOnce(Lang) -> Box<dyn Sink>>;

/// Makes the real sink for the first report, in nynorsk when that contract is in nynorsk,
/// and words the report's explanations in that language.
struct ContractLanguage {
    make: Option<MakeSink>,
    inner: Option<Box<dyn Sink>>,
    /// The language the reports were made in.
    lang: Lang,
}

impl ContractLanguage {
    fn inner(&mut self, lang: Lang) -> &mut dyn Sink {
        let make = &mut self.make;
        self.inner.get_or_insert_with(|| (make.take().expect("made once"))(lang)).as_mut()
    }
}

impl Sink for ContractLanguage {
    fn report(&mut self, report: &Report) -> io::Result<()> {
        let lang = if report.language == Some(Language::Nn) { Lang::Nn } else { self.lang };
        if lang == self.lang {
            return self.inner(lang).report(report);
        }
        let mut report = report.clone();
        kontrakt::report::localize(&mut report, lang);
        self.inner(lang).report(&report)
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        let lang = self.lang;
        self.inner(lang).finish(summary)
    }

    // The real sink is made with the first report, too late to ask it; this wrapper serves a
    // single file, whose text is cheap to keep.
    fn needs_text(&self) -> bool {
        true
    }
}

/// Passes reports on to the real sink and moves the progress bar.
struct Progress<'a> {
    inner: &'a mut dyn Sink,
    bar: ProgressBar,
    failed_on: Option<Risk>,
    reached: bool,
}

impl Sink for Progress<'_> {
    fn report(&mut self, report: &Report) -> io::Result<()> {
        self.bar.inc(1);
        self.reached |= self.failed_on.is_some_and(|level| report.status == Status::Ok && report.risk >= level);
        self.bar.suspend(|| self.inner.report(report))
    }

    fn finish(&mut self, summary: &Summary) -> io::Result<()> {
        self.bar.finish_and_clear();
        self.inner.finish(summary)
    }

    fn ordered(&self) -> bool {
        self.inner.ordered()
    }

    fn needs_text(&self) -> bool {
        self.inner.needs_text()
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    /// Norsk bokmål.
    Nb,
    /// Norsk nynorsk.
    Nn,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Lang {
        match lang {
            LangArg::Nb => Lang::Nb,
            LangArg::Nn => Lang::Nn,
            LangArg::En => Lang::En,
        }
    }
}

fn parse_dato(s: &str) -> Result<Date, BadValue> {
    Date::parse(s).ok_or(BadValue::Date)
}

fn parse_size(s: &str) -> Result<u64, BadValue> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (digits, unit) = s.split_at(split);
    let range = BadValue::Range { min: 1, max: MAX_SIZE_LIMIT };
    let n: u64 = digits.parse().map_err(|_| range)?;
    let factor = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KB" => 1000,
        "M" | "MB" => 1000 * 1000,
        "G" | "GB" => 1000 * 1000 * 1000,
        _ => return Err(BadValue::SizeUnit),
    };
    match n.checked_mul(factor) {
        Some(bytes) if (1..=MAX_SIZE_LIMIT).contains(&bytes) => Ok(bytes),
        _ => Err(range),
    }
}

fn main() -> ExitCode {
    // The same binary serves as a PDF extraction worker (see kontrakt::extract::worker).
    if std::env::args_os().nth(1).is_some_and(|a| a == WORKER_ARG) {
        return match worker::serve() {
            Ok(()) => Exit::Success.into(),
            Err(_) => Exit::Error.into(),
        };
    }
    // Files are analysed on worker threads, where the library turns a panic into that file's
    // "internal" error report; the panic text would only clutter the terminal. A panic on the
    // main thread is a bug in the command itself and is still printed.
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() == Some("main") {
            default_hook(info);
        }
    }));
    let cli = parse_cli();
    if matches!(cli.color, ColorWhen::Always) {
        // The table's colours come from crossterm, which obeys NO_COLOR by itself; an explicit
        // flag wins over the variable. No other thread runs yet.
        std::env::remove_var("NO_COLOR");
    }
    let chosen = cli.lang.map(Lang::from);
    let lang = chosen.unwrap_or_default();
    // The grammar loads on its own thread while `sjekk` walks the paths and reads a single file
    // (or starts a batch's first PDF reader): a one-file run waits for the slower of the two,
    // not for both.
    let loading = std::thread::spawn({
        let dir = cli.patterns.clone();
        move || kontrakt::load_patterns(dir.as_deref())
    });
    let patterns = move || -> Result<Patterns, ExitCode> {
        match loading.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)) {
            Ok(p) => Ok(p),
            Err(errors) => {
                let what = lang.pattern_file_error();
                for e in errors {
                    eprintln!("kontrakt: {what}: {}", sanitize::control_free(&e.to_string()));
                }
                Err(Exit::Error.into())
            }
        }
    };
    let result = match cli.command {
        Command::Sjekk(args) => run(args, patterns, lang, chosen.is_none(), cli.color),
        Command::Samle(args) => samle(args, lang, cli.color),
        Command::Brev(args) => match patterns() {
            Ok(patterns) => write_letter(args, patterns, chosen),
            Err(code) => Ok(code),
        },
        Command::Monstre => match patterns() {
            Ok(patterns) => list_patterns(&patterns, lang),
            Err(code) => Ok(code),
        },
        Command::Completions { shell } => {
            // Generated into memory: clap_complete panics on a failed write (`| head`).
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut localized(lang), "kontrakt", &mut script);
            io::stdout().write_all(&script).map(|()| Exit::Success.into())
        }
        Command::Man { dir: None } => {
            clap_mangen::Man::new(localized_as(lang, true)).render(&mut io::stdout()).map(|()| Exit::Success.into())
        }
        Command::Man { dir: Some(dir) } => {
            clap_mangen::generate_to(localized_as(lang, true), dir).map(|()| Exit::Success.into())
        }
        Command::Path(_) => unreachable!("parse_cli turns a bare path into sjekk"),
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Exit::Success.into(),
        Err(e) => {
            eprintln!("kontrakt: {}", sanitize::control_free(&e.to_string()));
            Exit::Error.into()
        }
    }
}

/// The command line, with `--version` naming the pattern set and the law table, and a bare
/// path read as `sjekk` with it. Help and usage errors are in the language asked for.
fn parse_cli() -> Cli {
    let mut args: Vec<OsString> = std::env::args_os().collect();
    let lang = help_lang(&args);
    let command = localized(lang);
    let parse = |args: &[OsString]| {
        let matches = command.clone().try_get_matches_from(args).unwrap_or_else(|e| usage_error(e, lang, args));
        Cli::from_arg_matches(&matches).unwrap_or_else(|e| usage_error(e, lang, args))
    };
    let cli = parse(&args);
    let Command::Path(rest) = &cli.command else { return cli };
    // The external subcommand is the tail of the arguments, from the path on.
    args.insert(args.len() - rest.len(), "sjekk".into());
    parse(&args)
}

/// The language of the help and of usage errors, known before the arguments are parsed:
/// `--lang`, then `KONTRAKT_LANG`.
fn help_lang(args: &[OsString]) -> Lang {
    let given = args.windows(2).rev().find_map(|w| match (w[0].to_str(), w[1].to_str()) {
        (Some("--lang"), Some(v)) => Some(v.to_string()),
        (_, Some(a)) => a.strip_prefix("--lang=").map(str::to_string),
        _ => None,
    });
    let named = given.or_else(|| std::env::var("KONTRAKT_LANG").ok());
    named.and_then(|v| LangArg::from_str(&v, false).ok()).map_or(Lang::Nb, Lang::from)
}

/// The clap definition with every help text, value name and heading in `lang`.
fn localized(lang: Lang) -> clap::Command {
    localized_as(lang, false)
}

/// `localized`, with the section headings of a man page (upper case) when `man`.
fn localized_as(lang: Lang, man: bool) -> clap::Command {
    let details = lang.version_details(&Patterns::builtin_version(), Date::today());
    let mut cmd = Cli::command().long_version(format!("{}\n{details}", env!("CARGO_PKG_VERSION")));
    // Built first, so that clap's own help flags and `help` subcommand are there to word.
    cmd.build();
    let long = format!(
        "{}\n\n{}",
        lang.cli_help("kontrakt").unwrap_or_default(),
        lang.cli_help("kontrakt (long)").unwrap_or_default()
    );
    localize(cmd, lang, "kontrakt", man).long_about(long)
}

fn localize(cmd: clap::Command, lang: Lang, path: &str, man: bool) -> clap::Command {
    let [usage, commands, arguments, options] =
        lang.cli_headings().map(|h| if man { h.to_uppercase() } else { h.to_string() });
    let name = cmd.get_name().to_string();
    let mut cmd = cmd
        // `kontrakt help sjekk` tells what `kontrakt sjekk` is.
        .about(lang.cli_help(&path.replacen("kontrakt help ", "kontrakt ", 1)))
        .help_template(format!(
            "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{{all-args}}{{after-help}}"
        ))
        .subcommand_help_heading(commands)
        .subcommand_value_name(lang.cli_value_name("UNDERKOMMANDO").unwrap_or_default())
        .mut_args(|arg| {
            let id = arg.get_id().as_str();
            let text = lang.cli_help(&format!("{name}.{id}")).or_else(|| lang.cli_help(id));
            let value_names: Vec<String> = arg
                .get_value_names()
                .unwrap_or_default()
                .iter()
                .map(|v| lang.cli_value_name(v.as_str()).unwrap_or(v.as_str()).to_string())
                .collect();
            let heading = if arg.is_positional() { &arguments } else { &options };
            let arg = arg.help(text).long_help(None::<&str>).help_heading(heading);
            if value_names.is_empty() {
                arg
            } else {
                arg.value_names(value_names)
            }
        });
    let usage = cmd.render_usage().to_string().replace("[OPTIONS]", lang.cli_options_placeholder());
    cmd = cmd.override_usage(usage.trim_start().strip_prefix("Usage:").unwrap_or(&usage).trim().to_string());
    if matches!(name.as_str(), "sjekk" | "samle" | "kontrakt") {
        cmd = cmd.after_help(lang.cli_exit_status());
    }
    if name == "sjekk" {
        cmd = cmd.before_help(lang.cli_sjekk_examples());
    }
    let subcommands: Vec<String> = cmd.get_subcommands().map(|c| c.get_name().to_string()).collect();
    for sub in subcommands {
        let sub_path = format!("{path} {sub}");
        cmd = cmd.mut_subcommand(&sub, |c| localize(c, lang, &sub_path, man));
    }
    cmd
}

/// Prints a refused command line (or the help or version asked for) and exits as clap
/// does: 0 for help and version, 2 for a usage error.
fn usage_error(e: clap::Error, lang: Lang, args: &[OsString]) -> ! {
    use clap::error::{ContextKind, ErrorKind};
    if lang == Lang::En
        || matches!(
            e.kind(),
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
        )
    {
        e.exit()
    }
    let get = |kind| e.get(kind).map(|v| v.to_string()).unwrap_or_default();
    let (arg, value) = (get(ContextKind::InvalidArg), get(ContextKind::InvalidValue));
    let message = match e.kind() {
        ErrorKind::UnknownArgument => {
            let suggestion = get(ContextKind::SuggestedArg);
            let suggestion = (!suggestion.is_empty()).then_some(suggestion.as_str());
            lang.cli_error(CliError::UnknownArgument { arg: &arg, suggestion })
        }
        ErrorKind::InvalidValue if !get(ContextKind::ValidValue).is_empty() => {
            lang.cli_error(CliError::InvalidValue { value: &value, arg: &arg, valid: &get(ContextKind::ValidValue) })
        }
        ErrorKind::ValueValidation | ErrorKind::InvalidValue => {
            let source = std::error::Error::source(&e);
            // clap's own range check says "0 is not in 1..=3600".
            let range = || {
                let text = source?.to_string();
                let (min, max) = text.split_once(" is not in ")?.1.split_once("..=")?;
                Some(BadValue::Range { min: min.parse().ok()?, max: max.parse().ok()? })
            };
            let why = source.and_then(|s| s.downcast_ref::<BadValue>()).copied().or_else(range);
            lang.cli_error(CliError::Validation { value: &value, arg: &arg, why: why.unwrap_or(BadValue::Other) })
        }
        ErrorKind::MissingRequiredArgument => lang.cli_error(CliError::Missing { args: &arg }),
        _ => e.exit(),
    };
    // The command refused: the first argument that names one of its subcommands.
    let mut cmd = localized(lang);
    let sub = args
        .iter()
        .skip(1)
        .filter_map(|a| a.to_str())
        .find_map(|a| cmd.find_subcommand(a))
        .map(|c| c.get_name().to_string());
    let (command, usage) = match sub.and_then(|name| cmd.find_subcommand_mut(&name)) {
        Some(sub) => (format!("kontrakt {}", sub.get_name()), sub.render_usage().to_string()),
        None => ("kontrakt".to_string(), cmd.render_usage().to_string()),
    };
    let usage = usage.trim_start().strip_prefix("Usage:").unwrap_or(&usage).trim();
    let [heading, ..] = lang.cli_headings();
    eprintln!(
        "kontrakt: {}\n\n{heading} {usage}\n\n{}",
        sanitize::control_free(&message),
        lang.cli_more_help(&command)
    );
    std::process::exit(Exit::Error as i32)
}

fn list_patterns(patterns: &Patterns, lang: Lang) -> io::Result<ExitCode> {
    let mut out = BufWriter::new(io::stdout().lock());
    // A rule shows a group by its name; here, once, what each group holds.
    if !patterns.groups.is_empty() {
        writeln!(out, "{}", lang.groups_count(patterns.groups.len()))?;
        for g in &patterns.groups {
            writeln!(out, "  {} = {}", g.name, g.written.join(" | "))?;
        }
    }
    for cat in &patterns.categories {
        let rules: Vec<_> =
            patterns.rules.iter().filter(|r| patterns.categories[r.category].category == cat.category).collect();
        let count = lang.rules_count(rules.len());
        writeln!(out, "{} ({}): {count}, {}", lang.category(cat.category), cat.category.as_str(), cat.file)?;
        for r in rules {
            writeln!(out, "  {}\n      {}", r.id, lang.rule_text(r))?;
            if !r.note.is_empty() {
                writeln!(out, "      {}: {}", lang.example_label(), r.note)?;
            }
        }
    }
    out.flush()?;
    Ok(Exit::Success.into())
}

/// `kontrakt brev`: the letter for one contract, in the contract's language unless `--lang`.
fn write_letter(args: BrevArgs, patterns: Patterns, chosen: Option<Lang>) -> io::Result<ExitCode> {
    let mut config = Config::new(patterns);
    config.lang = chosen.unwrap_or_default();
    config.keep_text = true;
    config.notice_given = args.dato.unwrap_or_else(Date::today);
    config.jobs = 1;
    let limits = WorkerLimits { timeout: Duration::from_secs(30), memory: WORKER_MEMORY };
    config.timeout = Some(limits.timeout);
    config.extractor = Box::new(WorkerPool::new(std::env::current_exe()?, 1, limits)?);
    let report = kontrakt::analyze(&args.path, &config);
    if let Some(e) = report.error() {
        eprintln!("kontrakt: {}: {}", report.file, e.message);
        return Ok(Exit::Error.into());
    }
    let lang = chosen.unwrap_or(match report.language {
        Some(Language::Nn) => Lang::Nn,
        Some(Language::En) => Lang::En,
        _ => Lang::Nb,
    });
    let Some(drafted) = letter::letter(&report, lang) else { return Ok(Exit::Error.into()) };
    let text = match args.format {
        LetterFormat::Text => letter::text(&drafted, LETTER_WIDTH),
        LetterFormat::Markdown => letter::markdown(&drafted),
    };
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(Exit::Success.into())
}

/// Checks the contracts; `follow` (no `--lang`) reports a single nynorsk contract in nynorsk.
fn run(
    args: SjekkArgs,
    patterns: impl FnOnce() -> Result<Patterns, ExitCode>,
    lang: Lang,
    follow: bool,
    color: ColorWhen,
) -> io::Result<ExitCode> {
    let jobs = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let limits = WorkerLimits { timeout: Duration::from_secs(args.timeout), memory: WORKER_MEMORY };
    let pool = WorkerPool::new(std::env::current_exe()?, jobs, limits)?;
    // The inputs are known before the output is touched: a report never overwrites a
    // contract it is about to read.
    let files = walk::expand(&args.paths, WalkOptions { hidden: args.hidden, follow: args.follow });
    // A single file is read while the grammar loads; a batch gets its first PDF reader started.
    let loaded = std::thread::scope(|s| {
        match files.as_slice() {
            [one] => drop(s.spawn(|| pool.read_ahead(one, args.max_size))),
            _ if files.iter().any(|f| walk::read_by_worker(f)) => pool.start_one(),
            _ => {}
        }
        patterns()
    });
    let mut config = match loaded {
        Ok(patterns) => Config::new(patterns),
        Err(code) => return Ok(code),
    };
    config.lang = lang;
    config.max_size = args.max_size;
    let today = Date::today();
    config.notice_given = args.dato.unwrap_or(today);
    config.jobs = jobs;
    config.timeout = Some(limits.timeout);
    config.extractor = Box::new(pool);
    let nothing_found = warn_unmatched(&args.paths, &files, args.hidden, lang);
    let (make, staged) = match open_output(&args.out, &files, files.len() > 1, lang, today, color, args.width)? {
        Ok(opened) => opened,
        Err(code) => return Ok(code),
    };
    let mut sink: Box<dyn Sink> = if follow && files.len() == 1 {
        Box::new(ContractLanguage { make: Some(make), inner: None, lang })
    } else {
        make(lang)
    };
    let show_bar = !args.quiet && files.len() >= PROGRESS_MIN_FILES && io::stderr().is_terminal();
    let bar = if show_bar { ProgressBar::new(files.len() as u64) } else { ProgressBar::hidden() };
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut progress =
        Progress { inner: sink.as_mut(), bar, failed_on: args.fail_on.map(RiskLevel::risk), reached: false };
    let summary = kontrakt::check_files(&files, &config, &mut progress)?;
    let reached = progress.reached;
    close_output(sink, staged)?;
    if summary.errors > 0 {
        if !args.quiet {
            let what = lang.not_analysed_count(summary.errors, summary.files);
            eprintln!("kontrakt: {what}");
        }
        return Ok(Exit::Error.into());
    }
    if nothing_found {
        return Ok(Exit::Error.into());
    }
    Ok(if reached { Exit::RiskReached } else { Exit::Success }.into())
}

/// The output file, staged beside its target until it is complete, with the handler that
/// removes it on a signal.
type StagedOutput = Option<(Staged, RemoveOnSignal)>;

/// The maker of the sink (given the report's language), and the staged file it writes to.
type Opened = (MakeSink, StagedOutput);

/// The sink of the chosen format writing to the output file or stdout (the table is the batch
/// view for a `batch`); or the exit code when the arguments are refused (`--summary` without
/// JSON Lines, an output that is one of the `inputs`). `lang` is for the messages here.
fn open_output(
    args: &OutputArgs,
    inputs: &[PathBuf],
    batch: bool,
    lang: Lang,
    today: Date,
    color: ColorWhen,
    width: Option<u16>,
) -> io::Result<Result<Opened, ExitCode>> {
    if args.summary && !matches!(args.format, OutputFormat::Jsonl) {
        eprintln!("kontrakt: {}", lang.summary_needs_jsonl());
        return Ok(Err(Exit::Error.into()));
    }
    let output = args.output.as_ref().filter(|p| p.as_os_str() != "-");
    let staged = match output {
        Some(path) => {
            if let Some(input) = output::input_conflict(path, inputs) {
                eprintln!("kontrakt: {}", lang.output_is_input(&sanitize::path(path), &sanitize::path(input)));
                return Ok(Err(Exit::Error.into()));
            }
            let staged =
                Staged::create(path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", sanitize::path(path))))?;
            let cleanup = RemoveOnSignal::new(staged.temp_path());
            Some((staged, cleanup))
        }
        None => None,
    };
    let to_terminal = output.is_none() && io::stdout().is_terminal();
    let out: Box<dyn Write> = match &staged {
        Some((staged, _)) => Box::new(BufWriter::new(staged.writer()?)),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let (format, summary, detaljer, min_risk) = (args.format, args.summary, args.detaljer, args.min_risk);
    let make = move |lang: Lang| -> Box<dyn Sink> {
        let sink: Box<dyn Sink> = match format {
            OutputFormat::Json => Box::new(JsonSink::new(out)),
            OutputFormat::Jsonl => Box::new(JsonlSink::new(out).with_summary(summary)),
            OutputFormat::Csv => Box::new(CsvSink::new(out)),
            OutputFormat::Markdown => Box::new(MarkdownSink::new(out, lang, today)),
            OutputFormat::Html => Box::new(HtmlSink::new(out, lang, today)),
            OutputFormat::Table => {
                // --width, then COLUMNS (as shells and `less` set it), then the terminal's, else 100.
                let columns =
                    std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse::<u16>().ok()).filter(|&c| c >= 40);
                let width = width.or(columns).or(if to_terminal { None } else { Some(100) });
                let options = TableOptions { lang, color: use_color(color, to_terminal), width, today };
                // One row per file for a batch, unless the full reports are asked for.
                if batch && !detaljer {
                    Box::new(BatchViewSink::new(out, options))
                } else {
                    Box::new(TableSink::new(out, options))
                }
            }
        };
        match min_risk {
            Some(level) => Box::new(MinRisk::new(sink, level.risk())),
            None => sink,
        }
    };
    Ok(Ok((Box::new(make), staged)))
}

/// Ends the output: the sink is dropped (its writer flushed) and a staged file renamed into
/// place.
fn close_output(sink: Box<dyn Sink>, staged: StagedOutput) -> io::Result<()> {
    drop(sink);
    if let Some((staged, cleanup)) = staged {
        staged.commit()?;
        drop(cleanup);
    }
    Ok(())
}

/// `kontrakt samle`: the JSON Lines of separate runs as one result.
fn samle(args: SamleArgs, lang: Lang, color: ColorWhen) -> io::Result<ExitCode> {
    if matches!(args.out.format, OutputFormat::Html) {
        eprintln!("kontrakt: {}", lang.merge_has_no_html());
        return Ok(Exit::Error.into());
    }
    // Shards hold many files each: the table is the batch view unless --detaljer.
    let (make, staged) = match open_output(&args.out, &args.shards, true, lang, Date::today(), color, None)? {
        Ok(opened) => opened,
        Err(code) => return Ok(code),
    };
    let mut sink = make(lang);
    let merged = kontrakt::shard::merge(&args.shards, sink.as_mut());
    match merged {
        Ok(summary) => {
            close_output(sink, staged)?;
            Ok(if summary.errors > 0 { Exit::Error } else { Exit::Success }.into())
        }
        Err(ShardError::Output(e)) => Err(e),
        Err(e) => {
            // Nothing half-merged is left behind: a staged file is dropped unrenamed.
            eprintln!("kontrakt: {}", lang.shard_error(&e));
            Ok(Exit::Error.into())
        }
    }
}

/// Warns on stderr about each path that matches no contract (a missing path, a folder without
/// contracts), naming what was looked for; returns whether there was one.
fn warn_unmatched(paths: &[PathBuf], files: &[PathBuf], hidden: bool, lang: Lang) -> bool {
    let missing = paths.iter().filter(|p| p.as_os_str() != kontrakt::source::STDIN && p.symlink_metadata().is_err());
    let mut warned = false;
    for path in missing {
        eprintln!("kontrakt: {}", lang.no_such_path(&sanitize::path(path)));
        warned = true;
    }
    for dir in walk::empty_folders(paths, files) {
        eprintln!("kontrakt: {}", lang.no_contracts_in(&sanitize::path(dir), hidden));
        warned = true;
    }
    warned
}

/// `auto` colours a terminal unless NO_COLOR is set (to anything but the empty string) or the
/// terminal is TERM=dumb.
fn use_color(when: ColorWhen, to_terminal: bool) -> bool {
    match when {
        ColorWhen::Always => true,
        ColorWhen::Never => false,
        ColorWhen::Auto => {
            to_terminal
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
        }
    }
}

/// The staged report file that a signal handler removes before the process dies: a C string
/// owned by [`RemoveOnSignal`], or null.
static STAGED: AtomicPtr<libc::c_char> = AtomicPtr::new(std::ptr::null_mut());

/// While alive, SIGINT, SIGTERM and SIGHUP remove the staged report file, so an interrupted
/// run leaves neither a torn report nor a temporary file; the signal then ends the process
/// as it would have.
struct RemoveOnSignal;

impl RemoveOnSignal {
    fn new(temp: Option<&Path>) -> RemoveOnSignal {
        if let Some(path) = temp.and_then(|p| CString::new(p.as_os_str().as_bytes()).ok()) {
            STAGED.store(path.into_raw(), Ordering::SeqCst);
            for signal in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
                // SAFETY: the handler only calls async-signal-safe functions.
                unsafe { libc::signal(signal, on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t) };
            }
        }
        RemoveOnSignal
    }
}

impl Drop for RemoveOnSignal {
    fn drop(&mut self) {
        let path = STAGED.swap(std::ptr::null_mut(), Ordering::SeqCst);
        if !path.is_null() {
            // SAFETY: the pointer came from CString::into_raw and the handler no longer sees it.
            drop(unsafe { CString::from_raw(path) });
        }
    }
}

extern "C" fn on_signal(signal: libc::c_int) {
    let path = STAGED.swap(std::ptr::null_mut(), Ordering::SeqCst);
    // SAFETY: unlink, signal and raise are async-signal-safe; `path` is null or a live C string
    // (it is only freed after being swapped out).
    unsafe {
        if !path.is_null() {
            libc::unlink(path);
        }
        libc::signal(signal, libc::SIG_DFL);
        libc::raise(signal);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_and_argument_has_help_in_every_language() {
        fn walk(cmd: &clap::Command, lang: Lang, path: &str) {
            assert!(cmd.get_about().is_some(), "{lang:?}: {path} has no help");
            for arg in cmd.get_arguments() {
                assert!(arg.get_help().is_some(), "{lang:?}: {path} {} has no help", arg.get_id());
            }
            for sub in cmd.get_subcommands() {
                walk(sub, lang, &format!("{path} {}", sub.get_name()));
            }
        }
        for lang in [Lang::Nb, Lang::Nn, Lang::En] {
            walk(&localized(lang), lang, "kontrakt");
        }
        // The value names as the definition writes them (in bokmål) all have translations.
        let mut cmd = Cli::command();
        cmd.build();
        let mut commands = vec![&cmd];
        while let Some(c) = commands.pop() {
            commands.extend(c.get_subcommands());
            for arg in c.get_arguments().filter(|a| a.get_action().takes_values()) {
                for name in arg.get_value_names().unwrap_or_default() {
                    assert!(Lang::En.cli_value_name(name.as_str()).is_some(), "value name {name} not translated");
                }
            }
        }
    }
}
