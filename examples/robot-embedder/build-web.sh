#!/bin/sh
# Build this embedder crate as each stackswitch wasm backend and assemble a folder the JS
# runtime loads (the layout of target/stackswitch-web, without tests and benches): the
# steps an embedder runs without the project's xtask. Usage:
#
#   examples/robot-embedder/build-web.sh [OUT]     (default: target/robot-embedder-web)
#
# Needs wasm-bindgen (the wasm-bindgen crate's exact version, 0.2.130) and Binaryen's
# wasm-opt: WASM_BINDGEN and WASM_OPT name them, default the ones `cargo xtask setup`
# installs in .tools/. The invariant: each backend's file is the one the runtime loads
# for it (runtime/stackswitch.js, WASM_FILES), built from this crate with that feature.
set -eu

crate=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$crate/../.." && pwd)
out=${1:-$root/target/robot-embedder-web}
WASM_BINDGEN=${WASM_BINDGEN:-$root/.tools/wasm-bindgen-0.2.130/bin/wasm-bindgen}
WASM_OPT=${WASM_OPT:-$root/.tools/binaryen/node_modules/binaryen/bin/wasm-opt}
target=${CARGO_TARGET_DIR:-$root/target}
built=$target/wasm32-unknown-unknown/release/robot_embedder.wasm

# Each backend is this crate built with its feature (and without the frozen standard
# library: the runtime serves stdlib/*.py when a program imports a module).
build() {
  cargo build --release --target wasm32-unknown-unknown \
    --manifest-path "$crate/Cargo.toml" --features "$1"
  mkdir -p "$out/$1"
  cp "$built" "$out/$1/robot_embedder.raw.wasm"
}

# 1. JSPI: wasm-bindgen's JS glue, named as the runtime imports it.
build jspi
"$WASM_BINDGEN" --target web --out-name stackswitch_jspi --out-dir "$out/jspi" \
  "$out/jspi/robot_embedder.raw.wasm"

# 2. Asyncify: Binaryen's pass with the project's flags and remove-list (run from the
#    flags' folder: the list is named relative to it). The embedder's own functions are
#    not on the list, so a Rust function that suspends is instrumented.
build asyncify
flags=$(grep -v '^#' "$root/asyncify-backend/asyncify.flags")
# shellcheck disable=SC2086 # one flag per word
(cd "$root/asyncify-backend" && "$WASM_OPT" "$out/asyncify/robot_embedder.raw.wasm" \
  -o "$out/asyncify/stackswitch_asyncify.wasm" $flags)
cp "$root/asyncify-backend/js/stackswitch_asyncify.js" "$out/asyncify/"

# 3. Worker: the plain module with its debug names stripped (no -Os, see
#    xtask/src/web.rs: Binaryen's inlining grows the recursion cycle's frames).
build worker
"$WASM_OPT" "$out/worker/robot_embedder.raw.wasm" -o "$out/worker/stackswitch_worker.wasm" \
  --strip-debug --strip-producers
cp "$root"/worker-backend/js/*.js "$out/worker/"

# 4. The runtime, the raw ABI's JS half, the standard modules written in Python.
rm "$out"/*/robot_embedder.raw.wasm
cp "$root"/runtime/stackswitch.js "$root"/runtime/stackswitch.d.ts \
  "$root"/runtime/cli.mjs "$root"/runtime/node_files.js "$out/"
mkdir -p "$out/raw-abi" "$out/stdlib"
cp "$root/raw-abi/js/raw_abi.js" "$out/raw-abi/"
cp "$root"/core/src/modules/py/*.py "$out/stdlib/"
echo "built $out"
