import type { Role } from '../../../db/contract';

/** The contract's roles, listed here because the renderer may import only types from db/. */
export const ROLE_OPTIONS = ['officer', 'supervisor', 'administrator'] as const satisfies readonly Role[];

// Fails to compile if the contract gains a role that is missing above.
type Missing = Exclude<Role, (typeof ROLE_OPTIONS)[number]>;
const exhaustive: [Missing] extends [never] ? true : never = true;
void exhaustive;
