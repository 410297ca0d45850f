//! The `with` statement in dynamic code: `__enter__`, then `__exit__` with
//! the exception (if any) the body raised; a true `__exit__` result
//! swallows it.

use crate::dict::Dict;
use crate::exc::{PyException, PyResult};
use crate::value::{Class, Object, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// `mgr.__enter__()`.
pub fn enter(mgr: &Value) -> PyResult<Value> {
    mgr.call_method("__enter__", &[])
}

/// The class of a raised exception as a value (`exc_type.__name__`).
pub fn exc_type(e: &PyException) -> Value {
    let class = Rc::new(Class { name: "type".to_string(), base: None, methods: RefCell::new(Dict::new()) });
    let mut f: Dict<String, Value> = Dict::new();
    f.insert("__name__".to_string(), Value::str(e.class_name()));
    Value::Object(Rc::new(Object { class, fields: RefCell::new(f) }))
}

/// `mgr.__exit__(type, value, tb)` after the body ran: Ok when the body
/// succeeded or `__exit__` returned true (the exception is suppressed).
pub fn exit(mgr: &Value, body: PyResult<()>) -> PyResult<()> {
    match body {
        Ok(()) => {
            mgr.call_method("__exit__", &[Value::None, Value::None, Value::None])?;
            Ok(())
        }
        Err(e) => {
            let args = [exc_type(&e), crate::dynamic::exception_value(&e), Value::None];
            if mgr.call_method("__exit__", &args)?.truthy() {
                Ok(())
            } else {
                Err(e)
            }
        }
    }
}
