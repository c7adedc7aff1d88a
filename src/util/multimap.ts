// Map<K, V[]> helpers, used wherever items are grouped by a key.

/** Appends `value` to the list under `key` (in place: no copying, so grouping stays linear). */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Groups values by a key, keeping their order. */
export function groupBy<K, V>(values: Iterable<V>, key: (v: V) => K): Map<K, V[]> {
  const map = new Map<K, V[]>();
  for (const v of values) addTo(map, key(v), v);
  return map;
}
