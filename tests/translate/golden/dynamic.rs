#![allow(unused_mut, unused_variables, unused_assignments, unused_parens, unused_imports, dead_code, non_snake_case, unreachable_code, clippy::all)]

use portalis_runtime as rt;
use portalis_runtime::exc::{PyException, PyResult};
use portalis_runtime::repr::{PyRepr, PyStr};
use portalis_runtime::native::Obj;
use portalis_runtime::value::{Class, Value};
use std::rc::Rc;
use portalis_runtime::value::{FromValue, ToValue};

/// Python's class `Counter`.
#[derive(Default)]
pub struct Counter {
    pub count: i64,
}

impl Counter {
    /// Python's `Counter(...)`.
    pub fn new(start: i64) -> Obj<Counter> {
        let this = Obj::new(Counter::default());
        Counter::init(&this, start);
        this
    }

    pub fn init(self_: &Obj<Counter>, start: i64) {
        let value1: i64 = start;
        self_.borrow_mut().count = value1;
    }

    pub fn bump(self_: &Obj<Counter>, by: i64) -> i64 {
        let value2: i64 = ({
            let field1 = self_.borrow().count;
            field1
        }) + by;
        self_.borrow_mut().count = value2;
        self_.borrow().count
    }
}

fn make_counter() -> Rc<Class> {
    let c = Class::new("Counter", None);
    c.def_method("__init__", |a: &[Value]| {
        let x0: i64 = <i64>::from_value(&rt::dynamic::arg_or(a, 1, Value::None))?;
        let this = Counter::new(x0);
        rt::native::attach(&rt::dynamic::arg_or(a, 0, Value::None), &this);
        Ok(Value::None)
    });
    c.def_method("@property:count", |a: &[Value]| {
        let this = <Obj<Counter>>::from_value(&rt::dynamic::arg_or(a, 0, Value::None))?;
        let v = this.borrow().count.to_value();
        Ok(v)
    });
    c.def_method("@setter:count", |a: &[Value]| {
        let this = <Obj<Counter>>::from_value(&rt::dynamic::arg_or(a, 0, Value::None))?;
        let v: i64 = <i64>::from_value(&rt::dynamic::arg_or(a, 1, Value::None))?;
        this.borrow_mut().count = v;
        Ok(Value::None)
    });
    c.def_method("bump", |a: &[Value]| {
        let this = <Obj<Counter>>::from_value(&rt::dynamic::arg_or(a, 0, Value::None))?;
        let x0: i64 = <i64>::from_value(&rt::dynamic::arg_or(a, 1, Value::int(1)))?;
        Ok(Counter::bump(&this, x0).to_value())
    });
    c
}

/// The runtime class of `Counter` handles (dynamic code's view of its instances).
pub fn class_counter() -> Rc<Class> {
    rt::dynamic::class_cached("Counter", make_counter)
}

impl rt::native::Native for Counter {
    fn class() -> Rc<Class> {
        class_counter()
    }
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
    rt::print::print(&[&rt::dynamic::method(&c.clone(), "bump", &[Value::int(5)], &[])?, &({
        let val1 = Value::list(vec![Value::str("a"), Value::str("b"), Value::str("a")]);
        let arg2: Vec<String> = <Vec<String>>::from_value(&val1)?;
        let ret3 = tally(&arg2);
        ret3.to_value()
    }), &rt::dynamic::builtin("sorted", &[rt::dynamic::set_from(vec![Value::int(3), Value::int(1), Value::int(2)])?], &[])?], " ", "\n");
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
        },
        Err(raised5) => Err(raised5),
    };
    outcome7?;
    Ok(())
}
