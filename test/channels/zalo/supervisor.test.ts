// The listener supervisor on a fake clock: reconnection with bounded, jittered backoff after
// 'closed' or 'error'; a takeover by Zalo Web logged once and reclaimed much later; bad events
// never escape.
import { describe, expect, it } from 'vitest';
import { ListenerSupervisor, type SupervisorOptions } from '../../../src/channels/zalo/supervisor.ts';
import { zca } from '../../../src/channels/zalo/zca.ts';
import { FakeClock } from '../../support/clock.ts';
import { FakeListener, userMessage } from './fake-zalo.ts';
import { captureLog, ERROR, WARN } from './log-capture.ts';

const { CloseReason } = zca;

function setup(options: Partial<SupervisorOptions> = {}) {
  const clock = new FakeClock();
  const listener = new FakeListener();
  const { log, lines } = captureLog();
  const received: string[] = [];
  const supervisor = new ListenerSupervisor({
    listener,
    log,
    clock,
    random: () => 1,
    baseDelayMs: 1000,
    maxDelayMs: 60_000,
    stableMs: 30_000,
    reclaimAfterMs: 30 * 60_000,
    onMessage: (m) => received.push(String(m.data.content)),
    ...options,
  });
  supervisor.start();
  const warnings = () => lines.filter((l) => l.level === WARN).map((l) => l.msg);
  return { clock, listener, supervisor, lines, received, warnings };
}

describe('reconnecting', () => {
  it('starts without zca-js retries and reconnects after a close with a doubling delay, capped', async () => {
    const { clock, listener, supervisor } = setup();
    expect(listener.starts).toEqual([{ retryOnClose: false }]);
    listener.connect();
    expect(supervisor.state).toBe('connected');
    listener.close(CloseReason.AbnormalClosure);
    expect(supervisor.state).toBe('waiting');
    const delays: number[] = [];
    for (let i = 0; i < 9; i++) {
      delays.push(clock.pending()[0]!);
      await clock.advance(clock.pending()[0]!);
      expect(listener.starts).toHaveLength(i + 2);
      listener.close(CloseReason.AbnormalClosure); // the attempt fails at once
    }
    expect(delays).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it('jitters each delay between half and all of it', async () => {
    const low = setup({ random: () => 0 });
    low.listener.close(CloseReason.AbnormalClosure);
    expect(low.clock.pending()).toEqual([500]);
    const high = setup({ random: () => 0.999 });
    high.listener.close(CloseReason.AbnormalClosure);
    expect(high.clock.pending()).toEqual([1000]);
  });

  it('reconnects after an error while connecting, once even if a close follows', async () => {
    const { clock, listener } = setup();
    listener.emit('error', new Error('getaddrinfo ENOTFOUND ws1-msg.chat.zalo.me'));
    listener.close(CloseReason.AbnormalClosure);
    expect(clock.pending()).toEqual([1000]);
    await clock.advance(1000);
    expect(listener.starts).toHaveLength(2);
  });

  it('starts the backoff afresh after a connection that lasted', async () => {
    const { clock, listener } = setup();
    listener.close(CloseReason.AbnormalClosure);
    await clock.advance(1000);
    listener.close(CloseReason.AbnormalClosure);
    expect(clock.pending()).toEqual([2000]);
    await clock.advance(2000);
    listener.connect();
    await clock.advance(60_000);
    listener.close(CloseReason.AbnormalClosure);
    expect(clock.pending()).toEqual([1000]);
  });

  it('warns once per outage, then reports a long outage as an error once', async () => {
    const { clock, listener, lines } = setup({ alarmAfterAttempts: 4 });
    for (let i = 0; i < 6; i++) {
      listener.close(CloseReason.AbnormalClosure);
      await clock.advance(clock.pending()[0]!);
    }
    expect(lines.filter((l) => l.level === WARN && l.msg.includes('reconnecting'))).toHaveLength(1);
    expect(lines.filter((l) => l.level === ERROR && l.msg.includes('still down'))).toHaveLength(1);
    listener.connect();
    expect(lines.some((l) => l.msg.includes('reconnected'))).toBe(true);
  });

  it('restarts a listener that says it is already started', async () => {
    const { clock, listener } = setup();
    listener.emit('error', new Error('handshake failed')); // the socket is left behind
    await clock.advance(1000);
    expect(listener.stops).toBe(1);
    expect(listener.starts).toHaveLength(2);
    listener.emit('closed', CloseReason.ManualClosure, ''); // the old socket closing: ignored
    expect(clock.pending()).toEqual([]);
  });

  it('does nothing more once stopped', async () => {
    const { clock, listener, supervisor } = setup();
    listener.connect();
    supervisor.stop();
    listener.emit('closed', CloseReason.AbnormalClosure, '');
    await clock.advance(3_600_000);
    expect(listener.starts).toHaveLength(1);
    expect(supervisor.state).toBe('stopped');
  });
});

describe('takeover by Zalo Web', () => {
  it.each([
    ['another listener (3000)', CloseReason.DuplicateConnection],
    ['a new login (3003)', CloseReason.KickConnection],
  ])('is logged once as a warning, and reclaimed only after a long wait: %s', async (_name, code) => {
    const { clock, listener, supervisor, warnings, lines } = setup();
    listener.connect();
    listener.close(code);
    expect(supervisor.state).toBe('taken_over');
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatch(/opened elsewhere.*outgoing messages are still sent/);
    expect(clock.pending()).toEqual([30 * 60_000]);
    // Taken over again at each reclaim: no new warning, longer waits.
    for (const wait of [30, 60, 120].map((m) => m * 60_000)) {
      await clock.advance(wait);
      listener.connect();
      listener.close(code);
    }
    expect(clock.pending()).toEqual([240 * 60_000]);
    expect(warnings()).toHaveLength(1);
    await clock.advance(240 * 60_000);
    listener.connect();
    expect(lines.some((l) => l.msg.includes('reclaimed'))).toBe(true);
    expect(supervisor.state).toBe('connected');
  });

  it('can be told never to reclaim', async () => {
    const { clock, listener, supervisor } = setup({ reclaimAfterMs: null });
    listener.close(CloseReason.KickConnection);
    await clock.advance(24 * 3_600_000);
    expect(listener.starts).toHaveLength(1);
    expect(supervisor.state).toBe('taken_over');
  });
});

describe('bad events', () => {
  it('logs a failing message handler and keeps listening', async () => {
    const { listener, lines, supervisor } = setup({ onMessage: () => { throw new Error('boom'); } });
    listener.connect();
    expect(() => listener.emit('message', userMessage('7001', 'tiến độ'))).not.toThrow();
    expect(lines.some((l) => l.level === ERROR && l.msg.includes('event handling failed'))).toBe(true);
    expect(supervisor.state).toBe('connected');
  });

  it('throttles errors on a live connection to one warning a minute, without reconnecting', async () => {
    const { clock, listener, warnings } = setup();
    listener.connect();
    for (let i = 0; i < 50; i++) listener.emit('error', new SyntaxError('Unexpected token'));
    expect(warnings()).toHaveLength(1);
    await clock.advance(61_000);
    listener.emit('error', new SyntaxError('Unexpected token'));
    expect(warnings()).toHaveLength(2);
    expect(listener.starts).toHaveLength(1);
  });

  it('passes messages on', () => {
    const { listener, received } = setup();
    listener.connect();
    listener.emit('message', userMessage('7001', 'quá hạn'));
    expect(received).toEqual(['quá hạn']);
  });
});
