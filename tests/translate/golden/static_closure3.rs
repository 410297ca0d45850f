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

pub fn make_counter(start: i64, step: i64) -> rt::fnvalue::Fn0<i64> {
    // `nonlocal` variables: a variable a nested def rebinds is one Rc<Cell<T>>
    // shared by the enclosing function and its nested defs, also after a nested
    // def escapes as a function value.
    let count = std::rc::Rc::new(std::cell::Cell::new(start));
    {
        let cap1 = std::rc::Rc::clone(&count);
        let cap2 = step;
        rt::fnvalue::fn0(move || Ok(make_counter_next_value(&cap1, cap2)))
    }
}

pub fn make_counter_next_value(count: &std::cell::Cell<i64>, step: i64) -> i64 {
    let value: i64 = count.get();
    count.set(count.get() + step);
    value
}

pub fn running_mean(xs: &[f64]) -> PyResult<f64> {
    let total = std::rc::Rc::new(std::cell::Cell::new(0.0));
    let seen = std::rc::Rc::new(std::cell::Cell::new(0));
    for x in xs.iter().copied() {
        running_mean_add(x, &total, &seen);
    }
    rt::print::print(
        &[
            &seen.get(),
            &total.get(),
            &running_mean_mean(&total, &seen)?,
        ],
        " ",
        "\n",
    );
    Ok(running_mean_mean(&total, &seen)?)
}

pub fn running_mean_add(x: f64, total: &std::cell::Cell<f64>, seen: &std::cell::Cell<i64>) {
    total.set(total.get() + x);
    seen.set(seen.get() + 1);
}

pub fn running_mean_mean(
    total: &std::cell::Cell<f64>,
    seen: &std::cell::Cell<i64>,
) -> PyResult<f64> {
    Ok(rt::float::float_div(total.get(), seen.get() as f64)?)
}

pub fn make_account(balance: i64) -> rt::fnvalue::Fn0<i64> {
    let balance = std::rc::Rc::new(std::cell::Cell::new(balance));
    make_account_deposit(5, &balance);
    make_account_deposit(20, &balance);
    {
        let cap1 = std::rc::Rc::clone(&balance);
        rt::fnvalue::fn0(move || Ok(make_account_peek(&cap1)))
    }
}

pub fn make_account_deposit(amount: i64, balance: &std::cell::Cell<i64>) -> i64 {
    balance.set(balance.get() + amount);
    balance.get()
}

pub fn make_account_peek(balance: &std::cell::Cell<i64>) -> i64 {
    balance.get()
}

pub fn main_() -> PyResult<()> {
    let c1: rt::fnvalue::Fn0<i64> = make_counter(0, 1);
    let c2: rt::fnvalue::Fn0<i64> = make_counter(10, 5);
    rt::print::print(
        &[
            &({
                let mut out1: Vec<i64> = Vec::new();
                for _x in 0..4 {
                    out1.push(c1()?);
                }
                out1
            }),
            &({
                let mut out2: Vec<i64> = Vec::new();
                for _x in 0..4 {
                    out2.push(c2()?);
                }
                out2
            }),
            &c1()?,
        ],
        " ",
        "\n",
    );
    rt::print::print(&[&running_mean(&vec![1.0, 2.5, 4.0])?], " ", "\n");
    let peek: rt::fnvalue::Fn0<i64> = make_account(50);
    rt::print::print(&[&peek()?, &(peek()? + 1)], " ", "\n");
    Ok(())
}

pub fn main() -> PyResult<()> {
    main_()?;
    Ok(())
}
