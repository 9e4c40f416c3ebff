//! Build the JS-hosted distribution: each wasm backend through its post-link step
//! (wasm-bindgen for jspi, Binaryen for asyncify and worker), plus the shared runtime,
//! into one folder that Node and browsers load from.
//!
//! ```text
//!   target/stackswitch-web/
//!     stackswitch.js  stackswitch.d.ts  cli.mjs      (copied from runtime/)
//!     bench/suspend.mjs ...                          (copied from benches/)
//!     jspi/stackswitch_jspi.js  stackswitch_jspi_bg.wasm   (wasm-bindgen --target web)
//!     asyncify/stackswitch_asyncify.js                   (copied from asyncify-backend/js/)
//!     asyncify/stackswitch_asyncify.wasm                 (wasm-opt with asyncify-backend/asyncify.flags)
//!     asyncify/stackswitch_asyncify_plain.wasm           (the same optimisation without the
//!                                                         Asyncify pass: the bench's baseline)
//!     raw-abi/raw_abi.js                                 (copied from raw-abi/js/: the wire
//!                                                         format both of those backends speak)
//!     worker/stackswitch_worker.js  channel.js  ...      (copied from worker-backend/js/)
//!     worker/stackswitch_worker.wasm                     (rustc's module, debug names
//!                                                         stripped: no wasm-opt -Os)
//! ```
//! Invariant: after [`build`] succeeds every file above is current with the sources.

use std::path::PathBuf;
use std::process::Command;

use crate::{setup, workspace};

/// The wasm backends built here, by crate suffix (`stackswitch-<name>`).
pub const WASM_BACKENDS: &[&str] = &["jspi", "asyncify", "worker"];

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
    setup::ensure("Binaryen", verbose)?;
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
        if *backend == "asyncify" {
            build_asyncify(&dist.join(backend), verbose)?;
            continue;
        }
        if *backend == "worker" {
            build_worker(&dist.join(backend), verbose)?;
            continue;
        }
        let mut bindgen = Command::new(setup::wasm_bindgen_path());
        bindgen.args(["--target", "web", "--out-dir"]);
        bindgen.arg(dist.join(backend)).arg(raw_wasm(backend));
        workspace::run_ok(&mut bindgen, verbose)?;
    }
    copy_tree(&workspace::root().join("raw-abi/js"), &dist.join("raw-abi"))?;
    copy_tree(&workspace::root().join("runtime"), &dist)?;
    copy_tree(&workspace::root().join("benches"), &dist.join("bench"))?;
    Ok(dist)
}

/// The Asyncify backend's post-link step: Binaryen instead of wasm-bindgen (the backend
/// has no wasm-bindgen, see asyncify-backend/src/lib.rs). Skipped when its outputs are
/// newer than the rustc artifact and the flags file (wasm-opt takes minutes here).
fn build_asyncify(out: &std::path::Path, verbose: bool) -> Result<(), String> {
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let backend_dir = workspace::root().join("asyncify-backend");
    let flags_file = backend_dir.join("asyncify.flags");
    let flags = asyncify_flags(&flags_file)?;
    let input = raw_wasm("asyncify");
    let outputs = [
        ("stackswitch_asyncify.wasm", true),
        ("stackswitch_asyncify_plain.wasm", false),
    ];
    let inputs = [
        input.as_path(),
        &flags_file,
        &backend_dir.join("asyncify.removelist"),
    ];
    for (name, asyncify) in outputs {
        let args: Vec<&String> = if asyncify {
            flags.iter().collect()
        } else {
            flags.iter().filter(|f| !f.contains("asyncify")).collect()
        };
        // Response files named in the flags (`@@asyncify.removelist`) are relative to it.
        wasm_opt(&backend_dir, &inputs, &out.join(name), &args, verbose)?;
    }
    std::fs::copy(
        backend_dir.join("js/stackswitch_asyncify.js"),
        out.join("stackswitch_asyncify.js"),
    )
    .map_err(|e| format!("cannot copy the asyncify driver: {e}"))?;
    Ok(())
}

/// The worker backend's post-link step: the plain module (no Asyncify pass: the worker's
/// `suspend` import blocks instead of unwinding) with only its debug names stripped, and
/// its JS files, which run on both sides of the worker. Not `-Os`: Binaryen's inlining
/// grows the frames of the interpreter's recursion cycle, and a Chromium worker has the
/// smallest engine stack of all the places the module runs (measured in Chromium 156:
/// Python recursion through `sorted(key=)` ended at depth 444 with `-Os`, 723 without,
/// below and above what CPython's limit needs; the module is 5% larger raw, 0.4% smaller
/// gzipped, no slower; see worker-backend/README.md).
fn build_worker(out: &std::path::Path, verbose: bool) -> Result<(), String> {
    let backend_dir = workspace::root().join("worker-backend");
    let input = raw_wasm("worker");
    let output = out.join("stackswitch_worker.wasm");
    let strip = ["--strip-debug", "--strip-producers"];
    wasm_opt(&backend_dir, &[&input], &output, &strip, verbose)?;
    copy_tree(&backend_dir.join("js"), out)
}

/// `wasm-opt inputs[0] -o output args...` run in `dir`, unless `output` is newer than
/// every one of `inputs` (wasm-opt takes minutes here).
fn wasm_opt(
    dir: &std::path::Path,
    inputs: &[&std::path::Path],
    output: &std::path::Path,
    args: &[impl AsRef<std::ffi::OsStr>],
    verbose: bool,
) -> Result<(), String> {
    if is_newer(output, inputs) {
        return Ok(());
    }
    if let Some(parent) = output.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    let mut command = Command::new(setup::wasm_opt_path());
    command.current_dir(dir);
    command.arg(inputs[0]).arg("-o").arg(output).args(args);
    workspace::run_ok(&mut command, verbose)
}

/// The wasm-opt arguments in `file`: one per line, `#` starts a comment line.
fn asyncify_flags(file: &std::path::Path) -> Result<Vec<String>, String> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    Ok(text
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_owned)
        .collect())
}

/// Whether `output` exists and was modified after every one of `inputs`.
fn is_newer(output: &std::path::Path, inputs: &[&std::path::Path]) -> bool {
    let modified = |path: &std::path::Path| path.metadata().and_then(|m| m.modified()).ok();
    let Some(out) = modified(output) else {
        return false;
    };
    inputs
        .iter()
        .all(|input| modified(input).is_some_and(|time| time < out))
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
