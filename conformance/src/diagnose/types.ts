/** What kind of fault a disagreement looks like. */
export type DiagnosisCode =
  | 'length-mismatch'
  | 'non-finite'
  | 'cost-definition'
  | 'update-skipped'
  | 'curve-shifted'
  | 'step-scaled'
  | 'diverged';

export interface Diagnosis {
  code: DiagnosisCode;
  /** One sentence for a person: what differs, where, and the likely fault. */
  message: string;
  /** The epoch (from 0) the diagnosis is about; `costs.length` means "after the last epoch". */
  epoch?: number;
  /** With traces: the layer (from 1) of the first parameter that differs, nearest the output. */
  layer?: number;
  /** With traces: that parameter's name, `W3`, `b1`, ... */
  parameter?: string;
  /** For `curve-shifted`: candidate[i] = reference[i + shift] (negative: the candidate lags). */
  shift?: number;
  /** For `step-scaled`: candidate update = factor x reference update. */
  factor?: number;
}

/** Facts about the run that sharpen the diagnosis; all optional. */
export interface DiagnoseContext {
  /**
   * True when an epoch makes more than one update (mini-batches): an epoch's
   * cost then also depends on the updates made inside it, so a difference at
   * epoch 0 is not necessarily a different cost definition.
   */
  miniBatch?: boolean;
  /**
   * Step factors worth naming when only costs are available (no traces), e.g.
   * m and 1/m for a 1/m applied not at all or twice. A first update whose
   * cost change is one of these multiples of the reference's is `step-scaled`.
   */
  stepFactors?: number[];
}
