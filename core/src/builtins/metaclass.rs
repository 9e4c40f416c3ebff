//! Metaclasses (`class M(type)`, `class A(metaclass=M)`), the class-creation hooks
//! (`__set_name__`, `__init_subclass__`) and `types.GenericAlias` (`list[int]`).
//!
//! A class made by a user metaclass records it in [`Class::meta`]; `type(cls)` is then
//! the metaclass and the class's own behaviour as an object (`cls(...)`, `iter(cls)`,
//! `len(cls)`, `cls[k]`, `x in cls`, `repr(cls)`, attributes the class lacks) comes from
//! the metaclass's Python methods ([`Class::meta_lookup`]). `type` itself carries native
//! `__new__`, `__init__` and `__call__` so that `super().__new__(mcls, name, bases, ns)` and
//! `super().__call__(*args)` inside a metaclass reach the interpreter's class creation and
//! instantiation, as they reach `type`'s slots in CPython.
//! Invariant: every class, however made (class statement, `type(...)`, a metaclass), runs
//! `__set_name__` then `__init_subclass__` exactly once, in CPython's order.
//!
//! [`Class::meta`]: crate::objects::Class
//! [`Class::meta_lookup`]: crate::objects::Class::meta_lookup

use std::rc::Rc;

use super::{add_methods, dict_from_str_pairs};
use crate::objects::{AttrMap, BuiltinType, Class, Instance, Kwargs, Value};
use crate::vm::types::{new_class, types, BuiltinTypes};
use crate::vm::{type_error, PyResult, Vm};

pub(crate) fn install(t: &BuiltinTypes) {
    add_methods(
        &t.type_,
        &[
            ("__new__", type_new),
            ("__init__", type_init),
            ("__call__", type_call),
        ],
    );
}

/// A native class of the `types` module with these methods.
fn types_class(name: &str, methods: &[(&'static str, crate::objects::NativeFn)]) -> Rc<Class> {
    let class = new_class(
        name,
        "types",
        Some(&types().object),
        Some(BuiltinType::Native),
    );
    add_methods(&class, methods);
    class
}

thread_local! {
    // Made on first use, not with the other built-in types: their methods need `types()`.
    static GENERIC_ALIAS: Rc<Class> = types_class(
        "GenericAlias",
        &[
            ("__call__", alias_call),
            ("__repr__", alias_repr),
            ("__getitem__", alias_getitem),
            ("__or__", union_or),
            ("__ror__", union_ror),
        ],
    );
    static UNION_TYPE: Rc<Class> = types_class(
        "UnionType",
        &[("__repr__", union_repr), ("__or__", union_or), ("__ror__", union_ror)],
    );
}

fn union_type_class() -> Rc<Class> {
    UNION_TYPE.with(|c| c.clone())
}

/// The members `v` contributes to `X | Y`: a class, None (as NoneType), a generic alias,
/// or a union's own members; None when `v` cannot take part in a union.
fn union_members(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::Class(_) => Some(vec![v.clone()]),
        Value::None => Some(vec![Value::Class(types().none.clone())]),
        Value::Instance(i) if Rc::ptr_eq(&i.class, &generic_alias_class()) => Some(vec![v.clone()]),
        Value::Instance(i) if Rc::ptr_eq(&i.class, &union_type_class()) => {
            match i.attrs.borrow().get("__args__") {
                Some(Value::Tuple(t)) => Some(t.items.clone()),
                _ => None,
            }
        }
        _ => None,
    }
}

/// `a | b` for types (`int | None`): a `types.UnionType` of the distinct members, or the
/// one member when both sides are the same; None when the operands are not types.
pub(crate) fn union(a: &Value, b: &Value) -> Option<Value> {
    let mut members = union_members(a)?;
    for m in union_members(b)? {
        let seen = members.iter().any(|x| match (x, &m) {
            (Value::Class(p), Value::Class(q)) => Rc::ptr_eq(p, q),
            (Value::Instance(p), Value::Instance(q)) => Rc::ptr_eq(p, q),
            _ => false,
        });
        if !seen {
            members.push(m);
        }
    }
    if members.len() == 1 {
        return members.pop();
    }
    let mut attrs = AttrMap::default();
    attrs.insert("__args__".into(), Value::tuple(members));
    Some(Value::Instance(Rc::new(Instance {
        class: union_type_class(),
        attrs: std::cell::RefCell::new(attrs),
        exc: None,
        native: None,
    })))
}

/// The classes an `isinstance` union stands for, if `spec` is a union.
pub(crate) fn union_classes(spec: &Value) -> Option<Vec<Value>> {
    match spec {
        Value::Instance(i) if Rc::ptr_eq(&i.class, &union_type_class()) => union_members(spec),
        _ => None,
    }
}

fn union_or(_vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    match args.as_slice() {
        [a, b] => Ok(union(a, b).unwrap_or(Value::NotImplemented)),
        _ => Ok(Value::NotImplemented),
    }
}

fn union_ror(_vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    match args.as_slice() {
        [a, b] => Ok(union(b, a).unwrap_or(Value::NotImplemented)),
        _ => Ok(Value::NotImplemented),
    }
}

fn union_repr(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let members = args.first().and_then(union_members).unwrap_or_default();
    let mut parts = Vec::with_capacity(members.len());
    for m in &members {
        parts.push(match m {
            Value::Class(c) if Rc::ptr_eq(c, &types().none) => "None".to_string(),
            other => alias_item(vm, other)?,
        });
    }
    Ok(Value::str(parts.join(" | ")))
}

fn generic_alias_class() -> Rc<Class> {
    GENERIC_ALIAS.with(|c| c.clone())
}

/// The metaclass of a class with these bases and an optional explicit one (CPython's
/// `_PyType_CalculateMetaclass`): the most derived, or TypeError when none is.
pub(crate) fn derive_meta(explicit: Option<Rc<Class>>, bases: &[Rc<Class>]) -> PyResult<Rc<Class>> {
    let type_ = types().type_.clone();
    let mut winner = explicit.unwrap_or_else(|| type_.clone());
    for b in bases {
        let m = b.meta.clone().unwrap_or_else(|| type_.clone());
        if winner.is_subclass(&m) {
            continue;
        }
        if m.is_subclass(&winner) {
            winner = m;
            continue;
        }
        return Err(type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) \
             subclass of the metaclasses of all its bases",
        ));
    }
    Ok(winner)
}

/// The metaclass to record: None for `type` itself.
pub(crate) fn user_meta(meta: &Rc<Class>) -> Option<Rc<Class>> {
    if Rc::ptr_eq(meta, &types().type_) {
        None
    } else {
        Some(meta.clone())
    }
}

/// A class namespace as the dict a metaclass receives.
pub(crate) fn namespace_dict(attrs: &AttrMap) -> Value {
    dict_from_str_pairs(attrs.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
}

/// After a class is made: `__set_name__` on its attributes, then the nearest base's
/// `__init_subclass__(**kwargs)` (object's takes no keyword arguments).
pub(crate) fn class_created(vm: &mut Vm<'_>, class: &Rc<Class>, kwargs: Kwargs) -> PyResult<()> {
    let items: Vec<(Rc<str>, Value)> = class
        .attrs
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (name, v) in items {
        if let Value::Instance(i) = &v {
            if let Some(hook) = i.class.lookup("__set_name__") {
                let args = vec![v.clone(), Value::Class(class.clone()), Value::str(&*name)];
                vm.call(&hook, args, Vec::new())?;
            }
        }
    }
    let mro = class.mro.borrow().clone();
    for base in mro.iter().skip(1) {
        let found = base.attrs.borrow().get("__init_subclass__").cloned();
        if let Some(hook) = found {
            let hook = match hook {
                Value::ClassMethod(inner) => (*inner).clone(),
                other => other,
            };
            vm.call(&hook, vec![Value::Class(class.clone())], kwargs)?;
            return Ok(());
        }
    }
    no_subclass_kwargs(class, &kwargs)
}

fn no_subclass_kwargs(class: &Class, kwargs: &Kwargs) -> PyResult<()> {
    if kwargs.is_empty() {
        return Ok(());
    }
    Err(type_error(format!(
        "{}.__init_subclass__() takes no keyword arguments",
        class.qualname
    )))
}

/// `object.__init_subclass__(cls, **kwargs)`, reached through `super()`.
pub(crate) fn object_init_subclass(
    _vm: &mut Vm<'_>,
    args: Vec<Value>,
    kw: Kwargs,
) -> PyResult<Value> {
    if let Some(Value::Class(c)) = args.first() {
        no_subclass_kwargs(c, &kw)?;
    }
    Ok(Value::None)
}

/// The parts of `type(name, bases, dict)` / `type.__new__(mcls, name, bases, dict)`.
fn class_parts(vm: &mut Vm<'_>, args: &[Value]) -> PyResult<(Rc<str>, Vec<Rc<Class>>, AttrMap)> {
    let argument = |n: usize, want: &str, got: &Value, vm: &Vm<'_>| {
        type_error(format!(
            "type.__new__() argument {n} must be {want}, not {}",
            vm.type_name(got)
        ))
    };
    let Value::Str(name) = &args[0] else {
        return Err(argument(1, "str", &args[0], vm));
    };
    let Value::Tuple(bases) = &args[1] else {
        return Err(argument(2, "tuple", &args[1], vm));
    };
    if !matches!(args[2], Value::Dict(_)) {
        return Err(argument(3, "dict", &args[2], vm));
    }
    let bases = vm.class_bases(bases.items.clone())?;
    let mut attrs = AttrMap::default();
    for (k, v) in vm.dict_items(&args[2]) {
        let Value::Str(k) = k else {
            return Err(type_error("type() dict keys must be str"));
        };
        attrs.insert(Rc::from(k.as_str()), v);
    }
    Ok((Rc::from(name.as_str()), bases, attrs))
}

/// Make the class, then run its creation hooks.
fn make_class(
    vm: &mut Vm<'_>,
    name: &str,
    bases: Vec<Rc<Class>>,
    mut attrs: AttrMap,
    meta: Option<Rc<Class>>,
    kwargs: Kwargs,
) -> PyResult<Value> {
    let module: Rc<str> = match attrs.get("__module__") {
        Some(Value::Str(m)) => Rc::from(m.as_str()),
        _ => Rc::from("__main__"),
    };
    let qualname: Rc<str> = match attrs.get("__qualname__") {
        Some(Value::Str(q)) => Rc::from(q.as_str()),
        _ => Rc::from(name),
    };
    attrs
        .entry(Rc::from("__module__"))
        .or_insert_with(|| Value::str(module.to_string()));
    let class = crate::vm::new_user_class(name, qualname, module, bases, attrs, meta)?;
    if let Value::Class(c) = &class {
        class_created(vm, c, kwargs)?;
    }
    Ok(class)
}

/// `type(name, bases, dict, **kwargs)`: a class of the bases' metaclass.
pub(crate) fn new_type(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (name, bases, attrs) = class_parts(vm, &args)?;
    let meta = derive_meta(None, &bases)?;
    if let Some(meta) = user_meta(&meta) {
        return vm.call(&Value::Class(meta), args, kwargs);
    }
    make_class(vm, &name, bases, attrs, None, kwargs)
}

/// `type.__new__(mcls, name, bases, dict, **kwargs)`.
fn type_new(vm: &mut Vm<'_>, mut args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let mcls = match args.first() {
        Some(Value::Class(c)) => c.clone(),
        Some(other) => {
            return Err(type_error(format!(
                "type.__new__(X): X is not a type object ({})",
                vm.type_name(other)
            )))
        }
        None => return Err(type_error("type.__new__(): not enough arguments")),
    };
    args.remove(0);
    if args.len() == 1 && kw.is_empty() {
        return Ok(Value::Class(vm.type_of(&args[0])));
    }
    if args.len() != 3 {
        return Err(type_error(format!(
            "type.__new__() takes exactly 3 arguments ({} given)",
            args.len()
        )));
    }
    let (name, bases, attrs) = class_parts(vm, &args)?;
    let meta = derive_meta(Some(mcls), &bases)?;
    make_class(vm, &name, bases, attrs, user_meta(&meta), kw)
}

fn type_init(_vm: &mut Vm<'_>, _args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::None)
}

/// `type.__call__(cls, *args, **kwargs)`: instantiation without the metaclass's `__call__`.
fn type_call(vm: &mut Vm<'_>, mut args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    match args.first().cloned() {
        Some(Value::Class(c)) => {
            args.remove(0);
            crate::vm::instantiate_plain(vm, &c, args, kw)
        }
        Some(other) => Err(type_error(format!(
            "descriptor '__call__' requires a 'type' object but received a '{}'",
            vm.type_name(&other)
        ))),
        None => Err(type_error(
            "descriptor '__call__' of 'type' object needs an argument",
        )),
    }
}

/// `origin[args]` for a built-in class: a `types.GenericAlias`.
pub(crate) fn generic_alias(origin: &Value, index: &Value) -> Value {
    let args = match index {
        Value::Tuple(_) => index.clone(),
        other => Value::tuple(vec![other.clone()]),
    };
    let mut attrs = AttrMap::default();
    attrs.insert("__origin__".into(), origin.clone());
    attrs.insert("__args__".into(), args);
    attrs.insert("__parameters__".into(), Value::tuple(Vec::new()));
    Value::Instance(Rc::new(Instance {
        class: generic_alias_class(),
        attrs: std::cell::RefCell::new(attrs),
        exc: None,
        native: None,
    }))
}

fn alias_part(vm: &mut Vm<'_>, v: &Value, name: &str) -> Value {
    match v {
        Value::Instance(i) => i.attrs.borrow().get(name).cloned().unwrap_or(Value::None),
        _ => {
            let _ = vm;
            Value::None
        }
    }
}

/// CPython's `ga_repr_item`: classes by (qualified) name, `...`, aliases, else repr.
fn alias_item(vm: &mut Vm<'_>, v: &Value) -> PyResult<String> {
    match v {
        Value::Ellipsis => Ok("...".into()),
        Value::Class(c) if c.module.as_ref() == "builtins" => Ok(c.qualname.to_string()),
        Value::Class(c) => Ok(format!("{}.{}", c.module, c.qualname)),
        other => vm.repr(other),
    }
}

fn alias_repr(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let this = args.first().cloned().unwrap_or(Value::None);
    let origin = alias_part(vm, &this, "__origin__");
    let items = alias_part(vm, &this, "__args__");
    let mut out = alias_item(vm, &origin)?;
    out.push('[');
    match &items {
        Value::Tuple(t) if t.items.is_empty() => out.push_str("()"),
        Value::Tuple(t) => {
            for (k, item) in t.items.iter().enumerate() {
                if k > 0 {
                    out.push_str(", ");
                }
                out.push_str(&alias_item(vm, item)?);
            }
        }
        _ => {}
    }
    out.push(']');
    Ok(Value::str(out))
}

/// `list[int][str]`: the built-in aliases have no type parameters to fill.
fn alias_getitem(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let this = args.first().cloned().unwrap_or(Value::None);
    let shown = vm.repr(&this)?;
    Err(type_error(format!("{shown} is not a generic class")))
}

/// True for a `types.GenericAlias` (`list[int]`).
pub(crate) fn is_generic_alias(v: &Value) -> bool {
    matches!(v, Value::Instance(i) if Rc::ptr_eq(&i.class, &generic_alias_class()))
}

fn alias_call(vm: &mut Vm<'_>, mut args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let this = if args.is_empty() {
        Value::None
    } else {
        args.remove(0)
    };
    let origin = alias_part(vm, &this, "__origin__");
    vm.call(&origin, args, kw)
}
