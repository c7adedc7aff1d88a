// /start [mã mời], /dangky <mã mời>, /trogiup: registration and help, open to strangers.
import { redeemInvite } from '../../org/invites.ts';
import { t } from '../../i18n/translate.ts';
import type { Reply, RequestContext } from '../types.ts';

export async function start(ctx: RequestContext, rest: string): Promise<Reply> {
  // t.me/<bot>?start=<code> arrives as "/start <code>".
  if (rest.trim() !== '') return dangky(ctx, rest);
  if (!ctx.viewer) return { text: t('start-welcome-stranger') };
  return { text: t('start-welcome', { name: ctx.viewer.fullName, title: ctx.viewer.title }) };
}

export async function dangky(ctx: RequestContext, rest: string): Promise<Reply> {
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

export async function trogiup(ctx: RequestContext): Promise<Reply> {
  if (!ctx.scope) return { text: t('help-stranger') };
  const units = ctx.scope.units.filter((u) => ctx.tree.ancestors(u.id).every((a) => !ctx.scope!.unitIds.has(a.id)));
  return { text: t('help-official', { units: units.map((u) => u.name).join(', ') }) };
}
