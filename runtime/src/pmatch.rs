//! Helpers for the `match` statement in dynamic code: each answers whether
//! a subject has the shape a pattern asks for, and hands back the parts
//! the sub-patterns match against (the translator composes the tests).

use crate::value::Value;

/// A sequence pattern with `n` sub-patterns (`star`: index of the `*rest`,
/// or -1): the parts in pattern order (the starred part as a list), or None
/// when `v` is not a list/tuple of a fitting length (str never matches).
pub fn seq(v: &Value, n: usize, star: i64) -> Option<Vec<Value>> {
    let items: Vec<Value> = match v {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => (**t).clone(),
        _ => return None,
    };
    if star < 0 {
        return if items.len() == n { Some(items) } else { None };
    }
    let star = star as usize;
    if items.len() + 1 < n {
        return None;
    }
    let after = n - 1 - star;
    let mut out: Vec<Value> = items[..star].to_vec();
    out.push(Value::list(items[star..items.len() - after].to_vec()));
    out.extend_from_slice(&items[items.len() - after..]);
    Some(out)
}

/// A mapping pattern: the values of `keys` when `v` is a dict holding all
/// of them, else None.
pub fn map(v: &Value, keys: &[Value]) -> Option<Vec<Value>> {
    match v {
        Value::Dict(d) => {
            let d = d.borrow();
            let mut out = Vec::with_capacity(keys.len());
            for k in keys {
                out.push(d.get(k)?.clone());
            }
            Some(out)
        }
        _ => None,
    }
}

/// `**rest` of a mapping pattern: the other items.
pub fn map_rest(v: &Value, keys: &[Value]) -> Value {
    let mut out = crate::dict::Dict::new();
    if let Value::Dict(d) = v {
        for (k, x) in d.borrow().iter() {
            if !keys.iter().any(|y| y.py_eq(k)) {
                out.insert(k.clone(), x.clone());
            }
        }
    }
    Value::dict(out)
}

/// An attribute a class pattern reads (None when missing: no match).
pub fn attr(v: &Value, name: &str) -> Option<Value> {
    crate::dynamic::attr(v, name).ok()
}

/// `case C()`: isinstance for builtin type names and user classes.
pub fn is_type(v: &Value, name: &str) -> bool {
    match name {
        "int" => matches!(v, Value::Int(_) | Value::Bool(_)),
        "bool" => matches!(v, Value::Bool(_)),
        "float" => matches!(v, Value::Float(_)),
        "str" => matches!(v, Value::Str(_)),
        "list" => matches!(v, Value::List(_)),
        "tuple" => matches!(v, Value::Tuple(_)),
        "dict" => matches!(v, Value::Dict(_)),
        "set" => matches!(v, Value::Set(_)),
        "frozenset" => matches!(v, Value::FrozenSet(_)),
        "object" => true,
        _ => v.is_instance(name),
    }
}

/// `case None` / `case True` / `case False`: identity, not equality.
pub fn singleton(v: &Value, s: &Value) -> bool {
    match (v, s) {
        (Value::None, Value::None) => true,
        (Value::Bool(a), Value::Bool(b)) => a == b,
        _ => false,
    }
}
