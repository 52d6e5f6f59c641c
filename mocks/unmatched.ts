/**
 * Requests no mock answered: a gateway or SDK pointed at a wrong base URL, a
 * path with a typo, an API the mocks do not speak. They are not the
 * provider's traffic, so they have a log of their own rather than rows in
 * the provider journal (which keys every entry by provider and model); `GET
 * /_quotastorm/journal` returns it as `unmatched`, so whoever debugs a run
 * from another process sees what went astray and when.
 */
import { createRecordLog, type RecordLog } from './record-log.ts';

export type UnmatchedRequest = {
  readonly seq: number;
  /** Clock time the request arrived. */
  readonly atMs: number;
  readonly method: string;
  /** As received: the real origin in-process, the served mock's path over HTTP. */
  readonly url: string;
  /** The status sent over HTTP (501 no route, 404 no mount); undefined in-process, where fetch throws UnhandledRequestError. */
  readonly status: number | undefined;
};

export type UnmatchedLog = RecordLog<UnmatchedRequest>;

export function createUnmatchedLog(): UnmatchedLog {
  return createRecordLog<UnmatchedRequest>();
}
