// The match pattern asked for a URL: scheme and host, any port and path.
import { hostPermissionFor } from '../../../src/util/host-permission-pattern';

describe('hostPermissionFor', () => {
  it('asks for the host of an endpoint, any port', () => {
    expect(hostPermissionFor('https://eu-west-1.signin.aws.amazon.com/federation')).toBe('https://eu-west-1.signin.aws.amazon.com/*');
    expect(hostPermissionFor('http://127.0.0.1:8123/federation')).toBe('http://127.0.0.1/*');
  });

  it('asks for the host of an origin', () => {
    expect(hostPermissionFor('https://idp.example.com')).toBe('https://idp.example.com/*');
    expect(hostPermissionFor('https://login.example.com:8443')).toBe('https://login.example.com/*');
  });
});
