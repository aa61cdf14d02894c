import { useTranslation } from 'react-i18next';
import { zoneLabel } from './format';
import { type ZoneChoice, chooseZone, useZoneChoice, viewerTimeZone } from './timezone';
import { Field, Select } from './ui/Field';

/** Operation time or my time, for every time on every page at once (the header of an operation's pages). */
export function ZoneSwitcher({ operationZone }: { operationZone: string }) {
  const { t, i18n } = useTranslation();
  const choice = useZoneChoice();
  const own = viewerTimeZone();
  const now = new Date();
  return (
    <Field label={t('time.label')} hideLabel>
      <Select
        compact
        value={choice}
        title={t('time.hint')}
        data-testid="zone-switcher"
        onChange={(event) => chooseZone(event.target.value as ZoneChoice)}
      >
        <option value="operation">{t('time.operation', { zone: zoneLabel(now, operationZone, i18n.language) })}</option>
        <option value="own">{t('time.own', { zone: zoneLabel(now, own, i18n.language) })}</option>
      </Select>
    </Field>
  );
}
