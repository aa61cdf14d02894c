import type { FindingKind } from '@actionday/shared';
import { identifierForm } from './IdentifierFields';
import type { KindForm } from './kindForm';
import { offerForm } from './OfferFields';
import { suspectForm } from './SuspectFields';
import { victimForm } from './VictimFields';

export { CommonFields, commonPatch, readCommon } from './CommonFields';
export type { FormMode, KindBody, KindForm } from './kindForm';

/** The form of each kind of finding: the same fields to log one and to change it. */
export const kindForms: Record<FindingKind, KindForm> = {
  suspect: suspectForm,
  identifier: identifierForm,
  victim: victimForm,
  offer: offerForm,
};
