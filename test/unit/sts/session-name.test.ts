import { createHash } from 'node:crypto';
import { deriveSessionName } from '../../../src/sts/session-name';

describe('deriveSessionName', () => {
  it('is wic- and the first 32 hex digits of SHA-256 of the subject', async () => {
    const expected = `wic-${createHash('sha256').update('alice@example.com').digest('hex').slice(0, 32)}`;
    await expect(deriveSessionName('alice@example.com')).resolves.toBe(expected);
  });

  it('is stable, distinct per subject, and never contains the subject', async () => {
    const a = await deriveSessionName('alice@example.com');
    expect(await deriveSessionName('alice@example.com')).toBe(a);
    expect(await deriveSessionName('bob@example.com')).not.toBe(a);
    expect(a).not.toContain('alice');
  });

  it.each(['', 'x', 'ünïcødé subject', 'a'.repeat(10_000), 'with spaces and / slashes'])('fits STS\'s RoleSessionName pattern for %j', async (subject) => {
    expect(await deriveSessionName(subject)).toMatch(/^[\w+=,.@-]{2,64}$/);
  });
});
