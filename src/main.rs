//! The `kontrakt` command line: parses arguments into a [`Config`], picks the output sink,
//! runs [`kontrakt::check`] and turns the result into an exit code.

use std::ffi::CString;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::time::Duration;

use clap::builder::RangedU64ValueParser;
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use kontrakt::date::Date;
use kontrakt::error::PatternError;
use kontrakt::extract::worker::{self, WorkerLimits, WorkerPool, WORKER_ARG};
use kontrakt::i18n::Lang;
use kontrakt::model::{Report, Risk, Status, Summary};
use kontrakt::output::{self, Staged};
use kontrakt::patterns::Patterns;
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

/// The largest `--timeout`, in seconds.
const MAX_TIMEOUT: u64 = 3600;

/// The largest `--jobs`: each job is a thread and a PDF worker process.
const MAX_JOBS: u64 = 256;

const EXIT_STATUS: &str = "\
AVSLUTNINGSKODE (exit status):
  0  alle filene ble analysert (og ingen nådde --fail-on)
  1  minst én kontrakt nådde risikonivået i --fail-on
  2  en fil kunne ikke analyseres, eller feil bruk av kommandoen
En lukket utdatakanal (for eksempel `| head`) avslutter stille med 0.";

/// Leser signerte arbeidsavtaler (PDF, DOCX, tekst) og forteller hva som binder deg før
/// første arbeidsdag. Alt skjer lokalt; ingenting sendes noe sted. Ikke juridisk rådgivning.
#[derive(Parser)]
#[command(name = "kontrakt", version, after_help = EXIT_STATUS)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Språk i rapporten og meldingene: nb (bokmål) eller en (engelsk).
    #[arg(long, value_enum, default_value = "nb", global = true)]
    lang: LangArg,
    /// Bruk mønsterfilene (*.toml) i denne mappen i stedet for de innebygde.
    #[arg(long, value_name = "MAPPE", global = true)]
    patterns: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Sjekk én eller flere kontrakter eller mapper (alias: check).
    #[command(alias = "check", after_help = EXIT_STATUS)]
    Sjekk(SjekkArgs),
    /// List kategoriene og reglene som kontrakt leter etter (alias: patterns).
    #[command(name = "mønstre", alias = "monstre", alias = "patterns")]
    Monstre,
}

#[derive(clap::Args)]
struct SjekkArgs {
    /// Filer eller mapper (mapper gjennomsøkes rekursivt etter .pdf, .docx, .txt og bilder: .jpg, .png, .tif).
    #[arg(required = true, value_name = "STI")]
    paths: Vec<PathBuf>,
    /// Utdataformat.
    #[arg(long, value_enum, default_value = "table")]
    format: OutputFormat,
    /// Skriv til denne filen i stedet for standard ut.
    #[arg(long, short, value_name = "FIL")]
    output: Option<PathBuf>,
    /// Største filstørrelse som leses, f.eks. 100MB, 512KB eller et antall byte (høyst 1GB).
    #[arg(long, value_name = "STØRRELSE", default_value = "100MB", value_parser = parse_size)]
    max_size: u64,
    /// Ta med skjulte filer og mapper (navn som begynner med punktum).
    #[arg(long)]
    hidden: bool,
    /// Følg symbolske lenker i mapper (løkker oppdages og hoppes over).
    #[arg(long)]
    follow: bool,
    /// Avslutt med kode 1 hvis en kontrakt har minst denne risikoen.
    #[arg(long, value_enum, value_name = "NIVÅ")]
    fail_on: Option<FailOn>,
    /// Ingen fremdriftsindikator eller oppsummering på standard feil.
    #[arg(long, short)]
    quiet: bool,
    /// Dagen oppsigelsen gis, for å regne ut når fristen løper ut (DD.MM.ÅÅÅÅ, standard i dag).
    #[arg(long, value_name = "DD.MM.ÅÅÅÅ", value_parser = parse_dato)]
    dato: Option<Date>,
    /// Tidsgrense for å lese én fil, i sekunder (1 til 3600).
    #[arg(long, value_name = "SEKUNDER", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..=MAX_TIMEOUT))]
    timeout: u64,
    /// Antall filer som analyseres samtidig (1 til 256, standard: antall kjerner).
    #[arg(long, short, value_name = "N", value_parser = RangedU64ValueParser::<usize>::new().range(1..=MAX_JOBS))]
    jobs: Option<usize>,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    /// Tabell for mennesker.
    Table,
    /// Ett JSON-objekt (skjemaversjon 1), sortert etter filsti.
    Json,
    /// Én JSON-rapport per linje, skrevet så snart hver fil er ferdig.
    Jsonl,
    /// Markdown, til å legge ved en e-post til fagforeningen eller en advokat.
    Markdown,
    /// Én HTML-side med kontraktens tekst og klausulene markert etter risiko.
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum FailOn {
    /// Lav risiko eller høyere.
    Low,
    /// Middels risiko eller høyere.
    Medium,
    /// Høy risiko.
    High,
}

impl FailOn {
    fn risk(self) -> Risk {
        match self {
            FailOn::Low => Risk::Low,
            FailOn::Medium => Risk::Medium,
            FailOn::High => Risk::High,
        }
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
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    /// Norsk bokmål.
    Nb,
    /// English.
    En,
}

fn parse_dato(s: &str) -> Result<Date, String> {
    Date::parse_norwegian(s).ok_or_else(|| format!("ugyldig dato: {s} (skriv DD.MM.ÅÅÅÅ, f.eks. 24.11.2026)"))
}

fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (digits, unit) = s.split_at(split);
    let n: u64 = digits.parse().map_err(|_| format!("ugyldig størrelse: {s}"))?;
    let factor = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 1,
        "K" | "KB" => 1000,
        "M" | "MB" => 1000 * 1000,
        "G" | "GB" => 1000 * 1000 * 1000,
        _ => return Err(format!("ukjent enhet i {s} (bruk B, KB, MB eller GB)")),
    };
    match n.checked_mul(factor) {
        Some(bytes) if (1..=MAX_SIZE_LIMIT).contains(&bytes) => Ok(bytes),
        _ => Err(format!("størrelsen må være mellom 1 byte og 1GB: {s}")),
    }
}

fn main() -> ExitCode {
    // The same binary serves as a PDF extraction worker (see kontrakt::extract::worker).
    if std::env::args_os().nth(1).is_some_and(|a| a == WORKER_ARG) {
        return match worker::serve() {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::from(2),
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
    let cli = Cli::parse();
    let lang = match cli.lang {
        LangArg::Nb => Lang::Nb,
        LangArg::En => Lang::En,
    };
    let patterns = match load_patterns(cli.patterns.as_deref()) {
        Ok(p) => p,
        Err(errors) => {
            let what = if lang == Lang::Nb { "feil i mønsterfil" } else { "error in pattern file" };
            for e in errors {
                eprintln!("kontrakt: {what}: {}", sanitize::control_free(&e.to_string()));
            }
            return ExitCode::from(2);
        }
    };
    let result = match cli.command {
        Command::Sjekk(args) => run(args, patterns, lang),
        Command::Monstre => list_patterns(&patterns, lang),
    };
    match result {
        Ok(code) => code,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("kontrakt: {}", sanitize::control_free(&e.to_string()));
            ExitCode::from(2)
        }
    }
}

/// The built-in patterns, or a user's folder checked against its own examples.
fn load_patterns(dir: Option<&Path>) -> Result<Patterns, Vec<PatternError>> {
    let Some(dir) = dir else { return Patterns::builtin().map_err(|e| vec![e]) };
    let patterns = Patterns::from_dir(dir).map_err(|e| vec![e])?;
    let failures = kontrakt::check_examples(&patterns);
    if failures.is_empty() {
        Ok(patterns)
    } else {
        Err(failures)
    }
}

fn list_patterns(patterns: &Patterns, lang: Lang) -> io::Result<ExitCode> {
    let mut out = BufWriter::new(io::stdout().lock());
    for cat in &patterns.categories {
        let rules: Vec<_> =
            patterns.rules.iter().filter(|r| patterns.categories[r.category].category == cat.category).collect();
        let count = match lang {
            Lang::Nb => format!("{} regler", rules.len()),
            Lang::En => format!("{} rules", rules.len()),
        };
        writeln!(out, "{} ({}): {count}, {}", lang.category(cat.category), cat.category.as_str(), cat.file)?;
        for r in rules {
            writeln!(out, "  {}\n      {}", r.id, lang.rule_text(r, patterns))?;
            if !r.note.is_empty() {
                writeln!(out, "      {}: {}", lang.example_label(), r.note)?;
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn run(args: SjekkArgs, patterns: Patterns, lang: Lang) -> io::Result<ExitCode> {
    let mut config = Config::new(patterns);
    config.lang = lang;
    config.max_size = args.max_size;
    let today = Date::today();
    config.notice_given = args.dato.unwrap_or(today);
    // Only the HTML page shows the whole contract.
    config.keep_text = matches!(args.format, OutputFormat::Html);
    config.jobs = args.jobs.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let limits = WorkerLimits { timeout: Duration::from_secs(args.timeout), memory: WORKER_MEMORY };
    config.timeout = Some(limits.timeout);
    config.extractor = Box::new(WorkerPool::new(std::env::current_exe()?, config.jobs, limits)?);

    // The inputs are known before the output is touched: a report never overwrites a
    // contract it is about to read.
    let files = walk::expand(&args.paths, WalkOptions { hidden: args.hidden, follow: args.follow });
    let staged = match &args.output {
        Some(path) => {
            if let Some(input) = output::input_conflict(path, &files) {
                eprintln!("kontrakt: {}", lang.output_is_input(&sanitize::path(path), &sanitize::path(input)));
                return Ok(ExitCode::from(2));
            }
            let staged =
                Staged::create(path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", sanitize::path(path))))?;
            let cleanup = RemoveOnSignal::new(staged.temp_path());
            Some((staged, cleanup))
        }
        None => None,
    };
    let to_terminal = args.output.is_none() && io::stdout().is_terminal();
    let out: Box<dyn Write> = match &staged {
        Some((staged, _)) => Box::new(BufWriter::new(staged.writer()?)),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let mut sink: Box<dyn Sink> = match args.format {
        OutputFormat::Json => Box::new(JsonSink::new(out)),
        OutputFormat::Jsonl => Box::new(JsonlSink::new(out)),
        OutputFormat::Markdown => Box::new(MarkdownSink::new(out, lang, today)),
        OutputFormat::Html => Box::new(HtmlSink::new(out, lang, today)),
        OutputFormat::Table => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            let width = if to_terminal { None } else { Some(100) };
            Box::new(TableSink::new(out, TableOptions { lang, color: to_terminal && !no_color, width, today }))
        }
    };
    let show_bar = !args.quiet && files.len() >= PROGRESS_MIN_FILES && io::stderr().is_terminal();
    let bar = if show_bar { ProgressBar::new(files.len() as u64) } else { ProgressBar::hidden() };
    bar.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} {per_sec} {eta}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let mut progress =
        Progress { inner: sink.as_mut(), bar, failed_on: args.fail_on.map(FailOn::risk), reached: false };
    let summary = kontrakt::check_files(&files, &config, &mut progress)?;
    let reached = progress.reached;
    drop(sink);
    if let Some((staged, cleanup)) = staged {
        staged.commit()?;
        drop(cleanup);
    }
    if summary.errors > 0 {
        if !args.quiet {
            let what = match lang {
                Lang::Nb => format!("{} av {} filer kunne ikke analyseres", summary.errors, summary.files),
                Lang::En => format!("{} of {} files could not be analysed", summary.errors, summary.files),
            };
            eprintln!("kontrakt: {what}");
        }
        return Ok(ExitCode::from(2));
    }
    Ok(if reached { ExitCode::from(1) } else { ExitCode::SUCCESS })
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
