//! Buffered stdout with Python's `print` (sep/end). Output collects in a
//! thread-local buffer and goes out in large writes; `run_main` flushes it
//! at exit (also on errors and panics), and writes to stderr flush it first
//! so the two streams keep their order.

use crate::repr::PyStr;
use std::cell::{Cell, RefCell};
use std::io::Write;

const FLUSH_AT: usize = 1 << 16;

thread_local! {
    static OUT: RefCell<String> = RefCell::new(String::with_capacity(FLUSH_AT + 1024));
    static CAPTURING: Cell<bool> = Cell::new(false);
}

fn capturing() -> bool {
    CAPTURING.with(|c| c.get())
}

/// Run `f` and return what it printed instead of writing it to stdout
/// (for tests of generated code; nests, and restores the previous mode).
pub fn capture_stdout<R>(f: impl FnOnce() -> R) -> (R, String) {
    let was = capturing();
    if !was {
        flush_stdout();
    }
    let before = OUT.with(|o| std::mem::take(&mut *o.borrow_mut()));
    CAPTURING.with(|c| c.set(true));
    let r = f();
    CAPTURING.with(|c| c.set(was));
    let text = OUT.with(|o| std::mem::replace(&mut *o.borrow_mut(), before));
    (r, text)
}

/// Run `f` with the stdout buffer (append text to it); flushes when large.
pub fn with_stdout<R>(f: impl FnOnce(&mut String) -> R) -> R {
    OUT.with(|o| {
        let mut buf = o.borrow_mut();
        let r = f(&mut buf);
        if buf.len() >= FLUSH_AT && !capturing() {
            let out = std::io::stdout();
            let mut lock = out.lock();
            let _ = lock.write_all(buf.as_bytes());
            let _ = lock.flush();
            buf.clear();
        }
        r
    })
}

/// Write raw text to stdout (buffered).
pub fn write_stdout(s: &str) {
    with_stdout(|b| b.push_str(s))
}

/// Write everything buffered to the real stdout.
pub fn flush_stdout() {
    if capturing() {
        return;
    }
    OUT.with(|o| {
        // try_borrow: a panic while printing must not panic again here.
        let mut buf = match o.try_borrow_mut() {
            Ok(b) => b,
            Err(_) => return,
        };
        let out = std::io::stdout();
        let mut lock = out.lock();
        let _ = lock.write_all(buf.as_bytes());
        let _ = lock.flush();
        buf.clear();
    })
}

/// Python's `print(*args, sep=sep, end=end)`:
/// `print(&[&a, &"text", &x], " ", "\n")`.
pub fn print(args: &[&dyn PyStr], sep: &str, end: &str) {
    with_stdout(|b| {
        for (i, a) in args.iter().enumerate() {
            if i > 0 {
                b.push_str(sep);
            }
            a.py_str_into(b);
        }
        b.push_str(end);
    })
}

/// `print(x)`: one value and a newline.
pub fn print1<T: PyStr + ?Sized>(x: &T) {
    with_stdout(|b| {
        x.py_str_into(b);
        b.push('\n');
    })
}

/// `print()`.
pub fn print_newline() {
    write_stdout("\n")
}

/// `print(..., file=sys.stderr)`: flushes stdout first to keep the order.
pub fn print_stderr(args: &[&dyn PyStr], sep: &str, end: &str) {
    flush_stdout();
    let mut s = String::new();
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            s.push_str(sep);
        }
        a.py_str_into(&mut s);
    }
    s.push_str(end);
    let _ = std::io::stderr().write_all(s.as_bytes());
}
