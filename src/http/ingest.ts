// POST /api/v1/dossiers: a source system pushes a JSON array of dossiers in the canonical format
// (DVCQG names, UTF-8), with its bearer token. All or nothing: any invalid item → 400 listing each item
// index and field, and nothing is written; otherwise the same upsert as the import, in one
// transaction, so a retried request changes nothing the second time.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseHm, type Period } from '../calendar/hours.ts';
import { loadCalendar } from '../calendar/load.ts';
import type { Clock } from '../core/clock.ts';
import type { Database } from '../db/client.ts';
import { t } from '../i18n/translate.ts';
import { Catalog } from '../ingest/catalog.ts';
import { SUPPLEMENT_FIELDS } from '../ingest/fields.ts';
import { parseRecord, recordSchema, type FieldIssue } from '../ingest/record.ts';
import { isUniqueViolation, saveRecords, type Candidate, type Problem, type SaveOutcome } from '../ingest/save.ts';
import { verifyToken } from '../ingest/tokens.ts';
import { decodeUtf8 } from '../ingest/values.ts';
import type { Logger } from '../log.ts';
import { BodyTooLarge, readBody, refuseAndClose, sendJson } from './respond.ts';
import type { Handler } from '../core/routes.ts';

/** Problems listed in a 400 answer (the count is always exact). */
const MAX_LISTED = 1_000;

export interface IngestApiOptions {
  database: Database;
  log: Logger;
  clock: Clock;
  maxBodyBytes: number;
  workingHours: readonly Period[];
}

interface ItemError {
  index: number;
  field: string | null;
  value?: string;
  reason: string;
}

function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization;
  const m = typeof h === 'string' ? /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(h) : null;
  return m ? m[1]! : null;
}

function invalid(res: ServerResponse, errors: ItemError[]): void {
  sendJson(res, 400, { error: 'invalid', message: t('api-invalid', { count: String(errors.length) }), errorCount: errors.length, errors: errors.slice(0, MAX_LISTED) });
}

export function ingestHandler(o: IngestApiOptions): Handler {
  return async (req, res, ctx) => {
    const token = await verifyToken(o.database.db, bearer(req), ctx.now);
    if (token.kind === 'invalid') return refuseAndClose(res, 401, { error: 'unauthorized', message: t('api-unauthorized') }, { 'www-authenticate': 'Bearer' });
    if (token.kind === 'revoked') return refuseAndClose(res, 403, { error: 'revoked', message: t('api-revoked') });
    const type = req.headers['content-type'];
    if (type !== undefined && !/\bjson\b/i.test(type)) return refuseAndClose(res, 415, { error: 'unsupported_media_type', message: t('api-bad-content-type') });

    let body: Buffer;
    try {
      body = await readBody(req, o.maxBodyBytes);
    } catch (e) {
      if (e instanceof BodyTooLarge) return refuseAndClose(res, 413, { error: 'too_large', message: t('api-too-large', { max: String(o.maxBodyBytes) }) });
      throw e;
    }
    // A refused call is recorded too (a failed run), so a source pushing bad data shows.
    const failedRun = (rejected: number) =>
      o.database.db.ingestRun.create({
        data: { source: token.source, kind: 'api', startedAt: ctx.now, finishedAt: o.clock.now(), status: 'failed', rejected },
      });
    // A byte that is not UTF-8 becomes U+FFFD, which every field refuses (naming item and field);
    // if it sits where no field looks (a key, an unknown field), the whole body is refused.
    const { text: json, invalidAt } = decodeUtf8(body);
    const badEncoding = async () => {
      await failedRun(0);
      sendJson(res, 400, { error: 'bad_encoding', message: t('api-bad-encoding', { offset: String(invalidAt) }) });
    };
    let items: unknown;
    try {
      items = JSON.parse(json);
    } catch {
      if (invalidAt !== null) return badEncoding();
      await failedRun(0);
      return sendJson(res, 400, { error: 'bad_json', message: t('api-bad-json') });
    }
    if (!Array.isArray(items)) {
      await failedRun(0);
      return sendJson(res, 400, { error: 'not_array', message: t('api-not-array') });
    }

    const now = ctx.now;
    const lastPeriod = o.workingHours.at(-1);
    const schema = recordSchema({ now, dueDateOnlyMinutes: lastPeriod ? parseHm(lastPeriod.end) : 17 * 60 });
    const errors: ItemError[] = [];
    const candidates: Candidate[] = [];
    const first = new Map<string, number>();
    items.forEach((item, index) => {
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        errors.push({ index, field: null, reason: t('api-item-not-object') });
        return;
      }
      const parsed = parseRecord(schema, item as Record<string, unknown>);
      if ('issues' in parsed) {
        for (const i of parsed.issues) errors.push(itemError(index, i));
        return;
      }
      const seen = first.get(parsed.record.code);
      if (seen !== undefined) {
        errors.push({ index, field: 'MaHoSo', value: parsed.record.code, reason: t('api-duplicate-code', { index: String(seen) }) });
        return;
      }
      first.set(parsed.record.code, index);
      // An item without any supplement key says nothing about supplements: stored ones stay.
      const given = SUPPLEMENT_FIELDS.some((f) => f in (item as Record<string, unknown>));
      candidates.push({ ref: index, record: parsed.record, supplementsGiven: given });
    });
    if (errors.length > 0) {
      await failedRun(new Set(errors.map((e) => e.index)).size);
      return invalid(res, errors);
    }
    if (invalidAt !== null) return badEncoding();

    const calendar = await loadCalendar(o.database.db, o.workingHours);
    const save = async (): Promise<SaveOutcome> =>
      saveRecords(o.database, candidates, {
        catalog: await Catalog.load(o.database.db), calendar, now, source: `api:${token.source}`,
        createMissing: false, hasSupplementColumns: true, allOrNothing: true,
        beforeCommit: async (tx, out) => {
          await tx.ingestRun.create({
            data: {
              source: token.source, kind: 'api', startedAt: now, finishedAt: o.clock.now(), status: 'succeeded',
              inserted: out.inserted, updated: out.updated, unchanged: out.unchanged,
            },
          });
        },
      });
    let outcome: SaveOutcome;
    try {
      if (candidates.length === 0) {
        // An empty array is a heartbeat: nothing to write, but the source is alive.
        outcome = { inserted: 0, updated: 0, unchanged: 0, rejected: [], warnings: [], createdUnits: [], createdProcedures: [] };
        await o.database.db.ingestRun.create({ data: { source: token.source, kind: 'api', startedAt: now, finishedAt: o.clock.now(), status: 'succeeded' } });
      } else outcome = await save();
    } catch (e) {
      // Another request wrote the same new dossier meanwhile (a retry racing the original): once more.
      try {
        if (!isUniqueViolation(e)) throw e;
        outcome = await save();
      } catch (failure) {
        // Answered 500 by the server; recorded as a failed run so that a failing source shows.
        await failedRun(0).catch(() => {});
        throw failure;
      }
    }
    if (outcome.rejected.length > 0) {
      await failedRun(new Set(outcome.rejected.map((p) => p.ref)).size);
      return invalid(res, outcome.rejected.map(problemError));
    }
    o.log.info({ source: token.source, items: items.length, inserted: outcome.inserted, updated: outcome.updated, unchanged: outcome.unchanged }, 'ingest api');
    sendJson(res, 200, {
      inserted: outcome.inserted,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      warnings: outcome.warnings.slice(0, MAX_LISTED).map(problemError),
    });
  };
}

function itemError(index: number, i: FieldIssue): ItemError {
  return { index, field: i.field, value: i.value, reason: i.reason };
}

function problemError(p: Problem): ItemError {
  return { index: p.ref, field: p.field, value: p.value, reason: p.reason };
}
