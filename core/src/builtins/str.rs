//! `str` and `bytes` methods, `str.format`, `str % args`, the utf-8/ascii/latin-1 codecs
//! and `repr()` of bytes.
//!
//! The searching, splitting, stripping and replacing shared by both types is written once
//! over the [`Text`] trait, whose positions are byte offsets into the UTF-8 text (for str)
//! or the bytes themselves. Because UTF-8 is self-synchronising, a byte-level match of one
//! valid string in another always falls on character boundaries, so the results are the
//! code-point results CPython gives; only the (start, end) arguments and returned indices
//! are translated between code points and bytes ([`Text::byte_offset`], [`Text::unit_index`]).
//!
//! Invariant: every method checks its arguments in CPython's order with CPython's messages,
//! never panics (all slicing goes through `get`), clamps any start/end like CPython, and
//! refuses (MemoryError) to build a result longer than `MAX_COLLECTION * 8` bytes.

use std::fmt::Write as _;
use std::rc::Rc;

use num_bigint::{BigInt, Sign};
use num_traits::{FromPrimitive, ToPrimitive};

use super::{add_methods, check_args, check_method_args, native, no_kwargs, MAX_COLLECTION};
use crate::objects::{Kwargs, PyDict, PyStr, Value};
use crate::text::format::{self as fmt, FormatError, PercentArgs, PercentKey};
use crate::vm::ops::{ascii_escape, format_error, is_printable, to_bigint, to_f64};
use crate::vm::types::BuiltinTypes;
use crate::vm::{
    index_error, key_error, memory_error, overflow_error, type_error, value_error, PyErr, PyResult,
    Vm,
};

/// Longest str or bytes (in bytes) a method may build.
const MAX_RESULT_BYTES: usize = MAX_COLLECTION * 8;

/// Nesting allowed for `{}` inside format specs (PEP 3101: two levels).
const FORMAT_DEPTH: u32 = 2;

type Bytes = Vec<u8>;

pub(super) fn install(t: &BuiltinTypes) {
    add_methods(
        &t.str_,
        &[
            ("find", find::<PyStr>),
            ("rfind", rfind::<PyStr>),
            ("index", index::<PyStr>),
            ("rindex", rindex::<PyStr>),
            ("count", count::<PyStr>),
            ("startswith", startswith::<PyStr>),
            ("endswith", endswith::<PyStr>),
            ("split", split::<PyStr>),
            ("rsplit", rsplit::<PyStr>),
            ("strip", strip::<PyStr>),
            ("lstrip", lstrip::<PyStr>),
            ("rstrip", rstrip::<PyStr>),
            ("replace", replace::<PyStr>),
            ("partition", partition::<PyStr>),
            ("rpartition", rpartition::<PyStr>),
            ("join", join::<PyStr>),
            ("splitlines", splitlines),
            ("upper", str_upper),
            ("lower", str_lower),
            ("capitalize", capitalize),
            ("title", title),
            ("swapcase", swapcase),
            ("casefold", casefold),
            ("isdigit", str_isdigit),
            ("isalpha", str_isalpha),
            ("isalnum", str_isalnum),
            ("isspace", str_isspace),
            ("isupper", isupper),
            ("islower", islower),
            ("istitle", istitle),
            ("isnumeric", isnumeric),
            ("isdecimal", isdecimal),
            ("isidentifier", isidentifier),
            ("isascii", isascii),
            ("isprintable", isprintable),
            ("center", center),
            ("ljust", ljust),
            ("rjust", rjust),
            ("zfill", zfill),
            ("expandtabs", expandtabs),
            ("removeprefix", removeprefix),
            ("removesuffix", removesuffix),
            ("format", format),
            ("format_map", format_map),
            ("encode", encode),
            ("translate", translate),
        ],
    );
    t.str_.attrs.borrow_mut().insert(
        "maketrans".into(),
        Value::StaticMethod(Rc::new(native("maketrans", maketrans))),
    );
    add_methods(&t.bytes, BYTES_METHODS);
    add_methods(&t.bytearray, BYTEARRAY_METHODS);
}

/// The bytes methods, each twice: for bytes (taking bytearray and memoryview arguments
/// as bytes) and for bytearray (returning bytearrays), through
/// [`super::bytearray::call_as_bytes`].
macro_rules! bytes_like_methods {
    ($($name:literal: $bytes:ident, $bytearray:ident => $inner:expr;)*) => {
        $(
            fn $bytes(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
                super::bytearray::call_as_bytes(vm, $inner, args, kwargs, false, $name)
            }
            fn $bytearray(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
                super::bytearray::call_as_bytes(vm, $inner, args, kwargs, true, $name)
            }
        )*
        const BYTES_METHODS: &[(&str, crate::objects::NativeFn)] = &[$(($name, $bytes)),*];
        const BYTEARRAY_METHODS: &[(&str, crate::objects::NativeFn)] = &[$(($name, $bytearray)),*];
    };
}

bytes_like_methods! {
    "find": b_find, ba_find => find::<Bytes>;
    "rfind": b_rfind, ba_rfind => rfind::<Bytes>;
    "index": b_index, ba_index => index::<Bytes>;
    "rindex": b_rindex, ba_rindex => rindex::<Bytes>;
    "count": b_count, ba_count => count::<Bytes>;
    "startswith": b_startswith, ba_startswith => startswith::<Bytes>;
    "endswith": b_endswith, ba_endswith => endswith::<Bytes>;
    "split": b_split, ba_split => split::<Bytes>;
    "rsplit": b_rsplit, ba_rsplit => rsplit::<Bytes>;
    "strip": b_strip, ba_strip => strip::<Bytes>;
    "lstrip": b_lstrip, ba_lstrip => lstrip::<Bytes>;
    "rstrip": b_rstrip, ba_rstrip => rstrip::<Bytes>;
    "replace": b_replace, ba_replace => replace::<Bytes>;
    "partition": b_partition, ba_partition => partition::<Bytes>;
    "rpartition": b_rpartition, ba_rpartition => rpartition::<Bytes>;
    "join": b_join, ba_join => join::<Bytes>;
    "upper": b_upper, ba_upper => bytes_upper;
    "lower": b_lower, ba_lower => bytes_lower;
    "isdigit": b_isdigit, ba_isdigit => bytes_isdigit;
    "isalpha": b_isalpha, ba_isalpha => bytes_isalpha;
    "isalnum": b_isalnum, ba_isalnum => bytes_isalnum;
    "isspace": b_isspace, ba_isspace => bytes_isspace;
    "decode": b_decode, ba_decode => decode;
    "hex": b_hex, ba_hex => hex;
    "isascii": b_isascii, ba_isascii => super::bytearray::b_isascii;
    "islower": b_islower, ba_islower => super::bytearray::b_islower;
    "isupper": b_isupper, ba_isupper => super::bytearray::b_isupper;
    "istitle": b_istitle, ba_istitle => super::bytearray::b_istitle;
    "capitalize": b_capitalize, ba_capitalize => super::bytearray::b_capitalize;
    "swapcase": b_swapcase, ba_swapcase => super::bytearray::b_swapcase;
    "title": b_title, ba_title => super::bytearray::b_title;
    "removeprefix": b_removeprefix, ba_removeprefix => super::bytearray::b_removeprefix;
    "removesuffix": b_removesuffix, ba_removesuffix => super::bytearray::b_removesuffix;
    "center": b_center, ba_center => super::bytearray::b_center;
    "ljust": b_ljust, ba_ljust => super::bytearray::b_ljust;
    "rjust": b_rjust, ba_rjust => super::bytearray::b_rjust;
    "zfill": b_zfill, ba_zfill => super::bytearray::b_zfill;
    "expandtabs": b_expandtabs, ba_expandtabs => super::bytearray::b_expandtabs;
    "splitlines": b_splitlines, ba_splitlines => super::bytearray::b_splitlines;
    "translate": b_translate, ba_translate => super::bytearray::b_translate;
}

// ---------------------------------------------------------------------------------------
// Arguments
// ---------------------------------------------------------------------------------------

/// A result length computed in i64, as a usize once it is known to be buildable (a
/// plain `as usize` would wrap past 32 bits on wasm32).
fn result_len(n: i64) -> PyResult<usize> {
    if n > MAX_RESULT_BYTES as i64 {
        return Err(memory_error());
    }
    Ok(n.max(0) as usize)
}

fn check_size(bytes: usize) -> PyResult<()> {
    if bytes > MAX_RESULT_BYTES {
        Err(memory_error())
    } else {
        Ok(())
    }
}

/// The receiver `args[0]` of `T`'s method `name`, with CPython's descriptor errors.
fn this<T: Text>(vm: &Vm<'_>, args: &[Value], name: &str) -> PyResult<Rc<T>> {
    let Some(v) = args.first() else {
        return Err(type_error(format!(
            "unbound method {}.{name}() needs an argument",
            T::NAME
        )));
    };
    T::of(v).cloned().ok_or_else(|| {
        type_error(format!(
            "descriptor '{name}' for '{}' objects doesn't apply to a '{}' object",
            T::NAME,
            vm.type_name(v)
        ))
    })
}

/// The receiver of a method that takes no arguments.
fn no_args<T: Text>(vm: &Vm<'_>, args: &[Value], kwargs: &Kwargs, name: &str) -> PyResult<Rc<T>> {
    let s = this::<T>(vm, args, name)?;
    let qualified = format!("{}.{name}", T::NAME);
    no_kwargs(&qualified, kwargs)?;
    check_method_args(&qualified, args, 0, 0)?;
    Ok(s)
}

/// The receiver of a method that takes exactly one positional argument (`args[1]`).
fn one_arg<T: Text>(vm: &Vm<'_>, args: &[Value], kwargs: &Kwargs, name: &str) -> PyResult<Rc<T>> {
    let s = this::<T>(vm, args, name)?;
    let qualified = format!("{}.{name}", T::NAME);
    no_kwargs(&qualified, kwargs)?;
    check_method_args(&qualified, args, 1, 1)?;
    Ok(s)
}

/// Argument Clinic's binding of positional-or-keyword parameters `names` (the receiver
/// `args[0]` excluded); a slot is None when the argument was not given.
#[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
fn bind_args(
    name: &str,
    args: &[Value],
    kwargs: Kwargs,
    names: &[&str],
) -> PyResult<Vec<Option<Value>>> {
    let given = args.len().saturating_sub(1);
    let total = given + kwargs.len();
    if total > names.len() {
        let plural = if names.len() == 1 { "" } else { "s" };
        return Err(type_error(format!(
            "{name}() takes at most {} argument{plural} ({total} given)",
            names.len()
        )));
    }
    let mut slots: Vec<Option<Value>> = args.iter().skip(1).cloned().map(Some).collect();
    slots.resize(names.len(), None);
    for (key, value) in kwargs {
        match names.iter().position(|n| **n == *key) {
            None => {
                return Err(type_error(format!(
                    "'{key}' is an invalid keyword argument for {name}()"
                )))
            }
            Some(i) if i < given => {
                return Err(type_error(format!(
                    "argument for {name}() given by name ('{key}') and position ({})",
                    i + 1
                )))
            }
            Some(i) => slots[i] = Some(value),
        }
    }
    Ok(slots)
}

/// `(sub[, start[, end]])` counts of find, count, startswith...: "find() takes at least 1
/// argument (0 given)".
fn check_search_args(name: &str, args: &[Value]) -> PyResult<()> {
    match args.len().saturating_sub(1) {
        0 => Err(type_error(format!(
            "{name}() takes at least 1 argument (0 given)"
        ))),
        n if n > 3 => Err(type_error(format!(
            "{name}() takes at most 3 arguments ({n} given)"
        ))),
        _ => Ok(()),
    }
}

/// Argument Clinic names None "None" rather than "NoneType" in its type errors.
fn clinic_type(vm: &Vm<'_>, v: &Value) -> String {
    if v.is_none() {
        "None".into()
    } else {
        vm.type_name(v)
    }
}

/// An integer argument as a C `Py_ssize_t`.
pub(crate) fn ssize(vm: &mut Vm<'_>, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => Err(overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
        Value::Instance(i) if i.class.lookup("__index__").is_some() => vm.index_value(v),
        Value::Instance(_) if matches!(super::subclass::base_value(v), Some(Value::Int(_))) => {
            vm.index_value(v)
        }
        _ => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

/// An integer argument as a C `int`.
fn c_int(vm: &mut Vm<'_>, v: &Value) -> PyResult<i32> {
    let too_big = || overflow_error("Python int too large to convert to C int");
    if let Value::BigInt(_) = v {
        return Err(too_big());
    }
    i32::try_from(ssize(vm, v)?).map_err(|_| too_big())
}

/// A start/end argument: None when absent or None, huge ints clamped as CPython does.
fn slice_bound(vm: &mut Vm<'_>, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) => Ok(Some(*i)),
        Some(Value::Bool(b)) => Ok(Some(*b as i64)),
        Some(Value::BigInt(b)) => Ok(Some(if b.sign() == Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        })),
        Some(v @ Value::Instance(i)) if i.class.lookup("__index__").is_some() => {
            vm.index_value(v).map(Some)
        }
        Some(_) => Err(type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// A str argument of a keyword-capable method: "encode() argument 'errors' must be str, not int".
fn name_arg(
    vm: &Vm<'_>,
    method: &str,
    param: &str,
    v: Option<Value>,
    default: &str,
) -> PyResult<String> {
    match v {
        None => Ok(default.to_string()),
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        Some(v) => Err(type_error(format!(
            "{method}() argument '{param}' must be str, not {}",
            clinic_type(vm, &v)
        ))),
    }
}

// ---------------------------------------------------------------------------------------
// The text abstraction shared by str and bytes
// ---------------------------------------------------------------------------------------

/// Where a text operand was expected; selects CPython's message for a wrong type.
#[derive(Clone, Copy)]
enum Operand<'a> {
    /// The substring of find/count/index/partition (bytes' find and count take an int too).
    Sub { int_ok: bool },
    /// split's separator.
    Sep,
    /// The character set of the named strip method.
    Chars(&'a str),
    /// Argument `n` of replace.
    Replace(usize),
}

/// A str (code points over UTF-8) or bytes value, addressed by byte offsets.
trait Text: Sized + 'static {
    /// The Python type name.
    const NAME: &'static str;
    /// "sequence item 0: expected {JOIN_EXPECTED}, int found".
    const JOIN_EXPECTED: &'static str;
    /// The ValueError of index/rindex.
    const NOT_FOUND: &'static str;

    fn of(v: &Value) -> Option<&Rc<Self>>;
    fn operand_error(vm: &Vm<'_>, v: &Value, kind: Operand<'_>) -> PyErr;
    /// startswith/endswith given a wrong type, alone or inside the tuple.
    fn affix_error(vm: &Vm<'_>, v: &Value, method: &str, in_tuple: bool) -> PyErr;
    /// An int standing for a one-byte operand (bytes only).
    fn from_int(_v: &Value) -> Option<PyResult<Rc<Self>>> {
        None
    }

    fn bytes(&self) -> &[u8];
    /// Length in code units (code points or bytes).
    fn unit_count(&self) -> usize;
    /// Byte offset of code unit `index` (the end when past it).
    fn byte_offset(&self, index: usize) -> usize;
    /// Code-unit index of byte offset `byte`.
    fn unit_index(&self, byte: usize) -> usize;
    /// The unit starting at byte `pos` and its byte length.
    fn unit_at(&self, pos: usize) -> Option<(u32, usize)>;
    /// The unit ending at byte `end` and its byte length.
    fn unit_before(&self, end: usize) -> Option<(u32, usize)>;
    /// What `split()` and `strip()` without arguments remove.
    fn is_space(unit: u32) -> bool;
    fn has_unit(&self, unit: u32) -> bool;
    /// First match of `needle` within bytes `lo..hi`.
    fn find_in(&self, needle: &Self, lo: usize, hi: usize) -> Option<usize>;
    /// Last match of `needle` within bytes `lo..hi`.
    fn rfind_in(&self, needle: &Self, lo: usize, hi: usize) -> Option<usize>;
    /// A new value of bytes `lo..hi`.
    fn value(&self, lo: usize, hi: usize) -> Value;
    /// A new value from bytes built by splicing whole units of this type.
    fn from_bytes(bytes: Vec<u8>) -> Value;
}

impl Text for PyStr {
    const NAME: &'static str = "str";
    const JOIN_EXPECTED: &'static str = "str instance";
    const NOT_FOUND: &'static str = "substring not found";

    fn of(v: &Value) -> Option<&Rc<Self>> {
        match v {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
    fn operand_error(vm: &Vm<'_>, v: &Value, kind: Operand<'_>) -> PyErr {
        let t = vm.type_name(v);
        type_error(match kind {
            Operand::Sub { .. } => format!("must be str, not {t}"),
            Operand::Sep => format!("must be str or None, not {t}"),
            Operand::Chars(name) => format!("{name} arg must be None or str"),
            Operand::Replace(n) => format!(
                "replace() argument {n} must be str, not {}",
                clinic_type(vm, v)
            ),
        })
    }
    fn affix_error(vm: &Vm<'_>, v: &Value, method: &str, in_tuple: bool) -> PyErr {
        let t = vm.type_name(v);
        type_error(if in_tuple {
            format!("tuple for {method} must only contain str, not {t}")
        } else {
            format!("{method} first arg must be str or a tuple of str, not {t}")
        })
    }

    fn bytes(&self) -> &[u8] {
        self.as_str().as_bytes()
    }
    fn unit_count(&self) -> usize {
        self.char_len()
    }
    fn byte_offset(&self, index: usize) -> usize {
        let text = self.as_str();
        if self.is_ascii() {
            index.min(text.len())
        } else {
            text.char_indices()
                .nth(index)
                .map_or(text.len(), |(b, _)| b)
        }
    }
    fn unit_index(&self, byte: usize) -> usize {
        if self.is_ascii() {
            byte
        } else {
            self.as_str()
                .get(..byte)
                .map_or(self.char_len(), |p| p.chars().count())
        }
    }
    fn unit_at(&self, pos: usize) -> Option<(u32, usize)> {
        let c = self.as_str().get(pos..)?.chars().next()?;
        Some((c as u32, c.len_utf8()))
    }
    fn unit_before(&self, end: usize) -> Option<(u32, usize)> {
        let c = self.as_str().get(..end)?.chars().next_back()?;
        Some((c as u32, c.len_utf8()))
    }
    fn is_space(unit: u32) -> bool {
        char::from_u32(unit).is_some_and(py_isspace)
    }
    fn has_unit(&self, unit: u32) -> bool {
        self.as_str().chars().any(|c| c as u32 == unit)
    }
    fn find_in(&self, needle: &Self, lo: usize, hi: usize) -> Option<usize> {
        Some(self.as_str().get(lo..hi)?.find(needle.as_str())? + lo)
    }
    fn rfind_in(&self, needle: &Self, lo: usize, hi: usize) -> Option<usize> {
        Some(self.as_str().get(lo..hi)?.rfind(needle.as_str())? + lo)
    }
    fn value(&self, lo: usize, hi: usize) -> Value {
        Value::str(self.as_str().get(lo..hi).unwrap_or(""))
    }
    fn from_bytes(bytes: Vec<u8>) -> Value {
        Value::str(
            String::from_utf8(bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        )
    }
}

impl Text for Bytes {
    const NAME: &'static str = "bytes";
    const JOIN_EXPECTED: &'static str = "a bytes-like object";
    const NOT_FOUND: &'static str = "subsection not found";

    fn of(v: &Value) -> Option<&Rc<Self>> {
        match v {
            Value::Bytes(b) => Some(b),
            _ => None,
        }
    }
    fn operand_error(vm: &Vm<'_>, v: &Value, kind: Operand<'_>) -> PyErr {
        let t = vm.type_name(v);
        type_error(match kind {
            Operand::Sub { int_ok: true } => {
                format!("argument should be integer or bytes-like object, not '{t}'")
            }
            _ => format!("a bytes-like object is required, not '{t}'"),
        })
    }
    fn affix_error(vm: &Vm<'_>, v: &Value, method: &str, in_tuple: bool) -> PyErr {
        let t = vm.type_name(v);
        type_error(if in_tuple {
            format!("a bytes-like object is required, not '{t}'")
        } else {
            format!("{method} first arg must be bytes or a tuple of bytes, not {t}")
        })
    }
    fn from_int(v: &Value) -> Option<PyResult<Rc<Self>>> {
        if !matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) {
            return None;
        }
        let byte = to_bigint(v).and_then(|n| n.to_u8());
        Some(
            byte.map(|b| Rc::new(vec![b]))
                .ok_or_else(|| value_error("byte must be in range(0, 256)")),
        )
    }

    fn bytes(&self) -> &[u8] {
        self
    }
    fn unit_count(&self) -> usize {
        self.len()
    }
    fn byte_offset(&self, index: usize) -> usize {
        index.min(self.len())
    }
    fn unit_index(&self, byte: usize) -> usize {
        byte
    }
    fn unit_at(&self, pos: usize) -> Option<(u32, usize)> {
        self.get(pos).map(|&b| (b as u32, 1))
    }
    fn unit_before(&self, end: usize) -> Option<(u32, usize)> {
        self.get(end.checked_sub(1)?).map(|&b| (b as u32, 1))
    }
    fn is_space(unit: u32) -> bool {
        matches!(unit, 0x20 | 0x09..=0x0d)
    }
    fn has_unit(&self, unit: u32) -> bool {
        self.iter().any(|&b| b as u32 == unit)
    }
    fn find_in(&self, needle: &Self, lo: usize, hi: usize) -> Option<usize> {
        let hay = self.get(lo..hi)?;
        if needle.is_empty() {
            return Some(lo);
        }
        Some(
            hay.windows(needle.len())
                .position(|w| w == needle.as_slice())?
                + lo,
        )
    }
    fn rfind_in(&self, needle: &Self, lo: usize, hi: usize) -> Option<usize> {
        let hay = self.get(lo..hi)?;
        if needle.is_empty() {
            return Some(hi);
        }
        Some(
            hay.windows(needle.len())
                .rposition(|w| w == needle.as_slice())?
                + lo,
        )
    }
    fn value(&self, lo: usize, hi: usize) -> Value {
        Value::Bytes(Rc::new(self.get(lo..hi).unwrap_or(&[]).to_vec()))
    }
    fn from_bytes(bytes: Vec<u8>) -> Value {
        Value::Bytes(Rc::new(bytes))
    }
}

/// A text operand of type `T` (or, for bytes' find/count, an int naming one byte).
fn operand<T: Text>(vm: &Vm<'_>, v: &Value, kind: Operand<'_>) -> PyResult<Rc<T>> {
    if let Some(t) = T::of(v) {
        return Ok(t.clone());
    }
    if let Operand::Sub { int_ok: true } = kind {
        if let Some(r) = T::from_int(v) {
            return r;
        }
    }
    Err(T::operand_error(vm, v, kind))
}

fn sub_slice(b: &[u8], lo: usize, hi: usize) -> &[u8] {
    b.get(lo..hi).unwrap_or(&[])
}

/// Byte range of CPython's `(start, end)` after `ADJUST_INDICES`; None when start > end.
fn window<T: Text>(s: &T, start: Option<i64>, end: Option<i64>) -> Option<(usize, usize)> {
    let len = s.unit_count() as i64;
    let mut end = end.unwrap_or(len);
    let mut start = start.unwrap_or(0);
    if end > len {
        end = len;
    } else if end < 0 {
        end = end.saturating_add(len).max(0);
    }
    if start < 0 {
        start = start.saturating_add(len).max(0);
    }
    if start > end {
        return None;
    }
    Some((s.byte_offset(start as usize), s.byte_offset(end as usize)))
}

fn count_in<T: Text>(s: &T, sub: &T, lo: usize, hi: usize) -> usize {
    let step = sub.bytes().len();
    if step == 0 {
        return s.unit_index(hi) - s.unit_index(lo) + 1;
    }
    let mut n = 0;
    let mut pos = lo;
    while let Some(i) = s.find_in(sub, pos, hi) {
        n += 1;
        pos = i + step;
    }
    n
}

/// `split(sep, maxsplit)` / `rsplit` with a non-empty separator.
fn split_on<T: Text>(s: &T, sep: &T, max: usize, from_right: bool) -> Vec<Value> {
    let (len, n) = (s.bytes().len(), sep.bytes().len());
    let mut out = Vec::new();
    if from_right {
        let mut end = len;
        while out.len() < max {
            let Some(i) = s.rfind_in(sep, 0, end) else {
                break;
            };
            out.push(s.value(i + n, end));
            end = i;
        }
        out.push(s.value(0, end));
        out.reverse();
    } else {
        let mut pos = 0;
        while out.len() < max {
            let Some(i) = s.find_in(sep, pos, len) else {
                break;
            };
            out.push(s.value(pos, i));
            pos = i + n;
        }
        out.push(s.value(pos, len));
    }
    out
}

/// Move forward from `i` over units that are (or are not) space.
fn skip_forward<T: Text>(s: &T, mut i: usize, space: bool) -> usize {
    while let Some((u, n)) = s.unit_at(i) {
        if T::is_space(u) != space {
            break;
        }
        i += n;
    }
    i
}

/// Move back from `i` over units that are (or are not) space.
fn skip_back<T: Text>(s: &T, mut i: usize, space: bool) -> usize {
    while let Some((u, n)) = s.unit_before(i) {
        if T::is_space(u) != space {
            break;
        }
        i -= n;
    }
    i
}

/// `split()` / `rsplit()` on runs of whitespace (CPython's split_whitespace).
fn split_whitespace<T: Text>(s: &T, max: usize, from_right: bool) -> Vec<Value> {
    let len = s.bytes().len();
    let mut out = Vec::new();
    if from_right {
        let mut i = len;
        while out.len() < max {
            i = skip_back(s, i, true);
            if i == 0 {
                break;
            }
            let j = i;
            i = skip_back(s, i, false);
            out.push(s.value(i, j));
        }
        i = skip_back(s, i, true);
        if i > 0 {
            out.push(s.value(0, i));
        }
        out.reverse();
    } else {
        let mut i = 0;
        while out.len() < max {
            i = skip_forward(s, i, true);
            if i >= len {
                break;
            }
            let j = i;
            i = skip_forward(s, i, false);
            out.push(s.value(j, i));
        }
        i = skip_forward(s, i, true);
        if i < len {
            out.push(s.value(i, len));
        }
    }
    out
}

/// Byte range left after stripping `chars` (whitespace when None) from the chosen ends.
fn strip_range<T: Text>(s: &T, chars: Option<&T>, left: bool, right: bool) -> (usize, usize) {
    let stripped = |u: u32| chars.map_or_else(|| T::is_space(u), |c| c.has_unit(u));
    let (mut lo, mut hi) = (0, s.bytes().len());
    if left {
        while let Some((_, n)) = s.unit_at(lo).filter(|&(u, _)| lo < hi && stripped(u)) {
            lo += n;
        }
    }
    if right {
        while let Some((_, n)) = s.unit_before(hi).filter(|&(u, _)| hi > lo && stripped(u)) {
            hi -= n;
        }
    }
    (lo, hi)
}

/// `replace(old, new, count)`: an empty `old` matches before every unit and at the end.
fn replace_in<T: Text>(s: &T, old: &T, new: &T, max: usize) -> PyResult<Value> {
    let (hay, old_b, new_b) = (s.bytes(), old.bytes(), new.bytes());
    let mut out = Vec::with_capacity(hay.len());
    let (mut copied, mut search, mut done) = (0, 0, 0);
    while done < max {
        let found = if old_b.is_empty() {
            (search <= hay.len()).then_some(search)
        } else {
            s.find_in(old, search, hay.len())
        };
        let Some(at) = found else { break };
        out.extend_from_slice(sub_slice(hay, copied, at));
        out.extend_from_slice(new_b);
        copied = at + old_b.len();
        search = if old_b.is_empty() {
            s.unit_at(at).map_or(hay.len() + 1, |(_, n)| at + n)
        } else {
            copied
        };
        done += 1;
        check_size(out.len())?;
    }
    out.extend_from_slice(sub_slice(hay, copied, hay.len()));
    check_size(out.len())?;
    Ok(T::from_bytes(out))
}

// ---------------------------------------------------------------------------------------
// Methods shared by str and bytes
// ---------------------------------------------------------------------------------------

/// Receiver, substring and byte window (None when empty) of a search.
type SearchArgs<T> = (Rc<T>, Rc<T>, Option<(usize, usize)>);

/// The `(sub[, start[, end]])` arguments of find/rfind/index/rindex/count.
fn search_args<T: Text>(
    vm: &mut Vm<'_>,
    args: &[Value],
    kwargs: &Kwargs,
    name: &str,
) -> PyResult<SearchArgs<T>> {
    let s = this::<T>(vm, args, name)?;
    no_kwargs(&format!("{}.{name}", T::NAME), kwargs)?;
    check_search_args(name, args)?;
    let start = slice_bound(vm, args.get(2))?;
    let end = slice_bound(vm, args.get(3))?;
    let sub = operand::<T>(vm, &args[1], Operand::Sub { int_ok: true })?;
    let win = window(&*s, start, end);
    Ok((s, sub, win))
}

/// find/rfind/index/rindex: the code-unit index of a match.
fn search<T: Text>(
    vm: &mut Vm<'_>,
    args: &[Value],
    kwargs: &Kwargs,
    name: &str,
    reverse: bool,
    must_find: bool,
) -> PyResult<Value> {
    let (s, sub, win) = search_args::<T>(vm, args, kwargs, name)?;
    let found = win.and_then(|(lo, hi)| {
        if reverse {
            s.rfind_in(&sub, lo, hi)
        } else {
            s.find_in(&sub, lo, hi)
        }
    });
    match found {
        Some(b) => Ok(Value::Int(s.unit_index(b) as i64)),
        None if must_find => Err(value_error(T::NOT_FOUND)),
        None => Ok(Value::Int(-1)),
    }
}

fn find<T: Text>(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    search::<T>(vm, &args, &kwargs, "find", false, false)
}

fn rfind<T: Text>(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    search::<T>(vm, &args, &kwargs, "rfind", true, false)
}

fn index<T: Text>(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    search::<T>(vm, &args, &kwargs, "index", false, true)
}

fn rindex<T: Text>(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    search::<T>(vm, &args, &kwargs, "rindex", true, true)
}

fn count<T: Text>(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let (s, sub, win) = search_args::<T>(vm, &args, &kwargs, "count")?;
    Ok(Value::Int(
        win.map_or(0, |(lo, hi)| count_in(&*s, &sub, lo, hi)) as i64,
    ))
}

/// startswith/endswith: a prefix or a tuple of them, within (start, end).
fn affix<T: Text>(
    vm: &mut Vm<'_>,
    args: &[Value],
    kwargs: &Kwargs,
    name: &str,
    at_end: bool,
) -> PyResult<Value> {
    let s = this::<T>(vm, args, name)?;
    no_kwargs(&format!("{}.{name}", T::NAME), kwargs)?;
    check_search_args(name, args)?;
    let start = slice_bound(vm, args.get(2))?;
    let end = slice_bound(vm, args.get(3))?;
    let win = window(&*s, start, end);
    let matches = |p: &T| {
        win.is_some_and(|(lo, hi)| {
            let w = sub_slice(s.bytes(), lo, hi);
            if at_end {
                w.ends_with(p.bytes())
            } else {
                w.starts_with(p.bytes())
            }
        })
    };
    match &args[1] {
        Value::Tuple(t) => {
            for item in &t.items {
                match T::of(item) {
                    Some(p) if matches(p) => return Ok(Value::Bool(true)),
                    Some(_) => {}
                    None => return Err(T::affix_error(vm, item, name, true)),
                }
            }
            Ok(Value::Bool(false))
        }
        v => match T::of(v) {
            Some(p) => Ok(Value::Bool(matches(p))),
            None => Err(T::affix_error(vm, v, name, false)),
        },
    }
}

fn startswith<T: Text>(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    affix::<T>(vm, &args, &kwargs, "startswith", false)
}

fn endswith<T: Text>(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    affix::<T>(vm, &args, &kwargs, "endswith", true)
}

/// `split(sep=None, maxsplit=-1)` / `rsplit`.
fn split_method<T: Text>(
    vm: &mut Vm<'_>,
    args: &[Value],
    kwargs: Kwargs,
    name: &str,
    from_right: bool,
) -> PyResult<Value> {
    let s = this::<T>(vm, args, name)?;
    let mut slots = bind_args(name, args, kwargs, &["sep", "maxsplit"])?.into_iter();
    let (sep, maxsplit) = (slots.next().flatten(), slots.next().flatten());
    let maxsplit = match maxsplit {
        Some(v) => ssize(vm, &v)?,
        None => -1,
    };
    let max = usize::try_from(maxsplit).unwrap_or(usize::MAX);
    let pieces = match sep {
        None | Some(Value::None) => split_whitespace(&*s, max, from_right),
        Some(v) => {
            let sep = operand::<T>(vm, &v, Operand::Sep)?;
            if sep.bytes().is_empty() {
                return Err(value_error("empty separator"));
            }
            split_on(&*s, &sep, max, from_right)
        }
    };
    Ok(Value::list(pieces))
}

fn split<T: Text>(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    split_method::<T>(vm, &args, kwargs, "split", false)
}

fn rsplit<T: Text>(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    split_method::<T>(vm, &args, kwargs, "rsplit", true)
}

/// strip/lstrip/rstrip with an optional character set.
fn strip_method<T: Text>(
    vm: &mut Vm<'_>,
    args: &[Value],
    kwargs: &Kwargs,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let s = this::<T>(vm, args, name)?;
    no_kwargs(&format!("{}.{name}", T::NAME), kwargs)?;
    check_method_args(name, args, 0, 1)?;
    let chars = match args.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(operand::<T>(vm, v, Operand::Chars(name))?),
    };
    let (lo, hi) = strip_range(&*s, chars.as_deref(), left, right);
    Ok(s.value(lo, hi))
}

fn strip<T: Text>(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    strip_method::<T>(vm, &args, &kwargs, "strip", true, true)
}

fn lstrip<T: Text>(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    strip_method::<T>(vm, &args, &kwargs, "lstrip", true, false)
}

fn rstrip<T: Text>(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    strip_method::<T>(vm, &args, &kwargs, "rstrip", false, true)
}

fn replace<T: Text>(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let s = this::<T>(vm, &args, "replace")?;
    no_kwargs(&format!("{}.replace", T::NAME), &kwargs)?;
    check_method_args("replace", &args, 2, 3)?;
    let old = operand::<T>(vm, &args[1], Operand::Replace(1))?;
    let new = operand::<T>(vm, &args[2], Operand::Replace(2))?;
    let count = match args.get(3) {
        Some(v) => ssize(vm, v)?,
        None => -1,
    };
    replace_in(
        &*s,
        &old,
        &new,
        usize::try_from(count).unwrap_or(usize::MAX),
    )
}

/// partition/rpartition: (before, sep, after) around the first/last `sep`.
fn partition_method<T: Text>(
    vm: &mut Vm<'_>,
    args: &[Value],
    kwargs: &Kwargs,
    name: &str,
    from_right: bool,
) -> PyResult<Value> {
    let s = one_arg::<T>(vm, args, kwargs, name)?;
    let sep = operand::<T>(vm, &args[1], Operand::Sub { int_ok: false })?;
    let (len, n) = (s.bytes().len(), sep.bytes().len());
    if n == 0 {
        return Err(value_error("empty separator"));
    }
    let found = if from_right {
        s.rfind_in(&sep, 0, len)
    } else {
        s.find_in(&sep, 0, len)
    };
    let parts = match found {
        Some(i) => vec![s.value(0, i), args[1].clone(), s.value(i + n, len)],
        None if from_right => vec![s.value(0, 0), s.value(0, 0), args[0].clone()],
        None => vec![args[0].clone(), s.value(0, 0), s.value(0, 0)],
    };
    Ok(Value::tuple(parts))
}

fn partition<T: Text>(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    partition_method::<T>(vm, &args, &kwargs, "partition", false)
}

fn rpartition<T: Text>(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    partition_method::<T>(vm, &args, &kwargs, "rpartition", true)
}

fn join<T: Text>(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let sep = one_arg::<T>(vm, &args, &kwargs, "join")?;
    let it = vm.get_iter(&args[1]).map_err(|e| {
        if e.is("TypeError") {
            type_error("can only join an iterable")
        } else {
            e
        }
    })?;
    let items: Vec<Value> = vm
        .collect(&it)?
        .into_iter()
        .map(|v| match super::subclass::base_value(&v) {
            Some(text @ Value::Str(_)) => text,
            _ => v,
        })
        .collect();
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(piece) = T::of(item) else {
            return Err(type_error(format!(
                "sequence item {i}: expected {}, {} found",
                T::JOIN_EXPECTED,
                vm.type_name(item)
            )));
        };
        if i > 0 {
            out.extend_from_slice(sep.bytes());
        }
        out.extend_from_slice(piece.bytes());
        check_size(out.len())?;
        vm.check_growth(out.len(), 1)?;
        vm.charge(1)?;
    }
    Ok(T::from_bytes(out))
}

/// A method without arguments returning `f(receiver)`.
fn map_text<T: Text>(
    vm: &mut Vm<'_>,
    args: &[Value],
    kwargs: &Kwargs,
    name: &str,
    f: fn(&T) -> Value,
) -> PyResult<Value> {
    let s = no_args::<T>(vm, args, kwargs, name)?;
    check_size(s.bytes().len().saturating_mul(3))?;
    Ok(f(&s))
}

/// A predicate method without arguments.
fn test_text<T: Text>(
    vm: &mut Vm<'_>,
    args: &[Value],
    kwargs: &Kwargs,
    name: &str,
    f: fn(&T) -> bool,
) -> PyResult<Value> {
    let s = no_args::<T>(vm, args, kwargs, name)?;
    Ok(Value::Bool(f(&s)))
}

// ---------------------------------------------------------------------------------------
// Unicode classification and case mapping (std's Unicode tables plus CPython's exceptions)
// ---------------------------------------------------------------------------------------

/// `str.isspace()` of one character: White_Space plus the separators \x1c-\x1f.
pub(crate) fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Letters (categories L*): Alphabetic minus letter numbers and enclosed letters
/// (combining marks with the Alphabetic property are not told apart).
fn py_isalpha(c: char) -> bool {
    is_letter_like(c) && !c.is_numeric()
}

/// Alphabetic minus the enclosed letters (circled, squared: symbols to Python).
fn is_letter_like(c: char) -> bool {
    c.is_alphabetic()
        && !matches!(c as u32, 0x24b6..=0x24e9 | 0x1f130..=0x1f149 | 0x1f150..=0x1f169 | 0x1f170..=0x1f189)
}

/// `unicodedata.decimal(c)` (via the number parser's table of decimal digits).
fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let mut buf = [0u8; 4];
    fmt::parse_int(c.encode_utf8(&mut buf), 10)?.to_u32()
}

/// Characters with Numeric_Type=Digit that are not decimal digits (Unicode 14).
const DIGIT_RANGES: [(u32, u32); 20] = [
    (0xb2, 0xb3),
    (0xb9, 0xb9),
    (0x1369, 0x1371),
    (0x19da, 0x19da),
    (0x2070, 0x2070),
    (0x2074, 0x2079),
    (0x2080, 0x2089),
    (0x2460, 0x2468),
    (0x2474, 0x247c),
    (0x2488, 0x2490),
    (0x24ea, 0x24ea),
    (0x24f5, 0x24fd),
    (0x24ff, 0x24ff),
    (0x2776, 0x277e),
    (0x2780, 0x2788),
    (0x278a, 0x2792),
    (0x10a40, 0x10a43),
    (0x10e60, 0x10e68),
    (0x11052, 0x1105a),
    (0x1f100, 0x1f10a),
];

/// Ideographs with a numeric value (Unihan), numeric to Python but not category N.
const CJK_NUMERALS: [u32; 81] = [
    0x3405, 0x3483, 0x382a, 0x3b4d, 0x4e00, 0x4e03, 0x4e07, 0x4e09, 0x4e5d, 0x4e8c, 0x4e94, 0x4e96,
    0x4ebf, 0x4ec0, 0x4edf, 0x4ee8, 0x4f0d, 0x4f70, 0x5104, 0x5146, 0x5169, 0x516b, 0x516d, 0x5341,
    0x5343, 0x5344, 0x5345, 0x534c, 0x53c1, 0x53c2, 0x53c3, 0x53c4, 0x56db, 0x58f1, 0x58f9, 0x5e7a,
    0x5efe, 0x5eff, 0x5f0c, 0x5f0d, 0x5f0e, 0x5f10, 0x62fe, 0x634c, 0x67d2, 0x6f06, 0x7396, 0x767e,
    0x8086, 0x842c, 0x8cae, 0x8cb3, 0x8d30, 0x9621, 0x9646, 0x964c, 0x9678, 0x96f6, 0xf96b, 0xf973,
    0xf978, 0xf9b2, 0xf9d1, 0xf9d3, 0xf9fd, 0x20001, 0x20064, 0x200e2, 0x20121, 0x2092a, 0x20983,
    0x2098c, 0x2099c, 0x20aea, 0x20afd, 0x20b19, 0x22390, 0x22998, 0x23b1b, 0x2626d, 0x2f890,
];

pub(crate) fn py_isdecimal(c: char) -> bool {
    decimal_value(c).is_some()
}

fn py_isdigit(c: char) -> bool {
    let n = c as u32;
    py_isdecimal(c) || DIGIT_RANGES.iter().any(|&(lo, hi)| (lo..=hi).contains(&n))
}

fn py_isnumeric(c: char) -> bool {
    c.is_numeric() || CJK_NUMERALS.binary_search(&(c as u32)).is_ok()
}

pub(crate) fn py_isalnum(c: char) -> bool {
    py_isalpha(c) || py_isnumeric(c)
}

/// Category Lt.
fn is_titlecase(c: char) -> bool {
    matches!(c as u32, 0x1c5 | 0x1c8 | 0x1cb | 0x1f2 | 0x1f88..=0x1f8f | 0x1f98..=0x1f9f | 0x1fa8..=0x1faf | 0x1fbc | 0x1fcc | 0x1ffc)
}

fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

/// Full titlecase mapping: the uppercase mapping except for digraphs, Georgian, the Greek
/// letters with iota subscript and the characters whose uppercase is several letters
/// (where only the first is capital: 'ß' -> "Ss", 'ﬁ' -> "Fi").
fn push_titlecase(out: &mut String, c: char) {
    let cp = c as u32;
    let single = match cp {
        0x1c4..=0x1c6 => Some(0x1c5),
        0x1c7..=0x1c9 => Some(0x1c8),
        0x1ca..=0x1cc => Some(0x1cb),
        0x1f1..=0x1f3 => Some(0x1f2),
        0x10d0..=0x10ff | 0x1fbc | 0x1fcc | 0x1ffc => Some(cp),
        0x1f80..=0x1faf => Some(cp | 8),
        0x1fb3 | 0x1fc3 | 0x1ff3 => Some(cp + 9),
        _ => None,
    };
    if let Some(t) = single.and_then(char::from_u32) {
        out.push(t);
        return;
    }
    for (i, u) in c.to_uppercase().enumerate() {
        if i == 0 || cp == 0x149 {
            out.push(u);
        } else if (0x1fb2..=0x1ff7).contains(&cp) && u == '\u{399}' {
            out.push('\u{345}');
        } else {
            out.extend(u.to_lowercase());
        }
    }
}

/// Full case folding: lowercase of uppercase, except for the few characters CaseFolding.txt
/// treats otherwise (Cherokee folds to uppercase).
fn push_casefold(out: &mut String, c: char) {
    match c as u32 {
        0x131 => out.push(c),
        0x1e9e => out.push_str("ss"),
        0x13a0..=0x13f5 | 0x13f8..=0x13fd | 0xab70..=0xabbf => out.extend(c.to_uppercase()),
        _ => {
            for u in c.to_uppercase() {
                out.extend(u.to_lowercase());
            }
        }
    }
}

/// Build a string from each char of `s` and its lowercase in context (the final-sigma
/// rule needs the neighbours, which `str::to_lowercase` applies as CPython does).
fn map_with_lowercase(s: &str, mut f: impl FnMut(&mut String, char, &str)) -> String {
    let lower = s.to_lowercase();
    let mut out = String::with_capacity(s.len());
    let mut pos = 0;
    for c in s.chars() {
        let n: usize = c.to_lowercase().map(char::len_utf8).sum();
        f(&mut out, c, lower.get(pos..pos + n).unwrap_or(""));
        pos += n;
    }
    out
}

fn str_title(s: &str) -> String {
    let mut previous_cased = false;
    map_with_lowercase(s, |out, c, lower| {
        if previous_cased {
            out.push_str(lower);
        } else {
            push_titlecase(out, c);
        }
        previous_cased = is_cased(c);
    })
}

fn str_capitalize(s: &str) -> String {
    let mut first = true;
    map_with_lowercase(s, |out, c, lower| {
        if first {
            push_titlecase(out, c);
            first = false;
        } else {
            out.push_str(lower);
        }
    })
}

fn str_swapcase(s: &str) -> String {
    map_with_lowercase(s, |out, c, lower| {
        if c.is_uppercase() {
            out.push_str(lower);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    })
}

fn all_chars(s: &PyStr, pred: fn(char) -> bool) -> bool {
    s.char_len() > 0 && s.as_str().chars().all(pred)
}

/// isupper (`upper`) / islower: some cased character, none of the other case or titlecase.
fn all_cased_as(s: &PyStr, upper: bool) -> bool {
    let mut cased = false;
    for c in s.as_str().chars() {
        let (this_case, other_case) = if upper {
            (c.is_uppercase(), c.is_lowercase())
        } else {
            (c.is_lowercase(), c.is_uppercase())
        };
        if other_case || is_titlecase(c) {
            return false;
        }
        cased |= this_case;
    }
    cased
}

fn str_istitle(s: &PyStr) -> bool {
    is_title_cased(s.as_str().chars().map(|c| {
        if c.is_uppercase() || is_titlecase(c) {
            Some(true)
        } else if c.is_lowercase() {
            Some(false)
        } else {
            None
        }
    }))
}

/// `istitle` over characters classified as upper/title (`Some(true)`), lower
/// (`Some(false)`) or uncased (`None`): every cased run starts upper-case, and there is
/// one. Shared by `str.istitle` and bytes'.
pub(crate) fn is_title_cased(cases: impl Iterator<Item = Option<bool>>) -> bool {
    let (mut cased, mut previous_cased) = (false, false);
    for case in cases {
        match case {
            Some(upper) => {
                if upper == previous_cased {
                    return false;
                }
                previous_cased = true;
                cased = true;
            }
            None => previous_cased = false,
        }
    }
    cased
}

/// XID_Start approximated by letters and letter numbers.
fn is_id_start(c: char) -> bool {
    c == '_' || is_letter_like(c)
}

/// XID_Continue approximated: letters, decimal digits, combining diacritics, middle dot.
fn is_id_continue(c: char) -> bool {
    is_id_start(c) || py_isdecimal(c) || c == '\u{b7}' || ('\u{300}'..='\u{36f}').contains(&c)
}

fn str_isidentifier(s: &PyStr) -> bool {
    let mut chars = s.as_str().chars();
    chars.next().is_some_and(is_id_start) && chars.all(is_id_continue)
}

fn str_upper(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    map_text(vm, &args, &kwargs, "upper", |s: &PyStr| {
        Value::str(s.as_str().to_uppercase())
    })
}

fn str_lower(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    map_text(vm, &args, &kwargs, "lower", |s: &PyStr| {
        Value::str(s.as_str().to_lowercase())
    })
}

fn capitalize(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    map_text(vm, &args, &kwargs, "capitalize", |s: &PyStr| {
        Value::str(str_capitalize(s.as_str()))
    })
}

fn title(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    map_text(vm, &args, &kwargs, "title", |s: &PyStr| {
        Value::str(str_title(s.as_str()))
    })
}

fn swapcase(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    map_text(vm, &args, &kwargs, "swapcase", |s: &PyStr| {
        Value::str(str_swapcase(s.as_str()))
    })
}

fn casefold(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    map_text(vm, &args, &kwargs, "casefold", |s: &PyStr| {
        let mut out = String::with_capacity(s.as_str().len());
        s.as_str().chars().for_each(|c| push_casefold(&mut out, c));
        Value::str(out)
    })
}

fn str_isdigit(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    test_text(vm, &args, &kwargs, "isdigit", |s: &PyStr| {
        all_chars(s, py_isdigit)
    })
}

fn str_isalpha(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    test_text(vm, &args, &kwargs, "isalpha", |s: &PyStr| {
        all_chars(s, py_isalpha)
    })
}

fn str_isalnum(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    test_text(vm, &args, &kwargs, "isalnum", |s: &PyStr| {
        all_chars(s, py_isalnum)
    })
}

fn str_isspace(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    test_text(vm, &args, &kwargs, "isspace", |s: &PyStr| {
        all_chars(s, py_isspace)
    })
}

fn isnumeric(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    test_text(vm, &args, &kwargs, "isnumeric", |s: &PyStr| {
        all_chars(s, py_isnumeric)
    })
}

fn isdecimal(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    test_text(vm, &args, &kwargs, "isdecimal", |s: &PyStr| {
        all_chars(s, py_isdecimal)
    })
}

fn isupper(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    test_text(vm, &args, &kwargs, "isupper", |s: &PyStr| {
        all_cased_as(s, true)
    })
}

fn islower(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    test_text(vm, &args, &kwargs, "islower", |s: &PyStr| {
        all_cased_as(s, false)
    })
}

fn istitle(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    test_text(vm, &args, &kwargs, "istitle", str_istitle)
}

fn isidentifier(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    test_text(vm, &args, &kwargs, "isidentifier", str_isidentifier)
}

fn isascii(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    test_text(vm, &args, &kwargs, "isascii", |s: &PyStr| s.is_ascii())
}

fn isprintable(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    test_text(vm, &args, &kwargs, "isprintable", |s: &PyStr| {
        s.as_str().chars().all(is_printable)
    })
}

// ---------------------------------------------------------------------------------------
// Layout: padding, tabs, lines, prefixes
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy)]
enum Align {
    Left,
    Right,
    Center,
}

fn pad(text: &str, fill: char, left: usize, right: usize) -> PyResult<Value> {
    let size = left
        .saturating_add(right)
        .saturating_mul(fill.len_utf8())
        .saturating_add(text.len());
    check_size(size)?;
    let mut out = String::with_capacity(size);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(Value::str(out))
}

/// center/ljust/rjust(width[, fillchar]).
fn justify(
    vm: &mut Vm<'_>,
    args: &[Value],
    kwargs: &Kwargs,
    name: &str,
    align: Align,
) -> PyResult<Value> {
    let s = this::<PyStr>(vm, args, name)?;
    no_kwargs(&format!("str.{name}"), kwargs)?;
    check_method_args(name, args, 1, 2)?;
    let width = ssize(vm, &args[1])?;
    let fill = match args.get(2) {
        None => ' ',
        Some(Value::Str(f)) if f.char_len() == 1 => f.char_at(0),
        Some(Value::Str(_)) => {
            return Err(type_error(
                "The fill character must be exactly one character long",
            ))
        }
        Some(v) => {
            return Err(type_error(format!(
                "The fill character must be a unicode character, not {}",
                vm.type_name(v)
            )))
        }
    };
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(args[0].clone());
    }
    let margin = result_len(width - len)?;
    let (left, right) = match align {
        Align::Left => (0, margin),
        Align::Right => (margin, 0),
        Align::Center => {
            let left = margin / 2 + (margin & width as usize & 1);
            (left, margin - left)
        }
    };
    pad(s.as_str(), fill, left, right)
}

fn center(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    justify(vm, &args, &kwargs, "center", Align::Center)
}

fn ljust(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    justify(vm, &args, &kwargs, "ljust", Align::Left)
}

fn rjust(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    justify(vm, &args, &kwargs, "rjust", Align::Right)
}

fn zfill(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let s = one_arg::<PyStr>(vm, &args, &kwargs, "zfill")?;
    let width = ssize(vm, &args[1])?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(args[0].clone());
    }
    let zeros = result_len(width - len)?;
    let text = s.as_str();
    let (sign, digits) = match text.as_bytes().first() {
        Some(b'+' | b'-') => text.split_at(1),
        _ => ("", text),
    };
    check_size(zeros.saturating_add(text.len()))?;
    let mut out = String::with_capacity(zeros + text.len());
    out.push_str(sign);
    out.extend(std::iter::repeat_n('0', zeros));
    out.push_str(digits);
    Ok(Value::str(out))
}

fn expandtabs(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let s = this::<PyStr>(vm, &args, "expandtabs")?;
    let slots = bind_args("expandtabs", &args, kwargs, &["tabsize"])?;
    let tabsize = match slots.into_iter().next().flatten() {
        Some(v) => c_int(vm, &v)? as i64,
        None => 8,
    };
    let mut out = String::with_capacity(s.as_str().len());
    let mut column: i64 = 0;
    for c in s.as_str().chars() {
        if c == '\t' {
            if tabsize > 0 {
                let spaces = tabsize - column % tabsize;
                check_size(out.len().saturating_add(spaces as usize))?;
                out.extend(std::iter::repeat_n(' ', spaces as usize));
                column += spaces;
            }
        } else {
            out.push(c);
            column = if c == '\n' || c == '\r' {
                0
            } else {
                column + 1
            };
        }
    }
    Ok(Value::str(out))
}

fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

fn splitlines(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let s = this::<PyStr>(vm, &args, "splitlines")?;
    let slots = bind_args("splitlines", &args, kwargs, &["keepends"])?;
    let keepends = match slots.into_iter().next().flatten() {
        Some(v) => c_int(vm, &v)? != 0,
        None => false,
    };
    let text = s.as_str();
    let mut lines = Vec::new();
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !is_line_break(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && chars.peek().is_some_and(|&(_, n)| n == '\n') {
            chars.next();
            end += 1;
        }
        lines.push(s.value(start, if keepends { end } else { i }));
        start = end;
    }
    if start < text.len() {
        lines.push(s.value(start, text.len()));
    }
    Ok(Value::list(lines))
}

fn remove_affix(
    vm: &mut Vm<'_>,
    args: &[Value],
    kwargs: &Kwargs,
    name: &str,
    suffix: bool,
) -> PyResult<Value> {
    let s = one_arg::<PyStr>(vm, args, kwargs, name)?;
    let Value::Str(affix) = &args[1] else {
        return Err(type_error(format!(
            "{name}() argument must be str, not {}",
            clinic_type(vm, &args[1])
        )));
    };
    let text = s.as_str();
    let rest = if suffix {
        text.strip_suffix(affix.as_str())
    } else {
        text.strip_prefix(affix.as_str())
    };
    Ok(match rest {
        Some(r) if r.len() < text.len() => Value::str(r),
        _ => args[0].clone(),
    })
}

fn removeprefix(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    remove_affix(vm, &args, &kwargs, "removeprefix", false)
}

fn removesuffix(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    remove_affix(vm, &args, &kwargs, "removesuffix", true)
}

// ---------------------------------------------------------------------------------------
// str.format and str.format_map (a port of CPython's unicode_format.h)
// ---------------------------------------------------------------------------------------

/// Where replacement fields take their values from.
struct FieldSource<'a> {
    /// Positional arguments; None for format_map, where positional fields are an error.
    positional: Option<&'a [Value]>,
    named: Named<'a>,
}

enum Named<'a> {
    Keywords(&'a Kwargs),
    Mapping(&'a Value),
}

impl FieldSource<'_> {
    fn positional(&self, index: usize) -> PyResult<Value> {
        let args = self
            .positional
            .ok_or_else(|| value_error("Format string contains positional fields"))?;
        args.get(index).cloned().ok_or_else(|| {
            index_error(format!(
                "Replacement index {index} out of range for positional args tuple"
            ))
        })
    }

    fn named(&self, vm: &mut Vm<'_>, key: &str) -> PyResult<Value> {
        match self.named {
            Named::Keywords(kwargs) => kwargs
                .iter()
                .find(|(k, _)| &**k == key)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| key_error(Value::str(key))),
            Named::Mapping(m) => vm.getitem(m, &Value::str(key)),
        }
    }
}

/// CPython's auto-numbering state: `{}` and `{0}` may not be mixed.
#[derive(Default)]
struct AutoNumber {
    manual: Option<bool>,
    next: usize,
}

impl AutoNumber {
    /// Called for every field that names a position (explicitly, or by being empty).
    fn index(&mut self, explicit: Option<usize>) -> PyResult<usize> {
        let manual = *self.manual.get_or_insert(explicit.is_some());
        match (manual, explicit) {
            (true, Some(i)) => Ok(i),
            (false, None) => {
                self.next += 1;
                Ok(self.next - 1)
            }
            (true, None) => Err(value_error(
                "cannot switch from manual field specification to automatic field numbering",
            )),
            (false, Some(_)) => Err(value_error(
                "cannot switch from automatic field numbering to manual field specification",
            )),
        }
    }
}

/// `{name!conversion:spec}`.
struct Field<'s> {
    name: &'s str,
    conversion: Option<char>,
    spec: &'s str,
    /// The spec contains `{` and is itself formatted first.
    nested: bool,
}

/// The digits of a field name or index as a number; None when not all decimal digits.
fn field_integer(s: &str) -> PyResult<Option<usize>> {
    if s.is_empty() {
        return Ok(None);
    }
    let mut acc: usize = 0;
    for c in s.chars() {
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
        acc = acc
            .checked_mul(10)
            .and_then(|a| a.checked_add(d as usize))
            .filter(|&a| a <= isize::MAX as usize)
            .ok_or_else(|| value_error("Too many decimal digits in format string"))?;
    }
    Ok(Some(acc))
}

/// The literal text up to the next field (a doubled brace ends it, keeping one brace),
/// and that field if any (CPython's MarkupIterator_next).
fn next_markup<'s>(
    fmt: &'s str,
    pos: &mut usize,
) -> PyResult<Option<(&'s str, Option<Field<'s>>)>> {
    let b = fmt.as_bytes();
    if *pos >= b.len() {
        return Ok(None);
    }
    let start = *pos;
    let brace = b[start..]
        .iter()
        .position(|&c| c == b'{' || c == b'}')
        .map(|i| start + i);
    let Some(at) = brace else {
        *pos = b.len();
        return Ok(Some((fmt.get(start..).unwrap_or(""), None)));
    };
    let c = b[at];
    *pos = at + 1;
    let next = b.get(*pos).copied();
    if c == b'}' && next != Some(b'}') {
        return Err(value_error("Single '}' encountered in format string"));
    }
    if next.is_none() {
        return Err(value_error("Single '{' encountered in format string"));
    }
    if next == Some(c) {
        *pos += 1;
        return Ok(Some((fmt.get(start..at + 1).unwrap_or(""), None)));
    }
    let field = parse_field(fmt, pos)?;
    Ok(Some((fmt.get(start..at).unwrap_or(""), Some(field))))
}

/// The field after a `{`, through its closing `}` (CPython's parse_field).
fn parse_field<'s>(fmt: &'s str, pos: &mut usize) -> PyResult<Field<'s>> {
    let b = fmt.as_bytes();
    let name_start = *pos;
    let mut c = 0u8;
    while *pos < b.len() {
        c = b[*pos];
        *pos += 1;
        match c {
            b'{' => return Err(value_error("unexpected '{' in field name")),
            b'[' => {
                *pos += b[*pos..]
                    .iter()
                    .position(|&x| x == b']')
                    .unwrap_or(b.len() - *pos)
            }
            b'}' | b':' | b'!' => break,
            _ => {}
        }
    }
    if !matches!(c, b'}' | b':' | b'!') {
        return Err(value_error("expected '}' before end of string"));
    }
    let name = fmt.get(name_start..*pos - 1).unwrap_or("");
    let mut field = Field {
        name,
        conversion: None,
        spec: "",
        nested: false,
    };
    if c == b'}' {
        return Ok(field);
    }
    if c == b'!' {
        let conversion = fmt.get(*pos..).and_then(|rest| rest.chars().next());
        let conversion = conversion
            .ok_or_else(|| value_error("end of string while looking for conversion specifier"))?;
        field.conversion = Some(conversion);
        *pos += conversion.len_utf8();
        if let Some(&after) = b.get(*pos) {
            *pos += 1;
            match after {
                b'}' => return Ok(field),
                b':' => {}
                _ => return Err(value_error("expected ':' after conversion specifier")),
            }
        }
    }
    let spec_start = *pos;
    let mut depth = 1;
    while *pos < b.len() {
        let c = b[*pos];
        *pos += 1;
        match c {
            b'{' => {
                field.nested = true;
                depth += 1;
            }
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    field.spec = fmt.get(spec_start..*pos - 1).unwrap_or("");
                    return Ok(field);
                }
            }
            _ => {}
        }
    }
    Err(value_error("unmatched '{' in format spec"))
}

/// The object a field name designates: argument, then `.attr` and `[key]` lookups.
fn field_value(
    vm: &mut Vm<'_>,
    name: &str,
    src: &FieldSource<'_>,
    auto: &mut AutoNumber,
) -> PyResult<Value> {
    let first_end = name.find(['.', '[']).unwrap_or(name.len());
    let (first, rest) = name.split_at(first_end);
    let explicit = field_integer(first)?;
    let mut obj = if first.is_empty() || explicit.is_some() {
        let i = auto.index(explicit)?;
        src.positional(i)?
    } else {
        src.named(vm, first)?
    };
    let b = rest.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let is_attribute = match b[i] {
            b'.' => true,
            b'[' => false,
            _ => {
                return Err(value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ))
            }
        };
        let part_start = i + 1;
        let part_end = if is_attribute {
            rest[part_start..]
                .find(['.', '['])
                .map_or(rest.len(), |e| part_start + e)
        } else {
            let close = rest[part_start..]
                .find(']')
                .ok_or_else(|| value_error("Missing ']' in format string"))?;
            part_start + close
        };
        let part = rest.get(part_start..part_end).unwrap_or("");
        if part.is_empty() {
            return Err(value_error("Empty attribute in format string"));
        }
        obj = if is_attribute {
            vm.getattr(&obj, part)?
        } else {
            match field_integer(part)? {
                Some(n) => vm.getitem(&obj, &Value::Int(n as i64))?,
                None => vm.getitem(&obj, &Value::str(part))?,
            }
        };
        i = if is_attribute { part_end } else { part_end + 1 };
    }
    Ok(obj)
}

/// `!r`, `!s`, `!a`.
fn convert_field(vm: &mut Vm<'_>, v: &Value, conversion: char) -> PyResult<Value> {
    match conversion {
        'r' => Ok(Value::str(vm.repr(v)?)),
        's' => Ok(Value::str(vm.to_str(v)?)),
        'a' => Ok(Value::str(ascii_escape(&vm.repr(v)?))),
        c if (33..127).contains(&(c as u32)) => {
            Err(value_error(format!("Unknown conversion specifier {c}")))
        }
        c => Err(value_error(format!(
            "Unknown conversion specifier \\x{:x}",
            c as u32
        ))),
    }
}

fn render_field(
    vm: &mut Vm<'_>,
    field: &Field<'_>,
    src: &FieldSource<'_>,
    auto: &mut AutoNumber,
    depth: u32,
    out: &mut String,
) -> PyResult<()> {
    let mut obj = field_value(vm, field.name, src, auto)?;
    if let Some(c) = field.conversion {
        obj = convert_field(vm, &obj, c)?;
    }
    let expanded;
    let spec = if field.nested {
        expanded = build_string(vm, field.spec, src, auto, depth - 1)?;
        expanded.as_str()
    } else {
        field.spec
    };
    out.push_str(&vm.format(&obj, spec)?);
    Ok(())
}

fn build_string(
    vm: &mut Vm<'_>,
    fmt: &str,
    src: &FieldSource<'_>,
    auto: &mut AutoNumber,
    depth: u32,
) -> PyResult<String> {
    if depth == 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let mut out = String::with_capacity(fmt.len());
    let mut pos = 0;
    while let Some((literal, field)) = next_markup(fmt, &mut pos)? {
        out.push_str(literal);
        if let Some(field) = field {
            render_field(vm, &field, src, auto, depth, &mut out)?;
        }
        check_size(out.len())?;
    }
    Ok(out)
}

fn format(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let s = this::<PyStr>(vm, &args, "format")?;
    let src = FieldSource {
        positional: Some(args.get(1..).unwrap_or(&[])),
        named: Named::Keywords(&kwargs),
    };
    Ok(Value::str(build_string(
        vm,
        s.as_str(),
        &src,
        &mut AutoNumber::default(),
        FORMAT_DEPTH,
    )?))
}

fn format_map(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let s = one_arg::<PyStr>(vm, &args, &kwargs, "format_map")?;
    let src = FieldSource {
        positional: None,
        named: Named::Mapping(&args[1]),
    };
    Ok(Value::str(build_string(
        vm,
        s.as_str(),
        &src,
        &mut AutoNumber::default(),
        FORMAT_DEPTH,
    )?))
}

// ---------------------------------------------------------------------------------------
// str % args
// ---------------------------------------------------------------------------------------

/// The right operand of `%` as the formatter in `text::format` sees it.
struct PercentOperand<'v, 'a> {
    vm: &'v mut Vm<'a>,
    args: &'v Value,
}

struct PercentError(PyErr);

impl From<FormatError> for PercentError {
    fn from(e: FormatError) -> Self {
        PercentError(format_error(e))
    }
}

impl From<PyErr> for PercentError {
    fn from(e: PyErr) -> Self {
        PercentError(e)
    }
}

impl PercentOperand<'_, '_> {
    fn arg(&mut self, key: PercentKey<'_>) -> PyResult<Value> {
        match key {
            PercentKey::Index(i) => match self.args {
                Value::Tuple(t) => t
                    .items
                    .get(i)
                    .cloned()
                    .ok_or_else(|| type_error("not enough arguments for format string")),
                other => Ok(other.clone()),
            },
            PercentKey::Name(k) => self.vm.getitem(self.args, &Value::str(k)),
        }
    }
}

impl PercentArgs for PercentOperand<'_, '_> {
    type Error = PercentError;

    /// CPython: `PyMapping_Check(args) && !PyTuple_Check(args) && !PyUnicode_Check(args)`.
    fn is_mapping(&self) -> bool {
        match self.args {
            Value::Dict(_) | Value::List(_) | Value::Bytes(_) | Value::Range(_) => true,
            Value::Instance(i) => i.class.lookup("__getitem__").is_some(),
            _ => false,
        }
    }
    fn positional_len(&self) -> usize {
        match self.args {
            Value::Tuple(t) => t.items.len(),
            _ => 1,
        }
    }
    fn str_of(&mut self, key: PercentKey<'_>) -> Result<String, PercentError> {
        let v = self.arg(key)?;
        Ok(self.vm.to_str(&v)?)
    }
    fn repr_of(&mut self, key: PercentKey<'_>) -> Result<String, PercentError> {
        let v = self.arg(key)?;
        Ok(self.vm.repr(&v)?)
    }
    fn int_of(&mut self, key: PercentKey<'_>, conversion: char) -> Result<BigInt, PercentError> {
        let v = self.arg(key)?;
        Ok(percent_int(self.vm, &v, conversion)?)
    }
    fn float_of(&mut self, key: PercentKey<'_>, _conversion: char) -> Result<f64, PercentError> {
        let v = self.arg(key)?;
        Ok(percent_float(self.vm, &v)?)
    }
    fn char_of(&mut self, key: PercentKey<'_>) -> Result<char, PercentError> {
        let v = self.arg(key)?;
        Ok(percent_char(self.vm, &v)?)
    }
}

/// `int(f)` of a float (truncating), with CPython's errors for NaN and infinities.
fn float_to_int(f: f64) -> PyResult<BigInt> {
    if f.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    BigInt::from_f64(f.trunc())
        .ok_or_else(|| overflow_error("cannot convert float infinity to integer"))
}

/// The int for '%d' and friends ('%x', '%o', '%X' need an exact int or `__index__`; '*'
/// an exact int).
fn percent_int(vm: &mut Vm<'_>, v: &Value, conversion: char) -> PyResult<BigInt> {
    if let Some(i) = to_bigint(v) {
        return Ok(i);
    }
    if conversion == '*' {
        return Err(type_error("* wants int"));
    }
    let integer_only = matches!(conversion, 'o' | 'x' | 'X');
    let method = match v {
        Value::Float(f) if !integer_only => return float_to_int(*f),
        Value::Instance(i) if integer_only => i.class.lookup("__index__"),
        Value::Instance(i) => i
            .class
            .lookup("__int__")
            .or_else(|| i.class.lookup("__index__")),
        _ => None,
    };
    if let Some(f) = method {
        let r = vm.call1(&f, v.clone())?;
        return to_bigint(&r).ok_or_else(|| {
            type_error(format!(
                "__index__ returned non-int (type {})",
                vm.type_name(&r)
            ))
        });
    }
    let required = if integer_only {
        "an integer is required"
    } else {
        "a real number is required"
    };
    Err(type_error(format!(
        "%{conversion} format: {required}, not {}",
        vm.type_name(v)
    )))
}

/// The float for '%f' and friends (`float(v)`).
fn percent_float(vm: &mut Vm<'_>, v: &Value) -> PyResult<f64> {
    if let Some(f) = to_f64(v)? {
        return Ok(f);
    }
    if let Value::Instance(i) = v {
        if let Some(f) = i
            .class
            .lookup("__float__")
            .or_else(|| i.class.lookup("__index__"))
        {
            let r = vm.call1(&f, v.clone())?;
            if let Some(x) = to_f64(&r)? {
                return Ok(x);
            }
        }
    }
    Err(type_error(format!(
        "must be real number, not {}",
        vm.type_name(v)
    )))
}

/// '%c': a one-character str or a code point (an int or an object with `__index__`).
fn percent_char(vm: &mut Vm<'_>, v: &Value) -> PyResult<char> {
    let code = match v {
        Value::Str(s) if s.char_len() == 1 => return Ok(s.char_at(0)),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => to_bigint(v),
        Value::Instance(i) if i.class.lookup("__index__").is_some() => {
            let f = i.class.lookup("__index__").unwrap_or(Value::None);
            to_bigint(&vm.call1(&f, v.clone())?)
        }
        _ => return Err(type_error("%c requires int or char")),
    };
    let code = code.and_then(|n| n.to_u32()).filter(|&c| c < 0x110000);
    let code = code.ok_or_else(|| overflow_error("%c arg not in range(0x110000)"))?;
    Ok(char::from_u32(code).unwrap_or('\u{fffd}'))
}

/// The right operand of `bytes % args`: as for str, except what '%s', '%b' and '%c'
/// accept, and which operands are mappings.
struct BytesPercentOperand<'v, 'a>(PercentOperand<'v, 'a>);

impl BytesPercentOperand<'_, '_> {
    /// The argument a conversion takes: `%(name)` keys are bytes here.
    fn arg(&mut self, key: PercentKey<'_>) -> PyResult<Value> {
        match key {
            PercentKey::Name(k) => {
                let key = Value::Bytes(Rc::new(k.chars().map(|c| c as u32 as u8).collect()));
                self.0.vm.getitem(self.0.args, &key)
            }
            index => self.0.arg(index),
        }
    }
}

impl PercentArgs for BytesPercentOperand<'_, '_> {
    type Error = PercentError;

    /// CPython: a mapping that is not a tuple, bytes or str.
    fn is_mapping(&self) -> bool {
        match self.0.args {
            Value::Bytes(_) => false,
            Value::ByteArray(_) => true,
            _ => self.0.is_mapping(),
        }
    }
    fn positional_len(&self) -> usize {
        self.0.positional_len()
    }
    fn str_of(&mut self, key: PercentKey<'_>) -> Result<String, PercentError> {
        self.bytes_of(key)
    }
    fn repr_of(&mut self, key: PercentKey<'_>) -> Result<String, PercentError> {
        let v = self.arg(key)?;
        Ok(self.0.vm.repr(&v)?)
    }
    fn int_of(&mut self, key: PercentKey<'_>, conversion: char) -> Result<BigInt, PercentError> {
        let v = self.arg(key)?;
        Ok(percent_int(self.0.vm, &v, conversion)?)
    }
    fn float_of(&mut self, key: PercentKey<'_>, _conversion: char) -> Result<f64, PercentError> {
        let v = self.arg(key)?;
        Ok(percent_float(self.0.vm, &v)?)
    }
    /// An int in range(256), or a bytes/bytearray of length 1.
    fn char_of(&mut self, key: PercentKey<'_>) -> Result<char, PercentError> {
        let v = self.arg(key)?;
        let byte = match &v {
            Value::Bytes(b) if b.len() == 1 => Some(b[0]),
            Value::ByteArray(b) if b.data.borrow().len() == 1 => Some(b.data.borrow()[0]),
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Instance(_) if !matches!(&v, Value::Instance(i) if i.class.lookup("__index__").is_none()) =>
            {
                let code = match &v {
                    Value::Instance(_) => percent_int(self.0.vm, &v, 'x')?,
                    _ => to_bigint(&v).unwrap_or_default(),
                };
                let code = code.to_u8();
                Some(code.ok_or_else(|| overflow_error("%c arg not in range(256)"))?)
            }
            _ => None,
        };
        let byte = byte
            .ok_or_else(|| type_error("%c requires an integer in range(256) or a single byte"))?;
        Ok(char::from(byte))
    }
    fn formats_bytes(&self) -> bool {
        true
    }
    fn bytes_of(&mut self, key: PercentKey<'_>) -> Result<String, PercentError> {
        let v = self.arg(key)?;
        let data = match v.bytes_like() {
            Some(data) => data,
            None => {
                let method = match &v {
                    Value::Instance(i) => i.class.lookup("__bytes__"),
                    _ => None,
                };
                let produced = match method {
                    Some(f) => self.0.vm.call1(&f, v.clone())?,
                    None => Value::None,
                };
                match produced {
                    Value::Bytes(b) => b,
                    _ => {
                        return Err(type_error(format!(
                            "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                            self.0.vm.type_name(&v)
                        ))
                        .into())
                    }
                }
            }
        };
        Ok(data.iter().map(|&b| char::from(b)).collect())
    }
}

/// `fmt % args` for bytes and bytearray (the result has `fmt`'s type).
pub(crate) fn bytes_percent_format(vm: &mut Vm<'_>, fmt: &Value, args: &Value) -> PyResult<Value> {
    let Some(data) = fmt.bytes_like() else {
        return Err(type_error("bytes % needs a bytes-like format"));
    };
    let text: String = data.iter().map(|&b| char::from(b)).collect();
    let mut operand = BytesPercentOperand(PercentOperand { vm, args });
    let out = fmt::percent_format(&text, &mut operand).map_err(|e| e.0)?;
    // Every conversion yields chars below U+0100 here, one per byte.
    let out: Vec<u8> = out.chars().map(|c| c as u32 as u8).collect();
    check_size(out.len())?;
    vm.reserve(out.len() as u64, 1)?;
    Ok(match fmt {
        Value::ByteArray(_) => Value::bytearray(out),
        _ => Value::Bytes(Rc::new(out)),
    })
}

/// `fmt % args`.
pub(crate) fn percent_format(vm: &mut Vm<'_>, fmt: &Rc<PyStr>, args: &Value) -> PyResult<Value> {
    let mut operand = PercentOperand { vm, args };
    let out = fmt::percent_format(fmt.as_str(), &mut operand).map_err(|e| e.0)?;
    check_size(out.len())?;
    Ok(Value::str(out))
}

// ---------------------------------------------------------------------------------------
// translate / maketrans
// ---------------------------------------------------------------------------------------

/// A translation table's int value as a character.
fn mapped_char(v: &Value) -> PyResult<char> {
    let code = to_bigint(v)
        .and_then(|n| n.to_u32())
        .filter(|&c| c < 0x110000);
    let code = code.ok_or_else(|| value_error("character mapping must be in range(0x110000)"))?;
    Ok(char::from_u32(code).unwrap_or('\u{fffd}'))
}

fn translate(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let s = one_arg::<PyStr>(vm, &args, &kwargs, "translate")?;
    let table = &args[1];
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        match vm.getitem(table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Str(r)) => out.push_str(r.as_str()),
            Ok(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => {
                out.push(mapped_char(&v)?)
            }
            Ok(_) => {
                return Err(type_error(
                    "character mapping must return integer, None or str",
                ))
            }
            Err(e) if e.is("LookupError") => out.push(c),
            Err(e) => return Err(e),
        }
        check_size(out.len())?;
    }
    Ok(Value::str(out))
}

/// `str.maketrans(x[, y[, z]])` (a static method).
fn maketrans(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("str.maketrans", &kwargs)?;
    check_args("maketrans", &args, 1, 3)?;
    for (n, v) in args.iter().enumerate().skip(1) {
        if !matches!(v, Value::Str(_)) {
            return Err(type_error(format!(
                "maketrans() argument {} must be str, not {}",
                n + 1,
                clinic_type(vm, v)
            )));
        }
    }
    let table = Value::Dict(Rc::new(PyDict::new()));
    if args.len() == 1 {
        if !matches!(args[0], Value::Dict(_)) {
            return Err(type_error(
                "if you give only one argument to maketrans it must be a dict",
            ));
        }
        for (k, v) in vm.dict_items(&args[0]) {
            let key = match &k {
                Value::Str(s) if s.char_len() == 1 => Value::Int(s.char_at(0) as i64),
                Value::Str(_) => {
                    return Err(value_error(
                        "string keys in translate table must be of length 1",
                    ))
                }
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => k.clone(),
                _ => {
                    return Err(type_error(
                        "keys in translate table must be strings or integers",
                    ))
                }
            };
            vm.dict_set(&table, key, v)?;
        }
        return Ok(table);
    }
    let (Value::Str(x), Value::Str(y)) = (&args[0], &args[1]) else {
        return Err(type_error(
            "first maketrans argument must be a string if there is a second argument",
        ));
    };
    if x.char_len() != y.char_len() {
        return Err(value_error(
            "the first two maketrans arguments must have equal length",
        ));
    }
    for (a, b) in x.as_str().chars().zip(y.as_str().chars()) {
        vm.dict_set(&table, Value::Int(a as i64), Value::Int(b as i64))?;
    }
    if let Some(Value::Str(z)) = args.get(2) {
        for c in z.as_str().chars() {
            vm.dict_set(&table, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(table)
}

// ---------------------------------------------------------------------------------------
// Codecs: encode / decode (utf-8, ascii, latin-1)
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Codec {
    Utf8,
    Ascii,
    Latin1,
}

impl Codec {
    /// Look a codec up by any of CPython's aliases ("UTF-8", "utf8", "latin_1"...).
    fn lookup(name: &str) -> PyResult<Codec> {
        match crate::source::codec_key(name).as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "cp65001" => Ok(Codec::Utf8),
            "ascii" | "us_ascii" | "646" | "us" => Ok(Codec::Ascii),
            "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859"
            | "cp819" | "iso_ir_100" => Ok(Codec::Latin1),
            _ => Err(PyErr::new(
                "LookupError",
                format!("unknown encoding: {name}"),
            )),
        }
    }

    fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
        }
    }

    /// First code point the codec cannot encode.
    fn limit(self) -> u32 {
        match self {
            Codec::Utf8 => 0x110000,
            Codec::Ascii => 0x80,
            Codec::Latin1 => 0x100,
        }
    }
}

fn unknown_handler(name: &str) -> PyErr {
    PyErr::new(
        "LookupError",
        format!("unknown error handler name '{name}'"),
    )
}

/// `\xe9`, `\u20ac`, `\U0001f600`: how encode errors and backslashreplace show a character.
fn escape_code_point(c: char) -> String {
    match c as u32 {
        n if n < 0x100 => format!("\\x{n:02x}"),
        n if n < 0x10000 => format!("\\u{n:04x}"),
        n => format!("\\U{n:08x}"),
    }
}

fn encode_error(codec: Codec, chars: &[char], start: usize, end: usize) -> PyErr {
    let what = if end - start == 1 {
        format!(
            "character '{}' in position {start}",
            chars
                .get(start)
                .map_or(String::new(), |&c| escape_code_point(c))
        )
    } else {
        format!("characters in position {start}-{}", end - 1)
    };
    let message = format!(
        "'{}' codec can't encode {what}: ordinal not in range({})",
        codec.name(),
        codec.limit()
    );
    PyErr::new("UnicodeEncodeError", message)
}

fn encode_text(text: &str, codec: Codec, errors: &str) -> PyResult<Vec<u8>> {
    if codec == Codec::Utf8 {
        return Ok(text.as_bytes().to_vec());
    }
    let limit = codec.limit();
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if (chars[i] as u32) < limit {
            out.push(chars[i] as u8);
            i += 1;
            continue;
        }
        let end = i + chars[i..]
            .iter()
            .take_while(|&&c| c as u32 >= limit)
            .count();
        let run = &chars[i..end];
        match errors {
            "strict" => return Err(encode_error(codec, &chars, i, end)),
            "ignore" => {}
            "replace" => out.extend(std::iter::repeat_n(b'?', run.len())),
            "backslashreplace" => run
                .iter()
                .for_each(|&c| out.extend_from_slice(escape_code_point(c).as_bytes())),
            "xmlcharrefreplace" => run
                .iter()
                .for_each(|&c| out.extend_from_slice(format!("&#{};", c as u32).as_bytes())),
            other => return Err(unknown_handler(other)),
        }
        check_size(out.len())?;
        i = end;
    }
    Ok(out)
}

fn decode_error(codec: Codec, bytes: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let what = if end - start == 1 {
        format!(
            "byte 0x{:02x} in position {start}",
            bytes.get(start).copied().unwrap_or(0)
        )
    } else {
        format!("bytes in position {start}-{}", end - 1)
    };
    PyErr::new(
        "UnicodeDecodeError",
        format!("'{}' codec can't decode {what}: {reason}", codec.name()),
    )
}

/// Apply error handler `errors` to the undecodable bytes `start..end`.
fn decode_failure(
    out: &mut String,
    codec: Codec,
    bytes: &[u8],
    (start, end): (usize, usize),
    reason: &str,
    errors: &str,
) -> PyResult<()> {
    match errors {
        "strict" => Err(decode_error(codec, bytes, start, end, reason)),
        "ignore" => Ok(()),
        "replace" => {
            out.push('\u{fffd}');
            Ok(())
        }
        "backslashreplace" => {
            sub_slice(bytes, start, end).iter().for_each(|b| {
                let _ = write!(out, "\\x{b:02x}");
            });
            Ok(())
        }
        "xmlcharrefreplace" => Err(type_error(
            "don't know how to handle UnicodeDecodeError in error callback",
        )),
        other => Err(unknown_handler(other)),
    }
}

/// CPython's reason for an invalid UTF-8 sequence of `len` bytes starting with `first`.
fn utf8_reason(first: u8, len: Option<usize>) -> &'static str {
    match len {
        None => "unexpected end of data",
        Some(1) if (0x80..=0xc1).contains(&first) || first >= 0xf5 => "invalid start byte",
        Some(_) => "invalid continuation byte",
    }
}

fn decode_bytes(bytes: &[u8], codec: Codec, errors: &str) -> PyResult<String> {
    let mut out = String::with_capacity(bytes.len());
    match codec {
        Codec::Latin1 => out.extend(bytes.iter().map(|&b| b as char)),
        Codec::Ascii => {
            for (i, &b) in bytes.iter().enumerate() {
                if b < 0x80 {
                    out.push(b as char);
                } else {
                    decode_failure(
                        &mut out,
                        codec,
                        bytes,
                        (i, i + 1),
                        "ordinal not in range(128)",
                        errors,
                    )?;
                }
            }
        }
        Codec::Utf8 => {
            let mut offset = 0;
            while offset < bytes.len() {
                let rest = &bytes[offset..];
                match std::str::from_utf8(rest) {
                    Ok(valid) => {
                        out.push_str(valid);
                        break;
                    }
                    Err(e) => {
                        let valid = e.valid_up_to();
                        out.push_str(std::str::from_utf8(&rest[..valid]).unwrap_or_default());
                        let bad = e.error_len().unwrap_or(rest.len() - valid);
                        let reason =
                            utf8_reason(rest.get(valid).copied().unwrap_or(0), e.error_len());
                        let range = (offset + valid, offset + valid + bad);
                        decode_failure(&mut out, codec, bytes, range, reason, errors)?;
                        offset = range.1;
                    }
                }
            }
        }
    }
    Ok(out)
}

fn encode(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let s = this::<PyStr>(vm, &args, "encode")?;
    let mut slots = bind_args("encode", &args, kwargs, &["encoding", "errors"])?.into_iter();
    let encoding = name_arg(vm, "encode", "encoding", slots.next().flatten(), "utf-8")?;
    let errors = name_arg(vm, "encode", "errors", slots.next().flatten(), "strict")?;
    let codec = Codec::lookup(&encoding)?;
    Ok(Value::Bytes(Rc::new(encode_text(
        s.as_str(),
        codec,
        &errors,
    )?)))
}

fn decode(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let b = this::<Bytes>(vm, &args, "decode")?;
    let mut slots = bind_args("decode", &args, kwargs, &["encoding", "errors"])?.into_iter();
    let encoding = name_arg(vm, "decode", "encoding", slots.next().flatten(), "utf-8")?;
    let errors = name_arg(vm, "decode", "errors", slots.next().flatten(), "strict")?;
    let codec = Codec::lookup(&encoding)?;
    Ok(Value::str(decode_bytes(&b, codec, &errors)?))
}

// ---------------------------------------------------------------------------------------
// bytes: repr, hex and the ASCII-only methods
// ---------------------------------------------------------------------------------------

/// CPython's `repr()` of bytes: `b'...'`, double quotes only when that avoids escaping.
pub(crate) fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &x in b {
        match x {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if x == quote => {
                out.push('\\');
                out.push(x as char);
            }
            0x20..=0x7e => out.push(x as char),
            _ => {
                let _ = write!(out, "\\x{x:02x}");
            }
        }
    }
    out.push(quote as char);
    out
}

/// Hex digits of `b`, with `sep` between groups of `per` bytes counted from the right
/// (from the left when `per` is negative).
fn hex_grouped(b: &[u8], sep: Option<u8>, per: i32) -> String {
    let group = per.unsigned_abs() as usize;
    let mut out = String::with_capacity(b.len() * 3);
    for (i, x) in b.iter().enumerate() {
        if let Some(sep) = sep.filter(|_| i > 0 && group > 0) {
            let boundary = if per > 0 {
                (b.len() - i).is_multiple_of(group)
            } else {
                i.is_multiple_of(group)
            };
            if boundary {
                out.push(sep as char);
            }
        }
        let _ = write!(out, "{x:02x}");
    }
    out
}

/// `hex()`'s separator: one ASCII character, as str or bytes.
fn hex_separator(vm: &Vm<'_>, v: &Value) -> PyResult<u8> {
    let (len, first) = match v {
        Value::Str(s) => (s.char_len(), s.as_str().chars().next().map(|c| c as u32)),
        Value::Bytes(b) => (b.len(), b.first().map(|&x| x as u32)),
        _ => {
            return Err(type_error(format!(
                "object of type '{}' has no len()",
                vm.type_name(v)
            )))
        }
    };
    if len != 1 {
        return Err(value_error("sep must be length 1."));
    }
    match first {
        Some(c) if c < 0x80 => Ok(c as u8),
        _ => Err(value_error("sep must be ASCII.")),
    }
}

fn hex(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let b = this::<Bytes>(vm, &args, "hex")?;
    let mut slots = bind_args("hex", &args, kwargs, &["sep", "bytes_per_sep"])?.into_iter();
    let sep = match slots.next().flatten() {
        Some(v) => Some(hex_separator(vm, &v)?),
        None => None,
    };
    let per = match slots.next().flatten() {
        Some(v) => c_int(vm, &v)?,
        None => 1,
    };
    Ok(Value::str(hex_grouped(&b, sep, per)))
}

fn bytes_upper(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    map_text(vm, &args, &kwargs, "upper", |b: &Bytes| {
        Value::Bytes(Rc::new(b.to_ascii_uppercase()))
    })
}

fn bytes_lower(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    map_text(vm, &args, &kwargs, "lower", |b: &Bytes| {
        Value::Bytes(Rc::new(b.to_ascii_lowercase()))
    })
}

fn bytes_isdigit(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    test_text(vm, &args, &kwargs, "isdigit", |b: &Bytes| {
        !b.is_empty() && b.iter().all(u8::is_ascii_digit)
    })
}

fn bytes_isalpha(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    test_text(vm, &args, &kwargs, "isalpha", |b: &Bytes| {
        !b.is_empty() && b.iter().all(u8::is_ascii_alphabetic)
    })
}

fn bytes_isalnum(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    test_text(vm, &args, &kwargs, "isalnum", |b: &Bytes| {
        !b.is_empty() && b.iter().all(u8::is_ascii_alphanumeric)
    })
}

fn bytes_isspace(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    test_text(vm, &args, &kwargs, "isspace", |b: &Bytes| {
        !b.is_empty() && b.iter().all(|&x| Bytes::is_space(x as u32))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_repr_picks_quotes_like_cpython() {
        assert_eq!(bytes_repr(b"ab"), "b'ab'");
        assert_eq!(bytes_repr(b"it's"), "b\"it's\"");
        assert_eq!(bytes_repr(b"'\""), "b'\\'\"'");
        assert_eq!(bytes_repr(b"\x00\t\xff\\"), "b'\\x00\\t\\xff\\\\'");
    }

    #[test]
    fn hex_groups_from_the_right_or_left() {
        assert_eq!(hex_grouped(b"abcde", Some(b':'), 2), "61:6263:6465");
        assert_eq!(hex_grouped(b"abcde", Some(b':'), -2), "6162:6364:65");
        assert_eq!(hex_grouped(b"abc", Some(b'-'), 1), "61-62-63");
        assert_eq!(hex_grouped(b"abc", None, 1), "616263");
    }

    #[test]
    fn case_mappings_follow_cpython() {
        assert_eq!(str_title("they're bill's ǆx ß"), "They'Re Bill'S ǅx Ss");
        assert_eq!(str_capitalize("ǆA ΣΑΣ"), "ǅa σας");
        assert_eq!(str_swapcase("aΣ Bß"), "Aς bSS");
        let mut folded = String::new();
        "ẞıꭰ".chars().for_each(|c| push_casefold(&mut folded, c));
        assert_eq!(folded, "ssıᎠ");
    }

    #[test]
    fn windows_clamp_like_adjust_indices() {
        let s = PyStr::new("héllo".to_string());
        assert_eq!(window(&s, None, None), Some((0, 6)));
        assert_eq!(window(&s, Some(-2), None), Some((4, 6)));
        assert_eq!(window(&s, Some(2), Some(1)), None);
        assert_eq!(window(&s, Some(i64::MIN), Some(i64::MAX)), Some((0, 6)));
    }
}
