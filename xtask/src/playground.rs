//! `cargo xtask serve [--port N] [--isolated] [--build-only]`: build the playground
//! (`playground/`) into a static folder and serve it from 127.0.0.1.
//!
//! ```text
//!   target/playground/                 (any static file server can host it)
//!     index.html  style.css  sw.js     (copied from playground/)
//!     playground.js                    (esbuild: playground/src/ + CodeMirror, one ES module)
//!     assets.js                        (written here: the files sw.js caches, and a version)
//!     data/poem.txt                    (playground/static/: what the urlopen example reads)
//!     stackswitch/stackswitch.js ...   (the npm package's runtime files, `cargo xtask dist`;
//!     stackswitch/{jspi,asyncify,worker,raw-abi}/   loaded by URL, not bundled)
//!     stackswitch/stdlib/*.py          (the standard modules, fetched on import)
//!     *.gz                             (gzip -9 beside each text/wasm file above 1 KB, served
//!                                       precompressed by `serve`: the download budget)
//! ```
//! Invariant: after [`build`] the folder is complete and current with `playground/` and
//! the npm package; [`build`] prints what a first visit downloads, gzipped.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::dist::{self, copy};
use crate::web::{copy_matching, copy_tree};
use crate::workspace;

/// `target/playground`.
pub fn dist_dir() -> PathBuf {
    workspace::target_dir().join("playground")
}

/// What `serve` was asked for.
pub struct ServeOptions {
    port: u16,
    isolated: bool,
    build_only: bool,
    verbose: bool,
}

pub fn parse(args: &[String]) -> Result<ServeOptions, String> {
    let mut options = ServeOptions {
        port: 8000,
        isolated: false,
        build_only: false,
        verbose: false,
    };
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--port" => {
                let value = rest.next().ok_or("--port needs a value")?;
                options.port = value
                    .parse()
                    .map_err(|_| format!("--port: not a port number: {value:?}"))?;
            }
            "--isolated" => options.isolated = true,
            "--build-only" => options.build_only = true,
            "--verbose" | "-v" => options.verbose = true,
            other => return Err(format!("serve: unknown argument {other:?}")),
        }
    }
    Ok(options)
}

/// Build, then serve until interrupted (the test server's `--site` mode).
pub fn serve(options: &ServeOptions) -> Result<i32, String> {
    let site = build(options.verbose)?;
    if options.build_only {
        return Ok(0);
    }
    let mut server = workspace::cargo();
    server.args([
        "run",
        "--quiet",
        "-p",
        "stackswitch-tests",
        "--bin",
        "stackswitch-testserver",
        "--",
        "--port",
    ]);
    server
        .arg(options.port.to_string())
        .arg("--site")
        .arg(&site);
    if options.isolated {
        server.arg("--isolated");
    }
    println!(
        "serving {} {} cross-origin isolation (COOP/COEP); Ctrl-C stops",
        site.display(),
        if options.isolated { "with" } else { "without" }
    );
    workspace::exec(&mut server, options.verbose)
}

/// Build the playground into [`dist_dir`] (the npm package first, see [`crate::dist`]).
pub fn build(verbose: bool) -> Result<PathBuf, String> {
    dist::build(verbose)?;
    let package = dist::npm_dir().join("package");
    let source = workspace::root().join("playground");
    let out = dist_dir();
    if out.exists() {
        std::fs::remove_dir_all(&out)
            .map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    npm_ci(&source, verbose)?;
    let mut esbuild = Command::new(source.join("node_modules/.bin/esbuild"));
    esbuild
        .current_dir(&source)
        .args([
            "src/main.js",
            "--bundle",
            "--format=esm",
            "--minify",
            "--target=es2022",
        ])
        .arg(format!("--outfile={}", out.join("playground.js").display()));
    if !verbose {
        esbuild.arg("--log-level=warning");
    }
    workspace::run_ok(&mut esbuild, verbose)?;
    for file in ["index.html", "style.css", "sw.js"] {
        copy(&source.join(file), &out.join(file))?;
    }
    copy_tree(&source.join("static"), &out)?;
    // What a page loads of the package: its scripts, wasm and stdlib (not its
    // package.json, types, README or licenses).
    copy_matching(&package, &out.join("stackswitch"), &|name| {
        name.ends_with(".js") || name.ends_with(".wasm") || name.ends_with(".py")
    })?;
    let assets = Assets::of(&out)?;
    std::fs::write(out.join("assets.js"), assets.script())
        .map_err(|e| format!("cannot write assets.js: {e}"))?;
    precompress(&out, verbose)?;
    print!("{}", assets.budget(&out));
    Ok(out)
}

/// `npm ci` the pinned editor and bundler (package-lock.json) unless already installed.
fn npm_ci(source: &Path, verbose: bool) -> Result<(), String> {
    let installed = source.join("node_modules/.package-lock.json");
    if installed.exists() {
        return Ok(());
    }
    let mut npm = Command::new("npm");
    npm.current_dir(source)
        .args(["ci", "--no-audit", "--no-fund"]);
    workspace::run_ok(&mut npm, verbose)
}

/// The files sw.js caches, by group, as URLs relative to the page.
struct Assets {
    shell: Vec<String>,
    stdlib: Vec<String>,
    backends: Vec<(String, Vec<String>)>,
    version: u64,
}

impl Assets {
    fn of(out: &Path) -> Result<Assets, String> {
        let mut all = Vec::new();
        list_files(out, out, &mut all)?;
        all.sort();
        let mut assets = Assets {
            shell: vec!["./".into()],
            stdlib: Vec::new(),
            backends: Vec::new(),
            version: 0xcbf2_9ce4_8422_2325,
        };
        for path in &all {
            // FNV-1a over every file: a new build gets a new cache name.
            let bytes = std::fs::read(out.join(path)).map_err(|e| format!("{path}: {e}"))?;
            for byte in path.bytes().chain(bytes) {
                assets.version = (assets.version ^ u64::from(byte)).wrapping_mul(0x100_0000_01b3);
            }
            if path.starts_with("stackswitch/stdlib/") {
                assets.stdlib.push(path.clone());
            } else if let Some(backend) = path
                .strip_prefix("stackswitch/")
                .and_then(|rest| rest.split_once('/'))
                .map(|(folder, _)| folder)
            {
                match assets.backends.iter_mut().find(|(name, _)| name == backend) {
                    Some((_, files)) => files.push(path.clone()),
                    None => assets
                        .backends
                        .push((backend.to_owned(), vec![path.clone()])),
                }
            } else {
                assets.shell.push(path.clone());
            }
        }
        // Every backend's glue speaks raw-abi except JSPI's.
        if let Some((_, shared)) = assets
            .backends
            .iter()
            .find(|(n, _)| n == "raw-abi")
            .cloned()
        {
            for (name, files) in &mut assets.backends {
                if name == "asyncify" || name == "worker" {
                    files.extend(shared.iter().cloned());
                }
            }
        }
        Ok(assets)
    }

    fn script(&self) -> String {
        let list = |files: &[String]| {
            let quoted: Vec<String> = files.iter().map(|f| format!("{f:?}")).collect();
            format!("[{}]", quoted.join(", "))
        };
        let backends: Vec<String> = self
            .backends
            .iter()
            .map(|(name, files)| format!("    {name:?}: {}", list(files)))
            .collect();
        format!(
            "// Written by `cargo xtask serve` (xtask/src/playground.rs): what sw.js caches.\n\
             self.PLAYGROUND_ASSETS = {{\n  version: \"{:016x}\",\n  shell: {},\n  stdlib: {},\n  backends: {{\n{}\n  }},\n}};\n",
            self.version,
            list(&self.shell),
            list(&self.stdlib),
            backends.join(",\n")
        )
    }

    /// What a first visit that runs "hello" downloads on each backend, gzipped.
    fn budget(&self, out: &Path) -> String {
        // Raw and gzip bytes of `files` together (a file without a `.gz` is sent as is).
        let total = |files: &[String]| -> (u64, u64) {
            files.iter().fold((0, 0), |(raw, gzip), file| {
                let path = out.join(file);
                let size = path.metadata().map(|m| m.len()).unwrap_or(0);
                let gz = PathBuf::from(format!("{}.gz", path.display()));
                (
                    raw + size,
                    gzip + gz.metadata().map(|m| m.len()).unwrap_or(size),
                )
            })
        };
        let page = [
            "index.html",
            "style.css",
            "playground.js",
            "stackswitch/stackswitch.js",
        ];
        let (page_raw, page_gz) = total(&page.map(String::from));
        let mut table = format!(
            "playground built in {}\nfirst visit, \"hello\" run (bytes):\n  {:<10} {:>10} {:>10}\n  {:<10} {:>10} {:>10}\n",
            out.display(),
            "part",
            "raw",
            "gzip",
            "page",
            page_raw,
            page_gz
        );
        for (name, files) in &self.backends {
            if name == "raw-abi" {
                continue;
            }
            let (raw, gz) = total(files);
            table.push_str(&format!(
                "  {:<10} {:>10} {:>10}   total {:>10} gzip\n",
                format!("+{name}"),
                raw,
                gz,
                page_gz + gz
            ));
        }
        let (std_raw, std_gz) = total(&self.stdlib);
        table.push_str(&format!(
            "  {:<10} {:>10} {:>10}   (cached for offline use after the first visit)\n",
            "stdlib", std_raw, std_gz
        ));
        table
    }
}

fn list_files(root: &Path, dir: &Path, into: &mut Vec<String>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            list_files(root, &path, into)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            let relative = relative.to_string_lossy().replace('\\', "/");
            if relative != "assets.js" && relative != "sw.js" && !relative.ends_with(".gz") {
                into.push(relative);
            }
        }
    }
    Ok(())
}

/// `gzip -9 -k` every file above 1 KB that compresses (what `serve` sends when the
/// browser accepts gzip; any other static server may compress on the fly instead).
fn precompress(out: &Path, verbose: bool) -> Result<(), String> {
    let mut files = Vec::new();
    list_files(out, out, &mut files)?;
    files.extend(["assets.js".to_owned(), "sw.js".to_owned()]);
    let big: Vec<PathBuf> = files
        .iter()
        .map(|f| out.join(f))
        .filter(|p| p.metadata().is_ok_and(|m| m.len() > 1024))
        .collect();
    if big.is_empty() {
        return Ok(());
    }
    let mut gzip = Command::new("gzip");
    gzip.args(["-9", "-k", "-f", "-n"]).args(&big);
    workspace::run_ok(&mut gzip, verbose)
}
