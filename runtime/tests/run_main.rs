//! `run_main` end to end: runs small programs built from `examples/` as
//! child processes and checks stdout, stderr and the exit status.

use std::process::Command;

fn run_example(name: &str) -> (i32, String, String) {
    let exe = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let out = Command::new(cargo)
        .args(["run", "--offline", "-q", "--example", name])
        .current_dir(&exe)
        .output()
        .expect("cargo run");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).to_string(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn uncaught_exception_prints_last_line_and_exits_1() {
    let (code, out, err) = run_example("uncaught");
    assert_eq!(code, 1);
    assert_eq!(out, "before\nTrue\n");
    assert!(err.ends_with("KeyError: 'missing'\n"), "stderr was {:?}", err);
}

#[test]
fn deep_recursion_and_sys_exit() {
    let (code, out, _) = run_example("deep");
    assert_eq!(code, 3);
    assert_eq!(out, "depth 100000\n");
}
