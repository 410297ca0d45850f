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

// User exception classes whose fields dynamic code reads: lowered dynamically.

use portalis_runtime as rt;
use portalis_runtime::exc::{PyException, PyResult};
use portalis_runtime::repr::{PyRepr, PyStr};
use portalis_runtime::value::{Class, Value};
use portalis_runtime::value::{FromValue, ToValue};
use std::rc::Rc;

pub fn short_init(self_: Value, need: Value) -> PyResult<Value> {
    rt::exc_obj::base_init(
        &self_.clone(),
        &[Value::from(format!("short {}", need.clone().py_str()))],
    )?;
    self_.clone().setattr("need", need.clone())?;
    Ok(Value::None)
}

fn make_short() -> Rc<Class> {
    let c = Class::new("Short", Some(rt::exc_obj::exc_class("Exception")));
    c.def_method("__init__", |a: &[Value]| {
        short_init(
            rt::dynamic::arg_or(a, 0, Value::None),
            rt::dynamic::arg_or(a, 1, Value::None),
        )
    });
    rt::classes::register_type("Short", type_short);
    c
}

/// The runtime class of Python's `Short`.
pub fn class_short() -> Rc<Class> {
    rt::dynamic::class_cached("Short", make_short)
}

fn make_type_short() -> Value {
    let t = rt::classes::new_type(&class_short(), None);
    let m = rt::classes::meta_of(&t);
    t
}

/// Python's class `Short` as a value.
pub fn type_short() -> Value {
    rt::classes::type_cached("Short", make_type_short)
}

pub fn take(n: Value) -> PyResult<Value> {
    if n.gt(&Value::int(3))? {
        return Err(rt::exc_obj::to_exception(rt::dynamic::construct(
            &class_short(),
            &[n.clone()],
        )?));
    }
    return Ok(n.clone());
    Ok(Value::None)
}

pub fn dyn_reader(xs: Value) -> PyResult<Value> {
    let mut out: Value = Value::None;
    let mut x: Value = Value::None;
    let mut e: Value = Value::None;
    out = Value::list(vec![]);
    for item1 in rt::gen::each(&xs.clone())? {
        x = item1?;
        let attempt2: PyResult<()> = (|| {
            rt::dynamic::method(&out.clone(), "append", &[take(x.clone())?], &[])?;
            Ok(())
        })();
        let outcome5: PyResult<()> = match attempt2 {
            Ok(()) => Ok(()),
            Err(raised3) if raised3.is_instance_of("Exception") => {
                let caught4 = raised3;
                (|| {
                    e = rt::dynamic::exception_value(&caught4);
                    rt::dynamic::method(
                        &out.clone(),
                        "append",
                        &[rt::dynamic::attr(&e.clone(), "need")?],
                        &[],
                    )?;
                    Ok(())
                })()
            }
            Err(raised3) => Err(raised3),
        };
        outcome5?;
    }
    return Ok(Value::tuple(vec![
        out.clone(),
        if xs.clone().truthy() {
            rt::dynamic::builtin("sum", &[xs.clone()], &[])?
                .add(&rt::dynamic::builtin("len", &[out.clone()], &[])?.mul(&Value::from(1.5))?)?
        } else {
            Value::str("none")
        },
    ]));
    Ok(Value::None)
}

pub fn reraiser(n: i64) -> PyResult<()> {
    let attempt1: PyResult<()> = (|| {
        take(n.to_value())?;
        Ok(())
    })();
    let outcome4: PyResult<()> = match attempt1 {
        Ok(()) => Ok(()),
        Err(raised2) if raised2.is_instance_of("Short") => {
            let caught3 = raised2;
            (|| {
                let e = caught3.clone();
                return Err(e.clone());
                Ok(())
            })()
        }
        Err(raised2) => Err(raised2),
    };
    outcome4?;
    Ok(())
}

pub fn main() -> PyResult<()> {
    let mut e: Value = Value::None;
    rt::print::print(
        &[&dyn_reader(Value::list(vec![
            Value::int(1),
            Value::int(5),
            Value::int(2),
        ]))?],
        " ",
        "\n",
    );
    let attempt1: PyResult<()> = (|| {
        {
            let val2 = Value::int(9);
            let arg3: i64 = <i64>::from_value(&val2)?;
            let ret4 = reraiser(arg3)?;
            ret4.to_value()
        };
        Ok(())
    })();
    let outcome7: PyResult<()> = match attempt1 {
        Ok(()) => Ok(()),
        Err(raised5) if raised5.is_instance_of("Short") => {
            let caught6 = raised5;
            (|| {
                e = rt::dynamic::exception_value(&caught6);
                rt::print::print(
                    &[
                        &Value::str("need"),
                        &rt::dynamic::attr(&e.clone(), "need")?,
                        &e.clone(),
                    ],
                    " ",
                    "\n",
                );
                Ok(())
            })()
        }
        Err(raised5) => Err(raised5),
    };
    outcome7?;
    Ok(())
}
