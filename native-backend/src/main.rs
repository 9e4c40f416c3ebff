//! `stackswitch-native [-i] [-c CODE | FILE.py | -] [ARGS...]`: run a Python program like
//! `python3` with the same command line.
//!
//! - `FILE.py ARGS...`: `sys.argv` is `[FILE.py, ARGS...]`, tracebacks name the file by its
//!   absolute path (as CPython 3.11 does);
//! - `-c CODE ARGS...`: `sys.argv` is `['-c', ARGS...]`, the file is `<string>`;
//! - `- ARGS...`, or nothing while stdin is not a terminal: the program is stdin's text,
//!   `sys.argv` is `['-', ARGS...]` (`['']` without `-`), the file is `<stdin>`;
//! - nothing while stdin is a terminal, or `-i` (then after the program, if any): the
//!   interactive loop of `repl.rs`.
//!
//! The exit status is the program's (0, 1 for an uncaught exception or a syntax error, the
//! `SystemExit` code, 70 for an internal error). A bad command line or a file that cannot
//! be read is reported as CPython reports it, with status 2. Stdout is line buffered on a
//! terminal and block buffered otherwise, as CPython's is, so output interleaves with
//! stderr the same way.
//! Ctrl-C (SIGINT) raises `KeyboardInterrupt` in the program, wherever it is (a loop, a
//! pending `input()` or `time.sleep()`); if it is not caught, the traceback is printed
//! and the process ends by SIGINT, as CPython's does (a shell shows status 130).
//! `STACKSWITCH_MEMORY_LIMIT=BYTES` sets the interpreter's memory limit (default 1 GiB),
//! `STACKSWITCH_MAX_RESPONSE_BYTES=BYTES` the largest `urlopen` body (default 64 MiB;
//! larger ones raise `URLError`), `STACKSWITCH_ALLOWED_ORIGINS=ORIGIN,...` the only
//! origins `urlopen` may reach (redirects included).

use std::ffi::OsString;
use std::io::{self, BufReader, IsTerminal, Read};
use std::path::Path;
use std::process::ExitCode;

use signal_hook::consts::SIGINT;

use stackswitch_native::{
    allowed_origins_from_env, max_response_bytes_from_env, run_interactive, run_with_host, Exit,
    NativeHost,
};

/// Counts live bytes so the interpreter's memory limit raises MemoryError before the
/// system allocator fails (which would abort).
#[global_allocator]
static ALLOCATOR: stackswitch_core::CountingAllocator = stackswitch_core::CountingAllocator;

/// This program's name in its own messages.
const PROGRAM: &str = "stackswitch-native";

/// Status for a bad command line or an unreadable file, as CPython uses.
const USAGE_STATUS: i32 = 2;

/// CPython's usage line and hint, printed after a command-line error.
const USAGE: &str = "usage: stackswitch-native [option] ... [-c cmd | file | -] [arg] ...\n\
                     Try `python -h' for more information.";

const HELP: &str = "\
usage: stackswitch-native [option] ... [-c cmd | file | -] [arg] ...
Options (as python3's):
-c cmd : program passed in as string (terminates option list)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script; forces a prompt even
         if stdin does not appear to be a terminal
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]";

/// Where the program comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Source {
    /// `-c CODE`.
    Command(String),
    /// A file's path.
    File(OsString),
    /// `-`, or no program given: stdin's text (unless interactive).
    Stdin { dash: bool },
}

/// A parsed command line.
#[derive(Clone, Debug, PartialEq, Eq)]
struct CommandLine {
    source: Source,
    /// `sys.argv[1:]`.
    args: Vec<String>,
    /// `-i`: the interactive loop after the program (or instead of stdin's program).
    inspect: bool,
}

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
enum Request {
    Run(CommandLine),
    Help,
    /// A command-line error: the message CPython prints before the usage.
    Usage(String),
}

/// Parse options as CPython does: they end at `-c CODE`, `-`, `--` or the first argument
/// that is not an option; everything after the program is `sys.argv[1:]`.
fn parse(args: &[OsString]) -> Request {
    let mut inspect = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let text = arg.to_string_lossy();
        let remaining = |rest: std::slice::Iter<'_, OsString>| {
            rest.map(|a| a.to_string_lossy().into_owned()).collect()
        };
        if text == "-" {
            return Request::Run(CommandLine {
                source: Source::Stdin { dash: true },
                args: remaining(rest),
                inspect,
            });
        }
        if text == "--" {
            let Some(file) = rest.next() else { break };
            return Request::Run(CommandLine {
                source: Source::File(file.clone()),
                args: remaining(rest),
                inspect,
            });
        }
        if text == "--help" {
            return Request::Help;
        }
        if text.starts_with("--") {
            return Request::Usage(format!("unknown option {text}"));
        }
        let Some(flags) = text.strip_prefix('-') else {
            return Request::Run(CommandLine {
                source: Source::File(arg.clone()),
                args: remaining(rest),
                inspect,
            });
        };
        // Single-letter options can be grouped (`-ic CODE`, `-cCODE`).
        for (at, flag) in flags.char_indices() {
            match flag {
                'i' => inspect = true,
                'h' | '?' => return Request::Help,
                'c' => {
                    let attached = &flags[at + 1..];
                    let code = if attached.is_empty() {
                        match rest.next() {
                            Some(code) => code.to_string_lossy().into_owned(),
                            None => {
                                return Request::Usage("Argument expected for the -c option".into())
                            }
                        }
                    } else {
                        attached.to_owned()
                    };
                    return Request::Run(CommandLine {
                        source: Source::Command(code),
                        args: remaining(rest),
                        inspect,
                    });
                }
                other => return Request::Usage(format!("Unknown option: -{other}")),
            }
        }
    }
    Request::Run(CommandLine {
        source: Source::Stdin { dash: false },
        args: Vec::new(),
        inspect,
    })
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let status = match parse(&args) {
        Request::Help => {
            println!("{HELP}");
            0
        }
        Request::Usage(message) => {
            eprintln!("{message}\n{USAGE}");
            USAGE_STATUS
        }
        Request::Run(line) => match run(line) {
            Exit {
                keyboard_interrupt: true,
                status,
            } => {
                // The default action of SIGINT: end by the signal, as CPython does.
                let _ = signal_hook::low_level::emulate_default_handler(SIGINT);
                status
            }
            Exit { status, .. } => status,
        },
    };
    exit_code(status)
}

fn failed(status: i32) -> Exit {
    Exit {
        status,
        keyboard_interrupt: false,
    }
}

fn run(line: CommandLine) -> Exit {
    let interactive = line.inspect
        || (matches!(line.source, Source::Stdin { dash: false }) && io::stdin().is_terminal());
    // The program's name for tracebacks, its bytes, and sys.argv[0].
    let (filename, bytes, argv0) = match &line.source {
        Source::Command(code) => (
            "<string>".to_owned(),
            code.clone().into_bytes(),
            "-c".into(),
        ),
        Source::File(path) => {
            let path = Path::new(path);
            match std::fs::read(path) {
                // CPython 3.11 makes the script path absolute (`__file__`, tracebacks).
                Ok(bytes) => (shown_path(path), bytes, path.to_string_lossy().into_owned()),
                Err(error) => {
                    eprintln!(
                        "{PROGRAM}: can't open file '{}': {}",
                        shown_path(path),
                        os_error(&error)
                    );
                    return failed(USAGE_STATUS);
                }
            }
        }
        Source::Stdin { dash } => {
            let argv0 = if *dash { "-" } else { "" }.to_owned();
            if interactive && !dash {
                (String::new(), Vec::new(), argv0)
            } else {
                let mut bytes = Vec::new();
                if let Err(error) = io::stdin().lock().read_to_end(&mut bytes) {
                    eprintln!("{PROGRAM}: can't read stdin: {}", os_error(&error));
                    return failed(USAGE_STATUS);
                }
                ("<stdin>".to_owned(), bytes, argv0)
            }
        }
    };
    let mut argv = vec![argv0];
    argv.extend(line.args);
    let source = if bytes.is_empty() && filename.is_empty() {
        None
    } else {
        match stackswitch_core::decode_source(&bytes, &filename) {
            Ok(source) => Some(source),
            Err(error) => {
                eprint!("{}", error.traceback);
                return failed(error.exit_status());
            }
        }
    };
    let host = host();
    if interactive {
        let program = source.as_deref().map(|s| (filename.as_str(), s));
        return run_interactive(program, argv, host);
    }
    run_with_host(&filename, source.as_deref().unwrap_or(""), argv, host)
}

/// The host for a run: the process's streams, Ctrl-C, the environment's settings.
fn host() -> NativeHost {
    let stdout_is_terminal = io::stdout().is_terminal();
    let mut host = NativeHost::new(
        Box::new(BufReader::new(io::stdin())),
        Box::new(io::stdout()),
        Box::new(io::stderr()),
    )
    .line_buffered(stdout_is_terminal)
    .max_response_bytes(max_response_bytes_from_env());
    if let Some(origins) = allowed_origins_from_env() {
        host = host.allowed_origins(origins);
    }
    if let Err(error) = signal_hook::flag::register(SIGINT, host.interrupt_flag()) {
        eprintln!("{PROGRAM}: cannot handle Ctrl-C: {error}");
    }
    host
}

/// CPython names the file by its absolute path in these messages.
fn shown_path(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

/// `No such file or directory (os error 2)` -> `[Errno 2] No such file or directory`.
fn os_error(error: &io::Error) -> String {
    let text = error.to_string();
    match error.raw_os_error() {
        Some(code) => {
            let suffix = format!(" (os error {code})");
            format!(
                "[Errno {code}] {}",
                text.strip_suffix(&suffix).unwrap_or(&text)
            )
        }
        None => text,
    }
}

/// The process status for `status`, truncated to a byte as the OS truncates `exit()`'s
/// argument (so `sys.exit(256)` ends with 0, as under CPython).
fn exit_code(status: i32) -> ExitCode {
    ExitCode::from(status.rem_euclid(256) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn os_errors_read_like_python() {
        let missing = io::Error::from_raw_os_error(2);
        assert_eq!(os_error(&missing), "[Errno 2] No such file or directory");
    }

    #[test]
    fn exit_statuses_wrap_like_the_os() {
        assert_eq!(exit_code(3), ExitCode::from(3));
        assert_eq!(exit_code(256), ExitCode::from(0));
        assert_eq!(exit_code(-1), ExitCode::from(255));
    }
}
