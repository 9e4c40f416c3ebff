//! `set` and `frozenset`: methods, operators (`| & - ^`), comparisons and membership.
//!
//! The table algorithms (and so the iteration order CPython prints) live in
//! [`SetTable`]; this file hashes operands (which may run `__hash__`) before any table
//! is borrowed, then calls the table with Python equality.

use std::rc::Rc;

use super::{add_methods, check_method_args, no_kwargs};
use crate::compiler::{BinOp, CmpOp};
use crate::objects::set_table::SetTable;
use crate::objects::{Kwargs, PySet, Value};
use crate::vm::types::BuiltinTypes;
use crate::vm::{key_error, runtime_error, type_error, PyErr, PyResult, Vm};

type Table = SetTable<Value>;

fn as_set(v: &Value) -> PyResult<&Rc<PySet>> {
    match v {
        Value::Set(s) => Ok(s),
        _ => Err(type_error("descriptor requires a 'set' object")),
    }
}

fn set_value(table: Table, frozen: bool) -> Value {
    Value::Set(Rc::new(PySet::new(table, frozen)))
}

fn busy() -> PyErr {
    runtime_error("set changed size during a key comparison")
}

/// Items of any iterable with their hashes, computed up front.
fn hashed_items(vm: &mut Vm<'_>, v: &Value) -> PyResult<Vec<Result<(i64, Value), PyErr>>> {
    let items = vm.collect(v)?;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let h = vm.hash(&item)?;
        out.push(Ok((h, item)));
    }
    Ok(out)
}

/// A new table with the elements of any iterable, as `set(iterable)` builds it.
pub(crate) fn table_from(vm: &mut Vm<'_>, v: &Value) -> PyResult<Table> {
    match v {
        Value::Set(s) => Ok(s.table.try_borrow().map_err(|_| busy())?.copy()),
        Value::Dict(d) => {
            let d = d.table.try_borrow().map_err(|_| busy())?;
            SetTable::from_dict(&d, &mut |a: &Value, b: &Value| vm.eq(a, b))
        }
        _ => {
            let items = hashed_items(vm, v)?;
            SetTable::from_iter(items, &mut |a: &Value, b: &Value| vm.eq(a, b))
        }
    }
}

impl Vm<'_> {
    /// A set (or frozenset) from values, added in order (`BuildSet`).
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn new_set(&mut self, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
        let mut hashed = Vec::with_capacity(items.len());
        for item in items {
            let h = self.hash(&item)?;
            hashed.push(Ok((h, item)));
        }
        let table = SetTable::from_iter(hashed, &mut |a: &Value, b: &Value| self.eq(a, b))?;
        Ok(set_value(table, frozen))
    }

    /// `s.add(item)` (`SetAdd` of set comprehensions).
    #[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
    pub(crate) fn set_add(&mut self, set: &Value, item: Value) -> PyResult<()> {
        let s = as_set(set)?;
        let h = self.hash(&item)?;
        if s.table.borrow().len() >= super::MAX_COLLECTION {
            return Err(crate::vm::memory_error());
        }
        self.check_growth(s.table.borrow().len(), crate::memory::ENTRY_BYTES)?;
        let mut t = s.table.try_borrow_mut().map_err(|_| busy())?;
        t.insert(item, h, &mut |a: &Value, b: &Value| self.eq(a, b))?;
        Ok(())
    }
}

/// `a | b`, `a & b`, `a - b`, `a ^ b` for two sets; the result has `a`'s kind.
pub(crate) fn set_algebra(vm: &mut Vm<'_>, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let (x, y) = (as_set(a)?, as_set(b)?);
    let tx = x.table.try_borrow().map_err(|_| busy())?;
    let ty = y.table.try_borrow().map_err(|_| busy())?;
    let mut eq = |p: &Value, q: &Value| vm.eq(p, q);
    let table = match op {
        BinOp::Or => tx.union(&ty, &mut eq)?,
        BinOp::And => tx.intersection(&ty, &mut eq)?,
        BinOp::Sub => tx.difference(&ty, &mut eq)?,
        BinOp::Xor => tx.symmetric_difference(&ty, &mut eq)?,
        _ => return Ok(Value::NotImplemented),
    };
    Ok(set_value(table, x.frozen))
}

/// Set comparisons: equality and the subset/superset orders.
pub(crate) fn set_compare(vm: &mut Vm<'_>, a: &Value, b: &Value, op: CmpOp) -> PyResult<Value> {
    let (x, y) = (as_set(a)?, as_set(b)?);
    let tx = x.table.try_borrow().map_err(|_| busy())?;
    let ty = y.table.try_borrow().map_err(|_| busy())?;
    let mut eq = |p: &Value, q: &Value| vm.eq(p, q);
    let (lx, ly) = (tx.len(), ty.len());
    let r = match op {
        CmpOp::Eq => lx == ly && tx.is_subset(&ty, &mut eq)?,
        CmpOp::Ne => !(lx == ly && tx.is_subset(&ty, &mut eq)?),
        CmpOp::Le => tx.is_subset(&ty, &mut eq)?,
        CmpOp::Lt => lx < ly && tx.is_subset(&ty, &mut eq)?,
        CmpOp::Ge => ty.is_subset(&tx, &mut eq)?,
        CmpOp::Gt => ly < lx && ty.is_subset(&tx, &mut eq)?,
        _ => return Ok(Value::NotImplemented),
    };
    Ok(Value::Bool(r))
}

/// `item in s`.
pub(crate) fn set_contains(vm: &mut Vm<'_>, set: &Value, item: &Value) -> PyResult<bool> {
    let s = as_set(set)?;
    let h = match item {
        // CPython retries an unhashable set as a frozenset.
        Value::Set(inner) if !inner.frozen => inner.table.borrow().frozenset_hash(),
        _ => vm.hash(item)?,
    };
    let t = s.table.try_borrow().map_err(|_| busy())?;
    t.contains(item, h, &mut |a: &Value, b: &Value| vm.eq(a, b))
}

fn add(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("add", &kw)?;
    check_method_args("add", &args, 1, 1)?;
    vm.set_add(&args[0], args[1].clone())?;
    Ok(Value::None)
}

fn discard_item(vm: &mut Vm<'_>, set: &Value, item: &Value) -> PyResult<bool> {
    let s = as_set(set)?;
    let h = vm.hash(item)?;
    let removed = s.table.try_borrow_mut().map_err(|_| busy())?.remove(
        item,
        h,
        &mut |a: &Value, b: &Value| vm.eq(a, b),
    )?;
    Ok(removed.is_some())
}

fn remove(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("remove", &kw)?;
    check_method_args("remove", &args, 1, 1)?;
    if !discard_item(vm, &args[0], &args[1])? {
        return Err(key_error(args[1].clone()));
    }
    Ok(Value::None)
}

fn discard(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("discard", &kw)?;
    check_method_args("discard", &args, 1, 1)?;
    discard_item(vm, &args[0], &args[1])?;
    Ok(Value::None)
}

fn pop(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("pop", &kw)?;
    check_method_args("pop", &args, 0, 0)?;
    let s = as_set(&args[0])?;
    let item = s.table.try_borrow_mut().map_err(|_| busy())?.pop();
    item.ok_or_else(|| PyErr::new("KeyError", "pop from an empty set"))
}

fn clear(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("clear", &kw)?;
    check_method_args("clear", &args, 0, 0)?;
    let s = as_set(&args[0])?;
    let old = std::mem::take(&mut *s.table.try_borrow_mut().map_err(|_| busy())?);
    drop(old);
    Ok(Value::None)
}

fn copy(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("copy", &kw)?;
    check_method_args("copy", &args, 0, 0)?;
    let s = as_set(&args[0])?;
    let t = s.table.borrow().copy();
    Ok(set_value(t, s.frozen))
}

/// A method applying a binary set operation to `self` and each argument in turn.
fn fold(vm: &mut Vm<'_>, name: &str, op: BinOp, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs(name, &kw)?;
    let this = as_set(&args[0])?;
    let mut acc = Value::Set(this.clone());
    if args.len() == 1 {
        let t = this.table.borrow().copy();
        return Ok(set_value(t, this.frozen));
    }
    for other in &args[1..] {
        let other = match other {
            Value::Set(_) => other.clone(),
            _ => set_value(table_from(vm, other)?, false),
        };
        acc = set_algebra(vm, op, &acc, &other)?;
    }
    Ok(acc)
}

fn union(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    fold(vm, "union", BinOp::Or, args, kw)
}

fn intersection(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    fold(vm, "intersection", BinOp::And, args, kw)
}

fn difference(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    fold(vm, "difference", BinOp::Sub, args, kw)
}

fn symmetric_difference(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("symmetric_difference", &kw)?;
    check_method_args("symmetric_difference", &args, 1, 1)?;
    fold(vm, "symmetric_difference", BinOp::Xor, args, kw)
}

/// In-place variants: compute, then replace this set's body.
fn update_in_place(
    vm: &mut Vm<'_>,
    name: &str,
    op: BinOp,
    args: Vec<Value>,
    kw: Kwargs,
) -> PyResult<Value> {
    let this = as_set(&args[0])?.clone();
    let result = fold(vm, name, op, args, kw)?;
    if let Value::Set(r) = result {
        let body = std::mem::take(&mut *r.table.borrow_mut());
        let old = std::mem::replace(&mut *this.table.try_borrow_mut().map_err(|_| busy())?, body);
        drop(old);
    }
    Ok(Value::None)
}

/// `target.update(other)` for one iterable, with CPython's per-type merge.
pub(crate) fn set_update(vm: &mut Vm<'_>, target: &Value, other: &Value) -> PyResult<()> {
    let this = as_set(target)?.clone();
    match other {
        Value::Set(o) if Rc::ptr_eq(o, &this) => {}
        Value::Set(o) => {
            let theirs = o.table.borrow().copy();
            let mut t = this.table.try_borrow_mut().map_err(|_| busy())?;
            t.update_from_set(&theirs, &mut |a: &Value, b: &Value| vm.eq(a, b))?;
        }
        Value::Dict(d) => {
            let d = d.table.borrow().clone();
            let mut t = this.table.try_borrow_mut().map_err(|_| busy())?;
            t.update_from_dict(&d, &mut |a: &Value, b: &Value| vm.eq(a, b))?;
        }
        _ => {
            let items = hashed_items(vm, other)?;
            let mut t = this.table.try_borrow_mut().map_err(|_| busy())?;
            t.update_from_iter(items, &mut |a: &Value, b: &Value| vm.eq(a, b))?;
        }
    }
    Ok(())
}

fn update(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("update", &kw)?;
    for other in &args[1..] {
        set_update(vm, &args[0], other)?;
    }
    Ok(Value::None)
}

fn intersection_update(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    update_in_place(vm, "intersection_update", BinOp::And, args, kw)
}

/// `set_difference_update_internal` per argument, in place (so the table keeps its
/// layout and iteration order, as CPython's does).
fn difference_update(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("difference_update", &kw)?;
    let this = as_set(&args[0])?.clone();
    for other in &args[1..] {
        match other {
            Value::Set(o) if Rc::ptr_eq(o, &this) => {
                this.table.try_borrow_mut().map_err(|_| busy())?.clear()
            }
            Value::Set(o) => {
                let theirs = o.table.borrow().copy();
                let mut t = this.table.try_borrow_mut().map_err(|_| busy())?;
                t.difference_update(&theirs, &mut |a: &Value, b: &Value| vm.eq(a, b))?;
            }
            _ => {
                let items = vm.collect(other)?;
                let mut hashed = Vec::with_capacity(items.len());
                for item in items {
                    hashed.push(Ok((vm.hash(&item)?, item)));
                }
                let mut t = this.table.try_borrow_mut().map_err(|_| busy())?;
                t.difference_update_from_iter(hashed, &mut |a: &Value, b: &Value| vm.eq(a, b))?;
            }
        }
    }
    Ok(Value::None)
}

/// `set_symmetric_difference_update`, in place: a dict by its keys, any other iterable
/// first made a set.
fn symmetric_difference_update(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("symmetric_difference_update", &kw)?;
    check_method_args("symmetric_difference_update", &args, 1, 1)?;
    let this = as_set(&args[0])?.clone();
    let mut eq = |a: &Value, b: &Value| vm.eq(a, b);
    match &args[1] {
        Value::Set(o) if Rc::ptr_eq(o, &this) => {
            this.table.try_borrow_mut().map_err(|_| busy())?.clear()
        }
        Value::Dict(d) => {
            let d = d.table.borrow().clone();
            let mut t = this.table.try_borrow_mut().map_err(|_| busy())?;
            t.symmetric_difference_update_from_dict(&d, &mut eq)?;
        }
        other => {
            let theirs = table_from(vm, other)?;
            let mut t = this.table.try_borrow_mut().map_err(|_| busy())?;
            t.symmetric_difference_update(&theirs, &mut |a: &Value, b: &Value| vm.eq(a, b))?;
        }
    }
    Ok(Value::None)
}

fn relation(
    vm: &mut Vm<'_>,
    name: &str,
    args: Vec<Value>,
    kw: Kwargs,
    op: CmpOp,
) -> PyResult<Value> {
    no_kwargs(name, &kw)?;
    check_method_args(name, &args, 1, 1)?;
    let other = match &args[1] {
        Value::Set(_) => args[1].clone(),
        v => set_value(table_from(vm, v)?, false),
    };
    set_compare(vm, &args[0], &other, op)
}

fn issubset(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    relation(vm, "issubset", args, kw, CmpOp::Le)
}

fn issuperset(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    relation(vm, "issuperset", args, kw, CmpOp::Ge)
}

fn isdisjoint(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("isdisjoint", &kw)?;
    check_method_args("isdisjoint", &args, 1, 1)?;
    let other = match &args[1] {
        Value::Set(_) => args[1].clone(),
        v => set_value(table_from(vm, v)?, false),
    };
    let (x, y) = (as_set(&args[0])?, as_set(&other)?);
    let tx = x.table.borrow();
    let ty = y.table.borrow();
    Ok(Value::Bool(
        tx.is_disjoint(&ty, &mut |a: &Value, b: &Value| vm.eq(a, b))?,
    ))
}

pub(super) fn install(t: &BuiltinTypes) {
    let shared: &[(&'static str, crate::objects::NativeFn)] = &[
        ("copy", copy),
        ("union", union),
        ("intersection", intersection),
        ("difference", difference),
        ("symmetric_difference", symmetric_difference),
        ("issubset", issubset),
        ("issuperset", issuperset),
        ("isdisjoint", isdisjoint),
    ];
    add_methods(&t.set, shared);
    add_methods(&t.frozenset, shared);
    add_methods(
        &t.set,
        &[
            ("add", add),
            ("remove", remove),
            ("discard", discard),
            ("pop", pop),
            ("clear", clear),
            ("update", update),
            ("intersection_update", intersection_update),
            ("difference_update", difference_update),
            ("symmetric_difference_update", symmetric_difference_update),
        ],
    );
}
