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

pub fn shout(word: &str, times: i64) -> String {
    let mut out: String = String::new();
    for _ in 0..times {
        out += &format!("{}!", word.to_uppercase());
    }
    out
}

pub fn initials(names: &[String]) -> String {
    let letters: Vec<String> = {
        let mut out1: Vec<String> = Vec::new();
        for n in names.iter().cloned() {
            if !n.is_empty() {
                out1.push(
                    n.chars()
                        .nth(0)
                        .expect("string index out of range")
                        .to_string(),
                );
            }
        }
        out1
    };
    letters.join(".")
}

pub fn main() -> PyResult<()> {
    let name: String = "ada".to_string();
    rt::print::print(
        &[
            &shout(name.as_str(), 2),
            &(name.chars().count() as i64),
            &name
                .chars()
                .nth(rt::slice::check_index(
                    -1,
                    name.chars().count(),
                    "string index out of range",
                )?)
                .expect("string index out of range")
                .to_string(),
        ],
        " ",
        "\n",
    );
    rt::print::print(
        &[
            &initials(&vec![
                "grace".to_string(),
                "alan".to_string(),
                String::new(),
            ]),
            &format!(
                "{}|{}|",
                rt::fmt::py_format(&3.14159, ".2f")?,
                rt::fmt::py_format(&42, ">5")?
            ),
        ],
        " ",
        "\n",
    );
    Ok(())
}
