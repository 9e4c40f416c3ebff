//! [`RealFileSystem`]: the program's files are the machine's, as under `python3`.
//!
//! Relative paths resolve against the process's current directory, like CPython's.
//! Invariant: every `std::io` failure becomes the [`FsError`] of its errno, so the program
//! sees CPython's `OSError` subclass and wording.

use std::io;

use stackswitch_core::{FileKind, FileSystem, FsError};

/// The real filesystem (see the module comment).
#[derive(Clone, Copy, Debug, Default)]
pub struct RealFileSystem;

fn fs_error(error: io::Error) -> FsError {
    let text = error.to_string();
    let message = match text.rfind(" (os error") {
        Some(end) => text[..end].to_owned(),
        None => text,
    };
    // EIO when the OS gave no errno.
    FsError::from_errno(error.raw_os_error().map_or(5, i64::from), message)
}

impl FileSystem for RealFileSystem {
    fn read(&self, path: &str) -> Result<Vec<u8>, FsError> {
        std::fs::read(path).map_err(fs_error)
    }

    fn write(&mut self, path: &str, contents: &[u8]) -> Result<(), FsError> {
        std::fs::write(path, contents).map_err(fs_error)
    }

    fn kind(&self, path: &str) -> Option<FileKind> {
        let metadata = std::fs::metadata(path).ok()?;
        Some(if metadata.is_dir() {
            FileKind::Directory
        } else {
            FileKind::File
        })
    }

    fn list(&self, path: &str) -> Result<Vec<String>, FsError> {
        let mut names = Vec::new();
        for entry in std::fs::read_dir(path).map_err(fs_error)? {
            let entry = entry.map_err(fs_error)?;
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
        names.sort();
        Ok(names)
    }

    fn remove_file(&mut self, path: &str) -> Result<(), FsError> {
        std::fs::remove_file(path).map_err(fs_error)
    }

    fn create_dir(&mut self, path: &str) -> Result<(), FsError> {
        std::fs::create_dir(path).map_err(fs_error)
    }

    fn remove_dir(&mut self, path: &str) -> Result<(), FsError> {
        std::fs::remove_dir(path).map_err(fs_error)
    }

    fn current_dir(&self) -> String {
        std::env::current_dir()
            .map(|dir| dir.to_string_lossy().into_owned())
            .unwrap_or_else(|_| "/".to_owned())
    }

    fn set_current_dir(&mut self, path: &str) -> Result<(), FsError> {
        std::env::set_current_dir(path).map_err(fs_error)
    }
}
