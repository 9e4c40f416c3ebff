//! The `match` statement (PEP 634), compiled as CPython 3.11 compiles it.
//!
//! Exposes `Compiler::match_stmt`. Each pattern consumes the subject on top of the stack
//! and either falls through (matched) or jumps to a failure label. The scheme, from
//! CPython's `compiler_pattern*`:
//! - Captured values are not stored while matching: each is rotated down the stack below
//!   the values still being matched (`on_top`) and the captures before it, and the case
//!   stores them all once the whole pattern matched, so a failed pattern binds nothing.
//! - A failing test jumps to `fail_pop[n]`, where `n` is everything the pattern has on the
//!   stack at that point (captures + working values); the failure labels, emitted after
//!   the case, pop `n` values one label at a time and fall into the next case.
//! - Each alternative of an or-pattern matches a copy of the subject; its captures are
//!   reordered to the first alternative's order so one store sequence serves all.
//!
//! Invariant: between cases the stack holds exactly the subject (none for the last
//! case that matches it); a case body runs with the subject popped.
//! The run-time halves (`MatchSequence`, `MatchMapping`, `MatchKeys`, `MatchClass`,
//! `DictWithoutKeys`) are in `vm::matching`.

use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr, Pattern};
use ruff_text_size::{Ranged, TextRange};

use super::{err, CResult, CmpOp, Compiler, Instr};
use crate::objects::Value;

/// The state of one pattern being compiled (CPython's `pattern_context`).
struct PatternContext {
    /// Names captured so far, in capture order; their values are on the stack.
    stores: Vec<Rc<str>>,
    /// Whether an irrefutable pattern is allowed here (the last case, or one with a guard).
    allow_irrefutable: bool,
    /// `fail_pop[n]`: jumps to the label that pops `n` values before failing.
    fail_pop: Vec<Vec<usize>>,
    /// Working values above the captures that a failure must pop too.
    on_top: usize,
}

impl PatternContext {
    fn new(allow_irrefutable: bool) -> PatternContext {
        PatternContext {
            stores: Vec::new(),
            allow_irrefutable,
            fail_pop: Vec::new(),
            on_top: 0,
        }
    }

    fn ensure_fail_pop(&mut self, n: usize) {
        if self.fail_pop.len() <= n {
            self.fail_pop.resize_with(n + 1, Vec::new);
        }
    }
}

/// `_`.
fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

/// `*_`.
fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

/// What CPython accepts as a value pattern or mapping key: literals (numbers, possibly
/// negated or complex sums, strings, bytes) and dotted names.
fn is_value_expr(e: &Expr) -> bool {
    match e {
        Expr::NumberLiteral(_)
        | Expr::StringLiteral(_)
        | Expr::BytesLiteral(_)
        | Expr::BooleanLiteral(_)
        | Expr::NoneLiteral(_)
        | Expr::Attribute(_) => true,
        Expr::UnaryOp(u) => u.op == ast::UnaryOp::USub && is_value_expr(&u.operand),
        Expr::BinOp(b) => {
            matches!(b.op, ast::Operator::Add | ast::Operator::Sub)
                && is_value_expr(&b.left)
                && is_value_expr(&b.right)
        }
        _ => false,
    }
}

impl<'a> Compiler<'a> {
    pub(super) fn match_stmt(&mut self, m: &'a ast::StmtMatch) -> CResult<()> {
        self.expr(&m.subject)?;
        let cases = m.cases.len();
        let has_default = cases > 1 && is_wildcard(&m.cases[cases - 1].pattern);
        let looped = cases - usize::from(has_default);
        let mut ends = Vec::new();
        for (i, case) in m.cases[..looped].iter().enumerate() {
            self.set_line(case.pattern.range());
            let mut pc = PatternContext::new(case.guard.is_some() || i + 1 == cases);
            // The last case tested consumes the subject itself; the others a copy.
            let copied = i + 1 != looped;
            if copied {
                self.emit(Instr::Dup);
            }
            self.pattern(&case.pattern, &mut pc)?;
            for name in std::mem::take(&mut pc.stores) {
                self.store_name(&name);
            }
            if let Some(guard) = &case.guard {
                pc.ensure_fail_pop(0);
                self.expr(guard)?;
                let j = self.emit(Instr::PopJumpIfFalse(0));
                pc.fail_pop[0].push(j);
            }
            if copied {
                self.emit(Instr::Pop);
            }
            self.stmts(&case.body)?;
            ends.push(self.emit(Instr::Jump(0)));
            self.emit_fail_pop(&mut pc);
        }
        if has_default {
            let case = &m.cases[cases - 1];
            self.set_line(case.pattern.range());
            if let Some(guard) = &case.guard {
                self.expr(guard)?;
                ends.push(self.emit(Instr::PopJumpIfFalse(0)));
            }
            self.stmts(&case.body)?;
        }
        for e in ends {
            self.patch(e);
        }
        Ok(())
    }

    /// Emit the failure labels: each pops one value and falls into the next.
    fn emit_fail_pop(&mut self, pc: &mut PatternContext) {
        let labels = std::mem::take(&mut pc.fail_pop);
        for (n, jumps) in labels.iter().enumerate().rev() {
            for &j in jumps {
                self.patch(j);
            }
            if n > 0 {
                self.emit(Instr::Pop);
            }
        }
    }

    /// Jump to the failure label for what is on the stack now, with `jump` (its target
    /// patched later).
    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext, jump: Instr) {
        let pops = pc.on_top + pc.stores.len();
        pc.ensure_fail_pop(pops);
        let j = self.emit(jump);
        pc.fail_pop[pops].push(j);
    }

    /// Move the top of the stack `n - 1` places down (CPython's `pattern_helper_rotate`).
    fn rotate(&mut self, n: usize) -> CResult<()> {
        if n > 1 {
            let n = u32::try_from(n).map_err(|_| too_many())?;
            self.emit(Instr::Rotate(n));
        }
        Ok(())
    }

    /// Capture the subject as `name` (popped when `None`): checked, then set aside.
    fn pattern_store(
        &mut self,
        name: Option<&ast::Identifier>,
        pc: &mut PatternContext,
        range: TextRange,
    ) -> CResult<()> {
        let Some(name) = name else {
            self.emit(Instr::Pop);
            return Ok(());
        };
        if name.as_str() == "__debug__" {
            return err("cannot assign to __debug__", range);
        }
        if pc.stores.iter().any(|s| **s == *name.as_str()) {
            return err(
                format!("multiple assignments to name '{name}' in pattern"),
                range,
            );
        }
        self.rotate(pc.on_top + pc.stores.len() + 1)?;
        pc.stores.push(Rc::from(name.as_str()));
        Ok(())
    }

    /// A pattern nested in another: irrefutable ones are always allowed there.
    fn subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult<()> {
        let allow = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        self.pattern(p, pc)?;
        pc.allow_irrefutable = allow;
        Ok(())
    }

    fn pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext) -> CResult<()> {
        self.set_line(p.range());
        match p {
            Pattern::MatchValue(v) => {
                if !is_value_expr(&v.value) {
                    return err(
                        "patterns may only match literals and attribute lookups",
                        v.range,
                    );
                }
                self.expr(&v.value)?;
                self.emit(Instr::Compare(CmpOp::Eq));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    ast::Singleton::None => Value::None,
                    ast::Singleton::True => Value::Bool(true),
                    ast::Singleton::False => Value::Bool(false),
                });
                self.emit(Instr::Compare(CmpOp::Is));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
            }
            Pattern::MatchSequence(s) => self.sequence_pattern(&s.patterns, pc)?,
            Pattern::MatchMapping(m) => self.mapping_pattern(m, pc)?,
            Pattern::MatchClass(c) => self.class_pattern(c, pc)?,
            Pattern::MatchStar(s) => self.pattern_store(s.name.as_ref(), pc, s.range)?,
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        return match &a.name {
                            Some(n) => err(
                                format!("name capture '{n}' makes remaining patterns unreachable"),
                                a.range,
                            ),
                            None => err("wildcard makes remaining patterns unreachable", a.range),
                        };
                    }
                    self.pattern_store(a.name.as_ref(), pc, a.range)?;
                }
                Some(sub) => {
                    // Keep a copy to capture once the sub-pattern matched.
                    pc.on_top += 1;
                    self.emit(Instr::Dup);
                    self.pattern(sub, pc)?;
                    pc.on_top -= 1;
                    self.pattern_store(a.name.as_ref(), pc, a.range)?;
                }
            },
            Pattern::MatchOr(o) => self.or_pattern(o, pc)?,
        }
        Ok(())
    }

    fn sequence_pattern(
        &mut self,
        patterns: &'a [Pattern],
        pc: &mut PatternContext,
    ) -> CResult<()> {
        let size = patterns.len();
        let mut star = None;
        for (i, p) in patterns.iter().enumerate() {
            if let Pattern::MatchStar(s) = p {
                if star.is_some() {
                    return err("multiple starred names in sequence pattern", s.range);
                }
                star = Some(i);
            }
        }
        let only_wildcard = patterns
            .iter()
            .all(|p| is_wildcard(p) || is_star_wildcard(p));
        let star_wildcard = star.is_some_and(|i| is_star_wildcard(&patterns[i]));
        // The subject stays on top during the type and length checks.
        pc.on_top += 1;
        self.emit(Instr::MatchSequence);
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
        self.emit(Instr::GetLen);
        match star {
            None => {
                self.load_const(Value::Int(size as i64));
                self.emit(Instr::Compare(CmpOp::Eq));
            }
            Some(_) => {
                self.load_const(Value::Int(size as i64 - 1));
                self.emit(Instr::Compare(CmpOp::Ge));
            }
        }
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Instr::Pop);
        } else if let (true, Some(star)) = (star_wildcard, star) {
            // Index the items around `*_` instead of unpacking them all.
            pc.on_top += 1;
            for (i, p) in patterns.iter().enumerate() {
                if is_wildcard(p) || i == star {
                    continue;
                }
                self.emit(Instr::Dup);
                if i < star {
                    self.load_const(Value::Int(i as i64));
                } else {
                    self.emit(Instr::GetLen);
                    self.load_const(Value::Int((size - i) as i64));
                    self.emit(Instr::Binary(super::BinOp::Sub));
                }
                self.emit(Instr::Subscript);
                self.subpattern(p, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Instr::Pop);
        } else {
            match star {
                Some(pos) => {
                    let before = u16::try_from(pos).map_err(|_| too_many())?;
                    let after = u16::try_from(size - pos - 1).map_err(|_| too_many())?;
                    self.emit(Instr::UnpackEx(before, after));
                }
                None => {
                    let n = u32::try_from(size).map_err(|_| too_many())?;
                    self.emit(Instr::UnpackSequence(n));
                }
            }
            pc.on_top += size;
            for p in patterns {
                pc.on_top -= 1;
                self.subpattern(p, pc)?;
            }
        }
        Ok(())
    }

    fn mapping_pattern(
        &mut self,
        m: &'a ast::PatternMatchMapping,
        pc: &mut PatternContext,
    ) -> CResult<()> {
        if let Some(rest) = m.rest.as_ref().filter(|r| r.as_str() == "_") {
            // `**_` is not in CPython's grammar (ruff's parser accepts it); CPython's
            // caret is one column before the `_`.
            let at = rest.range.start() - ruff_text_size::TextSize::from(1);
            return err("invalid syntax", TextRange::new(at, at));
        }
        let size = m.keys.len();
        pc.on_top += 1;
        self.emit(Instr::MatchMapping);
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
        if size == 0 && m.rest.is_none() {
            pc.on_top -= 1;
            self.emit(Instr::Pop);
            return Ok(());
        }
        if size > 0 {
            self.emit(Instr::GetLen);
            self.load_const(Value::Int(size as i64));
            self.emit(Instr::Compare(CmpOp::Ge));
            self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
        }
        // Literal keys are checked for duplicates here; dotted names at run time.
        let mut seen: Vec<Value> = Vec::new();
        for key in &m.keys {
            if !is_value_expr(key) {
                return err(
                    "mapping pattern keys may only match literals and attribute lookups",
                    key.range(),
                );
            }
            if let Some(v) = super::constants::literal_value(key) {
                if seen.iter().any(|s| super::constants::literal_eq(s, &v)) {
                    return err(
                        format!(
                            "mapping pattern checks duplicate key ({})",
                            super::constants::literal_repr(&v)
                        ),
                        key.range(),
                    );
                }
                seen.push(v);
            }
            self.expr(key)?;
        }
        let n = u32::try_from(size).map_err(|_| too_many())?;
        self.emit(Instr::BuildTuple(n));
        self.emit(Instr::MatchKeys);
        // The keys and the values (or None) are now on top of the subject.
        pc.on_top += 2;
        self.emit(Instr::Dup);
        self.load_const(Value::None);
        self.emit(Instr::Compare(CmpOp::IsNot));
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
        self.emit(Instr::UnpackSequence(n));
        pc.on_top += size;
        pc.on_top -= 1;
        for p in &m.patterns {
            pc.on_top -= 1;
            self.subpattern(p, pc)?;
        }
        pc.on_top -= 2;
        match &m.rest {
            Some(rest) => {
                self.emit(Instr::DictWithoutKeys);
                self.pattern_store(Some(rest), pc, m.range)?;
            }
            None => {
                self.emit(Instr::Pop);
                self.emit(Instr::Pop);
            }
        }
        Ok(())
    }

    fn class_pattern(
        &mut self,
        c: &'a ast::PatternMatchClass,
        pc: &mut PatternContext,
    ) -> CResult<()> {
        let args = &c.arguments;
        let mut names: Vec<Value> = Vec::with_capacity(args.keywords.len());
        for (i, k) in args.keywords.iter().enumerate() {
            if args.keywords[..i]
                .iter()
                .any(|o| o.attr.as_str() == k.attr.as_str())
            {
                return err(
                    format!("attribute name repeated in class pattern: {}", k.attr),
                    k.attr.range,
                );
            }
            names.push(Value::str(k.attr.to_string()));
        }
        self.expr(&c.cls)?;
        self.load_const(Value::tuple(names));
        let nargs = u32::try_from(args.patterns.len()).map_err(|_| too_many())?;
        self.emit(Instr::MatchClass(nargs));
        self.emit(Instr::Dup);
        self.load_const(Value::None);
        self.emit(Instr::Compare(CmpOp::IsNot));
        // The tuple of attributes (or None) is on top now.
        pc.on_top += 1;
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
        let total = args.patterns.len() + args.keywords.len();
        let n = u32::try_from(total).map_err(|_| too_many())?;
        self.emit(Instr::UnpackSequence(n));
        pc.on_top += total;
        pc.on_top -= 1;
        let subpatterns = args
            .patterns
            .iter()
            .chain(args.keywords.iter().map(|k| &k.pattern));
        for p in subpatterns {
            pc.on_top -= 1;
            if is_wildcard(p) {
                self.emit(Instr::Pop);
                continue;
            }
            self.subpattern(p, pc)?;
        }
        Ok(())
    }

    fn or_pattern(&mut self, o: &'a ast::PatternMatchOr, pc: &mut PatternContext) -> CResult<()> {
        let mut end = Vec::new();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_allow = pc.allow_irrefutable;
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let mut control: Option<Vec<Rc<str>>> = None;
        let count = o.patterns.len();
        for (i, alt) in o.patterns.iter().enumerate() {
            pc.stores = Vec::new();
            pc.allow_irrefutable = i + 1 == count && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Instr::Dup);
            self.pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(control) if control.len() != pc.stores.len() => {
                    return err("alternative patterns bind different names", o.range)
                }
                Some(control) => {
                    // Reorder the captures on the stack to the first alternative's order.
                    let nstores = control.len();
                    for icontrol in (0..nstores).rev() {
                        let name = &control[icontrol];
                        let Some(istores) = pc.stores.iter().position(|s| s == name) else {
                            return err("alternative patterns bind different names", o.range);
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<Rc<str>> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            pc.stores.splice(at..at, rotated);
                            for _ in 0..rotations {
                                self.rotate(icontrol + 1)?;
                            }
                        }
                    }
                }
            }
            end.push(self.emit(Instr::Jump(0)));
            self.emit_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        // No alternative matched: pop the subject and fail.
        self.emit(Instr::Pop);
        self.jump_to_fail_pop(pc, Instr::Jump(0));
        for e in end {
            self.patch(e);
        }
        let control = control.unwrap_or_default();
        let nstores = control.len();
        let nrots = nstores + 1 + pc.on_top + pc.stores.len();
        for name in control {
            self.rotate(nrots)?;
            if pc.stores.contains(&name) {
                return err(
                    format!("multiple assignments to name '{name}' in pattern"),
                    o.range,
                );
            }
            pc.stores.push(name);
        }
        // Pop the copy of the subject.
        self.emit(Instr::Pop);
        Ok(())
    }
}

fn too_many() -> super::CompileError {
    super::CompileError {
        message: "too many sub-patterns in pattern".into(),
        offset: 0.into(),
    }
}
