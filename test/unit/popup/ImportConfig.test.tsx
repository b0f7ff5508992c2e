/** @jest-environment jsdom */
import '@testing-library/jest-dom';
import { fireEvent, render, screen } from '@testing-library/preact';
import { ImportConfig } from '../../../popup/options/ImportConfig';
import { checkConfigImport } from '../../../src/config/import-config';

describe('ImportConfig', () => {
  it('imports a clean document and reports what it holds', async () => {
    const stored: unknown[] = [];
    render(<ImportConfig current="" onImport={async (text) => { const result = checkConfigImport(text, undefined); if (result.ok) stored.push(result.document); return result; }} />);
    fireEvent.input(screen.getByLabelText('Configuration (JSON)'), {
      target: { value: JSON.stringify({ providers: [{ id: 'corp', issuer: 'https://idp.example.com', clientId: 'abc' }], profiles: [] }) },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Imported 1 provider(s) and 0 profile(s).');
    expect(stored).toHaveLength(1);
  });

  it('lists every problem of a bad document and changes nothing', async () => {
    const onImport = jest.fn(async (text: string) => checkConfigImport(text, undefined));
    render(<ImportConfig current='{"providers":[{"id":"corp","issuer":"http://idp.example.com"}]}' onImport={onImport} />);
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Nothing was changed.');
    expect(alert).toHaveTextContent('providers[0].issuer: must use https');
    expect(alert).toHaveTextContent('providers[0].clientId: is required');
  });

  it('names each host that is not AWS and imports only after the click that trusts it', async () => {
    const calls: (string[] | undefined)[] = [];
    const onImport = async (text: string, confirm?: string[]) => {
      calls.push(confirm);
      return checkConfigImport(text, undefined, confirm);
    };
    const document = {
      providers: [{ id: 'corp', issuer: 'https://idp.example.com', clientId: 'abc' }],
      profiles: [{ id: 'dev', provider: 'corp', roleArn: 'arn:aws:iam::123456789012:role/Dev', stsEndpoint: 'https://sts.eu-west-1.amazonaws.com.evil.example/' }],
    };
    render(<ImportConfig current={JSON.stringify(document)} onImport={onImport} />);
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('sends your sign-in token to https://sts.eu-west-1.amazonaws.com.evil.example');
    expect(calls).toEqual([undefined]);
    fireEvent.click(screen.getByRole('button', { name: 'Trust https://sts.eu-west-1.amazonaws.com.evil.example and import' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Imported 1 provider(s) and 1 profile(s).');
    expect(calls).toEqual([undefined, ['https://sts.eu-west-1.amazonaws.com.evil.example']]);
  });
});
