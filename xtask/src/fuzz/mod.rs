//! The stable-toolchain fuzzer's inputs and the protocol between its two processes.
//!
//! `cargo xtask fuzz` (the launcher, in `main.rs`) builds and starts `fuzz-runner`, which
//! runs inputs in-process through the interpreter. Input number `i` of a campaign with
//! seed `s` is [`input_for`]`(s, i, corpus)`: a [`generate`]d program or a [`mutate`]d
//! conformance program, depending only on `(s, i)` and the corpus, so any input can be
//! rebuilt and a campaign can resume after any input.
//!
//! Before running an input, the runner records it in [`IN_FLIGHT`] (index on the first
//! line, then the source). If the runner process dies (a stack overflow, an abort), the
//! launcher saves that input as a finding and restarts the runner after it. A run that
//! hangs is saved by the runner itself, which then exits with [`RUNNER_HUNG`] so that the
//! launcher restarts it without the stuck thread.
//!
//! Invariant: every finding is saved as `fuzz/artifacts/<hash>.py` before it is reported,
//! `<hash>` being the FNV-1a hash of its bytes.

pub mod differential;
pub mod generate;
pub mod mutate;
pub mod rng;

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use rng::Rng;

/// The runner finished its inputs (or its time) without findings.
pub const RUNNER_CLEAN: i32 = 0;
/// The runner finished and saved at least one finding.
pub const RUNNER_FINDINGS: i32 = 1;
/// The runner saved a hung input and stopped; restart it after [`IN_FLIGHT`]'s index.
pub const RUNNER_HUNG: i32 = 3;
/// The runner could not work at all (bad arguments, an unwritable artifacts folder).
pub const RUNNER_ERROR: i32 = 2;

/// Every line the runner prints about a new finding starts with this.
pub const FINDING_PREFIX: &str = "finding:";

/// The runner's last stdout line starts with this, followed by
/// `<next index> findings=<count>`.
pub const SUMMARY_PREFIX: &str = "fuzz-runner: next=";

/// The file in the artifacts folder holding the input being run.
pub const IN_FLIGHT: &str = ".in-flight";

/// Where an input comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Generated,
    Mutated,
}

/// One fuzz input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FuzzInput {
    pub source: String,
    pub origin: Origin,
}

/// Input number `index` of the campaign with `seed`.
pub fn input_for(seed: u64, index: u64, corpus: &[String]) -> FuzzInput {
    let mut rng = Rng::for_input(seed, index);
    if !corpus.is_empty() && rng.chance(35) {
        FuzzInput {
            source: mutate::mutate(&mut rng, corpus),
            origin: Origin::Mutated,
        }
    } else {
        FuzzInput {
            source: generate::generate_program(&mut rng),
            origin: Origin::Generated,
        }
    }
}

/// Every `*.py` in `dir`, sorted by file name so that the corpus is the same everywhere;
/// a missing folder is an empty corpus.
pub fn load_corpus(dir: &Path) -> io::Result<Vec<String>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(error),
    };
    let mut paths = Vec::new();
    for entry in entries {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "py") {
            paths.push(path);
        }
    }
    paths.sort();
    paths
        .iter()
        .map(|path| fs::read(path).map(|bytes| String::from_utf8_lossy(&bytes).into_owned()))
        .collect()
}

/// `fuzz/artifacts` under the repository root.
pub fn artifacts_dir(root: &Path) -> PathBuf {
    root.join("fuzz").join("artifacts")
}

/// Save `source` as a finding; returns its path.
pub fn save_artifact(artifacts: &Path, source: &str) -> io::Result<PathBuf> {
    fs::create_dir_all(artifacts)?;
    let path = artifacts.join(format!("{:016x}.py", rng::fnv1a(source.as_bytes())));
    fs::write(&path, source)?;
    Ok(path)
}

/// Record that input `index` is about to run.
pub fn write_in_flight(artifacts: &Path, index: u64, source: &str) -> io::Result<()> {
    let mut text = String::with_capacity(source.len() + 24);
    text.push_str(&index.to_string());
    text.push('\n');
    text.push_str(source);
    fs::write(artifacts.join(IN_FLIGHT), text)
}

/// The input recorded by [`write_in_flight`], if there is one.
pub fn read_in_flight(artifacts: &Path) -> Option<(u64, String)> {
    let text = fs::read_to_string(artifacts.join(IN_FLIGHT)).ok()?;
    let (index, source) = text.split_once('\n')?;
    Some((index.parse().ok()?, source.to_owned()))
}

/// Forget the in-flight input (the runner ended normally).
pub fn clear_in_flight(artifacts: &Path) {
    let _ = fs::remove_file(artifacts.join(IN_FLIGHT));
}

/// Parse the runner's summary line: `(next index, findings)`.
pub fn parse_summary(line: &str) -> Option<(u64, u64)> {
    let rest = line.trim().strip_prefix(SUMMARY_PREFIX)?;
    let (next, findings) = rest.split_once(" findings=")?;
    Some((next.parse().ok()?, findings.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_depend_only_on_seed_and_index() {
        let corpus = vec!["print(1)\n".to_owned(), "x = [1, 2]\nprint(x)\n".to_owned()];
        let mut origins = [0, 0];
        for index in 0..100 {
            let a = input_for(1, index, &corpus);
            assert_eq!(a, input_for(1, index, &corpus));
            origins[a.origin as usize] += 1;
        }
        assert!(origins[0] > 0 && origins[1] > 0, "{origins:?}");
        assert_ne!(input_for(1, 0, &corpus), input_for(2, 0, &corpus));
        assert_eq!(input_for(1, 3, &[]).origin, Origin::Generated);
    }

    #[test]
    fn in_flight_records_and_artifacts_round_trip() {
        let dir = std::env::temp_dir().join(format!("xtask-fuzz-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        write_in_flight(&dir, 42, "print('a')\nprint('b')\n").unwrap();
        assert_eq!(
            read_in_flight(&dir),
            Some((42, "print('a')\nprint('b')\n".to_owned()))
        );
        clear_in_flight(&dir);
        assert_eq!(read_in_flight(&dir), None);
        let saved = save_artifact(&dir, "x").unwrap();
        assert_eq!(saved, dir.join("af63f54c86021707.py"));
        let _ = fs::remove_dir_all(&dir);
    }

    #[test]
    fn summaries_parse() {
        assert_eq!(
            parse_summary("fuzz-runner: next=17 findings=2\n"),
            Some((17, 2))
        );
        assert_eq!(parse_summary("something else"), None);
    }

    #[test]
    fn the_corpus_is_sorted_and_tolerates_a_missing_folder() {
        assert!(load_corpus(Path::new("/nonexistent/xtask"))
            .unwrap()
            .is_empty());
        let dir = std::env::temp_dir().join(format!("xtask-corpus-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("b.py"), "b").unwrap();
        fs::write(dir.join("a.py"), "a").unwrap();
        fs::write(dir.join("a.out"), "ignored").unwrap();
        assert_eq!(
            load_corpus(&dir).unwrap(),
            vec!["a".to_owned(), "b".to_owned()]
        );
        let _ = fs::remove_dir_all(&dir);
    }
}
