/**
 * Runs before every test file but the two that install msw's setupServer
 * (vitest.config.ts): any HTTP request that leaves the machine fails at once
 * with nock's NetConnectNotAllowedError. quotastorm's tests answer every
 * provider and Telegram call from the in-process mocks or from a mock server
 * on loopback; a request to a real host means a client was not given the
 * mocks' fetch, and would otherwise hang on a sandbox or spend a real quota.
 */
import nock from 'nock';

/** 127.0.0.1, ::1 and localhost, with or without a port: the mock servers (mocks/server.ts) bind loopback only. */
const LOOPBACK = /^(?:127\.0\.0\.1|\[?::1\]?|localhost)(?::\d+)?$/;

nock.disableNetConnect();
nock.enableNetConnect((host) => LOOPBACK.test(host));
