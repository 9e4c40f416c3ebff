//! `stackswitch-testserver [--port N] [--static PREFIX DIR | --site DIR] [--isolated]`: the
//! conformance suite's HTTP test server as a process.
//!
//! Binds `127.0.0.1` (on a free port unless `--port` is given), prints its base URL
//! (`http://127.0.0.1:PORT`) as the first line of stdout, flushes, and serves
//! [`stackswitch_tests::server::router`] until killed; with `--static`, also the files of
//! DIR under PREFIX (`router_with_static`), and with `--isolated` every response carries
//! the cross-origin isolation headers (`router_with_static_isolated`): to try the test
//! pages by hand. With `--site DIR`, only the files of DIR from `/`, precompressed `.gz`
//! when accepted (`site_router`): how `cargo xtask serve` hosts the playground. Used by `tests/regen.py` and by harnesses that run programs out of
//! process (Node, browsers).

use std::io::Write;
use std::process::ExitCode;

/// What to serve: the port, and the static directory with its prefix and isolation.
#[derive(Default)]
struct Options {
    port: u16,
    static_dir: Option<(String, String)>,
    site: Option<String>,
    isolated: bool,
}

const USAGE: &str =
    "usage: stackswitch-testserver [--port N] [--static PREFIX DIR | --site DIR] [--isolated]";

fn parse_options(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options::default();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--static" => {
                let prefix = args.next().ok_or("--static needs PREFIX and DIR")?;
                let dir = args.next().ok_or("--static needs PREFIX and DIR")?;
                options.static_dir = Some((prefix, dir));
            }
            "--site" => options.site = Some(args.next().ok_or("--site needs DIR")?),
            "--isolated" => options.isolated = true,
            "--port" => {
                let value = args.next().ok_or("--port needs a value")?;
                options.port = value
                    .parse()
                    .map_err(|_| format!("--port: not a port number: {value:?}"))?;
            }
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument {other:?}\n{USAGE}")),
        }
    }
    if options.isolated && options.static_dir.is_none() && options.site.is_none() {
        return Err(format!("--isolated goes with --static or --site\n{USAGE}"));
    }
    if options.static_dir.is_some() && options.site.is_some() {
        return Err(format!("--static and --site exclude each other\n{USAGE}"));
    }
    Ok(options)
}

fn main() -> ExitCode {
    let options = match parse_options(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("stackswitch-testserver: {message}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .enable_time()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("stackswitch-testserver: cannot start the runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    let result = runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", options.port)).await?;
        let address = listener.local_addr()?;
        let mut stdout = std::io::stdout();
        writeln!(stdout, "http://{address}")?;
        stdout.flush()?;
        use stackswitch_tests::server::{
            router, router_with_static, router_with_static_isolated, site_router,
        };
        let app = match (&options.static_dir, options.isolated) {
            _ if options.site.is_some() => {
                site_router(options.site.as_deref().unwrap_or("."), options.isolated)
            }
            (None, _) => router(),
            (Some((prefix, dir)), false) => router_with_static(prefix, dir),
            (Some((prefix, dir)), true) => router_with_static_isolated(prefix, dir),
        };
        stackswitch_tests::server::serve(listener, app).await
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("stackswitch-testserver: {error}");
            ExitCode::FAILURE
        }
    }
}
