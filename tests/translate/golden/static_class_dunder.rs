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

// Dunders of static classes: __str__/__repr__ for print, str(), f-strings
// and containers, __eq__/__lt__ for ==, <, > and sorted(), __len__ for len().
// A dynamic function sees the same dunders through the instance's handle.

use portalis_runtime as rt;
use portalis_runtime::exc::{PyException, PyResult};
use portalis_runtime::native::Obj;
use portalis_runtime::repr::{PyRepr, PyStr};
use portalis_runtime::value::{Class, Value};
use portalis_runtime::value::{FromValue, ToValue};
use std::rc::Rc;

/// Python's class `Vec2`.
#[derive(Default)]
pub struct Vec2 {
    pub x: i64,
    pub y: i64,
}

impl Vec2 {
    /// Python's `Vec2(...)`.
    pub fn new(x: i64, y: i64) -> Obj<Vec2> {
        let this = Obj::new(Vec2::default());
        Vec2::init(&this, x, y);
        this
    }

    pub fn init(self_: &Obj<Vec2>, x: i64, y: i64) {
        let value1: i64 = x;
        self_.borrow_mut().x = value1;
        let value2: i64 = y;
        self_.borrow_mut().y = value2;
    }

    pub fn dunder_repr(self_: &Obj<Vec2>) -> String {
        format!("Vec2({}, {})", self_.borrow().x, self_.borrow().y)
    }

    pub fn dunder_str(self_: &Obj<Vec2>) -> String {
        format!("<{}, {}>", self_.borrow().x, self_.borrow().y)
    }

    pub fn dunder_eq(self_: &Obj<Vec2>, other: Obj<Vec2>) -> bool {
        self_.borrow().x
            == ({
                let field1 = other.borrow().x;
                field1
            })
            && self_.borrow().y
                == ({
                    let field3 = other.borrow().y;
                    field3
                })
    }

    pub fn dunder_lt(self_: &Obj<Vec2>, other: Obj<Vec2>) -> bool {
        self_.borrow().x
            < ({
                let field1 = other.borrow().x;
                field1
            })
            || self_.borrow().x
                == ({
                    let field3 = other.borrow().x;
                    field3
                })
                && self_.borrow().y
                    < ({
                        let field5 = other.borrow().y;
                        field5
                    })
    }

    pub fn dunder_len(self_: &Obj<Vec2>) -> i64 {
        i64::abs(self_.borrow().x) + i64::abs(self_.borrow().y)
    }
}

impl rt::native::ObjText for Vec2 {
    fn obj_repr(this: &Obj<Vec2>) -> String {
        Vec2::dunder_repr(this)
    }

    fn obj_str(this: &Obj<Vec2>) -> String {
        Vec2::dunder_str(this)
    }
}

fn make_vec2() -> Rc<Class> {
    let c = Class::new("Vec2", None);
    c.def_method("__init__", |a: &[Value]| {
        let x0: i64 = <i64>::from_value(&rt::dynamic::arg_or(a, 1, Value::None))?;
        let x1: i64 = <i64>::from_value(&rt::dynamic::arg_or(a, 2, Value::None))?;
        let this = Vec2::new(x0, x1);
        rt::native::attach(&rt::dynamic::arg_or(a, 0, Value::None), &this);
        Ok(Value::None)
    });
    c.def_method("@property:x", |a: &[Value]| {
        let this = <Obj<Vec2>>::from_value(&rt::dynamic::arg_or(a, 0, Value::None))?;
        let v = this.borrow().x.to_value();
        Ok(v)
    });
    c.def_method("@setter:x", |a: &[Value]| {
        let this = <Obj<Vec2>>::from_value(&rt::dynamic::arg_or(a, 0, Value::None))?;
        let v: i64 = <i64>::from_value(&rt::dynamic::arg_or(a, 1, Value::None))?;
        this.borrow_mut().x = v;
        Ok(Value::None)
    });
    c.def_method("@property:y", |a: &[Value]| {
        let this = <Obj<Vec2>>::from_value(&rt::dynamic::arg_or(a, 0, Value::None))?;
        let v = this.borrow().y.to_value();
        Ok(v)
    });
    c.def_method("@setter:y", |a: &[Value]| {
        let this = <Obj<Vec2>>::from_value(&rt::dynamic::arg_or(a, 0, Value::None))?;
        let v: i64 = <i64>::from_value(&rt::dynamic::arg_or(a, 1, Value::None))?;
        this.borrow_mut().y = v;
        Ok(Value::None)
    });
    c.def_method("__repr__", |a: &[Value]| {
        let this = <Obj<Vec2>>::from_value(&rt::dynamic::arg_or(a, 0, Value::None))?;
        Ok(Vec2::dunder_repr(&this).to_value())
    });
    c.def_method("__str__", |a: &[Value]| {
        let this = <Obj<Vec2>>::from_value(&rt::dynamic::arg_or(a, 0, Value::None))?;
        Ok(Vec2::dunder_str(&this).to_value())
    });
    c.def_method("__eq__", |a: &[Value]| {
        let this = <Obj<Vec2>>::from_value(&rt::dynamic::arg_or(a, 0, Value::None))?;
        let x0: Obj<Vec2> = <Obj<Vec2>>::from_value(&rt::dynamic::arg_or(a, 1, Value::None))?;
        Ok(Vec2::dunder_eq(&this, x0).to_value())
    });
    c.def_method("__lt__", |a: &[Value]| {
        let this = <Obj<Vec2>>::from_value(&rt::dynamic::arg_or(a, 0, Value::None))?;
        let x0: Obj<Vec2> = <Obj<Vec2>>::from_value(&rt::dynamic::arg_or(a, 1, Value::None))?;
        Ok(Vec2::dunder_lt(&this, x0).to_value())
    });
    c.def_method("__len__", |a: &[Value]| {
        let this = <Obj<Vec2>>::from_value(&rt::dynamic::arg_or(a, 0, Value::None))?;
        Ok(Vec2::dunder_len(&this).to_value())
    });
    c
}

/// The runtime class of `Vec2` handles (dynamic code's view of its instances).
pub fn class_vec2() -> Rc<Class> {
    rt::dynamic::class_cached("Vec2", make_vec2)
}

impl rt::native::Native for Vec2 {
    fn class() -> Rc<Class> {
        class_vec2()
    }
}

pub fn show_dynamic(v: Value, tag: Value) -> PyResult<Value> {
    // Dynamic (tag is an int or a list of an int and a str; an int and a str
    // alone would give it a specialised copy): str(), len() and == go through the
    // handle's dunders.
    rt::print::print(
        &[
            &rt::dynamic::builtin("str", &[v.clone()], &[])?,
            &rt::dynamic::builtin("len", &[v.clone()], &[])?,
            &Value::from(v.py_eq(&rt::dynamic::construct(
                &class_vec2(),
                &[Value::int(0), Value::int(5)],
            )?)),
            &Value::list(vec![v.clone()]),
            &tag.clone(),
        ],
        " ",
        "\n",
    );
    Ok(Value::None)
}

pub fn main_() -> Obj<Vec2> {
    let a: Obj<Vec2> = Vec2::new(1, 2);
    let b: Obj<Vec2> = Vec2::new(0, 5);
    rt::print::print(
        &[&a, &b.py_str(), &format!("{}!", a.py_str()), &a.py_repr()],
        " ",
        "\n",
    );
    rt::print::print(&[&vec![a.clone(), b.clone()]], " ", "\n");
    rt::print::print(
        &[
            &Vec2::dunder_eq(&a, Vec2::new(1, 2)),
            &Vec2::dunder_eq(&a, b.clone()),
            &!Vec2::dunder_eq(&a, b.clone()),
            &Vec2::dunder_lt(&a, b.clone()),
            &Vec2::dunder_lt(&b, a.clone()),
            &Vec2::dunder_len(&a),
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[&({
            let mut v1: Vec<Obj<Vec2>> = vec![a.clone(), b.clone(), Vec2::new(0, 1)]
                .into_iter()
                .collect();
            v1.sort_by(|a, b| {
                if Vec2::dunder_lt(a, b.clone()) {
                    std::cmp::Ordering::Less
                } else if Vec2::dunder_lt(b, a.clone()) {
                    std::cmp::Ordering::Greater
                } else {
                    std::cmp::Ordering::Equal
                }
            });
            v1
        })],
        " ",
        "\n",
    );
    b
}

pub fn main() -> PyResult<()> {
    let mut last: Value = Value::None;
    last = {
        let ret1 = main_();
        ret1.to_value()
    };
    show_dynamic(last.clone(), Value::int(1))?;
    show_dynamic(
        rt::dynamic::construct(&class_vec2(), &[Value::int(1), Value::int(2)])?,
        Value::list(vec![Value::str("one"), Value::int(1)]),
    )?;
    Ok(())
}
