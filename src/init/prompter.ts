// Questions on a terminal: each shows in brackets the answer Enter gives, and is asked again,
// with the reason, until its answer is one it takes.
import readline from 'node:readline/promises';
import type { Reading } from './settings.js';

export interface Question<T> {
  /** What is asked, without the brackets or the colon. */
  text: string;
  /** The answer Enter gives. */
  default: string;
  /** The brackets' text when it is not the default itself (an empty default, a long one). */
  shown?: string;
  read(answer: string): Reading<T>;
}

/** The input ended (Ctrl-D) or was interrupted (Ctrl-C) before every question had its answer. */
export class QuestionsEnded extends Error {
  constructor() {
    super('the questions were left unanswered');
    this.name = 'QuestionsEnded';
  }
}

export interface Prompter {
  /** The answer, read; throws QuestionsEnded once the input has ended. */
  ask<T>(question: Question<T>): Promise<T>;
  close(): void;
}

/** Questions read from `input`, written to `output`; `intro` comes before the first one. */
export function prompter(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, intro: string): Prompter {
  const rl = readline.createInterface({ input, output });
  let introduced = false;
  // Without a listener, Ctrl-C would only pause the input and leave the question waiting forever.
  rl.on('SIGINT', () => rl.close());
  // Lines are queued: answers typed or pasted ahead of their questions are not lost.
  const lines = rl[Symbol.asyncIterator]();
  return {
    async ask<T>(question: Question<T>): Promise<T> {
      if (!introduced) output.write(`${intro}\n`);
      introduced = true;
      for (;;) {
        rl.setPrompt(`${question.text} [${question.shown ?? question.default}]: `);
        rl.prompt();
        const line = await lines.next();
        if (line.done) throw new QuestionsEnded();
        const read = question.read(String(line.value).trim() || question.default);
        if ('value' in read) return read.value;
        output.write(`  ${read.problem}\n`);
      }
    },
    close: () => rl.close(),
  };
}
