//! [`NativeHost`]: the [`Host`] that simply blocks the calling thread for every request.
//!
//! `Input` reads a line from the given reader, `Sleep` sleeps, `Fetch` does the HTTP
//! request (see [`crate::fetch`]), `HostCall` runs a function registered with
//! [`NativeHost::register`]. Output goes to the given writers: stdout is buffered (block
//! buffered like CPython's piped stdout, or line buffered on request, like a terminal's),
//! stderr is written through at once.
//!
//! Every wait — a line of stdin, a sleep — watches the interrupt flag (set from a signal
//! handler on Ctrl-C), so `KeyboardInterrupt` reaches a pending `input()` and
//! `time.sleep()` too: lines are read on a helper thread while `input()` waits for them
//! in short slices. The host owns its thread, so it never asks running code to yield.
//!
//! Invariant: everything written to stdout has reached the underlying writer before an
//! `Input` prompt is read from, and again when [`NativeHost::flush`] is called (the
//! runner calls it at exit; dropping the host flushes too).

use std::collections::HashMap;
use std::fmt;
use std::io::{BufRead, BufWriter, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use stackswitch_core::{
    Clock, Host, HostError, HostErrorKind, HostValue, Poll, Reply, Stream, SuspendRequest,
};

use crate::fetch::HttpClient;

/// A blocking function Python code can call as `host.call(name, *args)`.
///
/// `Send` because the runner moves the host onto the interpreter's big-stack thread.
pub type HostFunction = Box<dyn FnMut(Vec<HostValue>) -> Result<HostValue, HostError> + Send>;

/// Longest uninterrupted stretch of a wait (`time.sleep()`, `input()`), so that the
/// interrupt flag is noticed.
const SLEEP_SLICE: Duration = Duration::from_millis(20);

/// Where `input()` lines come from: the reader itself until the first `input()`, then a
/// helper thread that reads one line per request, so that the wait can be interrupted.
enum LineSource {
    Reader(Box<dyn BufRead + Send>),
    Thread {
        requests: Sender<()>,
        lines: Receiver<std::io::Result<Vec<u8>>>,
        /// A line was requested and has not been received yet (an interrupted `input()`
        /// leaves it for the next one).
        outstanding: bool,
        /// A line received together with an interrupt, for the next `input()`.
        received: Option<std::io::Result<Vec<u8>>>,
    },
    /// The reader's thread is gone (it could not be started, or it ended).
    Closed,
}

impl LineSource {
    /// The next line with its `\n` (empty at end of input), waiting in slices of
    /// [`SLEEP_SLICE`] and giving up with `Interrupted` when `interrupted()` says so.
    fn next_line(&mut self, mut interrupted: impl FnMut() -> bool) -> Result<Vec<u8>, HostError> {
        if let LineSource::Reader(_) = self {
            let LineSource::Reader(mut reader) = std::mem::replace(self, LineSource::Closed) else {
                unreachable!()
            };
            let (requests, wanted) = mpsc::channel::<()>();
            let (send_line, lines) = mpsc::channel();
            let spawned = std::thread::Builder::new()
                .name("stackswitch-stdin".into())
                .spawn(move || {
                    for () in wanted {
                        let mut line = Vec::new();
                        let read = reader.read_until(b'\n', &mut line).map(|_| line);
                        if send_line.send(read).is_err() {
                            break;
                        }
                    }
                });
            if spawned.is_ok() {
                *self = LineSource::Thread {
                    requests,
                    lines,
                    outstanding: false,
                    received: None,
                };
            }
        }
        let LineSource::Thread {
            requests,
            lines,
            outstanding,
            received,
        } = self
        else {
            return Ok(Vec::new());
        };
        let failed =
            |error: std::io::Error| HostError::new(HostErrorKind::Failed, error.to_string());
        if let Some(line) = received.take() {
            return line.map_err(failed);
        }
        if !*outstanding {
            if requests.send(()).is_err() {
                return Ok(Vec::new());
            }
            *outstanding = true;
        }
        loop {
            if interrupted() {
                return Err(HostError::new(HostErrorKind::Interrupted, ""));
            }
            match lines.recv_timeout(SLEEP_SLICE) {
                Ok(line) => {
                    *outstanding = false;
                    // A Ctrl-C that came with the line wins, as in CPython (signal
                    // handlers run before input() returns); the line waits.
                    if interrupted() {
                        *received = Some(line);
                        return Err(HostError::new(HostErrorKind::Interrupted, ""));
                    }
                    return line.map_err(failed);
                }
                Err(RecvTimeoutError::Timeout) => {}
                Err(RecvTimeoutError::Disconnected) => {
                    *self = LineSource::Closed;
                    return Ok(Vec::new());
                }
            }
        }
    }
}

/// The native host: blocks for real on stdin, the clock and the network.
pub struct NativeHost {
    stdin: LineSource,
    stdout: BufWriter<Box<dyn Write + Send>>,
    stderr: Box<dyn Write + Send>,
    line_buffered: bool,
    functions: HashMap<String, HostFunction>,
    interrupt: Arc<AtomicBool>,
    http: HttpClient,
    started: Instant,
}

impl fmt::Debug for NativeHost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut names: Vec<&str> = self.functions.keys().map(String::as_str).collect();
        names.sort_unstable();
        f.debug_struct("NativeHost")
            .field("line_buffered", &self.line_buffered)
            .field("functions", &names)
            .field("interrupted", &self.interrupt.load(Ordering::Relaxed))
            .finish_non_exhaustive()
    }
}

impl NativeHost {
    /// A host reading `input()` lines from `stdin` and writing program output to `stdout`
    /// (block buffered) and `stderr` (unbuffered).
    pub fn new(
        stdin: Box<dyn BufRead + Send>,
        stdout: Box<dyn Write + Send>,
        stderr: Box<dyn Write + Send>,
    ) -> Self {
        NativeHost {
            stdin: LineSource::Reader(stdin),
            stdout: BufWriter::new(stdout),
            stderr,
            line_buffered: false,
            functions: HashMap::new(),
            interrupt: Arc::new(AtomicBool::new(false)),
            http: HttpClient::default(),
            started: Instant::now(),
        }
    }

    /// Flush stdout at every newline, as CPython does when stdout is a terminal.
    pub fn line_buffered(mut self, line_buffered: bool) -> Self {
        self.line_buffered = line_buffered;
        self
    }

    /// Refuse `urlopen` response bodies larger than `bytes` with `URLError` (default
    /// [`stackswitch_core::DEFAULT_MAX_RESPONSE_BYTES`]); the body is read up to there only.
    pub fn max_response_bytes(mut self, bytes: usize) -> Self {
        self.http.max_body_bytes = bytes;
        self
    }

    /// Let `urlopen` reach only these origins (`"http://127.0.0.1:8000"`), redirects
    /// included (each hop is checked before it is requested); another one raises
    /// `URLError` naming it. Entries that are not `http`/`https` origins match nothing.
    pub fn allowed_origins<S: AsRef<str>>(mut self, origins: impl IntoIterator<Item = S>) -> Self {
        let origins = origins
            .into_iter()
            .filter_map(|origin| crate::fetch::Origin::of(origin.as_ref()))
            .collect();
        self.http.allowed_origins = Some(origins);
        self
    }

    /// Make `host.call(name, ...)` call `function`, replacing any function of that name.
    pub fn register(&mut self, name: impl Into<String>, function: HostFunction) {
        self.functions.insert(name.into(), function);
    }

    /// The flag behind [`Host::poll`]: set it (from any thread, e.g. a signal handler's)
    /// to raise `KeyboardInterrupt` in the running program or its pending `input()` or
    /// `time.sleep()`; it is cleared when seen.
    pub fn interrupt_flag(&self) -> Arc<AtomicBool> {
        Arc::clone(&self.interrupt)
    }

    /// Deliver buffered stdout and flush stderr. Write errors (a closed pipe) are ignored,
    /// as there is nowhere left to report them.
    pub fn flush(&mut self) {
        let _ = self.stdout.flush();
        let _ = self.stderr.flush();
    }

    /// Write straight to stderr: the runner's own messages (tracebacks, internal errors).
    pub fn write_stderr(&mut self, text: &str) {
        let _ = self.stderr.write_all(text.as_bytes());
        let _ = self.stderr.flush();
    }

    /// The interactive loop's next line, with its newline: `prompt` on stderr once
    /// stdout's buffered output is out (as CPython's REPL prompts); `Ok(None)` at end of
    /// input, an `Interrupted` error when Ctrl-C came first.
    pub fn read_interactive_line(&mut self, prompt: &str) -> Result<Option<String>, HostError> {
        let _ = self.stdout.flush();
        let _ = self.stderr.write_all(prompt.as_bytes());
        let _ = self.stderr.flush();
        let interrupt = Arc::clone(&self.interrupt);
        let line = self
            .stdin
            .next_line(|| interrupt.swap(false, Ordering::SeqCst))?;
        if line.is_empty() {
            return Ok(None);
        }
        Ok(Some(String::from_utf8_lossy(&line).into_owned()))
    }

    fn take_interrupt(&self) -> bool {
        self.interrupt.swap(false, Ordering::SeqCst)
    }

    fn input(&mut self, prompt: &str) -> Result<Reply, HostError> {
        let _ = self.stdout.write_all(prompt.as_bytes());
        let _ = self.stdout.flush();
        let interrupt = Arc::clone(&self.interrupt);
        let mut line = self
            .stdin
            .next_line(|| interrupt.swap(false, Ordering::SeqCst))?;
        if line.is_empty() {
            return Err(HostError::new(
                HostErrorKind::EndOfInput,
                "EOF when reading a line",
            ));
        }
        if line.last() == Some(&b'\n') {
            line.pop();
            if line.last() == Some(&b'\r') {
                line.pop();
            }
        }
        Ok(Reply::Text(String::from_utf8_lossy(&line).into_owned()))
    }

    fn sleep(&mut self, seconds: f64) -> Result<Reply, HostError> {
        // The interpreter rejects negative and NaN lengths; anything else unrepresentable
        // (huge values) sleeps "forever", in slices, until interrupted.
        let total = if seconds.is_nan() || seconds <= 0.0 {
            Duration::ZERO
        } else {
            Duration::try_from_secs_f64(seconds).unwrap_or(Duration::MAX)
        };
        let deadline = Instant::now().checked_add(total);
        loop {
            if self.take_interrupt() {
                return Err(HostError::new(HostErrorKind::Interrupted, ""));
            }
            let now = Instant::now();
            let left = match deadline {
                Some(deadline) if deadline <= now => return Ok(Reply::Done),
                Some(deadline) => deadline - now,
                None => SLEEP_SLICE,
            };
            std::thread::sleep(left.min(SLEEP_SLICE));
        }
    }

    fn host_call(&mut self, name: &str, args: Vec<HostValue>) -> Result<Reply, HostError> {
        match self.functions.get_mut(name) {
            Some(function) => function(args).map(Reply::Value),
            None => Err(HostError::new(
                HostErrorKind::UnknownFunction,
                format!("no host function named {name:?}"),
            )),
        }
    }
}

impl Drop for NativeHost {
    fn drop(&mut self) {
        self.flush();
    }
}

impl Host for NativeHost {
    fn suspend(&mut self, request: SuspendRequest) -> Result<Reply, HostError> {
        match request {
            SuspendRequest::Input { prompt } => self.input(&prompt),
            SuspendRequest::Sleep { seconds } => self.sleep(seconds),
            SuspendRequest::Fetch(request) => self.http.fetch(&request).map(Reply::Response),
            SuspendRequest::HostCall { name, args } => self.host_call(&name, args),
            // Never asked for (poll never says Yield): nothing else waits for this thread.
            SuspendRequest::Yield => Ok(Reply::Done),
            // Never asked for either: this crate links core with its frozen standard library.
            SuspendRequest::ModuleSource { name } => Err(HostError::new(
                HostErrorKind::Failed,
                format!("the native host serves no module sources (asked for {name})"),
            )),
        }
    }

    fn write(&mut self, stream: Stream, text: &str) {
        match stream {
            Stream::Stdout => {
                let _ = self.stdout.write_all(text.as_bytes());
                if self.line_buffered && text.contains('\n') {
                    let _ = self.stdout.flush();
                }
            }
            Stream::Stderr => {
                let _ = self.stderr.write_all(text.as_bytes());
                let _ = self.stderr.flush();
            }
        }
    }

    fn now(&mut self, clock: Clock) -> f64 {
        match clock {
            Clock::Wall => SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0.0, |since| since.as_secs_f64()),
            Clock::Monotonic => self.started.elapsed().as_secs_f64(),
        }
    }

    fn flush(&mut self) {
        NativeHost::flush(self);
    }

    fn poll(&mut self) -> Poll {
        if self.take_interrupt() {
            Poll::Interrupt
        } else {
            Poll::Continue
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;
    use std::sync::Mutex;

    /// A writer whose bytes the test can read afterwards.
    #[derive(Clone, Default)]
    struct Shared(Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0
                .lock()
                .map_err(|_| std::io::ErrorKind::Other)?
                .extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    impl Shared {
        fn text(&self) -> String {
            String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
        }
    }

    fn host_with_stdin(stdin: &str) -> (NativeHost, Shared, Shared) {
        let (out, err) = (Shared::default(), Shared::default());
        let host = NativeHost::new(
            Box::new(Cursor::new(stdin.as_bytes().to_vec())),
            Box::new(out.clone()),
            Box::new(err.clone()),
        );
        (host, out, err)
    }

    fn input(host: &mut NativeHost, prompt: &str) -> Result<Reply, HostError> {
        host.suspend(SuspendRequest::Input {
            prompt: prompt.into(),
        })
    }

    #[test]
    fn input_reads_lines_without_their_newline() {
        let (mut host, out, _) = host_with_stdin("Ada\r\nLovelace\n\nlast");
        assert_eq!(input(&mut host, "? "), Ok(Reply::Text("Ada".into())));
        assert_eq!(input(&mut host, ""), Ok(Reply::Text("Lovelace".into())));
        assert_eq!(input(&mut host, ""), Ok(Reply::Text(String::new())));
        assert_eq!(input(&mut host, ""), Ok(Reply::Text("last".into())));
        let eof = input(&mut host, "> ").unwrap_err();
        assert_eq!(eof.kind, HostErrorKind::EndOfInput);
        assert_eq!(eof.message, "EOF when reading a line");
        assert_eq!(out.text(), "? > ");
    }

    #[test]
    fn stdout_is_flushed_before_a_prompt_and_buffered_otherwise() {
        let (mut host, out, err) = host_with_stdin("x\n");
        host.write(Stream::Stdout, "before\n");
        assert_eq!(
            out.text(),
            "",
            "block buffered until something forces a flush"
        );
        host.write(Stream::Stderr, "oops\n");
        assert_eq!(err.text(), "oops\n", "stderr is unbuffered");
        input(&mut host, "name: ").unwrap();
        assert_eq!(out.text(), "before\nname: ");
        host.write(Stream::Stdout, "after");
        drop(host);
        assert_eq!(out.text(), "before\nname: after");
    }

    #[test]
    fn line_buffered_stdout_flushes_at_newlines() {
        let (host, out, _) = host_with_stdin("");
        let mut host = host.line_buffered(true);
        host.write(Stream::Stdout, "partial");
        assert_eq!(out.text(), "");
        host.write(Stream::Stdout, " line\n");
        assert_eq!(out.text(), "partial line\n");
    }

    #[test]
    fn sleep_waits_and_can_be_interrupted() {
        let (mut host, _, _) = host_with_stdin("");
        let start = Instant::now();
        assert_eq!(
            host.suspend(SuspendRequest::Sleep { seconds: 0.05 }),
            Ok(Reply::Done)
        );
        assert!(start.elapsed() >= Duration::from_millis(50));
        assert_eq!(
            host.suspend(SuspendRequest::Sleep { seconds: 0.0 }),
            Ok(Reply::Done)
        );
        assert_eq!(
            host.suspend(SuspendRequest::Sleep { seconds: f64::NAN }),
            Ok(Reply::Done)
        );

        let flag = host.interrupt_flag();
        let setter = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            flag.store(true, Ordering::SeqCst);
        });
        let start = Instant::now();
        let stopped = host.suspend(SuspendRequest::Sleep {
            seconds: f64::INFINITY,
        });
        setter.join().unwrap();
        assert_eq!(stopped.unwrap_err().kind, HostErrorKind::Interrupted);
        assert!(start.elapsed() < Duration::from_secs(5));
        assert_eq!(
            host.poll(),
            Poll::Continue,
            "the interrupt was consumed by the sleep"
        );
    }

    #[test]
    fn poll_reports_each_interrupt_once_and_never_yields() {
        let (mut host, _, _) = host_with_stdin("");
        assert_eq!(host.poll(), Poll::Continue);
        host.interrupt_flag().store(true, Ordering::SeqCst);
        assert_eq!(host.poll(), Poll::Interrupt);
        assert_eq!(host.poll(), Poll::Continue);
    }

    #[test]
    fn interrupt_ends_a_pending_input_and_the_line_goes_to_the_next() {
        // A reader that blocks until the test lets it produce its line.
        struct Gate(Receiver<()>, Cursor<Vec<u8>>);
        impl std::io::Read for Gate {
            fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
                let _ = self.0.recv();
                self.1.read(buf)
            }
        }
        impl BufRead for Gate {
            fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
                let _ = self.0.recv();
                self.1.fill_buf()
            }
            fn consume(&mut self, n: usize) {
                self.1.consume(n)
            }
        }
        let (open, gate) = mpsc::channel();
        let stdin = Gate(gate, Cursor::new(b"late\n".to_vec()));
        let out = Shared::default();
        let mut host = NativeHost::new(
            Box::new(stdin),
            Box::new(out.clone()),
            Box::new(Shared::default()),
        );
        let flag = host.interrupt_flag();
        let setter = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            flag.store(true, Ordering::SeqCst);
        });
        let prompt = SuspendRequest::Input {
            prompt: "? ".into(),
        };
        let stopped = host.suspend(prompt.clone());
        assert_eq!(stopped.unwrap_err().kind, HostErrorKind::Interrupted);
        setter.join().unwrap();
        drop(open);
        assert_eq!(host.suspend(prompt), Ok(Reply::Text("late".into())));
    }

    #[test]
    fn clocks_move_forward() {
        let (mut host, _, _) = host_with_stdin("");
        let wall = host.now(Clock::Wall);
        assert!(wall > 1.5e9, "seconds since the epoch, got {wall}");
        let first = host.now(Clock::Monotonic);
        std::thread::sleep(Duration::from_millis(5));
        assert!(host.now(Clock::Monotonic) > first);
    }

    #[test]
    fn host_calls_reach_registered_functions() {
        let (mut host, _, _) = host_with_stdin("");
        host.register(
            "add",
            Box::new(|args| match args.as_slice() {
                [HostValue::Int(a), HostValue::Int(b)] => Ok(HostValue::Int(a + b)),
                _ => Err(HostError::new(HostErrorKind::Failed, "add wants two ints")),
            }),
        );
        let call = |host: &mut NativeHost, name: &str, args| {
            host.suspend(SuspendRequest::HostCall {
                name: name.into(),
                args,
            })
        };
        assert_eq!(
            call(
                &mut host,
                "add",
                vec![HostValue::Int(2), HostValue::Int(40)]
            ),
            Ok(Reply::Value(HostValue::Int(42)))
        );
        let failed = call(&mut host, "add", vec![]).unwrap_err();
        assert_eq!(failed.kind, HostErrorKind::Failed);
        let unknown = call(&mut host, "missing", vec![]).unwrap_err();
        assert_eq!(unknown.kind, HostErrorKind::UnknownFunction);
        assert!(unknown.message.contains("missing"));
        assert!(format!("{host:?}").contains("add"));
    }
}
