#![allow(
    unused_mut,
    unused_variables,
    unused_assignments,
    unused_parens,
    unused_imports,
    dead_code,
    non_snake_case,
    unreachable_code,
    clippy::all
)]

use portalis_runtime as rt;
use portalis_runtime::exc::{PyException, PyResult};
use portalis_runtime::repr::{PyRepr, PyStr};

pub fn ok(n: i64) -> i64 {
    n + 1
}

/// Stub: not translated yet (With statement).
pub fn uses_with(_path: &str) -> PyResult<String> {
    Err(PyException::not_implemented("With statement at line 6"))
}

pub fn main() -> PyResult<()> {
    rt::print::print(&[&ok(1)], " ", "\n");
    Ok(())
}
