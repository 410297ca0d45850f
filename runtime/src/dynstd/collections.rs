//! `collections` over dynamic values: Counter, defaultdict and OrderedDict
//! (objects holding a dict in `__data__`; the dict methods delegate to it),
//! deque (a list in `__data__` plus `maxlen`) and namedtuple (a type object
//! whose `__call__` builds instances with one attribute per field).

use super::{arg, arg_kw, field, is_class, kw, make_obj, new_class, set_field};
use crate::dict::Dict;
use crate::dynamic::{class_cached, method as dyn_method, to_i64};
use crate::exc::{PyException, PyResult};
use crate::repr::{PyRepr, PyStr};
use crate::value::{Class, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// `collections.<func>(...)`; None for names not implemented.
pub fn call(func: &str, args: &[Value], kwargs: &[(&str, Value)]) -> PyResult<Option<Value>> {
    Ok(Some(match func {
        "Counter" => counter_new(args.get(0))?,
        "defaultdict" => {
            let factory = args.get(0).cloned().unwrap_or(Value::None);
            let d = new_dict_data(args.get(1))?;
            make_obj(&class_cached("collections.defaultdict", defaultdict_class), vec![("__data__", d), ("default_factory", factory)])
        }
        "OrderedDict" => {
            let d = new_dict_data(args.get(0))?;
            make_obj(&class_cached("collections.OrderedDict", ordered_dict_class), vec![("__data__", d)])
        }
        "deque" => {
            let maxlen = arg_kw(args, kwargs, 1, "maxlen").cloned().unwrap_or(Value::None);
            let q = make_obj(&class_cached("collections.deque", deque_class), vec![("__data__", Value::list(Vec::new())), ("maxlen", maxlen)]);
            if let Some(src) = arg_kw(args, kwargs, 0, "iterable") {
                for x in src.iter()? {
                    deque_push(&q, x, false)?;
                }
            }
            q
        }
        "namedtuple" => {
            let names: Vec<String> = match arg(args, 1, "namedtuple")? {
                Value::Str(s) => s.replace(',', " ").split_whitespace().map(|x| x.to_string()).collect(),
                other => other.iter()?.iter().map(|x| x.py_str()).collect(),
            };
            let defaults = match kw(kwargs, "defaults") {
                Some(d) if !d.is_none() => d.iter()?,
                _ => Vec::new(),
            };
            namedtuple(&arg(args, 0, "namedtuple")?.py_str(), names, defaults)
        }
        _ => return Ok(None),
    }))
}

// ----- dict-like objects ----------------------------------------------------

fn new_dict_data(src: Option<&Value>) -> PyResult<Value> {
    match src {
        None => Ok(Value::dict(Dict::new())),
        Some(v) => crate::dynamic::builtin("dict", &[plain(v)], &[]),
    }
}

/// A dict-like object's dict (itself for a plain value).
pub fn plain(v: &Value) -> Value {
    match v {
        Value::Object(o) => match o.fields.borrow().get("__data__") {
            Some(d @ Value::Dict(_)) => d.clone(),
            _ => v.clone(),
        },
        _ => v.clone(),
    }
}

fn dict_rc(v: &Value) -> PyResult<Rc<RefCell<Dict<Value, Value>>>> {
    match field(v, "__data__")? {
        Value::Dict(d) => Ok(d),
        _ => Err(PyException::type_error("expected a dict-like object")),
    }
}

/// Methods every dict-like class delegates to its `__data__` dict.
fn add_dict_methods(c: &Class) {
    for name in ["keys", "values", "items", "get", "pop", "setdefault", "clear", "update", "copy", "popitem"] {
        c.def_method(name, move |a: &[Value]| dyn_method(&field(&a[0], "__data__")?, name, &a[1..], &[]));
    }
    c.def_method("__len__", |a: &[Value]| Ok(Value::int(field(&a[0], "__data__")?.len()?)));
    c.def_method("__iter__", |a: &[Value]| Ok(Value::list(field(&a[0], "__data__")?.iter()?)));
    c.def_method("__contains__", |a: &[Value]| Ok(Value::from(field(&a[0], "__data__")?.contains(arg(a, 1, "in")?)?)));
    c.def_method("__getitem__", |a: &[Value]| field(&a[0], "__data__")?.getitem(arg(a, 1, "getitem")?));
    c.def_method("__setitem__", |a: &[Value]| {
        field(&a[0], "__data__")?.setitem(arg(a, 1, "setitem")?, arg(a, 2, "setitem")?.clone())?;
        Ok(Value::None)
    });
    c.def_method("__delitem__", |a: &[Value]| {
        field(&a[0], "__data__")?.delitem(arg(a, 1, "delitem")?)?;
        Ok(Value::None)
    });
    c.def_method("__eq__", |a: &[Value]| Ok(Value::from(field(&a[0], "__data__")?.py_eq(&plain(arg(a, 1, "eq")?)))));
}

fn dict_body_repr(v: &Value) -> PyResult<String> {
    Ok(field(v, "__data__")?.py_repr())
}

// ----- Counter --------------------------------------------------------------

fn counter_new(src: Option<&Value>) -> PyResult<Value> {
    let c = make_obj(&class_cached("collections.Counter", counter_class), vec![("__data__", Value::dict(Dict::new()))]);
    if let Some(src) = src {
        counter_update(&c, src, 1)?;
    }
    Ok(c)
}

/// `c.update(src)` (sign 1) / `c.subtract(src)` (sign -1): a mapping adds
/// its counts, any other iterable counts its items.
fn counter_update(c: &Value, src: &Value, sign: i64) -> PyResult<()> {
    let d = dict_rc(c)?;
    let pairs: Vec<(Value, Value)> = match plain(src) {
        Value::Dict(m) => m.borrow().items_vec(),
        other => other.iter()?.into_iter().map(|k| (k, Value::int(1))).collect(),
    };
    for (k, n) in pairs {
        k.check_hashable()?;
        let old = d.borrow().get(&k).cloned().unwrap_or_else(|| Value::int(0));
        let new = if sign > 0 { old.add(&n)? } else { old.sub(&n)? };
        d.borrow_mut().insert(k, new);
    }
    Ok(())
}

fn counter_get(d: &Dict<Value, Value>, k: &Value) -> Value {
    d.get(k).cloned().unwrap_or_else(|| Value::int(0))
}

/// Items by count, largest first; ties keep insertion order (CPython's
/// `most_common` is a stable sort too).
fn most_common(c: &Value) -> PyResult<Vec<(Value, Value)>> {
    let mut items = dict_rc(c)?.borrow().items_vec();
    items.sort_by(|a, b| crate::list::PyOrd::py_cmp(&b.1, &a.1));
    Ok(items)
}

fn counter_binop(a: &Value, b: &Value, op: &str) -> PyResult<Value> {
    if !is_class(b, "Counter") {
        return Err(PyException::type_error(format!("unsupported operand type(s) for {}: 'Counter' and '{}'", op, b.type_name())));
    }
    let x = dict_rc(a)?.borrow().clone();
    let y = dict_rc(b)?.borrow().clone();
    let out = counter_new(None)?;
    let r = dict_rc(&out)?;
    let zero = Value::int(0);
    for (k, n) in x.iter() {
        let m = counter_get(&y, k);
        let v = match op {
            "+" => n.add(&m)?,
            "-" => n.sub(&m)?,
            "|" => if n.lt(&m)? { m } else { n.clone() },
            _ => if n.lt(&m)? { n.clone() } else { m },
        };
        if v.gt(&zero)? {
            r.borrow_mut().insert(k.clone(), v);
        }
    }
    if op != "&" {
        for (k, n) in y.iter() {
            if x.contains_key(k) {
                continue;
            }
            if op == "-" {
                if n.lt(&zero)? {
                    r.borrow_mut().insert(k.clone(), zero.sub(n)?);
                }
            } else if n.gt(&zero)? {
                r.borrow_mut().insert(k.clone(), n.clone());
            }
        }
    }
    Ok(out)
}

fn counter_class() -> Rc<Class> {
    let c = new_class("Counter");
    add_dict_methods(&c);
    c.def_method("__getitem__", |a: &[Value]| {
        let k = arg(a, 1, "getitem")?;
        k.check_hashable()?;
        Ok(counter_get(&dict_rc(&a[0])?.borrow(), k))
    });
    c.def_method("most_common", |a: &[Value]| {
        let mut items = most_common(&a[0])?;
        if let Some(n) = a.get(1) {
            if !n.is_none() {
                items.truncate(to_i64(n)?.max(0) as usize);
            }
        }
        Ok(Value::list(items.into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect()))
    });
    c.def_method("elements", |a: &[Value]| {
        let mut out = Vec::new();
        for (k, n) in dict_rc(&a[0])?.borrow().iter() {
            for _ in 0..to_i64(n)?.max(0) {
                out.push(k.clone());
            }
        }
        Ok(Value::list(out))
    });
    c.def_method("update", |a: &[Value]| {
        if let Some(src) = a.get(1) {
            counter_update(&a[0], src, 1)?;
        }
        Ok(Value::None)
    });
    c.def_method("subtract", |a: &[Value]| {
        if let Some(src) = a.get(1) {
            counter_update(&a[0], src, -1)?;
        }
        Ok(Value::None)
    });
    c.def_method("total", |a: &[Value]| {
        let mut t = Value::int(0);
        for v in dict_rc(&a[0])?.borrow().values() {
            t = t.add(v)?;
        }
        Ok(t)
    });
    c.def_method("copy", |a: &[Value]| counter_new(Some(&a[0])));
    c.def_method("__add__", |a: &[Value]| counter_binop(&a[0], arg(a, 1, "+")?, "+"));
    c.def_method("__sub__", |a: &[Value]| counter_binop(&a[0], arg(a, 1, "-")?, "-"));
    c.def_method("__or__", |a: &[Value]| counter_binop(&a[0], arg(a, 1, "|")?, "|"));
    c.def_method("__and__", |a: &[Value]| counter_binop(&a[0], arg(a, 1, "&")?, "&"));
    c.def_method("__repr__", |a: &[Value]| {
        let items = most_common(&a[0])?;
        if items.is_empty() {
            return Ok(Value::str("Counter()"));
        }
        let mut s = String::from("Counter({");
        for (i, (k, v)) in items.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            k.py_repr_into(&mut s);
            s.push_str(": ");
            v.py_repr_into(&mut s);
        }
        s.push_str("})");
        Ok(Value::from(s))
    });
    c
}

// ----- defaultdict ------------------------------------------------------------

/// Calls a default factory; the builtin types called with no arguments
/// give their empty value.
fn call_factory(f: &Value) -> PyResult<Value> {
    if let Value::Func(func) = f {
        match func.name.as_str() {
            "int" => return Ok(Value::int(0)),
            "float" => return Ok(Value::from(0.0)),
            "str" => return Ok(Value::str("")),
            "list" => return Ok(Value::list(Vec::new())),
            "dict" => return Ok(Value::dict(Dict::new())),
            "tuple" => return Ok(Value::tuple(Vec::new())),
            "set" => return crate::dynamic::set_from(Vec::new()),
            _ => {}
        }
    }
    f.call(&[])
}

fn factory_repr(f: &Value) -> String {
    match f {
        Value::None => "None".to_string(),
        Value::Func(func) => match func.name.as_str() {
            "int" | "float" | "str" | "list" | "dict" | "tuple" | "set" => format!("<class '{}'>", func.name),
            n => format!("<function {}>", n),
        },
        other => other.py_repr(),
    }
}

fn defaultdict_class() -> Rc<Class> {
    let c = new_class("defaultdict");
    add_dict_methods(&c);
    c.def_method("__getitem__", |a: &[Value]| {
        let k = arg(a, 1, "getitem")?;
        k.check_hashable()?;
        let d = dict_rc(&a[0])?;
        let found = d.borrow().get(k).cloned();
        match found {
            Some(v) => Ok(v),
            None => {
                let f = field(&a[0], "default_factory")?;
                if f.is_none() {
                    return Err(PyException::key_error(k));
                }
                let v = call_factory(&f)?;
                d.borrow_mut().insert(k.clone(), v.clone());
                Ok(v)
            }
        }
    });
    c.def_method("copy", |a: &[Value]| {
        let d = new_dict_data(Some(&a[0]))?;
        Ok(make_obj(&class_cached("collections.defaultdict", defaultdict_class), vec![("__data__", d), ("default_factory", field(&a[0], "default_factory")?)]))
    });
    c.def_method("__repr__", |a: &[Value]| {
        Ok(Value::from(format!("defaultdict({}, {})", factory_repr(&field(&a[0], "default_factory")?), dict_body_repr(&a[0])?)))
    });
    c
}

// ----- OrderedDict ------------------------------------------------------------

fn ordered_dict_class() -> Rc<Class> {
    let c = new_class("OrderedDict");
    add_dict_methods(&c);
    c.def_method("copy", |a: &[Value]| {
        let d = new_dict_data(Some(&a[0]))?;
        Ok(make_obj(&class_cached("collections.OrderedDict", ordered_dict_class), vec![("__data__", d)]))
    });
    c.def_method("move_to_end", |a: &[Value]| {
        let k = arg(a, 1, "move_to_end")?;
        let last = a.get(2).map(|v| v.truthy()).unwrap_or(true);
        if !dict_rc(&a[0])?.borrow_mut().move_to_end(k, last) {
            return Err(PyException::key_error(k));
        }
        Ok(Value::None)
    });
    c.def_method("popitem", |a: &[Value]| {
        let last = a.get(1).map(|v| v.truthy()).unwrap_or(true);
        let d = dict_rc(&a[0])?;
        let r = if last { d.borrow_mut().popitem() } else { d.borrow_mut().popitem_first() };
        match r {
            Ok((k, v)) => Ok(Value::tuple(vec![k, v])),
            Err(_) => Err(PyException::new("KeyError", "dictionary is empty")),
        }
    });
    c.def_method("__repr__", |a: &[Value]| {
        let items = dict_rc(&a[0])?.borrow().items_vec();
        if items.is_empty() {
            return Ok(Value::str("OrderedDict()"));
        }
        let pairs: Vec<Value> = items.into_iter().map(|(k, v)| Value::tuple(vec![k, v])).collect();
        Ok(Value::from(format!("OrderedDict({})", Value::list(pairs).py_repr())))
    });
    c
}

// ----- deque --------------------------------------------------------------------

fn deque_items(q: &Value) -> PyResult<Rc<RefCell<Vec<Value>>>> {
    match field(q, "__data__")? {
        Value::List(l) => Ok(l),
        _ => Err(PyException::type_error("expected a deque")),
    }
}

fn deque_maxlen(q: &Value) -> PyResult<Option<usize>> {
    let m = field(q, "maxlen")?;
    if m.is_none() {
        Ok(None)
    } else {
        Ok(Some(to_i64(&m)?.max(0) as usize))
    }
}

/// Append on the right (or left); a full bounded deque drops from the other end.
fn deque_push(q: &Value, x: Value, left: bool) -> PyResult<()> {
    let max = deque_maxlen(q)?;
    let l = deque_items(q)?;
    let mut v = l.borrow_mut();
    if max == Some(0) {
        return Ok(());
    }
    if left {
        v.insert(0, x);
    } else {
        v.push(x);
    }
    if let Some(m) = max {
        while v.len() > m {
            if left {
                v.pop();
            } else {
                v.remove(0);
            }
        }
    }
    Ok(())
}

fn deque_class() -> Rc<Class> {
    let c = new_class("deque");
    c.def_method("append", |a: &[Value]| deque_push(&a[0], arg(a, 1, "append")?.clone(), false).map(|_| Value::None));
    c.def_method("appendleft", |a: &[Value]| deque_push(&a[0], arg(a, 1, "appendleft")?.clone(), true).map(|_| Value::None));
    c.def_method("extend", |a: &[Value]| {
        for x in arg(a, 1, "extend")?.iter()? {
            deque_push(&a[0], x, false)?;
        }
        Ok(Value::None)
    });
    c.def_method("extendleft", |a: &[Value]| {
        for x in arg(a, 1, "extendleft")?.iter()? {
            deque_push(&a[0], x, true)?;
        }
        Ok(Value::None)
    });
    c.def_method("pop", |a: &[Value]| match deque_items(&a[0])?.borrow_mut().pop() {
        Some(x) => Ok(x),
        None => Err(PyException::index_error("pop from an empty deque")),
    });
    c.def_method("popleft", |a: &[Value]| {
        let l = deque_items(&a[0])?;
        let mut v = l.borrow_mut();
        if v.is_empty() {
            return Err(PyException::index_error("pop from an empty deque"));
        }
        Ok(v.remove(0))
    });
    c.def_method("rotate", |a: &[Value]| {
        let n = match a.get(1) {
            Some(n) => to_i64(n)?,
            None => 1,
        };
        let l = deque_items(&a[0])?;
        let mut v = l.borrow_mut();
        let len = v.len() as i64;
        if len > 0 {
            let k = n.rem_euclid(len) as usize;
            v.rotate_right(k);
        }
        Ok(Value::None)
    });
    c.def_method("clear", |a: &[Value]| {
        deque_items(&a[0])?.borrow_mut().clear();
        Ok(Value::None)
    });
    c.def_method("count", |a: &[Value]| dyn_method(&field(&a[0], "__data__")?, "count", &a[1..], &[]));
    c.def_method("index", |a: &[Value]| dyn_method(&field(&a[0], "__data__")?, "index", &a[1..], &[]));
    c.def_method("remove", |a: &[Value]| dyn_method(&field(&a[0], "__data__")?, "remove", &a[1..], &[]));
    c.def_method("__len__", |a: &[Value]| Ok(Value::int(deque_items(&a[0])?.borrow().len() as i64)));
    c.def_method("__iter__", |a: &[Value]| Ok(Value::list(deque_items(&a[0])?.borrow().clone())));
    c.def_method("__contains__", |a: &[Value]| Ok(Value::from(field(&a[0], "__data__")?.contains(arg(a, 1, "in")?)?)));
    c.def_method("__getitem__", |a: &[Value]| {
        let k = arg(a, 1, "getitem")?;
        if k.as_slice_object()?.is_some() {
            return Err(PyException::type_error("sequence index must be integer, not 'slice'"));
        }
        field(&a[0], "__data__")?.getitem(k).map_err(|_| PyException::index_error("deque index out of range"))
    });
    c.def_method("__setitem__", |a: &[Value]| {
        field(&a[0], "__data__")?.setitem(arg(a, 1, "setitem")?, arg(a, 2, "setitem")?.clone())?;
        Ok(Value::None)
    });
    c.def_method("__eq__", |a: &[Value]| {
        let b = arg(a, 1, "eq")?;
        Ok(Value::from(is_class(b, "deque") && field(&a[0], "__data__")?.py_eq(&field(b, "__data__")?)))
    });
    c.def_method("__repr__", |a: &[Value]| {
        let body = field(&a[0], "__data__")?.py_repr();
        Ok(Value::from(match deque_maxlen(&a[0])? {
            Some(m) => format!("deque({}, maxlen={})", body, m),
            None => format!("deque({})", body),
        }))
    });
    c
}

// ----- namedtuple -----------------------------------------------------------

/// The items of a tuple or namedtuple instance.
pub(crate) fn as_tuple(v: &Value) -> PyResult<Option<Vec<Value>>> {
    match v {
        Value::Tuple(t) => Ok(Some((**t).clone())),
        Value::Object(_) => match v.call_dunder("__astuple__", &[])? {
            Some(Value::Tuple(t)) => Ok(Some((*t).clone())),
            _ => Ok(None),
        },
        _ => Ok(None),
    }
}

fn self_tuple(v: &Value) -> PyResult<Value> {
    match v.call_dunder("__astuple__", &[])? {
        Some(t) => Ok(t),
        None => Err(PyException::type_error("expected a namedtuple")),
    }
}

/// `namedtuple(typename, fields, defaults=...)`: the type object (callable).
pub fn namedtuple(typename: &str, names: Vec<String>, defaults: Vec<Value>) -> Value {
    let names = Rc::new(names);
    let inst = new_class(typename);
    {
        let n = names.clone();
        inst.def_method("__astuple__", move |a: &[Value]| {
            Ok(Value::tuple(n.iter().map(|f| field(&a[0], f)).collect::<PyResult<Vec<_>>>()?))
        });
    }
    inst.def_method("__getitem__", |a: &[Value]| self_tuple(&a[0])?.getitem(arg(a, 1, "getitem")?));
    inst.def_method("__iter__", |a: &[Value]| self_tuple(&a[0]));
    inst.def_method("__len__", |a: &[Value]| Ok(Value::int(self_tuple(&a[0])?.len()?)));
    inst.def_method("__contains__", |a: &[Value]| Ok(Value::from(self_tuple(&a[0])?.contains(arg(a, 1, "in")?)?)));
    inst.def_method("__hash__", |a: &[Value]| self_tuple(&a[0]));
    inst.def_method("__eq__", |a: &[Value]| {
        let mine = self_tuple(&a[0])?;
        Ok(Value::from(match as_tuple(arg(a, 1, "eq")?)? {
            Some(t) => mine.py_eq(&Value::tuple(t)),
            None => false,
        }))
    });
    inst.def_method("__lt__", |a: &[Value]| {
        let other = arg(a, 1, "<")?;
        match as_tuple(other)? {
            Some(t) => Ok(Value::from(self_tuple(&a[0])?.lt(&Value::tuple(t))?)),
            None => Err(PyException::type_error(format!("'<' not supported between instances of '{}' and '{}'", a[0].type_name(), other.type_name()))),
        }
    });
    inst.def_method("__add__", |a: &[Value]| self_tuple(&a[0])?.add(&Value::tuple(as_tuple(arg(a, 1, "+")?)?.unwrap_or_default())));
    inst.def_method("count", |a: &[Value]| dyn_method(&self_tuple(&a[0])?, "count", &a[1..], &[]));
    inst.def_method("index", |a: &[Value]| dyn_method(&self_tuple(&a[0])?, "index", &a[1..], &[]));
    {
        let n = names.clone();
        let tn = typename.to_string();
        inst.def_method("__repr__", move |a: &[Value]| {
            let mut s = format!("{}(", tn);
            for (i, f) in n.iter().enumerate() {
                if i > 0 {
                    s.push_str(", ");
                }
                s.push_str(f);
                s.push('=');
                field(&a[0], f)?.py_repr_into(&mut s);
            }
            s.push(')');
            Ok(Value::from(s))
        });
    }
    {
        let n = names.clone();
        inst.def_method("_asdict", move |a: &[Value]| {
            let mut d: Dict<Value, Value> = Dict::new();
            for f in n.iter() {
                d.insert(Value::str(f), field(&a[0], f)?);
            }
            Ok(Value::dict(d))
        });
    }
    let meta = new_class("type");
    {
        let n = names.clone();
        let tn = typename.to_string();
        let inst = inst.clone();
        meta.def_method("__call__", move |a: &[Value]| {
            let given = &a[1..];
            if given.len() > n.len() || given.len() + defaults.len() < n.len() {
                return Err(PyException::type_error(format!("{}() takes {} positional arguments but {} were given", tn, n.len(), given.len())));
            }
            let mut fields = Vec::with_capacity(n.len());
            for (i, f) in n.iter().enumerate() {
                let v = match given.get(i) {
                    Some(v) => v.clone(),
                    None => defaults[defaults.len() - (n.len() - i)].clone(),
                };
                fields.push((f.as_str(), v));
            }
            Ok(make_obj(&inst, fields))
        });
    }
    meta.def_method("_make", |a: &[Value]| {
        let mut all = vec![a[0].clone()];
        all.extend(arg(a, 1, "_make")?.iter()?);
        a[0].call(&all[1..])
    });
    {
        let tn = typename.to_string();
        meta.def_method("__repr__", move |_a: &[Value]| Ok(Value::from(format!("<class '__main__.{}'>", tn))));
    }
    let fields_tuple = Value::tuple(names.iter().map(|f| Value::str(f)).collect());
    make_obj(&meta, vec![("_fields", fields_tuple), ("__name__", Value::str(typename))])
}

/// `nt._replace(field=value, ...)`.
pub fn namedtuple_replace(recv: &Value, kwargs: &[(&str, Value)]) -> PyResult<Value> {
    let o = match recv {
        Value::Object(o) => o,
        _ => return Err(PyException::type_error("_replace() needs a namedtuple")),
    };
    let copy = make_obj(&o.class, o.fields.borrow().items_vec().iter().map(|(k, v)| (k.as_str(), v.clone())).collect());
    for (k, v) in kwargs {
        if o.fields.borrow().get(*k).is_none() {
            return Err(PyException::value_error(format!("Got unexpected field names: ['{}']", k)));
        }
        set_field(&copy, k, v.clone());
    }
    Ok(copy)
}
