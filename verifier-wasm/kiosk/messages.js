// Laissez messages in the reader's language, rendered with @fluent/bundle from the same Fluent
// catalogues the `laissez` CLI uses (locales/<lang>/*.ftl). The verifier returns message ids and
// arguments (a report check's `message`, an error's `code` and `args`); this module turns them
// into words. Exported by the package as `@laissez/verifier/messages`.
// @fluent/bundle is copied beside this file by scripts/build-wasm.sh (no bare import specifier:
// the kiosk has no bundler and its CSP allows no inline import map).
import {FluentBundle, FluentResource} from './vendor/fluent-bundle/index.js';

/** The languages with a catalogue, and their names in their own language. */
export const LANGUAGES = {en: 'English', fr: 'Français', es: 'Español', ar: 'العربية'};

/** The catalogue files of a language. */
export const FILES = ['core.ftl', 'kiosk.ftl'];

/** Writing direction of each language. */
export function direction(lang) {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

function bundleOf(lang, texts) {
  // Arguments are plain values (ids, dates, counts); the page sets the direction of the text.
  const bundle = new FluentBundle(lang, {useIsolating: false});
  for (const text of texts) {
    const errors = bundle.addResource(new FluentResource(text));
    if (errors.length) {
      throw new Error(`laissez messages (${lang}): ${errors.map(e => e.message).join('; ')}`);
    }
  }
  return bundle;
}

/** The messages of one language, with English behind any entry it lacks. */
export class Messages {
  /**
   * @param {string} lang one of LANGUAGES
   * @param {string[]} texts the text of each of FILES in `lang`
   * @param {string[]} english the same files in English (unused when lang is English)
   */
  constructor(lang, texts, english = texts) {
    this.lang = lang;
    this.bundles = [bundleOf(lang, texts)];
    if (lang !== 'en') {
      this.bundles.push(bundleOf('en', english));
    }
  }

  /** Renders entry `id` with `args`; an id no catalogue has renders as itself. */
  format(id, args = {}) {
    for (const bundle of this.bundles) {
      const message = bundle.getMessage(id);
      if (message?.value) {
        return bundle.formatPattern(message.value, args, []);
      }
    }
    return id;
  }

  /** Renders a `{id, args}` message (a report check's `message`). */
  message(m) {
    return this.format(m.id, m.args ?? {});
  }

  /** Renders an error thrown by the verifier (its `code` is the message id, `args` its values). */
  error(e) {
    return e?.code ? this.format(e.code, e.args ?? {}) : String(e?.message ?? e);
  }

  /** The name of a verdict. */
  verdict(v) {
    return this.format(`verdict_${v}`);
  }

  /** The name of a check code. */
  check(code) {
    return this.format(`check_${code}`);
  }

  /** The name of a check outcome (pass, fail, warning, skipped). */
  outcome(status) {
    return this.format(`outcome_${status}`);
  }
}

/**
 * Loads the messages of `lang` (English if it has no catalogue). `read(lang, file)` returns the
 * text of a catalogue file; by default it is fetched from `locales/` beside this module. `files`
 * are the catalogue files to load (the wallet loads `core.ftl` and `wallet.ftl`).
 */
export async function loadMessages(lang, read = fetchCatalogue, files = FILES) {
  const chosen = lang in LANGUAGES ? lang : 'en';
  const load = l => Promise.all(files.map(f => read(l, f)));
  const [texts, english] = await Promise.all([load(chosen), chosen === 'en' ? null : load('en')]);
  return new Messages(chosen, texts, english ?? texts);
}

async function fetchCatalogue(lang, file) {
  const response = await fetch(new URL(`./locales/${lang}/${file}`, import.meta.url));
  if (!response.ok) {
    throw new Error(`laissez messages: cannot load ${lang}/${file} (${response.status})`);
  }
  return response.text();
}
