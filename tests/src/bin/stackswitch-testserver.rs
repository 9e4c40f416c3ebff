//! `stackswitch-testserver [--port N]`: the conformance suite's HTTP test server as a process.
//!
//! Binds `127.0.0.1` (on a free port unless `--port` is given), prints its base URL
//! (`http://127.0.0.1:PORT`) as the first line of stdout, flushes, and serves
//! [`stackswitch_tests::server::router`] until killed. Used by `tests/regen.py` and by
//! harnesses that run programs out of process (Node, browsers).

use std::io::Write;
use std::process::ExitCode;

fn parse_port(mut args: impl Iterator<Item = String>) -> Result<u16, String> {
    let mut port = 0;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => {
                let value = args.next().ok_or("--port needs a value")?;
                port = value
                    .parse()
                    .map_err(|_| format!("--port: not a port number: {value:?}"))?;
            }
            "-h" | "--help" => {
                return Err("usage: stackswitch-testserver [--port N]".into());
            }
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    Ok(port)
}

fn main() -> ExitCode {
    let port = match parse_port(std::env::args().skip(1)) {
        Ok(port) => port,
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
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
        let address = listener.local_addr()?;
        let mut stdout = std::io::stdout();
        writeln!(stdout, "http://{address}")?;
        stdout.flush()?;
        stackswitch_tests::server::serve(listener, stackswitch_tests::server::router()).await
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("stackswitch-testserver: {error}");
            ExitCode::FAILURE
        }
    }
}
