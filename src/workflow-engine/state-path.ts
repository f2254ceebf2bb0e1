import type { StateValue } from 'xstate';

/** `{ peoples: 'mediating' }` → `peoples.mediating` (the `state` field of the API). */
export function statePath(value: StateValue): string {
  if (typeof value === 'string') return value;
  const [key, child] = Object.entries(value)[0] ?? [];
  return key === undefined ? '' : child === undefined ? key : `${key}.${statePath(child as StateValue)}`;
}
