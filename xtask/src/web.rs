//! Build the JS-hosted distribution: each wasm backend through wasm-bindgen, plus the
//! shared runtime, into one folder that Node and browsers load from.
//!
//! ```text
//!   target/stackswitch-web/
//!     stackswitch.js  stackswitch.d.ts  cli.mjs      (copied from runtime/)
//!     bench/suspend.mjs ...                          (copied from benches/)
//!     jspi/stackswitch_jspi.js  stackswitch_jspi_bg.wasm   (wasm-bindgen --target web)
//! ```
//! Invariant: after [`build`] succeeds every file above is current with the sources.

use std::path::PathBuf;
use std::process::Command;

use crate::{setup, workspace};

/// The wasm backends built here, by crate suffix (`stackswitch-<name>`).
pub const WASM_BACKENDS: &[&str] = &["jspi"];

/// `target/stackswitch-web`.
pub fn dist_dir() -> PathBuf {
    workspace::target_dir().join("stackswitch-web")
}

/// The wasm artifact of a backend as rustc leaves it (before wasm-bindgen).
pub fn raw_wasm(backend: &str) -> PathBuf {
    workspace::target_dir().join(format!(
        "wasm32-unknown-unknown/release/stackswitch_{backend}.wasm"
    ))
}

/// Build every wasm backend and the runtime into [`dist_dir`].
pub fn build(verbose: bool) -> Result<PathBuf, String> {
    setup::ensure("wasm32-unknown-unknown", verbose)?;
    setup::ensure("wasm-bindgen CLI", verbose)?;
    let dist = dist_dir();
    for backend in WASM_BACKENDS {
        let mut cargo = workspace::cargo();
        cargo.args([
            "build",
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
        ]);
        cargo.arg(format!("stackswitch-{backend}"));
        if !verbose {
            cargo.arg("--quiet");
        }
        workspace::run_ok(&mut cargo, verbose)?;
        let mut bindgen = Command::new(setup::wasm_bindgen_path());
        bindgen.args(["--target", "web", "--out-dir"]);
        bindgen.arg(dist.join(backend)).arg(raw_wasm(backend));
        workspace::run_ok(&mut bindgen, verbose)?;
    }
    copy_tree(&workspace::root().join("runtime"), &dist)?;
    copy_tree(&workspace::root().join("benches"), &dist.join("bench"))?;
    Ok(dist)
}

/// Copy the files of `from` into `to`, subfolders included.
fn copy_tree(from: &std::path::Path, to: &std::path::Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries.flatten() {
        let (path, target) = (entry.path(), to.join(entry.file_name()));
        if path.is_dir() {
            copy_tree(&path, &target)?;
        } else {
            std::fs::copy(&path, &target).map_err(|e| {
                format!(
                    "cannot copy {} to {}: {e}",
                    path.display(),
                    target.display()
                )
            })?;
        }
    }
    Ok(())
}
