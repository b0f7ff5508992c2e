/**
 * The fields of one provider entry: what every provider has, then those of its kind (OpenID
 * Connect or OAuth 2.0), with the roles-from-claim settings for OpenID Connect.
 */
import { oauthProviders } from '../../src/config/oauth-providers';
import { CheckboxField, SelectField, TextAreaField, TextField } from './Field';

/** Props of {@link ProviderFields}. */
export interface ProviderFieldsProps {
  entry: Record<string, unknown>;
  /** `providers[<index>]` */
  path: string;
  onChange(field: readonly string[], value: unknown): void;
}

const text = (value: unknown) => (typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value));
const number = (value: string) => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : value);

/** `name=value` lines as an object; any other text stays text, for validation to explain. */
export function parseParams(value: string): Record<string, string> | string {
  const lines = value.split('\n').map((line) => line.trim()).filter(Boolean);
  if (!lines.every((line) => /^[^=\s]+=/.test(line))) return value;
  return Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

function formatParams(value: unknown): string {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return Object.entries(value).map(([name, item]) => `${name}=${text(item)}`).join('\n');
  return text(value);
}

/** Every field of a provider. */
export function ProviderFields({ entry, path, onChange }: ProviderFieldsProps) {
  const oauth = entry.type === 'oauth2';
  const roles = (typeof entry.rolesFromClaim === 'object' && entry.rolesFromClaim !== null ? entry.rolesFromClaim : {}) as Record<string, unknown>;
  const field = (key: string) => ({ path: `${path}.${key}`, value: text(entry[key]), onChange: (value: string) => onChange([key], value) });
  const roleField = (key: string) => ({ path: `${path}.rolesFromClaim.${key}`, value: text(roles[key]), onChange: (value: string) => onChange(['rolesFromClaim', key], key === 'durationSeconds' ? number(value) : value) });
  return (
    <div class="fields">
      <TextField label="Name" {...field('name')} hint="Shown in the popup." />
      <TextField label="Id" {...field('id')} hint="Letters, digits, . _ -; profiles refer to the provider by it." />
      <SelectField label="Kind" path={`${path}.type`} value={oauth ? 'oauth2' : 'oidc'} onChange={(value) => onChange(['type'], value === 'oauth2' ? 'oauth2' : undefined)}
        options={[{ value: 'oidc', label: 'OpenID Connect' }, { value: 'oauth2', label: 'OAuth 2.0 access token (Login with Amazon, Facebook)' }]} />
      {oauth ? (
        <SelectField label="STS provider id" path={`${path}.stsProviderId`} value={text(entry.stsProviderId)} onChange={(value) => onChange(['stsProviderId'], value)}
          options={[{ value: '', label: 'Choose…' }, ...Object.entries(oauthProviders).map(([id, info]) => ({ value: id, label: `${info.label} (${id})` }))]} />
      ) : (
        <TextField label="Issuer" {...field('issuer')} placeholder="https://idp.example.com" hint="Exactly the issuer of the provider's discovery document." />
      )}
      <TextField label="Client id" {...field('clientId')} />
      <TextField label="Scopes" {...field('scopes')} placeholder={oauth ? 'profile' : 'openid'} hint={oauth ? undefined : 'Space-separated; must include openid.'} />
      {!oauth && (
        <SelectField label="Flow" path={`${path}.flow`} value={text(entry.flow) || 'code'} onChange={(value) => onChange(['flow'], value === 'code' ? undefined : value)}
          options={[{ value: 'code', label: 'Authorization code with PKCE (default)' }, { value: 'implicit', label: 'ID token (implicit, with nonce)' }]} />
      )}
      <TextAreaField label="Extra authorization parameters" path={`${path}.authParams`} value={formatParams(entry.authParams)} rows={2}
        placeholder="prompt=select_account" hint="One name=value per line: audience, prompt, login_hint, domain_hint, hd…" onChange={(value) => onChange(['authParams'], parseParams(value))} />
      {!oauth && (
        <fieldset class="nested">
          <legend>Roles from the token</legend>
          <TextField label="Roles claim" {...roleField('claim')} placeholder="https://aws.amazon.com/roles" hint="A claim of the ID token listing role ARNs; each becomes a profile after sign-in." />
          <TextField label="Region of those profiles" {...roleField('region')} placeholder="us-east-1" />
          <TextField label="Duration of those profiles (seconds)" {...roleField('durationSeconds')} placeholder="3600" />
          <TextField label="STS endpoint of those profiles" {...roleField('stsEndpoint')} placeholder="regional endpoint" />
          <CheckboxField label="Pin those profiles" path={`${path}.rolesFromClaim.pinned`} checked={roles.pinned !== false} onChange={(checked) => onChange(['rolesFromClaim', 'pinned'], checked ? undefined : false)} />
        </fieldset>
      )}
    </div>
  );
}
