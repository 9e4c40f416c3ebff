//! Checks of the conformance suite itself, independent of any backend.
//!
//! - `expected_outputs_are_in_sync`: every program has a parseable expected file, every
//!   expected file and every `.stdin` file has a program, names are `<area>__<case>`,
//!   no expected output contains a server address, and `syntax__*` files record a line.
//! - `cpython_matches_expected` (ignored by default; needs `python3` 3.11): runs the whole
//!   suite through CPython via [`stackswitch_tests::run_with_cpython`], the same way every
//!   backend is run, which proves the harness, the server and the expected files agree.
//!   Run it with `cargo test -p stackswitch-tests --test suite -- --ignored`.

use std::collections::BTreeSet;
use std::fs;
use std::sync::Arc;

use stackswitch_tests::server::TestServer;
use stackswitch_tests::{
    expected_dir, programs, programs_dir, run_suite, run_with_cpython, Runner, SuiteOptions,
};

fn stems(dir: &std::path::Path, extension: &str) -> BTreeSet<String> {
    fs::read_dir(dir)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", dir.display()))
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().and_then(|e| e.to_str()) == Some(extension))
        .filter_map(|path| path.file_stem()?.to_str().map(str::to_owned))
        .collect()
}

fn is_valid_name(name: &str) -> bool {
    let Some((area, case)) = name.split_once("__") else {
        return false;
    };
    let word = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    };
    word(area) && !area.contains('_') && word(case)
}

#[test]
fn expected_outputs_are_in_sync() {
    let programs = programs().expect("the programs should be readable");
    assert!(
        programs.len() >= 100,
        "only {} programs in {}",
        programs.len(),
        programs_dir().display()
    );
    let program_names: BTreeSet<String> = programs.iter().map(|p| p.name.clone()).collect();
    let expected_names = stems(&expected_dir(), "out");
    let stdin_names = stems(&programs_dir(), "stdin");
    let mut problems = Vec::new();
    for name in program_names.difference(&expected_names) {
        problems.push(format!("{name}.py has no expected/{name}.out"));
    }
    for name in expected_names.difference(&program_names) {
        problems.push(format!("expected/{name}.out has no programs/{name}.py"));
    }
    for name in stdin_names.difference(&program_names) {
        problems.push(format!("programs/{name}.stdin has no programs/{name}.py"));
    }
    for program in &programs {
        if !is_valid_name(&program.name) {
            problems.push(format!("{}: not named <area>__<case>", program.name));
        }
        if !program.expected_path.exists() {
            continue;
        }
        match program.expected() {
            Err(error) => problems.push(error),
            Ok(expected) => {
                let recorded = format!("{}\n{}", expected.stdout, expected.stderr_last_line);
                if recorded.contains("127.0.0.1:") || recorded.contains("localhost:") {
                    problems.push(format!(
                        "{}: output contains a server address",
                        program.name
                    ));
                }
                if program.is_syntax() != expected.syntax_line.is_some() {
                    problems.push(format!(
                        "{}: syntax-line recorded for the wrong kind of program",
                        program.name
                    ));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "the suite is out of sync (fix, then run `python3 tests/regen.py`):\n{}",
        problems.join("\n")
    );
}

#[test]
#[ignore = "runs CPython on every program; use -- --ignored"]
fn cpython_matches_expected() {
    let server = TestServer::start().expect("the test server should start");
    let runner: Arc<dyn Runner> = Arc::new(run_with_cpython);
    let report = run_suite(
        runner,
        &server.base_url(),
        &SuiteOptions::from_env(),
        |_, _| {},
    )
    .expect("the programs should be readable");
    assert!(report.is_success(), "\n{report}");
    eprintln!("{report}");
}
