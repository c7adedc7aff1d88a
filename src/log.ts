// pino: JSON lines by default; readable when LOG_PRETTY=1 or stdout is a terminal.
// Secrets are redacted wherever they appear in a logged object.
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** LOG_LEVEL and LOG_PRETTY, as config.ts parses them. */
export interface LogSettings {
  LOG_LEVEL: (typeof LOG_LEVELS)[number];
  LOG_PRETTY: 'auto' | '0' | '1';
}

const REDACT_PATHS = [
  'token', '*.token', 'botToken', '*.botToken', 'secret', '*.secret', 'password', '*.password',
  'cookie', '*.cookie', 'imei', '*.imei', 'credentials', '*.credentials',
  'authorization', '*.authorization', 'headers.authorization', '*.headers.authorization',
];

export function createLogger(config: LogSettings, stream: NodeJS.WritableStream = process.stdout): Logger {
  const options = { level: config.LOG_LEVEL, redact: { paths: REDACT_PATHS, censor: '[ẩn]' } };
  const isTty = (stream as NodeJS.WriteStream).isTTY === true;
  const wantPretty = config.LOG_PRETTY === '1' || (config.LOG_PRETTY === 'auto' && isTty);
  if (!wantPretty) return pino(options, stream);
  return pino(options, pretty({ destination: stream, colorize: isTty, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', sync: true }));
}
