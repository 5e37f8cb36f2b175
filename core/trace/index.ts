// core/trace is the product SockLab shows: a typed, versioned event schema named after Linux
// tracepoints (schema.ts), a recorder that stores events compactly at a chosen level
// (off, syscalls, full), text and JSON Lines printers, deterministic kernel-style object
// addresses, and snapshots of every live struct as of any event. Observers always receive
// copies. This folder imports nothing else of SockLab's.

export { AddressAllocator, DIRECT_MAP_PREFIX } from './address';
export { StringTable } from './intern';
export { formatEvent, formatTime, printTrace, toJsonLine, toJsonLines, traceHash } from './print';
export { TraceRecorder, type TraceListener } from './recorder';
export {
  KIND_BY_CODE,
  TRACE_KINDS,
  TRACE_SCHEMA_VERSION,
  levelRecords,
  type KindSpec,
  type TraceEvent,
  type TraceEventOf,
  type TraceFieldType,
  type TraceFieldsOf,
  type TraceHeader,
  type TraceKind,
  type TraceLevel,
  type TraceValue,
} from './schema';
export { CHECKPOINT_EVERY, SnapshotIndex, type Snapshot, type StructSnapshot } from './snapshot';
