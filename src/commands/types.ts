// The request types of the channel-free command layer: text (or a button) in, messages out.
// Telegram, Zalo and the console are thin adapters around it; nothing here knows about them.
import type { WorkCalendar } from '../calendar/calendar.ts';
import type { Services } from '../core/services.ts';
import type { ChannelName } from '../org/codes.ts';
import type { Scope, Viewer } from '../org/scope.ts';
import type { UnitTree } from '../org/tree.ts';
import type { RateReports } from '../rates/rates.ts';

/** Who wrote, from where. */
export interface Asker {
  channel: ChannelName;
  /** The person's account id on the channel (Telegram user id, Zalo user id). */
  externalId: string;
  displayName?: string;
  /** A private chat, or a group (its chat id on the channel; what it may see is the command layer's: group.ts). */
  chat: { kind: 'private' } | { kind: 'group'; id: string };
}

/** What a group chat may be shown (read by group.ts from its ChatGroup row). */
export interface GroupView {
  /** Dossier-level detail allowed (an active, registered group an admin configured so). */
  detail: boolean;
  /** The units whose subtrees bound what the group is shown, or null when it has none. */
  units: number[] | null;
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
