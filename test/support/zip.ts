// A minimal zip writer for hostile workbooks (the importer's tests and bench/hostile-import.ts):
// each part is given as a sequence of chunks and deflated as it comes, so that a part which
// inflates to gigabytes is built in a few megabytes of memory. Sizes are written in the local
// headers (no data descriptors); parts must stay under 4 GiB (no ZIP64).
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import { crc32, createDeflateRaw } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** The part's content, in pieces (a generator may repeat one piece millions of times). */
  chunks: Iterable<string | Buffer>;
}

interface Deflated {
  name: Buffer;
  data: Buffer;
  crc: number;
  size: number;
}

async function deflate(part: ZipPart): Promise<Deflated> {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (d: Buffer) => out.push(d));
  const ended = once(z, 'end');
  let crc = 0;
  let size = 0;
  for (const c of part.chunks) {
    const b = typeof c === 'string' ? Buffer.from(c) : c;
    crc = crc32(b, crc);
    size += b.length;
    if (size >= 2 ** 32) throw new Error(`${part.name}: 4 GiB or more needs ZIP64`);
    if (!z.write(b)) await once(z, 'drain');
  }
  z.end();
  await ended;
  return { name: Buffer.from(part.name), data: Buffer.concat(out), crc, size };
}

/** Writes the parts as a zip file; returns its size in bytes. */
export async function writeZip(path: string, parts: ZipPart[]): Promise<number> {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const d = await deflate(part);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt32LE(d.crc >>> 0, 14);
    header.writeUInt32LE(d.data.length, 18);
    header.writeUInt32LE(d.size, 22);
    header.writeUInt16LE(d.name.length, 26);
    local.push(header, d.name, d.data);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(d.crc >>> 0, 16);
    entry.writeUInt32LE(d.data.length, 20);
    entry.writeUInt32LE(d.size, 24);
    entry.writeUInt16LE(d.name.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, d.name);
    offset += header.length + d.name.length + d.data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  const file = Buffer.concat([...local, dir, end]);
  await writeFile(path, file);
  return file.length;
}

/** `times` repetitions of `piece`, in chunks of about 1 MB. */
export function* repeat(piece: string, times: number): Generator<Buffer> {
  const perChunk = Math.max(1, Math.floor((1 << 20) / Buffer.byteLength(piece)));
  const chunk = Buffer.from(piece.repeat(perChunk));
  let left = times;
  for (; left >= perChunk; left -= perChunk) yield chunk;
  if (left > 0) yield Buffer.from(piece.repeat(left));
}

function* around(head: string, body: Iterable<string | Buffer>, tail: string): Generator<string | Buffer> {
  yield head;
  yield* body;
  yield tail;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A cell: a number, a shared string (`{ s: index }`) or an inline string. */
export type XCell = number | { s: number } | string;

/** Rows of a worksheet as <sheetData> XML (row numbers from 1). */
export function sheetRows(rows: XCell[][]): string {
  const col = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : col(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));
  const esc = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
  return rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((c, i) => {
      const ref = `${col(i)}${r + 1}`;
      if (typeof c === 'number') return `<c r="${ref}"><v>${c}</v></c>`;
      if (typeof c === 'string') return `<c r="${ref}" t="inlineStr"><is><t>${esc(c)}</t></is></c>`;
      return `<c r="${ref}" t="s"><v>${c.s}</v></c>`;
    }).join('')}</row>`)
    .join('');
}

/**
 * The parts of a one-sheet workbook as Excel lays them out, with the shared strings before the
 * sheet (exceljs then reads the table first). `sheet` and `strings` are the bodies of
 * <sheetData> and <sst>, as chunks.
 */
export function workbookParts(sheet: Iterable<string | Buffer>, strings: Iterable<string | Buffer>): ZipPart[] {
  const TYPES = 'http://schemas.openxmlformats.org/package/2006/content-types';
  const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const OFFICE = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
  const types = [
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`,
    `<Default Extension="xml" ContentType="application/xml"/>`,
    `<Override PartName="/xl/workbook.xml" ContentType="${OFFICE}.sheet.main+xml"/>`,
    `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${OFFICE}.worksheet+xml"/>`,
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${OFFICE}.sharedStrings+xml"/>`,
  ];
  const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
  const sheetEntry = '<sheet name="Hồ sơ" sheetId="1" r:id="rId1"/>';
  const bookRels = `${rel('rId1', 'worksheet', 'worksheets/sheet1.xml')}${rel('rId2', 'sharedStrings', 'sharedStrings.xml')}`;
  return [
    { name: '[Content_Types].xml', chunks: [`${XML}<Types xmlns="${TYPES}">${types.join('')}</Types>`] },
    { name: '_rels/.rels', chunks: [`${XML}<Relationships xmlns="${RELS}">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`] },
    { name: 'xl/workbook.xml', chunks: [`${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${sheetEntry}</sheets></workbook>`] },
    { name: 'xl/_rels/workbook.xml.rels', chunks: [`${XML}<Relationships xmlns="${RELS}">${bookRels}</Relationships>`] },
    { name: 'xl/sharedStrings.xml', chunks: around(`${XML}<sst xmlns="${MAIN}">`, strings, '</sst>') },
    { name: 'xl/worksheets/sheet1.xml', chunks: around(`${XML}<worksheet xmlns="${MAIN}"><sheetData>`, sheet, '</sheetData></worksheet>') },
  ];
}
