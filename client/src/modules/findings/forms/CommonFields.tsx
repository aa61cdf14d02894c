import type { Finding, Handling, Platform, UpdateFinding } from '@actionday/shared';
import { FormRow } from '../../../app/ui/Field';
import type { OperationDetail } from '../../operations/operations.api';
import { HandlingSelect } from '../../../app/ui/Handling';
import { type FieldMessages, NoteField, TagsFieldset, oneOf, tagsOf, textOf } from '../fields';

const handlings = ['TLP:RED', 'TLP:AMBER', 'TLP:GREEN'] as const;

/**
 * What every finding carries after its kind's own fields: a note, the
 * handling code and the focus tags (a new one starts with the platform's tags
 * and the operation's default handling).
 */
export function CommonFields({
  operation,
  platform,
  finding,
  messages,
}: {
  operation: OperationDetail;
  platform?: Platform | undefined;
  finding?: Finding | undefined;
  messages: FieldMessages;
}) {
  return (
    <>
      <FormRow>
        <NoteField defaultValue={finding?.note} error={messages.forField('note')} />
        <HandlingSelect defaultValue={(finding?.handling as Handling | undefined) ?? operation.defaultHandling} />
      </FormRow>
      <TagsFieldset
        focusTags={operation.focusTags}
        checked={finding?.tags ?? platform?.tags ?? []}
        error={messages.forField('tags')}
      />
    </>
  );
}

/** The shared fields of a submitted form. */
export function readCommon(data: FormData, focusTags: readonly string[]) {
  return {
    note: textOf(data, 'note'),
    handling: oneOf(handlings, textOf(data, 'handling')),
    tags: tagsOf(data, focusTags),
  };
}

/** The shared fields as a change: a cleared note is removed (null). */
export function commonPatch(data: FormData, focusTags: readonly string[]): UpdateFinding {
  const common = readCommon(data, focusTags);
  return { note: common.note ?? null, handling: common.handling, tags: common.tags };
}
