//! The program's files: the `_fs` module (the primitives `open()` and `os` are written
//! on) and the finder that imports a program's own modules from the filesystem.
//!
//! ```text
//!   open() / os / os.path (Python)  ──►  _fs.read/write/kind/listdir/...  ──►  FileSystem
//!   import mymodule  ──►  find_source: <dir>/mymodule.py or <dir>/mymodule/__init__.py
//!                         for <dir> in the main program's directory, then the current one
//! ```
//! Invariant: every filesystem failure is raised as the `OSError` subclass of its errno,
//! with the program's path as `filename`, exactly as CPython words it; nothing here
//! panics on any path.

use std::rc::Rc;

use super::new_module;
use crate::builtins::{check_args, native, no_kwargs};
use crate::fs::{FileKind, FsError};
use crate::objects::{Kwargs, Module, Value};
use crate::vm::types::types;
use crate::vm::{type_error, PyErr, PyResult, Vm};

/// The `OSError` subclass for `error` on `path` (`FileNotFoundError(2, '...', path)`).
pub(crate) fn fs_error(vm: &mut Vm<'_>, error: FsError, path: &str) -> PyErr {
    let (errno, message) = error.errno();
    let args = vec![Value::Int(errno), Value::str(message), Value::str(path)];
    match vm.call(&Value::Class(types().exc("OSError")), args, Vec::new()) {
        Ok(exc) => PyErr(exc),
        Err(e) => e,
    }
}

/// A path argument: a str, or an object with `__fspath__` returning one.
fn path_arg(vm: &mut Vm<'_>, name: &str, value: &Value) -> PyResult<String> {
    match value {
        Value::Str(s) => Ok(s.as_str().to_owned()),
        other => {
            if let Ok(method) = vm.getattr(other, "__fspath__") {
                let path = vm.call(&method, Vec::new(), Vec::new())?;
                if let Value::Str(s) = path {
                    return Ok(s.as_str().to_owned());
                }
            }
            Err(type_error(format!(
                "{name}: path should be string or os.PathLike, not {}",
                vm.type_name(other)
            )))
        }
    }
}

fn one_path(vm: &mut Vm<'_>, name: &str, args: &[Value], kw: &Kwargs) -> PyResult<String> {
    no_kwargs(name, kw)?;
    check_args(name, args, 1, 1)?;
    path_arg(vm, name, &args[0])
}

fn read(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let path = one_path(vm, "read", &args, &kw)?;
    match vm.rt.fs.read(&path) {
        Ok(bytes) => {
            vm.reserve(bytes.len() as u64, 1)?;
            Ok(Value::Bytes(Rc::new(bytes)))
        }
        Err(e) => Err(fs_error(vm, e, &path)),
    }
}

fn write(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("write", &kw)?;
    check_args("write", &args, 2, 2)?;
    let path = path_arg(vm, "write", &args[0])?;
    let Value::Bytes(contents) = &args[1] else {
        return Err(type_error("write() needs bytes"));
    };
    match vm.rt.fs.write(&path, contents) {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(fs_error(vm, e, &path)),
    }
}

fn kind(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let path = one_path(vm, "kind", &args, &kw)?;
    Ok(match vm.rt.fs.kind(&path) {
        Some(FileKind::File) => Value::str("file"),
        Some(FileKind::Directory) => Value::str("dir"),
        None => Value::None,
    })
}

fn listdir(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let path = one_path(vm, "listdir", &args, &kw)?;
    match vm.rt.fs.list(&path) {
        Ok(names) => Ok(Value::list(names.into_iter().map(Value::str).collect())),
        Err(e) => Err(fs_error(vm, e, &path)),
    }
}

/// `remove`, `mkdir` and `rmdir`: one path, no result.
fn change(
    vm: &mut Vm<'_>,
    name: &str,
    args: &[Value],
    kw: &Kwargs,
    op: fn(&mut dyn crate::fs::FileSystem, &str) -> Result<(), FsError>,
) -> PyResult<Value> {
    let path = one_path(vm, name, args, kw)?;
    match op(vm.rt.fs.as_mut(), &path) {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(fs_error(vm, e, &path)),
    }
}

fn remove(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    change(vm, "remove", &args, &kw, |fs, p| fs.remove_file(p))
}

fn mkdir(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    change(vm, "mkdir", &args, &kw, |fs, p| fs.create_dir(p))
}

fn rmdir(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    change(vm, "rmdir", &args, &kw, |fs, p| fs.remove_dir(p))
}

/// `environ()`: the environment the embedder gave ([`crate::Config::environ`]), as pairs.
fn environ(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("environ", &kw)?;
    check_args("environ", &args, 0, 0)?;
    let pairs = vm
        .rt
        .config
        .environ
        .iter()
        .map(|(k, v)| Value::tuple(vec![Value::str(k.as_str()), Value::str(v.as_str())]))
        .collect();
    Ok(Value::list(pairs))
}

fn chdir(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    change(vm, "chdir", &args, &kw, |fs, p| fs.set_current_dir(p))
}

fn getcwd(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("getcwd", &kw)?;
    check_args("getcwd", &args, 0, 0)?;
    Ok(Value::str(vm.rt.fs.current_dir()))
}

/// The `_fs` module.
pub(crate) fn module() -> Rc<Module> {
    let m = new_module("_fs");
    {
        let mut attrs = m.attrs.borrow_mut();
        for (name, func) in [
            ("read", read as crate::objects::NativeFn),
            ("write", write),
            ("kind", kind),
            ("listdir", listdir),
            ("remove", remove),
            ("mkdir", mkdir),
            ("rmdir", rmdir),
            ("getcwd", getcwd),
            ("chdir", chdir),
            ("environ", environ),
        ] {
            attrs.insert(name.into(), native(name, func));
        }
    }
    m
}

/// Where a module of the program's own lives: its source file's path and whether it is a
/// package (`__init__.py`).
pub(crate) struct ModuleSource {
    pub(crate) path: String,
    pub(crate) package_dir: Option<String>,
}

impl Vm<'_> {
    /// Write back the contents of every file the program left open (`open()`'s module
    /// keeps them), if it ever opened one.
    pub(crate) fn flush_open_files(&mut self) -> PyResult<()> {
        let Some(module) = self.rt.modules.get("_fileio").cloned() else {
            return Ok(());
        };
        let flush = module.attrs.borrow().get("_flush_all").cloned();
        match flush {
            Some(flush) => self.call(&flush, Vec::new(), Vec::new()).map(|_| ()),
            None => Ok(()),
        }
    }

    /// The directories a top-level import searches: `sys.path`'s strings, in order, as
    /// the program may have changed it (`""` is the current directory); before `sys` is
    /// imported, its initial value: the main program's directory (CPython's `sys.path[0]`).
    fn import_roots(&self) -> Vec<String> {
        let listed =
            self.rt
                .modules
                .get("sys")
                .and_then(|sys| match sys.attrs.borrow().get("path") {
                    Some(Value::List(paths)) => Some(
                        paths
                            .items
                            .borrow()
                            .iter()
                            .filter_map(|p| match p {
                                Value::Str(s) => Some(s.as_str().to_owned()),
                                _ => None,
                            })
                            .collect::<Vec<_>>(),
                    ),
                    _ => None,
                });
        let roots = listed.unwrap_or_else(|| vec![main_dir(&self.rt.config.filename)]);
        roots
            .into_iter()
            .map(|dir| if dir.is_empty() { ".".to_owned() } else { dir })
            .collect()
    }

    /// The source of module `name` in the filesystem, if any: for `a.b`, inside the
    /// directory of the already imported package `a`.
    pub(crate) fn find_source(&self, name: &str) -> Option<ModuleSource> {
        let (dirs, leaf) = match name.rsplit_once('.') {
            Some((parent, leaf)) => {
                let parent = self.rt.modules.get(parent)?;
                let dir = match parent.attrs.borrow().get("__path__") {
                    Some(Value::List(paths)) => match paths.items.borrow().first() {
                        Some(Value::Str(dir)) => dir.as_str().to_owned(),
                        _ => return None,
                    },
                    _ => return None,
                };
                (vec![dir], leaf)
            }
            None => (self.import_roots(), name),
        };
        for dir in dirs {
            let join = |rest: &str| {
                if dir == "." {
                    rest.to_owned()
                } else {
                    format!("{}/{rest}", dir.trim_end_matches('/'))
                }
            };
            let package = join(leaf);
            let init = format!("{package}/__init__.py");
            if self.rt.fs.kind(&package) == Some(FileKind::Directory)
                && self.rt.fs.kind(&init) == Some(FileKind::File)
            {
                return Some(ModuleSource {
                    path: init,
                    package_dir: Some(package),
                });
            }
            let file = join(&format!("{leaf}.py"));
            if self.rt.fs.kind(&file) == Some(FileKind::File) {
                return Some(ModuleSource {
                    path: file,
                    package_dir: None,
                });
            }
        }
        None
    }

    /// Import the program's module `name` from `source`: registered before its code runs
    /// (so circular imports see the partial module, as in CPython) and removed again if
    /// the code fails.
    pub(crate) fn import_source(
        &mut self,
        name: &str,
        source: ModuleSource,
    ) -> PyResult<Rc<Module>> {
        let bytes = match self.rt.fs.read(&source.path) {
            Ok(bytes) => bytes,
            Err(e) => return Err(fs_error(self, e, &source.path)),
        };
        let text = crate::decode_source(&bytes, &source.path)
            .map_err(|e| PyErr::new(e.type_name.as_str(), e.message))?;
        let code = crate::syntax::compile(&text, &source.path)
            .map_err(|e| PyErr::new(e.type_name, e.message))?;
        let module = new_module(name);
        {
            let mut attrs = module.attrs.borrow_mut();
            attrs.insert("__name__".into(), Value::str(name));
            attrs.insert("__file__".into(), Value::str(source.path.as_str()));
            if let Some(dir) = &source.package_dir {
                attrs.insert(
                    "__path__".into(),
                    Value::list(vec![Value::str(dir.as_str())]),
                );
                attrs.insert("__package__".into(), Value::str(name));
            } else {
                let package = name.rsplit_once('.').map_or("", |(p, _)| p);
                attrs.insert("__package__".into(), Value::str(package));
            }
        }
        self.register_module(name, &module);
        module.initializing.set(true);
        let ran = self.run_module(code, module.clone());
        module.initializing.set(false);
        if let Err(e) = ran {
            self.unregister_module(name);
            return Err(e);
        }
        Ok(module)
    }
}

/// The directory of the main program's file, `""` (the current directory) for a name
/// without one (`main.py`, `<string>`): the initial `sys.path[0]`.
pub(crate) fn main_dir(filename: &str) -> String {
    match filename.rsplit_once('/') {
        Some(("", _)) => "/".to_owned(),
        Some((dir, _)) => dir.to_owned(),
        None => String::new(),
    }
}
