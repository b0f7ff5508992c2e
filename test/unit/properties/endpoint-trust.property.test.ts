/**
 * Properties of the endpoint allowlist: no host that merely contains, ends with or starts with an
 * AWS STS host passes; and whatever passes is https on the default port of a host under AWS's domains.
 */
import fc from 'fast-check';
import { isAwsStsEndpoint, originToConfirm, noEndpointTrust } from '../../../src/config/endpoint-trust';

// Hundreds of examples take seconds, several times longer on a loaded CI machine; the timeout
// only guards against a hang (speed is the benchmark's business).
jest.setTimeout(60_000);

const stsHosts = ['sts.amazonaws.com', 'sts.eu-west-1.amazonaws.com', 'sts.cn-north-1.amazonaws.com.cn', 'sts-fips.us-gov-west-1.amazonaws.com', 'vpce-0a1-b2.sts.eu-west-1.vpce.amazonaws.com'];
const label = fc.stringMatching(/^[a-z0-9-]{1,12}$/);

describe('endpoint allowlist properties', () => {
  it('never trusts an AWS host with anything appended, prepended without a dot, or wrapped in userinfo', () => {
    fc.assert(fc.property(fc.constantFrom(...stsHosts), label, fc.constantFrom('.', '-', ''), (host, extra, glue) => {
      const hostile = [
        `https://${host}${glue === '' ? '.' : glue}${extra}.example/`,
        `https://${host}.${extra}/`,
        `https://${extra}${host}/`,
        `https://${host}@${extra}.example/`,
        `https://${host}:${extra.length + 1000}/`,
        `https://${host}./`,
        `http://${host}/`,
      ];
      for (const url of hostile) expect(originToConfirm(url, 'sts', noEndpointTrust)).toBeDefined();
    }));
  });

  it('trusts only https on the default port of AWS domains', () => {
    fc.assert(fc.property(fc.webUrl({ withQueryParameters: true }), fc.constantFrom(...stsHosts).map((host) => `https://${host}/`), (url, aws) => {
      for (const candidate of [url, aws]) {
        if (!isAwsStsEndpoint(candidate)) continue;
        const parsed = new URL(candidate);
        expect(parsed.protocol).toBe('https:');
        expect(parsed.port).toBe('');
        expect(parsed.username + parsed.password).toBe('');
        expect(/\.(amazonaws\.com|amazonaws\.com\.cn|api\.aws|c2s\.ic\.gov|sc2s\.sgov\.gov|cloud\.adc-e\.uk|csp\.hci\.ic\.gov|amazonaws\.eu)$/.test(parsed.hostname)).toBe(true);
      }
    }));
  });
});
