/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, render, screen, within } from '@testing-library/preact';
import { IdentityPoolPicker } from '../../../popup/options/IdentityPoolPicker';
import { identityPoolProfile } from '../../../src/config/profile-presets';
import { validateConfiguration } from '../../../src/config/validate-configuration';

const pool = 'eu-west-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d';

describe('the identity pool preset', () => {
  it('builds a valid enhanced profile without a role, and a basic one with its role', () => {
    const enhanced = identityPoolProfile({ identityPoolId: ` ${pool} `, flow: 'enhanced', roleArn: '', providerId: 'corp' }, ['identity-pool']);
    expect(enhanced).toEqual({ ok: true, profile: { id: 'identity-pool-2', name: 'Identity pool', provider: 'corp', identityPoolId: pool } });
    const basic = identityPoolProfile({ identityPoolId: pool, flow: 'basic', roleArn: 'arn:aws:iam::123456789012:role/Dev', providerId: 'corp' }, []);
    expect(basic).toMatchObject({ ok: true, profile: { name: 'Dev (identity pool)', cognitoFlow: 'basic', roleArn: 'arn:aws:iam::123456789012:role/Dev' } });
    for (const built of [enhanced, basic]) {
      if (!built.ok) throw new Error('not built');
      const config = validateConfiguration(undefined, { providers: [{ id: 'corp', issuer: 'https://idp.example.com', clientId: 'abc' }], profiles: [built.profile] });
      expect(config.problems).toEqual([]);
    }
  });

  it('names each wrong answer', () => {
    expect(identityPoolProfile({ identityPoolId: 'eu-west-1_abc', flow: 'basic', roleArn: '', providerId: '' }, [])).toEqual({
      ok: false,
      problems: {
        identityPoolId: expect.stringMatching(/^must be an identity pool id, "<region>:<uuid>"/),
        roleArn: 'is required for the basic flow: the pool\'s token assumes this role through STS',
        providerId: 'is required: add a provider first',
      },
    });
  });

  it('is offered in the options page, with what to set up in AWS', () => {
    const onAdd = jest.fn();
    render(<IdentityPoolPicker providerIds={['corp']} takenIds={[]} onAdd={onAdd} />);
    const form = screen.getByRole('form', { name: 'Add identity pool profile' });
    expect(within(form).getByText(/"cognito-identity\.amazonaws\.com:aud" equal to the pool id/)).toBeInTheDocument();
    fireEvent.click(within(form).getByRole('button', { name: 'Add identity pool profile' }));
    expect(within(form).getByLabelText('Identity pool id')).toHaveAccessibleDescription('Identity pool id: is required');
    fireEvent.input(within(form).getByLabelText('Identity pool id'), { target: { value: pool } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add identity pool profile' }));
    expect(onAdd).toHaveBeenCalledWith({ id: 'identity-pool', name: 'Identity pool', provider: 'corp', identityPoolId: pool });
  });
});
