// Argument parsing shared by the subcommands (node:util parseArgs, strict).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { t } from '../i18n/translate.ts';
import { UsageError } from './context.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parse<O extends Options>(args: string[], options: O, usage: string) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    const { code, message } = e as { code?: string; message: string };
    const option = /'(-[^' ]*)/.exec(message)?.[1] ?? '';
    const id = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 'cli-unknown-option'
      : code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' ? 'cli-option-needs-value'
      : 'cli-bad-arguments';
    throw new UsageError(`${t(id, { option, detail: message })}\n${usage}`);
  }
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * An instant from ISO 8601. Without an offset the time is read in Asia/Ho_Chi_Minh, and a bare
 * date means its local midnight.
 */
export function parseInstant(value: string, flag: string): Date {
  const m = ISO.exec(value.trim());
  if (m) {
    const [, y, mo, d, hh = '00', mi = '00', ss = '00', zone] = m;
    const offset = zone ?? '+07:00';
    const iso = `${y}-${mo}-${d}T${hh}:${mi}:${ss}${offset === 'Z' ? 'Z' : offset.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`;
    const date = new Date(iso);
    if (!Number.isNaN(date.getTime()) && date.toISOString().slice(0, 4) === iso.slice(0, 4) && validDay(+y!, +mo!, +d!) && +hh < 24 && +mi < 60 && +ss < 60) return date;
  }
  throw new UsageError(t('cli-bad-instant', { flag, value }));
}

function validDay(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

export function parseInteger(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(t('cli-bad-integer', { flag, value, min, max }));
  return n;
}
