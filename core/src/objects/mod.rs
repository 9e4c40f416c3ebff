//! The object model and the data structures behind it.

mod abandoned;
pub(crate) mod dict_table;
pub(crate) mod hash;
pub(crate) mod set_table;
mod trashcan;
mod value;

use std::rc::Rc;

pub(crate) use abandoned::AbandonedFrames;
pub(crate) use value::*;

use crate::compiler::Code;

pub(crate) fn code_value(code: Rc<Code>) -> Value {
    Value::Code(code)
}
