//! Small pieces of the Python standard library that translated programs
//! call: `math`, `heapq`, `bisect`, `collections`, `itertools`, `functools`.
//! Each submodule mirrors the Python module's names.

/// `math`: constants and the functions whose Python behaviour differs from
/// (or is missing in) `f64`'s methods. Plain ones map directly:
/// `math.sqrt(x)` -> `math::sqrt(x)?` (ValueError for x < 0),
/// `math.floor(x)` -> `math::floor(x)?` (an int).
pub mod math {
    use crate::exc::{PyException, PyResult};
    use crate::int::Int;

    /// `math.pi`.
    pub const PI: f64 = std::f64::consts::PI;
    /// `math.e`.
    pub const E: f64 = std::f64::consts::E;
    /// `math.tau`.
    pub const TAU: f64 = 2.0 * std::f64::consts::PI;
    /// `math.inf`.
    pub const INF: f64 = f64::INFINITY;
    /// `math.nan`.
    pub const NAN: f64 = f64::NAN;

    fn domain() -> PyException {
        PyException::new("ValueError", "math domain error")
    }

    /// `math.sqrt(x)`: ValueError "math domain error" for x < 0.
    pub fn sqrt(x: f64) -> PyResult<f64> {
        if x < 0.0 {
            return Err(domain());
        }
        Ok(x.sqrt())
    }
    /// `math.log(x)` (natural); ValueError for x <= 0.
    pub fn log(x: f64) -> PyResult<f64> {
        if x <= 0.0 {
            return Err(domain());
        }
        Ok(x.ln())
    }
    /// `math.log(x, base)`.
    pub fn log_base(x: f64, base: f64) -> PyResult<f64> {
        let d = log(base)?;
        if d == 0.0 {
            return Err(PyException::new("ZeroDivisionError", "float division by zero"));
        }
        Ok(log(x)? / d)
    }
    /// `math.log2(x)`.
    pub fn log2(x: f64) -> PyResult<f64> {
        if x <= 0.0 {
            return Err(domain());
        }
        Ok(x.log2())
    }
    /// `math.log10(x)`.
    pub fn log10(x: f64) -> PyResult<f64> {
        if x <= 0.0 {
            return Err(domain());
        }
        Ok(x.log10())
    }
    /// `math.exp(x)`; OverflowError "math range error" when it overflows.
    pub fn exp(x: f64) -> PyResult<f64> {
        let r = x.exp();
        if r.is_infinite() && x.is_finite() {
            return Err(PyException::new("OverflowError", "math range error"));
        }
        Ok(r)
    }
    /// `math.floor(x)` as i64 (ValueError/OverflowError for nan/inf).
    pub fn floor(x: f64) -> PyResult<i64> {
        crate::float::float_to_i64(x.floor())
    }
    /// `math.ceil(x)` as i64.
    pub fn ceil(x: f64) -> PyResult<i64> {
        crate::float::float_to_i64(x.ceil())
    }
    /// `math.trunc(x)` as i64.
    pub fn trunc(x: f64) -> PyResult<i64> {
        crate::float::float_to_i64(x)
    }
    /// `math.floor(x)` as Int (any magnitude).
    pub fn floor_big(x: f64) -> PyResult<Int> {
        Int::from_f64(x.floor())
    }
    /// `math.ceil(x)` as Int.
    pub fn ceil_big(x: f64) -> PyResult<Int> {
        Int::from_f64(x.ceil())
    }
    /// `math.gcd(a, b)` (non-negative).
    pub fn gcd(a: i64, b: i64) -> i64 {
        let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
        while b != 0 {
            let t = a % b;
            a = b;
            b = t;
        }
        a as i64
    }
    /// `math.lcm(a, b)`.
    pub fn lcm(a: i64, b: i64) -> PyResult<i64> {
        if a == 0 || b == 0 {
            return Ok(0);
        }
        crate::int::mul_i64((a / gcd(a, b)).abs(), b.abs())
    }
    /// `math.isqrt(n)`; ValueError for n < 0.
    pub fn isqrt(n: i64) -> PyResult<i64> {
        Ok(Int::from_i64(n).isqrt()?.to_i64().unwrap_or(0))
    }
    /// `math.factorial(n)` (arbitrary precision); ValueError for n < 0.
    pub fn factorial(n: i64) -> PyResult<Int> {
        if n < 0 {
            return Err(PyException::new("ValueError", "factorial() not defined for negative values"));
        }
        let mut r = Int::one();
        for k in 2..=n {
            r *= k;
        }
        Ok(r)
    }
    /// `math.comb(n, k)`.
    pub fn comb(n: i64, k: i64) -> PyResult<Int> {
        if n < 0 || k < 0 {
            return Err(PyException::new("ValueError", "n must be a non-negative integer"));
        }
        if k > n {
            return Ok(Int::zero());
        }
        let k = k.min(n - k);
        let mut r = Int::one();
        for i in 0..k {
            r = (r * (n - i)).floor_div(&Int::from_i64(i + 1))?;
        }
        Ok(r)
    }
    /// `math.perm(n, k)`.
    pub fn perm(n: i64, k: i64) -> PyResult<Int> {
        if n < 0 || k < 0 {
            return Err(PyException::new("ValueError", "n must be a non-negative integer"));
        }
        if k > n {
            return Ok(Int::zero());
        }
        let mut r = Int::one();
        for i in 0..k {
            r *= n - i;
        }
        Ok(r)
    }
    /// `math.isclose(a, b)` with default tolerances (rel 1e-09, abs 0.0).
    pub fn isclose(a: f64, b: f64) -> bool {
        isclose_tol(a, b, 1e-9, 0.0)
    }
    /// `math.isclose(a, b, rel_tol=r, abs_tol=t)`.
    pub fn isclose_tol(a: f64, b: f64, rel_tol: f64, abs_tol: f64) -> bool {
        if a == b {
            return true;
        }
        if a.is_infinite() || b.is_infinite() {
            return false;
        }
        let d = (a - b).abs();
        d <= (rel_tol * b.abs()).max(rel_tol * a.abs()) || d <= abs_tol
    }
    /// `math.hypot(x, y)`.
    pub fn hypot(x: f64, y: f64) -> f64 {
        x.hypot(y)
    }
    /// `math.pow(x, y)` (always float; errors like Python's math.pow).
    pub fn pow(x: f64, y: f64) -> PyResult<f64> {
        if x == 0.0 && y < 0.0 {
            return Err(domain());
        }
        if x < 0.0 && y.is_finite() && y.fract() != 0.0 {
            return Err(domain());
        }
        let r = x.powf(y);
        if r.is_infinite() && x.is_finite() && y.is_finite() {
            return Err(PyException::new("OverflowError", "math range error"));
        }
        Ok(r)
    }
    /// `math.fsum(xs)`: exactly rounded sum (Shewchuk's partials).
    pub fn fsum<I: IntoIterator<Item = f64>>(xs: I) -> f64 {
        let mut partials: Vec<f64> = Vec::new();
        for mut x in xs {
            let mut i = 0;
            for j in 0..partials.len() {
                let mut y = partials[j];
                if x.abs() < y.abs() {
                    std::mem::swap(&mut x, &mut y);
                }
                let hi = x + y;
                let lo = y - (hi - x);
                if lo != 0.0 {
                    partials[i] = lo;
                    i += 1;
                }
                x = hi;
            }
            partials.truncate(i);
            partials.push(x);
        }
        // Sum the partials from the top, correcting the final rounding.
        let mut hi = 0.0;
        if let Some(mut n) = partials.len().checked_sub(0) {
            if n > 0 {
                n -= 1;
                hi = partials[n];
                let mut lo = 0.0;
                while n > 0 {
                    let x = hi;
                    n -= 1;
                    let y = partials[n];
                    hi = x + y;
                    let yr = hi - x;
                    lo = y - yr;
                    if lo != 0.0 {
                        break;
                    }
                }
                if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
                    let y = lo * 2.0;
                    let x = hi + y;
                    let yr = x - hi;
                    if y == yr {
                        hi = x;
                    }
                }
            }
        }
        hi
    }
    /// `math.prod(ints)` (arbitrary precision).
    pub fn prod_int<I: IntoIterator<Item = Int>>(xs: I) -> Int {
        xs.into_iter().product()
    }
    /// `math.degrees(x)`.
    pub fn degrees(x: f64) -> f64 {
        x * (180.0 / PI)
    }
    /// `math.radians(x)`.
    pub fn radians(x: f64) -> f64 {
        x * (PI / 180.0)
    }
    /// `math.copysign(x, y)`.
    pub fn copysign(x: f64, y: f64) -> f64 {
        x.copysign(y)
    }
    /// `math.fabs(x)`.
    pub fn fabs(x: f64) -> f64 {
        x.abs()
    }
    /// `math.isnan(x)`.
    pub fn isnan(x: f64) -> bool {
        x.is_nan()
    }
    /// `math.isinf(x)`.
    pub fn isinf(x: f64) -> bool {
        x.is_infinite()
    }
    /// `math.isfinite(x)`.
    pub fn isfinite(x: f64) -> bool {
        x.is_finite()
    }
    /// `math.fmod(x, y)` (C fmod: sign of x); ValueError for y == 0.
    pub fn fmod(x: f64, y: f64) -> PyResult<f64> {
        if y == 0.0 {
            return Err(domain());
        }
        Ok(x % y)
    }
    /// `math.modf(x)` -> (fractional, integral).
    pub fn modf(x: f64) -> (f64, f64) {
        (x.fract(), x.trunc())
    }
}

/// `heapq` on `Vec<T>` with Python's (min-heap, `PyOrd`) order, giving the
/// same element order as CPython's implementation step for step.
pub mod heapq {
    use crate::exc::{PyException, PyResult};
    use crate::list::PyOrd;
    use std::cmp::Ordering;

    fn lt<T: PyOrd>(a: &T, b: &T) -> bool {
        a.py_cmp(b) == Ordering::Less
    }

    // Same sift strategy as CPython's heapq (bottom-up for pop), so that
    // ties end up in the same positions and printed heaps match.
    fn siftdown<T: PyOrd>(heap: &mut [T], startpos: usize, mut pos: usize) {
        while pos > startpos {
            let parent = (pos - 1) >> 1;
            if lt(&heap[pos], &heap[parent]) {
                heap.swap(pos, parent);
                pos = parent;
            } else {
                break;
            }
        }
    }

    fn siftup<T: PyOrd>(heap: &mut [T], mut pos: usize) {
        let endpos = heap.len();
        let startpos = pos;
        let mut child = 2 * pos + 1;
        while child < endpos {
            let right = child + 1;
            if right < endpos && !lt(&heap[child], &heap[right]) {
                child = right;
            }
            heap.swap(pos, child);
            pos = child;
            child = 2 * pos + 1;
        }
        siftdown(heap, startpos, pos);
    }

    fn empty() -> PyException {
        PyException::new("IndexError", "index out of range")
    }

    /// `heapq.heappush(heap, x)`.
    pub fn heappush<T: PyOrd>(heap: &mut Vec<T>, x: T) {
        heap.push(x);
        let n = heap.len() - 1;
        siftdown(heap, 0, n);
    }
    /// `heapq.heappop(heap)`; IndexError when empty.
    pub fn heappop<T: PyOrd>(heap: &mut Vec<T>) -> PyResult<T> {
        let last = heap.pop().ok_or_else(empty)?;
        if heap.is_empty() {
            return Ok(last);
        }
        let top = std::mem::replace(&mut heap[0], last);
        siftup(heap, 0);
        Ok(top)
    }
    /// `heapq.heapify(v)`.
    pub fn heapify<T: PyOrd>(heap: &mut [T]) {
        let n = heap.len();
        for i in (0..n / 2).rev() {
            siftup(heap, i);
        }
    }
    /// `heapq.heapreplace(heap, x)`: pop then push; IndexError when empty.
    pub fn heapreplace<T: PyOrd>(heap: &mut [T], x: T) -> PyResult<T> {
        if heap.is_empty() {
            return Err(empty());
        }
        let top = std::mem::replace(&mut heap[0], x);
        siftup(heap, 0);
        Ok(top)
    }
    /// `heapq.heappushpop(heap, x)`: push then pop, efficiently.
    pub fn heappushpop<T: PyOrd>(heap: &mut [T], x: T) -> T {
        if !heap.is_empty() && lt(&heap[0], &x) {
            let top = std::mem::replace(&mut heap[0], x);
            siftup(heap, 0);
            return top;
        }
        x
    }
    /// `heapq.nsmallest(n, items)` (stable for ties, like Python).
    pub fn nsmallest<T: PyOrd + Clone>(n: i64, items: &[T]) -> Vec<T> {
        let mut v = items.to_vec();
        crate::list::list_sort(&mut v, false);
        v.truncate(n.max(0) as usize);
        v
    }
    /// `heapq.nlargest(n, items)`.
    pub fn nlargest<T: PyOrd + Clone>(n: i64, items: &[T]) -> Vec<T> {
        let mut v = items.to_vec();
        crate::list::list_sort(&mut v, true);
        v.truncate(n.max(0) as usize);
        v
    }
    /// `heapq.nsmallest(n, items, key=f)`.
    pub fn nsmallest_by_key<T: Clone, K: PyOrd>(n: i64, items: &[T], key: impl FnMut(&T) -> K) -> Vec<T> {
        let mut v = crate::list::sorted_by_key(items.iter().cloned(), key, false);
        v.truncate(n.max(0) as usize);
        v
    }
    /// `heapq.nlargest(n, items, key=f)`.
    pub fn nlargest_by_key<T: Clone, K: PyOrd>(n: i64, items: &[T], key: impl FnMut(&T) -> K) -> Vec<T> {
        let mut v = crate::list::sorted_by_key(items.iter().cloned(), key, true);
        v.truncate(n.max(0) as usize);
        v
    }
    /// `heapq.merge(*sorted_lists)` collected (stable across inputs).
    pub fn merge<T: PyOrd + Clone>(lists: &[Vec<T>]) -> Vec<T> {
        let mut all: Vec<T> = lists.iter().flat_map(|l| l.iter().cloned()).collect();
        crate::list::list_sort(&mut all, false);
        all
    }
}

/// `bisect` on sorted slices with `PyOrd` order.
pub mod bisect {
    use crate::list::PyOrd;
    use std::cmp::Ordering;

    /// `bisect.bisect_left(a, x)`.
    pub fn bisect_left<T: PyOrd>(a: &[T], x: &T) -> i64 {
        let (mut lo, mut hi) = (0usize, a.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if a[mid].py_cmp(x) == Ordering::Less {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo as i64
    }
    /// `bisect.bisect_right(a, x)` (also `bisect.bisect`).
    pub fn bisect_right<T: PyOrd>(a: &[T], x: &T) -> i64 {
        let (mut lo, mut hi) = (0usize, a.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if x.py_cmp(&a[mid]) == Ordering::Less {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        lo as i64
    }
    /// `bisect.bisect(a, x)` == `bisect_right`.
    pub fn bisect<T: PyOrd>(a: &[T], x: &T) -> i64 {
        bisect_right(a, x)
    }
    /// `bisect.bisect_left(a, x, key=f)` (x is already a key, as in Python).
    pub fn bisect_left_by_key<T, K: PyOrd>(a: &[T], x: &K, mut key: impl FnMut(&T) -> K) -> i64 {
        let (mut lo, mut hi) = (0usize, a.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if key(&a[mid]).py_cmp(x) == Ordering::Less {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo as i64
    }
    /// `bisect.bisect_right(a, x, key=f)`.
    pub fn bisect_right_by_key<T, K: PyOrd>(a: &[T], x: &K, mut key: impl FnMut(&T) -> K) -> i64 {
        let (mut lo, mut hi) = (0usize, a.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if x.py_cmp(&key(&a[mid])) == Ordering::Less {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        lo as i64
    }
    /// `bisect.insort_left(a, x)`.
    pub fn insort_left<T: PyOrd>(a: &mut Vec<T>, x: T) {
        let i = bisect_left(a, &x) as usize;
        a.insert(i, x);
    }
    /// `bisect.insort(a, x)` / `insort_right`.
    pub fn insort<T: PyOrd>(a: &mut Vec<T>, x: T) {
        let i = bisect_right(a, &x) as usize;
        a.insert(i, x);
    }
    /// `bisect.insort_right(a, x)`.
    pub fn insort_right<T: PyOrd>(a: &mut Vec<T>, x: T) {
        insort(a, x)
    }
}

/// `collections`: `Counter` (a `Dict<K, i64>` wrapper with `most_common`);
/// `defaultdict(f)` maps to `Dict` + `setdefault_with(k, f)`; `deque` maps
/// to `std::collections::VecDeque` (repr via `PyRepr`: `deque([...])`);
/// `OrderedDict` maps to `Dict` (+ `move_to_end`, `popitem_first`);
/// `namedtuple` maps to a struct.
pub mod collections {
    use crate::dict::Dict;
    use crate::exc::{PyException, PyResult};
    use crate::list::PyOrd;
    use crate::repr::{PyRepr, PyStr};
    use std::collections::VecDeque;
    use std::hash::Hash;

    /// `collections.Counter`.
    #[derive(Clone, PartialEq)]
    pub struct Counter<K: Hash + Eq + Clone> {
        /// The counts, in first-seen order.
        pub counts: Dict<K, i64>,
    }

    impl<K: Hash + Eq + Clone> Default for Counter<K> {
        fn default() -> Self {
            Counter::new()
        }
    }

    impl<K: Hash + Eq + Clone> Counter<K> {
        /// `Counter()`.
        pub fn new() -> Self {
            Counter { counts: Dict::new() }
        }
        /// `Counter(iterable)`.
        pub fn from_iter_items<I: IntoIterator<Item = K>>(items: I) -> Self {
            let mut c = Counter::new();
            c.update(items);
            c
        }
        /// `c.update(iterable)`: count each item.
        pub fn update<I: IntoIterator<Item = K>>(&mut self, items: I) {
            for k in items {
                *self.counts.setdefault(k, 0) += 1;
            }
        }
        /// `c.subtract(iterable)`.
        pub fn subtract<I: IntoIterator<Item = K>>(&mut self, items: I) {
            for k in items {
                *self.counts.setdefault(k, 0) -= 1;
            }
        }
        /// `c[k]` (0 when missing, without inserting).
        pub fn get(&self, k: &K) -> i64 {
            self.counts.get(k).copied().unwrap_or(0)
        }
        /// `c[k] += n`.
        pub fn add(&mut self, k: K, n: i64) {
            *self.counts.setdefault(k, 0) += n;
        }
        /// `c[k] = n`.
        pub fn set(&mut self, k: K, n: i64) {
            self.counts.insert(k, n);
        }
        /// `len(c)`.
        pub fn len(&self) -> usize {
            self.counts.len()
        }
        /// `c.total()`.
        pub fn total(&self) -> i64 {
            self.counts.values().sum()
        }
        /// `c.most_common()`: by count descending, ties in first-seen order.
        pub fn most_common_all(&self) -> Vec<(K, i64)> {
            let mut v = self.counts.items_vec();
            v.sort_by(|a, b| b.1.cmp(&a.1));
            v
        }
        /// `c.most_common(n)`.
        pub fn most_common(&self, n: i64) -> Vec<(K, i64)> {
            let mut v = self.most_common_all();
            v.truncate(n.max(0) as usize);
            v
        }
        /// `c.elements()` in first-seen order.
        pub fn elements(&self) -> Vec<K> {
            let mut out = Vec::new();
            for (k, &n) in self.counts.iter() {
                for _ in 0..n.max(0) {
                    out.push(k.clone());
                }
            }
            out
        }
        /// Keys with their counts, in order.
        pub fn items(&self) -> Vec<(K, i64)> {
            self.counts.items_vec()
        }
        /// `c1 + c2` (keeps positive counts only).
        pub fn plus(&self, other: &Counter<K>) -> Counter<K> {
            let mut r = Counter::new();
            for (k, &n) in self.counts.iter() {
                r.add(k.clone(), n);
            }
            for (k, &n) in other.counts.iter() {
                r.add(k.clone(), n);
            }
            r.counts = r.counts.into_iter().filter(|(_, n)| *n > 0).collect();
            r
        }
        /// `c1 & c2`: minimum of counts (positive only), in self's order.
        pub fn intersect(&self, other: &Counter<K>) -> Counter<K> {
            let mut r = Counter::new();
            for (k, &n) in self.counts.iter() {
                let m = n.min(other.get(k));
                if m > 0 {
                    r.set(k.clone(), m);
                }
            }
            r
        }
        /// `c1 | c2`: maximum of counts (positive only).
        pub fn union(&self, other: &Counter<K>) -> Counter<K> {
            let mut r = Counter::new();
            for (k, &n) in self.counts.iter() {
                let m = n.max(other.get(k));
                if m > 0 {
                    r.set(k.clone(), m);
                }
            }
            for (k, &n) in other.counts.iter() {
                if !self.counts.contains_key(k) && n > 0 {
                    r.set(k.clone(), n);
                }
            }
            r
        }
        /// `c1 - c2` (keeps positive counts only).
        pub fn minus(&self, other: &Counter<K>) -> Counter<K> {
            let mut r = Counter::new();
            for (k, &n) in self.counts.iter() {
                r.add(k.clone(), n - other.get(k));
            }
            r.counts = r.counts.into_iter().filter(|(_, n)| *n > 0).collect();
            r
        }
    }

    impl<K: Hash + Eq + Clone + PyRepr> PyRepr for Counter<K> {
        /// `Counter({'a': 3, 'b': 1})`, ordered by count like CPython.
        fn py_repr_into(&self, out: &mut String) {
            if self.counts.is_empty() {
                out.push_str("Counter()");
                return;
            }
            out.push_str("Counter({");
            for (i, (k, n)) in self.most_common_all().iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                k.py_repr_into(out);
                out.push_str(": ");
                n.py_repr_into(out);
            }
            out.push_str("})");
        }
    }
    impl<K: Hash + Eq + Clone + PyRepr> PyStr for Counter<K> {
        fn py_str_into(&self, out: &mut String) {
            self.py_repr_into(out)
        }
    }

    /// `repr(OrderedDict)`: `OrderedDict([('a', 1)])` (CPython 3.11 form),
    /// `OrderedDict()` when empty.
    pub fn ordered_dict_repr<K: Hash + Eq + Clone + PyRepr, V: PyRepr>(d: &Dict<K, V>) -> String {
        if d.is_empty() {
            return "OrderedDict()".to_string();
        }
        let mut out = String::from("OrderedDict([");
        for (i, (k, v)) in d.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push('(');
            k.py_repr_into(&mut out);
            out.push_str(", ");
            v.py_repr_into(&mut out);
            out.push(')');
        }
        out.push_str("])");
        out
    }

    /// `repr(defaultdict(factory, d))`: `defaultdict(<class 'int'>, {...})`;
    /// `factory` is the Python class name (`"int"`, `"list"`).
    pub fn defaultdict_repr<K: Hash + Eq + Clone + PyRepr, V: PyRepr>(factory: &str, d: &Dict<K, V>) -> String {
        format!("defaultdict(<class '{}'>, {})", factory, d.py_repr())
    }

    /// `deque.append(x)` on a deque with `maxlen` (drops from the left).
    pub fn deque_append_bounded<T>(q: &mut VecDeque<T>, x: T, maxlen: usize) {
        if maxlen == 0 {
            return;
        }
        if q.len() == maxlen {
            q.pop_front();
        }
        q.push_back(x);
    }

    /// `deque.appendleft(x)` with `maxlen` (drops from the right).
    pub fn deque_appendleft_bounded<T>(q: &mut VecDeque<T>, x: T, maxlen: usize) {
        if maxlen == 0 {
            return;
        }
        if q.len() == maxlen {
            q.pop_back();
        }
        q.push_front(x);
    }

    /// `deque.extendleft(items)` (each item goes to the front in turn).
    pub fn deque_extendleft<T, I: IntoIterator<Item = T>>(q: &mut VecDeque<T>, items: I) {
        for x in items {
            q.push_front(x);
        }
    }

    /// `deque.rotate(n)`: positive n rotates right.
    pub fn deque_rotate<T>(q: &mut VecDeque<T>, n: i64) {
        let len = q.len() as i64;
        if len == 0 {
            return;
        }
        let k = n.rem_euclid(len) as usize;
        q.rotate_right(k);
    }

    /// `q[i]` with negative indices; IndexError "deque index out of range".
    pub fn deque_get<T>(q: &VecDeque<T>, i: i64) -> PyResult<&T> {
        let j = crate::slice::check_index(i, q.len(), "deque index out of range")?;
        Ok(&q[j])
    }

    /// `q.popleft()` / `q.pop()` with Python's IndexError.
    pub fn deque_popleft<T>(q: &mut VecDeque<T>) -> PyResult<T> {
        q.pop_front().ok_or_else(|| PyException::new("IndexError", "pop from an empty deque"))
    }

    /// `q.pop()`.
    pub fn deque_pop<T>(q: &mut VecDeque<T>) -> PyResult<T> {
        q.pop_back().ok_or_else(|| PyException::new("IndexError", "pop from an empty deque"))
    }

    /// `sorted(counter.items(), key=lambda kv: kv[1])`-style helper: the
    /// (key, count) pairs sorted by `PyOrd` on keys.
    pub fn sorted_items<K: Hash + Eq + Clone + PyOrd>(c: &Counter<K>) -> Vec<(K, i64)> {
        crate::list::sorted_by_key(c.items(), |p| p.0.clone(), false)
    }
}

/// `itertools` pieces as eager functions returning `Vec`s (the corpus uses
/// small inputs); lazy ones (`count`, `cycle`, `repeat`, `chain`, `islice`,
/// `takewhile`, `dropwhile`, `zip_longest`) map to Rust iterator adapters:
/// `(start..).step_by(k)`, `.cycle()`, `std::iter::repeat(x).take(n)`,
/// `.chain()`, `.skip(a).take(b - a).step_by(s)`, `.take_while()`,
/// `.skip_while()`.
pub mod itertools {
    /// `itertools.permutations(items, r)` in Python's order.
    pub fn permutations<T: Clone>(items: &[T], r: usize) -> Vec<Vec<T>> {
        let n = items.len();
        let mut out = Vec::new();
        if r > n {
            return out;
        }
        let mut indices: Vec<usize> = (0..n).collect();
        let mut cycles: Vec<usize> = (0..r).map(|i| n - i).collect();
        out.push(indices[..r].iter().map(|&i| items[i].clone()).collect());
        if n == 0 {
            return out;
        }
        loop {
            let mut advanced = false;
            for i in (0..r).rev() {
                cycles[i] -= 1;
                if cycles[i] == 0 {
                    let first = indices[i];
                    indices.remove(i);
                    indices.push(first);
                    cycles[i] = n - i;
                } else {
                    let j = cycles[i];
                    indices.swap(i, n - j);
                    out.push(indices[..r].iter().map(|&k| items[k].clone()).collect());
                    advanced = true;
                    break;
                }
            }
            if !advanced {
                return out;
            }
        }
    }

    /// `itertools.combinations(items, r)` in Python's order.
    pub fn combinations<T: Clone>(items: &[T], r: usize) -> Vec<Vec<T>> {
        let n = items.len();
        let mut out = Vec::new();
        if r > n {
            return out;
        }
        let mut idx: Vec<usize> = (0..r).collect();
        loop {
            out.push(idx.iter().map(|&i| items[i].clone()).collect());
            let mut i = r;
            loop {
                if i == 0 {
                    return out;
                }
                i -= 1;
                if idx[i] != i + n - r {
                    break;
                }
                if i == 0 {
                    return out;
                }
            }
            if idx[i] == i + n - r {
                return out;
            }
            idx[i] += 1;
            for j in i + 1..r {
                idx[j] = idx[j - 1] + 1;
            }
        }
    }

    /// `itertools.combinations_with_replacement(items, r)`.
    pub fn combinations_with_replacement<T: Clone>(items: &[T], r: usize) -> Vec<Vec<T>> {
        let n = items.len();
        let mut out = Vec::new();
        if n == 0 && r > 0 {
            return out;
        }
        let mut idx = vec![0usize; r];
        loop {
            out.push(idx.iter().map(|&i| items[i].clone()).collect());
            let mut i = r;
            let mut found = false;
            while i > 0 {
                i -= 1;
                if idx[i] != n - 1 {
                    found = true;
                    break;
                }
            }
            if !found {
                return out;
            }
            let v = idx[i] + 1;
            for j in i..r {
                idx[j] = v;
            }
        }
    }

    /// `itertools.product(*lists)`.
    pub fn product<T: Clone>(lists: &[Vec<T>]) -> Vec<Vec<T>> {
        let mut out: Vec<Vec<T>> = vec![Vec::new()];
        for l in lists {
            let mut next = Vec::with_capacity(out.len() * l.len());
            for prefix in &out {
                for x in l {
                    let mut p = prefix.clone();
                    p.push(x.clone());
                    next.push(p);
                }
            }
            out = next;
        }
        out
    }

    /// `itertools.product(items, repeat=r)`.
    pub fn product_repeat<T: Clone>(items: &[T], r: usize) -> Vec<Vec<T>> {
        let lists: Vec<Vec<T>> = (0..r).map(|_| items.to_vec()).collect();
        product(&lists)
    }

    /// `itertools.accumulate(items)` with a binary function (`operator.add`
    /// by default: pass `|a, b| a + b`).
    pub fn accumulate<T: Clone>(items: &[T], mut f: impl FnMut(&T, &T) -> T) -> Vec<T> {
        let mut out: Vec<T> = Vec::with_capacity(items.len());
        for x in items {
            let next = match out.last() {
                None => x.clone(),
                Some(acc) => f(acc, x),
            };
            out.push(next);
        }
        out
    }

    /// `itertools.accumulate(items, f, initial=init)`.
    pub fn accumulate_initial<T: Clone>(items: &[T], init: T, mut f: impl FnMut(&T, &T) -> T) -> Vec<T> {
        let mut out = vec![init];
        for x in items {
            let next = f(out.last().expect("non-empty"), x);
            out.push(next);
        }
        out
    }

    /// `[(k, list(g)) for k, g in itertools.groupby(items, key)]`.
    pub fn groupby<T: Clone, K: PartialEq>(items: &[T], mut key: impl FnMut(&T) -> K) -> Vec<(K, Vec<T>)> {
        let mut out: Vec<(K, Vec<T>)> = Vec::new();
        for x in items {
            let k = key(x);
            match out.last_mut() {
                Some((lk, g)) if *lk == k => g.push(x.clone()),
                _ => out.push((k, vec![x.clone()])),
            }
        }
        out
    }

    /// `itertools.pairwise(items)`.
    pub fn pairwise<T: Clone>(items: &[T]) -> Vec<(T, T)> {
        items.windows(2).map(|w| (w[0].clone(), w[1].clone())).collect()
    }

    /// `itertools.zip_longest(a, b, fillvalue=f)`.
    pub fn zip_longest<A: Clone, B: Clone>(a: &[A], b: &[B], fa: A, fb: B) -> Vec<(A, B)> {
        let n = a.len().max(b.len());
        (0..n)
            .map(|i| (a.get(i).cloned().unwrap_or_else(|| fa.clone()), b.get(i).cloned().unwrap_or_else(|| fb.clone())))
            .collect()
    }

    /// `itertools.compress(data, selectors)`.
    pub fn compress<T: Clone>(data: &[T], selectors: &[bool]) -> Vec<T> {
        data.iter().zip(selectors.iter()).filter(|p| *p.1).map(|p| p.0.clone()).collect()
    }

    /// `itertools.islice(items, start, stop, step)` on a slice.
    pub fn islice<T: Clone>(items: &[T], start: usize, stop: Option<usize>, step: usize) -> Vec<T> {
        let stop = stop.unwrap_or(items.len()).min(items.len());
        if start >= stop {
            return Vec::new();
        }
        items[start..stop].iter().step_by(step.max(1)).cloned().collect()
    }
}

/// `functools`: `reduce`; `partial` and `lru_cache`/`cache` map to
/// closures and a `Dict` memo in generated code; `cmp_to_key` maps to
/// `list::sorted_by_cmp`.
pub mod functools {
    use crate::exc::{PyException, PyResult};

    /// `functools.reduce(f, items)`; TypeError on an empty sequence.
    pub fn reduce<T, I: IntoIterator<Item = T>>(mut f: impl FnMut(T, T) -> T, items: I) -> PyResult<T> {
        let mut it = items.into_iter();
        let first = it
            .next()
            .ok_or_else(|| PyException::new("TypeError", "reduce() of empty iterable with no initial value"))?;
        Ok(it.fold(first, |a, b| f(a, b)))
    }

    /// `functools.reduce(f, items, initial)`.
    pub fn reduce_initial<T, U, I: IntoIterator<Item = U>>(f: impl FnMut(T, U) -> T, items: I, initial: T) -> T {
        items.into_iter().fold(initial, f)
    }
}

/// `string`: the constants and `capwords`.
pub mod string {
    /// `string.ascii_lowercase`.
    pub const ASCII_LOWERCASE: &str = "abcdefghijklmnopqrstuvwxyz";
    /// `string.ascii_uppercase`.
    pub const ASCII_UPPERCASE: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /// `string.ascii_letters`.
    pub const ASCII_LETTERS: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    /// `string.digits`.
    pub const DIGITS: &str = "0123456789";
    /// `string.hexdigits`.
    pub const HEXDIGITS: &str = "0123456789abcdefABCDEF";
    /// `string.octdigits`.
    pub const OCTDIGITS: &str = "01234567";
    /// `string.punctuation`.
    pub const PUNCTUATION: &str = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    /// `string.whitespace`.
    pub const WHITESPACE: &str = " \t\n\r\x0b\x0c";
    /// `string.printable`.
    pub const PRINTABLE: &str = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\n\r\x0b\x0c";

    /// `string.capwords(s)` / `string.capwords(s, sep)`.
    pub fn capwords(s: &str, sep: Option<&str>) -> String {
        match sep {
            None => crate::pystr::str_join(
                " ",
                crate::pystr::str_split_whitespace(s, -1).iter().map(|w| crate::pystr::str_capitalize(w)),
            ),
            Some(sep) => crate::pystr::str_join(sep, s.split(sep).map(crate::pystr::str_capitalize)),
        }
    }

    /// `string.Template(t).safe_substitute(mapping)`: `$name`, `${name}`,
    /// `$$`; unknown names are left as they are.
    pub fn template_safe_substitute(template: &str, values: &[(&str, String)]) -> String {
        let cs: Vec<char> = template.chars().collect();
        let mut out = String::new();
        let mut i = 0;
        let lookup = |name: &str| values.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone());
        let is_id_start = |c: char| c == '_' || c.is_ascii_alphabetic();
        let is_id = |c: char| c == '_' || c.is_ascii_alphanumeric();
        while i < cs.len() {
            if cs[i] != '$' {
                out.push(cs[i]);
                i += 1;
                continue;
            }
            if i + 1 < cs.len() && cs[i + 1] == '$' {
                out.push('$');
                i += 2;
                continue;
            }
            if i + 1 < cs.len() && cs[i + 1] == '{' {
                if let Some(end) = cs[i + 2..].iter().position(|c| *c == '}') {
                    let name: String = cs[i + 2..i + 2 + end].iter().collect();
                    if let Some(v) = lookup(&name) {
                        out.push_str(&v);
                        i += end + 3;
                        continue;
                    }
                }
                out.push('$');
                i += 1;
                continue;
            }
            if i + 1 < cs.len() && is_id_start(cs[i + 1]) {
                let mut j = i + 1;
                while j < cs.len() && is_id(cs[j]) {
                    j += 1;
                }
                let name: String = cs[i + 1..j].iter().collect();
                match lookup(&name) {
                    Some(v) => out.push_str(&v),
                    None => {
                        out.push('$');
                        out.push_str(&name);
                    }
                }
                i = j;
                continue;
            }
            out.push('$');
            i += 1;
        }
        out
    }
}

/// `fractions.Fraction`: exact rationals over `Int`, always normalised
/// (denominator > 0, lowest terms).
pub mod fractions {
    use crate::exc::{PyException, PyResult};
    use crate::int::Int;
    use crate::list::PyOrd;
    use crate::repr::{PyRepr, PyStr};
    use std::cmp::Ordering;
    use std::ops::{Add, Mul, Neg, Sub};

    /// An exact rational number.
    #[derive(Clone, PartialEq, Eq, Hash, Debug)]
    pub struct Fraction {
        num: Int,
        den: Int,
    }

    impl Fraction {
        /// `Fraction(num, den)`; ZeroDivisionError for den == 0.
        pub fn new(num: Int, den: Int) -> PyResult<Fraction> {
            if den.is_zero() {
                return Err(PyException::new("ZeroDivisionError", format!("Fraction({}, 0)", num)));
            }
            let g = num.gcd(&den);
            let (mut n, mut d) =
                if g.is_zero() || g == 1 { (num, den) } else { (num.floor_div(&g)?, den.floor_div(&g)?) };
            if d.is_negative() {
                n = -n;
                d = -d;
            }
            Ok(Fraction { num: n, den: d })
        }
        /// `Fraction(n, d)` from machine integers.
        pub fn from_i64s(num: i64, den: i64) -> PyResult<Fraction> {
            Fraction::new(Int::from(num), Int::from(den))
        }
        /// `Fraction(n)`.
        pub fn from_int(n: Int) -> Fraction {
            Fraction { num: n, den: Int::one() }
        }
        /// `Fraction(x)` for a float: its exact value.
        pub fn from_f64(x: f64) -> PyResult<Fraction> {
            let (n, d) = crate::float::float_as_integer_ratio(x)?;
            Fraction::new(n, d)
        }
        /// `f.numerator`.
        pub fn numerator(&self) -> &Int {
            &self.num
        }
        /// `f.denominator`.
        pub fn denominator(&self) -> &Int {
            &self.den
        }
        /// `float(f)`.
        pub fn to_f64(&self) -> f64 {
            self.num.true_div(&self.den).unwrap_or(f64::NAN)
        }
        /// `a / b`; ZeroDivisionError when b == 0.
        pub fn div(&self, o: &Fraction) -> PyResult<Fraction> {
            if o.num.is_zero() {
                return Err(PyException::new("ZeroDivisionError", format!("Fraction({}, 0)", &self.num * &o.den)));
            }
            Fraction::new(&self.num * &o.den, &self.den * &o.num)
        }
        /// `abs(f)`.
        pub fn abs(&self) -> Fraction {
            Fraction { num: self.num.abs(), den: self.den.clone() }
        }
        /// `f == 0`.
        pub fn is_zero(&self) -> bool {
            self.num.is_zero()
        }
        /// `math.floor(f)`.
        pub fn floor(&self) -> Int {
            self.num.floor_div(&self.den).unwrap_or_default()
        }
    }

    fn norm(num: Int, den: Int) -> Fraction {
        Fraction::new(num, den).expect("nonzero denominator")
    }

    impl<'a, 'b> Add<&'b Fraction> for &'a Fraction {
        type Output = Fraction;
        fn add(self, o: &'b Fraction) -> Fraction {
            norm(&self.num * &o.den + &o.num * &self.den, &self.den * &o.den)
        }
    }
    impl<'a, 'b> Sub<&'b Fraction> for &'a Fraction {
        type Output = Fraction;
        fn sub(self, o: &'b Fraction) -> Fraction {
            norm(&self.num * &o.den - &o.num * &self.den, &self.den * &o.den)
        }
    }
    impl<'a, 'b> Mul<&'b Fraction> for &'a Fraction {
        type Output = Fraction;
        fn mul(self, o: &'b Fraction) -> Fraction {
            norm(&self.num * &o.num, &self.den * &o.den)
        }
    }
    impl Add for Fraction {
        type Output = Fraction;
        fn add(self, o: Fraction) -> Fraction {
            &self + &o
        }
    }
    impl Sub for Fraction {
        type Output = Fraction;
        fn sub(self, o: Fraction) -> Fraction {
            &self - &o
        }
    }
    impl Mul for Fraction {
        type Output = Fraction;
        fn mul(self, o: Fraction) -> Fraction {
            &self * &o
        }
    }
    impl<'a> Neg for &'a Fraction {
        type Output = Fraction;
        fn neg(self) -> Fraction {
            Fraction { num: -&self.num, den: self.den.clone() }
        }
    }
    impl Neg for Fraction {
        type Output = Fraction;
        fn neg(self) -> Fraction {
            -&self
        }
    }
    impl Ord for Fraction {
        fn cmp(&self, o: &Fraction) -> Ordering {
            (&self.num * &o.den).cmp(&(&o.num * &self.den))
        }
    }
    impl PartialOrd for Fraction {
        fn partial_cmp(&self, o: &Fraction) -> Option<Ordering> {
            Some(self.cmp(o))
        }
    }
    impl PyOrd for Fraction {
        fn py_cmp(&self, o: &Fraction) -> Ordering {
            self.cmp(o)
        }
    }
    impl PyStr for Fraction {
        /// `str(f)`: `3` or `1/3`.
        fn py_str_into(&self, out: &mut String) {
            self.num.py_str_into(out);
            if self.den != 1 {
                out.push('/');
                self.den.py_str_into(out);
            }
        }
    }
    impl PyRepr for Fraction {
        /// `Fraction(1, 3)`.
        fn py_repr_into(&self, out: &mut String) {
            out.push_str("Fraction(");
            self.num.py_str_into(out);
            out.push_str(", ");
            self.den.py_str_into(out);
            out.push(')');
        }
    }
}
