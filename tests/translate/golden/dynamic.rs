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

/// Python's class `Counter`.
#[derive(Default)]
pub struct Counter {
    pub count: i64,
}

impl Counter {
    /// Python's `Counter(...)`.
    pub fn new(start: i64) -> Obj<Counter> {
        let this = Obj::new(Counter::default());
        Counter::init(&this, start);
        this
    }

    pub fn init(self_: &Obj<Counter>, start: i64) {
        let value1: i64 = start;
        self_.borrow_mut().count = value1;
    }

    pub fn bump(self_: &Obj<Counter>, by: i64) -> i64 {
        let value2: i64 = ({
            let field1 = self_.borrow().count;
            field1
        }) + by;
        self_.borrow_mut().count = value2;
        self_.borrow().count
    }
}

impl rt::native::ObjText for Counter {
    fn obj_repr(this: &Obj<Counter>) -> String {
        String::from("<__main__.Counter object>")
    }
}

pub fn tally(words: &[String]) -> rt::dict::Dict<String, i64> {
    let mut seen: rt::dict::Dict<String, i64> = <rt::dict::Dict<String, i64>>::new();
    for w in words.iter().cloned() {
        let val1: i64 = seen.get_or(w.as_str(), 0) + 1;
        seen.insert(w.clone(), val1);
    }
    seen
}

pub fn main() -> PyResult<()> {
    let c: Obj<Counter> = Counter::new(10);
    Counter::bump(&c, 1);
    rt::print::print(
        &[
            &Counter::bump(&c, 5),
            &tally(&vec!["a".to_string(), "b".to_string(), "a".to_string()]),
            &({
                let mut v1: Vec<i64> = vec![3, 1, 2]
                    .into_iter()
                    .collect::<rt::dict::Set<i64>>()
                    .to_vec()
                    .into_iter()
                    .collect();
                v1.sort();
                v1
            }),
        ],
        " ",
        "\n",
    );
    let attempt2: PyResult<()> = (|| {
        return Err(rt::dynamic::exception(
            "ValueError",
            &[rt::value::ToValue::to_value("bad")],
        ));
        Ok(())
    })();
    let outcome5: PyResult<()> = match attempt2 {
        Ok(()) => Ok(()),
        Err(raised3) if raised3.is_instance_of("ValueError") => {
            let caught4 = raised3;
            (|| {
                let e = caught4.clone();
                rt::print::print(&[&"caught", &e], " ", "\n");
                Ok(())
            })()
        }
        Err(raised3) => Err(raised3),
    };
    outcome5?;
    Ok(())
}
