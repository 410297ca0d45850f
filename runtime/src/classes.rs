//! Class objects as values for the dynamic mode: `cls` in a classmethod, a
//! class stored or passed around, `type(x)`, class attributes (`C.count`),
//! and `enum.Enum` classes.
//!
//! A class object is an `Object` of its own metaclass (a `Class` named
//! `type`): its fields are the class attributes (plus `__name__`), its
//! metaclass's methods are the class's static/class methods and `__call__`
//! (construction). Metaclasses chain like their classes, so `Sub.attr` and
//! `Sub.classmethod()` find what the base defines. Class objects are cached
//! by name, so `is`/`==`/hash work by identity.
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::dict::Dict;
use crate::exc::{PyException, PyResult};
use crate::repr::{PyRepr, PyStr};
use crate::value::{Class, Value};

thread_local! {
    static TYPES: RefCell<HashMap<String, Value>> = RefCell::new(HashMap::new());
    static MAKERS: RefCell<HashMap<String, fn() -> Value>> = RefCell::new(HashMap::new());
}

/// The class object of a translated class, built once by `make`.
pub fn type_cached(name: &str, make: fn() -> Value) -> Value {
    if let Some(v) = TYPES.with(|t| t.borrow().get(name).cloned()) {
        return v;
    }
    let v = make();
    TYPES.with(|t| t.borrow_mut().insert(name.to_string(), v.clone()));
    v
}

/// Records how to get the class object of the class `name` (for `type(x)`
/// and classmethods called through an instance).
pub fn register_type(name: &str, get: fn() -> Value) {
    MAKERS.with(|m| {
        m.borrow_mut().insert(name.to_string(), get);
    });
}

/// `type(x)` for an instance of a translated class; None for other values.
pub fn type_of(v: &Value) -> Option<Value> {
    match v {
        Value::Object(o) if is_type(v) => Some(v.clone()).filter(|_| o.class.name != "type"),
        Value::Object(o) => MAKERS.with(|m| m.borrow().get(&o.class.name).copied()).map(|get| get()),
        _ => None,
    }
}

/// Whether `v` is a class object.
pub fn is_type(v: &Value) -> bool {
    match v {
        Value::Object(o) => o.class.name == "type" && o.fields.borrow().get("__name__").is_some(),
        _ => false,
    }
}

/// Whether `v` is an instance or class object (its methods take positional arguments).
pub fn is_object(v: &Value) -> bool {
    matches!(v, Value::Object(_))
}

/// `cls` for a classmethod called as `x.m()` or `C.m()`: the class object of
/// an instance, or the class object itself.
pub fn cls_of(v: &Value, fallback: fn() -> Value) -> Value {
    if is_type(v) {
        return v.clone();
    }
    match v {
        Value::Object(o) => match MAKERS.with(|m| m.borrow().get(&o.class.name).copied()) {
            Some(get) => get(),
            None => fallback(),
        },
        _ => fallback(),
    }
}

/// A new class object for `class`, its metaclass deriving from the base's.
pub fn new_type(class: &Rc<Class>, base: Option<&Value>) -> Value {
    let base_meta = match base {
        Some(Value::Object(o)) => Some(o.class.clone()),
        _ => None,
    };
    let meta = Rc::new(Class { name: "type".to_string(), base: base_meta, methods: RefCell::new(Dict::new()) });
    let cls = class.clone();
    meta.def_method("__call__", move |a: &[Value]| crate::dynamic::construct(&cls, a.get(1..).unwrap_or(&[])));
    meta.def_method("__repr__", |a: &[Value]| {
        let name = a.first().map(|t| t.getattr("__name__")).unwrap_or(Ok(Value::None))?;
        Ok(Value::from(format!("<class '__main__.{}'>", name.py_str())))
    });
    let t = Value::new_object(&meta);
    if let Value::Object(o) = &t {
        o.fields.borrow_mut().insert("__name__".to_string(), Value::str(&class.name));
    }
    t
}

/// The metaclass of a class object (where its class methods go).
pub fn meta_of(t: &Value) -> Rc<Class> {
    match t {
        Value::Object(o) => o.class.clone(),
        _ => Class::slice_class(),
    }
}

/// Runs a class body's attribute assignments (`count = 0`) on its class object.
pub fn init_attrs<F: Fn(&Value) -> PyResult<()>>(t: &Value, f: F) {
    if let Err(e) = f(t) {
        let msg = format!("error in class body: {}", e.message());
        crate::print::print_stderr(&[&msg], " ", "\n");
    }
}

/// `isinstance(x, cls)` for a class object (or a tuple of them) computed at run time.
pub fn isinstance(x: &Value, cls: &Value) -> PyResult<bool> {
    if let Value::Tuple(ts) = cls {
        for t in ts.iter() {
            if isinstance(x, t)? {
                return Ok(true);
            }
        }
        return Ok(false);
    }
    if !is_type(cls) {
        return Err(PyException::type_error("isinstance() arg 2 must be a type, a tuple of types, or a union"));
    }
    let name = cls.getattr("__name__")?;
    Ok(x.is_instance(&name.py_str()))
}

/// `del obj.attr`: a property's deleter, else removes the instance field.
pub fn delattr(obj: &Value, name: &str) -> PyResult<()> {
    if let Value::Object(o) = obj {
        if let Some(d) = o.class.find_method(&format!("@deleter:{}", name)) {
            d.call(&[obj.clone()])?;
            return Ok(());
        }
        if o.fields.borrow_mut().remove(name).is_some() {
            return Ok(());
        }
    }
    Err(PyException::attribute_error(name.to_string()))
}

/// The AttributeError of assigning a property without a setter.
pub fn no_setter(obj: &Value, name: &str) -> PyException {
    PyException::attribute_error(format!("property '{}' of '{}' object has no setter", name, obj.type_name()))
}

/// TypeError for constructing an abstract class.
pub fn abstract_error(class: &str, methods: &[&str]) -> PyResult<Value> {
    let s = if methods.len() == 1 { "" } else { "s" };
    let names: Vec<String> = methods.iter().map(|m| format!("'{}'", m)).collect();
    let ms = if methods.len() == 1 { methods[0].to_string() } else { names.join(", ") };
    Err(PyException::type_error(format!("Can't instantiate abstract class {} with abstract method{} {}", class, s, ms)))
}

// ----- enum.Enum ---------------------------------------------------------

/// Adds member `name = value` to the enum class object `t` (an instance of
/// `class` with fields `name` and `value`, listed in `__members__`).
pub fn enum_member(t: &Value, class: &Rc<Class>, name: &str, value: Value) -> PyResult<()> {
    let m = Value::new_object(class);
    m.setattr("_name_", Value::str(name))?;
    m.setattr("_value_", value)?;
    t.setattr(name, m.clone())?;
    let list = match t.getattr("__members__") {
        Ok(l) => l,
        Err(_) => {
            let l = Value::list(Vec::new());
            t.setattr("__members__", l.clone())?;
            l
        }
    };
    if let Value::List(l) = list {
        l.borrow_mut().push(m);
    }
    Ok(())
}

fn members(t: &Value) -> Vec<Value> {
    match t.getattr("__members__") {
        Ok(Value::List(l)) => l.borrow().clone(),
        _ => Vec::new(),
    }
}

fn field(v: &Value, f: &str) -> Value {
    v.getattr(f).unwrap_or(Value::None)
}

/// An IntEnum member as its int (other values unchanged).
fn int_of(v: &Value) -> Value {
    match v {
        Value::Object(o) if o.fields.borrow().get("_value_").is_some() => field(v, "_value_"),
        _ => v.clone(),
    }
}

/// Gives the enum class `class` (object `t`) Enum's behaviour: `name`/`value`,
/// repr `<C.A: 1>`, str `C.A` (the value for IntEnum), iteration, `len`,
/// `C(value)`, `C[name]`, hashing; IntEnum also compares and computes as its int.
pub fn enum_setup(t: &Value, class: &Rc<Class>, int_enum: bool) {
    class.def_method("@property:name", |a: &[Value]| Ok(field(&a[0], "_name_")));
    class.def_method("@property:value", |a: &[Value]| Ok(field(&a[0], "_value_")));
    class.def_method("__repr__", |a: &[Value]| {
        Ok(Value::from(format!("<{}.{}: {}>", a[0].type_name(), field(&a[0], "_name_").py_str(), field(&a[0], "_value_").py_repr())))
    });
    if int_enum {
        class.def_method("__str__", |a: &[Value]| Ok(Value::from(field(&a[0], "_value_").py_str())));
        class.def_method("__hash__", |a: &[Value]| Ok(field(&a[0], "_value_")));
        class.def_method("__eq__", |a: &[Value]| Ok(Value::from(int_of(&a[0]).py_eq(&int_of(&a[1])))));
        class.def_method("__lt__", |a: &[Value]| Ok(Value::from(int_of(&a[0]).lt(&int_of(&a[1]))?)));
        class.def_method("__le__", |a: &[Value]| Ok(Value::from(int_of(&a[0]).le(&int_of(&a[1]))?)));
        class.def_method("__gt__", |a: &[Value]| Ok(Value::from(int_of(&a[0]).gt(&int_of(&a[1]))?)));
        class.def_method("__ge__", |a: &[Value]| Ok(Value::from(int_of(&a[0]).ge(&int_of(&a[1]))?)));
        class.def_method("__add__", |a: &[Value]| int_of(&a[0]).add(&int_of(&a[1])));
        class.def_method("__radd__", |a: &[Value]| int_of(&a[1]).add(&int_of(&a[0])));
        class.def_method("__sub__", |a: &[Value]| int_of(&a[0]).sub(&int_of(&a[1])));
        class.def_method("__rsub__", |a: &[Value]| int_of(&a[1]).sub(&int_of(&a[0])));
        class.def_method("__mul__", |a: &[Value]| int_of(&a[0]).mul(&int_of(&a[1])));
        class.def_method("__rmul__", |a: &[Value]| int_of(&a[1]).mul(&int_of(&a[0])));
        class.def_method("__neg__", |a: &[Value]| int_of(&a[0]).neg());
        class.def_method("__int__", |a: &[Value]| Ok(int_of(&a[0])));
        class.def_method("__index__", |a: &[Value]| Ok(int_of(&a[0])));
    } else {
        class.def_method("__str__", |a: &[Value]| {
            Ok(Value::from(format!("{}.{}", a[0].type_name(), field(&a[0], "_name_").py_str())))
        });
        class.def_method("__hash__", |a: &[Value]| Ok(field(&a[0], "_name_")));
    }
    let meta = meta_of(t);
    meta.def_method("__iter__", |a: &[Value]| Ok(Value::list(members(&a[0]))));
    meta.def_method("__len__", |a: &[Value]| Ok(Value::int(members(&a[0]).len() as i64)));
    meta.def_method("__getitem__", |a: &[Value]| {
        let key = a.get(1).cloned().unwrap_or(Value::None);
        for m in members(&a[0]) {
            if field(&m, "_name_").py_eq(&key) {
                return Ok(m);
            }
        }
        Err(PyException::new("KeyError", key.py_repr()))
    });
    meta.def_method("__call__", |a: &[Value]| {
        let v = a.get(1).cloned().unwrap_or(Value::None);
        for m in members(&a[0]) {
            if field(&m, "_value_").py_eq(&v) {
                return Ok(m);
            }
        }
        let name = field(&a[0], "__name__").py_str();
        Err(PyException::value_error(format!("{} is not a valid {}", v.py_repr(), name)))
    });
}

/// `type(x)` / `x.__class__` for an instance of a translated class.
pub fn class_of(v: &Value) -> PyResult<Value> {
    match type_of(v) {
        Some(t) => Ok(t),
        None => Err(PyException::not_implemented(format!("type() of a '{}' value", v.type_name()))),
    }
}

/// `hash(x)`: ints hash to themselves (as in Python), other hashable values
/// to a stable 64-bit digest of their value (`__hash__` for objects).
pub fn hash(v: &Value) -> PyResult<Value> {
    use std::hash::{Hash, Hasher};
    v.check_hashable()?;
    if let Some(i) = v.as_i64() {
        return Ok(Value::int(if i == -1 { -2 } else { i }));
    }
    let mut h = std::collections::hash_map::DefaultHasher::new();
    v.hash(&mut h);
    Ok(Value::int((h.finish() >> 2) as i64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::repr::{PyRepr, PyStr};

    fn color_type() -> Value {
        let c = Class::new("ColorT", None);
        let t = new_type(&c, None);
        enum_setup(&t, &c, false);
        enum_member(&t, &c, "RED", Value::int(1)).unwrap();
        enum_member(&t, &c, "BLUE", Value::int(2)).unwrap();
        t
    }

    #[test]
    fn enum_members_lookup_and_text() {
        let t = color_type();
        let red = t.getattr("RED").unwrap();
        assert_eq!(red.py_repr(), "<ColorT.RED: 1>");
        assert_eq!(red.py_str(), "ColorT.RED");
        assert!(t.call(&[Value::int(1)]).unwrap().is(&red));
        assert_eq!(t.call(&[Value::int(9)]).unwrap_err().message(), "9 is not a valid ColorT");
        assert_eq!(t.len().unwrap(), 2);
        assert_eq!(t.iter().unwrap().len(), 2);
        assert_eq!(t.py_repr(), "<class '__main__.ColorT'>");
    }

    #[test]
    fn class_objects_construct_and_test_instances() {
        let c = Class::new("PointT", None);
        let t = new_type(&c, None);
        let p = t.call(&[]).unwrap();
        assert_eq!(p.type_name(), "PointT");
        assert!(isinstance(&p, &t).unwrap());
        assert!(is_type(&t) && !is_type(&p));
        assert!(isinstance(&p, &Value::int(1)).is_err());
    }

    #[test]
    fn hash_and_abstract_messages() {
        assert_eq!(hash(&Value::int(7)).unwrap().as_i64(), Some(7));
        assert!(hash(&Value::list(vec![])).is_err());
        let e = abstract_error("Shape", &["area"]).unwrap_err();
        assert_eq!(e.message(), "Can't instantiate abstract class Shape with abstract method area");
    }
}
