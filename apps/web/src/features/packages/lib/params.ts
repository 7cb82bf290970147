/** `user/index` into its two parts. */
export function splitIndex(name: string): [string, string] {
  const at = name.indexOf('/');
  return [name.slice(0, at), name.slice(at + 1)];
}
