// /start [mã mời], /dangky <mã mời>, /trogiup: registration and help, open to strangers.
// Help lists the commands usable where it is asked: all of them in a private chat (where the
// slash is optional), in a group only those the group may use, with the slash (Telegram needs it).
import { redeemInvite } from '../../org/invites.ts';
import { t } from '../../i18n/translate.ts';
import { allowedInGroup } from '../group.ts';
import type { CommandName } from '../parse/command.ts';
import type { RequestContext } from '../types.ts';
import type { Message } from '../../core/message.ts';

/** The commands help describes, in its order. */
const HELP: readonly CommandName[] = ['tiendo', 'quahan', 'sapden', 'hoso', 'xacnhan', 'xephang', 'baocao', 'trogiup'];
/** Lists that show counts per unit in a group without detail. */
const COUNTS_IN_GROUPS: readonly CommandName[] = ['quahan', 'sapden'];

export async function start(ctx: RequestContext, rest: string): Promise<Message> {
  // t.me/<bot>?start=<code> arrives as "/start <code>".
  if (rest.trim() !== '') return dangky(ctx, rest);
  if (!ctx.viewer) return { text: t('start-welcome-stranger') };
  return { text: t('start-welcome', { name: ctx.viewer.fullName, title: ctx.viewer.title }) };
}

export async function dangky(ctx: RequestContext, rest: string): Promise<Message> {
  const code = rest.trim().split(/\s+/)[0] ?? '';
  if (code === '') return { text: t('dangky-usage') };
  const { db } = ctx.database;
  const r = await redeemInvite(db, code, { channel: ctx.asker.channel, externalId: ctx.asker.externalId, displayName: ctx.asker.displayName }, ctx.now);
  if (r.kind === 'linked' || r.kind === 'already') {
    const o = await db.official.findUniqueOrThrow({ where: { id: r.officialId } });
    return { text: t(r.kind === 'linked' ? 'dangky-linked' : 'dangky-already', { name: o.fullName, title: o.title }) };
  }
  return { text: t(`dangky-${r.kind.replaceAll('_', '-')}`) };
}

export async function trogiup(ctx: RequestContext): Promise<Message> {
  if (!ctx.viewer) return { text: t('help-stranger') };
  const scope = ctx.scope;
  const units = scope ? scope.units.filter((u) => ctx.tree.ancestors(u.id).every((a) => !scope.unitIds.has(a.id))).map((u) => u.name).join(', ') : '';
  const group = ctx.group;
  if (!group) return { text: [t('help-private-title'), ...HELP.map((c) => t(`help-${c}`)), t('help-periods'), t('help-units', { units })].join('\n') };
  const line = (c: CommandName) => t(!group.detail && COUNTS_IN_GROUPS.includes(c) ? `help-${c}-counts` : `help-${c}`);
  return {
    text: [
      t('help-group-title'),
      ...HELP.filter((c) => allowedInGroup(group, c)).map(line),
      t('help-periods'),
      scope ? t('help-group-units', { units }) : t('chat-group-outside-scope'),
      t(group.detail ? 'help-group-private' : 'help-group-counts-only'),
    ].join('\n'),
  };
}
