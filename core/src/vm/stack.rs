//! How much native stack the current thread has left: the bound that keeps
//! [`Config::stack_budget`](crate::Config::stack_budget) from promising more stack than
//! the thread has.
//!
//! On Linux (glibc, musl) the thread's stack bounds come from `pthread_getattr_np` (for
//! the main thread glibc derives them from `RLIMIT_STACK`, 8 MiB by default); elsewhere,
//! and on wasm (whose shadow stack is the module's `-zstack-size`), they are unknown and
//! the configured budget is used as given. Invariant: the budget a run uses is never
//! more than what is left below its start, less [`margin`], when that is known.

/// Bytes left on the current thread's stack below `here` (an address in the caller's
/// frame), if the platform says where the stack ends. Read once per thread.
#[cfg(all(target_os = "linux", any(target_env = "gnu", target_env = "musl")))]
pub(crate) fn remaining_below(here: usize) -> Option<usize> {
    thread_local! {
        static LOWEST: Option<usize> = lowest_address();
    }
    LOWEST.with(|lowest| lowest.map(|low| here.saturating_sub(low)))
}

/// Elsewhere (wasm included) nothing is known. No thread-local here: on wasm its lazy
/// initialiser is an indirect call, which made Asyncify instrument `Vm::new` and, through
/// it, thousands of callers (the Asyncify build grew 300 KB and its calls got deeper).
#[cfg(not(all(target_os = "linux", any(target_env = "gnu", target_env = "musl"))))]
pub(crate) fn remaining_below(_here: usize) -> Option<usize> {
    None
}

/// What a run leaves unused of the stack it has: room for the frames between two of the
/// interpreter's depth checks, and for the guard page (an eighth, at least 256 KiB).
pub(crate) fn margin(room: usize) -> usize {
    (room / 8).max(256 << 10)
}

#[cfg(all(target_os = "linux", any(target_env = "gnu", target_env = "musl")))]
fn lowest_address() -> Option<usize> {
    // SAFETY: `attr` is initialised by pthread_getattr_np before any other use and
    // destroyed exactly once; pthread_attr_getstack only writes the two out-parameters.
    unsafe {
        let mut attr: libc::pthread_attr_t = std::mem::zeroed();
        if libc::pthread_getattr_np(libc::pthread_self(), &mut attr) != 0 {
            return None;
        }
        let mut address: *mut libc::c_void = std::ptr::null_mut();
        let mut size: libc::size_t = 0;
        let found = libc::pthread_attr_getstack(&attr, &mut address, &mut size);
        libc::pthread_attr_destroy(&mut attr);
        (found == 0 && !address.is_null()).then_some(address as usize)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_thread_of_known_size_reports_about_that_much_room() {
        let room = std::thread::Builder::new()
            .stack_size(4 << 20)
            .spawn(|| {
                let marker = 0u8;
                super::remaining_below(std::hint::black_box(&marker) as *const u8 as usize)
            })
            .unwrap()
            .join()
            .unwrap();
        if cfg!(target_os = "linux") {
            let room = room.expect("Linux reports the thread's stack");
            assert!(room > (3 << 20) && room <= (4 << 20), "{room}");
        }
    }
}
