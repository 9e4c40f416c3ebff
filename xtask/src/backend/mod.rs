//! The backends `cargo xtask run` can run a program on, and how it picks one.
//!
//! Each backend is one module here exposing `run(&RunRequest) -> Result<i32, String>`,
//! listed in [`BACKENDS`]. Adding a backend is adding its module and its entry.
//!
//! Invariant: once built, the program replaces this process (`workspace::exec`), so its
//! stdin, stdout, stderr, signals (Ctrl-C) and exit status are exactly the caller's view
//! of it; `run` returns only when that could not happen.

mod asyncify;
mod jspi;
mod native;
mod worker;

use std::path::PathBuf;

/// What to run, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunRequest {
    /// python3's command line, as the caller spelled it (`-c CODE`, `-`, `FILE.py`
    /// relative to the caller's directory, then `sys.argv[1:]`); every runner parses it.
    pub python_args: Vec<String>,
    /// The Node.js binary for the Node-hosted backends.
    pub node: Option<PathBuf>,
    pub verbose: bool,
}

type RunFn = fn(&RunRequest) -> Result<i32, String>;

/// One backend.
#[derive(Clone, Copy, Debug)]
pub struct Backend {
    pub name: &'static str,
    pub run: RunFn,
}

/// Every backend, in the order `auto` prefers them (the JS runtime's `BACKENDS`; native
/// has no JS engine and is never chosen by `auto`).
pub const BACKENDS: &[Backend] = &[
    Backend {
        name: "jspi",
        run: jspi::run,
    },
    Backend {
        name: "worker",
        run: worker::run,
    },
    Backend {
        name: "asyncify",
        run: asyncify::run,
    },
    Backend {
        name: "native",
        run: native::run,
    },
];

/// Run `request` on the backend called `name`. `auto` runs in Node and lets the JS
/// runtime's feature detection choose, as a page would (`--verbose` shows the choice).
pub fn run(name: &str, request: &RunRequest) -> Result<i32, String> {
    if name == "auto" {
        return jspi::run_auto(request);
    }
    let Some(backend) = BACKENDS.iter().find(|b| b.name == name) else {
        let names: Vec<&str> = BACKENDS.iter().map(|b| b.name).collect();
        return Err(format!(
            "unknown backend '{name}' (choose one of: auto, {})",
            names.join(", ")
        ));
    };
    (backend.run)(request)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> RunRequest {
        RunRequest {
            python_args: vec!["x.py".into()],
            node: None,
            verbose: false,
        }
    }

    #[test]
    fn unknown_backends_are_clear_errors() {
        let unknown = run("wasm3", &request()).unwrap_err();
        assert!(unknown.contains("unknown backend 'wasm3'"), "{unknown}");
    }
}
