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

pub fn pick(flag: bool) -> rt::num::Num {
    if flag {
        return rt::num::Num::Int(3);
    }
    rt::num::Num::Float(2.5)
}

pub fn stats(xs: &[rt::num::Num]) -> PyResult<(rt::num::Num, rt::num::Num, f64)> {
    let lo: rt::num::Num = rt::builtins::min(xs.iter().copied())?;
    let hi: rt::num::Num = rt::builtins::max(xs.iter().copied())?;
    Ok((
        lo,
        hi,
        rt::num::div(
            rt::num::sum(xs.iter().copied())?,
            rt::num::Num::Int(xs.len() as i64),
        )?,
    ))
}

pub fn main() -> PyResult<()> {
    let vals: Vec<rt::num::Num> = vec![pick(true), pick(false), rt::num::Num::Int(7)];
    rt::print::print(
        &[
            &vals,
            &stats(&vals)?,
            &rt::list::sorted(vals.iter().copied(), false),
            &vals.contains(&rt::num::Num::Int(3)),
            &rt::num::mul(vals[0], rt::num::Num::Int(2))?,
            &rt::num::neg(vals[1])?,
        ],
        " ",
        "\n",
    );
    let mut d: rt::dict::Dict<String, rt::num::Num> = {
        let mut dict1 = <rt::dict::Dict<String, rt::num::Num>>::new();
        dict1.insert("a".to_string(), pick(true));
        dict1.insert("b".to_string(), pick(false));
        dict1
    };
    let val2: rt::num::Num = rt::num::Num::Int(4);
    d.insert("c".to_string(), val2);
    rt::print::print(
        &[
            &d,
            &rt::num::add(*d.getitem("a")?, *d.getitem("b")?)?,
            &format!(
                "{} {}",
                (*d.getitem("a")?).py_repr(),
                rt::fmt::py_format(&*d.getitem("b")?, ">6.2f")?
            ),
        ],
        " ",
        "\n",
    );
    let mut best: rt::num::Num = rt::num::Num::Int(0);
    for v in vals.iter().copied() {
        if v > best {
            best = v;
        }
    }
    rt::print::print(
        &[
            &best,
            &(best == rt::num::Num::Int(7)),
            &(best != rt::num::Num::Float(7.0)),
            &rt::num::abs(rt::num::sub(best, rt::num::Num::Int(10))?)?,
            &rt::float::round_f64_to_i64(rt::num::div(best, rt::num::Num::Int(2))?)?,
            &rt::num::pow(best, rt::num::Num::Int(2))?,
        ],
        " ",
        "\n",
    );
    let mut xs: Vec<rt::num::Num> = vec![rt::num::Num::Int(1), rt::num::Num::Float(2.0)];
    rt::list::list_sort(&mut xs, false);
    rt::print::print(
        &[
            &xs,
            &rt::num::max2(rt::num::Num::Int(1), rt::num::Num::Float(2.0)),
            &rt::num::min2(rt::num::Num::Float(2.0), rt::num::Num::Int(1)),
        ],
        " ",
        "\n",
    );
    Ok(())
}
