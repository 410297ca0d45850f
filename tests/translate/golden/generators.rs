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

pub fn countdown(mut n: Value) -> PyResult<Value> {
    let mut state1: u32 = 0;
    Ok(rt::gen::generator(move |mut gen_sent: Value| loop {
        match state1 {
            0 => {
                state1 = 1;
                continue;
            }
            1 => {
                if !n.gt(&Value::int(0))? {
                    state1 = 2;
                    continue;
                }
                state1 = 3;
                return Ok(Some(n.clone()));
            }
            2 => {
                return Err(rt::gen::stop(Value::str("liftoff")));
            }
            3 => {
                n = n.clone().sub(&Value::int(1))?;
                state1 = 1;
                continue;
            }
            4 => {
                return Ok(None);
            }
            _ => return Ok(None),
        }
    }))
}

pub fn pairs(items: Value) -> PyResult<Value> {
    let mut i: Value = Value::None;
    let mut x: Value = Value::None;
    let mut state1: u32 = 0;
    let mut iter2 = Value::None;
    Ok(rt::gen::generator(move |mut gen_sent: Value| loop {
        match state1 {
            0 => {
                iter2 = rt::gen::iter(&rt::dynamic::builtin("enumerate", &[items.clone()], &[])?)?;
                state1 = 1;
                continue;
            }
            1 => {
                let item3 = match rt::gen::next(&iter2)? {
                    Some(v) => v,
                    _ => {
                        state1 = 2;
                        continue;
                    }
                };
                let parts4 = rt::dynamic::unpack(&item3, 2)?;
                i = parts4[0].clone();
                x = parts4[1].clone();
                if !x.is(&Value::None) {
                    state1 = 3;
                    continue;
                }
                state1 = 1;
                continue;
            }
            2 => {
                return Ok(None);
            }
            3 => {
                state1 = 5;
                return Ok(Some(Value::tuple(vec![i.clone(), x.clone()])));
            }
            4 => {
                state1 = 3;
                continue;
            }
            5 => {
                state1 = 1;
                continue;
            }
            _ => return Ok(None),
        }
    }))
}

pub fn relay() -> PyResult<Value> {
    let mut result: Value = Value::None;
    let mut got: Value = Value::None;
    let mut state1: u32 = 0;
    let mut sub2 = Value::None;
    Ok(rt::gen::generator(move |mut gen_sent: Value| loop {
        match state1 {
            0 => {
                sub2 = rt::gen::iter(&countdown(Value::int(2))?)?;
                state1 = 1;
                continue;
            }
            1 => {
                let mut returned3 = Value::None;
                match rt::gen::delegate(
                    &sub2,
                    std::mem::replace(&mut gen_sent, Value::None),
                    &mut returned3,
                )? {
                    Some(v) => return Ok(Some(v)),
                    _ => {}
                }
                result = returned3;
                state1 = 2;
                return Ok(Some(result.clone()));
            }
            2 => {
                got = std::mem::replace(&mut gen_sent, Value::None);
                state1 = 3;
                return Ok(Some(got.clone()));
            }
            3 => {
                return Ok(None);
            }
            _ => return Ok(None),
        }
    }))
}

pub fn naturals() -> PyResult<Value> {
    let mut n: Value = Value::None;
    let mut state1: u32 = 0;
    Ok(rt::gen::generator(move |mut gen_sent: Value| loop {
        match state1 {
            0 => {
                n = Value::int(0);
                state1 = 1;
                continue;
            }
            1 => {
                state1 = 3;
                return Ok(Some(n.clone()));
            }
            2 => {
                return Ok(None);
            }
            3 => {
                n = rt::dynamic::iadd(&n.clone(), &Value::int(1))?;
                state1 = 1;
                continue;
            }
            _ => return Ok(None),
        }
    }))
}

pub fn main() -> PyResult<()> {
    let mut k: Value = Value::None;
    let mut r: Value = Value::None;
    for item1 in rt::gen::each(&countdown(Value::int(3))?)? {
        k = item1?;
        rt::print::print(&[&k.clone()], " ", "\n");
    }
    rt::print::print(
        &[&rt::dynamic::builtin(
            "list",
            &[pairs(Value::list(vec![
                Value::str("a"),
                Value::None,
                Value::str("b"),
            ]))?],
            &[],
        )?],
        " ",
        "\n",
    );
    r = relay()?;
    rt::print::print(
        &[
            &rt::dynamic::builtin("next", &[r.clone()], &[])?,
            &rt::dynamic::builtin("next", &[r.clone()], &[])?,
            &rt::dynamic::builtin("next", &[r.clone()], &[])?,
            &rt::dynamic::method(&r.clone(), "send", &[Value::str("sent")], &[])?,
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &rt::dynamic::builtin(
                "list",
                &[rt::dynamic::builtin(
                    "zip",
                    &[naturals()?, Value::str("xy")],
                    &[],
                )?],
                &[],
            )?,
            &rt::dynamic::builtin(
                "sum",
                &[{
                    let iter2 =
                        rt::gen::iter(&rt::dynamic::builtin("range", &[Value::int(4)], &[])?)?;
                    rt::gen::generator(move |_sent: Value| loop {
                        let item3 = match rt::gen::next(&iter2)? {
                            Some(v) => v,
                            _ => return Ok(None),
                        };
                        let x_4 = item3;
                        return Ok(Some(x_4.mul(&x_4)?));
                    })
                }],
                &[],
            )?,
        ],
        " ",
        "\n",
    );
    Ok(())
}
