/**
 * The fields of one profile entry: the role or identity pool, how it is shown, and how its
 * session is shaped.
 */
import { sessionNameVariables } from '../../src/config/session-name-template';
import { CheckboxField, SelectField, TextAreaField, TextField } from './Field';

/** Props of {@link ProfileFields}. */
export interface ProfileFieldsProps {
  entry: Record<string, unknown>;
  /** `profiles[<index>]` */
  path: string;
  /** Ids of the providers a profile may use, local and managed. */
  providerIds: readonly string[];
  onChange(field: readonly string[], value: unknown): void;
}

const text = (value: unknown) => (typeof value === 'string' ? value : value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value, null, 2) : String(value));
const number = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : value);
const lines = (value: string) => {
  const items = value.split('\n').map((line) => line.trim()).filter(Boolean);
  return items.length ? items : undefined;
};

/** Every field of a profile. */
export function ProfileFields({ entry, path, providerIds, onChange }: ProfileFieldsProps) {
  const field = (key: string, convert: (value: string) => unknown = (value) => value) => ({
    path: `${path}.${key}`,
    value: text(entry[key]),
    onChange: (value: string) => onChange([key], convert(value)),
  });
  const provider = text(entry.provider);
  const providerOptions = [...new Set([...(provider && !providerIds.includes(provider) ? [provider] : []), ...providerIds])];
  return (
    <div class="fields">
      <TextField label="Name" {...field('name')} hint="Shown in the popup." />
      <TextField label="Id" {...field('id')} hint="Letters, digits, . _ -; also the section name in ~/.aws/credentials." />
      <SelectField label="Provider" path={`${path}.provider`} value={provider} onChange={(value) => onChange(['provider'], value)}
        options={[{ value: '', label: 'Choose…' }, ...providerOptions.map((id) => ({ value: id, label: id }))]} />
      <TextField label="Role ARN" {...field('roleArn')} placeholder="arn:aws:iam::123456789012:role/Name" />
      <TextField label="Identity pool id" {...field('identityPoolId')} placeholder="eu-west-1:0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
        hint="Amazon Cognito identity pool that gives the credentials instead of STS; blank for a role. In its enhanced flow the role ARN is optional: the pool chooses." />
      {entry.identityPoolId !== undefined && entry.identityPoolId !== '' && (
        <>
          <SelectField label="Identity pool flow" path={`${path}.cognitoFlow`} value={text(entry.cognitoFlow) || 'enhanced'} onChange={(value) => onChange(['cognitoFlow'], value === 'enhanced' ? undefined : value)}
            options={[{ value: 'enhanced', label: 'Enhanced (GetCredentialsForIdentity)' }, { value: 'basic', label: 'Basic (GetOpenIdToken, then STS)' }]} />
          <TextField label="Account id" {...field('accountId')} placeholder="123456789012" hint="The AWS account that owns the pool (optional)." />
          <TextField label="Cognito endpoint" {...field('cognitoEndpoint')} placeholder="https://cognito-identity.<region>.amazonaws.com" hint="For VPC endpoints and emulators; the pool's regional endpoint by default." />
        </>
      )}
      <TextField label="Account alias" {...field('alias')} placeholder="prod-eu" hint="A friendly name for the account, shown beside its id." />
      <TextField label="Colour" {...field('color')} placeholder="#d13212" hint="Marks the profile, e.g. red for production." />
      <TextField label="Region" {...field('region')} placeholder="us-east-1" />
      <TextField label="Duration (seconds)" {...field('durationSeconds', number)} placeholder="3600" hint="900 to 43200; above the role's maximum, one hour is used and the popup says so." />
      <TextField label="STS endpoint" {...field('stsEndpoint')} placeholder="https://sts.<region>.amazonaws.com" hint="For VPC endpoints and emulators; the regional endpoint by default." />
      <TextField label="Console destination" {...field('consoleDestination')} placeholder="https://console.aws.amazon.com/console/home?region=<region>"
        hint="The console page Open console lands on; the console home of the region by default." />
      <TextField label="Sign-in endpoint" {...field('signinEndpoint')} placeholder="https://signin.aws.amazon.com/federation"
        hint="The AWS federation endpoint for Open console, e.g. a regional one; the partition's by default." />
      <CheckboxField label="Pinned" path={`${path}.pinned`} checked={entry.pinned !== false} onChange={(checked) => onChange(['pinned'], checked)} hint="Pinned profiles come first and are kept fresh." />
      <TextAreaField label="Session policy (JSON)" {...field('sessionPolicy')} rows={3} placeholder='{"Version":"2012-10-17","Statement":[…]}'
        hint="Narrows the session below what the role allows; at most 2048 characters without spaces." />
      <TextAreaField label="Managed policy ARNs" path={`${path}.policyArns`} value={Array.isArray(entry.policyArns) ? entry.policyArns.map(text).join('\n') : text(entry.policyArns)}
        rows={2} placeholder="arn:aws:iam::aws:policy/ReadOnlyAccess" hint="One per line, up to 10; they narrow the session too." onChange={(value) => onChange(['policyArns'], lines(value))} />
      <TextField label="Session name template" {...field('sessionNameTemplate')} placeholder="wic-{subject_hash}"
        hint={`Variables: ${Object.keys(sessionNameVariables).map((name) => `{${name}}`).join(' ')}. Characters STS refuses become "-"; cut at 64.`} />
    </div>
  );
}
