//! Python list (and tuple) semantics over `Vec<T>`/slices: negative
//! indices, slicing with steps, slice assignment and deletion, the list
//! methods that raise, and `PyOrd`, the total order used by `sort`,
//! `sorted`, `min`, `max`, `heapq` and `bisect`.

use crate::exc::{PyException, PyResult};
use crate::int::Int;
use crate::repr::PyRepr;
use crate::slice::{check_index, norm_index, slice_indices};
use std::cmp::Ordering;

/// Python's ordering (`<`) as a total order for sorting: numbers by value
/// (NaN compares equal to everything, keeping sorts stable), strings by
/// code point, tuples and lists lexicographically.
pub trait PyOrd {
    /// Compare like Python's `<`/`==`.
    fn py_cmp(&self, other: &Self) -> Ordering;
}

macro_rules! ord_by_cmp {
    ($($t:ty),*) => {$(
        impl PyOrd for $t {
            fn py_cmp(&self, other: &Self) -> Ordering { self.cmp(other) }
        }
    )*};
}
ord_by_cmp!(i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, bool, char, String, str, Int, ());

impl PyOrd for f64 {
    fn py_cmp(&self, other: &f64) -> Ordering {
        self.partial_cmp(other).unwrap_or(Ordering::Equal)
    }
}
impl PyOrd for f32 {
    fn py_cmp(&self, other: &f32) -> Ordering {
        self.partial_cmp(other).unwrap_or(Ordering::Equal)
    }
}
impl<'a, T: PyOrd + ?Sized> PyOrd for &'a T {
    fn py_cmp(&self, other: &Self) -> Ordering {
        (**self).py_cmp(*other)
    }
}
impl<T: PyOrd + ?Sized> PyOrd for Box<T> {
    fn py_cmp(&self, other: &Self) -> Ordering {
        (**self).py_cmp(other)
    }
}
impl<T: PyOrd + ?Sized> PyOrd for std::rc::Rc<T> {
    fn py_cmp(&self, other: &Self) -> Ordering {
        (**self).py_cmp(other)
    }
}
impl<T: PyOrd> PyOrd for [T] {
    fn py_cmp(&self, other: &Self) -> Ordering {
        for (a, b) in self.iter().zip(other.iter()) {
            let c = a.py_cmp(b);
            if c != Ordering::Equal {
                return c;
            }
        }
        self.len().cmp(&other.len())
    }
}
impl<T: PyOrd> PyOrd for Vec<T> {
    fn py_cmp(&self, other: &Self) -> Ordering {
        self[..].py_cmp(&other[..])
    }
}
impl<T: PyOrd> PyOrd for Option<T> {
    /// None sorts first (Python would raise; this keeps Optional keys usable).
    fn py_cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (None, None) => Ordering::Equal,
            (None, Some(_)) => Ordering::Less,
            (Some(_), None) => Ordering::Greater,
            (Some(a), Some(b)) => a.py_cmp(b),
        }
    }
}
impl<T: PyOrd> PyOrd for std::cmp::Reverse<T> {
    fn py_cmp(&self, other: &Self) -> Ordering {
        other.0.py_cmp(&self.0)
    }
}

macro_rules! tuple_ord {
    ($($name:ident $idx:tt),+) => {
        impl<$($name: PyOrd),+> PyOrd for ($($name,)+) {
            fn py_cmp(&self, other: &Self) -> Ordering {
                $(
                    let c = self.$idx.py_cmp(&other.$idx);
                    if c != Ordering::Equal { return c; }
                )+
                Ordering::Equal
            }
        }
    };
}
tuple_ord!(A 0);
tuple_ord!(A 0, B 1);
tuple_ord!(A 0, B 1, C 2);
tuple_ord!(A 0, B 1, C 2, D 3);
tuple_ord!(A 0, B 1, C 2, D 3, E 4);
tuple_ord!(A 0, B 1, C 2, D 3, E 4, F 5);
tuple_ord!(A 0, B 1, C 2, D 3, E 4, F 5, G 6);
tuple_ord!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);

/// Python's `a < b` through `PyOrd`.
pub fn py_lt<T: PyOrd + ?Sized>(a: &T, b: &T) -> bool {
    a.py_cmp(b) == Ordering::Less
}

// ---------------------------------------------------------------------------
// indexing

/// `v[i]` (borrowed); IndexError "list index out of range".
pub fn list_get<T>(v: &[T], i: i64) -> PyResult<&T> {
    let j = check_index(i, v.len(), "list index out of range")?;
    Ok(&v[j])
}

/// `v[i]` (cloned).
pub fn list_get_cloned<T: Clone>(v: &[T], i: i64) -> PyResult<T> {
    list_get(v, i).map(|x| x.clone())
}

/// `&mut v[i]` with Python indexing.
pub fn list_get_mut<T>(v: &mut [T], i: i64) -> PyResult<&mut T> {
    let j = check_index(i, v.len(), "list index out of range")?;
    Ok(&mut v[j])
}

/// `t[i]` for a tuple stored as a slice; IndexError "tuple index out of range".
pub fn tuple_get<T: Clone>(v: &[T], i: i64) -> PyResult<T> {
    let j = check_index(i, v.len(), "tuple index out of range")?;
    Ok(v[j].clone())
}

/// `v[i] = x`; IndexError "list assignment index out of range".
pub fn list_set<T>(v: &mut [T], i: i64, x: T) -> PyResult<()> {
    let j = check_index(i, v.len(), "list assignment index out of range")?;
    v[j] = x;
    Ok(())
}

/// `del v[i]`.
pub fn list_del<T>(v: &mut Vec<T>, i: i64) -> PyResult<()> {
    let j = check_index(i, v.len(), "list assignment index out of range")?;
    v.remove(j);
    Ok(())
}

/// `v[start:stop:step]` (None for omitted bounds).
pub fn list_slice<T: Clone>(v: &[T], start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> PyResult<Vec<T>> {
    let idx = slice_indices(v.len(), start, stop, step)?;
    if idx.step == 1 {
        let a = idx.start as usize;
        return Ok(v[a..a + idx.count].to_vec());
    }
    Ok(idx.positions().map(|p| v[p].clone()).collect())
}

/// `v[start:stop:step] = values`. A step-1 slice may change the length;
/// an extended slice needs exactly as many values (ValueError otherwise).
pub fn list_set_slice<T>(
    v: &mut Vec<T>,
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
    values: Vec<T>,
) -> PyResult<()> {
    let idx = slice_indices(v.len(), start, stop, step)?;
    if idx.step == 1 {
        let a = idx.start as usize;
        v.splice(a..a + idx.count, values);
        return Ok(());
    }
    if values.len() != idx.count {
        return Err(PyException::new(
            "ValueError",
            format!("attempt to assign sequence of size {} to extended slice of size {}", values.len(), idx.count),
        ));
    }
    for (p, x) in idx.positions().zip(values) {
        v[p] = x;
    }
    Ok(())
}

/// `del v[start:stop:step]`.
pub fn list_del_slice<T>(v: &mut Vec<T>, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> PyResult<()> {
    let idx = slice_indices(v.len(), start, stop, step)?;
    if idx.step == 1 {
        let a = idx.start as usize;
        v.drain(a..a + idx.count);
        return Ok(());
    }
    let mut kill = vec![false; v.len()];
    for p in idx.positions() {
        kill[p] = true;
    }
    let mut k = 0;
    v.retain(|_| {
        k += 1;
        !kill[k - 1]
    });
    Ok(())
}

/// `v.pop()` / `v.pop(i)`.
pub fn list_pop<T>(v: &mut Vec<T>, i: Option<i64>) -> PyResult<T> {
    if v.is_empty() {
        return Err(PyException::new("IndexError", "pop from empty list"));
    }
    match i {
        None => Ok(v.pop().expect("non-empty")),
        Some(i) => {
            let j = check_index(i, v.len(), "pop index out of range")?;
            Ok(v.remove(j))
        }
    }
}

/// `v.insert(i, x)` (index clamped like Python).
pub fn list_insert<T>(v: &mut Vec<T>, i: i64, x: T) {
    let n = v.len() as i64;
    let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
    v.insert(j as usize, x);
}

/// `v.remove(x)`: ValueError "list.remove(x): x not in list".
pub fn list_remove<T: PartialEq>(v: &mut Vec<T>, x: &T) -> PyResult<()> {
    match v.iter().position(|y| y == x) {
        Some(j) => {
            v.remove(j);
            Ok(())
        }
        None => Err(PyException::new("ValueError", "list.remove(x): x not in list")),
    }
}

/// `v.index(x)`: ValueError "<repr> is not in list".
pub fn list_index<T: PartialEq + PyRepr>(v: &[T], x: &T) -> PyResult<i64> {
    match v.iter().position(|y| y == x) {
        Some(j) => Ok(j as i64),
        None => Err(PyException::new("ValueError", format!("{} is not in list", x.py_repr()))),
    }
}

/// `v.index(x, start, stop)`.
pub fn list_index_range<T: PartialEq + PyRepr>(v: &[T], x: &T, start: Option<i64>, stop: Option<i64>) -> PyResult<i64> {
    let n = v.len() as i64;
    let fix = |b: Option<i64>, d: i64| match b {
        None => d,
        Some(i) if i < 0 => (i + n).max(0),
        Some(i) => i.min(n),
    };
    let (a, b) = (fix(start, 0), fix(stop, n));
    if a < b {
        if let Some(j) = v[a as usize..b as usize].iter().position(|y| y == x) {
            return Ok(a + j as i64);
        }
    }
    Err(PyException::new("ValueError", format!("{} is not in list", x.py_repr())))
}

/// `t.index(x)` for tuples: ValueError "tuple.index(x): x not in tuple".
pub fn tuple_index<T: PartialEq>(v: &[T], x: &T) -> PyResult<i64> {
    match v.iter().position(|y| y == x) {
        Some(j) => Ok(j as i64),
        None => Err(PyException::new("ValueError", "tuple.index(x): x not in tuple")),
    }
}

/// `v.count(x)`.
pub fn list_count<T: PartialEq>(v: &[T], x: &T) -> i64 {
    v.iter().filter(|y| *y == x).count() as i64
}

/// `v * n` (empty for n <= 0).
pub fn list_repeat<T: Clone>(v: &[T], n: i64) -> Vec<T> {
    let mut out = Vec::with_capacity(v.len() * n.max(0) as usize);
    for _ in 0..n.max(0) {
        out.extend_from_slice(v);
    }
    out
}

/// `a + b` for lists.
pub fn list_concat<T: Clone>(a: &[T], b: &[T]) -> Vec<T> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    out.extend_from_slice(a);
    out.extend_from_slice(b);
    out
}

// ---------------------------------------------------------------------------
// sorting (stable, like Python's)

/// `v.sort()` / `v.sort(reverse=True)`.
pub fn list_sort<T: PyOrd>(v: &mut [T], reverse: bool) {
    if reverse {
        v.sort_by(|a, b| b.py_cmp(a));
    } else {
        v.sort_by(|a, b| a.py_cmp(b));
    }
}

/// `v.sort(key=f, reverse=r)`: the key is computed once per element.
pub fn list_sort_by_key<T, K: PyOrd>(v: &mut Vec<T>, key: impl FnMut(&T) -> K, reverse: bool) {
    let mut key = key;
    let mut keyed: Vec<(K, T)> = v.drain(..).map(|x| (key(&x), x)).collect();
    if reverse {
        keyed.sort_by(|a, b| b.0.py_cmp(&a.0));
    } else {
        keyed.sort_by(|a, b| a.0.py_cmp(&b.0));
    }
    v.extend(keyed.into_iter().map(|p| p.1));
}

/// `v.sort(key=f)` where the key function can raise.
pub fn list_sort_by_key_checked<T, K: PyOrd>(
    v: &mut Vec<T>,
    mut key: impl FnMut(&T) -> PyResult<K>,
    reverse: bool,
) -> PyResult<()> {
    let mut keys = Vec::with_capacity(v.len());
    for x in v.iter() {
        keys.push(key(x)?);
    }
    let mut keyed: Vec<(K, T)> = keys.into_iter().zip(v.drain(..)).collect();
    if reverse {
        keyed.sort_by(|a, b| b.0.py_cmp(&a.0));
    } else {
        keyed.sort_by(|a, b| a.0.py_cmp(&b.0));
    }
    v.extend(keyed.into_iter().map(|p| p.1));
    Ok(())
}

/// `sorted(iterable, reverse=r)`.
pub fn sorted<T: PyOrd, I: IntoIterator<Item = T>>(items: I, reverse: bool) -> Vec<T> {
    let mut v: Vec<T> = items.into_iter().collect();
    list_sort(&mut v, reverse);
    v
}

/// `sorted(iterable, key=f, reverse=r)`.
pub fn sorted_by_key<T, K: PyOrd, I: IntoIterator<Item = T>>(
    items: I,
    key: impl FnMut(&T) -> K,
    reverse: bool,
) -> Vec<T> {
    let mut v: Vec<T> = items.into_iter().collect();
    list_sort_by_key(&mut v, key, reverse);
    v
}

/// Sort with a comparison function (`functools.cmp_to_key`), stable.
pub fn sorted_by_cmp<T, I: IntoIterator<Item = T>>(
    items: I,
    mut cmp: impl FnMut(&T, &T) -> i64,
    reverse: bool,
) -> Vec<T> {
    let mut v: Vec<T> = items.into_iter().collect();
    if reverse {
        v.sort_by(|a, b| 0.cmp(&cmp(a, b)));
    } else {
        v.sort_by(|a, b| cmp(a, b).cmp(&0));
    }
    v
}

/// Resolve `v[i]` to a usize position or None (no error), for `in range` checks.
pub fn list_pos(v_len: usize, i: i64) -> Option<usize> {
    norm_index(i, v_len)
}

/// `[list(t) for t in zip(*rows)]`: columns of a list of rows, truncated to
/// the shortest row like `zip`.
pub fn transpose<T: Clone>(rows: &[Vec<T>]) -> Vec<Vec<T>> {
    let n = rows.iter().map(|r| r.len()).min().unwrap_or(0);
    (0..n).map(|j| rows.iter().map(|r| r[j].clone()).collect()).collect()
}

/// `a, b, c = xs` for a list: ValueError unless it holds exactly `n` items.
pub fn check_unpack(len: usize, n: usize) -> PyResult<()> {
    if len < n {
        return Err(PyException::value_error(format!("not enough values to unpack (expected {}, got {})", n, len)));
    }
    if len > n {
        return Err(PyException::value_error(format!("too many values to unpack (expected {})", n)));
    }
    Ok(())
}
