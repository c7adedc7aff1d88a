// Stage 1, plan: which dossier needs which reminder for whom at instant `at` (pure).
//   sắp đến hạn (due within DUE_SOON working days) and đến hạn hôm nay: once each;
//   quá hạn: on the first overdue working day, then every ALERT_OVERDUE_REPEAT_DAYS;
//   escalation: overdue by ALERT_ESCALATE_AFTER_DAYS, a pending 2nd supplement request, or a 2nd
//   reschedule, to the leader above. Each item has a key naming its stage, dossier, official and
//   repeat cycle: the dedup stage drops the keys already sent.
import type { AttentionItem } from '../dossiers/attention-list.ts';
import type { Person, Recipients } from './recipients.ts';

export const STAGES = ['escalation', 'second_supplement', 'second_reschedule', 'commit_missed', 'overdue', 'due_today', 'due_soon'] as const;
export type Stage = (typeof STAGES)[number];

/** Stages about the official's own work (the others are escalations to a leader). */
export const OWN_STAGES: ReadonlySet<Stage> = new Set(['commit_missed', 'overdue', 'due_today', 'due_soon']);

export interface AlertRules {
  overdueRepeatDays: number;
  escalateAfterDays: number;
  includeDeputies: boolean;
}

export interface DossierFacts {
  fieldCode: string;
  procedureName: string;
  rescheduleCount: number;
}

/** A commitment or snooze by an official on a dossier: no reminder to them until after `until`. */
export interface Ack {
  id: number;
  kind: 'commit' | 'snooze';
  until: string;
}

export interface PlannedItem {
  key: string;
  stage: Stage;
  official: Person;
  attention: AttentionItem;
  facts: DossierFacts;
  /** The commitment that passed, for commit_missed. */
  ack?: Ack;
}

export interface PlanInput {
  items: readonly AttentionItem[];
  facts: ReadonlyMap<number, DossierFacts>;
  recipients: Recipients;
  rules: AlertRules;
  /** Latest acknowledgement per "<dossierId>:<officialId>". */
  acks: ReadonlyMap<string, Ack>;
  /** Today, YYYY-MM-DD in Asia/Ho_Chi_Minh. */
  today: string;
}

export function planItems(input: PlanInput): PlannedItem[] {
  const out: PlannedItem[] = [];
  for (const attention of input.items) {
    const { dossier, state } = attention;
    const facts = input.facts.get(dossier.id);
    if (!facts) continue;
    const add = (stage: Stage, official: Person, suffix = '', ack?: Ack) =>
      out.push({ key: `${stage}:${dossier.code}:${official.code}${suffix}`, stage, official, attention, facts, ...(ack ? { ack } : {}) });

    // The people who answer for the dossier, reminded unless they committed to a date.
    const responsible = uniq([
      ...input.recipients.heads(dossier.unitId),
      ...(input.rules.includeDeputies ? input.recipients.deputies(dossier.unitId, facts.fieldCode) : []),
    ]);
    for (const official of responsible) {
      const ack = input.acks.get(`${dossier.id}:${official.id}`);
      if (ack && ack.until >= input.today) continue;
      if (ack?.kind === 'commit') add('commit_missed', official, `:${ack.id}`, ack);
      if (state.kind === 'due_soon') add('due_soon', official);
      else if (state.kind === 'due_today') add('due_today', official);
      else if (state.kind === 'overdue') {
        const cycle = Math.floor(Math.max(0, state.workingDaysOverdue - 1) / input.rules.overdueRepeatDays);
        add('overdue', official, `:${cycle}`);
      }
    }

    // Escalations go up the tree, once per reason.
    const leaders = input.recipients.escalation(dossier.unitId).filter((l) => !responsible.some((r) => r.id === l.id));
    const reasons: Stage[] = [];
    if (state.kind === 'overdue' && state.workingDaysOverdue >= input.rules.escalateAfterDays) reasons.push('escalation');
    if (state.kind === 'overdue' && state.reason === 'second_supplement') reasons.push('second_supplement');
    if (facts.rescheduleCount >= 2) reasons.push('second_reschedule');
    for (const stage of reasons) for (const leader of leaders) add(stage, leader);
  }
  return out;
}

const uniq = (people: Person[]): Person[] => [...new Map(people.map((p) => [p.id, p])).values()];

/** How urgent a stage is (lower first in a message). */
export const urgencyOf = (stage: Stage): number => STAGES.indexOf(stage);
