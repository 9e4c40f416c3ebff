//! Subclasses of the built-in types (`class Stack(list)`, `class Celsius(float)`).
//!
//! An instance of such a class is an [`Instance`] (its own attributes, its class's methods)
//! whose [`NativeState::Base`] holds the built-in value it extends: a list, a dict, a str...
//! Whatever the class does not define itself is done to that value: built-in methods are
//! bound to it, and the VM's protocols (len, iteration, indexing, operators, comparisons,
//! repr, hashing) fall back to it through [`base_for`].
//! Invariant: the value inside never changes identity, so mutating methods of a list or
//! dict base (`self.append`, `super().__setitem__`) change the instance itself.

use std::cell::RefCell;
use std::rc::Rc;

use super::{add_methods, check_method_args};
use crate::objects::{AttrMap, BuiltinType, Class, Instance, Kwargs, NativeState, Value};
use crate::vm::types::BuiltinTypes;
use crate::vm::{PyResult, Vm};

/// The built-in types that classes may extend.
pub(crate) fn is_extensible(kind: BuiltinType) -> bool {
    use BuiltinType as B;
    matches!(
        kind,
        B::Object
            | B::Exception
            | B::Type
            | B::Int
            | B::Float
            | B::Complex
            | B::Str
            | B::Bytes
            | B::List
            | B::Tuple
            | B::Dict
            | B::Set
            | B::FrozenSet
    )
}

/// The built-in class (other than `object` and the exceptions) a user class extends.
pub(crate) fn builtin_base(class: &Class) -> Option<Rc<Class>> {
    if class.builtin.is_some() || class.is_exception {
        return None;
    }
    let mro = class.mro.borrow();
    mro.iter()
        .find(|c| {
            c.builtin
                .is_some_and(|k| !matches!(k, BuiltinType::Object | BuiltinType::Exception))
        })
        .cloned()
}

/// The built-in value inside `v`, if `v` extends a built-in type.
pub(crate) fn base_value(v: &Value) -> Option<Value> {
    let Value::Instance(i) = v else {
        return None;
    };
    match &*i.native.as_ref()?.borrow() {
        NativeState::Base(b) => Some(b.clone()),
        _ => None,
    }
}

/// The built-in value inside `v` when its class does not define `dunder` itself: what a
/// protocol operates on instead of `v`.
#[inline]
pub(crate) fn base_for(v: &Value, dunder: &str) -> Option<Value> {
    let Value::Instance(i) = v else {
        return None;
    };
    let base = base_value(v)?;
    i.class.lookup(dunder).is_none().then_some(base)
}

/// `v`, or the built-in value inside it (for binary operators and comparisons, whose
/// user-defined dunders have been tried already).
pub(crate) fn unwrap(v: &Value) -> Value {
    base_value(v).unwrap_or_else(|| v.clone())
}

/// Both operands with built-in values in place of instances of built-in subclasses, when
/// either is one: a binary operator or comparison the classes do not define is the
/// built-in's.
pub(crate) fn unwrap_pair(a: &Value, b: &Value) -> Option<(Value, Value)> {
    let (x, y) = (base_value(a), base_value(b));
    if x.is_none() && y.is_none() {
        return None;
    }
    Some((
        x.unwrap_or_else(|| a.clone()),
        y.unwrap_or_else(|| b.clone()),
    ))
}

/// An instance of `class` around the built-in value `base`.
pub(crate) fn wrap(class: &Rc<Class>, base: Value) -> Value {
    Value::Instance(Rc::new(Instance {
        class: class.clone(),
        attrs: RefCell::new(AttrMap::default()),
        exc: None,
        native: Some(RefCell::new(NativeState::Base(base))),
    }))
}

/// `cls(...)` for a class extending the built-in `base`: the built-in value made from the
/// arguments, as the built-in's `__new__` (and, for the mutable types when the class has
/// no `__init__`, its `__init__`) would; a mutable value starts empty when the class's
/// own `__init__` is to fill it.
pub(crate) fn new_instance(
    vm: &mut Vm<'_>,
    class: &Rc<Class>,
    base: &Rc<Class>,
    args: Vec<Value>,
    kwargs: Kwargs,
    user_init: bool,
) -> PyResult<Value> {
    let kind = base.builtin.unwrap_or(BuiltinType::Object);
    let mutable = matches!(
        kind,
        BuiltinType::List | BuiltinType::Dict | BuiltinType::Set
    );
    let value = if mutable && user_init {
        super::construct(vm, base, kind, Vec::new(), Vec::new())?
    } else {
        super::construct(vm, base, kind, args, kwargs)?
    };
    Ok(wrap(class, value))
}

/// The `self` of a built-in's method called through its class (`list.__init__()`).
fn this<'a>(args: &'a [Value], method: &str, class: &str) -> PyResult<&'a Value> {
    args.first().ok_or_else(|| {
        crate::vm::type_error(format!(
            "descriptor '{method}' of '{class}' object needs an argument"
        ))
    })
}

/// The built-in value `__init__` works on: `self`'s, which must be a `class`.
fn init_target(vm: &Vm<'_>, args: &[Value], class: &str) -> PyResult<Value> {
    let value = unwrap(this(args, "__init__", class)?);
    if vm.type_name(&value) != class {
        return Err(crate::vm::type_error(format!(
            "descriptor '__init__' requires a '{class}' object but received a '{}'",
            vm.type_name(&args[0])
        )));
    }
    Ok(value)
}

/// `list.__init__(self, iterable=())`: what `super().__init__(items)` runs.
fn list_init(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let target = init_target(vm, &args, "list")?;
    check_method_args("list", &args, 0, 1)?;
    let items = match args.get(1) {
        Some(v) => vm.collect(v)?,
        None => Vec::new(),
    };
    if let Value::List(l) = &target {
        *l.items.borrow_mut() = items;
    }
    Ok(Value::None)
}

/// `dict.__init__(self, mapping_or_pairs=(), **kwargs)`.
fn dict_init(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    let this = init_target(vm, &args, "dict")?;
    check_method_args("dict", &args, 0, 1)?;
    if let Some(other) = args.get(1) {
        vm.dict_update(&this, &unwrap(other))?;
    }
    for (k, v) in kw {
        vm.dict_set(&this, Value::str(&*k), v)?;
    }
    Ok(Value::None)
}

/// `set.__init__(self, iterable=())`.
fn set_init(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    let this = init_target(vm, &args, "set")?;
    check_method_args("set", &args, 0, 1)?;
    if let Value::Set(s) = &this {
        s.table.borrow_mut().clear();
    }
    if let Some(other) = args.get(1) {
        super::set_update(vm, &this, other)?;
    }
    Ok(Value::None)
}

/// The built-in's own dunder methods, as `super().__setitem__(k, v)` in a subclass reaches
/// them: the VM's protocol applied to the value inside (the built-in classes here keep
/// their operations in the VM rather than as methods). Bound to that value by the caller.
pub(crate) fn base_dunder(name: &str) -> Option<Value> {
    let f: crate::objects::NativeFn = match name {
        "__getitem__" => |vm, a, _| {
            this(&a, "__getitem__", "object")?;
            check_method_args("__getitem__", &a, 1, 1)?;
            vm.getitem(&a[0], &a[1])
        },
        "__setitem__" => |vm, a, _| {
            this(&a, "__setitem__", "object")?;
            check_method_args("__setitem__", &a, 2, 2)?;
            vm.setitem(&a[0], a[1].clone(), a[2].clone())?;
            Ok(Value::None)
        },
        "__delitem__" => |vm, a, _| {
            this(&a, "__delitem__", "object")?;
            check_method_args("__delitem__", &a, 1, 1)?;
            vm.delitem(&a[0], &a[1])?;
            Ok(Value::None)
        },
        "__contains__" => |vm, a, _| {
            this(&a, "__contains__", "object")?;
            check_method_args("__contains__", &a, 1, 1)?;
            Ok(Value::Bool(vm.contains(&a[0], &a[1])?))
        },
        "__len__" => |vm, a, _| {
            this(&a, "__len__", "object")?;
            check_method_args("__len__", &a, 0, 0)?;
            Ok(Value::Int(vm.len(&a[0])? as i64))
        },
        "__iter__" => |vm, a, _| {
            this(&a, "__iter__", "object")?;
            check_method_args("__iter__", &a, 0, 0)?;
            vm.get_iter(&a[0])
        },
        "__repr__" => |vm, a, _| {
            this(&a, "__repr__", "object")?;
            check_method_args("__repr__", &a, 0, 0)?;
            Ok(Value::str(vm.repr(&a[0])?))
        },
        "__str__" => |vm, a, _| {
            this(&a, "__str__", "object")?;
            check_method_args("__str__", &a, 0, 0)?;
            Ok(Value::str(vm.to_str(&a[0])?))
        },
        "__hash__" => |vm, a, _| {
            this(&a, "__hash__", "object")?;
            check_method_args("__hash__", &a, 0, 0)?;
            Ok(Value::Int(vm.hash(&a[0])?))
        },
        "__eq__" => |vm, a, _| {
            this(&a, "__eq__", "object")?;
            check_method_args("__eq__", &a, 1, 1)?;
            vm.rich_compare(&a[0], &unwrap(&a[1]), crate::compiler::CmpOp::Eq)
        },
        "__lt__" => |vm, a, _| {
            this(&a, "__lt__", "object")?;
            check_method_args("__lt__", &a, 1, 1)?;
            vm.rich_compare(&a[0], &unwrap(&a[1]), crate::compiler::CmpOp::Lt)
        },
        "__add__" => |vm, a, _| {
            this(&a, "__add__", "object")?;
            check_method_args("__add__", &a, 1, 1)?;
            vm.binary_op(crate::compiler::BinOp::Add, &a[0], &unwrap(&a[1]))
        },
        _ => return None,
    };
    Some(super::native(static_dunder(name), f))
}

fn static_dunder(name: &str) -> &'static str {
    [
        "__getitem__",
        "__setitem__",
        "__delitem__",
        "__contains__",
        "__len__",
        "__iter__",
        "__repr__",
        "__str__",
        "__hash__",
        "__eq__",
        "__lt__",
        "__add__",
    ]
    .into_iter()
    .find(|n| *n == name)
    .unwrap_or("__method__")
}

pub(super) fn install(t: &BuiltinTypes) {
    add_methods(&t.list, &[("__init__", list_init)]);
    add_methods(&t.dict, &[("__init__", dict_init)]);
    add_methods(&t.set, &[("__init__", set_init)]);
}
