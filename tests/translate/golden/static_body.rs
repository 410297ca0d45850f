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

pub fn main() -> PyResult<()> {
    let mut w: String = String::new();
    // Module bodies that stay static: generator variables with next(),
    // frozenset keys, str.maketrans/translate, key=str.lower, setdefault lists.
    let words: Vec<String> = vec![
        "pear".to_string(),
        "Apple".to_string(),
        "fig".to_string(),
        "banana".to_string(),
    ];
    let mut gen: std::vec::IntoIter<i64> = ({
        let mut out1: Vec<i64> = Vec::new();
        for w in words.iter().cloned() {
            if w.chars().count() as i64 > 3 {
                out1.push(w.chars().count() as i64);
            }
        }
        out1
    })
    .into_iter();
    rt::print::print(
        &[
            &gen.next().ok_or_else(|| PyException::stop_iteration())?,
            &({
                let dflt2 = -1;
                gen.next().unwrap_or(dflt2)
            }),
            &gen.by_ref().collect::<Vec<i64>>(),
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[&({
            let dflt3 = 0;
            gen.next().unwrap_or(dflt3)
        })],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &({
                let mut v5: Vec<(String, String)> = Vec::new();
                for x4 in words.iter().cloned() {
                    v5.push((rt::pystr::str_lower(&x4), x4));
                }
                v5.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
                v5.into_iter().map(|p| p.1).collect::<Vec<String>>()
            }),
            &({
                let mut v7: Option<(String, String)> = None;
                for x6 in words.iter().cloned() {
                    let k8 = rt::pystr::str_upper(&x6);
                    if v7.as_ref().map_or(true, |c| k8 > c.0) {
                        v7 = Some((k8, x6));
                    }
                }
                v7.expect("max() arg is an empty sequence").1
            }),
        ],
        " ",
        "\n",
    );
    let fs: rt::frozenset::FrozenSet<i64> = vec![3, 1, 2]
        .into_iter()
        .collect::<rt::frozenset::FrozenSet<i64>>();
    let groups: rt::dict::Dict<rt::frozenset::FrozenSet<i64>, String> = {
        let mut dict9 = <rt::dict::Dict<rt::frozenset::FrozenSet<i64>, String>>::new();
        dict9.insert(fs.clone(), "first".to_string());
        dict9.insert(
            vec![1, 2, 3]
                .into_iter()
                .collect::<rt::dict::Set<i64>>()
                .to_vec()
                .into_iter()
                .collect::<rt::frozenset::FrozenSet<i64>>(),
            "same".to_string(),
        );
        dict9.insert(<rt::frozenset::FrozenSet<i64>>::new(), "empty".to_string());
        dict9
    };
    rt::print::print(
        &[
            &(groups.len() as i64),
            &groups
                .getitem(
                    &vec![2, 3, 1]
                        .into_iter()
                        .collect::<rt::frozenset::FrozenSet<i64>>(),
                )?
                .clone(),
            &(fs.len() as i64),
        ],
        " ",
        "\n",
    );
    let leet: rt::pystr::TransTable =
        rt::pystr::str_maketrans_pairs(&[('a', Some("4")), ('e', Some("3"))]);
    rt::print::print(
        &[
            &rt::pystr::str_translate("release", &leet),
            &rt::pystr::str_translate("a-b c", &rt::pystr::str_maketrans("-", "+", " ")?),
        ],
        " ",
        "\n",
    );
    let mut by_len: rt::dict::Dict<i64, Vec<String>> = <rt::dict::Dict<i64, Vec<String>>>::new();
    for w in words.iter().cloned() {
        by_len
            .setdefault(w.chars().count() as i64, Vec::new())
            .push(w.clone());
    }
    rt::print::print(
        &[
            &by_len,
            &"[1, 'a', None, (2,)]",
            &(<rt::dict::Set<()>>::new() == <rt::dict::Set<()>>::new()),
        ],
        " ",
        "\n",
    );
    Ok(())
}
