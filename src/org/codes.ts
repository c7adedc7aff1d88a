// Kinds of units and roles of officials. Stored as strings (the same on SQLite and
// PostgreSQL) and validated here.
import { z } from 'zod';

/** No level is assumed: a root may be a province, or a district in legacy data. */
const UNIT_KINDS = ['province', 'district', 'department', 'commune', 'office', 'service_center', 'reform_office', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const ROLES = ['leader', 'unit_head', 'commune_chair', 'deputy', 'reform_office', 'admin', 'officer'] as const;
export type Role = (typeof ROLES)[number];

const CHANNELS = ['telegram', 'zalo', 'console'] as const;
export type ChannelName = (typeof CHANNELS)[number];

/** Short codes for units and officials: what people type after a command. */
export const shortCode = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/);
