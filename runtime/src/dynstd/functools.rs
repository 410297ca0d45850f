//! `functools` over dynamic values: the `lru_cache`/`cache` store behind
//! decorated module functions (the translator wraps the function body and
//! names the cache after the function), `partial`, `cmp_to_key`, `reduce`.

use super::{arg, make_obj, new_class};
use crate::dict::Dict;
use crate::dynamic::class_cached;
use crate::exc::{PyException, PyResult};
use crate::value::{Class, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

struct Cache {
    /// Results by argument tuple, least recently used first.
    map: Dict<Value, Value>,
    hits: i64,
    misses: i64,
}

thread_local! {
    static CACHES: RefCell<HashMap<String, Cache>> = RefCell::new(HashMap::new());
}

fn with_cache<R>(name: &str, f: impl FnOnce(&mut Cache) -> R) -> R {
    CACHES.with(|c| {
        let mut m = c.borrow_mut();
        let e = m.entry(name.to_string()).or_insert_with(|| Cache { map: Dict::new(), hits: 0, misses: 0 });
        f(e)
    })
}

/// A call of the cached function `name` (maxsize < 0: unbounded): the
/// stored result for these arguments, else `compute(args)` stored, the
/// least recently used entry dropped when over `maxsize`.
pub fn cached_call(name: &str, maxsize: i64, args: Vec<Value>, compute: impl FnOnce(&[Value]) -> PyResult<Value>) -> PyResult<Value> {
    let key = Value::tuple(args.clone());
    key.check_hashable()?;
    let hit = with_cache(name, |c| {
        let found = c.map.get(&key).cloned();
        match found {
            Some(v) => {
                c.hits += 1;
                c.map.move_to_end(&key, true);
                Some(v)
            }
            None => {
                c.misses += 1;
                None
            }
        }
    });
    if let Some(v) = hit {
        return Ok(v);
    }
    // No borrow is held here: compute may recurse into this cache.
    let v = compute(&args)?;
    if maxsize != 0 {
        with_cache(name, |c| {
            c.map.insert(key, v.clone());
            while maxsize > 0 && c.map.len() > maxsize as usize {
                let _ = c.map.popitem_first();
            }
        });
    }
    Ok(v)
}

/// `f.cache_info()`: `CacheInfo(hits=.., misses=.., maxsize=.., currsize=..)`.
pub fn cache_info(name: &str, maxsize: i64) -> PyResult<Value> {
    let (hits, misses, size) = with_cache(name, |c| (c.hits, c.misses, c.map.len() as i64));
    let ty = CACHE_INFO.with(|t| {
        t.borrow_mut()
            .get_or_insert_with(|| {
                let names = ["hits", "misses", "maxsize", "currsize"].iter().map(|s| s.to_string()).collect();
                super::collections::namedtuple("CacheInfo", names, Vec::new())
            })
            .clone()
    });
    let max = if maxsize < 0 { Value::None } else { Value::int(maxsize) };
    ty.call(&[Value::int(hits), Value::int(misses), max, Value::int(size)])
}

thread_local! {
    static CACHE_INFO: RefCell<Option<Value>> = RefCell::new(None);
}

/// Argument `i` of a call of `partial(f, ...)`'s result, or Python's TypeError.
pub fn partial_arg(args: &[Value], i: usize, fname: &str, param: &str) -> PyResult<Value> {
    match args.get(i) {
        Some(v) => Ok(v.clone()),
        None => Err(PyException::type_error(format!("{}() missing 1 required positional argument: '{}'", fname, param))),
    }
}

/// `f.cache_clear()`.
pub fn cache_clear(name: &str) -> Value {
    with_cache(name, |c| {
        c.map.clear();
        c.hits = 0;
        c.misses = 0;
    });
    Value::None
}

/// Calls `f` with keyword arguments: builtins take them by name; other
/// functions here take positional arguments only.
fn call_kw(f: &Value, args: &[Value], kwargs: &[(String, Value)]) -> PyResult<Value> {
    if kwargs.is_empty() {
        return f.call(args);
    }
    if let Value::Func(func) = f {
        if func.kw.is_some() {
            let kw: Vec<(&str, Value)> = kwargs.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
            return f.call_kw(args, &kw);
        }
        let kw: Vec<(&str, Value)> = kwargs.iter().map(|(k, v)| (k.as_str(), v.clone())).collect();
        if func.name == "int" {
            // int(x, base=b)
            let mut all = args.to_vec();
            if let Some((_, b)) = kw.iter().find(|(k, _)| *k == "base") {
                all.push(b.clone());
            }
            return crate::dynamic::builtin("int", &all, &[]);
        }
        if matches!(func.name.as_str(), "sorted" | "min" | "max" | "print" | "str" | "dict") {
            return crate::dynamic::builtin(&func.name, args, &kw);
        }
    }
    Err(PyException::not_implemented("partial() with keyword arguments of this function"))
}

/// `functools.<func>(...)`.
pub fn call(func: &str, args: &[Value], kwargs: &[(&str, Value)]) -> PyResult<Option<Value>> {
    Ok(Some(match func {
        "partial" => {
            let f = arg(args, 0, "partial")?.clone();
            let fixed: Vec<Value> = args[1..].to_vec();
            let kw: Vec<(String, Value)> = kwargs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
            Value::func_kw("partial", move |a: &[Value], more: &[(&str, Value)]| {
                let mut all = fixed.clone();
                all.extend_from_slice(a);
                // Keywords of the call override the partial's own.
                let mut merged = kw.clone();
                for (k, v) in more {
                    match merged.iter_mut().find(|(n, _)| n == k) {
                        Some(slot) => slot.1 = v.clone(),
                        None => merged.push((k.to_string(), v.clone())),
                    }
                }
                call_kw(&f, &all, &merged)
            })
        }
        "cmp_to_key" => {
            let cmp = arg(args, 0, "cmp_to_key")?.clone();
            Value::func("K", move |a: &[Value]| {
                Ok(make_obj(&class_cached("functools.KeyWrapper", key_class), vec![("obj", arg(a, 0, "K")?.clone()), ("cmp", cmp.clone())]))
            })
        }
        "reduce" => return crate::dynamic::module_call("functools.reduce", args, kwargs).map(Some),
        _ => return Ok(None),
    }))
}

fn key_cmp(a: &[Value]) -> PyResult<Value> {
    let f = super::field(&a[0], "cmp")?;
    let x = super::field(&a[0], "obj")?;
    let y = super::field(arg(a, 1, "compare")?, "obj")?;
    f.call(&[x, y])
}

fn key_class() -> Rc<Class> {
    let c = new_class("functools.KeyWrapper");
    c.def_method("__lt__", |a: &[Value]| Ok(Value::from(key_cmp(a)?.lt(&Value::int(0))?)));
    c.def_method("__eq__", |a: &[Value]| Ok(Value::from(key_cmp(a)?.py_eq(&Value::int(0)))));
    c
}
