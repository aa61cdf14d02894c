import { IdentifierError } from './identifier-error.js';

// anchored, bounded and unambiguous: constant work per value
/** Wallet address formats and how each is case-folded. */
export const walletFormats: readonly [RegExp, (v: string) => string][] = [
  [/^(?:bc1|tb1)[a-z0-9]{20,90}$/i, (v) => v.toLowerCase()],
  [/^[13][a-km-zA-HJ-NP-Z1-9]{25,34}$/, (v) => v],
  [/^0x[0-9a-fA-F]{40}$/, (v) => v.toLowerCase()],
  [/^T[1-9A-HJ-NP-Za-km-z]{33}$/, (v) => v],
  [/^4[0-9AB][1-9A-HJ-NP-Za-km-z]{93}$/, (v) => v],
];

/** A crypto wallet address (Bitcoin, Ethereum, Tron, Monero), case-normalised where its format allows. */
export function normalizeWallet(value: string): string {
  const trimmed = value.trim();
  if (trimmed.length <= 100)
    for (const [pattern, fold] of walletFormats) if (pattern.test(trimmed)) return fold(trimmed);
  throw new IdentifierError('Not a known wallet address format (BTC, ETH, TRX, XMR)');
}
