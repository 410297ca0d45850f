//! `Dict<K, V>`: Python's insertion-ordered dict (entries in a Vec, a hash
//! index from key to slot, O(1) lookups; updating a key keeps its position;
//! deletion leaves a hole that is compacted away when holes pile up), and
//! `Set<T>` built on it.
//!
//! `Set` iterates in insertion order. CPython's set order is a hash order
//! that programs must not rely on; translated code that prints a set
//! directly may differ from CPython there (print `sorted(s)` instead).

use crate::exc::{PyException, PyResult};
use crate::value::ToValue;
use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// A fast, deterministic, non-cryptographic hasher (FxHash-style).
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        for &b in chunks.remainder() {
            self.add(b as u64);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64)
    }
    fn write_u32(&mut self, i: u32) {
        self.add(i as u64)
    }
    fn write_u64(&mut self, i: u64) {
        self.add(i)
    }
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64)
    }
    fn write_i64(&mut self, i: i64) {
        self.add(i as u64)
    }
}

impl FastHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(SEED);
    }
}

/// The `BuildHasher` used by `Dict` and `Set`.
pub type FastBuild = BuildHasherDefault<FastHasher>;

/// A `HashMap` with the runtime's fast hasher (for translator-internal use).
pub type FastMap<K, V> = HashMap<K, V, FastBuild>;

/// Python's dict: insertion-ordered map.
#[derive(Clone)]
pub struct Dict<K, V> {
    entries: Vec<Option<(K, V)>>,
    index: HashMap<K, usize, FastBuild>,
}

impl<K: Hash + Eq + Clone, V> Default for Dict<K, V> {
    fn default() -> Self {
        Dict::new()
    }
}

impl<K: Hash + Eq + Clone, V> Dict<K, V> {
    /// `{}`.
    pub fn new() -> Self {
        Dict { entries: Vec::new(), index: HashMap::default() }
    }

    /// An empty dict with room for `n` entries.
    pub fn with_capacity(n: usize) -> Self {
        Dict { entries: Vec::with_capacity(n), index: HashMap::with_capacity_and_hasher(n, FastBuild::default()) }
    }

    /// `len(d)`.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// `not d`.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// `k in d`.
    pub fn contains_key<Q: ?Sized + Hash + Eq>(&self, k: &Q) -> bool
    where
        K: Borrow<Q>,
    {
        self.index.contains_key(k)
    }

    /// `d.get(k)` as an Option.
    pub fn get<Q: ?Sized + Hash + Eq>(&self, k: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        match self.index.get(k) {
            Some(&i) => self.entries[i].as_ref().map(|e| &e.1),
            None => None,
        }
    }

    /// Mutable access to the value for `k`.
    pub fn get_mut<Q: ?Sized + Hash + Eq>(&mut self, k: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        match self.index.get(k) {
            Some(&i) => self.entries[i].as_mut().map(|e| &mut e.1),
            None => None,
        }
    }

    /// `d[k] = v`: a new key goes last, an existing key keeps its place.
    /// Returns the previous value.
    pub fn insert(&mut self, k: K, v: V) -> Option<V> {
        if let Some(&i) = self.index.get(&k) {
            if let Some(e) = self.entries[i].as_mut() {
                return Some(std::mem::replace(&mut e.1, v));
            }
        }
        self.index.insert(k.clone(), self.entries.len());
        self.entries.push(Some((k, v)));
        None
    }

    /// `d.pop(k, None)`: remove and return the value if present.
    pub fn remove<Q: ?Sized + Hash + Eq>(&mut self, k: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        let i = self.index.remove(k)?;
        let e = self.entries[i].take();
        self.maybe_compact();
        e.map(|e| e.1)
    }

    fn maybe_compact(&mut self) {
        let live = self.index.len();
        if self.entries.len() > 32 && live * 2 < self.entries.len() {
            let old = std::mem::take(&mut self.entries);
            self.entries = old.into_iter().flatten().map(Some).collect();
            for (i, e) in self.entries.iter().enumerate() {
                if let Some((k, _)) = e {
                    if let Some(slot) = self.index.get_mut(k) {
                        *slot = i;
                    }
                }
            }
        }
        if live == 0 {
            self.entries.clear();
        }
    }

    /// `d.get(k, default)` for cloneable values.
    pub fn get_or<Q: ?Sized + Hash + Eq>(&self, k: &Q, default: V) -> V
    where
        K: Borrow<Q>,
        V: Clone,
    {
        self.get(k).cloned().unwrap_or(default)
    }

    /// `d.setdefault(k, default)`: the value for k, inserting default first
    /// if missing. Also the idiom for `defaultdict` access.
    pub fn setdefault(&mut self, k: K, default: V) -> &mut V {
        self.setdefault_with(k, || default)
    }

    /// `setdefault` with a lazily built default (`defaultdict(list)`).
    pub fn setdefault_with(&mut self, k: K, f: impl FnOnce() -> V) -> &mut V {
        let i = match self.index.get(&k) {
            Some(&i) => i,
            None => {
                let i = self.entries.len();
                self.index.insert(k.clone(), i);
                self.entries.push(Some((k, f())));
                i
            }
        };
        &mut self.entries[i].as_mut().expect("live entry").1
    }

    /// `d.popitem()`: remove the last inserted entry; KeyError when empty.
    pub fn popitem(&mut self) -> PyResult<(K, V)> {
        while let Some(e) = self.entries.pop() {
            if let Some((k, v)) = e {
                self.index.remove(&k);
                return Ok((k, v));
            }
        }
        Err(PyException::new("KeyError", "popitem(): dictionary is empty"))
    }

    /// `d.clear()`.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
    }

    /// Iterate `(key, value)` pairs in insertion order (`d.items()`).
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> + '_ {
        self.entries.iter().filter_map(|e| e.as_ref().map(|(k, v)| (k, v)))
    }

    /// Iterate `(key, &mut value)` pairs in insertion order.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = (&K, &mut V)> + '_ {
        self.entries.iter_mut().filter_map(|e| e.as_mut().map(|(k, v)| (&*k, v)))
    }

    /// `d.keys()` / `for k in d`.
    pub fn keys(&self) -> impl Iterator<Item = &K> + '_ {
        self.iter().map(|(k, _)| k)
    }

    /// `d.values()`.
    pub fn values(&self) -> impl Iterator<Item = &V> + '_ {
        self.iter().map(|(_, v)| v)
    }

    /// Mutable values in order.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> + '_ {
        self.iter_mut().map(|(_, v)| v)
    }

    /// `list(d)`: the keys cloned, in order.
    pub fn keys_vec(&self) -> Vec<K> {
        self.keys().cloned().collect()
    }

    /// `list(d.values())` cloned.
    pub fn values_vec(&self) -> Vec<V>
    where
        V: Clone,
    {
        self.values().cloned().collect()
    }

    /// `list(d.items())` cloned.
    pub fn items_vec(&self) -> Vec<(K, V)>
    where
        V: Clone,
    {
        self.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }

    /// `d.update(other)`.
    pub fn update<I: IntoIterator<Item = (K, V)>>(&mut self, other: I) {
        for (k, v) in other {
            self.insert(k, v);
        }
    }

    /// `d.copy()` / `dict(d)`.
    pub fn copy(&self) -> Self
    where
        V: Clone,
    {
        self.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }

    /// `dict.fromkeys(keys, value)`.
    pub fn fromkeys<I: IntoIterator<Item = K>>(keys: I, value: V) -> Self
    where
        V: Clone,
    {
        keys.into_iter().map(|k| (k, value.clone())).collect()
    }

    /// The first key (`next(iter(d))`).
    pub fn first_key(&self) -> Option<&K> {
        self.keys().next()
    }

    /// Move an existing key to the end (`OrderedDict.move_to_end(k)`), or to
    /// the front with `last == false`. Returns false if the key is missing.
    pub fn move_to_end<Q: ?Sized + Hash + Eq>(&mut self, k: &Q, last: bool) -> bool
    where
        K: Borrow<Q>,
    {
        let i = match self.index.get(k) {
            Some(&i) => i,
            None => return false,
        };
        let e = self.entries[i].take();
        if last {
            let j = self.entries.len();
            self.entries.push(e);
            if let Some(Some((key, _))) = self.entries.last() {
                let key = key.clone();
                self.index.insert(key, j);
            }
        } else {
            self.entries.insert(0, e);
            self.reindex();
        }
        self.maybe_compact();
        true
    }

    /// `OrderedDict.popitem(last=False)`: remove the first entry.
    pub fn popitem_first(&mut self) -> PyResult<(K, V)> {
        let k = match self.first_key() {
            Some(k) => k.clone(),
            None => return Err(PyException::new("KeyError", "dictionary is empty")),
        };
        let v = self.remove(&k).expect("present");
        Ok((k, v))
    }

    fn reindex(&mut self) {
        for (i, e) in self.entries.iter().enumerate() {
            if let Some((k, _)) = e {
                if let Some(slot) = self.index.get_mut(k) {
                    *slot = i;
                }
            }
        }
    }
}

impl<K: Hash + Eq + Clone + ToValue, V> Dict<K, V> {
    /// `d[k]`: KeyError (with the key's repr) when missing.
    pub fn getitem<Q: ?Sized + Hash + Eq + ToValue>(&self, k: &Q) -> PyResult<&V>
    where
        K: Borrow<Q>,
    {
        self.get(k).ok_or_else(|| PyException::key_error(k))
    }

    /// `d[k]` for mutation (`d[k] += 1` on an existing key).
    pub fn getitem_mut<Q: ?Sized + Hash + Eq + ToValue>(&mut self, k: &Q) -> PyResult<&mut V>
    where
        K: Borrow<Q>,
    {
        match self.index.get(k) {
            Some(&i) => Ok(&mut self.entries[i].as_mut().expect("live entry").1),
            None => Err(PyException::key_error(k)),
        }
    }

    /// `d.pop(k)`: KeyError when missing.
    pub fn pop<Q: ?Sized + Hash + Eq + ToValue>(&mut self, k: &Q) -> PyResult<V>
    where
        K: Borrow<Q>,
    {
        self.remove(k).ok_or_else(|| PyException::key_error(k))
    }

    /// `del d[k]`: KeyError when missing.
    pub fn delitem<Q: ?Sized + Hash + Eq + ToValue>(&mut self, k: &Q) -> PyResult<()>
    where
        K: Borrow<Q>,
    {
        self.pop(k).map(|_| ())
    }
}

impl<K: Hash + Eq + Clone, V: PartialEq> PartialEq for Dict<K, V> {
    /// Dict equality ignores order, like Python.
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.iter().all(|(k, v)| other.get(k) == Some(v))
    }
}

impl<K: Hash + Eq + Clone + std::fmt::Debug, V: std::fmt::Debug> std::fmt::Debug for Dict<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<K: Hash + Eq + Clone, V> FromIterator<(K, V)> for Dict<K, V> {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        let mut d = Dict::new();
        for (k, v) in iter {
            d.insert(k, v);
        }
        d
    }
}

impl<K: Hash + Eq + Clone, V> Extend<(K, V)> for Dict<K, V> {
    fn extend<I: IntoIterator<Item = (K, V)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

impl<K: Hash + Eq + Clone, V> IntoIterator for Dict<K, V> {
    type Item = (K, V);
    type IntoIter = std::iter::Flatten<std::vec::IntoIter<Option<(K, V)>>>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter().flatten()
    }
}

// ---------------------------------------------------------------------------

/// Python's set / frozenset, iterating in insertion order.
#[derive(Clone)]
pub struct Set<T> {
    map: Dict<T, ()>,
}

impl<T: Hash + Eq + Clone> Default for Set<T> {
    fn default() -> Self {
        Set::new()
    }
}

impl<T: Hash + Eq + Clone> Set<T> {
    /// `set()`.
    pub fn new() -> Self {
        Set { map: Dict::new() }
    }
    /// `len(s)`.
    pub fn len(&self) -> usize {
        self.map.len()
    }
    /// `not s`.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
    /// `x in s`.
    pub fn contains<Q: ?Sized + Hash + Eq>(&self, x: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.map.contains_key(x)
    }
    /// `s.add(x)`; returns true when x was new.
    pub fn add(&mut self, x: T) -> bool {
        if self.map.contains_key(&x) {
            false
        } else {
            self.map.insert(x, ());
            true
        }
    }
    /// `s.discard(x)`; returns true when x was present.
    pub fn discard<Q: ?Sized + Hash + Eq>(&mut self, x: &Q) -> bool
    where
        T: Borrow<Q>,
    {
        self.map.remove(x).is_some()
    }
    /// `s.pop()`: KeyError "pop from an empty set" when empty.
    pub fn pop(&mut self) -> PyResult<T> {
        match self.map.popitem_first() {
            Ok((k, _)) => Ok(k),
            Err(_) => Err(PyException::new("KeyError", "pop from an empty set")),
        }
    }
    /// `s.clear()`.
    pub fn clear(&mut self) {
        self.map.clear()
    }
    /// Iterate the elements (insertion order).
    pub fn iter(&self) -> impl Iterator<Item = &T> + '_ {
        self.map.keys()
    }
    /// Elements cloned into a Vec.
    pub fn to_vec(&self) -> Vec<T> {
        self.map.keys_vec()
    }
    /// `s | t`.
    pub fn union(&self, other: &Set<T>) -> Set<T> {
        let mut r = self.clone();
        for x in other.iter() {
            r.add(x.clone());
        }
        r
    }
    /// `s & t`.
    pub fn intersection(&self, other: &Set<T>) -> Set<T> {
        self.iter().filter(|x| other.contains(*x)).cloned().collect()
    }
    /// `s - t`.
    pub fn difference(&self, other: &Set<T>) -> Set<T> {
        self.iter().filter(|x| !other.contains(*x)).cloned().collect()
    }
    /// `s ^ t`.
    pub fn symmetric_difference(&self, other: &Set<T>) -> Set<T> {
        let mut r = self.difference(other);
        for x in other.iter() {
            if !self.contains(x) {
                r.add(x.clone());
            }
        }
        r
    }
    /// `s |= iterable` / `s.update(...)`.
    pub fn update<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for x in items {
            self.add(x);
        }
    }
    /// `s &= t`.
    pub fn intersection_update(&mut self, other: &Set<T>) {
        *self = self.intersection(other);
    }
    /// `s -= t`.
    pub fn difference_update(&mut self, other: &Set<T>) {
        for x in other.iter() {
            self.discard(x);
        }
    }
    /// `s ^= t`.
    pub fn symmetric_difference_update(&mut self, other: &Set<T>) {
        *self = self.symmetric_difference(other);
    }
    /// `s <= t`.
    pub fn is_subset(&self, other: &Set<T>) -> bool {
        self.len() <= other.len() && self.iter().all(|x| other.contains(x))
    }
    /// `s >= t`.
    pub fn is_superset(&self, other: &Set<T>) -> bool {
        other.is_subset(self)
    }
    /// `s < t`.
    pub fn is_proper_subset(&self, other: &Set<T>) -> bool {
        self.len() < other.len() && self.is_subset(other)
    }
    /// `s > t`.
    pub fn is_proper_superset(&self, other: &Set<T>) -> bool {
        other.is_proper_subset(self)
    }
    /// `s.isdisjoint(t)`.
    pub fn is_disjoint(&self, other: &Set<T>) -> bool {
        self.iter().all(|x| !other.contains(x))
    }
}

impl<T: Hash + Eq + Clone + ToValue> Set<T> {
    /// `s.remove(x)`: KeyError (repr of x) when missing.
    pub fn remove<Q: ?Sized + Hash + Eq + ToValue>(&mut self, x: &Q) -> PyResult<()>
    where
        T: Borrow<Q>,
    {
        if self.discard(x) {
            Ok(())
        } else {
            Err(PyException::key_error(x))
        }
    }
}

impl<T: Hash + Eq + Clone> PartialEq for Set<T> {
    fn eq(&self, other: &Self) -> bool {
        self.len() == other.len() && self.is_subset(other)
    }
}
impl<T: Hash + Eq + Clone> Eq for Set<T> {}

impl<T: Hash + Eq + Clone> Hash for Set<T> {
    /// Order-independent hash, so sets can be dict keys (frozenset).
    fn hash<H: Hasher>(&self, state: &mut H) {
        let mut acc = 0u64;
        for x in self.iter() {
            let mut h = FastHasher::default();
            x.hash(&mut h);
            acc = acc.wrapping_add(h.finish() ^ 0x9e37_79b9_7f4a_7c15);
        }
        state.write_u64(acc);
        state.write_usize(self.len());
    }
}

impl<T: Hash + Eq + Clone + std::fmt::Debug> std::fmt::Debug for Set<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

impl<T: Hash + Eq + Clone> FromIterator<T> for Set<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut s = Set::new();
        for x in iter {
            s.add(x);
        }
        s
    }
}

impl<T: Hash + Eq + Clone> Extend<T> for Set<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        for x in iter {
            self.add(x);
        }
    }
}

impl<T: Hash + Eq + Clone> IntoIterator for Set<T> {
    type Item = T;
    type IntoIter = std::iter::Map<std::iter::Flatten<std::vec::IntoIter<Option<(T, ())>>>, fn((T, ())) -> T>;
    fn into_iter(self) -> Self::IntoIter {
        fn first<T>(p: (T, ())) -> T {
            p.0
        }
        self.map.into_iter().map(first as fn((T, ())) -> T)
    }
}

impl<K: Hash + Eq + Clone, V: Eq> Eq for Dict<K, V> {}
