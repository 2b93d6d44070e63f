import { describe, expect, it } from 'vitest';
import { claimSchema } from '@shared/lib/org-input';

describe('the user-name claim an organization names', () => {
  it('accepts plain claim names', () => {
    for (const name of ['preferred_username', 'email', 'upn', 'cognito:username', 'custom.name']) expect(claimSchema.safeParse(name).success).toBe(true);
  });

  it('accepts claim names that are URLs, as Okta, Auth0 and AD FS use', () => {
    for (const name of [
      'https://example.com/username',
      'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn',
      'https://corp.example.com:8443/claims/workspaces_user',
    ]) {
      expect(claimSchema.safeParse(name).success).toBe(true);
    }
  });

  it('refuses anything else, with a reason that shows both forms', () => {
    for (const name of [
      '',
      'user name',
      'javascript:alert(1)',
      'https://example.com',
      'https://exa mple.com/x',
      'ftp://example.com/u',
      `https://example.com/${'a'.repeat(240)}`,
      'name\u202e',
    ]) {
      const parsed = claimSchema.safeParse(name);
      expect(parsed.success, name).toBe(false);
    }
    const parsed = claimSchema.safeParse('user name');
    expect(parsed.success ? '' : parsed.error.issues[0]?.message).toContain('https://example.com/username');
  });
});
