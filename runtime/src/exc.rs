//! Exceptions as values: `PyException`, `PyResult`, the class hierarchy of
//! builtin exceptions plus user classes registered at run time, and
//! `run_main`, which prints CPython's last traceback line for an uncaught
//! exception and exits with status 1.

use crate::repr::PyRepr;
use crate::value::{ToValue, Value};
use std::any::Any;
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;
use std::sync::Mutex;

/// A raised Python exception.
///
/// One pointer wide (the data is boxed), so `PyResult<T>` stays small and
/// the success path of every fallible call stays cheap. Its fields are
/// reached through `Deref` to [`ExcData`]: `e.class`, `e.args`, `e.payload`.
#[derive(Clone)]
pub struct PyException(Box<ExcData>);

/// The data of a `PyException`.
///
/// `class` is the class name (`"ValueError"`, or a user class such as
/// `"InsufficientFunds"`), `args` the constructor arguments (what `e.args`
/// shows), and `payload` an optional value of the translator's own type
/// carrying the fields of a user exception class (`e.needed`); get it back
/// with [`PyException::payload_ref`].
#[derive(Clone)]
pub struct ExcData {
    /// Class name.
    pub class: Rc<str>,
    /// `e.args`.
    pub args: Vec<Value>,
    /// Fields of a user-defined exception class, as the translator's struct.
    pub payload: Option<Rc<dyn Any>>,
}

impl std::ops::Deref for PyException {
    type Target = ExcData;
    fn deref(&self) -> &ExcData {
        &self.0
    }
}

impl std::ops::DerefMut for PyException {
    fn deref_mut(&mut self) -> &mut ExcData {
        &mut self.0
    }
}

/// Result of any operation that can raise.
pub type PyResult<T> = Result<T, PyException>;

impl PyException {
    /// An exception with one string argument; an empty `msg` means no
    /// arguments (so `str(e)` is `""` and the traceback shows just the class).
    pub fn new(class: &str, msg: impl Into<String>) -> PyException {
        let msg = msg.into();
        let args = if msg.is_empty() { Vec::new() } else { vec![Value::from(msg)] };
        PyException(Box::new(ExcData { class: Rc::from(class), args, payload: None }))
    }

    /// An exception with exactly the given args (`raise E(a, b)`).
    pub fn with_args(class: &str, args: Vec<Value>) -> PyException {
        PyException(Box::new(ExcData { class: Rc::from(class), args, payload: None }))
    }

    /// An exception with an empty-string argument (`raise E("")`: args `('',)`).
    pub fn with_message_exact(class: &str, msg: &str) -> PyException {
        PyException::with_args(class, vec![Value::from(msg)])
    }

    /// `KeyError(key)`: its message is `repr(key)`.
    pub fn key_error<K: ToValue + ?Sized>(key: &K) -> PyException {
        PyException::with_args("KeyError", vec![key.to_value()])
    }

    /// Attach a payload (the translator's struct for user exception fields).
    pub fn with_payload<T: Any>(mut self, p: T) -> PyException {
        self.payload = Some(Rc::new(p));
        self
    }

    /// The payload as `&T`, if it has that type.
    pub fn payload_ref<T: Any>(&self) -> Option<&T> {
        match &self.payload {
            Some(p) => p.downcast_ref::<T>(),
            None => None,
        }
    }

    /// The class name.
    pub fn class_name(&self) -> &str {
        &self.class
    }

    /// `str(e)`: "" for no args, `str(arg)` for one (repr for KeyError),
    /// the repr of the args tuple for several.
    pub fn message(&self) -> String {
        // A raised object (dynamic mode) answers with its own `__str__`.
        if let Some(s) = crate::exc_obj::payload_str(self) {
            return s;
        }
        match self.args.len() {
            0 => String::new(),
            1 => {
                if &*self.class == "KeyError" {
                    self.args[0].py_repr()
                } else {
                    crate::repr::PyStr::py_str(&self.args[0])
                }
            }
            _ => Value::tuple(self.args.clone()).py_repr(),
        }
    }

    /// `e.args` as a tuple value.
    pub fn args_tuple(&self) -> Value {
        Value::tuple(self.args.clone())
    }

    /// `repr(e)`, e.g. `ValueError('bad')`.
    pub fn repr(&self) -> String {
        let mut s = String::new();
        s.push_str(&self.class);
        s.push('(');
        for (i, a) in self.args.iter().enumerate() {
            if i > 0 {
                s.push_str(", ");
            }
            s.push_str(&a.py_repr());
        }
        s.push(')');
        s
    }

    /// The last line CPython prints for an uncaught exception.
    pub fn traceback_line(&self) -> String {
        let m = self.message();
        if m.is_empty() {
            self.class.to_string()
        } else {
            format!("{}: {}", self.class, m)
        }
    }

    /// `isinstance(e, class)` through builtin and registered user classes.
    pub fn is_instance_of(&self, class: &str) -> bool {
        is_subclass(&self.class, class)
    }
}

impl fmt::Debug for PyException {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.repr())
    }
}

impl fmt::Display for PyException {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl PartialEq for PyException {
    fn eq(&self, other: &PyException) -> bool {
        self.class == other.class && self.message() == other.message()
    }
}

/// Free-function form of [`PyException::is_instance_of`].
pub fn is_instance_of(e: &PyException, class: &str) -> bool {
    e.is_instance_of(class)
}

/// Base class of a builtin exception class (None for BaseException or unknown).
pub fn builtin_exception_base(name: &str) -> Option<&'static str> {
    Some(match name {
        "Exception" | "SystemExit" | "KeyboardInterrupt" | "GeneratorExit" => "BaseException",
        "ArithmeticError" | "LookupError" | "ValueError" | "TypeError" | "RuntimeError" | "StopIteration"
        | "StopAsyncIteration" | "AssertionError" | "AttributeError" | "NameError" | "OSError" | "ImportError"
        | "MemoryError" | "EOFError" | "BufferError" | "ReferenceError" | "SyntaxError" | "SystemError" | "Warning" => {
            "Exception"
        }
        "ZeroDivisionError" | "OverflowError" | "FloatingPointError" => "ArithmeticError",
        "KeyError" | "IndexError" => "LookupError",
        "FrozenInstanceError" => "AttributeError",
        "UnicodeError" => "ValueError",
        "UnicodeDecodeError" | "UnicodeEncodeError" => "UnicodeError",
        "NotImplementedError" | "RecursionError" => "RuntimeError",
        "UnboundLocalError" => "NameError",
        "ModuleNotFoundError" => "ImportError",
        "FileNotFoundError" | "FileExistsError" | "PermissionError" | "IsADirectoryError" | "NotADirectoryError"
        | "TimeoutError" | "ConnectionError" | "InterruptedError" => "OSError",
        "IndentationError" => "SyntaxError",
        "DeprecationWarning" | "UserWarning" | "RuntimeWarning" => "Warning",
        _ => return None,
    })
}

/// Registered user classes and their bases. Process-wide (not per thread),
/// so registrations made before `run_main` are seen by the program thread.
static USER_CLASSES: Mutex<Option<HashMap<String, Vec<String>>>> = Mutex::new(None);

/// The registered bases of a user class (None for builtin or unknown names).
pub fn user_bases(name: &str) -> Option<Vec<String>> {
    let guard = match USER_CLASSES.lock() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    };
    guard.as_ref().and_then(|m| m.get(name).cloned())
}

/// Register a user-defined class (exception or not) with its bases, so that
/// `is_subclass`/`is_instance_of` see the hierarchy. Call it once per class,
/// e.g. at the start of `main`, before raising instances of it:
/// `register_class("InvalidAmount", &["BankError", "ValueError"])`.
pub fn register_class(name: &str, bases: &[&str]) {
    let mut guard = match USER_CLASSES.lock() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    };
    guard.get_or_insert_with(HashMap::new).insert(name.to_string(), bases.iter().map(|b| b.to_string()).collect());
}

/// Whether class `sub` is `sup` or derives from it (builtin or registered).
pub fn is_subclass(sub: &str, sup: &str) -> bool {
    let mut stack: Vec<String> = vec![sub.to_string()];
    let mut steps = 0;
    while let Some(c) = stack.pop() {
        if c == sup || sup == "object" {
            return true;
        }
        steps += 1;
        if steps > 10_000 {
            return false;
        }
        let user = user_bases(&c);
        match user {
            Some(bases) => stack.extend(bases),
            None => {
                if let Some(b) = builtin_exception_base(&c) {
                    stack.push(b.to_string());
                }
            }
        }
    }
    false
}

/// Shorthand constructors for the builtin exceptions generated code raises.
impl PyException {
    /// `ValueError(msg)`.
    pub fn value_error(msg: impl Into<String>) -> PyException {
        PyException::new("ValueError", msg)
    }
    /// `TypeError(msg)`.
    pub fn type_error(msg: impl Into<String>) -> PyException {
        PyException::new("TypeError", msg)
    }
    /// `IndexError(msg)`.
    pub fn index_error(msg: impl Into<String>) -> PyException {
        PyException::new("IndexError", msg)
    }
    /// `ZeroDivisionError(msg)`.
    pub fn zero_division(msg: impl Into<String>) -> PyException {
        PyException::new("ZeroDivisionError", msg)
    }
    /// `RuntimeError(msg)`.
    pub fn runtime_error(msg: impl Into<String>) -> PyException {
        PyException::new("RuntimeError", msg)
    }
    /// `NotImplementedError(msg)` (what stubs of untranslated functions raise).
    pub fn not_implemented(msg: impl Into<String>) -> PyException {
        PyException::new("NotImplementedError", msg)
    }
    /// `AssertionError(msg)`.
    pub fn assertion_error(msg: impl Into<String>) -> PyException {
        PyException::new("AssertionError", msg)
    }
    /// `AttributeError(msg)`.
    pub fn attribute_error(msg: impl Into<String>) -> PyException {
        PyException::new("AttributeError", msg)
    }
    /// `StopIteration()`.
    pub fn stop_iteration() -> PyException {
        PyException::new("StopIteration", "")
    }
    /// `OverflowError(msg)`.
    pub fn overflow_error(msg: impl Into<String>) -> PyException {
        PyException::new("OverflowError", msg)
    }
}

/// Stack size for the thread that runs a translated program: deep Python
/// recursion (recursion limits raised by the program) must not overflow.
const MAIN_STACK_BYTES: usize = 512 << 20;

/// Run `f`, flush stdout, report an uncaught exception on stderr, and
/// return the process exit status.
fn run_to_status(f: fn() -> PyResult<()>) -> i32 {
    let outcome = std::panic::catch_unwind(f);
    crate::print::flush_stdout();
    match outcome {
        Ok(Ok(())) => 0,
        Ok(Err(e)) => {
            if &*e.class == "SystemExit" {
                return match e.args.first() {
                    None | Some(Value::None) => 0,
                    Some(Value::Int(i)) => i.to_i64().unwrap_or(1) as i32,
                    Some(Value::Bool(b)) => *b as i32,
                    Some(v) => {
                        eprintln!("{}", crate::repr::PyStr::py_str(v));
                        1
                    }
                };
            }
            eprintln!("Traceback (most recent call last):");
            eprintln!("{}", e.traceback_line());
            1
        }
        Err(_) => 1,
    }
}

/// Run a translated program's entry point with Python's exit behaviour:
/// stdout is flushed in every case; an uncaught exception prints its last
/// traceback line (`ValueError: message`) to stderr and exits with status 1;
/// `SystemExit(n)` exits with status n; a Rust panic also flushes and exits 1.
/// Natively the program runs on a thread with a large stack (512 MiB
/// reserved) so deep recursion behaves; on wasm it runs on the main thread.
pub fn run_main(f: fn() -> PyResult<()>) {
    let prev = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        crate::print::flush_stdout();
        prev(info);
    }));
    let status = if cfg!(target_arch = "wasm32") {
        run_to_status(f)
    } else {
        match std::thread::Builder::new().stack_size(MAIN_STACK_BYTES).spawn(move || run_to_status(f)) {
            Ok(handle) => handle.join().unwrap_or(1),
            Err(_) => run_to_status(f),
        }
    };
    if status != 0 {
        std::process::exit(status);
    }
}

/// `sys.exit(code)` as an exception value for `Err(...)`.
pub fn sys_exit(code: i64) -> PyException {
    PyException::with_args("SystemExit", vec![Value::from(code)])
}
