// Replies to people (not the outbox) wait out a 429's retry_after and retry a 5xx, briefly: a
// person is waiting, and updates are handled one after another. getUpdates is left to grammY's
// own polling loop, which already backs off.
import { autoRetry } from '@grammyjs/auto-retry';
import type { Transformer } from 'grammy';

export function retryReplies(): Transformer {
  const retry = autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 10, rethrowHttpErrors: true });
  return (prev, method, payload, signal) => (method === 'getUpdates' ? prev(method, payload, signal) : retry(prev, method, payload, signal));
}
