import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createPkce, pkceChallenge, randomNonce, randomState } from '@core/auth/pkce';

// RFC 7636 Appendix B: the 32 octets, the verifier they encode to, and its S256 challenge.
const APPENDIX_B_OCTETS = [
  116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
];
const APPENDIX_B_VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const APPENDIX_B_CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

describe('PKCE (RFC 7636)', () => {
  it('matches the Appendix B example: octets → verifier → S256 challenge', async () => {
    expect(Buffer.from(APPENDIX_B_OCTETS).toString('base64url')).toBe(APPENDIX_B_VERIFIER);
    expect(await pkceChallenge(APPENDIX_B_VERIFIER)).toBe(APPENDIX_B_CHALLENGE);
  });

  it('makes verifiers of 43 to 128 unreserved characters, different every time, with their S256 challenge', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i += 1) {
      const pkce = await createPkce();
      expect(pkce.verifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
      expect(pkce.method).toBe('S256');
      expect(pkce.challenge).toBe(createHash('sha256').update(pkce.verifier, 'ascii').digest('base64url'));
      expect(pkce.challenge).not.toContain('=');
      seen.add(pkce.verifier);
    }
    expect(seen.size).toBe(50);
  });

  it('makes state and nonce values that are unguessable and unique', () => {
    const values = new Set(Array.from({ length: 50 }, () => [randomState(), randomNonce()]).flat());
    expect(values.size).toBe(100);
    for (const value of values) expect(value.length).toBeGreaterThanOrEqual(32);
  });
});
