//! Walk: the paths given on the command line become the list of files to analyse.
//!
//! Folders are walked recursively; hidden entries are skipped and symbolic links inside
//! folders are not followed (so a link loop cannot trap the walk). Files named on the
//! command line are always taken, whatever their extension.

use std::fs;
use std::path::{Path, PathBuf};

const EXTENSIONS: &[&str] = &["pdf", "docx", "txt"];

/// The files to analyse, sorted by path and without duplicates.
pub fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            walk_dir(path, &mut files);
        } else {
            files.push(path.clone());
        }
    }
    files.sort();
    files.dedup();
    files
}

fn walk_dir(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        // An unreadable folder becomes an unreadable "file" so it is reported, not skipped.
        files.push(dir.to_path_buf());
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let Ok(kind) = entry.file_type() else { continue };
        if kind.is_dir() {
            walk_dir(&path, files);
        } else if kind.is_file() && has_contract_extension(&path) {
            files.push(path);
        }
    }
}

fn has_contract_extension(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_skipping_hidden_and_other_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir_all(root.join("b/.skjult")).unwrap();
        for f in ["b/z.PDF", "a.docx", "b/.skjult/x.txt", ".gjemt.txt", "notat.md", "b/c.txt"] {
            fs::write(root.join(f), "x").unwrap();
        }
        let got: Vec<_> = expand(&[root.to_path_buf()])
            .into_iter()
            .map(|p| p.strip_prefix(root).unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(got, vec!["a.docx", "b/c.txt", "b/z.PDF"]);
    }
}
