//! The program's files through the public API: `Interpreter::filesystem`, a
//! `MemoryFileSystem` filled by the embedder, and imports of the program's own modules.
//!
//! Invariant checked: what the embedder puts in is what the program sees, and a failed
//! import leaves nothing half-imported behind.

use stackswitch_core::{
    Config, FileKind, FsErrorKind, Host, HostError, Interpreter, MemoryFileSystem, Reply, Stream,
    SuspendRequest,
};

#[derive(Default)]
struct Output(String);

impl Host for Output {
    fn suspend(&mut self, request: SuspendRequest) -> Result<Reply, HostError> {
        panic!("unexpected request {request:?}")
    }

    fn write(&mut self, _: Stream, text: &str) {
        self.0.push_str(text);
    }
}

fn interpreter_with(files: &[(&str, &str)]) -> Interpreter {
    let mut fs = MemoryFileSystem::new();
    for (path, text) in files {
        fs.insert(path, *text).unwrap();
    }
    let mut python = Interpreter::new(Config {
        filename: "/main.py".into(),
        ..Config::default()
    });
    python.set_filesystem(Box::new(fs));
    python
}

#[test]
fn a_program_imports_its_own_modules_and_packages() {
    let mut python = interpreter_with(&[
        (
            "/grades.py",
            "print('loading', __name__)\ndef letter(n):\n    return 'A' if n >= 90 else 'B'\n",
        ),
        ("/shapes/__init__.py", "SIDES = {'square': 4}\n"),
        (
            "/shapes/area.py",
            "from shapes import SIDES\ndef square(s):\n    return s * s, SIDES['square']\n",
        ),
    ]);
    let mut out = Output::default();
    python
        .run(
            "import grades\nimport grades as again\nprint(grades.letter(95), again is grades)\n\
             from shapes.area import square\nimport shapes\nprint(square(3), shapes.__path__, grades.__file__)\n",
            &mut out,
        )
        .unwrap();
    assert_eq!(
        out.0,
        "loading grades\nA True\n(9, 4) ['/shapes'] /grades.py\n"
    );
}

#[test]
fn a_failed_import_is_not_cached_and_raises_cpythons_errors() {
    let mut python = interpreter_with(&[("/broken.py", "x = 1\nraise ValueError('bad module')\n")]);
    let mut out = Output::default();
    let program = "for _ in range(2):\n    try:\n        import broken\n    except ValueError as e:\n        print(e)\n\
                   try:\n    import missing\nexcept ModuleNotFoundError as e:\n    print(e)\n";
    python.run(program, &mut out).unwrap();
    assert_eq!(out.0, "bad module\nbad module\nNo module named 'missing'\n");
}

#[test]
fn the_embedder_reads_and_changes_the_files_between_runs() {
    let mut python = interpreter_with(&[("/data/a.txt", "1")]);
    let fs = python.filesystem();
    assert_eq!(fs.kind("/data"), Some(FileKind::Directory));
    fs.write("/data/b.txt", b"2").unwrap();
    assert_eq!(fs.list("data").unwrap(), vec!["a.txt", "b.txt"]);
    assert_eq!(
        fs.read("/data/c.txt").unwrap_err().kind,
        FsErrorKind::NotFound
    );
}

#[test]
fn open_reads_the_embedders_files_and_writes_back_even_files_left_open() {
    let mut python = interpreter_with(&[("/scores.csv", "ada,90\nbob,75\n")]);
    let mut out = Output::default();
    let program = "total = 0\nwith open('scores.csv') as f:\n    for line in f:\n        total += int(line.split(',')[1])\n\
                   with open('total.txt', 'w') as f:\n    f.write(str(total))\n\
                   log = open('log.txt', 'a')\nlog.write('ran\\n')\nprint(total)\n";
    python.run(program, &mut out).unwrap();
    python.run("log.write('again\\n')\n", &mut out).unwrap();
    assert_eq!(out.0, "165\n");
    let fs = python.filesystem();
    assert_eq!(fs.read("/total.txt").unwrap(), b"165");
    assert_eq!(fs.read("log.txt").unwrap(), b"ran\nagain\n");
}
