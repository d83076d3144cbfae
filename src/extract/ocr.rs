//! OCR: the text of scanned and photographed contracts, read by Tesseract.
//!
//! Tesseract runs as the `tesseract` program, a child process of whoever extracts (a PDF worker
//! in the command line): under an address-space limit, killed at the file's deadline and, as
//! the worker's child, killed with the worker (`PR_SET_PDEATHSIG`) when the pool stops it. The
//! README gives the measurements behind running the program rather than linking libtesseract.
//!
//! A PDF page is read by OCR when its text layer has fewer than `pdf::MIN_CHARS_PER_PAGE`
//! characters and it shows an image at least `MIN_SCAN_SIDE` pixels each way (a scan, not a
//! logo or a signature). Its image is taken out of the PDF as stored: JPEG and JPEG 2000 bytes
//! as they are, CCITT fax data behind a TIFF header, 8-bit grey or RGB and 1-bit pixels
//! (Flate, LZW or none) as PNM. Anything else is drawn by poppler's `pdftoppm` at 300 dpi.
//!
//! Tesseract is asked for TSV: every word with its confidence and its block, paragraph and
//! line. A tilted page is straightened first (`deskew`); a page turned sideways or upside
//! down is read again after orientation detection (see `recognise`). The lines become
//! paragraphs as a PDF's text lines do (`pdf::pages_of`).

use std::ffi::OsString;
use std::fs;
use std::io::{self, Read};
use std::os::unix::fs::DirBuilderExt;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::{Duration, Instant};

use pdf_extract::{Dictionary, Document as Pdf, Object, Stream};

use super::{deskew, pdf, worker, Document, Extracted, Page};
use crate::error::{ErrorKind, FileError};
use crate::model::OcrPage;

/// What to install for OCR, on Debian and Ubuntu.
pub const INSTALL_TESSERACT: &str = "sudo apt-get install tesseract-ocr tesseract-ocr-nor tesseract-ocr-eng";

/// What to install for HEIC photos.
pub const INSTALL_HEIF: &str = "sudo apt-get install libheif-examples";

/// What to install for drawing the PDF pages whose images are not read directly.
const INSTALL_POPPLER: &str = "sudo apt-get install poppler-utils";

/// Tesseract's language data: Norwegian (bokmål and nynorsk) and English.
const LANGUAGES: &str = "nor+eng";

/// The smaller side, in pixels, of an image taken for a scanned page: an A4 page scanned at
/// 100 dpi has 827 × 1169.
const MIN_SCAN_SIDE: i64 = 600;

/// Address space of one tesseract or pdftoppm run. A 300 dpi A4 page peaks at about 130 MB.
const MEMORY: u64 = 1 << 30;

/// Most output read from one run: TSV of a few hundred pages.
const MAX_OUTPUT: u64 = 64 << 20;

/// Tesseract's page segmentation: one column of text (`--psm 4`). The full segmentation cuts
/// a page into blocks and can scramble the reading order; one block (`--psm 6`) read scans
/// worse, and once photos are straightened ([`deskew`]) photos too (README).
const PSM: &str = "4";

/// A page with fewer words than this is taken as blank (a few specks read as letters).
const MIN_PAGE_WORDS: usize = 10;

/// Below this mean word confidence a page was not read, only guessed at: its text would make
/// findings (or their absence) that cannot be trusted, so the file gets an error.
const MIN_CONFIDENCE: u8 = 50;

/// Pages read by OCR beyond which a file gets no more time: a scan of more pages needs a
/// longer `--timeout` (a hostile file of thousands of image pages is still stopped).
pub const MAX_TIMED_PAGES: usize = 40;

/// The time allowed for one file of which OCR reads `ocr_pages` pages: `timeout`, and a sixth
/// of it more (5 s of the default 30 s) for each such page, up to [`MAX_TIMED_PAGES`]. A page
/// costs about a second of CPU time (README), several on a busy machine.
pub fn time_allowed(timeout: Duration, ocr_pages: usize) -> Duration {
    timeout + timeout / 6 * ocr_pages.min(MAX_TIMED_PAGES) as u32
}

/// The text of an image file (JPEG, PNG, TIFF: each frame a page), by OCR. `deadline` is told
/// how many pages OCR will read and answers when to give up (see [`time_allowed`]).
pub fn image(bytes: &[u8], deadline: impl FnOnce(usize) -> Option<Instant>) -> Result<Extracted, FileError> {
    let frames = tiff_frames(bytes).unwrap_or(1);
    let deadline = deadline(frames);
    let dir = TempDir::new()?;
    // Only the first frame would be straightened; a TIFF of several is left to Tesseract.
    let page = if frames == 1 { dir.write_page("image", bytes)? } else { PageFile::as_is(dir.write("image", bytes)?) };
    let read = recognise(&dir, &[page], deadline)?;
    let pages: Vec<usize> = (0..read.len()).collect();
    assemble(vec![Page::default(); read.len()], &pages, read)
}

/// The text of a HEIC/HEIF photo: libheif's `heif-convert` decodes it to PNG (Tesseract's
/// image library cannot), which is then read as [`image()`] reads one.
pub fn heic(bytes: &[u8], deadline: impl FnOnce(usize) -> Option<Instant>) -> Result<Extracted, FileError> {
    let deadline = deadline(1);
    let dir = TempDir::new()?;
    let heic = dir.write("photo.heic", bytes)?;
    let png = dir.path.join("photo.png");
    let args: Vec<OsString> = vec!["--quiet".into(), heic.into(), png.clone().into()];
    run("heif-convert", &args, deadline).map_err(|e| match e {
        RunError::Missing => FileError::new(
            ErrorKind::NoText,
            format!("HEIC photos need libheif's heif-convert, which is not installed: {INSTALL_HEIF}"),
        ),
        RunError::Failed(_) => {
            FileError::new(ErrorKind::Corrupt, "the HEIC photo cannot be decoded (damaged or incomplete)")
        }
        e => e.into_file_error("decoding the HEIC photo (heif-convert)"),
    })?;
    let picture = fs::read(&png).map_err(|e| internal("cannot read the decoded HEIC photo", e))?;
    let read = recognise(&dir, &[dir.straighten(png, &picture)?], deadline)?;
    assemble(vec![Page::default(); read.len()], &(0..read.len()).collect::<Vec<_>>(), read)
}

/// The text of a PDF: its text layer, and OCR for the pages that are scans. `deadline` is as
/// for [`image()`], asked only when there are pages to read by OCR.
pub fn pdf(bytes: &[u8], deadline: impl FnOnce(usize) -> Option<Instant>) -> Result<Extracted, FileError> {
    let layer = pdf::text_layer(bytes)?;
    let bare: Vec<usize> = (0..layer.len()).filter(|&i| pdf::chars(&layer[i]) < pdf::MIN_CHARS_PER_PAGE).collect();
    if bare.is_empty() {
        return pdf::with_text(layer).map(Extracted::from);
    }
    let images = page_images(bytes, &bare);
    let scanned: Vec<usize> = bare.iter().zip(&images).filter(|(_, image)| image.is_some()).map(|(&i, _)| i).collect();
    if scanned.is_empty() {
        return pdf::with_text(layer).map(Extracted::from);
    }
    let deadline = deadline(scanned.len());
    let dir = TempDir::new()?;
    let mut files = Vec::new();
    for (&page, image) in bare.iter().zip(images).filter_map(|(p, i)| i.map(|i| (p, i))) {
        files.push(match image {
            PageImage::Stored(picture) => dir.write_page(&format!("page-{page}"), &picture)?,
            PageImage::Drawn => {
                let drawn = render(&dir, bytes, page, deadline)?;
                let picture = fs::read(&drawn).map_err(|e| internal("cannot read a drawn page", e))?;
                dir.straighten(drawn, &picture)?
            }
        });
    }
    let read = recognise(&dir, &files, deadline)?;
    if read.len() != scanned.len() {
        return Err(FileError::new(
            ErrorKind::Internal,
            format!("text recognition gave {} pages for {} images", read.len(), scanned.len()),
        ));
    }
    assemble(layer, &scanned, read)
}

/// The number of frames (pages) of a TIFF file, `None` for other images. Counted along the
/// chain of image directories, at most [`MAX_TIMED_PAGES`] + 1 of them (a chain may loop).
fn tiff_frames(bytes: &[u8]) -> Option<usize> {
    let little = match bytes.get(..4)? {
        b"II*\0" => true,
        b"MM\0*" => false,
        _ => return None,
    };
    let read = |at: usize, n: usize| -> Option<u32> {
        let b = bytes.get(at..at.checked_add(n)?)?;
        let mut v = [0u8; 4];
        if little {
            v[..n].copy_from_slice(b);
            Some(u32::from_le_bytes(v))
        } else {
            v[4 - n..].copy_from_slice(b);
            Some(u32::from_be_bytes(v))
        }
    };
    let (mut frames, mut at) = (0, read(4, 4)? as usize);
    while at != 0 && frames <= MAX_TIMED_PAGES {
        let Some(entries) = read(at, 2) else { break };
        frames += 1;
        at = read(at + 2 + entries as usize * 12, 4).unwrap_or(0) as usize;
    }
    Some(frames.max(1))
}

/// The text layer's pages with the pages at `scanned` replaced by what OCR read of them.
fn assemble(mut pages: Vec<Page>, scanned: &[usize], read: Vec<Recognised>) -> Result<Extracted, FileError> {
    if let Some((page, r)) =
        scanned.iter().zip(&read).find(|(_, r)| r.words >= MIN_PAGE_WORDS && r.confidence < MIN_CONFIDENCE)
    {
        return Err(FileError::new(
            ErrorKind::NoText,
            format!(
                "text recognition could not read page {} (mean word confidence {} %); scan or photograph it again, flat and sharp",
                page + 1,
                r.confidence
            ),
        ));
    }
    let texts: Vec<String> = read.iter().map(|r| r.text.clone()).collect();
    let mut ocr = Vec::new();
    for ((&page, r), text) in scanned.iter().zip(&read).zip(pdf::pages_of(&texts)) {
        pages[page] = text;
        ocr.push(OcrPage { page: page as u32 + 1, confidence: r.confidence });
    }
    let document = pdf::with_text(pages).map_err(|e| {
        FileError::new(
            e.kind,
            format!("text recognition found no text ({} words)", read.iter().map(|r| r.words).sum::<usize>()),
        )
    })?;
    Ok(Extracted { document: Document { paged: true, ..document }, ocr, ..Extracted::default() })
}

/// One page as Tesseract read it.
#[derive(Debug, Default, PartialEq)]
struct Recognised {
    /// Lines joined by '\n', paragraphs (Tesseract's) by a blank line.
    text: String,
    /// Words read.
    words: usize,
    /// Mean word confidence, 0–100 (0 without words).
    confidence: u8,
}

/// A page image as written for Tesseract.
struct PageFile {
    /// The image to read first: straightened when it was tilted.
    path: PathBuf,
    /// The image as it came, for orientation detection: a page turned sideways may have been
    /// turned a few degrees more by mistake.
    as_is: PathBuf,
}

impl PageFile {
    fn as_is(path: PathBuf) -> PageFile {
        PageFile { as_is: path.clone(), path }
    }
}

/// Reads the images of `files` (each one page, a TIFF one page per frame) with Tesseract.
///
/// Pages are first read in page segmentation mode [`PSM`]. Pages that
/// give few words or little confidence that way (a page turned sideways or upside down) are
/// read again with orientation detection first (`--psm 1`), and the better reading is kept.
fn recognise(dir: &TempDir, files: &[PageFile], deadline: Option<Instant>) -> Result<Vec<Recognised>, FileError> {
    let paths: Vec<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
    let mut pages = tesseract(dir, &paths, PSM, deadline)?;
    let weak: Vec<usize> = (0..pages.len()).filter(|&i| !pages[i].is_good()).collect();
    if weak.is_empty() {
        return Ok(pages);
    }
    // With one page per image only the weak ones are read again; a TIFF's frames cannot be.
    let (again, at): (Vec<PathBuf>, Vec<usize>) = if pages.len() == files.len() {
        (weak.iter().map(|&i| files[i].as_is.clone()).collect(), weak)
    } else {
        (files.iter().map(|f| f.as_is.clone()).collect(), (0..pages.len()).collect())
    };
    for (i, turned) in at.into_iter().zip(tesseract(dir, &again, "1", deadline)?) {
        if turned.words >= MIN_PAGE_WORDS
            && (turned.confidence > pages[i].confidence || pages[i].words < MIN_PAGE_WORDS)
        {
            pages[i] = turned;
        }
    }
    Ok(pages)
}

/// One run of Tesseract over the images at `paths` with page segmentation mode `psm`.
fn tesseract(
    dir: &TempDir,
    paths: &[PathBuf],
    psm: &str,
    deadline: Option<Instant>,
) -> Result<Vec<Recognised>, FileError> {
    let list = paths.iter().map(|p| p.to_string_lossy()).collect::<Vec<_>>().join("\n") + "\n";
    let list = dir.write(&format!("pages-{psm}.txt"), list.as_bytes())?;
    let args: Vec<OsString> =
        vec![list.into(), "stdout".into(), "-l".into(), LANGUAGES.into(), "--psm".into(), psm.into(), "tsv".into()];
    let tsv = run("tesseract", &args, deadline).map_err(|e| match e {
        RunError::Missing => FileError::new(
            ErrorKind::NoText,
            format!("text recognition needs Tesseract, which is not installed: {INSTALL_TESSERACT}"),
        ),
        RunError::Failed(why) if why.contains("Failed loading language") || why.contains("Error opening data file") => {
            FileError::new(
                ErrorKind::NoText,
                format!("Tesseract lacks the Norwegian or English language data: {INSTALL_TESSERACT}"),
            )
        }
        e => e.into_file_error("text recognition (tesseract)"),
    })?;
    Ok(parse_tsv(&String::from_utf8_lossy(&tsv)))
}

impl Recognised {
    /// Enough words read with enough confidence not to try another way.
    fn is_good(&self) -> bool {
        self.words >= MIN_PAGE_WORDS && self.confidence >= OcrPage::LOW_CONFIDENCE
    }
}

/// Tesseract's TSV as pages: a row per page (level 1), block, paragraph, line and word
/// (level 5, with its box, confidence and text).
fn parse_tsv(tsv: &str) -> Vec<Recognised> {
    let mut pages: Vec<Vec<Line>> = Vec::new();
    for row in tsv.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let [level, _, block, par, line, _, left, top, width, height, conf, text] = cols[..] else { continue };
        let number = |s: &str| s.parse::<u32>().unwrap_or(0);
        if level == "1" {
            pages.push(Vec::new());
            continue;
        }
        let (Some(lines), "5", Ok(conf)) = (pages.last_mut(), level, conf.parse::<f64>()) else { continue };
        let text = text.trim();
        if text.is_empty() || conf < 0.0 {
            continue;
        }
        let at = (number(block), number(par), number(line));
        let word = Word {
            left: number(left) as f64,
            top: number(top) as f64,
            width: number(width) as f64,
            height: number(height) as f64,
            conf,
            text: text.to_string(),
        };
        match lines.last_mut() {
            Some(last) if last.at == at => last.words.push(word),
            _ => lines.push(Line { at, words: vec![word] }),
        }
    }
    pages.into_iter().map(layout).collect()
}

/// A word as Tesseract found it: its box in pixels, its confidence and text.
struct Word {
    left: f64,
    top: f64,
    width: f64,
    height: f64,
    conf: f64,
    text: String,
}

/// A line as Tesseract found it: its (block, paragraph, line) numbers and its words.
struct Line {
    at: (u32, u32, u32),
    words: Vec<Word>,
}

impl Line {
    fn right(&self) -> f64 {
        self.words.last().map_or(0.0, |w| w.left + w.width)
    }

    fn left(&self) -> f64 {
        self.words.first().map_or(0.0, |w| w.left)
    }

    /// Vertical middle of the first or the last word (lines of a tilted page slope).
    fn middle(&self, last: bool) -> f64 {
        let w = if last { self.words.last() } else { self.words.first() };
        w.map_or(0.0, |w| w.top + w.height / 2.0)
    }
}

/// A page's lines as text. On an upright page, line pieces that continue one another (the
/// next piece starts just right of where one ends, at the same height) are joined: Tesseract
/// cuts the lines of a photographed page, bent by perspective, into side-by-side pieces. A
/// blank line marks a paragraph break, where the space to the line before exceeds
/// [`PARAGRAPH_GAP`] word heights; on a page read sideways Tesseract's own paragraphs are kept.
fn layout(lines: Vec<Line>) -> Recognised {
    let (count, confidence, h, upright) = {
        let words: Vec<&Word> = lines.iter().flat_map(|l| &l.words).collect();
        if words.is_empty() {
            return Recognised::default();
        }
        let mean = words.iter().map(|w| w.conf).sum::<f64>() / words.len() as f64;
        let mut heights: Vec<f64> = words.iter().map(|w| w.height).collect();
        heights.sort_by(f64::total_cmp);
        let long: Vec<&&Word> = words.iter().filter(|w| w.text.chars().count() >= 3).collect();
        let upright = long.iter().filter(|w| w.width > w.height).count() * 2 >= long.len();
        (words.len(), mean.round().clamp(0.0, 100.0) as u8, heights[heights.len() / 2].max(1.0), upright)
    };
    let mut lines: Vec<Option<Line>> = lines.into_iter().map(Some).collect();
    if upright {
        for i in 0..lines.len() {
            while let Some(j) = continuation(&lines, i, h) {
                let piece = lines[j].take().map(|l| l.words).unwrap_or_default();
                if let Some(line) = lines[i].as_mut() {
                    line.words.extend(piece);
                }
            }
        }
    }
    let mut text = String::new();
    let mut previous: Option<&Line> = None;
    for line in lines.iter().flatten() {
        if let Some(p) = previous {
            let new_paragraph = if upright {
                line.middle(false) - p.middle(false) > PARAGRAPH_GAP * h
            } else {
                line.at.0 != p.at.0 || line.at.1 != p.at.1
            };
            text.push_str(if new_paragraph { "\n\n" } else { "\n" });
        }
        text.push_str(&line.words.iter().map(|w| w.text.as_str()).collect::<Vec<_>>().join(" "));
        previous = Some(line);
    }
    Recognised { text, words: count, confidence }
}

/// Vertical distance between two lines, in word heights, above which a paragraph begins: a
/// line of text is about 1.3 word heights below the one before.
const PARAGRAPH_GAP: f64 = 1.8;

/// The line piece that continues line `i`: the nearest one starting within three word heights
/// right of its end, at the height of its end.
fn continuation(lines: &[Option<Line>], i: usize, h: f64) -> Option<usize> {
    let line = lines[i].as_ref()?;
    let (end, at) = (line.right(), line.middle(true));
    lines
        .iter()
        .enumerate()
        .filter_map(|(j, l)| Some((j, l.as_ref()?)))
        .filter(|&(j, l)| j != i && (l.middle(false) - at).abs() < 0.5 * h)
        .map(|(j, l)| (j, l.left() - end))
        .filter(|&(_, gap)| gap > -0.5 * h && gap < 3.0 * h)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(j, _)| j)
}

/// How a scanned page's image gets to Tesseract.
enum PageImage {
    /// As an image file, taken from the PDF.
    Stored(Vec<u8>),
    /// Drawn by pdftoppm.
    Drawn,
}

/// The scan shown on each of `pages` (0-based), `None` for a page without one (also when lopdf
/// cannot open the file, which pdf-extract then read only after mending it).
fn page_images(bytes: &[u8], pages: &[usize]) -> Vec<Option<PageImage>> {
    let doc = Pdf::load_mem(bytes).ok().and_then(|mut doc| {
        if doc.is_encrypted() && doc.decrypt("").is_err() {
            return None;
        }
        Some(doc)
    });
    let Some(doc) = doc else { return pages.iter().map(|_| None).collect() };
    let ids = doc.get_pages();
    pages
        .iter()
        .map(|&page| {
            let id = *ids.get(&(page as u32 + 1))?;
            let mut images = Vec::new();
            if let Ok((own, inherited)) = doc.get_page_resources(id) {
                let dicts = own.into_iter().chain(inherited.iter().filter_map(|&r| doc.get_dictionary(r).ok()));
                for resources in dicts {
                    collect_images(&doc, resources, 0, &mut images);
                }
            }
            let largest = images.into_iter().max_by_key(|s| dimensions(s).map_or(0, |(w, h)| w * h))?;
            let (w, h) = dimensions(largest)?;
            (w.min(h) >= MIN_SCAN_SIDE).then(|| picture(largest).map_or(PageImage::Drawn, PageImage::Stored))
        })
        .collect()
}

/// Image streams drawn through `resources`, also inside form XObjects (some scanners wrap the
/// page image in one).
fn collect_images<'a>(doc: &'a Pdf, resources: &'a Dictionary, depth: usize, out: &mut Vec<&'a Stream>) {
    let Ok(xobjects) = resources.get_deref(b"XObject", doc).and_then(Object::as_dict) else { return };
    for (_, object) in xobjects.iter() {
        let Ok(stream) = doc.dereference(object).and_then(|(_, o)| o.as_stream()) else { continue };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => out.push(stream),
            Ok(b"Form") if depth < 4 => {
                if let Ok(inner) = stream.dict.get_deref(b"Resources", doc).and_then(Object::as_dict) {
                    collect_images(doc, inner, depth + 1, out);
                }
            }
            _ => {}
        }
    }
}

fn dimensions(image: &Stream) -> Option<(i64, i64)> {
    let get = |key: &[u8]| image.dict.get(key).and_then(Object::as_i64).ok().filter(|&n| n > 0);
    Some((get(b"Width")?, get(b"Height")?))
}

/// The image as a file Tesseract reads, or `None` when it must be drawn instead.
fn picture(image: &Stream) -> Option<Vec<u8>> {
    let (width, height) = dimensions(image)?;
    let dict = &image.dict;
    let filters = image.filters().unwrap_or_default();
    let inverted = dict
        .get(b"Decode")
        .and_then(Object::as_array)
        .is_ok_and(|d| d.first().and_then(|o| o.as_float().ok()) == Some(1.0));
    match filters.as_slice() {
        [b"DCTDecode"] | [b"JPXDecode"] => Some(image.content.clone()),
        [b"CCITTFaxDecode"] => {
            // One filter's parameters may also come as a one-element array.
            let params = dict.get(b"DecodeParms").ok().and_then(|p| match p {
                Object::Array(a) => a.first().and_then(|p| p.as_dict().ok()),
                p => p.as_dict().ok(),
            });
            Some(ccitt_tiff(&image.content, width, height, params, inverted))
        }
        _ => {
            let bits = dict.get(b"BitsPerComponent").and_then(Object::as_i64).ok()?;
            let components = components(dict.get(b"ColorSpace").ok()?, bits)?;
            pnm(&image.decompressed_content().ok()?, width as usize, height as usize, bits, components, inverted)
        }
    }
}

/// Colour components of a device grey or RGB colour space (also calibrated or ICC-based with
/// one or three components); `None` for the others (indexed, CMYK, separations).
fn components(space: &Object, bits: i64) -> Option<usize> {
    let name = match space {
        Object::Name(n) => n.as_slice(),
        Object::Array(a) => match (a.first().and_then(|o| o.as_name().ok()), a.get(1)) {
            (Some(b"ICCBased"), Some(Object::Stream(s))) => {
                return s.dict.get(b"N").and_then(Object::as_i64).ok().filter(|&n| n == 1 || n == 3).map(|n| n as usize)
            }
            (Some(n), _) => n,
            _ => return None,
        },
        _ => return None,
    };
    match name {
        b"DeviceGray" | b"CalGray" | b"G" => Some(1),
        b"DeviceRGB" | b"CalRGB" | b"RGB" if bits == 8 => Some(3),
        _ => None,
    }
}

/// Raw pixels as a PNM file: 1-bit grey as PBM, 8-bit grey as PGM, 8-bit RGB as PPM.
fn pnm(data: &[u8], width: usize, height: usize, bits: i64, components: usize, inverted: bool) -> Option<Vec<u8>> {
    let (magic, row) = match (bits, components) {
        (1, 1) => ("P4", width.div_ceil(8)),
        (8, 1) => ("P5", width),
        (8, 3) => ("P6", width * 3),
        _ => return None,
    };
    let pixels = data.get(..row.checked_mul(height)?)?;
    let mut out = format!("{magic}\n{width} {height}\n{}", if bits == 1 { "" } else { "255\n" }).into_bytes();
    // In a PDF 0 is black; in a PBM 1 is.
    let flip = (bits == 1) != inverted;
    out.extend(pixels.iter().map(|&b| if flip { !b } else { b }));
    Some(out)
}

/// CCITT fax data behind a one-strip TIFF header, which leptonica decodes.
fn ccitt_tiff(data: &[u8], width: i64, height: i64, params: Option<&Dictionary>, inverted: bool) -> Vec<u8> {
    let param =
        |key: &[u8], default: i64| params.and_then(|p| p.get(key).and_then(Object::as_i64).ok()).unwrap_or(default);
    let flag = |key: &[u8]| params.is_some_and(|p| p.get(key).and_then(Object::as_bool).unwrap_or(false));
    let k = param(b"K", 0);
    let columns = param(b"Columns", width) as u32;
    let rows = param(b"Rows", height) as u32;
    // Group 4 (K < 0) is compression 4; group 3 is 3, two-dimensional when K > 0.
    let (compression, options_tag, options) =
        if k < 0 { (4, 293, 0) } else { (3, 292, u32::from(k > 0) | if flag(b"EncodedByteAlign") { 4 } else { 0 }) };
    // White runs are white unless the image is drawn inverted.
    let photometric = u32::from(flag(b"BlackIs1") != inverted);
    let entries: [(u16, u16, u32); 10] = [
        (256, 4, columns),
        (257, 4, rows),
        (258, 3, 1),
        (259, 3, compression),
        (262, 3, photometric),
        (273, 4, 0), // strip offset, set below
        (277, 3, 1),
        (278, 4, rows),
        (279, 4, data.len() as u32),
        (options_tag, 4, options),
    ];
    let data_at = 8 + 2 + entries.len() as u32 * 12 + 4;
    let mut out = b"II*\0".to_vec();
    out.extend(8u32.to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    for (tag, kind, value) in entries {
        let value = if tag == 273 { data_at } else { value };
        out.extend(tag.to_le_bytes());
        out.extend(kind.to_le_bytes());
        out.extend(1u32.to_le_bytes());
        out.extend(if kind == 3 { (value as u16 as u32).to_le_bytes() } else { value.to_le_bytes() });
    }
    out.extend(0u32.to_le_bytes());
    out.extend(data);
    out
}

/// Draws page `page` (0-based) of the PDF with pdftoppm; returns the image's path.
fn render(dir: &TempDir, bytes: &[u8], page: usize, deadline: Option<Instant>) -> Result<PathBuf, FileError> {
    let pdf = dir.path.join("document.pdf");
    if !pdf.exists() {
        fs::write(&pdf, bytes).map_err(|e| internal("cannot write the PDF for pdftoppm", e))?;
    }
    let n = (page + 1).to_string();
    let out = dir.path.join(format!("drawn-{n}"));
    let args: Vec<OsString> = ["-r", "300", "-gray", "-png", "-singlefile", "-f", &n, "-l", &n]
        .into_iter()
        .map(OsString::from)
        .chain([pdf.into_os_string(), out.clone().into_os_string()])
        .collect();
    run("pdftoppm", &args, deadline).map_err(|e| match e {
        RunError::Missing => FileError::new(
            ErrorKind::NoText,
            format!(
                "page {n} is a scan that only poppler's pdftoppm can draw, which is not installed: {INSTALL_POPPLER}"
            ),
        ),
        e => e.into_file_error("drawing a scanned page (pdftoppm)"),
    })?;
    Ok(out.with_extension("png"))
}

/// Why a helper program gave no result.
#[derive(Debug)]
enum RunError {
    /// Not installed.
    Missing,
    /// Still running at the deadline; it was killed.
    TimedOut,
    /// Stopped by the address-space limit.
    OutOfMemory,
    /// Failed: its exit status and last words.
    Failed(String),
}

impl RunError {
    fn into_file_error(self, what: &str) -> FileError {
        match self {
            RunError::Missing => FileError::new(ErrorKind::Internal, format!("{what}: not installed")),
            RunError::TimedOut => FileError::new(ErrorKind::Timeout, format!("{what} was stopped at the deadline")),
            RunError::OutOfMemory => {
                FileError::new(ErrorKind::TooLarge, format!("{what} needs more than {} MiB of memory", MEMORY >> 20))
            }
            RunError::Failed(why)
                if ["pixRead", "cannot be read", "Unsupported image"].iter().any(|w| why.contains(w)) =>
            {
                FileError::new(ErrorKind::Corrupt, "the image cannot be decoded (damaged or incomplete)")
            }
            RunError::Failed(why) => FileError::new(ErrorKind::Internal, format!("{what} failed: {why}")),
        }
    }
}

/// Runs `program args…` with no input, under [`MEMORY`] of address space and one thread of
/// OpenMP (see the README: more threads made a page slower on a busy machine), and returns its
/// output; kills it at `deadline`.
fn run(program: &str, args: &[OsString], deadline: Option<Instant>) -> Result<Vec<u8>, RunError> {
    let mut command = Command::new(program);
    command.args(args).env("OMP_THREAD_LIMIT", "1").stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    // SAFETY: prctl, getrlimit and setrlimit are async-signal-safe system calls.
    unsafe {
        command.pre_exec(|| {
            // Dies with the thread that started it, so a worker killed at its deadline takes
            // its OCR along.
            if libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL) != 0 {
                return Err(io::Error::last_os_error());
            }
            worker::limit_resources(MEMORY)
        })
    };
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(RunError::Missing),
        Err(e) => return Err(RunError::Failed(format!("cannot start {program}: {e}"))),
    };
    let drain = |pipe: Option<Box<dyn Read + Send>>, limit: u64| {
        thread::spawn(move || {
            let mut out = Vec::new();
            if let Some(pipe) = pipe {
                let _ = pipe.take(limit).read_to_end(&mut out);
            }
            out
        })
    };
    let stdout = drain(child.stdout.take().map(|p| Box::new(p) as _), MAX_OUTPUT);
    let stderr = drain(child.stderr.take().map(|p| Box::new(p) as _), 1 << 20);
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if deadline.is_some_and(|d| Instant::now() >= d) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(RunError::TimedOut);
            }
            Ok(None) => thread::sleep(Duration::from_millis(10)),
            Err(e) => return Err(RunError::Failed(format!("cannot wait for {program}: {e}"))),
        }
    };
    let stdout = stdout.join().unwrap_or_default();
    let stderr = String::from_utf8_lossy(&stderr.join().unwrap_or_default()).into_owned();
    if status.success() {
        return Ok(stdout);
    }
    if stderr.contains("bad_alloc") || stderr.contains("Cannot allocate") || status.signal() == Some(libc::SIGKILL) {
        return Err(RunError::OutOfMemory);
    }
    let last: Vec<&str> = stderr.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("Page ")).collect();
    let last = last[last.len().saturating_sub(2)..].join(" ");
    Err(RunError::Failed(format!("{status}: {last}")))
}

fn internal(what: &str, e: io::Error) -> FileError {
    FileError::new(ErrorKind::Internal, format!("{what}: {e}"))
}

/// A private folder for the images of one document, removed when dropped.
struct TempDir {
    path: PathBuf,
}

impl TempDir {
    fn new() -> Result<TempDir, FileError> {
        static COUNT: AtomicUsize = AtomicUsize::new(0);
        let name = format!("kontrakt-ocr-{}-{}", std::process::id(), COUNT.fetch_add(1, Ordering::Relaxed));
        let path = std::env::temp_dir().join(name);
        fs::DirBuilder::new().mode(0o700).create(&path).map_err(|e| internal("cannot make a folder for OCR", e))?;
        Ok(TempDir { path })
    }

    fn write(&self, name: &str, bytes: &[u8]) -> Result<PathBuf, FileError> {
        let path = self.path.join(name);
        fs::write(&path, bytes).map_err(|e| internal("cannot write an image for OCR", e))?;
        Ok(path)
    }

    /// Writes a page image for Tesseract, and a straightened copy when it is tilted.
    fn write_page(&self, name: &str, bytes: &[u8]) -> Result<PageFile, FileError> {
        let as_is = self.write(name, bytes)?;
        self.straighten(as_is, bytes)
    }

    /// The page image at `as_is` (its content `bytes`) with a straightened copy if it is tilted.
    fn straighten(&self, as_is: PathBuf, bytes: &[u8]) -> Result<PageFile, FileError> {
        Ok(match deskew::straighten(bytes) {
            Some(straight) => {
                let name = format!("{}-straight", as_is.file_name().unwrap_or_default().to_string_lossy());
                PageFile { path: self.write(&name, &straight)?, as_is }
            }
            None => PageFile::as_is(as_is),
        })
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str =
        "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n";

    /// A word row: 40 × 20 pixels at (`left`, `top`).
    fn word(block: u32, line: u32, left: u32, top: u32, conf: f64, text: &str) -> String {
        format!("5\t1\t{block}\t1\t{line}\t1\t{left}\t{top}\t40\t20\t{conf}\t{text}\n")
    }

    const PAGE: &str = "1\t1\t0\t0\t0\t0\t0\t0\t1000\t1000\t-1\t\n";

    #[test]
    fn tsv_becomes_lines_paragraphs_and_a_mean_confidence() {
        let tsv = [
            HEAD.to_string(),
            PAGE.into(),
            "2\t1\t1\t0\t0\t0\t0\t0\t1\t1\t-1\t\n".into(),
            word(1, 1, 100, 100, 90.0, "§"),
            word(1, 1, 150, 100, 80.0, "4"),
            word(1, 1, 200, 100, 70.0, "Prøvetid"),
            // A paragraph 2.5 word heights further down; its first line cut in two pieces
            // that Tesseract put in blocks of their own, the second a little lower (a tilt).
            word(2, 1, 100, 150, 96.0, "Det"),
            word(2, 2, 100, 176, 95.5, "prøvetid."),
            word(3, 1, 150, 154, 96.0, "gjelder"),
            word(3, 1, 240, 154, -1.0, ""),
            word(3, 1, 290, 154, 93.0, " "),
            PAGE.into(),
        ]
        .concat();
        let pages = parse_tsv(&tsv);
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[0].text, "§ 4 Prøvetid\n\nDet gjelder\nprøvetid.");
        assert_eq!((pages[0].words, pages[0].confidence), (6, 88), "(90+80+70+96+95.5+96)/6 = 87.9");
        assert_eq!(pages[1], Recognised::default());
    }

    #[test]
    fn a_page_read_sideways_keeps_tesseracts_paragraphs() {
        // Words taller than wide: the page was turned; boxes say nothing about reading order.
        let row = |par: u32, line: u32, top: u32, text: &str| {
            format!("5\t1\t1\t{par}\t{line}\t1\t500\t{top}\t20\t60\t90\t{text}\n")
        };
        let rows = [row(1, 1, 900, "Prøvetid"), row(1, 2, 700, "seks"), row(2, 1, 500, "måneder")];
        let tsv: String = [HEAD.to_string(), PAGE.into()].into_iter().chain(rows).collect();
        assert_eq!(parse_tsv(&tsv)[0].text, "Prøvetid\nseks\n\nmåneder");
    }

    #[test]
    fn each_ocr_page_adds_a_sixth_of_the_timeout_up_to_a_cap() {
        let t = Duration::from_secs(30);
        assert_eq!(time_allowed(t, 0), t);
        assert_eq!(time_allowed(t, 1), Duration::from_secs(35));
        assert_eq!(time_allowed(t, 20), Duration::from_secs(130), "a 20-page scan with the defaults");
        assert_eq!(time_allowed(t, 100_000), time_allowed(t, MAX_TIMED_PAGES));
        assert_eq!(time_allowed(t, MAX_TIMED_PAGES), Duration::from_secs(230));
    }

    #[test]
    fn tiff_frames_are_counted_along_the_directory_chain() {
        // Header, then directories of no entries at 8, 14 and 20, each pointing to the next.
        let mut tiff = b"II*\0\x08\0\0\0".to_vec();
        for next in [14u32, 20, 0] {
            tiff.extend(0u16.to_le_bytes());
            tiff.extend(next.to_le_bytes());
        }
        assert_eq!(tiff_frames(&tiff), Some(3));
        // A chain that loops is cut off after the last page that gets time.
        tiff[16..20].copy_from_slice(&8u32.to_le_bytes());
        assert_eq!(tiff_frames(&tiff), Some(MAX_TIMED_PAGES + 1));
        assert_eq!(tiff_frames(b"MM\0*\0\0\0\x08"), Some(1), "a directory cut off: one page");
        assert_eq!(tiff_frames(b"\xFF\xD8\xFF\xE0"), None);
    }

    #[test]
    fn pixels_become_pnm() {
        // Two rows of 10 one-bit pixels, PDF black = 0: a PBM has black = 1.
        let pbm = pnm(&[0x00, 0xC0, 0xFF, 0xC0], 10, 2, 1, 1, false).unwrap();
        assert_eq!(pbm, b"P4\n10 2\n\xFF\x3F\x00\x3F");
        let pgm = pnm(&[0, 128, 255, 7], 2, 2, 8, 1, false).unwrap();
        assert_eq!(pgm, b"P5\n2 2\n255\n\x00\x80\xFF\x07");
        assert_eq!(pnm(&[0; 5], 2, 1, 8, 3, false), None, "too few bytes");
        assert_eq!(pnm(&[0; 8], 2, 2, 16, 1, false), None, "16-bit pixels are drawn by pdftoppm");
    }

    #[test]
    fn fax_data_gets_a_tiff_header() {
        let mut params = Dictionary::new();
        params.set("K", -1);
        params.set("Columns", 1728);
        let tiff = ccitt_tiff(b"DATA", 1728, 2200, Some(&params), false);
        assert!(tiff.starts_with(b"II*\0\x08\0\0\0\x0a\0"), "{tiff:?}");
        let entry = |tag: u16| {
            let at = tiff[10..].chunks(12).take(10).find(|e| e[..2] == tag.to_le_bytes()).unwrap();
            u32::from_le_bytes(at[8..12].try_into().unwrap())
        };
        assert_eq!((entry(256), entry(257), entry(259), entry(262)), (1728, 2200, 4, 0));
        assert_eq!(&tiff[entry(273) as usize..], b"DATA");
    }
}
