import { terminalAuditKey } from '../../../src/storage/keys';
import type { TerminalAuditEntry } from '../../../src/storage/records';
import { AUDIT_LIMIT, createTerminalAudit } from '../../../src/terminal-access/audit';
import { memorySessionStore } from '../support/memory-session-store';

const entry = (at: number, profileId = 'dev'): TerminalAuditEntry => ({ profileId, at, command: 'credential-process', outcome: 'served' });

describe('the terminal audit list', () => {
  it('keeps every entry of requests recorded at the same time, in the order they came', async () => {
    const store = memorySessionStore();
    const audit = createTerminalAudit(store);
    await Promise.all([audit.record(entry(1, 'a')), audit.record(entry(2, 'b')), audit.record(entry(3, 'c'))]);
    expect((store.items.get(terminalAuditKey) as TerminalAuditEntry[]).map((item) => item.profileId)).toEqual(['c', 'b', 'a']);
  });

  it('goes on after a write fails, and reports that failure to its caller only', async () => {
    const store = memorySessionStore();
    const set = store.set;
    let failNext = true;
    store.set = async (entries) => {
      if (failNext) {
        failNext = false;
        throw new Error('quota');
      }
      return set(entries);
    };
    const audit = createTerminalAudit(store);
    const [first, second] = await Promise.allSettled([audit.record(entry(1, 'a')), audit.record(entry(2, 'b'))]);
    expect(first.status).toBe('rejected');
    expect(second.status).toBe('fulfilled');
    expect(store.items.get(terminalAuditKey)).toEqual([entry(2, 'b')]);
  });

  it('drops the oldest entries beyond the limit', async () => {
    const store = memorySessionStore();
    const audit = createTerminalAudit(store);
    await Promise.all(Array.from({ length: AUDIT_LIMIT + 3 }, (_, index) => audit.record(entry(index))));
    const list = store.items.get(terminalAuditKey) as TerminalAuditEntry[];
    expect(list).toHaveLength(AUDIT_LIMIT);
    expect(list[0]?.at).toBe(AUDIT_LIMIT + 2);
    expect(list.at(-1)?.at).toBe(3);
  });
});
