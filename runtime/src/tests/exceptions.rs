use crate::*;

#[test]
fn messages_and_traceback_lines() {
    assert_eq!(PyException::new("ValueError", "bad").traceback_line(), "ValueError: bad");
    assert_eq!(PyException::new("ValueError", "").traceback_line(), "ValueError");
    assert_eq!(PyException::key_error("a").traceback_line(), "KeyError: 'a'");
    assert_eq!(PyException::key_error(&42i64).message(), "42");
    assert_eq!(PyException::key_error("transfer").message(), "'transfer'");
    let e = PyException::with_args("ValueError", vec![Value::from(1i64), Value::from(2i64)]);
    assert_eq!(e.traceback_line(), "ValueError: (1, 2)");
    let e = PyException::new("InsufficientFunds", "need 10, have 3");
    assert_eq!(e.args_tuple().py_repr(), "('need 10, have 3',)");
    assert_eq!(e.repr(), "InsufficientFunds('need 10, have 3')");
    assert_eq!(e.py_str(), "need 10, have 3");
}

#[test]
fn hierarchy() {
    let z = PyException::zero_division("division by zero");
    assert!(z.is_instance_of("ZeroDivisionError"));
    assert!(z.is_instance_of("ArithmeticError"));
    assert!(z.is_instance_of("Exception"));
    assert!(z.is_instance_of("BaseException"));
    assert!(!z.is_instance_of("LookupError"));
    assert!(PyException::key_error("k").is_instance_of("LookupError"));
    assert!(PyException::index_error("i").is_instance_of("LookupError"));
    assert!(PyException::not_implemented("x").is_instance_of("RuntimeError"));
    register_class("BankError", &["Exception"]);
    register_class("InsufficientFunds", &["BankError"]);
    register_class("InvalidAmount", &["BankError", "ValueError"]);
    let e = PyException::new("InvalidAmount", "deposit must be positive");
    assert!(e.is_instance_of("ValueError"));
    assert!(e.is_instance_of("BankError"));
    assert!(e.is_instance_of("Exception"));
    assert!(!e.is_instance_of("KeyError"));
    assert!(is_subclass("InsufficientFunds", "Exception"));
    assert!(!is_subclass("Exception", "InsufficientFunds"));
}

#[derive(Debug, PartialEq)]
struct Funds {
    needed: i64,
    available: i64,
}

#[test]
fn payload_fields() {
    let e =
        PyException::new("InsufficientFunds", "need 500, have 120").with_payload(Funds { needed: 500, available: 120 });
    let f = e.payload_ref::<Funds>().expect("payload");
    assert_eq!(f.needed - f.available, 380);
    assert!(e.payload_ref::<String>().is_none());
    // Propagation with `?` keeps the value.
    fn inner() -> PyResult<i64> {
        Err(PyException::new("ValueError", "x"))
    }
    fn outer() -> PyResult<i64> {
        let v = inner()?;
        Ok(v + 1)
    }
    assert_eq!(outer().unwrap_err().traceback_line(), "ValueError: x");
}
