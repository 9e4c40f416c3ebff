//! Symbol tables: which names are fast locals, cells, free variables or globals.
//!
//! A first pass over the AST builds one [`Scope`] per module, class, function, lambda and
//! comprehension (keyed by the address of its AST node); a second pass resolves free
//! names to the nearest enclosing *function* scope that binds them, as CPython does
//! (class bodies are skipped: methods do not see class attributes as variables).

use std::collections::{HashMap, HashSet};

use indexmap::IndexSet;
use ruff_python_ast::{self as ast, Expr, Stmt};
use ruff_text_size::TextRange;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum ScopeKind {
    Module,
    Class,
    Function,
}

/// How code in a scope reaches a name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum NameAccess {
    Fast,
    Deref,
    Global,
    /// Module and class bodies: the namespace, then globals, then builtins.
    Name,
}

pub(crate) struct Scope {
    pub(crate) kind: ScopeKind,
    pub(crate) parent: Option<usize>,
    pub(crate) params: Vec<String>,
    assigned: IndexSet<String>,
    used: IndexSet<String>,
    globals: HashSet<String>,
    nonlocals: HashSet<String>,
    pub(crate) is_generator: bool,
    /// An `async def`, or a comprehension that awaits (run as a coroutine, or as an
    /// async generator when `is_generator` too).
    pub(crate) is_async: bool,
    /// A comprehension's implicit function (awaits in it are the enclosing function's).
    is_comprehension: bool,
    pub(crate) cells: IndexSet<String>,
    pub(crate) frees: IndexSet<String>,
    /// Fast locals in order: parameters first.
    pub(crate) locals: IndexSet<String>,
}

impl Scope {
    fn new(kind: ScopeKind, parent: Option<usize>) -> Scope {
        Scope {
            kind,
            parent,
            params: Vec::new(),
            assigned: IndexSet::new(),
            used: IndexSet::new(),
            globals: HashSet::new(),
            nonlocals: HashSet::new(),
            is_generator: false,
            is_async: false,
            is_comprehension: false,
            cells: IndexSet::new(),
            frees: IndexSet::new(),
            locals: IndexSet::new(),
        }
    }

    pub(crate) fn access(&self, name: &str) -> NameAccess {
        if self.cells.contains(name) || self.frees.contains(name) {
            return NameAccess::Deref;
        }
        match self.kind {
            ScopeKind::Module => NameAccess::Global,
            ScopeKind::Class => {
                if self.globals.contains(name) {
                    NameAccess::Global
                } else {
                    NameAccess::Name
                }
            }
            ScopeKind::Function => {
                if self.locals.contains(name) {
                    NameAccess::Fast
                } else {
                    NameAccess::Global
                }
            }
        }
    }
}

/// A compile-time error found while building the tables: message and where.
pub(crate) struct ScopeError {
    pub(crate) message: String,
    pub(crate) range: TextRange,
}

pub(crate) struct SymbolTable {
    pub(crate) scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
}

impl SymbolTable {
    pub(crate) fn build(body: &[Stmt]) -> Result<SymbolTable, ScopeError> {
        let mut builder = Builder {
            scopes: vec![Scope::new(ScopeKind::Module, None)],
            by_node: HashMap::new(),
            current: 0,
        };
        builder.stmts(body)?;
        let mut table = SymbolTable {
            scopes: builder.scopes,
            by_node: builder.by_node,
        };
        table.resolve()?;
        Ok(table)
    }

    pub(crate) fn scope_of<T>(&self, node: &T) -> usize {
        self.by_node[&(node as *const T as usize)]
    }

    fn resolve(&mut self) -> Result<(), ScopeError> {
        for i in 0..self.scopes.len() {
            let s = &mut self.scopes[i];
            if s.kind == ScopeKind::Function {
                let mut locals: IndexSet<String> = s.params.iter().cloned().collect();
                for name in &s.assigned {
                    if !s.globals.contains(name) && !s.nonlocals.contains(name) {
                        locals.insert(name.clone());
                    }
                }
                s.locals = locals;
            }
        }
        for i in 0..self.scopes.len() {
            let kind = self.scopes[i].kind;
            if kind == ScopeKind::Module {
                continue;
            }
            let mut wanted: Vec<(String, bool)> = Vec::new();
            let s = &self.scopes[i];
            for name in &s.nonlocals {
                wanted.push((name.clone(), true));
            }
            for name in s.used.iter().chain(s.assigned.iter()) {
                let bound_here = match kind {
                    ScopeKind::Function => s.locals.contains(name),
                    _ => s.assigned.contains(name),
                };
                if !bound_here && !s.globals.contains(name) && !s.nonlocals.contains(name) {
                    wanted.push((name.clone(), false));
                }
            }
            for (name, is_nonlocal) in wanted {
                let found = self.find_enclosing(i, &name);
                match found {
                    Some(owner) => {
                        self.scopes[owner].cells.insert(name.clone());
                        let mut j = i;
                        while j != owner {
                            self.scopes[j].frees.insert(name.clone());
                            j = self.scopes[j].parent.unwrap_or(owner);
                        }
                    }
                    None if is_nonlocal => {
                        return Err(ScopeError {
                            message: format!("no binding for nonlocal '{name}' found"),
                            range: TextRange::default(),
                        })
                    }
                    None => {}
                }
            }
        }
        Ok(())
    }

    fn find_enclosing(&self, from: usize, name: &str) -> Option<usize> {
        let mut cur = self.scopes[from].parent;
        while let Some(j) = cur {
            let s = &self.scopes[j];
            if s.kind == ScopeKind::Function {
                if s.globals.contains(name) {
                    return None;
                }
                if s.locals.contains(name) {
                    return Some(j);
                }
            } else if s.kind == ScopeKind::Module {
                return None;
            }
            cur = s.parent;
        }
        None
    }
}

struct Builder {
    scopes: Vec<Scope>,
    by_node: HashMap<usize, usize>,
    current: usize,
}

impl Builder {
    fn enter<T>(&mut self, node: &T, kind: ScopeKind) -> usize {
        let id = self.scopes.len();
        self.scopes.push(Scope::new(kind, Some(self.current)));
        self.by_node.insert(node as *const T as usize, id);
        let prev = self.current;
        self.current = id;
        prev
    }

    /// `async for` / `async with` need an `async def` (a comprehension inherits it).
    fn require_async(&mut self, message: &str, range: TextRange) -> Result<(), ScopeError> {
        if self.cur().is_comprehension {
            return self.await_in_comprehension(range);
        }
        if self.cur().kind == ScopeKind::Function && self.cur().is_async {
            return Ok(());
        }
        Err(ScopeError {
            message: message.into(),
            range,
        })
    }

    /// An `await` or `async for` in the current comprehension makes it asynchronous,
    /// and so each comprehension around it up to the `async def` (they await it), as
    /// CPython; a generator expression is an async generator its encloser need not await.
    fn await_in_comprehension(&mut self, range: TextRange) -> Result<(), ScopeError> {
        let mut id = self.current;
        loop {
            let s = &self.scopes[id];
            if !s.is_comprehension {
                if s.kind == ScopeKind::Function && s.is_async {
                    return Ok(());
                }
                break;
            }
            let (gen, parent) = (s.is_generator, s.parent);
            self.scopes[id].is_async = true;
            if gen {
                return Ok(());
            }
            match parent {
                Some(p) => id = p,
                None => break,
            }
        }
        Err(ScopeError {
            message: "asynchronous comprehension outside of an asynchronous function".into(),
            range,
        })
    }

    fn cur(&mut self) -> &mut Scope {
        &mut self.scopes[self.current]
    }

    fn bind(&mut self, name: &str) {
        self.cur().assigned.insert(name.to_string());
    }

    fn stmts(&mut self, body: &[Stmt]) -> Result<(), ScopeError> {
        for s in body {
            self.stmt(s)?;
        }
        Ok(())
    }

    fn params(&mut self, p: &ast::Parameters) -> Result<(), ScopeError> {
        let all = p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .map(|d| &d.parameter)
            .chain(p.vararg.as_deref())
            .chain(p.kwonlyargs.iter().map(|d| &d.parameter))
            .chain(p.kwarg.as_deref());
        let mut seen = std::collections::HashSet::new();
        for param in all {
            if !seen.insert(param.name.as_str()) {
                return Err(ScopeError {
                    message: format!("duplicate argument '{}' in function definition", param.name),
                    range: param.range,
                });
            }
        }
        for d in p
            .posonlyargs
            .iter()
            .chain(p.args.iter())
            .chain(p.kwonlyargs.iter())
        {
            if let Some(def) = &d.default {
                self.expr(def)?;
            }
        }
        Ok(())
    }

    fn param_names(p: &ast::Parameters) -> Vec<String> {
        let mut names = Vec::new();
        for d in p.posonlyargs.iter().chain(p.args.iter()) {
            names.push(d.parameter.name.to_string());
        }
        for d in &p.kwonlyargs {
            names.push(d.parameter.name.to_string());
        }
        if let Some(v) = &p.vararg {
            names.push(v.name.to_string());
        }
        if let Some(k) = &p.kwarg {
            names.push(k.name.to_string());
        }
        names
    }

    fn stmt(&mut self, s: &Stmt) -> Result<(), ScopeError> {
        match s {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.expr(&d.expression)?;
                }
                self.params(&f.parameters)?;
                self.bind(&f.name);
                let prev = self.enter(f, ScopeKind::Function);
                self.cur().params = Self::param_names(&f.parameters);
                self.cur().is_async = f.is_async;
                self.stmts(&f.body)?;
                self.current = prev;
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.expr(&d.expression)?;
                }
                if let Some(args) = &c.arguments {
                    for a in args.args.iter() {
                        self.expr(a)?;
                    }
                    for k in args.keywords.iter() {
                        self.expr(&k.value)?;
                    }
                }
                self.bind(&c.name);
                let prev = self.enter(c, ScopeKind::Class);
                self.stmts(&c.body)?;
                self.current = prev;
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.expr(v)?;
                }
            }
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.target(t)?;
                }
            }
            Stmt::Assign(a) => {
                self.expr(&a.value)?;
                for t in &a.targets {
                    self.target(t)?;
                }
            }
            Stmt::AugAssign(a) => {
                self.expr(&a.value)?;
                if let Expr::Name(n) = &*a.target {
                    self.cur().used.insert(n.id.to_string());
                }
                self.target(&a.target)?;
            }
            Stmt::AnnAssign(a) => {
                if let Some(v) = &a.value {
                    self.expr(v)?;
                    self.target(&a.target)?;
                }
                // Module and class bodies evaluate the annotation into `__annotations__`
                // (the compiler's AnnAssign), so its names and nested scopes count here.
                if self.cur().kind != ScopeKind::Function {
                    self.expr(&a.annotation)?;
                }
            }
            Stmt::For(f) => {
                if f.is_async {
                    self.require_async("'async for' outside async function", f.range)?;
                }
                self.expr(&f.iter)?;
                self.target(&f.target)?;
                self.stmts(&f.body)?;
                self.stmts(&f.orelse)?;
            }
            Stmt::While(w) => {
                self.expr(&w.test)?;
                self.stmts(&w.body)?;
                self.stmts(&w.orelse)?;
            }
            Stmt::If(i) => {
                self.expr(&i.test)?;
                self.stmts(&i.body)?;
                for c in &i.elif_else_clauses {
                    if let Some(t) = &c.test {
                        self.expr(t)?;
                    }
                    self.stmts(&c.body)?;
                }
            }
            Stmt::With(w) => {
                if w.is_async {
                    self.require_async("'async with' outside async function", w.range)?;
                }
                for item in &w.items {
                    self.expr(&item.context_expr)?;
                    if let Some(v) = &item.optional_vars {
                        self.target(v)?;
                    }
                }
                self.stmts(&w.body)?;
            }
            Stmt::Raise(r) => {
                if let Some(e) = &r.exc {
                    self.expr(e)?;
                }
                if let Some(c) = &r.cause {
                    self.expr(c)?;
                }
            }
            Stmt::Try(t) => {
                self.stmts(&t.body)?;
                for h in &t.handlers {
                    let ast::ExceptHandler::ExceptHandler(h) = h;
                    if let Some(ty) = &h.type_ {
                        self.expr(ty)?;
                    }
                    if let Some(n) = &h.name {
                        self.bind(n);
                    }
                    self.stmts(&h.body)?;
                }
                self.stmts(&t.orelse)?;
                self.stmts(&t.finalbody)?;
            }
            Stmt::Assert(a) => {
                self.expr(&a.test)?;
                if let Some(m) = &a.msg {
                    self.expr(m)?;
                }
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    let bound = match &alias.asname {
                        Some(a) => a.to_string(),
                        None => alias.name.split('.').next().unwrap_or("").to_string(),
                    };
                    self.bind(&bound);
                }
            }
            Stmt::ImportFrom(i) => {
                for alias in &i.names {
                    if &*alias.name == "*" {
                        if self.cur().kind == ScopeKind::Function {
                            return Err(ScopeError {
                                message: "import * only allowed at module level".into(),
                                range: i.range,
                            });
                        }
                        continue;
                    }
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name).to_string();
                    self.bind(&bound);
                }
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    let name = n.to_string();
                    if self.cur().assigned.contains(&name) || self.cur().used.contains(&name) {
                        let what = if self.cur().assigned.contains(&name) {
                            "assigned to"
                        } else {
                            "used"
                        };
                        return Err(ScopeError {
                            message: format!("name '{name}' is {what} prior to global declaration"),
                            range: g.range,
                        });
                    }
                    self.cur().globals.insert(name);
                }
            }
            Stmt::Nonlocal(n) => {
                if self.cur().kind == ScopeKind::Module {
                    return Err(ScopeError {
                        message: "nonlocal declaration not allowed at module level".into(),
                        range: n.range,
                    });
                }
                for id in &n.names {
                    let name = id.to_string();
                    if self.cur().assigned.contains(&name) || self.cur().used.contains(&name) {
                        let what = if self.cur().assigned.contains(&name) {
                            "assigned to"
                        } else {
                            "used"
                        };
                        return Err(ScopeError {
                            message: format!(
                                "name '{name}' is {what} prior to nonlocal declaration"
                            ),
                            range: n.range,
                        });
                    }
                    self.cur().nonlocals.insert(name);
                }
            }
            Stmt::Expr(e) => self.expr(&e.value)?,
            Stmt::Pass(_) | Stmt::Break(_) | Stmt::Continue(_) => {}
            Stmt::Match(m) => {
                self.expr(&m.subject)?;
                for case in &m.cases {
                    self.pattern(&case.pattern)?;
                    if let Some(g) = &case.guard {
                        self.expr(g)?;
                    }
                    self.stmts(&case.body)?;
                }
            }
            Stmt::TypeAlias(t) => {
                return Err(ScopeError {
                    message: "type aliases are not supported".into(),
                    range: t.range,
                })
            }
            Stmt::IpyEscapeCommand(c) => {
                return Err(ScopeError {
                    message: "invalid syntax".into(),
                    range: c.range,
                })
            }
        }
        Ok(())
    }

    /// A `case` pattern: its capture names are assigned, its values and classes read.
    fn pattern(&mut self, p: &ast::Pattern) -> Result<(), ScopeError> {
        match p {
            ast::Pattern::MatchValue(v) => self.expr(&v.value)?,
            ast::Pattern::MatchSingleton(_) => {}
            ast::Pattern::MatchSequence(s) => {
                for p in &s.patterns {
                    self.pattern(p)?;
                }
            }
            ast::Pattern::MatchMapping(m) => {
                for k in &m.keys {
                    self.expr(k)?;
                }
                for p in &m.patterns {
                    self.pattern(p)?;
                }
                if let Some(rest) = &m.rest {
                    self.bind(rest);
                }
            }
            ast::Pattern::MatchClass(c) => {
                self.expr(&c.cls)?;
                for p in &c.arguments.patterns {
                    self.pattern(p)?;
                }
                for k in &c.arguments.keywords {
                    self.pattern(&k.pattern)?;
                }
            }
            ast::Pattern::MatchStar(s) => {
                if let Some(n) = &s.name {
                    self.bind(n);
                }
            }
            ast::Pattern::MatchAs(a) => {
                if let Some(p) = &a.pattern {
                    self.pattern(p)?;
                }
                if let Some(n) = &a.name {
                    self.bind(n);
                }
            }
            ast::Pattern::MatchOr(o) => {
                for p in &o.patterns {
                    self.pattern(p)?;
                }
            }
        }
        Ok(())
    }

    fn target(&mut self, t: &Expr) -> Result<(), ScopeError> {
        match t {
            Expr::Name(n) => self.bind(&n.id),
            Expr::Tuple(tu) => {
                for e in &tu.elts {
                    self.target(e)?;
                }
            }
            Expr::List(l) => {
                for e in &l.elts {
                    self.target(e)?;
                }
            }
            Expr::Starred(s) => self.target(&s.value)?,
            other => self.expr(other)?,
        }
        Ok(())
    }

    fn comprehension<T>(
        &mut self,
        node: &T,
        generators: &[ast::Comprehension],
        elts: &[&Expr],
        is_genexpr: bool,
    ) -> Result<(), ScopeError> {
        // The first iterable is evaluated in the enclosing scope.
        self.expr(&generators[0].iter)?;
        let prev = self.enter(node, ScopeKind::Function);
        self.cur().params = vec![".0".to_string()];
        self.cur().is_comprehension = true;
        self.cur().is_generator = is_genexpr;
        for (i, g) in generators.iter().enumerate() {
            if g.is_async {
                self.await_in_comprehension(g.range)?;
            }
            if i > 0 {
                self.expr(&g.iter)?;
            }
            self.target(&g.target)?;
            for cond in &g.ifs {
                self.expr(cond)?;
            }
        }
        for e in elts {
            self.expr(e)?;
        }
        self.current = prev;
        Ok(())
    }

    fn expr(&mut self, e: &Expr) -> Result<(), ScopeError> {
        match e {
            Expr::Name(n) => {
                self.cur().used.insert(n.id.to_string());
            }
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.params(p)?;
                }
                let prev = self.enter(l, ScopeKind::Function);
                if let Some(p) = &l.parameters {
                    self.cur().params = Self::param_names(p);
                }
                self.expr(&l.body)?;
                self.current = prev;
            }
            Expr::ListComp(c) => self.comprehension(c, &c.generators, &[&c.elt], false)?,
            Expr::SetComp(c) => self.comprehension(c, &c.generators, &[&c.elt], false)?,
            Expr::Generator(c) => self.comprehension(c, &c.generators, &[&c.elt], true)?,
            Expr::DictComp(c) => {
                self.comprehension(c, &c.generators, &[&c.key, &c.value], false)?
            }
            Expr::Yield(y) => {
                if self.cur().kind != ScopeKind::Function {
                    return Err(ScopeError {
                        message: "'yield' outside function".into(),
                        range: y.range,
                    });
                }
                self.cur().is_generator = true;
                if let Some(v) = &y.value {
                    self.expr(v)?;
                }
            }
            Expr::YieldFrom(y) => {
                if self.cur().kind != ScopeKind::Function {
                    return Err(ScopeError {
                        message: "'yield' outside function".into(),
                        range: y.range,
                    });
                }
                if self.cur().is_async {
                    return Err(ScopeError {
                        message: "'yield from' inside async function".into(),
                        range: y.range,
                    });
                }
                self.cur().is_generator = true;
                self.expr(&y.value)?;
            }
            Expr::Named(n) => {
                self.expr(&n.value)?;
                self.target(&n.target)?;
            }
            Expr::Await(a) => {
                if self.cur().kind != ScopeKind::Function {
                    return Err(ScopeError {
                        message: "'await' outside function".into(),
                        range: a.range,
                    });
                }
                if self.cur().is_comprehension {
                    self.await_in_comprehension(a.range)?;
                } else if !self.cur().is_async {
                    return Err(ScopeError {
                        message: "'await' outside async function".into(),
                        range: a.range,
                    });
                }
                self.expr(&a.value)?;
            }
            _ => {
                let mut result = Ok(());
                walk_children(e, &mut |child| {
                    if result.is_ok() {
                        result = self.expr(child);
                    }
                });
                result?;
            }
        }
        Ok(())
    }
}

/// Calls `f` on each direct sub-expression of `e` (for the expression kinds without scopes).
pub(crate) fn walk_children<'a>(e: &'a Expr, f: &mut dyn FnMut(&'a Expr)) {
    match e {
        Expr::BoolOp(b) => b.values.iter().for_each(f),
        Expr::BinOp(b) => {
            f(&b.left);
            f(&b.right);
        }
        Expr::UnaryOp(u) => f(&u.operand),
        Expr::If(i) => {
            f(&i.test);
            f(&i.body);
            f(&i.orelse);
        }
        Expr::Dict(d) => {
            for item in &d.items {
                if let Some(k) = &item.key {
                    f(k);
                }
                f(&item.value);
            }
        }
        Expr::Set(s) => s.elts.iter().for_each(f),
        Expr::Compare(c) => {
            f(&c.left);
            c.comparators.iter().for_each(f);
        }
        Expr::Call(c) => {
            f(&c.func);
            c.arguments.args.iter().for_each(&mut *f);
            for k in c.arguments.keywords.iter() {
                f(&k.value);
            }
        }
        Expr::FString(fs) => {
            for part in fs.value.iter() {
                if let ast::FStringPart::FString(fstr) = part {
                    walk_interpolations(&fstr.elements, f);
                }
            }
        }
        Expr::Attribute(a) => f(&a.value),
        Expr::Subscript(s) => {
            f(&s.value);
            f(&s.slice);
        }
        Expr::Starred(s) => f(&s.value),
        Expr::List(l) => l.elts.iter().for_each(f),
        Expr::Tuple(t) => t.elts.iter().for_each(f),
        Expr::Slice(s) => {
            for part in [&s.lower, &s.upper, &s.step].into_iter().flatten() {
                f(part);
            }
        }
        _ => {}
    }
}

fn walk_interpolations<'a>(
    elements: &'a ast::InterpolatedStringElements,
    f: &mut dyn FnMut(&'a Expr),
) {
    for el in elements.iter() {
        if let ast::InterpolatedStringElement::Interpolation(i) = el {
            f(&i.expression);
            if let Some(spec) = &i.format_spec {
                walk_interpolations(&spec.elements, f);
            }
        }
    }
}
