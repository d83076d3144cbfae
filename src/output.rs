//! Output files: a report file is never one of the contracts being read, and it is written to
//! a temporary file beside its target and renamed into place only when complete, so that an
//! interrupted or failed run leaves the previous file as it was.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

/// The first of `inputs` that is the same file as `target`, compared by device and inode, so
/// that another spelling of the path, a symbolic link or a hard link is caught too. `None`
/// when `target` does not exist yet.
pub fn input_conflict<'a>(target: &Path, inputs: &'a [PathBuf]) -> Option<&'a Path> {
    let id = |path: &Path| fs::metadata(path).ok().map(|m| (m.dev(), m.ino()));
    let target = id(target)?;
    inputs.iter().map(PathBuf::as_path).find(|input| id(input) == Some(target))
}

/// A report file being written. Writes go to a temporary file in the target's folder;
/// [`Staged::commit`] renames it over the target. Dropped without a commit, the temporary
/// file is removed and the target is left untouched.
///
/// A target that exists and is not a regular file (a terminal, `/dev/null`, a pipe) is
/// written directly: renaming over it would replace the device instead of writing to it.
#[derive(Debug)]
pub struct Staged {
    file: File,
    target: PathBuf,
    temp: Option<PathBuf>,
}

impl Staged {
    /// Starts writing the report meant for `target`.
    pub fn create(target: &Path) -> io::Result<Staged> {
        let existing = match fs::metadata(target) {
            Ok(m) => Some(m),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        if let Some(m) = &existing {
            if m.is_dir() {
                return Err(io::Error::new(io::ErrorKind::IsADirectory, "is a directory"));
            }
            if !m.is_file() {
                let file = OpenOptions::new().write(true).open(target)?;
                return Ok(Staged { file, target: target.to_path_buf(), temp: None });
            }
        }
        // Through a symbolic link, the file it points to is replaced, not the link.
        let target = if existing.is_some() { fs::canonicalize(target)? } else { target.to_path_buf() };
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        let mut name = std::ffi::OsString::from(".");
        name.push(target.file_name().unwrap_or_default());
        name.push(format!(".{}", std::process::id()));
        let (file, temp) = (0u32..)
            .map(|n| {
                let mut candidate = name.clone();
                candidate.push(format!(".{n}.tmp"));
                let path = dir.join(candidate);
                (OpenOptions::new().write(true).create_new(true).open(&path), path)
            })
            .find(|(r, _)| !matches!(r, Err(e) if e.kind() == io::ErrorKind::AlreadyExists))
            .expect("an unbounded range always yields");
        let file = file?;
        let staged = Staged { file, target, temp: Some(temp) };
        if let Some(m) = existing {
            staged.file.set_permissions(m.permissions())?;
        }
        Ok(staged)
    }

    /// The temporary file, if the report is staged (for removal on a signal).
    pub fn temp_path(&self) -> Option<&Path> {
        self.temp.as_deref()
    }

    /// A second handle to write through (for a sink that owns its writer); the data goes to
    /// the same temporary file.
    pub fn writer(&self) -> io::Result<File> {
        self.file.try_clone()
    }

    /// Makes the report durable and moves it over the target.
    pub fn commit(mut self) -> io::Result<()> {
        self.file.flush()?;
        let Some(temp) = self.temp.take() else { return Ok(()) };
        let result = self.file.sync_all().and_then(|()| fs::rename(&temp, &self.target));
        if result.is_err() {
            let _ = fs::remove_file(&temp);
        }
        result
    }
}

impl Write for Staged {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if let Some(temp) = &self.temp {
            let _ = fs::remove_file(temp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> =
            fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        names.sort();
        names
    }

    #[test]
    fn the_target_changes_only_on_commit() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("rapport.json");
        fs::write(&target, "gammel").unwrap();
        let mut staged = Staged::create(&target).unwrap();
        staged.write_all(b"ny").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "gammel");
        assert_eq!(entries(dir.path()).len(), 2);
        drop(staged);
        assert_eq!(fs::read_to_string(&target).unwrap(), "gammel");
        assert_eq!(entries(dir.path()), ["rapport.json"]);

        let staged = Staged::create(&target).unwrap();
        staged.writer().unwrap().write_all(b"ny").unwrap();
        staged.commit().unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "ny");
        assert_eq!(entries(dir.path()), ["rapport.json"]);
    }

    #[test]
    fn links_stay_links_and_devices_are_written_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("ekte.md");
        fs::write(&real, "gammel").unwrap();
        std::os::unix::fs::symlink(&real, dir.path().join("lenke.md")).unwrap();
        let mut staged = Staged::create(&dir.path().join("lenke.md")).unwrap();
        staged.write_all(b"ny").unwrap();
        staged.commit().unwrap();
        assert!(fs::symlink_metadata(dir.path().join("lenke.md")).unwrap().file_type().is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "ny");

        let null = Staged::create(Path::new("/dev/null")).unwrap();
        assert!(null.temp_path().is_none());
        null.commit().unwrap();
        assert!(std::os::unix::fs::FileTypeExt::is_char_device(&fs::metadata("/dev/null").unwrap().file_type()));
        assert_eq!(Staged::create(dir.path()).unwrap_err().kind(), io::ErrorKind::IsADirectory);
    }

    #[test]
    fn conflicts_are_found_by_identity() {
        let dir = tempfile::tempdir().unwrap();
        let k = dir.path().join("k.pdf");
        fs::write(&k, "%PDF-").unwrap();
        fs::hard_link(&k, dir.path().join("kopi.pdf")).unwrap();
        let inputs = vec![dir.path().join("annen.txt"), dir.path().join("./k.pdf")];
        assert_eq!(input_conflict(&dir.path().join("kopi.pdf"), &inputs), Some(inputs[1].as_path()));
        assert_eq!(input_conflict(&dir.path().join("ny.json"), &inputs), None);
    }
}
