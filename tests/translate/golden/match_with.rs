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

pub fn tag_init(self_: Value, name: Value) -> PyResult<Value> {
    self_.clone().setattr("name", name.clone())?;
    Ok(Value::None)
}

pub fn tag_enter(self_: Value) -> PyResult<Value> {
    rt::print::print(
        &[&Value::str("<")
            .add(&rt::dynamic::attr(&self_.clone(), "name")?)?
            .add(&Value::str(">"))?],
        " ",
        "\n",
    );
    return Ok(rt::dynamic::attr(&self_.clone(), "name")?);
    Ok(Value::None)
}

pub fn tag_exit(self_: Value, exc_type: Value, exc: Value, tb: Value) -> PyResult<Value> {
    rt::print::print(
        &[&Value::str("</")
            .add(&rt::dynamic::attr(&self_.clone(), "name")?)?
            .add(&Value::str(">"))?],
        " ",
        "\n",
    );
    return Ok(Value::from(!exc_type.is(&Value::None)));
    Ok(Value::None)
}

fn make_tag() -> Rc<Class> {
    let c = Class::new("Tag", None);
    c.def_method("__init__", |a: &[Value]| {
        tag_init(
            rt::dynamic::arg_or(a, 0, Value::None),
            rt::dynamic::arg_or(a, 1, Value::None),
        )
    });
    c.def_method("__enter__", |a: &[Value]| {
        tag_enter(rt::dynamic::arg_or(a, 0, Value::None))
    });
    c.def_method("__exit__", |a: &[Value]| {
        tag_exit(
            rt::dynamic::arg_or(a, 0, Value::None),
            rt::dynamic::arg_or(a, 1, Value::None),
            rt::dynamic::arg_or(a, 2, Value::None),
            rt::dynamic::arg_or(a, 3, Value::None),
        )
    });
    rt::classes::register_type("Tag", type_tag);
    c
}

/// The runtime class of Python's `Tag`.
pub fn class_tag() -> Rc<Class> {
    rt::dynamic::class_cached("Tag", make_tag)
}

fn make_type_tag() -> Value {
    let t = rt::classes::new_type(&class_tag(), None);
    let m = rt::classes::meta_of(&t);
    t
}

/// Python's class `Tag` as a value.
pub fn type_tag() -> Value {
    rt::classes::type_cached("Tag", make_type_tag)
}

pub fn describe(v: Value) -> PyResult<Value> {
    let mut n: Value = Value::None;
    let mut rest: Value = Value::None;
    let mut x: Value = Value::None;
    let mut val: Value = Value::None;
    let subject1 = v.clone();
    if rt::pmatch::singleton(&subject1, &Value::None)
        || rt::pmatch::singleton(&subject1, &Value::Bool(true))
    {
        return Ok(Value::str("flag"));
    } else if rt::pmatch::is_type(&subject1, "int")
        && ({
            n = subject1.clone();
            true
        })
        && n.lt(&Value::int(0))?
    {
        return Ok(Value::str("negative"));
    } else if match rt::pmatch::seq(&subject1, 2, 1) {
        Some(parts2) => {
            let elem3 = parts2[0].clone();
            let elem4 = parts2[1].clone();
            ({
                x = elem3.clone();
                true
            }) && ({
                rest = elem4.clone();
                true
            })
        }
        _ => false,
    } {
        return Ok(Value::from(format!(
            "seq {} +{}",
            x.clone().py_str(),
            rt::dynamic::builtin("len", &[rest.clone()], &[])?.py_str()
        )));
    } else if match rt::pmatch::map(&subject1, &[Value::str("k")]) {
        Some(parts5) => {
            let elem6 = parts5[0].clone();
            {
                val = elem6.clone();
                true
            }
        }
        _ => false,
    } {
        return Ok(Value::from(format!("map {}", val.clone().py_str())));
    } else if true {
        return Ok(Value::str("other"));
    }
    Ok(Value::None)
}

pub fn main() -> PyResult<()> {
    let mut t: Value = Value::None;
    let manager1 = rt::dynamic::construct(&class_tag(), &[Value::str("b")])?;
    t = rt::with::enter(&manager1)?;
    let body2: PyResult<()> = (|| {
        rt::print::print(
            &[
                &t.clone(),
                &describe(Value::None)?,
                &describe(Value::int(-2))?,
                &describe(Value::list(vec![
                    Value::int(1),
                    Value::int(2),
                    Value::int(3),
                ]))?,
                &describe(rt::dynamic::dict_from(vec![(
                    Value::str("k"),
                    Value::int(1),
                )])?)?,
                &describe(Value::from(2.5))?,
            ],
            " ",
            "\n",
        );
        return Err(rt::dynamic::exception(
            "ValueError",
            &[Value::str("swallowed")],
        ));
        Ok(())
    })();
    rt::with::exit(&manager1, body2)?;
    Ok(())
}
