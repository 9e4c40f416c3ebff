//! `fuzz-runner`: runs fuzz inputs through `stackswitch_core::Interpreter::run` in-process.
//!
//! Started by `cargo xtask fuzz` (see `xtask::fuzz` for the protocol), never by hand:
//! `fuzz-runner --root DIR --seed S --seconds F [--start I] [--max-inputs N] [--timeout T]`.
//! Each input runs on a fresh big-stack thread under `catch_unwind`, against [`FuzzHost`],
//! which answers every request at once, caps output, and interrupts the program after a
//! bounded number of polls (so `while True: pass` ends in `KeyboardInterrupt`).
//!
//! Invariant: a Python-level error is never a finding — only a panic (caught here), a run
//! without a result after the watchdog's timeout (saved here, then the process exits so
//! the stuck thread dies with it), or the death of this process (saved by the launcher
//! from the in-flight record).

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::Write;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use stackswitch_core::{
    Clock, Config, FetchResponse, Host, HostError, HostErrorKind, HostValue, Interpreter, Poll,
    Reply, Stream, SuspendRequest,
};
use xtask::fuzz::{self, Origin};

/// Stack of each input's thread, and the interpreter's budget within it (as the native
/// runner uses).
const STACK_BYTES: usize = 256 << 20;
const STACK_BUDGET: usize = STACK_BYTES - (32 << 20);

/// Output kept per run; the rest is counted and dropped.
const OUTPUT_CAP: usize = 1 << 20;
/// `poll` calls before the host starts answering `Interrupt`: a few million bytecode
/// instructions.
const POLL_LIMIT: u64 = 400;
/// Every this many polls the host asks the program to yield, as a browser host does.
const YIELD_EVERY_POLLS: u64 = 7;
/// `input()` calls answered before the host reports end of input.
const INPUT_LIMIT: u32 = 40;
const INPUT_LINES: &[&str] = &[
    "42",
    "",
    "hello",
    "3.5",
    "-7",
    "ünïcödé 🐍",
    "yes",
    "1 2 3",
    "q",
    "10",
    "n",
    "0",
];

/// A host that never blocks.
#[derive(Default)]
struct FuzzHost {
    polls: u64,
    inputs: u32,
    written: usize,
    clock: f64,
}

impl FuzzHost {
    fn interrupted(&self) -> bool {
        self.polls > POLL_LIMIT
    }
}

impl Host for FuzzHost {
    fn suspend(&mut self, request: SuspendRequest) -> Result<Reply, HostError> {
        if self.interrupted() {
            // Programs that catch KeyboardInterrupt and keep asking still come to an end.
            return Err(HostError::new(HostErrorKind::Interrupted, ""));
        }
        match request {
            SuspendRequest::Input { prompt } => {
                self.write(Stream::Stdout, &prompt);
                self.inputs += 1;
                if self.inputs > INPUT_LIMIT {
                    return Err(HostError::new(
                        HostErrorKind::EndOfInput,
                        "EOF when reading a line",
                    ));
                }
                let line = INPUT_LINES[self.inputs as usize % INPUT_LINES.len()];
                Ok(Reply::Text(line.to_owned()))
            }
            SuspendRequest::Sleep { seconds } => {
                if seconds.is_finite() && seconds > 0.0 {
                    self.clock += seconds;
                }
                Ok(Reply::Done)
            }
            SuspendRequest::Yield => Ok(Reply::Done),
            // The fuzzed interpreter has its standard library compiled in.
            SuspendRequest::ModuleSource { .. } => Err(HostError::new(
                HostErrorKind::Failed,
                "no module sources here",
            )),
            SuspendRequest::Fetch(request) => {
                if request.url.contains("refused") {
                    return Err(HostError::new(
                        HostErrorKind::Network,
                        "[Errno 111] Connection refused",
                    ));
                }
                let (status, reason) = if request.url.contains("404") {
                    (404, "Not Found")
                } else {
                    (200, "OK")
                };
                Ok(Reply::Response(FetchResponse {
                    status,
                    reason: reason.to_owned(),
                    url: request.url,
                    headers: vec![("content-type".into(), "application/json".into())],
                    body: br#"{"ok": true, "items": [1, 2.5, "x", null]}"#.to_vec(),
                }))
            }
            SuspendRequest::HostCall { name, args } => match name.as_str() {
                "echo" => Ok(Reply::Value(HostValue::List(args))),
                _ => Err(HostError::new(
                    HostErrorKind::UnknownFunction,
                    format!("no host function named {name:?}"),
                )),
            },
        }
    }

    fn write(&mut self, _: Stream, text: &str) {
        self.written = self.written.saturating_add(text.len()).min(OUTPUT_CAP);
    }

    fn now(&mut self, clock: Clock) -> f64 {
        // A clock that moves on every read, so `while time.time() < end` loops end.
        self.clock += 0.001;
        match clock {
            Clock::Wall => 1.7e9 + self.clock,
            Clock::Monotonic => self.clock,
        }
    }

    fn poll(&mut self) -> Poll {
        self.polls += 1;
        if self.interrupted() {
            Poll::Interrupt
        } else if self.polls.is_multiple_of(YIELD_EVERY_POLLS) {
            Poll::Yield
        } else {
            Poll::Continue
        }
    }
}

thread_local! {
    /// The last panic on this thread, as `message (at file:line:column)`.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Replace the default panic output (one per finding would drown the log) by a record
/// the run's own thread reads back.
fn install_panic_hook() {
    panic::set_hook(Box::new(|info| {
        let payload = info.payload();
        let message = if let Some(text) = payload.downcast_ref::<&str>() {
            (*text).to_owned()
        } else if let Some(text) = payload.downcast_ref::<String>() {
            text.clone()
        } else {
            "a panic with a non-text payload".to_owned()
        };
        let report = match info.location() {
            Some(at) => format!("{message} (at {}:{}:{})", at.file(), at.line(), at.column()),
            None => message,
        };
        LAST_PANIC.with(|last| *last.borrow_mut() = Some(report));
    }));
}

enum Outcome {
    Finished,
    Panicked(String),
    Hung,
}

/// Run `source` through the interpreter under [`watch`].
fn run_input(source: String, timeout: Duration) -> Result<Outcome, String> {
    watch(timeout, move || {
        let config = Config {
            filename: "fuzz.py".to_owned(),
            argv: vec!["fuzz.py".to_owned(), "http://127.0.0.1:9".to_owned()],
            stack_budget: STACK_BUDGET,
            ..Config::default()
        };
        let mut host = FuzzHost::default();
        // Python-level errors are expected outcomes, not findings.
        let _ = Interpreter::new(config).run(&source, &mut host);
    })
}

/// Run `job` on a fresh big-stack thread, catching its panic, and wait at most `timeout`
/// for it (a thread still running then is left behind: see the module invariant).
fn watch(timeout: Duration, job: impl FnOnce() + Send + 'static) -> Result<Outcome, String> {
    let (sender, receiver) = mpsc::channel();
    let handle = thread::Builder::new()
        .name("fuzz-input".to_owned())
        .stack_size(STACK_BYTES)
        .spawn(move || {
            let result = panic::catch_unwind(AssertUnwindSafe(job));
            let report = result.map_err(|_| {
                LAST_PANIC
                    .with(|last| last.borrow_mut().take())
                    .unwrap_or_else(|| "a panic without a report".to_owned())
            });
            let _ = sender.send(report);
        })
        .map_err(|error| format!("cannot start an input thread: {error}"))?;
    let outcome = match receiver.recv_timeout(timeout) {
        Ok(Ok(())) => Outcome::Finished,
        Ok(Err(report)) => Outcome::Panicked(report),
        Err(mpsc::RecvTimeoutError::Timeout) => return Ok(Outcome::Hung),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Outcome::Panicked("the input's thread ended without a result".to_owned())
        }
    };
    // The thread has reported; joining frees its stack before the next input.
    let _ = handle.join();
    Ok(outcome)
}

struct Options {
    root: PathBuf,
    seed: u64,
    seconds: f64,
    start: u64,
    max_inputs: Option<u64>,
    timeout: Duration,
}

fn parse_options() -> Result<Options, String> {
    let mut options = Options {
        root: PathBuf::from("."),
        seed: 0,
        seconds: 60.0,
        start: 0,
        max_inputs: None,
        timeout: Duration::from_secs(10),
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let value = args.next().ok_or_else(|| format!("{flag} needs a value"))?;
        let number = |value: &str| {
            value
                .parse::<u64>()
                .map_err(|_| format!("{flag}: not a whole number: {value:?}"))
        };
        match flag.as_str() {
            "--root" => options.root = PathBuf::from(value),
            "--seed" => options.seed = number(&value)?,
            "--seconds" => {
                options.seconds = value
                    .parse::<f64>()
                    .ok()
                    .filter(|s| s.is_finite() && *s >= 0.0)
                    .ok_or_else(|| format!("--seconds: not a duration: {value:?}"))?;
            }
            "--start" => options.start = number(&value)?,
            "--max-inputs" => options.max_inputs = Some(number(&value)?),
            "--timeout" => options.timeout = Duration::from_secs(number(&value)?.max(1)),
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    Ok(options)
}

/// Distinct panics seen so far: report -> (count, first artifact).
type Signatures = BTreeMap<String, (u64, PathBuf)>;

fn record_finding(
    artifacts: &Path,
    source: &str,
    index: u64,
    origin: Origin,
    what: &str,
    signatures: &mut Signatures,
) -> Result<(), String> {
    let path = fuzz::save_artifact(artifacts, source)
        .map_err(|error| format!("cannot save a finding in {}: {error}", artifacts.display()))?;
    let entry = signatures
        .entry(what.to_owned())
        .or_insert((0, path.clone()));
    entry.0 += 1;
    if entry.0 == 1 {
        println!(
            "{} {what}\n  input {index} ({origin:?}) saved as {}",
            fuzz::FINDING_PREFIX,
            path.display()
        );
    } else {
        println!(
            "{} the same again on input {index}, saved as {}",
            fuzz::FINDING_PREFIX,
            path.display()
        );
    }
    Ok(())
}

fn run(options: &Options) -> Result<i32, String> {
    install_panic_hook();
    let artifacts = fuzz::artifacts_dir(&options.root);
    std::fs::create_dir_all(&artifacts)
        .map_err(|error| format!("cannot create {}: {error}", artifacts.display()))?;
    let corpus_dir = options.root.join("tests").join("programs");
    let corpus = fuzz::load_corpus(&corpus_dir)
        .map_err(|error| format!("cannot read {}: {error}", corpus_dir.display()))?;
    let started = Instant::now();
    let deadline = started + Duration::from_secs_f64(options.seconds);
    let mut last_progress = started;
    let mut index = options.start;
    let mut findings = 0_u64;
    let mut signatures = Signatures::new();
    loop {
        let now = Instant::now();
        if now >= deadline || options.max_inputs.is_some_and(|most| index >= most) {
            break;
        }
        if now.duration_since(last_progress) >= Duration::from_secs(15) {
            last_progress = now;
            println!(
                "fuzz-runner: {} inputs in {:.0} s, {findings} findings",
                index - options.start,
                now.duration_since(started).as_secs_f64()
            );
        }
        let input = fuzz::input_for(options.seed, index, &corpus);
        fuzz::write_in_flight(&artifacts, index, &input.source)
            .map_err(|error| format!("cannot write the in-flight record: {error}"))?;
        match run_input(input.source.clone(), options.timeout)? {
            Outcome::Finished => {}
            Outcome::Panicked(report) => {
                findings += 1;
                let what = format!("panic: {report}");
                record_finding(
                    &artifacts,
                    &input.source,
                    index,
                    input.origin,
                    &what,
                    &mut signatures,
                )?;
            }
            Outcome::Hung => {
                findings += 1;
                let what = format!("no result after {} s", options.timeout.as_secs());
                record_finding(
                    &artifacts,
                    &input.source,
                    index,
                    input.origin,
                    &what,
                    &mut signatures,
                )?;
                // Leave the in-flight record: the launcher resumes after it.
                println!("{}{} findings={findings}", fuzz::SUMMARY_PREFIX, index + 1);
                let _ = std::io::stdout().flush();
                return Ok(fuzz::RUNNER_HUNG);
            }
        }
        index += 1;
    }
    fuzz::clear_in_flight(&artifacts);
    for (what, (count, first)) in &signatures {
        println!("fuzz-runner: {count} x {what} (first: {})", first.display());
    }
    println!("{}{index} findings={findings}", fuzz::SUMMARY_PREFIX);
    Ok(if findings == 0 {
        fuzz::RUNNER_CLEAN
    } else {
        fuzz::RUNNER_FINDINGS
    })
}

fn main() -> ExitCode {
    let status = match parse_options() {
        Ok(options) => run(&options).unwrap_or_else(|error| {
            eprintln!("fuzz-runner: {error}");
            fuzz::RUNNER_ERROR
        }),
        Err(error) => {
            eprintln!("fuzz-runner: {error}");
            fuzz::RUNNER_ERROR
        }
    };
    let _ = std::io::stdout().flush();
    ExitCode::from(status as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_are_caught_with_their_location() {
        install_panic_hook();
        let outcome = watch(Duration::from_secs(10), || panic!("kaboom {}", 7)).unwrap();
        let Outcome::Panicked(report) = outcome else {
            panic!("the panic was not reported");
        };
        assert!(report.starts_with("kaboom 7 (at "), "{report}");
        assert!(report.contains("fuzz-runner.rs:"), "{report}");
        let _ = panic::take_hook();
    }

    #[test]
    fn finished_and_hung_jobs_are_told_apart() {
        let finished = watch(Duration::from_secs(10), || {}).unwrap();
        assert!(matches!(finished, Outcome::Finished));
        let hung = watch(Duration::from_millis(50), || {
            thread::sleep(Duration::from_millis(500));
        })
        .unwrap();
        assert!(matches!(hung, Outcome::Hung));
    }

    #[test]
    fn the_host_interrupts_after_its_poll_limit_and_then_refuses_requests() {
        let mut host = FuzzHost::default();
        let polls = (0..POLL_LIMIT)
            .filter(|_| host.poll() == Poll::Interrupt)
            .count();
        assert_eq!(polls, 0);
        assert_eq!(host.poll(), Poll::Interrupt);
        let refused = host.suspend(SuspendRequest::Sleep { seconds: 1.0 });
        assert_eq!(refused.unwrap_err().kind, HostErrorKind::Interrupted);
    }

    #[test]
    fn the_host_answers_every_request_at_once() {
        let mut host = FuzzHost::default();
        let mut lines = 0;
        loop {
            match host.suspend(SuspendRequest::Input {
                prompt: "? ".into(),
            }) {
                Ok(Reply::Text(_)) => lines += 1,
                Err(error) => {
                    assert_eq!(error.kind, HostErrorKind::EndOfInput);
                    break;
                }
                Ok(other) => panic!("unexpected reply {other:?}"),
            }
        }
        assert_eq!(lines, INPUT_LIMIT);
        assert_eq!(
            host.suspend(SuspendRequest::Sleep { seconds: 5.0 }),
            Ok(Reply::Done)
        );
        let before = host.now(Clock::Monotonic);
        assert!(before >= 5.0 && host.now(Clock::Monotonic) > before);
        let fetch = |url: &str| stackswitch_core::FetchRequest {
            url: url.into(),
            method: "GET".into(),
            headers: Vec::new(),
            body: None,
        };
        let Ok(Reply::Response(ok)) = host.suspend(SuspendRequest::Fetch(fetch("http://h/x")))
        else {
            panic!("no response");
        };
        assert_eq!(ok.status, 200);
        let Ok(Reply::Response(missing)) =
            host.suspend(SuspendRequest::Fetch(fetch("http://h/404")))
        else {
            panic!("no response");
        };
        assert_eq!(missing.status, 404);
        let call = host.suspend(SuspendRequest::HostCall {
            name: "echo".into(),
            args: vec![HostValue::Int(1)],
        });
        assert_eq!(
            call,
            Ok(Reply::Value(HostValue::List(vec![HostValue::Int(1)])))
        );
        host.write(Stream::Stdout, &"x".repeat(OUTPUT_CAP * 2));
        assert_eq!(host.written, OUTPUT_CAP);
    }
}
