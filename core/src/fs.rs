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
    /// A regular file.
    File,
    /// A directory.
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
    Other {
        /// The Linux errno (`OSError.errno`).
        errno: i64,
        /// `OSError.strerror`.
        message: String,
    },
}

/// A failed filesystem operation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FsError {
    /// Which failure, so which exception.
    pub kind: FsErrorKind,
}

impl FsError {
    /// An error of this kind.
    pub fn new(kind: FsErrorKind) -> FsError {
        FsError { kind }
    }

    /// The error for a Linux `errno`, as a host reports it: the kinds above by number,
    /// any other as [`FsErrorKind::Other`] with `message`.
    pub fn from_errno(errno: i64, message: String) -> FsError {
        let kind = match errno {
            2 => FsErrorKind::NotFound,
            17 => FsErrorKind::AlreadyExists,
            21 => FsErrorKind::IsADirectory,
            20 => FsErrorKind::NotADirectory,
            13 => FsErrorKind::PermissionDenied,
            39 => FsErrorKind::DirectoryNotEmpty,
            _ => FsErrorKind::Other { errno, message },
        };
        FsError::new(kind)
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
    /// Make the directory at `path` the current one (`os.chdir`). The default refuses:
    /// a filesystem without the notion keeps its one current directory.
    fn set_current_dir(&mut self, path: &str) -> Result<(), FsError> {
        let _ = path;
        Err(FsError::new(FsErrorKind::Other {
            errno: 38,
            message: "Function not implemented".into(),
        }))
    }
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

    fn set_current_dir(&mut self, path: &str) -> Result<(), FsError> {
        let path = self.absolute(path);
        match self.entries.get(&path) {
            Some(Entry::Directory) => {
                self.current_dir = path;
                Ok(())
            }
            Some(Entry::File(_)) => Err(FsError::new(FsErrorKind::NotADirectory)),
            None => Err(FsError::new(FsErrorKind::NotFound)),
        }
    }
}

/// Write the file at `path` in any [`FileSystem`], creating its missing directories
/// first (what an embedder filling a filesystem wants; a program's `open()` does not).
pub fn create_file(fs: &mut dyn FileSystem, path: &str, contents: &[u8]) -> Result<(), FsError> {
    match path.rsplit_once('/') {
        Some((parent, _)) if !parent.is_empty() => create_dirs(fs, parent)?,
        _ => {}
    }
    fs.write(path, contents)
}

/// Create the directory at `path` and its missing ancestors (`os.makedirs(path,
/// exist_ok=True)`).
fn create_dirs(fs: &mut dyn FileSystem, path: &str) -> Result<(), FsError> {
    let absolute = path.starts_with('/');
    let mut ancestor = String::new();
    for (i, part) in path.split('/').filter(|p| !p.is_empty()).enumerate() {
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
    Ok(())
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

/// Operations of [`serve_file_request`] and [`DelegatedFileSystem`], by number: the
/// first five are what an embedder does to a session's files, the rest one
/// [`FileSystem`] method each, so that a filesystem can live on the other side of a JS
/// boundary (the runtime's `filesystem: "node"`).
pub mod file_request {
    /// Write `data` to `path`, creating missing directories ([`super::create_file`]).
    pub const WRITE: u32 = 0;
    /// Read `path` ([`super::FileSystem::read`]).
    pub const READ: u32 = 1;
    /// List every file (`path` ignored): [`super::list_files`] from `/`.
    pub const LIST: u32 = 2;
    /// Remove the file at `path` ([`super::FileSystem::remove_file`]).
    pub const REMOVE: u32 = 3;
    /// Make `path` the current directory, creating it and its ancestors if missing.
    pub const CHDIR_CREATING: u32 = 4;
    /// [`super::FileSystem::write`]: the directory must exist.
    pub const WRITE_FILE: u32 = 5;
    /// [`super::FileSystem::kind`]: payload empty (nothing), `f` or `d`.
    pub const KIND: u32 = 6;
    /// [`super::FileSystem::list`]: the names, sorted, joined by NUL.
    pub const LIST_DIR: u32 = 7;
    /// [`super::FileSystem::create_dir`].
    pub const CREATE_DIR: u32 = 8;
    /// [`super::FileSystem::remove_dir`].
    pub const REMOVE_DIR: u32 = 9;
    /// [`super::FileSystem::current_dir`] (`path` ignored).
    pub const CURRENT_DIR: u32 = 10;
    /// [`super::FileSystem::set_current_dir`].
    pub const SET_CURRENT_DIR: u32 = 11;
}

/// One operation on `fs` in the byte form the JS backends share (so the page's
/// `session.fs` works alike whatever the backend, and [`DelegatedFileSystem`] can speak
/// to a filesystem written in JS):
///
/// ```text
///   answer = u8 0, payload   ok:  READ → the file's bytes; LIST → paths joined by NUL;
///                                 LIST_DIR → names joined by NUL; KIND → "" | "f" | "d";
///                                 CURRENT_DIR → the path; every other → empty
///          | u8 1, errno: u32 LE, message   the failure ("No such file or directory")
/// ```
pub fn serve_file_request(fs: &mut dyn FileSystem, op: u32, path: &str, data: &[u8]) -> Vec<u8> {
    use file_request::*;
    let done = |()| Vec::new();
    let outcome = match op {
        WRITE => create_file(fs, path, data).map(done),
        READ => fs.read(path),
        LIST => list_files(fs, "/").map(|paths| paths.join("\0").into_bytes()),
        REMOVE => fs.remove_file(path).map(done),
        CHDIR_CREATING => create_dirs(fs, path)
            .and_then(|()| fs.set_current_dir(path))
            .map(done),
        WRITE_FILE => fs.write(path, data).map(done),
        KIND => Ok(match fs.kind(path) {
            None => Vec::new(),
            Some(FileKind::File) => b"f".to_vec(),
            Some(FileKind::Directory) => b"d".to_vec(),
        }),
        LIST_DIR => fs.list(path).map(|names| names.join("\0").into_bytes()),
        CREATE_DIR => fs.create_dir(path).map(done),
        REMOVE_DIR => fs.remove_dir(path).map(done),
        CURRENT_DIR => Ok(fs.current_dir().into_bytes()),
        SET_CURRENT_DIR => fs.set_current_dir(path).map(done),
        _ => Err(FsError::new(FsErrorKind::Other {
            errno: 22,
            message: format!("unknown file request {op}"),
        })),
    };
    match outcome {
        Ok(payload) => [&[0u8][..], &payload].concat(),
        Err(error) => {
            let (errno, message) = error.errno();
            let mut answer = vec![1u8];
            answer.extend_from_slice(&(errno as u32).to_le_bytes());
            answer.extend_from_slice(message.as_bytes());
            answer
        }
    }
}

/// A [`FileSystem`] whose every operation is one [`serve_file_request`]-shaped call to
/// `request(op, path, data) -> answer`: how a backend hands the program a filesystem
/// implemented on its JS side (Node's real files, for `filesystem: "node"`). The call
/// must answer synchronously (it is not a suspension).
pub struct DelegatedFileSystem<F> {
    request: F,
}

impl<F: Fn(u32, &str, &[u8]) -> Vec<u8>> DelegatedFileSystem<F> {
    /// A filesystem answered by `request`.
    pub fn new(request: F) -> Self {
        DelegatedFileSystem { request }
    }

    fn call(&self, op: u32, path: &str, data: &[u8]) -> Result<Vec<u8>, FsError> {
        decode_file_answer(&(self.request)(op, path, data))
    }
}

/// The outcome [`serve_file_request`] encoded in `answer`.
fn decode_file_answer(answer: &[u8]) -> Result<Vec<u8>, FsError> {
    match answer.split_first() {
        Some((0, payload)) => Ok(payload.to_vec()),
        Some((1, rest)) if rest.len() >= 4 => {
            let errno = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]) as i64;
            let message = String::from_utf8_lossy(&rest[4..]).into_owned();
            Err(FsError::from_errno(errno, message))
        }
        _ => Err(FsError::new(FsErrorKind::Other {
            errno: 5,
            message: "malformed answer from the host filesystem".into(),
        })),
    }
}

impl<F: Fn(u32, &str, &[u8]) -> Vec<u8>> FileSystem for DelegatedFileSystem<F> {
    fn read(&self, path: &str) -> Result<Vec<u8>, FsError> {
        self.call(file_request::READ, path, &[])
    }

    fn write(&mut self, path: &str, contents: &[u8]) -> Result<(), FsError> {
        self.call(file_request::WRITE_FILE, path, contents)
            .map(drop)
    }

    fn kind(&self, path: &str) -> Option<FileKind> {
        match self.call(file_request::KIND, path, &[]).ok()?.as_slice() {
            b"f" => Some(FileKind::File),
            b"d" => Some(FileKind::Directory),
            _ => None,
        }
    }

    fn list(&self, path: &str) -> Result<Vec<String>, FsError> {
        let names = self.call(file_request::LIST_DIR, path, &[])?;
        let names = String::from_utf8_lossy(&names);
        Ok(names
            .split('\0')
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect())
    }

    fn remove_file(&mut self, path: &str) -> Result<(), FsError> {
        self.call(file_request::REMOVE, path, &[]).map(drop)
    }

    fn create_dir(&mut self, path: &str) -> Result<(), FsError> {
        self.call(file_request::CREATE_DIR, path, &[]).map(drop)
    }

    fn remove_dir(&mut self, path: &str) -> Result<(), FsError> {
        self.call(file_request::REMOVE_DIR, path, &[]).map(drop)
    }

    fn current_dir(&self) -> String {
        self.call(file_request::CURRENT_DIR, "", &[])
            .map(|p| String::from_utf8_lossy(&p).into_owned())
            .unwrap_or_else(|_| "/".to_owned())
    }

    fn set_current_dir(&mut self, path: &str) -> Result<(), FsError> {
        self.call(file_request::SET_CURRENT_DIR, path, &[])
            .map(drop)
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

    #[test]
    fn a_delegated_filesystem_behaves_as_the_one_serving_its_requests() {
        let served = std::cell::RefCell::new(MemoryFileSystem::new());
        let mut fs = DelegatedFileSystem::new(|op, path: &str, data: &[u8]| {
            serve_file_request(&mut *served.borrow_mut(), op, path, data)
        });
        fs.create_dir("data").unwrap();
        fs.write("data/a.txt", b"one").unwrap();
        assert_eq!(fs.read("data/a.txt").unwrap(), b"one");
        assert_eq!(fs.kind("data"), Some(FileKind::Directory));
        assert_eq!(fs.kind("data/a.txt"), Some(FileKind::File));
        assert_eq!(fs.kind("nothing"), None);
        assert_eq!(fs.list("data").unwrap(), vec!["a.txt"]);
        fs.set_current_dir("data").unwrap();
        assert_eq!(fs.current_dir(), "/data");
        assert_eq!(fs.read("a.txt").unwrap(), b"one");
        let missing = fs.read("b.txt").unwrap_err();
        assert_eq!(missing.kind, FsErrorKind::NotFound);
        assert_eq!(missing.to_string(), "[Errno 2] No such file or directory");
        let not_empty = fs.remove_dir("/data").unwrap_err();
        assert_eq!(not_empty.kind, FsErrorKind::DirectoryNotEmpty);
        fs.remove_file("a.txt").unwrap();
        assert_eq!(served.borrow().files().count(), 0);
    }

    #[test]
    fn changing_to_a_missing_directory_can_create_it() {
        let mut fs = MemoryFileSystem::new();
        let missing = fs.set_current_dir("/home/ada").unwrap_err();
        assert_eq!(missing.kind, FsErrorKind::NotFound);
        let answer = serve_file_request(&mut fs, file_request::CHDIR_CREATING, "/home/ada", &[]);
        assert_eq!(answer, [0]);
        assert_eq!(fs.current_dir(), "/home/ada");
    }
}
