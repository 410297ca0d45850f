//! `PyStr` and `PyRepr`: Python's `str()` and `repr()` as traits, writing
//! into a `String` so that containers and `print` never build temporaries.
//!
//! Implemented for the machine types generated code uses, `Int`, strings,
//! `Vec`/slices (lists), tuples up to 8, `Option` (None), `Dict`, `Set`,
//! `VecDeque` (deque), `Value` and `PyException`. Translated classes
//! implement them too (a dataclass's repr, a `__str__` method).

use crate::dict::{Dict, Set};
use crate::float::float_repr_into;
use crate::int::Int;
use crate::pystr::str_repr_into;
use std::collections::VecDeque;
use std::hash::Hash;
use std::rc::Rc;

/// Python's `str(x)`.
pub trait PyStr {
    /// Append `str(self)` to `out`.
    fn py_str_into(&self, out: &mut String);
    /// `str(self)` as a new String.
    fn py_str(&self) -> String {
        let mut s = String::new();
        self.py_str_into(&mut s);
        s
    }
}

/// Python's `repr(x)` (also what containers show for their elements).
pub trait PyRepr {
    /// Append `repr(self)` to `out`.
    fn py_repr_into(&self, out: &mut String);
    /// `repr(self)` as a new String.
    fn py_repr(&self) -> String {
        let mut s = String::new();
        self.py_repr_into(&mut s);
        s
    }
}

/// `str(x)` as a free function.
pub fn py_str<T: PyStr + ?Sized>(x: &T) -> String {
    x.py_str()
}

/// `repr(x)` as a free function.
pub fn py_repr<T: PyRepr + ?Sized>(x: &T) -> String {
    x.py_repr()
}

macro_rules! int_like {
    ($($t:ty),*) => {$(
        impl PyStr for $t {
            fn py_str_into(&self, out: &mut String) {
                use std::fmt::Write;
                let _ = write!(out, "{}", self);
            }
        }
        impl PyRepr for $t {
            fn py_repr_into(&self, out: &mut String) {
                self.py_str_into(out)
            }
        }
    )*};
}
int_like!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, Int);

impl PyStr for f64 {
    fn py_str_into(&self, out: &mut String) {
        float_repr_into(*self, out)
    }
}
impl PyRepr for f64 {
    fn py_repr_into(&self, out: &mut String) {
        float_repr_into(*self, out)
    }
}
impl PyStr for f32 {
    fn py_str_into(&self, out: &mut String) {
        float_repr_into(*self as f64, out)
    }
}
impl PyRepr for f32 {
    fn py_repr_into(&self, out: &mut String) {
        float_repr_into(*self as f64, out)
    }
}

impl PyStr for bool {
    fn py_str_into(&self, out: &mut String) {
        out.push_str(if *self { "True" } else { "False" })
    }
}
impl PyRepr for bool {
    fn py_repr_into(&self, out: &mut String) {
        self.py_str_into(out)
    }
}

impl PyStr for () {
    /// `()` stands for Python's `None` in generated code.
    fn py_str_into(&self, out: &mut String) {
        out.push_str("None")
    }
}
impl PyRepr for () {
    fn py_repr_into(&self, out: &mut String) {
        out.push_str("None")
    }
}

impl PyStr for str {
    fn py_str_into(&self, out: &mut String) {
        out.push_str(self)
    }
}
impl PyRepr for str {
    fn py_repr_into(&self, out: &mut String) {
        str_repr_into(self, out)
    }
}
impl PyStr for String {
    fn py_str_into(&self, out: &mut String) {
        out.push_str(self)
    }
}
impl PyRepr for String {
    fn py_repr_into(&self, out: &mut String) {
        str_repr_into(self, out)
    }
}
impl PyStr for char {
    fn py_str_into(&self, out: &mut String) {
        out.push(*self)
    }
}
impl PyRepr for char {
    fn py_repr_into(&self, out: &mut String) {
        let mut b = [0u8; 4];
        str_repr_into(self.encode_utf8(&mut b), out)
    }
}

impl<'a, T: PyStr + ?Sized> PyStr for &'a T {
    fn py_str_into(&self, out: &mut String) {
        (**self).py_str_into(out)
    }
}
impl<'a, T: PyRepr + ?Sized> PyRepr for &'a T {
    fn py_repr_into(&self, out: &mut String) {
        (**self).py_repr_into(out)
    }
}
impl<'a, T: PyStr + ?Sized> PyStr for &'a mut T {
    fn py_str_into(&self, out: &mut String) {
        (**self).py_str_into(out)
    }
}
impl<'a, T: PyRepr + ?Sized> PyRepr for &'a mut T {
    fn py_repr_into(&self, out: &mut String) {
        (**self).py_repr_into(out)
    }
}
impl<T: PyStr + ?Sized> PyStr for Box<T> {
    fn py_str_into(&self, out: &mut String) {
        (**self).py_str_into(out)
    }
}
impl<T: PyRepr + ?Sized> PyRepr for Box<T> {
    fn py_repr_into(&self, out: &mut String) {
        (**self).py_repr_into(out)
    }
}
impl<T: PyStr + ?Sized> PyStr for Rc<T> {
    fn py_str_into(&self, out: &mut String) {
        (**self).py_str_into(out)
    }
}
impl<T: PyRepr + ?Sized> PyRepr for Rc<T> {
    fn py_repr_into(&self, out: &mut String) {
        (**self).py_repr_into(out)
    }
}
impl<T: PyStr> PyStr for std::cell::RefCell<T> {
    fn py_str_into(&self, out: &mut String) {
        self.borrow().py_str_into(out)
    }
}
impl<T: PyRepr> PyRepr for std::cell::RefCell<T> {
    fn py_repr_into(&self, out: &mut String) {
        self.borrow().py_repr_into(out)
    }
}

impl<T: PyStr> PyStr for Option<T> {
    /// `None` or the inner value (an `Optional[T]`).
    fn py_str_into(&self, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(v) => v.py_str_into(out),
        }
    }
}
impl<T: PyRepr> PyRepr for Option<T> {
    fn py_repr_into(&self, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(v) => v.py_repr_into(out),
        }
    }
}

/// Write `Name(field=repr, ...)`, the repr of dataclasses and namedtuples:
/// `repr_fields_into(out, "Point", &[("x", &self.x), ("y", &self.y)])`.
pub fn repr_fields_into(out: &mut String, class: &str, fields: &[(&str, &dyn PyRepr)]) {
    out.push_str(class);
    out.push('(');
    for (i, (name, v)) in fields.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(name);
        out.push('=');
        v.py_repr_into(out);
    }
    out.push(')');
}

/// Write an enum member's repr, `<Light.RED: 'red'>`; its str is
/// `Light.RED` (`format!("{}.{}", class, member)`).
pub fn enum_repr_into(out: &mut String, class: &str, member: &str, value: &dyn PyRepr) {
    out.push('<');
    out.push_str(class);
    out.push('.');
    out.push_str(member);
    out.push_str(": ");
    value.py_repr_into(out);
    out.push('>');
}

/// Write `[a, b, c]`-style sequences.
pub fn repr_seq_into<'a, T: PyRepr + 'a, I: IntoIterator<Item = &'a T>>(
    items: I,
    open: &str,
    close: &str,
    out: &mut String,
) {
    out.push_str(open);
    for (i, x) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        x.py_repr_into(out);
    }
    out.push_str(close);
}

impl<T: PyRepr> PyRepr for [T] {
    fn py_repr_into(&self, out: &mut String) {
        repr_seq_into(self.iter(), "[", "]", out)
    }
}
impl<T: PyRepr> PyStr for [T] {
    fn py_str_into(&self, out: &mut String) {
        self.py_repr_into(out)
    }
}
impl<T: PyRepr> PyRepr for Vec<T> {
    fn py_repr_into(&self, out: &mut String) {
        repr_seq_into(self.iter(), "[", "]", out)
    }
}
impl<T: PyRepr> PyStr for Vec<T> {
    fn py_str_into(&self, out: &mut String) {
        self.py_repr_into(out)
    }
}
impl<T: PyRepr> PyRepr for VecDeque<T> {
    /// `deque([1, 2])`.
    fn py_repr_into(&self, out: &mut String) {
        out.push_str("deque(");
        repr_seq_into(self.iter(), "[", "]", out);
        out.push(')');
    }
}
impl<T: PyRepr> PyStr for VecDeque<T> {
    fn py_str_into(&self, out: &mut String) {
        self.py_repr_into(out)
    }
}

macro_rules! tuple_repr {
    ($($name:ident $idx:tt),+; $one:expr) => {
        impl<$($name: PyRepr),+> PyRepr for ($($name,)+) {
            fn py_repr_into(&self, out: &mut String) {
                out.push('(');
                let mut _first = true;
                $(
                    if !_first { out.push_str(", "); }
                    _first = false;
                    self.$idx.py_repr_into(out);
                )+
                if $one { out.push(','); }
                out.push(')');
            }
        }
        impl<$($name: PyRepr),+> PyStr for ($($name,)+) {
            fn py_str_into(&self, out: &mut String) {
                self.py_repr_into(out)
            }
        }
    };
}
tuple_repr!(A 0; true);
tuple_repr!(A 0, B 1; false);
tuple_repr!(A 0, B 1, C 2; false);
tuple_repr!(A 0, B 1, C 2, D 3; false);
tuple_repr!(A 0, B 1, C 2, D 3, E 4; false);
tuple_repr!(A 0, B 1, C 2, D 3, E 4, F 5; false);
tuple_repr!(A 0, B 1, C 2, D 3, E 4, F 5, G 6; false);
tuple_repr!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7; false);

impl<K: PyRepr + Hash + Eq + Clone, V: PyRepr> PyRepr for Dict<K, V> {
    /// `{'a': 1, 'b': 2}`.
    fn py_repr_into(&self, out: &mut String) {
        out.push('{');
        for (i, (k, v)) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            k.py_repr_into(out);
            out.push_str(": ");
            v.py_repr_into(out);
        }
        out.push('}');
    }
}
impl<K: PyRepr + Hash + Eq + Clone, V: PyRepr> PyStr for Dict<K, V> {
    fn py_str_into(&self, out: &mut String) {
        self.py_repr_into(out)
    }
}

impl<T: PyRepr + Hash + Eq + Clone> PyRepr for Set<T> {
    /// `{1, 2}` or `set()` (in insertion order, see `Set`).
    fn py_repr_into(&self, out: &mut String) {
        if self.is_empty() {
            out.push_str("set()");
            return;
        }
        repr_seq_into(self.iter(), "{", "}", out)
    }
}
impl<T: PyRepr + Hash + Eq + Clone> PyStr for Set<T> {
    fn py_str_into(&self, out: &mut String) {
        self.py_repr_into(out)
    }
}

impl PyStr for crate::exc::PyException {
    /// `str(e)`: the message.
    fn py_str_into(&self, out: &mut String) {
        out.push_str(&self.message())
    }
}
impl PyRepr for crate::exc::PyException {
    /// `repr(e)`: `ValueError('bad')`.
    fn py_repr_into(&self, out: &mut String) {
        out.push_str(&self.repr())
    }
}

/// Python truthiness (`bool(x)`, `if x:`, `while x:`, `x or y`) for static
/// types: zero numbers, empty strings and containers and `None` are false.
pub trait PyTruth {
    /// `bool(self)`.
    fn truthy(&self) -> bool;
}

macro_rules! truth_num {
    ($($t:ty),*) => {$(
        impl PyTruth for $t {
            fn truthy(&self) -> bool { *self != (0 as $t) }
        }
    )*};
}
truth_num!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, f32, f64);

impl PyTruth for bool {
    fn truthy(&self) -> bool {
        *self
    }
}
impl PyTruth for () {
    fn truthy(&self) -> bool {
        false
    }
}
impl PyTruth for Int {
    fn truthy(&self) -> bool {
        !self.is_zero()
    }
}
impl PyTruth for str {
    fn truthy(&self) -> bool {
        !self.is_empty()
    }
}
impl PyTruth for String {
    fn truthy(&self) -> bool {
        !self.is_empty()
    }
}
impl<T> PyTruth for [T] {
    fn truthy(&self) -> bool {
        !self.is_empty()
    }
}
impl<T> PyTruth for Vec<T> {
    fn truthy(&self) -> bool {
        !self.is_empty()
    }
}
impl<T> PyTruth for VecDeque<T> {
    fn truthy(&self) -> bool {
        !self.is_empty()
    }
}
impl<K: Hash + Eq + Clone, V> PyTruth for Dict<K, V> {
    fn truthy(&self) -> bool {
        !self.is_empty()
    }
}
impl<T: Hash + Eq + Clone> PyTruth for Set<T> {
    fn truthy(&self) -> bool {
        !self.is_empty()
    }
}
impl<T: PyTruth> PyTruth for Option<T> {
    /// None is false; Some(x) is x's truth (an `Optional[int]` holding 0 is false).
    fn truthy(&self) -> bool {
        match self {
            None => false,
            Some(x) => x.truthy(),
        }
    }
}
impl<'a, T: PyTruth + ?Sized> PyTruth for &'a T {
    fn truthy(&self) -> bool {
        (**self).truthy()
    }
}
impl<T: PyTruth + ?Sized> PyTruth for Box<T> {
    fn truthy(&self) -> bool {
        (**self).truthy()
    }
}
impl<T: PyTruth + ?Sized> PyTruth for Rc<T> {
    fn truthy(&self) -> bool {
        (**self).truthy()
    }
}
impl PyTruth for crate::value::Value {
    fn truthy(&self) -> bool {
        crate::value::Value::truthy(self)
    }
}

impl PyStr for crate::builtins::PyRange {
    /// `range(0, 5)` / `range(0, 10, 2)`.
    fn py_str_into(&self, out: &mut String) {
        self.py_repr_into(out)
    }
}
impl PyRepr for crate::builtins::PyRange {
    fn py_repr_into(&self, out: &mut String) {
        use std::fmt::Write;
        if self.step == 1 {
            let _ = write!(out, "range({}, {})", self.start, self.stop);
        } else {
            let _ = write!(out, "range({}, {}, {})", self.start, self.stop, self.step);
        }
    }
}
