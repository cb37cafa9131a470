/** A table of examples as read from a file: one row per example, numeric features, string labels. */
export interface LabeledTable {
  /** Names of the feature columns, in file order (the label column removed). */
  featureNames: string[];
  /** m rows of n feature values. */
  features: number[][];
  /** m class labels, kept as the strings found in the file. */
  labels: string[];
}
