//! Floats with CPython's text and arithmetic rules: `repr` (shortest
//! round-trip digits, exponent from 1e16 up and below 1e-4), `round` half
//! to even on the exact binary value, floor division and modulo with the
//! sign of the divisor, `**` errors, and `float(str)` parsing.

use crate::exc::{PyException, PyResult};
use crate::int::Int;

/// Decimal digits (ASCII, no point) on the stack, with the decimal
/// exponent of the first digit.
pub(crate) struct Digits {
    buf: [u8; 40],
    len: usize,
    /// x = 0.d1d2d3... * 10**(exp+1), i.e. d1 is the 10**exp digit.
    pub exp: i32,
}

impl Digits {
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or("0")
    }
}

/// Format |x| with `{:e}` or `{:.Ne}` into a stack buffer and split it.
fn sci_digits(x: f64, prec: Option<usize>) -> Digits {
    use std::io::Write;
    let mut raw = [0u8; 64];
    let n = {
        let mut cur = std::io::Cursor::new(&mut raw[..]);
        let _ = match prec {
            None => write!(cur, "{:e}", x.abs()),
            Some(p) => write!(cur, "{:.*e}", p, x.abs()),
        };
        cur.position() as usize
    };
    let mut d = Digits { buf: [0u8; 40], len: 0, exp: 0 };
    let mut i = 0;
    while i < n && raw[i] != b'e' {
        if raw[i] != b'.' && d.len < d.buf.len() {
            d.buf[d.len] = raw[i];
            d.len += 1;
        }
        i += 1;
    }
    let mut exp: i32 = 0;
    let mut neg = false;
    i += 1;
    if i < n && raw[i] == b'-' {
        neg = true;
        i += 1;
    }
    while i < n {
        exp = exp * 10 + (raw[i] - b'0') as i32;
        i += 1;
    }
    d.exp = if neg { -exp } else { exp };
    d
}

/// Shortest round-trip decimal digits of a finite nonzero |x|.
pub(crate) fn shortest(x: f64) -> Digits {
    // Rust's `{:e}` prints the shortest digits that round-trip.
    let d = sci_digits(x, None);
    if d.len >= 16 && tie_possible(x) {
        // With 16-17 digits two candidates may round-trip; CPython takes the
        // one nearest the exact value (ties to even), which is the correctly
        // rounded n-digit form whenever that one round-trips too.
        let r = sci_digits(x, Some(d.len - 1));
        let text = format!("{}e{}", r.as_str(), r.exp - (r.len as i32 - 1));
        if text.parse::<f64>().ok() == Some(x.abs()) {
            return r;
        }
    }
    d
}

/// Shortest round-trip digits of |x| and the exponent of the first digit.
pub(crate) fn shortest_digits(x: f64) -> (String, i32) {
    let d = shortest(x);
    (d.as_str().to_string(), d.exp)
}

/// Whether |x|'s exact decimal expansion is short enough (at most 18
/// significant digits) that a 16-17 digit shortest form might sit exactly
/// halfway between two candidates. Cheap: avoids the slow check for
/// almost all doubles.
fn tie_possible(x: f64) -> bool {
    let bits = x.abs().to_bits();
    let raw_exp = ((bits >> 52) & 0x7ff) as i64;
    let mut m = bits & ((1u64 << 52) - 1);
    let mut e = if raw_exp == 0 { -1074 } else { raw_exp - 1075 };
    if raw_exp != 0 {
        m |= 1u64 << 52;
    }
    if m == 0 {
        return false;
    }
    let tz = m.trailing_zeros();
    m >>= tz;
    e += tz as i64;
    if e >= 0 {
        return x.abs() < 1e18;
    }
    let k = -e;
    if k > 55 {
        return false;
    }
    match (m as u128).checked_mul(5u128.pow(k as u32)) {
        Some(p) => p < 1_000_000_000_000_000_000u128,
        None => false,
    }
}

/// `repr(x)` / `str(x)` of a float, exactly as CPython prints it.
pub fn float_repr(x: f64) -> String {
    let mut s = String::new();
    float_repr_into(x, &mut s);
    s
}

/// Append `repr(x)` to `out`.
pub fn float_repr_into(x: f64, out: &mut String) {
    if x.is_nan() {
        out.push_str("nan");
        return;
    }
    if x.is_infinite() {
        out.push_str(if x > 0.0 { "inf" } else { "-inf" });
        return;
    }
    if x == 0.0 {
        out.push_str(if x.is_sign_negative() { "-0.0" } else { "0.0" });
        return;
    }
    if x < 0.0 {
        out.push('-');
    }
    let d = shortest(x);
    if (-4..16).contains(&d.exp) {
        place_fixed(d.as_str(), d.exp, out, true);
    } else {
        place_sci(d.as_str(), d.exp, out);
    }
}

/// Digits with the point after `exp + 1` of them; `point_zero` adds ".0"
/// to integral results.
fn place_fixed(digits: &str, exp: i32, out: &mut String, point_zero: bool) {
    let dp = exp + 1;
    let n = digits.len() as i32;
    if dp <= 0 {
        out.push_str("0.");
        for _ in 0..(-dp) {
            out.push('0');
        }
        out.push_str(digits);
    } else if dp >= n {
        out.push_str(digits);
        for _ in 0..(dp - n) {
            out.push('0');
        }
        if point_zero {
            out.push_str(".0");
        }
    } else {
        out.push_str(&digits[..dp as usize]);
        out.push('.');
        out.push_str(&digits[dp as usize..]);
    }
}

fn place_sci(digits: &str, exp: i32, out: &mut String) {
    out.push_str(&digits[..1]);
    if digits.len() > 1 {
        out.push('.');
        out.push_str(&digits[1..]);
    }
    push_exp(exp, out, 'e');
}

/// Python's exponent suffix: `e+05`, `e-10`, `e+100`.
pub(crate) fn push_exp(exp: i32, out: &mut String, e: char) {
    out.push(e);
    out.push(if exp < 0 { '-' } else { '+' });
    let a = exp.unsigned_abs();
    if a < 10 {
        out.push('0');
    }
    out.push_str(&a.to_string());
}

/// |x| with `prec` digits after the point, correctly rounded (half to even
/// on the exact binary value), no sign. x must be finite.
pub fn format_fixed_abs(x: f64, prec: usize) -> String {
    let a = x.abs();
    if prec == 0 {
        // Old compilers round 0.5 up at precision 0; do this case by hand.
        let t = a.trunc();
        let frac = a - t;
        let r = if frac > 0.5 || (frac == 0.5 && t % 2.0 != 0.0) { t + 1.0 } else { t };
        return format!("{:.0}", r);
    }
    format!("{:.*}", prec, a)
}

/// |x| in scientific notation with `prec` digits after the point, as
/// (mantissa digits with point, decimal exponent). x must be finite.
pub fn format_sci_abs(x: f64, prec: usize) -> (String, i32) {
    let s = format!("{:.*e}", prec, x.abs());
    match s.find('e') {
        Some(i) => (s[..i].to_string(), s[i + 1..].parse::<i32>().unwrap_or(0)),
        None => (s, 0),
    }
}

/// Python's `round(x)` (no ndigits): nearest integer, ties to even, as `Int`.
pub fn round_f64_to_int(x: f64) -> PyResult<Int> {
    Int::from_f64(round_half_even(x))
}

/// Python's `round(x)` for x known to fit in i64.
pub fn round_f64_to_i64(x: f64) -> PyResult<i64> {
    let r = round_half_even(x);
    if r.is_nan() {
        return Err(PyException::new("ValueError", "cannot convert float NaN to integer"));
    }
    if r.is_infinite() {
        return Err(PyException::new("OverflowError", "cannot convert float infinity to integer"));
    }
    if r.abs() >= 9.2e18 {
        return Err(PyException::new("OverflowError", "float too large for a machine integer"));
    }
    Ok(r as i64)
}

fn round_half_even(x: f64) -> f64 {
    let r = x.round();
    if (r - x).abs() == 0.5 && r % 2.0 != 0.0 {
        r - x.signum()
    } else {
        r
    }
}

/// Python's `round(x, ndigits)` for floats: correctly rounded, half to even.
pub fn round_f64(x: f64, ndigits: i64) -> f64 {
    if !x.is_finite() || x == 0.0 {
        return x;
    }
    if ndigits > 330 {
        return x;
    }
    if ndigits >= 0 {
        let s = format_fixed_abs(x, ndigits as usize);
        let v: f64 = s.parse().unwrap_or(x.abs());
        return if x < 0.0 { -v } else { v };
    }
    let k = -ndigits; // round to a multiple of 10**k
    if k > 330 {
        return 0.0 * x;
    }
    // Decimal exponent of the leading digit of |x|.
    let (_, e) = shortest_digits(x);
    let sig = e as i64 + 1 - k; // significant digits kept
    let v = if sig < 0 {
        0.0
    } else if sig == 0 {
        let half = 0.5 * 10f64.powi(k as i32);
        if x.abs() > half {
            10f64.powi(k as i32)
        } else {
            0.0
        }
    } else {
        let (m, ex) = format_sci_abs(x, (sig - 1) as usize);
        format!("{}e{}", m, ex).parse::<f64>().unwrap_or(0.0)
    };
    if x < 0.0 {
        -v
    } else {
        v
    }
}

/// Python's `a % b` for floats (result has the sign of b).
pub fn float_mod(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyException::new("ZeroDivisionError", "float modulo"));
    }
    Ok(divmod_parts(a, b).1)
}

/// Python's `a // b` for floats.
pub fn float_floor_div(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyException::new("ZeroDivisionError", "float floor division by zero"));
    }
    Ok(divmod_parts(a, b).0)
}

/// Python's `divmod(a, b)` for floats.
pub fn float_divmod(a: f64, b: f64) -> PyResult<(f64, f64)> {
    if b == 0.0 {
        return Err(PyException::new("ZeroDivisionError", "float divmod()"));
    }
    Ok(divmod_parts(a, b))
}

fn divmod_parts(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let q = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    };
    (q, m)
}

/// Python's true division for floats, with `ZeroDivisionError`.
pub fn float_div(a: f64, b: f64) -> PyResult<f64> {
    if b == 0.0 {
        return Err(PyException::new("ZeroDivisionError", "float division by zero"));
    }
    Ok(a / b)
}

/// Python's `a ** b` for floats: ZeroDivisionError for `0.0 ** -1`,
/// ValueError where Python would produce a complex number, OverflowError
/// when a finite computation overflows.
pub fn float_pow(a: f64, b: f64) -> PyResult<f64> {
    if a == 0.0 && b < 0.0 {
        return Err(PyException::new("ZeroDivisionError", "0.0 cannot be raised to a negative power"));
    }
    if a < 0.0 && a.is_finite() && b.is_finite() && b.fract() != 0.0 {
        return Err(PyException::new("ValueError", "negative number cannot be raised to a fractional power"));
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(PyException::new("OverflowError", "(34, 'Numerical result out of range')"));
    }
    Ok(r)
}

/// `float(s)`: surrounding whitespace, underscores between digits,
/// `inf`/`infinity`/`nan` in any case. Error text as CPython's.
pub fn parse_float(s: &str) -> PyResult<f64> {
    let bad =
        || PyException::new("ValueError", format!("could not convert string to float: {}", crate::pystr::str_repr(s)));
    let t = s.trim();
    let (neg, body) = if let Some(r) = t.strip_prefix('-') {
        (true, r)
    } else if let Some(r) = t.strip_prefix('+') {
        (false, r)
    } else {
        (false, t)
    };
    let lower = body.to_ascii_lowercase();
    let v = if lower == "inf" || lower == "infinity" {
        f64::INFINITY
    } else if lower == "nan" {
        f64::NAN
    } else {
        if body.is_empty() || !body.bytes().all(|c| c.is_ascii_digit() || b"._eE+-".contains(&c)) {
            return Err(bad());
        }
        let cleaned: String = if body.contains('_') {
            let b = body.as_bytes();
            for (i, &c) in b.iter().enumerate() {
                if c == b'_' {
                    let ok = i > 0 && i + 1 < b.len() && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit();
                    if !ok {
                        return Err(bad());
                    }
                }
            }
            body.chars().filter(|c| *c != '_').collect()
        } else {
            body.to_string()
        };
        cleaned.parse::<f64>().map_err(|_| bad())?
    };
    Ok(if neg { -v } else { v })
}

/// `float.is_integer()`.
pub fn float_is_integer(x: f64) -> bool {
    x.is_finite() && x.fract() == 0.0
}

/// `float.as_integer_ratio()` in lowest terms.
pub fn float_as_integer_ratio(x: f64) -> PyResult<(Int, Int)> {
    if x.is_nan() {
        return Err(PyException::new("ValueError", "cannot convert NaN to integer ratio"));
    }
    if x.is_infinite() {
        return Err(PyException::new("OverflowError", "cannot convert Infinity to integer ratio"));
    }
    if x == 0.0 {
        return Ok((Int::zero(), Int::one()));
    }
    let bits = x.to_bits();
    let raw_exp = ((bits >> 52) & 0x7ff) as i64;
    let mut mant = bits & ((1u64 << 52) - 1);
    let mut exp = if raw_exp == 0 { -1074 } else { raw_exp - 1075 };
    if raw_exp != 0 {
        mant |= 1u64 << 52;
    }
    while mant & 1 == 0 {
        mant >>= 1;
        exp += 1;
    }
    let m = Int::from_u64(mant);
    let m = if x < 0.0 { -m } else { m };
    if exp >= 0 {
        Ok((m.shl(exp as u64), Int::one()))
    } else {
        Ok((m, Int::one().shl((-exp) as u64)))
    }
}

/// `int(x)` for a float known to fit in i64 (truncation); errors for NaN,
/// infinities and out-of-range values.
pub fn float_to_i64(x: f64) -> PyResult<i64> {
    if x.is_nan() {
        return Err(PyException::new("ValueError", "cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(PyException::new("OverflowError", "cannot convert float infinity to integer"));
    }
    let t = x.trunc();
    if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&t) {
        return Err(PyException::new("OverflowError", "float too large for a machine integer"));
    }
    Ok(t as i64)
}
