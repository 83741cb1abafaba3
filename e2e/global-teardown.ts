export default async function globalTeardown(): Promise<void> {
  const pid = Number(process.env.TRIBUTARY_E2E_STACK_PID);
  if (!pid) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return; // already gone
  }
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  process.kill(-pid, 'SIGKILL');
}
