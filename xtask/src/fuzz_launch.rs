//! `cargo xtask fuzz [--seconds N] [--seed S] [--max-inputs N] [--timeout T] [--release] [--differential]`
//! (`T` in seconds of a release build; a debug runner waits `DEBUG_TIMEOUT_FACTOR` times longer):
//! build the in-process `fuzz-runner` and drive it for a time budget.
//!
//! The runner is restarted after an input that hung (it saved the input and exited so
//! the stuck thread dies with it) or that killed it (a stack overflow, an abort: this
//! launcher saves the input from the runner's in-flight record). Inputs are numbered
//! from 0 and derived from the seed alone, so `--seed S --max-inputs N` reruns exactly
//! the same inputs; with only a time budget, how many run depends on the machine.
//!
//! With `--differential` the inputs are instead run by `python3` and by the native runner
//! (`stackswitch-native`) as separate processes and compared (`fuzz/differential.rs`);
//! differences are saved as suite candidates in `fuzz/candidates/`.
//!
//! Invariant: the launcher reports success only if every input ran without a finding;
//! every finding is in `fuzz/artifacts/<hash>.py` by the time the summary is printed.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use xtask::fuzz;

use crate::workspace;

/// A debug-profile runner is about this many times slower than a release one, so its
/// watchdog is scaled by it: `--timeout` is meant in release seconds, and a legitimate
/// slow input (5,000 chained method calls) must not be flagged as a hang.
const DEBUG_TIMEOUT_FACTOR: u64 = 10;

/// Runner restarts allowed in one campaign before giving up on the time budget.
const MAX_RESTARTS: u32 = 20;

#[derive(Clone, Debug, PartialEq)]
pub struct FuzzOptions {
    pub seconds: f64,
    pub seed: Option<u64>,
    pub max_inputs: Option<u64>,
    /// Watchdog per input, in seconds of a release build (scaled for debug builds).
    pub timeout: u64,
    /// Build the runner with the release profile (faster inputs, slower build).
    pub release: bool,
    /// Compare each input's output with `python3` instead of only checking for crashes.
    pub differential: bool,
    pub verbose: bool,
}

impl Default for FuzzOptions {
    fn default() -> Self {
        FuzzOptions {
            seconds: 60.0,
            seed: None,
            max_inputs: None,
            timeout: 10,
            release: false,
            differential: false,
            verbose: false,
        }
    }
}

/// `cargo build ARGS` in the campaign's profile.
fn build_binary(args: &[&str], options: &FuzzOptions) -> Result<(), String> {
    let mut build = workspace::cargo();
    build.arg("build").args(args);
    if options.release {
        build.arg("--release");
    }
    if !options.verbose {
        build.arg("--quiet");
    }
    workspace::run_ok(&mut build, options.verbose)
}

/// The runner's per-input watchdog for this build profile.
fn watchdog_seconds(options: &FuzzOptions) -> u64 {
    if options.release {
        options.timeout
    } else {
        options.timeout.saturating_mul(DEBUG_TIMEOUT_FACTOR)
    }
}

/// Parse the `fuzz` subcommand's arguments.
pub fn parse(args: &[String]) -> Result<FuzzOptions, String> {
    let mut options = FuzzOptions::default();
    let mut args = args.iter();
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--seconds" => {
                let text = value()?;
                options.seconds = text
                    .parse::<f64>()
                    .ok()
                    .filter(|s| s.is_finite() && *s >= 0.0)
                    .ok_or_else(|| format!("--seconds: not a duration: {text:?}"))?;
            }
            "--seed" => options.seed = Some(whole_number(flag, value()?)?),
            "--max-inputs" => options.max_inputs = Some(whole_number(flag, value()?)?),
            "--timeout" => options.timeout = whole_number(flag, value()?)?.max(1),
            "--release" => options.release = true,
            "--differential" => options.differential = true,
            "--verbose" | "-v" => options.verbose = true,
            other => return Err(format!("fuzz: unknown option {other:?}")),
        }
    }
    Ok(options)
}

fn whole_number(flag: &str, text: &str) -> Result<u64, String> {
    text.parse()
        .map_err(|_| format!("{flag}: not a whole number: {text:?}"))
}

/// A seed from the clock, for campaigns that did not choose one.
fn clock_seed() -> u64 {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos());
    (nanos as u64) ^ u64::from(std::process::id()).rotate_left(32)
}

/// Run a campaign; `Ok(true)` if it found nothing.
pub fn fuzz(options: &FuzzOptions) -> Result<bool, String> {
    if options.differential {
        return differential(options);
    }
    let profile = if options.release { "release" } else { "debug" };
    build_binary(
        &["-p", "xtask", "--features", "fuzz", "--bin", "fuzz-runner"],
        options,
    )?;

    let seed = options.seed.unwrap_or_else(clock_seed);
    let root = workspace::root();
    let artifacts = fuzz::artifacts_dir(&root);
    println!(
        "fuzz: seed {seed}, {} s{} (rerun: cargo xtask fuzz --seed {seed})",
        options.seconds,
        options
            .max_inputs
            .map_or(String::new(), |n| format!(", at most {n} inputs"))
    );
    let started = Instant::now();
    let budget = Duration::from_secs_f64(options.seconds);
    let mut next = 0_u64;
    let mut findings = 0_u64;
    let mut restarts = 0_u32;
    loop {
        let remaining = budget.saturating_sub(started.elapsed());
        let mut runner = Command::new(workspace::binary(profile, "fuzz-runner"));
        runner
            .arg("--root")
            .arg(&root)
            .args(["--seed", &seed.to_string()])
            .args(["--seconds", &format!("{:.3}", remaining.as_secs_f64())])
            .args(["--start", &next.to_string()])
            .args(["--timeout", &watchdog_seconds(options).to_string()]);
        if let Some(most) = options.max_inputs {
            runner.args(["--max-inputs", &most.to_string()]);
        }
        let segment = run_segment(&mut runner, options.verbose)?;
        findings += segment.findings;
        match segment.status {
            Some(fuzz::RUNNER_CLEAN) | Some(fuzz::RUNNER_FINDINGS) => {
                next = segment.next.unwrap_or(next);
                break;
            }
            Some(fuzz::RUNNER_HUNG) => {
                next = segment.next.unwrap_or(next + 1);
            }
            Some(fuzz::RUNNER_ERROR) => {
                return Err("the fuzz runner could not start its work".into())
            }
            _ => {
                let Some((index, source)) = fuzz::read_in_flight(&artifacts) else {
                    return Err(format!(
                        "the fuzz runner died ({}) without an in-flight record",
                        segment.description
                    ));
                };
                let path = fuzz::save_artifact(&artifacts, &source)
                    .map_err(|error| format!("cannot save a finding: {error}"))?;
                fuzz::clear_in_flight(&artifacts);
                findings += 1;
                println!(
                    "{} the runner died ({}) on input {index}\n  saved as {}",
                    fuzz::FINDING_PREFIX,
                    segment.description,
                    path.display()
                );
                next = index + 1;
            }
        }
        restarts += 1;
        let done = options.max_inputs.is_some_and(|most| next >= most);
        if done || started.elapsed() >= budget {
            break;
        }
        if restarts > MAX_RESTARTS {
            println!("fuzz: stopping after {MAX_RESTARTS} restarts of the runner");
            break;
        }
    }
    let where_ = if findings > 0 {
        format!(", saved in {}", artifacts.display())
    } else {
        String::new()
    };
    println!(
        "fuzz: {next} inputs run in {:.0} s, {findings} findings (seed {seed}){where_}",
        started.elapsed().as_secs_f64()
    );
    Ok(findings == 0)
}

struct Segment {
    status: Option<i32>,
    description: String,
    next: Option<u64>,
    findings: u64,
}

/// Run the runner once, echoing its output and reading its findings and summary.
fn run_segment(runner: &mut Command, verbose: bool) -> Result<Segment, String> {
    if verbose {
        println!("$ {}", workspace::describe(runner));
    }
    let mut child = runner
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| format!("cannot start the fuzz runner: {error}"))?;
    let mut next = None;
    let mut findings = 0;
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some((index, _)) = fuzz::parse_summary(&line) {
                next = Some(index);
                continue;
            }
            if line.starts_with(fuzz::FINDING_PREFIX) {
                findings += 1;
            }
            println!("{line}");
        }
    }
    let status = child
        .wait()
        .map_err(|error| format!("cannot wait for the fuzz runner: {error}"))?;
    Ok(Segment {
        status: status.code(),
        description: workspace::describe_status(status),
        next,
        findings,
    })
}

/// The differential campaign (see `fuzz/differential.rs`): inputs `0..` of the seed,
/// each run by `python3` and by the native runner; differences become suite candidates.
fn differential(options: &FuzzOptions) -> Result<bool, String> {
    let profile = if options.release { "release" } else { "debug" };
    build_binary(
        &["-p", "stackswitch-native", "--bin", "stackswitch-native"],
        options,
    )?;
    let native = workspace::binary(profile, "stackswitch-native");
    let root = workspace::root();
    let corpus = fuzz::load_corpus(&root.join("tests").join("programs"))
        .map_err(|e| format!("fuzz: reading the corpus: {e}"))?;
    let candidates = fuzz::differential::candidates_dir(&root);
    let scratch = workspace::target_dir().join("fuzz-differential");
    std::fs::create_dir_all(&scratch).map_err(|e| format!("fuzz: {e}"))?;
    let input_file = scratch.join("input.py");
    let seed = options.seed.unwrap_or_else(clock_seed);
    println!(
        "fuzz --differential: seed {seed}, {} s (rerun: cargo xtask fuzz --differential --seed {seed})",
        options.seconds
    );
    let python_timeout = Duration::from_secs(options.timeout);
    let our_timeout = Duration::from_secs(watchdog_seconds(options));
    let started = Instant::now();
    let budget = Duration::from_secs_f64(options.seconds);
    let (mut execs, mut skipped, mut findings) = (0_u64, 0_u64, 0_u64);
    let mut index = 0_u64;
    while started.elapsed() < budget && options.max_inputs.is_none_or(|most| index < most) {
        let input = fuzz::input_for(seed, index, &corpus);
        index += 1;
        std::fs::write(&input_file, &input.source).map_err(|e| format!("fuzz: {e}"))?;
        let observe = |command: &mut Command, timeout| {
            fuzz::differential::observe(command, &input_file, &scratch, timeout)
                .map_err(|e| format!("fuzz: running an input: {e}"))
        };
        let python = || {
            let mut command = Command::new("python3");
            command.args(["-X", "utf8"]);
            command
        };
        let cpython = observe(&mut python(), python_timeout)?;
        execs += 1;
        if cpython.status.is_none() || cpython.warned {
            skipped += 1;
            continue;
        }
        let ours = observe(&mut Command::new(&native), our_timeout)?;
        let differences = fuzz::differential::differences(&cpython, &ours);
        if differences.is_empty() {
            continue;
        }
        // A program whose CPython output changes between runs cannot be compared.
        if observe(&mut python(), python_timeout)? != cpython {
            skipped += 1;
            continue;
        }
        findings += 1;
        let path = fuzz::differential::save_candidate(&candidates, &input.source, &differences)
            .map_err(|e| format!("fuzz: saving a candidate: {e}"))?;
        println!(
            "{} input {} -> {}",
            fuzz::FINDING_PREFIX,
            index - 1,
            path.display()
        );
        for d in &differences {
            println!("    {d}");
        }
    }
    println!(
        "fuzz --differential: {execs} inputs, {skipped} skipped (python3 timed out, warned or \
         varied), {findings} differing, in {:.0} s",
        started.elapsed().as_secs_f64()
    );
    Ok(findings == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(args: &[&str]) -> Vec<String> {
        args.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn options_parse() {
        assert_eq!(parse(&[]).unwrap(), FuzzOptions::default());
        let options = parse(&strings(&[
            "--seconds",
            "5",
            "--seed",
            "7",
            "--max-inputs",
            "100",
            "--release",
            "--timeout",
            "3",
        ]))
        .unwrap();
        assert_eq!(options.seconds, 5.0);
        assert_eq!(options.seed, Some(7));
        assert_eq!(options.max_inputs, Some(100));
        assert_eq!(options.timeout, 3);
        assert!(options.release);
        assert!(parse(&strings(&["--seconds"])).is_err());
        assert!(parse(&strings(&["--seed", "x"])).is_err());
        assert!(parse(&strings(&["--seconds", "-1"])).is_err());
        assert!(parse(&strings(&["--bogus"])).is_err());
    }

    #[test]
    fn debug_runners_get_a_scaled_watchdog() {
        let release = parse(&strings(&["--release", "--timeout", "4"])).unwrap();
        assert_eq!(watchdog_seconds(&release), 4);
        let debug = parse(&strings(&["--timeout", "4"])).unwrap();
        assert_eq!(watchdog_seconds(&debug), 4 * DEBUG_TIMEOUT_FACTOR);
    }
}
