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

pub fn fact_rec(n: i64) -> rt::int::Int {
    if n <= 1 {
        // Where big integers come from (recursion, products and sums carried by a loop,
        // shifts) and where they go (lists, divmod, floats, format specs, a dynamic
        // function, range); the hash taken modulo stays i64.
        return rt::int::Int::from_i64(1);
    }
    rt::bigint::mul(&rt::int::Int::from_i64(n), &fact_rec(n - 1))
}

pub fn power(b: i64, e: i64) -> rt::int::Int {
    if e == 0 {
        return rt::int::Int::from_i64(1);
    }
    let half: rt::int::Int = power(b, i64::div_euclid(e, 2));
    if i64::rem_euclid(e, 2) == 0 {
        return rt::bigint::mul(&half, &half);
    }
    rt::bigint::mul(&rt::bigint::mul(&half, &half), &rt::int::Int::from_i64(b))
}

pub fn collatz_peak(mut n: rt::int::Int) -> PyResult<rt::int::Int> {
    let mut peak: rt::int::Int = n.clone();
    while &n != &rt::int::Int::from_i64(1) {
        n = if &rt::bigint::modulo(&n, &rt::int::Int::from_i64(2))? == &rt::int::Int::from_i64(0) {
            rt::bigint::floor_div(&n, &rt::int::Int::from_i64(2))?
        } else {
            rt::bigint::add(
                &rt::bigint::mul(&rt::int::Int::from_i64(3), &n),
                &rt::int::Int::from_i64(1),
            )
        };
        if &n > &peak {
            peak = n.clone();
        }
    }
    Ok(peak)
}

pub fn hash_str(s: &str) -> rt::int::Int {
    let mut h: rt::int::Int = rt::int::Int::from_i64(0);
    for c in s.chars().map(String::from) {
        h = rt::bigint::add(
            &rt::bigint::mul(&h, &rt::int::Int::from_i64(31)),
            &rt::int::Int::from_i64(
                c.as_str().chars().next().expect("ord() of an empty string") as u32 as i64
            ),
        );
    }
    h
}

pub fn hash_mod(s: &str) -> i64 {
    let mut h: i64 = 0;
    for c in s.chars().map(String::from) {
        h = i64::rem_euclid(
            h * 31 + c.as_str().chars().next().expect("ord() of an empty string") as u32 as i64,
            1000000007,
        );
    }
    h
}

pub fn doubling(n: i64) -> rt::int::Int {
    let mut x: rt::int::Int = rt::int::Int::from_i64(1);
    for _ in 0..n {
        x = rt::bigint::add(&x, &x);
    }
    x
}

pub fn shifts(n: i64) -> PyResult<(rt::int::Int, rt::int::Int, rt::int::Int)> {
    let mut v: rt::int::Int = rt::int::Int::from_i64(1);
    for _ in 0..n {
        v = rt::bigint::shl(&v, &rt::int::Int::from_i64(3))?;
    }
    Ok((
        v.clone(),
        rt::bigint::shr(&v, &rt::int::Int::from_i64(100))?,
        rt::bigint::bitand(&v, &rt::int::Int::from_i64(255)),
    ))
}

pub fn describe(x: rt::int::Int) -> PyResult<String> {
    let attempt1: PyResult<Option<String>> = (|| {
        return Ok(Some(
            if &x > &rt::bigint::pow(&rt::int::Int::from_i64(2), &rt::int::Int::from_i64(64))? {
                "big".to_string()
            } else {
                "small".to_string()
            },
        ));
        Ok(None)
    })();
    let outcome4: PyResult<Option<String>> = match attempt1 {
        Ok(None) => Ok(None),
        Ok(flow) => Ok(flow),
        Err(raised2) if raised2.is_instance_of("ValueError") => {
            let caught3 = raised2;
            (|| {
                return Ok(Some("?".to_string()));
                Ok(None)
            })()
        }
        Err(raised2) => Err(raised2),
    };
    match outcome4? {
        Some(ret5) => {
            return Ok(ret5);
        }
        _ => {}
    }
    unreachable!("function fell off its end")
}

pub fn main() -> PyResult<()> {
    let mut q: rt::int::Int = Default::default();
    let mut r: rt::int::Int = Default::default();
    let mut i: i64 = 0;
    let vals: Vec<rt::int::Int> = {
        let mut out1: Vec<rt::int::Int> = Vec::new();
        for i in 18..23 {
            out1.push(fact_rec(i));
        }
        out1
    };
    rt::print::print(
        &[
            &vals,
            &({
                let mut v2: Vec<rt::int::Int> = vals.iter().cloned().collect();
                v2.sort();
                v2
            })[4],
            &std::cmp::min(vals[0].clone(), vals[1].clone()),
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &power(3, 45),
            &power(2, 10),
            &collatz_peak(rt::int::Int::from_i64(27))?,
            &collatz_peak(rt::int::Int::from_i64(77031))?,
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &hash_str("hello world, this is long"),
            &hash_mod("hello world, this is long"),
        ],
        " ",
        "\n",
    );
    rt::print::print(&[&doubling(70), &shifts(30)?], " ", "\n");
    (q, r) = rt::bigint::divmod(&fact_rec(25), &rt::int::Int::from_i64(i64::pow(10, 9)))?;
    rt::print::print(
        &[
            &q,
            &r,
            &rt::bigint::divmod(&rt::bigint::neg(&fact_rec(21)), &rt::int::Int::from_i64(7))?,
        ],
        " ",
        "\n",
    );
    let big: rt::int::Int = fact_rec(30);
    rt::print::print(
        &[
            &(rt::bigint::to_float(&big)? > 1.5e+32),
            &(rt::bigint::to_float(&big)? < 3e+32),
            &(&big == &fact_rec(30)),
            &(&big != &rt::int::Int::from_i64(0)),
            &rt::bigint::to_float(&big)?,
            &rt::bigint::true_div(&big, &rt::int::Int::from_i64(3))?,
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &rt::builtins::hex_int(&big),
            &rt::builtins::bin_int(&rt::bigint::pow(
                &rt::int::Int::from_i64(2),
                &rt::int::Int::from_i64(66),
            )?),
            &rt::bigint::add(
                &rt::bigint::parse(big.py_str().as_str())?,
                &rt::int::Int::from_i64(1),
            ),
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &describe(big.clone())?,
            &describe(rt::int::Int::from_i64(5))?,
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[&format!(
            "{}|{}|{}",
            rt::fmt::py_format(&big, ">45")?,
            rt::fmt::py_format(&big, "x")?,
            rt::fmt::py_format(&rt::bigint::neg(&big), ",")?
        )],
        " ",
        "\n",
    );
    let mut total: rt::int::Int = rt::int::Int::from_i64(0);
    for v in vals.iter().cloned() {
        total = rt::bigint::add(&total, &v);
    }
    rt::print::print(
        &[
            &total,
            &rt::bigint::sum(vals.iter().cloned()),
            &rt::bigint::abs(&rt::bigint::neg(&total)),
            &rt::bigint::neg(&rt::bigint::neg(&total)),
            &total.clone(),
        ],
        " ",
        "\n",
    );
    for i in 0..rt::bigint::to_i64(&fact_rec(3))? {
        rt::print::print(&[&i], " ", " ");
    }
    rt::print::print(&[], " ", "\n");
    if rt::bigint::truthy(&big) {
        rt::print::print(&[&"truthy", &!rt::bigint::truthy(&big)], " ", "\n");
    }
    Ok(())
}
