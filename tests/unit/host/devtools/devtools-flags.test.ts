import { describe, expect, it } from 'vitest';
import {
  DEVTOOLS_KEYS,
  devtoolsRequested,
  inspectRequested,
  isDevtoolsKey,
} from '../../../../host/devtools/devtools-flags.ts';
import { actionForKey } from '../../../../host/input/key-map.ts';

describe('devtools flags and keys', () => {
  it('reads ?devtools (and ?debug=world) from the query, not a value that turns it off', () => {
    expect(devtoolsRequested('?devtools')).toBe(true);
    expect(devtoolsRequested('?profile=p1&devtools=1')).toBe(true);
    expect(devtoolsRequested('?debug=world')).toBe(true);
    expect(devtoolsRequested('?devtools=0')).toBe(false);
    expect(devtoolsRequested('?devtools=false')).toBe(false);
    expect(devtoolsRequested('?fail=home:500')).toBe(false);
    expect(devtoolsRequested('')).toBe(false);
    expect(inspectRequested('?inspect&devtools')).toBe(true);
    expect(inspectRequested('?devtools')).toBe(false);
  });

  it('toggles on keys the app does not use (the key never reaches a page)', () => {
    expect(isDevtoolsKey('`')).toBe(true);
    expect(isDevtoolsKey('ColorF3Blue')).toBe(true);
    expect(isDevtoolsKey('F12')).toBe(false);
    for (const key of DEVTOOLS_KEYS) expect(actionForKey(key)).toBeUndefined();
  });
});
