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

pub fn counter_init(self_: Value, start: Value) -> PyResult<Value> {
    self_.clone().setattr("count", start.clone())?;
    Ok(Value::None)
}

pub fn counter_bump(self_: Value, by: Value) -> PyResult<Value> {
    let obj1 = self_.clone();
    obj1.setattr(
        "count",
        rt::dynamic::attr(&obj1, "count")?.add(&by.clone())?,
    )?;
    return Ok(rt::dynamic::attr(&self_.clone(), "count")?);
    Ok(Value::None)
}

fn make_counter() -> Rc<Class> {
    let c = Class::new("Counter", None);
    c.def_method("__init__", |a: &[Value]| {
        counter_init(
            rt::dynamic::arg_or(a, 0, Value::None),
            rt::dynamic::arg_or(a, 1, Value::None),
        )
    });
    c.def_method("bump", |a: &[Value]| {
        counter_bump(
            rt::dynamic::arg_or(a, 0, Value::None),
            rt::dynamic::arg_or(a, 1, Value::int(1)),
        )
    });
    rt::classes::register_type("Counter", type_counter);
    c
}

/// The runtime class of Python's `Counter`.
pub fn class_counter() -> Rc<Class> {
    rt::dynamic::class_cached("Counter", make_counter)
}

fn make_type_counter() -> Value {
    let t = rt::classes::new_type(&class_counter(), None);
    let m = rt::classes::meta_of(&t);
    m.def_method("bump", |a: &[Value]| {
        counter_bump(
            rt::dynamic::arg_or(a, 1, Value::None),
            rt::dynamic::arg_or(a, 2, Value::int(1)),
        )
    });
    t
}

/// Python's class `Counter` as a value.
pub fn type_counter() -> Value {
    rt::classes::type_cached("Counter", make_type_counter)
}

pub fn tally(words: &[String]) -> rt::dict::Dict<String, i64> {
    let mut seen: rt::dict::Dict<String, i64> = <rt::dict::Dict<String, i64>>::new();
    for w in words.iter().cloned() {
        let val1: i64 = seen.get_or(w.as_str(), 0) + 1;
        seen.insert(w.clone(), val1);
    }
    seen
}

pub fn main() -> PyResult<()> {
    let mut c: Value = Value::None;
    let mut e: Value = Value::None;
    c = rt::dynamic::construct(&class_counter(), &[Value::int(10)])?;
    rt::dynamic::method(&c.clone(), "bump", &[], &[])?;
    rt::print::print(
        &[
            &rt::dynamic::method(&c.clone(), "bump", &[Value::int(5)], &[])?,
            &({
                let val1 = Value::list(vec![Value::str("a"), Value::str("b"), Value::str("a")]);
                let arg2: Vec<String> = <Vec<String>>::from_value(&val1)?;
                let ret3 = tally(&arg2);
                ret3.to_value()
            }),
            &rt::dynamic::builtin(
                "sorted",
                &[rt::dynamic::set_from(vec![
                    Value::int(3),
                    Value::int(1),
                    Value::int(2),
                ])?],
                &[],
            )?,
        ],
        " ",
        "\n",
    );
    let attempt4: PyResult<()> = (|| {
        return Err(rt::dynamic::exception("ValueError", &[Value::str("bad")]));
        Ok(())
    })();
    let outcome7: PyResult<()> = match attempt4 {
        Ok(()) => Ok(()),
        Err(raised5) if raised5.is_instance_of("ValueError") => {
            let caught6 = raised5;
            (|| {
                e = rt::dynamic::exception_value(&caught6);
                rt::print::print(&[&Value::str("caught"), &e.clone()], " ", "\n");
                Ok(())
            })()
        }
        Err(raised5) => Err(raised5),
    };
    outcome7?;
    Ok(())
}
