//! `Value`: the dynamic Python value, for code the translator cannot type
//! statically. Cloning is cheap (containers and objects are shared `Rc`s,
//! so aliasing behaves like Python references). Operations follow Python
//! semantics and return `PyResult` where Python can raise (TypeError,
//! ZeroDivisionError, IndexError, KeyError...).
//!
//! Also here: `ToValue`/`FromValue`, the bridges between static Rust types
//! and `Value`, and `Object`/`Class`/`Func` for dynamically typed instances.

use crate::dict::{Dict, FastHasher, Set};
use crate::exc::{PyException, PyResult};
use crate::float::{float_divmod, float_floor_div, float_mod, float_pow, parse_float};
use crate::int::Int;
use crate::list::PyOrd;
use crate::pystr::{str_char_at, str_len, str_repeat, str_slice};
use crate::repr::{repr_seq_into, PyRepr, PyStr};
use crate::slice::{check_index, slice_indices};
use std::cell::RefCell;
use std::cmp::Ordering;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

/// A dynamically typed Python value.
#[derive(Clone)]
pub enum Value {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// `int`.
    Int(Int),
    /// `float`.
    Float(f64),
    /// `str` (immutable, shared).
    Str(Rc<str>),
    /// `list` (shared, mutable).
    List(Rc<RefCell<Vec<Value>>>),
    /// `tuple`.
    Tuple(Rc<Vec<Value>>),
    /// `dict` (shared, mutable, insertion ordered).
    Dict(Rc<RefCell<Dict<Value, Value>>>),
    /// `set` (shared, mutable).
    Set(Rc<RefCell<Set<Value>>>),
    /// `frozenset`.
    FrozenSet(Rc<Set<Value>>),
    /// An instance of a dynamically typed class.
    Object(Rc<Object>),
    /// A callable (function, lambda, bound method, class constructor).
    Func(Rc<Func>),
}

/// A dynamically typed class: name, optional base, and methods (each a
/// `Func` taking `self` as its first argument).
pub struct Class {
    /// Class name (`type(x).__name__`).
    pub name: String,
    /// Base class (single inheritance).
    pub base: Option<Rc<Class>>,
    /// Methods by name, including dunders like `__str__`, `__eq__`, `__lt__`.
    pub methods: RefCell<Dict<String, Rc<Func>>>,
}

impl Class {
    /// A new class with no methods yet.
    pub fn new(name: &str, base: Option<Rc<Class>>) -> Rc<Class> {
        let bases: Vec<String> = base.iter().map(|b| b.name.clone()).collect();
        let refs: Vec<&str> = bases.iter().map(|s| s.as_str()).collect();
        crate::exc::register_class(name, &refs);
        Rc::new(Class { name: name.to_string(), base, methods: RefCell::new(Dict::new()) })
    }

    /// The class of `slice(...)` objects (not registered: not an exception
    /// class nor a user class).
    pub fn slice_class() -> Rc<Class> {
        Rc::new(Class { name: "slice".to_string(), base: None, methods: RefCell::new(Dict::new()) })
    }

    /// Add or replace a method.
    pub fn def_method(&self, name: &str, f: impl Fn(&[Value]) -> PyResult<Value> + 'static) {
        self.methods.borrow_mut().insert(name.to_string(), Rc::new(Func::new(name, f)));
    }

    /// Find a method through the base chain.
    pub fn find_method(&self, name: &str) -> Option<Rc<Func>> {
        if let Some(f) = self.methods.borrow().get(name) {
            return Some(f.clone());
        }
        match &self.base {
            Some(b) => b.find_method(name),
            None => None,
        }
    }

    /// `issubclass(self, other)` by name through the base chain.
    pub fn is_subclass_of(&self, name: &str) -> bool {
        if self.name == name || name == "object" {
            return true;
        }
        match &self.base {
            Some(b) => b.is_subclass_of(name),
            None => false,
        }
    }
}

/// An instance: its class and its attribute dict.
pub struct Object {
    /// The class.
    pub class: Rc<Class>,
    /// Instance attributes (`self.x`).
    pub fields: RefCell<Dict<String, Value>>,
}

/// A callable taking positional arguments.
pub struct Func {
    /// `__name__`.
    pub name: String,
    /// The code.
    pub f: Box<dyn Fn(&[Value]) -> PyResult<Value>>,
    /// The code taking keyword arguments too (functions with keyword,
    /// default or starred parameters; see `args.rs`); `None`: positional only.
    pub kw: Option<Rc<KwFn>>,
    /// Attributes set on the function (`wrapper.cache = cache`).
    pub attrs: RefCell<Dict<String, Value>>,
}

/// A callable taking positional and keyword arguments.
pub type KwFn = dyn Fn(&[Value], &[(&str, Value)]) -> PyResult<Value>;

impl Func {
    /// Wrap a closure.
    pub fn new(name: &str, f: impl Fn(&[Value]) -> PyResult<Value> + 'static) -> Func {
        Func { name: name.to_string(), f: Box::new(f), kw: None, attrs: RefCell::new(Dict::new()) }
    }
    /// Call it.
    pub fn call(&self, args: &[Value]) -> PyResult<Value> {
        (self.f)(args)
    }
}

fn type_err(msg: String) -> PyException {
    PyException::new("TypeError", msg)
}

fn binop_err(op: &str, a: &Value, b: &Value) -> PyException {
    type_err(format!("unsupported operand type(s) for {}: '{}' and '{}'", op, a.type_name(), b.type_name()))
}

/// Numeric view used by arithmetic: ints (and bools) or floats.
enum Num {
    I(Int),
    F(f64),
}

impl Value {
    // ----- constructors -------------------------------------------------

    /// A `str` value.
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }
    /// A new list.
    pub fn list(v: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(v)))
    }
    /// A tuple.
    pub fn tuple(v: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(v))
    }
    /// A new dict.
    pub fn dict(d: Dict<Value, Value>) -> Value {
        Value::Dict(Rc::new(RefCell::new(d)))
    }
    /// A new set.
    pub fn set(s: Set<Value>) -> Value {
        Value::Set(Rc::new(RefCell::new(s)))
    }
    /// An int from i64.
    pub fn int(i: i64) -> Value {
        Value::Int(Int::from_i64(i))
    }
    /// A new instance of `class` with no fields yet.
    pub fn new_object(class: &Rc<Class>) -> Value {
        Value::Object(Rc::new(Object { class: class.clone(), fields: RefCell::new(Dict::new()) }))
    }
    /// A function value.
    pub fn func(name: &str, f: impl Fn(&[Value]) -> PyResult<Value> + 'static) -> Value {
        Value::Func(Rc::new(Func::new(name, f)))
    }

    // ----- inspection ---------------------------------------------------

    /// `type(x).__name__`.
    pub fn type_name(&self) -> &str {
        match self {
            Value::None => "NoneType",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::List(_) => "list",
            Value::Tuple(_) => "tuple",
            Value::Dict(_) => "dict",
            Value::Set(_) => "set",
            Value::FrozenSet(_) => "frozenset",
            Value::Object(o) => &o.class.name,
            Value::Func(_) => "function",
        }
    }

    /// `isinstance(x, name)` for builtin type names and dynamic classes.
    pub fn is_instance(&self, name: &str) -> bool {
        match self {
            // Registered bases too: a class with several bases (`class E(A, B)`).
            Value::Object(o) => o.class.is_subclass_of(name) || crate::exc::is_subclass(&o.class.name, name),
            Value::Bool(_) => name == "bool" || name == "int" || name == "object",
            v => v.type_name() == name || name == "object",
        }
    }

    /// `x is None`.
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// `x is y`: identity for shared values, equality for immutable scalars.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::List(a), Value::List(b)) => Rc::ptr_eq(a, b),
            (Value::Dict(a), Value::Dict(b)) => Rc::ptr_eq(a, b),
            (Value::Set(a), Value::Set(b)) => Rc::ptr_eq(a, b),
            (Value::Object(a), Value::Object(b)) => Rc::ptr_eq(a, b),
            (Value::Func(a), Value::Func(b)) => Rc::ptr_eq(a, b),
            (Value::Tuple(a), Value::Tuple(b)) => Rc::ptr_eq(a, b),
            (Value::Int(a), Value::Int(b)) => a == b && a.is_small(),
            (Value::Str(a), Value::Str(b)) => Rc::ptr_eq(a, b) || a == b,
            _ => false,
        }
    }

    /// The value as i64 if it is an int (or bool) that fits.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Int(i) => i.to_i64(),
            Value::Bool(b) => Some(*b as i64),
            _ => None,
        }
    }

    /// The text if this is a str.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    /// Numeric value as f64 (int, bool, float); TypeError otherwise.
    pub fn to_f64(&self) -> PyResult<f64> {
        match self {
            Value::Float(f) => Ok(*f),
            Value::Int(i) => i.to_f64_checked(),
            Value::Bool(b) => Ok(*b as i64 as f64),
            Value::Object(_) => match self.call_dunder("__float__", &[])? {
                Some(v) => v.to_f64(),
                None => Err(type_err(format!("must be real number, not {}", self.type_name()))),
            },
            v => Err(type_err(format!("must be real number, not {}", v.type_name()))),
        }
    }

    fn num(&self) -> Option<Num> {
        match self {
            Value::Int(i) => Some(Num::I(i.clone())),
            Value::Bool(b) => Some(Num::I(Int::from_i64(*b as i64))),
            Value::Float(f) => Some(Num::F(*f)),
            _ => None,
        }
    }

    /// Python truthiness (`bool(x)`); objects use `__bool__`/`__len__`.
    pub fn truthy(&self) -> bool {
        match self {
            Value::None => false,
            Value::Bool(b) => *b,
            Value::Int(i) => !i.is_zero(),
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(s) => !s.borrow().is_empty(),
            Value::FrozenSet(s) => !s.is_empty(),
            Value::Object(_) => {
                if let Ok(Some(v)) = self.call_dunder("__bool__", &[]) {
                    return v.truthy();
                }
                if let Ok(Some(v)) = self.call_dunder("__len__", &[]) {
                    return v.truthy();
                }
                true
            }
            Value::Func(_) => true,
        }
    }

    /// `len(x)`.
    pub fn len(&self) -> PyResult<i64> {
        Ok(match self {
            Value::Str(s) => str_len(s),
            Value::List(l) => l.borrow().len() as i64,
            Value::Tuple(t) => t.len() as i64,
            Value::Dict(d) => d.borrow().len() as i64,
            Value::Set(s) => s.borrow().len() as i64,
            Value::FrozenSet(s) => s.len() as i64,
            Value::Object(_) => match self.call_dunder("__len__", &[])? {
                Some(v) => v.as_i64().ok_or_else(|| type_err("'__len__' must return an int".into()))?,
                None => return Err(type_err(format!("object of type '{}' has no len()", self.type_name()))),
            },
            v => return Err(type_err(format!("object of type '{}' has no len()", v.type_name()))),
        })
    }

    /// Whether `len(x) == 0` (for containers).
    pub fn is_empty(&self) -> PyResult<bool> {
        Ok(self.len()? == 0)
    }

    // ----- equality, hashing, ordering ------------------------------------

    /// Python `==`.
    pub fn py_eq(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Str(a), Value::Str(b)) => a == b,
            (Value::List(a), Value::List(b)) => Rc::ptr_eq(a, b) || seq_eq(&a.borrow(), &b.borrow()),
            (Value::Tuple(a), Value::Tuple(b)) => seq_eq(a, b),
            (Value::Dict(a), Value::Dict(b)) => Rc::ptr_eq(a, b) || *a.borrow() == *b.borrow(),
            (Value::Set(a), Value::Set(b)) => *a.borrow() == *b.borrow(),
            (Value::FrozenSet(a), Value::FrozenSet(b)) => **a == **b,
            (Value::Set(a), Value::FrozenSet(b)) | (Value::FrozenSet(b), Value::Set(a)) => *a.borrow() == **b,
            (Value::Object(a), _) => {
                if let Ok(Some(r)) = self.call_dunder("__eq__", &[other.clone()]) {
                    return r.truthy();
                }
                match other {
                    Value::Object(b) => Rc::ptr_eq(a, b),
                    _ => false,
                }
            }
            (Value::Func(a), Value::Func(b)) => Rc::ptr_eq(a, b),
            _ => match (self.num(), other.num()) {
                (Some(x), Some(y)) => num_cmp(&x, &y) == Some(Ordering::Equal),
                _ => false,
            },
        }
    }

    /// Python `!=`.
    pub fn py_ne(&self, other: &Value) -> bool {
        !self.py_eq(other)
    }

    /// Three-way comparison for `<` and friends: `Ok(None)` when unordered
    /// (NaN), TypeError between unrelated types (`op` names the operator).
    pub fn compare(&self, other: &Value, op: &str) -> PyResult<Option<Ordering>> {
        if let (Some(x), Some(y)) = (self.num(), other.num()) {
            return Ok(num_cmp(&x, &y));
        }
        match (self, other) {
            (Value::Str(a), Value::Str(b)) => Ok(Some(a.cmp(b))),
            (Value::List(a), Value::List(b)) => seq_cmp(&a.borrow(), &b.borrow(), op),
            (Value::Tuple(a), Value::Tuple(b)) => seq_cmp(a, b, op),
            (Value::Set(_), _) | (Value::FrozenSet(_), _) => {
                let a = self.to_set()?;
                let b = other.to_set()?;
                Ok(if a == b {
                    Some(Ordering::Equal)
                } else if a.is_subset(&b) {
                    Some(Ordering::Less)
                } else if b.is_subset(&a) {
                    Some(Ordering::Greater)
                } else {
                    None
                })
            }
            (Value::Object(_), _) => {
                if let Some(r) = self.call_dunder("__lt__", &[other.clone()])? {
                    if r.truthy() {
                        return Ok(Some(Ordering::Less));
                    }
                    if self.py_eq(other) {
                        return Ok(Some(Ordering::Equal));
                    }
                    return Ok(Some(Ordering::Greater));
                }
                Err(cmp_err(op, self, other))
            }
            _ => Err(cmp_err(op, self, other)),
        }
    }

    /// A user class's own `__le__`/`__gt__`/`__ge__` (or the reflected one
    /// of the right operand) when it defines one.
    fn rich_dunder(&self, other: &Value, name: &str, reflected: &str) -> PyResult<Option<bool>> {
        if let Some(r) = self.call_dunder(name, &[other.clone()])? {
            return Ok(Some(r.truthy()));
        }
        if let Some(r) = other.call_dunder(reflected, &[self.clone()])? {
            return Ok(Some(r.truthy()));
        }
        Ok(None)
    }

    /// Python `<`.
    pub fn lt(&self, other: &Value) -> PyResult<bool> {
        Ok(self.compare(other, "<")? == Some(Ordering::Less))
    }
    /// Python `<=`.
    pub fn le(&self, other: &Value) -> PyResult<bool> {
        if let Some(r) = self.rich_dunder(other, "__le__", "__ge__")? {
            return Ok(r);
        }
        Ok(matches!(self.compare(other, "<=")?, Some(Ordering::Less) | Some(Ordering::Equal)))
    }
    /// Python `>`.
    pub fn gt(&self, other: &Value) -> PyResult<bool> {
        if let Some(r) = self.rich_dunder(other, "__gt__", "__lt__")? {
            return Ok(r);
        }
        Ok(self.compare(other, ">")? == Some(Ordering::Greater))
    }
    /// Python `>=`.
    pub fn ge(&self, other: &Value) -> PyResult<bool> {
        if let Some(r) = self.rich_dunder(other, "__ge__", "__le__")? {
            return Ok(r);
        }
        Ok(matches!(self.compare(other, ">=")?, Some(Ordering::Greater) | Some(Ordering::Equal)))
    }

    /// TypeError "unhashable type: 'list'" for mutable containers.
    pub fn check_hashable(&self) -> PyResult<()> {
        match self {
            Value::List(_) | Value::Dict(_) | Value::Set(_) => {
                Err(type_err(format!("unhashable type: '{}'", self.type_name())))
            }
            Value::Tuple(t) => {
                for x in t.iter() {
                    x.check_hashable()?;
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }

    // ----- arithmetic ----------------------------------------------------

    /// Python `a + b`.
    pub fn add(&self, other: &Value) -> PyResult<Value> {
        match (self, other) {
            (Value::Str(a), Value::Str(b)) => {
                let mut s = String::with_capacity(a.len() + b.len());
                s.push_str(a);
                s.push_str(b);
                Ok(Value::from(s))
            }
            (Value::List(a), Value::List(b)) => {
                let mut v = a.borrow().clone();
                v.extend(b.borrow().iter().cloned());
                Ok(Value::list(v))
            }
            (Value::Tuple(a), Value::Tuple(b)) => {
                let mut v = (**a).clone();
                v.extend(b.iter().cloned());
                Ok(Value::tuple(v))
            }
            (Value::Str(_), _) => {
                Err(type_err(format!("can only concatenate str (not \"{}\") to str", other.type_name())))
            }
            (Value::List(_), _) => {
                Err(type_err(format!("can only concatenate list (not \"{}\") to list", other.type_name())))
            }
            _ => self.arith(other, "+", "__add__", |a, b| Ok(a + b), |a, b| Ok(a + b)),
        }
    }

    /// Python `a - b`.
    pub fn sub(&self, other: &Value) -> PyResult<Value> {
        if let (Some(a), Some(b)) = (self.set_if_set(), other.set_if_set()) {
            return Ok(Value::set(a.difference(&b)));
        }
        self.arith(other, "-", "__sub__", |a, b| Ok(a - b), |a, b| Ok(a - b))
    }

    /// Python `a * b` (also sequence repetition).
    pub fn mul(&self, other: &Value) -> PyResult<Value> {
        match (self, other) {
            (Value::Str(s), n) | (n, Value::Str(s)) if n.as_i64().is_some() => {
                Ok(Value::from(str_repeat(s, n.as_i64().unwrap_or(0))))
            }
            (Value::List(l), n) | (n, Value::List(l)) if n.as_i64().is_some() => {
                Ok(Value::list(crate::list::list_repeat(&l.borrow(), n.as_i64().unwrap_or(0))))
            }
            (Value::Tuple(t), n) | (n, Value::Tuple(t)) if n.as_i64().is_some() => {
                Ok(Value::tuple(crate::list::list_repeat(t, n.as_i64().unwrap_or(0))))
            }
            _ => self.arith(other, "*", "__mul__", |a, b| Ok(a * b), |a, b| Ok(a * b)),
        }
    }

    /// Python `a / b` (true division).
    pub fn truediv(&self, other: &Value) -> PyResult<Value> {
        match (self.num(), other.num()) {
            (Some(Num::I(a)), Some(Num::I(b))) => Ok(Value::Float(a.true_div(&b)?)),
            (Some(a), Some(b)) => {
                let (x, y) = (num_f64(&a)?, num_f64(&b)?);
                Ok(Value::Float(crate::float::float_div(x, y)?))
            }
            _ => self.dunder_or(other, "__truediv__", "/"),
        }
    }

    /// Python `a // b`.
    pub fn floordiv(&self, other: &Value) -> PyResult<Value> {
        self.arith(other, "//", "__floordiv__", |a, b| a.floor_div(&b), float_floor_div)
    }

    /// Python `a % b` (also `str % args`).
    pub fn modulo(&self, other: &Value) -> PyResult<Value> {
        if let Value::Str(fmt) = self {
            let args: Vec<Value> = match other {
                Value::Tuple(t) => (**t).clone(),
                v => vec![v.clone()],
            };
            // A mapping-like operand (list, dict) may go unused, as in CPython.
            let mapping = matches!(other, Value::List(_) | Value::Dict(_));
            return Ok(Value::from(crate::fmt::percent_format_impl(fmt, &args, mapping)?));
        }
        self.arith(other, "%", "__mod__", |a, b| a.py_mod(&b), float_mod)
    }

    /// Python `divmod(a, b)`.
    pub fn divmod(&self, other: &Value) -> PyResult<Value> {
        match (self.num(), other.num()) {
            (Some(Num::I(a)), Some(Num::I(b))) => {
                let (q, r) = a.divmod(&b)?;
                Ok(Value::tuple(vec![Value::Int(q), Value::Int(r)]))
            }
            (Some(a), Some(b)) => {
                let (q, r) = float_divmod(num_f64(&a)?, num_f64(&b)?)?;
                Ok(Value::tuple(vec![Value::Float(q), Value::Float(r)]))
            }
            _ => Err(binop_err("divmod()", self, other)),
        }
    }

    /// Python `a ** b`.
    pub fn pow(&self, other: &Value) -> PyResult<Value> {
        match (self.num(), other.num()) {
            (Some(Num::I(a)), Some(Num::I(b))) => {
                if b.is_negative() {
                    Ok(Value::Float(a.pow_f64(&b)?))
                } else {
                    Ok(Value::Int(a.pow_int(&b)?))
                }
            }
            (Some(a), Some(b)) => Ok(Value::Float(float_pow(num_f64(&a)?, num_f64(&b)?)?)),
            _ => self.dunder_or(other, "__pow__", "** or pow()"),
        }
    }

    /// Python `-x`.
    pub fn neg(&self) -> PyResult<Value> {
        match self.num() {
            Some(Num::I(i)) => Ok(Value::Int(-i)),
            Some(Num::F(f)) => Ok(Value::Float(-f)),
            None => match self.call_dunder("__neg__", &[])? {
                Some(v) => Ok(v),
                None => Err(type_err(format!("bad operand type for unary -: '{}'", self.type_name()))),
            },
        }
    }

    /// Python `+x`.
    pub fn pos(&self) -> PyResult<Value> {
        match self.num() {
            Some(Num::I(i)) => Ok(Value::Int(i)),
            Some(Num::F(f)) => Ok(Value::Float(f)),
            None => Err(type_err(format!("bad operand type for unary +: '{}'", self.type_name()))),
        }
    }

    /// Python `~x`.
    pub fn invert(&self) -> PyResult<Value> {
        match self {
            Value::Int(i) => Ok(Value::Int(!i)),
            Value::Bool(b) => Ok(Value::int(!(*b as i64))),
            _ => Err(type_err(format!("bad operand type for unary ~: '{}'", self.type_name()))),
        }
    }

    /// Python `not x`.
    pub fn not(&self) -> Value {
        Value::Bool(!self.truthy())
    }

    /// `abs(x)`.
    pub fn abs(&self) -> PyResult<Value> {
        match self.num() {
            Some(Num::I(i)) => Ok(Value::Int(i.abs())),
            Some(Num::F(f)) => Ok(Value::Float(f.abs())),
            None => match self.call_dunder("__abs__", &[])? {
                Some(v) => Ok(v),
                None => Err(type_err(format!("bad operand type for abs(): '{}'", self.type_name()))),
            },
        }
    }

    fn int_op(&self, other: &Value, op: &str, f: impl Fn(&Int, &Int) -> PyResult<Int>) -> PyResult<Value> {
        match (self.num(), other.num()) {
            (Some(Num::I(a)), Some(Num::I(b))) => Ok(Value::Int(f(&a, &b)?)),
            _ => {
                // Objects may define the operator (`Counter & Counter`).
                let dunder = match op {
                    "&" => "__and__",
                    "|" => "__or__",
                    "^" => "__xor__",
                    "<<" => "__lshift__",
                    _ => "__rshift__",
                };
                self.dunder_or(other, dunder, op)
            }
        }
    }

    /// Python `a & b` (ints, bools, sets).
    pub fn bitand(&self, other: &Value) -> PyResult<Value> {
        if let (Value::Bool(a), Value::Bool(b)) = (self, other) {
            return Ok(Value::Bool(*a & *b));
        }
        if let (Some(a), Some(b)) = (self.set_if_set(), other.set_if_set()) {
            return Ok(Value::set(a.intersection(&b)));
        }
        self.int_op(other, "&", |a, b| Ok(a & b))
    }
    /// Python `a | b` (ints, bools, sets, dicts).
    pub fn bitor(&self, other: &Value) -> PyResult<Value> {
        if let (Value::Bool(a), Value::Bool(b)) = (self, other) {
            return Ok(Value::Bool(*a | *b));
        }
        if let (Some(a), Some(b)) = (self.set_if_set(), other.set_if_set()) {
            return Ok(Value::set(a.union(&b)));
        }
        if let (Value::Dict(a), Value::Dict(b)) = (self, other) {
            let mut d = a.borrow().copy();
            d.update(b.borrow().items_vec());
            return Ok(Value::dict(d));
        }
        self.int_op(other, "|", |a, b| Ok(a | b))
    }
    /// Python `a ^ b` (ints, bools, sets).
    pub fn bitxor(&self, other: &Value) -> PyResult<Value> {
        if let (Value::Bool(a), Value::Bool(b)) = (self, other) {
            return Ok(Value::Bool(*a ^ *b));
        }
        if let (Some(a), Some(b)) = (self.set_if_set(), other.set_if_set()) {
            return Ok(Value::set(a.symmetric_difference(&b)));
        }
        self.int_op(other, "^", |a, b| Ok(a ^ b))
    }
    /// Python `a << b`.
    pub fn lshift(&self, other: &Value) -> PyResult<Value> {
        self.int_op(other, "<<", |a, b| a.shl_checked(b.to_i64_checked()?))
    }
    /// Python `a >> b`.
    pub fn rshift(&self, other: &Value) -> PyResult<Value> {
        self.int_op(other, ">>", |a, b| {
            if b.is_negative() {
                return Err(PyException::new("ValueError", "negative shift count"));
            }
            Ok(a.shr(b.to_i64().unwrap_or(i64::MAX) as u64))
        })
    }

    fn arith(
        &self,
        other: &Value,
        op: &str,
        dunder: &str,
        fi: impl Fn(Int, Int) -> PyResult<Int>,
        ff: impl Fn(f64, f64) -> PyResult<f64>,
    ) -> PyResult<Value> {
        match (self.num(), other.num()) {
            (Some(Num::I(a)), Some(Num::I(b))) => Ok(Value::Int(fi(a, b)?)),
            (Some(a), Some(b)) => Ok(Value::Float(ff(num_f64(&a)?, num_f64(&b)?)?)),
            _ => self.dunder_or(other, dunder, op),
        }
    }

    fn dunder_or(&self, other: &Value, dunder: &str, op: &str) -> PyResult<Value> {
        if let Some(v) = self.call_dunder(dunder, &[other.clone()])? {
            return Ok(v);
        }
        // Reflected operation on the right operand (`__radd__`...).
        let r = format!("__r{}", &dunder[2..]);
        if let Some(v) = other.call_dunder(&r, &[self.clone()])? {
            return Ok(v);
        }
        Err(binop_err(op, self, other))
    }

    // ----- containers ----------------------------------------------------

    /// `x[i]` for lists, tuples, strs (int index) and dicts (any key).
    pub fn getitem(&self, key: &Value) -> PyResult<Value> {
        if let Some((a, b, c)) = key.as_slice_object()? {
            return self.getslice(a, b, c);
        }
        match self {
            Value::List(l) => {
                let l = l.borrow();
                let i = index_of(key, "list")?;
                Ok(l[check_index(i, l.len(), "list index out of range")?].clone())
            }
            Value::Tuple(t) => {
                let i = index_of(key, "tuple")?;
                Ok(t[check_index(i, t.len(), "tuple index out of range")?].clone())
            }
            Value::Str(s) => {
                let i = index_of(key, "string")?;
                Ok(Value::from(str_char_at(s, i)?.to_string()))
            }
            Value::Dict(d) => {
                key.check_hashable()?;
                match d.borrow().get(key) {
                    Some(v) => Ok(v.clone()),
                    None => Err(PyException::key_error(key)),
                }
            }
            Value::Object(_) => match self.call_dunder("__getitem__", &[key.clone()])? {
                Some(v) => Ok(v),
                None => Err(type_err(format!("'{}' object is not subscriptable", self.type_name()))),
            },
            _ => Err(type_err(format!("'{}' object is not subscriptable", self.type_name()))),
        }
    }

    /// `x[start:stop:step]` for lists, tuples and strs.
    pub fn getslice(&self, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> PyResult<Value> {
        match self {
            Value::List(l) => Ok(Value::list(crate::list::list_slice(&l.borrow(), start, stop, step)?)),
            Value::Tuple(t) => Ok(Value::tuple(crate::list::list_slice(t, start, stop, step)?)),
            Value::Str(s) => Ok(Value::from(str_slice(s, start, stop, step)?)),
            // A user class's `__getitem__` receives a slice object.
            Value::Object(_) => {
                let b = |x: Option<i64>| x.map(Value::int).unwrap_or(Value::None);
                match self.call_dunder("__getitem__", &[Value::slice_object(b(start), b(stop), b(step))])? {
                    Some(v) => Ok(v),
                    None => Err(type_err(format!("'{}' object is not subscriptable", self.type_name()))),
                }
            }
            _ => Err(type_err(format!("'{}' object is not subscriptable", self.type_name()))),
        }
    }

    /// `x[k] = v` for lists and dicts.
    pub fn setitem(&self, key: &Value, v: Value) -> PyResult<()> {
        match self {
            Value::List(l) => {
                let i = index_of(key, "list")?;
                let mut l = l.borrow_mut();
                let n = l.len();
                l[check_index(i, n, "list assignment index out of range")?] = v;
                Ok(())
            }
            Value::Dict(d) => {
                key.check_hashable()?;
                d.borrow_mut().insert(key.clone(), v);
                Ok(())
            }
            Value::Object(_) => match self.call_dunder("__setitem__", &[key.clone(), v])? {
                Some(_) => Ok(()),
                None => Err(type_err(format!("'{}' object does not support item assignment", self.type_name()))),
            },
            _ => Err(type_err(format!("'{}' object does not support item assignment", self.type_name()))),
        }
    }

    /// `del x[k]` for lists and dicts.
    pub fn delitem(&self, key: &Value) -> PyResult<()> {
        match self {
            Value::List(l) => {
                let i = index_of(key, "list")?;
                crate::list::list_del(&mut l.borrow_mut(), i)
            }
            Value::Dict(d) => match d.borrow_mut().remove(key) {
                Some(_) => Ok(()),
                None => Err(PyException::key_error(key)),
            },
            Value::Object(_) if self.call_dunder("__delitem__", &[key.clone()])?.is_some() => Ok(()),
            _ => Err(type_err(format!("'{}' object doesn't support item deletion", self.type_name()))),
        }
    }

    /// `x in self`.
    pub fn contains(&self, x: &Value) -> PyResult<bool> {
        match self {
            Value::Str(s) => match x {
                Value::Str(t) => Ok(s.contains(&**t)),
                _ => Err(type_err(format!("'in <string>' requires string as left operand, not {}", x.type_name()))),
            },
            Value::List(l) => Ok(l.borrow().iter().any(|y| y.py_eq(x))),
            Value::Tuple(t) => Ok(t.iter().any(|y| y.py_eq(x))),
            Value::Dict(d) => {
                x.check_hashable()?;
                Ok(d.borrow().contains_key(x))
            }
            Value::Set(s) => {
                x.check_hashable()?;
                Ok(s.borrow().contains(x))
            }
            Value::FrozenSet(s) => Ok(s.contains(x)),
            Value::Object(_) => match self.call_dunder("__contains__", &[x.clone()])? {
                Some(v) => Ok(v.truthy()),
                None => Ok(self.iter()?.iter().any(|y| y.py_eq(x))),
            },
            _ => Err(type_err(format!("argument of type '{}' is not iterable", self.type_name()))),
        }
    }

    /// The items `for x in self` visits, collected (a snapshot).
    pub fn iter(&self) -> PyResult<Vec<Value>> {
        Ok(match self {
            Value::Str(s) => s.chars().map(|c| Value::from(c.to_string())).collect(),
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => (**t).clone(),
            Value::Dict(d) => d.borrow().keys_vec(),
            Value::Set(s) => s.borrow().to_vec(),
            Value::FrozenSet(s) => s.to_vec(),
            Value::Object(_) => {
                // __iter__ returning an iterator object with __next__.
                let it = match self.call_dunder("__iter__", &[])? {
                    Some(it) => it,
                    None => return Err(type_err(format!("'{}' object is not iterable", self.type_name()))),
                };
                if let Value::Object(_) = it {
                    let mut out = Vec::new();
                    loop {
                        match it.call_dunder("__next__", &[]) {
                            Ok(Some(v)) => out.push(v),
                            Ok(None) => return Err(type_err("iter() returned non-iterator".into())),
                            Err(e) if e.is_instance_of("StopIteration") => break,
                            Err(e) => return Err(e),
                        }
                    }
                    out
                } else {
                    it.iter()?
                }
            }
            _ => return Err(type_err(format!("'{}' object is not iterable", self.type_name()))),
        })
    }

    /// The items of a set or frozenset; None (no allocation) for anything
    /// else: the operators ask this on every call, ints included.
    fn set_if_set(&self) -> Option<Set<Value>> {
        match self {
            Value::Set(s) => Some(s.borrow().clone()),
            Value::FrozenSet(s) => Some((**s).clone()),
            _ => None,
        }
    }

    /// `set(x)` contents.
    pub fn to_set(&self) -> PyResult<Set<Value>> {
        let items = self.iter()?;
        for x in &items {
            x.check_hashable()?;
        }
        Ok(items.into_iter().collect())
    }

    // ----- attributes and calls -------------------------------------------

    /// `obj.name`: instance field, else a method bound to obj.
    pub fn getattr(&self, name: &str) -> PyResult<Value> {
        if let Value::Object(o) = self {
            if let Some(v) = o.fields.borrow().get(name) {
                return Ok(v.clone());
            }
            if let Some(m) = o.class.find_method(name) {
                let this = self.clone();
                return Ok(Value::func(name, move |args: &[Value]| {
                    let mut all = Vec::with_capacity(args.len() + 1);
                    all.push(this.clone());
                    all.extend_from_slice(args);
                    m.call(&all)
                }));
            }
        }
        if let Value::Func(f) = self {
            if let Some(v) = f.attrs.borrow().get(name) {
                return Ok(v.clone());
            }
            if name == "__name__" {
                return Ok(Value::str(&f.name));
            }
        }
        Err(PyException::new("AttributeError", format!("'{}' object has no attribute '{}'", self.type_name(), name)))
    }

    /// `slice(start, stop, step)` as an object with those three fields.
    pub fn slice_object(start: Value, stop: Value, step: Value) -> Value {
        let mut f: Dict<String, Value> = Dict::new();
        f.insert("start".to_string(), start);
        f.insert("stop".to_string(), stop);
        f.insert("step".to_string(), step);
        Value::Object(Rc::new(Object { class: Class::slice_class(), fields: RefCell::new(f) }))
    }

    /// The bounds of a `slice` object; None for any other value.
    pub fn as_slice_object(&self) -> PyResult<Option<(Option<i64>, Option<i64>, Option<i64>)>> {
        let o = match self {
            Value::Object(o) if o.class.name == "slice" && o.class.base.is_none() => o,
            _ => return Ok(None),
        };
        let f = o.fields.borrow();
        let mut out = [None, None, None];
        for (i, n) in ["start", "stop", "step"].iter().enumerate() {
            match f.get(*n) {
                None | Some(Value::None) => {}
                Some(v) => out[i] = Some(crate::dynamic::to_i64(v)?),
            }
        }
        Ok(Some((out[0], out[1], out[2])))
    }

    /// `obj.name = v`.
    pub fn setattr(&self, name: &str, v: Value) -> PyResult<()> {
        match self {
            Value::Object(o) => {
                // A property with a setter (`@x.setter`) runs it.
                if let Some(s) = o.class.find_method(&format!("@setter:{}", name)) {
                    return s.call(&[self.clone(), v]).map(|_| ());
                }
                // A frozen dataclass (marked by `__frozen__`) sets its fields
                // once, in `__init__`; later assignments raise.
                if o.class.find_method("__frozen__").is_some() && o.fields.borrow().get(name).is_some() {
                    return Err(PyException::new("FrozenInstanceError", format!("cannot assign to field '{}'", name)));
                }
                o.fields.borrow_mut().insert(name.to_string(), v);
                Ok(())
            }
            Value::Func(f) => {
                f.attrs.borrow_mut().insert(name.to_string(), v);
                Ok(())
            }
            _ => Err(PyException::new(
                "AttributeError",
                format!("'{}' object has no attribute '{}'", self.type_name(), name),
            )),
        }
    }

    /// `f(*args)`.
    pub fn call(&self, args: &[Value]) -> PyResult<Value> {
        match self {
            Value::Func(f) => f.call(args),
            Value::Object(_) => match self.call_dunder("__call__", args)? {
                Some(v) => Ok(v),
                None => Err(type_err(format!("'{}' object is not callable", self.type_name()))),
            },
            _ => Err(type_err(format!("'{}' object is not callable", self.type_name()))),
        }
    }

    /// `obj.name(*args)`.
    pub fn call_method(&self, name: &str, args: &[Value]) -> PyResult<Value> {
        if let Value::Object(o) = self {
            if let Some(m) = o.class.find_method(name) {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(self.clone());
                all.extend_from_slice(args);
                return m.call(&all);
            }
        }
        self.getattr(name)?.call(args)
    }

    /// Call a dunder method of an Object if its class defines it.
    pub fn call_dunder(&self, name: &str, args: &[Value]) -> PyResult<Option<Value>> {
        if let Value::Object(o) = self {
            if let Some(m) = o.class.find_method(name) {
                let mut all = Vec::with_capacity(args.len() + 1);
                all.push(self.clone());
                all.extend_from_slice(args);
                return m.call(&all).map(Some);
            }
        }
        Ok(None)
    }

    // ----- conversions ---------------------------------------------------

    /// `int(x)`: truncates floats, parses strings (base 10).
    pub fn to_int(&self) -> PyResult<Int> {
        match self {
            Value::Int(i) => Ok(i.clone()),
            Value::Bool(b) => Ok(Int::from(*b)),
            Value::Float(f) => Int::from_f64(*f),
            Value::Str(s) => Int::parse(s, 10),
            Value::Object(_) if self.call_dunder("__int__", &[])?.is_some() => {
                self.call_dunder("__int__", &[])?.unwrap_or(Value::None).to_int()
            }
            v => Err(type_err(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                v.type_name()
            ))),
        }
    }

    /// `float(x)`.
    pub fn to_float(&self) -> PyResult<f64> {
        match self {
            Value::Str(s) => parse_float(s),
            v => v.to_f64().map_err(|_| {
                type_err(format!("float() argument must be a string or a real number, not '{}'", v.type_name()))
            }),
        }
    }
}

fn cmp_err(op: &str, a: &Value, b: &Value) -> PyException {
    type_err(format!("'{}' not supported between instances of '{}' and '{}'", op, a.type_name(), b.type_name()))
}

fn index_of(key: &Value, what: &str) -> PyResult<i64> {
    match key {
        Value::Int(i) => i
            .to_i64()
            .ok_or_else(|| PyException::new("IndexError", format!("cannot fit 'int' into an index-sized integer"))),
        Value::Bool(b) => Ok(*b as i64),
        k => Err(type_err(format!("{} indices must be integers or slices, not {}", what, k.type_name()))),
    }
}

fn num_f64(n: &Num) -> PyResult<f64> {
    match n {
        Num::I(i) => i.to_f64_checked(),
        Num::F(f) => Ok(*f),
    }
}

fn num_cmp(a: &Num, b: &Num) -> Option<Ordering> {
    match (a, b) {
        (Num::I(x), Num::I(y)) => Some(x.cmp(y)),
        (Num::F(x), Num::F(y)) => x.partial_cmp(y),
        (Num::I(x), Num::F(y)) => int_float_cmp(x, *y),
        (Num::F(x), Num::I(y)) => int_float_cmp(y, *x).map(|o| o.reverse()),
    }
}

/// Exact comparison of an int with a float.
fn int_float_cmp(i: &Int, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 { Ordering::Less } else { Ordering::Greater });
    }
    if let Some(v) = i.to_i64() {
        if v.unsigned_abs() <= 1u64 << 53 {
            return (v as f64).partial_cmp(&f);
        }
    }
    let fl = f.floor();
    let fi = Int::from_f64(fl).ok()?;
    match i.cmp(&fi) {
        Ordering::Equal => Some(if f > fl { Ordering::Less } else { Ordering::Equal }),
        o => Some(o),
    }
}

fn seq_eq(a: &[Value], b: &[Value]) -> bool {
    a.len() == b.len() && a.iter().zip(b.iter()).all(|(x, y)| x.py_eq(y))
}

fn seq_cmp(a: &[Value], b: &[Value], op: &str) -> PyResult<Option<Ordering>> {
    for (x, y) in a.iter().zip(b.iter()) {
        if !x.py_eq(y) {
            return x.compare(y, op);
        }
    }
    Ok(Some(a.len().cmp(&b.len())))
}

impl PartialEq for Value {
    /// Python `==`.
    fn eq(&self, other: &Value) -> bool {
        self.py_eq(other)
    }
}

impl Eq for Value {}

impl Hash for Value {
    /// Consistent with `==`: `1`, `1.0` and `True` hash alike.
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self {
            Value::None => state.write_u8(0),
            Value::Bool(b) => state.write_i64(*b as i64),
            Value::Int(i) => match i.to_i64() {
                Some(v) => state.write_i64(v),
                None => i.hash(state),
            },
            Value::Float(f) => {
                if f.fract() == 0.0 && f.abs() < 9.2e18 {
                    state.write_i64(*f as i64)
                } else if f.is_finite() && f.fract() == 0.0 {
                    match Int::from_f64(*f) {
                        Ok(i) => i.hash(state),
                        Err(_) => state.write_u64(f.to_bits()),
                    }
                } else {
                    state.write_u64(f.to_bits())
                }
            }
            Value::Str(s) => s.hash(state),
            Value::Tuple(t) => {
                state.write_u8(7);
                for x in t.iter() {
                    x.hash(state);
                }
            }
            Value::FrozenSet(s) => s.hash(state),
            Value::Set(s) => s.borrow().hash(state),
            Value::List(l) => state.write_usize(Rc::as_ptr(l) as *const u8 as usize),
            Value::Dict(d) => state.write_usize(Rc::as_ptr(d) as *const u8 as usize),
            Value::Object(o) => {
                if let Ok(Some(h)) = self.call_dunder("__hash__", &[]) {
                    h.hash(state);
                } else {
                    state.write_usize(Rc::as_ptr(o) as *const u8 as usize)
                }
            }
            Value::Func(f) => state.write_usize(Rc::as_ptr(f) as *const u8 as usize),
        }
    }
}

impl PyOrd for Value {
    /// Python ordering; incomparable values compare equal (sort stays stable).
    fn py_cmp(&self, other: &Value) -> Ordering {
        match self.compare(other, "<") {
            Ok(Some(o)) => o,
            _ => Ordering::Equal,
        }
    }
}

impl PyStr for Value {
    fn py_str_into(&self, out: &mut String) {
        match self {
            Value::Str(s) => out.push_str(s),
            Value::Object(_) => {
                if let Ok(Some(v)) = self.call_dunder("__str__", &[]) {
                    v.py_str_into(out);
                } else {
                    self.py_repr_into(out);
                }
            }
            v => v.py_repr_into(out),
        }
    }
}

impl PyRepr for Value {
    fn py_repr_into(&self, out: &mut String) {
        match self {
            Value::None => out.push_str("None"),
            Value::Bool(b) => b.py_repr_into(out),
            Value::Int(i) => i.py_repr_into(out),
            Value::Float(f) => f.py_repr_into(out),
            Value::Str(s) => crate::pystr::str_repr_into(s, out),
            Value::List(l) => repr_seq_into(l.borrow().iter(), "[", "]", out),
            Value::Tuple(t) => {
                repr_seq_into(t.iter(), "(", "", out);
                if t.len() == 1 {
                    out.push(',');
                }
                out.push(')');
            }
            Value::Dict(d) => d.borrow().py_repr_into(out),
            Value::Set(s) => s.borrow().py_repr_into(out),
            Value::FrozenSet(s) => {
                if s.is_empty() {
                    out.push_str("frozenset()");
                } else {
                    out.push_str("frozenset(");
                    s.py_repr_into(out);
                    out.push(')');
                }
            }
            Value::Object(o) => {
                if let Ok(Some(v)) = self.call_dunder("__repr__", &[]) {
                    v.py_str_into(out);
                } else {
                    out.push('<');
                    out.push_str(&o.class.name);
                    out.push_str(" object>");
                }
            }
            Value::Func(f) => {
                out.push_str("<function ");
                out.push_str(&f.name);
                out.push('>');
            }
        }
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.py_repr())
    }
}

impl std::fmt::Display for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.py_str())
    }
}

impl Default for Value {
    fn default() -> Value {
        Value::None
    }
}

// ---------------------------------------------------------------------------
// From / ToValue / FromValue

impl From<i64> for Value {
    fn from(v: i64) -> Value {
        Value::Int(Int::from_i64(v))
    }
}
impl From<i32> for Value {
    fn from(v: i32) -> Value {
        Value::Int(Int::from_i64(v as i64))
    }
}
impl From<usize> for Value {
    fn from(v: usize) -> Value {
        Value::Int(Int::from(v))
    }
}
impl From<Int> for Value {
    fn from(v: Int) -> Value {
        Value::Int(v)
    }
}
impl From<f64> for Value {
    fn from(v: f64) -> Value {
        Value::Float(v)
    }
}
impl From<bool> for Value {
    fn from(v: bool) -> Value {
        Value::Bool(v)
    }
}
impl From<&str> for Value {
    fn from(v: &str) -> Value {
        Value::Str(Rc::from(v))
    }
}
impl From<String> for Value {
    fn from(v: String) -> Value {
        Value::Str(Rc::from(v))
    }
}
impl From<char> for Value {
    fn from(v: char) -> Value {
        Value::Str(Rc::from(v.to_string()))
    }
}
impl From<()> for Value {
    fn from(_: ()) -> Value {
        Value::None
    }
}
impl From<Vec<Value>> for Value {
    /// A list.
    fn from(v: Vec<Value>) -> Value {
        Value::list(v)
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        match v {
            None => Value::None,
            Some(x) => x.into(),
        }
    }
}

/// Convert a statically typed value to a `Value` (lists become `list`,
/// tuples `tuple`, `Dict` `dict`, `Set` `set`, `()`/`None` `None`).
pub trait ToValue {
    /// The dynamic value.
    fn to_value(&self) -> Value;
}

macro_rules! to_value_via_from {
    ($($t:ty),*) => {$(
        impl ToValue for $t {
            fn to_value(&self) -> Value { Value::from(self.clone()) }
        }
    )*};
}
to_value_via_from!(i64, i32, usize, f64, bool, String, Int, char, ());

impl ToValue for str {
    fn to_value(&self) -> Value {
        Value::from(self)
    }
}
impl ToValue for Value {
    fn to_value(&self) -> Value {
        self.clone()
    }
}
impl<'a, T: ToValue + ?Sized> ToValue for &'a T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}
impl<T: ToValue + ?Sized> ToValue for Rc<T> {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}
impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value {
        match self {
            None => Value::None,
            Some(x) => x.to_value(),
        }
    }
}
impl<T: ToValue> ToValue for [T] {
    fn to_value(&self) -> Value {
        Value::list(self.iter().map(|x| x.to_value()).collect())
    }
}
impl<T: ToValue> ToValue for Vec<T> {
    fn to_value(&self) -> Value {
        self[..].to_value()
    }
}
impl<K: ToValue + Hash + Eq + Clone, V: ToValue> ToValue for Dict<K, V> {
    fn to_value(&self) -> Value {
        Value::dict(self.iter().map(|(k, v)| (k.to_value(), v.to_value())).collect())
    }
}
impl<T: ToValue + Hash + Eq + Clone> ToValue for Set<T> {
    fn to_value(&self) -> Value {
        Value::set(self.iter().map(|x| x.to_value()).collect())
    }
}
macro_rules! tuple_to_value {
    ($($name:ident $idx:tt),+) => {
        impl<$($name: ToValue),+> ToValue for ($($name,)+) {
            fn to_value(&self) -> Value {
                Value::tuple(vec![$(self.$idx.to_value()),+])
            }
        }
    };
}
tuple_to_value!(A 0);
tuple_to_value!(A 0, B 1);
tuple_to_value!(A 0, B 1, C 2);
tuple_to_value!(A 0, B 1, C 2, D 3);
tuple_to_value!(A 0, B 1, C 2, D 3, E 4);
tuple_to_value!(A 0, B 1, C 2, D 3, E 4, F 5);

/// Convert a `Value` back to a static type, with Python's TypeError when
/// the value has another type.
pub trait FromValue: Sized {
    /// The static value.
    fn from_value(v: &Value) -> PyResult<Self>;
}

fn expect_err(what: &str, v: &Value) -> PyException {
    type_err(format!("expected {}, got {}", what, v.type_name()))
}

impl FromValue for Value {
    fn from_value(v: &Value) -> PyResult<Value> {
        Ok(v.clone())
    }
}
impl FromValue for i64 {
    fn from_value(v: &Value) -> PyResult<i64> {
        match v {
            Value::Int(i) => i.to_i64_checked(),
            Value::Bool(b) => Ok(*b as i64),
            _ => Err(expect_err("int", v)),
        }
    }
}
impl FromValue for Int {
    fn from_value(v: &Value) -> PyResult<Int> {
        match v {
            Value::Int(i) => Ok(i.clone()),
            Value::Bool(b) => Ok(Int::from(*b)),
            _ => Err(expect_err("int", v)),
        }
    }
}
impl FromValue for f64 {
    fn from_value(v: &Value) -> PyResult<f64> {
        v.to_f64()
    }
}
impl FromValue for bool {
    fn from_value(v: &Value) -> PyResult<bool> {
        match v {
            Value::Bool(b) => Ok(*b),
            _ => Ok(v.truthy()),
        }
    }
}
impl FromValue for String {
    fn from_value(v: &Value) -> PyResult<String> {
        match v {
            Value::Str(s) => Ok(s.to_string()),
            _ => Err(expect_err("str", v)),
        }
    }
}
impl FromValue for () {
    fn from_value(_: &Value) -> PyResult<()> {
        Ok(())
    }
}
impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: &Value) -> PyResult<Option<T>> {
        match v {
            Value::None => Ok(None),
            x => Ok(Some(T::from_value(x)?)),
        }
    }
}
impl<T: FromValue> FromValue for Vec<T> {
    fn from_value(v: &Value) -> PyResult<Vec<T>> {
        v.iter()?.iter().map(T::from_value).collect()
    }
}
macro_rules! tuple_from_value {
    ($n:expr; $($name:ident $idx:tt),+) => {
        impl<$($name: FromValue),+> FromValue for ($($name,)+) {
            fn from_value(v: &Value) -> PyResult<Self> {
                let items = v.iter()?;
                if items.len() != $n {
                    return Err(PyException::new("ValueError", format!(
                        "expected {} values to unpack, got {}", $n, items.len())));
                }
                Ok(($($name::from_value(&items[$idx])?,)+))
            }
        }
    };
}
tuple_from_value!(1; A 0);
tuple_from_value!(2; A 0, B 1);
tuple_from_value!(3; A 0, B 1, C 2);
tuple_from_value!(4; A 0, B 1, C 2, D 3);
tuple_from_value!(5; A 0, B 1, C 2, D 3, E 4);
tuple_from_value!(6; A 0, B 1, C 2, D 3, E 4, F 5);

/// Hash of a value with the runtime's hasher (for `hash(x)`-like needs).
pub fn value_hash(v: &Value) -> u64 {
    let mut h = FastHasher::default();
    v.hash(&mut h);
    h.finish()
}

/// `slice(...)` positions for a `Value` sequence length (helper for
/// translators lowering slice objects).
pub fn value_slice_len(len: usize, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> PyResult<usize> {
    Ok(slice_indices(len, start, stop, step)?.count)
}
