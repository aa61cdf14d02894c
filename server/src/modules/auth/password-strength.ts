import { Worker } from 'node:worker_threads';
import { fail } from '../../http/errors.js';

/** zxcvbn's score (0–4) a password needs: 3 is "safely unguessable" against an online attack. */
const MIN_SCORE = 3;
/** A check that takes longer than this (a stuck worker) lets the password through rather than stall a sign-up. */
const BUDGET_MS = 5_000;

interface Estimate {
  id: number;
  score: number;
  warning: string | null;
  suggestion: string | null;
}

let worker: Worker | null = null;
let nextId = 0;
const waiting = new Map<number, (estimate: Estimate | null) => void>();

function estimator(): Worker {
  if (worker) return worker;
  const started = new Worker(new URL('./password-strength.worker.mjs', import.meta.url));
  started.unref();
  started.on('message', (estimate: Estimate) => {
    waiting.get(estimate.id)?.(estimate);
    waiting.delete(estimate.id);
  });
  const reset = () => {
    for (const done of waiting.values()) done(null);
    waiting.clear();
    if (worker === started) worker = null;
  };
  started.on('error', reset);
  started.on('exit', reset);
  worker = started;
  return started;
}

/** zxcvbn's estimate of a password, computed off the event loop (null: no answer within the budget). */
function estimate(password: string, inputs: string[]): Promise<Estimate | null> {
  const id = ++nextId;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      waiting.delete(id);
      resolve(null);
    }, BUDGET_MS);
    waiting.set(id, (answer) => {
      clearTimeout(timer);
      resolve(answer);
    });
    estimator().postMessage({ id, password, inputs });
  });
}

/**
 * Refuses a password that is among the commonest or otherwise easy to guess (also from the person's own
 * e-mail and name) with `auth.weak_password`, saying why.
 */
export async function assertStrongPassword(password: string, inputs: string[]): Promise<void> {
  const answer = await estimate(password, inputs);
  if (!answer || answer.score >= MIN_SCORE) return;
  const reason = [answer.warning, answer.suggestion].filter(Boolean).join(' ') || 'It is too easy to guess.';
  fail('auth.weak_password', { params: { reason } });
}
