// Who does what, by role (org/codes.ts lists the roles): the one place where roles are grouped.
import type { Role } from './codes.ts';

/** Heads of a unit (trưởng phòng, giám đốc sở, chủ tịch xã): reminded of its dossiers, escalated to from below, sent its digest. */
export const HEAD_ROLES: readonly Role[] = ['unit_head', 'commune_chair'];
/** Deputies in charge of fields (lĩnh vực): reminded of the dossiers of their fields. */
export const DEPUTY_ROLES: readonly Role[] = ['deputy'];
/** Leaders who supervise units: escalated to where no head is above. */
export const SUPERVISOR_ROLES: readonly Role[] = ['leader'];
/** Sent the digest of the area they oversee (not of one unit among its peers). */
export const AREA_ROLES: readonly Role[] = ['leader', 'reform_office'];
/** Shown the area digest when they ask for one (/baocao). */
export const AREA_VIEWER_ROLES: readonly Role[] = [...AREA_ROLES, 'admin'];
/** Told about the service itself (undeliverable messages, unreachable chats). */
export const ADMIN_ROLES: readonly Role[] = ['admin'];
/** Told when the data stop coming (the staleness alarm). */
export const STALE_ALERT_ROLES: readonly Role[] = ['admin', 'reform_office'];

/** Whether a role (as stored: any string) is one of `roles`. */
export const hasRole = (roles: readonly Role[], role: string): boolean => (roles as readonly string[]).includes(role);
