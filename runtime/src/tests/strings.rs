use super::cases::*;
use crate::*;

fn vs(v: &[&str]) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

#[test]
fn str_repr_table() {
    for &(s, want) in STR_REPR {
        assert_eq!(str_repr(s), want, "repr({:?})", s);
        assert_eq!(s.py_repr(), want);
    }
}

#[test]
fn indexing_and_slicing() {
    let w = "programming";
    assert_eq!(str_len(w), 11);
    assert_eq!(str_index(w, 0).unwrap(), "p");
    assert_eq!(str_index(w, -1).unwrap(), "g");
    assert_eq!(str_index(w, 3).unwrap(), "g");
    assert_eq!(str_index(w, 11).unwrap_err().traceback_line(), "IndexError: string index out of range");
    let t = "Hello, World";
    assert_eq!(str_slice(t, None, Some(5), None).unwrap(), "Hello");
    assert_eq!(str_slice(t, Some(7), None, None).unwrap(), "World");
    assert_eq!(str_slice(t, None, None, Some(-1)).unwrap(), "dlroW ,olleH");
    assert_eq!(str_slice(t, Some(-5), Some(-1), None).unwrap(), "Worl");
    assert_eq!(str_slice(t, None, None, Some(3)).unwrap(), "Hl r");
    assert_eq!(str_slice(t, Some(100), None, None).unwrap(), "");
    assert!(str_slice(t, None, None, Some(0)).is_err());
    assert_eq!(str_len("héllo"), 5);
    assert_eq!(str_index("héllo", 1).unwrap(), "é");
    assert_eq!(str_index("héllo", -4).unwrap(), "é");
    assert_eq!(str_slice("héllo", None, None, Some(-1)).unwrap(), "olléh");
    assert_eq!(str_slice("héllo", Some(1), Some(3), None).unwrap(), "él");
    assert_eq!(str_iter("ab").collect::<Vec<_>>(), vs(&["a", "b"]));
}

#[test]
fn searching() {
    let s = "The rain in Spain stays mainly in the plain";
    assert_eq!(str_find(s, "ain", None, None), 5);
    assert_eq!(str_find(s, "ain", Some(10), None), 14);
    assert_eq!(str_rfind(s, "ain", None, None), 40);
    assert_eq!(str_find(s, "xyz", None, None), -1);
    assert_eq!(str_index_of(s, "in", None, None).unwrap(), 6);
    assert_eq!(str_index_of(s, "xyz", None, None).unwrap_err().traceback_line(), "ValueError: substring not found");
    assert_eq!(str_count(s, "ain", None, None), 4);
    assert_eq!(str_count(s, "in", None, None), 6);
    assert_eq!(str_count(s, " ", None, None), 8);
    assert_eq!(str_count("abc", "", None, None), 4);
    assert_eq!(str_find("héllo wörld", "w", None, None), 6);
    assert!(str_startswith(s, "The") && str_endswith(s, "plain"));
    assert!(str_startswith_at(s, "rain", Some(4), None));
    assert!(str_endswith_any(s, &["x", "n"]));
    assert!(!str_startswith_any(s, &["x", "y"]));
}

#[test]
fn splitting_joining() {
    assert_eq!(str_split("a,b,,c,", Some(","), -1).unwrap(), vs(&["a", "b", "", "c", ""]));
    assert_eq!(str_split("  many   spaces here ", None, -1).unwrap(), vs(&["many", "spaces", "here"]));
    assert_eq!(str_split("no-sep", Some(","), -1).unwrap(), vs(&["no-sep"]));
    assert_eq!(str_split("red,blue,green", Some(","), 1).unwrap(), vs(&["red", "blue,green"]));
    assert_eq!(str_rsplit("red,blue,green", Some(","), 1).unwrap(), vs(&["red,blue", "green"]));
    assert_eq!(str_rsplit(" a b c ", None, 1).unwrap(), vs(&[" a b", "c"]));
    assert_eq!(str_split(" a b ", None, 1).unwrap(), vs(&["a", "b "]));
    assert_eq!(str_split("a b", None, 0).unwrap(), vs(&["a b"]));
    assert!(str_split("a", Some(""), -1).is_err());
    assert_eq!(str_splitlines("line1\nline2\r\nline3", false), vs(&["line1", "line2", "line3"]));
    assert_eq!(str_splitlines("a\n\nb\n", true), vs(&["a\n", "\n", "b\n"]));
    assert_eq!(str_join("|", vec!["red", "blue"]), "red|blue");
    assert_eq!(str_join(", ", (0..4).map(|i: i64| i.py_str())), "0, 1, 2, 3");
    assert_eq!(str_partition("key: value", ": ").unwrap(), ("key".into(), ": ".into(), "value".into()));
    assert_eq!(str_partition("no colon", ":").unwrap(), ("no colon".into(), "".into(), "".into()));
    assert_eq!(str_rpartition("a/b/c", "/").unwrap(), ("a/b".into(), "/".into(), "c".into()));
}

#[test]
fn transforming() {
    assert_eq!(str_strip("www.example.com", Some("wcom.")), "example");
    assert_eq!(str_strip("xxhixx", Some("x")), "hi");
    assert_eq!(str_lstrip("--flag", Some("-")), "flag");
    assert_eq!(str_strip("  a b \n", None), "a b");
    assert_eq!(str_rstrip("x  ", None), "x");
    assert_eq!(str_replace("abc", "", "-", -1), "-a-b-c-");
    assert_eq!(str_replace("aaa", "a", "b", 2), "bba");
    assert_eq!(str_title("hello world"), "Hello World");
    assert_eq!(str_title("they're bill's"), "They'Re Bill'S");
    assert_eq!(str_capitalize("hello world"), "Hello world");
    assert_eq!(str_swapcase("Hello World"), "hELLO wORLD");
    assert_eq!(str_upper("héllo"), "HÉLLO");
    assert_eq!(str_upper("straße"), "STRASSE");
    assert_eq!(str_lower("ÀB"), "àb");
    assert_eq!(str_casefold("Straße"), "strasse");
    assert_eq!(str_center("mid", 11, ' '), "    mid    ");
    assert_eq!(str_center("mid", 10, '*'), "***mid****");
    assert_eq!(str_center("ab", 5, ' '), "  ab ");
    assert_eq!(str_center("abc", 6, ' '), " abc  ");
    assert_eq!(str_ljust("left", 8, '.'), "left....");
    assert_eq!(str_rjust("right", 8, ' '), "   right");
    assert_eq!(str_zfill("42", 5), "00042");
    assert_eq!(str_zfill("-42", 6), "-00042");
    assert_eq!(str_expandtabs("tab\tseparated", 4), "tab separated");
    assert_eq!(str_repeat("ab", 3), "ababab");
    assert_eq!(str_repeat("ab", -1), "");
    assert_eq!(str_removeprefix("Mississippi", "Miss"), "issippi");
    assert_eq!(str_removesuffix("report.txt", ".txt"), "report");
    let t = str_maketrans_pairs(&[('a', Some("4")), ('e', Some("3")), ('o', Some("0"))]);
    assert_eq!(str_translate("hello world, code more", &t), "h3ll0 w0rld, c0d3 m0r3");
    let t2 = str_maketrans("-_", "  ", " ").unwrap();
    assert_eq!(str_translate("a-b_c d", &t2), "a b cd");
}

#[test]
fn predicates_and_chars() {
    assert!(str_isalnum("abc123") && str_isalpha("abc") && str_isdigit("123") && str_isspace("   "));
    assert!(!str_islower("Abc") && str_isupper("ABC"));
    assert!(!str_isdigit("") && !str_isalpha("") && !str_isspace(""));
    assert!(str_isdigit("²") && !str_isdecimal("²"));
    assert!(str_istitle("Hello World") && !str_istitle("Hello world"));
    assert!(str_isidentifier("_x1") && !str_isidentifier("1x"));
    assert_eq!(ord("A").unwrap(), 65);
    assert_eq!(chr(97).unwrap(), "a");
    assert_eq!(
        ord("ab").unwrap_err().traceback_line(),
        "TypeError: ord() expected a character, but string of length 2 found"
    );
    assert_eq!(chr(-1).unwrap_err().traceback_line(), "ValueError: chr() arg not in range(0x110000)");
    // Comparison of Rust strings is by code point, like Python's.
    assert!("abc" < "abd" && "Z" < "a" && "apple" < "apples" && "b" > "abc");
}

fn run_str_op(op: &str, s: &str, a: Option<&str>, n: i64) -> String {
    let arg = || a.unwrap_or("");
    match op {
        "split" => str_split(s, a, n).unwrap().py_repr(),
        "rsplit" => str_rsplit(s, a, n).unwrap().py_repr(),
        "strip" => str_strip(s, a).py_repr(),
        "lstrip" => str_lstrip(s, a).py_repr(),
        "rstrip" => str_rstrip(s, a).py_repr(),
        "find" => str_find(s, arg(), None, None).py_repr(),
        "rfind" => str_rfind(s, arg(), None, None).py_repr(),
        "count" => str_count(s, arg(), None, None).py_repr(),
        "find_from" | "find_neg" => str_find(s, arg(), Some(n), None).py_repr(),
        "upper" => str_upper(s).py_repr(),
        "lower" => str_lower(s).py_repr(),
        "title" => str_title(s).py_repr(),
        "capitalize" => str_capitalize(s).py_repr(),
        "swapcase" => str_swapcase(s).py_repr(),
        "casefold" => str_casefold(s).py_repr(),
        "isdigit" => str_isdigit(s).py_repr(),
        "isalpha" => str_isalpha(s).py_repr(),
        "isalnum" => str_isalnum(s).py_repr(),
        "isspace" => str_isspace(s).py_repr(),
        "isupper" => str_isupper(s).py_repr(),
        "islower" => str_islower(s).py_repr(),
        "istitle" => str_istitle(s).py_repr(),
        "isdecimal" => str_isdecimal(s).py_repr(),
        "isnumeric" => str_isnumeric(s).py_repr(),
        "isidentifier" => str_isidentifier(s).py_repr(),
        "isprintable" => str_isprintable(s).py_repr(),
        "center" => str_center(s, n, ' ').py_repr(),
        "center_star" => str_center(s, n, '*').py_repr(),
        "ljust" => str_ljust(s, n, '.').py_repr(),
        "rjust" => str_rjust(s, n, ' ').py_repr(),
        "zfill" => str_zfill(s, n).py_repr(),
        "splitlines" => str_splitlines(s, false).py_repr(),
        "splitlines_keep" => str_splitlines(s, true).py_repr(),
        "expandtabs" => str_expandtabs(s, n).py_repr(),
        "partition" => str_partition(s, arg()).unwrap().py_repr(),
        "rpartition" => str_rpartition(s, arg()).unwrap().py_repr(),
        "slice" => {
            let parts: Vec<Option<i64>> = arg().split('|').map(|p| p.parse::<i64>().ok()).collect();
            str_slice(s, parts[0], parts[1], parts[2]).unwrap().py_repr()
        }
        "repr" => str_repr(s).py_repr(),
        "len" => str_len(s).py_repr(),
        _ => panic!("unknown op {}", op),
    }
}

#[test]
fn str_ops_table() {
    let mut bad = Vec::new();
    for &(op, s, a, n, want) in STR_OPS {
        let got = run_str_op(op, s, a, n);
        if got != want {
            bad.push(format!("{}({:?}, {:?}, {}): got {} want {}", op, s, a, n, got, want));
        }
    }
    assert!(bad.is_empty(), "{} of {} mismatches: {:#?}", bad.len(), STR_OPS.len(), &bad[..bad.len().min(12)]);
}
