//! Text algorithms ported from CPython: number formatting and parsing, and the
//! "Did you mean" suggestions of NameError and AttributeError.

pub(crate) mod format;
pub(crate) mod suggest;
