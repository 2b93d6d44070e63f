import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ActionDialog, type Submit } from '@renderer/features/desktops/action-dialog';
import type { DesktopEntry } from '@shared/ipc/domains/desktops';

afterEach(cleanup);

function desktop(rootVolumeGib: number, userVolumeGib: number): DesktopEntry {
  return {
    key: 'org/ws-1',
    orgId: 'org',
    workspaceId: 'ws-1',
    directoryId: 'd-1',
    userName: 'alice',
    name: 'Daily',
    state: 'AVAILABLE',
    protocols: ['WSP'],
    modifications: [],
    rootVolumeGib,
    userVolumeGib,
  };
}

function open(d: DesktopEntry): Submit[] {
  const submitted: Submit[] = [];
  render(<ActionDialog action="increaseVolume" desktop={d} onSubmit={async (s) => (submitted.push(s), null)} onClose={() => undefined} />);
  return submitted;
}

const options = (select: HTMLElement): string[] =>
  within(select)
    .getAllByRole('option')
    .map((o) => o.textContent ?? '');
const submitButton = () => screen.getByRole('button', { name: 'Increase volume size' });

describe('the volume dialog offers only the sizes AWS allows', () => {
  it('80/10: only the user volume can grow, to 50 or 100 GiB, from a list', async () => {
    const submitted = open(desktop(80, 10));
    const which = screen.getByRole('group', { name: 'Volume to increase' });
    expect(
      within(which)
        .getAllByRole('radio')
        .map((r) => (r as HTMLInputElement).value),
    ).toEqual(['user']);
    const size = screen.getByLabelText('New size');
    expect(size.tagName).toBe('SELECT');
    expect(options(size)).toEqual(['50 GiB', '100 GiB']);
    fireEvent.change(size, { target: { value: '100' } });
    fireEvent.click(submitButton());
    await screen.findByRole('button', { name: 'Increase volume size' });
    expect(submitted).toEqual([{ action: 'increaseVolume', userGib: 100 }]);
  });

  it('80/100: only the root volume, from 175 to 2,000 GiB; anything else is refused in place', () => {
    const submitted = open(desktop(80, 100));
    const which = screen.getByRole('group', { name: 'Volume to increase' });
    expect(
      within(which)
        .getAllByRole('radio')
        .map((r) => (r as HTMLInputElement).value),
    ).toEqual(['root']);
    const size = screen.getByLabelText<HTMLInputElement>('New size');
    expect([size.type, size.min, size.max, size.value]).toEqual(['number', '175', '2000', '175']);
    expect(screen.getByText('Allowed: 175–2000 GiB.')).toBeTruthy();
    fireEvent.change(size, { target: { value: '120' } });
    expect(size.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/AWS doesn’t offer this size with the other volume as it is/)).toBeTruthy();
    expect((submitButton() as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(submitButton());
    expect(submitted).toEqual([]);
  });

  it('175/100: either volume, one at a time; switching the volume resets the size', () => {
    open(desktop(175, 100));
    const which = screen.getByRole('group', { name: 'Volume to increase' });
    expect(
      within(which)
        .getAllByRole('radio')
        .map((r) => (r as HTMLInputElement).value),
    ).toEqual(['root', 'user']);
    expect(screen.getByLabelText<HTMLInputElement>('New size').value).toBe('176');
    fireEvent.click(within(which).getByLabelText(/User volume/));
    expect(screen.getByLabelText<HTMLInputElement>('New size').value).toBe('101');
  });

  it('2000/2000: says there is nothing to offer', () => {
    open(desktop(2000, 2000));
    expect(screen.getByText('AWS offers no larger size for either volume of this desktop right now.')).toBeTruthy();
    expect((submitButton() as HTMLButtonElement).disabled).toBe(true);
  });
});
