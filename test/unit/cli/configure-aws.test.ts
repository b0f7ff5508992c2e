import { credentialProcessCommand, mergeAwsConfig, quoteCommandPart } from '../../../src/cli/configure-aws';

const wic = (profileId: string) => `/opt/wic/wic.js credential-process --profile ${profileId}`;
const entry = (profileId: string, command = wic(profileId)) => ({ profileId, command });

it('adds a section to an empty file', () => {
  expect(mergeAwsConfig('', [entry('dev')])).toEqual({ text: '[profile dev]\ncredential_process = /opt/wic/wic.js credential-process --profile dev\n', changes: [{ profileId: 'dev', kind: 'added' }] });
});

it('appends after everything else, leaving every other line as it was', () => {
  const before = '# mine\n[default]\nregion = eu-west-1\n\n[profile sso]\nsso_session = corp   ; keep\n';
  const { text } = mergeAwsConfig(before, [entry('dev'), entry('default')]);
  expect(text).toBe(`${before}\n[profile dev]\ncredential_process = ${wic('dev')}\n`);
});

it('reports a same-named section that is not wic\'s, and leaves it alone', () => {
  const before = '[profile dev]\ncredential_process = /usr/bin/other-tool\n[default]\nregion = x\n';
  expect(mergeAwsConfig(before, [entry('dev'), entry('default')])).toEqual({ text: before, changes: [{ profileId: 'dev', kind: 'conflict' }, { profileId: 'default', kind: 'conflict' }] });
});

it('updates only the credential_process line of its own section', () => {
  const before = '[profile other]\nregion = us-east-1\n\n[ profile  dev ]   # wic\nregion = eu-west-1\ncredential_process = /old/wic.js credential-process --profile dev\noutput = json\n[profile last]\n';
  const { text, changes } = mergeAwsConfig(before, [entry('dev')]);
  expect(text).toBe(before.replace('/old/wic.js', '/opt/wic/wic.js'));
  expect(changes).toEqual([{ profileId: 'dev', kind: 'updated' }]);
});

it('returns the text untouched, byte for byte, when nothing changes', () => {
  const before = `[profile dev]\r\ncredential_process = ${wic('dev')}`;
  expect(mergeAwsConfig(before, [entry('dev')])).toEqual({ text: before, changes: [{ profileId: 'dev', kind: 'unchanged' }] });
});

it('keeps CRLF line endings', () => {
  expect(mergeAwsConfig('[default]\r\nregion = x\r\n', [entry('dev')]).text).toBe(`[default]\r\nregion = x\r\n\r\n[profile dev]\r\ncredential_process = ${wic('dev')}\r\n`);
});

it('is idempotent', () => {
  const once = mergeAwsConfig('[default]\nregion = x\n', [entry('a'), entry('b')]).text;
  expect(mergeAwsConfig(once, [entry('a'), entry('b')]).text).toBe(once);
});

it('quotes paths with spaces and refuses ones a shell would expand', () => {
  expect(credentialProcessCommand(['C:\\Program Files\\nodejs\\node.exe', 'C:\\wic\\wic.js'], 'dev', 'work')).toBe('"C:\\Program Files\\nodejs\\node.exe" C:\\wic\\wic.js credential-process --profile dev --browser-profile work');
  expect(() => quoteCommandPart('/home/$USER/wic.js')).toThrow('without quotes');
});
