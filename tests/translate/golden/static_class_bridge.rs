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

// Static classes used by dynamic code: main stays dynamic (try/except), its
// instances are handles to the same Rust structs (rt::native).

use portalis_runtime as rt;
use portalis_runtime::exc::{PyException, PyResult};
use portalis_runtime::native::Obj;
use portalis_runtime::repr::{PyRepr, PyStr};
use portalis_runtime::value::{Class, Value};
use portalis_runtime::value::{FromValue, ToValue};
use std::rc::Rc;

/// Python's class `P`.
#[derive(Default)]
pub struct P {
    pub x: i64,
    pub tags: Vec<String>,
}

impl P {
    /// Python's `P(...)`.
    pub fn new(x: i64) -> Obj<P> {
        let this = Obj::new(P::default());
        P::init(&this, x);
        this
    }

    pub fn init(self_: &Obj<P>, x: i64) {
        let value1: i64 = x;
        self_.borrow_mut().x = value1;
        let value2: Vec<String> = vec!["x".to_string()];
        self_.borrow_mut().tags = value2;
    }

    pub fn grow(self_: &Obj<P>, n: i64) -> Obj<P> {
        let value2: i64 = ({
            let field1 = self_.borrow().x;
            field1
        }) + n;
        self_.borrow_mut().x = value2;
        self_.clone()
    }
}

impl rt::native::ObjText for P {
    fn obj_repr(this: &Obj<P>) -> String {
        String::from("<__main__.P object>")
    }
}

fn make_p() -> Rc<Class> {
    let c = Class::new("P", None);
    c.def_method("__init__", |a: &[Value]| {
        let x0: i64 = <i64>::from_value(&rt::dynamic::arg_or(a, 1, Value::None))?;
        let this = P::new(x0);
        rt::native::attach(&rt::dynamic::arg_or(a, 0, Value::None), &this);
        Ok(Value::None)
    });
    c.def_method("@property:x", |a: &[Value]| {
        let this = <Obj<P>>::from_value(&rt::dynamic::arg_or(a, 0, Value::None))?;
        let v = this.borrow().x.to_value();
        Ok(v)
    });
    c.def_method("@setter:x", |a: &[Value]| {
        let this = <Obj<P>>::from_value(&rt::dynamic::arg_or(a, 0, Value::None))?;
        let v: i64 = <i64>::from_value(&rt::dynamic::arg_or(a, 1, Value::None))?;
        this.borrow_mut().x = v;
        Ok(Value::None)
    });
    c.def_method("@property:tags", |a: &[Value]| {
        let this = <Obj<P>>::from_value(&rt::dynamic::arg_or(a, 0, Value::None))?;
        let v = this.borrow().tags.to_value();
        Ok(v)
    });
    c.def_method("@setter:tags", |a: &[Value]| {
        let this = <Obj<P>>::from_value(&rt::dynamic::arg_or(a, 0, Value::None))?;
        let v: Vec<String> = <Vec<String>>::from_value(&rt::dynamic::arg_or(a, 1, Value::None))?;
        this.borrow_mut().tags = v;
        Ok(Value::None)
    });
    c.def_method("grow", |a: &[Value]| {
        let this = <Obj<P>>::from_value(&rt::dynamic::arg_or(a, 0, Value::None))?;
        let x0: i64 = <i64>::from_value(&rt::dynamic::arg_or(a, 1, Value::int(1)))?;
        Ok(P::grow(&this, x0).to_value())
    });
    c
}

/// The runtime class of `P` handles (dynamic code's view of its instances).
pub fn class_p() -> Rc<Class> {
    rt::dynamic::class_cached("P", make_p)
}

impl rt::native::Native for P {
    fn class() -> Rc<Class> {
        class_p()
    }
}

pub fn same(a: Obj<P>, b: Obj<P>) -> bool {
    Obj::is(&a, &b)
}

pub fn eq(a: Obj<P>, b: Obj<P>) -> bool {
    Obj::is(&a, &b)
}

pub fn total(ps: &[Obj<P>]) -> i64 {
    let mut t: i64 = 0;
    for p in ps.iter().cloned() {
        t += {
            let field1 = p.borrow().x;
            field1
        };
    }
    t
}

pub fn main_() -> PyResult<Value> {
    let mut a: Value = Value::None;
    let mut b: Value = Value::None;
    let mut c: Value = Value::None;
    let mut ps: Value = Value::None;
    let mut e: Value = Value::None;
    a = rt::dynamic::construct(&class_p(), &[Value::int(1)])?;
    b = rt::dynamic::construct(&class_p(), &[Value::int(1)])?;
    c = rt::dynamic::method(
        &rt::dynamic::method(&a.clone(), "grow", &[], &[])?,
        "grow",
        &[Value::int(2)],
        &[],
    )?;
    rt::print::print(
        &[
            &({
                let val1 = a.clone();
                let arg2: Obj<P> = <Obj<P>>::from_value(&val1)?;
                let val3 = c.clone();
                let arg4: Obj<P> = <Obj<P>>::from_value(&val3)?;
                let ret5 = same(arg2, arg4);
                ret5.to_value()
            }),
            &({
                let val6 = a.clone();
                let arg7: Obj<P> = <Obj<P>>::from_value(&val6)?;
                let val8 = b.clone();
                let arg9: Obj<P> = <Obj<P>>::from_value(&val8)?;
                let ret10 = same(arg7, arg9);
                ret10.to_value()
            }),
            &({
                let val11 = a.clone();
                let arg12: Obj<P> = <Obj<P>>::from_value(&val11)?;
                let val13 = b.clone();
                let arg14: Obj<P> = <Obj<P>>::from_value(&val13)?;
                let ret15 = eq(arg12, arg14);
                ret15.to_value()
            }),
            &({
                let val16 = a.clone();
                let arg17: Obj<P> = <Obj<P>>::from_value(&val16)?;
                let val18 = a.clone();
                let arg19: Obj<P> = <Obj<P>>::from_value(&val18)?;
                let ret20 = eq(arg17, arg19);
                ret20.to_value()
            }),
        ],
        " ",
        "\n",
    );
    ps = Value::list(vec![
        a.clone(),
        b.clone(),
        rt::dynamic::construct(&class_p(), &[Value::int(5)])?,
    ]);
    rt::print::print(
        &[
            &({
                let val21 = ps.clone();
                let arg22: Vec<Obj<P>> = <Vec<Obj<P>>>::from_value(&val21)?;
                let ret23 = total(&arg22);
                ret23.to_value()
            }),
            &Value::from(ps.contains(&a)?),
            &Value::from(ps.contains(&rt::dynamic::construct(&class_p(), &[Value::int(1)])?)?),
        ],
        " ",
        "\n",
    );
    a.clone().setattr("x", Value::int(7))?;
    rt::print::print(
        &[
            &rt::dynamic::attr(&a.clone(), "tags")?,
            &rt::dynamic::builtin("len", &[rt::dynamic::attr(&b.clone(), "tags")?], &[])?,
        ],
        " ",
        "\n",
    );
    let attempt24: PyResult<()> = (|| {
        rt::print::print(&[&rt::dynamic::attr(&a.clone(), "missing")?], " ", "\n");
        Ok(())
    })();
    let outcome27: PyResult<()> = match attempt24 {
        Ok(()) => Ok(()),
        Err(raised25) if raised25.is_instance_of("AttributeError") => {
            let caught26 = raised25;
            (|| {
                e = rt::dynamic::exception_value(&caught26);
                rt::print::print(&[&Value::str("AttributeError"), &e.clone()], " ", "\n");
                Ok(())
            })()
        }
        Err(raised25) => Err(raised25),
    };
    outcome27?;
    rt::print::print(
        &[
            &Value::from(a.clone().is_instance("P")),
            &Value::from(Value::int(3).is_instance("P")),
        ],
        " ",
        "\n",
    );
    Ok(Value::None)
}

pub fn main() -> PyResult<()> {
    main_()?;
    Ok(())
}
