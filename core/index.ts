// core/ simulates the Linux socket layer and TCP/IPv4 path in pure, deterministic TypeScript,
// and runs students' C programs and the lab shell over it. This file is the one entry main/
// and labs/ import; nothing here touches the DOM, Node, Electron, real time or the network.
export * from './shell/index';
export * as lang from './lang/index';
export type { CParser } from './lang/index';
export * as exec from './exec/index';
export * from './session/index';
export * as trace from './trace/index';
export * as wire from './wire/index';
export * as views from './views/index';
export * as kernel from './kernel/index';
