/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { RefreshSettings } from '../../../popup/options/RefreshSettings';
import { validateSettings } from '../../../src/config/validate-settings';
import { sampleConfig } from '../support/fixtures';

function renderForm(managed?: Record<string, unknown>, local?: Record<string, unknown>) {
  const onSave = jest.fn(async () => undefined);
  render(<RefreshSettings current={validateSettings(managed, local)} providers={sampleConfig.providers} onSave={onSave} />);
  return onSave;
}

const field = (label: RegExp) => screen.getByLabelText(label) as HTMLInputElement;

describe('RefreshSettings', () => {
  it('shows the settings in force and saves what the user changed', async () => {
    const onSave = renderForm(undefined, { maxSessionHours: 12 });
    expect(field(/minutes before they expire/).value).toBe('5');
    expect(field(/without input/).value).toBe('10');
    expect(field(/after this many hours/).value).toBe('12');
    fireEvent.input(field(/minutes before they expire/), { target: { value: '8' } });
    fireEvent.input(field(/after this many hours/), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText(/How Lab IdP renews/), { target: { value: 'silent-sign-in' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Saved.'));
    expect(onSave).toHaveBeenCalledWith({ refreshMarginMinutes: 8, idleThresholdMinutes: 10, maxSessionHours: null, renewal: { corp: 'auto', lab: 'silent-sign-in' } });
  });

  it('saves nothing while a field is wrong, and names it', async () => {
    const onSave = renderForm();
    fireEvent.input(field(/minutes before they expire/), { target: { value: '45' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('settings.refreshMarginMinutes: must be a whole number from 1 to 30 (got 45)'));
    expect(onSave).not.toHaveBeenCalled();
  });

  it('shows fields set by policy read-only and does not save them', async () => {
    const onSave = renderForm({ maxSessionHours: 8, renewal: { corp: 'refresh-token' } });
    expect(field(/after this many hours/)).toBeDisabled();
    expect(field(/after this many hours/).value).toBe('8');
    expect(screen.getByLabelText(/How Corp SSO renews/)).toBeDisabled();
    fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(onSave).toHaveBeenCalled());
    expect(onSave).toHaveBeenCalledWith({ refreshMarginMinutes: 5, idleThresholdMinutes: 10, renewal: { lab: 'auto' } });
  });
});
