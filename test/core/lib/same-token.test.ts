import { describe, expect, it } from 'vitest';
import { sameToken } from '@core/lib/same-token';

describe('sameToken', () => {
  it('is true for the same token', () => {
    expect(sameToken('a1b2c3d4', 'a1b2c3d4')).toBe(true);
    expect(sameToken('', '')).toBe(true);
  });

  it('is false for a different token of the same length', () => {
    expect(sameToken('a1b2c3d4', 'a1b2c3d5')).toBe(false);
  });

  it('is false (without throwing) for tokens of different lengths', () => {
    expect(sameToken('a1b2c3d4', 'a1b2c3d')).toBe(false);
    expect(sameToken('', 'x')).toBe(false);
  });

  it('compares bytes, not characters: same length in characters but not in bytes is false', () => {
    expect(sameToken('é', 'e')).toBe(false);
    expect(sameToken('ée', 'éé')).toBe(false);
  });
});
