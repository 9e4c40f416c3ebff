//! stackswitch-jspi: the interpreter's suspension point on JS Promise Integration.
//!
//! ```text
//!   JS: await session.run(code)            (a WebAssembly.promising export, via wasm-bindgen)
//!         └─ wasm: Interpreter::run ─ eval_frame ─ ... ─ input()
//!                    └─ JspiHost::suspend(request)
//!                         ├─ bridge.request(kind, payload) ──► JS host handler ─► Promise
//!                         └─ jspi_block_on_promise(promise)   (the wasm stack is suspended;
//!                              the event loop runs; resumed with the settled value)
//! ```
//! All JSPI mechanics — the `WebAssembly.Suspending` import, the `promising` export, and
//! saving/restoring the Rust shadow stack of each suspended stack — are wasm-bindgen's
//! (`#[wasm_bindgen(jspi)]`, `js_sys::futures::jspi_block_on_promise`); this crate only
//! translates requests and replies. A module linking this does not compile on engines
//! without JSPI and exnref, so it is its own wasm artifact, loaded only after detection
//! (see `runtime/stackswitch.js`).
//!
//! Invariant: every way the JS side can fail — a rejected promise, a handler that throws
//! synchronously, a reply of the wrong shape — becomes a [`HostError`] (and so a Python
//! exception), never a trap.

#![allow(deprecated)] // wasm-bindgen marks its JSPI surface experimental with #[deprecated].

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use stackswitch_core::{
    Clock, Config, DelegatedFileSystem, FetchResponse, Host, HostError, HostErrorKind, HostValue,
    Interpreter, Poll, Reply, RunLimits, Stream, SuspendRequest,
};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// The JS half of a session (`runtime/stackswitch.js`): answers requests with
    /// promises and receives output.
    pub type HostBridge;

    /// Start answering a blocking request; `kind` is "input", "sleep", "fetch", "call",
    /// "module" (a standard module's source) or "yield" (settles after the event loop ran
    /// a macrotask).
    #[wasm_bindgen(method, catch)]
    fn request(this: &HostBridge, kind: &str, payload: &JsValue) -> Result<Promise, JsValue>;

    #[wasm_bindgen(method)]
    fn write(this: &HostBridge, stream: &str, text: &str);

    /// Seconds: `clock` is "wall" (epoch) or "monotonic".
    #[wasm_bindgen(method)]
    fn now(this: &HostBridge, clock: &str) -> f64;

    /// What running code should do now: 0 go on, 1 raise KeyboardInterrupt, 2 yield.
    #[wasm_bindgen(method)]
    fn poll(this: &HostBridge) -> u32;

    /// One file request of core's `file_request` set, answered synchronously in
    /// `serve_file_request`'s byte form: the program's files when they are the host's
    /// (`filesystem: "node"`).
    #[wasm_bindgen(method)]
    fn file(this: &HostBridge, op: u32, path: &str, data: &[u8]) -> Vec<u8>;
}

/// Live bytes are counted for the interpreters' memory limit (`Config::memory_limit`);
/// sessions of this module share its one instance's count.
#[global_allocator]
static ALLOCATOR: stackswitch_core::CountingAllocator = stackswitch_core::CountingAllocator;

/// [`Host`] over a [`HostBridge`]: suspends with JSPI on each request.
struct JspiHost<'a> {
    bridge: &'a HostBridge,
}

fn set(target: &Object, key: &str, value: &JsValue) {
    // Reflect.set on a plain object cannot fail.
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

fn get(source: &JsValue, key: &str) -> JsValue {
    Reflect::get(source, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn host_value_to_js(v: &HostValue) -> JsValue {
    match v {
        HostValue::None => JsValue::NULL,
        HostValue::Bool(b) => JsValue::from_bool(*b),
        HostValue::Int(i) => int_to_js(*i),
        HostValue::BigInt {
            negative,
            magnitude,
        } => big_int_to_js(*negative, magnitude),
        HostValue::Float(f) => JsValue::from_f64(*f),
        HostValue::Str(s) => JsValue::from_str(s),
        HostValue::Bytes(b) => Uint8Array::from(b.as_slice()).into(),
        HostValue::List(items) => items.iter().map(host_value_to_js).collect::<Array>().into(),
        HostValue::Dict(pairs) => {
            let o = Object::new();
            for (k, v) in pairs {
                set(&o, k, &host_value_to_js(v));
            }
            o.into()
        }
    }
}

/// 2**53 - 1: the integers a JS number holds exactly, so an int crosses as a number up to
/// there and as a `BigInt` beyond.
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// A Python int for JS: a number when |n| <= 2**53-1, else a `BigInt`.
fn int_to_js(i: i64) -> JsValue {
    if i.unsigned_abs() <= MAX_SAFE_INTEGER {
        JsValue::from_f64(i as f64)
    } else {
        js_sys::BigInt::from(i).into()
    }
}

/// A sign and little-endian magnitude as a JS integer (as [`int_to_js`] when it fits i64).
fn big_int_to_js(negative: bool, magnitude: &[u8]) -> JsValue {
    if let HostValue::Int(i) = integer(negative, magnitude) {
        return int_to_js(i);
    }
    let hex: String = magnitude.iter().rev().map(|b| format!("{b:02x}")).collect();
    let positive: js_sys::BigInt = JsValue::bigint_from_str(&format!("0x{hex}")).unchecked_into();
    if negative {
        (-positive).into()
    } else {
        positive.into()
    }
}

/// `Int` when sign and magnitude fit in an i64, else `BigInt` (the magnitude trimmed).
fn integer(negative: bool, magnitude: &[u8]) -> HostValue {
    let end = magnitude
        .iter()
        .rposition(|b| *b != 0)
        .map_or(0, |at| at + 1);
    let magnitude = &magnitude[..end];
    let mut value: u128 = 0;
    if magnitude.len() <= 8 {
        for byte in magnitude.iter().rev() {
            value = (value << 8) | u128::from(*byte);
        }
        let signed = if negative {
            -(value as i128)
        } else {
            value as i128
        };
        if let Ok(i) = i64::try_from(signed) {
            return HostValue::Int(i);
        }
    }
    HostValue::BigInt {
        negative,
        magnitude: magnitude.to_vec(),
    }
}

/// A JS `BigInt` as host data (an `Int` when it fits i64).
fn js_big_int_to_host(v: &js_sys::BigInt) -> Result<HostValue, HostError> {
    let text: String = v
        .to_string(16)
        .map_err(|_| failed("a BigInt in the host reply could not be read"))?
        .into();
    let (negative, digits) = match text.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, text.as_str()),
    };
    let digits = digits.as_bytes();
    let mut magnitude = Vec::with_capacity(digits.len() / 2 + 1);
    for pair in digits.rchunks(2) {
        let text = std::str::from_utf8(pair).map_err(|_| failed("malformed BigInt"))?;
        magnitude.push(u8::from_str_radix(text, 16).map_err(|_| failed("malformed BigInt"))?);
    }
    Ok(integer(negative, &magnitude))
}

/// A JS value as host data: numbers that are integers become ints (JS has one number
/// type), as do `BigInt`s; a `Uint8Array` becomes bytes.
fn js_to_host_value(v: &JsValue, depth: usize) -> Result<HostValue, HostError> {
    if depth > 100 {
        return Err(failed("host reply nested too deeply"));
    }
    if v.is_null() || v.is_undefined() {
        return Ok(HostValue::None);
    }
    if let Some(b) = v.as_bool() {
        return Ok(HostValue::Bool(b));
    }
    if let Some(f) = v.as_f64() {
        let int_like = f.fract() == 0.0 && f.abs() < 9.007_199_254_740_992e15;
        return Ok(if int_like {
            HostValue::Int(f as i64)
        } else {
            HostValue::Float(f)
        });
    }
    if let Some(s) = v.as_string() {
        return Ok(HostValue::Str(s));
    }
    if v.is_bigint() {
        return js_big_int_to_host(v.unchecked_ref());
    }
    if let Some(bytes) = v.dyn_ref::<Uint8Array>() {
        return Ok(HostValue::Bytes(bytes.to_vec()));
    }
    if Array::is_array(v) {
        let array: &Array = v.unchecked_ref();
        return array
            .iter()
            .map(|item| js_to_host_value(&item, depth + 1))
            .collect::<Result<_, _>>()
            .map(HostValue::List);
    }
    if v.is_object() {
        let mut pairs = Vec::new();
        for key in Object::keys(v.unchecked_ref::<Object>()).iter() {
            let name = key.as_string().unwrap_or_default();
            pairs.push((
                name,
                js_to_host_value(&get(v, &key.as_string().unwrap_or_default()), depth + 1)?,
            ));
        }
        return Ok(HostValue::Dict(pairs));
    }
    Err(failed("host reply is not JSON-like data"))
}

fn failed(message: &str) -> HostError {
    HostError::new(HostErrorKind::Failed, message)
}

/// A rejection reason as a host error. The runtime rejects with `{kind, message}` for
/// the kinds it knows; anything else thrown by a handler is `Failed` with its text.
fn rejection(reason: &JsValue) -> HostError {
    let kind = get(reason, "stackswitchKind").as_string();
    let message = get(reason, "message")
        .as_string()
        .or_else(|| reason.as_string())
        .unwrap_or_else(|| {
            js_sys::JSON::stringify(reason)
                .ok()
                .and_then(|s| s.as_string())
                .unwrap_or_else(|| "host handler failed".into())
        });
    let kind = match kind.as_deref() {
        Some("Interrupted") => HostErrorKind::Interrupted,
        Some("EndOfInput") => HostErrorKind::EndOfInput,
        Some("Network") => HostErrorKind::Network,
        Some("UnknownFunction") => HostErrorKind::UnknownFunction,
        Some("TimedOut") => HostErrorKind::TimedOut,
        _ => HostErrorKind::Failed,
    };
    HostError::new(kind, message)
}

fn request_payload(request: &SuspendRequest) -> (&'static str, JsValue) {
    let o = Object::new();
    let kind = match request {
        SuspendRequest::Input { prompt } => {
            set(&o, "prompt", &JsValue::from_str(prompt));
            "input"
        }
        SuspendRequest::Sleep { seconds } => {
            set(&o, "seconds", &JsValue::from_f64(*seconds));
            "sleep"
        }
        SuspendRequest::Fetch(f) => {
            set(&o, "url", &JsValue::from_str(&f.url));
            set(&o, "method", &JsValue::from_str(&f.method));
            let headers: Array = f
                .headers
                .iter()
                .map(|(k, v)| Array::of2(&JsValue::from_str(k), &JsValue::from_str(v)))
                .collect();
            set(&o, "headers", &headers);
            if let Some(body) = &f.body {
                set(&o, "body", &Uint8Array::from(body.as_slice()));
            }
            "fetch"
        }
        SuspendRequest::HostCall { name, args } => {
            set(&o, "name", &JsValue::from_str(name));
            set(
                &o,
                "args",
                &args.iter().map(host_value_to_js).collect::<Array>(),
            );
            "call"
        }
        SuspendRequest::Yield => "yield",
        SuspendRequest::ModuleSource { name } => {
            set(&o, "name", &JsValue::from_str(name));
            "module"
        }
    };
    (kind, o.into())
}

fn fetch_response(v: &JsValue) -> Result<Reply, HostError> {
    let status = get(v, "status")
        .as_f64()
        .ok_or_else(|| failed("fetch reply without a status"))?;
    let headers_js = get(v, "headers");
    let mut headers = Vec::new();
    if Array::is_array(&headers_js) {
        for pair in Array::from(&headers_js).iter() {
            let pair = Array::from(&pair);
            headers.push((
                pair.get(0).as_string().unwrap_or_default(),
                pair.get(1).as_string().unwrap_or_default(),
            ));
        }
    }
    let body = get(v, "body");
    let body = if body.is_instance_of::<Uint8Array>() {
        Uint8Array::from(body).to_vec()
    } else {
        Vec::new()
    };
    Ok(Reply::Response(FetchResponse {
        status: status as u16,
        reason: get(v, "reason").as_string().unwrap_or_default(),
        url: get(v, "url").as_string().unwrap_or_default(),
        headers,
        body,
    }))
}

impl Host for JspiHost<'_> {
    fn suspend(&mut self, request: SuspendRequest) -> Result<Reply, HostError> {
        let (kind, payload) = request_payload(&request);
        let promise = self
            .bridge
            .request(kind, &payload)
            .map_err(|e| rejection(&e))?;
        let value = js_sys::futures::jspi_block_on_promise(&promise).map_err(|e| rejection(&e))?;
        match request {
            SuspendRequest::Input { .. } => value
                .as_string()
                .map(Reply::Text)
                .ok_or_else(|| failed("input handler did not resolve to a string")),
            SuspendRequest::ModuleSource { .. } => value
                .as_string()
                .map(Reply::Text)
                .ok_or_else(|| failed("module handler did not resolve to a string")),
            SuspendRequest::Sleep { .. } | SuspendRequest::Yield => Ok(Reply::Done),
            SuspendRequest::Fetch(_) => fetch_response(&value),
            SuspendRequest::HostCall { .. } => js_to_host_value(&value, 0).map(Reply::Value),
        }
    }

    fn write(&mut self, stream: Stream, text: &str) {
        self.bridge.write(
            if stream == Stream::Stdout {
                "stdout"
            } else {
                "stderr"
            },
            text,
        );
    }

    fn now(&mut self, clock: Clock) -> f64 {
        self.bridge.now(if clock == Clock::Wall {
            "wall"
        } else {
            "monotonic"
        })
    }

    fn poll(&mut self) -> Poll {
        match self.bridge.poll() {
            1 => Poll::Interrupt,
            2 => Poll::Yield,
            _ => Poll::Continue,
        }
    }
}

/// The shadow stack the module is linked with (see build.rs).
pub const SHADOW_STACK_SIZE: usize = 8 * 1024 * 1024;

/// What every new session does to its interpreter (see [`set_session_setup`]).
static SESSION_SETUP: std::sync::OnceLock<fn(&mut Interpreter)> = std::sync::OnceLock::new();

/// Have every [`Session`] created from now on call `setup` on its new interpreter, e.g.
/// to add the embedder's Rust modules ([`Interpreter::add_module`]). The first call wins.
/// An embedder calls it from the export `stackswitch_init`, which the JS runtime calls,
/// if the module has it, once per instance before creating sessions (the facade crate's
/// `stackswitch::session_setup!` defines that export).
pub fn set_session_setup(setup: fn(&mut Interpreter)) {
    let _ = SESSION_SETUP.set(setup);
}

/// One interpreter and its host bridge. Each session has its own globals; several may
/// be suspended at once (JSPI gives each `run` its own stack).
#[wasm_bindgen]
pub struct Session {
    interpreter: Interpreter,
    bridge: HostBridge,
}

#[wasm_bindgen]
impl Session {
    /// `filename` is what tracebacks show; `argv` becomes `sys.argv`; `max_seconds` and
    /// `max_steps` bound every run (see [`RunLimits`]); with `host_files` the program's
    /// files are the bridge's (`HostBridge::file`), else an in-memory filesystem;
    /// `environ` is `os.environ`, as keys and values alternating.
    #[wasm_bindgen(constructor)]
    pub fn new(
        bridge: HostBridge,
        filename: String,
        argv: Vec<String>,
        max_seconds: Option<f64>,
        max_steps: Option<f64>,
        host_files: bool,
        environ: Vec<String>,
    ) -> Session {
        // Leave a quarter of the shadow stack for what runs outside eval_frame's budget.
        let config = Config {
            filename,
            argv,
            stack_budget: SHADOW_STACK_SIZE / 4 * 3,
            limits: RunLimits {
                max_seconds,
                max_steps: max_steps.map(|steps| steps as u64),
            },
            environ: environ
                .chunks_exact(2)
                .map(|pair| (pair[0].clone(), pair[1].clone()))
                .collect(),
            ..Config::default()
        };
        let mut interpreter = Interpreter::new(config);
        if host_files {
            let files: HostBridge = JsValue::clone(&bridge).unchecked_into();
            interpreter.set_filesystem(Box::new(DelegatedFileSystem::new(
                move |op, path: &str, data: &[u8]| files.file(op, path, data),
            )));
        }
        if let Some(setup) = SESSION_SETUP.get() {
            setup(&mut interpreter);
        }
        Session {
            interpreter,
            bridge,
        }
    }

    /// Run `source`; resolves to `{ status, type?, message?, traceback? }` (status as
    /// `python3` would exit). Returns a Promise in JS (a JSPI export).
    #[wasm_bindgen(jspi)]
    pub fn run(&mut self, source: String) -> JsValue {
        let mut host = JspiHost {
            bridge: &self.bridge,
        };
        let result = self.interpreter.run(&source, &mut host);
        run_result(result)
    }

    /// [`Session::run`] for a source file's bytes, decoded as CPython decodes a file
    /// (coding declarations; invalid UTF-8 or a NUL byte is a SyntaxError).
    #[wasm_bindgen(jspi, js_name = runBytes)]
    pub fn run_bytes(&mut self, source: Vec<u8>) -> JsValue {
        let mut host = JspiHost {
            bridge: &self.bridge,
        };
        let result = self.interpreter.run_bytes(&source, &mut host);
        run_result(result)
    }

    /// The embedder's access to the program's files: one
    /// [`stackswitch_core::serve_file_request`] (`op` from `file_request`), answered in
    /// its byte form. Never called while a run is in progress (the runtime queues it).
    pub fn fs(&mut self, op: u32, path: String, data: Vec<u8>) -> Vec<u8> {
        stackswitch_core::serve_file_request(self.interpreter.filesystem(), op, &path, &data)
    }
}

/// A run's outcome as the runtime reads it: `{ status, type?, message?, traceback? }`.
fn run_result(result: Result<(), stackswitch_core::Error>) -> JsValue {
    let out = Object::new();
    match result {
        Ok(()) => set(&out, "status", &JsValue::from_f64(0.0)),
        Err(e) => {
            set(&out, "status", &JsValue::from_f64(e.exit_status() as f64));
            set(&out, "type", &JsValue::from_str(&e.type_name));
            set(&out, "message", &JsValue::from_str(&e.message));
            set(&out, "traceback", &JsValue::from_str(&e.traceback));
        }
    }
    out.into()
}
