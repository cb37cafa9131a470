import { bce } from './bce.js';
import { ce } from './ce.js';
import { mse } from './mse.js';
import type { Loss, LossName } from './types.js';

export type { Loss, LossName } from './types.js';
export { bce } from './bce.js';
export { ce, logSumExpColumn } from './ce.js';
export { mse } from './mse.js';
export { softplus } from './softplus.js';

/** Every loss by name. */
export const losses: Readonly<Record<LossName, Loss>> = Object.freeze({ bce, ce, mse });

/** The loss called `name`; throws naming the valid names otherwise. */
export function getLoss(name: string): Loss {
  if (Object.hasOwn(losses, name)) return losses[name as LossName];
  throw new Error(`unknown loss "${name}": expected one of ${Object.keys(losses).join(', ')}`);
}
