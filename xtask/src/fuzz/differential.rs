//! Differential fuzzing: the same inputs run by `python3` and by the native runner, and
//! compared as the conformance suite compares them.
//!
//! An input is a finding when CPython finishes it in time and the runner's [`Observed`]
//! differs: stdout byte for byte, the last stderr line, or the exit status (a runner
//! timeout counts as a difference). For a syntax error only its type is compared, as
//! the suite compares `syntax__` programs (messages are a known difference). Skipped,
//! as not comparable: inputs CPython does not finish, inputs it warns about on stderr
//! (`SyntaxWarning`: we print no warnings), and inputs whose CPython output changes
//! from one run to the next (unseeded `random`, `time`). Findings
//! are saved as suite candidates, `fuzz/candidates/<hash>.py`, headed by a comment saying
//! what differed, ready to be reduced and moved to `tests/programs/`.
//!
//! Invariant: both interpreters run the same bytes from the same file, with stdin empty
//! and `PYTHONHASHSEED=0` (as `tests/regen.py` runs CPython), so any difference is the
//! interpreter's.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use super::rng;

/// What one run of a program showed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Observed {
    pub stdout: String,
    /// The last line of stderr once trailing line breaks are stripped.
    pub last_stderr_line: String,
    /// The exit status; `None` when the run was killed at the timeout.
    pub status: Option<i32>,
    /// Whether stderr has a warning (`<file>:N: SyntaxWarning: ...`).
    pub warned: bool,
}

/// The exception types of compile-time errors, compared by type only.
const SYNTAX_ERRORS: [&str; 3] = ["SyntaxError", "IndentationError", "TabError"];

/// The exception type named by a last stderr line, if it is a compile-time error.
fn syntax_error_type(line: &str) -> Option<&str> {
    let name = line.split(':').next()?;
    SYNTAX_ERRORS.contains(&name).then_some(name)
}

/// Run `command FILE` with empty stdin, killing it after `timeout`; its output goes
/// through files in `scratch` so a chatty program cannot block on a full pipe.
pub fn observe(
    command: &mut Command,
    file: &Path,
    scratch: &Path,
    timeout: Duration,
) -> io::Result<Observed> {
    let stdout_path = scratch.join("stdout");
    let stderr_path = scratch.join("stderr");
    let mut child = command
        .arg(file)
        .env("PYTHONHASHSEED", "0")
        .stdin(Stdio::null())
        .stdout(fs::File::create(&stdout_path)?)
        .stderr(fs::File::create(&stderr_path)?)
        .spawn()?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status.code();
        }
        if started.elapsed() >= timeout {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        thread::sleep(Duration::from_millis(5));
    };
    let stdout = String::from_utf8_lossy(&fs::read(&stdout_path)?).into_owned();
    let stderr = String::from_utf8_lossy(&fs::read(&stderr_path)?).into_owned();
    Ok(Observed {
        stdout,
        last_stderr_line: last_line(&stderr).to_owned(),
        status,
        warned: stderr.contains("Warning: "),
    })
}

/// As `stackswitch_tests::last_line`: the last line once trailing line breaks are gone.
pub fn last_line(text: &str) -> &str {
    let trimmed = text.trim_end_matches(['\r', '\n']);
    trimmed.rsplit('\n').next().unwrap_or("")
}

/// What differs between CPython's run and ours, one line per aspect; empty when alike.
pub fn differences(cpython: &Observed, ours: &Observed) -> Vec<String> {
    let mut out = Vec::new();
    if cpython.status != ours.status {
        out.push(format!(
            "status: cpython {}, stackswitch {}",
            shown_status(cpython.status),
            shown_status(ours.status)
        ));
    }
    let syntax_types = (
        syntax_error_type(&cpython.last_stderr_line),
        syntax_error_type(&ours.last_stderr_line),
    );
    let same_last_line = match syntax_types {
        (Some(a), Some(b)) => a == b,
        _ => cpython.last_stderr_line == ours.last_stderr_line,
    };
    if !same_last_line {
        out.push(format!(
            "last stderr line: cpython {:?}, stackswitch {:?}",
            cpython.last_stderr_line, ours.last_stderr_line
        ));
    }
    if cpython.stdout != ours.stdout {
        let line = cpython
            .stdout
            .lines()
            .zip(ours.stdout.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| {
                cpython
                    .stdout
                    .lines()
                    .count()
                    .min(ours.stdout.lines().count())
            });
        out.push(format!("stdout differs from line {}", line + 1));
    }
    out
}

fn shown_status(status: Option<i32>) -> String {
    status.map_or("timeout".to_owned(), |s| s.to_string())
}

/// `fuzz/candidates` under the repository root.
pub fn candidates_dir(root: &Path) -> PathBuf {
    root.join("fuzz").join("candidates")
}

/// Save `source` as a suite candidate headed by its `differences`; returns its path.
pub fn save_candidate(dir: &Path, source: &str, differences: &[String]) -> io::Result<PathBuf> {
    fs::create_dir_all(dir)?;
    let path = dir.join(format!("{:016x}.py", rng::fnv1a(source.as_bytes())));
    let mut text = String::from("# Differential fuzz finding (cargo xtask fuzz --differential):\n");
    for d in differences {
        text.push_str(&format!("#   {d}\n"));
    }
    text.push_str(source);
    fs::write(&path, text)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn observed(stdout: &str, stderr_line: &str, status: Option<i32>) -> Observed {
        Observed {
            stdout: stdout.into(),
            last_stderr_line: stderr_line.into(),
            status,
            warned: false,
        }
    }

    #[test]
    fn alike_runs_have_no_differences() {
        let run = observed("1\n", "", Some(0));
        assert!(differences(&run, &run.clone()).is_empty());
    }

    #[test]
    fn each_aspect_is_reported() {
        let cpython = observed("1\n2\n", "ValueError: x", Some(1));
        let ours = observed("1\n3\n", "TypeError: x", None);
        assert_eq!(
            differences(&cpython, &ours),
            vec![
                "status: cpython 1, stackswitch timeout".to_owned(),
                "last stderr line: cpython \"ValueError: x\", stackswitch \"TypeError: x\""
                    .to_owned(),
                "stdout differs from line 2".to_owned(),
            ]
        );
    }

    #[test]
    fn syntax_errors_compare_by_type() {
        let cpython = observed("", "SyntaxError: invalid character '€' (U+20AC)", Some(1));
        let same_type = observed("", "SyntaxError: invalid syntax", Some(1));
        assert!(differences(&cpython, &same_type).is_empty());
        let other_type = observed("", "IndentationError: unexpected indent", Some(1));
        assert_eq!(differences(&cpython, &other_type).len(), 1);
    }

    #[test]
    fn last_lines_ignore_trailing_breaks() {
        assert_eq!(last_line("a\nb\r\n\n"), "b");
        assert_eq!(last_line(""), "");
    }

    #[test]
    fn observing_a_program_captures_its_output_and_status() {
        let dir = std::env::temp_dir().join(format!("xtask-diff-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let script = dir.join("p.sh");
        fs::write(&script, "echo out; echo err >&2; exit 3\n").unwrap();
        let seen = observe(
            &mut Command::new("sh"),
            &script,
            &dir,
            Duration::from_secs(20),
        );
        assert_eq!(seen.unwrap(), observed("out\n", "err", Some(3)));
        fs::write(
            &script,
            "echo 'p.py:1: SyntaxWarning: \"is\" with a literal' >&2\n",
        )
        .unwrap();
        let seen = observe(
            &mut Command::new("sh"),
            &script,
            &dir,
            Duration::from_secs(20),
        );
        assert!(seen.unwrap().warned);
        let _ = fs::remove_dir_all(&dir);
    }
}
