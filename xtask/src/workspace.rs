//! Where things are and how commands are run: the repository root, the cargo target
//! folder, and a `Command` runner that echoes what it runs.
//!
//! Invariant: every child process is started from the repository root (except the
//! program `cargo xtask run` runs, which keeps the caller's working directory so that
//! relative paths mean what the caller meant), and inherits stdin, stdout and stderr.

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus};

/// The repository root: the parent of this crate's folder.
pub fn root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

/// The cargo target folder: `$CARGO_TARGET_DIR` if set, else `<root>/target`.
pub fn target_dir() -> PathBuf {
    match env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() {
                dir
            } else {
                env::current_dir().map(|cwd| cwd.join(&dir)).unwrap_or(dir)
            }
        }
        _ => root().join("target"),
    }
}

/// The path of a binary built by cargo under `profile` (`debug` or `release`).
pub fn binary(profile: &str, name: &str) -> PathBuf {
    target_dir()
        .join(profile)
        .join(format!("{name}{}", env::consts::EXE_SUFFIX))
}

/// `cargo` (the one running `cargo xtask`, if known), started at the repository root.
pub fn cargo() -> Command {
    let program = env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(program);
    command.current_dir(root());
    command
}

/// How `command` reads in a log: its program and arguments.
pub fn describe(command: &Command) -> String {
    let program = Path::new(command.get_program())
        .file_name()
        .unwrap_or(command.get_program())
        .to_string_lossy()
        .into_owned();
    let mut text = program;
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Run `command` to completion, echoing it first when `echo` is set.
pub fn run(command: &mut Command, echo: bool) -> Result<ExitStatus, String> {
    if echo {
        println!("$ {}", describe(command));
    }
    command
        .status()
        .map_err(|error| format!("cannot run `{}`: {error}", describe(command)))
}

/// Become `command` (Unix `exec`): what `cargo xtask run` does once its builds are done,
/// so that the program is the process the terminal's Ctrl-C reaches, with the caller's
/// stdin, stdout and stderr, and its exit status (or the signal that ended it) is the
/// process's own. Returns only if the program could not be started.
pub fn exec(command: &mut Command, echo: bool) -> Result<i32, String> {
    if echo {
        println!("$ {}", describe(command));
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::CommandExt;
        let error = command.exec();
        Err(format!("cannot run `{}`: {error}", describe(command)))
    }
    #[cfg(not(unix))]
    {
        let status = run(command, false)?;
        Ok(exit_code(status))
    }
}

/// Run `command` and fail unless it succeeds.
pub fn run_ok(command: &mut Command, echo: bool) -> Result<(), String> {
    let status = run(command, echo)?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "`{}` failed ({})",
            describe(command),
            describe_status(status)
        ))
    }
}

/// The shell's view of an exit status: the code, or 128 + the signal that ended it.
pub fn exit_code(status: ExitStatus) -> i32 {
    if let Some(code) = status.code() {
        return code;
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return 128 + signal;
        }
    }
    1
}

/// `exit status 3` or `signal 11`.
pub fn describe_status(status: ExitStatus) -> String {
    if let Some(code) = status.code() {
        return format!("exit status {code}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return format!("killed by signal {signal}");
        }
    }
    status.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_holds_the_workspace_manifest() {
        assert!(root().join("Cargo.toml").is_file());
        assert!(root().join("xtask").is_dir());
    }

    #[test]
    fn commands_are_described_briefly() {
        let mut command = Command::new("/usr/bin/cargo");
        command.args(["build", "-p", "x"]);
        assert_eq!(describe(&command), "cargo build -p x");
    }

    #[test]
    fn statuses_map_to_shell_codes() {
        let status = Command::new("sh").args(["-c", "exit 3"]).status().unwrap();
        assert_eq!(exit_code(status), 3);
        assert_eq!(describe_status(status), "exit status 3");
        let killed = Command::new("sh")
            .args(["-c", "kill -9 $$"])
            .status()
            .unwrap();
        assert_eq!(exit_code(killed), 137);
    }
}
