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
use portalis_runtime::native::Obj;
use portalis_runtime::repr::{PyRepr, PyStr};

/// Python's class `Circle`.
#[derive(Default)]
pub struct Circle {
    pub r: rt::num::Num,
}

impl Circle {
    /// Python's `Circle(...)`.
    pub fn new(r: rt::num::Num) -> Obj<Circle> {
        let this = Obj::new(Circle::default());
        Circle::init(&this, r);
        this
    }

    pub fn init(self_: &Obj<Circle>, r: rt::num::Num) {
        let value1: rt::num::Num = r;
        self_.borrow_mut().r = value1;
    }

    pub fn area(self_: &Obj<Circle>) -> PyResult<rt::num::Num> {
        Ok(rt::num::mul(
            rt::num::mul(self_.borrow().r, self_.borrow().r)?,
            rt::num::Num::Int(3),
        )?)
    }

    pub fn grow(self_: &Obj<Circle>, k: i64) -> PyResult<()> {
        let value2: rt::num::Num = rt::num::add(
            {
                let field1 = self_.borrow().r;
                field1
            },
            rt::num::Num::Int(k),
        )?;
        self_.borrow_mut().r = value2;
        Ok(())
    }
}

impl rt::native::ObjText for Circle {
    fn obj_repr(this: &Obj<Circle>) -> String {
        String::from("<__main__.Circle object>")
    }
}

pub fn show(x: rt::num::Num) -> PyResult<rt::num::Num> {
    rt::print::print(
        &[
            &x,
            &format!("{}", rt::fmt::py_format(&x, ".2f")?),
            &format!("{}", x.py_str()),
            &rt::num::round_n(x, 1)?,
            &rt::num::abs(rt::num::neg(x)?)?,
            &x.py_str(),
        ],
        " ",
        "\n",
    );
    Ok(rt::num::mul(x, rt::num::Num::Int(2))?)
}

pub fn main() -> PyResult<()> {
    rt::print::print(
        &[
            &show(rt::num::Num::Int(1))?,
            &show(rt::num::Num::Float(2.5))?,
        ],
        " ",
        "\n",
    );
    let c: Obj<Circle> = Circle::new(rt::num::Num::Int(1));
    let d: Obj<Circle> = Circle::new(rt::num::Num::Float(0.5));
    rt::print::print(
        &[
            &({
                let field1 = c.borrow().r;
                field1
            }),
            &({
                let field2 = d.borrow().r;
                field2
            }),
            &Circle::area(&c)?,
            &Circle::area(&d)?,
            &rt::num::round_n(Circle::area(&c)?, 3)?,
            &rt::num::round_n(Circle::area(&d)?, 3)?,
        ],
        " ",
        "\n",
    );
    Circle::grow(&c, 2)?;
    rt::print::print(
        &[
            &({
                let field3 = c.borrow().r;
                field3
            }),
            &(({
                let field4 = c.borrow().r;
                field4
            }) > ({
                let field5 = d.borrow().r;
                field5
            })),
            &(({
                let field7 = c.borrow().r;
                field7
            }) == rt::num::Num::Int(3)),
            &(({
                let field8 = d.borrow().r;
                field8
            }) < rt::num::Num::Int(1)),
            &rt::num::div(
                {
                    let field9 = c.borrow().r;
                    field9
                },
                rt::num::Num::Int(2),
            )?,
            &rt::num::floor_div(
                {
                    let field10 = c.borrow().r;
                    field10
                },
                rt::num::Num::Int(2),
            )?,
            &rt::num::modulo(
                {
                    let field11 = c.borrow().r;
                    field11
                },
                rt::num::Num::Int(2),
            )?,
            &rt::num::neg({
                let field12 = c.borrow().r;
                field12
            })?,
        ],
        " ",
        "\n",
    );
    let vals: Vec<rt::num::Num> = vec![
        rt::num::Num::Int(1),
        rt::num::Num::Float(2.5),
        rt::num::Num::Int(3),
    ];
    rt::print::print(
        &[
            &vals,
            &rt::num::sum(vals.iter().copied())?,
            &rt::builtins::max(vals.iter().copied())?,
            &rt::builtins::min(vals.iter().copied())?,
            &rt::list::sorted(vals.iter().copied(), false),
        ],
        " ",
        "\n",
    );
    let mut total: rt::num::Num = rt::num::Num::Int(0);
    for v in vals.iter().copied() {
        total = rt::num::add(total, v)?;
    }
    rt::print::print(
        &[
            &total,
            &total.to_i64()?,
            &({
                let field13 = c.borrow().r;
                field13
            })
            .to_f64(),
            &rt::num::max2(
                {
                    let field14 = c.borrow().r;
                    field14
                },
                {
                    let field15 = d.borrow().r;
                    field15
                },
            ),
        ],
        " ",
        "\n",
    );
    Ok(())
}
