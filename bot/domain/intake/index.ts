/** Case intake at the start of a consultation meeting: answers, tally and the time plan. */
export * from './services';
export * from './intake-state';
export * from './tally';
export * from './time-plan';
export * from './start-decision';
