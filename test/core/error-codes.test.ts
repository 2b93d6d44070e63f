import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeFailure } from '@core/workspaces/aws-errors';
import { DESKTOPS_ERROR_CODES, isErrorCode } from '@shared/ipc/errors';

const ROOT = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('error codes are a closed union', () => {
  it('no product code decides behaviour by a code’s prefix', () => {
    const offenders = ['electron', 'renderer', 'shared'].flatMap(sources).filter((file) => /\bcode\??\.startsWith\(/.test(readFileSync(file, 'utf8')));
    expect(offenders.map((file) => file.slice(ROOT.length + 1))).toEqual([]);
  });

  it('maps any AWS exception, known or not, to a listed code', () => {
    for (const name of ['InvalidResourceStateException', 'ResourceLimitExceededException', 'SomethingAwsInventsTomorrow']) {
      const error = describeFailure(Object.assign(new Error('AWS says no'), { name, $metadata: { httpStatusCode: 400 } }), {
        orgName: 'Acme',
        region: 'eu-west-1',
      });
      expect(isErrorCode(error.code), `${name} → ${error.code}`).toBe(true);
      expect(DESKTOPS_ERROR_CODES).toContain(error.code);
      expect(error.details).toContain('AWS says no');
    }
  });

  it('sends the values its message needs as params', () => {
    const error = describeFailure(Object.assign(new Error('expired'), { name: 'ExpiredTokenException', $metadata: { httpStatusCode: 403 } }), {
      orgName: 'Acme',
      region: null,
    });
    expect(error).toMatchObject({ code: 'desktops.signInNeeded', params: { org: 'Acme' } });
  });
});
