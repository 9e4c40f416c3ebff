//! TEMPORARY STUB so the crate compiles; the str/bytes methods are being written.
use std::rc::Rc;
use crate::objects::{PyStr, Value};
use crate::vm::{PyResult, Vm};
pub(super) fn install(_t: &crate::vm::types::BuiltinTypes) {}
pub(crate) fn percent_format(_vm: &mut Vm<'_>, _fmt: &Rc<PyStr>, _args: &Value) -> PyResult<Value> {
    Err(crate::vm::type_error("not yet"))
}
pub(crate) fn bytes_repr(b: &[u8]) -> String {
    format!("b{:?}", String::from_utf8_lossy(b))
}
