import { z } from 'zod';

/**
 * Schemas for runs and conformance vectors, following vectors/SPEC.md
 * (`mlp-conformance-vector/1`). The zod schemas check each field on its own;
 * `runProblems` / `vectorProblems` then check the fields against each other
 * (widths, pairings, shapes), which needs the parsed layer widths first.
 * parse.ts turns the first problem into a one-line InputError.
 */

export const VECTOR_FORMAT = 'mlp-conformance-vector/1';
export const HIDDEN_ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear'] as const;
export const OUTPUT_ACTIVATIONS = ['sigmoid', 'softmax', 'linear', 'tanh'] as const;
const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'linear', 'softmax'] as const;
export const LOSSES = ['bce', 'ce', 'mse'] as const;
export const OPTIMIZER_KINDS = ['sgd', 'momentum', 'adam', 'rmsprop'] as const;

/** A short description of a value for "got ..." in messages. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array (length ${value.length})`;
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
    case 'number':
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/**
 * Zod error option: "missing: expected X" or "expected X, got Y". Unknown
 * fields of a strict object are left to parse.ts ("unexpected field ..."),
 * which names them.
 */
function expecting(what: string) {
  return {
    error: (issue: { input?: unknown; code?: string }) => {
      if (issue.code === 'unrecognized_keys') return undefined;
      return issue.input === undefined ? `missing: expected ${what}` : `expected ${what}, got ${describeValue(issue.input)}`;
    },
  };
}

const positiveNumber = z.number(expecting('a positive number')).positive(expecting('a positive number'));
const positiveInteger = z.int(expecting('a positive integer')).positive(expecting('a positive integer'));
const finiteNumber = z.number(expecting('a finite number'));
const nonNegativeNumber = z.number(expecting('a number >= 0')).min(0, expecting('a number >= 0'));
/** A decay rate in [0, 1): beta1, beta2, rho, momentum (1 would never forget, or divide by zero in Adam's correction). */
const decayRate = z.number(expecting('a number in [0, 1)')).min(0, expecting('a number in [0, 1)')).lt(1, expecting('a number in [0, 1)'));
const dampening = z.number(expecting('a number in [0, 1]')).min(0, expecting('a number in [0, 1]')).max(1, expecting('a number in [0, 1]'));

const kinds = OPTIMIZER_KINDS.join(', ');

/** The fields of core's OptimizerSpec; strict, so a misspelt setting is an error, not silently ignored. */
export const optimizerSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('sgd'), learningRate: positiveNumber }),
    z.strictObject({
      kind: z.literal('momentum'),
      learningRate: positiveNumber,
      momentum: decayRate,
      dampening: dampening.optional(),
    }),
    z.strictObject({
      kind: z.literal('adam'),
      learningRate: positiveNumber,
      beta1: decayRate.optional(),
      beta2: decayRate.optional(),
      epsilon: positiveNumber.optional(),
    }),
    z.strictObject({
      kind: z.literal('rmsprop'),
      learningRate: positiveNumber,
      rho: decayRate.optional(),
      epsilon: positiveNumber.optional(),
    }),
  ],
  {
    // The union reports at `optimizer.kind` but hands us the whole optimizer object.
    error: (issue: { code?: string; input?: unknown }) => {
      if (issue.code !== 'invalid_union') return `expected an object {kind, learningRate, ...}, got ${describeValue(issue.input)}`;
      const kind = (issue.input as { kind?: unknown } | undefined)?.kind;
      return kind === undefined ? `missing: expected one of ${kinds}` : `expected one of ${kinds}, got ${describeValue(kind)}`;
    },
  },
);

const modelSchema = z.strictObject(
  {
    layers: z
      .array(positiveInteger, expecting('an array of layer widths [n0, n1, ..., nL]'))
      .min(2, expecting('at least two widths [n0, n1]')),
    activations: z.array(z.enum(ACTIVATIONS, expecting(`one of ${ACTIVATIONS.join(', ')}`)), expecting('an array of activation names')),
    loss: z.enum(LOSSES, expecting(`one of ${LOSSES.join(', ')}`)),
  },
  expecting('an object {layers, activations, loss}'),
);

const trainingSchema = z.strictObject(
  {
    epochs: positiveInteger,
    batchSize: z
      .int(expecting('null (full batch) or a positive integer'))
      .positive(expecting('null (full batch) or a positive integer'))
      .nullable(),
    shuffle: z.literal(false, expecting('false (this format version never shuffles)')),
    optimizer: optimizerSchema,
  },
  expecting('an object {epochs, batchSize, shuffle, optimizer}'),
);

const rowSchema = z.array(finiteNumber, expecting('a row of numbers'));
const dataSchema = z.strictObject(
  {
    X: z.array(rowSchema, expecting('an array of example rows')).min(1, expecting('at least one example row')),
    Y: z.array(rowSchema, expecting('an array of target rows')).min(1, expecting('at least one target row')),
  },
  expecting('an object {X, Y}'),
);

/** Shapes of W1..WL, b1..bL depend on model.layers, so they are checked in runProblems. */
const initSchema = z.record(z.string(), z.unknown(), expecting('an object {W1, b1, ..., WL, bL}'));

const expectedSchema = z.strictObject(
  {
    costs: z.array(finiteNumber, expecting('an array of costs, one per epoch')),
    finalCost: finiteNumber,
    // 0 is allowed: a vector may demand bit-identical costs.
    tolerance: z.strictObject({ relative: nonNegativeNumber }, expecting('an object {relative}')),
  },
  expecting('an object {costs, finalCost, tolerance}'),
);

const runFields = {
  format: z.literal(VECTOR_FORMAT, expecting(JSON.stringify(VECTOR_FORMAT))).optional(),
  name: z.string(expecting('a non-empty string')).min(1, expecting('a non-empty string')),
  description: z.string(expecting('a string')).optional(),
  model: modelSchema,
  training: trainingSchema,
  data: dataSchema,
  init: initSchema,
  initRecipe: z.unknown().optional(),
};

/** A run: a vector's fields without `expected`. Unknown top-level fields (e.g. `reference`) are dropped. */
export const runSchema = z.object(runFields, expecting('a JSON object'));

/**
 * A vector: `format` is required, and so is `expected`; `reference` (how the
 * expected costs were produced) is free-form. Any other top-level field is an
 * error: a misspelt `expected` must not pass unnoticed.
 */
export const vectorSchema = z.strictObject(
  {
    ...runFields,
    format: z.literal(VECTOR_FORMAT, expecting(JSON.stringify(VECTOR_FORMAT))),
    expected: expectedSchema,
    reference: z.unknown().optional(),
  },
  expecting('a JSON object'),
);

export type ParsedRun = z.infer<typeof runSchema>;
export type ParsedVector = z.infer<typeof vectorSchema>;

/** One thing wrong with an input, at a field path. */
export interface Problem {
  path: (string | number)[];
  message: string;
}

/**
 * Cross-field checks of a run whose fields each passed the schema: one
 * activation per layer (hidden ones and the output from their lists), the
 * loss fits the output, X and Y fit the widths and each other, and init holds
 * exactly W1..WL, b1..bL of the right shapes.
 */
export function runProblems(run: ParsedRun): Problem[] {
  const { layers, activations, loss } = run.model;
  const L = layers.length - 1;
  if (activations.length !== L) {
    return [
      {
        path: ['model', 'activations'],
        message: `expected ${L} names, one per layer (model.layers has ${layers.length} widths), got ${activations.length}`,
      },
    ];
  }
  return [...activationProblems(activations, loss), ...dataProblems(run, layers), ...initProblems(run.init, layers)];
}

/** runProblems plus: one expected cost per epoch. */
export function vectorProblems(vector: ParsedVector): Problem[] {
  const problems = runProblems(vector);
  const { costs } = vector.expected;
  if (costs.length !== vector.training.epochs) {
    problems.push({
      path: ['expected', 'costs'],
      message: `has ${costs.length} values, expected one per epoch (training.epochs = ${vector.training.epochs})`,
    });
  }
  return problems;
}

function activationProblems(activations: readonly string[], loss: string): Problem[] {
  const problems: Problem[] = [];
  const last = activations.length - 1;
  activations.forEach((name, i) => {
    if (i < last && !(HIDDEN_ACTIVATIONS as readonly string[]).includes(name)) {
      problems.push({
        path: ['model', 'activations', i],
        message: `${name} cannot be a hidden layer's activation: expected one of ${HIDDEN_ACTIVATIONS.join(', ')}`,
      });
    }
    if (i === last && !(OUTPUT_ACTIVATIONS as readonly string[]).includes(name)) {
      problems.push({
        path: ['model', 'activations', i],
        message: `${name} cannot be the output activation: expected one of ${OUTPUT_ACTIVATIONS.join(', ')}`,
      });
    }
  });
  const output = activations[last];
  const pairing =
    loss === 'bce' && output !== 'sigmoid'
      ? `bce needs a sigmoid output, but the last activation is ${output}`
      : loss === 'ce' && output !== 'softmax'
        ? `ce needs a softmax output, but the last activation is ${output}`
        : loss === 'mse' && output === 'softmax'
          ? 'mse needs an element-wise output (sigmoid, linear or tanh), not softmax'
          : undefined;
  if (pairing !== undefined) problems.push({ path: ['model', 'loss'], message: pairing });
  return problems;
}

function dataProblems(run: ParsedRun, layers: readonly number[]): Problem[] {
  const problems: Problem[] = [];
  const { X, Y } = run.data;
  const n0 = layers[0]!;
  const L = layers.length - 1;
  const nL = layers[L]!;
  if (Y.length !== X.length) {
    problems.push({ path: ['data', 'Y'], message: `has ${Y.length} rows but data.X has ${X.length}: expected one target row per example` });
  }
  // Report only the first bad row of each: one wrong width usually means all are.
  const badX = X.findIndex((row) => row.length !== n0);
  if (badX >= 0) {
    problems.push({ path: ['data', 'X', badX], message: `has ${X[badX]!.length} values, expected n0 = ${n0} (model.layers[0])` });
  }
  const badY = Y.findIndex((row) => row.length !== nL);
  if (badY >= 0) {
    problems.push({ path: ['data', 'Y', badY], message: `has ${Y[badY]!.length} values, expected nL = ${nL} (model.layers[${L}])` });
  }
  if (badY < 0) problems.push(...targetProblems(Y, run.model.loss));
  return problems;
}

/** SPEC: a 0/1 value for bce, a one-hot row for ce; mse takes any numbers. */
function targetProblems(Y: readonly number[][], loss: string): Problem[] {
  if (loss === 'bce') {
    for (let i = 0; i < Y.length; i++) {
      const j = Y[i]!.findIndex((y) => y !== 0 && y !== 1);
      if (j >= 0) return [{ path: ['data', 'Y', i, j], message: `expected 0 or 1 for bce, got ${Y[i]![j]}` }];
    }
  }
  if (loss === 'ce') {
    for (let i = 0; i < Y.length; i++) {
      const row = Y[i]!;
      const oneHot = row.every((y) => y === 0 || y === 1) && row.filter((y) => y === 1).length === 1;
      if (!oneHot) return [{ path: ['data', 'Y', i], message: `expected a one-hot row for ce (one 1, the rest 0), got [${row.join(', ')}]` }];
    }
  }
  return [];
}

function initProblems(init: Record<string, unknown>, layers: readonly number[]): Problem[] {
  const problems: Problem[] = [];
  const L = layers.length - 1;
  const names = new Set<string>();
  for (let l = 1; l <= L; l++) {
    const rows = layers[l]!;
    const cols = layers[l - 1]!;
    names.add(`W${l}`).add(`b${l}`);
    const w = init[`W${l}`];
    const wPath = ['init', `W${l}`];
    const wShape = `${rows} rows of ${cols} numbers (layer ${l} maps ${cols} -> ${rows}, out x in)`;
    if (!Array.isArray(w)) {
      problems.push({ path: wPath, message: w === undefined ? `missing: expected ${wShape}` : `expected ${wShape}, got ${describeValue(w)}` });
    } else if (w.length !== rows) {
      problems.push({ path: wPath, message: `has ${w.length} rows, expected ${wShape}` });
    } else {
      const bad = w.findIndex((row) => !isNumberRow(row, cols));
      if (bad >= 0) problems.push({ path: [...wPath, bad], message: `expected a row of ${cols} finite numbers, got ${describeRow(w[bad])}` });
    }
    const b = init[`b${l}`];
    const bPath = ['init', `b${l}`];
    if (!isNumberRow(b, rows)) {
      problems.push({
        path: bPath,
        message: b === undefined ? `missing: expected ${rows} numbers` : `expected ${rows} finite numbers, got ${describeRow(b)}`,
      });
    }
  }
  for (const key of Object.keys(init)) {
    if (!names.has(key)) {
      problems.push({ path: ['init', key], message: `unexpected parameter: a ${L}-layer network has W1..W${L} and b1..b${L}` });
    }
  }
  return problems;
}

function isNumberRow(value: unknown, length: number): boolean {
  return Array.isArray(value) && value.length === length && value.every((v) => typeof v === 'number' && Number.isFinite(v));
}

function describeRow(value: unknown): string {
  if (!Array.isArray(value)) return describeValue(value);
  const odd = value.find((v) => typeof v !== 'number' || !Number.isFinite(v));
  return odd === undefined ? `${value.length} numbers` : `an array holding ${describeValue(odd)}`;
}
