// Ad impressions and clicks in the shape of seed 001: the epoch-millis timestamp and the
// click counter both arrive as JSON strings, as that pipeline's producer sent them.
import { eventTimeFor } from '../late-events';
import type { StreamTopic } from '../types';

export const AD_CITIES = ['beijing', 'shanghai', 'hangzhou', 'shenzhen', 'chengdu'] as const;
export const AD_PLATFORMS = ['pc', 'mobile', 'tablet'] as const;
const CLICK_THROUGH_RATE = 0.25;

export const adClicks: StreamTopic = {
  name: 'ad-clicks',
  partitions: 3,
  ratePerSec: 2,
  generate(rng, arrivalMs) {
    const value = {
      timestamp: String(eventTimeFor(rng, arrivalMs)),
      city: rng.pick(AD_CITIES),
      platform: rng.pick(AD_PLATFORMS),
      click: rng.chance(CLICK_THROUGH_RATE) ? '1' : '0',
    };
    return { value: JSON.stringify(value), timestamp: arrivalMs };
  },
};
