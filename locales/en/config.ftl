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
