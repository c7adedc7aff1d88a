// What the channel puts on the wire, asserted request by request on a stub Bot API server
// (telegram-test-api has no sendPhoto and no setMyCommands): photos as multipart uploads with a
// caption of at most 1024 characters, longer texts cut to 4096, buttons under the last message,
// a pause between the messages of one send, the command menu per scope; and errors classified
// without the token.
import { GrammyError, HttpError } from 'grammy';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { classify, scrub } from '../../../src/channels/telegram/errors.ts';
import { telegramChannel, TELEGRAM_LIMITS } from '../../../src/channels/telegram/channel.ts';
import { registerMenu } from '../../../src/channels/telegram/menu.ts';
import { createLogger } from '../../../src/log.ts';
import { apiError, startStubBotApi, type StubBotApi } from './support/stub-bot-api.ts';
import { TOKEN } from './support/world.ts';

let stub: StubBotApi;
const log = createLogger({ LOG_LEVEL: 'silent', LOG_PRETTY: '0' });
const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(3000, 7)]);
const fast = { count: 1, windowMs: 60 };
const channel = () => telegramChannel({ token: TOKEN, apiRoot: stub.url, log, limits: { ...TELEGRAM_LIMITS, perChat: fast, perGroup: fast } });
const buttons = [[{ text: '✓ 0001: xong trước 07/12/2026', data: 'ack:000.00.99.H55-261125-0001:20261207' }]];
const keyboard = { inline_keyboard: [[{ text: '✓ 0001: xong trước 07/12/2026', callback_data: 'ack:000.00.99.H55-261125-0001:20261207' }]] };

beforeAll(async () => {
  stub = await startStubBotApi();
});
afterAll(async () => stub.close());
beforeEach(() => {
  stub.calls.length = 0;
  stub.respond = undefined;
});

describe('the Telegram channel on the wire', () => {
  it('is named telegram, allows 4096 characters, tells groups by the sign of the chat id, paces as Telegram asks', () => {
    const c = channel();
    expect([c.name, c.maxText, c.isGroup('-1001234567890'), c.isGroup('-42'), c.isGroup('1001')]).toEqual(['telegram', 4096, true, true, false]);
    expect(TELEGRAM_LIMITS).toEqual({ perChat: { count: 1, windowMs: 1_000 }, perGroup: { count: 1, windowMs: 3_000 }, overall: { count: 30, windowMs: 1_000 } });
  });

  it('a photo with its caption goes up as multipart, then the text with the buttons', async () => {
    await channel().send('1001', { text: 'Bản tin tuần: tỷ lệ đúng hạn 95,20%', image: { png: PNG, caption: 'Biểu đồ tỷ lệ đúng hạn' }, buttons });
    expect(stub.calls.map((c) => c.method)).toEqual(['sendPhoto', 'sendMessage']);
    const [photo, text] = stub.calls;
    expect(photo!.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(photo!.fields).toMatchObject({ chat_id: '1001', caption: 'Biểu đồ tỷ lệ đúng hạn' });
    const attach = /^attach:\/\/(.+)$/.exec(String(photo!.fields.photo))![1]!;
    expect(photo!.files[attach]!.data.equals(PNG)).toBe(true);
    expect(photo!.fields.reply_markup).toBeUndefined();
    expect(text!.fields).toMatchObject({ chat_id: '1001', text: 'Bản tin tuần: tỷ lệ đúng hạn 95,20%', reply_markup: keyboard });
    expect(text!.at - photo!.at).toBeGreaterThanOrEqual(fast.windowMs - 5); // one chat, one message at a time
  });

  it('without a caption the text becomes the caption when it fits, with the buttons on the photo', async () => {
    await channel().send('1001', { text: 'Ngắn gọn', image: { png: PNG }, buttons });
    expect(stub.calls.map((c) => c.method)).toEqual(['sendPhoto']);
    expect(stub.calls[0]!.fields).toMatchObject({ caption: 'Ngắn gọn', reply_markup: JSON.stringify(keyboard) });
  });

  it('a caption over 1024 characters follows the photo as a message', async () => {
    const caption = 'Chú thích rất dài. '.repeat(60);
    expect(caption.length).toBeGreaterThan(1024);
    await channel().send('-1001', { text: 'Phần chữ', image: { png: PNG, caption } });
    expect(stub.calls.map((c) => c.method)).toEqual(['sendPhoto', 'sendMessage']);
    expect(stub.calls[0]!.fields.caption).toBeUndefined();
    expect(stub.calls[1]!.fields.text).toBe(`${caption}\n\nPhần chữ`);
  });

  it('guards the 4096-character limit itself, buttons under the last part', async () => {
    const line = 'Dòng nhắc việc về một hồ sơ quá hạn. '.repeat(3);
    const text = Array.from({ length: 100 }, (_, i) => `${i}. ${line}`).join('\n');
    expect(text.length).toBeGreaterThan(2 * 4096);
    await channel().send('1001', { text, buttons });
    const parts = stub.of('sendMessage');
    expect(parts).toHaveLength(3);
    expect(parts.every((p) => String(p.fields.text).length <= 4096)).toBe(true);
    expect(parts.map((p) => p.fields.text).join('\n')).toBe(text);
    expect(parts.map((p) => p.fields.reply_markup ?? null)).toEqual([null, null, keyboard]);
  });

  it('drops a button whose data exceeds 64 bytes instead of losing the message', async () => {
    await channel().send('1001', { text: 'x', buttons: [[{ text: 'quá dài', data: `ack:${'9'.repeat(70)}` }, { text: 'được', data: 'xl:HS-1' }]] });
    expect(stub.calls[0]!.fields.reply_markup).toEqual({ inline_keyboard: [[{ text: 'được', callback_data: 'xl:HS-1' }]] });
  });

  it('registers the Vietnamese command menu per scope with setMyCommands', async () => {
    await registerMenu(telegramChannel({ token: TOKEN, apiRoot: stub.url, log }).api);
    expect(stub.calls.map((c) => [c.method, c.fields])).toEqual([
      ['setMyCommands', {
        scope: { type: 'all_private_chats' },
        commands: [
          { command: 'tiendo', description: 'Tiến độ: tỷ lệ đúng hạn, trực tuyến, số hóa của đơn vị' },
          { command: 'quahan', description: 'Danh sách hồ sơ quá hạn' },
          { command: 'sapden', description: 'Hồ sơ đến hạn hôm nay và ngày làm việc tới' },
          { command: 'hoso', description: 'Tra cứu một hồ sơ theo mã' },
          { command: 'xacnhan', description: 'Hẹn ngày xử lý xong một hồ sơ' },
          { command: 'xephang', description: 'Xếp hạng tỷ lệ đúng hạn các đơn vị' },
          { command: 'dangky', description: 'Liên kết tài khoản bằng mã mời' },
          { command: 'trogiup', description: 'Hướng dẫn sử dụng' },
        ],
      }],
      ['setMyCommands', {
        scope: { type: 'all_group_chats' },
        commands: [
          { command: 'tiendo', description: 'Tiến độ: tỷ lệ đúng hạn, trực tuyến, số hóa của đơn vị' },
          { command: 'quahan', description: 'Danh sách hồ sơ quá hạn' },
          { command: 'sapden', description: 'Hồ sơ đến hạn hôm nay và ngày làm việc tới' },
          { command: 'xephang', description: 'Xếp hạng tỷ lệ đúng hạn các đơn vị' },
          { command: 'trogiup', description: 'Hướng dẫn sử dụng' },
        ],
      }],
    ]);
    expect(stub.calls.every((c) => c.token === TOKEN)).toBe(true);
  });

  it('throws ChannelErrors by kind', async () => {
    const kinds: [ReturnType<typeof apiError>, string, number?][] = [
      [apiError(429, 'Too Many Requests: retry after 3', { retry_after: 3 }), 'rate_limited', 3_000],
      [apiError(403, 'Forbidden: user is deactivated'), 'unreachable'],
      [apiError(403, 'Forbidden: bot was kicked from the group chat'), 'unreachable'],
      [apiError(400, 'Bad Request: chat not found'), 'unreachable'],
      [apiError(400, 'Bad Request: message is too long'), 'rejected'],
      [apiError(502, 'Bad Gateway'), 'transient'],
    ];
    for (const [answer, kind, retryAfterMs] of kinds) {
      stub.respond = () => answer;
      const e = await channel().send('1001', { text: 'x' }).then(() => null, (err: unknown) => err as { kind: string; retryAfterMs?: number });
      expect([e?.kind, e?.retryAfterMs]).toEqual([kind, retryAfterMs]);
    }
  });
});

describe('errors', () => {
  const secret = TOKEN.slice(TOKEN.indexOf(':') + 1);

  it('never keep the token, even when the cause of a network error quotes the URL', () => {
    const cause = Object.assign(new Error(`request to https://api.telegram.org/bot${TOKEN}/sendMessage failed, reason: getaddrinfo EAI_AGAIN`), { code: 'EAI_AGAIN' });
    const f = classify(new HttpError("Network request for 'sendMessage' failed!", cause), TOKEN);
    expect(f).toEqual({ kind: 'transient', code: 'EAI_AGAIN', message: "Network request for 'sendMessage' failed! (EAI_AGAIN)" });
    expect(classify(new Error(`boom /bot${TOKEN}/getMe`), TOKEN).message).toBe('Error: boom /bot***/getMe');
    expect(scrub(`x ${encodeURIComponent(TOKEN)} y`, TOKEN)).not.toContain(secret);
  });

  it('a 429 without retry_after still waits a second; a 401 or 404 is retried, not blamed on the recipient', () => {
    const err = (code: number, description: string) => new GrammyError('e', { ok: false, error_code: code, description }, 'sendMessage', {});
    expect(classify(err(429, 'Too Many Requests'), TOKEN)).toMatchObject({ kind: 'rate_limited', retryAfterMs: 1_000 });
    expect(classify(err(401, 'Unauthorized'), TOKEN).kind).toBe('transient');
    expect(classify(err(404, 'Not Found'), TOKEN).kind).toBe('transient');
    expect(classify(err(400, 'Bad Request: group chat was upgraded to a supergroup chat'), TOKEN).kind).toBe('unreachable');
  });
});
