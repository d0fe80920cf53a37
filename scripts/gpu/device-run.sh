#!/usr/bin/env bash
# Runs on the GPU machine, from the folder that pack-device-check.sh filled (SRC), writing into OUT.
# Unpacks node, dawn.node and the bundle into /tmp/gpucheck, finds the NVIDIA Vulkan driver, prints the
# adapter, and runs scripts/gpu/webgpu-matmul-check.mjs over every case and matMul program type.
set -uo pipefail
src="${1:?usage: device-run.sh SRC OUT [--quick]}"
out="${2:?usage: device-run.sh SRC OUT [--quick]}"
shift 2
work=/tmp/gpucheck
mkdir -p "$work/webgpu/dist/linux-x64" "$out"
unxz() { python3 -c 'import lzma, shutil, sys; shutil.copyfileobj(lzma.open(sys.argv[1]), open(sys.argv[2], "wb"))' "$1" "$2"; }
unxz "$src/node.xz" "$work/node" && chmod +x "$work/node"
unxz "$src/dawn.node.xz" "$work/webgpu/dist/linux-x64/dawn.node"
unxz "$src/matmul-cases.bundle.mjs.xz" "$work/matmul-cases.bundle.mjs"
cp "$src/webgpu-index.js" "$work/webgpu/index.js"
echo '{"type":"module"}' >"$work/webgpu/package.json"

{
  echo "== uname: $(uname -srm)"
  echo "== node: $("$work/node" --version)"
  nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader 2>&1
  echo "== libvulkan: $(ldconfig -p | grep -c libvulkan) entries"
  ls /usr/share/vulkan/icd.d /etc/vulkan/icd.d /usr/local/nvidia/share/vulkan/icd.d 2>&1
} | tee "$out/env.txt"

nvidia_icd=/usr/local/nvidia/share/vulkan/icd.d/nvidia_icd.json
if [ -f "$nvidia_icd" ] && ! compgen -G '/usr/share/vulkan/icd.d/nvidia*' >/dev/null && ! compgen -G '/etc/vulkan/icd.d/nvidia*' >/dev/null; then
  export VK_DRIVER_FILES="$nvidia_icd" VK_ICD_FILENAMES="$nvidia_icd"
  echo "== using $nvidia_icd" | tee -a "$out/env.txt"
fi

"$work/node" "$src/webgpu-matmul-check.mjs" --webgpu "$work/webgpu/index.js" --bundle "$work/matmul-cases.bundle.mjs" --out "$out" "$@" 2>&1 |
  grep -v XDG_RUNTIME_DIR | tee "$out/log.txt"
exit "${PIPESTATUS[0]}"
