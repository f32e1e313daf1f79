/**
 * The drizzle schema, one file per area. drizzle-kit reads this module
 * (drizzle.config.ts) and generates `migrations/` from it.
 */
export * from './schema/baseline.ts';
export * from './schema/bookings.ts';
export * from './schema/core.ts';
export * from './schema/funding.ts';
export * from './schema/helpdesk.ts';
export * from './schema/inventory.ts';
export * from './schema/loans.ts';
export * from './schema/loans-campaigns.ts';
export * from './schema/loans-mail.ts';
export * from './schema/procurement.ts';
export * from './schema/training.ts';
