//! `host.call` values through the public API: what the host receives for each Python
//! value ([`HostValue`]) and what Python gets back for each reply, losslessly (ints of any
//! size, bytes, str-keyed dicts, None). The JS backends' halves of the same mapping are
//! tested in runtime/tests/sessions.test.mjs.
//!
//! Invariant checked: a value sent and echoed back compares equal in Python (tuples come
//! back as lists, bytearrays as bytes).

use stackswitch_core::{
    Clock, Config, Host, HostError, HostValue, Interpreter, Poll, Reply, Stream, SuspendRequest,
};

/// A host whose only function, `echo`, records its argument and answers with it.
#[derive(Default)]
struct EchoHost {
    out: String,
    received: Vec<HostValue>,
}

impl Host for EchoHost {
    fn suspend(&mut self, request: SuspendRequest) -> Result<Reply, HostError> {
        match request {
            SuspendRequest::HostCall { name, mut args } if name == "echo" => {
                let value = args.pop().unwrap_or(HostValue::None);
                self.received.push(value.clone());
                Ok(Reply::Value(value))
            }
            other => panic!("unexpected request {other:?}"),
        }
    }

    fn write(&mut self, _: Stream, text: &str) {
        self.out.push_str(text);
    }

    fn now(&mut self, _: Clock) -> f64 {
        0.0
    }

    fn poll(&mut self) -> Poll {
        Poll::Continue
    }
}

fn run(source: &str) -> EchoHost {
    let mut host = EchoHost::default();
    let mut interpreter = Interpreter::new(Config::default());
    interpreter
        .run(source, &mut host)
        .unwrap_or_else(|error| panic!("{error:?}\n{}", host.out));
    host
}

#[test]
fn ints_of_every_size_bytes_and_dicts_reach_the_host_and_come_back_equal() {
    let host = run(r#"
import host
values = [2**63 - 1, -2**63, 2**64, -(2**100) + 7, b"\x00\xff", bytearray(b"ab"),
          {"k": [1, None]}, None, 0.5, "é", True]
for value in values:
    back = host.call("echo", value)
    print(type(back).__name__, back == value or back == bytes(value))
"#);
    assert_eq!(
        host.out,
        "int True\nint True\nint True\nint True\nbytes True\nbytes True\ndict True\n\
         NoneType True\nfloat True\nstr True\nbool True\n"
    );
    assert_eq!(host.received[0], HostValue::Int(i64::MAX));
    assert_eq!(host.received[1], HostValue::Int(i64::MIN));
    assert_eq!(
        host.received[2],
        HostValue::BigInt {
            negative: false,
            magnitude: vec![0, 0, 0, 0, 0, 0, 0, 0, 1]
        }
    );
    let HostValue::BigInt {
        negative: true,
        magnitude,
    } = &host.received[3]
    else {
        panic!(
            "-(2**100) + 7 should be a negative BigInt: {:?}",
            host.received[3]
        );
    };
    assert_eq!(magnitude.len(), 13);
    assert_eq!(magnitude[0], 0xf9); // 2**100 - 7 = 0x0f_ffff_ffff_ffff_ffff_ffff_fff9
    assert_eq!(host.received[4], HostValue::Bytes(vec![0, 255]));
    assert_eq!(host.received[5], HostValue::Bytes(b"ab".to_vec()));
}

#[test]
fn a_big_int_reply_that_fits_64_bits_is_an_ordinary_int() {
    // A host may send BigInt for any int, with zero bytes past the top: still the same int.
    struct SmallBigHost(String);
    impl Host for SmallBigHost {
        fn suspend(&mut self, _: SuspendRequest) -> Result<Reply, HostError> {
            Ok(Reply::Value(HostValue::BigInt {
                negative: true,
                magnitude: vec![5, 0, 0],
            }))
        }
        fn write(&mut self, _: Stream, text: &str) {
            self.0.push_str(text);
        }
        fn now(&mut self, _: Clock) -> f64 {
            0.0
        }
        fn poll(&mut self) -> Poll {
            Poll::Continue
        }
    }
    let mut host = SmallBigHost(String::new());
    Interpreter::new(Config::default())
        .run(
            "import host\nn = host.call('f')\nprint(n, n == -5, type(n).__name__)\n",
            &mut host,
        )
        .unwrap();
    assert_eq!(host.0, "-5 True int\n");
}
