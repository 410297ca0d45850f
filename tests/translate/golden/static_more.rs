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

pub fn is_palindrome(s: &str) -> PyResult<bool> {
    let cleaned: String = ({
        let mut out1: Vec<String> = Vec::new();
        for ch in s.chars().map(String::from) {
            if rt::pystr::str_isalnum(ch.as_str()) {
                out1.push(ch.to_lowercase());
            }
        }
        out1
    })
    .into_iter()
    .collect::<Vec<String>>()
    .join("");
    Ok(cleaned.as_str() == rt::pystr::str_slice(cleaned.as_str(), None, None, Some(-1))?.as_str())
}

pub fn window(xs: &[i64], a: i64, b: i64) -> PyResult<Vec<i64>> {
    if !(a <= b) {
        return Err(PyException::assertion_error("bad range".to_string()));
    }
    Ok([
        &rt::list::list_slice(xs, Some(a), Some(b), None)?[..],
        &rt::list::list_slice(xs, None, None, Some(-2))?[..],
    ]
    .concat())
}

pub fn count_words(text: &str) -> rt::dict::Dict<String, i64> {
    let mut counts: rt::dict::Dict<String, i64> = <rt::dict::Dict<String, i64>>::new();
    for word in text
        .split_whitespace()
        .map(String::from)
        .collect::<Vec<String>>()
        .into_iter()
    {
        let val1: i64 = counts.get_or(word.as_str(), 0) + 1;
        counts.insert(word.clone(), val1);
    }
    counts
}

pub fn age_of(name: &str) -> PyResult<i64> {
    let ages: rt::dict::Dict<String, i64> = {
        let mut dict1 = <rt::dict::Dict<String, i64>>::new();
        dict1.insert("ann".to_string(), 31);
        dict1.insert("bob".to_string(), 27);
        dict1
    };
    if ages.contains_key(name) {
        return Ok(*ages.getitem(name)? + ages.len() as i64);
    }
    Ok(-1)
}

pub fn row(name: &str, qty: i64, price: f64, width: i64) -> PyResult<String> {
    let line: String = format!(
        "{}{}{}",
        <String as rt::value::FromValue>::from_value(&rt::dynamic::method(
            &rt::value::Value::str("{:<6}|{:>3d}|"),
            "format",
            &[
                rt::value::ToValue::to_value(name),
                rt::value::ToValue::to_value(&qty),
            ],
            &[],
        )?)?,
        <String as rt::value::FromValue>::from_value(&rt::dynamic::method(
            &rt::value::Value::str(name),
            "center",
            &[
                rt::value::ToValue::to_value(&8),
                rt::value::ToValue::to_value("*"),
            ],
            &[],
        )?)?,
        rt::fmt::py_format(&price, ".1f")?
    );
    Ok(format!(
        "{}{}{}",
        line,
        format!(
            "[{}]",
            rt::fmt::py_format(&price, format!(">{}.2f", width).as_str())?
        ),
        <String as rt::value::FromValue>::from_value(&rt::dynamic::percent(
            &rt::value::Value::str("%s=%d"),
            &rt::value::ToValue::to_value(&(name.to_string(), qty)),
        )?)?
    ))
}

pub fn main() -> PyResult<()> {
    let mut e: Value = Value::None;
    rt::print::print(
        &[&({
            let val1 = Value::str("ab");
            let arg2: String = <String>::from_value(&val1)?;
            let val3 = Value::int(3);
            let arg4: i64 = <i64>::from_value(&val3)?;
            let val5 = Value::from(2.5);
            let arg6: f64 = <f64>::from_value(&val5)?;
            let val7 = Value::int(7);
            let arg8: i64 = <i64>::from_value(&val7)?;
            let ret9 = row(&arg2, arg4, arg6, arg8)?;
            ret9.to_value()
        })],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &({
                let val10 = Value::str("No lemon, no melon");
                let arg11: String = <String>::from_value(&val10)?;
                let ret12 = is_palindrome(&arg11)?;
                ret12.to_value()
            }),
            &({
                let val13 = Value::list(vec![
                    Value::int(1),
                    Value::int(2),
                    Value::int(3),
                    Value::int(4),
                    Value::int(5),
                ]);
                let arg14: Vec<i64> = <Vec<i64>>::from_value(&val13)?;
                let val15 = Value::int(1);
                let arg16: i64 = <i64>::from_value(&val15)?;
                let val17 = Value::int(3);
                let arg18: i64 = <i64>::from_value(&val17)?;
                let ret19 = window(&arg14, arg16, arg18)?;
                ret19.to_value()
            }),
            &Value::str("hello").getslice(
                rt::dynamic::opt_i64(&Value::int(1))?,
                rt::dynamic::opt_i64(&Value::int(-1))?,
                None,
            )?,
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &({
                let val20 = Value::str("a b a c a b");
                let arg21: String = <String>::from_value(&val20)?;
                let ret22 = count_words(&arg21);
                ret22.to_value()
            }),
            &({
                let val23 = Value::str("bob");
                let arg24: String = <String>::from_value(&val23)?;
                let ret25 = age_of(&arg24)?;
                ret25.to_value()
            }),
            &({
                let val26 = Value::str("zed");
                let arg27: String = <String>::from_value(&val26)?;
                let ret28 = age_of(&arg27)?;
                ret28.to_value()
            }),
        ],
        " ",
        "\n",
    );
    let attempt29: PyResult<()> = (|| {
        {
            let val30 = Value::list(vec![Value::int(1)]);
            let arg31: Vec<i64> = <Vec<i64>>::from_value(&val30)?;
            let val32 = Value::int(3);
            let arg33: i64 = <i64>::from_value(&val32)?;
            let val34 = Value::int(1);
            let arg35: i64 = <i64>::from_value(&val34)?;
            let ret36 = window(&arg31, arg33, arg35)?;
            ret36.to_value()
        };
        Ok(())
    })();
    let outcome39: PyResult<()> = match attempt29 {
        Ok(()) => Ok(()),
        Err(raised37) if raised37.is_instance_of("AssertionError") => {
            let caught38 = raised37;
            (|| {
                e = rt::dynamic::exception_value(&caught38);
                rt::print::print(&[&Value::str("assert:"), &e.clone()], " ", "\n");
                Ok(())
            })()
        }
        Err(raised37) => Err(raised37),
    };
    outcome39?;
    Ok(())
}
