import { env } from "@/lib/env";

const QUARTER_HOUR = 15 * 60;
const HOUR = 60 * 60;

/** Requests for sign-in links: per client and per address. */
export const signInLimits = (ip: string, email: string) => [
  { key: `signin:ip:${ip}`, limit: env.RATE_LIMIT_SIGNIN_PER_IP, windowSeconds: QUARTER_HOUR },
  { key: `signin:addr:${email}`, limit: env.RATE_LIMIT_SIGNIN_PER_ADDRESS, windowSeconds: QUARTER_HOUR },
];

/** Opening sign-in links or typing codes: bounds guessing. */
export const callbackLimits = (ip: string) => [
  { key: `callback:ip:${ip}`, limit: env.RATE_LIMIT_SIGNIN_PER_IP * 2, windowSeconds: QUARTER_HOUR },
];

export const signUpLimits = (ip: string, email: string) => [
  { key: `signup:ip:${ip}`, limit: env.RATE_LIMIT_SIGNUP_PER_IP, windowSeconds: HOUR },
  { key: `signup:addr:${email}`, limit: env.RATE_LIMIT_SIGNUP_PER_ADDRESS, windowSeconds: HOUR },
];

/** Newsletter sign-ups: each sends a confirmation mail, so bound them like sign-ups. */
export const newsletterLimits = (ip: string, email: string) => [
  { key: `newsletter:ip:${ip}`, limit: env.RATE_LIMIT_SIGNUP_PER_IP, windowSeconds: HOUR },
  { key: `newsletter:addr:${email}`, limit: env.RATE_LIMIT_SIGNUP_PER_ADDRESS, windowSeconds: HOUR },
];

/** Accessibility feedback: each mails every coordinator and admin. */
export const feedbackLimits = (ip: string) => [{ key: `feedback:ip:${ip}`, limit: 10, windowSeconds: HOUR }];

/** Requests to change one's sign-in address: each mails the new address, so per account and per address. */
export const emailChangeLimits = (userId: string, email: string) => [
  { key: `emailchange:user:${userId}`, limit: env.RATE_LIMIT_SIGNIN_PER_ADDRESS, windowSeconds: HOUR },
  { key: `emailchange:addr:${email}`, limit: env.RATE_LIMIT_SIGNUP_PER_ADDRESS, windowSeconds: HOUR },
];
