/**
 * devpi's name rule (`devpi_server.model.is_valid_name`): no ASCII control characters, no space
 * and no ASCII punctuation other than `-.@_`. Non-ASCII characters are allowed.
 */
const BLOCKED_PUNCTUATION = new Set(' !"#$%&\'()*+,/:;<=>?[\\]^`{|}~');

function isBlocked(name: string): boolean {
  for (const char of name) {
    if (char.charCodeAt(0) < 0x20 || BLOCKED_PUNCTUATION.has(char)) return true;
  }
  return false;
}

export type NameKind = 'user' | 'index';

export function isValidName(name: string): boolean {
  return name !== '' && !isBlocked(name);
}

/**
 * Undefined when devpi would accept `name`, else the message devpi answers with, word for word
 * (`"username 'bad!name' contains characters that aren't allowed. ..."`). The empty name is
 * refused with a message of our own, since devpi cannot even route it.
 */
export function validateName(kind: NameKind, name: string): string | undefined {
  if (name === '') return `${kind}name must not be empty.`;
  if (!isBlocked(name)) return undefined;
  return `${kind}name '${name}' contains characters that aren't allowed. Any ascii symbol besides -.@_ is blocked.`;
}

/** PEP 503 normalisation, as devpi applies it to project names in URLs. */
export function normalizeProjectName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}
