//! Builtins and builtin-type methods over the dynamic [`Value`], for code the
//! translator cannot type statically: `len(x)`, `sorted(x, key=f)`,
//! `x.append(v)`, `s.split(",")`, `d.items()` on values whose type is only
//! known at run time. Objects of translated classes fall back to
//! [`Value::call_method`]. Errors are Python's exceptions as values.

use crate::dict::{Dict, Set};
use crate::exc::{PyException, PyResult};
use crate::int::Int;
use crate::list::PyOrd;
use crate::repr::{PyRepr, PyStr};
use crate::value::Value;
use crate::value::Class;
use std::cell::RefCell;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::rc::Rc;

fn type_error(msg: String) -> PyException {
    PyException::type_error(msg)
}

/// `int` view of a value (bools count), for indices, counts and widths.
pub fn to_i64(v: &Value) -> PyResult<i64> {
    match v {
        Value::Bool(b) => Ok(*b as i64),
        Value::Int(i) => i.to_i64_checked(),
        _ => Err(type_error(format!("'{}' object cannot be interpreted as an integer", v.type_name()))),
    }
}

/// Optional slice bound: None stays None.
pub fn opt_i64(v: &Value) -> PyResult<Option<i64>> {
    if v.is_none() {
        Ok(None)
    } else {
        to_i64(v).map(Some)
    }
}

fn as_str<'a>(v: &'a Value, what: &str) -> PyResult<&'a str> {
    v.as_str().ok_or_else(|| type_error(format!("{} must be str, not {}", what, v.type_name())))
}

fn arg<'a>(args: &'a [Value], i: usize, name: &str) -> PyResult<&'a Value> {
    args.get(i).ok_or_else(|| type_error(format!("{}() missing required argument", name)))
}

fn str_list(v: Vec<String>) -> Value {
    Value::list(v.into_iter().map(Value::from).collect())
}

fn fill_char(args: &[Value], i: usize) -> PyResult<char> {
    match args.get(i) {
        None => Ok(' '),
        Some(v) => {
            let s = as_str(v, "fill character")?;
            let mut it = s.chars();
            match (it.next(), it.next()) {
                (Some(c), None) => Ok(c),
                _ => Err(type_error("The fill character must be exactly one character long".to_string())),
            }
        }
    }
}

/// A dict display `{k: v, ...}` from its pairs, in order.
pub fn dict_from(pairs: Vec<(Value, Value)>) -> PyResult<Value> {
    let mut d: Dict<Value, Value> = Dict::new();
    for (k, v) in pairs {
        k.check_hashable()?;
        d.insert(k, v);
    }
    Ok(Value::dict(d))
}

/// A set display `{a, b, ...}`.
pub fn set_from(items: Vec<Value>) -> PyResult<Value> {
    let mut s: Set<Value> = Set::new();
    for x in items {
        x.check_hashable()?;
        s.add(x);
    }
    Ok(Value::set(s))
}

fn cmp_values(a: &Value, b: &Value) -> Ordering {
    a.py_cmp(b)
}

/// `sorted(items, key=key, reverse=reverse)`; key may be None.
pub fn sorted_values(items: Vec<Value>, key: Option<&Value>, reverse: bool) -> PyResult<Vec<Value>> {
    let mut keyed: Vec<(Value, Value)> = Vec::with_capacity(items.len());
    for x in items {
        let k = match key {
            Some(f) if !f.is_none() => f.call(&[x.clone()])?,
            _ => x.clone(),
        };
        keyed.push((k, x));
    }
    // Comparisons that raise (str < int) surface as TypeError before sorting.
    for w in keyed.windows(2) {
        w[0].0.lt(&w[1].0)?;
    }
    if reverse {
        keyed.sort_by(|a, b| cmp_values(&b.0, &a.0));
    } else {
        keyed.sort_by(|a, b| cmp_values(&a.0, &b.0));
    }
    Ok(keyed.into_iter().map(|p| p.1).collect())
}

fn extreme(name: &str, args: &[Value], key: Option<&Value>, default: Option<&Value>) -> PyResult<Value> {
    let items: Vec<Value> = if args.len() == 1 { args[0].iter()? } else { args.to_vec() };
    let want = if name == "max" { Ordering::Greater } else { Ordering::Less };
    let mut best: Option<(Value, Value)> = None;
    for x in items {
        let k = match key {
            Some(f) if !f.is_none() => f.call(&[x.clone()])?,
            _ => x.clone(),
        };
        let better = match &best {
            None => true,
            Some((bk, _)) => {
                let c = if want == Ordering::Greater { k.gt(bk)? } else { k.lt(bk)? };
                c
            }
        };
        if better {
            best = Some((k, x));
        }
    }
    match best {
        Some((_, x)) => Ok(x),
        None => match default {
            Some(d) => Ok(d.clone()),
            None => Err(PyException::value_error(format!("{}() arg is an empty sequence", name))),
        },
    }
}

fn kw<'a>(kwargs: &'a [(&str, Value)], name: &str) -> Option<&'a Value> {
    kwargs.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
}

/// A builtin function called with dynamic arguments: `builtin("len", &[x], &[])`.
pub fn builtin(name: &str, args: &[Value], kwargs: &[(&str, Value)]) -> PyResult<Value> {
    if name == "zip" || name == "map" {
        // Infinite itertools iterators stop at the shortest finite input.
        let skip = (name == "map") as usize;
        if let Some(b) = crate::dynstd::itertools::bound_args(args.get(skip..).unwrap_or(&[]))? {
            let mut all = args[..skip].to_vec();
            all.extend(b);
            return builtin(name, &all, kwargs);
        }
    }
    match name {
        "len" => Ok(Value::from(arg(args, 0, name)?.len()?)),
        "str" => Ok(match args.get(0) {
            None => Value::str(""),
            Some(v) => Value::from(v.py_str()),
        }),
        "repr" => Ok(Value::from(arg(args, 0, name)?.py_repr())),
        "int" => {
            let v = arg(args, 0, name)?;
            if let Some(b) = args.get(1).or_else(|| kw(kwargs, "base")) {
                let s = as_str(v, "int() argument")?;
                return Ok(Value::from(Int::parse(s.trim(), to_i64(b)? as u32)?));
            }
            Ok(Value::from(v.to_int()?))
        }
        "float" => match args.get(0) {
            None => Ok(Value::from(0.0)),
            Some(v) => Ok(Value::from(v.to_float()?)),
        },
        "bool" => Ok(Value::from(args.get(0).map(|v| v.truthy()).unwrap_or(false))),
        "abs" => arg(args, 0, name)?.abs(),
        "round" => {
            let x = arg(args, 0, name)?;
            match args.get(1).or_else(|| kw(kwargs, "ndigits")) {
                None | Some(Value::None) => match x {
                    Value::Float(f) => Ok(Value::from(crate::float::round_f64_to_int(*f)?)),
                    _ => Ok(x.clone()),
                },
                Some(nd) => match x {
                    Value::Float(f) => Ok(Value::from(crate::float::round_f64(*f, to_i64(nd)?))),
                    _ => Ok(Value::from(crate::builtins::round_int(to_i64(x)?, to_i64(nd)?)?)),
                },
            }
        }
        "min" | "max" => extreme(name, args, kw(kwargs, "key"), kw(kwargs, "default")),
        "sum" => {
            let mut acc = args.get(1).or_else(|| kw(kwargs, "start")).cloned().unwrap_or_else(|| Value::int(0));
            for x in arg(args, 0, name)?.iter()? {
                acc = acc.add(&x)?;
            }
            Ok(acc)
        }
        "sorted" => {
            let items = arg(args, 0, name)?.iter()?;
            let reverse = kw(kwargs, "reverse").map(|v| v.truthy()).unwrap_or(false);
            Ok(Value::list(sorted_values(items, kw(kwargs, "key"), reverse)?))
        }
        "reversed" => {
            let mut v = arg(args, 0, name)?.iter()?;
            v.reverse();
            Ok(Value::list(v))
        }
        "enumerate" => {
            let start = match kw(kwargs, "start").or_else(|| args.get(1)) {
                Some(s) => to_i64(s)?,
                None => 0,
            };
            let v = arg(args, 0, name)?.iter()?;
            Ok(Value::list(
                v.into_iter().enumerate().map(|(i, x)| Value::tuple(vec![Value::int(i as i64 + start), x])).collect(),
            ))
        }
        "zip" => {
            crate::gen::zip(args)
        }
        "range" => {
            let (a, b, s) = match args.len() {
                1 => (0, to_i64(&args[0])?, 1),
                2 => (to_i64(&args[0])?, to_i64(&args[1])?, 1),
                _ => (to_i64(arg(args, 0, name)?)?, to_i64(arg(args, 1, name)?)?, to_i64(arg(args, 2, name)?)?),
            };
            Ok(Value::list(crate::builtins::range(a, b, s)?.map(Value::int).collect()))
        }
        "list" => Ok(Value::list(match args.get(0) {
            None => Vec::new(),
            Some(v) => v.iter()?,
        })),
        "tuple" => Ok(Value::tuple(match args.get(0) {
            None => Vec::new(),
            Some(v) => v.iter()?,
        })),
        "set" => set_from(match args.get(0) {
            None => Vec::new(),
            Some(v) => v.iter()?,
        }),
        "frozenset" => {
            let mut s: Set<Value> = Set::new();
            if let Some(v) = args.get(0) {
                for x in v.iter()? {
                    x.check_hashable()?;
                    s.add(x);
                }
            }
            Ok(Value::FrozenSet(Rc::new(s)))
        }
        // `iter(x)` is a lazy iterator object (runtime gen.rs); an infinite
        // itertools iterator stays itself; `next` on a list still consumes
        // from the front.
        "iter" => match arg(args, 0, name)? {
            x if crate::dynstd::itertools::is_lazy(x) => Ok(x.clone()),
            x => crate::gen::iter(x),
        },
        "next" => match arg(args, 0, name)? {
            Value::List(l) => {
                let mut v = l.borrow_mut();
                if v.is_empty() {
                    drop(v);
                    match args.get(1) {
                        Some(d) => Ok(d.clone()),
                        None => Err(PyException::stop_iteration()),
                    }
                } else {
                    Ok(v.remove(0))
                }
            }
            it @ Value::Object(_) => crate::gen::next_builtin(it, args.get(1)),
            other => Err(PyException::type_error(format!("'{}' object is not an iterator", other.type_name()))),
        },
        "slice" => {
            let n = |i: usize| args.get(i).cloned().unwrap_or(Value::None);
            Ok(if args.len() == 1 {
                Value::slice_object(Value::None, n(0), Value::None)
            } else {
                Value::slice_object(n(0), n(1), n(2))
            })
        }
        "dict.fromkeys" => {
            let fill = args.get(1).cloned().unwrap_or(Value::None);
            let keys = arg(args, 0, name)?.iter()?;
            dict_from(keys.into_iter().map(|k| (k, fill.clone())).collect())
        }
        "str.maketrans" => maketrans(args),
        "dict" => {
            let mut pairs = Vec::new();
            if let Some(src) = args.get(0).map(crate::dynstd::collections::plain).as_ref() {
                if let Value::Dict(d) = src {
                    for (k, v) in d.borrow().iter() {
                        pairs.push((k.clone(), v.clone()));
                    }
                } else {
                    for item in src.iter()? {
                        let kv = item.iter()?;
                        if kv.len() != 2 {
                            return Err(PyException::value_error("dictionary update sequence element has wrong length"));
                        }
                        pairs.push((kv[0].clone(), kv[1].clone()));
                    }
                }
            }
            for (k, v) in kwargs {
                pairs.push((Value::str(k), v.clone()));
            }
            dict_from(pairs)
        }
        "ord" => Ok(Value::from(crate::pystr::ord(as_str(arg(args, 0, name)?, "ord() argument")?)?)),
        "chr" => Ok(Value::from(crate::pystr::chr(to_i64(arg(args, 0, name)?)?)?)),
        "bin" | "oct" | "hex" => {
            let n = arg(args, 0, name)?.to_int()?;
            Ok(Value::from(match name {
                "bin" => crate::builtins::bin_int(&n),
                "oct" => crate::builtins::oct_int(&n),
                _ => crate::builtins::hex_int(&n),
            }))
        }
        "pow" => {
            let a = arg(args, 0, name)?;
            let b = arg(args, 1, name)?;
            match args.get(2) {
                Some(m) => Ok(Value::from(a.to_int()?.pow_mod(&b.to_int()?, &m.to_int()?)?)),
                None => a.pow(b),
            }
        }
        "divmod" => arg(args, 0, name)?.divmod(arg(args, 1, name)?),
        "any" => Ok(Value::from(arg(args, 0, name)?.iter()?.iter().any(|x| x.truthy()))),
        "all" => Ok(Value::from(arg(args, 0, name)?.iter()?.iter().all(|x| x.truthy()))),
        "format" => {
            let spec = match args.get(1) {
                Some(s) => as_str(s, "format spec")?.to_string(),
                None => String::new(),
            };
            Ok(Value::from(crate::fmt::py_format(arg(args, 0, name)?, &spec)?))
        }
        "isinstance" => {
            let v = arg(args, 0, name)?;
            let names: Vec<String> = match arg(args, 1, name)? {
                Value::Tuple(t) => t.iter().map(|x| x.py_str()).collect(),
                other => vec![other.py_str()],
            };
            Ok(Value::from(names.iter().any(|n| v.is_instance(n))))
        }
        "type_name" => Ok(Value::from(arg(args, 0, name)?.type_name().to_string())),
        "map" => {
            let f = arg(args, 0, name)?;
            let cols: Vec<Vec<Value>> = args[1..].iter().map(|a| a.iter()).collect::<PyResult<_>>()?;
            let n = cols.iter().map(|c| c.len()).min().unwrap_or(0);
            let mut out = Vec::with_capacity(n);
            for i in 0..n {
                let call_args: Vec<Value> = cols.iter().map(|c| c[i].clone()).collect();
                out.push(f.call(&call_args)?);
            }
            Ok(Value::list(out))
        }
        "filter" => {
            let f = arg(args, 0, name)?;
            let mut out = Vec::new();
            for x in arg(args, 1, name)?.iter()? {
                let keep = if f.is_none() { x.truthy() } else { f.call(&[x.clone()])?.truthy() };
                if keep {
                    out.push(x);
                }
            }
            Ok(Value::list(out))
        }
        _ => Err(PyException::not_implemented(format!("builtin {}() on dynamic values", name))),
    }
}

fn list_method(l: &Value, name: &str, args: &[Value], kwargs: &[(&str, Value)]) -> PyResult<Option<Value>> {
    let rc = match l {
        Value::List(rc) => rc,
        _ => return Ok(None),
    };
    let r = match name {
        "append" => {
            rc.borrow_mut().push(arg(args, 0, name)?.clone());
            Value::None
        }
        "extend" => {
            let items = arg(args, 0, name)?.iter()?;
            rc.borrow_mut().extend(items);
            Value::None
        }
        "insert" => {
            let mut v = rc.borrow_mut();
            let len = v.len() as i64;
            let mut i = to_i64(arg(args, 0, name)?)?;
            if i < 0 {
                i = (i + len).max(0);
            }
            let i = i.min(len) as usize;
            v.insert(i, arg(args, 1, name)?.clone());
            Value::None
        }
        "pop" => {
            let mut v = rc.borrow_mut();
            if v.is_empty() {
                return Err(PyException::index_error("pop from empty list"));
            }
            let i = match args.get(0) {
                None => v.len() - 1,
                Some(i) => crate::slice::check_index(to_i64(i)?, v.len(), "pop index out of range")?,
            };
            v.remove(i)
        }
        "remove" => {
            let x = arg(args, 0, name)?;
            let mut v = rc.borrow_mut();
            match v.iter().position(|e| e.py_eq(x)) {
                Some(i) => {
                    v.remove(i);
                }
                None => return Err(PyException::value_error("list.remove(x): x not in list")),
            }
            Value::None
        }
        "index" => {
            let x = arg(args, 0, name)?;
            // list.index(x, start, stop): the search window, negative from the end.
            let n = rc.borrow().len() as i64;
            let clamp = |v: i64| if v < 0 { (v + n).max(0) } else { v.min(n) };
            let lo = clamp(opt_i(args, 1)?.unwrap_or(0)) as usize;
            let hi = clamp(opt_i(args, 2)?.unwrap_or(n)) as usize;
            let found = if lo < hi { rc.borrow()[lo..hi].iter().position(|e| e.py_eq(x)).map(|i| i + lo) } else { None };
            match found {
                Some(i) => Value::int(i as i64),
                None => return Err(PyException::value_error(format!("{} is not in list", x.py_repr()))),
            }
        }
        "count" => {
            let x = arg(args, 0, name)?;
            Value::int(rc.borrow().iter().filter(|e| e.py_eq(x)).count() as i64)
        }
        "sort" => {
            let items: Vec<Value> = rc.borrow().clone();
            let reverse = kw(kwargs, "reverse").map(|v| v.truthy()).unwrap_or(false);
            let sorted = sorted_values(items, kw(kwargs, "key"), reverse)?;
            *rc.borrow_mut() = sorted;
            Value::None
        }
        "reverse" => {
            rc.borrow_mut().reverse();
            Value::None
        }
        "copy" => Value::list(rc.borrow().clone()),
        "clear" => {
            rc.borrow_mut().clear();
            Value::None
        }
        _ => return Ok(None),
    };
    Ok(Some(r))
}

/// Optional integer argument `i` (absent or None gives None).
fn opt_i(args: &[Value], i: usize) -> PyResult<Option<i64>> {
    match args.get(i) {
        None | Some(Value::None) => Ok(None),
        Some(v) => to_i64(v).map(Some),
    }
}

fn dict_method(d: &Value, name: &str, args: &[Value], kwargs: &[(&str, Value)]) -> PyResult<Option<Value>> {
    let rc = match d {
        Value::Dict(rc) => rc,
        _ => return Ok(None),
    };
    let r = match name {
        "get" => {
            let k = arg(args, 0, name)?;
            match rc.borrow().get(k) {
                Some(v) => v.clone(),
                None => args.get(1).cloned().unwrap_or(Value::None),
            }
        }
        "keys" => Value::list(rc.borrow().keys_vec()),
        "values" => Value::list(rc.borrow().values_vec()),
        "items" => Value::list(rc.borrow().items_vec().into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect()),
        "pop" => {
            let k = arg(args, 0, name)?;
            let removed = rc.borrow_mut().remove(k);
            match removed {
                Some(v) => v,
                None => match args.get(1) {
                    Some(dflt) => dflt.clone(),
                    None => return Err(PyException::key_error(k)),
                },
            }
        }
        "popitem" => {
            let (k, v) = rc.borrow_mut().popitem()?;
            Value::tuple(vec![k, v])
        }
        "setdefault" => {
            let k = arg(args, 0, name)?.clone();
            k.check_hashable()?;
            let dflt = args.get(1).cloned().unwrap_or(Value::None);
            let mut b = rc.borrow_mut();
            b.setdefault(k, dflt).clone()
        }
        "update" => {
            let none = Value::None;
            let src = args.get(0).unwrap_or(&none);
            let mut pairs: Vec<(Value, Value)> = match src {
                Value::None => Vec::new(),
                Value::Dict(o) => o.borrow().items_vec(),
                other => {
                    let mut p = Vec::new();
                    for item in other.iter()? {
                        let kv = item.iter()?;
                        if kv.len() != 2 {
                            return Err(PyException::value_error("dictionary update sequence element has wrong length"));
                        }
                        p.push((kv[0].clone(), kv[1].clone()));
                    }
                    p
                }
            };
            for (k, v) in kwargs {
                pairs.push((Value::str(k), v.clone()));
            }
            let mut b = rc.borrow_mut();
            for (k, v) in pairs {
                b.insert(k, v);
            }
            Value::None
        }
        "copy" => Value::dict(rc.borrow().clone()),
        "clear" => {
            *rc.borrow_mut() = Dict::new();
            Value::None
        }
        _ => return Ok(None),
    };
    Ok(Some(r))
}

fn set_method(s: &Value, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
    let rc = match s {
        Value::Set(rc) => rc,
        _ => return Ok(None),
    };
    let other = |i: usize| -> PyResult<Set<Value>> { arg(args, i, name)?.to_set() };
    let r = match name {
        "add" => {
            let x = arg(args, 0, name)?.clone();
            x.check_hashable()?;
            rc.borrow_mut().add(x);
            Value::None
        }
        "discard" => {
            let x = arg(args, 0, name)?;
            let _ = rc.borrow_mut().remove(x);
            Value::None
        }
        "remove" => {
            let x = arg(args, 0, name)?;
            rc.borrow_mut().remove(x)?;
            Value::None
        }
        "union" => Value::set(rc.borrow().union(&other(0)?)),
        "intersection" => Value::set(rc.borrow().intersection(&other(0)?)),
        "difference" => Value::set(rc.borrow().difference(&other(0)?)),
        "symmetric_difference" => Value::set(rc.borrow().symmetric_difference(&other(0)?)),
        "issubset" => Value::from(rc.borrow().is_subset(&other(0)?)),
        "issuperset" => Value::from(rc.borrow().is_superset(&other(0)?)),
        "isdisjoint" => Value::from(rc.borrow().is_disjoint(&other(0)?)),
        "copy" => Value::set(rc.borrow().clone()),
        "update" => {
            let o = other(0)?;
            let mut b = rc.borrow_mut();
            for x in o.to_vec() {
                b.add(x);
            }
            Value::None
        }
        _ => return Ok(None),
    };
    Ok(Some(r))
}

fn str_method(v: &Value, name: &str, args: &[Value], kwargs: &[(&str, Value)]) -> PyResult<Option<Value>> {
    let s = match v.as_str() {
        Some(s) => s,
        None => return Ok(None),
    };
    let sarg = |i: usize| -> PyResult<&str> { as_str(arg(args, i, name)?, "argument") };
    let opt_s = |i: usize| -> PyResult<Option<&str>> {
        match args.get(i) {
            None | Some(Value::None) => Ok(None),
            Some(x) => as_str(x, "argument").map(Some),
        }
    };
    let r = match name {
        "translate" => str_translate(s, arg(args, 0, name)?)?,
        "upper" => Value::from(crate::pystr::str_upper(s)),
        "casefold" => Value::from(crate::pystr::str_casefold(s)),
        "lower" => Value::from(crate::pystr::str_lower(s)),
        "title" => Value::from(crate::pystr::str_title(s)),
        "capitalize" => Value::from(crate::pystr::str_capitalize(s)),
        "swapcase" => Value::from(crate::pystr::str_swapcase(s)),
        "strip" => Value::from(crate::pystr::str_strip(s, opt_s(0)?)),
        "lstrip" => Value::from(crate::pystr::str_lstrip(s, opt_s(0)?)),
        "rstrip" => Value::from(crate::pystr::str_rstrip(s, opt_s(0)?)),
        "split" => {
            let n = match args.get(1) {
                Some(n) => to_i64(n)?,
                None => -1,
            };
            str_list(crate::pystr::str_split(s, opt_s(0)?, n)?)
        }
        "rsplit" => {
            let n = match args.get(1) {
                Some(n) => to_i64(n)?,
                None => -1,
            };
            str_list(crate::pystr::str_rsplit(s, opt_s(0)?, n)?)
        }
        "splitlines" => str_list(crate::pystr::str_splitlines(s, args.get(0).map(|v| v.truthy()).unwrap_or(false))),
        "join" => {
            let items = arg(args, 0, name)?.iter()?;
            let mut parts: Vec<String> = Vec::with_capacity(items.len());
            for (i, x) in items.iter().enumerate() {
                match x.as_str() {
                    Some(t) => parts.push(t.to_string()),
                    None => {
                        return Err(type_error(format!(
                            "sequence item {}: expected str instance, {} found",
                            i,
                            x.type_name()
                        )))
                    }
                }
            }
            Value::from(parts.join(s))
        }
        "replace" => {
            let n = match args.get(2) {
                Some(n) => to_i64(n)?,
                None => -1,
            };
            Value::from(crate::pystr::str_replace(s, sarg(0)?, sarg(1)?, n))
        }
        "startswith" | "endswith" => {
            let a = arg(args, 0, name)?;
            let pats: Vec<String> = match a {
                Value::Tuple(t) => t.iter().map(|x| x.py_str()).collect(),
                other => vec![as_str(other, "argument")?.to_string()],
            };
            let (lo, hi) = (opt_i(args, 1)?, opt_i(args, 2)?);
            let hit = pats.iter().any(|p| {
                if lo.is_some() || hi.is_some() {
                    if name == "startswith" {
                        crate::pystr::str_startswith_at(s, p.as_str(), lo, hi)
                    } else {
                        crate::pystr::str_endswith_at(s, p.as_str(), lo, hi)
                    }
                } else if name == "startswith" {
                    s.starts_with(p.as_str())
                } else {
                    s.ends_with(p.as_str())
                }
            });
            Value::from(hit)
        }
        "find" => Value::int(crate::pystr::str_find(s, sarg(0)?, opt_i(args, 1)?, opt_i(args, 2)?)),
        "rfind" => Value::int(crate::pystr::str_rfind(s, sarg(0)?, opt_i(args, 1)?, opt_i(args, 2)?)),
        "index" => Value::int(crate::pystr::str_index_of(s, sarg(0)?, opt_i(args, 1)?, opt_i(args, 2)?)?),
        "count" => Value::int(crate::pystr::str_count(s, sarg(0)?, opt_i(args, 1)?, opt_i(args, 2)?)),
        "expandtabs" => Value::from(crate::pystr::str_expandtabs(s, match args.get(0) {
            Some(n) => to_i64(n)?,
            None => 8,
        })),
        "isdigit" => Value::from(crate::pystr::str_isdigit(s)),
        "isalpha" => Value::from(crate::pystr::str_isalpha(s)),
        "isalnum" => Value::from(crate::pystr::str_isalnum(s)),
        "isidentifier" => Value::from(crate::pystr::str_isidentifier(s)),
        "isspace" => Value::from(crate::pystr::str_isspace(s)),
        "isupper" => Value::from(crate::pystr::str_isupper(s)),
        "islower" => Value::from(crate::pystr::str_islower(s)),
        "center" => Value::from(crate::pystr::str_center(s, to_i64(arg(args, 0, name)?)?, fill_char(args, 1)?)),
        "ljust" => Value::from(crate::pystr::str_ljust(s, to_i64(arg(args, 0, name)?)?, fill_char(args, 1)?)),
        "rjust" => Value::from(crate::pystr::str_rjust(s, to_i64(arg(args, 0, name)?)?, fill_char(args, 1)?)),
        "zfill" => Value::from(crate::pystr::str_zfill(s, to_i64(arg(args, 0, name)?)?)),
        "partition" | "rpartition" => {
            let (a, b, c) = if name == "partition" {
                crate::pystr::str_partition(s, sarg(0)?)?
            } else {
                crate::pystr::str_rpartition(s, sarg(0)?)?
            };
            Value::tuple(vec![Value::from(a), Value::from(b), Value::from(c)])
        }
        "removeprefix" => Value::from(crate::pystr::str_removeprefix(s, sarg(0)?)),
        "removesuffix" => Value::from(crate::pystr::str_removesuffix(s, sarg(0)?)),
        "format" => {
            let vals: Vec<Value> = args.to_vec();
            Value::from(crate::fmt::str_format(s, &vals, kwargs)?)
        }
        _ => return Ok(None),
    };
    Ok(Some(r))
}

/// `recv.name(*args, **kwargs)` for builtin types, else the object's method.
pub fn method(recv: &Value, name: &str, args: &[Value], kwargs: &[(&str, Value)]) -> PyResult<Value> {
    if let Some(v) = list_method(recv, name, args, kwargs)? {
        return Ok(v);
    }
    if let Some(v) = dict_method(recv, name, args, kwargs)? {
        return Ok(v);
    }
    if let Some(v) = set_method(recv, name, args)? {
        return Ok(v);
    }
    if let Some(v) = str_method(recv, name, args, kwargs)? {
        return Ok(v);
    }
    if let Value::Tuple(t) = recv {
        if name == "index" || name == "count" {
            let x = arg(args, 0, name)?;
            if name == "count" {
                return Ok(Value::int(t.iter().filter(|e| e.py_eq(x)).count() as i64));
            }
            return match t.iter().position(|e| e.py_eq(x)) {
                Some(i) => Ok(Value::int(i as i64)),
                None => Err(PyException::value_error("tuple.index(x): x not in tuple")),
            };
        }
    }
    if let (Value::Int(i), "bit_length") = (recv, name) {
        return Ok(Value::int(i.bit_length() as i64));
    }
    if let (Value::Float(f), "is_integer") = (recv, name) {
        return Ok(Value::from(crate::float::float_is_integer(*f)));
    }
    if let (Value::Float(f), "as_integer_ratio") = (recv, name) {
        let (n, d) = crate::float::float_as_integer_ratio(*f)?;
        return Ok(Value::tuple(vec![Value::from(n), Value::from(d)]));
    }
    if let Some(v) = crate::dynstd::method(recv, name, args, kwargs)? {
        return Ok(v);
    }
    match recv {
        Value::Object(o) if !kwargs.is_empty() => {
            if let Some(k) = o.class.find_method(name).and_then(|m| m.kw.clone()) {
                let mut all = vec![recv.clone()];
                all.extend_from_slice(args);
                return k(&all, kwargs);
            }
            Err(PyException::not_implemented(format!("keyword arguments to method {}", name)))
        }
        Value::Object(_) => recv.call_method(name, args),
        // An attribute holding a function (`fib.report()`).
        Value::Func(_) if kwargs.is_empty() => recv.getattr(name)?.call(args),
        _ => Err(PyException::attribute_error(format!("'{}' object has no attribute '{}'", recv.type_name(), name))),
    }
}

/// `str` text of a value for `print(..., sep=v)` and friends.
pub fn text(v: &Value) -> String {
    v.py_str()
}

/// Unpacking `a, b = v`: exactly `n` items or Python's ValueError.
pub fn unpack(v: &Value, n: usize) -> PyResult<Vec<Value>> {
    let items = v.iter()?;
    if items.len() < n {
        return Err(PyException::value_error(format!("not enough values to unpack (expected {}, got {})", n, items.len())));
    }
    if items.len() > n {
        return Err(PyException::value_error(format!("too many values to unpack (expected {})", n)));
    }
    Ok(items)
}

/// `x += y`: lists extend in place (aliases see it), everything else is `x + y`.
pub fn iadd(x: &Value, y: &Value) -> PyResult<Value> {
    if let Value::List(rc) = x {
        let items = y.iter()?;
        rc.borrow_mut().extend(items);
        return Ok(x.clone());
    }
    x.add(y)
}

/// `fmt % args` for a dynamic right operand (a tuple spreads).
pub fn percent(fmt: &Value, args: &Value) -> PyResult<Value> {
    match fmt.as_str() {
        Some(f) => {
            let vals = match args {
                Value::Tuple(t) => t.as_ref().clone(),
                other => vec![other.clone()],
            };
            Ok(Value::from(crate::fmt::percent_format(f, &vals)?))
        }
        None => fmt.modulo(args),
    }
}

/// The exception a `raise Cls(args)` creates: class name plus `str()` of the
/// single argument (several arguments keep Python's tuple text).
pub fn exception(class: &str, args: &[Value]) -> PyException {
    PyException::with_args(class, args.to_vec())
}

/// `except ... as e`: the exception as an object (see `exc_obj`).
pub fn exception_value(e: &PyException) -> Value {
    crate::exc_obj::exception_value(e)
}

/// Pins a closure's type for `Value::func` (so `?` inside it knows its error type).
pub fn lambda<F: Fn(&[Value]) -> PyResult<Value> + 'static>(f: F) -> F {
    f
}

thread_local! {
    static CLASSES: RefCell<HashMap<String, Rc<Class>>> = RefCell::new(HashMap::new());
}

thread_local! {
    static GLOBALS: RefCell<HashMap<String, Value>> = RefCell::new(HashMap::new());
}

/// Records a module-level variable that functions read.
pub fn set_global(name: &str, v: Value) {
    GLOBALS.with(|g| {
        g.borrow_mut().insert(name.to_string(), v);
    });
}

/// A module-level variable read from a function; NameError before the
/// module body assigned it. An imported module's keys are `pkg.mod.name`.
pub fn get_global(name: &str) -> PyResult<Value> {
    match GLOBALS.with(|g| g.borrow().get(name).cloned()) {
        Some(v) => Ok(v),
        None => {
            let short = name.rsplit('.').next().unwrap_or(name);
            Err(PyException::new("NameError", format!("name '{}' is not defined", short)))
        }
    }
}

thread_local! {
    static IMPORTED: RefCell<std::collections::HashSet<String>> = RefCell::new(std::collections::HashSet::new());
}

/// True the first time a module of the codebase is imported (its body runs
/// then); the module counts as imported from that moment on.
pub fn first_import(module: &str) -> bool {
    // Called on every attribute access of the module: no allocation once imported.
    IMPORTED.with(|m| {
        if m.borrow().contains(module) {
            return false;
        }
        m.borrow_mut().insert(module.to_string())
    })
}

/// The class object of a translated class, built once by `make`.
pub fn class_cached(name: &str, make: fn() -> Rc<Class>) -> Rc<Class> {
    let found = CLASSES.with(|c| c.borrow().get(name).cloned());
    match found {
        Some(c) => c,
        None => {
            let c = make();
            CLASSES.with(|m| m.borrow_mut().insert(name.to_string(), c.clone()));
            c
        }
    }
}

/// `Cls(*args)`: a new object, `__init__` called when the class has one.
pub fn construct(class: &Rc<Class>, args: &[Value]) -> PyResult<Value> {
    let obj = Value::new_object(class);
    if let Some(init) = class.find_method("__init__") {
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(obj.clone());
        all.extend_from_slice(args);
        init.call(&all)?;
    } else if !args.is_empty() {
        return Err(PyException::type_error(format!("{}() takes no arguments", class.name)));
    }
    Ok(obj)
}

/// `obj.name`: instance attribute, then a property (registered as the
/// method `@property:name`), then a bound method.
pub fn attr(obj: &Value, name: &str) -> PyResult<Value> {
    if let Value::Object(o) = obj {
        if o.fields.borrow().get(name).is_none() {
            if let Some(p) = o.class.find_method(&format!("@property:{}", name)) {
                return p.call(&[obj.clone()]);
            }
        }
    }
    match obj.getattr(name) {
        Ok(v) => Ok(v),
        Err(e) => match obj {
            // A builtin container's method used as a value (`key=d.get`):
            // a bound method calling the dynamic method dispatch.
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Str(_) => {
                let recv = obj.clone();
                let m = name.to_string();
                Ok(Value::func(name, move |a: &[Value]| method(&recv, &m, a, &[])))
            }
            _ => Err(e),
        },
    }
}

/// A dataclass's generated `__repr__`: `Point(x=1, y=2)`.
pub fn dataclass_repr(obj: &Value, fields: &[&str]) -> PyResult<Value> {
    let mut s = String::new();
    s.push_str(obj.type_name());
    s.push('(');
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            s.push_str(", ");
        }
        s.push_str(f);
        s.push('=');
        obj.getattr(f)?.py_repr_into(&mut s);
    }
    s.push(')');
    Ok(Value::from(s))
}

/// A dataclass's generated `__eq__`: same class and equal fields.
pub fn dataclass_eq(a: &Value, b: &Value, fields: &[&str]) -> PyResult<Value> {
    if a.type_name() != b.type_name() {
        return Ok(Value::from(false));
    }
    for f in fields {
        if !a.getattr(f)?.py_eq(&b.getattr(f)?) {
            return Ok(Value::from(false));
        }
    }
    Ok(Value::from(true))
}

/// `str.maketrans(dict)` / `str.maketrans(from, to[, delete])`: a dict from
/// code points to replacements (str, code point or None).
fn maketrans(args: &[Value]) -> PyResult<Value> {
    let mut pairs = Vec::new();
    let first = arg(args, 0, "maketrans")?;
    if let Value::Dict(d) = first {
        for (k, v) in d.borrow().iter() {
            let key = match k.as_str() {
                Some(t) if t.chars().count() == 1 => Value::int(t.chars().next().map(|c| c as i64).unwrap_or(0)),
                Some(_) => {
                    return Err(PyException::value_error("string keys in translate table must be of length 1"))
                }
                None => k.clone(),
            };
            pairs.push((key, v.clone()));
        }
        return dict_from(pairs);
    }
    let from: Vec<char> = as_str(first, "maketrans() argument")?.chars().collect();
    let to: Vec<char> = as_str(arg(args, 1, "maketrans")?, "maketrans() argument")?.chars().collect();
    if from.len() != to.len() {
        return Err(PyException::value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in from.iter().zip(to.iter()) {
        pairs.push((Value::int(*a as i64), Value::int(*b as i64)));
    }
    if let Some(z) = args.get(2) {
        for c in as_str(z, "maketrans() argument")?.chars() {
            pairs.push((Value::int(c as i64), Value::None));
        }
    }
    dict_from(pairs)
}

/// `s.translate(table)`: each character looked up by code point; missing
/// ones stay, None deletes, a str or code point replaces.
fn str_translate(s: &str, table: &Value) -> PyResult<Value> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let key = Value::int(c as i64);
        let found = match table {
            Value::Dict(d) => d.borrow().get(&key).cloned(),
            other => match other.getitem(&key) {
                Ok(v) => Some(v),
                Err(_) => None,
            },
        };
        match found {
            None => out.push(c),
            Some(Value::None) => {}
            Some(Value::Str(r)) => out.push_str(&r),
            Some(v) => {
                let n = to_i64(&v)?;
                match std::char::from_u32(n as u32) {
                    Some(ch) => out.push(ch),
                    None => return Err(PyException::value_error("character mapping must be in range(0x110000)")),
                }
            }
        }
    }
    Ok(Value::from(out))
}

/// A dataclass(order=True) comparison: the tuples of the compared fields.
pub fn dataclass_order(a: &Value, b: &Value, fields: &[&str], op: &str) -> PyResult<Value> {
    if a.type_name() != b.type_name() {
        return Err(PyException::type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op,
            a.type_name(),
            b.type_name()
        )));
    }
    let mut x = Vec::with_capacity(fields.len());
    let mut y = Vec::with_capacity(fields.len());
    for f in fields {
        x.push(a.getattr(f)?);
        y.push(b.getattr(f)?);
    }
    let (x, y) = (Value::tuple(x), Value::tuple(y));
    Ok(Value::from(match op {
        "__lt__" => x.lt(&y)?,
        "__le__" => x.le(&y)?,
        "__gt__" => x.gt(&y)?,
        _ => x.ge(&y)?,
    }))
}

/// A dataclass's `__hash__`: the tuple of its fields (hashing that tuple
/// hashes the instance, consistent with the generated `__eq__`).
pub fn dataclass_hash(a: &Value, fields: &[&str]) -> PyResult<Value> {
    let mut parts = Vec::with_capacity(fields.len());
    for f in fields {
        parts.push(a.getattr(f)?);
    }
    Ok(Value::tuple(parts))
}

/// Argument `i` of a method call, or the parameter's default.
pub fn arg_or(args: &[Value], i: usize, default: Value) -> Value {
    args.get(i).cloned().unwrap_or(default)
}

/// `v[a:b:c] = vals` on a list.
pub fn setslice(v: &Value, start: Option<i64>, stop: Option<i64>, step: Option<i64>, vals: &Value) -> PyResult<()> {
    match v {
        Value::List(rc) => {
            let items = vals.iter()?;
            crate::list::list_set_slice(&mut rc.borrow_mut(), start, stop, step, items)
        }
        _ => Err(PyException::type_error(format!("'{}' object does not support slice assignment", v.type_name()))),
    }
}

/// `del v[a:b:c]` on a list.
pub fn delslice(v: &Value, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> PyResult<()> {
    match v {
        Value::List(rc) => crate::list::list_del_slice(&mut rc.borrow_mut(), start, stop, step),
        _ => Err(PyException::type_error(format!("'{}' object does not support slice deletion", v.type_name()))),
    }
}

/// `a, *rest, b = v`: `before` items, the middle as a list, `after` items.
pub fn unpack_star(v: &Value, before: usize, after: usize) -> PyResult<Vec<Value>> {
    let items = v.iter()?;
    if items.len() < before + after {
        return Err(PyException::value_error(format!(
            "not enough values to unpack (expected at least {}, got {})",
            before + after,
            items.len()
        )));
    }
    let mut out: Vec<Value> = items[..before].to_vec();
    out.push(Value::list(items[before..items.len() - after].to_vec()));
    out.extend_from_slice(&items[items.len() - after..]);
    Ok(out)
}

/// Arguments with `*spread` parts: `(false, x)` is one argument, `(true, xs)` spreads xs.
pub fn spread(parts: Vec<(bool, Value)>) -> PyResult<Vec<Value>> {
    let mut out = Vec::new();
    for (star, v) in parts {
        if star {
            out.extend(v.iter()?);
        } else {
            out.push(v);
        }
    }
    Ok(out)
}

/// A dict display with `**m` parts: `(Some(k), v)` is one item, `(None, m)` merges m.
pub fn dict_build(parts: Vec<(Option<Value>, Value)>) -> PyResult<Value> {
    let mut pairs = Vec::new();
    for (k, v) in parts {
        match k {
            Some(k) => pairs.push((k, v)),
            None => match &v {
                Value::Dict(d) => pairs.extend(d.borrow().items_vec()),
                other => return Err(PyException::type_error(format!("'{}' object is not a mapping", other.type_name()))),
            },
        }
    }
    dict_from(pairs)
}

fn with_list<R>(v: &Value, f: impl FnOnce(&mut Vec<Value>) -> PyResult<R>) -> PyResult<R> {
    match v {
        Value::List(rc) => f(&mut rc.borrow_mut()),
        other => Err(PyException::type_error(format!("expected a list, got {}", other.type_name()))),
    }
}

fn float_arg(args: &[Value], i: usize, name: &str) -> PyResult<f64> {
    arg(args, i, name)?.to_float()
}

/// `module.func(*args)` for the stdlib modules the translator maps by name.
pub fn module_call(name: &str, args: &[Value], kwargs: &[(&str, Value)]) -> PyResult<Value> {
    use crate::stdlib::{bisect, heapq, math};
    match name {
        "heapq.heappush" => {
            let x = arg(args, 1, name)?.clone();
            with_list(arg(args, 0, name)?, |v| {
                heapq::heappush(v, x);
                Ok(Value::None)
            })
        }
        "heapq.heappop" => with_list(arg(args, 0, name)?, |v| heapq::heappop(v)),
        "heapq.heapify" => with_list(arg(args, 0, name)?, |v| {
            heapq::heapify(v);
            Ok(Value::None)
        }),
        "string.Template" => crate::template::template(arg(args, 0, name)?),
        "string.capwords" => {
            let text = as_str(arg(args, 0, name)?, "capwords() argument")?;
            let words: Vec<String> = match args.get(1) {
                None | Some(Value::None) => text.split_whitespace().map(crate::pystr::str_capitalize).collect(),
                Some(sep) => {
                    let sep = as_str(sep, "capwords() argument")?;
                    let parts: Vec<String> = text.split(sep).map(crate::pystr::str_capitalize).collect();
                    return Ok(Value::from(parts.join(sep)));
                }
            };
            Ok(Value::from(words.join(" ")))
        }
        "heapq.merge" => {
            // Merging sorted inputs = a stable sort of their concatenation.
            let mut all = Vec::new();
            for a in args {
                all.extend(a.iter()?);
            }
            let reverse = kw(kwargs, "reverse").map(|v| v.truthy()).unwrap_or(false);
            Ok(Value::list(sorted_values(all, kw(kwargs, "key"), reverse)?))
        }
        "heapq.heapreplace" => {
            let x = arg(args, 1, name)?.clone();
            with_list(arg(args, 0, name)?, |v| heapq::heapreplace(v, x))
        }
        "heapq.heappushpop" => {
            let x = arg(args, 1, name)?.clone();
            with_list(arg(args, 0, name)?, |v| Ok(heapq::heappushpop(v, x)))
        }
        "heapq.nlargest" | "heapq.nsmallest" => {
            // sorted(items, key=key, reverse=largest)[:n]: the same order as
            // heapq's (stable among equal keys).
            let n = to_i64(arg(args, 0, name)?)?.max(0) as usize;
            let items = arg(args, 1, name)?.iter()?;
            let mut out = sorted_values(items, kw(kwargs, "key"), name == "heapq.nlargest")?;
            out.truncate(n);
            Ok(Value::list(out))
        }
        "bisect.bisect_left" | "bisect.bisect_right" | "bisect.bisect" => {
            let x = arg(args, 1, name)?.clone();
            let items = arg(args, 0, name)?.iter()?;
            Ok(Value::int(if name == "bisect.bisect_left" {
                bisect::bisect_left(&items, &x)
            } else {
                bisect::bisect_right(&items, &x)
            }))
        }
        "bisect.insort" | "bisect.insort_right" | "bisect.insort_left" => {
            let x = arg(args, 1, name)?.clone();
            with_list(arg(args, 0, name)?, |v| {
                let i = if name == "bisect.insort_left" { bisect::bisect_left(v, &x) } else { bisect::bisect_right(v, &x) };
                v.insert(i as usize, x);
                Ok(Value::None)
            })
        }
        "functools.reduce" => {
            let f = arg(args, 0, name)?;
            let mut items = arg(args, 1, name)?.iter()?.into_iter();
            let mut acc = match args.get(2) {
                Some(init) => init.clone(),
                None => match items.next() {
                    Some(x) => x,
                    None => return Err(PyException::type_error("reduce() of empty iterable with no initial value")),
                },
            };
            for x in items {
                acc = f.call(&[acc, x])?;
            }
            Ok(acc)
        }
        "math.sqrt" => Ok(Value::from(math::sqrt(float_arg(args, 0, name)?)?)),
        "math.floor" => Ok(Value::int(math::floor(float_arg(args, 0, name)?)?)),
        "math.ceil" => Ok(Value::int(math::ceil(float_arg(args, 0, name)?)?)),
        "math.fabs" => Ok(Value::from(float_arg(args, 0, name)?.abs())),
        "math.sin" => Ok(Value::from(float_arg(args, 0, name)?.sin())),
        "math.cos" => Ok(Value::from(float_arg(args, 0, name)?.cos())),
        "math.exp" => Ok(Value::from(float_arg(args, 0, name)?.exp())),
        "math.hypot" => Ok(Value::from(float_arg(args, 0, name)?.hypot(float_arg(args, 1, name)?))),
        "math.gcd" => Ok(Value::from(arg(args, 0, name)?.to_int()?.gcd(&arg(args, 1, name)?.to_int()?))),
        "math.isclose" => {
            let a = float_arg(args, 0, name)?;
            let b = float_arg(args, 1, name)?;
            let rel = match kw(kwargs, "rel_tol") {
                Some(v) => v.to_float()?,
                None => 1e-9,
            };
            let abs_tol = match kw(kwargs, "abs_tol") {
                Some(v) => v.to_float()?,
                None => 0.0,
            };
            Ok(Value::from(a == b || (a - b).abs() <= f64::max(rel * f64::max(a.abs(), b.abs()), abs_tol)))
        }
        _ => crate::dynstd::module_call(name, args, kwargs),
    }
}

/// A module constant (`math.pi`).
pub fn module_attr(name: &str) -> PyResult<Value> {
    match name {
        "math.pi" => Ok(Value::from(std::f64::consts::PI)),
        "math.e" => Ok(Value::from(std::f64::consts::E)),
        "math.inf" => Ok(Value::from(f64::INFINITY)),
        "math.tau" => Ok(Value::from(std::f64::consts::TAU)),
        "math.nan" => Ok(Value::from(f64::NAN)),
        "string.punctuation" => Ok(Value::str("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")),
        "string.ascii_lowercase" => Ok(Value::str("abcdefghijklmnopqrstuvwxyz")),
        "string.ascii_uppercase" => Ok(Value::str("ABCDEFGHIJKLMNOPQRSTUVWXYZ")),
        "string.ascii_letters" => Ok(Value::str("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")),
        "string.digits" => Ok(Value::str("0123456789")),
        "string.hexdigits" => Ok(Value::str("0123456789abcdefABCDEF")),
        "string.octdigits" => Ok(Value::str("01234567")),
        "string.whitespace" => Ok(Value::str(" \t\n\r\x0b\x0c")),
        _ => crate::dynstd::module_attr(name),
    }
}
