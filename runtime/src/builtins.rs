//! Python builtins that need more than std: `range` with any step,
//! conversions (`int()`, `float()`, `bin`/`hex`/`oct`), `round`, and the
//! aggregate functions (`min`/`max` keep the *first* extreme element like
//! Python, and raise ValueError on empty input).

use crate::exc::{PyException, PyResult};
use crate::float::{parse_float, round_f64, round_f64_to_int};
use crate::int::Int;
use crate::list::PyOrd;
use std::cmp::Ordering;

/// Python's `range(start, stop, step)`: an iterator with `len`, `contains`
/// and indexing. Build with [`range`], [`range1`], [`range2`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PyRange {
    /// Next value.
    pub start: i64,
    /// Exclusive bound.
    pub stop: i64,
    /// Step (never 0).
    pub step: i64,
}

/// `range(stop)`.
pub fn range1(stop: i64) -> PyRange {
    PyRange { start: 0, stop, step: 1 }
}

/// `range(start, stop)`.
pub fn range2(start: i64, stop: i64) -> PyRange {
    PyRange { start, stop, step: 1 }
}

/// `range(start, stop, step)`; ValueError for step 0.
pub fn range(start: i64, stop: i64, step: i64) -> PyResult<PyRange> {
    if step == 0 {
        return Err(PyException::new("ValueError", "range() arg 3 must not be zero"));
    }
    Ok(PyRange { start, stop, step })
}

impl PyRange {
    /// `len(range(...))`.
    pub fn len(&self) -> i64 {
        let (a, b, s) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if s > 0 {
            if b > a {
                (b - a - 1) / s + 1
            } else {
                0
            }
        } else if a > b {
            (a - b - 1) / (-s) + 1
        } else {
            0
        };
        n as i64
    }
    /// Whether the range is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// `x in range(...)`.
    pub fn contains(&self, x: i64) -> bool {
        let in_bounds = if self.step > 0 { x >= self.start && x < self.stop } else { x <= self.start && x > self.stop };
        in_bounds && (x as i128 - self.start as i128) % (self.step as i128) == 0
    }
    /// `range(...)[i]`; IndexError "range object index out of range".
    pub fn get(&self, i: i64) -> PyResult<i64> {
        let n = self.len();
        let j = if i < 0 { i + n } else { i };
        if j < 0 || j >= n {
            return Err(PyException::new("IndexError", "range object index out of range"));
        }
        Ok(self.start + j * self.step)
    }
    /// `reversed(range(...))`.
    pub fn reversed(&self) -> PyRange {
        let n = self.len();
        if n == 0 {
            return PyRange { start: 0, stop: 0, step: 1 };
        }
        let last = self.start + (n - 1) * self.step;
        PyRange { start: last, stop: self.start - self.step, step: -self.step }
    }
}

impl Iterator for PyRange {
    type Item = i64;
    fn next(&mut self) -> Option<i64> {
        let more = if self.step > 0 { self.start < self.stop } else { self.start > self.stop };
        if !more {
            return None;
        }
        let v = self.start;
        match self.start.checked_add(self.step) {
            Some(n) => self.start = n,
            None => self.start = self.stop,
        }
        Some(v)
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = PyRange::len(self) as usize;
        (n, Some(n))
    }
}

impl DoubleEndedIterator for PyRange {
    fn next_back(&mut self) -> Option<i64> {
        let n = PyRange::len(self);
        if n == 0 {
            return None;
        }
        let last = self.start + (n - 1) * self.step;
        self.stop = last;
        Some(last)
    }
}

impl ExactSizeIterator for PyRange {}

// ---------------------------------------------------------------------------
// conversions

/// `int(s)` for a string (base 10, whitespace and underscores allowed),
/// as i64; ValueError "invalid literal for int() with base 10: 'x'", or
/// OverflowError if the value does not fit (use [`int_from_str_big`]).
pub fn int_from_str(s: &str) -> PyResult<i64> {
    Int::parse(s, 10)?.to_i64_checked()
}

/// `int(s)` as an arbitrary-precision `Int`.
pub fn int_from_str_big(s: &str) -> PyResult<Int> {
    Int::parse(s, 10)
}

/// `int(s, base)` as i64 (base 0 reads a prefix).
pub fn int_from_str_base(s: &str, base: i64) -> PyResult<i64> {
    if !(base == 0 || (2..=36).contains(&base)) {
        return Err(PyException::new("ValueError", "int() base must be >= 2 and <= 36, or 0"));
    }
    Int::parse(s, base as u32)?.to_i64_checked()
}

/// `int(x)` for a float, as i64 (truncation; errors for nan/inf/huge).
pub fn int_from_f64(x: f64) -> PyResult<i64> {
    crate::float::float_to_i64(x)
}

/// `float(s)`.
pub fn float_from_str(s: &str) -> PyResult<f64> {
    parse_float(s)
}

fn prefixed(neg: bool, prefix: &str, digits: String) -> String {
    let mut s = String::with_capacity(digits.len() + 3);
    if neg {
        s.push('-');
    }
    s.push_str(prefix);
    s.push_str(&digits);
    s
}

/// `bin(n)`: `0b1010`, `-0b110`.
pub fn bin(n: i64) -> String {
    prefixed(n < 0, "0b", format!("{:b}", n.unsigned_abs()))
}
/// `oct(n)`: `0o777`.
pub fn oct(n: i64) -> String {
    prefixed(n < 0, "0o", format!("{:o}", n.unsigned_abs()))
}
/// `hex(n)`: `0xff`, `-0xff`.
pub fn hex(n: i64) -> String {
    prefixed(n < 0, "0x", format!("{:x}", n.unsigned_abs()))
}
/// `bin(n)` for `Int`.
pub fn bin_int(n: &Int) -> String {
    prefixed(n.is_negative(), "0b", n.abs().to_str_radix(2))
}
/// `oct(n)` for `Int`.
pub fn oct_int(n: &Int) -> String {
    prefixed(n.is_negative(), "0o", n.abs().to_str_radix(8))
}
/// `hex(n)` for `Int`.
pub fn hex_int(n: &Int) -> String {
    prefixed(n.is_negative(), "0x", n.abs().to_str_radix(16))
}

/// `round(x)` for a float (ties to even) as i64.
pub fn round0(x: f64) -> PyResult<i64> {
    crate::float::round_f64_to_i64(x)
}
/// `round(x)` for a float as `Int`.
pub fn round0_big(x: f64) -> PyResult<Int> {
    round_f64_to_int(x)
}
/// `round(x, ndigits)` for a float.
pub fn round_n(x: f64, ndigits: i64) -> f64 {
    round_f64(x, ndigits)
}
/// `round(n, ndigits)` for an int (ndigits < 0 rounds to tens, hundreds...
/// with ties to even).
pub fn round_int(n: i64, ndigits: i64) -> PyResult<i64> {
    if ndigits >= 0 {
        return Ok(n);
    }
    if ndigits < -18 {
        return Ok(0);
    }
    let p = 10i64.pow((-ndigits) as u32);
    let (q, r) = crate::int::divmod_i64(n, p)?;
    let twice = 2 * r;
    let q = if twice > p || (twice == p && q % 2 != 0) { q + 1 } else { q };
    crate::int::mul_i64(q, p)
}

/// `abs(n)` for i64 (OverflowError for i64::MIN instead of wrapping).
pub fn abs_i64(n: i64) -> PyResult<i64> {
    n.checked_abs().ok_or_else(|| PyException::new("OverflowError", "integer overflow in abs()"))
}

// ---------------------------------------------------------------------------
// aggregates

fn empty(what: &str) -> PyException {
    PyException::new("ValueError", format!("{}() arg is an empty sequence", what))
}

/// `min(iterable)`: the first smallest item; ValueError when empty.
pub fn min<T: PyOrd, I: IntoIterator<Item = T>>(items: I) -> PyResult<T> {
    let mut it = items.into_iter();
    let mut best = it.next().ok_or_else(|| empty("min"))?;
    for x in it {
        if x.py_cmp(&best) == Ordering::Less {
            best = x;
        }
    }
    Ok(best)
}

/// `max(iterable)`: the first largest item; ValueError when empty.
pub fn max<T: PyOrd, I: IntoIterator<Item = T>>(items: I) -> PyResult<T> {
    let mut it = items.into_iter();
    let mut best = it.next().ok_or_else(|| empty("max"))?;
    for x in it {
        if x.py_cmp(&best) == Ordering::Greater {
            best = x;
        }
    }
    Ok(best)
}

/// `min(iterable, key=f)`.
pub fn min_by_key<T, K: PyOrd, I: IntoIterator<Item = T>>(items: I, mut key: impl FnMut(&T) -> K) -> PyResult<T> {
    let mut it = items.into_iter();
    let mut best = it.next().ok_or_else(|| empty("min"))?;
    let mut bk = key(&best);
    for x in it {
        let k = key(&x);
        if k.py_cmp(&bk) == Ordering::Less {
            best = x;
            bk = k;
        }
    }
    Ok(best)
}

/// `max(iterable, key=f)`.
pub fn max_by_key<T, K: PyOrd, I: IntoIterator<Item = T>>(items: I, mut key: impl FnMut(&T) -> K) -> PyResult<T> {
    let mut it = items.into_iter();
    let mut best = it.next().ok_or_else(|| empty("max"))?;
    let mut bk = key(&best);
    for x in it {
        let k = key(&x);
        if k.py_cmp(&bk) == Ordering::Greater {
            best = x;
            bk = k;
        }
    }
    Ok(best)
}

/// `min(a, b)` for two values (returns a on ties, like Python).
pub fn min2<T: PyOrd>(a: T, b: T) -> T {
    if b.py_cmp(&a) == Ordering::Less {
        b
    } else {
        a
    }
}

/// `max(a, b)` (returns a on ties, like Python).
pub fn max2<T: PyOrd>(a: T, b: T) -> T {
    if b.py_cmp(&a) == Ordering::Greater {
        b
    } else {
        a
    }
}

/// `sum(ints)` over i64 with an OverflowError instead of wrapping.
pub fn sum_i64<I: IntoIterator<Item = i64>>(items: I) -> PyResult<i64> {
    let mut acc = 0i64;
    for x in items {
        acc = crate::int::add_i64(acc, x)?;
    }
    Ok(acc)
}

/// `sum(floats)`: left-to-right addition like CPython 3.11.
pub fn sum_f64<I: IntoIterator<Item = f64>>(items: I) -> f64 {
    let mut acc = 0.0;
    for x in items {
        acc += x;
    }
    acc
}

/// `sum(ints)` with arbitrary precision.
pub fn sum_int<I: IntoIterator<Item = Int>>(items: I) -> Int {
    items.into_iter().sum()
}

/// `any(iterable of bool)`.
pub fn any<I: IntoIterator<Item = bool>>(items: I) -> bool {
    items.into_iter().any(|x| x)
}

/// `all(iterable of bool)`.
pub fn all<I: IntoIterator<Item = bool>>(items: I) -> bool {
    items.into_iter().all(|x| x)
}

/// `pow(a, b)` for ints where b may be negative: `Ok(Left(int))` or a float.
pub fn pow_i64_any(a: i64, b: i64) -> PyResult<crate::value::Value> {
    let v = crate::value::Value::from(a).pow(&crate::value::Value::from(b))?;
    Ok(v)
}

/// `min(iterable, default=d)`.
pub fn min_or<T: PyOrd, I: IntoIterator<Item = T>>(items: I, default: T) -> T {
    min(items).unwrap_or(default)
}

/// `max(iterable, default=d)`.
pub fn max_or<T: PyOrd, I: IntoIterator<Item = T>>(items: I, default: T) -> T {
    max(items).unwrap_or(default)
}

/// `hash(n)` for an int, as CPython computes it (n modulo 2**61 - 1, keeping
/// the sign; -1 becomes -2). Deterministic, unlike hashes of strings.
pub fn hash_i64(n: i64) -> i64 {
    const P: i128 = (1i128 << 61) - 1;
    let m = (n as i128).abs() % P;
    let h = if n < 0 { -m } else { m } as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}
