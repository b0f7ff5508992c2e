import type { LocationEnvironment } from '../../../src/host/socket-location';
import { profileKeyOfEntry, runDirectory, socketFolder, socketPath } from '../../../src/host/socket-location';

const linux: LocationEnvironment = { platform: 'linux', env: { XDG_RUNTIME_DIR: '/run/user/1000' }, home: '/home/ada', user: 'ada' };
const mac: LocationEnvironment = { platform: 'darwin', env: {}, home: '/Users/ada', user: 'ada' };
const windows: LocationEnvironment = { platform: 'win32', env: {}, home: 'C:\\Users\\Ada L', user: 'Ada L' };

it('uses $XDG_RUNTIME_DIR/wic on Linux', () => {
  expect(socketPath(linux, 'work')).toBe('/run/user/1000/wic/work.sock');
});

it('falls back to ~/.wic/run without a (absolute) $XDG_RUNTIME_DIR', () => {
  expect(socketPath(mac, 'work')).toBe('/Users/ada/.wic/run/work.sock');
  expect(runDirectory({ ...linux, env: { XDG_RUNTIME_DIR: 'relative' } })).toBe('/home/ada/.wic/run');
});

it('lets WIC_RUNTIME_DIR choose the folder', () => {
  expect(runDirectory({ ...linux, env: { ...linux.env, WIC_RUNTIME_DIR: '/tmp/x' } })).toBe('/tmp/x');
});

it('names a per-user named pipe on Windows', () => {
  expect(socketPath(windows, 'work')).toBe('\\\\.\\pipe\\wic-Ada_L-work');
  expect(socketFolder(windows)).toBe('\\\\.\\pipe\\');
});

it('finds the profile key of a socket or pipe and ignores everything else', () => {
  expect(profileKeyOfEntry(linux, 'work.sock')).toBe('work');
  expect(profileKeyOfEntry(linux, 'notes.txt')).toBeUndefined();
  expect(profileKeyOfEntry(linux, '..sock')).toBeUndefined();
  expect(profileKeyOfEntry(windows, 'wic-Ada_L-work')).toBe('work');
  expect(profileKeyOfEntry(windows, 'wic-bob-work')).toBeUndefined();
});
