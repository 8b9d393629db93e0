/**
 * style.md B7.3: every contract method has a handler, a validator and a test.
 * The handler part is a compile-time check: the services build their handler map
 * `satisfies Handlers`, so a missing method fails `npm run typecheck`. The validator
 * part is checked here; the test part is contract-gate.test.ts, which calls every
 * method through dispatch with a valid and an invalid input.
 */
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/api/contract';
import { schemas } from '../../shared/api/schemas';

describe('API contract coverage', () => {
  it.each(METHOD_NAMES)('%s has a runtime validator', (method) => {
    expect(typeof schemas[method].safeParse).toBe('function');
  });

  it('has no validator for a method the contract lacks', () => {
    expect(Object.keys(schemas).sort()).toEqual([...METHOD_NAMES].sort());
  });
});
