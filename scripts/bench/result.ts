/**
 * What every benchmark hands to `npm run bench` (run-all.ts), which runs each as a child process:
 * its figures as one JSON line at the end of its output, after the lines people read. Also the
 * count of bytes a process has read from Neo4j, for "bytes decoded per request".
 */
import net from 'node:net';

/** Starts the machine-readable line; run-all.ts takes the last line that starts with it. */
export const RESULT_PREFIX = 'bench-result: ';

export function reportResult(bench: string, figures: Record<string, unknown>): void {
  process.stdout.write(`${RESULT_PREFIX}${JSON.stringify({ bench, ...figures })}\n`);
}

/**
 * Counts the bytes this process reads over the sockets it opens from now on, by the port they
 * connect to: for Neo4j's Bolt port, the bytes the driver decodes (it opens its connections with
 * `net.connect(port, host)`). Call before the driver connects; read with the port (known later
 * when the benchmark starts its own Neo4j).
 */
export function trackBytesRead(): (port: number) => number {
  const open = new Map<net.Socket, number>();
  const closed = new Map<number, number>();
  const connect = net.connect;
  net.connect = function (this: unknown, ...args: unknown[]) {
    const socket = (connect as (...a: unknown[]) => net.Socket).apply(this, args);
    const port = Number(args[0]);
    open.set(socket, port);
    socket.once('close', () => {
      closed.set(port, (closed.get(port) ?? 0) + socket.bytesRead);
      open.delete(socket);
    });
    return socket;
  } as typeof net.connect;
  return (port) => {
    let total = closed.get(port) ?? 0;
    for (const [socket, to] of open) if (to === port) total += socket.bytesRead;
    return total;
  };
}
