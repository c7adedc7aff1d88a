// The mapping file for exports whose headers or words dunghan does not know (JSON):
//   { "columns":  { "<header in the file>": "<canonical field>", … },
//     "statuses": { "<status word in the file>": <TrangThaiHoSo 1–10>, … },
//     "channels": { "<channel word in the file>": <KenhThucHien 1–3>, … },
//     "sheet":    "<worksheet name>" or <1-based index> }
// Every key is optional; headers and words are compared folded, as the built-in ones are.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { CANONICAL_FIELDS, headerKey, type CanonicalField } from './fields.ts';
import { words } from './values.ts';

const schema = z.strictObject({
  columns: z.record(z.string().min(1), z.enum(CANONICAL_FIELDS)).optional(),
  statuses: z.record(z.string().min(1), z.number().int().min(1).max(10)).optional(),
  channels: z.record(z.string().min(1), z.number().int().min(1).max(3)).optional(),
  sheet: z.union([z.string().min(1), z.number().int().min(1)]).optional(),
});

export interface Mapping {
  columns: Map<string, CanonicalField>;
  statuses: Map<string, number>;
  channels: Map<string, number>;
  sheet: string | number | null;
}

export const EMPTY_MAPPING: Mapping = { columns: new Map(), statuses: new Map(), channels: new Map(), sheet: null };

export class MappingError extends Error {
  constructor(readonly path: string, readonly detail: string) {
    super(detail);
  }
}

/** Validates a parsed mapping; the error names the first bad key. */
function toMapping(json: unknown): Mapping {
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MappingError(issue.path.map(String).join('.'), issue.message);
  }
  const m = parsed.data;
  return {
    columns: new Map(Object.entries(m.columns ?? {}).map(([header, field]) => [headerKey(header), field])),
    statuses: new Map(Object.entries(m.statuses ?? {}).map(([w, n]) => [words(w), n])),
    channels: new Map(Object.entries(m.channels ?? {}).map(([w, n]) => [words(w), n])),
    sheet: m.sheet ?? null,
  };
}

export function loadMapping(file: string): Mapping {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new MappingError('', (e as Error).message);
  }
  return toMapping(json);
}
