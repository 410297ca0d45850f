//! Raises an uncaught KeyError after printing (see tests/run_main.rs).
use portalis_runtime as rt;
use portalis_runtime::prelude::*;

fn main_() -> PyResult<()> {
    rt::print1(&"before");
    // Registered on the main thread before run_main: visible here.
    rt::print1(&rt::is_subclass("MissingKey", "LookupError"));
    let d: Dict<String, i64> = Dict::new();
    let v = d.getitem("missing")?;
    rt::print1(v);
    Ok(())
}

fn main() {
    rt::register_class("MissingKey", &["KeyError"]);
    rt::run_main(main_);
}
