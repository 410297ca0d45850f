#![allow(unused_mut, unused_variables, unused_assignments, unused_parens, unused_imports, dead_code, non_snake_case, unreachable_code, clippy::all)]

use portalis_runtime as rt;
use portalis_runtime::exc::{PyException, PyResult};
use portalis_runtime::repr::{PyRepr, PyStr};
use portalis_runtime::value::{Class, Value};
use std::rc::Rc;
use portalis_runtime::value::{FromValue, ToValue};

pub fn is_palindrome(s: &str) -> PyResult<bool> {
    let cleaned: String = ({
        let mut out1: Vec<String> = Vec::new();
        for ch in s.chars().map(String::from) {
            if rt::pystr::str_isalnum(ch.as_str()) {
                out1.push(ch.to_lowercase());
            }
        }
        out1
    }).into_iter().collect::<Vec<String>>().join("");
    Ok(cleaned.as_str() == rt::pystr::str_slice(cleaned.as_str(), None, None, Some(-1))?.as_str())
}

pub fn window(xs: &[i64], a: i64, b: i64) -> PyResult<Vec<i64>> {
    if !(a <= b) {
        return Err(PyException::assertion_error("bad range".to_string()));
    }
    Ok([&rt::list::list_slice(xs, Some(a), Some(b), None)?[..], &rt::list::list_slice(xs, None, None, Some(-2))?[..]].concat())
}

pub fn count_words(text: &str) -> rt::dict::Dict<String, i64> {
    let mut counts: rt::dict::Dict<String, i64> = <rt::dict::Dict<String, i64>>::new();
    for word in text.split_whitespace().map(String::from).collect::<Vec<String>>().into_iter() {
        let val1: i64 = counts.get_or(word.as_str(), 0) + 1;
        counts.insert(word.clone(), val1);
    }
    counts
}

pub fn age_of(name: &str) -> PyResult<i64> {
    let ages: rt::dict::Dict<String, i64> = {
        let mut dict1 = <rt::dict::Dict<String, i64>>::new();
        dict1.insert("ann".to_string(), 31);
        dict1.insert("bob".to_string(), 27);
        dict1
    };
    if ages.contains_key(name) {
        return Ok(*ages.getitem(name)? + ages.len() as i64);
    }
    Ok(-1)
}

pub fn main() -> PyResult<()> {
    let mut e: Value = Value::None;
    rt::print::print(&[&({
        let val1 = Value::str("No lemon, no melon");
        let arg2: String = <String>::from_value(&val1)?;
        let ret3 = is_palindrome(&arg2)?;
        ret3.to_value()
    }), &({
        let val4 = Value::list(vec![Value::int(1), Value::int(2), Value::int(3), Value::int(4), Value::int(5)]);
        let arg5: Vec<i64> = <Vec<i64>>::from_value(&val4)?;
        let val6 = Value::int(1);
        let arg7: i64 = <i64>::from_value(&val6)?;
        let val8 = Value::int(3);
        let arg9: i64 = <i64>::from_value(&val8)?;
        let ret10 = window(&arg5, arg7, arg9)?;
        ret10.to_value()
    }), &Value::str("hello").getslice(rt::dynamic::opt_i64(&Value::int(1))?, rt::dynamic::opt_i64(&Value::int(-1))?, None)?], " ", "\n");
    rt::print::print(&[&({
        let val11 = Value::str("a b a c a b");
        let arg12: String = <String>::from_value(&val11)?;
        let ret13 = count_words(&arg12);
        ret13.to_value()
    }), &({
        let val14 = Value::str("bob");
        let arg15: String = <String>::from_value(&val14)?;
        let ret16 = age_of(&arg15)?;
        ret16.to_value()
    }), &({
        let val17 = Value::str("zed");
        let arg18: String = <String>::from_value(&val17)?;
        let ret19 = age_of(&arg18)?;
        ret19.to_value()
    })], " ", "\n");
    let attempt20: PyResult<()> = (|| {
        {
            let val21 = Value::list(vec![Value::int(1)]);
            let arg22: Vec<i64> = <Vec<i64>>::from_value(&val21)?;
            let val23 = Value::int(3);
            let arg24: i64 = <i64>::from_value(&val23)?;
            let val25 = Value::int(1);
            let arg26: i64 = <i64>::from_value(&val25)?;
            let ret27 = window(&arg22, arg24, arg26)?;
            ret27.to_value()
        };
        Ok(())
    })();
    let outcome30: PyResult<()> = match attempt20 {
        Ok(()) => Ok(()),
        Err(raised28) if raised28.is_instance_of("AssertionError") => {
            let caught29 = raised28;
            (|| {
                e = rt::dynamic::exception_value(&caught29);
                rt::print::print(&[&Value::str("assert:"), &e.clone()], " ", "\n");
                Ok(())
            })()
        },
        Err(raised28) => Err(raised28),
    };
    outcome30?;
    Ok(())
}
