/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { TerminalAccess } from '../../../popup/options/TerminalAccess';
import { TerminalRequests } from '../../../popup/popup/TerminalRequests';
import { validateTerminalSettings } from '../../../src/config/terminal-settings';
import type { TerminalAuditEntry } from '../../../src/storage/records';

const profiles = [{ id: 'dev', name: 'Dev admin' }, { id: 'ops', name: 'Ops' }];

function renderForm(managed: Record<string, unknown> | undefined, local: Record<string, unknown> | undefined, permitted = true) {
  const handlers = { onEnable: jest.fn(), onRequestPermission: jest.fn(), onAllow: jest.fn() };
  render(<TerminalAccess settings={validateTerminalSettings(managed, local).settings} permitted={permitted} connection={{ state: 'connected', at: 0 }} profiles={profiles} {...handlers} />);
  return handlers;
}

const box = (name: string | RegExp) => screen.getByRole('checkbox', { name }) as HTMLInputElement;

describe('TerminalAccess (options page)', () => {
  it('turns terminal access on and allows profiles one by one or all', () => {
    const handlers = renderForm(undefined, { terminalProfiles: ['dev'] });
    expect(box(/^Terminal access/).checked).toBe(false);
    expect(box('Dev admin').checked).toBe(true);
    expect(box('Ops').checked).toBe(false);
    fireEvent.click(box(/^Terminal access/));
    expect(handlers.onEnable).toHaveBeenCalledWith(true);
    fireEvent.click(box('Ops'));
    expect(handlers.onAllow).toHaveBeenCalledWith('ops', true);
    fireEvent.click(box('All profiles'));
    expect(handlers.onAllow).toHaveBeenCalledWith('*', true);
    expect(screen.getByRole('status')).toHaveTextContent('Connected');
  });

  it('shows what policy set as read-only, and offers the permission a policy cannot grant', () => {
    const handlers = renderForm({ terminalAccess: true, terminalProfiles: ['ops'] }, undefined, false);
    expect(box(/^Terminal access/)).toBeDisabled();
    expect(box(/^Terminal access/).checked).toBe(true);
    expect(box(/Ops/)).toBeDisabled();
    expect(screen.getByText(/allowed by your organization/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Allow the extension to talk to wic' }));
    expect(handlers.onRequestPermission).toHaveBeenCalled();
  });
});

describe('TerminalRequests (popup)', () => {
  it('lists recent requests with profile, time, command and outcome, and nothing when there are none', async () => {
    const entries: TerminalAuditEntry[] = [
      { profileId: 'dev', at: Date.UTC(2026, 11, 3, 9, 5), command: 'credential-process', outcome: 'served' },
      { profileId: 'ops', at: Date.UTC(2026, 11, 3, 9, 1), command: 'wic exec -- terraform plan', outcome: 'not-allowed' },
    ];
    const { container, unmount } = render(<TerminalRequests load={async () => []} subscribe={() => () => undefined} formatTime={() => '09:05'} />);
    expect(container).toBeEmptyDOMElement();
    unmount();
    render(<TerminalRequests load={async () => entries} subscribe={() => () => undefined} formatTime={() => '09:05'} />);
    const list = await waitFor(() => screen.getByRole('list', { name: 'Recent terminal requests' }));
    expect(list).toHaveTextContent('09:05 dev credential-process served');
    expect(list).toHaveTextContent('ops wic exec -- terraform plan refused: not allowed');
  });
});
