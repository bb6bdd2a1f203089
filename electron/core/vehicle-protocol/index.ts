export * from './link-port';
export * from './item-mapping';
export * from './vehicle-protocol';
export * from './plan-transfer';
export * from './command-actions';
export * from './registry';
