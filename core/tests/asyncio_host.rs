//! asyncio against the host: its event loop waits through `SuspendRequest::Sleep` (the
//! suspension `time.sleep` uses, so every backend suspends the same way) and reads the
//! host clock; coroutines dropped unawaited warn on stderr.
//!
//! Invariant checked: the loop sleeps only when nothing is ready, exactly until the
//! earliest timer, and still fires timers in order on a host whose clock never moves.

use stackswitch_core::{
    Clock, Config, Host, HostError, Interpreter, Reply, Stream, SuspendRequest,
};

/// A host with a virtual clock: sleeping advances it (when `clock_moves`) and is logged.
#[derive(Default)]
struct VirtualClockHost {
    stdout: String,
    stderr: String,
    sleeps: Vec<f64>,
    clock: f64,
    frozen_clock: bool,
}

impl Host for VirtualClockHost {
    fn suspend(&mut self, request: SuspendRequest) -> Result<Reply, HostError> {
        match request {
            SuspendRequest::Sleep { seconds } => {
                self.sleeps.push(seconds);
                if !self.frozen_clock {
                    self.clock += seconds;
                }
                Ok(Reply::Done)
            }
            SuspendRequest::Yield => Ok(Reply::Done),
            other => panic!("unexpected request {other:?}"),
        }
    }

    fn write(&mut self, stream: Stream, text: &str) {
        match stream {
            Stream::Stdout => self.stdout.push_str(text),
            Stream::Stderr => self.stderr.push_str(text),
        }
    }

    fn now(&mut self, _: Clock) -> f64 {
        self.clock
    }
}

fn run(host: &mut VirtualClockHost, program: &str) {
    let config = Config {
        filename: "main.py".into(),
        ..Config::default()
    };
    // Debug builds recurse deeply through the Python-written loop.
    let program = program.to_string();
    let mut moved = std::mem::take(host);
    let moved = std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || {
            let result = Interpreter::new(config).run(&program, &mut moved);
            if let Err(e) = result {
                panic!("run failed: {}", e.traceback);
            }
            moved
        })
        .unwrap()
        .join()
        .unwrap();
    *host = moved;
}

const TIMERS: &str = "
import asyncio

async def tick(name, delay):
    await asyncio.sleep(delay)
    print(name, asyncio.get_running_loop().time())

async def main():
    await asyncio.gather(tick('late', 2.5), tick('early', 0.5), tick('mid', 1.0))
    await asyncio.sleep(0)

asyncio.run(main())
";

#[test]
fn the_loop_sleeps_through_the_host_until_each_deadline() {
    let mut host = VirtualClockHost::default();
    run(&mut host, TIMERS);
    assert_eq!(host.stdout, "early 0.5\nmid 1.0\nlate 2.5\n");
    assert_eq!(host.sleeps, vec![0.5, 0.5, 1.5]);
}

#[test]
fn timers_fire_in_order_when_the_host_clock_never_moves() {
    let mut host = VirtualClockHost {
        frozen_clock: true,
        ..VirtualClockHost::default()
    };
    run(&mut host, TIMERS);
    assert_eq!(host.stdout, "early 0.5\nmid 1.0\nlate 2.5\n");
    assert_eq!(host.sleeps.len(), 3, "{:?}", host.sleeps);
}

#[test]
fn a_dropped_unawaited_coroutine_warns_at_the_line_that_dropped_it() {
    let mut host = VirtualClockHost::default();
    run(
        &mut host,
        "async def job():\n    pass\n\njob()\nprint('after')\n",
    );
    assert_eq!(host.stdout, "after\n");
    assert_eq!(
        host.stderr,
        "main.py:4: RuntimeWarning: coroutine 'job' was never awaited\n  job()\n\
         RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n"
    );
}

#[test]
fn never_awaited_warnings_show_once_per_line_and_at_exit_for_live_ones() {
    let mut host = VirtualClockHost::default();
    run(
        &mut host,
        "async def job():\n    pass\nc = job()\nfor i in range(3): job()\n",
    );
    assert_eq!(
        host.stderr,
        "main.py:4: RuntimeWarning: coroutine 'job' was never awaited\n  \
         for i in range(3): job()\n\
         RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n\
         sys:1: RuntimeWarning: coroutine 'job' was never awaited\n"
    );
}
