import type { ProfileCredentials } from '../sts/credentials';
import { isoExpiration } from './iso-expiration';

/** One environment variable to set, in the order shells and env files list them. */
export interface EnvironmentVariable {
  name: string;
  value: string;
}

/**
 * The variables the AWS CLI and SDKs read from the environment. Both region variables are set
 * because older SDKs read only `AWS_DEFAULT_REGION` and newer ones prefer `AWS_REGION`.
 * @see https://docs.aws.amazon.com/sdkref/latest/guide/environment-variables.html
 */
export function credentialEnvironment(credentials: ProfileCredentials): EnvironmentVariable[] {
  return [
    { name: 'AWS_ACCESS_KEY_ID', value: credentials.accessKeyId },
    { name: 'AWS_SECRET_ACCESS_KEY', value: credentials.secretAccessKey },
    { name: 'AWS_SESSION_TOKEN', value: credentials.sessionToken },
    { name: 'AWS_REGION', value: credentials.region },
    { name: 'AWS_DEFAULT_REGION', value: credentials.region },
    {
      name: 'AWS_CREDENTIAL_EXPIRATION',
      value: isoExpiration(credentials.expiration, 'AWS_CREDENTIAL_EXPIRATION'),
    },
  ];
}
