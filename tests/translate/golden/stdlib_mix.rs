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

pub fn paths(arg0: Value) -> PyResult<Value> {
    fn uncached(n: Value) -> PyResult<Value> {
        return Ok(if n.lt(&Value::int(2))? {
            Value::int(1)
        } else {
            paths(n.sub(&Value::int(1))?)?.add(&paths(n.sub(&Value::int(2))?)?)?
        });
        Ok(Value::None)
    }
    rt::dynstd::functools::cached_call("paths", -1, vec![arg0], |v: &[Value]| {
        uncached(v[0].clone())
    })
}

pub fn scale(x: Value, factor: Value) -> PyResult<Value> {
    return Ok(x.mul(&factor)?);
    Ok(Value::None)
}

pub fn main() -> PyResult<()> {
    let mut pair: Value = Value::None;
    let mut double: Value = Value::None;
    let mut counts: Value = Value::None;
    pair = rt::dynamic::module_call(
        "collections.namedtuple",
        &[Value::str("Pair"), Value::str("left right")],
        &[],
    )?;
    double = {
        let partial1 = Value::int(2);
        Value::func("scale", move |a: &[Value]| {
            scale(
                rt::dynstd::functools::partial_arg(a, 0, "scale", "x")?,
                partial1.clone(),
            )
        })
    };
    counts = rt::dynamic::module_call("collections.Counter", &[Value::str("mississippi")], &[])?;
    rt::print::print(
        &[
            &rt::dynamic::method(&counts.clone(), "most_common", &[Value::int(2)], &[])?,
            &pair.clone().call(&[Value::int(1), Value::int(2)])?,
            &rt::dynamic::module_call("fractions.Fraction", &[Value::int(1), Value::int(3)], &[])?
                .add(&Value::int(1))?,
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &paths(Value::int(30))?,
            &rt::dynstd::functools::cache_info("paths", -1)?,
            &double.clone().call(&[Value::int(21)])?,
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &rt::dynamic::builtin(
                "list",
                &[rt::dynamic::module_call(
                    "itertools.chain.from_iterable",
                    &[Value::list(vec![
                        Value::list(vec![Value::int(1)]),
                        Value::list(vec![Value::int(2), Value::int(3)]),
                    ])],
                    &[],
                )?],
                &[],
            )?,
            &Value::list(rt::dynamic::spread(vec![
                (false, Value::int(0)),
                (
                    true,
                    rt::dynamic::module_call(
                        "itertools.islice",
                        &[
                            rt::dynamic::module_call("itertools.count", &[Value::int(5)], &[])?,
                            Value::int(2),
                        ],
                        &[],
                    )?,
                ),
            ])?),
        ],
        " ",
        "\n",
    );
    Ok(())
}
