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

// Integer and float arithmetic with Python's semantics.

use portalis_runtime as rt;
use portalis_runtime::exc::{PyException, PyResult};
use portalis_runtime::repr::{PyRepr, PyStr};

pub fn floor_ops(a: i64, b: i64) -> PyResult<i64> {
    Ok(rt::int::floor_div_i64(a, b)? + rt::int::mod_i64(a, b)?)
}

pub fn mean(xs: &[f64]) -> PyResult<f64> {
    // floor division and modulo follow the divisor's sign
    let mut total: f64 = 0.0;
    for x in xs.iter().copied() {
        total += x;
    }
    Ok(rt::float::float_div(total, xs.len() as i64 as f64)?)
}

/// Exponent by squaring; types come from the call site.
pub fn power(mut base: rt::int::Int, mut exp: i64) -> rt::int::Int {
    let mut result: rt::int::Int = rt::int::Int::from_i64(1);
    while exp > 0 {
        if i64::rem_euclid(exp, 2) == 1 {
            result = rt::bigint::mul(&result, &base);
        }
        exp = i64::div_euclid(exp, 2);
        base = rt::bigint::mul(&base, &base);
    }
    result
}

pub fn main() -> PyResult<()> {
    rt::print::print(
        &[
            &floor_ops(-7, 2)?,
            &mean(&vec![1.5, 2.5])?,
            &power(rt::int::Int::from_i64(3), 5),
            &(7 as f64 / 2.0),
            &i64::pow(2, 10),
        ],
        " ",
        "\n",
    );
    Ok(())
}
