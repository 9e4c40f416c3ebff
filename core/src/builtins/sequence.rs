//! `list` and `tuple` methods, and the stable sort behind `sorted()` and `list.sort()`.
//!
//! Invariant: no list borrow is held while Python code runs (`__eq__`, `__lt__`, key
//! functions); methods copy what they compare first. `list.sort` empties the list while
//! it sorts, as CPython does, and reports a list changed meanwhile.

use super::{add_methods, check_method_args, no_kwargs, reject_kwargs, take_kwarg, MAX_COLLECTION};
use crate::compiler::CmpOp;
use crate::memory::ITEM_BYTES;
use crate::objects::{Kwargs, PyList, Value};
use crate::vm::types::BuiltinTypes;
use crate::vm::{index_error, memory_error, type_error, value_error, PyResult, Vm};

fn as_list(v: &Value) -> PyResult<&std::rc::Rc<PyList>> {
    match v {
        Value::List(l) => Ok(l),
        _ => Err(type_error("descriptor requires a 'list' object")),
    }
}

fn less(vm: &mut Vm<'_>, a: &Value, b: &Value) -> PyResult<bool> {
    if let (Value::Int(x), Value::Int(y)) = (a, b) {
        return Ok(x < y);
    }
    let r = vm.rich_compare(a, b, CmpOp::Lt)?;
    vm.truthy(&r)
}

/// Stable merge sort with a fallible comparison (bottom-up, so no deep recursion).
fn merge_sort(vm: &mut Vm<'_>, keys: &[Value]) -> PyResult<Vec<usize>> {
    let n = keys.len();
    let mut order: Vec<usize> = (0..n).collect();
    // Short runs first by insertion sort.
    const RUN: usize = 16;
    for start in (0..n).step_by(RUN) {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && less(vm, &keys[order[j]], &keys[order[j - 1]])? {
                order.swap(j, j - 1);
                j -= 1;
            }
        }
        // Comparisons of built-in values never reach a poll by themselves.
        vm.charge(end - start)?;
    }
    let mut width = RUN;
    let mut buf = Vec::with_capacity(n);
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            if mid >= end {
                continue;
            }
            buf.clear();
            let (mut i, mut j) = (start, mid);
            while i < mid && j < end {
                // Take from the right only when strictly smaller: keeps the sort stable.
                if less(vm, &keys[order[j]], &keys[order[i]])? {
                    buf.push(order[j]);
                    j += 1;
                } else {
                    buf.push(order[i]);
                    i += 1;
                }
            }
            buf.extend_from_slice(&order[i..mid]);
            buf.extend_from_slice(&order[j..end]);
            order[start..end].copy_from_slice(&buf);
            vm.charge(end - start)?;
        }
        width *= 2;
    }
    Ok(order)
}

/// Sort `items` by `key` (stable; `reverse` keeps equal items in their original order).
pub(crate) fn sort_values(
    vm: &mut Vm<'_>,
    mut items: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    if reverse {
        items.reverse();
    }
    let keys = match key {
        Some(f) => {
            let mut keys = Vec::with_capacity(items.len());
            for item in &items {
                keys.push(vm.call1(f, item.clone())?);
            }
            keys
        }
        None => items.clone(),
    };
    let order = merge_sort(vm, &keys)?;
    let mut slots: Vec<Option<Value>> = items.into_iter().map(Some).collect();
    let mut out: Vec<Value> = order.into_iter().filter_map(|i| slots[i].take()).collect();
    if reverse {
        out.reverse();
    }
    Ok(out)
}

fn append(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("append", &kw)?;
    check_method_args("append", &args, 1, 1)?;
    let l = as_list(&args[0])?;
    let mut items = l.items.borrow_mut();
    if items.len() >= MAX_COLLECTION {
        return Err(memory_error());
    }
    vm.check_growth(items.len(), ITEM_BYTES)?;
    items.push(args[1].clone());
    Ok(Value::None)
}

fn extend(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("extend", &kw)?;
    check_method_args("extend", &args, 1, 1)?;
    let l = as_list(&args[0])?;
    let new = vm.collect(&args[1])?;
    let mut items = l.items.borrow_mut();
    if items.len() + new.len() > MAX_COLLECTION {
        return Err(memory_error());
    }
    vm.reserve(items.len() as u64 + new.len() as u64, ITEM_BYTES)?;
    items.extend(new);
    Ok(Value::None)
}

/// Clamp a Python index (negative from the end) into `0..=len`.
fn clamp_index(i: i64, len: usize) -> usize {
    let len = len as i64;
    let i = if i < 0 { (i + len).max(0) } else { i.min(len) };
    i as usize
}

fn insert(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("insert", &kw)?;
    if args.len() != 3 {
        return Err(type_error(format!(
            "insert expected 2 arguments, got {}",
            args.len().saturating_sub(1)
        )));
    }
    let l = as_list(&args[0])?;
    let i = vm.index_value(&args[1])?;
    let mut items = l.items.borrow_mut();
    if items.len() >= MAX_COLLECTION {
        return Err(memory_error());
    }
    vm.check_growth(items.len(), ITEM_BYTES)?;
    let at = clamp_index(i, items.len());
    items.insert(at, args[2].clone());
    Ok(Value::None)
}

/// Position of the first item equal to `x` in `items[start..end]`.
fn find(
    vm: &mut Vm<'_>,
    items: &[Value],
    x: &Value,
    start: usize,
    end: usize,
) -> PyResult<Option<usize>> {
    for (i, item) in items.iter().enumerate().take(end).skip(start) {
        if vm.eq(item, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn remove(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("remove", &kw)?;
    check_method_args("remove", &args, 1, 1)?;
    let l = as_list(&args[0])?;
    let snapshot = l.items.borrow().clone();
    match find(vm, &snapshot, &args[1], 0, snapshot.len())? {
        Some(i) => {
            let mut items = l.items.borrow_mut();
            if i < items.len() {
                let removed = items.remove(i);
                drop(items);
                drop(removed);
            }
            Ok(Value::None)
        }
        None => Err(value_error("list.remove(x): x not in list")),
    }
}

fn pop(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("pop", &kw)?;
    check_method_args("pop", &args, 0, 1)?;
    let l = as_list(&args[0])?;
    let i = match args.get(1) {
        Some(v) => vm.index_value(v)?,
        None => -1,
    };
    let mut items = l.items.borrow_mut();
    if items.is_empty() {
        return Err(index_error("pop from empty list"));
    }
    let len = items.len() as i64;
    let at = if i < 0 { i + len } else { i };
    if at < 0 || at >= len {
        return Err(index_error("pop index out of range"));
    }
    Ok(items.remove(at as usize))
}

fn clear(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("clear", &kw)?;
    check_method_args("clear", &args, 0, 0)?;
    let old = std::mem::take(&mut *as_list(&args[0])?.items.borrow_mut());
    drop(old);
    Ok(Value::None)
}

/// The `(start, end)` arguments of `index`, clamped like slice bounds.
fn bounds(vm: &mut Vm<'_>, args: &[Value], len: usize) -> PyResult<(usize, usize)> {
    let start = match args.get(2) {
        Some(v) => clamp_index(vm.index_value(v)?, len),
        None => 0,
    };
    let end = match args.get(3) {
        Some(v) => clamp_index(vm.index_value(v)?, len),
        None => len,
    };
    Ok((start, end))
}

fn items_of(v: &Value) -> Vec<Value> {
    match v {
        Value::List(l) => l.items.borrow().clone(),
        Value::Tuple(t) => t.items.clone(),
        _ => Vec::new(),
    }
}

fn index(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("index", &kw)?;
    check_method_args("index", &args, 1, 3)?;
    let items = items_of(&args[0]);
    let (start, end) = bounds(vm, &args, items.len())?;
    match find(vm, &items, &args[1], start, end)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None => match &args[0] {
            Value::Tuple(_) => Err(value_error("tuple.index(x): x not in tuple")),
            _ => {
                let r = vm.repr(&args[1])?;
                Err(value_error(format!("{r} is not in list")))
            }
        },
    }
}

fn count(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("count", &kw)?;
    check_method_args("count", &args, 1, 1)?;
    let items = items_of(&args[0]);
    let mut n = 0;
    for item in &items {
        if vm.eq(item, &args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn sort(vm: &mut Vm<'_>, args: Vec<Value>, mut kw: Kwargs) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(type_error("sort() takes no positional arguments"));
    }
    let l = as_list(&args[0])?.clone();
    let key = take_kwarg(&mut kw, "key").filter(|k| !k.is_none());
    let reverse = match take_kwarg(&mut kw, "reverse") {
        Some(r) => vm.truthy(&r)?,
        None => false,
    };
    reject_kwargs("sort", &kw)?;
    let items = std::mem::take(&mut *l.items.borrow_mut());
    let result = sort_values(vm, items.clone(), key.as_ref(), reverse);
    let changed = !l.items.borrow().is_empty();
    match result {
        Ok(sorted) => {
            *l.items.borrow_mut() = sorted;
            if changed {
                return Err(value_error("list modified during sort"));
            }
            Ok(Value::None)
        }
        Err(e) => {
            *l.items.borrow_mut() = items;
            Err(e)
        }
    }
}

fn reverse(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("reverse", &kw)?;
    check_method_args("reverse", &args, 0, 0)?;
    as_list(&args[0])?.items.borrow_mut().reverse();
    Ok(Value::None)
}

fn copy(_vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("copy", &kw)?;
    check_method_args("copy", &args, 0, 0)?;
    Ok(Value::list(as_list(&args[0])?.items.borrow().clone()))
}

pub(super) fn install(t: &BuiltinTypes) {
    add_methods(
        &t.list,
        &[
            ("append", append),
            ("extend", extend),
            ("insert", insert),
            ("remove", remove),
            ("pop", pop),
            ("clear", clear),
            ("index", index),
            ("count", count),
            ("sort", sort),
            ("reverse", reverse),
            ("copy", copy),
        ],
    );
    add_methods(&t.tuple, &[("index", index), ("count", count)]);
}
