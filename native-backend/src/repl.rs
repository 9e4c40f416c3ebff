//! The interactive loop (`stackswitch-native` with no program on a terminal, or `-i`),
//! as CPython 3.11's REPL behaves:
//!
//! - prompts `>>> ` and `... ` go to stderr, after stdout's buffered output;
//! - an input is one line, or — when that line opens a block (ends with `:`, starts
//!   with a compound statement's keyword or is a decorator) or leaves a bracket, string or `\` continuation open — every line up to
//!   the first empty one (a block) or the one that closes what was open (an input the
//!   parser rejects before its end is complete: its error is shown at once);
//! - each input runs with [`Interpreter::run_interactive`]: the value of each top-level
//!   expression statement is echoed as its repr, an exception prints its traceback and the loop goes on,
//!   `SystemExit` ends the process with its status, Ctrl-C prints `KeyboardInterrupt`;
//! - end of input prints a newline on stderr and exits 0.
//!
//! Invariant: the loop runs on the interpreter thread (see `lib.rs`), with one
//! [`Interpreter`] for the optional program and every input, so names persist.

use stackswitch_core::{ErrorKind, HostErrorKind, Interpreter};

use crate::{Exit, NativeHost};

/// Read, run and echo inputs until end of input or `SystemExit`. `program` (a file or
/// `-c` code, with the name its tracebacks show) runs first, as `python3 -i` does.
pub(crate) fn run_loop(
    interpreter: &mut Interpreter,
    program: Option<&str>,
    host: &mut NativeHost,
) -> Exit {
    if let Some(source) = program {
        if let Err(error) = interpreter.run(source, host) {
            if let ErrorKind::Exit(status) = error.kind {
                host.write_stderr(&error.traceback);
                return ending(status);
            }
            host.write_stderr(&with_newline(&error.traceback));
        }
    } else {
        host.write_stderr(&banner());
    }
    loop {
        let input = match read_input(host) {
            Ok(Some(input)) => input,
            Ok(None) => {
                host.write_stderr("\n");
                return ending(0);
            }
            Err(()) => {
                host.write_stderr("\nKeyboardInterrupt\n");
                continue;
            }
        };
        if input.trim().is_empty() {
            continue;
        }
        if let Err(error) = interpreter.run_interactive(&input, host) {
            if let ErrorKind::Exit(status) = error.kind {
                host.write_stderr(&error.traceback);
                return ending(status);
            }
            host.write_stderr(&with_newline(&error.traceback));
        }
    }
}

fn ending(status: i32) -> Exit {
    Exit {
        status,
        keyboard_interrupt: false,
    }
}

fn with_newline(text: &str) -> String {
    if text.is_empty() || text.ends_with('\n') {
        text.to_owned()
    } else {
        format!("{text}\n")
    }
}

/// What CPython prints on entering the loop without a program (its first line names
/// this interpreter instead of CPython's build).
fn banner() -> String {
    format!(
        "Python 3.11 (stackswitch {}) on {}\n\
         Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS
    )
}

/// One input: its lines, `None` at end of input, `Err` on Ctrl-C.
fn read_input(host: &mut NativeHost) -> Result<Option<String>, ()> {
    let mut input = String::new();
    loop {
        let prompt = if input.is_empty() { ">>> " } else { "... " };
        let line = match host.read_interactive_line(prompt) {
            Ok(Some(line)) => line,
            // End of input inside a block runs what was read, as CPython does.
            Ok(None) if input.is_empty() => return Ok(None),
            Ok(None) => return Ok(Some(input)),
            Err(error) if error.kind == HostErrorKind::Interrupted => return Err(()),
            Err(_) => return Ok(None),
        };
        let blank = line.trim().is_empty();
        input.push_str(&line);
        if !input.ends_with('\n') {
            input.push('\n');
        }
        let block = opens_block(input.lines().next().unwrap_or(""));
        let open = match still_open(&input) {
            Open::Closed => false,
            Open::TripleQuote => true,
            Open::Continued => stackswitch_core::input_is_incomplete(&input),
        };
        if open {
            continue;
        }
        if !block || blank {
            return Ok(Some(input));
        }
    }
}

/// The first line of an input starts a compound statement (even one whose body is on
/// the same line, `for i in x: i`): the input goes on to the first empty line.
fn opens_block(first: &str) -> bool {
    const COMPOUND: &[&str] = &["if", "for", "while", "def", "class", "with", "try", "async"];
    let code = strip_comment(first).trim();
    let keyword = code
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .next()
        .unwrap_or("");
    code.ends_with(':') || code.starts_with('@') || COMPOUND.contains(&keyword)
}

/// `line` without a trailing `#` comment (a `#` inside a string is kept).
fn strip_comment(line: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut escaped = false;
    for (at, c) in line.char_indices() {
        match quote {
            Some(q) => {
                if escaped {
                    escaped = false;
                } else if c == '\\' {
                    escaped = true;
                } else if c == q {
                    quote = None;
                }
            }
            None if c == '#' => return &line[..at],
            None if c == '\'' || c == '"' => quote = Some(c),
            None => {}
        }
    }
    line
}

/// What `source` leaves open at its end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Open {
    /// Nothing: the input may be complete.
    Closed,
    /// A triple-quoted string: more lines belong to it.
    TripleQuote,
    /// A bracket or a backslash continuation: more lines belong to it unless the parser
    /// finds an error before the end.
    Continued,
}

/// Whether `source` leaves a bracket, a triple-quoted string or a backslash continuation
/// open, so more lines may belong to it.
fn still_open(source: &str) -> Open {
    let chars: Vec<char> = source.chars().collect();
    let mut depth: usize = 0;
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        match c {
            '#' => {
                while at < chars.len() && chars[at] != '\n' {
                    at += 1;
                }
                continue;
            }
            '\'' | '"' => {
                let triple = chars.get(at + 1) == Some(&c) && chars.get(at + 2) == Some(&c);
                at += if triple { 3 } else { 1 };
                loop {
                    let Some(&d) = chars.get(at) else {
                        // An unclosed triple-quoted string goes on; a plain one is an
                        // error the compiler reports.
                        return if triple {
                            Open::TripleQuote
                        } else {
                            Open::Closed
                        };
                    };
                    if d == '\\' {
                        at += 2;
                        continue;
                    }
                    if !triple && d == '\n' {
                        break;
                    }
                    if d == c
                        && (!triple
                            || (chars.get(at + 1) == Some(&c) && chars.get(at + 2) == Some(&c)))
                    {
                        at += if triple { 3 } else { 1 };
                        break;
                    }
                    at += 1;
                }
                continue;
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        at += 1;
    }
    if depth > 0 || source.trim_end_matches('\n').ends_with('\\') {
        Open::Continued
    } else {
        Open::Closed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_open_brackets_continue() {
        assert!(opens_block("for i in range(3):  # loop"));
        assert!(opens_block("@decorator"));
        assert!(opens_block("for i in x: i"));
        assert!(!opens_block("format(1)"));
        assert!(!opens_block("x = {'a:': 1}"));
        assert!(!opens_block("print('#:')"));
        assert_eq!(still_open("x = (1,\n"), Open::Continued);
        assert_eq!(still_open("s = '''abc\n"), Open::TripleQuote);
        assert_eq!(still_open("x = 1 + \\\n"), Open::Continued);
        assert_eq!(still_open("x = ')'\n"), Open::Closed);
        assert_eq!(still_open("x = [1, 2]  # (\n"), Open::Closed);
        assert!(stackswitch_core::input_is_incomplete("x = (1,\n"));
        assert!(!stackswitch_core::input_is_incomplete("x = (1,)) + (\n"));
    }
}
