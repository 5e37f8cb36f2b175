// Kernel-version profiles as data: 2.6.32, 3.10 (the default) and 6.x.

import type { KernelProfile, KernelVersion } from './profile';
import { PROFILE_2_6_32 } from './v2_6_32';
import { PROFILE_3_10 } from './v3_10';
import { PROFILE_6_X } from './v6_x';

/** The profile types: see profile.ts. */
export type { CallTree, KernelProfile, KernelVersion, OpsTable, ProtoswRow, SysctlDefaults } from './profile';

/** PROFILES maps each supported version to its profile. */
export const PROFILES: Readonly<Record<KernelVersion, KernelProfile>> = {
  '2.6.32': PROFILE_2_6_32,
  '3.10': PROFILE_3_10,
  '6.x': PROFILE_6_X,
};

/** DEFAULT_KERNEL is the era the lab texts follow, 3.10. */
export const DEFAULT_KERNEL: KernelVersion = '3.10';
