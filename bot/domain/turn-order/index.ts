/** Turn order for the consultation round: fair time, pure transitions, the status card's view and cadence. */
export * from './round-state';
export * from './fair-time';
export * from './transitions';
export * from './view';
export * from './cadence';
export * from './summary';
export * from './monthly-stats';
