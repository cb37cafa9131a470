import { describe, expect, it } from 'vitest';
import { buildReport, compareResults, shapeLabel, totalsOf } from './report.js';

const base = { run: 'iris/seed-1', layers: [4, 16, 8, 8, 3], tolerance: 1e-9 };

describe('compareResults', () => {
  it('summarizes agreeing curves with the reference costs', () => {
    const c = compareResults({
      ...base,
      dataset: 'iris',
      seed: 1,
      reference: { label: 'hardcoded', result: { costs: [1.1, 0.9, 0.7], finalCost: 0.6 } },
      candidate: { label: 'generic', result: { costs: [1.1, 0.9, 0.7], finalCost: 0.6 } },
      startIdentical: true,
    });
    expect(c).toEqual({
      run: 'iris/seed-1',
      dataset: 'iris',
      shape: '4-16-8-8-3',
      seed: 1,
      reference: 'hardcoded',
      candidate: 'generic',
      pass: true,
      epochs: 3,
      firstCost: 1.1,
      finalCost: 0.6,
      firstDivergentEpoch: null,
      divergentCosts: null,
      maxRelativeDifference: 0,
      tolerance: 1e-9,
      startIdentical: true,
      diagnosis: null,
    });
    expect(JSON.parse(JSON.stringify(c))).toEqual(c); // plain data
  });

  it('leaves out dataset, seed and startIdentical when not given', () => {
    const c = compareResults({
      ...base,
      reference: { label: 'vector', result: { costs: [1], finalCost: 0.5 } },
      candidate: { label: 'generic', result: { costs: [1], finalCost: 0.5 } },
    });
    expect(Object.keys(c)).not.toContain('dataset');
    expect(Object.keys(c)).not.toContain('seed');
    expect(Object.keys(c)).not.toContain('startIdentical');
  });

  it('names the first divergent epoch and both costs there', () => {
    const c = compareResults({
      ...base,
      reference: { label: 'hardcoded', result: { costs: [1.1, 0.9, 0.7], finalCost: 0.6 } },
      candidate: { label: 'generic', result: { costs: [1.1, 0.9, 0.8], finalCost: 0.7 } },
    });
    expect(c).toMatchObject({ pass: false, firstDivergentEpoch: 2, divergentCosts: { reference: 0.7, candidate: 0.8 } });
    expect(c.maxRelativeDifference).toBeCloseTo(0.1 / 0.7, 12);
  });

  it('places a final-cost-only difference at index `epochs`', () => {
    const c = compareResults({
      ...base,
      reference: { label: 'vector', result: { costs: [1.1, 0.9], finalCost: 0.6 } },
      candidate: { label: 'generic', result: { costs: [1.1, 0.9], finalCost: 0.61 } },
    });
    expect(c).toMatchObject({ pass: false, epochs: 2, firstDivergentEpoch: 2, divergentCosts: { reference: 0.6, candidate: 0.61 } });
  });

  it('fails a candidate that stopped early, where it stopped', () => {
    const c = compareResults({
      ...base,
      reference: { label: 'vector', result: { costs: [1.1, 0.9, 0.7], finalCost: 0.6 } },
      candidate: { label: 'generic', result: { costs: [1.1], finalCost: 0.9 } },
    });
    // the candidate's final cost sits where the reference's epoch-1 cost is: equal, so epoch 2 is the first gap
    expect(c).toMatchObject({ pass: false, firstDivergentEpoch: 2, divergentCosts: { reference: 0.7, candidate: null } });
    expect(c.maxRelativeDifference).toBe(Infinity);
  });

  it('diagnoses a disagreement: a cost that stands still across an epoch is an update skipped', () => {
    const c = compareResults({
      ...base,
      reference: { label: 'hardcoded', result: { costs: [1.1, 0.9, 0.75, 0.62, 0.55], finalCost: 0.5 } },
      candidate: { label: 'generic', result: { costs: [1.1, 0.9, 0.9, 0.75, 0.75], finalCost: 0.62 } },
    });
    expect(c).toMatchObject({ pass: false, firstDivergentEpoch: 2, diagnosis: { code: 'update-skipped', epoch: 2 } });
  });
});

describe('totals and report', () => {
  it('counts passes and failures', () => {
    expect(totalsOf([{ pass: true }, { pass: false }, { pass: true }])).toEqual({ runs: 3, passed: 2, failed: 1 });
    expect(buildReport([]).totals).toEqual({ runs: 0, passed: 0, failed: 0 });
    expect(shapeLabel([2, 3, 1])).toBe('2-3-1');
  });
});
