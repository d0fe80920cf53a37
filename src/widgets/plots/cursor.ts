/**
 * Keyboard cursor shared by the plots: ←/→ step through points (Shift: ×10), Home/End jump to the ends,
 * ↑/↓ switch series (or panel), Escape hides the cursor. The plot turns the state into a readout.
 */
export interface CursorState {
  active: boolean;
  /** Which series (or panel) the cursor reads. */
  series: number;
  /** Which point of that series. */
  index: number;
}

export const HIDDEN_CURSOR: CursorState = { active: false, series: 0, index: 0 };

/** The next state for a key, or null when the key is not a cursor key. */
export function moveCursor(
  state: CursorState,
  key: string,
  shift: boolean,
  seriesCount: number,
  pointCount: (series: number) => number,
): CursorState | null {
  if (seriesCount === 0) return null;
  const clampIndex = (series: number, index: number) => Math.max(0, Math.min(pointCount(series) - 1, index));
  if (!state.active) {
    if (!['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'Enter', ' '].includes(key)) return null;
    const series = Math.min(state.series, seriesCount - 1);
    return { active: true, series, index: key === 'Home' ? 0 : clampIndex(series, pointCount(series) - 1) };
  }
  const step = shift ? 10 : 1;
  switch (key) {
    case 'ArrowRight':
      return { ...state, index: clampIndex(state.series, state.index + step) };
    case 'ArrowLeft':
      return { ...state, index: clampIndex(state.series, state.index - step) };
    case 'Home':
      return { ...state, index: 0 };
    case 'End':
      return { ...state, index: clampIndex(state.series, Number.MAX_SAFE_INTEGER) };
    case 'ArrowUp':
    case 'ArrowDown': {
      const series = (state.series + (key === 'ArrowDown' ? 1 : -1) + seriesCount) % seriesCount;
      // Keep the cursor at the same relative position when the series lengths differ.
      const from = Math.max(1, pointCount(state.series) - 1);
      const index = clampIndex(series, Math.round((state.index / from) * (pointCount(series) - 1)));
      return { active: true, series, index };
    }
    case 'Escape':
      return { ...state, active: false };
    default:
      return null;
  }
}
