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

pub fn parse(text: &str) -> PyResult<i64> {
    let mut value: i64 = -1;
    let attempt1: PyResult<()> = (|| {
        value = rt::int::Int::parse(text, 10)?.to_i64_checked()?;
        Ok(())
    })();
    let outcome4: PyResult<()> = match attempt1 {
        Ok(()) => Ok(()),
        Err(raised2) if raised2.is_instance_of("ValueError") => {
            let caught3 = raised2;
            (|| {
                rt::print::print(&[&"not a number:", &text], " ", "\n");
                Ok(())
            })()
        }
        Err(raised2) => Err(raised2),
    };
    outcome4?;
    Ok(value)
}

pub fn total(words: &[String]) -> PyResult<i64> {
    let mut s: i64 = 0;
    for w in words.iter().cloned() {
        s += parse(w.as_str())?;
    }
    Ok(s)
}

pub fn report(words: &[String]) -> PyResult<()> {
    let attempt1: PyResult<()> = (|| {
        rt::print::print(&[&"total", &total(words)?], " ", "\n");
        Ok(())
    })();
    let outcome4: PyResult<()> = match attempt1 {
        Ok(()) => Ok(()),
        Err(raised2) if raised2.is_instance_of("ValueError") => {
            let caught3 = raised2;
            (|| {
                rt::print::print(&[&"bad input"], " ", "\n");
                Ok(())
            })()
        }
        Err(raised2) => Err(raised2),
    };
    outcome4?;
    Ok(())
}

pub fn main() -> PyResult<()> {
    report(&vec!["1".to_string(), "x".to_string(), "3".to_string()])?;
    rt::print::print(
        &[&(total(&vec!["4".to_string(), "5".to_string()])? * 2)],
        " ",
        "\n",
    );
    Ok(())
}
