/** Screening in the meeting: the safety-net setting, counts, the share-a-case form. */
export * from './screening-mode';
export * from './screening-counts';
export * from './finding-lines';
export * from './share-case';
