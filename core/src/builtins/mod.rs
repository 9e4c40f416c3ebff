//! The `builtins` module and the native methods of the built-in types.
//!
//! ```text
//!   builtins/
//!     mod.rs          registration, argument checking, repr/str of built-in objects
//!     functions.rs    print, input, len, sorted, ... (the `builtins` module)
//!     construct.rs    calling a built-in class: int(x), str(x), dict(...), range(...)
//!     str.rs          str methods and `str % args`
//!     bytearray.rs    bytearray and memoryview methods and item access
//!     complex.rs      complex arithmetic, hashing, complex(...)
//!     sequence.rs     list and tuple methods
//!     dict.rs         dict methods and the VM's dict primitives
//!     set.rs          set/frozenset methods, set algebra and comparisons
//!     misc.rs         int/float methods, exceptions, generators, properties, object
//! ```
//! Invariant: every native function checks its arguments and raises TypeError with
//! CPython's wording; none may panic on any argument.

pub(crate) mod bytearray;
pub(crate) mod complex;
mod construct;
mod dict;
mod functions;
pub(crate) mod metaclass;
pub(crate) mod misc;
mod sequence;
mod set;
pub(crate) mod str;
pub(crate) mod subclass;

use std::rc::Rc;

pub(crate) use construct::construct;
pub(crate) use dict::{dict_copy, dict_eq, dict_from_str_pairs, dict_set_str};
pub(crate) use functions::namespace_dict;
pub(crate) use misc::{exception_str, object_method};
pub(crate) use set::{set_algebra, set_compare, set_contains, set_update};
pub(crate) use str::{bytes_percent_format, percent_format};

use crate::objects::{AttrMap, Builtin, Class, Kwargs, Module, NativeFn, Value};
use crate::vm::types::BuiltinTypes;
use crate::vm::{type_error, PyResult, Vm};

/// Largest collection a single operation may build (`[0] * n`, `range` to list...):
/// past it MemoryError, so a wasm instance never aborts on allocation failure.
pub(crate) const MAX_COLLECTION: usize = 1 << 26;

/// A fresh module object (also used as the namespace of a class body).
pub(crate) fn new_module(name: &str) -> Rc<Module> {
    let module = Rc::new(Module {
        name: name.into(),
        attrs: std::cell::RefCell::new(AttrMap::default()),
        initializing: std::cell::Cell::new(false),
    });
    module
        .attrs
        .borrow_mut()
        .insert("__name__".into(), Value::str(name));
    module
}

/// A native function value.
pub(crate) fn native(name: &'static str, func: NativeFn) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name,
        func,
        this: None,
        method_of: None,
    }))
}

/// Install native methods on a class.
pub(crate) fn add_methods(class: &Class, methods: &[(&'static str, NativeFn)]) {
    let mut attrs = class.attrs.borrow_mut();
    for &(name, func) in methods {
        let method = Builtin {
            name,
            func,
            this: None,
            method_of: Some(class.name.clone()),
        };
        attrs.insert(name.into(), Value::Builtin(Rc::new(method)));
    }
}

/// Install every built-in type's methods (once per thread, from `types()`).
pub(crate) fn install_methods(types: &BuiltinTypes) {
    str::install(types);
    bytearray::install(types);
    complex::install(types);
    sequence::install(types);
    dict::install(types);
    set::install(types);
    misc::install(types);
    subclass::install(types);
    metaclass::install(types);
    crate::modules::install_methods(types);
}

/// The `builtins` module: functions, built-in classes and exception classes.
pub(crate) fn builtins_module() -> Rc<Module> {
    let module = new_module("builtins");
    let t = crate::vm::types::types();
    {
        let mut attrs = module.attrs.borrow_mut();
        for (name, class) in [
            ("object", &t.object),
            ("type", &t.type_),
            ("int", &t.int),
            ("bool", &t.bool_),
            ("float", &t.float),
            ("str", &t.str_),
            ("bytes", &t.bytes),
            ("bytearray", &t.bytearray),
            ("memoryview", &t.memoryview),
            ("complex", &t.complex),
            ("list", &t.list),
            ("tuple", &t.tuple),
            ("dict", &t.dict),
            ("set", &t.set),
            ("frozenset", &t.frozenset),
            ("range", &t.range),
            ("slice", &t.slice),
            ("property", &t.property),
            ("staticmethod", &t.staticmethod),
            ("classmethod", &t.classmethod),
            ("super", &t.super_),
        ] {
            attrs.insert(name.into(), Value::Class(class.clone()));
        }
        for name in &t.exception_names {
            attrs.insert((*name).into(), Value::Class(t.exc(name)));
        }
        attrs.insert("None".into(), Value::None);
        attrs.insert("NotImplemented".into(), Value::NotImplemented);
        attrs.insert("Ellipsis".into(), Value::Ellipsis);
        for &(name, func) in functions::FUNCTIONS {
            attrs.insert(name.into(), native(name, func));
        }
    }
    module
}

/// `len(args)` within `min..=max`, or TypeError in CPython's wording for `name`.
pub(crate) fn check_args(name: &str, args: &[Value], min: usize, max: usize) -> PyResult<()> {
    let n = args.len();
    if n >= min && n <= max {
        return Ok(());
    }
    let plural = |k: usize| if k == 1 { "argument" } else { "arguments" };
    Err(type_error(if max == 0 {
        format!("{name}() takes no arguments ({n} given)")
    } else if min == max && min == 1 {
        format!("{name}() takes exactly one argument ({n} given)")
    } else if n > max {
        format!("{name} expected at most {max} {}, got {n}", plural(max))
    } else {
        format!("{name} expected at least {min} {}, got {n}", plural(min))
    }))
}

/// Like [`check_args`] for a method: `args[0]` is the object and is not counted.
pub(crate) fn check_method_args(
    name: &str,
    args: &[Value],
    min: usize,
    max: usize,
) -> PyResult<()> {
    // A method taken from its class and called without `self` (`list.copy()`).
    if args.is_empty() {
        return Err(type_error(format!(
            "unbound method {name}() needs an argument"
        )));
    }
    check_args(name, args.get(1..).unwrap_or(&[]), min, max)
}

pub(crate) fn no_kwargs(name: &str, kwargs: &Kwargs) -> PyResult<()> {
    if kwargs.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// Remove and return keyword argument `key`.
pub(crate) fn take_kwarg(kwargs: &mut Kwargs, key: &str) -> Option<Value> {
    let i = kwargs.iter().position(|(k, _)| &**k == key)?;
    Some(kwargs.remove(i).1)
}

/// Fail on keyword arguments left after the known ones were taken.
pub(crate) fn reject_kwargs(name: &str, kwargs: &Kwargs) -> PyResult<()> {
    match kwargs.first() {
        None => Ok(()),
        Some((k, _)) => Err(type_error(format!(
            "'{k}' is an invalid keyword argument for {name}()"
        ))),
    }
}

/// `<__main__.Point object at 0x7f...>` and the fixed reprs of other built-in objects.
pub(crate) fn default_repr(vm: &mut Vm<'_>, v: &Value) -> PyResult<String> {
    let addr = v.heap_addr().unwrap_or(0);
    Ok(match v {
        Value::NotImplemented => "NotImplemented".into(),
        Value::Ellipsis => "Ellipsis".into(),
        Value::Bytes(b) => crate::builtins::str::bytes_repr(b),
        Value::ByteArray(b) => bytearray::bytearray_repr(b),
        Value::MemoryView(m) if m.released.get() => format!("<released memory at {addr:#x}>"),
        Value::MemoryView(_) => format!("<memory at {addr:#x}>"),
        Value::Range(r) => {
            if r.step == 1 {
                format!("range({}, {})", r.start, r.stop)
            } else {
                format!("range({}, {}, {})", r.start, r.stop, r.step)
            }
        }
        Value::Slice(s) => {
            let (a, b, c) = (s.start.clone(), s.stop.clone(), s.step.clone());
            format!(
                "slice({}, {}, {})",
                vm.repr(&a)?,
                vm.repr(&b)?,
                vm.repr(&c)?
            )
        }
        Value::Function(f) => match f.attrs.borrow().get("__qualname__") {
            Some(Value::Str(q)) => format!("<function {} at {:#x}>", q.as_str(), addr),
            _ => format!("<function {} at {:#x}>", f.qualname, addr),
        },
        Value::Builtin(b) => match &b.this {
            Some(Value::Module(_)) | None => format!("<built-in function {}>", b.name),
            Some(this) if crate::embed::is_native_holder(this) => {
                format!("<built-in function {}>", b.name)
            }
            Some(this) => format!(
                "<built-in method {} of {} object at {:#x}>",
                b.name,
                vm.type_name(this),
                addr
            ),
        },
        Value::Method(m) => {
            let this = m.this.clone();
            let name = match &m.func {
                Value::Function(f) => f.qualname.to_string(),
                Value::Builtin(b) => {
                    return Ok(format!(
                        "<built-in method {} of {} object at {:#x}>",
                        b.name,
                        vm.type_name(&this),
                        addr
                    ))
                }
                _ => "?".into(),
            };
            format!("<bound method {name} of {}>", vm.repr(&this)?)
        }
        Value::Class(c) => {
            if c.module.as_ref() == "builtins" {
                format!("<class '{}'>", c.qualname)
            } else {
                format!("<class '{}.{}'>", c.module, c.qualname)
            }
        }
        Value::Instance(i) => {
            if i.exc.is_some() {
                return misc::exception_repr(vm, v);
            }
            if let Some(r) = dict_view_repr(vm, i)? {
                return Ok(r);
            }
            if let Some(crate::objects::NativeState::Code(code, _)) =
                i.native.as_ref().map(|n| n.borrow()).as_deref()
            {
                return Ok(format!(
                    "<code object {} at {addr:#x}, file \"{}\", line 1>",
                    code.name, code.filename
                ));
            }
            if let Some(r) = crate::modules::native_repr(vm, i)? {
                return Ok(r);
            }
            if i.class.module.as_ref() == "builtins" {
                format!("<{} object at {:#x}>", i.class.qualname, addr)
            } else {
                format!(
                    "<{}.{} object at {:#x}>",
                    i.class.module, i.class.qualname, addr
                )
            }
        }
        Value::Module(m) => {
            if matches!(
                &*m.name,
                "sys" | "builtins" | "time" | "math" | "cmath" | "json" | "random"
            ) {
                format!("<module '{}' (built-in)>", m.name)
            } else {
                format!("<module '{}'>", m.name)
            }
        }
        Value::Generator(g) => format!(
            "<{} object {} at {:#x}>",
            g.kind.type_name(),
            g.qualname,
            addr
        ),
        Value::Iterator(it) => format!("<{} object at {addr:#x}>", it.borrow().type_name()),
        Value::Property(_) => format!("<property object at {addr:#x}>"),
        Value::StaticMethod(_) => format!("<staticmethod object at {addr:#x}>"),
        Value::ClassMethod(_) => format!("<classmethod object at {addr:#x}>"),
        Value::Super(s) => format!(
            "<super: <class '{}'>, <{} object>>",
            s.after.name,
            vm.type_name(&s.this)
        ),
        _ => format!("<{} object>", vm.type_name(v)),
    })
}

/// `dict_keys(['a', 'b'])` and the other views.
fn dict_view_repr(vm: &mut Vm<'_>, i: &crate::objects::Instance) -> PyResult<Option<String>> {
    use crate::objects::{DictViewKind, NativeState};
    let view = i.native.as_ref().and_then(|n| match &*n.borrow() {
        NativeState::DictView(d, kind) => Some((d.clone(), *kind)),
        _ => None,
    });
    let Some((d, kind)) = view else {
        return Ok(None);
    };
    let items: Vec<Value> = vm
        .dict_items(&Value::Dict(d))
        .into_iter()
        .map(|(k, v)| match kind {
            DictViewKind::Keys => k,
            DictViewKind::Values => v,
            DictViewKind::Items => Value::tuple(vec![k, v]),
        })
        .collect();
    Ok(Some(format!(
        "{}({})",
        i.class.name,
        container_repr(vm, &Value::list(items))?
    )))
}

/// repr of list, tuple, dict and set (the caller guards recursion depth).
pub(crate) fn container_repr(vm: &mut Vm<'_>, v: &Value) -> PyResult<String> {
    fn join(vm: &mut Vm<'_>, items: &[Value]) -> PyResult<String> {
        let mut out = String::new();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&vm.repr(item)?);
        }
        Ok(out)
    }
    match v {
        Value::List(l) => {
            let items = l.items.borrow().clone();
            Ok(format!("[{}]", join(vm, &items)?))
        }
        Value::Tuple(t) => {
            if t.items.len() == 1 {
                Ok(format!("({},)", vm.repr(&t.items[0])?))
            } else {
                Ok(format!("({})", join(vm, &t.items)?))
            }
        }
        Value::Dict(d) => {
            let items: Vec<(Value, Value)> = d
                .table
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            let mut out = String::from("{");
            for (i, (k, val)) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(&vm.repr(k)?);
                out.push_str(": ");
                out.push_str(&vm.repr(val)?);
            }
            out.push('}');
            Ok(out)
        }
        Value::Set(s) => {
            let items: Vec<Value> = s.table.borrow().iter().map(|(_, k)| k.clone()).collect();
            let name = if s.frozen { "frozenset" } else { "set" };
            if items.is_empty() {
                return Ok(format!("{name}()"));
            }
            let inner = join(vm, &items)?;
            Ok(if s.frozen {
                format!("frozenset({{{inner}}})")
            } else {
                format!("{{{inner}}}")
            })
        }
        _ => default_repr(vm, v),
    }
}
