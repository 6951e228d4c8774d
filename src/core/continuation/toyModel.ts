/**
 * Test systems for the continuation: a model from a right-hand side in (x, y, z) with the
 * parameters mu, nu and a, so that a bifurcation known in closed form can be set up in a line.
 * Only the tests use it.
 */
import type { Model } from '../model';
import type { Rhs } from '../ode';
import type { Params } from '../params';

/** A test model from a right-hand side in (x, y, z) with parameters mu, nu, a. */
export function toy(rhs: (p: { mu: number; nu: number; a: number }) => Rhs): Model {
  const spec = (key: string, dflt: number) => ({
    key,
    symbol: key,
    tex: key,
    label: key,
    description: key,
    unit: 'dimensionless',
    kind: 'number' as const,
    min: -10,
    max: 10,
    default: dflt,
  });
  const values = (p: Params) => ({
    mu: p['mu'] as number,
    nu: p['nu'] as number,
    a: p['a'] as number,
  });
  return {
    id: 'toy',
    title: 'toy',
    paper: 'none',
    params: [spec('mu', 0), spec('nu', 0), spec('a', -1)],
    stateNames: () => ['x', 'y', 'z'],
    initialState: () => new Float64Array(3),
    rhs: (p) => rhs(values(p)),
    simulator: () => {
      throw new Error('no simulator');
    },
    presets: [],
    views: [{ kind: 'portrait', x: 'x', y: 'y' }],
  };
}
