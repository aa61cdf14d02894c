import { type PaymentStage, currencyCodes, offerMeans, readOfferText, stageMoments } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../../app/ui/Checkbox';
import { Button } from '../../../app/ui/Button';
import { Fieldset, FormRow, SelectField, TextAreaField, TextField } from '../../../app/ui/Field';
import { NationalitySelect, oneOf, textOf } from '../fields';
import { guessIdentifierKind } from '../guess';
import type { KindFieldsProps, KindForm } from './kindForm';
import { countriesOf, majorText, minorUnitsOf } from './offer-amounts';

/** The currencies seen most in smuggling ads first, then every other ISO 4217 code. */
const usual = ['USD', 'EUR', 'GBP', 'MXN', 'TRY', 'LYD', 'AFN', 'PKR', 'UAH', 'RUB'];
const currencies = [...usual, ...currencyCodes.filter((code) => !usual.includes(code))];
/** Payment stages a form offers: an ad rarely names more. */
const stageRows = [0, 1, 2] as const;

function routeOf(data: FormData): string[] {
  const origin = textOf(data, 'origin');
  const destination = textOf(data, 'destination');
  return [...(origin ? [origin] : []), ...countriesOf(textOf(data, 'transit')), ...(destination ? [destination] : [])];
}

function stagesOf(data: FormData, currency: string | undefined): PaymentStage[] {
  return stageRows.flatMap((i) => {
    const at = oneOf(stageMoments, textOf(data, `stage${i}.at`));
    if (!at) return [];
    const amountMinor = minorUnitsOf(textOf(data, `stage${i}.amount`), currency);
    const note = textOf(data, `stage${i}.note`);
    return [{ at, ...(amountMinor !== undefined ? { amountMinor } : {}), ...(note ? { note } : {}) }];
  });
}

/** Fills the price, currency and stages from the pasted ad, for the person to check before logging. */
function fillFromAd(form: HTMLFormElement | null): void {
  if (!form) return;
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
  const read = readOfferText(field('adText')?.value ?? '');
  const currency = read.currency ?? field('currency')?.value ?? undefined;
  const set = (name: string, value: string) => {
    const element = field(name);
    if (element) element.value = value;
  };
  if (read.currency) set('currency', read.currency);
  if (read.priceMinor !== null) set('price', majorText(read.priceMinor, currency));
  stageRows.forEach((i) => {
    const stage = read.stages[i];
    set(`stage${i}.amount`, stage ? majorText(stage.amountMinor, currency) : '');
    set(`stage${i}.at`, stage?.at ?? '');
    set(`stage${i}.note`, stage?.note ?? '');
  });
}

const meansOf = (data: FormData) =>
  data.getAll('means').filter((m): m is (typeof offerMeans)[number] => oneOf(offerMeans, String(m)) !== undefined);

/**
 * A smuggling offer as advertised: the route (origin, countries on the way, destination), the means, the price
 * with its currency, up to three payment stages ("cash first", "in Mexico", "on arrival"), the contacts the ad
 * gives (read and matched as identifiers) and, in the common fields, the ad's language.
 */
function OfferFields({ mode, finding, messages }: KindFieldsProps) {
  const { t } = useTranslation();
  const route = finding?.route ?? [];
  return (
    <>
      <FormRow>
        <NationalitySelect
          name="origin"
          label={t('findings.offer.origin')}
          defaultValue={route[0]}
          error={messages.forField('route')}
        />
        <TextField
          label={t('findings.offer.transit')}
          hint={t('findings.offer.transitHint')}
          name="transit"
          maxLength={60}
          autoComplete="off"
          spellCheck={false}
          defaultValue={route.slice(1, -1).join(', ')}
        />
        <NationalitySelect
          name="destination"
          label={t('findings.offer.destination')}
          defaultValue={route.at(-1)}
          error={messages.forField('route')}
        />
      </FormRow>
      <Fieldset legend={t('findings.offer.means')} compact>
        {offerMeans.map((m) => (
          <Checkbox
            key={m}
            compact
            label={t(`findings.offer.mean.${m}`)}
            name="means"
            value={m}
            defaultChecked={finding?.means?.includes(m) ?? false}
          />
        ))}
      </Fieldset>
      <FormRow>
        <TextField
          label={t('findings.offer.price')}
          name="price"
          inputMode="decimal"
          maxLength={20}
          autoComplete="off"
          defaultValue={majorText(finding?.priceMinor, finding?.currency)}
          error={messages.forField('priceMinor')}
        />
        <SelectField
          label={t('findings.offer.currency')}
          name="currency"
          defaultValue={finding?.currency ?? ''}
          error={messages.forField('currency')}
        >
          <option value="">{t('findings.field.unknown')}</option>
          {currencies.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </SelectField>
      </FormRow>
      {mode === 'create' && (
        <>
          <TextAreaField
            label={t('findings.offer.adText')}
            hint={t('findings.offer.adTextHint')}
            name="adText"
            rows={2}
            maxLength={20_000}
          />
          <Button type="button" size="xs" variant="secondary" onClick={(event) => fillFromAd(event.currentTarget.form)}>
            {t('findings.offer.readAd')}
          </Button>
          <Fieldset legend={t('findings.offer.stages')} compact error={messages.forField('stages')}>
            {stageRows.map((i) => (
              <FormRow key={i}>
                <TextField
                  label={t('findings.offer.stageAmount')}
                  name={`stage${i}.amount`}
                  inputMode="decimal"
                  maxLength={20}
                  autoComplete="off"
                />
                <SelectField label={t('findings.offer.stageAt')} name={`stage${i}.at`} defaultValue="">
                  <option value="">{t('findings.offer.noStage')}</option>
                  {stageMoments.map((at) => (
                    <option key={at} value={at}>
                      {t(`findings.offer.moment.${at}`)}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  label={t('findings.offer.stageNote')}
                  name={`stage${i}.note`}
                  maxLength={200}
                  autoComplete="off"
                />
              </FormRow>
            ))}
          </Fieldset>
          <Checkbox label={t('findings.offer.stagesBeyondPrice')} name="stagesBeyondPrice" />
          <TextField
            label={t('findings.offer.contacts')}
            hint={t('findings.offer.contactsHint')}
            name="contacts"
            maxLength={2000}
            autoComplete="off"
            spellCheck={false}
            error={messages.forField('contacts')}
          />
        </>
      )}
    </>
  );
}

export const offerForm: KindForm = {
  kind: 'offer',
  Fields: OfferFields,
  create: (data) => {
    const route = routeOf(data);
    if (route.length < 2) return null;
    const currency = textOf(data, 'currency');
    const priceMinor = minorUnitsOf(textOf(data, 'price'), currency);
    const contacts = (textOf(data, 'contacts') ?? '')
      .split(/[,;\n]/)
      .map((value) => value.trim())
      .filter(Boolean)
      .map((value) => ({ identifierKind: guessIdentifierKind(value) ?? 'username', value }));
    return {
      kind: 'offer',
      route,
      means: meansOf(data),
      ...(priceMinor !== undefined ? { priceMinor } : {}),
      ...(currency ? { currency } : {}),
      stages: stagesOf(data, currency),
      stagesBeyondPrice: data.get('stagesBeyondPrice') === 'on',
      contacts,
    };
  },
  patch: (data) => {
    const currency = textOf(data, 'currency');
    return {
      route: routeOf(data),
      means: meansOf(data),
      priceMinor: minorUnitsOf(textOf(data, 'price'), currency) ?? null,
      currency: currency ?? null,
    };
  },
  summary: (t, body) => t('findings.logged.offer', { route: body.kind === 'offer' ? body.route.join(' → ') : '' }),
};
