import { z } from 'zod';
import { idSchema } from './common.js';
import { countrySchema } from './countries.js';
import { currencyDigits, currencySchema, isPlausibleAmount, maxAdvertisedMajor } from './currencies.js';
import { identifierKindSchema } from './identifiers.js';
import { readAsSchema } from './phones.schemas.js';
import { serviceIdSchema } from './services.js';

/** How a smuggler says people travel. */
export const offerMeans = ['boat', 'truck', 'car', 'bus', 'plane', 'train', 'on_foot', 'other'] as const;
/** When or where a payment stage is due: "cash first", "in Mexico", "on arrival". */
export const stageMoments = ['upfront', 'transit', 'arrival', 'other'] as const;

/** One payment the ad asks for; without an amount it is "the rest". */
export const paymentStageSchema = z.object({
  /** In the offer's currency, integer minor units (150000 = 1,500.00 USD). */
  amountMinor: z.int().min(1, 'An amount is at least one minor unit').optional(),
  at: z.enum(stageMoments),
  /** Where it is paid ("in Mexico"): a country of the route. */
  country: countrySchema.optional(),
  /** The ad's own words ("cash first"). */
  note: z.string().trim().max(200).optional(),
});
export type PaymentStage = z.infer<typeof paymentStageSchema>;

/** A payment stage as stored and shown (the input's checks and transforms already applied). */
export const paymentStageViewSchema = z.object({
  amountMinor: z.int().optional(),
  at: z.enum(stageMoments),
  country: z.string().optional(),
  note: z.string().optional(),
});

/** A contact the ad gives: read and matched like any identifier. */
export const offerContactInputSchema = z.object({
  identifierKind: identifierKindSchema,
  value: z.string().trim().min(1).max(500),
  service: serviceIdSchema.optional(),
  regions: z.array(countrySchema).min(1).max(5).optional(),
});

/** A contact as stored: what it was read as. */
export const offerContactSchema = z.object({
  identifierKind: identifierKindSchema,
  value: z.string(),
  normalizedValue: z.string(),
  service: serviceIdSchema.nullable(),
  display: z.string(),
  readAs: readAsSchema.nullable(),
});
export type OfferContact = z.infer<typeof offerContactSchema>;

/** The offer's own fields, shared by its create body. */
export const offerFields = {
  /** Origin, transit countries in order, destination: ISO 3166-1 alpha-2. */
  route: z.array(countrySchema).min(2, 'A route has an origin and a destination').max(10),
  means: z.array(z.enum(offerMeans)).max(offerMeans.length).optional(),
  priceMinor: z.int().min(1, 'A price is at least one minor unit').optional(),
  currency: currencySchema.optional(),
  stages: z.array(paymentStageSchema).max(10).optional(),
  /** The ad itself asks for more in stages than its price (a price "from", extras on the way). */
  stagesBeyondPrice: z.boolean().optional(),
  contacts: z.array(offerContactInputSchema).max(10).optional(),
  /** The suspect finding of who placed the ad. */
  advertiserId: idSchema.optional(),
};

type OfferMoney = {
  priceMinor?: number | undefined;
  currency?: string | undefined;
  stages?: PaymentStage[] | undefined;
  stagesBeyondPrice?: boolean | undefined;
};
type Issue = { path: (string | number)[]; message: string };

/**
 * The rules between an offer's amounts: a currency for any amount, amounts below the absurd for that
 * currency, and stages that add up to no more than the price unless the ad says so.
 */
export function offerMoneyIssues(offer: OfferMoney): Issue[] {
  const issues: Issue[] = [];
  const stages = offer.stages ?? [];
  const amounts = stages.flatMap((stage, i) =>
    stage.amountMinor === undefined ? [] : [{ i, amount: stage.amountMinor }],
  );
  const { currency } = offer;
  if (currency === undefined) {
    if (offer.priceMinor !== undefined) issues.push({ path: ['currency'], message: 'Give the currency of the price' });
    else if (amounts.length > 0) issues.push({ path: ['currency'], message: 'Give the currency of the stages' });
    return issues;
  }
  const limit = `at most ${maxAdvertisedMajor.toLocaleString('en')} ${currency} (${10 ** (currencyDigits(currency) ?? 0)} minor units each)`;
  if (offer.priceMinor !== undefined && !isPlausibleAmount(offer.priceMinor, currency))
    issues.push({ path: ['priceMinor'], message: `Not a plausible price: ${limit}` });
  for (const { i, amount } of amounts)
    if (!isPlausibleAmount(amount, currency))
      issues.push({ path: ['stages', i, 'amountMinor'], message: `Not a plausible amount: ${limit}` });
  const staged = amounts.reduce((sum, { amount }) => sum + amount, 0);
  if (offer.priceMinor !== undefined && staged > offer.priceMinor && !offer.stagesBeyondPrice)
    issues.push({
      path: ['stages'],
      message: 'The stages add up to more than the price; say so (stagesBeyondPrice) if the ad asks for that',
    });
  return issues;
}

/** Where an offer goes: origin → destination, the key of the report's route table. */
export const routeEnds = (route: readonly string[]) => ({ origin: route[0] ?? '', destination: route.at(-1) ?? '' });
