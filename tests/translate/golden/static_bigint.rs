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

pub fn factorial(n: i64) -> rt::int::Int {
    // Integers that may outgrow i64 are typed statically as the runtime's Int;
    // everything else stays i64.
    let mut result: rt::int::Int = rt::int::Int::from_i64(1);
    for k in 2..n + 1 {
        result = rt::bigint::mul(&result, &rt::int::Int::from_i64(k));
    }
    result
}

pub fn fib(n: i64) -> rt::int::Int {
    let mut a: rt::int::Int = Default::default();
    let mut b: rt::int::Int = Default::default();
    (a, b) = (rt::int::Int::from_i64(0), rt::int::Int::from_i64(1));
    for _ in 0..n {
        (a, b) = (b.clone(), rt::bigint::add(&a, &b));
    }
    a
}

pub fn count_down(mut n: i64) -> i64 {
    let mut steps: i64 = 0;
    while n > 0 {
        n -= 1;
        steps += 1;
    }
    steps
}

pub fn main() -> PyResult<()> {
    let big: rt::int::Int = factorial(25);
    rt::print::print(&[&big, &fib(90), &count_down(5)], " ", "\n");
    rt::print::print(
        &[
            &rt::bigint::floor_div(
                &big,
                &rt::bigint::pow(&rt::int::Int::from_i64(10), &rt::int::Int::from_i64(20))?,
            )?,
            &rt::bigint::modulo(&big, &rt::int::Int::from_i64(1000000007))?,
            &rt::bigint::floor_div(&rt::bigint::neg(&big), &rt::int::Int::from_i64(7))?,
            &rt::bigint::abs(&rt::bigint::neg(&big)),
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &rt::bigint::sub(
                &rt::bigint::pow(&rt::int::Int::from_i64(2), &rt::int::Int::from_i64(64))?,
                &rt::int::Int::from_i64(1),
            ),
            &(&rt::bigint::lit("12345678901234567890") < &big),
            &format!(
                "{}",
                rt::fmt::py_format(
                    &rt::bigint::pow(&rt::int::Int::from_i64(2), &rt::int::Int::from_i64(70))?,
                    ",",
                )?
            ),
            &std::cmp::max(
                big.clone(),
                rt::bigint::pow(&rt::int::Int::from_i64(3), &rt::int::Int::from_i64(30))?,
            ),
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &rt::bigint::true_div(
                &big,
                &rt::bigint::pow(&rt::int::Int::from_i64(2), &rt::int::Int::from_i64(40))?,
            )?,
            &rt::bigint::pow(&rt::int::Int::from_i64(3), &rt::int::Int::from_i64(50))?,
            &rt::int::pow_mod_i64(2, 100, 1000000007)?,
        ],
        " ",
        "\n",
    );
    Ok(())
}
