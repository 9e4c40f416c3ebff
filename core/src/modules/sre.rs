//! `_sre`: the matcher half of `re`, a backtracking interpreter of the small program that
//! `re`'s compiler (`py/re.py`, over CPython's own parser in `py/_re_parser.py`) makes of a
//! pattern.
//!
//! ```text
//!   re.compile(p) ─► _re_parser.parse (CPython's code: its errors) ─► re._compile_code
//!        ─► [nslots, nregs, op, args..., op, args...]  (a list of ints, kept by the Pattern)
//!   pattern.search(s) ─► _sre.search(code, s, pos, endpos, mode, must_advance)
//!        ─► [lastindex, start0, end0, start1, end1, ...] or None   (-1: group unset)
//! ```
//! Opcodes (addresses are indexes into the list): see [`Op`]. Alternatives are tried in
//! order and the first match wins, as in CPython's sre; `*` over something that can match
//! empty stops after an empty iteration (sre's MAX_UNTIL rule); lookbehind runs its
//! fixed-width body at `pos - width`; positive lookaround and atomic groups keep the
//! groups they set.
//!
//! Invariants: matching is iterative (an explicit backtrack stack); the only native
//! recursion is one frame per lookaround/atomic nesting level of the pattern, which the
//! parser bounds. Every step is charged to the VM ([`Vm::charge`]), so catastrophic
//! backtracking is interrupted, yields and meets time limits like Python code. A
//! malformed program (only reachable by calling `_sre` by hand) reads out-of-range words
//! as 0 (`MATCH`) and never panics.

use std::rc::Rc;

use super::new_module;
use crate::builtins::str::{py_isalnum, py_isdecimal, py_isspace};
use crate::builtins::{check_args, native, no_kwargs};
use crate::objects::{Kwargs, Module, Value};
use crate::vm::{type_error, PyResult, Vm};

/// The opcodes, as `re.py`'s compiler numbers them.
#[derive(Clone, Copy)]
enum Op {
    /// `[0]`: the (sub)program succeeded.
    Match = 0,
    /// `[1, c]`: one character `c`.
    Char = 1,
    /// `[2, c, ascii]`: one character equal to `c` ignoring case.
    CharIgnore = 2,
    /// `[3, c]`: one character other than `c`.
    NotChar = 3,
    /// `[4, c, ascii]`: one character other than `c` ignoring case.
    NotCharIgnore = 4,
    /// `[5]`: any character but `\n`.
    Any = 5,
    /// `[6]`: any character (DOTALL).
    AnyAll = 6,
    /// `[7, len, negate, ignore, ascii, (kind, a, b)...]`: a class; kind 0 is the range
    /// a..=b, kind 1 the category a (0 \d, 1 \D, 2 \s, 3 \S, 4 \w, 5 \W).
    Set = 7,
    /// `[8, x, y]`: try `x`, then `y`.
    Split = 8,
    /// `[9, x]`.
    Jump = 9,
    /// `[10, slot]`: record the position in a group slot.
    Save = 10,
    /// `[11, kind, ascii]`: an anchor; kinds in [`Matcher::at`].
    At = 11,
    /// `[12, group, ignore, ascii]`: the text a group matched.
    Backref = 12,
    /// `[13, kind, width, len, body...]`: lookahead (0), negative (1), lookbehind (2),
    /// negative lookbehind (3).
    Look = 13,
    /// `[14, len, body...]`: an atomic group (also possessive repeats).
    Atomic = 14,
    /// `[15, group, else]`: `(?(group)yes|no)`.
    GroupExists = 15,
    /// `[16, reg]`: remember where a loop iteration starts.
    MarkPos = 16,
    /// `[17, reg, exit]`: leave the loop if its iteration matched empty.
    CheckProgress = 17,
    /// `[18, min, max, greedy, itemlen, item...]`: a repeat of one single-character op
    /// (max -1: unbounded), backtracked by count rather than per character.
    RepeatOne = 18,
    /// `[19]`.
    Fail = 19,
}

const OPS: [Op; 20] = [
    Op::Match,
    Op::Char,
    Op::CharIgnore,
    Op::NotChar,
    Op::NotCharIgnore,
    Op::Any,
    Op::AnyAll,
    Op::Set,
    Op::Split,
    Op::Jump,
    Op::Save,
    Op::At,
    Op::Backref,
    Op::Look,
    Op::Atomic,
    Op::GroupExists,
    Op::MarkPos,
    Op::CheckProgress,
    Op::RepeatOne,
    Op::Fail,
];

/// Undo information on the backtrack stack.
enum Backtrack {
    /// Resume at `pc` with the position `pos`.
    Alternative { pc: usize, pos: usize },
    /// Restore a group slot and `lastindex`.
    Slot { idx: usize, old: isize, last: isize },
    /// Restore a loop register.
    Register { idx: usize, old: isize },
    /// A single-character repeat that can give back (greedy) or take one more (lazy).
    Repeat {
        next: usize,
        item: usize,
        start: usize,
        count: usize,
        min: usize,
        max: usize,
        greedy: bool,
    },
}

/// How many steps are counted before they are charged to the VM.
const CHARGE_EVERY: usize = 512;

struct Matcher<'a, 'v, 'h> {
    vm: &'a mut Vm<'h>,
    code: &'v [i64],
    text: &'v [char],
    slots: Vec<isize>,
    regs: Vec<isize>,
    lastindex: isize,
    steps: usize,
}

/// What the top-level program's `MATCH` must also satisfy.
#[derive(Clone, Copy)]
struct Finish {
    /// fullmatch: end at the end of the text.
    full: bool,
    /// After an empty match: do not end where this attempt started.
    not_empty_at: Option<usize>,
}

/// `c`'s case mapping when it is one character (CPython's simple case), else `c`.
fn single(mut mapped: impl Iterator<Item = char>, c: char) -> char {
    match (mapped.next(), mapped.next()) {
        (Some(m), None) => m,
        _ => c,
    }
}

fn fold(c: char, ascii: bool) -> char {
    if ascii || c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        single(c.to_lowercase(), c)
    }
}

fn upper(c: char, ascii: bool) -> char {
    if ascii || c.is_ascii() {
        c.to_ascii_uppercase()
    } else {
        single(c.to_uppercase(), c)
    }
}

fn is_word(c: char, ascii: bool) -> bool {
    if ascii || c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        py_isalnum(c)
    }
}

fn category(kind: i64, c: char, ascii: bool) -> bool {
    match kind {
        0 => {
            if ascii {
                c.is_ascii_digit()
            } else {
                py_isdecimal(c)
            }
        }
        1 => !category(0, c, ascii),
        2 => {
            if ascii {
                matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
            } else {
                py_isspace(c)
            }
        }
        3 => !category(2, c, ascii),
        4 => is_word(c, ascii),
        _ => !is_word(c, ascii),
    }
}

impl Matcher<'_, '_, '_> {
    fn word(&self, i: usize) -> i64 {
        self.code.get(i).copied().unwrap_or(0)
    }

    fn addr(&self, i: usize) -> usize {
        usize::try_from(self.word(i)).unwrap_or(usize::MAX)
    }

    fn op(&self, pc: usize) -> Op {
        usize::try_from(self.word(pc))
            .ok()
            .and_then(|i| OPS.get(i).copied())
            .unwrap_or(Op::Fail)
    }

    fn charge(&mut self) -> PyResult<()> {
        self.steps += 1;
        if self.steps >= CHARGE_EVERY {
            self.steps = 0;
            self.vm.charge(CHARGE_EVERY)?;
        }
        Ok(())
    }

    fn char_of(&self, i: usize) -> char {
        u32::try_from(self.word(i))
            .ok()
            .and_then(char::from_u32)
            .unwrap_or('\u{fffd}')
    }

    fn in_set(&self, pc: usize, c: char) -> bool {
        let len = self.addr(pc + 1).min(self.code.len());
        let ascii = self.word(pc + 4) != 0;
        let mut i = pc + 5;
        while i + 2 < pc + len.max(5) {
            let (kind, a, b) = (self.word(i), self.word(i + 1), self.word(i + 2));
            let hit = if kind == 0 {
                (a..=b).contains(&(c as i64))
            } else {
                category(a, c, ascii)
            };
            if hit {
                return true;
            }
            i += 3;
        }
        false
    }

    /// Whether the single-character op at `pc` matches `c`.
    fn one(&self, pc: usize, c: char) -> bool {
        match self.op(pc) {
            Op::Char => c == self.char_of(pc + 1),
            Op::CharIgnore | Op::NotCharIgnore => {
                let ascii = self.word(pc + 2) != 0;
                let want = self.char_of(pc + 1);
                let same = fold(c, ascii) == fold(want, ascii);
                same == matches!(self.op(pc), Op::CharIgnore)
            }
            Op::NotChar => c != self.char_of(pc + 1),
            Op::Any => c != '\n',
            Op::AnyAll => true,
            Op::Set => {
                let negate = self.word(pc + 2) != 0;
                let ignore = self.word(pc + 3) != 0;
                let ascii = self.word(pc + 4) != 0;
                let hit = self.in_set(pc, c)
                    || (ignore
                        && (self.in_set(pc, fold(c, ascii)) || self.in_set(pc, upper(c, ascii))));
                hit != negate
            }
            _ => false,
        }
    }

    fn one_len(&self, pc: usize) -> usize {
        match self.op(pc) {
            Op::Char | Op::NotChar => 2,
            Op::CharIgnore | Op::NotCharIgnore => 3,
            Op::Set => self.addr(pc + 1).max(5),
            _ => 1,
        }
    }

    /// Anchors: 0 `\A` (and `^`), 1 `^` MULTILINE, 2 `$`, 3 `$` MULTILINE, 4 `\Z`,
    /// 5 `\b`, 6 `\B`.
    fn at(&self, kind: i64, ascii: bool, pos: usize) -> bool {
        let t = self.text;
        let end = t.len();
        match kind {
            0 => pos == 0,
            1 => pos == 0 || t[pos - 1] == '\n',
            2 => pos == end || (pos + 1 == end && t[pos] == '\n'),
            3 => pos == end || t[pos] == '\n',
            4 => pos == end,
            _ => {
                let before = pos > 0 && is_word(t[pos - 1], ascii);
                let after = pos < end && is_word(t[pos], ascii);
                if end == 0 {
                    return false;
                }
                (before != after) == (kind == 5)
            }
        }
    }

    fn set_slot(&mut self, stack: &mut Vec<Backtrack>, idx: usize, value: isize) {
        if let Some(old) = self.slots.get(idx).copied() {
            stack.push(Backtrack::Slot {
                idx,
                old,
                last: self.lastindex,
            });
            self.slots[idx] = value;
            if idx % 2 == 1 && idx > 1 {
                self.lastindex = (idx / 2) as isize;
            }
        }
    }

    /// Run a sub-program whose groups survive its success (lookaround, atomic groups):
    /// the groups it changed go on the caller's stack so the caller can undo them.
    fn sub(
        &mut self,
        stack: &mut Vec<Backtrack>,
        pc: usize,
        pos: usize,
        keep: bool,
    ) -> PyResult<Option<usize>> {
        let before = self.slots.clone();
        let last = self.lastindex;
        let end = self.run(pc, pos, None)?;
        if end.is_some() && keep {
            for (idx, old) in before.iter().enumerate() {
                if self.slots[idx] != *old {
                    stack.push(Backtrack::Slot {
                        idx,
                        old: *old,
                        last,
                    });
                }
            }
        } else {
            self.slots = before;
            self.lastindex = last;
        }
        Ok(end)
    }

    /// Run the program from `pc` at `pos`: the end of the first match, or None.
    fn run(
        &mut self,
        mut pc: usize,
        mut pos: usize,
        finish: Option<Finish>,
    ) -> PyResult<Option<usize>> {
        let mut stack: Vec<Backtrack> = Vec::new();
        let end = self.text.len();
        loop {
            self.charge()?;
            let ok = match self.op(pc) {
                Op::Match => {
                    let rejected = finish
                        .is_some_and(|f| (f.full && pos != end) || f.not_empty_at == Some(pos));
                    if !rejected {
                        return Ok(Some(pos));
                    }
                    false
                }
                Op::Char
                | Op::CharIgnore
                | Op::NotChar
                | Op::NotCharIgnore
                | Op::Any
                | Op::AnyAll
                | Op::Set => {
                    if pos < end && self.one(pc, self.text[pos]) {
                        pc += self.one_len(pc);
                        pos += 1;
                        true
                    } else {
                        false
                    }
                }
                Op::Split => {
                    stack.push(Backtrack::Alternative {
                        pc: self.addr(pc + 2),
                        pos,
                    });
                    pc = self.addr(pc + 1);
                    true
                }
                Op::Jump => {
                    pc = self.addr(pc + 1);
                    true
                }
                Op::Save => {
                    let idx = self.addr(pc + 1);
                    self.set_slot(&mut stack, idx, pos as isize);
                    pc += 2;
                    true
                }
                Op::At => {
                    let hit = self.at(self.word(pc + 1), self.word(pc + 2) != 0, pos);
                    pc += 3;
                    hit
                }
                Op::Backref => {
                    let g = self.addr(pc + 1);
                    let ignore = self.word(pc + 2) != 0;
                    let ascii = self.word(pc + 3) != 0;
                    pc += 4;
                    let start = self.slots.get(2 * g).copied().unwrap_or(-1);
                    let stop = self.slots.get(2 * g + 1).copied().unwrap_or(-1);
                    if start < 0 || stop < start {
                        false
                    } else {
                        let (start, stop) = (start as usize, stop as usize);
                        let n = stop - start;
                        let fits = pos + n <= end
                            && (0..n).all(|i| {
                                let (a, b) = (self.text[start + i], self.text[pos + i]);
                                a == b || (ignore && fold(a, ascii) == fold(b, ascii))
                            });
                        if fits {
                            pos += n;
                        }
                        fits
                    }
                }
                Op::Look => {
                    let kind = self.word(pc + 1);
                    let width = self.addr(pc + 2);
                    let body = pc + 4;
                    pc = body.saturating_add(self.addr(pc + 3));
                    let negative = kind == 1 || kind == 3;
                    let at = if kind >= 2 {
                        pos.checked_sub(width)
                    } else {
                        Some(pos)
                    };
                    let found = match at {
                        Some(at) => self
                            .sub(&mut stack, body, at, !negative)?
                            .is_some_and(|e| kind < 2 || e == pos),
                        None => false,
                    };
                    found != negative
                }
                Op::Atomic => {
                    let body = pc + 2;
                    pc = body.saturating_add(self.addr(pc + 1));
                    match self.sub(&mut stack, body, pos, true)? {
                        Some(e) => {
                            pos = e;
                            true
                        }
                        None => false,
                    }
                }
                Op::GroupExists => {
                    let g = self.addr(pc + 1);
                    let set = self.slots.get(2 * g + 1).copied().unwrap_or(-1) >= 0;
                    pc = if set { pc + 3 } else { self.addr(pc + 2) };
                    true
                }
                Op::MarkPos => {
                    let idx = self.addr(pc + 1);
                    if let Some(old) = self.regs.get(idx).copied() {
                        stack.push(Backtrack::Register { idx, old });
                        self.regs[idx] = pos as isize;
                    }
                    pc += 2;
                    true
                }
                Op::CheckProgress => {
                    let idx = self.addr(pc + 1);
                    let start = self.regs.get(idx).copied().unwrap_or(-1);
                    pc = if start == pos as isize {
                        self.addr(pc + 2)
                    } else {
                        pc + 3
                    };
                    true
                }
                Op::RepeatOne => {
                    let min = self.addr(pc + 1);
                    let max = usize::try_from(self.word(pc + 2)).unwrap_or(usize::MAX);
                    let greedy = self.word(pc + 3) != 0;
                    let item = pc + 5;
                    let next = item.saturating_add(self.addr(pc + 4));
                    let limit = if greedy { max } else { min };
                    let mut count = 0;
                    while count < limit
                        && pos + count < end
                        && self.one(item, self.text[pos + count])
                    {
                        count += 1;
                        if count % CHARGE_EVERY == 0 {
                            self.vm.charge(CHARGE_EVERY)?;
                        }
                    }
                    if count < min {
                        false
                    } else {
                        stack.push(Backtrack::Repeat {
                            next,
                            item,
                            start: pos,
                            count,
                            min,
                            max,
                            greedy,
                        });
                        pos += count;
                        pc = next;
                        true
                    }
                }
                Op::Fail => false,
            };
            if ok {
                continue;
            }
            // Backtrack to the newest alternative, undoing what came after it.
            loop {
                match stack.pop() {
                    None => return Ok(None),
                    Some(Backtrack::Alternative { pc: p, pos: q }) => {
                        pc = p;
                        pos = q;
                        break;
                    }
                    Some(Backtrack::Slot { idx, old, last }) => {
                        self.slots[idx] = old;
                        self.lastindex = last;
                    }
                    Some(Backtrack::Register { idx, old }) => self.regs[idx] = old,
                    Some(Backtrack::Repeat {
                        next,
                        item,
                        start,
                        mut count,
                        min,
                        max,
                        greedy,
                    }) => {
                        self.charge()?;
                        if greedy {
                            if count == min {
                                continue;
                            }
                            count -= 1;
                        } else {
                            if count >= max
                                || start + count >= end
                                || !self.one(item, self.text[start + count])
                            {
                                continue;
                            }
                            count += 1;
                        }
                        stack.push(Backtrack::Repeat {
                            next,
                            item,
                            start,
                            count,
                            min,
                            max,
                            greedy,
                        });
                        pc = next;
                        pos = start + count;
                        break;
                    }
                }
            }
        }
    }

    /// Find a match starting at `pos` (mode 0: match, 1: fullmatch) or at or after it
    /// (2: search); `[lastindex, start0, end0, ...]`.
    fn find(&mut self, pos: usize, mode: i64, must_advance: bool) -> PyResult<Option<Vec<isize>>> {
        let end = self.text.len();
        let first = if self.op(2) as i64 == Op::Char as i64 {
            Some(self.char_of(3))
        } else {
            None
        };
        let mut start = pos;
        while start <= end {
            let skip = first.is_some_and(|c| start < end && self.text[start] != c)
                || (first.is_some() && start == end);
            if !skip {
                self.slots.iter_mut().for_each(|s| *s = -1);
                self.lastindex = -1;
                let finish = Finish {
                    full: mode == 1,
                    not_empty_at: (must_advance && start == pos).then_some(start),
                };
                if let Some(e) = self.run(2, start, Some(finish))? {
                    if let Some(s) = self.slots.get_mut(0) {
                        *s = start as isize;
                    }
                    if let Some(s) = self.slots.get_mut(1) {
                        *s = e as isize;
                    }
                    let mut out = vec![self.lastindex];
                    out.extend_from_slice(&self.slots);
                    return Ok(Some(out));
                }
            }
            if mode != 2 {
                break;
            }
            start += 1;
            self.charge()?;
        }
        Ok(None)
    }
}

fn int_arg(vm: &mut Vm<'_>, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(other)
        ))),
    }
}

/// The arguments both entry points share: code, text (up to endpos), pos.
fn prepare(vm: &mut Vm<'_>, args: &[Value]) -> PyResult<(Vec<i64>, Vec<char>, usize)> {
    let Value::List(code) = &args[0] else {
        return Err(type_error("_sre: code must be a list"));
    };
    let code: Vec<Value> = code.items.borrow().clone();
    let mut words = Vec::with_capacity(code.len());
    for w in &code {
        words.push(int_arg(vm, w)?);
    }
    let Value::Str(s) = &args[1] else {
        return Err(type_error("_sre: expected a str"));
    };
    vm.charge(s.as_str().len() / 8)?;
    let mut text: Vec<char> = s.as_str().chars().collect();
    let len = text.len() as i64;
    let clamp = |i: i64| i.clamp(0, len) as usize;
    let pos = clamp(int_arg(vm, &args[2])?);
    let endpos = clamp(int_arg(vm, &args[3])?);
    text.truncate(endpos);
    Ok((words, text, pos.min(endpos)))
}

fn matcher<'a, 'v, 'h>(
    vm: &'a mut Vm<'h>,
    code: &'v [i64],
    text: &'v [char],
) -> Matcher<'a, 'v, 'h> {
    let nslots = code.first().copied().unwrap_or(2).clamp(2, 1 << 20) as usize;
    let nregs = code.get(1).copied().unwrap_or(0).clamp(0, 1 << 20) as usize;
    Matcher {
        vm,
        code,
        text,
        slots: vec![-1; nslots],
        regs: vec![-1; nregs],
        lastindex: -1,
        steps: 0,
    }
}

fn result(found: Vec<isize>) -> Value {
    Value::list(found.into_iter().map(|i| Value::Int(i as i64)).collect())
}

/// `search(code, string, pos, endpos, mode, must_advance)`.
fn search(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("search", &kw)?;
    check_args("search", &args, 6, 6)?;
    let (code, text, pos) = prepare(vm, &args)?;
    let mode = int_arg(vm, &args[4])?;
    let must_advance = int_arg(vm, &args[5])? != 0;
    let mut m = matcher(vm, &code, &text);
    Ok(match m.find(pos, mode, must_advance)? {
        Some(found) => result(found),
        None => Value::None,
    })
}

/// `scan(code, string, pos, endpos, limit)`: the successive non-overlapping matches
/// findall/finditer/sub/split see (CPython 3.7+'s rule: an empty match may follow a
/// non-empty one at the same place, but not an empty one); at most `limit` (0: all).
fn scan(vm: &mut Vm<'_>, args: Vec<Value>, kw: Kwargs) -> PyResult<Value> {
    no_kwargs("scan", &kw)?;
    check_args("scan", &args, 5, 5)?;
    let (code, text, mut pos) = prepare(vm, &args)?;
    let limit = int_arg(vm, &args[4])?;
    let mut m = matcher(vm, &code, &text);
    let mut out = Vec::new();
    let mut must_advance = false;
    while limit <= 0 || (out.len() as i64) < limit {
        let Some(found) = m.find(pos, 2, must_advance)? else {
            break;
        };
        let (start, end) = (found[1] as usize, found[2] as usize);
        must_advance = start == end;
        pos = end;
        out.push(result(found));
        if pos > text.len() {
            break;
        }
    }
    Ok(Value::list(out))
}

pub(crate) fn module() -> Rc<Module> {
    let m = new_module("_sre");
    for (name, f) in [
        ("search", search as crate::objects::NativeFn),
        ("scan", scan),
    ] {
        m.attrs.borrow_mut().insert(name.into(), native(name, f));
    }
    m
}
