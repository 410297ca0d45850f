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

/// Python's class `Item`.
#[derive(Default)]
pub struct Item {
    pub name: String,
    pub price: rt::num::Num,
    pub qty: i64,
}

impl Item {
    /// Python's `Item(...)` (the dataclass's generated `__init__`).
    pub fn new(f_name: String, f_price: rt::num::Num, f_qty: i64) -> Obj<Item> {
        let this = Obj::new(Item::default());
        this.borrow_mut().name = f_name;
        this.borrow_mut().price = f_price;
        this.borrow_mut().qty = f_qty;
        this
    }

    pub fn total(self_: &Obj<Item>) -> PyResult<rt::num::Num> {
        Ok(rt::num::mul(
            self_.borrow().price,
            rt::num::Num::Int(self_.borrow().qty),
        )?)
    }
}

impl rt::native::ObjText for Item {
    fn obj_repr(this: &Obj<Item>) -> String {
        {
            let o = this.borrow();
            format!(
                "Item(name={}, price={}, qty={})",
                o.name.py_repr(),
                o.price.py_repr(),
                o.qty.py_repr()
            )
        }
    }

    fn obj_eq(a: &Obj<Item>, b: &Obj<Item>) -> bool {
        Obj::is(a, b)
            || ({
                let x = a.borrow();
                let y = b.borrow();
                x.name == y.name && x.price == y.price && x.qty == y.qty
            })
    }
}

impl rt::native::Native for Item {
    fn class() -> std::rc::Rc<rt::value::Class> {
        rt::dynamic::class_cached("Item", || {
            let c = rt::value::Class::new("Item", None);
            c.def_method("__repr__", |a: &[rt::value::Value]| {
                let this: Obj<Item> = rt::value::FromValue::from_value(&rt::dynamic::arg_or(
                    a,
                    0,
                    rt::value::Value::None,
                ))?;
                Ok(rt::value::Value::from(rt::native::ObjText::obj_repr(&this)))
            });
            c
        })
    }
}

/// Python's class `Cart`.
#[derive(Default)]
pub struct Cart {
    pub owner: String,
    pub items: Vec<Obj<Item>>,
    pub tags: rt::dict::Dict<String, i64>,
    pub discount: f64,
}

impl Cart {
    /// Python's `Cart(...)` (the dataclass's generated `__init__`).
    pub fn new(
        f_owner: String,
        f_items: Vec<Obj<Item>>,
        f_tags: rt::dict::Dict<String, i64>,
        f_discount: f64,
    ) -> Obj<Cart> {
        let this = Obj::new(Cart::default());
        this.borrow_mut().owner = f_owner;
        this.borrow_mut().items = f_items;
        this.borrow_mut().tags = f_tags;
        this.borrow_mut().discount = f_discount;
        this
    }

    pub fn add(self_: &Obj<Cart>, item: Obj<Item>) {
        {
            let arg1 = item.clone();
            let ret2 = self_.borrow_mut().items.push(arg1.clone());
            ret2
        };
        let val4: i64 = {
            let field3 = item.borrow().qty;
            field3
        };
        let key5: String = {
            let field6 = item.borrow().name.clone();
            field6
        };
        self_.borrow_mut().tags.insert(key5, val4);
    }

    pub fn total(self_: &Obj<Cart>) -> PyResult<f64> {
        Ok(rt::num::sum(
            ({
                let mut out1: Vec<rt::num::Num> = Vec::new();
                for i in ({
                    let field2 = self_.borrow().items.clone();
                    field2
                })
                .into_iter()
                {
                    out1.push(Item::total(&i)?);
                }
                out1
            })
            .into_iter(),
        )?
        .to_f64()
            * (1 as f64
                - ({
                    let field3 = self_.borrow().discount;
                    field3
                })))
    }
}

impl rt::native::ObjText for Cart {
    fn obj_repr(this: &Obj<Cart>) -> String {
        {
            let o = this.borrow();
            format!(
                "Cart(owner={}, items={}, tags={}, discount={})",
                o.owner.py_repr(),
                o.items.py_repr(),
                o.tags.py_repr(),
                o.discount.py_repr()
            )
        }
    }

    fn obj_eq(a: &Obj<Cart>, b: &Obj<Cart>) -> bool {
        Obj::is(a, b)
            || ({
                let x = a.borrow();
                let y = b.borrow();
                x.owner == y.owner
                    && x.items == y.items
                    && x.tags == y.tags
                    && x.discount == y.discount
            })
    }
}

impl rt::native::Native for Cart {
    fn class() -> std::rc::Rc<rt::value::Class> {
        rt::dynamic::class_cached("Cart", || {
            let c = rt::value::Class::new("Cart", None);
            c.def_method("__repr__", |a: &[rt::value::Value]| {
                let this: Obj<Cart> = rt::value::FromValue::from_value(&rt::dynamic::arg_or(
                    a,
                    0,
                    rt::value::Value::None,
                ))?;
                Ok(rt::value::Value::from(rt::native::ObjText::obj_repr(&this)))
            });
            c
        })
    }
}

/// Python's class `Key`.
#[derive(Default)]
pub struct Key {
    pub a: i64,
    pub b: String,
}

impl Key {
    /// Python's `Key(...)` (the dataclass's generated `__init__`).
    pub fn new(f_a: i64, f_b: String) -> Obj<Key> {
        let this = Obj::new(Key::default());
        this.borrow_mut().a = f_a;
        this.borrow_mut().b = f_b;
        this
    }
}

impl rt::native::ObjText for Key {
    fn obj_repr(this: &Obj<Key>) -> String {
        {
            let o = this.borrow();
            format!("Key(a={}, b={})", o.a.py_repr(), o.b.py_repr())
        }
    }

    fn obj_eq(a: &Obj<Key>, b: &Obj<Key>) -> bool {
        Obj::is(a, b)
            || ({
                let x = a.borrow();
                let y = b.borrow();
                x.a == y.a && x.b == y.b
            })
    }

    fn obj_hash(this: &Obj<Key>) -> u64 {
        rt::native::hash_fields(|h| {
            let o = this.borrow();
            std::hash::Hash::hash(&o.a, h);
            std::hash::Hash::hash(&o.b, h);
        })
    }
}

impl rt::native::Native for Key {
    fn class() -> std::rc::Rc<rt::value::Class> {
        rt::dynamic::class_cached("Key", || {
            let c = rt::value::Class::new("Key", None);
            c.def_method("__repr__", |a: &[rt::value::Value]| {
                let this: Obj<Key> = rt::value::FromValue::from_value(&rt::dynamic::arg_or(
                    a,
                    0,
                    rt::value::Value::None,
                ))?;
                Ok(rt::value::Value::from(rt::native::ObjText::obj_repr(&this)))
            });
            c
        })
    }
}

/// Python's class `Board`.
#[derive(Default)]
pub struct Board {
    pub cells: Vec<i64>,
}

impl Board {
    /// Python's `Board(...)`.
    pub fn new() -> Obj<Board> {
        let this = Obj::new(Board::default());
        Board::init(&this);
        this
    }

    pub fn init(self_: &Obj<Board>) {
        let value1: Vec<i64> = vec![0, 0, 0];
        self_.borrow_mut().cells = value1;
    }

    pub fn put(self_: &Obj<Board>, i: i64, v: i64) -> PyResult<()> {
        let val1: i64 = v;
        let key2: i64 = i;
        let i3 = rt::slice::check_index(
            key2,
            self_.borrow().cells.len(),
            "list assignment index out of range",
        )?;
        self_.borrow_mut().cells[i3] = val1;
        Ok(())
    }
}

impl rt::native::ObjText for Board {
    fn obj_repr(this: &Obj<Board>) -> String {
        String::from("<__main__.Board object>")
    }
}

pub fn main() -> PyResult<()> {
    let it: Obj<Item> = Item::new("pen".to_string(), rt::num::Num::Int(2), 3);
    let book: Obj<Item> = {
        let arg1: rt::num::Num = rt::num::Num::Float(12.5);
        let arg2: String = "book".to_string();
        Item::new(arg2, arg1, 1)
    };
    rt::print::print(
        &[&it, &book, &Item::total(&it)?, &Item::total(&book)?],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &(&it == &Item::new("pen".to_string(), rt::num::Num::Int(2), 3)),
            &(&it == &book),
            &(&it != &book),
        ],
        " ",
        "\n",
    );
    let cart: Obj<Cart> = Cart::new("ann".to_string(), Vec::new(), Default::default(), 0.0);
    Cart::add(&cart, it.clone());
    Cart::add(&cart, book.clone());
    rt::print::print(&[&cart], " ", "\n");
    rt::print::print(
        &[
            &Cart::total(&cart)?,
            &Cart::total(&Cart::new(
                "bob".to_string(),
                Vec::new(),
                Default::default(),
                0.5,
            ))?,
        ],
        " ",
        "\n",
    );
    let other: Obj<Cart> = Cart::new("cy".to_string(), Vec::new(), Default::default(), 0.0);
    rt::print::print(
        &[
            &Obj::is(&other, &cart),
            &Obj::is(&cart, &cart),
            &(&other == &Cart::new("cy".to_string(), Vec::new(), Default::default(), 0.0)),
        ],
        " ",
        "\n",
    );
    let seen: rt::dict::Dict<Obj<Key>, String> = {
        let mut dict9 = <rt::dict::Dict<Obj<Key>, String>>::new();
        dict9.insert(Key::new(1, "x".to_string()), "one".to_string());
        dict9.insert(Key::new(2, "y".to_string()), "two".to_string());
        dict9
    };
    rt::print::print(
        &[
            &seen.getitem(&Key::new(1, "x".to_string()))?.clone(),
            &seen.getitem(&Key::new(2, "y".to_string()))?.clone(),
            &(&Key::new(1, "x".to_string()) == &Key::new(1, "x".to_string())),
            &Key::new(3, "x".to_string()),
        ],
        " ",
        "\n",
    );
    let k: Obj<Key> = Key::new(5, "x".to_string());
    let attempt10: PyResult<()> = (|| {
        rt::native::frozen_assign("a")?;
        Ok(())
    })();
    let outcome13: PyResult<()> = match attempt10 {
        Ok(()) => Ok(()),
        Err(raised11) if raised11.is_instance_of("AttributeError") => {
            let caught12 = raised11;
            (|| {
                let exc = caught12.clone();
                rt::print::print(&[&"frozen:", &exc.class_name().to_string(), &k], " ", "\n");
                Ok(())
            })()
        }
        Err(raised11) => Err(raised11),
    };
    outcome13?;
    let bd: Obj<Board> = Board::new();
    Board::put(&bd, 1, 7)?;
    Board::put(&bd, -1, 9)?;
    rt::print::print(
        &[&({
            let field14 = bd.borrow().cells.clone();
            field14
        })],
        " ",
        "\n",
    );
    Ok(())
}
