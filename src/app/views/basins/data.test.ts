import { describe, expect, it } from 'vitest';

import { basinRow, type BasinsData } from './data';

const data = (over: Partial<BasinsData>): BasinsData => ({
  points: [],
  labels: ['+', '−'],
  sgd: [{ label: '+', count: 4, fraction: 1, stderr: 0 }],
  ode: [],
  odeDone: false,
  expected: [{ label: '+', fraction: 0.5 }],
  runs: 4,
  ...over,
});

describe('basins table cells', () => {
  it('a basin no run reached shows 0 %, not a bare dash', () => {
    const row = basinRow(data({}), '−', { odeSkipped: null });
    expect(row.sgd.text).toBe('0.0 %');
    expect(row.theory.why).toContain('predicts no fraction');
  });

  it('the ODE column says why it has no number: pending, skipped, or 0 %', () => {
    expect(basinRow(data({}), '+', { odeSkipped: null }).ode).toMatchObject({ text: '…' });
    expect(basinRow(data({}), '+', { odeSkipped: null }).ode.why).toContain('once the SGD');
    const skipped = basinRow(data({}), '+', { odeSkipped: 'λ < ∞: no ODE' }).ode;
    expect(skipped).toEqual({ text: 'not run', why: 'λ < ∞: no ODE' });
    expect(basinRow(data({ odeDone: true }), '+', { odeSkipped: null }).ode.text).toBe('0.0 %');
  });
});
