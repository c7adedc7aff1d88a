// Outbox → dispatcher → Telegram channel at Telegram's limits. Sends N alerts (default 2,000,
// each an alert text with its ack: buttons) to distinct private chats, plus a burst to one chat
// and one to one group, through the real Dispatcher and telegramChannel to a local Bot API stub
// on 127.0.0.1, in a process of its own, that records the arrival time of every request and,
// like Telegram, answers 429 with retry_after to anything over 1 message/s per chat, 20/min per
// group or 30/s overall. (telegram-test-api is not used here: it enforces no limit at all and
// shares the bot's event loop; the stub reflects Telegram better.) Prints messages per second
// and the highest rate the stub saw per chat, per group and overall in any sliding second and
// minute, next to the limits.
// Run: npx tsx bench/telegram.bench.ts [--alerts 2000] [--burst-chat 30] [--burst-group 20]
//        [--concurrency 4] [--order burst-first|interleaved|burst-last] [--max-pace-wait ms]
// The bursts are queued before the alerts by default (the hardest case for the dispatcher).
// DATABASE_URL=postgresql://… runs it on PostgreSQL (a schema of its own, dropped afterwards).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { telegramChannel } from '../src/channels/telegram/channel.ts';
import { t } from '../src/i18n/translate.ts';
import { createLogger } from '../src/log.ts';
import { enqueue } from '../src/outbox/enqueue.ts';
import type { OutboxMessage } from '../src/outbox/message.ts';
import { Dispatcher } from '../src/outbox/dispatcher.ts';
import { testDatabase } from '../test/support/database.ts';
import { fakeBotToken } from '../test/support/fake-token.ts';
import { apiError, startStubBotApi, type StubCall } from '../test/channels/telegram/support/stub-bot-api.ts';

const { values } = parseArgs({
  options: {
    alerts: { type: 'string', default: '2000' },
    'burst-chat': { type: 'string', default: '30' },
    'burst-group': { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '4' },
    order: { type: 'string', default: 'burst-first' },
    'max-pace-wait': { type: 'string' },
    stub: { type: 'boolean' },
  },
});
const N = Number(values.alerts);
const BURST_CHAT = Number(values['burst-chat']);
const BURST_GROUP = Number(values['burst-group']);
const CONCURRENCY = Number(values.concurrency);
const TOKEN = fakeBotToken('bench');
const BURST_CHAT_ID = '555000';
const GROUP_ID = '-100777';
const LIMITS = { chat: { count: 1, windowMs: 1_000 }, group: { count: 20, windowMs: 60_000 }, overall: { count: 30, windowMs: 1_000 } };

/** Sliding-window counter: how many events in the last windowMs before `at` (inclusive of at). */
const inWindow = (times: number[], at: number, windowMs: number) => times.filter((x) => x > at - windowMs).length;

// Telegram's side, in a child process of its own so that its clock reads arrivals as a server
// would, not when this busy process gets round to them: record, and refuse what exceeds the
// limits with a 429, as Telegram does.
if (process.argv.includes('--stub')) {
  const accepted: Record<string, number[]> = {};
  const overall: number[] = [];
  let refused = 0;
  const stub = await startStubBotApi((call: StubCall) => {
    if (call.method !== 'sendMessage') return undefined;
    const chat = String(call.fields.chat_id);
    const at = performance.timeOrigin + call.at;
    const times = (accepted[chat] ??= []);
    const limit = chat.startsWith('-') ? LIMITS.group : LIMITS.chat;
    if (inWindow(times, at, limit.windowMs) >= limit.count || inWindow(overall, at, LIMITS.overall.windowMs) >= LIMITS.overall.count) {
      refused++;
      return apiError(429, 'Too Many Requests: retry after 1', { retry_after: 1 });
    }
    times.push(at);
    overall.push(at);
    return undefined;
  });
  process.send!({ url: stub.url });
  process.on('message', async () => {
    process.send!({ accepted, overall, refused });
    await stub.close();
    process.exit(0);
  });
  await new Promise(() => {});
}

interface Report {
  accepted: Record<string, number[]>;
  overall: number[];
  refused: number;
}
const server = fork(fileURLToPath(import.meta.url), ['--stub'], { execArgv: ['--import', 'tsx'] });
const stubUrl = await new Promise<string>((resolve) => server.once('message', (m) => resolve((m as { url: string }).url)));
const report = (): Promise<Report> => new Promise((resolve) => {
  server.once('message', (m) => resolve(m as Report));
  server.send('report');
});

const database = await testDatabase();
const log = createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' });
const channel = telegramChannel({ token: TOKEN, apiRoot: stubUrl, log });

function alert(i: number, address: string, kind: string): OutboxMessage {
  const code = (k: number) => `000.00.${String(10 + (i % 80)).padStart(2, '0')}.H55-261125-${String(k).padStart(4, '0')}`;
  const lines = [1, 2, 3].map((k) => t('alert-line', { code: code(i * 3 + k), procedure: 'Cấp giấy chứng nhận quyền sử dụng đất lần đầu', unit: 'Phòng Kinh tế xã Bình Sơn', due: '28/11/2026', state: `quá ${k} ngày làm việc` }));
  return {
    dedupKey: `bench:${kind}:${i}`, officialId: null, channel: 'telegram', address, kind: 'overdue', notBefore: new Date(),
    payload: {
      text: [t('alert-title', { count: '3' }), t('alert-greeting', { title: 'Trưởng phòng', name: 'Nguyễn Thị Lan' }), '', t('alert-section-overdue', { count: '3' }), ...lines, '', t('alert-footer')].join('\n'),
      buttons: [1, 2, 3].map((k) => [{ text: `✓ ${k}: xong trước 07/12/2026`, data: `ack:${code(i * 3 + k)}:20261207` }]),
    },
  };
}

const distinct = Array.from({ length: N }, (_, i) => alert(i, String(100_000 + i), 'chat'));
const bursts = [
  ...Array.from({ length: BURST_CHAT }, (_, i) => alert(N + i, BURST_CHAT_ID, 'burst-chat')),
  ...Array.from({ length: BURST_GROUP }, (_, i) => alert(N + BURST_CHAT + i, GROUP_ID, 'burst-group')),
];
const messages = values.order === 'burst-last' ? [...distinct, ...bursts]
  : values.order === 'interleaved' ? distinct.flatMap((m, i) => (i % 20 === 0 && bursts[i / 20] ? [bursts[i / 20]!, m] : [m])).concat(bursts.slice(Math.ceil(N / 20)))
  : [...bursts, ...distinct];
const now = new Date();
for (let i = 0; i < messages.length; i += 1_000) await enqueue(database.db, database.target.engine, messages.slice(i, i + 1_000).map((m) => ({ ...m, notBefore: now })), now);

const dispatcher = new Dispatcher({
  database, channels: new Map([['telegram', channel]]), log, maxAttempts: 8, concurrency: CONCURRENCY, idleMs: 20,
  ...(values['max-pace-wait'] ? { maxPaceWaitMs: Number(values['max-pace-wait']) } : {}),
});
const t0 = performance.now();
for (;;) {
  if ((await dispatcher.runOnce()) > 0) continue;
  if ((await database.db.outbox.count({ where: { status: { in: ['pending', 'sending'] } } })) === 0) break;
  await new Promise((r) => setTimeout(r, 20));
}
const wall = (performance.now() - t0) / 1000;
const { accepted: byChat, overall, refused } = await report();
const accepted = new Map(Object.entries(byChat));

/** The largest number of events inside any window of windowMs (sliding, [t, t + windowMs)). */
function peak(times: number[], windowMs: number): number {
  const xs = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < xs.length; i++) {
    while (xs[i]! - xs[j]! >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}
const chats = [...accepted.entries()].filter(([id]) => !id.startsWith('-')).map(([, times]) => times);
const groups = [...accepted.entries()].filter(([id]) => id.startsWith('-')).map(([, times]) => times);
const max = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0);
const distinctTimes = [...accepted.entries()].filter(([id]) => id !== BURST_CHAT_ID && id !== GROUP_ID).flatMap(([, x]) => x).sort((a, b) => a - b);
const span = (xs: number[]) => (xs.length > 1 ? (xs[xs.length - 1]! - xs[0]!) / 1000 : 0);
/** Messages per second between the first and the last arrival. */
const rate = (xs: number[]) => (xs.length > 1 ? (xs.length - 1) / span(xs) : 0);
const statuses = await database.db.outbox.groupBy({ by: ['status'], _count: { _all: true } });

const row = (label: string, second: number, minute: number, limit: string) => `  ${label.padEnd(34)} ${String(second).padStart(5)} /s   ${String(minute).padStart(6)} /min   (limit ${limit})`;
console.log(`Telegram outbox bench — ${database.target.engine}, concurrency ${CONCURRENCY}, order ${values.order}`);
console.log(`  ${N} alerts to distinct chats + ${BURST_CHAT} to one chat + ${BURST_GROUP} to one group = ${messages.length} messages`);
console.log(`  outbox: ${statuses.map((s) => `${s.status} ${s._count._all}`).join(', ')}; 429 answered by the stub: ${refused}`);
console.log(`  overall: ${overall.length} messages in ${span(overall).toFixed(1)} s = ${rate(overall).toFixed(2)} msg/s, first to last arrival (goal ≥ 28/s); wall time ${wall.toFixed(1)} s`);
console.log(`  the ${N} distinct alerts alone: ${rate(distinctTimes).toFixed(2)} msg/s over ${span(distinctTimes).toFixed(1)} s`);
console.log('Highest rate the Bot API stub saw in any sliding window:');
console.log(row('overall', peak(overall, 1_000), peak(overall, 60_000), '30/s'));
console.log(row('per private chat (worst chat)', max(chats.map((x) => peak(x, 1_000))), max(chats.map((x) => peak(x, 60_000))), '1/s'));
console.log(row('per group (worst group)', max(groups.map((x) => peak(x, 1_000))), max(groups.map((x) => peak(x, 60_000))), '20/min, 1/s'));
console.log(`  burst chat: ${accepted.get(BURST_CHAT_ID)?.length ?? 0} in ${span(accepted.get(BURST_CHAT_ID) ?? []).toFixed(1)} s; burst group: ${accepted.get(GROUP_ID)?.length ?? 0} in ${span(accepted.get(GROUP_ID) ?? []).toFixed(1)} s`);

await database.drop();
