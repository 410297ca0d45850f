//! Bridges for modules that mix static and dynamic functions: dict and set
//! conversions from a dynamic `Value` (the rest of `FromValue` lives in
//! value.rs), used where a dynamic caller passes a dict or set to a
//! statically typed function or receives one back.

use crate::dict::{Dict, Set};
use crate::exc::{PyException, PyResult};
use crate::value::{FromValue, Value};
use std::hash::Hash;

fn expected(what: &str, v: &Value) -> PyException {
    PyException::new("TypeError", format!("expected {}, got {}", what, v.type_name()))
}

impl<K: FromValue + Hash + Eq + Clone, V: FromValue> FromValue for Dict<K, V> {
    fn from_value(v: &Value) -> PyResult<Dict<K, V>> {
        match v {
            Value::Dict(d) => {
                let mut out = Dict::new();
                for (k, x) in d.borrow().iter() {
                    out.insert(K::from_value(k)?, V::from_value(x)?);
                }
                Ok(out)
            }
            _ => Err(expected("dict", v)),
        }
    }
}

impl<T: FromValue + Hash + Eq + Clone> FromValue for Set<T> {
    fn from_value(v: &Value) -> PyResult<Set<T>> {
        let items: Vec<Value> = match v {
            Value::Set(s) => s.borrow().iter().cloned().collect(),
            Value::FrozenSet(s) => s.iter().cloned().collect(),
            _ => return Err(expected("set", v)),
        };
        let mut out = Set::new();
        for x in &items {
            out.add(T::from_value(x)?);
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::value::ToValue;

    #[test]
    fn dict_and_set_round_trip() {
        let mut d: Dict<String, i64> = Dict::new();
        d.insert("a".to_string(), 1);
        d.insert("b".to_string(), 2);
        let back: Dict<String, i64> = FromValue::from_value(&d.to_value()).unwrap();
        assert_eq!(back.len(), 2);
        let mut s: Set<i64> = Set::new();
        s.add(3);
        let back: Set<i64> = FromValue::from_value(&s.to_value()).unwrap();
        assert_eq!(back.len(), 1);
        assert!(<Dict<String, i64> as FromValue>::from_value(&Value::from(1i64)).is_err());
    }
}
