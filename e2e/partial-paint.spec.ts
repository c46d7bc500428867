import { expect, type Page, test } from '@playwright/test';
import { sampleArticlePath } from './comment-helpers';

// A browser may paint a page before it has parsed all of it (the parser yields on a slow phone or
// under load). Whatever it paints then must not move when the rest arrives: Lighthouse saw the
// search field shrink once the button and the language link were parsed (CLS 0.009).

// The field and its form on wide screens, the search link that takes their place on a phone.
const BOX_OF = '#site-search, form[role="search"], header a[href$="/search"]';

async function boxes(page: Page) {
  return page.locator(BOX_OF).evaluateAll((elements) =>
    elements.map((element) => {
      const r = element.getBoundingClientRect();
      return [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)];
    }),
  );
}

for (const path of ['/', '/en', 'article']) {
  test(`the header's search field keeps its place while the page is still arriving: ${path}`, async ({ page, request }) => {
    const url = path === 'article' ? sampleArticlePath().path : path;
    const html = await (await request.get(url)).text();
    await page.goto(url);
    const whole = await boxes(page);
    expect(whole).toHaveLength(3);
    // Whatever the width, some of them are on screen (hidden ones measure 0 and would always match).
    expect(whole.filter(([, , width]) => width! > 0).length).toBeGreaterThan(0);

    // The document as the parser has it just before the search button, then just before the
    // language link: the browser closes what is open and may paint that.
    const button = html.indexOf('<button type="submit"');
    const cuts = [button, html.lastIndexOf('<a', html.indexOf('hrefLang=', button))];
    for (const cut of cuts) {
      expect(cut, 'the header still has its search button and language link').toBeGreaterThan(0);
      await page.setContent(html.slice(0, cut));
      expect(await boxes(page), `cut before ${html.slice(cut, cut + 30)}`).toEqual(whole);
    }
  });
}
