// GET /api/health — Kafka and Druid reachability, the Kafka brokers and Druid's version.
import { HealthSchema } from '@/lib/health';
import { apiRoute } from '@/lib/server/api';
import { currentHealth } from '@/lib/server/health';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ summary: "Whether Tributary reaches Kafka and Druid, with the brokers and Druid's version", response: HealthSchema, timeoutMs: 15_000 }, () => currentHealth());
