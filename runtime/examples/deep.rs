//! Recursion 100000 deep, then `sys.exit(3)` (see tests/run_main.rs).
use portalis_runtime as rt;
use portalis_runtime::prelude::*;

fn depth(n: i64) -> PyResult<i64> {
    if n == 0 {
        return Ok(0);
    }
    Ok(depth(n - 1)? + 1)
}

fn main_() -> PyResult<()> {
    rt::print(&[&"depth", &depth(100_000)?], " ", "\n");
    Err(rt::sys_exit(3))
}

fn main() {
    rt::run_main(main_);
}
