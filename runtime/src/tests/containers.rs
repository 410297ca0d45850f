use crate::*;

fn v<T: ToValue>(x: T) -> Value {
    x.to_value()
}

#[test]
fn repr_of_containers() {
    assert_eq!(vec![1i64, 2, 3].py_str(), "[1, 2, 3]");
    assert_eq!(vec![v(1i64), v("a"), v(2.5)].py_str(), "[1, 'a', 2.5]");
    assert_eq!((1i64,).py_repr(), "(1,)");
    assert_eq!((1i64, "a".to_string(), 2.5f64, true).py_repr(), "(1, 'a', 2.5, True)");
    assert_eq!(Vec::<i64>::new().py_repr(), "[]");
    assert_eq!(Option::<i64>::None.py_str(), "None");
    assert_eq!(Some(3i64).py_str(), "3");
    assert_eq!(().py_str(), "None");
    assert_eq!(vec![Some(12i64), None, Some(-7)].py_repr(), "[12, None, -7]");
    assert_eq!(vec!["py".to_string(), "rs".to_string()].py_repr(), "['py', 'rs']");
    let mut d: Dict<String, f64> = Dict::new();
    d.insert("pi".into(), 3.14159);
    assert_eq!(d.py_repr(), "{'pi': 3.14159}");
    assert_eq!(Set::<i64>::new().py_repr(), "set()");
    assert_eq!(Dict::<i64, i64>::new().py_repr(), "{}");
    let s: Set<i64> = vec![1, 2].into_iter().collect();
    assert_eq!(s.py_repr(), "{1, 2}");
    let dq: std::collections::VecDeque<i64> = vec![1, 2, 3].into_iter().collect();
    assert_eq!(dq.py_repr(), "deque([1, 2, 3])");
    assert_eq!(vec![(1i64, 2i64), (3, 4)].py_repr(), "[(1, 2), (3, 4)]");
    assert_eq!(Value::tuple(vec![]).py_repr(), "()");
    assert_eq!(Value::list(vec![Value::tuple(vec![])]).py_repr(), "[()]");
    assert_eq!(Value::FrozenSet(std::rc::Rc::new(Set::new())).py_repr(), "frozenset()");
    assert_eq!(Value::FrozenSet(std::rc::Rc::new(vec![v(1i64)].into_iter().collect())).py_repr(), "frozenset({1})");
}

#[test]
fn dict_semantics() {
    // t2_dict_methods
    let mut p: Dict<String, f64> = Dict::new();
    p.insert("apple".into(), 0.5);
    p.insert("bread".into(), 2.25);
    p.insert("milk".into(), 1.19);
    assert_eq!(p.py_repr(), "{'apple': 0.5, 'bread': 2.25, 'milk': 1.19}");
    p.insert("eggs".into(), 3.1);
    p.insert("apple".into(), 0.55);
    assert_eq!(p.py_repr(), "{'apple': 0.55, 'bread': 2.25, 'milk': 1.19, 'eggs': 3.1}");
    assert_eq!(p.get("milk").py_repr(), "1.19");
    assert_eq!(p.get("tea").py_repr(), "None");
    assert_eq!(p.get_or("tea", 0.0), 0.0);
    assert!(p.contains_key("bread"));
    assert_eq!(p.keys_vec().py_repr(), "['apple', 'bread', 'milk', 'eggs']");
    assert_eq!(p.values_vec().py_repr(), "[0.55, 2.25, 1.19, 3.1]");
    assert_eq!(p.pop("bread").unwrap(), 2.25);
    assert_eq!(p.py_repr(), "{'apple': 0.55, 'milk': 1.19, 'eggs': 3.1}");
    assert_eq!(p.pop("caviar").unwrap_err().traceback_line(), "KeyError: 'caviar'");
    p.update(vec![("milk".to_string(), 1.25), ("tea".to_string(), 4.0)]);
    p.insert("jam".into(), 2.5);
    assert_eq!(p.py_repr(), "{'apple': 0.55, 'milk': 1.25, 'eggs': 3.1, 'tea': 4.0, 'jam': 2.5}");
    assert_eq!(*p.setdefault("milk".into(), 99.0), 1.25);
    assert_eq!(*p.setdefault("salt".into(), 0.8), 0.8);
    let (k, val) = p.popitem().unwrap();
    assert_eq!((k.as_str(), val), ("salt", 0.8));
    p.delitem("apple").unwrap();
    assert_eq!(p.py_repr(), "{'milk': 1.25, 'eggs': 3.1, 'tea': 4.0, 'jam': 2.5}");
    assert_eq!(p.getitem("nope").unwrap_err().traceback_line(), "KeyError: 'nope'");
    let mut counts: Dict<char, i64> = Dict::new();
    for ch in "mississippi".chars() {
        *counts.setdefault(ch, 0) += 1;
    }
    assert_eq!(counts.py_repr(), "{'m': 1, 'i': 4, 's': 4, 'p': 2}");
    let mut grid: Dict<(i64, i64), String> = Dict::new();
    grid.insert((0, 0), "origin".into());
    grid.insert((1, 2), "tree".into());
    grid.insert((3, 1), "well".into());
    grid.insert((1, 2), "oak".into());
    assert_eq!(grid.py_repr(), "{(0, 0): 'origin', (1, 2): 'oak', (3, 1): 'well'}");
    let mut a = Dict::new();
    a.insert(1i64, 2i64);
    a.insert(3, 4);
    let mut b = Dict::new();
    b.insert(3i64, 4i64);
    b.insert(1, 2);
    assert!(a == b);
    // Many deletions keep order and lookups right (compaction).
    let mut big: Dict<i64, i64> = (0..1000).map(|i| (i, i * i)).collect();
    for i in 0..990 {
        big.remove(&i);
    }
    assert_eq!(big.keys_vec(), (990..1000).collect::<Vec<_>>());
    assert_eq!(big.get(&995), Some(&990025));
    assert!(big.move_to_end(&990, true));
    assert_eq!(big.keys_vec().last(), Some(&990));
    assert_eq!(big.popitem_first().unwrap().0, 991);
    let mut groups: Dict<String, Vec<String>> = Dict::new();
    groups.setdefault_with("A".into(), Vec::new).push("x".into());
    groups.setdefault_with("A".into(), Vec::new).push("y".into());
    assert_eq!(groups.py_repr(), "{'A': ['x', 'y']}");
    assert_eq!(Dict::fromkeys(vec!["x".to_string(), "y".to_string()], 0i64).py_repr(), "{'x': 0, 'y': 0}");
}

#[test]
fn set_semantics() {
    let evens: Set<i64> = (0..20).step_by(2).collect();
    let threes: Set<i64> = (0..20).step_by(3).collect();
    assert_eq!(sorted(evens.union(&threes).to_vec(), false).py_repr(), "[0, 2, 3, 4, 6, 8, 9, 10, 12, 14, 15, 16, 18]");
    assert_eq!(sorted(evens.intersection(&threes).to_vec(), false).py_repr(), "[0, 6, 12, 18]");
    assert_eq!(sorted(evens.difference(&threes).to_vec(), false).py_repr(), "[2, 4, 8, 10, 14, 16]");
    assert_eq!(
        sorted(evens.symmetric_difference(&threes).to_vec(), false).py_repr(),
        "[2, 3, 4, 8, 9, 10, 14, 15, 16]"
    );
    let small: Set<i64> = vec![0, 6, 12].into_iter().collect();
    assert!(small.is_subset(&evens) && small.is_proper_subset(&threes) && evens.is_superset(&small));
    assert!(small.is_disjoint(&vec![1, 5].into_iter().collect()));
    let mut s: Set<i64> = vec![3, 1, 4, 1, 5, 9].into_iter().collect();
    assert_eq!(s.len(), 5);
    s.discard(&100);
    s.remove(&1).unwrap();
    assert_eq!(s.remove(&42).unwrap_err().traceback_line(), "KeyError: 42");
    let fs1: Set<i64> = vec![1, 2, 3].into_iter().collect();
    let fs2: Set<i64> = vec![3, 2, 1].into_iter().collect();
    let mut groups: Dict<Set<i64>, &str> = Dict::new();
    groups.insert(fs1, "first");
    groups.insert(fs2, "same");
    assert_eq!(groups.len(), 1);
    let mut u: Set<i64> = vec![1, 2].into_iter().collect();
    u.update(vec![3]);
    u.intersection_update(&vec![2, 3, 4].into_iter().collect());
    assert_eq!(sorted(u.to_vec(), false), vec![2, 3]);
}

#[test]
fn list_semantics() {
    let nums: Vec<i64> = (0..10).collect();
    assert_eq!(list_slice(&nums, Some(8), Some(2), Some(-2)).unwrap(), vec![8, 6, 4]);
    assert_eq!(list_slice(&nums, Some(-1), Some(-4), Some(-1)).unwrap(), vec![9, 8, 7]);
    assert_eq!(list_slice(&nums, Some(-100), Some(2), None).unwrap(), vec![0, 1]);
    assert_eq!(list_slice(&nums, Some(5), Some(100), None).unwrap(), vec![5, 6, 7, 8, 9]);
    let mut n: Vec<Value> = (0..10i64).map(v).collect();
    list_set_slice(&mut n, Some(2), Some(4), None, vec![v("a"), v("b"), v("c")]).unwrap();
    assert_eq!(n.py_repr(), "[0, 1, 'a', 'b', 'c', 4, 5, 6, 7, 8, 9]");
    list_set_slice(&mut n, Some(1), Some(6), None, vec![]).unwrap();
    assert_eq!(n.py_repr(), "[0, 5, 6, 7, 8, 9]");
    list_set_slice(&mut n, None, None, Some(2), vec![v(0i64), v(0i64), v(0i64)]).unwrap();
    assert_eq!(n.py_repr(), "[0, 5, 0, 7, 0, 9]");
    list_del_slice(&mut n, None, None, Some(2)).unwrap();
    assert_eq!(n.py_repr(), "[5, 7, 9]");
    list_set_slice(&mut n, None, Some(0), None, vec![v(-1i64), v(-2i64)]).unwrap();
    assert_eq!(n.py_repr(), "[-1, -2, 5, 7, 9]");
    assert!(list_set_slice(&mut n, None, None, Some(2), vec![v(1i64)]).is_err());
    let mut l = vec![23i64, 7, 42, -5, 16, 8, 42];
    assert_eq!(list_count(&l, &42), 2);
    assert_eq!(list_index(&l, &42).unwrap(), 2);
    assert_eq!(list_index(&l, &99).unwrap_err().traceback_line(), "ValueError: 99 is not in list");
    assert_eq!(list_pop(&mut l, Some(-1)).unwrap(), 42);
    assert_eq!(list_pop(&mut l, None).unwrap(), 8);
    list_insert(&mut l, -1, 100);
    assert_eq!(l, vec![23, 7, 42, -5, 100, 16]);
    list_insert(&mut l, 99, 1);
    list_remove(&mut l, &7).unwrap();
    assert_eq!(list_remove(&mut l, &7).unwrap_err().traceback_line(), "ValueError: list.remove(x): x not in list");
    assert_eq!(list_get(&l, -1).unwrap(), &1);
    assert_eq!(list_get(&l, 10).unwrap_err().traceback_line(), "IndexError: list index out of range");
    assert_eq!(list_set(&mut l, 10, 0).unwrap_err().traceback_line(), "IndexError: list assignment index out of range");
    let mut e: Vec<i64> = vec![];
    assert_eq!(list_pop(&mut e, None).unwrap_err().traceback_line(), "IndexError: pop from empty list");
    assert_eq!(list_repeat(&[1i64, 2], 2), vec![1, 2, 1, 2]);
}

#[test]
fn sorting_min_max() {
    let mut pairs = vec![(3i64, "c".to_string()), (1, "a".into()), (2, "b".into()), (1, "z".into())];
    list_sort(&mut pairs, false);
    assert_eq!(pairs.py_repr(), "[(1, 'a'), (1, 'z'), (2, 'b'), (3, 'c')]");
    let swapped: Vec<(String, i64)> = pairs.iter().map(|(k, v)| (v.clone(), *k)).collect();
    assert_eq!(sorted(swapped, true).py_repr(), "[('z', 1), ('c', 3), ('b', 2), ('a', 1)]");
    // Stability with reverse=True: equal keys keep their order.
    let words = vec!["bb", "a", "cc", "d"];
    assert_eq!(sorted_by_key(words.clone(), |w| w.len(), true), vec!["bb", "cc", "a", "d"]);
    assert_eq!(sorted_by_key(words.clone(), |w| w.len(), false), vec!["a", "d", "bb", "cc"]);
    // Floats and tuples with floats as keys.
    let fl = vec![2.5f64, -1.0, 3.25, 0.0];
    assert_eq!(sorted(fl, false), vec![-1.0, 0.0, 2.5, 3.25]);
    let recs = vec![("ann", 2.5f64), ("bo", 1.5), ("cy", 2.5)];
    assert_eq!(sorted_by_key(recs, |r| (-r.1, r.0), false), vec![("ann", 2.5), ("cy", 2.5), ("bo", 1.5)]);
    // min/max keep the first extreme element.
    assert_eq!(max_by_key(vec!["ab", "cd", "e"], |s| s.len()).unwrap(), "ab");
    assert_eq!(min_by_key(vec!["ab", "c", "e"], |s| s.len()).unwrap(), "c");
    assert_eq!(max(vec![(1i64, "b"), (1, "c"), (0, "z")]).unwrap(), (1, "c"));
    assert_eq!(min(Vec::<i64>::new()).unwrap_err().traceback_line(), "ValueError: min() arg is an empty sequence");
    assert_eq!(max2(2.5f64, 1.0), 2.5);
    assert_eq!(min2(-1.0f64, -1.5), -1.5);
    assert_eq!(sum_i64(vec![1, 2, 3]).unwrap(), 6);
    assert!(any(vec![false, true]) && !all(vec![false, true]));
    assert_eq!(sorted_by_cmp(vec![3i64, 1, 2], |a, b| b - a, false), vec![3, 2, 1]);
}

#[test]
fn heapq_bisect_itertools() {
    let mut h: Vec<i64> = Vec::new();
    for x in [5, 3, 8, 1, 9, 2, 7, 1, 3] {
        heapq::heappush(&mut h, x);
    }
    assert_eq!(h.py_repr(), "[1, 1, 2, 3, 9, 8, 7, 5, 3]");
    let mut h2: Vec<i64> = (0..10).rev().collect();
    heapq::heapify(&mut h2);
    assert_eq!(h2.py_repr(), "[0, 1, 3, 2, 5, 4, 7, 9, 6, 8]");
    let popped: Vec<i64> = (0..4).map(|_| heapq::heappop(&mut h).unwrap()).collect();
    assert_eq!(popped.py_repr(), "[1, 1, 2, 3]");
    assert_eq!(h.py_repr(), "[3, 7, 5, 8, 9]");
    assert_eq!(heapq::heapreplace(&mut h, 4).unwrap(), 3);
    assert_eq!(h.py_repr(), "[4, 7, 5, 8, 9]");
    assert_eq!(heapq::heappushpop(&mut h, 0), 0);
    assert_eq!(heapq::nlargest(2, &[1i64, 5, 3]), vec![5, 3]);
    assert!(heapq::heappop(&mut Vec::<i64>::new()).is_err());
    let grades = [60i64, 70, 80, 90];
    assert_eq!(bisect::bisect(&grades, &85), 3);
    assert_eq!(bisect::bisect_left(&grades, &70), 1);
    assert_eq!(bisect::bisect_right(&grades, &70), 2);
    let mut sl = vec![1i64, 3, 5];
    bisect::insort(&mut sl, 4);
    assert_eq!(sl, vec![1, 3, 4, 5]);
    assert_eq!(itertools::permutations(&[1i64, 2, 3], 2).py_repr(), "[[1, 2], [1, 3], [2, 1], [2, 3], [3, 1], [3, 2]]");
    assert_eq!(itertools::permutations(&[1i64, 2, 3], 3).len(), 6);
    assert_eq!(
        itertools::combinations(&['a', 'b', 'c', 'd'], 2).py_repr(),
        "[['a', 'b'], ['a', 'c'], ['a', 'd'], ['b', 'c'], ['b', 'd'], ['c', 'd']]"
    );
    assert_eq!(itertools::combinations(&[1i64, 2], 0).len(), 1);
    assert_eq!(
        itertools::combinations_with_replacement(&[1i64, 2, 3], 2).py_repr(),
        "[[1, 1], [1, 2], [1, 3], [2, 2], [2, 3], [3, 3]]"
    );
    assert_eq!(
        itertools::product(&[vec![v(1i64), v(2i64)], vec![v("a"), v("b")]]).py_repr(),
        "[[1, 'a'], [1, 'b'], [2, 'a'], [2, 'b']]"
    );
    let chars: Vec<char> = "aaabbc".chars().collect();
    assert_eq!(
        itertools::groupby(&chars, |c| *c).py_repr(),
        "[('a', ['a', 'a', 'a']), ('b', ['b', 'b']), ('c', ['c'])]"
    );
    assert_eq!(itertools::accumulate(&[1i64, 2, 3, 4], |a, b| a + b), vec![1, 3, 6, 10]);
    assert_eq!(itertools::pairwise(&[1i64, 2, 3]), vec![(1, 2), (2, 3)]);
    assert_eq!(functools::reduce(|a, b| a * b, vec![1i64, 2, 3, 4]).unwrap(), 24);
    assert!(functools::reduce(|a: i64, b| a + b, vec![]).is_err());
    let c = collections::Counter::from_iter_items("mississippi".chars());
    assert_eq!(c.py_repr(), "Counter({'i': 4, 's': 4, 'p': 2, 'm': 1})");
    assert_eq!(c.most_common(2), vec![('i', 4), ('s', 4)]);
}

#[test]
fn collections_extras() {
    let a = collections::Counter::from_iter_items("aabbbc".chars());
    let b = collections::Counter::from_iter_items("abccd".chars());
    assert_eq!(sorted(a.plus(&b).items(), false).py_repr(), "[('a', 3), ('b', 4), ('c', 3), ('d', 1)]");
    assert_eq!(sorted(a.minus(&b).items(), false).py_repr(), "[('a', 1), ('b', 2)]");
    assert_eq!(sorted(a.intersect(&b).items(), false).py_repr(), "[('a', 1), ('b', 1), ('c', 1)]");
    assert_eq!(sorted(a.union(&b).items(), false).py_repr(), "[('a', 2), ('b', 3), ('c', 2), ('d', 1)]");
    assert_eq!(a.total(), 6);
    assert_eq!(sorted(a.elements(), false).py_repr(), "['a', 'a', 'b', 'b', 'b', 'c']");
    let mut q: std::collections::VecDeque<i64> = vec![1, 2, 3].into_iter().collect();
    q.push_back(4);
    q.push_front(0);
    assert_eq!(q.py_repr(), "deque([0, 1, 2, 3, 4])");
    q.pop_front();
    q.pop_back();
    q.extend(vec![7, 8]);
    collections::deque_extendleft(&mut q, vec![-1, -2]);
    assert_eq!(q.py_repr(), "deque([-2, -1, 1, 2, 3, 7, 8])");
    assert_eq!(*collections::deque_get(&q, -1).unwrap(), 8);
    collections::deque_rotate(&mut q, 2);
    assert_eq!(q.py_repr(), "deque([7, 8, -2, -1, 1, 2, 3])");
    collections::deque_rotate(&mut q, -3);
    assert_eq!(q.py_repr(), "deque([-1, 1, 2, 3, 7, 8, -2])");
    let mut w = std::collections::VecDeque::new();
    for x in 1..7i64 {
        collections::deque_append_bounded(&mut w, x, 3);
    }
    assert_eq!(w.py_repr(), "deque([4, 5, 6])");
    let mut od: Dict<String, String> = Dict::new();
    for k in ["b", "a", "c"] {
        od.insert(k.to_string(), k.to_uppercase());
    }
    od.move_to_end("b", true);
    assert_eq!(od.items_vec().py_repr(), "[('a', 'A'), ('c', 'C'), ('b', 'B')]");
    od.move_to_end("c", false);
    assert_eq!(od.keys_vec().py_repr(), "['c', 'a', 'b']");
    assert_eq!(od.popitem().unwrap().py_repr(), "('b', 'B')");
    assert_eq!(od.popitem_first().unwrap().py_repr(), "('c', 'C')");
    assert_eq!(collections::ordered_dict_repr(&od), "OrderedDict([('a', 'A')])");
    let mut dd: Dict<String, i64> = Dict::new();
    *dd.setdefault("x".into(), 0) += 2;
    assert_eq!(collections::defaultdict_repr("int", &dd), "defaultdict(<class 'int'>, {'x': 2})");
    let mut s = String::new();
    repr_fields_into(&mut s, "Employee", &[("name", &"ana"), ("dept", &"eng"), ("salary", &120i64)]);
    assert_eq!(s, "Employee(name='ana', dept='eng', salary=120)");
    let mut e = String::new();
    enum_repr_into(&mut e, "Light", "RED", &"red");
    enum_repr_into(&mut e, "Priority", "LOW", &1i64);
    assert_eq!(e, "<Light.RED: 'red'><Priority.LOW: 1>");
}

#[test]
fn string_and_fractions() {
    assert_eq!(string::capwords("the quick  brown fox", None), "The Quick Brown Fox");
    assert_eq!(rt_slice(string::ASCII_LOWERCASE, 5), "abcde");
    assert_eq!(str_slice(string::DIGITS, None, None, Some(3)).unwrap(), "0369");
    assert_eq!(str_len(string::PUNCTUATION), 32);
    assert_eq!(str_len(string::PRINTABLE), 100);
    assert_eq!(
        string::template_safe_substitute(
            "$who likes ${what}, $missing costs $$5",
            &[("who", "tim".into()), ("what", "kung pao".into())]
        ),
        "tim likes kung pao, $missing costs $5"
    );
    use fractions::Fraction;
    let third = Fraction::from_i64s(1, 3).unwrap();
    let sixth = Fraction::from_i64s(-2, -12).unwrap();
    assert_eq!((&third + &sixth).py_str(), "1/2");
    assert_eq!((&third - &third).py_str(), "0");
    assert_eq!((&third * &Fraction::from_i64s(3, 1).unwrap()).py_str(), "1");
    assert_eq!(third.div(&sixth).unwrap().py_repr(), "Fraction(2, 1)");
    assert_eq!(Fraction::from_i64s(6, -4).unwrap().py_repr(), "Fraction(-3, 2)");
    assert_eq!(Fraction::from_f64(0.5).unwrap().py_str(), "1/2");
    assert!(third > sixth);
    assert!(Fraction::from_i64s(1, 0).is_err());
    assert_eq!(float_repr(third.to_f64()), "0.3333333333333333");
}

fn rt_slice(s: &str, n: i64) -> String {
    str_slice(s, None, Some(n), None).unwrap()
}

#[test]
fn transpose_like_zip_star() {
    let m = vec![vec![1i64, 2, 3], vec![4, 5, 6]];
    assert_eq!(transpose(&m).py_repr(), "[[1, 4], [2, 5], [3, 6]]");
    assert_eq!(transpose(&Vec::<Vec<i64>>::new()).len(), 0);
}

#[test]
fn truthiness_and_range_repr() {
    assert!(!0i64.truthy() && 5i64.truthy() && !0.0f64.truthy() && !"".truthy() && "x".truthy());
    assert!(!Vec::<i64>::new().truthy() && vec![0i64].truthy());
    assert!(!Option::<i64>::None.truthy() && !Some(0i64).truthy() && Some(3i64).truthy());
    assert!(!Dict::<i64, i64>::new().truthy() && !Int::zero().truthy());
    assert!(!Value::None.truthy() && PyTruth::truthy(&Value::from(2i64)));
    assert_eq!(range1(5).py_str(), "range(0, 5)");
    assert_eq!(range(0, 10, 2).unwrap().py_repr(), "range(0, 10, 2)");
}
