// A Telegram bot token for tests and benches: shaped like a real one (the config schema and the
// log masking check the shape), built at run time so that no token-like text is tracked in git.
// It opens no bot anywhere.
export function fakeBotToken(label: string): string {
  return `${'1'.repeat(9)}:${`fake_${label}_`.padEnd(35, 'x')}`;
}
