import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * Replaces the block between `<!-- bench:<name>:begin … -->` and `<!-- bench:<name>:end -->`
 * in a document; the hand-written text around it stays. Returns false (and changes nothing)
 * when the markers are missing.
 */
export function replaceGeneratedBlock(path: string, name: string, block: string): boolean {
  if (!existsSync(path)) return false;
  const text = readFileSync(path, 'utf8');
  const begin = text.indexOf(`<!-- bench:${name}:begin`);
  const end = text.indexOf(`<!-- bench:${name}:end -->`);
  if (begin < 0 || end < begin) return false;
  const afterBegin = text.indexOf('-->', begin) + 3;
  writeFileSync(path, `${text.slice(0, afterBegin)}\n${block.trim()}\n${text.slice(end)}`);
  return true;
}
