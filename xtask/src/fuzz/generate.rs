//! A grammar-based generator of random, mostly valid Python programs in the supported subset.
//!
//! [`generate_program`] writes either an ordinary program — imports, assignments,
//! arithmetic on every builtin type, builtin and method calls, `def`s with every kind of
//! parameter, classes with dunders, properties and inheritance, loops, `try`, `with`,
//! generators, comprehensions, f-strings and `%` formatting, random unicode — or a
//! "stress" program built to push one dimension far (nesting depth, chain length,
//! recursion, program size).
//!
//! Invariant (what keeps fuzzing free of false alarms): a generated program finishes
//! quickly under a host that interrupts long-running code. Its CPU time is bounded by the
//! interrupt, since it never catches `KeyboardInterrupt` (only `Exception` and narrower);
//! its memory is bounded because no value can grow from its own previous value in code
//! that runs repeatedly: inside loops and function bodies, plain assignments bind fresh
//! names only, and augmented assignments, item and attribute stores and mutating method
//! calls take literal operands; `*`, `**` and `<<` always have a small literal operand;
//! `range()` and other size arguments are small literals.

use super::rng::Rng;

/// Blocks nest at most this deep in ordinary programs.
const MAX_BLOCK_DEPTH: usize = 4;
/// Expressions nest at most this deep in ordinary programs.
const MAX_EXPR_DEPTH: usize = 3;

/// Write one random program.
pub fn generate_program(rng: &mut Rng) -> String {
    if rng.chance(12) {
        stress_program(rng)
    } else {
        ProgramGenerator::new(rng).program()
    }
}

/// Modules a program may import, with the calls it may then make (`{}`: an argument).
const MODULES: &[(&str, &[&str])] = &[
    (
        "math",
        &[
            "math.sqrt({})",
            "math.floor({})",
            "math.ceil({})",
            "math.gcd({}, {})",
            "math.isclose({}, {})",
            "math.log({})",
            "math.sin({})",
            "math.fabs({})",
            "math.factorial(5)",
            "math.pi",
            "math.inf",
            "math.isnan({})",
            "math.hypot({}, {})",
        ],
    ),
    (
        "random",
        &[
            "random.randint(1, 6)",
            "random.random()",
            "random.choice({})",
            "random.uniform(0, 1)",
            "random.randrange(10)",
        ],
    ),
    (
        "json",
        &[
            "json.dumps({})",
            "json.loads('[1, 2.5, null, true, false, []]')",
            "json.dumps({}, indent=2)",
            "json.dumps({}, sort_keys=True)",
            "json.loads({})",
        ],
    ),
    (
        "time",
        &[
            "time.time()",
            "time.monotonic()",
            "time.sleep(0.001)",
            "time.perf_counter()",
        ],
    ),
    (
        "sys",
        &[
            "sys.argv",
            "len(sys.argv)",
            "sys.getrecursionlimit()",
            "sys.maxsize",
        ],
    ),
];

/// Indices into [`MODULES`] that some statements need.
const RANDOM: usize = 1;
const SYS: usize = 4;

const BUILTINS_1: &[&str] = &[
    "len",
    "abs",
    "str",
    "repr",
    "int",
    "float",
    "bool",
    "list",
    "tuple",
    "set",
    "sorted",
    "reversed",
    "enumerate",
    "sum",
    "min",
    "max",
    "any",
    "all",
    "type",
    "ord",
    "chr",
    "hex",
    "bin",
    "oct",
    "round",
    "iter",
    "hash",
    "dict",
    "callable",
    "ascii",
    "frozenset",
];
const BUILTINS_2: &[&str] = &[
    "divmod",
    "pow",
    "isinstance",
    "round",
    "zip",
    "map",
    "filter",
    "min",
    "max",
    "getattr",
    "hasattr",
    "format",
    "sorted",
    "print",
    "range",
];
const TYPES: &[&str] = &[
    "int",
    "float",
    "str",
    "list",
    "dict",
    "tuple",
    "set",
    "bool",
    "object",
    "Exception",
    "ValueError",
];
const EXCEPTIONS: &[&str] = &[
    "ValueError",
    "TypeError",
    "ZeroDivisionError",
    "IndexError",
    "KeyError",
    "AttributeError",
    "NameError",
    "RecursionError",
    "OverflowError",
    "StopIteration",
    "ArithmeticError",
    "LookupError",
    "RuntimeError",
    "AssertionError",
    "UnboundLocalError",
    "NotImplementedError",
    "Exception",
    "(ValueError, TypeError)",
    "(KeyError, IndexError)",
];
const RAISABLE: &[&str] = &[
    "ValueError",
    "TypeError",
    "KeyError",
    "IndexError",
    "RuntimeError",
    "Exception",
    "ZeroDivisionError",
    "StopIteration",
    "AssertionError",
    "NotImplementedError",
];
const STR_METHODS: &[&str] = &[
    "upper()",
    "lower()",
    "strip()",
    "split()",
    "split({})",
    "join({})",
    "replace({}, {})",
    "find({})",
    "count({})",
    "startswith({})",
    "endswith({})",
    "title()",
    "capitalize()",
    "isdigit()",
    "isalpha()",
    "center(9)",
    "ljust(6, '*')",
    "zfill(7)",
    "format({})",
    "index({})",
    "partition({})",
    "swapcase()",
    "casefold()",
    "rstrip({})",
    "splitlines()",
    "encode()",
];
const LIST_METHODS: &[&str] = &[
    "index({})",
    "count({})",
    "copy()",
    "pop()",
    "sort()",
    "reverse()",
    "pop(0)",
];
const DICT_METHODS: &[&str] = &[
    "get({})",
    "get({}, {})",
    "keys()",
    "values()",
    "items()",
    "pop({}, None)",
    "copy()",
    "setdefault({}, 0)",
];
/// Mutating methods, called with literal arguments only (see the module invariant).
const MUTATORS: &[&str] = &[
    "append({})",
    "insert(0, {})",
    "extend({})",
    "remove({})",
    "add({})",
    "update({})",
    "discard({})",
    "clear()",
    "sort()",
    "reverse()",
    "pop()",
];
/// Escape sequences a non-raw string literal may hold.
const ESCAPES: &[&str] = &[
    "\\n",
    "\\t",
    "\\\\",
    "\\'",
    "\\\"",
    "\\x41",
    "\\u00e9",
    "\\U0001F600",
    "\\N{BULLET}",
    "\\0",
    "\\r",
    "\\a",
    "\\101",
];
const FORMAT_SPECS: &[&str] = &[
    "", ">10", "<6", "^9", "*^11", "08.3f", ".2f", ",", "_", "x", "X", "o", "b", "e", ".3e", "g",
    ".1%", "+d", " d", "#x", "10.4s", "=+8", "05d", ".0f", ",.2f", "c", "n",
];
const BINARY_OPERATORS: &[&str] = &[
    "+", "-", "/", "//", "%", "&", "|", "^", ">>", "==", "!=", "<", "<=", ">", ">=", "in",
    "not in", "is", "is not", "and", "or",
];
const AUGMENTED_OPERATORS: &[&str] = &["+=", "-=", "|=", "&=", "^=", "//=", "%=", "/="];
/// Letters of names that are their own NFKC normal form, so every spelling is one name.
const NAME_STARTS: &[&str] = &[
    "v",
    "x",
    "data",
    "total",
    "ñ",
    "π",
    "変数",
    "Ωmega",
    "café",
    "ζ",
    "名前",
    "_",
    "i_",
    "Δt",
    "résumé",
    "число",
];
const UNICODE_CHARS: &[char] = &[
    'é', 'ß', 'Ω', 'π', 'ж', 'ä', '中', '文', '日', '本', '€', '😀', '🐍', '\u{200b}', '\u{301}',
    'ǅ', 'İ', 'ﬁ', '𝕏', '\u{feff}', '\u{2028}', 'א', 'ع', '\u{a0}', '½', '٣', '①',
];

#[derive(Clone, Debug)]
struct Function {
    name: String,
    /// Positional arguments a call must give.
    required: usize,
    generator: bool,
}

#[derive(Clone, Debug)]
struct Class {
    name: String,
    init_params: usize,
    /// (name, positional parameters after `self`).
    methods: Vec<(String, usize)>,
    attributes: Vec<String>,
    exception: bool,
    context_manager: bool,
}

/// The state of one ordinary program being written.
struct ProgramGenerator<'r> {
    rng: &'r mut Rng,
    out: String,
    indent: usize,
    /// Names bound so far, innermost scope last.
    scopes: Vec<Vec<String>>,
    functions: Vec<Function>,
    classes: Vec<Class>,
    modules: Vec<usize>,
    next_id: usize,
    /// How many enclosing loops or function bodies make this code run repeatedly.
    repeated: usize,
    loops: usize,
    blocks: usize,
    /// Inside an f-string replacement field: no quotes or backslashes may appear.
    in_fstring: bool,
    /// Writing a comprehension's iterable, where `:=` is not allowed.
    in_comprehension_iterable: bool,
    /// Enclosing `def`s; functions defined inside one are not callable from outside.
    function_depth: usize,
    /// Functions whose bodies are being written: calls to them take literal arguments, so
    /// recursion cannot grow a value at every level.
    defining: Vec<String>,
    /// Statements still to write.
    budget: usize,
}

impl<'r> ProgramGenerator<'r> {
    fn new(rng: &'r mut Rng) -> Self {
        let budget = 8 + rng.below(50);
        ProgramGenerator {
            rng,
            out: String::new(),
            indent: 0,
            scopes: vec![Vec::new()],
            functions: Vec::new(),
            classes: Vec::new(),
            modules: Vec::new(),
            next_id: 0,
            repeated: 0,
            loops: 0,
            blocks: 0,
            in_fstring: false,
            in_comprehension_iterable: false,
            function_depth: 0,
            defining: Vec::new(),
            budget,
        }
    }

    fn program(mut self) -> String {
        for (index, (module, _)) in MODULES.iter().enumerate() {
            if self.rng.chance(55) {
                self.line(&format!("import {module}"));
                self.modules.push(index);
            }
        }
        if self.modules.contains(&RANDOM) {
            let seed = self.rng.below(1000);
            self.line(&format!("random.seed({seed})"));
        }
        // A few values of every type to work with.
        for _ in 0..2 + self.rng.below(4) {
            let name = self.fresh_name();
            let value = self.literal();
            self.line(&format!("{name} = {value}"));
            self.bind(name);
        }
        // Top-level statements are guarded, so that one error does not end the program;
        // sometimes the last one is not, to end in an uncaught exception's traceback.
        while self.budget > 1 {
            self.guard(true, |g| g.statement());
        }
        if self.rng.chance(30) {
            self.statement();
        } else {
            self.guard(true, |g| g.statement());
        }
        if self.rng.chance(4) {
            // An endless loop: the host's interrupt must end it with KeyboardInterrupt.
            self.line("while True:");
            self.block(|g| g.line("pass"));
        } else if self.rng.chance(3) && self.modules.contains(&SYS) {
            let code = self.expr(1);
            self.line(&format!("sys.exit({code})"));
        }
        self.out
    }

    // --- output -------------------------------------------------------------------------

    fn line(&mut self, text: &str) {
        for _ in 0..self.indent {
            self.out.push_str("    ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// An indented block; `pass` if `body` wrote nothing.
    fn block(&mut self, body: impl FnOnce(&mut Self)) {
        self.indent += 1;
        self.blocks += 1;
        let before = self.out.len();
        body(self);
        if self.out.len() == before {
            self.line("pass");
        }
        self.blocks -= 1;
        self.indent -= 1;
    }

    /// A block of 1..=`most` statements.
    fn statements(&mut self, most: usize) {
        let count = 1 + self.rng.below(most);
        self.block(|g| {
            for _ in 0..count {
                if g.blocks < MAX_BLOCK_DEPTH && g.rng.chance(50) {
                    g.guarded(|g| g.statement());
                } else {
                    g.statement();
                }
            }
        });
    }

    /// `body` inside `try: ... except SomeError as e: print(...)`, so that one failing
    /// statement does not end the program.
    fn guarded(&mut self, body: impl FnOnce(&mut Self)) {
        self.guard(false, body);
    }

    /// [`Self::guarded`]; with `broad`, the handler is always `except Exception`, otherwise
    /// sometimes a narrower class that lets the error through.
    fn guard(&mut self, broad: bool, body: impl FnOnce(&mut Self)) {
        self.line("try:");
        self.block(body);
        let name = self.fresh_plain("err");
        let handler = if broad || self.rng.chance(70) {
            "Exception"
        } else {
            *self.rng.pick(EXCEPTIONS)
        };
        self.line(&format!("except {handler} as {name}:"));
        self.block(|g| g.line(&format!("print(type({name}).__name__, {name})")));
    }

    // --- names --------------------------------------------------------------------------

    fn fresh_plain(&mut self, prefix: &str) -> String {
        self.next_id += 1;
        format!("{prefix}{}", self.next_id)
    }

    fn fresh_name(&mut self) -> String {
        let start = if self.rng.chance(20) {
            *self.rng.pick(NAME_STARTS)
        } else {
            "v"
        };
        self.fresh_plain(start)
    }

    fn bind(&mut self, name: String) {
        if let Some(scope) = self.scopes.last_mut() {
            scope.push(name);
        }
    }

    fn some_name(&mut self) -> Option<String> {
        let count: usize = self.scopes.iter().map(Vec::len).sum();
        if count == 0 {
            return None;
        }
        let mut index = self.rng.below(count);
        for scope in &self.scopes {
            if index < scope.len() {
                return Some(scope[index].clone());
            }
            index -= scope.len();
        }
        None
    }

    /// A target for a plain assignment: in repeated code always a new name.
    fn assignment_target(&mut self) -> String {
        if self.repeated == 0 && self.rng.chance(40) {
            if let Some(name) = self.some_name() {
                return name;
            }
        }
        let name = self.fresh_name();
        self.bind(name.clone());
        name
    }

    // --- statements ---------------------------------------------------------------------

    fn statement(&mut self) {
        self.budget = self.budget.saturating_sub(1);
        let nested = self.blocks < MAX_BLOCK_DEPTH && self.budget > 0;
        let weights = [
            14,                                               // 0 assignment
            4,                                                // 1 unpacking
            5,                                                // 2 augmented assignment
            14,                                               // 3 print
            5,                                                // 4 mutating method call
            3,                                                // 5 item store / delete
            if nested { 6 } else { 0 },                       // 6 if
            if nested { 6 } else { 0 },                       // 7 for
            if nested { 3 } else { 0 },                       // 8 while
            if nested { 6 } else { 0 },                       // 9 def
            if nested && self.repeated == 0 { 4 } else { 0 }, // 10 class
            if nested { 5 } else { 0 },                       // 11 try
            3,                                                // 12 raise (guarded)
            if nested { 2 } else { 0 },                       // 13 with
            2,                                                // 14 assert
            6,                                                // 15 call something defined
            if self.loops > 0 { 3 } else { 0 },               // 16 break / continue
            1,                                                // 17 input
            2,                                                // 18 del
            if self.repeated == 0 { 2 } else { 0 },           // 19 generator use
        ];
        match self.rng.weighted(&weights) {
            0 => {
                let value = self.expr(0);
                let target = self.assignment_target();
                self.line(&format!("{target} = {value}"));
            }
            1 => self.unpacking(),
            2 => self.augmented(),
            3 => self.print(),
            4 => self.mutation(),
            5 => self.item_store(),
            6 => self.if_statement(),
            7 => self.for_statement(),
            8 => self.while_statement(),
            9 => self.function_def(),
            10 => self.class_def(),
            11 => self.try_statement(),
            12 => {
                let raise = self.raise_statement();
                self.guarded(|g| g.line(&raise));
            }
            13 => self.with_statement(),
            14 => {
                let test = self.expr(1);
                let message = self.string_literal();
                self.guarded(|g| g.line(&format!("assert {test}, {message}")));
            }
            15 => {
                let call = self.call_defined();
                self.line(&call);
            }
            16 => {
                let condition = self.expr(1);
                let word = if self.rng.chance(50) {
                    "break"
                } else {
                    "continue"
                };
                self.line(&format!("if {condition}:"));
                self.block(|g| g.line(word));
            }
            17 => {
                let prompt = self.string_literal();
                let target = self.assignment_target();
                self.guarded(|g| g.line(&format!("{target} = input({prompt})")));
            }
            18 => {
                if let Some(name) = self.some_name() {
                    self.guarded(|g| g.line(&format!("del {name}")));
                }
            }
            _ => self.generator_use(),
        }
    }

    fn unpacking(&mut self) {
        let count = 2 + self.rng.below(3);
        let values: Vec<String> = (0..count).map(|_| self.expr(1)).collect();
        let mut targets: Vec<String> = (0..count).map(|_| self.assignment_target()).collect();
        if self.rng.chance(30) {
            let star = self.rng.below(count);
            targets[star] = format!("*{}", targets[star]);
        }
        let rhs = if self.rng.chance(50) {
            values.join(", ")
        } else {
            format!("[{}]", values.join(", "))
        };
        let lhs = targets.join(", ");
        if self.rng.chance(25) {
            // A length mismatch: ValueError.
            self.guarded(|g| g.line(&format!("{lhs} = {rhs}, 0")));
        } else {
            self.line(&format!("{lhs} = {rhs}"));
        }
    }

    fn augmented(&mut self) {
        let Some(name) = self.some_name() else {
            return;
        };
        let op = *self.rng.pick(AUGMENTED_OPERATORS);
        let value = if self.repeated > 0 {
            self.literal()
        } else {
            self.expr(1)
        };
        self.guarded(|g| g.line(&format!("{name} {op} {value}")));
    }

    fn print(&mut self) {
        let count = self.rng.below(4);
        let mut args: Vec<String> = (0..count).map(|_| self.expr(0)).collect();
        if self.rng.chance(15) {
            let sep = self.string_literal();
            args.push(format!("sep={sep}"));
        }
        if self.rng.chance(15) {
            let end = self.string_literal();
            args.push(format!("end={end}"));
        }
        if self.rng.chance(8) && self.modules.contains(&SYS) {
            args.push("file=sys.stderr".into());
        }
        self.line(&format!("print({})", args.join(", ")));
    }

    fn mutation(&mut self) {
        let Some(name) = self.some_name() else {
            return;
        };
        let method = *self.rng.pick(MUTATORS);
        let call = self.fill(method, |g| g.literal());
        self.guarded(|g| g.line(&format!("{name}.{call}")));
    }

    fn item_store(&mut self) {
        let Some(name) = self.some_name() else {
            return;
        };
        let key = self.literal();
        if self.rng.chance(25) {
            self.guarded(|g| g.line(&format!("del {name}[{key}]")));
            return;
        }
        let value = if self.repeated > 0 {
            self.literal()
        } else {
            self.expr(1)
        };
        self.guarded(|g| g.line(&format!("{name}[{key}] = {value}")));
    }

    fn if_statement(&mut self) {
        let condition = self.expr(1);
        self.line(&format!("if {condition}:"));
        self.statements(3);
        for _ in 0..self.rng.below(3) {
            let condition = self.expr(1);
            self.line(&format!("elif {condition}:"));
            self.statements(2);
        }
        if self.rng.chance(50) {
            self.line("else:");
            self.statements(2);
        }
    }

    fn loop_body(&mut self, most: usize) {
        self.repeated += 1;
        self.loops += 1;
        self.scopes.push(Vec::new());
        self.statements(most);
        // Names bound in the loop stay visible after it, as in Python.
        let inner = self.scopes.pop().unwrap_or_default();
        if let Some(scope) = self.scopes.last_mut() {
            scope.extend(inner);
        }
        self.loops -= 1;
        self.repeated -= 1;
    }

    fn iterable(&mut self) -> String {
        match self.rng.below(9) {
            0 | 1 => format!("range({})", self.rng.below(12)),
            2 => format!(
                "range({}, {}, {})",
                self.rng.between(-5, 5),
                self.rng.between(-5, 12),
                *self.rng.pick(&[1, 2, 3, -1, -2])
            ),
            3 => self.list_display(1),
            4 => self.string_literal(),
            5 => match self.some_name() {
                Some(name) => name,
                None => "()".into(),
            },
            6 => match self.some_name() {
                Some(name) => format!("enumerate({name})"),
                None => "enumerate('abc')".into(),
            },
            7 => {
                let a = self.list_display(1);
                let b = self.string_literal();
                format!("zip({a}, {b})")
            }
            _ => {
                let d = self.dict_display(1);
                format!("{d}.items()")
            }
        }
    }

    fn for_statement(&mut self) {
        let iterable = self.iterable();
        let target = if self.rng.chance(25) {
            let a = self.fresh_name();
            let b = self.fresh_name();
            self.bind(a.clone());
            self.bind(b.clone());
            format!("{a}, {b}")
        } else {
            let name = self.fresh_name();
            self.bind(name.clone());
            name
        };
        let header = format!("for {target} in {iterable}:");
        let wrap = self.rng.chance(50);
        let body = |g: &mut Self| {
            g.line(&header);
            g.loop_body(3);
            if g.rng.chance(20) {
                g.line("else:");
                g.statements(1);
            }
        };
        if wrap {
            self.guarded(body);
        } else {
            body(self);
        }
    }

    fn while_statement(&mut self) {
        let counter = self.fresh_plain("n");
        let limit = self.rng.below(10);
        self.line(&format!("{counter} = 0"));
        if self.rng.chance(50) {
            self.line(&format!("while {counter} < {limit}:"));
            // The counter's update opens the body that loop_body continues.
            self.indent += 1;
            self.line(&format!("{counter} += 1"));
            self.indent -= 1;
            self.loop_body(3);
        } else {
            self.line("while True:");
            self.indent += 1;
            self.line(&format!("{counter} += 1"));
            self.line(&format!("if {counter} > {limit}:"));
            self.indent += 1;
            self.line("break");
            self.indent -= 2;
            self.loop_body(3);
        }
        self.bind(counter);
    }

    fn parameters(&mut self) -> (Vec<String>, usize, String) {
        let mut names = Vec::new();
        let mut parts = Vec::new();
        let required = self.rng.below(3);
        for _ in 0..required {
            let name = self.fresh_plain("p");
            parts.push(name.clone());
            names.push(name);
        }
        if self.rng.chance(40) {
            let name = self.fresh_plain("d");
            let default = self.literal();
            parts.push(format!("{name}={default}"));
            names.push(name);
        }
        if self.rng.chance(25) {
            let name = self.fresh_plain("args");
            parts.push(format!("*{name}"));
            names.push(name);
        }
        if self.rng.chance(20) {
            if !parts.iter().any(|p| p.starts_with('*')) {
                parts.push("*".into());
            }
            let name = self.fresh_plain("k");
            let default = self.literal();
            parts.push(format!("{name}={default}"));
            names.push(name);
        }
        if self.rng.chance(20) {
            let name = self.fresh_plain("kw");
            parts.push(format!("**{name}"));
            names.push(name);
        }
        (names, required, parts.join(", "))
    }

    fn function_def(&mut self) {
        let name = self.fresh_plain("f");
        let (params, required, signature) = self.parameters();
        let generator = self.rng.chance(25);
        let recursive = self.rng.chance(5) && self.function_depth == 0;
        let public = self.function_depth == 0;
        self.line(&format!("def {name}({signature}):"));
        let loops = std::mem::replace(&mut self.loops, 0);
        self.repeated += 1;
        self.function_depth += 1;
        self.defining.push(name.clone());
        self.scopes.push(params);
        if recursive {
            // Visible to its own body: unbounded recursion ends in RecursionError.
            self.functions.push(Function {
                name: name.clone(),
                required,
                generator,
            });
        }
        self.block(|g| {
            let count = 1 + g.rng.below(4);
            for _ in 0..count {
                g.statement();
                if generator && g.rng.chance(50) {
                    let value = g.expr(1);
                    g.line(&format!("yield {value}"));
                }
            }
            if generator {
                let value = g.expr(1);
                g.line(&format!("yield {value}"));
            } else if g.rng.chance(80) {
                let value = g.expr(1);
                g.line(&format!("return {value}"));
            }
        });
        self.scopes.pop();
        self.defining.pop();
        self.function_depth -= 1;
        self.repeated -= 1;
        self.loops = loops;
        if public && !recursive {
            self.functions.push(Function {
                name: name.clone(),
                required,
                generator,
            });
        }
        self.bind(name);
    }

    fn class_def(&mut self) {
        let name = self.fresh_plain("C");
        let exception = self.rng.chance(25);
        let base = if exception {
            Some("Exception".to_owned())
        } else if !self.classes.is_empty() && self.rng.chance(35) {
            let index = self.rng.below(self.classes.len());
            Some(self.classes[index].name.clone())
        } else {
            None
        };
        let parent = base
            .as_ref()
            .and_then(|b| self.classes.iter().find(|c| &c.name == b).cloned());
        match &base {
            Some(base) => self.line(&format!("class {name}({base}):")),
            None => self.line(&format!("class {name}:")),
        }
        let mut class = Class {
            name: name.clone(),
            init_params: parent.as_ref().map_or(0, |p| p.init_params),
            methods: parent.as_ref().map_or_else(Vec::new, |p| p.methods.clone()),
            attributes: parent
                .as_ref()
                .map_or_else(Vec::new, |p| p.attributes.clone()),
            exception,
            context_manager: parent.as_ref().is_some_and(|p| p.context_manager),
        };
        let loops = std::mem::replace(&mut self.loops, 0);
        self.repeated += 1;
        self.function_depth += 1;
        self.scopes.push(Vec::new());
        self.block(|g| {
            if g.rng.chance(30) {
                let doc = g.string_literal();
                g.line(&doc);
            }
            if g.rng.chance(20) {
                let value = g.literal();
                g.line(&format!("shared = {value}"));
                class.attributes.push("shared".into());
            }
            if g.rng.chance(75) {
                g.init_method(&mut class, parent.is_some());
            }
            for _ in 0..g.rng.below(4) {
                g.method(&mut class);
            }
            if g.rng.chance(15) {
                class.context_manager = true;
                g.line("def __enter__(self):");
                g.block(|g| {
                    g.line("print('enter')");
                    g.line("return self");
                });
                g.line("def __exit__(self, kind, value, tb):");
                g.block(|g| {
                    g.line("print('exit', kind.__name__ if kind else None)");
                    let swallow = if g.rng.chance(50) { "True" } else { "False" };
                    g.line(&format!("return {swallow}"));
                });
            }
        });
        self.scopes.pop();
        self.function_depth -= 1;
        self.repeated -= 1;
        self.loops = loops;
        self.bind(name);
        self.classes.push(class);
    }

    fn init_method(&mut self, class: &mut Class, has_parent: bool) {
        let count = self.rng.below(3);
        let params: Vec<String> = (0..count).map(|_| self.fresh_plain("a")).collect();
        let mut signature = vec!["self".to_owned()];
        signature.extend(params.iter().cloned());
        self.line(&format!("def __init__({}):", signature.join(", ")));
        self.scopes.push(params.clone());
        let parent_params = class.init_params;
        self.block(|g| {
            if class.exception {
                // Exceptions pass their arguments on, so that `args` and `str()` show them.
                g.line(&format!("super().__init__({})", params.join(", ")));
            } else if has_parent {
                let args: Vec<String> = (0..parent_params).map(|_| g.literal()).collect();
                g.line(&format!("super().__init__({})", args.join(", ")));
            }
            for param in &params {
                let attribute = g.fresh_plain("attr");
                g.line(&format!("self.{attribute} = {param}"));
                class.attributes.push(attribute);
            }
            if g.rng.chance(40) {
                let attribute = g.fresh_plain("items");
                g.line(&format!("self.{attribute} = []"));
                class.attributes.push(attribute);
            }
        });
        self.scopes.pop();
        class.init_params = count;
    }

    fn self_attribute(&mut self, class: &Class) -> String {
        if class.attributes.is_empty() {
            "self".into()
        } else {
            format!("self.{}", self.rng.pick(&class.attributes))
        }
    }

    fn method(&mut self, class: &mut Class) {
        let kind = self.rng.below(14);
        let attribute = self.self_attribute(class);
        let value = self.expr(1);
        match kind {
            0 => {
                self.line("def __str__(self):");
                let body = format!("return f'<{} {{{attribute}!r}}>'", class.name);
                self.block(|g| g.line(&body));
            }
            1 => {
                self.line("def __repr__(self):");
                let body = format!("return '{}(' + repr({attribute}) + ')'", class.name);
                self.block(|g| g.line(&body));
            }
            2 => {
                let other = attribute.replacen("self", "other", 1);
                let body = format!(
                    "return isinstance(other, {}) and {attribute} == {other}",
                    class.name
                );
                self.line("def __eq__(self, other):");
                self.block(|g| g.line(&body));
            }
            3 => {
                self.line("def __lt__(self, other):");
                self.block(|g| g.line(&format!("return {attribute} < {value}")));
            }
            4 => {
                self.line("def __len__(self):");
                let length = self.rng.between(-1, 5);
                self.block(|g| g.line(&format!("return {length}")));
            }
            5 => {
                self.line("def __iter__(self):");
                self.block(|g| {
                    g.line(&format!("yield {attribute}"));
                    g.line(&format!("yield {value}"));
                });
            }
            6 => {
                self.line("def __add__(self, other):");
                self.block(|g| g.line(&format!("return {value}")));
            }
            7 => {
                self.line("def __getitem__(self, index):");
                self.block(|g| g.line("return [10, 20, 30][index]"));
            }
            8 => {
                self.line("def __bool__(self):");
                self.block(|g| g.line(&format!("return bool({value})")));
            }
            9 => {
                self.line("def __contains__(self, item):");
                self.block(|g| g.line(&format!("return item == {value}")));
            }
            10 => {
                let name = self.fresh_plain("prop");
                self.line("@property");
                self.line(&format!("def {name}(self):"));
                self.block(|g| g.line(&format!("return {attribute}")));
                class.attributes.push(name);
            }
            11 => {
                let name = self.fresh_plain("make");
                self.line("@classmethod");
                self.line(&format!("def {name}(cls):"));
                let args = vec!["0"; class.init_params].join(", ");
                self.block(|g| g.line(&format!("return cls({args})")));
                class.methods.push((name, 0));
            }
            12 => {
                let name = self.fresh_plain("util");
                self.line("@staticmethod");
                self.line(&format!("def {name}(x):"));
                self.block(|g| g.line(&format!("return x, {value}")));
                class.methods.push((name, 1));
            }
            _ => {
                let name = self.fresh_plain("m");
                let (params, required, signature) = self.parameters();
                let signature = if signature.is_empty() {
                    "self".to_owned()
                } else {
                    format!("self, {signature}")
                };
                self.line(&format!("def {name}({signature}):"));
                self.scopes.push(params);
                let mut attributes = class.attributes.clone();
                attributes.retain(|a| a.starts_with("items"));
                self.block(|g| {
                    if let Some(items) = attributes.first() {
                        let item = g.literal();
                        g.line(&format!("self.{items}.append({item})"));
                    }
                    g.statement();
                    let value = g.expr(1);
                    g.line(&format!("return {value}"));
                });
                self.scopes.pop();
                class.methods.push((name, required));
            }
        }
    }

    fn try_statement(&mut self) {
        self.line("try:");
        self.statements(3);
        if self.rng.chance(40) {
            let raise = self.raise_statement();
            self.indent += 1;
            self.line(&raise);
            self.indent -= 1;
        }
        let handlers = self.rng.below(3);
        for _ in 0..handlers {
            let mut kinds: Vec<String> = EXCEPTIONS.iter().map(|s| (*s).to_owned()).collect();
            kinds.extend(
                self.classes
                    .iter()
                    .filter(|c| c.exception)
                    .map(|c| c.name.clone()),
            );
            let kind = self.rng.pick(&kinds).clone();
            let name = self.fresh_plain("e");
            self.line(&format!("except {kind} as {name}:"));
            self.block(|g| {
                g.line(&format!(
                    "print('caught', type({name}).__name__, {name}.args)"
                ));
                if g.rng.chance(30) {
                    g.statement();
                }
            });
        }
        if handlers == 0 || self.rng.chance(30) {
            let name = self.fresh_plain("e");
            self.line(&format!("except Exception as {name}:"));
            self.block(|g| g.line(&format!("print(repr({name}))")));
        }
        if self.rng.chance(30) {
            self.line("else:");
            self.statements(2);
        }
        if self.rng.chance(30) {
            self.line("finally:");
            self.block(|g| g.line("print('finally')"));
        }
    }

    fn raise_statement(&mut self) -> String {
        let message = self.expr(1);
        let custom: Vec<String> = self
            .classes
            .iter()
            .filter(|c| c.exception)
            .map(|c| c.name.clone())
            .collect();
        let kind = if !custom.is_empty() && self.rng.chance(40) {
            self.rng.pick(&custom).clone()
        } else {
            (*self.rng.pick(RAISABLE)).to_owned()
        };
        match self.rng.below(5) {
            0 => format!("raise {kind}"),
            1 => format!("raise {kind}({message}) from ValueError('cause')"),
            2 => format!("raise {kind}({message}) from None"),
            _ => format!("raise {kind}({message})"),
        }
    }

    fn with_statement(&mut self) {
        let managers: Vec<Class> = self
            .classes
            .iter()
            .filter(|c| c.context_manager)
            .cloned()
            .collect();
        let Some(class) = managers.get(self.rng.below(managers.len().max(1))).cloned() else {
            return;
        };
        let args = vec!["1"; class.init_params].join(", ");
        let name = self.fresh_name();
        let header = format!("with {}({args}) as {name}:", class.name);
        let raise = self.rng.chance(40).then(|| self.raise_statement());
        self.guarded(|g| {
            g.line(&header);
            g.bind(name);
            g.block(|g| {
                g.statement();
                if let Some(raise) = raise {
                    g.line(&raise);
                }
            });
        });
    }

    fn call_defined(&mut self) -> String {
        let choice = self.rng.below(3);
        if choice == 0 && !self.functions.is_empty() {
            let function = self.rng.pick(&self.functions).clone();
            let call = self.function_call(&function);
            if function.generator {
                return format!("print(list({call}))");
            }
            return format!("print({call})");
        }
        if choice == 1 && !self.classes.is_empty() {
            let class = self.rng.pick(&self.classes).clone();
            let args: Vec<String> = (0..class.init_params).map(|_| self.expr(1)).collect();
            let object = self.fresh_plain("obj");
            let mut text = format!("{object} = {}({})", class.name, args.join(", "));
            if !class.methods.is_empty() {
                let (method, arity) = self.rng.pick(&class.methods).clone();
                let args: Vec<String> = (0..arity).map(|_| self.expr(1)).collect();
                text.push_str(&format!("; print({object}.{method}({}))", args.join(", ")));
            } else {
                text.push_str(&format!("; print({object})"));
            }
            if self.repeated == 0 {
                self.bind(object);
            }
            return text;
        }
        let value = self.expr(0);
        format!("print({value})")
    }

    fn function_call(&mut self, function: &Function) -> String {
        let count = if self.rng.chance(90) {
            function.required
        } else {
            self.rng.below(4)
        };
        let literal_only = self.defining.contains(&function.name);
        let mut args: Vec<String> = (0..count)
            .map(|_| {
                if literal_only {
                    self.literal()
                } else {
                    self.expr(1)
                }
            })
            .collect();
        if self.rng.chance(10) {
            args.push(format!("*{}", self.list_display(1)));
        }
        format!("{}({})", function.name, args.join(", "))
    }

    fn generator_use(&mut self) {
        let generators: Vec<Function> = self
            .functions
            .iter()
            .filter(|f| f.generator)
            .cloned()
            .collect();
        let Some(function) = generators.first().cloned() else {
            let body = self.expr(1);
            let name = self.fresh_name();
            self.line(&format!("{name} = ({body} for _ in range(3))"));
            self.line(&format!("print(next({name}), list({name}))"));
            self.bind(name);
            return;
        };
        let call = self.function_call(&function);
        let name = self.fresh_name();
        self.guarded(|g| {
            g.line(&format!("{name} = {call}"));
            g.line(&format!("print(next({name}, 'done'))"));
            g.line(&format!("for item in {name}:"));
            g.block(|g| g.line("print('item', item)"));
        });
        self.bind(name);
    }

    // --- expressions --------------------------------------------------------------------

    /// Replace each `{}` in `template` with a value from `arg`.
    fn fill(&mut self, template: &str, mut arg: impl FnMut(&mut Self) -> String) -> String {
        let mut out = String::new();
        let mut rest = template;
        while let Some(at) = rest.find("{}") {
            out.push_str(&rest[..at]);
            out.push_str(&arg(self));
            rest = &rest[at + 2..];
        }
        out.push_str(rest);
        out
    }

    fn expr(&mut self, depth: usize) -> String {
        if depth >= MAX_EXPR_DEPTH {
            return if self.rng.chance(50) {
                self.some_name().unwrap_or_else(|| self.literal())
            } else {
                self.literal()
            };
        }
        let d = depth + 1;
        let weights = [
            10,                                            // 0 literal
            14,                                            // 1 name
            12,                                            // 2 binary operation
            3,                                             // 3 unary
            4,                                             // 4 comparison chain
            4,                                             // 5 conditional
            9,                                             // 6 builtin call
            6,                                             // 7 method call
            5,                                             // 8 subscript / slice
            6,                                             // 9 display
            4,                                             // 10 comprehension
            2,                                             // 11 lambda
            if self.in_fstring { 0 } else { 4 },           // 12 f-string
            if self.in_fstring { 0 } else { 2 },           // 13 % formatting
            if self.functions.is_empty() { 0 } else { 4 }, // 14 user function call
            if self.classes.is_empty() { 0 } else { 3 },   // 15 object
            if self.modules.is_empty() { 0 } else { 4 },   // 16 module call
            2, // 17 guarded multiplication / power / shift
            1, // 18 walrus
        ];
        match self.rng.weighted(&weights) {
            0 => self.literal(),
            1 => self.some_name().unwrap_or_else(|| self.literal()),
            2 => {
                let left = self.expr(d);
                let op = *self.rng.pick(BINARY_OPERATORS);
                let right = self.expr(d);
                format!("({left} {op} {right})")
            }
            3 => {
                let op = *self.rng.pick(&["-", "+", "~", "not "]);
                let operand = self.expr(d);
                format!("({op}{operand})")
            }
            4 => {
                let a = self.expr(d);
                let b = self.expr(d);
                let c = self.expr(d);
                let op1 = *self.rng.pick(&["<", "<=", "==", "!=", ">", ">="]);
                let op2 = *self.rng.pick(&["<", "<=", "==", "!=", ">", ">="]);
                format!("({a} {op1} {b} {op2} {c})")
            }
            5 => {
                let a = self.expr(d);
                let c = self.expr(d);
                let b = self.expr(d);
                format!("({a} if {c} else {b})")
            }
            6 => self.builtin_call(d),
            7 => self.method_call(d),
            8 => self.subscript(d),
            9 => match self.rng.below(4) {
                0 => self.list_display(d),
                1 => self.dict_display(d),
                2 => {
                    let items: Vec<String> = (0..self.rng.below(4)).map(|_| self.expr(d)).collect();
                    match items.len() {
                        0 => "()".into(),
                        1 => format!("({},)", items[0]),
                        _ => format!("({})", items.join(", ")),
                    }
                }
                _ => {
                    let items: Vec<String> =
                        (0..1 + self.rng.below(4)).map(|_| self.literal()).collect();
                    format!("{{{}}}", items.join(", "))
                }
            },
            10 => self.comprehension(d),
            11 => {
                let param = self.fresh_plain("q");
                self.scopes.push(vec![param.clone()]);
                let body = self.expr(d);
                self.scopes.pop();
                let arg = self.expr(d);
                if self.rng.chance(50) {
                    format!("(lambda {param}: {body})({arg})")
                } else {
                    format!("(lambda {param}=1: {body})")
                }
            }
            12 => self.fstring(d),
            13 => {
                let spec = *self
                    .rng
                    .pick(&["%d", "%s", "%r", "%5.2f", "%-6s|", "%x", "%%", "%e"]);
                let spec2 = *self.rng.pick(&["%d", "%s", "%.3g", "%05d", "%o", "%c"]);
                let a = self.expr(d);
                let b = self.expr(d);
                format!("('{spec} and {spec2}' % ({a}, {b}))")
            }
            14 => {
                let function = self.rng.pick(&self.functions).clone();
                let call = self.function_call(&function);
                if function.generator {
                    format!("list({call})")
                } else {
                    call
                }
            }
            15 => {
                let class = self.rng.pick(&self.classes).clone();
                let args: Vec<String> = (0..class.init_params).map(|_| self.expr(d)).collect();
                let object = format!("{}({})", class.name, args.join(", "));
                if !class.attributes.is_empty() && self.rng.chance(50) {
                    format!("{object}.{}", self.rng.pick(&class.attributes))
                } else {
                    object
                }
            }
            16 => {
                let module = *self.rng.pick(&self.modules);
                let template = *self.rng.pick(MODULES[module].1);
                self.fill(template, |g| g.expr(d))
            }
            17 => {
                let value = self.expr(d);
                match self.rng.below(4) {
                    0 => format!("({value} * {})", self.rng.between(-2, 6)),
                    1 => format!("({} * {value})", self.rng.between(-2, 6)),
                    2 => format!("({value} ** {})", self.rng.between(-3, 6)),
                    _ => format!("({value} << {})", self.rng.below(65)),
                }
            }
            _ if self.in_comprehension_iterable => self.literal(),
            _ => {
                let name = self.fresh_plain("w");
                let value = self.expr(d);
                // Only usable later in the same statement; not bound for others.
                format!("({name} := {value})")
            }
        }
    }

    fn builtin_call(&mut self, d: usize) -> String {
        if self.rng.chance(55) {
            let function = *self.rng.pick(BUILTINS_1);
            let arg = self.expr(d);
            format!("{function}({arg})")
        } else {
            let function = *self.rng.pick(BUILTINS_2);
            let a = self.expr(d);
            let b = match function {
                "isinstance" => (*self.rng.pick(TYPES)).to_owned(),
                "range" => self.rng.below(10).to_string(),
                "map" | "filter" => format!("lambda z: z {} 1", self.rng.pick(&["+", "%", "<"])),
                "pow" => self.rng.between(-2, 8).to_string(),
                "getattr" | "hasattr" => "'real'".into(),
                "format" => format!("'{}'", self.rng.pick(FORMAT_SPECS)),
                _ => self.expr(d),
            };
            match function {
                "range" => format!("list(range({}, {b}))", self.rng.between(-3, 3)),
                "map" | "filter" => format!("list({function}({b}, {a}))"),
                "zip" => format!("list(zip({a}, {b}))"),
                _ => format!("{function}({a}, {b})"),
            }
        }
    }

    fn method_call(&mut self, d: usize) -> String {
        let receiver = self.expr(d);
        let table = match self.rng.below(3) {
            0 => STR_METHODS,
            1 => LIST_METHODS,
            _ => DICT_METHODS,
        };
        let method = *self.rng.pick(table);
        let call = self.fill(method, |g| g.expr(d));
        format!("{}.{call}", atom(&receiver))
    }

    fn subscript(&mut self, d: usize) -> String {
        let value = atom(&self.expr(d));
        match self.rng.below(4) {
            0 => {
                let index = self.rng.between(-4, 4);
                format!("{value}[{index}]")
            }
            1 => {
                let key = self.expr(d);
                format!("{value}[{key}]")
            }
            _ => {
                let part = |g: &mut Self| {
                    if g.rng.chance(40) {
                        String::new()
                    } else {
                        g.rng.between(-6, 6).to_string()
                    }
                };
                let (a, b) = (part(self), part(self));
                if self.rng.chance(50) {
                    let step = *self.rng.pick(&["1", "2", "-1", "-2", "3", "0"]);
                    format!("{value}[{a}:{b}:{step}]")
                } else {
                    format!("{value}[{a}:{b}]")
                }
            }
        }
    }

    fn list_display(&mut self, d: usize) -> String {
        let items: Vec<String> = (0..self.rng.below(5))
            .map(|_| {
                if d >= MAX_EXPR_DEPTH {
                    self.literal()
                } else {
                    self.expr(d + 1)
                }
            })
            .collect();
        format!("[{}]", items.join(", "))
    }

    fn dict_display(&mut self, d: usize) -> String {
        let items: Vec<String> = (0..self.rng.below(4))
            .map(|_| {
                let key = self.literal();
                let value = if d >= MAX_EXPR_DEPTH {
                    self.literal()
                } else {
                    self.expr(d + 1)
                };
                format!("{key}: {value}")
            })
            .collect();
        format!("{{{}}}", items.join(", "))
    }

    fn comprehension(&mut self, d: usize) -> String {
        let variable = self.fresh_plain("c");
        // The first clause may iterate over anything (the result is at most as long);
        // a second clause only over a small literal range (see the module invariant).
        let iterable = if self.rng.chance(50) {
            format!("range({})", self.rng.below(8))
        } else {
            // Python forbids `:=` anywhere in a comprehension's iterable.
            let outer = std::mem::replace(&mut self.in_comprehension_iterable, true);
            let iterable = self.expr(d);
            self.in_comprehension_iterable = outer;
            iterable
        };
        self.scopes.push(vec![variable.clone()]);
        let mut clauses = format!("for {variable} in {iterable}");
        if self.rng.chance(25) {
            let second = self.fresh_plain("c");
            clauses.push_str(&format!(" for {second} in range({})", self.rng.below(4)));
            self.bind(second);
        }
        if self.rng.chance(40) {
            let condition = self.expr(d);
            clauses.push_str(&format!(" if {condition}"));
        }
        let element = self.expr(d);
        let text = match self.rng.below(4) {
            0 => format!("[{element} {clauses}]"),
            1 => {
                let value = self.expr(d);
                format!("{{{element}: {value} {clauses}}}")
            }
            2 => format!("{{{element} {clauses}}}"),
            _ => format!("list({element} {clauses})"),
        };
        self.scopes.pop();
        text
    }

    fn fstring(&mut self, d: usize) -> String {
        let mut out = String::from("f\"");
        for _ in 0..1 + self.rng.below(3) {
            let text = self.plain_text(6, &['"', '{', '}', '\\']);
            out.push_str(&text);
            if self.rng.chance(10) {
                out.push_str("{{}}");
            }
            self.in_fstring = true;
            let value = self.expr(d);
            let spec_value = self.rng.chance(10).then(|| self.rng.below(12));
            self.in_fstring = false;
            out.push_str(&format!("{{({value})"));
            match self.rng.below(8) {
                0 => out.push_str("!r"),
                1 => out.push_str("!s"),
                2 => out.push('='),
                _ => {}
            }
            let spec = *self.rng.pick(FORMAT_SPECS);
            if let Some(width) = spec_value {
                out.push_str(&format!(":>{{{width}}}"));
            } else if !spec.is_empty() {
                out.push(':');
                out.push_str(spec);
            }
            out.push('}');
        }
        out.push('"');
        out
    }

    // --- literals -----------------------------------------------------------------------

    fn literal(&mut self) -> String {
        match self.rng.below(16) {
            0..=3 => self.int_literal(),
            4 | 5 => self.float_literal(),
            6..=8 => self.string_literal(),
            9 => (*self.rng.pick(&["True", "False", "None"])).to_owned(),
            10 => {
                let items: Vec<String> =
                    (0..self.rng.below(4)).map(|_| self.int_literal()).collect();
                format!("[{}]", items.join(", "))
            }
            11 => {
                let a = self.string_literal();
                let b = self.int_literal();
                format!("{{{a}: {b}}}")
            }
            12 => {
                let a = self.int_literal();
                let b = self.string_literal();
                format!("({a}, {b})")
            }
            13 => "[]".into(),
            14 => "{}".into(),
            _ => self.rng.between(-3, 20).to_string(),
        }
    }

    fn int_literal(&mut self) -> String {
        match self.rng.below(10) {
            0..=4 => self.rng.between(-10, 100).to_string(),
            5 => {
                let digits = 10 + self.rng.below(50);
                let mut text = String::from(*self.rng.pick(&["1", "9", "-4", "3"]));
                for _ in 0..digits {
                    text.push(char::from(b'0' + self.rng.below(10) as u8));
                }
                text
            }
            6 => format!("0x{:X}", self.rng.next_u64() >> self.rng.below(64)),
            7 => format!("0o{:o}", self.rng.below(5000)),
            8 => format!("0b{:b}", self.rng.below(300)),
            _ => (*self.rng.pick(&[
                "1_000_000",
                "2**63",
                "-(2**63)",
                "2**64 - 1",
                "9223372036854775807",
                "-9223372036854775808",
                "0",
                "-0",
                "255",
            ]))
            .to_owned(),
        }
    }

    fn float_literal(&mut self) -> String {
        match self.rng.below(6) {
            0 | 1 => format!("{}.{}", self.rng.between(-100, 100), self.rng.below(1000)),
            2 => format!("{}e{}", self.rng.between(1, 9), self.rng.between(-320, 320)),
            3 => (*self.rng.pick(&[
                "float('inf')",
                "float('-inf')",
                "float('nan')",
                "0.1",
                "1e308",
                "5e-324",
                "-0.0",
                ".5",
                "5.",
                "1_0.2_5",
                "2.5e-3",
                "1e16",
                "123456789.125",
            ]))
            .to_owned(),
            _ => {
                let bits = self.rng.next_u64();
                let value = f64::from_bits(bits);
                if value.is_finite() {
                    format!("{value:?}")
                } else {
                    "1.5".into()
                }
            }
        }
    }

    /// Random text without the characters in `forbidden` (nor newlines).
    fn plain_text(&mut self, most: usize, forbidden: &[char]) -> String {
        let mut text = String::new();
        for _ in 0..self.rng.below(most + 1) {
            let c = match self.rng.below(10) {
                0..=5 => char::from(b' ' + self.rng.below(95) as u8),
                6 | 7 => *self.rng.pick(UNICODE_CHARS),
                8 => char::from(b'a' + self.rng.below(26) as u8),
                _ => char::from_u32(0xa0 + self.rng.below(0x2f00) as u32).unwrap_or('?'),
            };
            if !forbidden.contains(&c) && !is_line_break(c) {
                text.push(c);
            }
        }
        text
    }

    fn string_literal(&mut self) -> String {
        if self.in_fstring {
            let text = self.plain_text(6, &['"', '\'', '\\', '{', '}']);
            return format!("'{text}'");
        }
        let quote = *self.rng.pick(&["'", "\"", "'''", "\"\"\""]);
        let raw = self.rng.chance(8);
        let mut body = String::new();
        for _ in 0..self.rng.below(4) {
            let forbidden = ['\'', '"', '\\'];
            body.push_str(&self.plain_text(5, &forbidden));
            if !raw && self.rng.chance(35) {
                let escape = *self.rng.pick(ESCAPES);
                body.push_str(escape);
            }
            if !raw && self.rng.chance(1) {
                body.push_str("\\ud800");
            }
        }
        let prefix = if raw { "r" } else { "" };
        format!("{prefix}{quote}{body}{quote}")
    }
}

/// `text` as the operand of `.attribute` or `[index]`: names stay as they are, anything
/// else is parenthesised (`5 .real` and `-5.real` do not mean what they would need to).
fn atom(text: &str) -> String {
    let mut chars = text.chars();
    let is_name = chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || c == '_');
    if is_name {
        text.to_owned()
    } else {
        format!("({text})")
    }
}

/// Python's tokenizer ends lines at `\n` and `\r` only (`\u2028` and friends are fine
/// inside a literal), so these are the characters a one-line string must not contain.
fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r')
}

// --- stress programs ----------------------------------------------------------------------

/// A depth or length: usually modest, sometimes large, rarely huge.
fn size(rng: &mut Rng) -> usize {
    match rng.below(10) {
        0..=5 => 1 + rng.below(60),
        6..=8 => 50 + rng.below(1000),
        _ => 1000 + rng.below(30_000),
    }
}

fn stress_program(rng: &mut Rng) -> String {
    let n = size(rng);
    match rng.below(16) {
        0 => format!("x = {}1{}\nprint(x)\n", "(".repeat(n), ")".repeat(n)),
        1 => {
            let terms = vec!["1"; n].join(" + ");
            format!("print({terms})\n")
        }
        2 => format!("x = {}{}\nprint(len(x), str(x)[:50])\n", "[".repeat(n), "]".repeat(n)),
        3 => {
            let mut out = String::new();
            for depth in 0..n.min(150) {
                out.push_str(&"    ".repeat(depth));
                out.push_str(&format!("if {depth} >= 0:\n"));
            }
            out.push_str(&"    ".repeat(n.min(150)));
            out.push_str("print('deep')\n");
            out
        }
        4 => {
            let mut out = String::new();
            let depth = n.min(200);
            for level in 0..depth {
                out.push_str(&"    ".repeat(level));
                out.push_str(&format!("def f{level}():\n"));
            }
            out.push_str(&"    ".repeat(depth));
            out.push_str("return 1\n");
            for level in (0..depth).rev() {
                out.push_str(&"    ".repeat(level));
                if level == 0 {
                    out.push_str("print(f0())\n");
                } else {
                    out.push_str(&format!("return f{level}()\n"));
                }
            }
            out
        }
        5 => format!(
            "def r(n):\n    return r(n + 1) if n < {n} else n\ntry:\n    print(r(0))\nexcept RecursionError as e:\n    print('RecursionError', e)\nprint(r(0))\n"
        ),
        6 => {
            let limit = *rng.pick(&[2000, 10_000, 100_000, 1_000_000]);
            format!(
                "import sys\nsys.setrecursionlimit({limit})\ndef r(n):\n    return 1 + r(n + 1)\ntry:\n    r(0)\nexcept RecursionError as e:\n    print('RecursionError', e)\n"
            )
        }
        7 => {
            let mut out = String::new();
            for i in 0..n.min(5000) {
                out.push_str(&format!("v{i} = {i} * 2 + {}\n", i % 7));
            }
            out.push_str("print('done')\n");
            out
        }
        8 => {
            let text: String = (0..n * 10)
                .map(|i| UNICODE_CHARS[i % UNICODE_CHARS.len()])
                .filter(|c| !is_line_break(*c))
                .collect();
            format!("s = '{text}'\nprint(len(s), s[:20], s.upper()[-5:])\n")
        }
        9 => {
            let mut value = String::from("1");
            for i in 0..n.min(2000) {
                value = format!("{{'k{i}': {value}}}");
            }
            format!("d = {value}\nprint(str(d)[:60])\n")
        }
        10 => {
            let mut value = String::from("1");
            for _ in 0..n.min(500) {
                value = format!("(lambda: {value})()");
            }
            format!("print({value})\n")
        }
        11 => {
            let chain = ".upper().lower()".repeat(n.min(5000));
            format!("print('aB'{chain})\n")
        }
        12 => format!("print({}1)\n", "-".repeat(n)),
        13 => format!("print({}True)\n", "not ".repeat(n)),
        14 => {
            // 2**16 elements at most.
            let depth = n.min(16);
            let mut value = String::from("0");
            for level in 0..depth {
                value = format!("[{value} for i{level} in range(2)]");
            }
            format!("x = {value}\nprint(str(x)[:40])\n")
        }
        _ => {
            let name = "a".repeat(n);
            format!("{name} = 1\nprint({name} + 1)\n")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic() {
        for index in 0..50 {
            let a = generate_program(&mut Rng::for_input(11, index));
            let b = generate_program(&mut Rng::for_input(11, index));
            assert_eq!(a, b);
        }
    }

    #[test]
    fn ordinary_programs_are_mostly_valid_python() {
        // Check with CPython's own compiler when it is available: most generated programs
        // must compile (the rest exercise the interpreter's SyntaxError path).
        let Ok(probe) = std::process::Command::new("python3")
            .arg("--version")
            .output()
        else {
            return;
        };
        if !probe.status.success() {
            return;
        }
        let dir = std::env::temp_dir().join(format!("xtask-gen-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let total = 120;
        for index in 0..total {
            let source = ProgramGenerator::new(&mut Rng::for_input(5, index)).program();
            std::fs::write(dir.join(format!("p{index}.py")), source).unwrap();
        }
        let script = "import sys, pathlib, warnings\nwarnings.simplefilter('ignore')\nbad = 0\nfor p in sorted(pathlib.Path(sys.argv[1]).glob('*.py')):\n    try:\n        compile(p.read_text(encoding='utf-8'), str(p), 'exec')\n    except SyntaxError as e:\n        bad += 1\n        print(p.name, e.msg, repr(e.text), file=sys.stderr)\nprint(bad)\n";
        let output = std::process::Command::new("python3")
            .arg("-c")
            .arg(script)
            .arg(&dir)
            .output()
            .unwrap();
        let _ = std::fs::remove_dir_all(&dir);
        let bad: usize = String::from_utf8_lossy(&output.stdout)
            .trim()
            .parse()
            .unwrap();
        assert!(
            bad * 20 <= total as usize,
            "{bad} of {total} programs do not compile:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    #[test]
    fn stress_programs_cover_every_shape() {
        let mut rng = Rng::new(9);
        for _ in 0..200 {
            let program = stress_program(&mut rng);
            assert!(program.ends_with('\n'));
        }
    }
}
