//! The raw wasm interface itself: the imports the JS side provides, the exports it calls,
//! and [`RawImportHost`], the interpreter's [`Host`] over those imports. wasm32 only.
//!
//! ```text
//!   imports (module "stackswitch")             exports
//!   suspend(kind, ptr, len) -> u32  WAITS      stackswitch_alloc(len) -> ptr
//!   reply(ptr)                                 stackswitch_free(ptr, len)
//!   write(stream, ptr, len)                    stackswitch_session_new(config, len) -> session
//!   now(clock) -> f64                          stackswitch_session_run(session, src, len, bytes) -> result
//!   poll() -> u32                              stackswitch_session_fs(session, op, path, len,
//!     (0 go on | 1 interrupt | 2 yield)          data, len) -> answer (files, see core's fs.rs)
//!   file(op, path, len, data, len) -> u32      stackswitch_session_free(session)
//!   file_answer(ptr)   (host_files sessions only: the program's files are the host's)
//!
//!   config  = filename: str, u32 n, n × argv: str, max_seconds: f64, max_steps: f64,
//!             host_files: u8, u32 m, m × (key: str, value: str)
//!   src     = UTF-8 text (bytes = 0), or a source file's bytes, decoded as CPython
//!             decodes a file (bytes = 1: coding declarations, invalid UTF-8 is SyntaxError)
//!   result  = u32 length, then i32 status, u8 0 (ok) | u8 1, type: str, message: str, traceback: str
//! ```
//!
//! `suspend` "waits" as the backend's JS half makes it (see the crate header): it returns
//! the length of the reply only once there is one, and `reply` then copies it in.
//!
//! Invariant: the exports are the only entry points and each session is one boxed
//! [`Session`]; a pointer the JS side passes back is one these exports handed out.

use std::alloc::{alloc, dealloc, Layout};

use stackswitch_core::{
    Clock, Config, DelegatedFileSystem, Host, HostError, Interpreter, Poll, Reply, Stream,
    SuspendRequest,
};

use crate::wire;

#[link(wasm_import_module = "stackswitch")]
extern "C" {
    /// The suspension point: returns, however the backend waits, the length of the reply
    /// to the request in `ptr..ptr+len`, which [`reply`] then copies into linear memory.
    fn suspend(kind: u32, ptr: *const u8, len: usize) -> u32;
    /// Copy the reply of the last `suspend` (as many bytes as it returned) to `ptr`.
    fn reply(ptr: *mut u8);
    /// Program output: `stream` 0 is stdout, 1 is stderr; `ptr` is UTF-8.
    fn write(stream: u32, ptr: *const u8, len: usize);
    /// Seconds: `clock` 0 is the wall clock (epoch), 1 the monotonic clock.
    fn now(clock: u32) -> f64;
    /// What running code should do now: 0 go on, 1 raise `KeyboardInterrupt`, 2 yield.
    fn poll() -> u32;
    /// One file request (core's `file_request` numbers) on the host's files, answered at
    /// once in `serve_file_request`'s byte form; returns the answer's length, which
    /// [`file_answer`] then copies in. Only called for sessions with `host_files`.
    fn file(op: u32, path: *const u8, path_len: usize, data: *const u8, data_len: usize) -> u32;
    /// Copy the answer of the last `file` (as many bytes as it returned) to `ptr`.
    fn file_answer(ptr: *mut u8);
}

/// A host file request through the `file` imports.
fn host_file_request(op: u32, path: &str, data: &[u8]) -> Vec<u8> {
    // SAFETY: both buffers outlive the call; the driver only reads them during it.
    let len = unsafe { file(op, path.as_ptr(), path.len(), data.as_ptr(), data.len()) };
    let mut answer = vec![0u8; len as usize];
    // SAFETY: the driver writes exactly the `len` bytes it announced.
    unsafe { file_answer(answer.as_mut_ptr()) };
    answer
}

/// Live bytes are counted for the interpreter's memory limit (`Config::memory_limit`):
/// one instance per session in both backends, so the count is the session's.
#[global_allocator]
static ALLOCATOR: stackswitch_core::CountingAllocator = stackswitch_core::CountingAllocator;

/// [`Host`] over the imports above.
struct RawImportHost;

impl Host for RawImportHost {
    fn suspend(&mut self, request: SuspendRequest) -> Result<Reply, HostError> {
        let (kind, bytes) = wire::encode_request(&request);
        // SAFETY: `bytes` outlives the call (and, under Asyncify, stays alive while the
        // stack is unwound: unwinding skips destructors, rewinding restores the locals).
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

    fn poll(&mut self) -> Poll {
        // SAFETY: a plain import without pointers.
        match unsafe { poll() } {
            1 => Poll::Interrupt,
            2 => Poll::Yield,
            _ => Poll::Continue,
        }
    }
}

/// One interpreter and the result of its last run.
pub struct Session {
    interpreter: Interpreter,
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
    let config = Config {
        filename: settings.filename,
        argv: settings.argv,
        stack_budget: crate::STACK_BUDGET,
        limits: settings.limits,
        environ: settings.environ,
        ..Config::default()
    };
    let mut interpreter = Interpreter::new(config);
    if settings.host_files {
        interpreter.set_filesystem(Box::new(DelegatedFileSystem::new(host_file_request)));
    }
    crate::setup_session(&mut interpreter);
    Box::into_raw(Box::new(Session {
        interpreter,
        result: Vec::new(),
    }))
}

/// Run `source` in the session; returns the encoded result (valid until the next run).
/// Under Asyncify, while the program is suspended this returns with the state
/// "unwinding" and a meaningless value; the driver then calls it again, rewinding, with
/// the same arguments.
///
/// # Safety
/// `session` came from [`stackswitch_session_new`]; `source` points to `len` bytes
/// (UTF-8 text unless `file_bytes` is 1) that stay untouched until the run has finished.
#[no_mangle]
pub unsafe extern "C" fn stackswitch_session_run(
    session: *mut Session,
    source: *const u8,
    len: usize,
    file_bytes: u32,
) -> *const u8 {
    // SAFETY: guaranteed by the caller.
    let (session, source) = unsafe { (&mut *session, std::slice::from_raw_parts(source, len)) };
    let outcome = if file_bytes == 1 {
        session.interpreter.run_bytes(source, &mut RawImportHost)
    } else {
        session
            .interpreter
            .run(&String::from_utf8_lossy(source), &mut RawImportHost)
    };
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

/// The embedder's access to the session's files: one
/// [`stackswitch_core::serve_file_request`] on `path` (UTF-8) and `data`; returns its
/// answer, prefixed by its u32 length (valid until the next call). The JS side never calls
/// it while a run is in progress.
///
/// # Safety
/// `session` came from [`stackswitch_session_new`] and is not running; `path` and `data`
/// point to `path_len` and `data_len` readable bytes.
#[no_mangle]
pub unsafe extern "C" fn stackswitch_session_fs(
    session: *mut Session,
    op: u32,
    path: *const u8,
    path_len: usize,
    data: *const u8,
    data_len: usize,
) -> *const u8 {
    // SAFETY: guaranteed by the caller.
    let (session, path, data) = unsafe {
        (
            &mut *session,
            std::slice::from_raw_parts(path, path_len),
            std::slice::from_raw_parts(data, data_len),
        )
    };
    let path = String::from_utf8_lossy(path);
    let answer =
        stackswitch_core::serve_file_request(session.interpreter.filesystem(), op, &path, data);
    let result = &mut session.result;
    result.clear();
    result.extend_from_slice(&(answer.len() as u32).to_le_bytes());
    result.extend_from_slice(&answer);
    result.as_ptr()
}

/// Free the session.
///
/// # Safety
/// `session` came from [`stackswitch_session_new`], is not running or suspended, and is
/// not used afterwards.
#[no_mangle]
pub unsafe extern "C" fn stackswitch_session_free(session: *mut Session) {
    // SAFETY: guaranteed by the caller.
    drop(unsafe { Box::from_raw(session) });
}
