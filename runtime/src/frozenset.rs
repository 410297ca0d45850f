//! `frozenset` in statically typed code: an immutable `Set` that hashes (a
//! dict key or set element) and prints as `frozenset({..})` (its items in
//! the `Set`'s order, as the static `set` prints).

use crate::dict::Set;
use crate::repr::{PyRepr, PyStr, PyTruth};
use crate::value::{ToValue, Value};
use std::hash::{Hash, Hasher};
use std::rc::Rc;

/// Python's frozenset.
#[derive(Clone)]
pub struct FrozenSet<T> {
    items: Set<T>,
}

impl<T: Hash + Eq + Clone> FrozenSet<T> {
    /// `frozenset()`.
    pub fn new() -> Self {
        FrozenSet { items: Set::new() }
    }
    /// `len(fs)`.
    pub fn len(&self) -> usize {
        self.items.len()
    }
    /// `x in fs`.
    pub fn contains<Q: ?Sized + Hash + Eq>(&self, x: &Q) -> bool
    where
        T: std::borrow::Borrow<Q>,
    {
        self.items.contains(x)
    }
    /// The items, for iteration (`for x in fs`, `sorted(fs)`).
    pub fn to_vec(&self) -> Vec<T> {
        self.items.to_vec()
    }
}

impl<T: Hash + Eq + Clone> Default for FrozenSet<T> {
    fn default() -> Self {
        FrozenSet::new()
    }
}

impl<T: Hash + Eq + Clone> FromIterator<T> for FrozenSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(it: I) -> Self {
        FrozenSet { items: it.into_iter().collect() }
    }
}

impl<T: Hash + Eq + Clone> PartialEq for FrozenSet<T> {
    fn eq(&self, other: &Self) -> bool {
        self.items == other.items
    }
}
impl<T: Hash + Eq + Clone> Eq for FrozenSet<T> {}

impl<T: Hash + Eq + Clone> Hash for FrozenSet<T> {
    fn hash<H: Hasher>(&self, h: &mut H) {
        self.items.hash(h)
    }
}

impl<T: Hash + Eq + Clone + std::fmt::Debug> std::fmt::Debug for FrozenSet<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "frozenset({:?})", self.items)
    }
}

impl<T: PyRepr + Hash + Eq + Clone> PyRepr for FrozenSet<T> {
    /// `frozenset({1, 2})` or `frozenset()`.
    fn py_repr_into(&self, out: &mut String) {
        if self.items.is_empty() {
            out.push_str("frozenset()");
            return;
        }
        out.push_str("frozenset(");
        self.items.py_repr_into(out);
        out.push(')');
    }
}
impl<T: PyRepr + Hash + Eq + Clone> PyStr for FrozenSet<T> {
    fn py_str_into(&self, out: &mut String) {
        self.py_repr_into(out)
    }
}
impl<T: Hash + Eq + Clone> PyTruth for FrozenSet<T> {
    fn truthy(&self) -> bool {
        !self.items.is_empty()
    }
}
impl<T: ToValue + Hash + Eq + Clone> ToValue for FrozenSet<T> {
    fn to_value(&self) -> Value {
        Value::FrozenSet(Rc::new(self.items.iter().map(|x| x.to_value()).collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::Dict;

    #[test]
    fn equal_sets_are_one_key() {
        let a: FrozenSet<i64> = vec![1, 2, 3].into_iter().collect();
        let b: FrozenSet<i64> = vec![3, 2, 1].into_iter().collect();
        let mut d: Dict<FrozenSet<i64>, &str> = Dict::new();
        d.insert(a.clone(), "first");
        d.insert(b, "same");
        d.insert(FrozenSet::new(), "empty");
        assert_eq!(d.len(), 2);
        assert_eq!(d.get(&a), Some(&"same"));
        assert_eq!(a.py_repr(), "frozenset({1, 2, 3})");
        assert_eq!(FrozenSet::<i64>::new().py_repr(), "frozenset()");
        assert!(a.contains(&2) && !a.contains(&5));
    }
}
