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

// Single inheritance of static classes: overriding, super(), class tests.

use portalis_runtime as rt;
use portalis_runtime::exc::{PyException, PyResult};
use portalis_runtime::native::Obj;
use portalis_runtime::repr::{PyRepr, PyStr};

/// Python's classes `Animal`, `Dog`, `Puppy`, `Bird` (one hierarchy): the fields of them all; class_id says which class an instance is.
#[derive(Default)]
pub struct Animal {
    pub class_id: u32,
    pub name: String,
    pub legs: i64,
    pub sounds: Vec<String>,
    pub tricks: i64,
    pub span: f64,
}

impl Animal {
    pub const ANIMAL: u32 = 0;

    pub const DOG: u32 = 1;

    pub const PUPPY: u32 = 2;

    pub const BIRD: u32 = 3;

    /// Python's `Animal(...)`.
    pub fn new(name: &str, legs: i64) -> Obj<Animal> {
        let this = Obj::new(Animal::default());
        this.borrow_mut().class_id = Animal::ANIMAL;
        Animal::animal_init(&this, name, legs);
        this
    }

    /// Python's `Dog(...)`.
    pub fn new_dog(name: &str, tricks: i64) -> Obj<Animal> {
        let this = Obj::new(Animal::default());
        this.borrow_mut().class_id = Animal::DOG;
        Animal::dog_init(&this, name, tricks);
        this
    }

    /// Python's `Puppy(...)`.
    pub fn new_puppy(name: &str, tricks: i64) -> Obj<Animal> {
        let this = Obj::new(Animal::default());
        this.borrow_mut().class_id = Animal::PUPPY;
        Animal::dog_init(&this, name, tricks);
        this
    }

    /// Python's `Bird(...)`.
    pub fn new_bird(name: &str, span: f64) -> Obj<Animal> {
        let this = Obj::new(Animal::default());
        this.borrow_mut().class_id = Animal::BIRD;
        Animal::bird_init(&this, name, span);
        this
    }

    pub fn animal_init(self_: &Obj<Animal>, name: &str, legs: i64) {
        let value1: String = name.to_string();
        self_.borrow_mut().name = value1;
        let value2: i64 = legs;
        self_.borrow_mut().legs = value2;
        let value3: Vec<String> = <Vec<String>>::new();
        self_.borrow_mut().sounds = value3;
    }

    pub fn animal_speak(self_: &Obj<Animal>) -> String {
        "...".to_string()
    }

    pub fn animal_describe(self_: &Obj<Animal>) -> String {
        format!(
            "{} ({} legs) says {}",
            {
                let field1 = self_.borrow().name.clone();
                field1
            },
            {
                let field2 = self_.borrow().legs;
                field2
            },
            Animal::speak(self_)
        )
    }

    pub fn animal_weight(self_: &Obj<Animal>) -> i64 {
        self_.borrow().legs * 2
    }

    pub fn animal_dunder_str(self_: &Obj<Animal>) -> String {
        format!("<{}>", self_.borrow().name)
    }

    pub fn dog_init(self_: &Obj<Animal>, name: &str, tricks: i64) {
        Animal::animal_init(self_, name, 4);
        let value1: i64 = tricks;
        self_.borrow_mut().tricks = value1;
    }

    pub fn dog_speak(self_: &Obj<Animal>) -> String {
        "woof".to_string()
    }

    pub fn dog_learn(self_: &Obj<Animal>) {
        let value2: i64 = ({
            let field1 = self_.borrow().tricks;
            field1
        }) + 1;
        self_.borrow_mut().tricks = value2;
        {
            let arg3 = "yip".to_string();
            let ret4 = self_.borrow_mut().sounds.push(arg3.clone());
            ret4
        };
    }

    pub fn puppy_speak(self_: &Obj<Animal>) -> String {
        format!("{}!", Animal::dog_speak(self_))
    }

    pub fn puppy_describe(self_: &Obj<Animal>) -> String {
        format!("tiny {}", Animal::animal_describe(self_))
    }

    pub fn bird_init(self_: &Obj<Animal>, name: &str, span: f64) {
        Animal::animal_init(self_, name, 2);
        let value1: f64 = span;
        self_.borrow_mut().span = value1;
    }

    pub fn bird_speak(self_: &Obj<Animal>) -> String {
        "tweet".to_string()
    }

    pub fn bird_weight(self_: &Obj<Animal>) -> f64 {
        self_.borrow().span * 4 as f64
    }

    pub fn bird_dunder_str(self_: &Obj<Animal>) -> String {
        format!(
            "<bird {} {}>",
            self_.borrow().name,
            self_.borrow().span.py_str()
        )
    }

    /// Python's `obj.describe(...)`: the method of obj's class.
    pub fn describe(self_: &Obj<Animal>) -> String {
        let class = self_.borrow().class_id;
        match class {
            Animal::ANIMAL => Animal::animal_describe(self_),
            Animal::DOG => Animal::animal_describe(self_),
            Animal::PUPPY => Animal::puppy_describe(self_),
            _ => Animal::animal_describe(self_),
        }
    }

    /// Python's `obj.speak(...)`: the method of obj's class.
    pub fn speak(self_: &Obj<Animal>) -> String {
        let class = self_.borrow().class_id;
        match class {
            Animal::ANIMAL => Animal::animal_speak(self_),
            Animal::DOG => Animal::dog_speak(self_),
            Animal::PUPPY => Animal::puppy_speak(self_),
            _ => Animal::bird_speak(self_),
        }
    }

    /// Python's `obj.weight(...)`: the method of obj's class.
    pub fn weight(self_: &Obj<Animal>) -> rt::num::Num {
        let class = self_.borrow().class_id;
        match class {
            Animal::ANIMAL => rt::num::Num::Int(Animal::animal_weight(self_)),
            Animal::DOG => rt::num::Num::Int(Animal::animal_weight(self_)),
            Animal::PUPPY => rt::num::Num::Int(Animal::animal_weight(self_)),
            _ => rt::num::Num::Float(Animal::bird_weight(self_)),
        }
    }
}

impl rt::native::ObjText for Animal {
    fn obj_repr(this: &Obj<Animal>) -> String {
        let class = this.borrow().class_id;
        match class {
            Animal::ANIMAL => String::from("<__main__.Animal object>"),
            Animal::DOG => String::from("<__main__.Dog object>"),
            Animal::PUPPY => String::from("<__main__.Puppy object>"),
            _ => String::from("<__main__.Bird object>"),
        }
    }

    fn obj_str(this: &Obj<Animal>) -> String {
        let class = this.borrow().class_id;
        match class {
            Animal::ANIMAL => Animal::animal_dunder_str(this),
            Animal::DOG => Animal::animal_dunder_str(this),
            Animal::PUPPY => Animal::animal_dunder_str(this),
            _ => Animal::bird_dunder_str(this),
        }
    }
}

pub fn loudest(animals: &[Obj<Animal>]) -> Obj<Animal> {
    {
        let mut v2: Option<(i64, Obj<Animal>)> = None;
        for a in animals.iter().cloned() {
            let k3 = Animal::speak(&a).chars().count() as i64;
            if v2.as_ref().map_or(true, |c| k3 > c.0) {
                v2 = Some((k3, a));
            }
        }
        v2.expect("max() arg is an empty sequence").1
    }
}

pub fn main() -> PyResult<()> {
    let mut a: Obj<Animal> = Default::default();
    let rex: Obj<Animal> = Animal::new_dog("rex", 2);
    Animal::dog_learn(&rex);
    let zoo: Vec<Obj<Animal>> = vec![
        Animal::new("blob", 0),
        rex.clone(),
        Animal::new_puppy("bit", 0),
        Animal::new_bird("tweety", 0.25),
    ];
    for a in zoo.iter().cloned() {
        rt::print::print(&[&Animal::describe(&a)], " ", "\n");
    }
    rt::print::print(
        &[
            &({
                let mut out1: Vec<String> = Vec::new();
                for a in zoo.iter().cloned() {
                    out1.push(a.py_str());
                }
                out1
            }),
            &({
                let field2 = rex.borrow().sounds.clone();
                field2
            }),
            &({
                let field3 = rex.borrow().tricks;
                field3
            }),
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &"dogs:",
            &({
                let mut out4: Vec<i64> = Vec::new();
                for a in zoo.iter().cloned() {
                    if {
                        let class = a.borrow().class_id;
                        class == Animal::DOG || class == Animal::PUPPY
                    } {
                        out4.push(1);
                    }
                }
                out4
            })
            .into_iter()
            .sum::<i64>(),
            &"puppies:",
            &({
                let mut out5: Vec<i64> = Vec::new();
                for a in zoo.iter().cloned() {
                    if {
                        let class = a.borrow().class_id;
                        class == Animal::PUPPY
                    } {
                        out5.push(1);
                    }
                }
                out5
            })
            .into_iter()
            .sum::<i64>(),
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &"loudest:",
            &loudest(&zoo),
            &({
                let field9 = ({
                    let mut v7: Vec<(i64, Obj<Animal>)> = Vec::new();
                    for a in zoo.iter().cloned() {
                        v7.push((
                            {
                                let field8 = a.borrow().legs;
                                field8
                            },
                            a,
                        ));
                    }
                    v7.sort_by(|a, b| a.0.partial_cmp(&b.0).unwrap_or(std::cmp::Ordering::Equal));
                    v7.into_iter().map(|p| p.1).collect::<Vec<Obj<Animal>>>()
                })[0]
                    .borrow()
                    .name
                    .clone();
                field9
            }),
        ],
        " ",
        "\n",
    );
    rt::print::print(&[&true, &false, &"Dog", &"Animal", &"Dog"], " ", "\n");
    rt::print::print(
        &[
            &rt::float::round_f64(
                std::f64::consts::PI
                    * ({
                        let field10 = Animal::new_bird("b", 1.5).borrow().span;
                        field10
                    }),
                3,
            ),
            &({
                let field11 = Animal::new_dog("d", 1).borrow().tricks;
                field11
            }),
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &({
                let mut out12: Vec<rt::num::Num> = Vec::new();
                for a in zoo.iter().cloned() {
                    out12.push(Animal::weight(&a));
                }
                out12
            }),
            &rt::num::round_n(
                rt::builtins::max(
                    ({
                        let mut out13: Vec<rt::num::Num> = Vec::new();
                        for a in zoo.iter().cloned() {
                            out13.push(Animal::weight(&a));
                        }
                        out13
                    })
                    .into_iter(),
                )?,
                1,
            )?,
        ],
        " ",
        "\n",
    );
    Ok(())
}
