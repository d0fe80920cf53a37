/**
 * The batch fingerprint of a progress event (G7 of docs/project-lifecycle/outline.md): a 32-bit FNV-1a hash of
 * the row indices (within the member's training rows, in batch order) of the member's last minibatch. Two events
 * with the same fingerprint trained their last step on the same rows in the same order: the debugging lab's
 * `repeated-batch` bug shows as one fingerprint forever. Computed in JS from the epoch order every compute path
 * already draws (never read back through float32).
 */

/** FNV-1a over `size` indices of `order` from `from`, each minus `base` (the member's first row). */
export function batchFingerprint(order: ArrayLike<number>, from: number, size: number, base = 0): number {
  let hash = 0x811c9dc5;
  for (let i = from; i < from + size; i++) {
    let v = ((order[i] as number) - base) >>> 0;
    for (let b = 0; b < 4; b++) {
      hash = Math.imul(hash ^ (v & 0xff), 0x01000193) >>> 0;
      v >>>= 8;
    }
  }
  return hash >>> 0;
}

/** The last batch of every member: order is [P·N] (member p's epoch order at p·N, entries p·N-based when
 * `memberBased`), the batch rows [offset, offset + size) of it. One row per member, as a read-back key. */
export function memberFingerprints(order: ArrayLike<number>, members: number, n: number, offset: number, size: number, memberBased: boolean): number[][] {
  return Array.from({ length: members }, (_, p) => [batchFingerprint(order, p * n + offset, size, memberBased ? p * n : 0)]);
}
