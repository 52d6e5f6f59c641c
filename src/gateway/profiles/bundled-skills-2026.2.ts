/**
 * The skills bundled with openclaw@2026.2.26 (`skills/<name>/SKILL.md`), for scenarios whose
 * host has all of them eligible — the shape of the reports behind the incident
 * (openclaw/openclaw#5787: '52 bundled skills + custom' → BOT_COMMANDS_TOO_MUCH). Names as written in
 * each SKILL.md; descriptions already cut to the 100 characters OpenClaw puts in the
 * menu. `canvas` has no frontmatter and is left out, so 51 remain. Which skills are
 * eligible on a real host depends on installed binaries and keys; a scenario picks.
 */
import type { SkillSpec } from '../channels/commands-catalog.ts';

export const BUNDLED_SKILLS_2026_2: readonly SkillSpec[] = [
  { name: '1password', description: 'Set up and use 1Password CLI (op). Use when installing the CLI, enabling desktop app integration, s…' },
  { name: 'apple-notes', description: 'Manage Apple Notes via the `memo` CLI on macOS (create, view, edit, delete, search, move, and expor…' },
  { name: 'apple-reminders', description: 'Manage Apple Reminders via remindctl CLI (list, add, edit, complete, delete). Supports lists, date …' },
  { name: 'bear-notes', description: 'Create, search, and manage Bear notes via grizzly CLI.' },
  { name: 'blogwatcher', description: 'Monitor blogs and RSS/Atom feeds for updates using the blogwatcher CLI.' },
  { name: 'blucli', description: 'BluOS CLI (blu) for discovery, playback, grouping, and volume.' },
  { name: 'bluebubbles', description: 'Use when you need to send or manage iMessages via BlueBubbles (recommended iMessage integration). C…' },
  { name: 'camsnap', description: 'Capture frames or clips from RTSP/ONVIF cameras.' },
  { name: 'clawhub', description: 'Use the ClawHub CLI to search, install, update, and publish agent skills from clawhub.com. Use when…' },
  { name: 'coding-agent', description: 'Delegate coding tasks to Codex, Claude Code, or Pi agents via background process. Use when: (1) bui…' },
  { name: 'discord', description: 'Discord ops via the message tool (channel=discord).' },
  { name: 'eightctl', description: 'Control Eight Sleep pods (status, temperature, alarms, schedules).' },
  { name: 'gemini', description: 'Gemini CLI for one-shot Q&A, summaries, and generation.' },
  { name: 'gh-issues', description: 'Fetch GitHub issues, spawn sub-agents to implement fixes and open PRs, then monitor and address PR …' },
  { name: 'gifgrep', description: 'Search GIF providers with CLI/TUI, download results, and extract stills/sheets.' },
  { name: 'github', description: 'GitHub operations via `gh` CLI: issues, PRs, CI runs, code review, API queries. Use when: (1) check…' },
  { name: 'gog', description: 'Google Workspace CLI for Gmail, Calendar, Drive, Contacts, Sheets, and Docs.' },
  { name: 'goplaces', description: 'Query Google Places API (New) via the goplaces CLI for text search, place details, resolve, and rev…' },
  { name: 'healthcheck', description: 'Host security hardening and risk-tolerance configuration for OpenClaw deployments. Use when a user …' },
  { name: 'himalaya', description: 'CLI to manage emails via IMAP/SMTP. Use `himalaya` to list, read, write, reply, forward, search, an…' },
  { name: 'imsg', description: 'iMessage/SMS CLI for listing chats, history, and sending messages via Messages.app.' },
  { name: 'mcporter', description: 'Use the mcporter CLI to list, configure, auth, and call MCP servers/tools directly (HTTP or stdio),…' },
  { name: 'model-usage', description: 'Use CodexBar CLI local cost usage to summarize per-model usage for Codex or Claude, including the c…' },
  { name: 'nano-banana-pro', description: 'Generate or edit images via Gemini 3 Pro Image (Nano Banana Pro).' },
  { name: 'nano-pdf', description: 'Edit PDFs with natural-language instructions using the nano-pdf CLI.' },
  { name: 'notion', description: 'Notion API for creating and managing pages, databases, and blocks.' },
  { name: 'obsidian', description: 'Work with Obsidian vaults (plain Markdown notes) and automate via obsidian-cli.' },
  { name: 'openai-image-gen', description: 'Batch-generate images via OpenAI Images API. Random prompt sampler + `index.html` gallery.' },
  { name: 'openai-whisper', description: 'Local speech-to-text with the Whisper CLI (no API key).' },
  { name: 'openai-whisper-api', description: 'Transcribe audio via OpenAI Audio Transcriptions API (Whisper).' },
  { name: 'openhue', description: 'Control Philips Hue lights and scenes via the OpenHue CLI.' },
  { name: 'oracle', description: 'Best practices for using the oracle CLI (prompt + file bundling, engines, sessions, and file attach…' },
  { name: 'ordercli', description: 'Foodora-only CLI for checking past orders and active order status (Deliveroo WIP).' },
  { name: 'peekaboo', description: 'Capture and automate macOS UI with the Peekaboo CLI.' },
  { name: 'sag', description: 'ElevenLabs text-to-speech with mac-style say UX.' },
  { name: 'session-logs', description: 'Search and analyze your own session logs (older/parent conversations) using jq.' },
  { name: 'sherpa-onnx-tts', description: 'Local text-to-speech via sherpa-onnx (offline, no cloud)' },
  { name: 'skill-creator', description: 'Create or update AgentSkills. Use when designing, structuring, or packaging skills with scripts, re…' },
  { name: 'slack', description: 'Use when you need to control Slack from OpenClaw via the slack tool, including reacting to messages…' },
  { name: 'songsee', description: 'Generate spectrograms and feature-panel visualizations from audio with the songsee CLI.' },
  { name: 'sonoscli', description: 'Control Sonos speakers (discover/status/play/volume/group).' },
  { name: 'spotify-player', description: 'Terminal Spotify playback/search via spogo (preferred) or spotify_player.' },
  { name: 'summarize', description: 'Summarize or extract text/transcripts from URLs, podcasts, and local files (great fallback for “tra…' },
  { name: 'things-mac', description: 'Manage Things 3 via the `things` CLI on macOS (add/update projects+todos via URL scheme; read/searc…' },
  { name: 'tmux', description: 'Remote-control tmux sessions for interactive CLIs by sending keystrokes and scraping pane output.' },
  { name: 'trello', description: 'Manage Trello boards, lists, and cards via the Trello REST API.' },
  { name: 'video-frames', description: 'Extract frames or short clips from videos using ffmpeg.' },
  { name: 'voice-call', description: 'Start voice calls via the OpenClaw voice-call plugin.' },
  { name: 'wacli', description: 'Send WhatsApp messages to other people or search/sync WhatsApp history via the wacli CLI (not for n…' },
  { name: 'weather', description: 'Get current weather and forecasts via wttr.in or Open-Meteo. Use when: user asks about weather, tem…' },
  { name: 'xurl', description: 'A CLI tool for making authenticated requests to the X (Twitter) API. Use this skill when you need t…' },
];
