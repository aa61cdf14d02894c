// The password strength estimator (zxcvbn-ts) in a worker thread: a check can take a second of CPU on a
// crafted password, which must not hold up everyone else's requests. Plain JavaScript, so it loads as is.
import { parentPort } from 'node:worker_threads';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';

const estimator = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
  // only the start of a long password is estimated: the rest can only make it stronger
  maxLength: 64,
  l33tMaxSubstitutions: 64,
});

parentPort?.on('message', ({ id, password, inputs }) => {
  const { score, feedback } = estimator.check(password, inputs);
  parentPort?.postMessage({ id, score, warning: feedback.warning, suggestion: feedback.suggestions[0] ?? null });
});
