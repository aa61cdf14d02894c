import { z } from 'zod';

/**
 * Handling codes modelled on the Traffic Light Protocol: RED — the author's
 * country and the coordinators only; AMBER — every member whose role may see
 * findings; GREEN — as AMBER, and may appear in shared reports.
 */
export const handlingCodes = ['TLP:RED', 'TLP:AMBER', 'TLP:GREEN'] as const;
export const handlingSchema = z.enum(handlingCodes);
export type Handling = z.infer<typeof handlingSchema>;
