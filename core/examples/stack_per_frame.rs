//! Measures how much native stack one Python call takes, to choose
//! `Config::default().stack_budget` (see `core/src/interpreter.rs` and the README's
//! "Rust embedding" section): each program recurses until the stack budget, not the
//! recursion limit, stops it, and the budget divided by the depth reached is the stack
//! per level.
//!
//! `cargo run --release -p stackswitch-core --example stack_per_frame` (and without
//! `--release` for the debug figures). Runs on a thread with a 256 MiB stack, so that
//! the 64 MiB budget, not the thread, is what runs out.

use stackswitch_core::{Config, Host, HostError, Interpreter, Reply, Stream, SuspendRequest};

/// Collects stdout; answers nothing (the programs never suspend).
struct Output(String);

impl Host for Output {
    fn suspend(&mut self, _: SuspendRequest) -> Result<Reply, HostError> {
        Ok(Reply::Done)
    }
    fn write(&mut self, stream: Stream, text: &str) {
        if stream == Stream::Stdout {
            self.0.push_str(text);
        }
    }
}

/// (what recurses, a program printing the depth it reached).
const PROGRAMS: &[(&str, &str)] = &[
    (
        "def f(n): return f(n + 1)",
        "depth = 0\ndef f(n):\n    global depth\n    depth = n\n    return f(n + 1)\n\
         try:\n    f(1)\nexcept RecursionError:\n    pass\nprint(depth)\n",
    ),
    (
        "through sorted(key=lambda ...)",
        "depth = 0\ndef f(n):\n    global depth\n    depth = n\n    \
         return sorted([1], key=lambda x: f(n + 1))\n\
         try:\n    f(1)\nexcept RecursionError:\n    pass\nprint(depth)\n",
    ),
    (
        "through __add__",
        "depth = 0\nclass A:\n    def __init__(self, n): self.n = n\n    \
         def __add__(self, other):\n        global depth\n        depth = self.n\n        \
         return A(self.n + 1) + other\n\
         try:\n    A(1) + 1\nexcept RecursionError:\n    pass\nprint(depth)\n",
    ),
];

const BUDGET: usize = 64 << 20;

fn main() {
    let measured = std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(|| {
            for (what, program) in PROGRAMS {
                let mut interpreter = Interpreter::new(Config {
                    recursion_limit: 10_000_000,
                    stack_budget: BUDGET,
                    ..Config::default()
                });
                let mut host = Output(String::new());
                interpreter.run(program, &mut host).expect("program runs");
                let depth: usize = host.0.trim().parse().expect("a depth");
                println!(
                    "{what}: {depth} levels in {} MiB, {} bytes per level",
                    BUDGET >> 20,
                    BUDGET / depth
                );
            }
        })
        .expect("thread starts");
    measured.join().expect("measurement ends");
}
