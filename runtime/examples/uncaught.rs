//! Raises an uncaught KeyError after printing (see tests/run_main.rs).
use portalis_runtime as rt;
use portalis_runtime::prelude::*;

fn main_() -> PyResult<()> {
    rt::print1(&"before");
    let d: Dict<String, i64> = Dict::new();
    let v = d.getitem("missing")?;
    rt::print1(v);
    Ok(())
}

fn main() {
    rt::run_main(main_);
}
