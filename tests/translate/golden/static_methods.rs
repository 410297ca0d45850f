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

pub fn build(text: &str) -> PyResult<rt::dict::Dict<String, Vec<(String, i64)>>> {
    let mut graph: rt::dict::Dict<String, Vec<(String, i64)>> =
        <rt::dict::Dict<String, Vec<(String, i64)>>>::new();
    for line in rt::pystr::str_splitlines(text.trim().to_string().as_str(), false).into_iter() {
        let mut u: String = String::new();
        let mut v: String = String::new();
        let mut w: String = String::new();
        let items1 = line
            .split_whitespace()
            .map(String::from)
            .collect::<Vec<String>>();
        rt::list::check_unpack(items1.len(), 3)?;
        (u, v, w) = (items1[0].clone(), items1[1].clone(), items1[2].clone());
        graph.setdefault(u.clone(), Vec::new()).push((
            v.clone(),
            rt::int::Int::parse(w.as_str(), 10)?.to_i64_checked()?,
        ));
        graph.setdefault(v.clone(), Vec::new());
        graph.getitem_mut(v.as_str())?.push((
            u.clone(),
            rt::int::Int::parse(w.as_str(), 10)?.to_i64_checked()?,
        ));
    }
    Ok(graph)
}

pub fn costs(
    graph: rt::dict::Dict<String, Vec<(String, i64)>>,
) -> PyResult<rt::dict::Dict<String, f64>> {
    let mut best: rt::dict::Dict<String, f64> = {
        let mut out1: rt::dict::Dict<String, f64> = <rt::dict::Dict<String, f64>>::new();
        for node in graph.keys_vec().into_iter() {
            out1.insert(node.clone(), rt::float::parse_float("inf")?);
        }
        out1
    };
    for u in graph.keys_vec().into_iter() {
        for (v, w) in graph.getitem(u.as_str())?.clone().into_iter() {
            if (w as f64) < *best.getitem(v.as_str())? {
                let val2: f64 = w as f64;
                best.insert(v.clone(), val2);
            }
        }
    }
    Ok(best)
}

pub fn words(text: &str) -> Vec<String> {
    let mut seen: rt::dict::Set<String> = <rt::dict::Set<String>>::new();
    let mut out: Vec<String> = Vec::new();
    for raw in text
        .split_whitespace()
        .map(String::from)
        .collect::<Vec<String>>()
        .into_iter()
    {
        let w: String = rt::pystr::str_strip(raw.as_str(), Some(rt::stdlib::string::PUNCTUATION))
            .to_lowercase();
        if !w.is_empty() && !seen.contains(w.as_str()) {
            seen.add(w.clone());
            out.push(w.clone());
        }
    }
    out
}

pub fn fields(line: &str) -> PyResult<rt::dict::Dict<String, String>> {
    let mut record: rt::dict::Dict<String, String> = <rt::dict::Dict<String, String>>::new();
    for f in line
        .split(";")
        .map(String::from)
        .collect::<Vec<String>>()
        .into_iter()
    {
        let mut key: String = String::new();
        let mut _x: String = String::new();
        let mut value: String = String::new();
        (key, _x, value) = rt::pystr::str_partition(f.trim().to_string().as_str(), "=")?;
        let val1: String = value.clone();
        record.insert(key.clone(), val1);
    }
    Ok(record)
}

pub fn main() -> PyResult<()> {
    let g: rt::dict::Dict<String, Vec<(String, i64)>> = build("A B 4\nA C 2\nB C 5")?;
    rt::print::print(
        &[
            &({
                let mut v1: Vec<String> = g.keys_vec().into_iter().collect();
                v1.sort();
                v1
            }),
            &({
                let mut v2: Vec<(String, i64)> = g.getitem("A")?.clone().into_iter().collect();
                v2.sort();
                v2
            }),
            &costs(g.clone())?,
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &words("The cat, the hat; THE bat!"),
            &fields("a=1; b=x=y; c")?,
        ],
        " ",
        "\n",
    );
    let evens: rt::dict::Set<i64> = ({
        let mut out3: Vec<i64> = Vec::new();
        for n in (0..12).step_by(2) {
            out3.push(n);
        }
        out3
    })
    .into_iter()
    .collect::<rt::dict::Set<i64>>();
    let threes: rt::dict::Set<i64> = (0..12).step_by(3).collect::<rt::dict::Set<i64>>();
    rt::print::print(
        &[
            &({
                let mut v4: Vec<i64> = evens.union(&threes).to_vec().into_iter().collect();
                v4.sort();
                v4
            }),
            &({
                let mut v5: Vec<i64> = evens.intersection(&threes).to_vec().into_iter().collect();
                v5.sort();
                v5
            }),
            &({
                let mut v6: Vec<i64> = evens.difference(&threes).to_vec().into_iter().collect();
                v6.sort();
                v6
            }),
            &({
                let mut v7: Vec<i64> = evens
                    .symmetric_difference(&threes)
                    .to_vec()
                    .into_iter()
                    .collect();
                v7.sort();
                v7
            }),
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &evens.contains(&6),
            &!evens.contains(&7),
            &vec![0, 6]
                .into_iter()
                .collect::<rt::dict::Set<i64>>()
                .is_subset(&evens),
            &evens.is_superset(&vec![2, 4].into_iter().collect::<rt::dict::Set<i64>>()),
            &(threes.len() as i64),
        ],
        " ",
        "\n",
    );
    let mut items: Vec<i64> = vec![5, 3, 8, 1];
    rt::list::list_remove(&mut items, &8)?;
    rt::list::list_del(&mut items, 0)?;
    items.extend(rt::list::list_repeat(&vec![9, 2], 2).into_iter());
    rt::list::list_del_slice(&mut items, Some(-2), None, None)?;
    rt::list::list_sort(&mut items, true);
    rt::print::print(
        &[
            &items,
            &({
                let mut v9: Vec<(String, String)> = Vec::new();
                for x8 in
                    vec!["pear".to_string(), "Fig".to_string(), "apple".to_string()].into_iter()
                {
                    v9.push((rt::pystr::str_lower(&x8), x8));
                }
                v9.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
                v9.into_iter().map(|p| p.1).collect::<Vec<String>>()
            }),
            &({
                let mut v11: Option<(i64, String)> = None;
                for x10 in vec!["a".to_string(), "ccc".to_string(), "bb".to_string()].into_iter() {
                    let k12 = x10.chars().count() as i64;
                    if v11.as_ref().map_or(true, |c| k12 > c.0) {
                        v11 = Some((k12, x10));
                    }
                }
                v11.expect("max() arg is an empty sequence").1
            }),
        ],
        " ",
        "\n",
    );
    let mut d: rt::dict::Dict<String, f64> = {
        let mut dict13 = <rt::dict::Dict<String, f64>>::new();
        dict13.insert("x".to_string(), 1.5);
        dict13.insert("y".to_string(), 2.0);
        dict13
    };
    d.update({
        let mut dict14 = <rt::dict::Dict<String, f64>>::new();
        dict14.insert("z".to_string(), 0.5);
        dict14
    });
    rt::print::print(
        &[
            &d.keys_vec().into_iter().collect::<Vec<String>>(),
            &d.values_vec().into_iter().collect::<Vec<f64>>(),
            &rt::list::sorted(d.items_vec().into_iter(), false),
            &d.pop("x")?,
            &d.remove("q").unwrap_or(-1.0),
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &d.setdefault("y".to_string(), 9.0).clone(),
            &d.setdefault("w".to_string(), 3.25).clone(),
            &d.popitem()?,
            &d,
        ],
        " ",
        "\n",
    );
    d.delitem("y")?;
    rt::print::print(
        &[
            &d,
            &rt::float::float_is_integer(1.5),
            &(3, 4),
            &rt::pystr::str_rsplit("a,b,c", Some(","), 1)?,
            &rt::pystr::str_rpartition("a-b", "-")?,
        ],
        " ",
        "\n",
    );
    Ok(())
}
