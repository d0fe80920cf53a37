#!/usr/bin/env bash
# Packs the GPU-threshold bench and the engine bench into DEST (default .gpucheck/), for a GPU machine with no
# Node, no node_modules and no network (docs/engine/gpu-threshold.md): the `node` devDependency's binary (Node 22,
# the bench's Node), dawn.node from the `webgpu` npm package (fetched with `npm pack`, not a dependency),
# bench/gpu-threshold.bench.ts and bench/engine.bench.ts bundled with esbuild (engine + tfjs 4.22), the compiled
# dense-wasm kernel, tfjs-wasm's SIMD .wasm, the Vulkan loader .debs, and scripts/gpu/threshold-run.sh.
# Large files are xz-compressed; threshold-run.sh unpacks them with Python's lzma.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
dest="$(mkdir -p "${1:-$root/.gpucheck}" && cd "${1:-$root/.gpucheck}" && pwd)"
webgpu_version=0.6.2
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$root"
npm run --silent build:wasm >/dev/null

(cd "$tmp" && npm pack --silent "webgpu@$webgpu_version" >/dev/null && tar xzf "webgpu-$webgpu_version.tgz")
cp "$tmp/package/index.js" "$dest/webgpu-index.js"
cp "$tmp/package/LICENSE.md" "$dest/webgpu-LICENSE.md"
[ -f "$dest/dawn.node.xz" ] || xz -T1 -6 -c "$tmp/package/dist/linux-x64/dawn.node" >"$dest/dawn.node.xz"
node_bin="$(readlink -f node_modules/node/bin/node)"
[ -f "$dest/node.xz" ] || xz -T1 -6 -c "$node_bin" >"$dest/node.xz"

banner="import { createRequire as __cr } from 'module'; import { fileURLToPath as __fu } from 'url'; import { dirname as __dn } from 'path'; const require = __cr(import.meta.url); const __filename = __fu(import.meta.url); const __dirname = __dn(__filename);"
for entry in gpu-threshold engine; do
  npx esbuild "bench/$entry.bench.ts" --bundle --platform=node --format=esm --target=node22 --main-fields=module,main \
    --outfile="$tmp/$entry.bench.mjs" --log-level=warning --banner:js="$banner"
  xz -T1 -6 -c "$tmp/$entry.bench.mjs" >"$dest/$entry.bench.mjs.xz"
done
cp src/engine/kernels/dense-wasm/build/dense.wasm node_modules/@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm scripts/gpu/threshold-run.sh "$dest/"
# The Vulkan loader and GL vendor-neutral libraries (the GPU machine has the NVIDIA driver but no loader).
if ! compgen -G "$dest/gl/*.deb" >/dev/null; then
  mkdir -p "$dest/gl" /tmp/amd64/partial
  o='-oAPT::Architecture=amd64 -oAPT::Architectures=amd64 -oDir::State::Lists=/tmp/amd64'
  apt-get $o update -qq >/dev/null
  (cd "$dest/gl" && apt-get $o download -qq libvulkan1 libegl1 libglvnd0 libopengl0 libgl1 libglx0 libgles2)
fi
du -sh "$dest"
