use super::cases::*;
use crate::*;

fn int(s: &str) -> Int {
    s.parse::<Int>().expect("valid int literal")
}

#[test]
fn float_repr_table() {
    let mut bad = Vec::new();
    for &(b, want) in FLOAT_REPR {
        let got = float_repr(f64::from_bits(b));
        if got != want {
            bad.push(format!("{:#x}: got {} want {}", b, got, want));
        }
    }
    assert!(bad.is_empty(), "{} mismatches, first: {:?}", bad.len(), &bad[..bad.len().min(5)]);
}

#[test]
fn float_repr_corpus_values() {
    let cases: &[(f64, &str)] = &[
        (0.1 + 0.2, "0.30000000000000004"),
        (1e22, "1e+22"),
        (1e16, "1e+16"),
        (1e15, "1000000000000000.0"),
        (1e-5, "1e-05"),
        (1e-4, "0.0001"),
        (100.0, "100.0"),
        (-0.0, "-0.0"),
        (f64::INFINITY, "inf"),
        (f64::NEG_INFINITY, "-inf"),
        (f64::NAN, "nan"),
        (5e-324, "5e-324"),
        (1.7976931348623157e308, "1.7976931348623157e+308"),
        (123456789012345678.0, "1.2345678901234568e+17"),
        (2.5e-7, "2.5e-07"),
        (2f64.powi(60), "1.152921504606847e+18"),
    ];
    for &(x, want) in cases {
        assert_eq!(float_repr(x), want);
        assert_eq!(x.py_str(), want);
    }
}

#[test]
fn float_round_table() {
    let mut bad = Vec::new();
    for &(b, nd, want) in FLOAT_ROUND {
        let got = float_repr(round_f64(f64::from_bits(b), nd));
        if got != want {
            bad.push(format!("round({:?}, {}): got {} want {}", f64::from_bits(b), nd, got, want));
        }
    }
    assert!(bad.is_empty(), "{} mismatches, first: {:?}", bad.len(), &bad[..bad.len().min(5)]);
    for &(b, want) in FLOAT_ROUND0 {
        assert_eq!(round0_big(f64::from_bits(b)).unwrap().to_string(), want, "round({:?})", f64::from_bits(b));
    }
}

#[test]
fn float_round_corpus() {
    assert_eq!(round0(2.5).unwrap(), 2);
    assert_eq!(round0(3.5).unwrap(), 4);
    assert_eq!(round0(-2.5).unwrap(), -2);
    assert_eq!(round0(-0.5).unwrap(), 0);
    assert_eq!(float_repr(round_f64(2.675, 2)), "2.67");
    assert_eq!(float_repr(round_f64(1.005, 2)), "1.0");
    assert_eq!(float_repr(round_f64(123.456, -1)), "120.0");
    assert_eq!(float_repr(round_f64(1234.5678, -2)), "1200.0");
    assert_eq!(float_repr(round_f64(0.1 + 0.2, 10)), "0.3");
    assert_eq!(float_repr(round_f64(2.5, 0)), "2.0");
    assert_eq!(round_int(15, -1).unwrap(), 20);
    assert_eq!(round_int(25, -1).unwrap(), 20);
    assert_eq!(round_int(-25, -1).unwrap(), -20);
    assert!(round0(f64::NAN).is_err());
}

#[test]
fn float_division_semantics() {
    // print(7.0 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 // -2, 10 % 3.5, -10 % 3.5, 1e10 % 7)
    assert_eq!(float_repr(float_floor_div(7.0, 2.0).unwrap()), "3.0");
    assert_eq!(float_repr(float_floor_div(-7.5, 2.0).unwrap()), "-4.0");
    assert_eq!(float_repr(float_mod(7.5, 2.0).unwrap()), "1.5");
    assert_eq!(float_repr(float_mod(-7.5, 2.0).unwrap()), "0.5");
    assert_eq!(float_repr(float_floor_div(7.5, -2.0).unwrap()), "-4.0");
    assert_eq!(float_repr(float_mod(10.0, 3.5).unwrap()), "3.0");
    assert_eq!(float_repr(float_mod(-10.0, 3.5).unwrap()), "0.5");
    assert_eq!(float_repr(float_mod(1e10, 7.0).unwrap()), "4.0");
    assert_eq!(float_repr(float_floor_div(-3.7, 1.0).unwrap()), "-4.0");
    assert_eq!(float_divmod(-7.5, 2.0).unwrap(), (-4.0, 0.5));
    assert_eq!(float_mod(1.0, 0.0).unwrap_err().traceback_line(), "ZeroDivisionError: float modulo");
    assert_eq!(float_div(1.0, 0.0).unwrap_err().traceback_line(), "ZeroDivisionError: float division by zero");
    assert_eq!(float_pow(0.0, -1.0).unwrap_err().class_name(), "ZeroDivisionError");
    assert_eq!(float_repr(float_pow(2.0, 0.5).unwrap()), "1.4142135623730951");
    assert!(float_pow(10.0, 400.0).is_err());
}

#[test]
fn float_parse_and_convert() {
    assert_eq!(parse_float("1.50").unwrap(), 1.5);
    assert_eq!(parse_float("  2.25 ").unwrap(), 2.25);
    assert_eq!(parse_float("-inf").unwrap(), f64::NEG_INFINITY);
    assert!(parse_float("nan").unwrap().is_nan());
    assert_eq!(parse_float("1_000.5").unwrap(), 1000.5);
    assert_eq!(
        parse_float("abc").unwrap_err().traceback_line(),
        "ValueError: could not convert string to float: 'abc'"
    );
    assert_eq!(float_to_i64(3.99).unwrap(), 3);
    assert_eq!(float_to_i64(-3.99).unwrap(), -3);
    assert_eq!(Int::from_f64(1e22).unwrap().to_string(), "10000000000000000000000");
    assert_eq!(float_as_integer_ratio(0.5).unwrap(), (Int::from(1), Int::from(2)));
    assert!(float_is_integer(4.0) && !float_is_integer(1.5));
}

#[test]
fn int_ops_table() {
    for row in INT_OPS {
        let a = int(row[0]);
        let b = int(row[1]);
        assert_eq!((&a + &b).to_string(), row[2], "{} + {}", row[0], row[1]);
        assert_eq!((&a - &b).to_string(), row[3], "{} - {}", row[0], row[1]);
        assert_eq!((&a * &b).to_string(), row[4], "{} * {}", row[0], row[1]);
        assert_eq!(a.floor_div(&b).unwrap().to_string(), row[5], "{} // {}", row[0], row[1]);
        assert_eq!(a.py_mod(&b).unwrap().to_string(), row[6], "{} % {}", row[0], row[1]);
        assert_eq!((&a & &b).to_string(), row[7], "{} & {}", row[0], row[1]);
        assert_eq!((&a | &b).to_string(), row[8], "{} | {}", row[0], row[1]);
        assert_eq!((&a ^ &b).to_string(), row[9], "{} ^ {}", row[0], row[1]);
        assert_eq!(a.cmp(&b), row[0].parse::<Int>().unwrap().cmp(&b));
    }
}

#[test]
fn int_misc_table() {
    for &(a, n, shl, shr, hx, bn, oc, inv, fl) in INT_MISC {
        let x = int(a);
        assert_eq!(x.shl(n).to_string(), shl, "{} << {}", a, n);
        assert_eq!(x.shr(n).to_string(), shr, "{} >> {}", a, n);
        assert_eq!(hex_int(&x), hx);
        assert_eq!(bin_int(&x), bn);
        assert_eq!(oct_int(&x), oc);
        assert_eq!((!&x).to_string(), inv);
        assert_eq!(float_repr(x.to_f64()), fl, "float({})", a);
        assert_eq!(Int::parse(&x.to_str_radix(16), 16).unwrap(), x);
        assert_eq!(Int::parse(hx, 0).unwrap(), x);
    }
}

#[test]
fn int_truediv_and_powmod_tables() {
    for &(a, b, want) in INT_TRUEDIV {
        assert_eq!(float_repr(int(a).true_div(&int(b)).unwrap()), want, "{} / {}", a, b);
    }
    for &(a, e, m, want) in INT_POWMOD {
        assert_eq!(int(a).pow_mod(&int(e), &int(m)).unwrap().to_string(), want, "pow({}, {}, {})", a, e, m);
    }
}

#[test]
fn int_corpus_bigint() {
    let mut f = Int::one();
    for k in 2..=40 {
        f *= k;
    }
    assert_eq!(f.to_string(), "815915283247897734345611269596115894272000000000");
    assert_eq!(Int::from(2).pow(100).to_string(), "1267650600228229401496703205376");
    assert_eq!((Int::from(2).pow(64) - 1).to_string(), "18446744073709551615");
    let big = {
        let mut f = Int::one();
        for k in 2..=30 {
            f *= k;
        }
        f
    };
    // print(big // 10 ** 20, big % 1000000007, -big // 7, -big % 7)
    assert_eq!(big.floor_div(&Int::from(10).pow(20)).unwrap().to_string(), "2652528598121");
    assert_eq!(big.py_mod(&Int::from(1000000007)).unwrap().to_string(), "109361473");
    assert_eq!((-&big).floor_div(&Int::from(7)).unwrap().to_string(), "-37893265687455865519472640000000");
    assert_eq!((-&big).py_mod(&Int::from(7)).unwrap().to_string(), "0");
    assert_eq!((Int::from(3).pow(80) - Int::from(2).pow(120)).to_string(), "146479601418561007443179403146102953025");
    assert_eq!(Int::from(2).pow_mod(&Int::from(1000), &Int::from(1_000_000_007)).unwrap().to_string(), "688423210");
    assert_eq!(hex_int(&Int::from(2).pow(70)), "0x400000000000000000");
    assert_eq!(Int::parse(&"1".repeat(30), 10).unwrap().to_string(), "111111111111111111111111111111");
    assert_eq!(float_repr(Int::from(10).pow(30).true_div(&Int::from(4)).unwrap()), "2.5e+29");
    assert_eq!(float_repr(Int::from(2).pow(70).true_div(&Int::from(2).pow(20)).unwrap()), "1125899906842624.0");
    assert_eq!(Int::from(10).pow(40).isqrt().unwrap().to_string(), "100000000000000000000");
    assert_eq!((Int::from(2) * Int::from(10).pow(30)).isqrt().unwrap().to_string(), "1414213562373095");
    assert_eq!(format_int(&Int::from(2).pow(90), ",").unwrap(), "1,237,940,039,285,380,274,899,124,224");
    assert_eq!(float_repr(Int::from(2).pow(53).to_f64()), "9007199254740992.0");
    assert_eq!(float_repr((Int::from(2).pow(53) + 1).to_f64()), "9007199254740992.0");
    assert_eq!(Int::from(2).pow(1000).to_string().len(), 302);
    assert_eq!(Int::from(-17).shr(2).to_string(), "-5");
    assert_eq!(Int::from(255).bit_length(), 8);
}

#[test]
fn int_parse_errors() {
    assert_eq!(Int::parse("  42 ", 10).unwrap(), Int::from(42));
    assert_eq!(Int::parse("-7", 10).unwrap(), Int::from(-7));
    assert_eq!(Int::parse("1_000", 10).unwrap(), Int::from(1000));
    assert_eq!(Int::parse("zz", 36).unwrap(), Int::from(1295));
    assert_eq!(Int::parse("0x_ff", 16).unwrap(), Int::from(255));
    assert_eq!(
        Int::parse("x1", 10).unwrap_err().traceback_line(),
        "ValueError: invalid literal for int() with base 10: 'x1'"
    );
    assert_eq!(
        Int::parse("", 10).unwrap_err().traceback_line(),
        "ValueError: invalid literal for int() with base 10: ''"
    );
    assert!(Int::parse("1__0", 10).is_err());
    assert!(Int::parse("_1", 10).is_err());
    assert!(Int::parse("12", 2).is_err());
    assert_eq!(int_from_str("12").unwrap(), 12);
    assert_eq!(int_from_str_base("ff", 16).unwrap(), 255);
    assert_eq!(int_from_str_base("777", 8).unwrap(), 511);
}

#[test]
fn i64_helpers() {
    let pairs = [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (5, 17), (-1, 7)];
    let want = [(3, 2), (-4, 3), (-4, -3), (3, -2), (0, 0), (0, 5), (-1, 6)];
    for (p, w) in pairs.iter().zip(want.iter()) {
        assert_eq!(divmod_i64(p.0, p.1).unwrap(), *w);
        assert_eq!(floor_div_i64(p.0, p.1).unwrap(), w.0);
        assert_eq!(mod_i64(p.0, p.1).unwrap(), w.1);
        let (q, r) = Int::from(p.0).divmod(&Int::from(p.1)).unwrap();
        assert_eq!((q.to_i64().unwrap(), r.to_i64().unwrap()), *w);
    }
    assert_eq!(
        floor_div_i64(1, 0).unwrap_err().traceback_line(),
        "ZeroDivisionError: integer division or modulo by zero"
    );
    assert_eq!(mod_i64(1, 0).unwrap_err().traceback_line(), "ZeroDivisionError: integer modulo by zero");
    assert!(floor_div_i64(i64::MIN, -1).is_err());
    assert_eq!(pow_i64(2, 62).unwrap(), 4611686018427387904);
    assert!(pow_i64(2, 63).is_err());
    assert_eq!(pow_mod_i64(123456789, 987654321, 1000000007).unwrap(), 652541198);
    assert_eq!(pow_mod_i64(-3, 3, 5).unwrap(), 3);
    assert!(mul_i64(i64::MAX, 2).is_err());
    assert_eq!(shr_i64(-17, 2).unwrap(), -5);
    assert_eq!(shl_i64(1, 10).unwrap(), 1024);
    assert_eq!(true_div_i64(7, 2).unwrap(), 3.5);
    assert_eq!(true_div_i64(1, 0).unwrap_err().traceback_line(), "ZeroDivisionError: division by zero");
    assert_eq!(bin(10), "0b1010");
    assert_eq!(oct(64), "0o100");
    assert_eq!(hex(255), "0xff");
    assert_eq!(bin(-6), "-0b110");
    assert_eq!(hex(-255), "-0xff");
    assert_eq!(bit_length_i64(1023), 10);
    assert_eq!(abs_i64(-3).unwrap(), 3);
}

#[test]
fn range_semantics() {
    assert_eq!(range(5, -6, -4).unwrap().collect::<Vec<_>>(), vec![5, 1, -3]);
    assert_eq!(range(-10, 10, 3).unwrap().len(), 7);
    assert_eq!(range(-10, 11, 3).unwrap().sum::<i64>(), -7);
    assert_eq!(range(0, 10, -1).unwrap().count(), 0);
    assert!(range(0, 1, 0).is_err());
    assert_eq!(range(1, 10, 2).unwrap().rev().collect::<Vec<_>>(), vec![9, 7, 5, 3, 1]);
    assert_eq!(range(1, 10, 2).unwrap().reversed().collect::<Vec<_>>(), vec![9, 7, 5, 3, 1]);
    assert!(range(0, 20, 3).unwrap().contains(9) && !range(0, 20, 3).unwrap().contains(10));
    assert_eq!(range1(10).get(-1).unwrap(), 9);
}

#[test]
fn math_module() {
    assert_eq!(math::sqrt(16.0).unwrap(), 4.0);
    assert_eq!(math::sqrt(-1.0).unwrap_err().traceback_line(), "ValueError: math domain error");
    assert_eq!(math::floor(-3.5).unwrap(), -4);
    assert_eq!(math::ceil(3.1).unwrap(), 4);
    assert_eq!(math::gcd(84, 126), 42);
    assert_eq!(math::lcm(4, 6).unwrap(), 12);
    assert_eq!(math::isqrt(99).unwrap(), 9);
    assert_eq!(math::factorial(25).unwrap().to_string(), "15511210043330985984000000");
    assert_eq!(math::comb(10, 3).unwrap().to_string(), "120");
    assert_eq!(math::perm(5, 2).unwrap().to_string(), "20");
    assert!(math::isclose(0.1 + 0.2, 0.3));
    assert_eq!(float_repr(math::fsum(vec![0.1; 10])), "1.0");
    assert_eq!(float_repr(sum_f64(vec![0.1; 10])), "0.9999999999999999");
    assert_eq!(float_repr(math::PI * 2.0), "6.283185307179586");
}

#[test]
fn hash_and_defaults() {
    // hash(12345), hash(-1), hash(2**61), hash(-(2**62))
    assert_eq!(hash_i64(12345), 12345);
    assert_eq!(hash_i64(-1), -2);
    assert_eq!(hash_i64(1 << 61), 1);
    assert_eq!(hash_i64(-(1 << 62)), -2);
    assert_eq!(max_or(vec![4i64, 9, 2], 0), 9);
    assert_eq!(max_or(Vec::<i64>::new(), 0), 0);
    assert_eq!(min_or(vec![4i64, 9, 2], 0), 2);
}

#[test]
fn int_mixed_with_i64() {
    let big = Int::from(2).pow(64);
    assert_eq!((1 + &big).to_string(), "18446744073709551617");
    assert_eq!((1 - big.clone()).to_string(), "-18446744073709551615");
    assert_eq!((3 * &big).to_string(), "55340232221128654848");
    assert!(5 < big && big > 5 && 7 == Int::from(7));
}
