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

// Static classes: structs with typed fields and impl blocks; instances are
// shared (Rc<RefCell<..>>), so aliases see every change.

use portalis_runtime as rt;
use portalis_runtime::exc::{PyException, PyResult};
use portalis_runtime::native::Obj;
use portalis_runtime::repr::{PyRepr, PyStr};

/// Counts named events.
#[derive(Default)]
pub struct Counter {
    pub name: String,
    pub count: i64,
    pub history: Vec<i64>,
}

impl Counter {
    /// Python's `Counter(...)`.
    pub fn new(name: &str, start: i64) -> Obj<Counter> {
        let this = Obj::new(Counter::default());
        Counter::init(&this, name, start);
        this
    }

    pub fn init(self_: &Obj<Counter>, name: &str, start: i64) {
        let value1: String = name.to_string();
        self_.borrow_mut().name = value1;
        let value2: i64 = start;
        self_.borrow_mut().count = value2;
        let value3: Vec<i64> = <Vec<i64>>::new();
        self_.borrow_mut().history = value3;
    }

    pub fn bump(self_: &Obj<Counter>, by: i64) -> i64 {
        let value2: i64 = ({
            let field1 = self_.borrow().count;
            field1
        }) + by;
        self_.borrow_mut().count = value2;
        {
            let arg4 = {
                let field3 = self_.borrow().count;
                field3
            };
            let ret5 = self_.borrow_mut().history.push(arg4);
            ret5
        };
        self_.borrow().count
    }

    pub fn total(self_: &Obj<Counter>) -> i64 {
        self_.borrow().history.iter().copied().sum::<i64>()
    }

    pub fn label(self_: &Obj<Counter>) -> String {
        format!("{}={}", self_.borrow().name, self_.borrow().count)
    }
}

impl rt::native::ObjText for Counter {
    fn obj_repr(this: &Obj<Counter>) -> String {
        String::from("<__main__.Counter object>")
    }
}

/// Python's class `Team`.
#[derive(Default)]
pub struct Team {
    pub title: String,
    pub members: Vec<Obj<Counter>>,
}

impl Team {
    /// Python's `Team(...)`.
    pub fn new(title: &str) -> Obj<Team> {
        let this = Obj::new(Team::default());
        Team::init(&this, title);
        this
    }

    pub fn init(self_: &Obj<Team>, title: &str) {
        let value1: String = title.to_string();
        self_.borrow_mut().title = value1;
        let value2: Vec<Obj<Counter>> = <Vec<Obj<Counter>>>::new();
        self_.borrow_mut().members = value2;
    }

    pub fn add(self_: &Obj<Team>, c: Obj<Counter>) {
        {
            let arg1 = c.clone();
            let ret2 = self_.borrow_mut().members.push(arg1.clone());
            ret2
        };
    }

    pub fn best(self_: &Obj<Team>) -> Obj<Counter> {
        let mut top: Obj<Counter> = self_.borrow().members[0].clone();
        for m in self_.borrow().members.iter().cloned() {
            if ({
                let field1 = m.borrow().count;
                field1
            }) > ({
                let field2 = top.borrow().count;
                field2
            }) {
                top = m.clone();
            }
        }
        top
    }
}

impl rt::native::ObjText for Team {
    fn obj_repr(this: &Obj<Team>) -> String {
        String::from("<__main__.Team object>")
    }
}

pub fn main_() {
    let a: Obj<Counter> = Counter::new("a", 0);
    let b: Obj<Counter> = Counter::new("b", 10);
    let alias: Obj<Counter> = a.clone();
    Counter::bump(&alias, 3);
    Counter::bump(&a, 4);
    Counter::bump(&b, 1);
    rt::print::print(
        &[
            &Counter::label(&a),
            &Counter::label(&b),
            &Counter::total(&a),
            &(({
                let field1 = a.borrow().history.clone();
                field1
            })
            .len() as i64),
        ],
        " ",
        "\n",
    );
    let team: Obj<Team> = Team::new("blue");
    Team::add(&team, a.clone());
    Team::add(&team, b.clone());
    Counter::bump(
        &({
            let field2 = team.borrow().members.clone();
            field2
        })[0],
        100,
    );
    rt::print::print(
        &[
            &({
                let field3 = a.borrow().count;
                field3
            }),
            &Counter::label(&Team::best(&team)),
        ],
        " ",
        "\n",
    );
    let value4: String = "renamed".to_string();
    a.borrow_mut().name = value4;
    rt::print::print(
        &[
            &({
                let field6 = ({
                    let field5 = team.borrow().members.clone();
                    field5
                })[0]
                    .borrow()
                    .name
                    .clone();
                field6
            }),
            &({
                let field7 = team.borrow().title.clone();
                field7
            }),
        ],
        " ",
        "\n",
    );
}

pub fn main() -> PyResult<()> {
    main_();
    Ok(())
}
