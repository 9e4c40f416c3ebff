//! Generators dropped while suspended inside `try` or `with`: their frames, waiting to
//! be closed.
//!
//! CPython closes a generator when it is collected, so its `finally` blocks and
//! `__exit__` methods run. Closing runs Python code, which a `Drop` impl cannot do
//! soundly: it may fire in the middle of any instruction, with containers borrowed and
//! no `Vm` at hand. So dropping a suspended [`Generator`] only moves its frame here, and
//! the VM closes the queued frames at its next instruction boundary (and when a module
//! finishes), which is where CPython's finalizers would have run as far as the program
//! can observe.
//!
//! A coroutine dropped before it ever ran queues its name instead: CPython warns
//! "coroutine '...' was never awaited" when it is collected, which needs the VM too.
//!
//! Invariant: a frame is queued at most once; the VM closes it through a fresh,
//! finished-on-exit generator, which therefore never re-queues it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::Generator;
use crate::vm::Frame;

/// A dropped generator's frame and the names its error reports show.
pub(crate) struct AbandonedFrame {
    pub(crate) frame: Box<Frame>,
    pub(crate) name: Rc<str>,
    pub(crate) qualname: Rc<str>,
    pub(crate) kind: super::GenKind,
    /// The generator's `reported` flag.
    pub(crate) reported: bool,
}

/// The queue of frames to close, shared by an interpreter and its generators.
#[derive(Default)]
pub(crate) struct AbandonedFrames {
    frames: RefCell<Vec<AbandonedFrame>>,
    /// Qualified names of coroutines dropped without being awaited.
    never_awaited: RefCell<Vec<Rc<str>>>,
    /// Mirrors `!frames.is_empty() || !never_awaited.is_empty()`, so the eval loop
    /// checks one flag.
    pending: Cell<bool>,
}

impl AbandonedFrames {
    /// Whether a frame waits to be closed.
    #[inline]
    pub(crate) fn pending(&self) -> bool {
        self.pending.get()
    }

    pub(crate) fn pop(&self) -> Option<AbandonedFrame> {
        let mut frames = self.frames.try_borrow_mut().ok()?;
        let frame = frames.pop();
        self.pending
            .set(!frames.is_empty() || !self.never_awaited.borrow().is_empty());
        frame
    }

    /// The coroutines dropped without being awaited since the last call, oldest first.
    pub(crate) fn take_never_awaited(&self) -> Vec<Rc<str>> {
        let Ok(mut names) = self.never_awaited.try_borrow_mut() else {
            return Vec::new();
        };
        let names = std::mem::take(&mut *names);
        self.pending.set(!self.frames.borrow().is_empty());
        names
    }

    /// Drop every queued frame without closing it (the interpreter is going away).
    pub(crate) fn discard(&self) {
        // Dropping frames may drop more generators, which queue more frames.
        loop {
            let batch = match self.frames.try_borrow_mut() {
                Ok(mut frames) => std::mem::take(&mut *frames),
                Err(_) => return,
            };
            self.pending.set(false);
            self.never_awaited.borrow_mut().clear();
            if batch.is_empty() {
                return;
            }
            drop(batch);
        }
    }

    fn push(&self, frame: AbandonedFrame) {
        // Busy only while `discard` swaps the vector out: then the frame is just dropped.
        if let Ok(mut frames) = self.frames.try_borrow_mut() {
            frames.push(frame);
            self.pending.set(true);
        }
    }
}

impl Drop for Generator {
    fn drop(&mut self) {
        if self.kind == super::GenKind::Coroutine
            && self.state.get() == super::GeneratorState::Created
        {
            if self.reported.get() {
                return;
            }
            if let Ok(mut names) = self.abandoned.never_awaited.try_borrow_mut() {
                names.push(self.qualname.clone());
                self.abandoned.pending.set(true);
            }
            return;
        }
        if self.state.get() != super::GeneratorState::Suspended {
            return;
        }
        let Some(frame) = self.frame.get_mut().take() else {
            return;
        };
        // Without an active try/with block, closing would run no Python code (an async
        // generator still goes to its loop's finalizer, which CPython calls regardless).
        if frame.blocks.is_empty() && self.kind != super::GenKind::AsyncGenerator {
            return;
        }
        self.abandoned.push(AbandonedFrame {
            frame,
            name: self.name.clone(),
            qualname: self.qualname.clone(),
            kind: self.kind,
            reported: self.reported.get(),
        });
    }
}
