//! `Int`: Python's arbitrary-precision integer.
//!
//! Values that fit in an `i64` live inline (no allocation); only values that
//! outgrow it use a heap vector of 32-bit limbs. The representation is always
//! normalised (a `Big` never holds a value that fits in `i64`), so derived
//! equality and hashing are value equality and hashing.
//!
//! Division and modulo follow Python (floor division, the remainder takes the
//! sign of the divisor) and report `ZeroDivisionError` as a value.

use crate::exc::{PyException, PyResult};
use std::cmp::Ordering;
use std::fmt;
use std::ops::{Add, AddAssign, BitAnd, BitOr, BitXor, Mul, MulAssign, Neg, Not, Sub, SubAssign};

/// An arbitrary-precision signed integer with Python semantics.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Int(Repr);

#[derive(Clone, PartialEq, Eq, Hash)]
enum Repr {
    Small(i64),
    /// Sign and magnitude (little-endian u32 limbs, no high zero limbs);
    /// never a value that fits in i64.
    Big(bool, Vec<u32>),
}

// ---------------------------------------------------------------------------
// Magnitude arithmetic on little-endian u32 limbs.

fn trim(v: &mut Vec<u32>) {
    while let Some(&0) = v.last() {
        v.pop();
    }
}

fn mag_from_u128(mut x: u128) -> Vec<u32> {
    let mut v = Vec::new();
    while x != 0 {
        v.push(x as u32);
        x >>= 32;
    }
    v
}

fn mag_cmp(a: &[u32], b: &[u32]) -> Ordering {
    if a.len() != b.len() {
        return a.len().cmp(&b.len());
    }
    for i in (0..a.len()).rev() {
        if a[i] != b[i] {
            return a[i].cmp(&b[i]);
        }
    }
    Ordering::Equal
}

fn mag_add(a: &[u32], b: &[u32]) -> Vec<u32> {
    let (a, b) = if a.len() >= b.len() { (a, b) } else { (b, a) };
    let mut out = Vec::with_capacity(a.len() + 1);
    let mut carry = 0u64;
    for i in 0..a.len() {
        let s = a[i] as u64 + if i < b.len() { b[i] as u64 } else { 0 } + carry;
        out.push(s as u32);
        carry = s >> 32;
    }
    if carry != 0 {
        out.push(carry as u32);
    }
    out
}

/// a - b, requires a >= b.
fn mag_sub(a: &[u32], b: &[u32]) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len());
    let mut borrow = 0i64;
    for i in 0..a.len() {
        let mut d = a[i] as i64 - borrow - if i < b.len() { b[i] as i64 } else { 0 };
        if d < 0 {
            d += 1 << 32;
            borrow = 1;
        } else {
            borrow = 0;
        }
        out.push(d as u32);
    }
    trim(&mut out);
    out
}

fn mag_mul(a: &[u32], b: &[u32]) -> Vec<u32> {
    if a.is_empty() || b.is_empty() {
        return Vec::new();
    }
    let mut out = vec![0u32; a.len() + b.len()];
    for i in 0..a.len() {
        let mut carry = 0u64;
        let ai = a[i] as u64;
        if ai == 0 {
            continue;
        }
        for j in 0..b.len() {
            let t = ai * b[j] as u64 + out[i + j] as u64 + carry;
            out[i + j] = t as u32;
            carry = t >> 32;
        }
        let mut k = i + b.len();
        while carry != 0 {
            let t = out[k] as u64 + carry;
            out[k] = t as u32;
            carry = t >> 32;
            k += 1;
        }
    }
    trim(&mut out);
    out
}

fn mag_divmod_small(a: &[u32], d: u32) -> (Vec<u32>, u32) {
    let mut q = vec![0u32; a.len()];
    let mut r = 0u64;
    for i in (0..a.len()).rev() {
        let cur = (r << 32) | a[i] as u64;
        q[i] = (cur / d as u64) as u32;
        r = cur % d as u64;
    }
    trim(&mut q);
    (q, r as u32)
}

/// Shift left by s < 32 bits; result has one more limb (possibly zero).
fn shl_bits(a: &[u32], s: u32) -> Vec<u32> {
    let mut out = Vec::with_capacity(a.len() + 1);
    let mut carry = 0u32;
    for &x in a {
        if s == 0 {
            out.push(x);
        } else {
            out.push((x << s) | carry);
            carry = x >> (32 - s);
        }
    }
    out.push(carry);
    out
}

/// Knuth's algorithm D: truncating division of magnitudes, b non-empty.
fn mag_divmod(a: &[u32], b: &[u32]) -> (Vec<u32>, Vec<u32>) {
    if mag_cmp(a, b) == Ordering::Less {
        return (Vec::new(), a.to_vec());
    }
    if b.len() == 1 {
        let (q, r) = mag_divmod_small(a, b[0]);
        return (q, if r == 0 { Vec::new() } else { vec![r] });
    }
    let s = b[b.len() - 1].leading_zeros();
    let mut bn = shl_bits(b, s);
    bn.pop();
    let mut an = shl_bits(a, s);
    let n = bn.len();
    let m = an.len() - n;
    let mut q = vec![0u32; m];
    let btop = bn[n - 1] as u64;
    let bnext = bn[n - 2] as u64;
    for j in (0..m).rev() {
        let num = ((an[j + n] as u64) << 32) | an[j + n - 1] as u64;
        let mut qhat = num / btop;
        let mut rhat = num % btop;
        while qhat >= (1u64 << 32) || qhat * bnext > ((rhat << 32) | an[j + n - 2] as u64) {
            qhat -= 1;
            rhat += btop;
            if rhat >= (1u64 << 32) {
                break;
            }
        }
        let mut borrow = 0i64;
        let mut carry = 0u64;
        for i in 0..n {
            let p = qhat * bn[i] as u64 + carry;
            carry = p >> 32;
            let t = an[i + j] as i64 - borrow - (p & 0xffff_ffff) as i64;
            an[i + j] = t as u32;
            borrow = if t < 0 { 1 } else { 0 };
        }
        let t = an[j + n] as i64 - borrow - carry as i64;
        an[j + n] = t as u32;
        if t < 0 {
            qhat -= 1;
            let mut c = 0u64;
            for i in 0..n {
                let s2 = an[i + j] as u64 + bn[i] as u64 + c;
                an[i + j] = s2 as u32;
                c = s2 >> 32;
            }
            an[j + n] = an[j + n].wrapping_add(c as u32);
        }
        q[j] = qhat as u32;
    }
    trim(&mut q);
    // Un-normalise the remainder.
    let mut r = vec![0u32; n];
    for i in 0..n {
        r[i] = if s == 0 { an[i] } else { (an[i] >> s) | if i + 1 < n + 1 { an[i + 1] << (32 - s) } else { 0 } };
    }
    trim(&mut r);
    (q, r)
}

fn mag_bit_length(a: &[u32]) -> u64 {
    match a.last() {
        None => 0,
        Some(&top) => (a.len() as u64 - 1) * 32 + (32 - top.leading_zeros() as u64),
    }
}

fn mag_shl(a: &[u32], n: u64) -> Vec<u32> {
    if a.is_empty() {
        return Vec::new();
    }
    let limbs = (n / 32) as usize;
    let bits = (n % 32) as u32;
    let mut out = vec![0u32; limbs];
    out.extend(shl_bits(a, bits));
    trim(&mut out);
    out
}

/// Truncating right shift of a magnitude; also reports whether any 1 bit was dropped.
fn mag_shr(a: &[u32], n: u64) -> (Vec<u32>, bool) {
    let limbs = (n / 32) as usize;
    if limbs >= a.len() {
        return (Vec::new(), !a.is_empty());
    }
    let bits = (n % 32) as u32;
    let mut lost = a[..limbs].iter().any(|&x| x != 0);
    if bits != 0 && a[limbs] & ((1u32 << bits) - 1) != 0 {
        lost = true;
    }
    let mut out = Vec::with_capacity(a.len() - limbs);
    for i in limbs..a.len() {
        let lo = a[i] >> bits;
        let hi = if bits != 0 && i + 1 < a.len() { a[i + 1] << (32 - bits) } else { 0 };
        out.push(lo | hi);
    }
    trim(&mut out);
    (out, lost)
}

/// Magnitude to f64, correctly rounded (half to even), with `sticky` meaning
/// "some nonzero bits below this magnitude were already dropped".
/// Returns (mantissa as f64, binary exponent to apply).
fn mag_to_f64_parts(a: &[u32], sticky: bool) -> (f64, i64) {
    let bl = mag_bit_length(a);
    if bl <= 64 {
        let mut v = 0u64;
        for (i, &x) in a.iter().enumerate() {
            v |= (x as u64) << (32 * i);
        }
        if sticky {
            // Shift up to make room for a sticky bit below the value.
            let v128 = ((v as u128) << 2) | 1;
            return (u128_to_f64(v128), -2);
        }
        return (v as f64, 0);
    }
    let shift = bl - 64;
    let (top, lost) = mag_shr(a, shift);
    let mut v = 0u64;
    for (i, &x) in top.iter().enumerate() {
        v |= (x as u64) << (32 * i);
    }
    if lost || sticky {
        v |= 1; // 64 bits >> 53+2, so a set lowest bit acts as a sticky bit
    }
    (v as f64, shift as i64)
}

fn u128_to_f64(v: u128) -> f64 {
    // `as` rounds to nearest-even, which is what we want.
    v as f64
}

/// x * 2**e without intermediate overflow for moderate e.
pub(crate) fn ldexp(mut x: f64, mut e: i64) -> f64 {
    while e > 1000 {
        x *= 2f64.powi(1000);
        e -= 1000;
        if x.is_infinite() {
            return x;
        }
    }
    while e < -1000 {
        x *= 2f64.powi(-1000);
        e += 1000;
        if x == 0.0 {
            return x;
        }
    }
    x * 2f64.powi(e as i32)
}

/// A magnitude borrowed from an `Int`, or the limbs of a small value.
enum MagView<'a> {
    Inline([u32; 2], usize),
    Heap(&'a [u32]),
}

impl<'a> std::ops::Deref for MagView<'a> {
    type Target = [u32];
    fn deref(&self) -> &[u32] {
        match self {
            MagView::Inline(a, n) => &a[..*n],
            MagView::Heap(m) => m,
        }
    }
}

// ---------------------------------------------------------------------------

fn zero_div(what: &str) -> PyException {
    PyException::new("ZeroDivisionError", what)
}

impl Int {
    /// Zero.
    pub fn zero() -> Int {
        Int(Repr::Small(0))
    }

    /// One.
    pub fn one() -> Int {
        Int(Repr::Small(1))
    }

    /// From an `i64` (never allocates).
    pub fn from_i64(v: i64) -> Int {
        Int(Repr::Small(v))
    }

    fn from_sign_mag(neg: bool, mut mag: Vec<u32>) -> Int {
        trim(&mut mag);
        if mag.len() <= 2 {
            let mut v = 0u64;
            for (i, &x) in mag.iter().enumerate() {
                v |= (x as u64) << (32 * i);
            }
            if !neg && v <= i64::MAX as u64 {
                return Int(Repr::Small(v as i64));
            }
            if neg && v <= (i64::MAX as u64) + 1 {
                return Int(Repr::Small((v as i64).wrapping_neg()));
            }
        }
        Int(Repr::Big(neg, mag))
    }

    /// From an `i128`.
    pub fn from_i128(v: i128) -> Int {
        if v >= i64::MIN as i128 && v <= i64::MAX as i128 {
            return Int(Repr::Small(v as i64));
        }
        Int::from_sign_mag(v < 0, mag_from_u128(v.unsigned_abs()))
    }

    /// From a `u64`.
    pub fn from_u64(v: u64) -> Int {
        Int::from_i128(v as i128)
    }

    /// Sign and a borrowed view of the magnitude (no allocation).
    fn view(&self) -> (bool, MagView<'_>) {
        match &self.0 {
            Repr::Small(v) => {
                let a = v.unsigned_abs();
                let lo = a as u32;
                let hi = (a >> 32) as u32;
                let len = if hi != 0 {
                    2
                } else if lo != 0 {
                    1
                } else {
                    0
                };
                (*v < 0, MagView::Inline([lo, hi], len))
            }
            Repr::Big(n, m) => (*n, MagView::Heap(m)),
        }
    }

    fn sign_mag(&self) -> (bool, Vec<u32>) {
        match &self.0 {
            Repr::Small(v) => (*v < 0, mag_from_u128(v.unsigned_abs() as u128)),
            Repr::Big(n, m) => (*n, m.clone()),
        }
    }

    /// The value as `i64` when it fits.
    pub fn to_i64(&self) -> Option<i64> {
        match self.0 {
            Repr::Small(v) => Some(v),
            Repr::Big(..) => None,
        }
    }

    /// The value as `i64`, or `OverflowError` (for indexes, repeat counts...).
    pub fn to_i64_checked(&self) -> PyResult<i64> {
        self.to_i64().ok_or_else(|| PyException::new("OverflowError", "Python int too large to convert to C ssize_t"))
    }

    /// Whether the value fits in `i64` (and so is stored inline).
    pub fn is_small(&self) -> bool {
        matches!(self.0, Repr::Small(_))
    }

    /// Sign: -1, 0 or 1.
    pub fn signum(&self) -> i64 {
        match &self.0 {
            Repr::Small(v) => v.signum(),
            Repr::Big(n, _) => {
                if *n {
                    -1
                } else {
                    1
                }
            }
        }
    }

    /// `x == 0`.
    pub fn is_zero(&self) -> bool {
        matches!(self.0, Repr::Small(0))
    }

    /// `x < 0`.
    pub fn is_negative(&self) -> bool {
        self.signum() < 0
    }

    /// Python's `int.bit_length()`.
    pub fn bit_length(&self) -> u64 {
        match &self.0 {
            Repr::Small(v) => 64 - v.unsigned_abs().leading_zeros() as u64,
            Repr::Big(_, m) => mag_bit_length(m),
        }
    }

    /// `abs(x)`.
    pub fn abs(&self) -> Int {
        if self.is_negative() {
            -self
        } else {
            self.clone()
        }
    }

    /// Python's `float(x)`: correctly rounded; `OverflowError` when too large.
    pub fn to_f64_checked(&self) -> PyResult<f64> {
        let f = self.to_f64();
        if f.is_infinite() {
            Err(PyException::new("OverflowError", "int too large to convert to float"))
        } else {
            Ok(f)
        }
    }

    /// Correctly rounded conversion to `f64` (infinite when out of range).
    pub fn to_f64(&self) -> f64 {
        match &self.0 {
            Repr::Small(v) => *v as f64,
            Repr::Big(n, m) => {
                let (x, e) = mag_to_f64_parts(m, false);
                let f = ldexp(x, e);
                if *n {
                    -f
                } else {
                    f
                }
            }
        }
    }

    /// Python's `int(f)` (truncates toward zero); ValueError for NaN,
    /// OverflowError for infinities.
    pub fn from_f64(f: f64) -> PyResult<Int> {
        if f.is_nan() {
            return Err(PyException::new("ValueError", "cannot convert float NaN to integer"));
        }
        if f.is_infinite() {
            return Err(PyException::new("OverflowError", "cannot convert float infinity to integer"));
        }
        let t = f.trunc();
        if t.abs() < 9.2e18 {
            return Ok(Int::from_i64(t as i64));
        }
        let bits = t.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
        let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
        // |t| >= 2**63 so exp > 0 here.
        let mag = mag_shl(&mag_from_u128(mant as u128), exp as u64);
        Ok(Int::from_sign_mag(t < 0.0, mag))
    }

    /// Python's true division `a / b` for ints: correctly rounded float.
    pub fn true_div(&self, other: &Int) -> PyResult<f64> {
        if other.is_zero() {
            return Err(zero_div("division by zero"));
        }
        if let (Some(a), Some(b)) = (self.to_i64(), other.to_i64()) {
            if a.unsigned_abs() <= 1u64 << 53 && b.unsigned_abs() <= 1u64 << 53 {
                return Ok(a as f64 / b as f64);
            }
        }
        let (an, am) = self.sign_mag();
        let (bn, bm) = other.sign_mag();
        if am.is_empty() {
            return Ok(if an != bn { -0.0 } else { 0.0 });
        }
        // Scale so that the integer quotient has at least 64 significant bits.
        let s = mag_bit_length(&bm) as i64 - mag_bit_length(&am) as i64 + 66;
        let (num, den) =
            if s >= 0 { (mag_shl(&am, s as u64), bm.clone()) } else { (am.clone(), mag_shl(&bm, (-s) as u64)) };
        let (q, r) = mag_divmod(&num, &den);
        let (x, e) = mag_to_f64_parts(&q, !r.is_empty());
        let f = ldexp(x, e - s);
        if f.is_infinite() {
            return Err(PyException::new("OverflowError", "integer division result too large for a float"));
        }
        Ok(if an != bn { -f } else { f })
    }

    /// Python's `divmod(a, b)`: floor quotient and remainder with the sign of b.
    pub fn divmod(&self, other: &Int) -> PyResult<(Int, Int)> {
        if other.is_zero() {
            return Err(zero_div("integer division or modulo by zero"));
        }
        if let (Repr::Small(a), Repr::Small(b)) = (&self.0, &other.0) {
            if !(*a == i64::MIN && *b == -1) {
                let (q, r) = (a / b, a % b);
                if r != 0 && ((r < 0) != (*b < 0)) {
                    return Ok((Int::from_i64(q - 1), Int::from_i64(r + b)));
                }
                return Ok((Int::from_i64(q), Int::from_i64(r)));
            }
        }
        let (an, am) = self.view();
        let (bn, bm) = other.view();
        let (qm, rm) = mag_divmod(&am, &bm);
        if !rm.is_empty() && an != bn {
            let q = Int::from_sign_mag(true, mag_add(&qm, &[1]));
            let r = Int::from_sign_mag(bn, mag_sub(&bm, &rm));
            Ok((q, r))
        } else {
            Ok((Int::from_sign_mag(an != bn, qm), Int::from_sign_mag(an, rm)))
        }
    }

    /// Python's `a // b`.
    pub fn floor_div(&self, other: &Int) -> PyResult<Int> {
        if other.is_zero() {
            return Err(zero_div("integer division or modulo by zero"));
        }
        Ok(self.divmod(other)?.0)
    }

    /// Python's `a % b`.
    pub fn py_mod(&self, other: &Int) -> PyResult<Int> {
        if other.is_zero() {
            return Err(zero_div("integer modulo by zero"));
        }
        Ok(self.divmod(other)?.1)
    }

    /// `self ** exp` for a non-negative machine exponent.
    pub fn pow(&self, mut exp: u64) -> Int {
        let mut base = self.clone();
        let mut result = Int::one();
        while exp > 0 {
            if exp & 1 == 1 {
                result = &result * &base;
            }
            exp >>= 1;
            if exp > 0 {
                base = &base * &base;
            }
        }
        result
    }

    /// `self ** exp` for an `Int` exponent; a negative exponent is a
    /// `ValueError` here (Python gives a float: use [`Int::pow_f64`]).
    pub fn pow_int(&self, exp: &Int) -> PyResult<Int> {
        if exp.is_negative() {
            return Err(PyException::new("ValueError", "negative exponent for integer power"));
        }
        match exp.to_i64() {
            Some(e) => Ok(self.pow(e as u64)),
            None => match self.to_i64() {
                Some(0) | Some(1) => Ok(self.clone()),
                Some(-1) => Ok(if exp.is_odd() { self.clone() } else { Int::one() }),
                _ => Err(PyException::new("MemoryError", "")),
            },
        }
    }

    /// `float(self) ** exp` as Python computes `int ** negative_int`.
    pub fn pow_f64(&self, exp: &Int) -> PyResult<f64> {
        let b = self.to_f64_checked()?;
        if b == 0.0 && exp.is_negative() {
            return Err(zero_div("0.0 cannot be raised to a negative power"));
        }
        Ok(b.powf(exp.to_f64()))
    }

    /// Whether the value is odd.
    pub fn is_odd(&self) -> bool {
        match &self.0 {
            Repr::Small(v) => v & 1 == 1,
            Repr::Big(_, m) => m[0] & 1 == 1,
        }
    }

    /// Python's three-argument `pow(base, exp, m)` (exp >= 0).
    pub fn pow_mod(&self, exp: &Int, m: &Int) -> PyResult<Int> {
        if m.is_zero() {
            return Err(PyException::new("ValueError", "pow() 3rd argument cannot be 0"));
        }
        if exp.is_negative() {
            return Err(PyException::new("ValueError", "base is not invertible for the given modulus"));
        }
        let mut result = Int::one().py_mod(m)?;
        let mut base = self.py_mod(m)?;
        let mut e = exp.clone();
        while !e.is_zero() {
            if e.is_odd() {
                result = (&result * &base).py_mod(m)?;
            }
            e = e.shr(1);
            if !e.is_zero() {
                base = (&base * &base).py_mod(m)?;
            }
        }
        Ok(result)
    }

    /// `self << n`; negative n is a `ValueError`.
    pub fn shl_checked(&self, n: i64) -> PyResult<Int> {
        if n < 0 {
            return Err(PyException::new("ValueError", "negative shift count"));
        }
        Ok(self.shl(n as u64))
    }

    /// `self >> n`; negative n is a `ValueError`.
    pub fn shr_checked(&self, n: i64) -> PyResult<Int> {
        if n < 0 {
            return Err(PyException::new("ValueError", "negative shift count"));
        }
        Ok(self.shr(n as u64))
    }

    /// `self << n`.
    pub fn shl(&self, n: u64) -> Int {
        if let Repr::Small(v) = self.0 {
            if n < 63 {
                if let Some(r) = v.checked_mul(1i64 << n) {
                    return Int::from_i64(r);
                }
            }
            if v == 0 {
                return Int::zero();
            }
        }
        let (neg, m) = self.sign_mag();
        Int::from_sign_mag(neg, mag_shl(&m, n))
    }

    /// `self >> n` (floor semantics for negative values, like Python).
    pub fn shr(&self, n: u64) -> Int {
        if let Repr::Small(v) = self.0 {
            return Int::from_i64(if n >= 64 {
                if v < 0 {
                    -1
                } else {
                    0
                }
            } else {
                v >> n
            });
        }
        let (neg, m) = self.sign_mag();
        let (q, lost) = mag_shr(&m, n);
        if neg && lost {
            Int::from_sign_mag(true, mag_add(&q, &[1]))
        } else {
            Int::from_sign_mag(neg, q)
        }
    }

    fn bitop(&self, other: &Int, f: fn(u32, u32) -> u32) -> Int {
        if let (Repr::Small(a), Repr::Small(b)) = (&self.0, &other.0) {
            let r = f(*a as u32, *b as u32) as u64 | ((f((*a >> 32) as u32, (*b >> 32) as u32) as u64) << 32);
            return Int::from_i64(r as i64);
        }
        let (an, am) = self.sign_mag();
        let (bn, bm) = other.sign_mag();
        let n = am.len().max(bm.len()) + 1;
        let ta = twos(an, &am, n);
        let tb = twos(bn, &bm, n);
        let mut r: Vec<u32> = (0..n).map(|i| f(ta[i], tb[i])).collect();
        let neg = r[n - 1] & 0x8000_0000 != 0;
        if neg {
            // Back from two's complement: magnitude = !r + 1.
            for x in r.iter_mut() {
                *x = !*x;
            }
            trim(&mut r);
            r = mag_add(&r, &[1]);
        }
        Int::from_sign_mag(neg, r)
    }

    /// Python's `str(x)` in a given base (2..=36), lowercase, no prefix.
    pub fn to_str_radix(&self, base: u32) -> String {
        let (neg, m) = self.sign_mag();
        let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
        if m.is_empty() {
            return "0".to_string();
        }
        let mut out: Vec<u8> = Vec::new();
        // Peel off the largest power of `base` fitting in u32 at a time.
        let mut chunk = base;
        let mut per = 1;
        while (chunk as u64) * (base as u64) <= u32::MAX as u64 {
            chunk *= base;
            per += 1;
        }
        let mut cur = m;
        while !cur.is_empty() {
            let (q, mut r) = mag_divmod_small(&cur, chunk);
            let last = q.is_empty();
            let mut k = 0;
            while k < per && !(last && r == 0) {
                out.push(digits[(r % base) as usize]);
                r /= base;
                k += 1;
            }
            cur = q;
        }
        if neg {
            out.push(b'-');
        }
        out.reverse();
        String::from_utf8(out).unwrap_or_default()
    }

    /// Python's `int(s, base)`: accepts surrounding whitespace, a sign,
    /// underscores between digits, and (for base 0/2/8/16) a prefix.
    /// Errors are CPython's `ValueError` text.
    pub fn parse(s: &str, base: u32) -> PyResult<Int> {
        let bad = || {
            PyException::new(
                "ValueError",
                format!("invalid literal for int() with base {}: {}", base, crate::pystr::str_repr(s)),
            )
        };
        if base == 1 || base > 36 {
            return Err(PyException::new("ValueError", "int() base must be >= 2 and <= 36, or 0"));
        }
        let t = s.trim_matches(|c: char| c.is_whitespace());
        let (neg, mut body) = if let Some(r) = t.strip_prefix('-') {
            (true, r)
        } else if let Some(r) = t.strip_prefix('+') {
            (false, r)
        } else {
            (false, t)
        };
        let mut b = base;
        let mut had_prefix = true;
        let lower = body.to_ascii_lowercase();
        let pref = |p: &str| lower.starts_with(p);
        if (b == 0 || b == 16) && pref("0x") {
            b = 16;
            body = &body[2..];
        } else if (b == 0 || b == 8) && pref("0o") {
            b = 8;
            body = &body[2..];
        } else if (b == 0 || b == 2) && pref("0b") {
            b = 2;
            body = &body[2..];
        } else if b == 0 {
            had_prefix = false;
            b = 10;
            if body.len() > 1 && body.starts_with('0') && body.chars().any(|c| c != '0' && c != '_') {
                return Err(bad());
            }
        } else {
            had_prefix = false;
        }
        let body = if had_prefix { body.strip_prefix('_').unwrap_or(body) } else { body };
        if body.is_empty() || body.starts_with('_') || body.ends_with('_') || body.contains("__") {
            return Err(bad());
        }
        let mut acc = Int::zero();
        let mut small: i64 = 0;
        let mut use_small = true;
        for c in body.chars() {
            if c == '_' {
                continue;
            }
            let d = match c.to_digit(36) {
                Some(d) if d < b => d,
                _ => {
                    // Unicode decimal digits are accepted by Python too.
                    match unicode_decimal(c) {
                        Some(d) if d < b => d,
                        _ => return Err(bad()),
                    }
                }
            };
            if use_small {
                match small.checked_mul(b as i64).and_then(|x| x.checked_add(d as i64)) {
                    Some(v) => small = v,
                    None => {
                        use_small = false;
                        acc = Int::from_i64(small) * (b as i64) + (d as i64);
                    }
                }
            } else {
                acc = acc * (b as i64) + (d as i64);
            }
        }
        let v = if use_small { Int::from_i64(small) } else { acc };
        Ok(if neg { -v } else { v })
    }

    /// Integer square root (`math.isqrt`); `ValueError` for negatives.
    pub fn isqrt(&self) -> PyResult<Int> {
        if self.is_negative() {
            return Err(PyException::new("ValueError", "isqrt() argument must be nonnegative"));
        }
        if let Some(v) = self.to_i64() {
            let mut r = (v as f64).sqrt() as i64;
            while r > 0 && (r as i128) * (r as i128) > v as i128 {
                r -= 1;
            }
            while ((r + 1) as i128) * ((r + 1) as i128) <= v as i128 {
                r += 1;
            }
            return Ok(Int::from_i64(r));
        }
        // Newton iteration from an overestimate.
        let mut x = Int::one().shl((self.bit_length() + 1) / 2 + 1);
        loop {
            let y = (&x + &self.floor_div(&x)?).shr(1);
            if y >= x {
                return Ok(x);
            }
            x = y;
        }
    }

    /// Greatest common divisor (non-negative), like `math.gcd`.
    pub fn gcd(&self, other: &Int) -> Int {
        let mut a = self.abs();
        let mut b = other.abs();
        while !b.is_zero() {
            let r = a.py_mod(&b).unwrap_or_else(|_| Int::zero());
            a = b;
            b = r;
        }
        a
    }
}

fn unicode_decimal(c: char) -> Option<u32> {
    // Common Unicode decimal digit blocks (Nd): enough for int() of such text.
    let starts = [0x0660u32, 0x06F0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0E50, 0xFF10];
    let cp = c as u32;
    for s in starts.iter() {
        if cp >= *s && cp < s + 10 {
            return Some(cp - s);
        }
    }
    None
}

fn twos(neg: bool, m: &[u32], n: usize) -> Vec<u32> {
    let mut v = vec![0u32; n];
    v[..m.len()].copy_from_slice(m);
    if neg {
        for x in v.iter_mut() {
            *x = !*x;
        }
        let mut carry = 1u64;
        for x in v.iter_mut() {
            let s = *x as u64 + carry;
            *x = s as u32;
            carry = s >> 32;
            if carry == 0 {
                break;
            }
        }
    }
    v
}

impl Default for Int {
    fn default() -> Int {
        Int::zero()
    }
}

impl fmt::Display for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Repr::Small(v) => write!(f, "{}", v),
            Repr::Big(..) => f.write_str(&self.to_str_radix(10)),
        }
    }
}

impl fmt::Debug for Int {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Ord for Int {
    fn cmp(&self, other: &Int) -> Ordering {
        match (&self.0, &other.0) {
            (Repr::Small(a), Repr::Small(b)) => a.cmp(b),
            _ => {
                let (an, am) = self.view();
                let (bn, bm) = other.view();
                match (an, bn) {
                    (false, true) => Ordering::Greater,
                    (true, false) => Ordering::Less,
                    (false, false) => mag_cmp(&am, &bm),
                    (true, true) => mag_cmp(&bm, &am),
                }
            }
        }
    }
}

impl PartialOrd for Int {
    fn partial_cmp(&self, other: &Int) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq<i64> for Int {
    fn eq(&self, other: &i64) -> bool {
        matches!(self.0, Repr::Small(v) if v == *other)
    }
}

impl PartialOrd<i64> for Int {
    fn partial_cmp(&self, other: &i64) -> Option<Ordering> {
        Some(match self.0 {
            Repr::Small(v) => v.cmp(other),
            Repr::Big(neg, _) => {
                if neg {
                    Ordering::Less
                } else {
                    Ordering::Greater
                }
            }
        })
    }
}

impl From<i64> for Int {
    fn from(v: i64) -> Int {
        Int::from_i64(v)
    }
}
impl From<i32> for Int {
    fn from(v: i32) -> Int {
        Int::from_i64(v as i64)
    }
}
impl From<u32> for Int {
    fn from(v: u32) -> Int {
        Int::from_i64(v as i64)
    }
}
impl From<usize> for Int {
    fn from(v: usize) -> Int {
        Int::from_u64(v as u64)
    }
}
impl From<u64> for Int {
    fn from(v: u64) -> Int {
        Int::from_u64(v)
    }
}
impl From<bool> for Int {
    fn from(v: bool) -> Int {
        Int::from_i64(v as i64)
    }
}

impl std::str::FromStr for Int {
    type Err = PyException;
    fn from_str(s: &str) -> PyResult<Int> {
        Int::parse(s, 10)
    }
}

fn add_signed(an: bool, am: &[u32], bn: bool, bm: &[u32]) -> Int {
    if an == bn {
        return Int::from_sign_mag(an, mag_add(am, bm));
    }
    match mag_cmp(am, bm) {
        Ordering::Equal => Int::zero(),
        Ordering::Greater => Int::from_sign_mag(an, mag_sub(am, bm)),
        Ordering::Less => Int::from_sign_mag(bn, mag_sub(bm, am)),
    }
}

impl<'a, 'b> Add<&'b Int> for &'a Int {
    type Output = Int;
    fn add(self, o: &'b Int) -> Int {
        if let (Repr::Small(a), Repr::Small(b)) = (&self.0, &o.0) {
            if let Some(r) = a.checked_add(*b) {
                return Int::from_i64(r);
            }
            return Int::from_i128(*a as i128 + *b as i128);
        }
        let (an, am) = self.view();
        let (bn, bm) = o.view();
        add_signed(an, &am, bn, &bm)
    }
}

impl<'a, 'b> Sub<&'b Int> for &'a Int {
    type Output = Int;
    fn sub(self, o: &'b Int) -> Int {
        if let (Repr::Small(a), Repr::Small(b)) = (&self.0, &o.0) {
            if let Some(r) = a.checked_sub(*b) {
                return Int::from_i64(r);
            }
            return Int::from_i128(*a as i128 - *b as i128);
        }
        let (an, am) = self.view();
        let (bn, bm) = o.view();
        add_signed(an, &am, !bn && !bm.is_empty(), &bm)
    }
}

impl<'a, 'b> Mul<&'b Int> for &'a Int {
    type Output = Int;
    fn mul(self, o: &'b Int) -> Int {
        if let (Repr::Small(a), Repr::Small(b)) = (&self.0, &o.0) {
            if let Some(r) = a.checked_mul(*b) {
                return Int::from_i64(r);
            }
            return Int::from_i128(*a as i128 * *b as i128);
        }
        let (an, am) = self.view();
        let (bn, bm) = o.view();
        Int::from_sign_mag(an != bn, mag_mul(&am, &bm))
    }
}

impl<'a> Neg for &'a Int {
    type Output = Int;
    fn neg(self) -> Int {
        match &self.0 {
            Repr::Small(v) => match v.checked_neg() {
                Some(r) => Int::from_i64(r),
                None => Int::from_i128(-(*v as i128)),
            },
            Repr::Big(n, m) => Int::from_sign_mag(!n, m.clone()),
        }
    }
}

impl Neg for Int {
    type Output = Int;
    fn neg(self) -> Int {
        -&self
    }
}

impl<'a> Not for &'a Int {
    type Output = Int;
    /// Python's `~x` == `-x - 1`.
    fn not(self) -> Int {
        &(-self) - &Int::one()
    }
}

impl Not for Int {
    type Output = Int;
    fn not(self) -> Int {
        !&self
    }
}

macro_rules! forward_binop {
    ($tr:ident, $m:ident) => {
        impl $tr<Int> for Int {
            type Output = Int;
            fn $m(self, o: Int) -> Int {
                (&self).$m(&o)
            }
        }
        impl<'a> $tr<&'a Int> for Int {
            type Output = Int;
            fn $m(self, o: &'a Int) -> Int {
                (&self).$m(o)
            }
        }
        impl<'a> $tr<Int> for &'a Int {
            type Output = Int;
            fn $m(self, o: Int) -> Int {
                self.$m(&o)
            }
        }
        impl $tr<i64> for Int {
            type Output = Int;
            fn $m(self, o: i64) -> Int {
                (&self).$m(&Int::from_i64(o))
            }
        }
        impl<'a> $tr<i64> for &'a Int {
            type Output = Int;
            fn $m(self, o: i64) -> Int {
                self.$m(&Int::from_i64(o))
            }
        }
    };
}

forward_binop!(Add, add);
forward_binop!(Sub, sub);
forward_binop!(Mul, mul);
forward_binop!(BitAnd, bitand);
forward_binop!(BitOr, bitor);
forward_binop!(BitXor, bitxor);

impl<'a, 'b> BitAnd<&'b Int> for &'a Int {
    type Output = Int;
    fn bitand(self, o: &'b Int) -> Int {
        self.bitop(o, |a, b| a & b)
    }
}
impl<'a, 'b> BitOr<&'b Int> for &'a Int {
    type Output = Int;
    fn bitor(self, o: &'b Int) -> Int {
        self.bitop(o, |a, b| a | b)
    }
}
impl<'a, 'b> BitXor<&'b Int> for &'a Int {
    type Output = Int;
    fn bitxor(self, o: &'b Int) -> Int {
        self.bitop(o, |a, b| a ^ b)
    }
}

impl AddAssign<&Int> for Int {
    fn add_assign(&mut self, o: &Int) {
        *self = &*self + o;
    }
}
impl AddAssign<Int> for Int {
    fn add_assign(&mut self, o: Int) {
        *self = &*self + &o;
    }
}
impl AddAssign<i64> for Int {
    fn add_assign(&mut self, o: i64) {
        *self = &*self + o;
    }
}
impl SubAssign<&Int> for Int {
    fn sub_assign(&mut self, o: &Int) {
        *self = &*self - o;
    }
}
impl SubAssign<Int> for Int {
    fn sub_assign(&mut self, o: Int) {
        *self = &*self - &o;
    }
}
impl SubAssign<i64> for Int {
    fn sub_assign(&mut self, o: i64) {
        *self = &*self - o;
    }
}
impl MulAssign<&Int> for Int {
    fn mul_assign(&mut self, o: &Int) {
        *self = &*self * o;
    }
}
impl MulAssign<Int> for Int {
    fn mul_assign(&mut self, o: Int) {
        *self = &*self * &o;
    }
}
impl MulAssign<i64> for Int {
    fn mul_assign(&mut self, o: i64) {
        *self = &*self * o;
    }
}

impl std::iter::Sum for Int {
    fn sum<I: Iterator<Item = Int>>(iter: I) -> Int {
        iter.fold(Int::zero(), |a, b| a + b)
    }
}

impl<'a> std::iter::Sum<&'a Int> for Int {
    fn sum<I: Iterator<Item = &'a Int>>(iter: I) -> Int {
        iter.fold(Int::zero(), |a, b| a + b)
    }
}

impl std::iter::Product for Int {
    fn product<I: Iterator<Item = Int>>(iter: I) -> Int {
        iter.fold(Int::one(), |a, b| a * b)
    }
}

// ---------------------------------------------------------------------------
// Python semantics on plain i64, for code the translator proved small.

fn overflow() -> PyException {
    PyException::new("OverflowError", "integer overflow in machine-integer arithmetic")
}

/// Python `a // b` on i64; `ZeroDivisionError`, or `OverflowError` for `i64::MIN // -1`.
pub fn floor_div_i64(a: i64, b: i64) -> PyResult<i64> {
    if b == 0 {
        return Err(zero_div("integer division or modulo by zero"));
    }
    let q = a.checked_div(b).ok_or_else(overflow)?;
    if (a % b != 0) && ((a < 0) != (b < 0)) {
        Ok(q - 1)
    } else {
        Ok(q)
    }
}

/// Python `a % b` on i64 (result has the sign of b); `ZeroDivisionError`.
pub fn mod_i64(a: i64, b: i64) -> PyResult<i64> {
    if b == 0 {
        return Err(zero_div("integer modulo by zero"));
    }
    let r = a.wrapping_rem(b);
    if r != 0 && ((r < 0) != (b < 0)) {
        Ok(r + b)
    } else {
        Ok(r)
    }
}

/// Python `divmod(a, b)` on i64.
pub fn divmod_i64(a: i64, b: i64) -> PyResult<(i64, i64)> {
    if b == 0 {
        return Err(zero_div("integer division or modulo by zero"));
    }
    Ok((floor_div_i64(a, b)?, mod_i64(a, b)?))
}

/// `a ** e` on i64 for e >= 0; `OverflowError` instead of wrapping.
/// (A negative exponent gives a float in Python: use `pow_f64`.)
pub fn pow_i64(a: i64, e: i64) -> PyResult<i64> {
    if e < 0 {
        return Err(PyException::new("ValueError", "negative exponent for integer power"));
    }
    let e = if e > u32::MAX as i64 {
        match a {
            0 | 1 => return Ok(a),
            -1 => return Ok(if e % 2 == 0 { 1 } else { -1 }),
            _ => return Err(overflow()),
        }
    } else {
        e as u32
    };
    a.checked_pow(e).ok_or_else(overflow)
}

/// `pow(a, e, m)` on i64 with Python semantics (e >= 0; result sign of m).
pub fn pow_mod_i64(a: i64, e: i64, m: i64) -> PyResult<i64> {
    if m == 0 {
        return Err(PyException::new("ValueError", "pow() 3rd argument cannot be 0"));
    }
    if e < 0 {
        return Err(PyException::new("ValueError", "base is not invertible for the given modulus"));
    }
    let mm = m as i128;
    let md = |x: i128| ((x % mm) + mm) % mm;
    let mut result = md(1);
    let mut base = md(a as i128);
    let mut e = e;
    while e > 0 {
        if e & 1 == 1 {
            result = md(result * base);
        }
        base = md(base * base);
        e >>= 1;
    }
    Ok(result as i64)
}

/// Checked `a + b` on i64 (`OverflowError` instead of wrapping).
pub fn add_i64(a: i64, b: i64) -> PyResult<i64> {
    a.checked_add(b).ok_or_else(overflow)
}

/// Checked `a - b` on i64.
pub fn sub_i64(a: i64, b: i64) -> PyResult<i64> {
    a.checked_sub(b).ok_or_else(overflow)
}

/// Checked `a * b` on i64.
pub fn mul_i64(a: i64, b: i64) -> PyResult<i64> {
    a.checked_mul(b).ok_or_else(overflow)
}

/// Python `a << n` on i64, checked.
pub fn shl_i64(a: i64, n: i64) -> PyResult<i64> {
    if n < 0 {
        return Err(PyException::new("ValueError", "negative shift count"));
    }
    if a == 0 {
        return Ok(0);
    }
    if n >= 63 {
        return Err(overflow());
    }
    a.checked_mul(1i64 << n).ok_or_else(overflow)
}

/// Python `a >> n` on i64 (floor; large n gives 0 or -1).
pub fn shr_i64(a: i64, n: i64) -> PyResult<i64> {
    if n < 0 {
        return Err(PyException::new("ValueError", "negative shift count"));
    }
    Ok(if n >= 64 {
        if a < 0 {
            -1
        } else {
            0
        }
    } else {
        a >> n
    })
}

/// Python true division `a / b` on i64 (float result, correctly rounded).
pub fn true_div_i64(a: i64, b: i64) -> PyResult<f64> {
    if b == 0 {
        return Err(zero_div("division by zero"));
    }
    if a.unsigned_abs() <= 1u64 << 53 && b.unsigned_abs() <= 1u64 << 53 {
        return Ok(a as f64 / b as f64);
    }
    Int::from_i64(a).true_div(&Int::from_i64(b))
}

/// Python's `int.bit_length()` for i64.
pub fn bit_length_i64(a: i64) -> i64 {
    64 - a.unsigned_abs().leading_zeros() as i64
}

macro_rules! i64_lhs_binop {
    ($tr:ident, $m:ident) => {
        impl $tr<Int> for i64 {
            type Output = Int;
            fn $m(self, o: Int) -> Int {
                (&Int::from_i64(self)).$m(&o)
            }
        }
        impl<'a> $tr<&'a Int> for i64 {
            type Output = Int;
            fn $m(self, o: &'a Int) -> Int {
                (&Int::from_i64(self)).$m(o)
            }
        }
    };
}

i64_lhs_binop!(Add, add);
i64_lhs_binop!(Sub, sub);
i64_lhs_binop!(Mul, mul);

impl PartialEq<Int> for i64 {
    fn eq(&self, other: &Int) -> bool {
        other == self
    }
}

impl PartialOrd<Int> for i64 {
    fn partial_cmp(&self, other: &Int) -> Option<Ordering> {
        other.partial_cmp(self).map(|o| o.reverse())
    }
}
