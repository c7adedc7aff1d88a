// The bot's groups: added to a group → the group is recorded (counts only, no dossier detail,
// until an admin configures it) and told its id for `dunghan telegram groups add`; removed →
// the group is deactivated; a group upgraded to a supergroup keeps its settings under the new id.
import { Composer, type Context } from 'grammy';
import type { ChatMember } from 'grammy/types';
import { t } from '../../../i18n/translate.ts';
import { isGroupType } from '../asker.ts';
import type { BotDeps } from '../deps.ts';

const isIn = (m: ChatMember): boolean =>
  m.status === 'member' || m.status === 'administrator' || m.status === 'creator' || (m.status === 'restricted' && m.is_member);

export function groups({ services, log }: BotDeps): Composer<Context> {
  const { db } = services.database;
  const composer = new Composer<Context>();

  composer.on('my_chat_member', async (ctx) => {
    const chat = ctx.chat;
    if (!isGroupType(chat.type)) return;
    const externalId = String(chat.id);
    const title = ('title' in chat && chat.title) || externalId;
    const { old_chat_member: before, new_chat_member: after } = ctx.myChatMember;
    const at = services.clock.now();
    const actor = `telegram:${ctx.from.id}`;
    if (!isIn(before) && isIn(after)) {
      await db.chatGroup.upsert({
        where: { channel_externalId: { channel: 'telegram', externalId } },
        create: { channel: 'telegram', externalId, title, detailAllowed: false, active: true, createdAt: at },
        update: { title, active: true },
      });
      await db.auditLog.create({ data: { at, actor, action: 'telegram.group.joined', target: externalId, detail: JSON.stringify({ title }) } });
      log.info({ group: externalId }, 'telegram bot added to a group');
      await ctx.api.sendMessage(chat.id, t('telegram-group-added', { title, id: externalId }));
    } else if (isIn(before) && !isIn(after)) {
      await db.chatGroup.updateMany({ where: { channel: 'telegram', externalId }, data: { active: false } });
      await db.auditLog.create({ data: { at, actor, action: 'telegram.group.left', target: externalId } });
      log.info({ group: externalId }, 'telegram bot removed from a group');
    }
  });

  composer.on('message:migrate_to_chat_id', async (ctx) => {
    const from = String(ctx.chat.id);
    const to = String(ctx.message.migrate_to_chat_id);
    const old = await db.chatGroup.findUnique({ where: { channel_externalId: { channel: 'telegram', externalId: from } } });
    if (!old) return;
    const existing = await db.chatGroup.findUnique({ where: { channel_externalId: { channel: 'telegram', externalId: to } } });
    if (existing) {
      await db.chatGroup.update({ where: { id: existing.id }, data: { unitId: old.unitId, detailAllowed: old.detailAllowed, active: old.active } });
      await db.chatGroup.update({ where: { id: old.id }, data: { active: false } });
    } else {
      await db.chatGroup.update({ where: { id: old.id }, data: { externalId: to } });
    }
    const at = services.clock.now();
    await db.auditLog.create({ data: { at, actor: 'telegram', action: 'telegram.group.migrated', target: to, detail: JSON.stringify({ from }) } });
  });

  return composer;
}
