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

pub fn parse_amount(text: &str) -> PyResult<Option<i64>> {
    let attempt1: PyResult<Option<Option<i64>>> = (|| {
        return Ok(Some(Some(rt::int::Int::parse(text, 10)?.to_i64_checked()?)));
        Ok(None)
    })();
    let outcome4: PyResult<Option<Option<i64>>> = match attempt1 {
        Ok(None) => Ok(None),
        Ok(flow) => Ok(flow),
        Err(raised2) if raised2.is_instance_of("ValueError") => {
            let caught3 = raised2;
            (|| {
                return Ok(Some(None));
                Ok(None)
            })()
        }
        Err(raised2) => Err(raised2),
    };
    rt::print::print(&[&"parsed", &text.py_repr()], " ", "\n");
    match outcome4? {
        Some(ret5) => {
            return Ok(ret5);
        }
        _ => {}
    }
    Ok(None)
}

pub fn checked_div(a: i64, b: i64) -> PyResult<i64> {
    if b == 0 {
        return Err(rt::dynamic::exception(
            "ZeroDivisionError",
            &[rt::value::ToValue::to_value("no zero, please")],
        ));
    }
    Ok(rt::int::floor_div_i64(a, b)?)
}

pub fn safe_ratio(a: i64, b: i64) -> PyResult<f64> {
    let mut q: i64 = 0;
    let attempt1: PyResult<Option<f64>> = (|| {
        q = checked_div(a, b)?;
        Ok(None)
    })();
    let outcome4: PyResult<Option<f64>> = match attempt1 {
        Ok(None) => (|| {
            rt::print::print(&[&"quotient", &q], " ", "\n");
            Ok(None)
        })(),
        Ok(flow) => Ok(flow),
        Err(raised2)
            if raised2.is_instance_of("ZeroDivisionError")
                || raised2.is_instance_of("KeyError") =>
        {
            let caught3 = raised2;
            (|| {
                let e = caught3.clone();
                rt::print::print(&[&"caught:", &e], " ", "\n");
                return Ok(Some(-1.0));
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
    Ok(rt::int::true_div_i64(a, b)?)
}

pub fn lookup(d: rt::dict::Dict<String, i64>, key: &str) -> PyResult<i64> {
    let mut total: i64 = 0;
    for k in vec![key.to_string(), format!("{}!", key)].into_iter() {
        let attempt1: PyResult<()> = (|| {
            total += *d.getitem(k.as_str())?;
            Ok(())
        })();
        let outcome4: PyResult<()> = match attempt1 {
            Ok(()) => Ok(()),
            Err(raised2) if raised2.is_instance_of("KeyError") => {
                let caught3 = raised2;
                (|| {
                    let e = caught3.clone();
                    rt::print::print(&[&"missing", &e], " ", "\n");
                    Ok(())
                })()
            }
            Err(raised2) => Err(raised2),
        };
        outcome4?;
    }
    Ok(total)
}

pub fn reraise(n: i64) -> PyResult<i64> {
    let attempt1: PyResult<Option<i64>> = (|| {
        if n < 0 {
            return Err(rt::dynamic::exception(
                "ValueError",
                &[rt::value::ToValue::to_value(&format!("negative: {}", n))],
            ));
        }
        return Ok(Some(n));
        Ok(None)
    })();
    let outcome4: PyResult<Option<i64>> = match attempt1 {
        Ok(None) => Ok(None),
        Ok(flow) => Ok(flow),
        Err(raised2) if raised2.is_instance_of("ValueError") => {
            let caught3 = raised2;
            (|| {
                rt::print::print(&[&"reraising"], " ", "\n");
                return Err(caught3.clone());
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
    rt::print::print(
        &[&({
            let mut out1: Vec<Option<i64>> = Vec::new();
            for t in vec!["12".to_string(), "x1".to_string(), "-7".to_string()].into_iter() {
                out1.push(parse_amount(t.as_str())?);
            }
            out1
        })],
        " ",
        "\n",
    );
    rt::print::print(&[&safe_ratio(7, 2)?, &safe_ratio(1, 0)?], " ", "\n");
    rt::print::print(
        &[
            &lookup(
                {
                    let mut dict2 = <rt::dict::Dict<String, i64>>::new();
                    dict2.insert("a".to_string(), 1);
                    dict2.insert("a!".to_string(), 2);
                    dict2
                },
                "a",
            )?,
            &lookup(
                {
                    let mut dict3 = <rt::dict::Dict<String, i64>>::new();
                    dict3.insert("b".to_string(), 5);
                    dict3
                },
                "b",
            )?,
        ],
        " ",
        "\n",
    );
    rt::print::print(&[&reraise(3)?], " ", "\n");
    let attempt4: PyResult<()> = (|| {
        reraise(-1)?;
        Ok(())
    })();
    let outcome7: PyResult<()> = match attempt4 {
        Ok(()) => Ok(()),
        Err(raised5) if raised5.is_instance_of("Exception") => {
            let caught6 = raised5;
            (|| {
                let e = caught6.clone();
                rt::print::print(&[&"outer:", &e], " ", "\n");
                Ok(())
            })()
        }
        Err(raised5) => Err(raised5),
    };
    outcome7?;
    let attempt8: PyResult<()> = (|| {
        checked_div(1, 0)?;
        Ok(())
    })();
    let outcome11: PyResult<()> = match attempt8 {
        Ok(()) => Ok(()),
        Err(raised9) if raised9.is_instance_of("ArithmeticError") => {
            let caught10 = raised9;
            (|| {
                let e = caught10.clone();
                rt::print::print(&[&"arith:", &e], " ", "\n");
                Ok(())
            })()
        }
        Err(raised9) => Err(raised9),
    };
    rt::print::print(&[&"done"], " ", "\n");
    outcome11?;
    Ok(())
}
