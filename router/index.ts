/**
 * Navigation as pure logic: the history stack both worlds follow, URLs for it, the page-switch
 * machine and the facade the host drives. Effects come in through `RouterPorts`.
 */
export * from './browser-history.ts';
export * from './history-stack.ts';
export * from './navigation-context.ts';
export * from './navigation-events.ts';
export * from './navigation-machine.ts';
export * from './ports.ts';
export * from './router.ts';
export * from './selectors.ts';
export * from './url.ts';
