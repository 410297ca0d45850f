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

// Dynamic classes: class objects, static/class methods, properties, class
// attributes, operator dunders and enums.

use portalis_runtime as rt;
use portalis_runtime::exc::{PyException, PyResult};
use portalis_runtime::repr::{PyRepr, PyStr};
use portalis_runtime::value::{Class, Value};
use portalis_runtime::value::{FromValue, ToValue};
use std::rc::Rc;

pub fn money_init(self_: Value, cents: Value) -> PyResult<Value> {
    self_.clone().setattr("cents", cents.clone())?;
    let obj1 = type_money();
    obj1.setattr(
        "created",
        rt::dynamic::attr(&obj1, "created")?.add(&Value::int(1))?,
    )?;
    Ok(Value::None)
}

pub fn money_parse(cls: Value, text: Value) -> PyResult<Value> {
    return Ok(cls.clone().call(&[rt::dynamic::builtin(
        "int",
        &[rt::dynamic::method(
            &text.clone(),
            "replace",
            &[Value::str("."), Value::str("")],
            &[],
        )?],
        &[],
    )?])?);
    Ok(Value::None)
}

pub fn money_valid(cents: Value) -> PyResult<Value> {
    return Ok(Value::from(cents.ge(&Value::int(0))?));
    Ok(Value::None)
}

pub fn money_euros(self_: Value) -> PyResult<Value> {
    return Ok(rt::dynamic::attr(&self_.clone(), "cents")?.truediv(&Value::int(100))?);
    Ok(Value::None)
}

pub fn money_euros_setter(self_: Value, value: Value) -> PyResult<Value> {
    self_.clone().setattr(
        "cents",
        rt::dynamic::builtin("round", &[value.mul(&Value::int(100))?], &[])?,
    )?;
    Ok(Value::None)
}

pub fn money_scaled(self_: Value, k: Value, extra: Value) -> PyResult<Value> {
    return Ok(rt::dynamic::construct(
        &class_money(),
        &[rt::dynamic::attr(&self_.clone(), "cents")?
            .mul(&k)?
            .add(&extra)?],
    )?);
    Ok(Value::None)
}

pub fn money_add(self_: Value, other: Value) -> PyResult<Value> {
    return Ok(rt::dynamic::construct(
        &class_money(),
        &[rt::dynamic::attr(&self_.clone(), "cents")?
            .add(&rt::dynamic::attr(&other.clone(), "cents")?)?],
    )?);
    Ok(Value::None)
}

pub fn money_rmul(self_: Value, k: Value) -> PyResult<Value> {
    return Ok(rt::dynamic::construct(
        &class_money(),
        &[rt::dynamic::attr(&self_.clone(), "cents")?.mul(&k)?],
    )?);
    Ok(Value::None)
}

pub fn money_neg(self_: Value) -> PyResult<Value> {
    return Ok(rt::dynamic::construct(
        &class_money(),
        &[rt::dynamic::attr(&self_.clone(), "cents")?.neg()?],
    )?);
    Ok(Value::None)
}

pub fn money_eq(self_: Value, other: Value) -> PyResult<Value> {
    return Ok({
        let v1 = Value::from(other.clone().is_instance("Money"));
        if v1.truthy() {
            Value::from(
                rt::dynamic::attr(&self_.clone(), "cents")?
                    .py_eq(&rt::dynamic::attr(&other.clone(), "cents")?),
            )
        } else {
            v1
        }
    });
    Ok(Value::None)
}

pub fn money_lt(self_: Value, other: Value) -> PyResult<Value> {
    return Ok(Value::from(
        rt::dynamic::attr(&self_.clone(), "cents")?
            .lt(&rt::dynamic::attr(&other.clone(), "cents")?)?,
    ));
    Ok(Value::None)
}

pub fn money_hash(self_: Value) -> PyResult<Value> {
    return Ok(rt::classes::hash(&rt::dynamic::attr(
        &self_.clone(),
        "cents",
    )?)?);
    Ok(Value::None)
}

pub fn money_bool(self_: Value) -> PyResult<Value> {
    return Ok(Value::from(
        rt::dynamic::attr(&self_.clone(), "cents")?.py_ne(&Value::int(0)),
    ));
    Ok(Value::None)
}

pub fn money_abs(self_: Value) -> PyResult<Value> {
    return Ok(rt::dynamic::construct(
        &class_money(),
        &[rt::dynamic::builtin(
            "abs",
            &[rt::dynamic::attr(&self_.clone(), "cents")?],
            &[],
        )?],
    )?);
    Ok(Value::None)
}

pub fn money_repr(self_: Value) -> PyResult<Value> {
    return Ok(Value::from(format!(
        "{}({})",
        Value::str(self_.clone().type_name()).py_str(),
        rt::dynamic::attr(&self_.clone(), "cents")?.py_str()
    )));
    Ok(Value::None)
}

pub fn money_str(self_: Value) -> PyResult<Value> {
    return Ok(Value::from(format!(
        "{} {}",
        rt::fmt::py_format(&rt::dynamic::attr(&self_.clone(), "euros")?, ".2f")?,
        rt::dynamic::attr(&self_.clone(), "CURRENCY")?.py_str()
    )));
    Ok(Value::None)
}

fn make_money() -> Rc<Class> {
    let c = Class::new("Money", None);
    c.def_method("__init__", |a: &[Value]| {
        money_init(
            rt::dynamic::arg_or(a, 0, Value::None),
            rt::dynamic::arg_or(a, 1, Value::None),
        )
    });
    c.def_method("parse", |a: &[Value]| {
        money_parse(
            rt::classes::cls_of(&rt::dynamic::arg_or(a, 0, Value::None), type_money),
            rt::dynamic::arg_or(a, 1, Value::None),
        )
    });
    c.def_method("valid", |a: &[Value]| {
        money_valid(rt::dynamic::arg_or(a, 1, Value::None))
    });
    c.def_method("@property:euros", |a: &[Value]| {
        money_euros(rt::dynamic::arg_or(a, 0, Value::None))
    });
    c.def_method("@setter:euros", |a: &[Value]| {
        money_euros_setter(
            rt::dynamic::arg_or(a, 0, Value::None),
            rt::dynamic::arg_or(a, 1, Value::None),
        )
    });
    rt::args::def_method_kw(&c, "scaled", |a, kw| {
        let mut bound = rt::args::bind("scaled(self, k=, extra=)", a, kw)?;
        money_scaled(
            rt::args::take(&mut bound, 0),
            rt::args::take_or(&mut bound, 1, Value::int(1)),
            rt::args::take_or(&mut bound, 2, Value::int(0)),
        )
    });
    c.def_method("__add__", |a: &[Value]| {
        money_add(
            rt::dynamic::arg_or(a, 0, Value::None),
            rt::dynamic::arg_or(a, 1, Value::None),
        )
    });
    c.def_method("__rmul__", |a: &[Value]| {
        money_rmul(
            rt::dynamic::arg_or(a, 0, Value::None),
            rt::dynamic::arg_or(a, 1, Value::None),
        )
    });
    c.def_method("__neg__", |a: &[Value]| {
        money_neg(rt::dynamic::arg_or(a, 0, Value::None))
    });
    c.def_method("__eq__", |a: &[Value]| {
        money_eq(
            rt::dynamic::arg_or(a, 0, Value::None),
            rt::dynamic::arg_or(a, 1, Value::None),
        )
    });
    c.def_method("__lt__", |a: &[Value]| {
        money_lt(
            rt::dynamic::arg_or(a, 0, Value::None),
            rt::dynamic::arg_or(a, 1, Value::None),
        )
    });
    c.def_method("__hash__", |a: &[Value]| {
        money_hash(rt::dynamic::arg_or(a, 0, Value::None))
    });
    c.def_method("__bool__", |a: &[Value]| {
        money_bool(rt::dynamic::arg_or(a, 0, Value::None))
    });
    c.def_method("__abs__", |a: &[Value]| {
        money_abs(rt::dynamic::arg_or(a, 0, Value::None))
    });
    c.def_method("__repr__", |a: &[Value]| {
        money_repr(rt::dynamic::arg_or(a, 0, Value::None))
    });
    c.def_method("__str__", |a: &[Value]| {
        money_str(rt::dynamic::arg_or(a, 0, Value::None))
    });
    rt::classes::register_type("Money", type_money);
    c.def_method("@property:created", |a: &[Value]| {
        rt::dynamic::attr(
            &rt::classes::cls_of(&rt::dynamic::arg_or(a, 0, Value::None), type_money),
            "created",
        )
    });
    c.def_method("@property:CURRENCY", |a: &[Value]| {
        rt::dynamic::attr(
            &rt::classes::cls_of(&rt::dynamic::arg_or(a, 0, Value::None), type_money),
            "CURRENCY",
        )
    });
    c
}

/// The runtime class of Python's `Money`.
pub fn class_money() -> Rc<Class> {
    rt::dynamic::class_cached("Money", make_money)
}

fn make_type_money() -> Value {
    let t = rt::classes::new_type(&class_money(), None);
    let m = rt::classes::meta_of(&t);
    m.def_method("@property:created", |_a: &[Value]| {
        rt::dynamic::attr(&type_money(), "created")
    });
    m.def_method("@property:CURRENCY", |_a: &[Value]| {
        rt::dynamic::attr(&type_money(), "CURRENCY")
    });
    rt::classes::init_attrs(&t, |type_obj: &Value| {
        let created = Value::int(0);
        type_obj.setattr("created", created.clone())?;
        let currency = Value::str("EUR");
        type_obj.setattr("CURRENCY", currency.clone())?;
        Ok(())
    });
    m.def_method("parse", |a: &[Value]| {
        money_parse(
            rt::classes::cls_of(&rt::dynamic::arg_or(a, 0, Value::None), type_money),
            rt::dynamic::arg_or(a, 1, Value::None),
        )
    });
    m.def_method("valid", |a: &[Value]| {
        money_valid(rt::dynamic::arg_or(a, 1, Value::None))
    });
    m.def_method("scaled", |a: &[Value]| {
        money_scaled(
            rt::dynamic::arg_or(a, 1, Value::None),
            rt::dynamic::arg_or(a, 2, Value::int(1)),
            rt::dynamic::arg_or(a, 3, Value::int(0)),
        )
    });
    t
}

/// Python's class `Money` as a value.
pub fn type_money() -> Value {
    rt::classes::type_cached("Money", make_type_money)
}

pub fn wallet_len(self_: Value) -> PyResult<Value> {
    return Ok(Value::int(1));
    Ok(Value::None)
}

pub fn wallet_contains(self_: Value, x: Value) -> PyResult<Value> {
    return Ok(Value::from(
        x.le(&rt::dynamic::attr(&self_.clone(), "cents")?)?,
    ));
    Ok(Value::None)
}

pub fn wallet_iter(self_: Value) -> PyResult<Value> {
    return Ok(rt::dynamic::builtin(
        "iter",
        &[Value::list(vec![
            rt::dynamic::attr(&self_.clone(), "cents")?.floordiv(&Value::int(100))?,
            rt::dynamic::percent(
                &rt::dynamic::attr(&self_.clone(), "cents")?,
                &Value::int(100),
            )?,
        ])],
        &[],
    )?);
    Ok(Value::None)
}

pub fn wallet_getitem(self_: Value, i: Value) -> PyResult<Value> {
    return Ok(rt::dynamic::builtin("list", &[self_.clone()], &[])?.getitem(&i.clone())?);
    Ok(Value::None)
}

fn make_wallet() -> Rc<Class> {
    let c = Class::new("Wallet", Some(class_money()));
    c.def_method("__len__", |a: &[Value]| {
        wallet_len(rt::dynamic::arg_or(a, 0, Value::None))
    });
    c.def_method("__contains__", |a: &[Value]| {
        wallet_contains(
            rt::dynamic::arg_or(a, 0, Value::None),
            rt::dynamic::arg_or(a, 1, Value::None),
        )
    });
    c.def_method("__iter__", |a: &[Value]| {
        wallet_iter(rt::dynamic::arg_or(a, 0, Value::None))
    });
    c.def_method("__getitem__", |a: &[Value]| {
        wallet_getitem(
            rt::dynamic::arg_or(a, 0, Value::None),
            rt::dynamic::arg_or(a, 1, Value::None),
        )
    });
    rt::classes::register_type("Wallet", type_wallet);
    c
}

/// The runtime class of Python's `Wallet`.
pub fn class_wallet() -> Rc<Class> {
    rt::dynamic::class_cached("Wallet", make_wallet)
}

fn make_type_wallet() -> Value {
    let t = rt::classes::new_type(&class_wallet(), Some(&type_money()));
    let m = rt::classes::meta_of(&t);
    t
}

/// Python's class `Wallet` as a value.
pub fn type_wallet() -> Value {
    rt::classes::type_cached("Wallet", make_type_wallet)
}

fn make_suit() -> Rc<Class> {
    let c = Class::new("Suit", None);
    rt::classes::register_type("Suit", type_suit);
    c
}

/// The runtime class of Python's `Suit`.
pub fn class_suit() -> Rc<Class> {
    rt::dynamic::class_cached("Suit", make_suit)
}

fn make_type_suit() -> Value {
    let t = rt::classes::new_type(&class_suit(), None);
    let m = rt::classes::meta_of(&t);
    m.def_method("@property:HEARTS", |_a: &[Value]| {
        rt::dynamic::attr(&type_suit(), "HEARTS")
    });
    m.def_method("@property:SPADES", |_a: &[Value]| {
        rt::dynamic::attr(&type_suit(), "SPADES")
    });
    rt::classes::enum_setup(&t, &class_suit(), false);
    rt::classes::init_attrs(&t, |type_obj: &Value| {
        let hearts = Value::int(1);
        rt::classes::enum_member(type_obj, &class_suit(), "HEARTS", hearts.clone())?;
        let spades = Value::int(2);
        rt::classes::enum_member(type_obj, &class_suit(), "SPADES", spades.clone())?;
        Ok(())
    });
    t
}

/// Python's class `Suit` as a value.
pub fn type_suit() -> Value {
    rt::classes::type_cached("Suit", make_type_suit)
}

fn make_level() -> Rc<Class> {
    let c = Class::new("Level", None);
    rt::classes::register_type("Level", type_level);
    c
}

/// The runtime class of Python's `Level`.
pub fn class_level() -> Rc<Class> {
    rt::dynamic::class_cached("Level", make_level)
}

fn make_type_level() -> Value {
    let t = rt::classes::new_type(&class_level(), None);
    let m = rt::classes::meta_of(&t);
    m.def_method("@property:LOW", |_a: &[Value]| {
        rt::dynamic::attr(&type_level(), "LOW")
    });
    m.def_method("@property:HIGH", |_a: &[Value]| {
        rt::dynamic::attr(&type_level(), "HIGH")
    });
    rt::classes::enum_setup(&t, &class_level(), true);
    rt::classes::init_attrs(&t, |type_obj: &Value| {
        let low = Value::int(1);
        rt::classes::enum_member(type_obj, &class_level(), "LOW", low.clone())?;
        let high = Value::int(5);
        rt::classes::enum_member(type_obj, &class_level(), "HIGH", high.clone())?;
        Ok(())
    });
    t
}

/// Python's class `Level` as a value.
pub fn type_level() -> Value {
    rt::classes::type_cached("Level", make_type_level)
}

pub fn main() -> PyResult<()> {
    let mut a: Value = Value::None;
    let mut b: Value = Value::None;
    let mut w: Value = Value::None;
    let mut kinds: Value = Value::None;
    let mut k: Value = Value::None;
    a = rt::dynamic::method(&type_money(), "parse", &[Value::str("12.50")], &[])?;
    b = rt::dynamic::construct(&class_money(), &[Value::int(250)])?;
    rt::print::print(
        &[
            &a.clone(),
            &rt::dynamic::builtin("repr", &[b.clone()], &[])?,
            &a.add(&b)?,
            &Value::int(3).mul(&b)?,
            &b.clone().neg()?,
            &rt::dynamic::builtin("abs", &[b.clone().neg()?], &[])?,
            &rt::dynamic::builtin(
                "bool",
                &[rt::dynamic::construct(&class_money(), &[Value::int(0)])?],
                &[],
            )?,
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &Value::from(a.py_eq(&rt::dynamic::construct(
                &class_money(),
                &[Value::int(1250)],
            )?)),
            &Value::from(a.py_ne(&b)),
            &rt::dynamic::builtin("sorted", &[Value::list(vec![a.clone(), b.clone()])], &[])?,
            &rt::dynamic::method(&type_money(), "valid", &[Value::int(-1)], &[])?,
            &rt::dynamic::method(&a.clone(), "valid", &[Value::int(1)], &[])?,
        ],
        " ",
        "\n",
    );
    b.clone().setattr("euros", Value::from(4.2))?;
    rt::print::print(
        &[
            &rt::dynamic::attr(&b.clone(), "euros")?,
            &rt::dynamic::attr(&b.clone(), "cents")?,
            &rt::dynamic::builtin(
                "len",
                &[rt::dynamic::set_from(vec![
                    a.clone(),
                    rt::dynamic::construct(&class_money(), &[Value::int(1250)])?,
                ])?],
                &[],
            )?,
        ],
        " ",
        "\n",
    );
    w = rt::dynamic::method(&type_wallet(), "parse", &[Value::str("3.07")], &[])?;
    rt::print::print(
        &[
            &w.clone(),
            &rt::dynamic::builtin("len", &[w.clone()], &[])?,
            &Value::from(w.contains(&Value::int(200))?),
            &rt::dynamic::builtin("list", &[w.clone()], &[])?,
            &w.clone().getitem(&Value::int(1))?,
            &rt::dynamic::attr(&rt::classes::class_of(&w.clone())?, "__name__")?,
        ],
        " ",
        "\n",
    );
    kinds = Value::list(vec![type_money(), type_wallet()]);
    for item1 in rt::gen::each(&kinds.clone())? {
        k = item1?;
        rt::print::print(
            &[
                &rt::dynamic::attr(&k.clone(), "__name__")?,
                &Value::from(rt::classes::isinstance(&w.clone(), &k.clone())?),
                &rt::dynamic::attr(&k.clone(), "CURRENCY")?,
            ],
            " ",
            "\n",
        );
    }
    rt::print::print(
        &[
            &({
                let recv2 = a.clone();
                if rt::classes::is_object(&recv2) {
                    rt::dynamic::method(&recv2, "scaled", &[Value::int(1), Value::int(5)], &[])?
                } else {
                    rt::dynamic::method(&recv2, "scaled", &[], &[("extra", Value::int(5))])?
                }
            }),
            &({
                let recv3 = b.clone();
                if rt::classes::is_object(&recv3) {
                    rt::dynamic::method(&recv3, "scaled", &[Value::int(2), Value::int(1)], &[])?
                } else {
                    rt::dynamic::method(
                        &recv3,
                        "scaled",
                        &[Value::int(2)],
                        &[("extra", Value::int(1))],
                    )?
                }
            }),
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &Value::str("created:"),
            &rt::dynamic::attr(&type_money(), "created")?,
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &rt::dynamic::builtin("list", &[type_suit()], &[])?,
            &rt::dynamic::attr(&rt::dynamic::attr(&type_suit(), "SPADES")?, "value")?,
            &type_suit().call(&[Value::int(1)])?,
            &rt::dynamic::attr(&type_suit().getitem(&Value::str("SPADES"))?, "name")?,
            &rt::dynamic::builtin("len", &[type_suit()], &[])?,
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &Value::from(
                rt::dynamic::attr(&type_level(), "HIGH")?
                    .gt(&rt::dynamic::attr(&type_level(), "LOW")?)?,
            ),
            &rt::dynamic::attr(&type_level(), "LOW")?.add(&Value::int(1))?,
            &rt::dynamic::builtin("int", &[rt::dynamic::attr(&type_level(), "HIGH")?], &[])?,
            &rt::dynamic::builtin("max", &[type_level()], &[])?,
            &rt::dynamic::builtin("repr", &[type_level().call(&[Value::int(5)])?], &[])?,
        ],
        " ",
        "\n",
    );
    Ok(())
}
