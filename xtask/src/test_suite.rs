//! `cargo xtask test`: the project's one test command.
//!
//! Steps, in order: `setup` (prerequisites, see [`crate::setup`]), `fmt`
//! (`cargo fmt --check`), `clippy` (the workspace with `-D warnings`, then the xtask fuzz
//! runner, which only builds with its feature), `web` (the wasm backends through
//! wasm-bindgen plus the JS runtime, see [`crate::web`]), `playground` (the page of
//! `cargo xtask serve`, see [`crate::playground`]), `dist` (the npm package's
//! tarball, see [`crate::dist`], which tests/tests/npm_package.rs installs), `test` (`cargo test
//! --workspace`, which runs the conformance suite natively, on Node 26 through the
//! JSPI backend and in headless Chromium through the JSPI backend, then the fuzz
//! runner's tests), `wasm`
//! (the core for `wasm32-unknown-unknown`, release), `embedder` (the example embedder
//! crate built as each wasm backend by its own script, then run through each: see
//! examples/robot-embedder), `bench` (`cargo xtask bench --quick`: every runtime's
//! output checked against CPython's, figures only reported; see [`crate::bench`]) and
//! `fuzz` (a short fixed-seed campaign). Options: `--skip STEP` (repeatable), `--fuzz-seconds N`, `--fuzz-seed S`,
//! `--verbose`.
//!
//! Invariant: every step runs even after another failed, so one run shows every
//! problem; the last line printed is the verdict, and the exit status is non-zero if any
//! step failed.

use std::time::{Duration, Instant};

use crate::fuzz_launch::{self, FuzzOptions};
use crate::setup;
use crate::workspace;

/// The steps, by the names `--skip` takes.
pub const STEPS: &[&str] = &[
    "setup",
    "fmt",
    "clippy",
    "web",
    "dist",
    "playground",
    "test",
    "wasm",
    "embedder",
    "bench",
    "fuzz",
];

#[derive(Clone, Debug, PartialEq)]
pub struct TestOptions {
    pub skip: Vec<String>,
    pub fuzz_seconds: f64,
    pub fuzz_seed: u64,
    pub verbose: bool,
}

impl Default for TestOptions {
    fn default() -> Self {
        TestOptions {
            skip: Vec::new(),
            fuzz_seconds: 60.0,
            // Fixed, so that CI runs the same inputs every time (as many as fit).
            fuzz_seed: 0,
            verbose: false,
        }
    }
}

/// Parse the `test` subcommand's arguments.
pub fn parse(args: &[String]) -> Result<TestOptions, String> {
    let mut options = TestOptions::default();
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--skip" => {
                let step = value()?;
                if !STEPS.contains(&step.as_str()) {
                    return Err(format!(
                        "--skip: no step {step:?} (steps: {})",
                        STEPS.join(", ")
                    ));
                }
                options.skip.push(step.clone());
            }
            "--fuzz-seconds" => {
                let text = value()?;
                options.fuzz_seconds = text
                    .parse::<f64>()
                    .ok()
                    .filter(|s| s.is_finite() && *s >= 0.0)
                    .ok_or_else(|| format!("--fuzz-seconds: not a duration: {text:?}"))?;
            }
            "--fuzz-seed" => {
                let text = value()?;
                options.fuzz_seed = text
                    .parse()
                    .map_err(|_| format!("--fuzz-seed: not a whole number: {text:?}"))?;
            }
            "--verbose" | "-v" => options.verbose = true,
            other => return Err(format!("test: unknown option {other:?}")),
        }
    }
    Ok(options)
}

fn cargo_step(args: &[&str]) -> Result<(), String> {
    let mut command = workspace::cargo();
    command.args(args);
    workspace::run_ok(&mut command, true)
}

fn run_step(name: &str, options: &TestOptions) -> Result<(), String> {
    match name {
        "setup" => setup::ensure_all(options.verbose),
        "fmt" => cargo_step(&["fmt", "--all", "--check"]),
        "clippy" => {
            cargo_step(&[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ])?;
            cargo_step(&[
                "clippy",
                "-p",
                "xtask",
                "--all-targets",
                "--features",
                "fuzz",
                "--",
                "-D",
                "warnings",
            ])
        }
        "web" => crate::web::build(options.verbose).map(|_| ()),
        "dist" => crate::dist::build(options.verbose).map(|_| ()),
        "playground" => crate::playground::build(options.verbose).map(|_| ()),
        "test" => {
            // Where the JS-hosted backend tests find what the `web` step built.
            std::env::set_var("STACKSWITCH_WEB_DIST", crate::web::dist_dir());
            std::env::set_var("STACKSWITCH_PLAYGROUND_DIST", crate::playground::dist_dir());
            std::env::set_var("STACKSWITCH_NODE", setup::node26_path());
            std::env::set_var("STACKSWITCH_CHROMIUM", setup::CHROMIUM_BINARY);
            std::env::set_var("STACKSWITCH_GECKODRIVER", setup::geckodriver_path());
            // What tests/tests/npm_package.rs installs and checks with.
            std::env::set_var("STACKSWITCH_NPM_TARBALL", crate::dist::tarball()?);
            std::env::set_var("STACKSWITCH_TSC", setup::tsc_path());
            std::env::set_var("STACKSWITCH_ESBUILD", setup::esbuild_path());
            // --no-fail-fast: every test binary runs, so one run shows every failure.
            let workspace = cargo_step(&["test", "--workspace", "--no-fail-fast"]);
            // The fuzz runner's own tests only build with its feature.
            let runner = cargo_step(&[
                "test",
                "-p",
                "xtask",
                "--features",
                "fuzz",
                "--bin",
                "fuzz-runner",
            ]);
            // The workspace build compiles core with `frozen-stdlib` (the native backend
            // wants it); the web builds' lazily loaded standard library is tested here.
            let lazy_stdlib = cargo_step(&[
                "test",
                "-p",
                "stackswitch-core",
                "--no-default-features",
                "--test",
                "lazy_stdlib",
            ]);
            workspace.and(runner).and(lazy_stdlib)
        }
        "wasm" => cargo_step(&[
            "build",
            "-p",
            "stackswitch-core",
            "--target",
            "wasm32-unknown-unknown",
            "--release",
        ]),
        "embedder" => {
            std::env::set_var("STACKSWITCH_NODE", setup::node26_path());
            cargo_step(&["test", "-p", "robot-embedder", "--", "--ignored"])
        }
        "bench" => {
            let quick = crate::bench::Options {
                quick: true,
                ..crate::bench::Options::default()
            };
            match crate::bench::run_all(&quick)? {
                0 => Ok(()),
                _ => Err("a runtime's output differs from CPython's or it failed (target/report/bench.md, Failures)".into()),
            }
        }
        "fuzz" => {
            let fuzz = FuzzOptions {
                seconds: options.fuzz_seconds,
                seed: Some(options.fuzz_seed),
                verbose: options.verbose,
                ..FuzzOptions::default()
            };
            match fuzz_launch::fuzz(&fuzz)? {
                true => Ok(()),
                false => Err("findings saved in fuzz/artifacts/".into()),
            }
        }
        other => Err(format!("no step {other:?}")),
    }
}

type StepResult = (&'static str, Option<Result<(), String>>, Duration);

/// Run every step not skipped; `true` if all passed.
pub fn run(options: &TestOptions) -> bool {
    // Per step: its name, its result (None: skipped) and how long it took.
    let mut results: Vec<StepResult> = Vec::new();
    for &step in STEPS {
        if options.skip.iter().any(|s| s == step) {
            results.push((step, None, Duration::ZERO));
            continue;
        }
        println!("\n==> xtask test: {step}");
        let started = Instant::now();
        let result = run_step(step, options);
        if let Err(error) = &result {
            println!("==> xtask test: {step} FAILED: {error}");
        }
        results.push((step, Some(result), started.elapsed()));
    }

    println!("\nxtask test summary:");
    let mut failed = Vec::new();
    for (step, result, took) in &results {
        let verdict = match result {
            None => "skipped",
            Some(Ok(())) => "ok",
            Some(Err(_)) => {
                failed.push(*step);
                "FAILED"
            }
        };
        println!("  {verdict:<8} {step:<7} {:>7.1} s", took.as_secs_f64());
    }
    let ran = results.iter().filter(|(_, r, _)| r.is_some()).count();
    if failed.is_empty() {
        println!("xtask test: OK ({ran} steps passed)");
        true
    } else {
        println!(
            "xtask test: FAILED ({} of {ran} steps failed: {})",
            failed.len(),
            failed.join(", ")
        );
        false
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_parse() {
        assert_eq!(parse(&[]).unwrap(), TestOptions::default());
        let args: Vec<String> = ["--skip", "wasm", "--fuzz-seconds", "5", "--fuzz-seed", "9"]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        let options = parse(&args).unwrap();
        assert_eq!(options.skip, vec!["wasm".to_owned()]);
        assert_eq!(options.fuzz_seconds, 5.0);
        assert_eq!(options.fuzz_seed, 9);
        assert!(parse(&["--skip".to_owned(), "nope".to_owned()]).is_err());
    }

    #[test]
    fn skipping_everything_passes_without_running_anything() {
        let options = TestOptions {
            skip: STEPS.iter().map(|s| (*s).to_owned()).collect(),
            ..TestOptions::default()
        };
        assert!(run(&options));
    }
}
