#![allow(
    unused_mut,
    unused_variables,
    unused_assignments,
    unused_parens,
    unused_imports,
    dead_code,
    non_snake_case,
    unreachable_code,
    clippy::all
)]

// Static closures: nested functions that read and change the enclosing
// function's variables, chained assignment, key= functions.

use portalis_runtime as rt;
use portalis_runtime::exc::{PyException, PyResult};
use portalis_runtime::repr::{PyRepr, PyStr};

pub fn count_paths(n: i64) -> PyResult<i64> {
    let mut seen: Vec<bool> = {
        let mut out1: Vec<bool> = Vec::new();
        for _x in 0..n {
            out1.push(false);
        }
        out1
    };
    let mut path: Vec<i64> = Vec::new();
    let mut found: Vec<Vec<i64>> = Vec::new();
    count_paths_walk(-1, &mut path, n, &mut found, &mut seen)?;
    Ok(found.len() as i64)
}

pub fn count_paths_walk(
    i: i64,
    path: &mut Vec<i64>,
    n: i64,
    found: &mut Vec<Vec<i64>>,
    seen: &mut Vec<bool>,
) -> PyResult<()> {
    if path.len() as i64 == n {
        found.push(path.clone());
        return Ok(());
    }
    for j in 0..n {
        if !seen[rt::slice::check_index(j, seen.len(), "list index out of range")?] && j != i {
            let i1 = rt::slice::check_index(j, seen.len(), "list assignment index out of range")?;
            seen[i1] = true;
            path.push(j);
            count_paths_walk(j, path, n, found, seen)?;
            path.pop()
                .ok_or_else(|| PyException::index_error("pop from empty list"))?;
            let i2 = rt::slice::check_index(j, seen.len(), "list assignment index out of range")?;
            seen[i2] = false;
        }
    }
    Ok(())
}

pub fn bits(n: i64) -> PyResult<i64> {
    let full: i64 = rt::int::shl_i64(1, n)? - 1;
    Ok(bits_go(0, 0, full))
}

pub fn bits_go(cols: i64, depth: i64, full: i64) -> i64 {
    if cols == full {
        return depth;
    }
    let free: i64 = full & !cols;
    let bit: i64 = free & -free;
    bits_go(cols | bit, depth + 1, full)
}

pub fn chained(n: i64) -> PyResult<Vec<i64>> {
    let mut x: i64 = 0;
    let mut y: i64 = 0;
    let mut a: Vec<i64> = {
        let mut out1: Vec<i64> = Vec::new();
        for _x in 0..n {
            out1.push(0);
        }
        out1
    };
    let mut b: Vec<i64> = {
        let mut out2: Vec<i64> = Vec::new();
        for _x in 0..n {
            out2.push(0);
        }
        out2
    };
    for i in 0..n {
        let v3 = i * i;
        let i4 = rt::slice::check_index(i, a.len(), "list assignment index out of range")?;
        a[i4] = v3;
        let i5 = rt::slice::check_index(n - 1 - i, b.len(), "list assignment index out of range")?;
        b[i5] = v3;
    }
    let v6 = 7;
    x = v6;
    y = v6;
    Ok([&[&a[..], &b[..]].concat()[..], &vec![x, y][..]].concat())
}

pub fn ranked(words: &[String]) -> PyResult<Vec<String>> {
    let by_len: Vec<String> = {
        let mut v2: Vec<((i64, String), String)> = Vec::new();
        for w in words.iter().cloned() {
            v2.push(((-(w.chars().count() as i64), w.clone()), w));
        }
        v2.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
        v2.into_iter().map(|p| p.1).collect::<Vec<String>>()
    };
    let longest: String = {
        let mut v4: Option<(i64, String)> = None;
        for x3 in words.iter().cloned() {
            let k5 = x3.chars().count() as i64;
            if v4.as_ref().map_or(true, |c| k5 > c.0) {
                v4 = Some((k5, x3));
            }
        }
        v4.expect("max() arg is an empty sequence").1
    };
    let first_min: String = {
        let mut v7: Option<(String, String)> = None;
        for w in words.iter().cloned() {
            let k8 = w
                .chars()
                .nth(rt::slice::check_index(
                    -1,
                    w.chars().count(),
                    "string index out of range",
                )?)
                .expect("string index out of range")
                .to_string();
            if v7.as_ref().map_or(true, |c| k8 < c.0) {
                v7 = Some((k8, w));
            }
        }
        v7.expect("min() arg is an empty sequence").1
    };
    let rev: Vec<String> = {
        let mut v10: Vec<String> = words.iter().cloned().collect();
        v10.sort_by(|a, b| b.partial_cmp(&a).unwrap_or(std::cmp::Ordering::Equal));
        v10
    };
    let mut nums: Vec<i64> = vec![3, -7, 2, -1];
    nums = {
        let mut v12: Vec<(i64, i64)> = Vec::new();
        for v in std::mem::take(&mut nums).into_iter() {
            v12.push((i64::abs(v), v));
        }
        v12.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
        v12.into_iter().map(|p| p.1).collect::<Vec<i64>>()
    };
    rt::print::print(
        &[
            &nums,
            &({
                let mut v14: Option<(i64, i64)> = None;
                for x13 in nums.iter().copied() {
                    let k15 = i64::abs(x13);
                    if v14.as_ref().map_or(true, |c| k15 > c.0) {
                        v14 = Some((k15, x13));
                    }
                }
                v14.expect("max() arg is an empty sequence").1
            }),
            &({
                let mut v17: Option<(i64, i64)> = None;
                for v in nums.iter().copied() {
                    let k18 = v * v;
                    if v17.as_ref().map_or(true, |c| k18 < c.0) {
                        v17 = Some((k18, v));
                    }
                }
                v17.expect("min() arg is an empty sequence").1
            }),
        ],
        " ",
        "\n",
    );
    Ok([
        &[&by_len[..], &vec![longest.clone(), first_min.clone()][..]].concat()[..],
        &rev[..],
    ]
    .concat())
}

pub fn cond_capture(flag: bool) -> i64 {
    let mut x: i64 = 0;
    if flag {
        // x is declared where the call of g reads it, not only where it is bound.
        x = 5;
    } else {
        x = 2;
    }
    cond_capture_g(3, x)
}

pub fn cond_capture_g(k: i64, x: i64) -> i64 {
    x * k
}

pub fn pivot(m: &[Vec<f64>], col: i64) -> PyResult<i64> {
    Ok({
        let mut v2: Option<(f64, i64)> = None;
        for r in col..m.len() as i64 {
            let k3 = f64::abs(
                m[rt::slice::check_index(r, m.len(), "list index out of range")?]
                    [rt::slice::check_index(
                        col,
                        m[rt::slice::check_index(r, m.len(), "list index out of range")?].len(),
                        "list index out of range",
                    )?],
            );
            if v2.as_ref().map_or(true, |c| k3 > c.0) {
                v2 = Some((k3, r));
            }
        }
        v2.expect("max() arg is an empty sequence").1
    })
}

pub fn sort_desc(xs: &mut Vec<f64>) {
    *xs = {
        let mut v2: Vec<(f64, f64)> = Vec::new();
        for v in std::mem::take(xs).into_iter() {
            v2.push((-v, v));
        }
        v2.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
        v2.into_iter().map(|p| p.1).collect::<Vec<f64>>()
    };
}

pub fn main() -> PyResult<()> {
    rt::print::print(&[&count_paths(4)?, &bits(5)?, &chained(3)?], " ", "\n");
    rt::print::print(
        &[&ranked(&vec![
            "pear".to_string(),
            "fig".to_string(),
            "apple".to_string(),
            "kiwi".to_string(),
            "plum".to_string(),
        ])?],
        " ",
        "\n",
    );
    let mut fs: Vec<f64> = vec![2.5, -1.0, 7.25];
    sort_desc(&mut fs);
    rt::print::print(
        &[
            &cond_capture(true),
            &cond_capture(false),
            &pivot(&vec![vec![1.0, 2.0], vec![-5.0, 1.0]], 0)?,
            &fs,
        ],
        " ",
        "\n",
    );
    Ok(())
}
