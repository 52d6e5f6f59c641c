/** The official client of every provider over a mock world's fetch, SDK retries off (the gateway retries on the clock). */
import Anthropic from '@anthropic-ai/sdk';
import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';

export function sdkClients({ fetch }: { readonly fetch: typeof globalThis.fetch }) {
  return {
    gemini: new GoogleGenAI({ apiKey: 'gemini-test-key', httpOptions: { fetch } }),
    openai: new OpenAI({ apiKey: 'sk-test', fetch, maxRetries: 0 }),
    anthropic: new Anthropic({ apiKey: 'sk-ant-test', fetch, maxRetries: 0 }),
    moonshot: new OpenAI({ apiKey: 'sk-moonshot', baseURL: 'https://api.moonshot.ai/v1', fetch, maxRetries: 0 }),
    xai: new OpenAI({ apiKey: 'xai-test', baseURL: 'https://api.x.ai/v1', fetch, maxRetries: 0 }),
  };
}
