// A supervisor's recentErrors: the last few Kafka and storage errors, and the last few
// unparseable records, kept apart so a flood of bad records never hides a Kafka outage.

export interface RecentError {
  readonly timestamp: string;
  readonly exceptionClass: string;
  readonly message: string;
  readonly streamException: boolean;
}

const MAX_PER_KIND = 5;

export class RecentErrors {
  private readonly operational: RecentError[] = [];
  private readonly parse: RecentError[] = [];

  private push(list: RecentError[], error: RecentError): void {
    list.push(error);
    if (list.length > MAX_PER_KIND) list.shift();
  }

  stream(exceptionClass: string, message: string): void {
    this.push(this.operational, { timestamp: new Date().toISOString(), exceptionClass, message, streamException: true });
  }

  storage(message: string): void {
    this.push(this.operational, { timestamp: new Date().toISOString(), exceptionClass: 'DuckDBException', message, streamException: false });
  }

  unparseable(message: string): void {
    this.push(this.parse, { timestamp: new Date().toISOString(), exceptionClass: 'org.apache.druid.java.util.common.parsers.ParseException', message, streamException: false });
  }

  list(): RecentError[] {
    return [...this.operational, ...this.parse].sort((a, b) => a.timestamp.localeCompare(b.timestamp));
  }
}
