//! Helpers for statically typed code whose integers may outgrow `i64`.
//!
//! The translator types such integers as [`Int`] (small values inline, big
//! ones on the heap) and lowers each Python operator to one call here, with
//! both operands borrowed: machine integers are widened at the call site
//! (`&Int::from(k)`, no allocation), so one function covers `big op big`,
//! `big op small` and `small op big`. Functions that Python can make raise
//! (division, modulo, shifts, powers) return `PyResult`.

use crate::exc::{PyException, PyResult};
use crate::int::Int;

/// An integer literal beyond `i64` (the translator only emits decimal digits).
pub fn lit(digits: &str) -> Int {
    Int::parse(digits, 10).expect("integer literal")
}

/// `a + b`.
pub fn add(a: &Int, b: &Int) -> Int {
    a + b
}

/// `a - b`.
pub fn sub(a: &Int, b: &Int) -> Int {
    a - b
}

/// `a * b`.
pub fn mul(a: &Int, b: &Int) -> Int {
    a * b
}

/// `a // b` (floor division, `ZeroDivisionError` for 0).
pub fn floor_div(a: &Int, b: &Int) -> PyResult<Int> {
    a.floor_div(b)
}

/// `a % b` (the sign of the divisor).
pub fn modulo(a: &Int, b: &Int) -> PyResult<Int> {
    a.py_mod(b)
}

/// `divmod(a, b)`.
pub fn divmod(a: &Int, b: &Int) -> PyResult<(Int, Int)> {
    a.divmod(b)
}

/// `a / b`: the correctly rounded float.
pub fn true_div(a: &Int, b: &Int) -> PyResult<f64> {
    a.true_div(b)
}

/// `a ** b` for a non-negative exponent. A negative one gives a float in
/// Python; the translator types such powers as floats, so here it raises.
pub fn pow(a: &Int, b: &Int) -> PyResult<Int> {
    a.pow_int(b)
}

/// `pow(a, b, m)`.
pub fn pow_mod(a: &Int, b: &Int, m: &Int) -> PyResult<Int> {
    a.pow_mod(b, m)
}

/// `a << n`.
pub fn shl(a: &Int, n: &Int) -> PyResult<Int> {
    match n.to_i64() {
        Some(k) => a.shl_checked(k),
        None if n.is_negative() => Err(PyException::new("ValueError", "negative shift count")),
        None => Err(PyException::new("OverflowError", "too many digits in integer")),
    }
}

/// `a >> n`.
pub fn shr(a: &Int, n: &Int) -> PyResult<Int> {
    match n.to_i64() {
        Some(k) => a.shr_checked(k),
        None if n.is_negative() => Err(PyException::new("ValueError", "negative shift count")),
        None => Ok(if a.is_negative() { Int::from_i64(-1) } else { Int::zero() }),
    }
}

/// `a & b`.
pub fn bitand(a: &Int, b: &Int) -> Int {
    a & b
}

/// `a | b`.
pub fn bitor(a: &Int, b: &Int) -> Int {
    a | b
}

/// `a ^ b`.
pub fn bitxor(a: &Int, b: &Int) -> Int {
    a ^ b
}

/// `-a`.
pub fn neg(a: &Int) -> Int {
    -a.clone()
}

/// `~a`.
pub fn invert(a: &Int) -> Int {
    !a.clone()
}

/// `abs(a)`.
pub fn abs(a: &Int) -> Int {
    a.abs()
}

/// `float(a)` (`OverflowError` beyond the float range).
pub fn to_float(a: &Int) -> PyResult<f64> {
    a.to_f64_checked()
}

/// `int(s)` for a string (Python's spelling rules, any length).
pub fn parse(s: &str) -> PyResult<Int> {
    Int::parse(s, 10)
}

/// `int(f)` for a float (truncates; `ValueError`/`OverflowError` for nan/inf).
pub fn from_float(f: f64) -> PyResult<Int> {
    Int::from_f64(f.trunc())
}

/// `bool(a)`.
pub fn truthy(a: &Int) -> bool {
    !a.is_zero()
}

/// `sum(xs)` over owned integers.
pub fn sum<I: IntoIterator<Item = Int>>(xs: I) -> Int {
    let mut acc = Int::zero();
    for x in xs {
        acc += x;
    }
    acc
}

/// The integer as a machine integer where one is needed (an index, a count):
/// `OverflowError` when it does not fit, as CPython says for indices.
pub fn to_i64(a: &Int) -> PyResult<i64> {
    a.to_i64_checked()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn i(s: &str) -> Int {
        lit(s)
    }

    #[test]
    fn arithmetic_crosses_the_machine_range() {
        let a = Int::from(i64::MAX);
        assert_eq!(add(&a, &Int::from(1)).to_string(), "9223372036854775808");
        assert_eq!(sub(&Int::from(i64::MIN), &Int::from(1)).to_string(), "-9223372036854775809");
        assert_eq!(mul(&a, &a).to_string(), "85070591730234615847396907784232501249");
        let f40 = (2..=40).fold(Int::one(), |acc, k| mul(&acc, &Int::from(k as i64)));
        assert_eq!(f40.to_string(), "815915283247897734345611269596115894272000000000");
        // Results that fit again are small again (normalised representation).
        assert!(sub(&add(&a, &a), &a).is_small());
    }

    #[test]
    fn division_follows_python() {
        let big = i("265252859812191058636308480000000");
        assert_eq!(floor_div(&neg(&big), &Int::from(7)).unwrap().to_string(), "-37893265687455865519472640000000");
        assert_eq!(modulo(&neg(&big), &Int::from(7)).unwrap().to_string(), "0");
        assert_eq!(modulo(&big, &Int::from(1000000007)).unwrap().to_string(), "109361473");
        assert_eq!(floor_div(&Int::from(-7), &Int::from(2)).unwrap().to_string(), "-4");
        assert_eq!(modulo(&Int::from(-7), &Int::from(2)).unwrap().to_string(), "1");
        assert!(floor_div(&big, &Int::zero()).is_err());
        let (q, r) = divmod(&Int::from(-17), &Int::from(5)).unwrap();
        assert_eq!((q.to_string(), r.to_string()), ("-4".to_string(), "3".to_string()));
        assert_eq!(true_div(&i("1000000000000000000000000000000"), &Int::from(4)).unwrap(), 2.5e29);
    }

    #[test]
    fn powers_shifts_and_bits() {
        assert_eq!(pow(&Int::from(2), &Int::from(100)).unwrap().to_string(), "1267650600228229401496703205376");
        assert!(pow(&Int::from(2), &Int::from(-1)).is_err());
        assert_eq!(pow_mod(&Int::from(2), &Int::from(1000), &Int::from(1000000007)).unwrap().to_string(), "688423210");
        assert_eq!(shl(&Int::from(1), &Int::from(70)).unwrap().to_string(), "1180591620717411303424");
        assert_eq!(shr(&i("1180591620717411303424"), &Int::from(69)).unwrap().to_string(), "2");
        assert!(shl(&Int::from(1), &Int::from(-1)).is_err());
        assert_eq!(bitand(&i("1180591620717411303425"), &Int::from(3)).to_string(), "1");
        assert_eq!(bitor(&Int::from(4), &Int::from(1)).to_string(), "5");
        assert_eq!(bitxor(&Int::from(6), &Int::from(3)).to_string(), "5");
        assert_eq!(invert(&Int::from(6)).to_string(), "-7");
    }

    #[test]
    fn conversions_and_predicates() {
        assert_eq!(abs(&i("-12345678901234567890")).to_string(), "12345678901234567890");
        assert_eq!(parse("111111111111111111111111111111").unwrap().to_string(), "111111111111111111111111111111");
        assert!(parse("12x").is_err());
        assert_eq!(from_float(-2.9).unwrap().to_string(), "-2");
        assert_eq!(from_float(1e20).unwrap().to_string(), "100000000000000000000");
        assert!(from_float(f64::NAN).is_err());
        assert_eq!(to_float(&i("1267650600228229401496703205376")).unwrap(), 2f64.powi(100));
        assert!(truthy(&i("18446744073709551616")) && !truthy(&Int::zero()));
        assert_eq!(sum(vec![Int::from(1i64 << 62); 3]).to_string(), "13835058055282163712");
        assert_eq!(to_i64(&Int::from(5)).unwrap(), 5);
        assert!(to_i64(&i("18446744073709551616")).is_err());
        assert!(i("12345678901234567890") < i("98765432109876543210"));
        assert!(Int::from(3) < i("98765432109876543210") && i("-98765432109876543210") < 0i64);
    }
}
