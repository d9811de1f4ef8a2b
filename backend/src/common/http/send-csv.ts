import type { Response } from 'express';

/**
 * Sends a CSV export. Headers are set only once the file is built, so a 400/404 keeps its JSON error body and content
 * type (a decorator header would label the error as CSV too).
 */
export async function sendCsv(res: Response, filename: string, build: Promise<string>): Promise<string> {
  const body = await build;
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${filename}"`);
  return body;
}
