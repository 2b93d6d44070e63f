import { describe, expect, it } from 'vitest';
import { USER_NAME_MAX, userNameProblem } from '@shared/lib/user-name';
import { loadModel } from './model-validator';

describe('the limits Deskbridge checks are AWS’s own (read from the service model)', () => {
  it('DescribeWorkspacesRequest.UserName: the client accepts exactly the lengths the model allows', async () => {
    const model = await loadModel('workspaces');
    const ref = model.shapes['DescribeWorkspacesRequest']?.members?.['UserName']?.shape ?? '';
    const shape = model.shapes[ref];
    expect(shape?.type).toBe('string');
    expect(USER_NAME_MAX).toBe(shape?.max);
    expect(userNameProblem('a'.repeat(shape?.min ?? 1))).toBeNull();
    expect(userNameProblem('a'.repeat(shape?.max ?? 0))).toBeNull();
    expect(userNameProblem('a'.repeat((shape?.max ?? 0) + 1))).toBe('tooLong');
    expect(userNameProblem('   ')).toBe('empty');
  });
});
