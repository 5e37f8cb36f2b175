// core/session holds LabSession: the one simulated world an app window (or a `socklab shell`)
// shares between its terminals, views and labs, with the scheduler of its C programs, the pump
// that runs them in bounded rounds, change notifications and the log of commands and outputs.
export {
  LabSession,
  ROUND_INSTRUCTIONS,
  SETTLE_NS,
  KILLED_STATUS,
  type LabSessionOptions,
  type LabSessionChange,
  type SessionLogEntry,
  type ProcWatch,
  type SleepHandle,
} from './labSession';
