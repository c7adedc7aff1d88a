// A dispatcher in its own process, for the crash and replica tests: sends every due outbox row to
// a fake channel that appends each delivered text to a file, and exits when nothing is left.
// Usage: node --import tsx test/support/dispatch-worker.ts <DATABASE_URL> <record file> <concurrency> <lease ms>
import { appendFileSync } from 'node:fs';
import type { Channel } from '../../src/core/channel.ts';
import { openDatabase } from '../../src/db/client.ts';
import { parseDatabaseUrl } from '../../src/db/url.ts';
import { createLogger } from '../../src/log.ts';
import { Dispatcher } from '../../src/outbox/dispatcher.ts';

const [url, file, concurrency, leaseMs] = process.argv.slice(2);
const database = await openDatabase(parseDatabaseUrl(url!, process.cwd())!);
const fast = { count: 1_000_000, windowMs: 1_000 };
const channel: Channel = {
  name: 'telegram',
  maxText: 4096,
  limits: { perChat: fast, perGroup: fast, overall: fast },
  isGroup: () => false,
  async send(_address, message) {
    appendFileSync(file!, `${message.text}\n`);
  },
};
const dispatcher = new Dispatcher({
  database, channels: new Map([['telegram', channel]]), log: createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' }),
  maxAttempts: 5, concurrency: Number(concurrency), leaseMs: Number(leaseMs), batch: 20, idleMs: 20, backoffMs: 20,
});
for (;;) {
  if ((await dispatcher.runOnce()) > 0) continue;
  const left = await database.db.outbox.count({ where: { status: { in: ['pending', 'sending'] } } });
  if (left === 0) break;
  await new Promise((r) => setTimeout(r, 20));
}
await database.close();
