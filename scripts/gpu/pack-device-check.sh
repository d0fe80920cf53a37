#!/usr/bin/env bash
# Packs everything the WebGPU matMul check needs into DEST (default .gpucheck/ in the repo root), for a machine
# that has a GPU and a Vulkan driver but no Node and no network: this machine's node binary, dawn.node from the
# `webgpu` npm package (fetched with `npm pack`, never added to package.json), the cases bundled with esbuild
# (tfjs 4.22 + tfjs-backend-webgpu + the engine's population-matmul.ts), the runner and scripts/gpu/device-run.sh.
# Compressed with xz; device-run.sh unpacks with Python's lzma. See docs/engine/webgpu-hardware-check.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="${1:-$root/.gpucheck}"
webgpu_version=0.6.2
mkdir -p "$dest"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

(cd "$tmp" && npm pack --silent "webgpu@$webgpu_version" >/dev/null && tar xzf "webgpu-$webgpu_version.tgz")
cp "$tmp/package/index.js" "$dest/webgpu-index.js"
cp "$tmp/package/LICENSE.md" "$dest/webgpu-LICENSE.md"
xz -T2 -6 -c "$tmp/package/dist/linux-x64/dawn.node" >"$dest/dawn.node.xz"

(cd "$root" && npx esbuild scripts/gpu/matmul-cases.mjs --bundle --platform=node --format=esm \
  --outfile="$tmp/matmul-cases.bundle.mjs" --log-level=warning --external:node-fetch \
  --banner:js="import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);")
xz -T2 -6 -c "$tmp/matmul-cases.bundle.mjs" >"$dest/matmul-cases.bundle.mjs.xz"

node_bin="$(readlink -f "$(command -v node)")"
xz -T2 -6 -c "$node_bin" >"$dest/node.xz"
cp "$root/scripts/gpu/webgpu-matmul-check.mjs" "$root/scripts/gpu/device-run.sh" "$dest/"
du -sh "$dest"
