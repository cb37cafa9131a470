/**
 * Named fault switches for the mutant training loop (loop.ts). Each is one
 * small change of the kind people make when refactoring a training loop; all
 * off is the generic trainer, bit for bit.
 */
export interface Faults {
  /** Report every N epochs, and the print block ends in `else: continue`: no backward pass or update on the other epochs. */
  continueOnNonReportingEpochs?: number;
  /** The epoch loop counts 1..epochs and writes costs[epoch] into a preallocated array: costs[0] is never written, the last write falls off the end. */
  epochLoopFromOne?: boolean;
  /** The epoch loop runs `<=` epochs: one epoch too many. */
  extraEpoch?: boolean;
  /** Each epoch records the cost after its update instead of before. */
  costAfterUpdate?: boolean;
  /** Each layer is updated as soon as its gradient is known, so the layers below backpropagate through updated weights. */
  backwardUsesUpdatedWeights?: boolean;
  /** dW and db are not divided by m. */
  missingInverseM?: boolean;
  /** dW and db are divided by m twice. */
  inverseMTwice?: boolean;
  /** db sums dZ over units as well as examples (one number broadcast to every unit). */
  biasGradientOverUnits?: boolean;
  /** Softmax normalises each row (over the examples) instead of each column. */
  softmaxWrongAxis?: boolean;
  /** Hidden derivatives are evaluated at the activation A instead of at Z: g'(A). */
  derivativeAtActivation?: boolean;
  /** dWl = dZl · A[l]ᵀ where A[l-1] belongs (only shape-checks when adjacent widths are equal). */
  activationIndexOffByOne?: boolean;
  /** Gradient buffers are never zeroed: each step adds its gradient to the previous ones. */
  accumulateGradients?: boolean;
  /** Adam writes its bias-corrected moments back into its state. */
  adamStoresCorrectedMoments?: boolean;
  /** Momentum decays the gradient instead of the velocity: V = μ·G + G. */
  momentumOnGradient?: boolean;
  /** The cost adds 1e-8 inside the log (bce and ce), computed from A. */
  epsilonInLog?: boolean;
}
