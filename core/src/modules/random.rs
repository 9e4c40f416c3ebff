//! The `random` module: the module-level functions of CPython 3.11's `random.py` (the
//! methods of its hidden `Random` instance) over [`MersenneTwister`], plus the `Random`
//! class and the distributions written in Python (`py/random.py`).
//!
//! The generator lives in `Runtime::random`, seeded from the host's clocks on first use when
//! the program never called `seed()`. Argument handling follows `random.py` line by line:
//! the same Python-level operations (`b - a`, `b + 1`, `int(x) != x`, `len(seq)`,
//! `seq[i]`, `accumulate(weights)`) run through the VM, so odd arguments fail with CPython's
//! exceptions, in CPython's order; the algorithms themselves are those of [`mersenne`].
//!
//! Invariant: after `random.seed(x)` every function consumes the generator exactly as
//! CPython does and returns what CPython returns; error messages are CPython's (binding
//! errors name `Random.<method>()` and count `self`, as for a bound method). The
//! `DeprecationWarning`s CPython prints for float arguments to `randrange` are not shown.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{One, Signed, ToPrimitive};

use super::math::{index, real};
use super::mersenne::{self, MersenneTwister, RandomError};
use crate::builtins::{check_args, native, new_module, no_kwargs, MAX_COLLECTION};
use crate::compiler::{BinOp, CmpOp};
use crate::host::Clock;
use crate::objects::{Kwargs, Module, NativeFn, NativeState, Value};
use crate::vm::types::types;
use crate::vm::{
    index_error, memory_error, overflow_error, type_error, value_error, PyErr, PyResult, Vm,
};

pub(crate) fn module(vm: &mut Vm<'_>) -> PyResult<Rc<Module>> {
    let m = new_module("random");
    {
        let mut attrs = m.attrs.borrow_mut();
        for &(name, func) in FUNCTIONS {
            attrs.insert(name.into(), native(name, func));
        }
        attrs.insert("_new_state".into(), native("_new_state", new_state));
        attrs.insert("_call_with".into(), native("_call_with", call_with));
    }
    vm.exec_builtin_source(&m, RANDOM_SOURCE, "<frozen random>")?;
    Ok(m)
}

/// The Python half of `random`: the `Random` class and the distributions CPython writes in
/// Python (`random.py`, 3.11, line for line), over the native functions above. A `Random`
/// instance keeps its own generator; each method runs the native function with that
/// generator swapped in as the program's ([`call_with`]). The module-level distributions
/// are methods of a hidden instance that uses the program's generator itself.
const RANDOM_SOURCE: &str = include_str!("py/random.py");

/// `_new_state()`: an empty generator slot for a `Random` instance.
fn new_state(_vm: &mut Vm<'_>, _args: Vec<Value>, _kw: Kwargs) -> PyResult<Value> {
    Ok(Value::Instance(Rc::new(crate::objects::Instance {
        class: types().random_state.clone(),
        attrs: Default::default(),
        exc: None,
        native: Some(std::cell::RefCell::new(NativeState::Random(None))),
    })))
}

/// `_call_with(state, function, *args, **kwargs)`: call a native function of this module
/// with `state`'s generator as the program's, and put both back afterwards (also when it
/// fails).
fn call_with(vm: &mut Vm<'_>, mut args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    if args.len() < 2 {
        return Err(type_error("_call_with() needs a state and a function"));
    }
    let rest = args.split_off(2);
    let (state, function) = (&args[0], &args[1]);
    let Value::Instance(i) = state else {
        return Err(type_error("_call_with() needs a generator state"));
    };
    let Some(native) = &i.native else {
        return Err(type_error("_call_with() needs a generator state"));
    };
    let mine = match &mut *native.borrow_mut() {
        NativeState::Random(g) => g.take(),
        _ => return Err(type_error("_call_with() needs a generator state")),
    };
    let program = std::mem::replace(&mut vm.rt.random, mine);
    let result = vm.call(function, rest, kwargs);
    let mine = std::mem::replace(&mut vm.rt.random, program);
    if let NativeState::Random(g) = &mut *native.borrow_mut() {
        *g = mine;
    }
    result
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("seed", seed),
    ("random", random),
    ("uniform", uniform),
    ("gauss", gauss),
    ("randrange", randrange),
    ("randint", randint),
    ("choice", choice),
    ("choices", choices),
    ("shuffle", shuffle),
    ("sample", sample),
    ("getrandbits", getrandbits),
    ("randbytes", randbytes),
];

// ---------------------------------------------------------------------------------------
// The generator and argument binding
// ---------------------------------------------------------------------------------------

/// A generator seeded from the host's clocks (CPython reads `os.urandom`).
fn clock_seeded(vm: &mut Vm<'_>) -> MersenneTwister {
    let wall = vm.host.now(Clock::Wall).to_bits();
    let monotonic = vm.host.now(Clock::Monotonic).to_bits();
    let words = [
        wall as u32,
        (wall >> 32) as u32,
        monotonic as u32,
        (monotonic >> 32) as u32,
    ];
    MersenneTwister::from_words(&words)
}

/// The program's generator, seeded from the clock on first use.
fn rng<'v>(vm: &'v mut Vm<'_>) -> &'v mut MersenneTwister {
    if vm.rt.random.is_none() {
        let seeded = clock_seeded(vm);
        vm.rt.random = Some(seeded);
    }
    vm.rt
        .random
        .get_or_insert_with(|| MersenneTwister::from_words(&[]))
}

#[inline(never)] // keeps eval_frame's recursion cycle small on the engine stack
fn raise(e: RandomError) -> PyErr {
    match e {
        RandomError::Value(m) => value_error(m),
        RandomError::Index(m) => index_error(m),
        RandomError::Type(m) => type_error(m),
        RandomError::Memory => memory_error(),
    }
}

/// The signature of a `Random` method written in Python (parameters after `self`).
struct Signature {
    name: &'static str,
    positional: &'static [&'static str],
    /// How many leading positional parameters have no default.
    required: usize,
    keyword_only: &'static [&'static str],
}

impl Signature {
    /// Bind a call as CPython binds the bound method, with its messages (which count
    /// `self`): one slot per parameter, positional ones first.
    fn bind(&self, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Vec<Option<Value>>> {
        let name = self.name;
        let npos = self.positional.len();
        if args.len() > npos {
            let takes = if self.required < npos {
                format!("from {} to {}", self.required + 1, npos + 1)
            } else {
                (npos + 1).to_string()
            };
            return Err(type_error(format!(
                "Random.{name}() takes {takes} positional arguments but {} were given",
                args.len() + 1
            )));
        }
        let mut slots: Vec<Option<Value>> = args.into_iter().map(Some).collect();
        slots.resize(npos + self.keyword_only.len(), None);
        for (key, value) in kwargs {
            let position = self
                .positional
                .iter()
                .chain(self.keyword_only)
                .position(|p| **p == *key);
            let Some(slot) = position.and_then(|i| slots.get_mut(i)) else {
                return Err(type_error(format!(
                    "Random.{name}() got an unexpected keyword argument '{key}'"
                )));
            };
            if slot.is_some() {
                return Err(type_error(format!(
                    "Random.{name}() got multiple values for argument '{key}'"
                )));
            }
            *slot = Some(value);
        }
        let missing: Vec<String> = self.positional[..self.required]
            .iter()
            .zip(&slots)
            .filter(|(_, slot)| slot.is_none())
            .map(|(p, _)| format!("'{p}'"))
            .collect();
        if let Some(last) = missing.last() {
            let names = match missing.len() {
                1 => last.clone(),
                2 => format!("{} and {last}", missing[0]),
                n => format!("{}, and {last}", missing[..n - 1].join(", ")),
            };
            let s = if missing.len() == 1 { "" } else { "s" };
            return Err(type_error(format!(
                "Random.{name}() missing {} required positional argument{s}: {names}",
                missing.len()
            )));
        }
        Ok(slots)
    }
}

/// Bound arguments, taken in parameter order; absent optional ones are `None`.
struct Bound(std::vec::IntoIter<Option<Value>>);

impl Bound {
    fn new(signature: &Signature, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Bound> {
        Ok(Bound(signature.bind(args, kwargs)?.into_iter()))
    }

    /// The next argument (or `Value::None` if it was not given).
    fn next(&mut self) -> Value {
        self.optional().unwrap_or(Value::None)
    }

    /// The next argument if it was given.
    fn optional(&mut self) -> Option<Value> {
        self.0.next().flatten()
    }
}

// ---------------------------------------------------------------------------------------
// seed, random, getrandbits, randbytes
// ---------------------------------------------------------------------------------------

const SEED: Signature = Signature {
    name: "seed",
    positional: &["a", "version"],
    required: 0,
    keyword_only: &[],
};

/// `seed(a, version=1)` for str and bytes (latin-1 code points): the old 64-bit string hash.
fn version1_seed(chars: &[u32]) -> MersenneTwister {
    let mut x: u64 = chars.first().map_or(0, |&c| u64::from(c) << 7);
    for &c in chars {
        x = 1_000_003u64.wrapping_mul(x) ^ u64::from(c);
    }
    x ^= chars.len() as u64;
    MersenneTwister::from_seed(&BigInt::from(x))
}

fn seed(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut bound = Bound::new(&SEED, args, kwargs)?;
    let a = bound.next();
    let version = bound.optional().unwrap_or(Value::Int(2));
    let generator = match &a {
        Value::Str(s) if vm.eq(&version, &Value::Int(1))? => {
            version1_seed(&s.as_str().chars().map(u32::from).collect::<Vec<_>>())
        }
        Value::Bytes(b) if vm.eq(&version, &Value::Int(1))? => {
            version1_seed(&b.iter().map(|&b| u32::from(b)).collect::<Vec<_>>())
        }
        Value::Str(s) if vm.eq(&version, &Value::Int(2))? => {
            MersenneTwister::from_str_seed(s.as_str())
        }
        Value::Bytes(b) if vm.eq(&version, &Value::Int(2))? => MersenneTwister::from_bytes_seed(b),
        // Other versions seed str and bytes by their hash, as CPython does.
        Value::Str(_) | Value::Bytes(_) => {
            MersenneTwister::from_seed(&BigInt::from(vm.hash(&a)? as u64))
        }
        Value::None => clock_seeded(vm),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            MersenneTwister::from_seed(&index(vm, &a)?)
        }
        Value::Float(x) => MersenneTwister::from_float_seed(*x),
        _ => {
            return Err(type_error(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
            ))
        }
    };
    vm.rt.random = Some(generator);
    Ok(Value::None)
}

fn random(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("Random.random", &kwargs)?;
    check_args("Random.random", &args, 0, 0)?;
    Ok(Value::Float(rng(vm).random()))
}

/// A bit count as `getrandbits` reads it (a C int, non-negative).
fn bit_count(vm: &mut Vm<'_>, v: &Value) -> PyResult<u32> {
    let k = index(vm, v)?;
    let Some(k) = k.to_i32() else {
        return Err(overflow_error("Python int too large to convert to C int"));
    };
    let Ok(k) = u32::try_from(k) else {
        return Err(value_error(mersenne::NEGATIVE_BITS_MESSAGE));
    };
    if k as usize > MAX_COLLECTION * 8 {
        return Err(memory_error());
    }
    Ok(k)
}

fn getrandbits(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    no_kwargs("Random.getrandbits", &kwargs)?;
    check_args("Random.getrandbits", &args, 1, 1)?;
    let k = bit_count(vm, &args[0])?;
    Ok(Value::from_bigint(BigInt::from(rng(vm).getrandbits(k))))
}

const RANDBYTES: Signature = Signature {
    name: "randbytes",
    positional: &["n"],
    required: 1,
    keyword_only: &[],
};

fn randbytes(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let n = Bound::new(&RANDBYTES, args, kwargs)?.next();
    // `self.getrandbits(n * 8).to_bytes(n, 'little')`
    let bits = vm.binary_op(BinOp::Mul, &n, &Value::Int(8))?;
    let k = bit_count(vm, &bits)?;
    Ok(Value::Bytes(Rc::new(rng(vm).randbytes(k / 8))))
}

// ---------------------------------------------------------------------------------------
// Real-valued distributions
// ---------------------------------------------------------------------------------------

const UNIFORM: Signature = Signature {
    name: "uniform",
    positional: &["a", "b"],
    required: 2,
    keyword_only: &[],
};

fn uniform(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut bound = Bound::new(&UNIFORM, args, kwargs)?;
    let (a, b) = (bound.next(), bound.next());
    if let (Some(x), Some(y)) = (exact_float(&a), exact_float(&b)) {
        return Ok(Value::Float(mersenne::uniform(rng(vm), x, y)));
    }
    // `a + (b - a) * self.random()`
    let width = vm.binary_op(BinOp::Sub, &b, &a)?;
    let r = Value::Float(rng(vm).random());
    let offset = vm.binary_op(BinOp::Mul, &width, &r)?;
    vm.binary_op(BinOp::Add, &a, &offset)
}

/// A float, or an int that converts to one exactly: where Python's `a + (b - a) * r`
/// equals the same formula on floats.
fn exact_float(v: &Value) -> Option<f64> {
    const EXACT: i64 = 1 << 53;
    match v {
        Value::Float(x) => Some(*x),
        Value::Int(i) if (-EXACT..=EXACT).contains(i) => Some(*i as f64),
        _ => None,
    }
}

const GAUSS: Signature = Signature {
    name: "gauss",
    positional: &["mu", "sigma"],
    required: 0,
    keyword_only: &[],
};

fn gauss(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut bound = Bound::new(&GAUSS, args, kwargs)?;
    let mu = bound.optional().unwrap_or(Value::Float(0.0));
    let sigma = bound.optional().unwrap_or(Value::Float(1.0));
    // `mu + z * sigma`, with z a standard normal deviate.
    let z = Value::Float(rng(vm).gauss(0.0, 1.0));
    let scaled = vm.binary_op(BinOp::Mul, &z, &sigma)?;
    vm.binary_op(BinOp::Add, &mu, &scaled)
}

// ---------------------------------------------------------------------------------------
// Integers: randrange, randint
// ---------------------------------------------------------------------------------------

/// A `randrange` argument: `operator.index(v)`, or else `int(v)` provided it equals `v`
/// (CPython accepts integral floats that way, with a DeprecationWarning).
fn range_arg(vm: &mut Vm<'_>, v: &Value, which: &str) -> PyResult<BigInt> {
    let has_index = match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => true,
        Value::Instance(i) => i.class.lookup("__index__").is_some(),
        _ => false,
    };
    if has_index {
        return index(vm, v);
    }
    let converted = vm.call1(&Value::Class(types().int.clone()), v.clone())?;
    if !vm.eq(&converted, v)? {
        return Err(value_error(format!("non-integer {which} for randrange()")));
    }
    index(vm, &converted)
}

fn randrange_of(
    vm: &mut Vm<'_>,
    start: &Value,
    stop: &Value,
    step: Option<&Value>,
) -> PyResult<Value> {
    let istart = range_arg(vm, start, "arg 1")?;
    let result = if stop.is_none() {
        // CPython tests `step is 1`, before converting anything else.
        if step.is_some_and(|s| !matches!(s, Value::Int(1))) {
            return Err(type_error("Missing a non-None stop argument"));
        }
        mersenne::randrange(rng(vm), &istart, None, &BigInt::one())
    } else {
        let istop = range_arg(vm, stop, "stop")?;
        let istep = match step {
            Some(s) => range_arg(vm, s, "step")?,
            None => BigInt::one(),
        };
        mersenne::randrange(rng(vm), &istart, Some(&istop), &istep)
    };
    result.map(Value::from_bigint).map_err(raise)
}

const RANDRANGE: Signature = Signature {
    name: "randrange",
    positional: &["start", "stop", "step"],
    required: 1,
    keyword_only: &[],
};

fn randrange(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut bound = Bound::new(&RANDRANGE, args, kwargs)?;
    let (start, stop) = (bound.next(), bound.next());
    let step = bound.optional();
    randrange_of(vm, &start, &stop, step.as_ref())
}

const RANDINT: Signature = Signature {
    name: "randint",
    positional: &["a", "b"],
    required: 2,
    keyword_only: &[],
};

fn randint(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut bound = Bound::new(&RANDINT, args, kwargs)?;
    let (a, b) = (bound.next(), bound.next());
    if let (Value::Int(x), Value::Int(y)) = (&a, &b) {
        let (x, y) = (BigInt::from(*x), BigInt::from(*y));
        return mersenne::randint(rng(vm), &x, &y)
            .map(Value::from_bigint)
            .map_err(raise);
    }
    // `self.randrange(a, b + 1)`
    let stop = vm.binary_op(BinOp::Add, &b, &Value::Int(1))?;
    randrange_of(vm, &a, &stop, None)
}

// ---------------------------------------------------------------------------------------
// Sequences: choice, shuffle, sample, choices
// ---------------------------------------------------------------------------------------

/// `seq[i]` for an index below `len(seq)`.
fn item(vm: &mut Vm<'_>, seq: &Value, i: usize) -> PyResult<Value> {
    vm.getitem(seq, &Value::Int(i as i64))
}

fn items_at(vm: &mut Vm<'_>, seq: &Value, indices: Vec<usize>) -> PyResult<Value> {
    let mut out = Vec::with_capacity(indices.len());
    for i in indices {
        out.push(item(vm, seq, i)?);
    }
    Ok(Value::list(out))
}

const CHOICE: Signature = Signature {
    name: "choice",
    positional: &["seq"],
    required: 1,
    keyword_only: &[],
};

fn choice(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let seq = Bound::new(&CHOICE, args, kwargs)?.next();
    let n = vm.len(&seq)?;
    let i = mersenne::choice_index(rng(vm), n).map_err(raise)?;
    item(vm, &seq, i)
}

const SHUFFLE: Signature = Signature {
    name: "shuffle",
    positional: &["x"],
    required: 1,
    keyword_only: &[],
};

fn shuffle(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let x = Bound::new(&SHUFFLE, args, kwargs)?.next();
    let n = vm.len(&x)?;
    if let Value::List(list) = &x {
        // No Python code can run while a list's items are swapped.
        let mut items = list.items.borrow_mut();
        mersenne::shuffle(rng(vm), &mut items[..]);
        return Ok(Value::None);
    }
    // `x[i], x[j] = x[j], x[i]` through the VM; the generator is lent out meanwhile.
    let mut generator = match vm.rt.random.take() {
        Some(g) => g,
        None => clock_seeded(vm),
    };
    let swapped = mersenne::shuffle_with(&mut generator, n, |i, j| {
        let at_j = item(vm, &x, j)?;
        let at_i = item(vm, &x, i)?;
        vm.setitem(&x, Value::Int(i as i64), at_j)?;
        vm.setitem(&x, Value::Int(j as i64), at_i)
    });
    vm.rt.random = Some(generator);
    swapped.map(|()| Value::None)
}

/// `itertools.accumulate(iterable)` with Python's `+`.
fn accumulate(vm: &mut Vm<'_>, iterable: &Value) -> PyResult<Vec<Value>> {
    let iter = vm.get_iter(iterable)?;
    let mut sums: Vec<Value> = Vec::new();
    while let Some(x) = vm.next(&iter)? {
        let sum = match sums.last() {
            Some(total) => vm.binary_op(BinOp::Add, total, &x)?,
            None => x,
        };
        sums.push(sum);
    }
    Ok(sums)
}

/// `sample`'s `k`: `0 <= k <= n` by Python comparison, then an int (`[None] * k`).
fn sample_size(vm: &mut Vm<'_>, k: &Value, n: usize) -> PyResult<usize> {
    let at_most = |vm: &mut Vm<'_>, a: &Value, b: &Value| -> PyResult<bool> {
        let r = vm.rich_compare(a, b, CmpOp::Le)?;
        vm.truthy(&r)
    };
    let in_range = at_most(vm, &Value::Int(0), k)? && at_most(vm, k, &Value::Int(n as i64))?;
    if !in_range {
        return Err(value_error(mersenne::SAMPLE_SIZE_MESSAGE));
    }
    match k {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            Ok(index(vm, k)?.to_usize().unwrap_or(0))
        }
        other => Err(type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(other)
        ))),
    }
}

/// `sample(range(n), k)` as indices.
fn sample_range(vm: &mut Vm<'_>, n: usize, k: &Value) -> PyResult<Vec<usize>> {
    let k = sample_size(vm, k, n)?;
    mersenne::sample_indices(rng(vm), n, k).map_err(raise)
}

const SAMPLE: Signature = Signature {
    name: "sample",
    positional: &["population", "k"],
    required: 2,
    keyword_only: &["counts"],
};

fn sample(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut bound = Bound::new(&SAMPLE, args, kwargs)?;
    let (population, k, counts) = (bound.next(), bound.next(), bound.next());
    if !matches!(
        population,
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_) | Value::Bytes(_)
    ) {
        return Err(type_error(
            "Population must be a sequence.  For dicts or sets, use sorted(d).",
        ));
    }
    let n = vm.len(&population)?;
    if counts.is_none() {
        let indices = sample_range(vm, n, &k)?;
        return items_at(vm, &population, indices);
    }
    let mut cum_counts = accumulate(vm, &counts)?;
    if cum_counts.len() != n {
        return Err(value_error(
            "The number of counts does not match the population",
        ));
    }
    let Some(total) = cum_counts.pop() else {
        return Err(index_error("pop from empty list"));
    };
    if !matches!(total, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) {
        return Err(type_error("Counts must be integers"));
    }
    let total = index(vm, &total)?;
    if !total.is_positive() {
        return Err(value_error("Total of counts must be greater than zero"));
    }
    let Some(total) = total.to_usize() else {
        return Err(overflow_error(
            "Python int too large to convert to C ssize_t",
        ));
    };
    let selections = sample_range(vm, total, &k)?;
    // `population[bisect(cum_counts, s)]` for each selection; the running sums of ints
    // with an int total are ints.
    let mut bounds = Vec::with_capacity(cum_counts.len());
    for c in &cum_counts {
        bounds.push(index(vm, c)?);
    }
    let indices = selections
        .into_iter()
        .map(|s| {
            let s = BigInt::from(s);
            bounds.partition_point(|b| *b <= s)
        })
        .collect();
    items_at(vm, &population, indices)
}

/// The count of a `repeat(None, k)`: an int, negative meaning zero.
fn repeat_count(vm: &mut Vm<'_>, k: &Value) -> PyResult<usize> {
    let k = index(vm, k)?;
    if k.is_negative() {
        return Ok(0);
    }
    // In u64 so that wasm32 (32-bit usize) raises the same MemoryError as natively.
    match k.to_u64() {
        Some(k) if k <= MAX_COLLECTION as u64 => Ok(k as usize),
        Some(_) => Err(memory_error()),
        None => Err(overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// A cumulative weight as the float `bisect` compares `random() * total` with.
fn weight_as_float(vm: &mut Vm<'_>, w: &Value) -> PyResult<f64> {
    match w {
        Value::BigInt(b) => Ok(b.to_f64().unwrap_or(if b.is_negative() {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        })),
        Value::Int(_) | Value::Bool(_) | Value::Float(_) => real(vm, w),
        other => Err(type_error(format!(
            "'<' not supported between instances of 'float' and '{}'",
            vm.type_name(other)
        ))),
    }
}

const CHOICES: Signature = Signature {
    name: "choices",
    positional: &["population", "weights"],
    required: 1,
    keyword_only: &["cum_weights", "k"],
};

fn choices(vm: &mut Vm<'_>, args: Vec<Value>, kwargs: Kwargs) -> PyResult<Value> {
    let mut bound = Bound::new(&CHOICES, args, kwargs)?;
    let (population, weights, cum_weights) = (bound.next(), bound.next(), bound.next());
    let k = bound.optional().unwrap_or(Value::Int(1));
    let n = vm.len(&population)?;
    let (cum_value, cum) = if !cum_weights.is_none() {
        if !weights.is_none() {
            return Err(type_error(
                "Cannot specify both weights and cumulative weights",
            ));
        }
        (cum_weights, None)
    } else if !weights.is_none() {
        let sums = match accumulate(vm, &weights) {
            Ok(sums) => sums,
            Err(e)
                if e.is("TypeError")
                    && matches!(weights, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) =>
            {
                let k = vm.repr(&weights)?;
                return Err(type_error(format!(
                    "The number of choices must be a keyword argument: k={k}"
                )));
            }
            Err(e) => return Err(e),
        };
        (Value::list(sums.clone()), Some(sums))
    } else {
        // `[population[floor(random() * n)] for i in repeat(None, k)]`
        let k = repeat_count(vm, &k)?;
        return draw_each(vm, &population, k, |mt| mersenne::choices_indices(mt, n, 1));
    };
    if vm.len(&cum_value)? != n {
        return Err(value_error(
            "The number of weights does not match the population",
        ));
    }
    // `total = cum_weights[-1] + 0.0`: the exceptions of Python's indexing and `+`.
    let last = vm.getitem(&cum_value, &Value::Int(-1))?;
    vm.binary_op(BinOp::Add, &last, &Value::Float(0.0))?;
    let cum = match cum {
        Some(sums) => sums,
        None => vm.collect(&cum_value)?,
    };
    let mut bounds = Vec::with_capacity(cum.len());
    for w in &cum {
        bounds.push(weight_as_float(vm, w)?);
    }
    // The weights' checks come before `k` is looked at.
    mersenne::weighted_choices_indices(rng(vm), n, &bounds, 0).map_err(raise)?;
    let k = repeat_count(vm, &k)?;
    draw_each(vm, &population, k, |mt| {
        mersenne::weighted_choices_indices(mt, n, &bounds, 1)
    })
}

/// `[population[draw()] for i in repeat(None, k)]`: each draw is indexed before the next
/// one, so a failing lookup leaves the generator where CPython leaves it.
fn draw_each(
    vm: &mut Vm<'_>,
    population: &Value,
    k: usize,
    draw: impl Fn(&mut MersenneTwister) -> Result<Vec<usize>, RandomError>,
) -> PyResult<Value> {
    let mut out = Vec::with_capacity(k);
    for _ in 0..k {
        for i in draw(rng(vm)).map_err(raise)? {
            out.push(item(vm, population, i)?);
        }
    }
    Ok(Value::list(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version1_seed_matches_cpython_hash() {
        // random.seed("abc", version=1); random.random() == 0.09639374978773074 in CPython.
        let mut mt = version1_seed(&"abc".chars().map(u32::from).collect::<Vec<_>>());
        assert_eq!(mt.random(), 0.096_393_749_787_730_74);
    }
}
