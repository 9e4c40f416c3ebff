//! `sys.modules`: the dict of imported modules that imports consult and fill.
//!
//! Exposes `initial_sys_modules` (the dict a runtime starts with: `__main__` and
//! `builtins`) and the `Vm` methods `import_value` (what `import` statements call),
//! `listed_module`, `register_module` and `unregister_module`.
//!
//! CPython's caching semantics: an import first looks the name up in the dict and
//! returns whatever is there (`sys.modules['x'] = obj` makes `import x` give `obj`; a
//! `None` entry stops the import with ModuleNotFoundError); a name missing from it is
//! imported anew, so deleting an entry makes the next import run the module again.
//! Invariant: every module the import machinery creates is in both this dict and
//! `Runtime::modules` from before its code runs, and in neither if that code fails.
//! Exception: `sys` is created once per runtime; deleting it from the dict and importing
//! it again lists the same module again (CPython makes a new one).

use std::rc::Rc;

use crate::objects::{Module, PyDict, Value};
use crate::vm::{PyErr, PyResult, Vm};

fn str_key_eq(a: &Value, b: &Value) -> bool {
    matches!((a, b), (Value::Str(x), Value::Str(y)) if x.as_str() == y.as_str())
}

fn insert(dict: &PyDict, name: &str, value: Value) {
    let key = Value::str(name);
    let Value::Str(s) = &key else { return };
    let hash = s.hash();
    dict.table
        .borrow_mut()
        .insert_fast(key, hash, value, str_key_eq);
}

/// The dict a runtime starts with.
pub(crate) fn initial_sys_modules(main: &Rc<Module>, builtins: &Rc<Module>) -> Rc<PyDict> {
    let dict = Rc::new(PyDict::new());
    insert(&dict, "builtins", Value::Module(builtins.clone()));
    insert(&dict, "__main__", Value::Module(main.clone()));
    dict
}

pub(crate) fn module_not_found(name: &str, message: String) -> PyErr {
    let err = PyErr::new("ModuleNotFoundError", message.clone());
    {
        let mut attrs = err.instance().attrs.borrow_mut();
        attrs.insert("name".into(), Value::str(name));
        attrs.insert("path".into(), Value::None);
        attrs.insert("msg".into(), Value::str(message));
    }
    err
}

impl Vm<'_> {
    /// What `sys.modules[name]` holds, if anything (only str keys are considered).
    pub(crate) fn listed_module(&self, name: &str) -> Option<Value> {
        let Value::Str(key) = Value::str(name) else {
            return None;
        };
        let hash = key.hash();
        self.rt
            .sys_modules
            .table
            .borrow()
            .get_fast(&Value::Str(key), hash, str_key_eq)
            .cloned()
    }

    pub(crate) fn register_module(&mut self, name: &str, module: &Rc<Module>) {
        self.rt.modules.insert(name.to_owned(), module.clone());
        insert(&self.rt.sys_modules, name, Value::Module(module.clone()));
    }

    /// Undo `register_module` after the module's code failed.
    pub(crate) fn unregister_module(&mut self, name: &str) {
        self.rt.modules.remove(name);
        let Value::Str(key) = Value::str(name) else {
            return;
        };
        let hash = key.hash();
        self.rt
            .sys_modules
            .table
            .borrow_mut()
            .remove_fast(&Value::Str(key), hash, str_key_eq);
    }

    /// `import name`: the object `sys.modules` lists, or the module imported now (its
    /// parents first, each bound as an attribute of the one above).
    pub(crate) fn import_value(&mut self, name: &str) -> PyResult<Value> {
        if let Some(v) = self.listed_module(name) {
            if v.is_none() {
                return Err(module_not_found(
                    name,
                    format!("import of {name} halted; None in sys.modules"),
                ));
            }
            return Ok(v);
        }
        if let Some((parent_name, leaf)) = name.rsplit_once('.') {
            let parent = self.import_value(parent_name)?;
            // Importing the parent may have imported this module too.
            if let Some(v) = self.listed_module(name) {
                return Ok(v);
            }
            if !matches!(parent, Value::Module(_)) {
                return Err(module_not_found(
                    name,
                    format!("No module named '{name}'; '{parent_name}' is not a package"),
                ));
            }
            let module = self.create_module(name)?;
            if let Value::Module(p) = parent {
                p.attrs
                    .borrow_mut()
                    .insert(leaf.into(), Value::Module(module.clone()));
            }
            return Ok(Value::Module(module));
        }
        Ok(Value::Module(self.create_module(name)?))
    }
}
