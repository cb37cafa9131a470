export { diagnose } from './diagnose.js';
export { findShift } from './shift.js';
export type { Diagnosis, DiagnosisCode, DiagnoseContext } from './types.js';
