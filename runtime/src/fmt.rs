//! Python's format-spec mini-language (`format(x, spec)`, f-strings,
//! `str.format`) and `%`-formatting.
//!
//! Spec grammar: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.

use crate::exc::{PyException, PyResult};
use crate::float::{float_repr, format_fixed_abs, format_sci_abs, push_exp};
use crate::int::Int;
use crate::repr::{PyRepr, PyStr};
use crate::value::Value;

/// A parsed format spec.
#[derive(Clone, Debug, PartialEq)]
pub struct FormatSpec {
    /// Fill character (default space).
    pub fill: char,
    /// `<`, `>`, `^`, `=`, or None for the type's default.
    pub align: Option<char>,
    /// `+`, `-` or ` `.
    pub sign: char,
    /// `z`: negative zero becomes positive.
    pub z: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// `0` flag given (zero padding after the sign).
    pub zero: bool,
    /// Minimum width in characters.
    pub width: usize,
    /// `,` or `_` thousands separator.
    pub grouping: Option<char>,
    /// Precision.
    pub precision: Option<usize>,
    /// Presentation type.
    pub ty: Option<char>,
}

fn bad_spec() -> PyException {
    PyException::new("ValueError", "Invalid format specifier")
}

impl FormatSpec {
    /// Parse a spec string (the text after `:` in `{x:spec}`).
    pub fn parse(spec: &str) -> PyResult<FormatSpec> {
        let cs: Vec<char> = spec.chars().collect();
        let mut f = FormatSpec {
            fill: ' ',
            align: None,
            sign: '-',
            z: false,
            alt: false,
            zero: false,
            width: 0,
            grouping: None,
            precision: None,
            ty: None,
        };
        let mut i = 0;
        let is_align = |c: char| c == '<' || c == '>' || c == '^' || c == '=';
        if cs.len() >= 2 && is_align(cs[1]) {
            f.fill = cs[0];
            f.align = Some(cs[1]);
            i = 2;
        } else if !cs.is_empty() && is_align(cs[0]) {
            f.align = Some(cs[0]);
            i = 1;
        }
        if i < cs.len() && (cs[i] == '+' || cs[i] == '-' || cs[i] == ' ') {
            f.sign = cs[i];
            i += 1;
        }
        if i < cs.len() && cs[i] == 'z' {
            f.z = true;
            i += 1;
        }
        if i < cs.len() && cs[i] == '#' {
            f.alt = true;
            i += 1;
        }
        if i < cs.len() && cs[i] == '0' {
            f.zero = true;
            i += 1;
        }
        let mut w = 0usize;
        while i < cs.len() && cs[i].is_ascii_digit() {
            w = w.saturating_mul(10).saturating_add(cs[i] as usize - '0' as usize);
            i += 1;
        }
        f.width = w;
        if i < cs.len() && (cs[i] == ',' || cs[i] == '_') {
            f.grouping = Some(cs[i]);
            i += 1;
        }
        if i < cs.len() && cs[i] == '.' {
            i += 1;
            let start = i;
            let mut p = 0usize;
            while i < cs.len() && cs[i].is_ascii_digit() {
                p = p.saturating_mul(10).saturating_add(cs[i] as usize - '0' as usize);
                i += 1;
            }
            if i == start {
                return Err(PyException::new("ValueError", "Format specifier missing precision"));
            }
            f.precision = Some(p);
        }
        if i < cs.len() {
            f.ty = Some(cs[i]);
            i += 1;
        }
        if i != cs.len() {
            return Err(bad_spec());
        }
        if f.zero && f.align.is_none() {
            f.fill = '0';
        }
        Ok(f)
    }
}

/// Insert `sep` every `every` digits from the right of an all-digit string.
fn group_digits(digits: &str, sep: char, every: usize) -> String {
    let n = digits.chars().count();
    let mut out = String::with_capacity(n + n / every);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i) % every == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Lay out sign/prefix + body to the spec's width, fill and alignment.
/// `numeric` selects the default alignment (right) and allows `=` and
/// zero padding; `grouping_every` re-groups zero padding (`{:010,}`).
fn pad(spec: &FormatSpec, sign_prefix: &str, body: &str, numeric: bool, grouping_every: usize) -> String {
    let len = sign_prefix.chars().count() + body.chars().count();
    if spec.width <= len {
        let mut s = String::with_capacity(len);
        s.push_str(sign_prefix);
        s.push_str(body);
        return s;
    }
    let align = spec.align.unwrap_or(if spec.zero && numeric {
        '='
    } else if numeric {
        '>'
    } else {
        '<'
    });
    let fill = spec.fill;
    let padn = spec.width - len;
    let mut s = String::with_capacity(spec.width);
    match align {
        '<' => {
            s.push_str(sign_prefix);
            s.push_str(body);
            for _ in 0..padn {
                s.push(fill);
            }
        }
        '^' => {
            let left = padn / 2;
            for _ in 0..left {
                s.push(fill);
            }
            s.push_str(sign_prefix);
            s.push_str(body);
            for _ in 0..(padn - left) {
                s.push(fill);
            }
        }
        '=' => {
            s.push_str(sign_prefix);
            if let (Some(sep), true, true) = (spec.grouping, fill == '0', spec.align.is_none()) {
                // Zero padding with grouping: separators go into the padding too.
                let target = spec.width - sign_prefix.chars().count();
                let int_end = body.find(|c: char| c != sep && !c.is_ascii_alphanumeric()).unwrap_or(body.len());
                let (int_part, rest) = body.split_at(int_end);
                let mut digits: String = int_part.chars().filter(|c| *c != sep).collect();
                let rest_len = rest.chars().count();
                loop {
                    let g = group_digits(&digits, sep, grouping_every);
                    if g.chars().count() + rest_len >= target {
                        s.push_str(&g);
                        break;
                    }
                    digits.insert(0, '0');
                }
                s.push_str(rest);
                return s;
            }
            for _ in 0..padn {
                s.push(fill);
            }
            s.push_str(body);
        }
        _ => {
            for _ in 0..padn {
                s.push(fill);
            }
            s.push_str(sign_prefix);
            s.push_str(body);
        }
    }
    s
}

fn sign_str(neg: bool, sign: char) -> &'static str {
    if neg {
        "-"
    } else if sign == '+' {
        "+"
    } else if sign == ' ' {
        " "
    } else {
        ""
    }
}

/// `format(n, spec)` for an integer.
pub fn format_int(n: &Int, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(n.to_string());
    }
    let f = FormatSpec::parse(spec)?;
    format_int_spec(n, &f)
}

/// `format(n, spec)` for an i64 (fast path for the common case).
pub fn format_i64(n: i64, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(n.to_string());
    }
    let f = FormatSpec::parse(spec)?;
    format_int_spec(&Int::from_i64(n), &f)
}

/// Integer formatting with a parsed spec.
pub fn format_int_spec(n: &Int, f: &FormatSpec) -> PyResult<String> {
    match f.ty {
        Some('e') | Some('E') | Some('f') | Some('F') | Some('g') | Some('G') | Some('%') => {
            return format_float_spec(n.to_f64_checked()?, f);
        }
        _ => {}
    }
    if f.precision.is_some() {
        return Err(PyException::new("ValueError", "Precision not allowed in integer format specifier"));
    }
    let neg = n.is_negative();
    let a = n.abs();
    let (digits, prefix, every) = match f.ty {
        None | Some('d') | Some('n') => (a.to_string(), "", 3),
        Some('b') => (a.to_str_radix(2), "0b", 4),
        Some('o') => (a.to_str_radix(8), "0o", 4),
        Some('x') => (a.to_str_radix(16), "0x", 4),
        Some('X') => (a.to_str_radix(16).to_uppercase(), "0X", 4),
        Some('c') => {
            let cp = n.to_i64().unwrap_or(-1);
            let c = if (0..=0x10ffff).contains(&cp) { std::char::from_u32(cp as u32) } else { None };
            let c = c.ok_or_else(|| PyException::new("OverflowError", "%c arg not in range(0x110000)"))?;
            return Ok(pad(f, "", &c.to_string(), true, 3));
        }
        Some(t) => {
            return Err(PyException::new("ValueError", format!("Unknown format code '{}' for object of type 'int'", t)))
        }
    };
    if f.grouping == Some(',') && every == 4 {
        return Err(PyException::new("ValueError", "Cannot specify ',' with 'x'."));
    }
    let body = match f.grouping {
        Some(sep) => group_digits(&digits, sep, every),
        None => digits,
    };
    let mut sp = String::from(sign_str(neg, f.sign));
    if f.alt {
        sp.push_str(prefix);
    }
    Ok(pad(f, &sp, &body, true, every))
}

/// `format(x, spec)` for a float.
pub fn format_float(x: f64, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(float_repr(x));
    }
    let f = FormatSpec::parse(spec)?;
    format_float_spec(x, &f)
}

fn strip_trailing_zeros(s: &mut String) {
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
}

/// The `g` / no-type body of |x| (finite): p significant digits;
/// `add_dot0` is the no-type variant (at least one decimal, earlier switch).
fn general_body(a: f64, p: usize, alt: bool, add_dot0: bool, upper: bool) -> String {
    let p = if p == 0 { 1 } else { p };
    let (_, exp) = format_sci_abs(a, p - 1);
    let limit = if add_dot0 { p as i32 - 1 } else { p as i32 };
    if exp >= -4 && exp < limit {
        let prec = (p as i32 - 1 - exp).max(0) as usize;
        let mut s = format_fixed_abs(a, prec);
        if !alt {
            strip_trailing_zeros(&mut s);
        } else if !s.contains('.') {
            s.push('.');
        }
        if add_dot0 && !s.contains('.') {
            s.push_str(".0");
        }
        s
    } else {
        let (mut m, e) = format_sci_abs(a, p - 1);
        if !alt {
            strip_trailing_zeros(&mut m);
        } else if !m.contains('.') {
            m.push('.');
        }
        push_exp(e, &mut m, if upper { 'E' } else { 'e' });
        m
    }
}

/// Float formatting with a parsed spec.
pub fn format_float_spec(x: f64, f: &FormatSpec) -> PyResult<String> {
    let upper = matches!(f.ty, Some('E') | Some('F') | Some('G'));
    let mut neg = x.is_sign_negative() && !x.is_nan();
    let a = x.abs();
    let body: String = if !x.is_finite() {
        let t = if x.is_nan() { "nan" } else { "inf" };
        let mut t = if upper { t.to_uppercase() } else { t.to_string() };
        if f.ty == Some('%') {
            t.push('%');
        }
        t
    } else {
        match f.ty {
            None => match f.precision {
                None => {
                    let r = float_repr(a);
                    r
                }
                Some(p) => general_body(a, p, f.alt, true, false),
            },
            Some('f') | Some('F') => {
                let mut s = format_fixed_abs(a, f.precision.unwrap_or(6));
                if f.alt && !s.contains('.') {
                    s.push('.');
                }
                s
            }
            Some('e') | Some('E') => {
                let p = f.precision.unwrap_or(6);
                let (mut m, e) = format_sci_abs(a, p);
                if f.alt && !m.contains('.') {
                    m.push('.');
                }
                push_exp(e, &mut m, if upper { 'E' } else { 'e' });
                m
            }
            Some('g') | Some('G') | Some('n') => general_body(a, f.precision.unwrap_or(6), f.alt, false, upper),
            Some('%') => {
                let mut s = format_fixed_abs(a * 100.0, f.precision.unwrap_or(6));
                if f.alt && !s.contains('.') {
                    s.push('.');
                }
                s.push('%');
                s
            }
            Some(t) => {
                return Err(PyException::new(
                    "ValueError",
                    format!("Unknown format code '{}' for object of type 'float'", t),
                ))
            }
        }
    };
    if f.z && neg && body.chars().all(|c| c == '0' || c == '.' || c == '%' || c == 'e' || c == '+' || c == '-') {
        neg = false;
    }
    let body = match f.grouping {
        Some(sep) if x.is_finite() => {
            let end = body.find(|c: char| !c.is_ascii_digit()).unwrap_or(body.len());
            let mut g = group_digits(&body[..end], sep, 3);
            g.push_str(&body[end..]);
            g
        }
        _ => body,
    };
    Ok(pad(f, sign_str(neg, f.sign), &body, true, 3))
}

/// `format(s, spec)` for a string.
pub fn format_str(s: &str, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(s.to_string());
    }
    let f = FormatSpec::parse(spec)?;
    format_str_spec(s, &f)
}

/// String formatting with a parsed spec.
pub fn format_str_spec(s: &str, f: &FormatSpec) -> PyResult<String> {
    match f.ty {
        None | Some('s') => {}
        Some(t) => {
            return Err(PyException::new("ValueError", format!("Unknown format code '{}' for object of type 'str'", t)))
        }
    }
    if f.sign != '-' {
        return Err(PyException::new("ValueError", "Sign not allowed in string format specifier"));
    }
    if f.alt {
        return Err(PyException::new("ValueError", "Alternate form (#) not allowed in string format specifier"));
    }
    if f.align == Some('=') {
        return Err(PyException::new("ValueError", "'=' alignment not allowed in string format specifier"));
    }
    let body: String = match f.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    Ok(pad(f, "", &body, false, 3))
}

/// `format(b, spec)` for a bool: `str(b)` for an empty spec, else as an int.
pub fn format_bool(b: bool, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        return Ok(b.py_str());
    }
    let f = FormatSpec::parse(spec)?;
    if f.ty.is_none() || f.ty == Some('s') {
        // Python formats bools with a non-empty spec as ints, except that
        // 's' is an error; keep the common `{flag!s:<6}` path (string) and
        // the int path for everything else.
        if f.ty == Some('s') {
            return Err(PyException::new("ValueError", "Unknown format code 's' for object of type 'bool'"));
        }
    }
    format_int_spec(&Int::from_i64(b as i64), &f)
}

/// Values that `format(x, spec)` / f-string `{x:spec}` accept.
pub trait PyFormat {
    /// `format(self, spec)`.
    fn py_format(&self, spec: &str) -> PyResult<String>;
}

impl PyFormat for i64 {
    fn py_format(&self, spec: &str) -> PyResult<String> {
        format_i64(*self, spec)
    }
}
impl PyFormat for i32 {
    fn py_format(&self, spec: &str) -> PyResult<String> {
        format_i64(*self as i64, spec)
    }
}
impl PyFormat for usize {
    fn py_format(&self, spec: &str) -> PyResult<String> {
        format_int(&Int::from(*self), spec)
    }
}
impl PyFormat for Int {
    fn py_format(&self, spec: &str) -> PyResult<String> {
        format_int(self, spec)
    }
}
impl PyFormat for f64 {
    fn py_format(&self, spec: &str) -> PyResult<String> {
        format_float(*self, spec)
    }
}
impl PyFormat for bool {
    fn py_format(&self, spec: &str) -> PyResult<String> {
        format_bool(*self, spec)
    }
}
impl PyFormat for str {
    fn py_format(&self, spec: &str) -> PyResult<String> {
        format_str(self, spec)
    }
}
impl PyFormat for String {
    fn py_format(&self, spec: &str) -> PyResult<String> {
        format_str(self, spec)
    }
}
impl<'a, T: PyFormat + ?Sized> PyFormat for &'a T {
    fn py_format(&self, spec: &str) -> PyResult<String> {
        (**self).py_format(spec)
    }
}
impl<T: PyFormat> PyFormat for Option<T> {
    /// `None` formats as "None" with an empty spec, else TypeError.
    fn py_format(&self, spec: &str) -> PyResult<String> {
        match self {
            Some(v) => v.py_format(spec),
            None => format_object_str("None", "NoneType", spec),
        }
    }
}
impl PyFormat for Value {
    fn py_format(&self, spec: &str) -> PyResult<String> {
        match self {
            Value::Int(i) => format_int(i, spec),
            Value::Float(x) => format_float(*x, spec),
            Value::Bool(b) => format_bool(*b, spec),
            Value::Str(s) => format_str(s, spec),
            v => format_object_str(&v.py_str(), v.type_name(), spec),
        }
    }
}

/// `format(obj, spec)` for objects without `__format__`: `str(obj)` when the
/// spec is empty, else Python's TypeError.
pub fn format_object_str(text: &str, type_name: &str, spec: &str) -> PyResult<String> {
    if spec.is_empty() {
        Ok(text.to_string())
    } else {
        Err(PyException::new("TypeError", format!("unsupported format string passed to {}.__format__", type_name)))
    }
}

/// `format(x, spec)` as a free function.
pub fn py_format<T: PyFormat + ?Sized>(x: &T, spec: &str) -> PyResult<String> {
    x.py_format(spec)
}

// ---------------------------------------------------------------------------
// %-formatting

/// Python's `fmt % args`. Pass a one-element slice for a single non-tuple
/// operand: `percent_format("%5.2f", &[Value::from(x)])`.
pub fn percent_format(fmt: &str, args: &[Value]) -> PyResult<String> {
    percent_format_impl(fmt, args, false)
}

/// `percent_format`, optionally allowing unused arguments (CPython does
/// not complain when the right operand is a mapping such as a list/dict).
pub fn percent_format_impl(fmt: &str, args: &[Value], allow_unused: bool) -> PyResult<String> {
    let cs: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut ai = 0usize;
    let mut i = 0usize;
    let next_arg = |ai: &mut usize| -> PyResult<Value> {
        if *ai >= args.len() {
            return Err(PyException::new("TypeError", "not enough arguments for format string"));
        }
        *ai += 1;
        Ok(args[*ai - 1].clone())
    };
    while i < cs.len() {
        let c = cs[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        if i >= cs.len() {
            return Err(PyException::new("ValueError", "incomplete format"));
        }
        let mut spec = FormatSpec::parse("").unwrap_or_else(|_| unreachable_spec());
        let mut left = false;
        let mut zero = false;
        loop {
            match cs.get(i) {
                Some('-') => left = true,
                Some('+') => spec.sign = '+',
                Some(' ') => {
                    if spec.sign != '+' {
                        spec.sign = ' '
                    }
                }
                Some('0') => zero = true,
                Some('#') => spec.alt = true,
                _ => break,
            }
            i += 1;
        }
        if cs.get(i) == Some(&'*') {
            let w = next_arg(&mut ai)?;
            let w = w.as_i64().ok_or_else(|| PyException::new("TypeError", "* wants int"))?;
            if w < 0 {
                left = true;
            }
            spec.width = w.unsigned_abs() as usize;
            i += 1;
        } else {
            while let Some(d) = cs.get(i).and_then(|c| c.to_digit(10)) {
                spec.width = spec.width * 10 + d as usize;
                i += 1;
            }
        }
        if cs.get(i) == Some(&'.') {
            i += 1;
            let mut p = 0usize;
            if cs.get(i) == Some(&'*') {
                let w = next_arg(&mut ai)?;
                p = w.as_i64().unwrap_or(0).max(0) as usize;
                i += 1;
            } else {
                while let Some(d) = cs.get(i).and_then(|c| c.to_digit(10)) {
                    p = p * 10 + d as usize;
                    i += 1;
                }
            }
            spec.precision = Some(p);
        }
        // Length modifiers are accepted and ignored, as in Python.
        while matches!(cs.get(i), Some('h') | Some('l') | Some('L')) {
            i += 1;
        }
        let t = match cs.get(i) {
            Some(t) => *t,
            None => return Err(PyException::new("ValueError", "incomplete format")),
        };
        i += 1;
        if t == '%' {
            out.push('%');
            continue;
        }
        spec.align = Some(if left { '<' } else { '>' });
        if zero && !left && "diuxXoeEfFgG".contains(t) {
            spec.fill = '0';
            spec.align = Some('=');
        }
        let arg = next_arg(&mut ai)?;
        let piece = match t {
            's' | 'r' | 'a' => {
                let text = if t == 's' { arg.py_str() } else { arg.py_repr() };
                let text: String = match spec.precision {
                    Some(p) => text.chars().take(p).collect(),
                    None => text,
                };
                spec.precision = None;
                spec.sign = '-';
                spec.alt = false;
                format_str_spec(&text, &spec)?
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let n = percent_int_arg(&arg, t)?;
                let (mut body, prefix) = match t {
                    'x' => (n.abs().to_str_radix(16), "0x"),
                    'X' => (n.abs().to_str_radix(16).to_uppercase(), "0X"),
                    'o' => (n.abs().to_str_radix(8), "0o"),
                    _ => (n.abs().to_string(), ""),
                };
                // A precision is a minimum number of digits.
                if let Some(p) = spec.precision.take() {
                    while body.len() < p {
                        body.insert(0, '0');
                    }
                }
                let mut sp = String::from(sign_str(n.is_negative(), spec.sign));
                if spec.alt {
                    sp.push_str(prefix);
                }
                pad(&spec, &sp, &body, true, 3)
            }
            'c' => match &arg {
                Value::Str(s) if s.chars().count() == 1 => format_str_spec(s, &spec)?,
                _ => {
                    let n = percent_int_arg(&arg, t)?;
                    spec.ty = Some('c');
                    format_int_spec(&n, &spec)?
                }
            },
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = arg.to_f64().map_err(|_| {
                    PyException::new("TypeError", format!("must be real number, not {}", arg.type_name()))
                })?;
                spec.ty = Some(t);
                if spec.precision.is_none() {
                    spec.precision = Some(6);
                }
                format_float_spec(x, &spec)?
            }
            _ => {
                return Err(PyException::new(
                    "ValueError",
                    format!("unsupported format character '{}' ({:#x}) at index {}", t, t as u32, i - 1),
                ))
            }
        };
        out.push_str(&piece);
    }
    if ai < args.len() && !allow_unused {
        return Err(PyException::new("TypeError", "not all arguments converted during string formatting"));
    }
    Ok(out)
}

fn unreachable_spec() -> FormatSpec {
    FormatSpec {
        fill: ' ',
        align: None,
        sign: '-',
        z: false,
        alt: false,
        zero: false,
        width: 0,
        grouping: None,
        precision: None,
        ty: None,
    }
}

fn percent_int_arg(v: &Value, t: char) -> PyResult<Int> {
    match v {
        Value::Int(i) => Ok(i.clone()),
        Value::Bool(b) => Ok(Int::from_i64(*b as i64)),
        Value::Float(f) if t == 'd' || t == 'i' || t == 'u' => Int::from_f64(*f),
        _ => Err(PyException::new(
            "TypeError",
            format!(
                "%{} format: {} is required, not {}",
                t,
                if t == 'd' || t == 'i' || t == 'u' { "a real number" } else { "an integer" },
                v.type_name()
            ),
        )),
    }
}

/// `str.format` with positional `{}`/`{0}` and named `{name}` fields
/// (`!r`/`!s` conversions and specs supported; no attribute/index access).
pub fn str_format(fmt: &str, args: &[Value], kwargs: &[(&str, Value)]) -> PyResult<String> {
    let cs: Vec<char> = fmt.chars().collect();
    let mut out = String::new();
    let mut auto = 0usize;
    let mut i = 0usize;
    while i < cs.len() {
        let c = cs[i];
        if c == '{' {
            if cs.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            let mut j = i + 1;
            let mut depth = 1;
            while j < cs.len() {
                if cs[j] == '{' {
                    depth += 1;
                } else if cs[j] == '}' {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                j += 1;
            }
            if j >= cs.len() {
                return Err(PyException::new("ValueError", "expected '}' before end of string"));
            }
            let field: String = cs[i + 1..j].iter().collect();
            let (name_conv, spec) = match field.find(':') {
                Some(k) => (field[..k].to_string(), field[k + 1..].to_string()),
                None => (field.clone(), String::new()),
            };
            let (name, conv) = match name_conv.find('!') {
                Some(k) => (name_conv[..k].to_string(), name_conv[k + 1..].chars().next()),
                None => (name_conv.clone(), None),
            };
            let v = if name.is_empty() {
                auto += 1;
                args.get(auto - 1).cloned()
            } else if let Ok(k) = name.parse::<usize>() {
                args.get(k).cloned()
            } else {
                kwargs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone())
            };
            let v = match v {
                Some(v) => v,
                None => {
                    return Err(if name.is_empty() || name.parse::<usize>().is_ok() {
                        PyException::new("IndexError", "Replacement index out of range for positional args tuple")
                    } else {
                        PyException::key_error(name.as_str())
                    })
                }
            };
            // Nested fields inside the spec, e.g. "{:{}}".
            let spec = if spec.contains('{') {
                // Nested auto-numbered fields take the following arguments.
                let nested = spec.matches("{}").count();
                let r = str_format(&spec, &args[auto.min(args.len())..], kwargs)?;
                auto += nested;
                r
            } else {
                spec
            };
            let piece = match conv {
                Some('r') | Some('a') => format_str(&v.py_repr(), &spec)?,
                Some('s') => format_str(&v.py_str(), &spec)?,
                _ => v.py_format(&spec)?,
            };
            out.push_str(&piece);
            i = j + 1;
        } else if c == '}' {
            if cs.get(i + 1) == Some(&'}') {
                i += 2;
                out.push('}');
                continue;
            }
            return Err(PyException::new("ValueError", "Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}
