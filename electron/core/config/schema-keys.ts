// The keys a zod object schema accepts at a key path, so an unknown key can be answered with
// "did you mean …" (zod's unrecognized_keys issue does not carry them).
import type { z } from 'zod';

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; valueType?: z.ZodType; in?: z.ZodType; options?: z.ZodType[] };

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schemas reached by following one step of a path from `schema` (several for unions). */
function stepInto(schema: z.ZodType, segment: PropertyKey): z.ZodType[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'readonly':
      return def.innerType ? stepInto(def.innerType, segment) : [];
    case 'pipe':
      return def.in ? stepInto(def.in, segment) : [];
    case 'union':
      return (def.options ?? []).flatMap((o) => stepInto(o, segment));
    case 'object': {
      const child = def.shape?.[String(segment)];
      return child ? [child] : [];
    }
    case 'array':
      return def.element ? [def.element] : [];
    case 'record':
      return def.valueType ? [def.valueType] : [];
    default:
      return [];
  }
}

/** The object keys of `schema` itself (through optional/pipe/union wrappers). */
function ownKeys(schema: z.ZodType): string[] {
  const def = defOf(schema);
  if (def.type === 'object') return Object.keys(def.shape ?? {});
  if (def.type === 'union') return (def.options ?? []).flatMap(ownKeys);
  const inner = def.innerType ?? def.in;
  return inner ? ownKeys(inner) : [];
}

/** Every key the object at `path` accepts (deduplicated), or [] when the path leads nowhere known. */
export function knownKeysAt(root: z.ZodType, path: readonly PropertyKey[]): string[] {
  let level: z.ZodType[] = [root];
  for (const segment of path) level = level.flatMap((s) => stepInto(s, segment));
  return [...new Set(level.flatMap(ownKeys))];
}
