// `omnipress init` on a terminal: the settings no option gave, asked one by one, each read by the
// rule its option follows (settings.ts).
import path from 'node:path';
import { defaultTitle } from './scaffold.js';
import type { Prompter } from './prompter.js';
import { DEFAULTS, folderProblem, readBaseUrl, readDefaultLanguage, readLanguages, readTimeZone, type InitSettings } from './settings.js';

/** Everything `given` lacks, asked in the order a new site is thought of: where, languages, title, dates, URL. */
export async function askMissing(given: Partial<InitSettings>, prompter: Prompter, options: { force: boolean }): Promise<InitSettings> {
  const folder = given.folder ?? (await prompter.ask<string>({
    text: 'Folder of the new site',
    default: folderProblem(path.resolve(DEFAULTS.folder), options.force, DEFAULTS.folder) ? 'my-blog' : DEFAULTS.folder,
    read: (answer) => {
      const refused = folderProblem(path.resolve(answer), options.force, answer);
      return refused ? { problem: `${refused.problem}: choose another folder` } : { value: answer };
    },
  }));
  // A --default language the default languages lack is offered with them.
  const offered = given.defaultLanguage === undefined || DEFAULTS.languages.includes(given.defaultLanguage) ? DEFAULTS.languages : [given.defaultLanguage, ...DEFAULTS.languages];
  const languages = given.languages ?? (await prompter.ask<string[]>({
    text: 'Languages, codes separated by commas',
    default: offered.join(','),
    read: (answer) => {
      const read = readLanguages(answer);
      // --default is given: the languages must have it.
      if ('value' in read && given.defaultLanguage !== undefined && !read.value.includes(given.defaultLanguage)) {
        return { problem: `"${answer}" does not have ${given.defaultLanguage}, the --default language` };
      }
      return read;
    },
  }));
  const defaultLanguage = given.defaultLanguage ?? (languages.length === 1 ? languages[0]! : await prompter.ask({
    text: `Default language (${languages.join(', ')})`,
    default: languages[0]!,
    read: (answer) => readDefaultLanguage(answer, languages),
  }));
  const title = given.title ?? await prompter.ask<string | undefined>({
    text: 'Site title',
    default: '',
    shown: languages.map(defaultTitle).join(' / '),
    read: (answer) => ({ value: answer === '' ? undefined : answer.normalize('NFC') }),
  });
  const timeZone = given.timeZone ?? (await prompter.ask({
    text: 'Time zone of dates written without one',
    default: localTimeZone() ?? DEFAULTS.timeZone,
    read: readTimeZone,
  }));
  const baseUrl = given.baseUrl ?? (await prompter.ask({
    text: 'URL the site will be published at',
    default: DEFAULTS.baseUrl,
    shown: 'none yet',
    read: (answer) => (answer === '' ? { value: '' } : readBaseUrl(answer)),
  }));
  return { folder, languages, defaultLanguage, title, timeZone, baseUrl };
}

/** This computer's time zone: the likeliest one of the person answering. */
function localTimeZone(): string | undefined {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
}
