// What a group chat may ask and see, for every channel at once. A group gets counts (/tiendo,
// /quahan, /sapden) for its unit's subtree — the asker's scope when it has no unit — and the
// public peer rankings (/xephang, the rank line); /hoso, /xacnhan, dossier lists and dossier
// buttons only where an admin allowed detail, and within its unit too; /baocao only in private.
// A group's unit: the one set on it (`telegram groups add --unit`), else the units of the digests
// it receives (`digest targets add --group … --unit`); whoever asks, nothing outside it is shown.
import type { Db } from '../db/client.ts';
import { t } from '../i18n/translate.ts';
import type { UnitTree } from '../org/tree.ts';
import type { CommandName } from './parse/command.ts';
import type { Asker, GroupView } from './types.ts';
import type { Message } from '../core/message.ts';

/** Commands answered in every group (counts and rankings); also the Telegram group menu. */
export const GROUP_COMMANDS: readonly CommandName[] = ['tiendo', 'quahan', 'sapden', 'xephang', 'trogiup'];
/** Commands answered only in groups allowed detail. */
export const DETAIL_COMMANDS: readonly CommandName[] = ['hoso', 'xacnhan'];
/** Button prefixes answered in every group (lists show counts there unless detail is allowed). */
const GROUP_BUTTONS = new Set(['td', 'qh', 'sd', 'xh']);
/** Button prefixes about one dossier: only in groups allowed detail. */
const DETAIL_BUTTONS = new Set(['ack', 'xl', 'hen', 'sn']);

/** The group a request comes from, read from its ChatGroup row (and the digests it receives); null in a private chat. */
export async function loadGroupView(db: Db, asker: Asker, tree: UnitTree): Promise<GroupView | null> {
  if (asker.chat.kind !== 'group') return null;
  const row = await db.chatGroup.findUnique({
    where: { channel_externalId: { channel: asker.channel, externalId: asker.chat.id } },
    select: { active: true, detailAllowed: true, unitId: true, digestTargets: { select: { unitId: true } } },
  });
  if (!row) return { detail: false, units: null };
  const detail = row.active && row.detailAllowed;
  if (row.unitId !== null) return { detail, units: [row.unitId].filter((id) => tree.byId.has(id)) };
  const targets = row.digestTargets.map((d) => d.unitId);
  // A digest of the root (no unit) covers everything: the group is then not bound by its digests.
  if (targets.length === 0 || targets.includes(null)) return { detail, units: null };
  return { detail, units: [...new Set(targets)].filter((id): id is number => id !== null && tree.byId.has(id)) };
}

/** Whether a typed command is answered in this group. */
export function allowedInGroup(group: GroupView, name: CommandName): boolean {
  return GROUP_COMMANDS.includes(name) || (group.detail && DETAIL_COMMANDS.includes(name));
}

/** Why a typed command is not answered in this group, or null when it is. */
export function refuseCommand(group: GroupView, name: CommandName): Message | null {
  if (allowedInGroup(group, name)) return null;
  const command = `/${name}`;
  return { text: t(DETAIL_COMMANDS.includes(name) ? 'chat-group-no-detail-command' : 'chat-group-private-only', { command }) };
}

/** Why a button (of a known kind) is not answered in this group, or null when it is. */
export function refuseButton(group: GroupView, prefix: string): Message | null {
  if (GROUP_BUTTONS.has(prefix) || (group.detail && DETAIL_BUTTONS.has(prefix))) return null;
  return { text: t('chat-group-button-refused') };
}
