//! CPython 3.11-identical conversion of numbers and strings to and from text.
//!
//! Exposes `float_repr` (repr/str of a float), the format-spec mini-language for floats,
//! ints and strings (`format_float`, `format_int`, `format_str`, as used by `format()` and
//! f-strings), printf-style `str % args` (`percent_format` over the `PercentArgs` trait),
//! `int_to_str_radix` / `int_to_decimal` (hex/oct/bin/str of an int), `round_float`
//! (`round(x, n)`) and the parsers behind `float(str)` and `int(str, base)`.
//!
//! Invariant: every function is total — any input gives a value or a `FormatError` whose
//! variant names the Python exception and whose text is CPython's, never a panic — and
//! every output is character-for-character what CPython 3.11 produces. Float digits come
//! from Rust's correctly rounded formatter (the same digits David Gay's `dtoa` yields in
//! CPython) and are laid out by a port of CPython's `format_float_short`, so `repr`,
//! `format` and `%` agree with CPython on rounding, exponents and padding alike.
//! Two deliberate departures: a result longer than `MAX_OUTPUT_CHARS` is a `Memory`
//! error rather than an allocation that would abort the sandbox, and `chr` of a lone
//! surrogate (which a Rust `String` cannot hold) is U+FFFD.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

/// A failure while formatting or parsing. The variant names the Python exception to
/// raise; the text is CPython's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FormatError {
    /// `ValueError`
    Value(String),
    /// `TypeError`
    Type(String),
    /// `OverflowError` (e.g. `format(10**400, 'f')`, `'%c' % -1`)
    Overflow(String),
    /// `MemoryError`: the result would exceed `MAX_OUTPUT_CHARS`. CPython would try to
    /// build such a string; a wasm sandbox would abort instead, so we refuse early.
    Memory,
}

/// CPython's default `sys.get_int_max_str_digits()`: decimal int<->str conversions of
/// more digits raise `ValueError` (power-of-two bases are exempt).
pub(crate) const INT_MAX_STR_DIGITS: usize = 4300;

thread_local! {
    /// The limit in force (0: none). The conversions here are pure functions, so the
    /// running `Vm` installs its runtime's `sys.set_int_max_str_digits` value here when
    /// it starts and whenever it resumes from a suspension (another session may have run
    /// on this thread meanwhile).
    static INT_MAX_STR_DIGITS_IN_FORCE: std::cell::Cell<usize> =
        const { std::cell::Cell::new(INT_MAX_STR_DIGITS) };
}

/// The digit limit in force (see `INT_MAX_STR_DIGITS_IN_FORCE`); 0 means none.
pub(crate) fn int_max_str_digits() -> usize {
    INT_MAX_STR_DIGITS_IN_FORCE.with(|c| c.get())
}

pub(crate) fn install_int_max_str_digits(limit: usize) {
    INT_MAX_STR_DIGITS_IN_FORCE.with(|c| c.set(limit));
}

/// The limit as a digit count to compare with (`usize::MAX` for "none").
fn digit_limit() -> usize {
    match int_max_str_digits() {
        0 => usize::MAX,
        n => n,
    }
}

/// Longest string any width, precision or zero padding may produce (64 Mi characters).
pub(crate) const MAX_OUTPUT_CHARS: usize = 1 << 26;

fn value_error(message: &str) -> FormatError {
    FormatError::Value(message.to_string())
}

fn check_output_size(chars: i64) -> Result<(), FormatError> {
    if chars > MAX_OUTPUT_CHARS as i64 {
        Err(FormatError::Memory)
    } else {
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// Unicode classification shared by the parsers and the format-spec reader
// ---------------------------------------------------------------------------------------

/// First code point of each run of ten Unicode decimal digits (Unicode 14.0, the tables
/// of CPython 3.11); every decimal digit is `zero + value` for the nearest zero below it.
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// Python's `unicodedata.decimal(c)`: the value of any Unicode decimal digit.
fn decimal_value(c: char) -> Option<u32> {
    let cp = c as u32;
    let idx = DECIMAL_ZEROS.partition_point(|&zero| zero <= cp);
    let zero = *DECIMAL_ZEROS.get(idx.checked_sub(1)?)?;
    (cp - zero < 10).then_some(cp - zero)
}

/// `str.isspace()` for code points above ASCII (those are all CPython maps to a space
/// before parsing a number; ASCII is judged by `is_c_space`).
fn is_unicode_space(c: char) -> bool {
    matches!(
        c,
        '\u{85}' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}' | '\u{2028}' | '\u{2029}' | '\u{202f}' | '\u{205f}' | '\u{3000}'
    )
}

/// C's `isspace` in the "C" locale, which CPython uses to strip number text.
fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: non-ASCII spaces become ' ',
/// non-ASCII decimal digits become ASCII ones; any other non-ASCII character makes the
/// text unparseable, reported as `None`.
fn number_text_to_ascii(s: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 127 {
            out.push(c as u8);
        } else if is_unicode_space(c) {
            out.push(b' ');
        } else {
            out.push(b'0' + decimal_value(c)? as u8);
        }
    }
    Some(out)
}

fn strip_c_space(mut b: &[u8]) -> &[u8] {
    while let [first, rest @ ..] = b {
        if !is_c_space(*first) {
            break;
        }
        b = rest;
    }
    while let [rest @ .., last] = b {
        if !is_c_space(*last) {
            break;
        }
        b = rest;
    }
    b
}

// ---------------------------------------------------------------------------------------
// Decimal digits of a double (the part of `_Py_dg_dtoa` CPython relies on)
// ---------------------------------------------------------------------------------------

/// `0.d1d2d3... × 10^decpt`, trailing zeros stripped, as `_Py_dg_dtoa` returns it.
struct DecimalDigits {
    digits: Vec<u8>,
    decpt: i64,
}

#[derive(Clone, Copy)]
enum DigitMode {
    /// dtoa mode 0: the shortest digits that round-trip
    Shortest,
    /// dtoa mode 2: this many significant digits (at least 1)
    Significant(usize),
    /// dtoa mode 3: this many digits after the decimal point
    Fixed(usize),
}

/// No double has more significant digits than 767 in its exact expansion, nor more than
/// 1074 after the point, so asking for more only appends zeros (which are stripped).
const MAX_EXACT_SIGNIFICANT: usize = 800;
const MAX_EXACT_FRACTION: usize = 1100;

/// Digits of a finite, non-negative `x`. Rust's `{:e}` is shortest-round-trip, and
/// `{:.N}` / `{:.Ne}` round the exact binary value half-to-even, exactly like dtoa.
fn decimal_digits(x: f64, mode: DigitMode) -> DecimalDigits {
    if x == 0.0 {
        return DecimalDigits {
            digits: vec![b'0'],
            decpt: 1,
        };
    }
    let mut result = match mode {
        DigitMode::Shortest => {
            let shortest = scientific_digits(&format!("{x:e}"));
            let n = shortest.digits.len();
            // When x lies exactly halfway between two shortest candidates, Rust rounds
            // the last digit up but dtoa rounds it to even; the correctly rounded n-digit
            // value is dtoa's choice whenever it round-trips. Ties need ~17 digits.
            if n >= 16 {
                let nearest = format!("{:.*e}", n - 1, x);
                if nearest.parse::<f64>() == Ok(x) {
                    scientific_digits(&nearest)
                } else {
                    shortest
                }
            } else {
                shortest
            }
        }
        DigitMode::Significant(n) => {
            let n = n.clamp(1, MAX_EXACT_SIGNIFICANT);
            scientific_digits(&format!("{:.*e}", n - 1, x))
        }
        DigitMode::Fixed(n) => {
            let text = format!("{:.*}", n.min(MAX_EXACT_FRACTION), x);
            let (int_part, fraction) = text.split_once('.').unwrap_or((&text, ""));
            let mut digits: Vec<u8> = int_part.bytes().chain(fraction.bytes()).collect();
            let leading = digits.iter().take_while(|&&d| d == b'0').count();
            digits.drain(..leading);
            let decpt = int_part.len() as i64 - leading as i64;
            if digits.iter().all(|&d| d == b'0') {
                // dtoa's "no digits" answer for a value that rounds to zero
                return DecimalDigits {
                    digits: Vec::new(),
                    decpt: -(n as i64),
                };
            }
            DecimalDigits { digits, decpt }
        }
    };
    while result.digits.len() > 1 && result.digits.last() == Some(&b'0') {
        result.digits.pop();
    }
    result
}

/// Splits Rust's `d.ddde±x` output into digits and decimal-point position.
fn scientific_digits(text: &str) -> DecimalDigits {
    let (mantissa, exponent) = text.split_once('e').unwrap_or((text, "0"));
    let digits = mantissa.bytes().filter(u8::is_ascii_digit).collect();
    let exponent: i64 = exponent.parse().unwrap_or(0);
    DecimalDigits {
        digits,
        decpt: exponent + 1,
    }
}

/// Flags of CPython's `PyOS_double_to_string`.
#[derive(Clone, Copy, Default)]
struct FloatStyle {
    /// `Py_DTSF_ADD_DOT_0`: integral values keep a ".0"
    add_dot_0: bool,
    /// `Py_DTSF_ALT`: keep trailing zeros / a trailing decimal point
    alternate: bool,
    /// `Py_DTSF_NO_NEG_0`: a result that rounds to zero loses its minus sign
    no_neg_0: bool,
    /// 'E', 'F', 'G': upper-case exponent, INF and NAN
    upper: bool,
}

/// Port of CPython's `PyOS_double_to_string` / `format_float_short`. `code` is one of
/// 'e', 'f', 'g', 'r' (repr; `precision` unused).
fn double_to_string(
    x: f64,
    code: char,
    precision: i64,
    style: FloatStyle,
) -> Result<String, FormatError> {
    let upper = style.upper;
    if x.is_nan() {
        return Ok(if upper { "NAN" } else { "nan" }.to_string());
    }
    if x.is_infinite() {
        let text = if upper { "INF" } else { "inf" };
        return Ok(if x < 0.0 {
            format!("-{text}")
        } else {
            text.to_string()
        });
    }
    let precision = precision.max(0);
    let (mode, precision) = match code {
        'e' => (
            DigitMode::Significant(precision as usize + 1),
            precision + 1,
        ),
        'f' => (DigitMode::Fixed(precision as usize), precision),
        'g' => {
            let p = precision.max(1);
            (DigitMode::Significant(p as usize), p)
        }
        _ => (DigitMode::Shortest, 0),
    };
    let DecimalDigits { digits, mut decpt } = decimal_digits(x.abs(), mode);
    let digits_len = digits.len() as i64;
    let mut negative = x.is_sign_negative();
    if style.no_neg_0 && negative && (digits.is_empty() || digits == b"0") {
        negative = false;
    }

    // Output is the slice [vdigits_start, vdigits_end) of `digits` padded with zeros on
    // both sides, with the point after position `decpt`.
    let mut use_exp = false;
    let mut vdigits_end = digits_len;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if style.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if style.alternate {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exponent = 0;
    if use_exp {
        exponent = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && style.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };
    check_output_size(vdigits_end - vdigits_start + 8)?;

    let mut out = String::with_capacity((vdigits_end - vdigits_start + 8) as usize);
    let zeros = |out: &mut String, n: i64| out.extend((0..n.max(0)).map(|_| '0'));
    let text = |bytes: &[u8]| bytes.iter().map(|&b| b as char).collect::<String>();
    if negative {
        out.push('-');
    }
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&text(&digits[..decpt as usize]));
        out.push('.');
        out.push_str(&text(&digits[decpt as usize..]));
    } else {
        out.push_str(&text(&digits));
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !style.alternate {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exponent < 0 { '-' } else { '+' });
        let magnitude = exponent.unsigned_abs();
        if magnitude < 10 {
            out.push('0');
        }
        out.push_str(&magnitude.to_string());
    }
    Ok(out)
}

/// `repr(x)` and `str(x)` of a float: '0.1', '1.0', '1e+16', '1.5e-05', 'inf', 'nan', '-0.0'.
pub(crate) fn float_repr(x: f64) -> String {
    let style = FloatStyle {
        add_dot_0: true,
        ..FloatStyle::default()
    };
    // Repr output is at most ~25 characters, so the size check cannot fail.
    double_to_string(x, 'r', 0, style).unwrap_or_default()
}

// ---------------------------------------------------------------------------------------
// The format-spec mini-language
// ---------------------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Grouping {
    None,
    Comma,
    Underscore,
}

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`, with
/// CPython's sentinel conventions: width/precision -1 when absent, type '\0' when absent.
struct Spec {
    fill: char,
    align: char,
    sign: Option<char>,
    no_neg_0: bool,
    alternate: bool,
    width: i64,
    grouping: Grouping,
    precision: i64,
    ty: char,
}

/// CPython's `get_integer`: reads decimal digits (any script) from `chars[*pos..]`.
/// Returns how many were read.
fn read_spec_integer(
    chars: &[char],
    pos: &mut usize,
    value: &mut i64,
) -> Result<usize, FormatError> {
    let start = *pos;
    let mut accumulator: i64 = 0;
    while let Some(digit) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        let digit = i64::from(digit);
        if accumulator > (i64::MAX - digit) / 10 {
            return Err(value_error("Too many decimal digits in format string"));
        }
        accumulator = accumulator * 10 + digit;
        *pos += 1;
    }
    *value = accumulator;
    Ok(*pos - start)
}

fn presentation_char(c: char) -> String {
    if (c as u32) > 32 && (c as u32) < 128 {
        c.to_string()
    } else {
        format!("\\x{:x}", c as u32)
    }
}

fn unknown_presentation_type(ty: char, type_name: &str) -> FormatError {
    FormatError::Value(format!(
        "Unknown format code '{}' for object of type '{}'",
        presentation_char(ty),
        type_name
    ))
}

/// Port of CPython's `parse_internal_render_format_spec` (3.11).
fn parse_spec(
    spec: &str,
    type_name: &str,
    default_type: char,
    default_align: char,
) -> Result<Spec, FormatError> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    let mut out = Spec {
        fill: ' ',
        align: default_align,
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: -1,
        grouping: Grouping::None,
        precision: -1,
        ty: default_type,
    };
    let mut pos = 0;
    let mut fill_specified = false;
    let mut align_specified = false;
    if end >= 2 && is_align(chars[1]) {
        out.fill = chars[0];
        out.align = chars[1];
        fill_specified = true;
        align_specified = true;
        pos = 2;
    } else if end >= 1 && is_align(chars[0]) {
        out.align = chars[0];
        align_specified = true;
        pos = 1;
    }
    if let Some(&c @ ('+' | '-' | ' ')) = chars.get(pos) {
        out.sign = Some(c);
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        out.no_neg_0 = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        out.alternate = true;
        pos += 1;
    }
    if !fill_specified && chars.get(pos) == Some(&'0') {
        out.fill = '0';
        if !align_specified && default_align == '>' {
            out.align = '=';
        }
        pos += 1;
    }
    let mut width = 0;
    if read_spec_integer(&chars, &mut pos, &mut width)? > 0 {
        out.width = width;
    }
    if chars.get(pos) == Some(&',') {
        out.grouping = Grouping::Comma;
        pos += 1;
    }
    if chars.get(pos) == Some(&'_') {
        if out.grouping != Grouping::None {
            return Err(value_error("Cannot specify both ',' and '_'."));
        }
        out.grouping = Grouping::Underscore;
        pos += 1;
    }
    if chars.get(pos) == Some(&',') && out.grouping == Grouping::Underscore {
        return Err(value_error("Cannot specify both ',' and '_'."));
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        let mut precision = 0;
        if read_spec_integer(&chars, &mut pos, &mut precision)? == 0 {
            return Err(value_error("Format specifier missing precision"));
        }
        out.precision = precision;
    }
    if end - pos > 1 {
        return Err(FormatError::Value(format!(
            "Invalid format specifier '{spec}' for object of type '{type_name}'"
        )));
    }
    if end - pos == 1 {
        out.ty = chars[pos];
    }
    if out.grouping != Grouping::None {
        let allowed = match out.ty {
            'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => true,
            'b' | 'o' | 'x' | 'X' => out.grouping == Grouping::Underscore,
            _ => false,
        };
        if !allowed {
            let separator = if out.grouping == Grouping::Comma {
                ','
            } else {
                '_'
            };
            return Err(FormatError::Value(format!(
                "Cannot specify '{separator}' with '{}'.",
                presentation_char(out.ty)
            )));
        }
    }
    Ok(out)
}

/// Port of `_PyUnicode_InsertThousandsGrouping`: groups `digits` from the right, and
/// when `min_width` asks for more, pads with zeros that are grouped too ('0,001,234').
fn group_digits(digits: &str, min_width: i64, group: Option<(char, i64)>) -> String {
    let mut reversed: Vec<char> = Vec::with_capacity(digits.len() + min_width.max(0) as usize);
    let mut source = digits.chars().rev();
    let mut remaining = digits.chars().count() as i64;
    let mut min_width = min_width;
    let mut emit = |reversed: &mut Vec<char>, l: i64, remaining: i64| {
        let n_zeros = (l - remaining).max(0);
        let n_chars = remaining.min(l).max(0);
        reversed.extend(source.by_ref().take(n_chars as usize));
        reversed.extend((0..n_zeros).map(|_| '0'));
        n_chars
    };
    match group {
        Some((separator, size)) => {
            let mut first = true;
            loop {
                if !first {
                    reversed.push(separator);
                }
                first = false;
                let l = size.min(remaining.max(min_width).max(1));
                remaining -= emit(&mut reversed, l, remaining);
                min_width -= size;
                if remaining <= 0 && min_width <= 0 {
                    break;
                }
                min_width -= 1;
            }
        }
        None => {
            let l = remaining.max(min_width).max(1);
            emit(&mut reversed, l, remaining);
        }
    }
    reversed.iter().rev().collect()
}

/// The pieces of a formatted number, as CPython's `calc_number_widths` sees them.
struct NumberParts<'a> {
    negative: bool,
    /// "0x", "0b", ... (already in the right case)
    prefix: &'a str,
    /// integer digits, grouped and zero padded
    digits: &'a str,
    has_decimal: bool,
    /// everything after the decimal point (or after the digits when there is none)
    remainder: &'a str,
}

/// Port of CPython's `calc_number_widths` + `fill_number`:
/// `<lpad><sign><prefix><spad><grouped digits><.><remainder><rpad>`.
fn layout_number(
    spec: &Spec,
    parts: &NumberParts<'_>,
    group: Option<(char, i64)>,
) -> Result<String, FormatError> {
    check_output_size(spec.width)?;
    let sign = match spec.sign {
        Some('+') => Some(if parts.negative { '-' } else { '+' }),
        Some(' ') => Some(if parts.negative { '-' } else { ' ' }),
        _ => parts.negative.then_some('-'),
    };
    let non_digit = i64::from(sign.is_some())
        + parts.prefix.chars().count() as i64
        + i64::from(parts.has_decimal)
        + parts.remainder.chars().count() as i64;
    let min_width = if spec.fill == '0' && spec.align == '=' {
        spec.width - non_digit
    } else {
        0
    };
    let grouped = if parts.digits.is_empty() {
        String::new()
    } else {
        group_digits(parts.digits, min_width, group)
    };
    let padding = (spec.width - (non_digit + grouped.chars().count() as i64)).max(0);
    let (left, middle, right) = match spec.align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let fill = |out: &mut String, n: i64| out.extend((0..n).map(|_| spec.fill));
    let mut out = String::new();
    fill(&mut out, left);
    out.extend(sign);
    out.push_str(parts.prefix);
    fill(&mut out, middle);
    out.push_str(&grouped);
    if parts.has_decimal {
        out.push('.');
    }
    out.push_str(parts.remainder);
    fill(&mut out, right);
    Ok(out)
}

/// `format(x, spec)` / `f"{x:spec}"` for a float; `''` is `str(x)`.
pub(crate) fn format_float(x: f64, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(float_repr(x));
    }
    let spec = parse_spec(spec, "float", '\0', '>')?;
    match spec.ty {
        '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%' => format_float_spec(x, &spec),
        ty => Err(unknown_presentation_type(ty, "float")),
    }
}

/// Port of CPython's `format_float_internal` for an already validated presentation type.
fn format_float_spec(x: f64, spec: &Spec) -> Result<String, FormatError> {
    if spec.precision > i64::from(i32::MAX) {
        return Err(value_error("precision too big"));
    }
    let mut style = FloatStyle {
        alternate: spec.alternate,
        no_neg_0: spec.no_neg_0,
        upper: matches!(spec.ty, 'E' | 'F' | 'G'),
        ..FloatStyle::default()
    };
    let mut default_precision = 6;
    let mut value = x;
    let mut percent = false;
    let mut code = match spec.ty {
        '\0' => {
            style.add_dot_0 = true;
            default_precision = 0;
            'r'
        }
        'n' | 'g' | 'G' => 'g',
        '%' => {
            value *= 100.0;
            percent = true;
            'f'
        }
        ty => ty.to_ascii_lowercase(),
    };
    let precision = if spec.precision < 0 {
        default_precision
    } else {
        if code == 'r' {
            code = 'g';
        }
        spec.precision
    };
    let mut text = double_to_string(value, code, precision, style)?;
    if percent {
        text.push('%');
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let digit_count = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(digit_count);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(after) => (true, after),
        None => (false, rest),
    };
    let group = match (spec.ty, spec.grouping) {
        ('n', _) | (_, Grouping::None) => None,
        (_, Grouping::Comma) => Some((',', 3)),
        (_, Grouping::Underscore) => Some(('_', 3)),
    };
    let parts = NumberParts {
        negative,
        prefix: "",
        digits,
        has_decimal,
        remainder,
    };
    layout_number(spec, &parts, group)
}

/// `format(z, spec)` for a complex `re + im*j`; `''` is `str(z)` (= repr). A port of
/// CPython 3.11's `format_complex_internal`: each part is formatted as a float without
/// padding (the imaginary part always signed unless the real part is omitted), then the
/// whole `(re±imj)` is padded to the width.
pub(crate) fn format_complex(re: f64, im: f64, spec: &str) -> Result<String, FormatError> {
    let spec = parse_spec(spec, "complex", '\0', '>')?;
    if !matches!(spec.ty, '\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n') {
        return Err(unknown_presentation_type(spec.ty, "complex"));
    }
    if spec.fill == '0' {
        return Err(value_error(
            "Zero padding is not allowed in complex format specifier",
        ));
    }
    if spec.align == '=' {
        return Err(value_error(
            "'=' alignment flag is not allowed in complex format specifier",
        ));
    }
    if spec.precision > i64::from(i32::MAX) {
        return Err(value_error("precision too big"));
    }
    let style = FloatStyle {
        alternate: spec.alternate,
        no_neg_0: spec.no_neg_0,
        upper: matches!(spec.ty, 'E' | 'F' | 'G'),
        ..FloatStyle::default()
    };
    let (mut code, mut default_precision) = (spec.ty.to_ascii_lowercase(), 6);
    let (mut skip_re, mut add_parens) = (false, false);
    if spec.ty == '\0' {
        code = 'r';
        default_precision = 0;
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            add_parens = true;
        }
    }
    if code == 'n' {
        code = 'g';
    }
    let precision = if spec.precision < 0 {
        default_precision
    } else {
        if code == 'r' {
            code = 'g';
        }
        spec.precision
    };
    let group = match (spec.ty, spec.grouping) {
        ('n', _) | (_, Grouping::None) => None,
        (_, Grouping::Comma) => Some((',', 3)),
        (_, Grouping::Underscore) => Some(('_', 3)),
    };
    let part = |x: f64, sign: Option<char>| -> Result<String, FormatError> {
        let text = double_to_string(x, code, precision, style)?;
        let (negative, body) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text.as_str()),
        };
        let digit_count = body.bytes().take_while(u8::is_ascii_digit).count();
        let (digits, rest) = body.split_at(digit_count);
        let (has_decimal, remainder) = match rest.strip_prefix('.') {
            Some(after) => (true, after),
            None => (false, rest),
        };
        let unpadded = Spec {
            fill: ' ',
            align: '<',
            width: -1,
            sign,
            ..spec
        };
        let parts = NumberParts {
            negative,
            prefix: "",
            digits,
            has_decimal,
            remainder,
        };
        layout_number(&unpadded, &parts, group)
    };
    let re_text = if skip_re {
        String::new()
    } else {
        part(re, spec.sign)?
    };
    let im_text = part(im, if skip_re { spec.sign } else { Some('+') })?;
    let mut body = String::with_capacity(re_text.len() + im_text.len() + 3);
    if add_parens {
        body.push('(');
    }
    body.push_str(&re_text);
    body.push_str(&im_text);
    body.push('j');
    if add_parens {
        body.push(')');
    }
    check_output_size(spec.width)?;
    let padding = (spec.width - body.chars().count() as i64).max(0);
    let (left, right) = match spec.align {
        '<' => (0, padding),
        '^' => (padding / 2, padding - padding / 2),
        _ => (padding, 0),
    };
    let mut out = String::new();
    out.extend((0..left).map(|_| spec.fill));
    out.push_str(&body);
    out.extend((0..right).map(|_| spec.fill));
    Ok(out)
}

/// `format(v, spec)` / `f"{v:spec}"` for an int, including the float presentation types
/// (the int is converted to float first, as CPython does); `''` is `str(v)`.
pub(crate) fn format_int(v: &BigInt, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return int_to_decimal(v);
    }
    let spec = parse_spec(spec, "int", 'd', '>')?;
    match spec.ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_long(v, &spec),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => format_float_spec(int_to_f64(v)?, &spec),
        ty => Err(unknown_presentation_type(ty, "int")),
    }
}

/// `float(v)` for an int: correctly rounded, `OverflowError` beyond the double range.
pub(crate) fn int_to_f64(v: &BigInt) -> Result<f64, FormatError> {
    match v.to_f64() {
        Some(x) if x.is_finite() => Ok(x),
        _ => Err(FormatError::Overflow(
            "int too large to convert to float".to_string(),
        )),
    }
}

/// Port of CPython's `format_long_internal`.
fn format_long(v: &BigInt, spec: &Spec) -> Result<String, FormatError> {
    if spec.precision >= 0 {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_0 {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if spec.ty == 'c' {
        if spec.sign.is_some() {
            return Err(value_error(
                "Sign not allowed with integer format specifier 'c'",
            ));
        }
        if spec.alternate {
            return Err(value_error(
                "Alternate form (#) not allowed with integer format specifier 'c'",
            ));
        }
        let code = v.to_i64().ok_or_else(|| {
            FormatError::Overflow("Python int too large to convert to C long".to_string())
        })?;
        let ch = code_point_char(code)?;
        let remainder = ch.to_string();
        let parts = NumberParts {
            negative: false,
            prefix: "",
            digits: "",
            has_decimal: false,
            remainder: &remainder,
        };
        return layout_number(spec, &parts, None);
    }
    let (radix, prefix) = match spec.ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = if radix == 10 {
        decimal_magnitude(v)?
    } else {
        v.magnitude().to_str_radix(radix)
    };
    if spec.ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let group = match (spec.ty, spec.grouping) {
        ('n', _) | (_, Grouping::None) => None,
        (_, Grouping::Comma) => Some((',', 3)),
        (_, Grouping::Underscore) => Some(('_', if radix == 10 { 3 } else { 4 })),
    };
    let parts = NumberParts {
        negative: v.sign() == Sign::Minus,
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        has_decimal: false,
        remainder: "",
    };
    layout_number(spec, &parts, group)
}

/// `chr(code)` for '%c' and format type 'c', with CPython's range error. Lone
/// surrogates (U+D800..U+DFFF) cannot live in a Rust string and become U+FFFD.
fn code_point_char(code: i64) -> Result<char, FormatError> {
    if !(0..=0x10ffff).contains(&code) {
        return Err(FormatError::Overflow(
            "%c arg not in range(0x110000)".to_string(),
        ));
    }
    Ok(char::from_u32(code as u32).unwrap_or('\u{fffd}'))
}

/// `format(s, spec)` / `f"{s:spec}"` for a str: fill, align, width and precision only.
pub(crate) fn format_str(s: &str, spec: &str) -> Result<String, FormatError> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let spec = parse_spec(spec, "str", 's', '<')?;
    if spec.ty != 's' {
        return Err(unknown_presentation_type(spec.ty, "str"));
    }
    match spec.sign {
        Some(' ') => return Err(value_error("Space not allowed in string format specifier")),
        Some(_) => return Err(value_error("Sign not allowed in string format specifier")),
        None => {}
    }
    if spec.no_neg_0 {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    if spec.align == '=' {
        return Err(value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    check_output_size(spec.width)?;
    let mut len = s.chars().count() as i64;
    if spec.precision >= 0 && spec.precision < len {
        len = spec.precision;
    }
    let padding = (spec.width - len).max(0);
    let (left, right) = match spec.align {
        '>' => (padding, 0),
        '^' => (padding / 2, padding - padding / 2),
        _ => (0, padding),
    };
    let mut out = String::with_capacity(s.len() + padding as usize);
    out.extend((0..left).map(|_| spec.fill));
    out.extend(s.chars().take(len as usize));
    out.extend((0..right).map(|_| spec.fill));
    Ok(out)
}

// ---------------------------------------------------------------------------------------
// Ints as text
// ---------------------------------------------------------------------------------------

/// `hex(v)`, `oct(v)`, `bin(v)` (with `prefix`), or the digits of `v` in any radix 2..=36
/// ('-' first for negatives: `bin(-5) == '-0b101'`). A radix outside 2..=36 is read as 10.
/// Radix 10 here is not subject to the digit limit; `str()` uses `int_to_decimal`.
pub(crate) fn int_to_str_radix(v: &BigInt, radix: u32, prefix: bool) -> String {
    let radix = if (2..=36).contains(&radix) { radix } else { 10 };
    let mut out = String::new();
    if v.sign() == Sign::Minus {
        out.push('-');
    }
    if prefix {
        out.push_str(match radix {
            2 => "0b",
            8 => "0o",
            16 => "0x",
            _ => "",
        });
    }
    out.push_str(&v.magnitude().to_str_radix(radix));
    out
}

/// `str(v)` / `repr(v)` of an int, with CPython's digit limit (`int_max_str_digits`).
pub(crate) fn int_to_decimal(v: &BigInt) -> Result<String, FormatError> {
    let digits = decimal_magnitude(v)?;
    Ok(if v.sign() == Sign::Minus {
        format!("-{digits}")
    } else {
        digits
    })
}

/// Decimal digits of |v|, refusing (like CPython) more than the digit limit.
fn decimal_magnitude(v: &BigInt) -> Result<String, FormatError> {
    // bits * log10(2) bounds the digit count: anything certainly too long is refused
    // before the (quadratic) conversion is attempted.
    let limit = digit_limit();
    let too_long = || {
        FormatError::Value(format!(
            "Exceeds the limit ({limit} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        ))
    };
    if limit != usize::MAX && v.bits() as f64 * std::f64::consts::LOG10_2 > (limit + 1) as f64 {
        return Err(too_long());
    }
    let digits = v.magnitude().to_str_radix(10);
    if digits.len() > limit {
        return Err(too_long());
    }
    Ok(digits)
}

// ---------------------------------------------------------------------------------------
// round(x, n)
// ---------------------------------------------------------------------------------------

/// `round(x, ndigits)` exactly as CPython: the exact binary value is rounded half-to-even
/// at the decimal position, then read back correctly rounded. `None` means CPython's
/// `OverflowError("rounded value too large to represent")`.
pub(crate) fn round_float(x: f64, ndigits: i64) -> Option<f64> {
    // CPython's NDIGITS_MAX / NDIGITS_MIN: beyond them x is already exact / rounds to 0.
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Some(x);
    }
    if ndigits < NDIGITS_MIN {
        return Some(0.0 * x);
    }
    let rounded = if ndigits >= 0 {
        format!("{:.*}", ndigits as usize, x).parse::<f64>().ok()?
    } else {
        // Round |x| / 10**n to an integer q with exact big-integer arithmetic.
        let n = ndigits.unsigned_abs() as u32;
        let bits = x.abs().to_bits();
        let biased_exponent = (bits >> 52) as i64;
        let fraction = bits & ((1u64 << 52) - 1);
        let (mantissa, exponent) = if biased_exponent == 0 {
            (fraction, -1074)
        } else {
            (fraction | (1u64 << 52), biased_exponent - 1075)
        };
        let ten_pow = BigUint::from(10u32).pow(n);
        let (numerator, denominator) = if exponent >= 0 {
            (BigUint::from(mantissa) << exponent as usize, ten_pow)
        } else {
            (
                BigUint::from(mantissa),
                ten_pow << exponent.unsigned_abs() as usize,
            )
        };
        let (mut q, r) = numerator.div_rem(&denominator);
        let twice = r << 1usize;
        if twice > denominator || (twice == denominator && q.is_odd()) {
            q += 1u32;
        }
        let sign = if x.is_sign_negative() { "-" } else { "" };
        format!("{sign}{q}e{n}").parse::<f64>().ok()?
    };
    rounded.is_finite().then_some(rounded)
}

// ---------------------------------------------------------------------------------------
// float(str) and int(str, base)
// ---------------------------------------------------------------------------------------

/// `float(s)` for a str: surrounding whitespace, underscores between digits, any-script
/// decimal digits, 'inf'/'infinity'/'nan' in any case with a sign. `None` means CPython's
/// `ValueError("could not convert string to float: <repr of s>")`.
pub(crate) fn parse_float(s: &str) -> Option<f64> {
    let ascii = number_text_to_ascii(s)?;
    let text = strip_c_space(&ascii);
    if text.contains(&b'_') {
        // `_Py_string_to_number_with_underscores`: each '_' sits between two digits.
        let mut cleaned = Vec::with_capacity(text.len());
        let mut prev = 0u8;
        for &b in text {
            if b == b'_' {
                if !prev.is_ascii_digit() {
                    return None;
                }
            } else {
                if prev == b'_' && !b.is_ascii_digit() {
                    return None;
                }
                cleaned.push(b);
            }
            prev = b;
        }
        if prev == b'_' {
            return None;
        }
        parse_float_ascii(&cleaned)
    } else {
        parse_float_ascii(text)
    }
}

/// The grammar `_Py_dg_strtod` and `_Py_parse_inf_or_nan` accept, over the whole text.
fn parse_float_ascii(text: &[u8]) -> Option<f64> {
    let (negative, body) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let special = if body.eq_ignore_ascii_case(b"inf") || body.eq_ignore_ascii_case(b"infinity") {
        Some(f64::INFINITY)
    } else if body.eq_ignore_ascii_case(b"nan") {
        Some(f64::NAN)
    } else {
        None
    };
    if let Some(value) = special {
        return Some(if negative { -value } else { value });
    }
    let count_digits = |from: usize| {
        body[from..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let int_len = count_digits(0);
    let mut pos = int_len;
    let mut fraction_len = 0;
    if body.get(pos) == Some(&b'.') {
        fraction_len = count_digits(pos + 1);
        pos += 1 + fraction_len;
    }
    if int_len + fraction_len == 0 {
        return None;
    }
    let mut exponent: &[u8] = b"0";
    if matches!(body.get(pos), Some(b'e' | b'E')) {
        let sign_len = usize::from(matches!(body.get(pos + 1), Some(b'+' | b'-')));
        let exponent_digits = count_digits(pos + 1 + sign_len);
        if exponent_digits == 0 {
            return None;
        }
        exponent = &body[pos + 1..pos + 1 + sign_len + exponent_digits];
        pos += 1 + sign_len + exponent_digits;
    }
    if pos != body.len() {
        return None;
    }
    // Rebuild a form Rust's (correctly rounded) parser surely accepts: "[-]I.Fe±X".
    let mut canonical = String::with_capacity(body.len() + 4);
    if negative {
        canonical.push('-');
    }
    let part = |from: usize, len: usize| {
        if len == 0 {
            "0".to_string()
        } else {
            body[from..from + len].iter().map(|&b| b as char).collect()
        }
    };
    canonical.push_str(&part(0, int_len));
    canonical.push('.');
    canonical.push_str(&part(int_len + 1, fraction_len));
    canonical.push('e');
    canonical.extend(exponent.iter().map(|&b| b as char));
    canonical.parse::<f64>().ok()
}

/// `int(s, base)` for a str (base 0 or 2..=36): whitespace around, a sign, the base
/// prefix ('0x' etc.; required for base 0), single underscores between digits (and
/// after a prefix), any-script decimal digits. `None` means CPython's
/// `ValueError("invalid literal for int() with base N: <repr of s>")`; an invalid base
/// also gives `None` (the caller checks it first: "int() base must be >= 2 and <= 36, or 0").
/// This ignores the digit limit; `parse_int_limited` applies it.
pub(crate) fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    parse_int_with_limit(s, base, usize::MAX).ok().flatten()
}

/// `parse_int` plus CPython's `ValueError` for more digits than the limit in force in
/// a base that is not a power of two: `Err` is that error, `Ok(None)` an invalid literal.
pub(crate) fn parse_int_limited(s: &str, base: u32) -> Result<Option<BigInt>, FormatError> {
    parse_int_with_limit(s, base, digit_limit())
}

/// Port of CPython's `PyLong_FromString`, checks in the same order.
fn parse_int_with_limit(
    s: &str,
    base: u32,
    max_digits: usize,
) -> Result<Option<BigInt>, FormatError> {
    if base == 1 || base > 36 {
        return Ok(None);
    }
    let Some(text) = number_text_to_ascii(s) else {
        return Ok(None);
    };
    let mut pos = text.iter().take_while(|&&b| is_c_space(b)).count();
    let mut negative = false;
    match text.get(pos) {
        Some(b'+') => pos += 1,
        Some(b'-') => {
            negative = true;
            pos += 1;
        }
        _ => {}
    }
    let at = |i: usize| text.get(i).copied().unwrap_or(0);
    let mut base = base;
    let mut error_if_nonzero = false;
    if base == 0 {
        base = match (at(pos), at(pos + 1).to_ascii_lowercase()) {
            (b'0', b'x') => 16,
            (b'0', b'o') => 8,
            (b'0', b'b') => 2,
            (b'0', _) => {
                // old C-style octal ("010") is invalid, but "00" is zero
                error_if_nonzero = true;
                10
            }
            _ => 10,
        };
    }
    let marker = at(pos + 1).to_ascii_lowercase();
    if at(pos) == b'0'
        && ((base == 16 && marker == b'x')
            || (base == 8 && marker == b'o')
            || (base == 2 && marker == b'b'))
    {
        pos += 2;
        if at(pos) == b'_' {
            pos += 1;
        }
    }
    if at(pos) == b'_' {
        return Ok(None);
    }
    let digit_of = |b: u8| (b as char).to_digit(36).filter(|&d| d < base);
    let mut values = Vec::new();
    let mut prev = 0u8;
    while let Some(&b) = text.get(pos) {
        if b == b'_' {
            if prev == b'_' {
                return Ok(None);
            }
        } else if let Some(d) = digit_of(b) {
            values.push(d as u8);
        } else {
            break;
        }
        prev = b;
        pos += 1;
    }
    if prev == b'_' || values.is_empty() {
        return Ok(None);
    }
    if !base.is_power_of_two() && values.len() > max_digits {
        return Err(FormatError::Value(format!(
            "Exceeds the limit ({max_digits} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            values.len()
        )));
    }
    let Some(magnitude) = BigUint::from_radix_be(&values, base) else {
        return Ok(None);
    };
    if error_if_nonzero && !magnitude.is_zero() {
        return Ok(None);
    }
    if !text[pos..].iter().all(|&b| is_c_space(b)) {
        return Ok(None);
    }
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    Ok(Some(BigInt::from_biguint(sign, magnitude)))
}

// ---------------------------------------------------------------------------------------
// printf-style formatting: str % args
// ---------------------------------------------------------------------------------------

/// Which argument a '%' conversion refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PercentKey<'a> {
    /// Position in the argument tuple; a single non-tuple argument (a dict included,
    /// when no '%(name)' is used) is index 0.
    Index(usize),
    /// `%(name)s`: the value of `args[name]` (the implementation raises `KeyError`).
    Name(&'a str),
}

/// The right operand of `str % args`, as the interpreter sees it.
pub(crate) trait PercentArgs {
    type Error: From<FormatError>;
    /// True when `args` is a mapping that is not a tuple or str (enables `%(name)s`).
    fn is_mapping(&self) -> bool;
    /// Tuple length, or 1 for a single non-tuple value (a mapping included).
    fn positional_len(&self) -> usize;
    /// `str(arg)`.
    fn str_of(&mut self, key: PercentKey<'_>) -> Result<String, Self::Error>;
    /// `repr(arg)` (also used for '%a', whose non-ASCII characters are escaped here).
    fn repr_of(&mut self, key: PercentKey<'_>) -> Result<String, Self::Error>;
    /// The int for 'd', 'i', 'u' (`int(arg)`, so floats truncate), 'o', 'x', 'X'
    /// (`arg.__index__()`) and '*' width/precision (an exact int, else
    /// `TypeError("* wants int")`). Errors are CPython's, e.g.
    /// "%d format: a real number is required, not str",
    /// "%x format: an integer is required, not float".
    fn int_of(&mut self, key: PercentKey<'_>, conversion: char) -> Result<BigInt, Self::Error>;
    /// `float(arg)` for 'e', 'E', 'f', 'F', 'g', 'G' ("must be real number, not str").
    fn float_of(&mut self, key: PercentKey<'_>, conversion: char) -> Result<f64, Self::Error>;
    /// '%c': a one-character str, or an int in range(0x110000) ("%c requires int or
    /// char", "%c arg not in range(0x110000)").
    fn char_of(&mut self, key: PercentKey<'_>) -> Result<char, Self::Error>;
    /// True for `bytes % args` (CPython's `_PyBytes_FormatEx`): '%s' and '%b' take
    /// [`PercentArgs::bytes_of`], '%r' is '%a', and a leftover argument reads "during
    /// bytes formatting". The text then holds one char per byte (Latin-1).
    fn formats_bytes(&self) -> bool {
        false
    }
    /// '%s'/'%b' of `bytes % args`: a bytes-like argument (or `__bytes__`'s result) as
    /// Latin-1 text.
    fn bytes_of(&mut self, key: PercentKey<'_>) -> Result<String, Self::Error> {
        self.str_of(key)
    }
}

/// Which argument the next conversion takes (CPython's argidx/arglen, and the looked-up
/// value after a '%(name)').
enum ArgCursor<'a> {
    Positional(usize),
    Named { key: &'a str, used: bool },
}

impl<'a> ArgCursor<'a> {
    fn next(&mut self, positional_len: usize) -> Result<PercentKey<'a>, FormatError> {
        let key = match *self {
            ArgCursor::Positional(ref mut index) if *index < positional_len => {
                *index += 1;
                Some(PercentKey::Index(*index - 1))
            }
            ArgCursor::Named { key, ref mut used } if !*used => {
                *used = true;
                Some(PercentKey::Name(key))
            }
            _ => None,
        };
        key.ok_or_else(|| FormatError::Type("not enough arguments for format string".to_string()))
    }
}

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

/// `fmt % args`: port of CPython's `PyUnicode_Format`, checks in the same order.
/// Conversions: s r a d i u o x X e E f F g G c %, flags `-+ #0`, width and precision
/// (digits or '*'), `%(name)` keys, and the ignored length modifiers h l L.
pub(crate) fn percent_format<A: PercentArgs>(fmt: &str, args: &mut A) -> Result<String, A::Error> {
    let chars: Vec<(usize, char)> = fmt.char_indices().collect();
    let len = chars.len();
    let is_mapping = args.is_mapping();
    let positional_len = args.positional_len();
    let bytes = args.formats_bytes();
    let mut cursor = ArgCursor::Positional(0);
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut pos = 0;
    while pos < len {
        let c = chars[pos].1;
        pos += 1;
        if c != '%' {
            out.push(c);
            continue;
        }
        if chars.get(pos).map(|&(_, c)| c) == Some('%') {
            out.push('%');
            pos += 1;
            continue;
        }

        // `%(name)`: everything up to the balancing ')'
        if chars.get(pos).map(|&(_, c)| c) == Some('(') {
            if !is_mapping {
                return Err(FormatError::Type("format requires a mapping".to_string()).into());
            }
            pos += 1;
            let key_start = pos;
            let mut depth = 1;
            while depth > 0 && pos < len {
                match chars[pos].1 {
                    ')' => depth -= 1,
                    '(' => depth += 1,
                    _ => {}
                }
                pos += 1;
            }
            if depth > 0 {
                return Err(value_error("incomplete format key").into());
            }
            let start_byte = chars[key_start].0;
            let end_byte = chars[pos - 1].0;
            cursor = ArgCursor::Named {
                key: &fmt[start_byte..end_byte],
                used: false,
            };
        }

        // `remaining` mirrors CPython's fmtcnt: characters left after the current one,
        // negative once the format string ran out.
        let mut remaining = (len - pos) as i64;
        let mut ch = '\0';
        let read = |ch: &mut char, pos: &mut usize, remaining: &mut i64| -> bool {
            *remaining -= 1;
            if *remaining >= 0 {
                *ch = chars[*pos].1;
                *pos += 1;
                true
            } else {
                false
            }
        };
        let mut flags = 0u8;
        while read(&mut ch, &mut pos, &mut remaining) {
            flags |= match ch {
                '-' => F_LJUST,
                '+' => F_SIGN,
                ' ' => F_BLANK,
                '#' => F_ALT,
                '0' => F_ZERO,
                _ => break,
            };
        }

        let mut width: i64 = -1;
        if ch == '*' {
            let key = cursor.next(positional_len)?;
            let value = args.int_of(key, '*')?;
            width = value.to_i64().ok_or_else(|| {
                FormatError::Overflow("Python int too large to convert to C ssize_t".to_string())
            })?;
            if width < 0 {
                flags |= F_LJUST;
                width = width.saturating_neg();
            }
            read(&mut ch, &mut pos, &mut remaining);
        } else if let Some(first) = ch.to_digit(10) {
            width = i64::from(first);
            while read(&mut ch, &mut pos, &mut remaining) {
                let Some(digit) = ch.to_digit(10) else { break };
                if width > (i64::MAX - i64::from(digit)) / 10 {
                    return Err(value_error("width too big").into());
                }
                width = width * 10 + i64::from(digit);
            }
        }

        let mut precision: i64 = -1;
        if ch == '.' {
            precision = 0;
            read(&mut ch, &mut pos, &mut remaining);
            if ch == '*' {
                let key = cursor.next(positional_len)?;
                let value = args.int_of(key, '*')?;
                let value = value.to_i32().ok_or_else(|| {
                    FormatError::Overflow("Python int too large to convert to C int".to_string())
                })?;
                precision = i64::from(value.max(0));
                read(&mut ch, &mut pos, &mut remaining);
            } else if let Some(first) = ch.to_digit(10) {
                precision = i64::from(first);
                while read(&mut ch, &mut pos, &mut remaining) {
                    let Some(digit) = ch.to_digit(10) else { break };
                    if precision > (i64::from(i32::MAX) - i64::from(digit)) / 10 {
                        return Err(value_error("precision too big").into());
                    }
                    precision = precision * 10 + i64::from(digit);
                }
            }
        }
        if remaining >= 0 && matches!(ch, 'h' | 'l' | 'L') {
            read(&mut ch, &mut pos, &mut remaining);
        }
        if remaining < 0 {
            return Err(value_error("incomplete format").into());
        }

        let key = cursor.next(positional_len)?;
        let (text, numeric) = match ch {
            's' | 'b' if bytes => (args.bytes_of(key)?, false),
            'r' | 'a' if bytes => (ascii_escape(&args.repr_of(key)?), false),
            's' => (args.str_of(key)?, false),
            'r' => (args.repr_of(key)?, false),
            'a' => (ascii_escape(&args.repr_of(key)?), false),
            'i' | 'd' | 'u' | 'o' | 'x' | 'X' => {
                let value = args.int_of(key, ch)?;
                (
                    percent_int(&value, flags & F_ALT != 0, precision, ch)?,
                    true,
                )
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let value = args.float_of(key, ch)?;
                let style = FloatStyle {
                    alternate: flags & F_ALT != 0,
                    upper: ch.is_ascii_uppercase(),
                    ..FloatStyle::default()
                };
                let precision = if precision < 0 { 6 } else { precision };
                (
                    double_to_string(value, ch.to_ascii_lowercase(), precision, style)?,
                    true,
                )
            }
            'c' => (args.char_of(key)?.to_string(), false),
            _ => {
                let shown = if (31..=126).contains(&(ch as u32)) {
                    ch
                } else {
                    '?'
                };
                return Err(FormatError::Value(format!(
                    "unsupported format character '{shown}' (0x{:x}) at index {}",
                    ch as u32,
                    pos - 1
                ))
                .into());
            }
        };
        check_output_size(width)?;
        percent_output(&mut out, &text, ch, flags, width, precision, numeric);
    }
    if let ArgCursor::Positional(index) = cursor {
        if index < positional_len && !is_mapping {
            let what = if bytes { "bytes" } else { "string" };
            return Err(FormatError::Type(format!(
                "not all arguments converted during {what} formatting"
            ))
            .into());
        }
    }
    Ok(out)
}

/// Port of CPython's `_PyUnicode_FormatLong`: `[-][0x]` then digits zero-padded to
/// `precision`.
fn percent_int(
    v: &BigInt,
    alternate: bool,
    precision: i64,
    conversion: char,
) -> Result<String, FormatError> {
    let (digits, prefix) = match conversion {
        'o' => (v.magnitude().to_str_radix(8), "0o"),
        'x' => (v.magnitude().to_str_radix(16), "0x"),
        'X' => (v.magnitude().to_str_radix(16).to_ascii_uppercase(), "0X"),
        _ => (decimal_magnitude(v)?, ""),
    };
    check_output_size(precision)?;
    let mut out = String::with_capacity(digits.len() + 4);
    if v.sign() == Sign::Minus {
        out.push('-');
    }
    if alternate {
        out.push_str(prefix);
    }
    out.extend((0..precision - digits.len() as i64).map(|_| '0'));
    out.push_str(&digits);
    Ok(out)
}

/// Port of CPython's `unicode_format_arg_output`: truncation, sign, '0x' prefix and
/// padding of one converted argument.
fn percent_output(
    out: &mut String,
    text: &str,
    conversion: char,
    flags: u8,
    width: i64,
    precision: i64,
    numeric: bool,
) {
    let chars: Vec<char> = text.chars().collect();
    let fill = if numeric && flags & F_ZERO != 0 {
        '0'
    } else {
        ' '
    };
    let mut len = chars.len() as i64;
    if matches!(conversion, 's' | 'r' | 'a') && precision >= 0 && len > precision {
        len = precision;
    }
    let mut index = 0usize;
    let mut sign = None;
    if numeric {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                sign = Some(c);
                len -= 1;
                index = 1;
            }
            _ if flags & F_SIGN != 0 => sign = Some('+'),
            _ if flags & F_BLANK != 0 => sign = Some(' '),
            _ => {}
        }
    }
    let mut width = width.max(len);
    if let Some(sign) = sign {
        if fill != ' ' {
            out.push(sign);
        }
        if width > len {
            width -= 1;
        }
    }
    let alternate_prefix = flags & F_ALT != 0 && matches!(conversion, 'x' | 'X' | 'o');
    if alternate_prefix {
        if fill != ' ' {
            out.push('0');
            out.push(conversion);
            index += 2;
        }
        width = (width - 2).max(0);
        len -= 2;
    }
    if width > len && flags & F_LJUST == 0 {
        out.extend((0..width - len).map(|_| fill));
        width = len;
    }
    if fill == ' ' {
        out.extend(sign);
        if alternate_prefix {
            out.push('0');
            out.push(conversion);
            index += 2;
        }
    }
    out.extend(chars.iter().skip(index).take(len.max(0) as usize));
    if width > len {
        out.extend((0..width - len).map(|_| ' '));
    }
}

/// `ascii()` from `repr()`: non-ASCII characters become \xhh, \uhhhh or \Uhhhhhhhh.
fn ascii_escape(repr: &str) -> String {
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        let cp = c as u32;
        match cp {
            0..=0x7f => out.push(c),
            0x80..=0xff => out.push_str(&format!("\\x{cp:02x}")),
            0x100..=0xffff => out.push_str(&format!("\\u{cp:04x}")),
            _ => out.push_str(&format!("\\U{cp:08x}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal argument model for `percent_format`: a tuple, or a dict of named values.
    #[derive(Clone)]
    enum V {
        Int(i64),
        /// 10**5000, to hit the digit limit
        Huge,
        Float(f64),
        Str(&'static str),
    }

    struct Args {
        items: Vec<V>,
        names: Option<Vec<(&'static str, V)>>,
    }

    impl Args {
        fn get(&self, key: PercentKey<'_>) -> V {
            match (key, &self.names) {
                (PercentKey::Name(name), Some(names)) => names
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map(|(_, v)| v.clone())
                    .unwrap_or(V::Str("?")),
                (PercentKey::Index(i), _) => self.items.get(i).cloned().unwrap_or(V::Str("?")),
                _ => V::Str("?"),
            }
        }
    }

    fn int_value(v: &V) -> BigInt {
        match v {
            V::Int(i) => BigInt::from(*i),
            V::Huge => BigInt::from(10).pow(5000),
            V::Float(x) => BigInt::from(x.trunc() as i64),
            V::Str(_) => BigInt::zero(),
        }
    }

    impl PercentArgs for Args {
        type Error = FormatError;
        fn is_mapping(&self) -> bool {
            self.names.is_some()
        }
        fn positional_len(&self) -> usize {
            self.items.len()
        }
        fn str_of(&mut self, key: PercentKey<'_>) -> Result<String, FormatError> {
            Ok(match self.get(key) {
                V::Str(s) => s.to_string(),
                V::Float(x) => float_repr(x),
                other => int_to_decimal(&int_value(&other))?,
            })
        }
        fn repr_of(&mut self, key: PercentKey<'_>) -> Result<String, FormatError> {
            match self.get(key) {
                V::Str(s) => Ok(format!("'{s}'")),
                _ => self.str_of(key),
            }
        }
        fn int_of(&mut self, key: PercentKey<'_>, _: char) -> Result<BigInt, FormatError> {
            Ok(int_value(&self.get(key)))
        }
        fn float_of(&mut self, key: PercentKey<'_>, _: char) -> Result<f64, FormatError> {
            match self.get(key) {
                V::Float(x) => Ok(x),
                other => int_to_f64(&int_value(&other)),
            }
        }
        fn char_of(&mut self, key: PercentKey<'_>) -> Result<char, FormatError> {
            match self.get(key) {
                V::Str(s) => Ok(s.chars().next().unwrap_or(' ')),
                other => code_point_char(int_value(&other).to_i64().unwrap_or(-1)),
            }
        }
    }

    #[test]
    fn repr_of_floats() {
        assert_eq!(float_repr(0.1_f64), "0.1");
        assert_eq!(float_repr(1.0_f64), "1.0");
        assert_eq!(float_repr(1e+16_f64), "1e+16");
        assert_eq!(float_repr(1.5e-05_f64), "1.5e-05");
        assert_eq!(float_repr(f64::INFINITY), "inf");
        assert_eq!(float_repr(f64::NEG_INFINITY), "-inf");
        assert_eq!(float_repr(f64::NAN), "nan");
        assert_eq!(float_repr(-0.0_f64), "-0.0");
        assert_eq!(float_repr(123456789012345.0_f64), "123456789012345.0");
        assert_eq!(
            float_repr(1.2345678901234567e+19_f64),
            "1.2345678901234567e+19"
        );
        assert_eq!(float_repr(1000000000000000.0_f64), "1000000000000000.0");
        assert_eq!(float_repr(0.0001_f64), "0.0001");
        assert_eq!(float_repr(5e-324_f64), "5e-324");
        assert_eq!(
            float_repr(1.7976931348623157e+308_f64),
            "1.7976931348623157e+308"
        );
        assert_eq!(float_repr(0.30000000000000004_f64), "0.30000000000000004");
        assert_eq!(float_repr(1223383794756801.2_f64), "1223383794756801.2");
    }

    #[test]
    fn float_specs() {
        let cases: &[(f64, &str, Result<String, FormatError>)] = &[
            (1e+16_f64, "", Ok("1e+16".into())),
            (0.0001_f64, "g", Ok("0.0001".into())),
            (123.0_f64, "", Ok("123.0".into())),
            (1.0_f64, ".3", Ok("1.0".into())),
            (100.0_f64, ".3", Ok("1e+02".into())),
            (1234567.891_f64, "012,.2f", Ok("1,234,567.89".into())),
            (1234.5_f64, "012,.2f", Ok("0,001,234.50".into())),
            (-0.0_f64, "z.1f", Ok("0.0".into())),
            (-0.001_f64, ".1f", Ok("-0.0".into())),
            (1e+16_f64, "#", Ok("1.e+16".into())),
            (2.5_f64, ".0f", Ok("2".into())),
            (3.5_f64, ".0f", Ok("4".into())),
            (0.125_f64, ".2f", Ok("0.12".into())),
            (1e-07_f64, "g", Ok("1e-07".into())),
            (123456789.0_f64, "g", Ok("1.23457e+08".into())),
            (1.0_f64, "#g", Ok("1.00000".into())),
            (0.5_f64, "%", Ok("50.000000%".into())),
            (1234.5_f64, "_", Ok("1_234.5".into())),
            (f64::INFINITY, "010", Ok("0000000inf".into())),
            (f64::NAN, "+010", Ok("+000000nan".into())),
            (-1.5_f64, "=+10.2f", Ok("-     1.50".into())),
            (3.14169_f64, "\u{20ac}^12.3e", Ok("\u{20ac}3.142e+00\u{20ac}\u{20ac}".into())),
            (1e+300_f64, ",.0f", Ok("1,000,000,000,000,000,052,504,760,255,204,420,248,704,468,581,108,159,154,915,854,115,511,802,457,988,908,195,786,371,375,080,447,864,043,704,443,832,883,878,176,942,523,235,360,430,575,644,792,184,786,706,982,848,387,200,926,575,803,737,830,233,794,788,090,059,368,953,234,970,799,945,081,119,038,967,640,880,074,652,742,780,142,494,579,258,788,820,056,842,838,115,669,472,196,386,865,459,400,540,160".into())),
            (12.0_f64, "n", Ok("12".into())),
            (1.5_f64, ".3000000000f", Err(FormatError::Value("precision too big".into()))),
            (1.5_f64, "q", Err(FormatError::Value("Unknown format code 'q' for object of type 'float'".into()))),
            (1.5_f64, "c", Err(FormatError::Value("Unknown format code 'c' for object of type 'float'".into()))),
            (1.5_f64, "5.2fx", Err(FormatError::Value("Invalid format specifier '5.2fx' for object of type 'float'".into()))),
            (1.5_f64, ",_", Err(FormatError::Value("Cannot specify both ',' and '_'.".into()))),
            (1.5_f64, ".", Err(FormatError::Value("Format specifier missing precision".into()))),
            (1.5_f64, ",n", Err(FormatError::Value("Cannot specify ',' with 'n'.".into()))),
            (1.5_f64, "99999999999999999999", Err(FormatError::Value("Too many decimal digits in format string".into()))),
            (0.1_f64, ".30f", Ok("0.100000000000000005551115123126".into())),
            (5e-324_f64, ".3e", Ok("4.941e-324".into())),
            (-7.0_f64, "0=8", Ok("-00007.0".into())),
        ];
        for (x, spec, want) in cases {
            assert_eq!(&format_float(*x, spec), want, "format({x}, {spec:?})");
        }
    }

    #[test]
    fn int_specs() {
        let cases: &[(i64, &str, Result<String, FormatError>)] = &[
            (255, "#x", Ok("0xff".into())),
            (255, "#X", Ok("0XFF".into())),
            (-255, "#010x", Ok("-0x00000ff".into())),
            (1234, "08,d", Ok("0,001,234".into())),
            (1234567, ",", Ok("1,234,567".into())),
            (-1234567, "_", Ok("-1_234_567".into())),
            (91, "_b", Ok("101_1011".into())),
            (3735928559, "#_x", Ok("0xdead_beef".into())),
            (65, "c", Ok("A".into())),
            (65, "05c", Ok("0000A".into())),
            (8364, "^5c", Ok("  \u{20ac}  ".into())),
            (
                -1,
                "c",
                Err(FormatError::Overflow(
                    "%c arg not in range(0x110000)".into(),
                )),
            ),
            (
                1114112,
                "c",
                Err(FormatError::Overflow(
                    "%c arg not in range(0x110000)".into(),
                )),
            ),
            (5, "+", Ok("+5".into())),
            (5, " ", Ok(" 5".into())),
            (
                5,
                ".2",
                Err(FormatError::Value(
                    "Precision not allowed in integer format specifier".into(),
                )),
            ),
            (
                5,
                "z",
                Err(FormatError::Value(
                    "Negative zero coercion (z) not allowed in integer format specifier".into(),
                )),
            ),
            (
                65,
                "+c",
                Err(FormatError::Value(
                    "Sign not allowed with integer format specifier 'c'".into(),
                )),
            ),
            (
                65,
                "#c",
                Err(FormatError::Value(
                    "Alternate form (#) not allowed with integer format specifier 'c'".into(),
                )),
            ),
            (
                5,
                ",n",
                Err(FormatError::Value("Cannot specify ',' with 'n'.".into())),
            ),
            (5, "f", Ok("5.000000".into())),
            (5, "%", Ok("500.000000%".into())),
            (1000000000000000, "e", Ok("1.000000e+15".into())),
            (
                5,
                "\u{20ac}^9",
                Ok("\u{20ac}\u{20ac}\u{20ac}\u{20ac}5\u{20ac}\u{20ac}\u{20ac}\u{20ac}".into()),
            ),
            (
                5,
                "q",
                Err(FormatError::Value(
                    "Unknown format code 'q' for object of type 'int'".into(),
                )),
            ),
            (-42, "=+8", Ok("-     42".into())),
            (-42, "08", Ok("-0000042".into())),
            (42, "n", Ok("42".into())),
            (42, "0=+#10_b", Ok("+0b10_1010".into())),
            (
                123,
                "s",
                Err(FormatError::Value(
                    "Unknown format code 's' for object of type 'int'".into(),
                )),
            ),
        ];
        for (v, spec, want) in cases {
            assert_eq!(
                &format_int(&BigInt::from(*v), spec),
                want,
                "format({v}, {spec:?})"
            );
        }
    }

    #[test]
    fn str_specs() {
        let cases: &[(&str, &str, Result<String, FormatError>)] = &[
            ("ab", "05", Ok("ab000".into())),
            ("ab", ">5", Ok("   ab".into())),
            ("ab", "^5", Ok(" ab  ".into())),
            ("ab", "*^7", Ok("**ab***".into())),
            ("h\u{e9}llo", ".2", Ok("h\u{e9}".into())),
            ("h\u{e9}llo", "10.3", Ok("h\u{e9}l       ".into())),
            (
                "\u{20ac}",
                "\u{20ac}>3",
                Ok("\u{20ac}\u{20ac}\u{20ac}".into()),
            ),
            (
                "ab",
                "+",
                Err(FormatError::Value(
                    "Sign not allowed in string format specifier".into(),
                )),
            ),
            (
                "ab",
                " ",
                Err(FormatError::Value(
                    "Space not allowed in string format specifier".into(),
                )),
            ),
            (
                "ab",
                "#",
                Err(FormatError::Value(
                    "Alternate form (#) not allowed in string format specifier".into(),
                )),
            ),
            (
                "ab",
                "=5",
                Err(FormatError::Value(
                    "'=' alignment not allowed in string format specifier".into(),
                )),
            ),
            (
                "ab",
                "z",
                Err(FormatError::Value(
                    "Negative zero coercion (z) not allowed in string format specifier".into(),
                )),
            ),
            (
                "ab",
                ",",
                Err(FormatError::Value("Cannot specify ',' with 's'.".into())),
            ),
            (
                "ab",
                "d",
                Err(FormatError::Value(
                    "Unknown format code 'd' for object of type 'str'".into(),
                )),
            ),
            (
                "a",
                "5.2fx",
                Err(FormatError::Value(
                    "Invalid format specifier '5.2fx' for object of type 'str'".into(),
                )),
            ),
            ("ab", "", Ok("ab".into())),
        ];
        for (s, spec, want) in cases {
            assert_eq!(&format_str(s, spec), want, "format({s:?}, {spec:?})");
        }
    }

    #[test]
    fn rounding() {
        assert_eq!(
            round_float(2.675_f64, 2).map(f64::to_bits),
            Some(2.67_f64.to_bits()),
            "round(2.675, 2)"
        );
        assert_eq!(
            round_float(0.125_f64, 2).map(f64::to_bits),
            Some(0.12_f64.to_bits()),
            "round(0.125, 2)"
        );
        assert_eq!(
            round_float(0.375_f64, 2).map(f64::to_bits),
            Some(0.38_f64.to_bits()),
            "round(0.375, 2)"
        );
        assert_eq!(
            round_float(2.5_f64, 0).map(f64::to_bits),
            Some(2.0_f64.to_bits()),
            "round(2.5, 0)"
        );
        assert_eq!(
            round_float(3.5_f64, 0).map(f64::to_bits),
            Some(4.0_f64.to_bits()),
            "round(3.5, 0)"
        );
        assert_eq!(
            round_float(-0.5_f64, 0).map(f64::to_bits),
            Some((-0.0_f64).to_bits()),
            "round(-0.5, 0)"
        );
        assert_eq!(
            round_float(-0.4_f64, 0).map(f64::to_bits),
            Some((-0.0_f64).to_bits()),
            "round(-0.4, 0)"
        );
        assert_eq!(
            round_float(25.0_f64, -1).map(f64::to_bits),
            Some(20.0_f64.to_bits()),
            "round(25.0, -1)"
        );
        assert_eq!(
            round_float(35.0_f64, -1).map(f64::to_bits),
            Some(40.0_f64.to_bits()),
            "round(35.0, -1)"
        );
        assert_eq!(
            round_float(5.0_f64, -1).map(f64::to_bits),
            Some(0.0_f64.to_bits()),
            "round(5.0, -1)"
        );
        assert_eq!(
            round_float(15.0_f64, -1).map(f64::to_bits),
            Some(20.0_f64.to_bits()),
            "round(15.0, -1)"
        );
        assert_eq!(
            round_float(12345.678_f64, -2).map(f64::to_bits),
            Some(12300.0_f64.to_bits()),
            "round(12345.678, -2)"
        );
        assert_eq!(
            round_float(1.5_f64, 400).map(f64::to_bits),
            Some(1.5_f64.to_bits()),
            "round(1.5, 400)"
        );
        assert_eq!(
            round_float(123.0_f64, -400).map(f64::to_bits),
            Some(0.0_f64.to_bits()),
            "round(123.0, -400)"
        );
        assert_eq!(
            round_float(-123.0_f64, -400).map(f64::to_bits),
            Some((-0.0_f64).to_bits()),
            "round(-123.0, -400)"
        );
        assert_eq!(
            round_float(0.1_f64, 323).map(f64::to_bits),
            Some(0.1_f64.to_bits()),
            "round(0.1, 323)"
        );
        assert_eq!(
            round_float(1e+300_f64, -300).map(f64::to_bits),
            Some(1e+300_f64.to_bits()),
            "round(1e+300, -300)"
        );
        assert_eq!(
            round_float(5e-324_f64, 323).map(f64::to_bits),
            Some(0.0_f64.to_bits()),
            "round(5e-324, 323)"
        );
        assert_eq!(
            round_float(5e-324_f64, 322).map(f64::to_bits),
            Some(0.0_f64.to_bits()),
            "round(5e-324, 322)"
        );
        assert_eq!(
            round_float(f64::INFINITY, 2).map(f64::to_bits),
            Some(f64::INFINITY.to_bits()),
            "round(inf, 2)"
        );
        assert_eq!(
            round_float(1.23456789e-05_f64, 7).map(f64::to_bits),
            Some(1.23e-05_f64.to_bits()),
            "round(1.23456789e-05, 7)"
        );
        assert!(round_float(f64::NAN, 1).is_some_and(f64::is_nan));
        assert_eq!(round_float(1.7976931348623157e308, -308), None);
    }

    #[test]
    fn float_from_text() {
        assert_eq!(
            parse_float("  1_000.5 ").map(f64::to_bits),
            Some(1000.5_f64.to_bits())
        );
        assert_eq!(
            parse_float("inf").map(f64::to_bits),
            Some(f64::INFINITY.to_bits())
        );
        assert_eq!(
            parse_float("-Infinity").map(f64::to_bits),
            Some(f64::NEG_INFINITY.to_bits())
        );
        assert!(parse_float("nan").is_some_and(f64::is_nan));
        assert_eq!(
            parse_float("1e5").map(f64::to_bits),
            Some(100000.0_f64.to_bits())
        );
        assert_eq!(parse_float(".5").map(f64::to_bits), Some(0.5_f64.to_bits()));
        assert_eq!(parse_float("5.").map(f64::to_bits), Some(5.0_f64.to_bits()));
        assert_eq!(
            parse_float("-.5e-3").map(f64::to_bits),
            Some((-0.0005_f64).to_bits())
        );
        assert_eq!(
            parse_float("\u{a0}\u{661}\u{662}.\u{665}\u{2003}").map(f64::to_bits),
            Some(12.5_f64.to_bits())
        );
        assert_eq!(
            parse_float("1e999").map(f64::to_bits),
            Some(f64::INFINITY.to_bits())
        );
        assert_eq!(
            parse_float("-1e-999").map(f64::to_bits),
            Some((-0.0_f64).to_bits())
        );
        assert_eq!(parse_float("0x10"), None);
        assert_eq!(parse_float("1__0"), None);
        assert_eq!(parse_float("_1"), None);
        assert_eq!(parse_float("1_"), None);
        assert_eq!(parse_float("1_.5"), None);
        assert_eq!(parse_float("1e"), None);
        assert_eq!(parse_float(""), None);
        assert_eq!(parse_float(" "), None);
        assert_eq!(parse_float("- 1"), None);
        assert_eq!(parse_float("infinit"), None);
        assert_eq!(parse_float("\u{1c}5"), None);
        assert_eq!(parse_float("1.5e1.5"), None);
    }

    #[test]
    fn int_from_text() {
        assert_eq!(parse_int("  -42 ", 10), Some(BigInt::from(-42i64)));
        assert_eq!(parse_int("ff", 16), Some(BigInt::from(255i64)));
        assert_eq!(parse_int("0x1f", 0), Some(BigInt::from(31i64)));
        assert_eq!(parse_int("0x1f", 16), Some(BigInt::from(31i64)));
        assert_eq!(parse_int("0x_1f", 0), Some(BigInt::from(31i64)));
        assert_eq!(parse_int("1_000", 10), Some(BigInt::from(1000i64)));
        assert_eq!(parse_int("010", 0), None);
        assert_eq!(parse_int("00", 0), Some(BigInt::from(0i64)));
        assert_eq!(parse_int("0_0", 0), Some(BigInt::from(0i64)));
        assert_eq!(parse_int("0b101", 0), Some(BigInt::from(5i64)));
        assert_eq!(parse_int("0o17", 0), Some(BigInt::from(15i64)));
        assert_eq!(parse_int("z", 36), Some(BigInt::from(35i64)));
        assert_eq!(parse_int("Z", 36), Some(BigInt::from(35i64)));
        assert_eq!(parse_int("1__0", 10), None);
        assert_eq!(parse_int("_1", 10), None);
        assert_eq!(parse_int("1_", 10), None);
        assert_eq!(parse_int("0x", 16), None);
        assert_eq!(parse_int("", 10), None);
        assert_eq!(parse_int("- 1", 10), None);
        assert_eq!(parse_int("1 2", 10), None);
        assert_eq!(parse_int("\u{661}\u{662}", 10), Some(BigInt::from(12i64)));
        assert_eq!(parse_int("\u{a0}7\u{2003}", 10), Some(BigInt::from(7i64)));
        assert_eq!(parse_int("\u{1c}5", 10), None);
        assert_eq!(parse_int("12", 2), None);
        assert_eq!(parse_int("0b12", 0), None);
        assert_eq!(parse_int("9", 1), None);
        assert_eq!(parse_int("9", 37), None);
        assert_eq!(parse_int("+0X10", 16), Some(BigInt::from(16i64)));
    }

    #[test]
    fn percent_positional() {
        let cases: Vec<(&str, Vec<V>, Result<String, FormatError>)> = vec![
            ("%5.2f|%-4d|%s|%r|%x|%c|%%", vec![V::Float(3.14169_f64), V::Int(42), V::Str("hi"), V::Str("hi"), V::Int(255), V::Int(65)], Ok(" 3.14|42  |hi|'hi'|ff|A|%".into())),
            ("%*d|%-*d|%.*f", vec![V::Int(5), V::Int(42), V::Int(4), V::Int(7), V::Int(2), V::Float(3.14169_f64)], Ok("   42|7   |3.14".into())),
            ("%#o %#X %#05x %+#08.3x", vec![V::Int(8), V::Int(255), V::Int(255), V::Int(255)], Ok("0o10 0XFF 0x0ff +0x000ff".into())),
            ("%05f|%-05d|%05.3d|% d|%+.2e|%G", vec![V::Float(f64::INFINITY), V::Int(3), V::Int(5), V::Int(7), V::Float(12345.678_f64), V::Float(1e-10_f64)], Ok("00inf|3    |00005| 7|+1.23e+04|1E-10".into())),
            ("%.2s|%5.1s|%-4s|%a", vec![V::Str("hello"), V::Str("xyz"), V::Str("ab"), V::Str("caf\u{e9}\u{20ac}")], Ok("he|    x|ab  |'caf\\xe9\\u20ac'".into())),
            ("%ld %hi %Lf", vec![V::Int(1), V::Int(2), V::Float(3.5_f64)], Ok("1 2 3.500000".into())),
            ("%s", vec![V::Int(1), V::Int(2)], Err(FormatError::Type("not all arguments converted during string formatting".into()))),
            ("%s %s", vec![V::Int(1)], Err(FormatError::Type("not enough arguments for format string".into()))),
            ("%5%", vec![], Err(FormatError::Type("not enough arguments for format string".into()))),
            ("%5%", vec![V::Int(1)], Err(FormatError::Value("unsupported format character '%' (0x25) at index 2".into()))),
            ("%q", vec![V::Int(5)], Err(FormatError::Value("unsupported format character 'q' (0x71) at index 1".into()))),
            ("abc%", vec![V::Int(5)], Err(FormatError::Value("incomplete format".into()))),
            ("%(a)s", vec![V::Int(1)], Err(FormatError::Type("format requires a mapping".into()))),
            ("%.2147483648f", vec![V::Float(1.5_f64)], Err(FormatError::Value("precision too big".into()))),
            ("%1000000000000000000000d", vec![V::Int(1)], Err(FormatError::Value("width too big".into()))),
            ("%d", vec![V::Huge], Err(FormatError::Value("Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit".into()))),
            ("%\u{e9}", vec![V::Int(1)], Err(FormatError::Value("unsupported format character '?' (0xe9) at index 1".into()))),
        ];
        for (fmt, items, want) in cases {
            let mut args = Args { items, names: None };
            assert_eq!(percent_format(fmt, &mut args), want, "{fmt:?}");
        }
    }

    #[test]
    fn percent_mapping() {
        let names = vec![("name", V::Str("Ada")), ("age", V::Int(7))];
        let mut args = Args {
            items: vec![V::Str("{...}")],
            names: Some(names),
        };
        let fmt = "%(name)s is %(age)03d; %(name)r";
        assert_eq!(
            percent_format(fmt, &mut args),
            Ok("Ada is 007; 'Ada'".to_string())
        );
        // without keys the mapping itself is the single argument
        assert_eq!(percent_format("%s", &mut args), Ok("{...}".to_string()));
        let not_enough = Err(FormatError::Type(
            "not enough arguments for format string".into(),
        ));
        assert_eq!(percent_format("%(age)s %s", &mut args), not_enough);
        let incomplete = Err(FormatError::Value("incomplete format key".into()));
        assert_eq!(percent_format("%(age", &mut args), incomplete);
    }

    #[test]
    fn radix_and_decimal() {
        let v = |i: i64| BigInt::from(i);
        assert_eq!(int_to_str_radix(&v(255), 16, true), "0xff");
        assert_eq!(int_to_str_radix(&v(-5), 2, true), "-0b101");
        assert_eq!(int_to_str_radix(&v(8), 8, true), "0o10");
        assert_eq!(int_to_str_radix(&v(-35), 36, false), "-z");
        assert_eq!(int_to_str_radix(&v(0), 16, true), "0x0");
        assert_eq!(int_to_str_radix(&v(10), 99, false), "10");
        let limit = BigInt::from(10).pow(4300);
        assert_eq!(int_to_decimal(&(&limit - 1)).map(|s| s.len()), Ok(4300));
        assert!(matches!(int_to_decimal(&limit), Err(FormatError::Value(_))));
        assert!(matches!(
            int_to_decimal(&-limit),
            Err(FormatError::Value(_))
        ));
        let digits = "7".repeat(4301);
        assert!(
            matches!(parse_int_limited(&digits, 10), Err(FormatError::Value(m)) if m.contains("value has 4301 digits"))
        );
        assert_eq!(parse_int(&digits, 10).map(|v| v.bits() > 14000), Some(true));
        assert_eq!(
            parse_int_limited(&format!("0b{}", "1".repeat(20_000)), 0).map(|v| v.map(|v| v.bits())),
            Ok(Some(20_000))
        );
    }

    /// Big inputs must stay fast (linear or close) and never allocate absurdly.
    #[test]
    fn large_inputs() {
        let big = BigInt::from(10).pow(4299) * 7;
        assert_eq!(format_int(&big, ",").map(|s| s.len()), Ok(4300 + 1433));
        assert_eq!(format_int(&big, "_x").map(|s| s.is_empty()), Ok(false));
        let huge = BigInt::from(1) << 1_000_000usize;
        assert_eq!(int_to_str_radix(&huge, 16, true).len(), 250_003);
        assert!(matches!(format_int(&huge, "d"), Err(FormatError::Value(_))));
        assert_eq!(format_float(1e308, ".1000f").map(|s| s.len()), Ok(1310));
        assert_eq!(format_float(5e-324, ".1100e").map(|s| s.len()), Ok(1107));
        assert_eq!(format_float(0.1, ".1000000g").map(|s| s.len()), Ok(57));
        assert_eq!(format_float(1.5, ".100000000f"), Err(FormatError::Memory));
        assert_eq!(
            format_int(&BigInt::from(1), "100000000"),
            Err(FormatError::Memory)
        );
        assert_eq!(format_str("a", "100000000"), Err(FormatError::Memory));
    }

    /// Arbitrary specs and format strings never panic.
    #[test]
    fn fuzz_never_panics() {
        let alphabet: Vec<char> = "<>=^+- z#0123456789,_.*()%eEfFgGnbcdoxXsraqhlL\u{20ac}\u{663}"
            .chars()
            .collect();
        let mut state = 0x2545_f491_4f6c_dd1du64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let values = [
            0.0,
            -0.0,
            1.5,
            -2.5e-300,
            1e300,
            f64::INFINITY,
            f64::NAN,
            5e-324,
        ];
        for _ in 0..20_000 {
            let len = (next() % 9) as usize;
            let text: String = (0..len)
                .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
                .collect();
            let x = values[(next() % values.len() as u64) as usize];
            let _ = format_float(x, &text);
            let _ = format_int(&BigInt::from(next() as i64 >> (next() % 64)), &text);
            let _ = format_str("abc", &text);
            let _ = parse_float(&text);
            let _ = parse_int(&text, (next() % 38) as u32);
            let mut args = Args {
                items: vec![V::Int(3), V::Float(x), V::Str("s")],
                names: None,
            };
            let _ = percent_format(&text, &mut args);
            let _ = round_float(x, (next() % 800) as i64 - 400);
        }
    }
}
