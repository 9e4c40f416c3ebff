//! The builtins that look at their caller's frame: `globals()`, `locals()`, `vars()` and
//! `dir()` without an argument, `exec()` and `eval()`.
//!
//! The eval loop hands them the calling frame ([`needs_frame`]); called any other way (through
//! `map`, a stored reference called from native code) they see `__main__`. Namespaces are
//! snapshots, as CPython's `locals()` in a function is: `exec` in a function does not change
//! its variables, while `exec` at module level runs in the module itself, and `exec`/`eval`
//! with explicit dicts write the names they bind back into those dicts.
//! Invariant: compile errors in the source become `SyntaxError` exceptions, never panics.

use std::rc::Rc;

use super::{type_error, Frame, FrameExit, PyErr, PyResult, Vm};
use crate::builtins::{check_args, dict_from_str_pairs, namespace_dict, new_module, no_kwargs};
use crate::objects::{CodeMode, Kwargs, Module, NativeState, Value};

/// True for a call of one of this file's builtins that needs the calling frame.
#[inline]
pub(crate) fn needs_frame(name: &str, args: &[Value]) -> bool {
    match name {
        "globals" | "locals" | "exec" | "eval" => true,
        "vars" | "dir" => args.is_empty(),
        _ => false,
    }
}

/// What these builtins need of the calling frame.
pub(crate) struct Caller {
    globals: Rc<Module>,
    /// A class body's namespace being built.
    namespace: Option<Rc<Module>>,
    /// A function's bound local and closure variables (a snapshot).
    function_locals: Option<Value>,
}

impl Caller {
    pub(crate) fn of(f: &Frame) -> Caller {
        // A class body runs as a function too, but its locals are its namespace.
        let in_function = f.func.is_some() && f.namespace.is_none();
        let function_locals = in_function.then(|| {
            let mut pairs: Vec<(Rc<str>, Value)> = Vec::new();
            for (name, value) in f.code.varnames.iter().zip(&f.fast) {
                if let Some(v) = value {
                    pairs.push((name.clone(), v.clone()));
                }
            }
            let cell_names = f.code.cellvars.iter().chain(&f.code.freevars);
            for (name, cell) in cell_names.zip(&f.cells) {
                if let Some(v) = &*cell.borrow() {
                    if !pairs.iter().any(|(n, _)| n == name) {
                        pairs.push((name.clone(), v.clone()));
                    }
                }
            }
            dict_from_str_pairs(pairs)
        });
        Caller {
            globals: f.globals.clone(),
            namespace: f.namespace.clone(),
            function_locals,
        }
    }

    /// `locals()`: the function's variables, the class namespace, or the module.
    fn locals(&self) -> Value {
        match (&self.function_locals, &self.namespace) {
            (Some(l), _) => l.clone(),
            (None, Some(ns)) => module_dict(ns),
            (None, None) => module_dict(&self.globals),
        }
    }
}

fn module_dict(m: &Module) -> Value {
    namespace_dict(&m.attrs.borrow())
}

/// Where `exec`/`eval` code runs, and the dicts to write its bindings back to.
struct Scope {
    globals: Rc<Module>,
    namespace: Option<Rc<Module>>,
    globals_dict: Option<Value>,
    locals_dict: Option<Value>,
}

impl Vm<'_> {
    /// A call of a [`needs_frame`] builtin made from the frame `f`.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn call_frame_builtin(
        &mut self,
        caller: Option<Caller>,
        name: &str,
        args: Vec<Value>,
        kw: Kwargs,
    ) -> PyResult<Value> {
        let caller = caller.unwrap_or_else(|| Caller {
            globals: self.rt.main.clone(),
            namespace: None,
            function_locals: None,
        });
        match name {
            "globals" => {
                no_kwargs(name, &kw)?;
                check_args(name, &args, 0, 0)?;
                Ok(module_dict(&caller.globals))
            }
            "locals" | "vars" => {
                no_kwargs(name, &kw)?;
                check_args(name, &args, 0, 0)?;
                Ok(caller.locals())
            }
            "dir" => {
                let mut names: Vec<Value> = self
                    .dict_items(&caller.locals())
                    .into_iter()
                    .map(|(k, _)| k)
                    .collect();
                names.sort_by(|a, b| match (a, b) {
                    (Value::Str(a), Value::Str(b)) => a.as_str().cmp(b.as_str()),
                    _ => std::cmp::Ordering::Equal,
                });
                Ok(Value::list(names))
            }
            _ => self.exec_or_eval(&caller, name, args, kw),
        }
    }

    fn exec_or_eval(
        &mut self,
        caller: &Caller,
        name: &str,
        args: Vec<Value>,
        kw: Kwargs,
    ) -> PyResult<Value> {
        no_kwargs(name, &kw)?;
        if args.is_empty() {
            return Err(type_error(if name == "exec" {
                "exec() takes at least 1 positional argument (0 given)".to_string()
            } else {
                "eval expected at least 1 argument, got 0".to_string()
            }));
        }
        check_args(name, &args, 1, 3)?;
        let compiled = match &args[0] {
            Value::Instance(i) => match i.native.as_ref().map(|n| n.borrow()).as_deref() {
                Some(NativeState::Code(code, mode)) => Some((code.clone(), *mode)),
                _ => None,
            },
            _ => None,
        };
        let (code, mode) = match compiled {
            Some(compiled) => compiled,
            None => {
                let source = match &args[0] {
                    Value::Str(s) => s.as_str().to_string(),
                    Value::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
                    _ => {
                        return Err(type_error(format!(
                            "{name}() arg 1 must be a string, bytes or code object"
                        )));
                    }
                };
                let located = |e| located_syntax_error(e, "<string>", &source);
                if name == "eval" {
                    let code = crate::syntax::compile_eval(&source, "<string>");
                    (code.map_err(located)?, CodeMode::Eval)
                } else {
                    let code = crate::syntax::compile_exec(&source, "<string>");
                    (code.map_err(located)?, CodeMode::Exec)
                }
            }
        };
        let scope = self.exec_scope(caller, name, args.get(1), args.get(2))?;
        let mut run = Frame::new(code, scope.globals.clone(), None);
        run.namespace = scope.namespace.clone();
        let result = self.eval_frame(&mut run);
        // Bindings made before a failure are kept, as in CPython.
        if let Some(d) = &scope.globals_dict {
            self.write_back(&scope.globals, d)?;
        }
        if let (Some(d), Some(ns)) = (&scope.locals_dict, &scope.namespace) {
            self.write_back(ns, d)?;
        }
        let value = match result? {
            FrameExit::Return(v) | FrameExit::Yield(v) => v,
        };
        // eval of a code object compiled for exec (or exec of any) gives None.
        Ok(if mode == CodeMode::Eval && name == "eval" {
            value
        } else {
            Value::None
        })
    }

    fn exec_scope(
        &mut self,
        caller: &Caller,
        name: &str,
        globals: Option<&Value>,
        locals: Option<&Value>,
    ) -> PyResult<Scope> {
        let globals = globals.filter(|g| !g.is_none());
        let locals = locals.filter(|l| !l.is_none());
        if let Some(g) = globals {
            if !matches!(g, Value::Dict(_)) {
                return Err(type_error(if name == "eval" {
                    "globals must be a real dict; try eval(expr, {}, mapping)".to_string()
                } else {
                    format!("exec() globals must be a dict, not {}", self.type_name(g))
                }));
            }
        }
        if let Some(l) = locals {
            if !matches!(l, Value::Dict(_) | Value::Instance(_)) {
                return Err(type_error("locals must be a mapping"));
            }
        }
        let (globals_module, globals_dict) = match globals {
            Some(d) => {
                if !self.dict_contains_str(d, "__builtins__")? {
                    let builtins = Value::Module(self.rt.builtins.clone());
                    self.dict_set(d, Value::str("__builtins__"), builtins)?;
                }
                (self.module_from_dict(d)?, Some(d.clone()))
            }
            None => (caller.globals.clone(), None),
        };
        let namespace = match (locals, globals) {
            (Some(l), _) => Some(self.module_from_dict(l)?),
            (None, Some(_)) => None,
            (None, None) => match &caller.function_locals {
                Some(l) => Some(self.module_from_dict(l)?),
                None => caller.namespace.clone(),
            },
        };
        Ok(Scope {
            globals: globals_module,
            namespace,
            globals_dict,
            locals_dict: locals.cloned(),
        })
    }

    fn dict_contains_str(&mut self, d: &Value, key: &str) -> PyResult<bool> {
        Ok(self
            .dict_items(d)
            .iter()
            .any(|(k, _)| matches!(k, Value::Str(s) if s.as_str() == key)))
    }

    /// A namespace holding a dict's str keys.
    fn module_from_dict(&mut self, d: &Value) -> PyResult<Rc<Module>> {
        let m = new_module("__exec__");
        m.attrs.borrow_mut().clear();
        let items = match d {
            Value::Dict(_) => self.dict_items(d),
            other => {
                let keys = self.collect(other)?;
                let mut items = Vec::with_capacity(keys.len());
                for k in keys {
                    let v = self.getitem(other, &k)?;
                    items.push((k, v));
                }
                items
            }
        };
        // Only str keys can be names; others stay in the dict untouched.
        for (k, v) in items {
            if let Value::Str(s) = k {
                m.attrs.borrow_mut().insert(Rc::from(s.as_str()), v);
            }
        }
        Ok(m)
    }

    /// Copy a namespace's bindings (and removals) back into the dict it was made from.
    fn write_back(&mut self, m: &Rc<Module>, d: &Value) -> PyResult<()> {
        let pairs: Vec<(Rc<str>, Value)> = m
            .attrs
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let Value::Dict(_) = d else {
            for (k, v) in pairs {
                self.setitem(d, Value::str(&*k), v)?;
            }
            return Ok(());
        };
        for (k, _) in self.dict_items(d) {
            if let Value::Str(s) = &k {
                if !m.attrs.borrow().contains_key(s.as_str()) {
                    self.delitem(d, &k)?;
                }
            }
        }
        for (k, v) in pairs {
            self.dict_set(d, Value::str(&*k), v)?;
        }
        Ok(())
    }
}

/// The SyntaxError `compile()` raises for `source` compiled as `filename`: CPython's
/// args `(msg, (filename, lineno, offset, text, end_lineno, end_offset))` and
/// attributes, whose `str()` reads `msg (filename, line N)`.
pub(crate) fn located_syntax_error(
    e: crate::syntax::SyntaxErr,
    filename: &str,
    source: &str,
) -> PyErr {
    if e.type_name == "RecursionError" {
        return PyErr::new(e.type_name, e.message);
    }
    // The line as the source has it, with its newline if it has one.
    let text = match source.split_inclusive('\n').nth(e.line.saturating_sub(1)) {
        Some(line) if e.line > 0 => Value::str(line),
        _ => Value::None,
    };
    let (line, offset) = (Value::Int(e.line as i64), Value::Int(e.column as i64 + 1));
    let location = [
        Value::str(filename),
        line.clone(),
        offset.clone(),
        text.clone(),
        line.clone(),
        offset.clone(),
    ];
    let class = crate::vm::types::types().exc(e.type_name);
    let err = PyErr::with_args(
        &class,
        vec![
            Value::str(e.message.as_str()),
            Value::tuple(location.to_vec()),
        ],
    );
    {
        let mut attrs = err.instance().attrs.borrow_mut();
        for (name, value) in [
            ("msg", Value::str(e.message.as_str())),
            ("filename", Value::str(filename)),
            ("lineno", line.clone()),
            ("offset", offset.clone()),
            ("text", text),
            ("end_lineno", line),
            ("end_offset", offset),
        ] {
            attrs.insert(name.into(), value);
        }
    }
    err
}
