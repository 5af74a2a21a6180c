import { spawn } from 'node:child_process';

/**
 * Reads a ZIP with Python's zipfile (an independent implementation, not our writer's code):
 * every entry's name and bytes, in archive order, after zipfile's own CRC test.
 */
export async function unzipEntries(zip: Buffer): Promise<Map<string, Buffer>> {
  const script = `import zipfile,sys,io,json,base64
z=zipfile.ZipFile(io.BytesIO(sys.stdin.buffer.read()))
bad=z.testzip()
if bad: raise SystemExit('bad entry '+bad)
print(json.dumps([[i.filename, base64.b64encode(z.read(i)).decode()] for i in z.infolist()]))`;
  const child = spawn('python3', ['-c', script]);
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
  child.stdin.end(zip);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) throw new Error(`zipfile refused the archive: ${Buffer.concat(err)}`);
  const entries = JSON.parse(Buffer.concat(out).toString('utf8')) as [string, string][];
  return new Map(entries.map(([name, data]) => [name, Buffer.from(data, 'base64')]));
}
