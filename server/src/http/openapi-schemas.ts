import {
  activitySchema,
  announcementSchema,
  countryTallySchema,
  createAnnouncementSchema,
  createFindingSchema,
  createInviteSchema,
  createOperationSchema,
  createPlatformSchema,
  errorDetailsSchema,
  evidenceFieldsSchema,
  captureSchema,
  evidenceSchema,
  fieldErrorSchema,
  figureDefinitionSchema,
  findingCreatedSchema,
  findingSchema,
  findingViewSchema,
  handlingSchema,
  importProblemSchema,
  importResultSchema,
  inviteCreatedSchema,
  invitePreviewSchema,
  meSchema,
  membershipSchema,
  newAccountSchema,
  operationSchema,
  packageManifestSchema,
  participantSchema,
  platformSchema,
  redactedFindingSchema,
  reportSchema,
  roleSchema,
  setupSchema,
  signInSchema,
  tallySchema,
  timelineSchema,
  updateFindingSchema,
  updateOperationSchema,
  userSchema,
  verdictBodySchema,
} from '@actionday/shared';
import { z } from 'zod';

/** What the document knows of a schema: a component name, or words and a format for an inline one. */
export interface ApiSchemaMeta {
  id?: string;
  description?: string;
  format?: string;
  [key: string]: unknown;
}

/**
 * The schemas of the OpenAPI document. Those with an `id` are components, referenced by `$ref` wherever a
 * route uses them (an input variant is named `<id>Input`). A registry of its own rather than `.meta({ id })`
 * on the shared schemas: naming them for the document changes nothing in the contracts or their validation.
 */
export const apiSchemas = z.registry<ApiSchemaMeta>();

const components: [z.ZodType, string][] = [
  [errorDetailsSchema, 'ErrorDetails'],
  [fieldErrorSchema, 'FieldError'],
  [roleSchema, 'Role'],
  [handlingSchema, 'Handling'],
  [userSchema, 'User'],
  [membershipSchema, 'Membership'],
  [meSchema, 'Me'],
  [signInSchema, 'SignIn'],
  [newAccountSchema, 'NewAccount'],
  [setupSchema, 'Setup'],
  [operationSchema, 'Operation'],
  [createOperationSchema, 'CreateOperation'],
  [updateOperationSchema, 'UpdateOperation'],
  [participantSchema, 'Participant'],
  [createInviteSchema, 'CreateInvite'],
  [inviteCreatedSchema, 'InviteCreated'],
  [invitePreviewSchema, 'InvitePreview'],
  [platformSchema, 'Platform'],
  [createPlatformSchema, 'CreatePlatform'],
  [verdictBodySchema, 'Verdict'],
  [importProblemSchema, 'ImportProblem'],
  [importResultSchema, 'ImportResult'],
  [findingSchema, 'Finding'],
  [redactedFindingSchema, 'RedactedFinding'],
  [findingViewSchema, 'FindingView'],
  [findingCreatedSchema, 'FindingCreated'],
  [createFindingSchema, 'CreateFinding'],
  [updateFindingSchema, 'UpdateFinding'],
  [evidenceSchema, 'Evidence'],
  [captureSchema, 'Capture'],
  [evidenceFieldsSchema, 'EvidenceFields'],
  [announcementSchema, 'Announcement'],
  [createAnnouncementSchema, 'CreateAnnouncement'],
  [activitySchema, 'Activity'],
  [timelineSchema, 'Timeline'],
  [figureDefinitionSchema, 'FigureDefinition'],
  [tallySchema, 'Tally'],
  [countryTallySchema, 'CountryTally'],
  [reportSchema, 'Report'],
  [packageManifestSchema, 'PackageManifest'],
];
for (const [schema, id] of components) apiSchemas.add(schema, { id });

/** Bytes in a request or an answer (a captured file, a zip, a PDF): `format: binary` in the document. */
export const binary = z.string();
apiSchemas.add(binary, { format: 'binary' });

/** Components listed although no route references them: they describe the inside of a binary answer. */
export const describedOnly = new Set(['PackageManifest', 'ErrorBody']);
