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

// User exception classes raised and caught in static functions.

use portalis_runtime as rt;
use portalis_runtime::exc::{PyException, PyResult};
use portalis_runtime::repr::{PyRepr, PyStr};
use portalis_runtime::value::{Class, Value};
use portalis_runtime::value::{FromValue, ToValue};
use std::rc::Rc;

/// The fields of Python's exception class `ParseError` (the payload of its PyException).
pub struct ParseError {
    pub line: i64,
    pub msg: String,
}

impl ParseError {
    /// Python's `ParseError(...)`: the exception its `__init__` builds (`class` names the class raised).
    pub fn init(class: &str, line: i64, msg: &str) -> PyException {
        let mut exc = rt::exc_fields::new(class, vec![]);
        rt::exc_fields::set_args(
            &mut exc,
            vec![rt::value::ToValue::to_value(&format!(
                "line {}: {}",
                line, msg
            ))],
        );
        let mut field_line: i64 = line;
        let mut field_msg: String = msg.to_string();
        exc.with_payload(ParseError {
            line: field_line,
            msg: field_msg,
        })
    }
}

/// The fields of Python's exception class `CodeError` (the payload of its PyException).
pub struct CodeError {
    pub code: i64,
}

impl CodeError {
    /// Python's `CodeError(...)`: the exception its `__init__` builds (`class` names the class raised).
    pub fn init(class: &str, code: i64) -> PyException {
        let mut exc = rt::exc_fields::new(class, vec![]);
        rt::exc_fields::set_args(
            &mut exc,
            vec![
                rt::value::ToValue::to_value(&code),
                rt::value::ToValue::to_value("failed"),
            ],
        );
        let mut field_code: i64 = code;
        exc.with_payload(CodeError { code: field_code })
    }
}

pub fn parse(text: &str, line: i64) -> PyResult<i64> {
    if text == "" {
        return Err(ParseError::init("ParseError", line, "empty"));
    }
    if text.starts_with("#") {
        return Err(ParseError::init("DeepParseError", line, "comment"));
    }
    if text == "bad" {
        return Err(CodeError::init("CodeError", 7));
    }
    if text == "plain" {
        return Err(rt::dynamic::exception(
            "Plain",
            &[
                rt::value::ToValue::to_value("just"),
                rt::value::ToValue::to_value(&2),
            ],
        ));
    }
    Ok(text.chars().count() as i64)
}

pub fn run(lines: &[String]) -> PyResult<i64> {
    let mut total: i64 = 0;
    for (i, t) in lines
        .iter()
        .cloned()
        .enumerate()
        .map(|(i, x)| (i as i64, x))
    {
        let attempt1: PyResult<()> = (|| {
            total += parse(t.as_str(), i + 1)?;
            Ok(())
        })();
        let outcome6: PyResult<()> = match attempt1 {
            Ok(()) => Ok(()),
            Err(raised2) if raised2.is_instance_of("ParseError") => {
                let caught3 = raised2;
                (|| {
                    let e = caught3.clone();
                    rt::print::print(
                        &[
                            &"parse error at",
                            &rt::exc_fields::fields::<ParseError>(&e, "line")?.line,
                            &"-",
                            &rt::exc_fields::fields::<ParseError>(&e, "msg")?.msg.clone(),
                            &"|",
                            &e,
                            &"|",
                            &(rt::exc_fields::arg::<String>(&e, 0)?,),
                            &e.class_name().to_string(),
                        ],
                        " ",
                        "\n",
                    );
                    Ok(())
                })()
            }
            Err(raised2) if raised2.is_instance_of("CodeError") => {
                let caught4 = raised2;
                (|| {
                    let e = caught4.clone();
                    rt::print::print(
                        &[
                            &"code",
                            &rt::exc_fields::fields::<CodeError>(&e, "code")?.code,
                            &(
                                rt::exc_fields::arg::<i64>(&e, 0)?,
                                rt::exc_fields::arg::<String>(&e, 1)?,
                            ),
                            &e.py_str(),
                            &e.is_instance_of("AppError"),
                            &e.is_instance_of("ValueError"),
                        ],
                        " ",
                        "\n",
                    );
                    Ok(())
                })()
            }
            Err(raised2) if raised2.is_instance_of("AppError") => {
                let caught5 = raised2;
                (|| {
                    let e = caught5.clone();
                    rt::print::print(
                        &[
                            &"app error",
                            &e,
                            &e.class_name().to_string(),
                            &(e.is_instance_of("KeyError") || e.is_instance_of("Plain")),
                        ],
                        " ",
                        "\n",
                    );
                    Ok(())
                })()
            }
            Err(raised2) => Err(raised2),
        };
        outcome6?;
    }
    Ok(total)
}

pub fn check(n: i64) -> PyResult<i64> {
    let attempt1: PyResult<()> = (|| {
        if n > 2 {
            return Err(ParseError::init("ParseError", n, "too big"));
        }
        Ok(())
    })();
    let outcome4: PyResult<()> = match attempt1 {
        Ok(()) => Ok(()),
        Err(raised2) if raised2.is_instance_of("ValueError") => {
            let caught3 = raised2;
            (|| {
                let e = caught3.clone();
                rt::print::print(
                    &[
                        &"as ValueError:",
                        &e,
                        &e.is_instance_of("AppError"),
                        &e.is_instance_of("ParseError"),
                    ],
                    " ",
                    "\n",
                );
                return Err(caught3.clone());
                Ok(())
            })()
        }
        Err(raised2) => Err(raised2),
    };
    outcome4?;
    Ok(n)
}

pub fn main() -> PyResult<()> {
    rt::exc::register_class("AppError", &["Exception"]);
    rt::exc::register_class("CodeError", &["AppError"]);
    rt::exc::register_class("DeepParseError", &["ParseError"]);
    rt::exc::register_class("ParseError", &["AppError", "ValueError"]);
    rt::exc::register_class("Plain", &["AppError"]);
    rt::print::print(
        &[&run(&vec![
            "ab".to_string(),
            String::new(),
            "#x".to_string(),
            "bad".to_string(),
            "plain".to_string(),
            "cde".to_string(),
        ])?],
        " ",
        "\n",
    );
    rt::print::print(&[&check(1)?], " ", "\n");
    let attempt1: PyResult<()> = (|| {
        check(5)?;
        Ok(())
    })();
    let outcome4: PyResult<()> = match attempt1 {
        Ok(()) => Ok(()),
        Err(raised2) if raised2.is_instance_of("AppError") => {
            let caught3 = raised2;
            (|| {
                let err = caught3.clone();
                rt::print::print(
                    &[&"re-raised:", &err.class_name().to_string(), &err],
                    " ",
                    "\n",
                );
                Ok(())
            })()
        }
        Err(raised2) => Err(raised2),
    };
    outcome4?;
    let attempt5: PyResult<()> = (|| {
        let attempt6: PyResult<()> = (|| {
            return Err(CodeError::init("CodeError", 3));
            Ok(())
        })();
        let outcome9: PyResult<()> = match attempt6 {
            Ok(()) => Ok(()),
            Err(raised7) if raised7.is_instance_of("CodeError") => {
                let caught8 = raised7;
                (|| {
                    let first = caught8.clone();
                    rt::print::print(
                        &[
                            &"first",
                            &rt::exc_fields::fields::<CodeError>(&first, "code")?.code,
                        ],
                        " ",
                        "\n",
                    );
                    return Err(first.clone());
                    Ok(())
                })()
            }
            Err(raised7) => Err(raised7),
        };
        outcome9?;
        Ok(())
    })();
    let outcome12: PyResult<()> = match attempt5 {
        Ok(()) => Ok(()),
        Err(raised10) if raised10.is_instance_of("Exception") => {
            let caught11 = raised10;
            (|| {
                let again = caught11.clone();
                rt::print::print(&[&"again", &again], " ", "\n");
                Ok(())
            })()
        }
        Err(raised10) => Err(raised10),
    };
    outcome12?;
    return Err(ParseError::init("DeepParseError", 9, "fatal"));
    Ok(())
}
