//! `@contextlib.contextmanager` in dynamic code, and `issubclass`.
//!
//! The translator lowers a contextmanager function so that its `yield`
//! calls the `with` body (an exception from the body surfaces at the
//! yield, as `gen.throw()` makes it); `entered` reports the case where the
//! function returned without yielding.

use crate::exc::{PyException, PyResult};
use crate::value::Value;
use std::rc::Rc;

/// After `with f(...)`: the generator must have reached its yield.
pub fn entered(yielded: bool) -> PyResult<()> {
    if yielded {
        Ok(())
    } else {
        Err(PyException::runtime_error("generator didn't yield"))
    }
}

/// The name of a class value: a class object (`__name__`), or a builtin /
/// exception class used as a value (a constructor function).
fn class_name(v: &Value) -> Option<String> {
    if crate::classes::is_type(v) {
        return v.getattr("__name__").ok().map(|n| crate::repr::PyStr::py_str(&n));
    }
    match v {
        Value::Func(f) => Some(f.name.clone()),
        _ => None,
    }
}

/// `issubclass(a, b)`, `b` a class or a tuple of classes. Translated
/// classes compare by their class objects (a subclass's metaclass chain
/// holds its bases'), exception classes by the registered hierarchy.
pub fn issubclass(a: &Value, b: &Value) -> PyResult<bool> {
    if let Value::Tuple(ts) = b {
        for t in ts.iter() {
            if issubclass(a, t)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    let sub = match class_name(a) {
        Some(n) => n,
        None => return Err(PyException::type_error("issubclass() arg 1 must be a class")),
    };
    let sup = match class_name(b) {
        Some(n) => n,
        None => {
            return Err(PyException::type_error(
                "issubclass() arg 2 must be a class, a tuple of classes, or a union",
            ))
        }
    };
    if let (Value::Object(x), Value::Object(y)) = (a, b) {
        let mut c = Some(x.class.clone());
        let mut steps = 0;
        while let Some(k) = c {
            if Rc::ptr_eq(&k, &y.class) {
                return Ok(true);
            }
            steps += 1;
            if steps > 10_000 {
                break;
            }
            c = k.base.clone();
        }
    }
    Ok(sub == sup || crate::exc::is_subclass(&sub, &sup))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exception_classes_by_hierarchy() {
        let zde = crate::exc_obj::class_value(crate::exc_obj::exc_class("ZeroDivisionError"));
        let arith = crate::exc_obj::class_value(crate::exc_obj::exc_class("ArithmeticError"));
        let key = crate::exc_obj::class_value(crate::exc_obj::exc_class("KeyError"));
        assert!(issubclass(&zde, &arith).unwrap());
        assert!(!issubclass(&key, &arith).unwrap());
        assert!(issubclass(&key, &Value::tuple(vec![arith, key.clone()])).unwrap());
        let raised = crate::with::exc_type(&PyException::with_args("ValueError", vec![]));
        let value_error = crate::exc_obj::class_value(crate::exc_obj::exc_class("ValueError"));
        assert!(issubclass(&raised, &value_error).unwrap());
        assert!(issubclass(&Value::None, &key).is_err());
        assert!(entered(false).is_err() && entered(true).is_ok());
    }
}
