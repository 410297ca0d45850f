//! Corpus programs translated by hand in the style API.md prescribes for
//! the translator, run against CPython's expected output in
//! ../shared/corpus (skipped when that folder is absent).

use portalis_runtime as rt;
use portalis_runtime::prelude::*;
use std::path::PathBuf;

fn expected(name: &str) -> Option<String> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/corpus").join(format!("{}.out", name));
    std::fs::read_to_string(p).ok()
}

fn check(name: &str, program: fn() -> PyResult<()>) {
    let (r, out) = rt::capture_stdout(program);
    r.expect("program raised");
    match expected(name) {
        Some(want) => assert_eq!(out, want, "{}", name),
        None => eprintln!("skipping comparison for {}: corpus not found", name),
    }
}

// ---------------------------------------------------------------- t1_fizzbuzz

fn fizzbuzz(n: i64) -> PyResult<String> {
    if rt::mod_i64(n, 15)? == 0 {
        return Ok("FizzBuzz".to_string());
    } else if rt::mod_i64(n, 3)? == 0 {
        return Ok("Fizz".to_string());
    } else if rt::mod_i64(n, 5)? == 0 {
        return Ok("Buzz".to_string());
    }
    Ok(n.py_str())
}

fn count_kinds(limit: i64) -> PyResult<()> {
    let (mut fizz, mut buzz, mut both, mut plain) = (0i64, 0i64, 0i64, 0i64);
    for i in 1..rt::add_i64(limit, 1)? {
        let word = fizzbuzz(i)?;
        if word == "FizzBuzz" {
            both += 1;
        } else if word == "Fizz" {
            fizz += 1;
        } else if word == "Buzz" {
            buzz += 1;
        } else {
            plain += 1;
        }
    }
    let mut s = String::new();
    s.push_str("limit=");
    limit.py_str_into(&mut s);
    s.push_str(": fizz=");
    fizz.py_str_into(&mut s);
    s.push_str(" buzz=");
    buzz.py_str_into(&mut s);
    s.push_str(" fizzbuzz=");
    both.py_str_into(&mut s);
    s.push_str(" numbers=");
    plain.py_str_into(&mut s);
    rt::print(&[&s], " ", "\n");
    Ok(())
}

fn t1_fizzbuzz() -> PyResult<()> {
    for i in 1..31i64 {
        if rt::mod_i64(i, 10)? == 0 {
            rt::print(&[&fizzbuzz(i)?], " ", "\n");
        } else {
            rt::print(&[&fizzbuzz(i)?], " ", " ");
        }
    }
    count_kinds(15)?;
    count_kinds(100)?;
    count_kinds(1000)?;
    rt::print(&[&"a", &"b", &"c"], "-", "!\n");
    rt::print(&[&"done"], " ", "");
    rt::print_newline();
    Ok(())
}

#[test]
fn corpus_t1_fizzbuzz() {
    check("t1_fizzbuzz", t1_fizzbuzz);
}

// ---------------------------------------------------------------- t1_float_math

fn hypot(a: f64, b: f64) -> PyResult<f64> {
    rt::float_pow(a * a + b * b, 0.5)
}

fn average(values: &[f64]) -> PyResult<f64> {
    let mut s = 0.0;
    for v in values {
        s += v;
    }
    rt::float_div(s, values.len() as f64)
}

fn sqrt_newton(x: f64) -> PyResult<f64> {
    let mut guess = rt::float_div(x, 2.0)?;
    for _ in 0..20 {
        guess = rt::float_div(guess + rt::float_div(x, guess)?, 2.0)?;
    }
    Ok(guess)
}

fn t1_float_math() -> PyResult<()> {
    rt::print(
        &[
            &rt::true_div_i64(7, 2)?,
            &rt::true_div_i64(-7, 2)?,
            &rt::floor_div_i64(7, 2)?,
            &rt::floor_div_i64(-7, 2)?,
            &rt::float_floor_div(7.0, 2.0)?,
            &rt::float_floor_div(-7.5, 2.0)?,
        ],
        " ",
        "\n",
    );
    rt::print(
        &[&rt::mod_i64(7, 3)?, &rt::mod_i64(-7, 3)?, &rt::float_mod(7.5, 2.0)?, &rt::float_mod(-7.5, 2.0)?],
        " ",
        "\n",
    );
    rt::print(
        &[&rt::round0(2.5)?, &rt::round0(3.5)?, &rt::round0(-2.5)?, &rt::round_n(2.675, 2), &rt::round_n(1.005, 2)],
        " ",
        "\n",
    );
    rt::print(
        &[&rt::float_to_i64(3.99)?, &rt::float_to_i64(-3.99)?, &(7i64 as f64), &(-2.5f64).abs(), &rt::abs_i64(3)?],
        " ",
        "\n",
    );
    rt::print(&[&hypot(3.0, 4.0)?, &hypot(1.0, 1.0)?], " ", "\n");
    rt::print(&[&average(&[1.5, 2.5, 3.5])?, &average(&[0.1, 0.2, 0.3])?], " ", "\n");
    rt::print(&[&sqrt_newton(2.0)?, &sqrt_newton(144.0)?, &sqrt_newton(10.0)?], " ", "\n");
    rt::print(
        &[
            &rt::true_div_i64(1, 3)?,
            &rt::true_div_i64(2, 3)?,
            &rt::true_div_i64(10, 3)?,
            &1e-5,
            &1.5e10,
            &(123456789.0 * 10.0),
        ],
        " ",
        "\n",
    );
    rt::print(&[&(0.1 * 3.0), &(0.1 + 0.7), &100.0, &(3.0 * 1.1)], " ", "\n");
    let mut total: f64 = 0.0;
    for _ in 0..10 {
        total += 0.1;
    }
    rt::print(&[&total, &(total == 1.0), &((total - 1.0).abs() < 1e-9)], " ", "\n");
    let mut x: f64 = 1.0;
    let mut steps = 0i64;
    while x > 1e-3 {
        x = rt::float_div(x, 3.0)?;
        steps += 1;
    }
    rt::print(&[&"steps:", &steps, &"x:", &x], " ", "\n");
    let mut s = String::new();
    s.push_str(&3.14159f64.py_format(".2f")?);
    s.push(' ');
    s.push_str(&rt::float_div(2.0, 3.0)?.py_format(".5f")?);
    s.push(' ');
    s.push_str(&1234.5f64.py_format("10.1f")?);
    s.push_str("| ");
    s.push_str(&(-0.5f64).py_format("+.3f")?);
    s.push(' ');
    s.push_str(&1e6f64.py_format(".0f")?);
    s.push(' ');
    s.push_str(&0.000123f64.py_format(".2e")?);
    rt::print1(&s);
    let two_sqrt = rt::float_pow(2.0, 0.5)?;
    rt::print(
        &[
            &rt::max2(Value::from(2.5), Value::from(1i64)),
            &rt::min2(Value::from(-1i64), Value::from(-1.5)),
            &(two_sqrt * two_sqrt),
        ],
        " ",
        "\n",
    );
    Ok(())
}

#[test]
fn corpus_t1_float_math() {
    check("t1_float_math", t1_float_math);
}

// ---------------------------------------------------------------- t2_divmod_negatives

fn trunc_div(a: i64, b: i64) -> PyResult<i64> {
    let q = rt::floor_div_i64(rt::abs_i64(a)?, rt::abs_i64(b)?)?;
    Ok(if (a >= 0) == (b >= 0) { q } else { -q })
}

fn c_mod(a: i64, b: i64) -> PyResult<i64> {
    rt::sub_i64(a, rt::mul_i64(b, trunc_div(a, b)?)?)
}

fn weekday(day_index: i64) -> PyResult<String> {
    let names = vec!["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    Ok(rt::list_get(&names, rt::mod_i64(day_index, 7)?)?.to_string())
}

fn clock(minutes: i64) -> PyResult<String> {
    let (h, m) = rt::divmod_i64(rt::mod_i64(minutes, 24 * 60)?, 60)?;
    Ok(format!("{}:{}", h.py_format("02d")?, m.py_format("02d")?))
}

fn to_base_neg(n: i64, base: i64) -> PyResult<String> {
    let mut n = n;
    let mut digits: Vec<String> = Vec::new();
    while n != 0 {
        let (q, mut r) = rt::divmod_i64(n, base)?;
        n = q;
        if r < 0 {
            n += 1;
            r -= base;
        }
        digits.push(r.py_str());
    }
    let s = rt::str_join("", digits.iter().rev());
    Ok(if s.is_empty() { "0".to_string() } else { s })
}

fn t2_divmod_negatives() -> PyResult<()> {
    let pairs: Vec<(i64, i64)> = vec![(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (5, 17), (-1, 7)];
    rt::print1(&format!(
        "{} {} {} {} {} {}",
        "a".py_format(">4")?,
        "b".py_format(">4")?,
        "a//b".py_format(">5")?,
        "a%b".py_format(">4")?,
        "divmod".py_format(">10")?,
        "a/b".py_format(">10")?
    ));
    for &(a, b) in &pairs {
        let (q, r) = rt::divmod_i64(a, b)?;
        if !(rt::add_i64(rt::mul_i64(q, b)?, r)? == a) {
            return Err(PyException::assertion_error(""));
        }
        rt::print1(&format!(
            "{} {} {} {} {} {}",
            a.py_format(">4")?,
            b.py_format(">4")?,
            rt::floor_div_i64(a, b)?.py_format(">5")?,
            rt::mod_i64(a, b)?.py_format(">4")?,
            (q, r).py_str().py_format(">10")?,
            rt::true_div_i64(a, b)?.py_format(">10.4f")?
        ));
    }
    for &(a, b) in rt::list_slice(&pairs, None, Some(4), None)?.iter() {
        rt::print1(&format!(
            "C-style: {} / {} = {}, {} % {} = {}, int(a/b) = {}",
            a,
            b,
            trunc_div(a, b)?,
            a,
            b,
            c_mod(a, b)?,
            rt::float_to_i64(rt::true_div_i64(a, b)?)?
        ));
    }
    rt::print(
        &[
            &rt::float_divmod(7.5, 2.0)?,
            &rt::float_divmod(-7.5, 2.0)?,
            &rt::float_floor_div(7.5, -2.0)?,
            &rt::float_mod(-7.5, 2.0)?,
        ],
        " ",
        "\n",
    );
    rt::print(
        &[
            &rt::floor_div_i64(-7, 2)?,
            &-rt::floor_div_i64(7, 2)?,
            &rt::mod_i64(-7, 2)?,
            &rt::mod_i64(7, -2)?,
            &rt::floor_div_i64(-8, 4)?,
            &rt::floor_div_i64(-9, 4)?,
        ],
        " ",
        "\n",
    );
    rt::print(
        &[
            &Value::from(2i64).pow(&Value::from(-2i64))?,
            &rt::pow_i64(-2, 3)?,
            &-rt::pow_i64(2, 2)?,
            &rt::pow_i64(-3, 3)?,
            &rt::pow_i64(-3, 4)?,
        ],
        " ",
        "\n",
    );
    rt::print(
        &[
            &rt::round0(rt::true_div_i64(7, 2)?)?,
            &rt::round0(rt::true_div_i64(-7, 2)?)?,
            &rt::round0(rt::true_div_i64(5, 2)?)?,
            &rt::round0(rt::true_div_i64(-5, 2)?)?,
            &rt::round0(0.5)?,
            &rt::round0(1.5)?,
        ],
        " ",
        "\n",
    );
    rt::print(
        &[
            &rt::float_to_i64(-3.7)?,
            &rt::float_to_i64(3.7)?,
            &rt::float_floor_div(-3.7, 1.0)?,
            &rt::float_floor_div(3.7, 1.0)?,
        ],
        " ",
        "\n",
    );
    let days: Vec<String> = rt::range(-3, 10, 2)?.map(weekday).collect::<PyResult<_>>()?;
    rt::print1(&days);
    let clocks: Vec<String> =
        vec![0i64, 59, 61, 1439, 1440, -1, -61, 3000].into_iter().map(clock).collect::<PyResult<_>>()?;
    rt::print1(&clocks);
    let negs: Vec<String> =
        vec![0i64, 1, 2, 3, 6, -3, 10].into_iter().map(|n| to_base_neg(n, -2)).collect::<PyResult<_>>()?;
    rt::print1(&negs);
    rt::print(
        &[
            &rt::float_mod(10.0, 3.5)?,
            &rt::float_mod(-10.0, 3.5)?,
            &rt::float_mod(1e10, 7.0)?,
            &rt::mod_i64(rt::pow_i64(2, 31)?, 1000)?,
            &rt::floor_div_i64(-rt::pow_i64(2, 40)?, 3)?,
        ],
        " ",
        "\n",
    );
    let total_cents = -1234i64;
    let sign = if total_cents < 0 { "-" } else { "" };
    let (d, c) = rt::divmod_i64(rt::abs_i64(total_cents)?, 100)?;
    rt::print1(&format!("{}${}.{}", sign, d, c.py_format("02d")?));
    rt::print(
        &[
            &rt::sum_i64(rt::range(-10, 11, 3)?)?,
            &rt::range(5, -6, -4)?.collect::<Vec<i64>>(),
            &rt::range(-10, 10, 3)?.len(),
        ],
        " ",
        "\n",
    );
    Ok(())
}

#[test]
fn corpus_t2_divmod_negatives() {
    check("t2_divmod_negatives", t2_divmod_negatives);
}

// ---------------------------------------------------------------- t2_custom_exceptions

struct InsufficientFundsFields {
    needed: i64,
    available: i64,
}

fn insufficient_funds(needed: i64, available: i64) -> PyException {
    PyException::new("InsufficientFunds", format!("need {}, have {}", needed, available))
        .with_payload(InsufficientFundsFields { needed, available })
}

struct Account {
    owner: String,
    balance: i64,
    log: Vec<(String, i64)>,
}

impl Account {
    fn deposit(&mut self, amount: i64) -> PyResult<()> {
        if amount <= 0 {
            return Err(PyException::new("InvalidAmount", format!("deposit must be positive, got {}", amount)));
        }
        self.balance = rt::add_i64(self.balance, amount)?;
        self.log.push(("deposit".to_string(), amount));
        Ok(())
    }
    fn withdraw(&mut self, amount: i64) -> PyResult<()> {
        if amount <= 0 {
            return Err(PyException::new("InvalidAmount", "withdrawal must be positive"));
        }
        if amount > self.balance {
            return Err(insufficient_funds(amount, self.balance));
        }
        self.balance = rt::sub_i64(self.balance, amount)?;
        self.log.push(("withdraw".to_string(), amount));
        Ok(())
    }
}

fn attempt(account: &mut Account, action: &str, amount: i64) -> PyResult<()> {
    let r: PyResult<()> = (|| -> PyResult<()> {
        if action == "deposit" {
            account.deposit(amount)?;
        } else if action == "withdraw" {
            account.withdraw(amount)?;
        } else {
            return Err(PyException::key_error(action));
        }
        Ok(())
    })();
    let handled: PyResult<()> = match r {
        Ok(()) => {
            rt::print1(&format!("  ok: {} {} -> balance {}", action, amount, account.balance));
            Ok(())
        }
        Err(e) if e.is_instance_of("InsufficientFunds") => {
            let f = e.payload_ref::<InsufficientFundsFields>().expect("fields");
            rt::print1(&format!("  refused: {} (short by {})", e.py_str(), f.needed - f.available));
            Ok(())
        }
        Err(e) if e.is_instance_of("InvalidAmount") => {
            rt::print1(&format!("  invalid: {}", e.py_str()));
            Ok(())
        }
        Err(e) if e.is_instance_of("KeyError") => {
            rt::print1(&format!("  unknown action {}", e.py_str()));
            Ok(())
        }
        Err(e) => Err(e),
    };
    rt::print1(&format!("  [{} has {}]", account.owner, account.balance));
    handled
}

fn parse_amount(text: &str) -> PyResult<Option<i64>> {
    let r = match rt::int_from_str(text) {
        Ok(v) => Ok(Some(v)),
        Err(e) if e.is_instance_of("ValueError") => Ok(None),
        Err(e) => Err(e),
    };
    rt::print(&[&"parsed", &text.py_repr()], " ", "\n");
    r
}

fn t2_custom_exceptions() -> PyResult<()> {
    rt::register_class("BankError", &["Exception"]);
    rt::register_class("InsufficientFunds", &["BankError"]);
    rt::register_class("InvalidAmount", &["BankError", "ValueError"]);
    let mut acct = Account { owner: "ana".to_string(), balance: 100, log: Vec::new() };
    let ops = vec![
        ("deposit", 50i64),
        ("withdraw", 30),
        ("withdraw", 500),
        ("deposit", -5),
        ("transfer", 1),
        ("withdraw", 120),
    ];
    for (action, amount) in ops {
        rt::print(&[&action, &amount], " ", "\n");
        attempt(&mut acct, action, amount)?;
    }
    rt::print1(&acct.log);
    match acct.deposit(0) {
        Ok(()) => {}
        Err(e) if e.is_instance_of("ValueError") => {
            rt::print(&[&"caught as ValueError:", &e, &e.is_instance_of("BankError")], " ", "\n");
        }
        Err(e) => return Err(e),
    }
    let mut parsed: Vec<Option<i64>> = Vec::new();
    for t in ["12", "x1", "-7", ""] {
        parsed.push(parse_amount(t)?);
    }
    rt::print1(&parsed);
    let outer: PyResult<()> = (|| -> PyResult<()> {
        let inner: PyResult<()> = Err(insufficient_funds(10, 3));
        match inner {
            Err(e) if e.is_instance_of("BankError") => {
                rt::print(&[&"inner handler:", &e.args_tuple()], " ", "\n");
                Err(e)
            }
            r => r,
        }
    })();
    match outer {
        Err(e) if e.is_instance_of("Exception") => {
            rt::print(&[&"outer handler:", &e.class_name(), &e], " ", "\n");
        }
        r => r?,
    }
    Ok(())
}

#[test]
fn corpus_t2_custom_exceptions() {
    check("t2_custom_exceptions", t2_custom_exceptions);
}

// ---------------------------------------------------------------- t2_word_count

const TEXT: &str = "the quick brown fox jumps over the lazy dog
the dog barks and the fox runs
a quick brown dog jumps over a lazy fox
  and then the story ends  ";

fn count_words(text: &str) -> PyResult<Dict<String, i64>> {
    let mut counts: Dict<String, i64> = Dict::new();
    for line in rt::str_splitlines(text, false) {
        for word in rt::str_split(&line, None, -1)? {
            let n = counts.get_or(&word, 0);
            counts.insert(word, rt::add_i64(n, 1)?);
        }
    }
    Ok(counts)
}

fn t2_word_count() -> PyResult<()> {
    let counts = count_words(TEXT)?;
    rt::print(&[&"distinct words:", &counts.len()], " ", "\n");
    rt::print(&[&"total words:", &rt::sum_i64(counts.values().copied())?], " ", "\n");
    let by_freq = rt::sorted_by_key(counts.items_vec(), |kv| (-kv.1, kv.0.clone()), false);
    for (word, n) in rt::list_slice(&by_freq, None, Some(8), None)? {
        rt::print1(&format!("{}{} {}", word.py_format("<8")?, n.py_format(">3")?, rt::str_repeat("#", n)));
    }
    rt::print(&[&"first seen:", &rt::list_slice(&counts.keys_vec(), None, Some(5), None)?], " ", "\n");
    let mut by_length: Dict<i64, Vec<String>> = Dict::new();
    for w in counts.keys() {
        by_length.setdefault_with(rt::str_len(w), Vec::new).push(w.clone());
    }
    for length in rt::sorted(by_length.keys().copied(), false) {
        rt::print(&[&length, &rt::sorted(by_length.getitem(&length)?.iter().cloned(), false)], " ", "\n");
    }
    rt::print(&[&"longest word:", rt::max_by_key(counts.keys(), |w| rt::str_len(w))?], " ", "\n");
    rt::print(&[&"shortest word:", rt::min_by_key(counts.keys(), |w| rt::str_len(w))?], " ", "\n");
    let per_line: Vec<i64> = rt::str_splitlines(TEXT, false)
        .iter()
        .map(|line| Ok(rt::str_split(line, None, -1)?.len() as i64))
        .collect::<PyResult<_>>()?;
    rt::print(&[&"words per line:", &per_line], " ", "\n");
    let singles = rt::sorted(counts.iter().filter(|(_, n)| **n == 1).map(|(w, _)| w.clone()), false);
    rt::print(&[&"singletons:", &singles], " ", "\n");
    let mut letters: Dict<String, i64> = Dict::new();
    for ch in rt::str_iter(TEXT) {
        if rt::str_isalpha(&ch) {
            let n = letters.get_or(&ch, 0);
            letters.insert(ch, n + 1);
        }
    }
    let top = rt::list_slice(
        &rt::sorted_by_key(letters.keys_vec(), |c| (-*letters.get(c).unwrap_or(&0), c.clone()), false),
        None,
        Some(5),
        None,
    )?;
    let pairs: Vec<(String, i64)> =
        top.iter().map(|c| Ok((c.clone(), *letters.getitem(c)?))).collect::<PyResult<_>>()?;
    rt::print(&[&"top letters:", &pairs], " ", "\n");
    let small: Dict<String, i64> =
        counts.iter().filter(|(w, _)| rt::str_len(w) <= 3).map(|(w, n)| (w.clone(), *n)).collect();
    rt::print1(&small);
    Ok(())
}

#[test]
fn corpus_t2_word_count() {
    check("t2_word_count", t2_word_count);
}

// ---------------------------------------------------------------- t2_string_methods (first half)

fn t2_string_methods_head() -> PyResult<()> {
    let line = "  name=Widget; price=19.99; tags=red,blue,green  ";
    rt::print(
        &[
            &rt::str_strip(line, None).py_repr(),
            &rt::str_lstrip(line, None).py_repr(),
            &rt::str_rstrip(line, None).py_repr(),
        ],
        " ",
        "\n",
    );
    let fields = rt::str_split(&rt::str_strip(line, None), Some("; "), -1)?;
    rt::print1(&fields);
    let mut record: Dict<String, String> = Dict::new();
    for f in &fields {
        let (key, _, value) = rt::str_partition(f, "=")?;
        record.insert(key, value);
    }
    rt::print1(&record);
    let tags = record.getitem("tags")?;
    rt::print(
        &[
            &rt::str_split(tags, Some(","), -1)?,
            &rt::str_split(tags, Some(","), 1)?,
            &rt::str_rsplit(tags, Some(","), 1)?,
        ],
        " ",
        "\n",
    );
    rt::print1(&rt::str_upper(&rt::str_join("|", rt::str_split(tags, Some(","), -1)?)));
    let s = "The rain in Spain stays mainly in the plain";
    rt::print(
        &[
            &rt::str_find(s, "ain", None, None),
            &rt::str_find(s, "ain", Some(10), None),
            &rt::str_rfind(s, "ain", None, None),
            &rt::str_find(s, "xyz", None, None),
            &rt::str_index_of(s, "in", None, None)?,
        ],
        " ",
        "\n",
    );
    rt::print(
        &[
            &rt::str_count(s, "ain", None, None),
            &rt::str_count(s, "in", None, None),
            &rt::str_count(s, " ", None, None),
        ],
        " ",
        "\n",
    );
    rt::print(&[&rt::str_replace(s, "ain", "AIN", -1), &rt::str_replace(s, "ain", "_", 2)], "\n", "\n");
    rt::print(&[&rt::str_lower(s), &rt::str_upper(s)], " / ", "\n");
    rt::print(
        &[&rt::str_title("hello world"), &rt::str_capitalize("hello world"), &rt::str_swapcase("Hello World")],
        " ",
        "\n",
    );
    rt::print(
        &[
            &s.starts_with("The"),
            &s.ends_with("plain"),
            &rt::str_startswith_at(s, "rain", Some(4), None),
            &rt::str_endswith_any(s, &["x", "n"]),
        ],
        " ",
        "\n",
    );
    rt::print(
        &[
            &rt::str_isalnum("abc123"),
            &rt::str_isalpha("abc"),
            &rt::str_isdigit("123"),
            &rt::str_isspace("   "),
            &rt::str_islower("Abc"),
            &rt::str_isupper("ABC"),
        ],
        " ",
        "\n",
    );
    rt::print(
        &[&format!("[{}]", rt::str_center("mid", 11, ' ')), &format!("[{}]", rt::str_center("mid", 10, '*'))],
        " ",
        "\n",
    );
    rt::print(
        &[
            &format!("[{}]", rt::str_ljust("left", 8, '.')),
            &format!("[{}]", rt::str_rjust("right", 8, ' ')),
            &rt::str_zfill("42", 5),
            &rt::str_zfill("-42", 6),
        ],
        " ",
        "\n",
    );
    rt::print(
        &[
            &rt::str_join("x", ["a", "b", "c"]),
            &rt::str_join("", rt::str_iter("stressed").rev()),
            &rt::str_join(", ", (0..4i64).map(|n| n.py_str())),
        ],
        " ",
        "\n",
    );
    Ok(())
}

#[test]
fn corpus_t2_string_methods_head() {
    let (r, out) = rt::capture_stdout(t2_string_methods_head);
    r.expect("program raised");
    if let Some(want) = expected("t2_string_methods") {
        let n = out.lines().count();
        let head: Vec<&str> = want.lines().take(n).collect();
        assert_eq!(out, head.join("\n") + "\n");
    }
}

// ---------------------------------------------------------------- t2_bigint

fn factorial(n: i64) -> Int {
    let mut result = Int::one();
    for k in 2..n + 1 {
        result *= k;
    }
    result
}

fn fib(n: i64) -> Int {
    let (mut a, mut b) = (Int::zero(), Int::one());
    for _ in 0..n {
        let next = &a + &b;
        a = std::mem::replace(&mut b, next);
    }
    a
}

fn digit_sum(n: &Int) -> PyResult<i64> {
    rt::sum_i64(rt::str_iter(&n.py_str()).map(|d| rt::int_from_str(&d)).collect::<PyResult<Vec<i64>>>()?)
}

fn catalan(n: i64) -> PyResult<Int> {
    factorial(2 * n).floor_div(&(factorial(n + 1) * factorial(n)))
}

fn isqrt(n: &Int) -> PyResult<Int> {
    let (mut x, mut y) = (n.clone(), (n + 1).floor_div(&Int::from(2))?);
    while y < x {
        let ny = (&y + &n.floor_div(&y)?).floor_div(&Int::from(2))?;
        x = std::mem::replace(&mut y, ny);
    }
    Ok(x)
}

fn p2(e: u64) -> Int {
    Int::from(2).pow(e)
}

fn t2_bigint() -> PyResult<()> {
    rt::print(&[&"40! =", &factorial(40)], " ", "\n");
    rt::print(&[&"2**100 =", &p2(100)], " ", "\n");
    rt::print(&[&"2**64 - 1 =", &(p2(64) - 1), &"2**63 =", &p2(63)], " ", "\n");
    rt::print(&[&"fib(100) =", &fib(100)], " ", "\n");
    rt::print(&[&"fib(200) =", &fib(200)], " ", "\n");
    rt::print(&[&"digit sum of 100! =", &digit_sum(&factorial(100))?], " ", "\n");
    rt::print(&[&"digits in 2**1000:", &rt::str_len(&p2(1000).py_str()), &"sum:", &digit_sum(&p2(1000))?], " ", "\n");
    let big = factorial(30);
    rt::print(
        &[
            &big.floor_div(&Int::from(10).pow(20))?,
            &big.py_mod(&Int::from(1000000007))?,
            &(-&big).floor_div(&Int::from(7))?,
            &(-&big).py_mod(&Int::from(7))?,
        ],
        " ",
        "\n",
    );
    rt::print(&[&(Int::from(3).pow(80) - p2(120)), &(Int::from(3).pow(80) * Int::from(7).pow(40))], " ", "\n");
    rt::print(
        &[
            &Int::from(2).pow_mod(&Int::from(1000), &(Int::from(10).pow(9) + 7))?,
            &Int::from(3).pow(200).py_mod(&Int::from(1000))?,
        ],
        " ",
        "\n",
    );
    let x: Int = "12345678901234567890".parse()?;
    let y: Int = "98765432109876543210".parse()?;
    rt::print(&[&(&x + &y), &(&y - &x), &(&x * &y), &y.floor_div(&x)?, &y.py_mod(&x)?], " ", "\n");
    rt::print(&[&(x == "12345678901234567890".parse::<Int>()?), &(x < y), &(-&x < -&y), &(-&x).abs()], " ", "\n");
    rt::print(
        &[
            &rt::hex_int(&p2(70)),
            &rt::bin_int(&(p2(65) + 1)),
            &Int::parse(&rt::str_repeat("1", 30), 10)?,
            &(Int::parse(&rt::str_repeat("9", 25), 10)? + 1),
        ],
        " ",
        "\n",
    );
    let cats: Vec<Int> = (0..12).map(catalan).collect::<PyResult<_>>()?;
    rt::print1(&cats);
    rt::print(&[&"catalan(50) =", &catalan(50)?], " ", "\n");
    rt::print(
        &[
            &"isqrt(10**40) =",
            &isqrt(&Int::from(10).pow(40))?,
            &"isqrt(2*10**30) =",
            &isqrt(&(Int::from(10).pow(30) * 2))?,
        ],
        " ",
        "\n",
    );
    let mut total = Int::zero();
    for i in 1..60i64 {
        total += Int::from(i).pow(12);
    }
    rt::print(&[&"sum i^12:", &total], " ", "\n");
    rt::print(
        &[
            &p2(90).py_format(",")?,
            &factorial(25).py_format(">40")?,
            &rt::str_slice(&p2(200).py_str(), None, Some(20), None)?,
            &Int::from(10).pow(30).true_div(&Int::from(4))?,
            &p2(70).true_div(&p2(20))?,
        ],
        " ",
        "\n",
    );
    rt::print(
        &[
            &rt::sum_int(vec![p2(62), p2(62), p2(62)]),
            &rt::max2(p2(100), Int::from(3).pow(60)),
            &(p2(127) - 1).py_mod(&Int::from(1000))?,
        ],
        " ",
        "\n",
    );
    Ok(())
}

#[test]
fn corpus_t2_bigint() {
    check("t2_bigint", t2_bigint);
}

// ---------------------------------------------------------------- t2_format_table

fn v<T: ToValue>(x: T) -> Value {
    x.to_value()
}

fn t2_format_table() -> PyResult<()> {
    let rows: Vec<(String, i64, f64)> = vec![
        ("Widget".into(), 4, 3.5),
        ("Gadget".into(), 12, 12.25),
        ("Thingamajig".into(), 1, 199.999),
        ("Doohickey".into(), 250, 0.075),
    ];
    rt::print1(&format!(
        "{}|{}|{}|{}",
        "Item".py_format("<12")?,
        "Qty".py_format(">5")?,
        "Price".py_format(">10")?,
        "Total".py_format(">12")?
    ));
    rt::print1(
        &(rt::str_repeat("-", 12)
            + "+"
            + &rt::str_repeat("-", 5)
            + "+"
            + &rt::str_repeat("-", 10)
            + "+"
            + &rt::str_repeat("-", 12)),
    );
    let mut grand = 0.0f64;
    for (name, qty, price) in &rows {
        let total = *qty as f64 * price;
        grand += total;
        rt::print1(&format!(
            "{}|{}|{}|{}",
            name.py_format("<12")?,
            qty.py_format(">5d")?,
            price.py_format(">10.3f")?,
            total.py_format(">12,.2f")?
        ));
    }
    let qty_sum = rt::sum_i64(rows.iter().map(|r| r.1))?;
    rt::print1(&format!(
        "{}|{}|{}|{}",
        "TOTAL".py_format("<12")?,
        qty_sum.py_format(">5")?,
        "".py_format(">10")?,
        grand.py_format(">12,.2f")?
    ));
    rt::print1(&rt::str_format("{:>8.3f}|{:<8.2f}|{:^9.1f}|", &[v(3.14159), v(2.71828), v(1.41421)], &[])?);
    rt::print(
        &[
            &rt::str_format("{0} {1} {0}", &[v("a"), v("b")], &[])?,
            &rt::str_format("{name}-{num:03d}", &[], &[("name", v("id")), ("num", v(7i64))])?,
        ],
        " ",
        "\n",
    );
    rt::print1(&rt::str_format("{:+d} {:+d} {: d} {: d}", &[v(5i64), v(-5i64), v(5i64), v(-5i64)], &[])?);
    rt::print1(&rt::str_format("{:,} {:_} {:,.3f}", &[v(1234567i64), v(1234567i64), v(1234567.891)], &[])?);
    rt::print1(&rt::str_format(
        "{:e} {:.2e} {:E} {:g} {:g} {:g}",
        &[v(12345.678), v(0.000123), v(1e20), v(0.0001), v(1e-5), v(123456789.0)],
        &[],
    )?);
    rt::print1(&rt::str_format("{:%} {:.1%} {:.0%}", &[v(0.25), v(0.1234), v(rt::true_div_i64(2, 3)?)], &[])?);
    rt::print1(&rt::str_format(
        "[{:*^15}] [{:#<6}] [{:0>6}] [{:=+8}]",
        &[v("center"), v("ab"), v(42i64), v(-17i64)],
        &[],
    )?);
    rt::print1(&rt::str_format(
        "{:x} {:X} {:o} {:b} {:#06x} {:#o}",
        &[v(3054i64), v(3054i64), v(8i64), v(5i64), v(255i64), v(8i64)],
        &[],
    )?);
    rt::print1(&format!(
        "{}|{}|{}",
        "nested".py_format(&format!(">{}", 10))?,
        3.14159f64.py_format(&format!(".{}f", 3))?,
        42i64.py_format(&format!("{}{}", ">", 6))?
    ));
    let (width, prec) = (12i64, 4i64);
    rt::print1(&format!("[{}]", rt::float_pow(2.0, 0.5)?.py_format(&format!("{}.{}f", width, prec))?));
    rt::print1(&format!(
        "{}|{}|{}|{}|{}",
        7i64.py_format("5")?,
        "x".py_format("5")?,
        2.5f64.py_format("5")?,
        true.py_str().py_format(">6")?,
        ().py_repr()
    ));
    rt::print1(&format!("{}{}{}", "tab".py_format(">6s")?, 3i64.py_format(">4d")?, 0.5f64.py_format(">6.1%")?));
    let value = 1234.5f64;
    rt::print(
        &[
            &format!("value={}", value.py_repr()),
            &value.py_format(".0f")?,
            &value.py_format("010.2f")?,
            &(-value).py_format(">12,.1f")?,
        ],
        " ",
        "\n",
    );
    rt::print(
        &[
            &rt::str_format("{:.3}", &[v(3.14159)], &[])?,
            &rt::str_format("{:.3}", &[v("truncate")], &[])?,
            &rt::str_format("{:10.4}|", &[v("longword")], &[])?,
        ],
        " ",
        "\n",
    );
    rt::print(
        &[
            &rt::percent_format("%d items at %.2f each = %8.3f", &[v(3i64), v(1.5), v(4.5)])?,
            &rt::percent_format("%s/%r", &[v("s"), v("r")])?,
            &rt::percent_format("%5s|%-5s|", &[v("ab"), v("cd")])?,
        ],
        " ",
        "\n",
    );
    rt::print1(&rt::percent_format("%x %o %e %05d %+.1f %%", &[v(255i64), v(8i64), v(1234.5), v(42i64), v(2.25)])?);
    rt::print(
        &[
            &rt::py_format(&0.5f64, ".2f")?,
            &rt::py_format(&255i64, "08b")?,
            &rt::py_format(&1e-7f64, ".3g")?,
            &rt::py_format(&123.456f64, "10.1f")?,
        ],
        " ",
        "\n",
    );
    let sev = rt::true_div_i64(1, 7)?;
    rt::print(&[&sev.py_str(), &2.5f64.py_repr(), &sev, &1e16f64, &1.0e-4f64, &12345678901234567890.0f64], " ", "\n");
    Ok(())
}

#[test]
fn corpus_t2_format_table() {
    check("t2_format_table", t2_format_table);
}

// ---------------------------------------------------------------- t3_bisect_grades

const BREAKPOINTS: [i64; 4] = [60, 70, 80, 90];
const GRADES: &str = "FDCBA";

fn grade(score: i64) -> PyResult<String> {
    rt::str_index(GRADES, rt::bisect::bisect(&BREAKPOINTS, &score))
}

fn index_of(a: &[i64], x: i64) -> i64 {
    let i = rt::bisect::bisect_left(a, &x);
    if i != a.len() as i64 && a[i as usize] == x {
        return i;
    }
    -1
}

fn count_in_range(a: &[i64], lo: i64, hi: i64) -> i64 {
    rt::bisect::bisect_right(a, &hi) - rt::bisect::bisect_left(a, &lo)
}

fn sqrt_floor(n: i64) -> PyResult<i64> {
    let (mut lo, mut hi) = (0i64, rt::add_i64(n, 1)?);
    while lo < hi - 1 {
        let mid = rt::floor_div_i64(lo + hi, 2)?;
        if rt::mul_i64(mid, mid)? <= n {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

fn t3_bisect_grades() -> PyResult<()> {
    let scores: Vec<i64> = vec![33, 99, 77, 70, 89, 90, 100, 59, 60, 81];
    rt::print1(&scores.iter().map(|s| grade(*s)).collect::<PyResult<Vec<String>>>()?);
    let mut m: Dict<i64, String> = Dict::new();
    for s in rt::list_slice(&rt::sorted(scores.iter().copied(), false), None, Some(4), None)? {
        m.insert(s, grade(s)?);
    }
    rt::print1(&m);
    let data: Vec<i64> = vec![1, 3, 3, 3, 5, 8, 13];
    for x in [0i64, 3, 4, 13, 20] {
        rt::print(&[&x, &rt::bisect::bisect_left(&data, &x), &rt::bisect::bisect_right(&data, &x)], " ", "\n");
    }
    let mut sorted_list: Vec<i64> = Vec::new();
    for x in [42i64, 7, 19, 7, 88, 1, 63] {
        rt::bisect::insort(&mut sorted_list, x);
        rt::print(&[&"insert", &x, &"->", &sorted_list], " ", "\n");
    }
    rt::print(&[&index_of(&sorted_list, 19), &index_of(&sorted_list, 20), &index_of(&sorted_list, 88)], " ", "\n");
    rt::print(
        &[&count_in_range(&data, 3, 8), &count_in_range(&data, 4, 4), &count_in_range(&data, -5, 100)],
        " ",
        "\n",
    );
    let events: Vec<(i64, String)> = vec![
        (1, "boot".into()),
        (5, "login".into()),
        (9, "compile".into()),
        (14, "test".into()),
        (20, "deploy".into()),
    ];
    let times: Vec<i64> = events.iter().map(|e| e.0).collect();
    let event_at = |t: i64| -> PyResult<String> {
        let i = rt::bisect::bisect_right(&times, &t) - 1;
        Ok(if i >= 0 { rt::list_get(&events, i)?.1.clone() } else { "nothing yet".to_string() })
    };
    rt::print1(&[0i64, 1, 4, 9, 15, 100].iter().map(|t| event_at(*t)).collect::<PyResult<Vec<String>>>()?);
    let words =
        rt::sorted(vec!["pear", "apple", "fig", "kiwi", "grape", "banana"].into_iter().map(String::from), false);
    rt::print(
        &[
            &words,
            &rt::bisect::bisect_left(&words, &"cherry".to_string()),
            &rt::bisect::bisect(&words, &"kiwi".to_string()),
        ],
        " ",
        "\n",
    );
    let pos = rt::bisect::bisect_left(&words, &"h".to_string());
    rt::print(&[&"first word >= 'h':", rt::list_get(&words, pos)?], " ", "\n");
    rt::print1(&[0i64, 1, 15, 16, 17, 1000000, 999999].iter().map(|n| sqrt_floor(*n)).collect::<PyResult<Vec<i64>>>()?);
    let mut records =
        rt::sorted_by_key(vec![("bob".to_string(), 31i64), ("amy".into(), 25), ("cat".into(), 40)], |r| r.1, false);
    let ages: Vec<i64> = records.iter().map(|r| r.1).collect();
    let i = rt::bisect::bisect(&ages, &30);
    rt::list_insert(&mut records, i, ("dan".to_string(), 30));
    rt::print1(&records);
    let mut lis_tails: Vec<i64> = Vec::new();
    for x in [10i64, 9, 2, 5, 3, 7, 101, 18, 4, 19] {
        let j = rt::bisect::bisect_left(&lis_tails, &x);
        if j == lis_tails.len() as i64 {
            lis_tails.push(x);
        } else {
            rt::list_set(&mut lis_tails, j, x)?;
        }
    }
    rt::print(&[&"LIS length:", &lis_tails.len(), &lis_tails], " ", "\n");
    Ok(())
}

#[test]
fn corpus_t3_bisect_grades() {
    check("t3_bisect_grades", t3_bisect_grades);
}
