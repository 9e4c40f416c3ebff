//! Source files as bytes, decoded as CPython decodes a file: every command-line runner
//! reads the program as bytes and hands them to the interpreter (`decode_source`), so a
//! NUL byte, invalid UTF-8 (declared or not), a coding declaration (Latin-1, or a name no
//! codec has) and a BOM end as under `python3` — the same stdout, exit status and last
//! stderr line — on the native runner and through `cli.mjs` on jspi, asyncify and the
//! worker (which take the bytes through `session.run(Uint8Array)`).
//!
//! The programs are bytes that are not all UTF-8, so they live here rather than in
//! `tests/programs/` (whose harness and browser pages carry source as text).

use std::path::PathBuf;
use std::process::Command;

use stackswitch_tests::{js, last_line, native_runner_binary};

const PROGRAMS: &[(&str, &[u8])] = &[
    ("undeclared_invalid_utf8.py", b"print('ok')\nx = '\xff'\n"),
    (
        "declared_utf8_invalid.py",
        b"# coding: utf-8\nprint(3)\nx = '\xff'\n",
    ),
    ("invalid_utf8_in_a_comment.py", b"print(2)\n# caf\xc3\n"),
    (
        "declared_utf8_invalid_in_a_comment.py",
        b"# coding: utf-8\nprint(3)\n# caf\xc3\n",
    ),
    (
        "bom_invalid_in_a_string.py",
        b"\xef\xbb\xbfprint(3)\nx = 'ab\xe9cd'\n",
    ),
    ("nul_byte.py", b"print(1)\nx = 'a\x00b'\n"),
    (
        "latin1_declared.py",
        b"# -*- coding: latin-1 -*-\nprint('\xe9', len('\xe9'), '\xe9'.encode())\n",
    ),
    ("unknown_codec.py", b"# coding: bogus\nprint(1)\n"),
    ("utf8_bom.py", b"\xef\xbb\xbfprint('bom', '\xc3\xa9')\n"),
];

/// stdout, exit status and the last stderr line of `runner FILE`.
fn outcome(runner: &[PathBuf], file: &PathBuf) -> (String, Option<i32>, String) {
    let output = Command::new(&runner[0])
        .args(&runner[1..])
        .arg(file)
        .output()
        .expect("the runner starts");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        output.status.code(),
        last_line(&stderr).to_owned(),
    )
}

fn assert_decodes_like_python(runner: Vec<PathBuf>, tag: &str) {
    let dir = std::env::temp_dir().join(format!(
        "stackswitch-source-bytes-{tag}-{}",
        std::process::id()
    ));
    std::fs::create_dir_all(&dir).expect("the temp dir is writable");
    let mut mismatches = Vec::new();
    for (name, bytes) in PROGRAMS {
        let file = dir.join(name);
        std::fs::write(&file, bytes).expect("the temp dir is writable");
        let expected = outcome(&[PathBuf::from("python3")], &file);
        let got = outcome(&runner, &file);
        if got != expected {
            mismatches.push(format!(
                "{name}:\n  python3: {expected:?}\n  {tag}: {got:?}"
            ));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

fn cli(node: PathBuf, backend: &str) -> Vec<PathBuf> {
    js::cli_command(node, backend)
}

#[test]
fn the_native_runner_decodes_source_bytes_like_python() {
    assert_decodes_like_python(vec![native_runner_binary()], "native");
}

#[test]
fn cli_on_jspi_decodes_source_bytes_like_python() {
    assert_decodes_like_python(cli(js::node26(), "jspi"), "jspi");
}

#[test]
fn cli_on_asyncify_decodes_source_bytes_like_python() {
    assert_decodes_like_python(cli(js::node20(), "asyncify"), "asyncify");
}

#[test]
fn cli_on_the_worker_decodes_source_bytes_like_python() {
    assert_decodes_like_python(cli(js::node20(), "worker"), "worker");
}
