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
    rt::print::print(&[&row("ab", 3, 2.5, 7)?], " ", "\n");
    rt::print::print(
        &[
            &is_palindrome("No lemon, no melon")?,
            &window(&vec![1, 2, 3, 4, 5], 1, 3)?,
            &rt::pystr::str_slice("hello", Some(1), Some(-1), None)?,
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &count_words("a b a c a b"),
            &age_of("bob")?,
            &age_of("zed")?,
        ],
        " ",
        "\n",
    );
    let attempt1: PyResult<()> = (|| {
        window(&vec![1], 3, 1)?;
        Ok(())
    })();
    let outcome4: PyResult<()> = match attempt1 {
        Ok(()) => Ok(()),
        Err(raised2) if raised2.is_instance_of("AssertionError") => {
            let caught3 = raised2;
            (|| {
                let e = caught3.clone();
                rt::print::print(&[&"assert:", &e], " ", "\n");
                Ok(())
            })()
        }
        Err(raised2) => Err(raised2),
    };
    outcome4?;
    Ok(())
}
