import { z } from 'zod';
import { idSchema, isoDateTime } from './common.js';
import { countrySchema } from './countries.js';

/** A coordinator's message to everybody, or to one country's participants. */
export const createAnnouncementSchema = z.object({
  message: z.string().trim().min(1).max(1000),
  /** Only this country's participants (and the coordinators) see it; everybody when absent. */
  country: countrySchema.optional(),
});

export type CreateAnnouncement = z.infer<typeof createAnnouncementSchema>;
export const announcementSchema = z.object({
  id: idSchema,
  operationId: idSchema,
  message: z.string(),
  country: z.string().nullable(),
  authorName: z.string(),
  createdAt: isoDateTime,
});
export type Announcement = z.infer<typeof announcementSchema>;

/** Who is online in an operation, and on which platform (members with record access). */
export const presenceSchema = z.object({
  operationId: idSchema,
  online: z.array(z.object({ participantId: idSchema, platformId: idSchema.nullable() })),
});
export type Presence = z.infer<typeof presenceSchema>;

/** What an observer learns of presence: how many are online per country. */
export const presenceCountsSchema = z.object({ operationId: idSchema, onlineByCountry: z.record(z.string(), z.int()) });
export type PresenceCounts = z.infer<typeof presenceCountsSchema>;

/** One line of the activity feed: who did what, when — never personal contents. */
export const activitySchema = z.object({
  id: z.int(),
  at: isoDateTime,
  action: z.string(),
  actor: z.object({ name: z.string(), country: z.string() }).nullable(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type Activity = z.infer<typeof activitySchema>;

/** Platforms checked and findings logged per time bucket (15 minutes by default). */
export const timelineSchema = z.object({
  bucketMinutes: z.int(),
  buckets: z.array(z.object({ start: isoDateTime, checked: z.int(), findings: z.int() })),
});
export type Timeline = z.infer<typeof timelineSchema>;
