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

pub fn evens(limit: i64) -> Vec<i64> {
    let mut found: Vec<i64> = Vec::new();
    for i in 0..limit {
        if i64::rem_euclid(i, 2) == 0 {
            found.push(i);
        }
    }
    found
}

pub fn bump(values: &mut Vec<i64>) -> PyResult<()> {
    for i in 0..values.len() as i64 {
        let i1 = rt::slice::check_index(i, values.len(), "list index out of range")?;
        values[i1] += 1;
    }
    Ok(())
}

pub fn main() -> PyResult<()> {
    let mut data: Vec<i64> = evens(10);
    bump(&mut data)?;
    rt::print::print(
        &[
            &data,
            &data.iter().copied().sum::<i64>(),
            &data
                .iter()
                .copied()
                .max()
                .expect("max() arg is an empty sequence"),
            &({
                let mut v1: Vec<i64> = vec![3, 1, 2].into_iter().collect();
                v1.sort();
                v1
            }),
        ],
        " ",
        "\n",
    );
    let mut broke_2 = false;
    for (i, v) in data.iter().copied().enumerate().map(|(i, x)| (i as i64, x)) {
        if v > 5 {
            rt::print::print(&[&"first above 5 at", &i], " ", "\n");
            broke_2 = true;
            break;
        }
    }
    if !broke_2 {
        rt::print::print(&[&"none above 5"], " ", "\n");
    }
    Ok(())
}
