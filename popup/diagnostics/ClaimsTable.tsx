/**
 * The claims that decide whether STS accepts a token, as a table; the rest by name only.
 */
import { tagsClaim } from '../../src/sts/sts-errors';

/** Props of {@link ClaimsTable}. */
export interface ClaimsTableProps {
  claims: Record<string, unknown>;
  now: number;
}

const shown = ['iss', 'aud', 'azp', 'sub', 'amr', 'exp', 'iat'];

function display(name: string, value: unknown, now: number): string {
  if ((name === 'exp' || name === 'iat') && typeof value === 'number') {
    const at = new Date(value * 1000).toISOString();
    return name === 'exp' ? `${at} (${value * 1000 > now ? 'still valid' : 'expired'})` : at;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Shows iss, aud, azp, sub, amr, exp, iat, the session tags, and the names of other claims. */
export function ClaimsTable({ claims, now }: ClaimsTableProps) {
  const tags = claims[tagsClaim] as { principal_tags?: Record<string, unknown>; transitive_tag_keys?: unknown } | undefined;
  const others = Object.keys(claims).filter((name) => !shown.includes(name) && name !== tagsClaim);
  return (
    <>
      <table class="claims" aria-label="ID token claims">
        <tbody>
          {shown.filter((name) => name in claims).map((name) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td><code>{display(name, claims[name], now)}</code></td>
            </tr>
          ))}
          {tags !== undefined && (
            <tr>
              <th scope="row">{tagsClaim}</th>
              <td>
                {tags && typeof tags === 'object' && tags.principal_tags && typeof tags.principal_tags === 'object' ? (
                  <ul class="tags">
                    {Object.entries(tags.principal_tags).map(([key, value]) => (
                      <li key={key}><code>{key}</code> = <code>{JSON.stringify(value)}</code></li>
                    ))}
                  </ul>
                ) : (
                  <code>{JSON.stringify(tags)}</code>
                )}
                {tags && typeof tags === 'object' && tags.transitive_tag_keys !== undefined && <p>Transitive: <code>{JSON.stringify(tags.transitive_tag_keys)}</code></p>}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      {others.length > 0 && <p class="hint">Other claims: {others.join(', ')}</p>}
    </>
  );
}
