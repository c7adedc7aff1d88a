// The configured Zalo groups (ChatGroup rows), cached: whether a bare address is a group, and
// whether a group message comes from a group dunghan answers in (active). What a group may see
// (detail, its unit) is read by the command layer on each request.
import type { Db } from '../../db/client.ts';
import type { GroupIds } from './address.ts';
import type { Clock } from '../../core/clock.ts';

export interface ZaloGroup {
  externalId: string;
  title: string;
  active: boolean;
}

export class GroupDirectory implements GroupIds {
  #groups = new Map<string, ZaloGroup>();
  #loadedAt = -Infinity;
  #loading: Promise<void> | null = null;

  constructor(
    readonly db: Db,
    readonly clock: Clock,
    /** An unknown id triggers a reload at most this often. */
    readonly refreshMs = 10_000,
    /** Changes (a group added or deactivated) are seen within this long. */
    readonly maxAgeMs = 60_000,
  ) {}

  async load(): Promise<void> {
    this.#loading ??= (async () => {
      try {
        const rows = await this.db.chatGroup.findMany({ where: { channel: 'zalo' }, select: { externalId: true, title: true, active: true } });
        this.#groups = new Map(rows.map((r) => [r.externalId, r]));
        this.#loadedAt = this.clock.monotonic();
      } finally {
        this.#loading = null;
      }
    })();
    return this.#loading;
  }

  known(id: string): boolean {
    return this.#groups.has(id);
  }

  async get(id: string): Promise<ZaloGroup | null> {
    const age = this.clock.monotonic() - this.#loadedAt;
    if (age >= this.maxAgeMs || (!this.#groups.has(id) && age >= this.refreshMs)) await this.load();
    return this.#groups.get(id) ?? null;
  }

  async check(id: string): Promise<boolean> {
    return (await this.get(id)) !== null;
  }
}
