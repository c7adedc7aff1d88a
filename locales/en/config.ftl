# English texts, used only where a message must be bilingual (configuration errors at start-up).
config-invalid = Configuration error: { $variable }{ $value } — { $hint }
config-hint-database-url = expected file:<path> (SQLite, default file:./data/dunghan.db) or postgresql://user@host:port/db (PostgreSQL)
config-hint-log-level = expected one of fatal, error, warn, info, debug, trace, silent
config-hint-log-pretty = expected auto, 0 or 1
config-hint-demo-seed = expected auto, always or never
config-hint-working-hours = expected ordered, non-overlapping working periods such as 07:30-11:30,13:30-17:00
config-hint-due-soon-working-days = expected an integer from 0 to 10 (working days before the due date that count as due soon)
config-hint-telegram-bot-token = not a BotFather token (123456789:AA…)
config-hint-telegram-api-root = expected an http(s):// URL such as https://api.telegram.org
config-hint-zalo-credentials-file = expected the path of the Zalo credentials file
config-hint-http-host = expected an address to listen on, e.g. 127.0.0.1 (this machine only) or 0.0.0.0 (all)
config-hint-http-port = expected a port from 0 to 65535
config-hint-telegram-mode = expected polling or webhook
config-hint-telegram-webhook-url = expected the public https:// URL Telegram posts updates to (required when TELEGRAM_MODE=webhook)
config-hint-telegram-webhook-secret = expected a secret of 16–256 characters A-Z, a-z, 0-9, _ or - (required when TELEGRAM_MODE=webhook)
config-hint-zalo-min-interval-ms = expected the minimum milliseconds between two Zalo messages (0–600000)
config-hint-alerts-every-minutes = expected the minutes between two alert planning runs (1–1440)
config-hint-alert-overdue-repeat-days = expected the working days between two overdue reminders (1–30)
config-hint-alert-escalate-after-days = expected the working days overdue before escalating to the leader (1–60)
config-hint-alert-include-deputies = expected 0 or 1 (remind the deputies in charge of the field)
config-hint-outbox-max-attempts = expected the maximum delivery attempts (1–50)
config-hint-digest-cron = expected a 5-field cron in Vietnamese time, e.g. 30 7 * * 1 (Monday 07:30)
config-hint-digest-on-holiday = expected next_working_day, same_day or skip
config-hint-ingest-max-body-bytes = expected the maximum size of one ingest request, in bytes
config-hint-stale-after-working-days = expected the working days without new data before the staleness alarm (1–30)
config-hint-commit-max-working-days = expected the most working days ahead, from today, an official may commit to finishing a dossier by (1–250)
config-hint-outbox-retention-days = expected the days sent messages are kept (7–3650)

## The HTTP server cannot listen (start-up, before the banner)
config-port-in-use = Port { $port } is in use — set HTTP_PORT.
config-port-denied = Not allowed to open port { $port } (ports below 1024 need administrator rights) — set HTTP_PORT.
config-host-unavailable = Address { $host } is not on this machine — set HTTP_HOST (e.g. 127.0.0.1 or 0.0.0.0).
