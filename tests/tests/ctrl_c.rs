//! Ctrl-C in the command-line runners, as a terminal sends it: SIGINT while the program
//! computes (`while True`) and while it waits in `input()`. Each runner — the native one,
//! and `cli.mjs` (what `cargo xtask run` execs) on jspi, asyncify and the worker — must end
//! like `python3` does: the traceback's last line `KeyboardInterrupt`, naming the loop's
//! line, and death by SIGINT (a shell shows 130); `except KeyboardInterrupt` must work.
//!
//! Each program prints `ready` (flushed) before the part to interrupt, and the signal is
//! sent once that line arrived, so nothing depends on timing.

use std::io::{BufRead, BufReader, Read};
use std::os::unix::process::ExitStatusExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use stackswitch_tests::js;

const LOOP: &str = "print('ready', flush=True)\nn = 0\nwhile True:\n    n += 1\n";
const INPUT: &str = "print('ready', flush=True)\nname = input('name? ')\nprint('never', name)\n";
const CAUGHT: &str = "print('ready', flush=True)\ntry:\n    n = 0\n    while True:\n        n += 1\nexcept KeyboardInterrupt:\n    print('caught')\n";

/// How a run ended: stdout, stderr's last line, and the signal that ended it (or the code).
#[derive(Debug, PartialEq, Eq)]
struct Ending {
    stdout: String,
    stderr_last_line: String,
    signal: Option<i32>,
    code: Option<i32>,
}

/// Run `program` with `runner`, send SIGINT once it printed `ready`, and see how it ends
/// (and the whole of stderr).
fn interrupted(runner: &[PathBuf], name: &str, program: &str) -> (Ending, String) {
    let dir = std::env::temp_dir().join(format!("stackswitch-ctrl-c-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(name);
    std::fs::write(&file, program).unwrap();
    let mut child = Command::new(&runner[0])
        .args(&runner[1..])
        .arg(&file)
        // Kept open and silent, so input() really waits.
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert_eq!(first, "ready\n", "{runner:?} {name}");
    // A moment for the program to get into its loop or input(); the outcome does not
    // depend on it (both places must take the interrupt).
    std::thread::sleep(std::time::Duration::from_millis(200));
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    let ending = Ending {
        stdout: rest,
        stderr_last_line: stderr.trim_end().lines().last().unwrap_or("").to_owned(),
        signal: status.signal(),
        code: status.code(),
    };
    (ending, stderr)
}

fn native_runner() -> Vec<PathBuf> {
    vec![stackswitch_tests::native_runner_binary()]
}

fn cli(node: PathBuf, backend: &str) -> Vec<PathBuf> {
    js::cli_command(node, backend)
}

/// Compare every program's ending under `runner` with python3's.
fn assert_ends_like_python(runner: Vec<PathBuf>) {
    let python = vec![PathBuf::from("python3")];
    for (name, program) in [
        ("loop.py", LOOP),
        ("input.py", INPUT),
        ("caught.py", CAUGHT),
    ] {
        let (expected, _) = interrupted(&python, name, program);
        let (got, stderr) = interrupted(&runner, name, program);
        assert_eq!(got, expected, "{runner:?} on {name}: {stderr}");
        if name == "loop.py" {
            // The traceback names the loop's line, as CPython's does.
            assert!(
                stderr.ends_with("line 3, in <module>\n    while True:\nKeyboardInterrupt\n"),
                "{runner:?}: {stderr}"
            );
        }
    }
}

#[test]
fn ctrl_c_in_the_native_runner_ends_like_python() {
    assert_ends_like_python(native_runner());
}

#[test]
fn ctrl_c_in_cli_on_jspi_ends_like_python() {
    assert_ends_like_python(cli(js::node26(), "jspi"));
}

#[test]
fn ctrl_c_in_cli_on_asyncify_ends_like_python_on_node_20_and_26() {
    assert_ends_like_python(cli(js::node20(), "asyncify"));
    assert_ends_like_python(cli(js::node26(), "asyncify"));
}

#[test]
fn ctrl_c_in_cli_on_the_worker_ends_like_python() {
    assert_ends_like_python(cli(js::node26(), "worker"));
}
