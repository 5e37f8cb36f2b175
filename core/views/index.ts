// core/views turns a trace and its snapshots into the plain, serialisable models the lab
// views draw: the struct inspector's trees, a system call's transmit path, the packet list
// and frame detail, the timeline's markers and the TCP chart. Pure and deterministic like the
// rest of core; main answers the renderer's view requests with these.

export { WorldViews } from './worldViews';
export {
  diffPaths,
  type CompareUnavailable,
  type HopDiff,
  type PathCompare,
  type PathDiff,
  type TableDiff,
} from './compare';
export { TraceIndex, upperBound, type FrameMark, type SocketOrigin, type SyscallMark } from './traceIndex';
export {
  inspectorView,
  type InspectorField,
  type InspectorInput,
  type InspectorNode,
  type InspectorRoot,
  type InspectorView,
  type OpsTableData,
} from './inspector';
export { fieldHistory, fieldNote, type FieldChange, type FieldHistory } from './history';
export {
  pathView,
  MAX_PATH_ROWS,
  type PathRow,
  type PathView,
  type PushPath,
  type SkbStep,
} from './transmitPath';
export { type Layer } from './layers';
export { type SkbFrame, type SkbStory } from './skbStory';
export {
  exportCapture,
  frameDetail,
  framesUpTo,
  packetPage,
  type FrameDetail,
  type PacketPage,
  type PacketRow,
} from './packets';
export {
  CHART_FIELDS,
  chartSeries,
  timelineView,
  type ChartSeries,
  type TimelineMark,
  type TimelineView,
  type TopologyHost,
} from './timeline';
export { type FieldMeaning } from './fieldDocs';
export { formatValue } from './structLayout';
export { bulkTransferWorld } from './bulkWorld';
