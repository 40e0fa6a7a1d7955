// Sign-in as a desk officer would: the home page sends a signed-out visitor to the form, a
// wrong password keeps them there with a Vietnamese message, the right one lands on home.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, baseUrl, signIn } from './lib.mjs';

test('a signed-out visitor is sent to sign-in, then home after signing in', async () => {
  const browser = await launch();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${baseUrl}/`);
    assert.match(page.url(), /\/dang-nhap\?next=/);
    await page.fill('input[name=username]', 'tiepnhan');
    await page.fill('input[name=password]', 'sai-mat-khau');
    await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
    assert.match(await page.textContent('.error'), /Tên đăng nhập hoặc mật khẩu không đúng/);

    const home = await signIn(browser, 'tiepnhan');
    assert.match(await home.textContent('h1'), /Xin chào, Nguyễn Thị Hoa/);
    const cookies = await home.context().cookies();
    const session = cookies.find((c) => c.name === 'motcua_session');
    assert.ok(session?.httpOnly, 'session cookie must be HttpOnly');
    assert.equal(session.sameSite, 'Strict');
  } finally {
    await browser.close();
  }
});
