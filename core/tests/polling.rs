//! How running code meets its host between suspensions: `Host::poll` (interrupts and
//! yields) and the run limits of `Config::limits`, through the public API only.
//!
//! Invariant checked throughout: whatever ends a run, the interpreter stays usable and
//! keeps its globals.

use stackswitch_core::{
    Clock, Config, ErrorKind, Host, HostError, Interpreter, Poll, Reply, RunLimits, Stream,
    SuspendRequest,
};

/// A host whose `poll` answers are scripted: `Interrupt` at poll number `interrupt_at`,
/// `Yield` every `yield_every` polls; a clock that moves 1 ms per read.
#[derive(Default)]
struct ScriptedHost {
    out: String,
    polls: u64,
    interrupt_at: Option<u64>,
    yield_every: Option<u64>,
    yields: u64,
    clock: f64,
}

impl Host for ScriptedHost {
    fn suspend(&mut self, request: SuspendRequest) -> Result<Reply, HostError> {
        match request {
            SuspendRequest::Yield => {
                self.yields += 1;
                Ok(Reply::Done)
            }
            SuspendRequest::Sleep { seconds } => {
                self.clock += seconds;
                Ok(Reply::Done)
            }
            SuspendRequest::Input { .. } => Ok(Reply::Text("line".into())),
            other => panic!("unexpected request {other:?}"),
        }
    }

    fn write(&mut self, _: Stream, text: &str) {
        self.out.push_str(text);
    }

    fn now(&mut self, _: Clock) -> f64 {
        self.clock += 0.001;
        self.clock
    }

    fn poll(&mut self) -> Poll {
        self.polls += 1;
        if self.interrupt_at == Some(self.polls) {
            Poll::Interrupt
        } else if self
            .yield_every
            .is_some_and(|every| self.polls.is_multiple_of(every))
        {
            Poll::Yield
        } else {
            Poll::Continue
        }
    }
}

/// Run `test` on a thread with room for deep recursion in a debug build.
fn with_stack(test: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(test)
        .unwrap()
        .join()
        .unwrap();
}

fn interpreter(limits: RunLimits) -> Interpreter {
    Interpreter::new(Config {
        filename: "main.py".into(),
        limits,
        ..Config::default()
    })
}

#[test]
fn yields_suspend_and_the_program_goes_on_unchanged() {
    let mut host = ScriptedHost {
        yield_every: Some(2),
        ..ScriptedHost::default()
    };
    let program = "total = 0\nfor i in range(200_000):\n    total += i\nprint(total)\n";
    interpreter(RunLimits::default())
        .run(program, &mut host)
        .unwrap();
    assert_eq!(host.out, "19999900000\n");
    assert!(host.yields > 10, "only {} yields", host.yields);
}

#[test]
fn a_poll_interrupt_is_a_keyboard_interrupt_at_the_loop_line() {
    let mut host = ScriptedHost {
        interrupt_at: Some(3),
        ..ScriptedHost::default()
    };
    let error = interpreter(RunLimits::default())
        .run("n = 0\nwhile True:\n    n += 1\n", &mut host)
        .unwrap_err();
    assert!(error.is_keyboard_interrupt());
    assert_eq!(error.exit_status(), 130);
    // CPython polls at the jump back, which belongs to the `while` line.
    assert!(
        error
            .traceback
            .ends_with("line 2, in <module>\n    while True:\nKeyboardInterrupt\n"),
        "{}",
        error.traceback
    );
}

#[test]
fn keyboard_interrupt_can_be_caught_and_the_globals_survive() {
    let mut host = ScriptedHost {
        interrupt_at: Some(2),
        ..ScriptedHost::default()
    };
    let mut interp = interpreter(RunLimits::default());
    let program = "n = 0\ntry:\n    while True:\n        n += 1\nexcept KeyboardInterrupt:\n    print('stopped', n > 0)\n";
    interp.run(program, &mut host).unwrap();
    interp.run("print('n is kept:', n > 0)", &mut host).unwrap();
    assert_eq!(host.out, "stopped True\nn is kept: True\n");
}

#[test]
fn an_interrupt_reaches_recursion_and_native_iteration() {
    with_stack(interrupt_reaches_recursion_and_native_iteration);
}

fn interrupt_reaches_recursion_and_native_iteration() {
    for program in [
        "def f(n):\n    if n:\n        f(n - 1)\n        f(n - 1)\nf(40)\n",
        "sum(range(10**12))\n",
        "list(x for x in range(10**12))\n",
        "x = [3, 1, 2] * 1_000_000\nx.sort()\n",
        "x = sorted([3, 1, 2] * 1_000_000)\n",
    ] {
        let mut host = ScriptedHost {
            interrupt_at: Some(5),
            ..ScriptedHost::default()
        };
        let error = interpreter(RunLimits::default())
            .run(program, &mut host)
            .unwrap_err();
        assert!(error.is_keyboard_interrupt(), "{program}: {error}");
    }
}

/// Programs that try every way to outlive a limit: all end with `LimitExceeded`.
const STUBBORN: &[&str] = &[
    "while True:\n    pass\n",
    "while True:\n    try:\n        while True:\n            pass\n    except BaseException:\n        pass\n",
    "def f():\n    try:\n        f()\n    except BaseException:\n        f()\nf()\n",
    "try:\n    while True: pass\nfinally:\n    while True:\n        try:\n            pass\n        except:\n            pass\n",
    "def g():\n    while True:\n        try:\n            yield 1\n        except BaseException:\n            pass\nfor x in g():\n    try:\n        pass\n    except BaseException:\n        pass\n",
    "class C:\n    def __exit__(self, *a):\n        return True\n    def __enter__(self):\n        return self\nwhile True:\n    with C():\n        while True: pass\n",
    "sum(range(10**15))\n",
];

#[test]
fn a_step_limit_ends_every_program_and_no_handler_can_stop_it() {
    with_stack(step_limit_ends_stubborn_programs);
}

fn step_limit_ends_stubborn_programs() {
    for program in STUBBORN {
        let mut host = ScriptedHost::default();
        let mut interp = interpreter(RunLimits {
            max_steps: Some(50_000),
            ..RunLimits::default()
        });
        let error = interp.run(program, &mut host).unwrap_err();
        assert_eq!(error.kind, ErrorKind::LimitExceeded, "{program}: {error}");
        assert_eq!(error.type_name, "TimeoutError");
        assert!(
            error
                .traceback
                .ends_with("TimeoutError: the run exceeded its limit of 50000 steps\n"),
            "{program}: {}",
            error.traceback
        );
        // Each run has the whole budget again.
        interp
            .run("x = sum(range(1000))\nprint(x)", &mut host)
            .unwrap();
        assert!(host.out.ends_with("499500\n"), "{program}");
    }
}

#[test]
fn a_time_limit_ends_loops_and_sleeps() {
    with_stack(time_limit_ends_loops_and_sleeps);
}

fn time_limit_ends_loops_and_sleeps() {
    for program in STUBBORN.iter().copied().chain([
        "import time\nwhile True:\n    time.sleep(0.5)\n",
        "while True:\n    try:\n        input()\n    except BaseException:\n        pass\n",
    ]) {
        let mut host = ScriptedHost::default();
        let error = interpreter(RunLimits {
            max_seconds: Some(0.5),
            ..RunLimits::default()
        })
        .run(program, &mut host)
        .unwrap_err();
        assert_eq!(error.kind, ErrorKind::LimitExceeded, "{program}: {error}");
        assert_eq!(
            error.message, "the run exceeded its time limit of 0.5 s",
            "{program}"
        );
    }
}

#[test]
fn a_step_limit_counts_exactly() {
    // Each iteration of this loop is one step (its jump back), plus the module's entry.
    let mut host = ScriptedHost::default();
    let mut interp = interpreter(RunLimits {
        max_steps: Some(2_501),
        ..RunLimits::default()
    });
    interp
        .run("i = 0\nwhile i < 2500:\n    i += 1\nprint(i)", &mut host)
        .unwrap();
    assert_eq!(host.out, "2500\n");
    let error = interp
        .run("i = 0\nwhile i < 2501:\n    i += 1\n", &mut host)
        .unwrap_err();
    assert_eq!(error.kind, ErrorKind::LimitExceeded);
}

/// Single big-int operations that run for seconds (up to minutes in a debug build):
/// each must reach the host's poll while it computes, not only after.
const LONG_BIG_INT_OPERATIONS: &[&str] = &[
    "x = 7 ** 20_000_000\n",
    "x = (1 << 30_000_000) - 1\ny = x * x\n",
    "x = (1 << 40_000_000) - 1\ny = x // ((1 << 20_000_000) + 12345)\n",
    "x = (1 << 40_000_000) - 1\ny = divmod(x, (1 << 3_000_000) + 1)\n",
    "import math\nx = math.factorial(2_000_000)\n",
    "import math\nx = math.isqrt((1 << 40_000_000) - 1)\n",
    "import math\nx = math.gcd((1 << 20_000_000) - 1, (1 << 19_999_999) - 3)\n",
    "x = pow(3, (1 << 2_000_000) - 1, (1 << 4_000) + 1)\n",
    "x = pow(3, 1 << 40, (1 << 8_000_000) + 1)\n",
];

#[test]
fn an_interrupt_reaches_long_big_int_operations() {
    with_stack(|| {
        for program in LONG_BIG_INT_OPERATIONS {
            let mut host = ScriptedHost {
                interrupt_at: Some(3),
                ..ScriptedHost::default()
            };
            let mut python = interpreter(RunLimits::default());
            let error = python.run(program, &mut host).unwrap_err();
            assert!(error.is_keyboard_interrupt(), "{program}: {error}");
            // The session goes on.
            python.run("print(2 ** 100)\n", &mut host).unwrap();
            assert_eq!(host.out, "1267650600228229401496703205376\n");
        }
    });
}

#[test]
fn a_big_int_operation_yields_when_asked_and_its_result_is_exact() {
    with_stack(|| {
        let mut host = ScriptedHost {
            yield_every: Some(1),
            ..ScriptedHost::default()
        };
        let program = "x = (1 << 9_000_000) - 1\ny = x * x\n\
                       print(y == (1 << 18_000_000) - (1 << 9_000_001) + 1)\n\
                       print(y // x == x, y % x)\n";
        interpreter(RunLimits::default())
            .run(program, &mut host)
            .unwrap();
        assert_eq!(host.out, "True\nTrue 0\n");
        assert!(host.yields > 1, "{} yields", host.yields);
    });
}

#[test]
fn an_interrupt_reaches_catastrophic_regex_backtracking() {
    with_stack(interrupt_reaches_catastrophic_regex_backtracking);
}

fn interrupt_reaches_catastrophic_regex_backtracking() {
    let mut host = ScriptedHost::default();
    let mut interp = interpreter(RunLimits::default());
    // Compile first, so the interrupt lands in the matcher rather than in `re`'s import.
    interp
        .run("import re\np = re.compile('(a|aa)*b')\n", &mut host)
        .unwrap();
    for program in [
        "p.match('a' * 60)\n",
        "p.findall('a' * 60)\n",
        "p.sub('', 'a' * 60)\n",
    ] {
        host.interrupt_at = Some(host.polls + 3);
        let error = interp.run(program, &mut host).unwrap_err();
        assert!(error.is_keyboard_interrupt(), "{program}: {error}");
    }
    interp.run("print(p.match('aab'))", &mut host).unwrap();
    assert_eq!(host.out, "<re.Match object; span=(0, 3), match='aab'>\n");
}
