//! Behaviour CPython cannot serve as the oracle for (it hangs, runs out of memory, or
//! needs the embedding API): each test runs a program and asserts what it prints.
//!
//! This test binary installs [`CountingAllocator`] as an embedder would, so the memory
//! tests run with a small limit and reach it quickly.

use stackswitch_core::{
    Config, CountingAllocator, Host, HostError, Interpreter, Reply, Stream, SuspendRequest,
};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

struct Capture(String);

impl Host for Capture {
    fn suspend(&mut self, _: SuspendRequest) -> Result<Reply, HostError> {
        Ok(Reply::Done)
    }
    fn write(&mut self, _: Stream, text: &str) {
        self.0.push_str(text);
    }
}

/// What `source` prints, or the error's type and message when it fails.
fn output_of(source: &str) -> String {
    let mut host = Capture(String::new());
    let mut interpreter = Interpreter::new(Config::default());
    match interpreter.run(source, &mut host) {
        Ok(()) => host.0,
        Err(e) => format!("{}{}: {}", host.0, e.type_name, e.message),
    }
}

#[test]
fn rounding_an_int_at_a_huge_negative_precision_gives_zero() {
    // CPython computes 10**(10**40) first and never finishes; the value is 0.
    assert_eq!(
        output_of("print(round(81, -10**40), round(-81, -2**63), round(81, -(2**63 - 1)))"),
        "0 0 0\n"
    );
    // Precisions within the number's size still round half to even.
    assert_eq!(
        output_of("print(round(15 * 10**49, -50), round(25 * 10**49, -50), round(10**20000, -10001) == 10**20000)"),
        "200000000000000000000000000000000000000000000000000 200000000000000000000000000000000000000000000000000 True\n"
    );
}

#[test]
fn an_exception_closing_a_dropped_generator_is_reported_and_ignored() {
    let out = output_of(
        "def bad():\n    try:\n        yield 1\n    finally:\n        raise ValueError('in finally')\n\
         g = bad()\nnext(g)\ng = None\nprint('continued')\n",
    );
    let (report, rest) = out.split_once('\n').expect("a report line");
    assert!(
        report.starts_with("Exception ignored in: <generator object bad at 0x"),
        "{out}"
    );
    assert!(
        rest.ends_with("ValueError: in finally\ncontinued\n"),
        "{out}"
    );
}

#[test]
fn a_dropped_interpreter_with_suspended_generators_ends_cleanly() {
    let mut host = Capture(String::new());
    let mut interpreter = Interpreter::new(Config::default());
    interpreter
        .run(
            "def gen():\n    try:\n        yield 1\n    finally:\n        print('closed')\n\
             g = gen()\nnext(g)\nkeep = [gen(), g]\n",
            &mut host,
        )
        .expect("runs");
    drop(interpreter);
    // Nothing runs after the interpreter is gone: its frames are dropped unclosed.
    assert_eq!(host.0, "");
}

/// The last line of what `source` prints or raises.
fn last_line_of(source: &str) -> String {
    output_of(source)
        .trim_end()
        .rsplit('\n')
        .next()
        .unwrap_or("")
        .to_string()
}

#[test]
fn long_chains_on_one_line_reach_cpythons_outcome() {
    const N: usize = 100_000;
    let too_deep = "RecursionError: maximum recursion depth exceeded during compilation";
    let calls = format!("f = lambda: f\nf{}\n", "()".repeat(N));
    assert_eq!(last_line_of(&calls), too_deep);
    let subscripts = format!("a = [0]\na{}\n", "[0]".repeat(N));
    assert_eq!(last_line_of(&subscripts), too_deep);
    let attributes = format!("a = 1\nprint(a{})\n", ".real".repeat(N));
    assert_eq!(last_line_of(&attributes), too_deep);
    let strings = format!("s = {}\nprint(len(s))\n", vec!["'ab'"; N].join(" "));
    assert_eq!(last_line_of(&strings), (2 * N).to_string());
    let items = format!("x = [{}]\nprint(len(x))\n", "1,".repeat(N));
    assert_eq!(last_line_of(&items), N.to_string());
}

/// A limit small enough to reach fast, large enough for the interpreter itself.
const TEST_LIMIT: usize = 64 << 20;

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

#[test]
fn repeating_an_empty_sequence_a_huge_number_of_times_is_immediate() {
    assert_eq!(
        output_of("print([] * 2**40, () * 2**62, '' * 2**40, b'' * 2**40)"),
        "[] ()  b''\n"
    );
}

#[test]
fn recursion_through_a_comparison_counts_the_comparison_as_cpython_does() {
    // Each level is a comparison and an `__eq__` call: python3 3.11 runs 499 levels (which
    // of the two trips the limit, and so the message's suffix, depends on the depth the
    // recursion started at). Not a suite program: 500 levels of operator recursion are past
    // what JS engines' stacks allow (README, "Engine stacks"). A deep native stack, so that
    // the recursion limit, not the stack budget, ends it in a debug build.
    let program = "n = 0\nclass E:\n    def __eq__(self, other):\n        global n\n        n += 1\n        \
                   return self == other\ntry:\n    E() == E()\nexcept RecursionError as e:\n    print(n)\n";
    let levels = std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(move || {
            let mut host = Capture(String::new());
            let config = Config {
                stack_budget: 400 << 20,
                ..Config::default()
            };
            Interpreter::new(config)
                .run(program, &mut host)
                .map(|()| host.0)
                .map_err(|e| e.traceback)
        })
        .expect("a thread")
        .join()
        .expect("no panic");
    assert_eq!(levels, Ok("499\n".to_owned()));
}
