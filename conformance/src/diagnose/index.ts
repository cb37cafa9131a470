export { diagnose } from './diagnose.js';
export { relativeDifference, agrees, firstDisagreement, formatNumber } from './numbers.js';
export { findShift } from './shift.js';
export type { Diagnosis, DiagnosisCode, DiagnoseContext } from './types.js';
