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

use portalis_runtime as rt;
use portalis_runtime::exc::{PyException, PyResult};
use portalis_runtime::repr::{PyRepr, PyStr};

pub fn find(xs: &[i64], want: i64) -> PyResult<Option<i64>> {
    for i in 0..xs.len() as i64 {
        if xs[rt::slice::check_index(i, xs.len(), "list index out of range")?] == want {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

pub fn append_good(item: i64, mut bucket: Option<Vec<i64>>) -> Vec<i64> {
    if bucket.is_none() {
        bucket = Some(Vec::new());
    }
    bucket.as_mut().unwrap().push(item);
    bucket.as_mut().unwrap().clone()
}

pub fn scaled(base: i64, factor: Option<i64>) -> i64 {
    if factor.is_none() {
        base
    } else {
        base * factor.unwrap()
    }
}

pub fn make_box(width: i64, height: i64, fill: &str, border: Option<String>) -> String {
    let mut rows: Vec<String> = Vec::new();
    for r in 0..height {
        if rt::repr::PyTruth::truthy(&border) && (r == 0 || r == height - 1) {
            rows.push(border.as_ref().unwrap().repeat(i64::max(width, 0) as usize));
        } else {
            rows.push(fill.repeat(i64::max(width, 0) as usize));
        }
    }
    rows.join("\n")
}

pub fn first_long(words: &[String], n: i64) -> Option<String> {
    let mut best: Option<String> = None;
    for w in words.iter().cloned() {
        if w.chars().count() as i64 >= n {
            best = Some(w.clone());
            break;
        }
    }
    if best.is_some() {
        rt::print::print(
            &[
                &"found",
                &best.as_ref().unwrap(),
                &(best.as_ref().unwrap().chars().count() as i64),
            ],
            " ",
            "\n",
        );
    }
    best
}

pub fn chain(prev: rt::dict::Dict<String, Option<String>>, start: &str) -> PyResult<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    let mut node: Option<String> = Some(start.to_string());
    while node.is_some() {
        out.push(node.as_ref().unwrap().to_string());
        node = prev.getitem(node.as_ref().unwrap())?.clone();
    }
    Ok(out)
}

pub fn sign_word(n: i64) -> Option<String> {
    if n > 0 {
        return Some("positive".to_string());
    }
    if n < 0 {
        return Some("negative".to_string());
    }
    None
}

pub fn main() -> PyResult<()> {
    rt::print::print(&[&sign_word(3), &sign_word(0), &sign_word(-2)], " ", "\n");
    rt::print::print(
        &[&chain(
            {
                let mut dict1 = <rt::dict::Dict<String, Option<String>>>::new();
                dict1.insert("c".to_string(), Some("b".to_string()));
                dict1.insert("b".to_string(), Some("a".to_string()));
                dict1.insert("a".to_string(), None);
                dict1
            },
            "c",
        )?],
        " ",
        "\n",
    );
    rt::print::print(
        &[&find(&vec![4, 5, 6], 5)?, &find(&vec![4, 5, 6], 7)?],
        " ",
        "\n",
    );
    rt::print::print(
        &[&append_good(1, None), &append_good(2, Some(vec![0]))],
        " ",
        "\n",
    );
    rt::print::print(&[&scaled(3, None), &scaled(3, Some(4))], " ", "\n");
    rt::print::print(&[&make_box(4, 3, "#", Some("=".to_string()))], " ", "\n");
    rt::print::print(&[&make_box(3, 1, "-", None)], " ", "\n");
    rt::print::print(
        &[
            &first_long(&vec!["a".to_string(), "abcd".to_string()], 3),
            &first_long(&vec!["a".to_string()], 3),
        ],
        " ",
        "\n",
    );
    let mut hits: Vec<(i64, Option<i64>)> = Vec::new();
    for i in 1..4 {
        let mut broke_2 = false;
        for j in 1..4 {
            if i * j == 4 {
                hits.push({
                    let t3 = (i, j);
                    (t3.0, Some(t3.1))
                });
                broke_2 = true;
                break;
            }
        }
        if !broke_2 {
            hits.push({
                let t4 = (i, ());
                (t4.0, None)
            });
        }
    }
    rt::print::print(&[&hits], " ", "\n");
    let mut x: Option<i64> = None;
    for k in 0..3 {
        if k == 2 {
            x = Some(k * 10);
        }
    }
    rt::print::print(&[&x, &x.is_none(), &format!("{}", x.py_str())], " ", "\n");
    Ok(())
}
