/**
 * Ports of one e2e run. The defaults suit a single run; several runs on one machine (say, two
 * checkouts) each set E2E_PORT and E2E_SMTP_PORT (the capture's HTTP API listens on the next port).
 */
export function appPort(): number {
  return Number(process.env.E2E_PORT ?? 3100);
}

export function smtpCapturePort(): number {
  return Number(process.env.E2E_SMTP_PORT ?? 2525);
}
