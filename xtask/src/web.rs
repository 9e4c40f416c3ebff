//! Build the JS-hosted distribution: each wasm backend through wasm-bindgen, plus the
//! shared runtime, into one folder that Node and browsers load from.
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
//!     asyncify/stackswitch_asyncify_asserts.wasm         (with asyncify-asserts: for the tests)
//!     stdlib/collections.py ...                         (copied from core/src/modules/py/:
//!                                                         fetched on import, see runtime)
//!     raw-abi/raw_abi.js                                 (copied from raw-abi/js/: the wire
//!                                                         format asyncify and worker speak)
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
    // The wasm backends are built without core's frozen standard library: the runtime
    // serves these sources when a program imports them (SuspendRequest::ModuleSource).
    copy_tree(
        &workspace::root().join("core/src/modules/py"),
        &dist.join("stdlib"),
    )?;
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
        ("stackswitch_asyncify.wasm", Build::Asyncified),
        ("stackswitch_asyncify_plain.wasm", Build::Plain),
        ("stackswitch_asyncify_asserts.wasm", Build::Asserts),
    ];
    for (name, build) in outputs {
        let output = out.join(name);
        if is_newer(
            &output,
            &[
                &input,
                &flags_file,
                &backend_dir.join("asyncify.removelist"),
            ],
        ) {
            continue;
        }
        let mut wasm_opt = Command::new(setup::wasm_opt_path());
        // Response files named in the flags (`@@asyncify.removelist`) are relative to it.
        wasm_opt.current_dir(&backend_dir);
        wasm_opt.arg(&input).arg("-o").arg(&output);
        match build {
            Build::Asyncified => wasm_opt.args(&flags),
            Build::Plain => wasm_opt.args(flags.iter().filter(|f| !f.contains("asyncify"))),
            Build::Asserts => wasm_opt.args(&flags).arg("--pass-arg=asyncify-asserts"),
        };
        run_wasm_opt(&mut wasm_opt, &output, verbose)?;
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
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let backend_dir = workspace::root().join("worker-backend");
    let input = raw_wasm("worker");
    let output = out.join("stackswitch_worker.wasm");
    if !is_newer(&output, &[&input]) {
        let mut wasm_opt = Command::new(setup::wasm_opt_path());
        wasm_opt.arg(&input).arg("-o").arg(&output);
        wasm_opt.args(["--strip-debug", "--strip-producers"]);
        run_wasm_opt(&mut wasm_opt, &output, verbose)?;
    }
    copy_tree(&backend_dir.join("js"), out)
}

/// The three builds of the asyncify backend's rustc artifact.
#[derive(Clone, Copy)]
enum Build {
    /// The shipped module: `asyncify.flags`.
    Asyncified,
    /// The CPU and size baseline of the bench: the same optimisation without Asyncify.
    Plain,
    /// For the tests only: Binaryen's `asyncify-asserts` trap if a function left out of
    /// the instrumentation (`asyncify.removelist`) is ever on the stack while unwinding
    /// or rewinding, instead of silently corrupting it (tests/tests/asyncify.rs).
    Asserts,
}

/// Run wasm-opt; Binaryen only *warns* when an `asyncify.removelist` pattern matches no
/// function (a renamed Rust function, say), which would silently instrument what the list
/// meant to leave out, or leave out what it no longer names: make that an error.
fn run_wasm_opt(
    wasm_opt: &mut Command,
    output: &std::path::Path,
    verbose: bool,
) -> Result<(), String> {
    if verbose {
        println!("$ {}", workspace::describe(wasm_opt));
    }
    let result = wasm_opt
        .output()
        .map_err(|e| format!("cannot run {}: {e}", workspace::describe(wasm_opt)))?;
    let stderr = String::from_utf8_lossy(&result.stderr);
    eprint!("{stderr}");
    if !result.status.success() {
        return Err(format!(
            "{} failed: {}",
            workspace::describe(wasm_opt),
            workspace::describe_status(result.status)
        ));
    }
    if stderr.contains("warning: Asyncify") {
        // Not up to date: the next build must run wasm-opt again.
        let _ = std::fs::remove_file(output);
        return Err(format!(
            "wasm-opt warned about the Asyncify lists (asyncify-backend/asyncify.flags, \
             asyncify.removelist); fix them:\n{stderr}"
        ));
    }
    Ok(())
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

/// Copy the files of `from` into `to`, subfolders included (`to` is created even if
/// `from` is empty).
pub fn copy_tree(from: &std::path::Path, to: &std::path::Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    copy_matching(from, to, &|_| true)
}

/// Copy the files of `from` (subfolders included) whose names `keep` accepts into `to`.
pub fn copy_matching(
    from: &std::path::Path,
    to: &std::path::Path,
    keep: &dyn Fn(&str) -> bool,
) -> Result<(), String> {
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        if path.is_dir() {
            copy_matching(&path, &to.join(&name), keep)?;
        } else if keep(&name) {
            crate::dist::copy(&path, &to.join(&name))?;
        }
    }
    Ok(())
}
