//! PDF extraction in worker processes.
//!
//! pdf-extract loops forever on a cyclic `/Parent` chain, overflows the stack (aborting the
//! process) on a form XObject that draws itself, and inflates Flate bombs without bound. None of
//! that can be stopped inside one process, so PDFs are read by long-lived workers: this binary
//! re-executed with [`WORKER_ARG`], at most `workers` of them, started when a PDF first needs
//! one. The workers share a memory budget ([`WorkerLimits::memory`]): each runs under an equal
//! share of it as its address-space limit, with core dumps off, and there are never more workers
//! than shares of at least [`MIN_WORKER_MEMORY`], whatever the number of jobs.
//!
//! Protocol, one document at a time: the supervisor writes a little-endian `u64` length and the
//! PDF's bytes to the worker's stdin; the worker answers on its stdout with a `u64` length and
//! the JSON of `Result<Extracted, FileError>`, after a notice of the pages OCR reads when there
//! are any (`OCR_PAGES`). Inside the worker, panics are caught (→ internal)
//! and the panic hook is silent; stray writes to stdout are sent to stderr, which the supervisor
//! reads and keeps the end of, so nothing a worker prints reaches the user's terminal.
//!
//! What happens to a document, and to its worker:
//! - no answer before the deadline ([`WorkerLimits::timeout`], counted from when a worker is
//!   free, longer for pages read by OCR): the worker is killed, the file gets `timeout`;
//! - the worker dies and its last words are Rust's "memory allocation of N bytes failed": the
//!   address-space limit stopped it, the file gets `too_large`;
//! - it dies otherwise (stack overflow, a signal) or answers nonsense: `internal`.
//!
//! A failed worker is discarded and a fresh one is started when the next PDF needs it. A worker
//! whose parent has gone exits within a second, so a hung one does not outlive the batch.
//!
//! DOCX and text are read in the calling process: panics are caught (→ internal), and the DOCX
//! parse gives up at the same per-file deadline (see [`super::Limits::timeout`]); text needs no
//! deadline, its work being linear in a size that is already limited.

use std::ffi::OsString;
use std::fs::File;
use std::io::{self, Read, Write};
use std::os::fd::{AsRawFd, FromRawFd};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use super::{guarded, ocr, Document, Extracted, Extractor, InProcess, Limits};
use crate::error::{ErrorKind, FileError};
use crate::source::{Format, Source};

/// The first argument that makes the binary a worker.
pub const WORKER_ARG: &str = "__worker";

/// Largest answer a worker may send. Contract text is a few hundred KB; more is a bomb.
const MAX_ANSWER: usize = 64 << 20;

/// Marks a notice the worker sends before its answer, in place of the answer's length: the
/// number of pages OCR reads (the low bits), for which the file gets more time.
const OCR_PAGES: u64 = 1 << 63;

/// How much of a worker's stderr is kept to explain its death.
const STDERR_TAIL: usize = 4096;

/// How long a dead worker's stderr is waited for.
const STDERR_GRACE: Duration = Duration::from_secs(1);

/// Rust's message when an allocation fails, as under the address-space limit.
const ALLOCATION_FAILED: &str = "memory allocation of";

/// Smallest address-space limit a worker gets: the largest legitimate PDF measured needed
/// 26 MB, the worker itself maps some 20 MB.
pub const MIN_WORKER_MEMORY: u64 = 512 << 20;

/// Limits the workers run under.
#[derive(Debug, Clone, Copy)]
pub struct WorkerLimits {
    /// Deadline for one document.
    pub timeout: Duration,
    /// Address space of all workers together, in bytes; each gets an equal share.
    pub memory: u64,
}

/// A pool of worker processes that extract PDFs; other formats are read in process.
///
/// The pool is `Sync`: any thread may extract, waiting for a free worker when all are busy.
/// Dropping the pool kills its workers.
pub struct WorkerPool {
    program: PathBuf,
    args: Vec<OsString>,
    size: usize,
    limits: WorkerLimits,
    /// Each worker's address-space limit: its share of `limits.memory`.
    memory: u64,
    in_process: InProcess,
    state: Mutex<PoolState>,
    freed: Condvar,
    /// A file read ahead of its turn ([`WorkerPool::read_ahead`]).
    ahead: Mutex<Option<ReadAhead>>,
}

/// The bytes of a file read ahead of its turn, and the answer.
type ReadAhead = (Vec<u8>, Result<Extracted, FileError>);

struct PoolState {
    idle: Vec<Worker>,
    /// Workers alive, idle or busy.
    running: usize,
}

impl WorkerPool {
    /// A pool of up to `workers` processes running `exe __worker`, started when needed; fewer
    /// when the memory budget does not give each [`MIN_WORKER_MEMORY`].
    pub fn new(exe: PathBuf, workers: usize, limits: WorkerLimits) -> io::Result<WorkerPool> {
        WorkerPool::with_command(exe, vec![WORKER_ARG.into()], workers, limits)
    }

    /// A pool whose workers run `program args…` and speak the worker protocol.
    fn with_command(
        program: PathBuf,
        args: Vec<OsString>,
        workers: usize,
        limits: WorkerLimits,
    ) -> io::Result<WorkerPool> {
        if !program.is_file() {
            return Err(io::Error::new(
                io::ErrorKind::NotFound,
                format!("worker program {} not found", program.display()),
            ));
        }
        let size = workers.min((limits.memory / MIN_WORKER_MEMORY) as usize).max(1);
        Ok(WorkerPool {
            program,
            args,
            size,
            limits,
            memory: limits.memory / size as u64,
            in_process: InProcess { limits: Limits { timeout: Some(limits.timeout), ..Limits::default() } },
            state: Mutex::new(PoolState { idle: Vec::new(), running: 0 }),
            freed: Condvar::new(),
            ahead: Mutex::new(None),
        })
    }

    /// Starts a worker ahead of the first PDF, so that its start overlaps other work (loading
    /// the grammar); call it before any file is read, when a place is free. A worker that
    /// cannot start is left to the first PDF to report.
    pub fn start_one(&self) {
        if let Ok((slot, worker)) = self.checkout() {
            slot.put_back(worker);
        }
    }

    /// Reads the file at `path` now, so that a one-file run reads it while the grammar loads;
    /// [`Extractor::read`] of the same bytes then takes the answer. A file that cannot be
    /// opened is left to its turn, which reports it, and so is standard input, which can be read
    /// only once.
    pub fn read_ahead(&self, path: &Path, max_size: u64) {
        if path == Path::new(crate::source::STDIN) {
            return;
        }
        if let Ok(source) = crate::source::open(path, max_size) {
            let answer = self.read_now(&source);
            *self.ahead.lock().unwrap_or_else(PoisonError::into_inner) = Some((source.bytes, answer));
        }
    }

    /// PDFs and images (OCR) are read by the workers.
    fn read_now(&self, source: &Source) -> Result<Extracted, FileError> {
        match source.format {
            Format::Pdf | Format::Jpeg | Format::Png | Format::Tiff | Format::Heic => self.extract_pdf(&source.bytes),
            Format::Docx | Format::Txt => {
                guarded(&format!("the {} reader", source.format.as_str()), || self.in_process.read(source))?
            }
        }
    }

    fn extract_pdf(&self, bytes: &[u8]) -> Result<Extracted, FileError> {
        let asked = Instant::now();
        let (slot, mut worker) = self.checkout()?;
        let waited = asked.elapsed();
        match worker.exchange(bytes, self.limits.timeout) {
            Ok(answer) => {
                slot.put_back(worker);
                answer.map(|e| Extracted { waited, ..e })
            }
            Err(Failure::TimedOut(allowed)) => Err(FileError::new(
                ErrorKind::Timeout,
                format!("no result within {} s; the PDF reader was stopped", allowed.as_secs_f64()),
            )),
            Err(Failure::Broken(why)) => Err(worker.death(&why, self.memory)),
        }
    }

    /// An idle worker, a new one if fewer than `size` are running, or the next one freed.
    fn checkout(&self) -> Result<(Slot<'_>, Worker), FileError> {
        let mut state = self.lock();
        loop {
            if let Some(worker) = state.idle.pop() {
                return Ok((Slot { pool: self, returned: false }, worker));
            }
            if state.running < self.size {
                state.running += 1;
                drop(state);
                // The slot frees the place again if the worker cannot start.
                let slot = Slot { pool: self, returned: false };
                let worker = Worker::start(&self.program, &self.args, self.memory)
                    .map_err(|e| FileError::new(ErrorKind::Internal, format!("cannot start a PDF reader: {e}")))?;
                return Ok((slot, worker));
            }
            state = self.freed.wait(state).unwrap_or_else(PoisonError::into_inner);
        }
    }

    fn lock(&self) -> MutexGuard<'_, PoolState> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Extractor for WorkerPool {
    fn extract(&self, source: &Source) -> Result<Document, FileError> {
        self.read(source).map(|e| e.document)
    }

    /// The answer read ahead for these bytes, or a reading now.
    fn read(&self, source: &Source) -> Result<Extracted, FileError> {
        // Taken in a statement of its own: a guard in the `match` would be held to its end and
        // let one reading at a time through the whole pool.
        let ahead = self.ahead.lock().unwrap_or_else(PoisonError::into_inner).take();
        match ahead {
            Some((bytes, answer)) if bytes == source.bytes => answer,
            _ => self.read_now(source),
        }
    }
}

/// One of the pool's places, held while a worker is busy. Dropped without
/// [`put_back`](Slot::put_back), the worker is gone and the place is free for a new one.
struct Slot<'a> {
    pool: &'a WorkerPool,
    returned: bool,
}

impl Slot<'_> {
    fn put_back(mut self, worker: Worker) {
        self.pool.lock().idle.push(worker);
        self.returned = true;
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        if !self.returned {
            self.pool.lock().running -= 1;
        }
        self.pool.freed.notify_one();
    }
}

/// Why an exchange with a worker failed.
enum Failure {
    /// No answer in the time allowed.
    TimedOut(Duration),
    Broken(String),
}

/// A running worker process. Dropping it kills the process.
struct Worker {
    child: Child,
    stdin: ChildStdin,
    stdout: ChildStdout,
    /// Collects the end of the worker's stderr until the worker exits.
    stderr: Option<JoinHandle<Vec<u8>>>,
}

impl Worker {
    fn start(program: &Path, args: &[OsString], memory: u64) -> io::Result<Worker> {
        let mut command = Command::new(program);
        command.args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
        // SAFETY: the closure only calls getrlimit/setrlimit, which are async-signal-safe.
        unsafe { command.pre_exec(move || limit_resources(memory)) };
        let mut child = command.spawn()?;
        let (Some(stdin), Some(stdout), Some(mut stderr)) =
            (child.stdin.take(), child.stdout.take(), child.stderr.take())
        else {
            return Err(io::Error::other("worker pipes missing"));
        };
        let tail = thread::Builder::new().name("pdf-worker-stderr".into()).spawn(move || {
            let mut tail = Vec::new();
            let mut buf = [0u8; 4096];
            while let Ok(n @ 1..) = stderr.read(&mut buf) {
                tail.extend_from_slice(&buf[..n]);
                tail.drain(..tail.len().saturating_sub(STDERR_TAIL));
            }
            tail
        })?;
        Ok(Worker { child, stdin, stdout, stderr: Some(tail) })
    }

    /// Sends one PDF and reads the answer, giving up after `timeout`, or after the time that
    /// [`ocr::time_allowed`] gives once the worker says how many pages OCR reads.
    fn exchange(&mut self, pdf: &[u8], timeout: Duration) -> Result<Result<Extracted, FileError>, Failure> {
        let start = Instant::now();
        let sent = self.stdin.write_all(&(pdf.len() as u64).to_le_bytes()).and_then(|()| self.stdin.write_all(pdf));
        sent.and_then(|()| self.stdin.flush()).map_err(|e| Failure::Broken(format!("cannot send the PDF: {e}")))?;
        let mut allowed = timeout;
        let len = loop {
            let mut len = [0u8; 8];
            self.read_by(&mut len, start, allowed)?;
            match u64::from_le_bytes(len) {
                n if n & OCR_PAGES != 0 => allowed = ocr::time_allowed(timeout, (n & !OCR_PAGES) as usize),
                n => break n,
            }
        };
        if len > MAX_ANSWER as u64 {
            return Err(Failure::Broken(format!("an answer of {len} bytes")));
        }
        let mut answer = vec![0u8; len as usize];
        self.read_by(&mut answer, start, allowed)?;
        serde_json::from_slice(&answer).map_err(|e| Failure::Broken(format!("an unreadable answer: {e}")))
    }

    /// Fills `buf` from the worker's stdout, waiting with `poll` so that the deadline
    /// (`allowed` after `start`) holds.
    fn read_by(&mut self, buf: &mut [u8], start: Instant, allowed: Duration) -> Result<(), Failure> {
        let mut filled = 0;
        while filled < buf.len() {
            let left = (start + allowed).saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(Failure::TimedOut(allowed));
            }
            let mut fd = libc::pollfd { fd: self.stdout.as_raw_fd(), events: libc::POLLIN, revents: 0 };
            let ms = left.as_millis().clamp(1, i32::MAX as u128) as i32;
            // SAFETY: one valid pollfd, for the duration of the call.
            let ready = unsafe { libc::poll(&mut fd, 1, ms) };
            if ready < 0 {
                let e = io::Error::last_os_error();
                if e.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(Failure::Broken(format!("cannot wait for the answer: {e}")));
            }
            if ready == 0 {
                continue;
            }
            match self.stdout.read(&mut buf[filled..]) {
                Ok(0) => return Err(Failure::Broken("no answer".into())),
                Ok(n) => filled += n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => return Err(Failure::Broken(format!("cannot read the answer: {e}"))),
            }
        }
        Ok(())
    }

    /// Ends a worker that failed with `why` and tells from its exit and last words what
    /// happened to the document.
    fn death(mut self, why: &str, memory: u64) -> FileError {
        // The worker may still be alive, e.g. after an unreadable answer.
        let _ = self.child.kill();
        let status = self.child.wait().map_or_else(|e| e.to_string(), |s| s.to_string());
        let tail = self.stderr.take().and_then(finished_within_grace).unwrap_or_default();
        let tail = String::from_utf8_lossy(&tail);
        if let Some(failed) = tail.lines().rfind(|l| l.contains(ALLOCATION_FAILED)) {
            return FileError::new(
                ErrorKind::TooLarge,
                format!(
                    "the PDF needs more than the reader's memory limit of {} MiB ({})",
                    memory >> 20,
                    failed.trim()
                ),
            );
        }
        let last = tail.lines().map(str::trim).rfind(|l| !l.is_empty()).unwrap_or_default();
        let last = if last.is_empty() { String::new() } else { format!(": {last}") };
        FileError::new(ErrorKind::Internal, format!("the PDF reader stopped ({why}; {status}){last}"))
    }
}

impl Drop for Worker {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The thread's result once it has finished, or `None` after [`STDERR_GRACE`] (a process the
/// worker started may still hold the pipe open).
fn finished_within_grace(thread: JoinHandle<Vec<u8>>) -> Option<Vec<u8>> {
    let until = Instant::now() + STDERR_GRACE;
    while !thread.is_finished() && Instant::now() < until {
        thread::sleep(Duration::from_millis(5));
    }
    thread.is_finished().then(|| thread.join().ok()).flatten()
}

/// Runs in the worker between fork and exec: caps the address space at `memory` (or the
/// current hard limit, which an unprivileged process cannot raise) and turns core dumps off,
/// since an abort is an expected way for a worker to die.
pub(super) fn limit_resources(memory: u64) -> io::Result<()> {
    let set = |resource, value: libc::rlim_t| {
        let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        // SAFETY: plain system calls on a local struct.
        unsafe {
            if libc::getrlimit(resource, &mut limit) != 0 {
                return Err(io::Error::last_os_error());
            }
            let value = value.min(limit.rlim_max);
            if libc::setrlimit(resource, &libc::rlimit { rlim_cur: value, rlim_max: value }) != 0 {
                return Err(io::Error::last_os_error());
            }
        }
        Ok(())
    };
    set(libc::RLIMIT_AS, memory as libc::rlim_t)?;
    set(libc::RLIMIT_CORE, 0)
}

/// The worker side: serves extraction requests on stdin/stdout until stdin closes.
pub fn serve() -> io::Result<()> {
    std::panic::set_hook(Box::new(|_| {}));
    exit_with_parent()?;
    let mut answers = protocol_output()?;
    let mut requests = io::stdin().lock();
    loop {
        let mut len = [0u8; 8];
        match requests.read_exact(&mut len) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(()),
            Err(e) => return Err(e),
        }
        let len = usize::try_from(u64::from_le_bytes(len)).map_err(io::Error::other)?;
        let mut bytes = vec![0u8; len];
        requests.read_exact(&mut bytes)?;
        // The supervisor gives a file more time for each page OCR reads.
        let ocr_pages = |pages: usize| {
            let notice = (OCR_PAGES | pages as u64).to_le_bytes();
            // A supervisor that is gone is noticed at the answer.
            let _ = answers.write_all(&notice).and_then(|()| answers.flush());
            None
        };
        let read = guarded("the reader", || read(&bytes, ocr_pages)).and_then(|r| r);
        let mut answer = serde_json::to_vec(&read).map_err(io::Error::other)?;
        if answer.len() > MAX_ANSWER {
            let too_large = FileError::new(ErrorKind::TooLarge, format!("more than {MAX_ANSWER} bytes of text"));
            answer = serde_json::to_vec(&Err::<Document, _>(too_large)).map_err(io::Error::other)?;
        }
        answers.write_all(&(answer.len() as u64).to_le_bytes())?;
        answers.write_all(&answer)?;
        answers.flush()?;
    }
}

/// An image's text by OCR, or a PDF's (OCR for its scanned pages); the deadline is the
/// supervisor's, told the number of pages OCR reads by `ocr_pages`.
fn read(bytes: &[u8], ocr_pages: impl FnOnce(usize) -> Option<Instant>) -> Result<Extracted, FileError> {
    match crate::source::sniff(bytes, Path::new("")) {
        Ok(Format::Jpeg | Format::Png | Format::Tiff) => ocr::image(bytes, ocr_pages),
        Ok(Format::Heic) => ocr::heic(bytes, ocr_pages),
        _ => ocr::pdf(bytes, ocr_pages),
    }
}

/// Takes over stdout for answers and points file descriptor 1 at stderr, so that a library's
/// stray print cannot corrupt the protocol.
fn protocol_output() -> io::Result<File> {
    // SAFETY: dup/dup2 on the standard descriptors; the new descriptor is owned by the File.
    unsafe {
        let answers = libc::dup(1);
        if answers < 0 || libc::dup2(2, 1) < 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(File::from_raw_fd(answers))
    }
}

/// Exits the worker once its parent is gone (it is then adopted by another process), even
/// while the main thread is stuck in a document that never ends.
fn exit_with_parent() -> io::Result<()> {
    // SAFETY: getppid cannot fail.
    let parent = unsafe { libc::getppid() };
    thread::Builder::new().name("parent-watch".into()).stack_size(64 << 10).spawn(move || loop {
        thread::sleep(Duration::from_secs(1));
        // SAFETY: as above.
        if unsafe { libc::getppid() } != parent {
            std::process::exit(3);
        }
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIMITS: WorkerLimits = WorkerLimits { timeout: Duration::from_secs(1), memory: 1 << 30 };

    /// A pool whose workers run a shell script instead of this binary.
    fn shell_pool(script: &str, workers: usize) -> WorkerPool {
        WorkerPool::with_command("/bin/sh".into(), vec!["-c".into(), script.into()], workers, LIMITS).unwrap()
    }

    fn pdf_source(bytes: &[u8]) -> Source {
        Source { path: "a.pdf".into(), format: Format::Pdf, bytes: bytes.to_vec() }
    }

    #[test]
    fn answers_travel_both_ways() {
        // `cat` answers with the request: a request holding an answer's JSON comes back parsed.
        let pool = shell_pool("exec cat", 2);
        let answer = r#"{"Ok":{"paged":true,"pages":[{"paragraphs":["Prøvetid"]}]}}"#.as_bytes();
        for _ in 0..3 {
            let doc = pool.extract(&pdf_source(answer)).unwrap();
            assert_eq!(doc.pages[0].paragraphs, ["Prøvetid"]);
        }
        assert_eq!(pool.lock().running, 1, "one worker served all three");
        let err = pool.extract(&pdf_source(br#"{"Err":{"kind":"no_text","detail":"skann"}}"#)).unwrap_err();
        assert_eq!(err, FileError::new(ErrorKind::NoText, "skann"));
        let err = pool.extract(&pdf_source(b"not json")).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Internal, "{err}");
        assert!(err.detail.contains("unreadable answer"), "{err}");
    }

    #[test]
    fn a_silent_worker_times_out_and_is_replaced() {
        let pool = shell_pool("exec sleep 30", 1);
        let start = Instant::now();
        assert_eq!(pool.extract(&pdf_source(b"")).unwrap_err().kind, ErrorKind::Timeout);
        assert_eq!(pool.extract(&pdf_source(b"")).unwrap_err().kind, ErrorKind::Timeout);
        assert!(start.elapsed() < Duration::from_secs(4), "{:?}", start.elapsed());
        assert_eq!(pool.lock().running, 0);
    }

    #[test]
    fn pages_read_by_ocr_give_more_time() {
        // The notice of six OCR pages comes first: 1 s + 6 × 1/6 s allowed, the answer after 1.5 s.
        let answer = br#"{"Ok":{"paged":true,"pages":[]}}"#;
        let ocr = shell_pool(r"printf '\006\000\000\000\000\000\000\200'; sleep 1.5; exec cat", 1);
        assert!(ocr.extract(&pdf_source(answer)).is_ok());
        let plain = shell_pool("sleep 1.5; exec cat", 1);
        let err = plain.extract(&pdf_source(answer)).unwrap_err();
        assert_eq!(
            (err.kind, err.detail.as_str()),
            (ErrorKind::Timeout, "no result within 1 s; the PDF reader was stopped")
        );
    }

    #[test]
    fn death_is_explained_by_the_last_words() {
        let oom =
            shell_pool("echo 'memory allocation of 2147483648 bytes failed' >&2; echo note >&2; kill -ABRT $$", 1);
        let err = oom.extract(&pdf_source(b"x")).unwrap_err();
        assert_eq!(err.kind, ErrorKind::TooLarge, "{err}");
        assert!(err.detail.ends_with("1024 MiB (memory allocation of 2147483648 bytes failed)"), "{err}");
        let overflow = shell_pool("echo 'fatal runtime error: stack overflow' >&2; kill -ABRT $$", 1);
        let err = overflow.extract(&pdf_source(b"x")).unwrap_err();
        assert_eq!(err.kind, ErrorKind::Internal, "{err}");
        assert!(err.detail.ends_with("stack overflow"), "{err}");
    }

    #[test]
    fn the_address_space_is_limited() {
        let pool = shell_pool(r#"echo "limits $(ulimit -v) $(ulimit -c)" >&2; exit 1"#, 1);
        let err = pool.extract(&pdf_source(b"x")).unwrap_err();
        assert!(err.detail.ends_with(&format!(": limits {} 0", LIMITS.memory >> 10)), "{err}");
    }

    #[test]
    fn a_missing_program_is_refused() {
        let missing = WorkerPool::new("/nonexistent/kontrakt".into(), 1, LIMITS);
        assert_eq!(missing.err().map(|e| e.kind()), Some(io::ErrorKind::NotFound));
    }

    #[test]
    fn other_formats_are_read_in_process() {
        let pool = shell_pool("exit 1", 1);
        let source = Source { path: "a.txt".into(), format: Format::Txt, bytes: "Prøvetid".into() };
        assert_eq!(pool.extract(&source).unwrap().pages[0].paragraphs, ["Prøvetid"]);
        assert_eq!(pool.lock().running, 0, "no worker started");
    }

    #[test]
    fn a_file_read_ahead_is_not_read_again() {
        // The worker answers its first request and then nothing: a second exchange times out.
        let answer = r#"{"Ok":{"paged":true,"pages":[{"paragraphs":["Prøvetid"]}]}}"#;
        let length: String = (answer.len() as u64).to_le_bytes().iter().map(|b| format!("\\{b:03o}")).collect();
        let pool = shell_pool(&format!("printf '{length}%s' '{answer}'; exec sleep 30"), 1);
        let dir = std::env::temp_dir().join(format!("kontrakt-ahead-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.pdf");
        std::fs::write(&path, b"%PDF-1.4 one").unwrap();
        pool.read_ahead(&path, 1 << 20);
        let source = crate::source::open(&path, 1 << 20).unwrap();
        assert_eq!(pool.extract(&source).unwrap().pages[0].paragraphs, ["Prøvetid"]);
        // Other bytes are read when their turn comes.
        assert_eq!(pool.extract(&pdf_source(b"%PDF-1.4 two")).unwrap_err().kind, ErrorKind::Timeout);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn workers_share_the_memory_budget() {
        let pool = shell_pool(r#"echo "limit $(ulimit -v)" >&2; exit 1"#, 8);
        assert_eq!((pool.size, pool.memory), (2, LIMITS.memory / 2), "two shares of 512 MiB in 1 GiB");
        let err = pool.extract(&pdf_source(b"x")).unwrap_err();
        assert!(err.detail.ends_with(&format!(": limit {}", LIMITS.memory >> 11)), "{err}");
    }
}
