//! The module's raw wasm interface: the imports the JS driver provides, the exports it
//! calls, and the [`Host`] implementation over them. wasm32 only.
//!
//! ```text
//!   imports (module "stackswitch")             exports
//!   suspend(kind, ptr, len) -> u32  UNWINDS    stackswitch_alloc(len) -> ptr
//!   reply(ptr)                                 stackswitch_free(ptr, len)
//!   write(stream, ptr, len)                    stackswitch_session_new(config, len) -> session
//!   now(clock) -> f64                          stackswitch_session_run(session, src, len) -> result
//!   poll_interrupt() -> u32                    stackswitch_session_asyncify_data(session) -> ptr
//!                                              stackswitch_session_free(session)
//!                                              asyncify_{start,stop}_{unwind,rewind}, asyncify_get_state
//!                                                (added by wasm-opt --asyncify)
//!
//!   config  = filename: str, u32 n, n × argv: str, u32 asyncify buffer bytes (0: default)
//!   result  = u32 length, then i32 status, u8 0 (ok) | u8 1, type: str, message: str, traceback: str
//!   AsyncifyBuffer = [ u32 current | u32 end | saved frames ... ]   (Binaryen's layout)
//! ```
//!
//! Invariant: `suspend` is the only import listed in `asyncify-imports`; every other
//! import returns without suspending, so Asyncify need not instrument its callers.

use std::alloc::{alloc, dealloc, Layout};

use stackswitch_core::{
    Clock, Config, Host, HostError, Interpreter, Reply, Stream, SuspendRequest,
};

use crate::wire;

#[link(wasm_import_module = "stackswitch")]
extern "C" {
    /// The suspension point. Called normally, the driver starts answering the request
    /// and unwinds; called again while rewinding, it stops the rewind and returns the
    /// length of the reply, which [`reply`] then copies into linear memory.
    fn suspend(kind: u32, ptr: *const u8, len: usize) -> u32;
    /// Copy the reply of the last `suspend` (as many bytes as it returned) to `ptr`.
    fn reply(ptr: *mut u8);
    /// Program output: `stream` 0 is stdout, 1 is stderr; `ptr` is UTF-8.
    fn write(stream: u32, ptr: *const u8, len: usize);
    /// Seconds: `clock` 0 is the wall clock (epoch), 1 the monotonic clock.
    fn now(clock: u32) -> f64;
    /// Non-zero once the embedder asked to interrupt the program.
    fn poll_interrupt() -> u32;
}

/// [`Host`] over the imports above.
struct AsyncifyHost;

impl Host for AsyncifyHost {
    fn suspend(&mut self, request: SuspendRequest) -> Result<Reply, HostError> {
        let (kind, bytes) = wire::encode_request(&request);
        // SAFETY: `bytes` outlives the call (and stays alive while the stack is unwound:
        // unwinding skips destructors and rewinding restores this frame's locals).
        let len = unsafe { suspend(kind as u32, bytes.as_ptr(), bytes.len()) };
        let mut answer = vec![0u8; len as usize];
        // SAFETY: the driver writes exactly the `len` bytes it announced.
        unsafe { reply(answer.as_mut_ptr()) };
        wire::decode_reply(kind, &answer)
    }

    fn write(&mut self, stream: Stream, text: &str) {
        let stream = match stream {
            Stream::Stdout => 0,
            Stream::Stderr => 1,
        };
        // SAFETY: the driver only reads `text` during the call.
        unsafe { write(stream, text.as_ptr(), text.len()) }
    }

    fn now(&mut self, clock: Clock) -> f64 {
        // SAFETY: a plain import without pointers.
        unsafe {
            now(match clock {
                Clock::Wall => 0,
                Clock::Monotonic => 1,
            })
        }
    }

    fn poll_interrupt(&mut self) -> bool {
        // SAFETY: a plain import without pointers.
        unsafe { poll_interrupt() != 0 }
    }
}

/// The Asyncify data structure of one session, as Binaryen's pass expects it: two
/// pointers, then the space unwound frames are saved into (it grows upwards).
#[repr(C, align(8))]
struct AsyncifyBuffer {
    /// Where the next saved frame goes (reset by the driver before each unwind).
    current: u32,
    /// One past the last usable byte; `asyncify_stop_unwind` traps if `current` passed it.
    end: u32,
}

/// One interpreter, its Asyncify buffer, and the result of its last run.
pub struct Session {
    interpreter: Interpreter,
    asyncify: *mut AsyncifyBuffer,
    buffer_size: usize,
    result: Vec<u8>,
}

fn buffer_layout(size: usize) -> Layout {
    // Cannot fail: a non-zero size rounded to 8 well below isize::MAX.
    Layout::from_size_align(size.max(1), 8).unwrap_or(Layout::new::<u64>())
}

/// Allocate `len` bytes for the driver (requests it writes: source, config).
#[no_mangle]
pub extern "C" fn stackswitch_alloc(len: usize) -> *mut u8 {
    // SAFETY: the layout has a non-zero size.
    unsafe { alloc(buffer_layout(len)) }
}

/// Free what [`stackswitch_alloc`] returned.
///
/// # Safety
/// `ptr` came from `stackswitch_alloc(len)` with this `len` and is not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn stackswitch_free(ptr: *mut u8, len: usize) {
    // SAFETY: guaranteed by the caller.
    unsafe { dealloc(ptr, buffer_layout(len)) }
}

/// A new session from its encoded config; null if the config is malformed.
///
/// # Safety
/// `config` points to `len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn stackswitch_session_new(config: *const u8, len: usize) -> *mut Session {
    // SAFETY: guaranteed by the caller.
    let bytes = unsafe { std::slice::from_raw_parts(config, len) };
    let Some(settings) = wire::decode_config(bytes) else {
        return std::ptr::null_mut();
    };
    let buffer_size = match settings.asyncify_buffer_size {
        0 => crate::ASYNCIFY_BUFFER_SIZE,
        // At least the header; Binaryen's checks then report the overflow.
        n => (n as usize).max(std::mem::size_of::<AsyncifyBuffer>()),
    };
    let config = Config {
        filename: settings.filename,
        argv: settings.argv,
        stack_budget: crate::STACK_BUDGET,
        ..Config::default()
    };
    let layout = buffer_layout(buffer_size);
    // SAFETY: the layout has a non-zero size; the header is initialised right away.
    let asyncify = unsafe { alloc(layout) } as *mut AsyncifyBuffer;
    if asyncify.is_null() {
        return std::ptr::null_mut();
    }
    let start = asyncify as usize + std::mem::size_of::<AsyncifyBuffer>();
    // SAFETY: `asyncify` is a fresh allocation large enough for the header.
    unsafe {
        asyncify.write(AsyncifyBuffer {
            current: start as u32,
            end: (asyncify as usize + buffer_size) as u32,
        })
    };
    Box::into_raw(Box::new(Session {
        interpreter: Interpreter::new(config),
        asyncify,
        buffer_size,
        result: Vec::new(),
    }))
}

/// Run `source` in the session; returns the encoded result (valid until the next run).
/// While the program is suspended this returns with the Asyncify state "unwinding" and
/// a meaningless value; the driver then calls it again, rewinding, with the same
/// arguments (see the crate header).
///
/// # Safety
/// `session` came from [`stackswitch_session_new`]; `source` points to `len` bytes of
/// UTF-8 that stay untouched until the run has finished.
#[no_mangle]
pub unsafe extern "C" fn stackswitch_session_run(
    session: *mut Session,
    source: *const u8,
    len: usize,
) -> *const u8 {
    // SAFETY: guaranteed by the caller.
    let (session, source) = unsafe { (&mut *session, std::slice::from_raw_parts(source, len)) };
    let source = String::from_utf8_lossy(source);
    let outcome = session.interpreter.run(&source, &mut AsyncifyHost);
    let result = &mut session.result;
    result.clear();
    result.extend_from_slice(&[0; 4]);
    match outcome {
        Ok(()) => {
            result.extend_from_slice(&0i32.to_le_bytes());
            result.push(0);
        }
        Err(error) => {
            result.extend_from_slice(&error.exit_status().to_le_bytes());
            result.push(1);
            for text in [&error.type_name, &error.message, &error.traceback] {
                wire::put_str(result, text);
            }
        }
    }
    let body = (result.len() - 4) as u32;
    result[..4].copy_from_slice(&body.to_le_bytes());
    result.as_ptr()
}

/// The session's Asyncify data structure (see [`AsyncifyBuffer`]).
///
/// # Safety
/// `session` came from [`stackswitch_session_new`].
#[no_mangle]
pub unsafe extern "C" fn stackswitch_session_asyncify_data(session: *mut Session) -> *mut u8 {
    // SAFETY: guaranteed by the caller.
    unsafe { (*session).asyncify as *mut u8 }
}

/// Free the session.
///
/// # Safety
/// `session` came from [`stackswitch_session_new`], is not running or suspended, and is
/// not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn stackswitch_session_free(session: *mut Session) {
    // SAFETY: guaranteed by the caller.
    let session = unsafe { Box::from_raw(session) };
    // SAFETY: allocated in stackswitch_session_new with this layout.
    unsafe {
        dealloc(
            session.asyncify as *mut u8,
            buffer_layout(session.buffer_size),
        )
    };
}
