/**
 * A self-signed certificate for `api.telegram.org`, so a gateway that cannot
 * change its Bot API root (openclaw 2026.2.26) can be pointed at the mock:
 * resolve the name to loopback in its network namespace and trust this
 * certificate with NODE_EXTRA_CA_CERTS (what src/sut/recorder.ts does). Made with
 * the openssl CLI: Node can use certificates but not issue them.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { UserError } from '../../src/errors.ts';
import { makeDirectories } from '../../src/io/output-path.ts';

export type TlsCertificate = { certificateFile: string; keyFile: string; certificatePem: string; keyPem: string };

export async function generateCertificate(hostname: string, dir: string): Promise<TlsCertificate> {
  await makeDirectories(dir);
  const certificateFile = join(dir, `${hostname}.crt`);
  const keyFile = join(dir, `${hostname}.key`);
  try {
    await promisify(execFile)('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '30',
      '-subj', `/CN=${hostname}`, '-addext', `subjectAltName=DNS:${hostname}`,
      '-keyout', keyFile, '-out', certificateFile,
    ]);
  } catch (error) {
    throw new UserError(
      `Could not make a TLS certificate for ${hostname} in ${dir} with the openssl CLI (${(error as Error).message.split('\n')[0]}). ` +
        'Install openssl (Debian: apt-get install openssl) or serve Telegram over plain HTTP under /telegram.',
    );
  }
  return { certificateFile, keyFile, certificatePem: await readFile(certificateFile, 'utf8'), keyPem: await readFile(keyFile, 'utf8') };
}
