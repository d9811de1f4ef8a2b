import { validationError } from '../../common/http/validation.pipe';
import type { TimelinePosition } from './timeline-source';

const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const ID = /^[a-z_]+:[\w:.-]{1,300}$/;

/** Opaque to clients: base64url of "<at>|<id>" of the last item on the page. */
export const encodeCursor = (position: TimelinePosition): string => Buffer.from(`${position.at}|${position.id}`).toString('base64url');

export function decodeCursor(cursor: string): TimelinePosition {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const split = text.indexOf('|');
  const at = text.slice(0, split);
  const id = text.slice(split + 1);
  if (split < 0 || !AT.test(at) || Number.isNaN(new Date(at).getTime()) || !ID.test(id)) {
    throw validationError([{ field: 'cursor', message: 'cursor is not one this API returned' }]);
  }
  return { at, id };
}
