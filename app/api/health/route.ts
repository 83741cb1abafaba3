// GET /api/health — Kafka and Druid reachability, the Kafka brokers and Druid's version.
import { apiRoute } from '@/lib/server/api';
import { currentHealth } from '@/lib/server/health';

export const dynamic = 'force-dynamic';

export const GET = apiRoute({ timeoutMs: 15_000 }, () => currentHealth());
