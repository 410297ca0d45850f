use super::cases::*;
use crate::*;

fn v<T: ToValue>(x: T) -> Value {
    x.to_value()
}

#[test]
fn float_format_table() {
    let mut bad = Vec::new();
    for &(b, spec, want) in FLOAT_FORMAT {
        let x = f64::from_bits(b);
        match format_float(x, spec) {
            Ok(got) if got == want => {}
            r => bad.push(format!("format({:?}, {:?}): got {:?} want {:?}", x, spec, r, want)),
        }
    }
    assert!(bad.is_empty(), "{} mismatches, first: {:#?}", bad.len(), &bad[..bad.len().min(8)]);
}

#[test]
fn int_format_table() {
    let mut bad = Vec::new();
    for &(n, spec, want) in INT_FORMAT {
        let x: Int = n.parse().unwrap();
        match format_int(&x, spec) {
            Ok(got) if got == want => {}
            r => bad.push(format!("format({}, {:?}): got {:?} want {:?}", n, spec, r, want)),
        }
        if let Some(i) = x.to_i64() {
            assert_eq!(i.py_format(spec).unwrap(), want);
        }
    }
    assert!(bad.is_empty(), "{} mismatches, first: {:#?}", bad.len(), &bad[..bad.len().min(8)]);
}

#[test]
fn str_format_table() {
    for &(s, spec, want) in STR_FORMAT {
        assert_eq!(format_str(s, spec).unwrap(), want, "format({:?}, {:?})", s, spec);
    }
}

#[test]
fn corpus_format_specs() {
    // t2_format_table / t1_float_math
    assert_eq!(format_float(3.14159, ".2f").unwrap(), "3.14");
    assert_eq!(format_float(1234.5, "10.1f").unwrap(), "    1234.5");
    assert_eq!(format_float(-0.5, "+.3f").unwrap(), "-0.500");
    assert_eq!(format_float(1e6, ".0f").unwrap(), "1000000");
    assert_eq!(format_float(0.000123, ".2e").unwrap(), "1.23e-04");
    assert_eq!(format_float(147.0, ">12,.2f").unwrap(), "      147.00");
    assert_eq!(format_float(1234.5, "010.2f").unwrap(), "0001234.50");
    assert_eq!(format_float(-1234.5, ">12,.1f").unwrap(), "    -1,234.5");
    assert_eq!(format_float(1234.5, ".0f").unwrap(), "1234");
    assert_eq!(format_float(3.14159, ".3").unwrap(), "3.14");
    assert_eq!(format_float(0.5, ">6.1%").unwrap(), " 50.0%");
    assert_eq!(format_float(2.5, "5").unwrap(), "  2.5");
    assert_eq!(format_float(0.1 + 0.2, ".17f").unwrap(), "0.30000000000000004");
    assert_eq!(format_float(1e22, "f").unwrap(), "10000000000000000000000.000000");
    assert_eq!(format_float(5e-324, "g").unwrap(), "4.94066e-324");
    assert_eq!(format_float(2f64.sqrt(), "12.4f").unwrap(), "      1.4142");
    assert_eq!(format_i64(42, "08b").unwrap(), "00101010");
    assert_eq!(format_i64(42, "#x").unwrap(), "0x2a");
    assert_eq!(format_i64(42, "X").unwrap(), "2A");
    assert_eq!(format_i64(-17, "=+8").unwrap(), "-     17");
    assert_eq!(format_i64(42, "0>6").unwrap(), "000042");
    assert_eq!(format_i64(255, "#06x").unwrap(), "0x00ff");
    assert_eq!(format_i64(3, "3d").unwrap(), "  3");
    assert_eq!(format_i64(7, "02d").unwrap(), "07");
    assert_eq!(format_str("center", "*^15").unwrap(), "****center*****");
    assert_eq!(format_str("ab", "#<6").unwrap(), "ab####");
    assert_eq!(format_str("truncate", ".3").unwrap(), "tru");
    assert_eq!(format_str("longword", "10.4").unwrap(), "long      ");
    assert_eq!(format_bool(true, "").unwrap(), "True");
    assert_eq!(format_bool(true, ">6").unwrap(), "     1");
    assert_eq!(py_format(&true.py_str(), "<6").unwrap(), "True  ");
    assert_eq!(Value::None.py_format("").unwrap(), "None");
    assert!(format_i64(1, ".2").is_err());
    assert_eq!(
        format_float(1.0, "d").unwrap_err().traceback_line(),
        "ValueError: Unknown format code 'd' for object of type 'float'"
    );
}

#[test]
fn str_format_method() {
    let a = [v(3.14159), v(2.71828), v(1.41421)];
    assert_eq!(str_format("{:>8.3f}|{:<8.2f}|{:^9.1f}|", &a, &[]).unwrap(), "   3.142|2.72    |   1.4   |");
    assert_eq!(str_format("{0} {1} {0}", &[v("a"), v("b")], &[]).unwrap(), "a b a");
    assert_eq!(str_format("{name}-{num:03d}", &[], &[("name", v("id")), ("num", v(7i64))]).unwrap(), "id-007");
    assert_eq!(
        str_format("{:+d} {:+d} {: d} {: d}", &[v(5i64), v(-5i64), v(5i64), v(-5i64)], &[]).unwrap(),
        "+5 -5  5 -5"
    );
    assert_eq!(
        str_format("{:,} {:_} {:,.3f}", &[v(1234567i64), v(1234567i64), v(1234567.891)], &[]).unwrap(),
        "1,234,567 1_234_567 1,234,567.891"
    );
    let e = [v(12345.678), v(0.000123), v(1e20), v(0.0001), v(1e-5), v(123456789.0)];
    assert_eq!(
        str_format("{:e} {:.2e} {:E} {:g} {:g} {:g}", &e, &[]).unwrap(),
        "1.234568e+04 1.23e-04 1.000000E+20 0.0001 1e-05 1.23457e+08"
    );
    assert_eq!(
        str_format("{:%} {:.1%} {:.0%}", &[v(0.25), v(0.1234), v(2.0 / 3.0)], &[]).unwrap(),
        "25.000000% 12.3% 67%"
    );
    assert_eq!(
        str_format("[{:*^15}] [{:#<6}] [{:0>6}] [{:=+8}]", &[v("center"), v("ab"), v(42i64), v(-17i64)], &[]).unwrap(),
        "[****center*****] [ab####] [000042] [-     17]"
    );
    assert_eq!(
        str_format(
            "{:x} {:X} {:o} {:b} {:#06x} {:#o}",
            &[v(3054i64), v(3054i64), v(8i64), v(5i64), v(255i64), v(8i64)],
            &[]
        )
        .unwrap(),
        "bee BEE 10 101 0x00ff 0o10"
    );
    assert_eq!(str_format("{!r:>6}|{!s}|{{}}", &[v("a"), v(1.5)], &[]).unwrap(), "   'a'|1.5|{}");
    // '{:{}}|{}'.format('x', 4, 'y') == 'x   |y'
    assert_eq!(str_format("{:{}}|{}", &[v("x"), v(4i64), v("y")], &[]).unwrap(), "x   |y");
}

#[test]
fn percent_formatting() {
    assert_eq!(
        percent_format("%d items at %.2f each = %8.3f", &[v(3i64), v(1.5), v(4.5)]).unwrap(),
        "3 items at 1.50 each =    4.500"
    );
    assert_eq!(percent_format("%s/%r", &[v("s"), v("r")]).unwrap(), "s/'r'");
    assert_eq!(percent_format("%5s|%-5s|", &[v("ab"), v("cd")]).unwrap(), "   ab|cd   |");
    assert_eq!(
        percent_format("%x %o %e %05d %+.1f %%", &[v(255i64), v(8i64), v(1234.5), v(42i64), v(2.25)]).unwrap(),
        "ff 10 1.234500e+03 00042 +2.2 %"
    );
    let cases: &[(&str, Value, &str)] = &[
        ("%5.1s|", v("abc"), "    a|"),
        ("%.3d", v(5i64), "005"),
        ("%-6d|", v(-3i64), "-3    |"),
        ("%+05d", v(3i64), "+0003"),
        ("%#x", v(255i64), "0xff"),
        ("%c", v(65i64), "A"),
        ("%d", v(3.7), "3"),
        ("%s", v(vec![v(1i64), v("a")]), "[1, 'a']"),
        ("%e", v(0i64), "0.000000e+00"),
        ("%g", v(1e-5), "1e-05"),
        ("%10.3g", v(1234567i64), "  1.23e+06"),
        ("%.2s", v("hello"), "he"),
        ("%r", v("it's"), "\"it's\""),
        ("%5.1f%%", v(12.345), " 12.3%"),
        ("%i", v(true), "1"),
    ];
    for (f, a, want) in cases {
        assert_eq!(percent_format(f, &[a.clone()]).unwrap(), *want, "{:?}", f);
    }
    assert_eq!(percent_format("%*d|", &[v(5i64), v(42i64)]).unwrap(), "   42|");
    assert_eq!(percent_format("%-*d|", &[v(5i64), v(42i64)]).unwrap(), "42   |");
    assert_eq!(
        percent_format("%d %d", &[v(1i64)]).unwrap_err().traceback_line(),
        "TypeError: not enough arguments for format string"
    );
    assert_eq!(
        percent_format("%d", &[v(1i64), v(2i64)]).unwrap_err().traceback_line(),
        "TypeError: not all arguments converted during string formatting"
    );
    // Through Value: "%s=%d" % ("a", 1)
    let r = v("%s=%d").modulo(&Value::tuple(vec![v("a"), v(1i64)])).unwrap();
    assert_eq!(r.py_str(), "a=1");
}

#[test]
fn percent_format_table() {
    let mut bad = Vec::new();
    for &(f, kind, val, want) in PERCENT_FORMAT {
        let arg = match kind {
            'i' => Value::Int(val.parse::<Int>().unwrap()),
            'f' => Value::Float(parse_float(val).unwrap()),
            _ => Value::from(val),
        };
        match percent_format(f, &[arg.clone()]) {
            Ok(got) if got == want => {}
            r => bad.push(format!("{:?} % {:?}: got {:?} want {:?}", f, arg, r, want)),
        }
    }
    assert!(bad.is_empty(), "{} of {} mismatches: {:#?}", bad.len(), PERCENT_FORMAT.len(), &bad[..bad.len().min(12)]);
}
