//! Calls, argument binding, class creation and the iteration protocol.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::types::types;
use super::{type_error, Frame, FrameExit, PyResult, Vm};
use crate::builtins::metaclass::{class_created, derive_meta, namespace_dict};
use crate::objects::{
    AttrMap, Class, DictViewKind, ExcData, Function, GenKind, Generator, GeneratorState, Instance,
    Kwargs, Module, NativeIter, NativeState, PyDict, PyTuple, Value,
};

pub(crate) fn cell_value(cell: crate::objects::CellRef) -> Value {
    Value::Cell(cell)
}

/// `MakeFunction`: build a function object from a code constant and its extras.
#[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
pub(crate) fn make_function(
    vm: &mut Vm<'_>,
    code: Value,
    globals: Rc<Module>,
    defaults: Option<Value>,
    kwdefaults: Option<Value>,
    closure: Option<Value>,
) -> PyResult<Value> {
    let Value::Code(code) = code else {
        return Err(type_error("MakeFunction without code"));
    };
    let defaults = match defaults {
        Some(Value::Tuple(t)) => t.items.clone(),
        _ => Vec::new(),
    };
    let kwdefaults = match kwdefaults {
        Some(d @ Value::Dict(_)) => {
            let mut out = Vec::new();
            for (k, v) in vm.dict_items(&d) {
                if let Value::Str(s) = k {
                    out.push((Rc::from(s.as_str()), v));
                }
            }
            out
        }
        _ => Vec::new(),
    };
    let closure = match closure {
        Some(Value::Tuple(t)) => t
            .items
            .iter()
            .filter_map(|c| match c {
                Value::Cell(cell) => Some(cell.clone()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    };
    Ok(Value::Function(Rc::new(Function {
        name: code.name.clone(),
        qualname: code.qualname.clone(),
        code,
        globals,
        defaults,
        kwdefaults,
        closure,
        owner: RefCell::new(None),
        attrs: RefCell::new(AttrMap::default()),
    })))
}

#[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
pub(crate) fn call(
    vm: &mut Vm<'_>,
    callable: &Value,
    mut args: Vec<Value>,
    kwargs: Kwargs,
) -> PyResult<Value> {
    match callable {
        Value::Function(f) => call_function(vm, f, args, kwargs),
        Value::Builtin(b) => {
            if let Some(this) = &b.this {
                args.insert(0, this.clone());
            }
            if let (Some(class), true) = (&b.method_of, args.is_empty()) {
                // CPython's words differ: slot wrappers (dunders) are descriptors.
                let name = &b.name;
                return Err(type_error(
                    if name.starts_with("__") && name.ends_with("__") {
                        format!("descriptor '{name}' of '{class}' object needs an argument")
                    } else {
                        format!("unbound method {class}.{name}() needs an argument")
                    },
                ));
            }
            (b.func)(vm, args, kwargs)
        }
        Value::Method(m) => {
            args.insert(0, m.this.clone());
            call(vm, &m.func, args, kwargs)
        }
        Value::Class(c) => instantiate(vm, c, args, kwargs),
        Value::Instance(i) => match i.class.lookup("__call__") {
            Some(f) => {
                args.insert(0, callable.clone());
                call(vm, &f, args, kwargs)
            }
            None => Err(type_error(format!(
                "'{}' object is not callable",
                i.class.name
            ))),
        },
        Value::StaticMethod(f) => call(vm, f, args, kwargs),
        _ => Err(type_error(format!(
            "'{}' object is not callable",
            vm.type_name(callable)
        ))),
    }
}

#[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
fn call_function(
    vm: &mut Vm<'_>,
    func: &Rc<Function>,
    args: Vec<Value>,
    kwargs: Kwargs,
) -> PyResult<Value> {
    let mut frame = bind_args(func, args, kwargs)?;
    if func.code.is_generator || func.code.is_coroutine {
        let kind = if !func.code.is_coroutine {
            GenKind::Generator
        } else if func.code.is_generator {
            GenKind::AsyncGenerator
        } else {
            GenKind::Coroutine
        };
        let gen = Rc::new(Generator {
            frame: RefCell::new(Some(Box::new(frame))),
            state: Cell::new(GeneratorState::Created),
            kind,
            name: func.name.clone(),
            qualname: func.qualname.clone(),
            abandoned: vm.rt.abandoned.clone(),
            reported: Cell::new(false),
        });
        if kind == GenKind::Coroutine {
            vm.rt.track_coroutine(&gen);
        }
        return Ok(Value::Generator(gen));
    }
    match vm.eval_frame(&mut frame)? {
        FrameExit::Return(v) | FrameExit::Yield(v) => Ok(v),
    }
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` as CPython lists missing arguments.
fn name_list(names: &[Rc<str>]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

/// "f() missing 2 required positional arguments: 'a' and 'b'".
fn missing_arguments(qualname: &str, kind: &str, missing: &[Rc<str>]) -> super::PyErr {
    let noun = if missing.len() == 1 {
        "argument"
    } else {
        "arguments"
    };
    type_error(format!(
        "{qualname}() missing {} required {kind} {noun}: {}",
        missing.len(),
        name_list(missing)
    ))
}

/// A function's `__qualname__` in error messages: an assigned one (dataclasses and
/// `functools.wraps` set it) or the compiled one; read only when a message is made.
struct QualName<'a>(&'a Function);

impl std::fmt::Display for QualName<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0.attrs.borrow().get("__qualname__") {
            Some(Value::Str(s)) => f.write_str(s.as_str()),
            _ => f.write_str(&self.0.qualname),
        }
    }
}

/// Bind call arguments to a new frame's parameters, with CPython's error messages.
#[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
fn bind_args(func: &Rc<Function>, mut args: Vec<Value>, kwargs: Kwargs) -> PyResult<Frame> {
    let code = func.code.clone();
    let mut frame = Frame::new(code.clone(), func.globals.clone(), Some(func.clone()));
    let argc = code.argcount as usize;
    let kwonly = code.kwonlycount as usize;
    let posonly = code.posonlycount as usize;
    let nargs = args.len();
    let qn = QualName(func);
    let extra = if nargs > argc {
        if code.has_varargs {
            args.split_off(argc)
        } else {
            let ndefaults = func.defaults.len();
            let takes = if ndefaults > 0 {
                format!("from {} to {} positional arguments", argc - ndefaults, argc)
            } else {
                plural(argc, "positional argument")
            };
            let kw_given = kwargs
                .iter()
                .filter(|(k, _)| {
                    code.varnames[argc..argc + kwonly]
                        .iter()
                        .any(|n| **n == **k)
                })
                .count();
            let given = if kw_given > 0 {
                format!(
                    "{} (and {}) were given",
                    plural(nargs, "positional argument"),
                    plural(kw_given, "keyword-only argument")
                )
            } else if nargs == 1 {
                "1 was given".to_string()
            } else {
                format!("{nargs} were given")
            };
            return Err(type_error(format!("{qn}() takes {takes} but {given}")));
        }
    } else {
        Vec::new()
    };
    for (i, a) in args.into_iter().enumerate() {
        frame.fast[i] = Some(a);
    }
    let vararg_slot = argc + kwonly;
    let varkw_slot = vararg_slot + usize::from(code.has_varargs);
    if code.has_varargs {
        frame.fast[vararg_slot] = Some(Value::tuple(extra));
    }
    let varkw = if code.has_varkw {
        Some(Rc::new(PyDict::new()))
    } else {
        None
    };
    let mut posonly_as_kw: Vec<Rc<str>> = Vec::new();
    for (k, v) in kwargs {
        let slot = code.varnames[..argc + kwonly]
            .iter()
            .position(|n| **n == *k);
        match slot {
            Some(i) if i >= posonly => {
                if frame.fast[i].is_some() {
                    return Err(type_error(format!(
                        "{qn}() got multiple values for argument '{k}'"
                    )));
                }
                frame.fast[i] = Some(v);
            }
            _ => match &varkw {
                Some(d) => {
                    crate::builtins::dict_set_str(d, &k, v);
                }
                None => {
                    if slot.is_some() {
                        posonly_as_kw.push(k);
                        continue;
                    }
                    return Err(type_error(format!(
                        "{qn}() got an unexpected keyword argument '{k}'"
                    )));
                }
            },
        }
    }
    if !posonly_as_kw.is_empty() {
        let names: Vec<String> = posonly_as_kw.iter().map(|n| n.to_string()).collect();
        return Err(type_error(format!(
            "{qn}() got some positional-only arguments passed as keyword arguments: '{}'",
            names.join(", ")
        )));
    }
    if let Some(d) = varkw {
        frame.fast[varkw_slot] = Some(Value::Dict(d));
    }
    let ndefaults = func.defaults.len();
    let mut missing: Vec<Rc<str>> = Vec::new();
    for i in nargs.min(argc)..argc {
        if frame.fast[i].is_none() {
            if i + ndefaults >= argc {
                frame.fast[i] = Some(func.defaults[i + ndefaults - argc].clone());
            } else {
                missing.push(code.varnames[i].clone());
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_arguments(&qn.to_string(), "positional", &missing));
    }
    for i in argc..argc + kwonly {
        if frame.fast[i].is_none() {
            let name = &code.varnames[i];
            match func.kwdefaults.iter().find(|(k, _)| k == name) {
                Some((_, v)) => frame.fast[i] = Some(v.clone()),
                None => missing.push(name.clone()),
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_arguments(&qn.to_string(), "keyword-only", &missing));
    }
    for &(cell, param) in &code.cell_params {
        let v = frame.fast[param as usize].take();
        *frame.cells[cell as usize].borrow_mut() = v;
    }
    Ok(frame)
}

/// Calling a class: its metaclass's `__call__` if it has one, else [`instantiate_plain`].
#[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
fn instantiate(
    vm: &mut Vm<'_>,
    class: &Rc<Class>,
    mut args: Vec<Value>,
    kwargs: Kwargs,
) -> PyResult<Value> {
    if class.meta.is_some() {
        if let Some(hook) = class.meta_lookup("__call__") {
            args.insert(0, Value::Class(class.clone()));
            return vm.call(&hook, args, kwargs);
        }
    }
    instantiate_plain(vm, class, args, kwargs)
}

/// `type.__call__`: built-in constructors, or `__new__` plus `__init__`.
pub(crate) fn instantiate_plain(
    vm: &mut Vm<'_>,
    class: &Rc<Class>,
    args: Vec<Value>,
    kwargs: Kwargs,
) -> PyResult<Value> {
    if let Some(kind) = class.builtin {
        if kind != crate::objects::BuiltinType::Exception {
            return crate::builtins::construct(vm, class, kind, args, kwargs);
        }
    }
    let instance = match class.lookup("__new__") {
        Some(new) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(Value::Class(class.clone()));
            full.extend(args.iter().cloned());
            let made = vm.call(&new, full, kwargs.clone())?;
            // As CPython: `__init__` runs only when `__new__` made an instance of the class
            // (for a metaclass, a class whose metaclass it is).
            match &made {
                Value::Instance(i) if i.class.is_subclass(class) => made,
                Value::Class(c) if c.meta.as_ref().is_some_and(|m| m.is_subclass(class)) => made,
                _ => return Ok(made),
            }
        }
        None => match crate::builtins::subclass::builtin_base(class) {
            Some(base) => {
                let user_init = !matches!(class.lookup("__init__"), Some(Value::Builtin(_)) | None);
                let made = crate::builtins::subclass::new_instance(
                    vm,
                    class,
                    &base,
                    args.clone(),
                    kwargs.clone(),
                    user_init,
                )?;
                if !user_init {
                    return Ok(made);
                }
                made
            }
            None => bare_instance(
                &crate::builtins::misc::os_error_subclass(class, &args),
                &args,
            ),
        },
    };
    match class.lookup("__init__") {
        Some(init) => {
            let mut full = Vec::with_capacity(args.len() + 1);
            full.push(instance.clone());
            full.extend(args);
            let r = vm.call(&init, full, kwargs)?;
            if !r.is_none() {
                return Err(type_error(format!(
                    "__init__() should return None, not '{}'",
                    vm.type_name(&r)
                )));
            }
        }
        None => {
            let custom_new = class.lookup("__new__").is_some();
            if !class.is_exception && !custom_new && (!args.is_empty() || !kwargs.is_empty()) {
                return Err(type_error(format!("{}() takes no arguments", class.name)));
            }
        }
    }
    Ok(instance)
}

/// A new instance of a user class with no attributes yet (`object.__new__(class)`).
pub(crate) fn bare_instance(class: &Rc<Class>, args: &[Value]) -> Value {
    let exc = if class.is_exception {
        Some(Box::new(ExcData::new(Value::tuple(args.to_vec()))))
    } else {
        None
    };
    Value::Instance(Rc::new(Instance {
        class: class.clone(),
        attrs: RefCell::new(AttrMap::default()),
        exc,
        native: None,
    }))
}

/// C3 linearisation of a new class's bases.
fn c3_mro(class: &Rc<Class>, bases: &[Rc<Class>]) -> PyResult<Vec<Rc<Class>>> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| b.mro.borrow().clone()).collect();
    seqs.push(bases.to_vec());
    let mut out = vec![class.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut chosen = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| Rc::ptr_eq(c, cand)))
            {
                chosen = Some(cand.clone());
                break;
            }
        }
        let Some(c) = chosen else {
            let names: Vec<String> = bases.iter().map(|b| b.name.to_string()).collect();
            return Err(type_error(format!(
                "Cannot create a consistent method resolution order (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// A class made by a `class` statement or by `type(name, bases, dict)`: its MRO computed,
/// and its functions told their owner (for zero-argument `super()`).
pub(crate) fn new_user_class(
    name: &str,
    qualname: Rc<str>,
    module: Rc<str>,
    base_classes: Vec<Rc<Class>>,
    mut attrs: AttrMap,
    meta: Option<Rc<Class>>,
) -> PyResult<Value> {
    let is_exception = base_classes.iter().any(|b| b.is_exception);
    // type.__new__ gives every class its own `__doc__` (None without a docstring), so a
    // subclass does not show its base's.
    attrs.entry(Rc::from("__doc__")).or_insert(Value::None);
    // A class defining __eq__ but not __hash__ is unhashable: type.__new__ stores None.
    if attrs.contains_key("__eq__") && !attrs.contains_key("__hash__") {
        attrs.insert(Rc::from("__hash__"), Value::None);
    }
    // Implicit class methods, as CPython's type.__new__ makes them.
    for name in ["__init_subclass__", "__class_getitem__"] {
        if let Some(v @ Value::Function(_)) = attrs.get(name) {
            let wrapped = Value::ClassMethod(Rc::new(v.clone()));
            attrs.insert(name.into(), wrapped);
        }
    }
    let class = Rc::new(Class {
        name: name.into(),
        qualname,
        module,
        bases: base_classes.clone(),
        mro: RefCell::new(Vec::new()),
        attrs: RefCell::new(attrs),
        builtin: None,
        is_exception,
        meta,
    });
    let mro = c3_mro(&class, &base_classes)?;
    *class.mro.borrow_mut() = mro;
    for v in class.attrs.borrow().values() {
        let f = match v {
            Value::Function(f) => Some(f.clone()),
            Value::StaticMethod(inner) | Value::ClassMethod(inner) => match &**inner {
                Value::Function(f) => Some(f.clone()),
                _ => None,
            },
            Value::Property(p) => match &p.getter {
                Value::Function(f) => Some(f.clone()),
                _ => None,
            },
            _ => None,
        };
        if let Some(f) = f {
            *f.owner.borrow_mut() = Some(Rc::downgrade(&class));
        }
        if let Value::Property(p) = v {
            if let Some(Value::Function(f)) = &p.setter {
                *f.owner.borrow_mut() = Some(Rc::downgrade(&class));
            }
        }
    }
    Ok(Value::Class(class))
}

impl Vm<'_> {
    /// `class Name(bases): body`.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn build_class(
        &mut self,
        body: &Value,
        name: &str,
        bases: Vec<Value>,
        globals: &Rc<Module>,
        mut kwargs: Kwargs,
    ) -> PyResult<Value> {
        let Value::Function(func) = body else {
            return Err(type_error("class body is not a function"));
        };
        let explicit = crate::builtins::take_kwarg(&mut kwargs, "metaclass");
        let bases = self.resolve_mro_entries(bases)?;
        let bases_tuple = Value::tuple(bases.clone());
        let base_classes = self.class_bases(bases)?;
        // A metaclass that is not a class (a function) is called as it is.
        let meta = match explicit {
            Some(Value::Class(m)) => Value::Class(derive_meta(Some(m), &base_classes)?),
            Some(other) => other,
            None => Value::Class(derive_meta(None, &base_classes)?),
        };
        let ns = crate::builtins::new_module(name);
        // The namespace's own `__name__` (from `new_module`) is not a class attribute: a
        // class's name is `Class::name`, the body's `__name__` is the module's, and
        // subclasses must not inherit it.
        ns.attrs.borrow_mut().shift_remove("__name__");
        let module_name = globals
            .attrs
            .borrow()
            .get("__name__")
            .cloned()
            .unwrap_or(Value::str("__main__"));
        ns.attrs
            .borrow_mut()
            .insert("__module__".into(), module_name.clone());
        let mut frame = Frame::new(func.code.clone(), globals.clone(), Some(func.clone()));
        frame.namespace = Some(ns.clone());
        self.eval_frame(&mut frame)?;
        let attrs = std::mem::take(&mut *ns.attrs.borrow_mut());
        let qualname = match attrs.get("__qualname__") {
            Some(Value::Str(s)) => Rc::from(s.as_str()),
            _ => Rc::from(name),
        };
        // The body may set `__module__` itself (modules written in Python do).
        let module_name = attrs.get("__module__").cloned().unwrap_or(module_name);
        let module: Rc<str> = match &module_name {
            Value::Str(s) => Rc::from(s.as_str()),
            _ => Rc::from("__main__"),
        };
        match &meta {
            Value::Class(m) if Rc::ptr_eq(m, &types().type_) => {
                let class = new_user_class(name, qualname, module, base_classes, attrs, None)?;
                if let Value::Class(c) = &class {
                    class_created(self, c, kwargs)?;
                }
                Ok(class)
            }
            _ => {
                let args = vec![Value::str(name), bases_tuple, namespace_dict(&attrs)];
                self.call(&meta, args, kwargs)
            }
        }
    }

    /// PEP 560: a base that is not a class but has `__mro_entries__` (`Generic[T]`,
    /// `typing.NamedTuple`) is replaced by the classes that method returns.
    fn resolve_mro_entries(&mut self, bases: Vec<Value>) -> PyResult<Vec<Value>> {
        if bases.iter().all(|b| matches!(b, Value::Class(_))) {
            return Ok(bases);
        }
        let original = Value::tuple(bases.clone());
        let mut out = Vec::with_capacity(bases.len());
        for b in bases {
            if matches!(b, Value::Class(_)) {
                out.push(b);
                continue;
            }
            let hook = match self.getattr(&b, "__mro_entries__") {
                Ok(h) => h,
                Err(e) if e.is("AttributeError") => {
                    out.push(b);
                    continue;
                }
                Err(e) => return Err(e),
            };
            let entries = self.call1(&hook, original.clone())?;
            match entries {
                Value::Tuple(t) => out.extend(t.items.iter().cloned()),
                _ => return Err(type_error("__mro_entries__ must return a tuple")),
            }
        }
        Ok(out)
    }

    /// Checks the bases of a new class (`object` when there are none).
    pub(crate) fn class_bases(&mut self, bases: Vec<Value>) -> PyResult<Vec<Rc<Class>>> {
        let mut base_classes = Vec::new();
        for b in bases {
            match b {
                Value::Class(c) => {
                    if let Some(kind) = c.builtin {
                        if !crate::builtins::subclass::is_extensible(kind) {
                            return Err(type_error(format!(
                                "type '{}' is not an acceptable base type",
                                c.name
                            )));
                        }
                    }
                    base_classes.push(c)
                }
                other => {
                    return Err(type_error(format!(
                        "bases must be types, not {}",
                        self.type_name(&other)
                    )))
                }
            }
        }
        if base_classes.is_empty() {
            base_classes.push(types().object.clone());
        }
        // One built-in value per instance: two different built-in bases cannot combine.
        let mut layouts = base_classes
            .iter()
            .filter_map(|b| {
                crate::builtins::subclass::builtin_base(b).or_else(|| {
                    b.builtin
                        .filter(|k| {
                            !matches!(
                                k,
                                crate::objects::BuiltinType::Object
                                    | crate::objects::BuiltinType::Exception
                            )
                        })
                        .map(|_| b.clone())
                })
            })
            .map(|c| Rc::as_ptr(&c));
        if let Some(first) = layouts.next() {
            if layouts.any(|other| other != first) {
                return Err(type_error("multiple bases have instance lay-out conflict"));
            }
        }
        Ok(base_classes)
    }

    /// `iter(v)`.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(base) = crate::builtins::subclass::base_for(v, "__iter__") {
            return self.get_iter(&base);
        }
        if let Value::Class(c) = v {
            if let Some(f) = c.meta_lookup("__iter__") {
                return self.call1(&f, v.clone());
            }
        }
        let it = match v {
            Value::List(l) => NativeIter::List {
                list: l.clone(),
                index: 0,
            },
            Value::Tuple(t) => NativeIter::Seq {
                items: t.clone(),
                index: 0,
                name: "tuple_iterator",
            },
            Value::Str(s) => NativeIter::Str {
                s: s.clone(),
                byte_pos: 0,
            },
            Value::Range(r) => NativeIter::Range {
                next: r.start,
                step: r.step,
                remaining: r.len(),
            },
            Value::Dict(d) => NativeIter::Dict {
                dict: d.clone(),
                index: 0,
                len: d.table.borrow().len(),
                kind: DictViewKind::Keys,
            },
            Value::Set(s) => {
                let items: Vec<Value> = s.table.borrow().iter().map(|(_, k)| k.clone()).collect();
                NativeIter::Seq {
                    items: Rc::new(PyTuple::new(items)),
                    index: 0,
                    name: "set_iterator",
                }
            }
            Value::Bytes(b) => {
                let items: Vec<Value> = b.iter().map(|&x| Value::Int(x as i64)).collect();
                NativeIter::Seq {
                    items: Rc::new(PyTuple::new(items)),
                    index: 0,
                    name: "bytes_iterator",
                }
            }
            Value::ByteArray(b) => NativeIter::ByteArray {
                data: b.clone(),
                index: 0,
            },
            Value::MemoryView(m) => NativeIter::Seq {
                items: Rc::new(PyTuple::new(crate::builtins::bytearray::mv_items(m)?)),
                index: 0,
                name: "memory_iterator",
            },
            Value::Generator(g) if g.kind == GenKind::Generator => return Ok(v.clone()),
            Value::Iterator(_) => return Ok(v.clone()),
            Value::Instance(i) => {
                if let Some(NativeState::DictView(d, kind)) =
                    i.native.as_ref().and_then(|n| n.borrow().clone_view())
                {
                    let len = d.table.borrow().len();
                    NativeIter::Dict {
                        len,
                        dict: d,
                        index: 0,
                        kind,
                    }
                } else if let Some(f) = i.class.lookup("__iter__") {
                    let it = self.call1(&f, v.clone())?;
                    return match &it {
                        Value::Generator(_) | Value::Iterator(_) => Ok(it),
                        Value::Instance(ii) if ii.class.lookup("__next__").is_some() => Ok(it),
                        _ => Err(type_error(format!(
                            "iter() returned non-iterator of type '{}'",
                            self.type_name(&it)
                        ))),
                    };
                } else if i.class.lookup("__getitem__").is_some() {
                    NativeIter::GetItem {
                        obj: v.clone(),
                        index: 0,
                    }
                } else {
                    return Err(type_error(format!(
                        "'{}' object is not iterable",
                        i.class.name
                    )));
                }
            }
            _ => {
                return Err(type_error(format!(
                    "'{}' object is not iterable",
                    self.type_name(v)
                )))
            }
        };
        Ok(Value::Iterator(Rc::new(RefCell::new(it))))
    }

    /// `next(it)`, with exhaustion as `None` instead of StopIteration.
    ///
    /// Each item is a step ([`Vm::charge`]): builtins that consume iterators natively
    /// (`list(range(10**9))`, `sum`, `max`, `sorted`...) poll the host like a Python loop.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        self.charge(1)?;
        match it {
            Value::Iterator(cell) => self.next_native(cell),
            Value::Generator(g) if g.kind == GenKind::Generator => {
                match self.resume_generator(g, Value::None)? {
                    Ok(v) => Ok(Some(v)),
                    Err(_) => Ok(None),
                }
            }
            Value::Instance(i) => {
                let Some(f) = i.class.lookup("__next__") else {
                    return Err(type_error(format!(
                        "'{}' object is not an iterator",
                        i.class.name
                    )));
                };
                match self.call1(&f, it.clone()) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if e.is("StopIteration") => Ok(None),
                    Err(e) => Err(e),
                }
            }
            _ => Err(type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            ))),
        }
    }

    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    fn next_native(&mut self, cell: &Rc<RefCell<NativeIter>>) -> PyResult<Option<Value>> {
        if matches!(&*cell.borrow(), NativeIter::AsyncGenStep { .. }) {
            return match self.step_async_gen(cell, super::Resume::Send(Value::None))? {
                Ok(v) => Ok(Some(v)),
                Err(v) => Err(super::stop_iteration(v)),
            };
        }
        // Variants that call back into Python take what they need out of the borrow first.
        let mut it = cell.borrow_mut();
        let simple = match &mut *it {
            NativeIter::List { list, index } => {
                let items = list.items.borrow();
                let v = items.get(*index).cloned();
                *index += 1;
                Some(v)
            }
            NativeIter::ByteArray { data, index } => {
                let byte = data.data.borrow().get(*index).copied();
                *index += 1;
                Some(byte.map(|b| Value::Int(b as i64)))
            }
            NativeIter::Seq { items, index, .. } => {
                let v = items.items.get(*index).cloned();
                *index += 1;
                Some(v)
            }
            NativeIter::Str { s, byte_pos } => {
                let text = s.as_str();
                let v = text[*byte_pos..].chars().next().map(|c| {
                    *byte_pos += c.len_utf8();
                    Value::str(c.to_string())
                });
                Some(v)
            }
            NativeIter::Range {
                next,
                step,
                remaining,
            } => {
                if *remaining == 0 {
                    Some(None)
                } else {
                    let v = *next;
                    *remaining -= 1;
                    *next = next.wrapping_add(*step);
                    Some(Some(Value::Int(v)))
                }
            }
            NativeIter::Dict {
                dict,
                index,
                len,
                kind,
            } => {
                let table = dict.table.borrow();
                if table.len() != *len {
                    drop(table);
                    *it = it.exhausted();
                    return Err(super::runtime_error(
                        "dictionary changed size during iteration",
                    ));
                }
                let v = table.get_index(*index).map(|(k, v)| match kind {
                    DictViewKind::Keys => k.clone(),
                    DictViewKind::Values => v.clone(),
                    DictViewKind::Items => Value::tuple(vec![k.clone(), v.clone()]),
                });
                *index += 1;
                Some(v)
            }
            NativeIter::Exhausted(_) => Some(None),
            _ => None,
        };
        if let Some(v) = simple {
            if v.is_none() {
                *it = it.exhausted();
            }
            return Ok(v);
        }
        // Exhausted while it runs (so a re-entrant next() ends), and afterwards unless it
        // produced an item.
        let exhausted = it.exhausted();
        let state = std::mem::replace(&mut *it, exhausted);
        drop(it);
        Ok(self.next_composite(state)?.map(|(item, state)| {
            *cell.borrow_mut() = state;
            item
        }))
    }

    /// Iterators that run Python code (map, filter, zip, enumerate...).
    fn next_composite(&mut self, state: NativeIter) -> PyResult<Option<(Value, NativeIter)>> {
        match state {
            NativeIter::Enumerate { inner, count } => match self.next(&inner)? {
                Some(v) => {
                    let next =
                        self.binary_op(crate::compiler::BinOp::Add, &count, &Value::Int(1))?;
                    Ok(Some((
                        Value::tuple(vec![count, v]),
                        NativeIter::Enumerate { inner, count: next },
                    )))
                }
                None => Ok(None),
            },
            NativeIter::Zip { inners, strict } => {
                let mut items = Vec::with_capacity(inners.len());
                for (i, inner) in inners.iter().enumerate() {
                    match self.next(inner)? {
                        Some(v) => items.push(v),
                        None => {
                            if strict && (i > 0 || inners[1..].iter().any(|_| true)) {
                                // strict=True: all must end together.
                                if i > 0 {
                                    return Err(super::value_error(format!(
                                        "zip() argument {} is shorter than argument{} {}",
                                        i + 1,
                                        if i == 1 { "" } else { "s" },
                                        if i == 1 {
                                            "1".to_string()
                                        } else {
                                            format!("1-{i}")
                                        }
                                    )));
                                }
                                for (j, rest) in inners.iter().enumerate().skip(1) {
                                    if self.next(rest)?.is_some() {
                                        return Err(super::value_error(format!(
                                            "zip() argument {} is longer than argument{} {}",
                                            j + 1,
                                            if j == 1 { "" } else { "s" },
                                            if j == 1 {
                                                "1".to_string()
                                            } else {
                                                format!("1-{j}")
                                            }
                                        )));
                                    }
                                }
                            }
                            return Ok(None);
                        }
                    }
                }
                if inners.is_empty() {
                    return Ok(None);
                }
                Ok(Some((
                    Value::tuple(items),
                    NativeIter::Zip { inners, strict },
                )))
            }
            NativeIter::Map { func, inners } => {
                let mut args = Vec::with_capacity(inners.len());
                for inner in &inners {
                    match self.next(inner)? {
                        Some(v) => args.push(v),
                        None => return Ok(None),
                    }
                }
                let v = self.call(&func, args, Vec::new())?;
                Ok(Some((v, NativeIter::Map { func, inners })))
            }
            NativeIter::Filter { func, inner } => loop {
                match self.next(&inner)? {
                    Some(v) => {
                        let keep = if func.is_none() {
                            self.truthy(&v)?
                        } else {
                            let r = self.call1(&func, v.clone())?;
                            self.truthy(&r)?
                        };
                        if keep {
                            return Ok(Some((v, NativeIter::Filter { func, inner })));
                        }
                    }
                    None => return Ok(None),
                }
            },
            NativeIter::Callable { func, sentinel } => {
                let v = self.call0(&func)?;
                if self.eq(&v, &sentinel)? {
                    return Ok(None);
                }
                Ok(Some((v, NativeIter::Callable { func, sentinel })))
            }
            NativeIter::GetItem { obj, index } => match self.getitem(&obj, &Value::Int(index)) {
                Ok(v) => Ok(Some((
                    v,
                    NativeIter::GetItem {
                        obj,
                        index: index + 1,
                    },
                ))),
                Err(e) if e.is("IndexError") || e.is("StopIteration") => Ok(None),
                Err(e) => Err(e),
            },
            // The simple variants never get here (next_native answers them).
            _ => Ok(None),
        }
    }

    /// All items of an iterable.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => Ok(l.items.borrow().clone()),
            Value::Tuple(t) => Ok(t.items.clone()),
            _ => {
                if let Value::Range(r) = v {
                    self.reserve(r.len(), crate::memory::ITEM_BYTES)?;
                }
                let it = self.get_iter(v)?;
                let mut out = Vec::new();
                while let Some(x) = self.next(&it)? {
                    if out.len() >= crate::builtins::MAX_COLLECTION {
                        return Err(super::memory_error());
                    }
                    self.check_growth(out.len(), crate::memory::ITEM_BYTES)?;
                    out.push(x);
                }
                Ok(out)
            }
        }
    }

    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn unpack(&mut self, v: &Value, n: usize) -> PyResult<Vec<Value>> {
        let items = match v {
            Value::List(_) | Value::Tuple(_) => self.collect(v)?,
            _ => {
                let it = self.iter_for_unpacking(v)?;
                let mut out = Vec::with_capacity(n);
                while let Some(x) = self.next(&it)? {
                    out.push(x);
                    if out.len() > n {
                        return Err(super::value_error(format!(
                            "too many values to unpack (expected {n})"
                        )));
                    }
                }
                out
            }
        };
        if items.len() > n {
            return Err(super::value_error(format!(
                "too many values to unpack (expected {n})"
            )));
        }
        if items.len() < n {
            return Err(super::value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            )));
        }
        Ok(items)
    }

    /// `iter(v)` for an unpacking target, with CPython's message for non-iterables.
    fn iter_for_unpacking(&mut self, v: &Value) -> PyResult<Value> {
        match self.get_iter(v) {
            Err(e) if e.is("TypeError") && !matches!(v, Value::Instance(_)) => Err(type_error(
                format!("cannot unpack non-iterable {} object", self.type_name(v)),
            )),
            r => r,
        }
    }

    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn unpack_ex(
        &mut self,
        v: &Value,
        before: usize,
        after: usize,
    ) -> PyResult<Vec<Value>> {
        let it = self.iter_for_unpacking(v)?;
        let mut items = self.collect(&it)?;
        if items.len() < before + after {
            return Err(super::value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let tail = items.split_off(items.len() - after);
        let middle = items.split_off(before);
        items.push(Value::list(middle));
        items.extend(tail);
        Ok(items)
    }

    /// `f(**d)`: keyword arguments from a mapping.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn kwargs_from_dict(&mut self, callable: &Value, d: &Value) -> PyResult<Kwargs> {
        let mut out: Kwargs = Vec::new();
        for (k, v) in self.dict_items(d) {
            match k {
                Value::Str(s) => {
                    let key: Rc<str> = Rc::from(s.as_str());
                    if out.iter().any(|(k2, _)| *k2 == key) {
                        let name = self.callable_name(callable);
                        return Err(type_error(format!(
                            "{name}() got multiple values for keyword argument '{key}'"
                        )));
                    }
                    out.push((key, v))
                }
                _ => return Err(type_error("keywords must be strings")),
            }
        }
        Ok(out)
    }

    pub(crate) fn callable_name(&self, callable: &Value) -> String {
        match callable {
            Value::Function(f) => f.qualname.to_string(),
            Value::Builtin(b) => b.name.to_string(),
            Value::Class(c) => c.name.to_string(),
            Value::Method(m) => self.callable_name(&m.func),
            _ => self.type_name(callable),
        }
    }

    /// The items of a dict (snapshot), or of anything with `keys()` and `__getitem__`.
    pub(crate) fn dict_items(&self, d: &Value) -> Vec<(Value, Value)> {
        match d {
            Value::Dict(d) => d
                .table
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
            _ => Vec::new(),
        }
    }
}

impl NativeState {
    fn clone_view(&self) -> Option<NativeState> {
        match self {
            NativeState::DictView(d, k) => Some(NativeState::DictView(d.clone(), *k)),
            _ => None,
        }
    }
}
