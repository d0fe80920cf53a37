#!/usr/bin/env bash
# Runs on the GPU machine from the folder that pack-threshold-bench.sh filled (SRC), writing into OUT:
# env.txt (GPU, driver, CPU, load), gpu-threshold.{txt,json} (tfjs-webgpu on Dawn against dense-wasm,
# bench/gpu-threshold.bench.ts) and, unless --gpu-only, engine-bench.txt (`npm run bench:engine`'s workloads).
# --quick: the small GPU plan and no engine bench (a local check on SwiftShader: set VK_ICD_FILENAMES first).
set -uo pipefail
src="$(cd "${1:?usage: threshold-run.sh SRC OUT [--quick]}" && pwd)"
out="${2:?usage: threshold-run.sh SRC OUT [--quick]}"
shift 2
work=/tmp/gpu-threshold
mkdir -p "$work/webgpu/dist/linux-x64" "$work/root/node_modules/@tensorflow/tfjs-backend-wasm/dist" "$work/root/src/engine/kernels/dense-wasm/build" "$out"
unxz() { python3 -c 'import lzma, shutil, sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], "wb"))' "$1" "$2"; }
unxz "$src/node.xz" "$work/node" && chmod +x "$work/node"
unxz "$src/dawn.node.xz" "$work/webgpu/dist/linux-x64/dawn.node"
for b in gpu-threshold engine; do unxz "$src/$b.bench.mjs.xz" "$work/$b.bench.mjs"; done
cp "$src/webgpu-index.js" "$work/webgpu/index.js"
echo '{"type":"module"}' >"$work/webgpu/package.json"
cp "$src/tfjs-backend-wasm-simd.wasm" "$work/root/node_modules/@tensorflow/tfjs-backend-wasm/dist/"
cp "$src/dense.wasm" "$work/root/src/engine/kernels/dense-wasm/build/"
if compgen -G "$src/gl/*.deb" >/dev/null && ! ldconfig -p | grep -q libvulkan.so.1; then
  for f in "$src"/gl/*.deb; do dpkg -x "$f" /; done
  ldconfig
fi

{
  echo "== uname: $(uname -srm); node $("$work/node" --version); $(nproc) CPUs; load $(cut -d' ' -f1-3 /proc/loadavg)"
  grep -m1 'model name' /proc/cpuinfo
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1
  echo "== libvulkan: $(ldconfig -p | grep -c libvulkan) entries"
} | tee "$out/env.txt"
nvidia_icd=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
if [ -z "${VK_ICD_FILENAMES:-}" ] && [ -f "$nvidia_icd" ]; then
  export VK_DRIVER_FILES="$nvidia_icd" VK_ICD_FILENAMES="$nvidia_icd"
  echo "== using $nvidia_icd" | tee -a "$out/env.txt"
fi

status=0
timeout "${GPU_BENCH_SECONDS:-300}" "$work/node" "$work/gpu-threshold.bench.mjs" --webgpu "$work/webgpu/index.js" \
  --dense-wasm "$src/dense.wasm" --out "$out" "$@" 2>&1 | grep -v XDG_RUNTIME_DIR | tee "$out/gpu-log.txt"
[ "${PIPESTATUS[0]}" = 0 ] || status=1
case " $* " in *" --quick "*|*" --gpu-only "*) exit "$status" ;; esac
echo "== load before the engine bench: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/env.txt"
(cd "$work/root" && timeout "${ENGINE_BENCH_SECONDS:-300}" "$work/node" "$work/engine.bench.mjs" 2>&1 | tee "$out/engine-bench.txt")
rc=$?
exit $((status || rc))
