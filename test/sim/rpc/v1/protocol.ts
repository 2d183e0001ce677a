// Protocol v1 switch: IMSG_VERSION ≥ 0.14.0 makes the simulator speak the later contract (spec §10).

/** The first imsg release with protocol v1. */
const V1_SINCE = [0, 14, 0] as const;

/** True when `version` (semver, pre-release suffix ignored) is at least 0.14.0. */
export function speaksV1(version: string): boolean {
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version.trim());
  if (!m) return false;
  const parts = [Number(m[1]), Number(m[2]), Number(m[3])];
  for (let i = 0; i < 3; i++) {
    const a = parts[i] ?? 0;
    const b = V1_SINCE[i] ?? 0;
    if (a !== b) return a > b;
  }
  return true;
}
