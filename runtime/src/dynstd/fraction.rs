//! `fractions.Fraction` over dynamic values: an object with `numerator`
//! and `denominator` ints whose arithmetic dunders use the exact
//! [`crate::stdlib::fractions::Fraction`]; mixing with an int stays exact,
//! mixing with a float gives a float (as in CPython).

use super::{arg, field, is_class, make_obj, new_class};
use crate::dynamic::class_cached;
use crate::exc::{PyException, PyResult};
use crate::int::Int;
use crate::repr::{PyRepr, PyStr};
use crate::stdlib::fractions::Fraction;
use crate::value::{Class, Value};
use std::rc::Rc;

/// `fractions.<func>(...)`.
pub fn call(func: &str, args: &[Value], _kwargs: &[(&str, Value)]) -> PyResult<Option<Value>> {
    match func {
        "Fraction" => Ok(Some(to_value(&construct(args)?))),
        _ => Ok(None),
    }
}

fn construct(args: &[Value]) -> PyResult<Fraction> {
    let first = match args.get(0) {
        None => return Ok(Fraction::from_int(Int::zero())),
        Some(v) => v,
    };
    let num = match first {
        Value::Float(f) => Fraction::from_f64(*f)?,
        Value::Str(s) => parse(s)?,
        v => match exact(v)? {
            Some(f) => f,
            None => return Err(PyException::type_error("argument should be a string or a Rational instance")),
        },
    };
    match args.get(1) {
        None => Ok(num),
        Some(d) => match exact(d)? {
            Some(d) => num.div(&d),
            None => Err(PyException::type_error("both arguments should be Rational instances")),
        },
    }
}

/// `Fraction("3/4")`, `Fraction(" -1.25 ")`.
fn parse(s: &str) -> PyResult<Fraction> {
    let t = s.trim();
    let bad = || PyException::value_error(format!("Invalid literal for Fraction: '{}'", s));
    if let Some(i) = t.find('/') {
        let n = Int::parse(t[..i].trim(), 10).map_err(|_| bad())?;
        let d = Int::parse(t[i + 1..].trim(), 10).map_err(|_| bad())?;
        return Fraction::new(n, d);
    }
    let (sign, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let (ip, fp) = match body.find('.') {
        Some(i) => (&body[..i], &body[i + 1..]),
        None => (body, ""),
    };
    if ip.is_empty() && fp.is_empty() {
        return Err(bad());
    }
    let digits = format!("{}{}", ip, fp);
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    let mut n = Int::parse(&digits, 10).map_err(|_| bad())?;
    if sign {
        n = -n;
    }
    Fraction::new(n, Int::from(10).pow(fp.len() as u64))
}

/// The exact rational value of an int, bool or Fraction; None otherwise.
pub fn exact(v: &Value) -> PyResult<Option<Fraction>> {
    match v {
        Value::Int(i) => Ok(Some(Fraction::from_int(i.clone()))),
        Value::Bool(b) => Ok(Some(Fraction::from_int(Int::from(*b as i64)))),
        v if is_class(v, "Fraction") => {
            let n = field(v, "numerator")?.to_int()?;
            let d = field(v, "denominator")?.to_int()?;
            Ok(Some(Fraction::new(n, d)?))
        }
        _ => Ok(None),
    }
}

/// A Fraction value.
pub fn to_value(f: &Fraction) -> Value {
    make_obj(
        &class_cached("fractions.Fraction", fraction_class),
        vec![("numerator", Value::from(f.numerator().clone())), ("denominator", Value::from(f.denominator().clone()))],
    )
}

fn me(a: &[Value]) -> PyResult<Fraction> {
    match exact(&a[0])? {
        Some(f) => Ok(f),
        None => Err(PyException::type_error("expected a Fraction")),
    }
}

/// `self op other` (or `other op self` when `reflected`).
fn binop(a: &[Value], op: char, reflected: bool) -> PyResult<Value> {
    let x = me(a)?;
    let other = arg(a, 1, "operator")?;
    if let Value::Float(f) = other {
        let (l, r) = if reflected { (*f, x.to_f64()) } else { (x.to_f64(), *f) };
        return Value::from(l).arith_op(&Value::from(r), op);
    }
    let y = match exact(other)? {
        Some(y) => y,
        None => {
            return Err(PyException::type_error(format!(
                "unsupported operand type(s) for {}: 'Fraction' and '{}'",
                op,
                other.type_name()
            )))
        }
    };
    let (l, r) = if reflected { (y, x) } else { (x, y) };
    Ok(match op {
        '+' => to_value(&(&l + &r)),
        '-' => to_value(&(&l - &r)),
        '*' => to_value(&(&l * &r)),
        '/' => to_value(&l.div(&r)?),
        // a // b is an int; a % b == a - b * (a // b)
        _ => {
            let q = l.div(&r)?.floor();
            if op == 'f' {
                Value::from(q)
            } else {
                to_value(&(&l - &(&r * &Fraction::from_int(q))))
            }
        }
    })
}

trait ArithOp {
    fn arith_op(&self, o: &Value, op: char) -> PyResult<Value>;
}
impl ArithOp for Value {
    fn arith_op(&self, o: &Value, op: char) -> PyResult<Value> {
        match op {
            '+' => self.add(o),
            '-' => self.sub(o),
            '*' => self.mul(o),
            '/' => self.truediv(o),
            'f' => self.floordiv(o),
            _ => self.modulo(o),
        }
    }
}

/// Three-way comparison with an int, float or Fraction.
fn cmp(a: &[Value]) -> PyResult<Option<std::cmp::Ordering>> {
    let x = me(a)?;
    let other = arg(a, 1, "compare")?;
    if let Value::Float(f) = other {
        if !f.is_finite() {
            return Ok(if f.is_nan() { None } else { Some(if *f > 0.0 { std::cmp::Ordering::Less } else { std::cmp::Ordering::Greater }) });
        }
        return Ok(Some(x.cmp(&Fraction::from_f64(*f)?)));
    }
    match exact(other)? {
        Some(y) => Ok(Some(x.cmp(&y))),
        None => Err(PyException::type_error(format!(
            "'<' not supported between instances of 'Fraction' and '{}'",
            other.type_name()
        ))),
    }
}

fn fraction_class() -> Rc<Class> {
    let c = new_class("Fraction");
    c.def_method("__add__", |a: &[Value]| binop(a, '+', false));
    c.def_method("__radd__", |a: &[Value]| binop(a, '+', true));
    c.def_method("__sub__", |a: &[Value]| binop(a, '-', false));
    c.def_method("__rsub__", |a: &[Value]| binop(a, '-', true));
    c.def_method("__mul__", |a: &[Value]| binop(a, '*', false));
    c.def_method("__rmul__", |a: &[Value]| binop(a, '*', true));
    c.def_method("__truediv__", |a: &[Value]| binop(a, '/', false));
    c.def_method("__rtruediv__", |a: &[Value]| binop(a, '/', true));
    c.def_method("__floordiv__", |a: &[Value]| binop(a, 'f', false));
    c.def_method("__rfloordiv__", |a: &[Value]| binop(a, 'f', true));
    c.def_method("__mod__", |a: &[Value]| binop(a, '%', false));
    c.def_method("__rmod__", |a: &[Value]| binop(a, '%', true));
    c.def_method("__pow__", |a: &[Value]| {
        let x = me(a)?;
        let e = arg(a, 1, "**")?;
        match e {
            Value::Int(i) => {
                let n = i.to_i64_checked()?;
                let p = Fraction::new(x.numerator().pow(n.unsigned_abs()), x.denominator().pow(n.unsigned_abs()))?;
                Ok(to_value(&if n < 0 { Fraction::from_int(Int::one()).div(&p)? } else { p }))
            }
            other => Value::from(x.to_f64()).pow(other),
        }
    });
    c.def_method("__neg__", |a: &[Value]| Ok(to_value(&-&me(a)?)));
    c.def_method("__pos__", |a: &[Value]| Ok(a[0].clone()));
    c.def_method("__abs__", |a: &[Value]| Ok(to_value(&me(a)?.abs())));
    c.def_method("__bool__", |a: &[Value]| Ok(Value::from(!me(a)?.is_zero())));
    c.def_method("__eq__", |a: &[Value]| Ok(Value::from(matches!(a.get(1), Some(_)) && cmp(a).ok().flatten() == Some(std::cmp::Ordering::Equal))));
    c.def_method("__lt__", |a: &[Value]| Ok(Value::from(cmp(a)? == Some(std::cmp::Ordering::Less))));
    c.def_method("__hash__", |a: &[Value]| {
        // Equal numbers hash alike: an integral Fraction hashes as its int.
        let x = me(a)?;
        if *x.denominator() == 1 {
            Ok(Value::from(x.numerator().clone()))
        } else {
            Ok(Value::tuple(vec![Value::from(x.numerator().clone()), Value::from(x.denominator().clone())]))
        }
    });
    c.def_method("__float__", |a: &[Value]| Ok(Value::from(me(a)?.to_f64())));
    c.def_method("__repr__", |a: &[Value]| Ok(Value::from(me(a)?.py_repr())));
    c.def_method("__str__", |a: &[Value]| Ok(Value::from(me(a)?.py_str())));
    c
}
