import { type Finding, currencyDigits, offerMeans, stageMoments } from '@actionday/shared';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../app/format';
import { oneOf } from './fields';
import styles from './FindingItem.module.css';

/** An amount in minor units in the viewer's way of writing that currency ("1.500,00 US$"). */
function money(language: string, minor: number, currency: string): string {
  const digits = currencyDigits(currency) ?? 2;
  return new Intl.NumberFormat(language, { style: 'currency', currency }).format(minor / 10 ** digits);
}

/** A smuggling offer in the platform's list: the route, means, price and stages, the contacts as read. */
export function OfferSummary({ finding }: { finding: Finding }) {
  const { t } = useTranslation();
  const format = useFormat();
  const route = (finding.route ?? []).map((code) => format.country(code)).join(' → ');
  const facts: string[] = [];
  for (const m of finding.means ?? []) {
    const mean = oneOf(offerMeans, m);
    if (mean) facts.push(t(`findings.offer.mean.${mean}`));
  }
  if (finding.priceMinor !== null && finding.currency)
    facts.push(money(format.language, finding.priceMinor, finding.currency));
  const stages = (finding.stages ?? []).map((stage) => {
    const at = oneOf(stageMoments, stage.at);
    const amount =
      stage.amountMinor !== undefined && finding.currency
        ? money(format.language, stage.amountMinor, finding.currency)
        : t('findings.offer.rest');
    return [amount, at ? t(`findings.offer.moment.${at}`) : '', stage.note ?? ''].filter(Boolean).join(' ');
  });
  return (
    <div className={styles.body}>
      <span className={styles.title}>{route}</span>
      {facts.length > 0 && <span className={styles.facts}>{facts.join(' · ')}</span>}
      {stages.length > 0 && <span className={styles.facts}>{stages.join(' · ')}</span>}
      {(finding.contacts ?? []).length > 0 && (
        <span className={styles.facts}>
          {(finding.contacts ?? []).map((c) => (
            <span key={c.normalizedValue} className="mono" translate="no">
              {c.display}{' '}
            </span>
          ))}
        </span>
      )}
      {finding.note && <span className={styles.note}>{finding.note}</span>}
    </div>
  );
}
