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

// One module, two lowerings: `total` is typed statically, `parse` and
// `report` need exceptions and stay dynamic; the calls between them convert.

use portalis_runtime as rt;
use portalis_runtime::exc::{PyException, PyResult};
use portalis_runtime::repr::{PyRepr, PyStr};
use portalis_runtime::value::{Class, Value};
use portalis_runtime::value::{FromValue, ToValue};
use std::rc::Rc;

pub fn parse(text: Value) -> PyResult<Value> {
    let mut value: Value = Value::None;
    value = Value::int(-1);
    let attempt1: PyResult<()> = (|| {
        value = rt::dynamic::builtin("int", &[text.clone()], &[])?;
        Ok(())
    })();
    let outcome4: PyResult<()> = match attempt1 {
        Ok(()) => Ok(()),
        Err(raised2) if raised2.is_instance_of("ValueError") => {
            let caught3 = raised2;
            (|| {
                rt::print::print(&[&Value::str("not a number:"), &text.clone()], " ", "\n");
                Ok(())
            })()
        }
        Err(raised2) => Err(raised2),
    };
    outcome4?;
    return Ok(value.clone());
    Ok(Value::None)
}

pub fn total(words: &[String]) -> PyResult<i64> {
    let mut s: i64 = 0;
    for w in words.iter().cloned() {
        s += {
            let ret1: i64 = <i64>::from_value(&parse(w.to_value())?)?;
            ret1
        };
    }
    Ok(s)
}

pub fn report(words: Value) -> PyResult<Value> {
    let attempt1: PyResult<()> = (|| {
        rt::print::print(
            &[
                &Value::str("total"),
                &({
                    let val2 = words.clone();
                    let arg3: Vec<String> = <Vec<String>>::from_value(&val2)?;
                    let ret4 = total(&arg3)?;
                    ret4.to_value()
                }),
            ],
            " ",
            "\n",
        );
        Ok(())
    })();
    let outcome7: PyResult<()> = match attempt1 {
        Ok(()) => Ok(()),
        Err(raised5) if raised5.is_instance_of("ValueError") => {
            let caught6 = raised5;
            (|| {
                rt::print::print(&[&Value::str("bad input")], " ", "\n");
                Ok(())
            })()
        }
        Err(raised5) => Err(raised5),
    };
    outcome7?;
    Ok(Value::None)
}

pub fn main() -> PyResult<()> {
    report(vec!["1".to_string(), "x".to_string(), "3".to_string()].to_value())?;
    rt::print::print(
        &[&(total(&vec!["4".to_string(), "5".to_string()])? * 2)],
        " ",
        "\n",
    );
    Ok(())
}
