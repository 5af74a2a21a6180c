import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipStream } from './zip-writer';

const run = promisify(execFile);
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'akinai-zip-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

async function* slowly(parts: Buffer[]) {
  for (const part of parts) {
    await new Promise((resolve) => setImmediate(resolve));
    yield part;
  }
}

describe('zip writer', () => {
  it('writes archives that Python zipfile and Info-ZIP unzip read back byte for byte', async () => {
    const random = randomBytes(300_000);
    const text = '得意先コード,得意先名\r\n'.repeat(5_000);
    const zip = await collect(
      zipStream([
        { name: 'README.txt', data: 'はじめにお読みください\r\n' },
        { name: 'tables/', modifiedAt: new Date('2026-11-26T01:02:04Z') },
        {
          name: 'tables/customers.csv',
          data: slowly([Buffer.from(text.slice(0, 10)), Buffer.from(text.slice(10))]),
        },
        { name: 'データ/乱数.bin', data: random },
        { name: 'empty.txt', data: '' },
      ]),
    );
    const file = join(dir, 'test.zip');
    await writeFile(file, zip);
    const tested = await run('python3', ['-m', 'zipfile', '-t', file]);
    expect(tested.stdout + tested.stderr).not.toMatch(/bad|error/i);
    const listing = await run('python3', [
      '-c',
      `import zipfile,sys,json,hashlib
z=zipfile.ZipFile(sys.argv[1])
print(json.dumps([[i.filename,i.file_size,hashlib.sha256(z.read(i)).hexdigest(),list(i.date_time)] for i in z.infolist()]))`,
      file,
    ]);
    const sha = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');
    const entries = JSON.parse(listing.stdout) as [string, number, string, number[]][];
    expect(entries.map(([name, size]) => [name, size])).toEqual([
      ['README.txt', Buffer.byteLength('はじめにお読みください\r\n')],
      ['tables/', 0],
      ['tables/customers.csv', Buffer.byteLength(text)],
      ['データ/乱数.bin', 300_000],
      ['empty.txt', 0],
    ]);
    expect(entries[2]?.[2]).toBe(sha(text));
    expect(entries[3]?.[2]).toBe(sha(random));
    // Dates are Japan time: 01:02:04Z is 10:02:04 JST.
    expect(entries[1]?.[3]).toEqual([2026, 11, 26, 10, 2, 4]);
    // Deflate did its work on the repetitive CSV.
    expect(zip.length).toBeLessThan(300_000 + 60_000);

    const out = join(dir, 'out');
    await run('unzip', ['-q', file, '-d', out]);
    expect(await readFile(join(out, 'tables/customers.csv'), 'utf8')).toBe(text);
    expect(await readFile(join(out, 'データ/乱数.bin'))).toEqual(random);
  });

  it('fails the stream when a source fails, instead of writing a truncated archive quietly', async () => {
    async function* failing() {
      yield Buffer.from('start');
      throw new Error('database went away');
    }
    await expect(collect(zipStream([{ name: 'a.csv', data: failing() }]))).rejects.toThrow(
      'database went away',
    );
  });
});
