/**
 * Compute paths, declared once by stable key. The implementations load tfjs or WebAssembly, so they live in
 * `train/compute-paths.ts`, typed `Record<ComputePathKey, ComputePath>`: a key here without an implementation
 * there (or the reverse) fails to compile. No tfjs here: the i18n schema and the widgets read these keys.
 *
 *   tfjsOps: the path trains with tfjs ops, so its speed depends on the tfjs backend ("auto" times it on each);
 *   named:   the widget badge names the path itself (it has a string under `computePaths`), not the backend.
 */
export interface ComputePathEntry {
  tfjsOps: boolean;
  named: boolean;
}

export const COMPUTE_PATH_REGISTRY = {
  'dense-wasm': { tfjsOps: false, named: true },
  tfjs: { tfjsOps: true, named: false },
} as const satisfies Record<string, ComputePathEntry>;

export type ComputePathKey = keyof typeof COMPUTE_PATH_REGISTRY;
export const COMPUTE_PATH_KEYS = Object.keys(COMPUTE_PATH_REGISTRY) as ComputePathKey[];

/** The paths the badge names (each needs its string in every language). */
export type NamedComputePath = { [Key in ComputePathKey]: (typeof COMPUTE_PATH_REGISTRY)[Key]['named'] extends true ? Key : never }[ComputePathKey];
export const NAMED_COMPUTE_PATHS = COMPUTE_PATH_KEYS.filter((key) => COMPUTE_PATH_REGISTRY[key].named) as NamedComputePath[];

export function isNamedComputePath(key: string | undefined): key is NamedComputePath {
  return key !== undefined && (NAMED_COMPUTE_PATHS as string[]).includes(key);
}
