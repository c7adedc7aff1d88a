// telegram-test-api on 127.0.0.1 at a free port. The package is CommonJS whose module.exports is
// the server class itself.
import { createServer } from 'node:net';
import * as tta from 'telegram-test-api';
import type { TelegramServer } from 'telegram-test-api/lib/telegramServer.js';

type ServerClass = typeof TelegramServer;
const mod = tta as unknown as { default: ServerClass | { default: ServerClass } };
const Server: ServerClass = 'default' in mod.default ? mod.default.default : mod.default;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export async function startEmulator(): Promise<{ server: TelegramServer; url: string; close(): Promise<void> }> {
  const port = await freePort();
  const server = new Server({ port, host: '127.0.0.1', storeTimeout: 600 });
  await server.start();
  return { server, url: server.config.apiURL, close: async () => void (await server.stop()) };
}
