//! Walk: the paths given on the command line become the sorted list of files to analyse.
//!
//! Folders are walked recursively. Hidden entries are skipped unless asked for; symbolic
//! links are not followed unless asked for, and when they are, a link back into its own
//! ancestry is detected and skipped instead of looping. A file in a folder is taken when its
//! extension is `.pdf`, `.docx`, `.txt` or that of an image (`.jpg`, `.jpeg`, `.png`, `.tif`,
//! `.tiff`: a scan or photo, read by OCR), or when it has another extension but starts like a
//! PDF or a DOCX (a contract saved without its extension). Files named on the command line are
//! always taken.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

const EXTENSIONS: &[&str] = &["pdf", "docx", "txt", "jpg", "jpeg", "png", "tif", "tiff", "heic", "heif"];

/// How folders are walked.
#[derive(Debug, Clone, Copy, Default)]
pub struct WalkOptions {
    /// Include hidden files and folders (names starting with a dot).
    pub hidden: bool,
    /// Follow symbolic links inside folders.
    pub follow: bool,
}

/// The files to analyse, sorted by path and without duplicates.
pub fn expand(paths: &[PathBuf], options: WalkOptions) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk_dir(path, options, &mut files);
        } else {
            files.push(path.clone());
        }
    }
    files.sort();
    files.dedup();
    files
}

/// The folders among `paths` that hold no file to analyse (empty, or only other file types),
/// given the `files` [`expand`] found in them.
pub fn empty_folders<'a>(paths: &'a [PathBuf], files: &[PathBuf]) -> Vec<&'a Path> {
    paths
        .iter()
        .filter(|dir| dir.is_dir())
        .filter(|dir| {
            // A folder's files sort right after it, component by component.
            let at = files.partition_point(|f| f.as_path() < dir.as_path());
            !files.get(at).is_some_and(|f| f.starts_with(dir))
        })
        .map(PathBuf::as_path)
        .collect()
}

fn walk_dir(dir: &Path, options: WalkOptions, files: &mut Vec<PathBuf>) {
    let walker = WalkDir::new(dir)
        .follow_links(options.follow)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || options.hidden || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() && is_contract(e.path()) => files.push(e.into_path()),
            Ok(_) => {}
            // A link loop is skipped; an unreadable folder becomes an entry of its own, so
            // that it is reported rather than silently missing.
            Err(e) if e.loop_ancestor().is_some() => {}
            Err(e) => {
                if let Some(p) = e.path() {
                    files.push(p.to_path_buf());
                }
            }
        }
    }
}

/// A file name's extension, lowercased.
fn extension(path: &Path) -> Option<String> {
    path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase)
}

fn is_contract(path: &Path) -> bool {
    match extension(path).as_deref() {
        Some(e) if EXTENSIONS.contains(&e) => true,
        _ => starts_like_a_contract(path),
    }
}

/// Whether a file's name says a worker process will read it (a PDF or an image): a hint for
/// starting one early, not a decision (formats are told by content).
pub fn read_by_worker(path: &Path) -> bool {
    matches!(extension(path).as_deref(), Some("pdf" | "jpg" | "jpeg" | "png" | "tif" | "tiff" | "heic" | "heif"))
}

fn starts_like_a_contract(path: &Path) -> bool {
    let mut head = [0u8; 5];
    File::open(path).and_then(|mut f| f.read_exact(&mut head)).is_ok()
        && (&head == b"%PDF-" || head.starts_with(b"PK\x03\x04"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn names(root: &Path, options: WalkOptions) -> Vec<String> {
        expand(&[root.to_path_buf()], options)
            .into_iter()
            .map(|p| p.strip_prefix(root).unwrap().to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn walks_sorted_skipping_hidden_and_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b/.skjult")).unwrap();
        for f in ["b/z.PDF", "a.docx", "b/.skjult/x.txt", ".gjemt.txt", "notat.md", "b/c.txt"] {
            fs::write(root.join(f), "x").unwrap();
        }
        fs::write(root.join("kontrakt-uten-endelse"), b"%PDF-1.7 ...").unwrap();
        assert_eq!(names(root, WalkOptions::default()), ["a.docx", "b/c.txt", "b/z.PDF", "kontrakt-uten-endelse"]);
        let all = names(root, WalkOptions { hidden: true, follow: false });
        assert_eq!(all, [".gjemt.txt", "a.docx", "b/.skjult/x.txt", "b/c.txt", "b/z.PDF", "kontrakt-uten-endelse"]);
    }

    #[test]
    fn folders_without_contracts_are_named() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for sub in ["a", "ab", "tom", "andre"] {
            fs::create_dir_all(root.join(sub)).unwrap();
        }
        fs::write(root.join("ab/k.txt"), "x").unwrap();
        fs::write(root.join("andre/notat.md"), "x").unwrap();
        let paths: Vec<PathBuf> = ["a", "ab", "tom", "andre", "ab/k.txt"].iter().map(|p| root.join(p)).collect();
        let files = expand(&paths, WalkOptions::default());
        let empty: Vec<PathBuf> = empty_folders(&paths, &files).into_iter().map(Path::to_path_buf).collect();
        assert_eq!(empty, [root.join("a"), root.join("tom"), root.join("andre")]);
    }

    #[test]
    fn symlink_loops_end() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("a")).unwrap();
        fs::write(root.join("a/k.txt"), "x").unwrap();
        std::os::unix::fs::symlink(root, root.join("a/loop")).unwrap();
        assert_eq!(names(root, WalkOptions::default()), ["a/k.txt"]);
        assert_eq!(names(root, WalkOptions { hidden: false, follow: true }), ["a/k.txt"]);
    }
}
