// Shared helpers for the browser tests: a headless Debian Chromium and a signed-in page.
import { chromium } from 'playwright-core';

export const baseUrl = process.env.MOTCUA_URL ?? 'http://127.0.0.1:8080';
export const demoPassword = 'motcua2026';

export async function launch() {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
}

/** Opens a new page signed in as `username` through the sign-in form. */
export async function signIn(browser, username) {
  const context = await browser.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  // A headless browser has no print dialog, and a page that called window.print() stays
  // "being printed", which makes page.pdf() fail: count the requests instead, so a test can
  // check that a form asked to be printed.
  await context.addInitScript(() => {
    window.__printRequests = 0;
    window.print = () => { window.__printRequests += 1; };
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  await page.goto(`${baseUrl}/`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', demoPassword);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  return page;
}
