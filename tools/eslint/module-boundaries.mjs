// Local ESLint rules for Otklik's architecture: small enough to read, exact about our layout.
import { dirname, relative, resolve, sep } from 'node:path';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
const BACKEND_SRC = resolve(ROOT, 'backend', 'src');
const PACKAGES = ['backend', 'frontend', 'survey-widgets', 'survey-model'];

function packageOf(file) {
  const [top] = relative(ROOT, file).split(sep);
  return PACKAGES.includes(top) ? top : null;
}

/** The backend module a file belongs to: the first folder under backend/src (null outside it). */
function backendModuleOf(file) {
  const rel = relative(BACKEND_SRC, file);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(sep);
  return parts.length > 1 ? parts[0] : null;
}

function importedFiles(context, check) {
  const report = (node) => {
    const source = node.source?.value;
    if (typeof source !== 'string' || !source.startsWith('.')) return;
    check(node, resolve(dirname(context.filename), source), source);
  };
  return { ImportDeclaration: report, ExportNamedDeclaration: report, ExportAllDeclaration: report };
}

export const moduleBoundaries = {
  rules: {
    /** Packages talk by package name (`@otklik/survey-model`), never `../../backend/src/...`. */
    'no-relative-cross-package': {
      meta: {
        type: 'problem',
        schema: [],
        messages: { cross: "'{{source}}' reaches into the {{target}} package by path; import it by package name." },
      },
      create(context) {
        const own = packageOf(context.filename);
        return importedFiles(context, (node, target, source) => {
          const theirs = packageOf(target);
          if (theirs && theirs !== own) context.report({ node, messageId: 'cross', data: { source, target: theirs } });
        });
      },
    },
    /** A backend module reads another module's tables through its exported reader/service, never its repository. */
    'no-foreign-repository': {
      meta: {
        type: 'problem',
        schema: [],
        messages: { foreign: "'{{source}}' is the {{owner}} module's repository; use a reader or service it exports." },
      },
      create(context) {
        const own = backendModuleOf(context.filename);
        if (!own) return {};
        return importedFiles(context, (node, target, source) => {
          const owner = backendModuleOf(target);
          if (owner && owner !== own && /\.repository$/.test(target))
            context.report({ node, messageId: 'foreign', data: { source, owner } });
        });
      },
    },
  },
};
