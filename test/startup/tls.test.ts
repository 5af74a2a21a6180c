import { X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/platform/config';
import { type RunningAkinai, startAkinai } from '../../src/server/server';
import { createTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
let akinai: RunningAkinai;
let dir: string;
let port: number;

function httpsRequest(
  path: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>(
    (resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path,
          method: init.method ?? 'GET',
          headers: init.headers,
          rejectUnauthorized: false,
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
        },
      );
      req.on('error', reject);
      req.end(init.body);
    },
  );
}

beforeAll(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'akinai-tls-'));
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
  });
  writeFileSync(join(dir, 'cert.pem'), pems.cert);
  writeFileSync(join(dir, 'key.pem'), pems.private);
  akinai = await startAkinai(
    loadConfig({
      DATABASE_URL: db.runtimeUrl,
      DATABASE_OWNER_URL: db.ownerUrl,
      TLS_CERT_FILE: join(dir, 'cert.pem'),
      TLS_KEY_FILE: join(dir, 'key.pem'),
      DATA_DIR: dir,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      DEMO_ADMIN_PASSWORD: 'tls-demo-password-1',
    }),
  );
  port = Number(new URL(akinai.url).port);
});
afterAll(async () => {
  await akinai.stop();
  await db.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('serving HTTPS directly (TLS_CERT_FILE / TLS_KEY_FILE)', () => {
  it('serves HTTPS with HSTS for a year including subdomains', async () => {
    const response = await httpsRequest('/healthz');
    expect(response.status).toBe(200);
    expect(response.headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    );
  });

  it('issues the session in a __Host- cookie that is Secure, HttpOnly and SameSite=Lax', async () => {
    const response = await httpsRequest('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-requested-with': 'akinai' },
      body: JSON.stringify({
        tenantCode: 'demo',
        loginId: 'admin',
        password: 'tls-demo-password-1',
      }),
    });
    expect(response.status).toBe(204);
    const cookie = [response.headers['set-cookie']].flat()[0]!;
    expect(cookie).toMatch(/^__Host-akinai_session=/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/);
  });

  it('refuses TLS 1.1 and accepts TLS 1.2 and 1.3', async () => {
    const handshake = (maxVersion: 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3') =>
      new Promise<string>((resolve) => {
        const socket = connect({
          host: '127.0.0.1',
          port,
          rejectUnauthorized: false,
          minVersion: 'TLSv1',
          maxVersion,
        });
        socket.on('secureConnect', () => {
          const certificate = new X509Certificate(socket.getPeerX509Certificate()!.raw);
          resolve(`${socket.getProtocol()} ${certificate.publicKey.asymmetricKeyType}`);
          socket.end();
        });
        socket.on('error', () => resolve('refused'));
      });
    expect(await handshake('TLSv1.1')).toBe('refused');
    expect(await handshake('TLSv1.2')).toBe('TLSv1.2 rsa');
    expect(await handshake('TLSv1.3')).toBe('TLSv1.3 rsa');
  });
});
