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
use portalis_runtime::value::{Class, Value};
use portalis_runtime::value::{FromValue, ToValue};
use std::rc::Rc;

pub fn traced(r#fn: Value) -> PyResult<Value> {
    let mut wrapper: Value = Value::None;
    wrapper = {
        let r#fn = r#fn.clone();
        Value::func(
            "wrapper",
            rt::dynamic::lambda(move |args__: &[Value]| {
                let n: Value = rt::dynamic::arg_or(args__, 0, Value::None);
                rt::dynamic::set_global(
                    "calls",
                    rt::dynamic::iadd(&rt::dynamic::get_global("calls")?, &Value::int(1))?,
                );
                return Ok(r#fn.clone().call(&[n.clone()])?);
                Ok(Value::None)
            }),
        )
    };
    wrapper.clone().setattr("inner", r#fn.clone())?;
    return Ok(wrapper.clone());
    Ok(Value::None)
}

pub fn square(n: Value) -> PyResult<Value> {
    return Ok(n.mul(&n)?);
    Ok(Value::None)
}

pub fn make_counter(start: Value) -> PyResult<Value> {
    let mut bump: Value = Value::None;
    let count = rt::closure::Cell::new(Value::None);
    count.set(start.clone());
    bump = {
        let count = count.clone();
        let default1 = Value::int(1);
        Value::func(
            "bump",
            rt::dynamic::lambda(move |args__: &[Value]| {
                let by: Value = rt::dynamic::arg_or(args__, 0, default1.clone());
                count.set(rt::dynamic::iadd(&count.get(), &by.clone())?);
                return Ok(count.get());
                Ok(Value::None)
            }),
        )
    };
    return Ok(bump.clone());
    Ok(Value::None)
}

pub fn fact(n: i64) -> rt::int::Int {
    fact_go(n)
}

pub fn fact_go(k: i64) -> rt::int::Int {
    if k <= 1 {
        rt::int::Int::from_i64(1)
    } else {
        rt::bigint::mul(&rt::int::Int::from_i64(k), &fact_go(k - 1))
    }
}

pub fn apply_all(x: Value, funcs: Value) -> PyResult<Value> {
    return Ok({
        let mut out1 = Vec::new();
        for item2 in funcs.clone().iter()? {
            let f_3 = item2;
            out1.push(f_3.clone().call(&[x.clone()])?);
        }
        Value::list(out1)
    });
    Ok(Value::None)
}

pub fn main() -> PyResult<()> {
    let mut c: Value = Value::None;
    let mut late: Value = Value::None;
    let mut bound: Value = Value::None;
    rt::dynamic::set_global("calls", Value::int(0));
    rt::dynamic::set_global(
        "square",
        Value::func_kw("traced", |a, kw| {
            let mut bound = rt::args::bind("traced(fn)", a, kw)?;
            traced(rt::args::take(&mut bound, 0))
        })
        .call(&[Value::func_kw("square", |a, kw| {
            let mut bound = rt::args::bind("square(n)", a, kw)?;
            square(rt::args::take(&mut bound, 0))
        })])?,
    );
    c = make_counter(Value::int(10))?;
    c.clone().call(&[])?;
    rt::print::print(
        &[
            &c.clone().call(&[Value::int(5)])?,
            &({
                let val1 = Value::int(6);
                let arg2: i64 = <i64>::from_value(&val1)?;
                let ret3 = fact(arg2);
                ret3.to_value()
            }),
            &rt::dynamic::get_global("square")?.call(&[Value::int(7)])?,
            &rt::dynamic::get_global("calls")?,
        ],
        " ",
        "\n",
    );
    late = {
        let i_6 = rt::closure::Cell::new(Value::None);
        let mut out4 = Vec::new();
        for item5 in rt::dynamic::builtin("range", &[Value::int(3)], &[])?.iter()? {
            i_6.set(item5);
            out4.push({
                let i_6 = i_6.clone();
                Value::func(
                    "<lambda>",
                    rt::dynamic::lambda(move |args__: &[Value]| Ok(i_6.get())),
                )
            });
        }
        Value::list(out4)
    };
    bound = {
        let mut out7 = Vec::new();
        for item8 in rt::dynamic::builtin("range", &[Value::int(3)], &[])?.iter()? {
            let i_9 = item8;
            out7.push({
                let default10 = i_9.clone();
                Value::func(
                    "<lambda>",
                    rt::dynamic::lambda(move |args__: &[Value]| {
                        let i: Value = rt::dynamic::arg_or(args__, 0, default10.clone());
                        Ok(i.clone())
                    }),
                )
            });
        }
        Value::list(out7)
    };
    rt::print::print(
        &[
            &({
                let mut out11 = Vec::new();
                for item12 in late.clone().iter()? {
                    let f_13 = item12;
                    out11.push(f_13.clone().call(&[])?);
                }
                Value::list(out11)
            }),
            &({
                let mut out14 = Vec::new();
                for item15 in bound.clone().iter()? {
                    let f_16 = item15;
                    out14.push(f_16.clone().call(&[])?);
                }
                Value::list(out14)
            }),
            &apply_all(
                Value::int(4),
                Value::tuple(vec![
                    Value::func("abs", |a: &[Value]| rt::dynamic::builtin("abs", a, &[])),
                    Value::func(
                        "<lambda>",
                        rt::dynamic::lambda(move |args__: &[Value]| {
                            let v: Value = rt::dynamic::arg_or(args__, 0, Value::None);
                            Ok(v.add(&Value::int(1))?)
                        }),
                    ),
                ]),
            )?,
        ],
        " ",
        "\n",
    );
    Ok(())
}
