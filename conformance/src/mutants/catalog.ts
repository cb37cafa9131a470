import type { DiagnosisCode } from '../diagnose/index.js';
import type { Faults } from './faults.js';
import type { MutantRunId } from './runs.js';

/** One faulty variant of the generic trainer, the runs it shows on, and what the diagnosis should say. */
export interface Mutant {
  id: string;
  /** One sentence: the slip, as someone would make it. */
  description: string;
  faults: Faults;
  /** Runs on which the fault applies (an Adam fault needs an Adam run, ...). */
  runs: MutantRunId[];
  /** The diagnosis expected on every one of those runs; the parameter where the fault enters, with traces. */
  expected: { code: DiagnosisCode; parameter?: string };
}

/** Every run has three layers: W3/b3 at the output, W2/b2 below it. */
export const MUTANTS: readonly Mutant[] = [
  {
    id: 'continue-skips-update',
    description: 'The cost is printed every 10 epochs and the print block ends in `else: continue`, so the update runs only on printing epochs.',
    faults: { continueOnNonReportingEpochs: 10 },
    runs: ['iris-relu-sgd', 'flower-tanh-sgd', 'iris-tanh-adam-minibatch'],
    expected: { code: 'update-skipped' },
  },
  {
    id: 'epoch-loop-from-one',
    description: 'The epoch loop counts from 1 to epochs and stores costs[epoch] in a preallocated array: every cost lands one slot late.',
    faults: { epochLoopFromOne: true },
    runs: ['iris-relu-sgd', 'wine-relu-momentum'],
    expected: { code: 'curve-shifted' },
  },
  {
    id: 'epoch-loop-extra-epoch',
    description: 'The epoch loop runs while epoch <= epochs: one epoch too many.',
    faults: { extraEpoch: true },
    runs: ['iris-relu-sgd'],
    expected: { code: 'length-mismatch' },
  },
  {
    id: 'cost-after-update',
    description: "Each epoch records the cost of the parameters after its update instead of before it.",
    faults: { costAfterUpdate: true },
    runs: ['iris-relu-sgd', 'flower-tanh-sgd'],
    expected: { code: 'curve-shifted' },
  },
  {
    id: 'backward-uses-updated-weights',
    description: 'Each layer is updated as soon as its gradient is known, so the layers below backpropagate through weights already updated in this step.',
    faults: { backwardUsesUpdatedWeights: true },
    runs: ['iris-relu-sgd', 'flower-tanh-sgd'],
    expected: { code: 'diverged', parameter: 'W2' },
  },
  {
    id: 'missing-inverse-m',
    description: 'dW and db are not divided by the number of examples m.',
    faults: { missingInverseM: true },
    runs: ['iris-relu-sgd', 'flower-tanh-sgd'],
    expected: { code: 'step-scaled' },
  },
  {
    id: 'inverse-m-twice',
    description: 'dW and db are divided by m twice (once in the gradient, once again before the update).',
    faults: { inverseMTwice: true },
    runs: ['iris-relu-sgd', 'flower-tanh-sgd', 'wine-relu-momentum'],
    expected: { code: 'step-scaled' },
  },
  {
    id: 'bias-gradient-over-units',
    description: 'The bias gradient sums dZ over the units as well as the examples (np.sum without axis=1).',
    faults: { biasGradientOverUnits: true },
    runs: ['iris-relu-sgd', 'wine-relu-momentum'],
    expected: { code: 'diverged', parameter: 'b3' },
  },
  {
    id: 'softmax-wrong-axis',
    description: 'Softmax normalises over the examples (each row) instead of over the classes (each column).',
    faults: { softmaxWrongAxis: true },
    runs: ['iris-relu-sgd', 'flower-equal-widths'],
    expected: { code: 'diverged', parameter: 'W3' },
  },
  {
    id: 'derivative-at-activation',
    description: "Hidden derivatives are evaluated at the activation instead of at z: g'(A) where g'(Z) belongs (tanh and sigmoid layers; relu'(relu(z)) would hide it).",
    faults: { derivativeAtActivation: true },
    runs: ['iris-tanh-sgd', 'flower-tanh-sgd'],
    expected: { code: 'diverged', parameter: 'W2' },
  },
  {
    id: 'activation-index-off-by-one',
    description: 'The backward loop computes dWl from A[l] where A[l-1] belongs; with equal adjacent widths the shapes still fit.',
    faults: { activationIndexOffByOne: true },
    runs: ['flower-equal-widths'],
    expected: { code: 'diverged', parameter: 'W3' },
  },
  {
    id: 'gradients-accumulate',
    description: 'The gradient buffers are never zeroed, so each step adds its gradient to all the previous ones.',
    faults: { accumulateGradients: true },
    runs: ['iris-relu-sgd', 'iris-tanh-adam-minibatch'],
    expected: { code: 'diverged', parameter: 'W3' },
  },
  {
    id: 'adam-stores-corrected-moments',
    description: "Adam writes its bias-corrected moments M/(1-β1^t) and S/(1-β2^t) back into its state.",
    faults: { adamStoresCorrectedMoments: true },
    runs: ['iris-tanh-adam-minibatch'],
    expected: { code: 'diverged', parameter: 'W3' },
  },
  {
    id: 'momentum-on-gradient',
    description: 'Momentum decays the gradient instead of the velocity: V = μ·G + G in place of V = μ·V + G.',
    faults: { momentumOnGradient: true },
    runs: ['wine-relu-momentum'],
    expected: { code: 'diverged', parameter: 'W3' },
  },
  {
    id: 'epsilon-in-log',
    description: 'The cost adds 1e-8 inside the log (computed from A), so it is not the cost being minimised.',
    faults: { epsilonInLog: true },
    runs: ['iris-relu-sgd', 'flower-tanh-sgd'],
    expected: { code: 'cost-definition' },
  },
];
