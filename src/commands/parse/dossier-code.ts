// Dossier codes: an agency prefix, the receipt date yyMMdd and a sequence number, e.g.
// 000.00.12.H55-260105-0001 (provincial system) or G22.123.45.67-260105-000123 (central
// platform). Case-insensitive, spaces around the hyphens and typographic dashes tolerated.

const CODE_SRC = String.raw`(?<![\p{L}\p{N}.])([A-Z0-9]+(?:\.[A-Z0-9]+)*) ?- ?(\d{2})(\d{2})(\d{2}) ?- ?(\d{3,6})(?![\p{L}\p{N}])`;
const FIND = new RegExp(CODE_SRC, 'iu');
const EDGES = /^[\s"'“”‘’«»()[\]{}<>,;:!?.]+|[\s"'“”‘’«»()[\]{}<>,;:!?.]+$/gu;

/** Full-width forms folded, dashes unified, single spaces. */
function prepare(text: string): string {
  return text.normalize('NFKC').replace(/\p{Cf}/gu, '').replace(/[‐‑‒–—―−]/gu, '-').replace(/\s+/gu, ' ');
}

export interface FoundDossierCode {
  /** Canonical: upper case, no spaces. */
  code: string;
  /** The text before and after the code (prepared: NFKC, single spaces), trimmed. */
  before: string;
  after: string;
}

/** The first dossier code inside a text. */
export function findDossierCode(text: string): FoundDossierCode | null {
  const s = prepare(text);
  const m = FIND.exec(s);
  if (!m) return null;
  const [, prefix, , mm, dd, seq] = m as unknown as [string, string, string, string, string, string];
  // yyMMdd: a plausible month and day, without a calendar check.
  if (+mm < 1 || +mm > 12 || +dd < 1 || +dd > 31) return null;
  const code = `${prefix.toUpperCase()}-${m[2]}${mm}${dd}-${seq}`;
  return { code, before: s.slice(0, m.index).trim(), after: s.slice(m.index + m[0].length).trim() };
}

/** The canonical code when the whole text (quotes and punctuation aside) is one dossier code. */
export function parseDossierCode(text: string): string | null {
  const found = findDossierCode(text);
  if (!found) return null;
  return found.before.replace(EDGES, '') === '' && found.after.replace(EDGES, '') === '' ? found.code : null;
}
