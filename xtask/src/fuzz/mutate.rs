//! Byte-level mutations of the conformance programs (`tests/programs/*.py`).
//!
//! [`mutate`] starts from one real program and applies a few random edits: deleting,
//! inserting interesting tokens (brackets, quotes, keywords, odd unicode, control
//! characters), flipping bits, duplicating, swapping, re-indenting and truncating lines,
//! splicing in lines of another program. The result is usually almost-Python, which is
//! what exercises the parser's and compiler's error paths.
//!
//! Invariant: no edit inserts ASCII digits, so a mutation cannot turn `range(10)` into
//! `range(10000000000)` or `2 ** 100` into `2 ** 1000000000` — inputs that would only
//! measure CPU or memory, which CPython could not run either. (Deleting the bytes between
//! two numbers can still join them, rarely and into numbers of a few more digits.)

use super::rng::Rng;

/// Tokens worth inserting anywhere.
const TOKENS: &[&str] = &[
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ".",
    "=",
    "==",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "@",
    "\n",
    "    ",
    "\t",
    "\"",
    "'",
    "\"\"\"",
    "'''",
    "\\",
    "#",
    " lambda ",
    "yield ",
    "return ",
    "not ",
    " and ",
    " or ",
    "None",
    "True",
    "[]",
    "{}",
    "()",
    "*a",
    "**k",
    "é",
    "€",
    "😀",
    "\u{200b}",
    "\0",
    "\u{feff}",
    "\u{2028}",
    "𝕏",
    "ǅ",
    "ß",
    "İ",
    "f\"{",
    "f'{x!r:>",
    "}",
    "\r",
    "\r\n",
    "\x0c",
    "\x0b",
    "async ",
    "await ",
    "match ",
    "case ",
    "global x\n",
    "nonlocal x\n",
    "del ",
    "pass",
    "break",
    "continue",
    "raise",
    "try:",
    "except:",
    "finally:",
    "import sys\n",
    "sys.setrecursionlimit",
    "class ",
    "def ",
    "if ",
    "else:",
    "elif ",
    "while ",
    "for ",
    " in ",
    "with ",
    " as ",
    "assert ",
    "print(",
    "input(",
    "self",
    "super()",
    "__init__",
    "__class__",
    "__dict__",
    "...",
    "->",
    ":=",
    "~",
    "^",
    "|",
    "&",
    "<<",
    ">>",
    "!=",
    "<=",
    "is not ",
    "from ",
    "*",
    ";",
    "\\N{",
    "\\x",
    "\\u",
    "r'",
    "b'",
    "import json\n",
    "json.loads(",
    "json.dumps(",
    "float('nan')",
    "float('inf')",
    "e",
    "j",
    "_",
    ".e",
];

/// Bytes that a random replacement may produce: anything but ASCII digits.
fn random_byte(rng: &mut Rng) -> u8 {
    loop {
        let byte = (rng.next_u64() & 0xff) as u8;
        if !byte.is_ascii_digit() {
            return byte;
        }
    }
}

/// One edited copy of a program from `corpus`, which must not be empty.
pub fn mutate(rng: &mut Rng, corpus: &[String]) -> String {
    let base = rng.pick(corpus);
    let mut bytes = base.as_bytes().to_vec();
    let edits = 1 + rng.below(6);
    for _ in 0..edits {
        edit(rng, &mut bytes, corpus);
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn edit(rng: &mut Rng, bytes: &mut Vec<u8>, corpus: &[String]) {
    let len = bytes.len();
    match rng.below(11) {
        0 => {
            let at = rng.below(len + 1);
            let end = (at + 1 + rng.below(16)).min(len);
            if at < end {
                bytes.drain(at..end);
            }
        }
        1..=3 => {
            let at = rng.below(len + 1);
            let token = rng.pick(TOKENS).as_bytes();
            bytes.splice(at..at, token.iter().copied());
        }
        4 => {
            if len > 0 {
                let at = rng.below(len);
                let flipped = bytes[at] ^ (1 << rng.below(8));
                if !flipped.is_ascii_digit() {
                    bytes[at] = flipped;
                }
            }
        }
        5 => {
            if len > 0 {
                let at = rng.below(len);
                bytes[at] = random_byte(rng);
            }
        }
        6 => edit_lines(rng, bytes, |rng, lines| {
            if !lines.is_empty() {
                let at = rng.below(lines.len());
                let copy = lines[at].clone();
                lines.insert(at, copy);
            }
        }),
        7 => edit_lines(rng, bytes, |rng, lines| {
            if lines.len() > 1 {
                let a = rng.below(lines.len());
                let b = rng.below(lines.len());
                lines.swap(a, b);
            }
        }),
        8 => edit_lines(rng, bytes, |rng, lines| {
            if !lines.is_empty() {
                let at = rng.below(lines.len());
                let line = &mut lines[at];
                match rng.below(3) {
                    0 => line.splice(0..0, *b"    ").for_each(drop),
                    1 => line.insert(0, b'\t'),
                    _ => {
                        let strip = line.iter().take(4).take_while(|b| **b == b' ').count();
                        line.drain(..strip);
                    }
                }
            }
        }),
        9 => {
            let donor = rng.pick(corpus).as_bytes().to_vec();
            let donor_lines: Vec<Vec<u8>> =
                donor.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
            let start = rng.below(donor_lines.len());
            let count = 1 + rng.below(8);
            let end = (start + count).min(donor_lines.len());
            let taken = donor_lines[start..end].to_vec();
            edit_lines(rng, bytes, move |rng, lines| {
                let at = rng.below(lines.len() + 1);
                lines.splice(at..at, taken);
            });
        }
        _ => {
            if rng.chance(30) {
                let at = rng.below(len + 1);
                bytes.truncate(at);
            }
        }
    }
}

/// Apply `change` to `bytes` split into lines (without their `\n`), then join them again.
fn edit_lines(
    rng: &mut Rng,
    bytes: &mut Vec<u8>,
    change: impl FnOnce(&mut Rng, &mut Vec<Vec<u8>>),
) {
    let mut lines: Vec<Vec<u8>> = bytes.split(|b| *b == b'\n').map(<[u8]>::to_vec).collect();
    change(rng, &mut lines);
    *bytes = lines.join(&b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> Vec<String> {
        vec![
            "for i in range(10):\n    print(i ** 2)\n".to_owned(),
            "x = 'é'\nprint(x * 3)\n".to_owned(),
            String::new(),
        ]
    }

    #[test]
    fn mutations_are_deterministic() {
        let corpus = corpus();
        for index in 0..200 {
            let a = mutate(&mut Rng::for_input(3, index), &corpus);
            let b = mutate(&mut Rng::for_input(3, index), &corpus);
            assert_eq!(a, b);
        }
    }

    #[test]
    fn mutations_never_add_digits() {
        let corpus = vec![
            "x = 'é'\nprint(x)\n".to_owned(),
            "for a in b:\n    print(a * a)\n".to_owned(),
        ];
        for index in 0..3000 {
            let mutated = mutate(&mut Rng::for_input(4, index), &corpus);
            assert!(!mutated.bytes().any(|b| b.is_ascii_digit()), "{mutated:?}");
        }
    }

    #[test]
    fn tokens_hold_no_digits() {
        for token in TOKENS {
            assert!(!token.bytes().any(|b| b.is_ascii_digit()), "{token:?}");
        }
    }
}
