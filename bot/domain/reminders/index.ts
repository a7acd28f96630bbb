/** Reminders before the monthly workshops: schedule, change notices and substitutes (pure). */
export * from './offsets';
export * from './model';
export * from './plan';
export * from './notices';
export * from './attendance';
