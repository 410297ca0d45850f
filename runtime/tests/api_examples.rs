//! The Rust snippets of API.md, compiled and checked, so the guide the
//! translator follows cannot drift from the crate.

use portalis_runtime as rt;
use portalis_runtime::prelude::*;

struct Shape {
    name: String,
    w: f64,
}

impl Shape {
    fn area(&self) -> f64 {
        self.w * self.w
    }
}

struct Point {
    x: i64,
    y: i64,
}

impl PyRepr for Point {
    fn py_repr_into(&self, out: &mut String) {
        rt::repr_fields_into(out, "Point", &[("x", &self.x), ("y", &self.y)])
    }
}
impl PyStr for Point {
    fn py_str_into(&self, out: &mut String) {
        self.py_repr_into(out)
    }
}

fn section4(a: i64, b: i64) -> PyResult<String> {
    let (q, r) = rt::divmod_i64(a, b)?;
    let x = rt::floor_div_i64(-7, 2)?;
    let y = rt::mod_i64(-7, 3)?;
    let z = rt::true_div_i64(7, 2)?;
    let big = Int::from(2).pow(100);
    let neg = rt::float_pow(10f64, -2f64)?;
    Ok(format!("{} {} {} {} {} {} {}", q, r, x, y, z.py_str(), big, neg.py_str()))
}

fn section7() -> PyResult<String> {
    let mut pairs = vec![(2i64, "b".to_string()), (1, "a".to_string())];
    let mut words = vec!["ccc".to_string(), "a".to_string(), "bb".to_string()];
    rt::list_sort(&mut pairs, false);
    rt::list_sort_by_key(&mut words, |w| rt::str_len(w), true);
    let mut counts: Dict<String, i64> = Dict::new();
    counts.insert("x".into(), 2);
    counts.insert("y".into(), 5);
    counts.insert("a".into(), 2);
    let by_freq = rt::sorted_by_key(counts.items_vec(), |kv| (-kv.1, kv.0.clone()), false);
    let shapes = vec![Shape { name: "s".into(), w: 1.0 }, Shape { name: "t".into(), w: 3.0 }];
    let best = rt::max_by_key(shapes.iter(), |s| s.area())?;
    Ok(format!("{} {} {} {}", pairs.py_repr(), words.py_repr(), by_freq.py_repr(), best.name))
}

fn section8() -> PyResult<String> {
    let mut d: Dict<String, Vec<String>> = Dict::new();
    d.setdefault_with("k".to_string(), Vec::new).push("x".to_string());
    let mut c: Dict<String, i64> = Dict::new();
    *c.setdefault("w".to_string(), 0) += 1;
    *c.getitem_mut("w")? += 1;
    let m: Dict<&str, i64> = vec![("a", 1i64), ("b", 2)].into_iter().collect();
    let mut merged = m.copy();
    merged.update(vec![("a", 10i64)]);
    let z: Dict<String, i64> = vec!["p".to_string(), "q".to_string()].into_iter().zip(0..).collect();
    Ok(format!("{} {} {} {}", d.py_repr(), c.py_repr(), merged.py_repr(), z.py_repr()))
}

fn section9() -> PyResult<String> {
    let v: Vec<i64> = rt::range(10, 0, -3)?.collect();
    let e: Vec<(i64, &i64)> = v.iter().enumerate().map(|(i, x)| (i as i64 + 1, x)).collect();
    let s = rt::sum_i64(v.iter().copied())?;
    Ok(format!("{} {} {} {}", v.py_repr(), e.py_repr(), s, rt::max2(1.5f64, 1.5).py_str()))
}

#[test]
fn api_md_snippets() {
    assert_eq!(section4(-17, 5).unwrap(), "-4 3 -4 2 3.5 1267650600228229401496703205376 0.01");
    assert_eq!(section7().unwrap(), "[(1, 'a'), (2, 'b')] ['ccc', 'bb', 'a'] [('y', 5), ('a', 2), ('x', 2)] t");
    assert_eq!(section8().unwrap(), "{'k': ['x']} {'w': 2} {'a': 10, 'b': 2} {'p': 0, 'q': 1}");
    assert_eq!(section9().unwrap(), "[10, 7, 4, 1] [(1, 10), (2, 7), (3, 4), (4, 1)] 22 1.5");
    assert_eq!(Point { x: 1, y: 2 }.py_str(), "Point(x=1, y=2)");
}
