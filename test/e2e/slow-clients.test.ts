/**
 * Slow clients cannot hold connections: with small configured timeouts, connections that trickle
 * their headers or their body at one byte a second, and idle keep-alive connections, are closed
 * within their limits, while a normal request beside them is answered. A bounded number of
 * connections, on 127.0.0.1 only.
 */
import net from 'node:net';
import type { RunningServer } from '../../src/server';
import { gql, startTestServer } from '../support/server';

const HEADERS_MS = 1000;
const REQUEST_MS = 2500;
const KEEP_ALIVE_MS = 1000;
/** Node checks its timeouts on an interval (a quarter of the headers timeout here); the rest is slack. */
const SLACK_MS = 1500;
const SLOW_CONNECTIONS = 10;

let server: RunningServer;

beforeAll(async () => {
  server = await startTestServer({
    HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_MS),
    HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_MS),
    HTTP_KEEP_ALIVE_TIMEOUT_MS: String(KEEP_ALIVE_MS),
  });
});

afterAll(async () => {
  await server?.stop();
});

interface Closed {
  /** Milliseconds from connecting until the server closed the connection. */
  afterMs: number;
  /** What the server sent before closing. */
  received: string;
}

/**
 * Connects, writes `preamble` at once, then one byte of `trickle` per second until the server
 * closes the connection (or `giveUpMs` passes, when the promise rejects).
 */
function slowClient(preamble: string, trickle: string, giveUpMs: number): Promise<Closed> {
  return new Promise((resolve, reject) => {
    const { port } = server;
    const socket = net.connect({ host: '127.0.0.1', port });
    const began = Date.now();
    let received = '';
    let sent = 0;
    let ticker: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => {
      clearInterval(ticker);
      socket.destroy();
      reject(new Error(`still open after ${giveUpMs} ms, ${sent} bytes trickled`));
    }, giveUpMs);
    socket.on('data', (chunk) => {
      received += chunk.toString();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(ticker);
      clearTimeout(giveUp);
      resolve({ afterMs: Date.now() - began, received });
    });
    socket.on('connect', () => {
      socket.write(preamble);
      ticker = setInterval(() => {
        if (socket.destroyed) return;
        socket.write(trickle[sent % trickle.length]!);
        sent += 1;
      }, 1000);
    });
  });
}

it('closes connections that trickle their headers within the headers timeout, answering 408', async () => {
  const closed = await Promise.all(
    Array.from({ length: SLOW_CONNECTIONS }, () =>
      slowClient('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X-Slow: aaaaaaaaaaaaaaaaaaaa', 20_000),
    ),
  );
  for (const c of closed) {
    expect(c.afterMs).toBeGreaterThanOrEqual(HEADERS_MS - 50);
    expect(c.afterMs).toBeLessThan(HEADERS_MS + SLACK_MS);
    expect(c.received).toMatch(/^HTTP\/1\.1 408 /);
  }
});

it('closes connections that trickle their body within the request timeout', async () => {
  const headers =
    'POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n';
  const closed = await Promise.all(
    Array.from({ length: SLOW_CONNECTIONS }, () => slowClient(headers, '{"query":"{ about { nodeCount } }"', 20_000)),
  );
  for (const c of closed) {
    expect(c.afterMs).toBeGreaterThanOrEqual(REQUEST_MS - 50);
    expect(c.afterMs).toBeLessThan(REQUEST_MS + SLACK_MS);
    expect(c.received).toMatch(/^HTTP\/1\.1 408 /);
  }
});

it('closes an idle keep-alive connection after the keep-alive timeout', async () => {
  // One complete request, then silence: the connection may idle only KEEP_ALIVE_MS.
  const request = 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n';
  const began = Date.now();
  const closed = await new Promise<Closed>((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port: server.port });
    let received = '';
    const giveUp = setTimeout(() => reject(new Error('keep-alive connection still open')), 20_000);
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk) => {
      received += chunk.toString();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(giveUp);
      resolve({ afterMs: Date.now() - began, received });
    });
  });
  expect(closed.received).toMatch(/^HTTP\/1\.1 200 /);
  expect(closed.afterMs).toBeGreaterThanOrEqual(KEEP_ALIVE_MS - 50);
  expect(closed.afterMs).toBeLessThan(KEEP_ALIVE_MS + SLACK_MS);
});

it('answers a normal request while slow connections are open', async () => {
  const slow = Array.from({ length: SLOW_CONNECTIONS }, () =>
    slowClient('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X-Slow: bbbbbbbbbbbbbbbbbbbb', 20_000),
  );
  const began = Date.now();
  const answered = await gql(server, '{ about { neo4jVersion } }');
  expect(Date.now() - began).toBeLessThan(HEADERS_MS);
  expect(answered.status).toBe(200);
  expect(answered.errors).toBeUndefined();
  expect(answered.data.about.neo4jVersion).toMatch(/^5\.26\./);
  await Promise.all(slow);
});
