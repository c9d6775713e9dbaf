export * from './decimal';
export * from './tolerance';
export * from './gauge-gate';
export * from './spc';
export * from './sampling';
