// The command menu (the "/" button) in Vietnamese, per scope: private chats list every command,
// groups the commands every group may use (the command layer's GROUP_COMMANDS: a group sees no
// dossier-level detail unless configured, and registration belongs in a private chat).
// Texts: locales/vi/telegram.ftl.
import type { Api } from 'grammy';
import type { BotCommand, BotCommandScope } from 'grammy/types';
import { GROUP_COMMANDS } from '../../commands/group.ts';
import { t } from '../../i18n/translate.ts';

const PRIVATE_COMMANDS = ['tiendo', 'quahan', 'sapden', 'hoso', 'xacnhan', 'xephang', 'dangky', 'trogiup'] as const;

const describe = (names: readonly string[]): BotCommand[] => names.map((command) => ({ command, description: t(`telegram-menu-${command}`) }));

function commandMenus(): { scope: BotCommandScope; commands: BotCommand[] }[] {
  return [
    { scope: { type: 'all_private_chats' }, commands: describe(PRIVATE_COMMANDS) },
    { scope: { type: 'all_group_chats' }, commands: describe(GROUP_COMMANDS) },
  ];
}

export async function registerMenu(api: Api): Promise<void> {
  for (const { scope, commands } of commandMenus()) await api.setMyCommands(commands, { scope });
}
