import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '@core/ipc-dispatch';
import { exportFileName } from '@core/log/diagnostics-api';
import type { LogExport, LogSnapshot } from '@shared/ipc/domains/diagnostics';
import { startTempCore, type TempCore } from '../support/temp-core';

let t: TempCore;
beforeEach(async () => {
  t = await startTempCore();
});
afterEach(async () => {
  await t.stop();
});

async function call<T>(channel: string, ...args: unknown[]): Promise<T> {
  const result = await dispatch(t.core.api, channel, args);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

describe('diagnostics over the contract', () => {
  it('shows the in-memory log with its level and capacity', async () => {
    t.core.logger.log('info', 'test', 'Listed 3 desktops');
    const snapshot = await call<LogSnapshot>('diagnostics:logs');
    expect(snapshot.level).toBe('info');
    expect(snapshot.capacity).toBeGreaterThan(100);
    expect(snapshot.entries.map((e) => e.message)).toContain('Listed 3 desktops');
  });

  it('changes the level, so debug lines appear only when asked for', async () => {
    t.core.logger.log('debug', 'test', 'hidden detail');
    expect(await call('diagnostics:setLevel', 'debug')).toBe('debug');
    t.core.logger.log('debug', 'test', 'shown detail');
    const messages = (await call<LogSnapshot>('diagnostics:logs')).entries.map((e) => e.message);
    expect(messages).toContain('shown detail');
    expect(messages).not.toContain('hidden detail');
  });

  it('refuses a level that does not exist', async () => {
    const result = await dispatch(t.core.api, 'diagnostics:setLevel', ['verbose']);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
  });

  it('exports the log as text with a header and no secret', async () => {
    t.core.logger.log('warn', 'auth', 'Token refresh failed: {"refresh_token":"Atzr|IwEBIEXAMPLE0123456789abcdef"}');
    const exported = await call<LogExport>('diagnostics:exportLogs');
    expect(exported.fileName).toMatch(/^deskbridge-log-\d{8}-\d{6}\.txt$/);
    const lines = exported.text.split('\n');
    expect(lines[0]).toBe(`Deskbridge 0.0.0-test (web, ${process.platform})`);
    expect(exported.text).toMatch(/Z WARN {2}\[auth\] Token refresh failed: \{"refresh_token":"\[redacted\]"\}/);
    expect(exported.text).not.toContain('IwEBIEXAMPLE');
  });

  it('names export files by UTC time', () => {
    expect(exportFileName(Date.UTC(2026, 10, 28, 9, 5, 7))).toBe('deskbridge-log-20261128-090507.txt');
  });
});
