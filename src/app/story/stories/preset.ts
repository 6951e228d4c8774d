/**
 * A shipped story's scene from one of a model's presets (its state and view keys), with the
 * scene's own keys added: the views on show, the sliders kept while presenting.
 */
import { models } from '../../../models/registry';
import type { Scene } from '../story';

/** The scene of preset `presetId` of model `modelId`; a missing preset is a bug (tested). */
export function presetScene(
  modelId: string,
  presetId: string,
  extra: string,
  caption: string,
): Scene {
  const model = models.find((m) => m.id === modelId);
  const preset = model?.presets.find((p) => p.id === presetId);
  if (!preset) throw new Error(`story scene: no preset ${modelId}/${presetId}`);
  const parts = [`model=${modelId}`, preset.state, preset.view ?? '', extra];
  return { state: parts.filter(Boolean).join('&'), caption };
}

/** A shipped story: an id for `story=`, the model it is about, a title and its scenes. */
export interface ShippedStory {
  id: string;
  model: string;
  title: string;
  scenes: Scene[];
}
