// In a group the bot answers linked officials only, and nobody in a group an admin switched off
// (`dunghan telegram groups remove`): other messages are left alone. Button presses still reach
// the command layer, which answers strangers with the sign-up hint.
import type { Context, MiddlewareFn } from 'grammy';
import { isGroupType, isLinked } from '../asker.ts';
import type { BotDeps } from '../deps.ts';

export function groupGate({ services }: BotDeps): MiddlewareFn<Context> {
  const { db } = services.database;
  return async (ctx, next) => {
    const chat = ctx.chat;
    if (ctx.message && chat && isGroupType(chat.type)) {
      if (!ctx.from || !(await isLinked(db, ctx.from.id))) return;
      const group = await db.chatGroup.findUnique({ where: { channel_externalId: { channel: 'telegram', externalId: String(chat.id) } }, select: { active: true } });
      if (group && !group.active) return;
    }
    await next();
  };
}
