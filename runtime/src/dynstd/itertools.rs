//! `itertools` over dynamic values. Finite results are eager lists (of
//! tuples where CPython yields tuples); the infinite `count`, `cycle` and
//! `repeat(x)` are small lazy iterator objects (`__next__`) that `islice`,
//! `zip`, `map`, `zip_longest`... take items from on demand.

use super::{arg, arg_kw, field, is_class, kw, make_obj, new_class, set_field};
use crate::dynamic::{class_cached, to_i64};
use crate::exc::{PyException, PyResult};
use crate::value::{Class, Value};
use std::rc::Rc;

/// Whether `v` is one of the infinite iterators made here.
pub fn is_lazy(v: &Value) -> bool {
    is_class(v, "count") || is_class(v, "cycle") || is_class(v, "repeat")
}

/// The next `n` items of a lazy iterator.
pub fn take(v: &Value, n: usize) -> PyResult<Vec<Value>> {
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        match v.call_dunder("__next__", &[])? {
            Some(x) => out.push(x),
            None => break,
        }
    }
    Ok(out)
}

/// Arguments of a call that stops at its shortest input (`zip`, `map`):
/// lazy infinite ones become lists as long as the shortest finite one.
/// None when there is no lazy argument.
pub fn bound_args(args: &[Value]) -> PyResult<Option<Vec<Value>>> {
    if !args.iter().any(is_lazy) {
        return Ok(None);
    }
    let mut n: Option<usize> = None;
    let mut lists: Vec<Option<Vec<Value>>> = Vec::new();
    for a in args {
        if is_lazy(a) {
            lists.push(None);
        } else {
            let items = a.iter()?;
            n = Some(n.map_or(items.len(), |m| m.min(items.len())));
            lists.push(Some(items));
        }
    }
    let n = match n {
        Some(n) => n,
        None => return Err(PyException::not_implemented("zip/map over infinite iterators only")),
    };
    let mut out = Vec::with_capacity(args.len());
    for (a, l) in args.iter().zip(lists) {
        out.push(Value::list(match l {
            Some(items) => items,
            None => take(a, n)?,
        }));
    }
    Ok(Some(out))
}

fn items(v: &Value) -> PyResult<Vec<Value>> {
    if is_lazy(v) {
        return Err(PyException::not_implemented("an infinite iterator where a finite one is needed"));
    }
    v.iter()
}

fn tuples(v: Vec<Vec<Value>>) -> Value {
    Value::list(v.into_iter().map(Value::tuple).collect())
}

fn opt_r(args: &[Value], kwargs: &[(&str, Value)], n: usize) -> PyResult<usize> {
    match arg_kw(args, kwargs, 1, "r") {
        None | Some(Value::None) => Ok(n),
        Some(r) => Ok(to_i64(r)?.max(0) as usize),
    }
}

fn lazy(kind: &str, fields: Vec<(&str, Value)>) -> Value {
    let class = match kind {
        "count" => class_cached("itertools.count", count_class),
        "cycle" => class_cached("itertools.cycle", cycle_class),
        _ => class_cached("itertools.repeat", repeat_class),
    };
    make_obj(&class, fields)
}

fn count_class() -> Rc<Class> {
    let c = new_class("count");
    c.def_method("__next__", |a: &[Value]| {
        let cur = field(&a[0], "next")?;
        set_field(&a[0], "next", cur.add(&field(&a[0], "step")?)?);
        Ok(cur)
    });
    c.def_method("__repr__", |a: &[Value]| Ok(Value::from(format!("count({})", field(&a[0], "next")?.py_repr()))));
    c
}

fn cycle_class() -> Rc<Class> {
    let c = new_class("cycle");
    c.def_method("__next__", |a: &[Value]| {
        let items = field(&a[0], "items")?;
        let n = items.len()?;
        if n == 0 {
            return Err(PyException::stop_iteration());
        }
        let i = to_i64(&field(&a[0], "i")?)?;
        set_field(&a[0], "i", Value::int((i + 1) % n));
        items.getitem(&Value::int(i))
    });
    c
}

fn repeat_class() -> Rc<Class> {
    let c = new_class("repeat");
    c.def_method("__next__", |a: &[Value]| field(&a[0], "x"));
    c
}

use crate::repr::PyRepr;

/// `itertools.<func>(...)`.
pub fn call(func: &str, args: &[Value], kwargs: &[(&str, Value)]) -> PyResult<Option<Value>> {
    use crate::stdlib::itertools as it;
    Ok(Some(match func {
        "permutations" => {
            let xs = items(arg(args, 0, func)?)?;
            let r = opt_r(args, kwargs, xs.len())?;
            tuples(it::permutations(&xs, r))
        }
        "combinations" => {
            let xs = items(arg(args, 0, func)?)?;
            let r = opt_r(args, kwargs, xs.len())?;
            tuples(it::combinations(&xs, r))
        }
        "combinations_with_replacement" => {
            let xs = items(arg(args, 0, func)?)?;
            let r = opt_r(args, kwargs, xs.len())?;
            tuples(it::combinations_with_replacement(&xs, r))
        }
        "product" => {
            let repeat = match kw(kwargs, "repeat") {
                Some(r) => to_i64(r)?.max(0) as usize,
                None => 1,
            };
            let mut pools = Vec::new();
            for _ in 0..repeat {
                for a in args {
                    pools.push(items(a)?);
                }
            }
            tuples(it::product(&pools))
        }
        "accumulate" => {
            let xs = items(arg(args, 0, func)?)?;
            let f = arg_kw(args, kwargs, 1, "func").cloned().unwrap_or(Value::None);
            let mut out = Vec::new();
            let mut acc: Option<Value> = match kw(kwargs, "initial") {
                Some(v) if !v.is_none() => {
                    out.push(v.clone());
                    Some(v.clone())
                }
                _ => None,
            };
            for x in xs {
                let next = match acc {
                    None => x,
                    Some(a) => if f.is_none() { a.add(&x)? } else { f.call(&[a, x])? },
                };
                out.push(next.clone());
                acc = Some(next);
            }
            Value::list(out)
        }
        "chain" => {
            let mut out = Vec::new();
            for a in args {
                out.extend(items(a)?);
            }
            Value::list(out)
        }
        "chain.from_iterable" => {
            let mut out = Vec::new();
            for a in items(arg(args, 0, func)?)? {
                out.extend(items(&a)?);
            }
            Value::list(out)
        }
        "groupby" => {
            let xs = items(arg(args, 0, func)?)?;
            let key = arg_kw(args, kwargs, 1, "key").cloned().unwrap_or(Value::None);
            let mut out: Vec<(Value, Vec<Value>)> = Vec::new();
            for x in xs {
                let k = if key.is_none() { x.clone() } else { key.call(&[x.clone()])? };
                match out.last_mut() {
                    Some((last, group)) if last.py_eq(&k) => group.push(x),
                    _ => out.push((k, vec![x])),
                }
            }
            Value::list(out.into_iter().map(|(k, g)| Value::tuple(vec![k, Value::list(g)])).collect())
        }
        "islice" => {
            let src = arg(args, 0, func)?;
            let bound = |v: Option<&Value>| -> PyResult<Option<i64>> {
                match v {
                    None | Some(Value::None) => Ok(None),
                    Some(v) => Ok(Some(to_i64(v)?)),
                }
            };
            let (start, stop, step) = if args.len() <= 2 {
                (0, bound(args.get(1))?, 1)
            } else {
                (bound(args.get(1))?.unwrap_or(0), bound(args.get(2))?, bound(args.get(3))?.unwrap_or(1))
            };
            if start < 0 || step <= 0 || stop.map_or(false, |s| s < 0) {
                return Err(PyException::value_error("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."));
            }
            let xs = if is_lazy(src) {
                match stop {
                    Some(s) => take(src, s as usize)?,
                    None => return Err(PyException::not_implemented("islice() of an infinite iterator without a stop")),
                }
            } else {
                src.iter()?
            };
            let end = stop.map_or(xs.len(), |s| (s as usize).min(xs.len()));
            let mut out = Vec::new();
            let mut i = start as usize;
            while i < end {
                out.push(xs[i].clone());
                i += step as usize;
            }
            Value::list(out)
        }
        "count" => {
            let start = arg_kw(args, kwargs, 0, "start").cloned().unwrap_or_else(|| Value::int(0));
            let step = arg_kw(args, kwargs, 1, "step").cloned().unwrap_or_else(|| Value::int(1));
            lazy("count", vec![("next", start), ("step", step)])
        }
        "cycle" => lazy("cycle", vec![("items", Value::list(items(arg(args, 0, func)?)?)), ("i", Value::int(0))]),
        "repeat" => {
            let x = arg(args, 0, func)?.clone();
            match arg_kw(args, kwargs, 1, "times") {
                Some(n) => Value::list(vec![x; to_i64(n)?.max(0) as usize]),
                None => lazy("repeat", vec![("x", x)]),
            }
        }
        "takewhile" | "dropwhile" | "filterfalse" => {
            let f = arg(args, 0, func)?;
            let xs = items(arg(args, 1, func)?)?;
            let mut out = Vec::new();
            let mut dropping = true;
            for x in xs {
                let t = if f.is_none() { x.truthy() } else { f.call(&[x.clone()])?.truthy() };
                match func {
                    "takewhile" => {
                        if !t {
                            break;
                        }
                        out.push(x);
                    }
                    "dropwhile" => {
                        if dropping && t {
                            continue;
                        }
                        dropping = false;
                        out.push(x);
                    }
                    _ => {
                        if !t {
                            out.push(x);
                        }
                    }
                }
            }
            Value::list(out)
        }
        "compress" => {
            let data = items(arg(args, 0, func)?)?;
            let sel = items(arg(args, 1, func)?)?;
            Value::list(data.into_iter().zip(sel).filter(|(_, s)| s.truthy()).map(|(d, _)| d).collect())
        }
        "zip_longest" => {
            let fill = kw(kwargs, "fillvalue").cloned().unwrap_or(Value::None);
            let cols: Vec<Vec<Value>> = args.iter().map(items).collect::<PyResult<_>>()?;
            let n = cols.iter().map(|c| c.len()).max().unwrap_or(0);
            Value::list((0..n).map(|i| Value::tuple(cols.iter().map(|c| c.get(i).cloned().unwrap_or_else(|| fill.clone())).collect())).collect())
        }
        "starmap" => {
            let f = arg(args, 0, func)?;
            let mut out = Vec::new();
            for x in items(arg(args, 1, func)?)? {
                out.push(f.call(&x.iter()?)?);
            }
            Value::list(out)
        }
        "pairwise" => {
            let xs = items(arg(args, 0, func)?)?;
            Value::list(xs.windows(2).map(|w| Value::tuple(w.to_vec())).collect())
        }
        "tee" => {
            let xs = items(arg(args, 0, func)?)?;
            let n = match args.get(1) {
                Some(n) => to_i64(n)?.max(0) as usize,
                None => 2,
            };
            Value::tuple((0..n).map(|_| Value::list(xs.clone())).collect())
        }
        _ => return Ok(None),
    }))
}
