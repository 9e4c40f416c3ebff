//! The command-line runners take python3's command line: `-c CODE`, `-` and no program
//! (the program read from stdin, which is a pipe here), command-line errors (an unknown
//! option, `-c` without its code) and a missing file. Each case runs under `python3` and
//! under the runner — the native one and `cli.mjs` on jspi (Node 26) — and must give the
//! same stdout, last stderr line and exit status (`sys.argv`, `<string>` / `<stdin>` in
//! tracebacks included). A second check merges stderr into stdout's pipe (`2>&1 | cat`):
//! block-buffered stdout and unbuffered stderr must interleave as python3's do.
//! The native runner's interactive loop is driven through a pipe with `-i`, as python3's
//! is, and compared whole (stdout, stderr after the banner, status).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use stackswitch_tests::{js, last_line, native_runner_binary};

/// A command line after the interpreter, and what stdin carries.
struct Case {
    args: &'static [&'static str],
    stdin: &'static str,
}

const CASES: &[Case] = &[
    Case {
        args: &["-c", "import sys; print(sys.argv); 1/0", "a", "b"],
        stdin: "",
    },
    Case {
        args: &["-c", "print('x', end='')\nimport sys\nsys.exit(3)"],
        stdin: "",
    },
    Case {
        args: &["-cprint(5 * 5)", "-c"],
        stdin: "",
    },
    Case {
        args: &["-c", "print(input('? '))\nprint(input())", "--x"],
        stdin: "first\n",
    },
    Case {
        args: &["-c", "x = = 1"],
        stdin: "",
    },
    Case {
        args: &["-", "a", "-c"],
        stdin: "import sys\nprint(sys.argv)\nprint(input())\n",
    },
    Case {
        args: &[],
        stdin: "import sys\nprint(sys.argv, __name__)\nraise ValueError('from stdin')\n",
    },
    Case {
        args: &[],
        stdin: "x = (1,\n",
    },
    Case {
        args: &["-c"],
        stdin: "",
    },
    Case {
        args: &["-Z", "x.py"],
        stdin: "",
    },
    Case {
        args: &["--bogus"],
        stdin: "",
    },
    Case {
        args: &["/nonexistent/dir/missing.py", "a"],
        stdin: "",
    },
    Case {
        args: &["--", "-c"],
        stdin: "",
    },
];

/// What is compared: stdout, the last stderr line (with the interpreter's own name
/// before "can't open file" dropped, as it names a different binary), exit status.
type Outcome = (String, String, Option<i32>);

fn run(command: &[PathBuf], case: &Case) -> Outcome {
    let mut child = Command::new(&command[0])
        .args(&command[1..])
        .args(case.args)
        .env_remove("PYTHONUNBUFFERED")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the runner starts");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // A runner that exits before reading stdin closes the pipe: not an error here.
    let _ = stdin.write_all(case.stdin.as_bytes());
    drop(stdin);
    let output = child.wait_with_output().expect("the runner ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let last = last_line(&stderr);
    let last = match last.find(": can't open file ") {
        Some(at) => &last[at..],
        None => last,
    };
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        last.to_owned(),
        output.status.code(),
    )
}

/// stdout and stderr through one pipe (`2>&1 | cat`), as a log would see them.
fn merged(command: &[PathBuf], code: &str) -> String {
    let output = Command::new("sh")
        .arg("-c")
        .arg("\"$@\" 2>&1 | cat")
        .arg("sh")
        .args(command)
        .args(["-c", code])
        // python3's default buffering, whatever this machine's environment asks for.
        .env_remove("PYTHONUNBUFFERED")
        .stdin(Stdio::null())
        .output()
        .expect("sh runs");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Programs whose output order depends on buffering.
const INTERLEAVED: &[&str] = &[
    "import sys\nprint('out 1')\nprint('err 1', file=sys.stderr)\nprint('out 2')\nsys.stderr.write('err 2\\n')\n1/0",
    "import sys\nprint('out', flush=True)\nprint('err', file=sys.stderr)\nprint('out again')",
    "import sys\nprint('a')\ntry:\n    input('prompt: ')\nexcept EOFError:\n    print('eof', file=sys.stderr)\nprint('b')",
    "import sys\nsys.stdout.write('partial')\nsys.stderr.write('err\\n')\nsys.exit('bye')",
];

/// `interleaving`: also check [`INTERLEAVED`] (only the native runner buffers stdout as
/// CPython does; `cli.mjs` writes at once).
fn assert_like_python(runner: Vec<PathBuf>, tag: &str, interleaving: bool) {
    let python = [PathBuf::from("python3")];
    let mut mismatches = Vec::new();
    for case in CASES {
        let expected = run(&python, case);
        let got = run(&runner, case);
        if got != expected {
            mismatches.push(format!(
                "{:?} (stdin {:?}):\n  python3: {expected:?}\n  {tag}: {got:?}",
                case.args, case.stdin
            ));
        }
    }
    for code in INTERLEAVED.iter().filter(|_| interleaving) {
        let expected = merged(&python, code);
        let got = merged(&runner, code);
        if got != expected {
            mismatches.push(format!(
                "2>&1 of {code:?}:\n  python3: {expected:?}\n  {tag}: {got:?}"
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn the_native_runner_takes_pythons_command_line() {
    assert_like_python(vec![native_runner_binary()], "native", true);
}

#[test]
fn cli_on_jspi_takes_pythons_command_line() {
    assert_like_python(js::cli_command(js::node26(), "jspi"), "jspi", false);
}

/// stdout, stderr without CPython's two banner lines (they name the build), status.
fn interactive(command: &[PathBuf], args: &[&str], stdin: &str) -> (String, String, Option<i32>) {
    let mut child = Command::new(&command[0])
        .args(&command[1..])
        .args(args)
        .env_remove("PYTHONUNBUFFERED")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the runner starts");
    let mut pipe = child.stdin.take().expect("stdin is piped");
    pipe.write_all(stdin.as_bytes())
        .expect("the loop reads stdin");
    drop(pipe);
    let output = child.wait_with_output().expect("the runner ends");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stderr = match stderr.strip_prefix("Python ") {
        Some(_) => stderr.splitn(3, '\n').nth(2).unwrap_or("").to_owned(),
        None => stderr.into_owned(),
    };
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr,
        output.status.code(),
    )
}

const SESSIONS: &[(&[&str], &str)] = &[
    (
        &["-i"],
        "1 + 1\nx = 3\nx\nfor i in range(2):\n    print(i)\n\n1/0\nNone\n'a'\n_\ndef f(n):\n    return n * 2\n\nf(\n  21)\nprint(end='')\n",
    ),
    (&["-i"], "import sys\nprint('bye')\nsys.exit(4)\nprint('never')\n"),
    (&["-i", "-c", "x = 5\nprint(x)"], "x * 2\nraise KeyError('k')\n"),
    (&["-i"], "s = '''a\nb'''\ns\nundefined_name\n"),
    (&["-i"], "x = (1,)) + (\n2\ny = [1,\n  2]\ny\n"),
    (&["-i"], "import math; math.pi\nx = 1; x\nfor i in range(2): i\n\nclass A:\n    7\n\nif 1:\n    'yes'\n\nNone\n_\n"),
];

#[test]
fn the_native_interactive_loop_answers_like_pythons() {
    let native = [native_runner_binary()];
    let python = [PathBuf::from("python3")];
    let mut mismatches = Vec::new();
    for (args, stdin) in SESSIONS {
        let expected = interactive(&python, args, stdin);
        let got = interactive(&native, args, stdin);
        if got != expected {
            mismatches.push(format!(
                "{args:?} {stdin:?}:\n  python3: {expected:?}\n  native: {got:?}"
            ));
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}
