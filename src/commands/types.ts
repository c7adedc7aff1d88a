// The channel-free command layer: text (or a button) in, replies out. Telegram, Zalo and the
// console are thin adapters around it; nothing here knows about them.
import type { WorkCalendar } from '../calendar/calendar.ts';
import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { Logger } from '../log.ts';
import type { RateReports } from '../rates/rates.ts';
import type { PerUnit } from '../rates/sources.ts';
import type { ChannelName } from '../org/codes.ts';
import type { GroupView } from './group.ts';
import type { Scope, Viewer } from '../org/scope.ts';
import type { UnitTree } from '../org/tree.ts';

/** Who wrote, from where. */
export interface Asker {
  channel: ChannelName;
  /** The person's account id on the channel (Telegram user id, Zalo user id). */
  externalId: string;
  displayName?: string;
  /** A private chat, or a group (its chat id on the channel; what it may see is the command layer's: group.ts). */
  chat: { kind: 'private' } | { kind: 'group'; id: string };
}

/** A button under a reply: `data` comes back through handleCallback. */
export interface Button {
  text: string;
  data: string;
}

export interface Reply {
  text: string;
  /** Rows of buttons (channels without buttons show them as numbered choices). */
  buttons?: Button[][];
  image?: { png: Buffer; caption?: string };
}

/** What a command may use: the database and configuration, shared across requests. */
export interface Services {
  database: Database;
  config: Config;
  log: Logger;
  /** Rates of past periods, shared by all requests until the data change. */
  ratesCache: Map<string, PerUnit>;
}

/** One request: the services plus a snapshot of the organisation and the clock. */
export interface RequestContext extends Services {
  now: Date;
  asker: Asker;
  tree: UnitTree;
  calendar: WorkCalendar;
  rates: RateReports;
  /** Null for a stranger (no linked account). */
  viewer: Viewer | null;
  /** What the viewer may see here: null for a stranger, or in a group whose units are all outside their scope. */
  scope: Scope | null;
  /** The group asked in (null in a private chat). */
  group: GroupView | null;
}

/** A registered official's context, for handlers that need one. */
export type OfficialContext = RequestContext & { viewer: Viewer; scope: Scope };
