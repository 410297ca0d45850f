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

// Keyword, default and starred arguments in the dynamic mode.

use portalis_runtime as rt;
use portalis_runtime::exc::{PyException, PyResult};
use portalis_runtime::repr::{PyRepr, PyStr};
use portalis_runtime::value::{Class, Value};
use portalis_runtime::value::{FromValue, ToValue};
use std::rc::Rc;

pub fn tag(name: Value, items: Value, sep: Value, attrs: Value) -> PyResult<Value> {
    let mut text: Value = Value::None;
    let mut k: Value = Value::None;
    text = name.add(&Value::str(": "))?.add(&rt::dynamic::method(
        &sep.clone(),
        "join",
        &[items.clone()],
        &[],
    )?)?;
    for item1 in rt::gen::each(&rt::dynamic::builtin("sorted", &[attrs.clone()], &[])?)? {
        k = item1?;
        text = rt::dynamic::iadd(
            &text.clone(),
            &Value::from(format!(
                " {}={}",
                k.clone().py_str(),
                attrs.clone().getitem(&k.clone())?.py_str()
            )),
        )?;
    }
    return Ok(text.clone());
    Ok(Value::None)
}

pub fn collect(item: Value, bucket: Value) -> PyResult<Value> {
    // the default list is made once and shared by every call
    rt::dynamic::method(&bucket.clone(), "append", &[item.clone()], &[])?;
    return Ok(bucket.clone());
    Ok(Value::None)
}

pub fn twice(r#fn: Value) -> PyResult<Value> {
    let mut wrapper: Value = Value::None;
    wrapper = {
        let r#fn = r#fn.clone();
        Value::func_kw("wrapper", move |args__, kw| {
            let mut bound1 = rt::args::bind("wrapper(*args, **kwargs)", args__, kw)?;
            let args: Value = rt::args::take(&mut bound1, 0);
            let kwargs: Value = rt::args::take(&mut bound1, 1);
            return Ok(Value::list(vec![
                r#fn.clone().call_kw(
                    &rt::dynamic::spread(vec![(true, args.clone())])?,
                    &rt::args::kw_refs(&rt::args::kw_spread(vec![("**", kwargs.clone())])?),
                )?,
                r#fn.clone().call_kw(
                    &rt::dynamic::spread(vec![(true, args.clone())])?,
                    &rt::args::kw_refs(&rt::args::kw_spread(vec![("**", kwargs.clone())])?),
                )?,
            ]));
            Ok(Value::None)
        })
    };
    return Ok(wrapper.clone());
    Ok(Value::None)
}

pub fn main() -> PyResult<()> {
    let mut opts: Value = Value::None;
    rt::print::print(
        &[
            &tag(
                Value::str("a"),
                Value::tuple(vec![]),
                Value::str(", "),
                rt::args::kwargs_dict(vec![]),
            )?,
            &tag(
                Value::str("b"),
                Value::tuple(vec![Value::str("x"), Value::str("y")]),
                Value::str("|"),
                rt::args::kwargs_dict(vec![("color", Value::str("red"))]),
            )?,
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &collect(
                Value::int(1),
                rt::args::default_once("collect.bucket", || Ok(Value::list(vec![])))?,
            )?,
            &collect(
                Value::int(2),
                rt::args::default_once("collect.bucket", || Ok(Value::list(vec![])))?,
            )?,
        ],
        " ",
        "\n",
    );
    opts = rt::dynamic::dict_from(vec![
        (Value::str("sep"), Value::str("/")),
        (Value::str("size"), Value::int(3)),
    ])?;
    rt::print::print(
        &[&({
            let mut bound1 = rt::args::bind(
                "tag(name, *items, sep=, **attrs)",
                &rt::dynamic::spread(vec![
                    (false, Value::str("c")),
                    (true, Value::list(vec![Value::str("p"), Value::str("q")])),
                ])?,
                &rt::args::kw_refs(&rt::args::kw_spread(vec![("**", opts.clone())])?),
            )?;
            tag(
                rt::args::take(&mut bound1, 0),
                rt::args::take(&mut bound1, 1),
                rt::args::take_or(&mut bound1, 2, Value::str(", ")),
                rt::args::take(&mut bound1, 3),
            )?
        })],
        " ",
        "\n",
    );
    rt::print::print(
        &[&twice(Value::func_kw("tag", |a, kw| {
            let mut bound = rt::args::bind("tag(name, *items, sep=, **attrs)", a, kw)?;
            tag(
                rt::args::take(&mut bound, 0),
                rt::args::take(&mut bound, 1),
                rt::args::take_or(&mut bound, 2, Value::str(", ")),
                rt::args::take(&mut bound, 3),
            )
        }))?
        .call_kw(
            &[Value::str("d"), Value::str("z")],
            &[("big", Value::from(true))],
        )?],
        " ",
        "\n",
    );
    rt::args::print_values(
        &rt::dynamic::spread(vec![
            (true, Value::list(vec![Value::int(1), Value::int(2)])),
            (true, Value::tuple(vec![Value::int(3)])),
        ])?,
        "-",
        "!\n",
    );
    Ok(())
}
