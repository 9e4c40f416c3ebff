//! Compile-time constants that CPython 3.11 folds, where the folding is visible.
//!
//! The one visible case: a set display of three or more literals becomes a frozenset
//! constant merged into an empty set, so its iteration order is that of the constant's
//! table (built, then rebuilt by constant de-duplication), not of adding the items one
//! by one. Literals never run Python code, so hashing and equality here are infallible.
//! Not modelled: the extra rebuild CPython does when string interning swaps one of the
//! set's strings for an identical interned one (see `SetTable::frozen_constant`).

use std::convert::Infallible;
use std::rc::Rc;

use ruff_python_ast::{self as ast, Expr};

use crate::objects::hash;
use crate::objects::set_table::SetTable;
use crate::objects::{PySet, Value};

/// The value of a literal expression CPython's constant folder produces, if any.
pub(crate) fn literal_value(e: &Expr) -> Option<Value> {
    literal(e)
}

fn literal(e: &Expr) -> Option<Value> {
    Some(match e {
        Expr::NumberLiteral(n) => match &n.value {
            ast::Number::Int(i) => match i.as_i64() {
                Some(v) => Value::Int(v),
                None => Value::from_bigint(super::parse_int_literal(&i.to_string())),
            },
            ast::Number::Float(f) => Value::Float(*f),
            ast::Number::Complex { real, imag } => Value::complex(*real, *imag),
        },
        Expr::StringLiteral(s) => Value::str(s.value.to_str().to_string()),
        Expr::BytesLiteral(b) => Value::Bytes(Rc::new(b.value.bytes().collect())),
        Expr::BooleanLiteral(b) => Value::Bool(b.value),
        Expr::NoneLiteral(_) => Value::None,
        Expr::Tuple(t) => Value::tuple(t.elts.iter().map(literal).collect::<Option<Vec<_>>>()?),
        Expr::UnaryOp(u) if u.op == ast::UnaryOp::USub => match literal(&u.operand)? {
            Value::Int(i) => Value::Int(i.checked_neg()?),
            Value::Float(f) => Value::Float(-f),
            _ => return None,
        },
        _ => return None,
    })
}

fn literal_hash(v: &Value) -> Option<i64> {
    Some(match v {
        Value::Int(i) => hash::hash_i64(*i),
        Value::BigInt(b) => hash::hash_bigint(b),
        Value::Float(f) if !f.is_nan() => hash::hash_f64(*f, 0),
        Value::Bool(b) => *b as i64,
        Value::Str(s) => s.hash(),
        Value::Bytes(b) => hash::hash_bytes(b),
        Value::Complex(c) if !c.re.is_nan() && !c.im.is_nan() => crate::builtins::complex::hash(c),
        Value::None => 0x5f5e_1000,
        Value::Tuple(t) => {
            let hashes = t
                .items
                .iter()
                .map(literal_hash)
                .collect::<Option<Vec<_>>>()?;
            hash::hash_tuple(hashes.into_iter())
        }
        _ => return None,
    })
}

fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::Float(f) => Some(*f),
        _ => None,
    }
}

/// The `repr` of a literal `literal_value` produced.
pub(crate) fn literal_repr(v: &Value) -> String {
    match v {
        Value::Int(i) => i.to_string(),
        Value::BigInt(b) => b.to_string(),
        Value::Float(f) => crate::text::format::float_repr(*f),
        Value::Str(s) => crate::vm::ops::str_repr(s.as_str()),
        Value::Bytes(b) => crate::builtins::str::bytes_repr(b),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Tuple(t) if t.items.len() == 1 => format!("({},)", literal_repr(&t.items[0])),
        Value::Tuple(t) => {
            let items: Vec<String> = t.items.iter().map(literal_repr).collect();
            format!("({})", items.join(", "))
        }
        _ => "None".into(),
    }
}

/// Python's `==` between two literals (`1 == 1.0 == True`).
pub(crate) fn literal_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => x == y,
        (Value::BigInt(x), Value::BigInt(y)) => x == y,
        (Value::Str(x), Value::Str(y)) => x.as_str() == y.as_str(),
        (Value::Bytes(x), Value::Bytes(y)) => x == y,
        (Value::Complex(x), Value::Complex(y)) => x == y,
        (Value::Complex(z), other) | (other, Value::Complex(z)) => {
            z.im == 0.0 && number(other) == Some(z.re)
        }
        (Value::None, Value::None) => true,
        (Value::Tuple(x), Value::Tuple(y)) => {
            x.items.len() == y.items.len()
                && x.items
                    .iter()
                    .zip(y.items.iter())
                    .all(|(p, q)| literal_eq(p, q))
        }
        // Cross-type numbers (1 == 1.0 == True); exact for the i64 values floats can hold.
        _ => match (number(a), number(b)) {
            (Some(x), Some(y)) => x == y,
            _ => false,
        },
    }
}

/// The frozenset constant for a set display of literals, if every element is one.
pub(crate) fn frozenset_display(elts: &[Expr]) -> Option<Value> {
    let mut items = Vec::with_capacity(elts.len());
    for e in elts {
        let v = literal(e)?;
        items.push((literal_hash(&v)?, v));
    }
    let table = SetTable::frozen_constant(items, false, &mut |a: &Value, b: &Value| {
        Ok::<bool, Infallible>(literal_eq(a, b))
    });
    match table {
        Ok(table) => Some(Value::Set(Rc::new(PySet::new(table, true)))),
        Err(never) => match never {},
    }
}
