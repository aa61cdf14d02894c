import { describe, expect, it } from 'vitest';
import { readOfferText } from './offer-text.js';

describe('reading the money of a smuggling ad', () => {
  it('reads the stages of the seed ad: 1,500 dollars cash first, 2,500 in Mexico, the rest on arrival', () => {
    const read = readOfferText('pay 1,500 dollars cash first, 2,500 in Mexico, and the rest on arrival in the US');
    expect(read.currency).toBe('USD');
    expect(read.priceMinor).toBeNull();
    expect(read.stages.map((s) => [s.at, s.amountMinor])).toEqual([
      ['upfront', 150_000],
      ['transit', 250_000],
      ['arrival', undefined],
    ]);
  });

  it('reads Spanish and French ads, and digits in Arabic script', () => {
    const es = readOfferText('Viaje a USA, precio 6000 dólares, 2000 por adelantado y el resto al llegar');
    expect(es).toMatchObject({ currency: 'USD', priceMinor: 600_000 });
    expect(es.stages.map((s) => s.at)).toEqual(['upfront', 'arrival']);
    const fr = readOfferText("Passage vers l’Italie: prix 3.500 euros, 1000 d'avance");
    expect(fr).toMatchObject({ currency: 'EUR', priceMinor: 350_000 });
    expect(fr.stages[0]).toMatchObject({ at: 'upfront', amountMinor: 100_000 });
    expect(readOfferText('السعر ٤٥٠٠ $')).toMatchObject({ currency: 'USD', priceMinor: 450_000 });
  });

  it('proposes nothing from an ad without amounts, and stays fast on a huge text', () => {
    expect(readOfferText('Safe trip to Europe, write me on WhatsApp')).toEqual({
      currency: null,
      priceMinor: null,
      stages: [],
    });
    const started = performance.now();
    readOfferText(`${'1,000,000 '.repeat(5000)}${'a'.repeat(50_000)}`);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
