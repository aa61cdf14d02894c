import type { Row } from '../lib/results.js';
import type { SuiteContext } from './context.js';

export async function reportSuite(_ctx: SuiteContext): Promise<Row[]> {
  throw new Error('not yet');
}
