//! `cargo xtask bench` with no backend named: every runtime that runs in Node, CPython
//! and the native runner, measured in one run by `benches/bench.mjs` (which documents
//! what is measured and the JSON schema), with the peers Pyodide and MicroPython.
//!
//! ```text
//!   build: web distribution, stackswitch-native (release); install: Node 26, the peers
//!   run:   node26 target/stackswitch-web/bench/bench.mjs  ──►  target/report/bench.{json,md,svg}
//!   keep:  (full runs only) benches/results/<date>-node.md and .svg
//! ```
//!
//! Invariant: a `--quick` run (CI) writes only under `target/`; a full run also leaves
//! its summary and chart in `benches/results/`, the figures the README quotes.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{setup, web, workspace};

/// The Node 20 the bench measures beside Node 26: Debian's, as the tests use.
pub const NODE20: &str = "/usr/bin/node";

/// How to run the whole bench.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// CI mode: small inputs, one round after a warm-up, nothing kept outside `target/`.
    pub quick: bool,
    /// Rounds (default: 5, or 1 with `quick`).
    pub rounds: Option<u32>,
    /// The Node 26 that drives the bench and hosts its Node 26 runtimes.
    pub node: Option<PathBuf>,
}

/// `target/report`: where the bench writes bench.json, bench.md and bench.svg.
pub fn report_dir() -> PathBuf {
    workspace::target_dir().join("report")
}

/// Build, install, run the bench; the exit status is the bench's (1: a stackswitch
/// runtime printed something other than CPython or failed).
pub fn run_all(options: &Options) -> Result<i32, String> {
    let dist = web::build(false)?;
    let mut native = workspace::cargo();
    native.args([
        "build",
        "--release",
        "--quiet",
        "-p",
        "stackswitch-native",
        "--bin",
        "stackswitch-native",
    ]);
    workspace::run_ok(&mut native, false)?;
    let node = match &options.node {
        Some(node) => node.clone(),
        None => {
            setup::ensure("Node 26", false)?;
            setup::node26_path()
        }
    };
    setup::ensure("Bench peers", false)?;
    let report = report_dir();
    let mut command = Command::new(node);
    command
        .arg(dist.join("bench/bench.mjs"))
        .arg("--peers")
        .arg(setup::bench_peers_dir())
        .arg("--native")
        .arg(workspace::binary("release", "stackswitch-native"))
        .args(["--node20", NODE20, "--python", "python3", "--out"])
        .arg(&report);
    if options.quick {
        command.arg("--quick");
    }
    if let Some(rounds) = options.rounds {
        command.args(["--rounds", &rounds.to_string()]);
    }
    let status = workspace::run(&mut command, true)?;
    if !status.success() || options.quick {
        return Ok(workspace::exit_code(status));
    }
    let kept = keep_results(&report, &workspace::root().join("benches/results"), options)?;
    println!("bench: summary and chart kept as {}", kept.display());
    Ok(0)
}

/// Copy the run's tables and chart to `<results>/<date>-node.{md,svg}`, the markdown
/// headed by the command that produced it. Returns the markdown's path.
fn keep_results(report: &Path, results: &Path, options: &Options) -> Result<PathBuf, String> {
    let read = |name: &str| {
        let path = report.join(name);
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let date = run_date(&read("bench.json")?)
        .ok_or("bench.json has no \"date\"")?
        .to_owned();
    let mut command = "cargo xtask bench".to_owned();
    if let Some(rounds) = options.rounds {
        command.push_str(&format!(" --rounds {rounds}"));
    }
    let summary = format!(
        "# Benchmark, Node, {date}\n\nProduced by `{command}` (tables: target/report/bench.md, \
         data: target/report/bench.json; chart: {date}-node.svg).\n\n{}",
        read("bench.md")?
    );
    std::fs::create_dir_all(results)
        .map_err(|e| format!("cannot create {}: {e}", results.display()))?;
    let markdown = results.join(format!("{date}-node.md"));
    let write = |path: &Path, text: &str| {
        std::fs::write(path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    write(&markdown, &summary)?;
    write(
        &results.join(format!("{date}-node.svg")),
        &read("bench.svg")?,
    )?;
    Ok(markdown)
}

/// The `YYYY-MM-DD` of bench.json's `"date": "<ISO 8601>"`.
fn run_date(json: &str) -> Option<&str> {
    let after = json.split_once("\"date\": \"")?.1;
    let date = after.get(..10)?;
    let well_formed = date.bytes().enumerate().all(|(i, b)| {
        if i == 4 || i == 7 {
            b == b'-'
        } else {
            b.is_ascii_digit()
        }
    });
    well_formed.then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_run_date_is_read_from_the_report() {
        let json =
            "{\n  \"schema\": \"stackswitch-bench/1\",\n  \"date\": \"2026-12-04T21:01:00.000Z\",";
        assert_eq!(run_date(json), Some("2026-12-04"));
        assert_eq!(run_date("{\"date\": \"soon\"}"), None);
        assert_eq!(run_date("{}"), None);
    }

    #[test]
    fn kept_results_name_their_command_and_date() {
        let dir = std::env::temp_dir().join(format!("xtask-bench-{}", std::process::id()));
        let (report, results) = (dir.join("report"), dir.join("results"));
        std::fs::create_dir_all(&report).unwrap();
        std::fs::write(
            report.join("bench.json"),
            "{\"date\": \"2026-01-02T03:04:05Z\"}",
        )
        .unwrap();
        std::fs::write(report.join("bench.md"), "| table |\n").unwrap();
        std::fs::write(report.join("bench.svg"), "<svg/>").unwrap();
        let options = Options {
            rounds: Some(3),
            ..Options::default()
        };
        let kept = keep_results(&report, &results, &options).unwrap();
        assert_eq!(kept, results.join("2026-01-02-node.md"));
        let text = std::fs::read_to_string(&kept).unwrap();
        assert!(text.contains("`cargo xtask bench --rounds 3`"), "{text}");
        assert!(text.ends_with("| table |\n"), "{text}");
        assert_eq!(
            std::fs::read_to_string(results.join("2026-01-02-node.svg")).unwrap(),
            "<svg/>"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
