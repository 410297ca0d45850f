//! A number that is an `int` or a `float`, known only at run time: what a
//! variable, parameter, field or list element that receives both holds in
//! static code (`Circle(1)` and `Circle(0.5)`). Python shows the two
//! differently (`2` vs `2.0`, `round(12, 3)` is `12`), so the value keeps
//! its kind and every operation follows Python's int/float promotion.
//!
//! Arithmetic is by functions returning `PyResult` (`ZeroDivisionError`,
//! `OverflowError` as the i64 and float helpers raise them).
use crate::exc::{PyException, PyResult};
use crate::float::{float_div, float_floor_div, float_mod, float_pow, float_repr_into, round_f64};
use crate::fmt::{format_float, format_i64, PyFormat};
use crate::int::{add_i64, floor_div_i64, mod_i64, mul_i64, pow_i64, sub_i64, true_div_i64};
use crate::list::PyOrd;
use crate::repr::{PyRepr, PyStr};
use crate::value::{FromValue, ToValue, Value};
use std::cmp::Ordering;

/// Python's `int | float` (an int that fits in i64, or a float).
#[derive(Clone, Copy, Debug)]
pub enum Num {
    /// An `int`.
    Int(i64),
    /// A `float`.
    Float(f64),
}

impl Default for Num {
    fn default() -> Num {
        Num::Int(0)
    }
}

impl From<i64> for Num {
    fn from(v: i64) -> Num {
        Num::Int(v)
    }
}
impl From<f64> for Num {
    fn from(v: f64) -> Num {
        Num::Float(v)
    }
}
impl From<bool> for Num {
    fn from(v: bool) -> Num {
        Num::Int(v as i64)
    }
}

impl Num {
    /// `float(x)`.
    pub fn to_f64(self) -> f64 {
        match self {
            Num::Int(i) => i as f64,
            Num::Float(f) => f,
        }
    }
    /// Whether it holds a float.
    pub fn is_float(self) -> bool {
        matches!(self, Num::Float(_))
    }
    /// `bool(x)`.
    pub fn truthy(self) -> bool {
        match self {
            Num::Int(i) => i != 0,
            Num::Float(f) => f != 0.0,
        }
    }
    /// `int(x)` (truncates a float; `ValueError`/`OverflowError` as Python).
    pub fn to_i64(self) -> PyResult<i64> {
        match self {
            Num::Int(i) => Ok(i),
            Num::Float(f) => crate::float::float_to_i64(f),
        }
    }
}

/// `a + b`.
pub fn add(a: Num, b: Num) -> PyResult<Num> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Ok(Num::Int(add_i64(x, y)?)),
        _ => Ok(Num::Float(a.to_f64() + b.to_f64())),
    }
}
/// `a - b`.
pub fn sub(a: Num, b: Num) -> PyResult<Num> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Ok(Num::Int(sub_i64(x, y)?)),
        _ => Ok(Num::Float(a.to_f64() - b.to_f64())),
    }
}
/// `a * b`.
pub fn mul(a: Num, b: Num) -> PyResult<Num> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Ok(Num::Int(mul_i64(x, y)?)),
        _ => Ok(Num::Float(a.to_f64() * b.to_f64())),
    }
}
/// `a / b` (always a float).
pub fn div(a: Num, b: Num) -> PyResult<f64> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => true_div_i64(x, y),
        _ => float_div(a.to_f64(), b.to_f64()),
    }
}
/// `a // b`.
pub fn floor_div(a: Num, b: Num) -> PyResult<Num> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Ok(Num::Int(floor_div_i64(x, y)?)),
        _ => Ok(Num::Float(float_floor_div(a.to_f64(), b.to_f64())?)),
    }
}
/// `a % b`.
pub fn modulo(a: Num, b: Num) -> PyResult<Num> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Ok(Num::Int(mod_i64(x, y)?)),
        _ => Ok(Num::Float(float_mod(a.to_f64(), b.to_f64())?)),
    }
}
/// `a ** b` (an int to a negative int power is a float).
pub fn pow(a: Num, b: Num) -> PyResult<Num> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) if y >= 0 => Ok(Num::Int(pow_i64(x, y)?)),
        _ => Ok(Num::Float(float_pow(a.to_f64(), b.to_f64())?)),
    }
}
/// `-a`.
pub fn neg(a: Num) -> PyResult<Num> {
    match a {
        Num::Int(x) => Ok(Num::Int(sub_i64(0, x)?)),
        Num::Float(f) => Ok(Num::Float(-f)),
    }
}
/// `abs(a)`.
pub fn abs(a: Num) -> PyResult<Num> {
    match a {
        Num::Int(x) => Ok(Num::Int(x.checked_abs().ok_or_else(|| {
            PyException::new("OverflowError", "integer overflow in machine-integer arithmetic")
        })?)),
        Num::Float(f) => Ok(Num::Float(f.abs())),
    }
}
/// `round(a)`: an int either way.
pub fn round0(a: Num) -> PyResult<i64> {
    match a {
        Num::Int(x) => Ok(x),
        Num::Float(f) => crate::float::round_f64_to_i64(f),
    }
}
/// `round(a, ndigits)`: an int stays an int.
pub fn round_n(a: Num, ndigits: i64) -> PyResult<Num> {
    match a {
        Num::Int(x) => Ok(Num::Int(crate::builtins::round_int(x, ndigits)?)),
        Num::Float(f) => Ok(Num::Float(round_f64(f, ndigits))),
    }
}
/// `sum(xs)`: starts at the int 0.
pub fn sum<I: IntoIterator<Item = Num>>(items: I) -> PyResult<Num> {
    let mut acc = Num::Int(0);
    for x in items {
        acc = add(acc, x)?;
    }
    Ok(acc)
}
/// `min(a, b)` / `max(a, b)` keep the first of equal values, as Python.
pub fn min2(a: Num, b: Num) -> Num {
    if b < a {
        b
    } else {
        a
    }
}
/// See [`min2`].
pub fn max2(a: Num, b: Num) -> Num {
    if b > a {
        b
    } else {
        a
    }
}

// Python compares an int and a float exactly (no rounding of the int).
fn cmp_int_float(i: i64, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f >= 9.223372036854775807e18 {
        return Some(Ordering::Less);
    }
    if f < -9.223372036854775807e18 {
        return Some(Ordering::Greater);
    }
    let fl = f.floor();
    let fi = fl as i64;
    match i.cmp(&fi) {
        Ordering::Equal if f > fl => Some(Ordering::Less),
        o => Some(o),
    }
}

impl PartialEq for Num {
    fn eq(&self, other: &Num) -> bool {
        self.partial_cmp(other) == Some(Ordering::Equal)
    }
}
impl PartialOrd for Num {
    fn partial_cmp(&self, other: &Num) -> Option<Ordering> {
        match (*self, *other) {
            (Num::Int(a), Num::Int(b)) => Some(a.cmp(&b)),
            (Num::Float(a), Num::Float(b)) => a.partial_cmp(&b),
            (Num::Int(a), Num::Float(b)) => cmp_int_float(a, b),
            (Num::Float(a), Num::Int(b)) => cmp_int_float(b, a).map(Ordering::reverse),
        }
    }
}
/// `1 == 1.0` in dict keys and sets too: equal values hash alike.
impl Eq for Num {}
impl std::hash::Hash for Num {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        match *self {
            Num::Int(i) => i.hash(h),
            Num::Float(f) if f.fract() == 0.0 && f.abs() < 9.2e18 => (f as i64).hash(h),
            Num::Float(f) => f.to_bits().hash(h),
        }
    }
}
impl PyOrd for Num {
    fn py_cmp(&self, other: &Num) -> Ordering {
        self.partial_cmp(other).unwrap_or(Ordering::Equal)
    }
}

impl PyStr for Num {
    fn py_str_into(&self, out: &mut String) {
        self.py_repr_into(out)
    }
}
impl PyRepr for Num {
    fn py_repr_into(&self, out: &mut String) {
        match *self {
            Num::Int(i) => out.push_str(&i.to_string()),
            Num::Float(f) => float_repr_into(f, out),
        }
    }
}
impl std::fmt::Display for Num {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.py_repr())
    }
}
impl PyFormat for Num {
    fn py_format(&self, spec: &str) -> PyResult<String> {
        match *self {
            Num::Int(i) => format_i64(i, spec),
            Num::Float(f) => format_float(f, spec),
        }
    }
}

impl ToValue for Num {
    fn to_value(&self) -> Value {
        match *self {
            Num::Int(i) => Value::from(i),
            Num::Float(f) => Value::from(f),
        }
    }
}
impl FromValue for Num {
    fn from_value(v: &Value) -> PyResult<Num> {
        match v {
            Value::Float(f) => Ok(Num::Float(*f)),
            _ => Ok(Num::Int(i64::from_value(v)?)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_keeps_kinds() {
        let i = Num::Int(3);
        let f = Num::Float(0.5);
        assert_eq!(add(i, i).unwrap().py_repr(), "6");
        assert_eq!(add(i, f).unwrap().py_repr(), "3.5");
        assert_eq!(mul(Num::Int(2), Num::Float(2.0)).unwrap().py_repr(), "4.0");
        assert_eq!(div(Num::Int(4), Num::Int(2)).unwrap(), 2.0);
        assert_eq!(floor_div(Num::Int(-7), Num::Int(2)).unwrap().py_repr(), "-4");
        assert_eq!(modulo(Num::Float(-7.0), Num::Int(2)).unwrap().py_repr(), "1.0");
        assert_eq!(pow(Num::Int(2), Num::Int(-1)).unwrap().py_repr(), "0.5");
        assert_eq!(pow(Num::Int(2), Num::Int(10)).unwrap().py_repr(), "1024");
        assert_eq!(div(i, Num::Int(0)).unwrap_err().class_name(), "ZeroDivisionError");
        assert_eq!(floor_div(f, Num::Float(0.0)).unwrap_err().class_name(), "ZeroDivisionError");
        assert_eq!(sum(vec![Num::Int(1), Num::Int(2)]).unwrap().py_repr(), "3");
        assert_eq!(sum(vec![Num::Int(1), Num::Float(2.0)]).unwrap().py_repr(), "3.0");
    }

    #[test]
    fn text_and_rounding() {
        assert_eq!(round_n(Num::Int(12), 3).unwrap().py_repr(), "12");
        assert_eq!(round_n(Num::Float(12.56637), 3).unwrap().py_repr(), "12.566");
        assert_eq!(round0(Num::Float(2.5)).unwrap(), 2);
        assert_eq!(Num::Int(1).py_format(".2f").unwrap(), "1.00");
        assert_eq!(Num::Float(1e16).py_str(), "1e+16");
        assert_eq!(Num::Int(255).py_format("02x").unwrap(), "ff");
    }

    #[test]
    fn comparisons_are_exact() {
        assert!(Num::Int(1) == Num::Float(1.0));
        assert!(Num::Int(1) < Num::Float(1.5));
        assert!(Num::Float(1.5) > Num::Int(1));
        assert!(Num::Int(9007199254740993) > Num::Float(9007199254740992.0));
        assert!(Num::Int(0) != Num::Float(f64::NAN));
        assert_eq!(max2(Num::Int(1), Num::Float(1.0)).py_repr(), "1");
    }
}
