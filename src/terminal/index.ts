/**
 * The terminal bridge's shared protocol (issue 14): messages, their validation, limits and the
 * native messaging framing. Pure and browser-safe: used by the host and `wic` (Node) and, later,
 * by the extension's background. The contract the extension implements is in `./messages`.
 */
export * from './error-codes';
export * from './frame-codec';
export * from './limits';
export * from './messages';
export * from './native-host';
export * from './validate';
