// What each part of the command line's output looks like in colour. Whether there is colour at all
// is decided once per stream, in commands/io.ts (colourFor); this module only knows the looks.
import { styleText } from 'node:util';

/** A part of the output with a look of its own: a diagnostic's severity, its file:line, a passed run. */
export type Role = 'error' | 'warning' | 'info' | 'place' | 'success' | 'dim';

/** Text in the look of its role; the identity when colour is off. */
export type Paint = (role: Role, text: string) => string;

type Format = Parameters<typeof styleText>[0];

const LOOKS: Record<Role, Format> = {
  error: ['bold', 'red'],
  warning: ['bold', 'yellow'],
  info: 'cyan',
  place: 'bold',
  success: 'green',
  dim: 'dim',
};

/** No colour: pipes, CI logs, NO_COLOR, and every machine-read format. */
export const plain: Paint = (_role, text) => text;

/**
 * ANSI colour, always: the caller has decided that the stream takes it. `validateStream: false`
 * because styleText's own check looks at process.stdout and process.env, not at the stream and
 * the environment the command was given, and in Node 20 it checks a single format but not a list.
 */
export const coloured: Paint = (role, text) => styleText(LOOKS[role], text, { validateStream: false });
