//! The backends `cargo xtask run` can run a program on, and how it picks one.
//!
//! Each backend is one module here exposing `run(&RunRequest) -> Result<i32, String>`,
//! listed in [`BACKENDS`]; a backend that is planned but not built yet is listed with the
//! issue that adds it. Adding a backend is adding its module and flipping its entry.
//!
//! Invariant: `run` returns the program's exit status exactly (a signal `n` as `128 + n`),
//! with stdin, stdout and stderr passed through untouched.

mod asyncify;
mod jspi;
mod native;

use std::path::PathBuf;

/// What to run, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunRequest {
    /// The program, as the caller spelled it (relative to the caller's directory).
    pub file: String,
    /// `sys.argv[1:]`.
    pub args: Vec<String>,
    /// The Node.js binary for the Node-hosted backends.
    pub node: Option<PathBuf>,
    pub verbose: bool,
}

type RunFn = fn(&RunRequest) -> Result<i32, String>;

/// Whether a backend can run programs yet.
#[derive(Clone, Copy, Debug)]
pub enum Availability {
    Built(RunFn),
    /// Planned; `issue` adds it when known.
    NotBuilt {
        issue: Option<u32>,
    },
}

/// One backend.
#[derive(Clone, Copy, Debug)]
pub struct Backend {
    pub name: &'static str,
    pub availability: Availability,
}

/// Every backend, in the order `auto` prefers them once they are built.
pub const BACKENDS: &[Backend] = &[
    Backend {
        name: "jspi",
        availability: Availability::Built(jspi::run),
    },
    Backend {
        name: "asyncify",
        availability: Availability::Built(asyncify::run),
    },
    Backend {
        name: "worker",
        availability: Availability::NotBuilt { issue: Some(5) },
    },
    Backend {
        name: "native",
        availability: Availability::Built(native::run),
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
    match backend.availability {
        Availability::Built(run) => run(request),
        Availability::NotBuilt { issue: Some(issue) } => Err(format!(
            "backend '{name}' is not built yet (issue #{issue})"
        )),
        Availability::NotBuilt { issue: None } => Err(format!(
            "backend '{name}' is not built yet (a later issue adds it)"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> RunRequest {
        RunRequest {
            file: "x.py".into(),
            args: Vec::new(),
            node: None,
            verbose: false,
        }
    }

    #[test]
    fn unbuilt_and_unknown_backends_are_clear_errors() {
        assert_eq!(
            run("worker", &request()),
            Err("backend 'worker' is not built yet (issue #5)".to_owned())
        );
        let unknown = run("wasm3", &request()).unwrap_err();
        assert!(unknown.contains("unknown backend 'wasm3'"), "{unknown}");
    }
}
