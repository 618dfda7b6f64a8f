import { describe, expect, it } from 'vitest';
import {
  DESCRIPTION_MAX_LENGTH,
  decodeSceneBatch,
  encodeSceneBatch,
  LABEL_MAX_LENGTH,
  NODE_KINDS,
  PROPS,
  propAppliesTo,
  ROLES,
} from '../../../bridge/index.ts';

describe('accessibility props (role, label, description)', () => {
  it('take a role only from the closed list', () => {
    for (const role of ROLES) expect(PROPS.role.schema.check(role).ok).toBe(true);
    for (const wrong of ['Button', 'link', '', 'button ', 3, null]) {
      const result = PROPS.role.schema.check(wrong);
      expect(result.ok).toBe(false);
    }
    const refused = PROPS.role.schema.check('link');
    expect(refused.ok ? '' : refused.issue.message).toMatch(/one of "button", "heading"/);
  });

  it('take a label and a description of sane lengths only', () => {
    expect(PROPS.label.schema.check('Play').ok).toBe(true);
    expect(PROPS.label.schema.check('l'.repeat(LABEL_MAX_LENGTH)).ok).toBe(true);
    expect(PROPS.label.schema.check('l'.repeat(LABEL_MAX_LENGTH + 1)).ok).toBe(false);
    expect(PROPS.label.schema.check('').ok).toBe(false);
    expect(PROPS.label.schema.check(42).ok).toBe(false);
    expect(PROPS.description.schema.check('d'.repeat(DESCRIPTION_MAX_LENGTH)).ok).toBe(true);
    expect(PROPS.description.schema.check('d'.repeat(DESCRIPTION_MAX_LENGTH + 1)).ok).toBe(false);
    expect(PROPS.description.schema.check('').ok).toBe(false);
  });

  it('apply to every node kind', () => {
    for (const kind of NODE_KINDS)
      for (const name of ['role', 'label', 'description'] as const)
        expect(propAppliesTo(name, kind)).toBe(true);
  });

  it('travel through the binary scene codec, and a wrong role is refused there', () => {
    const ops = [
      { op: 'create', id: 1, kind: 'view' },
      { op: 'setProp', id: 1, name: 'role', value: 'button' },
      { op: 'setProp', id: 1, name: 'label', value: 'Play “Arrival”' },
      { op: 'setProp', id: 1, name: 'description', value: 'Starts from the beginning' },
      { op: 'setProp', id: 1, name: 'label', value: null },
    ] as const;
    const decoded = decodeSceneBatch(encodeSceneBatch(ops));
    expect(decoded.ok && decoded.ops).toEqual(ops);

    // The same batch with the role's string swapped for one outside the list.
    const bytes = encodeSceneBatch([{ op: 'setProp', id: 1, name: 'role', value: 'button' }]);
    const text = new TextDecoder().decode(bytes);
    const at = text.indexOf('button');
    bytes.set(new TextEncoder().encode('banana'), at);
    const refused = decodeSceneBatch(bytes);
    expect(refused.ok).toBe(false);
    expect(refused.ok ? '' : refused.error.message).toMatch(/prop role: expected one of "button"/);
  });
});
