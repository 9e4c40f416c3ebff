//! A wasm module exporting one function that runs Python source with a host that
//! answers nothing: the smallest complete embedding of the core, used to measure what
//! the interpreter itself weighs in wasm (no wasm-bindgen, no backend).
//!
//! `stackswitch_probe_run(ptr, len)` takes UTF-8 source in linear memory and returns
//! the exit status `python3` would give. `stackswitch_probe_alloc(len)` reserves the
//! buffer. On a native target this file is an empty library.

#[cfg(target_arch = "wasm32")]
mod probe {
    use stackswitch_core::{
        Config, Host, HostError, HostErrorKind, Interpreter, Reply, Stream, SuspendRequest,
    };

    struct SilentHost;

    impl Host for SilentHost {
        fn suspend(&mut self, _request: SuspendRequest) -> Result<Reply, HostError> {
            Err(HostError::new(
                HostErrorKind::Failed,
                "the size probe has no host",
            ))
        }
        fn write(&mut self, _stream: Stream, _text: &str) {}
    }

    #[no_mangle]
    pub extern "C" fn stackswitch_probe_alloc(len: usize) -> *mut u8 {
        let mut buf = Vec::<u8>::with_capacity(len);
        let ptr = buf.as_mut_ptr();
        std::mem::forget(buf);
        ptr
    }

    /// # Safety
    /// `ptr` must come from `stackswitch_probe_alloc(len)` and hold `len` bytes.
    #[no_mangle]
    pub unsafe extern "C" fn stackswitch_probe_run(ptr: *mut u8, len: usize) -> i32 {
        let bytes = unsafe { Vec::from_raw_parts(ptr, len, len) };
        let source = String::from_utf8_lossy(&bytes);
        let mut interpreter = Interpreter::new(Config::default());
        match interpreter.run(&source, &mut SilentHost) {
            Ok(()) => 0,
            Err(e) => e.exit_status(),
        }
    }
}
