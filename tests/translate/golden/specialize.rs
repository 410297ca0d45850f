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

pub fn grid(rows: i64, cols: i64, fill: i64) -> Vec<Vec<i64>> {
    {
        let mut out1: Vec<Vec<i64>> = Vec::new();
        for _x in 0..rows {
            out1.push(rt::list::list_repeat(&vec![fill], cols));
        }
        out1
    }
}

pub fn grid_str(rows: i64, cols: i64, fill: &str) -> Vec<Vec<String>> {
    {
        let mut out1: Vec<Vec<String>> = Vec::new();
        for _x in 0..rows {
            out1.push(rt::list::list_repeat(&vec![fill.to_string()], cols));
        }
        out1
    }
}

pub fn chunks(seq: &[i64], size: i64) -> PyResult<Vec<Vec<i64>>> {
    Ok({
        let mut out1: Vec<Vec<i64>> = Vec::new();
        for i in rt::builtins::range(0, seq.len() as i64, size)? {
            out1.push(rt::list::list_slice(seq, Some(i), Some(i + size), None)?);
        }
        out1
    })
}

pub fn chunks_str(seq: &str, size: i64) -> PyResult<Vec<String>> {
    Ok({
        let mut out1: Vec<String> = Vec::new();
        for i in rt::builtins::range(0, seq.chars().count() as i64, size)? {
            out1.push(rt::pystr::str_slice(seq, Some(i), Some(i + size), None)?);
        }
        out1
    })
}

pub fn columns(m: &[Vec<i64>]) -> Vec<Vec<i64>> {
    {
        let mut out1: Vec<Vec<i64>> = Vec::new();
        for col in rt::list::transpose(m).into_iter() {
            out1.push(col.iter().copied().collect::<Vec<i64>>());
        }
        out1
    }
}

pub fn main() -> PyResult<()> {
    // Per-call-type specialisation: a function called with an int and with a str
    // argument gets one static copy per argument type; zip(*rows) read as lists.
    let mut g: Vec<Vec<i64>> = grid(2, 3, 0);
    g[1][2] = 7;
    rt::print::print(&[&g, &grid_str(1, 2, ".")], " ", "\n");
    rt::print::print(
        &[&chunks(&vec![1, 2, 3, 4, 5], 2)?, &chunks_str("abcde", 2)?],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &columns(&vec![vec![1, 2, 3], vec![4, 5, 6]]),
            &({
                let mut out1: Vec<i64> = Vec::new();
                for c in rt::list::transpose(&g).into_iter() {
                    out1.push(c.iter().copied().sum::<i64>());
                }
                out1
            }),
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[&g[1]
            .iter()
            .copied()
            .map(|x| x.to_string())
            .collect::<Vec<String>>()
            .join(" ")],
        " ",
        "\n",
    );
    Ok(())
}
