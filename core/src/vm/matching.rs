//! The run-time half of the `match` statement (the compile-time half is
//! `compiler::patterns`): the tests CPython 3.11's `MATCH_SEQUENCE`, `MATCH_MAPPING`,
//! `MATCH_KEYS` and `MATCH_CLASS` make, with their error messages.
//!
//! Exposes `Vm::{match_sequence, match_mapping, match_keys, match_class,
//! dict_without_keys}`. Invariant: a failed match is a value (`None`, `false`), never an
//! exception; exceptions are only what CPython raises (a bad `__match_args__`, a class
//! pattern on a non-class, an error inside a `get` or a property).

use std::rc::Rc;

use super::types::types;
use super::{type_error, value_error, PyResult, Vm};
use crate::objects::{BuiltinType, Class, Value};

/// Built-in types whose class pattern with one positional sub-pattern matches the subject
/// itself (CPython's `_Py_TPFLAGS_MATCH_SELF`): `int(x)`, `str(s)`, `list(l)`...
fn matches_self(kind: BuiltinType) -> bool {
    use BuiltinType as B;
    matches!(
        kind,
        B::Bool
            | B::Bytes
            | B::Dict
            | B::Float
            | B::FrozenSet
            | B::Int
            | B::List
            | B::Set
            | B::Str
            | B::Tuple
    )
}

/// The stdlib classes written in Python here that CPython flags as a sequence or
/// mapping (C types there, or registered with `collections.abc`).
fn stdlib_kind(class: &Class) -> Option<bool> {
    match (&*class.module, &*class.name) {
        ("collections", "deque") => Some(true),
        ("collections", "_Mapping") => Some(false),
        _ => None,
    }
}

/// Is the class flagged as a sequence (`Some(true)`), a mapping (`Some(false)`), or
/// neither? The nearest flagged class of the MRO decides, as flags are inherited.
fn collection_kind(class: &Class) -> Option<bool> {
    use BuiltinType as B;
    for c in class.mro.borrow().iter() {
        match c.builtin {
            Some(B::List | B::Tuple | B::Range) => return Some(true),
            Some(B::Dict) => return Some(false),
            // str, bytes and sets are explicitly not sequences for `match`.
            Some(B::Str | B::Bytes | B::Set | B::FrozenSet) => return None,
            _ => {}
        }
        if let Some(kind) = stdlib_kind(c) {
            return Some(kind);
        }
    }
    None
}

/// The type's name as CPython's `tp_name` shows it in these messages: qualified by the
/// module for the stdlib classes that are C types there.
fn tp_name(class: &Class) -> String {
    let c_type = match &*class.module {
        "collections" => matches!(&*class.name, "deque" | "OrderedDict" | "defaultdict"),
        "datetime" => matches!(
            &*class.name,
            "date" | "datetime" | "time" | "timedelta" | "timezone" | "tzinfo"
        ),
        _ => false,
    };
    if c_type {
        format!("{}.{}", class.module, class.name)
    } else {
        class.name.to_string()
    }
}

impl Vm<'_> {
    pub(crate) fn match_sequence(&self, v: &Value) -> bool {
        collection_kind(&self.type_of(v)) == Some(true)
    }

    pub(crate) fn match_mapping(&self, v: &Value) -> bool {
        collection_kind(&self.type_of(v)) == Some(false)
    }

    /// The values of `keys` in the mapping `subject` (looked up with its `get`, so a
    /// `defaultdict` grows no key), or None when one is missing.
    pub(crate) fn match_keys(&mut self, subject: &Value, keys: &Value) -> PyResult<Value> {
        let keys = match keys {
            Value::Tuple(t) => t.items.to_vec(),
            _ => Vec::new(),
        };
        if keys.is_empty() {
            return Ok(Value::tuple(Vec::new()));
        }
        let get = self.getattr(subject, "get")?;
        // A fresh object tells a missing key from any value `get` could return.
        let missing = super::bare_instance(&types().object, &[]);
        let mut seen: Vec<(i64, Value)> = Vec::with_capacity(keys.len());
        let mut values = Vec::with_capacity(keys.len());
        for key in keys {
            let h = self.hash(&key)?;
            for (sh, s) in &seen {
                if *sh == h && self.eq(s, &key)? {
                    let shown = self.repr(&key)?;
                    return Err(value_error(format!(
                        "mapping pattern checks duplicate key ({shown})"
                    )));
                }
            }
            seen.push((h, key.clone()));
            let value = self.call(&get, vec![key, missing.clone()], Vec::new())?;
            if value.is(&missing) {
                return Ok(Value::None);
            }
            values.push(value);
        }
        Ok(Value::tuple(values))
    }

    /// The attributes a class pattern matches its sub-patterns against (the positional
    /// ones named by `__match_args__`, then `names`), or None when the subject is not an
    /// instance of `class` or lacks one of them.
    pub(crate) fn match_class(
        &mut self,
        subject: &Value,
        class: &Value,
        nargs: usize,
        names: &Value,
    ) -> PyResult<Value> {
        let Value::Class(cls) = class else {
            return Err(type_error("called match pattern must be a type"));
        };
        if !self.type_of(subject).is_subclass(cls) {
            return Ok(Value::None);
        }
        let mut seen: Vec<Rc<str>> = Vec::new();
        let mut attrs = Vec::new();
        if nargs > 0 {
            let (match_args, match_self) = match self.getattr(class, "__match_args__") {
                Ok(Value::Tuple(t)) => (t.items.to_vec(), false),
                Ok(other) => {
                    return Err(type_error(format!(
                        "{}.__match_args__ must be a tuple (got {})",
                        tp_name(cls),
                        self.type_name(&other)
                    )))
                }
                Err(e) if e.is("AttributeError") => {
                    let match_self = cls
                        .mro
                        .borrow()
                        .iter()
                        .any(|c| c.builtin.is_some_and(matches_self));
                    (Vec::new(), match_self)
                }
                Err(e) => return Err(e),
            };
            let allowed = if match_self { 1 } else { match_args.len() };
            if allowed < nargs {
                return Err(type_error(format!(
                    "{}() accepts {allowed} positional sub-pattern{} ({nargs} given)",
                    tp_name(cls),
                    if allowed == 1 { "" } else { "s" }
                )));
            }
            if match_self {
                attrs.push(subject.clone());
            } else {
                for name in &match_args[..nargs] {
                    let Value::Str(name) = name else {
                        return Err(type_error(format!(
                            "__match_args__ elements must be strings (got {})",
                            self.type_name(name)
                        )));
                    };
                    match self.match_class_attr(subject, cls, name.as_str(), &mut seen)? {
                        Some(v) => attrs.push(v),
                        None => return Ok(Value::None),
                    }
                }
            }
        }
        if let Value::Tuple(t) = names {
            for name in t.items.iter() {
                let Value::Str(name) = name else { continue };
                match self.match_class_attr(subject, cls, name.as_str(), &mut seen)? {
                    Some(v) => attrs.push(v),
                    None => return Ok(Value::None),
                }
            }
        }
        Ok(Value::tuple(attrs))
    }

    fn match_class_attr(
        &mut self,
        subject: &Value,
        cls: &Class,
        name: &str,
        seen: &mut Vec<Rc<str>>,
    ) -> PyResult<Option<Value>> {
        if seen.iter().any(|s| &**s == name) {
            return Err(type_error(format!(
                "{}() got multiple sub-patterns for attribute {}",
                tp_name(cls),
                super::ops::str_repr(name)
            )));
        }
        seen.push(Rc::from(name));
        match self.getattr(subject, name) {
            Ok(v) => Ok(Some(v)),
            Err(e) if e.is("AttributeError") => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// `**rest`: a new dict of the mapping's items whose keys are not in `keys`.
    pub(crate) fn dict_without_keys(&mut self, subject: &Value, keys: &Value) -> PyResult<Value> {
        let rest = self.call1(&Value::Class(types().dict.clone()), subject.clone())?;
        if let Value::Tuple(t) = keys {
            for key in t.items.iter() {
                self.delitem(&rest, key)?;
            }
        }
        Ok(rest)
    }
}
