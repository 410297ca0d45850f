//! Stdlib pieces over the dynamic [`Value`]: `collections` (Counter,
//! defaultdict, OrderedDict, deque, namedtuple), `fractions.Fraction`,
//! `functools` (lru_cache, partial, cmp_to_key), `itertools` and
//! `operator`. Their objects are ordinary `Value::Object`s of runtime-built
//! classes whose dunder methods (`__getitem__`, `__add__`, `__repr__`...)
//! the `Value` operations already dispatch to, so no new `Value` variant
//! is needed. `dynamic::module_call`/`module_attr`/`method` hand the names
//! they do not know to this module.

pub mod collections;
pub mod fraction;
pub mod functools;
pub mod itertools;

use crate::dict::Dict;
use crate::exc::{PyException, PyResult};
use crate::repr::PyStr;
use crate::value::{Class, Object, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// Positional argument `i` or a TypeError naming the callee.
pub(crate) fn arg<'a>(args: &'a [Value], i: usize, name: &str) -> PyResult<&'a Value> {
    args.get(i).ok_or_else(|| PyException::type_error(format!("{}() missing required argument {}", name, i + 1)))
}

/// Keyword argument `name`, if given.
pub(crate) fn kw<'a>(kwargs: &'a [(&str, Value)], name: &str) -> Option<&'a Value> {
    kwargs.iter().find(|(k, _)| *k == name).map(|(_, v)| v)
}

/// Positional argument `i`, else keyword `name`.
pub(crate) fn arg_kw<'a>(args: &'a [Value], kwargs: &'a [(&str, Value)], i: usize, name: &str) -> Option<&'a Value> {
    args.get(i).or_else(|| kw(kwargs, name))
}

/// A new object of `class` with the given attributes.
pub(crate) fn make_obj(class: &Rc<Class>, fields: Vec<(&str, Value)>) -> Value {
    let mut f: Dict<String, Value> = Dict::new();
    for (k, v) in fields {
        f.insert(k.to_string(), v);
    }
    Value::Object(Rc::new(Object { class: class.clone(), fields: RefCell::new(f) }))
}

/// Attribute `name` of an object made here.
pub(crate) fn field(v: &Value, name: &str) -> PyResult<Value> {
    if let Value::Object(o) = v {
        if let Some(x) = o.fields.borrow().get(name) {
            return Ok(x.clone());
        }
    }
    Err(PyException::type_error(format!("'{}' object has no attribute '{}'", v.type_name(), name)))
}

/// Replace attribute `name` of an object made here.
pub(crate) fn set_field(v: &Value, name: &str, x: Value) {
    if let Value::Object(o) = v {
        o.fields.borrow_mut().insert(name.to_string(), x);
    }
}

/// The class of an object made here by its key (`"collections.Counter"`).
pub(crate) fn is_class(v: &Value, name: &str) -> bool {
    match v {
        Value::Object(o) => o.class.name == name && o.class.find_method("__dynstd__").is_some(),
        _ => false,
    }
}

/// A class whose methods are Rust closures, marked as made here.
pub(crate) fn new_class(name: &str) -> Rc<Class> {
    let c = Class::new(name, None);
    c.def_method("__dynstd__", |_| Ok(Value::None));
    c
}

/// `module.func(*args, **kwargs)` for the modules implemented here.
pub fn module_call(name: &str, args: &[Value], kwargs: &[(&str, Value)]) -> PyResult<Value> {
    let (module, func) = match name.find('.') {
        Some(i) => (&name[..i], &name[i + 1..]),
        None => ("", name),
    };
    let r = match module {
        "collections" => collections::call(func, args, kwargs)?,
        "fractions" => fraction::call(func, args, kwargs)?,
        "functools" => functools::call(func, args, kwargs)?,
        "itertools" => itertools::call(func, args, kwargs)?,
        "operator" => match operator(func) {
            Some(f) => Some(f.call(args)?),
            None => None,
        },
        _ => None,
    };
    match r {
        Some(v) => Ok(v),
        None => Err(PyException::not_implemented(format!("{}() on dynamic values", name))),
    }
}

/// `module.name` used as a value (`operator.add`, `itertools.count`).
pub fn module_attr(name: &str) -> PyResult<Value> {
    if let Some(f) = name.strip_prefix("operator.").and_then(operator) {
        return Ok(f);
    }
    // Any other module function as a value: a function calling it by name
    // (an unknown one raises NotImplementedError when called).
    match name.rfind('.') {
        Some(i) => {
            let full = name.to_string();
            Ok(Value::func(&name[i + 1..], move |a: &[Value]| crate::dynamic::module_call(&full, a, &[])))
        }
        None => Err(PyException::not_implemented(format!("{} on dynamic values", name))),
    }
}

/// `recv.name(*args, **kwargs)` for objects made here (keyword arguments
/// included, which plain object methods do not take); None for others.
pub fn method(recv: &Value, name: &str, args: &[Value], kwargs: &[(&str, Value)]) -> PyResult<Option<Value>> {
    match recv {
        Value::Object(o) if o.class.find_method("__dynstd__").is_some() => {}
        _ => return Ok(None),
    }
    if kwargs.is_empty() {
        return Ok(None);
    }
    match name {
        "_replace" => collections::namedtuple_replace(recv, kwargs).map(Some),
        "move_to_end" | "popitem" | "most_common" => {
            // The one optional keyword of each goes last positionally.
            let mut all = args.to_vec();
            for (_, v) in kwargs {
                all.push(v.clone());
            }
            recv.call_method(name, &all).map(Some)
        }
        _ => Err(PyException::not_implemented(format!("keyword arguments to method {}", name))),
    }
}

/// `operator.<name>` as a function value.
pub fn operator(name: &str) -> Option<Value> {
    let f: fn(&Value, &Value) -> PyResult<Value> = match name {
        "add" | "concat" => |a, b| a.add(b),
        "sub" => |a, b| a.sub(b),
        "mul" => |a, b| a.mul(b),
        "truediv" => |a, b| a.truediv(b),
        "floordiv" => |a, b| a.floordiv(b),
        "mod" => |a, b| a.modulo(b),
        "pow" => |a, b| a.pow(b),
        "and_" => |a, b| a.bitand(b),
        "or_" => |a, b| a.bitor(b),
        "xor" => |a, b| a.bitxor(b),
        "lt" => |a, b| Ok(Value::from(a.lt(b)?)),
        "le" => |a, b| Ok(Value::from(a.le(b)?)),
        "gt" => |a, b| Ok(Value::from(a.gt(b)?)),
        "ge" => |a, b| Ok(Value::from(a.ge(b)?)),
        "eq" => |a, b| Ok(Value::from(a.py_eq(b))),
        "ne" => |a, b| Ok(Value::from(a.py_ne(b))),
        "getitem" => |a, b| a.getitem(b),
        "contains" => |a, b| Ok(Value::from(a.contains(b)?)),
        "neg" | "abs" | "not_" | "truth" | "itemgetter" | "attrgetter" => return unary_operator(name),
        _ => return None,
    };
    let n = name.to_string();
    Some(Value::func(name, move |a: &[Value]| f(arg(a, 0, &n)?, arg(a, 1, &n)?)))
}

fn unary_operator(name: &str) -> Option<Value> {
    match name {
        "neg" => Some(Value::func("neg", |a: &[Value]| arg(a, 0, "neg")?.neg())),
        "abs" => Some(Value::func("abs", |a: &[Value]| arg(a, 0, "abs")?.abs())),
        "not_" => Some(Value::func("not_", |a: &[Value]| Ok(Value::from(!arg(a, 0, "not_")?.truthy())))),
        "truth" => Some(Value::func("truth", |a: &[Value]| Ok(Value::from(arg(a, 0, "truth")?.truthy())))),
        "itemgetter" => Some(Value::func("itemgetter", |keys: &[Value]| {
            let keys = keys.to_vec();
            Ok(Value::func("itemgetter", move |a: &[Value]| {
                let x = arg(a, 0, "itemgetter")?;
                if keys.len() == 1 {
                    return x.getitem(&keys[0]);
                }
                Ok(Value::tuple(keys.iter().map(|k| x.getitem(k)).collect::<PyResult<Vec<_>>>()?))
            }))
        })),
        "attrgetter" => Some(Value::func("attrgetter", |names: &[Value]| {
            let names: Vec<String> = names.iter().map(|n| n.py_str()).collect();
            Ok(Value::func("attrgetter", move |a: &[Value]| {
                let x = arg(a, 0, "attrgetter")?;
                if names.len() == 1 {
                    return crate::dynamic::attr(x, &names[0]);
                }
                Ok(Value::tuple(names.iter().map(|n| crate::dynamic::attr(x, n)).collect::<PyResult<Vec<_>>>()?))
            }))
        })),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
