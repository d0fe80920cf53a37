/**
 * DebugLab: chapter 4's debugging lab (docs/project-lifecycle/outline.md, «Experiment `debugging-lab`»). The
 * project model trains with one planted bug (src/engine/faults.ts) that a case number draws (cases.ts); the reader
 * reads the dashboard's views beside the healthy run, names the bug in a picker and gets a verdict. `random-case`
 * starts at case 1; each bug has an exercise preset named by its fault key, which only fixes the case number: the
 * family is `concealed`, so no link, badge or status line names the bug (shell/definition.ts).
 */
import { FAULT_KEYS, type FaultKey } from '@engine/faults';
import { defineWidget, shellParams } from '../shell/definition';
import { choiceParam, numberParam, type StateOf } from '../shell/params';
import { BUG_CASES, CASE_MAX } from './cases';

/** Exercise presets in the order of their case numbers (so a list of them says nothing of the bugs' order). */
const bugPresets = [...FAULT_KEYS].sort((a, b) => BUG_CASES[a] - BUG_CASES[b]);
export const debugLabPresets = ['random-case', ...bugPresets] as readonly ['random-case', ...FaultKey[]];
export type DebugLabPreset = (typeof debugLabPresets)[number];

export const debugLab = defineWidget({
  family: 'debug-lab',
  trains: true,
  usesEngine: true,
  concealed: { linkAs: 'random-case' },
  table: {
    ...shellParams(debugLabPresets),
    /** The case number: it draws the hidden bug (cases.ts). */
    case: numberParam({ default: 1, min: 1, max: CASE_MAX, step: 1, integer: true }),
    /** Passes over the 700 training digits: every signature shows by epoch 5 (lab-signatures.md measured 15). */
    epochs: numberParam({ default: 15, min: 5, max: 30, step: 1, integer: true, unit: 'epochs' }),
    /** «Show the fix»: the run beside the case is the same network without its bug instead of the healthy one. */
    fix: choiceParam(['off', 'on'], 'off'),
  },
  presets: {
    'random-case': {},
    ...Object.fromEntries(bugPresets.map((key) => [key, { case: BUG_CASES[key] }])),
  },
  controls: ['case', 'epochs', 'fix'],
});

export type DebugLabState = StateOf<typeof debugLab.table>;

/** A preset's default widget id: `debuglab-random-case`, or for an exercise its case number (`debuglab-case-4`). */
export function presetCaseId(preset: DebugLabPreset): string {
  return preset === 'random-case' ? 'debuglab-random-case' : `debuglab-case-${BUG_CASES[preset]}`;
}
