// Builds a request's context: who is asking, from which group, what they may see there, and a
// fresh view of the organisation and calendar (cheap: a province has a few hundred units).
import { RateReports } from '../rates/rates.ts';
import { narrowScope, scopeOf, viewerByChat, viewerByCode } from '../org/scope.ts';
import { loadUnitTree } from '../org/tree.ts';
import { loadGroupView } from './group.ts';
import type { Asker, RequestContext } from './types.ts';
import type { Services } from '../core/services.ts';

export async function requestContext(services: Services, asker: Asker, now: Date): Promise<RequestContext> {
  const { db } = services.database;
  const [tree, calendar, viewer] = await Promise.all([
    loadUnitTree(db),
    services.loadCalendar(),
    // The console is the operator's own terminal: it speaks as the official it names.
    asker.channel === 'console' ? viewerByCode(db, asker.externalId) : viewerByChat(db, asker.channel, asker.externalId),
  ]);
  const group = await loadGroupView(db, asker, tree);
  const rates = new RateReports(services.database, calendar, tree, services.ratesCache);
  const mine = viewer ? scopeOf(viewer, tree) : null;
  const scope = mine && group?.units ? narrowScope(mine, group.units, tree) : mine;
  return { ...services, now, asker, tree, calendar, rates, viewer, scope, group };
}
