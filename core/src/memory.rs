//! The memory limit: allocating paths raise `MemoryError` before the engine runs out.
//!
//! A wasm instance has at most 4 GiB of linear memory and a failed allocation traps;
//! natively a failed allocation aborts. Neither is a Python exception, so the interpreter
//! never lets an allocation it controls get that far:
//!
//! - **Budget** (per interpreter): [`crate::Config::memory_limit`] bytes, by default
//!   [`DEFAULT_MEMORY_LIMIT`] (1 GiB, a quarter of wasm32's address space, so a doubling
//!   `Vec` never reaches the engine's limit first).
//! - **Live bytes** (per thread, which on wasm is the whole instance): counted by
//!   [`CountingAllocator`], a `GlobalAlloc` over the system allocator that a binary
//!   installs with `#[global_allocator]` (the native runner and the wasm backends
//!   do). Without it the live count stays 0 and only the size of each requested
//!   result is checked against the budget. Interpreters sharing a thread share the count,
//!   so each one's limit bounds them all.
//! - **Checks at the allocating sites**, before they allocate: [`Vm::reserve`] for a
//!   result whose size is known (sequence repeat and concatenation, join, range
//!   materialisation, str/bytes building) and [`Vm::check_growth`] each time a container
//!   grows by one (list append, dict/set insertion, collecting an iterator). Sizes are
//!   computed in `u64` with checked arithmetic and compared with the budget before they
//!   become a `usize`, so nothing wraps at 32 bits on wasm32: `'a' * 2**32` is a
//!   `MemoryError` there as natively.
//!
//! Invariant: a `MemoryError` is raised before the allocation, so the interpreter's state
//! is unchanged and usable once the program lets go of what it built.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use crate::vm::{memory_error, PyResult, Vm};

/// The default of [`crate::Config::memory_limit`]: 1 GiB.
pub const DEFAULT_MEMORY_LIMIT: usize = 1 << 30;

// A container at the default limit that doubles once still fits in wasm32's 4 GiB.
const _: () = assert!(DEFAULT_MEMORY_LIMIT as u64 * 2 < u32::MAX as u64);

/// Bytes one list or tuple item takes.
pub(crate) const ITEM_BYTES: u64 = std::mem::size_of::<crate::objects::Value>() as u64;

/// Bytes one dict or set entry takes, with its share of the index table (an estimate).
pub(crate) const ENTRY_BYTES: u64 = 3 * ITEM_BYTES;

thread_local! {
    /// Bytes allocated and not yet freed on this thread (wrapping: a block freed on
    /// another thread than its allocator's makes it dip, never panic).
    static LIVE_BYTES: Cell<usize> = const { Cell::new(0) };
}

fn count(delta: isize) {
    // `try_with`: never panics, even while the thread is being torn down.
    let _ = LIVE_BYTES.try_with(|live| live.set(live.get().wrapping_add_signed(delta)));
}

/// Bytes live on this thread, as counted by [`CountingAllocator`] (0 if not installed).
pub fn live_bytes() -> usize {
    let live = LIVE_BYTES.try_with(Cell::get).unwrap_or(0);
    // A transient dip below zero reads as a huge number; treat it as nothing live.
    if live > isize::MAX as usize {
        0
    } else {
        live
    }
}

/// The system allocator, counting live bytes per thread for the memory limit.
///
/// Install it in a binary that embeds the interpreter:
/// `#[global_allocator] static ALLOCATOR: stackswitch_core::CountingAllocator = stackswitch_core::CountingAllocator;`
pub struct CountingAllocator;

// SAFETY: every method forwards to `System` with the same arguments; the counting only
// touches a `Cell` in a const-initialised thread local, which never allocates.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged from our caller.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged from our caller.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged from our caller.
        unsafe { System.dealloc(ptr, layout) };
        count(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded unchanged from our caller.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            count(new_size as isize - layout.size() as isize);
        }
        p
    }
}

/// `count` items of `item_bytes` each, as a `usize`, if they fit in `limit` bytes beside
/// `live` ones. Pure, so the 32-bit cases can be tested on any host.
pub(crate) fn fits(limit: usize, live: usize, count: u64, item_bytes: u64) -> Option<usize> {
    let bytes = count.checked_mul(item_bytes.max(1))?;
    let total = bytes.checked_add(live as u64)?;
    if total > limit as u64 {
        return None;
    }
    // `count <= limit <= usize::MAX`, so this conversion cannot fail; keep it checked.
    usize::try_from(count).ok()
}

impl Vm<'_> {
    /// Check that `count` items of `item_bytes` each may be allocated; returns `count`.
    pub(crate) fn reserve(&self, count: u64, item_bytes: u64) -> PyResult<usize> {
        fits(self.rt.config.memory_limit, live_bytes(), count, item_bytes).ok_or_else(memory_error)
    }

    /// Check that a container of `len` items of `item_bytes` may grow by one: its next
    /// reallocation may need about as much again.
    #[inline]
    pub(crate) fn check_growth(&self, len: usize, item_bytes: u64) -> PyResult<()> {
        self.reserve(len as u64 + 1, item_bytes).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// wasm32's address space, as the limit a 32-bit `usize` could express.
    const WASM32_LIMIT: usize = u32::MAX as usize;

    #[test]
    fn repeat_counts_past_32_bits_do_not_fit_instead_of_wrapping() {
        // 'a' * 2**32, [0] * 2**32: the count alone is past any 32-bit budget.
        assert_eq!(fits(WASM32_LIMIT, 0, 1 << 32, 1), None);
        assert_eq!(fits(WASM32_LIMIT, 0, 1 << 32, ITEM_BYTES), None);
        // A product that wraps u64 is refused, not wrapped.
        assert_eq!(fits(usize::MAX, 0, u64::MAX / 2, 3), None);
    }

    #[test]
    fn sizes_within_the_budget_fit() {
        assert_eq!(fits(DEFAULT_MEMORY_LIMIT, 0, 1000, ITEM_BYTES), Some(1000));
        assert_eq!(fits(100, 40, 60, 1), Some(60));
        assert_eq!(fits(100, 41, 60, 1), None);
        // Zero-sized items still count one byte each, so huge counts never pass.
        assert_eq!(fits(100, 0, 1 << 40, 0), None);
    }
}
