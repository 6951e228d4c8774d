/**
 * Input a model cannot run with although each value is valid on its own (e.g. the PCA's
 * full-tensor sampler at an n whose n^k entries do not fit). The message says why and what to do;
 * the CLI reports it as bad input (exit 2) and the app's status line shows it.
 */
export class InputError extends Error {
  override name = 'InputError';
}
