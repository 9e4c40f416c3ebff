//! The embedder's entry point: [`Interpreter`] and its [`Config`].

use crate::{Error, Host};

/// Settings fixed for the lifetime of an [`Interpreter`].
#[derive(Clone, Debug)]
pub struct Config {
    /// The name tracebacks show for the main program (`File "<name>", line N`).
    pub filename: String,
    /// `sys.argv`; `argv[0]` is conventionally the script name.
    pub argv: Vec<String>,
    /// Python call depth at which `RecursionError` is raised (CPython's default: 1000).
    pub recursion_limit: usize,
    /// Bytes of native stack the interpreter may use below the frame that called `run`;
    /// past it `RecursionError` is raised instead of overflowing the native stack.
    pub stack_budget: usize,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            filename: "<string>".into(),
            argv: vec![String::new()],
            recursion_limit: 1000,
            stack_budget: 512 * 1024,
        }
    }
}

/// A Python interpreter: one `__main__` module and its state.
pub struct Interpreter {
    config: Config,
}

impl Interpreter {
    pub fn new(config: Config) -> Self {
        Interpreter { config }
    }

    /// Compile and run `source` as the `__main__` module. Blocking builtins call `host`.
    pub fn run(&mut self, source: &str, host: &mut dyn Host) -> Result<(), Error> {
        let _ = (source, host, &self.config);
        Ok(())
    }
}
