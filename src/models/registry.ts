/** Every model macroscope knows. Adding a model: one folder and one line here. */
import type { Model } from '../core/model';
import { contrastiveModel } from './contrastive';
import { ganModel } from './gan';
import { gmmModel } from './gmm';
import { pcaModel } from './pca';
import { vaeModel } from './vae';
import { xorModel } from './xor';

export const models: readonly Model[] = [
  ganModel,
  vaeModel,
  pcaModel,
  gmmModel,
  xorModel,
  contrastiveModel,
];
