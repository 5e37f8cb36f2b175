// labs/ will hold the guided lab exercises, one folder per lab (text in English and
// Simplified Chinese, starter files, steps and their checks), read by main/ and by
// `socklab grade`. The lab format arrives with the guided-labs issue; until then this entry
// exports nothing.
export {};
