// Stage 3, group: one message per recipient per run, to their preferred chat address, the most
// urgent dossiers first (render.ts writes it within the channel's limit).
import type { Button } from '../core/message.ts';
import type { Address } from '../outbox/routing.ts';
import { groupBy } from '../util/multimap.ts';
import { urgencyOf, type PlannedItem, type Stage } from './plan.ts';
import type { Person } from './recipients.ts';
import { renderAlert, type RenderOptions } from './render.ts';

export interface AlertMessage {
  official: Person;
  address: Address;
  text: string;
  buttons: Button[][];
  /** The plan items this message delivers (logged so they are not sent again). */
  itemKeys: string[];
  stages: Stage[];
  dossierCodes: string[];
}

export interface GroupOptions extends RenderOptions {
  addresses: ReadonlyMap<number, Address[]>;
}

export function groupMessages(items: readonly PlannedItem[], opts: GroupOptions): { messages: AlertMessage[]; unaddressed: Person[] } {
  const byOfficial = groupBy(items, (i) => i.official.id);
  const messages: AlertMessage[] = [];
  const unaddressed: Person[] = [];
  for (const list of byOfficial.values()) {
    const official = list[0]!.official;
    const address = opts.addresses.get(official.id)?.[0];
    if (!address) {
      unaddressed.push(official);
      continue;
    }
    const sorted = [...list].sort((a, b) => urgencyOf(a.stage) - urgencyOf(b.stage) || overdueDays(b) - overdueDays(a) || a.attention.dossier.code.localeCompare(b.attention.dossier.code));
    messages.push({
      official,
      address,
      ...renderAlert(official, sorted, address.channel, opts),
      itemKeys: sorted.map((i) => i.key),
      stages: [...new Set(sorted.map((i) => i.stage))],
      dossierCodes: [...new Set(sorted.map((i) => i.attention.dossier.code))],
    });
  }
  return { messages, unaddressed };
}

const overdueDays = (i: PlannedItem): number => (i.attention.state.kind === 'overdue' ? i.attention.state.workingDaysOverdue : 0);
