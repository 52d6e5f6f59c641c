/**
 * The mocks bench's baseline, in a process of its own as `mocks serve` is:
 * a bare node:http server that answers every request with one fixed reply
 * (argv[2]: `{"body": …, "headers": {…}}`) and does no other work. Prints
 * `listening <url>` first, as `quotastorm mocks serve` does.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

const { body, headers } = JSON.parse(process.argv[2] ?? '') as { body: string; headers: Record<string, string> };
const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => response.writeHead(200, 'OK', { ...headers, 'content-length': String(Buffer.byteLength(body)) }).end(body));
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`listening http://127.0.0.1:${(server.address() as AddressInfo).port}\n`));
process.once('SIGTERM', () => server.close(() => process.exit(0)).closeAllConnections());
