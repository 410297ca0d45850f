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

pub fn make_adder(n: i64) -> rt::fnvalue::Fn1<i64, i64> {
    {
        let cap2 = n;
        rt::fnvalue::fn1(move |a1: i64| Ok(make_adder_add(a1, cap2)))
    }
}

pub fn make_adder_add(x: i64, n: i64) -> i64 {
    x + n
}

pub fn make_greeter(greeting: &str, mark: &str) -> rt::fnvalue::Fn1<String, String> {
    {
        let cap2 = greeting.to_string();
        let cap3 = mark.to_string();
        rt::fnvalue::fn1(move |a1: String| {
            Ok(make_greeter_greet(
                a1.as_str(),
                cap2.as_str(),
                cap3.as_str(),
            ))
        })
    }
}

pub fn make_greeter_greet(name: &str, greeting: &str, mark: &str) -> String {
    format!("{}, {}{}", greeting, name, mark)
}

pub fn make_scaler(factor: f64) -> rt::fnvalue::Fn2<f64, f64, f64> {
    {
        let cap3 = factor;
        rt::fnvalue::fn2(move |a1: f64, a2: f64| Ok(make_scaler_scale(a1, a2, cap3)))
    }
}

pub fn make_scaler_scale(x: f64, offset: f64, factor: f64) -> f64 {
    x * factor + offset
}

pub fn apply_twice(k: i64) -> PyResult<i64> {
    // Function values: nested defs returned from the function that defines them
    // become Rust closures (Rc<dyn Fn>) over copies of the parameters they read;
    // a dynamic caller receives them as callable Values.
    let add: rt::fnvalue::Fn1<i64, i64> = make_adder(k);
    Ok(add(add(0)?)?)
}

pub fn dyn_show(k: Value) -> PyResult<Value> {
    let mut ident: Value = Value::None;
    let mut f: Value = Value::None;
    // The *args lambda keeps this function dynamic: make_adder's closure crosses the bridge.
    ident = Value::func(
        "<lambda>",
        rt::dynamic::lambda(move |args__: &[Value]| {
            let v: Value = rt::closure::rest_args(args__, 0);
            Ok(v.clone().getitem(&Value::int(0))?)
        }),
    );
    f = {
        let val1 = Value::int(100);
        let arg2: i64 = <i64>::from_value(&val1)?;
        let ret3 = make_adder(arg2);
        ret3.to_value()
    };
    rt::print::print(
        &[
            &f.clone().call(&[k.clone()])?,
            &ident.clone().call(&[k.clone()])?,
        ],
        " ",
        "\n",
    );
    Ok(Value::None)
}

pub fn main_() -> PyResult<()> {
    let add5: rt::fnvalue::Fn1<i64, i64> = make_adder(5);
    let add10: rt::fnvalue::Fn1<i64, i64> = make_adder(10);
    rt::print::print(&[&add5(1)?, &add10(1)?, &add5(add10(100)?)?], " ", "\n");
    let hello: rt::fnvalue::Fn1<String, String> = make_greeter("Hello", "!");
    rt::print::print(
        &[&hello("world".to_string())?, &hello("Rust".to_string())?],
        " ",
        "\n",
    );
    let scale: rt::fnvalue::Fn2<f64, f64, f64> = make_scaler(2.5);
    rt::print::print(&[&scale(4.0, 1.0)?, &apply_twice(7)?], " ", "\n");
    dyn_show(3.to_value())?;
    Ok(())
}

pub fn main() -> PyResult<()> {
    main_()?;
    Ok(())
}
