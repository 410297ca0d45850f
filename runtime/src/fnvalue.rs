//! Function values of the static mode: a Python closure that escapes the
//! function that made it (returned, stored, passed on) is an
//! `Rc<dyn Fn(..) -> PyResult<R>>`, one alias per arity. Bridges wrap such a
//! closure into a callable `Value` for dynamic callers and wrap a dynamic
//! callable into a closure for static ones.

use crate::exc::{PyException, PyResult};
use crate::value::{FromValue, ToValue, Value};
use std::rc::Rc;

/// A function value of no parameters.
pub type Fn0<R> = Rc<dyn Fn() -> PyResult<R>>;
/// A function value of one parameter.
pub type Fn1<A, R> = Rc<dyn Fn(A) -> PyResult<R>>;
/// A function value of two parameters.
pub type Fn2<A, B, R> = Rc<dyn Fn(A, B) -> PyResult<R>>;

/// Makes a `Fn0` (the bound lets Rust infer the closure's signature).
pub fn fn0<R, F: Fn() -> PyResult<R> + 'static>(f: F) -> Fn0<R> {
    Rc::new(f)
}
/// Makes a `Fn1`.
pub fn fn1<A, R, F: Fn(A) -> PyResult<R> + 'static>(f: F) -> Fn1<A, R> {
    Rc::new(f)
}
/// Makes a `Fn2`.
pub fn fn2<A, B, R, F: Fn(A, B) -> PyResult<R> + 'static>(f: F) -> Fn2<A, B, R> {
    Rc::new(f)
}

fn arity(args: &[Value], n: usize) -> PyResult<()> {
    if args.len() == n {
        return Ok(());
    }
    Err(PyException::type_error(format!("function takes {} positional arguments but {} were given", n, args.len())))
}

impl<R: ToValue + 'static> ToValue for Rc<dyn Fn() -> PyResult<R>> {
    fn to_value(&self) -> Value {
        let f = self.clone();
        Value::func("closure", move |args: &[Value]| {
            arity(args, 0)?;
            Ok(f()?.to_value())
        })
    }
}

impl<A: FromValue + 'static, R: ToValue + 'static> ToValue for Rc<dyn Fn(A) -> PyResult<R>> {
    fn to_value(&self) -> Value {
        let f = self.clone();
        Value::func("closure", move |args: &[Value]| {
            arity(args, 1)?;
            Ok(f(A::from_value(&args[0])?)?.to_value())
        })
    }
}

impl<A: FromValue + 'static, B: FromValue + 'static, R: ToValue + 'static> ToValue for Rc<dyn Fn(A, B) -> PyResult<R>> {
    fn to_value(&self) -> Value {
        let f = self.clone();
        Value::func("closure", move |args: &[Value]| {
            arity(args, 2)?;
            Ok(f(A::from_value(&args[0])?, B::from_value(&args[1])?)?.to_value())
        })
    }
}

impl<R: FromValue + 'static> FromValue for Rc<dyn Fn() -> PyResult<R>> {
    fn from_value(v: &Value) -> PyResult<Self> {
        let v = v.clone();
        Ok(Rc::new(move || R::from_value(&v.call(&[])?)))
    }
}

impl<A: ToValue + 'static, R: FromValue + 'static> FromValue for Rc<dyn Fn(A) -> PyResult<R>> {
    fn from_value(v: &Value) -> PyResult<Self> {
        let v = v.clone();
        Ok(Rc::new(move |a: A| R::from_value(&v.call(&[a.to_value()])?)))
    }
}

impl<A: ToValue + 'static, B: ToValue + 'static, R: FromValue + 'static> FromValue for Rc<dyn Fn(A, B) -> PyResult<R>> {
    fn from_value(v: &Value) -> PyResult<Self> {
        let v = v.clone();
        Ok(Rc::new(move |a: A, b: B| R::from_value(&v.call(&[a.to_value(), b.to_value()])?)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closures_cross_the_bridge_both_ways() {
        let n = 5i64;
        let add: Fn1<i64, i64> = fn1(move |x: i64| Ok(x + n));
        let v = add.to_value();
        let back = <Fn1<i64, i64>>::from_value(&v).unwrap();
        assert_eq!(back(1).unwrap(), 6);
        assert!(v.call(&[]).is_err());
        let k: Fn0<i64> = fn0(|| Ok(7));
        assert_eq!(<Fn0<i64>>::from_value(&k.to_value()).unwrap()().unwrap(), 7);
    }
}
