//! `dict`: the VM's dict primitives (get/set/remove with Python hashing and equality)
//! and the dict methods.
//!
//! Invariant: a key's hash is computed (possibly running `__hash__`) before the table is
//! borrowed; while a table is borrowed only `__eq__` may run, and a dict touched from
//! inside that `__eq__` raises RuntimeError instead of panicking on the borrow.

use std::cell::{Ref, RefMut};
use std::rc::Rc;

use super::{add_methods, check_method_args, no_kwargs, MAX_COLLECTION};
use crate::compiler::{BinOp, CmpOp};
use crate::memory::ENTRY_BYTES;
use crate::objects::dict_table::DictTable;
use crate::objects::{DictViewKind, Instance, Kwargs, NativeState, PyDict, Value};
use crate::vm::types::{types, BuiltinTypes};
use crate::vm::{key_error, memory_error, runtime_error, type_error, PyErr, PyResult, Vm};

type Table = DictTable<Value, Value>;

fn table(d: &PyDict) -> PyResult<Ref<'_, Table>> {
    d.table
        .try_borrow()
        .map_err(|_| runtime_error("dictionary changed during a key comparison"))
}

fn table_mut(d: &PyDict) -> PyResult<RefMut<'_, Table>> {
    d.table
        .try_borrow_mut()
        .map_err(|_| runtime_error("dictionary changed during a key comparison"))
}

fn as_dict(v: &Value) -> PyResult<&Rc<PyDict>> {
    match v {
        Value::Dict(d) => Ok(d),
        _ => Err(type_error("descriptor requires a 'dict' object")),
    }
}

/// Store `key: value` in `d` where `key` is a str (keyword arguments, JSON objects).
pub(crate) fn dict_set_str(d: &Rc<PyDict>, key: &str, value: Value) {
    let k = Value::str(key);
    let hash = match &k {
        Value::Str(s) => s.hash(),
        _ => 0,
    };
    if let Ok(mut t) = d.table.try_borrow_mut() {
        t.insert_fast(k, hash, value, |a, b| match (a, b) {
            (Value::Str(x), Value::Str(y)) => x.as_str() == y.as_str(),
            _ => false,
        });
    }
}

/// A dict with str keys, in the given order.
pub(crate) fn dict_from_str_pairs(pairs: Vec<(Rc<str>, Value)>) -> Value {
    let d = Rc::new(PyDict::new());
    for (k, v) in pairs {
        dict_set_str(&d, &k, v);
    }
    Value::Dict(d)
}

/// A shallow copy of a dict value.
pub(crate) fn dict_copy(v: &Value) -> Value {
    match v {
        Value::Dict(d) => {
            let t = d.table.borrow().clone();
            Value::Dict(Rc::new(PyDict {
                table: std::cell::RefCell::new(t),
            }))
        }
        other => other.clone(),
    }
}

/// `a == b` for two dicts.
pub(crate) fn dict_eq(vm: &mut Vm<'_>, a: &Value, b: &Value) -> PyResult<bool> {
    let (Value::Dict(x), Value::Dict(y)) = (a, b) else {
        return Ok(false);
    };
    if Rc::ptr_eq(x, y) {
        return Ok(true);
    }
    if table(x)?.len() != table(y)?.len() {
        return Ok(false);
    }
    let items: Vec<(Value, Value)> = table(x)?
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (k, v) in items {
        match vm.dict_get(b, &k)? {
            Some(w) => {
                if !vm.eq(&v, &w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

impl Vm<'_> {
    /// `d.get(key)`: None when absent.
    pub(crate) fn dict_get(&mut self, d: &Value, key: &Value) -> PyResult<Option<Value>> {
        let d = as_dict(d)?;
        let hash = self.hash(key)?;
        let t = table(d)?;
        let found = t.get(key, hash, &mut |a: &Value, b: &Value| self.eq(a, b))?;
        Ok(found.cloned())
    }

    /// `d[key] = value`.
    pub(crate) fn dict_set(&mut self, d: &Value, key: Value, value: Value) -> PyResult<()> {
        let d = as_dict(d)?;
        let hash = self.hash(&key)?;
        let old = {
            let mut t = table_mut(d)?;
            if t.len() >= MAX_COLLECTION {
                return Err(memory_error());
            }
            self.check_growth(t.len(), ENTRY_BYTES)?;
            t.insert(key, hash, value, &mut |a: &Value, b: &Value| self.eq(a, b))?
        };
        drop(old);
        Ok(())
    }

    /// `d.pop(key)` without a default: the value, or None when absent.
    pub(crate) fn dict_remove(&mut self, d: &Value, key: &Value) -> PyResult<Option<Value>> {
        let d = as_dict(d)?;
        let hash = self.hash(key)?;
        let removed = table_mut(d)?.remove(key, hash, &mut |a: &Value, b: &Value| self.eq(a, b))?;
        Ok(removed.map(|(_, v)| v))
    }

    /// A dict from alternating keys and values (`BuildMap`).
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn new_dict_from_pairs(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let d = Value::Dict(Rc::new(PyDict::new()));
        let mut it = items.into_iter();
        while let (Some(k), Some(v)) = (it.next(), it.next()) {
            self.dict_set(&d, k, v)?;
        }
        Ok(d)
    }

    /// `target.update(source)`: a mapping, or an iterable of pairs.
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn dict_update(&mut self, target: &Value, source: &Value) -> PyResult<()> {
        match source {
            Value::Dict(s) => {
                let items: Vec<(Value, Value)> = table(s)?
                    .iter()
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                for (k, v) in items {
                    self.dict_set(target, k, v)?;
                }
            }
            Value::Instance(i) if i.class.lookup("keys").is_some() => {
                let keys = self.getattr(source, "keys")?;
                let keys = self.call0(&keys)?;
                for k in self.collect(&keys)? {
                    let v = self.getitem(source, &k)?;
                    self.dict_set(target, k, v)?;
                }
            }
            _ => {
                let it = self.get_iter(source)?;
                let mut n = 0;
                while let Some(item) = self.next(&it)? {
                    let pair = match &item {
                        Value::List(_) | Value::Tuple(_) | Value::Str(_) => self.collect(&item)?,
                        _ if super::subclass::base_value(&item).is_some() => self.collect(&item)?,
                        _ => {
                            return Err(type_error(format!(
                            "cannot convert dictionary update sequence element #{n} to a sequence"
                        )))
                        }
                    };
                    if pair.len() != 2 {
                        return Err(PyErr::new(
                            "ValueError",
                            format!("dictionary update sequence element #{n} has length {}; 2 is required", pair.len()),
                        ));
                    }
                    let mut pair = pair.into_iter();
                    let (k, v) = (
                        pair.next().unwrap_or(Value::None),
                        pair.next().unwrap_or(Value::None),
                    );
                    self.dict_set(target, k, v)?;
                    n += 1;
                }
            }
        }
        Ok(())
    }
}

fn view(d: &Rc<PyDict>, kind: DictViewKind) -> Value {
    let t = types();
    let class = match kind {
        DictViewKind::Keys => t.dict_keys.clone(),
        DictViewKind::Values => t.dict_values.clone(),
        DictViewKind::Items => t.dict_items.clone(),
    };
    Value::Instance(Rc::new(Instance {
        class,
        attrs: Default::default(),
        exc: None,
        native: Some(std::cell::RefCell::new(NativeState::DictView(
            d.clone(),
            kind,
        ))),
    }))
}

fn keys(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("keys", &kw)?;
    check_method_args("keys", &args, 0, 0)?;
    Ok(view(as_dict(&args[0])?, DictViewKind::Keys))
}

fn values(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("values", &kw)?;
    check_method_args("values", &args, 0, 0)?;
    Ok(view(as_dict(&args[0])?, DictViewKind::Values))
}

fn items(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("items", &kw)?;
    check_method_args("items", &args, 0, 0)?;
    Ok(view(as_dict(&args[0])?, DictViewKind::Items))
}

fn get(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("get", &kw)?;
    check_method_args("get", &args, 1, 2)?;
    Ok(vm
        .dict_get(&args[0], &args[1])?
        .unwrap_or_else(|| args.get(2).cloned().unwrap_or(Value::None)))
}

fn pop(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("pop", &kw)?;
    check_method_args("pop", &args, 1, 2)?;
    match vm.dict_remove(&args[0], &args[1])? {
        Some(v) => Ok(v),
        None => match args.get(2) {
            Some(default) => Ok(default.clone()),
            None => Err(key_error(args[1].clone())),
        },
    }
}

fn popitem(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("popitem", &kw)?;
    check_method_args("popitem", &args, 0, 0)?;
    let d = as_dict(&args[0])?;
    let item = table_mut(d)?.popitem();
    match item {
        Some((k, v)) => Ok(Value::tuple(vec![k, v])),
        None => Err(PyErr::new("KeyError", "popitem(): dictionary is empty")),
    }
}

fn setdefault(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("setdefault", &kw)?;
    check_method_args("setdefault", &args, 1, 2)?;
    if let Some(v) = vm.dict_get(&args[0], &args[1])? {
        return Ok(v);
    }
    let default = args.get(2).cloned().unwrap_or(Value::None);
    vm.dict_set(&args[0], args[1].clone(), default.clone())?;
    Ok(default)
}

fn update(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    check_method_args("update", &args, 0, 1)?;
    if let Some(src) = args.get(1) {
        vm.dict_update(&args[0], src)?;
    }
    for (k, v) in kw {
        vm.dict_set(&args[0], Value::str(&*k), v)?;
    }
    Ok(Value::None)
}

fn clear(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("clear", &kw)?;
    check_method_args("clear", &args, 0, 0)?;
    let d = as_dict(&args[0])?;
    let old = std::mem::take(&mut *table_mut(d)?);
    drop(old);
    Ok(Value::None)
}

fn copy(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("copy", &kw)?;
    check_method_args("copy", &args, 0, 0)?;
    as_dict(&args[0])?;
    Ok(dict_copy(&args[0]))
}

fn fromkeys(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("fromkeys", &kw)?;
    check_method_args("fromkeys", &args, 1, 2)?;
    let d = Value::Dict(Rc::new(PyDict::new()));
    let value = args.get(2).cloned().unwrap_or(Value::None);
    for k in vm.collect(&args[1])? {
        vm.dict_set(&d, k, value.clone())?;
    }
    Ok(d)
}

/// `mapping` of a dict view (`d.keys().mapping` is rare; views need only len/iter/in).
fn view_len(_vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    match args.first() {
        Some(Value::Instance(i)) => match i.native.as_ref().map(|n| n.borrow().dict_len()) {
            Some(Some(n)) => Ok(Value::Int(n as i64)),
            _ => Err(type_error("not a dict view")),
        },
        _ => Err(type_error("not a dict view")),
    }
}

impl NativeState {
    fn dict_len(&self) -> Option<usize> {
        match self {
            NativeState::DictView(d, _) => d.table.try_borrow().ok().map(|t| t.len()),
            _ => None,
        }
    }
}

pub(super) fn install(t: &BuiltinTypes) {
    add_methods(
        &t.dict,
        &[
            ("keys", keys),
            ("values", values),
            ("items", items),
            ("get", get),
            ("pop", pop),
            ("popitem", popitem),
            ("setdefault", setdefault),
            ("update", update),
            ("clear", clear),
            ("copy", copy),
        ],
    );
    t.dict.attrs.borrow_mut().insert(
        "fromkeys".into(),
        Value::ClassMethod(Rc::new(super::native("fromkeys", fromkeys))),
    );
    for class in [&t.dict_keys, &t.dict_values, &t.dict_items] {
        add_methods(class, &[("__len__", view_len)]);
    }
    for class in [&t.dict_keys, &t.dict_items] {
        add_methods(
            class,
            &[
                ("__sub__", view_sub),
                ("__rsub__", view_rsub),
                ("__and__", view_and),
                ("__rand__", view_and),
                ("__or__", view_or),
                ("__ror__", view_ror),
                ("__xor__", view_xor),
                ("__rxor__", view_rxor),
                ("__eq__", view_eq),
                ("__ne__", view_ne),
                ("__lt__", view_lt),
                ("__le__", view_le),
                ("__gt__", view_gt),
                ("__ge__", view_ge),
                ("isdisjoint", view_isdisjoint),
            ],
        );
    }
}

// Keys and items views are sets: an operator with any iterable makes a new `set`, the
// way CPython's dictobject.c builds it (so the result's iteration order is CPython's);
// comparisons are with sets and other such views.

/// `set(v)` of a view or any iterable.
fn new_set_of(vm: &mut Vm<'_>, v: &Value) -> PyResult<Value> {
    let items = vm.collect(v)?;
    vm.new_set(items, false)
}

/// `left op right` where one side is a keys/items view (CPython's `dictviews_sub` etc.).
fn view_binop(vm: &mut Vm<'_>, left: &Value, right: &Value, op: BinOp) -> PyResult<Value> {
    if op == BinOp::And {
        return view_intersect(vm, left, right);
    }
    let result = new_set_of(vm, left)?;
    let method = match op {
        BinOp::Sub => "difference_update",
        BinOp::Or => "update",
        _ => "symmetric_difference_update",
    };
    let update = vm.getattr(&result, method)?;
    vm.call1(&update, right.clone())?;
    Ok(result)
}

/// CPython's `_PyDictView_Intersect`: the items of the other operand (or of the smaller
/// view) that the view contains, in that operand's order.
fn view_intersect(vm: &mut Vm<'_>, a: &Value, b: &Value) -> PyResult<Value> {
    let (mut view, mut other) = if is_set_view(a) { (a, b) } else { (b, a) };
    let view_len = vm.len(view)?;
    if let Value::Set(s) = other {
        if !s.frozen && view_len <= vm.len(other)? {
            let intersection = vm.getattr(other, "intersection")?;
            return vm.call1(&intersection, view.clone());
        }
    }
    if is_set_view(other) && vm.len(other)? > view_len {
        std::mem::swap(&mut view, &mut other);
    }
    let result = vm.new_set(Vec::new(), false)?;
    let it = vm.get_iter(other)?;
    let mut found = Vec::new();
    while let Some(item) = vm.next(&it)? {
        if vm.contains(view, &item)? {
            found.push(item);
        }
    }
    let add = vm.getattr(&result, "update")?;
    vm.call1(&add, Value::list(found))?;
    Ok(result)
}

fn view_op(vm: &mut Vm<'_>, args: &[Value], op: BinOp, reflected: bool) -> PyResult<Value> {
    check_method_args("__sub__", args, 1, 1)?;
    if reflected {
        view_binop(vm, &args[1], &args[0], op)
    } else {
        view_binop(vm, &args[0], &args[1], op)
    }
}

fn view_sub(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    view_op(vm, &args, BinOp::Sub, false)
}

fn view_rsub(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    view_op(vm, &args, BinOp::Sub, true)
}

fn view_and(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    view_op(vm, &args, BinOp::And, false)
}

fn view_or(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    view_op(vm, &args, BinOp::Or, false)
}

fn view_ror(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    view_op(vm, &args, BinOp::Or, true)
}

fn view_xor(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    view_op(vm, &args, BinOp::Xor, false)
}

fn view_rxor(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    view_op(vm, &args, BinOp::Xor, true)
}

fn is_set_view(v: &Value) -> bool {
    match v {
        Value::Instance(i) => matches!(
            i.native.as_ref().map(|n| matches!(&*n.borrow(),
                NativeState::DictView(_, kind) if *kind != DictViewKind::Values)),
            Some(true)
        ),
        _ => false,
    }
}

/// A set view or a set: what a view compares with (anything else is NotImplemented).
fn is_set_like(v: &Value) -> bool {
    matches!(v, Value::Set(_)) || is_set_view(v)
}

fn view_compare(vm: &mut Vm<'_>, args: &[Value], op: CmpOp) -> PyResult<Value> {
    check_method_args("__eq__", args, 1, 1)?;
    if !is_set_like(&args[1]) {
        return Ok(Value::NotImplemented);
    }
    let a = new_set_of(vm, &args[0])?;
    let b = match &args[1] {
        set @ Value::Set(_) => set.clone(),
        view => new_set_of(vm, view)?,
    };
    super::set_compare(vm, &a, &b, op)
}

fn view_eq(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    view_compare(vm, &args, CmpOp::Eq)
}

fn view_ne(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    view_compare(vm, &args, CmpOp::Ne)
}

fn view_lt(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    view_compare(vm, &args, CmpOp::Lt)
}

fn view_le(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    view_compare(vm, &args, CmpOp::Le)
}

fn view_gt(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    view_compare(vm, &args, CmpOp::Gt)
}

fn view_ge(vm: &mut Vm<'_>, args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    view_compare(vm, &args, CmpOp::Ge)
}

fn view_isdisjoint(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("isdisjoint", &kw)?;
    check_method_args("isdisjoint", &args, 1, 1)?;
    let other = vm.get_iter(&args[1])?;
    while let Some(item) = vm.next(&other)? {
        if vm.contains(&args[0], &item)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
