/**
 * The contracts between the router, the host and each world, declared once: types, runtime
 * validators and the binary scene codec. This folder imports nothing else of ours.
 */
export * from './api/index.ts';
export * from './directions.ts';
export * from './messages/focus-events.ts';
export * from './messages/history.ts';
export * from './messages/index.ts';
export * from './messages/lifecycle.ts';
export * from './messages/navigation.ts';
export * from './messages/scene-batch.ts';
export * from './motion.ts';
export * from './props.ts';
export * from './release-manifest.ts';
export * from './scene-codec/checked-ops.ts';
export * from './scene-codec/decode.ts';
export * from './scene-codec/encode.ts';
export * from './scene-ops.ts';
export * from './schema.ts';
export * from './value-codec/decode.ts';
export * from './value-codec/encode.ts';
export * from './value-codec/format.ts';
export * from './version.ts';
export * from './wasm-abi.ts';
export * from './wasm-manifest.ts';
export * from './worlds.ts';
