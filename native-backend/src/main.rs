//! `stackswitch-native FILE.py [ARGS...]`: run a Python program like `python3 FILE.py ARGS...`.
//!
//! `sys.argv` is `[FILE.py, ARGS...]`, tracebacks name the file by its absolute path (as CPython 3.11 does), and the exit
//! status is the program's (0, 1 for an uncaught exception or a syntax error, the
//! `SystemExit` code, 70 for an internal error). A file that cannot be read is reported as
//! CPython reports it, with status 2. Stdout is line buffered on a terminal and block
//! buffered otherwise, as CPython's is, so output interleaves with stderr the same way.
//! Ctrl-C (SIGINT) raises `KeyboardInterrupt` in the program, wherever it is (a loop, a
//! pending `input()` or `time.sleep()`); if it is not caught, the traceback is printed
//! and the process ends by SIGINT, as CPython's does (a shell shows status 130).
//! `STACKSWITCH_MEMORY_LIMIT=BYTES` sets the interpreter's memory limit (default 1 GiB),
//! `STACKSWITCH_MAX_RESPONSE_BYTES=BYTES` the largest `urlopen` body (default 64 MiB;
//! larger ones raise `URLError`), `STACKSWITCH_ALLOWED_ORIGINS=ORIGIN,...` the only
//! origins `urlopen` may reach (redirects included).

use std::ffi::OsString;
use std::io::{self, BufReader, IsTerminal};
use std::path::Path;
use std::process::ExitCode;

use signal_hook::consts::SIGINT;

use stackswitch_native::{
    allowed_origins_from_env, max_response_bytes_from_env, run_with_host, Exit, NativeHost,
};

/// Counts live bytes so the interpreter's memory limit raises MemoryError before the
/// system allocator fails (which would abort).
#[global_allocator]
static ALLOCATOR: stackswitch_core::CountingAllocator = stackswitch_core::CountingAllocator;

/// This program's name in its own messages.
const PROGRAM: &str = "stackswitch-native";

/// Status for a bad command line or an unreadable file, as CPython uses.
const USAGE_STATUS: i32 = 2;

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let status = match args.first() {
        Some(first) if first == "-h" || first == "--help" => {
            println!("{}", usage());
            0
        }
        Some(first) if first.to_string_lossy().starts_with('-') => {
            eprintln!("{}", usage());
            USAGE_STATUS
        }
        Some(path) => {
            let argv = args
                .iter()
                .map(|a| a.to_string_lossy().into_owned())
                .collect();
            match run_file(Path::new(path), argv) {
                Exit {
                    keyboard_interrupt: true,
                    status,
                } => {
                    // The default action of SIGINT: end by the signal, as CPython does.
                    let _ = signal_hook::low_level::emulate_default_handler(SIGINT);
                    status
                }
                Exit { status, .. } => status,
            }
        }
        None => {
            eprintln!("{}", usage());
            USAGE_STATUS
        }
    };
    exit_code(status)
}

fn usage() -> String {
    format!("usage: {PROGRAM} FILE.py [ARGS...]")
}

fn run_file(path: &Path, argv: Vec<String>) -> Exit {
    let failed = |status| Exit {
        status,
        keyboard_interrupt: false,
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!(
                "{PROGRAM}: can't open file '{}': {}",
                shown_path(path),
                os_error(&error)
            );
            return failed(USAGE_STATUS);
        }
    };
    let source = match stackswitch_core::decode_source(&bytes, &shown_path(path)) {
        Ok(source) => source,
        Err(error) => {
            eprint!("{}", error.traceback);
            return failed(error.exit_status());
        }
    };
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
    // CPython 3.11 makes the script path absolute (`__file__`, tracebacks); so do we.
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let filename = absolute.to_string_lossy();
    run_with_host(&filename, &source, argv, host)
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
