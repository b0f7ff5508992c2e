/**
 * The stand-ins webpack puts in the service worker for SDK code the calls never need
 * (src/cognito/sdk-parts-left-out.ts) answer as the real code does for what the extension sends.
 */
import { CognitoIdentityClient, GetCredentialsForIdentity$, GetId$, GetOpenIdToken$ } from '@aws-sdk/client-cognito-identity';
import { STSClient } from '@aws-sdk/client-sts';
import { JsonCodec2 } from '@smithy/core/protocols';
import { defaultEndpointResolver, JsonShapeSerializer2 } from '../../../src/cognito/sdk-parts-left-out';

describe('the endpoint resolver stand-in', () => {
  it.each([
    ['STS', () => new STSClient({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:5000' }).config.endpointProvider],
    ['Cognito identity', () => new CognitoIdentityClient({ region: 'eu-west-1', endpoint: 'https://cognito-identity.eu-west-1.amazonaws.com' }).config.endpointProvider],
  ])('gives a given endpoint as %s\'s rules do', (_name, realResolver) => {
    for (const Endpoint of ['http://127.0.0.1:5000', 'https://cognito-identity.eu-west-1.amazonaws.com', 'https://vpce-1.sts.eu-west-1.vpce.amazonaws.com/']) {
      const parameters = { Endpoint, Region: 'eu-west-1', UseFIPS: false, UseDualStack: false, UseGlobalEndpoint: false };
      const real = realResolver()(parameters);
      const ours = defaultEndpointResolver(parameters);
      expect(ours.url.href).toBe(real.url.href);
      expect(ours.properties).toEqual(real.properties ?? {});
      expect(ours.headers).toEqual(real.headers ?? {});
    }
  });

  it('refuses to choose an endpoint by region, loudly', () => {
    expect(() => defaultEndpointResolver({ Region: 'eu-west-1' })).toThrow('Choosing an endpoint by region (the endpoint rules) is left out of this build');
  });
});

describe('the JSON writer stand-in', () => {
  const logins = { 'idp.example.com/tenant': 'eyJ.a"b\\c\u2028.sig' };
  it.each([
    ['GetId', GetId$, { IdentityPoolId: 'eu-west-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d', AccountId: '123456789012', Logins: logins }],
    ['GetCredentialsForIdentity', GetCredentialsForIdentity$, { IdentityId: 'eu-west-1:x', Logins: logins, CustomRoleArn: 'arn:aws:iam::123456789012:role/Dev' }],
    ['GetOpenIdToken', GetOpenIdToken$, { IdentityId: 'eu-west-1:x', Logins: logins }],
  ])('writes %s\'s request as the SDK\'s JSON codec does', (_name, operation, input) => {
    const real = new JsonCodec2({ timestampFormat: { useTrait: true, default: 7 }, jsonName: false }).createSerializer();
    real.write((operation as unknown as [number, string, string, number, () => never])[4](), input);
    const written = real.flush();
    const ours = new JsonShapeSerializer2();
    ours.write(undefined, input);
    expect(JSON.parse(ours.flush())).toEqual(JSON.parse(typeof written === 'string' ? written : new TextDecoder().decode(written as Uint8Array)));
  });

  it('refuses values other than strings, loudly', () => {
    expect(() => new JsonShapeSerializer2().write(undefined, { When: new Date() })).toThrow('left out of this build');
    expect(() => new JsonShapeSerializer2().write(undefined, { Count: 1 })).toThrow('left out of this build');
    expect(new JsonShapeSerializer2().flush()).toBe('{}');
  });
});
