import { describe, expect, it } from 'vitest';
import { functionFit } from '@widgets/function-fit/definition';
import { presetState } from '@widgets/shell/definition';
import { decodeState as decodeIn, encodeState, linkScope, readHashEntries, writeHashEntry } from '@widgets/shell/permalink';
import { linkVersion } from '@widgets/shell/link-version';

// The Lab's scope: every preset, every control.
const decodeState = (definition: typeof functionFit, payload: string) => decodeIn(definition, payload, linkScope(definition, 'one-neuron-line', true));

describe('permalink round trip', () => {
  it('restores exactly the state it encoded, seed included', () => {
    const state = { ...presetState(functionFit, 'relu-neurons'), width: 8, seed: 3, lr: 0.03, backend: 'wasm' };
    const payload = encodeState(functionFit, state);
    expect(payload).toBe(`preset:relu-neurons,seed:3,backend:wasm,width:8,lr:0.03,v:${linkVersion(functionFit, 'relu-neurons')}`);
    const decoded = decodeState(functionFit, payload);
    expect(decoded).toEqual({ ok: true, state });
  });

  it('round-trips through a full location hash next to other widgets', () => {
    const state = { ...presetState(functionFit, 'extrapolation'), seed: 42, epochs: 500 };
    const hash = writeHashEntry('#other=preset:x&fit1=preset:old', 'fit1', encodeState(functionFit, state));
    expect(hash).toBe(`#other=preset:x&fit1=preset:extrapolation,seed:42,epochs:500,v:${linkVersion(functionFit, 'extrapolation')}`);
    const payload = readHashEntries(hash).get('fit1');
    expect(payload).toBeDefined();
    expect(decodeState(functionFit, payload ?? '')).toEqual({ ok: true, state });
    expect(readHashEntries(hash).get('other')).toBe('preset:x');
  });

  it('reads small numbers written in exponent notation', () => {
    const decoded = decodeState(functionFit, 'preset:relu-neurons,lr:1e-4');
    expect(decoded.ok && decoded.state.lr).toBe(1e-4);
  });
});

describe('hostile or bad permalinks are rejected as a whole', () => {
  const reject = (payload: string) => {
    const decoded = decodeState(functionFit, payload);
    expect(decoded.ok).toBe(false);
    return decoded.ok ? [] : decoded.problems.map((problem) => problem.code);
  };

  it('rejects markup and script in values without echoing them', () => {
    const decoded = decodeState(functionFit, encodeURIComponent('preset:relu-neurons,width:<img src=x onerror=alert(1)>'));
    expect(decoded.ok).toBe(false);
    expect(JSON.stringify(decoded)).not.toContain('<');
    expect(reject('preset:relu-neurons,activation:javascript:alert(1)')).toContain('badValue');
  });

  it('rejects out-of-range, non-integer, unknown and duplicated values', () => {
    expect(reject('preset:relu-neurons,width:1000')).toEqual(['outOfRange']);
    expect(reject('preset:relu-neurons,width:2.5')).toEqual(['notInteger']);
    expect(reject('preset:relu-neurons,lr:NaN')).toEqual(['badValue']);
    expect(reject('preset:relu-neurons,lr:Infinity')).toEqual(['badValue']);
    expect(reject('preset:relu-neurons,activation:swish')).toEqual(['notAllowed']);
    expect(reject('preset:relu-neurons,__proto__:1')).toEqual(['unknownParam']);
    expect(reject('preset:relu-neurons,constructor:1')).toEqual(['unknownParam']);
    expect(reject('preset:relu-neurons,width:4,width:5')).toEqual(['duplicateParam']);
    expect(reject('preset:no-such-preset')).toEqual(['unknownPreset']);
    expect(reject('%E0%A4%A')).toEqual(['malformed']);
    expect(reject('x'.repeat(700))).toEqual(['malformed']);
  });

  it('ignores hash parts whose widget id is not a safe token', () => {
    const entries = readHashEntries('#<svg>=preset:x&fit1=preset:relu-neurons&=y&Fit=z');
    expect([...entries.keys()]).toEqual(['fit1']);
  });
});
