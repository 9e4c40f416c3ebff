//! The one suspension abstraction between the interpreter and whatever hosts it.
//!
//! Every builtin that must wait for the outside world — `input()`, `time.sleep()`,
//! `urllib.request.urlopen()`, `host.call()` — builds a [`SuspendRequest`] and hands it
//! to [`Host::suspend`], which returns only when the host has answered. *How* the host
//! waits is the backend's business:
//!
//! - native: it simply blocks (reads stdin, sleeps, does the HTTP request);
//! - JSPI: a `WebAssembly.Suspending` import suspends the whole wasm stack;
//! - Asyncify: the wasm unwinds its own stack to the event loop and rewinds later;
//! - worker: the worker thread blocks on `Atomics.wait` while the main thread answers.
//!
//! Invariant: the interpreter never knows which of these it runs on. A call to
//! [`Host::suspend`] may take any time and may happen at any Python call depth; the
//! interpreter holds no borrow of its own state across it that a re-entrant call could
//! observe (the host never calls back into the same interpreter while suspended).
//!
//! Everything else a host provides is non-blocking and cheap: output ([`Host::write`]),
//! clocks ([`Host::now`]) and the periodic [`Host::poll`], which lets a host interrupt
//! running code or ask it to yield:
//!
//! ```text
//!   eval loop, every POLL_INTERVAL instructions ── host.poll() ──► Poll::Continue
//!                                                             ├─► Poll::Interrupt → KeyboardInterrupt
//!                                                             └─► Poll::Yield ──► host.suspend(Yield)
//!                        (the host lets its event loop run — timers, clicks, Stop — and replies Done)
//! ```
//!
//! A yield is an ordinary suspension, so it costs every backend nothing new: a host on a
//! browser's main thread (JSPI, Asyncify) yields every few milliseconds so that the page
//! stays responsive and a Stop button's `interrupt()` can run; a host that owns its thread
//! (native, a worker) never needs to.

use std::fmt;

/// Where a chunk of program output goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stream {
    /// `sys.stdout`, where `print()` writes by default.
    Stdout,
    /// `sys.stderr`, where tracebacks and `print(..., file=sys.stderr)` go.
    Stderr,
}

/// Which clock [`Host::now`] reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Clock {
    /// Seconds since the Unix epoch (`time.time()`).
    Wall,
    /// Seconds from an arbitrary start that never goes back (`time.monotonic()`, `time.perf_counter()`).
    Monotonic,
}

/// A blocking request from Python code to the host: plain data, so that every backend can
/// serialise it (across a JS boundary or a shared buffer) without knowing the interpreter.
#[derive(Clone, Debug, PartialEq)]
pub enum SuspendRequest {
    /// `input(prompt)`: reply with [`Reply::Text`], the line without its newline.
    /// The prompt has not been written anywhere yet; the host shows it (CPython writes it to stdout).
    Input {
        /// What `input()` was given to show.
        prompt: String,
    },
    /// `time.sleep(seconds)`: reply with [`Reply::Done`] once the time has passed.
    Sleep {
        /// How long, never negative.
        seconds: f64,
    },
    /// `urllib.request.urlopen(...)`: reply with [`Reply::Response`], whatever its status.
    Fetch(FetchRequest),
    /// `host.call(name, *args)`: a blocking function the embedder registered by name;
    /// reply with [`Reply::Value`].
    HostCall {
        /// The function's name, as the embedder registered it.
        name: String,
        /// The positional arguments, as plain data.
        args: Vec<HostValue>,
    },
    /// `import name` of a standard module written in Python whose source is not compiled
    /// into this interpreter (built without the `frozen-stdlib` feature): reply with
    /// [`Reply::Text`], the source of `py/<name>.py` of the same version (the JS runtime
    /// fetches `stdlib/<name>.py` beside itself). Any error makes the import raise
    /// `ImportError`.
    ModuleSource {
        /// The module's name (`collections`).
        name: String,
    },
    /// Running code offers the host its thread because [`Host::poll`] said
    /// [`Poll::Yield`]: let other work run (a browser's event loop: a macrotask, not a
    /// microtask), then reply with [`Reply::Done`]. An error reply (`Interrupted`) raises
    /// in the running code at this point.
    Yield,
}

/// What the running code should do, as [`Host::poll`] decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Poll {
    /// Go on running.
    Continue,
    /// Raise `KeyboardInterrupt` here (the embedder called interrupt, the user pressed Ctrl-C).
    Interrupt,
    /// Suspend with [`SuspendRequest::Yield`] to let the host's other work run.
    Yield,
}

/// An HTTP request as `urlopen` builds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchRequest {
    /// The absolute URL.
    pub url: String,
    /// `GET` unless a body is given (then `POST`), as in CPython; or the `method=` given.
    pub method: String,
    /// Request headers, in order, names as the program gave them.
    pub headers: Vec<(String, String)>,
    /// The request body (`data=`), if any.
    pub body: Option<Vec<u8>>,
}

/// The largest response body a host accepts by default, 64 MiB: the native runner and the
/// JS runtime (`maxResponseBytes`) both refuse larger ones with a `Network` error, so
/// `URLError`. A sixteenth of [`crate::DEFAULT_MEMORY_LIMIT`], because a body is held a
/// few times over on its way into Python (read buffer, reply, `bytes`, decoded `str`).
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 64 << 20;

/// The `Network` error message for a body past `limit` bytes, the same on every host.
pub fn response_too_large(limit: usize) -> String {
    format!("response body larger than the limit of {limit} bytes (maxResponseBytes)")
}

/// An HTTP response; statuses of 400 and above become `urllib.error.HTTPError` in Python.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchResponse {
    /// The HTTP status code.
    pub status: u16,
    /// The status line's reason phrase (`OK`, `Not Found`).
    pub reason: String,
    /// The final URL after redirects.
    pub url: String,
    /// Response headers, in order.
    pub headers: Vec<(String, String)>,
    /// The whole body.
    pub body: Vec<u8>,
}

/// The host's answer to a [`SuspendRequest`].
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// The answer to `Input` and `ModuleSource`.
    Text(String),
    /// The answer to `Sleep` and `Yield`.
    Done,
    /// The answer to `Fetch`.
    Response(FetchResponse),
    /// The answer to `HostCall`.
    Value(HostValue),
}

/// A JSON-like value crossing the host boundary (arguments and results of `host.call`),
/// losslessly: every Python int, bytes and str-keyed dict keeps its value both ways (the
/// JS runtime maps ints beyond 2**53-1 to `BigInt`, bytes to `Uint8Array`).
#[derive(Clone, Debug, PartialEq)]
pub enum HostValue {
    /// Python `None`; JS `null` (and `undefined` in a reply).
    None,
    /// `bool`.
    Bool(bool),
    /// An `int` that fits in 64 bits.
    Int(i64),
    /// An `int` of any size, as sign and magnitude: little-endian bytes of |n| (trailing
    /// zero bytes allowed). Python sends it for ints beyond 64 bits; a host may send any.
    BigInt {
        /// Whether the number is below zero (ignored when the magnitude is zero).
        negative: bool,
        /// |n|, least significant byte first.
        magnitude: Vec<u8>,
    },
    /// `float`.
    Float(f64),
    /// `str`.
    Str(String),
    /// `bytes` (and `bytearray`, sent as bytes); a reply's bytes become `bytes`.
    Bytes(Vec<u8>),
    /// A `list` or `tuple`; a reply's list becomes a `list`.
    List(Vec<HostValue>),
    /// A `dict` with `str` keys, in order.
    Dict(Vec<(String, HostValue)>),
}

/// Why the host could not answer; each kind becomes one Python exception.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HostErrorKind {
    /// The user or embedder stopped the program: `KeyboardInterrupt`.
    Interrupted,
    /// `input()` found no more input: `EOFError`.
    EndOfInput,
    /// `urlopen` could not reach the server (DNS, refused, CORS...): `urllib.error.URLError`.
    Network,
    /// `host.call` named a function the embedder did not register: `LookupError`.
    UnknownFunction,
    /// Any other failure of a host handler (a rejected promise, a thrown exception): `OSError`.
    Failed,
    /// The host ended the wait because the run's time limit passed (the JS runtime's
    /// `timeoutMs`): the run ends as for an exceeded [`crate::RunLimits`] limit.
    TimedOut,
}

/// A failure reported by the host instead of a [`Reply`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HostError {
    /// Which failure, so which Python exception.
    pub kind: HostErrorKind,
    /// The exception's message.
    pub message: String,
}

impl HostError {
    /// An error of this kind with this message.
    pub fn new(kind: HostErrorKind, message: impl Into<String>) -> Self {
        HostError {
            kind,
            message: message.into(),
        }
    }
}

impl fmt::Display for HostError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.message)
    }
}

impl std::error::Error for HostError {}

/// What the interpreter needs from its embedder.
///
/// [`Host::suspend`] is the suspension point every backend implements; the other methods
/// must return promptly without suspending.
pub trait Host {
    /// Hand `request` to the host and wait — however this backend waits — for its reply.
    fn suspend(&mut self, request: SuspendRequest) -> Result<Reply, HostError>;

    /// Program output, in order. Called for every `print()`; the host may buffer, but must
    /// have delivered everything written before it shows the prompt of a following `Input`.
    fn write(&mut self, stream: Stream, text: &str);

    /// `print(..., flush=True)`, `sys.stdout.flush()`: deliver whatever output the host
    /// buffers now. The default does nothing, for hosts that deliver at once.
    fn flush(&mut self) {}

    /// Read a clock, in seconds. The default is a clock that never moves, for hosts without one.
    fn now(&mut self, clock: Clock) -> f64 {
        let _ = clock;
        0.0
    }

    /// Polled every few thousand bytecode instructions (about every 0.1-1 ms of running
    /// code) and in long-running builtins: lets a host stop CPU-bound loops that never
    /// suspend ([`Poll::Interrupt`]) and, by answering [`Poll::Yield`] once its time slice
    /// is used up, give its thread back now and then. Must be cheap: read a flag, maybe a
    /// clock.
    fn poll(&mut self) -> Poll {
        Poll::Continue
    }
}
