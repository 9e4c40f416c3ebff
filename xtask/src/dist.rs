//! `cargo xtask dist`: the npm package `stackswitch`, packed as a tarball.
//!
//! ```text
//!   target/stackswitch-web/  (crate::web::build: current with the sources)
//!        │  only the files of PACKAGE_FILES, and stdlib/*.py
//!        ▼
//!   target/npm/package/      (emptied first, then assembled)
//!     package.json  README.md  LICENSE-MIT  LICENSE-APACHE   (from runtime/package/, the root)
//!     stackswitch.js  stackswitch.d.ts  node_files.js          (the one entry, its types)
//!     jspi/  asyncify/  worker/  raw-abi/                      (release builds, glue, workers)
//!     stdlib/*.py                                              (fetched on import)
//!        │  npm pack
//!        ▼
//!   target/npm/stackswitch-<version>.tgz
//! ```
//!
//! Invariants: the package holds exactly the files listed here (no tests, benches, asserts
//! or plain builds, no wasm-bindgen `.d.ts` of the glue), so a new file in the web build
//! reaches the package only by being added to [`PACKAGE_FILES`]; its version is the
//! workspace's (`runtime/package/package.json` must say the same, or the build fails).

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{web, workspace};

/// The package's files taken from the web build, by their path there (and in the package).
pub const PACKAGE_FILES: &[&str] = &[
    "stackswitch.js",
    "stackswitch.d.ts",
    "node_files.js",
    "jspi/stackswitch_jspi.js",
    "jspi/stackswitch_jspi_bg.wasm",
    "asyncify/stackswitch_asyncify.js",
    "asyncify/stackswitch_asyncify.wasm",
    "raw-abi/raw_abi.js",
    "worker/stackswitch_worker.js",
    "worker/stackswitch_worker.wasm",
    "worker/channel.js",
    "worker/worker_thread.js",
    "worker/service_worker.js",
];

/// The package's files taken from the repository, by (path in the repository, path in
/// the package).
const REPOSITORY_FILES: &[(&str, &str)] = &[
    ("runtime/package/package.json", "package.json"),
    ("runtime/package/README.md", "README.md"),
    ("LICENSE-MIT", "LICENSE-MIT"),
    ("LICENSE-APACHE", "LICENSE-APACHE"),
];

/// The folder of the web build whose `.py` files are the package's `stdlib/`.
const STDLIB_DIR: &str = "stdlib";

/// `target/npm`.
pub fn npm_dir() -> PathBuf {
    workspace::target_dir().join("npm")
}

/// The tarball `npm pack` writes for this version.
pub fn tarball() -> Result<PathBuf, String> {
    Ok(npm_dir().join(format!("stackswitch-{}.tgz", workspace_version()?)))
}

/// Build the web distribution (if not current), assemble the package and pack it;
/// returns the tarball's path.
pub fn build(verbose: bool) -> Result<PathBuf, String> {
    let web = web::build(verbose)?;
    let package = npm_dir().join("package");
    assemble(&web, &package)?;
    let mut pack = Command::new("npm");
    pack.args(["pack", "--silent", "--pack-destination"])
        .arg(npm_dir())
        .current_dir(&package);
    workspace::run_ok(&mut pack, verbose)?;
    let tarball = tarball()?;
    if !tarball.is_file() {
        return Err(format!("npm pack did not write {}", tarball.display()));
    }
    println!("dist: {}", tarball.display());
    Ok(tarball)
}

/// Fill `package` (emptied first) with the package's files from `web` and the repository.
fn assemble(web: &Path, package: &Path) -> Result<(), String> {
    if package.exists() {
        std::fs::remove_dir_all(package)
            .map_err(|e| format!("cannot empty {}: {e}", package.display()))?;
    }
    for file in PACKAGE_FILES {
        copy(&web.join(file), &package.join(file))?;
    }
    let root = workspace::root();
    for (from, to) in REPOSITORY_FILES {
        copy(&root.join(from), &package.join(to))?;
    }
    let stdlib = web.join(STDLIB_DIR);
    let entries =
        std::fs::read_dir(&stdlib).map_err(|e| format!("cannot read {}: {e}", stdlib.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|ext| ext == "py") {
            copy(&path, &package.join(STDLIB_DIR).join(entry.file_name()))?;
        }
    }
    check_version(&package.join("package.json"))
}

/// Copy one file, creating the folders it goes into.
pub fn copy(from: &Path, to: &Path) -> Result<(), String> {
    if let Some(parent) = to.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
    }
    std::fs::copy(from, to)
        .map(|_| ())
        .map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

/// The crates' version: `version = "..."` of `[workspace.package]` in the root Cargo.toml.
pub fn workspace_version() -> Result<String, String> {
    let manifest_path = workspace::root().join("Cargo.toml");
    let manifest = std::fs::read_to_string(&manifest_path)
        .map_err(|e| format!("cannot read {}: {e}", manifest_path.display()))?;
    version_in(&manifest).ok_or_else(|| {
        format!(
            "no version in [workspace.package] of {}",
            manifest_path.display()
        )
    })
}

/// `version` of the `[workspace.package]` table of a Cargo manifest.
fn version_in(manifest: &str) -> Option<String> {
    let mut in_table = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_table = line == "[workspace.package]";
        } else if in_table {
            if let Some(value) = line.strip_prefix("version") {
                let value = value.trim_start().strip_prefix('=')?.trim();
                return Some(value.trim_matches('"').to_owned());
            }
        }
    }
    None
}

/// The package's manifest must carry the workspace's version.
fn check_version(package_json: &Path) -> Result<(), String> {
    let version = workspace_version()?;
    let text = std::fs::read_to_string(package_json)
        .map_err(|e| format!("cannot read {}: {e}", package_json.display()))?;
    let wanted = format!("\"version\": \"{version}\"");
    if text.contains(&wanted) {
        Ok(())
    } else {
        Err(format!(
            "runtime/package/package.json must say {wanted} (the workspace's version)"
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_workspace_version_is_read_from_its_table() {
        let manifest = "[package]\nversion = \"9.9.9\"\n[workspace.package]\nedition = \"2021\"\nversion = \"0.1.0\"\n";
        assert_eq!(version_in(manifest).as_deref(), Some("0.1.0"));
        assert_eq!(version_in("[package]\nversion = \"1.0.0\"\n"), None);
    }

    #[test]
    fn the_package_manifest_has_the_workspace_version() {
        let package_json = workspace::root().join("runtime/package/package.json");
        check_version(&package_json).unwrap();
    }

    #[test]
    fn the_package_files_exist_in_the_sources() {
        let root = workspace::root();
        for (from, _) in REPOSITORY_FILES {
            assert!(root.join(from).is_file(), "{from} is missing");
        }
        // The web build copies these from the repository as they are.
        for (file, source) in [
            ("stackswitch.js", "runtime/stackswitch.js"),
            (
                "worker/service_worker.js",
                "worker-backend/js/service_worker.js",
            ),
            ("raw-abi/raw_abi.js", "raw-abi/js/raw_abi.js"),
        ] {
            assert!(PACKAGE_FILES.contains(&file));
            assert!(root.join(source).is_file(), "{source} is missing");
        }
    }
}
