export { redactPii, redactDeep, luhnValid, PII_MASKS, type PiiKind } from './redact';
export { exportCustomer, deleteCustomer, SUBJECT_EMAIL, type CustomerExport } from './customer-data';
export { RetentionSweeper, type RetentionOptions } from './retention';
