/** A classification data set ready for training: preprocessed features and numeric targets. */
export interface Dataset {
  name: string;
  /** Names of the n0 feature columns. */
  featureNames: string[];
  /**
   * The classes in target order. Multiclass: classes[k] is column k of the one-hot Y.
   * Binary: classes[0] is target 0 and classes[1] is target 1 (Y has one column).
   */
  classes: string[];
  /** m rows of n0 features, already preprocessed (standardized, scaled). */
  X: number[][];
  /** m rows of targets: one 0/1 value for binary sets, a one-hot row for multiclass. */
  Y: number[][];
  /** The class label of each example, as a string. */
  labels: string[];
}
