//! Binding call arguments to parameters at run time, as CPython does, for
//! calls the translator cannot bind itself: `f(*xs, **d)`, and calls through
//! function values that may pass keywords.
//!
//! A signature is written the way Python spells it, with `=` marking a
//! parameter that has a default: `"greet(name, greeting=, /, *, end=, **kw)"`.
//! `bind` returns one slot per parameter in signature order (`*args` as a
//! tuple and `**kwargs` as a dict included); a defaulted parameter the call
//! left out is `None`, and the generated code supplies its default (defaults
//! are evaluated once, see `default_once`).

use crate::dict::Dict;
use crate::exc::{PyException, PyResult};
use crate::repr::PyStr;
use crate::value::{Class, Func, KwFn, Value};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

struct Param<'a> {
    name: &'a str,
    has_default: bool,
}

struct Sig<'a> {
    name: &'a str,
    pos: Vec<Param<'a>>,
    posonly: usize,
    varargs: bool,
    kwonly: Vec<Param<'a>>,
    varkw: bool,
}

fn parse(spec: &str) -> Sig<'_> {
    let open = spec.find('(').unwrap_or(spec.len());
    let inner = spec[open..].trim_start_matches('(').trim_end_matches(')');
    let mut sig = Sig { name: &spec[..open], pos: Vec::new(), posonly: 0, varargs: false, kwonly: Vec::new(), varkw: false };
    let mut kw_only = false;
    for part in inner.split(',') {
        let p = part.trim();
        if p.is_empty() {
            continue;
        }
        if p == "/" {
            sig.posonly = sig.pos.len();
        } else if p == "*" {
            kw_only = true;
        } else if p.starts_with("**") {
            sig.varkw = true;
        } else if p.starts_with('*') {
            sig.varargs = true;
            kw_only = true;
        } else {
            let (name, has_default) = match p.strip_suffix('=') {
                Some(n) => (n, true),
                None => (p, false),
            };
            let param = Param { name, has_default };
            if kw_only {
                sig.kwonly.push(param);
            } else {
                sig.pos.push(param);
            }
        }
    }
    sig
}

fn type_error(msg: String) -> PyException {
    PyException::new("TypeError", msg)
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'` (CPython's list of missing names).
fn name_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{}'", n)).collect();
    match quoted.len() {
        0 => String::new(),
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        n => format!("{}, and {}", quoted[..n - 1].join(", "), quoted[n - 1]),
    }
}

fn missing_error(fname: &str, names: &[&str], what: &str) -> PyException {
    let s = if names.len() == 1 { "" } else { "s" };
    type_error(format!("{}() missing {} required {} argument{}: {}", fname, names.len(), what, s, name_list(names)))
}

/// Bind `args` and `kwargs` to the parameters of `spec`.
pub fn bind(spec: &str, args: &[Value], kwargs: &[(&str, Value)]) -> PyResult<Vec<Option<Value>>> {
    let sig = parse(spec);
    let npos = sig.pos.len();
    let mut pos: Vec<Option<Value>> = vec![None; npos];
    let taken = args.len().min(npos);
    for (slot, a) in pos.iter_mut().zip(args.iter()) {
        *slot = Some(a.clone());
    }
    if args.len() > npos && !sig.varargs {
        let required = sig.pos.iter().filter(|p| !p.has_default).count();
        let takes = if required == npos { format!("{}", npos) } else { format!("from {} to {}", required, npos) };
        let plural = if npos == 1 && required == npos { "" } else { "s" };
        let were = if args.len() == 1 { "was" } else { "were" };
        return Err(type_error(format!(
            "{}() takes {} positional argument{} but {} {} given",
            sig.name,
            takes,
            plural,
            args.len(),
            were
        )));
    }
    let extra: Vec<Value> = args[taken..].to_vec();
    let mut kwonly: Vec<Option<Value>> = vec![None; sig.kwonly.len()];
    let mut rest: Dict<Value, Value> = Dict::new();
    for (k, v) in kwargs {
        let k: &str = k;
        if let Some(i) = sig.pos.iter().position(|p| p.name == k).filter(|i| *i >= sig.posonly) {
            if pos[i].is_some() {
                return Err(type_error(format!("{}() got multiple values for argument '{}'", sig.name, k)));
            }
            pos[i] = Some(v.clone());
        } else if let Some(i) = sig.kwonly.iter().position(|p| p.name == k) {
            kwonly[i] = Some(v.clone());
        } else if sig.varkw {
            rest.insert(Value::str(k), v.clone());
        } else {
            return Err(type_error(format!("{}() got an unexpected keyword argument '{}'", sig.name, k)));
        }
    }
    let missing: Vec<&str> = sig.pos.iter().zip(pos.iter()).filter(|(p, v)| !p.has_default && v.is_none()).map(|(p, _)| p.name).collect();
    if !missing.is_empty() {
        return Err(missing_error(sig.name, &missing, "positional"));
    }
    let missing: Vec<&str> = sig.kwonly.iter().zip(kwonly.iter()).filter(|(p, v)| !p.has_default && v.is_none()).map(|(p, _)| p.name).collect();
    if !missing.is_empty() {
        return Err(missing_error(sig.name, &missing, "keyword-only"));
    }
    let mut out = pos;
    if sig.varargs {
        out.push(Some(Value::tuple(extra)));
    }
    out.extend(kwonly);
    if sig.varkw {
        out.push(Some(Value::dict(rest)));
    }
    Ok(out)
}

/// `bind` over the positional arguments after the first `skip` (a method's
/// receiver, or a class and a receiver), without keywords.
pub fn bind_tail(spec: &str, args: &[Value], skip: usize) -> PyResult<Vec<Option<Value>>> {
    bind(spec, args.get(skip..).unwrap_or(&[]), &[])
}

/// A bound parameter that had no default (`bind` checked it was given).
pub fn take(slots: &mut [Option<Value>], i: usize) -> Value {
    slots[i].take().unwrap_or(Value::None)
}

/// A bound parameter, or its default when the call left it out.
pub fn take_or(slots: &mut [Option<Value>], i: usize, default: Value) -> Value {
    slots[i].take().unwrap_or(default)
}

thread_local! {
    static DEFAULTS: RefCell<HashMap<&'static str, Value>> = RefCell::new(HashMap::new());
}

/// A default value that is not a constant (`bucket=[]`): evaluated once and
/// then shared by every call, so mutating it shows in later calls as in
/// CPython. `key` names the function and parameter.
pub fn default_once(key: &'static str, make: impl FnOnce() -> PyResult<Value>) -> PyResult<Value> {
    if let Some(v) = DEFAULTS.with(|d| d.borrow().get(key).cloned()) {
        return Ok(v);
    }
    let v = make()?;
    DEFAULTS.with(|d| d.borrow_mut().insert(key, v.clone()));
    Ok(v)
}

/// The `**kwargs` dict of a call the translator bound itself.
pub fn kwargs_dict(pairs: Vec<(&str, Value)>) -> Value {
    let mut d: Dict<Value, Value> = Dict::new();
    for (k, v) in pairs {
        d.insert(Value::str(k), v);
    }
    Value::dict(d)
}

/// The keywords of a call with `**mapping` parts (written with the key
/// `"**"`, which no keyword can be), in order, duplicates rejected.
pub fn kw_spread(parts: Vec<(&str, Value)>) -> PyResult<Vec<(String, Value)>> {
    let mut out: Vec<(String, Value)> = Vec::new();
    let push = |k: String, v: Value, out: &mut Vec<(String, Value)>| -> PyResult<()> {
        if out.iter().any(|(o, _)| *o == k) {
            return Err(type_error(format!("got multiple values for keyword argument '{}'", k)));
        }
        out.push((k, v));
        Ok(())
    };
    for (k, v) in parts {
        if k != "**" {
            push(k.to_string(), v, &mut out)?;
            continue;
        }
        match &v {
            Value::Dict(d) => {
                for (key, val) in d.borrow().items_vec() {
                    match key {
                        Value::Str(s) => push(s.to_string(), val, &mut out)?,
                        _ => return Err(type_error("keywords must be strings".to_string())),
                    }
                }
            }
            other => {
                return Err(type_error(format!("argument after ** must be a mapping, not {}", other.type_name())))
            }
        }
    }
    Ok(out)
}

/// Borrowed view of `kw_spread`'s result, the form calls take.
pub fn kw_refs(kw: &[(String, Value)]) -> Vec<(&str, Value)> {
    kw.iter().map(|(k, v)| (k.as_str(), v.clone())).collect()
}

/// `print(*xs, sep=.., end=..)` of dynamic values.
pub fn print_values(vals: &[Value], sep: &str, end: &str) {
    let refs: Vec<&dyn crate::repr::PyStr> = vals.iter().map(|v| v as &dyn crate::repr::PyStr).collect();
    crate::print::print(&refs, sep, end);
}

/// `@functools.wraps(wrapped)` applied to `wrapper`: the same code under
/// the wrapped function's name.
pub fn wraps(wrapper: Value, wrapped: &Value) -> PyResult<Value> {
    let name = match wrapped {
        Value::Func(f) => f.name.clone(),
        other => other.getattr("__name__")?.py_str(),
    };
    match &wrapper {
        Value::Func(f) => match &f.kw {
            Some(k) => {
                let k = k.clone();
                Ok(Value::func_kw(&name, move |a: &[Value], kw: &[(&str, Value)]| k(a, kw)))
            }
            None => {
                let w = wrapper.clone();
                Ok(Value::func(&name, move |a: &[Value]| w.call(a)))
            }
        },
        _ => Ok(wrapper),
    }
}

/// A nested function that calls itself by name: the closure gets the
/// function value as its first argument (held weakly, so no cycle leaks).
pub fn func_kw_rec(name: &str, f: impl Fn(&Value, &[Value], &[(&str, Value)]) -> PyResult<Value> + 'static) -> Value {
    let f = Rc::new(f);
    let name = name.to_string();
    Value::Func(Rc::new_cyclic(|me: &std::rc::Weak<Func>| {
        let me = me.clone();
        Func::new_kw(&name, move |a: &[Value], kw: &[(&str, Value)]| {
            let this = me.upgrade().map(Value::Func).unwrap_or(Value::None);
            f(&this, a, kw)
        })
    }))
}

/// A method that takes keyword arguments (`self` is the first positional).
pub fn def_method_kw(class: &Class, name: &str, f: impl Fn(&[Value], &[(&str, Value)]) -> PyResult<Value> + 'static) {
    class.methods.borrow_mut().insert(name.to_string(), Rc::new(Func::new_kw(name, f)));
}

impl Func {
    /// Wrap a closure that takes keyword arguments too.
    pub fn new_kw(name: &str, f: impl Fn(&[Value], &[(&str, Value)]) -> PyResult<Value> + 'static) -> Func {
        let kw: Rc<KwFn> = Rc::new(f);
        let positional = kw.clone();
        Func { name: name.to_string(), f: Box::new(move |a: &[Value]| positional(a, &[])), kw: Some(kw), attrs: std::cell::RefCell::new(crate::dict::Dict::new()) }
    }
}

impl Value {
    /// A function value that takes keyword arguments.
    pub fn func_kw(name: &str, f: impl Fn(&[Value], &[(&str, Value)]) -> PyResult<Value> + 'static) -> Value {
        Value::Func(Rc::new(Func::new_kw(name, f)))
    }

    /// `f(*args, **kwargs)`.
    pub fn call_kw(&self, args: &[Value], kwargs: &[(&str, Value)]) -> PyResult<Value> {
        if kwargs.is_empty() {
            return self.call(args);
        }
        match self {
            Value::Func(f) => match &f.kw {
                Some(k) => k(args, kwargs),
                None => Err(type_error(format!("{}() got an unexpected keyword argument '{}'", f.name, kwargs[0].0))),
            },
            _ => Err(type_error(format!("'{}' object does not take keyword arguments here", self.type_name()))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &Option<Value>) -> String {
        match v {
            Some(v) => crate::repr::py_repr(v),
            None => "-".to_string(),
        }
    }

    #[test]
    fn binds_like_python() {
        let b = bind("f(a, b=, *rest, c, d=, **kw)", &[Value::int(1), Value::int(2), Value::int(3)], &[("c", Value::int(4)), ("z", Value::int(5))]).unwrap();
        let got: Vec<String> = b.iter().map(s).collect();
        assert_eq!(got, vec!["1", "2", "(3,)", "4", "-", "{'z': 5}"]);
        let e = bind("greet(name, greeting=)", &[], &[]).unwrap_err();
        assert_eq!(e.to_string(), "greet() missing 1 required positional argument: 'name'");
        let e = bind("g(a)", &[], &[("b", Value::int(1))]).unwrap_err();
        assert_eq!(e.to_string(), "g() got an unexpected keyword argument 'b'");
        let e = bind("p(a, /)", &[], &[("a", Value::int(1))]).unwrap_err();
        assert!(e.to_string().contains("unexpected keyword"));
    }

    #[test]
    fn default_is_shared() {
        let a = default_once("t.bucket", || Ok(Value::list(vec![]))).unwrap();
        a.call_method("append", &[Value::int(1)]).ok();
        let b = default_once("t.bucket", || Ok(Value::list(vec![]))).unwrap();
        assert_eq!(b.len().unwrap(), a.len().unwrap());
    }
}
