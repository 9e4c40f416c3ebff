//! Programs of several files, and programs that write and read files, run by `python3`
//! and by each runner whose files are the machine's — the native runner, and cli.mjs on
//! the jspi, asyncify and worker backends (the runtime's `filesystem: "node"`) — in the
//! same directory: stdout, the last stderr line and the exit status must agree.
//!
//! Invariant: each case runs in its own fresh directory under the system's temp dir,
//! removed afterwards, so the cases cannot see each other's files.

use std::path::{Path, PathBuf};
use std::process::Command;

use stackswitch_tests::{js, last_line, native_runner_binary};

/// `(relative path, contents)` of the files of one case; `main.py` is the program.
type Files = &'static [(&'static str, &'static str)];

const CASES: &[(&str, Files)] = &[
    (
        "files_modes_and_errors",
        &[("main.py", include_str!("../multi_file/files_modes_and_errors.py"))],
    ),
    (
        "io_readlines_hints",
        &[("main.py", include_str!("../multi_file/io_readlines_hints.py"))],
    ),
    (
        "os_files_and_paths",
        &[("main.py", include_str!("../multi_file/os_files_and_paths.py"))],
    ),
    (
        "files_text_newlines_positions",
        &[("main.py", include_str!("../multi_file/files_text_newlines_positions.py"))],
    ),
    (
        "modules_and_packages",
        &[
            ("main.py", "import helper\nimport helper as again\nprint(helper.shout(helper.GREETING), again is helper, helper.__name__)\nfrom helper import shout\nprint(shout('ok'))\nimport pkg.sub\nprint(pkg.sub.double(), pkg.VALUE, pkg.__name__)\nfrom pkg.sub import double\nprint(double())\n"),
            ("helper.py", "print('helper loading', __name__)\nGREETING = 'hi'\ndef shout(s):\n    return s.upper() + '!'\n"),
            ("pkg/__init__.py", "print('pkg init', __name__, __package__)\nVALUE = 42\n"),
            ("pkg/sub.py", "from pkg import VALUE\nprint('sub', __name__, __package__)\ndef double():\n    return VALUE * 2\n"),
        ],
    ),
    (
        "errors_while_importing",
        &[
            ("main.py", "try:\n    import nosuchmodule\nexcept ModuleNotFoundError as e:\n    print(e, e.name if hasattr(e, 'name') else '')\nfor _ in range(2):\n    try:\n        import broken\n    except ZeroDivisionError as e:\n        print('broken:', e)\nimport circular_a\nprint(circular_a.done, circular_a.b.seen)\nimport bad_syntax\n"),
            ("broken.py", "print('running broken')\nx = 1 / 0\n"),
            ("circular_a.py", "import circular_b as b\ndone = True\n"),
            ("circular_b.py", "import circular_a\nseen = hasattr(circular_a, 'done')\n"),
            ("bad_syntax.py", "x = = 1\n"),
        ],
    ),
    (
        "sys_modules_caching",
        &[
            ("main.py", include_str!("../multi_file/sys_modules_caching.py")),
            ("counted.py", "import sys\nloads = getattr(sys, '_counted_loads', 0) + 1\nsys._counted_loads = loads\nprint('loading counted', loads)\n"),
            ("pkg/__init__.py", "print('pkg init')\n"),
            ("pkg/inner.py", "print('pkg.inner loading')\n"),
            ("failing.py", "print('failing runs')\n1 / 0\n"),
        ],
    ),
    (
        // A program's own file shadows a standard module of the same name (here one that
        // no `.pth` hook of the test machine's python3 preloads), but not `os`, which
        // CPython has loaded before the program starts.
        "own_files_shadow_the_standard_library",
        &[
            ("main.py", "import heapq\nprint(heapq.mine)\nimport os\nprint(hasattr(os, 'getcwd'))\nimport a\n"),
            ("heapq.py", "mine = 'my heapq'\n"),
            ("os.py", "print('my os never runs')\n"),
            ("a.py", "import b\nx = 1\n"),
            ("b.py", "try:\n    from a import x\nexcept ImportError as e:\n    print(e)\nimport json\n"),
            ("json.py", "import json\nprint(json.dumps(1))\n"),
        ],
    ),
    (
        "traceback_through_a_module",
        &[
            ("main.py", "import grades\nprint(grades.letter(95))\nprint(grades.letter('x'))\n"),
            ("grades.py", "def letter(score):\n    if score >= 90:\n        return 'A'\n    return 'B'\n"),
        ],
    ),
];

/// A fresh directory holding `files`.
fn materialise(name: &str, files: Files) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "stackswitch-multi-file-{}-{name}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// stdout, the last stderr line and the status of `command main.py` run in `dir`.
fn ending(command: &[PathBuf], dir: &Path) -> (String, String, Option<i32>) {
    let output = Command::new(&command[0])
        .args(&command[1..])
        .arg("main.py")
        .current_dir(dir)
        .env("PYTHONHASHSEED", "0")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        last_line(&stderr).to_owned(),
        output.status.code(),
    )
}

/// Every case, each in a fresh directory, ends under `runner` as under python3.
fn assert_cases_end_as_under_python3(runner: &[PathBuf], tag: &str) {
    for (name, files) in CASES {
        let dir = materialise(&format!("{tag}-{name}"), files);
        let expected = ending(&["python3".into()], &dir);
        // CPython caches bytecode next to the modules; start the other run without it,
        // and with the files as the case wrote them.
        std::fs::remove_dir_all(&dir).unwrap();
        let dir = materialise(&format!("{tag}-{name}"), files);
        let got = ending(runner, &dir);
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(got, expected, "{name} on {tag}");
    }
}

#[test]
fn multi_file_programs_end_as_under_python3() {
    assert_cases_end_as_under_python3(&[native_runner_binary()], "native");
}

#[test]
fn multi_file_programs_end_as_under_python3_on_jspi() {
    assert_cases_end_as_under_python3(&js::cli_command(js::node26(), "jspi"), "jspi");
}

#[test]
fn multi_file_programs_end_as_under_python3_on_asyncify() {
    assert_cases_end_as_under_python3(&js::cli_command(js::node20(), "asyncify"), "asyncify");
}

#[test]
fn multi_file_programs_end_as_under_python3_on_worker() {
    assert_cases_end_as_under_python3(&js::cli_command(js::node20(), "worker"), "worker");
}
