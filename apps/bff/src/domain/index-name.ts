/** `user/index` into its two parts; devpi names never contain `/`. */
export function splitName(name: string): [string, string] {
  const at = name.indexOf('/');
  if (at <= 0 || at === name.length - 1) throw new Error(`not a user/index name: ${name}`);
  return [name.slice(0, at), name.slice(at + 1)];
}
