/**
 * The simulator for the one run that records microscopic snapshots (the point cloud). A reduced
 * chain such as the GAN's 'gram' variant is exact for the order parameters but keeps no
 * coordinates, so it has no micro(); the cloud then needs one of the model's O(n) variants.
 */
import type { Model, Simulator, SimulatorOptions } from './model';
import type { Params } from './params';

/**
 * The requested variant's simulator if it has micro(), else the simulator of the first of
 * Model.variants that has one (the same stream), else the requested one (a model without
 * coordinates at all: no snapshots, nothing breaks).
 */
export function simulatorWithMicro(
  model: Model,
  params: Params,
  options: SimulatorOptions = {},
): Simulator {
  const requested = model.simulator(params, options);
  if (requested.micro) return requested;
  const tried = options.variant ?? model.variants?.[0];
  for (const variant of model.variants ?? []) {
    if (variant === tried) continue;
    const sim = model.simulator(params, { ...options, variant });
    if (sim.micro) return sim;
  }
  return requested;
}
