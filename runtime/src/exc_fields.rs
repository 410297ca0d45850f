//! User-defined exception classes in static code. A raised instance is a
//! [`PyException`] whose payload is the translator's struct of the fields
//! its `__init__` sets (`InsufficientFunds { needed, available }`); a
//! handler reads them back with [`fields`], and `e.args` element by element
//! with [`arg`], each as its static type.

use crate::exc::{PyException, PyResult};
use crate::value::{FromValue, Value};
use std::any::Any;

/// `C(a, b)` before `__init__` runs: class `class` with the constructor's
/// arguments as `args` (what BaseException stores).
pub fn new(class: &str, args: Vec<Value>) -> PyException {
    PyException::with_args(class, args)
}

/// `super().__init__(a, ..)` inside a translated `__init__`: the new `args`.
pub fn set_args(e: &mut PyException, args: Vec<Value>) {
    e.args = args;
}

/// `e.attr` for a field of a user exception: the fields struct `T`, or
/// AttributeError when this exception carries no such struct.
pub fn fields<'a, T: Any>(e: &'a PyException, attr: &str) -> PyResult<&'a T> {
    match e.payload_ref::<T>() {
        Some(f) => Ok(f),
        None => Err(PyException::attribute_error(format!("'{}' object has no attribute '{}'", e.class, attr))),
    }
}

/// `e.args[i]` as the static type the translator inferred for it.
pub fn arg<T: FromValue>(e: &PyException, i: usize) -> PyResult<T> {
    match e.args.get(i) {
        Some(v) => T::from_value(v),
        None => Err(PyException::index_error("tuple index out of range")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::ToValue;

    struct Short {
        needed: i64,
    }

    #[test]
    fn fields_and_args_come_back_typed() {
        crate::exc::register_class("TestShortFunds", &["TestBankError"]);
        crate::exc::register_class("TestBankError", &["Exception"]);
        let mut e = new("TestShortFunds", vec![10i64.to_value(), 3i64.to_value()]);
        set_args(&mut e, vec!["need 10, have 3".to_value()]);
        let e = e.with_payload(Short { needed: 10 });
        assert_eq!(fields::<Short>(&e, "needed").unwrap().needed, 10);
        assert_eq!(arg::<String>(&e, 0).unwrap(), "need 10, have 3");
        assert!(arg::<String>(&e, 1).is_err());
        assert!(e.is_instance_of("TestBankError") && e.is_instance_of("Exception") && !e.is_instance_of("ValueError"));
        assert_eq!(e.traceback_line(), "TestShortFunds: need 10, have 3");
        let plain = new("ValueError", vec![]);
        assert_eq!(fields::<Short>(&plain, "needed").err().unwrap().traceback_line(), "AttributeError: 'ValueError' object has no attribute 'needed'");
    }
}
