// The model as plain data, safe to import from the browser (no driver, no Node APIs).
export * from './enums.ts';
export * from './limits.ts';
export * from './entities.ts';
export * from './derived.ts';
export * from './validation.ts';
export type * from './map-elements.ts';
export type * from './diff-summary.ts';
export { DomainError, ERROR_CODES, isDomainError, type ErrorCode } from '../errors.ts';
export * from './names.ts';
export * from './dates.ts';
export * from './authors.ts';
