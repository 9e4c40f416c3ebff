//! Attribute access: `obj.name`, `obj.name = v`, `del obj.name`, and the method-call
//! fast path (`LoadMethod`), with CPython's lookup order and error messages.
//!
//! Lookup order for an instance (CPython's `object.__getattribute__`, simplified):
//! ```text
//!   1. class attribute that is a property (data descriptor) -> call its getter
//!   2. the instance's own attributes
//!   3. class attribute along the MRO: function -> bound method, classmethod -> bound
//!      to the class, staticmethod -> the function, an object with `__get__` -> what
//!      that returns, anything else as is
//!   4. a user `__getattr__`, else AttributeError (with a "Did you mean" suggestion)
//! ```
//! Invariant: no `RefCell` borrow is held while a getter or `__getattr__` runs.

use std::rc::Rc;

use super::types::types;
use super::{attribute_error, type_error, PyErr, PyResult, Vm};
use crate::objects::{BoundMethod, Class, Instance, Property, Value};

/// Bind a class attribute found for `this` (steps 1 and 3 above).
fn bind(this: &Value, found: Value) -> Value {
    match found {
        Value::Function(_) | Value::Builtin(_) => Value::Method(Rc::new(BoundMethod {
            this: this.clone(),
            func: found,
        })),
        Value::ClassMethod(f) => {
            let class = match this {
                Value::Class(_) => this.clone(),
                other => Value::Class(type_of(other)),
            };
            Value::Method(Rc::new(BoundMethod {
                this: class,
                func: (*f).clone(),
            }))
        }
        Value::StaticMethod(f) => (*f).clone(),
        other => other,
    }
}

/// The class of any value.
pub(crate) fn type_of(v: &Value) -> Rc<Class> {
    let t = types();
    match v {
        Value::None => t.none.clone(),
        Value::NotImplemented => t.not_implemented.clone(),
        Value::Ellipsis => t.ellipsis.clone(),
        Value::Bool(_) => t.bool_.clone(),
        Value::Int(_) | Value::BigInt(_) => t.int.clone(),
        Value::Float(_) => t.float.clone(),
        Value::Str(_) => t.str_.clone(),
        Value::Bytes(_) => t.bytes.clone(),
        Value::ByteArray(_) => t.bytearray.clone(),
        Value::MemoryView(_) => t.memoryview.clone(),
        Value::Complex(_) => t.complex.clone(),
        Value::List(_) => t.list.clone(),
        Value::Tuple(_) => t.tuple.clone(),
        Value::Dict(_) => t.dict.clone(),
        Value::Set(s) => {
            if s.frozen {
                t.frozenset.clone()
            } else {
                t.set.clone()
            }
        }
        Value::Range(_) => t.range.clone(),
        Value::Slice(_) => t.slice.clone(),
        Value::Function(_) => t.function.clone(),
        Value::Builtin(_) => t.builtin_function.clone(),
        Value::Method(_) => t.method.clone(),
        Value::Class(c) => c.meta.clone().unwrap_or_else(|| t.type_.clone()),
        Value::Instance(i) => i.class.clone(),
        Value::Module(_) => t.module.clone(),
        Value::Generator(g) => match g.kind {
            crate::objects::GenKind::Generator => t.generator.clone(),
            crate::objects::GenKind::Coroutine => t.coroutine.clone(),
            crate::objects::GenKind::AsyncGenerator => t.async_generator.clone(),
        },
        Value::Iterator(it) => t.iterator_class(it.borrow().type_name()),
        Value::Property(_) => t.property.clone(),
        Value::StaticMethod(_) => t.staticmethod.clone(),
        Value::ClassMethod(_) => t.classmethod.clone(),
        Value::Super(_) => t.super_.clone(),
        Value::Cell(_) | Value::Code(_) | Value::Absent => t.code.clone(),
    }
}

/// Names an object offers, for "Did you mean" suggestions.
fn candidate_names(class: &Class, instance: Option<&Instance>) -> Vec<Rc<str>> {
    let mut names: Vec<Rc<str>> = Vec::new();
    if let Some(i) = instance {
        names.extend(i.attrs.borrow().keys().cloned());
    }
    for c in class.mro.borrow().iter() {
        names.extend(c.attrs.borrow().keys().cloned());
    }
    names
}

fn missing(owner: &str, name: &str, candidates: &[Rc<str>]) -> PyErr {
    let suggestion =
        crate::text::suggest::suggest(name, candidates.iter().map(|s| &**s)).map(|s| s.to_string());
    attribute_error(format!("{owner} has no attribute '{name}'"))
        .set_suggestion(suggestion.as_deref())
}

impl Vm<'_> {
    pub(crate) fn type_of(&self, v: &Value) -> Rc<Class> {
        type_of(v)
    }

    /// `obj.name`.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn getattr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        match obj {
            Value::Instance(i) => self.instance_getattr(obj, i, name),
            Value::Class(c) => self.class_getattr(c, name),
            Value::Module(m) => {
                if let Some(v) = m.attrs.borrow().get(name) {
                    return Ok(v.clone());
                }
                if m.initializing.get() {
                    return Err(attribute_error(format!(
                        "partially initialized module '{}' has no attribute '{name}' (most likely due to a circular import)",
                        m.name
                    )));
                }
                let names: Vec<Rc<str>> = m.attrs.borrow().keys().cloned().collect();
                Err(missing(&format!("module '{}'", m.name), name, &names))
            }
            Value::Super(s) => self.super_getattr(s, name),
            _ => self.builtin_getattr(obj, name),
        }
    }

    fn instance_getattr(&mut self, obj: &Value, i: &Rc<Instance>, name: &str) -> PyResult<Value> {
        let found = i.class.lookup(name);
        if let Some(Value::Property(p)) = &found {
            return self.call1(&p.getter, obj.clone());
        }
        if let Some(v) = i.attrs.borrow().get(name) {
            return Ok(v.clone());
        }
        if let Some(found) = found {
            // A class attribute whose class has `__get__` (a descriptor such as
            // `functools.cached_property`) decides what the attribute is.
            if let Value::Instance(d) = &found {
                if let Some(get) = d.class.lookup("__get__") {
                    let owner = Value::Class(i.class.clone());
                    return self.call(&get, vec![found.clone(), obj.clone(), owner], Vec::new());
                }
            }
            if let (Value::Builtin(_), Some(base)) =
                (&found, crate::builtins::subclass::base_value(obj))
            {
                return Ok(bind(&base, found));
            }
            return Ok(bind(obj, found));
        }
        if let Some(exc) = &i.exc {
            match name {
                "args" => return Ok(exc.args.borrow().clone()),
                "__cause__" => return Ok(exc.cause.borrow().clone().unwrap_or(Value::None)),
                "__context__" => return Ok(exc.context.borrow().clone().unwrap_or(Value::None)),
                "__suppress_context__" => return Ok(Value::Bool(exc.suppress_context.get())),
                "__traceback__" => return Ok(Value::None),
                _ => {}
            }
        }
        match name {
            "__class__" => return Ok(Value::Class(i.class.clone())),
            "__dict__" if i.exc.is_none() && !slots_allow(&i.class, "__dict__") => {
                return Err(attribute_error(format!(
                    "'{}' object has no attribute '__dict__'",
                    i.class.name
                )));
            }
            "__dict__" => {
                let pairs: Vec<(Rc<str>, Value)> = i
                    .attrs
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                return Ok(crate::builtins::dict_from_str_pairs(pairs));
            }
            _ => {}
        }
        if let Some(hook) = i.class.lookup("__getattr__") {
            return self.call(&hook, vec![obj.clone(), Value::str(name)], Vec::new());
        }
        if let Some(v) = crate::builtins::object_method(name) {
            return Ok(bind(obj, v));
        }
        Err(missing(
            &format!("'{}' object", i.class.name),
            name,
            &candidate_names(&i.class, Some(i)),
        ))
    }

    fn class_getattr(&mut self, c: &Rc<Class>, name: &str) -> PyResult<Value> {
        // A metaclass's properties come first, its other attributes after the class's own.
        let from_meta = if c.meta.is_some() {
            c.meta_lookup(name)
        } else {
            None
        };
        if let Some(Value::Property(p)) = &from_meta {
            return self.call1(&p.getter, Value::Class(c.clone()));
        }
        if let Some(found) = c.lookup(name) {
            return Ok(match found {
                Value::ClassMethod(f) => Value::Method(Rc::new(BoundMethod {
                    this: Value::Class(c.clone()),
                    func: (*f).clone(),
                })),
                Value::StaticMethod(f) => (*f).clone(),
                other => other,
            });
        }
        if let Some(found) = from_meta {
            return Ok(bind(&Value::Class(c.clone()), found));
        }
        Ok(match name {
            "__name__" => Value::str(&*c.name),
            "__qualname__" => Value::str(&*c.qualname),
            "__module__" => Value::str(&*c.module),
            "__mro__" => Value::tuple(
                c.mro
                    .borrow()
                    .iter()
                    .map(|k| Value::Class(k.clone()))
                    .collect(),
            ),
            "__bases__" => Value::tuple(c.bases.iter().map(|k| Value::Class(k.clone())).collect()),
            "__base__" => c
                .bases
                .first()
                .map(|k| Value::Class(k.clone()))
                .unwrap_or(Value::None),
            "__doc__" => Value::None,
            "__class__" => Value::Class(type_of(&Value::Class(c.clone()))),
            "__dict__" => {
                let pairs: Vec<(Rc<str>, Value)> = c
                    .attrs
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                crate::builtins::dict_from_str_pairs(pairs)
            }
            _ => match crate::builtins::object_method(name) {
                Some(v) => v,
                None => {
                    return Err(missing(
                        &format!("type object '{}'", c.name),
                        name,
                        &candidate_names(c, None),
                    ));
                }
            },
        })
    }

    fn super_getattr(&mut self, s: &crate::objects::SuperObj, name: &str) -> PyResult<Value> {
        // `super()` in a class method walks the class's MRO; in a metaclass's method
        // (where `this` is a class too) it walks the metaclass's.
        let start = match &s.this {
            Value::Class(c) if c.is_subclass(&s.after) => c.clone(),
            other => type_of(other),
        };
        let mro = start.mro.borrow().clone();
        let pos = mro
            .iter()
            .position(|c| Rc::ptr_eq(c, &s.after))
            .map(|p| p + 1)
            .unwrap_or(mro.len());
        for class in &mro[pos..] {
            let found = class.attrs.borrow().get(name).cloned();
            if let Some(found) = found {
                return Ok(match (found, &s.this) {
                    (Value::Property(p), this) => return self.call1(&p.getter, this.clone()),
                    // `__new__` is a static method; other functions found from a class
                    // method stay plain functions, as `function.__get__(None, cls)` leaves them.
                    (f @ (Value::Function(_) | Value::Builtin(_)), _) if name == "__new__" => f,
                    (f @ Value::Function(_), Value::Class(c)) if c.is_subclass(&s.after) => f,
                    (f @ Value::Builtin(_), this) => {
                        bind(&crate::builtins::subclass::unwrap(this), f)
                    }
                    (f, this) => bind(this, f),
                });
            }
        }
        if let Some(base) = crate::builtins::subclass::base_value(&s.this) {
            if let Some(f) = crate::builtins::subclass::base_dunder(name) {
                return Ok(bind(&base, f));
            }
        }
        if let Some(v) = crate::builtins::object_method(name) {
            // `__new__` is a static method: `super().__new__(cls)` passes the class itself.
            return Ok(if name == "__new__" {
                v
            } else {
                bind(&s.this, v)
            });
        }
        Err(attribute_error(format!(
            "'super' object has no attribute '{name}'"
        )))
    }

    /// Attributes of built-in values: methods of their class, plus a few data attributes.
    fn builtin_getattr(&mut self, obj: &Value, name: &str) -> PyResult<Value> {
        if let Value::Function(f) = obj {
            if let Some(v) = f.attrs.borrow().get(name) {
                return Ok(v.clone());
            }
        }
        let class = type_of(obj);
        if let Some(found) = class.lookup(name) {
            return Ok(match found {
                Value::Property(p) => return self.call1(&p.getter, obj.clone()),
                f => bind(obj, f),
            });
        }
        let data = match (obj, name) {
            (_, "__class__") => Some(Value::Class(class.clone())),
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "real" | "numerator") => {
                Some(if let Value::Bool(b) = obj {
                    Value::Int(*b as i64)
                } else {
                    obj.clone()
                })
            }
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "imag") => Some(Value::Int(0)),
            (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "denominator") => {
                Some(Value::Int(1))
            }
            (Value::Float(_), "real") => Some(obj.clone()),
            (Value::Float(_), "imag") => Some(Value::Float(0.0)),
            (Value::Range(r), "start") => Some(Value::Int(r.start)),
            (Value::Range(r), "stop") => Some(Value::Int(r.stop)),
            (Value::Range(r), "step") => Some(Value::Int(r.step)),
            (Value::Slice(s), "start") => Some(s.start.clone()),
            (Value::Slice(s), "stop") => Some(s.stop.clone()),
            (Value::Slice(s), "step") => Some(s.step.clone()),
            (Value::Function(f), "__name__") => Some(Value::str(&*f.name)),
            (Value::Function(f), "__qualname__") => Some(Value::str(&*f.qualname)),
            (Value::Function(f), "__module__") => f.globals.attrs.borrow().get("__name__").cloned(),
            (Value::Function(f), "__defaults__") => Some(if f.defaults.is_empty() {
                Value::None
            } else {
                Value::tuple(f.defaults.clone())
            }),
            (Value::Function(f), "__doc__") => {
                Some(f.code.doc.as_deref().map_or(Value::None, Value::str))
            }
            (Value::Function(f), "__dict__") => {
                let pairs: Vec<(Rc<str>, Value)> = f
                    .attrs
                    .borrow()
                    .iter()
                    .filter(|(k, _)| !k.starts_with("__"))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                Some(crate::builtins::dict_from_str_pairs(pairs))
            }
            (Value::Builtin(b), "__name__" | "__qualname__") => Some(Value::str(b.name)),
            (Value::Method(m), "__self__") => Some(m.this.clone()),
            (Value::Method(m), "__func__") => Some(m.func.clone()),
            (Value::Method(m), "__name__" | "__qualname__" | "__doc__") => {
                return self.getattr(&m.func.clone(), name)
            }
            (Value::Generator(g), "__name__") => Some(Value::str(&*g.name)),
            (Value::Generator(g), "__qualname__") => Some(Value::str(&*g.qualname)),
            (Value::Property(p), "fget") => Some(p.getter.clone()),
            (Value::Property(p), "fset") => Some(p.setter.clone().unwrap_or(Value::None)),
            (Value::StaticMethod(f) | Value::ClassMethod(f), "__func__") => Some((**f).clone()),
            _ => None,
        };
        if let Some(v) = data {
            return Ok(v);
        }
        if let Some(v) = crate::builtins::object_method(name) {
            return Ok(bind(obj, v));
        }
        Err(missing(
            &format!("'{}' object", class.name),
            name,
            &candidate_names(&class, None),
        ))
    }

    /// `obj.name`, for a call right after: returns (function, self) without allocating a
    /// bound method when the attribute is a plain method, else (value, Absent).
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn load_method(&mut self, obj: Value, name: &str) -> PyResult<(Value, Value)> {
        let class = match &obj {
            Value::Instance(i) => {
                if i.attrs.borrow().contains_key(name) {
                    return Ok((self.getattr(&obj, name)?, Value::Absent));
                }
                i.class.clone()
            }
            Value::Class(_) | Value::Module(_) | Value::Super(_) => {
                return Ok((self.getattr(&obj, name)?, Value::Absent))
            }
            other => type_of(other),
        };
        match class.lookup(name) {
            Some(f @ Value::Builtin(_)) => match crate::builtins::subclass::base_value(&obj) {
                Some(base) => Ok((f, base)),
                None => Ok((f, obj)),
            },
            Some(f @ Value::Function(_)) => Ok((f, obj)),
            _ => Ok((self.getattr(&obj, name)?, Value::Absent)),
        }
    }

    /// `obj.name = value`.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn setattr(&mut self, obj: &Value, name: &str, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(i) => {
                if let Some(Value::Property(p)) = i.class.lookup(name) {
                    return match &p.setter {
                        Some(setter) => self
                            .call(setter, vec![obj.clone(), value], Vec::new())
                            .map(|_| ()),
                        None => Err(attribute_error(format!(
                            "property '{name}' of '{}' object has no setter",
                            i.class.name
                        ))),
                    };
                }
                // A data descriptor (a class attribute whose class has `__set__`).
                if let Some(d) = i.class.lookup(name) {
                    let set = match &d {
                        Value::Instance(di) => di.class.lookup("__set__"),
                        _ => None,
                    };
                    if let Some(set) = set {
                        let args = vec![d.clone(), obj.clone(), value];
                        return self.call(&set, args, Vec::new()).map(|_| ());
                    }
                }
                if let Some(hook) = i.class.lookup("__setattr__") {
                    return self
                        .call(
                            &hook,
                            vec![obj.clone(), Value::str(name), value],
                            Vec::new(),
                        )
                        .map(|_| ());
                }
                if i.native.is_some() && crate::builtins::subclass::base_value(obj).is_none() {
                    return Err(attribute_error(format!(
                        "'{}' object attribute '{name}' is read-only",
                        i.class.name
                    )));
                }
                if let Some(exc) = &i.exc {
                    match name {
                        "args" => {
                            let items = self.collect(&value)?;
                            *exc.args.borrow_mut() = Value::tuple(items);
                            return Ok(());
                        }
                        "__cause__" => {
                            *exc.cause.borrow_mut() =
                                if value.is_none() { None } else { Some(value) };
                            exc.suppress_context.set(true);
                            return Ok(());
                        }
                        "__context__" => {
                            *exc.context.borrow_mut() =
                                if value.is_none() { None } else { Some(value) };
                            return Ok(());
                        }
                        "__suppress_context__" => {
                            let b = self.truthy(&value)?;
                            exc.suppress_context.set(b);
                            return Ok(());
                        }
                        _ => {}
                    }
                }
                if i.exc.is_none()
                    && !i.attrs.borrow().contains_key(name)
                    && !slots_allow(&i.class, name)
                {
                    return Err(attribute_error(format!(
                        "'{}' object has no attribute '{name}'",
                        i.class.name
                    )));
                }
                let old = i.attrs.borrow_mut().insert(Rc::from(name), value);
                drop(old);
                Ok(())
            }
            Value::Class(c) => {
                if let Some(hook) = c.meta_lookup("__setattr__") {
                    let args = vec![obj.clone(), Value::str(name), value];
                    return self.call(&hook, args, Vec::new()).map(|_| ());
                }
                if c.builtin.is_some() {
                    return Err(type_error(format!(
                        "cannot set '{name}' attribute of immutable type '{}'",
                        c.name
                    )));
                }
                let old = c.attrs.borrow_mut().insert(Rc::from(name), value);
                drop(old);
                Ok(())
            }
            Value::Module(m) => {
                let old = m.attrs.borrow_mut().insert(Rc::from(name), value);
                drop(old);
                Ok(())
            }
            Value::Function(f) => {
                let old = f.attrs.borrow_mut().insert(Rc::from(name), value);
                drop(old);
                Ok(())
            }
            other => {
                let class = type_of(other);
                if class.lookup(name).is_some() {
                    Err(attribute_error(format!(
                        "'{}' object attribute '{name}' is read-only",
                        class.name
                    )))
                } else {
                    Err(attribute_error(format!(
                        "'{}' object has no attribute '{name}'",
                        class.name
                    )))
                }
            }
        }
    }

    /// `del obj.name`.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn delattr(&mut self, obj: &Value, name: &str) -> PyResult<()> {
        let removed = match obj {
            Value::Instance(i) => i.attrs.borrow_mut().shift_remove(name),
            Value::Class(c) if c.builtin.is_none() => c.attrs.borrow_mut().shift_remove(name),
            Value::Module(m) => m.attrs.borrow_mut().shift_remove(name),
            Value::Function(f) => f.attrs.borrow_mut().shift_remove(name),
            other => {
                return Err(attribute_error(format!(
                    "'{}' object has no attribute '{name}'",
                    type_of(other).name
                )));
            }
        };
        match removed {
            Some(v) => {
                drop(v);
                Ok(())
            }
            None => {
                // A property of the instance's class: its deleter, if it has one.
                if let Value::Instance(i) = obj {
                    if let Some(Value::Property(p)) = i.class.lookup(name) {
                        return match &p.deleter {
                            Some(deleter) => self
                                .call(deleter, vec![obj.clone()], Vec::new())
                                .map(|_| ()),
                            None => Err(attribute_error(format!(
                                "property '{name}' of '{}' object has no deleter",
                                self.type_name(obj)
                            ))),
                        };
                    }
                }
                Err(attribute_error(format!(
                    "'{}' object has no attribute '{name}'",
                    self.type_name(obj)
                )))
            }
        }
    }
}

/// Whether an instance of `class` may get a new attribute `name`: as in CPython, unless
/// every Python class of its MRO declares `__slots__`, none listing `name` or
/// `__dict__` (the built-in bases other than exceptions give instances no `__dict__`).
fn slots_allow(class: &Rc<Class>, name: &str) -> bool {
    for c in class.mro.borrow().iter() {
        if c.builtin.is_some() {
            continue;
        }
        let slots = c.attrs.borrow().get("__slots__").cloned();
        let names = match slots {
            None => return true,
            Some(Value::Str(s)) => vec![s.as_str().to_owned()],
            Some(Value::Tuple(t)) => t
                .items
                .iter()
                .filter_map(|v| match v {
                    Value::Str(s) => Some(s.as_str().to_owned()),
                    _ => None,
                })
                .collect(),
            Some(Value::List(l)) => l
                .items
                .borrow()
                .iter()
                .filter_map(|v| match v {
                    Value::Str(s) => Some(s.as_str().to_owned()),
                    _ => None,
                })
                .collect(),
            // Other iterables (dicts of names to docs...) are not checked.
            Some(_) => return true,
        };
        if names.iter().any(|n| n == name || n == "__dict__") {
            return true;
        }
    }
    false
}

/// `property(fget, fset, fdel)` and the `getter`/`setter`/`deleter` decorators.
pub(crate) fn new_property(getter: Value, setter: Option<Value>, deleter: Option<Value>) -> Value {
    Value::Property(Rc::new(Property {
        getter,
        setter,
        deleter,
    }))
}
