// Zalo addresses in the outbox. A Zalo user id and a Zalo group id look alike (digits), and the
// rest of dunghan addresses a chat by its bare id: ChatIdentity.externalId for an official (what
// outbox routing hands over), ChatGroup.externalId for a configured group (digest targets), and
// the dispatcher deactivates by that same id. So a bare id is a group if a Zalo ChatGroup row has
// it and a user otherwise; "u:<id>" and "g:<id>" say the kind explicitly.
export interface ZaloAddress {
  kind: 'user' | 'group';
  /** The Zalo user or group id (ChatIdentity.externalId / ChatGroup.externalId). */
  id: string;
}

/** Which ids are configured Zalo groups (ChatGroup rows, active or not). */
export interface GroupIds {
  /** From memory, possibly a little stale (for pacing decisions). */
  known(id: string): boolean;
  /** Authoritative enough to send: refreshes from the database if the id is not known. */
  check(id: string): Promise<boolean>;
}

const ID = /^[0-9]{1,30}$/;

const userAddress = (id: string): string => `u:${id}`;
const groupAddress = (id: string): string => `g:${id}`;

/** The explicit kind ("u:"/"g:", or null for a bare id) and the id, or null if not a Zalo id. */
export function splitZaloAddress(address: string): { kind: ZaloAddress['kind'] | null; id: string } | null {
  const m = /^(?:([ug]):)?(\d+)$/.exec(address.trim());
  if (!m || !ID.test(m[2]!)) return null;
  return { kind: m[1] === 'g' ? 'group' : m[1] === 'u' ? 'user' : null, id: m[2]! };
}

export function formatZaloAddress(a: ZaloAddress): string {
  return a.kind === 'group' ? groupAddress(a.id) : userAddress(a.id);
}
