//! The `json` module: `loads` (CPython's C scanner `Modules/_json.c`, as an iterative
//! parser) and `dumps` (the C encoder, and `json/encoder.py`'s layout when `indent` is set),
//! `load`/`dump` over a file's `read`/`write`, plus the `JSONDecodeError` class.
//!
//! Invariant: parsed values, output text and every error are CPython 3.11's — the class,
//! the message, and `JSONDecodeError`'s `msg`/`doc`/`pos`/`lineno`/`colno` (positions in
//! code points). Nesting counts against the recursion limit level by level through
//! `Vm::enter` (with the Python frames CPython's `json` package adds), so deep documents
//! raise RecursionError where CPython does and never overflow the native stack. Lone
//! surrogates (`"\ud800"`), which a Rust string cannot hold, decode to U+FFFD.

use std::collections::HashSet;
use std::fmt::Write;
use std::rc::Rc;

use num_traits::ToPrimitive;

use crate::builtins::{native, new_module, take_kwarg, MAX_COLLECTION};
use crate::objects::{Kwargs, Module, PyDict, Value};
use crate::text::format::{float_repr, parse_int_limited, FormatError};
use crate::vm::types::types;
use crate::vm::{memory_error, overflow_error, type_error, value_error, PyErr, PyResult, Vm};

pub(crate) fn module() -> Rc<Module> {
    let m = new_module("json");
    {
        let mut attrs = m.attrs.borrow_mut();
        attrs.insert("loads".into(), native("loads", loads));
        attrs.insert("dumps".into(), native("dumps", dumps));
        attrs.insert("load".into(), native("load", load));
        attrs.insert("dump".into(), native("dump", dump));
        attrs.insert(
            "JSONDecodeError".into(),
            Value::Class(types().exc("JSONDecodeError")),
        );
    }
    m
}

/// The one positional-or-keyword parameter of `loads(s, ...)` / `dumps(obj, ...)`.
fn first_param(fname: &str, param: &str, args: Vec<Value>, kwargs: &mut Kwargs) -> PyResult<Value> {
    if args.len() > 1 {
        return Err(type_error(format!(
            "{fname}() takes 1 positional argument but {} were given",
            args.len()
        )));
    }
    match (args.into_iter().next(), take_kwarg(kwargs, param)) {
        (Some(_), Some(_)) => Err(type_error(format!(
            "{fname}() got multiple values for argument '{param}'"
        ))),
        (Some(v), None) | (None, Some(v)) => Ok(v),
        (None, None) => Err(type_error(format!(
            "{fname}() missing 1 required positional argument: '{param}'"
        ))),
    }
}

/// Keyword arguments left after the known ones went to the encoder/decoder class.
fn reject_unknown(class: &str, kwargs: &Kwargs) -> PyResult<()> {
    match kwargs.first() {
        Some((key, _)) => Err(type_error(format!(
            "{class}.__init__() got an unexpected keyword argument '{key}'"
        ))),
        None => Ok(()),
    }
}

/// A keyword argument that is given and not None.
fn take_option(kwargs: &mut Kwargs, key: &str) -> Option<Value> {
    take_kwarg(kwargs, key).filter(|v| !v.is_none())
}

/// Enter `frames` levels of recursion as CPython's Python-level `json` functions do
/// (`loads` → `decode` → `raw_decode` → the scanner...), run `body`, and leave them.
fn with_frames<T>(
    vm: &mut Vm<'_>,
    frames: &[&str],
    body: impl FnOnce(&mut Vm<'_>) -> PyResult<T>,
) -> PyResult<T> {
    let mut entered = 0;
    let mut result = Ok(());
    for what in frames {
        result = vm.enter(what);
        if result.is_err() {
            break;
        }
        entered += 1;
    }
    let value = result.and_then(|()| body(vm));
    for _ in 0..entered {
        vm.leave();
    }
    value
}

const CALLING: &str = " while calling a Python object";

// ---------------------------------------------------------------------------------------
// loads
// ---------------------------------------------------------------------------------------

/// A document being decoded, with the `JSONDecoder` options `loads` accepts.
struct Decoder<'a> {
    text: &'a str,
    bytes: &'a [u8],
    strict: bool,
    object_hook: Option<Value>,
    object_pairs_hook: Option<Value>,
    parse_float: Option<Value>,
    parse_int: Option<Value>,
    parse_constant: Option<Value>,
}

/// An array or object being parsed.
enum Open {
    Array(Vec<Value>),
    /// The members so far and the key whose value is being parsed.
    Object(Vec<(Value, Value)>, Value),
}

fn loads(vm: &mut Vm<'_>, args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let doc = first_param("loads", "s", args, &mut kwargs)?;
    let decoded;
    let text: &str = match &doc {
        Value::Str(s) => {
            if s.as_str().starts_with('\u{feff}') {
                return Err(decode_error(
                    "Unexpected UTF-8 BOM (decode using utf-8-sig)",
                    &doc,
                    0,
                ));
            }
            s.as_str()
        }
        Value::Bytes(b) => {
            decoded = decode_bytes(b)?;
            &decoded
        }
        other => {
            return Err(type_error(format!(
                "the JSON object must be str, bytes or bytearray, not {}",
                vm.type_name(other)
            )))
        }
    };
    let doc = match &doc {
        Value::Str(_) => doc.clone(),
        _ => Value::str(text),
    };
    take_kwarg(&mut kwargs, "cls");
    let strict = match take_kwarg(&mut kwargs, "strict") {
        Some(v) => vm.truthy(&v)?,
        None => true,
    };
    let is_class = |v: &Value, class: &Rc<crate::objects::Class>| matches!(v, Value::Class(c) if Rc::ptr_eq(c, class));
    let decoder = Decoder {
        text,
        bytes: text.as_bytes(),
        strict,
        object_hook: take_option(&mut kwargs, "object_hook"),
        object_pairs_hook: take_option(&mut kwargs, "object_pairs_hook"),
        parse_float: take_option(&mut kwargs, "parse_float")
            .filter(|f| !is_class(f, &types().float)),
        parse_int: take_option(&mut kwargs, "parse_int").filter(|f| !is_class(f, &types().int)),
        parse_constant: take_option(&mut kwargs, "parse_constant"),
    };
    reject_unknown("JSONDecoder", &kwargs)?;
    with_frames(vm, &["", "", "", CALLING], |vm| decoder.decode(vm, &doc))
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

/// `JSONDecodeError(msg, doc, pos)` for a position given in bytes of `doc`'s UTF-8 text.
fn decode_error(msg: &str, doc: &Value, byte_pos: usize) -> PyErr {
    let text = match doc {
        Value::Str(s) => s.as_str(),
        _ => "",
    };
    let prefix = text.as_bytes().get(..byte_pos).unwrap_or(text.as_bytes());
    // Code points before the position, and the code-point index of the last newline there.
    let mut pos = 0usize;
    let mut lineno = 1usize;
    let mut last_newline: Option<usize> = None;
    for &b in prefix {
        if b & 0xc0 != 0x80 {
            if b == b'\n' {
                lineno += 1;
                last_newline = Some(pos);
            }
            pos += 1;
        }
    }
    let colno = match last_newline {
        Some(nl) => pos - nl,
        None => pos + 1,
    };
    let full = format!("{msg}: line {lineno} column {colno} (char {pos})");
    let err = PyErr::with_args(&types().exc("JSONDecodeError"), vec![Value::str(full)]);
    {
        let mut attrs = err.instance().attrs.borrow_mut();
        attrs.insert("msg".into(), Value::str(msg));
        attrs.insert("doc".into(), doc.clone());
        for (name, n) in [("pos", pos), ("lineno", lineno), ("colno", colno)] {
            attrs.insert(name.into(), Value::Int(n as i64));
        }
    }
    err
}

impl Decoder<'_> {
    fn skip_ws(&self, mut pos: usize) -> usize {
        while self.bytes.get(pos).is_some_and(|&b| is_ws(b)) {
            pos += 1;
        }
        pos
    }

    /// `JSONDecoder.decode`: one value, surrounded only by whitespace.
    fn decode(&self, vm: &mut Vm<'_>, doc: &Value) -> PyResult<Value> {
        let mut open: Vec<Open> = Vec::new();
        let parsed = self.parse(vm, doc, self.skip_ws(0), &mut open);
        for _ in 0..open.len() {
            vm.leave();
        }
        let (value, end) = parsed?;
        let end = self.skip_ws(end);
        if end != self.bytes.len() {
            return Err(decode_error("Extra data", doc, end));
        }
        Ok(value)
    }

    /// `scan_once` at `pos`: the value and the position after it. Arrays and objects are
    /// kept on `open` (one recursion level each, left by the caller on error).
    fn parse(
        &self,
        vm: &mut Vm<'_>,
        doc: &Value,
        mut pos: usize,
        open: &mut Vec<Open>,
    ) -> PyResult<(Value, usize)> {
        loop {
            let mut value = match self.bytes.get(pos) {
                Some(b'[') => {
                    vm.enter(" while decoding a JSON array from a unicode string")?;
                    open.push(Open::Array(Vec::new()));
                    pos = self.skip_ws(pos + 1);
                    if self.bytes.get(pos) != Some(&b']') {
                        continue;
                    }
                    pos += 1;
                    self.close(vm, open)?
                }
                Some(b'{') => {
                    vm.enter(" while decoding a JSON object from a unicode string")?;
                    open.push(Open::Object(Vec::new(), Value::None));
                    pos = self.skip_ws(pos + 1);
                    if self.bytes.get(pos) != Some(&b'}') {
                        let (key, next) = self.member_key(doc, pos)?;
                        if let Some(Open::Object(_, slot)) = open.last_mut() {
                            *slot = key;
                        }
                        pos = next;
                        continue;
                    }
                    pos += 1;
                    self.close(vm, open)?
                }
                _ => {
                    let (v, next) = self.scalar(vm, doc, pos)?;
                    pos = next;
                    v
                }
            };
            // Hand the finished value to the innermost open container, closing those that end.
            loop {
                let (members_end, after) = match open.last_mut() {
                    None => return Ok((value, pos)),
                    Some(Open::Array(items)) => {
                        items.push(value);
                        (b']', pos)
                    }
                    Some(Open::Object(members, key)) => {
                        members.push((std::mem::replace(key, Value::None), value));
                        (b'}', pos)
                    }
                };
                pos = self.skip_ws(after);
                match self.bytes.get(pos) {
                    Some(&b) if b == members_end => {
                        pos += 1;
                        value = self.close(vm, open)?;
                    }
                    Some(b',') => {
                        pos = self.skip_ws(pos + 1);
                        if let Some(Open::Object(_, slot)) = open.last_mut() {
                            let (key, next) = self.member_key(doc, pos)?;
                            *slot = key;
                            pos = next;
                        }
                        break;
                    }
                    _ => return Err(decode_error("Expecting ',' delimiter", doc, pos)),
                }
            }
        }
    }

    /// An object member's key and its ':' at `pos`; returns the position of the value.
    fn member_key(&self, doc: &Value, pos: usize) -> PyResult<(Value, usize)> {
        if self.bytes.get(pos) != Some(&b'"') {
            return Err(decode_error(
                "Expecting property name enclosed in double quotes",
                doc,
                pos,
            ));
        }
        let (key, next) = self.string(doc, pos + 1)?;
        let colon = self.skip_ws(next);
        if self.bytes.get(colon) != Some(&b':') {
            return Err(decode_error("Expecting ':' delimiter", doc, colon));
        }
        Ok((Value::str(key), self.skip_ws(colon + 1)))
    }

    /// Pop the innermost container, leave its recursion level, and build its value.
    fn close(&self, vm: &mut Vm<'_>, open: &mut Vec<Open>) -> PyResult<Value> {
        let Some(container) = open.pop() else {
            return Ok(Value::None);
        };
        vm.leave();
        match container {
            Open::Array(items) => Ok(Value::list(items)),
            Open::Object(members, _) => {
                if let Some(hook) = &self.object_pairs_hook {
                    let pairs = members
                        .into_iter()
                        .map(|(k, v)| Value::tuple(vec![k, v]))
                        .collect();
                    return vm.call1(hook, Value::list(pairs));
                }
                let dict = Rc::new(PyDict::new());
                for (k, v) in members {
                    if let Value::Str(s) = &k {
                        crate::builtins::dict_set_str(&dict, s.as_str(), v);
                    }
                }
                match &self.object_hook {
                    Some(hook) => vm.call1(hook, Value::Dict(dict)),
                    None => Ok(Value::Dict(dict)),
                }
            }
        }
    }

    /// A string, number or named constant at `pos` ("Expecting value" if none is there).
    fn scalar(&self, vm: &mut Vm<'_>, doc: &Value, pos: usize) -> PyResult<(Value, usize)> {
        let rest = self.bytes.get(pos..).unwrap_or_default();
        match rest.first() {
            Some(b'"') => {
                let (s, next) = self.string(doc, pos + 1)?;
                Ok((Value::str(s), next))
            }
            Some(b'n') if rest.starts_with(b"null") => Ok((Value::None, pos + 4)),
            Some(b't') if rest.starts_with(b"true") => Ok((Value::Bool(true), pos + 4)),
            Some(b'f') if rest.starts_with(b"false") => Ok((Value::Bool(false), pos + 5)),
            Some(b'N') if rest.starts_with(b"NaN") => {
                Ok((self.constant(vm, "NaN", f64::NAN)?, pos + 3))
            }
            Some(b'I') if rest.starts_with(b"Infinity") => {
                Ok((self.constant(vm, "Infinity", f64::INFINITY)?, pos + 8))
            }
            Some(b'-') if rest.starts_with(b"-Infinity") => {
                Ok((self.constant(vm, "-Infinity", f64::NEG_INFINITY)?, pos + 9))
            }
            _ => self.number(vm, doc, pos),
        }
    }

    /// NaN, Infinity or -Infinity (or what `parse_constant` makes of the name).
    fn constant(&self, vm: &mut Vm<'_>, name: &str, value: f64) -> PyResult<Value> {
        match &self.parse_constant {
            Some(hook) => vm.call1(hook, Value::str(name)),
            None => Ok(Value::Float(value)),
        }
    }

    /// `_match_number_unicode`: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?`, an int
    /// unless it has a fraction or an exponent.
    fn number(&self, vm: &mut Vm<'_>, doc: &Value, start: usize) -> PyResult<(Value, usize)> {
        let b = self.bytes;
        let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
        let digits_from = |mut i: usize| {
            while digit_at(i) {
                i += 1;
            }
            i
        };
        let mut pos = start;
        if b.get(pos) == Some(&b'-') {
            pos += 1;
        }
        match b.get(pos) {
            Some(b'1'..=b'9') => pos = digits_from(pos + 1),
            Some(b'0') => pos += 1,
            _ => return Err(decode_error("Expecting value", doc, start)),
        }
        let mut is_float = false;
        if b.get(pos) == Some(&b'.') && digit_at(pos + 1) {
            is_float = true;
            pos = digits_from(pos + 2);
        }
        if matches!(b.get(pos), Some(b'e' | b'E')) {
            let mut exp = pos + 1;
            if matches!(b.get(exp), Some(b'-' | b'+')) {
                exp += 1;
            }
            let end = digits_from(exp);
            if end > exp {
                is_float = true;
                pos = end;
            }
        }
        let text = self.text.get(start..pos).unwrap_or("0");
        let value = if is_float {
            match &self.parse_float {
                Some(hook) => vm.call1(hook, Value::str(text))?,
                None => Value::Float(text.parse::<f64>().unwrap_or(f64::NAN)),
            }
        } else if let Some(hook) = &self.parse_int {
            vm.call1(hook, Value::str(text))?
        } else if let Ok(i) = text.parse::<i64>() {
            Value::Int(i)
        } else {
            match parse_int_limited(text, 10) {
                Ok(Some(n)) => Value::from_bigint(n),
                Err(FormatError::Value(message)) => return Err(value_error(message)),
                _ => return Err(decode_error("Expecting value", doc, start)),
            }
        };
        Ok((value, pos))
    }

    /// `scanstring_unicode`: the string whose opening quote is just before `pos`, and the
    /// position after its closing quote.
    fn string(&self, doc: &Value, pos: usize) -> PyResult<(String, usize)> {
        let b = self.bytes;
        let len = b.len();
        let begin = pos - 1;
        let unterminated = || decode_error("Unterminated string starting at", doc, begin);
        let bad_unicode_escape = |at: usize| decode_error("Invalid \\uXXXX escape", doc, at);
        let hex4 = |at: usize| -> Option<u32> {
            let digits = b.get(at..at + 4)?;
            digits
                .iter()
                .try_fold(0u32, |acc, &d| Some(acc << 4 | (d as char).to_digit(16)?))
        };
        let mut out = String::new();
        let mut end = pos;
        loop {
            // The chunk up to the next quote or backslash.
            let mut next = end;
            while next < len && b[next] != b'"' && b[next] != b'\\' {
                if b[next] <= 0x1f && self.strict {
                    return Err(decode_error("Invalid control character at", doc, next));
                }
                next += 1;
            }
            if next >= len {
                return Err(unterminated());
            }
            out.push_str(self.text.get(end..next).unwrap_or_default());
            if b[next] == b'"' {
                return Ok((out, next + 1));
            }
            next += 1;
            let Some(&escape) = b.get(next) else {
                return Err(unterminated());
            };
            if escape != b'u' {
                end = next + 1;
                out.push(match escape {
                    b'"' => '"',
                    b'\\' => '\\',
                    b'/' => '/',
                    b'b' => '\u{8}',
                    b'f' => '\u{c}',
                    b'n' => '\n',
                    b'r' => '\r',
                    b't' => '\t',
                    _ => return Err(decode_error("Invalid \\escape", doc, end - 2)),
                });
                continue;
            }
            next += 1;
            end = next + 4;
            if end >= len {
                return Err(bad_unicode_escape(next - 1));
            }
            let mut code = hex4(next).ok_or_else(|| bad_unicode_escape(end - 5))?;
            // A high surrogate followed by an escaped low one is a pair.
            if (0xd800..0xdc00).contains(&code)
                && end + 6 < len
                && b[end] == b'\\'
                && b[end + 1] == b'u'
            {
                let low = hex4(end + 2).ok_or_else(|| bad_unicode_escape(end + 1))?;
                if (0xdc00..0xe000).contains(&low) {
                    code = 0x10000 + ((code - 0xd800) << 10 | (low - 0xdc00));
                    end += 6;
                }
            }
            out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
        }
    }
}

/// `bytes.decode(detect_encoding(b), 'surrogatepass')` as `json.loads` does it.
fn decode_bytes(b: &[u8]) -> PyResult<String> {
    let starts = |prefix: &[u8]| b.starts_with(prefix);
    if starts(&[0, 0, 0xfe, 0xff]) {
        return decode_units(&b[4..], "utf-32", 4, true);
    }
    if starts(&[0xff, 0xfe, 0, 0]) {
        return decode_units(&b[4..], "utf-32", 4, false);
    }
    if starts(&[0xfe, 0xff]) {
        return decode_units(&b[2..], "utf-16", 2, true);
    }
    if starts(&[0xff, 0xfe]) {
        return decode_units(&b[2..], "utf-16", 2, false);
    }
    if starts(&[0xef, 0xbb, 0xbf]) {
        return decode_utf8(&b[3..]);
    }
    match b {
        [0, 0, _, _, ..] => decode_units(b, "utf-32-be", 4, true),
        [0, _, _, _, ..] | [0, _] => decode_units(b, "utf-16-be", 2, true),
        [_, 0, 0, 0, ..] => decode_units(b, "utf-32-le", 4, false),
        [_, 0, _, _, ..] | [_, 0] => decode_units(b, "utf-16-le", 2, false),
        _ => decode_utf8(b),
    }
}

/// `UnicodeDecodeError` in CPython's wording for bytes `start..end` of `data`.
fn unicode_error(encoding: &str, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let message = if end == start + 1 {
        let byte = data.get(start).copied().unwrap_or(0);
        format!("'{encoding}' codec can't decode byte {byte:#04x} in position {start}: {reason}")
    } else {
        format!(
            "'{encoding}' codec can't decode bytes in position {start}-{}: {reason}",
            end - 1
        )
    };
    PyErr::new("UnicodeDecodeError", message)
}

/// UTF-8 with `surrogatepass` (encoded surrogates become U+FFFD).
fn decode_utf8(data: &[u8]) -> PyResult<String> {
    let mut out = String::with_capacity(data.len());
    let mut done = 0;
    loop {
        let rest = &data[done..];
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                let bad = &rest[good..];
                if let [0xed, 0xa0..=0xbf, 0x80..=0xbf, ..] = bad {
                    out.push('\u{fffd}');
                    done += good + 3;
                    continue;
                }
                let start = done + good;
                return Err(match e.error_len() {
                    None => {
                        unicode_error("utf-8", data, start, data.len(), "unexpected end of data")
                    }
                    Some(n) => {
                        let reason = match bad.first() {
                            Some(0x80..=0xc1 | 0xf5..=0xff) => "invalid start byte",
                            _ => "invalid continuation byte",
                        };
                        unicode_error("utf-8", data, start, start + n, reason)
                    }
                });
            }
        }
    }
}

/// UTF-16 or UTF-32 (`width` bytes per unit) with `surrogatepass`.
fn decode_units(data: &[u8], encoding: &str, width: usize, big_endian: bool) -> PyResult<String> {
    let mut out = String::with_capacity(data.len() / width);
    let chunks = data.chunks_exact(width);
    let tail = chunks.remainder().len();
    let mut units = chunks.map(|c| {
        let mut code = 0u32;
        for i in 0..width {
            let byte = if big_endian { c[i] } else { c[width - 1 - i] };
            code = code << 8 | u32::from(byte);
        }
        code
    });
    let mut position = 0;
    while let Some(code) = units.next() {
        if width == 2 && (0xd800..0xdc00).contains(&code) {
            let mut lookahead = units.clone();
            if let Some(low @ 0xdc00..=0xdfff) = lookahead.next() {
                units = lookahead;
                position += width;
                out.push(
                    char::from_u32(0x10000 + ((code - 0xd800) << 10 | (low - 0xdc00)))
                        .unwrap_or('\u{fffd}'),
                );
                position += width;
                continue;
            }
        }
        if code > 0x10ffff {
            return Err(unicode_error(
                encoding,
                data,
                position,
                position + width,
                "code point not in range(0x110000)",
            ));
        }
        out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
        position += width;
    }
    if tail > 0 {
        return Err(unicode_error(
            encoding,
            data,
            data.len() - tail,
            data.len(),
            "truncated data",
        ));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// dumps
// ---------------------------------------------------------------------------------------

/// `JSONEncoder`'s settings and the text being built.
struct Encoder {
    /// The indentation unit; `None` for single-line output (CPython's C encoder).
    indent: Option<String>,
    item_separator: String,
    key_separator: String,
    sort_keys: bool,
    skipkeys: bool,
    ensure_ascii: bool,
    allow_nan: bool,
    default: Option<Value>,
    /// Identities of the containers being encoded (`check_circular`).
    markers: Option<HashSet<usize>>,
    out: String,
}

/// What one level of nesting is called in a RecursionError: the C encoder's wording, or
/// the Python encoder's (its generators are entered as calls).
fn level_name(indented: bool) -> &'static str {
    if indented {
        CALLING
    } else {
        " while encoding a JSON object"
    }
}

/// The identity `check_circular` tracks (values without a heap address are singletons).
fn identity(v: &Value) -> usize {
    v.heap_addr().unwrap_or(match v {
        Value::NotImplemented => 1,
        Value::Ellipsis => 2,
        _ => 3,
    })
}

/// `' ' * indent` or the indent string itself.
fn indent_text(vm: &mut Vm<'_>, indent: &Value) -> PyResult<String> {
    let has_index = match indent {
        Value::Str(s) => return Ok(s.as_str().to_string()),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => true,
        Value::Instance(i) => i.class.lookup("__index__").is_some(),
        _ => false,
    };
    if !has_index {
        return Err(type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(indent)
        )));
    }
    let Some(n) = super::math::index(vm, indent)?.to_i64() else {
        return Err(overflow_error(
            "cannot fit 'int' into an index-sized integer",
        ));
    };
    // Negative is no indent; past a 32-bit usize (wasm32) is too large, not zero.
    let n = if n < 0 {
        0
    } else {
        usize::try_from(n).unwrap_or(usize::MAX)
    };
    if n > MAX_COLLECTION {
        return Err(memory_error());
    }
    Ok(" ".repeat(n))
}

/// `load(fp, **kw)`: `loads(fp.read(), **kw)`, as CPython's.
fn load(vm: &mut Vm<'_>, args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let fp = first_param("load", "fp", args, &mut kwargs)?;
    let read = vm.getattr(&fp, "read")?;
    let text = vm.call(&read, Vec::new(), Vec::new())?;
    loads(vm, vec![text], kwargs)
}

/// `dump(obj, fp, **kw)`: `fp.write(dumps(obj, **kw))` (CPython writes the same text in
/// chunks).
fn dump(vm: &mut Vm<'_>, args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    if args.len() > 2 {
        return Err(type_error(format!(
            "dump() takes 2 positional arguments but {} were given",
            args.len()
        )));
    }
    let mut args = args.into_iter();
    let obj = args.next().or_else(|| take_kwarg(&mut kwargs, "obj"));
    let fp = args.next().or_else(|| take_kwarg(&mut kwargs, "fp"));
    let (Some(obj), Some(fp)) = (obj, fp) else {
        return Err(type_error(
            "dump() missing 1 required positional argument: 'fp'",
        ));
    };
    let text = dumps(vm, vec![obj], kwargs)?;
    let write = vm.getattr(&fp, "write")?;
    vm.call(&write, vec![text], Vec::new())?;
    Ok(Value::None)
}

fn dumps(vm: &mut Vm<'_>, args: Vec<Value>, mut kwargs: Kwargs) -> PyResult<Value> {
    let obj = first_param("dumps", "obj", args, &mut kwargs)?;
    let skipkeys = flag(vm, &mut kwargs, "skipkeys", false)?;
    let ensure_ascii = flag(vm, &mut kwargs, "ensure_ascii", true)?;
    let check_circular = flag(vm, &mut kwargs, "check_circular", true)?;
    let allow_nan = flag(vm, &mut kwargs, "allow_nan", true)?;
    let sort_keys = flag(vm, &mut kwargs, "sort_keys", false)?;
    take_kwarg(&mut kwargs, "cls");
    let indent = take_option(&mut kwargs, "indent");
    let separators = take_option(&mut kwargs, "separators");
    let default = take_option(&mut kwargs, "default");
    reject_unknown("JSONEncoder", &kwargs)?;
    let separators = match separators {
        Some(pair) => {
            let parts = vm.unpack(&pair, 2)?;
            Some((parts[0].clone(), parts[1].clone()))
        }
        None => None,
    };
    if let Value::Str(s) = &obj {
        // `JSONEncoder.encode` returns a str's encoding straight away.
        let mut out = String::new();
        write_string(&mut out, s.as_str(), ensure_ascii);
        return Ok(Value::str(out));
    }
    let indent = match &indent {
        Some(v) => Some(indent_text(vm, v)?),
        None => None,
    };
    let (item_separator, key_separator) = match separators {
        Some((item, key)) => {
            let as_str = |vm: &mut Vm<'_>, v: &Value, position: u8| match v {
                Value::Str(s) => Ok(s.as_str().to_string()),
                other => Err(type_error(format!(
                    "make_encoder() argument {position} must be str, not {}",
                    vm.type_name(other)
                ))),
            };
            let key = as_str(vm, &key, 5)?;
            (as_str(vm, &item, 6)?, key)
        }
        None if indent.is_some() => (",".to_string(), ": ".to_string()),
        None => (", ".to_string(), ": ".to_string()),
    };
    let indented = indent.is_some();
    let mut encoder = Encoder {
        indent,
        item_separator,
        key_separator,
        sort_keys,
        skipkeys,
        ensure_ascii,
        allow_nan,
        default,
        markers: check_circular.then(HashSet::new),
        out: String::new(),
    };
    // dumps → encode → iterencode → the C encoder; or dumps → encode → the _iterencode generator.
    let frames: &[&str] = if indented {
        &["", "", ""]
    } else {
        &["", "", "", CALLING]
    };
    with_frames(vm, frames, |vm| encoder.encode(vm, &obj, 0))?;
    Ok(Value::str(encoder.out))
}

/// A boolean keyword argument, by truth value.
fn flag(vm: &mut Vm<'_>, kwargs: &mut Kwargs, key: &str, default: bool) -> PyResult<bool> {
    match take_kwarg(kwargs, key) {
        Some(v) => vm.truthy(&v),
        None => Ok(default),
    }
}

/// A JSON string literal (`encode_basestring` / `encode_basestring_ascii`).
fn write_string(out: &mut String, s: &str, ensure_ascii: bool) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' || (ensure_ascii && c > '~') => {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    let _ = write!(out, "\\u{unit:04x}");
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl Encoder {
    /// `_iterencode(o)` / `encoder_listencode_obj`.
    fn encode(&mut self, vm: &mut Vm<'_>, v: &Value, level: usize) -> PyResult<()> {
        // Subclasses of dict, list, str, int... encode as their built-in values, as in
        // CPython's encoder (which checks with isinstance).
        if let Some(base) = crate::builtins::subclass::base_value(v) {
            return self.encode(vm, &base, level);
        }
        match v {
            Value::Str(s) => write_string(&mut self.out, s.as_str(), self.ensure_ascii),
            Value::None => self.out.push_str("null"),
            Value::Bool(true) => self.out.push_str("true"),
            Value::Bool(false) => self.out.push_str("false"),
            Value::Int(i) => {
                let _ = write!(self.out, "{i}");
            }
            Value::BigInt(_) => {
                let text = vm.repr(v)?;
                self.out.push_str(&text);
            }
            Value::Float(f) => {
                let text = self.float_text(*f)?;
                self.out.push_str(&text);
            }
            Value::List(_) | Value::Tuple(_) | Value::Dict(_) => {
                let indented = self.indent.is_some();
                vm.enter(level_name(indented))?;
                let result = if let Value::Dict(_) = v {
                    self.dict(vm, v, level)
                } else {
                    self.array(vm, v, level)
                };
                vm.leave();
                result?;
            }
            _ => {
                let Some(default) = self.default.clone() else {
                    return Err(type_error(format!(
                        "Object of type {} is not JSON serializable",
                        vm.type_name(v)
                    )));
                };
                let id = self.mark(v)?;
                let replacement = vm.call1(&default, v.clone())?;
                vm.enter(level_name(self.indent.is_some()))?;
                let result = self.encode(vm, &replacement, level);
                vm.leave();
                result?;
                self.unmark(id);
            }
        }
        Ok(())
    }

    /// `floatstr`: the repr, or NaN/Infinity/-Infinity when allowed.
    fn float_text(&self, f: f64) -> PyResult<String> {
        if f.is_finite() {
            return Ok(float_repr(f));
        }
        if !self.allow_nan {
            return Err(value_error(if self.indent.is_some() {
                format!(
                    "Out of range float values are not JSON compliant: {}",
                    float_repr(f)
                )
            } else {
                "Out of range float values are not JSON compliant".to_string()
            }));
        }
        Ok(if f.is_nan() {
            "NaN"
        } else if f > 0.0 {
            "Infinity"
        } else {
            "-Infinity"
        }
        .to_string())
    }

    /// Record `v` as being encoded; ValueError if it already is (a cycle).
    fn mark(&mut self, v: &Value) -> PyResult<usize> {
        let id = identity(v);
        if let Some(markers) = &mut self.markers {
            if !markers.insert(id) {
                return Err(value_error("Circular reference detected"));
            }
        }
        Ok(id)
    }

    fn unmark(&mut self, id: usize) {
        if let Some(markers) = &mut self.markers {
            markers.remove(&id);
        }
    }

    /// The newline and indentation before an item at `level`, if indenting.
    fn newline(&self, level: usize) -> Option<String> {
        self.indent
            .as_ref()
            .map(|unit| format!("\n{}", unit.repeat(level)))
    }

    /// Opens a non-empty container: its mark, bracket and first line break. Returns the
    /// separator to put between items.
    fn open(&mut self, v: &Value, bracket: char, level: usize) -> PyResult<(usize, String)> {
        let id = self.mark(v)?;
        self.out.push(bracket);
        let mut separator = self.item_separator.clone();
        if let Some(newline) = self.newline(level + 1) {
            self.out.push_str(&newline);
            separator.push_str(&newline);
        }
        Ok((id, separator))
    }

    fn close(&mut self, id: usize, bracket: char, level: usize) {
        if let Some(newline) = self.newline(level) {
            self.out.push_str(&newline);
        }
        self.out.push(bracket);
        self.unmark(id);
    }

    fn array(&mut self, vm: &mut Vm<'_>, v: &Value, level: usize) -> PyResult<()> {
        let items = match v {
            Value::List(l) => l.items.borrow().clone(),
            Value::Tuple(t) => t.items.clone(),
            _ => Vec::new(),
        };
        if items.is_empty() {
            self.out.push_str("[]");
            return Ok(());
        }
        let (id, separator) = self.open(v, '[', level)?;
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(&separator);
            }
            self.encode(vm, item, level + 1)?;
        }
        self.close(id, ']', level);
        Ok(())
    }

    /// A key as JSON text, or None to skip it (`skipkeys`).
    fn key_text(&self, vm: &mut Vm<'_>, key: &Value) -> PyResult<Option<String>> {
        Ok(Some(match key {
            Value::Str(s) => s.as_str().to_string(),
            Value::Float(f) => self.float_text(*f)?,
            Value::Bool(true) => "true".to_string(),
            Value::Bool(false) => "false".to_string(),
            Value::None => "null".to_string(),
            Value::Int(i) => i.to_string(),
            Value::BigInt(_) => vm.repr(key)?,
            _ if self.skipkeys => return Ok(None),
            other => {
                return Err(type_error(format!(
                    "keys must be str, int, float, bool or None, not {}",
                    vm.type_name(other)
                )))
            }
        }))
    }

    fn dict(&mut self, vm: &mut Vm<'_>, v: &Value, level: usize) -> PyResult<()> {
        let mut items = vm.dict_items(v);
        if items.is_empty() {
            self.out.push_str("{}");
            return Ok(());
        }
        let (id, separator) = self.open(v, '{', level)?;
        if self.sort_keys {
            // `sorted(dct.items())`, with Python's comparisons and their errors.
            let pairs = items
                .into_iter()
                .map(|(k, v)| Value::tuple(vec![k, v]))
                .collect();
            let sorted_fn = vm
                .rt
                .builtins
                .attrs
                .borrow()
                .get("sorted")
                .cloned()
                .unwrap_or(Value::None);
            let sorted = vm.call1(&sorted_fn, Value::list(pairs))?;
            items = Vec::new();
            for pair in vm.collect(&sorted)? {
                let mut kv = vm.unpack(&pair, 2)?.into_iter();
                if let (Some(k), Some(v)) = (kv.next(), kv.next()) {
                    items.push((k, v));
                }
            }
        }
        let mut first = true;
        for (key, value) in &items {
            let Some(key) = self.key_text(vm, key)? else {
                continue;
            };
            if !first {
                self.out.push_str(&separator);
            }
            first = false;
            write_string(&mut self.out, &key, self.ensure_ascii);
            self.out.push_str(&self.key_separator);
            self.encode(vm, value, level + 1)?;
        }
        self.close(id, '}', level);
        Ok(())
    }
}
