//! Exceptions as objects (dynamic mode): a caught exception is an instance
//! of a runtime `Class` whose chain ends at `BaseException`, so handlers read
//! `e.args`, `str(e)`, user fields (`e.needed`) and `e.__cause__` like any
//! attribute. A raised object travels inside `PyException` as its payload,
//! which keeps `except Base` matching by class name (`is_instance_of`).
//!
//! `Flow` is how a try body (lowered as a closure) reports `return`,
//! `break` and `continue` to the code after the try statement.

use crate::dict::Dict;
use crate::exc::{builtin_exception_base, PyException, PyResult};
use crate::repr::{PyRepr, PyStr};
use crate::value::{Class, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// How a try body or handler ended when it did not raise.
pub enum Flow {
    /// Fell off its end.
    Normal,
    /// `return v` (the enclosing function returns `v`).
    Return(Value),
    /// `break` out of the loop around the try statement.
    Break,
    /// `continue` the loop around the try statement.
    Continue,
}

thread_local! {
    static EXC_CLASSES: RefCell<HashMap<String, Rc<Class>>> = RefCell::new(HashMap::new());
}

/// The runtime class of a builtin exception or a body-less user exception
/// class, by name; its base comes from the registered hierarchy (first
/// base) or the builtin table. Built once per thread. Not registered again:
/// that would overwrite the multiple bases a user class was registered with.
pub fn exc_class(name: &str) -> Rc<Class> {
    exc_class_at(name, 0)
}

fn exc_class_at(name: &str, depth: usize) -> Rc<Class> {
    if let Some(c) = EXC_CLASSES.with(|m| m.borrow().get(name).cloned()) {
        return c;
    }
    let base_name: Option<String> = if name == "BaseException" || depth > 64 {
        None
    } else {
        match crate::exc::user_bases(name).and_then(|b| b.first().cloned()) {
            Some(b) => Some(b),
            None => Some(builtin_exception_base(name).unwrap_or("Exception").to_string()),
        }
    };
    let base = base_name.map(|b| exc_class_at(&b, depth + 1));
    let root = base.is_none();
    let c = Rc::new(Class { name: name.to_string(), base, methods: RefCell::new(Dict::new()) });
    if root {
        c.def_method("__init__", |a: &[Value]| {
            base_init(&crate::dynamic::arg_or(a, 0, Value::None), a.get(1..).unwrap_or(&[]))?;
            Ok(Value::None)
        });
        c.def_method("__str__", |a: &[Value]| Ok(Value::from(message_of(&crate::dynamic::arg_or(a, 0, Value::None)))));
        c.def_method("__repr__", |a: &[Value]| {
            let this = crate::dynamic::arg_or(a, 0, Value::None);
            let mut s = this.type_name().to_string();
            s.push('(');
            for (i, x) in args_of(&this).iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                s.push_str(&x.py_repr());
            }
            s.push(')');
            Ok(Value::from(s))
        });
    }
    EXC_CLASSES.with(|m| m.borrow_mut().insert(name.to_string(), c.clone()));
    c
}

/// `BaseException.__init__(self, *args)`: stores `args` (what
/// `super().__init__(msg)` in a user exception class calls).
pub fn base_init(this: &Value, args: &[Value]) -> PyResult<()> {
    this.setattr("args", Value::tuple(args.to_vec()))?;
    if let Value::Object(o) = this {
        if o.fields.borrow().get("__cause__").is_none() {
            o.fields.borrow_mut().insert("__cause__".to_string(), Value::None);
        }
    }
    Ok(())
}

/// The `args` of an exception object (empty when it has none).
fn args_of(this: &Value) -> Vec<Value> {
    match this {
        Value::Object(o) => match o.fields.borrow().get("args") {
            Some(Value::Tuple(t)) => t.as_ref().clone(),
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// `BaseException.__str__`: "" for no args, `str(arg)` for one (`repr`
/// for KeyError), the tuple's repr for several.
fn message_of(this: &Value) -> String {
    let args = args_of(this);
    match args.len() {
        0 => String::new(),
        1 => {
            if this.is_instance("KeyError") {
                args[0].py_repr()
            } else {
                args[0].py_str()
            }
        }
        _ => Value::tuple(args).py_repr(),
    }
}

/// `except ... as e`: the exception as an object. A raised object comes
/// back as itself; an exception raised by name or by the runtime becomes a
/// fresh instance of its class with its args.
pub fn exception_value(e: &PyException) -> Value {
    if let Some(v) = e.payload_ref::<Value>() {
        return v.clone();
    }
    let obj = Value::new_object(&exc_class(&e.class));
    if let Value::Object(o) = &obj {
        let mut f = o.fields.borrow_mut();
        f.insert("args".to_string(), Value::tuple(e.args.clone()));
        f.insert("__cause__".to_string(), Value::None);
    }
    obj
}

/// `raise v`: an exception object (or a class, called with no arguments)
/// as the `PyException` that unwinds.
pub fn to_exception(v: Value) -> PyException {
    match &v {
        Value::Object(o) => {
            let class = o.class.name.clone();
            if !crate::exc::is_subclass(&class, "BaseException") {
                return PyException::type_error("exceptions must derive from BaseException");
            }
            let args = args_of(&v);
            PyException::with_args(&class, args).with_payload(v)
        }
        Value::Func(f) => match f.call(&[]) {
            Ok(made @ Value::Object(_)) => to_exception(made),
            Ok(_) => PyException::type_error("exceptions must derive from BaseException"),
            Err(e) => e,
        },
        _ => PyException::type_error("exceptions must derive from BaseException"),
    }
}

/// `raise v from cause`: records `__cause__` on the object first.
pub fn to_exception_from(v: Value, cause: Value) -> PyException {
    if let Value::Object(o) = &v {
        o.fields.borrow_mut().insert("__cause__".to_string(), cause);
    }
    to_exception(v)
}

/// `str(e)` of a raised exception whose payload is an object (a user
/// `__str__` wins); None for other exceptions.
pub fn payload_str(e: &PyException) -> Option<String> {
    e.payload_ref::<Value>().map(|v| v.py_str())
}

/// A class used as a value (`kinds = (KeyError, MyError)`, `cls = A if f else B`):
/// calling it constructs an instance; its name is the class name, which is
/// what `except kinds` matches by.
pub fn class_value(class: Rc<Class>) -> Value {
    let name = class.name.clone();
    Value::func(&name, move |a: &[Value]| crate::dynamic::construct(&class, a))
}

/// `except kinds:` with a computed `kinds`: a class value or a tuple of them.
pub fn matches(e: &PyException, kinds: &Value) -> bool {
    match kinds {
        Value::Func(f) => e.is_instance_of(&f.name),
        Value::Tuple(t) => t.iter().any(|k| matches(e, k)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caught_builtin_exception_is_an_object_with_args() {
        let e = PyException::with_args("KeyError", vec![Value::from("k")]);
        let v = exception_value(&e);
        assert_eq!(v.py_str(), "'k'");
        assert_eq!(v.py_repr(), "KeyError('k')");
        assert!(v.is_instance("LookupError") && v.is_instance("Exception"));
        assert_eq!(v.getattr("args").unwrap().py_repr(), "('k',)");
    }

    #[test]
    fn raised_object_keeps_fields_cause_and_class() {
        crate::exc::register_class("TestAppError", &["ValueError"]);
        let obj = crate::dynamic::construct(&exc_class("TestAppError"), &[Value::from("bad")]).unwrap();
        obj.setattr("code", Value::from(7i64)).unwrap();
        let e = to_exception_from(obj, Value::None);
        assert!(e.is_instance_of("ValueError") && !e.is_instance_of("KeyError"));
        assert_eq!(e.traceback_line(), "TestAppError: bad");
        let back = exception_value(&e);
        assert_eq!(back.getattr("code").unwrap().py_repr(), "7");
        assert!(back.getattr("__cause__").unwrap().is_none());
        let kinds = Value::tuple(vec![class_value(exc_class("KeyError")), class_value(exc_class("ValueError"))]);
        assert!(matches(&e, &kinds));
    }
}
