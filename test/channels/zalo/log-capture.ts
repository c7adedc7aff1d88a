// A JSON logger whose lines a test can read.
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../../src/log.ts';

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export function captureLog(): { log: Logger; lines: LogLine[]; text: () => string } {
  const lines: LogLine[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as LogLine);
      }
      done();
    },
  });
  return { log: createLogger({ LOG_LEVEL: 'debug', LOG_PRETTY: '0' }, stream), lines, text: () => raw.join('\n') };
}

export const WARN = 40;
export const ERROR = 50;
