// Which command a chat message is: "/tiendo@DungHanBot xã Bình Sơn", "/start <payload>", and,
// where the channel has no slash menu (Zalo), bare words and Vietnamese phrasings with or
// without diacritics: "tiến độ xã Bình Sơn", "qua han", "hồ sơ 000.00.12.H55-260105-0001".
import { findDossierCode, parseDossierCode } from './dossier-code.ts';
import { fold } from '../../i18n/fold.ts';
import { bare, words } from './normalize.ts';

export const COMMAND_NAMES = ['start', 'dangky', 'tiendo', 'quahan', 'sapden', 'hoso', 'xephang', 'baocao', 'xacnhan', 'trogiup'] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];

export interface ParsedCommand {
  name: CommandName;
  /** The words after the command: NFC, single spaces, trimmed, original case and diacritics. */
  rest: string;
}

export interface ParseCommandOptions {
  /** Our bot's username (with or without '@'): "/cmd@OtherBot" and "@OtherBot …" are then not ours. */
  botUsername?: string;
  /** Also recognise commands typed without the slash. */
  allowBare?: boolean;
}

/** Slash names besides the command names themselves (folded, without '_' and '-'). */
const SLASH_ALIASES = new Map<string, CommandName>([['help', 'trogiup']]);

/** Bare phrasings, folded. Each also matches glued into one word ("tiếnđộ" → "tiendo"). */
const PHRASES: [CommandName, string[]][] = [
  ['start', ['start']],
  ['dangky', ['dang ky', 'dang ki']],
  ['tiendo', ['tien do', 'ty le dung han', 'ti le dung han', 'ty le', 'ti le', 'tinh hinh']],
  ['quahan', ['qua han', 'tre han', 'tre hen', 'ho so qua han', 'ho so tre han', 'ho so tre hen']],
  ['sapden', [
    'sap den', 'sap den han', 'sap het han', 'sap toi han', 'sap qua han', 'gan den han', 'gan het han',
    'ho so sap den han', 'ho so sap het han', 'ho so sap toi han', 'ho so sap qua han',
  ]],
  ['hoso', ['ho so', 'tra cuu', 'tra cuu ho so', 'tra ho so', 'tim ho so', 'ma ho so', 'kiem tra ho so', 'xem ho so']],
  ['xephang', ['xep hang', 'bang xep hang', 'bxh']],
  ['baocao', ['bao cao']],
  ['xacnhan', ['xac nhan']],
  ['trogiup', ['tro giup', 'giup', 'help', 'huong dan', 'hdsd', 'menu']],
];

/** Words that may precede a bare command: "xem tiến độ", "danh sách quá hạn". */
const LEADS = ['xem', 'cho xem', 'danh sach', 'ds', 'liet ke'].map((p) => p.split(' '));

const PHRASE_LIST: { name: CommandName; words: string[] }[] = PHRASES.flatMap(([name, list]) =>
  list.flatMap((p) => {
    const ws = p.split(' ');
    return ws.length > 1 ? [{ name, words: ws }, { name, words: [ws.join('')] }] : [{ name, words: ws }];
  }),
);

/**
 * After a bare phrase, a word like these starts a sentence, not an argument ("báo cáo anh, …",
 * "quá hạn rồi"). Compared with diacritics (NFC, lower case) so place names that fold alike
 * ("Đặng Thùy Trâm", "Bà Rịa") are not caught; the folded list holds only unambiguous ones.
 */
const CHAT_WORDS = new Set([
  'anh', 'chị', 'em', 'sếp', 'ạ', 'dạ', 'nhé', 'nha', 'nhá', 'với', 'rồi', 'gì', 'sao', 'thế', 'không', 'chưa', 'ơi',
  'vậy', 'nhỉ', 'hả', 'là', 'bị', 'đã', 'đang', 'sẽ', 'được', 'xong', 'luôn', 'thì', 'mà', 'cũng', 'có', 'như', 'nào',
  'tôi', 'mình', 'bạn', 'đ/c', 'đc',
]);
const CHAT_WORDS_FOLDED = new Set(['em', 'sep', 'nhe', 'roi', 'gi', 'khong', 'ko', 'chua', 'oi', 'vay', 'nhi', 'duoc', 'xong', 'luon', 'toi']);

/** The command in a message, or null if it is not one (or is addressed to another bot). */
export function parseCommand(text: string, opts: ParseCommandOptions = {}): ParsedCommand | null {
  const ws = words(text);
  const first = ws[0];
  if (first === undefined) return null;
  const ours = opts.botUsername?.replace(/^@/, '').toLowerCase();

  if (first.startsWith('/')) return parseSlash(ws, ours);

  // "@DungHanBot tiến độ": a mention of our bot makes the rest a command, slash or not.
  if (first.startsWith('@') && first.length > 1) {
    if (ours === undefined || first.slice(1).replace(/[,:]$/, '').toLowerCase() !== ours) return null;
    const after = ws.slice(1);
    return after[0]?.startsWith('/') ? parseSlash(after, ours) : parseBare(after);
  }

  return opts.allowBare ? parseBare(ws) : null;
}

function parseSlash(ws: string[], ours: string | undefined): ParsedCommand | null {
  const [head = '', ...tail] = ws;
  const at = head.indexOf('@');
  const word = at < 0 ? head.slice(1) : head.slice(1, at);
  if (at >= 0 && ours !== undefined && head.slice(at + 1).toLowerCase() !== ours) return null;
  const key = fold(word).replace(/[_-]/g, '');
  const name = (COMMAND_NAMES as readonly string[]).includes(key) ? (key as CommandName) : SLASH_ALIASES.get(key);
  if (name) return { name, rest: restOf(tail) };
  // "/tiến độ xã Bình Sơn", "/quá hạn": a phrase behind the slash.
  if (at >= 0 || word === '') return null;
  return parseBare([word, ...tail]);
}

function parseBare(ws: string[]): ParsedCommand | null {
  if (ws.length === 0) return null;
  const folded = ws.map(foldWord);
  if (ws.length === 1 && /^[?？]+$/u.test(ws[0]!)) return { name: 'trogiup', rest: '' };
  // A dossier code on its own is a lookup.
  if (ws.length <= 5 && parseDossierCode(ws.join(' '))) return { name: 'hoso', rest: restOf(ws) };

  const found = longestPhrase(folded, 0, 0);
  if (!found) return null;
  const rest = restOf(ws.slice(found.end));
  return accepts(found.name, rest === '' ? [] : rest.split(' ')) ? { name: found.name, rest } : null;
}

function foldWord(w: string): string {
  return fold(bare(w)).replace(/\.+$/, '');
}

/** The phrase that consumes the most words from `i`, after up to two leading words. */
function longestPhrase(folded: string[], i: number, leads: number): { name: CommandName; end: number } | null {
  let best: { name: CommandName; end: number } | null = null;
  for (const p of PHRASE_LIST) {
    if (startsWith(folded, i, p.words) && (!best || i + p.words.length > best.end)) best = { name: p.name, end: i + p.words.length };
  }
  if (leads < 2) {
    for (const lead of LEADS) {
      if (!startsWith(folded, i, lead)) continue;
      const after = longestPhrase(folded, i + lead.length, leads + 1);
      if (after && (!best || after.end > best.end)) best = after;
    }
  }
  // "hồ sơ quá hạn": a longer phrase may follow "hồ sơ".
  if (best?.name === 'hoso') {
    const after = longestPhrase(folded, best.end, 2);
    if (after && after.name !== 'hoso') best = after;
  }
  return best;
}

function startsWith(folded: string[], i: number, phrase: string[]): boolean {
  return phrase.every((w, k) => folded[i + k] === w);
}

/** Whether the words after a bare phrase look like the command's arguments rather than chat. */
function accepts(name: CommandName, rest: string[]): boolean {
  const head = rest[0];
  if (head === undefined || name === 'trogiup' || name === 'start') return true;
  switch (name) {
    case 'hoso':
    case 'xacnhan':
      // A code, or a number that may start one: "hồ sơ của tôi", "xác nhận anh nhé" are chat.
      return findDossierCode(rest.join(' ')) !== null || /\d/.test(head);
    case 'dangky': {
      // One invitation-code-like word: "đăng ký ABCD-1234", not "đăng ký kết hôn".
      const code = bare(head);
      return rest.length === 1 && /^[A-Za-z0-9][A-Za-z0-9_-]{3,}$/.test(code) && (/\d/.test(code) || code === code.toUpperCase());
    }
    default: {
      const w = bare(head).toLowerCase();
      return w !== '' && !CHAT_WORDS.has(w) && !CHAT_WORDS_FOLDED.has(w);
    }
  }
}

function restOf(ws: string[]): string {
  return ws.join(' ').replace(/^[\s,.:;!?…-]+/u, '');
}
