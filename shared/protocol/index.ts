export * from './version';
export * from './primitives';
export * from './user';
export * from './entities';
export * from './events';
export * from './commands';
export * from './rest';
export * from './socket';
