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

pub fn tag(name: Value, cm_body__: &mut dyn FnMut(Value) -> PyResult<()>) -> PyResult<Value> {
    let mut e: Value = Value::None;
    rt::print::print(
        &[&Value::str("<").add(&name)?.add(&Value::str(">"))?],
        " ",
        "\n",
    );
    let attempt1: PyResult<()> = (|| {
        cm_body__(rt::dynamic::method(&name.clone(), "upper", &[], &[])?)?;
        Ok(())
    })();
    let outcome4: PyResult<()> = match attempt1 {
        Ok(()) => Ok(()),
        Err(raised2) if raised2.is_instance_of("KeyError") => {
            let caught3 = raised2;
            (|| {
                e = rt::dynamic::exception_value(&caught3);
                rt::print::print(&[&Value::str("suppressed"), &e.clone()], " ", "\n");
                Ok(())
            })()
        }
        Err(raised2) => Err(raised2),
    };
    rt::print::print(
        &[&Value::str("</").add(&name)?.add(&Value::str(">"))?],
        " ",
        "\n",
    );
    outcome4?;
    Ok(Value::None)
}

pub fn main_() -> PyResult<Value> {
    let mut up: Value = Value::None;
    let mut yielded1 = false;
    tag(
        Value::str("a"),
        &mut (|entered2| {
            yielded1 = true;
            up = entered2;
            rt::print::print(&[&up.clone()], " ", "\n");
            Ok(())
        }),
    )?;
    rt::ctx::entered(yielded1)?;
    let mut yielded3 = false;
    tag(
        Value::str("b"),
        &mut (|entered4| {
            yielded3 = true;
            rt::dynamic::dict_from(vec![])?.getitem(&Value::str("k"))?;
            Ok(())
        }),
    )?;
    rt::ctx::entered(yielded3)?;
    rt::print::print(
        &[&Value::from(rt::ctx::issubclass(
            &rt::exc_obj::class_value(rt::exc_obj::exc_class("KeyError")),
            &rt::exc_obj::class_value(rt::exc_obj::exc_class("LookupError")),
        )?)],
        " ",
        "\n",
    );
    Ok(Value::None)
}

pub fn main() -> PyResult<()> {
    main_()?;
    Ok(())
}
