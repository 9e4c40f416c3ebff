//! `cargo xtask`: the project's build orchestration (the alias is in `.cargo/config.toml`).
//!
//! ```text
//! cargo xtask run [--backend native|auto|jspi|worker|asyncify] [--node PATH] [--verbose] [-i] [-c CODE | FILE.py | -] [ARGS...]
//! cargo xtask test [--skip STEP]... [--fuzz-seconds N] [--fuzz-seed S] [--verbose]
//! cargo xtask dist
//! cargo xtask regen [ARGS...]
//! cargo xtask fuzz [--seconds N] [--seed S] [--max-inputs N] [--timeout T] [--release] [--differential] [--verbose]
//! cargo xtask bench [--quick] [--rounds N] [--node PATH]   (every runtime in Node, CPython, the native runner, the peers: bench.rs)
//! cargo xtask bench --backend jspi|worker|asyncify [--rounds N] [--node PATH]   (one backend, then in the browsers that have it)
//! cargo xtask serve [--port N] [--isolated] [--build-only] [--verbose]
//! ```
//!
//! Invariant: this binary does not link the interpreter (only `fuzz-runner` does), so it
//! builds and runs whatever state `stackswitch-core` is in; its exit status is the one of
//! what it ran (`run`), or 0/1 for pass/fail, or 2 for a usage error.

mod backend;
mod bench;
mod dist;
mod fuzz_launch;
mod playground;
mod setup;
mod test_suite;
mod web;
mod workspace;

use std::path::PathBuf;
use std::process::{Command, ExitCode};

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  run [--backend native|auto|jspi|worker|asyncify] [--node PATH] [--verbose] [-i] [-c CODE | FILE.py | -] [ARGS...]
        run a Python program on a backend (default: auto), with python3's command line
  test [--skip STEP]... [--fuzz-seconds N] [--fuzz-seed S] [--verbose]
        the one test command: setup, fmt, clippy, web, dist, test, wasm, fuzz
  dist
        the npm package: target/npm/stackswitch-<version>.tgz (builds the web build first)
  regen [ARGS...]
        regenerate tests/expected/ with CPython (python3 tests/regen.py)
  fuzz [--seconds N] [--seed S] [--max-inputs N] [--timeout T] [--release] [--differential] [--verbose]
        fuzz the interpreter in-process (findings go to fuzz/artifacts/)
  bench [--quick] [--rounds N] [--node PATH]
        one run over every runtime in Node 26 and 20, CPython, the native runner, Pyodide
        and MicroPython: blocking-call cost, CPU suite, startup, size (target/report/)
  bench --backend jspi|worker|asyncify [--rounds N] [--node PATH]
        one backend's suspension cost and wasm size, in Node and the browsers (benches/)
  serve [--port N] [--isolated] [--build-only] [--verbose]
        build the playground (target/playground) and serve it on 127.0.0.1 (default port 8000)";

/// Why a command could not do its work.
enum Failure {
    /// Bad arguments: print the message and the usage, exit 2.
    Usage(String),
    /// The command ran into an error: print it, exit 1.
    Error(String),
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.split_first() {
        None => Err(Failure::Usage("no command given".into())),
        Some((command, rest)) => dispatch(command, rest),
    };
    match result {
        Ok(code) => ExitCode::from(code.clamp(0, 255) as u8),
        Err(Failure::Usage(message)) => {
            eprintln!("xtask: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
        Err(Failure::Error(message)) => {
            eprintln!("xtask: error: {message}");
            ExitCode::from(1)
        }
    }
}

fn dispatch(command: &str, args: &[String]) -> Result<i32, Failure> {
    match command {
        "run" => run(args),
        "test" => {
            let options = test_suite::parse(args).map_err(Failure::Usage)?;
            Ok(if test_suite::run(&options) { 0 } else { 1 })
        }
        "dist" => {
            if let Some(extra) = args.first() {
                return Err(Failure::Usage(format!(
                    "dist takes no arguments, not {extra:?}"
                )));
            }
            dist::build(false).map_err(Failure::Error)?;
            Ok(0)
        }
        "regen" => regen(args),
        "fuzz" => {
            let options = fuzz_launch::parse(args).map_err(Failure::Usage)?;
            let clean = fuzz_launch::fuzz(&options).map_err(Failure::Error)?;
            Ok(if clean { 0 } else { 1 })
        }
        "bench" => bench(args),
        "serve" => {
            let options = playground::parse(args).map_err(Failure::Usage)?;
            playground::serve(&options).map_err(Failure::Error)
        }
        "help" | "--help" | "-h" => {
            println!("{USAGE}");
            Ok(0)
        }
        other => Err(Failure::Usage(format!("unknown command {other:?}"))),
    }
}

/// `run`'s arguments: this command's options (`--backend`, `--node`, `--verbose`), then
/// python3's command line untouched (`-c CODE`, `-`, `-i`, `FILE.py`, its arguments),
/// which the backend's runner parses as python3 does. An empty one is fine: the program
/// is then stdin, or the interactive loop on a terminal.
fn parse_run(args: &[String]) -> Result<(String, backend::RunRequest), String> {
    let mut backend = "auto".to_owned();
    let mut node = None;
    let mut verbose = false;
    let mut rest = args.iter();
    let mut python_args = Vec::new();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--backend" => {
                backend = rest.next().ok_or("--backend needs a value")?.clone();
            }
            "--node" => node = Some(PathBuf::from(rest.next().ok_or("--node needs a path")?)),
            "--verbose" | "-v" => verbose = true,
            "--" => break,
            _ => {
                python_args.push(arg.clone());
                break;
            }
        }
    }
    python_args.extend(rest.cloned());
    let request = backend::RunRequest {
        python_args,
        node,
        verbose,
    };
    Ok((backend, request))
}

fn run(args: &[String]) -> Result<i32, Failure> {
    let (backend, request) = parse_run(args).map_err(Failure::Usage)?;
    backend::run(&backend, &request).map_err(Failure::Error)
}

fn regen(args: &[String]) -> Result<i32, Failure> {
    let mut command = Command::new("python3");
    command
        .arg("tests/regen.py")
        .args(args)
        .current_dir(workspace::root());
    let status = workspace::run(&mut command, true).map_err(Failure::Error)?;
    Ok(workspace::exit_code(status))
}

/// `cargo xtask bench`: without `--backend`, the one-run bench of every runtime
/// (`bench::run_all`); with it, build the web distribution and run `benches/suspend.mjs`
/// for that backend in Node, then the same measurements in the browsers
/// (`stackswitch-browser-bench`).
fn bench(args: &[String]) -> Result<i32, Failure> {
    let mut backend = None;
    let mut rounds = None;
    let mut node = None;
    let mut quick = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        let mut value = || {
            rest.next()
                .cloned()
                .ok_or_else(|| Failure::Usage(format!("{arg} needs a value")))
        };
        match arg.as_str() {
            "--backend" => backend = Some(value()?),
            "--rounds" => rounds = Some(value()?),
            "--node" => node = Some(PathBuf::from(value()?)),
            "--quick" => quick = true,
            other => return Err(Failure::Usage(format!("unknown bench option {other:?}"))),
        }
    }
    let Some(backend) = backend else {
        let rounds =
            match rounds {
                Some(text) => Some(text.parse().map_err(|_| {
                    Failure::Usage(format!("--rounds needs a number, not {text:?}"))
                })?),
                None => None,
            };
        let options = bench::Options {
            quick,
            rounds,
            node,
        };
        return bench::run_all(&options).map_err(Failure::Error);
    };
    if quick {
        return Err(Failure::Usage(
            "--quick is for the whole bench (no --backend)".into(),
        ));
    }
    let rounds = rounds.unwrap_or_else(|| "5".into());
    if !web::WASM_BACKENDS.contains(&backend.as_str()) {
        return Err(Failure::Usage(format!(
            "no benchmark for backend {backend:?} yet (built: {})",
            web::WASM_BACKENDS.join(", ")
        )));
    }
    let dist = web::build(false).map_err(Failure::Error)?;
    let node = match node {
        Some(node) => node,
        None => {
            setup::ensure("Node 26", false).map_err(Failure::Error)?;
            setup::node26_path()
        }
    };
    let mut command = Command::new(node);
    command
        .arg(dist.join("bench/suspend.mjs"))
        .args(["--backend", &backend, "--rounds", &rounds]);
    let status = workspace::run(&mut command, false).map_err(Failure::Error)?;
    if !status.success() {
        return Ok(workspace::exit_code(status));
    }
    // The same figures in the browsers that have the backend: headless Chromium, Firefox
    // ESR and WebKitGTK; for the worker backend per kind of page, since its channel
    // depends on it (cross-origin isolated: shared memory; plain: service worker).
    setup::ensure("Chromium", false).map_err(Failure::Error)?;
    setup::ensure("Firefox", false).map_err(Failure::Error)?;
    setup::ensure("geckodriver", false).map_err(Failure::Error)?;
    setup::ensure("WebKitGTK", false).map_err(Failure::Error)?;
    let mut browser = workspace::cargo();
    browser
        .args(["run", "--quiet", "-p", "stackswitch-tests", "--bin"])
        .arg("stackswitch-browser-bench")
        .args(["--", "--backend", &backend, "--rounds", &rounds])
        .env("STACKSWITCH_WEB_DIST", &dist)
        .env("STACKSWITCH_CHROMIUM", setup::CHROMIUM_BINARY);
    let status = workspace::run(&mut browser, false).map_err(Failure::Error)?;
    Ok(workspace::exit_code(status))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn run_options_stop_at_pythons_command_line() {
        let (backend, request) = parse_run(&strings(&[
            "--backend",
            "native",
            "--verbose",
            "prog.py",
            "--backend",
            "x",
            "-v",
        ]))
        .unwrap();
        assert_eq!(backend, "native");
        assert!(request.verbose);
        assert_eq!(
            request.python_args,
            strings(&["prog.py", "--backend", "x", "-v"])
        );

        let (backend, request) = parse_run(&strings(&["--", "--odd.py", "a"])).unwrap();
        assert_eq!(backend, "auto");
        assert_eq!(request.python_args, strings(&["--odd.py", "a"]));

        let (_, request) = parse_run(&strings(&["-c", "print(1)", "--node", "a"])).unwrap();
        assert_eq!(
            request.python_args,
            strings(&["-c", "print(1)", "--node", "a"])
        );
        assert_eq!(request.node, None);

        let (_, request) = parse_run(&strings(&["--node", "/usr/bin/node", "-"])).unwrap();
        assert_eq!(request.node, Some(PathBuf::from("/usr/bin/node")));
        assert_eq!(request.python_args, strings(&["-"]));

        let (_, request) = parse_run(&[]).unwrap();
        assert!(request.python_args.is_empty());
        assert!(parse_run(&strings(&["--backend"])).is_err());
    }

    #[test]
    fn unknown_commands_are_usage_errors() {
        assert!(matches!(dispatch("nope", &[]), Err(Failure::Usage(_))));
        assert!(matches!(
            dispatch("bench", &["--backend".into(), "native".into()]),
            Err(Failure::Usage(_))
        ));
        assert!(matches!(
            dispatch(
                "bench",
                &["--backend".into(), "jspi".into(), "--quick".into()]
            ),
            Err(Failure::Usage(_))
        ));
        assert!(matches!(
            dispatch("bench", &["--rounds".into(), "many".into()]),
            Err(Failure::Usage(_))
        ));
        assert!(matches!(dispatch("help", &[]), Ok(0)));
    }
}
