// The worker backend's channel: how a reply gets from the main thread (which never blocks)
// to the worker thread (which blocks in its `stackswitch.suspend` import until the reply is
// there), and how interrupt() reaches code that never suspends. Both halves live here: the
// main thread's `SharedMemoryChannel` / `ServiceWorkerChannel`, the worker's
// `SharedMemoryWait` / `ServiceWorkerWait`, with the same two operations each.
//
// Messages (postMessage, both channels; ordered, so output always precedes the request
// that follows it, and an input() prompt is shown after everything printed before it):
//
//   worker ──► main   output                        (shared memory) the output ring has
//                                                   records: drain it (see Output below)
//                     write {stream, text}          (service worker) program output, in order
//                     request {seq, kind, bytes}    a Host::suspend request (raw-abi wire
//                                                   format), seq = 1, 2, 3 ... per session
//                     taken {seq}                   (shared memory) a chunk was copied out:
//                                                   the main thread may write the next one
//                     interrupt-taken               poll or a reply raised it
//                     done {result} | fatal {message}
//   main ──► worker   start {module, config, channel}, run {source}: only while idle
//
// Replies, shared-memory channel (SharedArrayBuffer + Atomics; Node worker_threads, or a
// cross-origin-isolated page). One buffer per session, allocated by the main thread:
//
//   byte 0        4           8         12        16         20         24      32
//   ┌────────────┬───────────┬─────────┬─────────┬──────────┬──────────┬───────┬─────────────────────┐
//   │ STATE      │ INTERRUPT │ SEQ     │ TOTAL   │ OFFSET   │ LENGTH   │ (0)   │ data: capacity bytes │
//   └────────────┴───────────┴─────────┴─────────┴──────────┴──────────┴───────┴─────────────────────┘
//    i32 words:   STATE      0 EMPTY  written by the worker once it copied a chunk out
//                            1 CHUNK  written by the main thread after filling the words
//                                     below and the data: bytes OFFSET..OFFSET+LENGTH of the
//                                     TOTAL-byte reply to request SEQ
//                 INTERRUPT  1 written by the main thread (interrupt()); swapped back to
//                            0 by the worker in poll, which then raises
//                 SEQ, TOTAL, OFFSET, LENGTH: written by the main thread only, before STATE
//
//   worker: post request(seq) ─► Atomics.wait(STATE, EMPTY) ─► copy data ─► STATE = EMPTY
//           ─► OFFSET + LENGTH < TOTAL ? post taken(seq), wait again : return the reply
//   main:   reply ready ─► fill chunk 0 ─► STATE = CHUNK, notify ─► on taken(seq): next chunk
//
// A reply larger than the data area (a 10 MiB urlopen body) thus crosses in chunks, each
// acknowledged; the main thread writes a chunk only while STATE is EMPTY, so the two sides
// never touch the data area at the same time. An empty reply is one chunk of LENGTH 0.
//
// Replies, service-worker channel (a page without cross-origin isolation: no
// SharedArrayBuffer there, but a worker may still block on a synchronous XHR, and a
// service worker of the page's origin may answer it):
//
//   worker: post request(seq) ─► sync XHR GET <scope>/__stackswitch__/reply?channel=C&seq=N
//   main:   reply ready ─► serviceWorker.postMessage({reply, channel C, seq N, bytes})
//   service_worker.js: answers the XHR with the bytes (200) as soon as both have arrived,
//           in either order; after LONG_POLL_MS without a reply it answers 204 and the
//           worker asks again (a fetch event must not stay open for ever: input() may)
//   interrupt: main ─► serviceWorker.postMessage({interrupt, channel C}); the worker's
//           poll asks GET .../interrupt?channel=C (200 "1" or "0", cleared on
//           read) at most every INTERRUPT_POLL_MS, since each ask is a round trip
//
// Output, shared-memory channel: the worker does not post program output as messages (a
// message still queued in a worker, or its text still buffered there, dies with it when
// interruptGraceMs terminates the worker). It appends records to an output ring in a
// second SharedArrayBuffer, which the main thread reads even after the worker is gone:
//
//   byte 0        4        8        12       16
//   ┌────────────┬────────┬────────┬────────┬──────────────────────────────────────┐
//   │ WRITTEN    │ READ   │ BELL   │ (0)    │ ring: OUTPUT_CAPACITY bytes           │
//   └────────────┴────────┴────────┴────────┴──────────────────────────────────────┘
//    WRITTEN  bytes ever appended (mod 2^32), stored by the worker after a whole record
//    READ     bytes ever consumed (mod 2^32), stored by the main thread after a drain
//    BELL     1 while an `output` message is on its way: the worker posts one when it
//             swaps BELL 0 -> 1, the main thread stores 0 before it drains
//    record   u32 (length << 1 | stream), then `length` bytes of UTF-8 (a write may be
//             split across records, even inside a character: the main thread decodes
//             each stream as a stream)
//
//   worker: append record ─► WRITTEN += size ─► BELL 0 -> 1 ? post output
//           (ring full: ring the bell, Atomics.wait on READ until the main thread drained)
//   main:   on output, before a request, done or fatal, and after the worker died:
//           BELL = 0 ─► deliver READ..WRITTEN ─► READ = WRITTEN, notify
//
// So everything the worker wrote before it was stopped is delivered, in order, before the
// run's result; a print-heavy loop costs one message per drain, not one per print. The
// service-worker channel has no shared memory: there the worker posts every write at once
// (a `write` message), and what the engine had delivered when it ended is what arrives.
//
// Timeouts: the worker waits for a reply without any (a request may rightly take for
// ever: input()); the main thread gives a new worker STARTUP_TIMEOUT_MS to report ready,
// and a running one `interruptGraceMs` (stackswitch_worker.js) to take an interrupt
// before it terminates it — the one way to stop native code that never polls.
//
// Invariants:
// 1. STATE alternates EMPTY ─► CHUNK (main) ─► EMPTY (worker); each side writes only its
//    own transitions, and data/SEQ/TOTAL/OFFSET/LENGTH only while it owns the buffer.
// 2. A reply answers exactly the request with its seq; anything else is a protocol error
//    that ends the worker (fatal), never a reply to the wrong request.
// 3. Atomics.wait returning means nothing by itself: the main thread may be descheduled
//    between its store of CHUNK and its notify, so that notify can wake the worker's
//    wait for the *next* reply while STATE is still EMPTY. The worker re-reads STATE
//    after every wake-up (found by the bench on a loaded machine, ~1 in 100,000 replies).

/** Bytes before the data area (eight i32 words, seven used). */
export const HEADER_BYTES = 32;
/** Default data-area size: a 1 MiB reply crosses in one chunk. */
export const DEFAULT_CAPACITY = 1024 * 1024;
export const STARTUP_TIMEOUT_MS = 30_000;
export const LONG_POLL_MS = 20_000;
export const INTERRUPT_POLL_MS = 20;
/** The path (under the service worker's scope) that service_worker.js answers. */
export const SERVICE_WORKER_PATH = "__stackswitch__";

const STATE = 0;
const INTERRUPT = 1;
const SEQ = 2;
const TOTAL = 3;
const OFFSET = 4;
const LENGTH = 5;
const EMPTY = 0;
const CHUNK = 1;

/** Bytes of the output ring (a power of two, so positions wrap with the u32 counters). */
export const OUTPUT_CAPACITY = 64 * 1024;
const OUTPUT_HEADER_BYTES = 16;
const WRITTEN = 0;
const READ = 1;
const BELL = 2;
/** Longest wait for the main thread to drain a full ring before ringing again. */
const OUTPUT_WAIT_MS = 100;

/** Main thread: reads the output ring (see "Output" above) and delivers it in order. */
export class OutputRing {
  #words;
  #data;
  #decoders = [new TextDecoder("utf-8"), new TextDecoder("utf-8")];

  constructor() {
    this.buffer = new SharedArrayBuffer(OUTPUT_HEADER_BYTES + OUTPUT_CAPACITY);
    this.#words = new Int32Array(this.buffer, 0, OUTPUT_HEADER_BYTES / 4);
    this.#data = new Uint8Array(this.buffer, OUTPUT_HEADER_BYTES);
  }

  /** Deliver every whole record written so far as `write(stream, text)`, joining
   * consecutive records of one stream. */
  drain(write) {
    const words = this.#words;
    Atomics.store(words, BELL, 0);
    const written = Atomics.load(words, WRITTEN) >>> 0;
    let read = words[READ] >>> 0;
    let run = null; // [stream, text] not delivered yet
    while (read !== written) {
      const header = this.#bytes(read, 4);
      const word = (header[0] | (header[1] << 8) | (header[2] << 16) | (header[3] << 24)) >>> 0;
      const stream = word & 1;
      const length = word >>> 1;
      const text = this.#decoders[stream].decode(this.#bytes((read + 4) >>> 0, length), { stream: true });
      read = (read + 4 + length) >>> 0;
      if (run && run[0] === stream) run[1] += text;
      else {
        if (run && run[1]) write(run[0] === 0 ? "stdout" : "stderr", run[1]);
        run = [stream, text];
      }
    }
    if (run && run[1]) write(run[0] === 0 ? "stdout" : "stderr", run[1]);
    Atomics.store(words, READ, written | 0);
    Atomics.notify(words, READ);
  }

  /** `length` bytes of the ring from position `at` (wrapping), copied out. */
  #bytes(at, length) {
    const start = at % OUTPUT_CAPACITY;
    const first = Math.min(length, OUTPUT_CAPACITY - start);
    const out = new Uint8Array(length);
    out.set(this.#data.subarray(start, start + first));
    if (first < length) out.set(this.#data.subarray(0, length - first), first);
    return out;
  }
}

/** Worker: appends program output to the ring the main thread drains. */
export class OutputRingWriter {
  #words;
  #data;
  #post;

  /** `post(message)` sends the `output` message to the main thread. */
  constructor(buffer, post) {
    this.#words = new Int32Array(buffer, 0, OUTPUT_HEADER_BYTES / 4);
    this.#data = new Uint8Array(buffer, OUTPUT_HEADER_BYTES);
    this.#post = post;
  }

  /** Append `bytes` (UTF-8) of `stream` (0 stdout, 1 stderr), waiting for room if needed. */
  write(stream, bytes) {
    const most = OUTPUT_CAPACITY / 2 - 4;
    for (let at = 0; at < bytes.length; at += most) this.#record(stream, bytes.subarray(at, Math.min(bytes.length, at + most)));
  }

  #record(stream, bytes) {
    const words = this.#words;
    const size = 4 + bytes.length;
    const written = words[WRITTEN] >>> 0; // only this thread stores it
    for (;;) {
      const read = Atomics.load(words, READ) >>> 0;
      if (OUTPUT_CAPACITY - ((written - read) >>> 0) >= size) break;
      this.#ring();
      Atomics.wait(words, READ, read | 0, OUTPUT_WAIT_MS);
    }
    const word = ((bytes.length << 1) | stream) >>> 0;
    this.#put(written, new Uint8Array([word & 0xff, (word >>> 8) & 0xff, (word >>> 16) & 0xff, word >>> 24]));
    this.#put((written + 4) >>> 0, bytes);
    Atomics.store(words, WRITTEN, (written + size) | 0);
    this.#ring();
  }

  #ring() {
    if (Atomics.exchange(this.#words, BELL, 1) === 0) this.#post({ type: "output" });
  }

  #put(at, bytes) {
    const start = at % OUTPUT_CAPACITY;
    const first = Math.min(bytes.length, OUTPUT_CAPACITY - start);
    this.#data.set(bytes.subarray(0, first), start);
    if (first < bytes.length) this.#data.set(bytes.subarray(first), 0);
  }
}

/** Main thread, shared memory: sends replies chunk by chunk, raises the interrupt word. */
export class SharedMemoryChannel {
  #words;
  #data;
  #sending = null; // { seq, bytes, offset } of the reply being chunked out

  constructor(capacity = DEFAULT_CAPACITY) {
    this.buffer = new SharedArrayBuffer(HEADER_BYTES + Math.max(1, capacity));
    this.#words = new Int32Array(this.buffer, 0, HEADER_BYTES / 4);
    this.#data = new Uint8Array(this.buffer, HEADER_BYTES);
    this.output = new OutputRing();
  }

  /** What the worker needs (sent in its start message). */
  get description() {
    return { kind: "shared-memory", buffer: this.buffer, output: this.output.buffer };
  }

  /** Start sending `bytes`, the reply to request `seq`. */
  sendReply(seq, bytes) {
    this.#sending = { seq, bytes, offset: 0 };
    this.#writeChunk();
  }

  /** The worker copied chunk `seq` out: write the next one. */
  chunkTaken(seq) {
    if (this.#sending?.seq !== seq) return;
    this.#writeChunk();
  }

  #writeChunk() {
    const { seq, bytes, offset } = this.#sending;
    const length = Math.min(this.#data.length, bytes.length - offset);
    this.#data.set(bytes.subarray(offset, offset + length));
    const words = this.#words;
    words[SEQ] = seq;
    words[TOTAL] = bytes.length;
    words[OFFSET] = offset;
    words[LENGTH] = length;
    this.#sending.offset = offset + length;
    if (this.#sending.offset >= bytes.length) this.#sending = null;
    Atomics.store(words, STATE, CHUNK);
    Atomics.notify(words, STATE);
  }

  interrupt() {
    Atomics.store(this.#words, INTERRUPT, 1);
  }

  clearInterrupt() {
    Atomics.store(this.#words, INTERRUPT, 0);
  }
}

/** Worker, shared memory: blocks for replies, reads the interrupt word. */
export class SharedMemoryWait {
  #words;
  #data;

  constructor({ buffer }) {
    this.#words = new Int32Array(buffer, 0, HEADER_BYTES / 4);
    this.#data = new Uint8Array(buffer, HEADER_BYTES);
  }

  /** Block until the whole reply to `seq` is here; `post` sends `taken` messages. */
  reply(seq, post) {
    const words = this.#words;
    let reply = null;
    for (;;) {
      // A wake-up is only a hint (invariant 3): a notify of the previous reply can arrive
      // late, after this wait began; only STATE says whether a chunk is there.
      while (Atomics.load(words, STATE) === EMPTY) Atomics.wait(words, STATE, EMPTY);
      const total = words[TOTAL];
      const offset = words[OFFSET];
      const length = words[LENGTH];
      if (words[SEQ] !== seq || offset + length > total || (reply === null) !== (offset === 0)) {
        throw new Error(`stackswitch worker channel: chunk ${offset}+${length}/${total} of reply ${words[SEQ]} while waiting for ${seq}`);
      }
      reply ??= new Uint8Array(total);
      reply.set(this.#data.subarray(0, length), offset);
      Atomics.store(words, STATE, EMPTY);
      if (offset + length === total) return reply;
      post({ type: "taken", seq });
    }
  }

  /** Whether interrupt() was called since the last poll (and forget it). */
  interrupted() {
    return Atomics.exchange(this.#words, INTERRUPT, 0) !== 0;
  }
}

/** Main thread, service worker: replies and interrupts go to service_worker.js. */
export class ServiceWorkerChannel {
  #worker;

  constructor(serviceWorker, scope, channelId) {
    this.#worker = serviceWorker;
    this.scope = scope;
    this.channelId = channelId;
  }

  get description() {
    return { kind: "service-worker", scope: this.scope, channelId: this.channelId };
  }

  sendReply(seq, bytes) {
    this.#worker.postMessage({ type: "reply", channel: this.channelId, seq, bytes });
  }

  chunkTaken() {}

  interrupt() {
    this.#worker.postMessage({ type: "interrupt", channel: this.channelId, value: true });
  }

  clearInterrupt() {
    this.#worker.postMessage({ type: "interrupt", channel: this.channelId, value: false });
  }
}

/** Worker, service worker: blocks on synchronous XHRs that service_worker.js answers. */
export class ServiceWorkerWait {
  #base;
  #lastPoll = -Infinity;

  constructor({ scope, channelId }) {
    this.#base = `${scope}${SERVICE_WORKER_PATH}`;
    this.channelId = channelId;
  }

  #get(what, query) {
    const xhr = new XMLHttpRequest();
    xhr.open("GET", `${this.#base}/${what}?channel=${encodeURIComponent(this.channelId)}${query}`, false);
    xhr.responseType = "arraybuffer";
    xhr.send();
    if (xhr.status !== 200 && xhr.status !== 204) {
      throw new Error(`stackswitch worker channel: the service worker did not answer ${what} (HTTP ${xhr.status}); is this worker controlled by service_worker.js?`);
    }
    return xhr;
  }

  reply(seq) {
    for (;;) {
      const xhr = this.#get("reply", `&seq=${seq}`);
      if (xhr.status === 200) return new Uint8Array(xhr.response);
    }
  }

  interrupted() {
    const now = performance.now();
    if (now - this.#lastPoll < INTERRUPT_POLL_MS) return false;
    this.#lastPoll = now;
    const answer = new Uint8Array(this.#get("interrupt", "").response);
    return answer.length === 1 && answer[0] === 0x31; // "1"
  }
}
