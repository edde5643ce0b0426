import puppeteer from 'puppeteer-core';
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
for (const [w, h] of [[320, 568], [1280, 800]]) {
  const page = await browser.newPage();
  await page.setViewport({ width: w, height: h });
  await page.goto('http://localhost:8090/docs/demo/index.html#week-1/w1-check', { waitUntil: 'networkidle0' });
  await page.evaluate(() => document.querySelector('compassion-course')?.openWeek?.(1, 'w1-check'));
  await new Promise((r) => setTimeout(r, 1500));
  await page.evaluate(() => {
    const root = document.querySelector('compassion-course').shadowRoot;
    root.querySelector('.measure')?.scrollIntoView();
    root.querySelector('input[name$="-warmth"][value="2"]')?.click(); root.querySelector('.measure-options')?.scrollIntoView();
  });
  await new Promise((r) => setTimeout(r, 500));
  await page.screenshot({ path: `/tmp/measure-${w}.png` });
  await page.close();
}
await browser.close();
