//! Index and slice arithmetic shared by str, list and tuple helpers:
//! negative indices, clamping, steps (Python's `slice.indices`).

use crate::exc::{PyException, PyResult};

/// A resolved slice: start, step, and the number of selected elements.
/// Element k of the slice is at `start + k * step` (k < count).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SliceIdx {
    /// First index.
    pub start: i64,
    /// Step (never 0).
    pub step: i64,
    /// Number of elements selected.
    pub count: usize,
}

impl SliceIdx {
    /// The selected positions, in slice order.
    pub fn positions(&self) -> impl Iterator<Item = usize> {
        let (s, st) = (self.start, self.step);
        (0..self.count as i64).map(move |k| (s + k * st) as usize)
    }
}

/// Python's `slice(start, stop, step).indices(len)`; step 0 is a ValueError.
pub fn slice_indices(len: usize, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> PyResult<SliceIdx> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(PyException::new("ValueError", "slice step cannot be zero"));
    }
    let len = len as i64;
    let clamp = |v: i64, lo: i64, hi: i64| {
        if v < lo {
            lo
        } else if v > hi {
            hi
        } else {
            v
        }
    };
    let (lo, hi) = if step > 0 { (0, len) } else { (-1, len - 1) };
    let fix = |v: Option<i64>, dflt: i64| match v {
        None => dflt,
        Some(x) => {
            let x = if x < 0 { x + len } else { x };
            clamp(x, lo, hi)
        }
    };
    let (s, e) = if step > 0 { (fix(start, 0), fix(stop, len)) } else { (fix(start, len - 1), fix(stop, -1)) };
    let count = if step > 0 {
        if e > s {
            ((e - s - 1) / step + 1) as usize
        } else {
            0
        }
    } else if s > e {
        ((s - e - 1) / (-step) + 1) as usize
    } else {
        0
    };
    Ok(SliceIdx { start: s, step, count })
}

/// Resolve a possibly negative index against `len`; None when out of range.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let j = if i < 0 { i + len as i64 } else { i };
    if j >= 0 && (j as usize) < len {
        Some(j as usize)
    } else {
        None
    }
}

/// Like `norm_index` but an `IndexError` with `what` ("list index out of range").
pub fn check_index(i: i64, len: usize, what: &str) -> PyResult<usize> {
    norm_index(i, len).ok_or_else(|| PyException::new("IndexError", what))
}
