import { DataError } from './data-error.js';

/**
 * One-hot targets: row i has a 1 in the column of labels[i]'s class and 0 elsewhere.
 *
 * Without `classes`, the class order is the order of first appearance in `labels`, so
 * the same file always gives the same columns. With `classes`, that order is used and a
 * label outside it is a DataError (a validation set must not invent a class).
 */
export function oneHot(
  labels: readonly string[],
  classes?: readonly string[],
): { classes: string[]; Y: number[][] } {
  const order = classes === undefined ? [...new Set(labels)] : checkClasses(classes);
  const column = new Map(order.map((c, k) => [c, k]));
  const Y = labels.map((label, i) => {
    const k = column.get(label);
    if (k === undefined) {
      throw new DataError(
        `oneHot: label ${JSON.stringify(label)} of example ${i} is not one of the classes ${order.join(', ')}`,
      );
    }
    const row = new Array<number>(order.length).fill(0);
    row[k] = 1;
    return row;
  });
  return { classes: order, Y };
}

function checkClasses(classes: readonly string[]): string[] {
  if (new Set(classes).size !== classes.length) {
    throw new DataError(`oneHot: the classes ${classes.join(', ')} contain a duplicate`);
  }
  return [...classes];
}
