//! The files a program sees: the [`FileSystem`] trait and [`MemoryFileSystem`], the
//! per-interpreter default.
//!
//! `open()`, `os`/`os.path` and `import` of a program's own modules reach files only
//! through the interpreter's `FileSystem`, so the embedder decides what exists: a browser
//! page fills a [`MemoryFileSystem`] and reads it back after the run; the native runner
//! passes the real filesystem. The trait works on whole files — a program's file object
//! buffers and writes its contents back on flush and close — because that is what every
//! host can do cheaply, a JS object of strings included.
//!
//! Paths are the program's strings. A `FileSystem` resolves relative ones against its
//! own current directory ([`FileSystem::current_dir`]) and reports failures as
//! [`FsError`]s, which the interpreter raises as CPython's `OSError` subclasses
//! (`FileNotFoundError: [Errno 2] No such file or directory: 'data.csv'`).
//!
//! Invariant of [`MemoryFileSystem`]: every stored path is absolute and normalised
//! (`/a/b`, no `.`, `..` or doubled slashes), and every ancestor of a stored file or
//! directory is a stored directory; `/` always exists.

use std::collections::BTreeMap;
use std::fmt;

/// What a path names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    File,
    Directory,
}

/// Why a filesystem operation failed; each kind is raised as its `OSError` subclass.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FsErrorKind {
    /// `FileNotFoundError` (ENOENT).
    NotFound,
    /// `FileExistsError` (EEXIST).
    AlreadyExists,
    /// `IsADirectoryError` (EISDIR).
    IsADirectory,
    /// `NotADirectoryError` (ENOTDIR).
    NotADirectory,
    /// `PermissionError` (EACCES).
    PermissionDenied,
    /// `OSError` ENOTEMPTY: a directory to remove still has entries.
    DirectoryNotEmpty,
    /// Any other failure: `OSError` with this errno and message.
    Other { errno: i64, message: String },
}

/// A failed filesystem operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FsError {
    pub kind: FsErrorKind,
}

impl FsError {
    pub fn new(kind: FsErrorKind) -> FsError {
        FsError { kind }
    }

    /// The Linux errno and `strerror` text CPython shows for this error.
    pub fn errno(&self) -> (i64, &str) {
        match &self.kind {
            FsErrorKind::NotFound => (2, "No such file or directory"),
            FsErrorKind::AlreadyExists => (17, "File exists"),
            FsErrorKind::IsADirectory => (21, "Is a directory"),
            FsErrorKind::NotADirectory => (20, "Not a directory"),
            FsErrorKind::PermissionDenied => (13, "Permission denied"),
            FsErrorKind::DirectoryNotEmpty => (39, "Directory not empty"),
            FsErrorKind::Other { errno, message } => (*errno, message),
        }
    }
}

impl fmt::Display for FsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (errno, message) = self.errno();
        write!(f, "[Errno {errno}] {message}")
    }
}

impl std::error::Error for FsError {}

/// The files of one interpreter. Every method takes the program's path as given.
pub trait FileSystem {
    /// The whole contents of the file at `path`.
    fn read(&self, path: &str) -> Result<Vec<u8>, FsError>;
    /// Create the file at `path` or replace its contents; its directory must exist.
    fn write(&mut self, path: &str, contents: &[u8]) -> Result<(), FsError>;
    /// What `path` names, or None if nothing.
    fn kind(&self, path: &str) -> Option<FileKind>;
    /// The names in the directory at `path`, sorted.
    fn list(&self, path: &str) -> Result<Vec<String>, FsError>;
    /// Remove the file at `path` (not a directory).
    fn remove_file(&mut self, path: &str) -> Result<(), FsError>;
    /// Create the directory at `path`; its parent must exist.
    fn create_dir(&mut self, path: &str) -> Result<(), FsError>;
    /// Remove the empty directory at `path`.
    fn remove_dir(&mut self, path: &str) -> Result<(), FsError>;
    /// The absolute directory relative paths start from (`os.getcwd()`).
    fn current_dir(&self) -> String;
}

/// An in-memory filesystem: the default of every interpreter, empty but for `/` and its
/// current directory (see the module invariant).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemoryFileSystem {
    entries: BTreeMap<String, Entry>,
    current_dir: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Entry {
    File(Vec<u8>),
    Directory,
}

impl Default for MemoryFileSystem {
    fn default() -> Self {
        MemoryFileSystem::new()
    }
}

impl MemoryFileSystem {
    /// An empty filesystem whose current directory is `/`.
    pub fn new() -> MemoryFileSystem {
        let mut entries = BTreeMap::new();
        entries.insert("/".to_owned(), Entry::Directory);
        MemoryFileSystem {
            entries,
            current_dir: "/".to_owned(),
        }
    }

    /// Put a file at `path`, creating its missing directories (for embedders filling the
    /// filesystem before a run; programs use [`FileSystem::write`]).
    pub fn insert(&mut self, path: &str, contents: impl Into<Vec<u8>>) -> Result<(), FsError> {
        let path = self.absolute(path);
        create_file(self, &path, &contents.into())
    }

    /// Every file, by absolute path, with its contents (for embedders reading back).
    pub fn files(&self) -> impl Iterator<Item = (&str, &[u8])> {
        self.entries.iter().filter_map(|(path, entry)| match entry {
            Entry::File(contents) => Some((path.as_str(), contents.as_slice())),
            Entry::Directory => None,
        })
    }

    /// `path` made absolute against the current directory and normalised.
    fn absolute(&self, path: &str) -> String {
        let mut parts: Vec<&str> = Vec::new();
        let start = if path.starts_with('/') {
            ""
        } else {
            self.current_dir.as_str()
        };
        for part in start.split('/').chain(path.split('/')) {
            match part {
                "" | "." => {}
                ".." => {
                    parts.pop();
                }
                part => parts.push(part),
            }
        }
        format!("/{}", parts.join("/"))
    }

    /// The parent directory of the absolute `path`, which must exist as a directory.
    fn check_parent(&self, path: &str) -> Result<(), FsError> {
        let parent = match path.rfind('/') {
            Some(0) | None => "/",
            Some(i) => &path[..i],
        };
        match self.entries.get(parent) {
            Some(Entry::Directory) => Ok(()),
            Some(Entry::File(_)) => Err(FsError::new(FsErrorKind::NotADirectory)),
            None => Err(FsError::new(FsErrorKind::NotFound)),
        }
    }
}

impl FileSystem for MemoryFileSystem {
    fn read(&self, path: &str) -> Result<Vec<u8>, FsError> {
        match self.entries.get(&self.absolute(path)) {
            Some(Entry::File(contents)) => Ok(contents.clone()),
            Some(Entry::Directory) => Err(FsError::new(FsErrorKind::IsADirectory)),
            None => Err(FsError::new(FsErrorKind::NotFound)),
        }
    }

    fn write(&mut self, path: &str, contents: &[u8]) -> Result<(), FsError> {
        let path = self.absolute(path);
        if let Some(Entry::Directory) = self.entries.get(&path) {
            return Err(FsError::new(FsErrorKind::IsADirectory));
        }
        self.check_parent(&path)?;
        self.entries.insert(path, Entry::File(contents.to_vec()));
        Ok(())
    }

    fn kind(&self, path: &str) -> Option<FileKind> {
        self.entries
            .get(&self.absolute(path))
            .map(|entry| match entry {
                Entry::File(_) => FileKind::File,
                Entry::Directory => FileKind::Directory,
            })
    }

    fn list(&self, path: &str) -> Result<Vec<String>, FsError> {
        let dir = self.absolute(path);
        match self.entries.get(&dir) {
            Some(Entry::Directory) => {}
            Some(Entry::File(_)) => return Err(FsError::new(FsErrorKind::NotADirectory)),
            None => return Err(FsError::new(FsErrorKind::NotFound)),
        }
        let prefix = if dir == "/" {
            "/".to_owned()
        } else {
            format!("{dir}/")
        };
        Ok(self
            .entries
            .range(prefix.clone()..)
            .take_while(|(p, _)| p.starts_with(&prefix))
            .filter_map(|(p, _)| {
                let rest = &p[prefix.len()..];
                (!rest.is_empty() && !rest.contains('/')).then(|| rest.to_owned())
            })
            .collect())
    }

    fn remove_file(&mut self, path: &str) -> Result<(), FsError> {
        let path = self.absolute(path);
        match self.entries.get(&path) {
            Some(Entry::File(_)) => {
                self.entries.remove(&path);
                Ok(())
            }
            Some(Entry::Directory) => Err(FsError::new(FsErrorKind::IsADirectory)),
            None => Err(FsError::new(FsErrorKind::NotFound)),
        }
    }

    fn create_dir(&mut self, path: &str) -> Result<(), FsError> {
        let path = self.absolute(path);
        if self.entries.contains_key(&path) {
            return Err(FsError::new(FsErrorKind::AlreadyExists));
        }
        self.check_parent(&path)?;
        self.entries.insert(path, Entry::Directory);
        Ok(())
    }

    fn remove_dir(&mut self, path: &str) -> Result<(), FsError> {
        let path = self.absolute(path);
        match self.entries.get(&path) {
            Some(Entry::Directory) if path != "/" => {
                if !self.list(&path)?.is_empty() {
                    return Err(FsError::new(FsErrorKind::DirectoryNotEmpty));
                }
                self.entries.remove(&path);
                Ok(())
            }
            Some(Entry::Directory) => Err(FsError::new(FsErrorKind::PermissionDenied)),
            Some(Entry::File(_)) => Err(FsError::new(FsErrorKind::NotADirectory)),
            None => Err(FsError::new(FsErrorKind::NotFound)),
        }
    }

    fn current_dir(&self) -> String {
        self.current_dir.clone()
    }
}

/// Write the file at `path` in any [`FileSystem`], creating its missing directories
/// first (what an embedder filling a filesystem wants; a program's `open()` does not).
pub fn create_file(fs: &mut dyn FileSystem, path: &str, contents: &[u8]) -> Result<(), FsError> {
    let absolute = path.starts_with('/');
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let mut ancestor = String::new();
    for (i, part) in parts.iter().enumerate().take(parts.len().saturating_sub(1)) {
        if i > 0 || absolute {
            ancestor.push('/');
        }
        ancestor.push_str(part);
        match fs.kind(&ancestor) {
            Some(FileKind::Directory) => {}
            Some(FileKind::File) => return Err(FsError::new(FsErrorKind::NotADirectory)),
            None => fs.create_dir(&ancestor)?,
        }
    }
    fs.write(path, contents)
}

/// Every file below the directory `root` (recursively), as paths joined onto `root`,
/// sorted: what an embedder reads back after a run.
pub fn list_files(fs: &dyn FileSystem, root: &str) -> Result<Vec<String>, FsError> {
    let mut files = Vec::new();
    let mut pending = vec![root.trim_end_matches('/').to_owned()];
    while let Some(dir) = pending.pop() {
        let shown = if dir.is_empty() {
            "/".to_owned()
        } else {
            dir.clone()
        };
        for name in fs.list(&shown)? {
            let path = format!("{dir}/{name}");
            match fs.kind(&path) {
                Some(FileKind::Directory) => pending.push(path),
                Some(FileKind::File) => files.push(path),
                None => {}
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Operations of [`serve_file_request`], by number.
pub mod file_request {
    /// Write `data` to `path`, creating missing directories ([`super::create_file`]).
    pub const WRITE: u32 = 0;
    /// Read `path`.
    pub const READ: u32 = 1;
    /// List every file (`path` ignored): [`super::list_files`] from `/`.
    pub const LIST: u32 = 2;
    /// Remove the file at `path`.
    pub const REMOVE: u32 = 3;
}

/// One embedder operation on `fs` in the byte form the JS backends share (so the page's
/// `session.fs` works alike whatever the backend):
///
/// ```text
///   answer = u8 0, payload   ok:  READ → the file's bytes; LIST → paths joined by NUL;
///                                 WRITE, REMOVE → empty
///          | u8 1, message   the failure, UTF-8 ("[Errno 2] No such file or directory")
/// ```
pub fn serve_file_request(fs: &mut dyn FileSystem, op: u32, path: &str, data: &[u8]) -> Vec<u8> {
    let outcome = match op {
        file_request::WRITE => create_file(fs, path, data).map(|()| Vec::new()),
        file_request::READ => fs.read(path),
        file_request::LIST => list_files(fs, "/").map(|paths| paths.join("\0").into_bytes()),
        file_request::REMOVE => fs.remove_file(path).map(|()| Vec::new()),
        _ => Err(FsError::new(FsErrorKind::Other {
            errno: 22,
            message: format!("unknown file request {op}"),
        })),
    };
    match outcome {
        Ok(payload) => [&[0u8][..], &payload].concat(),
        Err(error) => [&[1u8][..], error.to_string().as_bytes()].concat(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_live_in_directories_that_exist() {
        let mut fs = MemoryFileSystem::new();
        fs.insert("data/scores.csv", "a,1\n").unwrap();
        assert_eq!(fs.read("/data/scores.csv").unwrap(), b"a,1\n");
        assert_eq!(fs.read("./data/../data/scores.csv").unwrap(), b"a,1\n");
        assert_eq!(fs.kind("data"), Some(FileKind::Directory));
        assert_eq!(fs.list("/").unwrap(), vec!["data"]);
        assert_eq!(fs.list("data").unwrap(), vec!["scores.csv"]);
        let missing = fs.write("nowhere/x.txt", b"").unwrap_err();
        assert_eq!(missing.kind, FsErrorKind::NotFound);
        assert_eq!(fs.read("data").unwrap_err().kind, FsErrorKind::IsADirectory);
        assert_eq!(
            fs.remove_dir("data").unwrap_err().kind,
            FsErrorKind::DirectoryNotEmpty
        );
        fs.remove_file("data/scores.csv").unwrap();
        fs.remove_dir("data").unwrap();
        assert_eq!(fs.kind("data"), None);
        assert_eq!(fs.files().count(), 0);
    }

    #[test]
    fn embedders_create_files_in_new_directories_and_list_them_all() {
        let mut fs = MemoryFileSystem::new();
        create_file(&mut fs, "/a/b/c.txt", b"1").unwrap();
        create_file(&mut fs, "top.txt", b"2").unwrap();
        create_file(&mut fs, "a/d.txt", b"3").unwrap();
        assert_eq!(
            list_files(&fs, "/").unwrap(),
            vec!["/a/b/c.txt", "/a/d.txt", "/top.txt"]
        );
        let blocked = create_file(&mut fs, "top.txt/x", b"").unwrap_err();
        assert_eq!(blocked.kind, FsErrorKind::NotADirectory);
    }
}
