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
use portalis_runtime::value::{Class, Value};
use portalis_runtime::value::{FromValue, ToValue};
use std::rc::Rc;

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
    let mut g: Value = Value::None;
    let mut evens: Value = Value::None;
    let mut threes: Value = Value::None;
    let mut items: Value = Value::None;
    let mut d: Value = Value::None;
    let mut graph: Value = Value::None;
    g = {
        let val1 = Value::str("A B 4\nA C 2\nB C 5");
        let arg2: String = <String>::from_value(&val1)?;
        let ret3 = build(&arg2)?;
        ret3.to_value()
    };
    rt::print::print(
        &[
            &rt::dynamic::builtin("sorted", &[g.clone()], &[])?,
            &rt::dynamic::builtin("sorted", &[g.clone().getitem(&Value::str("A"))?], &[])?,
            &({
                let val4 = g.clone();
                let arg5: rt::dict::Dict<String, Vec<(String, i64)>> =
                    <rt::dict::Dict<String, Vec<(String, i64)>>>::from_value(&val4)?;
                let ret6 = costs(arg5)?;
                ret6.to_value()
            }),
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &({
                let val7 = Value::str("The cat, the hat; THE bat!");
                let arg8: String = <String>::from_value(&val7)?;
                let ret9 = words(&arg8);
                ret9.to_value()
            }),
            &({
                let val10 = Value::str("a=1; b=x=y; c");
                let arg11: String = <String>::from_value(&val10)?;
                let ret12 = fields(&arg11)?;
                ret12.to_value()
            }),
        ],
        " ",
        "\n",
    );
    evens = {
        let mut out13 = Vec::new();
        for item14 in rt::dynamic::builtin(
            "range",
            &[Value::int(0), Value::int(12), Value::int(2)],
            &[],
        )?
        .iter()?
        {
            let n_15 = item14;
            out13.push(n_15.clone());
        }
        rt::dynamic::set_from(out13)?
    };
    threes = rt::dynamic::builtin(
        "set",
        &[rt::dynamic::builtin(
            "range",
            &[Value::int(0), Value::int(12), Value::int(3)],
            &[],
        )?],
        &[],
    )?;
    rt::print::print(
        &[
            &rt::dynamic::builtin("sorted", &[evens.bitor(&threes)?], &[])?,
            &rt::dynamic::builtin("sorted", &[evens.bitand(&threes)?], &[])?,
            &rt::dynamic::builtin("sorted", &[evens.sub(&threes)?], &[])?,
            &rt::dynamic::builtin("sorted", &[evens.bitxor(&threes)?], &[])?,
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &Value::from(evens.contains(&Value::int(6))?),
            &Value::from(!evens.contains(&Value::int(7))?),
            &Value::from(rt::dynamic::set_from(vec![Value::int(0), Value::int(6)])?.le(&evens)?),
            &rt::dynamic::method(
                &evens.clone(),
                "issuperset",
                &[rt::dynamic::set_from(vec![Value::int(2), Value::int(4)])?],
                &[],
            )?,
            &rt::dynamic::builtin("len", &[threes.clone()], &[])?,
        ],
        " ",
        "\n",
    );
    items = Value::list(vec![
        Value::int(5),
        Value::int(3),
        Value::int(8),
        Value::int(1),
    ]);
    rt::dynamic::method(&items.clone(), "remove", &[Value::int(8)], &[])?;
    items.clone().delitem(&Value::int(0))?;
    rt::dynamic::method(
        &items.clone(),
        "extend",
        &[Value::list(vec![Value::int(9), Value::int(2)]).mul(&Value::int(2))?],
        &[],
    )?;
    rt::dynamic::delslice(
        &items.clone(),
        rt::dynamic::opt_i64(&Value::int(-2))?,
        None,
        None,
    )?;
    rt::dynamic::method(
        &items.clone(),
        "sort",
        &[],
        &[("reverse", Value::from(true))],
    )?;
    rt::print::print(
        &[
            &items.clone(),
            &rt::dynamic::builtin(
                "sorted",
                &[Value::list(vec![
                    Value::str("pear"),
                    Value::str("Fig"),
                    Value::str("apple"),
                ])],
                &[(
                    "key",
                    Value::func("str.lower", |a: &[Value]| {
                        rt::dynamic::method(
                            &rt::dynamic::arg_or(a, 0, Value::None),
                            "lower",
                            &a[1..],
                            &[],
                        )
                    }),
                )],
            )?,
            &rt::dynamic::builtin(
                "max",
                &[Value::list(vec![
                    Value::str("a"),
                    Value::str("ccc"),
                    Value::str("bb"),
                ])],
                &[(
                    "key",
                    Value::func("len", |a: &[Value]| rt::dynamic::builtin("len", a, &[])),
                )],
            )?,
        ],
        " ",
        "\n",
    );
    d = rt::dynamic::dict_from(vec![
        (Value::str("x"), Value::from(1.5)),
        (Value::str("y"), Value::from(2.0)),
    ])?;
    rt::dynamic::method(
        &d.clone(),
        "update",
        &[rt::dynamic::dict_from(vec![(
            Value::str("z"),
            Value::from(0.5),
        )])?],
        &[],
    )?;
    rt::print::print(
        &[
            &rt::dynamic::builtin(
                "list",
                &[rt::dynamic::method(&d.clone(), "keys", &[], &[])?],
                &[],
            )?,
            &rt::dynamic::builtin(
                "list",
                &[rt::dynamic::method(&d.clone(), "values", &[], &[])?],
                &[],
            )?,
            &rt::dynamic::builtin(
                "sorted",
                &[rt::dynamic::method(&d.clone(), "items", &[], &[])?],
                &[],
            )?,
            &rt::dynamic::method(&d.clone(), "pop", &[Value::str("x")], &[])?,
            &rt::dynamic::method(
                &d.clone(),
                "pop",
                &[Value::str("q"), Value::from(1.0).neg()?],
                &[],
            )?,
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &rt::dynamic::method(
                &d.clone(),
                "setdefault",
                &[Value::str("y"), Value::from(9.0)],
                &[],
            )?,
            &rt::dynamic::method(
                &d.clone(),
                "setdefault",
                &[Value::str("w"), Value::from(3.25)],
                &[],
            )?,
            &rt::dynamic::method(&d.clone(), "popitem", &[], &[])?,
            &d.clone(),
        ],
        " ",
        "\n",
    );
    d.clone().delitem(&Value::str("y"))?;
    rt::print::print(
        &[
            &d.clone(),
            &rt::dynamic::method(&Value::from(1.5), "is_integer", &[], &[])?,
            &rt::dynamic::method(&Value::from(0.75), "as_integer_ratio", &[], &[])?,
            &rt::dynamic::method(
                &Value::str("a,b,c"),
                "rsplit",
                &[Value::str(","), Value::int(1)],
                &[],
            )?,
            &rt::dynamic::method(&Value::str("a-b"), "rpartition", &[Value::str("-")], &[])?,
        ],
        " ",
        "\n",
    );
    Ok(())
}
