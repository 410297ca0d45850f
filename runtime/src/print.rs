//! Buffered stdout with Python's `print` (sep/end). Output collects in a
//! thread-local buffer and goes out in large writes; `run_main` flushes it
//! at exit (also on errors and panics), and writes to stderr flush it first
//! so the two streams keep their order.

use crate::repr::PyStr;
use std::cell::RefCell;
use std::io::Write;

const FLUSH_AT: usize = 1 << 16;

thread_local! {
    static OUT: RefCell<String> = RefCell::new(String::with_capacity(FLUSH_AT + 1024));
}

/// Run `f` with the stdout buffer (append text to it); flushes when large.
pub fn with_stdout<R>(f: impl FnOnce(&mut String) -> R) -> R {
    OUT.with(|o| {
        let mut buf = o.borrow_mut();
        let r = f(&mut buf);
        if buf.len() >= FLUSH_AT {
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
    OUT.with(|o| {
        let mut buf = o.borrow_mut();
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
