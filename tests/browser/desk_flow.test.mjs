// The desk's day in a browser: intake a dossier with the keyboard (procedure search, Enter to
// move on, Ctrl+Enter to save), print the receipt to PDF without cut-off text, move the
// dossier through processing to return, and see a late postal dossier on the head's overdue
// list, highlighted until the apology is issued.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { launch, baseUrl, signIn } from './lib.mjs';

/** Keeps a screenshot in $MOTCUA_SHOTS (for a human look at the layout). */
async function shot(page, name) {
  if (!process.env.MOTCUA_SHOTS) return;
  mkdirSync(process.env.MOTCUA_SHOTS, { recursive: true });
  await page.screenshot({ path: `${process.env.MOTCUA_SHOTS}/${name}.png`, fullPage: true });
}

/** Local (+07:00) "YYYY-MM-DDTHH:MM" for a datetime-local input, `days` from now at `hour`. */
function localInput(days, hour) {
  const t = new Date(Date.now() + days * 86400e3 + 7 * 3600e3);
  return `${t.toISOString().slice(0, 10)}T${String(hour).padStart(2, '0')}:00`;
}

/** Prints the page to PDF and checks that nothing sticks out of the sheet. */
async function printsCleanly(page, format) {
  await page.emulateMedia({ media: 'print' });
  const overflow = await page.evaluate(() => {
    const sheet = document.querySelector('.sheet');
    const right = sheet.getBoundingClientRect().right + 0.5;
    const out = [...sheet.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > right ||
                                                                el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== 'visible');
    const wide = [...sheet.querySelectorAll('*')].filter((el) => el.scrollWidth > sheet.clientWidth)
      .map((el) => `${el.tagName}.${el.className} ${el.scrollWidth}>${sheet.clientWidth}`);
    return { sheet: sheet.scrollWidth <= sheet.clientWidth, wide, offenders: out.map((el) => el.outerHTML.slice(0, 80)) };
  });
  assert.ok(overflow.sheet, `the sheet must not scroll sideways: ${overflow.wide.join(', ')}`);
  assert.deepEqual(overflow.offenders, []);
  const pdf = await page.pdf({ format, printBackground: false, preferCSSPageSize: true });
  assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
  assert.ok(pdf.length > 5000, `PDF too small: ${pdf.length} bytes`);
  // An A5 slip is one sheet: what spills onto a second one is lost to the citizen who keeps it.
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  if (format === 'A5') assert.equal(pages, 1, `${await page.title()}: ${pages} sheets`);
  await page.emulateMedia({ media: 'screen' });
}

async function submitAction(page, command, fields = {}) {
  const form = page.locator(`form[data-command=${command}]`);
  for (const [name, value] of Object.entries(fields)) {
    const input = form.locator(`[name="${name}"]`);
    if (await input.evaluate((el) => el.tagName === 'SELECT')) await input.selectOption(value);
    else await input.fill(value);
  }
  await Promise.all([page.waitForNavigation(), form.locator('button[type=submit]').click()]);
}

async function intake(page, procedureQuery, applicant, extra = async () => {}) {
  await page.goto(`${baseUrl}/tiep-nhan`);
  // The procedure box has the focus; suggestions come as one types, Enter takes the first.
  await page.keyboard.type(procedureQuery);
  await page.waitForSelector('#procedure-list li[aria-selected=true]');
  await page.keyboard.press('Enter');
  assert.match(await page.inputValue('#procedure'), /^2\.000488 — /);
  assert.equal(await page.evaluate(() => document.activeElement.name), 'channel', 'Enter moves to the next field');
  await extra(page);
  await page.fill('input[name="applicant.name"]', applicant);
  await page.fill('input[name="applicant.id_number"]', '038090001234');
  await page.fill('input[name="applicant.phone"]', '0912345678');
  await page.fill('input[name="applicant.address"]', '12 Lê Lợi, phường Hạc Thành, tỉnh Thanh Hóa');
  await page.fill('input[name="documents[0].name"]', 'Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp (Mẫu số 03/2013/TT-LLTP)');
  await page.fill('input[name="documents[1].name"]', 'Bản chụp Căn cước công dân');
  await page.selectOption('select[name="documents[1].kind"]', 'photocopy');
  await page.focus('input[name="documents[1].count"]');
  await shot(page, `intake-${applicant.split(' ').pop()}`);
  await Promise.all([page.waitForURL(/\/in\/giay-tiep-nhan\?in=1$/), page.keyboard.press('Control+Enter')]);
  return decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
}

test('desk intake, receipt, processing to return, and the head\'s overdue list', async () => {
  const browser = await launch();
  try {
    const desk = await signIn(browser, 'tiepnhan');
    desk.on('dialog', (d) => d.dismiss());

    // A validation error keeps what was typed and speaks Vietnamese.
    await desk.goto(`${baseUrl}/tiep-nhan`);
    await desk.fill('input[name="applicant.phone"]', '0912');
    await Promise.all([desk.waitForNavigation(), desk.click('main button[type=submit]')]);
    assert.match(await desk.textContent('.error-summary'), /thủ tục/i);
    assert.equal(await desk.inputValue('input[name="applicant.phone"]'), '0912');

    const code = await intake(desk, 'ly lich', 'Nguyễn Văn Bình');
    assert.match(code, /^000\.00\.06\.H56-\d{6}-\d{4}$/);
    assert.match(await desk.textContent('h1.title'), /Giấy tiếp nhận hồ sơ và hẹn trả kết quả/i);
    assert.match(await desk.textContent('.sheet'), /Nguyễn Văn Bình/);
    await desk.waitForLoadState('load');
    assert.equal(await desk.evaluate(() => window.__printRequests), 1, 'the receipt opens the print dialog once');
    await shot(desk, 'receipt');
    await printsCleanly(desk, 'A5');

    // Head forwards and assigns; the officer finds it in his queue and records the result.
    const head = await signIn(browser, 'lanhdao');
    await head.goto(`${baseUrl}/ho-so/${code}`);
    await submitAction(head, 'start_processing');
    await submitAction(head, 'assign', { officer: 'xuly' });
    const officer = await signIn(browser, 'xuly');
    await officer.goto(`${baseUrl}/ho-so-cua-toi`);
    await Promise.all([officer.waitForNavigation(), officer.click(`a[href="/ho-so/${code}"]`)]);
    await submitAction(officer, 'resolve', { result_note: 'Đã có Phiếu lý lịch tư pháp số 12/2026' });
    await desk.goto(`${baseUrl}/ho-so/${code}`);
    await submitAction(desk, 'return', { delivery: 'desk' });
    assert.match(await desk.textContent('.card .badge'), /Đã trả kết quả/);
    await desk.goto(`${baseUrl}/ho-so/${code}/in/phieu-kiem-soat`);
    assert.equal(await desk.locator('table.grid tbody tr').count(), 6);
    await printsCleanly(desk, 'A5');

    // A postal dossier handed over a month ago is already late. Filed by a representative, with
    // every document row used: its receipt still fits one A5 sheet.
    const late = await intake(desk, 'phieu ly lich', 'Trần Thị Cúc', async (page) => {
      await page.selectOption('#channel', 'postal');
      await page.selectOption('select[name=result_delivery]', 'postal');
      await page.fill('input[name=received_at]', localInput(-31, 8));
      await page.fill('input[name=handover_at]', localInput(-30, 9));
      await page.fill('input[name="applicant.email"]', 'tran.thi.cuc@example.vn');
      await page.fill('input[name="applicant.representative.name"]', 'Nguyễn Văn Đại Diện Theo Ủy Quyền');
      await page.fill('input[name="applicant.representative.id_number"]', '038090009876');
      const more = ['Văn bản ủy quyền có chứng thực theo quy định của pháp luật về chứng thực',
                    'Bản sao Giấy khai sinh của người được cấp Phiếu lý lịch tư pháp',
                    'Bản sao sổ hộ khẩu hoặc giấy xác nhận thông tin về cư trú',
                    'Giấy tờ chứng minh thuộc đối tượng được miễn, giảm phí cung cấp thông tin lý lịch tư pháp'];
      for (const [i, name] of more.entries()) await page.fill(`input[name="documents[${i + 2}].name"]`, name);
    });
    await printsCleanly(desk, 'A5');
    await head.goto(`${baseUrl}/lanh-dao/han-xu-ly`);
    const row = head.locator('tr', { has: head.locator(`a[href="/ho-so/${late}"]`) });
    assert.match(await row.getAttribute('class'), /overdue breach/);
    assert.match(await row.textContent(), /quá \d+ ngày/);
    assert.match(await row.textContent(), /Chưa có phiếu xin lỗi/);
    await shot(head, 'head-overdue');
    await Promise.all([head.waitForNavigation(), row.locator('a').click()]);
    await head.fill('#xin-loi textarea[name=reason]', 'Chờ xác minh của cơ quan công an');
    await head.fill('#xin-loi input[name=new_due_at]', localInput(10, 16));
    await Promise.all([head.waitForURL(/\/in\/phieu-xin-loi$/), head.click('#xin-loi button[type=submit]')]);
    assert.match(await head.textContent('.sheet'), /Chờ xác minh của cơ quan công an/);
    await shot(head, 'apology');
    await printsCleanly(head, 'A5');
    await head.goto(`${baseUrl}/lanh-dao/han-xu-ly`);
    // With the apology it is no longer a breach, but it stays on the list: still late by law.
    const covered = head.locator('tr', { has: head.locator(`a[href="/ho-so/${late}"]`) });
    assert.equal(await covered.getAttribute('class'), 'overdue');
    assert.match(await covered.textContent(), /Đã có phiếu xin lỗi, hẹn lại/);

    // The register of the day prints on A4 landscape.
    await desk.goto(`${baseUrl}/so-theo-doi`);
    await desk.fill('input[name=from]', localInput(-40, 0).slice(0, 10));
    await Promise.all([desk.waitForNavigation(), desk.click('main button[type=submit]')]);
    assert.ok(await desk.locator(`td:text-is("${late}")`).count() === 1);
    await printsCleanly(desk, 'A4');
  } finally {
    await browser.close();
  }
});
