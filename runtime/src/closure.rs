//! Closure support for the dynamic mode: a Python variable that a nested
//! function captures lives in a shared `Cell`, so the enclosing function and
//! every closure created from it see (and, with `nonlocal`, rebind) the same
//! variable, as CPython's cell objects do.

use crate::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

/// A shared, rebindable variable. Cloning shares it (closures clone the
/// handle, not the value).
#[derive(Clone)]
pub struct Cell(Rc<RefCell<Value>>);

impl Cell {
    /// A new cell holding `v`.
    pub fn new(v: Value) -> Cell {
        Cell(Rc::new(RefCell::new(v)))
    }
    /// The current value (Values are shared handles: cheap).
    pub fn get(&self) -> Value {
        self.0.borrow().clone()
    }
    /// Rebind the variable.
    pub fn set(&self, v: Value) {
        *self.0.borrow_mut() = v;
    }
}

/// `args[from..]` packed into the tuple a `*args` parameter receives.
pub fn rest_args(args: &[Value], from: usize) -> Value {
    Value::tuple(if from < args.len() { args[from..].to_vec() } else { Vec::new() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repr::PyRepr;

    #[test]
    fn cells_are_shared_between_clones() {
        let a = Cell::new(Value::int(1));
        let b = a.clone();
        b.set(Value::int(2));
        assert_eq!(a.get().py_repr(), "2");
    }

    #[test]
    fn functions_carry_attributes_and_call_them() {
        let f = Value::func("f", |_a: &[Value]| Ok(Value::None));
        let report = Value::func("report", |_a: &[Value]| Ok(Value::str("ok")));
        f.setattr("report", report).unwrap();
        assert_eq!(crate::dynamic::method(&f, "report", &[], &[]).unwrap().py_repr(), "'ok'");
        assert_eq!(f.getattr("__name__").unwrap().py_repr(), "'f'");
        assert!(f.getattr("missing").is_err());
    }

    #[test]
    fn rest_args_packs_the_tail() {
        let args = [Value::int(1), Value::int(2), Value::int(3)];
        assert_eq!(rest_args(&args, 1).py_repr(), "(2, 3)");
        assert_eq!(rest_args(&args, 5).py_repr(), "()");
    }
}
