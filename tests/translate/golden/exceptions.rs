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

pub fn limit_error_init(self_: Value, limit: Value, got: Value) -> PyResult<Value> {
    rt::exc_obj::base_init(
        &self_.clone(),
        &[Value::from(format!(
            "limit {}, got {}",
            limit.clone().py_str(),
            got.clone().py_str()
        ))],
    )?;
    self_.clone().setattr("limit", limit.clone())?;
    Ok(Value::None)
}

pub fn limit_error_excess(self_: Value, got: Value) -> PyResult<Value> {
    return Ok(got.sub(&rt::dynamic::attr(&self_.clone(), "limit")?)?);
    Ok(Value::None)
}

fn make_limit_error() -> Rc<Class> {
    let c = Class::new("LimitError", Some(rt::exc_obj::exc_class("AppError")));
    c.def_method("__init__", |a: &[Value]| {
        limit_error_init(
            rt::dynamic::arg_or(a, 0, Value::None),
            rt::dynamic::arg_or(a, 1, Value::None),
            rt::dynamic::arg_or(a, 2, Value::None),
        )
    });
    c.def_method("excess", |a: &[Value]| {
        limit_error_excess(
            rt::dynamic::arg_or(a, 0, Value::None),
            rt::dynamic::arg_or(a, 1, Value::None),
        )
    });
    rt::classes::register_type("LimitError", type_limit_error);
    c
}

/// The runtime class of Python's `LimitError`.
pub fn class_limit_error() -> Rc<Class> {
    rt::dynamic::class_cached("LimitError", make_limit_error)
}

fn make_type_limit_error() -> Value {
    let t = rt::classes::new_type(&class_limit_error(), None);
    let m = rt::classes::meta_of(&t);
    m.def_method("excess", |a: &[Value]| {
        limit_error_excess(
            rt::dynamic::arg_or(a, 1, Value::None),
            rt::dynamic::arg_or(a, 2, Value::None),
        )
    });
    t
}

/// Python's class `LimitError` as a value.
pub fn type_limit_error() -> Value {
    rt::classes::type_cached("LimitError", make_type_limit_error)
}

pub fn check(n: Value) -> PyResult<Value> {
    if n.gt(&Value::int(3))? {
        return Err(rt::exc_obj::to_exception(rt::dynamic::construct(
            &class_limit_error(),
            &[Value::int(3), n.clone()],
        )?));
    }
    if n.lt(&Value::int(0))? {
        return Err(rt::dynamic::exception(
            "ValueError",
            &[Value::str("negative")],
        ));
    }
    return Ok(n.clone());
    Ok(Value::None)
}

pub fn first_ok(items: Value) -> PyResult<Value> {
    let mut x: Value = Value::None;
    let mut e: Value = Value::None;
    for item1 in rt::gen::each(&items.clone())? {
        x = item1?;
        let attempt2: PyResult<rt::exc_obj::Flow> = (|| {
            check(x.clone())?;
            Ok(rt::exc_obj::Flow::Normal)
        })();
        let outcome5: PyResult<rt::exc_obj::Flow> = match attempt2 {
            Ok(rt::exc_obj::Flow::Normal) => Ok(rt::exc_obj::Flow::Normal),
            Ok(flow) => Ok(flow),
            Err(raised3)
                if raised3.is_instance_of("ValueError") || raised3.is_instance_of("AppError") =>
            {
                let caught4 = raised3;
                (|| {
                    e = rt::dynamic::exception_value(&caught4);
                    rt::print::print(
                        &[
                            &Value::str("skip"),
                            &x.clone(),
                            &Value::str(caught4.class_name()),
                            &rt::dynamic::attr(&e.clone(), "args")?,
                        ],
                        " ",
                        "\n",
                    );
                    return Ok(rt::exc_obj::Flow::Continue);
                    Ok(rt::exc_obj::Flow::Normal)
                })()
            }
            Err(raised3) => Err(raised3),
        };
        rt::print::print(&[&Value::str("checked"), &x.clone()], " ", "\n");
        match outcome5? {
            rt::exc_obj::Flow::Continue => {
                continue;
            }
            _ => {}
        }
        return Ok(x.clone());
    }
    return Ok(Value::None);
    Ok(Value::None)
}

pub fn wrap(n: Value) -> PyResult<Value> {
    let mut e: Value = Value::None;
    let attempt1: PyResult<rt::exc_obj::Flow> = (|| {
        return Ok(rt::exc_obj::Flow::Return(check(n.clone())?));
        Ok(rt::exc_obj::Flow::Normal)
    })();
    let outcome4: PyResult<rt::exc_obj::Flow> = match attempt1 {
        Ok(rt::exc_obj::Flow::Normal) => Ok(rt::exc_obj::Flow::Normal),
        Ok(flow) => Ok(flow),
        Err(raised2) if raised2.is_instance_of("LimitError") => {
            let caught3 = raised2;
            (|| {
                e = rt::dynamic::exception_value(&caught3);
                return Err(rt::exc_obj::to_exception_from(
                    rt::dynamic::exception_value(&rt::dynamic::exception(
                        "RuntimeError",
                        &[Value::from(format!(
                            "too big by {}",
                            rt::dynamic::method(&e.clone(), "excess", &[n.clone()], &[])?.py_str()
                        ))],
                    )),
                    e.clone(),
                ));
                Ok(rt::exc_obj::Flow::Normal)
            })()
        }
        Err(raised2) => Err(raised2),
    };
    match outcome4? {
        rt::exc_obj::Flow::Return(ret5) => {
            return Ok(ret5);
        }
        _ => {}
    }
    Ok(Value::None)
}

pub fn main() -> PyResult<()> {
    let mut err: Value = Value::None;
    rt::exc::register_class("AppError", &["Exception"]);
    rt::print::print(
        &[&first_ok(Value::list(vec![
            Value::int(5),
            Value::int(-1),
            Value::int(2),
        ]))?],
        " ",
        "\n",
    );
    let attempt1: PyResult<()> = (|| {
        wrap(Value::int(9))?;
        Ok(())
    })();
    let outcome4: PyResult<()> = match attempt1 {
        Ok(()) => Ok(()),
        Err(raised2) if raised2.is_instance_of("RuntimeError") => {
            let caught3 = raised2;
            (|| {
                err = rt::dynamic::exception_value(&caught3);
                rt::print::print(
                    &[
                        &err.clone(),
                        &Value::str(rt::dynamic::attr(&err.clone(), "__cause__")?.type_name()),
                    ],
                    " ",
                    "\n",
                );
                Ok(())
            })()
        }
        Err(raised2) => Err(raised2),
    };
    outcome4?;
    wrap(Value::int(7))?;
    Ok(())
}
