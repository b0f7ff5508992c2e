// The sign-in hosts the configuration accepts are exactly those the manifest lets the extension ask for.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkSigninEndpoint, signinHostPermissions } from '../../../src/config/signin-hosts';

describe('sign-in hosts', () => {
  it('are all among the optional host permissions of the manifest', () => {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../../manifest.json'), 'utf8')) as { optional_host_permissions?: string[] };
    // The manifest also lists https://*/* for identity providers; each sign-in host must be there by name.
    expect(manifest.optional_host_permissions).toEqual(expect.arrayContaining([...signinHostPermissions]));
  });

  it.each([
    'https://signin.aws.amazon.com/federation',
    'https://eu-west-1.signin.aws.amazon.com/federation',
    'https://signin.amazonaws-us-gov.com/federation',
    'https://signin.amazonaws.cn/federation',
    'http://127.0.0.1:8123/federation',
  ])('accepts %s', (endpoint) => {
    expect(checkSigninEndpoint(endpoint)).toBeUndefined();
  });

  it.each([
    ['https://signin.aws.amazon.com.evil.example/federation', 'must be an AWS sign-in federation endpoint on signin.aws.amazon.com, signin.amazonaws-us-gov.com, signin.amazonaws.cn'],
    ['https://evilsignin.aws.amazon.com/federation', 'must be an AWS sign-in federation endpoint'],
    ['http://signin.aws.amazon.com/federation', 'must use https'],
    ['https://signin.aws.amazon.com/federation?Action=login', 'must not contain a query or fragment'],
  ])('refuses %s', (endpoint, message) => {
    expect(checkSigninEndpoint(endpoint)).toContain(message);
  });
});
