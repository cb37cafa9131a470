import { ShapeError, type Matrix } from '../matrix.js';

// Checks and per-parameter buffers shared by the optimizers. Messages are
// built only on failure, so a step allocates nothing once its state exists.

/** Same number of parameters and gradients, each gradient shaped like its parameter. */
export function checkStepInputs(kind: string, params: readonly Matrix[], grads: readonly Matrix[]): void {
  if (params.length !== grads.length) {
    throw new ShapeError(`${kind}.step: ${params.length} parameters but ${grads.length} gradients`);
  }
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    const g = grads[i]!;
    if (p.rows !== g.rows || p.cols !== g.cols) {
      throw new ShapeError(`${kind}.step: parameter ${i} is ${p.shape} but its gradient is ${g.shape}`);
    }
  }
}

/** One zeroed buffer per parameter, sized to it: done once, on the first step. */
export function allocateState(params: readonly Matrix[]): Float64Array[] {
  return params.map((p) => new Float64Array(p.size));
}

/** The parameters must be those the state was sized for on the first step. */
export function checkStateFits(kind: string, state: readonly Float64Array[], params: readonly Matrix[]): void {
  if (state.length !== params.length) {
    throw new ShapeError(
      `${kind}.step: ${params.length} parameters, but the state was made for ${state.length} on the first step (reset() to start over)`,
    );
  }
  for (let i = 0; i < params.length; i++) {
    if (state[i]!.length !== params[i]!.size) {
      throw new ShapeError(
        `${kind}.step: parameter ${i} has ${params[i]!.size} values, but its state was made for ${state[i]!.length} (reset() to start over)`,
      );
    }
  }
}
