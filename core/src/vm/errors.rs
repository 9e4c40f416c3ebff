//! [`PyErr`], a raised Python exception, and constructors for the built-in ones.
//!
//! An error is always a real exception instance, so `except` clauses, chaining and
//! tracebacks treat native and Python-raised exceptions alike.

use std::rc::Rc;

use super::types::types;
use crate::objects::{Class, ExcData, Instance, TracebackEntry, Value};

/// A raised exception (an instance of a BaseException subclass).
pub(crate) struct PyErr(pub(crate) Value);

pub(crate) type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    /// A built-in exception by class name with a message.
    pub(crate) fn new(class: &str, message: impl Into<String>) -> PyErr {
        PyErr(new_exception(
            &types().exc(class),
            vec![Value::str(message.into())],
        ))
    }

    /// A built-in exception with no arguments (`KeyboardInterrupt`, `StopIteration`).
    pub(crate) fn new_empty(class: &str) -> PyErr {
        PyErr(new_exception(&types().exc(class), Vec::new()))
    }

    pub(crate) fn with_args(class: &Rc<Class>, args: Vec<Value>) -> PyErr {
        PyErr(new_exception(class, args))
    }

    pub(crate) fn instance(&self) -> &Rc<Instance> {
        match &self.0 {
            Value::Instance(i) => i,
            _ => unreachable!("PyErr always holds an exception instance"),
        }
    }

    pub(crate) fn data(&self) -> &ExcData {
        self.instance()
            .exc
            .as_deref()
            .expect("exception instance without ExcData")
    }

    pub(crate) fn class(&self) -> &Rc<Class> {
        &self.instance().class
    }

    /// Is this exception an instance of the built-in class `name` (or a subclass)?
    pub(crate) fn is(&self, name: &str) -> bool {
        self.class().is_subclass(&types().exc(name))
    }

    pub(crate) fn push_traceback(&self, entry: TracebackEntry) {
        self.data().traceback.borrow_mut().push(entry);
    }

    pub(crate) fn set_suggestion(self, suggestion: Option<&str>) -> PyErr {
        if let Some(s) = suggestion {
            *self.data().suggestion.borrow_mut() = Some(format!(". Did you mean: '{s}'?"));
        }
        self
    }
}

/// Create an exception instance of `class` with `args` (as `BaseException.__new__`).
pub(crate) fn new_exception(class: &Rc<Class>, args: Vec<Value>) -> Value {
    Value::Instance(Rc::new(Instance {
        class: class.clone(),
        attrs: Default::default(),
        exc: Some(Box::new(ExcData::new(Value::tuple(args)))),
        native: None,
    }))
}

pub(crate) fn type_error(message: impl Into<String>) -> PyErr {
    PyErr::new("TypeError", message)
}

pub(crate) fn value_error(message: impl Into<String>) -> PyErr {
    PyErr::new("ValueError", message)
}

pub(crate) fn index_error(message: impl Into<String>) -> PyErr {
    PyErr::new("IndexError", message)
}

pub(crate) fn key_error(key: Value) -> PyErr {
    PyErr::with_args(&types().exc("KeyError"), vec![key])
}

pub(crate) fn attribute_error(message: impl Into<String>) -> PyErr {
    PyErr::new("AttributeError", message)
}

pub(crate) fn zero_division(message: impl Into<String>) -> PyErr {
    PyErr::new("ZeroDivisionError", message)
}

pub(crate) fn overflow_error(message: impl Into<String>) -> PyErr {
    PyErr::new("OverflowError", message)
}

pub(crate) fn runtime_error(message: impl Into<String>) -> PyErr {
    PyErr::new("RuntimeError", message)
}

pub(crate) fn memory_error() -> PyErr {
    PyErr::new_empty("MemoryError")
}

/// `StopIteration(value)`.
pub(crate) fn stop_iteration(value: Value) -> PyErr {
    if value.is_none() {
        PyErr::new_empty("StopIteration")
    } else {
        PyErr::with_args(&types().exc("StopIteration"), vec![value])
    }
}
