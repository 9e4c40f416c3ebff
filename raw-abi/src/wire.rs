//! The byte format of requests and replies crossing the one suspend import.
//!
//! No wasm-bindgen here, so a [`SuspendRequest`] travels as bytes in linear memory and
//! `js/raw_abi.js` (functions `decodeRequest`, `encodeAnswer`, `encodeError`,
//! `encodeConfig`) is the other half of this file. All integers are little-endian.
//!
//! ```text
//!   str, bytes  = u32 length, then the UTF-8 / raw bytes
//!   value       = u8 tag: 0 None | 1 Bool u8 | 2 Int i64 | 3 Float f64 | 4 Str str
//!                         | 5 List u32 n, n × value | 6 Dict u32 n, n × (str key, value)
//!                         | 7 BigInt u8 negative, magnitude: bytes (|n|, least significant first)
//!                         | 8 Bytes bytes
//!
//!   request (its kind is the import's `kind` argument, see [`RequestKind`]):
//!     Input  prompt: str
//!     Sleep  seconds: f64
//!     Fetch  url: str, method: str, u32 n, n × (name: str, value: str), u8 has_body, [body: bytes]
//!     Call   name: str, u32 n, n × value
//!     Yield  (nothing: let the event loop run, then answer)
//!     Module name: str (a standard module's name: answer with its source)
//!
//!   reply:
//!     u8 0 (answer), then  Input, Module: str | Sleep, Yield: nothing | Fetch: u32 status, reason: str,
//!                          url: str, u32 n, n × (str, str), body: bytes | Call: value
//!     u8 1 (host error), then u8 kind (0 Interrupted | 1 EndOfInput | 2 Network
//!                          | 3 UnknownFunction | 4 Failed | 5 TimedOut), message: str
//! ```
//!
//! Invariant: decoding never panics and never trusts a length: a malformed or truncated
//! reply is a `HostError` of kind `Failed` (so a Python `OSError`), never a trap.

use stackswitch_core::{
    FetchResponse, HostError, HostErrorKind, HostValue, Reply, RunLimits, SuspendRequest,
};

/// The `kind` argument of the suspend import; the JS driver names them the same way.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u32)]
pub enum RequestKind {
    /// `input(prompt)`.
    Input = 0,
    /// `time.sleep(seconds)`.
    Sleep = 1,
    /// `urllib.request.urlopen(...)`.
    Fetch = 2,
    /// `host.call(name, *args)`.
    Call = 3,
    /// Running code yields its thread ([`stackswitch_core::Poll::Yield`]).
    Yield = 4,
    /// The source of a standard module the interpreter does not hold.
    Module = 5,
}

/// Deepest nesting of lists and dicts accepted in a reply (as the JSPI backend).
const MAX_VALUE_DEPTH: usize = 100;

/// Serialise `request`; the kind goes in the import's `kind` argument.
pub fn encode_request(request: &SuspendRequest) -> (RequestKind, Vec<u8>) {
    let mut out = Vec::new();
    let kind = match request {
        SuspendRequest::Input { prompt } => {
            put_str(&mut out, prompt);
            RequestKind::Input
        }
        SuspendRequest::Sleep { seconds } => {
            out.extend_from_slice(&seconds.to_le_bytes());
            RequestKind::Sleep
        }
        SuspendRequest::Fetch(fetch) => {
            put_str(&mut out, &fetch.url);
            put_str(&mut out, &fetch.method);
            put_pairs(&mut out, &fetch.headers);
            match &fetch.body {
                Some(body) => {
                    out.push(1);
                    put_bytes(&mut out, body);
                }
                None => out.push(0),
            }
            RequestKind::Fetch
        }
        SuspendRequest::HostCall { name, args } => {
            put_str(&mut out, name);
            put_len(&mut out, args.len());
            for arg in args {
                put_value(&mut out, arg);
            }
            RequestKind::Call
        }
        SuspendRequest::Yield => RequestKind::Yield,
        SuspendRequest::ModuleSource { name } => {
            put_str(&mut out, name);
            RequestKind::Module
        }
    };
    (kind, out)
}

/// Parse the host's reply to a request of `kind`.
pub fn decode_reply(kind: RequestKind, bytes: &[u8]) -> Result<Reply, HostError> {
    let mut reader = Reader { bytes, at: 0 };
    let reply = match reader.u8()? {
        0 => match kind {
            RequestKind::Input | RequestKind::Module => Reply::Text(reader.string()?),
            RequestKind::Sleep | RequestKind::Yield => Reply::Done,
            RequestKind::Fetch => Reply::Response(FetchResponse {
                status: u16::try_from(reader.u32()?).map_err(|_| malformed())?,
                reason: reader.string()?,
                url: reader.string()?,
                headers: reader.pairs()?,
                body: reader.bytes()?.to_vec(),
            }),
            RequestKind::Call => Reply::Value(reader.value(0)?),
        },
        1 => {
            let kind = match reader.u8()? {
                0 => HostErrorKind::Interrupted,
                1 => HostErrorKind::EndOfInput,
                2 => HostErrorKind::Network,
                3 => HostErrorKind::UnknownFunction,
                5 => HostErrorKind::TimedOut,
                _ => HostErrorKind::Failed,
            };
            return Err(HostError::new(kind, reader.string()?));
        }
        _ => return Err(malformed()),
    };
    if reader.at != bytes.len() {
        return Err(malformed());
    }
    Ok(reply)
}

/// A session's settings, as the JS side sends them to `stackswitch_session_new`.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionConfig {
    pub filename: String,
    pub argv: Vec<String>,
    /// Bounds on every run of the session.
    pub limits: RunLimits,
    /// The program's files are the host's (the `file` import), not an in-memory
    /// filesystem.
    pub host_files: bool,
    /// `os.environ`.
    pub environ: Vec<(String, String)>,
}

/// Parse a session config: `filename: str, u32 n, n × argv: str, max_seconds: f64,
/// max_steps: f64, host_files: u8, u32 m, m × (key: str, value: str)` (a limit that is
/// NaN or negative is none; host_files 0 or 1; then the environment).
pub fn decode_config(bytes: &[u8]) -> Option<SessionConfig> {
    let mut reader = Reader { bytes, at: 0 };
    let filename = reader.string().ok()?;
    let n = reader.u32().ok()?;
    let argv = (0..n)
        .map(|_| reader.string())
        .collect::<Result<_, _>>()
        .ok()?;
    let limit = |reader: &mut Reader<'_>| {
        let value = f64::from_le_bytes(reader.array().ok()?);
        Some((value >= 0.0).then_some(value))
    };
    let limits = RunLimits {
        max_seconds: limit(&mut reader)?,
        max_steps: limit(&mut reader)?.map(|steps| steps as u64),
    };
    let host_files = match reader.array::<1>().ok()? {
        [0] => false,
        [1] => true,
        _ => return None,
    };
    let m = reader.u32().ok()?;
    let environ = (0..m)
        .map(|_| Some((reader.string().ok()?, reader.string().ok()?)))
        .collect::<Option<_>>()?;
    (reader.at == bytes.len()).then_some(SessionConfig {
        filename,
        argv,
        limits,
        host_files,
        environ,
    })
}

fn malformed() -> HostError {
    HostError::new(HostErrorKind::Failed, "malformed reply from the host")
}

fn put_len(out: &mut Vec<u8>, len: usize) {
    // Python strings and lists in a 32-bit wasm module cannot exceed u32::MAX elements.
    out.extend_from_slice(&(len as u32).to_le_bytes());
}

fn put_bytes(out: &mut Vec<u8>, bytes: &[u8]) {
    put_len(out, bytes.len());
    out.extend_from_slice(bytes);
}

pub(crate) fn put_str(out: &mut Vec<u8>, text: &str) {
    put_bytes(out, text.as_bytes());
}

fn put_pairs(out: &mut Vec<u8>, pairs: &[(String, String)]) {
    put_len(out, pairs.len());
    for (name, value) in pairs {
        put_str(out, name);
        put_str(out, value);
    }
}

fn put_value(out: &mut Vec<u8>, value: &HostValue) {
    match value {
        HostValue::None => out.push(0),
        HostValue::Bool(b) => out.extend_from_slice(&[1, u8::from(*b)]),
        HostValue::Int(i) => {
            out.push(2);
            out.extend_from_slice(&i.to_le_bytes());
        }
        HostValue::Float(f) => {
            out.push(3);
            out.extend_from_slice(&f.to_le_bytes());
        }
        HostValue::Str(s) => {
            out.push(4);
            put_str(out, s);
        }
        HostValue::BigInt {
            negative,
            magnitude,
        } => {
            out.extend_from_slice(&[7, u8::from(*negative)]);
            put_bytes(out, magnitude);
        }
        HostValue::Bytes(bytes) => {
            out.push(8);
            put_bytes(out, bytes);
        }
        HostValue::List(items) => {
            out.push(5);
            put_len(out, items.len());
            for item in items {
                put_value(out, item);
            }
        }
        HostValue::Dict(pairs) => {
            out.push(6);
            put_len(out, pairs.len());
            for (key, item) in pairs {
                put_str(out, key);
                put_value(out, item);
            }
        }
    }
}

/// A cursor over reply bytes; every read checks the remaining length.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], HostError> {
        let end = self.at.checked_add(n).ok_or_else(malformed)?;
        let slice = self.bytes.get(self.at..end).ok_or_else(malformed)?;
        self.at = end;
        Ok(slice)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], HostError> {
        self.take(N)?.try_into().map_err(|_| malformed())
    }

    fn u8(&mut self) -> Result<u8, HostError> {
        Ok(self.array::<1>()?[0])
    }

    fn u32(&mut self) -> Result<u32, HostError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn bytes(&mut self) -> Result<&'a [u8], HostError> {
        let len = self.u32()? as usize;
        self.take(len)
    }

    fn string(&mut self) -> Result<String, HostError> {
        let bytes = self.bytes()?;
        String::from_utf8(bytes.to_vec()).map_err(|_| malformed())
    }

    fn pairs(&mut self) -> Result<Vec<(String, String)>, HostError> {
        let n = self.u32()?;
        (0..n)
            .map(|_| Ok((self.string()?, self.string()?)))
            .collect()
    }

    fn value(&mut self, depth: usize) -> Result<HostValue, HostError> {
        if depth > MAX_VALUE_DEPTH {
            return Err(HostError::new(
                HostErrorKind::Failed,
                "host reply nested too deeply",
            ));
        }
        Ok(match self.u8()? {
            0 => HostValue::None,
            1 => HostValue::Bool(self.u8()? != 0),
            2 => HostValue::Int(i64::from_le_bytes(self.array()?)),
            3 => HostValue::Float(f64::from_le_bytes(self.array()?)),
            4 => HostValue::Str(self.string()?),
            7 => HostValue::BigInt {
                negative: self.u8()? != 0,
                magnitude: self.bytes()?.to_vec(),
            },
            8 => HostValue::Bytes(self.bytes()?.to_vec()),
            5 => {
                let n = self.u32()?;
                let items = (0..n)
                    .map(|_| self.value(depth + 1))
                    .collect::<Result<_, _>>()?;
                HostValue::List(items)
            }
            6 => {
                let n = self.u32()?;
                let pairs = (0..n)
                    .map(|_| Ok((self.string()?, self.value(depth + 1)?)))
                    .collect::<Result<_, HostError>>()?;
                HostValue::Dict(pairs)
            }
            _ => return Err(malformed()),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(body: &[u8]) -> Vec<u8> {
        let mut out = vec![0];
        out.extend_from_slice(body);
        out
    }

    #[test]
    fn input_request_carries_the_prompt() {
        let (kind, bytes) = encode_request(&SuspendRequest::Input {
            prompt: "Name? ".into(),
        });
        assert_eq!(kind, RequestKind::Input);
        assert_eq!(bytes, b"\x06\0\0\0Name? ");
    }

    #[test]
    fn host_values_round_trip_through_the_reply_format() {
        let value = HostValue::Dict(vec![
            (
                "a".into(),
                HostValue::List(vec![HostValue::Int(-3), HostValue::None]),
            ),
            ("b".into(), HostValue::Float(0.5)),
            ("c".into(), HostValue::Bool(true)),
            ("d".into(), HostValue::Str("é".into())),
            (
                "e".into(),
                HostValue::BigInt {
                    negative: true,
                    magnitude: vec![0, 0, 0, 0, 0, 0, 0, 0, 1],
                },
            ),
            ("f".into(), HostValue::Bytes(vec![0, 255, 7])),
        ]);
        let mut body = Vec::new();
        put_value(&mut body, &value);
        assert_eq!(
            decode_reply(RequestKind::Call, &answer(&body)),
            Ok(Reply::Value(value))
        );
    }

    #[test]
    fn host_errors_keep_their_kind_and_message() {
        let mut bytes = vec![1, 1];
        put_str(&mut bytes, "EOF when reading a line");
        let error = decode_reply(RequestKind::Input, &bytes).unwrap_err();
        assert_eq!(error.kind, HostErrorKind::EndOfInput);
        assert_eq!(error.message, "EOF when reading a line");
    }

    #[test]
    fn truncated_or_oversized_replies_are_failures_not_panics() {
        let mut full = vec![0];
        put_str(&mut full, "hello");
        for cut in 0..full.len() {
            let error = decode_reply(RequestKind::Input, &full[..cut]).unwrap_err();
            assert_eq!(error.kind, HostErrorKind::Failed);
        }
        let mut long = full.clone();
        long.push(0);
        assert!(decode_reply(RequestKind::Input, &long).is_err());
        let huge_length = [0, 0xff, 0xff, 0xff, 0xff];
        assert!(decode_reply(RequestKind::Input, &huge_length).is_err());
    }

    #[test]
    fn session_configs_decode_and_reject_trailing_bytes() {
        let mut bytes = Vec::new();
        put_str(&mut bytes, "main.py");
        put_len(&mut bytes, 2);
        put_str(&mut bytes, "main.py");
        put_str(&mut bytes, "-v");
        bytes.extend_from_slice(&2.5f64.to_le_bytes());
        bytes.extend_from_slice(&f64::NAN.to_le_bytes());
        bytes.push(1);
        put_len(&mut bytes, 1);
        put_str(&mut bytes, "HOME");
        put_str(&mut bytes, "/home/ada");
        let config = decode_config(&bytes).unwrap();
        assert_eq!(config.filename, "main.py");
        assert_eq!(config.argv, ["main.py", "-v"]);
        assert_eq!(config.limits.max_seconds, Some(2.5));
        assert_eq!(config.limits.max_steps, None);
        assert!(config.host_files);
        assert_eq!(config.environ, [("HOME".into(), "/home/ada".into())]);
        bytes.push(0);
        assert_eq!(decode_config(&bytes), None);
        bytes.truncate(bytes.len() - 1 - 4 - (4 + 4) - (4 + 9));
        assert_eq!(bytes.pop(), Some(1));
        bytes.extend([2, 0, 0, 0, 0]);
        assert_eq!(decode_config(&bytes), None);
    }

    #[test]
    fn deeply_nested_replies_are_refused() {
        let mut body = [5, 1, 0, 0, 0].repeat(MAX_VALUE_DEPTH + 2);
        body.push(0);
        let error = decode_reply(RequestKind::Call, &answer(&body)).unwrap_err();
        assert_eq!(error.message, "host reply nested too deeply");
    }
}
