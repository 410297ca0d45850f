//! Python `str` semantics over Rust `String`/`&str`: indexing and slicing by
//! code point, the common methods, `repr` quoting, `ord`/`chr`.
//!
//! Every function takes `&str` and returns owned results; positions are in
//! code points (Python's), never bytes. ASCII text takes byte fast paths.

use crate::exc::{PyException, PyResult};
use crate::slice::{norm_index, slice_indices};

// ---------------------------------------------------------------------------
// repr

/// Python's `repr(s)`.
pub fn str_repr(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    str_repr_into(s, &mut out);
    out
}

/// Whether Python prints `c` as itself inside a repr (`str.isprintable`).
pub fn is_printable_char(c: char) -> bool {
    let cp = c as u32;
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    !matches!(cp,
        0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F | 0x202A..=0x202E
        | 0x2060..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB | 0xE000..=0xF8FF | 0xF0000..=0x10FFFF
        | 0xD800..=0xDFFF | 0xFFFE | 0xFFFF | 0x1BCA0..=0x1BCA3 | 0xE0001 | 0xE0020..=0xE007F)
}

/// Append Python's `repr(s)` to `out`.
pub fn str_repr_into(s: &str, out: &mut String) {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x7f && (c as u32) >= 0x20 => out.push(c),
            c if is_printable_char(c) => out.push(c),
            c => {
                let cp = c as u32;
                if cp < 0x100 {
                    out.push_str(&format!("\\x{:02x}", cp));
                } else if cp < 0x10000 {
                    out.push_str(&format!("\\u{:04x}", cp));
                } else {
                    out.push_str(&format!("\\U{:08x}", cp));
                }
            }
        }
    }
    out.push(quote);
}

// ---------------------------------------------------------------------------
// length, indexing, slicing

/// `len(s)` in code points.
pub fn str_len(s: &str) -> i64 {
    if s.is_ascii() {
        s.len() as i64
    } else {
        s.chars().count() as i64
    }
}

/// `s[i]` as a char; IndexError "string index out of range".
pub fn str_char_at(s: &str, i: i64) -> PyResult<char> {
    let err = || PyException::new("IndexError", "string index out of range");
    if s.is_ascii() {
        let j = norm_index(i, s.len()).ok_or_else(err)?;
        return Ok(s.as_bytes()[j] as char);
    }
    if i >= 0 {
        s.chars().nth(i as usize).ok_or_else(err)
    } else {
        s.chars().rev().nth((-(i + 1)) as usize).ok_or_else(err)
    }
}

/// `s[i]` as a one-character String.
pub fn str_index(s: &str, i: i64) -> PyResult<String> {
    Ok(str_char_at(s, i)?.to_string())
}

/// `s[start:stop:step]` (None for an omitted bound); ValueError for step 0.
pub fn str_slice(s: &str, start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> PyResult<String> {
    if s.is_ascii() {
        let b = s.as_bytes();
        let idx = slice_indices(b.len(), start, stop, step)?;
        if idx.step == 1 {
            let a = idx.start as usize;
            return Ok(s[a..a + idx.count].to_string());
        }
        let mut out = String::with_capacity(idx.count);
        for p in idx.positions() {
            out.push(b[p] as char);
        }
        return Ok(out);
    }
    let cs: Vec<char> = s.chars().collect();
    let idx = slice_indices(cs.len(), start, stop, step)?;
    Ok(idx.positions().map(|p| cs[p]).collect())
}

/// Iterate a string's characters as one-character Strings (`for ch in s`;
/// `.rev()` for `reversed(s)`).
pub fn str_iter(s: &str) -> impl DoubleEndedIterator<Item = String> + '_ {
    s.chars().map(|c| c.to_string())
}

/// Code-point offset of a byte offset.
fn char_pos(s: &str, byte: usize) -> i64 {
    if s.is_ascii() {
        byte as i64
    } else {
        s[..byte].chars().count() as i64
    }
}

/// Byte range of code points [start, end) after Python's clamping of
/// optional, possibly negative bounds.
fn byte_range(s: &str, start: Option<i64>, end: Option<i64>) -> Option<(usize, usize)> {
    let n = str_len(s);
    let fix = |v: Option<i64>, d: i64| match v {
        None => d,
        Some(x) if x < 0 => (x + n).max(0),
        Some(x) => x.min(n),
    };
    // A start beyond the end matches nothing, not even "" (CPython).
    if let Some(x) = start {
        if x > n {
            return None;
        }
    }
    let (a, b) = (fix(start, 0), fix(end, n));
    if a > b {
        return None;
    }
    if s.is_ascii() {
        return Some((a as usize, b as usize));
    }
    let byte_of = |cp: i64| s.char_indices().nth(cp as usize).map(|(i, _)| i).unwrap_or(s.len());
    Some((byte_of(a), byte_of(b)))
}

// ---------------------------------------------------------------------------
// searching

/// `s.find(sub, start, end)`: code-point index or -1.
pub fn str_find(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match byte_range(s, start, end) {
        None => -1,
        Some((a, b)) => match s[a..b].find(sub) {
            Some(i) => char_pos(s, a + i),
            None => -1,
        },
    }
}

/// `s.rfind(sub, start, end)`.
pub fn str_rfind(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match byte_range(s, start, end) {
        None => -1,
        Some((a, b)) => match s[a..b].rfind(sub) {
            Some(i) => char_pos(s, a + i),
            None => -1,
        },
    }
}

/// `s.index(sub, start, end)`: ValueError "substring not found".
pub fn str_index_of(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> PyResult<i64> {
    let i = str_find(s, sub, start, end);
    if i < 0 {
        Err(PyException::new("ValueError", "substring not found"))
    } else {
        Ok(i)
    }
}

/// `s.rindex(sub, start, end)`.
pub fn str_rindex_of(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> PyResult<i64> {
    let i = str_rfind(s, sub, start, end);
    if i < 0 {
        Err(PyException::new("ValueError", "substring not found"))
    } else {
        Ok(i)
    }
}

/// `s.count(sub, start, end)` (non-overlapping; empty sub counts gaps).
pub fn str_count(s: &str, sub: &str, start: Option<i64>, end: Option<i64>) -> i64 {
    match byte_range(s, start, end) {
        None => 0,
        Some((a, b)) => {
            let t = &s[a..b];
            if sub.is_empty() {
                str_len(t) + 1
            } else {
                t.matches(sub).count() as i64
            }
        }
    }
}

/// `s.startswith(prefix)`.
pub fn str_startswith(s: &str, prefix: &str) -> bool {
    s.starts_with(prefix)
}

/// `s.startswith(prefix, start, end)`.
pub fn str_startswith_at(s: &str, prefix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    match byte_range(s, start, end) {
        None => false,
        Some((a, b)) => s[a..b].starts_with(prefix),
    }
}

/// `s.startswith((p1, p2, ...))`.
pub fn str_startswith_any(s: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| s.starts_with(p))
}

/// `s.endswith(suffix)`.
pub fn str_endswith(s: &str, suffix: &str) -> bool {
    s.ends_with(suffix)
}

/// `s.endswith(suffix, start, end)`.
pub fn str_endswith_at(s: &str, suffix: &str, start: Option<i64>, end: Option<i64>) -> bool {
    match byte_range(s, start, end) {
        None => false,
        Some((a, b)) => s[a..b].ends_with(suffix),
    }
}

/// `s.endswith((s1, s2, ...))`.
pub fn str_endswith_any(s: &str, suffixes: &[&str]) -> bool {
    suffixes.iter().any(|p| s.ends_with(p))
}

// ---------------------------------------------------------------------------
// splitting and joining

/// Python's whitespace (`str.isspace` for one char).
pub fn py_isspace(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// `s.split()` / `s.split(None, maxsplit)`: runs of whitespace, no empty parts.
/// `maxsplit < 0` means no limit.
pub fn str_split_whitespace(s: &str, maxsplit: i64) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s.trim_start_matches(py_isspace);
    while !rest.is_empty() {
        if maxsplit >= 0 && out.len() as i64 == maxsplit {
            out.push(rest.to_string());
            break;
        }
        match rest.find(py_isspace) {
            Some(i) => {
                out.push(rest[..i].to_string());
                rest = rest[i..].trim_start_matches(py_isspace);
            }
            None => {
                out.push(rest.to_string());
                break;
            }
        }
    }
    out
}

/// `s.split(sep, maxsplit)`; `sep` None splits on whitespace; empty sep is
/// a ValueError. `maxsplit < 0` means no limit.
pub fn str_split(s: &str, sep: Option<&str>, maxsplit: i64) -> PyResult<Vec<String>> {
    let sep = match sep {
        None => return Ok(str_split_whitespace(s, maxsplit)),
        Some(x) => x,
    };
    if sep.is_empty() {
        return Err(PyException::new("ValueError", "empty separator"));
    }
    Ok(if maxsplit < 0 {
        s.split(sep).map(|x| x.to_string()).collect()
    } else {
        s.splitn(maxsplit as usize + 1, sep).map(|x| x.to_string()).collect()
    })
}

/// `s.rsplit(sep, maxsplit)`.
pub fn str_rsplit(s: &str, sep: Option<&str>, maxsplit: i64) -> PyResult<Vec<String>> {
    match sep {
        None => {
            if maxsplit < 0 {
                return Ok(str_split_whitespace(s, -1));
            }
            let mut out = Vec::new();
            let mut rest = s.trim_end_matches(py_isspace);
            while !rest.is_empty() {
                if out.len() as i64 == maxsplit {
                    out.push(rest.to_string());
                    break;
                }
                match rest.rfind(py_isspace) {
                    Some(i) => {
                        let w = rest[i..].chars().next().map(|c| c.len_utf8()).unwrap_or(1);
                        out.push(rest[i + w..].to_string());
                        rest = rest[..i].trim_end_matches(py_isspace);
                    }
                    None => {
                        out.push(rest.to_string());
                        break;
                    }
                }
            }
            out.reverse();
            Ok(out)
        }
        Some(sep) => {
            if sep.is_empty() {
                return Err(PyException::new("ValueError", "empty separator"));
            }
            let mut v: Vec<String> = if maxsplit < 0 {
                s.rsplit(sep).map(|x| x.to_string()).collect()
            } else {
                s.rsplitn(maxsplit as usize + 1, sep).map(|x| x.to_string()).collect()
            };
            v.reverse();
            Ok(v)
        }
    }
}

/// `s.splitlines(keepends)`: \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029.
pub fn str_splitlines(s: &str, keepends: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let is_break =
            matches!(c, '\n' | '\r' | '\x0b' | '\x0c' | '\x1c' | '\x1d' | '\x1e' | '\u{85}' | '\u{2028}' | '\u{2029}');
        if !is_break {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' {
            if let Some(&(_, '\n')) = it.peek() {
                it.next();
                end += 1;
            }
        }
        out.push(if keepends { s[start..end].to_string() } else { s[start..i].to_string() });
        start = end;
    }
    if start < s.len() {
        out.push(s[start..].to_string());
    }
    out
}

/// `sep.join(items)` for any iterator of string-likes.
pub fn str_join<I, S>(sep: &str, items: I) -> String
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut out = String::new();
    for (i, x) in items.into_iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(x.as_ref());
    }
    out
}

/// `s.partition(sep)`; empty sep is a ValueError.
pub fn str_partition(s: &str, sep: &str) -> PyResult<(String, String, String)> {
    if sep.is_empty() {
        return Err(PyException::new("ValueError", "empty separator"));
    }
    Ok(match s.find(sep) {
        Some(i) => (s[..i].to_string(), sep.to_string(), s[i + sep.len()..].to_string()),
        None => (s.to_string(), String::new(), String::new()),
    })
}

/// `s.rpartition(sep)`.
pub fn str_rpartition(s: &str, sep: &str) -> PyResult<(String, String, String)> {
    if sep.is_empty() {
        return Err(PyException::new("ValueError", "empty separator"));
    }
    Ok(match s.rfind(sep) {
        Some(i) => (s[..i].to_string(), sep.to_string(), s[i + sep.len()..].to_string()),
        None => (String::new(), String::new(), s.to_string()),
    })
}

// ---------------------------------------------------------------------------
// transforming

/// `s.strip(chars)`; None strips whitespace.
pub fn str_strip(s: &str, chars: Option<&str>) -> String {
    match chars {
        None => s.trim_matches(py_isspace).to_string(),
        Some(cs) => s.trim_matches(|c: char| cs.contains(c)).to_string(),
    }
}

/// `s.lstrip(chars)`.
pub fn str_lstrip(s: &str, chars: Option<&str>) -> String {
    match chars {
        None => s.trim_start_matches(py_isspace).to_string(),
        Some(cs) => s.trim_start_matches(|c: char| cs.contains(c)).to_string(),
    }
}

/// `s.rstrip(chars)`.
pub fn str_rstrip(s: &str, chars: Option<&str>) -> String {
    match chars {
        None => s.trim_end_matches(py_isspace).to_string(),
        Some(cs) => s.trim_end_matches(|c: char| cs.contains(c)).to_string(),
    }
}

/// `s.replace(old, new, count)`; `count < 0` replaces all.
pub fn str_replace(s: &str, old: &str, new: &str, count: i64) -> String {
    if count < 0 {
        s.replace(old, new)
    } else {
        s.replacen(old, new, count as usize)
    }
}

/// `s.upper()`.
pub fn str_upper(s: &str) -> String {
    s.to_uppercase()
}

/// `s.lower()`.
pub fn str_lower(s: &str) -> String {
    s.to_lowercase()
}

/// `s.casefold()` (lowercase plus the common full foldings).
pub fn str_casefold(s: &str) -> String {
    s.to_lowercase().replace('ß', "ss").replace('ς', "σ")
}

/// Titlecase letters (Lt): cased, but neither upper- nor lowercase.
fn is_titlecase(c: char) -> bool {
    matches!(c as u32, 0x01C5 | 0x01C8 | 0x01CB | 0x01F2 | 0x1F88..=0x1F8F | 0x1F98..=0x1F9F | 0x1FA8..=0x1FAF | 0x1FBC | 0x1FCC | 0x1FFC)
}

fn is_cased(c: char) -> bool {
    c.is_lowercase() || c.is_uppercase() || is_titlecase(c)
}

fn push_titlecase(c: char, out: &mut String) {
    // Titlecase differs from uppercase only for a few digraphs.
    match c {
        'Ǆ' | 'ǅ' | 'ǆ' => out.push('ǅ'),
        'Ǉ' | 'ǈ' | 'ǉ' => out.push('ǈ'),
        'Ǌ' | 'ǋ' | 'ǌ' => out.push('ǋ'),
        'Ǳ' | 'ǲ' | 'ǳ' => out.push('ǲ'),
        'ß' => out.push_str("Ss"),
        'ﬀ' => out.push_str("Ff"),
        'ﬁ' => out.push_str("Fi"),
        'ﬂ' => out.push_str("Fl"),
        'ﬃ' => out.push_str("Ffi"),
        'ﬄ' => out.push_str("Ffl"),
        'ﬅ' | 'ﬆ' => out.push_str("St"),
        c if is_titlecase(c) => out.push(c),
        _ => out.extend(c.to_uppercase()),
    }
}

/// `s.title()`: each run of cased letters starts uppercase, rest lowercase.
pub fn str_title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            push_titlecase(c, &mut out);
        }
        prev_cased = is_cased(c);
    }
    out
}

/// `s.capitalize()`: first character titlecased, the rest lowercased.
pub fn str_capitalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut it = s.chars();
    if let Some(c) = it.next() {
        push_titlecase(c, &mut out);
    }
    for c in it {
        out.extend(c.to_lowercase());
    }
    out
}

/// `s.swapcase()`.
pub fn str_swapcase(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_uppercase() {
            out.extend(c.to_lowercase());
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn pad_to(s: &str, width: i64, fill: char, left: i64) -> String {
    let mut out = String::with_capacity(s.len() + width.max(0) as usize);
    for _ in 0..left {
        out.push(fill);
    }
    out.push_str(s);
    let n = str_len(s);
    for _ in 0..(width - n - left).max(0) {
        out.push(fill);
    }
    out
}

/// `s.center(width, fill)` (CPython's placement of the odd padding char).
pub fn str_center(s: &str, width: i64, fill: char) -> String {
    let n = str_len(s);
    if width <= n {
        return s.to_string();
    }
    let marg = width - n;
    let left = marg / 2 + (marg & width & 1);
    pad_to(s, width, fill, left)
}

/// `s.ljust(width, fill)`.
pub fn str_ljust(s: &str, width: i64, fill: char) -> String {
    pad_to(s, width, fill, 0)
}

/// `s.rjust(width, fill)`.
pub fn str_rjust(s: &str, width: i64, fill: char) -> String {
    let n = str_len(s);
    pad_to(s, width, fill, (width - n).max(0))
}

/// `s.zfill(width)`: zeros after a leading sign.
pub fn str_zfill(s: &str, width: i64) -> String {
    let n = str_len(s);
    if width <= n {
        return s.to_string();
    }
    let (sign, rest) = if s.starts_with('-') || s.starts_with('+') { s.split_at(1) } else { ("", s) };
    let mut out = String::from(sign);
    for _ in 0..(width - n) {
        out.push('0');
    }
    out.push_str(rest);
    out
}

/// `s.expandtabs(tabsize)`.
pub fn str_expandtabs(s: &str, tabsize: i64) -> String {
    let mut out = String::new();
    let mut col = 0i64;
    for c in s.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    for _ in 0..n {
                        out.push(' ');
                    }
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    out
}

/// `s * n` (empty for n <= 0).
pub fn str_repeat(s: &str, n: i64) -> String {
    if n <= 0 {
        String::new()
    } else {
        s.repeat(n as usize)
    }
}

/// `s.removeprefix(p)`.
pub fn str_removeprefix(s: &str, p: &str) -> String {
    s.strip_prefix(p).unwrap_or(s).to_string()
}

/// `s.removesuffix(p)`.
pub fn str_removesuffix(s: &str, p: &str) -> String {
    if p.is_empty() {
        return s.to_string();
    }
    s.strip_suffix(p).unwrap_or(s).to_string()
}

/// A translation table as `str.maketrans` builds it: char -> replacement
/// (None deletes the char).
pub type TransTable = std::collections::HashMap<char, Option<String>>;

/// `str.maketrans(x, y, z)`: map x[i] to y[i], delete chars of z; x and y
/// must have equal length (ValueError otherwise).
pub fn str_maketrans(x: &str, y: &str, z: &str) -> PyResult<TransTable> {
    if str_len(x) != str_len(y) {
        return Err(PyException::new("ValueError", "the first two maketrans arguments must have equal length"));
    }
    let mut t = TransTable::new();
    for (a, b) in x.chars().zip(y.chars()) {
        t.insert(a, Some(b.to_string()));
    }
    for c in z.chars() {
        t.insert(c, None);
    }
    Ok(t)
}

/// `str.maketrans({...})` from (char, replacement) pairs.
pub fn str_maketrans_pairs(pairs: &[(char, Option<&str>)]) -> TransTable {
    pairs.iter().map(|(c, r)| (*c, r.map(|x| x.to_string()))).collect()
}

/// `s.translate(table)`.
pub fn str_translate(s: &str, table: &TransTable) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match table.get(&c) {
            None => out.push(c),
            Some(None) => {}
            Some(Some(r)) => out.push_str(r),
        }
    }
    out
}

// ---------------------------------------------------------------------------
// predicates

/// `s.isdigit()`.
pub fn str_isdigit(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || is_unicode_digit(c))
}

fn is_unicode_digit(c: char) -> bool {
    matches!(c, '²' | '³' | '¹' | '\u{2070}'..='\u{2079}' | '\u{2080}'..='\u{2089}' | '\u{2460}'..='\u{2468}')
        || (c.is_numeric() && c.to_digit(10).is_none() && is_decimal_char(c))
}

fn is_decimal_char(c: char) -> bool {
    let cp = c as u32;
    [
        0x0660u32, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0E50,
        0x0ED0, 0x0F20, 0x1040, 0xFF10,
    ]
    .iter()
    .any(|&b| cp >= b && cp < b + 10)
}

/// `s.isdecimal()`.
pub fn str_isdecimal(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_digit() || is_decimal_char(c))
}

/// `s.isnumeric()`.
pub fn str_isnumeric(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_numeric())
}

/// `s.isalpha()`.
pub fn str_isalpha(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_alphabetic())
}

/// `s.isalnum()`.
pub fn str_isalnum(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_alphanumeric())
}

/// `s.isspace()`.
pub fn str_isspace(s: &str) -> bool {
    !s.is_empty() && s.chars().all(py_isspace)
}

/// `s.isupper()`: some cased chars, none lowercase.
pub fn str_isupper(s: &str) -> bool {
    s.chars().any(is_cased) && !s.chars().any(|c| is_cased(c) && !c.is_uppercase())
}

/// `s.islower()`: some cased chars, none uppercase.
pub fn str_islower(s: &str) -> bool {
    s.chars().any(is_cased) && !s.chars().any(|c| is_cased(c) && !c.is_lowercase())
}

/// `s.istitle()`.
pub fn str_istitle(s: &str) -> bool {
    let mut prev_cased = false;
    let mut any = false;
    for c in s.chars() {
        if c.is_uppercase() || is_titlecase(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            any = true;
        } else if c.is_lowercase() {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            any = true;
        } else {
            prev_cased = false;
        }
    }
    any
}

/// `s.isidentifier()` (ASCII rules plus alphabetic Unicode letters).
pub fn str_isidentifier(s: &str) -> bool {
    let mut it = s.chars();
    match it.next() {
        Some(c) if c == '_' || c.is_alphabetic() => {}
        _ => return false,
    }
    it.all(|c| c == '_' || c.is_alphanumeric())
}

/// `s.isprintable()`.
pub fn str_isprintable(s: &str) -> bool {
    s.chars().all(is_printable_char)
}

/// `s.isascii()`.
pub fn str_isascii(s: &str) -> bool {
    s.is_ascii()
}

// ---------------------------------------------------------------------------
// ord / chr

/// `ord(s)`: TypeError unless s is one character.
pub fn ord(s: &str) -> PyResult<i64> {
    let mut it = s.chars();
    match (it.next(), it.next()) {
        (Some(c), None) => Ok(c as i64),
        _ => Err(PyException::new(
            "TypeError",
            format!("ord() expected a character, but string of length {} found", str_len(s)),
        )),
    }
}

/// `chr(i)`: ValueError outside range(0x110000) (surrogates also refused,
/// as Rust strings cannot hold them).
pub fn chr(i: i64) -> PyResult<String> {
    if !(0..0x110000).contains(&i) {
        return Err(PyException::new("ValueError", "chr() arg not in range(0x110000)"));
    }
    match std::char::from_u32(i as u32) {
        Some(c) => Ok(c.to_string()),
        None => Err(PyException::new("ValueError", "chr() of a surrogate code point is not supported")),
    }
}
