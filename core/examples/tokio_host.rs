//! An async embedder: a tokio application that runs Python programs whose blocking calls
//! (`input()`, `time.sleep()`, a Rust `robot` module's motor commands) are answered by
//! async tasks.
//!
//! `Interpreter` is not `Send` and `Host::suspend` is synchronous, so:
//! - the interpreter is created and run on a blocking thread (`spawn_blocking`, whose
//!   2 MiB stack the default `Config::stack_budget` fits);
//! - its host sends each `SuspendRequest` with a one-shot reply channel to the async
//!   side and blocks that thread (not the runtime) until the answer comes back;
//! - the async side answers with `.await`s (timers here; HTTP, a database, a UI).
//!
//! `cargo run -p stackswitch-core --example tokio_host`. Two programs run at once; the
//! example checks what each printed.

use std::time::Duration;

use stackswitch_core::{
    Config, Exception, Host, HostError, HostErrorKind, HostValue, Interpreter, NativeModule,
    Object, Reply, Stream, SuspendRequest,
};
use tokio::sync::{mpsc, oneshot};

/// One suspension, on its way to the async side.
struct Suspension {
    request: SuspendRequest,
    reply: oneshot::Sender<Result<Reply, HostError>>,
}

/// The interpreter thread's host: output is collected, suspensions go to the async side.
struct ChannelHost {
    requests: mpsc::UnboundedSender<Suspension>,
    stdout: String,
}

impl Host for ChannelHost {
    fn suspend(&mut self, request: SuspendRequest) -> Result<Reply, HostError> {
        let (reply, answer) = oneshot::channel();
        let gone = || HostError::new(HostErrorKind::Interrupted, "the async side stopped");
        self.requests
            .send(Suspension { request, reply })
            .map_err(|_| gone())?;
        answer.blocking_recv().map_err(|_| gone())?
    }

    fn write(&mut self, stream: Stream, text: &str) {
        match stream {
            Stream::Stdout => self.stdout.push_str(text),
            Stream::Stderr => eprint!("{text}"),
        }
    }
}

/// `robot.move(steps)`: blocks (through the host) until the motor task reports the
/// position reached.
fn robot_module() -> NativeModule {
    NativeModule::new("robot").function("move", |call, args| {
        let steps = match args {
            [steps] => steps.as_i64(),
            _ => None,
        }
        .ok_or_else(|| Exception::new("TypeError", "move() takes the number of steps"))?;
        call.host_call("motor", vec![HostValue::Int(steps)])
    })
}

/// Answer one request the async way; each `.await` leaves the runtime free meanwhile.
async fn answer(
    request: SuspendRequest,
    who: &str,
    position: &mut i64,
) -> Result<Reply, HostError> {
    match request {
        SuspendRequest::Input { .. } => Ok(Reply::Text(who.to_owned())),
        SuspendRequest::Sleep { seconds } => {
            tokio::time::sleep(Duration::from_secs_f64(seconds)).await;
            Ok(Reply::Done)
        }
        SuspendRequest::HostCall { name, args } if name == "motor" => {
            let steps = match args.as_slice() {
                [HostValue::Int(steps)] => *steps,
                _ => 0,
            };
            tokio::time::sleep(Duration::from_millis(5 * steps.unsigned_abs())).await;
            *position += steps;
            Ok(Reply::Value(HostValue::Int(*position)))
        }
        SuspendRequest::Yield => Ok(Reply::Done),
        other => Err(HostError::new(
            HostErrorKind::Failed,
            format!("this host does not answer {other:?}"),
        )),
    }
}

const PROGRAM: &str = "\
import robot, time
name = input('who? ')
time.sleep(0.01)
print(name, 'at', robot.move(3), 'then', robot.move(-1))
def report(x):
    return f'{name}: {x * 2}'
";

/// Run `PROGRAM` for `who` on a blocking thread, answering it here; then call its
/// `report` function from Rust. Returns what it printed and `report(21)`.
async fn session(who: &'static str) -> (String, String) {
    let (requests, mut pending) = mpsc::unbounded_channel();
    let program = tokio::task::spawn_blocking(move || {
        let mut host = ChannelHost {
            requests,
            stdout: String::new(),
        };
        let mut interpreter = Interpreter::new(Config::default());
        interpreter.add_module(robot_module());
        interpreter
            .run(PROGRAM, &mut host)
            .map_err(|e| e.traceback)?;
        let report = interpreter
            .call("report", &[Object::from(21)], &mut host)
            .map_err(|e| e.traceback)?;
        Ok::<_, String>((host.stdout, report.as_str().unwrap_or_default().to_owned()))
    });
    let mut position = 0;
    // Ends when the interpreter thread drops its host (the program finished).
    while let Some(Suspension { request, reply }) = pending.recv().await {
        let answered = answer(request, who, &mut position).await;
        let _ = reply.send(answered);
    }
    match program.await {
        Ok(Ok(outcome)) => outcome,
        Ok(Err(traceback)) => panic!("the program failed:\n{traceback}"),
        Err(panicked) => panic!("the interpreter thread panicked: {panicked}"),
    }
}

fn main() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_time()
        .build()
        .expect("a tokio runtime");
    let (ada, grace) = runtime.block_on(async {
        let ada = tokio::spawn(session("Ada"));
        let grace = tokio::spawn(session("Grace"));
        (
            ada.await.expect("Ada's session"),
            grace.await.expect("Grace's session"),
        )
    });
    for (stdout, report) in [&ada, &grace] {
        print!("{stdout}");
        println!("{report}");
    }
    assert_eq!(ada, ("Ada at 3 then 2\n".into(), "Ada: 42".into()));
    assert_eq!(grace, ("Grace at 3 then 2\n".into(), "Grace: 42".into()));
}
