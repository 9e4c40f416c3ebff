//! Prerequisites of `cargo xtask test`, each checked and, if missing, installed.
//!
//! A [`Prerequisite`] is a name, a cheap check and an installer. Installers are pinned
//! (an exact version, never "latest") and idempotent (they run only when the check
//! fails, and the check must pass afterwards). Tools that are not Rust targets or
//! components go under the git-ignored [`tools_dir`] (`cargo install --root`,
//! unpacked npm packages) or come from apt; this is where later issues add
//! wasm-bindgen-cli, Node and Chromium.
//!
//! Invariant: [`ensure_all`] either leaves every prerequisite present or names the one
//! it could not provide.

use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::workspace;

/// `<root>/.tools`: where pinned tools are installed (ignored by git).
pub fn tools_dir() -> PathBuf {
    workspace::root().join(".tools")
}

/// One thing the test command needs.
pub struct Prerequisite {
    pub name: &'static str,
    pub is_present: fn() -> bool,
    pub install: fn(verbose: bool) -> Result<(), String>,
}

/// Everything `cargo xtask test` needs, in installation order.
pub const PREREQUISITES: &[Prerequisite] = &[
    Prerequisite {
        name: "Rust toolchain (cargo, rustc)",
        is_present: rust_toolchain_present,
        install: rust_toolchain_install,
    },
    Prerequisite {
        name: "rustfmt and clippy",
        is_present: components_present,
        install: components_install,
    },
    Prerequisite {
        name: "wasm32-unknown-unknown target",
        is_present: wasm_target_present,
        install: wasm_target_install,
    },
];

/// Put `<tools>/bin` first on this process's `PATH`, so that the steps after setup (and
/// their children) find the tools installed there.
fn use_tools_dir() -> Result<(), String> {
    let bin = tools_dir().join("bin");
    std::fs::create_dir_all(&bin)
        .map_err(|error| format!("cannot create {}: {error}", bin.display()))?;
    let old = std::env::var_os("PATH").unwrap_or_default();
    let mut paths: Vec<PathBuf> = std::env::split_paths(&old).collect();
    if !paths.contains(&bin) {
        paths.insert(0, bin);
        let joined = std::env::join_paths(paths).map_err(|error| error.to_string())?;
        // Setup runs before any other thread exists, so changing the environment is safe.
        std::env::set_var("PATH", joined);
    }
    Ok(())
}

/// Check every prerequisite, installing the missing ones.
pub fn ensure_all(verbose: bool) -> Result<(), String> {
    use_tools_dir()?;
    for prerequisite in PREREQUISITES {
        if (prerequisite.is_present)() {
            if verbose {
                println!("setup: {}: present", prerequisite.name);
            }
            continue;
        }
        println!("setup: {}: installing", prerequisite.name);
        (prerequisite.install)(verbose)
            .map_err(|error| format!("{}: {error}", prerequisite.name))?;
        if !(prerequisite.is_present)() {
            return Err(format!(
                "{}: still missing after installing it",
                prerequisite.name
            ));
        }
    }
    Ok(())
}

/// Whether `program args...` runs and succeeds, its output discarded.
fn succeeds(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

fn rust_toolchain_present() -> bool {
    succeeds("cargo", &["--version"]) && succeeds("rustc", &["--version"])
}

fn rust_toolchain_install(_verbose: bool) -> Result<(), String> {
    Err("install Rust 1.95 or later with rustup (https://rustup.rs); it cannot be installed from here".into())
}

fn components_present() -> bool {
    succeeds("cargo", &["fmt", "--version"]) && succeeds("cargo", &["clippy", "--version"])
}

fn components_install(verbose: bool) -> Result<(), String> {
    let mut command = Command::new("rustup");
    command.args(["component", "add", "rustfmt", "clippy"]);
    workspace::run_ok(&mut command, verbose)
}

fn wasm_target_present() -> bool {
    let Ok(output) = Command::new("rustc").args(["--print", "sysroot"]).output() else {
        return false;
    };
    let sysroot = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    PathBuf::from(sysroot)
        .join("lib/rustlib/wasm32-unknown-unknown/lib")
        .is_dir()
}

fn wasm_target_install(verbose: bool) -> Result<(), String> {
    let mut command = Command::new("rustup");
    command.args(["target", "add", "wasm32-unknown-unknown"]);
    workspace::run_ok(&mut command, verbose)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_toolchain_running_these_tests_is_present() {
        assert!(rust_toolchain_present());
        assert!(tools_dir().ends_with(".tools"));
    }
}
