// Footnotes and citations as docutils numbers and links them: `[1]_`, `[#]_` and `[#name]_` point to
// footnotes, `[CIT2002]_` to a citation; each note links back to its first reference.

export interface Note {
  id: string;
  /** What the reference and the note's label show: the number, or a citation's label. */
  shown: string;
  /** The id of the first reference to this note, for the back link. */
  backref?: string;
}

export interface Notes {
  byLabel: Map<string, Note>;
  /** Anonymous auto-numbered footnotes (`[#]`), taken by `[#]_` references in order. */
  anonymous: Note[];
  /** How many `[#]_` references and `.. [#]` notes have rendered so far. */
  anonymousRefs: number;
  anonymousDefs: number;
}

const definition = /^\s*\.\. \[(\d+|#[\w.-]*|[A-Za-z][\w.-]*)\](?:\s|$)/;
export const referencePattern = /\[(\d+|#[\w.-]*|[A-Za-z][\w.-]*)\]_/g;

const isCitation = (label: string) => !/^(\d+|#.*)$/.test(label);

/** First pass: numbers every footnote and finds the first reference to each. */
export function collectNotes(lines: string[]): Notes {
  const notes: Notes = { byLabel: new Map(), anonymous: [], anonymousRefs: 0, anonymousDefs: 0 };
  const labels = lines.map((l) => definition.exec(l)?.[1]).filter((l): l is string => l !== undefined);
  const taken = new Set(labels.filter((l) => /^\d+$/.test(l)).map(Number));
  let nextNumber = 1;
  let nextId = 1;
  for (const label of labels) {
    if (isCitation(label)) {
      notes.byLabel.set(label.toLowerCase(), { id: label.toLowerCase().replace(/[^a-z0-9]+/g, '-'), shown: label });
      continue;
    }
    let shown = label;
    if (label.startsWith('#')) {
      while (taken.has(nextNumber)) nextNumber += 1;
      taken.add(nextNumber);
      shown = String(nextNumber);
    }
    const named = label.length > 1 && label.startsWith('#');
    const note: Note = { id: named ? label.slice(1).toLowerCase() : `footnote-${nextId++}`, shown };
    if (label === '#') notes.anonymous.push(note);
    else notes.byLabel.set(label.toLowerCase(), note);
  }
  let footnoteRefs = 0;
  let citationRefs = 0;
  let anonymous = 0;
  for (const line of lines) {
    if (definition.test(line)) continue;
    for (const m of line.matchAll(referencePattern)) {
      const label = m[1] ?? '';
      const note = label === '#' ? notes.anonymous[anonymous++] : notes.byLabel.get(label.toLowerCase());
      const id = isCitation(label) ? `citation-reference-${++citationRefs}` : `footnote-reference-${++footnoteRefs}`;
      if (note && !note.backref) note.backref = id;
    }
  }
  return notes;
}

/** A reference at render time, in document order. */
export function noteReference(label: string, notes: Notes, escape: (s: string) => string): string {
  const note = label === '#' ? notes.anonymous[notes.anonymousRefs++] : notes.byLabel.get(label.toLowerCase());
  if (!note) return escape(`[${label}]_`);
  return `<a href="#${escape(note.id)}">[${escape(note.shown)}]</a>`;
}

/** A note's label with its back link to the first reference. */
export function noteLabel(label: string, notes: Notes, escape: (s: string) => string): string | undefined {
  const note = label === '#' ? notes.anonymous[notes.anonymousDefs++] : notes.byLabel.get(label.toLowerCase());
  if (!note) return undefined;
  const shown = escape(note.shown);
  return `<span class="rst-label">[${note.backref ? `<a href="#${escape(note.backref)}">${shown}</a>` : shown}]</span>`;
}
