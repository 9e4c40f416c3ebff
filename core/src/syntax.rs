//! Source text to a code object: a token-level pre-scan, ruff's parser, our compiler.
//!
//! ```text
//!   source ─► prescan ─────────► ruff parse_module ─► compile_module ─► Code
//!             brackets, strings,    grammar errors      'return' outside function,
//!             indentation, depth    ("expected ':'")     scope errors
//! ```
//! The pre-scan does what CPython's tokenizer does before its parser runs, so those
//! errors get CPython's messages and lines ("'(' was never closed", "unindent does not
//! match any outer indentation level", "unterminated string literal"). It also bounds
//! nesting — brackets (200, CPython's limit), indentation (100, CPython's) and a
//! per-statement estimate of expression depth — so that no input can make the parser,
//! the compiler or dropping the AST recurse deeply enough to overflow the native stack.
//!
//! Which error wins is CPython's order ([`choose`]): a tokenizer error reached before the
//! parser's error wins; after a grammar error CPython tokenizes the rest of the source, and
//! its first tokenizer error that raises (a bad character, an unterminated string, an
//! unmatched bracket) replaces the grammar error ("unexpected indent" excepted); an
//! indentation error of the tokenizer found there does not, and a bracket never closed
//! does only if it opened on an earlier line.
//!
//! Invariant: every input yields a `Code` or a [`SyntaxErr`]; nothing here panics.

use std::rc::Rc;

use ruff_python_ast::token::TokenKind;
use ruff_python_parser::ParseErrorType;
use ruff_text_size::TextSize;

use crate::compiler::{compile_module, Code, LineIndex};

/// Brackets may nest this deep (CPython's tokenizer `MAXLEVEL`).
const MAX_BRACKET_DEPTH: usize = 200;
/// Indentation levels (CPython's tokenizer `MAXINDENT`).
const MAX_INDENT_DEPTH: usize = 100;
/// Estimated expression depth per statement past which compilation gives up, as
/// CPython's compiler does with "maximum recursion depth exceeded during compilation".
const MAX_EXPRESSION_DEPTH: usize = 1000;

/// A compile-time failure, positioned 1-based.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxErr {
    /// `SyntaxError`, `IndentationError`, or `RecursionError` for over-deep nesting.
    pub(crate) type_name: &'static str,
    pub(crate) message: String,
    pub(crate) line: usize,
    pub(crate) column: usize,
}

impl SyntaxErr {
    fn new(
        type_name: &'static str,
        message: impl Into<String>,
        line: usize,
        column: usize,
    ) -> SyntaxErr {
        SyntaxErr {
            type_name,
            message: message.into(),
            line,
            column,
        }
    }

    /// What CPython prints for it on stderr.
    pub(crate) fn traceback(&self, filename: &str, source: &str) -> String {
        if self.type_name == "RecursionError" {
            return format!("RecursionError: {}\n", self.message);
        }
        let mut out = format!("  File \"{filename}\", line {}\n", self.line);
        if let Some(text) = source.lines().nth(self.line.saturating_sub(1)) {
            let trimmed = text.trim_start();
            if !trimmed.trim_end().is_empty() {
                let indent = text.len() - trimmed.len();
                let caret = self
                    .column
                    .saturating_sub(1)
                    .saturating_sub(indent)
                    .min(trimmed.trim_end().chars().count());
                out.push_str(&format!(
                    "    {}\n    {}^\n",
                    trimmed.trim_end(),
                    " ".repeat(caret)
                ));
            }
        }
        out.push_str(&format!("{}: {}\n", self.type_name, self.message));
        out
    }
}

/// Whether an interactive loop should read more lines before running `source`, as
/// CPython's `codeop` decides: it does not parse, and the parser stopped at its end (an
/// open bracket or block); an error before the end is reported at once.
pub fn input_is_incomplete(source: &str) -> bool {
    match ruff_python_parser::parse_module(source) {
        Ok(_) => false,
        Err(e) => usize::from(e.location.start()) >= source.trim_end().len(),
    }
}

/// Compile `source` (a whole module) for `filename`.
pub(crate) fn compile(source: &str, filename: &str) -> Result<Rc<Code>, SyntaxErr> {
    compile_mode(source, filename, None, false)
}

/// Compile one input of an interactive loop (CPython's `'single'` mode).
pub(crate) fn compile_interactive(source: &str, filename: &str) -> Result<Rc<Code>, SyntaxErr> {
    compile_mode(source, filename, None, true)
}

/// Compile `source` for `exec()`.
pub(crate) fn compile_exec(source: &str, filename: &str) -> Result<Rc<Code>, SyntaxErr> {
    compile_mode(source, filename, Some(false), false)
}

/// Compile `source` for `eval()`: one expression, whose value the code returns.
pub(crate) fn compile_eval(source: &str, filename: &str) -> Result<Rc<Code>, SyntaxErr> {
    // CPython's eval() ignores leading spaces and tabs.
    let source = source.trim_start_matches([' ', '\t']);
    if let Err(e) = ruff_python_parser::parse_expression(source) {
        let grammar = parse_error(source, &e);
        let at = usize::from(e.location.start());
        return Err(choose(prescan(source)?, Some((grammar.clone(), at))).unwrap_or(grammar));
    }
    compile_mode(source, filename, Some(true), false)
}

/// `exec`: None for a module, Some(false) for `exec()`, Some(true) for `eval()`.
/// `interactive`: top-level expression statements print their values.
fn compile_mode(
    source: &str,
    filename: &str,
    exec: Option<bool>,
    interactive: bool,
) -> Result<Rc<Code>, SyntaxErr> {
    if let Some(at) = source.find('\0') {
        let (line, column) = position(source, TextSize::new(at as u32));
        return Err(SyntaxErr::new(
            "SyntaxError",
            "source code cannot contain null bytes",
            line,
            column,
        ));
    }
    let found = prescan(source)?;
    let parsed = match ruff_python_parser::parse_module(source) {
        Ok(parsed) => match choose(found, None) {
            None => parsed,
            Some(e) => return Err(e),
        },
        Err(p) => {
            let grammar = parse_error(source, &p);
            let at = usize::from(p.location.start());
            return Err(choose(found, Some((grammar.clone(), at))).unwrap_or(grammar));
        }
    };
    let source_rc: Rc<str> = Rc::from(source);
    let filename_rc: Rc<str> = Rc::from(filename);
    let body = &parsed.syntax().body;
    let result = match exec {
        Some(eval) => crate::compiler::compile_exec(body, &source_rc, &filename_rc, eval),
        None if interactive => crate::compiler::compile_interactive(body, &source_rc, &filename_rc),
        None => compile_module(body, &source_rc, &filename_rc),
    };
    result.map_err(|e| {
        let (line, column) = position(source, e.offset);
        SyntaxErr::new("SyntaxError", e.message, line, column)
    })
}

fn position(source: &str, offset: TextSize) -> (usize, usize) {
    let index = LineIndex::new(source);
    (
        index.line(offset) as usize,
        index.column(source, offset) as usize + 1,
    )
}

/// CPython's wording for the grammar errors teaching programs make most.
fn parse_error(source: &str, e: &ruff_python_parser::ParseError) -> SyntaxErr {
    let (line, column) = position(source, e.location.start());
    let message = match &e.error {
        ParseErrorType::ExpectedToken {
            expected: TokenKind::Colon,
            ..
        } => "expected ':'".to_string(),
        ParseErrorType::InvalidAssignmentTarget | ParseErrorType::InvalidNamedAssignmentTarget => {
            assignment_target_message(source, e)
        }
        ParseErrorType::InvalidDeleteTarget => "cannot delete expression".to_string(),
        ParseErrorType::NonDefaultParamAfterDefaultParam => {
            "non-default argument follows default argument".to_string()
        }
        ParseErrorType::PositionalAfterKeywordArgument => {
            "positional argument follows keyword argument".to_string()
        }
        ParseErrorType::DuplicateKeywordArgumentError(name) => {
            format!("keyword argument repeated: {name}")
        }
        ParseErrorType::UnparenthesizedGeneratorExpression => {
            "Generator expression must be parenthesized".to_string()
        }
        _ => "invalid syntax".to_string(),
    };
    SyntaxErr::new("SyntaxError", message, line, column)
}

/// "cannot assign to literal here. Maybe you meant '==' instead of '='?" and friends.
fn assignment_target_message(source: &str, e: &ruff_python_parser::ParseError) -> String {
    let start = usize::from(e.location.start()).min(source.len());
    let end = usize::from(e.location.end()).min(source.len()).max(start);
    let text = source.get(start..end).unwrap_or("").trim();
    let what = match text.chars().next() {
        Some(c) if c.is_ascii_digit() || c == '"' || c == '\'' || c == '-' => "literal",
        _ if text.ends_with(')') => "function call",
        _ if matches!(text, "True" | "False" | "None") => {
            return format!("cannot assign to {text}")
        }
        _ => "expression",
    };
    format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?")
}

/// How CPython ranks an error the pre-scan found (see the module comment).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Found {
    /// A tokenizer error that raises at once: a bad character, an unterminated string,
    /// an unmatched or mismatched bracket. Also replaces a grammar error before it.
    Token,
    /// An indentation error of the tokenizer (TabError, a dedent to no outer level):
    /// raised where it is reached; it never replaces a grammar error before it.
    Indentation,
    /// A bracket still open at the end of the source.
    Unclosed,
    /// An error of CPython's parser that the pre-scan finds because it is about layout
    /// ("expected an indented block"); `replaceable` is false for "unexpected indent",
    /// which CPython reports without looking further. `from` is the byte offset where
    /// the mistake begins (the opener's colon, the indented token), which a parser error
    /// must precede to win.
    Grammar { replaceable: bool, from: usize },
}

/// The error CPython reports, given what the pre-scan found (in source order) and the
/// parser's own error with its byte offset, if any.
fn choose(found: Vec<(Found, SyntaxErr)>, parser: Option<(SyntaxErr, usize)>) -> Option<SyntaxErr> {
    // The first grammar error: the pre-scan's layout errors or the parser's.
    let parser_at = parser.as_ref().map(|(_, at)| *at);
    let mut grammar = parser.map(|(e, _)| (true, e));
    for (class, e) in &found {
        if let Found::Grammar { replaceable, from } = *class {
            // ruff reports a missing block at the end of the opener's line, CPython on
            // the line below: the pre-scan's error wins unless the parser's came first.
            if parser_at.is_none_or(|at| from <= at) {
                grammar = Some((replaceable, e.clone()));
            }
            break;
        }
    }
    let mut tokenizer = found
        .into_iter()
        .filter(|(class, _)| !matches!(class, Found::Grammar { .. }));
    let Some((replaceable, grammar)) = grammar else {
        return tokenizer.next().map(|(_, e)| e);
    };
    let Some((class, first)) = tokenizer.next() else {
        return Some(grammar);
    };
    let reached_first = first.line < grammar.line;
    Some(match class {
        Found::Token if reached_first || replaceable => first,
        Found::Indentation if first.line <= grammar.line => first,
        Found::Unclosed if replaceable && reached_first => first,
        _ => grammar,
    })
}

/// Scanner state for [`prescan`].
struct Scan<'a> {
    src: &'a [u8],
    pos: usize,
    line: usize,
    /// Open brackets: (char, line, column).
    brackets: Vec<(u8, usize, usize)>,
    /// Column widths of the open indentation levels (starts with 0), tabs to 8 columns.
    indents: Vec<usize>,
    /// The same levels with a tab as 1 column: where the two orders disagree, tabs and
    /// spaces were mixed inconsistently (CPython's `altcol`, a TabError).
    alt_indents: Vec<usize>,
    /// The current logical line ended with ':' (a block must follow), and where it began.
    /// With the byte offset of its colon.
    block_opener: Option<(String, usize, usize)>,
    /// The first word and line of the current logical line.
    first_word: Option<(String, usize)>,
    last_significant: u8,
    /// Where the last significant byte was (the colon of a block opener).
    last_significant_at: usize,
    /// (position, start of its line) at the last `column()` call.
    column_cache: std::cell::Cell<(usize, usize)>,
    /// Expression-depth estimate: one counter per bracket level.
    depth_counters: Vec<usize>,
    max_depth: usize,
    /// The errors found, in source order, with their rank; scanning goes on so that
    /// the nesting limits are still enforced over the whole source before the parser
    /// sees it, and so that [`choose`] sees the tokenizer errors after a grammar error.
    found: Vec<(Found, SyntaxErr)>,
}

fn err<T>(
    type_name: &'static str,
    message: impl Into<String>,
    line: usize,
    column: usize,
) -> Result<T, SyntaxErr> {
    Err(SyntaxErr::new(type_name, message, line, column))
}

/// Tokenizer-level checks; see the module comment. `Err` is a nesting limit (the
/// parser must not run); `Ok` holds the other errors found, for [`choose`].
fn prescan(source: &str) -> Result<Vec<(Found, SyntaxErr)>, SyntaxErr> {
    let mut s = Scan {
        src: source.as_bytes(),
        pos: 0,
        line: 1,
        brackets: Vec::new(),
        indents: vec![0],
        alt_indents: vec![0],
        block_opener: None,
        first_word: None,
        last_significant: b'\n',
        last_significant_at: 0,
        column_cache: std::cell::Cell::new((0, 0)),
        depth_counters: vec![0],
        max_depth: 0,
        found: Vec::new(),
    };
    s.run()?;
    Ok(s.found)
}

impl Scan<'_> {
    /// Record a non-fatal error. After a tokenizer error that raises, nothing later can
    /// matter (CPython stops there), so the scan records no more.
    fn fail(
        &mut self,
        class: Found,
        type_name: &'static str,
        message: impl Into<String>,
        line: usize,
        column: usize,
    ) {
        if self.found.iter().any(|(c, _)| *c == Found::Token) {
            return;
        }
        let error = SyntaxErr::new(type_name, message, line, column);
        self.found.push((class, error));
    }

    fn peek(&self, k: usize) -> u8 {
        self.src.get(self.pos + k).copied().unwrap_or(0)
    }

    fn column(&self) -> usize {
        // Scan only the bytes since the last call (the scan moves forward), so columns
        // on a 100,000-bracket line cost linear time in total, not quadratic.
        let pos = self.pos.min(self.src.len());
        let (mut from, mut line_start) = self.column_cache.get();
        if pos < from {
            (from, line_start) = (0, 0);
        }
        if let Some(p) = self.src[from..pos].iter().rposition(|&b| b == b'\n') {
            line_start = from + p + 1;
        }
        self.column_cache.set((pos, line_start));
        self.pos - line_start + 1
    }

    fn run(&mut self) -> Result<(), SyntaxErr> {
        let mut at_line_start = true;
        while self.pos < self.src.len() {
            if at_line_start && self.brackets.is_empty() {
                at_line_start = false;
                if self.indentation()? {
                    continue;
                }
            }
            let c = self.src[self.pos];
            match c {
                b'#' => {
                    while self.pos < self.src.len() && self.src[self.pos] != b'\n' {
                        self.pos += 1;
                    }
                }
                b'\n' => {
                    self.pos += 1;
                    self.line += 1;
                    if self.brackets.is_empty() {
                        self.end_logical_line()?;
                        at_line_start = true;
                    }
                }
                b'\\' if matches!(self.peek(1), b'\n' | b'\r') => {
                    self.pos += if self.peek(1) == b'\r' && self.peek(2) == b'\n' {
                        3
                    } else {
                        2
                    };
                    self.line += 1;
                }
                b'\'' | b'"' => self.string(self.pos)?,
                b'(' | b'[' | b'{' => {
                    self.deepen();
                    if self.brackets.len() >= MAX_BRACKET_DEPTH {
                        return err(
                            "SyntaxError",
                            "too many nested parentheses",
                            self.line,
                            self.column(),
                        );
                    }
                    self.brackets.push((c, self.line, self.column()));
                    self.depth_counters.push(0);
                    self.significant(c);
                    self.pos += 1;
                }
                b')' | b']' | b'}' => {
                    self.close_bracket(c)?;
                    self.significant(c);
                    self.pos += 1;
                }
                b',' | b';' => {
                    if let Some(top) = self.depth_counters.last_mut() {
                        *top = 0;
                    }
                    self.significant(c);
                    self.pos += 1;
                }
                b'+' | b'-' | b'*' | b'/' | b'%' | b'@' | b'&' | b'|' | b'^' | b'~' | b'<'
                | b'>' | b'.' => {
                    self.deepen();
                    self.significant(c);
                    self.pos += 1;
                }
                _ if c.is_ascii_alphabetic() || c == b'_' || c >= 0x80 => self.word()?,
                b' ' | b'\t' | b'\r' | b'\x0c' => self.pos += 1,
                _ if c < 0x20 || c == 0x7f => {
                    self.fail(
                        Found::Token,
                        "SyntaxError",
                        format!("invalid non-printable character U+{c:04X}"),
                        self.line,
                        self.column(),
                    );
                    self.pos += 1;
                }
                _ => {
                    self.significant(c);
                    self.pos += 1;
                }
            }
        }
        if let Some(&(open, line, column)) = self.brackets.first() {
            self.fail(
                Found::Unclosed,
                "SyntaxError",
                format!("'{}' was never closed", open as char),
                line,
                column,
            );
        }
        self.end_logical_line()?;
        if let Some((what, line, colon)) = self.block_opener.take() {
            self.fail(
                Found::Grammar {
                    replaceable: true,
                    from: colon,
                },
                "IndentationError",
                format!("expected an indented block after {what} on line {line}"),
                self.line,
                1,
            );
        }
        Ok(())
    }

    fn significant(&mut self, c: u8) {
        self.last_significant = c;
        self.last_significant_at = self.pos;
    }

    fn deepen(&mut self) {
        if let Some(top) = self.depth_counters.last_mut() {
            *top += 1;
        }
        let depth: usize = self.depth_counters.iter().sum::<usize>() + self.depth_counters.len();
        self.max_depth = self.max_depth.max(depth);
    }

    fn close_bracket(&mut self, c: u8) -> Result<(), SyntaxErr> {
        let want = match c {
            b')' => b'(',
            b']' => b'[',
            _ => b'{',
        };
        match self.brackets.pop() {
            None => {
                self.fail(
                    Found::Token,
                    "SyntaxError",
                    format!("unmatched '{}'", c as char),
                    self.line,
                    self.column(),
                );
                Ok(())
            }
            Some((open, line, _)) if open != want => {
                let message = if line == self.line {
                    format!(
                        "closing parenthesis '{}' does not match opening parenthesis '{}'",
                        c as char, open as char
                    )
                } else {
                    format!(
                        "closing parenthesis '{}' does not match opening parenthesis '{}' on line {line}",
                        c as char, open as char
                    )
                };
                self.fail(
                    Found::Token,
                    "SyntaxError",
                    message,
                    self.line,
                    self.column(),
                );
                self.depth_counters.pop();
                Ok(())
            }
            Some(_) => {
                self.depth_counters.pop();
                Ok(())
            }
        }
    }

    /// At the start of a physical line outside brackets: check its indentation.
    /// Returns true when the line is blank or a comment (nothing to check).
    fn indentation(&mut self) -> Result<bool, SyntaxErr> {
        let (mut width, mut alt_width) = (0, 0);
        let line_start = self.pos;
        let mut p = self.pos;
        while p < self.src.len() {
            match self.src[p] {
                b' ' => (width, alt_width) = (width + 1, alt_width + 1),
                b'\t' => (width, alt_width) = ((width / 8 + 1) * 8, alt_width + 1),
                b'\x0c' => (width, alt_width) = (0, 0),
                _ => break,
            }
            p += 1;
        }
        let rest = self.src.get(p).copied().unwrap_or(b'\n');
        if matches!(rest, b'\n' | b'#' | b'\r') || p >= self.src.len() {
            self.pos = p;
            return Ok(true);
        }
        self.pos = p;
        let top = self.indents.last().copied().unwrap_or(0);
        let alt_top = self.alt_indents.last().copied().unwrap_or(0);
        let opener = self.block_opener.take();
        let inconsistent = |this: &mut Self| {
            this.fail(
                Found::Indentation,
                "TabError",
                "inconsistent use of tabs and spaces in indentation",
                this.line,
                width + 1,
            )
        };
        if width > top {
            if alt_width <= alt_top {
                inconsistent(self);
            }
            if opener.is_none() {
                self.fail(
                    Found::Grammar {
                        replaceable: false,
                        from: line_start,
                    },
                    "IndentationError",
                    "unexpected indent",
                    self.line,
                    width + 1,
                );
            }
            if self.indents.len() > MAX_INDENT_DEPTH {
                return err(
                    "IndentationError",
                    "too many levels of indentation",
                    self.line,
                    width + 1,
                );
            }
            self.indents.push(width);
            self.alt_indents.push(alt_width);
        } else {
            if width == top && alt_width != alt_top {
                inconsistent(self);
            }
            if let Some((what, line, colon)) = opener {
                self.fail(
                    Found::Grammar {
                        replaceable: true,
                        from: colon,
                    },
                    "IndentationError",
                    format!("expected an indented block after {what} on line {line}"),
                    self.line,
                    width + 1,
                );
            }
            while self.indents.last().is_some_and(|&w| w > width) {
                self.indents.pop();
                self.alt_indents.pop();
            }
            if self.indents.last().copied().unwrap_or(0) != width {
                self.fail(
                    Found::Indentation,
                    "IndentationError",
                    "unindent does not match any outer indentation level",
                    self.line,
                    width + 1,
                );
                self.indents.push(width);
                self.alt_indents.push(alt_width);
            } else if self.alt_indents.last().copied().unwrap_or(0) != alt_width {
                inconsistent(self);
            }
        }
        Ok(false)
    }

    fn end_logical_line(&mut self) -> Result<(), SyntaxErr> {
        if self.max_depth > MAX_EXPRESSION_DEPTH {
            return err(
                "RecursionError",
                "maximum recursion depth exceeded during compilation",
                self.line,
                1,
            );
        }
        self.max_depth = 0;
        self.depth_counters = vec![0];
        if self.last_significant == b':' {
            if let Some((word, line)) = self.first_word.take() {
                let what = match word.as_str() {
                    "def" => "function definition".to_string(),
                    "class" => "class definition".to_string(),
                    w @ ("if" | "elif" | "else" | "for" | "while" | "try" | "except"
                    | "finally" | "with" | "match" | "case") => format!("'{w}' statement"),
                    _ => String::new(),
                };
                if !what.is_empty() {
                    self.block_opener = Some((what, line, self.last_significant_at));
                }
            }
        }
        self.first_word = None;
        self.last_significant = b'\n';
        Ok(())
    }

    fn word(&mut self) -> Result<(), SyntaxErr> {
        let start = self.pos;
        while self.pos < self.src.len() {
            let c = self.src[self.pos];
            if c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80 {
                self.pos += 1;
            } else {
                break;
            }
        }
        let word = std::str::from_utf8(&self.src[start..self.pos]).unwrap_or("");
        // Non-ASCII must make an identifier (CPython's verify_identifier).
        let bad = word.char_indices().find(|&(i, c)| {
            !c.is_ascii()
                && !(unicode_ident::is_xid_continue(c) && (i > 0 || unicode_ident::is_xid_start(c)))
        });
        if let Some((_, c)) = bad {
            let message = if crate::vm::ops::is_printable(c) {
                format!("invalid character '{c}' (U+{:04X})", c as u32)
            } else {
                format!("invalid non-printable character U+{:04X}", c as u32)
            };
            let line = self.line;
            self.fail(Found::Token, "SyntaxError", message, line, 1);
        }
        // A string prefix (r, b, f, u and combinations) directly before a quote.
        if matches!(self.peek(0), b'\'' | b'"')
            && word.len() <= 2
            && word.chars().all(|c| "rRbBfFuU".contains(c))
        {
            return self.string(start);
        }
        // `async def/for/with` opens the block its second word names, as CPython says.
        let after_async = matches!(&self.first_word, Some((w, _)) if w == "async");
        if self.first_word.is_none() || after_async {
            self.first_word = Some((word.to_string(), self.line));
        }
        if matches!(word, "not" | "lambda" | "if" | "await") {
            self.deepen();
        }
        self.significant(b'a');
        Ok(())
    }

    /// A string literal whose opening quote is at `self.pos` (prefix starting at `start`).
    fn string(&mut self, start: usize) -> Result<(), SyntaxErr> {
        let quote = self.src[self.pos];
        let start_line = self.line;
        let start_column = {
            let saved = self.pos;
            self.pos = start;
            let c = self.column();
            self.pos = saved;
            c
        };
        let triple = self.peek(1) == quote && self.peek(2) == quote;
        self.pos += if triple { 3 } else { 1 };
        loop {
            let Some(&c) = self.src.get(self.pos) else {
                let what = if triple {
                    "unterminated triple-quoted string literal"
                } else {
                    "unterminated string literal"
                };
                self.fail(
                    Found::Token,
                    "SyntaxError",
                    format!("{what} (detected at line {})", self.line),
                    start_line,
                    start_column,
                );
                break;
            };
            match c {
                b'\\' => {
                    if self.peek(1) == b'\n' {
                        self.line += 1;
                    }
                    self.pos += 2;
                }
                b'\n' if !triple => {
                    self.fail(
                        Found::Token,
                        "SyntaxError",
                        format!(
                            "unterminated string literal (detected at line {})",
                            self.line
                        ),
                        start_line,
                        start_column,
                    );
                    break;
                }
                b'\n' => {
                    self.line += 1;
                    self.pos += 1;
                }
                _ if c == quote
                    && (!triple || (self.peek(1) == quote && self.peek(2) == quote)) =>
                {
                    self.pos += if triple { 3 } else { 1 };
                    break;
                }
                _ => self.pos += 1,
            }
        }
        if self.first_word.is_none() {
            self.first_word = Some((String::new(), self.line));
        }
        self.significant(b'"');
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(src: &str) -> (String, usize) {
        match compile(src, "t.py") {
            Ok(_) => ("ok".into(), 0),
            Err(e) => (format!("{}: {}", e.type_name, e.message), e.line),
        }
    }

    #[test]
    fn tokenizer_errors_have_cpythons_messages_and_lines() {
        assert_eq!(
            error_of("x = (1,\n2\n"),
            ("SyntaxError: '(' was never closed".into(), 1)
        );
        assert_eq!(
            error_of("x = 1)\n"),
            ("SyntaxError: unmatched ')'".into(), 1)
        );
        assert_eq!(
            error_of("s = 'abc\n"),
            (
                "SyntaxError: unterminated string literal (detected at line 1)".into(),
                1
            )
        );
        assert_eq!(
            error_of("if x:\ny = 1\n"),
            (
                "IndentationError: expected an indented block after 'if' statement on line 1"
                    .into(),
                2
            )
        );
        assert_eq!(
            error_of("x = 1\n  y = 2\n"),
            ("IndentationError: unexpected indent".into(), 2)
        );
        assert_eq!(
            error_of("if x:\n    y = 1\n  z = 2\n"),
            (
                "IndentationError: unindent does not match any outer indentation level".into(),
                3
            )
        );
    }

    #[test]
    fn nesting_is_bounded_before_parsing() {
        let deep = format!("x = {}1{}\n", "(".repeat(250), ")".repeat(250));
        assert_eq!(
            error_of(&deep).0,
            "SyntaxError: too many nested parentheses"
        );
        let chain = format!("x = 1{}\n", "+1".repeat(5000));
        assert_eq!(
            error_of(&chain).0,
            "RecursionError: maximum recursion depth exceeded during compilation"
        );
        let long_list = format!("x = [{}]\n", "-1, ".repeat(5000));
        assert_eq!(error_of(&long_list).0, "ok");
    }

    #[test]
    fn strings_and_comments_do_not_confuse_the_scan() {
        assert_eq!(error_of("s = '(' # )\nt = \"\"\"\n)\n\"\"\"\n").0, "ok");
        assert_eq!(error_of("s = f'{x}' + r'\\\\d'\n").0, "ok");
    }
}
