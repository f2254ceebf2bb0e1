// class-transformer silently drops a body key named like an Object.prototype member (`toString`,
// `valueOf`, `constructor` …), so class-validator never sees it to refuse it. No DTO field has such
// a name: any such key, at any depth, is an unknown field and is refused like the others.
const inherited = new Set(Object.getOwnPropertyNames(Object.prototype));

export function inheritedKeyErrors(value: unknown, path = ''): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (value === null || typeof value !== 'object') return errors;
  for (const [key, child] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (inherited.has(key)) errors[at] = ['不允许的字段'];
    else Object.assign(errors, inheritedKeyErrors(child, at));
  }
  return errors;
}

/** The validator's field errors plus the inherited-key ones not inside a field it already refused. */
export function withInheritedKeyErrors(fields: Record<string, string[]>, plain: unknown): Record<string, string[]> {
  const refused = Object.keys(fields);
  const inside = (path: string) => refused.some((f) => path === f || path.startsWith(`${f}.`));
  const extra = Object.entries(inheritedKeyErrors(plain)).filter(([path]) => !inside(path));
  return { ...Object.fromEntries(extra), ...fields };
}
