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
use kontrakt::error::PatternError;
use kontrakt::extract::worker::{self, WorkerLimits, WorkerPool, WORKER_ARG};
use kontrakt::i18n::Lang;
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
use kontrakt::shard::ShardError;
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

const EXIT_STATUS: &str = "\
AVSLUTNINGSKODE (exit status):
  0  alle filene ble analysert (og ingen nådde --fail-on)
  1  minst én kontrakt nådde risikonivået i --fail-on
  2  en fil kunne ikke analyseres, en sti ga ingen kontrakt, eller feil bruk av kommandoen
En lukket utdatakanal (for eksempel `| head`) avslutter stille med 0.";

/// The exit statuses of [`EXIT_STATUS`].
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

const SJEKK_EXAMPLES: &str = "\
Eksempler:
  kontrakt avtale.pdf                           sjekk én kontrakt (det samme som kontrakt sjekk avtale.pdf)
  kontrakt sjekk -f html -o rapport.html avtale.docx
  kontrakt sjekk -f json --fail-on high kontrakter/ > rapport.json
  pdftotext avtale.pdf - | kontrakt sjekk -     les kontrakten fra standard inn";

/// Leser signerte arbeidsavtaler (PDF, DOCX, tekst) og forteller hva som binder deg før
/// første arbeidsdag. Alt skjer lokalt; ingenting sendes noe sted. Ikke juridisk rådgivning.
///
/// `kontrakt STI…` uten underkommando er det samme som `kontrakt sjekk STI…`.
#[derive(Parser)]
#[command(name = "kontrakt", version, after_help = EXIT_STATUS)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Språk i rapporten og meldingene: nb (bokmål), nn (nynorsk) eller en (engelsk).
    /// Standard: bokmål, nynorsk for én nynorsk kontrakt; for brev kontraktens språk.
    #[arg(long, value_enum, global = true, env = "KONTRAKT_LANG")]
    lang: Option<LangArg>,
    /// Farger: auto (bare på en terminal, og ikke med NO_COLOR eller TERM=dumb), always eller never.
    #[arg(long, value_enum, value_name = "NÅR", default_value = "auto", global = true)]
    color: ColorWhen,
    /// Bruk mønsterfilene (*.toml) i denne mappen i stedet for de innebygde.
    #[arg(long, value_name = "MAPPE", global = true)]
    patterns: Option<PathBuf>,
}

#[derive(Subcommand)]
enum Command {
    /// Sjekk én eller flere kontrakter eller mapper (alias: check).
    #[command(alias = "check", before_help = SJEKK_EXAMPLES, after_help = EXIT_STATUS)]
    Sjekk(SjekkArgs),
    /// Slå sammen JSONL-filer fra separate kjøringer til ett resultat (alias: merge).
    #[command(alias = "merge", after_help = EXIT_STATUS)]
    Samle(SamleArgs),
    /// Skriv et utkast til den skriftlige oppsigelsen du sender arbeidsgiveren (alias: letter).
    #[command(alias = "letter")]
    Brev(BrevArgs),
    /// List kategoriene og reglene som kontrakt leter etter (alias: patterns).
    #[command(name = "mønstre", alias = "monstre", alias = "patterns")]
    Monstre,
    /// Skriv et skript for fullføring av kommandoen i skallet (bash, zsh, fish, powershell).
    Completions {
        /// Skallet skriptet er for.
        #[arg(value_name = "SKALL")]
        shell: clap_complete::Shell,
    },
    /// Skriv manualsiden (man-format) til standard ut, eller alle sidene til en mappe.
    Man {
        /// Skriv kontrakt.1 og én side per underkommando (kontrakt-sjekk.1, …) hit.
        #[arg(value_name = "MAPPE")]
        dir: Option<PathBuf>,
    },
    /// A path in the place of a subcommand: `kontrakt avtale.pdf` runs `sjekk` on it.
    #[command(external_subcommand)]
    Path(Vec<OsString>),
}

#[derive(clap::Args)]
struct SjekkArgs {
    /// Filer eller mapper (mapper gjennomsøkes rekursivt etter .pdf, .docx, .txt og bilder: .jpg, .png, .tif); - er standard inn.
    #[arg(required = true, value_name = "STI")]
    paths: Vec<PathBuf>,
    #[command(flatten)]
    out: OutputArgs,
    /// Største filstørrelse som leses, f.eks. 100MB, 512KB eller et antall byte (høyst 1GB).
    #[arg(long, value_name = "STØRRELSE", default_value = "100MB", value_parser = parse_size)]
    max_size: u64,
    /// Ta med skjulte filer og mapper (navn som begynner med punktum).
    #[arg(long, short = 'H')]
    hidden: bool,
    /// Følg symbolske lenker i mapper (løkker oppdages og hoppes over).
    #[arg(long, short = 'L')]
    follow: bool,
    /// Avslutt med kode 1 hvis en kontrakt har minst denne risikoen.
    #[arg(long, value_enum, value_name = "NIVÅ")]
    fail_on: Option<RiskLevel>,
    /// Ingen fremdriftsindikator eller oppsummering på standard feil.
    #[arg(long, short)]
    quiet: bool,
    /// Dagen oppsigelsen gis, for å regne ut når fristen løper ut (DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD, standard i dag).
    #[arg(long, alias = "date", value_name = "DD.MM.ÅÅÅÅ", value_parser = parse_dato)]
    dato: Option<Date>,
    /// Tabellens bredde i tegn (standard: COLUMNS, terminalen eller 100); under 100 stables funnene.
    #[arg(long, value_name = "KOLONNER", value_parser = clap::value_parser!(u16).range(40..=1000))]
    width: Option<u16>,
    /// Tidsgrense for å lese én fil, i sekunder (1 til 3600). Hver side som leses med OCR,
    /// gir fila en sjettedel mer (høyst 40 sider).
    #[arg(long, value_name = "SEKUNDER", default_value_t = 30,
          value_parser = clap::value_parser!(u64).range(1..=MAX_TIMEOUT))]
    timeout: u64,
    /// Antall filer som analyseres samtidig (1 til 256, standard: antall kjerner).
    #[arg(long, short, value_name = "N", value_parser = RangedU64ValueParser::<usize>::new().range(1..=MAX_JOBS))]
    jobs: Option<usize>,
}

/// How the report is written, for `sjekk` and `samle` alike.
#[derive(clap::Args)]
struct OutputArgs {
    /// Utdataformat.
    #[arg(long, short, value_enum, default_value = "table", env = "KONTRAKT_FORMAT")]
    format: OutputFormat,
    /// Skriv til denne filen i stedet for standard ut (- er standard ut).
    #[arg(long, short, value_name = "FIL")]
    output: Option<PathBuf>,
    /// Vis bare kontrakter med minst denne risikoen (og filer med feil); oppsummeringen teller alle.
    #[arg(long, value_enum, value_name = "NIVÅ")]
    min_risk: Option<RiskLevel>,
    /// Full rapport for hver fil også når flere filer vises (alias: --details).
    #[arg(long, visible_alias = "details")]
    detaljer: bool,
    /// Med --format jsonl: skriv oppsummeringen som siste linje ("record": "summary").
    #[arg(long)]
    summary: bool,
}

#[derive(clap::Args)]
struct SamleArgs {
    /// JSONL-filer fra `kontrakt sjekk --format jsonl` (helst med --summary).
    #[arg(required = true, value_name = "JSONL")]
    shards: Vec<PathBuf>,
    #[command(flatten)]
    out: OutputArgs,
}

#[derive(clap::Args)]
struct BrevArgs {
    /// Kontrakten (PDF, DOCX eller tekst).
    #[arg(value_name = "FIL")]
    path: PathBuf,
    /// Ren tekst eller Markdown.
    #[arg(long, value_enum, default_value = "text")]
    format: LetterFormat,
    /// Dagen brevet sendes (DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD, standard i dag).
    #[arg(long, alias = "date", value_name = "DD.MM.ÅÅÅÅ", value_parser = parse_dato)]
    dato: Option<Date>,
}

#[derive(Clone, Copy, ValueEnum)]
enum LetterFormat {
    /// Ren tekst.
    Text,
    /// Markdown.
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum OutputFormat {
    /// Tabell for mennesker.
    Table,
    /// Ett JSON-objekt (skjemaversjon 1), sortert etter filsti.
    Json,
    /// Én rad per fil for regneark (semikolon, UTF-8 med BOM), sortert etter filsti.
    Csv,
    /// Én JSON-rapport per linje, skrevet så snart hver fil er ferdig.
    Jsonl,
    /// Markdown, til å legge ved en e-post til fagforeningen eller en advokat.
    Markdown,
    /// Én HTML-side med kontraktens tekst og klausulene markert etter risiko.
    Html,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorWhen {
    /// Farger på en terminal, med mindre NO_COLOR er satt eller TERM=dumb.
    Auto,
    /// Alltid farger.
    Always,
    /// Aldri farger.
    Never,
}

#[derive(Clone, Copy, ValueEnum)]
enum RiskLevel {
    /// Lav risiko eller høyere.
    Low,
    /// Middels risiko eller høyere.
    Medium,
    /// Høy risiko.
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
    /// Norsk nynorsk.
    Nn,
    /// English.
    En,
}

fn parse_dato(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("ugyldig dato: {s} (skriv DD.MM.ÅÅÅÅ eller ÅÅÅÅ-MM-DD, f.eks. 24.11.2026)"))
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
    let chosen = cli.lang.map(|l| match l {
        LangArg::Nb => Lang::Nb,
        LangArg::Nn => Lang::Nn,
        LangArg::En => Lang::En,
    });
    let lang = chosen.unwrap_or_default();
    // The grammar loads on its own thread while `sjekk` starts a PDF reader and walks the
    // paths: a one-file run waits for the slower of the two, not for both.
    let loading = std::thread::spawn({
        let dir = cli.patterns.clone();
        move || load_patterns(dir.as_deref())
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
            clap_complete::generate(shell, &mut Cli::command(), "kontrakt", &mut script);
            io::stdout().write_all(&script).map(|()| Exit::Success.into())
        }
        Command::Man { dir: None } => {
            clap_mangen::Man::new(Cli::command()).render(&mut io::stdout()).map(|()| Exit::Success.into())
        }
        Command::Man { dir: Some(dir) } => clap_mangen::generate_to(Cli::command(), dir).map(|()| Exit::Success.into()),
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
/// path read as `sjekk` with it.
fn parse_cli() -> Cli {
    let lang = match std::env::var("KONTRAKT_LANG").as_deref() {
        Ok("en") => Lang::En,
        _ => Lang::Nb,
    };
    let details = lang.version_details(&Patterns::builtin_version(), Date::today());
    let version = format!("{}\n{details}", env!("CARGO_PKG_VERSION")).leak();
    let parse = |args: &[OsString]| {
        let matches = Cli::command().long_version(&*version).get_matches_from(args);
        Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
    };
    let mut args: Vec<OsString> = std::env::args_os().collect();
    let cli = parse(&args);
    let Command::Path(rest) = &cli.command else { return cli };
    // The external subcommand is the tail of the arguments, from the path on.
    args.insert(args.len() - rest.len(), "sjekk".into());
    parse(&args)
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
        let count = lang.rules_count(rules.len());
        writeln!(out, "{} ({}): {count}, {}", lang.category(cat.category), cat.category.as_str(), cat.file)?;
        for r in rules {
            writeln!(out, "  {}\n      {}", r.id, lang.rule_text(r, patterns))?;
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
    if files.iter().any(|f| walk::read_by_worker(f)) {
        pool.start_one();
    }
    let mut config = match patterns() {
        Ok(patterns) => Config::new(patterns),
        Err(code) => return Ok(code),
    };
    config.lang = lang;
    config.max_size = args.max_size;
    let today = Date::today();
    config.notice_given = args.dato.unwrap_or(today);
    // Only the HTML page shows the whole contract.
    config.keep_text = matches!(args.out.format, OutputFormat::Html);
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
