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

#[test]
fn hostile_batch_is_reported_file_by_file() {
    let tmp = tempfile::tempdir().unwrap();
    let expected = build_batch(tmp.path());
    let dir = tmp.path().join("kontrakter");
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_kontrakt"))
        .args(["sjekk", "--format", "json", "--timeout", "5", "--max-size", "20MB"])
        .arg(&dir)
        .arg(tmp.path().join("finnes-ikke.pdf"))
        .arg(tmp.path().join("gammel.doc"))
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
    // The main process's own peak (workers have their own limit), sampled until it exits.
    let mut main_peak_kib = 0;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        main_peak_kib = vm_hwm(child.id()).unwrap_or(0).max(main_peak_kib);
        assert!(start.elapsed() < Duration::from_secs(60), "the batch hangs");
        std::thread::sleep(Duration::from_millis(20));
    };
    let elapsed = start.elapsed();
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    let json: Value = serde_json::from_slice(&reader.join().unwrap())
        .unwrap_or_else(|e| panic!("not one JSON document ({e}); {status}, stderr: {stderr}"));
    eprintln!("batch: {elapsed:?}, main process peak {} MiB", main_peak_kib >> 10);

    // Exit code 2: some file could not be analysed. No panic message or worker noise on stderr.
    assert_eq!(status.code(), Some(2), "{stderr}");
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
