// Protocol v1 switch: IMSG_VERSION ≥ 0.14.0 makes the simulator speak the later contract (spec §10).
import { versionAtLeast } from '../../sim-env.js';

/** The first imsg release with protocol v1. */
const V1_SINCE = [0, 14, 0] as const;

/** True when `version` (semver, pre-release suffix ignored) is at least 0.14.0. */
export function speaksV1(version: string): boolean {
  return versionAtLeast(version, V1_SINCE);
}
