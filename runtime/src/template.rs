//! `string.Template` for dynamically typed code: `$name`, `${name}` and `$$`,
//! with `substitute` (a missing name raises KeyError) and `safe_substitute`
//! (a missing name or a stray `$` stays as written).

use crate::args::def_method_kw;
use crate::exc::{PyException, PyResult};
use crate::repr::PyStr;
use crate::value::{Class, Value};

/// `string.Template(text)`.
pub fn template(text: &Value) -> PyResult<Value> {
    let class = Class::new("Template", None);
    def_method_kw(&class, "substitute", |a: &[Value], kw: &[(&str, Value)]| substitute(a, kw, false));
    def_method_kw(&class, "safe_substitute", |a: &[Value], kw: &[(&str, Value)]| substitute(a, kw, true));
    let obj = Value::new_object(&class);
    obj.setattr("template", text.clone())?;
    Ok(obj)
}

fn is_ident_start(c: u8) -> bool {
    c == b'_' || c.is_ascii_alphabetic()
}

fn is_ident(c: u8) -> bool {
    c == b'_' || c.is_ascii_alphanumeric()
}

// a[0] is the Template, a[1] an optional mapping; keywords win over it.
fn substitute(a: &[Value], kw: &[(&str, Value)], safe: bool) -> PyResult<Value> {
    let this = a.get(0).cloned().unwrap_or(Value::None);
    let text = this.getattr("template")?.py_str();
    let mapping = a.get(1).cloned();
    let lookup = |name: &str| -> PyResult<Option<String>> {
        if let Some((_, v)) = kw.iter().find(|(k, _)| *k == name) {
            return Ok(Some(v.py_str()));
        }
        if let Some(m) = &mapping {
            let key = Value::str(name);
            if m.contains(&key)? {
                return Ok(Some(m.getitem(&key)?.py_str()));
            }
        }
        Ok(None)
    };
    let b = text.as_bytes();
    let mut out = String::new();
    let mut i = 0;
    while i < b.len() {
        let start = i;
        // Copy up to the next `$` (ASCII, so byte positions are char boundaries).
        while i < b.len() && b[i] != b'$' {
            i += 1;
        }
        out.push_str(&text[start..i]);
        if i >= b.len() {
            break;
        }
        let dollar = i;
        i += 1;
        if i < b.len() && b[i] == b'$' {
            out.push('$');
            i += 1;
            continue;
        }
        let braced = i < b.len() && b[i] == b'{';
        let name_start = if braced { i + 1 } else { i };
        let mut j = name_start;
        if j < b.len() && is_ident_start(b[j]) {
            j += 1;
            while j < b.len() && is_ident(b[j]) {
                j += 1;
            }
        }
        let valid = j > name_start && (!braced || (j < b.len() && b[j] == b'}'));
        if !valid {
            if safe {
                out.push('$');
                continue;
            }
            return Err(PyException::value_error("Invalid placeholder in string"));
        }
        let name = &text[name_start..j];
        let end = if braced { j + 1 } else { j };
        match lookup(name)? {
            Some(v) => out.push_str(&v),
            None if safe => out.push_str(&text[dollar..end]),
            None => return Err(PyException::key_error(&Value::str(name))),
        }
        i = end;
    }
    Ok(Value::str(&out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substitutes_like_python() {
        let t = template(&Value::str("${user}'s inbox: $count $$5 $")).unwrap();
        let got = crate::dynamic::method(&t, "safe_substitute", &[], &[("user", Value::str("lee"))]).unwrap();
        assert_eq!(got.py_str(), "lee's inbox: $count $5 $");
        let err = crate::dynamic::method(&t, "substitute", &[], &[("user", Value::str("lee"))]).unwrap_err();
        assert_eq!(err.class_name(), "KeyError");
    }
}
