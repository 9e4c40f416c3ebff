//! Source bytes to source text, as CPython's tokenizer decodes a file (PEP 263).
//!
//! - A UTF-8 byte-order mark is skipped; with a BOM only UTF-8 may be declared.
//! - A `coding[:=]NAME` comment on line 1, or on line 2 below a comment or blank line,
//!   selects the encoding. Supported: UTF-8, Latin-1 (ISO-8859-1), ASCII, ISO-8859-15
//!   and Windows-1252 under their usual Python names; any other name (a real codec such
//!   as `cp437` included) is `SyntaxError: encoding problem: NAME`.
//! - Without a declaration the source must be UTF-8.
//!
//! Invariant: the result is valid text or an [`Error`] whose traceback is what CPython
//! prints; this never panics. NUL bytes are left in: the compiler rejects them with
//! CPython's message and line.

use crate::{Error, ErrorKind};

/// Decode a source file's bytes; `filename` is what error messages show.
pub fn decode_source(bytes: &[u8], filename: &str) -> Result<String, Error> {
    let (has_bom, body) = match bytes.strip_prefix(b"\xef\xbb\xbf") {
        Some(rest) => (true, rest),
        None => (false, bytes),
    };
    let declared = declared_encoding(body);
    let encoding = match &declared {
        None => Encoding::Utf8,
        Some(name) => match Encoding::named(name) {
            Some(Encoding::Utf8) => Encoding::Utf8,
            Some(_) if has_bom => {
                return Err(syntax_error(
                    format!("encoding problem: {} with BOM", normal_name(name)),
                    0,
                ))
            }
            Some(encoding) => encoding,
            None => {
                return Err(syntax_error(format!("encoding problem: {name}"), 0));
            }
        },
    };
    match encoding {
        Encoding::Utf8 if has_bom || declared.is_some() => declared_utf8(body),
        Encoding::Utf8 => std::str::from_utf8(body).map(str::to_owned).map_err(|e| {
            let at = e.valid_up_to();
            let line = line_of(body, at);
            syntax_error(
                format!(
                    "Non-UTF-8 code starting with '\\x{:02x}' in file {filename} on line {line}, \
                     but no encoding declared; see https://peps.python.org/pep-0263/ for details",
                    body[at]
                ),
                line,
            )
        }),
        Encoding::Ascii => match body.iter().position(|b| !b.is_ascii()) {
            None => Ok(body.iter().map(|&b| b as char).collect()),
            Some(at) => Err(syntax_error(
                format!(
                    "(unicode error) 'ascii' codec can't decode byte 0x{:02x} in position {at}: \
                     ordinal not in range(128)",
                    body[at]
                ),
                line_of(body, at),
            )),
        },
        Encoding::Latin1 => Ok(body.iter().map(|&b| b as char).collect()),
        Encoding::Latin9 => Ok(body.iter().map(|&b| latin9(b)).collect()),
        Encoding::Cp1252 => body
            .iter()
            .enumerate()
            .map(|(at, &b)| {
                cp1252(b).ok_or_else(|| {
                    syntax_error(
                        format!(
                            "(unicode error) 'charmap' codec can't decode byte 0x{b:02x} in \
                             position {at}: character maps to <undefined>"
                        ),
                        line_of(body, at),
                    )
                })
            })
            .collect(),
    }
}

/// What a lexical scan of UTF-8 source is inside of.
#[derive(Clone, Copy)]
enum Scan {
    /// Code; `name` is where the identifier (or prefix) the scan is in began.
    Code {
        name: Option<usize>,
    },
    Comment,
    /// A string literal whose contents begin at `start`.
    Str {
        quote: u8,
        triple: bool,
        start: usize,
        bytes: bool,
    },
}

/// UTF-8 that was declared (or marked by a BOM): CPython's tokenizer then decodes token by
/// token, so invalid bytes in a comment pass, and in a string literal or a name they are
/// `(unicode error) 'utf-8' codec can't decode byte ...` at their position in the token
/// (in a bytes literal: the bytes literal's own error).
fn declared_utf8(body: &[u8]) -> Result<String, Error> {
    if let Ok(text) = std::str::from_utf8(body) {
        return Ok(text.to_owned());
    }
    let mut bad = Vec::new(); // (start, length or None at the end of the data)
    let mut at = 0;
    while let Err(e) = std::str::from_utf8(&body[at..]) {
        let start = at + e.valid_up_to();
        bad.push((start, e.error_len()));
        at = start + e.error_len().unwrap_or(body.len() - start);
        if at >= body.len() {
            break;
        }
    }
    let mut bad = bad.into_iter().peekable();
    let mut scan = Scan::Code { name: None };
    let mut i = 0;
    while i < body.len() {
        let b = body[i];
        if let Some(&(start, len)) = bad.peek() {
            if start == i {
                let position = match scan {
                    Scan::Comment => {
                        bad.next();
                        i += len.unwrap_or(1);
                        continue;
                    }
                    Scan::Str { bytes: true, .. } => {
                        return Err(syntax_error(
                            "bytes can only contain ASCII literal characters".into(),
                            line_of(body, i),
                        ))
                    }
                    Scan::Str { start, .. } => i - start,
                    Scan::Code { name } => i - name.unwrap_or(i),
                };
                let reason = match (b, len) {
                    (0xc2..=0xf4, None) => "unexpected end of data",
                    (0xc2..=0xf4, Some(_)) => "invalid continuation byte",
                    _ => "invalid start byte",
                };
                return Err(syntax_error(
                    format!(
                        "(unicode error) 'utf-8' codec can't decode byte 0x{b:02x} in position \
                         {position}: {reason}"
                    ),
                    line_of(body, i),
                ));
            }
        }
        match scan {
            Scan::Comment if b == b'\n' => scan = Scan::Code { name: None },
            Scan::Comment => {}
            Scan::Code { .. } if b == b'#' => scan = Scan::Comment,
            Scan::Code { name } if b == b'\'' || b == b'"' => {
                let triple = body[i..].starts_with(&[b, b, b]);
                let prefix = name.map_or(&[][..], |start| &body[start..i]);
                let skip = if triple { 3 } else { 1 };
                scan = Scan::Str {
                    quote: b,
                    triple,
                    start: i + skip,
                    bytes: prefix.iter().any(|c| c.eq_ignore_ascii_case(&b'b')),
                };
                i += skip;
                continue;
            }
            Scan::Code { name } => {
                let in_name = b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80;
                scan = Scan::Code {
                    name: if in_name { name.or(Some(i)) } else { None },
                };
            }
            Scan::Str { .. } if b == b'\\' => {
                i += 2;
                continue;
            }
            Scan::Str { quote, triple, .. } if b == quote => {
                if !triple || body[i..].starts_with(&[quote, quote, quote]) {
                    i += if triple { 3 } else { 1 };
                    scan = Scan::Code { name: None };
                    continue;
                }
            }
            // An unterminated literal: the compiler reports it.
            Scan::Str { triple: false, .. } if b == b'\n' => scan = Scan::Code { name: None },
            Scan::Str { .. } => {}
        }
        i += 1;
    }
    // Only comments held invalid bytes, and comments are dropped.
    Ok(String::from_utf8_lossy(body).into_owned())
}

/// The encodings a declaration may select.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Utf8,
    Ascii,
    Latin1,
    /// ISO-8859-15.
    Latin9,
    Cp1252,
}

impl Encoding {
    /// By a Python codec name or alias, compared by [`codec_key`].
    fn named(name: &str) -> Option<Encoding> {
        Some(match codec_key(name).as_str() {
            "utf_8" | "utf8" | "u8" | "utf" | "utf8_ucs2" | "utf8_ucs4" | "cp65001" => {
                Encoding::Utf8
            }
            "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" => Encoding::Ascii,
            "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859"
            | "cp819" | "iso_ir_100" | "iso_latin_1" => Encoding::Latin1,
            "iso8859_15" | "iso_8859_15" | "latin9" | "latin_9" | "l9" => Encoding::Latin9,
            "cp1252" | "windows_1252" => Encoding::Cp1252,
            _ => return None,
        })
    }
}

/// A codec name as Python's codec registry compares it: lowercase, `-` and ` ` as `_`
/// (shared with `str.encode`/`bytes.decode`).
pub(crate) fn codec_key(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// CPython's tokenizer shortens the names it knows before reporting them.
fn normal_name(name: &str) -> String {
    let lower = name.to_ascii_lowercase().replace('_', "-");
    let is = |base: &str| lower == base || lower.starts_with(&format!("{base}-"));
    if is("utf-8") {
        "utf-8".into()
    } else if is("latin-1") || is("iso-8859-1") || is("iso-latin-1") {
        "iso-8859-1".into()
    } else {
        name.into()
    }
}

/// The name in a PEP 263 declaration on the first two lines, if any.
fn declared_encoding(source: &[u8]) -> Option<String> {
    let mut lines = source.split(|&b| b == b'\n');
    let first = lines.next()?;
    if let Some(name) = coding_of_line(first) {
        return Some(name);
    }
    // Line 2 counts only below a line that is blank or a comment.
    let first_trimmed: Vec<u8> = first
        .iter()
        .copied()
        .skip_while(|b| matches!(b, b' ' | b'\t' | b'\x0c' | b'\r'))
        .collect();
    if !(first_trimmed.is_empty() || first_trimmed[0] == b'#') {
        return None;
    }
    coding_of_line(lines.next()?)
}

/// `^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`, CPython's regular expression.
fn coding_of_line(line: &[u8]) -> Option<String> {
    let start = line
        .iter()
        .position(|b| !matches!(b, b' ' | b'\t' | b'\x0c'))?;
    let comment = line[start..].strip_prefix(b"#")?;
    let mut from = 0;
    while let Some(found) = find(&comment[from..], b"coding") {
        let after = from + found + b"coding".len();
        if let Some(b':' | b'=') = comment.get(after) {
            let rest = &comment[after + 1..];
            let rest = &rest[rest
                .iter()
                .take_while(|b| matches!(b, b' ' | b'\t'))
                .count()..];
            let name: Vec<u8> = rest
                .iter()
                .copied()
                .take_while(|&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
                .collect();
            if !name.is_empty() {
                return Some(String::from_utf8_lossy(&name).into_owned());
            }
        }
        from = after;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// 1-based line of byte `at`.
fn line_of(bytes: &[u8], at: usize) -> usize {
    bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1
}

fn syntax_error(message: String, line: usize) -> Error {
    Error {
        kind: ErrorKind::Syntax { line, column: 0 },
        type_name: "SyntaxError".into(),
        traceback: format!("SyntaxError: {message}\n"),
        message,
    }
}

/// ISO-8859-15: Latin-1 with eight code points replaced.
fn latin9(b: u8) -> char {
    match b {
        0xa4 => '\u{20ac}',
        0xa6 => '\u{160}',
        0xa8 => '\u{161}',
        0xb4 => '\u{17d}',
        0xb8 => '\u{17e}',
        0xbc => '\u{152}',
        0xbd => '\u{153}',
        0xbe => '\u{178}',
        b => b as char,
    }
}

/// Windows-1252: Latin-1 except 0x80-0x9f; five of those are undefined.
fn cp1252(b: u8) -> Option<char> {
    const HIGH: [u32; 32] = [
        0x20ac, 0, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039,
        0x152, 0, 0x17d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc,
        0x2122, 0x161, 0x203a, 0x153, 0, 0x17e, 0x178,
    ];
    match b {
        0x80..=0x9f => char::from_u32(HIGH[(b - 0x80) as usize]).filter(|&c| c != '\0'),
        b => Some(b as char),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decoded(bytes: &[u8]) -> Result<String, String> {
        decode_source(bytes, "/t.py").map_err(|e| e.message)
    }

    #[test]
    fn declarations_select_the_encoding() {
        assert_eq!(
            decoded(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n").unwrap(),
            "# -*- coding: latin-1 -*-\nx = '\u{e9}'\n"
        );
        assert_eq!(
            decoded(b"#!/usr/bin/python\n# vim: set fileencoding=iso-8859-15 :\n\xa4")
                .unwrap()
                .chars()
                .last(),
            Some('\u{20ac}')
        );
        assert_eq!(
            decoded(b"# coding=cp1252\n\x80").unwrap().chars().last(),
            Some('\u{20ac}')
        );
        assert_eq!(
            decoded(b"# coding: UTF8\nok").unwrap(),
            "# coding: UTF8\nok"
        );
    }

    #[test]
    fn declared_utf8_reports_invalid_bytes_per_token_as_cpython() {
        // Each message as python3 3.11 prints it for the same file.
        let unicode = |source: &[u8]| decoded(source).unwrap_err();
        assert_eq!(
            unicode(b"# coding: utf-8\nprint(3)\nx = 'ab\xe9cd'\n"),
            "(unicode error) 'utf-8' codec can't decode byte 0xe9 in position 2: invalid continuation byte"
        );
        assert_eq!(
            unicode(b"\xef\xbb\xbfprint(3)\nx = \"ab\xffcd\"\n"),
            "(unicode error) 'utf-8' codec can't decode byte 0xff in position 2: invalid start byte"
        );
        assert_eq!(
            unicode(b"# coding: utf-8\nx\xff = 1\n"),
            "(unicode error) 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte"
        );
        assert_eq!(
            unicode(b"# coding: utf-8\nx = b'\xff'\n"),
            "bytes can only contain ASCII literal characters"
        );
        // In a comment, after a declaration, they pass (the comment is dropped).
        assert!(decoded(b"# coding: utf-8\nprint(3)\n# caf\xc3\n").is_ok());
        // Undeclared, the whole file must be UTF-8.
        assert!(decoded(b"print(2)\n# caf\xc3\n")
            .unwrap_err()
            .starts_with("Non-UTF-8 code starting with '\\xc3'"));
    }

    #[test]
    fn declarations_count_only_on_the_first_two_lines() {
        let third = decoded(b"\n\n# coding: latin-1\n\xff");
        assert!(third
            .unwrap_err()
            .starts_with("Non-UTF-8 code starting with '\\xff' in file /t.py on line 4"));
        let below_code = decoded(b"x = 1\n# coding: latin-1\n\xff");
        assert!(below_code.is_err());
    }

    #[test]
    fn bad_declarations_are_syntax_errors() {
        assert_eq!(
            decoded(b"# -*- coding: bogus -*-\n").unwrap_err(),
            "encoding problem: bogus"
        );
        assert_eq!(
            decoded(b"\xef\xbb\xbf# coding: latin-1\n").unwrap_err(),
            "encoding problem: iso-8859-1 with BOM"
        );
        assert!(decoded(b"# coding: ascii\n'\xe9'")
            .unwrap_err()
            .contains("'ascii' codec can't decode byte 0xe9"));
    }

    #[test]
    fn undeclared_sources_are_utf8_with_an_optional_bom() {
        assert_eq!(decoded(b"\xef\xbb\xbfprint(1)\n").unwrap(), "print(1)\n");
        assert!(decoded(b"x = 1\ny = '\xff'\n")
            .unwrap_err()
            .contains("'\\xff' in file /t.py on line 2"));
    }
}
