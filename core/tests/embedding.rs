//! The embedder API from outside the crate: modules and functions written in Rust
//! (`NativeModule`, `Object::function`), native functions that suspend through the host,
//! exceptions crossing both ways, globals, calls into Python, value conversion, and the
//! recursion depth the default `Config` reaches.
//!
//! Each test drives a real `Interpreter` with `RecordingHost`, which records every
//! suspension and answers `HostCall`s from a table, as a backend would.

use std::cell::Cell;
use std::rc::Rc;

use stackswitch_core::{
    BigInt, Config, ErrorKind, Exception, Host, HostError, HostErrorKind, HostValue, Interpreter,
    NativeModule, Object, Reply, Stream, SuspendRequest,
};

/// Records suspensions and output; answers `HostCall { name: "motor", .. }` with the
/// number of its arguments, `"stop"` with an interrupt, anything else as unknown.
#[derive(Default)]
struct RecordingHost {
    stdout: String,
    stderr: String,
    requests: Vec<SuspendRequest>,
}

impl Host for RecordingHost {
    fn suspend(&mut self, request: SuspendRequest) -> Result<Reply, HostError> {
        self.requests.push(request.clone());
        match request {
            SuspendRequest::HostCall { name, args } if name == "motor" => {
                Ok(Reply::Value(HostValue::Int(args.len() as i64)))
            }
            SuspendRequest::HostCall { name, .. } if name == "stop" => {
                Err(HostError::new(HostErrorKind::Interrupted, "stopped"))
            }
            SuspendRequest::HostCall { name, .. } => Err(HostError::new(
                HostErrorKind::UnknownFunction,
                format!("no host function {name}"),
            )),
            SuspendRequest::Input { .. } => Ok(Reply::Text("typed".into())),
            _ => Ok(Reply::Done),
        }
    }

    fn write(&mut self, stream: Stream, text: &str) {
        match stream {
            Stream::Stdout => self.stdout.push_str(text),
            Stream::Stderr => self.stderr.push_str(text),
        }
    }
}

/// A `robot` module: `move(steps)` suspends with a host call per step, `position()`
/// reads state kept in Rust, `apply(f, x)` calls back into Python.
fn robot_module(position: Rc<Cell<i64>>) -> NativeModule {
    let moved = position.clone();
    NativeModule::new("robot")
        .value("WHEELS", 4)
        .function("move", move |call, args| {
            let [steps] = args else {
                return Err(Exception::new("TypeError", "move() takes one argument"));
            };
            let steps = steps
                .as_i64()
                .ok_or_else(|| Exception::new("TypeError", "steps must be an int"))?;
            if steps < 0 {
                return Err(Exception::new("ValueError", "steps must not be negative"));
            }
            for _ in 0..steps {
                let reply = call.host_call("motor", vec![HostValue::Str("forward".into())])?;
                moved.set(moved.get() + reply.as_i64().unwrap_or(0));
            }
            Ok(Object::from(moved.get()))
        })
        .function("position", move |_call, _args| Ok(position.get().into()))
        .function("halt", |call, _args| {
            call.host_call("stop", Vec::new())?;
            Ok(().into())
        })
        .function("apply", |call, args| match args {
            [f, x] => call.call(f, std::slice::from_ref(x)),
            _ => Err(Exception::new("TypeError", "apply() takes two arguments")),
        })
}

fn run(interpreter: &mut Interpreter, source: &str) -> RecordingHost {
    let mut host = RecordingHost::default();
    if let Err(e) = interpreter.run(source, &mut host) {
        panic!("program failed:\n{}{}", host.stderr, e.traceback);
    }
    host
}

#[test]
fn native_module_is_imported_like_a_builtin_module() {
    let mut interpreter = Interpreter::new(Config::default());
    interpreter.add_module(robot_module(Rc::default()));
    let host = run(
        &mut interpreter,
        "import robot\nfrom robot import WHEELS\nprint(WHEELS, robot.position(), robot.move)\n\
         print(robot.__name__, type(robot.move).__name__)\n",
    );
    assert_eq!(
        host.stdout,
        "4 0 <built-in function move>\nrobot builtin_function_or_method\n"
    );
}

#[test]
fn native_function_suspends_through_the_host() {
    let position = Rc::new(Cell::new(0));
    let mut interpreter = Interpreter::new(Config::default());
    interpreter.add_module(robot_module(position.clone()));
    let host = run(&mut interpreter, "import robot\nprint(robot.move(3))\n");
    assert_eq!(host.stdout, "3\n");
    assert_eq!(position.get(), 3);
    let motor = SuspendRequest::HostCall {
        name: "motor".into(),
        args: vec![HostValue::Str("forward".into())],
    };
    assert_eq!(host.requests, vec![motor.clone(), motor.clone(), motor]);
}

#[test]
fn native_exception_is_raised_in_python() {
    let mut interpreter = Interpreter::new(Config::default());
    interpreter.add_module(robot_module(Rc::default()));
    let host = run(
        &mut interpreter,
        "import robot\ntry:\n    robot.move(-1)\nexcept ValueError as e:\n    print('caught', e)\n\
         try:\n    robot.move(steps=1)\nexcept TypeError as e:\n    print(e)\n",
    );
    assert_eq!(
        host.stdout,
        "caught steps must not be negative\nmove() takes no keyword arguments\n"
    );
    let error = interpreter
        .run("robot.move('x')", &mut RecordingHost::default())
        .unwrap_err();
    assert_eq!(error.type_name, "TypeError");
    assert_eq!(error.message, "steps must be an int");
    assert!(
        error
            .traceback
            .ends_with("TypeError: steps must be an int\n"),
        "{}",
        error.traceback
    );
}

#[test]
fn unknown_exception_name_raises_system_error() {
    let mut interpreter = Interpreter::new(Config::default());
    interpreter.set_global(
        "broken",
        Object::function("broken", |_, _| Err(Exception::new("NoSuchError", "oops"))),
    );
    let error = interpreter
        .run("broken()", &mut RecordingHost::default())
        .unwrap_err();
    assert_eq!(error.type_name, "SystemError");
    assert!(error.message.contains("'NoSuchError'"), "{}", error.message);
}

#[test]
fn python_exception_passes_through_native_code_unchanged() {
    let mut interpreter = Interpreter::new(Config::default());
    interpreter.add_module(robot_module(Rc::default()));
    let host = run(
        &mut interpreter,
        "import robot\nclass Custom(Exception): pass\nraised = Custom('from python')\n\
         def fail(x):\n    raise raised\n\
         try:\n    robot.apply(fail, 1)\nexcept Custom as e:\n    print(e is raised, e)\n\
         print(robot.apply(lambda x: x * 2, 21))\n",
    );
    assert_eq!(host.stdout, "True from python\n42\n");
}

#[test]
fn host_errors_in_native_functions_become_python_exceptions() {
    let mut interpreter = Interpreter::new(Config::default());
    interpreter.add_module(robot_module(Rc::default()));
    let error = interpreter
        .run(
            "import robot\ntry:\n    robot.halt()\nexcept Exception:\n    print('not here')\n",
            &mut RecordingHost::default(),
        )
        .unwrap_err();
    assert!(error.is_keyboard_interrupt(), "{error:?}");
    let unknown = Object::function("ask", |call, _| call.host_call("nobody", Vec::new()));
    interpreter.set_global("ask", unknown);
    let host = run(
        &mut interpreter,
        "try:\n    ask()\nexcept LookupError as e:\n    print(type(e).__name__, e)\n",
    );
    assert_eq!(host.stdout, "LookupError no host function nobody\n");
}

#[test]
fn globals_are_set_and_read() {
    let mut interpreter = Interpreter::new(Config::default());
    interpreter.set_global("limit", 21);
    interpreter.set_global("name", "Ada");
    run(
        &mut interpreter,
        "doubled = limit * 2\ngreeting = 'hi ' + name\n",
    );
    assert_eq!(
        interpreter.global("doubled").and_then(|o| o.as_i64()),
        Some(42)
    );
    assert_eq!(
        interpreter.global("greeting").unwrap().as_str(),
        Some("hi Ada")
    );
    assert!(
        interpreter.global("print").is_none(),
        "builtins are not globals"
    );
}

#[test]
fn python_functions_are_called_by_name_and_by_object() {
    let mut interpreter = Interpreter::new(Config::default());
    run(
        &mut interpreter,
        "def add(a, b):\n    return a + b\ndef ask():\n    return input('? ')\n\
         def fail():\n    return 1 / 0\n",
    );
    let mut host = RecordingHost::default();
    let sum = interpreter
        .call("add", &[Object::from(2), Object::from(40)], &mut host)
        .unwrap();
    assert_eq!(sum.as_i64(), Some(42));
    let add = interpreter.global("add").unwrap();
    let joined = interpreter
        .call(&add, &["a".into(), "b".into()], &mut host)
        .unwrap();
    assert_eq!(joined.as_str(), Some("ab"));
    // A call runs with a host like a run: input() suspends.
    let typed = interpreter.call("ask", &[], &mut host).unwrap();
    assert_eq!(typed.as_str(), Some("typed"));

    let error = interpreter.call("fail", &[], &mut host).unwrap_err();
    assert_eq!(error.kind, ErrorKind::Exception);
    assert_eq!(error.type_name, "ZeroDivisionError");
    assert!(
        error.traceback.contains("in fail\n"),
        "traceback names the function: {}",
        error.traceback
    );
    let missing = interpreter.call("nope", &[], &mut host).unwrap_err();
    assert_eq!(missing.type_name, "NameError");
    assert_eq!(missing.message, "name 'nope' is not defined");
}

#[test]
fn values_convert_both_ways_without_loss() {
    let mut interpreter = Interpreter::new(Config::default());
    let big: BigInt = BigInt::from(2).pow(100) + 1;
    interpreter.set_global("big", big.clone());
    interpreter.set_global(
        "items",
        vec![Object::from(1.5), Object::none(), true.into()],
    );
    interpreter.set_global(
        "config",
        Object::from_host(HostValue::Dict(vec![
            ("speed".into(), HostValue::Int(3)),
            (
                "tags".into(),
                HostValue::List(vec![HostValue::Str("x".into())]),
            ),
        ])),
    );
    let host = run(
        &mut interpreter,
        "print(big == 2**100 + 1, items, config['speed'], config['tags'])\n\
         back = big * 2\nsmall = -2**63\npair = (1, 'two')\nnested = {'a': [1, {'b': None}]}\n\
         f = lambda: 0\n",
    );
    assert_eq!(host.stdout, "True [1.5, None, True] 3 ['x']\n");
    let global = |name: &str| interpreter.global(name).unwrap();
    assert_eq!(global("back").as_bigint(), Some(&big * 2));
    assert_eq!(global("back").as_i64(), None);
    assert_eq!(global("small").as_i64(), Some(i64::MIN));
    assert_eq!(
        global("pair").to_host().unwrap(),
        HostValue::List(vec![HostValue::Int(1), HostValue::Str("two".into())])
    );
    assert_eq!(
        global("nested").to_host().unwrap(),
        HostValue::Dict(vec![(
            "a".into(),
            HostValue::List(vec![
                HostValue::Int(1),
                HostValue::Dict(vec![("b".into(), HostValue::None)])
            ])
        )])
    );
    assert_eq!(global("f").type_name(), "function");
    let not_data = global("f").to_host().unwrap_err();
    assert_eq!(not_data.type_name(), "TypeError");
    // Ints of any size cross losslessly, as through host.call.
    let HostValue::BigInt {
        negative,
        magnitude,
    } = global("back").to_host().unwrap()
    else {
        panic!("a big int should cross as HostValue::BigInt");
    };
    let doubled: BigInt = &big * 2;
    let (sign, expected) = doubled.to_bytes_le();
    assert_eq!(
        (negative, magnitude),
        (sign == num_bigint::Sign::Minus, expected)
    );
    assert_eq!(
        Object::from_host(global("back").to_host().unwrap()).as_bigint(),
        global("back").as_bigint()
    );
}

/// Deepest level `def f(n): return f(n + 1)` reaches on a thread of `stack` bytes with
/// the default `Config`, and the RecursionError's message.
fn default_config_recursion(stack: usize) -> (i64, String) {
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(|| {
            let mut interpreter = Interpreter::new(Config::default());
            let host = run(
                &mut interpreter,
                "depth = 0\ndef f(n):\n    global depth\n    depth = n\n    return f(n + 1)\n\
                 try:\n    f(1)\nexcept RecursionError as e:\n    message = str(e)\n",
            );
            assert_eq!(host.stdout, "");
            let depth = interpreter.global("depth").unwrap().as_i64().unwrap();
            let message = interpreter.global("message").unwrap();
            (depth, message.as_str().unwrap().to_owned())
        })
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn default_config_reaches_the_recursion_limit_on_a_main_thread_sized_stack() {
    // 8 MiB, the main thread's stack: CPython's limit, in debug builds too (on Linux,
    // where the budget follows the thread's stack; 1.5 MiB elsewhere).
    let (depth, message) = default_config_recursion(8 << 20);
    if cfg!(target_os = "linux") || !cfg!(debug_assertions) {
        assert_eq!(depth, 999, "{message}");
        assert_eq!(message, "maximum recursion depth exceeded");
    }
}

#[test]
fn default_config_recursion_ends_in_recursion_error_on_a_spawned_thread() {
    // A spawned thread's default stack: the default budget fits it, so recursion ends
    // in RecursionError, never a stack overflow. An optimized build reaches CPython's
    // limit; a debug build's frames are 4x larger and the message says what ran out.
    let (depth, message) = default_config_recursion(2 << 20);
    if cfg!(debug_assertions) {
        assert!(depth > 300, "debug depth {depth}");
        assert!(
            message.starts_with("maximum recursion depth exceeded")
                && message.contains("Config::stack_budget"),
            "{message}"
        );
    } else {
        assert_eq!(depth, 999, "{message}");
        assert_eq!(message, "maximum recursion depth exceeded");
    }
}
