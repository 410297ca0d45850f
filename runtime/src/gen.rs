//! Lazy iterators for dynamic code: generator objects and `iter(x)`.
//!
//! A generator is a `Value::Object` of class `generator` whose hidden field
//! `__gen__` is a function running one step of the translated body (a state
//! machine the translator builds as an `FnMut` closure owning the frame).
//! No threads and no async runtime: each `__next__`/`send` call resumes the
//! closure, which runs until its next `yield` (`Ok(Some(v))`) or its end
//! (`Ok(None)`, or `Err(StopIteration(value))` for `return value`).
//! Because it is an ordinary object with `__iter__`/`__next__`, every
//! consumer that collects (`list`, `sum`, `dict`, ...) already works; the
//! consumers that must stop early (`for`, `next`, `zip`) pull one item at a
//! time through [`each`]/[`next`].

use crate::exc::{PyException, PyResult};
use crate::value::{Class, Value};
use std::cell::RefCell;
use std::rc::Rc;

type Step = Box<dyn FnMut(Value) -> PyResult<Option<Value>>>;

struct GenState {
    step: Step,
    done: bool,
}

thread_local! {
    static GEN_CLASS: Rc<Class> = make_class();
}

fn make_class() -> Rc<Class> {
    let c = Class::new("generator", None);
    c.def_method("__iter__", |a: &[Value]| Ok(a[0].clone()));
    c.def_method("__next__", |a: &[Value]| resume_raw(&a[0], Value::None));
    c.def_method("send", |a: &[Value]| resume_raw(&a[0], a.get(1).cloned().unwrap_or(Value::None)));
    c
}

fn step_fn(g: &Value) -> Option<Value> {
    match g {
        Value::Object(o) if o.class.name == "generator" => o.fields.borrow().get("__gen__").cloned(),
        _ => None,
    }
}

/// Run one step of a generator object: its next value, or StopIteration.
fn resume_raw(g: &Value, sent: Value) -> PyResult<Value> {
    match step_fn(g) {
        Some(f) => f.call(&[sent]),
        None => Err(PyException::type_error(format!("'{}' object is not an iterator", g.type_name()))),
    }
}

/// A generator object running `step` (the translated body) lazily.
pub fn generator<F: FnMut(Value) -> PyResult<Option<Value>> + 'static>(step: F) -> Value {
    let state = Rc::new(RefCell::new(GenState { step: Box::new(step), done: false }));
    let run = Value::func("generator", move |a: &[Value]| {
        let sent = a.get(0).cloned().unwrap_or(Value::None);
        let mut st = match state.try_borrow_mut() {
            Ok(s) => s,
            Err(_) => return Err(PyException::value_error("generator already executing")),
        };
        if st.done {
            return Err(PyException::stop_iteration());
        }
        match (st.step)(sent) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => {
                st.done = true;
                Err(PyException::stop_iteration())
            }
            Err(e) => {
                st.done = true;
                Err(e)
            }
        }
    });
    let obj = GEN_CLASS.with(|c| Value::new_object(c));
    if let Value::Object(o) = &obj {
        o.fields.borrow_mut().insert("__gen__".to_string(), run);
    }
    obj
}

/// `return value` inside a generator: StopIteration carrying the value.
pub fn stop(v: Value) -> PyException {
    if v.is_none() {
        PyException::stop_iteration()
    } else {
        PyException::with_args("StopIteration", vec![v])
    }
}

/// `e.value` of a caught StopIteration (None when it carries nothing).
pub fn stop_value(e: &PyException) -> Value {
    e.args.get(0).cloned().unwrap_or(Value::None)
}

/// Whether `v` is an iterator object (has `__next__`): consumed lazily.
fn is_iterator(v: &Value) -> bool {
    match v {
        Value::Object(o) => o.class.find_method("__next__").is_some(),
        _ => false,
    }
}

/// `iter(x)`: x itself for an iterator, else a one-shot iterator over a
/// snapshot of x's items (objects with `__iter__` are asked for theirs).
pub fn iter(x: &Value) -> PyResult<Value> {
    if is_iterator(x) {
        return Ok(x.clone());
    }
    if let Value::Object(_) = x {
        if let Some(it) = x.call_dunder("__iter__", &[])? {
            if is_iterator(&it) {
                return Ok(it);
            }
            return iter(&it);
        }
    }
    let mut items = x.iter()?.into_iter();
    Ok(generator(move |_| Ok(items.next())))
}

/// One `__next__` call: the item, or the StopIteration (with its value).
fn next_raw(it: &Value) -> PyResult<Value> {
    match step_fn(it) {
        Some(f) => f.call(&[Value::None]),
        None => match it.call_dunder("__next__", &[])? {
            Some(v) => Ok(v),
            None => Err(PyException::type_error(format!("'{}' object is not an iterator", it.type_name()))),
        },
    }
}

/// `next(it)`: Some(item), or None once it is exhausted.
pub fn next(it: &Value) -> PyResult<Option<Value>> {
    match next_raw(it) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_instance_of("StopIteration") => Ok(None),
        Err(e) => Err(e),
    }
}

/// `next(it[, default])` as the builtin: StopIteration when exhausted
/// and no default.
pub fn next_builtin(it: &Value, default: Option<&Value>) -> PyResult<Value> {
    match (next_raw(it), default) {
        (Err(e), Some(d)) if e.is_instance_of("StopIteration") => Ok(d.clone()),
        (r, _) => r,
    }
}

/// One step of `yield from sub`: Some(value) the delegating generator
/// yields on, or None when `sub` finished (its return value in `result`).
pub fn delegate(sub: &Value, sent: Value, result: &mut Value) -> PyResult<Option<Value>> {
    let r = match step_fn(sub) {
        Some(f) => f.call(&[sent]),
        None => match next(sub)? {
            Some(v) => Ok(v),
            None => Err(PyException::stop_iteration()),
        },
    };
    match r {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_instance_of("StopIteration") => {
            *result = stop_value(&e);
            Ok(None)
        }
        Err(e) => Err(e),
    }
}

/// What a `for` loop walks: the snapshot of a container, or an iterator
/// pulled one item at a time (so `break` stops an infinite generator).
pub enum PyIter {
    /// Items of a container, taken when the loop started.
    Items(std::vec::IntoIter<Value>),
    /// An iterator object.
    Lazy(Value),
}

impl Iterator for PyIter {
    type Item = PyResult<Value>;
    fn next(&mut self) -> Option<PyResult<Value>> {
        match self {
            PyIter::Items(it) => it.next().map(Ok),
            PyIter::Lazy(v) => match next(v) {
                Ok(Some(x)) => Some(Ok(x)),
                Ok(None) => None,
                Err(e) => Some(Err(e)),
            },
        }
    }
}

/// `for x in v`: lazy for iterators, a snapshot for containers.
pub fn each(v: &Value) -> PyResult<PyIter> {
    if is_iterator(v) {
        return Ok(PyIter::Lazy(v.clone()));
    }
    if let Value::Object(_) = v {
        if let Some(it) = v.call_dunder("__iter__", &[])? {
            if is_iterator(&it) {
                return Ok(PyIter::Lazy(it));
            }
            return Ok(PyIter::Items(it.iter()?.into_iter()));
        }
    }
    Ok(PyIter::Items(v.iter()?.into_iter()))
}

/// `zip(*args)` pulling one item per argument at a time (so an infinite
/// generator zipped with a finite sequence stops).
pub fn zip(args: &[Value]) -> PyResult<Value> {
    let mut its: Vec<PyIter> = Vec::with_capacity(args.len());
    for a in args {
        its.push(each(a)?);
    }
    let mut out = Vec::new();
    if its.is_empty() {
        return Ok(Value::list(out));
    }
    loop {
        let mut row = Vec::with_capacity(its.len());
        for it in its.iter_mut() {
            match it.next() {
                Some(x) => row.push(x?),
                None => return Ok(Value::list(out)),
            }
        }
        out.push(Value::tuple(row));
    }
}

/// `e.value` on a caught exception: StopIteration's value (None when it
/// carries nothing); for other exceptions, the attribute of its value.
pub fn exc_attr(e: &PyException, name: &str) -> PyResult<Value> {
    if name == "value" && e.is_instance_of("StopIteration") {
        return Ok(stop_value(e));
    }
    crate::dynamic::attr(&crate::dynamic::exception_value(e), name)
}
