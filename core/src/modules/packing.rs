//! The `struct` module: `pack`, `unpack`, `unpack_from`, `calcsize` here, and `Struct`,
//! `iter_unpack` and `error` in `py/struct.py` over them.
//!
//! A format is parsed into [`Item`]s (code, repeat count, byte offset) once per call:
//! `@` (the default) lays items out with the native sizes and alignment of CPython on a
//! 64-bit Linux (`l`, `L`, `n`, `N`, `P` are 8 bytes) on every target, so a program packs
//! the same bytes natively and in wasm; `=`, `<`, `>` and `!` use the standard sizes with
//! no alignment. Invariant: bytes, values and every `struct.error` message (range checks
//! included) are CPython 3.11's on x86-64 Linux.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::builtins::{native, new_module};
use crate::objects::{Kwargs, Module, Value};
use crate::vm::{type_error, PyErr, PyResult, Vm};

pub(crate) fn module(vm: &mut Vm<'_>) -> PyResult<Rc<Module>> {
    let m = new_module("struct");
    {
        let mut attrs = m.attrs.borrow_mut();
        attrs.insert("pack".into(), native("pack", pack));
        attrs.insert("unpack".into(), native("unpack", unpack));
        attrs.insert("unpack_from".into(), native("unpack_from", unpack_from));
        attrs.insert("pack_into".into(), native("pack_into", pack_into));
        attrs.insert("calcsize".into(), native("calcsize", calcsize));
    }
    // Registered first: the Python half's functions raise `struct.error` through it.
    vm.register_module("struct", &m);
    if let Err(e) = vm.exec_builtin_source(&m, include_str!("py/struct.py"), "<frozen struct>") {
        vm.unregister_module("struct");
        return Err(e);
    }
    Ok(m)
}

/// `struct.error(message)` (the class the Python half defines).
fn struct_error(vm: &Vm<'_>, message: impl Into<String>) -> PyErr {
    let class = vm
        .rt
        .modules
        .get("struct")
        .and_then(|m| m.attrs.borrow().get("error").cloned());
    match class {
        Some(Value::Class(c)) => PyErr::with_args(&c, vec![Value::str(message.into())]),
        _ => PyErr::new("ValueError", message),
    }
}

/// One format code with its repeat count, placed at `offset` in the packed bytes. Sizes
/// are 64-bit on every target, so `calcsize` answers as a 64-bit CPython does on wasm32
/// too; they are narrowed to `usize` only once a buffer of that size exists.
struct Item {
    code: u8,
    count: u64,
    offset: u64,
}

/// A parsed format: items, total size, byte order, native sizes.
struct Layout {
    items: Vec<Item>,
    size: u64,
    little: bool,
    native: bool,
}

impl Layout {
    /// How many values `pack` takes and `unpack` returns.
    fn arity(&self) -> u64 {
        self.items
            .iter()
            .map(|i| match i.code {
                b'x' => 0,
                b's' | b'p' => 1,
                _ => i.count,
            })
            .sum()
    }
}

/// Size of one `code` (alignment is the same), or None for a code the mode lacks.
fn code_size(code: u8, native: bool) -> Option<usize> {
    Some(match code {
        b'x' | b'c' | b'b' | b'B' | b'?' | b's' | b'p' => 1,
        b'h' | b'H' | b'e' => 2,
        b'i' | b'I' | b'f' => 4,
        b'l' | b'L' => {
            if native {
                8
            } else {
                4
            }
        }
        b'q' | b'Q' | b'd' => 8,
        b'n' | b'N' | b'P' if native => 8,
        _ => return None,
    })
}

fn format_text(vm: &Vm<'_>, fmt: &Value) -> PyResult<String> {
    match fmt {
        Value::Str(s) => Ok(s.as_str().to_string()),
        Value::Bytes(b) => Ok(b.iter().map(|&c| c as char).collect()),
        other => Err(type_error(format!(
            "Struct() argument 1 must be a str or bytes object, not {}",
            vm.type_name(other)
        ))),
    }
}

fn parse(vm: &Vm<'_>, fmt: &Value) -> PyResult<Layout> {
    let text = format_text(vm, fmt)?;
    let bytes = text.as_bytes();
    let (little, native, mut i) = match bytes.first() {
        Some(b'@') => (true, true, 1),
        Some(b'=') | Some(b'<') => (true, false, 1),
        Some(b'>') | Some(b'!') => (false, false, 1),
        _ => (true, true, 0),
    };
    let mut items = Vec::new();
    let mut size = 0u64;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let mut count: Option<u64> = None;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            let digit = (bytes[i] - b'0') as u64;
            count = Some(
                count
                    .unwrap_or(0)
                    .checked_mul(10)
                    .and_then(|n| n.checked_add(digit))
                    .ok_or_else(|| struct_error(vm, "total struct size too long"))?,
            );
            i += 1;
        }
        let Some(&code) = bytes.get(i) else {
            return Err(struct_error(
                vm,
                "repeat count given without format specifier",
            ));
        };
        i += 1;
        let Some(one) = code_size(code, native) else {
            return Err(struct_error(vm, "bad char in struct format"));
        };
        let one = one as u64;
        let count = count.unwrap_or(1);
        if native && one > 1 {
            size = size.div_ceil(one) * one;
        }
        items.push(Item {
            code,
            count,
            offset: size,
        });
        size = count
            .checked_mul(one)
            .and_then(|n| size.checked_add(n))
            .filter(|&n| n <= i64::MAX as u64)
            .ok_or_else(|| struct_error(vm, "total struct size too long"))?;
    }
    Ok(Layout {
        items,
        size,
        little,
        native,
    })
}

/// The bytes of a bytes-like argument.
fn buffer_bytes(vm: &Vm<'_>, v: &Value) -> PyResult<Rc<Vec<u8>>> {
    if let Value::MemoryView(m) = v {
        crate::builtins::bytearray::live(m)?;
        if !m.contiguous() {
            return Err(PyErr::new(
                "BufferError",
                "memoryview: underlying buffer is not C-contiguous",
            ));
        }
    }
    if let Some(b) = v.bytes_like() {
        return Ok(b);
    }
    match crate::builtins::subclass::base_value(v) {
        Some(Value::Bytes(b)) => Ok(b),
        _ => Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))),
    }
}

/// The integer value of a `pack` argument (`__index__` is honoured, floats are not).
fn int_arg(vm: &mut Vm<'_>, v: &Value) -> PyResult<BigInt> {
    match v {
        Value::Int(i) => Ok(BigInt::from(*i)),
        Value::Bool(b) => Ok(BigInt::from(*b as i64)),
        Value::BigInt(b) => Ok((**b).clone()),
        Value::Instance(i) => {
            if let Some(base) = crate::builtins::subclass::base_value(v) {
                if !matches!(base, Value::Float(_)) {
                    return int_arg(vm, &base);
                }
            }
            match i.class.lookup("__index__") {
                Some(f) => {
                    let r = vm.call1(&f, v.clone())?;
                    int_arg(vm, &r)
                }
                None => Err(struct_error(vm, "required argument is not an integer")),
            }
        }
        _ => Err(struct_error(vm, "required argument is not an integer")),
    }
}

fn float_arg(vm: &mut Vm<'_>, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => b
            .to_f64()
            .filter(|f| f.is_finite())
            .ok_or_else(|| PyErr::new("OverflowError", "int too large to convert to float")),
        Value::Instance(i) => {
            if let Some(base) = crate::builtins::subclass::base_value(v) {
                return float_arg(vm, &base);
            }
            match i.class.lookup("__float__") {
                Some(f) => {
                    let r = vm.call1(&f, v.clone())?;
                    float_arg(vm, &r)
                }
                None => Err(struct_error(vm, "required argument is not a float")),
            }
        }
        _ => Err(struct_error(vm, "required argument is not a float")),
    }
}

/// The integer `v` checked for `code`'s range, as the bytes of a u64 (two's complement).
fn pack_int(vm: &mut Vm<'_>, code: u8, size: usize, native: bool, v: &Value) -> PyResult<u64> {
    let n = int_arg(vm, v)?;
    let out_of_range = || struct_error(vm, "argument out of range");
    let signed = code.is_ascii_lowercase();
    // b, B, h, H are read as a C long first, then checked against their own range.
    let via_long = matches!(code, b'b' | b'B' | b'h' | b'H');
    if signed || via_long {
        let x = n.to_i64().ok_or_else(out_of_range)?;
        let (lo, hi, what): (i64, i64, String) = match code {
            b'b' => (-128, 127, "byte format".into()),
            b'B' => (0, 255, "ubyte format".into()),
            b'h' => (-32768, 32767, "short format".into()),
            b'H' => (0, 65535, "ushort format".into()),
            _ if size == 4 => (
                i32::MIN as i64,
                i32::MAX as i64,
                format!("'{}' format", code as char),
            ),
            _ => return Ok(x as u64),
        };
        if x < lo || x > hi {
            return Err(struct_error(
                vm,
                format!("{what} requires {lo} <= number <= {hi}"),
            ));
        }
        return Ok(x as u64);
    }
    let x = n.to_u64().ok_or_else(out_of_range)?;
    if size == 4 && x > u32::MAX as u64 {
        let _ = native;
        return Err(struct_error(
            vm,
            format!(
                "'{}' format requires 0 <= number <= {}",
                code as char,
                u32::MAX
            ),
        ));
    }
    Ok(x)
}

/// IEEE 754 binary16 bits of `x`, rounding half to even (CPython's PyFloat_Pack2).
fn half_bits(x: f64) -> Option<u16> {
    let sign = (x.is_sign_negative() as u16) << 15;
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    if x.is_infinite() {
        return Some(sign | 0x7c00);
    }
    let a = x.abs();
    if a == 0.0 {
        return Some(sign);
    }
    let bits = a.to_bits();
    let exp_bits = ((bits >> 52) & 0x7ff) as i32;
    if exp_bits == 0 {
        return Some(sign); // an f64 subnormal is far below binary16's range
    }
    let mut e = exp_bits - 1023;
    let mut f = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | (1023u64 << 52));
    if e >= 16 {
        return None;
    } else if e < -25 {
        f = 0.0;
        e = 0;
    } else if e < -14 {
        f *= 2f64.powi(14 + e);
        e = 0;
    } else {
        e += 15;
        f -= 1.0;
    }
    f *= 1024.0;
    let mut m = f as u16;
    let rest = f - m as f64;
    if rest > 0.5 || (rest == 0.5 && m % 2 == 1) {
        m += 1;
        if m == 1024 {
            m = 0;
            e += 1;
            if e == 31 {
                return None;
            }
        }
    }
    Some(sign | ((e as u16) << 10) | m)
}

fn half_value(h: u16) -> f64 {
    let negative = h & 0x8000 != 0;
    let e = ((h >> 10) & 0x1f) as i32;
    let m = (h & 0x3ff) as f64;
    let x = if e == 0x1f {
        if m == 0.0 {
            f64::INFINITY
        } else {
            f64::NAN
        }
    } else if e == 0 {
        m / 1024.0 * 2f64.powi(-14)
    } else {
        (1.0 + m / 1024.0) * 2f64.powi(e - 15)
    };
    if negative {
        -x
    } else {
        x
    }
}

fn put(out: &mut [u8], at: usize, size: usize, little: bool, bits: u64) {
    let le = bits.to_le_bytes();
    for k in 0..size {
        let byte = le[k];
        if little {
            out[at + k] = byte;
        } else {
            out[at + size - 1 - k] = byte;
        }
    }
}

fn get(data: &[u8], at: usize, size: usize, little: bool) -> u64 {
    let mut bits = 0u64;
    for k in 0..size {
        let byte = if little {
            data[at + size - 1 - k]
        } else {
            data[at + k]
        };
        bits = (bits << 8) | byte as u64;
    }
    bits
}

fn pack(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("pack", &kw)?;
    let Some((fmt, values)) = args.split_first() else {
        return Err(type_error("missing format argument"));
    };
    let layout = parse(vm, fmt)?;
    let arity = layout.arity();
    if values.len() as u64 != arity {
        return Err(struct_error(
            vm,
            format!(
                "pack expected {arity} items for packing (got {})",
                values.len()
            ),
        ));
    }
    let size = vm.reserve(layout.size, 1)?;
    vm.charge(size)?;
    let mut out = vec![0u8; size];
    let mut next = values.iter();
    let little = layout.little;
    for item in &layout.items {
        let one = code_size(item.code, layout.native).unwrap_or(1);
        match item.code {
            b'x' => {}
            b's' | b'p' => {
                let v = next.next().cloned().unwrap_or(Value::None);
                let data = match &v {
                    Value::Bytes(_) | Value::ByteArray(_) => v.bytes_like().unwrap_or_default(),
                    _ => {
                        let msg = format!(
                            "argument for '{}' must be a bytes object",
                            item.code as char
                        );
                        return Err(struct_error(vm, msg));
                    }
                };
                let (at, count) = (item.offset as usize, item.count as usize);
                if item.code == b's' {
                    let n = data.len().min(count);
                    out[at..at + n].copy_from_slice(&data[..n]);
                } else if count > 0 {
                    let n = data.len().min(count - 1).min(255);
                    out[at] = n as u8;
                    out[at + 1..at + 1 + n].copy_from_slice(&data[..n]);
                }
            }
            code => {
                for k in 0..item.count as usize {
                    let v = next.next().cloned().unwrap_or(Value::None);
                    let at = item.offset as usize + k * one;
                    let bits = match code {
                        b'?' => vm.truthy(&v)? as u64,
                        b'c' => match &v {
                            Value::Bytes(b) if b.len() == 1 => b[0] as u64,
                            Value::ByteArray(b) if b.data.borrow().len() == 1 => {
                                b.data.borrow()[0] as u64
                            }
                            _ => {
                                return Err(struct_error(
                                    vm,
                                    "char format requires a bytes object of length 1",
                                ))
                            }
                        },
                        b'e' => {
                            let x = float_arg(vm, &v)?;
                            half_bits(x).ok_or_else(|| {
                                PyErr::new("OverflowError", "float too large to pack with e format")
                            })? as u64
                        }
                        b'f' => {
                            let x = float_arg(vm, &v)?;
                            let y = x as f32;
                            if y.is_infinite() && x.is_finite() && !layout.native {
                                return Err(PyErr::new(
                                    "OverflowError",
                                    "float too large to pack with f format",
                                ));
                            }
                            y.to_bits() as u64
                        }
                        b'd' => float_arg(vm, &v)?.to_bits(),
                        _ => pack_int(vm, code, one, layout.native, &v)?,
                    };
                    put(&mut out, at, one, little, bits);
                }
            }
        }
    }
    Ok(Value::Bytes(Rc::new(out)))
}

/// `pack_into(format, buffer, offset, *values)`: pack into a writable buffer (a
/// bytearray or a memoryview of one) at `offset` (negative from the end).
fn pack_into(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("pack_into", &kw)?;
    let Some(fmt) = args.first() else {
        return Err(type_error("missing format argument"));
    };
    let layout = parse(vm, fmt)?;
    let arity = layout.arity();
    if args.len() as u64 != arity + 3 {
        return Err(match args.len() {
            1 => type_error("pack_into expected buffer argument"),
            2 => struct_error(vm, "pack_into expected offset argument"),
            n => struct_error(
                vm,
                format!(
                    "pack_into expected {arity} items for packing (got {})",
                    n - 3
                ),
            ),
        });
    }
    // The target: (bytearray, first byte, step, length) of the writable window.
    let (target, first, step, len) = match &args[1] {
        Value::ByteArray(b) => {
            let len = b.data.borrow().len();
            (b.clone(), 0usize, 1isize, len)
        }
        Value::MemoryView(m) => {
            crate::builtins::bytearray::live(m)?;
            match &m.source {
                // A writable buffer must be C-contiguous; its bytes are then adjacent.
                Value::ByteArray(b) if m.contiguous() => {
                    (b.clone(), m.start, 1, m.len * m.itemsize())
                }
                _ => {
                    return Err(type_error(
                        "argument must be read-write bytes-like object, not memoryview",
                    ))
                }
            }
        }
        other => {
            return Err(type_error(format!(
                "argument must be read-write bytes-like object, not {}",
                vm.type_name(other)
            )))
        }
    };
    let offset = match &args[2] {
        Value::BigInt(_) => {
            return Err(PyErr::new(
                "OverflowError",
                "Python int too large to convert to C ssize_t",
            ))
        }
        v => vm.index_value(v)?,
    };
    let size = layout.size as i64;
    let n = len as i64;
    let start = if offset < 0 {
        if offset + n < 0 {
            return Err(struct_error(
                vm,
                format!("offset {offset} out of range for {n}-byte buffer"),
            ));
        }
        if size > -offset {
            return Err(struct_error(
                vm,
                format!("no space to pack {size} bytes at offset {offset}"),
            ));
        }
        offset + n
    } else {
        if n - offset < size {
            let msg = if offset > n {
                format!("offset {offset} out of range for {n}-byte buffer")
            } else {
                format!(
                    "pack_into requires a buffer of at least {} bytes for packing {size} bytes at offset {offset} (actual buffer size is {n})",
                    size + offset
                )
            };
            return Err(struct_error(vm, msg));
        }
        offset
    };
    let mut pack_args = vec![fmt.clone()];
    pack_args.extend(args[3..].iter().cloned());
    let Value::Bytes(packed) = pack(vm, pack_args, Vec::new())? else {
        return Ok(Value::None);
    };
    let mut data = target.data.borrow_mut();
    for (k, &byte) in packed.iter().enumerate() {
        let at = first as isize + (start as isize + k as isize) * step;
        if let Some(slot) = data.get_mut(at as usize) {
            *slot = byte;
        }
    }
    Ok(Value::None)
}

fn unpack_at(vm: &mut Vm<'_>, layout: &Layout, data: &[u8], base: usize) -> PyResult<Value> {
    let mut values = Vec::with_capacity(layout.arity() as usize);
    let little = layout.little;
    for item in &layout.items {
        let one = code_size(item.code, layout.native).unwrap_or(1);
        let (at, count) = (base + item.offset as usize, item.count as usize);
        match item.code {
            b'x' => {}
            b's' => values.push(Value::Bytes(Rc::new(data[at..at + count].to_vec()))),
            b'p' => {
                let n = if count == 0 {
                    0
                } else {
                    (data[at] as usize).min(count - 1)
                };
                values.push(Value::Bytes(Rc::new(data[at + 1..at + 1 + n].to_vec())));
            }
            code => {
                for k in 0..count {
                    let bits = get(data, at + k * one, one, little);
                    values.push(match code {
                        b'?' => Value::Bool(bits != 0),
                        b'c' => Value::Bytes(Rc::new(vec![bits as u8])),
                        b'e' => Value::Float(half_value(bits as u16)),
                        b'f' => Value::Float(f32::from_bits(bits as u32) as f64),
                        b'd' => Value::Float(f64::from_bits(bits)),
                        c if c.is_ascii_lowercase() => {
                            let shift = 64 - 8 * one as u32;
                            Value::Int(((bits << shift) as i64) >> shift)
                        }
                        _ => match i64::try_from(bits) {
                            Ok(x) => Value::Int(x),
                            Err(_) => Value::from_bigint(BigInt::from(bits)),
                        },
                    });
                }
            }
        }
    }
    vm.charge(values.len())?;
    Ok(Value::tuple(values))
}

fn unpack(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("unpack", &kw)?;
    if args.len() != 2 {
        return Err(type_error(format!(
            "unpack expected 2 arguments, got {}",
            args.len()
        )));
    }
    let layout = parse(vm, &args[0])?;
    let data = buffer_bytes(vm, &args[1])?;
    if data.len() as u64 != layout.size {
        return Err(struct_error(
            vm,
            format!("unpack requires a buffer of {} bytes", layout.size),
        ));
    }
    unpack_at(vm, &layout, &data, 0)
}

/// `unpack_from(format, /, buffer, offset=0)`.
fn unpack_from(vm: &mut Vm<'_>, mut args: Vec<Value>, mut kw: Kwargs) -> PyResult<Value> {
    for name in ["buffer", "offset"] {
        if let Some(v) = crate::builtins::take_kwarg(&mut kw, name) {
            if args.len() >= if name == "buffer" { 2 } else { 3 } {
                return Err(type_error(format!(
                    "argument for unpack_from() given by name ('{name}') and position"
                )));
            }
            args.push(v);
        }
    }
    crate::builtins::reject_kwargs("unpack_from", &kw)?;
    if args.len() < 2 || args.len() > 3 {
        return Err(type_error(format!(
            "unpack_from expected at most 3 arguments, got {}",
            args.len()
        )));
    }
    let layout = parse(vm, &args[0])?;
    let data = buffer_bytes(vm, &args[1])?;
    let offset = match args.get(2) {
        Some(Value::BigInt(_)) => {
            return Err(PyErr::new(
                "OverflowError",
                "Python int too large to convert to C ssize_t",
            ))
        }
        Some(v) => vm.index_value(v)?,
        None => 0,
    };
    let len = data.len() as i64;
    let start = if offset < 0 {
        if offset + len < 0 {
            return Err(struct_error(
                vm,
                format!("offset {offset} out of range for {len}-byte buffer"),
            ));
        }
        offset + len
    } else {
        offset
    };
    if len - start < layout.size as i64 {
        let msg = if start > len {
            format!("offset {offset} out of range for {len}-byte buffer")
        } else {
            format!(
                "unpack_from requires a buffer of at least {} bytes for unpacking {} bytes at offset {} (actual buffer size is {len})",
                layout.size as i64 + start,
                layout.size,
                start
            )
        };
        return Err(struct_error(vm, msg));
    }
    unpack_at(vm, &layout, &data, start as usize)
}

fn calcsize(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    crate::builtins::no_kwargs("calcsize", &kw)?;
    crate::builtins::check_args("calcsize", &args, 1, 1)?;
    Ok(Value::Int(parse(vm, &args[0])?.size as i64))
}
