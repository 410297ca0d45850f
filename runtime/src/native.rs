//! Instances of static classes (translated to Rust structs) and how dynamic
//! code sees them.
//!
//! A static instance is an `Obj<T>`: a shared, mutable struct (Python
//! objects have reference semantics). When one crosses into dynamic code it
//! becomes a `Value::Object` of the class's runtime `Class`, whose
//! properties and methods (generated next to the struct) reach the same
//! struct: the object is only a handle. The handle of an instance is always
//! the same object while it lives (`is` and dynamic attributes keep
//! working); the registry below maps handles to structs and back.
use crate::exc::{PyException, PyResult};
use crate::value::{Class, FromValue, Object, ToValue, Value};
use std::any::Any;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Deref;
use std::rc::{Rc, Weak};

/// An instance of a static class: `obj.borrow().field`, `obj.borrow_mut().field = v`.
pub struct Obj<T>(pub Rc<RefCell<T>>);

impl<T> Obj<T> {
    /// A new instance holding `v`.
    pub fn new(v: T) -> Obj<T> {
        Obj(Rc::new(RefCell::new(v)))
    }
    /// Python's `a is b`.
    pub fn is(a: &Obj<T>, b: &Obj<T>) -> bool {
        Rc::ptr_eq(&a.0, &b.0)
    }
}

impl<T> Clone for Obj<T> {
    fn clone(&self) -> Obj<T> {
        Obj(self.0.clone())
    }
}

/// `==` and `hash()` of an instance, as containers and dict keys use them:
/// identity unless the class says otherwise (`ObjText::obj_eq`, a dataclass).
impl<T: ObjText> PartialEq for Obj<T> {
    fn eq(&self, other: &Obj<T>) -> bool {
        T::obj_eq(self, other)
    }
}
impl<T: ObjText> Eq for Obj<T> {}
impl<T: ObjText> std::hash::Hash for Obj<T> {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        T::obj_hash(self).hash(h)
    }
}

impl<T: Default> Default for Obj<T> {
    fn default() -> Obj<T> {
        Obj::new(T::default())
    }
}

impl<T> Deref for Obj<T> {
    type Target = RefCell<T>;
    fn deref(&self) -> &RefCell<T> {
        &self.0
    }
}

/// A static class with `__str__` and/or `__repr__`: what `print`, `str()`,
/// f-strings and containers show for its instances (generated next to the
/// struct; a class without either has no `PyStr`, and static code that
/// prints its instances stays dynamic).
pub trait ObjText: Sized {
    /// The class's `__repr__`.
    fn obj_repr(this: &Obj<Self>) -> String;
    /// The class's `__str__` (`__repr__` when it has none).
    fn obj_str(this: &Obj<Self>) -> String {
        Self::obj_repr(this)
    }
    /// The class's `==` in containers (a dataclass compares its fields):
    /// identity by default.
    fn obj_eq(a: &Obj<Self>, b: &Obj<Self>) -> bool {
        Rc::ptr_eq(&a.0, &b.0)
    }
    /// The class's `hash()` (a frozen dataclass hashes its fields): the
    /// identity by default.
    fn obj_hash(this: &Obj<Self>) -> u64 {
        Rc::as_ptr(&this.0) as *const u8 as usize as u64
    }
}

/// `hash()` of a frozen dataclass: its fields' values, hashed in order.
pub fn hash_fields<F: FnOnce(&mut std::collections::hash_map::DefaultHasher)>(f: F) -> u64 {
    use std::hash::Hasher;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    f(&mut h);
    h.finish()
}

/// Assigning to a field of a frozen dataclass: `dataclasses.FrozenInstanceError`.
pub fn frozen_error(field: &str) -> PyException {
    PyException::new("FrozenInstanceError", format!("cannot assign to field '{}'", field))
}

/// A store into a frozen dataclass's field: always the error.
pub fn frozen_assign(field: &str) -> PyResult<()> {
    Err(frozen_error(field))
}

impl<T: ObjText> crate::repr::PyRepr for Obj<T> {
    fn py_repr_into(&self, out: &mut String) {
        out.push_str(&T::obj_repr(self))
    }
}

impl<T: ObjText> crate::repr::PyStr for Obj<T> {
    fn py_str_into(&self, out: &mut String) {
        out.push_str(&T::obj_str(self))
    }
}

/// A static class that dynamic code can use: its runtime class.
pub trait Native: 'static {
    /// The runtime class of the handles.
    fn class() -> Rc<Class>;
}

type Entry = (Weak<Object>, Rc<dyn Any>);

thread_local! {
    static BY_HANDLE: RefCell<HashMap<usize, Entry>> = RefCell::new(HashMap::new());
    static BY_STRUCT: RefCell<HashMap<usize, Weak<Object>>> = RefCell::new(HashMap::new());
    static SWEEP_AT: RefCell<usize> = RefCell::new(64);
}

fn struct_key<T>(o: &Obj<T>) -> usize {
    Rc::as_ptr(&o.0) as *const u8 as usize
}

/// Entries whose handle is gone let go of their struct (now and then).
fn sweep() {
    let len = BY_HANDLE.with(|m| m.borrow().len());
    let at = SWEEP_AT.with(|s| *s.borrow());
    if len < at {
        return;
    }
    BY_HANDLE.with(|m| m.borrow_mut().retain(|_, e| e.0.upgrade().is_some()));
    BY_STRUCT.with(|m| m.borrow_mut().retain(|_, w| w.upgrade().is_some()));
    let live = BY_HANDLE.with(|m| m.borrow().len());
    SWEEP_AT.with(|s| *s.borrow_mut() = live * 2 + 64);
}

/// Makes `handle` (a fresh object of the class) the handle of `native`:
/// dynamic `C(...)` runs the static constructor, then attaches.
pub fn attach<T: Native>(handle: &Value, native: &Obj<T>) {
    if let Value::Object(o) = handle {
        sweep();
        let any: Rc<dyn Any> = native.0.clone();
        BY_HANDLE.with(|m| m.borrow_mut().insert(Rc::as_ptr(o) as usize, (Rc::downgrade(o), any)));
        BY_STRUCT.with(|m| m.borrow_mut().insert(struct_key(native), Rc::downgrade(o)));
    }
}

impl<T: Native> ToValue for Obj<T> {
    fn to_value(&self) -> Value {
        let known = BY_STRUCT.with(|m| m.borrow().get(&struct_key(self)).and_then(|w| w.upgrade()));
        if let Some(o) = known {
            return Value::Object(o);
        }
        let handle = Value::new_object(&T::class());
        attach(&handle, self);
        handle
    }
}

impl<T: Native> FromValue for Obj<T> {
    fn from_value(v: &Value) -> PyResult<Obj<T>> {
        if let Value::Object(o) = v {
            let found = BY_HANDLE.with(|m| {
                m.borrow().get(&(Rc::as_ptr(o) as usize)).and_then(|e| match e.0.upgrade() {
                    Some(h) if Rc::ptr_eq(&h, o) => Some(e.1.clone()),
                    _ => None,
                })
            });
            if let Some(any) = found {
                if let Ok(rc) = any.downcast::<RefCell<T>>() {
                    return Ok(Obj(rc));
                }
            }
        }
        Err(PyException::type_error(format!("expected {} object, got {}", T::class().name, v.type_name())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct P {
        x: i64,
    }
    impl Native for P {
        fn class() -> Rc<Class> {
            crate::dynamic::class_cached("P", || Class::new("P", None))
        }
    }

    #[test]
    fn handles_keep_identity_and_state() {
        let p = Obj::new(P { x: 1 });
        let v = p.to_value();
        let w = p.to_value();
        assert!(matches!((&v, &w), (Value::Object(a), Value::Object(b)) if Rc::ptr_eq(a, b)));
        let back = <Obj<P>>::from_value(&v).unwrap();
        back.borrow_mut().x = 5;
        assert_eq!(p.borrow().x, 5);
        assert!(Obj::is(&p, &back));
        assert!(<Obj<P>>::from_value(&Value::from(1i64)).is_err());
        let q: Obj<P> = Obj::default();
        assert_eq!(q.borrow().x, 0);
    }

    impl ObjText for P {
        fn obj_repr(this: &Obj<P>) -> String {
            format!("P({})", this.borrow().x)
        }
    }

    #[test]
    fn text_of_instances_uses_the_class() {
        use crate::repr::PyStr;
        let v = vec![Obj::new(P { x: 2 })];
        assert_eq!(v.py_str(), "[P(2)]");
        assert_eq!(v[0].py_str(), "P(2)");
    }
}
