//! `decimal`'s exp, ln, log10, sqrt and powers (integral and not) against CPython's C
//! module: `tests/differential/decimal_transcendental.py SEED COUNT` prints one line per
//! random case (operands, context, result repr, flags or exception), and the native
//! runner's output must equal python3's line for line.
//!
//! Invariant: the cases are drawn by `random.Random(SEED)`, whose sequence is CPython's
//! here too, so both interpreters compute the same cases; nothing is stored but the
//! generator, so a new seed is a new check.

use std::path::Path;
use std::process::Command;

use stackswitch_tests::native_runner_binary;

const SEEDS: &[u32] = &[1, 2, 3, 4, 5];
const CASES_PER_SEED: u32 = 500;

fn output_of(program: &str, args: &[String]) -> String {
    let output = Command::new(program)
        .args(args)
        .env("PYTHONHASHSEED", "0")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    assert!(
        output.status.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn transcendental_functions_match_cpythons_c_decimal() {
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("differential")
        .join("decimal_transcendental.py");
    let native = native_runner_binary();
    let mut differences = Vec::new();
    for seed in SEEDS {
        let args = vec![
            script.display().to_string(),
            seed.to_string(),
            CASES_PER_SEED.to_string(),
        ];
        let expected = output_of("python3", &args);
        let got = output_of(native.to_str().unwrap(), &args);
        assert_eq!(
            expected.lines().count(),
            CASES_PER_SEED as usize,
            "python3 printed every case"
        );
        for (want, have) in expected.lines().zip(got.lines()) {
            if want != have {
                differences.push(format!("seed {seed}\n  python3: {want}\n  native:  {have}"));
            }
        }
        if got.lines().count() != expected.lines().count() {
            differences.push(format!(
                "seed {seed}: the native run printed {} lines",
                got.lines().count()
            ));
        }
    }
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}
