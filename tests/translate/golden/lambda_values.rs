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

// Lambdas and closures as static function values, and `global` counters.

use portalis_runtime as rt;
use portalis_runtime::exc::{PyException, PyResult};
use portalis_runtime::repr::{PyRepr, PyStr};
use portalis_runtime::value::{Class, Value};
use portalis_runtime::value::{FromValue, ToValue};
use std::rc::Rc;

pub fn make_multipliers() -> Vec<rt::fnvalue::Fn1<i64, i64>> {
    {
        let mut out1: Vec<rt::fnvalue::Fn1<i64, i64>> = Vec::new();
        for k in 1..4 {
            out1.push({
                let dflt2: i64 = k;
                rt::fnvalue::fn1(move |a3: i64| Ok(a3 * dflt2))
            });
        }
        out1
    }
}

pub fn make_late_multipliers() -> Vec<rt::fnvalue::Fn1<i64, i64>> {
    {
        let k = std::rc::Rc::new(std::cell::Cell::new(0));
        let mut out1: Vec<rt::fnvalue::Fn1<i64, i64>> = Vec::new();
        for item2 in 1..4 {
            k.set(item2);
            out1.push({
                let cap3 = std::rc::Rc::clone(&k);
                rt::fnvalue::fn1(move |a4: i64| Ok(a4 * cap3.get()))
            });
        }
        out1
    }
}

pub fn make_account(balance: i64) -> (rt::fnvalue::Fn1<i64, i64>, rt::fnvalue::Fn0<String>) {
    let balance = std::rc::Rc::new(std::cell::Cell::new(balance));
    // A default binds k when each lambda is made.
    // Without one, every lambda reads the comprehension's last k.
    let mut history: Vec<String> = Vec::new();
    let history = std::rc::Rc::new(std::cell::RefCell::new(history));
    (
        {
            let cap2 = std::rc::Rc::clone(&balance);
            let cap3 = std::rc::Rc::clone(&history);
            rt::fnvalue::fn1(move |a1: i64| {
                Ok(make_account_deposit(a1, &cap2, &mut cap3.borrow_mut()))
            })
        },
        {
            let cap4 = std::rc::Rc::clone(&balance);
            let cap5 = std::rc::Rc::clone(&history);
            rt::fnvalue::fn0(move || Ok(make_account_report(&cap4, &cap5.borrow())))
        },
    )
}

pub fn make_account_deposit(
    amount: i64,
    balance: &std::cell::Cell<i64>,
    history: &mut Vec<String>,
) -> i64 {
    balance.set(balance.get() + amount);
    history.push(format!("+{}", amount));
    balance.get()
}

pub fn make_account_report(balance: &std::cell::Cell<i64>, history: &[String]) -> String {
    format!("{}: {}", balance.get(), history.join(" "))
}

pub fn scaled(factor: f64) -> rt::fnvalue::Fn1<f64, f64> {
    {
        let cap1 = factor;
        rt::fnvalue::fn1(move |a2: f64| Ok(a2 * cap1 + 0.5))
    }
}

pub fn main_() -> PyResult<()> {
    let mut dep: rt::fnvalue::Fn1<i64, i64> =
        rt::fnvalue::fn1(|_a0| unreachable!("function value read before it was assigned"));
    let mut rep: rt::fnvalue::Fn0<String> =
        rt::fnvalue::fn0(|| unreachable!("function value read before it was assigned"));
    rt::print::print(
        &[&({
            let mut out1: Vec<i64> = Vec::new();
            for m in make_multipliers().into_iter() {
                out1.push(m(10)?);
            }
            out1
        })],
        " ",
        "\n",
    );
    rt::print::print(
        &[&({
            let mut out2: Vec<i64> = Vec::new();
            for m in make_late_multipliers().into_iter() {
                out2.push(m(10)?);
            }
            out2
        })],
        " ",
        "\n",
    );
    (dep, rep) = make_account(5);
    dep(10)?;
    dep(20)?;
    rt::print::print(&[&rep()?], " ", "\n");
    let half: rt::fnvalue::Fn1<f64, f64> = scaled(0.5);
    rt::print::print(&[&half(3.0)?], " ", "\n");
    Ok(())
}

pub fn tick() -> PyResult<i64> {
    rt::dynamic::set_global(
        "calls",
        (<i64>::from_value(&rt::dynamic::get_global("calls")?)? + 1).to_value(),
    );
    Ok(<i64>::from_value(&rt::dynamic::get_global("calls")?)?)
}

pub fn main() -> PyResult<()> {
    rt::dynamic::set_global("calls", Value::int(0));
    {
        let ret1 = main_()?;
        ret1.to_value()
    };
    {
        let ret2 = tick()?;
        ret2.to_value()
    };
    rt::print::print(
        &[
            &Value::str("ticks:"),
            &({
                let ret3 = tick()?;
                ret3.to_value()
            }),
        ],
        " ",
        "\n",
    );
    Ok(())
}
