//! Generators (gen.rs), match helpers (pmatch.rs) and `with` (with.rs).
use crate::exc::PyResult;
use crate::*;

// def count(): n = 0; while True: yield n; n += 1   (hand-built state machine)
fn naturals() -> Value {
    let mut n = Value::int(0);
    gen::generator(move |_sent: Value| -> PyResult<Option<Value>> {
        let v = n.clone();
        n = n.add(&Value::int(1))?;
        Ok(Some(v))
    })
}

#[test]
fn infinite_generator_is_lazy() {
    let g = naturals();
    assert_eq!(gen::next(&g).unwrap().unwrap().py_repr(), "0");
    assert_eq!(gen::next_builtin(&g, None).unwrap().py_repr(), "1");
    let z = gen::zip(&[naturals(), Value::str("ab")]).unwrap();
    assert_eq!(z.py_repr(), "[(0, 'a'), (1, 'b')]");
    let mut seen = Vec::new();
    for x in gen::each(&g).unwrap() {
        let x = x.unwrap();
        if x.as_i64() == Some(5) {
            break;
        }
        seen.push(x.py_repr());
    }
    assert_eq!(seen, vec!["2", "3", "4"]);
}

#[test]
fn finished_generator_and_return_value() {
    let mut step = 0;
    let g = gen::generator(move |_| {
        step += 1;
        if step == 1 {
            Ok(Some(Value::str("a")))
        } else {
            Err(gen::stop(Value::str("done")))
        }
    });
    assert_eq!(Value::list(g.iter().unwrap()).py_repr(), "['a']");
    // Exhausted: empty the second time, like CPython.
    assert_eq!(Value::list(g.iter().unwrap()).py_repr(), "[]");
    let h = gen::generator(|_| Err(gen::stop(Value::int(7))));
    let e = gen::next_builtin(&h, None).err().unwrap();
    assert_eq!(gen::exc_attr(&e, "value").unwrap().py_repr(), "7");
    assert_eq!(gen::next_builtin(&h, Some(&Value::str("d"))).unwrap().py_repr(), "'d'");
    let mut out = Value::None;
    let sub = gen::generator(|_| Err(gen::stop(Value::int(3))));
    assert!(gen::delegate(&sub, Value::None, &mut out).unwrap().is_none());
    assert_eq!(out.py_repr(), "3");
}

#[test]
fn iter_builtin_is_one_shot() {
    let it = gen::iter(&Value::list(vec![Value::int(1), Value::int(2)])).unwrap();
    assert_eq!(gen::next_builtin(&it, None).unwrap().py_repr(), "1");
    assert_eq!(Value::list(it.iter().unwrap()).py_repr(), "[2]");
    assert!(gen::next(&it).unwrap().is_none());
}

#[test]
fn match_helpers() {
    let v = Value::list(vec![Value::int(1), Value::int(2), Value::int(3)]);
    let parts = pmatch::seq(&v, 2, 1).unwrap();
    assert_eq!(Value::list(parts).py_repr(), "[1, [2, 3]]");
    assert!(pmatch::seq(&v, 2, -1).is_none());
    assert!(pmatch::seq(&Value::str("ab"), 2, -1).is_none());
    assert_eq!(Value::list(pmatch::seq(&v, 3, 0).unwrap()).py_repr(), "[[1], 2, 3]");
    assert!(pmatch::is_type(&Value::Bool(true), "int"));
    assert!(!pmatch::singleton(&Value::int(1), &Value::Bool(true)));
    assert!(pmatch::singleton(&Value::Bool(true), &Value::Bool(true)));
}

#[test]
fn with_exit_suppresses_on_true() {
    let c = Class::new("Quiet", None);
    c.def_method("__enter__", |a: &[Value]| Ok(a[0].clone()));
    c.def_method("__exit__", |a: &[Value]| Ok(Value::from(!a[1].is_none())));
    let m = Value::new_object(&c);
    assert!(with::exit(&m, Err(PyException::new("ValueError", "x"))).is_ok());
    assert!(with::exit(&m, Ok(())).is_ok());
    let t = with::exc_type(&PyException::new("KeyError", "k"));
    assert_eq!(dynamic::attr(&t, "__name__").unwrap().py_str(), "KeyError");
}
