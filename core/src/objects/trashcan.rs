//! Deferred release of container contents, so dropping deeply nested objects never
//! overflows the native stack (CPython calls the same mechanism its "trashcan").
//!
//! Each container's `Drop` hands its children to [`release`]. Below a fixed nesting depth
//! they are dropped at once (recursing); past it they are parked in a list that the
//! outermost `release` drains in a loop. Invariant: native recursion during a drop is
//! bounded by `MAX_DEPTH` container levels, whatever the shape of the data.

use std::cell::{Cell, RefCell};

use super::Value;

const MAX_DEPTH: usize = 50;

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
    static PARKED: RefCell<Vec<Vec<Value>>> = const { RefCell::new(Vec::new()) };
}

pub(crate) fn release(children: Vec<Value>) {
    if children.is_empty() {
        return;
    }
    let depth = DEPTH.with(|d| d.get());
    if depth >= MAX_DEPTH {
        PARKED.with(|p| p.borrow_mut().push(children));
        return;
    }
    DEPTH.with(|d| d.set(depth + 1));
    drop(children);
    if depth == 0 {
        while let Some(next) = PARKED.with(|p| p.borrow_mut().pop()) {
            drop(next);
        }
    }
    DEPTH.with(|d| d.set(depth));
}
