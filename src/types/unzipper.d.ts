// Types for the part of unzipper (the zip reader exceljs streams workbooks with) that
// src/ingest/xlsx-guard.ts uses: the streaming parser, one entry at a time.
declare module 'unzipper' {
  import type { Duplex, PassThrough } from 'node:stream';

  export interface Entry extends PassThrough {
    /** The entry's name in the archive, e.g. "xl/sharedStrings.xml". */
    path: string;
    type: 'File' | 'Directory';
    /** Reads the entry to its end, discarding it. */
    autodrain(): PassThrough;
  }

  /** With forceStream, a stream of Entry objects, in the order of the archive's local headers. */
  export function Parse(opts?: { forceStream?: boolean }): Duplex;
}
