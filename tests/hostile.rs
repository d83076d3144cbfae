//! Broken and hostile input: every case becomes an error report for its own file (or a normal
//! report) while the rest of the batch goes on, within a time and memory bound.
//!
//! The inputs are built here, at test time; only the password-protected PDF is committed
//! (fixtures/hostile/, made by scripts/gen-hostile.sh, since it needs real encryption).

use std::fs;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use kontrakt::error::ErrorKind;
use kontrakt::extract::worker::{WorkerLimits, WorkerPool};
use kontrakt::extract::Extractor;
use kontrakt::source::{Format, Source};
use serde_json::Value;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

fn fixture(name: &str) -> Vec<u8> {
    fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name)).unwrap()
}

/// A PDF file of the given object bodies, numbered from 1; object 1 is the catalog.
fn pdf_file(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    let trailer = format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1);
    out.extend_from_slice(trailer.as_bytes());
    out
}

fn obj(body: &str) -> Vec<u8> {
    body.as_bytes().to_vec()
}

fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    out.extend_from_slice(data);
    out.extend_from_slice(b"\nendstream");
    out
}

const CATALOG: &str = "<< /Type /Catalog /Pages 2 0 R >>";
const PAGES: &str = "<< /Type /Pages /Kids [3 0 R] /Count 1 >>";
const FONT: &str = "/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>";

/// One page whose content is object 4, with `resources`.
fn one_page(resources: &str, content: &[u8], more: &[Vec<u8>]) -> Vec<u8> {
    let page =
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << {resources} >> /Contents 4 0 R >>");
    let mut objects = vec![obj(CATALOG), obj(PAGES), obj(&page), stream("", content)];
    objects.extend_from_slice(more);
    pdf_file(&objects)
}

/// A page without resources of its own whose `/Parent` chain is a loop: pdf-extract looks for
/// inherited resources forever.
fn cyclic_parent() -> Vec<u8> {
    pdf_file(&[
        obj(CATALOG),
        obj("<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 5 0 R >>"),
        obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"),
        stream("", b"BT /F1 11 Tf 70 770 Td (Arbeidsavtale) Tj ET"),
        obj("<< /Type /Pages /Kids [2 0 R] /Count 1 /Parent 2 0 R >>"),
    ])
}

/// A form XObject that draws itself: unbounded recursion in pdf-extract.
fn xobject_recursion() -> Vec<u8> {
    let form =
        stream("/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /X 5 0 R >> >>", b"/X Do");
    one_page("/XObject << /X 5 0 R >>", b"/X Do", &[form])
}

/// A page whose Flate-compressed content inflates to `size` bytes.
fn flate_bomb(size: usize) -> Vec<u8> {
    let page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>";
    pdf_file(&[obj(CATALOG), obj(PAGES), obj(page), stream("/Filter /FlateDecode", &zeros_zlib(size))])
}

/// A zlib stream that inflates to `size` zero bytes: a literal zero, then back-references of
/// 258 bytes at distance 1 in one fixed-Huffman block (13 bits per 258 bytes).
fn zeros_zlib(size: usize) -> Vec<u8> {
    let mut bits = Bits::default();
    bits.put(1, 1); // last block
    bits.put(1, 2); // fixed Huffman codes
    let literal_zero = 0b0011_0000;
    bits.code(literal_zero, 8);
    for _ in 0..(size - 1) / 258 {
        bits.code(0b1100_0101, 8); // length 258 (symbol 285)
        bits.code(0, 5); // distance 1
    }
    for _ in 0..(size - 1) % 258 {
        bits.code(literal_zero, 8);
    }
    bits.code(0, 7); // end of block
    let mut out = vec![0x78, 0x01];
    out.extend(bits.finish());
    // Adler-32 of zeros: a stays 1, b adds 1 per byte.
    out.extend_from_slice(&((((size % 65521) as u32) << 16) | 1).to_be_bytes());
    out
}

/// Deflate's bit order: values least significant bit first, Huffman codes most significant first.
#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u64, count: u32) {
        self.acc |= value << self.n;
        self.n += count;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    fn code(&mut self, code: u64, len: u32) {
        self.put(code.reverse_bits() >> (64 - len), len);
    }

    fn finish(mut self) -> Vec<u8> {
        if self.n > 0 {
            self.out.push(self.acc as u8);
        }
        self.out
    }
}

/// `pdf` with a digital signature added as an incremental update: a `/Sig` dictionary with a
/// `/ByteRange` around its `/Contents`, a signature field, and a new catalog naming the form.
fn signed(pdf: &[u8]) -> Vec<u8> {
    let text = String::from_utf8_lossy(pdf);
    let number_after = |key: &str| -> usize {
        let at = text.rfind(key).unwrap() + key.len();
        text[at..].trim_start().split(|c: char| !c.is_ascii_digit()).next().unwrap().parse().unwrap()
    };
    let (size, previous_xref) = (number_after("/Size"), number_after("startxref"));
    let (sig, field) = (size, size + 1);
    let mut out = pdf.to_vec();
    let mut offsets = Vec::new();
    let contents = format!("<{}>", "0".repeat(8192));
    for (number, body) in [
        (1, format!("<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [{field} 0 R] /SigFlags 3 >> >>")),
        (
            sig,
            format!(
                "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /Name (Kari Nordmann) \
                 /M (D:20261102120000+01'00') /ByteRange [0 BYTERANGE_A BYTERANGE_B BYTERANGE_C] /Contents {contents} >>"
            ),
        ),
        (field, format!("<< /Type /Annot /Subtype /Widget /FT /Sig /T (Signatur) /V {sig} 0 R /Rect [0 0 0 0] /F 132 >>")),
    ] {
        offsets.push((number, out.len()));
        out.extend_from_slice(format!("{number} 0 obj\n{body}\nendobj\n").as_bytes());
    }
    let xref = out.len();
    let mut tail = String::from("xref\n0 1\n0000000000 65535 f \n");
    tail += &format!("1 1\n{:010} 00000 n \n{sig} 2\n", offsets[0].1);
    tail += &format!("{:010} 00000 n \n{:010} 00000 n \n", offsets[1].1, offsets[2].1);
    tail += &format!("trailer\n<< /Size {} /Root 1 0 R /Prev {previous_xref} >>\nstartxref\n{xref}\n%%EOF\n", size + 2);
    out.extend_from_slice(tail.as_bytes());
    // The signed ranges: everything but the /Contents value, with numbers of fixed width.
    let start = find(&out, contents.as_bytes());
    let end = start + contents.len();
    for (placeholder, value) in [("BYTERANGE_A", start), ("BYTERANGE_B", end), ("BYTERANGE_C", out.len() - end)] {
        let at = find(&out, placeholder.as_bytes());
        out[at..at + placeholder.len()].copy_from_slice(format!("{value:>11}").as_bytes());
    }
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> usize {
    haystack.windows(needle.len()).position(|w| w == needle).unwrap()
}

fn noise(len: usize, mut state: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect()
}

fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated).large_file(true);
    for (name, data) in entries {
        zip.start_file(*name, options).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A DOCX whose `word/document.xml` inflates to 80 MiB, over the 64 MiB part limit.
fn zip_bomb() -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated).large_file(true);
    zip.start_file("word/document.xml", options).unwrap();
    zip.write_all(b"<w:document><w:body><w:p><w:r><w:t>").unwrap();
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..80 {
        zip.write_all(&chunk).unwrap();
    }
    zip.write_all(b"</w:t></w:r></w:p></w:body></w:document>").unwrap();
    zip.finish().unwrap().into_inner()
}

/// An OLE compound file, as Office writes a password-protected DOCX (`encrypted`) or a
/// Word 97 document.
fn ole(encrypted: bool) -> Vec<u8> {
    let mut out = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    out.resize(1024, 0);
    let stream = if encrypted { "EncryptedPackage" } else { "WordDocument" };
    out.extend(stream.encode_utf16().flat_map(u16::to_le_bytes));
    out.resize(4096, 0);
    out
}

/// What a report must say: `Ok(format)` for an analysed file, `Err(kinds)` for an error of one
/// of `kinds`.
type Expected = Result<&'static str, &'static [ErrorKind]>;

fn is_root() -> bool {
    // SAFETY: geteuid cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// Builds the hostile folder; returns the expected report per path.
fn build_batch(root: &Path) -> Vec<(PathBuf, Expected)> {
    use ErrorKind::*;
    let dir = root.join("kontrakter");
    for sub in ["pdf", "docx", "tekst", "sniff", "filer/løkke"] {
        fs::create_dir_all(dir.join(sub)).unwrap();
    }
    let good_pdf = fixture("avtale-bokmal.pdf");
    let good_txt = fixture("avtale-bokmal.txt");
    let cp1252 = encoding_rs::WINDOWS_1252.encode(std::str::from_utf8(&good_txt).unwrap()).0.into_owned();
    let mut with_nul = good_txt.clone();
    with_nul.extend_from_slice(&[0; 64]);
    let files: Vec<(&str, Vec<u8>, Expected)> = vec![
        ("avtale-bokmal.pdf", good_pdf.clone(), Ok("pdf")),
        ("avtale-bokmal.docx", fixture("avtale-bokmal.docx"), Ok("docx")),
        ("avtale-bokmal.txt", good_txt.clone(), Ok("txt")),
        ("pdf/tom.pdf", Vec::new(), Err(&[Corrupt])),
        ("pdf/avkortet.pdf", good_pdf[..good_pdf.len() / 2].to_vec(), Err(&[Corrupt])),
        ("pdf/tilfeldig.pdf", [b"%PDF-1.7\n".to_vec(), noise(4096, 7)].concat(), Err(&[Corrupt])),
        ("pdf/passord.pdf", fixture("hostile/encrypted-userpw.pdf"), Err(&[Encrypted])),
        (
            "pdf/bilde.pdf",
            one_page(
                "/XObject << /Im 5 0 R >>",
                b"q 200 0 0 200 100 500 cm /Im Do Q",
                &[stream(
                    "/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8",
                    b"\x80",
                )],
            ),
            Err(&[NoText]),
        ),
        ("pdf/nesten-tom.pdf", one_page(FONT, b"BT /F1 11 Tf 70 770 Td (Skannet) Tj ET", &[]), Err(&[NoText])),
        ("pdf/panikk.pdf", one_page(FONT, b"BT 70 770 Td (Ingen font) Tj ET", &[]), Err(&[Internal])),
        ("pdf/foreldreloekke.pdf", cyclic_parent(), Err(&[Timeout])),
        ("pdf/xobject-rekursjon.pdf", xobject_recursion(), Err(&[Internal])),
        // Inflating a GiB takes seconds: at the 2 GiB limit the deadline may come first.
        ("pdf/flate-bombe.pdf", flate_bomb(1_200_000_000), Err(&[TooLarge, Timeout])),
        ("pdf/signert.pdf", signed(&good_pdf), Ok("pdf")),
        ("docx/ikke-zip.docx", noise(2048, 11), Err(&[Corrupt])),
        ("docx/uten-dokument.docx", zip_of(&[("word/styles.xml", b"<w:styles/>")]), Err(&[Corrupt])),
        (
            "docx/ugyldig-xml.docx",
            zip_of(&[("word/document.xml", b"<w:document><w:body><w:p></w:body>")]),
            Err(&[Corrupt]),
        ),
        ("docx/zip-bombe.docx", zip_bomb(), Err(&[TooLarge])),
        ("docx/passord.docx", ole(true), Err(&[Encrypted])),
        ("docx/word97.docx", ole(false), Err(&[Unsupported])),
        ("tekst/windows-1252.txt", cp1252, Ok("txt")),
        ("tekst/nul.txt", with_nul, Err(&[Unsupported])),
        ("tekst/tom.txt", b" \n\n".to_vec(), Err(&[NoText])),
        ("sniff/egentlig-pdf.docx", good_pdf.clone(), Ok("pdf")),
        ("sniff/egentlig-tekst.pdf", good_txt.clone(), Ok("txt")),
        ("sniff/ukjent.txt", noise(1024, 13), Err(&[Unsupported])),
        ("filer/lesesperret.pdf", good_pdf.clone(), Err(&[Unreadable])),
    ];
    let mut expected = Vec::new();
    for (name, bytes, want) in files {
        fs::write(dir.join(name), bytes).unwrap();
        expected.push((dir.join(name), want));
    }
    // Larger than --max-size: sparse, so it costs no disk and proves it is never read.
    fs::File::create(dir.join("filer/stor.pdf")).unwrap().set_len(21_000_000).unwrap();
    expected.push((dir.join("filer/stor.pdf"), Err(&[TooLarge])));
    let unreadable = dir.join("filer/lesesperret.pdf");
    fs::set_permissions(&unreadable, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    if is_root() {
        // Root reads the file anyway; its report is whatever the content gives.
        expected.retain(|(p, _)| p != &unreadable);
    }
    // A link loop and a link to a file: links inside folders are not followed.
    std::os::unix::fs::symlink("..", dir.join("filer/løkke/opp")).unwrap();
    std::os::unix::fs::symlink(dir.join("avtale-bokmal.pdf"), dir.join("filer/lenke.pdf")).unwrap();
    // Named on the command line: a missing file, and a Word 97 file (not walked: .doc).
    expected.push((root.join("finnes-ikke.pdf"), Err(&[NotFound])));
    fs::write(root.join("gammel.doc"), ole(false)).unwrap();
    expected.push((root.join("gammel.doc"), Err(&[Unsupported])));
    expected
}

/// Peak resident memory of a running process, in KiB, from /proc.
fn vm_hwm(pid: u32) -> Option<u64> {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// What a run of the binary gave.
struct Run {
    json: Value,
    code: Option<i32>,
    elapsed: Duration,
    stderr: String,
    /// Peak resident memory of the main process (workers have their own limit), in KiB.
    main_peak_kib: u64,
    /// The most worker processes seen at once, and their address-space limits in bytes.
    most_workers: usize,
    worker_limits: Vec<u64>,
}

/// Runs `kontrakt sjekk --format json ARGS…`, sampling the main process's memory and its
/// workers until it exits; fails the test if it runs longer than `limit`.
fn run(args: &[&std::ffi::OsStr], limit: Duration) -> Run {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_kontrakt"))
        .args(["sjekk", "--format", "json"])
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut out = Vec::new();
        stdout.read_to_end(&mut out).unwrap();
        out
    });
    let (mut main_peak_kib, mut most_workers, mut worker_limits) = (0, 0, Vec::new());
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        main_peak_kib = vm_hwm(child.id()).unwrap_or(0).max(main_peak_kib);
        let workers = children(child.id());
        most_workers = most_workers.max(workers.len());
        worker_limits.extend(workers.iter().filter_map(|&pid| address_space_limit(pid)));
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("the run took longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let elapsed = start.elapsed();
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    let json: Value = serde_json::from_slice(&reader.join().unwrap())
        .unwrap_or_else(|e| panic!("not one JSON document ({e}); {status}, stderr: {stderr}"));
    eprintln!("run: {elapsed:?}, main process peak {} MiB, {most_workers} workers at most", main_peak_kib >> 10);
    Run { json, code: status.code(), elapsed, stderr, main_peak_kib, most_workers, worker_limits }
}

/// The processes whose parent is `pid`.
fn children(pid: u32) -> Vec<u32> {
    let Ok(tasks) = fs::read_dir(format!("/proc/{pid}/task")) else { return Vec::new() };
    tasks
        .flatten()
        .filter_map(|t| fs::read_to_string(t.path().join("children")).ok())
        .flat_map(|c| c.split_whitespace().filter_map(|p| p.parse().ok()).collect::<Vec<u32>>())
        .collect()
}

/// The address-space limit of a process, from /proc.
fn address_space_limit(pid: u32) -> Option<u64> {
    let limits = fs::read_to_string(format!("/proc/{pid}/limits")).ok()?;
    limits.lines().find(|l| l.starts_with("Max address space"))?.split_whitespace().nth(3)?.parse().ok()
}

#[test]
fn hostile_batch_is_reported_file_by_file() {
    let tmp = tempfile::tempdir().unwrap();
    let expected = build_batch(tmp.path());
    let dir = tmp.path().join("kontrakter");
    let args = ["--timeout", "5", "--max-size", "20MB"].map(std::ffi::OsStr::new);
    let (missing, doc) = (tmp.path().join("finnes-ikke.pdf"), tmp.path().join("gammel.doc"));
    let paths = [dir.as_os_str(), missing.as_os_str(), doc.as_os_str()];
    let Run { json, code, elapsed, stderr, main_peak_kib, .. } =
        run(&[&args[..], &paths].concat(), Duration::from_secs(60));

    // Exit code 2: some file could not be analysed. No panic message or worker noise on stderr.
    assert_eq!(code, Some(2), "{stderr}");
    for noise in ["panicked", "overflow", "memory allocation", "fatal"] {
        assert!(!stderr.contains(noise), "{stderr}");
    }
    assert!(elapsed < Duration::from_secs(60), "{elapsed:?}");
    assert!(main_peak_kib < 512 << 10, "main process peaked at {main_peak_kib} KiB");

    let reports = json["reports"].as_array().unwrap();
    let by_file = |path: &Path| reports.iter().find(|r| r["file"] == path.display().to_string());
    for (path, want) in &expected {
        let report = by_file(path).unwrap_or_else(|| panic!("no report for {}", path.display()));
        match want {
            Ok(format) => {
                assert_eq!(report["status"], "ok", "{report}");
                assert_eq!(report["format"], *format, "{report}");
                assert_eq!(report["risk"], "high", "{report}");
            }
            Err(kinds) => {
                assert_eq!(report["status"], "error", "{report}");
                let kind = report["error"]["kind"].as_str().unwrap();
                assert!(kinds.iter().any(|k| k.as_str() == kind), "{}: {kind}: {report}", path.display());
            }
        }
    }
    // Nothing was reached through a link.
    assert!(!reports.iter().any(|r| r["file"].as_str().unwrap().contains("løkke/opp")));
    assert!(by_file(&dir.join("filer/lenke.pdf")).is_none());
    assert_eq!(reports.len(), expected.len() + usize::from(is_root()), "{json:#}");
}

fn pool(workers: usize, timeout: Duration, memory: u64) -> WorkerPool {
    WorkerPool::new(env!("CARGO_BIN_EXE_kontrakt").into(), workers, WorkerLimits { timeout, memory }).unwrap()
}

fn pdf(bytes: Vec<u8>) -> Source {
    Source { path: "a.pdf".into(), format: Format::Pdf, bytes }
}

#[test]
fn flate_bomb_stops_at_a_lowered_memory_limit() {
    let pool = pool(1, Duration::from_secs(20), 256 << 20);
    let start = Instant::now();
    let err = pool.extract(&pdf(flate_bomb(600_000_000))).unwrap_err();
    assert_eq!(err.kind, ErrorKind::TooLarge, "{err}");
    assert!(start.elapsed() < Duration::from_secs(10), "{:?}", start.elapsed());
}

#[test]
fn workers_recover_from_hangs_and_crashes() {
    let pool = pool(1, Duration::from_secs(1), 1 << 30);
    let good = pdf(fixture("avtale-bokmal.pdf"));
    let start = Instant::now();
    assert_eq!(pool.extract(&pdf(cyclic_parent())).unwrap_err().kind, ErrorKind::Timeout);
    assert!(start.elapsed() < Duration::from_secs(3), "{:?}", start.elapsed());
    assert!(pool.extract(&good).is_ok());
    assert_eq!(pool.extract(&pdf(xobject_recursion())).unwrap_err().kind, ErrorKind::Internal);
    assert!(pool.extract(&good).is_ok());
}

#[test]
fn waiting_for_a_busy_reader_does_not_count_against_a_files_deadline() {
    // One reader, held for 2 s by a PDF that hangs; the contract behind it waits longer than
    // its own 1 s deadline before its reading starts.
    let mut config = kontrakt::Config::new(kontrakt::patterns::Patterns::builtin().unwrap());
    config.extractor = Box::new(pool(1, Duration::from_secs(2), 1 << 30));
    config.timeout = Some(Duration::from_secs(1));
    let tmp = tempfile::tempdir().unwrap();
    let good = tmp.path().join("avtale.pdf");
    fs::write(&good, fixture("avtale-bokmal.pdf")).unwrap();
    std::thread::scope(|s| {
        let hang = s.spawn(|| config.extractor.read(&pdf(cyclic_parent())));
        std::thread::sleep(Duration::from_millis(50));
        let report = kontrakt::analyze(&good, &config);
        assert_eq!(report.error().map(|e| e.kind), None, "{:?}", report.error());
        assert_eq!(hang.join().unwrap().unwrap_err().kind, ErrorKind::Timeout);
    });
}

#[test]
fn a_hanging_pdf_holds_up_only_its_own_reader() {
    let pool = pool(2, Duration::from_secs(3), 1 << 30);
    let good = pdf(fixture("avtale-bokmal.pdf"));
    std::thread::scope(|s| {
        let hang = s.spawn(|| pool.extract(&pdf(cyclic_parent())));
        std::thread::sleep(Duration::from_millis(50));
        let start = Instant::now();
        assert!(pool.extract(&good).is_ok());
        assert!(start.elapsed() < Duration::from_secs(2), "{:?}", start.elapsed());
        assert_eq!(hang.join().unwrap().unwrap_err().kind, ErrorKind::Timeout);
    });
}

#[test]
fn workers_serve_many_threads() {
    let pool = pool(2, Duration::from_secs(10), 1 << 30);
    let good = pdf(fixture("avtale-bokmal.pdf"));
    let expected = pool.extract(&good).unwrap();
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for _ in 0..5 {
                    assert_eq!(pool.extract(&good).unwrap(), expected);
                }
            });
        }
    });
}

#[test]
fn the_signed_fixture_is_a_real_incremental_update() {
    let signed = signed(&fixture("avtale-bokmal.pdf"));
    let text = String::from_utf8_lossy(&signed);
    assert_eq!(text.matches("%%EOF").count(), 2);
    assert!(text.contains("/Type /Sig") && text.contains("/Prev "));
    let range: Vec<usize> = text[text.find("/ByteRange [").unwrap() + 12..]
        .split(']')
        .next()
        .unwrap()
        .split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect();
    assert_eq!(range[2] + range[3], signed.len());
    assert_eq!(&signed[range[1]..range[2]][..1], b"<");
}

// Limits: every file's whole analysis within its deadline, memory within a budget, no "no
// risk" for a document that could not be assessed, no panic outside its own report.

/// A report by its file name, from a run's JSON.
fn report<'a>(json: &'a Value, name: &str) -> &'a Value {
    let reports = json["reports"].as_array().unwrap();
    reports.iter().find(|r| r["file"].as_str().unwrap().ends_with(name)).unwrap_or_else(|| panic!("no {name}"))
}

fn kind(report: &Value) -> &str {
    report["error"]["kind"].as_str().unwrap_or("none")
}

/// A clause without a value, repeated: the engine looks for the value in the sentences around
/// each one (the tested build took 8 s for 2,000 of them, growing with the square).
const VALUELESS_CLAUSE: &str = "Arbeidstaker har bindingstid. ";

const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG: &str = r#"xmlns="http://schemas.openxmlformats.org/package/2006/relationships""#;
const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

const PREAMBLE: &str = "Arbeidsavtale mellom arbeidsgiver og arbeidstaker om stillingen som rådgiver.\n\n";

/// Analyses `text` as the file `name` under a 10 s deadline and asserts it is read in time.
fn read_in_time(name: &str, text: &str) {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join(name);
    fs::write(&path, text).unwrap();
    let args = [std::ffi::OsStr::new("--timeout"), std::ffi::OsStr::new("10"), path.as_os_str()];
    let r = run(&args, Duration::from_secs(40));
    assert_eq!(report(&r.json, name)["status"], "ok", "{:?}", r.elapsed);
}

/// One sentence of `clause` said `times` over, read in time ([`read_in_time`]).
fn sentence_read_in_time(name: &str, clause: &str, times: usize) {
    read_in_time(name, &format!("{}slutt.\n", clause.repeat(times)));
}

#[test]
fn a_text_retold_in_the_first_person_thousands_of_times_is_read_in_time() {
    // Each "I" and "jeg" inside a start's form is looked up among all the text's first-person
    // words; a lookup by scanning them all took 18 s on this text (1 MB, 60 000 pronouns).
    let retold = "If I leave before I start, I pay. Jeg betaler før jeg begynner. ".repeat(15_000);
    read_in_time("fortalt.txt", &format!("{PREAMBLE}{retold}"));
}

#[test]
fn a_text_of_hedged_lengths_on_one_line_is_read_in_time() {
    // After each full stop not followed by a capital ("f.eks. seks"), a short lower-case
    // question was looked for by searching the rest of the line for "?": 21 s on this line.
    let hedged = "Prøvetiden er f.eks. seks måneder. ".repeat(100_000);
    read_in_time("eksempel.txt", &format!("Hei Kari! Vi tilbyr deg stillingen. {hedged}"));
}

#[test]
fn a_text_of_many_questions_to_a_column_is_read_in_time() {
    // Whether a reader's question also asks what the law allows was looked for among all the
    // text's sentences for each question: 14 s on these 55 000 paragraphs (4 MB).
    let asked = "Spørsmål: Jeg har tre måneders oppsigelsestid og har fått ny jobb.\n\n".repeat(55_000);
    read_in_time("spørsmål.txt", &asked);
}

#[test]
fn a_sentence_of_many_scoped_holders_is_read_in_time() {
    // Whether "you must" holds a length (only beside a notice) was asked of the whole sentence
    // for each of its holders: 14 s on this one sentence of 40 000 of them (1.5 MB).
    let held = "Under the bond you must work with them for 2 years and you must give notice and ".repeat(20_000);
    read_in_time("holdere.txt", &format!("{held}\n"));
}

#[test]
fn a_sentence_of_many_lengths_before_their_nouns_is_read_in_time() {
    // Whether a length in the singular modifies the noun after it was asked of every holder of
    // the sentence for each length: past the 10 s deadline on this one sentence (4 MB).
    read_in_time("bindinger.txt", &format!("{}\n", "I signed a 2 year bond and ".repeat(150_000)));
}

#[test]
fn a_sentence_of_many_denials_is_read_in_time() {
    // For each "ikke" the exceptions and provisos after it, the triggers before it it may pair
    // with and a concept it is part of were searched for in the whole sentence: 14 s on this
    // one sentence of 60 000 denials (2.8 MB).
    sentence_read_in_time("nektet.txt", "Avtalen kan ikke sies opp i avtaleperioden og ", 60_000);
}

#[test]
fn a_sentence_of_many_sums_after_med_is_read_in_time() {
    // For each "med" the next "by" was searched for to the end of the text: past the 10 s
    // deadline on this one sentence of 60 000 of them (3 MB).
    sentence_read_in_time("med.txt", "Arbeidstakeren har 2 årsbindingstid med rederiet og ", 60_000);
}

#[test]
fn a_sentence_of_many_sums_is_read_in_time() {
    // Whether a number in words stood inside a sum in figures, and where the last sum before
    // it ended, was asked of every sum of the sentence for each of its words: past the 10 s
    // deadline on this one sentence of 50 000 sums (3.6 MB).
    let sums = "Sier du opp uten å jobbe oppsigelsestiden, trekkes kr 9 000 i lønn og ";
    sentence_read_in_time("beløp.txt", sums, 50_000);
}

#[test]
fn a_sentence_of_many_terms_joined_by_og_is_read_in_time() {
    // Whether ", og" or "; " stood between a term and a later anchor was searched for in all
    // the words between them, for each pair: past the 10 s deadline on this one sentence of
    // 200 000 terms (3.4 MB).
    let terms = "oppsigelsestid og prøvetid og bindingstid og konkurranseklausul og ";
    sentence_read_in_time("vilkår.txt", terms, 50_000);
}

#[test]
fn a_sentence_of_many_clauses_whose_values_another_holds_is_read_in_time() {
    // Each notice's anchor, finding no value it could take (each length is the probation's,
    // held by "which is"), read every value of the sentence for its own: 30 s on these 20 000
    // clauses (1.8 MB), past the 10 s deadline.
    let clause = "Each party may end the agreement after the probationary period, which is three months, and ";
    sentence_read_in_time("prøvetid.txt", clause, 20_000);
}

#[test]
fn a_fifo_is_refused_without_blocking() {
    let tmp = tempfile::tempdir().unwrap();
    let fifo = tmp.path().join("kø.txt");
    let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid C string.
    assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
    let good = tmp.path().join("avtale.txt");
    fs::write(&good, fixture("avtale-bokmal.txt")).unwrap();
    let r = run(&[fifo.as_os_str(), good.as_os_str()], Duration::from_secs(20));
    assert_eq!(kind(report(&r.json, "kø.txt")), "unsupported", "{}", r.json);
    assert_eq!(report(&r.json, "avtale.txt")["status"], "ok");
    assert_eq!(r.code, Some(2));
}

/// A page that draws a form XObject which draws another 20 times, three levels deep: one
/// clause sentence drawn 8,000 times from a file of a few KB.
fn repeated_xobjects() -> Vec<u8> {
    let text = format!("BT /F1 11 Tf 70 770 Td ({VALUELESS_CLAUSE}) Tj ET");
    let form = |content: &str, inner: &str| {
        stream(
            &format!(
                "/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << {FONT} /XObject << {inner} >> >>"
            ),
            content.as_bytes(),
        )
    };
    one_page(
        &format!("{FONT} /XObject << /X2 7 0 R >>"),
        format!("BT /F1 11 Tf 70 800 Td ({}) Tj ET {}", PREAMBLE.trim(), "/X2 Do ".repeat(20)).as_bytes(),
        &[form(&text, ""), form(&"/X0 Do ".repeat(20), "/X0 5 0 R"), form(&"/X1 Do ".repeat(20), "/X1 6 0 R")],
    )
}

#[test]
fn every_file_is_analysed_within_its_deadline() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let contract = String::from_utf8(fixture("avtale-bokmal.txt")).unwrap();
    // The main part named as the footnotes part 1,000 times.
    let body: String = contract
        .split("\n\n")
        .map(|p| format!("<w:p><w:r><w:t>{}</w:t></w:r></w:p>", p.replace('&', "&amp;").replace('<', "&lt;")))
        .collect();
    let rels: String = (0..1000)
        .map(|i| format!(r#"<Relationship Id="f{i}" Type="{REL}/footnotes" Target="document.xml"/>"#))
        .collect();
    let docx = zip_of(&[
        ("word/document.xml", format!(r#"<w:document {W}><w:body>{body}</w:body></w:document>"#).as_bytes()),
        ("word/_rels/document.xml.rels", format!(r#"<Relationships {PKG}>{rels}</Relationships>"#).as_bytes()),
    ]);
    let files: [(&str, Vec<u8>); 7] = [
        ("a-verdiløse-klausuler.txt", format!("{PREAMBLE}{}", VALUELESS_CLAUSE.repeat(3000)).into_bytes()),
        ("b-xobjekter.pdf", repeated_xobjects()),
        ("c-fotnoter.docx", docx),
        ("d-en-linje.txt", format!("{PREAMBLE}{}", "arbeidstaker ".repeat(800_000)).into_bytes()),
        ("e-gjentatt.txt", contract.repeat(2000).into_bytes()),
        // U+FDFA: 3 bytes that NFKC turns into 33.
        ("f-nfkc.txt", format!("{PREAMBLE}{}", "\u{fdfa}".repeat(1_000_000)).into_bytes()),
        ("g-avtale.txt", contract.clone().into_bytes()),
    ];
    let mut paths = Vec::new();
    for (name, bytes) in files {
        fs::write(dir.join(name), bytes).unwrap();
        paths.push(dir.join(name));
    }
    let args = ["--timeout", "3", "--jobs", "2"].map(std::ffi::OsStr::new);
    let paths: Vec<&std::ffi::OsStr> = paths.iter().map(|p| p.as_os_str()).collect();
    let r = run(&[&args[..], &paths].concat(), Duration::from_secs(40));
    // Two slow files at 3 s each on two jobs, the rest in well under a second.
    assert!(r.elapsed < Duration::from_secs(12), "{:?}", r.elapsed);
    for slow in ["a-verdiløse-klausuler.txt", "b-xobjekter.pdf"] {
        let report = report(&r.json, slow);
        assert!(report["status"] == "ok" || kind(report) == "timeout", "{report}");
    }
    let footnotes = report(&r.json, "c-fotnoter.docx");
    assert_eq!(footnotes["status"], "ok", "{footnotes}");
    assert_eq!(footnotes["findings"].as_array().unwrap().len(), 10, "the main part is read once");
    for too_large in ["d-en-linje.txt", "e-gjentatt.txt", "f-nfkc.txt"] {
        assert_eq!(kind(report(&r.json, too_large)), "too_large", "{}", report(&r.json, too_large));
    }
    assert_eq!(report(&r.json, "g-avtale.txt")["risk"], "high");
    assert!(r.main_peak_kib < 256 << 10, "main process peaked at {} KiB", r.main_peak_kib);
}

#[test]
fn a_quote_is_a_clause_not_a_document() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("lang-setning.txt");
    let sentence = format!(
        "Arbeidstaker har bindingstid i to år og plikter {}ellers.",
        "å følge retningslinjene fra arbeidsgiveren og ".repeat(2500)
    );
    fs::write(&path, format!("{PREAMBLE}{sentence}")).unwrap();
    let r = run(&[path.as_os_str()], Duration::from_secs(20));
    let findings = report(&r.json, "lang-setning.txt")["findings"].as_array().unwrap();
    assert!(!findings.is_empty(), "{}", r.json);
    for f in findings {
        let text = f["text"].as_str().unwrap();
        assert!(text.chars().count() <= 1004, "a quote of {} characters", text.chars().count());
        assert!(text.ends_with(" …"), "{text}");
    }
    assert!(findings.iter().any(|f| f["text"].as_str().unwrap().starts_with("Arbeidstaker har bindingstid")));
}

#[test]
fn pdf_workers_share_one_memory_budget() {
    let tmp = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for i in 0..8 {
        let path = tmp.path().join(format!("løkke-{i}.pdf"));
        fs::write(&path, cyclic_parent()).unwrap();
        paths.push(path);
    }
    let args = ["--timeout", "2", "--jobs", "8"].map(std::ffi::OsStr::new);
    let paths: Vec<&std::ffi::OsStr> = paths.iter().map(|p| p.as_os_str()).collect();
    let r = run(&[&args[..], &paths].concat(), Duration::from_secs(40));
    let budget: u64 = 2 << 30;
    let largest = r.worker_limits.iter().copied().max().unwrap();
    assert!(r.most_workers as u64 * largest <= budget, "{} workers of {largest} bytes", r.most_workers);
    assert_eq!(r.json["summary"]["by_error"]["timeout"], 8, "{}", r.json);
}

/// A PDF string in UTF-16BE, as forms write their values.
fn pdf_text(s: &str) -> String {
    let hex: String = s.encode_utf16().map(|u| format!("{u:04X}")).collect();
    format!("<FEFF{hex}>")
}

/// An Arbeidstilsynet-style form: printed labels, and the answers in filled-in fields.
fn filled_form() -> Vec<u8> {
    let content = b"BT /F1 11 Tf 70 770 Td (Standard arbeidsavtale) Tj 0 -20 Td (Arbeidsgiver og arbeidstaker inngaar denne avtalen om stillingen.) Tj 0 -20 Td (Avtalen gjelder fra tiltredelse og er skriftlig.) Tj 0 -40 Td (Tiltredelse:) Tj 0 -20 Td (Oppsigelsesfrist:) Tj ET";
    let field = |id: &str, label: &str, value: &str, y: u32| {
        obj(&format!(
            "<< /Type /Annot /Subtype /Widget /FT /Tx /T ({id}) /TU {} /V {} /Rect [200 {y} 400 {}] /P 3 0 R >>",
            pdf_text(label),
            pdf_text(value),
            y + 14
        ))
    };
    pdf_file(&[
        obj("<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R 6 0 R] >> >>"),
        obj(PAGES),
        obj(&format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << {FONT} >> /Contents 4 0 R /Annots [6 0 R 5 0 R] >>"
        )),
        stream("", content),
        field("felt1", "Oppsigelsesfrist", "3 måneder", 670),
        field("felt2", "Tiltredelse", "01.03.2027", 690),
    ])
}

/// Helvetica whose Unicode map sends every character into the private-use area: what a
/// garbled text layer looks like to a reader.
fn private_use_text() -> Vec<u8> {
    let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Garbled def 1 begincodespacerange <00> <FF> endcodespacerange 1 beginbfrange <20> <7E> <E020> endbfrange endcmap CMapName currentdict /CMap defineresource pop end end";
    one_page(
        "/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 5 0 R >> >>",
        b"BT /F1 11 Tf 70 770 Td (Arbeidsavtale mellom arbeidsgiver og arbeidstaker om stillingen) Tj ET",
        &[stream("", cmap)],
    )
}

#[test]
fn a_document_that_cannot_be_assessed_is_never_an_all_clear() {
    let empty_body = format!("<w:document {W}><w:body><w:p/></w:body></w:document>");
    let header_rels = format!(
        r#"<Relationships {PKG}><Relationship Id="rId1" Type="{REL}/header" Target="header1.xml"/></Relationships>"#
    );
    let header = format!("<w:hdr {W}><w:p><w:r><w:t>Arbeidsavtale</w:t></w:r></w:p></w:hdr>");
    let workbook = format!(
        r#"<Relationships {PKG}><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    );
    let files: [(&str, Vec<u8>, &str); 10] = [
        ("tom.docx", zip_of(&[("word/document.xml", empty_body.as_bytes())]), "no_text"),
        (
            "topptekst.docx",
            zip_of(&[
                ("word/document.xml", empty_body.as_bytes()),
                ("word/_rels/document.xml.rels", header_rels.as_bytes()),
                ("word/header1.xml", header.as_bytes()),
            ]),
            "no_text",
        ),
        (
            "regneark.docx",
            zip_of(&[
                ("_rels/.rels", workbook.as_bytes()),
                ("xl/workbook.xml", br#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>"#),
            ]),
            "unsupported",
        ),
        ("privat-bruk.pdf", private_use_text(), "no_text"),
        (
            "tysk.txt",
            "Arbeitsvertrag\n\nZwischen der Firma GmbH (Arbeitgeber) und Herrn Müller (Arbeitnehmer) wird folgender \
             Vertrag geschlossen. Die Kündigungsfrist beträgt drei Monate zum Monatsende. Das Arbeitsverhältnis \
             beginnt am 1. März 2027. Eine Probezeit von sechs Monaten wird vereinbart.\n"
                .into(),
            "unsupported_language",
        ),
        (
            "brev.txt",
            "Hei Kari!\n\nTakk for sist. Jeg håper alt står bra til med deg og familien. Vi kommer også på besøk \
             i sommer hvis det passer, men ikke før juli.\n\nHilsen fra Ola\n"
                .into(),
            "not_a_contract",
        ),
        // A clause pasted on its own names no employment word, but binds: it is assessed.
        ("klausul.txt", "Møter du ikke på første dag, skal du betale kr 20 000 i konvensjonalbot.\n".into(), "none"),
        // Terse rows with none of a language's telltale words ("ikke", "the", "måneder") are
        // still read in the language of their clauses.
        ("stikkord.txt", "Oppsigelsestid 3 mnd. Prøvetid 6 mnd. Kundeklausul 12 mnd. Bindingstid 24 mnd.\n".into(), "none"),
        ("skjema.pdf", filled_form(), "none"),
        ("avtale.docx", fixture("avtale-bokmal.docx"), "none"),
    ];
    let tmp = tempfile::tempdir().unwrap();
    for (name, bytes, _) in &files {
        fs::write(tmp.path().join(name), bytes).unwrap();
    }
    let r = run(&[tmp.path().as_os_str()], Duration::from_secs(30));
    for (name, _, want) in &files {
        let report = report(&r.json, name);
        assert_eq!(kind(report), *want, "{name}: {report}");
        if *want != "none" {
            assert_eq!(report["status"], "error", "{report}");
            assert!(report["risk"] == "none" && report["notice"].is_null(), "{report}");
        }
    }
    let by_error = &r.json["summary"]["by_error"];
    assert_eq!((by_error["no_text"].as_u64(), by_error["unsupported"].as_u64()), (Some(3), Some(1)), "{by_error}");
    assert_eq!((by_error["unsupported_language"].as_u64(), by_error["not_a_contract"].as_u64()), (Some(1), Some(1)));
    assert_eq!(r.code, Some(2), "a document that was not assessed is not a success");

    // The form's answers are read where its fields are: the notice period is the contract's.
    let form = report(&r.json, "skjema.pdf");
    assert_eq!(form["notice"]["basis"], "contract", "{form}");
    assert_eq!(form["notice"]["period"], serde_json::json!({"value": 3, "unit": "month"}), "{form}");
    assert_eq!(form["notice"]["start_date"], "2027-03-01", "{form}");
    let notice = form["findings"].as_array().unwrap().iter().find(|f| f["category"] == "notice_period").unwrap();
    assert_eq!(notice["text"], "Oppsigelsesfrist: 3 måneder");
    assert_eq!(notice["location"], serde_json::json!({"page": 1, "paragraph": 7}), "after the page's text");
}

#[test]
fn a_panic_costs_only_its_own_report() {
    use kontrakt::extract::{Document, InProcess};
    use kontrakt::model::{Report, Summary};
    use kontrakt::report::Sink;

    /// Reads text in process, but panics on one file, as a reader with a bug would.
    struct Panicking;
    impl Extractor for Panicking {
        fn extract(&self, source: &Source) -> Result<Document, kontrakt::error::FileError> {
            assert!(!source.path.ends_with("b.txt"), "a bug");
            InProcess::default().extract(source)
        }
    }
    struct Collect(Vec<Report>);
    impl Sink for Collect {
        fn report(&mut self, report: &Report) -> std::io::Result<()> {
            self.0.push(report.clone());
            Ok(())
        }
        fn finish(&mut self, _: &Summary) -> std::io::Result<()> {
            Ok(())
        }
    }
    let tmp = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = ["a.txt", "b.txt", "c.txt"].iter().map(|n| tmp.path().join(n)).collect();
    for f in &files {
        fs::write(f, fixture("avtale-bokmal.txt")).unwrap();
    }
    let mut config = kontrakt::Config::new(kontrakt::patterns::Patterns::builtin().unwrap());
    config.extractor = Box::new(Panicking);
    let mut sink = Collect(Vec::new());
    let summary = kontrakt::check_files(&files, &config, &mut sink).unwrap();
    assert_eq!((summary.ok, summary.errors), (2, 1));
    let kinds: Vec<Option<ErrorKind>> = sink.0.iter().map(|r| r.error().map(|e| e.kind)).collect();
    assert_eq!(kinds, [None, Some(ErrorKind::Internal), None]);
}
