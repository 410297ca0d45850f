//! Expected strings are CPython 3.11 output of the same expressions.

use super::module_call;
use crate::dynamic::{builtin, method};
use crate::repr::{PyRepr, PyStr};
use crate::value::Value;

fn call(name: &str, args: &[Value]) -> Value {
    module_call(name, args, &[]).unwrap()
}
fn call_kw(name: &str, args: &[Value], kw: &[(&str, Value)]) -> Value {
    module_call(name, args, kw).unwrap()
}
fn m(v: &Value, name: &str, args: &[Value]) -> Value {
    method(v, name, args, &[]).unwrap()
}
fn s(x: &str) -> Value {
    Value::str(x)
}
fn i(x: i64) -> Value {
    Value::int(x)
}
fn list(xs: &[i64]) -> Value {
    Value::list(xs.iter().map(|&x| i(x)).collect())
}

#[test]
fn counter() {
    let a = call("collections.Counter", &[s("abracadabra")]);
    assert_eq!(a.py_repr(), "Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1})");
    assert_eq!(m(&a, "most_common", &[i(2)]).py_repr(), "[('a', 5), ('b', 2)]");
    assert_eq!(a.getitem(&s("z")).unwrap().py_repr(), "0");
    let x = call("collections.Counter", &[s("aab")]);
    let y = call("collections.Counter", &[s("abbc")]);
    assert_eq!(x.add(&y).unwrap().py_repr(), "Counter({'a': 3, 'b': 3, 'c': 1})");
    assert_eq!(x.sub(&y).unwrap().py_repr(), "Counter({'a': 1})");
    assert_eq!(x.bitand(&y).unwrap().py_repr(), "Counter({'a': 1, 'b': 1})");
    assert_eq!(x.bitor(&y).unwrap().py_repr(), "Counter({'a': 2, 'b': 2, 'c': 1})");
    assert_eq!(m(&x, "elements", &[]).py_repr(), "['a', 'a', 'b']");
    assert_eq!(call("collections.Counter", &[]).py_repr(), "Counter()");
    // A Counter built from a mapping, and dict() of a Counter.
    let d = builtin("dict", &[x.clone()], &[]).unwrap();
    assert_eq!(d.py_repr(), "{'a': 2, 'b': 1}");
    assert_eq!(call("collections.Counter", &[d]).py_repr(), "Counter({'a': 2, 'b': 1})");
}

#[test]
fn defaultdict_and_ordered_dict() {
    let list_fn = Value::func("list", |a: &[Value]| builtin("list", a, &[]));
    let d = call("collections.defaultdict", &[list_fn]);
    m(&d.getitem(&s("x")).unwrap(), "append", &[i(1)]);
    assert_eq!(d.py_repr(), "defaultdict(<class 'list'>, {'x': [1]})");
    assert_eq!(m(&d, "get", &[s("y")]).py_repr(), "None");
    assert_eq!(d.len().unwrap(), 1);

    let pairs = Value::list(vec![Value::tuple(vec![s("a"), i(1)]), Value::tuple(vec![s("b"), i(2)]), Value::tuple(vec![s("c"), i(3)])]);
    let o = call("collections.OrderedDict", &[pairs]);
    m(&o, "move_to_end", &[s("a")]);
    assert_eq!(o.py_repr(), "OrderedDict([('b', 2), ('c', 3), ('a', 1)])");
    method(&o, "move_to_end", &[s("c")], &[("last", Value::from(false))]).unwrap();
    assert_eq!(m(&o, "popitem", &[]).py_repr(), "('a', 1)");
    assert_eq!(method(&o, "popitem", &[], &[("last", Value::from(false))]).unwrap().py_repr(), "('c', 3)");
    assert_eq!(o.py_repr(), "OrderedDict([('b', 2)])");
    assert_eq!(call("collections.OrderedDict", &[]).py_repr(), "OrderedDict()");
}

#[test]
fn deque() {
    let q = call_kw("collections.deque", &[list(&[1, 2, 3])], &[("maxlen", i(2))]);
    assert_eq!(q.py_repr(), "deque([2, 3], maxlen=2)");
    m(&q, "appendleft", &[i(0)]);
    assert_eq!(q.py_repr(), "deque([0, 2], maxlen=2)");
    let q = call("collections.deque", &[list(&[0, 1, 2, 3, 4])]);
    m(&q, "rotate", &[i(2)]);
    assert_eq!(q.py_repr(), "deque([3, 4, 0, 1, 2])");
    m(&q, "rotate", &[i(-1)]);
    assert_eq!(q.py_repr(), "deque([4, 0, 1, 2, 3])");
    assert_eq!(q.getitem(&i(-1)).unwrap().py_repr(), "3");
    assert_eq!(m(&q, "popleft", &[]).py_repr(), "4");
}

#[test]
fn namedtuple() {
    let p_type = call_kw("collections.namedtuple", &[s("P"), s("x y")], &[("defaults", list(&[7]))]);
    let p = p_type.call(&[i(1)]).unwrap();
    assert_eq!(p.py_repr(), "P(x=1, y=7)");
    assert!(p.py_eq(&Value::tuple(vec![i(1), i(7)])));
    assert_eq!(m(&p, "_asdict", &[]).py_repr(), "{'x': 1, 'y': 7}");
    assert_eq!(method(&p, "_replace", &[], &[("y", i(3))]).unwrap().py_repr(), "P(x=1, y=3)");
    assert_eq!(crate::dynamic::attr(&p_type, "_fields").unwrap().py_repr(), "('x', 'y')");
    assert_eq!(p.getitem(&i(1)).unwrap().py_repr(), "7");
    assert_eq!(builtin("list", &[p.clone()], &[]).unwrap().py_repr(), "[1, 7]");
    assert!(p_type.call(&[i(2), i(1)]).unwrap().lt(&p_type.call(&[i(3), i(0)]).unwrap()).unwrap());
    assert_eq!(crate::value::value_hash(&p), crate::value::value_hash(&Value::tuple(vec![i(1), i(7)])));
    assert_eq!(crate::dynamic::attr(&p, "y").unwrap().py_repr(), "7");
}

fn frac(n: i64, d: i64) -> Value {
    call("fractions.Fraction", &[i(n), i(d)])
}

#[test]
fn fraction() {
    assert_eq!(frac(1, 3).add(&frac(1, 6)).unwrap().py_str(), "1/2");
    assert_eq!(frac(1, 2).py_repr(), "Fraction(1, 2)");
    assert_eq!(call("fractions.Fraction", &[Value::from(0.1)]).py_repr(), "Fraction(3602879701896397, 36028797018963968)");
    assert_eq!(call("fractions.Fraction", &[s("-1.25")]).py_str(), "-5/4");
    assert_eq!(i(1).sub(&frac(1, 3)).unwrap().py_str(), "2/3");
    assert_eq!(frac(1, 3).mul(&Value::from(1.5)).unwrap().py_repr(), "0.5");
    assert!(frac(1, 3).lt(&Value::from(0.34)).unwrap());
    assert!(frac(2, 4).py_eq(&frac(1, 2)));
    assert!(frac(4, 2).py_eq(&i(2)));
    assert_eq!(crate::value::value_hash(&frac(4, 2)), crate::value::value_hash(&i(2)));
    assert_eq!(frac(-2, 3).pow(&i(-2)).unwrap().py_str(), "9/4");
    assert_eq!(frac(-1, 2).abs().unwrap().py_str(), "1/2");
    assert_eq!(frac(3, -6).py_str(), "-1/2");
    assert_eq!(builtin("sum", &[Value::list(vec![frac(1, 2), frac(1, 3)])], &[]).unwrap().py_str(), "5/6");
    assert!(module_call("fractions.Fraction", &[i(1), i(0)], &[]).is_err());
}

#[test]
fn itertools() {
    let p = call("itertools.permutations", &[s("abc"), i(2)]);
    assert_eq!(p.getslice(None, Some(3), None).unwrap().py_repr(), "[('a', 'b'), ('a', 'c'), ('b', 'a')]");
    assert_eq!(call("itertools.combinations", &[list(&[0, 1, 2, 3]), i(2)]).py_repr(), "[(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3)]");
    assert_eq!(call_kw("itertools.product", &[s("ab")], &[("repeat", i(2))]).py_repr(), "[('a', 'a'), ('a', 'b'), ('b', 'a'), ('b', 'b')]");
    assert_eq!(call_kw("itertools.accumulate", &[list(&[1, 2, 3])], &[("initial", i(10))]).py_repr(), "[10, 11, 13, 16]");
    let c = call("itertools.count", &[i(10), i(5)]);
    assert_eq!(call("itertools.islice", &[c, i(4)]).py_repr(), "[10, 15, 20, 25]");
    let r = call("itertools.repeat", &[i(0)]);
    assert_eq!(builtin("zip", &[s("ab"), r], &[]).unwrap().py_repr(), "[('a', 0), ('b', 0)]");
    let g = call("itertools.groupby", &[s("aabc")]);
    assert_eq!(g.py_repr(), "[('a', ['a', 'a']), ('b', ['b']), ('c', ['c'])]");
    assert_eq!(call_kw("itertools.zip_longest", &[s("ab"), s("c")], &[("fillvalue", s("-"))]).py_repr(), "[('a', 'c'), ('b', '-')]");
    let cy = call("itertools.cycle", &[s("xy")]);
    assert_eq!(call("itertools.islice", &[cy, i(5)]).py_repr(), "['x', 'y', 'x', 'y', 'x']");
    assert_eq!(call("itertools.chain.from_iterable", &[Value::list(vec![list(&[1]), list(&[2, 3])])]).py_repr(), "[1, 2, 3]");
}

#[test]
fn functools() {
    let cmp = Value::func("cmp", |a: &[Value]| a[1].sub(&a[0]));
    let key = call("functools.cmp_to_key", &[cmp]);
    let out = builtin("sorted", &[list(&[3, 1, 2])], &[("key", key)]).unwrap();
    assert_eq!(out.py_repr(), "[3, 2, 1]");
    let pow = Value::func("pow", |a: &[Value]| builtin("pow", a, &[]));
    assert_eq!(call("functools.partial", &[pow, i(2)]).call(&[i(10)]).unwrap().py_repr(), "1024");
    let int = Value::func("int", |a: &[Value]| builtin("int", a, &[]));
    let base2 = call_kw("functools.partial", &[int], &[("base", i(2))]);
    assert_eq!(base2.call(&[s("1011")]).unwrap().py_repr(), "11");
    // lru_cache(maxsize=2) over 1 2 1 3 2 1: CacheInfo(hits=1, misses=5, maxsize=2, currsize=2)
    for x in [1, 2, 1, 3, 2, 1] {
        super::functools::cached_call("sq_test", 2, vec![i(x)], |a| a[0].mul(&a[0])).unwrap();
    }
    assert_eq!(super::functools::cache_info("sq_test", 2).unwrap().py_repr(), "CacheInfo(hits=1, misses=5, maxsize=2, currsize=2)");
    super::functools::cache_clear("sq_test");
    assert_eq!(super::functools::cache_info("sq_test", -1).unwrap().py_repr(), "CacheInfo(hits=0, misses=0, maxsize=None, currsize=0)");
    assert_eq!(call("operator.mul", &[i(6), i(7)]).py_repr(), "42");
}

#[test]
fn lazy_next_delete_and_floor() {
    // ids = count(1); next(ids), next(ids), next(iter(ids)) -> 1 2 3
    let ids = call("itertools.count", &[i(1)]);
    assert_eq!(builtin("next", &[ids.clone()], &[]).unwrap().py_repr(), "1");
    assert_eq!(builtin("next", &[ids.clone()], &[]).unwrap().py_repr(), "2");
    let again = builtin("iter", &[ids], &[]).unwrap();
    assert_eq!(builtin("next", &[again], &[]).unwrap().py_repr(), "3");
    // c = Counter("hello"); del c["l"] -> Counter({'h': 1, 'e': 1, 'o': 1})
    let c = call("collections.Counter", &[s("hello")]);
    c.delitem(&s("l")).unwrap();
    assert_eq!(c.py_repr(), "Counter({'h': 1, 'e': 1, 'o': 1})");
    // Fraction(7, 2) // 1, Fraction(7, 2) % 1, 7 // Fraction(2, 3), float(Fraction(1, 4)) -> 3 1/2 10 0.25
    assert_eq!(frac(7, 2).floordiv(&i(1)).unwrap().py_repr(), "3");
    assert_eq!(frac(7, 2).modulo(&i(1)).unwrap().py_str(), "1/2");
    assert_eq!(i(7).floordiv(&frac(2, 3)).unwrap().py_repr(), "10");
    assert_eq!(builtin("float", &[frac(1, 4)], &[]).unwrap().py_repr(), "0.25");
}
