import type { CreateFinding, Finding, FindingKind, UpdateFinding } from '@actionday/shared';
import type { TFunction } from 'i18next';
import type { ComponentType } from 'react';
import type { FieldMessages } from '../fields';
import type { ReadingPlace } from '../reading';

/** Whether a kind's fields are shown to log a new finding or to change one. */
export type FormMode = 'create' | 'edit';

export interface KindFieldsProps {
  mode: FormMode;
  /** The finding being changed (edit), for the fields' starting values. */
  finding?: Finding | undefined;
  messages: FieldMessages;
  /** Where a new identifier is read (the platform, the investigator's country), to show what it will be read as. */
  place?: ReadingPlace | undefined;
}

/** A new finding's body without the fields every kind shares (platform, note, handling, tags). */
export type KindBody = CreateFinding extends infer C
  ? C extends { kind: FindingKind }
    ? Omit<C, 'platformId' | 'note' | 'handling' | 'tags' | 'language' | 'links'>
    : never
  : never;

/**
 * One kind of finding, defined once for logging and for editing: its own
 * fields, and how the submitted form reads into a new finding or a change.
 */
export interface KindForm {
  kind: FindingKind;
  Fields: ComponentType<KindFieldsProps>;
  /** The kind's part of a new finding, or null while something required is missing. */
  create: (data: FormData) => KindBody | null;
  /** The kind's part of a change (the fields it may change; cleared ones as null). */
  patch: (data: FormData) => UpdateFinding;
  /**
   * "Logged suspect Ivan K", for the status line after logging (`logged`: what the server recorded; absent
   * while the finding waits in the outbox).
   */
  summary: (t: TFunction, body: KindBody, logged?: Finding) => string;
}
