//! The memory limit: programs that would exhaust memory end with a catchable
//! `MemoryError`, and the interpreter stays usable afterwards.
//!
//! This test binary installs [`CountingAllocator`] as an embedder would, and runs with
//! a small limit so each program reaches it quickly.

use stackswitch_core::{
    Config, CountingAllocator, Host, HostError, Interpreter, Reply, Stream, SuspendRequest,
};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// A limit small enough to reach fast, large enough for the interpreter itself.
const TEST_LIMIT: usize = 64 << 20;

struct Capture(String);

impl Host for Capture {
    fn suspend(&mut self, _: SuspendRequest) -> Result<Reply, HostError> {
        Ok(Reply::Done)
    }
    fn write(&mut self, _: Stream, text: &str) {
        self.0.push_str(text);
    }
}

/// Run `body` (which must raise MemoryError) inside `try`, then more code, then a
/// second program on the same interpreter; return what was printed.
fn run_until_memory_error(body: &str) -> String {
    let mut interpreter = Interpreter::new(Config {
        memory_limit: TEST_LIMIT,
        ..Config::default()
    });
    let mut host = Capture(String::new());
    let indented: String = body.lines().map(|l| format!("    {l}\n")).collect();
    let program = format!(
        "try:\n{indented}    print('no error')\nexcept MemoryError as e:\n    print('MemoryError', repr(e))\nprint('continued', sum(range(10)))\n"
    );
    interpreter
        .run(&program, &mut host)
        .expect("the program should end normally");
    interpreter
        .run(
            "x = [i * 2 for i in range(1000)]\nprint('usable', x[-1])\n",
            &mut host,
        )
        .expect("the interpreter should stay usable");
    host.0
}

fn assert_memory_error(body: &str) {
    assert_eq!(
        run_until_memory_error(body),
        "MemoryError MemoryError()\ncontinued 45\nusable 1998\n",
        "{body}"
    );
}

#[test]
fn appending_forever_raises_memory_error() {
    assert_memory_error("l = []\nwhile True:\n    l.append(1)");
}

#[test]
fn a_huge_dict_raises_memory_error() {
    assert_memory_error("d = {i: i for i in range(10**8)}");
}

#[test]
fn joining_many_strings_raises_memory_error() {
    assert_memory_error("s = ''.join(str(i) for i in range(10**8))");
}

#[test]
fn doubling_a_string_raises_memory_error() {
    assert_memory_error("s = 'ab'\nwhile True:\n    s = s + s");
}

#[test]
fn materialising_a_huge_range_raises_memory_error() {
    assert_memory_error("l = list(range(10**10))");
}

#[test]
fn repeat_counts_past_32_bits_raise_memory_error() {
    for body in ["'a' * 2**32", "[0] * 2**32", "(1,) * 2**32", "b'x' * 2**32"] {
        assert_memory_error(body);
    }
}

#[test]
fn growing_a_comprehension_or_set_raises_memory_error() {
    assert_memory_error("[i for i in iter(int, 1)]");
    assert_memory_error("{i for i in range(10**9)}");
}
