/** The stories macroscope ships, one per paper (the GMM's too): `story=<id>` opens one. */
import { contrastiveStory } from './contrastive';
import { ganStory } from './gan';
import { gmmStory } from './gmm';
import { pcaStory } from './pca';
import type { ShippedStory } from './preset';
import { vaeStory } from './vae';

export type { ShippedStory } from './preset';

export const SHIPPED_STORIES: readonly ShippedStory[] = [
  ganStory,
  vaeStory,
  pcaStory,
  contrastiveStory,
  gmmStory,
];
