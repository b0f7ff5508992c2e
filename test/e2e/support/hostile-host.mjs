// A native messaging host that misbehaves on purpose, for test/e2e/terminal.test.ts: on its first
// start it sends the extension malformed requests, then one good one, then a frame that is not
// JSON at all followed by another good request, then crashes (exit 3). Every start, hello and
// answer is appended to the log file named by its first argument, one JSON line each. Later
// starts only log and wait.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

const [logFile] = process.argv.slice(2);
const log = (entry) => appendFileSync(logFile, `${JSON.stringify(entry)}\n`);
const firstStart = !existsSync(logFile) || !readFileSync(logFile, 'utf8').includes('"start"');
log({ start: Date.now() });

const frame = (body) => {
  const bytes = Buffer.from(body, 'utf8');
  const header = Buffer.alloc(4);
  header.writeUInt32LE(bytes.length);
  process.stdout.write(Buffer.concat([header, bytes]));
};
const send = (message) => frame(JSON.stringify(message));

let buffer = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  while (buffer.length >= 4 && buffer.length >= 4 + buffer.readUInt32LE(0)) {
    const length = buffer.readUInt32LE(0);
    const message = JSON.parse(buffer.subarray(4, 4 + length).toString('utf8'));
    buffer = buffer.subarray(4 + length);
    log({ received: message });
    if (message.type === 'hello' && firstStart) {
      send({ type: 'request', id: 'bad-action', request: { action: 'delete-everything' } });
      send({ type: 'request', id: 'bad-profile', request: { action: 'credentials', profileId: '../etc/passwd', minValidSeconds: 0, command: 'x' } });
      send([1, 2, 3]);
      send('text');
      send({ type: 'surprise' });
      send({ type: 'request', id: 7, request: { action: 'status' } });
      send({ type: 'request', id: 'good', request: { action: 'status' } });
    }
    if (message.type === 'response' && message.id === 'good') {
      frame('{this is not JSON');
      send({ type: 'request', id: 'after-garbage', request: { action: 'status' } });
      setTimeout(() => process.exit(3), 2000);
    }
  }
});
process.stdin.on('end', () => process.exit(0));
