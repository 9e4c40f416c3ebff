// The machine's own files for a session in Node (`createSession({ filesystem: "node" })`,
// what cli.mjs uses so that a program reads and writes files as under python3).
//
//   nodeFileRequest(start) -> request(op, path, data) -> answer bytes
//
// `request` answers one of core's file requests (core/src/fs.rs: `file_request` numbers,
// `serve_file_request`'s answer format: u8 0 + payload | u8 1 + errno u32 LE + message)
// synchronously with node:fs, so the backend's `DelegatedFileSystem` can call it from
// inside a run without suspending. It runs on the interpreter's own thread: Node's main
// thread (jspi, asyncify) or the worker backend's worker thread.
//
// Invariants: `request` never throws (every failure is an errno answer, CPython's text);
// each session has its own current directory (`os.chdir` changes it, not the process's,
// which a worker thread could not change anyway), starting at `start`.

import * as fs from "node:fs";
import { constants as osConstants } from "node:os";
import { resolve } from "node:path";

// The numbers of core's `file_request` module: the ones `DelegatedFileSystem` sends, one
// per FileSystem method (the embedder's WRITE, LIST and CHDIR_CREATING are served in Rust
// on top of these).
const READ = 1, REMOVE = 3, WRITE_FILE = 5, KIND = 6, LIST_DIR = 7, CREATE_DIR = 8, REMOVE_DIR = 9,
  CURRENT_DIR = 10, SET_CURRENT_DIR = 11;

const utf8 = new TextEncoder();
const EMPTY = new Uint8Array(0);

function ok(payload = EMPTY) {
  const answer = new Uint8Array(1 + payload.length);
  answer.set(payload, 1);
  return answer;
}

/** A Node error as errno + strerror text ("ENOENT: no such file or directory, open 'x'"
 *  -> 2, "No such file or directory"). */
function failed(error) {
  const errno = osConstants.errno[error.code] ?? 5;
  const said = /^[A-Z0-9]+: ([^,]*)/.exec(String(error.message))?.[1] ?? "Input/output error";
  const message = utf8.encode(said.charAt(0).toUpperCase() + said.slice(1));
  const answer = new Uint8Array(5 + message.length);
  answer[0] = 1;
  new DataView(answer.buffer).setUint32(1, errno, true);
  answer.set(message, 5);
  return answer;
}

function notADirectory() {
  return failed({ code: "ENOTDIR", message: "ENOTDIR: not a directory" });
}

/** The request function of one session, whose current directory starts at `start`. */
export function nodeFileRequest(start = process.cwd()) {
  let cwd = resolve(start);
  return (op, path, data) => {
    const at = resolve(cwd, path);
    try {
      switch (op) {
        case READ:
          return ok(new Uint8Array(fs.readFileSync(at)));
        case WRITE_FILE:
          fs.writeFileSync(at, data);
          return ok();
        case REMOVE:
          fs.unlinkSync(at);
          return ok();
        case KIND: {
          const stat = fs.statSync(at, { throwIfNoEntry: false });
          return ok(stat == null ? EMPTY : utf8.encode(stat.isDirectory() ? "d" : "f"));
        }
        case LIST_DIR:
          return ok(utf8.encode(fs.readdirSync(at).sort().join("\0")));
        case CREATE_DIR:
          fs.mkdirSync(at);
          return ok();
        case REMOVE_DIR:
          fs.rmdirSync(at);
          return ok();
        case CURRENT_DIR:
          return ok(utf8.encode(cwd));
        case SET_CURRENT_DIR:
          if (!fs.statSync(at).isDirectory()) return notADirectory();
          cwd = at;
          return ok();
        default:
          return failed({ code: "EINVAL", message: `EINVAL: unknown file request ${op}` });
      }
    } catch (error) {
      return failed(error);
    }
  };
}
