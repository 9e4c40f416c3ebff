//! CPython-style traceback text for an uncaught exception, chained exceptions included.
//!
//! ```text
//!   Traceback (most recent call last):
//!     File "prog.py", line 7, in <module>
//!       main()
//!     File "prog.py", line 3, in main
//!       return 1 / 0
//!   ZeroDivisionError: division by zero
//! ```
//! Differences from CPython 3.11, on purpose: no `^^^^` position markers, and no
//! "[Previous line repeated N more times]" folding below 3 repeats only (CPython's rule).
//! Frames of the Python-written modules that stand in for CPython's C modules (`open()`'s
//! `_fileio`, `itertools`, `datetime`, ...) are left out, as CPython has none there.

use super::{PyErr, Vm};
use crate::objects::{TracebackEntry, Value};

/// The name CPython prints for an exception's class: `module.Qualname` outside
/// `builtins` and `__main__`.
pub(crate) fn exception_type_name(class: &crate::objects::Class) -> String {
    match &*class.module {
        "builtins" | "__main__" => class.qualname.to_string(),
        module => format!("{module}.{}", class.qualname),
    }
}

/// The last line of a traceback: `Type: message` (or just `Type`), plus the suggestion.
pub(crate) fn exception_summary(vm: &mut Vm<'_>, exc: &Value) -> String {
    let Value::Instance(inst) = exc else {
        return String::from("<exception>");
    };
    let name = exception_type_name(&inst.class);
    // A located SyntaxError's last line is its bare msg (CPython's traceback module).
    let located_msg = match inst.attrs.borrow().get("msg") {
        Some(Value::Str(m))
            if inst
                .class
                .is_subclass(&crate::vm::types::types().exc("SyntaxError")) =>
        {
            Some(m.as_str().to_owned())
        }
        _ => None,
    };
    let message = match located_msg.map_or_else(|| vm.to_str(exc), Ok) {
        Ok(m) => m,
        Err(_) => String::from("<exception str() failed>"),
    };
    let suggestion = inst
        .exc
        .as_ref()
        .and_then(|d| d.suggestion.borrow().clone())
        .unwrap_or_default();
    if message.is_empty() {
        name
    } else {
        format!("{name}: {message}{suggestion}")
    }
}

/// The line a traceback entry shows under its `File` line: none for `-c` code, stdin,
/// `exec()`'d strings and `compile()`'d names (`<string>`, `<stdin>`, `<calc>`), as
/// CPython's `linecache` finds no file by such names; `<frozen ...>` modules show theirs
/// (CPython's have real files).
fn source_line(entry: &TracebackEntry) -> Option<&str> {
    if entry.filename.starts_with('<') && !entry.filename.starts_with("<frozen ") {
        return None;
    }
    let line = entry
        .source
        .lines()
        .nth((entry.line as usize).checked_sub(1)?)?;
    let trimmed = line.trim();
    (!trimmed.is_empty()).then_some(trimmed)
}

fn push_frames(out: &mut String, frames: &[TracebackEntry]) {
    out.push_str("Traceback (most recent call last):\n");
    let mut i = 0;
    while i < frames.len() {
        let entry = &frames[i];
        let mut run = 1;
        while i + run < frames.len() && same_place(&frames[i + run], entry) {
            run += 1;
        }
        // CPython prints a repeated line 3 times, then folds the rest.
        for _ in 0..run.min(3) {
            out.push_str(&format!(
                "  File \"{}\", line {}, in {}\n",
                entry.filename, entry.line, entry.name
            ));
            if let Some(text) = source_line(entry) {
                out.push_str(&format!("    {text}\n"));
            }
        }
        if run > 3 {
            let more = run - 3;
            out.push_str(&format!(
                "  [Previous line repeated {more} more time{}]\n",
                if more == 1 { "" } else { "s" }
            ));
        }
        i += run;
    }
}

/// The Python-written modules here whose CPython counterpart is written in C: CPython's
/// tracebacks show no frame of theirs, so ours leave their `<frozen ...>` frames out.
const NATIVE_IN_CPYTHON: &[&str] = &[
    "_fileio",
    "io",
    "sys",
    "time",
    "itertools",
    "operator",
    "heapq",
    "bisect",
    "struct",
    "datetime",
    "_strptime",
    "array",
    "decimal",
];

fn native_in_cpython(filename: &str) -> bool {
    filename
        .strip_prefix("<frozen ")
        .and_then(|rest| rest.strip_suffix('>'))
        .is_some_and(|module| NATIVE_IN_CPYTHON.contains(&module))
}

fn same_place(a: &TracebackEntry, b: &TracebackEntry) -> bool {
    a.line == b.line && a.filename == b.filename && a.name == b.name
}

/// Format `err` (and its `__cause__`/`__context__` chain) as CPython prints it.
pub(crate) fn format_exception(vm: &mut Vm<'_>, err: &PyErr) -> String {
    let mut chain: Vec<(Value, &'static str)> = Vec::new();
    let mut current = Some(err.0.clone());
    let mut link = "";
    while let Some(exc) = current.take() {
        if chain.iter().any(|(seen, _)| seen.is(&exc)) || chain.len() > 100 {
            break;
        }
        let Value::Instance(inst) = &exc else { break };
        let Some(data) = &inst.exc else { break };
        let cause = data.cause.borrow().clone();
        let context = data.context.borrow().clone();
        chain.push((exc.clone(), link));
        if let Some(c) = cause {
            link = "\nThe above exception was the direct cause of the following exception:\n\n";
            current = Some(c);
        } else if let (Some(c), false) = (context, data.suppress_context.get()) {
            link = "\nDuring handling of the above exception, another exception occurred:\n\n";
            current = Some(c);
        }
    }
    let mut out = String::new();
    for (exc, link) in chain.iter().rev() {
        let Value::Instance(inst) = exc else { continue };
        if let Some(data) = &inst.exc {
            // Entries were pushed innermost first as the exception unwound.
            let mut frames = data.traceback.borrow().clone();
            frames.retain(|entry| !native_in_cpython(&entry.filename));
            frames.reverse();
            if !frames.is_empty() {
                push_frames(&mut out, &frames);
            }
        }
        out.push_str(&exception_summary(vm, exc));
        out.push('\n');
        out.push_str(link);
    }
    out
}
